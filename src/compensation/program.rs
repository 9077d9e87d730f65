//! Compensation programs: a pinned policy version and a budget, with streaming batch
//! assessment and explicit pro-rata scaling when the budget is exceeded.

use std::borrow::Borrow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::claim::Claim;
use super::compiled::CompiledPolicy;
use super::decision::{CompensationError, Outcome, RemedyTotals};
use super::negotiation::ClaimTotals;
use super::policy::{Policy, PolicyRef};
use super::CompensationStance;
use crate::{id::ProgramId, money::MoneyError, money::MoneyOperation, Money};

/// A compensation program: which policy version it applies and how much it may pay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// The program id (as in [`CompensationStance::ProgramOpened`](crate::compensation::CompensationStance)).
    pub id: ProgramId,
    /// The pinned policy id and version.
    pub policy: PolicyRef,
    /// The most the program pays in cash, in the policy currency.
    pub budget: Money,
}

/// Claims counted by [`Outcome`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeCounts {
    /// Claims paid some cash.
    pub cash: u64,
    /// Claims granted services only.
    pub services_only: u64,
    /// Claims granted nothing.
    pub no_remedy: u64,
}

/// The result of assessing a batch of claims under a program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgramSummary {
    /// The program.
    pub program: ProgramId,
    /// The policy applied.
    pub policy: PolicyRef,
    /// The budget.
    pub budget: Money,
    /// Claims assessed.
    pub claims: u64,
    /// Cash owed under the policy, after per-rule and per-customer caps, before any
    /// pro-rata scaling.
    pub cash_total: Money,
    /// Claims where the per-customer cap bound.
    pub customer_cap_bound: u64,
    /// Claims that need manual review before payment.
    pub needs_manual_review: u64,
    /// Claims by outcome.
    pub outcomes: OutcomeCounts,
    /// Remedies by kind (cash before the per-customer cap).
    pub remedies: RemedyTotals,
}

impl ProgramSummary {
    /// Whether the cash owed exceeds the budget.
    pub fn over_budget(&self) -> bool {
        self.cash_total.amount_minor() > self.budget.amount_minor()
    }

    /// Budget used, in basis points of the budget (may exceed 10 000), rounded half to even.
    pub fn budget_used_bps(&self) -> i64 {
        Money::from_minor(10_000, self.budget.currency())
            .checked_mul_ratio(self.cash_total.amount_minor(), self.budget.amount_minor())
            .map_or(i64::MAX, |m| m.amount_minor())
    }

    /// When over budget, the factor `budget / cash_total` as `(numerator, denominator)` in
    /// minor units; `None` when the budget suffices. Nothing is scaled unless the host asks.
    pub fn pro_rata_factor(&self) -> Option<(i64, i64)> {
        self.over_budget()
            .then(|| (self.budget.amount_minor(), self.cash_total.amount_minor()))
    }

    /// Opt-in pro-rata scaling when over budget: a [`ProRata`] that scales each claim's cash
    /// by `budget / cash_total`. `None` when the budget suffices (pay in full).
    pub fn scale_to_budget(&self) -> Option<ProRata> {
        self.over_budget().then(|| ProRata {
            budget: self.budget,
            total: self.cash_total,
            cumulative: Money::zero(self.budget.currency()),
            paid: Money::zero(self.budget.currency()),
        })
    }
}

/// Pro-rata scaling of each claim's cash to fit the budget.
///
/// Feed the claims' cash in the same order as the assessment. Each share is the
/// half-even-rounded scaled *cumulative* cash minus what was already paid, so each share is
/// within one minor unit of the exact pro-rata amount, no share is negative, and the shares
/// add up to exactly the budget (never more) once every claim is fed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProRata {
    budget: Money,
    total: Money,
    cumulative: Money,
    paid: Money,
}

impl ProRata {
    /// The scaled amount for the next claim's cash.
    ///
    /// # Errors
    /// [`MoneyError`] on mixed currencies or overflow.
    ///
    /// # Examples
    /// ```
    /// use incident::compensation::{OutcomeCounts, PolicyRef, ProgramSummary, RemedyTotals};
    /// use incident::id::{PolicyId, ProgramId};
    /// use incident::{Currency, Money};
    /// let cny = |m| Money::from_minor(m, Currency::CNY);
    /// let summary = ProgramSummary {
    ///     program: ProgramId::new("P")?, policy: PolicyRef { id: PolicyId::new("p")?, version: 1 },
    ///     budget: cny(100), claims: 3, cash_total: cny(300), customer_cap_bound: 0,
    ///     needs_manual_review: 0, outcomes: OutcomeCounts::default(),
    ///     remedies: RemedyTotals::zero(Currency::CNY),
    /// };
    /// let mut pro_rata = summary.scale_to_budget().ok_or("within budget")?;
    /// let shares: Vec<i64> = [cny(100), cny(100), cny(100)].into_iter()
    ///     .map(|c| pro_rata.scale(c).map(|m| m.amount_minor()))
    ///     .collect::<Result<_, _>>()?;
    /// assert_eq!(shares, [33, 34, 33]); // adds up to exactly the budget
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scale(&mut self, cash: Money) -> Result<Money, MoneyError> {
        self.cumulative = self.cumulative.checked_add(cash)?;
        let target = self
            .cumulative
            .checked_mul_ratio(self.budget.amount_minor(), self.total.amount_minor())?;
        let share = target.checked_sub(self.paid)?;
        self.paid = target;
        Ok(share)
    }

