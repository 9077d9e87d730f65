//! One rule, one place: whether an obligation was met on time, met late, missed or is
//! still open is decided by `Obligation::outcome` alone, and every consumer agrees with it
//! on every obligation of generated incidents:
//!
//! - the classifier itself matches a reference model written from the obligation's due
//!   time, its filing and the moment asked;
//! - the drill score (`Obligations::score`) counts and margins;
//! - the drill scorecard's per-deadline outcomes, margins and deadline gaps;
//! - the response metrics' per-regulator notification outcomes and slack, and the
//!   summary's per-regime counts.
//!
//! The consumers are checked twice: on the obligations the incident really has, and on the
//! same obligations with due times and statuses scrambled (as a host-built or hand-edited
//! value could hold), where the old per-consumer rules disagreed.

// Test code: a broken expectation should panic with its value.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod generators;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};
use generators::config;
use generators::scenario::{run, scenario, Scenario};
use incident::classify::{DataCategory, Impact, Jurisdiction};
use incident::id::{CalendarId, RegimeId, ReportId};
use incident::locale::Zone;
use incident::regulation::*;
use incident::review::{
    DeadlineCounts, DeadlineOutcome, DrillGap, DrillScorecard, DrillStandard, IncidentSummary,
    ResponseMetrics,
};
use incident::{ActorId, Command, Context, Incident};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};

// --- incidents with something to report ---------------------------------------------------

/// Who and what a breach touched: enough, in some runs, for GDPR, CAC, PIPL and the other
/// regimes to apply from detection on (the generated declaration has no impact).
fn impact() -> impl Strategy<Value = Impact> {
    (
        proptest::option::of(select(vec![80u64, 20_000, 1_500_000])),
        proptest::sample::subsequence(
            vec![
                DataCategory::ContactDetails,
                DataCategory::FinancialAccount,
                DataCategory::Credentials,
                DataCategory::Health,
            ],
            0..=2,
        ),
        proptest::sample::subsequence(vec!["CN", "DE", "FR", "HK", "US-NY"], 0..=3),
    )
        .prop_map(|(people, categories, places)| {
            let mut impact = Impact::default();
            impact.people.estimated = people;
            impact.data_categories.extend(categories);
            impact
                .jurisdictions
                .extend(places.into_iter().map(|j| Jurisdiction::new(j).unwrap()));
            impact
        })
}

/// A generated scenario whose declaration carries an [`impact`].
fn breach() -> impl Strategy<Value = Scenario> {
    (scenario(), impact()).prop_map(|(mut scenario, impact)| {
        scenario.declare = scenario.declare.impact(impact);
        scenario
    })
}

// --- the regulations the incidents are measured against -------------------------------

/// Germany's 2026 public holidays: DORA's working-day clocks name the entity's calendar.
fn germany_2026() -> BusinessCalendar {
    serde_json::from_value(serde_json::json!({
        "id": "de",
        "name": "Germany, nationwide public holidays",
        "time_zone": "Europe/Berlin",
        "weekend": ["saturday", "sunday"],
        "first_year": 2026,
        "last_year": 2026,
        "holidays": ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
                     "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26"],
        "working_days": [],
        "source": "test fixture"
    }))
    .unwrap()
}

/// Two entities with different clocks: a payment institution and data controller in
/// Frankfurt (DORA, GDPR) and a PBOC-supervised platform in China (CAC, PBOC, PIPL, DSL).
fn regulations() -> Vec<Regulation> {
    let eu = EntityProfile::new()
        .established_in(Jurisdiction::new("DE").unwrap())
        .entity_type(EntityType::PaymentInstitution)
        .entity_type(EntityType::DataController)
        .time_zone(Zone::BERLIN)
        .calendar(CalendarId::new("de").unwrap());
    let mut eu = Regulation::builtin(eu);
    eu.calendars.insert(germany_2026());
    let cn = EntityProfile::new()
        .established_in(Jurisdiction::new("CN").unwrap())
        .entity_type(EntityType::CnPbocInstitution)
        .time_zone(Zone::SHANGHAI)
        .calendar(CalendarId::new("cn").unwrap());
    vec![eu, Regulation::builtin(cn)]
}

