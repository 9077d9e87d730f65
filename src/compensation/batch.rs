//! Batch assessment that does not abort: every claim it can assess is summed, every claim
//! it cannot is skipped and reported, a customer who appears twice is assessed once, and
//! a payout account named by several customers' claims is listed.
//!
//! [`Program::assess`] stops at the first bad claim, which suits a batch already checked;
//! a desk loading 50,000 claims from a partner's file needs the other 49,999 assessed and
//! a list of what to fix.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::claim::Claim;
use super::compiled::CompiledPolicy;
use super::decision::{CompensationError, Outcome, RemedyTotals};
use super::policy::Policy;
use super::program::{OutcomeCounts, Program, ProgramSummary};
use crate::id::{CustomerRef, PayoutRef};
use crate::{Currency, Money};

/// Why a claim was left out of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum SkipReason {
    /// The claim is in another currency than the policy.
    CurrencyMismatch {
        /// The claim's currency.
        claim: Currency,
        /// The policy's currency.
        expected: Currency,
    },
    /// An amount overflowed: the claim's own figures, or the batch total with it.
    Overflow {},
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::CurrencyMismatch { claim, expected } => write!(
                f,
                "the claim is in {claim}, the policy in {expected}: convert the claim's losses to {expected} and assess it again"
            ),
            Self::Overflow {} => f.write_str(
                "an amount overflowed: check the claim's figures, or assess it in a batch of its own",
            ),
        }
    }
}

/// A claim the batch could not assess.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkippedClaim {
    /// Its position in the stream, from 0.
    pub index: u64,
    /// The customer.
    pub customer: CustomerRef,
    /// Why.
    pub reason: SkipReason,
}

/// A later claim of a customer already in the batch: left out of the totals, so nobody
/// is counted (or paid) twice before a person merges the claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DuplicateClaim {
    /// Its position in the stream, from 0.
    pub index: u64,
    /// The customer.
    pub customer: CustomerRef,
    /// The position of the customer's claim that was assessed.
    pub first_index: u64,
}

/// A payout account that claims of two or more customers in a batch name: the claims are
/// assessed and summed like the rest, and listed so that a person checks who holds the
/// account (a mule account, a fraud ring, a family sharing one) before any offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SharedPayout {
    /// The account, as the host's opaque reference.
    pub payout: PayoutRef,
    /// The assessed claims naming it, in stream order.
    pub claims: Vec<PayoutClaim>,
}

/// One claim of a [`SharedPayout`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PayoutClaim {
    /// Its position in the stream, from 0.
    pub index: u64,
    /// The customer.
    pub customer: CustomerRef,
}

/// The result of [`Program::assess_batch`]: the summary of the claims assessed, and the
/// claims left out with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchReport {
    /// Claims read from the stream: assessed, skipped and duplicates together.
    pub received: u64,
    /// The claims assessed (`summary.claims` of them).
    pub summary: ProgramSummary,
    /// Claims that could not be assessed, in stream order.
    pub skipped: Vec<SkippedClaim>,
    /// Later claims of a customer already assessed, in stream order.
    pub duplicates: Vec<DuplicateClaim>,
    /// Payout accounts named by the assessed claims of more than one customer, in the
    /// stream order of their first claim. Left out of the JSON when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_payouts: Vec<SharedPayout>,
}

impl BatchReport {
    /// Whether every claim received was assessed. Shared payout accounts do not count:
    /// their claims are assessed, and held for a review before an offer.
    pub fn is_complete(&self) -> bool {
        self.skipped.is_empty() && self.duplicates.is_empty()
    }
}

/// The assessed claims of each payout account, in stream order; kept only for claims that
/// name one.
#[derive(Default)]
struct Payouts(HashMap<PayoutRef, Vec<PayoutClaim>>);

impl Payouts {
    fn add(&mut self, claim: &Claim, index: u64) {
        if let Some(payout) = claim.payout() {
            self.0.entry(payout.clone()).or_default().push(PayoutClaim {
                index,
                customer: claim.customer().clone(),
            });
        }
    }

