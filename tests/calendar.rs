//! Business calendars: the built-in schedules checked date by date, and the indexed queries
//! checked against a day-by-day reference implementation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use incident::id::CalendarId;
use incident::locale::Zone;
use incident::regulation::{BusinessCalendar, CalendarError, CalendarSpec, Calendars, Day};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

// --- the built-in data: worked queries, one table ------------------------------------------

/// One query on a built-in calendar and the answer the official schedule gives.
enum Query {
    /// `is_working_day(date)`.
    Working(NaiveDate, bool),
    /// Every day from the first date to the last, both included, is a rest day.
    RestDays(NaiveDate, NaiveDate),
    /// `add_working_days(start, n)`.
    Add(NaiveDate, u32, NaiveDate),
    /// `sub_working_days(start, n)`.
    Sub(NaiveDate, u32, NaiveDate),
    /// `working_days_between(start, end)`.
    Between(NaiveDate, NaiveDate, u32),
    /// `next_working_day(date)`.
    Next(NaiveDate, NaiveDate),
    /// `working_day_on_or_after(date)`.
    OnOrAfter(NaiveDate, NaiveDate),
}

impl Query {
    /// The answer `calendar` gives, or what was wrong with it.
    fn check(&self, calendar: &BusinessCalendar) -> Result<(), String> {
        let same = |got: Result<NaiveDate, CalendarError>, want: NaiveDate| match got {
            Ok(got) if got == want => Ok(()),
            other => Err(format!("got {other:?}, expected {want}")),
        };
        match *self {
            Query::Working(date, want) => match calendar.is_working_day(date) {
                Ok(got) if got == want => Ok(()),
                other => Err(format!("{date}: working {other:?}, expected {want}")),
            },
            Query::RestDays(first, last) => {
                let working: Vec<_> = first
                    .iter_days()
                    .take_while(|x| *x <= last)
                    .filter(|x| calendar.is_working_day(*x) != Ok(false))
                    .collect();
                if working.is_empty() {
                    Ok(())
                } else {
                    Err(format!("not rest days: {working:?}"))
                }
            }
            Query::Add(start, n, want) => same(calendar.add_working_days(start, n), want),
            Query::Sub(start, n, want) => same(calendar.sub_working_days(start, n), want),
            Query::Between(start, end, want) => match calendar.working_days_between(start, end) {
                Ok(got) if got == want => Ok(()),
                other => Err(format!("got {other:?}, expected {want}")),
            },
            Query::Next(date, want) => same(calendar.next_working_day(date), want),
            Query::OnOrAfter(date, want) => same(calendar.working_day_on_or_after(date), want),
        }
    }
}