/// The moments asked: the last event, then later, when short clocks have run out and
/// the long ones (a month) too.
fn moments(incident: &Incident) -> [DateTime<Utc>; 4] {
    let last = incident.updated_at();
    [
        last,
        last + Duration::hours(5),
        last + Duration::days(4),
        last + Duration::days(45),
    ]
}

/// A filing aimed at one obligation the incident owes (the generator files reports by
/// name, and rarely the ones owed): which one, as an index into the list, and when,
/// relative to its due time (to the last event, without one) in milliseconds.
#[derive(Debug, Clone)]
struct Aim {
    pick: usize,
    offset_ms: i64,
}

fn aims() -> impl Strategy<Value = Vec<Aim>> {
    let offset = prop_oneof![
        1 => Just(0),
        2 => -2_000i64..2_000,
        3 => -36_000_000i64..36_000_000,
        1 => -3_000_000_000i64..3_000_000_000,
    ];
    vec(
        (0usize..64, offset).prop_map(|(pick, offset_ms)| Aim { pick, offset_ms }),
        0..4,
    )
}

/// Runs the aimed filings through the host loop (rejected ones change nothing).
fn file(incident: &mut Incident, regulation: &Regulation, aims: &[Aim]) {
    let actor = ActorId::new("soc.oncall").unwrap();
    for aim in aims {
        let now = incident.updated_at();
        let owed = regulation.obligations(&incident.regulatory_facts(), now);
        let Some(o) = owed
            .obligations
            .get(aim.pick % owed.obligations.len().max(1))
        else {
            return;
        };
        let submitted_at = o.due.unwrap_or(now) + Duration::milliseconds(aim.offset_ms);
        let command = Command::RecordFiling {
            regime: o.regime.clone(),
            report: o.report.clone(),
            submitted_at: Some(submitted_at),
            reference: None,
        };
        let context = Context::new(actor.clone(), submitted_at.max(now) + Duration::seconds(1));
        if let Ok(envelopes) = incident.execute(&command, &context) {
            for envelope in &envelopes {
                incident.apply(envelope).unwrap();
            }
        }
    }
}

/// Every set of obligations of `incident` with the aimed filings: each regulation at each
/// moment, with the incident it was computed for.
fn obligations_of(incident: &Incident, aims: &[Aim]) -> Vec<(Incident, Obligations)> {
    let mut out = Vec::new();
    for regulation in regulations() {
        let mut incident = incident.clone();
        file(&mut incident, &regulation, aims);
        let facts = incident.regulatory_facts();
        for at in moments(&incident) {
            out.push((incident.clone(), regulation.obligations(&facts, at)));
        }
    }
    out
}

// --- what each consumer should say, written from the classifier -------------------------

/// The metrics' and the scorecard's word for an outcome.
fn deadline_outcome(outcome: ObligationOutcome) -> DeadlineOutcome {
    match outcome {
        ObligationOutcome::OnTime { .. } => DeadlineOutcome::OnTime,
        ObligationOutcome::Late { .. } => DeadlineOutcome::Late,
        ObligationOutcome::Missed { .. } => DeadlineOutcome::Missed,
        ObligationOutcome::Open { .. } => DeadlineOutcome::Open,
        ObligationOutcome::Untimed { submitted_at } => match submitted_at {
            Some(_) => DeadlineOutcome::Filed,
            None => DeadlineOutcome::Open,
        },
    }
}

/// Seconds to the due time: slack (positive), overrun or overdue (negative), remaining
/// while open; none without a due time.
fn slack(outcome: ObligationOutcome) -> Option<i64> {
    match outcome {
        ObligationOutcome::OnTime { slack_seconds, .. } => Some(slack_seconds),
        ObligationOutcome::Late { late_seconds, .. } => Some(-late_seconds),
        ObligationOutcome::Missed { overdue_seconds } => Some(-overdue_seconds),
        ObligationOutcome::Open { remaining_seconds } => Some(remaining_seconds),
        ObligationOutcome::Untimed { .. } => None,
    }
}

/// The margin of a decided outcome.
fn margin(outcome: ObligationOutcome) -> Option<i64> {
    match outcome {
        ObligationOutcome::Open { .. } | ObligationOutcome::Untimed { .. } => None,
        decided => slack(decided),
    }
}

