//! Criterion benchmarks for the regulation module.
//!
//! ## `calendar/add_working_days_1m`
//!
//! 1,000,000 calls of "20 working days after `start`" on the mainland-China calendar
//! ([`BusinessCalendar::prc`]), with `start` cycling over the 365 dates of 2025 (so every
//! result lies before mid-February 2026, inside the covered years, and the Spring Festival
//! and National Day blocks and make-up days are all crossed).
//! `Throughput::Elements(1_000_000)`, so criterion reports the time per call.
//!
//! - `baseline_naive_loop` (**baseline**): steps one day at a time from `start`, testing
//!   each date against a `HashSet<NaiveDate>` of holidays, a `HashSet<NaiveDate>` of make-up
//!   working days and the weekday, the way a deadline is often computed by hand.
//! - `business_calendar`: [`BusinessCalendar::add_working_days`], a lookup in the
//!   precomputed running count and working-day table (no loop, no allocation).
//!   Goal: ≥ 5× faster than the baseline.
//!
//! Both sides sum the day numbers of their results; the setup asserts the sums are equal.
//!
//! Measured once on the 2-core development machine with other builds running
//! (`--warm-up-time 1 --measurement-time 3`): baseline 685 ms, calendar 20.2 ms per million
//! calls (≈ 690 ns vs 20 ns per call, 34×).

// Benches are test code: a failed setup should stop the run loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashSet;
use std::hint::black_box;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone as _, Utc, Weekday};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use incident::regulation::{Determination, EntityType};
use incident::{
    classify::DataCategory, classify::Jurisdiction, id::CalendarId, id::FactName, locale::Zone,
    regulation::BusinessCalendar, regulation::EntityProfile, regulation::IncidentFacts,
    regulation::Milestone, regulation::Regulation, IncidentKind,
};

const CALLS: u64 = 1_000_000;
const WORKING_DAYS: u32 = 20;

/// The day-by-day baseline.
struct Naive {
    holidays: HashSet<NaiveDate>,
    make_up: HashSet<NaiveDate>,
}

impl Naive {
    fn add_working_days(&self, mut date: NaiveDate, n: u32) -> NaiveDate {
        let mut left = n;
        while left > 0 {
            date = date.succ_opt().unwrap();
            let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
            let working =
                self.make_up.contains(&date) || !(weekend || self.holidays.contains(&date));
            if working {
                left -= 1;
            }
        }
        date
    }
}

/// `CALLS` start dates cycling over `days`.
fn starts(days: &[NaiveDate]) -> impl Iterator<Item = NaiveDate> + '_ {
    (0..CALLS).map(move |i| days[usize::try_from(i % days.len() as u64).unwrap()])
}

fn checksum(results: impl Iterator<Item = NaiveDate>) -> i64 {
    results.map(|d| i64::from(d.num_days_from_ce())).sum()
}

fn calendar(c: &mut Criterion) {
    let cn = BusinessCalendar::prc();
    let naive = Naive {
        holidays: cn.spec().holidays.iter().copied().collect(),
        make_up: cn.spec().working_days.iter().copied().collect(),
    };
    let days: Vec<NaiveDate> = NaiveDate::from_ymd_opt(2025, 1, 1)
        .unwrap()
        .iter_days()
        .take_while(|d| d.year() == 2025)
        .collect();
    let indexed = checksum(starts(&days).map(|s| cn.add_working_days(s, WORKING_DAYS).unwrap()));
    let baseline = checksum(starts(&days).map(|s| naive.add_working_days(s, WORKING_DAYS)));
    assert_eq!(indexed, baseline);

    let mut group = c.benchmark_group("calendar/add_working_days_1m");
    group
        .throughput(Throughput::Elements(CALLS))
        .sample_size(10);
    group.bench_function("baseline_naive_loop", |b| {
        b.iter(|| {
            black_box(checksum(
                starts(&days).map(|s| black_box(&naive).add_working_days(s, WORKING_DAYS)),
            ))
        });
    });
    group.bench_function("business_calendar", |b| {
        b.iter(|| {
            black_box(checksum(starts(&days).map(|s| {
                black_box(&cn).add_working_days(s, WORKING_DAYS).unwrap()
            })))
        });
    });
    group.finish();
}

// --- obligations ------------------------------------------------------------------------

/// A firm that is many kinds of entity at once, so that most built-in regimes apply.
fn everything_profile() -> EntityProfile {
    let mut p = EntityProfile::new()
        .established_in(Jurisdiction::new("DE").unwrap())
        .established_in(Jurisdiction::new("CN").unwrap())
        .established_in(Jurisdiction::new("SG").unwrap())
        .time_zone(Zone::BERLIN)
        .calendar(CalendarId::new("us-federal").unwrap());
    for t in [
        EntityType::PaymentInstitution,
        EntityType::SecRegistrant,
        EntityType::BrokerDealer,
        EntityType::NydfsCoveredEntity,
        EntityType::HipaaCoveredEntity,
        EntityType::MasRegulated,
        EntityType::HkCriticalInfrastructureOperator,
        EntityType::CnCiiOperator,
        EntityType::DataController,
    ] {
        p = p.entity_type(t);
    }
    p
}

