//! Business calendars: which local dates are working days, as data a host can load and
//! replace. Deadlines in "business days" or "工作日" are counted on them; a date outside a
//! calendar's covered years is an error, never a guess, because official schedules (China's
//! 调休 swaps, US executive-order closures) cannot be derived from rules.

use std::borrow::Cow;
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::RangeInclusive;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

use super::zone::TimeZone;
use crate::id::CalendarId;

/// The most years one calendar may cover: bounds the precomputed index (≈ 37,000 days).
pub const MAX_CALENDAR_YEARS: i32 = 100;

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
    /// A holiday or make-up working day outside the covered years.
    #[error("{list} {date} in calendar {calendar} is outside its covered years {}: remove it or widen first_year/last_year", Years(*.first_year, *.last_year))]
    ListedDateOutsideYears {
        /// The calendar.
        calendar: CalendarId,
        /// `holiday` or `make-up working day`.
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
    /// A date listed both as a holiday and as a make-up working day.
    #[error("{date} is both a holiday and a make-up working day in calendar {calendar}: keep it in one list")]
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
    pub time_zone: TimeZone,
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
    /// Where the schedule comes from (citation), shown to people who check a deadline.
    pub source: String,
}

/// The precomputed answer table over the covered days, so every query is a lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Index {
    /// 1 January of the first covered year: day offset 0.
    first: NaiveDate,
    /// `running[i]`: working days among offsets `0..=i`.
    running: Vec<u32>,
    /// Offsets of the working days, ascending.
    working: Vec<u32>,
}

impl Index {
    /// Builds the table; infallible (an invalid year range gives an empty table that covers
    /// nothing), so the built-in calendars need no fallible path.
    fn build(spec: &CalendarSpec) -> Self {
        let first = NaiveDate::from_ymd_opt(spec.first_year, 1, 1);
        let last = NaiveDate::from_ymd_opt(spec.last_year, 12, 31);
        let (Some(first), Some(last)) = (first, last) else {
            return Self {
                first: NaiveDate::MIN,
                running: Vec::new(),
                working: Vec::new(),
            };
        };
        let days = usize::try_from(
            last.signed_duration_since(first)
                .num_days()
                .saturating_add(1),
        )
        .unwrap_or(0);
        let mut running = Vec::with_capacity(days);
        let mut working = Vec::with_capacity(days);
        let mut count = 0u32;
        for (date, offset) in first.iter_days().take_while(|d| *d <= last).zip(0u32..) {
            if is_working(spec, date) {
                count = count.saturating_add(1);
                working.push(offset);
            }
            running.push(count);
        }
        working.shrink_to_fit();
        Self {
            first,
            running,
            working,
        }
    }

    fn offset(&self, date: NaiveDate) -> Option<usize> {
        let days = date.signed_duration_since(self.first).num_days();
        usize::try_from(days)
            .ok()
            .filter(|&i| i < self.running.len())
    }

    /// Working days among offsets `0..=i`.
    fn through(&self, i: usize) -> u32 {
        self.running.get(i).copied().unwrap_or(0)
    }

    /// Working days among offsets `0..i`.
    fn before(&self, i: usize) -> u32 {
        i.checked_sub(1).map_or(0, |j| self.through(j))
    }

    /// The date of the working day with rank `k` (0-based), if any.
    fn working_day(&self, k: u64) -> Option<NaiveDate> {
        let offset = self.working.get(usize::try_from(k).ok()?)?;
        self.first.checked_add_days(Days::new(u64::from(*offset)))
    }
}

/// The definition, used to build the index: listed make-up days work, listed holidays rest,
/// otherwise the weekend decides.
fn is_working(spec: &CalendarSpec, date: NaiveDate) -> bool {
    if spec.working_days.contains(&date) {
        true
    } else if spec.holidays.contains(&date) {
        false
    } else {
        !spec.weekend.contains(&Day::of(date))
    }
}

