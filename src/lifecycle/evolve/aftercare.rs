//! Applying events about a claim after its payment: reversals and unclaimed money. The
//! figures a confirmation or a declaration carries (the amount reversed or held, since when
//! it was payable), the second person and the policy's period are the guards' to check:
//! replay decides those events again first (`redecide`), so an edited log does not replay.

use chrono::{DateTime, Utc};

use super::Stamp;
use crate::compensation::{
    Appeal, Claim, ClaimAssessment, ClaimStatus, Reversal, ReversalOutcome, ReversalReason,
    Unclaimed,
};
use crate::id::ClaimId;
use crate::lifecycle::ApplyError;
use crate::{Event, Incident, Money};

impl Incident {
    /// Applies an event about a claim after payment.
    pub(super) fn apply_aftercare_event(
        &mut self,
        event: Event,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        match event {
            Event::PaymentReversalRequested {
                claim_id,
                reason,
                note,
            } => self.apply_reversal_requested(&claim_id, reason, note, stamp),
            Event::PaymentReversalConfirmed { claim_id, amount } => {
                self.apply_reversal_confirmed(&claim_id, amount, stamp)
            }
            Event::PaymentReversalWithdrawn { claim_id, reason } => {
                let Stamp { name, at, by, .. } = stamp;
                let case = self.claim_mut(&claim_id, name)?;
                match case.reversals.last_mut().filter(|r| r.is_pending()) {
                    Some(reversal) => {
                        reversal.outcome = Some(ReversalOutcome::Withdrawn { by, at, reason });
                        Ok(())
                    }
                    None => Err(mismatch(name, &claim_id, "no reversal is pending")),
                }
            }
            Event::ClaimDeclaredUnclaimed {
                claim_id,
                amount,
                payable_since,
                held_at,
            } => self.apply_declared_unclaimed(&claim_id, (amount, payable_since), held_at, stamp),
            Event::ClaimReopened {
                claim_id,
                assessment,
                claim,
                new_evidence,
            } => self.apply_claim_reopened(&claim_id, (*claim, assessment), new_evidence, stamp),
            Event::ClaimAppealed {
                claim_id,
                channel,
                reference,
            } => {
                let Stamp { name, at, by, .. } = stamp;
                self.claim_mut(&claim_id, name)?.appeals.push(Appeal {
                    channel,
                    reference,
                    recorded_at: at,
                    recorded_by: by,
                    outcome: None,
                    outcome_note: None,
                    resolved_at: None,
                });
                Ok(())
            }
            Event::ClaimAppealResolved {
                claim_id,
                channel,
                outcome,
                note,
            } => {
                let Stamp { name, at, .. } = stamp;
                let case = self.claim_mut(&claim_id, name)?;
                let appeal = case
                    .appeals
                    .iter_mut()
                    .rev()
                    .find(|a| a.channel == channel && a.outcome.is_none())
                    .ok_or_else(|| {
                        mismatch(name, &claim_id, "no appeal is pending through that channel")
                    })?;
                appeal.outcome = Some(outcome);
                appeal.outcome_note = Some(note);
                appeal.resolved_at = Some(at);
                Ok(())
            }
            other => Err(ApplyError::WrongPhase {
                event: other.name(),
                phase: self.phase,
            }),
        }
    }

    fn apply_reversal_requested(
        &mut self,
        claim_id: &ClaimId,
        reason: ReversalReason,
        note: String,
        Stamp { name, at, by, .. }: Stamp,
    ) -> Result<(), ApplyError> {
        let case = self.claim_mut(claim_id, name)?;
        let payment = case
            .payment
            .clone()
            .ok_or_else(|| mismatch(name, claim_id, "the claim has no payment to reverse"))?;
        case.reversals.push(Reversal {
            payment,
            reason,
            note,
            requested_by: by,
            requested_at: at,
            outcome: None,
        });
        Ok(())
    }

    /// [`Event::PaymentReversalConfirmed`]: the pending reversal's payment leaves the paid
    /// total; the claim is settled again. Who confirms and the amount were decided again
    /// before (`redecide`).
    fn apply_reversal_confirmed(
        &mut self,
        claim_id: &ClaimId,
        amount: Money,
        Stamp { name, at, by, .. }: Stamp,
    ) -> Result<(), ApplyError> {
        let case = self.claim_mut(claim_id, name)?;
        if case.pending_reversal().is_none() {
            return Err(mismatch(name, claim_id, "no reversal is pending"));
        }
        if let Some(totals) = self.claim_totals.as_mut() {
            totals.unpay(amount).map_err(|source| ApplyError::Amount {
                event: name,
                source,
            })?;
        }
        self.claim_step(claim_id, name, ClaimStatus::Settled, None, |case| {
            case.payment = None;
            if let Some(reversal) = case.reversals.last_mut() {
                reversal.outcome = Some(ReversalOutcome::Confirmed { by, at });
            }
        })
    }

    /// [`Event::ClaimReopened`]: re-runs the pinned policy on the revised claim; the earlier
    /// decision moves to the record and the totals count the new assessment.
    fn apply_claim_reopened(
        &mut self,
        claim_id: &ClaimId,
        (claim, assessment): (Claim, ClaimAssessment),
        new_evidence: String,
        Stamp { name, at, by, .. }: Stamp,
    ) -> Result<(), ApplyError> {
        let case = self.claim_mut(claim_id, name)?;
        let (previous, old_cash, customer) =
            (case.status, case.assessment.cash, case.customer.clone());
        let protected =
            self.reproduce_assessment(name, claim_id, Some(&claim), &customer, &assessment)?;
        if let Some(totals) = self.claim_totals.as_mut() {
            totals
                .reassess(old_cash, assessment.cash)
                .map_err(|source| ApplyError::Amount {
                    event: name,
                    source,
                })?;
        }
        self.claimants.insert(customer, claim_id.clone());
        let new_payout = claim.payout().cloned();
        let mut old_payout = None;
        self.claim_step(claim_id, name, ClaimStatus::Assessed, None, |case| {
            old_payout = case.claim.as_ref().and_then(Claim::payout).cloned();
            case.reopen(previous, (claim, assessment), new_evidence, (at, by));
            case.protected = protected;
        })?;
        self.index_payout(claim_id, old_payout, new_payout);
        Ok(())
    }

    /// [`Event::ClaimDeclaredUnclaimed`]: the settlement is held for the customer (its
    /// figures and the policy's period were decided again before, by `redecide`).
    fn apply_declared_unclaimed(
        &mut self,
        claim_id: &ClaimId,
        (amount, payable_since): (Money, DateTime<Utc>),
        held_at: String,
        Stamp { name, at, by, .. }: Stamp,
    ) -> Result<(), ApplyError> {
        self.claim_step(
            claim_id,
            name,
            ClaimStatus::Unclaimed,
            Some(amount),
            |case| {
                case.unclaimed = Some(Unclaimed {
                    amount,
                    held_at,
                    payable_since,
                    declared_by: by,
                    declared_at: at,
                });
            },
        )
    }
}

fn mismatch(event: &'static str, claim_id: &ClaimId, problem: &str) -> ApplyError {
    ApplyError::ClaimRecordMismatch {
        event,
        claim_id: claim_id.to_string(),
        problem: problem.to_owned(),
    }
}
