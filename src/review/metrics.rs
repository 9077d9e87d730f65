//! Response metrics of one incident, computed from its replayed state (and so from the event
//! log alone), and the small per-incident summary the portfolio aggregates.

use crate::locale::Translations;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::phase::Phase;
use crate::regulation::{ObligationOutcome, Obligations, RecipientKind};
use crate::Incident;
use crate::{
    actions::ActionKind, comms::Audience, comms::InquiryStats, comms::NoticeStatus,
    comms::SlaTargets, comms::SurveyStats, compensation::ClaimTotals, id::RegimeId, id::ReportId,
    IncidentKind, Severity,
};

/// A measured duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// Seconds from the start milestone to the end milestone (negative only when the
    /// recorded times contradict each other).
    pub seconds: i64,
    /// The start milestone is an estimate (an estimated `occurred_at`).
    pub estimated: bool,
}

/// A response time: measured, or missing because a milestone has not happened. A missing
/// milestone is never reported as zero.
///
/// JSON: `{"status":"missing"}` or `{"status":"measured","seconds":…,"estimated":…}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum Elapsed {
    /// A milestone has not been reached (or not recorded).
    Missing {},
    /// Both milestones are known.
    Measured(Span),
}

impl Elapsed {
    fn between(start: Option<DateTime<Utc>>, end: Option<DateTime<Utc>>, estimated: bool) -> Self {
        match (start, end) {
            (Some(start), Some(end)) => Self::Measured(Span {
                seconds: (end - start).num_seconds(),
                estimated,
            }),
            _ => Self::Missing {},
        }
    }

    /// The seconds, if measured.
    pub fn seconds(&self) -> Option<i64> {
        match self {
            Self::Missing {} => None,
            Self::Measured(span) => Some(span.seconds),
        }
    }

    /// Whether a milestone is missing.
    pub fn is_missing(&self) -> bool {
        matches!(self, Self::Missing {})
    }
}

/// How a deadline turned out.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineOutcome {
    /// Filed by the due time.
    OnTime,
    /// Filed after the due time.
    Late,
    /// Not filed and past due.
    Missed,
    /// Not filed, not yet due (or the clock has not started).
    Open,
    /// Filed, with no due time to judge it by (filed before its clock started, or due
    /// "immediately" or "without undue delay" with no outer cap): neither on time nor late.
    Filed,
}

/// The regulation module's one classification in the few words a report or a dashboard
/// shows; an untimed obligation is open until filed, then filed.
impl From<ObligationOutcome> for DeadlineOutcome {
    fn from(outcome: ObligationOutcome) -> Self {
        match outcome {
            ObligationOutcome::OnTime { .. } => Self::OnTime,
            ObligationOutcome::Late { .. } => Self::Late,
            ObligationOutcome::Missed { .. } => Self::Missed,
            ObligationOutcome::Open { .. } | ObligationOutcome::Untimed { submitted_at: None } => {
                Self::Open
            }
            ObligationOutcome::Untimed {
                submitted_at: Some(_),
            } => Self::Filed,
        }
    }
}

/// One regulator notification against its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegulatorNotification {
    /// The regime.
    pub regime: RegimeId,
    /// The report.
    pub report: ReportId,
    /// The report's name.
    pub report_name: String,
    /// The report's name in other languages.
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub report_titles: Translations,
    /// The regulator's name.
    pub recipient: String,
    /// When it was due, if the clock has a due time.
    pub due: Option<DateTime<Utc>>,
    /// When it was submitted, if it was.
    pub submitted_at: Option<DateTime<Utc>>,
    /// Detection to submission; missing if not filed.
    pub since_detection: Elapsed,
    /// Due minus submitted (positive: slack, negative: overrun) when filed; due minus the
    /// obligations' `at` (negative: overdue by) when not filed; `None` without a due time.
    pub slack_seconds: Option<i64>,
    /// How it turned out.
    pub outcome: DeadlineOutcome,
}