/// A validated business calendar: which local dates in its covered years are working days.
///
/// Queries are table lookups (O(1) and allocation-free), because deadline computation runs
/// per obligation per incident and in batch what-ifs. Every query rejects dates outside the
/// covered years instead of guessing.
///
/// # Examples
/// ```
/// use chrono::NaiveDate;
/// use incident::regulation::BusinessCalendar;
///
/// let cn = BusinessCalendar::prc();
/// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// // Thu 12 Feb + 5 working days: 13 (Fri), 14 (make-up Sat), then Spring Festival
/// // 15–23 Feb, then 24, 25, 26.
/// assert_eq!(cn.add_working_days(d(2, 12), 5)?, d(2, 26));
/// assert!(cn.is_working_day(d(2, 14))?);
/// assert!(cn.add_working_days(NaiveDate::from_ymd_opt(2027, 2, 10).unwrap(), 1).is_err());
/// # Ok::<(), incident::regulation::CalendarError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CalendarSpec", into = "CalendarSpec")]
pub struct BusinessCalendar {
    spec: CalendarSpec,
    index: Index,
}

impl BusinessCalendar {
    /// Validates `spec` and precomputes the lookup tables.
    ///
    /// # Errors
    /// [`CalendarError`] when `first_year > last_year`, more than [`MAX_CALENDAR_YEARS`]
    /// years are covered, the years are not representable, all seven days are weekend days,
    /// a listed date lies outside the covered years, a make-up working day is not a weekend
    /// day, or a date is both a holiday and a make-up working day.
    ///
    /// # Examples
    /// ```
    /// use std::collections::BTreeSet;
    /// use chrono::NaiveDate;
    /// use incident::regulation::{BusinessCalendar, CalendarSpec, Day, TimeZone};
    /// use incident::id::CalendarId;
    ///
    /// let spec = CalendarSpec {
    ///     id: CalendarId::new("hk")?,
    ///     name: "Hong Kong (partial)".into(),
    ///     time_zone: TimeZone::HONG_KONG,
    ///     weekend: BTreeSet::from([Day::Saturday, Day::Sunday]),
    ///     first_year: 2026,
    ///     last_year: 2026,
    ///     holidays: BTreeSet::from([NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()]),
    ///     working_days: BTreeSet::new(),
    ///     source: "host-maintained".into(),
    /// };
    /// let hk = BusinessCalendar::new(spec)?;
    /// assert!(!hk.is_working_day(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap())?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(spec: CalendarSpec) -> Result<Self, CalendarError> {
        validate(&spec)?;
        Ok(Self::from_valid(spec))
    }

    /// Builds the tables without validating: only for the built-in literals, which a test
    /// checks with [`validate`].
    fn from_valid(spec: CalendarSpec) -> Self {
        let index = Index::build(&spec);
        Self { spec, index }
    }

    /// The calendar's id.
    pub fn id(&self) -> &CalendarId {
        &self.spec.id
    }

    /// The human-readable name.
    pub fn name(&self) -> &str {
        &self.spec.name
    }

    /// The zone whose local dates the calendar describes.
    pub fn time_zone(&self) -> TimeZone {
        self.spec.time_zone
    }

    /// The data the calendar was built from.
    pub fn spec(&self) -> &CalendarSpec {
        &self.spec
    }

    /// Where the schedule comes from.
    pub fn source(&self) -> &str {
        &self.spec.source
    }

    /// The covered years, inclusive.
    pub fn covered_years(&self) -> RangeInclusive<i32> {
        self.spec.first_year..=self.spec.last_year
    }

    /// Whether `date` lies in the covered years (every other query errs outside them).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.index.offset(date).is_some()
    }

    fn offset(&self, date: NaiveDate) -> Result<usize, CalendarError> {
        self.index
            .offset(date)
            .ok_or_else(|| CalendarError::OutOfRange {
                calendar: self.spec.id.clone(),
                date,
                first_year: self.spec.first_year,
                last_year: self.spec.last_year,
            })
    }

    /// Whether `date` is a working day.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] outside the covered years.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        let i = self.offset(date)?;
        Ok(self.index.through(i) > self.index.before(i))
    }

    /// The first working day strictly after `date`.
    ///
    /// # Errors
    /// As [`add_working_days`](Self::add_working_days).
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_working_days(date, 1)
    }

    /// `date` if it is a working day, else the next one: where a period whose last day is a
    /// rest day ends (Civil Code art. 203, Reg. 1182/71 art. 3(4)).
    ///
    /// # Errors
    /// As [`add_working_days`](Self::add_working_days).
    pub fn working_day_on_or_after(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.add_working_days(date, 1)
        }
    }

    /// The `n`-th working day strictly after `date`: the start day is not counted, whether
    /// or not it is a working day ("4 business days after determination"). `n == 0` returns
    /// `date` unchanged.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] when `date` is outside the covered years;
    /// [`CalendarError::PastEnd`] when the result would be after them.
    ///
    /// # Examples
    /// ```
    /// use chrono::NaiveDate;
    /// use incident::regulation::BusinessCalendar;
    ///
    /// let sec = BusinessCalendar::us_sec();
    /// let friday = NaiveDate::from_ymd_opt(2025, 12, 19).unwrap();
    /// // 22, 23, (24, 25, 26 closed, weekend), 29, 30.
    /// assert_eq!(sec.add_working_days(friday, 4)?, NaiveDate::from_ymd_opt(2025, 12, 30).unwrap());
    /// # Ok::<(), incident::regulation::CalendarError>(())
    /// ```
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = self.offset(date)?;
        if n == 0 {
            return Ok(date);
        }
        // Rank (0-based) of the wanted working day: those up to `date`, plus n, minus one.
        let rank = u64::from(self.index.through(i)) + u64::from(n) - 1;
        self.index
            .working_day(rank)
            .ok_or_else(|| CalendarError::PastEnd {
                calendar: self.spec.id.clone(),
                date,
                n,
                first_year: self.spec.first_year,
                last_year: self.spec.last_year,
            })
    }

    /// The `n`-th working day strictly before `date`; `n == 0` returns `date`. The inverse
    /// of [`add_working_days`](Self::add_working_days) for working days.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] when `date` is outside the covered years;
    /// [`CalendarError::PastStart`] when the result would be before them.
    pub fn sub_working_days(&self, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = self.offset(date)?;
        if n == 0 {
            return Ok(date);
        }
        let before = self.index.before(i);
        before
            .checked_sub(n)
            .and_then(|rank| self.index.working_day(u64::from(rank)))
            .ok_or_else(|| CalendarError::PastStart {
                calendar: self.spec.id.clone(),
                date,
                n,
                first_year: self.spec.first_year,
                last_year: self.spec.last_year,
            })
    }

    /// How many working days `d` satisfy `start < d <= end` (0 when `end <= start`): the
    /// business days elapsed since `start`, so that
    /// `working_days_between(s, add_working_days(s, n)?)? == n`.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] when either date is outside the covered years.
    pub fn working_days_between(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<u32, CalendarError> {
        let s = self.offset(start)?;
        let e = self.offset(end)?;
        Ok(self.index.through(e).saturating_sub(self.index.through(s)))
    }
}

