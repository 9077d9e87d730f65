//! Time zones. Deadlines are instants (UTC); day and month periods are counted on a
//! jurisdiction's local civil calendar, so every clock needs its IANA zone to turn one into
//! the other, across daylight-saving changes.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{
    DateTime, Datelike, MappedLocalTime, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone as _, Timelike, Utc,
};
use chrono_tz::{GapInfo, OffsetName, Tz, TzOffset};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

/// A name that is not in the IANA time-zone database.
///
/// # Handling
/// Input error: report it to whoever supplied the value; retrying will not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown time zone {value:?}: use an IANA time-zone name such as \"Asia/Shanghai\", \"America/New_York\", \"Europe/Berlin\" or \"UTC\" (names are case-sensitive)")]
pub struct ZoneError {
    value: String,
}

impl ZoneError {
    /// The rejected name.
    pub fn value(&self) -> &str {
        &self.value
    }
}

/// An IANA time zone (`Asia/Shanghai`), serialized as its name so stored calendars and
/// regimes stay readable and survive tz-database updates (offsets are looked up, not stored).
///
/// # Examples
/// ```
/// use chrono::{NaiveDate, NaiveTime, TimeZone as _, Utc};
/// use incident::locale::Zone;
///
/// let ny: Zone = "America/New_York".parse()?;
/// assert_eq!(ny, Zone::NEW_YORK);
/// // 02:30 does not exist on the spring-forward day: it resolves to 03:00 EDT.
/// let date = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
/// let at = ny.instant_at(date, NaiveTime::from_hms_opt(2, 30, 0).unwrap());
/// assert_eq!(at, Utc.with_ymd_and_hms(2026, 3, 8, 7, 0, 0).unwrap());
/// assert_eq!(ny.format_local(at), "2026-03-08 03:00 EDT (UTC-04:00)");
/// # Ok::<(), incident::locale::ZoneError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Zone(Tz);

impl Zone {
    /// Coordinated Universal Time.
    pub const UTC: Self = Self(chrono_tz::UTC);
    /// Mainland China (`Asia/Shanghai`, UTC+8, no daylight saving).
    pub const SHANGHAI: Self = Self(chrono_tz::Asia::Shanghai);
    /// Hong Kong (`Asia/Hong_Kong`).
    pub const HONG_KONG: Self = Self(chrono_tz::Asia::Hong_Kong);
    /// Singapore (`Asia/Singapore`).
    pub const SINGAPORE: Self = Self(chrono_tz::Asia::Singapore);
    /// US Eastern time (`America/New_York`): the SEC's and EDGAR's clock.
    pub const NEW_YORK: Self = Self(chrono_tz::America::New_York);
    /// United Kingdom (`Europe/London`).
    pub const LONDON: Self = Self(chrono_tz::Europe::London);
    /// Germany (`Europe/Berlin`), Central European Time.
    pub const BERLIN: Self = Self(chrono_tz::Europe::Berlin);
    /// Belgium (`Europe/Brussels`), seat of the EU institutions.
    pub const BRUSSELS: Self = Self(chrono_tz::Europe::Brussels);

    /// Wraps a `chrono-tz` zone.
    pub const fn new(tz: Tz) -> Self {
        Self(tz)
    }

    /// The `chrono-tz` zone, for hosts that do their own conversions.
    pub const fn as_tz(&self) -> Tz {
        self.0
    }

