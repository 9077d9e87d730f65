//! STUB (replaced by helper's version).
#![allow(missing_docs, dead_code)]
use std::collections::{BTreeMap, BTreeSet};
use chrono::{Datelike, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use crate::CalendarId;
use super::TimeZone;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("date {date} is outside calendar {calendar}")]
    OutOfRange { calendar: CalendarId, date: NaiveDate },
    #[error("unknown calendar {0}")]
    Unknown(CalendarId),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BusinessCalendar { id: CalendarId, tz: TimeZone, first_year: i32, last_year: i32, holidays: BTreeSet<NaiveDate>, working_days: BTreeSet<NaiveDate> }

impl CalendarError {
    pub fn coverage(&self) -> Option<(CalendarId, i32)> {
        match self { Self::OutOfRange { calendar, date } => Some((calendar.clone(), chrono::Datelike::year(date))), _ => None }
    }
}
impl BusinessCalendar {
    fn mk(id: &'static str, tz: TimeZone, h: &[&str], w: &[&str], fy: i32, ly: i32) -> Self {
        Self { id: CalendarId::from_static(id), tz, first_year: fy, last_year: ly,
            holidays: h.iter().filter_map(|s| s.parse().ok()).collect(), working_days: w.iter().filter_map(|s| s.parse().ok()).collect() }
    }
    pub fn prc() -> Self {
        let mut h = vec!["2025-01-01","2025-05-01","2025-05-02","2025-05-05","2025-10-01","2025-10-02","2025-10-03","2025-10-06","2025-10-07","2025-10-08","2026-01-01","2026-01-02"];
        for d in 16..=23 { h.push(Box::leak(format!("2026-02-{d:02}").into_boxed_str())); }
        h.push("2026-02-23");
        Self::mk("cn", TimeZone::SHANGHAI, &h, &["2025-01-26","2025-02-08","2025-04-27","2025-09-28","2025-10-11","2026-01-04","2026-02-14","2026-02-28","2026-05-09","2026-09-20","2026-10-10"], 2025, 2026)
    }
    pub fn us_federal() -> Self { let mut c = Self::us_sec(); c.id = CalendarId::from_static("us-federal"); c }
    pub fn us_sec() -> Self {
        Self::mk("us-sec", TimeZone::NEW_YORK, &["2025-01-01","2025-01-20","2025-02-17","2025-05-26","2025-06-19","2025-07-04","2025-09-01","2025-10-13","2025-11-11","2025-11-27","2025-12-24","2025-12-25","2025-12-26","2026-01-01","2026-01-19","2026-02-16","2026-05-25","2026-06-19","2026-07-03","2026-09-07","2026-10-12","2026-11-11","2026-11-26","2026-12-25"], &[], 2025, 2027)
    }
    pub fn id(&self) -> &CalendarId { &self.id }
    pub fn time_zone(&self) -> TimeZone { self.tz }
    pub fn is_working_day(&self, d: NaiveDate) -> Result<bool, CalendarError> {
        if d.year() < self.first_year || d.year() > self.last_year { return Err(CalendarError::OutOfRange { calendar: self.id.clone(), date: d }); }
        if self.working_days.contains(&d) { return Ok(true); }
        Ok(!matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&d))
    }
    pub fn next_working_day(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        let mut x = d; loop { x = x.succ_opt().ok_or(CalendarError::OutOfRange { calendar: self.id.clone(), date: d })?; if self.is_working_day(x)? { return Ok(x); } }
    }
    pub fn working_day_on_or_after(&self, d: NaiveDate) -> Result<NaiveDate, CalendarError> {
        if self.is_working_day(d)? { Ok(d) } else { self.next_working_day(d) }
    }
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let mut x = d; for _ in 0..n { x = self.next_working_day(x)?; } self.is_working_day(d)?; Ok(x)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Calendars { map: BTreeMap<CalendarId, BusinessCalendar> }
impl Calendars {
    pub fn builtin() -> Self { let mut c = Self::default(); c.insert(BusinessCalendar::prc()); c.insert(BusinessCalendar::us_sec()); c.insert(BusinessCalendar::us_federal()); c }
    pub fn insert(&mut self, cal: BusinessCalendar) -> Option<BusinessCalendar> { self.map.insert(cal.id.clone(), cal) }
    pub fn get(&self, id: &CalendarId) -> Result<&BusinessCalendar, CalendarError> { self.map.get(id).ok_or_else(|| CalendarError::Unknown(id.clone())) }
}
