//! Fitting a programme's cash to its budget, fairly: after the claim deadline, on every
//! claim received, whatever order they arrived in.
//!
//! The streaming [`ProRata`](super::ProRata) scales every claim's cash by one factor in
//! feed order, so a verified loss and a goodwill credit shrink alike and equal claims can
//! differ by a cent depending on where they fall. [`allocate`] is the batch rule a claims
//! desk runs once the window has closed (an incident records it with
//! [`Command::AllocateBudget`](crate::Command::AllocateBudget), as a
//! [`BudgetAllocation`](super::BudgetAllocation)):
//!
//! 1. **Verified losses first.** Each claim's cash is split into its reimbursement of a
//!    verified loss (*protected*) and the rest (*discretionary*: goodwill, fixed amounts).
//!    Discretionary cash is reduced before any protected cash is; protected cash is scaled
//!    only when it alone exceeds the budget, and then all discretionary cash is withheld.
//! 2. **Largest remainders, whole groups.** Within the pool being scaled, each claim gets
//!    the floor of its exact share; the units left over go one each to the claims with the
//!    largest remainders. Claims with the same amount form a group that gets an extra unit
//!    only if every member can, so equal claims always get equal amounts; what cannot be
//!    split equally stays unallocated and is reported (it is less than the largest group).
//! 3. **Order does not matter.** Every figure is a function of the multiset of claims; the
//!    shares come back in the input order.
//!
//! All arithmetic is in integer minor units (128-bit intermediates); nothing is rounded up,
//! so the shares never add up to more than the budget.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Currency, Money};

/// Why a budget could not be allocated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AllocationError {
    /// An amount in another currency than the budget.
    #[error("claim {index} is in {found}, the budget in {expected}: convert it (at the programme's recorded rate) before allocating")]
    CurrencyMismatch {
        /// The claim's position in the input (`None`: the budget itself).
        index: usize,
        /// The budget's currency.
        expected: Currency,
        /// The claim's.
        found: Currency,
    },
    /// A negative amount or budget.
    #[error("{what} is negative ({amount}): an allocation shares out cash owed, never a debt")]
    Negative {
        /// What was negative: "the budget" or "claim N".
        what: String,
        /// The amount.
        amount: Money,
    },
    /// A share does not fit in `i64` minor units.
    #[error("an allocated amount in {currency} does not fit in i64 minor units: check the inputs for a major/minor unit mix-up")]
    Overflow {
        /// The currency.
        currency: Currency,
    },
}

/// One claim's cash, split the way [`allocate`] treats it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Share {
    /// Reimbursement of a verified loss: reduced last.
    pub protected: Money,
    /// Everything else (goodwill, fixed credits): reduced first.
    pub discretionary: Money,
}

impl Share {
    /// A share.
    pub fn new(protected: Money, discretionary: Money) -> Self {
        Self {
            protected,
            discretionary,
        }
    }
}

/// How much of each pool a budget covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// Everything is paid in full.
    Full,
    /// Verified losses in full; discretionary cash scaled to what is left.
    DiscretionaryScaled,
    /// Verified losses scaled to the budget; no discretionary cash.
    ProtectedScaled,
}

/// The result of [`allocate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    /// What each claim is paid, in the input order.
    pub paid: Vec<Money>,
    /// Which pool was scaled.
    pub coverage: Coverage,
    /// The budget left unallocated: the units that could not be split equally within a
    /// group of equal claims (zero when everything is paid in full, or it is the budget
    /// minus the claims' total).
    pub unallocated: Money,
}