impl TryFrom<CalendarSpec> for BusinessCalendar {
    type Error = CalendarError;

    fn try_from(spec: CalendarSpec) -> Result<Self, Self::Error> {
        Self::new(spec)
    }
}

impl From<BusinessCalendar> for CalendarSpec {
    fn from(calendar: BusinessCalendar) -> Self {
        calendar.spec
    }
}

impl JsonSchema for BusinessCalendar {
    fn schema_name() -> Cow<'static, str> {
        "BusinessCalendar".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = CalendarSpec::json_schema(generator);
        schema.insert(
            "description".to_owned(),
            "A business calendar: which local dates in first_year..=last_year (at most 100 years) are working days. Regular working days are the days of the week not in weekend, minus holidays, plus working_days (which must be weekend days and not holidays).".into(),
        );
        schema
    }
}

fn validate(spec: &CalendarSpec) -> Result<(), CalendarError> {
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
        if spec.holidays.contains(&date) {
            return Err(CalendarError::HolidayAndWorkingDay {
                calendar: calendar(),
                date,
            });
        }
    }
    Ok(())
}

// --- built-in calendars -------------------------------------------------------------------

/// A `(year, month, day)` literal.
type Ymd = (i32, u32, u32);

/// Expands `(first, last)` inclusive date ranges given as `(year, month, day)` literals.
/// Impossible literals are skipped (a test pins the expected day counts), so building a
/// built-in calendar cannot panic.
fn blocks(ranges: &[(Ymd, Ymd)]) -> BTreeSet<NaiveDate> {
    ranges
        .iter()
        .filter_map(|&((y0, m0, d0), (y1, m1, d1))| {
            Some((
                NaiveDate::from_ymd_opt(y0, m0, d0)?,
                NaiveDate::from_ymd_opt(y1, m1, d1)?,
            ))
        })
        .flat_map(|(first, last)| first.iter_days().take_while(move |d| *d <= last))
        .collect()
}

