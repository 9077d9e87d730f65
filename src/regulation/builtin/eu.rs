//! The European Union: GDPR, NIS2 and DORA.

use chrono::NaiveTime;

use super::{contents, det, det_or, in_force, j, on, on_det, recipient, rep, rid, strs, titles};
use crate::regulation::{
    Ambiguity, Applicability, CalendarRule, Confidence, EntityType, IfOngoing, Limb, Milestone,
    Offset, RecipientKind, Regime, Report, ReportRecipient, Roll, Submission, Trigger, Urgency,
    ZoneRule,
};

fn noon() -> NaiveTime {
    NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN)
}

/// EU GDPR (Regulation (EU) 2016/679) Art. 33 and 34 \[H\]: the controller notifies the
/// supervisory authority without undue delay and, where feasible, within 72 hours of
/// becoming aware, unless the breach is unlikely to result in a risk; data subjects without
/// undue delay when the risk is high; a processor notifies its controller without undue
/// delay (Art. 33(2)). No weekend or holiday relief. In force from 2018-05-25 ("It shall
/// apply from 25 May 2018", Art. 99(2)). Sources: ELI
/// <http://data.europa.eu/eli/reg/2016/679/oj>; EDPB Guidelines 9/2022 on awareness.
pub fn eu_gdpr() -> Regime {
    let eu = j("EU");
    Regime {
        id: rid("eu-gdpr"),
        version: "2016-04-27".to_owned(),
        name: "GDPR Art. 33/34".to_owned(),
        titles: titles("欧盟《通用数据保护条例》（GDPR）第33、34条", "歐盟《通用數據保障條例》（GDPR）第33、34條"),
        jurisdiction: eu.clone(),
        sources: strs(&[
            "http://data.europa.eu/eli/reg/2016/679/oj",
            "https://overview.legal/laws/gdpr/art-34",
        ]),
        in_force: in_force((2018, 5, 25), Confidence::High, "GDPR Art. 99(2): \"It shall apply from 25 May 2018\" (ELI http://data.europa.eu/eli/reg/2016/679/oj)"),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::any([
                Applicability::EstablishedIn {
                    jurisdictions: vec![eu.clone()],
                },
                Applicability::AffectedIn {
                    jurisdictions: vec![eu],
                },
            ]),
            Applicability::PersonalDataExposed {},
        ]),
        time_zone: ZoneRule::Entity {},
        reports: vec![
            Report::new(
                rep("supervisory-authority"),
                "Notification of a personal data breach to the supervisory authority",
                recipient(RecipientKind::Regulator, "competent supervisory authority (Art. 55/56)"),
                Urgency::WithoutUndueDelay,
                "GDPR Art. 33(1)",
            )
.titled("向监管机构通报个人数据泄露", "向監管機構通報個人資料外洩")
            .when(Applicability::all([
                Applicability::not(Applicability::entity([EntityType::DataProcessor])),
                Applicability::not(det_or("risk_unlikely", false)),
            ]))
            .limb(
                Limb::new(on(Milestone::Awareness), Offset::hours(72))
                    .ambiguous(&[Ambiguity::HourCountStart]),
            )
            .contents(contents(&[
                "nature of the breach, categories and approximate numbers of data subjects and records (Art. 33(3)(a))",
                "name and contact details of the DPO or other contact point (Art. 33(3)(b))",
                "likely consequences (Art. 33(3)(c))",
                "measures taken or proposed, including mitigation (Art. 33(3)(d))",
                "reasons for any delay beyond 72 hours (Art. 33(1))",
            ]))
            .note("information may be provided in phases without undue further delay (Art. 33(4))"),
            Report::new(
                rep("data-subjects"),
                "Communication of the breach to data subjects",
                recipient(RecipientKind::AffectedIndividuals, "affected data subjects"),
                Urgency::WithoutUndueDelay,
                "GDPR Art. 34(1)",
            )
.titled("向数据主体告知泄露", "向資料當事人告知外洩")
            .when(Applicability::all([
                Applicability::not(Applicability::entity([EntityType::DataProcessor])),
                det("high_risk"),
                Applicability::not(det_or("art34_exemption", false)),
            ]))
            .contents(contents(&[
                "in clear and plain language, the nature of the breach (Art. 34(2))",
                "contact point (Art. 33(3)(b))",
                "likely consequences (Art. 33(3)(c))",
                "measures taken or proposed (Art. 33(3)(d))",
            ])),
            Report::new(
                rep("controller"),
                "Notification by the processor to the controller",
                recipient(RecipientKind::BusinessPartner, "the controller"),
                Urgency::WithoutUndueDelay,
                "GDPR Art. 33(2)",
            )
.titled("处理者向控制者通报", "處理者向控制者通報")
            .when(Applicability::entity([EntityType::DataProcessor])),
        ],
        note: None,
    }
}

