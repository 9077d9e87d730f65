//! The United States, federal rules: SEC Forms 8-K and 6-K, Regulation S-P, HIPAA.

use chrono::NaiveTime;

use super::{
    cal, contents, det, det_or, fixed, in_force, j, on, on_det, recipient, rep, rid, strs, titles,
    ymd,
};
use crate::classify::DataCategory;
use crate::regulation::{
    Ambiguity, Applicability, Confidence, DeferralRule, EntityType, InForce, LaterCompliance, Limb,
    Milestone, Offset, RecipientKind, Regime, Report, StartRule, TimeOfDay, Trigger, Urgency,
    ZoneRule,
};

/// The SEC's cybersecurity disclosure release and its compliance dates.
const SEC_CYBER_RELEASE: &str = "Release 33-11216 (88 FR 51896, 2023-08-04), effective 2023-09-05: Form 8-K Item 1.05 and Form 6-K incident disclosure from 2023-12-18, smaller reporting companies (8-K) from 2024-06-15 (confirmed in Paul Hastings, 2023-12-22, and Haynes Boone alerts)";

/// The Reg S-P amendments and their compliance dates.
const REG_SP_RELEASE: &str = "Release 34-100155 (89 FR 47688, 2024-06-03), effective 2024-08-02: larger entities comply from 2025-12-03 (18 months after publication)";

/// The 2013 HIPAA Omnibus Rule's dates.
const HIPAA_OMNIBUS: &str =
    "HIPAA Omnibus Rule (78 FR 5566, 2013-01-25): effective 2013-03-26, compliance 2013-09-23";

/// Reg S-P as amended in 2024: larger entities from 2025-12-03, smaller from 2026-06-03.
fn reg_sp_in_force() -> Option<InForce> {
    Some(
        InForce::from(ymd(2025, 12, 3), REG_SP_RELEASE)
            .confidence(Confidence::Medium)
            .later_for(LaterCompliance {
                from: ymd(2026, 6, 3),
                who: "smaller entities (covered institutions that are not larger entities)".to_owned(),
                entity_type: EntityType::RegSpSmallerEntity,
                otherwise: EntityType::RegSpLargerEntity,
                source: "Release 34-100155: smaller entities comply from 2026-06-03 (24 months after publication)".to_owned(),
            }),
    )
}

fn edgar_cutoff() -> NaiveTime {
    NaiveTime::from_hms_opt(17, 30, 0).unwrap_or(NaiveTime::MIN)
}

fn sec_days(trigger: Trigger) -> Limb {
    Limb::new(trigger, Offset::working_days(4))
        .calendar(cal("us-sec"))
        .ambiguous(&[Ambiguity::ExecutiveOrderClosures])
        .start(StartRule::NextWorkingDayInclusive)
        .at(TimeOfDay::Fixed {
            time: edgar_cutoff(),
        })
}