/// Single dates from `(year, month, day)` literals (impossible ones skipped, see [`blocks`]).
fn dates(list: &[Ymd]) -> BTreeSet<NaiveDate> {
    list.iter()
        .filter_map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        .collect()
}

fn sat_sun() -> BTreeSet<Day> {
    BTreeSet::from([Day::Saturday, Day::Sunday])
}

/// US federal holidays (5 U.S.C. 6103, observed dates under EO 11582), 2025–2027.
const US_FEDERAL_HOLIDAYS: [Ymd; 34] = [
    // 2025
    (2025, 1, 1),
    (2025, 1, 20),
    (2025, 2, 17),
    (2025, 5, 26),
    (2025, 6, 19),
    (2025, 7, 4),
    (2025, 9, 1),
    (2025, 10, 13),
    (2025, 11, 11),
    (2025, 11, 27),
    (2025, 12, 25),
    // 2026
    (2026, 1, 1),
    (2026, 1, 19),
    (2026, 2, 16),
    (2026, 5, 25),
    (2026, 6, 19),
    (2026, 7, 3), // Independence Day falls on Saturday 07-04
    (2026, 9, 7),
    (2026, 10, 12),
    (2026, 11, 11),
    (2026, 11, 26),
    (2026, 12, 25),
    // 2027
    (2027, 1, 1),
    (2027, 1, 18),
    (2027, 2, 15),
    (2027, 5, 31),
    (2027, 6, 18), // Juneteenth falls on Saturday 06-19
    (2027, 7, 5),  // Independence Day falls on Sunday 07-04
    (2027, 9, 6),
    (2027, 10, 11),
    (2027, 11, 11),
    (2027, 11, 25),
    (2027, 12, 24), // Christmas falls on Saturday 12-25
    (2027, 12, 31), // New Year's Day 2028 falls on Saturday 2028-01-01
];

impl BusinessCalendar {
    /// Mainland China's working days (工作日), 2025–2026, `Asia/Shanghai`: Saturday and
    /// Sunday off, the statutory holiday blocks off, and the make-up working days (调休
    /// 上班) on.
    ///
    /// Sources: 2025 — State Council General Office notice 国办发明电〔2024〕12号 (Xinhua,
    /// 2024-11-12); 2026 — the notice of 2025-11-04,
    /// <https://politics.gmw.cn/2025-11/04/content_38391083.htm>. Working days are not
    /// trading days (交易日): exchanges close on make-up days. Later years are errors until
    /// the host loads the new schedule.
    pub fn prc() -> Self {
        let holidays = blocks(&[
            // 2025
            ((2025, 1, 1), (2025, 1, 1)),
            ((2025, 1, 28), (2025, 2, 4)),
            ((2025, 4, 4), (2025, 4, 6)),
            ((2025, 5, 1), (2025, 5, 5)),
            ((2025, 5, 31), (2025, 6, 2)),
            ((2025, 10, 1), (2025, 10, 8)),
            // 2026
            ((2026, 1, 1), (2026, 1, 3)),
            ((2026, 2, 15), (2026, 2, 23)),
            ((2026, 4, 4), (2026, 4, 6)),
            ((2026, 5, 1), (2026, 5, 5)),
            ((2026, 6, 19), (2026, 6, 21)),
            ((2026, 9, 25), (2026, 9, 27)),
            ((2026, 10, 1), (2026, 10, 7)),
        ]);
        let working_days = dates(&[
            // 2025
            (2025, 1, 26),
            (2025, 2, 8),
            (2025, 4, 27),
            (2025, 9, 28),
            (2025, 10, 11),
            // 2026
            (2026, 1, 4),
            (2026, 2, 14),
            (2026, 2, 28),
            (2026, 5, 9),
            (2026, 9, 20),
            (2026, 10, 10),
        ]);
        Self::from_valid(CalendarSpec {
            id: CalendarId::from_static("cn"),
            name: "Mainland China working days (工作日)".to_owned(),
            time_zone: TimeZone::SHANGHAI,
            weekend: sat_sun(),
            first_year: 2025,
            last_year: 2026,
            holidays,
            working_days,
            source: "2025: 国办发明电〔2024〕12号 (Xinhua 2024-11-12); 2026: State Council General Office notice of 2025-11-04, https://politics.gmw.cn/2025-11/04/content_38391083.htm".to_owned(),
        })
    }

