//! What the incident log records for the clocks: determinations, milestones, the CAC grade,
//! filings and the reminders and breaches the timer recorded.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Determination, Filing, GradeRecord, Milestone};
use crate::{FactName, RegimeId, ReportId};

/// A reminder or a missed deadline, recorded by the timer tick so the log shows when a
/// deadline was missed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClockAlert {
    /// The regime.
    pub regime: RegimeId,
    /// The report.
    pub report: ReportId,
    /// Reminder or breach.
    pub kind: AlertKind,
    /// The due time the alert is about.
    pub due_at: DateTime<Utc>,
    /// When the alert fell due (the reminder point, or the due time itself).
    pub at: DateTime<Utc>,
}

impl ClockAlert {
    /// Whether two alerts are the same alert (same obligation, kind and due time).
    pub fn same_as(&self, other: &ClockAlert) -> bool {
        self.regime == other.regime
            && self.report == other.report
            && self.kind == other.kind
            && self.due_at == other.due_at
    }
}

/// The kinds of clock alert.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "alert", rename_all = "snake_case", deny_unknown_fields)]
pub enum AlertKind {
    /// A share of the window has elapsed.
    Reminder {
        /// The share, in basis points.
        fraction_bp: u16,
    },
    /// The due time passed with no filing: the deadline was breached.
    Missed,
}

/// The regulatory part of the incident's state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RegulatoryRecord {
    /// Determinations by name, latest answer.
    pub determinations: BTreeMap<FactName, Determination>,
    /// Milestones, latest time recorded.
    pub milestones: BTreeMap<Milestone, DateTime<Utc>>,
    /// The CAC grade.
    pub cn_grade: Option<GradeRecord>,
    /// Reports submitted.
    pub filings: Vec<Filing>,
    /// Reminders and breaches recorded.
    pub alerts: Vec<ClockAlert>,
}

impl RegulatoryRecord {
    /// Records a determination, keeping when it first became "yes".
    pub(crate) fn determine(
        &mut self,
        fact: FactName,
        value: bool,
        at: DateTime<Utc>,
        basis: String,
    ) {
        let first_yes_at = match self.determinations.get(&fact) {
            Some(previous) => {
                previous
                    .first_yes_at
                    .or(value.then_some(at))
                    .map(|t| if value { t.min(at) } else { t })
            }
            None => value.then_some(at),
        };
        self.determinations.insert(
            fact,
            Determination {
                value,
                determined_at: at,
                first_yes_at,
                basis,
            },
        );
    }

    /// Whether this alert was recorded.
    pub fn has_alert(&self, alert: &ClockAlert) -> bool {
        self.alerts.iter().any(|a| a.same_as(alert))
    }
}
