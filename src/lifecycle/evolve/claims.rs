//! Applying events about the compensation program and each claim. An assessment under a
//! program whose policy is recorded is re-run here: a figure the policy does not give for
//! the claim the event carries cannot enter the state.

use chrono::{DateTime, Utc};

use super::{duplicate, unknown, Stamp};
use crate::compensation::{
    AssessmentOverride, Claim, ClaimAssessment, ClaimCase, ClaimResponse, ClaimReview, ClaimStatus,
    ClaimTotals, CompensationStance, Offer, Payment, PaymentFailure, Policy, PolicyPin, Recovery,
};
use crate::id::{ClaimId, CustomerRef, PayoutRef, ProgramId};
use crate::lifecycle::ApplyError;
use crate::{Event, Incident, Money};

impl Incident {
    /// Applies a compensation event.
    pub(super) fn apply_compensation_event(
        &mut self,
        event: Event,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        match event {
            Event::CompensationProgramOpened {
                program_id,
                policy,
                pin,
                budget,
                policy_text,
                claims_close_at,
            } => {
                pinned_text(stamp.name, policy_text.as_deref(), pin.as_ref())?;
                self.claim_totals = pin.as_ref().map(|pin| ClaimTotals::zero(pin.currency));
                self.compensation = CompensationStance::ProgramOpened {
                    program_id,
                    policy,
                    pin,
                    budget,
                    policy_text,
                    claims_close_at,
                };
                Ok(())
            }
            Event::CompensationProgramAmended {
                budget: new_budget,
                claims_close_at: new_close,
                pin: new_pin,
                policy_text: new_text,
                ..
            } => {
                pinned_text(stamp.name, new_text.as_deref(), new_pin.as_ref())?;
                if let CompensationStance::ProgramOpened {
                    policy,
                    pin,
                    budget,
                    policy_text,
                    claims_close_at,
                    ..
                } = &mut self.compensation
                {
                    if let Some(b) = new_budget {
                        *budget = Some(b);
                    }
                    if let Some(c) = new_close {
                        *claims_close_at = Some(c);
                    }
                    if let Some(p) = new_pin {
                        *policy = p.policy.to_string();
                        *pin = Some(p);
                        *policy_text = new_text;
                    }
                }
                Ok(())
            }
            Event::BudgetAllocated {
                program_id,
                allocation,
            } => {
                let computed = self.budget_allocation_at(stamp.at).map_err(|unmet| {
                    let problem = unmet
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; ");
                    ApplyError::AllocationNotReproduced {
                        event: stamp.name,
                        program_id: program_id.to_string(),
                        problem,
                    }
                })?;
                if computed != allocation {
                    return Err(ApplyError::AllocationNotReproduced {
                        event: stamp.name,
                        program_id: program_id.to_string(),
                        problem: format!(
                            "the event shares {} over {} claims, the rule {} over {}",
                            allocation.pool,
                            allocation.shares.len(),
                            computed.pool,
                            computed.shares.len()
                        ),
                    });
                }
                self.allocation = Some(allocation);
                Ok(())
            }
            Event::CompensationNotApplicable { reason } => {
                self.compensation = CompensationStance::NotApplicable { reason };
                Ok(())
            }
            Event::ClaimAssessed {
                program_id,
                claim_id,
                customer,
                assessment,
                claim,
            } => self.apply_claim_assessed(
                program_id,
                claim_id,
                (customer, claim),
                assessment,
                stamp,
            ),
            Event::AssessmentOverrideProposed {
                claim_id,
                cash,
                remedies,
                reason,
            } => {
                let Stamp { name, at, by, .. } = stamp;
                self.claim_mut(&claim_id, name)?.assessment_override = Some(AssessmentOverride {
                    cash,
                    remedies,
                    reason,
                    proposed_by: by,
                    proposed_at: at,
                    approved_by: None,
                    approved_at: None,
                });
                Ok(())
            }
            Event::AssessmentOverrideApproved { claim_id } => {
                let Stamp { name, at, by, .. } = stamp;
                if let Some(o) = self
                    .claim_mut(&claim_id, name)?
                    .assessment_override
                    .as_mut()
                {
                    o.approved_by = Some(by);
                    o.approved_at = Some(at);
                }
                Ok(())
            }
            Event::ClaimReviewed { claim_id, note } => {
                let Stamp { name, at, by, .. } = stamp;
                self.claim_mut(&claim_id, name)?.review = Some(ClaimReview {
                    note,
                    reviewed_by: by,
                    reviewed_at: at,
                });
                Ok(())
            }
            other => self.apply_settlement_event(other, stamp),
        }
    }

