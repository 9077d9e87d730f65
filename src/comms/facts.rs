//! The facts messages are made of, each with a sensitivity label, and the sheet that holds
//! them for rendering and for the clearance check.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Audience, ContentElement, Sensitivity};
use crate::locale::Locale;
use crate::locale::Zone;
use crate::{classify::DataCategory, id::FactKey, Money};

/// The value of a fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum FactValue {
    /// Text written per language (what was done, what to do). Rendering in a locale the
    /// fact lacks is an error, never a silent switch of language.
    Text {
        /// The text by locale.
        by_locale: BTreeMap<Locale, String>,
    },
    /// Language-neutral text: a phone number, a URL, a reference code.
    Literal {
        /// The text.
        value: String,
    },
    /// A moment, rendered in the audience's zone and locale.
    Time {
        /// When.
        at: DateTime<Utc>,
    },
    /// A count, e.g. people affected.
    Count {
        /// How many.
        n: u64,
    },
    /// An amount of money.
    Amount {
        /// How much.
        money: Money,
    },
    /// Categories of data, rendered by name in the locale.
    DataCategories {
        /// The categories.
        categories: BTreeSet<DataCategory>,
    },
}

impl FactValue {
    /// Text in one language.
    pub fn text(locale: Locale, text: impl Into<String>) -> Self {
        let mut by_locale = BTreeMap::new();
        by_locale.insert(locale, text.into());
        Self::Text { by_locale }
    }

    /// Adds a translation to a text value (no effect on other values).
    #[must_use]
    pub fn and(mut self, locale: Locale, text: impl Into<String>) -> Self {
        if let Self::Text { by_locale } = &mut self {
            by_locale.insert(locale, text.into());
        }
        self
    }

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

    /// The value as a reader in `locale` and `zone` sees it, or `None` when a
    /// [`FactValue::Text`] has no text in `locale`: a notice never switches language
    /// silently. Literals come out as they are; everything else is written by the
    /// [`locale`](crate::locale) module:
    ///
    /// | value | zh-CN | en | by |
    /// |---|---|---|---|
    /// | time (Asia/Shanghai) | `2026年3月14日09:30（北京时间）` | `14 March 2026, 09:30 Beijing time (UTC+8)` | [`Locale::format_time`] |
    /// | count | `12,480` | `12,480` | [`Locale::format_count`] |
    /// | amount | `3,860,000.00元` | `CNY 3,860,000.00` | [`Locale::format_money`] |
    /// | data categories | `联系方式、身份证件信息` | `contact details and identity document numbers` | [`Locale::data_category_name`], as a list |
    ///
    /// # Examples
    /// ```
    /// use incident::comms::FactValue;
    /// use incident::locale::{Locale, Zone};
    /// let v = FactValue::text(Locale::En, "We reset all passwords.");
    /// assert_eq!(v.localized(Locale::En, Zone::UTC).as_deref(), Some("We reset all passwords."));
    /// assert_eq!(v.localized(Locale::ZhCn, Zone::UTC), None);
    /// assert_eq!(FactValue::Count { n: 1_200_000 }.localized(Locale::ZhCn, Zone::UTC).as_deref(), Some("1,200,000"));
    /// ```
    pub fn localized(&self, locale: Locale, zone: Zone) -> Option<Cow<'_, str>> {
        Some(match self {
            Self::Text { by_locale } => Cow::Borrowed(by_locale.get(&locale)?.as_str()),
            Self::Literal { value } => Cow::Borrowed(value.as_str()),
            Self::Time { at } => Cow::Owned(locale.format_time(*at, zone)),
            Self::Count { n } => Cow::Owned(locale.format_count(*n)),
            Self::Amount { money } => Cow::Owned(locale.format_money(*money)),
            Self::DataCategories { categories } => Cow::Owned(
                locale.join_list(categories.iter().map(|c| locale.data_category_name(*c))),
            ),
        })
    }
}

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

/// A fact a message may carry: its value, its sensitivity and, when it supplies one, the
/// required content element it provides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// The key templates use.
    pub key: FactKey,
    /// The value.
    pub value: FactValue,
    /// Who may see it.
    pub sensitivity: Sensitivity,
    /// The content element it provides, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub element: Option<ContentElement>,
}

