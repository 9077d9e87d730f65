//! Claim negotiation: each claim's small lifecycle, recorded as events in the incident's log
//! so that replay reproduces every offer, response, settlement and payment.
//!
//! ```text
//! assessed ─▶ offered ─▶ accepted ─▶ settled ─▶ paid
//!              │  ▲          │           ▲         │
//!              ▼  │ re-offer │           └─────────┘ payment failed (reissue)
//!            countered       │
//! assessed, offered, countered ──▶ rejected (with a reason)
//! assessed, offered, countered, accepted, settled, paid ──▶ escalated (to legal: a dispute)
//! paid ─▶ settled (a reversal, confirmed by a second person); settled ─▶ unclaimed ─▶ paid
//! rejected, paid ─▶ assessed (reopened on new evidence; the earlier decision is kept)
//! ```
//!
//! The assessment is the pinned policy's own: the event carries the claim's facts and
//! replay re-runs the policy, so a figure the policy does not give cannot enter the log.
//! A different figure is an [`AssessmentOverride`], with its reason, that a second person
//! approves. A claim the policy flags for manual review is reviewed before it is offered.
//! Offers are at least the entitlement and at most the per-customer cap, may carry a
//! validity period, and reserve budget: the budget counts open and accepted offers as well
//! as settlements, because an accepted offer is a contract. The person who settles is not
//! the one who offered, and the one who records payment is not the one who settled.
//!
//! Claims carry only the opaque [`CustomerRef`]; no personal data enters the log.

use std::fmt;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::aftercare::{Reversal, Unclaimed};
use super::appeal::{Appeal, EarlierDecision};
use super::claim::Claim;
use super::decision::Decision;
use super::policy::{Policy, PolicyRef, Remedy};
use crate::chain::{canonical_ser, CanonicalError, Digest};
use crate::{id::CustomerRef, id::ProgramId, money::MoneyError, ActorId, Currency, Money};

/// The policy a compensation program applies, pinned: id and version, the SHA-256 of its
/// canonical JSON (so the log proves which text was applied), and its currency (that of
/// every amount in the program).
///
/// # Examples
/// ```
/// let policy = incident::compensation::reference_securities_policy();
/// let pin = policy.pin()?;
/// assert_eq!(pin.policy.to_string(), "securities-firm@v2");
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
        let mut bytes = Vec::with_capacity(2_048);
        canonical_ser::encode(self, &mut bytes)?;
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
    /// Paid. Final, unless the payment fails (back to settled) or the customer disputes it
    /// (escalated).
    Paid,
    /// Handed to legal (before settlement). Final for the incident desk.
    Escalated,
    /// Rejected with a reason. Final.
    Rejected,
    /// Settled, not collected by the customer within the policy's period, and held for
    /// them where the declaration says; paid when they claim it.
    Unclaimed,
}

impl ClaimStatus {
    /// Whether nothing more can happen to the claim.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Paid | Self::Escalated | Self::Rejected)
    }

    /// The statuses a claim can move to `self` from, by any command: what replay holds every
    /// claim event to, so a log edited to pay a claim nobody settled does not load.
    ///
    /// # Examples
    /// ```
    /// use incident::compensation::ClaimStatus;
    /// assert!(ClaimStatus::Paid.follows(ClaimStatus::Settled));
    /// assert!(!ClaimStatus::Paid.follows(ClaimStatus::Assessed));
    /// ```
    pub fn sources(self) -> &'static [ClaimStatus] {
        use ClaimStatus as S;
        match self {
            // Reopened on new evidence.
            S::Assessed => &[S::Rejected, S::Paid],
            // A first offer, a replacement for a lapsed one, or one after a counter.
            S::Offered => &[S::Assessed, S::Offered, S::Countered],
            S::Countered | S::Accepted => &[S::Offered],
            // Settled on acceptance, or again after a payment failed or was reversed.
            S::Settled => &[S::Accepted, S::Paid],
            S::Paid => &[S::Settled, S::Unclaimed],
            S::Escalated => &[
                S::Assessed,
                S::Offered,
                S::Countered,
                S::Accepted,
                S::Settled,
                S::Paid,
            ],
            S::Rejected => &[S::Assessed, S::Offered, S::Countered],
            S::Unclaimed => &[S::Settled],
        }
    }

    /// Whether a claim in status `from` can move to `self` ([`ClaimStatus::sources`]).
    pub fn follows(self, from: ClaimStatus) -> bool {
        self.sources().contains(&from)
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
            Self::Unclaimed => "unclaimed",
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
    /// The last moment the offer can be accepted; none when it does not lapse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<DateTime<Utc>>,
}

