//! GB/T 20986-2023 信息安全技术 网络安全事件分类分级指南: the categories and subcategories a
//! Chinese regulator's form asks for.
//!
//! The standard (SAC/TC 260; issued 2023-05-23, in force **2023-12-01**, replacing
//! GB/Z 20986-2007) sorts incidents into 10 categories (§5.2) and grades them in four levels
//! (§6.2: 特别重大, 重大, 较大, 一般). The grade is the one the CAC reporting measures use, so
//! the incident keeps a single grade, [`CnGrade`](crate::regulation::CnGrade), recorded with
//! [`Command::RecordGrade`](crate::Command::RecordGrade); this module holds the category and
//! subcategory, recorded with [`Command::ClassifyGbt`](crate::Command::ClassifyGbt).
//!
//! The sources, what they confirm and what they do not, are listed on [`GbtCategory`].

mod category;
mod subcategory;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use category::GbtCategory;
pub use subcategory::GbtSubcategory;

use crate::IncidentKind;

/// An incident's place in GB/T 20986-2023: a category and, when known, a subcategory of it.
///
/// # Examples
/// ```
/// use incident::classify::{GbtCategory, GbtClassification, GbtSubcategory};
/// use incident::IncidentKind;
/// let proposed = GbtClassification::proposed_for(IncidentKind::Ransomware);
/// assert_eq!(
///     proposed,
///     Some(GbtClassification::of(GbtSubcategory::Ransomware))
/// );
/// assert_eq!(proposed.map(|c| c.category), Some(GbtCategory::Malware));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GbtClassification {
    /// The category.
    pub category: GbtCategory,
    /// The subcategory, which must belong to `category`; `null` while undecided.
    #[serde(default)]
    pub subcategory: Option<GbtSubcategory>,
}

impl GbtClassification {
    /// The category alone, subcategory undecided.
    pub const fn category(category: GbtCategory) -> Self {
        Self {
            category,
            subcategory: None,
        }
    }

    /// A subcategory and its category.
    pub const fn of(subcategory: GbtSubcategory) -> Self {
        Self {
            category: subcategory.category(),
            subcategory: Some(subcategory),
        }
    }

    /// Whether the subcategory, if any, belongs to the category.
    pub fn is_consistent(&self) -> bool {
        self.subcategory
            .is_none_or(|s| s.category() == self.category)
    }

    /// The classification the crate proposes for an incident of `kind`, where the kind
    /// determines it; `None` where it does not (the desk decides):
    ///
    /// | kind | proposal |
    /// |---|---|
    /// | ransomware | 恶意程序事件 / 勒索软件事件 |
    /// | data breach | 数据安全事件 (leak or theft: the subcategory is left open) |
    /// | insider misuse | 违规操作事件 (abuse of privileges or a deliberate violation: open) |
    /// | funds theft, account takeover, service disruption, third-party compromise, other | none: each fits several categories (fraud or credential attack; phishing or social engineering; outage or denial of service; supply chain attack or not) |
    pub const fn proposed_for(kind: IncidentKind) -> Option<Self> {
        match kind {
            IncidentKind::Ransomware => Some(Self::of(GbtSubcategory::Ransomware)),
            IncidentKind::DataBreach => Some(Self::category(GbtCategory::DataSecurity)),
            IncidentKind::InsiderMisuse => Some(Self::category(GbtCategory::ViolationOfProcedure)),
            _ => None,
        }
    }
}

/// The GB/T 20986-2023 classification recorded on an incident, with its basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GbtRecord {
    /// The category and subcategory.
    pub classification: GbtClassification,
    /// Why this category.
    pub basis: String,
    /// When it was recorded.
    pub recorded_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_categories_and_every_subcategory_in_one() {
        assert_eq!(GbtCategory::ALL.len(), 10);
        let counts: Vec<usize> = GbtCategory::ALL
            .iter()
            .map(|c| c.subcategories().count())
            .collect();
        assert_eq!(counts, [10, 21, 12, 8, 5, 8, 3, 3, 5, 0]);
        assert_eq!(counts.iter().sum::<usize>(), GbtSubcategory::ALL.len());
        crate::locale::assert_labels_distinct(&GbtCategory::ALL);
        crate::locale::assert_labels_distinct(&GbtSubcategory::ALL);
    }

    #[test]
    fn names_are_snake_case_in_json() {
        for s in GbtSubcategory::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        }
        for c in GbtCategory::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
        let json = serde_json::json!({"category": "data_security"});
        let c: GbtClassification = serde_json::from_value(json).unwrap();
        assert_eq!(c, GbtClassification::category(GbtCategory::DataSecurity));
    }

    #[test]
    fn proposals_are_consistent_and_only_where_unambiguous() {
        for kind in IncidentKind::ALL {
            if let Some(p) = GbtClassification::proposed_for(kind) {
                assert!(p.is_consistent(), "{kind}");
            }
        }
        assert_eq!(
            GbtClassification::proposed_for(IncidentKind::FundsTheft),
            None
        );
        let odd = GbtClassification {
            category: GbtCategory::Malware,
            subcategory: Some(GbtSubcategory::DataLeak),
        };
        assert!(!odd.is_consistent());
    }
}
