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
    Unit,
};
use crate::locale::Zone;

/// The resolved context one limb is counted in.
pub(crate) struct LimbContext<'a> {
    /// The zone for day-based counting; `None` when the regime's zone is unknown.
    pub(crate) zone: Option<Zone>,
    /// The calendar for working days and rolls, if the limb names one and it was found.
    pub(crate) calendar: Option<&'a BusinessCalendar>,
    /// Why `calendar` is `None` although the limb names one (reported only if the count
    /// actually needs the calendar: a denied roll does not).
    pub(crate) calendar_missing: Option<MissingFact>,
    /// Whether the roll is denied for this entity (DORA RTS Art. 5(5)).
    pub(crate) roll_denied: bool,
    /// Ambiguities for which the alternative reading was chosen.
    pub(crate) alternatives: &'a BTreeSet<Ambiguity>,
}

impl LimbContext<'_> {
    fn no_calendar(&self) -> CountError {
        CountError::Missing(
            self.calendar_missing
                .clone()
                .unwrap_or(MissingFact::EntityCalendar {}),
        )
    }
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
            Some((id, year)) => Self::Missing(MissingFact::CalendarCoverage {
                id,
                year,
                first_day: None,
                last_day: None,
                note: None,
                notes: crate::locale::Translations::new(),
            }),
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
    // Executive-order closures read as business days: the calendar without them.
    let open;
    let calendar = match cx.calendar {
        Some(cal) if alt(Ambiguity::ExecutiveOrderClosures) => match cal.without_closures() {
            Some(without) => {
                open = without;
                Some(&open)
            }
            None => Some(cal),
        },
        other => other,
    };
    let count = limb.offset.count;
    let due = match limb.offset.unit {
        Unit::Minutes | Unit::Hours => {
            let start = if alt(Ambiguity::HourCountStart) {
                next_full_hour(triggered_at, cx.zone.unwrap_or(Zone::UTC))
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
                    .ok_or(CountError::Missing(MissingFact::EntityTimeZone {}))?;
                let year_end = year_end(zone.local_date(triggered_at))?;
                zone.end_of_day(year_end)
                    .checked_add_signed(span)
                    .ok_or(CountError::Overflow)?
            } else {
                due
            }
        }
        Unit::CalendarDays | Unit::Months | Unit::WorkingDays => {
            let zone = match (limb.offset.unit, calendar) {
                (Unit::WorkingDays, Some(cal)) => cal.time_zone(),
                _ => cx
                    .zone
                    .ok_or(CountError::Missing(MissingFact::EntityTimeZone {}))?,
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
                    let cal = calendar.ok_or_else(|| cx.no_calendar())?;
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
                let cal = calendar.ok_or_else(|| cx.no_calendar())?;
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
    roll(limb.roll, due, cx, calendar)
}

fn roll(
    rule: Roll,
    due: DateTime<Utc>,
    cx: &LimbContext<'_>,
    calendar: Option<&BusinessCalendar>,
) -> Result<DateTime<Utc>, CountError> {
    if rule == (Roll::None {}) || cx.roll_denied {
        return Ok(due);
    }
    let cal = calendar.ok_or_else(|| cx.no_calendar())?;
    let zone = cal.time_zone();
    let date = zone.local_date(due);
    if cal.is_working_day(date)? {
        return Ok(due);
    }
    let next = cal.next_working_day(date)?;
    Ok(match rule {
        Roll::None {} => due,
        Roll::NextWorkingDayEnd {} => zone.end_of_day(next),
        Roll::NextWorkingDayAt { time } => zone.instant_at(next, time),
    })
}

/// The last day of `date`'s year.
fn year_end(date: NaiveDate) -> Result<NaiveDate, CountError> {
    NaiveDate::from_ymd_opt(date.year(), 12, 31).ok_or(CountError::Overflow)
}

/// The next full local hour after `at` (or `at` itself when it is on the hour).
fn next_full_hour(at: DateTime<Utc>, zone: Zone) -> DateTime<Utc> {
    let local = zone.to_local(at);
    if local.minute() == 0 && local.second() == 0 && local.nanosecond() == 0 {
        return at;
    }
    let into_hour = Duration::minutes(i64::from(local.minute()))
        + Duration::seconds(i64::from(local.second()))
        + Duration::nanoseconds(i64::from(local.nanosecond()));
    // At the very end of the representable timeline there is no next hour: keep `at`.
    at.checked_sub_signed(into_hour)
        .and_then(|t| t.checked_add_signed(Duration::hours(1)))
        .unwrap_or(at)
}

enum TimeOfDayResolved {
    At(NaiveTime),
    EndOfDay,
}

impl TimeOfDayResolved {
    fn from_limb(t: TimeOfDay, zone: Zone, trigger: DateTime<Utc>) -> Self {
        match t {
            TimeOfDay::SameClockTime {} => Self::At(zone.to_local(trigger).time()),
            TimeOfDay::EndOfDay {} => Self::EndOfDay,
            TimeOfDay::Fixed { time } => Self::At(time),
        }
    }

    fn instant(&self, zone: Zone, date: NaiveDate) -> DateTime<Utc> {
        match self {
            Self::At(time) => zone.instant_at(date, *time),
            Self::EndOfDay => zone.end_of_day(date),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regulation::{CalendarRule, Offset, Trigger};

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn count(limb: &Limb, at: &str, zone: Zone, alternatives: &[Ambiguity]) -> DateTime<Utc> {
        let cal = BusinessCalendar::prc();
        let alternatives: BTreeSet<Ambiguity> = alternatives.iter().copied().collect();
        let cx = LimbContext {
            zone: Some(zone),
            calendar: limb.calendar.as_ref().map(|_| &cal),
            roll_denied: false,
            alternatives: &alternatives,
            calendar_missing: None,
        };
        due(limb, t(at), &cx, None).unwrap()
    }

    #[test]
    fn minutes_and_hours_are_elapsed_time() {
        let l = Limb::new(Trigger::Detected {}, Offset::minutes(90));
        assert_eq!(
            count(&l, "2026-03-08T06:45:00Z", Zone::NEW_YORK, &[]),
            t("2026-03-08T08:15:00Z")
        );
        // The strict reading starts at the next full local hour; on the hour it changes
        // nothing.
        let h = Limb::new(Trigger::Detected {}, Offset::hours(2))
            .ambiguous(&[Ambiguity::HourCountStart]);
        let alt = [Ambiguity::HourCountStart];
        assert_eq!(
            count(&h, "2026-03-08T06:45:00Z", Zone::NEW_YORK, &alt),
            t("2026-03-08T09:00:00Z")
        );
        assert_eq!(
            count(&h, "2026-03-08T07:00:00Z", Zone::NEW_YORK, &alt),
            t("2026-03-08T09:00:00Z")
        );
        // Not declared ambiguous: the host's choice does not apply.
        let plain = Limb::new(Trigger::Detected {}, Offset::hours(2));
        assert_eq!(
            count(&plain, "2026-03-08T06:45:00Z", Zone::NEW_YORK, &alt),
            t("2026-03-08T08:45:00Z")
        );
    }

    #[test]
    fn the_next_full_hour_drops_minutes_seconds_and_fractions_and_keeps_an_instant_on_the_hour() {
        let next = |at: &str| next_full_hour(t(at), Zone::UTC);
        assert_eq!(next("2026-03-09T10:15:30Z"), t("2026-03-09T11:00:00Z"));
        assert_eq!(next("2026-03-09T10:00:30Z"), t("2026-03-09T11:00:00Z"));
        assert_eq!(next("2026-03-09T10:15:30.25Z"), t("2026-03-09T11:00:00Z"));
        assert_eq!(
            next("2026-03-09T10:00:00.000001Z"),
            t("2026-03-09T11:00:00Z")
        );
        assert_eq!(next("2026-03-09T10:00:00Z"), t("2026-03-09T10:00:00Z"));
        // The hour is local: Kolkata is UTC+5:30, so 10:15:30Z is 15:45:30 there.
        let kolkata: Zone = "Asia/Kolkata".parse().unwrap();
        assert_eq!(
            next_full_hour(t("2026-03-09T10:15:30Z"), kolkata),
            t("2026-03-09T10:30:00Z")
        );
        assert_eq!(
            next_full_hour(t("2026-03-09T10:30:00Z"), kolkata),
            t("2026-03-09T10:30:00Z")
        );
    }

    #[test]
    fn months_clamp_to_the_last_day_including_leap_years() {
        let l = Limb::new(Trigger::Detected {}, Offset::months(1));
        assert_eq!(
            count(&l, "2028-01-31T10:00:00Z", Zone::UTC, &[]),
            t("2028-02-29T10:00:00Z")
        );
        assert_eq!(
            count(&l, "2026-01-31T10:00:00Z", Zone::UTC, &[]),
            t("2026-02-28T10:00:00Z")
        );
        assert_eq!(
            count(&l, "2026-03-31T10:00:00Z", Zone::UTC, &[]),
            t("2026-04-30T10:00:00Z")
        );
        // End of day (exclusive 24:00) under the 1182/71 reading.
        let e = l.clone().ambiguous(&[Ambiguity::DayEnd]);
        assert_eq!(
            count(&e, "2026-01-31T10:00:00Z", Zone::UTC, &[Ambiguity::DayEnd]),
            t("2026-03-01T00:00:00Z")
        );
    }

    #[test]
    fn calendar_days_follow_the_local_date() {
        // 23:30 in Shanghai on 1 March is still 1 March there; 3 days later at 23:30 local.
        let l = Limb::new(Trigger::Detected {}, Offset::days(3));
        assert_eq!(
            count(&l, "2026-03-01T15:30:00Z", Zone::SHANGHAI, &[]),
            t("2026-03-04T15:30:00Z")
        );
        let fixed = l.at(TimeOfDay::Fixed {
            time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        });
        assert_eq!(
            count(&fixed, "2026-03-01T15:30:00Z", Zone::SHANGHAI, &[]),
            t("2026-03-04T01:00:00Z")
        );
    }

    #[test]
    fn end_of_year_anchor_for_day_and_hour_periods() {
        let days = Limb::new(Trigger::Detected {}, Offset::days(60)).from_year_end();
        assert_eq!(
            count(&days, "2026-05-01T10:00:00Z", Zone::UTC, &[]),
            t("2027-03-02T00:00:00Z")
        );
        let hours = Limb::new(Trigger::Detected {}, Offset::hours(24)).from_year_end();
        assert_eq!(
            count(&hours, "2026-05-01T10:00:00Z", Zone::UTC, &[]),
            t("2027-01-02T00:00:00Z")
        );
    }

    #[test]
    fn rolls_apply_only_on_non_working_days_and_only_when_not_denied() {
        let cn = CalendarRule::Entity {};
        let end = Limb::new(Trigger::Detected {}, Offset::hours(2))
            .calendar(cn.clone())
            .roll(Roll::NextWorkingDayEnd {}, None);
        // Saturday 7 March 2026 in Beijing → end of Monday 9 March.
        assert_eq!(
            count(&end, "2026-03-07T02:00:00Z", Zone::SHANGHAI, &[]),
            t("2026-03-09T16:00:00Z")
        );
        // A Friday stays.
        assert_eq!(
            count(&end, "2026-03-06T02:00:00Z", Zone::SHANGHAI, &[]),
            t("2026-03-06T04:00:00Z")
        );
        // The make-up Saturday 28 February 2026 is a working day: no roll.
        assert_eq!(
            count(&end, "2026-02-28T02:00:00Z", Zone::SHANGHAI, &[]),
            t("2026-02-28T04:00:00Z")
        );
        let noon = Limb::new(Trigger::Detected {}, Offset::hours(2))
            .calendar(cn)
            .roll(
                Roll::NextWorkingDayAt {
                    time: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
                },
                None,
            );
        assert_eq!(
            count(&noon, "2026-03-07T02:00:00Z", Zone::SHANGHAI, &[]),
            t("2026-03-09T04:00:00Z")
        );
        let cal = BusinessCalendar::prc();
        let none = BTreeSet::new();
        let denied = LimbContext {
            zone: Some(Zone::SHANGHAI),
            calendar: Some(&cal),
            roll_denied: true,
            alternatives: &none,
            calendar_missing: None,
        };
        assert_eq!(
            due(&noon, t("2026-03-07T02:00:00Z"), &denied, None).unwrap(),
            t("2026-03-07T04:00:00Z")
        );
    }

    #[test]
    fn working_days_and_the_rest_day_extension() {
        let wd = Limb::new(Trigger::Detected {}, Offset::working_days(5))
            .calendar(CalendarRule::Entity {});
        // From Thursday 12 February 2026 10:00 CST: Thursday 26 February, same clock time.
        assert_eq!(
            count(&wd, "2026-02-12T02:00:00Z", Zone::SHANGHAI, &[]),
            t("2026-02-26T02:00:00Z")
        );
        let inclusive = wd.clone().start(StartRule::NextWorkingDayInclusive);
        // From Sunday 15 February (holiday): begins on and includes Tuesday 24 → Saturday 28
        // (a make-up working day).
        assert_eq!(
            count(&inclusive, "2026-02-15T02:00:00Z", Zone::SHANGHAI, &[]),
            t("2026-02-28T02:00:00Z")
        );
        // Working days are counted in the calendar's own zone (Beijing dates for the PRC
        // calendar), whatever zone the entity reports in: Wednesday evening in New York is
        // already Thursday in Beijing: Thursday 5 March 10:00 → Thursday 12 March 10:00.
        assert_eq!(
            count(&wd, "2026-03-05T02:00:00Z", Zone::NEW_YORK, &[]),
            t("2026-03-12T02:00:00Z")
        );
        // The start rule matters on its own when no day is added: from a rest day, "the
        // next working day, inclusive" is that day; a plain count stays on the rest day.
        let zero = Limb::new(Trigger::Detected {}, Offset::working_days(0))
            .calendar(CalendarRule::Entity {});
        assert_eq!(
            count(
                &zero.clone().start(StartRule::NextWorkingDayInclusive),
                "2026-02-15T02:00:00Z",
                Zone::SHANGHAI,
                &[]
            ),
            t("2026-02-24T02:00:00Z")
        );
        assert_eq!(
            count(&zero, "2026-02-15T02:00:00Z", Zone::SHANGHAI, &[]),
            t("2026-02-15T02:00:00Z")
        );
        // From a working day, inclusive or not, the count is the same, zero days included.
        assert_eq!(
            count(
                &zero.clone().start(StartRule::NextWorkingDayInclusive),
                "2026-02-12T02:00:00Z",
                Zone::SHANGHAI,
                &[]
            ),
            t("2026-02-12T02:00:00Z")
        );
        assert_eq!(
            count(&inclusive, "2026-02-12T02:00:00Z", Zone::SHANGHAI, &[]),
            t("2026-02-26T02:00:00Z")
        );
        let days = Limb::new(Trigger::Detected {}, Offset::days(3))
            .calendar(CalendarRule::Entity {})
            .ambiguous(&[Ambiguity::RestDayExtension]);
        // 3 days from Thursday 12 February end on Sunday 15 (a holiday); the extension runs
        // to the end of Tuesday 24 February.
        assert_eq!(
            count(&days, "2026-02-12T02:00:00Z", Zone::SHANGHAI, &[]),
            t("2026-02-15T02:00:00Z")
        );
        assert_eq!(
            count(
                &days,
                "2026-02-12T02:00:00Z",
                Zone::SHANGHAI,
                &[Ambiguity::RestDayExtension]
            ),
            t("2026-02-24T16:00:00Z")
        );
    }

    #[test]
    fn missing_zone_calendar_and_coverage_are_named() {
        let none = BTreeSet::new();
        let cx = LimbContext {
            zone: None,
            calendar: None,
            roll_denied: false,
            alternatives: &none,
            calendar_missing: None,
        };
        let days = Limb::new(Trigger::Detected {}, Offset::days(3));
        assert_eq!(
            due(&days, t("2026-02-12T02:00:00Z"), &cx, None),
            Err(CountError::Missing(MissingFact::EntityTimeZone {}))
        );
        let wd = Limb::new(Trigger::Detected {}, Offset::working_days(3));
        let cx = LimbContext {
            zone: Some(Zone::UTC),
            ..cx
        };
        assert_eq!(
            due(&wd, t("2026-02-12T02:00:00Z"), &cx, None),
            Err(CountError::Missing(MissingFact::EntityCalendar {}))
        );
        let cal = BusinessCalendar::prc();
        let cx = LimbContext {
            calendar: Some(&cal),
            ..cx
        };
        assert_eq!(
            due(&wd, t("2026-12-30T02:00:00Z"), &cx, None),
            Err(CountError::Missing(MissingFact::CalendarCoverage {
                id: crate::id::CalendarId::from_static("cn"),
                year: 2027,
                first_day: None,
                last_day: None,
                note: None,
                notes: crate::locale::Translations::new(),
            }))
        );
        // Hours need no zone.
        let h = Limb::new(Trigger::Detected {}, Offset::hours(3));
        assert_eq!(
            due(&h, t("2026-12-30T02:00:00Z"), &cx, None),
            Ok(t("2026-12-30T05:00:00Z"))
        );
    }
}
