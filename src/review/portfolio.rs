//! Portfolio metrics over many incidents: streaming, in memory independent of the number of
//! incidents.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{DeadlineCounts, IncidentSummary};
use crate::phase::Phase;
use crate::{id::RegimeId, IncidentKind, Severity};

/// Values below this are counted exactly.
const EXACT: u64 = 256;
/// Sub-buckets per power of two above [`EXACT`].
const SUB: u64 = 128;
/// Buckets: 256 exact, then 128 for each power of two from 2^8 to 2^63.
const BUCKETS: usize = 256 + 56 * 128;

fn bucket(v: u64) -> usize {
    if v < EXACT {
        return v as usize;
    }
    let e = u64::from(63 - v.leading_zeros()); // 8..=63
    let sub = (v >> (e - 7)) & (SUB - 1);
    (EXACT + (e - 8) * SUB + sub) as usize
}

/// The value reported for bucket `i`: the value itself below 256, else the bucket's
/// midpoint.
fn representative(i: usize) -> u64 {
    let i = i as u64;
    if i < EXACT {
        return i;
    }
    let k = i - EXACT;
    let e = k / SUB + 8;
    let sub = k % SUB;
    let width = 1u64 << (e - 7);
    (1u64 << e) + sub * width + width / 2
}

/// A fixed-size log-scale histogram of non-negative seconds.
///
/// Precision: values below 256 s are exact; above, each power of two is split into 128
/// buckets (relative width ≤ 1/128) and a bucket reports its midpoint, so a reported
/// percentile `r` differs from the exact nearest-rank percentile `x` by at most `x / 256`
/// (≈ 0.4 %). Negative durations (contradictory records) count as 0.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Histogram {
    counts: Vec<u64>,
    total: u64,
}

impl Histogram {
    fn new() -> Self {
        Self {
            counts: vec![0; BUCKETS],
            total: 0,
        }
    }

    fn record(&mut self, seconds: i64) {
        let v = u64::try_from(seconds).unwrap_or(0);
        if let Some(c) = self.counts.get_mut(bucket(v)) {
            *c = c.saturating_add(1);
            self.total = self.total.saturating_add(1);
        }
    }

    /// Nearest-rank percentile `p` (1..=100): the smallest recorded value with at least
    /// `p`% of the values at or below it.
    fn percentile(&self, p: u64) -> Option<i64> {
        if self.total == 0 {
            return None;
        }
        let rank = (u128::from(self.total) * u128::from(p))
            .div_ceil(100)
            .max(1);
        let mut seen: u128 = 0;
        for (i, c) in self.counts.iter().enumerate() {
            seen += u128::from(*c);
            if seen >= rank {
                return i64::try_from(representative(i)).ok().or(Some(i64::MAX));
            }
        }
        None
    }

    fn report(&self) -> Percentiles {
        Percentiles {
            count: self.total,
            p50: self.percentile(50),
            p90: self.percentile(90),
        }
    }
}

/// The median and 90th percentile of one response time, in seconds (see [`Portfolio`] for
/// the precision). `None` when no incident reached the milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Percentiles {
    /// Incidents that reached the milestone.
    pub count: u64,
    /// Median (nearest rank).
    pub p50: Option<i64>,
    /// 90th percentile (nearest rank).
    pub p90: Option<i64>,
}

/// Percentiles of each response time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseTimes {
    /// Occurred → detected.
    pub detect: Percentiles,
    /// Detected → contained.
    pub contain: Percentiles,
    /// Detected → first customer notice.
    pub first_customer_notice: Percentiles,
    /// Detected → disclosed.
    pub disclose: Percentiles,
    /// Detected → remediated.
    pub remediate: Percentiles,
    /// Detected → reviewed.
    pub review: Percentiles,
    /// Detected → closed or dismissed.
    pub close: Percentiles,
}

/// One regime's deadline record across the portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegimeDeadlines {
    /// Outcomes counted.
    pub counts: DeadlineCounts,
    /// On time out of on time + late + missed, in basis points.
    pub hit_rate_bp: Option<u32>,
    /// Detection → first report filed under the regime, over the incidents that filed one.
    pub notified: Percentiles,
}

/// Per-regime accumulator.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RegimeAcc {
    counts: DeadlineCounts,
    notified: Histogram,
}

impl RegimeAcc {
    fn new() -> Self {
        Self {
            counts: DeadlineCounts::default(),
            notified: Histogram::new(),
        }
    }
}

