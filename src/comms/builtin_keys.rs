//! The well-known fact keys: the facts the built-in templates are written against, with
//! the content element each provides and the label a fact gets unless the host says
//! otherwise.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ContentElement, Fact, FactValue, Sensitivity};
use crate::id::FactKey;

/// The shape of a fact's value ([`FactValue`] without its data).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ValueKind {
    /// [`FactValue::Text`]: written per language.
    Text,
    /// [`FactValue::Literal`]: the same in every language.
    Literal,
    /// [`FactValue::Time`]: a moment.
    Time,
    /// [`FactValue::Count`]: a number of people, records, accounts.
    Count,
    /// [`FactValue::Amount`]: money.
    Amount,
    /// [`FactValue::DataCategories`]: categories of data.
    DataCategories,
}

impl FactValue {
    /// The shape of this value.
    pub fn kind(&self) -> ValueKind {
        match self {
            Self::Text { .. } => ValueKind::Text,
            Self::Literal { .. } => ValueKind::Literal,
            Self::Time { .. } => ValueKind::Time,
            Self::Count { .. } => ValueKind::Count,
            Self::Amount { .. } => ValueKind::Amount,
            Self::DataCategories { .. } => ValueKind::DataCategories,
        }
    }
}

/// A fact key every [`TemplateSet`](crate::comms::TemplateSet) knows without being told. Hosts
/// add their own keys (`ioc.c2_address`, `hotline_hours`) with
/// [`TemplateSet::declare_fact_key`](crate::comms::TemplateSet::declare_fact_key).
///
/// The label is only a default, used by [`WellKnownKey::fact`]: the label on the fact in
/// the sheet is what rendering enforces.
///
/// | key | value | default label | element it provides |
/// |---|---|---|---|
/// | `incident_reference` | literal | public | – |
/// | `firm_name` | literal or text | public | – |
/// | `occurred_at` | time | public | [`OccurredAt`](ContentElement::OccurredAt) |
/// | `detected_at` | time | public | – (how it was found is `how_discovered`) |
/// | `how_discovered` | text | customers | [`HowDiscovered`](ContentElement::HowDiscovered) |
/// | `affected_scope` | text | public | [`AffectedScope`](ContentElement::AffectedScope) |
/// | `people_affected` | count | public | [`AffectedScope`](ContentElement::AffectedScope) |
/// | `data_categories` | data categories | public | [`DataCategories`](ContentElement::DataCategories) |
/// | `measures_taken` | text | public | [`MeasuresTaken`](ContentElement::MeasuresTaken) |
/// | `security_improvements` | text | public | [`SecurityImprovements`](ContentElement::SecurityImprovements) |
/// | `what_to_do` | text | public | [`WhatToDo`](ContentElement::WhatToDo) |
/// | `compensation_offer` | text | customers | [`CompensationOffer`](ContentElement::CompensationOffer) |
/// | `contact_points` | text or literal | public | [`ContactPoints`](ContentElement::ContactPoints) |
/// | `next_update_at` | time | public | [`NextUpdateTime`](ContentElement::NextUpdateTime) |
/// | `apology` | text | public | [`Apology`](ContentElement::Apology) |
/// | `root_cause` | text | restricted | – |
/// | `funds_involved` | amount | restricted | – |
///
/// How the incident was found and what is offered in compensation default to customers
/// only: the press gets neither until the firm decides so. The cause and the money involved
/// default to restricted (supervisors, police, board) while the investigation runs.
///
/// # Examples
/// ```
/// use chrono::{TimeZone, Utc};
/// use incident::{ContentElement, FactValue, Sensitivity, WellKnownKey};
///
/// let at = Utc.with_ymd_and_hms(2026, 3, 13, 14, 47, 0).unwrap();
/// let fact = WellKnownKey::OccurredAt.fact(FactValue::Time { at });
/// assert_eq!(fact.key.as_str(), "occurred_at");
/// assert_eq!(fact.sensitivity, Sensitivity::Public);
/// assert_eq!(fact.element, Some(ContentElement::OccurredAt));
/// assert_eq!(WellKnownKey::from_key("root_cause"), Some(WellKnownKey::RootCause));
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WellKnownKey {
    /// `incident_reference`: the reference customers quote when they call.
    IncidentReference,
    /// `firm_name`: who is speaking.
    FirmName,
    /// `occurred_at`: when the incident happened (or began).
    OccurredAt,
    /// `detected_at`: when the firm found out.
    DetectedAt,
    /// `how_discovered`: how the firm found out.
    HowDiscovered,
    /// `affected_scope`: who and what is affected, in words.
    AffectedScope,
    /// `people_affected`: how many people are affected.
    PeopleAffected,
    /// `data_categories`: which kinds of data were exposed.
    DataCategories,
    /// `measures_taken`: what the firm has done.
    MeasuresTaken,
    /// `security_improvements`: what changes so it does not happen again.
    SecurityImprovements,
    /// `what_to_do`: what the recipient should do now.
    WhatToDo,
    /// `compensation_offer`: what the firm offers affected customers.
    CompensationOffer,
    /// `contact_points`: hotline, chat, e-mail.
    ContactPoints,
    /// `next_update_at`: when the next update will come.
    NextUpdateAt,
    /// `apology`: the firm's apology.
    Apology,
    /// `root_cause`: the cause as far as it is known.
    RootCause,
    /// `funds_involved`: the money stolen or at risk.
    FundsInvolved,
}

