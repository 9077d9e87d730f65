//! Compensation policies as data: ordered rules (condition → remedies), caps and the
//! manual-review trigger, validated when built and when deserialized.

use std::collections::HashSet;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::claim::EvidenceSet;
use super::claimant::{Capacity, CapacityDocument, CapacityDocuments};
pub(super) use super::condition::{check_condition, join, Condition, LossBasis};
pub(super) use super::remedy::Remedy;
use super::terms::OfferTerms;
use crate::{id::PolicyId, id::RuleId, Currency, Money};

/// One rule: when it applies and what it grants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Unique within the policy.
    pub id: RuleId,
    /// Why the rule exists, for auditors (e.g. the seed text it implements).
    #[serde(default)]
    pub description: String,
    /// When it applies.
    pub when: Condition,
    /// What it grants.
    pub grant: Vec<Remedy>,
}

impl Rule {
    /// A rule with no description.
    pub fn new(id: RuleId, when: Condition, grant: Vec<Remedy>) -> Self {
        Self {
            id,
            description: String::new(),
            when,
            grant,
        }
    }

    /// Adds a description.
    #[must_use]
    pub fn describe(mut self, description: impl Into<String>) -> Self {
        self.description = description.into();
        self
    }
}

/// Whether the first matching rule decides or every matching rule contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Matching {
    /// Only the first matching rule grants; later rules are not evaluated.
    FirstMatch,
    /// Every matching rule grants; cash adds up (then the per-customer cap applies).
    Accumulate,
}

/// When a decision needs a person to look at it before anything is paid.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewTrigger {
    /// Claims with one of these evidence strengths need review.
    #[serde(default)]
    pub evidence: EvidenceSet,
    /// Claims whose reported loss is strictly above this need review.
    #[serde(default)]
    pub reported_loss_above: Option<Money>,
}

/// One problem found while validating a policy.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyProblem {
    /// The policy has no rules.
    #[error("the policy has no rules: add at least one rule")]
    NoRules,
    /// Two rules share an id.
    #[error("rule id {rule} is used more than once: give every rule its own id")]
    DuplicateRuleId {
        /// The repeated id.
        rule: RuleId,
    },
    /// A rule grants nothing.
    #[error("rule {rule} grants no remedy: add one or remove the rule")]
    NoRemedies {
        /// The rule.
        rule: RuleId,
    },
    /// A duration of zero months.
    #[error("rule {rule}: {remedy} lasts 0 months: give a duration of at least one month")]
    ZeroMonths {
        /// The rule.
        rule: RuleId,
        /// The remedy kind.
        remedy: &'static str,
    },
    /// A reimbursement share outside 1..=10 000 basis points.
    #[error("rule {rule}: reimbursement share {bps} bps is outside 1..=10000: use 10000 for the full verified loss")]
    ShareOutOfRange {
        /// The rule.
        rule: RuleId,
        /// The share.
        bps: u32,
    },
    /// An interest rate outside 1..=10000 bps a year.
    #[error("rule {rule}: annual interest rate {bps} bps is outside 1..=10000: give the rate in basis points a year (e.g. 300 for 3%)")]
    RateOutOfRange {
        /// The rule.
        rule: RuleId,
        /// The rate.
        bps: u32,
    },
    /// Time paid for at most zero hours.
    #[error("rule {rule}: time spent is paid for at most 0 hours: give at least one hour")]
    ZeroHours {
        /// The rule.
        rule: RuleId,
    },
    /// An amount in another currency than the policy's.
    #[error("{place}: amount {amount} is not in the policy currency {expected}: state every amount in {expected}")]
    CurrencyMismatch {
        /// Where (rule id or policy field).
        place: String,
        /// The amount.
        amount: Money,
        /// The policy currency.
        expected: Currency,
    },
    /// A cap or fixed amount that is zero or negative.
    #[error("{place}: amount {amount} must be positive: a cap of zero would grant nothing")]
    NonPositiveAmount {
        /// Where (rule id or policy field).
        place: String,
        /// The amount.
        amount: Money,
    },
    /// A loss range whose minimum exceeds its maximum.
    #[error("rule {rule}: loss range minimum {min} exceeds maximum {max}: swap or fix the bounds")]
    EmptyLossRange {
        /// The rule.
        rule: RuleId,
        /// Lower bound.
        min: Money,
        /// Upper bound.
        max: Money,
    },
    /// A capacity listed with no document: it would read as "nothing to check".
    #[error("claimant_documents.{}: no document is listed; list what a claimant in this capacity must supply, or leave the capacity out (its claims are then always reviewed)", .capacity.as_str())]
    NoCapacityDocuments {
        /// The capacity.
        capacity: Capacity,
    },
    /// In first-match mode, an earlier rule with the identical condition makes this one
    /// unreachable.
    #[error("rule {rule} can never apply: earlier rule {shadowed_by} has the identical condition and the policy is first-match; merge them or change a condition")]
    UnreachableRule {
        /// The unreachable rule.
        rule: RuleId,
        /// The earlier rule.
        shadowed_by: RuleId,
    },
}

