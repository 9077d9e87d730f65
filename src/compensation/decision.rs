//! Deciding a claim under a policy: the allocation-free [`Assessment`] for batches and the
//! explained [`Decision`] for people.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::claim::Claim;
use super::claimant::needs_capacity_review;
use super::explanation::rule_reason;
use super::negotiation::ClaimAssessment;
use super::policy::{Matching, Policy, PolicyRef, Remedy, Rule};
use crate::locale::Locale;
use crate::{
    id::CustomerRef, id::RuleId, money::MoneyError, money::MoneyOperation, Currency, Money,
};

/// Why a claim could not be decided.
///
/// # Handling
/// [`CompensationError::CurrencyMismatch`], [`CompensationError::PolicyMismatch`] and
/// [`CompensationError::PinMismatch`] are input errors (HTTP 422);
/// [`CompensationError::NoPinnedProgram`], [`CompensationError::NoBudget`] and
/// [`CompensationError::BudgetExhausted`] say the incident is not ready for (more) batch
/// assessment (HTTP 409); [`CompensationError::Money`] means an amount overflowed: check
/// the claim's figures; [`CompensationError::Canonical`] means a hand-made policy value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CompensationError {
    /// The claim's currency is not the policy's.
    #[error("claim {customer} is in {claim}, policy {policy} is in {expected}: convert the claim's losses to {expected} first")]
    CurrencyMismatch {
        /// The customer.
        customer: CustomerRef,
        /// The claim currency.
        claim: Currency,
        /// The policy.
        policy: PolicyRef,
        /// The policy currency.
        expected: Currency,
    },
    /// A program was assessed with another policy than the one it pins.
    #[error("program pins policy {pinned} but was given {given}: assess with the pinned version, or open a new program")]
    PolicyMismatch {
        /// The pinned policy.
        pinned: PolicyRef,
        /// The policy supplied.
        given: PolicyRef,
    },
    /// The program budget is not positive or not in the policy currency.
    #[error("program budget {budget} must be positive and in the policy currency {expected}")]
    InvalidBudget {
        /// The budget.
        budget: Money,
        /// The policy currency.
        expected: Currency,
    },
    /// Arithmetic overflowed.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// The incident has no compensation program pinned to a policy.
    #[error("the incident has no pinned compensation program: open one with Command::open_compensation_program before assessing claims against it")]
    NoPinnedProgram,
    /// The policy given is not, byte for byte, the one the incident's program pinned.
    #[error(
        "program {program} pinned {} with digest {}, but the policy given is {} with digest {}: assess with the pinned policy text",
        .pinned.policy, .pinned.digest, .given.policy, .given.digest
    )]
    PinMismatch {
        /// The program.
        program: crate::id::ProgramId,
        /// What the incident pinned.
        pinned: Box<crate::compensation::PolicyPin>,
        /// The pin of the policy given.
        given: Box<crate::compensation::PolicyPin>,
    },
    /// The incident's program has no budget, and batch assessment needs one.
    #[error("program {program} has no budget: batch assessment against the incident needs one; use Program::new with a planning budget instead")]
    NoBudget {
        /// The program.
        program: crate::id::ProgramId,
    },
    /// Settlements already use the whole budget.
    #[error("program {program} has settled {settled} of its {budget} budget: nothing is left to assess against; raise the budget by opening a new program")]
    BudgetExhausted {
        /// The program.
        program: crate::id::ProgramId,
        /// The budget.
        budget: Money,
        /// Cash already settled.
        settled: Money,
    },
    /// The policy could not be hashed to compare it with the pin.
    #[error(transparent)]
    Canonical(#[from] crate::chain::CanonicalError),
}

/// The kind of result a claim gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Some cash is paid (possibly with services).
    Cash,
    /// Remedies were granted but no cash.
    ServicesOnly,
    /// No rule granted anything.
    NoRemedy,
}

