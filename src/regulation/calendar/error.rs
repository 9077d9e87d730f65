//! What can go wrong with a business calendar: invalid data, a date it does not cover, an
//! unknown id.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::Day;
#[cfg(doc)]
use super::MAX_CALENDAR_YEARS;
use crate::id::CalendarId;

/// Writes `2025–2026` (or `2025` for one year) in error messages.
struct Years(i32, i32);

impl fmt::Display for Years {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == self.1 {
            write!(f, "{}", self.0)
        } else {
            write!(f, "{}–{}", self.0, self.1)
        }
    }
}

fn join(ids: &[CalendarId]) -> String {
    if ids.is_empty() {
        return "none".to_owned();
    }
    ids.iter()
        .map(CalendarId::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A business calendar that fails validation, a date it does not cover, or an unknown
/// calendar id.
///
/// # Handling
/// Construction errors are input errors in the calendar data: report them to whoever
/// maintains it. Coverage errors mean the host must load a calendar for the missing years
/// (the official schedule is published yearly); retrying will not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// `first_year` is after `last_year`.
    #[error(
        "calendar {calendar} has first_year {first_year} after last_year {last_year}: swap them"
    )]
    YearsReversed {
        /// The calendar.
        calendar: CalendarId,
        /// Its first year.
        first_year: i32,
        /// Its last year.
        last_year: i32,
    },
    /// The calendar covers more than [`MAX_CALENDAR_YEARS`] years.
    #[error("calendar {calendar} covers {} ({years} years); at most {max} are allowed: split it into several calendars", Years(*.first_year, *.last_year))]
    TooManyYears {
        /// The calendar.
        calendar: CalendarId,
        /// Its first year.
        first_year: i32,
        /// Its last year.
        last_year: i32,
        /// How many years that is.
        years: i64,
        /// The most allowed.
        max: i32,
    },
    /// A covered year lies outside the dates `chrono` can represent.
    #[error("calendar {calendar} covers {}, beyond the representable dates: use years between -262143 and 262142", Years(*.first_year, *.last_year))]
    YearsUnrepresentable {
        /// The calendar.
        calendar: CalendarId,
        /// Its first year.
        first_year: i32,
        /// Its last year.
        last_year: i32,
    },
    /// All seven days are weekend days, so nothing could be a regular working day.
    #[error("calendar {calendar} makes all seven days weekend days: leave at least one working day of the week")]
    AllWeekend {
        /// The calendar.
        calendar: CalendarId,
    },
    /// A holiday, closure or make-up working day outside the covered years.
    #[error("{list} {date} in calendar {calendar} is outside its covered years {}: remove it or widen first_year/last_year", Years(*.first_year, *.last_year))]
    ListedDateOutsideYears {
        /// The calendar.
        calendar: CalendarId,
        /// `holiday`, `closure` or `make-up working day`.
        list: &'static str,
        /// The date.
        date: NaiveDate,
        /// The first covered year.
        first_year: i32,
        /// The last covered year.
        last_year: i32,
    },
    /// A make-up working day that is not a weekend day (it would change nothing).
    #[error("make-up working day {date} in calendar {calendar} is a {day}, not a weekend day: list only weekend days that become working days")]
    WorkingDayNotWeekend {
        /// The calendar.
        calendar: CalendarId,
        /// The date.
        date: NaiveDate,
        /// Its day of the week.
        day: Day,
    },
    /// A date listed both as a holiday (or closure) and as a make-up working day.
    #[error("{date} is both a holiday (or closure) and a make-up working day in calendar {calendar}: keep it in one list")]
    HolidayAndWorkingDay {
        /// The calendar.
        calendar: CalendarId,
        /// The date.
        date: NaiveDate,
    },
    /// A query date outside the covered years.
    #[error("date {date} is outside calendar {calendar} (covers {}): load a calendar that covers {}", Years(*.first_year, *.last_year), .date.year())]
    OutOfRange {
        /// The calendar.
        calendar: CalendarId,
        /// The date asked about.
        date: NaiveDate,
        /// The first covered year.
        first_year: i32,
        /// The last covered year.
        last_year: i32,
    },
    /// Counting forward ran past the last covered day.
    #[error("{n} working days after {date} run past the end of calendar {calendar} (covers {}): load a calendar that also covers {}", Years(*.first_year, *.last_year), .last_year.saturating_add(1))]
    PastEnd {
        /// The calendar.
        calendar: CalendarId,
        /// The start date.
        date: NaiveDate,
        /// How many working days were asked for.
        n: u32,
        /// The first covered year.
        first_year: i32,
        /// The last covered year.
        last_year: i32,
    },
    /// Counting backward ran past the first covered day.
    #[error("{n} working days before {date} run past the start of calendar {calendar} (covers {}): load a calendar that also covers {}", Years(*.first_year, *.last_year), .first_year.saturating_sub(1))]
    PastStart {
        /// The calendar.
        calendar: CalendarId,
        /// The start date.
        date: NaiveDate,
        /// How many working days were asked for.
        n: u32,
        /// The first covered year.
        first_year: i32,
        /// The last covered year.
        last_year: i32,
    },
    /// No calendar with this id is loaded.
    #[error("unknown calendar {calendar}: the loaded calendars are {}; insert one with this id", join(.known))]
    Unknown {
        /// The id asked for.
        calendar: CalendarId,
        /// The ids that are loaded.
        known: Vec<CalendarId>,
    },
    /// Two calendars with the same id in one collection.
    #[error("calendar {calendar} appears more than once: keep one definition per id")]
    Duplicate {
        /// The repeated id.
        calendar: CalendarId,
    },
}

impl CalendarError {
    /// For a query that ran outside a calendar's years: the calendar and the year it would
    /// need to cover, so a deadline can name what is missing.
    pub fn coverage(&self) -> Option<(CalendarId, i32)> {
        match self {
            Self::OutOfRange { calendar, date, .. } => Some((calendar.clone(), date.year())),
            Self::PastEnd {
                calendar,
                last_year,
                ..
            } => Some((calendar.clone(), last_year.saturating_add(1))),
            Self::PastStart {
                calendar,
                first_year,
                ..
            } => Some((calendar.clone(), first_year.saturating_sub(1))),
            _ => None,
        }
    }
}