    /// The IANA name, e.g. `Asia/Shanghai`.
    pub fn name(&self) -> &'static str {
        self.0.name()
    }

    /// The local date at `instant`: the date day periods are counted from.
    pub fn local_date(&self, instant: DateTime<Utc>) -> NaiveDate {
        self.to_local(instant).date()
    }

    /// The local wall-clock time at `instant` (saturating at the limits of `chrono`'s
    /// range, where `chrono`'s own conversion would panic).
    pub fn to_local(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        self.local_parts(instant).0
    }

    fn local_parts(&self, instant: DateTime<Utc>) -> (NaiveDateTime, TzOffset) {
        let utc = instant.naive_utc();
        let offset = self.0.offset_from_utc_datetime(&utc);
        let fixed = offset.fix();
        let local = utc
            .checked_add_offset(fixed)
            .unwrap_or(if fixed.local_minus_utc() > 0 {
                NaiveDateTime::MAX
            } else {
                NaiveDateTime::MIN
            });
        (local, offset)
    }

    /// The instant at which local clocks show `time` on `date`.
    ///
    /// Daylight saving makes some local times ambiguous or impossible; both resolve in the
    /// direction that keeps a deadline safe:
    /// - an **ambiguous** time (clocks fall back, the hour repeats) resolves to the
    ///   **earlier** instant, so a deadline computed from it is never late;
    /// - a **non-existent** time (clocks spring forward over it) resolves to the **first
    ///   instant after the gap**: 02:30 on a US spring-forward day is 03:00 EDT.
    ///
    /// Never panics: local times within a day of the limits of `chrono`'s range saturate to
    /// [`DateTime::<Utc>::MIN_UTC`] or [`DateTime::<Utc>::MAX_UTC`].
    pub fn instant_at(&self, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
        let local = date.and_time(time);
        match self.0.offset_from_local_datetime(&local) {
            MappedLocalTime::Single(offset) => shift(local, &offset),
            MappedLocalTime::Ambiguous(a, b) => shift(local, &a).min(shift(local, &b)),
            MappedLocalTime::None => {
                let gap = GapInfo::new(&local, &self.0);
                match gap {
                    Some(GapInfo { end: Some(end), .. }) => end.with_timezone(&Utc),
                    // At the edge of the tz database: shift by the offset before the gap.
                    Some(GapInfo {
                        begin: Some((_, before)),
                        ..
                    }) => shift(local, &before),
                    _ => local.and_utc(),
                }
            }
        }
    }

    /// The first instant of the local day `date` (local midnight, or the end of a gap that
    /// swallows midnight).
    pub fn start_of_day(&self, date: NaiveDate) -> DateTime<Utc> {
        self.instant_at(date, NaiveTime::MIN)
    }

    /// The end of the local day `date`, as an **exclusive** bound: the first instant of the
    /// next local day. Day periods "end at 24:00" (Civil Code art. 203, Reg. 1182/71 art.
    /// 3(2)(b)); compare `submitted < end_of_day(date)`. Using the next day's start instead of
    /// `23:59:59` leaves no unrepresented last second and copes with days of 23 or 25 hours.
    ///
    /// For [`NaiveDate::MAX`] (no next day) this is [`DateTime::<Utc>::MAX_UTC`].
    pub fn end_of_day(&self, date: NaiveDate) -> DateTime<Utc> {
        match date.succ_opt() {
            Some(next) => self.start_of_day(next),
            None => DateTime::<Utc>::MAX_UTC,
        }
    }

    /// `instant` as local time for people, e.g. `2026-03-14 09:30 CST (UTC+08:00)`: the
    /// zone abbreviation alone is ambiguous (CST is also US Central), so the offset follows.
    pub fn format_local(&self, instant: DateTime<Utc>) -> String {
        self.format_local_moment(instant, false)
    }

    /// A due time as [`format_local`](Self::format_local) writes it, except that local
    /// midnight is written as 24:00 of the day the deadline ends (`2026-02-26 24:00 CST
    /// (UTC+08:00)`, not `2026-02-27 00:00`, which reads as a day later).
    pub fn format_local_deadline(&self, instant: DateTime<Utc>) -> String {
        self.format_local_moment(instant, true)
    }

    fn format_local_moment(&self, instant: DateTime<Utc>, deadline: bool) -> String {
        let (wall, offset) = self.local_parts(instant);
        let (wall, hour) = super::format::deadline_wall(wall, deadline);
        let fixed = offset.fix();
        let utc_offset = format_offset(fixed.local_minus_utc());
        let abbreviation = offset
            .abbreviation()
            .map_or_else(|| utc_offset.clone(), str::to_owned);
        format!(
            "{:04}-{:02}-{:02} {hour:02}:{:02} {abbreviation} (UTC{utc_offset})",
            wall.year(),
            wall.month(),
            wall.day(),
            wall.minute(),
        )
    }
}

/// `local - offset` as UTC, saturating where `chrono`'s range ends.
fn shift(local: NaiveDateTime, offset: &TzOffset) -> DateTime<Utc> {
    let fixed = offset.fix();
    match local.checked_sub_offset(fixed) {
        Some(utc) => utc.and_utc(),
        None if fixed.local_minus_utc() > 0 => DateTime::<Utc>::MIN_UTC,
        None => DateTime::<Utc>::MAX_UTC,
    }
}

