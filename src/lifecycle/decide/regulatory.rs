//! Deciding commands about milestones, determinations, grades, filings and clock alerts for the regulatory clocks.

use chrono::{DateTime, Utc};

use super::checks::{duplicate, no_change, Checks, MAX_SHORT, MAX_TITLE};
use crate::id::{FactName, RegimeId, ReportId};
use crate::regulation::{AlertKind, Assessment, AssessmentRecord, ClockAlert, Filing, Outcome};
use crate::regulation::{CnGrade, Milestone};
use crate::{Event, Incident, Unmet};

impl Incident {
    /// [`Command::RecordMilestone`].
    pub(super) fn record_milestone(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        milestone: &Milestone,
        at: &Option<DateTime<Utc>>,
    ) -> Event {
        let at = at.unwrap_or(now);
        c.not_future("at", at, now);
        if self.regulatory.milestones.get(milestone) == Some(&at) {
            c.push(no_change(format!(
                "{milestone} is already recorded at {at}"
            )));
        }
        Event::MilestoneRecorded {
            milestone: *milestone,
            at,
        }
    }

    /// [`Command::RecordDetermination`].
    pub(super) fn record_determination(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        fact: &FactName,
        value: &bool,
        determined_at: &Option<DateTime<Utc>>,
        basis: &str,
    ) -> Event {
        let determined_at = determined_at.unwrap_or(now);
        c.not_future("determined_at", determined_at, now);
        c.text("basis", basis, "the basis of the determination", MAX_SHORT);
        if self
            .regulatory
            .determinations
            .get(fact)
            .is_some_and(|d| d.value == *value)
        {
            c.push(no_change(format!(
                "`{fact}` is already determined {}",
                if *value { "yes" } else { "no" }
            )));
        }
        Event::DeterminationRecorded {
            fact: fact.clone(),
            value: *value,
            determined_at,
            basis: basis.to_owned(),
            assessment: None,
        }
    }

    /// [`Command::RecordGrade`].
    pub(super) fn record_grade(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        grade: &CnGrade,
        graded_at: &Option<DateTime<Utc>>,
        basis: &str,
    ) -> Event {
        let graded_at = graded_at.unwrap_or(now);
        c.not_future("graded_at", graded_at, now);
        c.text("basis", basis, "the grading criterion met", MAX_SHORT);
        if self
            .regulatory
            .cn_grade
            .as_ref()
            .is_some_and(|g| g.grade == *grade)
        {
            c.push(no_change(format!(
                "the grade is already {}",
                grade.as_str()
            )));
        }
        Event::GradeRecorded {
            grade: *grade,
            graded_at,
            basis: basis.to_owned(),
            assessment: None,
        }
    }

    /// [`Command::RecordFiling`].
    pub(super) fn record_filing(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        regime: &RegimeId,
        report: &ReportId,
        submitted_at: &Option<DateTime<Utc>>,
        reference: &Option<String>,
    ) -> Event {
        let submitted_at = submitted_at.unwrap_or(now);
        c.not_future("submitted_at", submitted_at, now);
        c.optional_text(
            "reference",
            reference.as_ref(),
            "the recipient's reference or leave it out",
            MAX_TITLE,
        );
        if self
            .regulatory
            .filings
            .iter()
            .any(|f| &f.regime == regime && &f.report == report && f.submitted_at == submitted_at)
        {
            c.push(duplicate(
                "filing",
                &format!("{regime}/{report} at {submitted_at}"),
            ));
        }
        Event::ReportFiled(Filing {
            regime: regime.clone(),
            report: report.clone(),
            submitted_at,
            reference: reference.clone(),
        })
    }

    /// [`Command::RecordClockAlerts`].
    pub(super) fn record_clock_alerts(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        alerts: &[ClockAlert],
    ) -> Vec<Event> {
        if alerts.is_empty() {
            c.push(Unmet::Missing {
                field: "alerts".to_owned(),
                hint: "record at least one alert; Regulation::tick builds them".to_owned(),
            });
        }
        for (i, alert) in alerts.iter().enumerate() {
            c.not_future("alerts.at", alert.at, now);
            let consistent = match alert.kind {
                AlertKind::Reminder { fraction_bp } => {
                    alert.at < alert.due_at && fraction_bp > 0 && fraction_bp < 10_000
                }
                AlertKind::Missed {} => alert.at >= alert.due_at,
            };
            if !consistent {
                c.push(Unmet::Invalid {
                    field: "alerts".to_owned(),
                    problem: format!(
                        "alert for {}/{} is inconsistent: a reminder falls before its due time at a share between 0 and 10000 basis points, a missed deadline at or after it",
                        alert.regime, alert.report
                    ),
                });
            }
            if self.regulatory.has_alert(alert) || alerts.iter().take(i).any(|a| a.same_as(alert)) {
                c.push(duplicate(
                    "clock alert",
                    &format!("{}/{} due {}", alert.regime, alert.report, alert.due_at),
                ));
            }
        }
        alerts.iter().cloned().map(Event::ClockAlerted).collect()
    }