/// Per-remedy-kind totals, used for one claim's tally and for program summaries. Cash amounts
/// are before the per-customer cap (the cap's effect is reported separately).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RemedyTotals {
    /// Reimbursements granted.
    pub reimbursements: u64,
    /// Cash from reimbursements, after per-rule caps.
    pub reimbursed: Money,
    /// Goodwill credits granted.
    pub goodwill_credits: u64,
    /// Cash from goodwill credits.
    pub goodwill: Money,
    /// Credit-monitoring grants.
    pub credit_monitoring: u64,
    /// Total credit-monitoring months.
    pub credit_monitoring_months: u64,
    /// Identity-theft insurance grants.
    pub identity_theft_insurance: u64,
    /// Total insured coverage (not cash paid).
    pub insurance_coverage: Money,
    /// Fee-waiver grants.
    pub fee_waivers: u64,
    /// Total fee-waiver months.
    pub fee_waiver_months: u64,
    /// Assisted password resets.
    pub assisted_password_resets: u64,
    /// Assisted account freezes.
    pub account_freezes: u64,
    /// Negotiated-settlement offers.
    pub negotiated_settlements: u64,
    /// Advance payments granted (先行赔付).
    pub advance_payments: u64,
    /// Cash paid in advance.
    pub advance_paid: Money,
    /// Interest payments granted.
    pub interest_payments: u64,
    /// Cash paid as interest.
    pub interest: Money,
    /// Payments for time spent.
    pub time_payments: u64,
    /// Cash paid for time spent.
    pub time_paid: Money,
    /// Document-replacement reimbursements.
    pub document_reimbursements: u64,
    /// Cash paid for replaced documents.
    pub documents_paid: Money,
    /// Credit-report objections assisted.
    pub credit_report_objections: u64,
    /// Account security reviews.
    pub account_security_reviews: u64,
}

impl RemedyTotals {
    /// All zero, in `currency`.
    pub const fn zero(currency: Currency) -> Self {
        Self {
            reimbursements: 0,
            reimbursed: Money::zero(currency),
            goodwill_credits: 0,
            goodwill: Money::zero(currency),
            credit_monitoring: 0,
            credit_monitoring_months: 0,
            identity_theft_insurance: 0,
            insurance_coverage: Money::zero(currency),
            fee_waivers: 0,
            fee_waiver_months: 0,
            assisted_password_resets: 0,
            account_freezes: 0,
            negotiated_settlements: 0,
            advance_payments: 0,
            advance_paid: Money::zero(currency),
            interest_payments: 0,
            interest: Money::zero(currency),
            time_payments: 0,
            time_paid: Money::zero(currency),
            document_reimbursements: 0,
            documents_paid: Money::zero(currency),
            credit_report_objections: 0,
            account_security_reviews: 0,
        }
    }

    /// Adds another tally.
    ///
    /// # Errors
    /// [`MoneyError`] on overflow or mixed currencies.
    pub fn checked_add(&mut self, other: &Self) -> Result<(), MoneyError> {
        self.reimbursements = self.reimbursements.saturating_add(other.reimbursements);
        self.reimbursed = self.reimbursed.checked_add(other.reimbursed)?;
        self.goodwill_credits = self.goodwill_credits.saturating_add(other.goodwill_credits);
        self.goodwill = self.goodwill.checked_add(other.goodwill)?;
        self.credit_monitoring = self
            .credit_monitoring
            .saturating_add(other.credit_monitoring);
        self.credit_monitoring_months = self
            .credit_monitoring_months
            .saturating_add(other.credit_monitoring_months);
        self.identity_theft_insurance = self
            .identity_theft_insurance
            .saturating_add(other.identity_theft_insurance);
        self.insurance_coverage = self
            .insurance_coverage
            .checked_add(other.insurance_coverage)?;
        self.fee_waivers = self.fee_waivers.saturating_add(other.fee_waivers);
        self.fee_waiver_months = self
            .fee_waiver_months
            .saturating_add(other.fee_waiver_months);
        self.assisted_password_resets = self
            .assisted_password_resets
            .saturating_add(other.assisted_password_resets);
        self.account_freezes = self.account_freezes.saturating_add(other.account_freezes);
        self.negotiated_settlements = self
            .negotiated_settlements
            .saturating_add(other.negotiated_settlements);
        let count = |a: &mut u64, b: u64| *a = a.saturating_add(b);
        count(&mut self.advance_payments, other.advance_payments);
        self.advance_paid = self.advance_paid.checked_add(other.advance_paid)?;
        count(&mut self.interest_payments, other.interest_payments);
        self.interest = self.interest.checked_add(other.interest)?;
        count(&mut self.time_payments, other.time_payments);
        self.time_paid = self.time_paid.checked_add(other.time_paid)?;
        count(
            &mut self.document_reimbursements,
            other.document_reimbursements,
        );
        self.documents_paid = self.documents_paid.checked_add(other.documents_paid)?;
        count(
            &mut self.credit_report_objections,
            other.credit_report_objections,
        );
        count(
            &mut self.account_security_reviews,
            other.account_security_reviews,
        );
        Ok(())
    }
}