/// A policy that failed validation, with every problem found.
///
/// # Handling
/// Input error (HTTP 422): fix every listed problem; retrying will not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("policy {policy} is invalid: {}", join(problems, |p| p.to_string()))]
pub struct PolicyError {
    /// The policy's id.
    pub policy: PolicyId,
    /// Every problem, in policy order.
    pub problems: Vec<PolicyProblem>,
}

/// Names a policy version, e.g. for a [`Program`](crate::compensation::Program) to pin.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyRef {
    /// The policy id.
    pub id: PolicyId,
    /// The version.
    pub version: u32,
}

impl fmt::Display for PolicyRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@v{}", self.id, self.version)
    }
}

/// An unvalidated policy: the builder, and the raw form deserialization goes through.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyBuilder {
    id: PolicyId,
    version: u32,
    currency: Currency,
    matching: Matching,
    customer_cap: Money,
    #[serde(default)]
    review: ReviewTrigger,
    rules: Vec<Rule>,
    #[serde(default)]
    terms: OfferTerms,
    /// The documents a claimant who is not the customer must have verified, per capacity
    /// (`heir`, `guardian`, `agent`); a capacity left out is always reviewed.
    #[serde(default)]
    claimant_documents: CapacityDocuments,
}

impl PolicyBuilder {
    /// Requires `documents` of a claimant who claims in `capacity` (an heir, a guardian,
    /// an agent): their claim waits for a person until each is verified. A capacity the
    /// policy lists nothing for is always reviewed.
    #[must_use]
    pub fn claimant_documents(
        mut self,
        capacity: Capacity,
        documents: impl IntoIterator<Item = CapacityDocument>,
    ) -> Self {
        self.claimant_documents
            .insert(capacity, documents.into_iter().collect());
        self
    }

    /// Adds a rule at the end (rules are evaluated in order).
    #[must_use]
    pub fn rule(mut self, rule: Rule) -> Self {
        self.rules.push(rule);
        self
    }

    /// Sets when decisions need manual review.
    #[must_use]
    pub fn review(mut self, review: ReviewTrigger) -> Self {
        self.review = review;
        self
    }

    /// Sets what the policy states to customers besides its remedies.
    #[must_use]
    pub fn terms(mut self, terms: OfferTerms) -> Self {
        self.terms = terms;
        self
    }

    /// Validates the policy, collecting every problem.
    ///
    /// # Errors
    /// [`PolicyError`] listing each [`PolicyProblem`]: no rules, duplicate rule ids, rules
    /// without remedies, zero-month remedies, shares outside 1..=10 000 bps, amounts in
    /// another currency, non-positive caps or amounts, empty loss ranges, and rules made
    /// unreachable by an identical earlier condition in first-match mode.
    ///
    /// # Examples
    /// ```
    /// use incident::compensation::{Condition, Matching, Policy, Remedy, Rule};
    /// use incident::id::{PolicyId, RuleId};
    /// use incident::{Currency, Money};
    /// let err = Policy::builder(
    ///     PolicyId::new("p")?, 1, Currency::CNY, Matching::FirstMatch,
    ///     Money::from_minor(0, Currency::CNY),
    /// )
    /// .rule(Rule::new(RuleId::new("r1")?, Condition::Always {}, vec![Remedy::FeeWaiver { months: 0 }]))
    /// .build()
    /// .unwrap_err();
    /// assert_eq!(err.problems.len(), 2); // zero cap and zero months
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build(self) -> Result<Policy, PolicyError> {
        let mut problems = Vec::new();
        let currency = self.currency;
        check_amount(&mut problems, "customer_cap", self.customer_cap, currency);
        if let Some(limit) = self.review.reported_loss_above {
            if limit.currency() != currency {
                problems.push(PolicyProblem::CurrencyMismatch {
                    place: "review.reported_loss_above".to_owned(),
                    amount: limit,
                    expected: currency,
                });
            }
        }
        if self.rules.is_empty() {
            problems.push(PolicyProblem::NoRules);
        }
        for (capacity, documents) in &self.claimant_documents {
            if documents.is_empty() {
                problems.push(PolicyProblem::NoCapacityDocuments {
                    capacity: *capacity,
                });
            }
        }
        let mut seen = HashSet::new();
        for (n, rule) in self.rules.iter().enumerate() {
            if !seen.insert(&rule.id) {
                problems.push(PolicyProblem::DuplicateRuleId {
                    rule: rule.id.clone(),
                });
            }
            if rule.grant.is_empty() {
                problems.push(PolicyProblem::NoRemedies {
                    rule: rule.id.clone(),
                });
            }
            check_condition(&rule.id, &rule.when, currency, &mut problems);
            for remedy in &rule.grant {
                remedy.check(rule, currency, &mut problems);
            }
            if self.matching == Matching::FirstMatch {
                if let Some(earlier) = self
                    .rules
                    .iter()
                    .take(n)
                    .find(|earlier| earlier.when == rule.when)
                {
                    problems.push(PolicyProblem::UnreachableRule {
                        rule: rule.id.clone(),
                        shadowed_by: earlier.id.clone(),
                    });
                }
            }
        }
        if problems.is_empty() {
            Ok(Policy {
                id: self.id,
                version: self.version,
                currency: self.currency,
                matching: self.matching,
                customer_cap: self.customer_cap,
                review: self.review,
                rules: self.rules,
                terms: self.terms,
                claimant_documents: self.claimant_documents,
            })
        } else {
            Err(PolicyError {
                policy: self.id,
                problems,
            })
        }
    }
}

