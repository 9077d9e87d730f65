//! A customer's compensation claim: the facts a policy decides on, with no personal data.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::claimant::Claimant;
use crate::id::{CustomerRef, PayoutRef};
use crate::{classify::DataCategory, classify::Jurisdiction, Money};

/// The customer's service tier; policies may treat tiers differently.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Tier {
    /// The default tier.
    Standard,
    /// A paying or high-balance tier.
    Premium,
    /// Private-banking or VIP clients.
    Vip,
}

/// How well the claimed loss is supported, strongest first. The securities-firm seed
/// distinguishes losses proven to be caused by the incident from claims without evidence.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
pub enum EvidenceStrength {
    /// The loss is verified and attributed to the incident.
    Verified,
    /// Some of the loss is supported; the rest needs negotiation.
    Partial,
    /// A loss is claimed but nothing supports it yet.
    Unverified,
    /// No loss is claimed or evidenced; the customer was merely affected.
    None,
}

impl EvidenceStrength {
    /// The snake_case name used in JSON and in explanations.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::Partial => "partial",
            Self::Unverified => "unverified",
            Self::None => "none",
        }
    }
}

/// A set of [`EvidenceStrength`]s, stored as a bit mask so that policy conditions test
/// membership in one instruction on the batch hot path. Serialized as a JSON array of
/// strengths, like a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(
    from = "std::collections::BTreeSet<EvidenceStrength>",
    into = "std::collections::BTreeSet<EvidenceStrength>"
)]
pub struct EvidenceSet(u8);

impl EvidenceSet {
    const ALL: [EvidenceStrength; 4] = [
        EvidenceStrength::Verified,
        EvidenceStrength::Partial,
        EvidenceStrength::Unverified,
        EvidenceStrength::None,
    ];

    const fn bit(strength: EvidenceStrength) -> u8 {
        1 << (strength as u8)
    }

    /// Whether `strength` is in the set.
    pub const fn contains(self, strength: EvidenceStrength) -> bool {
        self.0 & Self::bit(strength) != 0
    }

    /// Adds a strength.
    pub fn insert(&mut self, strength: EvidenceStrength) {
        self.0 |= Self::bit(strength);
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The members, strongest first.
    pub fn iter(self) -> impl Iterator<Item = EvidenceStrength> {
        Self::ALL.into_iter().filter(move |s| self.contains(*s))
    }
}

impl FromIterator<EvidenceStrength> for EvidenceSet {
    fn from_iter<I: IntoIterator<Item = EvidenceStrength>>(iter: I) -> Self {
        let mut set = Self::default();
        for s in iter {
            set.insert(s);
        }
        set
    }
}

impl<const N: usize> From<[EvidenceStrength; N]> for EvidenceSet {
    fn from(value: [EvidenceStrength; N]) -> Self {
        value.into_iter().collect()
    }
}

impl From<std::collections::BTreeSet<EvidenceStrength>> for EvidenceSet {
    fn from(value: std::collections::BTreeSet<EvidenceStrength>) -> Self {
        value.into_iter().collect()
    }
}

impl From<EvidenceSet> for std::collections::BTreeSet<EvidenceStrength> {
    fn from(value: EvidenceSet) -> Self {
        value.iter().collect()
    }
}

impl JsonSchema for EvidenceSet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EvidenceSet".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeSet<EvidenceStrength>>::json_schema(generator)
    }
}

/// A claim that failed validation.
///
/// # Handling
/// Input error (HTTP 422): fix the claim; retrying will not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ClaimError {
    /// A loss amount was negative.
    #[error("claim {customer}: {field} is {amount}, which is negative: record losses as amounts of zero or more")]
    NegativeLoss {
        /// The customer.
        customer: CustomerRef,
        /// `reported_loss` or `verified_loss`.
        field: &'static str,
        /// The amount.
        amount: Money,
    },
    /// The verified loss is in another currency than the reported loss.
    #[error("claim {customer}: verified loss {verified} is not in the reported loss's currency ({reported}): convert it first, a claim has one currency")]
    CurrencyMismatch {
        /// The customer.
        customer: CustomerRef,
        /// The reported loss.
        reported: Money,
        /// The verified loss.
        verified: Money,
    },
    /// The document costs are in another currency than the reported loss.
    #[error("claim {customer}: document costs {costs} are not in the reported loss's currency ({reported}): convert them first, a claim has one currency")]
    CostsCurrency {
        /// The customer.
        customer: CustomerRef,
        /// The reported loss.
        reported: Money,
        /// The document costs.
        costs: Money,
    },
    /// The evidence is "verified" but no verified amount is given: a claim the policy would
    /// pay nothing for, less than an unevidenced claim gets.
    #[error("claim {customer}: the evidence is verified but no verified loss is given: record the verified amount (zero if none was lost), or lower the evidence strength")]
    VerifiedWithoutAmount {
        /// The customer.
        customer: CustomerRef,
    },
}

