use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{AssetKind, DataCategory, Jurisdiction, Loss};
use crate::{id::SystemName, Money};

/// How many people are affected. Estimates and confirmed counts are kept apart because
/// regulators ask for both and because an estimate must never be reported as a fact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PeopleAffected {
    /// The current estimate, `null` while nobody has estimated.
    pub estimated: Option<u64>,
    /// The number confirmed individually, `null` while not yet counted.
    pub confirmed: Option<u64>,
}

impl PeopleAffected {
    /// The larger of the confirmed count and the estimate: the figure to plan for.
    pub fn best_estimate(&self) -> Option<u64> {
        match (self.estimated, self.confirmed) {
            (Some(e), Some(c)) => Some(e.max(c)),
            (e, c) => e.or(c),
        }
    }
}

/// The facts about an incident's scope. They feed the default severity rule, regulatory
/// applicability and customer notices; each is updated as the investigation learns more.
/// Every field may be left out of the JSON (nothing known yet).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Impact {
    /// People affected, estimated and confirmed.
    pub people: PeopleAffected,
    /// Records exposed, when known.
    pub records: Option<u64>,
    /// Categories of data exposed.
    pub data_categories: BTreeSet<DataCategory>,
    /// Funds stolen or put at risk, when any.
    pub funds_involved: Option<Money>,
    /// Systems affected.
    pub systems: BTreeSet<SystemName>,
    /// The kinds of asset affected (what sort of thing the systems and targets are). Left
    /// out of the JSON when empty, so events stored before it existed keep their digests.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub assets: BTreeSet<AssetKind>,
    /// Where affected people or entities are.
    pub jurisdictions: BTreeSet<Jurisdiction>,
    /// Losses by VERIS variety.
    pub losses: Vec<Loss>,
    /// People affected per jurisdiction of residence, where known: ISO 3166-2 codes for
    /// States and other subdivisions (`US-CA`, `US-PR`), country codes for residents
    /// abroad. Thresholds that count residents of one State (HIPAA media notice, 45 CFR
    /// 164.406) read these, never the total.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub people_by_jurisdiction: BTreeMap<Jurisdiction, u64>,
}

impl Impact {
    /// Applies an update: every field the update sets replaces the current value.
    pub fn apply(&mut self, update: &ImpactUpdate) {
        if let Some(v) = update.people_estimated {
            self.people.estimated = Some(v);
        }
        if let Some(v) = update.people_confirmed {
            self.people.confirmed = Some(v);
        }
        if let Some(v) = update.records {
            self.records = Some(v);
        }
        if let Some(v) = &update.data_categories {
            self.data_categories.clone_from(v);
        }
        if let Some(v) = &update.funds_involved {
            self.funds_involved = Some(*v);
        }
        if let Some(v) = &update.systems {
            self.systems.clone_from(v);
        }
        if let Some(v) = &update.assets {
            self.assets.clone_from(v);
        }
        if let Some(v) = &update.jurisdictions {
            self.jurisdictions.clone_from(v);
        }
        if let Some(v) = &update.losses {
            self.losses.clone_from(v);
        }
        if let Some(v) = &update.people_by_jurisdiction {
            self.people_by_jurisdiction.clone_from(v);
        }
    }
}

/// A change to the impact facts. Fields left `null` stay as they are; set fields replace the
/// current value (sets are replaced whole, so removing a category is possible).
///
/// # Examples
/// ```
/// use incident::classify::{DataCategory, ImpactUpdate};
/// let update = ImpactUpdate::default()
///     .people_confirmed(12_034)
///     .data_categories([DataCategory::ContactDetails, DataCategory::IdentityDocument]);
/// assert!(!update.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ImpactUpdate {
    /// New estimate of people affected.
    pub people_estimated: Option<u64>,
    /// New confirmed count of people affected.
    pub people_confirmed: Option<u64>,
    /// New count of records exposed.
    pub records: Option<u64>,
    /// The full new set of data categories exposed.
    pub data_categories: Option<BTreeSet<DataCategory>>,
    /// Funds stolen or put at risk.
    pub funds_involved: Option<Money>,
    /// The full new set of affected systems.
    pub systems: Option<BTreeSet<SystemName>>,
    /// The full new set of affected asset kinds (left out of the JSON when `null`, so
    /// events stored before it existed keep their digests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assets: Option<BTreeSet<AssetKind>>,
    /// The full new set of jurisdictions.
    pub jurisdictions: Option<BTreeSet<Jurisdiction>>,
    /// The full new list of losses.
    pub losses: Option<Vec<Loss>>,
    /// The full new table of people affected per jurisdiction of residence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people_by_jurisdiction: Option<BTreeMap<Jurisdiction, u64>>,
}

