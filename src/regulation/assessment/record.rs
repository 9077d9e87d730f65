//! What the log keeps of an assessment: the facts, the rule's proposal and, when the person
//! decided otherwise, why; and the one check both recording and replay run on it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Assessment, Outcome, Proposal, ProposedOutcome};

/// An assessment as recorded with the determination or grade it led to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentRecord {
    /// The facts, as the rule read them.
    pub assessment: Assessment,
    /// The rule's proposal from those facts (recomputed on replay).
    pub proposal: Proposal,
    /// Why the recorded answer departs from the proposal; present exactly when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
}

/// Why an assessment and the answer recorded with it do not fit together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AssessmentMismatch {
    /// The rule answers another question than the one recorded.
    #[error("the {rule} assessment answers {answers}, not {recorded}: record it with the matching command")]
    WrongQuestion {
        /// The rule.
        rule: String,
        /// What it answers.
        answers: String,
        /// What was recorded.
        recorded: String,
    },
    /// The recorded proposal is not what the rule gives for the recorded facts.
    #[error("the recorded proposal is not what the rule gives for the recorded facts: the facts or the proposal were altered")]
    NotReproduced,
    /// The answer departs from the proposal and no reason says why.
    #[error("the answer {recorded} departs from the proposal ({proposed}): give override_reason, or record the proposal")]
    OverrideWithoutReason {
        /// What was recorded.
        recorded: String,
        /// What the rule proposed.
        proposed: String,
    },
    /// A reason is given although the answer is the proposal's.
    #[error(
        "override_reason is given but the answer is the proposal's: remove it (the basis says why)"
    )]
    ReasonWithoutOverride,
}

impl AssessmentRecord {
    /// Computes the proposal for `assessment` and records it with `override_reason`.
    pub fn new(assessment: Assessment, override_reason: Option<String>) -> Self {
        let proposal = assessment.propose();
        Self {
            assessment,
            proposal,
            override_reason,
        }
    }

    /// Checks that the proposal is the rule's for the facts, that the rule answers what
    /// `recorded` answers, and that an override (and only an override) carries a reason.
    /// An answer above a floor ([`ProposedOutcome::AtLeast`]) is a judgement on the
    /// criteria still open, not an override; one below it is.
    ///
    /// # Errors
    /// The first [`AssessmentMismatch`] found.
    pub fn check(&self, recorded: &Outcome) -> Result<(), AssessmentMismatch> {
        if self.assessment.propose() != self.proposal {
            return Err(AssessmentMismatch::NotReproduced);
        }
        let answers = match &self.assessment {
            Assessment::CacGrade { .. } => "the CAC grade".to_owned(),
            other => other
                .determination()
                .map_or_else(String::new, |f| format!("`{f}`")),
        };
        let matches = match (recorded, self.assessment.determination()) {
            (Outcome::Grade { .. }, None) => true,
            (Outcome::Determination { fact, .. }, Some(f)) => *fact == f,
            _ => false,
        };
        if !matches {
            return Err(AssessmentMismatch::WrongQuestion {
                rule: self.proposal.rule.clone(),
                answers,
                recorded: describe(recorded),
            });
        }
        let departs = match &self.proposal.outcome {
            ProposedOutcome::Settled { outcome } => outcome != recorded,
            ProposedOutcome::AtLeast { outcome } => below(recorded, outcome),
            ProposedOutcome::Undetermined {} => false,
        };
        match (departs, self.override_reason.is_some()) {
            (true, false) => Err(AssessmentMismatch::OverrideWithoutReason {
                recorded: describe(recorded),
                proposed: proposed(&self.proposal.outcome),
            }),
            (false, true) => Err(AssessmentMismatch::ReasonWithoutOverride),
            _ => Ok(()),
        }
    }
}

fn below(recorded: &Outcome, floor: &Outcome) -> bool {
    match (recorded, floor) {
        (Outcome::Grade { grade: r }, Outcome::Grade { grade: f }) => r < f,
        (r, f) => r != f,
    }
}

fn describe(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Determination { fact, value } => format!("`{fact}` = {value}"),
        Outcome::Grade { grade } => format!("grade {}", grade.as_str()),
    }
}

fn proposed(outcome: &ProposedOutcome) -> String {
    match outcome {
        ProposedOutcome::Settled { outcome } => describe(outcome),
        ProposedOutcome::AtLeast { outcome } => format!("at least {}", describe(outcome)),
        ProposedOutcome::Undetermined {} => "undetermined".to_owned(),
    }
}