impl Offer {
    /// Whether the offer has lapsed at `at` (it can be accepted up to and including
    /// `valid_until`).
    pub fn expired_at(&self, at: DateTime<Utc>) -> bool {
        self.valid_until.is_some_and(|until| at > until)
    }
}

/// A figure other than the policy's for one claim (a goodwill top-up, a pro-rata share,
/// a correction), with its reason. It takes effect only once a second person approves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AssessmentOverride {
    /// The cash the claim is entitled to instead of the policy's.
    pub cash: Money,
    /// The services granted instead of the policy's.
    pub remedies: Vec<Remedy>,
    /// Why the policy's figure does not stand.
    pub reason: String,
    /// Who proposed it.
    pub proposed_by: ActorId,
    /// When.
    pub proposed_at: DateTime<Utc>,
    /// Who approved it (another person), once approved.
    pub approved_by: Option<ActorId>,
    /// When it was approved.
    pub approved_at: Option<DateTime<Utc>>,
}

/// Where recovered funds came from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RecoverySource {
    /// Returned by the police or a court (frozen or seized proceeds).
    Police,
    /// Recalled or returned by a bank or payment institution.
    Bank,
    /// Paid back by the person who took the funds.
    Perpetrator,
    /// Paid by the firm's insurer.
    Insurer,
    /// Anything else, named in the reference.
    Other,
}

impl fmt::Display for RecoverySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Police => "police",
            Self::Bank => "bank",
            Self::Perpetrator => "perpetrator",
            Self::Insurer => "insurer",
            Self::Other => "other",
        })
    }
}

/// Funds the firm recovered after paying a claim, under the rights the customer assigned
/// (代位追偿). The firm keeps at most what it paid; anything beyond belongs to the
/// customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Recovery {
    /// Where it came from.
    pub source: RecoverySource,
    /// How much.
    pub amount: Money,
    /// The host's reference (a case or transfer number, not an account number).
    pub reference: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
    /// Who recorded it.
    pub recorded_by: ActorId,
}

/// A person's review of a claim the policy flagged for manual review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ClaimReview {
    /// What the reviewer checked and concluded.
    pub note: String,
    /// The reviewer (not the person who recorded the assessment).
    pub reviewed_by: ActorId,
    /// When.
    pub reviewed_at: DateTime<Utc>,
}

/// A payment that did not reach the customer (returned, rejected by the bank); the claim is
/// settled again and payment can be reissued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PaymentFailure {
    /// The payment that failed.
    pub payment: Payment,
    /// Why it failed, in the host's words.
    pub reason: String,
    /// When the failure was recorded.
    pub recorded_at: DateTime<Utc>,
    /// Who recorded it.
    pub recorded_by: ActorId,
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
    /// The part of the assessment's cash that reimburses a verified loss, which a budget
    /// allocation reduces last ([`Share`](super::Share)); kept from the policy run that
    /// checked the assessment, since a later policy version may not give the same split.
    /// Absent for claims assessed without a recorded policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protected: Option<Money>,
    /// The claim's facts the policy decided on; absent only for claims recorded before
    /// assessments carried them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<Claim>,
    /// When the assessment was recorded.
    pub assessed_at: DateTime<Utc>,
    /// Who recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed_by: Option<ActorId>,
    /// The manual review, when the policy asked for one and it is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<ClaimReview>,
    /// A figure other than the policy's, proposed or approved.
    #[serde(default, rename = "override", skip_serializing_if = "Option::is_none")]
    pub assessment_override: Option<AssessmentOverride>,
    /// Every offer, oldest first, each with its response.
    pub offers: Vec<Offer>,
    /// The amount settled, once settled.
    pub settled: Option<Money>,
    /// When it was settled.
    pub settled_at: Option<DateTime<Utc>>,
    /// Who settled it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled_by: Option<ActorId>,
    /// The payment, once paid.
    pub payment: Option<Payment>,
    /// Payments that failed, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub failed_payments: Vec<PaymentFailure>,
    /// Funds recovered after payment, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recoveries: Vec<Recovery>,
    /// Reversals of the claim's payments, oldest first; the last may be pending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reversals: Vec<Reversal>,
    /// The latest declaration that the settlement went unclaimed (kept after it is paid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unclaimed: Option<Unclaimed>,
    /// The decisions before each reopening on new evidence, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<EarlierDecision>,
    /// The customer's appeals and complaints, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appeals: Vec<Appeal>,
    /// Why it was escalated or rejected.
    pub reason: Option<String>,
}

