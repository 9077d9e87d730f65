//! Deciding commands about a claim after its payment: reversals (requested by one person,
//! confirmed by another, or withdrawn) and settlements the customer never collects,
//! declared unclaimed after the policy's period and held for them.

use chrono::{DateTime, Duration, Utc};

use super::checks::{no_change, Checks, MAX_SHORT};
use super::claims::four_eyes;
use crate::compensation::{ClaimStatus, ReversalReason};
use crate::id::ClaimId;
use crate::{ActorId, Currency, Money};
use crate::{Command, Event, Incident, Unmet};

impl Incident {
    /// The events of a command about a claim after payment; `None` for other commands.
    pub(super) fn aftercare_events(
        &self,
        c: &mut Checks,
        (now, actor): (DateTime<Utc>, &ActorId),
        command: &Command,
    ) -> Option<Event> {
        Some(match command {
            Command::RequestPaymentReversal {
                claim_id,
                reason,
                note,
            } => self.request_payment_reversal(c, claim_id, *reason, note),
            Command::ConfirmPaymentReversal { claim_id } => {
                self.confirm_payment_reversal(c, actor, claim_id)
            }
            Command::WithdrawPaymentReversal { claim_id, reason } => {
                self.withdraw_payment_reversal(c, claim_id, reason)
            }
            Command::DeclareClaimUnclaimed { claim_id, held_at } => {
                self.declare_claim_unclaimed(c, (now, actor), claim_id, held_at)
            }
            _ => return None,
        })
    }

    /// [`Command::RequestPaymentReversal`]: a paid claim with no reversal pending.
    fn request_payment_reversal(
        &self,
        c: &mut Checks,
        claim_id: &ClaimId,
        reason: ReversalReason,
        note: &str,
    ) -> Event {
        self.claim_program(c);
        self.no_reversal_pending(c, claim_id);
        self.claim_status(c, claim_id, &[ClaimStatus::Paid]);
        c.text(
            "note",
            note,
            "what happened (the bank's return notice, the error found), without account numbers",
            MAX_SHORT,
        );
        Event::PaymentReversalRequested {
            claim_id: claim_id.clone(),
            reason,
            note: note.to_owned(),
        }
    }

    /// [`Command::ConfirmPaymentReversal`]: by another person than the requester; the
    /// payment leaves the paid total.
    fn confirm_payment_reversal(
        &self,
        c: &mut Checks,
        actor: &ActorId,
        claim_id: &ClaimId,
    ) -> Event {
        self.claim_program(c);
        let mut amount = None;
        let case = self.claim_status(c, claim_id, &[ClaimStatus::Paid]);
        if let Some(case) = case.filter(|case| case.status == ClaimStatus::Paid) {
            match case.pending_reversal() {
                None => c.push(no_change(format!(
                    "claim {claim_id} has no reversal awaiting confirmation"
                ))),
                Some(r) => {
                    four_eyes(
                        c,
                        claim_id,
                        actor,
                        Some(&r.requested_by),
                        "requested the reversal of the payment of",
                        "confirm the reversal of",
                    );
                    amount = Some(r.payment.amount);
                }
            }
        }
        if let (Some(amount), Some(mut totals)) = (amount, self.claim_totals) {
            c.fits("amount", totals.unpay(amount));
        }
        Event::PaymentReversalConfirmed {
            claim_id: claim_id.clone(),
            // Without a pending reversal the command is rejected and this unused.
            amount: amount.unwrap_or(Money::zero(Currency::CNY)),
        }
    }

    /// [`Command::WithdrawPaymentReversal`].
    fn withdraw_payment_reversal(&self, c: &mut Checks, claim_id: &ClaimId, reason: &str) -> Event {
        self.claim_program(c);
        let case = self.claim_status(c, claim_id, &[ClaimStatus::Paid]);
        if let Some(case) = case.filter(|case| case.status == ClaimStatus::Paid) {
            if case.pending_reversal().is_none() {
                c.push(no_change(format!(
                    "claim {claim_id} has no reversal awaiting confirmation"
                )));
            }
        }
        c.text(
            "reason",
            reason,
            "why the reversal did not happen",
            MAX_SHORT,
        );
        Event::PaymentReversalWithdrawn {
            claim_id: claim_id.clone(),
            reason: reason.to_owned(),
        }
    }

    /// [`Command::DeclareClaimUnclaimed`]: a settled claim, the policy's period run since it
    /// became payable, by another person than the one who settled.
    fn declare_claim_unclaimed(
        &self,
        c: &mut Checks,
        (now, actor): (DateTime<Utc>, &ActorId),
        claim_id: &ClaimId,
        held_at: &str,
    ) -> Event {
        let days = self.claim_program(c).map(|program| {
            program
                .policy
                .and_then(|p| p.terms().unclaimed_after_days)
                .ok_or(program.pin.policy.to_string())
        });
        if let Some(Err(policy)) = &days {
            c.push(Unmet::Invalid {
                field: "claim_id".to_owned(),
                problem: format!("policy {policy} states no period after which money is unclaimed (terms.unclaimed_after_days); amend the programme with a policy version that states one"),
            });
        }
        let case = self
            .claim_status(c, claim_id, &[ClaimStatus::Settled])
            .filter(|case| case.status == ClaimStatus::Settled);
        let since = case.and_then(|case| case.payable_since());
        if let Some(case) = case {
            four_eyes(
                c,
                claim_id,
                actor,
                case.settled_by.as_ref(),
                "settled",
                "declare unclaimed",
            );
        }
        if let (Some(since), Some(Ok(days))) = (since, days) {
            let not_before = since + Duration::days(i64::from(days.get()));
            if now < not_before {
                c.push(Unmet::UnclaimedTooEarly {
                    claim_id: claim_id.clone(),
                    payable_since: since,
                    not_before,
                });
            }
        }
        c.text(
            "held_at",
            held_at,
            "where the money is held for the customer (a client-money or escrow ledger), without account numbers",
            MAX_SHORT,
        );
        Event::ClaimDeclaredUnclaimed {
            claim_id: claim_id.clone(),
            // Without a settled claim the command is rejected and these unused.
            amount: case
                .and_then(|case| case.settled)
                .unwrap_or(Money::zero(Currency::CNY)),
            payable_since: since.unwrap_or(now),
            held_at: held_at.to_owned(),
        }
    }

    /// Pushes [`Unmet::PaymentReversalPending`] when the claim has a reversal pending (a
    /// failed payment, a dispute or a second reversal would leave it unresolvable).
    pub(super) fn no_reversal_pending(&self, c: &mut Checks, claim_id: &ClaimId) {
        if self
            .claims
            .get(claim_id)
            .is_some_and(|case| case.pending_reversal().is_some())
        {
            c.push(Unmet::PaymentReversalPending {
                claims: vec![claim_id.clone()],
            });
        }
    }
}