/// EU NIS2 Directive (EU) 2022/2555 Art. 23 \[H for the Directive\]: early warning within
/// 24 h of awareness, incident notification within 72 h (24 h for trust service providers),
/// final report within one month of the incident notification. The binding clock is the
/// Member State's transposition: override this regime per country. Entities under DORA are
/// carved out (Art. 4). In force from 2024-10-18, the day Member States were to apply
/// their transposing measures (Art. 41(1)); a national law that commenced later governs
/// its own date (override this regime). Sources: ELI
/// <http://data.europa.eu/eli/dir/2022/2555/oj>;
/// <https://nis2-info.eu/article-23-reporting-obligations>.
pub fn eu_nis2() -> Regime {
    let awareness = |hours| {
        Limb::new(on(Milestone::Awareness), Offset::hours(hours))
            .ambiguous(&[Ambiguity::HourCountStart])
    };
    let tsp = Applicability::entity([EntityType::TrustServiceProvider]);
    Regime {
        id: rid("eu-nis2"),
        version: "2022-12-14".to_owned(),
        name: "NIS2 Art. 23".to_owned(),
        titles: titles("欧盟NIS2指令第23条", "歐盟NIS2指令第23條"),
        jurisdiction: j("EU"),
        sources: strs(&[
            "http://data.europa.eu/eli/dir/2022/2555/oj",
            "https://nis2-info.eu/article-23-reporting-obligations",
        ]),
        in_force: in_force((2024, 10, 18), Confidence::Medium, "NIS2 Art. 41(1): Member States apply the transposing measures from 18 October 2024; a later national commencement governs (override per country)"),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::EstablishedIn {
                jurisdictions: vec![j("EU")],
            },
            Applicability::entity([
                EntityType::Nis2Essential,
                EntityType::Nis2Important,
                EntityType::TrustServiceProvider,
            ]),
            Applicability::not(Applicability::entity(dora_entities())),
            det("significant_incident"),
        ]),
        time_zone: ZoneRule::Entity {},
        reports: vec![
            Report::new(
                rep("early-warning"),
                "Early warning",
                recipient(RecipientKind::Regulator, "CSIRT or competent authority"),
                Urgency::WithoutUndueDelay,
                "NIS2 Art. 23(4)(a)",
            )
.titled("早期预警", "早期預警")
            .limb(awareness(24))
            .contents(contents(&[
                "whether the incident is suspected of being caused by unlawful or malicious acts",
                "whether it could have a cross-border impact",
            ])),
            Report::new(
                rep("incident-notification"),
                "Incident notification",
                recipient(RecipientKind::Regulator, "CSIRT or competent authority"),
                Urgency::WithoutUndueDelay,
                "NIS2 Art. 23(4)(b)",
            )
.titled("事件通报", "事故通報")
            .when(Applicability::not(tsp.clone()))
            .limb(awareness(72))
            .contents(nis2_notification_contents()),
            Report::new(
                rep("incident-notification-tsp"),
                "Incident notification (trust service provider)",
                recipient(RecipientKind::Regulator, "CSIRT or competent authority"),
                Urgency::WithoutUndueDelay,
                "NIS2 Art. 23(4), second subparagraph",
            )
.titled("事件通报（信任服务提供者）", "事故通報（信任服務提供者）")
            .when(tsp)
            .limb(awareness(24))
            .contents(nis2_notification_contents()),
            nis2_final_report(),
        ],
        note: Some("the binding clock is the Member State's transposition: override this regime per country".to_owned()),
    }
}

fn nis2_notification_contents() -> Vec<String> {
    contents(&[
        "update of the early warning",
        "initial assessment: severity and impact",
        "indicators of compromise, where available",
    ])
}