    /// [`Command::WaiveObligation`](crate::Command::WaiveObligation).
    pub(super) fn waive_obligation(
        &self,
        c: &mut Checks,
        regime: &RegimeId,
        report: &ReportId,
        legal_basis: &str,
    ) -> Event {
        c.text(
            "legal_basis",
            legal_basis,
            "why the report is not owed (the provision, the threshold not met)",
            MAX_SHORT,
        );
        let key = format!("{regime}/{report}");
        if self
            .regulatory
            .waivers
            .iter()
            .any(|w| &w.regime == regime && &w.report == report)
        {
            c.push(duplicate("waiver", &key));
        }
        if self.regulatory.is_filed(regime, report) {
            c.push(no_change(format!(
                "{key} was filed already: a filed report cannot be waived"
            )));
        }
        Event::ObligationWaived {
            regime: regime.clone(),
            report: report.clone(),
            legal_basis: legal_basis.to_owned(),
        }
    }
}

impl Incident {
    /// [`Command::RecordDeferral`]: a report not yet filed, a due time after detection, and
    /// not the grant already recorded last.
    pub(super) fn record_deferral(
        &self,
        c: &mut Checks,
        regime: &RegimeId,
        report: &ReportId,
        authority: &str,
        until: DateTime<Utc>,
        reference: &Option<String>,
    ) -> Event {
        c.text(
            "authority",
            authority,
            "who granted the deferral",
            MAX_SHORT,
        );
        if let Some(r) = reference {
            c.text("reference", r, "the authority's reference", MAX_SHORT);
        }
        let key = format!("{regime}/{report}");
        if self.regulatory.is_filed(regime, report) {
            c.push(no_change(format!(
                "{key} was filed already: a deferral cannot move a report that went in"
            )));
        }
        let last = self
            .regulatory
            .deferrals
            .iter()
            .rfind(|d| &d.regime == regime && &d.report == report);
        if last.is_some_and(|d| d.until == until && d.authority == authority) {
            c.push(no_change(format!(
                "{key} is already deferred by {authority} until {}",
                until.to_rfc3339()
            )));
        }
        if until <= self.detected_at {
            c.push(Unmet::Invalid {
                field: "until".to_owned(),
                problem: format!(
                    "{} is not after the detection ({}): give the due time the authority granted",
                    until.to_rfc3339(),
                    self.detected_at.to_rfc3339()
                ),
            });
        }
        Event::DeadlineDeferred {
            regime: regime.clone(),
            report: report.clone(),
            authority: authority.to_owned(),
            until,
            reference: reference.clone(),
        }
    }
}

/// The assessment an answer confirms or overrides, with the rule's proposal computed here;
/// every way the two do not fit is a rejection (the same check replay runs).
pub(super) fn assess(
    c: &mut Checks,
    assessment: Option<&Assessment>,
    override_reason: &Option<String>,
    answer: &Outcome,
) -> Option<Box<AssessmentRecord>> {
    let Some(assessment) = assessment else {
        if override_reason.is_some() {
            c.push(Unmet::Invalid {
                field: "override_reason".to_owned(),
                problem: "there is no assessment to override: remove it, or add the assessment"
                    .to_owned(),
            });
        }
        return None;
    };
    if let Some(reason) = override_reason {
        c.text(
            "override_reason",
            reason,
            "why the answer departs from the proposal",
            MAX_SHORT,
        );
    }
    let record = AssessmentRecord::new(assessment.clone(), override_reason.clone());
    if let Err(problem) = record.check(answer) {
        c.push(Unmet::Invalid {
            field: "assessment".to_owned(),
            problem: problem.to_string(),
        });
    }
    Some(Box::new(record))
}

/// `event` (a determination or a grade) with its checked assessment.
pub(super) fn with_assessment(mut event: Event, record: Option<Box<AssessmentRecord>>) -> Event {
    if let Event::DeterminationRecorded { assessment, .. }
    | Event::GradeRecorded { assessment, .. } = &mut event
    {
        *assessment = record;
    }
    event
}