fn submitted(outcome: ObligationOutcome) -> Option<DateTime<Utc>> {
    match outcome {
        ObligationOutcome::OnTime { submitted_at, .. }
        | ObligationOutcome::Late { submitted_at, .. } => Some(submitted_at),
        ObligationOutcome::Untimed { submitted_at } => submitted_at,
        ObligationOutcome::Missed { .. } | ObligationOutcome::Open { .. } => None,
    }
}

fn timed(outcome: ObligationOutcome) -> bool {
    !matches!(outcome, ObligationOutcome::Untimed { .. })
}

/// The reference model: the outcome from the due time, the filing (if any, at or before
/// `at`) and `at` alone, as the obligation's documentation states it.
fn reference(
    due: Option<DateTime<Utc>>,
    filed: Option<DateTime<Utc>>,
    at: DateTime<Utc>,
) -> ObligationOutcome {
    match (due, filed) {
        (None, submitted_at) => ObligationOutcome::Untimed { submitted_at },
        (Some(due), Some(s)) if s <= due => ObligationOutcome::OnTime {
            submitted_at: s,
            slack_seconds: (due - s).num_seconds(),
        },
        (Some(due), Some(s)) => ObligationOutcome::Late {
            submitted_at: s,
            late_seconds: (s - due).num_seconds(),
        },
        (Some(due), None) if at >= due => ObligationOutcome::Missed {
            overdue_seconds: (at - due).num_seconds(),
        },
        (Some(due), None) => ObligationOutcome::Open {
            remaining_seconds: (due - at).num_seconds(),
        },
    }
}

// --- the checks ---------------------------------------------------------------------------

/// The classifier against the reference model, on obligations the crate computed.
fn check_classifier(incident: &Incident, obligations: &Obligations) -> Result<(), TestCaseError> {
    let filings = &incident.regulatory_facts().filings;
    for o in &obligations.obligations {
        let filed = filings
            .iter()
            .filter(|f| {
                f.regime == o.regime && f.report == o.report && f.submitted_at <= obligations.at
            })
            .map(|f| f.submitted_at)
            .min();
        prop_assert_eq!(
            o.outcome(),
            reference(o.due, filed, obligations.at),
            "{:#?}",
            o
        );
    }
    Ok(())
}

/// `Obligations::score` counts and margins.
fn check_score(obligations: &Obligations) -> Result<(), TestCaseError> {
    let score = obligations.score();
    let mut counts = [0u32; 4];
    let mut margins = Vec::new();
    for o in &obligations.obligations {
        let outcome = o.outcome();
        let slot = match outcome {
            ObligationOutcome::OnTime { .. } => 0,
            ObligationOutcome::Late { .. } => 1,
            ObligationOutcome::Missed { .. } => 2,
            ObligationOutcome::Open { .. } => 3,
            ObligationOutcome::Untimed { .. } => continue,
        };
        counts[slot] += 1;
        margins.push((o.regime.clone(), o.report.clone(), margin(outcome)));
    }
    prop_assert_eq!(
        [score.on_time, score.late, score.missed, score.open],
        counts
    );
    let scored: Vec<_> = score
        .margins
        .iter()
        .map(|m| (m.regime.clone(), m.report.clone(), m.margin_seconds))
        .collect();
    prop_assert_eq!(scored, margins);
    Ok(())
}

