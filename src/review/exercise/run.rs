//! Running a drill script: the exercise incident driven through the normal decide/apply
//! loop, the exercise clock fired between injects as a host's timer would, and the
//! scorecard at the end.

use std::fmt;

use chrono::{DateTime, Utc};

use super::script::{DrillScript, InjectSource};
use crate::regulation::Regulation;
use crate::review::{DrillScorecard, DrillStandard};
use crate::{ActorId, Command, CommandKind, Context, Envelope, Incident, Rejection, ReplayError};

/// The most timer rounds run at one moment: the timer records each due item once, so a
/// real script never comes near it.
const MAX_TIMER_ROUNDS: usize = 1_000;

/// What started a step of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrillStepOrigin {
    /// The declaration.
    Declaration,
    /// An inject of the script.
    Inject {
        /// Its position in the timeline (0-based).
        index: usize,
        /// Who it comes from.
        source: InjectSource,
    },
    /// The exercise clock: reminders and overdue items that fell due.
    Timer,
}

impl fmt::Display for DrillStepOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Declaration => f.write_str("the declaration"),
            Self::Inject { index, .. } => write!(f, "inject {index}"),
            Self::Timer => f.write_str("the exercise clock"),
        }
    }
}

/// One command the run recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillStep {
    /// What started it.
    pub origin: DrillStepOrigin,
    /// The command's time.
    pub at: DateTime<Utc>,
    /// Who ran it.
    pub actor: ActorId,
    /// The command.
    pub command: CommandKind,
    /// How many events it recorded.
    pub events: usize,
}

/// A finished run: the exercise incident, its log, every step and the scorecard at the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillRun {
    /// The incident as the run left it.
    pub incident: Incident,
    /// Its log, from the declaration on: what a host stores.
    pub envelopes: Vec<Envelope>,
    /// Every command recorded, in order.
    pub steps: Vec<DrillStep>,
    /// The scorecard at [`scored_at`](Self::scored_at), with the obligations at that time.
    pub scorecard: DrillScorecard,
    /// The moment scored: the script's end, or the rejected step's time.
    pub scored_at: DateTime<Utc>,
}

/// A step the incident refused: the run stops there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillStopped {
    /// The script's scenario.
    pub scenario: crate::id::PlaybookId,
    /// What started the refused command.
    pub origin: DrillStepOrigin,
    /// Who ran it.
    pub actor: ActorId,
    /// The command.
    pub command: CommandKind,
    /// Why it was refused.
    pub rejection: Rejection,
    /// The run up to the refused step, scored at its time (no incident when the
    /// declaration itself was refused).
    pub run: Option<DrillRun>,
}

impl fmt::Display for DrillStopped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "drill {} stopped at {} ({} by {}): {}; fix the script or rehearse the step, then run it again",
            self.scenario, self.origin, self.command, self.actor, self.rejection
        )
    }
}

/// Why a drill did not run to its end.
///
/// # Handling
/// [`Rejected`](Self::Rejected) is the drill's finding (HTTP 422 with the step): the team's
/// step was refused, or the script asks for something the incident cannot do; the partial
/// run is in it. [`Replay`](Self::Replay) and [`TimerStuck`](Self::TimerStuck) are bugs of
/// this crate: report them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DrillRunError {
    /// A step was refused; nothing after it ran.
    #[error("{0}")]
    Rejected(Box<DrillStopped>),
    /// The run's own events did not apply: a bug of this crate.
    #[error("a drill's own events did not apply ({0}); this is a bug in the incident crate, please report it")]
    Replay(#[from] ReplayError),
    /// The exercise clock kept firing at one moment.
    #[error("the exercise clock fired more than {MAX_TIMER_ROUNDS} times at {at}; this is a bug in the incident crate, please report it")]
    TimerStuck {
        /// The moment.
        at: DateTime<Utc>,
    },
}

impl DrillRunError {
    /// The refused step, if that is why the run stopped.
    pub fn stopped(&self) -> Option<&DrillStopped> {
        match self {
            Self::Rejected(stopped) => Some(stopped),
            Self::Replay(_) | Self::TimerStuck { .. } => None,
        }
    }
}

/// The run in progress.
struct Runner<'a> {
    script: &'a DrillScript,
    regulation: &'a Regulation,
    standard: &'a DrillStandard,
    incident: Incident,
    envelopes: Vec<Envelope>,
    steps: Vec<DrillStep>,
    /// The time of the last command, so none goes backwards.
    clock: DateTime<Utc>,
}

