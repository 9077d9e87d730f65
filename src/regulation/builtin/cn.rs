//! The People's Republic of China: PIPL, DSL, the CAC reporting measures, CSRC and PBOC.

use super::{cal, contents, det_or, fixed, in_force, j, on, recipient, rep, rid, strs, titles};
use crate::classify::DataCategory;
use crate::regulation::{
    Ambiguity, Applicability, CnGrade, Confidence, EntityType, Limb, Milestone, Offset,
    RecipientKind, Regime, Report, TimeOfDay, Trigger, Urgency,
};

/// PRC Personal Information Protection Law Art. 57 \[H\]: when a leak, tampering or loss of
/// personal information occurs or may occur, immediately (立即) take remedial measures and
/// notify the personal-information protection authorities and the individuals; individuals
/// may be skipped when measures effectively avoid harm, unless the authority requires it.
/// No hour figure: the obligations have no timestamp. In force from 2021-11-01 (Art. 74).
/// Source: PIPL (2021-08-20), npc.gov.cn.
pub fn cn_pipl() -> Regime {
    let cn = j("CN");
    let pipl_contents = || {
        contents(&[
            "categories of personal information involved, cause and possible harm (Art. 57(1))",
            "remedial measures taken and what individuals can do to reduce harm (Art. 57(2))",
            "contact details of the handler (Art. 57(3))",
        ])
    };
    Regime {
        id: rid("cn-pipl-57"),
        version: "2021-11-01".to_owned(),
        name: "PIPL Art. 57".to_owned(),
        titles: titles(
            "《个人信息保护法》第五十七条",
            "《個人信息保護法》第五十七條",
        ),
        jurisdiction: cn.clone(),
        sources: strs(&["个人信息保护法 (2021-08-20), http://www.npc.gov.cn"]),
        in_force: in_force(
            (2021, 11, 1),
            Confidence::High,
            "PIPL Art. 74: 本法自2021年11月1日起施行",
        ),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::any([
                Applicability::EstablishedIn {
                    jurisdictions: vec![cn.clone()],
                },
                Applicability::AffectedIn {
                    jurisdictions: vec![cn],
                },
            ]),
            Applicability::PersonalDataExposed {},
        ]),
        time_zone: fixed(chrono_tz::Asia::Shanghai),
        reports: vec![
            Report::new(
                rep("authority"),
                "Notice to the personal-information protection authorities",
                recipient(RecipientKind::Regulator, "履行个人信息保护职责的部门"),
                Urgency::Immediately,
                "PIPL Art. 57(1)",
            )
            .titled(
                "向履行个人信息保护职责的部门报告",
                "向履行個人資料保護職責的部門報告",
            )
            .contents(pipl_contents()),
            Report::new(
                rep("individuals"),
                "Notice to affected individuals",
                recipient(
                    RecipientKind::AffectedIndividuals,
                    "affected individuals (个人)",
                ),
                Urgency::Immediately,
                "PIPL Art. 57(1), (2)",
            )
            .titled("通知受影响的个人", "通知受影響人士")
            .when(Applicability::not(det_or("harm_avoided", false)))
            .contents(pipl_contents()),
        ],
        note: None,
    }
}