impl ImpactUpdate {
    /// Whether the update changes nothing (such an update is rejected).
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// Sets the estimate of people affected.
    #[must_use]
    pub fn people_estimated(mut self, n: u64) -> Self {
        self.people_estimated = Some(n);
        self
    }

    /// Sets the confirmed count of people affected.
    #[must_use]
    pub fn people_confirmed(mut self, n: u64) -> Self {
        self.people_confirmed = Some(n);
        self
    }

    /// Sets the number of records exposed.
    #[must_use]
    pub fn records(mut self, n: u64) -> Self {
        self.records = Some(n);
        self
    }

    /// Replaces the set of data categories exposed.
    #[must_use]
    pub fn data_categories(mut self, c: impl IntoIterator<Item = DataCategory>) -> Self {
        self.data_categories = Some(c.into_iter().collect());
        self
    }

    /// Sets the funds stolen or put at risk.
    #[must_use]
    pub fn funds_involved(mut self, m: Money) -> Self {
        self.funds_involved = Some(m);
        self
    }

    /// Replaces the set of affected systems.
    #[must_use]
    pub fn systems(mut self, s: impl IntoIterator<Item = SystemName>) -> Self {
        self.systems = Some(s.into_iter().collect());
        self
    }

    /// Replaces the set of affected asset kinds.
    #[must_use]
    pub fn assets(mut self, a: impl IntoIterator<Item = AssetKind>) -> Self {
        self.assets = Some(a.into_iter().collect());
        self
    }

    /// Replaces the set of jurisdictions.
    #[must_use]
    pub fn jurisdictions(mut self, j: impl IntoIterator<Item = Jurisdiction>) -> Self {
        self.jurisdictions = Some(j.into_iter().collect());
        self
    }

    /// Replaces the table of people affected per jurisdiction of residence.
    #[must_use]
    pub fn people_by_jurisdiction(
        mut self,
        counts: impl IntoIterator<Item = (Jurisdiction, u64)>,
    ) -> Self {
        self.people_by_jurisdiction = Some(counts.into_iter().collect());
        self
    }

    /// Replaces the list of losses.
    #[must_use]
    pub fn losses(mut self, l: impl IntoIterator<Item = Loss>) -> Self {
        self.losses = Some(l.into_iter().collect());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_replaces_only_set_fields() {
        let mut impact = Impact::default();
        impact.apply(&ImpactUpdate::default().people_estimated(500).records(900));
        impact.apply(&ImpactUpdate::default().people_confirmed(320));
        assert_eq!(impact.people.estimated, Some(500));
        assert_eq!(impact.people.confirmed, Some(320));
        assert_eq!(impact.records, Some(900));
        assert_eq!(impact.people.best_estimate(), Some(500));
        impact.apply(&ImpactUpdate::default().data_categories([DataCategory::Credentials]));
        impact.apply(&ImpactUpdate::default().data_categories([DataCategory::Health]));
        assert_eq!(
            impact.data_categories.iter().copied().collect::<Vec<_>>(),
            vec![DataCategory::Health]
        );
        assert!(ImpactUpdate::default().is_empty());
        assert!(!ImpactUpdate::default().records(0).is_empty());
    }

    #[test]
    fn best_estimate_prefers_the_larger_figure() {
        let p = |estimated, confirmed| PeopleAffected {
            estimated,
            confirmed,
        };
        assert_eq!(p(None, None).best_estimate(), None);
        assert_eq!(p(Some(10), None).best_estimate(), Some(10));
        assert_eq!(p(None, Some(7)).best_estimate(), Some(7));
        assert_eq!(p(Some(10), Some(70)).best_estimate(), Some(70));
    }
}