/// The scorecard's deadlines and its deadline gaps.
fn check_scorecard(incident: &Incident, obligations: &Obligations) -> Result<(), TestCaseError> {
    let card = DrillScorecard::score(
        incident,
        Some(obligations),
        &DrillStandard::default(),
        obligations.at,
    );
    let mut expected = Vec::new();
    let (mut missed, mut late) = (Vec::new(), Vec::new());
    for o in &obligations.obligations {
        let outcome = o.outcome();
        if !timed(outcome) {
            continue;
        }
        expected.push((
            o.regime.clone(),
            o.report.clone(),
            o.due,
            submitted(outcome),
            deadline_outcome(outcome),
            margin(outcome),
        ));
        match outcome {
            ObligationOutcome::Missed { overdue_seconds } => {
                missed.push((o.regime.clone(), o.report.clone(), overdue_seconds));
            }
            ObligationOutcome::Late { late_seconds, .. } => {
                late.push((o.regime.clone(), o.report.clone(), late_seconds));
            }
            _ => {}
        }
    }
    let deadlines: Vec<_> = card
        .deadlines
        .iter()
        .map(|d| {
            (
                d.regime.clone(),
                d.report.clone(),
                Some(d.due),
                d.submitted_at,
                d.outcome,
                d.margin_seconds,
            )
        })
        .collect();
    prop_assert_eq!(deadlines, expected);
    // Gaps are sorted by cost; gaps of one kind keep the obligations' order.
    let missed_gaps: Vec<_> = card
        .gaps
        .iter()
        .filter_map(|g| match g {
            DrillGap::DeadlineMissed {
                regime,
                report,
                overdue_seconds,
            } => Some((regime.clone(), report.clone(), *overdue_seconds)),
            _ => None,
        })
        .collect();
    let late_gaps: Vec<_> = card
        .gaps
        .iter()
        .filter_map(|g| match g {
            DrillGap::DeadlineLate {
                regime,
                report,
                late_seconds,
            } => Some((regime.clone(), report.clone(), *late_seconds)),
            _ => None,
        })
        .collect();
    prop_assert_eq!(missed_gaps, missed);
    prop_assert_eq!(late_gaps, late);
    Ok(())
}

/// The metrics' regulator notifications and the summary's per-regime counts.
fn check_metrics(incident: &Incident, obligations: &Obligations) -> Result<(), TestCaseError> {
    let metrics = ResponseMetrics::from_incident(incident, Some(obligations));
    let mut expected = Vec::new();
    let mut counts: BTreeMap<RegimeId, DeadlineCounts> = BTreeMap::new();
    for o in &obligations.obligations {
        if o.recipient.kind != RecipientKind::Regulator {
            continue;
        }
        let outcome = o.outcome();
        expected.push((
            o.regime.clone(),
            o.report.clone(),
            o.due,
            submitted(outcome),
            slack(outcome),
            deadline_outcome(outcome),
        ));
        let c = counts.entry(o.regime.clone()).or_default();
        match outcome {
            ObligationOutcome::OnTime { .. } => c.on_time += 1,
            ObligationOutcome::Late { .. } => c.late += 1,
            ObligationOutcome::Missed { .. } => c.missed += 1,
            ObligationOutcome::Open { .. } | ObligationOutcome::Untimed { .. } => {}
        }
    }
    let notifications: Vec<_> = metrics
        .regulator_notifications
        .iter()
        .map(|n| {
            (
                n.regime.clone(),
                n.report.clone(),
                n.due,
                n.submitted_at,
                n.slack_seconds,
                n.outcome,
            )
        })
        .collect();
    prop_assert_eq!(notifications, expected);
    let summary = IncidentSummary::from_metrics(&metrics, incident, obligations.at);
    prop_assert_eq!(summary.deadlines, counts);
    Ok(())
}

fn check_consumers(incident: &Incident, obligations: &Obligations) -> Result<(), TestCaseError> {
    check_score(obligations)?;
    check_scorecard(incident, obligations)?;
    check_metrics(incident, obligations)
}

// --- scrambled obligations ------------------------------------------------------------------

/// A due time and a status for one obligation, drawn without regard to each other.
#[derive(Debug, Clone)]
struct Scramble {
    due: Option<i64>,
    status: u8,
    seconds: i64,
    late: Option<i64>,
    submitted: i64,
}

fn scramble() -> impl Strategy<Value = Scramble> {
    (
        proptest::option::of(-200_000i64..200_000),
        0u8..5,
        -100_000i64..100_000,
        proptest::option::of(-10i64..100_000),
        // Milliseconds from the due time (from the moment asked, without one): exactly at
        // it, less than a second either side, or anywhere.
        prop_oneof![
            1 => Just(0),
            1 => -1_500i64..1_500,
            2 => -200_000_000i64..200_000_000,
        ],
    )
        .prop_map(|(due, status, seconds, late, submitted)| Scramble {
            due,
            status,
            seconds,
            late,
            submitted,
        })
}