/// A positive amount in the policy currency.
pub(super) fn check_amount(
    problems: &mut Vec<PolicyProblem>,
    place: &str,
    amount: Money,
    currency: Currency,
) {
    if amount.currency() != currency {
        problems.push(PolicyProblem::CurrencyMismatch {
            place: place.to_owned(),
            amount,
            expected: currency,
        });
    } else if !amount.is_positive() {
        problems.push(PolicyProblem::NonPositiveAmount {
            place: place.to_owned(),
            amount,
        });
    }
}

pub(super) fn zero_months(
    problems: &mut Vec<PolicyProblem>,
    rule: &Rule,
    remedy: &Remedy,
    months: u16,
) {
    if months == 0 {
        problems.push(PolicyProblem::ZeroMonths {
            rule: rule.id.clone(),
            remedy: remedy.kind(),
        });
    }
}

impl TryFrom<PolicyBuilder> for Policy {
    type Error = PolicyError;

    fn try_from(raw: PolicyBuilder) -> Result<Self, Self::Error> {
        raw.build()
    }
}

/// A validated compensation policy. Build with [`Policy::builder`]; deserializing validates
/// the same way. Decide claims with [`Policy::decide`] (explained) or [`Policy::assess`]
/// (allocation-free figures); batches run on a [`Policy::compile`]d form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, try_from = "PolicyBuilder")]
pub struct Policy {
    pub(super) id: PolicyId,
    pub(super) version: u32,
    pub(super) currency: Currency,
    pub(super) matching: Matching,
    pub(super) customer_cap: Money,
    pub(super) review: ReviewTrigger,
    pub(super) rules: Vec<Rule>,
    /// Left out when unset, so a policy without terms keeps its JSON and its digest.
    #[serde(default, skip_serializing_if = "OfferTerms::is_unset")]
    pub(super) terms: OfferTerms,
    /// The documents required per claimant capacity; left out when none, so a policy
    /// without them keeps its JSON and its digest.
    #[serde(default, skip_serializing_if = "CapacityDocuments::is_empty")]
    pub(super) claimant_documents: CapacityDocuments,
}

impl Policy {
    /// Starts a policy; every amount in it must be in `currency`.
    pub fn builder(
        id: PolicyId,
        version: u32,
        currency: Currency,
        matching: Matching,
        customer_cap: Money,
    ) -> PolicyBuilder {
        PolicyBuilder {
            id,
            version,
            currency,
            matching,
            customer_cap,
            review: ReviewTrigger::default(),
            rules: Vec::new(),
            terms: OfferTerms::default(),
            claimant_documents: CapacityDocuments::new(),
        }
    }

    /// The policy id and version.
    pub fn reference(&self) -> PolicyRef {
        PolicyRef {
            id: self.id.clone(),
            version: self.version,
        }
    }

    /// The policy id.
    pub fn id(&self) -> &PolicyId {
        &self.id
    }

    /// The version.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// The currency of every amount.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// First-match or accumulate.
    pub fn matching(&self) -> Matching {
        self.matching
    }

    /// The most cash one customer receives.
    pub fn customer_cap(&self) -> Money {
        self.customer_cap
    }

    /// When decisions need manual review.
    pub fn review_trigger(&self) -> &ReviewTrigger {
        &self.review
    }

