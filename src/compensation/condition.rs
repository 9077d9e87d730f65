//! When a rule applies: a recursive predicate over a claim's facts (evidence, losses,
//! exposed data, tier, account compromise, jurisdiction), with its plain description and
//! the checks a policy runs on it when built.

use std::collections::BTreeSet;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::claim::{Claim, EvidenceSet, Tier};
use super::policy::PolicyProblem;
use crate::{classify::DataCategory, classify::Jurisdiction, id::RuleId, Currency, Money};

/// Which loss a [`Condition::Loss`] range looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LossBasis {
    /// The firm-verified loss; a claim without one fails the condition.
    Verified,
    /// The loss the customer reported.
    Reported,
}

/// When a rule applies: a recursive predicate over a [`Claim`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Every claim. (A struct variant, so that a member planted in it is refused.)
    Always {},
    /// The evidence strength is one of these.
    Evidence {
        /// Accepted strengths.
        any_of: EvidenceSet,
    },
    /// The loss lies in an inclusive range (either bound may be open).
    Loss {
        /// Verified or reported loss.
        basis: LossBasis,
        /// Inclusive lower bound.
        #[serde(default)]
        min: Option<Money>,
        /// Inclusive upper bound.
        #[serde(default)]
        max: Option<Money>,
    },
    /// At least one of these data categories was exposed.
    DataExposed {
        /// The categories.
        any_of: BTreeSet<DataCategory>,
    },
    /// The customer's tier is one of these.
    Tier {
        /// Accepted tiers.
        any_of: BTreeSet<Tier>,
    },
    /// The account was (or was not) taken over.
    AccountCompromised {
        /// The required value.
        is: bool,
    },
    /// The customer is in one of these jurisdictions; a country code also matches its
    /// subdivisions (`US` matches `US-NY`).
    Jurisdiction {
        /// Accepted jurisdictions.
        any_of: BTreeSet<Jurisdiction>,
    },
    /// Every sub-condition holds (an empty list holds).
    All {
        /// The sub-conditions.
        conditions: Vec<Condition>,
    },
    /// At least one sub-condition holds (an empty list does not).
    Any {
        /// The sub-conditions.
        conditions: Vec<Condition>,
    },
    /// The sub-condition does not hold.
    Not {
        /// The negated condition.
        condition: Box<Condition>,
    },
}

pub(super) fn join<T>(items: impl IntoIterator<Item = T>, f: impl Fn(T) -> String) -> String {
    items.into_iter().map(f).collect::<Vec<_>>().join(", ")
}

fn jurisdiction_matches(rule: &Jurisdiction, claim: &Jurisdiction) -> bool {
    rule == claim || (rule.subdivision().is_none() && rule.as_str() == claim.country())
}

impl Condition {
    /// Whether the claim satisfies the condition. Allocation-free; amounts are compared in
    /// minor units, so the claim must be in the policy's currency (checked by the caller).
    pub fn holds(&self, claim: &Claim) -> bool {
        match self {
            Self::Always {} => true,
            Self::Evidence { any_of } => any_of.contains(claim.evidence()),
            Self::Loss { basis, min, max } => match loss_of(*basis, claim) {
                Some(loss) => {
                    min.is_none_or(|m| loss.amount_minor() >= m.amount_minor())
                        && max.is_none_or(|m| loss.amount_minor() <= m.amount_minor())
                }
                None => false,
            },
            Self::DataExposed { any_of } => claim.data_exposed().iter().any(|c| any_of.contains(c)),
            Self::Tier { any_of } => any_of.contains(&claim.tier()),
            Self::AccountCompromised { is } => claim.account_compromised() == *is,
            Self::Jurisdiction { any_of } => claim
                .jurisdiction()
                .is_some_and(|j| any_of.iter().any(|r| jurisdiction_matches(r, j))),
            Self::All { conditions } => conditions.iter().all(|c| c.holds(claim)),
            Self::Any { conditions } => conditions.iter().any(|c| c.holds(claim)),
            Self::Not { condition } => !condition.holds(claim),
        }
    }

