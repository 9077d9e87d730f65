//! What the incident log records for the clocks: determinations, milestones, the CAC grade,
//! filings and the reminders and breaches the timer recorded.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Determination, FactHistory, Filing, GradeRecord, Milestone};
use crate::{id::FactName, id::RegimeId, id::ReportId};

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
    /// The due time passed with no filing: the deadline was breached. (A struct variant,
    /// so that a member planted in it is refused.)
    Missed {},
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
    /// Reports recorded as not owed, with their legal basis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<super::Waiver>,
    /// Due times moved by an authority, in the order recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deferrals: Vec<super::Deferral>,
    /// The facts the clocks read as declared and each later change with the moment it was
    /// recorded, for answers as of a past moment
    /// ([`Incident::regulatory_facts_at`](crate::Incident::regulatory_facts_at)).
    #[serde(default, skip_serializing_if = "FactHistory::is_empty")]
    pub history: FactHistory,
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
        super::history::determine(&mut self.determinations, fact, value, at, basis);
    }

    /// Whether a filing of `report` under `regime` was recorded.
    pub fn is_filed(&self, regime: &RegimeId, report: &ReportId) -> bool {
        self.filings
            .iter()
            .any(|f| &f.regime == regime && &f.report == report)
    }

    /// Whether this alert was recorded.
    pub fn has_alert(&self, alert: &ClockAlert) -> bool {
        self.alerts.iter().any(|a| a.same_as(alert))
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone as _};

    use super::*;

    #[test]
    fn the_first_yes_is_kept_as_the_clock_anchor() {
        let t0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
        let fact = FactName::from_static("major_incident");
        let mut r = RegulatoryRecord::default();
        r.determine(fact.clone(), false, t0, "no".into());
        assert_eq!(r.determinations[&fact].first_yes_at, None);
        r.determine(fact.clone(), true, t0 + Duration::hours(2), "yes".into());
        assert_eq!(
            r.determinations[&fact].first_yes_at,
            Some(t0 + Duration::hours(2))
        );
        // Withdrawn and re-made: the value follows, the anchor stays.
        r.determine(fact.clone(), false, t0 + Duration::hours(3), "no".into());
        r.determine(fact.clone(), true, t0 + Duration::hours(5), "yes".into());
        let d = &r.determinations[&fact];
        assert!(d.value);
        assert_eq!(d.determined_at, t0 + Duration::hours(5));
        assert_eq!(d.first_yes_at, Some(t0 + Duration::hours(2)));
        // A backdated yes moves the anchor earlier.
        r.determine(
            fact.clone(),
            true,
            t0 + Duration::hours(1),
            "backdated".into(),
        );
        assert_eq!(
            r.determinations[&fact].first_yes_at,
            Some(t0 + Duration::hours(1))
        );
    }

    #[test]
    fn alerts_are_the_same_regardless_of_when_recorded() {
        let t0 = Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap();
        let a = ClockAlert {
            regime: RegimeId::from_static("eu-dora"),
            report: ReportId::from_static("initial"),
            kind: AlertKind::Missed {},
            due_at: t0,
            at: t0,
        };
        let later = ClockAlert {
            at: t0 + Duration::hours(1),
            ..a.clone()
        };
        assert!(a.same_as(&later));
        let other_due = ClockAlert {
            due_at: t0 + Duration::hours(1),
            ..a.clone()
        };
        assert!(!a.same_as(&other_due));
        let reminder = ClockAlert {
            kind: AlertKind::Reminder { fraction_bp: 5_000 },
            ..a.clone()
        };
        assert!(!a.same_as(&reminder));
        let mut r = RegulatoryRecord::default();
        r.alerts.push(a);
        assert!(r.has_alert(&later) && !r.has_alert(&reminder));
    }
}