    /// The accounts named by more than one claim (so more than one customer: a customer's
    /// later claims are duplicates, never assessed), by their first claim's position.
    fn shared(self) -> Vec<SharedPayout> {
        let mut shared: Vec<SharedPayout> = self
            .0
            .into_iter()
            .filter(|(_, claims)| claims.len() > 1)
            .map(|(payout, claims)| SharedPayout { payout, claims })
            .collect();
        shared.sort_by_key(|s| s.claims.first().map(|c| c.index));
        shared
    }
}

/// The running totals of a batch, in minor units.
struct Totals {
    hits: Vec<u64>,
    count: u64,
    cash: i64,
    reimbursed: i64,
    variable: super::compiled::VariableCash,
    customer_cap_bound: u64,
    needs_manual_review: u64,
    outcomes: [u64; 3],
}

impl Program {
    /// Assesses every claim it can and reports the rest: unlike [`Program::assess`], a claim
    /// in the wrong currency or with figures that overflow is skipped and listed (stream
    /// index, customer, reason), and a customer's second and later claims are listed as
    /// duplicates and left out of the totals. The policy is compiled once.
    ///
    /// Memory grows with the number of distinct customers (to find duplicates) and of
    /// claims left out; nothing is kept per assessed claim.
    ///
    /// # Errors
    /// [`CompensationError::PolicyMismatch`] when `policy` is not the pinned version;
    /// [`CompensationError::Money`] if a per-kind remedy total overflows.
    ///
    /// # Examples
    /// ```
    /// use incident::compensation::{reference_securities_policy, Claim, EvidenceStrength, Program, SkipReason, Tier};
    /// use incident::id::{CustomerRef, ProgramId};
    /// use incident::{Currency, Money};
    /// let policy = reference_securities_policy();
    /// let program = Program::new(ProgramId::new("P-1")?, &policy, Money::from_minor(10_000_000, Currency::CNY))?;
    /// let claim = |who: &str, currency| -> Result<Claim, Box<dyn std::error::Error>> {
    ///     Ok(Claim::builder(CustomerRef::new(who)?, Tier::Standard,
    ///         Money::from_minor(0, currency), EvidenceStrength::None).build()?)
    /// };
    /// let claims = [claim("C-1", Currency::CNY)?, claim("C-2", Currency::HKD)?, claim("C-1", Currency::CNY)?];
    /// let report = program.assess_batch(&policy, &claims)?;
    /// assert_eq!((report.received, report.summary.claims), (3, 1));
    /// assert_eq!(report.skipped[0].index, 1);
    /// assert!(matches!(report.skipped[0].reason, SkipReason::CurrencyMismatch { .. }));
    /// assert_eq!((report.duplicates[0].index, report.duplicates[0].first_index), (2, 0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess_batch<I>(
        &self,
        policy: &Policy,
        claims: I,
    ) -> Result<BatchReport, CompensationError>
    where
        I: IntoIterator,
        I::Item: Borrow<Claim>,
    {
        self.assess_batch_compiled(&policy.compile(), claims)
    }

    /// As [`Program::assess_batch`], with a policy compiled beforehand.
    ///
    /// # Errors
    /// As [`Program::assess_batch`].
    pub fn assess_batch_compiled<I>(
        &self,
        policy: &CompiledPolicy,
        claims: I,
    ) -> Result<BatchReport, CompensationError>
    where
        I: IntoIterator,
        I::Item: Borrow<Claim>,
    {
        self.check_policy(policy.reference())?;
        let currency = policy.currency();
        let mut totals = Totals {
            hits: vec![0u64; policy.rule_count()],
            count: 0,
            cash: 0,
            reimbursed: 0,
            variable: super::compiled::VariableCash::default(),
            customer_cap_bound: 0,
            needs_manual_review: 0,
            outcomes: [0; 3],
        };
        let claims = claims.into_iter();
        let mut seen: HashMap<CustomerRef, u64> = HashMap::with_capacity(claims.size_hint().0);
        let mut skipped = Vec::new();
        let mut duplicates = Vec::new();
        let mut payouts = Payouts::default();
        let mut matched: Vec<usize> = Vec::new();
        let mut received = 0u64;
        for claim in claims {
            let claim = claim.borrow();
            let index = received;
            received += 1;
            if let Some(&first_index) = seen.get(claim.customer()) {
                duplicates.push(DuplicateClaim {
                    index,
                    customer: claim.customer().clone(),
                    first_index,
                });
                continue;
            }
            matched.clear();
            // The variable cash of this claim alone, added with the rest or not at all.
            let mut variable = super::compiled::VariableCash::default();
            let added = policy
                .quick(
                    claim,
                    |n| {
                        matched.push(n);
                        Some(())
                    },
                    &mut variable,
                )
                .map_err(|e| skip_reason(&e))
                .and_then(|figures| add(&mut totals, (&figures, variable), &matched));
            match added {
                Ok(()) => {
                    seen.insert(claim.customer().clone(), index);
                    payouts.add(claim, index);
                }
                Err(reason) => skipped.push(SkippedClaim {
                    index,
                    customer: claim.customer().clone(),
                    reason,
                }),
            }
        }
        let [cash, services_only, no_remedy] = totals.outcomes;
        let mut remedies = RemedyTotals::zero(currency);
        policy.add_tallies(&totals.hits, &mut remedies)?;
        remedies.reimbursed = remedies
            .reimbursed
            .checked_add(Money::from_minor(totals.reimbursed, currency))?;
        totals.variable.add_to(&mut remedies, currency)?;
        Ok(BatchReport {
            received,
            summary: ProgramSummary {
                program: self.id.clone(),
                policy: self.policy.clone(),
                budget: self.budget,
                claims: totals.count,
                cash_total: Money::from_minor(totals.cash, currency),
                customer_cap_bound: totals.customer_cap_bound,
                needs_manual_review: totals.needs_manual_review,
                outcomes: OutcomeCounts {
                    cash,
                    services_only,
                    no_remedy,
                },
                remedies,
            },
            skipped,
            duplicates,
            shared_payouts: payouts.shared(),
        })
    }
}

