//! Deciding commands about the phase transitions and their guards.

use chrono::{DateTime, Utc};

use super::checks::{Checks, MAX_LONG, MAX_SHORT};
use crate::actions::{ActionKind, ActionStatus};
use crate::comms::{MessageKind, NoticeStatus};
use crate::compensation::CompensationStance;
use crate::id::ActionId;
use crate::lifecycle::DisclosureBasis;
use crate::{Context, Event, Incident, Unmet};

impl Incident {
    /// [`Command::Contain`].
    pub(super) fn contain(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        contained_at: &Option<DateTime<Utc>>,
    ) -> Event {
        self.contain_guard(c);
        let at = match contained_at {
            Some(at) => {
                c.not_future("contained_at", *at, now);
                c.not_before("contained_at", *at, "detected_at", self.detected_at);
                *at
            }
            None => {
                c.push(Unmet::Missing {
                    field: "contained_at".to_owned(),
                    hint: "give the time containment took effect".to_owned(),
                });
                now
            }
        };
        Event::Contained { contained_at: at }
    }

    /// [`Command::Disclose`].
    pub(super) fn disclose(&self, c: &mut Checks, basis: &DisclosureBasis) -> Event {
        self.disclose_guard(c, basis);
        Event::Disclosed {
            basis: basis.clone(),
        }
    }

    /// [`Command::Remediate {}`].
    pub(super) fn remediate(&self, c: &mut Checks) -> Event {
        self.remediate_guard(c);
        Event::Remediated {}
    }

    /// [`Command::Review {}`].
    pub(super) fn review(&self, c: &mut Checks, ctx: &Context<'_>) -> Event {
        self.review_guard(c);
        self.reports_guard(c, ctx);
        Event::Reviewed {}
    }

    /// [`Command::Close {}`].
    pub(super) fn close(&self, c: &mut Checks, ctx: &Context<'_>) -> Event {
        self.reports_guard(c, ctx);
        self.claims_paid_guard(c);
        Event::Closed {}
    }

    /// Review and Close: no regulatory report is still owed, neither filed nor waived
    /// with a legal basis, under the regulation the host runs (in the context: the crate
    /// cannot know the host's regimes otherwise, and a forgotten report is the one mistake
    /// a closed incident cannot undo).
    pub(super) fn reports_guard(&self, c: &mut Checks, ctx: &Context<'_>) {
        let Some(regulation) = ctx.regulation() else {
            c.push(Unmet::RegulationNotGiven {});
            return;
        };
        let obligations = regulation.obligations(&self.regulatory_facts(), ctx.at());
        for o in obligations
            .obligations
            .iter()
            .filter(|o| o.status.is_owed())
        {
            c.push(Unmet::ReportOwed {
                regime: o.regime.clone(),
                report: o.report.clone(),
                status: o.status.label(),
            });
        }
    }

    /// [`Command::Dismiss`].
    pub(super) fn dismiss(&self, c: &mut Checks, rationale: &str) -> Event {
        self.claims_paid_guard(c);
        c.text(
            "rationale",
            rationale,
            "why this is not an incident (false positive)",
            MAX_LONG,
        );
        Event::Dismissed {
            rationale: rationale.to_owned(),
        }
    }

    /// Contain: at least one containment action done.
    pub(super) fn contain_guard(&self, c: &mut Checks) {
        if !self
            .actions_of(ActionKind::Containment)
            .any(|a| a.status == ActionStatus::Done)
        {
            c.push(Unmet::NoContainmentDone {
                open: self
                    .actions_of(ActionKind::Containment)
                    .map(|a| a.id.clone())
                    .collect(),
            });
        }
    }

    /// Disclose: an approved, complete initial notice to customers, or a legal basis for
    /// not disclosing.
    pub(super) fn disclose_guard(&self, c: &mut Checks, basis: &DisclosureBasis) {
        match basis {
            DisclosureBasis::NotRequired { legal_basis } => c.text(
                "legal_basis",
                legal_basis,
                "the legal basis for not disclosing publicly",
                MAX_SHORT,
            ),
            DisclosureBasis::PublicNotice { notice_id } => {
                let Some(notice) =
                    self.notice_status(c, notice_id, &[NoticeStatus::Approved, NoticeStatus::Sent])
                else {
                    return;
                };
                self.stale_guard(c, notice_id, notice);
                if notice.draft.kind != MessageKind::InitialNotice
                    || !notice.draft.audience.is_customers()
                {
                    c.push(Unmet::NotADisclosureNotice {
                        notice_id: notice_id.to_string(),
                        kind: notice.draft.kind,
                        audience: notice.draft.audience,
                    });
                }
                let missing = self.missing_elements(notice);
                if !missing.is_empty() {
                    c.push(Unmet::NoticeIncomplete {
                        notice_id: notice_id.to_string(),
                        missing,
                    });
                }
                // Under a plan, the disclosure is the planned initial notice to customers.
                if let Some(plan) = &self.comms_plan {
                    let items: Vec<String> = plan
                        .items
                        .iter()
                        .filter(|i| {
                            i.kind == MessageKind::InitialNotice && i.audience.is_customers()
                        })
                        .map(|i| i.id.to_string())
                        .collect();
                    let planned = notice
                        .draft
                        .plan_item
                        .as_ref()
                        .is_some_and(|p| items.iter().any(|i| i == p.as_str()));
                    if !items.is_empty() && !planned {
                        c.push(Unmet::UnplannedDisclosure {
                            notice_id: notice_id.to_string(),
                            items,
                        });
                    }
                }
            }
        }
    }

    /// Remediate: every remediation action done or deferred (DESIGN.md asks for no minimum
    /// number, unlike Contain); compensation decided.
    pub(super) fn remediate_guard(&self, c: &mut Checks) {
        let outstanding: Vec<ActionId> = self
            .actions_of(ActionKind::Remediation)
            .filter(|a| !a.status.is_settled())
            .map(|a| a.id.clone())
            .collect();
        if !outstanding.is_empty() {
            c.push(Unmet::RemediationOutstanding {
                actions: outstanding,
            });
        }
        if self.compensation == (CompensationStance::Undecided {}) {
            c.push(Unmet::CompensationUndecided {});
        }
    }

    /// Review: findings recorded; prevention actions owned and dated; resolution notice sent.
    pub(super) fn review_guard(&self, c: &mut Checks) {
        if self.findings.is_empty() {
            c.push(Unmet::NoFindings {});
        }
        for action in self.actions_of(ActionKind::Prevention) {
            if action.owner.is_none() {
                c.push(Unmet::PreventionWithoutOwner {
                    action_id: action.id.clone(),
                });
            }
            if action.due.is_none() {
                c.push(Unmet::PreventionWithoutDueDate {
                    action_id: action.id.clone(),
                });
            }
        }
        if !self.notices.values().any(|n| {
            n.draft.kind == MessageKind::ResolutionNotice
                && n.draft.audience.is_customers()
                && n.status == NoticeStatus::Sent
        }) {
            c.push(Unmet::ResolutionNoticeNotSent {});
        }
    }
}
