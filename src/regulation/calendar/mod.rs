//! Business calendars: which local dates are working days, as data a host can load and
//! replace. Deadlines in "business days" or "工作日" are counted on them; a date outside a
//! calendar's covered years is an error, never a guess, because official schedules (China's
//! 调休 swaps, US executive-order closures) cannot be derived from rules.
//!
//! The data a host writes is a [`CalendarSpec`] (validated into a [`BusinessCalendar`], whose
//! queries are lookups in a precomputed index); a host's loaded calendars are a
//! [`Calendars`] collection; the built-in schedules live one file per calendar under
//! `builtin`.

mod builtin;
mod business_calendar;
mod calendars;
mod day;
mod error;
mod index;
mod spec;

pub use business_calendar::BusinessCalendar;
pub use calendars::Calendars;
pub use day::Day;
pub use error::CalendarError;
pub use spec::{CalendarSpec, MAX_CALENDAR_YEARS};

/// Helpers shared by the calendar unit tests.
#[cfg(test)]
mod testing {
    use chrono::NaiveDate;

    use super::builtin::{dates, sat_sun};
    use super::CalendarSpec;
    use crate::id::CalendarId;
    use crate::locale::Zone;

    pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    pub(super) fn spec() -> CalendarSpec {
        CalendarSpec {
            id: CalendarId::new("test").unwrap(),
            name: "Test".into(),
            time_zone: Zone::UTC,
            weekend: sat_sun(),
            first_year: 2026,
            last_year: 2026,
            holidays: dates(&[(2026, 1, 1)]),
            working_days: dates(&[(2026, 1, 3)]),
            closures: std::collections::BTreeSet::new(),
            source: "test".into(),
            coverage_note: None,
            coverage_notes: Default::default(),
        }
    }
}
