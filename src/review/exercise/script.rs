//! A drill script: the scenario, the exercise declaration and a timeline of injects, as
//! data a facilitator writes once and runs every time the scenario is drilled.

use std::borrow::Cow;

use chrono::{DateTime, Duration, Utc};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

use crate::id::PlaybookId;
use crate::{ActorId, Command, CommandKind, Declare};

/// Who an inject comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InjectSource {
    /// The facilitator injects a fact or an observation ("the attacker's withdrawals hit
    /// 37 accounts"), recorded as the command a real desk would record it with
    /// (`record_fact`, `update_impact`, `add_note`, `record_inquiry`, …).
    Facilitator,
    /// A step the team is expected to take at that point (freeze the accounts, file the
    /// report, send the notice); a rejection here is what the drill is for.
    Team,
}

/// One step of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillInject {
    /// Seconds after detection.
    pub after_seconds: i64,
    /// Who runs the command.
    pub actor: ActorId,
    /// A fact injected by the facilitator or a step expected of the team.
    pub source: InjectSource,
    /// The command, as a real desk would record it.
    pub command: Command,
}

/// A drill script as written: validate it with [`DrillScriptSpec::build`] (deserializing a
/// [`DrillScript`] does the same).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillScriptSpec {
    /// The scenario: the playbook exercised.
    pub scenario: PlaybookId,
    /// A short title, e.g. `2026 Q3 client-account takeover drill`.
    pub title: String,
    /// Who runs the exercise: declares the incident and runs the exercise clock (the timer's
    /// reminders and overdue records are recorded under this actor).
    pub facilitator: ActorId,
    /// The declaration; it must be an exercise and carry its detection time, the time every
    /// offset counts from.
    pub declare: Declare,
    /// Seconds after detection the incident is declared (default 0).
    #[serde(default)]
    pub declared_after_seconds: i64,
    /// The timeline, in order of time.
    pub injects: Vec<DrillInject>,
    /// Seconds after detection the drill ends and is scored.
    pub ends_after_seconds: i64,
}

/// One problem of a drill script.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DrillScriptProblem {
    /// The title is blank.
    #[error("the title is empty: name the drill")]
    EmptyTitle,
    /// The declaration is not marked as an exercise.
    #[error("the declaration is not an exercise: set `exercise: true`, so nothing counts as a real filing")]
    NotAnExercise,
    /// The declaration has no detection time.
    #[error(
        "the declaration has no detection time: every offset counts from it, set `detected_at`"
    )]
    NoDetectionTime,
    /// The incident is declared before it is detected.
    #[error(
        "declared_after_seconds is {seconds}: an incident is declared at or after its detection"
    )]
    DeclaredBeforeDetection {
        /// The offset.
        seconds: i64,
    },
    /// Nothing happens in the drill.
    #[error(
        "the timeline has no inject: add the facts to inject and the steps expected of the team"
    )]
    NoInjects,
    /// An inject before the declaration.
    #[error("inject {index} at {after_seconds} s comes before the declaration at {declared_after_seconds} s: move it after")]
    BeforeDeclaration {
        /// Its position (0-based).
        index: usize,
        /// Its offset.
        after_seconds: i64,
        /// The declaration's offset.
        declared_after_seconds: i64,
    },
    /// An inject earlier than the one before it.
    #[error("inject {index} at {after_seconds} s comes before inject {} at {previous_seconds} s: list the timeline in order of time", index.saturating_sub(1))]
    OutOfOrder {
        /// Its position (0-based).
        index: usize,
        /// Its offset.
        after_seconds: i64,
        /// The previous inject's offset.
        previous_seconds: i64,
    },
    /// An inject of a command only the exercise clock records.
    #[error("inject {index} is a {command} command: the exercise clock records reminders and overdue items itself; remove it")]
    TimerCommand {
        /// Its position (0-based).
        index: usize,
        /// The command.
        command: CommandKind,
    },
    /// The drill ends before its last inject.
    #[error("the drill ends at {ends_after_seconds} s, before its last inject at {last_seconds} s: end it at or after the last inject")]
    EndsBeforeLastInject {
        /// The end's offset.
        ends_after_seconds: i64,
        /// The last inject's offset.
        last_seconds: i64,
    },
    /// An offset that takes the time out of range.
    #[error("offset {seconds} s from detection is out of the representable time range: use a realistic offset")]
    OutOfRange {
        /// The offset.
        seconds: i64,
    },
}

