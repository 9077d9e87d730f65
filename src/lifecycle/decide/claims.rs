//! Deciding commands about the compensation program and each claim's assessment: opening
//! the program under a recorded policy, assessing claims by running that policy, overrides
//! and manual reviews. Negotiation and payment are in `settlement.rs`.

use chrono::{DateTime, Utc};

use super::checks::{duplicate, no_change, unknown, Checks, MAX_SHORT};
use crate::compensation::Claim;
use crate::compensation::{ClaimCase, ClaimStatus, CompensationStance, Policy, PolicyPin, Remedy};
use crate::id::{ClaimId, PayoutRef, ProgramId};
use crate::{ActorId, Money};
use crate::{Event, Incident, Unmet};

/// The open program a claim command works under: its id, pin, recorded policy, budget and
/// claim window.
pub(super) struct OpenProgram<'a> {
    pub(super) id: &'a ProgramId,
    pub(super) pin: &'a PolicyPin,
    pub(super) policy: Option<&'a Policy>,
    pub(super) budget: Option<Money>,
    pub(super) claims_close_at: Option<DateTime<Utc>>,
}

impl Incident {
    /// [`Command::OpenCompensationProgram`].
    pub(super) fn open_compensation_program(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        program_id: &ProgramId,
        policy: &Policy,
        budget: &Option<Money>,
        claims_close_at: &Option<DateTime<Utc>>,
    ) -> Event {
        let pin = match policy.pin() {
            Ok(pin) => Some(pin),
            Err(e) => {
                c.push(Unmet::Unencodable {
                    detail: e.to_string(),
                });
                None
            }
        };
        if let Some(budget) = budget {
            budget_ok(c, *budget, policy.currency());
        }
        if let Some(close) = claims_close_at {
            c.not_before("claims_close_at", *close, "now", now);
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
            policy: policy.reference().to_string(),
            pin,
            budget: *budget,
            policy_text: Some(Box::new(policy.clone())),
            claims_close_at: *claims_close_at,
        }
    }

    /// [`Command::AmendCompensationProgram`]: a budget no lower than what is reserved, a
    /// claim window that ends no earlier than now, a later version of the same policy in
    /// the same currency, and at least one change.
    pub(super) fn amend_compensation_program(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        program_id: &ProgramId,
        (budget, claims_close_at, policy): (
            &Option<Money>,
            &Option<DateTime<Utc>>,
            Option<&Policy>,
        ),
        reason: &str,
    ) -> Event {
        let mut pin = None;
        if let Some(program) = self.claim_program(c) {
            if program.id != program_id {
                c.push(unknown("compensation program", program_id));
            }
            if let Some(budget) = budget {
                budget_ok(c, *budget, program.pin.currency);
                let reserved = self.claim_totals.map(|t| t.reserved);
                if let Some(reserved) = reserved.filter(|r| {
                    r.currency() == budget.currency() && budget.amount_minor() < r.amount_minor()
                }) {
                    c.push(Unmet::Invalid {
                        field: "budget".to_owned(),
                        problem: format!("{budget} is less than the {reserved} already offered, accepted, settled or paid; give at least that"),
                    });
                }
            }
            if let Some(policy) = policy {
                let (old, new) = (&program.pin.policy, policy.reference());
                if new.id != old.id
                    || new.version <= old.version
                    || policy.currency() != program.pin.currency
                {
                    c.push(Unmet::Invalid {
                        field: "policy".to_owned(),
                        problem: format!("{new} in {} does not follow {old} in {}: amend with a later version of the same policy in the same currency", policy.currency(), program.pin.currency),
                    });
                }
                match policy.pin() {
                    Ok(p) => pin = Some(p),
                    Err(e) => c.push(Unmet::Unencodable {
                        detail: e.to_string(),
                    }),
                }
            }
        }
        if let Some(close) = claims_close_at {
            c.not_before("claims_close_at", *close, "now", now);
        }
        if budget.is_none() && claims_close_at.is_none() && policy.is_none() {
            c.push(no_change(
                "the amendment changes neither budget, claim window nor policy",
            ));
        }
        c.text(
            "reason",
            reason,
            "why the program changes (a board decision, a corrected rule)",
            MAX_SHORT,
        );
        Event::CompensationProgramAmended {
            program_id: program_id.clone(),
            budget: *budget,
            claims_close_at: *claims_close_at,
            pin,
            policy_text: policy.map(|p| Box::new(p.clone())),
            reason: reason.to_owned(),
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
            CompensationStance::Undecided {} => {}
        }
        Event::CompensationNotApplicable {
            reason: reason.to_owned(),
        }
    }

