//! The business calendars a host has loaded, by id.

use std::borrow::Cow;
use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

use super::{BusinessCalendar, CalendarError};
use crate::id::CalendarId;

/// The business calendars a host has loaded, by id. Starts from the built-ins
/// ([`Calendars::builtin`]) or empty; a host overrides a built-in by inserting a calendar
/// with the same id (e.g. `cn` extended with next year's schedule). Serialized as an array
/// of calendars.
///
/// # Examples
/// ```
/// use incident::{id::CalendarId, regulation::Calendars};
///
/// let calendars = Calendars::builtin();
/// let sec = calendars.get(&CalendarId::new("us-sec")?)?;
/// assert_eq!(sec.time_zone().name(), "America/New_York");
/// let err = calendars.get(&CalendarId::new("uk")?).unwrap_err();
/// assert!(err.to_string().contains("cn, de, de-he, fr, hk, ie, lu, nl, sg, us-federal, us-sec"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<BusinessCalendar>", into = "Vec<BusinessCalendar>")]
pub struct Calendars {
    by_id: BTreeMap<CalendarId, BusinessCalendar>,
}

impl Calendars {
    /// No calendars.
    pub fn new() -> Self {
        Self::default()
    }

    /// The built-in calendars: mainland China ([`BusinessCalendar::prc`], `cn`), the US
    /// ([`BusinessCalendar::us_federal`], [`BusinessCalendar::us_sec`]), Hong Kong
    /// ([`BusinessCalendar::hong_kong`], `hk`), Singapore ([`BusinessCalendar::singapore`],
    /// `sg`) and the EU Member States a DORA or NIS2 report most often goes to
    /// ([`BusinessCalendar::germany`] `de`, [`BusinessCalendar::germany_hesse`] `de-he`,
    /// [`BusinessCalendar::france`] `fr`, [`BusinessCalendar::ireland`] `ie`,
    /// [`BusinessCalendar::luxembourg`] `lu`, [`BusinessCalendar::netherlands`] `nl`). Each
    /// names its source and where its coverage ends; other calendars are loaded as data
    /// ([`Calendars::insert`], or a JSON array of [`CalendarSpec`](crate::regulation::CalendarSpec)s).
    pub fn builtin() -> Self {
        [
            BusinessCalendar::prc(),
            BusinessCalendar::us_federal(),
            BusinessCalendar::us_sec(),
            BusinessCalendar::hong_kong(),
            BusinessCalendar::singapore(),
            BusinessCalendar::germany(),
            BusinessCalendar::germany_hesse(),
            BusinessCalendar::france(),
            BusinessCalendar::ireland(),
            BusinessCalendar::luxembourg(),
            BusinessCalendar::netherlands(),
        ]
        .into_iter()
        .collect()
    }

    /// The calendar with this id.
    ///
    /// # Errors
    /// [`CalendarError::Unknown`], naming the loaded ids.
    pub fn get(&self, id: &CalendarId) -> Result<&BusinessCalendar, CalendarError> {
        self.by_id.get(id).ok_or_else(|| CalendarError::Unknown {
            calendar: id.clone(),
            known: self.by_id.keys().cloned().collect(),
        })
    }

    /// Adds `calendar`, replacing (and returning) any calendar with the same id.
    pub fn insert(&mut self, calendar: BusinessCalendar) -> Option<BusinessCalendar> {
        self.by_id.insert(calendar.id().clone(), calendar)
    }

    /// Removes and returns the calendar with this id.
    pub fn remove(&mut self, id: &CalendarId) -> Option<BusinessCalendar> {
        self.by_id.remove(id)
    }

    /// The calendars, by id.
    pub fn iter(&self) -> impl Iterator<Item = &BusinessCalendar> + '_ {
        self.by_id.values()
    }

    /// The loaded ids, in order.
    pub fn ids(&self) -> impl Iterator<Item = &CalendarId> + '_ {
        self.by_id.keys()
    }

    /// How many calendars are loaded.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether none is loaded.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