/// An unvalidated claim: the builder and the raw form deserialization goes through.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimBuilder {
    customer: CustomerRef,
    tier: Tier,
    reported_loss: Money,
    #[serde(default)]
    verified_loss: Option<Money>,
    evidence: EvidenceStrength,
    #[serde(default)]
    data_exposed: BTreeSet<DataCategory>,
    #[serde(default)]
    account_compromised: bool,
    #[serde(default)]
    jurisdiction: Option<Jurisdiction>,
    #[serde(default)]
    days_without_funds: Option<u32>,
    #[serde(default)]
    hours_spent: Option<u16>,
    #[serde(default)]
    document_costs: Option<Money>,
    /// Who claims when it is not the customer (an heir, a guardian, an authorised agent),
    /// with the documents of their capacity; absent for the customer's own claim.
    #[serde(default)]
    claimant: Option<Box<Claimant>>,
    /// The account the cash would be paid into, as an opaque reference; absent when the
    /// host does not know it yet.
    #[serde(default)]
    payout: Option<Box<PayoutRef>>,
}

impl ClaimBuilder {
    /// Records that someone other than the customer makes the claim (an heir, a guardian,
    /// an authorised agent), with the documents of their capacity.
    #[must_use]
    pub fn claimant(mut self, claimant: Claimant) -> Self {
        self.claimant = Some(Box::new(claimant));
        self
    }

    /// Names the account the cash would be paid into, as an opaque reference (never the
    /// account number): claims of different customers that name one account are held for
    /// a review before an offer.
    #[must_use]
    pub fn payout(mut self, payout: PayoutRef) -> Self {
        self.payout = Some(Box::new(payout));
        self
    }

    /// Sets how many days the customer was without the funds taken (for interest).
    #[must_use]
    pub fn days_without_funds(mut self, days: u32) -> Self {
        self.days_without_funds = Some(days);
        self
    }

    /// Sets the documented hours the customer spent dealing with the incident.
    #[must_use]
    pub fn hours_spent(mut self, hours: u16) -> Self {
        self.hours_spent = Some(hours);
        self
    }

    /// Sets the documented costs of replacing identity documents and cards.
    #[must_use]
    pub fn document_costs(mut self, costs: Money) -> Self {
        self.document_costs = Some(costs);
        self
    }

    /// Sets the verified loss (defaults to none established).
    #[must_use]
    pub fn verified_loss(mut self, loss: Money) -> Self {
        self.verified_loss = Some(loss);
        self
    }

    /// Adds an exposed data category.
    #[must_use]
    pub fn data(mut self, category: DataCategory) -> Self {
        self.data_exposed.insert(category);
        self
    }

    /// Records whether the customer's account was taken over.
    #[must_use]
    pub fn account_compromised(mut self, compromised: bool) -> Self {
        self.account_compromised = compromised;
        self
    }

    /// Sets where the customer is.
    #[must_use]
    pub fn jurisdiction(mut self, jurisdiction: Jurisdiction) -> Self {
        self.jurisdiction = Some(jurisdiction);
        self
    }