impl WellKnownKey {
    /// Every well-known key, in the order of the table above.
    pub const ALL: [WellKnownKey; 17] = [
        Self::IncidentReference,
        Self::FirmName,
        Self::OccurredAt,
        Self::DetectedAt,
        Self::HowDiscovered,
        Self::AffectedScope,
        Self::PeopleAffected,
        Self::DataCategories,
        Self::MeasuresTaken,
        Self::SecurityImprovements,
        Self::WhatToDo,
        Self::CompensationOffer,
        Self::ContactPoints,
        Self::NextUpdateAt,
        Self::Apology,
        Self::RootCause,
        Self::FundsInvolved,
    ];

    /// The key as templates write it, e.g. `occurred_at`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::IncidentReference => "incident_reference",
            Self::FirmName => "firm_name",
            Self::OccurredAt => "occurred_at",
            Self::DetectedAt => "detected_at",
            Self::HowDiscovered => "how_discovered",
            Self::AffectedScope => "affected_scope",
            Self::PeopleAffected => "people_affected",
            Self::DataCategories => "data_categories",
            Self::MeasuresTaken => "measures_taken",
            Self::SecurityImprovements => "security_improvements",
            Self::WhatToDo => "what_to_do",
            Self::CompensationOffer => "compensation_offer",
            Self::ContactPoints => "contact_points",
            Self::NextUpdateAt => "next_update_at",
            Self::Apology => "apology",
            Self::RootCause => "root_cause",
            Self::FundsInvolved => "funds_involved",
        }
    }

    /// The well-known key spelled `key`, if any.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == key)
    }

    /// The key as a [`FactKey`].
    pub fn key(self) -> FactKey {
        FactKey::from_static(self.as_str())
    }

    /// The required content element a placeholder for this key provides.
    pub const fn element(self) -> Option<ContentElement> {
        match self {
            Self::OccurredAt => Some(ContentElement::OccurredAt),
            Self::HowDiscovered => Some(ContentElement::HowDiscovered),
            Self::AffectedScope | Self::PeopleAffected => Some(ContentElement::AffectedScope),
            Self::DataCategories => Some(ContentElement::DataCategories),
            Self::MeasuresTaken => Some(ContentElement::MeasuresTaken),
            Self::SecurityImprovements => Some(ContentElement::SecurityImprovements),
            Self::WhatToDo => Some(ContentElement::WhatToDo),
            Self::CompensationOffer => Some(ContentElement::CompensationOffer),
            Self::ContactPoints => Some(ContentElement::ContactPoints),
            Self::NextUpdateAt => Some(ContentElement::NextUpdateTime),
            Self::Apology => Some(ContentElement::Apology),
            Self::IncidentReference
            | Self::FirmName
            | Self::DetectedAt
            | Self::RootCause
            | Self::FundsInvolved => None,
        }
    }

    /// The label a fact with this key gets from [`WellKnownKey::fact`].
    pub const fn sensitivity(self) -> Sensitivity {
        match self {
            Self::HowDiscovered | Self::CompensationOffer => Sensitivity::Customers,
            Self::RootCause | Self::FundsInvolved => Sensitivity::Restricted,
            _ => Sensitivity::Public,
        }
    }

    /// The value shapes the built-in templates are written for (the first is the usual
    /// one). Any shape renders; another may read oddly in the built-in wording.
    pub const fn value_kinds(self) -> &'static [ValueKind] {
        match self {
            Self::IncidentReference => &[ValueKind::Literal],
            Self::FirmName => &[ValueKind::Literal, ValueKind::Text],
            Self::OccurredAt | Self::DetectedAt | Self::NextUpdateAt => &[ValueKind::Time],
            Self::PeopleAffected => &[ValueKind::Count],
            Self::DataCategories => &[ValueKind::DataCategories],
            Self::FundsInvolved => &[ValueKind::Amount],
            Self::ContactPoints => &[ValueKind::Text, ValueKind::Literal],
            Self::HowDiscovered
            | Self::AffectedScope
            | Self::MeasuresTaken
            | Self::SecurityImprovements
            | Self::WhatToDo
            | Self::CompensationOffer
            | Self::Apology
            | Self::RootCause => &[ValueKind::Text],
        }
    }

    /// A fact with this key, its default label and element.
    pub fn fact(self, value: FactValue) -> Fact {
        Fact {
            key: self.key(),
            value,
            sensitivity: self.sensitivity(),
            element: self.element(),
        }
    }
}

impl fmt::Display for WellKnownKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_valid_unique_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for k in WellKnownKey::ALL {
            assert!(seen.insert(k.as_str()), "{k}");
            assert_eq!(FactKey::new(k.as_str()).unwrap(), k.key());
            assert_eq!(WellKnownKey::from_key(k.as_str()), Some(k));
            assert_eq!(
                serde_json::to_value(k).unwrap(),
                serde_json::json!(k.as_str())
            );
            assert!(!k.value_kinds().is_empty());
        }
        assert_eq!(WellKnownKey::from_key("ioc.c2_address"), None);
    }

    #[test]
    fn every_content_element_has_a_key_that_provides_it() {
        use ContentElement::*;
        for e in [
            OccurredAt,
            HowDiscovered,
            AffectedScope,
            DataCategories,
            MeasuresTaken,
            SecurityImprovements,
            WhatToDo,
            CompensationOffer,
            ContactPoints,
            NextUpdateTime,
            Apology,
        ] {
            assert!(
                WellKnownKey::ALL.iter().any(|k| k.element() == Some(e)),
                "{e}"
            );
        }
    }
}