/// Response metrics of one incident. Every time runs from detection except
/// [`detect`](Self::detect), which runs from occurrence (an estimate when the log says so).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseMetrics {
    /// The incident's kind.
    pub kind: IncidentKind,
    /// Current severity.
    pub severity: Severity,
    /// Current phase.
    pub phase: Phase,
    /// A drill.
    pub exercise: bool,
    /// Occurred → detected.
    pub detect: Elapsed,
    /// Detected → contained (`contained_at`).
    pub contain: Elapsed,
    /// Detected → the first notice to affected or all customers sent.
    pub first_customer_notice: Elapsed,
    /// Detected → entered Disclosed.
    pub disclose: Elapsed,
    /// Detected → entered Remediated.
    pub remediate: Elapsed,
    /// Detected → entered Reviewed.
    pub review: Elapsed,
    /// Detected → entered Closed (or Dismissed).
    pub close: Elapsed,
    /// Each obligation owed to a regulator, when obligations were supplied.
    pub regulator_notifications: Vec<RegulatorNotification>,
    /// Inquiry statistics under default SLA targets as of the last event.
    pub inquiries: InquiryStats,
    /// Survey statistics.
    pub surveys: SurveyStats,
    /// Compensation negotiation totals, if a program is open.
    pub compensation: Option<ClaimTotals>,
}

impl ResponseMetrics {
    /// Computes the metrics of `incident` (rebuilt from its log by replay). Regulator
    /// notifications come from `obligations` (from
    /// [`Regulation::obligations`](crate::regulation::Regulation::obligations)); without
    /// them the list is empty.
    pub fn from_incident(incident: &Incident, obligations: Option<&Obligations>) -> Self {
        let detected = Some(incident.detected_at());
        let (occurred, estimated) = match incident.occurred_at() {
            Some((at, est)) => (Some(at), est),
            None => (None, false),
        };
        let first_notice = incident
            .notices()
            .values()
            .filter(|n| {
                n.status == NoticeStatus::Sent
                    && matches!(
                        n.draft.audience,
                        Audience::AffectedCustomers | Audience::AllCustomers
                    )
            })
            .filter_map(|n| n.sent_at)
            .min();
        let closed = incident
            .entered_at(Phase::Closed)
            .or_else(|| incident.entered_at(Phase::Dismissed));
        let since = |end| Elapsed::between(detected, end, false);
        Self {
            kind: incident.kind(),
            severity: incident.severity(),
            phase: incident.phase(),
            exercise: incident.is_exercise(),
            detect: Elapsed::between(occurred, detected, estimated),
            contain: since(incident.contained_at()),
            first_customer_notice: since(first_notice),
            disclose: since(incident.entered_at(Phase::Disclosed)),
            remediate: since(incident.entered_at(Phase::Remediated)),
            review: since(incident.entered_at(Phase::Reviewed)),
            close: since(closed),
            regulator_notifications: obligations
                .map(|o| regulator_notifications(incident, o))
                .unwrap_or_default(),
            inquiries: incident.inquiry_stats(&SlaTargets::default(), incident.updated_at()),
            surveys: incident.survey_stats(),
            compensation: incident.claim_totals().copied(),
        }
    }
}

/// Each obligation owed to a regulator, as
/// [`Obligation::outcome`](crate::regulation::Obligation::outcome) classifies it.
fn regulator_notifications(
    incident: &Incident,
    obligations: &Obligations,
) -> Vec<RegulatorNotification> {
    obligations
        .obligations
        .iter()
        .filter(|o| o.recipient.kind == RecipientKind::Regulator)
        .map(|o| {
            let outcome = o.outcome();
            let submitted_at = outcome.submitted_at();
            RegulatorNotification {
                regime: o.regime.clone(),
                report: o.report.clone(),
                report_name: o.report_name.clone(),
                report_titles: o.report_titles.clone(),
                recipient: o.recipient.name.clone(),
                due: o.due,
                submitted_at,
                since_detection: Elapsed::between(
                    Some(incident.detected_at()),
                    submitted_at,
                    false,
                ),
                slack_seconds: outcome.slack_seconds(),
                outcome: outcome.into(),
            }
        })
        .collect()
}

/// Deadline outcomes counted per regime.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeadlineCounts {
    /// Filed on time.
    pub on_time: u64,
    /// Filed late.
    pub late: u64,
    /// Not filed and past due.
    pub missed: u64,
}

