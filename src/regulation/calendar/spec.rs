//! The data of a business calendar as hosts write it, its validation and the definition of a
//! working day.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[cfg(doc)]
use super::BusinessCalendar;
use super::{CalendarError, Day};
use crate::id::CalendarId;
use crate::locale::{Translations, Zone};

/// The most years one calendar may cover: bounds the precomputed index (≈ 37,000 days).
pub const MAX_CALENDAR_YEARS: i32 = 100;

/// The data of a business calendar, as hosts write and store it. Validated by
/// [`BusinessCalendar::new`]; regular working days are the days of the week not in
/// `weekend`, minus `holidays`, plus `working_days`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarSpec {
    /// The calendar's id, e.g. `cn`; regimes refer to calendars by it.
    pub id: CalendarId,
    /// A human-readable name.
    pub name: String,
    /// The zone whose local dates the calendar describes.
    pub time_zone: Zone,
    /// The days of the week that are not working days (may be empty, not all seven).
    pub weekend: BTreeSet<Day>,
    /// The first covered year (inclusive).
    pub first_year: i32,
    /// The last covered year (inclusive); at most 100 years in all.
    pub last_year: i32,
    /// Rest days that would otherwise be working days. Weekend days inside a holiday block
    /// may be listed too; they change nothing.
    pub holidays: BTreeSet<NaiveDate>,
    /// Make-up working days on weekend days (China's 调休 上班 days).
    pub working_days: BTreeSet<NaiveDate>,
    /// Days closed by an act outside the statutory holiday list (US executive orders
    /// closing the federal government): rest days under the default reading, working days
    /// under the alternative of
    /// [`Ambiguity::ExecutiveOrderClosures`](crate::regulation::Ambiguity::ExecutiveOrderClosures),
    /// so an obligation can name the assumption and give both due times.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub closures: BTreeSet<NaiveDate>,
    /// Where the schedule comes from (citation), shown to people who check a deadline.
    pub source: String,
    /// Why the calendar stops where it does (e.g. the next year's official schedule is not
    /// published yet), repeated in every deadline it cannot count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage_note: Option<String>,
    /// The coverage note in other languages, for readers of those (`coverage_note` stays
    /// the fallback).
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub coverage_notes: Translations,
}

impl CalendarSpec {
    /// The same calendar with its [`closures`](Self::closures) read as working days (the
    /// alternative reading of executive-order closures).
    pub fn without_closures(&self) -> Self {
        Self {
            closures: BTreeSet::new(),
            ..self.clone()
        }
    }
}

/// The definition, used to build the index: listed make-up days work, listed holidays rest,
/// otherwise the weekend decides.
pub(super) fn is_working(spec: &CalendarSpec, date: NaiveDate) -> bool {
    if spec.working_days.contains(&date) {
        true
    } else if spec.holidays.contains(&date) || spec.closures.contains(&date) {
        false
    } else {
        !spec.weekend.contains(&Day::of(date))
    }
}

