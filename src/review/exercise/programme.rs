//! A firm's drill programme as data: the scenarios its emergency plan must cover, how often
//! each is drilled, the drills held and the rule for reporting them.

use std::borrow::Cow;
use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

use super::report_clock::DrillReportRule;
use super::run::DrillRun;
use crate::id::PlaybookId;
use crate::locale::Zone;
use crate::review::DrillGrade;
use crate::IncidentId;

/// One scenario of the plan's scope and how often it is drilled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScenarioPlan {
    /// The scenario: the playbook exercised.
    pub scenario: PlaybookId,
    /// Its name for people, e.g. `客户账户被盗用`.
    pub title: String,
    /// Months between drills: 12 is CSRC Order 218 Art. 38's "at least yearly" for core
    /// institutions; a firm may set 3 (quarterly) or 6.
    pub every_months: u32,
}

/// A drill's score, as its [`DrillScorecard`](crate::review::DrillScorecard) gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillResult {
    /// 0 to 100.
    pub points: u32,
    /// The grade.
    pub grade: DrillGrade,
}

/// A drill held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillRecord {
    /// The scenario drilled.
    pub scenario: PlaybookId,
    /// The exercise incident.
    pub incident_id: IncidentId,
    /// When it started.
    pub held_at: DateTime<Utc>,
    /// When it ended: the drill counts from then on, and the report clock starts.
    pub ended_at: DateTime<Utc>,
    /// Its score; `null` for a drill not scored (it still counts as held).
    #[serde(default)]
    pub result: Option<DrillResult>,
    /// When its report was filed with the regulator.
    #[serde(default)]
    pub report_filed_at: Option<DateTime<Utc>>,
}

impl DrillRecord {
    /// The record of a scripted drill: held from its declaration to the moment scored,
    /// with the scorecard's points and grade.
    pub fn from_run(scenario: PlaybookId, run: &DrillRun) -> Self {
        Self {
            scenario,
            incident_id: run.incident.id(),
            held_at: run.incident.declared_at(),
            ended_at: run.scored_at,
            result: Some(DrillResult {
                points: run.scorecard.points,
                grade: run.scorecard.grade,
            }),
            report_filed_at: None,
        }
    }
}

fn default_due_soon_days() -> u32 {
    30
}

fn default_passing_grade() -> DrillGrade {
    DrillGrade::D
}

/// A drill programme as written: validate it with [`DrillProgramme::new`] (deserializing a
/// [`DrillProgramme`] does the same).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillProgrammeSpec {
    /// The firm.
    pub firm: String,
    /// The zone whose dates the cadence counts in.
    pub time_zone: Zone,
    /// When the programme took effect: a scenario never drilled is due one cadence later.
    pub starts_on: NaiveDate,
    /// The scenarios the plan must cover.
    pub scope: Vec<ScenarioPlan>,
    /// How many days ahead a drill counts as due soon (default 30).
    #[serde(default = "default_due_soon_days")]
    pub due_soon_days: u32,
    /// The worst grade that passes (default D, 60 points).
    #[serde(default = "default_passing_grade")]
    pub passing_grade: DrillGrade,
    /// The duty to report each drill, if the firm has one (`null`: none, e.g. a firm that is
    /// not a CSRC core institution).
    #[serde(default)]
    pub report_rule: Option<DrillReportRule>,
    /// The drills held.
    #[serde(default)]
    pub drills: Vec<DrillRecord>,
}

/// One problem of a drill programme.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DrillProgrammeProblem {
    /// No scenario in scope.
    #[error("the scope is empty: list the scenarios the emergency plan covers")]
    EmptyScope,
    /// A scenario listed twice.
    #[error("scenario {scenario} is listed more than once: keep one entry")]
    DuplicateScenario {
        /// The scenario.
        scenario: PlaybookId,
    },
    /// A scenario without a name.
    #[error("scenario {scenario} has no title: name it for people")]
    EmptyTitle {
        /// The scenario.
        scenario: PlaybookId,
    },
    /// A cadence of zero months.
    #[error("scenario {scenario} is drilled every 0 months: give at least 1 (12 is yearly)")]
    ZeroCadence {
        /// The scenario.
        scenario: PlaybookId,
    },
    /// A report period of zero.
    #[error("the drill report rule has a period of 0: give the period the rule sets")]
    ZeroReportPeriod,
    /// A report recorded for a drill that is not in the programme.
    #[error("no drill {incident_id} is recorded: record the drill first")]
    UnknownDrill {
        /// The exercise incident.
        incident_id: IncidentId,
    },
    /// A drill recorded twice.
    #[error("drill {incident_id} is recorded more than once: keep one record")]
    DuplicateDrill {
        /// The exercise incident.
        incident_id: IncidentId,
    },
    /// A drill that ends before it starts.
    #[error("drill {incident_id} ends ({ended_at}) before it starts ({held_at}): fix the times")]
    EndsBeforeHeld {
        /// The exercise incident.
        incident_id: IncidentId,
        /// Its start.
        held_at: DateTime<Utc>,
        /// Its end.
        ended_at: DateTime<Utc>,
    },
    /// A report filed before the drill ended.
    #[error("drill {incident_id}'s report is filed ({filed_at}) before the drill ended ({ended_at}): fix the times")]
    ReportBeforeEnd {
        /// The exercise incident.
        incident_id: IncidentId,
        /// The drill's end.
        ended_at: DateTime<Utc>,
        /// The filing.
        filed_at: DateTime<Utc>,
    },
    /// A score above 100 or a grade better than the points give.
    #[error("drill {incident_id} has {points} points and grade {grade:?}: points go to 100, and the grade is at most the one the points give")]
    InconsistentResult {
        /// The exercise incident.
        incident_id: IncidentId,
        /// The points.
        points: u32,
        /// The grade.
        grade: DrillGrade,
    },
}