/// US SEC Form 8-K Item 1.05 \[H\]: a domestic registrant files within four business days of
/// determining a cybersecurity incident material (General Instruction B.1); if the
/// determination day is a Saturday, Sunday or a holiday on which the Commission is closed,
/// the period begins on, and includes, the next business day. Business days per 17 CFR
/// 240.0-2 in US Eastern time; EDGAR filings completed after 17:30 ET take the next
/// business day's date (17 CFR 232.13(a)(2)), so the deadline is 17:30 ET. Missing
/// information is filed on Form 8-K/A within four business days of becoming available
/// (Item 1.05 Instruction 2). Days the government is closed by executive order count as
/// holidays (a named reading; both due times are reported). In force from 2023-12-18;
/// smaller reporting companies from 2024-06-15 (Release 33-11216). Sources:
/// <https://www.formsbank.com/template/75696/current-report-8k-sec.html?page=2>;
/// <https://cooleypubco.com/2023/12/14/corp-fin-cdis-8-ks-cybersecurity>;
/// <https://publiccompanywatch.paulhastings.com/stay-current/cybersecurity-real-time-disclosure-reminder-and-recent-c-and-dis/>.
pub fn us_sec_8k() -> Regime {
    let contents_8k = || {
        contents(&[
            "material aspects of the nature, scope and timing of the incident",
            "material impact or reasonably likely material impact, including on financial condition and results of operations",
        ])
    };
    Regime {
        id: rid("us-sec-8k"),
        version: "2023-12-18".to_owned(),
        name: "SEC Form 8-K Item 1.05".to_owned(),
        titles: titles("美国证券交易委员会8-K表格第1.05项", "美國證券交易委員會8-K表格第1.05項"),
        jurisdiction: j("US"),
        sources: strs(&[
            "https://www.formsbank.com/template/75696/current-report-8k-sec.html?page=2",
            "https://cooleypubco.com/2023/12/14/corp-fin-cdis-8-ks-cybersecurity",
            "17 CFR 240.0-2; 17 CFR 232.13(a)(2)",
        ]),
        in_force: Some(
            InForce::from(ymd(2023, 12, 18), SEC_CYBER_RELEASE)
                .confidence(Confidence::Medium)
                .later_for(LaterCompliance {
                    from: ymd(2024, 6, 15),
                    who: "smaller reporting companies".to_owned(),
                    entity_type: EntityType::SecSmallerReportingCompany,
                    otherwise: EntityType::SecNotSmallerReportingCompany,
                    source: SEC_CYBER_RELEASE.to_owned(),
                }),
        ),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::SecRegistrant]),
            det("material"),
        ]),
        time_zone: fixed(chrono_tz::America::New_York),
        reports: vec![
            Report::new(
                rep("form-8-k"),
                "Form 8-K Item 1.05",
                recipient(RecipientKind::Investors, "SEC (EDGAR)"),
                Urgency::ByDeadline,
                "Form 8-K General Instruction B.1; Item 1.05(a)",
            )
.titled("8-K表格第1.05项", "8-K表格第1.05項")
            .limb(sec_days(on_det("material")))
            .contents(contents_8k())
            .deferral(attorney_general_delay())
            .note("the determination date is taken in US Eastern time, also for registrants elsewhere (conservative); merely asking the Attorney General for a delay does not move the deadline (C&DI 104B.01): record a delay once granted"),
            Report::new(
                rep("form-8-k-a"),
                "Form 8-K/A with the information not available at filing",
                recipient(RecipientKind::Investors, "SEC (EDGAR)"),
                Urgency::ByDeadline,
                "Form 8-K Item 1.05 Instruction 2",
            )
.titled("8-K/A表格（补报提交时尚无的信息）", "8-K/A表格（補報提交時尚無的資料）")
            .when(det_or("information_omitted_from_8k", false))
            .limb(sec_days(on(Milestone::InformationAvailable)))
            .contents(contents_8k()),
        ],
        note: None,
    }
}

/// Form 8-K Item 1.05(c): the registrant may delay the disclosure if the U.S. Attorney
/// General determines that it poses a substantial risk to national security or public safety
/// and notifies the Commission in writing: for the period the Attorney General specifies, up
/// to 30 days after the disclosure was otherwise due; for up to 30 more days if the risk
/// continues; in extraordinary circumstances (national security), for a final period of up
/// to 60 days. Beyond that, only an SEC exemptive order. A request that is not granted does
/// not move the deadline (Corp Fin C&DI 104B.01, 2023-12-14). Sources:
/// <https://www.formsbank.com/template/75696/current-report-8k-sec.html?page=2>;
/// <https://wsgr.com/en/insights/fbi-doj-and-sec-provide-guidance-and-requirements-for-requests-to-delay-form-8-k-disclosures-for-material-cybersecurity-incidents.html>;
/// <https://www.venable.com/insights/publications/2023/12/navigating-sec-cybersecurity-disclosure-guidance>
/// (checked 2026-12-07).
fn attorney_general_delay() -> DeferralRule {
    DeferralRule {
        authority: "U.S. Attorney General".to_owned(),
        steps_days: vec![30, 30, 60],
        citation: "Form 8-K Item 1.05(c)".to_owned(),
        beyond: "a delay beyond the final 60 days needs the Attorney General's continued determination and an SEC exemptive order".to_owned(),
    }
}