    /// What has been allotted so far.
    pub fn paid(&self) -> Money {
        self.paid
    }
}

impl Program {
    /// Opens a program pinned to `policy`'s id and version.
    ///
    /// # Errors
    /// [`CompensationError::InvalidBudget`] unless the budget is positive and in the policy
    /// currency.
    pub fn new(id: ProgramId, policy: &Policy, budget: Money) -> Result<Self, CompensationError> {
        if budget.currency() != policy.currency() || !budget.is_positive() {
            return Err(CompensationError::InvalidBudget {
                budget,
                expected: policy.currency(),
            });
        }
        Ok(Self {
            id,
            policy: policy.reference(),
            budget,
        })
    }

    /// The program an incident opened, for batch assessment, from the incident's
    /// compensation `stance` and its negotiation `totals` (as
    /// [`Incident::compensation_program`](crate::Incident::compensation_program) lends
    /// them): checks that `policy` is the very policy the incident pinned (id, version and SHA-256 digest of its canonical
    /// JSON, so an edited copy under the same version is refused), and takes as budget
    /// what the incident's budget has left after the settlements already in its log, so
    /// a batch and the negotiated claims draw on one budget.
    ///
    /// # Errors
    /// [`CompensationError::NoPinnedProgram`] without a pinned program;
    /// [`CompensationError::PinMismatch`] for another policy text;
    /// [`CompensationError::NoBudget`] when the program has none;
    /// [`CompensationError::BudgetExhausted`] when settlements used it all.
    pub fn opened(
        stance: &CompensationStance,
        totals: Option<&ClaimTotals>,
        policy: &Policy,
    ) -> Result<Self, CompensationError> {
        let CompensationStance::ProgramOpened {
            program_id,
            pin: Some(pin),
            budget,
            ..
        } = stance
        else {
            return Err(CompensationError::NoPinnedProgram);
        };
        let given = policy.pin()?;
        if given != *pin {
            return Err(CompensationError::PinMismatch {
                program: program_id.clone(),
                pinned: Box::new(pin.clone()),
                given: Box::new(given),
            });
        }
        let Some(budget) = *budget else {
            return Err(CompensationError::NoBudget {
                program: program_id.clone(),
            });
        };
        let settled = totals.map_or(Money::zero(budget.currency()), |t| t.settled);
        let left = budget.checked_sub(settled)?;
        if !left.is_positive() {
            return Err(CompensationError::BudgetExhausted {
                program: program_id.clone(),
                budget,
                settled,
            });
        }
        Self::new(program_id.clone(), policy, left)
    }

    /// Assesses any stream of claims in constant memory (no decision is kept) and sums up.
    /// The policy is compiled once ([`Policy::compile`]); to assess several batches with
    /// one compilation, use [`Program::assess_compiled`].
    ///
    /// Stops at the first claim it cannot assess: for a batch that may hold bad claims or a
    /// customer twice, use [`Program::assess_batch`], which skips and reports them.
    ///
    /// # Errors
    /// [`CompensationError::PolicyMismatch`] when `policy` is not the pinned version; the
    /// first claim's error otherwise (currency mismatch, overflow).
    ///
    /// # Examples
    /// ```
    /// use incident::compensation::{reference_securities_policy, Claim, EvidenceStrength, Program, Tier};
    /// use incident::id::{CustomerRef, ProgramId};
    /// use incident::{Currency, Money};
    ///
    /// let policy = reference_securities_policy();
    /// let program = Program::new(ProgramId::new("P-1")?, &policy, Money::from_minor(1_000_000, Currency::CNY))?;
    /// let claim = Claim::builder(CustomerRef::new("C-1")?, Tier::Standard,
    ///     Money::from_minor(0, Currency::CNY), EvidenceStrength::None).build()?;
    /// // Any iterator works; nothing is collected.
    /// let summary = program.assess(&policy, std::iter::repeat_n(&claim, 1_000))?;
    /// assert_eq!(summary.claims, 1_000);
    /// assert!(summary.over_budget()); // 1,000 goodwill credits of ¥100 exceed ¥10,000
    /// assert!(summary.scale_to_budget().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess<I>(&self, policy: &Policy, claims: I) -> Result<ProgramSummary, CompensationError>
    where
        I: IntoIterator,
        I::Item: Borrow<Claim>,
    {
        self.check_policy(&policy.reference())?;
        self.assess_compiled(&policy.compile(), claims)
    }