fn skip_reason(error: &CompensationError) -> SkipReason {
    match error {
        CompensationError::CurrencyMismatch {
            claim, expected, ..
        } => SkipReason::CurrencyMismatch {
            claim: *claim,
            expected: *expected,
        },
        _ => SkipReason::Overflow {},
    }
}

/// Adds one claim's figures to the totals, all or nothing.
fn add(
    totals: &mut Totals,
    (figures, more): (&super::compiled::Quick, super::compiled::VariableCash),
    matched: &[usize],
) -> Result<(), SkipReason> {
    let cash = totals
        .cash
        .checked_add(figures.cash)
        .ok_or(SkipReason::Overflow {})?;
    let reimbursed = totals
        .reimbursed
        .checked_add(figures.reimbursed)
        .ok_or(SkipReason::Overflow {})?;
    let variable = totals
        .variable
        .checked_add(more)
        .ok_or(SkipReason::Overflow {})?;
    totals.cash = cash;
    totals.reimbursed = reimbursed;
    totals.variable = variable;
    totals.count += 1;
    totals.customer_cap_bound += u64::from(figures.before_cap > figures.cash);
    totals.needs_manual_review += u64::from(figures.needs_manual_review);
    let slot = match figures.outcome {
        Outcome::Cash => 0,
        Outcome::ServicesOnly => 1,
        Outcome::NoRemedy => 2,
    };
    if let Some(n) = totals.outcomes.get_mut(slot) {
        *n += 1;
    }
    for &n in matched {
        if let Some(h) = totals.hits.get_mut(n) {
            *h += 1;
        }
    }
    Ok(())
}