/// Later calendars replace earlier ones with the same id, as [`Calendars::insert`] does.
impl FromIterator<BusinessCalendar> for Calendars {
    fn from_iter<I: IntoIterator<Item = BusinessCalendar>>(iter: I) -> Self {
        let mut calendars = Self::new();
        calendars.extend(iter);
        calendars
    }
}

impl Extend<BusinessCalendar> for Calendars {
    fn extend<I: IntoIterator<Item = BusinessCalendar>>(&mut self, iter: I) {
        for calendar in iter {
            self.insert(calendar);
        }
    }
}

impl<'a> IntoIterator for &'a Calendars {
    type Item = &'a BusinessCalendar;
    type IntoIter = std::collections::btree_map::Values<'a, CalendarId, BusinessCalendar>;

    fn into_iter(self) -> Self::IntoIter {
        self.by_id.values()
    }
}

/// Stored data must not silently drop a definition: a repeated id is an error.
impl TryFrom<Vec<BusinessCalendar>> for Calendars {
    type Error = CalendarError;

    fn try_from(list: Vec<BusinessCalendar>) -> Result<Self, Self::Error> {
        let mut by_id = BTreeMap::new();
        for calendar in list {
            match by_id.entry(calendar.id().clone()) {
                Entry::Vacant(slot) => {
                    slot.insert(calendar);
                }
                Entry::Occupied(slot) => {
                    return Err(CalendarError::Duplicate {
                        calendar: slot.key().clone(),
                    })
                }
            }
        }
        Ok(Self { by_id })
    }
}

impl From<Calendars> for Vec<BusinessCalendar> {
    fn from(calendars: Calendars) -> Self {
        calendars.by_id.into_values().collect()
    }
}

impl JsonSchema for Calendars {
    fn schema_name() -> Cow<'static, str> {
        "Calendars".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Business calendars, each id at most once.",
            "type": "array",
            "items": generator.subschema_for::<BusinessCalendar>()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_accept_the_built_ins() {
        let schema = schemars::SchemaGenerator::default().into_root_schema_for::<Calendars>();
        let schema = serde_json::to_value(schema).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let value = serde_json::to_value(Calendars::builtin()).unwrap();
        assert!(validator.is_valid(&value));
        let mut bad = value;
        bad[0]["weekend"] = serde_json::json!(["Sat"]);
        assert!(!validator.is_valid(&bad));
    }

    #[test]
    fn collection_gets_replaces_and_names_known_ids() {
        let mut calendars = Calendars::builtin();
        assert_eq!(calendars.len(), 11);
        let id = CalendarId::new("cn").unwrap();
        let mut spec = calendars.get(&id).unwrap().spec().clone();
        spec.name = "host override".into();
        let replaced = calendars.insert(BusinessCalendar::new(spec).unwrap());
        assert_eq!(replaced, Some(BusinessCalendar::prc()));
        assert_eq!(calendars.get(&id).unwrap().name(), "host override");
        let e = calendars.get(&CalendarId::new("mt").unwrap()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown calendar mt: the loaded calendars are cn, de, de-he, fr, hk, ie, lu, nl, sg, us-federal, us-sec; insert one with this id"
        );
        assert!(Calendars::new()
            .get(&id)
            .unwrap_err()
            .to_string()
            .contains("are none"));
        assert_eq!(
            calendars.ids().map(CalendarId::as_str).collect::<Vec<_>>(),
            [
                "cn",
                "de",
                "de-he",
                "fr",
                "hk",
                "ie",
                "lu",
                "nl",
                "sg",
                "us-federal",
                "us-sec"
            ]
        );
        assert!(calendars.remove(&id).is_some());
        assert_eq!((&calendars).into_iter().count(), 10);
        assert!(!calendars.is_empty());
    }
}
