//! A programme's budget shared out after its claim window closed, as the log records it.
//!
//! [`allocate`](super::allocate) is the arithmetic; a [`BudgetAllocation`] is its result
//! for the claims of one programme still open to an offer, pinned in the log by
//! `budget_allocated`. From then on each of those claims is offered exactly its share, so
//! equal claims get equal cash whatever order the desk offers them in, and the verified
//! losses are reduced last (see the arithmetic's documentation).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{allocate, AllocationError, Coverage, Share};
use crate::id::ClaimId;
use crate::Money;

/// One claim's part of a [`BudgetAllocation`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AllocatedShare {
    /// The claim.
    pub claim_id: ClaimId,
    /// What the claim is owed in full (its entitlement, less what was settled before a
    /// reopening), split as the arithmetic treats it.
    pub owed: Share,
    /// The cash it is allotted: what it is offered.
    pub share: Money,
}

/// The budget left after the commitments already made, shared out over the claims still
/// open to an offer. Built by [`BudgetAllocation::compute`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetAllocation {
    /// The budget less the cash already offered (and not lapsed), accepted, settled or paid.
    pub pool: Money,
    /// Which pool was scaled.
    pub coverage: Coverage,
    /// What could not be split equally among equal claims, or what is left over when every
    /// claim is paid in full.
    pub unallocated: Money,
    /// Every claim shared among, in claim id order.
    pub shares: Vec<AllocatedShare>,
}

impl BudgetAllocation {
    /// Shares `pool` over `claims` (in any order; the result is in claim id order and does
    /// not depend on the input's).
    ///
    /// # Errors
    /// [`AllocationError`]: an amount in another currency than the pool, a negative amount,
    /// an overflow.
    ///
    /// # Examples
    /// Two equal goodwill claims and a verified loss over ¥1,200.00: the loss first, the
    /// goodwill halves what is left.
    /// ```
    /// use incident::compensation::{BudgetAllocation, Coverage, Share};
    /// use incident::id::ClaimId;
    /// use incident::{Currency, Money};
    /// let cny = |yuan: i64| Money::from_minor(yuan * 100, Currency::CNY);
    /// let id = |s: &str| ClaimId::new(s);
    /// let a = BudgetAllocation::compute(cny(1_200), &[
    ///     (id("CL-2")?, Share::new(cny(0), cny(300))),
    ///     (id("CL-1")?, Share::new(cny(1_000), cny(0))),
    ///     (id("CL-3")?, Share::new(cny(0), cny(300))),
    /// ])?;
    /// assert_eq!(a.coverage, Coverage::DiscretionaryScaled);
    /// assert_eq!(a.share_of(&id("CL-1")?), Some(cny(1_000)));
    /// assert_eq!(a.share_of(&id("CL-2")?), Some(cny(100)));
    /// assert_eq!(a.share_of(&id("CL-3")?), Some(cny(100)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compute(pool: Money, claims: &[(ClaimId, Share)]) -> Result<Self, AllocationError> {
        let mut sorted: Vec<&(ClaimId, Share)> = claims.iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let owed: Vec<Share> = sorted.iter().map(|(_, s)| *s).collect();
        let result = allocate(pool, &owed)?;
        let shares = sorted
            .into_iter()
            .zip(result.paid)
            .map(|((claim_id, owed), share)| AllocatedShare {
                claim_id: claim_id.clone(),
                owed: *owed,
                share,
            })
            .collect();
        Ok(Self {
            pool,
            coverage: result.coverage,
            unallocated: result.unallocated,
            shares,
        })
    }

    /// The cash allotted to `claim`, if it was shared among.
    pub fn share_of(&self, claim: &ClaimId) -> Option<Money> {
        self.shares
            .iter()
            .find(|s| &s.claim_id == claim)
            .map(|s| s.share)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;

    fn cny(minor: i64) -> Money {
        Money::from_minor(minor, Currency::CNY)
    }

    fn id(s: &str) -> ClaimId {
        ClaimId::new(s).unwrap()
    }

    #[test]
    fn the_result_does_not_depend_on_the_order_claims_are_given_in() {
        let goodwill = Share::new(cny(0), cny(100));
        let a = BudgetAllocation::compute(
            cny(100),
            &[
                (id("B"), goodwill),
                (id("A"), goodwill),
                (id("C"), goodwill),
            ],
        )
        .unwrap();
        let b = BudgetAllocation::compute(
            cny(100),
            &[
                (id("C"), goodwill),
                (id("B"), goodwill),
                (id("A"), goodwill),
            ],
        )
        .unwrap();
        assert_eq!(a, b);
        let ids: Vec<&str> = a.shares.iter().map(|s| s.claim_id.as_str()).collect();
        assert_eq!(ids, ["A", "B", "C"]);
        assert_eq!(a.share_of(&id("B")), Some(cny(33)));
        assert_eq!(a.unallocated, cny(1));
        assert_eq!(a.share_of(&id("D")), None);
    }

    #[test]
    fn a_pool_that_covers_every_claim_pays_each_in_full() {
        let a = BudgetAllocation::compute(cny(1_000), &[(id("A"), Share::new(cny(200), cny(100)))])
            .unwrap();
        assert_eq!(a.coverage, Coverage::Full);
        assert_eq!(a.share_of(&id("A")), Some(cny(300)));
        assert_eq!(a.unallocated, cny(700));
    }
}
