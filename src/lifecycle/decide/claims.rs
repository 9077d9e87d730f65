//! Deciding commands about the compensation program and the negotiation of each claim.

use chrono::{DateTime, Utc};

use super::checks::{
    duplicate, no_change, unknown, Checks, ESCALABLE_CLAIM, MAX_SHORT, MAX_TITLE, OPEN_CLAIM,
};
use crate::compensation::{
    ClaimAssessment, ClaimCase, ClaimResponse, ClaimStatus, CompensationStance, PolicyPin, Remedy,
};
use crate::id::{ClaimId, CustomerRef, ProgramId};
use crate::{Currency, Money};
use crate::{Event, Incident, Unmet};

impl Incident {
    /// [`Command::OpenCompensationProgram`].
    pub(super) fn open_compensation_program(
        &self,
        c: &mut Checks,
        program_id: &ProgramId,
        pin: &PolicyPin,
        budget: &Option<Money>,
    ) -> Event {
        if let Some(budget) = budget {
            c.currency("budget", *budget, pin.currency);
            if !budget.is_positive() {
                c.push(Unmet::Invalid {
                    field: "budget".to_owned(),
                    problem: format!("{budget} is not positive; give a positive budget or none"),
                });
            }
        }
        if let CompensationStance::ProgramOpened {
            program_id: open, ..
        } = &self.compensation
        {
            c.push(no_change(format!(
                "compensation program {open} is already open"
            )));
        }
        Event::CompensationProgramOpened {
            program_id: program_id.clone(),
            policy: pin.policy.to_string(),
            pin: Some(pin.clone()),
            budget: *budget,
        }
    }

    /// [`Command::DeclareCompensationNotApplicable`].
    pub(super) fn declare_compensation_not_applicable(
        &self,
        c: &mut Checks,
        reason: &str,
    ) -> Event {
        c.text("reason", reason, "why no compensation is owed", MAX_SHORT);
        match &self.compensation {
            CompensationStance::ProgramOpened { program_id, .. } => {
                c.push(Unmet::CompensationProgramOpen {
                    program_id: program_id.to_string(),
                });
            }
            CompensationStance::NotApplicable { .. } => {
                c.push(no_change("compensation is already declared not applicable"));
            }
            CompensationStance::Undecided => {}
        }
        Event::CompensationNotApplicable {
            reason: reason.to_owned(),
        }
    }

    /// [`Command::RecordClaimAssessment`].
    pub(super) fn record_claim_assessment(
        &self,
        c: &mut Checks,
        program_id: &ProgramId,
        claim_id: &ClaimId,
        customer: &CustomerRef,
        assessment: &ClaimAssessment,
    ) -> Event {
        if let Some((open, pin)) = self.claim_program(c) {
            if open != program_id {
                c.push(unknown("compensation program", program_id));
            }
            if assessment.policy != pin.policy {
                c.push(Unmet::PolicyMismatch {
                    pinned: pin.policy.clone(),
                    given: assessment.policy.clone(),
                });
            }
            c.amount("assessment.cash", assessment.cash, pin.currency);
        }
        if self.claims.contains_key(claim_id) {
            c.push(duplicate("claim", claim_id));
        }
        if let Some(mut totals) = self.claim_totals {
            c.fits("assessment.cash", totals.add_claim(assessment.cash));
        }
        Event::ClaimAssessed {
            program_id: program_id.clone(),
            claim_id: claim_id.clone(),
            customer: customer.clone(),
            assessment: assessment.clone(),
        }
    }

    /// [`Command::OfferSettlement`].
    pub(super) fn offer_settlement(
        &self,
        c: &mut Checks,
        claim_id: &ClaimId,
        amount: &Money,
        remedies: &[Remedy],
    ) -> Event {
        if let Some((program_id, pin)) = self.claim_program(c) {
            c.amount("amount", *amount, pin.currency);
            c.offered_services(remedies, pin.currency);
            if amount.currency() == pin.currency {
                self.within_budget(c, program_id, *amount);
            }
        }
        self.claim_status(
            c,
            claim_id,
            &[ClaimStatus::Assessed, ClaimStatus::Countered],
        );
        if amount.is_zero() && remedies.is_empty() {
            c.push(Unmet::Invalid {
                field: "amount".to_owned(),
                problem: "the offer gives nothing; offer cash, services or both".to_owned(),
            });
        }
        Event::SettlementOffered {
            claim_id: claim_id.clone(),
            amount: *amount,
            remedies: remedies.to_owned(),
        }
    }