/// US SEC Form 6-K for foreign private issuers \[H\]: promptly after the information is made
/// public at home; no four-business-day clock. In force from 2023-12-18 (Release 33-11216).
/// Source: <https://cooleypubco.com/2023/12/14/corp-fin-cdis-8-ks-cybersecurity>.
pub fn us_sec_6k() -> Regime {
    Regime {
        id: rid("us-sec-6k"),
        version: "2023-12-18".to_owned(),
        name: "SEC Form 6-K (foreign private issuers)".to_owned(),
        titles: titles(
            "美国证券交易委员会6-K表格（外国私人发行人）",
            "美國證券交易委員會6-K表格（外國私人發行人）",
        ),
        jurisdiction: j("US"),
        sources: strs(&["https://cooleypubco.com/2023/12/14/corp-fin-cdis-8-ks-cybersecurity"]),
        in_force: in_force((2023, 12, 18), Confidence::Medium, SEC_CYBER_RELEASE),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::ForeignPrivateIssuer]),
            det("material"),
        ]),
        time_zone: fixed(chrono_tz::America::New_York),
        reports: vec![Report::new(
            rep("form-6-k"),
            "Form 6-K",
            recipient(RecipientKind::Investors, "SEC (EDGAR)"),
            Urgency::AsSoonAsPracticable,
            "Form 20-F/6-K cybersecurity amendments (2023)",
        )
        .titled("6-K表格", "6-K表格")
        .note("promptly after disclosure in the home jurisdiction")],
        note: None,
    }
}

/// US SEC Regulation S-P, 17 CFR 248.30 as amended in 2024 \[H deadline; L delay periods\]:
/// covered institutions notify affected individuals as soon as practicable and within 30
/// days of becoming aware of unauthorized access to sensitive customer information, unless
/// an investigation finds no reasonable likelihood of substantial harm. Compliance from
/// 2025-12-03 for larger entities and 2026-06-03 for smaller ones: the entity's size is a
/// named input ([`EntityType::RegSpLargerEntity`], [`EntityType::RegSpSmallerEntity`]);
/// unrecorded, the earlier date is read and the obligation says so. Sources:
/// <https://dlapiper.com/en-us/insights/publications/2024/06/sec-adopts-cyber-amendments-to-regulations-p-top-points>;
/// <https://www.paulhastings.com/insights/ph-privacy/deadline-to-comply-with-regulation-s-p-amendments-is-here-for-larger-entities>.
pub fn us_sec_reg_sp() -> Regime {
    Regime {
        id: rid("us-sec-reg-sp"),
        version: "2024-05-16".to_owned(),
        name: "SEC Regulation S-P 248.30".to_owned(),
        titles: titles("美国证券交易委员会S-P条例第248.30条", "美國證券交易委員會S-P規例第248.30條"),
        jurisdiction: j("US"),
        sources: strs(&["https://dlapiper.com/en-us/insights/publications/2024/06/sec-adopts-cyber-amendments-to-regulations-p-top-points"]),
        in_force: reg_sp_in_force(),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::entity([
                EntityType::BrokerDealer,
                EntityType::InvestmentCompany,
                EntityType::InvestmentAdviser,
                EntityType::TransferAgent,
            ]),
            det("sensitive_customer_information_compromised"),
            Applicability::not(det_or("no_substantial_harm_likely", false)),
        ]),
        time_zone: fixed(chrono_tz::America::New_York),
        reports: vec![Report::new(
            rep("individuals"),
            "Notice to affected individuals",
            recipient(RecipientKind::AffectedIndividuals, "affected individuals"),
            Urgency::AsSoonAsPracticable,
            "17 CFR 248.30(a)(4)(iii)",
        )
.titled("通知受影响的个人", "通知受影響人士")
        .limb(
            Limb::new(on(Milestone::Awareness), Offset::days(30)).ambiguous(&[Ambiguity::DayEnd]),
        )
        .contents(contents(&[
            "the incident and the types of sensitive customer information involved, in general terms",
            "the date or estimated date range of the incident",
            "contact information",
            "what individuals can do: review account statements, fraud alerts, credit reports, FTC identity-theft resources",
        ]))
        .note("a law-enforcement delay (national security, public safety) exists; its periods are not verified and not modelled")],
        note: None,
    }
}

