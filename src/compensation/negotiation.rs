//! Claim negotiation: each claim's small lifecycle, recorded as events in the incident's log
//! so that replay reproduces every offer, response, settlement and payment.
//!
//! ```text
//! assessed ─▶ offered ─▶ accepted ─▶ settled ─▶ paid
//!              │  ▲          │
//!              ▼  │ re-offer │
//!            countered       │
//! assessed, offered, countered ──▶ rejected (with a reason)
//! assessed, offered, countered, accepted ──▶ escalated (to legal)
//! ```
//!
//! Offers and settlements are held to the program's budget, amounts to its currency, and a
//! payment to the settled amount.
//!
//! Claims carry only the opaque [`CustomerRef`]; no personal data enters the log.

use std::fmt;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::decision::Decision;
use super::policy::{Policy, PolicyRef, Remedy};
use crate::chain::{canonical, CanonicalError, Digest};
use crate::{id::CustomerRef, id::ProgramId, money::MoneyError, ActorId, Currency, Money};

/// The policy a compensation program applies, pinned: id and version, the SHA-256 of its
/// canonical JSON (so the log proves which text was applied), and its currency (that of
/// every amount in the program).
///
/// # Examples
/// ```
/// let policy = incident::compensation::reference_securities_policy();
/// let pin = policy.pin()?;
/// assert_eq!(pin.policy.to_string(), "securities-firm@v1");
/// assert_eq!(pin.digest, policy.digest()?);
/// # Ok::<(), incident::chain::CanonicalError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyPin {
    /// The policy id and version.
    pub policy: PolicyRef,
    /// SHA-256 of the policy's canonical JSON ([`Policy::digest`]).
    pub digest: Digest,
    /// The policy currency.
    pub currency: Currency,
}

impl Policy {
    /// SHA-256 of the policy's canonical JSON (the RFC 8785 form the event chain uses), so a
    /// program can pin the exact text it applies.
    ///
    /// # Errors
    /// [`CanonicalError`] only if the policy cannot be encoded, which a valid policy always
    /// can.
    pub fn digest(&self) -> Result<Digest, CanonicalError> {
        let value = serde_json::to_value(self).map_err(|e| CanonicalError::unencodable(&e))?;
        let mut bytes = Vec::with_capacity(2_048);
        canonical::write(&value, &mut bytes)?;
        Ok(Digest::of(&bytes))
    }

    /// The pin a program opened under this policy records: reference, digest, currency.
    ///
    /// # Errors
    /// As [`Policy::digest`].
    pub fn pin(&self) -> Result<PolicyPin, CanonicalError> {
        Ok(PolicyPin {
            policy: self.reference(),
            digest: self.digest()?,
            currency: self.currency(),
        })
    }
}

/// What the pinned policy decided for a claim, as recorded in the log: the figures of a
/// [`Decision`] without its explanations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimAssessment {
    /// The policy that decided (must be the program's pinned policy).
    pub policy: PolicyRef,
    /// Cash owed under the policy, after every cap.
    pub cash: Money,
    /// Every remedy granted, in rule order.
    pub remedies: Vec<Remedy>,
    /// Whether a person must review before anything is paid.
    pub needs_manual_review: bool,
}

impl From<&Decision> for ClaimAssessment {
    fn from(decision: &Decision) -> Self {
        Self {
            policy: decision.policy.clone(),
            cash: decision.cash(),
            remedies: decision.granted.iter().map(|g| g.remedy.clone()).collect(),
            needs_manual_review: decision.needs_manual_review(),
        }
    }
}

/// Where a claim stands in its negotiation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// The policy's assessment is recorded; nothing offered yet.
    Assessed,
    /// A settlement is offered; the customer's response is awaited.
    Offered,
    /// The customer countered the latest offer; a new offer is due.
    Countered,
    /// The customer accepted the latest offer; it can be settled.
    Accepted,
    /// Settled for the accepted amount; payment is due.
    Settled,
    /// Paid. Final.
    Paid,
    /// Handed to legal (before settlement). Final for the incident desk.
    Escalated,
    /// Rejected with a reason. Final.
    Rejected,
}

impl ClaimStatus {
    /// Whether nothing more can happen to the claim.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Paid | Self::Escalated | Self::Rejected)
    }
}

impl fmt::Display for ClaimStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Assessed => "assessed",
            Self::Offered => "offered",
            Self::Countered => "countered",
            Self::Accepted => "accepted",
            Self::Settled => "settled",
            Self::Paid => "paid",
            Self::Escalated => "escalated",
            Self::Rejected => "rejected",
        })
    }
}

/// The customer's answer to the latest offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClaimResponse {
    /// The offer is accepted as made.
    Accepted {},
    /// The customer asks for another amount.
    Countered {
        /// The cash the customer asks for.
        amount: Money,
        /// What the customer said, in the desk's words (no personal data).
        #[serde(default)]
        note: Option<String>,
    },
}

/// One settlement offer and the customer's response to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Offer {
    /// Cash offered.
    pub amount: Money,
    /// Services offered alongside the cash.
    pub remedies: Vec<Remedy>,
    /// When it was offered.
    pub offered_at: DateTime<Utc>,
    /// Who offered it.
    pub offered_by: ActorId,
    /// The response, once recorded.
    pub response: Option<ClaimResponse>,
    /// When the response was recorded.
    pub responded_at: Option<DateTime<Utc>>,
}

