//! Deciding commands about each claim's negotiation and payment: offers held to the
//! entitlement, the per-customer cap and the budget; responses within an offer's validity;
//! settlement and payment under the four-eyes rule; failed payments and disputes.

use chrono::{DateTime, Utc};

use super::checks::{Checks, ESCALABLE_CLAIM, MAX_SHORT, MAX_TITLE, OPEN_CLAIM};
use super::claims::{four_eyes, within_cap, OpenProgram};
use crate::compensation::{ClaimCase, ClaimResponse, ClaimStatus, RecoverySource, Remedy};
use crate::id::ClaimId;
use crate::{ActorId, Currency, Money};
use crate::{Event, Incident, Unmet};

impl Incident {
    /// [`Command::OfferSettlement`].
    pub(super) fn offer_settlement(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        claim_id: &ClaimId,
        amount: Money,
        remedies: &[Remedy],
        valid_until: &Option<DateTime<Utc>>,
    ) -> Event {
        let program = self.claim_program(c);
        let case = self.claim_status(
            c,
            claim_id,
            &[
                ClaimStatus::Assessed,
                ClaimStatus::Offered,
                ClaimStatus::Countered,
            ],
        );
        let negotiable = [
            ClaimStatus::Assessed,
            ClaimStatus::Offered,
            ClaimStatus::Countered,
        ];
        let allocated = self.allocated_share(c, claim_id, amount);
        if let Some(case) = case.filter(|case| negotiable.contains(&case.status)) {
            self.offerable(c, now, claim_id, case, (amount, allocated));
        }
        if let Some(program) = &program {
            c.amount("amount", amount, program.pin.currency);
            c.offered_services(remedies, program.pin.currency);
            let before = case.and_then(|case| case.settled_before().ok());
            let total = before.map_or(Ok(amount), |before| before.checked_add(amount));
            within_cap(c, "amount", total.unwrap_or(amount), program.policy);
            if amount.currency() == program.pin.currency {
                let released = case
                    .and_then(ClaimCase::open_offer)
                    .map_or(Money::zero(amount.currency()), |o| o.amount);
                self.within_budget(c, program, amount, released);
            }
        }
        if let Some(until) = valid_until {
            c.not_before("valid_until", *until, "now", now);
        }
        if amount.is_zero() && remedies.is_empty() {
            c.push(Unmet::Invalid {
                field: "amount".to_owned(),
                problem: "the offer gives nothing; offer cash, services or both".to_owned(),
            });
        }
        Event::SettlementOffered {
            claim_id: claim_id.clone(),
            amount,
            remedies: remedies.to_owned(),
            valid_until: *valid_until,
        }
    }

    /// The claim-side preconditions of an offer: reviewed when flagged, no override
    /// pending, a lapsed offer before replacing it, at least the entitlement (unless the
    /// budget was `allocated` over the claim).
    fn offerable(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        claim_id: &ClaimId,
        case: &ClaimCase,
        (amount, allocated): (Money, bool),
    ) {
        if case.status == ClaimStatus::Offered {
            if let Some(offer) = case.open_offer().filter(|o| !o.expired_at(now)) {
                c.push(Unmet::Invalid {
                    field: "claim_id".to_owned(),
                    problem: format!(
                        "claim {claim_id} has an open offer of {}{}; record the customer's response, or wait until it lapses",
                        offer.amount,
                        offer.valid_until.map(|u| format!(" valid until {u}")).unwrap_or_default()
                    ),
                });
            }
        }
        if case.awaits_review() {
            c.push(Unmet::ReviewRequired {
                claim_id: claim_id.clone(),
            });
        }
        if let Some((payout, others)) = self.unreviewed_shared_payout(claim_id, case) {
            c.push(Unmet::SharedPayout {
                claim_id: claim_id.clone(),
                payout,
                others,
            });
        }
        if case.pending_override().is_some() {
            c.push(Unmet::OverridePending {
                claim_id: claim_id.clone(),
            });
        }
        // A reopened paid claim is owed a top-up: the entitlement less what was settled.
        // A claim the budget was allocated over is owed its share instead (checked by
        // `allocated_share`).
        let entitled = case.due();
        if !allocated
            && entitled.currency() == amount.currency()
            && amount.amount_minor() < entitled.amount_minor()
        {
            c.push(Unmet::OfferBelowEntitlement {
                claim_id: claim_id.clone(),
                entitled,
                offered: amount,
            });
        }
    }

