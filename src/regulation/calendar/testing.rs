//! Helpers shared by the calendar unit tests.

use chrono::NaiveDate;

use super::builtin::{dates, sat_sun};
use super::CalendarSpec;
use crate::regulation::TimeZone;
use crate::CalendarId;

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn spec() -> CalendarSpec {
    CalendarSpec {
        id: CalendarId::new("test").unwrap(),
        name: "Test".into(),
        time_zone: TimeZone::UTC,
        weekend: sat_sun(),
        first_year: 2026,
        last_year: 2026,
        holidays: dates(&[(2026, 1, 1)]),
        working_days: dates(&[(2026, 1, 3)]),
        source: "test".into(),
    }
}
