//! Explaining a decision to people: the customer's letter and the regulator's record, in
//! every [`Locale`].
//!
//! A [`Decision`] is a pure function of the policy and the claim, so an [`Explanation`]
//! holds both and decides again: what a regulator replays is exactly what the customer
//! was told. The customer letter names only what applies to them, in plain words: what
//! was decided, why, what is left of the reported loss and how to get more, and their
//! rights. The record lists every rule with its outcome and the claim's facts it looked
//! at, phrased without double negatives. After the decision, [`ClaimLetters`] writes the
//! letters about where the claim stands: a payment that came back, money held as
//! unclaimed, a reassessment on new evidence, an appeal received and its outcome.

mod brief;
mod capacity;
mod customer;
mod letters;
mod phrasing;
mod recourse;
mod regulator;
mod remedies;

use chrono::{DateTime, Days, Utc};

use super::claim::Claim;
use super::decision::{CompensationError, Decision, RuleStatus};
use super::policy::{Policy, Rule};
use crate::locale::{Locale, Zone};

pub use letters::{ClaimLetters, LetterError, StatusLetter};
pub(crate) use phrasing::{facts_of, record_fact, requirement};

/// A decision with what it takes to explain it: the policy, the claim and, optionally,
/// when it was made (for the evidence deadline). Made by [`Policy::explain`].
///
/// # Examples
/// ```
/// use incident::compensation::{reference_securities_policy, Claim, EvidenceStrength, Tier};
/// use incident::id::CustomerRef;
/// use incident::locale::Locale;
/// use incident::{Currency, Money};
/// let cny = |yuan: i64| Money::from_minor(yuan * 100, Currency::CNY);
/// let policy = reference_securities_policy();
/// let claim = Claim::builder(CustomerRef::new("C-7")?, Tier::Standard, cny(15_000), EvidenceStrength::Unverified)
///     .build()?;
/// let explanation = policy.explain(&claim)?;
/// assert_eq!(explanation.decision().cash(), cny(200));
/// let letter = explanation.to_customer(Locale::ZhCn);
/// assert!(letter.contains("尚有14,800.00元未获补偿"));
/// assert!(!letter.contains("赔偿"));
/// let record = explanation.to_regulator(Locale::En);
/// assert!(record.contains("verified-loss — does not apply: requires evidence verified; the claim's evidence is unverified"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Explanation<'a> {
    policy: &'a Policy,
    claim: &'a Claim,
    decision: Decision,
    decided: Option<(DateTime<Utc>, Zone)>,
}

impl Policy {
    /// Decides `claim` and keeps what it takes to explain the decision to the customer
    /// ([`Explanation::to_customer`]) and to a regulator ([`Explanation::to_regulator`]).
    ///
    /// # Errors
    /// As [`Policy::decide`].
    pub fn explain<'a>(&'a self, claim: &'a Claim) -> Result<Explanation<'a>, CompensationError> {
        Ok(Explanation {
            policy: self,
            claim,
            decision: self.decide(claim)?,
            decided: None,
        })
    }
}

impl<'a> Explanation<'a> {
    /// When the decision was made, and the zone the customer's dates are written in: with
    /// a policy evidence window, the letter then names the deadline as a date.
    #[must_use]
    pub fn decided_at(mut self, at: DateTime<Utc>, zone: Zone) -> Self {
        self.decided = Some((at, zone));
        self
    }

    /// The decision explained.
    pub fn decision(&self) -> &Decision {
        &self.decision
    }