/// NIS2 Art. 23(4)(d): the final report, one month after the incident notification (either
/// kind); for an incident still ongoing then, Art. 23(4)(e): a progress report at that time
/// and the final report one month after handling ends (see [`IfOngoing`]; ELI
/// <http://data.europa.eu/eli/dir/2022/2555/oj>, checked 2026-12-06).
fn nis2_final_report() -> Report {
    Report::new(
        rep("final-report"),
        "Final report",
        recipient(RecipientKind::Regulator, "CSIRT or competent authority"),
        Urgency::ByDeadline,
        "NIS2 Art. 23(4)(d)",
    )
.titled("最终报告", "最終報告")
    .limb(
        Limb::new(
            Trigger::Filed {
                report: rep("incident-notification"),
                which: Submission::First,
            },
            Offset::months(1),
        )
        .ambiguous(&[Ambiguity::DayEnd]),
    )
    .limb(
        Limb::new(
            Trigger::Filed {
                report: rep("incident-notification-tsp"),
                which: Submission::First,
            },
            Offset::months(1),
        )
        .ambiguous(&[Ambiguity::DayEnd]),
    )
    .contents(contents(&[
        "detailed description, severity and impact",
        "type of threat or root cause",
        "mitigation measures applied and ongoing",
        "cross-border impact, if any",
    ]))
    .note("if the incident is still ongoing at this due time, a progress report is due then instead and the final report one month after handling ends (Art. 23(4)(e)): record the handling_ended milestone")
    .if_ongoing(IfOngoing {
        until: Milestone::HandlingEnded,
        progress: rep("progress-report"),
        progress_name: "Progress report (incident still ongoing)".to_owned(),
        then: Limb::new(on(Milestone::HandlingEnded), Offset::months(1))
            .ambiguous(&[Ambiguity::DayEnd]),
        citation: "NIS2 Art. 23(4)(e)".to_owned(),
    })
}

fn dora_entities() -> Vec<EntityType> {
    vec![
        EntityType::DoraFinancialEntity,
        EntityType::CreditInstitution,
        EntityType::PaymentInstitution,
        EntityType::EMoneyInstitution,
        EntityType::InvestmentFirm,
        EntityType::CentralCounterparty,
        EntityType::TradingVenueOperator,
    ]
}

/// EU DORA (Regulation (EU) 2022/2554) Art. 19 with Commission Delegated Regulation (EU)
/// 2025/301 Art. 5 \[H timelines; M weekend clause wording\]: the initial notification within
/// 4 h of classification as major and 24 h of awareness, whichever is earlier (5(1)(a));
/// if classified more than 24 h after awareness, 4 h from classification (5(2)); the
/// intermediate report within 72 h of the initial notification's submission (5(1)(b)); the
/// final report within one month of the latest intermediate report (5(1)(c)). A deadline on
/// a weekend day or bank holiday of the entity's Member State moves to 12:00 of the next
/// working day (5(4)), except for initial and intermediate reports of credit institutions,
/// central counterparties, trading-venue operators, NIS2 essential or important entities
/// and entities their authority excluded (5(5), 5(6)). In force from 2025-01-17 (DORA
/// Art. 64); the RTS itself (OJ L 2025/301 of 2025-02-20) entered into force twenty days
/// after publication, on 2025-03-12, and the same limits stood in the ESAs' final draft
/// before that. Sources: ELI
/// <http://data.europa.eu/eli/reg_del/2025/301/oj>;
/// <https://nomox.eu/nomox_en/2022r2554-dora/2025r0301-dora301/2025r0301_en.2>.
pub fn eu_dora() -> Regime {
    Regime {
        id: rid("eu-dora"),
        version: "2025-02-20".to_owned(),
        name: "DORA Art. 19 / RTS 2025/301".to_owned(),
        titles: titles("欧盟《数字运营韧性法案》（DORA）第19条及RTS 2025/301", "歐盟《數碼營運韌性法案》（DORA）第19條及RTS 2025/301"),
        jurisdiction: j("EU"),
        sources: strs(&[
            "http://data.europa.eu/eli/reg_del/2025/301/oj",
            "https://nomox.eu/nomox_en/2022r2554-dora/2025r0301-dora301/2025r0301_en.2",
        ]),
        in_force: in_force((2025, 1, 17), Confidence::Medium, "DORA Art. 64: applies from 17 January 2025; RTS 2025/301 (OJ L, 20.2.2025) in force on the twentieth day after publication (2025-03-12), with the same time limits in the ESAs' final draft RTS before then"),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::EstablishedIn {
                jurisdictions: vec![j("EU")],
            },
            Applicability::entity(dora_entities()),
            det("major_incident"),
        ]),
        time_zone: ZoneRule::Entity {},
        reports: vec![
            dora_initial(),
            dora_intermediate(),
            dora_final(),
            dora_clients(),
        ],
        note: Some("if a deadline cannot be met, inform the authority before it expires, with reasons (RTS Art. 5(3))".to_owned()),
    }
}

