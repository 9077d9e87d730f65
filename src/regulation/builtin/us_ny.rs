//! New York State: the DFS cybersecurity regulation, 23 NYCRR 500.17.

use super::{cal, contents, det, fixed, j, on, on_det, recipient, rep, rid, strs, titles, ymd};
use crate::regulation::{
    Ambiguity, Applicability, Confidence, EntityType, InForce, Limb, Milestone, Offset,
    RecipientKind, Regime, Report, ReportRecipient, Urgency,
};

/// The DFS superintendent, who receives every notice.
fn dfs() -> ReportRecipient {
    recipient(
        RecipientKind::Regulator,
        "NYDFS superintendent (DFS portal)",
    )
}

/// New York DFS 23 NYCRR 500.17 as amended November 2023 \[H\]: notify the superintendent as
/// promptly as possible and within 72 hours of determining that a cybersecurity incident
/// occurred; an extortion payment within 24 hours of payment, and within 30 days a written
/// description of why it was necessary. No weekend relief for the 72 h; whether NY General
/// Construction Law § 25-a rolls the 30 days is untested, so it is an explicit reading.
/// In force from 2023-12-01, when the amended 500.17 took effect; an incident determined
/// before then falls under [`us_ny_dfs_2017`]. Sources:
/// <https://www.law.cornell.edu/regulations/new-york/23-NYCRR-500.17>;
/// <https://www.paulhastings.com/insights/ph-privacy/new-nydfs-part-500-requirements-continue-to-become-effective>.
pub fn us_ny_dfs() -> Regime {
    Regime {
        id: rid("us-ny-dfs-500-17"),
        version: "2023-11-01".to_owned(),
        name: "NYDFS 23 NYCRR 500.17".to_owned(),
        titles: titles("纽约州金融服务局网络安全条例（23 NYCRR 500.17）", "紐約州金融服務署網絡安全規例（23 NYCRR 500.17）"),
        jurisdiction: j("US-NY"),
        sources: strs(&["https://www.law.cornell.edu/regulations/new-york/23-NYCRR-500.17"]),
        in_force: Some(InForce::from(ymd(2023, 12, 1), "Second Amendment to 23 NYCRR 500 (adopted 2023-11-01): the 500.17 notice and extortion-payment requirements effective 2023-12-01 (Paul Hastings, 2023-12-06)").confidence(Confidence::Medium)),
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
.titled("网络安全事件通知", "網絡安全事故通知")
            .limb(Limb::new(on_det("cybersecurity_incident"), Offset::hours(72)))
            .note("continuing duty to update the superintendent with material changes"),
            Report::new(
                rep("extortion-payment-notice"),
                "Notice of extortion payment",
                dfs(),
                Urgency::ByDeadline,
                "23 NYCRR 500.17(c)(1)",
            )
.titled("勒索付款通知", "勒索付款通知")
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
.titled("勒索付款原因的书面说明", "勒索付款原因的書面說明")
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

/// New York DFS 23 NYCRR 500.17(a) as adopted in 2017 \[M\], the version before the 2023
/// amendment: notify the superintendent as promptly as possible and within 72 hours from a
/// determination that a reportable cybersecurity event occurred (one requiring notice to
/// another government body, or reasonably likely to materially harm normal operations).
/// Record that determination as `cybersecurity_incident`. No extortion-payment notices. In
/// force from 2017-08-28 (the regulation took effect 2017-03-01 with a 180-day transition,
/// 500.22(a)) until 2023-11-30. Source:
/// <https://www.alta.org/news-and-publications/news/20231114-Review-of-NYDFS-Cybersecurity-Regulations-Proposed-Changes>.
pub fn us_ny_dfs_2017() -> Regime {
    Regime {
        id: rid("us-ny-dfs-500-17"),
        version: "2017-03-01".to_owned(),
        name: "NYDFS 23 NYCRR 500.17 (2017)".to_owned(),
        titles: titles("纽约州金融服务局网络安全条例（23 NYCRR 500.17）（2017年版）", "紐約州金融服務署網絡安全規例（23 NYCRR 500.17）（2017年版）"),
        jurisdiction: j("US-NY"),
        sources: strs(&["https://www.alta.org/news-and-publications/news/20231114-Review-of-NYDFS-Cybersecurity-Regulations-Proposed-Changes"]),
        in_force: Some(
            InForce::from(ymd(2017, 8, 28), "23 NYCRR 500 effective 2017-03-01 (Phillips Lytle summary) with the 180-day transition of 500.22(a); superseded by the Second Amendment's 500.17 from 2023-12-01")
                .until(ymd(2023, 11, 30))
                .confidence(Confidence::Medium),
        ),
        confidence: Confidence::Medium,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::NydfsCoveredEntity]),
            det("cybersecurity_incident"),
        ]),
        time_zone: fixed(chrono_tz::America::New_York),
        reports: vec![Report::new(
            rep("incident-notice"),
            "Notice of cybersecurity event",
            dfs(),
            Urgency::AsSoonAsPracticable,
            "23 NYCRR 500.17(a) (2017)",
        )
.titled("网络安全事件通知", "網絡安全事件通知")
        .limb(Limb::new(on_det("cybersecurity_incident"), Offset::hours(72)))
        .note("the 2017 text: a reportable cybersecurity event at the covered entity only (affiliates and service providers were added in 2023)")],
        note: None,
    }
}
