//! The Detect guard: deciding a declaration.

use super::checks::{Checks, MAX_LONG, MAX_SHORT, MAX_TITLE};
use crate::classify::assess_severity;
use crate::lifecycle::Declared;
use crate::{CommandKind, Context, Declare, Event, Rejection, Unmet};

impl Declare {
    /// The Detect guard: how, when, how bad and who. Returns the declaration event.
    pub(super) fn decide(&self, ctx: &Context) -> Result<Vec<Event>, Rejection> {
        let mut c = Checks::default();
        c.text(
            "title",
            &self.title,
            "a short title for the incident",
            MAX_TITLE,
        );
        c.optional_text(
            "summary",
            self.summary.as_ref(),
            "a summary or leave it out",
            MAX_LONG,
        );
        c.impact(
            self.impact.funds_involved.as_ref(),
            Some(&self.impact.losses),
        );
        if self.detection_source.is_none() {
            c.push(Unmet::Missing {
                field: "detection_source".to_owned(),
                hint: "say how the incident was found (monitoring, log review, network traffic, customer report, third party, law enforcement, media, …)".to_owned(),
            });
        }
        match self.detected_at {
            None => c.push(Unmet::Missing {
                field: "detected_at".to_owned(),
                hint: "give the time the incident was detected".to_owned(),
            }),
            Some(detected) => {
                c.not_future("detected_at", detected, ctx.at());
                if let Some(occurred) = self.occurred_at {
                    c.not_before("detected_at", detected, "occurred_at", occurred);
                }
            }
        }
        if let Some(occurred) = self.occurred_at {
            c.not_future("occurred_at", occurred, ctx.at());
        }
        match self.severity {
            None => c.push(Unmet::Missing {
                field: "severity".to_owned(),
                hint: format!(
                    "give an initial severity; the default rule suggests {} for the facts given",
                    assess_severity(self.kind, &self.impact).severity
                ),
            }),
            Some(chosen) => {
                let assessed = assess_severity(self.kind, &self.impact);
                let reason_given = self
                    .severity_reason
                    .as_ref()
                    .is_some_and(|r| !r.trim().is_empty());
                if assessed.severity.is_worse_than(chosen) && !reason_given {
                    c.push(Unmet::SeverityBelowAssessment {
                        chosen,
                        assessed: assessed.severity,
                        rule: assessed.reason,
                    });
                }
            }
        }
        c.optional_text(
            "severity_reason",
            self.severity_reason.as_ref(),
            "the reason or leave it out",
            MAX_SHORT,
        );
        if self.owner.is_none() {
            c.push(Unmet::Missing {
                field: "owner".to_owned(),
                hint: "name the accountable incident owner".to_owned(),
            });
        }
        let (Some(detection_source), Some(detected_at), Some(severity), Some(owner)) = (
            self.detection_source,
            self.detected_at,
            self.severity,
            self.owner.clone(),
        ) else {
            return Err(Rejection {
                command: CommandKind::Declare,
                phase: None,
                unmet: c.0,
            });
        };
        let event = Event::IncidentDeclared(Declared {
            kind: self.kind,
            title: self.title.clone(),
            summary: self.summary.clone(),
            detection_source,
            detected_at,
            occurred_at: self.occurred_at,
            occurred_at_estimated: self.occurred_at_estimated,
            severity,
            severity_reason: self.severity_reason.clone(),
            owner,
            exercise: self.exercise,
            impact: self.impact.clone(),
        });
        c.finish(CommandKind::Declare, None, event)
    }
}
