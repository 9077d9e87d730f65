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

use chrono::{Datelike, NaiveDate, Weekday};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use incident::BusinessCalendar;

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
// Reserved for the `obligations` group (deadline computation over regimes); add its
// function here and list it in `criterion_group!` below.

criterion_group!(benches, calendar);
criterion_main!(benches);