/// Allocates `budget` over `claims` (see the module documentation for the rule).
///
/// # Errors
/// [`AllocationError`]: a claim in another currency, a negative amount, an overflow.
///
/// # Examples
/// A ¥1,000.00 budget over a verified loss of ¥1,000.00 and two goodwill credits of
/// ¥300.00: the loss is paid in full, the goodwill is withheld; without the loss, the two
/// equal credits get equal halves.
/// ```
/// use incident::compensation::{allocate, Coverage, Share};
/// use incident::{Currency, Money};
/// let cny = |yuan: i64| Money::from_minor(yuan * 100, Currency::CNY);
/// let loss = Share::new(cny(1_000), cny(0));
/// let goodwill = Share::new(cny(0), cny(300));
/// let a = allocate(cny(1_000), &[goodwill, loss, goodwill])?;
/// assert_eq!(a.paid, [cny(0), cny(1_000), cny(0)]);
/// assert_eq!(a.coverage, Coverage::DiscretionaryScaled);
/// let b = allocate(cny(500), &[goodwill, goodwill])?;
/// assert_eq!(b.paid, [cny(250), cny(250)]);
/// # Ok::<(), incident::compensation::AllocationError>(())
/// ```
pub fn allocate(budget: Money, claims: &[Share]) -> Result<Allocation, AllocationError> {
    let currency = budget.currency();
    let units = |m: Money, index: Option<usize>| -> Result<i128, AllocationError> {
        let what = || index.map_or_else(|| "the budget".to_owned(), |i| format!("claim {i}"));
        if m.currency() != currency {
            return Err(AllocationError::CurrencyMismatch {
                index: index.unwrap_or_default(),
                expected: currency,
                found: m.currency(),
            });
        }
        if m.is_negative() {
            return Err(AllocationError::Negative {
                what: what(),
                amount: m,
            });
        }
        Ok(i128::from(m.amount_minor()))
    };
    let pool = units(budget, None)?;
    let protected: Vec<i128> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| units(c.protected, Some(i)))
        .collect::<Result<_, _>>()?;
    let discretionary: Vec<i128> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| units(c.discretionary, Some(i)))
        .collect::<Result<_, _>>()?;
    let total_protected: i128 = protected.iter().sum();
    let total_discretionary: i128 = discretionary.iter().sum();
    let (paid, coverage): (Vec<i128>, Coverage) = if total_protected + total_discretionary <= pool {
        let paid = protected.iter().zip(&discretionary).map(|(p, d)| p + d);
        (paid.collect(), Coverage::Full)
    } else if total_protected <= pool {
        let scaled = scale(&discretionary, pool - total_protected);
        let paid = protected.iter().zip(scaled).map(|(p, d)| p + d);
        (paid.collect(), Coverage::DiscretionaryScaled)
    } else {
        (scale(&protected, pool), Coverage::ProtectedScaled)
    };
    let allotted: i128 = paid.iter().sum();
    let money = |n: i128| -> Result<Money, AllocationError> {
        i64::try_from(n)
            .map(|n| Money::from_minor(n, currency))
            .map_err(|_| AllocationError::Overflow { currency })
    };
    Ok(Allocation {
        paid: paid.into_iter().map(money).collect::<Result<_, _>>()?,
        coverage,
        unallocated: money(pool - allotted.min(pool))?,
    })
}