    /// As [`Program::assess`], with a policy compiled beforehand. Allocates only the
    /// per-rule match counters, once; nothing per claim.
    ///
    /// # Errors
    /// As [`Program::assess`]. An overflow of a per-kind remedy total is reported once the
    /// stream is consumed (every such total only grows, so it overflows at the end exactly
    /// when it would have overflowed on the way).
    pub fn assess_compiled<I>(
        &self,
        policy: &CompiledPolicy,
        claims: I,
    ) -> Result<ProgramSummary, CompensationError>
    where
        I: IntoIterator,
        I::Item: Borrow<Claim>,
    {
        self.check_policy(policy.reference())?;
        let currency = policy.currency();
        let overflow = || {
            CompensationError::Money(MoneyError::Overflow {
                operation: MoneyOperation::Add,
                currency,
            })
        };
        let mut hits = vec![0u64; policy.rule_count()];
        let mut count = 0u64;
        let mut cash_total: i64 = 0;
        let mut reimbursed: i64 = 0;
        let mut variable = super::compiled::VariableCash::default();
        let mut customer_cap_bound = 0u64;
        let mut needs_manual_review = 0u64;
        // Indexed by outcome rather than matched on: a branch per claim would mispredict.
        let mut outcomes = [0u64; 3];
        for claim in claims {
            let figures = policy.quick(
                claim.borrow(),
                |n| {
                    if let Some(h) = hits.get_mut(n) {
                        *h += 1;
                    }
                    Some(())
                },
                &mut variable,
            )?;
            count += 1;
            cash_total = cash_total.checked_add(figures.cash).ok_or_else(overflow)?;
            reimbursed = reimbursed
                .checked_add(figures.reimbursed)
                .ok_or_else(overflow)?;
            customer_cap_bound += u64::from(figures.before_cap > figures.cash);
            needs_manual_review += u64::from(figures.needs_manual_review);
            let slot = match figures.outcome {
                Outcome::Cash => 0,
                Outcome::ServicesOnly => 1,
                Outcome::NoRemedy => 2,
            };
            if let Some(n) = outcomes.get_mut(slot) {
                *n += 1;
            }
        }
        let [cash, services_only, no_remedy] = outcomes;
        let outcomes = OutcomeCounts {
            cash,
            services_only,
            no_remedy,
        };
        let mut remedies = RemedyTotals::zero(currency);
        policy.add_tallies(&hits, &mut remedies)?;
        remedies.reimbursed = remedies
            .reimbursed
            .checked_add(Money::from_minor(reimbursed, currency))?;
        variable.add_to(&mut remedies, currency)?;
        Ok(ProgramSummary {
            program: self.id.clone(),
            policy: self.policy.clone(),
            budget: self.budget,
            claims: count,
            cash_total: Money::from_minor(cash_total, currency),
            customer_cap_bound,
            needs_manual_review,
            outcomes,
            remedies,
        })
    }

    pub(super) fn check_policy(&self, given: &PolicyRef) -> Result<(), CompensationError> {
        if *given == self.policy {
            Ok(())
        } else {
            Err(CompensationError::PolicyMismatch {
                pinned: self.policy.clone(),
                given: given.clone(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{id::PolicyId, Currency};

    #[test]
    fn pro_rata_shares_sum_to_budget() {
        let cny = |m| Money::from_minor(m, Currency::CNY);
        let summary = ProgramSummary {
            program: ProgramId::new("P").unwrap(),
            policy: PolicyRef {
                id: PolicyId::new("p").unwrap(),
                version: 1,
            },
            budget: cny(1_000),
            claims: 4,
            cash_total: cny(1_501),
            customer_cap_bound: 0,
            needs_manual_review: 0,
            outcomes: OutcomeCounts::default(),
            remedies: RemedyTotals::zero(Currency::CNY),
        };
        assert_eq!(summary.pro_rata_factor(), Some((1_000, 1_501)));
        assert_eq!(summary.budget_used_bps(), 15_010);
        let mut p = summary.scale_to_budget().unwrap();
        let mut sum = 0;
        for c in [1, 500, 500, 500] {
            sum += p.scale(cny(c)).unwrap().amount_minor();
        }
        assert_eq!(sum, 1_000);
        assert_eq!(p.paid(), cny(1_000));
    }
}
