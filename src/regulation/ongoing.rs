//! Reports that change when the incident is still ongoing at their due time: NIS2 Art.
//! 23(4)(e) turns the final report due one month after the incident notification into a
//! progress report then, and moves the final report to one month after handling ends
//! (ELI <http://data.europa.eu/eli/dir/2022/2555/oj>, checked 2026-12-06). The rule is data,
//! [`IfOngoing`], so a Member State's transposition can override it.

use chrono::{DateTime, Utc};

use super::{IfOngoing, IncidentFacts, ObligationStatus, Obligations, Regime, Regulation, Report};

impl Regulation {
    /// Adds to `out` what `report`, which has an [`IfOngoing`] rule, gives at `at`:
    /// - its own obligation while it awaits its trigger, is filed or waived, was asked
    ///   about before its due time with handling not ended, or handling ended by then;
    /// - otherwise (still ongoing at the due time: the milestone recorded after it, or not
    ///   recorded by then) a progress report due at that time and the report itself on the
    ///   rule's clock from the milestone (awaiting it until it is recorded).
    pub(super) fn if_ongoing(
        &self,
        regime: &Regime,
        report: &Report,
        facts: &IncidentFacts,
        at: DateTime<Utc>,
        assumptions: Vec<String>,
        out: &mut Obligations,
    ) {
        let Some(rule) = &report.if_ongoing else {
            return self.counted_report(regime, report, facts, at, assumptions, out);
        };
        let due = match self.obligation(regime, report, facts, at, assumptions.clone()) {
            Ok(o) => match (o.due, &o.status) {
                (
                    Some(due),
                    ObligationStatus::Pending { .. } | ObligationStatus::Overdue { .. },
                ) if ongoing_at(rule, facts, due, at) => due,
                _ => return out.obligations.push(o),
            },
            Err(_) => return self.counted_report(regime, report, facts, at, assumptions, out),
        };
        let progress = Report {
            id: rule.progress.clone(),
            name: rule.progress_name.clone(),
            titles: crate::locale::Translations::new(),
            contents: Vec::new(),
            citation: rule.citation.clone(),
            note: Some(format!(
                "the incident was still ongoing when the {} fell due: a progress report is due then instead",
                report.name.to_lowercase()
            )),
            if_ongoing: None,
            deferral: None,
            ..report.clone()
        };
        self.counted_report(regime, &progress, facts, at, assumptions.clone(), out);
        let later = Report {
            deadline: vec![rule.then.clone()],
            citation: rule.citation.clone(),
            note: Some(format!(
                "the incident was still ongoing at the original due time ({due}): due on the clock from {} instead; record it when handling ends",
                rule.until
            )),
            if_ongoing: None,
            ..report.clone()
        };
        self.counted_report(regime, &later, facts, at, assumptions, out);
    }
}

/// Whether the incident was still ongoing at `due`, as known at `at`: the milestone was
/// recorded after `due`, or not recorded and `due` has come.
fn ongoing_at(
    rule: &IfOngoing,
    facts: &IncidentFacts,
    due: DateTime<Utc>,
    at: DateTime<Utc>,
) -> bool {
    match facts.milestones.get(&rule.until) {
        Some(ended) => *ended > due,
        None => at >= due,
    }
}
