//! Singapore: MAS Notice 644 and the PDPA.

use super::{det, fixed, in_force, j, on, recipient, rep, rid, strs, titles};
use crate::regulation::{
    Ambiguity, Applicability, Confidence, EntityType, Limb, Milestone, Offset, RecipientKind,
    Regime, Report, TimeOfDay, Trigger, Urgency,
};

/// Singapore MAS Notice 644 (banks; equivalent technology-risk notices for other
/// licensees) \[M\]: notify MAS as soon as possible and within 1 hour of discovering a
/// relevant incident; a root-cause and impact analysis report within 14 days of discovery.
/// In force from 2014-07-01, when the Technology Risk Management Notices with the 1-hour
/// and 14-day limits took effect. Sources:
/// <https://opcode.com.au/guides/mas-trm-aws-incident-response>;
/// <https://archive.conventuslaw.com/singapore-mas-guidelines-and-notices-a-system-in-place-by-1-july-2014-for-critical-systems/>.
pub fn sg_mas_644() -> Regime {
    let mas = || recipient(RecipientKind::Regulator, "Monetary Authority of Singapore");
    Regime {
        id: rid("sg-mas-644"),
        version: "2024-05-10".to_owned(),
        name: "MAS Notice 644".to_owned(),
        titles: titles("新加坡金融管理局第644号通知", "新加坡金融管理局第644號通知"),
        jurisdiction: j("SG"),
        sources: strs(&["https://opcode.com.au/guides/mas-trm-aws-incident-response"]),
        in_force: in_force((2014, 7, 1), Confidence::Medium, "MAS Notices on Technology Risk Management in effect from 1 July 2014 (1 h notice, 14-day report), https://archive.conventuslaw.com/singapore-mas-guidelines-and-notices-a-system-in-place-by-1-july-2014-for-critical-systems/"),
        confidence: Confidence::Medium,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::MasRegulated]),
            det("relevant_incident"),
        ]),
        time_zone: fixed(chrono_tz::Asia::Singapore),
        reports: vec![
            Report::new(
                rep("notification"),
                "Notification of a relevant incident",
                mas(),
                Urgency::AsSoonAsPracticable,
                "MAS Notice 644 para. 7",
            )
.titled("相关事件通报", "相關事故通報")
            .limb(Limb::new(Trigger::Detected {}, Offset::hours(1))),
            Report::new(
                rep("root-cause-report"),
                "Root-cause and impact analysis report",
                mas(),
                Urgency::ByDeadline,
                "MAS Notice 644 para. 8",
            )
.titled("根本原因及影响分析报告", "根本原因及影響分析報告")
            .limb(Limb::new(Trigger::Detected {}, Offset::days(14)).ambiguous(&[Ambiguity::DayEnd])),
        ],
        note: None,
    }
}

/// Singapore PDPA ss. 26A–26E \[H\]: assess a breach reasonably and expeditiously (PDPC
/// guide: generally within 30 days of awareness); notify the PDPC as soon as practicable
/// and no later than 3 calendar days after the day the breach is assessed notifiable
/// (significant harm, or at least 500 individuals); affected individuals (significant harm
/// only) at the same time or after. In force from 2021-02-01, when Part 6A (mandatory
/// breach notification, PDP (Amendment) Act 2020) commenced. Source:
/// <https://sso.agc.gov.sg/Act/PDPA2012?ProvIds=P16A->.
pub fn sg_pdpa() -> Regime {
    let sg = j("SG");
    Regime {
        id: rid("sg-pdpa"),
        version: "2021-02-01".to_owned(),
        name: "Singapore PDPA Part 6A".to_owned(),
        titles: titles("新加坡《个人数据保护法》第6A部分", "新加坡《個人資料保護法》第6A部"),
        jurisdiction: sg.clone(),
        sources: strs(&["https://sso.agc.gov.sg/Act/PDPA2012?ProvIds=P16A-"]),
        in_force: in_force((2021, 2, 1), Confidence::Medium, "PDP (Amendment) Act 2020: Part 6A (notification of data breaches) in force 1 February 2021"),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::any([
                Applicability::EstablishedIn {
                    jurisdictions: vec![sg.clone()],
                },
                Applicability::AffectedIn {
                    jurisdictions: vec![sg],
                },
            ]),
            Applicability::PersonalDataExposed {},
        ]),
        time_zone: fixed(chrono_tz::Asia::Singapore),
        reports: vec![
            Report::new(
                rep("assessment"),
                "Assessment whether the breach is notifiable",
                recipient(RecipientKind::Internal, "the organisation"),
                Urgency::AsSoonAsPracticable,
                "PDPA s. 26C; PDPC guide on managing data breaches",
            )
.titled("评估泄露是否须通报", "評估外洩是否須通報")
            .confidence(Confidence::Medium)
            .limb(
                Limb::new(on(Milestone::Awareness), Offset::days(30))
                    .ambiguous(&[Ambiguity::DayEnd]),
            )
            .note("the 30 days are PDPC guidance ('generally'), not the Act"),
            Report::new(
                rep("pdpc"),
                "Notification to the PDPC",
                recipient(
                    RecipientKind::Regulator,
                    "Personal Data Protection Commission",
                ),
                Urgency::AsSoonAsPracticable,
                "PDPA s. 26D(1)",
            )
.titled("向个人数据保护委员会通报", "向個人資料保護委員會通報")
            .when(Applicability::any([
                det("significant_harm"),
                Applicability::PeopleAtLeast { count: 500 },
            ]))
            .limb(
                Limb::new(on(Milestone::AssessmentCompleted), Offset::days(3))
                    .at(TimeOfDay::EndOfDay {}),
            ),
            Report::new(
                rep("individuals"),
                "Notification to affected individuals",
                recipient(RecipientKind::AffectedIndividuals, "affected individuals"),
                Urgency::AsSoonAsPracticable,
                "PDPA s. 26D(2)",
            )
.titled("通知受影响的个人", "通知受影響人士")
            .when(det("significant_harm"))
            .note("on or after notifying the PDPC"),
        ],
        note: None,
    }
}
