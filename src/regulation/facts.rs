//! The facts regulatory clocks are computed from: a view of the incident that can also be
//! loaded on its own (the `deadlines` example reads one from JSON).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::applicability::GradeFinding;
use super::{ClockAlert, CnGrade, Deferral, Milestone, Submission, Trigger};
use crate::{
    classify::DataCategory, classify::Impact, id::FactName, id::RegimeId, id::ReportId, Currency,
    IncidentKind,
};

/// A yes/no determination and when it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Determination {
    /// The answer.
    pub value: bool,
    /// When it was made.
    pub determined_at: DateTime<Utc>,
    /// When it first became "yes" (the clock anchor), kept across later changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_yes_at: Option<DateTime<Utc>>,
    /// On what basis.
    pub basis: String,
}

/// A CAC grade and when it was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GradeRecord {
    /// The grade.
    pub grade: CnGrade,
    /// When it was decided.
    pub graded_at: DateTime<Utc>,
    /// On what basis (which criterion of the grading guide).
    pub basis: String,
}

/// A recorded decision that a report is not owed, with its legal basis: the obligation is
/// then neither pending nor overdue, and Review and Close no longer wait for it. The
/// decision and who took it stay in the log for the auditor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// The regime.
    pub regime: RegimeId,
    /// The report.
    pub report: ReportId,
    /// Why the report is not owed (the provision, the threshold not met, counsel's
    /// opinion).
    pub legal_basis: String,
    /// When it was recorded.
    pub waived_at: DateTime<Utc>,
}

/// A report actually submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Filing {
    /// The regime.
    pub regime: RegimeId,
    /// The report.
    pub report: ReportId,
    /// When it was submitted.
    pub submitted_at: DateTime<Utc>,
    /// The recipient's reference (case number, EDGAR accession number), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// Everything the clocks read about one incident: typed inputs to rules, the view the
/// aggregate lends with [`Incident::regulatory_facts`](crate::Incident::regulatory_facts).
/// Messages read a different vocabulary, [`FactSheet`](crate::comms::FactSheet) (labelled
/// words for readers); its doc says why there are two.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IncidentFacts {
    /// The incident kind.
    pub kind: IncidentKind,
    /// A drill: obligations are computed and scored, none is a real filing.
    #[serde(default)]
    pub exercise: bool,
    /// When it was detected.
    pub detected_at: DateTime<Utc>,
    /// What is known of the impact.
    #[serde(default)]
    pub impact: Impact,
    /// Yes/no determinations by name.
    #[serde(default)]
    pub determinations: BTreeMap<FactName, Determination>,
    /// Recorded milestones.
    #[serde(default)]
    pub milestones: BTreeMap<Milestone, DateTime<Utc>>,
    /// The CAC grade, once decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cn_grade: Option<GradeRecord>,
    /// Reports submitted, in the order recorded.
    #[serde(default)]
    pub filings: Vec<Filing>,
    /// Reminders and breaches already recorded in the log.
    #[serde(default)]
    pub alerts: Vec<ClockAlert>,
    /// Reports recorded as not owed, with their legal basis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<Waiver>,
    /// Due times moved by an authority, in the order recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deferrals: Vec<Deferral>,
}

/// CAC grading guide (annex to the CAC Measures, in force 2025-11-01), personal information
/// criterion: leaked personal information of at least 1,000,000 / 10,000,000 / 100,000,000
/// persons gives 较大 / 重大 / 特别重大 ("以上"均包括本数: inclusive). Source: the
/// project's regulatory reference §4.1, from https://www.4hou.com/posts/kg1x.
const CN_GRADE_PERSONS: [(u64, CnGrade); 3] = [
    (100_000_000, CnGrade::ExtremelyMajor),
    (10_000_000, CnGrade::Major),
    (1_000_000, CnGrade::RelativelyMajor),
];

/// CAC grading guide, direct economic loss criterion: at least RMB 5,000,000 / 20,000,000 /
/// 100,000,000 (in fen, the CNY minor unit).
const CN_GRADE_LOSS_FEN: [(i64, CnGrade); 3] = [
    (10_000_000_000, CnGrade::ExtremelyMajor),
    (2_000_000_000, CnGrade::Major),
    (500_000_000, CnGrade::RelativelyMajor),
];