/// Scales `amounts` (non-negative, total above `pool`) to at most `pool`: floors, then one
/// unit to each member of the groups of equal amounts with the largest remainders, a whole
/// group at a time, while units last.
fn scale(amounts: &[i128], pool: i128) -> Vec<i128> {
    let total: i128 = amounts.iter().sum();
    if total <= 0 {
        return vec![0; amounts.len()];
    }
    let mut out: Vec<i128> = amounts.iter().map(|a| a * pool / total).collect();
    let mut left = pool - out.iter().sum::<i128>();
    // Equal amounts have equal remainders: group them, largest remainder first (then the
    // larger amount, so the order is total).
    let mut groups: BTreeMap<(i128, i128), Vec<usize>> = BTreeMap::new();
    for (i, a) in amounts.iter().enumerate() {
        let remainder = a * pool % total;
        if remainder > 0 {
            groups.entry((-remainder, -a)).or_default().push(i);
        }
    }
    for members in groups.values() {
        let size = i128::try_from(members.len()).unwrap_or(i128::MAX);
        if size <= left {
            for i in members {
                if let Some(share) = out.get_mut(*i) {
                    *share += 1;
                }
            }
            left -= size;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cny(minor: i64) -> Money {
        Money::from_minor(minor, Currency::CNY)
    }

    #[test]
    fn verified_losses_are_reduced_last() {
        // The issue's case: a ¥1,000 verified loss is no longer cut to ¥434.79 alongside
        // goodwill; the goodwill gives way first.
        let loss = Share::new(cny(100_000), cny(0));
        let goodwill = Share::new(cny(0), cny(65_000));
        let a = allocate(cny(130_000), &[loss, goodwill, goodwill]).unwrap();
        assert_eq!(a.paid, [cny(100_000), cny(15_000), cny(15_000)]);
        assert_eq!(a.unallocated, cny(0));
        // Not even the losses fit: they share the budget, goodwill gets nothing.
        let a = allocate(cny(50_000), &[loss, goodwill, loss]).unwrap();
        assert_eq!(a.paid, [cny(25_000), cny(0), cny(25_000)]);
        assert_eq!(a.coverage, Coverage::ProtectedScaled);
    }

    #[test]
    fn equal_claims_get_equal_cents_and_the_odd_cent_stays_unallocated() {
        // ¥1.00 over three equal claims: 33 fen each, 1 fen unallocated (the streaming
        // ProRata gives 33, 34, 33).
        let c = Share::new(cny(0), cny(100));
        let a = allocate(cny(100), &[c, c, c]).unwrap();
        assert_eq!(a.paid, [cny(33), cny(33), cny(33)]);
        assert_eq!(a.unallocated, cny(1));
        // A lone claim with the largest remainder takes the spare unit.
        let small = Share::new(cny(0), cny(50));
        let a = allocate(cny(100), &[c, c, small]).unwrap();
        // Exact shares 40, 40, 20: no remainder.
        assert_eq!(a.paid, [cny(40), cny(40), cny(20)]);
        let odd = Share::new(cny(0), cny(51));
        let a = allocate(cny(100), &[c, c, odd]).unwrap();
        // Exact 39.84, 39.84, 20.31: floors 39, 39, 20 (98); the pair (remainder .84)
        // takes both spare units.
        assert_eq!(a.paid, [cny(40), cny(40), cny(20)]);
        assert_eq!(a.unallocated, cny(0));
    }

    #[test]
    fn wrong_currencies_and_negative_amounts_are_refused() {
        let hkd = Share::new(Money::from_minor(1, Currency::HKD), cny(0));
        assert!(matches!(
            allocate(cny(100), &[hkd]),
            Err(AllocationError::CurrencyMismatch { index: 0, .. })
        ));
        let negative = Share::new(cny(-1), cny(0));
        assert!(matches!(
            allocate(cny(100), &[negative]),
            Err(AllocationError::Negative { .. })
        ));
        assert!(allocate(cny(100), &[]).unwrap().paid.is_empty());
    }

    fn shares() -> impl Strategy<Value = Vec<Share>> {
        // Few distinct amounts, so that equal claims are common.
        let amount = prop_oneof![Just(0i64), Just(100), Just(333), 0i64..1_000_000];
        prop::collection::vec(
            (amount.clone(), amount).prop_map(|(p, d)| Share::new(cny(p), cny(d))),
            0..40,
        )
    }

    proptest! {
        #[test]
        fn never_above_budget_or_claim_and_no_wider_gap_than_a_group(
            claims in shares(),
            budget in 0i64..5_000_000,
        ) {
            let a = allocate(cny(budget), &claims).unwrap();
            let paid: i64 = a.paid.iter().map(|m| m.amount_minor()).sum();
            prop_assert!(paid <= budget);
            prop_assert_eq!(paid + a.unallocated.amount_minor(), budget.max(paid));
            for (share, got) in claims.iter().zip(&a.paid) {
                let owed = share.protected.amount_minor() + share.discretionary.amount_minor();
                prop_assert!(0 <= got.amount_minor() && got.amount_minor() <= owed);
            }
            let owed: i64 = claims.iter().map(|c| c.protected.amount_minor() + c.discretionary.amount_minor()).sum();
            if a.coverage != Coverage::Full {
                // What is left unallocated is less than the number of claims.
                prop_assert!(a.unallocated.amount_minor() < claims.len() as i64, "{:?}", a);
            } else {
                prop_assert_eq!(paid, owed);
            }
        }

        #[test]
        fn order_does_not_matter_and_equal_claims_are_paid_equally(
            claims in shares(),
            budget in 0i64..5_000_000,
            seed in any::<u64>(),
        ) {
            let a = allocate(cny(budget), &claims).unwrap();
            // A deterministic shuffle.
            let mut order: Vec<usize> = (0..claims.len()).collect();
            let mut s = seed;
            for i in (1..order.len()).rev() {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                order.swap(i, (s >> 33) as usize % (i + 1));
            }
            let shuffled: Vec<Share> = order.iter().map(|i| claims[*i]).collect();
            let b = allocate(cny(budget), &shuffled).unwrap();
            for (k, i) in order.iter().enumerate() {
                prop_assert_eq!(b.paid[k], a.paid[*i]);
            }
            for (i, x) in claims.iter().enumerate() {
                for (j, y) in claims.iter().enumerate() {
                    if x == y {
                        prop_assert_eq!(a.paid[i], a.paid[j]);
                    }
                }
            }
        }
    }
}
