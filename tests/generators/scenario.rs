//! Scenario assembly: a declaration and a sequence of generated commands, each given a
//! clock step, an actor and effective times relative to detection ([`retime`]).

use chrono::{DateTime, Duration, Utc};
use incident::actions::*;
use incident::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::driver::{actor, no_regimes};
use crate::generators::commands::command;
use crate::generators::pools::{base, detected_at, incident_id, ACTORS, MAX_LONG};
use crate::generators::recipes::{
    close_recipe, contain_recipe, disclose_recipe, feedback_recipe, remediate_recipe, review_recipe,
};
use crate::generators::values::{text, words};
use crate::generators::vocabulary::{detection_sources, severities};

/// One command as the host would run it.
#[derive(Debug, Clone)]
pub(crate) struct Step {
    pub(crate) at: DateTime<Utc>,
    pub(crate) actor: ActorId,
    pub(crate) command: Command,
}

impl Step {
    pub(crate) fn context(&self) -> Context<'static> {
        Context::new(self.actor.clone(), self.at).with_regulation(no_regimes())
    }
}

/// A declaration and the commands that follow it, on a strictly increasing clock.
#[derive(Debug, Clone)]
pub(crate) struct Scenario {
    pub(crate) declare: Declare,
    pub(crate) declared_by: ActorId,
    pub(crate) declared_at: DateTime<Utc>,
    pub(crate) steps: Vec<Step>,
}

impl Scenario {
    pub(crate) fn declare_context(&self) -> Context<'static> {
        Context::new(self.declared_by.clone(), self.declared_at)
    }

    /// Every command of the scenario.
    pub(crate) fn commands(&self) -> impl Iterator<Item = &Command> {
        self.steps.iter().map(|s| &s.command)
    }
}

/// Runs the host loop without checking anything beyond what must not fail (declaration,
/// append, apply): the log and the live state after the scenario.
pub(crate) fn run(scenario: &Scenario) -> (EventLog<Event>, Incident) {
    let first = Incident::declare(&scenario.declare, &scenario.declare_context()).unwrap();
    let mut log = EventLog::new(scenario.declare.incident_id);
    log.append(0, &first).unwrap();
    let mut incident = Incident::replay(log.envelopes()).unwrap();
    for step in &scenario.steps {
        if let Ok(envelopes) = incident.execute(&step.command, &step.context()) {
            log.append(incident.version(), &envelopes).unwrap();
            for envelope in &envelopes {
                incident.apply(envelope).unwrap();
            }
        }
    }
    (log, incident)
}

/// When an effective time in a command lies, relative to detection and the command's time.
#[derive(Debug, Clone, Copy)]
pub(crate) enum When {
    /// Between detection and now, at this fraction (per mille).
    Within(u16),
    /// This many minutes after now (a guard violation).
    Future(u16),
    /// This many minutes before detection.
    BeforeDetection(u16),
}

fn when() -> impl Strategy<Value = When> {
    prop_oneof![
        16 => (0u16..=1000).prop_map(When::Within),
        1 => Just(When::Within(0)),
        1 => Just(When::Within(1000)),
        1 => (1u16..600).prop_map(When::Future),
        1 => (1u16..600).prop_map(When::BeforeDetection),
    ]
}

/// A generated command before its clock is fixed: its time fields hold a placeholder
/// that [`retime`] replaces once the command's time is known.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub(crate) command: Command,
    pub(crate) when: When,
    pub(crate) minutes: u16,
    pub(crate) nanos: u32,
    pub(crate) actor: &'static str,
}

/// The sub-second part of a clock step: mostly none, else milli-, micro- or nanoseconds
/// (RFC 3339 strings then carry 3, 6 or 9 fraction digits).
pub(crate) fn nanos() -> impl Strategy<Value = u32> {
    prop_oneof![
        6 => Just(0u32),
        1 => (1u32..1000).prop_map(|ms| ms * 1_000_000),
        1 => (1u32..1_000_000).prop_map(|us| us * 1_000),
        1 => 1u32..1_000_000_000,
    ]
}

fn raw(
    command: impl Strategy<Value = Command>,
    when: impl Strategy<Value = When>,
) -> impl Strategy<Value = Raw> {
    (command, when, 1u16..=180, nanos(), select(&ACTORS[..])).prop_map(
        |(command, when, minutes, nanos, actor)| Raw {
            command,
            when,
            minutes,
            nanos,
            actor,
        },
    )
}

