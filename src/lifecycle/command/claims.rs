//! Building the compensation commands from the policy and the claim they are about.

use super::Command;
use crate::compensation::{Claim, Policy};
use crate::id::{ClaimId, ProgramId};
use crate::Money;

impl Command {
    /// [`Command::OpenCompensationProgram`] under `policy`, with no claim window.
    ///
    /// # Examples
    /// ```
    /// use incident::compensation::reference_securities_policy;
    /// use incident::id::ProgramId;
    /// use incident::{Command, Currency, Money};
    /// let policy = reference_securities_policy();
    /// let budget = Money::from_minor(500_000_000, Currency::CNY);
    /// let open = Command::open_compensation_program(ProgramId::new("P-1")?, &policy, Some(budget));
    /// assert!(matches!(open, Command::OpenCompensationProgram { policy: p, .. } if *p == policy));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open_compensation_program(
        program_id: ProgramId,
        policy: &Policy,
        budget: Option<Money>,
    ) -> Self {
        Self::OpenCompensationProgram {
            program_id,
            policy: Box::new(policy.clone()),
            budget,
            claims_close_at: None,
        }
    }

    /// [`Command::RecordClaimAssessment`] of `claim` under the open program: the incident
    /// runs the program's pinned policy on it.
    pub fn record_claim_assessment(
        program_id: ProgramId,
        claim_id: ClaimId,
        claim: &Claim,
    ) -> Self {
        Self::RecordClaimAssessment {
            program_id,
            claim_id,
            claim: Box::new(claim.clone()),
        }
    }
}