    /// The rules, in evaluation order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// What the policy states to customers besides its remedies.
    pub fn terms(&self) -> &OfferTerms {
        &self.terms
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::Jurisdiction;
    use crate::compensation::{Claim, EvidenceStrength, Tier};

    fn cny(minor: i64) -> Money {
        Money::from_minor(minor, Currency::CNY)
    }

    fn rid(s: &str) -> RuleId {
        RuleId::new(s).unwrap()
    }

    #[test]
    fn collects_every_problem() {
        let err = Policy::builder(
            PolicyId::new("p").unwrap(),
            1,
            Currency::CNY,
            Matching::FirstMatch,
            Money::from_minor(100, Currency::USD),
        )
        .rule(Rule::new(
            rid("a"),
            Condition::Always {},
            vec![
                Remedy::Reimburse {
                    share_bps: 0,
                    cap: Some(cny(0)),
                },
                Remedy::CreditMonitoring { months: 0 },
            ],
        ))
        .rule(Rule::new(rid("a"), Condition::Always {}, vec![]))
        .rule(Rule::new(
            rid("c"),
            Condition::Loss {
                basis: LossBasis::Reported,
                min: Some(cny(5)),
                max: Some(cny(1)),
            },
            vec![Remedy::Goodwill { amount: cny(-1) }],
        ))
        .build()
        .unwrap_err();
        let kinds: Vec<String> = err.problems.iter().map(|p| format!("{p:?}")).collect();
        let names: Vec<&str> = kinds
            .iter()
            .map(|k| k.split([' ', '{']).next().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "CurrencyMismatch",
                "ShareOutOfRange",
                "NonPositiveAmount",
                "ZeroMonths",
                "DuplicateRuleId",
                "NoRemedies",
                "UnreachableRule",
                "EmptyLossRange",
                "NonPositiveAmount",
            ],
            "{kinds:#?}"
        );
        assert!(err
            .to_string()
            .starts_with("policy p is invalid: customer_cap"));
    }

    #[test]
    fn explains_failing_clause() {
        let claim = Claim::builder(
            crate::id::CustomerRef::new("c").unwrap(),
            Tier::Standard,
            cny(10),
            EvidenceStrength::Unverified,
        )
        .build()
        .unwrap();
        let cond = Condition::All {
            conditions: vec![
                Condition::Always {},
                Condition::Evidence {
                    any_of: [EvidenceStrength::Verified].into(),
                },
            ],
        };
        assert_eq!(
            cond.why_not(&claim).unwrap(),
            "evidence strength is unverified; rule needs verified"
        );
        let not = Condition::Not {
            condition: Box::new(Condition::AccountCompromised { is: false }),
        };
        assert_eq!(
            not.why_not(&claim).unwrap(),
            "account not compromised holds; rule needs it not to"
        );
        let j = Condition::Jurisdiction {
            any_of: [Jurisdiction::new("US").unwrap()].into(),
        };
        assert_eq!(
            j.why_not(&claim).unwrap(),
            "jurisdiction is unknown; rule needs jurisdiction US"
        );
        let in_ny = Claim::builder(
            crate::id::CustomerRef::new("c").unwrap(),
            Tier::Vip,
            cny(10),
            EvidenceStrength::None,
        )
        .jurisdiction(Jurisdiction::new("US-NY").unwrap())
        .build()
        .unwrap();
        assert!(j.holds(&in_ny), "a country matches its subdivisions");
        let ca = Condition::Jurisdiction {
            any_of: [Jurisdiction::new("US-CA").unwrap()].into(),
        };
        assert!(!ca.holds(&in_ny));
        let range = Condition::Loss {
            basis: LossBasis::Reported,
            min: Some(cny(10)),
            max: Some(cny(10)),
        };
        assert!(range.holds(&in_ny), "bounds are inclusive");
        let verified = Condition::Loss {
            basis: LossBasis::Verified,
            min: None,
            max: None,
        };
        assert_eq!(
            verified.why_not(&in_ny).unwrap(),
            "no verified loss is established; rule needs one"
        );
    }

    fn claim_in(jurisdiction: &str) -> Claim {
        Claim::builder(
            crate::id::CustomerRef::new("c").unwrap(),
            Tier::Standard,
            cny(10),
            EvidenceStrength::Verified,
        )
        .verified_loss(cny(10))
        .jurisdiction(Jurisdiction::new(jurisdiction).unwrap())
        .build()
        .unwrap()
    }

