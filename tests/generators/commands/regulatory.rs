//! Commands that record regulatory facts: milestones, determinations, grades, filings,
//! waivers, clock alerts and the timer's overdue record.

use incident::id::*;
use incident::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::generators::pools::{placeholder, MAX_SHORT, MAX_TITLE};
use crate::generators::values::text;

use super::Arms;

fn milestone() -> impl Strategy<Value = regulation::Milestone> {
    use regulation::Milestone::*;
    select(vec![
        Awareness,
        HandlingEnded,
        ActivitiesRecovered,
        ExtortionPaymentMade,
        InformationAvailable,
        AssessmentCompleted,
    ])
}

fn cn_grade() -> impl Strategy<Value = regulation::CnGrade> {
    use regulation::CnGrade::*;
    select(vec![General, RelativelyMajor, Major, ExtremelyMajor])
}

fn fact_name() -> impl Strategy<Value = FactName> {
    select(vec![
        "major_incident",
        "material",
        "high_risk",
        "significant_incident",
    ])
    .prop_map(|s| FactName::new(s).unwrap())
}

fn regime_id() -> impl Strategy<Value = RegimeId> {
    select(vec![
        "eu-dora",
        "eu-gdpr",
        "cn-cac-incident-reporting",
        "eu-nis2",
        "us-hipaa",
    ])
    .prop_map(|s| RegimeId::new(s).unwrap())
}

fn report_id() -> impl Strategy<Value = ReportId> {
    select(vec![
        "initial",
        "intermediate",
        "final",
        "incident-notification",
        "final-report",
        "progress-report",
        "media",
    ])
    .prop_map(|s| ReportId::new(s).unwrap())
}

fn clock_alert() -> impl Strategy<Value = regulation::ClockAlert> {
    (
        regime_id(),
        report_id(),
        prop_oneof![
            3 => select(vec![5_000u16, 8_000]).prop_map(|fraction_bp| regulation::AlertKind::Reminder { fraction_bp }),
            1 => Just(regulation::AlertKind::Missed {}),
        ],
    )
        .prop_map(|(regime, report, kind)| regulation::ClockAlert {
            regime,
            report,
            kind,
            due_at: placeholder(),
            at: placeholder(),
        })
}

/// Regulatory facts: milestones, determinations, grades, filings, waivers, clock alerts and the timer's overdue record.
pub(super) fn regulatory_arms() -> Arms {
    vec![
        (
            2,
            (milestone(), option::of(Just(placeholder())))
                .prop_map(|(milestone, at)| Command::RecordMilestone { milestone, at })
                .boxed(),
        ),
        (
            2,
            (
                fact_name(),
                any::<bool>(),
                option::of(Just(placeholder())),
                text(MAX_SHORT),
            )
                .prop_map(
                    |(fact, value, determined_at, basis)| Command::RecordDetermination {
                        fact,
                        value,
                        determined_at,
                        basis,
                        assessment: None,
                        override_reason: None,
                    },
                )
                .boxed(),
        ),
        (
            1,
            (cn_grade(), option::of(Just(placeholder())), text(MAX_SHORT))
                .prop_map(|(grade, graded_at, basis)| Command::RecordGrade {
                    grade,
                    graded_at,
                    basis,
                    assessment: None,
                    override_reason: None,
                })
                .boxed(),
        ),
        (
            2,
            (
                regime_id(),
                report_id(),
                option::of(Just(placeholder())),
                option::of(text(MAX_TITLE)),
            )
                .prop_map(
                    |(regime, report, submitted_at, reference)| Command::RecordFiling {
                        regime,
                        report,
                        submitted_at,
                        reference,
                    },
                )
                .boxed(),
        ),
        (
            1,
            vec(clock_alert(), 0..3)
                .prop_map(|alerts| Command::RecordClockAlerts { alerts })
                .boxed(),
        ),
        (
            1,
            (regime_id(), report_id(), text(MAX_SHORT))
                .prop_map(|(regime, report, legal_basis)| Command::WaiveObligation {
                    regime,
                    report,
                    legal_basis,
                })
                .boxed(),
        ),
        (
            1,
            (
                regime_id(),
                report_id(),
                text(MAX_SHORT),
                0i64..200,
                proptest::option::of(text(MAX_SHORT)),
            )
                .prop_map(
                    |(regime, report, authority, days, reference)| Command::RecordDeferral {
                        regime,
                        report,
                        authority,
                        until: crate::generators::pools::detected_at()
                            + chrono::Duration::days(days),
                        reference,
                    },
                )
                .boxed(),
        ),
        // The timer: the driver fills it with what the incident's timer says is due.
        (
            2,
            Just(Command::RecordOverdue {
                overdue: Vec::new(),
            })
            .boxed(),
        ),
    ]
}