    /// [`Command::RecordClaimResponse`]: only while the offer is valid.
    pub(super) fn record_claim_response(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        claim_id: &ClaimId,
        response: &ClaimResponse,
    ) -> Event {
        let program = self.claim_program(c);
        let case = self.claim_status(c, claim_id, &[ClaimStatus::Offered]);
        if let Some(offer) = case.and_then(ClaimCase::open_offer) {
            if let Some(valid_until) = offer.valid_until.filter(|_| offer.expired_at(now)) {
                c.push(Unmet::OfferExpired {
                    claim_id: claim_id.clone(),
                    valid_until,
                });
            }
        }
        if let ClaimResponse::Countered { amount, note } = response {
            if let Some(program) = program {
                c.amount("response.amount", *amount, program.pin.currency);
            }
            c.optional_text(
                "response.note",
                note.as_ref(),
                "what the customer asked for, or leave it out",
                MAX_SHORT,
            );
        }
        Event::ClaimResponseRecorded {
            claim_id: claim_id.clone(),
            response: response.clone(),
        }
    }

    /// [`Command::SettleClaim`]: by another person than the one who made the offer.
    pub(super) fn settle_claim(
        &self,
        c: &mut Checks,
        actor: &ActorId,
        claim_id: &ClaimId,
    ) -> Event {
        self.claim_program(c);
        let case = self.claim_status(c, claim_id, &[ClaimStatus::Accepted]);
        let accepted = case
            .filter(|case| case.status == ClaimStatus::Accepted)
            .and_then(ClaimCase::latest_offer);
        if case.is_some_and(|case| case.status == ClaimStatus::Accepted) && accepted.is_none() {
            c.push(Unmet::Invalid {
                field: "claim_id".to_owned(),
                problem: "the claim has no offer to settle for".to_owned(),
            });
        }
        if let Some(offer) = accepted {
            four_eyes(
                c,
                claim_id,
                actor,
                Some(&offer.offered_by),
                "offered",
                "settle",
            );
        }
        let amount = accepted.map(|offer| offer.amount);
        if let (Some(amount), Some(mut totals)) = (amount, self.claim_totals) {
            c.fits(
                "amount",
                totals.shift(ClaimStatus::Accepted, ClaimStatus::Settled, Some(amount)),
            );
        }
        Event::ClaimSettled {
            claim_id: claim_id.clone(),
            // Without an accepted offer the command is rejected and this unused.
            amount: amount.unwrap_or(Money::zero(Currency::CNY)),
        }
    }

    /// [`Command::RecordClaimPaid`]: by another person than the one who settled.
    pub(super) fn record_claim_paid(
        &self,
        c: &mut Checks,
        (now, actor): (DateTime<Utc>, &ActorId),
        claim_id: &ClaimId,
        paid_at: &Option<DateTime<Utc>>,
        amount: Money,
        payment_reference: &str,
    ) -> Event {
        if let Some(program) = self.claim_program(c) {
            c.amount("amount", amount, program.pin.currency);
        }
        let paid_at = paid_at.unwrap_or(now);
        c.not_future("paid_at", paid_at, now);
        let payable = [ClaimStatus::Settled, ClaimStatus::Unclaimed];
        let case = self.claim_status(c, claim_id, &payable);
        if let Some(case) = case {
            if let (Some(settled), Some(settled_at)) = (case.settled, case.settled_at) {
                if settled != amount {
                    c.push(Unmet::PaymentMismatch {
                        claim_id: claim_id.clone(),
                        settled,
                        paid: amount,
                    });
                }
                c.not_before("paid_at", paid_at, "settled_at", settled_at);
            }
            four_eyes(
                c,
                claim_id,
                actor,
                case.settled_by.as_ref(),
                "settled",
                "record the payment of",
            );
        }
        let from = case.map_or(ClaimStatus::Settled, |case| case.status);
        if let (Some(mut totals), true) = (self.claim_totals, payable.contains(&from)) {
            c.fits(
                "amount",
                totals.shift(from, ClaimStatus::Paid, Some(amount)),
            );
        }
        c.text(
            "payment_reference",
            payment_reference,
            "the host's payment reference (a transfer id, not an account number)",
            MAX_TITLE,
        );
        Event::ClaimPaid {
            claim_id: claim_id.clone(),
            paid_at,
            amount,
            payment_reference: payment_reference.to_owned(),
        }
    }

    /// [`Command::RecordClaimPaymentFailed`].
    pub(super) fn record_claim_payment_failed(
        &self,
        c: &mut Checks,
        claim_id: &ClaimId,
        reason: &str,
    ) -> Event {
        self.claim_program(c);
        self.claim_status(c, claim_id, &[ClaimStatus::Paid]);
        self.no_reversal_pending(c, claim_id);
        c.text(
            "reason",
            reason,
            "why the payment failed (returned by the bank, account closed), without account numbers",
            MAX_SHORT,
        );
        Event::ClaimPaymentFailed {
            claim_id: claim_id.clone(),
            reason: reason.to_owned(),
        }
    }

