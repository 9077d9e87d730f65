//! After payment: a paid amount reversed (returned by the bank, paid in error) and money a
//! customer never collects, held for them as unclaimed until they claim it.
//!
//! ```text
//! paid ─▶ paid, reversal pending ─▶ settled (reversal confirmed by a second person)
//!              └──────────────────▶ paid    (reversal withdrawn)
//! settled ─▶ unclaimed (after the policy's period, held where the declaration says)
//! unclaimed ─▶ paid (the customer claims it)
//! ```
//!
//! A reversal is requested by one person and confirmed by another, because it moves money
//! back; until either confirmation or withdrawal is recorded the incident cannot close. A
//! confirmed reversal takes the payment out of the paid total and leaves the settlement
//! owed, so the claim is paid again or declared unclaimed. Unclaimed money stays reserved
//! against the budget: it is still the customer's.

use std::fmt;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::negotiation::Payment;
use crate::{ActorId, Money};

/// Why a paid amount is reversed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ReversalReason {
    /// The receiving bank returned the funds after crediting them (account closed, name
    /// mismatch found late, a recall the customer agreed to).
    ReturnedByBank,
    /// The payment should not have gone where it went (a wrong account, a duplicate run);
    /// the customer is still owed the settlement.
    PaidInError,
    /// Anything else, said in the note.
    Other,
}

impl fmt::Display for ReversalReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::ReturnedByBank => "returned by the bank",
            Self::PaidInError => "paid in error",
            Self::Other => "other",
        })
    }
}

/// How a requested reversal ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
pub enum ReversalOutcome {
    /// A second person confirmed that the money came back.
    Confirmed {
        /// Who confirmed (not the requester).
        by: ActorId,
        /// When.
        at: DateTime<Utc>,
    },
    /// The reversal did not happen (the bank's return was cancelled, the error was not one).
    Withdrawn {
        /// Who withdrew it.
        by: ActorId,
        /// When.
        at: DateTime<Utc>,
        /// Why.
        reason: String,
    },
}

/// A reversal of a claim's payment: requested, then confirmed or withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Reversal {
    /// The payment reversed.
    pub payment: Payment,
    /// Why.
    pub reason: ReversalReason,
    /// What happened, in the desk's words (no account numbers).
    pub note: String,
    /// Who requested it.
    pub requested_by: ActorId,
    /// When.
    pub requested_at: DateTime<Utc>,
    /// How it ended; `None` while it is pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ReversalOutcome>,
}

impl Reversal {
    /// Whether neither confirmation nor withdrawal is recorded yet.
    pub fn is_pending(&self) -> bool {
        self.outcome.is_none()
    }

    /// When the money came back, if the reversal was confirmed.
    pub fn confirmed_at(&self) -> Option<DateTime<Utc>> {
        match &self.outcome {
            Some(ReversalOutcome::Confirmed { at, .. }) => Some(*at),
            _ => None,
        }
    }
}

/// Settled money the customer has not collected, declared unclaimed after the policy's
/// period and held for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Unclaimed {
    /// The amount held (the settlement).
    pub amount: Money,
    /// Where the money is held (a client-money or escrow ledger, named without account
    /// numbers).
    pub held_at: String,
    /// Since when the customer could have collected it.
    pub payable_since: DateTime<Utc>,
    /// Who declared it (not the person who settled the claim).
    pub declared_by: ActorId,
    /// When.
    pub declared_at: DateTime<Utc>,
}