fn raw_command() -> BoxedStrategy<Raw> {
    raw(command(), when()).boxed()
}

/// Replaces the placeholder times of `command` according to `when`.
fn retime(command: &mut Command, when: When, detected: DateTime<Utc>, now: DateTime<Utc>) {
    let span = (now - detected).num_seconds().max(0);
    let pick = match when {
        When::Within(f) => detected + Duration::seconds(span * i64::from(f) / 1000),
        When::Future(m) => now + Duration::minutes(i64::from(m)),
        When::BeforeDetection(m) => detected - Duration::minutes(i64::from(m)),
    };
    // Due dates may lie anywhere; start times must lie before detection.
    let due = match when {
        When::Within(f) => now + Duration::hours(i64::from(f) - 200),
        When::Future(m) | When::BeforeDetection(m) => now + Duration::minutes(i64::from(m)),
    };
    // Payments: a little before now (sometimes before the settlement), or out of range.
    let paid = match when {
        When::Within(f) => now - Duration::seconds(i64::from(f) / 10),
        When::Future(m) => now + Duration::minutes(i64::from(m)),
        When::BeforeDetection(m) => detected - Duration::minutes(i64::from(m)),
    };
    let occurred = match when {
        When::Within(f) => detected - Duration::minutes(i64::from(f)),
        When::Future(m) => now + Duration::minutes(i64::from(m)),
        // After detection: the occurrence guard's time-order violation.
        When::BeforeDetection(m) => detected + Duration::minutes(i64::from(m)),
    };
    match command {
        Command::RecordOccurrence { occurred_at, .. } => *occurred_at = occurred,
        Command::RecordMilestone { at: Some(t), .. }
        | Command::RecordDetermination {
            determined_at: Some(t),
            ..
        }
        | Command::RecordGrade {
            graded_at: Some(t), ..
        }
        | Command::RecordFiling {
            submitted_at: Some(t),
            ..
        } => *t = pick,
        Command::RecordClockAlerts { alerts } => {
            for alert in alerts {
                alert.at = pick;
                alert.due_at = match alert.kind {
                    regulation::AlertKind::Reminder { .. } => pick + Duration::hours(1),
                    regulation::AlertKind::Missed {} => pick,
                };
            }
        }
        Command::AddEvidence(new) => new.collected_at = pick,
        Command::RecordDeliveryReceipt(receipt) => receipt.at = pick,
        Command::RecordCustody(record) => record.entry.at = pick,
        Command::AddAction(NewAction { due: Some(d), .. })
        | Command::UpdateAction(ActionChanges { due: Some(d), .. }) => *d = due,
        Command::CompleteAction {
            completed_at: Some(t),
            ..
        }
        | Command::RecordNoticeSent {
            sent_at: Some(t), ..
        }
        | Command::Contain {
            contained_at: Some(t),
        }
        | Command::RecordInquiry {
            received_at: Some(t),
            ..
        }
        | Command::RespondToInquiry {
            responded_at: Some(t),
            ..
        }
        | Command::ResolveInquiry {
            resolved_at: Some(t),
            ..
        } => *t = pick,
        Command::RecordSurveyResponse(response) => response.received_at = pick,
        Command::RecordClaimPaid {
            paid_at: Some(t), ..
        } => *t = paid,
        // Claim windows: closing within the next hour or so (later steps fall after it, so
        // a budget can be allocated), sometimes already past (refused).
        Command::OpenCompensationProgram {
            claims_close_at: Some(t),
            ..
        }
        | Command::AmendCompensationProgram {
            claims_close_at: Some(t),
            ..
        } => {
            *t = match when {
                When::Within(f) => now + Duration::minutes(i64::from(f) / 16),
                When::Future(m) => now + Duration::minutes(i64::from(m)),
                When::BeforeDetection(m) => detected - Duration::minutes(i64::from(m)),
            }
        }
        _ => {}
    }
}