/// US SEC Regulation S-P service providers \[H\]: by contract, notify the covered
/// institution as soon as possible and within 72 hours of becoming aware of a breach of a
/// customer information system they maintain (17 CFR 248.30(a)(5)). Source as for
/// [`us_sec_reg_sp`].
pub fn us_sec_reg_sp_service_provider() -> Regime {
    Regime {
        id: rid("us-sec-reg-sp-service-provider"),
        version: "2024-05-16".to_owned(),
        name: "SEC Regulation S-P service-provider notice".to_owned(),
        titles: titles("美国证券交易委员会S-P条例服务提供商通知", "美國證券交易委員會S-P規例服務供應商通知"),
        jurisdiction: j("US"),
        sources: strs(&["https://dlapiper.com/en-us/insights/publications/2024/06/sec-adopts-cyber-amendments-to-regulations-p-top-points"]),
        in_force: reg_sp_in_force(),
        confidence: Confidence::High,
        applies_when: Applicability::entity([EntityType::RegSpServiceProvider]),
        time_zone: fixed(chrono_tz::America::New_York),
        reports: vec![Report::new(
            rep("covered-institution"),
            "Notice to the covered institution",
            recipient(RecipientKind::BusinessPartner, "the covered institution"),
            Urgency::AsSoonAsPracticable,
            "17 CFR 248.30(a)(5)(i)",
        )
.titled("通知所服务的受规管机构", "通知所服務的受規管機構")
        .limb(Limb::new(on(Milestone::Awareness), Offset::hours(72)))],
        note: None,
    }
}