impl Fact {
    /// What an approval binds of this fact: its label and the SHA-256 of its value's
    /// canonical JSON. A later value or label that differs gives another seal, which makes
    /// the approval stale.
    ///
    /// # Errors
    /// [`CanonicalError`](crate::chain::CanonicalError) if the value holds a non-integer
    /// number, which no fact value does.
    pub fn seal(&self) -> Result<FactSeal, crate::chain::CanonicalError> {
        let mut bytes = Vec::with_capacity(128);
        crate::chain::canonical_ser::encode(&self.value, &mut bytes)?;
        Ok(FactSeal {
            sensitivity: self.sensitivity,
            value: crate::chain::Digest::of(&bytes),
        })
    }
}

/// A fact as an approval saw it: its label and the digest of its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactSeal {
    /// The label at approval.
    pub sensitivity: Sensitivity,
    /// SHA-256 of the canonical JSON of the value at approval.
    pub value: crate::chain::Digest,
}

/// A fact above an audience's clearance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, thiserror::Error)]
#[error("fact `{fact}` is {sensitivity} and may not go to {audience} (clearance: {clearance}): leave it out or relabel it")]
#[serde(deny_unknown_fields)]
pub struct ClearanceViolation {
    /// The fact.
    pub fact: FactKey,
    /// Its label.
    pub sensitivity: Sensitivity,
    /// The audience.
    pub audience: Audience,
    /// The audience's clearance.
    pub clearance: Sensitivity,
}

impl fmt::Display for Audience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The facts available to messages, by key.
///
/// This is one of the crate's two fact vocabularies, on purpose. A message fact is
/// *words for readers*: a labelled value (text per language, a time, an amount) that a
/// template prints and the clearance check filters by audience; the team writes it and
/// may relabel it. The regulatory clocks read [`IncidentFacts`](crate::regulation::IncidentFacts)
/// instead: *typed inputs to rules* (counts per jurisdiction, data categories, recorded
/// determinations and milestones), never localised and never labelled. Where both need the
/// same thing (people affected, data categories), each is derived from the one record in
/// the incident, so they cannot disagree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct FactSheet {
    facts: BTreeMap<FactKey, Fact>,
}

impl FactSheet {
    /// An empty sheet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds or replaces a fact.
    pub fn insert(&mut self, fact: Fact) -> Option<Fact> {
        self.facts.insert(fact.key.clone(), fact)
    }

    /// The fact with this key.
    pub fn get(&self, key: &FactKey) -> Option<&Fact> {
        self.facts.get(key)
    }

    /// The fact with this key, by its text.
    pub fn get_str(&self, key: &str) -> Option<&Fact> {
        self.facts
            .iter()
            .find(|(k, _)| k.as_str() == key)
            .map(|(_, f)| f)
    }

    /// Every fact, by key.
    pub fn iter(&self) -> impl Iterator<Item = &Fact> + '_ {
        self.facts.values()
    }

    /// How many facts.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// Whether the sheet is empty.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// The content elements the facts with these keys provide.
    pub fn elements<'a>(
        &self,
        keys: impl IntoIterator<Item = &'a FactKey>,
    ) -> BTreeSet<ContentElement> {
        keys.into_iter()
            .filter_map(|k| self.facts.get(k).and_then(|f| f.element))
            .collect()
    }

    /// The facts `audience` may see ([`Audience::clearance`]): what a public page or feed
    /// is built from, so nothing above the clearance is even in its input.
    ///
    /// # Examples
    /// ```
    /// use incident::comms::{Audience, Fact, FactSheet, FactValue, Sensitivity};
    /// use incident::id::FactKey;
    /// let sheet: FactSheet = [Fact {
    ///     key: FactKey::new("ioc.c2_address")?,
    ///     value: FactValue::Literal { value: "203.0.113.7".into() },
    ///     sensitivity: Sensitivity::Internal,
    ///     element: None,
    /// }]
    /// .into_iter()
    /// .collect();
    /// assert!(sheet.cleared_for(Audience::Media).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cleared_for(&self, audience: Audience) -> FactSheet {
        let clearance = audience.clearance();
        self.facts
            .values()
            .filter(|f| f.sensitivity <= clearance)
            .cloned()
            .collect()
    }

    /// Every fact among `keys` above `audience`'s clearance (unknown keys are not
    /// violations; the caller reports them separately).
    pub fn violations<'a>(
        &self,
        audience: Audience,
        keys: impl IntoIterator<Item = &'a FactKey>,
    ) -> Vec<ClearanceViolation> {
        let clearance = audience.clearance();
        keys.into_iter()
            .filter_map(|k| self.facts.get(k))
            .filter(|f| f.sensitivity > clearance)
            .map(|f| ClearanceViolation {
                fact: f.key.clone(),
                sensitivity: f.sensitivity,
                audience,
                clearance,
            })
            .collect()
    }
}