impl DeadlineCounts {
    /// Adds `other`.
    pub fn add(&mut self, other: &DeadlineCounts) {
        self.on_time = self.on_time.saturating_add(other.on_time);
        self.late = self.late.saturating_add(other.late);
        self.missed = self.missed.saturating_add(other.missed);
    }

    /// On time out of every decided deadline, in basis points; `None` when none is decided.
    pub fn hit_rate_bp(&self) -> Option<u32> {
        let total = u128::from(self.on_time) + u128::from(self.late) + u128::from(self.missed);
        if total == 0 {
            return None;
        }
        u32::try_from(u128::from(self.on_time) * 10_000 / total).ok()
    }
}

/// One incident in a few numbers, for the [`Portfolio`](super::Portfolio): small, and
/// serializable so a host can store it beside the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IncidentSummary {
    /// The kind.
    pub kind: IncidentKind,
    /// Current severity.
    pub severity: Severity,
    /// Current phase.
    pub phase: Phase,
    /// A drill.
    pub exercise: bool,
    /// Occurred → detected, seconds (missing: `None`).
    pub detect: Option<i64>,
    /// Detected → contained, seconds.
    pub contain: Option<i64>,
    /// Detected → first customer notice sent, seconds.
    pub first_customer_notice: Option<i64>,
    /// Detected → disclosed, seconds.
    pub disclose: Option<i64>,
    /// Detected → remediated, seconds.
    pub remediate: Option<i64>,
    /// Detected → reviewed, seconds.
    pub review: Option<i64>,
    /// Detected → closed or dismissed, seconds.
    pub close: Option<i64>,
    /// Regulator deadline outcomes per regime (open deadlines and filings without a due
    /// time are not counted).
    pub deadlines: BTreeMap<RegimeId, DeadlineCounts>,
    /// Detection → the first report filed with a regulator under each regime, seconds
    /// (regimes with nothing filed are absent, never 0).
    #[serde(default)]
    pub notified: BTreeMap<RegimeId, i64>,
    /// Preventive actions neither done nor deferred whose due time is before the summary's
    /// `at`.
    pub prevention_past_due: u64,
}

impl IncidentSummary {
    /// Summarises `incident` with the regulator outcomes of `obligations`, counting
    /// preventive actions past due at `at`.
    pub fn from_incident(
        incident: &Incident,
        obligations: Option<&Obligations>,
        at: DateTime<Utc>,
    ) -> Self {
        Self::from_metrics(
            &ResponseMetrics::from_incident(incident, obligations),
            incident,
            at,
        )
    }

    /// Summarises already computed `metrics` of `incident`.
    pub fn from_metrics(metrics: &ResponseMetrics, incident: &Incident, at: DateTime<Utc>) -> Self {
        let mut deadlines: BTreeMap<RegimeId, DeadlineCounts> = BTreeMap::new();
        let mut notified: BTreeMap<RegimeId, i64> = BTreeMap::new();
        for n in &metrics.regulator_notifications {
            if let Some(seconds) = n.since_detection.seconds() {
                notified
                    .entry(n.regime.clone())
                    .and_modify(|s| *s = (*s).min(seconds))
                    .or_insert(seconds);
            }
            let counts = deadlines.entry(n.regime.clone()).or_default();
            match n.outcome {
                DeadlineOutcome::OnTime => counts.on_time += 1,
                DeadlineOutcome::Late => counts.late += 1,
                DeadlineOutcome::Missed => counts.missed += 1,
                DeadlineOutcome::Open | DeadlineOutcome::Filed => {}
            }
        }
        let prevention_past_due = incident
            .actions()
            .values()
            .filter(|a| {
                a.kind == ActionKind::Prevention
                    && !a.status.is_settled()
                    && a.due.is_some_and(|due| due < at)
            })
            .count() as u64;
        Self {
            kind: metrics.kind,
            severity: metrics.severity,
            phase: metrics.phase,
            exercise: metrics.exercise,
            detect: metrics.detect.seconds(),
            contain: metrics.contain.seconds(),
            first_customer_notice: metrics.first_customer_notice.seconds(),
            disclose: metrics.disclose.seconds(),
            remediate: metrics.remediate.seconds(),
            review: metrics.review.seconds(),
            close: metrics.close.seconds(),
            deadlines,
            notified,
            prevention_past_due,
        }
    }
}
