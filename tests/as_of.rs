//! Answers as of a past moment use only what was recorded by then (issue #17).
//!
//! The law, over generated incidents (the scenario generator of `tests/generators`): for
//! every moment `at` from the declaration on, the incident's regulatory facts and
//! obligations as of `at` equal those of the incident replayed from its log cut at `at`
//! (every envelope recorded at or before `at`). The moments probed are each envelope's
//! `recorded_at`, the instant before it, and a day after the last. Two regulations are
//! used, so that DORA, GDPR, NIS2, CAC, SEC, NYDFS, HIPAA and the Singapore and Hong Kong
//! regimes all have a say. The drill scorecard's deadlines and the review metrics'
//! regulator notifications, which read these obligations, agree too.

// Test code: a broken expectation should panic with its value.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod generators;

use chrono::{DateTime, Duration, Utc};
use incident::classify::Jurisdiction;
use incident::id::{CalendarId, FactName};
use incident::locale::Zone;
use incident::regulation::{EntityProfile, EntityType, Regulation};
use incident::review::{DrillScorecard, DrillStandard, ResponseMetrics};
use incident::*;
use proptest::prelude::*;

use driver::actor;
use generators::config;
use generators::scenario::{run, scenario};

fn j(code: &str) -> Jurisdiction {
    Jurisdiction::new(code).unwrap()
}

/// A financial group under most built-in regimes: a payment institution in Germany
/// (DORA, GDPR), a network operator in China, a US registrant and broker-dealer regulated
/// in New York, a HIPAA covered entity, MAS- and SFC-regulated.
fn group() -> Regulation {
    let mut profile = EntityProfile::new()
        .time_zone(Zone::SHANGHAI)
        .calendar(CalendarId::new("cn").unwrap());
    for code in ["DE", "CN", "US-NY", "SG", "HK"] {
        profile = profile.established_in(j(code));
    }
    for t in [
        EntityType::PaymentInstitution,
        EntityType::DataController,
        EntityType::CnNetworkOperator,
        EntityType::SecRegistrant,
        EntityType::SecNotSmallerReportingCompany,
        EntityType::BrokerDealer,
        EntityType::RegSpLargerEntity,
        EntityType::NydfsCoveredEntity,
        EntityType::HipaaCoveredEntity,
        EntityType::MasRegulated,
        EntityType::SgOrganisation,
        EntityType::HkSfcLicensed,
    ] {
        profile = profile.entity_type(t);
    }
    Regulation::builtin(profile)
}

/// An essential entity under NIS2 in Germany (not a DORA entity, so NIS2 applies).
fn nis2() -> Regulation {
    Regulation::builtin(
        EntityProfile::new()
            .established_in(j("DE"))
            .entity_type(EntityType::Nis2Essential)
            .entity_type(EntityType::DataController)
            .time_zone(Zone::BERLIN),
    )
}

/// The moments probed: each envelope's time, the instant before it, a day after the end.
fn moments(log: &[Envelope]) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    for e in log {
        out.push(e.recorded_at() - Duration::nanoseconds(1));
        out.push(e.recorded_at());
    }
    if let Some(last) = log.last() {
        out.push(last.recorded_at() + Duration::days(1));
    }
    out.sort();
    out.dedup();
    out
}

proptest! {
    #![proptest_config(config(64))]

    /// The as-of answer equals the answer of the log cut at that moment.
    #[test]
    fn as_of_equals_the_replayed_prefix(scenario in scenario()) {
        let (log, live) = run(&scenario);
        let envelopes = log.envelopes();
        let regulations = [group(), nis2()];
        let declared_at = envelopes[0].recorded_at();
        for at in moments(envelopes) {
            if at < declared_at {
                continue;
            }
            let n = envelopes.iter().take_while(|e| e.recorded_at() <= at).count();
            let replayed = Incident::replay(&envelopes[..n]).unwrap();
            prop_assert_eq!(live.regulatory_facts_at(at), replayed.regulatory_facts(), "facts as of {}", at);
            for regulation in &regulations {
                let (ours, theirs) = (live.obligations(regulation, at), replayed.obligations(regulation, at));
                prop_assert_eq!(&ours, &theirs, "obligations as of {}", at);
                // What the drill scorecard and the review metrics make of them.
                let standard = DrillStandard::default();
                prop_assert_eq!(
                    DrillScorecard::score(&live, Some(&ours), &standard, at).deadlines,
                    DrillScorecard::score(&replayed, Some(&theirs), &standard, at).deadlines
                );
                prop_assert_eq!(
                    ResponseMetrics::from_incident(&live, Some(&ours)).regulator_notifications,
                    ResponseMetrics::from_incident(&replayed, Some(&theirs)).regulator_notifications
                );
            }
        }
        // The history survives a snapshot round trip.
        let snapshot: Incident = serde_json::from_str(&serde_json::to_string(&live).unwrap()).unwrap();
        prop_assert_eq!(&snapshot, &live);
    }
}

/// The case of the issue: DORA classified at 10:00Z, asked at 09:00Z, shows no initial
/// report yet, even though the classification states an earlier time.
#[test]
fn a_classification_recorded_later_is_not_known_before() {
    use chrono::TimeZone as _;
    let t0 = Utc.with_ymd_and_hms(2026, 3, 9, 8, 0, 0).unwrap();
    let declare = Declare::new(
        IncidentId::from_bytes([7; 16]),
        IncidentKind::ServiceDisruption,
        "Payments API down",
    )
    .detection(DetectionSource::Monitoring, t0)
    .severity(Severity::Sev1)
    .owner(actor("ops.lead"));
    let soc = actor("soc");
    let mut incident =
        Incident::replay(&Incident::declare(&declare, &Context::new(soc.clone(), t0)).unwrap())
            .unwrap();
    let classify = Command::RecordDetermination {
        fact: FactName::new("major_incident").unwrap(),
        value: true,
        determined_at: Some(t0 + Duration::minutes(30)),
        basis: "critical service, more than 10 % of clients".into(),
        assessment: None,
        override_reason: None,
    };
    let ten = t0 + Duration::hours(2);
    for e in incident
        .execute(&classify, &Context::new(soc, ten))
        .unwrap()
    {
        incident.apply(&e).unwrap();
    }
    let germany: incident::regulation::BusinessCalendar = serde_json::from_str(
        r#"{
        "id": "de", "name": "Germany", "time_zone": "Europe/Berlin",
        "weekend": ["saturday", "sunday"], "first_year": 2026, "last_year": 2026,
        "holidays": ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
                     "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26"],
        "working_days": [], "source": "host" }"#,
    )
    .unwrap();
    let mut regulation = Regulation::builtin(
        EntityProfile::new()
            .established_in(j("DE"))
            .entity_type(EntityType::PaymentInstitution)
            .time_zone(Zone::BERLIN)
            .calendar(CalendarId::new("de").unwrap()),
    );
    regulation.calendars.insert(germany);
    let nine = t0 + Duration::hours(1);
    let before = incident.obligations(&regulation, nine);
    assert!(before.get("eu-dora", "initial").is_none(), "{before:#?}");
    assert!(before
        .undetermined
        .iter()
        .any(|u| u.regime.as_str() == "eu-dora"));
    let after = incident.obligations(&regulation, ten);
    let initial = after.get("eu-dora", "initial").unwrap();
    // Once known, the clock runs from the stated time of the classification.
    assert_eq!(
        initial.due,
        Some(t0 + Duration::minutes(30) + Duration::hours(4))
    );
}
