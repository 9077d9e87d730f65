//! The regulatory clocks' part of the incident's one timer: the reminders and missed
//! deadlines not yet recorded, and when the next one falls due. The aggregate's
//! [`Incident::poll_timeout`](crate::Incident::poll_timeout) merges them with the plan's
//! messages and the actions' due times.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    AlertKind, ClockAlert, IncidentFacts, ObligationOutcome, ObligationStatus, Obligations,
    Regulation,
};
use crate::id::{RegimeId, ReportId};

impl Regulation {
    /// Every reminder and breach not yet recorded, whether due or not: the candidates for
    /// the timer. A reminder is dropped once its deadline has passed (the breach replaces
    /// it), and nothing is due for a filed report.
    pub fn pending_alerts(&self, facts: &IncidentFacts, now: DateTime<Utc>) -> Vec<ClockAlert> {
        let obligations = self.obligations(facts, now);
        let mut out = Vec::new();
        for o in &obligations.obligations {
            let Some(due) = o.due else { continue };
            if matches!(
                o.status,
                ObligationStatus::Met { .. } | ObligationStatus::Waived { .. }
            ) {
                continue;
            }
            let alert = |kind, at| ClockAlert {
                regime: o.regime.clone(),
                report: o.report.clone(),
                kind,
                due_at: due,
                at,
            };
            if due > now {
                for r in &o.reminders {
                    out.push(alert(
                        AlertKind::Reminder {
                            fraction_bp: r.fraction_bp,
                        },
                        r.at,
                    ));
                }
            }
            out.push(alert(AlertKind::Missed {}, due));
        }
        out.retain(|a| !facts.alerts.iter().any(|r| r.same_as(a)));
        out
    }

    /// The next moment something falls due for this incident: a reminder or a deadline
    /// not yet recorded. Set one timer for it; a time at or before `now` means "tick now".
    /// `None`: nothing with a timestamp is open.
    pub fn next_deadline(
        &self,
        facts: &IncidentFacts,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        self.pending_alerts(facts, now).iter().map(|a| a.at).min()
    }

    /// The alerts due at `now` and not yet recorded, earliest first.
    pub fn alerts_due(&self, facts: &IncidentFacts, now: DateTime<Utc>) -> Vec<ClockAlert> {
        let mut due: Vec<ClockAlert> = self
            .pending_alerts(facts, now)
            .into_iter()
            .filter(|a| a.at <= now)
            .collect();
        due.sort_by(|a, b| (a.at, &a.regime, &a.report).cmp(&(b.at, &b.regime, &b.report)));
        due
    }
}

/// How a drill did against the clocks it would have run under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillScore {
    /// Obligations with a due time that were (practice-)filed on time.
    pub on_time: u32,
    /// Filed after the due time.
    pub late: u32,
    /// Past due and not filed.
    pub missed: u32,
    /// Not yet due.
    pub open: u32,
    /// Per obligation: the margin in seconds (positive: slack before the due time;
    /// negative: how late or how overdue).
    pub margins: Vec<DrillMargin>,
}

/// One obligation's margin in a drill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillMargin {
    /// The regime.
    pub regime: RegimeId,
    /// The report.
    pub report: ReportId,
    /// Seconds of slack (positive) or overrun (negative); `null` while open.
    pub margin_seconds: Option<i64>,
}

impl DrillScore {
    /// Share of decided obligations met on time, in basis points (`None` when none is
    /// decided yet).
    pub fn on_time_bp(&self) -> Option<u32> {
        let decided = self.on_time + self.late + self.missed;
        (decided > 0).then(|| self.on_time * 10_000 / decided)
    }
}

impl Obligations {
    /// Scores the obligations that have a due time, as for a drill: which would have been
    /// met or missed, and by how much, as
    /// [`Obligation::outcome`](super::Obligation::outcome) classifies them (untimed
    /// obligations are left out). Works for real incidents too.
    pub fn score(&self) -> DrillScore {
        let mut score = DrillScore {
            on_time: 0,
            late: 0,
            missed: 0,
            open: 0,
            margins: Vec::new(),
        };
        for o in &self.obligations {
            let outcome = o.outcome();
            let count = match outcome {
                ObligationOutcome::OnTime { .. } => &mut score.on_time,
                ObligationOutcome::Late { .. } => &mut score.late,
                ObligationOutcome::Missed { .. } => &mut score.missed,
                ObligationOutcome::Open { .. } => &mut score.open,
                ObligationOutcome::Untimed { .. } => continue,
            };
            *count += 1;
            score.margins.push(DrillMargin {
                regime: o.regime.clone(),
                report: o.report.clone(),
                margin_seconds: outcome.margin_seconds(),
            });
        }
        score
    }
}