/// A payment the host made for a settled claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Payment {
    /// When it was paid.
    pub paid_at: DateTime<Utc>,
    /// The amount paid (the settled amount).
    pub amount: Money,
    /// The host's payment reference (a transfer id, not an account number).
    pub reference: String,
    /// Who recorded it.
    pub recorded_by: ActorId,
}

/// One claim's negotiation, rebuilt from its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ClaimCase {
    /// The program it belongs to.
    pub program_id: ProgramId,
    /// The customer (an opaque reference).
    pub customer: CustomerRef,
    /// Where it stands.
    pub status: ClaimStatus,
    /// What the pinned policy decided.
    pub assessment: ClaimAssessment,
    /// When the assessment was recorded.
    pub assessed_at: DateTime<Utc>,
    /// Every offer, oldest first, each with its response.
    pub offers: Vec<Offer>,
    /// The amount settled, once settled.
    pub settled: Option<Money>,
    /// When it was settled.
    pub settled_at: Option<DateTime<Utc>>,
    /// The payment, once paid.
    pub payment: Option<Payment>,
    /// Why it was escalated or rejected.
    pub reason: Option<String>,
}

impl ClaimCase {
    /// A newly assessed claim.
    pub(crate) fn assessed(
        program_id: ProgramId,
        customer: CustomerRef,
        assessment: ClaimAssessment,
        at: DateTime<Utc>,
    ) -> Self {
        Self {
            program_id,
            customer,
            status: ClaimStatus::Assessed,
            assessment,
            assessed_at: at,
            offers: Vec::new(),
            settled: None,
            settled_at: None,
            payment: None,
            reason: None,
        }
    }

    /// The latest offer.
    pub fn latest_offer(&self) -> Option<&Offer> {
        self.offers.last()
    }
}

/// Claims counted by [`ClaimStatus`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimCounts {
    /// Assessed, nothing offered yet.
    pub assessed: u64,
    /// Awaiting the customer's response.
    pub offered: u64,
    /// Countered, awaiting a new offer.
    pub countered: u64,
    /// Accepted, awaiting settlement.
    pub accepted: u64,
    /// Settled, awaiting payment.
    pub settled: u64,
    /// Paid.
    pub paid: u64,
    /// Escalated to legal.
    pub escalated: u64,
    /// Rejected.
    pub rejected: u64,
}

impl ClaimCounts {
    fn slot(&mut self, status: ClaimStatus) -> &mut u64 {
        match status {
            ClaimStatus::Assessed => &mut self.assessed,
            ClaimStatus::Offered => &mut self.offered,
            ClaimStatus::Countered => &mut self.countered,
            ClaimStatus::Accepted => &mut self.accepted,
            ClaimStatus::Settled => &mut self.settled,
            ClaimStatus::Paid => &mut self.paid,
            ClaimStatus::Escalated => &mut self.escalated,
            ClaimStatus::Rejected => &mut self.rejected,
        }
    }
}

/// A compensation program's negotiation totals, kept up to date as claim events apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimTotals {
    /// Claims recorded.
    pub claims: u64,
    /// Claims by current status.
    pub by_status: ClaimCounts,
    /// Cash the pinned policy assessed, over every claim.
    pub assessed: Money,
    /// Cash agreed in settlements (settled and paid claims): what the budget is held to.
    pub settled: Money,
    /// Cash paid.
    pub paid: Money,
}

impl ClaimTotals {
    /// No claims, in `currency`.
    pub const fn zero(currency: Currency) -> Self {
        Self {
            claims: 0,
            by_status: ClaimCounts {
                assessed: 0,
                offered: 0,
                countered: 0,
                accepted: 0,
                settled: 0,
                paid: 0,
                escalated: 0,
                rejected: 0,
            },
            assessed: Money::zero(currency),
            settled: Money::zero(currency),
            paid: Money::zero(currency),
        }
    }

    /// Settled but not yet paid.
    ///
    /// # Errors
    /// [`MoneyError`] on overflow (not for totals built from this crate's events).
    pub fn outstanding(&self) -> Result<Money, MoneyError> {
        self.settled.checked_sub(self.paid)
    }

    /// Counts a new claim with the policy's cash.
    pub(crate) fn add_claim(&mut self, cash: Money) -> Result<(), MoneyError> {
        self.assessed = self.assessed.checked_add(cash)?;
        self.claims = self.claims.saturating_add(1);
        let assessed = self.by_status.slot(ClaimStatus::Assessed);
        *assessed = assessed.saturating_add(1);
        Ok(())
    }

    /// Moves one claim between statuses, adding `settled` or `paid` cash on the way.
    pub(crate) fn shift(
        &mut self,
        from: ClaimStatus,
        to: ClaimStatus,
        amount: Option<Money>,
    ) -> Result<(), MoneyError> {
        match (to, amount) {
            (ClaimStatus::Settled, Some(amount)) => {
                self.settled = self.settled.checked_add(amount)?;
            }
            (ClaimStatus::Paid, Some(amount)) => self.paid = self.paid.checked_add(amount)?,
            _ => {}
        }
        let old = self.by_status.slot(from);
        *old = old.saturating_sub(1);
        let new = self.by_status.slot(to);
        *new = new.saturating_add(1);
        Ok(())
    }
}