/// RTS 2025/301 Art. 5(5), 5(6): the entities without weekend relief for initial and
/// intermediate reports.
fn dora_no_relief() -> Option<Applicability> {
    Some(Applicability::entity([
        EntityType::CreditInstitution,
        EntityType::CentralCounterparty,
        EntityType::TradingVenueOperator,
        EntityType::Nis2Essential,
        EntityType::Nis2Important,
        EntityType::DoraReliefExcluded,
    ]))
}

/// RTS 2025/301 Art. 5(4): a deadline on a rest day moves to 12:00 of the next working day.
fn dora_relief() -> Roll {
    Roll::NextWorkingDayAt { time: noon() }
}

/// DORA Art. 19(1): the competent authority.
fn dora_authority() -> ReportRecipient {
    recipient(
        RecipientKind::Regulator,
        "competent authority (DORA Art. 19(1))",
    )
}

/// RTS 2025/301 Art. 5(1)(a), 5(2): the initial notification, whichever limb ends first.
fn dora_initial() -> Report {
    Report::new(
        rep("initial"),
        "Initial notification",
        dora_authority(),
        Urgency::AsSoonAsPracticable,
        "RTS 2025/301 Art. 5(1)(a), 5(2)",
    )
.titled("初始通报", "初始通報")
    .limb(
        Limb::new(on_det("major_incident"), Offset::hours(4))
            .calendar(CalendarRule::Entity {})
            .roll(dora_relief(), dora_no_relief())
            .ambiguous(&[Ambiguity::HourCountStart]),
    )
    .limb(
        Limb::new(on(Milestone::Awareness), Offset::hours(24))
            .calendar(CalendarRule::Entity {})
            .roll(dora_relief(), dora_no_relief())
            .ambiguous(&[Ambiguity::HourCountStart]),
    )
    .contents(contents(&[
        "incident reference code, detection and classification times (RTS Art. 2)",
        "description, classification criteria met, Member States affected",
        "how the incident was discovered and its origin",
        "business continuity plan activated",
    ]))
    .note("earlier of the two limbs governs (Art. 5(1)(a)); the weekend test uses the Member State's calendar")
}

/// RTS 2025/301 Art. 5(1)(b): the intermediate report, 72 h after the initial notification.
fn dora_intermediate() -> Report {
    Report::new(
        rep("intermediate"),
        "Intermediate report",
        dora_authority(),
        Urgency::ByDeadline,
        "RTS 2025/301 Art. 5(1)(b)",
    )
.titled("中期报告", "中期報告")
    .limb(
        Limb::new(
            Trigger::Filed {
                report: rep("initial"),
                which: Submission::First,
            },
            Offset::hours(72),
        )
        .calendar(CalendarRule::Entity {})
        .roll(dora_relief(), dora_no_relief())
        .ambiguous(&[Ambiguity::HourCountStart]),
    )
    .contents(contents(&[
        "occurrence and recovery times, incident type, techniques (RTS Art. 3)",
        "affected functions and processes, impact on clients",
        "indicators of compromise",
    ]))
    .note("due even if nothing changed; file an updated intermediate report without undue delay when regular activities recover")
}

/// RTS 2025/301 Art. 5(1)(c): the final report, one month after the latest intermediate
/// report; weekend relief for every entity.
fn dora_final() -> Report {
    Report::new(
        rep("final"),
        "Final report",
        dora_authority(),
        Urgency::ByDeadline,
        "RTS 2025/301 Art. 5(1)(c)",
    )
    .titled("最终报告", "最終報告")
    .limb(
        Limb::new(
            Trigger::Filed {
                report: rep("intermediate"),
                which: Submission::Latest,
            },
            Offset::months(1),
        )
        .calendar(CalendarRule::Entity {})
        .roll(dora_relief(), None)
        .ambiguous(&[Ambiguity::DayEnd]),
    )
    .contents(contents(&[
        "root causes (RTS Art. 4)",
        "how the incident was resolved",
        "costs and losses",
    ]))
}

/// DORA Art. 19(3): information to clients whose financial interests are affected.
fn dora_clients() -> Report {
    Report::new(
        rep("clients"),
        "Information to affected clients",
        recipient(
            RecipientKind::AffectedIndividuals,
            "clients whose financial interests are affected",
        ),
        Urgency::WithoutUndueDelay,
        "DORA Art. 19(3)",
    )
    .titled("告知受影响客户", "告知受影響客戶")
    .when(det("client_financial_interests_affected"))
    .contents(contents(&[
        "the incident",
        "measures taken to mitigate its adverse effects",
    ]))
}