/// PRC Data Security Law Art. 29 \[H\]: on a data security incident, take measures
/// immediately, inform users in a timely manner (及时) and report to the competent
/// department as required. No timestamp. In force from 2021-09-01 (Art. 55). Source: DSL
/// (2021-06-10), npc.gov.cn.
pub fn cn_dsl() -> Regime {
    Regime {
        id: rid("cn-dsl-29"),
        version: "2021-09-01".to_owned(),
        name: "DSL Art. 29".to_owned(),
        titles: titles("《数据安全法》第二十九条", "《數據安全法》第二十九條"),
        jurisdiction: j("CN"),
        sources: strs(&["数据安全法 (2021-06-10), http://www.npc.gov.cn"]),
        in_force: in_force(
            (2021, 9, 1),
            Confidence::High,
            "DSL Art. 55: 本法自2021年9月1日起施行",
        ),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::EstablishedIn {
                jurisdictions: vec![j("CN")],
            },
            Applicability::DataExposed {
                any_of: all_data_categories(),
            },
        ]),
        time_zone: fixed(chrono_tz::Asia::Shanghai),
        reports: vec![
            Report::new(
                rep("competent-department"),
                "Report to the competent department",
                recipient(RecipientKind::Regulator, "有关主管部门"),
                Urgency::Timely,
                "DSL Art. 29",
            )
            .titled("向有关主管部门报告", "向有關主管部門報告"),
            Report::new(
                rep("users"),
                "Information to users",
                recipient(RecipientKind::AffectedIndividuals, "users (用户)"),
                Urgency::Timely,
                "DSL Art. 29",
            )
            .titled("告知用户", "告知用戶"),
        ],
        note: None,
    }
}

fn all_data_categories() -> Vec<DataCategory> {
    vec![
        DataCategory::BasicIdentity,
        DataCategory::IdentityDocument,
        DataCategory::ContactDetails,
        DataCategory::Credentials,
        DataCategory::MultiFactorCredential,
        DataCategory::SessionToken,
        DataCategory::FinancialAccount,
        DataCategory::PaymentCard,
        DataCategory::TransactionHistory,
        DataCategory::VirtualCurrency,
        DataCategory::Biometric,
        DataCategory::Health,
        DataCategory::Location,
        DataCategory::InternalBusiness,
        DataCategory::SystemSecrets,
        DataCategory::SourceCode,
        DataCategory::Other,
    ]
}