impl DrillScript {
    /// Runs the script: declares the exercise incident, then at each inject's time first
    /// fires the exercise clock for everything due by then (as a host's timer would,
    /// [`Incident::handle_timeout`]) and then runs the inject, every command through
    /// [`Incident::execute`] and [`Incident::apply`] with `regulation` in the
    /// [`Context`]; at the end fires the clock once more and scores the incident against
    /// `standard` with its obligations under `regulation`. Pure: the same script gives the
    /// same log.
    ///
    /// # Errors
    /// [`DrillRunError::Rejected`] at the first refused step, never skipping it, with the
    /// run up to there scored at that step's time.
    pub fn run(
        &self,
        regulation: &Regulation,
        standard: &DrillStandard,
    ) -> Result<DrillRun, DrillRunError> {
        let spec = self.spec();
        let declared_at = self.time(spec.declared_after_seconds);
        let ctx = Context::new(spec.facilitator.clone(), declared_at).with_regulation(regulation);
        let first = Incident::declare(&spec.declare, &ctx).map_err(|rejection| {
            DrillRunError::Rejected(Box::new(DrillStopped {
                scenario: spec.scenario.clone(),
                origin: DrillStepOrigin::Declaration,
                actor: spec.facilitator.clone(),
                command: CommandKind::Declare,
                rejection,
                run: None,
            }))
        })?;
        let mut runner = Runner {
            script: self,
            regulation,
            standard,
            incident: Incident::replay(&first)?,
            steps: vec![DrillStep {
                origin: DrillStepOrigin::Declaration,
                at: declared_at,
                actor: spec.facilitator.clone(),
                command: CommandKind::Declare,
                events: first.len(),
            }],
            envelopes: first,
            clock: declared_at,
        };
        for (index, inject) in spec.injects.iter().enumerate() {
            let at = self.time(inject.after_seconds);
            runner.fire_timer(at)?;
            let origin = DrillStepOrigin::Inject {
                index,
                source: inject.source,
            };
            runner.step(origin, &inject.actor, &inject.command, at)?;
        }
        let end = self.ends_at();
        runner.fire_timer(end)?;
        Ok(runner.finish(end))
    }
}

impl Runner<'_> {
    /// Runs one command at `at` (never before the last one), or stops the run.
    fn step(
        &mut self,
        origin: DrillStepOrigin,
        actor: &ActorId,
        command: &Command,
        at: DateTime<Utc>,
    ) -> Result<(), DrillRunError> {
        let at = at.max(self.clock);
        let ctx = Context::new(actor.clone(), at).with_regulation(self.regulation);
        match self.incident.execute(command, &ctx) {
            Ok(envelopes) => {
                for envelope in &envelopes {
                    self.incident.apply(envelope)?;
                }
                self.steps.push(DrillStep {
                    origin,
                    at,
                    actor: actor.clone(),
                    command: command.kind(),
                    events: envelopes.len(),
                });
                self.envelopes.extend(envelopes);
                self.clock = at;
                Ok(())
            }
            Err(rejection) => {
                let scenario = self.script.scenario().clone();
                let run = self.clone_finish(at);
                Err(DrillRunError::Rejected(Box::new(DrillStopped {
                    scenario,
                    origin,
                    actor: actor.clone(),
                    command: command.kind(),
                    rejection,
                    run: Some(run),
                })))
            }
        }
    }

    /// Records everything the timer says fell due by `until`, round by round.
    fn fire_timer(&mut self, until: DateTime<Utc>) -> Result<(), DrillRunError> {
        for _ in 0..MAX_TIMER_ROUNDS {
            let Some(wake) = self
                .incident
                .poll_timeout(Some(self.regulation), until)
                .filter(|w| w.at <= until)
            else {
                return Ok(());
            };
            let commands = self.incident.handle_timeout(Some(self.regulation), wake.at);
            if commands.is_empty() {
                return Ok(());
            }
            let facilitator = self.script.spec().facilitator.clone();
            for command in &commands {
                self.step(DrillStepOrigin::Timer, &facilitator, command, wake.at)?;
            }
        }
        Err(DrillRunError::TimerStuck { at: until })
    }

    /// The scorecard at `at`, against the obligations at `at`.
    fn score(&self, at: DateTime<Utc>) -> DrillScorecard {
        let obligations = self.incident.obligations(self.regulation, at);
        DrillScorecard::score(&self.incident, Some(&obligations), self.standard, at)
    }

    /// The run so far, scored at `at` (the runner keeps its state).
    fn clone_finish(&self, at: DateTime<Utc>) -> DrillRun {
        DrillRun {
            scorecard: self.score(at),
            incident: self.incident.clone(),
            envelopes: self.envelopes.clone(),
            steps: self.steps.clone(),
            scored_at: at,
        }
    }

    /// The finished run, scored at `at`.
    fn finish(self, at: DateTime<Utc>) -> DrillRun {
        DrillRun {
            scorecard: self.score(at),
            incident: self.incident,
            envelopes: self.envelopes,
            steps: self.steps,
            scored_at: at,
        }
    }
}
