//! Where a drill programme stands at a moment: which scenarios are overdue or due soon,
//! what the plan's scope has covered, each scenario's trend and every drill report's clock.
//! As of the moment asked: a drill counts once it has ended, a report once it is filed.

use chrono::{DateTime, Months, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::programme::{DrillProgramme, DrillRecord, DrillResult, ScenarioPlan};
use super::report_clock::{DrillReportClock, DrillReportRule, DrillReportState};
use crate::id::PlaybookId;
use crate::locale::Zone;
use crate::regulation::Calendars;
use crate::IncidentId;

/// When a scenario must next be drilled, against the moment asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "due", rename_all = "snake_case", deny_unknown_fields)]
pub enum ScenarioDue {
    /// The last day to drill it has passed.
    Overdue {
        /// The last day it was due (local date).
        due_by: NaiveDate,
        /// Days past it.
        days_overdue: i64,
    },
    /// Due within the programme's due-soon window.
    DueSoon {
        /// The last day to drill it (local date).
        due_by: NaiveDate,
        /// Days left.
        days_left: i64,
    },
    /// Not due yet.
    OnTrack {
        /// The last day to drill it (local date).
        due_by: NaiveDate,
    },
    /// The due date is beyond the dates this library can represent.
    OutOfRange {},
}

/// How a scenario of the scope is covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "coverage", rename_all = "snake_case", deny_unknown_fields)]
pub enum Coverage {
    /// Its latest scored drill passed.
    Covered {
        /// That drill's score.
        result: DrillResult,
    },
    /// Its latest scored drill failed: drill it again.
    Failed {
        /// That drill's score.
        result: DrillResult,
    },
    /// Drilled, but no drill of it was scored.
    Unscored {},
    /// Never drilled.
    NeverDrilled {},
}

/// One drill of a scenario's trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrendPoint {
    /// The exercise incident.
    pub incident_id: IncidentId,
    /// When it was held.
    pub held_at: DateTime<Utc>,
    /// Its score, if scored.
    pub result: Option<DrillResult>,
}

/// One scenario of the scope at the moment asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScenarioStatus {
    /// The scenario.
    pub scenario: PlaybookId,
    /// Its name.
    pub title: String,
    /// Months between drills.
    pub every_months: u32,
    /// When it was last drilled, if ever.
    pub last_held_at: Option<DateTime<Utc>>,
    /// When it must next be drilled.
    pub due: ScenarioDue,
    /// How it is covered.
    pub coverage: Coverage,
    /// Every drill of it, oldest first.
    pub trend: Vec<TrendPoint>,
    /// Points of the latest scored drill minus the one before; `null` with fewer than two.
    pub points_change: Option<i64>,
}

/// A drill programme at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DrillProgrammeStatus {
    /// The firm.
    pub firm: String,
    /// The moment.
    pub at: DateTime<Utc>,
    /// The zone dates are counted in.
    pub time_zone: Zone,
    /// The scope's scenarios, in the plan's order.
    pub scenarios: Vec<ScenarioStatus>,
    /// Scenarios drilled that the plan's scope does not list.
    pub outside_scope: Vec<PlaybookId>,
    /// The drill report rule applied, if the firm has one.
    pub report_rule: Option<DrillReportRule>,
    /// Every drill's report clock, oldest drill first (empty without a rule).
    pub report_clocks: Vec<DrillReportClock>,
}

impl DrillProgrammeStatus {
    /// Scenarios past due.
    pub fn overdue(&self) -> impl Iterator<Item = &ScenarioStatus> {
        self.scenarios
            .iter()
            .filter(|s| matches!(s.due, ScenarioDue::Overdue { .. }))
    }

    /// Scenarios never drilled.
    pub fn never_drilled(&self) -> impl Iterator<Item = &ScenarioStatus> {
        self.scenarios
            .iter()
            .filter(|s| matches!(s.coverage, Coverage::NeverDrilled {}))
    }
}