impl ClaimCase {
    /// A newly assessed claim.
    pub(crate) fn assessed(
        program_id: ProgramId,
        customer: CustomerRef,
        claim: Option<Claim>,
        (assessment, protected): (ClaimAssessment, Option<Money>),
        (at, by): (DateTime<Utc>, ActorId),
    ) -> Self {
        Self {
            program_id,
            customer,
            status: ClaimStatus::Assessed,
            assessment,
            protected,
            claim,
            assessed_at: at,
            assessed_by: Some(by),
            review: None,
            assessment_override: None,
            offers: Vec::new(),
            settled: None,
            settled_at: None,
            settled_by: None,
            payment: None,
            failed_payments: Vec::new(),
            recoveries: Vec::new(),
            reversals: Vec::new(),
            unclaimed: None,
            earlier: Vec::new(),
            appeals: Vec::new(),
            reason: None,
        }
    }

    /// The latest offer.
    pub fn latest_offer(&self) -> Option<&Offer> {
        self.offers.last()
    }

    /// The latest offer while it awaits the customer's answer (the cash it reserves).
    pub fn open_offer(&self) -> Option<&Offer> {
        self.offers.last().filter(|o| o.response.is_none())
    }

    /// The cash the customer is entitled to: the approved override's, else the policy's.
    pub fn entitlement(&self) -> Money {
        match &self.assessment_override {
            Some(o) if o.approved_by.is_some() => o.cash,
            _ => self.assessment.cash,
        }
    }

    /// Whether the policy asked for a manual review that is not yet recorded.
    pub fn awaits_review(&self) -> bool {
        self.assessment.needs_manual_review && self.review.is_none()
    }

    /// The cash recovered for this claim so far.
    ///
    /// # Errors
    /// [`MoneyError`] on overflow (not for recoveries this crate's guards accepted).
    pub fn recovered(&self) -> Result<Money, MoneyError> {
        Money::sum(
            self.recoveries.iter().map(|r| r.amount),
            self.assessment.cash.currency(),
        )
    }

    /// What was settled before the claim was reopened (paid then, and still counted).
    ///
    /// # Errors
    /// [`MoneyError`] on overflow (not for claims this crate's guards accepted).
    pub fn settled_before(&self) -> Result<Money, MoneyError> {
        Money::sum(
            self.earlier.iter().filter_map(|e| e.settled),
            self.assessment.cash.currency(),
        )
    }

    /// What an offer must at least give: the entitlement less what was settled before the
    /// claim was reopened (a top-up), never below zero.
    pub fn due(&self) -> Money {
        let entitled = self.entitlement();
        match self.settled_before() {
            Ok(before) if before.amount_minor() >= entitled.amount_minor() => {
                Money::zero(entitled.currency())
            }
            Ok(before) => entitled.checked_sub(before).unwrap_or(entitled),
            Err(_) => entitled,
        }
    }

    /// The appeal through `channel` that has no outcome yet, if any.
    pub fn pending_appeal(&self, channel: super::AppealChannel) -> Option<&Appeal> {
        self.appeals
            .iter()
            .rev()
            .find(|a| a.channel == channel && a.outcome.is_none())
    }

    /// Reopens the claim, which stood at `previous`, on new evidence under `assessment` of
    /// `claim`: the earlier decision and what followed it move to [`ClaimCase::earlier`].
    /// The caller moves the status (and the totals) to assessed.
    pub(crate) fn reopen(
        &mut self,
        previous: ClaimStatus,
        (claim, assessment): (Claim, ClaimAssessment),
        new_evidence: String,
        (at, by): (DateTime<Utc>, ActorId),
    ) {
        self.earlier.push(EarlierDecision {
            status: previous,
            assessment: std::mem::replace(&mut self.assessment, assessment),
            claim: self.claim.replace(claim),
            assessment_override: self.assessment_override.take(),
            review: self.review.take(),
            offers: std::mem::take(&mut self.offers),
            settled: self.settled.take(),
            payment: self.payment.take(),
            reason: self.reason.take(),
            new_evidence,
            reopened_at: at,
            reopened_by: by.clone(),
        });
        self.settled_at = None;
        self.settled_by = None;
        self.assessed_at = at;
        self.assessed_by = Some(by);
    }