    /// The policy applied.
    pub fn policy(&self) -> &'a Policy {
        self.policy
    }

    /// The claim decided.
    pub fn claim(&self) -> &'a Claim {
        self.claim
    }

    /// The end of the evidence window: the end of the local day `evidence_window_days`
    /// after the decision. `None` without a window or without [`decided_at`](Self::decided_at).
    ///
    /// # Examples
    /// ```
    /// use std::num::NonZeroU16;
    /// use chrono::{TimeZone as _, Utc};
    /// use incident::compensation::{reference_securities_policy, Claim, EvidenceStrength, OfferTerms, Tier};
    /// use incident::id::CustomerRef;
    /// use incident::locale::Zone;
    /// use incident::{Currency, Money};
    /// let reference = reference_securities_policy();
    /// let mut builder = incident::compensation::Policy::builder(reference.id().clone(), 3,
    ///     reference.currency(), reference.matching(), reference.customer_cap())
    ///     .review(reference.review_trigger().clone())
    ///     .terms(OfferTerms { evidence_window_days: NonZeroU16::new(30), ..reference.terms().clone() });
    /// for rule in reference.rules() { builder = builder.rule(rule.clone()); }
    /// let policy = builder.build()?;
    /// let claim = Claim::builder(CustomerRef::new("C-7")?, Tier::Standard,
    ///     Money::from_minor(100, Currency::CNY), EvidenceStrength::Unverified).build()?;
    /// let decided = Utc.with_ymd_and_hms(2026, 12, 6, 2, 0, 0).unwrap(); // 10:00 in Beijing
    /// let explanation = policy.explain(&claim)?.decided_at(decided, Zone::SHANGHAI);
    /// // The end of 5 January 2027 in Beijing.
    /// assert_eq!(explanation.evidence_deadline(), Some(Utc.with_ymd_and_hms(2027, 1, 5, 16, 0, 0).unwrap()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn evidence_deadline(&self) -> Option<DateTime<Utc>> {
        let days = self.policy.terms().evidence_window_days?;
        let (at, zone) = self.decided?;
        let last = zone
            .local_date(at)
            .checked_add_days(Days::new(u64::from(days.get())))?;
        Some(zone.end_of_day(last))
    }

    /// The letter to the customer, in `locale`: what was decided, why (the rules that
    /// applied, in plain words), what is left of the reported loss and how to obtain more,
    /// the evidence deadline if the policy sets one, and the customer's rights. Uses 补偿
    /// throughout, never 赔偿 (which reads as admitting liability), and states that the
    /// offer is no admission of liability when the policy's terms say so.
    pub fn to_customer(&self, locale: Locale) -> String {
        customer::render(self, locale)
    }

    /// The record for a regulator or an auditor, in `locale`: the claim's facts, every
    /// rule in policy order with its outcome (applies, does not apply, not evaluated) and
    /// the facts it looked at, then the figures, the review flag and the terms stated to
    /// the customer.
    pub fn to_regulator(&self, locale: Locale) -> String {
        regulator::render(self, locale)
    }
}

/// Why a rule fared as it did, in the record's voice: what it requires and the claim's
/// facts it looked at, or which rule decided before it. `winner` is the rule that applied
/// in a first-match policy.
pub(crate) fn rule_reason(
    rule: &Rule,
    status: RuleStatus,
    winner: Option<&Rule>,
    claim: &Claim,
    locale: Locale,
) -> String {
    use crate::locale::tr;
    if status == RuleStatus::Skipped {
        return phrasing::fill(
            tr(
                locale,
                "本方案按首个适用的规则决定，规则 {w} 已适用",
                "本方案按首個適用的規則決定，規則 {w} 已適用",
                "first-match policy; rule {w} already applies",
            ),
            &[("w", winner.map_or("", |w| w.id.as_str()))],
        );
    }
    let facts: Vec<String> = facts_of(&rule.when)
        .into_iter()
        .filter_map(|f| record_fact(f, claim, locale))
        .collect();
    if facts.is_empty() {
        return tr(
            locale,
            "所有申请均适用",
            "所有申請均適用",
            "every claim qualifies",
        )
        .to_owned();
    }
    phrasing::fill(
        tr(locale, "要求{r}；{f}", "要求{r}；{f}", "requires {r}; {f}"),
        &[
            ("r", &requirement(&rule.when, false, locale)),
            ("f", &facts.join(tr(locale, "，", "，", ", "))),
        ],
    )
}

/// The remedies of the decision granted by `rule`, with their cash.
fn grants_of<'d>(
    decision: &'d Decision,
    rule: &'d Rule,
) -> impl Iterator<Item = &'d super::decision::Grant> {
    decision.granted.iter().filter(move |g| g.rule == rule.id)
}
