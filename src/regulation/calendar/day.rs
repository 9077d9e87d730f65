//! The days of the week, as calendars name their weekend days.

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A day of the week, serialized as its lower-case English name (`"saturday"`). The crate's
/// own type because `chrono::Weekday` has no order (needed for a set) and serializes as
/// `"Sat"`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Day {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Day {
    /// The day of the week `date` falls on.
    pub fn of(date: NaiveDate) -> Self {
        date.weekday().into()
    }

    /// The `chrono` equivalent.
    pub const fn weekday(self) -> Weekday {
        match self {
            Self::Monday => Weekday::Mon,
            Self::Tuesday => Weekday::Tue,
            Self::Wednesday => Weekday::Wed,
            Self::Thursday => Weekday::Thu,
            Self::Friday => Weekday::Fri,
            Self::Saturday => Weekday::Sat,
            Self::Sunday => Weekday::Sun,
        }
    }
}

impl From<Weekday> for Day {
    fn from(weekday: Weekday) -> Self {
        match weekday {
            Weekday::Mon => Self::Monday,
            Weekday::Tue => Self::Tuesday,
            Weekday::Wed => Self::Wednesday,
            Weekday::Thu => Self::Thursday,
            Weekday::Fri => Self::Friday,
            Weekday::Sat => Self::Saturday,
            Weekday::Sun => Self::Sunday,
        }
    }
}

impl From<Day> for Weekday {
    fn from(day: Day) -> Self {
        day.weekday()
    }
}

/// The English name, `Monday`.
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Monday => "Monday",
            Self::Tuesday => "Tuesday",
            Self::Wednesday => "Wednesday",
            Self::Thursday => "Thursday",
            Self::Friday => "Friday",
            Self::Saturday => "Saturday",
            Self::Sunday => "Sunday",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regulation::calendar::testing::date;

    #[test]
    fn days_convert_and_serialize() {
        for w in [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ] {
            assert_eq!(Weekday::from(Day::from(w)), w);
        }
        assert_eq!(Day::of(date(2026, 2, 14)), Day::Saturday);
        assert_eq!(serde_json::to_string(&Day::Sunday).unwrap(), "\"sunday\"");
        assert_eq!(Day::Sunday.to_string(), "Sunday");
    }
}