fn assemble(declare: Declare, raws: Vec<Raw>) -> Scenario {
    let detected = declare.detected_at.unwrap();
    let mut now = base();
    let steps = raws
        .into_iter()
        .map(|mut raw| {
            now += Duration::minutes(i64::from(raw.minutes))
                + Duration::nanoseconds(i64::from(raw.nanos));
            retime(&mut raw.command, raw.when, detected, now);
            Step {
                at: now,
                actor: actor(raw.actor),
                command: raw.command,
            }
        })
        .collect();
    Scenario {
        declare,
        declared_by: actor("soc.oncall"),
        declared_at: base(),
        steps,
    }
}

/// A declaration, then stages of random commands each followed by the recipe for the
/// next transition (up to Closed), sometimes a dismissal, then more random commands.
pub(crate) fn scenario() -> impl Strategy<Value = Scenario> {
    scenario_with(0..3, 0..5, 0..5)
}

/// As [`scenario`], with the number of notes added first (they always succeed), of random
/// commands per stage and of random commands at the end.
pub(crate) fn scenario_with(
    leading_notes: std::ops::Range<usize>,
    noise_per_stage: std::ops::Range<usize>,
    trailing: std::ops::Range<usize>,
) -> impl Strategy<Value = Scenario> {
    let notes = vec(
        raw(words().prop_map(|text| Command::AddNote { text }), when()),
        leading_notes,
    );
    // Boxed parts keep value trees on the heap: the unboxed tuple's trees are large
    // enough to overflow a test thread's stack in debug builds.
    let recipes = (
        contain_recipe().boxed(),
        disclose_recipe().boxed(),
        remediate_recipe().boxed(),
        review_recipe().boxed(),
        close_recipe().boxed(),
    )
        .boxed();
    let dismissal = option::weighted(
        0.12,
        (
            0usize..=1,
            raw(
                text(MAX_LONG).prop_map(|rationale| Command::Dismiss { rationale }),
                when(),
            ),
        ),
    );
    // Random commands alone rarely line up a response behind its inquiry: half the runs
    // also get a customer's inquiry answered and resolved and a survey, in one stage.
    // Boxed: its value tree lives on the heap, so generation stays within a debug test
    // thread's stack (see tests/tamper.rs).
    let feedback = option::weighted(0.5, (0usize..5, feedback_recipe())).boxed();
    (
        (declare().boxed(), notes.boxed()).boxed(),
        select(vec![0usize, 1, 2, 3, 4, 5, 5, 5]),
        vec(vec(raw_command(), noise_per_stage), 5).boxed(),
        recipes,
        dismissal.boxed(),
        vec(raw_command(), trailing).boxed(),
        feedback,
    )
        .prop_map(
            |((declare, notes), depth, noise, recipes, dismissal, trailing, feedback)| {
                let (contain, disclose, remediate, review, close) = recipes;
                let recipes = [contain, disclose, remediate, review, close];
                let depth = match &dismissal {
                    Some((stage, _)) => depth.min(*stage),
                    None => depth,
                };
                let mut raws = notes;
                let (feedback_stage, feedback) = feedback.unwrap_or((usize::MAX, Vec::new()));
                for (stage, (noise, recipe)) in noise.into_iter().zip(recipes).enumerate() {
                    raws.extend(noise);
                    if stage == feedback_stage {
                        raws.extend(feedback.clone());
                    }
                    if stage < depth {
                        raws.extend(recipe);
                    }
                }
                if let Some((_, dismiss)) = dismissal {
                    raws.push(dismiss);
                }
                raws.extend(trailing);
                assemble(declare, raws)
            },
        )
}

fn declare() -> impl Strategy<Value = Declare> {
    (
        select(IncidentKind::ALL.to_vec()),
        select(severities()),
        select(detection_sources()),
        select(&ACTORS[..]),
        option::of(0i64..600),
        any::<bool>(),
        option::of(words()),
    )
        .prop_map(
            |(kind, severity, source, owner, occurred, exercise, summary)| {
                let mut declare = Declare::new(incident_id(), kind, "Customer records exfiltrated")
                    .detection(source, detected_at())
                    .severity(severity)
                    .severity_reason("set by the on-call lead at triage")
                    .owner(actor(owner))
                    .exercise(exercise);
                if let Some(minutes) = occurred {
                    declare = declare.occurred_at(detected_at() - Duration::minutes(minutes), true);
                }
                if let Some(summary) = summary {
                    declare = declare.summary(summary);
                }
                declare
            },
        )
}
