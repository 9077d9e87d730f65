//! A policy compiled for batches: conditions flattened into instruction lists, the parts
//! that only look at evidence, tier and account compromise folded into truth tables, each
//! rule's fixed cash and service tallies precomputed. Built once per batch; deciding a
//! claim with it allocates nothing and gives exactly the figures of [`Policy::assess`].

use super::claim::{Claim, EvidenceSet};
use super::claimant::{needs_capacity_review, CapacityDocuments};
use super::compiled_condition::{compile_condition, signature, Cond, Facts};
use super::decision::{Assessment, CompensationError, Outcome, RemedyTotals};
use super::policy::{Condition, Matching, Policy, PolicyRef, Remedy};
use crate::{money::MoneyError, money::MoneyOperation, Currency, Money};

/// The cash of the remedies whose amount depends on more of the claim than its verified
/// loss (advance payment, interest, time spent, document replacement), per kind, so a
/// batch can total them as it totals reimbursements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct VariableCash {
    advance: i64,
    interest: i64,
    time: i64,
    documents: i64,
}

impl VariableCash {
    /// The sum, `None` on overflow.
    pub(super) fn checked_add(self, other: Self) -> Option<Self> {
        Some(Self {
            advance: self.advance.checked_add(other.advance)?,
            interest: self.interest.checked_add(other.interest)?,
            time: self.time.checked_add(other.time)?,
            documents: self.documents.checked_add(other.documents)?,
        })
    }

    fn total(self) -> Option<i64> {
        self.advance
            .checked_add(self.interest)?
            .checked_add(self.time)?
            .checked_add(self.documents)
    }

    /// One remedy's cash for `claim` added in its slot; `None` on overflow.
    fn add(mut self, remedy: &Remedy, claim: &Claim) -> Option<Self> {
        let (cash, _) = remedy.cash_for(claim)?;
        let slot = match remedy {
            Remedy::AdvancePayment { .. } => &mut self.advance,
            Remedy::Interest { .. } => &mut self.interest,
            Remedy::TimeSpent { .. } => &mut self.time,
            _ => &mut self.documents,
        };
        *slot = slot.checked_add(cash)?;
        Some(self)
    }

    /// Adds the cash to the per-kind totals.
    pub(super) fn add_to(
        self,
        totals: &mut RemedyTotals,
        currency: Currency,
    ) -> Result<(), MoneyError> {
        let money = |minor| Money::from_minor(minor, currency);
        totals.advance_paid = totals.advance_paid.checked_add(money(self.advance))?;
        totals.interest = totals.interest.checked_add(money(self.interest))?;
        totals.time_paid = totals.time_paid.checked_add(money(self.time))?;
        totals.documents_paid = totals.documents_paid.checked_add(money(self.documents))?;
        Ok(())
    }
}

/// Whether a remedy's cash depends on more than the verified loss.
fn is_variable(remedy: &Remedy) -> bool {
    matches!(
        remedy,
        Remedy::AdvancePayment { .. }
            | Remedy::Interest { .. }
            | Remedy::TimeSpent { .. }
            | Remedy::DocumentReplacement { .. }
    )
}

/// See [`CompiledRule::simple`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Simple {
    fixed: i64,
    full: i64,
    cap: i64,
}

/// A rule with what it grants reduced to numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CompiledRule {
    when: Cond,
    /// Each reimbursement: share in basis points and cap in minor units.
    reimburse: Box<[(u32, Option<i64>)]>,
    /// Fixed cash (goodwill) in minor units; `None` when the rule's own amounts overflow.
    fixed_cash: Option<i64>,
    /// The remedies whose cash depends on more of the claim ([`is_variable`]).
    variable: Box<[Remedy]>,
    /// The common shape, computed without branches: fixed cash plus at most one
    /// reimbursement of the full verified loss (`full` is all ones, or zero for none) up to
    /// `cap` (`i64::MAX` for none). `None` for other shapes.
    simple: Option<Simple>,
    /// The rule's tally without the reimbursed cash; `None` when it overflows.
    tally: Option<RemedyTotals>,
    /// Whether the rule grants anything.
    grants: bool,
}