    /// [`Command::RecordClaimResponse`].
    pub(super) fn record_claim_response(
        &self,
        c: &mut Checks,
        claim_id: &ClaimId,
        response: &ClaimResponse,
    ) -> Event {
        let program = self.claim_program(c);
        self.claim_status(c, claim_id, &[ClaimStatus::Offered]);
        if let ClaimResponse::Countered { amount, note } = response {
            if let Some((_, pin)) = program {
                c.amount("response.amount", *amount, pin.currency);
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

    /// [`Command::SettleClaim`].
    pub(super) fn settle_claim(&self, c: &mut Checks, claim_id: &ClaimId) -> Event {
        let program = self.claim_program(c);
        let case = self.claim_status(c, claim_id, &[ClaimStatus::Accepted]);
        let accepted = case
            .filter(|case| case.status == ClaimStatus::Accepted)
            .and_then(ClaimCase::latest_offer)
            .map(|offer| offer.amount);
        if case.is_some_and(|case| case.status == ClaimStatus::Accepted) && accepted.is_none() {
            c.push(Unmet::Invalid {
                field: "claim_id".to_owned(),
                problem: "the claim has no offer to settle for".to_owned(),
            });
        }
        if let (Some(amount), Some(mut totals)) = (accepted, self.claim_totals) {
            c.fits(
                "amount",
                totals.shift(ClaimStatus::Accepted, ClaimStatus::Settled, Some(amount)),
            );
        }
        if let (Some(amount), Some((program_id, _))) = (accepted, program) {
            self.within_budget(c, program_id, amount);
        }
        Event::ClaimSettled {
            claim_id: claim_id.clone(),
            // Without an accepted offer the command is rejected and this unused.
            amount: accepted.unwrap_or(Money::zero(Currency::CNY)),
        }
    }

    /// [`Command::RecordClaimPaid`].
    pub(super) fn record_claim_paid(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        claim_id: &ClaimId,
        paid_at: &Option<DateTime<Utc>>,
        amount: &Money,
        payment_reference: &str,
    ) -> Event {
        let program = self.claim_program(c);
        if let Some((_, pin)) = program {
            c.amount("amount", *amount, pin.currency);
        }
        let paid_at = paid_at.unwrap_or(now);
        c.not_future("paid_at", paid_at, now);
        if let Some(case) = self.claim_status(c, claim_id, &[ClaimStatus::Settled]) {
            if let (Some(settled), Some(settled_at)) = (case.settled, case.settled_at) {
                if settled != *amount {
                    c.push(Unmet::PaymentMismatch {
                        claim_id: claim_id.clone(),
                        settled,
                        paid: *amount,
                    });
                }
                c.not_before("paid_at", paid_at, "settled_at", settled_at);
            }
        }
        if let Some(mut totals) = self.claim_totals {
            c.fits(
                "amount",
                totals.shift(ClaimStatus::Settled, ClaimStatus::Paid, Some(*amount)),
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
            amount: *amount,
            payment_reference: payment_reference.to_owned(),
        }
    }

    /// [`Command::EscalateClaim`].
    pub(super) fn escalate_claim(&self, c: &mut Checks, claim_id: &ClaimId, reason: &str) -> Event {
        self.claim_program(c);
        self.claim_status(c, claim_id, ESCALABLE_CLAIM);
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

    /// The open program under which claims are negotiated, with its pin; pushes why there
    /// is none.
    pub(super) fn claim_program(&self, c: &mut Checks) -> Option<(&ProgramId, &PolicyPin)> {
        match &self.compensation {
            CompensationStance::ProgramOpened {
                program_id,
                pin: Some(pin),
                ..
            } => Some((program_id, pin)),
            CompensationStance::ProgramOpened {
                program_id,
                pin: None,
                ..
            } => {
                c.push(Unmet::ProgramNotPinned {
                    program_id: program_id.to_string(),
                });
                None
            }
            CompensationStance::Undecided | CompensationStance::NotApplicable { .. } => {
                c.push(Unmet::NoCompensationProgram);
                None
            }
        }
    }

    /// Pushes [`Unmet::OverBudget`] when `amount` more would take the program's settlements
    /// beyond its budget.
    pub(super) fn within_budget(&self, c: &mut Checks, program_id: &ProgramId, amount: Money) {
        let (
            CompensationStance::ProgramOpened {
                budget: Some(budget),
                ..
            },
            Some(totals),
        ) = (&self.compensation, &self.claim_totals)
        else {
            return;
        };
        let after = totals
            .settled
            .amount_minor()
            .checked_add(amount.amount_minor());
        if after.is_none_or(|after| after > budget.amount_minor()) {
            c.push(Unmet::OverBudget {
                program_id: program_id.to_string(),
                budget: *budget,
                settled: totals.settled,
                amount,
            });
        }
    }

    /// The claim, if it exists; pushes why it is not in one of the `expected` statuses.
    pub(super) fn claim_status(
        &self,
        c: &mut Checks,
        id: &ClaimId,
        expected: &[ClaimStatus],
    ) -> Option<&ClaimCase> {
        match self.claims.get(id) {
            None => {
                c.push(unknown("claim", id));
                None
            }
            Some(case) => {
                if !expected.contains(&case.status) {
                    c.push(Unmet::ClaimStatus {
                        claim_id: id.clone(),
                        status: case.status,
                        expected: expected.to_vec(),
                    });
                }
                Some(case)
            }
        }
    }
}
