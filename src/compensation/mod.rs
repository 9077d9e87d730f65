//! Compensation owed to customers. The Remediate guard requires a decision: a program opened
//! or compensation declared not applicable, with a reason. Under an open program each claim
//! is negotiated through events (see [`ClaimStatus`]).

mod aftercare;
mod allocation;
mod appeal;
mod batch;
mod budget_allocation;
mod claim;
mod claimant;
mod compiled;
mod compiled_condition;
mod condition;
mod decision;
mod explanation;
mod negotiation;
mod policy;
mod program;
mod reference;
mod remedy;
mod terms;

pub use aftercare::{Reversal, ReversalOutcome, ReversalReason, Unclaimed};
pub use allocation::{allocate, Allocation, AllocationError, Coverage, Share};
pub use appeal::{Appeal, AppealChannel, AppealOutcome, EarlierDecision};
pub use batch::{BatchReport, DuplicateClaim, PayoutClaim, SharedPayout, SkipReason, SkippedClaim};
pub use budget_allocation::{AllocatedShare, BudgetAllocation};
pub use claim::{Claim, ClaimBuilder, ClaimError, EvidenceSet, EvidenceStrength, Tier};
pub use claimant::{Capacity, CapacityDocument, CapacityGap, Claimant, DocumentStatus};
pub use compiled::CompiledPolicy;
pub use condition::{Condition, LossBasis};
pub use decision::{
    Assessment, CompensationError, Decision, Grant, Outcome, RemedyTotals, RuleOutcome, RuleStatus,
};
pub use explanation::{ClaimLetters, Explanation, LetterError, StatusLetter};
pub use negotiation::{
    AssessmentOverride, ClaimAssessment, ClaimCase, ClaimCounts, ClaimResponse, ClaimReview,
    ClaimStatus, ClaimTotals, Offer, Payment, PaymentFailure, PolicyPin, Recovery, RecoverySource,
};
pub use policy::{
    Matching, Policy, PolicyBuilder, PolicyError, PolicyProblem, PolicyRef, ReviewTrigger, Rule,
};
pub use program::{OutcomeCounts, ProRata, Program, ProgramSummary};
pub(crate) use reference::{platform_policy_v1, securities_policy_v1};
pub use reference::{reference_platform_policy, reference_policy, reference_securities_policy};
pub use remedy::Remedy;
pub use terms::{OfferTerms, Recourse};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use chrono::{DateTime, Utc};

use crate::{id::ProgramId, Money};

/// The incident's compensation decision so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum CompensationStance {
    /// Nothing decided yet.
    Undecided {},
    /// A compensation program is open.
    ProgramOpened {
        /// The program.
        program_id: ProgramId,
        /// The policy the program applies, as `id@vN` text.
        policy: String,
        /// The pinned policy: reference, digest and currency. Absent only for programs
        /// opened by events written before programs were pinned; claims cannot be
        /// negotiated under such a program.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pin: Option<PolicyPin>,
        /// The most the program pays in cash, if it has a budget.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        budget: Option<Money>,
        /// The pinned policy's text, so that replay re-runs every assessment. Absent only
        /// for programs opened before policies were recorded; no claim can be assessed under
        /// such a program.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        policy_text: Option<Box<Policy>>,
        /// The end of the claim window: no claim is assessed after it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        claims_close_at: Option<DateTime<Utc>>,
    },
    /// No compensation is owed.
    NotApplicable {
        /// Why.
        reason: String,
    },
}

impl Default for CompensationStance {
    fn default() -> Self {
        Self::Undecided {}
    }
}