/// `obligations` with each obligation's due time and status replaced as `scrambles` say
/// (times relative to `obligations.at`).
fn scrambled(obligations: &Obligations, scrambles: &[Scramble]) -> Obligations {
    let at = obligations.at;
    let mut out = obligations.clone();
    for (o, s) in out.obligations.iter_mut().zip(scrambles) {
        o.due = s.due.map(|d| at + Duration::seconds(d));
        let submitted_at = o.due.unwrap_or(at) + Duration::milliseconds(s.submitted);
        o.status = match s.status {
            0 => ObligationStatus::AwaitingTrigger {},
            1 => ObligationStatus::Pending {
                remaining_seconds: None,
            },
            2 => ObligationStatus::Pending {
                remaining_seconds: Some(s.seconds),
            },
            3 => ObligationStatus::Overdue {
                overdue_seconds: s.seconds,
            },
            _ => ObligationStatus::Met {
                submitted_at,
                late_seconds: s.late,
            },
        };
    }
    out
}

// --- the properties -----------------------------------------------------------------------

proptest! {
    #![proptest_config(config(64))]

    /// On every obligation of a generated incident, under two entities and at four moments,
    /// the classifier matches the reference model and every consumer agrees with it.
    #[test]
    fn every_consumer_agrees_with_the_classifier(scenario in breach(), aims in aims()) {
        let (_, incident) = run(&scenario);
        for (incident, obligations) in obligations_of(&incident, &aims) {
            check_classifier(&incident, &obligations)?;
            check_consumers(&incident, &obligations)?;
        }
    }

    /// The consumers agree with the classifier even where due time and status contradict
    /// each other (a filing without a due time, a late count with none, a status from
    /// another moment).
    #[test]
    fn every_consumer_agrees_on_scrambled_obligations(
        scenario in breach(),
        aims in aims(),
        scrambles in vec(scramble(), 40),
    ) {
        let (_, incident) = run(&scenario);
        for (incident, obligations) in obligations_of(&incident, &aims) {
            check_consumers(&incident, &scrambled(&obligations, &scrambles))?;
        }
    }
}

/// The properties are not vacuous: with a fixed seed, generated incidents (with their aimed
/// filings) have obligations with every outcome, under both entities, owed to regulators and to others.
#[test]
fn generated_incidents_reach_every_outcome() {
    let mut runner =
        TestRunner::new_with_rng(config(1), TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let strategy = (breach(), aims());
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut regimes: BTreeSet<RegimeId> = BTreeSet::new();
    let mut reports: BTreeSet<(RegimeId, ReportId)> = BTreeSet::new();
    for _ in 0..48 {
        let (scenario, aims) = strategy.new_tree(&mut runner).unwrap().current();
        let (_, incident) = run(&scenario);
        for (_, obligations) in obligations_of(&incident, &aims) {
            for o in &obligations.obligations {
                let name = match o.outcome() {
                    ObligationOutcome::OnTime { .. } => "on time",
                    ObligationOutcome::Late { .. } => "late",
                    ObligationOutcome::Missed { .. } => "missed",
                    ObligationOutcome::Open { .. } => "open",
                    ObligationOutcome::Untimed {
                        submitted_at: Some(_),
                    } => "untimed, filed",
                    ObligationOutcome::Untimed { submitted_at: None } => "untimed",
                };
                *seen.entry(name).or_default() += 1;
                regimes.insert(o.regime.clone());
                reports.insert((o.regime.clone(), o.report.clone()));
            }
        }
    }
    eprintln!(
        "outcomes {seen:?}; {} regimes, {} reports",
        regimes.len(),
        reports.len()
    );
    for name in [
        "on time",
        "late",
        "missed",
        "open",
        "untimed, filed",
        "untimed",
    ] {
        assert!(
            seen.get(name).is_some_and(|n| *n > 0),
            "no obligation was {name}: {seen:?}"
        );
    }
    assert!(
        regimes.iter().any(|r| r.as_str().starts_with("eu-")),
        "{regimes:?}"
    );
    assert!(
        regimes.iter().any(|r| r.as_str().starts_with("cn-")),
        "{regimes:?}"
    );
}
