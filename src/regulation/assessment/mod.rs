//! Computed determinations: from the facts the rules read, the crate proposes whether an
//! incident is *major* under DORA, *significant* under NIS2, or which CAC grade it has, and
//! lists every criterion it evaluated, the facts each used and which one decided. A person
//! then confirms or overrides the proposal with
//! [`Command::RecordDetermination`](crate::Command::RecordDetermination) or
//! [`Command::RecordGrade`](crate::Command::RecordGrade) carrying the [`Assessment`]; the
//! event keeps the facts, the proposal and any override's reason, and replay recomputes the
//! proposal, so a forged figure or a silent override does not replay.
//!
//! The rules are written from the texts cited on each criterion (checked 2026-12-07). A
//! criterion whose fact is missing is `unknown` and named; the proposal is then
//! undetermined (or, for the CAC grade, a floor) rather than a guess.

mod cac;
mod dora;
mod nis2;
mod record;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CnGrade, Tri};
use crate::id::FactName;

pub use cac::{CacFacts, PortalKind};
pub use dora::DoraFacts;
pub use nis2::Nis2Facts;
pub use record::{AssessmentMismatch, AssessmentRecord};

/// What a rule is asked to assess, with the facts it reads.
///
/// # Examples
/// ```
/// use incident::regulation::{Assessment, DoraFacts, ProposedOutcome};
///
/// // Customer accounts taken over through a critical service: malicious access that may
/// // lose data is major on its own (RTS 2024/1772 Art. 8(1)(a), 9(5)(b)).
/// let mut facts = DoraFacts::default();
/// facts.malicious_unauthorised_access = Some(true);
/// facts.access_may_result_in_data_losses = Some(true);
/// let proposal = Assessment::DoraMajor { facts }.propose();
/// assert!(matches!(proposal.outcome, ProposedOutcome::Settled { .. }));
/// assert_eq!(proposal.fired, ["art6_c", "art9_5_b"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Assessment {
    /// DORA: is the incident *major* (Delegated Regulation (EU) 2024/1772, Arts. 6, 8, 9)?
    /// Proposes the determination `major_incident`.
    DoraMajor {
        /// The classification facts.
        facts: DoraFacts,
    },
    /// NIS2: is the incident *significant* (Implementing Regulation (EU) 2024/2690, Art. 3)?
    /// Proposes the determination `significant_incident`.
    Nis2Significant {
        /// The facts.
        facts: Nis2Facts,
    },
    /// The CAC grade (网络安全事件分级指南, annex to the CAC Measures in force 2025-11-01).
    CacGrade {
        /// The facts.
        facts: CacFacts,
    },
}

impl Assessment {
    /// The rule's proposal from these facts. Pure and deterministic: replay computes it
    /// again and refuses a log whose recorded proposal differs.
    pub fn propose(&self) -> Proposal {
        match self {
            Self::DoraMajor { facts } => dora::propose(facts),
            Self::Nis2Significant { facts } => nis2::propose(facts),
            Self::CacGrade { facts } => cac::propose(facts),
        }
    }

    /// The determination this rule answers (`None` for the CAC grade, which is a grade).
    pub fn determination(&self) -> Option<FactName> {
        match self {
            Self::DoraMajor { .. } => Some(FactName::from_static(dora::FACT)),
            Self::Nis2Significant { .. } => Some(FactName::from_static(nis2::FACT)),
            Self::CacGrade { .. } => None,
        }
    }
}

/// What a rule proposes, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// The rule and its source, e.g. "DORA major incident: Delegated Regulation (EU)
    /// 2024/1772, Art. 8(1)".
    pub rule: String,
    /// The proposed answer.
    pub outcome: ProposedOutcome,
    /// Every criterion evaluated, in the text's order.
    pub criteria: Vec<CriterionResult>,
    /// The ids of the criteria that decided the outcome (empty when undetermined).
    pub fired: Vec<String>,
}

