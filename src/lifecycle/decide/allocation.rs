//! Deciding [`Command::AllocateBudget`](crate::Command::AllocateBudget): sharing what is
//! left of a program's budget over the claims still open to an offer, once its claim
//! window has closed. The same computation checks the `budget_allocated` event at replay,
//! so the log cannot carry shares the rule does not give.

use chrono::{DateTime, Utc};

use super::checks::{no_change, Checks};
use crate::compensation::{BudgetAllocation, ClaimCase, ClaimStatus, Share};
use crate::id::{ClaimId, ProgramId};
use crate::{Event, Incident, Money, Unmet};

impl Incident {
    /// [`Command::AllocateBudget`](crate::Command::AllocateBudget).
    pub(super) fn allocate_budget(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        program_id: &ProgramId,
    ) -> Event {
        let allocation = match self.claim_program(c) {
            Some(program) if program.id != program_id => {
                c.push(super::checks::unknown("compensation program", program_id));
                None
            }
            Some(_) => match self.budget_allocation_at(now) {
                Ok(allocation) => Some(allocation),
                Err(unmet) => {
                    unmet.into_iter().for_each(|u| c.push(u));
                    None
                }
            },
            None => None,
        };
        if let (Some(new), Some(current)) = (&allocation, &self.allocation) {
            if new == current {
                c.push(no_change(format!(
                    "program {program_id}'s budget is already allocated this way"
                )));
            }
        }
        Event::BudgetAllocated {
            program_id: program_id.clone(),
            allocation: allocation.unwrap_or_else(|| empty(self.claim_currency())),
        }
    }

    /// The allocation the rule gives at `now`: the budget less what is already offered
    /// (and not lapsed), accepted, settled or paid, shared over every claim of the open
    /// program that is assessed, countered, or offered with the offer lapsed. Every unmet
    /// precondition otherwise: no budget, no claim window or one still open, claims whose
    /// entitlement awaits a review or an override, nothing to share among.
    pub(in crate::lifecycle) fn budget_allocation_at(
        &self,
        now: DateTime<Utc>,
    ) -> Result<BudgetAllocation, Vec<Unmet>> {
        let mut unmet = Vec::new();
        let mut scratch = Checks::default();
        let program = self.claim_program(&mut scratch);
        let (Some(program), Some(totals)) = (program, &self.claim_totals) else {
            return Err(scratch.0);
        };
        let invalid = |problem: String| Unmet::Invalid {
            field: "program_id".to_owned(),
            problem,
        };
        let Some(budget) = program.budget else {
            return Err(vec![invalid(format!(
                "program {} has no budget, so nothing limits what each claim is offered: amend it to set one before allocating",
                program.id
            ))]);
        };
        match program.claims_close_at {
            None => unmet.push(invalid(format!(
                "program {} has no claim window, so the claims to share among are never all in: amend it to set one (claims_close_at), then allocate once it has closed",
                program.id
            ))),
            Some(closes_at) if now < closes_at => unmet.push(Unmet::ClaimWindowOpen {
                program_id: program.id.to_string(),
                closes_at,
            }),
            Some(_) => {}
        }
        let open: Vec<(&ClaimId, &ClaimCase)> = self
            .claims
            .iter()
            .filter(|(_, case)| &case.program_id == program.id && open_to_offer(case, now))
            .collect();
        let pending: Vec<ClaimId> = open
            .iter()
            .filter(|(_, case)| case.awaits_review() || case.pending_override().is_some())
            .map(|(id, _)| (*id).clone())
            .collect();
        if !pending.is_empty() {
            unmet.push(Unmet::EntitlementsPending { claims: pending });
        }
        if open.is_empty() {
            unmet.push(invalid(format!(
                "program {} has no claim open to an offer (assessed, countered, or offered with the offer lapsed): there is nothing to allocate",
                program.id
            )));
        }
        if !unmet.is_empty() {
            return Err(unmet);
        }
        // What lapsed offers still hold in `reserved` goes back to the pool: those claims
        // are shared among again.
        let lapsed = open
            .iter()
            .filter_map(|(_, case)| case.open_offer().map(|o| o.amount.amount_minor()))
            .try_fold(0i64, i64::checked_add);
        let pool = lapsed
            .and_then(|l| budget.amount_minor().checked_add(l))
            .and_then(|p| p.checked_sub(totals.reserved.amount_minor()))
            .map(|p| Money::from_minor(p.max(0), budget.currency()));
        let Some(pool) = pool else {
            return Err(vec![invalid(
                "the budget and the reserved cash do not fit in i64 minor units: check the program's figures".to_owned(),
            )]);
        };
        let owed: Vec<(ClaimId, Share)> = open
            .iter()
            .map(|(id, case)| ((*id).clone(), owed(case)))
            .collect();
        BudgetAllocation::compute(pool, &owed).map_err(|e| vec![invalid(e.to_string())])
    }

    /// The open program's currency (for an empty allocation in a rejected command).
    fn claim_currency(&self) -> crate::Currency {
        self.claim_totals
            .as_ref()
            .map_or(crate::Currency::CNY, |t| t.assessed.currency())
    }

    /// Pushes [`Unmet::NotAllocatedShare`] when the budget was allocated over `claim` and
    /// `amount` is not its share; says whether the claim was shared among.
    pub(super) fn allocated_share(
        &self,
        c: &mut Checks,
        claim_id: &ClaimId,
        amount: Money,
    ) -> bool {
        let Some(share) = self.allocation.as_ref().and_then(|a| a.share_of(claim_id)) else {
            return false;
        };
        if share != amount {
            c.push(Unmet::NotAllocatedShare {
                claim_id: claim_id.clone(),
                share,
                offered: amount,
            });
        }
        true
    }
}

/// Whether a claim shares in an allocation: nothing offered yet, the customer's counter
/// received, or the last offer lapsed unanswered.
fn open_to_offer(case: &ClaimCase, now: DateTime<Utc>) -> bool {
    match case.status {
        ClaimStatus::Assessed | ClaimStatus::Countered => true,
        ClaimStatus::Offered => case.open_offer().is_some_and(|o| o.expired_at(now)),
        _ => false,
    }
}

/// What a claim is owed, split: the reimbursement of a verified loss (reduced last) and the
/// rest. A claim assessed without a recorded policy counts as all protected, so nothing it
/// is owed is cut first on a guess.
fn owed(case: &ClaimCase) -> Share {
    let due = case.due();
    let protected = case
        .protected
        .map_or(due.amount_minor(), |p| p.amount_minor())
        .clamp(0, due.amount_minor().max(0));
    Share::new(
        Money::from_minor(protected, due.currency()),
        Money::from_minor(due.amount_minor() - protected, due.currency()),
    )
}

/// An allocation of nothing, for the event a rejected command never records.
fn empty(currency: crate::Currency) -> BudgetAllocation {
    BudgetAllocation {
        pool: Money::zero(currency),
        coverage: crate::compensation::Coverage::Full,
        unallocated: Money::zero(currency),
        shares: Vec::new(),
    }
}
