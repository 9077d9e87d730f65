use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Impact;
use crate::IncidentKind;

/// How bad the incident is, SEV1 (worst) to SEV4. Drives escalation, staffing and the
/// cadence of updates. `Ord` follows declaration order, so `Sev1 < Sev4`: sorting puts the
/// worst first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Critical: mass customer impact, sensitive data or funds at scale.
    Sev1,
    /// High: significant customer impact or any theft of funds, ransomware or takeover.
    Sev2,
    /// Moderate: limited customer impact or data exposure.
    Sev3,
    /// Low: no known customer impact.
    Sev4,
}

impl Severity {
    /// Whether `self` is worse than `other`.
    pub fn is_worse_than(self, other: Severity) -> bool {
        self < other
    }

    /// `SEV1` … `SEV4`.
    pub const fn label(self) -> &'static str {
        match self {
            Self::Sev1 => "SEV1",
            Self::Sev2 => "SEV2",
            Self::Sev3 => "SEV3",
            Self::Sev4 => "SEV4",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The default rule's verdict and the clause that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SeverityAssessment {
    /// The severity the rule gives.
    pub severity: Severity,
    /// The clause that matched, in words.
    pub reason: String,
}

/// People affected at or above which an incident is SEV1 whatever was exposed.
const SEV1_PEOPLE: u64 = 100_000;
/// People affected at or above which sensitive data or funds make an incident SEV1, and
/// at or above which any incident is SEV2.
const SEV1_SENSITIVE_PEOPLE: u64 = 10_000;
/// People affected at or above which sensitive data or funds make an incident SEV2.
const SEV2_SENSITIVE_PEOPLE: u64 = 100;

/// The documented default severity rule. The first clause that matches decides:
///
/// | severity | when |
/// |---|---|
/// | SEV1 | ≥ 100,000 people affected; or ≥ 10,000 people and sensitive data ([`DataCategory::is_sensitive`](crate::classify::DataCategory::is_sensitive)) or funds involved |
/// | SEV2 | ≥ 10,000 people; or ≥ 100 people and sensitive data or funds; or the kind is funds theft, ransomware or account takeover |
/// | SEV3 | any person, data category or system affected; or the kind is a data breach, insider misuse or third-party compromise |
/// | SEV4 | otherwise (no known customer impact) |
///
/// "People" is the larger of the confirmed count and the estimate. "Funds involved" means a
/// positive amount recorded in [`Impact::funds_involved`] or an incident of kind funds theft.
/// Hosts may declare a worse severity freely, and a milder one only with a reason; later
/// changes always need a reason.
///
/// # Examples
/// ```
/// use incident::classify::{assess_severity, DataCategory, Impact};
/// use incident::{IncidentKind, Severity};
/// let mut impact = Impact::default();
/// impact.people.estimated = Some(25_000);
/// impact.data_categories.insert(DataCategory::IdentityDocument);
/// let a = assess_severity(IncidentKind::DataBreach, &impact);
/// assert_eq!(a.severity, Severity::Sev1);
/// ```
pub fn assess_severity(kind: IncidentKind, impact: &Impact) -> SeverityAssessment {
    let people = impact.people.best_estimate().unwrap_or(0);
    let sensitive: Vec<&str> = impact
        .data_categories
        .iter()
        .filter(|c| c.is_sensitive())
        .map(|c| c.veris())
        .collect();
    let funds =
        kind == IncidentKind::FundsTheft || impact.funds_involved.is_some_and(|m| m.is_positive());
    let what = match (sensitive.is_empty(), funds) {
        (false, true) => "sensitive data and funds involved",
        (false, false) => "sensitive data exposed",
        (true, true) => "funds involved",
        (true, false) => "",
    };
    let grave = !what.is_empty();
    let (severity, reason) = if people >= SEV1_PEOPLE {
        (
            Severity::Sev1,
            format!("{people} people affected (≥ {SEV1_PEOPLE})"),
        )
    } else if grave && people >= SEV1_SENSITIVE_PEOPLE {
        (
            Severity::Sev1,
            format!("{what} and {people} people affected (≥ {SEV1_SENSITIVE_PEOPLE})"),
        )
    } else if people >= SEV1_SENSITIVE_PEOPLE {
        (
            Severity::Sev2,
            format!("{people} people affected (≥ {SEV1_SENSITIVE_PEOPLE})"),
        )
    } else if grave && people >= SEV2_SENSITIVE_PEOPLE {
        (
            Severity::Sev2,
            format!("{what} and {people} people affected (≥ {SEV2_SENSITIVE_PEOPLE})"),
        )
    } else if matches!(
        kind,
        IncidentKind::FundsTheft | IncidentKind::Ransomware | IncidentKind::AccountTakeover
    ) {
        (Severity::Sev2, format!("incident kind is {kind}"))
    } else if people > 0 || !impact.data_categories.is_empty() || !impact.systems.is_empty() {
        (
            Severity::Sev3,
            "limited people, data or systems affected".to_owned(),
        )
    } else if matches!(
        kind,
        IncidentKind::DataBreach | IncidentKind::InsiderMisuse | IncidentKind::ThirdPartyCompromise
    ) {
        (Severity::Sev3, format!("incident kind is {kind}"))
    } else {
        (Severity::Sev4, "no known customer impact".to_owned())
    };
    SeverityAssessment { severity, reason }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{classify::DataCategory, id::SystemName, Currency, Money};

    fn impact(people: u64, sensitive: bool) -> Impact {
        let mut i = Impact::default();
        if people > 0 {
            i.people.estimated = Some(people);
        }
        if sensitive {
            i.data_categories.insert(DataCategory::PaymentCard);
        }
        i
    }

    #[test]
    fn every_clause_at_its_boundary() {
        use IncidentKind::*;
        use Severity::*;
        let cases = [
            (DataBreach, impact(100_000, false), Sev1),
            (DataBreach, impact(99_999, false), Sev2),
            (DataBreach, impact(10_000, true), Sev1),
            (DataBreach, impact(9_999, true), Sev2),
            (DataBreach, impact(10_000, false), Sev2),
            (DataBreach, impact(100, true), Sev2),
            (DataBreach, impact(99, true), Sev3),
            (DataBreach, impact(99, false), Sev3),
            (FundsTheft, impact(10_000, false), Sev1),
            (FundsTheft, impact(0, false), Sev2),
            (Ransomware, impact(0, false), Sev2),
            (AccountTakeover, impact(0, false), Sev2),
            (ServiceDisruption, impact(0, false), Sev4),
            (ServiceDisruption, impact(1, false), Sev3),
            (DataBreach, impact(0, false), Sev3),
            (Other, impact(0, false), Sev4),
        ];
        for (kind, facts, want) in cases {
            let got = assess_severity(kind, &facts);
            assert_eq!(got.severity, want, "{kind:?} {facts:?}: {}", got.reason);
        }
    }

    #[test]
    fn funds_and_systems_count() {
        let mut i = impact(150, false);
        assert_eq!(
            assess_severity(IncidentKind::DataBreach, &i).severity,
            Severity::Sev3
        );
        i.funds_involved = Some(Money::from_minor(1, Currency::CNY));
        let a = assess_severity(IncidentKind::DataBreach, &i);
        assert_eq!(a.severity, Severity::Sev2);
        assert_eq!(a.reason, "funds involved and 150 people affected (≥ 100)");
        i.funds_involved = Some(Money::from_minor(0, Currency::CNY));
        assert_eq!(
            assess_severity(IncidentKind::DataBreach, &i).severity,
            Severity::Sev3
        );
        let mut s = Impact::default();
        s.systems.insert(SystemName::new("gateway").unwrap());
        assert_eq!(
            assess_severity(IncidentKind::Other, &s).severity,
            Severity::Sev3
        );
    }

    #[test]
    fn ordering_puts_worst_first() {
        assert!(Severity::Sev1.is_worse_than(Severity::Sev2));
        assert!(!Severity::Sev3.is_worse_than(Severity::Sev3));
        assert_eq!(Severity::Sev2.to_string(), "SEV2");
    }
}