/// The figures of one decision without explanations: what batches accumulate. Computing it
/// allocates nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Cash paid, after per-rule caps and the per-customer cap.
    pub cash: Money,
    /// Cash after per-rule caps, before the per-customer cap.
    pub cash_before_customer_cap: Money,
    /// Whether the per-customer cap reduced the cash.
    pub customer_cap_bound: bool,
    /// Whether a person must review the decision before anything is paid.
    pub needs_manual_review: bool,
    /// The kind of result.
    pub outcome: Outcome,
    /// What was granted, by kind.
    pub remedies: RemedyTotals,
}

/// An assessment's figures without the remedy tally.
#[derive(Debug, Clone, Copy)]
struct Figures {
    cash: Money,
    cash_before_customer_cap: Money,
    customer_cap_bound: bool,
    needs_manual_review: bool,
    outcome: Outcome,
}

/// How one rule fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    /// The condition held; its remedies were granted.
    Matched,
    /// The condition failed.
    NotMatched,
    /// Not evaluated: an earlier rule matched in a first-match policy.
    Skipped,
}

/// A remedy granted by a rule, with the cash it contributes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    /// The rule that granted it.
    pub rule: RuleId,
    /// The remedy, as written in the policy.
    pub remedy: Remedy,
    /// Cash it contributes before the per-customer cap (zero for services).
    pub cash: Money,
    /// Whether the remedy's own cap bound.
    pub cap_bound: bool,
}

/// One rule's line in a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleOutcome {
    /// The rule.
    pub rule: RuleId,
    /// Matched, not matched or skipped.
    pub status: RuleStatus,
    /// Why, in English: what the rule requires and the claim's facts it looked at, or
    /// which rule decided before it.
    pub reason: String,
}

/// A claim's decision, explaining itself: granted remedies, cash with the caps that bound,
/// the review flag with reasons, and every rule's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The policy version applied.
    pub policy: PolicyRef,
    /// The customer.
    pub customer: CustomerRef,
    /// The figures.
    pub assessment: Assessment,
    /// What was granted, in rule order.
    pub granted: Vec<Grant>,
    /// Why manual review is needed (empty when it is not).
    pub review_reasons: Vec<String>,
    /// Every rule in policy order.
    pub rules: Vec<RuleOutcome>,
}

impl Decision {
    /// Cash paid after all caps.
    pub fn cash(&self) -> Money {
        self.assessment.cash
    }

    /// The cash split as [`allocate`](super::allocate) treats it: the reimbursement of a
    /// verified loss is protected (it counts first under the per-customer cap), the rest
    /// (goodwill, fixed credits) discretionary.
    ///
    /// # Examples
    /// ```
    /// use incident::compensation::{reference_platform_policy, Claim, EvidenceStrength, Tier};
    /// use incident::id::CustomerRef;
    /// use incident::{Currency, Money};
    /// let cny = |yuan: i64| Money::from_minor(yuan * 100, Currency::CNY);
    /// let claim = Claim::builder(CustomerRef::new("C-1")?, Tier::Standard, cny(1_000), EvidenceStrength::Verified)
    ///     .verified_loss(cny(1_000))
    ///     .account_compromised(true)
    ///     .build()?;
    /// let decision = reference_platform_policy().decide(&claim)?;
    /// let share = decision.share();
    /// assert_eq!(share.protected.checked_add(share.discretionary)?, decision.cash());
    /// assert_eq!(share.protected, cny(1_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn share(&self) -> super::Share {
        let reimbursed: i64 = self
            .granted
            .iter()
            .filter(|g| matches!(g.remedy, Remedy::Reimburse { .. }))
            .map(|g| g.cash.amount_minor())
            .fold(0i64, i64::saturating_add);
        split(self.cash(), reimbursed)
    }

    /// Whether a person must review before payment.
    pub fn needs_manual_review(&self) -> bool {
        self.assessment.needs_manual_review
    }
}

