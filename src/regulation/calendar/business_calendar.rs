//! A validated business calendar and its working-day queries.

use std::borrow::Cow;
use std::ops::RangeInclusive;

use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

use super::index::Index;
use super::spec::validate;
#[cfg(doc)]
use super::MAX_CALENDAR_YEARS;
use super::{CalendarError, CalendarSpec};
use crate::id::CalendarId;
use crate::locale::Zone;

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
    /// use incident::regulation::{BusinessCalendar, CalendarSpec, Day};
    /// use incident::id::CalendarId;
    /// use incident::locale::Zone;
    ///
    /// let spec = CalendarSpec {
    ///     id: CalendarId::new("hk")?,
    ///     name: "Hong Kong (partial)".into(),
    ///     time_zone: Zone::HONG_KONG,
    ///     weekend: BTreeSet::from([Day::Saturday, Day::Sunday]),
    ///     first_year: 2026,
    ///     last_year: 2026,
    ///     holidays: BTreeSet::from([NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()]),
    ///     working_days: BTreeSet::new(),
    ///     closures: BTreeSet::new(),
    ///     source: "host-maintained".into(),
    ///     coverage_note: None,
    ///     coverage_notes: Default::default(),
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
    pub(super) fn from_valid(spec: CalendarSpec) -> Self {
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
    pub fn time_zone(&self) -> Zone {
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

    /// The first and last covered days (1 January of the first year, 31 December of the
    /// last), or `None` for years chrono cannot represent (validation rejects those).
    pub fn coverage(&self) -> Option<RangeInclusive<NaiveDate>> {
        let first = NaiveDate::from_ymd_opt(self.spec.first_year, 1, 1)?;
        let last = NaiveDate::from_ymd_opt(self.spec.last_year, 12, 31)?;
        Some(first..=last)
    }

    /// Why the calendar stops where it does, if its data says
    /// ([`CalendarSpec::coverage_note`]).
    pub fn coverage_note(&self) -> Option<&str> {
        self.spec.coverage_note.as_deref()
    }

    /// The same calendar with its executive-order closures read as working days (the
    /// alternative reading of
    /// [`Ambiguity::ExecutiveOrderClosures`](crate::regulation::Ambiguity::ExecutiveOrderClosures)).
    /// `None` when it has no closures, so the reading changes nothing.
    pub fn without_closures(&self) -> Option<Self> {
        (!self.spec.closures.is_empty()).then(|| Self::from_valid(self.spec.without_closures()))
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
            "A business calendar: which local dates in first_year..=last_year (at most 100 years) are working days. Regular working days are the days of the week not in weekend, minus holidays and closures, plus working_days (which must be weekend days and neither holidays nor closures). Closures (executive-order closures) are rest days under the default reading and working days under the alternative; coverage_note says why the calendar ends where it does.".into(),
        );
        schema
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regulation::calendar::testing::{date, spec};
    use crate::regulation::Calendars;

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
}