    /// The reversal requested and neither confirmed nor withdrawn, if any.
    pub fn pending_reversal(&self) -> Option<&Reversal> {
        self.reversals.last().filter(|r| r.is_pending())
    }

    /// Since when the settlement could have been collected: the settlement, or the latest
    /// failed or reversed payment after it. `None` before settlement.
    pub fn payable_since(&self) -> Option<DateTime<Utc>> {
        let failed = self.failed_payments.iter().map(|f| f.recorded_at);
        let reversed = self.reversals.iter().filter_map(Reversal::confirmed_at);
        self.settled_at
            .map(|settled| failed.chain(reversed).fold(settled, DateTime::max))
    }

    /// The override proposed and not yet approved, if any.
    pub fn pending_override(&self) -> Option<&AssessmentOverride> {
        self.assessment_override
            .as_ref()
            .filter(|o| o.approved_by.is_none())
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
    /// Settled and held for the customer as unclaimed (left out while zero).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub unclaimed: u64,
}

// serde's `skip_serializing_if` passes a reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &u64) -> bool {
    *n == 0
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
            ClaimStatus::Unclaimed => &mut self.unclaimed,
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
    /// Cash agreed in settlements (settled and paid claims).
    pub settled: Money,
    /// Cash the program is bound to or has offered: open offers, accepted offers, settled
    /// and paid claims. What the budget is held to, since an accepted offer is a contract
    /// and an open offer can become one without the desk's say.
    pub reserved: Money,
    /// Cash paid.
    pub paid: Money,
    /// Cash recovered after payment (police, bank, perpetrator, insurer).
    pub recovered: Money,
    /// Settled cash held for customers who did not collect it (unclaimed claims); absent
    /// while none is held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unclaimed: Option<Money>,
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
                unclaimed: 0,
            },
            assessed: Money::zero(currency),
            settled: Money::zero(currency),
            reserved: Money::zero(currency),
            paid: Money::zero(currency),
            recovered: Money::zero(currency),
            unclaimed: None,
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

    /// Reserves `add` and releases `release` of the budget.
    pub(crate) fn reserve(&mut self, add: Money, release: Money) -> Result<(), MoneyError> {
        self.reserved = self.reserved.checked_add(add)?.checked_sub(release)?;
        Ok(())
    }

    /// Replaces a reopened claim's assessed cash `old` with `new`.
    pub(crate) fn reassess(&mut self, old: Money, new: Money) -> Result<(), MoneyError> {
        self.assessed = self.assessed.checked_sub(old)?.checked_add(new)?;
        Ok(())
    }

    /// Adds recovered cash.
    pub(crate) fn recover(&mut self, amount: Money) -> Result<(), MoneyError> {
        self.recovered = self.recovered.checked_add(amount)?;
        Ok(())
    }

    /// Adds `amount` to the unclaimed cash held (or releases it); none held is `None`.
    fn hold_unclaimed(&mut self, amount: Money, hold: bool) -> Result<(), MoneyError> {
        let held = self.unclaimed.unwrap_or(Money::zero(amount.currency()));
        let held = if hold {
            held.checked_add(amount)?
        } else {
            held.checked_sub(amount)?
        };
        self.unclaimed = (!held.is_zero()).then_some(held);
        Ok(())
    }

    /// Takes a failed payment back out of the paid cash.
    pub(crate) fn unpay(&mut self, amount: Money) -> Result<(), MoneyError> {
        self.paid = self.paid.checked_sub(amount)?;
        Ok(())
    }

    /// Moves one claim between statuses, adding `settled` or `paid` cash on the way, and
    /// holding `amount` as unclaimed into [`ClaimStatus::Unclaimed`] (released out of it).
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
            (ClaimStatus::Unclaimed, Some(amount)) => self.hold_unclaimed(amount, true)?,
            _ => {}
        }
        if let (ClaimStatus::Unclaimed, Some(amount)) = (from, amount) {
            self.hold_unclaimed(amount, false)?;
        }
        let old = self.by_status.slot(from);
        *old = old.saturating_sub(1);
        let new = self.by_status.slot(to);
        *new = new.saturating_add(1);
        Ok(())
    }
}
