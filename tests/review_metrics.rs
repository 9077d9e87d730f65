//! Response metrics on hand-built event logs with known answers, and portfolio percentiles
//! against a brute-force computation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;

use incident::actions::*;
use incident::classify::*;
use incident::comms::*;
use incident::id::*;
use incident::regulation::*;
use incident::review::*;
use incident::*;
use proptest::prelude::*;

use driver::commands::*;
use driver::*;

const CAC: &str = "cn-cac-incident-reporting";

/// A data breach on a Chinese platform: occurred 22:00 (estimated), detected 01:30,
/// contained 03:30, customers told 05:00, CAC provincial report filed 06:30 against a
/// 05:30 deadline; never disclosed, remediated, reviewed or closed.
fn breach() -> Desk {
    let mut impact = Impact::default();
    impact.people.estimated = Some(1_500_000);
    impact.data_categories.insert(DataCategory::ContactDetails);
    impact
        .jurisdictions
        .insert(Jurisdiction::new("CN").unwrap());
    let declare = Declare::new(
        IncidentId::from_bytes([7; 16]),
        IncidentKind::DataBreach,
        "Customer data stolen",
    )
    .detection(DetectionSource::CustomerReport, at(2026, 3, 14, 1, 30))
    .occurred_at(at(2026, 3, 13, 22, 0), true)
    .severity(Severity::Sev1)
    .owner(actor("zhang.min"))
    .impact(impact);
    let mut d = Desk::declare(declare, at(2026, 3, 14, 1, 40), "zhang.min");
    d.run(Command::AssignRole {
        role: Role::CommsLead,
        person: actor("li.na"),
    });
    d.run(add_action(
        "C-1",
        ActionKind::Containment,
        "Isolate the database",
        Some("zhang.min"),
        None,
        Some(Measure::IsolateSystems),
    ));
    d.run(add_action(
        "P-1",
        ActionKind::Prevention,
        "Security audit",
        Some("zhang.min"),
        Some(at(2026, 3, 15, 0, 0)),
        Some(Measure::SecurityAudit),
    ));
    d.now = at(2026, 3, 14, 3, 30);
    d.run(complete("C-1"));
    d.run(Command::Contain {
        contained_at: Some(at(2026, 3, 14, 3, 30)),
    });
    d.run(complete_draft(
        "N-1",
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        &[Channel::Email],
    ));
    d.as_actor("li.na").run(approve("N-1"));
    d.now = at(2026, 3, 14, 5, 0);
    d.run(sent("N-1"));
    d.now = at(2026, 3, 14, 6, 30);
    d.run(Command::RecordFiling {
        regime: RegimeId::new(CAC).unwrap(),
        report: ReportId::new("provincial-report").unwrap(),
        submitted_at: None,
        reference: None,
    });
    d.assert_replays();
    d
}

fn profile() -> EntityProfile {
    EntityProfile::new()
        .established_in(Jurisdiction::new("CN").unwrap())
        .entity_type(EntityType::CnPbocInstitution)
}

fn measured(seconds: i64, estimated: bool) -> Elapsed {
    Elapsed::Measured(Span { seconds, estimated })
}