fn compile_rule(when: &Condition, grant: &[Remedy], currency: Currency) -> CompiledRule {
    let mut reimburse = Vec::new();
    let mut variable = Vec::new();
    let mut fixed_cash = Some(0i64);
    let mut tally = Some(RemedyTotals::zero(currency));
    for remedy in grant {
        if let Remedy::Reimburse { share_bps, cap } = remedy {
            reimburse.push((*share_bps, cap.map(|c| c.amount_minor())));
        }
        if let Remedy::Goodwill { amount } = remedy {
            fixed_cash = fixed_cash.and_then(|f| f.checked_add(amount.amount_minor()));
        }
        if is_variable(remedy) {
            variable.push(remedy.clone());
        }
        let cash = match remedy {
            Remedy::Goodwill { amount } => amount.amount_minor(),
            _ => 0,
        };
        tally = tally.and_then(|mut t| {
            super::decision::tally(&mut t, remedy, cash)?;
            Some(t)
        });
    }
    let simple = match (fixed_cash, &reimburse[..]) {
        (Some(fixed), []) => Some(Simple {
            fixed,
            full: 0,
            cap: i64::MAX,
        }),
        (Some(fixed), [(10_000, cap)]) => Some(Simple {
            fixed,
            full: -1,
            cap: cap.unwrap_or(i64::MAX),
        }),
        _ => None,
    };
    CompiledRule {
        when: compile_condition(when),
        simple,
        reimburse: reimburse.into_boxed_slice(),
        fixed_cash,
        variable: variable.into_boxed_slice(),
        tally,
        grants: !grant.is_empty(),
    }
}

impl CompiledRule {
    /// The rule's fixed and reimbursed cash for a claim with verified loss `base` (minor
    /// units): before the per-customer cap, and the reimbursed part; `None` on overflow.
    /// The variable remedies are added apart ([`CompiledRule::variable_cash`]).
    #[inline]
    fn cash(&self, base: i64, currency: Currency) -> Option<(i64, i64)> {
        if let Some(simple) = &self.simple {
            let reimbursed = (base & simple.full).min(simple.cap);
            return Some((simple.fixed.checked_add(reimbursed)?, reimbursed));
        }
        self.general_cash(base, currency)
    }

    /// The cash of the rule's variable remedies for `claim`; `None` on overflow.
    #[inline(never)]
    fn variable_cash(&self, claim: &Claim) -> Option<VariableCash> {
        let mut variable = VariableCash::default();
        for remedy in &self.variable {
            variable = variable.add(remedy, claim)?;
        }
        Some(variable)
    }

    #[inline(never)]
    fn general_cash(&self, base: i64, currency: Currency) -> Option<(i64, i64)> {
        let mut reimbursed: i64 = 0;
        for (share_bps, cap) in &self.reimburse {
            let share = if *share_bps == 10_000 {
                base
            } else {
                Money::from_minor(base, currency)
                    .checked_mul_bps(*share_bps)
                    .ok()?
                    .amount_minor()
            };
            let paid = match cap {
                Some(cap) if share > *cap => *cap,
                _ => share,
            };
            reimbursed = reimbursed.checked_add(paid)?;
        }
        Some((self.fixed_cash?.checked_add(reimbursed)?, reimbursed))
    }
}

/// How matching rules are found.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Select {
    /// Up to 64 rules: `tables[signature]` has bit `r` set when rule `r` is a truth table
    /// that holds; `dynamic` marks the rules that need their instructions run.
    Masks {
        tables: Box<[u64; 32]>,
        dynamic: u64,
    },
    /// More rules: evaluate them in order.
    InOrder,
}