    /// US federal business days, 2025–2027, `America/New_York`: Saturday and Sunday off and
    /// the federal holidays of 5 U.S.C. 6103, observed on the Friday before a Saturday and
    /// the Monday after a Sunday (EO 11582), including 2027-12-31 for New Year's Day 2028.
    /// Executive-order closures are not included (see [`us_sec`](Self::us_sec)).
    pub fn us_federal() -> Self {
        Self::from_valid(CalendarSpec {
            id: CalendarId::from_static("us-federal"),
            name: "US federal business days".to_owned(),
            time_zone: TimeZone::NEW_YORK,
            weekend: sat_sun(),
            first_year: 2025,
            last_year: 2027,
            holidays: dates(&US_FEDERAL_HOLIDAYS),
            working_days: BTreeSet::new(),
            source: "5 U.S.C. 6103; Saturday/Sunday observance per Executive Order 11582"
                .to_owned(),
        })
    }

    /// SEC business days, 2025–2027, `America/New_York`: [`us_federal`](Self::us_federal)
    /// plus the executive-order closures the SEC treats as holidays (2025-12-24 and
    /// 2025-12-26, EO of 2025-12-18). A business day is any day except Saturdays, Sundays and
    /// federal holidays (17 CFR 240.0-2); the SEC is closed on Columbus and Veterans Day
    /// while exchanges trade, so this is not a trading calendar. The EDGAR 17:30 ET filing
    /// cut-off (17 CFR 232.13(a)(2)) is a time of day, applied by the regime, not here.
    pub fn us_sec() -> Self {
        let mut spec = Self::us_federal().spec;
        spec.id = CalendarId::from_static("us-sec");
        spec.name = "US SEC business days".to_owned();
        spec.holidays
            .extend(dates(&[(2025, 12, 24), (2025, 12, 26)]));
        spec.source = "17 CFR 240.0-2; 5 U.S.C. 6103 and EO 11582; executive-order closures 2025-12-24 and 2025-12-26 (EO of 2025-12-18)".to_owned();
        Self::from_valid(spec)
    }
}

