//! Criterion benchmarks for the review module.
//!
//! ## `portfolio/percentiles_100k`
//!
//! Portfolio metrics over 100,000 synthetic [`IncidentSummary`] values (seven response
//! times each, some missing, spread from seconds to months; two regimes' deadline
//! outcomes). `Throughput::Elements(100_000)`.
//!
//! - `baseline_sort` (**baseline**): collects each response time into a `Vec<i64>`, sorts
//!   it and takes the nearest-rank p50 and p90, the way it is usually done by hand
//!   (memory grows with the number of incidents).
//! - `portfolio`: [`Portfolio::from_iter`] and [`Portfolio::finish`]: fixed-size log-scale
//!   histograms (constant memory), then the counts, hit rates and percentiles.
//!
//! The setup asserts that both agree within the documented precision (1/256 of the value).
//!
//! Measured on the 2-core development machine (`cargo bench --bench review --
//! --warm-up-time 1 --measurement-time 3`, nothing else running): baseline 25.3 ms,
//! portfolio 33.0 ms per 100,000 summaries (1.30× the sort; it was 1.8× before the counts
//! by kind, severity and phase moved to arrays and regime ids stopped being cloned per
//! summary). The portfolio also does those counts and the per-regime hit rates, in
//! constant memory; the sort holds every value.

// Benches are test code: a failed setup should stop the run loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use incident::{
    id::RegimeId, review::DeadlineCounts, review::IncidentSummary, review::Portfolio, IncidentKind,
    Phase, Severity,
};

const N: usize = 100_000;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A duration from 1 s up to about 4 months on a log scale, missing one time in five.
    fn duration(&mut self) -> Option<i64> {
        if self.next() % 5 == 0 {
            return None;
        }
        let exp = self.next() % 24;
        Some(((1u64 << exp) + self.next() % (1u64 << exp)) as i64)
    }
}

fn summaries() -> Vec<IncidentSummary> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let regimes = [
        RegimeId::new("eu-gdpr-33-34").unwrap(),
        RegimeId::new("cn-cac-incident-reporting").unwrap(),
    ];
    (0..N)
        .map(|i| {
            let mut deadlines = BTreeMap::new();
            let r = rng.next();
            let counts = match r % 3 {
                0 => DeadlineCounts {
                    on_time: 1,
                    ..Default::default()
                },
                1 => DeadlineCounts {
                    late: 1,
                    ..Default::default()
                },
                _ => DeadlineCounts {
                    missed: 1,
                    ..Default::default()
                },
            };
            deadlines.insert(regimes[(r >> 8) as usize % 2].clone(), counts);
            IncidentSummary {
                kind: IncidentKind::ALL[i % IncidentKind::ALL.len()],
                severity: [
                    Severity::Sev1,
                    Severity::Sev2,
                    Severity::Sev3,
                    Severity::Sev4,
                ][i % 4],
                phase: Phase::ALL[i % Phase::ALL.len()],
                exercise: i % 10 == 0,
                detect: rng.duration(),
                contain: rng.duration(),
                first_customer_notice: rng.duration(),
                disclose: rng.duration(),
                remediate: rng.duration(),
                review: rng.duration(),
                close: rng.duration(),
                deadlines,
                notified: BTreeMap::new(),
                prevention_past_due: rng.next() % 3,
            }
        })
        .collect()
}

fn nearest_rank(sorted: &[i64], p: usize) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    Some(sorted[(sorted.len() * p).div_ceil(100).max(1) - 1])
}

/// The baseline: p50 and p90 of each of the seven times by sorting.
fn baseline(all: &[IncidentSummary]) -> Vec<(Option<i64>, Option<i64>)> {
    let pick: [fn(&IncidentSummary) -> Option<i64>; 7] = [
        |s| s.detect,
        |s| s.contain,
        |s| s.first_customer_notice,
        |s| s.disclose,
        |s| s.remediate,
        |s| s.review,
        |s| s.close,
    ];
    pick.iter()
        .map(|f| {
            let mut v: Vec<i64> = all.iter().filter_map(f).collect();
            v.sort_unstable();
            (nearest_rank(&v, 50), nearest_rank(&v, 90))
        })
        .collect()
}

fn bench_portfolio(c: &mut Criterion) {
    let all = summaries();
    let expected = baseline(&all);
    let report = Portfolio::from_iter(&all).finish();
    let t = &report.times;
    let got = [
        t.detect,
        t.contain,
        t.first_customer_notice,
        t.disclose,
        t.remediate,
        t.review,
        t.close,
    ];
    for (g, (p50, p90)) in got.iter().zip(&expected) {
        for (r, x) in [(g.p50, p50), (g.p90, p90)] {
            let (r, x) = (r.unwrap(), x.unwrap());
            assert!(r.abs_diff(x) * 256 <= x.unsigned_abs(), "{r} vs {x}");
        }
    }
    assert_eq!(report.incidents, N as u64);

    let mut group = c.benchmark_group("portfolio/percentiles_100k");
    group.throughput(Throughput::Elements(N as u64));
    group.bench_function("baseline_sort", |b| b.iter(|| baseline(black_box(&all))));
    group.bench_function("portfolio", |b| {
        b.iter(|| Portfolio::from_iter(black_box(&all)).finish())
    });
    group.finish();
}

criterion_group!(benches, bench_portfolio);
criterion_main!(benches);
