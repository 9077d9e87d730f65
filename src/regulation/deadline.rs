//! Counting: from a trigger instant and a limb's rules to a due instant.
//!
//! Elapsed units (minutes, hours) are added on the absolute timeline, so daylight-saving
//! changes neither stretch nor shrink them. Day-based units are counted on local dates in
//! the regime's (or the calendar's) zone and converted back to an instant at the end.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc};

use super::Limb;
use super::{
    Ambiguity, Anchor, BusinessCalendar, CalendarError, MissingFact, Roll, StartRule, TimeOfDay,
    TimeZone, Unit,
};

/// The resolved context one limb is counted in.
pub(crate) struct LimbContext<'a> {
    /// The zone for day-based counting; `None` when the regime's zone is unknown.
    pub(crate) zone: Option<TimeZone>,
    /// The calendar for working days and rolls, if the limb names one and it was found.
    pub(crate) calendar: Option<&'a BusinessCalendar>,
    /// Whether the roll is denied for this entity (DORA RTS Art. 5(5)).
    pub(crate) roll_denied: bool,
    /// Ambiguities for which the alternative reading was chosen.
    pub(crate) alternatives: &'a BTreeSet<Ambiguity>,
}

/// Why a limb could not be counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CountError {
    Missing(MissingFact),
    Overflow,
}

impl From<CalendarError> for CountError {
    fn from(e: CalendarError) -> Self {
        match e.coverage() {
            Some((id, year)) => Self::Missing(MissingFact::CalendarCoverage { id, year }),
            None => Self::Overflow,
        }
    }
}

/// Counts a limb from its trigger instant. `flip` inverts the chosen reading of one
/// ambiguity, to report the due time under the other reading.
pub(crate) fn due(
    limb: &Limb,
    triggered_at: DateTime<Utc>,
    cx: &LimbContext<'_>,
    flip: Option<Ambiguity>,
) -> Result<DateTime<Utc>, CountError> {
    let alt = |a: Ambiguity| {
        let chosen = cx.alternatives.contains(&a) && limb.ambiguities.contains(&a);
        if flip == Some(a) {
            !chosen
        } else {
            chosen
        }
    };
    let count = limb.offset.count;
    let due = match limb.offset.unit {
        Unit::Minutes | Unit::Hours => {
            let start = if alt(Ambiguity::HourCountStart) {
                next_full_hour(triggered_at, cx.zone.unwrap_or(TimeZone::UTC))
            } else {
                triggered_at
            };
            let span = if limb.offset.unit == Unit::Hours {
                Duration::hours(i64::from(count))
            } else {
                Duration::minutes(i64::from(count))
            };
            let due = start.checked_add_signed(span).ok_or(CountError::Overflow)?;
            if limb.from == Anchor::EndOfTriggerYear {
                // An elapsed period from the end of a year: count from 24:00 on 31 December.
                let zone = cx
                    .zone
                    .ok_or(CountError::Missing(MissingFact::EntityTimeZone))?;
                let year_end = year_end(zone.local_date(triggered_at))?;
                zone.end_of_day(year_end)
                    .checked_add_signed(span)
                    .ok_or(CountError::Overflow)?
            } else {
                due
            }
        }
        Unit::CalendarDays | Unit::Months | Unit::WorkingDays => {
            let zone = match (limb.offset.unit, cx.calendar) {
                (Unit::WorkingDays, Some(cal)) => cal.time_zone(),
                _ => cx
                    .zone
                    .ok_or(CountError::Missing(MissingFact::EntityTimeZone))?,
            };
            let mut start = zone.local_date(triggered_at);
            let mut time = TimeOfDayResolved::from_limb(limb.time_of_day, zone, triggered_at);
            if limb.from == Anchor::EndOfTriggerYear {
                start = year_end(start)?;
                time = TimeOfDayResolved::EndOfDay;
            }
            if alt(Ambiguity::DayEnd) {
                time = TimeOfDayResolved::EndOfDay;
            }
            let last = match limb.offset.unit {
                Unit::CalendarDays => start
                    .checked_add_days(chrono::Days::new(u64::from(count)))
                    .ok_or(CountError::Overflow)?,
                Unit::Months => start
                    .checked_add_months(chrono::Months::new(count))
                    .ok_or(CountError::Overflow)?,
                _ => {
                    let cal = cx.calendar.ok_or(CountError::Overflow)?;
                    match limb.start {
                        StartRule::NextWorkingDayInclusive if !cal.is_working_day(start)? => {
                            let first = cal.next_working_day(start)?;
                            cal.add_working_days(first, count.saturating_sub(1))?
                        }
                        _ => cal.add_working_days(start, count)?,
                    }
                }
            };
            let last = if alt(Ambiguity::RestDayExtension) {
                let cal = cx
                    .calendar
                    .ok_or(CountError::Missing(MissingFact::EntityCalendar))?;
                if cal.is_working_day(last)? {
                    last
                } else {
                    time = TimeOfDayResolved::EndOfDay;
                    cal.next_working_day(last)?
                }
            } else {
                last
            };
            time.instant(zone, last)
        }
    };
    roll(limb.roll, due, cx)
}

fn roll(rule: Roll, due: DateTime<Utc>, cx: &LimbContext<'_>) -> Result<DateTime<Utc>, CountError> {
    if rule == Roll::None || cx.roll_denied {
        return Ok(due);
    }
    let cal = cx
        .calendar
        .ok_or(CountError::Missing(MissingFact::EntityCalendar))?;
    let zone = cal.time_zone();
    let date = zone.local_date(due);
    if cal.is_working_day(date)? {
        return Ok(due);
    }
    let next = cal.next_working_day(date)?;
    Ok(match rule {
        Roll::None => due,
        Roll::NextWorkingDayEnd => zone.end_of_day(next),
        Roll::NextWorkingDayAt { time } => zone.instant_at(next, time),
    })
}

/// The last day of `date`'s year.
fn year_end(date: NaiveDate) -> Result<NaiveDate, CountError> {
    NaiveDate::from_ymd_opt(date.year(), 12, 31).ok_or(CountError::Overflow)
}

/// The next full local hour after `at` (or `at` itself when it is on the hour).
fn next_full_hour(at: DateTime<Utc>, zone: TimeZone) -> DateTime<Utc> {
    let local = zone.to_local(at);
    if local.minute() == 0 && local.second() == 0 && local.nanosecond() == 0 {
        return at;
    }
    let into_hour = Duration::minutes(i64::from(local.minute()))
        + Duration::seconds(i64::from(local.second()))
        + Duration::nanoseconds(i64::from(local.nanosecond()));
    at - into_hour + Duration::hours(1)
}

enum TimeOfDayResolved {
    At(NaiveTime),
    EndOfDay,
}

impl TimeOfDayResolved {
    fn from_limb(t: TimeOfDay, zone: TimeZone, trigger: DateTime<Utc>) -> Self {
        match t {
            TimeOfDay::SameClockTime => Self::At(zone.to_local(trigger).time()),
            TimeOfDay::EndOfDay => Self::EndOfDay,
            TimeOfDay::Fixed { time } => Self::At(time),
        }
    }

    fn instant(&self, zone: TimeZone, date: NaiveDate) -> DateTime<Utc> {
        match self {
            Self::At(time) => zone.instant_at(date, *time),
            Self::EndOfDay => zone.end_of_day(date),
        }
    }
}