impl FromIterator<Fact> for FactSheet {
    fn from_iter<T: IntoIterator<Item = Fact>>(iter: T) -> Self {
        let mut sheet = Self::new();
        for fact in iter {
            sheet.insert(fact);
        }
        sheet
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> FactKey {
        FactKey::new(s).unwrap()
    }

    #[test]
    fn an_internal_indicator_never_clears_for_the_press() {
        let sheet: FactSheet = [
            Fact {
                key: key("ioc.c2_address"),
                value: FactValue::Literal {
                    value: "203.0.113.7".into(),
                },
                sensitivity: Sensitivity::Internal,
                element: None,
            },
            Fact {
                key: key("occurred_at"),
                value: FactValue::Time {
                    at: DateTime::from_timestamp(1_773_000_000, 0).unwrap(),
                },
                sensitivity: Sensitivity::Public,
                element: Some(ContentElement::OccurredAt),
            },
        ]
        .into_iter()
        .collect();
        let keys = [key("occurred_at"), key("ioc.c2_address"), key("unknown")];
        let v = sheet.violations(Audience::Media, &keys);
        assert_eq!(v.len(), 1);
        assert_eq!(
            v[0].to_string(),
            "fact `ioc.c2_address` is internal and may not go to media (clearance: public): leave it out or relabel it"
        );
        assert_eq!(sheet.violations(Audience::Regulators, &keys).len(), 1);
        assert!(sheet.violations(Audience::Media, &keys[..1]).is_empty());
        assert_eq!(
            sheet.elements(&keys),
            [ContentElement::OccurredAt].into_iter().collect()
        );
        let json = serde_json::to_string(&sheet).unwrap();
        assert_eq!(serde_json::from_str::<FactSheet>(&json).unwrap(), sheet);
    }

    #[test]
    fn text_values_collect_translations() {
        let v =
            FactValue::text(Locale::En, "We reset passwords").and(Locale::ZhCn, "我们已重置密码");
        let FactValue::Text { by_locale } = &v else {
            panic!()
        };
        assert_eq!(by_locale.len(), 2);
        assert_eq!(v.kind(), ValueKind::Text);
    }

    #[test]
    fn values_render_per_locale() {
        let cats = FactValue::DataCategories {
            categories: [
                DataCategory::ContactDetails,
                DataCategory::IdentityDocument,
                DataCategory::BasicIdentity,
            ]
            .into_iter()
            .collect(),
        };
        let z = Zone::UTC;
        assert_eq!(
            cats.localized(Locale::ZhCn, z).unwrap(),
            "姓名等基本身份信息、身份证件信息、联系方式"
        );
        assert_eq!(
            cats.localized(Locale::En, z).unwrap(),
            "basic identity details (name, date of birth), identity document numbers and contact details"
        );
        let none = FactValue::DataCategories {
            categories: Default::default(),
        };
        assert_eq!(none.localized(Locale::ZhCn, z).unwrap(), "无");
        assert_eq!(none.localized(Locale::En, z).unwrap(), "none");
        assert_eq!(
            FactValue::Count { n: 12_480 }
                .localized(Locale::ZhCn, z)
                .unwrap(),
            "12,480"
        );
        let at = DateTime::from_timestamp(1_773_451_800, 0).unwrap();
        assert_eq!(
            FactValue::Time { at }
                .localized(Locale::ZhCn, Zone::SHANGHAI)
                .unwrap(),
            "2026年3月14日09:30（北京时间）"
        );
        let money = Money::from_major(3_860_000, crate::Currency::CNY).unwrap();
        assert_eq!(
            FactValue::Amount { money }
                .localized(Locale::En, z)
                .unwrap(),
            "CNY 3,860,000.00"
        );
        assert_eq!(
            FactValue::Literal {
                value: "400-820-8820".into()
            }
            .localized(Locale::ZhCn, z)
            .unwrap(),
            "400-820-8820"
        );
    }
}