    /// [`Command::RecordClaimAssessment`]: runs the recorded policy on the claim.
    pub(super) fn record_claim_assessment(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        program_id: &ProgramId,
        claim_id: &ClaimId,
        claim: &Claim,
    ) -> Vec<Event> {
        let mut assessment = None;
        if let Some(program) = self.claim_program(c) {
            if program.id != program_id {
                c.push(unknown("compensation program", program_id));
            }
            if let Some(closed_at) = program.claims_close_at.filter(|close| now > *close) {
                c.push(Unmet::ClaimWindowClosed {
                    program_id: program.id.to_string(),
                    closed_at,
                });
            }
            match program.policy {
                None => c.push(Unmet::PolicyNotRecorded {
                    program_id: program.id.to_string(),
                }),
                Some(policy) => match policy.record(claim) {
                    Ok(recorded) => assessment = Some(recorded),
                    Err(e) => c.push(Unmet::Invalid {
                        field: "claim".to_owned(),
                        problem: e.to_string(),
                    }),
                },
            }
        }
        if self.claims.contains_key(claim_id) {
            c.push(duplicate("claim", claim_id));
        }
        if let Some(earlier) = self.claimants.get(claim.customer()) {
            let rejected = self
                .claims
                .get(earlier)
                .is_some_and(|case| case.status == ClaimStatus::Rejected);
            if !rejected {
                c.push(Unmet::DuplicateCustomer {
                    customer: claim.customer().to_string(),
                    claim_id: earlier.clone(),
                });
            }
        }
        if let (Some(a), Some(mut totals)) = (&assessment, self.claim_totals) {
            c.fits("claim", totals.add_claim(a.cash));
        }
        // Without an assessment an unmet precondition is already pushed: the command is
        // rejected and records nothing.
        assessment
            .map(|assessment| Event::ClaimAssessed {
                program_id: program_id.clone(),
                claim_id: claim_id.clone(),
                customer: claim.customer().clone(),
                assessment,
                claim: Some(Box::new(claim.clone())),
            })
            .into_iter()
            .collect()
    }

    /// [`Command::ProposeAssessmentOverride`].
    pub(super) fn propose_assessment_override(
        &self,
        c: &mut Checks,
        claim_id: &ClaimId,
        cash: Money,
        remedies: &[Remedy],
        reason: &str,
    ) -> Event {
        if let Some(program) = self.claim_program(c) {
            c.amount("cash", cash, program.pin.currency);
            c.offered_services(remedies, program.pin.currency);
            within_cap(c, "cash", cash, program.policy);
        }
        let case = self.claim_status(
            c,
            claim_id,
            &[ClaimStatus::Assessed, ClaimStatus::Countered],
        );
        if case.is_some_and(|case| case.pending_override().is_some()) {
            c.push(Unmet::OverridePending {
                claim_id: claim_id.clone(),
            });
        }
        c.text(
            "reason",
            reason,
            "why the policy's figure does not stand",
            MAX_SHORT,
        );
        Event::AssessmentOverrideProposed {
            claim_id: claim_id.clone(),
            cash,
            remedies: remedies.to_owned(),
            reason: reason.to_owned(),
        }
    }

    /// [`Command::ApproveAssessmentOverride`]: by another person than the proposer.
    pub(super) fn approve_assessment_override(
        &self,
        c: &mut Checks,
        actor: &ActorId,
        claim_id: &ClaimId,
    ) -> Event {
        self.claim_program(c);
        if let Some(case) = self.claim_status(
            c,
            claim_id,
            &[ClaimStatus::Assessed, ClaimStatus::Countered],
        ) {
            match case.pending_override() {
                None => c.push(no_change(format!(
                    "claim {claim_id} has no override awaiting approval"
                ))),
                Some(o) => four_eyes(
                    c,
                    claim_id,
                    actor,
                    Some(&o.proposed_by),
                    "proposed the override for",
                    "approve the override of",
                ),
            }
        }
        Event::AssessmentOverrideApproved {
            claim_id: claim_id.clone(),
        }
    }