/// The error for an overflow on the hot path, built only when it happens.
#[cold]
fn overflow(currency: Currency, operation: MoneyOperation) -> CompensationError {
    CompensationError::Money(MoneyError::Overflow {
        operation,
        currency,
    })
}

/// Adds minor units to an amount; `None` on overflow. The hot path works in minor units
/// (every amount is in the policy currency, checked once per claim) so that no error value
/// is built or moved unless something actually overflows.
#[inline]
fn bump(total: &mut Money, by: i64) -> Option<()> {
    *total = Money::from_minor(total.amount_minor().checked_add(by)?, total.currency());
    Some(())
}

#[inline]
pub(super) fn tally(totals: &mut RemedyTotals, remedy: &Remedy, cash: i64) -> Option<()> {
    match remedy {
        Remedy::Reimburse { .. } => {
            totals.reimbursements += 1;
            bump(&mut totals.reimbursed, cash)?;
        }
        Remedy::Goodwill { .. } => {
            totals.goodwill_credits += 1;
            bump(&mut totals.goodwill, cash)?;
        }
        Remedy::AdvancePayment { .. } => {
            totals.advance_payments += 1;
            bump(&mut totals.advance_paid, cash)?;
        }
        Remedy::Interest { .. } => {
            totals.interest_payments += 1;
            bump(&mut totals.interest, cash)?;
        }
        Remedy::TimeSpent { .. } => {
            totals.time_payments += 1;
            bump(&mut totals.time_paid, cash)?;
        }
        Remedy::DocumentReplacement { .. } => {
            totals.document_reimbursements += 1;
            bump(&mut totals.documents_paid, cash)?;
        }
        Remedy::CreditReportObjection {} => totals.credit_report_objections += 1,
        Remedy::AccountSecurityReview {} => totals.account_security_reviews += 1,
        Remedy::CreditMonitoring { months } => {
            totals.credit_monitoring += 1;
            totals.credit_monitoring_months += u64::from(*months);
        }
        Remedy::IdentityTheftInsurance { coverage, .. } => {
            totals.identity_theft_insurance += 1;
            bump(&mut totals.insurance_coverage, coverage.amount_minor())?;
        }
        Remedy::FeeWaiver { months } => {
            totals.fee_waivers += 1;
            totals.fee_waiver_months += u64::from(*months);
        }
        Remedy::AssistedPasswordReset {} => totals.assisted_password_resets += 1,
        Remedy::AccountFreeze {} => totals.account_freezes += 1,
        Remedy::NegotiatedSettlement {} => totals.negotiated_settlements += 1,
    }
    Some(())
}

/// `cash` split into the reimbursement of verified losses (`reimbursed`, before the
/// per-customer cap, which it meets first) and the rest.
fn split(cash: Money, reimbursed: i64) -> super::Share {
    let protected = reimbursed.clamp(0, cash.amount_minor().max(0));
    let currency = cash.currency();
    super::Share::new(
        Money::from_minor(protected, currency),
        Money::from_minor(cash.amount_minor() - protected, currency),
    )
}

/// What the core loop reports to an observer (the explained decision) per rule.
enum Step<'a> {
    Rule(&'a Rule, RuleStatus),
    Granted(&'a Rule, &'a Remedy, Money, bool),
}

impl Policy {
    fn check_currency(&self, claim: &Claim) -> Result<(), CompensationError> {
        if claim.currency() == self.currency() {
            Ok(())
        } else {
            Err(CompensationError::CurrencyMismatch {
                customer: claim.customer().clone(),
                claim: claim.currency(),
                policy: self.reference(),
                expected: self.currency(),
            })
        }
    }