impl DrillProgramme {
    /// Where the programme stands at `at`, counting only drills ended by then and reports
    /// filed by then; report clocks are counted on `calendars`.
    ///
    /// # Examples
    /// ```
    /// use chrono::{NaiveDate, TimeZone as _, Utc};
    /// use incident::id::PlaybookId;
    /// use incident::locale::Zone;
    /// use incident::regulation::Calendars;
    /// use incident::review::*;
    ///
    /// let programme = DrillProgramme::new(DrillProgrammeSpec {
    ///     firm: "Example Securities".into(),
    ///     time_zone: Zone::SHANGHAI,
    ///     starts_on: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
    ///     scope: vec![ScenarioPlan {
    ///         scenario: PlaybookId::new("securities.account-takeover")?,
    ///         title: "客户账户被盗用".into(),
    ///         every_months: 12,
    ///     }],
    ///     due_soon_days: 30,
    ///     passing_grade: DrillGrade::D,
    ///     report_rule: Some(DrillReportRule::csrc_order_218()),
    ///     drills: vec![],
    /// })?;
    /// let status = programme.status(Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap(), &Calendars::builtin());
    /// // Never drilled, and due by 1 January 2026.
    /// assert_eq!(status.overdue().count(), 1);
    /// assert_eq!(status.never_drilled().count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self, at: DateTime<Utc>, calendars: &Calendars) -> DrillProgrammeStatus {
        let spec = self.spec();
        let mut held: Vec<&DrillRecord> = spec.drills.iter().filter(|d| d.ended_at <= at).collect();
        held.sort_by_key(|d| (d.held_at, d.incident_id));
        let scenarios = spec
            .scope
            .iter()
            .map(|plan| self.scenario_status(plan, &held, at))
            .collect();
        let mut outside_scope: Vec<PlaybookId> = held
            .iter()
            .map(|d| &d.scenario)
            .filter(|s| !spec.scope.iter().any(|p| &p.scenario == *s))
            .cloned()
            .collect();
        outside_scope.sort();
        outside_scope.dedup();
        let report_clocks = spec.report_rule.as_ref().map_or_else(Vec::new, |rule| {
            held.iter()
                .map(|d| DrillReportClock {
                    scenario: d.scenario.clone(),
                    incident_id: d.incident_id,
                    ended_at: d.ended_at,
                    state: DrillReportState::of(
                        rule,
                        d.ended_at,
                        d.report_filed_at,
                        spec.time_zone,
                        calendars,
                        at,
                    ),
                })
                .collect()
        });
        DrillProgrammeStatus {
            firm: spec.firm.clone(),
            at,
            time_zone: spec.time_zone,
            scenarios,
            outside_scope,
            report_rule: spec.report_rule.clone(),
            report_clocks,
        }
    }

    /// One scenario from the drills `held` by `at` (oldest first).
    fn scenario_status(
        &self,
        plan: &ScenarioPlan,
        held: &[&DrillRecord],
        at: DateTime<Utc>,
    ) -> ScenarioStatus {
        let spec = self.spec();
        let zone = spec.time_zone;
        let mine: Vec<&DrillRecord> = held
            .iter()
            .copied()
            .filter(|d| d.scenario == plan.scenario)
            .collect();
        let last_held_at = mine.last().map(|d| d.held_at);
        let from = last_held_at.map_or(spec.starts_on, |t| zone.local_date(t));
        let due = from
            .checked_add_months(Months::new(plan.every_months))
            .map_or(ScenarioDue::OutOfRange {}, |due_by| {
                let days = (due_by - zone.local_date(at)).num_days();
                match days {
                    d if d < 0 => ScenarioDue::Overdue {
                        due_by,
                        days_overdue: -d,
                    },
                    d if d <= i64::from(spec.due_soon_days) => ScenarioDue::DueSoon {
                        due_by,
                        days_left: d,
                    },
                    _ => ScenarioDue::OnTrack { due_by },
                }
            });
        let scored: Vec<DrillResult> = mine.iter().filter_map(|d| d.result).collect();
        let coverage = match (scored.last(), mine.is_empty()) {
            (Some(&result), _) if result.grade <= spec.passing_grade => {
                Coverage::Covered { result }
            }
            (Some(&result), _) => Coverage::Failed { result },
            (None, true) => Coverage::NeverDrilled {},
            (None, false) => Coverage::Unscored {},
        };
        let points_change = match scored.as_slice() {
            [.., before, last] => Some(i64::from(last.points) - i64::from(before.points)),
            _ => None,
        };
        ScenarioStatus {
            scenario: plan.scenario.clone(),
            title: plan.title.clone(),
            every_months: plan.every_months,
            last_held_at,
            due,
            coverage,
            trend: mine
                .iter()
                .map(|d| TrendPoint {
                    incident_id: d.incident_id,
                    held_at: d.held_at,
                    result: d.result,
                })
                .collect(),
            points_change,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;
    use crate::review::{DrillGrade, DrillProgrammeSpec};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn programme(every_months: u32, drills: Vec<DrillRecord>) -> DrillProgramme {
        DrillProgramme::new(DrillProgrammeSpec {
            firm: "f".into(),
            time_zone: Zone::SHANGHAI,
            starts_on: date(2026, 1, 31),
            scope: vec![ScenarioPlan {
                scenario: PlaybookId::new("s").unwrap(),
                title: "t".into(),
                every_months,
            }],
            due_soon_days: 10,
            passing_grade: DrillGrade::C,
            report_rule: None,
            drills,
        })
        .unwrap()
    }

    fn status_on(p: &DrillProgramme, d: NaiveDate) -> ScenarioStatus {
        // 12:00 Beijing on `d`.
        let at = Utc.from_utc_datetime(&d.and_hms_opt(4, 0, 0).unwrap());
        p.status(at, &Calendars::new()).scenarios.remove(0)
    }

    #[test]
    fn a_month_cadence_from_the_31st_ends_on_the_last_day_of_a_shorter_month() {
        let p = programme(1, vec![]);
        let due_by = date(2026, 2, 28);
        assert_eq!(
            status_on(&p, date(2026, 2, 28)).due,
            ScenarioDue::DueSoon {
                due_by,
                days_left: 0
            }
        );
        assert_eq!(
            status_on(&p, date(2026, 3, 1)).due,
            ScenarioDue::Overdue {
                due_by,
                days_overdue: 1
            }
        );
        // The window is inclusive: 10 days ahead is due soon, 11 on track.
        assert_eq!(
            status_on(&p, date(2026, 2, 18)).due,
            ScenarioDue::DueSoon {
                due_by,
                days_left: 10
            }
        );
        assert_eq!(
            status_on(&p, date(2026, 2, 17)).due,
            ScenarioDue::OnTrack { due_by }
        );
    }

    #[test]
    fn the_latest_scored_drill_decides_coverage_against_the_passing_grade() {
        let record = |n: u8, day: u32, points: Option<u32>| DrillRecord {
            scenario: PlaybookId::new("s").unwrap(),
            incident_id: IncidentId::from_bytes([n; 16]),
            held_at: Utc.with_ymd_and_hms(2026, 3, day, 1, 0, 0).unwrap(),
            ended_at: Utc.with_ymd_and_hms(2026, 3, day, 3, 0, 0).unwrap(),
            result: points.map(|points| DrillResult {
                points,
                grade: DrillGrade::from_points(points),
            }),
            report_filed_at: None,
        };
        let p = programme(
            12,
            vec![
                record(1, 2, Some(75)),
                record(2, 9, Some(69)),
                record(3, 16, None),
            ],
        );
        let s = status_on(&p, date(2026, 3, 20));
        // 69 is a D, below the passing C; the unscored drill after it changes nothing.
        assert!(matches!(s.coverage, Coverage::Failed { result } if result.points == 69));
        assert_eq!(s.points_change, Some(-6));
        assert_eq!(s.trend.len(), 3);
        assert_eq!(
            s.last_held_at,
            Some(Utc.with_ymd_and_hms(2026, 3, 16, 1, 0, 0).unwrap())
        );
        // Before the second drill ended, the first one covered the scenario.
        let s = status_on(&p, date(2026, 3, 5));
        assert!(matches!(s.coverage, Coverage::Covered { result } if result.points == 75));
        assert_eq!(s.points_change, None);
        let p = programme(12, vec![record(3, 16, None)]);
        assert_eq!(
            status_on(&p, date(2026, 3, 20)).coverage,
            Coverage::Unscored {}
        );
    }
}