/// A [`Policy`] compiled for fast batch assessment; see [`Policy::compile`]. It decides
/// exactly as the policy does, without explanations and without allocating.
///
/// # Examples
/// ```
/// use incident::compensation::{reference_securities_policy, Claim, EvidenceStrength, Tier};
/// use incident::id::CustomerRef;
/// use incident::{Currency, Money};
/// let policy = reference_securities_policy();
/// let compiled = policy.compile();
/// let claim = Claim::builder(CustomerRef::new("C-1")?, Tier::Standard,
///     Money::from_minor(0, Currency::CNY), EvidenceStrength::None).build()?;
/// assert_eq!(compiled.assess(&claim)?, policy.assess(&claim)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledPolicy {
    reference: PolicyRef,
    currency: Currency,
    first_match: bool,
    customer_cap: i64,
    review_evidence: EvidenceSet,
    review_above: i64,
    /// The documents per claimant capacity, checked only for claims made by someone other
    /// than the customer.
    claimant_documents: CapacityDocuments,
    rules: Box<[CompiledRule]>,
    select: Select,
}

/// One claim's figures, as the batch loop needs them.
#[derive(Debug, Clone, Copy)]
pub(super) struct Quick {
    pub(super) cash: i64,
    pub(super) before_cap: i64,
    pub(super) reimbursed: i64,
    pub(super) needs_manual_review: bool,
    pub(super) outcome: Outcome,
}

#[cold]
fn overflow(currency: Currency) -> CompensationError {
    CompensationError::Money(MoneyError::Overflow {
        operation: MoneyOperation::Add,
        currency,
    })
}

impl Policy {
    /// Compiles the policy for batches: see [`CompiledPolicy`].
    /// [`Program::assess`](crate::compensation::Program::assess) does this once per batch.
    pub fn compile(&self) -> CompiledPolicy {
        let rules: Box<[CompiledRule]> = self
            .rules()
            .iter()
            .map(|r| compile_rule(&r.when, &r.grant, self.currency()))
            .collect();
        let select = if rules.len() <= 64 {
            let mut tables = Box::new([0u64; 32]);
            let mut dynamic = 0u64;
            for (n, rule) in rules.iter().enumerate() {
                match &rule.when {
                    Cond::Table(bits) => {
                        for (signature, slot) in (0u32..).zip(tables.iter_mut()) {
                            if bits >> signature & 1 == 1 {
                                *slot |= 1 << n;
                            }
                        }
                    }
                    Cond::Ops(_) => dynamic |= 1 << n,
                }
            }
            Select::Masks { tables, dynamic }
        } else {
            Select::InOrder
        };
        let review = self.review_trigger();
        CompiledPolicy {
            reference: self.reference(),
            currency: self.currency(),
            first_match: self.matching() == Matching::FirstMatch,
            customer_cap: self.customer_cap().amount_minor(),
            review_evidence: review.evidence,
            review_above: review
                .reported_loss_above
                .map_or(i64::MAX, |m| m.amount_minor()),
            claimant_documents: self.claimant_documents.clone(),
            rules,
            select,
        }
    }
}

impl CompiledPolicy {
    /// The policy id and version it was compiled from.
    pub fn reference(&self) -> &PolicyRef {
        &self.reference
    }

    /// The policy currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Calls `each(rule index, rule)` for the rules that match, in policy order (only the
    /// first in a first-match policy).
    #[inline]
    fn matches(
        &self,
        claim: &Claim,
        mut each: impl FnMut(usize, &CompiledRule) -> Option<()>,
    ) -> Option<()> {
        let mut facts = Facts {
            claim,
            signature: signature(claim),
            data: None,
        };
        match &self.select {
            Select::Masks { tables, dynamic } => {
                let index = usize::try_from(facts.signature & 31).unwrap_or_default();
                let tabled = tables.get(index).copied().unwrap_or_default();
                if self.first_match && *dynamic == 0 {
                    // The common case: the table alone names the matching rule.
                    let n = usize::try_from(tabled.trailing_zeros()).unwrap_or(usize::MAX);
                    return match self.rules.get(n) {
                        Some(rule) => each(n, rule),
                        None => Some(()),
                    };
                }
                let mut matched = tabled;
                // In a first-match policy only rules before the first tabled match can
                // take precedence; an accumulating policy runs them all.
                let mut pending = if self.first_match {
                    dynamic & tabled.wrapping_sub(1) & !tabled
                } else {
                    *dynamic
                };
                while pending != 0 {
                    let n = pending.trailing_zeros();
                    pending &= pending - 1;
                    let holds = self
                        .rules
                        .get(usize::try_from(n).unwrap_or(usize::MAX))
                        .is_some_and(|rule| rule.when.holds(&mut facts));
                    if holds {
                        matched |= 1 << n;
                        if self.first_match {
                            break;
                        }
                    }
                }
                if self.first_match {
                    // Keep the lowest set bit only.
                    matched &= matched.wrapping_neg();
                }
                while matched != 0 {
                    let n = usize::try_from(matched.trailing_zeros()).unwrap_or(usize::MAX);
                    matched &= matched - 1;
                    if let Some(rule) = self.rules.get(n) {
                        each(n, rule)?;
                    }
                }
            }
            Select::InOrder => {
                for (n, rule) in self.rules.iter().enumerate() {
                    if rule.when.holds(&mut facts) {
                        each(n, rule)?;
                        if self.first_match {
                            break;
                        }
                    }
                }
            }
        }
        Some(())
    }