    /// Why the condition fails for this claim (`None` when it holds): the failing clause
    /// with the claim's value and what the rule needs.
    pub fn why_not(&self, claim: &Claim) -> Option<String> {
        if self.holds(claim) {
            return None;
        }
        Some(match self {
            Self::Always {} => String::from("never fails"),
            Self::Evidence { any_of } => format!(
                "evidence strength is {}; rule needs {}",
                claim.evidence().as_str(),
                join(any_of.iter(), |e| e.as_str().to_owned())
            ),
            Self::Loss { basis, .. } => match loss_of(*basis, claim) {
                None => String::from("no verified loss is established; rule needs one"),
                Some(loss) => format!("{} is {}; rule needs {}", basis_name(*basis), loss, self),
            },
            Self::DataExposed { .. } => format!(
                "data exposed is [{}]; rule needs {}",
                join(claim.data_exposed(), snake),
                self
            ),
            Self::Tier { .. } => format!("tier is {}; rule needs {}", snake(&claim.tier()), self),
            Self::AccountCompromised { .. } => format!(
                "account compromised is {}; rule needs {}",
                claim.account_compromised(),
                self
            ),
            Self::Jurisdiction { .. } => format!(
                "jurisdiction is {}; rule needs {}",
                claim.jurisdiction().map_or("unknown", Jurisdiction::as_str),
                self
            ),
            Self::All { conditions } => conditions
                .iter()
                .find_map(|c| c.why_not(claim))
                .unwrap_or_default(),
            Self::Any { conditions } => format!(
                "none of the alternatives holds ({})",
                conditions
                    .iter()
                    .filter_map(|c| c.why_not(claim))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            Self::Not { condition } => format!("{condition} holds; rule needs it not to"),
        })
    }
}

fn loss_of(basis: LossBasis, claim: &Claim) -> Option<Money> {
    match basis {
        LossBasis::Verified => claim.verified_loss(),
        LossBasis::Reported => Some(claim.reported_loss()),
    }
}

fn basis_name(basis: LossBasis) -> &'static str {
    match basis {
        LossBasis::Verified => "verified loss",
        LossBasis::Reported => "reported loss",
    }
}

fn snake<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::from("?"),
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Always {} => f.write_str("always"),
            Self::Evidence { any_of } => {
                write!(
                    f,
                    "evidence {}",
                    join(any_of.iter(), |e| e.as_str().to_owned())
                )
            }
            Self::Loss { basis, min, max } => {
                f.write_str(basis_name(*basis))?;
                match (min, max) {
                    (Some(a), Some(b)) => write!(f, " from {a} to {b}"),
                    (Some(a), None) => write!(f, " at least {a}"),
                    (None, Some(b)) => write!(f, " at most {b}"),
                    (None, None) => f.write_str(" of any amount"),
                }
            }
            Self::DataExposed { any_of } => {
                write!(f, "any of [{}] exposed", join(any_of, snake))
            }
            Self::Tier { any_of } => write!(f, "tier {}", join(any_of, snake)),
            Self::AccountCompromised { is: true } => f.write_str("account compromised"),
            Self::AccountCompromised { is: false } => f.write_str("account not compromised"),
            Self::Jurisdiction { any_of } => {
                write!(f, "jurisdiction {}", join(any_of, |j| j.to_string()))
            }
            Self::All { conditions } => {
                write!(f, "all of ({})", join(conditions, |c| c.to_string()))
            }
            Self::Any { conditions } => {
                write!(f, "any of ({})", join(conditions, |c| c.to_string()))
            }
            Self::Not { condition } => write!(f, "not ({condition})"),
        }
    }
}

/// Pushes what is wrong with `condition` in `rule`: amounts in another currency, empty
/// loss ranges.
pub(super) fn check_condition(
    rule: &RuleId,
    condition: &Condition,
    currency: Currency,
    problems: &mut Vec<PolicyProblem>,
) {
    match condition {
        Condition::Loss { min, max, .. } => {
            for amount in min.iter().chain(max.iter()) {
                if amount.currency() != currency {
                    problems.push(PolicyProblem::CurrencyMismatch {
                        place: format!("rule {rule}"),
                        amount: *amount,
                        expected: currency,
                    });
                }
            }
            if let (Some(min), Some(max)) = (min, max) {
                if min.amount_minor() > max.amount_minor() {
                    problems.push(PolicyProblem::EmptyLossRange {
                        rule: rule.clone(),
                        min: *min,
                        max: *max,
                    });
                }
            }
        }
        Condition::All { conditions } | Condition::Any { conditions } => {
            for c in conditions {
                check_condition(rule, c, currency, problems);
            }
        }
        Condition::Not { condition } => check_condition(rule, condition, currency, problems),
        _ => {}
    }
}