/// A drill script that failed validation, with every problem found.
///
/// # Handling
/// Input error (HTTP 422): fix every listed problem; retrying will not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("drill script {scenario} is invalid: {}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
pub struct DrillScriptError {
    /// The scenario.
    pub scenario: PlaybookId,
    /// Every problem, in script order.
    pub problems: Vec<DrillScriptProblem>,
}

/// A validated drill script: run it with [`DrillScript::run`].
///
/// # Examples
/// ```
/// use chrono::{Duration, TimeZone as _, Utc};
/// use incident::id::PlaybookId;
/// use incident::review::{DrillScriptSpec, InjectSource};
/// use incident::*;
///
/// let t0 = Utc.with_ymd_and_hms(2026, 9, 22, 1, 0, 0).unwrap();
/// let declare = Declare::new(IncidentId::from_bytes([7; 16]), IncidentKind::AccountTakeover, "演练：客户账户被盗用")
///     .detection(DetectionSource::Monitoring, t0)
///     .severity(Severity::Sev2)
///     .owner(ActorId::new("crisis.lead")?);
/// let spec = DrillScriptSpec::new(PlaybookId::new("securities.account-takeover")?, "Q3 drill", ActorId::new("drill.control")?, declare)
///     .inject(Duration::minutes(5), InjectSource::Facilitator, ActorId::new("drill.control")?,
///         Command::AddNote { text: "37 accounts show withdrawals to unknown cards".into() })
///     .ends_after(Duration::hours(2));
/// // Not marked as an exercise: refused, with every problem at once.
/// let err = spec.clone().build().unwrap_err();
/// assert_eq!(err.problems.len(), 1);
/// let mut spec = spec;
/// spec.declare = spec.declare.exercise(true);
/// assert_eq!(spec.build()?.injects().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DrillScriptSpec", into = "DrillScriptSpec")]
pub struct DrillScript {
    spec: DrillScriptSpec,
    detected_at: DateTime<Utc>,
}

impl DrillScriptSpec {
    /// A script with an empty timeline that ends at detection; add injects and the end.
    pub fn new(
        scenario: PlaybookId,
        title: impl Into<String>,
        facilitator: ActorId,
        declare: Declare,
    ) -> Self {
        Self {
            scenario,
            title: title.into(),
            facilitator,
            declare,
            declared_after_seconds: 0,
            injects: Vec::new(),
            ends_after_seconds: 0,
        }
    }

    /// Declares the incident `after` detection.
    #[must_use]
    pub fn declared_after(mut self, after: Duration) -> Self {
        self.declared_after_seconds = after.num_seconds();
        self
    }

    /// Adds an inject `after` detection.
    #[must_use]
    pub fn inject(
        mut self,
        after: Duration,
        source: InjectSource,
        actor: ActorId,
        command: Command,
    ) -> Self {
        self.injects.push(DrillInject {
            after_seconds: after.num_seconds(),
            actor,
            source,
            command,
        });
        self
    }

    /// Ends the drill `after` detection.
    #[must_use]
    pub fn ends_after(mut self, after: Duration) -> Self {
        self.ends_after_seconds = after.num_seconds();
        self
    }

    /// Validates the script.
    ///
    /// # Errors
    /// [`DrillScriptError`] listing every [`DrillScriptProblem`].
    pub fn build(self) -> Result<DrillScript, DrillScriptError> {
        DrillScript::new(self)
    }