    #[cold]
    fn currency_mismatch(&self, claim: &Claim) -> CompensationError {
        CompensationError::CurrencyMismatch {
            customer: claim.customer().clone(),
            claim: claim.currency(),
            policy: self.reference.clone(),
            expected: self.currency,
        }
    }

    /// The figures of one claim; `hit` is told each matching rule's index.
    #[inline]
    pub(super) fn quick(
        &self,
        claim: &Claim,
        mut hit: impl FnMut(usize) -> Option<()>,
        variable: &mut VariableCash,
    ) -> Result<Quick, CompensationError> {
        if claim.currency() != self.currency {
            return Err(self.currency_mismatch(claim));
        }
        let base = claim.verified_minor();
        let mut before_cap: i64 = 0;
        let mut reimbursed: i64 = 0;
        let mut granted_any = false;
        self.matches(claim, |n, rule| {
            let (cash, paid) = rule.cash(base, self.currency)?;
            before_cap = before_cap.checked_add(cash)?;
            reimbursed = reimbursed.checked_add(paid)?;
            if !rule.variable.is_empty() {
                let more = rule.variable_cash(claim)?;
                before_cap = before_cap.checked_add(more.total()?)?;
                *variable = variable.checked_add(more)?;
            }
            granted_any |= rule.grants;
            hit(n)
        })
        .ok_or_else(|| overflow(self.currency))?;
        let cash = before_cap.min(self.customer_cap);
        Ok(Quick {
            cash,
            before_cap,
            reimbursed,
            // `|` rather than `||`: both sides are cheap, and a branch would mispredict.
            needs_manual_review: self.review_evidence.contains(claim.evidence())
                | (claim.reported_loss().amount_minor() > self.review_above)
                | (claim.by_claimant() && self.claimant_review(claim)),
            outcome: if cash > 0 {
                Outcome::Cash
            } else if granted_any {
                Outcome::ServicesOnly
            } else {
                Outcome::NoRemedy
            },
        })
    }

    /// Whether the claimant's documents leave the claim for a person: out of line, so the
    /// batch loop pays one predictable branch for the many claims the customer makes.
    #[cold]
    #[inline(never)]
    fn claimant_review(&self, claim: &Claim) -> bool {
        needs_capacity_review(&self.claimant_documents, claim)
    }

    /// The figures of a decision, exactly as [`Policy::assess`] gives them.
    ///
    /// # Errors
    /// [`CompensationError::CurrencyMismatch`] when the claim is in another currency;
    /// [`CompensationError::Money`] on overflow.
    pub fn assess(&self, claim: &Claim) -> Result<Assessment, CompensationError> {
        let mut remedies = RemedyTotals::zero(self.currency);
        let mut added = Some(());
        let mut variable = VariableCash::default();
        let quick = self.quick(
            claim,
            |n| {
                let tally = self.rules.get(n)?.tally.as_ref()?;
                added = added.and_then(|()| remedies.checked_add(tally).ok());
                added
            },
            &mut variable,
        )?;
        remedies.reimbursed = remedies
            .reimbursed
            .checked_add(Money::from_minor(quick.reimbursed, self.currency))?;
        variable.add_to(&mut remedies, self.currency)?;
        let money = |minor| Money::from_minor(minor, self.currency);
        Ok(Assessment {
            cash: money(quick.cash),
            cash_before_customer_cap: money(quick.before_cap),
            customer_cap_bound: quick.before_cap > self.customer_cap,
            needs_manual_review: quick.needs_manual_review,
            outcome: quick.outcome,
            remedies,
        })
    }