/// US HIPAA Breach Notification Rule, 45 CFR 164.400–414 \[H\]: individuals without
/// unreasonable delay and within 60 calendar days of discovery (164.404(b)); prominent
/// media when more than 500 residents of a State or jurisdiction are affected (164.406(a),
/// counted per State from the impact's per-jurisdiction counts, never from the total;
/// checked 2026-12-06); HHS at the same
/// time for 500 or more, otherwise in the annual log within 60 days of the end of the
/// calendar year (164.408). In force from 2013-09-23, the compliance date of the 2013
/// Omnibus Rule that set the "low probability of compromise" test; the 2009 interim final
/// rule (breaches discovered from 2009-09-23, a risk-of-harm test) is not built in.
/// Source: eCFR 45 CFR 164.404–414;
/// <https://getpocketlaw.com/law/cfr_45/section-164-408-notification-to-the-secretary_69b7f2ade63f>.
pub fn us_hipaa() -> Regime {
    let sixty =
        || Limb::new(Trigger::Detected {}, Offset::days(60)).ambiguous(&[Ambiguity::DayEnd]);
    let what = || {
        contents(&[
            "what happened, with the dates of the breach and of its discovery",
            "types of protected health information involved",
            "steps individuals should take to protect themselves",
            "what the entity is doing to investigate, mitigate and prevent",
            "contact procedures: toll-free number, e-mail, website or postal address",
        ])
    };
    Regime {
        id: rid("us-hipaa"),
        version: "2013-01-25".to_owned(),
        name: "HIPAA Breach Notification Rule".to_owned(),
        titles: titles("美国HIPAA数据泄露通知规则", "美國HIPAA資料外洩通知規則"),
        jurisdiction: j("US"),
        sources: strs(&[
            "45 CFR 164.404-414 (eCFR)",
            "https://getpocketlaw.com/law/cfr_45/section-164-408-notification-to-the-secretary_69b7f2ade63f",
        ]),
        in_force: in_force((2013, 9, 23), Confidence::Medium, HIPAA_OMNIBUS),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::HipaaCoveredEntity]),
            Applicability::DataExposed {
                any_of: vec![DataCategory::Health],
            },
            Applicability::not(det_or("low_probability_of_compromise", false)),
        ]),
        time_zone: ZoneRule::Entity {},
        reports: vec![
            Report::new(
                rep("individuals"),
                "Notice to individuals",
                recipient(RecipientKind::AffectedIndividuals, "affected individuals"),
                Urgency::WithoutUndueDelay,
                "45 CFR 164.404(b)",
            )
.titled("通知个人", "通知個人")
            .limb(sixty())
            .contents(what()),
            Report::new(
                rep("media"),
                "Notice to prominent media outlets",
                recipient(RecipientKind::Media, "prominent media outlets serving the State"),
                Urgency::WithoutUndueDelay,
                "45 CFR 164.406",
            )
.titled("通知主要媒体", "通知主要傳媒")
            .when(Applicability::PeopleInOneSubdivisionAtLeast {
                count: 501,
                of: vec![j("US")],
            })
            .limb(sixty())
            .contents(what())
            .note("more than 500 residents of one State or jurisdiction (164.406(a); \"State\" includes DC and the territories, 160.103): read from the per-State counts (US-CA, US-PR), undetermined until they settle it; eCFR checked 2026-12-06"),
            Report::new(
                rep("hhs"),
                "Notice to the Secretary of HHS",
                recipient(RecipientKind::Regulator, "HHS Office for Civil Rights"),
                Urgency::WithoutUndueDelay,
                "45 CFR 164.408(b)",
            )
.titled("通知美国卫生与公众服务部部长", "通知美國衞生及公共服務部部長")
            .when(Applicability::PeopleAtLeast { count: 500 })
            .limb(sixty())
            .note("contemporaneously with the notice to individuals"),
            Report::new(
                rep("hhs-annual-log"),
                "Annual log of breaches affecting fewer than 500 individuals",
                recipient(RecipientKind::Regulator, "HHS Office for Civil Rights"),
                Urgency::ByDeadline,
                "45 CFR 164.408(c)",
            )
.titled("影响不足500人的泄露事件年度记录", "影響少於500人的外洩事故年度記錄")
            .when(Applicability::not(Applicability::PeopleAtLeast { count: 500 }))
            .limb(
                Limb::new(Trigger::Detected {}, Offset::days(60))
                    .from_year_end()
                    .at(TimeOfDay::EndOfDay {}),
            ),
        ],
        note: Some("a law-enforcement delay under 164.412 is not modelled".to_owned()),
    }
}

/// US HIPAA business associates, 45 CFR 164.410 \[H\]: notify the covered entity without
/// unreasonable delay and within 60 days of discovery. Source as for [`us_hipaa`].
pub fn us_hipaa_business_associate() -> Regime {
    Regime {
        id: rid("us-hipaa-business-associate"),
        version: "2013-01-25".to_owned(),
        name: "HIPAA business associate notice".to_owned(),
        titles: titles("美国HIPAA业务伙伴通知", "美國HIPAA業務夥伴通知"),
        jurisdiction: j("US"),
        sources: strs(&["45 CFR 164.410 (eCFR)"]),
        in_force: in_force((2013, 9, 23), Confidence::Medium, HIPAA_OMNIBUS),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::HipaaBusinessAssociate]),
            Applicability::DataExposed {
                any_of: vec![DataCategory::Health],
            },
        ]),
        time_zone: ZoneRule::Entity {},
        reports: vec![Report::new(
            rep("covered-entity"),
            "Notice to the covered entity",
            recipient(RecipientKind::BusinessPartner, "the covered entity"),
            Urgency::WithoutUndueDelay,
            "45 CFR 164.410(b)",
        )
.titled("通知所服务的受保实体", "通知所服務的受保實體")
        .limb(Limb::new(Trigger::Detected {}, Offset::days(60)).ambiguous(&[Ambiguity::DayEnd]))
        .note("a business associate that is the covered entity's agent has its discovery imputed to the covered entity")],
        note: None,
    }
}
