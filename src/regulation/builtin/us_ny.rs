//! New York State: the DFS cybersecurity regulation, 23 NYCRR 500.17.

use super::{cal, contents, det, fixed, j, on, on_det, recipient, rep, rid, strs};
use crate::regulation::{
    Ambiguity, Applicability, Confidence, EntityType, Limb, Milestone, Offset, RecipientKind,
    Regime, Report, Urgency,
};

/// New York DFS 23 NYCRR 500.17 as amended November 2023 \[H\]: notify the superintendent as
/// promptly as possible and within 72 hours of determining that a cybersecurity incident
/// occurred; an extortion payment within 24 hours of payment, and within 30 days a written
/// description of why it was necessary. No weekend relief for the 72 h; whether NY General
/// Construction Law § 25-a rolls the 30 days is untested, so it is an explicit reading.
/// Source: <https://www.law.cornell.edu/regulations/new-york/23-NYCRR-500.17>.
pub fn us_ny_dfs() -> Regime {
    let dfs = || {
        recipient(
            RecipientKind::Regulator,
            "NYDFS superintendent (DFS portal)",
        )
    };
    Regime {
        id: rid("us-ny-dfs-500-17"),
        version: "2023-11-01".to_owned(),
        name: "NYDFS 23 NYCRR 500.17".to_owned(),
        jurisdiction: j("US-NY"),
        sources: strs(&["https://www.law.cornell.edu/regulations/new-york/23-NYCRR-500.17"]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::NydfsCoveredEntity]),
            det("cybersecurity_incident"),
        ]),
        time_zone: fixed(chrono_tz::America::New_York),
        reports: vec![
            Report::new(
                rep("incident-notice"),
                "Notice of cybersecurity incident",
                dfs(),
                Urgency::AsSoonAsPracticable,
                "23 NYCRR 500.17(a)(1)",
            )
            .limb(Limb::new(on_det("cybersecurity_incident"), Offset::hours(72)))
            .note("continuing duty to update the superintendent with material changes"),
            Report::new(
                rep("extortion-payment-notice"),
                "Notice of extortion payment",
                dfs(),
                Urgency::ByDeadline,
                "23 NYCRR 500.17(c)(1)",
            )
            .when(Applicability::MilestoneRecorded {
                milestone: Milestone::ExtortionPaymentMade,
            })
            .limb(Limb::new(on(Milestone::ExtortionPaymentMade), Offset::hours(24))),
            Report::new(
                rep("extortion-payment-explanation"),
                "Written description of the reasons for the extortion payment",
                dfs(),
                Urgency::ByDeadline,
                "23 NYCRR 500.17(c)(2)",
            )
            .when(Applicability::MilestoneRecorded {
                milestone: Milestone::ExtortionPaymentMade,
            })
            .limb(
                Limb::new(on(Milestone::ExtortionPaymentMade), Offset::days(30))
                    .calendar(cal("us-federal"))
                    .ambiguous(&[Ambiguity::DayEnd, Ambiguity::RestDayExtension]),
            )
            .contents(contents(&[
                "why the payment was necessary",
                "alternatives to payment considered",
                "diligence to find alternatives and to comply with applicable rules, including OFAC",
            ])),
        ],
        note: None,
    }
}