/// A drill programme that failed validation, with every problem found.
///
/// # Handling
/// Input error (HTTP 422): fix every listed problem; retrying will not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("drill programme of {firm} is invalid: {}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
pub struct DrillProgrammeError {
    /// The firm.
    pub firm: String,
    /// Every problem: the scope's first, then the drills', in order.
    pub problems: Vec<DrillProgrammeProblem>,
}

/// A validated drill programme; ask it where it stands with
/// [`status`](DrillProgramme::status).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DrillProgrammeSpec", into = "DrillProgrammeSpec")]
pub struct DrillProgramme {
    spec: DrillProgrammeSpec,
}

impl DrillProgrammeSpec {
    /// Every problem; empty when the programme is sound.
    pub fn problems(&self) -> Vec<DrillProgrammeProblem> {
        use DrillProgrammeProblem as P;
        let mut out = Vec::new();
        if self.scope.is_empty() {
            out.push(P::EmptyScope);
        }
        let mut seen = BTreeSet::new();
        for plan in &self.scope {
            let scenario = plan.scenario.clone();
            if !seen.insert(&plan.scenario) {
                out.push(P::DuplicateScenario {
                    scenario: scenario.clone(),
                });
            }
            if plan.title.trim().is_empty() {
                out.push(P::EmptyTitle {
                    scenario: scenario.clone(),
                });
            }
            if plan.every_months == 0 {
                out.push(P::ZeroCadence { scenario });
            }
        }
        if self
            .report_rule
            .as_ref()
            .is_some_and(|r| r.period.count == 0)
        {
            out.push(P::ZeroReportPeriod);
        }
        let mut drills = BTreeSet::new();
        for d in &self.drills {
            out.extend(drill_problems(d, !drills.insert(d.incident_id)));
        }
        out
    }
}

/// The problems of one drill record.
fn drill_problems(d: &DrillRecord, repeated: bool) -> Vec<DrillProgrammeProblem> {
    use DrillProgrammeProblem as P;
    let incident_id = d.incident_id;
    let mut out = Vec::new();
    if repeated {
        out.push(P::DuplicateDrill { incident_id });
    }
    if d.ended_at < d.held_at {
        out.push(P::EndsBeforeHeld {
            incident_id,
            held_at: d.held_at,
            ended_at: d.ended_at,
        });
    }
    if let Some(filed_at) = d.report_filed_at.filter(|f| *f < d.ended_at) {
        out.push(P::ReportBeforeEnd {
            incident_id,
            ended_at: d.ended_at,
            filed_at,
        });
    }
    if let Some(r) = d.result {
        if r.points > 100 || r.grade < DrillGrade::from_points(r.points) {
            out.push(P::InconsistentResult {
                incident_id,
                points: r.points,
                grade: r.grade,
            });
        }
    }
    out
}

impl DrillProgramme {
    /// Validates `spec`.
    ///
    /// # Errors
    /// [`DrillProgrammeError`] listing every [`DrillProgrammeProblem`].
    pub fn new(spec: DrillProgrammeSpec) -> Result<Self, DrillProgrammeError> {
        let problems = spec.problems();
        if problems.is_empty() {
            Ok(Self { spec })
        } else {
            Err(DrillProgrammeError {
                firm: spec.firm,
                problems,
            })
        }
    }

    /// The programme as written.
    pub fn spec(&self) -> &DrillProgrammeSpec {
        &self.spec
    }

    /// Records a drill held.
    ///
    /// # Errors
    /// [`DrillProgrammeError`] when the record is inconsistent or already recorded; the
    /// programme is unchanged then.
    pub fn record(&mut self, drill: DrillRecord) -> Result<(), DrillProgrammeError> {
        let mut spec = self.spec.clone();
        spec.drills.push(drill);
        *self = Self::new(spec)?;
        Ok(())
    }

    /// Records that the report on the drill of `incident_id` was filed at `filed_at`.
    ///
    /// # Errors
    /// [`DrillProgrammeError`] when no such drill is recorded or the filing is before its
    /// end; the programme is unchanged then.
    pub fn record_report(
        &mut self,
        incident_id: IncidentId,
        filed_at: DateTime<Utc>,
    ) -> Result<(), DrillProgrammeError> {
        let mut spec = self.spec.clone();
        let Some(drill) = spec
            .drills
            .iter_mut()
            .find(|d| d.incident_id == incident_id)
        else {
            return Err(DrillProgrammeError {
                firm: spec.firm,
                problems: vec![DrillProgrammeProblem::UnknownDrill { incident_id }],
            });
        };
        drill.report_filed_at = Some(filed_at);
        *self = Self::new(spec)?;
        Ok(())
    }
}

impl TryFrom<DrillProgrammeSpec> for DrillProgramme {
    type Error = DrillProgrammeError;

    fn try_from(spec: DrillProgrammeSpec) -> Result<Self, Self::Error> {
        Self::new(spec)
    }
}

impl From<DrillProgramme> for DrillProgrammeSpec {
    fn from(programme: DrillProgramme) -> Self {
        programme.spec
    }
}

impl JsonSchema for DrillProgramme {
    fn schema_name() -> Cow<'static, str> {
        "DrillProgramme".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = DrillProgrammeSpec::json_schema(generator);
        schema.insert(
            "description".to_owned(),
            "A firm's drill programme: the scenarios in scope, each once with a title and a cadence of at least one month; the drill report rule, if any, with a period above zero; the drills held, each once, ending after they start, reported after they end, with points up to 100 and a grade no better than the points give.".into(),
        );
        schema
    }
}
