//! Applying events about the regulatory record: milestones, determinations, grades, filings, clock alerts.

use chrono::{DateTime, Utc};

use super::Stamp;
use crate::id::{FactName, RegimeId, ReportId};
use crate::lifecycle::ApplyError;
use crate::regulation::{
    AssessmentRecord, ClockAlert, Deferral, FactChange, Filing, GradeRecord, Outcome, Waiver,
};
use crate::regulation::{CnGrade, Milestone};
use crate::{Event, Incident};

/// What `event`, recorded at `at`, changes in the facts the clocks read, kept in the
/// regulatory record's history for answers as of a past moment. `None` for an event the
/// clocks do not read.
pub(super) fn fact_change(event: &Event, at: DateTime<Utc>) -> Option<FactChange> {
    Some(match event {
        Event::KindChanged { to, .. } => FactChange::Kind { kind: *to },
        Event::ImpactUpdated { update, .. } => FactChange::Impact {
            update: update.clone(),
        },
        Event::MilestoneRecorded { milestone, at } => FactChange::Milestone {
            milestone: *milestone,
            at: *at,
        },
        Event::DeterminationRecorded {
            fact,
            value,
            determined_at,
            basis,
            assessment,
        } => FactChange::Determination {
            fact: fact.clone(),
            value: *value,
            determined_at: *determined_at,
            basis: basis.clone(),
            assessment: assessment.clone(),
        },
        Event::GradeRecorded {
            grade,
            graded_at,
            basis,
            assessment,
        } => FactChange::Grade {
            grade: GradeRecord {
                grade: *grade,
                graded_at: *graded_at,
                basis: basis.clone(),
            },
            assessment: assessment.clone(),
        },
        Event::ReportFiled(filing) => FactChange::Filing {
            filing: filing.clone(),
        },
        Event::ObligationWaived {
            regime,
            report,
            legal_basis,
        } => FactChange::Waiver {
            waiver: Waiver {
                regime: regime.clone(),
                report: report.clone(),
                legal_basis: legal_basis.clone(),
                waived_at: at,
            },
        },
        Event::DeadlineDeferred {
            regime,
            report,
            authority,
            until,
            reference,
        } => FactChange::Deferral {
            deferral: Deferral {
                regime: regime.clone(),
                report: report.clone(),
                authority: authority.clone(),
                until: *until,
                reference: reference.clone(),
                recorded_at: at,
            },
        },
        Event::ClockAlerted(alert) => FactChange::Alert {
            alert: alert.clone(),
        },
        _ => return None,
    })
}

impl Incident {
    /// [`Event::MilestoneRecorded`].
    pub(super) fn apply_milestone_recorded(
        &mut self,
        milestone: Milestone,
        at: DateTime<Utc>,
    ) -> Result<(), ApplyError> {
        self.regulatory.milestones.insert(milestone, at);
        Ok(())
    }

    /// [`Event::DeterminationRecorded`]; an assessment must reproduce and fit the answer.
    pub(super) fn apply_determination_recorded(
        &mut self,
        fact: FactName,
        value: bool,
        determined_at: DateTime<Utc>,
        basis: String,
        assessment: Option<&AssessmentRecord>,
    ) -> Result<(), ApplyError> {
        let answer = Outcome::Determination {
            fact: fact.clone(),
            value,
        };
        reproduce(ASSESSED_DETERMINATION, assessment, &answer)?;
        self.regulatory.determine(fact, value, determined_at, basis);
        Ok(())
    }

    /// [`Event::GradeRecorded`]; an assessment must reproduce and fit the grade.
    pub(super) fn apply_grade_recorded(
        &mut self,
        grade: CnGrade,
        graded_at: DateTime<Utc>,
        basis: String,
        assessment: Option<&AssessmentRecord>,
    ) -> Result<(), ApplyError> {
        reproduce("grade_recorded", assessment, &Outcome::Grade { grade })?;
        self.regulatory.cn_grade = Some(GradeRecord {
            grade,
            graded_at,
            basis,
        });
        Ok(())
    }

    /// [`Event::ObligationWaived`].
    pub(super) fn apply_obligation_waived(
        &mut self,
        regime: RegimeId,
        report: ReportId,
        legal_basis: String,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        self.regulatory.waivers.push(Waiver {
            regime,
            report,
            legal_basis,
            waived_at: stamp.at,
        });
        Ok(())
    }

    /// [`Event::DeadlineDeferred`]: the deferral, as the history keeps it.
    pub(super) fn apply_deadline_deferred(
        &mut self,
        event: &Event,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        if let Some(FactChange::Deferral { deferral }) = fact_change(event, stamp.at) {
            self.regulatory.deferrals.push(deferral);
        }
        Ok(())
    }

    /// [`Event::ReportFiled`].
    pub(super) fn apply_report_filed(&mut self, filing: Filing) -> Result<(), ApplyError> {
        self.regulatory.filings.push(filing);
        Ok(())
    }

    /// [`Event::ClockAlerted`].
    pub(super) fn apply_clock_alerted(&mut self, alert: ClockAlert) -> Result<(), ApplyError> {
        self.regulatory.alerts.push(alert);
        Ok(())
    }
}

const ASSESSED_DETERMINATION: &str = "determination_recorded";

/// Replay runs the same check as recording: the proposal is the rule's for the recorded
/// facts, the rule answers this question, and an override carries its reason.
fn reproduce(
    event: &'static str,
    assessment: Option<&AssessmentRecord>,
    answer: &Outcome,
) -> Result<(), ApplyError> {
    match assessment {
        Some(record) => record
            .check(answer)
            .map_err(|problem| ApplyError::AssessmentMismatch { event, problem }),
        None => Ok(()),
    }
}