fn everything_facts() -> IncidentFacts {
    let t0 = DateTime::parse_from_rfc3339("2026-03-06T15:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let later = t0 + Duration::hours(3);
    let mut f = IncidentFacts::new(IncidentKind::DataBreach, t0);
    f.impact.people.estimated = Some(1_200_000);
    for c in [DataCategory::Health, DataCategory::FinancialAccount] {
        f.impact.data_categories.insert(c);
    }
    for j in ["DE", "CN", "SG"] {
        f.impact.jurisdictions.insert(Jurisdiction::new(j).unwrap());
    }
    for name in [
        "major_incident",
        "material",
        "cybersecurity_incident",
        "relevant_incident",
        "high_risk",
        "sensitive_customer_information_compromised",
        "core_function_disrupted",
    ] {
        f.determinations.insert(
            FactName::new(name).unwrap(),
            Determination {
                value: true,
                determined_at: later,
                first_yes_at: Some(later),
                basis: "bench".into(),
            },
        );
    }
    f.milestones.insert(Milestone::Awareness, later);
    f
}

/// The same due times, written by hand for this one scenario with plain chrono arithmetic:
/// what a firm hard-codes when it does not use regimes as data.
fn hand_written(f: &IncidentFacts, us: &BusinessCalendar) -> Vec<DateTime<Utc>> {
    let d = f.detected_at;
    let aware = f.milestones[&Milestone::Awareness];
    let determined = aware;
    let berlin = chrono_tz::Europe::Berlin;
    let ny = chrono_tz::America::New_York;
    let days_same_time = |from: DateTime<Utc>, tz: chrono_tz::Tz, n: u64| {
        let local = from.with_timezone(&tz).naive_local();
        let date = local.date() + chrono::Days::new(n);
        tz.from_local_datetime(&date.and_time(local.time()))
            .earliest()
            .unwrap()
            .with_timezone(&Utc)
    };
    // DORA initial: earlier of classification + 4 h and awareness + 24 h, then the
    // non-working-day roll to noon (here: a Friday evening, so Monday 12:00 Berlin).
    let mut dora = (determined + Duration::hours(4)).min(aware + Duration::hours(24));
    let dora_date = dora.with_timezone(&berlin).date_naive();
    if !us.is_working_day(dora_date).unwrap() {
        let next = us.next_working_day(dora_date).unwrap();
        dora = berlin
            .from_local_datetime(&next.and_hms_opt(12, 0, 0).unwrap())
            .earliest()
            .unwrap()
            .with_timezone(&Utc);
    }
    // SEC: 4 business days after the Eastern determination date, 17:30 ET.
    let sec_date = us
        .add_working_days(determined.with_timezone(&ny).date_naive(), 4)
        .unwrap();
    let sec = ny
        .from_local_datetime(&sec_date.and_hms_opt(17, 30, 0).unwrap())
        .earliest()
        .unwrap()
        .with_timezone(&Utc);
    let mut out = vec![
        aware + Duration::hours(72),                           // GDPR Art. 33
        dora,                                                  // DORA initial
        sec,                                                   // SEC 8-K
        days_same_time(aware, ny, 30),                         // Reg S-P individuals
        determined + Duration::hours(72),                      // NYDFS
        days_same_time(d, berlin, 60),                         // HIPAA individuals
        days_same_time(d, berlin, 60),                         // HIPAA media
        days_same_time(d, berlin, 60),                         // HIPAA HHS
        d + Duration::hours(1),                                // CAC CII
        d + Duration::hours(1),                                // MAS notification
        days_same_time(d, chrono_tz::Asia::Singapore, 14),     // MAS root cause
        days_same_time(aware, chrono_tz::Asia::Singapore, 30), // PDPA assessment
        aware + Duration::hours(12),                           // Cap. 653
        days_same_time(aware, chrono_tz::Asia::Hong_Kong, 14), // Cap. 653 written report
    ];
    out.sort();
    out
}

/// All obligations of one incident under every built-in regime, against the hand-written
/// computation of the same due times ([`hand_written`], the **baseline**). The ratio is
/// the price of regimes as data: applicability with explanations, readings, reminders,
/// statuses and the not-applicable list, for all 19 built-in regimes.
fn obligations(c: &mut Criterion) {
    let regulation = Regulation::builtin(everything_profile());
    let facts = everything_facts();
    let us = BusinessCalendar::us_federal();
    let at = facts.detected_at + Duration::hours(5);
    let computed = regulation.obligations(&facts, at);
    let mut dues: Vec<_> = computed.obligations.iter().filter_map(|o| o.due).collect();
    dues.sort();
    assert_eq!(dues, hand_written(&facts, &us), "{computed}");
    let mut group = c.benchmark_group("regulation/obligations_one_incident");
    group.throughput(Throughput::Elements(1));
    group.bench_function("baseline_hand_written", |b| {
        b.iter(|| black_box(hand_written(black_box(&facts), &us)))
    });
    group.bench_function("regulation_obligations", |b| {
        b.iter(|| black_box(regulation.obligations(black_box(&facts), at)))
    });
    group.finish();
}

criterion_group!(benches, calendar, obligations);
criterion_main!(benches);
