//! Applying events: `evolve` hands each event to its subdomain's file. Every apply checks
//! before it mutates, so an event that cannot apply leaves the state as it was.

mod actions;
mod aftercare;
mod claims;
mod evidence;
mod feedback;
mod findings;
mod notices;
mod phases;
mod playbook;
mod redecide;
mod regulatory;
mod timer;
mod triage;

use chrono::{DateTime, Utc};

use super::ApplyError;
use crate::id::{ActionId, ClaimId, InquiryId, NoticeId};
use crate::phase::{Phase, PhaseStamp};
use crate::ActorId;
use crate::{
    actions::Action, comms::Inquiry, comms::Notice, compensation::ClaimCase,
    compensation::ClaimStatus,
};
use crate::{Event, Incident};

/// Where and by whom an event was recorded: what most applies stamp on the state.
pub(super) struct Stamp {
    /// The event's name, for errors.
    pub(super) name: &'static str,
    /// Its sequence number.
    pub(super) sequence: u64,
    /// When it was recorded.
    pub(super) at: DateTime<Utc>,
    /// Who recorded it.
    pub(super) by: ActorId,
}

/// The event names something the incident does not have.
pub(super) fn unknown(
    event: &'static str,
    entity: &'static str,
    id: &dyn std::fmt::Display,
) -> ApplyError {
    ApplyError::UnknownId {
        event,
        entity,
        id: id.to_string(),
    }
}

/// The event adds something that already exists.
pub(super) fn duplicate(
    event: &'static str,
    entity: &'static str,
    id: &dyn std::fmt::Display,
) -> ApplyError {
    ApplyError::DuplicateId {
        event,
        entity,
        id: id.to_string(),
    }
}

impl Incident {
    /// Applies one event's effect (continuity and chain are checked by the caller).
    pub(crate) fn evolve(
        &mut self,
        event: Event,
        sequence: u64,
        at: DateTime<Utc>,
        by: ActorId,
    ) -> Result<(), ApplyError> {
        let stamp = Stamp {
            name: event.name(),
            sequence,
            at,
            by,
        };
        self.redecide(&event, &stamp)?;
        let change = regulatory::fact_change(&event, at);
        match event {
            Event::IncidentDeclared(_) => return Err(ApplyError::AlreadyDeclared),
            Event::SeverityChanged { from, to, reason } => {
                self.apply_severity_changed(from, to, reason, stamp)
            }
            Event::KindChanged { to, .. } => self.apply_kind_changed(to),
            Event::GbtClassified {
                classification,
                basis,
            } => self.apply_gbt_classified(classification, basis, stamp),
            Event::ImpactUpdated { update, .. } => self.apply_impact_updated(update),
            Event::OccurrenceRecorded {
                occurred_at,
                estimated,
            } => self.apply_occurrence_recorded(occurred_at, estimated),
            Event::RoleAssigned { role, person } => self.apply_role_assigned(role, person),
            Event::RoleUnassigned { role } => self.apply_role_unassigned(role),
            Event::SubStatusSet { sub_status } => self.apply_sub_status_set(sub_status, stamp),
            Event::EvidenceAdded(new) => self.apply_evidence_added(new, stamp),
            Event::CustodyRecorded(record) => self.apply_custody_recorded(record, stamp),
            Event::ActionAdded(new) => self.apply_action_added(new, stamp),
            Event::ActionUpdated(changes) => self.apply_action_updated(changes, stamp),
            Event::ActionStarted { action_id } => self.apply_action_started(action_id, stamp),
            Event::ActionCompleted {
                action_id,
                completed_at,
                outcome,
            } => self.apply_action_completed(action_id, completed_at, outcome, stamp),
            Event::ActionDeferred { action_id, reason } => {
                self.apply_action_deferred(action_id, reason, stamp)
            }
            Event::NoteAdded { text } => self.apply_note_added(text, stamp),
            Event::MilestoneRecorded { milestone, at } => {
                self.apply_milestone_recorded(milestone, at)
            }
            Event::DeterminationRecorded {
                fact,
                value,
                determined_at,
                basis,
                assessment,
            } => self.apply_determination_recorded(
                fact,
                value,
                determined_at,
                basis,
                assessment.as_deref(),
            ),
            Event::GradeRecorded {
                grade,
                graded_at,
                basis,
                assessment,
            } => self.apply_grade_recorded(grade, graded_at, basis, assessment.as_deref()),
            Event::ReportFiled(filing) => self.apply_report_filed(filing),
            Event::ObligationWaived {
                regime,
                report,
                legal_basis,
            } => self.apply_obligation_waived(regime, report, legal_basis, stamp),
            event @ Event::DeadlineDeferred { .. } => self.apply_deadline_deferred(&event, stamp),
            Event::ClockAlerted(alert) => self.apply_clock_alerted(alert),
            Event::OverdueRecorded(overdue) => self.apply_overdue_recorded(overdue, stamp),
            Event::InquiryReceived {
                inquiry_id,
                channel,
                topic,
                customer,
                received_at,
            } => self.apply_inquiry_received(
                inquiry_id,
                channel,
                topic,
                customer,
                received_at,
                stamp,
            ),
            Event::InquiryResponded {
                inquiry_id,
                responded_at,
            } => self.apply_inquiry_responded(inquiry_id, responded_at, stamp),
            Event::InquiryResolved {
                inquiry_id,
                resolved_at,
                note,
            } => self.apply_inquiry_resolved(inquiry_id, resolved_at, note, stamp),
            Event::SurveyResponseRecorded(response) => {
                self.apply_survey_response_recorded(response, stamp)
            }
            Event::NoticeDrafted(draft) => self.apply_notice_drafted(draft, stamp),
            Event::NoticeApproved { notice_id, bound } => {
                self.apply_notice_approved(notice_id, bound, stamp)
            }
            Event::NoticeSent { notice_id, sent_at } => {
                self.apply_notice_sent(notice_id, sent_at, stamp)
            }
            // Receipts live in the log (the reach report folds them); the state keeps
            // nothing per recipient, so millions of receipts do not grow the aggregate.
            Event::DeliveryReceiptRecorded(_) => Ok(()),
            Event::NoticeCancelled { notice_id, reason } => {
                self.apply_notice_cancelled(notice_id, reason, stamp)
            }
            Event::NoticeRevised(revision) => self.apply_notice_revised(revision, stamp),
            Event::FactRecorded(fact) => self.apply_fact_recorded(fact),
            Event::CommsPlanAdopted { plan } => self.apply_comms_plan_adopted(plan),
            Event::PlaybookActivated {
                pin,
                playbook_text,
                locale,
                staffing,
                roles_to_fill,
            } => self.apply_playbook_activated(
                playbook::Activated {
                    pin,
                    playbook_text,
                    locale,
                    staffing,
                    roles_to_fill,
                },
                stamp,
            ),
            Event::FindingRecorded(finding) => self.apply_finding_recorded(finding, stamp),
            event @ (Event::CompensationProgramOpened { .. }
            | Event::CompensationProgramAmended { .. }
            | Event::CompensationNotApplicable { .. }
            | Event::ClaimAssessed { .. }
            | Event::AssessmentOverrideProposed { .. }
            | Event::AssessmentOverrideApproved { .. }
            | Event::ClaimReviewed { .. }
            | Event::SettlementOffered { .. }
            | Event::ClaimResponseRecorded { .. }
            | Event::ClaimSettled { .. }
            | Event::ClaimPaid { .. }
            | Event::ClaimPaymentFailed { .. }
            | Event::RecoveryRecorded { .. }
            | Event::ClaimEscalated { .. }
            | Event::ClaimRejected { .. }
            | Event::PaymentReversalRequested { .. }
            | Event::PaymentReversalConfirmed { .. }
            | Event::PaymentReversalWithdrawn { .. }
            | Event::ClaimDeclaredUnclaimed { .. }
            | Event::ClaimReopened { .. }
            | Event::ClaimAppealed { .. }
            | Event::ClaimAppealResolved { .. }
            | Event::BudgetAllocated { .. }) => self.apply_compensation_event(event, stamp),
            Event::Contained { contained_at } => self.apply_contained(contained_at, stamp),
            Event::Disclosed { basis } => self.apply_disclosed(basis, stamp),
            Event::Remediated {} => self.apply_remediated(stamp),
            Event::Reviewed {} => self.apply_reviewed(stamp),
            Event::Closed {} => self.apply_closed(stamp),
            Event::Dismissed { rationale } => self.apply_dismissed(rationale, stamp),
        }?;
        if let Some(change) = change {
            self.regulatory.history.push(at, change);
        }
        self.updated_at = at;
        Ok(())
    }