#[test]
fn worked_queries_on_the_built_in_calendars() {
    use Query::*;
    let cn = BusinessCalendar::prc();
    let federal = BusinessCalendar::us_federal();
    let sec = BusinessCalendar::us_sec();
    // What the row checks, the calendar, the query and its answer.
    #[rustfmt::skip]
    let cases: Vec<(&str, &BusinessCalendar, Query)> = vec![
        // Spring Festival 2026: start Thu 02-12 (not counted). Counted: Fri 02-13 (1), make-up
        // Sat 02-14 (2); 02-15..02-23 off; Tue 02-24 (3), Wed 02-25 (4), Thu 02-26 (5).
        ("prc: 1 after Thu 2026-02-12",           &cn, Add(d(2026, 2, 12), 1, d(2026, 2, 13))),
        ("prc: 2, the make-up Saturday",          &cn, Add(d(2026, 2, 12), 2, d(2026, 2, 14))),
        ("prc: 3, after the festival",            &cn, Add(d(2026, 2, 12), 3, d(2026, 2, 24))),
        ("prc: 4",                                &cn, Add(d(2026, 2, 12), 4, d(2026, 2, 25))),
        ("prc: 5",                                &cn, Add(d(2026, 2, 12), 5, d(2026, 2, 26))),
        ("prc: Spring Festival off",              &cn, RestDays(d(2026, 2, 15), d(2026, 2, 23))),
        ("prc: make-up Saturday 2026-02-28",      &cn, Working(d(2026, 2, 28), true)),
        ("prc: 5 elapse 02-12..02-26",            &cn, Between(d(2026, 2, 12), d(2026, 2, 26), 5)),
        ("prc: and back",                         &cn, Sub(d(2026, 2, 26), 5, d(2026, 2, 12))),
        // The 2025 and 2026 notices: make-up days work, holiday blocks rest.
        ("prc: make-up Sunday 2025-01-26",        &cn, Working(d(2025, 1, 26), true)),
        ("prc: National Day block 2025-10-08",    &cn, Working(d(2025, 10, 8), false)),
        ("prc: make-up Sunday 2026-01-04",        &cn, Working(d(2026, 1, 4), true)),
        ("prc: after National Day 2025-10-09",    &cn, Working(d(2025, 10, 9), true)),
        ("prc: ordinary Sunday 2025-10-12",       &cn, Working(d(2025, 10, 12), false)),
        ("prc: next after 2025-09-30",            &cn, Next(d(2025, 9, 30), d(2025, 10, 9))),
        ("prc: on or after 2025-10-01",           &cn, OnOrAfter(d(2025, 10, 1), d(2025, 10, 9))),
        // EO 11582: a Saturday holiday is observed on Friday, a Sunday one on Monday.
        ("federal: New Year 2028 on 2027-12-31",  &federal, Working(d(2027, 12, 31), false)),
        ("federal: July 4 2026 on 07-03",         &federal, Working(d(2026, 7, 3), false)),
        ("federal: Juneteenth 2027 on 06-18",     &federal, Working(d(2027, 6, 18), false)),
        // Christmas 2025 from Fri 12-19: Mon 22 (1), Tue 23 (2); Wed 24 (EO closure), Thu 25
        // (Christmas), Fri 26 (EO closure), weekend 27–28; Mon 29 (3), Tue 30 (4).
        ("sec: 4 over Christmas 2025",            &sec, Add(d(2025, 12, 19), 4, d(2025, 12, 30))),
        // On the statutory calendar only Christmas is off: 22, 23, 24, 26.
        ("federal: 4 over Christmas 2025",        &federal, Add(d(2025, 12, 19), 4, d(2025, 12, 26))),
        // National day of mourning for President Carter, Thu 2025-01-09 (EO 14133; EDGAR
        // closed): from Tue 01-07, Wed 08 (1), Fri 10 (2), Mon 13 (3), Tue 14 (4).
        ("sec: EO 14133 closure 2025-01-09",      &sec, Working(d(2025, 1, 9), false)),
        ("sec: 4 over the day of mourning",       &sec, Add(d(2025, 1, 7), 4, d(2025, 1, 14))),
        ("federal: 4 from Tue 2025-01-07",        &federal, Add(d(2025, 1, 7), 4, d(2025, 1, 13))),
        // Thanksgiving 2026: Wed 11-25; Thu 26 Thanksgiving; Fri 27 is a business day.
        ("federal: next after Wed 2026-11-25",    &federal, Next(d(2026, 11, 25), d(2026, 11, 27))),
        ("federal: 2 after Wed 2026-11-25",       &federal, Add(d(2026, 11, 25), 2, d(2026, 11, 30))),
        ("federal: 3 elapse 11-24..11-30",        &federal, Between(d(2026, 11, 24), d(2026, 11, 30), 3)),
        ("federal: 1 before Fri 2026-11-27",      &federal, Sub(d(2026, 11, 27), 1, d(2026, 11, 25))),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(what, calendar, query)| {
            query.check(calendar).err().map(|e| format!("{what}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn prc_make_up_days_and_holidays() {
    let cn = BusinessCalendar::prc();
    // The make-up days are the weekend days the notices name.
    let expected = [
        (d(2025, 1, 26), Weekday::Sun),
        (d(2025, 2, 8), Weekday::Sat),
        (d(2025, 4, 27), Weekday::Sun),
        (d(2025, 9, 28), Weekday::Sun),
        (d(2025, 10, 11), Weekday::Sat),
        (d(2026, 1, 4), Weekday::Sun),
        (d(2026, 2, 14), Weekday::Sat),
        (d(2026, 2, 28), Weekday::Sat),
        (d(2026, 5, 9), Weekday::Sat),
        (d(2026, 9, 20), Weekday::Sun),
        (d(2026, 10, 10), Weekday::Sat),
    ];
    let listed: Vec<_> = cn.spec().working_days.iter().copied().collect();
    assert_eq!(listed, expected.map(|(date, _)| date));
    for (date, weekday) in expected {
        assert_eq!(date.weekday(), weekday, "{date}");
    }
    // Cross-check against the 13 statutory holiday days a year (全国年节及纪念日放假办法,
    // as amended 2024): weekdays off minus make-up days is 13 in both years.
    let weekdays_off = |year: i32| {
        cn.spec()
            .holidays
            .iter()
            .filter(|h| h.year() == year && !matches!(h.weekday(), Weekday::Sat | Weekday::Sun))
            .count()
    };
    let make_up = |year: i32| {
        cn.spec()
            .working_days
            .iter()
            .filter(|w| w.year() == year)
            .count()
    };
    assert_eq!((weekdays_off(2025), make_up(2025)), (18, 5));
    assert_eq!((weekdays_off(2026), make_up(2026)), (19, 6));
    // So 2025 has (weekdays - 18 + 5) working days.
    let working_2025 = cn
        .working_days_between(d(2025, 1, 1), d(2025, 12, 31))
        .unwrap()
        + u32::from(cn.is_working_day(d(2025, 1, 1)).unwrap());
    let weekdays_2025 = d(2025, 1, 1)
        .iter_days()
        .take_while(|x| x.year() == 2025)
        .filter(|x| !matches!(x.weekday(), Weekday::Sat | Weekday::Sun))
        .count();
    assert_eq!(working_2025 as usize, weekdays_2025 - 18 + 5);
}

/// The `n`-th `weekday` of a month, or the last one when `n == 0`.
fn nth(year: i32, month: u32, weekday: Weekday, n: u8) -> NaiveDate {
    if n == 0 {
        let next = if month == 12 {
            d(year + 1, 1, 1)
        } else {
            d(year, month + 1, 1)
        };
        let mut x = next.pred_opt().unwrap();
        while x.weekday() != weekday {
            x = x.pred_opt().unwrap();
        }
        x
    } else {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, n).unwrap()
    }
}

/// EO 11582: a Saturday holiday is observed on Friday, a Sunday one on Monday.
fn observed(date: NaiveDate) -> NaiveDate {
    match date.weekday() {
        Weekday::Sat => date.pred_opt().unwrap(),
        Weekday::Sun => date.succ_opt().unwrap(),
        _ => date,
    }
}

#[test]
fn us_federal_holidays_follow_5_usc_6103_and_eo_11582() {
    let mut by_rule = BTreeSet::new();
    for year in 2025..=2027 {
        by_rule.extend([
            observed(d(year, 1, 1)),
            nth(year, 1, Weekday::Mon, 3),
            nth(year, 2, Weekday::Mon, 3),
            nth(year, 5, Weekday::Mon, 0),
            observed(d(year, 6, 19)),
            observed(d(year, 7, 4)),
            nth(year, 9, Weekday::Mon, 1),
            nth(year, 10, Weekday::Mon, 2),
            observed(d(year, 11, 11)),
            nth(year, 11, Weekday::Thu, 4),
            observed(d(year, 12, 25)),
        ]);
    }
    // New Year's Day 2028 is a Saturday: observed on Friday 2027-12-31.
    assert_eq!(observed(d(2028, 1, 1)), d(2027, 12, 31));
    by_rule.insert(observed(d(2028, 1, 1)));
    let federal = BusinessCalendar::us_federal();
    assert_eq!(federal.spec().holidays, by_rule);
    for h in &by_rule {
        assert!(!matches!(h.weekday(), Weekday::Sat | Weekday::Sun), "{h}");
        assert!(!federal.is_working_day(*h).unwrap(), "{h}");
    }

    let sec = BusinessCalendar::us_sec();
    // The statutory holidays are the federal ones; the executive-order closures are apart
    // (EO 14133: 2025-01-09; EO 14371: 2025-12-24, 2025-12-26), rest days by default.
    assert_eq!(sec.spec().holidays, federal.spec().holidays);
    let closures: Vec<_> = sec.spec().closures.iter().copied().collect();
    assert_eq!(closures, [d(2025, 1, 9), d(2025, 12, 24), d(2025, 12, 26)]);
    for c in &closures {
        assert!(!sec.is_working_day(*c).unwrap(), "{c}");
        assert!(federal.is_working_day(*c).unwrap(), "{c}");
    }
    let open = sec.without_closures().unwrap();
    assert_eq!(open.spec().holidays, federal.spec().holidays);
    assert!(open.is_working_day(d(2025, 1, 9)).unwrap());
    assert!(federal.without_closures().is_none());
    assert_eq!(sec.covered_years(), federal.covered_years());
    assert_eq!(sec.time_zone(), Zone::NEW_YORK);
}

#[test]
fn dates_outside_the_covered_years_are_errors() {
    let federal = BusinessCalendar::us_federal();
    let e = federal.is_working_day(d(2024, 12, 31)).unwrap_err();
    assert!(matches!(e, CalendarError::OutOfRange { .. }), "{e}");
    assert_eq!(
        e.to_string(),
        "date 2024-12-31 is outside calendar us-federal (covers 2025–2027): load a calendar that covers 2024"
    );
    assert!(BusinessCalendar::prc()
        .is_working_day(d(2024, 12, 31))
        .is_err());
    assert!(BusinessCalendar::prc()
        .add_working_days(d(2027, 1, 4), 1)
        .is_err());
    let e = federal.add_working_days(d(2027, 12, 30), 1).unwrap_err();
    assert!(matches!(e, CalendarError::PastEnd { .. }), "{e}");
}

#[test]
fn built_in_collection() {
    let calendars = Calendars::builtin();
    let ids: Vec<_> = calendars
        .iter()
        .map(|c| c.id().as_str().to_owned())
        .collect();
    assert_eq!(
        ids,
        [
            "cn",
            "de",
            "de-he",
            "fr",
            "hk",
            "ie",
            "lu",
            "nl",
            "sg",
            "us-federal",
            "us-sec"
        ]
    );
    let cn = calendars.get(&CalendarId::new("cn").unwrap()).unwrap();
    assert_eq!(cn.time_zone().name(), "Asia/Shanghai");
}

// --- a day-by-day reference implementation -----------------------------------------------

fn brute_is_working(spec: &CalendarSpec, date: NaiveDate) -> bool {
    if spec.working_days.contains(&date) {
        return true;
    }
    if spec.holidays.contains(&date) || spec.closures.contains(&date) {
        return false;
    }
    !spec.weekend.contains(&Day::from(date.weekday()))
}

fn brute_covers(spec: &CalendarSpec, date: NaiveDate) -> bool {
    (spec.first_year..=spec.last_year).contains(&date.year())
}

fn brute_add(spec: &CalendarSpec, mut date: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut left = n;
    while left > 0 {
        date = date.succ_opt()?;
        if !brute_covers(spec, date) {
            return None;
        }
        if brute_is_working(spec, date) {
            left -= 1;
        }
    }
    Some(date)
}

fn brute_sub(spec: &CalendarSpec, mut date: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut left = n;
    while left > 0 {
        date = date.pred_opt()?;
        if !brute_covers(spec, date) {
            return None;
        }
        if brute_is_working(spec, date) {
            left -= 1;
        }
    }
    Some(date)
}

fn brute_between(spec: &CalendarSpec, start: NaiveDate, end: NaiveDate) -> u32 {
    start
        .iter_days()
        .skip(1)
        .take_while(|x| *x <= end)
        .filter(|x| brute_is_working(spec, *x))
        .count() as u32
}

fn builtins() -> [BusinessCalendar; 3] {
    [
        BusinessCalendar::prc(),
        BusinessCalendar::us_federal(),
        BusinessCalendar::us_sec(),
    ]
}

fn day_in(calendar: &BusinessCalendar, offset: u32) -> NaiveDate {
    let first = d(*calendar.covered_years().start(), 1, 1);
    let last = d(*calendar.covered_years().end(), 12, 31);
    let span = (last - first).num_days() as u32 + 1;
    first + Days::new(u64::from(offset % span))
}

/// A random valid spec: 1–3 years, any weekend but all seven days, random holidays, and
/// make-up days only on weekend days that are not holidays.
fn arb_spec() -> impl Strategy<Value = CalendarSpec> {
    (
        1990i32..2100,
        0i32..3,
        0u8..127,
        prop::collection::vec(0u32..1096, 0..40),
        prop::collection::vec(0u32..1096, 0..40),
        "[a-z][a-z0-9-]{0,10}",
        prop::sample::select(vec![
            Zone::SHANGHAI,
            Zone::NEW_YORK,
            Zone::BERLIN,
            Zone::UTC,
        ]),
    )
        .prop_map(|(first_year, extra, mask, holidays, working, id, zone)| {
            let days = [
                Day::Monday,
                Day::Tuesday,
                Day::Wednesday,
                Day::Thursday,
                Day::Friday,
                Day::Saturday,
                Day::Sunday,
            ];
            let weekend: BTreeSet<Day> = days
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, day)| *day)
                .collect();
            let last_year = first_year + extra;
            let first = d(first_year, 1, 1);
            let in_years =
                |o: &u32| Some(first + Days::new(u64::from(*o))).filter(|x| x.year() <= last_year);
            let holidays: BTreeSet<NaiveDate> = holidays.iter().filter_map(in_years).collect();
            let working_days = working
                .iter()
                .filter_map(in_years)
                .filter(|x| weekend.contains(&Day::from(x.weekday())) && !holidays.contains(x))
                .collect();
            CalendarSpec {
                id: CalendarId::new(id).unwrap(),
                name: format!("random {first_year}"),
                time_zone: zone,
                weekend,
                first_year,
                last_year,
                holidays,
                working_days,
                closures: BTreeSet::new(),
                source: "proptest".into(),
                coverage_note: None,
                coverage_notes: Default::default(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn indexed_answers_match_day_by_day(which in 0usize..3, offset in 0u32..1200, other in 0u32..1200, n in 0u32..300) {
        let calendar = &builtins()[which];
        let spec = calendar.spec();
        let start = day_in(calendar, offset);
        prop_assert_eq!(calendar.is_working_day(start).unwrap(), brute_is_working(spec, start));
        prop_assert_eq!(calendar.add_working_days(start, n).ok(), brute_add(spec, start, n));
        prop_assert_eq!(calendar.sub_working_days(start, n).ok(), brute_sub(spec, start, n));
        let end = day_in(calendar, other);
        prop_assert_eq!(calendar.working_days_between(start, end).unwrap(), brute_between(spec, start, end));
    }

    #[test]
    fn add_then_count_and_subtract_return_to_the_start(which in 0usize..3, offset in 0u32..1200, n in 0u32..400) {
        let calendar = &builtins()[which];
        let s = day_in(calendar, offset);
        if let Ok(end) = calendar.add_working_days(s, n) {
            prop_assert_eq!(calendar.working_days_between(s, end).unwrap(), n);
            if n > 0 {
                prop_assert!(end > s);
                prop_assert!(calendar.is_working_day(end).unwrap());
            }
            if let Ok(w) = calendar.working_day_on_or_after(s) {
                if let Ok(end) = calendar.add_working_days(w, n) {
                    prop_assert_eq!(calendar.sub_working_days(end, n).unwrap(), w);
                }
            }
        }
    }

    #[test]
    fn add_is_monotone_in_n(which in 0usize..3, offset in 0u32..1200, n in 0u32..400) {
        let calendar = &builtins()[which];
        let s = day_in(calendar, offset);
        if let (Ok(a), Ok(b)) = (calendar.add_working_days(s, n), calendar.add_working_days(s, n + 1)) {
            prop_assert!(a < b);
        }
        if let (Ok(a), Ok(b)) = (calendar.sub_working_days(s, n), calendar.sub_working_days(s, n + 1)) {
            prop_assert!(b < a);
        }
    }

    #[test]
    fn random_specs_build_round_trip_and_match_day_by_day(spec in arb_spec(), offset in 0u32..1200, n in 0u32..200) {
        let calendar = BusinessCalendar::new(spec.clone()).unwrap();
        let json = serde_json::to_string(&calendar).unwrap();
        let back: BusinessCalendar = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &calendar);
        let spec_back: CalendarSpec = serde_json::from_str(&serde_json::to_string(&spec).unwrap()).unwrap();
        prop_assert_eq!(&spec_back, &spec);

        let start = day_in(&calendar, offset);
        prop_assert_eq!(calendar.add_working_days(start, n).ok(), brute_add(&spec, start, n));
        prop_assert_eq!(calendar.sub_working_days(start, n).ok(), brute_sub(&spec, start, n));
    }
}
