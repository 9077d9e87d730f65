//! Sensitivity labels and audience clearances: what may be said to whom.

use std::fmt;

use crate::locale::{tr, Label, Locale};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Audience;

/// How widely a fact may be shared, from least to most sensitive. A message for an
/// audience may carry only facts at or below the audience's clearance
/// ([`Audience::clearance`]); the check runs when a draft is approved and when a message is
/// rendered.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Sensitivity {
    /// Anyone may know it (press, website).
    Public,
    /// Customers and partners may know it.
    Customers,
    /// Only supervisors, law enforcement, the board and investors.
    Restricted,
    /// Only the incident team: indicators of compromise, attacker infrastructure,
    /// unpatched weaknesses, evidence.
    Internal,
}

impl Sensitivity {
    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Customers => "customers",
            Self::Restricted => "restricted",
            Self::Internal => "internal",
        }
    }
}

impl Label for Sensitivity {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::Public => ("公开", "公開", "public"),
            Self::Customers => ("客户可见", "客戶可見", "customers"),
            Self::Restricted => (
                "受限（监管、执法、董事会）",
                "受限（監管、執法、董事會）",
                "restricted (regulators, police, board)",
            ),
            Self::Internal => ("内部", "內部", "internal"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

impl fmt::Display for Sensitivity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Audience {
    /// The most sensitive label a message for this audience may carry. The press and the
    /// public website get public facts only; customers and partners may also get
    /// customer facts; regulators, law enforcement, the board and investors restricted
    /// ones. Internal facts never leave the incident team.
    ///
    /// # Examples
    /// ```
    /// use incident::comms::{Audience, Sensitivity};
    /// assert_eq!(Audience::Media.clearance(), Sensitivity::Public);
    /// assert!(Audience::Regulators.clearance() < Sensitivity::Internal);
    /// ```
    pub fn clearance(self) -> Sensitivity {
        match self {
            Self::Media | Self::AllCustomers => Sensitivity::Public,
            Self::AffectedCustomers | Self::Partners | Self::Employees => Sensitivity::Customers,
            Self::Regulators | Self::LawEnforcement | Self::BoardAndInvestors => {
                Sensitivity::Restricted
            }
        }
    }

    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AffectedCustomers => "affected_customers",
            Self::AllCustomers => "all_customers",
            Self::Regulators => "regulators",
            Self::LawEnforcement => "law_enforcement",
            Self::Media => "media",
            Self::Employees => "employees",
            Self::Partners => "partners",
            Self::BoardAndInvestors => "board_and_investors",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_facts_reach_no_audience_and_the_press_gets_only_public_ones() {
        for a in Audience::ALL {
            assert!(a.clearance() < Sensitivity::Internal, "{a:?}");
            assert_eq!(
                serde_json::to_value(a).unwrap(),
                serde_json::json!(a.as_str())
            );
        }
        assert_eq!(Audience::Media.clearance(), Sensitivity::Public);
        assert_eq!(Audience::AllCustomers.clearance(), Sensitivity::Public);
        assert_eq!(
            Audience::AffectedCustomers.clearance(),
            Sensitivity::Customers
        );
        assert_eq!(Audience::Regulators.clearance(), Sensitivity::Restricted);
        assert!(Sensitivity::Public < Sensitivity::Customers);
        assert!(Sensitivity::Customers < Sensitivity::Restricted);
    }
}