/// PRC CAC 国家网络安全事件报告管理办法 (issued 2025-09-11, in force 2025-11-01) \[H\]: on
/// discovering an incident, grade it by the annexed grading guide; for 较大 (relatively
/// major) and above, CII operators report within 1 h to the protection department and the
/// police, central and state organs within 2 h, every other operator within 4 h to the
/// provincial CAC (Art. 4); a summary report within 30 days after handling ends (Art. 8).
/// The clock runs from discovery (the conservative reading; grading time is an explicit
/// alternative). In force from 2025-11-01: an incident discovered before then has no CAC
/// clock under these measures (no earlier version is built in). Sources:
/// <https://www.cac.gov.cn/2025-09/15/c_1759583017717009.htm>;
/// full text with annex <https://www.4hou.com/posts/kg1x>.
pub fn cn_cac() -> Regime {
    let discovery = |hours| {
        Limb::new(Trigger::Detected {}, Offset::hours(hours)).ambiguous(&[Ambiguity::CacAnchor])
    };
    let art7 = || {
        contents(&[
            "operator and affected system (Art. 7(1))",
            "discovery time, incident type, impact and measures taken; ransom details for ransomware (Art. 7(2))",
            "trend of the incident (Art. 7(3))",
            "preliminary cause (Art. 7(4))",
            "leads: attacker, attack path, vulnerability (Art. 7(5))",
            "planned measures and support needed (Art. 7(6))",
            "scene preservation (Art. 7(7))",
        ])
    };
    let cii = Applicability::entity([EntityType::CnCiiOperator]);
    let organ = Applicability::entity([EntityType::CnStateOrgan]);
    Regime {
        id: rid("cn-cac-incident-reporting"),
        version: "2025-11-01".to_owned(),
        name: "CAC Measures for Reporting National Cybersecurity Incidents".to_owned(),
        titles: titles("国家网信办《国家网络安全事件报告管理办法》", "國家網信辦《國家網絡安全事件報告管理辦法》"),
        jurisdiction: j("CN"),
        sources: strs(&[
            "https://www.cac.gov.cn/2025-09/15/c_1759583017717009.htm",
            "https://www.4hou.com/posts/kg1x",
        ]),
        in_force: in_force((2025, 11, 1), Confidence::High, "CAC 国家网络安全事件报告管理办法 (issued 2025-09-11): 自2025年11月1日起施行, https://www.cac.gov.cn/2025-09/15/c_1759583017717009.htm"),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::EstablishedIn {
                jurisdictions: vec![j("CN")],
            },
            Applicability::GradeAtLeast {
                grade: CnGrade::RelativelyMajor,
            },
        ]),
        time_zone: fixed(chrono_tz::Asia::Shanghai),
        reports: vec![
            Report::new(
                rep("cii-report"),
                "Report by a CII operator",
                recipient(RecipientKind::Regulator, "保护工作部门 and 公安机关"),
                Urgency::Immediately,
                "CAC Measures Art. 4(1)",
            )
.titled("关键信息基础设施运营者报告", "關鍵信息基礎設施運營者報告")
            .when(cii.clone())
            .limb(discovery(1))
            .contents(art7()),
            Report::new(
                rep("state-organ-report"),
                "Report by a central or state organ",
                recipient(RecipientKind::Regulator, "本部门网信工作机构"),
                Urgency::Immediately,
                "CAC Measures Art. 4(2)",
            )
.titled("中央和国家机关报告", "中央和國家機關報告")
            .when(Applicability::all([Applicability::not(cii.clone()), organ.clone()]))
            .limb(discovery(2))
            .contents(art7()),
            Report::new(
                rep("provincial-report"),
                "Report to the provincial cyberspace administration",
                recipient(RecipientKind::Regulator, "属地省级网信部门"),
                Urgency::Timely,
                "CAC Measures Art. 4(3)",
            )
.titled("向省级网信部门报告", "向省級網信部門報告")
            .when(Applicability::not(Applicability::any([cii, organ])))
            .limb(discovery(4))
            .contents(art7())
            .note("if cause or impact are unclear in time, report items (1) and (2) first and the rest later (Art. 7)"),
            Report::new(
                rep("summary-report"),
                "Summary report after handling ends",
                recipient(RecipientKind::Regulator, "the original reporting channel"),
                Urgency::ByDeadline,
                "CAC Measures Art. 8",
            )
.titled("处置结束后的总结报告", "處置結束後的總結報告")
            .limb(
                Limb::new(on(Milestone::HandlingEnded), Offset::days(30))
                    .calendar(cal("cn"))
                    .ambiguous(&[Ambiguity::DayEnd, Ambiguity::RestDayExtension]),
            )
            .contents(contents(&[
                "cause, measures taken, harm",
                "accountability",
                "remediation and lessons learned",
            ])),
        ],
        note: Some("sector rules (CSRC, PBOC) apply in addition (Art. 4)".to_owned()),
    }
}

