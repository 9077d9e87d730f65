//! What the clocks read, kept with the moment each change was recorded, so that an answer
//! "as of" a past moment uses only what was on record then.
//!
//! The time that decides is the envelope's `recorded_at`, never a time the record states
//! about the world (`determined_at`, a milestone's `at`, `submitted_at`): a determination
//! backdated to 08:00 but recorded at 11:00 was not known at 09:00, so the answer as of
//! 09:00 does not have it. The in-world times still anchor the clocks once a record is
//! known. The answer as of `at` is therefore the answer of the incident replayed from its
//! log cut after the last envelope recorded at or before `at`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    AssessmentRecord, ClockAlert, Deferral, Determination, Filing, GradeRecord, IncidentFacts,
    Milestone, Waiver,
};
use crate::classify::ImpactUpdate;
use crate::id::FactName;
use crate::IncidentKind;

/// One change to the facts the clocks read, as an event recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "change", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum FactChange {
    /// The incident was reclassified.
    Kind {
        /// The new kind.
        kind: IncidentKind,
    },
    /// The impact was updated.
    Impact {
        /// The update.
        update: ImpactUpdate,
    },
    /// A milestone was recorded.
    Milestone {
        /// The milestone.
        milestone: Milestone,
        /// When it happened.
        at: DateTime<Utc>,
    },
    /// A determination was recorded.
    Determination {
        /// Which.
        fact: FactName,
        /// The answer.
        value: bool,
        /// When it was made.
        determined_at: DateTime<Utc>,
        /// On what basis.
        basis: String,
        /// The computed assessment it was recorded with, if any: the facts, the rule's
        /// proposal and the reason for departing from it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assessment: Option<Box<AssessmentRecord>>,
    },
    /// The CAC grade was recorded.
    Grade {
        /// The grade.
        grade: GradeRecord,
        /// The computed assessment it was recorded with, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assessment: Option<Box<AssessmentRecord>>,
    },
    /// A report was filed.
    Filing {
        /// The filing.
        filing: Filing,
    },
    /// A report was recorded as not owed.
    Waiver {
        /// The waiver.
        waiver: Waiver,
    },
    /// An authority moved a report's due time.
    Deferral {
        /// The deferral.
        deferral: Deferral,
    },
    /// The timer recorded a reminder or a missed deadline.
    Alert {
        /// The alert.
        alert: ClockAlert,
    },
}

/// A [`FactChange`] and the moment it was recorded (its envelope's `recorded_at`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordedChange {
    /// When the change was recorded.
    pub recorded_at: DateTime<Utc>,
    /// The change.
    pub change: FactChange,
}

/// The facts as declared and every later change with its recording time: enough to give
/// the facts as they stood at any moment ([`as_of`](Self::as_of)) without the log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactHistory {
    /// The facts when the incident was declared. `None` in a snapshot written before the
    /// history was kept (0.x and earlier): such a state answers as of a past moment only
    /// by leaving out later filings; replay the log to get a history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared: Option<IncidentFacts>,
    /// Every later change, in the order recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<RecordedChange>,
}

impl FactHistory {
    /// A history that starts from the declared facts.
    pub fn declared(facts: IncidentFacts) -> Self {
        Self {
            declared: Some(facts),
            changes: Vec::new(),
        }
    }

    /// Whether nothing is kept (a snapshot written before the history was kept).
    pub fn is_empty(&self) -> bool {
        self.declared.is_none() && self.changes.is_empty()
    }

    /// Keeps a change recorded at `recorded_at` (never earlier than the previous one: the
    /// log's `recorded_at` does not go backwards).
    pub(crate) fn push(&mut self, recorded_at: DateTime<Utc>, change: FactChange) {
        self.changes.push(RecordedChange {
            recorded_at,
            change,
        });
    }

    /// The facts as recorded by `at`: the declared facts with every change recorded at or
    /// before `at`. `None` without the declared facts. A moment before the declaration
    /// gives the declared facts.
    pub fn as_of(&self, at: DateTime<Utc>) -> Option<IncidentFacts> {
        let mut facts = self.declared.clone()?;
        for c in self.changes.iter().take_while(|c| c.recorded_at <= at) {
            facts.record(&c.change);
        }
        Some(facts)
    }
}

impl IncidentFacts {
    /// Applies a recorded change, as the incident applies the event that recorded it.
    pub fn record(&mut self, change: &FactChange) {
        match change {
            FactChange::Kind { kind } => self.kind = *kind,
            FactChange::Impact { update } => self.impact.apply(update),
            FactChange::Milestone { milestone, at } => {
                self.milestones.insert(*milestone, *at);
            }
            FactChange::Determination {
                fact,
                value,
                determined_at,
                basis,
                ..
            } => determine(
                &mut self.determinations,
                fact.clone(),
                *value,
                *determined_at,
                basis.clone(),
            ),
            FactChange::Grade { grade, .. } => self.cn_grade = Some(grade.clone()),
            FactChange::Filing { filing } => self.filings.push(filing.clone()),
            FactChange::Waiver { waiver } => self.waivers.push(waiver.clone()),
            FactChange::Deferral { deferral } => self.deferrals.push(deferral.clone()),
            FactChange::Alert { alert } => self.alerts.push(alert.clone()),
        }
    }
}

/// Records a determination, keeping when it first became "yes" (the clock anchor): a
/// later "no" keeps it, a backdated "yes" moves it earlier.
pub(crate) fn determine(
    determinations: &mut BTreeMap<FactName, Determination>,
    fact: FactName,
    value: bool,
    at: DateTime<Utc>,
    basis: String,
) {
    let first_yes_at = match determinations.get(&fact) {
        Some(previous) => {
            previous
                .first_yes_at
                .or(value.then_some(at))
                .map(|t| if value { t.min(at) } else { t })
        }
        None => value.then_some(at),
    };
    determinations.insert(
        fact,
        Determination {
            value,
            determined_at: at,
            first_yes_at,
            basis,
        },
    );
}