    /// The evaluation loop behind [`Policy::assess`] and [`Policy::decide`] (batches use
    /// the [`CompiledPolicy`](super::CompiledPolicy)): tallies remedies into `remedies`.
    fn run<'a>(
        &'a self,
        claim: &Claim,
        remedies: &mut RemedyTotals,
        mut observe: impl FnMut(Step<'a>),
    ) -> Result<Figures, CompensationError> {
        self.check_currency(claim)?;
        let currency = self.currency();
        let mut before_cap: i64 = 0;
        let mut granted_any = false;
        let mut decided = false;
        for rule in self.rules() {
            if decided {
                observe(Step::Rule(rule, RuleStatus::Skipped));
                continue;
            }
            if !rule.when.holds(claim) {
                observe(Step::Rule(rule, RuleStatus::NotMatched));
                continue;
            }
            observe(Step::Rule(rule, RuleStatus::Matched));
            for remedy in &rule.grant {
                let (cash, bound) = remedy
                    .cash_for(claim)
                    .ok_or_else(|| overflow(currency, MoneyOperation::MultiplyBps))?;
                before_cap = before_cap
                    .checked_add(cash)
                    .ok_or_else(|| overflow(currency, MoneyOperation::Add))?;
                tally(remedies, remedy, cash)
                    .ok_or_else(|| overflow(currency, MoneyOperation::Add))?;
                granted_any = true;
                observe(Step::Granted(
                    rule,
                    remedy,
                    Money::from_minor(cash, currency),
                    bound,
                ));
            }
            decided = self.matching() == Matching::FirstMatch;
        }
        let cap = self.customer_cap();
        let before_cap = Money::from_minor(before_cap, currency);
        let customer_cap_bound = before_cap.amount_minor() > cap.amount_minor();
        let cash = if customer_cap_bound { cap } else { before_cap };
        let outcome = if cash.is_positive() {
            Outcome::Cash
        } else if granted_any {
            Outcome::ServicesOnly
        } else {
            Outcome::NoRemedy
        };
        Ok(Figures {
            cash,
            cash_before_customer_cap: before_cap,
            customer_cap_bound,
            needs_manual_review: self.review_needed(claim),
            outcome,
        })
    }

    fn assess_alone<'a>(
        &'a self,
        claim: &Claim,
        observe: impl FnMut(Step<'a>),
    ) -> Result<Assessment, CompensationError> {
        let mut remedies = RemedyTotals::zero(self.currency());
        let f = self.run(claim, &mut remedies, observe)?;
        Ok(Assessment {
            cash: f.cash,
            cash_before_customer_cap: f.cash_before_customer_cap,
            customer_cap_bound: f.customer_cap_bound,
            needs_manual_review: f.needs_manual_review,
            outcome: f.outcome,
            remedies,
        })
    }

    /// The review trigger's evidence and loss tests, and, for a claim made by someone other
    /// than the customer, their capacity's documents ([`Policy::capacity_gap`]).
    fn review_needed(&self, claim: &Claim) -> bool {
        let trigger = self.review_trigger();
        trigger.evidence.contains(claim.evidence())
            || trigger
                .reported_loss_above
                .is_some_and(|m| claim.reported_loss().amount_minor() > m.amount_minor())
            || needs_capacity_review(&self.claimant_documents, claim)
    }

    /// What the incident's log records for a claim ([`ClaimAssessment`]): the figures and
    /// the granted remedies, without the explanations [`Policy::decide`] writes. The one
    /// path by which a claim is assessed when recorded and again when replayed.
    ///
    /// # Errors
    /// As [`Policy::assess`].
    pub fn record(&self, claim: &Claim) -> Result<ClaimAssessment, CompensationError> {
        self.record_with_share(claim)
            .map(|(assessment, _)| assessment)
    }

    /// [`Policy::record`], with the cash split as [`allocate`](super::allocate) treats it
    /// (the same split as [`Decision::share`]): what a program keeps for each claim so a
    /// budget can be allocated later without the policy text at hand.
    pub(crate) fn record_with_share(
        &self,
        claim: &Claim,
    ) -> Result<(ClaimAssessment, super::Share), CompensationError> {
        let mut remedies = Vec::new();
        let mut reimbursed = 0i64;
        let assessment = self.assess_alone(claim, |step| {
            if let Step::Granted(_, remedy, cash, _) = step {
                if matches!(remedy, Remedy::Reimburse { .. }) {
                    reimbursed = reimbursed.saturating_add(cash.amount_minor());
                }
                remedies.push(remedy.clone());
            }
        })?;
        let share = split(assessment.cash, reimbursed);
        let assessment = ClaimAssessment {
            policy: self.reference(),
            cash: assessment.cash,
            remedies,
            needs_manual_review: assessment.needs_manual_review,
        };
        Ok((assessment, share))
    }