impl IncidentFacts {
    /// Facts with only the required fields set.
    pub fn new(kind: IncidentKind, detected_at: DateTime<Utc>) -> Self {
        Self {
            kind,
            exercise: false,
            detected_at,
            impact: Impact::default(),
            determinations: BTreeMap::new(),
            milestones: BTreeMap::new(),
            cn_grade: None,
            filings: Vec::new(),
            alerts: Vec::new(),
            waivers: Vec::new(),
            deferrals: Vec::new(),
        }
    }

    /// The deferrals of `report` under `regime` recorded by `at`, oldest first.
    pub fn deferrals_of(
        &self,
        regime: &RegimeId,
        report: &ReportId,
        at: DateTime<Utc>,
    ) -> Vec<&Deferral> {
        self.deferrals
            .iter()
            .filter(|d| &d.regime == regime && &d.report == report && d.recorded_at <= at)
            .collect()
    }

    /// The waiver of `report` under `regime` recorded by `at`, if any.
    pub fn waiver(
        &self,
        regime: &RegimeId,
        report: &ReportId,
        at: DateTime<Utc>,
    ) -> Option<&Waiver> {
        self.waivers
            .iter()
            .find(|w| &w.regime == regime && &w.report == report && w.waived_at <= at)
    }

    /// The recorded answer of a determination.
    pub fn determination(&self, fact: &FactName) -> Option<bool> {
        self.determinations.get(fact).map(|d| d.value)
    }

    /// The lowest grade the quantitative criteria of the grading guide settle from the
    /// recorded facts: personal information of that many persons leaked, or a direct loss
    /// of that much in CNY. Other criteria (outages, defacement) need a recorded grade.
    pub fn cn_grade_floor(&self) -> Option<CnGrade> {
        let personal = self
            .impact
            .data_categories
            .iter()
            .any(|c: &DataCategory| c.is_personal());
        let by_people = self
            .impact
            .people
            .best_estimate()
            .filter(|_| personal)
            .and_then(|n| {
                CN_GRADE_PERSONS
                    .iter()
                    .find(|(threshold, _)| n >= *threshold)
                    .map(|(_, g)| *g)
            });
        let by_loss = self
            .impact
            .funds_involved
            .filter(|m| m.currency() == Currency::CNY)
            .and_then(|m| {
                CN_GRADE_LOSS_FEN
                    .iter()
                    .find(|(threshold, _)| m.amount_minor() >= *threshold)
                    .map(|(_, g)| *g)
            });
        by_people.max(by_loss)
    }

    pub(crate) fn cn_grade(&self) -> GradeFinding {
        let floor = self.cn_grade_floor();
        match (&self.cn_grade, floor) {
            (Some(r), floor) => GradeFinding::Recorded(floor.map_or(r.grade, |f| f.max(r.grade))),
            (None, Some(f)) => GradeFinding::AtLeast(f),
            (None, None) => GradeFinding::AtLeast(CnGrade::General),
        }
    }

    /// When a trigger happened, if it has; the note explains a fallback.
    pub fn trigger_time(
        &self,
        regime: &RegimeId,
        trigger: &Trigger,
    ) -> Option<(DateTime<Utc>, Option<String>)> {
        match trigger {
            Trigger::Detected {} => Some((self.detected_at, None)),
            Trigger::Milestone { milestone } => match self.milestones.get(milestone) {
                Some(at) => Some((*at, None)),
                None if *milestone == Milestone::Awareness => Some((
                    self.detected_at,
                    Some(
                        "awareness not recorded: counted from detection, which is never later"
                            .to_owned(),
                    ),
                )),
                None => None,
            },
            Trigger::Determined { fact } => self
                .determinations
                .get(fact)
                .and_then(|d| d.first_yes_at.or(d.value.then_some(d.determined_at)))
                .map(|at| (at, None)),
            Trigger::Graded { at_least } => match self.cn_grade() {
                GradeFinding::Recorded(g) if g >= *at_least => {
                    self.cn_grade.as_ref().map(|r| (r.graded_at, None))
                }
                _ => None,
            },
            Trigger::Filed { report, which } => {
                let times = self
                    .filings
                    .iter()
                    .filter(|f| &f.regime == regime && &f.report == report)
                    .map(|f| f.submitted_at);
                match which {
                    Submission::First => times.min(),
                    Submission::Latest => times.max(),
                }
                .map(|at| (at, None))
            }
        }
    }

    /// The first submission of a report.
    pub fn first_filing(&self, regime: &RegimeId, report: &ReportId) -> Option<&Filing> {
        self.filings
            .iter()
            .filter(|f| &f.regime == regime && &f.report == report)
            .min_by_key(|f| f.submitted_at)
    }
}