    /// Adds `hits[r]` times rule `r`'s tally to `totals`, for every rule: how a batch
    /// turns its per-rule match counts into per-kind totals at the end.
    pub(super) fn add_tallies(
        &self,
        hits: &[u64],
        totals: &mut RemedyTotals,
    ) -> Result<(), CompensationError> {
        for (rule, &n) in self.rules.iter().zip(hits) {
            if n == 0 {
                continue;
            }
            let tally = rule.tally.as_ref().ok_or_else(|| overflow(self.currency))?;
            add_scaled(totals, tally, n).ok_or_else(|| overflow(self.currency))?;
        }
        Ok(())
    }

    /// How many rules the policy has.
    pub(super) fn rule_count(&self) -> usize {
        self.rules.len()
    }
}

/// `totals += n × tally`; `None` on overflow of an amount.
fn add_scaled(totals: &mut RemedyTotals, tally: &RemedyTotals, n: u64) -> Option<()> {
    let count = |total: &mut u64, each: u64| {
        *total = total.saturating_add(each.saturating_mul(n));
    };
    let amount = |total: &mut Money, each: Money| -> Option<()> {
        let sum = i128::from(total.amount_minor())
            .checked_add(i128::from(each.amount_minor()).checked_mul(i128::from(n))?)?;
        *total = Money::from_minor(i64::try_from(sum).ok()?, total.currency());
        Some(())
    };
    // Destructured so that a new field of the tally cannot be forgotten here.
    let RemedyTotals {
        reimbursements,
        reimbursed,
        goodwill_credits,
        goodwill,
        credit_monitoring,
        credit_monitoring_months,
        identity_theft_insurance,
        insurance_coverage,
        fee_waivers,
        fee_waiver_months,
        assisted_password_resets,
        account_freezes,
        negotiated_settlements,
        advance_payments,
        advance_paid,
        interest_payments,
        interest,
        time_payments,
        time_paid,
        document_reimbursements,
        documents_paid,
        credit_report_objections,
        account_security_reviews,
    } = *tally;
    count(&mut totals.reimbursements, reimbursements);
    amount(&mut totals.reimbursed, reimbursed)?;
    count(&mut totals.goodwill_credits, goodwill_credits);
    amount(&mut totals.goodwill, goodwill)?;
    count(&mut totals.credit_monitoring, credit_monitoring);
    count(
        &mut totals.credit_monitoring_months,
        credit_monitoring_months,
    );
    count(
        &mut totals.identity_theft_insurance,
        identity_theft_insurance,
    );
    amount(&mut totals.insurance_coverage, insurance_coverage)?;
    count(&mut totals.fee_waivers, fee_waivers);
    count(&mut totals.fee_waiver_months, fee_waiver_months);
    count(
        &mut totals.assisted_password_resets,
        assisted_password_resets,
    );
    count(&mut totals.account_freezes, account_freezes);
    count(&mut totals.negotiated_settlements, negotiated_settlements);
    count(&mut totals.advance_payments, advance_payments);
    amount(&mut totals.advance_paid, advance_paid)?;
    count(&mut totals.interest_payments, interest_payments);
    amount(&mut totals.interest, interest)?;
    count(&mut totals.time_payments, time_payments);
    amount(&mut totals.time_paid, time_paid)?;
    count(&mut totals.document_reimbursements, document_reimbursements);
    amount(&mut totals.documents_paid, documents_paid)?;
    count(
        &mut totals.credit_report_objections,
        credit_report_objections,
    );
    count(
        &mut totals.account_security_reviews,
        account_security_reviews,
    );
    Some(())
}