/// A proposed answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum ProposedOutcome {
    /// The facts settle it.
    Settled {
        /// The answer.
        outcome: Outcome,
    },
    /// The facts settle a floor; criteria still unknown could only raise it (the CAC grade
    /// is the highest grade any criterion reaches).
    AtLeast {
        /// The floor.
        outcome: Outcome,
    },
    /// The facts do not settle it: the criteria marked unknown name what is missing.
    Undetermined {},
}

/// An answer a rule gives, or a person records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Outcome {
    /// A yes/no determination.
    Determination {
        /// Which.
        fact: FactName,
        /// The answer.
        value: bool,
    },
    /// A CAC grade.
    Grade {
        /// The grade.
        grade: CnGrade,
    },
}

/// One criterion as evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CriterionResult {
    /// A stable id, e.g. `art9_1_b`.
    pub id: String,
    /// Where the criterion is written.
    pub citation: String,
    /// The test, in words.
    pub test: String,
    /// Met, not met, or unknown for want of a fact.
    pub status: Tri,
    /// The facts it read, with their values.
    pub facts_used: Vec<FactUsed>,
    /// The facts it needed and did not have.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// For a graded criterion, the grade it reaches when met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<CnGrade>,
}

/// A fact a criterion read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactUsed {
    /// The fact's field name.
    pub name: String,
    /// Its value, as text.
    pub value: String,
}

/// Builds a [`CriterionResult`] from its parts.
pub(super) fn criterion(
    id: &str,
    citation: &str,
    test: &str,
    status: Tri,
    facts_used: Vec<FactUsed>,
    missing: Vec<String>,
) -> CriterionResult {
    CriterionResult {
        id: id.to_owned(),
        citation: citation.to_owned(),
        test: test.to_owned(),
        status,
        facts_used,
        missing,
        grade: None,
    }
}

/// A fact read, or named as missing.
pub(super) fn read<T: std::fmt::Display>(
    name: &str,
    value: Option<T>,
    used: &mut Vec<FactUsed>,
    missing: &mut Vec<String>,
) -> Option<T> {
    match &value {
        Some(v) => used.push(FactUsed {
            name: name.to_owned(),
            value: v.to_string(),
        }),
        None => missing.push(name.to_owned()),
    }
    value
}

/// Yes if any is yes, no if all are no, unknown otherwise.
pub(super) fn any(values: impl IntoIterator<Item = Tri>) -> Tri {
    let mut result = Tri::No;
    for v in values {
        match v {
            Tri::Yes => return Tri::Yes,
            Tri::Unknown => result = Tri::Unknown,
            Tri::No => {}
        }
    }
    result
}

/// Yes if all are yes, no if any is no, unknown otherwise.
pub(super) fn all(values: impl IntoIterator<Item = Tri>) -> Tri {
    let mut result = Tri::Yes;
    for v in values {
        match v {
            Tri::No => return Tri::No,
            Tri::Unknown => result = Tri::Unknown,
            Tri::Yes => {}
        }
    }
    result
}

/// Yes/no from a known boolean, unknown when missing.
pub(super) fn tri(value: Option<bool>) -> Tri {
    match value {
        Some(true) => Tri::Yes,
        Some(false) => Tri::No,
        None => Tri::Unknown,
    }
}

/// Whether `part` is more than `percent` % of `whole` (exact, in integers).
pub(super) fn more_than_percent(part: u64, whole: u64, percent: u64) -> bool {
    u128::from(part) * 100 > u128::from(whole) * u128::from(percent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_valued_combinators() {
        assert_eq!(any([Tri::No, Tri::Unknown]), Tri::Unknown);
        assert_eq!(any([Tri::No, Tri::Yes, Tri::Unknown]), Tri::Yes);
        assert_eq!(any([Tri::No, Tri::No]), Tri::No);
        assert_eq!(all([Tri::Yes, Tri::Unknown]), Tri::Unknown);
        assert_eq!(all([Tri::Yes, Tri::No, Tri::Unknown]), Tri::No);
        assert_eq!(all([Tri::Yes, Tri::Yes]), Tri::Yes);
        assert!(more_than_percent(11, 100, 10));
        assert!(!more_than_percent(10, 100, 10));
        assert!(more_than_percent(u64::MAX, u64::MAX - 1, 100));
    }
}