    /// Every problem, in script order; empty when the script is sound.
    pub fn problems(&self) -> Vec<DrillScriptProblem> {
        let mut out = Vec::new();
        if self.title.trim().is_empty() {
            out.push(DrillScriptProblem::EmptyTitle);
        }
        if !self.declare.exercise {
            out.push(DrillScriptProblem::NotAnExercise);
        }
        if self.declared_after_seconds < 0 {
            out.push(DrillScriptProblem::DeclaredBeforeDetection {
                seconds: self.declared_after_seconds,
            });
        }
        if self.injects.is_empty() {
            out.push(DrillScriptProblem::NoInjects);
        }
        self.timeline_problems(&mut out);
        let offsets = std::iter::once(self.declared_after_seconds)
            .chain(self.injects.iter().map(|i| i.after_seconds))
            .chain(std::iter::once(self.ends_after_seconds));
        match self.declare.detected_at {
            None => out.push(DrillScriptProblem::NoDetectionTime),
            Some(t0) => out.extend(
                offsets
                    .filter(|&s| offset(t0, s).is_none())
                    .map(|seconds| DrillScriptProblem::OutOfRange { seconds }),
            ),
        }
        out
    }

    /// Order of the injects, their commands and the end.
    fn timeline_problems(&self, out: &mut Vec<DrillScriptProblem>) {
        let mut previous: Option<i64> = None;
        for (index, inject) in self.injects.iter().enumerate() {
            let after_seconds = inject.after_seconds;
            if after_seconds < self.declared_after_seconds {
                out.push(DrillScriptProblem::BeforeDeclaration {
                    index,
                    after_seconds,
                    declared_after_seconds: self.declared_after_seconds,
                });
            }
            if let Some(previous_seconds) = previous.filter(|&p| after_seconds < p) {
                out.push(DrillScriptProblem::OutOfOrder {
                    index,
                    after_seconds,
                    previous_seconds,
                });
            }
            let command = inject.command.kind();
            if matches!(
                command,
                CommandKind::RecordClockAlerts | CommandKind::RecordOverdue
            ) {
                out.push(DrillScriptProblem::TimerCommand { index, command });
            }
            previous = Some(previous.map_or(after_seconds, |p| p.max(after_seconds)));
        }
        if let Some(last_seconds) = previous.filter(|&l| self.ends_after_seconds < l) {
            out.push(DrillScriptProblem::EndsBeforeLastInject {
                ends_after_seconds: self.ends_after_seconds,
                last_seconds,
            });
        }
    }
}

/// `t0` plus `seconds`, if representable.
pub(super) fn offset(t0: DateTime<Utc>, seconds: i64) -> Option<DateTime<Utc>> {
    Duration::try_seconds(seconds).and_then(|d| t0.checked_add_signed(d))
}

impl DrillScript {
    /// Validates `spec`.
    ///
    /// # Errors
    /// [`DrillScriptError`] listing every [`DrillScriptProblem`].
    pub fn new(spec: DrillScriptSpec) -> Result<Self, DrillScriptError> {
        let problems = spec.problems();
        match spec.declare.detected_at {
            Some(detected_at) if problems.is_empty() => Ok(Self { spec, detected_at }),
            _ => Err(DrillScriptError {
                scenario: spec.scenario,
                problems,
            }),
        }
    }

    /// The script as written.
    pub fn spec(&self) -> &DrillScriptSpec {
        &self.spec
    }

    /// The scenario: the playbook exercised.
    pub fn scenario(&self) -> &PlaybookId {
        &self.spec.scenario
    }

    /// The timeline.
    pub fn injects(&self) -> &[DrillInject] {
        &self.spec.injects
    }

    /// The detection time every offset counts from.
    pub fn detected_at(&self) -> DateTime<Utc> {
        self.detected_at
    }