    pub(super) fn enter(
        &mut self,
        phase: Phase,
        event: &'static str,
        sequence: u64,
        at: DateTime<Utc>,
        by: ActorId,
    ) -> Result<(), ApplyError> {
        if crate::lifecycle::transitions::target(self.phase, phase).is_none() {
            return Err(ApplyError::WrongPhase {
                event,
                phase: self.phase,
            });
        }
        self.phase = phase;
        self.sub_status = None;
        self.stamps.push(PhaseStamp {
            phase,
            sub_status: None,
            at,
            by,
            sequence,
        });
        Ok(())
    }

    /// Moves a claim to `to`, updating the totals (with `amount` for settlements and
    /// payments), then lets `change` record the step on the claim.
    pub(super) fn claim_step(
        &mut self,
        id: &ClaimId,
        event: &'static str,
        to: ClaimStatus,
        amount: Option<crate::Money>,
        change: impl FnOnce(&mut ClaimCase),
    ) -> Result<(), ApplyError> {
        let unknown =
            |entity: &'static str, id: String| ApplyError::UnknownId { event, entity, id };
        let case = self
            .claims
            .get_mut(id)
            .ok_or_else(|| unknown("claim", id.to_string()))?;
        let totals = self
            .claim_totals
            .as_mut()
            .ok_or_else(|| unknown("compensation program", case.program_id.to_string()))?;
        if !to.follows(case.status) {
            return Err(ApplyError::ClaimTransition {
                event,
                claim_id: id.to_string(),
                from: case.status,
                to,
            });
        }
        totals
            .shift(case.status, to, amount)
            .map_err(|source| ApplyError::Amount { event, source })?;
        case.status = to;
        change(case);
        Ok(())
    }

    pub(super) fn action_mut(
        &mut self,
        id: &ActionId,
        event: &'static str,
    ) -> Result<&mut Action, ApplyError> {
        self.actions
            .get_mut(id)
            .ok_or_else(|| ApplyError::UnknownId {
                event,
                entity: "action",
                id: id.to_string(),
            })
    }

    pub(super) fn notice_mut(
        &mut self,
        id: &NoticeId,
        event: &'static str,
    ) -> Result<&mut Notice, ApplyError> {
        self.notices
            .get_mut(id)
            .ok_or_else(|| ApplyError::UnknownId {
                event,
                entity: "notice",
                id: id.to_string(),
            })
    }

    pub(super) fn inquiry_mut(
        &mut self,
        id: &InquiryId,
        event: &'static str,
    ) -> Result<&mut Inquiry, ApplyError> {
        self.inquiries
            .get_mut(id)
            .ok_or_else(|| ApplyError::UnknownId {
                event,
                entity: "inquiry",
                id: id.to_string(),
            })
    }
}
