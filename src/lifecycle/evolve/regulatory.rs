//! Applying events about the regulatory record: milestones, determinations, grades, filings, clock alerts.

use chrono::{DateTime, Utc};

use super::Stamp;
use crate::id::{FactName, RegimeId, ReportId};
use crate::lifecycle::ApplyError;
use crate::regulation::{ClockAlert, Filing, GradeRecord, Waiver};
use crate::regulation::{CnGrade, Milestone};
use crate::Incident;

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

    /// [`Event::DeterminationRecorded`].
    pub(super) fn apply_determination_recorded(
        &mut self,
        fact: FactName,
        value: bool,
        determined_at: DateTime<Utc>,
        basis: String,
    ) -> Result<(), ApplyError> {
        self.regulatory.determine(fact, value, determined_at, basis);
        Ok(())
    }

    /// [`Event::GradeRecorded`].
    pub(super) fn apply_grade_recorded(
        &mut self,
        grade: CnGrade,
        graded_at: DateTime<Utc>,
        basis: String,
    ) -> Result<(), ApplyError> {
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