    /// The instant `seconds` after detection (validated representable for every offset of
    /// the script; detection itself otherwise).
    pub(super) fn time(&self, seconds: i64) -> DateTime<Utc> {
        offset(self.detected_at, seconds).unwrap_or(self.detected_at)
    }

    /// When the drill ends and is scored.
    pub fn ends_at(&self) -> DateTime<Utc> {
        self.time(self.spec.ends_after_seconds)
    }
}

impl TryFrom<DrillScriptSpec> for DrillScript {
    type Error = DrillScriptError;

    fn try_from(spec: DrillScriptSpec) -> Result<Self, Self::Error> {
        Self::new(spec)
    }
}

impl From<DrillScript> for DrillScriptSpec {
    fn from(script: DrillScript) -> Self {
        script.spec
    }
}

impl JsonSchema for DrillScript {
    fn schema_name() -> Cow<'static, str> {
        "DrillScript".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = DrillScriptSpec::json_schema(generator);
        schema.insert(
            "description".to_owned(),
            "A drill script: the scenario (the playbook exercised), an exercise declaration with its detection time, and a timeline of injects in order of time, each seconds after detection, at or after the declaration and not after the end; reminders and overdue records are the exercise clock's, not injects.".into(),
        );
        schema
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;
    use crate::{DetectionSource, IncidentId, IncidentKind, Severity};

    fn spec() -> DrillScriptSpec {
        let t0 = Utc.with_ymd_and_hms(2026, 3, 2, 1, 0, 0).unwrap();
        let declare = Declare::new(
            IncidentId::from_bytes([1; 16]),
            IncidentKind::DataBreach,
            "d",
        )
        .detection(DetectionSource::Monitoring, t0)
        .severity(Severity::Sev2)
        .owner(ActorId::new("o").unwrap())
        .exercise(true);
        let note = || Command::AddNote { text: "n".into() };
        DrillScriptSpec::new(
            PlaybookId::new("p").unwrap(),
            "t",
            ActorId::new("f").unwrap(),
            declare,
        )
        .declared_after(Duration::minutes(10))
        .inject(
            Duration::minutes(10),
            InjectSource::Facilitator,
            ActorId::new("f").unwrap(),
            note(),
        )
        .inject(
            Duration::minutes(20),
            InjectSource::Team,
            ActorId::new("o").unwrap(),
            note(),
        )
        .ends_after(Duration::minutes(20))
    }

    #[test]
    fn a_sound_script_builds_and_knows_its_times() {
        let script = spec().build().unwrap();
        assert_eq!(
            script.ends_at(),
            script.detected_at() + Duration::minutes(20)
        );
        assert_eq!(script.injects().len(), 2);
        assert_eq!(script.scenario().as_str(), "p");
    }

    #[test]
    fn timing_problems_are_each_named() {
        let mut s = spec();
        s.declared_after_seconds = -1;
        assert_eq!(
            s.problems(),
            [DrillScriptProblem::DeclaredBeforeDetection { seconds: -1 }]
        );
        let mut s = spec();
        s.injects[0].after_seconds = 599;
        assert_eq!(
            s.problems(),
            [DrillScriptProblem::BeforeDeclaration {
                index: 0,
                after_seconds: 599,
                declared_after_seconds: 600
            }]
        );
        let mut s = spec();
        s.ends_after_seconds = i64::MAX;
        assert_eq!(
            s.problems(),
            [DrillScriptProblem::OutOfRange { seconds: i64::MAX }]
        );
        let mut s = spec();
        s.injects.clear();
        s.declare.detected_at = None;
        assert_eq!(
            s.problems(),
            [
                DrillScriptProblem::NoInjects,
                DrillScriptProblem::NoDetectionTime
            ]
        );
        let e = s.build().unwrap_err();
        assert_eq!(
            e.to_string(),
            "drill script p is invalid: the timeline has no inject: add the facts to inject and the steps expected of the team; \
             the declaration has no detection time: every offset counts from it, set `detected_at`"
        );
    }
}