    #[test]
    fn a_country_rule_matches_its_own_subdivisions_but_no_other_country() {
        let cn = Condition::Jurisdiction {
            any_of: [Jurisdiction::new("CN").unwrap()].into(),
        };
        assert!(cn.holds(&claim_in("CN")));
        assert!(cn.holds(&claim_in("CN-BJ")));
        assert!(!cn.holds(&claim_in("US")));
        assert!(!cn.holds(&claim_in("US-NY")));
        assert_eq!(
            cn.why_not(&claim_in("US-NY")).unwrap(),
            "jurisdiction is US-NY; rule needs jurisdiction CN"
        );
        // A subdivision rule does not match its whole country.
        let beijing = Condition::Jurisdiction {
            any_of: [Jurisdiction::new("CN-BJ").unwrap()].into(),
        };
        assert!(!beijing.holds(&claim_in("CN")));
    }

    #[test]
    fn problems_nested_in_all_any_and_not_conditions_are_reported() {
        let usd = |minor| Money::from_minor(minor, Currency::USD);
        let loss = |min, max| Condition::Loss {
            basis: LossBasis::Reported,
            min,
            max,
        };
        let err = Policy::builder(
            PolicyId::new("p").unwrap(),
            1,
            Currency::CNY,
            Matching::Accumulate,
            cny(100_000),
        )
        .rule(Rule::new(
            rid("all"),
            Condition::All {
                conditions: vec![Condition::Always {}, loss(Some(usd(1)), None)],
            },
            vec![Remedy::FeeWaiver { months: 1 }],
        ))
        .rule(Rule::new(
            rid("any"),
            Condition::Any {
                conditions: vec![Condition::All {
                    conditions: vec![loss(Some(cny(5)), Some(cny(1)))],
                }],
            },
            vec![Remedy::FeeWaiver { months: 1 }],
        ))
        .rule(Rule::new(
            rid("not"),
            Condition::Not {
                condition: Box::new(loss(None, Some(usd(2)))),
            },
            vec![Remedy::FeeWaiver { months: 1 }],
        ))
        .build()
        .unwrap_err();
        assert_eq!(
            err.problems,
            [
                PolicyProblem::CurrencyMismatch {
                    place: "rule all".into(),
                    amount: usd(1),
                    expected: Currency::CNY,
                },
                PolicyProblem::EmptyLossRange {
                    rule: rid("any"),
                    min: cny(5),
                    max: cny(1),
                },
                PolicyProblem::CurrencyMismatch {
                    place: "rule not".into(),
                    amount: usd(2),
                    expected: Currency::CNY,
                },
            ]
        );
    }

    #[test]
    fn loss_and_tier_conditions_read_exactly() {
        let loss = |basis, min: Option<i64>, max: Option<i64>| Condition::Loss {
            basis,
            min: min.map(cny),
            max: max.map(cny),
        };
        let cases = [
            (
                loss(LossBasis::Reported, Some(1_000), Some(250_000)),
                "reported loss from ¥10.00 to ¥2,500.00",
            ),
            (
                loss(LossBasis::Verified, Some(1_000), None),
                "verified loss at least ¥10.00",
            ),
            (
                loss(LossBasis::Reported, None, Some(5)),
                "reported loss at most ¥0.05",
            ),
            (
                loss(LossBasis::Verified, None, None),
                "verified loss of any amount",
            ),
            (
                Condition::Tier {
                    any_of: [Tier::Vip, Tier::Premium].into(),
                },
                "tier premium, vip",
            ),
        ];
        for (condition, text) in cases {
            assert_eq!(condition.to_string(), text);
        }
    }

    #[test]
    fn a_failing_loss_or_tier_condition_explains_the_claim_value_and_the_rule() {
        let claim = Claim::builder(
            crate::id::CustomerRef::new("c").unwrap(),
            Tier::Standard,
            cny(50_000),
            EvidenceStrength::Verified,
        )
        .verified_loss(cny(30_000))
        .build()
        .unwrap();
        let reported = Condition::Loss {
            basis: LossBasis::Reported,
            min: Some(cny(100_000)),
            max: None,
        };
        assert_eq!(
            reported.why_not(&claim).unwrap(),
            "reported loss is ¥500.00; rule needs reported loss at least ¥1,000.00"
        );
        let verified = Condition::Loss {
            basis: LossBasis::Verified,
            min: None,
            max: Some(cny(10_000)),
        };
        assert_eq!(
            verified.why_not(&claim).unwrap(),
            "verified loss is ¥300.00; rule needs verified loss at most ¥100.00"
        );
        let tier = Condition::Tier {
            any_of: [Tier::Premium, Tier::Vip].into(),
        };
        assert_eq!(
            tier.why_not(&claim).unwrap(),
            "tier is standard; rule needs tier premium, vip"
        );
    }
}