    /// [`Command::RecordRecovery`]: a paid claim, a positive amount no larger than what was
    /// paid less what was already recovered (the firm keeps at most what it paid).
    pub(super) fn record_recovery(
        &self,
        c: &mut Checks,
        claim_id: &ClaimId,
        source: RecoverySource,
        amount: Money,
        reference: &str,
    ) -> Event {
        if let Some(program) = self.claim_program(c) {
            c.amount("amount", amount, program.pin.currency);
        }
        if !amount.is_positive() {
            c.push(Unmet::Invalid {
                field: "amount".to_owned(),
                problem: format!("{amount} is not positive; record a recovery of more than zero"),
            });
        }
        if let Some(case) = self.claim_status(c, claim_id, &[ClaimStatus::Paid]) {
            let paid = case.payment.as_ref().map(|p| p.amount);
            let open =
                paid.and_then(|paid| case.recovered().ok().and_then(|r| paid.checked_sub(r).ok()));
            if let Some(open) = open.filter(|o| {
                o.currency() == amount.currency() && amount.amount_minor() > o.amount_minor()
            }) {
                c.push(Unmet::Invalid {
                    field: "amount".to_owned(),
                    problem: format!("{amount} is more than the {open} paid on claim {claim_id} and not yet recovered; what is recovered beyond the payment belongs to the customer"),
                });
            }
        }
        c.text(
            "reference",
            reference,
            "the host's case or transfer number (not an account number)",
            MAX_TITLE,
        );
        Event::RecoveryRecorded {
            claim_id: claim_id.clone(),
            source,
            amount,
            reference: reference.to_owned(),
        }
    }

    /// [`Command::EscalateClaim`].
    pub(super) fn escalate_claim(&self, c: &mut Checks, claim_id: &ClaimId, reason: &str) -> Event {
        self.claim_program(c);
        self.claim_status(c, claim_id, ESCALABLE_CLAIM);
        self.no_reversal_pending(c, claim_id);
        c.text(
            "reason",
            reason,
            "why legal takes the claim over",
            MAX_SHORT,
        );
        Event::ClaimEscalated {
            claim_id: claim_id.clone(),
            reason: reason.to_owned(),
        }
    }

    /// [`Command::RejectClaim`].
    pub(super) fn reject_claim(&self, c: &mut Checks, claim_id: &ClaimId, reason: &str) -> Event {
        self.claim_program(c);
        self.claim_status(c, claim_id, OPEN_CLAIM);
        c.text("reason", reason, "why the claim is rejected", MAX_SHORT);
        Event::ClaimRejected {
            claim_id: claim_id.clone(),
            reason: reason.to_owned(),
        }
    }

    /// Pushes [`Unmet::OverBudget`] when offering `amount` (replacing an open offer of
    /// `released`) would take the program's commitments beyond its budget.
    fn within_budget(
        &self,
        c: &mut Checks,
        program: &OpenProgram<'_>,
        amount: Money,
        released: Money,
    ) {
        let (Some(budget), Some(totals)) = (program.budget, &self.claim_totals) else {
            return;
        };
        let after = totals
            .reserved
            .amount_minor()
            .checked_sub(released.amount_minor())
            .and_then(|r| r.checked_add(amount.amount_minor()));
        if after.is_none_or(|after| after > budget.amount_minor()) {
            c.push(Unmet::OverBudget {
                program_id: program.id.to_string(),
                budget,
                settled: totals.reserved,
                amount,
            });
        }
    }

    /// Close and Dismiss: no compensation agreed and left unpaid, no reversal of a payment
    /// left unresolved, and no appeal or complaint without its outcome (after Close nothing
    /// more can be recorded). Money declared unclaimed is not unpaid: it is recorded as
    /// held for the customer, where the declaration says.
    pub(super) fn claims_paid_guard(&self, c: &mut Checks) {
        let with = |status| {
            self.claims
                .iter()
                .filter(|(_, case)| case.status == status)
                .map(|(id, _)| id.clone())
                .collect::<Vec<_>>()
        };
        let (accepted, settled) = (with(ClaimStatus::Accepted), with(ClaimStatus::Settled));
        if !accepted.is_empty() || !settled.is_empty() {
            c.push(Unmet::ClaimsUnpaid { accepted, settled });
        }
        let reversing: Vec<ClaimId> = self
            .claims
            .iter()
            .filter(|(_, case)| case.pending_reversal().is_some())
            .map(|(id, _)| id.clone())
            .collect();
        if !reversing.is_empty() {
            c.push(Unmet::PaymentReversalPending { claims: reversing });
        }
        let appealed: Vec<ClaimId> = self
            .claims
            .iter()
            .filter(|(_, case)| case.appeals.iter().any(|a| a.outcome.is_none()))
            .map(|(id, _)| id.clone())
            .collect();
        if !appealed.is_empty() {
            c.push(Unmet::AppealPending { claims: appealed });
        }
    }
}