#[cfg(test)]
mod tests {
    use super::super::claim::{EvidenceStrength, Tier};
    use super::super::compiled_condition::{EVIDENCE, TIERS};
    use super::super::policy::LossBasis;
    use super::*;
    use crate::classify::DataCategory;
    use crate::{
        classify::Jurisdiction, compensation::Rule, id::CustomerRef, id::PolicyId, id::RuleId,
    };

    fn cny(minor: i64) -> Money {
        Money::from_minor(minor, Currency::CNY)
    }

    fn claim(evidence: EvidenceStrength, tier: Tier, compromised: bool) -> Claim {
        Claim::builder(CustomerRef::new("c").unwrap(), tier, cny(500), evidence)
            .verified_loss(cny(400))
            .account_compromised(compromised)
            .data(DataCategory::Credentials)
            .jurisdiction(Jurisdiction::new("US-NY").unwrap())
            .build()
            .unwrap()
    }

    #[test]
    fn folded_tables_agree_with_the_conditions() {
        let conditions = [
            Condition::All {
                conditions: vec![
                    Condition::Evidence {
                        any_of: [EvidenceStrength::Verified, EvidenceStrength::None].into(),
                    },
                    Condition::Not {
                        condition: Box::new(Condition::AccountCompromised { is: true }),
                    },
                ],
            },
            Condition::Any {
                conditions: vec![
                    Condition::Tier {
                        any_of: [Tier::Vip].into(),
                    },
                    Condition::Loss {
                        basis: LossBasis::Verified,
                        min: Some(cny(401)),
                        max: None,
                    },
                ],
            },
            Condition::Not {
                condition: Box::new(Condition::All {
                    conditions: vec![
                        Condition::DataExposed {
                            any_of: [DataCategory::Credentials].into(),
                        },
                        Condition::Jurisdiction {
                            any_of: [Jurisdiction::new("US").unwrap()].into(),
                        },
                        Condition::Tier {
                            any_of: [Tier::Standard, Tier::Premium].into(),
                        },
                    ],
                }),
            },
            Condition::Any { conditions: vec![] },
            Condition::All { conditions: vec![] },
        ];
        for condition in &conditions {
            let compiled = compile_condition(condition);
            for evidence in EVIDENCE {
                for tier in TIERS {
                    for compromised in [false, true] {
                        let c = claim(evidence, tier, compromised);
                        let mut facts = Facts {
                            claim: &c,
                            signature: signature(&c),
                            data: None,
                        };
                        assert_eq!(
                            compiled.holds(&mut facts),
                            condition.holds(&c),
                            "{condition} for {evidence:?} {tier:?} {compromised}"
                        );
                    }
                }
            }
        }
        assert_eq!(
            compile_condition(conditions.get(3).unwrap()),
            Cond::Table(0)
        );
    }

    #[test]
    fn many_rules_are_evaluated_in_order() {
        let mut builder = Policy::builder(
            PolicyId::new("many").unwrap(),
            1,
            Currency::CNY,
            Matching::FirstMatch,
            cny(10_000),
        );
        for n in 0..70 {
            builder = builder.rule(Rule::new(
                RuleId::new(format!("r{n}")).unwrap(),
                Condition::Loss {
                    basis: LossBasis::Reported,
                    min: Some(cny(1_000 - n)),
                    max: None,
                },
                vec![Remedy::Goodwill { amount: cny(n + 1) }],
            ));
        }
        let policy = builder.build().unwrap();
        let compiled = policy.compile();
        assert_eq!(compiled.select, Select::InOrder);
        for reported in [0, 940, 950, 1_000] {
            let c = Claim::builder(
                CustomerRef::new("c").unwrap(),
                Tier::Standard,
                cny(reported),
                EvidenceStrength::None,
            )
            .build()
            .unwrap();
            assert_eq!(compiled.assess(&c).unwrap(), policy.assess(&c).unwrap());
        }
    }
}