    /// [`Command::RecordClaimReview`]: by another person than the assessor.
    pub(super) fn record_claim_review(
        &self,
        c: &mut Checks,
        actor: &ActorId,
        claim_id: &ClaimId,
        note: &str,
    ) -> Event {
        self.claim_program(c);
        if let Some(case) = self.claim_status(
            c,
            claim_id,
            &[ClaimStatus::Assessed, ClaimStatus::Countered],
        ) {
            if !case.awaits_review() && self.unreviewed_shared_payout(claim_id, case).is_none() {
                c.push(no_change(format!(
                    "claim {claim_id} does not await a manual review"
                )));
            }
            four_eyes(
                c,
                claim_id,
                actor,
                case.assessed_by.as_ref(),
                "recorded the assessment of",
                "review",
            );
        }
        c.text(
            "note",
            note,
            "what the reviewer checked and concluded",
            MAX_SHORT,
        );
        Event::ClaimReviewed {
            claim_id: claim_id.clone(),
            note: note.to_owned(),
        }
    }

    /// The open program under which claims are negotiated; pushes why there is none.
    pub(super) fn claim_program(&self, c: &mut Checks) -> Option<OpenProgram<'_>> {
        match &self.compensation {
            CompensationStance::ProgramOpened {
                program_id,
                pin: Some(pin),
                policy_text,
                budget,
                claims_close_at,
                ..
            } => Some(OpenProgram {
                id: program_id,
                pin,
                policy: policy_text.as_deref(),
                budget: *budget,
                claims_close_at: *claims_close_at,
            }),
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
            CompensationStance::Undecided {} | CompensationStance::NotApplicable { .. } => {
                c.push(Unmet::NoCompensationProgram {});
                None
            }
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

    /// The account `case`'s claim is to be paid into and the claims of other customers that
    /// also name it, unless a review of the claim is recorded since the last of them was
    /// assessed. Rejected claims pay nothing and are left out.
    pub(super) fn unreviewed_shared_payout(
        &self,
        claim_id: &ClaimId,
        case: &ClaimCase,
    ) -> Option<(PayoutRef, Vec<ClaimId>)> {
        let payout = case.claim.as_ref()?.payout()?;
        let mut latest = None;
        let others: Vec<ClaimId> = self
            .payouts
            .get(payout)?
            .iter()
            .filter(|id| *id != claim_id)
            .filter_map(|id| Some((id, self.claims.get(id)?)))
            .filter(|(_, other)| {
                other.customer != case.customer && other.status != ClaimStatus::Rejected
            })
            .map(|(id, other)| {
                latest = latest.max(Some(other.assessed_at));
                id.clone()
            })
            .collect();
        let reviewed_since = match (&case.review, latest) {
            (Some(review), Some(latest)) => review.reviewed_at >= latest,
            _ => false,
        };
        (!others.is_empty() && !reviewed_since).then(|| (payout.clone(), others))
    }
}

/// A program budget: positive, in the policy currency.
fn budget_ok(c: &mut Checks, budget: Money, currency: crate::Currency) {
    c.currency("budget", budget, currency);
    if !budget.is_positive() {
        c.push(Unmet::Invalid {
            field: "budget".to_owned(),
            problem: format!("{budget} is not positive; give a positive budget or none"),
        });
    }
}

/// Pushes [`Unmet::AboveCustomerCap`] when `amount` exceeds the recorded policy's cap.
pub(super) fn within_cap(c: &mut Checks, field: &str, amount: Money, policy: Option<&Policy>) {
    if let Some(cap) = policy.map(Policy::customer_cap) {
        if cap.currency() == amount.currency() && amount.amount_minor() > cap.amount_minor() {
            c.push(Unmet::AboveCustomerCap {
                field: field.to_owned(),
                cap,
                amount,
            });
        }
    }
}

/// Pushes [`Unmet::FourEyes`] when `actor` took the earlier step too.
pub(super) fn four_eyes(
    c: &mut Checks,
    claim_id: &ClaimId,
    actor: &ActorId,
    earlier_by: Option<&ActorId>,
    earlier: &str,
    step: &str,
) {
    if earlier_by == Some(actor) {
        c.push(Unmet::FourEyes {
            claim_id: claim_id.clone(),
            actor: actor.clone(),
            earlier: earlier.to_owned(),
            step: step.to_owned(),
        });
    }
}