pub(super) fn validate(spec: &CalendarSpec) -> Result<(), CalendarError> {
    let calendar = || spec.id.clone();
    let (first_year, last_year) = (spec.first_year, spec.last_year);
    if first_year > last_year {
        return Err(CalendarError::YearsReversed {
            calendar: calendar(),
            first_year,
            last_year,
        });
    }
    let years = i64::from(last_year) - i64::from(first_year) + 1;
    if years > i64::from(MAX_CALENDAR_YEARS) {
        return Err(CalendarError::TooManyYears {
            calendar: calendar(),
            first_year,
            last_year,
            years,
            max: MAX_CALENDAR_YEARS,
        });
    }
    if NaiveDate::from_ymd_opt(first_year, 1, 1).is_none()
        || NaiveDate::from_ymd_opt(last_year, 12, 31).is_none()
    {
        return Err(CalendarError::YearsUnrepresentable {
            calendar: calendar(),
            first_year,
            last_year,
        });
    }
    if spec.weekend.len() >= 7 {
        return Err(CalendarError::AllWeekend {
            calendar: calendar(),
        });
    }
    let outside = |list: &'static str, date: NaiveDate| {
        let year = date.year();
        (year < first_year || year > last_year).then(|| CalendarError::ListedDateOutsideYears {
            calendar: calendar(),
            list,
            date,
            first_year,
            last_year,
        })
    };
    if let Some(err) = spec.holidays.iter().find_map(|d| outside("holiday", *d)) {
        return Err(err);
    }
    if let Some(err) = spec.closures.iter().find_map(|d| outside("closure", *d)) {
        return Err(err);
    }
    for &date in &spec.working_days {
        if let Some(err) = outside("make-up working day", date) {
            return Err(err);
        }
        let day = Day::of(date);
        if !spec.weekend.contains(&day) {
            return Err(CalendarError::WorkingDayNotWeekend {
                calendar: calendar(),
                date,
                day,
            });
        }
        if spec.holidays.contains(&date) || spec.closures.contains(&date) {
            return Err(CalendarError::HolidayAndWorkingDay {
                calendar: calendar(),
                date,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regulation::calendar::testing::{date, spec};
    use crate::regulation::BusinessCalendar;

    fn err(f: impl FnOnce(&mut CalendarSpec)) -> CalendarError {
        let mut s = spec();
        f(&mut s);
        BusinessCalendar::new(s).unwrap_err()
    }

    #[test]
    fn every_validation_error() {
        assert!(BusinessCalendar::new(spec()).is_ok());
        let e = err(|s| s.first_year = 2027);
        assert!(matches!(e, CalendarError::YearsReversed { .. }), "{e}");
        assert!(e.to_string().contains("swap"), "{e}");

        let e = err(|s| s.first_year = 1926);
        assert!(
            matches!(e, CalendarError::TooManyYears { years: 101, .. }),
            "{e}"
        );
        assert!(BusinessCalendar::new(CalendarSpec {
            first_year: 1927,
            ..spec()
        })
        .is_ok());

        let e = err(|s| {
            s.first_year = 300_000;
            s.last_year = 300_000;
            s.holidays.clear();
            s.working_days.clear();
        });
        assert!(
            matches!(e, CalendarError::YearsUnrepresentable { .. }),
            "{e}"
        );
        let e = err(|s| {
            s.first_year = i32::MIN;
            s.last_year = i32::MAX;
        });
        assert!(matches!(e, CalendarError::TooManyYears { .. }), "{e}");

        let e = err(|s| {
            s.weekend = [
                Day::Monday,
                Day::Tuesday,
                Day::Wednesday,
                Day::Thursday,
                Day::Friday,
                Day::Saturday,
                Day::Sunday,
            ]
            .into();
        });
        assert!(matches!(e, CalendarError::AllWeekend { .. }), "{e}");

        let e = err(|s| {
            s.holidays.insert(date(2027, 1, 1));
        });
        assert_eq!(
            e.to_string(),
            "holiday 2027-01-01 in calendar test is outside its covered years 2026: remove it or widen first_year/last_year"
        );
        let e = err(|s| {
            s.working_days.insert(date(2025, 12, 27));
        });
        assert!(
            matches!(
                e,
                CalendarError::ListedDateOutsideYears {
                    list: "make-up working day",
                    ..
                }
            ),
            "{e}"
        );

        let e = err(|s| {
            s.working_days.insert(date(2026, 1, 5));
        });
        assert_eq!(
            e.to_string(),
            "make-up working day 2026-01-05 in calendar test is a Monday, not a weekend day: list only weekend days that become working days"
        );

        let e = err(|s| {
            s.holidays.insert(date(2026, 1, 3));
        });
        assert!(
            matches!(e, CalendarError::HolidayAndWorkingDay { .. }),
            "{e}"
        );

        // Allowed: a holiday on a weekend day, an empty weekend.
        let mut ok = spec();
        ok.holidays.insert(date(2026, 1, 4));
        assert!(BusinessCalendar::new(ok).is_ok());
        let mut ok = spec();
        ok.weekend.clear();
        ok.working_days.clear();
        let every_day = BusinessCalendar::new(ok).unwrap();
        assert!(every_day.is_working_day(date(2026, 1, 4)).unwrap());
    }
}