/// CSRC (securities and futures) \[M for Order 218 Art. 39; L for time limits\]: an
/// emergency report to the CSRC and its local office with no hour figure (证券期货业网络和
/// 信息安全管理办法, Order 218, Art. 39). The time limits of CSRC Announcement \[2021\] No. 12
/// were not read; the 5-working-day summary report comes from its superseded 2012
/// predecessor (Ann. \[2012\] No. 46 Art. 18) and ships only as an unverified placeholder.
/// In force from 2023-05-01 (Order 218). Sources:
/// <https://www.csrc.gov.cn/csrc/c101953/c7202800/content.shtml>;
/// <http://4671580.com/article/CS/info-3386_5.html>.
pub fn cn_csrc() -> Regime {
    Regime {
        id: rid("cn-csrc"),
        version: "2023-05-01".to_owned(),
        name: "CSRC cybersecurity incident reporting (securities and futures)".to_owned(),
        titles: titles("中国证监会证券期货业网络安全事件报告", "中國證監會證券期貨業網絡安全事件報告"),
        jurisdiction: j("CN"),
        sources: strs(&[
            "https://www.csrc.gov.cn/csrc/c101953/c7202800/content.shtml",
            "http://4671580.com/article/CS/info-3386_5.html",
        ]),
        in_force: in_force((2023, 5, 1), Confidence::Medium, "CSRC Order 218 (证券期货业网络和信息安全管理办法) in force 2023-05-01, https://www.csrc.gov.cn/csrc/c101953/c7202800/content.shtml"),
        confidence: Confidence::Medium,
        applies_when: Applicability::all([
            Applicability::EstablishedIn {
                jurisdictions: vec![j("CN")],
            },
            Applicability::entity([EntityType::CnSecuritiesFirm]),
        ]),
        time_zone: fixed(chrono_tz::Asia::Shanghai),
        reports: vec![
            Report::new(
                rep("emergency-report"),
                "Emergency report to the CSRC and its local office",
                recipient(RecipientKind::Regulator, "中国证监会及其派出机构"),
                Urgency::Immediately,
                "CSRC Order 218 Art. 39",
            )
.titled("向中国证监会及其派出机构紧急报告", "向中國證監會及其派出機構緊急報告")
            .note("CSRC rule unverified: the time limits of Ann. [2021] No. 12 were not read; the CAC clock still applies"),
            Report::new(
                rep("summary-report"),
                "Investigation and summary report",
                recipient(RecipientKind::Regulator, "中国证监会派出机构"),
                Urgency::ByDeadline,
                "CSRC Ann. [2012] No. 46 Art. 18 (superseded; placeholder)",
            )
.titled("调查与总结报告", "調查與總結報告")
            .confidence(Confidence::Low)
            .limb(
                Limb::new(on(Milestone::HandlingEnded), Offset::working_days(5))
                    .calendar(cal("cn"))
                    .at(TimeOfDay::EndOfDay {}),
            )
            .note("placeholder from the superseded 2012 text until CSRC Ann. [2021] No. 12 is read"),
        ],
        note: None,
    }
}

/// PBOC 中国人民银行业务领域网络安全事件报告管理办法 (Order \[2025\] No. 4, in force
/// 2025-08-01) \[L\]: financial institutions in PBOC business fields report to the PBOC or its
/// local branch (Art. 2). Its time limits were not read (the 2025-01 draft had 30 min and
/// 2 h); the report ships without a timestamp and flagged unverified. Source:
/// <https://lawinfochina.com/display.aspx?id=44842&lib=law>.
pub fn cn_pboc() -> Regime {
    Regime {
        id: rid("cn-pboc"),
        version: "2025-08-01".to_owned(),
        name: "PBOC Measures for Reporting Cybersecurity Incidents in Its Business Fields".to_owned(),
        titles: titles("《中国人民银行业务领域网络安全事件报告管理办法》", "《中國人民銀行業務領域網絡安全事件報告管理辦法》"),
        jurisdiction: j("CN"),
        sources: strs(&["https://lawinfochina.com/display.aspx?id=44842&lib=law"]),
        in_force: in_force((2025, 8, 1), Confidence::High, "PBOC Order [2025] No. 4, order header: in force 2025-08-01, https://lawinfochina.com/display.aspx?id=44842&lib=law"),
        confidence: Confidence::Low,
        applies_when: Applicability::all([
            Applicability::EstablishedIn {
                jurisdictions: vec![j("CN")],
            },
            Applicability::entity([EntityType::CnPbocInstitution]),
        ]),
        time_zone: fixed(chrono_tz::Asia::Shanghai),
        reports: vec![Report::new(
            rep("incident-report"),
            "Report to the PBOC or its local branch",
            recipient(RecipientKind::Regulator, "中国人民银行或者住所地中国人民银行分支机构"),
            Urgency::Immediately,
            "PBOC Order [2025] No. 4 Art. 2",
        )
.titled("向中国人民银行或其分支机构报告", "向中國人民銀行或其分支機構報告")
        .note("time limits not verified (the 2025-01 draft: 30 min brief report, 2 h report); override with the order's text")],
        note: None,
    }
}