#[test]
fn known_answers_from_the_log_with_missing_milestones_and_an_overrun() {
    let d = breach();
    let incident = Incident::replay(d.log.envelopes()).unwrap();
    let asked = at(2026, 3, 14, 7, 0);
    let obligations =
        Regulation::builtin(profile()).obligations(&incident.regulatory_facts(), asked);
    let m = ResponseMetrics::from_incident(&incident, Some(&obligations));

    assert_eq!(m.detect, measured(3 * 3600 + 1800, true));
    assert_eq!(m.contain, measured(2 * 3600, false));
    assert_eq!(m.first_customer_notice, measured(3 * 3600 + 1800, false));
    for missing in [m.disclose, m.remediate, m.review, m.close] {
        assert_eq!(missing, Elapsed::Missing {});
        assert_eq!(missing.seconds(), None);
    }
    assert_eq!(
        serde_json::to_value(m.disclose).unwrap(),
        serde_json::json!({"status": "missing"})
    );
    assert_eq!(
        serde_json::to_value(m.detect).unwrap(),
        serde_json::json!({"status": "measured", "seconds": 12600, "estimated": true})
    );

    let cac = m
        .regulator_notifications
        .iter()
        .find(|n| n.regime.as_str() == CAC && n.report.as_str() == "provincial-report")
        .unwrap_or_else(|| panic!("{:#?}", m.regulator_notifications));
    assert_eq!(cac.due, Some(at(2026, 3, 14, 5, 30)));
    assert_eq!(cac.submitted_at, Some(at(2026, 3, 14, 6, 30)));
    assert_eq!(cac.slack_seconds, Some(-3600));
    assert_eq!(cac.outcome, DeadlineOutcome::Late);
    assert_eq!(cac.since_detection, measured(5 * 3600, false));
    // Not filed reports are never a zero duration.
    for n in &m.regulator_notifications {
        if n.submitted_at.is_none() {
            assert_eq!(n.since_detection, Elapsed::Missing {});
            assert_ne!(n.outcome, DeadlineOutcome::OnTime);
        }
    }
    assert_eq!(m.inquiries.count, 0);
    assert_eq!(m.compensation, None);

    // The summary: a day later the audit is past due.
    let s = IncidentSummary::from_incident(&incident, Some(&obligations), at(2026, 3, 16, 0, 0));
    assert_eq!(
        (s.detect, s.contain, s.first_customer_notice, s.close),
        (Some(12600), Some(7200), Some(12600), None)
    );
    assert_eq!(s.prevention_past_due, 1);
    let counts = s.deadlines[&RegimeId::new(CAC).unwrap()];
    assert_eq!(counts.late, 1);
    assert_eq!(counts.hit_rate_bp(), Some(0));
    // Detected 01:30, CAC report filed 06:30.
    assert_eq!(s.notified[&RegimeId::new(CAC).unwrap()], 5 * 3600);
    let early = IncidentSummary::from_incident(&incident, None, at(2026, 3, 14, 23, 0));
    assert_eq!(early.prevention_past_due, 0);
    assert!(early.deadlines.is_empty());

    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<IncidentSummary>(&json).unwrap(), s);

    let report = Portfolio::from_iter([&s, &early]).finish();
    assert_eq!(report.incidents, 2);
    assert_eq!(report.by_kind[&IncidentKind::DataBreach], 2);
    assert_eq!(report.by_phase[&Phase::Contained], 2);
    // 7,200 s lies in a 32 s bucket: reported within 1/256 of the exact value.
    let p50 = report.times.contain.p50.unwrap();
    assert!(p50.abs_diff(7200) * 256 <= 7200, "{p50}");
    assert_eq!(report.times.close.count, 0);
    assert_eq!(report.times.close.p50, None);
    let cac = report.deadlines[&RegimeId::new(CAC).unwrap()];
    assert_eq!(cac.hit_rate_bp, Some(0));
    assert_eq!(cac.notified.count, 1);
    let p50 = cac.notified.p50.unwrap();
    assert!(p50.abs_diff(5 * 3600) * 256 <= 5 * 3600, "{p50}");
    assert_eq!(report.prevention_past_due, 1);
    assert_eq!(report.incidents_with_prevention_past_due, 1);
}

#[test]
fn no_occurrence_time_means_time_to_detect_is_missing() {
    let declare = Declare::new(
        IncidentId::from_bytes([8; 16]),
        IncidentKind::AccountTakeover,
        "Accounts taken over",
    )
    .detection(DetectionSource::Monitoring, at(2026, 5, 1, 9, 0))
    .severity(Severity::Sev2)
    .owner(actor("ops"));
    let d = Desk::declare(declare, at(2026, 5, 1, 9, 5), "ops");
    let m = ResponseMetrics::from_incident(&d.incident, None);
    assert!(m.detect.is_missing());
    assert!(m.contain.is_missing());
    assert!(m.first_customer_notice.is_missing());
    assert!(m.regulator_notifications.is_empty());
    let s = IncidentSummary::from_incident(&d.incident, None, d.now);
    assert_eq!((s.detect, s.contain), (None, None));
}