/// `+08:00`, `-04:00`, or `+08:05:43` for historical offsets with seconds.
pub(crate) fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    if s == 0 {
        format!("{sign}{h:02}:{m:02}")
    } else {
        format!("{sign}{h:02}:{m:02}:{s:02}")
    }
}

impl From<Tz> for Zone {
    fn from(tz: Tz) -> Self {
        Self(tz)
    }
}

impl From<Zone> for Tz {
    fn from(zone: Zone) -> Self {
        zone.0
    }
}

impl FromStr for Zone {
    type Err = ZoneError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse::<Tz>().map(Self).map_err(|_| ZoneError {
            value: s.to_owned(),
        })
    }
}

impl TryFrom<String> for Zone {
    type Error = ZoneError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<Zone> for String {
    fn from(zone: Zone) -> Self {
        zone.name().to_owned()
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Debug for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Zone").field(&self.name()).finish()
    }
}

/// Ordered by IANA name, so collections of zones sort predictably.
impl PartialOrd for Zone {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Zone {
    fn cmp(&self, other: &Self) -> Ordering {
        self.name().cmp(other.name())
    }
}

impl JsonSchema for Zone {
    fn schema_name() -> Cow<'static, str> {
        "Zone".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An IANA time-zone name (case-sensitive), e.g. Asia/Shanghai, America/New_York, Europe/Berlin, UTC. Names unknown to the tz database are rejected.",
            "type": "string",
            "pattern": "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$",
            "examples": ["Asia/Shanghai", "America/New_York", "Europe/Berlin", "UTC"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn unambiguous_times_convert_both_ways() {
        let sh = Zone::SHANGHAI;
        let at = sh.instant_at(date(2026, 3, 14), time(9, 30));
        assert_eq!(at, utc(2026, 3, 14, 1, 30));
        assert_eq!(sh.local_date(utc(2026, 3, 14, 16, 0)), date(2026, 3, 15));
        assert_eq!(sh.to_local(at), date(2026, 3, 14).and_time(time(9, 30)));
        assert_eq!(sh.format_local(at), "2026-03-14 09:30 CST (UTC+08:00)");
        assert_eq!(
            sh.format_local_deadline(at),
            "2026-03-14 09:30 CST (UTC+08:00)"
        );
        let midnight = Utc.with_ymd_and_hms(2026, 2, 26, 16, 0, 0).unwrap();
        assert_eq!(
            sh.format_local(midnight),
            "2026-02-27 00:00 CST (UTC+08:00)"
        );
        assert_eq!(
            sh.format_local_deadline(midnight),
            "2026-02-26 24:00 CST (UTC+08:00)"
        );
        assert_eq!(
            Zone::UTC.format_local(at),
            "2026-03-14 01:30 UTC (UTC+00:00)"
        );
    }

    #[test]
    fn spring_forward_gap_resolves_to_first_instant_after_it() {
        let ny = Zone::NEW_YORK;
        // 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00 UTC).
        for t in [time(2, 0), time(2, 30), time(2, 59)] {
            assert_eq!(ny.instant_at(date(2026, 3, 8), t), utc(2026, 3, 8, 7, 0));
        }
        assert_eq!(
            ny.instant_at(date(2026, 3, 8), time(1, 59)),
            utc(2026, 3, 8, 6, 59)
        );
        assert_eq!(
            ny.instant_at(date(2026, 3, 8), time(3, 0)),
            utc(2026, 3, 8, 7, 0)
        );
        // Berlin 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
        let berlin = Zone::BERLIN;
        let at = berlin.instant_at(date(2026, 3, 29), time(2, 30));
        assert_eq!(at, utc(2026, 3, 29, 1, 0));
        assert_eq!(berlin.format_local(at), "2026-03-29 03:00 CEST (UTC+02:00)");
    }

    #[test]
    fn fall_back_ambiguity_resolves_to_earlier_instant() {
        let ny = Zone::NEW_YORK;
        // 2026-11-01: 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
        let at = ny.instant_at(date(2026, 11, 1), time(1, 30));
        assert_eq!(at, utc(2026, 11, 1, 5, 30));
        assert_eq!(ny.format_local(at), "2026-11-01 01:30 EDT (UTC-04:00)");
        assert_eq!(
            ny.format_local(utc(2026, 11, 1, 6, 30)),
            "2026-11-01 01:30 EST (UTC-05:00)"
        );
        // Berlin 2026-10-25: 02:30 happens at 00:30 UTC (CEST) and 01:30 UTC (CET).
        assert_eq!(
            Zone::BERLIN.instant_at(date(2026, 10, 25), time(2, 30)),
            utc(2026, 10, 25, 0, 30)
        );
    }

    #[test]
    fn days_end_at_the_next_days_start_even_across_dst() {
        let ny = Zone::NEW_YORK;
        // The spring-forward day has 23 hours, the fall-back day 25.
        let spring = date(2026, 3, 8);
        assert_eq!(ny.start_of_day(spring), utc(2026, 3, 8, 5, 0));
        assert_eq!(ny.end_of_day(spring), utc(2026, 3, 9, 4, 0));
        let fall = date(2026, 11, 1);
        assert_eq!(
            ny.end_of_day(fall) - ny.start_of_day(fall),
            chrono::Duration::hours(25)
        );
        assert_eq!(
            Zone::SHANGHAI.end_of_day(date(2026, 2, 26)),
            utc(2026, 2, 26, 16, 0)
        );
        // A zone whose clocks skipped midnight: America/Santiago 2022-09-11 00:00 → 01:00.
        let santiago: Zone = "America/Santiago".parse().unwrap();
        assert_eq!(
            santiago.start_of_day(date(2022, 9, 11)),
            utc(2022, 9, 11, 4, 0)
        );
    }

    #[test]
    fn extremes_saturate_instead_of_panicking() {
        let sh = Zone::SHANGHAI;
        assert_eq!(sh.end_of_day(NaiveDate::MAX), DateTime::<Utc>::MAX_UTC);
        assert_eq!(
            sh.instant_at(NaiveDate::MIN, NaiveTime::MIN),
            DateTime::<Utc>::MIN_UTC
        );
        let ny = Zone::NEW_YORK;
        assert_eq!(
            ny.instant_at(NaiveDate::MAX, time(23, 0)),
            DateTime::<Utc>::MAX_UTC
        );
        assert!(!sh.format_local(DateTime::<Utc>::MAX_UTC).is_empty());
        assert!(!ny.format_local(DateTime::<Utc>::MIN_UTC).is_empty());
        assert_eq!(sh.to_local(DateTime::<Utc>::MAX_UTC), NaiveDateTime::MAX);
        assert_eq!(ny.local_date(DateTime::<Utc>::MIN_UTC), NaiveDate::MIN);
    }

    #[test]
    fn historical_offsets_with_seconds_format() {
        // Shanghai used local mean time (+08:05:43) before 1901.
        let text = Zone::SHANGHAI.format_local(utc(1900, 1, 1, 0, 0));
        assert!(text.ends_with("(UTC+08:05:43)"), "{text}");
    }

    #[test]
    fn serde_uses_the_iana_name_and_rejects_unknown_names() {
        for name in [
            "Asia/Shanghai",
            "America/New_York",
            "Europe/Berlin",
            "UTC",
            "Etc/GMT+5",
            "America/Argentina/Buenos_Aires",
        ] {
            let zone: Zone = serde_json::from_str(&format!("\"{name}\"")).unwrap();
            assert_eq!(serde_json::to_string(&zone).unwrap(), format!("\"{name}\""));
            assert_eq!(zone.to_string(), name);
        }
        let err = serde_json::from_str::<Zone>("\"Mars/Olympus_Mons\"").unwrap_err();
        assert!(err.to_string().contains("\"Mars/Olympus_Mons\""), "{err}");
        assert!(err.to_string().contains("IANA"), "{err}");
        assert!("asia/shanghai".parse::<Zone>().is_err());
        assert_eq!(
            "Asia/Shanghai".parse::<Zone>().unwrap().as_tz(),
            chrono_tz::Asia::Shanghai
        );
        assert!(Zone::SHANGHAI < Zone::BERLIN);
        assert_eq!(format!("{:?}", Zone::UTC), "Zone(\"UTC\")".to_owned());
    }

    #[test]
    fn schema_pattern_admits_every_tz_database_name() {
        let schema =
            serde_json::to_value(Zone::json_schema(&mut SchemaGenerator::default())).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        for tz in chrono_tz::TZ_VARIANTS {
            let name = serde_json::Value::from(tz.name());
            assert!(validator.is_valid(&name), "{}", tz.name());
        }
        for bad in ["", "/UTC", "Asia/", "Asia Shanghai", "Asia//Shanghai"] {
            assert!(!validator.is_valid(&serde_json::Value::from(bad)), "{bad}");
        }
    }
}
