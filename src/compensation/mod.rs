//! Compensation owed to customers. The Remediate guard requires a decision: a program opened
//! or compensation declared not applicable, with a reason.

mod claim;
mod decision;
mod policy;
mod program;
mod reference;

pub use claim::{Claim, ClaimBuilder, ClaimError, EvidenceSet, EvidenceStrength, Tier};
pub use decision::{
    Assessment, CompensationError, Decision, Grant, Outcome, RemedyTotals, RuleOutcome, RuleStatus,
};
pub use policy::{
    Condition, LossBasis, Matching, Policy, PolicyBuilder, PolicyError, PolicyProblem, PolicyRef,
    Remedy, ReviewTrigger, Rule,
};
pub use program::{OutcomeCounts, ProRata, Program, ProgramSummary};
pub use reference::{reference_platform_policy, reference_securities_policy};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ProgramId;

/// The incident's compensation decision so far.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum CompensationStance {
    /// Nothing decided yet.
    #[default]
    Undecided,
    /// A compensation program is open.
    ProgramOpened {
        /// The program.
        program_id: ProgramId,
        /// The policy (id and version) the program applies.
        policy: String,
    },
    /// No compensation is owed.
    NotApplicable {
        /// Why.
        reason: String,
    },
}