// --- collections -------------------------------------------------------------------------

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
/// assert!(err.to_string().contains("cn, us-federal, us-sec"));
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

    /// The built-in calendars: [`BusinessCalendar::prc`], [`BusinessCalendar::us_federal`]
    /// and [`BusinessCalendar::us_sec`].
    pub fn builtin() -> Self {
        [
            BusinessCalendar::prc(),
            BusinessCalendar::us_federal(),
            BusinessCalendar::us_sec(),
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

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn spec() -> CalendarSpec {
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

    fn err(f: impl FnOnce(&mut CalendarSpec)) -> CalendarError {
        let mut s = spec();
        f(&mut s);
        BusinessCalendar::new(s).unwrap_err()
    }

    #[test]
    fn built_ins_pass_validation_and_hold_the_expected_data() {
        for calendar in Calendars::builtin().iter() {
            validate(calendar.spec()).unwrap();
            assert_eq!(
                BusinessCalendar::new(calendar.spec().clone()).unwrap(),
                *calendar
            );
        }
        // Every literal parsed: day counts of the blocks and lists.
        let cn = BusinessCalendar::prc();
        let days_2025 = 1 + 8 + 3 + 5 + 3 + 8;
        let days_2026 = 3 + 9 + 3 + 5 + 3 + 3 + 7;
        assert_eq!(cn.spec().holidays.len(), days_2025 + days_2026);
        assert_eq!(cn.spec().working_days.len(), 5 + 6);
        assert_eq!(BusinessCalendar::us_federal().spec().holidays.len(), 34);
        assert_eq!(BusinessCalendar::us_sec().spec().holidays.len(), 36);
        assert_eq!(cn.covered_years(), 2025..=2026);
        assert_eq!(cn.id().as_str(), "cn");
        assert_eq!(cn.time_zone(), TimeZone::SHANGHAI);
        assert!(cn.source().contains("国办发明电〔2024〕12号"));
        assert!(!cn.name().is_empty());
    }

    #[test]
    fn index_matches_the_definition_day_by_day() {
        for calendar in Calendars::builtin().iter() {
            let spec = calendar.spec();
            let first = date(spec.first_year, 1, 1);
            let last = date(spec.last_year, 12, 31);
            for d in first.iter_days().take_while(|d| *d <= last) {
                assert_eq!(
                    calendar.is_working_day(d).unwrap(),
                    is_working(spec, d),
                    "{d}"
                );
            }
        }
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

    #[test]
    fn out_of_range_dates_are_errors_never_guesses() {
        let cn = BusinessCalendar::prc();
        let e = cn.is_working_day(date(2027, 2, 10)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "date 2027-02-10 is outside calendar cn (covers 2025–2026): load a calendar that covers 2027"
        );
        assert!(!cn.covers(date(2024, 12, 31)));
        assert!(cn.covers(date(2025, 1, 1)) && cn.covers(date(2026, 12, 31)));
        for d in [
            date(2024, 12, 31),
            date(2027, 1, 1),
            NaiveDate::MIN,
            NaiveDate::MAX,
        ] {
            assert!(matches!(
                cn.add_working_days(d, 0),
                Err(CalendarError::OutOfRange { .. })
            ));
            assert!(cn.sub_working_days(d, 0).is_err());
            assert!(cn.next_working_day(d).is_err());
            assert!(cn.working_day_on_or_after(d).is_err());
            assert!(cn.working_days_between(d, date(2025, 6, 1)).is_err());
            assert!(cn.working_days_between(date(2025, 6, 1), d).is_err());
        }
        let e = cn.add_working_days(date(2026, 12, 25), 5).unwrap_err();
        assert!(matches!(e, CalendarError::PastEnd { n: 5, .. }), "{e}");
        assert!(e.to_string().contains("also covers 2027"), "{e}");
        assert!(cn.add_working_days(date(2026, 12, 25), u32::MAX).is_err());
        let e = cn.sub_working_days(date(2025, 1, 6), 3).unwrap_err();
        assert!(matches!(e, CalendarError::PastStart { n: 3, .. }), "{e}");
        assert!(e.to_string().contains("also covers 2024"), "{e}");
        // The first and last covered working days are reachable.
        assert_eq!(
            cn.sub_working_days(date(2025, 1, 6), 2).unwrap(),
            date(2025, 1, 2)
        );
        assert_eq!(
            cn.add_working_days(date(2026, 12, 30), 1).unwrap(),
            date(2026, 12, 31)
        );
        assert!(cn.next_working_day(date(2026, 12, 31)).is_err());
    }

    #[test]
    fn queries_on_a_small_calendar() {
        let c = BusinessCalendar::new(spec()).unwrap();
        // 2026-01-01 Thu holiday, 02 Fri, 03 Sat make-up, 04 Sun, 05 Mon.
        assert!(!c.is_working_day(date(2026, 1, 1)).unwrap());
        assert!(c.is_working_day(date(2026, 1, 3)).unwrap());
        assert_eq!(
            c.next_working_day(date(2026, 1, 1)).unwrap(),
            date(2026, 1, 2)
        );
        assert_eq!(
            c.next_working_day(date(2026, 1, 3)).unwrap(),
            date(2026, 1, 5)
        );
        assert_eq!(
            c.working_day_on_or_after(date(2026, 1, 4)).unwrap(),
            date(2026, 1, 5)
        );
        assert_eq!(
            c.working_day_on_or_after(date(2026, 1, 3)).unwrap(),
            date(2026, 1, 3)
        );
        assert_eq!(
            c.add_working_days(date(2026, 1, 4), 0).unwrap(),
            date(2026, 1, 4)
        );
        assert_eq!(
            c.sub_working_days(date(2026, 1, 4), 0).unwrap(),
            date(2026, 1, 4)
        );
        assert_eq!(
            c.sub_working_days(date(2026, 1, 5), 1).unwrap(),
            date(2026, 1, 3)
        );
        assert_eq!(
            c.working_days_between(date(2026, 1, 1), date(2026, 1, 5))
                .unwrap(),
            3
        );
        assert_eq!(
            c.working_days_between(date(2026, 1, 5), date(2026, 1, 1))
                .unwrap(),
            0
        );
    }

    #[test]
    fn serde_round_trips_and_validates() {
        let cn = BusinessCalendar::prc();
        let json = serde_json::to_value(&cn).unwrap();
        assert_eq!(json["weekend"], serde_json::json!(["saturday", "sunday"]));
        assert_eq!(json["time_zone"], "Asia/Shanghai");
        let back: BusinessCalendar = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, cn);

        let mut bad = json.clone();
        bad["working_days"] = serde_json::json!(["2025-01-27"]);
        let e = serde_json::from_value::<BusinessCalendar>(bad).unwrap_err();
        assert!(e.to_string().contains("not a weekend day"), "{e}");
        let mut bad = json.clone();
        bad["time_zone"] = "Asia/Peking".into();
        let e = serde_json::from_value::<BusinessCalendar>(bad).unwrap_err();
        assert!(e.to_string().contains("Asia/Peking"), "{e}");
        let mut bad = json.clone();
        bad["weekend"] = serde_json::json!(["Sat"]);
        assert!(serde_json::from_value::<BusinessCalendar>(bad).is_err());
        let mut bad = json;
        bad["extra"] = true.into();
        assert!(serde_json::from_value::<BusinessCalendar>(bad).is_err());

        let all = Calendars::builtin();
        let text = serde_json::to_string(&all).unwrap();
        assert_eq!(serde_json::from_str::<Calendars>(&text).unwrap(), all);
        let twice =
            serde_json::to_string(&[BusinessCalendar::prc(), BusinessCalendar::prc()]).unwrap();
        let e = serde_json::from_str::<Calendars>(&twice).unwrap_err();
        assert!(
            e.to_string().contains("calendar cn appears more than once"),
            "{e}"
        );
    }

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
        assert_eq!(calendars.len(), 3);
        let id = CalendarId::new("cn").unwrap();
        let mut spec = calendars.get(&id).unwrap().spec().clone();
        spec.name = "host override".into();
        let replaced = calendars.insert(BusinessCalendar::new(spec).unwrap());
        assert_eq!(replaced, Some(BusinessCalendar::prc()));
        assert_eq!(calendars.get(&id).unwrap().name(), "host override");
        let e = calendars.get(&CalendarId::new("hk").unwrap()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown calendar hk: the loaded calendars are cn, us-federal, us-sec; insert one with this id"
        );
        assert!(Calendars::new()
            .get(&id)
            .unwrap_err()
            .to_string()
            .contains("are none"));
        assert_eq!(
            calendars.ids().map(CalendarId::as_str).collect::<Vec<_>>(),
            ["cn", "us-federal", "us-sec"]
        );
        assert!(calendars.remove(&id).is_some());
        assert_eq!((&calendars).into_iter().count(), 2);
        assert!(!calendars.is_empty());
    }

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