    /// The figures of a decision without explanations; allocates nothing, for batches.
    ///
    /// # Errors
    /// [`CompensationError::CurrencyMismatch`] when the claim is in another currency;
    /// [`CompensationError::Money`] on overflow.
    pub fn assess(&self, claim: &Claim) -> Result<Assessment, CompensationError> {
        self.assess_alone(claim, |_| {})
    }

    /// Decides a claim and explains the decision.
    ///
    /// # Errors
    /// [`CompensationError::CurrencyMismatch`] when the claim is in another currency;
    /// [`CompensationError::Money`] on overflow.
    ///
    /// # Examples
    /// ```
    /// use incident::compensation::{reference_securities_policy, Claim, EvidenceStrength, Tier};
    /// use incident::id::CustomerRef;
    /// use incident::{Currency, Money};
    /// let policy = reference_securities_policy();
    /// let claim = Claim::builder(CustomerRef::new("C-1")?, Tier::Standard,
    ///     Money::from_minor(120_000, Currency::CNY), EvidenceStrength::Verified)
    ///     .verified_loss(Money::from_minor(100_000, Currency::CNY))
    ///     .build()?;
    /// let decision = policy.decide(&claim)?;
    /// assert_eq!(decision.cash(), Money::from_minor(100_000, Currency::CNY)); // full verified loss
    /// assert!(!decision.needs_manual_review());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn decide(&self, claim: &Claim) -> Result<Decision, CompensationError> {
        let mut rules = Vec::with_capacity(self.rules().len());
        let mut granted = Vec::new();
        let mut winner: Option<&Rule> = None;
        let assessment = self.assess_alone(claim, |step| match step {
            Step::Rule(rule, status) => {
                if status == RuleStatus::Matched {
                    winner = Some(rule);
                }
                let reason = rule_reason(rule, status, winner, claim, Locale::En);
                rules.push(RuleOutcome {
                    rule: rule.id.clone(),
                    status,
                    reason,
                });
            }
            Step::Granted(rule, remedy, cash, cap_bound) => granted.push(Grant {
                rule: rule.id.clone(),
                remedy: remedy.clone(),
                cash,
                cap_bound,
            }),
        })?;
        let mut review_reasons = Vec::new();
        let trigger = self.review_trigger();
        if trigger.evidence.contains(claim.evidence()) {
            review_reasons.push(format!(
                "evidence strength is {}",
                claim.evidence().as_str()
            ));
        }
        if let Some(limit) = trigger.reported_loss_above {
            if claim.reported_loss().amount_minor() > limit.amount_minor() {
                review_reasons.push(format!(
                    "reported loss {} is above {limit}",
                    claim.reported_loss()
                ));
            }
        }
        review_reasons.extend(self.capacity_gap(claim).map(|gap| gap.to_string()));
        Ok(Decision {
            policy: self.reference(),
            customer: claim.customer().clone(),
            assessment,
            granted,
            review_reasons,
            rules,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        compensation::Condition, compensation::EvidenceStrength, compensation::ReviewTrigger,
        compensation::Tier, id::PolicyId,
    };

    fn cny(minor: i64) -> Money {
        Money::from_minor(minor, Currency::CNY)
    }

    fn policy(matching: Matching) -> Policy {
        Policy::builder(
            PolicyId::new("t").unwrap(),
            1,
            Currency::CNY,
            matching,
            cny(1_000),
        )
        .rule(Rule::new(
            RuleId::new("a").unwrap(),
            Condition::Evidence {
                any_of: [EvidenceStrength::Verified].into(),
            },
            vec![Remedy::Reimburse {
                share_bps: 10_000,
                cap: Some(cny(800)),
            }],
        ))
        .rule(Rule::new(
            RuleId::new("b").unwrap(),
            Condition::Always {},
            vec![
                Remedy::Goodwill { amount: cny(300) },
                Remedy::FeeWaiver { months: 3 },
            ],
        ))
        .build()
        .unwrap()
    }

    fn claim(verified: i64) -> Claim {
        Claim::builder(
            CustomerRef::new("c").unwrap(),
            Tier::Standard,
            cny(verified),
            EvidenceStrength::Verified,
        )
        .verified_loss(cny(verified))
        .build()
        .unwrap()
    }

    #[test]
    fn caps_bind_and_are_stated() {
        let d = policy(Matching::Accumulate).decide(&claim(900)).unwrap();
        assert_eq!(d.assessment.cash_before_customer_cap, cny(1_100));
        assert_eq!(d.cash(), cny(1_000));
        assert!(d.assessment.customer_cap_bound);
        assert!(d.granted.first().unwrap().cap_bound);
        let text = d.explain();
        assert!(
            text.contains("up to CNY 8.00 = CNY 8.00 (cap reached)"),
            "{text}"
        );
        assert!(
            text.contains("cash: CNY 10.00 (per-customer cap reached; CNY 11.00 before the cap)"),
            "{text}"
        );
        assert_eq!(
            d.assessment,
            policy(Matching::Accumulate).assess(&claim(900)).unwrap()
        );
    }

    /// The capped reimbursement is protected, the rest of the capped cash discretionary;
    /// the record the log keeps splits it the same way as the explained decision.
    #[test]
    fn the_share_splits_the_cash_into_the_reimbursed_loss_and_the_rest() {
        let p = policy(Matching::Accumulate);
        let d = p.decide(&claim(900)).unwrap();
        assert_eq!(d.share(), super::super::Share::new(cny(800), cny(200)));
        let (recorded, share) = p.record_with_share(&claim(900)).unwrap();
        assert_eq!(share, d.share());
        assert_eq!(recorded, ClaimAssessment::from(&d));
        // Goodwill alone: nothing is protected.
        let none = Claim::builder(
            CustomerRef::new("c").unwrap(),
            Tier::Standard,
            cny(900),
            EvidenceStrength::None,
        )
        .build()
        .unwrap();
        assert_eq!(
            p.decide(&none).unwrap().share(),
            super::super::Share::new(cny(0), cny(300))
        );
    }

    /// Cash exactly at the per-customer cap is not reduced by it, so the cap did not bind.
    #[test]
    fn cash_exactly_at_the_customer_cap_is_not_bound_by_it() {
        let p = policy(Matching::Accumulate);
        // ¥7 reimbursed and ¥3 of goodwill: ¥10, the cap.
        let at_cap = p.decide(&claim(700)).unwrap();
        assert_eq!(at_cap.cash(), cny(1_000));
        assert!(!at_cap.assessment.customer_cap_bound);
        assert!(p.decide(&claim(701)).unwrap().assessment.customer_cap_bound);
    }

    /// Each remedy counts once in its own tally, with its cash (or its months, or its
    /// coverage) added to its own sum; a second grant adds again.
    #[test]
    fn every_remedy_is_tallied_once_with_its_figures() {
        let mut t = RemedyTotals::zero(Currency::CNY);
        let remedies = [
            Remedy::Reimburse {
                share_bps: 10_000,
                cap: None,
            },
            Remedy::AdvancePayment {
                share_bps: 5_000,
                cap: Some(cny(10_000)),
            },
            Remedy::Interest {
                annual_rate_bps: 345,
            },
            Remedy::TimeSpent {
                hourly: cny(2_500),
                max_hours: 20,
            },
            Remedy::DocumentReplacement { cap: cny(10_000) },
            Remedy::Goodwill { amount: cny(100) },
            Remedy::CreditMonitoring { months: 12 },
            Remedy::IdentityTheftInsurance {
                coverage: cny(1_000_000),
                months: 12,
            },
            Remedy::FeeWaiver { months: 3 },
            Remedy::AssistedPasswordReset {},
            Remedy::AccountFreeze {},
            Remedy::NegotiatedSettlement {},
            Remedy::CreditReportObjection {},
            Remedy::AccountSecurityReview {},
        ];
        for _ in 0..2 {
            for r in &remedies {
                tally(&mut t, r, 100).unwrap();
            }
        }
        let counts = [
            t.reimbursements,
            t.advance_payments,
            t.interest_payments,
            t.time_payments,
            t.document_reimbursements,
            t.goodwill_credits,
            t.credit_monitoring,
            t.identity_theft_insurance,
            t.fee_waivers,
            t.assisted_password_resets,
            t.account_freezes,
            t.negotiated_settlements,
            t.credit_report_objections,
            t.account_security_reviews,
        ];
        assert_eq!(counts, [2; 14]);
        let sums = [
            t.reimbursed,
            t.advance_paid,
            t.interest,
            t.time_paid,
            t.documents_paid,
            t.goodwill,
        ];
        assert_eq!(sums, [cny(200); 6]);
        assert_eq!(t.insurance_coverage, cny(2_000_000));
        assert_eq!((t.credit_monitoring_months, t.fee_waiver_months), (24, 6));
    }

    #[test]
    fn first_match_skips_later_rules() {
        let d = policy(Matching::FirstMatch).decide(&claim(100)).unwrap();
        assert_eq!(d.cash(), cny(100));
        assert_eq!(d.rules.get(1).unwrap().status, RuleStatus::Skipped);
        // Rules not evaluated share one line, naming the rule that decided.
        assert_eq!(
            d.explain().lines().nth(1),
            Some("not evaluated (first-match policy; rule a already applies): b")
        );
        assert_eq!(d.assessment.outcome, Outcome::Cash);
    }

    #[test]
    fn currency_mismatch_is_an_error() {
        let usd = Claim::builder(
            CustomerRef::new("c").unwrap(),
            Tier::Standard,
            Money::from_minor(1, Currency::USD),
            EvidenceStrength::None,
        )
        .build()
        .unwrap();
        let err = policy(Matching::FirstMatch).decide(&usd).unwrap_err();
        assert!(err.to_string().contains("convert"), "{err}");
    }

    #[test]
    fn a_review_reason_is_given_only_for_a_reported_loss_strictly_above_the_trigger() {
        let policy = Policy::builder(
            PolicyId::new("t").unwrap(),
            1,
            Currency::CNY,
            Matching::FirstMatch,
            cny(1_000),
        )
        .rule(Rule::new(
            RuleId::new("a").unwrap(),
            Condition::Always {},
            vec![Remedy::FeeWaiver { months: 1 }],
        ))
        .review(ReviewTrigger {
            reported_loss_above: Some(cny(1_000)),
            ..ReviewTrigger::default()
        })
        .build()
        .unwrap();
        for below in [999, 1_000] {
            let d = policy.decide(&claim(below)).unwrap();
            assert_eq!(d.review_reasons, Vec::<String>::new(), "{below}");
            assert!(!d.needs_manual_review(), "{below}");
            assert!(!policy.assess(&claim(below)).unwrap().needs_manual_review);
        }
        let d = policy.decide(&claim(1_001)).unwrap();
        assert_eq!(d.review_reasons, ["reported loss ¥10.01 is above ¥10.00"]);
        assert!(d.needs_manual_review());
        assert!(policy.assess(&claim(1_001)).unwrap().needs_manual_review);
        assert!(d
            .explain()
            .ends_with("manual review: reported loss ¥10.01 is above ¥10.00\n"));
    }

    #[test]
    fn explain_states_the_cash_of_every_cash_grant_and_of_every_reimbursement() {
        let policy = policy(Matching::Accumulate);
        // Goodwill states its cash; the fee waiver, a service, states none.
        assert_eq!(
            policy.decide(&claim(500)).unwrap().explain(),
            "a: applies: requires evidence verified; the claim's evidence is verified → reimbursement of 100.0% of the verified loss, up to CNY 8.00 = CNY 5.00\n\
             b: applies: every claim qualifies → goodwill payment of CNY 3.00 = CNY 3.00; commissions and account fees waived for 3 months\n\
             cash: CNY 8.00\n"
        );
        // A reimbursement states its cash even when it is zero.
        assert_eq!(
            policy.decide(&claim(0)).unwrap().explain(),
            "a: applies: requires evidence verified; the claim's evidence is verified → reimbursement of 100.0% of the verified loss, up to CNY 8.00 = CNY 0.00\n\
             b: applies: every claim qualifies → goodwill payment of CNY 3.00 = CNY 3.00; commissions and account fees waived for 3 months\n\
             cash: CNY 3.00\n"
        );
    }
}