    /// Validates the claim.
    ///
    /// # Errors
    /// [`ClaimError`] when a loss is negative or the two losses differ in currency.
    pub fn build(self) -> Result<Claim, ClaimError> {
        if self.reported_loss.is_negative() {
            return Err(ClaimError::NegativeLoss {
                customer: self.customer,
                field: "reported_loss",
                amount: self.reported_loss,
            });
        }
        if self.evidence == EvidenceStrength::Verified && self.verified_loss.is_none() {
            return Err(ClaimError::VerifiedWithoutAmount {
                customer: self.customer,
            });
        }
        if let Some(verified) = self.verified_loss {
            if verified.is_negative() {
                return Err(ClaimError::NegativeLoss {
                    customer: self.customer,
                    field: "verified_loss",
                    amount: verified,
                });
            }
            if verified.currency() != self.reported_loss.currency() {
                return Err(ClaimError::CurrencyMismatch {
                    customer: self.customer,
                    reported: self.reported_loss,
                    verified,
                });
            }
        }
        if let Some(costs) = self.document_costs {
            if costs.is_negative() {
                return Err(ClaimError::NegativeLoss {
                    customer: self.customer,
                    field: "document_costs",
                    amount: costs,
                });
            }
            if costs.currency() != self.reported_loss.currency() {
                return Err(ClaimError::CostsCurrency {
                    customer: self.customer,
                    reported: self.reported_loss,
                    costs,
                });
            }
        }
        Ok(Claim {
            customer: self.customer,
            tier: self.tier,
            reported_loss: self.reported_loss,
            verified_loss: self.verified_loss,
            evidence: self.evidence,
            data_exposed: self.data_exposed,
            account_compromised: self.account_compromised,
            jurisdiction: self.jurisdiction,
            days_without_funds: self.days_without_funds,
            hours_spent: self.hours_spent,
            document_costs: self.document_costs,
            by_claimant: self.claimant.is_some(),
            claimant: self.claimant,
            payout: self.payout,
            verified_minor: self.verified_loss.map_or(0, |m| m.amount_minor()),
        })
    }
}

impl TryFrom<ClaimBuilder> for Claim {
    type Error = ClaimError;

    fn try_from(raw: ClaimBuilder) -> Result<Self, Self::Error> {
        raw.build()
    }
}

/// A validated claim: losses are non-negative and in one currency.
///
/// # Examples
/// ```
/// use incident::classify::DataCategory;
/// use incident::compensation::{Claim, EvidenceStrength, Tier};
/// use incident::id::CustomerRef;
/// use incident::{Currency, Money};
/// let claim = Claim::builder(
///     CustomerRef::new("C-0001")?,
///     Tier::Standard,
///     Money::from_minor(50_000, Currency::CNY),
///     EvidenceStrength::Verified,
/// )
/// .verified_loss(Money::from_minor(42_000, Currency::CNY))
/// .data(DataCategory::IdentityDocument)
/// .build()?;
/// assert_eq!(claim.currency(), Currency::CNY);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, try_from = "ClaimBuilder")]
pub struct Claim {
    customer: CustomerRef,
    tier: Tier,
    reported_loss: Money,
    verified_loss: Option<Money>,
    evidence: EvidenceStrength,
    data_exposed: BTreeSet<DataCategory>,
    account_compromised: bool,
    jurisdiction: Option<Jurisdiction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    days_without_funds: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hours_spent: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    document_costs: Option<Money>,
    /// Who claims when it is not the customer; left out for the customer's own claim, so
    /// claims recorded before claimants existed keep their JSON and digests. Boxed: most
    /// claims have none, and a batch streams millions of claims through the cache.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    claimant: Option<Box<Claimant>>,
    /// The account the cash would be paid into (an opaque reference); left out when not
    /// known, so claims recorded before it existed keep their JSON and digests. Boxed, as
    /// `claimant` is: most batch claims have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    payout: Option<Box<PayoutRef>>,
    /// `verified_loss` in minor units, zero when there is none: read without a branch by
    /// the batch path, where whether a claim has a verified loss is as good as random.
    #[serde(skip)]
    #[schemars(skip)]
    verified_minor: i64,
    /// Whether `claimant` is set, kept beside the other one-byte facts the batch path reads
    /// (evidence, tier): most claims have no claimant, and reading this instead of the
    /// pointer keeps them from touching another cache line.
    #[serde(skip)]
    #[schemars(skip)]
    by_claimant: bool,
}

impl Claim {
    /// Starts a claim with the facts every claim has.
    pub fn builder(
        customer: CustomerRef,
        tier: Tier,
        reported_loss: Money,
        evidence: EvidenceStrength,
    ) -> ClaimBuilder {
        ClaimBuilder {
            customer,
            tier,
            reported_loss,
            verified_loss: None,
            evidence,
            data_exposed: BTreeSet::new(),
            account_compromised: false,
            jurisdiction: None,
            days_without_funds: None,
            hours_spent: None,
            document_costs: None,
            claimant: None,
            payout: None,
        }
    }

    /// The customer.
    pub fn customer(&self) -> &CustomerRef {
        &self.customer
    }

    /// The customer's tier.
    pub fn tier(&self) -> Tier {
        self.tier
    }

    /// The loss the customer reported.
    pub fn reported_loss(&self) -> Money {
        self.reported_loss
    }