/// Position of a kind in [`IncidentKind::ALL`] (the array the counts are kept in).
fn kind_index(kind: IncidentKind) -> usize {
    match kind {
        IncidentKind::DataBreach => 0,
        IncidentKind::FundsTheft => 1,
        IncidentKind::AccountTakeover => 2,
        IncidentKind::Ransomware => 3,
        IncidentKind::ServiceDisruption => 4,
        IncidentKind::InsiderMisuse => 5,
        IncidentKind::ThirdPartyCompromise => 6,
        IncidentKind::Other => 7,
    }
}

const SEVERITIES: [Severity; 4] = [
    Severity::Sev1,
    Severity::Sev2,
    Severity::Sev3,
    Severity::Sev4,
];

fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Sev1 => 0,
        Severity::Sev2 => 1,
        Severity::Sev3 => 2,
        Severity::Sev4 => 3,
    }
}

/// Position of a phase in [`Phase::ALL`].
fn phase_index(phase: Phase) -> usize {
    match phase {
        Phase::Detected => 0,
        Phase::Contained => 1,
        Phase::Disclosed => 2,
        Phase::Remediated => 3,
        Phase::Reviewed => 4,
        Phase::Closed => 5,
        Phase::Dismissed => 6,
    }
}

/// The non-zero counts as a map keyed by the vocabulary.
fn counted<K: Ord + Copy, const N: usize>(keys: &[K; N], counts: &[u64; N]) -> BTreeMap<K, u64> {
    keys.iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| (*k, *n))
        .collect()
}

/// What [`Portfolio::finish`] reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PortfolioReport {
    /// Incidents added.
    pub incidents: u64,
    /// Of which exercises.
    pub exercises: u64,
    /// Incidents by kind.
    pub by_kind: BTreeMap<IncidentKind, u64>,
    /// Incidents by current severity.
    pub by_severity: BTreeMap<Severity, u64>,
    /// Incidents by current phase.
    pub by_phase: BTreeMap<Phase, u64>,
    /// Percentiles of each response time.
    pub times: ResponseTimes,
    /// Regulator deadline outcomes and hit rate per regime.
    pub deadlines: BTreeMap<RegimeId, RegimeDeadlines>,
    /// Open preventive actions past due, summed.
    pub prevention_past_due: u64,
    /// Incidents with at least one open preventive action past due.
    pub incidents_with_prevention_past_due: u64,
}

/// A streaming accumulator of [`IncidentSummary`] values.
///
/// Memory is constant in the number of incidents: counts keyed by kind, severity, phase and
/// regime (bounded vocabularies) and one fixed-size log-scale histogram (7,424 counters) per
/// response time. Percentiles are nearest-rank; values below 256 s are exact and above that
/// a reported percentile is within 1/256 (≈ 0.4 %) of the exact nearest-rank value.
///
/// ```
/// use incident::review::{IncidentSummary, Portfolio};
/// use incident::{IncidentKind, Phase, Severity};
///
/// let summary = |contain: i64| IncidentSummary {
///     kind: IncidentKind::DataBreach,
///     severity: Severity::Sev2,
///     phase: Phase::Contained,
///     exercise: false,
///     detect: None,
///     contain: Some(contain),
///     first_customer_notice: None,
///     disclose: None,
///     remediate: None,
///     review: None,
///     close: None,
///     deadlines: Default::default(),
///     notified: Default::default(),
///     prevention_past_due: 0,
/// };
/// // Ten incidents contained after 10, 20, …, 100 seconds (exact below 256 s).
/// let all: Vec<_> = (1..=10).map(|n| summary(n * 10)).collect();
/// let report = Portfolio::from_iter(&all).finish();
/// assert_eq!(report.incidents, 10);
/// assert_eq!(report.times.contain.p50, Some(50));
/// assert_eq!(report.times.contain.p90, Some(90));
/// assert_eq!(report.times.detect.p50, None); // missing, not 0
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Portfolio {
    incidents: u64,
    exercises: u64,
    by_kind: [u64; 8],
    by_severity: [u64; 4],
    by_phase: [u64; 7],
    times: [Histogram; 7],
    deadlines: BTreeMap<RegimeId, RegimeAcc>,
    prevention_past_due: u64,
    incidents_with_prevention_past_due: u64,
}

impl Default for Portfolio {
    fn default() -> Self {
        Self::new()
    }
}

impl Portfolio {
    /// An empty portfolio.
    pub fn new() -> Self {
        Self {
            incidents: 0,
            exercises: 0,
            by_kind: [0; 8],
            by_severity: [0; 4],
            by_phase: [0; 7],
            times: std::array::from_fn(|_| Histogram::new()),
            deadlines: BTreeMap::new(),
            prevention_past_due: 0,
            incidents_with_prevention_past_due: 0,
        }
    }