    /// Applies an event about a claim's negotiation and payment.
    fn apply_settlement_event(&mut self, event: Event, stamp: Stamp) -> Result<(), ApplyError> {
        let Stamp {
            name,
            sequence,
            at,
            by,
        } = stamp;
        match event {
            Event::SettlementOffered {
                claim_id,
                amount,
                remedies,
                valid_until,
            } => {
                let released = self.open_offer_amount(&claim_id, name, amount)?;
                self.reserve(name, amount, released)?;
                self.claim_step(&claim_id, name, ClaimStatus::Offered, None, |case| {
                    case.offers.push(Offer {
                        amount,
                        remedies,
                        offered_at: at,
                        offered_by: by,
                        response: None,
                        responded_at: None,
                        valid_until,
                    });
                })
            }
            Event::ClaimResponseRecorded { claim_id, response } => {
                let status = match response {
                    ClaimResponse::Accepted {} => ClaimStatus::Accepted,
                    ClaimResponse::Countered { .. } => {
                        // A counter ends the offer: its cash is no longer reserved.
                        self.release_open_offer(&claim_id, name)?;
                        ClaimStatus::Countered
                    }
                };
                self.claim_step(&claim_id, name, status, None, |case| {
                    if let Some(offer) = case.offers.last_mut() {
                        offer.response = Some(response);
                        offer.responded_at = Some(at);
                    }
                })
            }
            Event::ClaimSettled { claim_id, amount } => self.claim_step(
                &claim_id,
                name,
                ClaimStatus::Settled,
                Some(amount),
                |case| {
                    case.settled = Some(amount);
                    case.settled_at = Some(at);
                    case.settled_by = Some(by);
                },
            ),
            Event::ClaimPaid {
                claim_id,
                paid_at,
                amount,
                payment_reference,
            } => self.claim_step(&claim_id, name, ClaimStatus::Paid, Some(amount), |case| {
                case.payment = Some(Payment {
                    paid_at,
                    amount,
                    reference: payment_reference,
                    recorded_by: by,
                });
            }),
            Event::ClaimPaymentFailed { claim_id, reason } => {
                self.apply_payment_failed(&claim_id, reason, (name, at, by))
            }
            Event::RecoveryRecorded {
                claim_id,
                source,
                amount,
                reference,
            } => {
                if let Some(totals) = self.claim_totals.as_mut() {
                    totals
                        .recover(amount)
                        .map_err(|source| ApplyError::Amount {
                            event: name,
                            source,
                        })?;
                }
                self.claim_mut(&claim_id, name)?.recoveries.push(Recovery {
                    source,
                    amount,
                    reference,
                    recorded_at: at,
                    recorded_by: by,
                });
                Ok(())
            }
            Event::ClaimEscalated { claim_id, reason } => {
                self.release_open_offer(&claim_id, name)?;
                self.claim_step(&claim_id, name, ClaimStatus::Escalated, None, |case| {
                    case.reason = Some(reason);
                })
            }
            Event::ClaimRejected { claim_id, reason } => {
                self.release_open_offer(&claim_id, name)?;
                self.claim_step(&claim_id, name, ClaimStatus::Rejected, None, |case| {
                    case.reason = Some(reason);
                })
            }
            other => self.apply_aftercare_event(
                other,
                Stamp {
                    name,
                    sequence,
                    at,
                    by,
                },
            ),
        }
    }

