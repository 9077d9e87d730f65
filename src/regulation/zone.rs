//! STUB (replaced by helper's version).
#![allow(missing_docs, dead_code)]
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone as _, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct TimeZone(#[schemars(with = "String")] #[serde(with = "tzser")] chrono_tz::Tz);

mod tzser {
    use serde::{Deserialize, Deserializer, Serializer};
    pub(super) fn serialize<S: Serializer>(t: &chrono_tz::Tz, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(t.name()) }
    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<chrono_tz::Tz, D::Error> {
        let s = String::deserialize(d)?; s.parse().map_err(serde::de::Error::custom)
    }
}

impl TimeZone {
    pub const SHANGHAI: Self = Self(chrono_tz::Asia::Shanghai);
    pub const NEW_YORK: Self = Self(chrono_tz::America::New_York);
    pub const UTC: Self = Self(chrono_tz::UTC);
    pub fn as_tz(&self) -> chrono_tz::Tz { self.0 }
    pub fn local_date(&self, i: DateTime<Utc>) -> NaiveDate { i.with_timezone(&self.0).date_naive() }
    pub fn to_local(&self, i: DateTime<Utc>) -> NaiveDateTime { i.with_timezone(&self.0).naive_local() }
    pub fn instant_at(&self, d: NaiveDate, t: NaiveTime) -> DateTime<Utc> {
        match self.0.from_local_datetime(&d.and_time(t)) {
            chrono::LocalResult::Single(x) => x.with_timezone(&Utc),
            chrono::LocalResult::Ambiguous(a, _) => a.with_timezone(&Utc),
            chrono::LocalResult::None => self.0.from_utc_datetime(&d.and_time(t)).with_timezone(&Utc),
        }
    }
    pub fn end_of_day(&self, d: NaiveDate) -> DateTime<Utc> { self.instant_at(d.succ_opt().unwrap_or(d), NaiveTime::MIN) }
    pub fn format_local(&self, i: DateTime<Utc>) -> String { i.with_timezone(&self.0).format("%Y-%m-%d %H:%M %Z (UTC%:z)").to_string() }
}
impl std::fmt::Display for TimeZone { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.0.name()) } }

impl From<chrono_tz::Tz> for TimeZone { fn from(t: chrono_tz::Tz) -> Self { Self(t) } }
