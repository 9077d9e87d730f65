//! Hong Kong: Cap. 653 (critical infrastructure) and the SFC Code of Conduct.

use super::{det, fixed, in_force, j, on, recipient, rep, rid, strs, titles};
use crate::regulation::{
    Ambiguity, Applicability, Confidence, EntityType, Limb, Milestone, Offset, RecipientKind,
    Regime, Report, Urgency,
};

/// Hong Kong Protection of Critical Infrastructures (Computer Systems) Ordinance, Cap. 653
/// (in force 2026-01-01) \[H notice; L written report\]: a designated operator notifies the
/// Commissioner as soon as practicable and within 12 hours of becoming aware if the core
/// function is or is likely to be disrupted, otherwise within 48 hours (s. 28 and
/// Schedule); a written report within 14 days (not verified). Source:
/// <https://www.legco.gov.hk/yr2025/english/ord/2025ord004-e.pdf>.
pub fn hk_cap_653() -> Regime {
    let commissioner = || {
        recipient(
            RecipientKind::Regulator,
            "Commissioner of Critical Infrastructure (Computer-system Security)",
        )
    };
    Regime {
        id: rid("hk-cap-653"),
        version: "2026-01-01".to_owned(),
        name: "Hong Kong Cap. 653".to_owned(),
        titles: titles("香港《保护关键基础设施（电脑系统）条例》（第653章）", "香港《保護關鍵基礎設施（電腦系統）條例》（第653章）"),
        jurisdiction: j("HK"),
        sources: strs(&["https://www.legco.gov.hk/yr2025/english/ord/2025ord004-e.pdf"]),
        in_force: in_force((2026, 1, 1), Confidence::High, "Cap. 653 commencement: in force 2026-01-01 (Ordinance No. 4 of 2025, https://www.legco.gov.hk/yr2025/english/ord/2025ord004-e.pdf)"),
        confidence: Confidence::High,
        applies_when: Applicability::entity([EntityType::HkCriticalInfrastructureOperator]),
        time_zone: fixed(chrono_tz::Asia::Hong_Kong),
        reports: vec![
            Report::new(
                rep("notification-serious"),
                "Notification (core function disrupted)",
                commissioner(),
                Urgency::AsSoonAsPracticable,
                "Cap. 653 s. 28; Schedule",
            )
.titled("通知（核心功能受干扰）", "通知（核心功能受干擾）")
            .when(det("core_function_disrupted"))
            .limb(Limb::new(on(Milestone::Awareness), Offset::hours(12))),
            Report::new(
                rep("notification"),
                "Notification (other incidents)",
                commissioner(),
                Urgency::AsSoonAsPracticable,
                "Cap. 653 s. 28; Schedule",
            )
.titled("通知（其他事件）", "通知（其他事故）")
            .when(Applicability::not(det("core_function_disrupted")))
            .limb(Limb::new(on(Milestone::Awareness), Offset::hours(48))),
            Report::new(
                rep("written-report"),
                "Written report",
                commissioner(),
                Urgency::ByDeadline,
                "Cap. 653 s. 28 (written report)",
            )
.titled("书面报告", "書面報告")
            .confidence(Confidence::Low)
            .limb(
                Limb::new(on(Milestone::Awareness), Offset::days(14))
                    .ambiguous(&[Ambiguity::DayEnd]),
            ),
        ],
        note: None,
    }
}

/// Hong Kong SFC Code of Conduct para. 12.5 \[M\]: a licensed corporation reports material
/// breaches and material failures of its trading or clearing systems immediately, on
/// identification. In force no later than 2015-05-11 (the SFC's circular of that date
/// reminds licensed corporations of it); the paragraph's own commencement was not found,
/// so the date is marked unverified. Sources: <https://conventuslaw.com/?p=72120>; SFC
/// circular of 2018-09 (Herbert Smith Freehills note).
pub fn hk_sfc() -> Regime {
    Regime {
        id: rid("hk-sfc"),
        version: "2024-01-01".to_owned(),
        name: "SFC Code of Conduct para. 12.5".to_owned(),
        titles: titles("香港证监会《操守准则》第12.5段", "香港證監會《操守準則》第12.5段"),
        jurisdiction: j("HK"),
        sources: strs(&["https://conventuslaw.com/?p=72120"]),
        in_force: in_force((2015, 5, 11), Confidence::Low, "not verified: para. 12.5 applied no later than the SFC circular of 2015-05-11 (cited in the SFC's 2018-09 reminder); its commencement was not found"),
        confidence: Confidence::Medium,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::HkSfcLicensed]),
            det("material_breach"),
        ]),
        time_zone: fixed(chrono_tz::Asia::Hong_Kong),
        reports: vec![Report::new(
            rep("report"),
            "Report to the SFC",
            recipient(
                RecipientKind::Regulator,
                "Securities and Futures Commission",
            ),
            Urgency::Immediately,
            "SFC Code of Conduct para. 12.5",
        )
.titled("向香港证监会报告", "向證監會報告")],
        note: None,
    }
}