    /// The loss the firm verified, if established.
    pub fn verified_loss(&self) -> Option<Money> {
        self.verified_loss
    }

    /// How well the loss is supported.
    pub fn evidence(&self) -> EvidenceStrength {
        self.evidence
    }

    /// The data categories exposed for this customer.
    pub fn data_exposed(&self) -> &BTreeSet<DataCategory> {
        &self.data_exposed
    }

    /// Whether the customer's account was taken over.
    pub fn account_compromised(&self) -> bool {
        self.account_compromised
    }

    /// Where the customer is, if known.
    pub fn jurisdiction(&self) -> Option<&Jurisdiction> {
        self.jurisdiction.as_ref()
    }

    /// The claim's currency (that of its losses).
    pub fn currency(&self) -> crate::Currency {
        self.reported_loss.currency()
    }

    /// The verified loss in minor units, zero when none is established.
    /// Days the customer was without the funds taken, if known.
    pub fn days_without_funds(&self) -> Option<u32> {
        self.days_without_funds
    }

    /// Documented hours spent dealing with the incident, if any.
    pub fn hours_spent(&self) -> Option<u16> {
        self.hours_spent
    }

    /// Documented costs of replacing identity documents and cards, if any.
    pub fn document_costs(&self) -> Option<Money> {
        self.document_costs
    }

    /// Who claims, when it is not the customer.
    pub fn claimant(&self) -> Option<&Claimant> {
        self.claimant.as_deref()
    }

    /// The account the cash would be paid into, if the host named it.
    pub fn payout(&self) -> Option<&PayoutRef> {
        self.payout.as_deref()
    }

    /// Whether someone other than the customer makes the claim, without reading the
    /// claimant (see `by_claimant`).
    #[inline]
    pub(crate) fn by_claimant(&self) -> bool {
        self.by_claimant
    }

    pub(crate) fn verified_minor(&self) -> i64 {
        self.verified_minor
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;

    fn base() -> ClaimBuilder {
        Claim::builder(
            CustomerRef::new("C-1").unwrap(),
            Tier::Premium,
            Money::from_minor(100, Currency::CNY),
            EvidenceStrength::Partial,
        )
    }

    #[test]
    fn verified_evidence_needs_a_verified_amount_when_built_and_when_read() {
        let verified = |b: ClaimBuilder| ClaimBuilder {
            evidence: EvidenceStrength::Verified,
            ..b
        };
        let err = verified(base()).build().unwrap_err();
        assert_eq!(
            err,
            ClaimError::VerifiedWithoutAmount {
                customer: CustomerRef::new("C-1").unwrap()
            }
        );
        assert!(
            err.to_string().contains("record the verified amount"),
            "{err}"
        );
        let zero = verified(base()).verified_loss(Money::from_minor(0, Currency::CNY));
        let claim = zero.build().unwrap();
        let mut json = serde_json::to_value(&claim).unwrap();
        assert_eq!(
            serde_json::from_value::<Claim>(json.clone()).unwrap(),
            claim
        );
        json.as_object_mut().unwrap().remove("verified_loss");
        let read = serde_json::from_value::<Claim>(json);
        assert!(
            read.as_ref()
                .is_err_and(|e| e.to_string().contains("no verified loss")),
            "{read:?}"
        );
    }

    #[test]
    fn rejects_negative_and_mixed_currency_losses() {
        assert!(matches!(
            base()
                .verified_loss(Money::from_minor(-1, Currency::CNY))
                .build(),
            Err(ClaimError::NegativeLoss {
                field: "verified_loss",
                ..
            })
        ));
        assert!(matches!(
            base()
                .verified_loss(Money::from_minor(1, Currency::USD))
                .build(),
            Err(ClaimError::CurrencyMismatch { .. })
        ));
        let json = r#"{"customer":"C-1","tier":"standard","reported_loss":{"amount_minor":-5,"currency":"CNY"},"evidence":"none"}"#;
        let err = serde_json::from_str::<Claim>(json).unwrap_err();
        assert!(err.to_string().contains("negative"), "{err}");
    }

    #[test]
    fn round_trips() {
        let claim = base()
            .data(DataCategory::Credentials)
            .account_compromised(true)
            .build()
            .unwrap();
        let json = serde_json::to_string(&claim).unwrap();
        assert_eq!(serde_json::from_str::<Claim>(&json).unwrap(), claim);
    }
}