    /// Adds one incident.
    pub fn add(&mut self, s: &IncidentSummary) {
        self.incidents = self.incidents.saturating_add(1);
        if s.exercise {
            self.exercises = self.exercises.saturating_add(1);
        }
        for (counts, i) in [
            (&mut self.by_kind[..], kind_index(s.kind)),
            (&mut self.by_severity[..], severity_index(s.severity)),
            (&mut self.by_phase[..], phase_index(s.phase)),
        ] {
            if let Some(n) = counts.get_mut(i) {
                *n = n.saturating_add(1);
            }
        }
        let values = [
            s.detect,
            s.contain,
            s.first_customer_notice,
            s.disclose,
            s.remediate,
            s.review,
            s.close,
        ];
        for (h, v) in self.times.iter_mut().zip(values) {
            if let Some(v) = v {
                h.record(v);
            }
        }
        // Look up before inserting: a regime id is cloned once per portfolio, not once
        // per incident.
        for (regime, counts) in &s.deadlines {
            self.with_regime(regime, |acc| acc.counts.add(counts));
        }
        for (regime, seconds) in &s.notified {
            self.with_regime(regime, |acc| acc.notified.record(*seconds));
        }
        self.prevention_past_due = self
            .prevention_past_due
            .saturating_add(s.prevention_past_due);
        if s.prevention_past_due > 0 {
            self.incidents_with_prevention_past_due =
                self.incidents_with_prevention_past_due.saturating_add(1);
        }
    }

    /// Updates the regime's accumulator, created on first sight: one lookup per update,
    /// and the id cloned only the first time.
    fn with_regime(&mut self, regime: &RegimeId, update: impl FnOnce(&mut RegimeAcc)) {
        match self.deadlines.get_mut(regime) {
            Some(acc) => update(acc),
            None => {
                let mut acc = RegimeAcc::new();
                update(&mut acc);
                self.deadlines.insert(regime.clone(), acc);
            }
        }
    }

    /// The report so far.
    pub fn finish(&self) -> PortfolioReport {
        let [detect, contain, first_customer_notice, disclose, remediate, review, close] =
            &self.times;
        PortfolioReport {
            incidents: self.incidents,
            exercises: self.exercises,
            by_kind: counted(&IncidentKind::ALL, &self.by_kind),
            by_severity: counted(&SEVERITIES, &self.by_severity),
            by_phase: counted(&Phase::ALL, &self.by_phase),
            times: ResponseTimes {
                detect: detect.report(),
                contain: contain.report(),
                first_customer_notice: first_customer_notice.report(),
                disclose: disclose.report(),
                remediate: remediate.report(),
                review: review.report(),
                close: close.report(),
            },
            deadlines: self
                .deadlines
                .iter()
                .map(|(regime, acc)| {
                    (
                        regime.clone(),
                        RegimeDeadlines {
                            counts: acc.counts,
                            hit_rate_bp: acc.counts.hit_rate_bp(),
                            notified: acc.notified.report(),
                        },
                    )
                })
                .collect(),
            prevention_past_due: self.prevention_past_due,
            incidents_with_prevention_past_due: self.incidents_with_prevention_past_due,
        }
    }
}

impl<'a> Extend<&'a IncidentSummary> for Portfolio {
    fn extend<I: IntoIterator<Item = &'a IncidentSummary>>(&mut self, iter: I) {
        for s in iter {
            self.add(s);
        }
    }
}

impl Extend<IncidentSummary> for Portfolio {
    fn extend<I: IntoIterator<Item = IncidentSummary>>(&mut self, iter: I) {
        for s in iter {
            self.add(&s);
        }
    }
}

impl<'a> FromIterator<&'a IncidentSummary> for Portfolio {
    fn from_iter<I: IntoIterator<Item = &'a IncidentSummary>>(iter: I) -> Self {
        let mut p = Self::new();
        p.extend(iter);
        p
    }
}

impl FromIterator<IncidentSummary> for Portfolio {
    fn from_iter<I: IntoIterator<Item = IncidentSummary>>(iter: I) -> Self {
        let mut p = Self::new();
        p.extend(iter);
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_monotone_and_tight() {
        let mut last = 0;
        for v in (0..1_000_000u64).chain([u64::from(u32::MAX), 1 << 40, i64::MAX as u64]) {
            let b = bucket(v);
            assert!(b >= last && b < BUCKETS);
            last = b;
            let r = representative(b);
            assert!(r.abs_diff(v) * 256 <= v.max(1), "{v} -> {r}");
        }
    }

    #[test]
    fn percentiles_nearest_rank() {
        let mut h = Histogram::new();
        assert_eq!(h.percentile(50), None);
        for v in [5, 1, 3, 2, 4] {
            h.record(v);
        }
        assert_eq!((h.percentile(50), h.percentile(90)), (Some(3), Some(5)));
    }
}