fn nearest_rank(sorted: &[i64], p: usize) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (sorted.len() * p).div_ceil(100).max(1);
    Some(sorted[rank - 1])
}

fn summary(contain: Option<i64>, close: Option<i64>, pick: usize) -> IncidentSummary {
    let mut notified = std::collections::BTreeMap::new();
    if let Some(seconds) = contain.filter(|_| pick % 3 == 0) {
        notified.insert(RegimeId::new("r").unwrap(), seconds);
    }
    IncidentSummary {
        kind: IncidentKind::ALL[pick % IncidentKind::ALL.len()],
        severity: [
            Severity::Sev1,
            Severity::Sev2,
            Severity::Sev3,
            Severity::Sev4,
        ][pick % 4],
        phase: Phase::ALL[pick % Phase::ALL.len()],
        exercise: false,
        detect: None,
        contain,
        first_customer_notice: None,
        disclose: None,
        remediate: None,
        review: None,
        close,
        deadlines: Default::default(),
        notified,
        prevention_past_due: 0,
    }
}

fn within(reported: Option<i64>, exact: Option<i64>) -> bool {
    match (reported, exact) {
        (Some(r), Some(x)) => {
            r.abs_diff(x) * 256 <= x.unsigned_abs().max(1) && (x >= 256 || r == x)
        }
        (None, None) => true,
        _ => false,
    }
}

proptest! {
    #[test]
    fn portfolio_percentiles_match_brute_force(
        values in prop::collection::vec(
            (prop::option::of(prop_oneof![0i64..600, 0i64..400_000_000]),
             prop::option::of(0i64..40_000_000_000),
             0usize..1000),
            0..300,
        )
    ) {
        let summaries: Vec<_> = values.iter().map(|(a, b, k)| summary(*a, *b, *k)).collect();
        let report = Portfolio::from_iter(&summaries).finish();
        let mut contain: Vec<i64> = values.iter().filter_map(|v| v.0).collect();
        let mut close: Vec<i64> = values.iter().filter_map(|v| v.1).collect();
        contain.sort_unstable();
        close.sort_unstable();
        prop_assert_eq!(report.incidents, values.len() as u64);
        prop_assert_eq!(report.times.contain.count, contain.len() as u64);
        for (got, sorted) in [(report.times.contain, &contain), (report.times.close, &close)] {
            prop_assert!(within(got.p50, nearest_rank(sorted, 50)), "{:?} {:?}", got, sorted);
            prop_assert!(within(got.p90, nearest_rank(sorted, 90)), "{:?} {:?}", got, sorted);
        }
        prop_assert_eq!(report.times.detect.p50, None);

        // Counts by kind, severity and phase against a brute-force count.
        for kind in IncidentKind::ALL {
            let n = summaries.iter().filter(|s| s.kind == kind).count() as u64;
            prop_assert_eq!(report.by_kind.get(&kind).copied().unwrap_or(0), n);
            prop_assert!(n > 0 || !report.by_kind.contains_key(&kind));
        }
        for phase in Phase::ALL {
            let n = summaries.iter().filter(|s| s.phase == phase).count() as u64;
            prop_assert_eq!(report.by_phase.get(&phase).copied().unwrap_or(0), n);
        }
        let sev: u64 = report.by_severity.values().sum();
        prop_assert_eq!(sev, values.len() as u64);
        for (severity, n) in &report.by_severity {
            prop_assert_eq!(summaries.iter().filter(|s| s.severity == *severity).count() as u64, *n);
        }
        // Per-regime time to notification.
        let mut notified: Vec<i64> = summaries.iter().filter_map(|s| s.notified.values().next().copied()).collect();
        notified.sort_unstable();
        match report.deadlines.get(&RegimeId::new("r").unwrap()) {
            None => prop_assert!(notified.is_empty()),
            Some(r) => {
                prop_assert_eq!(r.notified.count, notified.len() as u64);
                prop_assert!(within(r.notified.p50, nearest_rank(&notified, 50)));
                prop_assert!(within(r.notified.p90, nearest_rank(&notified, 90)));
            }
        }
    }
}