    /// [`Event::ClaimAssessed`]: re-runs the recorded policy on the claim the event carries.
    fn apply_claim_assessed(
        &mut self,
        program_id: ProgramId,
        claim_id: ClaimId,
        (customer, claim): (CustomerRef, Option<Box<Claim>>),
        assessment: ClaimAssessment,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, at, by, .. } = stamp;
        if self.claims.contains_key(&claim_id) {
            return Err(duplicate(name, "claim", &claim_id));
        }
        let protected =
            self.reproduce_assessment(name, &claim_id, claim.as_deref(), &customer, &assessment)?;
        let totals = self
            .claim_totals
            .as_mut()
            .ok_or_else(|| unknown(name, "compensation program", &program_id))?;
        totals
            .add_claim(assessment.cash)
            .map_err(|source| ApplyError::Amount {
                event: name,
                source,
            })?;
        self.claimants.insert(customer.clone(), claim_id.clone());
        let payout = claim.as_deref().and_then(Claim::payout).cloned();
        self.index_payout(&claim_id, None, payout);
        self.claims.insert(
            claim_id,
            ClaimCase::assessed(
                program_id,
                customer,
                claim.map(|c| *c),
                (assessment, protected),
                (at, by),
            ),
        );
        Ok(())
    }

    /// Moves `claim_id` in the payout index from the account it named (`old`) to the one it
    /// names now (`new`).
    pub(super) fn index_payout(
        &mut self,
        claim_id: &ClaimId,
        old: Option<PayoutRef>,
        new: Option<PayoutRef>,
    ) {
        if old == new {
            return;
        }
        if let Some(old) = old {
            if let Some(claims) = self.payouts.get_mut(&old) {
                claims.remove(claim_id);
                if claims.is_empty() {
                    self.payouts.remove(&old);
                }
            }
        }
        if let Some(new) = new {
            self.payouts
                .entry(new)
                .or_default()
                .insert(claim_id.clone());
        }
    }

    /// [`Event::ClaimPaymentFailed`]: the claim is settled again and the payment leaves the
    /// paid total.
    fn apply_payment_failed(
        &mut self,
        claim_id: &ClaimId,
        reason: String,
        (name, at, by): (&'static str, DateTime<Utc>, crate::ActorId),
    ) -> Result<(), ApplyError> {
        let paid = self
            .claim_mut(claim_id, name)?
            .payment
            .as_ref()
            .map(|p| p.amount);
        if let (Some(paid), Some(totals)) = (paid, self.claim_totals.as_mut()) {
            totals.unpay(paid).map_err(|source| ApplyError::Amount {
                event: name,
                source,
            })?;
        }
        self.claim_step(claim_id, name, ClaimStatus::Settled, None, |case| {
            if let Some(payment) = case.payment.take() {
                case.failed_payments.push(PaymentFailure {
                    payment,
                    reason,
                    recorded_at: at,
                    recorded_by: by,
                });
            }
        })
    }

    pub(super) fn claim_mut(
        &mut self,
        id: &ClaimId,
        event: &'static str,
    ) -> Result<&mut ClaimCase, ApplyError> {
        self.claims
            .get_mut(id)
            .ok_or_else(|| unknown(event, "claim", id))
    }

    /// The cash of the claim's open offer, which a new offer of `new` replaces (zero in
    /// its currency when there is none).
    fn open_offer_amount(
        &self,
        id: &ClaimId,
        event: &'static str,
        new: Money,
    ) -> Result<Money, ApplyError> {
        let case = self
            .claims
            .get(id)
            .ok_or_else(|| unknown(event, "claim", id))?;
        Ok(case
            .open_offer()
            .map_or(Money::zero(new.currency()), |o| o.amount))
    }

    fn release_open_offer(&mut self, id: &ClaimId, event: &'static str) -> Result<(), ApplyError> {
        let Some(open) = self
            .claims
            .get(id)
            .and_then(ClaimCase::open_offer)
            .map(|o| o.amount)
        else {
            return Ok(());
        };
        self.reserve(event, Money::zero(open.currency()), open)
    }

    fn reserve(
        &mut self,
        event: &'static str,
        add: Money,
        release: Money,
    ) -> Result<(), ApplyError> {
        match self.claim_totals.as_mut() {
            Some(totals) => totals
                .reserve(add, release)
                .map_err(|source| ApplyError::Amount { event, source }),
            None => Ok(()),
        }
    }
}

/// Checks that a recorded policy text is the one its pin names (by digest).
fn pinned_text(
    event: &'static str,
    text: Option<&Policy>,
    pin: Option<&PolicyPin>,
) -> Result<(), ApplyError> {
    match (text, pin) {
        (Some(text), Some(pin)) if text.pin().ok().as_ref() != Some(pin) => {
            Err(ApplyError::PolicyTextMismatch {
                event,
                policy: pin.policy.to_string(),
            })
        }
        _ => Ok(()),
    }
}

impl Incident {
    /// Re-runs the program's recorded policy on an assessed (or reassessed) claim and
    /// refuses an assessment it does not give; the part of the cash that reimburses a
    /// verified loss ([`ClaimCase::protected`]), or `None` when no policy is recorded.
    pub(super) fn reproduce_assessment(
        &self,
        name: &'static str,
        claim_id: &ClaimId,
        claim: Option<&Claim>,
        customer: &CustomerRef,
        assessment: &ClaimAssessment,
    ) -> Result<Option<Money>, ApplyError> {
        let CompensationStance::ProgramOpened {
            policy_text: Some(policy),
            ..
        } = &self.compensation
        else {
            return Ok(None);
        };
        reproduce(policy, claim, customer, assessment)
            .map(Some)
            .map_err(|problem| ApplyError::AssessmentNotReproduced {
                event: name,
                claim_id: claim_id.to_string(),
                problem,
            })
    }
}

/// Checks that `policy` gives `recorded` for `claim`; says what differs when it does not.
/// Returns the part of the cash that reimburses a verified loss
/// ([`ClaimCase::protected`]).
fn reproduce(
    policy: &Policy,
    claim: Option<&Claim>,
    customer: &CustomerRef,
    recorded: &ClaimAssessment,
) -> Result<Money, String> {
    let claim = claim.ok_or("the event carries no claim, but the program's policy is recorded; every assessment under it must carry the claim it was made from")?;
    if claim.customer() != customer {
        return Err(format!(
            "the event names customer {customer} but carries a claim of {}",
            claim.customer()
        ));
    }
    let (computed, share) = policy.record_with_share(claim).map_err(|e| e.to_string())?;
    if &computed == recorded {
        Ok(share.protected)
    } else {
        Err(format!(
            "the recorded assessment ({} cash, review {}) is not what policy {} gives ({} cash, review {})",
            recorded.cash, recorded.needs_manual_review, computed.policy, computed.cash, computed.needs_manual_review
        ))
    }
}
