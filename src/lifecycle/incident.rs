use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Declared, DisclosureBasis, Event, Phase, Role};
use crate::chain::Digest;
use crate::comms::{CommsPlan, Fact, FactSheet, FactValue, Sensitivity};
use crate::regulation::{GradeRecord, IncidentFacts, RegulatoryRecord};
use crate::{
    assess_severity, inquiry_stats, survey_stats, Action, ActionId, ActionStatus, ActorId,
    ClaimCase, ClaimId, ClaimResponse, ClaimStatus, ClaimTotals, CompensationStance,
    DetectionSource, EvidenceId, EvidenceItem, Finding, FindingId, Impact, IncidentId,
    IncidentKind, Inquiry, InquiryId, InquiryStats, MoneyError, Notice, NoticeId, NoticeStatus,
    Offer, Payment, Severity, SeverityAssessment, SlaTargets, SubStatus, SurveyResponse,
    SurveyResponseId, SurveyStats,
};
use crate::{ContentElement, FactKey};

/// A phase or sub-status change, stamped so that response metrics can be computed later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PhaseStamp {
    /// The phase entered (or the phase the sub-status belongs to).
    pub phase: Phase,
    /// The sub-status set, if this stamp records one.
    pub sub_status: Option<SubStatus>,
    /// When it was recorded.
    pub at: DateTime<Utc>,
    /// Who recorded it.
    pub by: ActorId,
    /// The log sequence number of the event.
    pub sequence: u64,
}

/// A severity change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SeverityChange {
    /// Before.
    pub from: Severity,
    /// After.
    pub to: Severity,
    /// Why.
    pub reason: String,
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub by: ActorId,
}

/// A timeline note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Note {
    /// The text.
    pub text: String,
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub by: ActorId,
}

/// The incident aggregate: everything known about one incident, rebuilt from its events.
///
/// It changes only by applying envelopes ([`Incident::apply`], [`Incident::replay`]);
/// commands are turned into envelopes by [`Incident::execute`]. See the
/// [crate docs](crate) for the host loop.
///
/// It serializes for APIs and dashboards, and deserializes as a snapshot: a snapshot keeps
/// its `version` and chain `head`, so later envelopes apply and verify on top of it, but the
/// snapshot itself is trusted as given. The event log stays the source of truth; rebuild
/// with [`Incident::replay`] when in doubt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Incident {
    pub(crate) id: IncidentId,
    pub(crate) version: u64,
    pub(crate) head: Digest,
    pub(crate) declared_at: DateTime<Utc>,
    pub(crate) declared_by: ActorId,
    pub(crate) updated_at: DateTime<Utc>,
    pub(crate) exercise: bool,
    pub(crate) kind: IncidentKind,
    pub(crate) title: String,
    pub(crate) summary: Option<String>,
    pub(crate) detection_source: DetectionSource,
    pub(crate) detected_at: DateTime<Utc>,
    pub(crate) occurred_at: Option<DateTime<Utc>>,
    pub(crate) occurred_at_estimated: bool,
    pub(crate) severity: Severity,
    pub(crate) severity_reason: Option<String>,
    pub(crate) severity_changes: Vec<SeverityChange>,
    pub(crate) impact: Impact,
    pub(crate) roles: BTreeMap<Role, ActorId>,
    pub(crate) phase: Phase,
    pub(crate) sub_status: Option<SubStatus>,
    pub(crate) stamps: Vec<PhaseStamp>,
    pub(crate) contained_at: Option<DateTime<Utc>>,
    pub(crate) disclosure: Option<DisclosureBasis>,
    pub(crate) dismissal: Option<String>,
    pub(crate) evidence: BTreeMap<EvidenceId, EvidenceItem>,
    pub(crate) actions: BTreeMap<ActionId, Action>,
    pub(crate) notes: Vec<Note>,
    pub(crate) regulatory: RegulatoryRecord,
    pub(crate) facts: FactSheet,
    pub(crate) comms_plan: Option<CommsPlan>,
    pub(crate) notices: BTreeMap<NoticeId, Notice>,
    #[serde(default)]
    pub(crate) inquiries: BTreeMap<InquiryId, Inquiry>,
    #[serde(default)]
    pub(crate) survey_responses: BTreeMap<SurveyResponseId, SurveyResponse>,
    pub(crate) findings: BTreeMap<FindingId, Finding>,
    pub(crate) compensation: CompensationStance,
    #[serde(default)]
    pub(crate) claims: BTreeMap<ClaimId, ClaimCase>,
    #[serde(default)]
    pub(crate) claim_totals: Option<ClaimTotals>,
}

/// Why an event could not be applied to the state it was replayed onto.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ApplyError {
    /// An `incident_declared` event after the first.
    #[error("the incident is already declared; a second incident_declared event cannot apply")]
    AlreadyDeclared,
    /// The first event is not `incident_declared`.
    #[error("the first event must be incident_declared, found {found}")]
    NotDeclaredFirst {
        /// The event found.
        found: String,
    },
    /// The event names something the incident does not have.
    #[error("{event} refers to unknown {entity} {id}")]
    UnknownId {
        /// The event.
        event: &'static str,
        /// What kind of thing.
        entity: &'static str,
        /// The id.
        id: String,
    },
    /// The event adds something that already exists.
    #[error("{event} adds {entity} {id}, which already exists")]
    DuplicateId {
        /// The event.
        event: &'static str,
        /// What kind of thing.
        entity: &'static str,
        /// The id.
        id: String,
    },
    /// The event's amount cannot be added to the compensation program's totals (overflow,
    /// or another currency than the program's).
    #[error("{event} cannot apply to the compensation totals: {source}")]
    Amount {
        /// The event.
        event: &'static str,
        /// The arithmetic error.
        source: MoneyError,
    },
    /// The event moves the phase along an edge the lifecycle does not have.
    #[error("{event} cannot apply in phase {phase}")]
    WrongPhase {
        /// The event.
        event: &'static str,
        /// The phase.
        phase: Phase,
    },
}

impl Incident {
    /// Builds the state from the declaration event.
    pub(crate) fn from_declared(
        id: IncidentId,
        declared: Declared,
        head: Digest,
        at: DateTime<Utc>,
        by: ActorId,
    ) -> Self {
        let mut roles = BTreeMap::new();
        roles.insert(Role::Owner, declared.owner);
        Self {
            id,
            version: 1,
            head,
            declared_at: at,
            declared_by: by.clone(),
            updated_at: at,
            exercise: declared.exercise,
            kind: declared.kind,
            title: declared.title,
            summary: declared.summary,
            detection_source: declared.detection_source,
            detected_at: declared.detected_at,
            occurred_at: declared.occurred_at,
            occurred_at_estimated: declared.occurred_at_estimated,
            severity: declared.severity,
            severity_reason: declared.severity_reason,
            severity_changes: Vec::new(),
            impact: declared.impact,
            roles,
            phase: Phase::Detected,
            sub_status: None,
            stamps: vec![PhaseStamp {
                phase: Phase::Detected,
                sub_status: None,
                at,
                by,
                sequence: 1,
            }],
            contained_at: None,
            disclosure: None,
            dismissal: None,
            evidence: BTreeMap::new(),
            actions: BTreeMap::new(),
            notes: Vec::new(),
            regulatory: RegulatoryRecord::default(),
            facts: FactSheet::new(),
            comms_plan: None,
            notices: BTreeMap::new(),
            inquiries: BTreeMap::new(),
            survey_responses: BTreeMap::new(),
            findings: BTreeMap::new(),
            compensation: CompensationStance::Undecided,
            claims: BTreeMap::new(),
            claim_totals: None,
        }
    }

    /// Applies one event's effect (continuity and chain are checked by the caller).
    pub(crate) fn evolve(
        &mut self,
        event: Event,
        sequence: u64,
        at: DateTime<Utc>,
        by: ActorId,
    ) -> Result<(), ApplyError> {
        let name = event.name();
        let unknown = |entity: &'static str, id: &dyn std::fmt::Display| ApplyError::UnknownId {
            event: name,
            entity,
            id: id.to_string(),
        };
        let duplicate =
            |entity: &'static str, id: &dyn std::fmt::Display| ApplyError::DuplicateId {
                event: name,
                entity,
                id: id.to_string(),
            };
        match event {
            Event::IncidentDeclared(_) => return Err(ApplyError::AlreadyDeclared),
            Event::SeverityChanged { from, to, reason } => {
                self.severity = to;
                self.severity_changes.push(SeverityChange {
                    from,
                    to,
                    reason,
                    at,
                    by,
                });
            }
            Event::KindChanged { to, .. } => self.kind = to,
            Event::ImpactUpdated { update, .. } => self.impact.apply(&update),
            Event::OccurrenceRecorded {
                occurred_at,
                estimated,
            } => {
                self.occurred_at = Some(occurred_at);
                self.occurred_at_estimated = estimated;
            }
            Event::RoleAssigned { role, person } => {
                self.roles.insert(role, person);
            }
            Event::RoleUnassigned { role } => {
                self.roles.remove(&role);
            }
            Event::SubStatusSet { sub_status } => {
                self.sub_status.clone_from(&sub_status);
                self.stamps.push(PhaseStamp {
                    phase: self.phase,
                    sub_status,
                    at,
                    by,
                    sequence,
                });
            }
            Event::EvidenceAdded(new) => {
                if self.evidence.contains_key(&new.evidence_id) {
                    return Err(duplicate("evidence", &new.evidence_id));
                }
                self.evidence
                    .insert(new.evidence_id.clone(), EvidenceItem::collected(new));
            }
            Event::CustodyRecorded(record) => {
                let item = self
                    .evidence
                    .get_mut(&record.evidence_id)
                    .ok_or_else(|| unknown("evidence", &record.evidence_id))?;
                item.custody.push(record.entry);
            }
            Event::ActionAdded(new) => {
                if self.actions.contains_key(&new.action_id) {
                    return Err(duplicate("action", &new.action_id));
                }
                self.actions
                    .insert(new.action_id.clone(), Action::new(new, at));
            }
            Event::ActionUpdated(changes) => {
                let action = self
                    .actions
                    .get_mut(&changes.action_id)
                    .ok_or_else(|| unknown("action", &changes.action_id))?;
                if let Some(title) = changes.title {
                    action.title = title;
                }
                if let Some(owner) = changes.owner {
                    action.owner = Some(owner);
                }
                if let Some(due) = changes.due {
                    action.due = Some(due);
                }
            }
            Event::ActionStarted { action_id } => {
                self.action_mut(&action_id, name)?.status = ActionStatus::InProgress;
            }
            Event::ActionCompleted {
                action_id,
                completed_at,
                outcome,
            } => {
                let action = self.action_mut(&action_id, name)?;
                action.status = ActionStatus::Done;
                action.completed_at = Some(completed_at);
                action.outcome = outcome;
            }
            Event::ActionDeferred { action_id, reason } => {
                let action = self.action_mut(&action_id, name)?;
                action.status = ActionStatus::Deferred;
                action.deferral_reason = Some(reason);
            }
            Event::NoteAdded { text } => self.notes.push(Note { text, at, by }),
            Event::MilestoneRecorded { milestone, at } => {
                self.regulatory.milestones.insert(milestone, at);
            }
            Event::DeterminationRecorded {
                fact,
                value,
                determined_at,
                basis,
            } => self.regulatory.determine(fact, value, determined_at, basis),
            Event::GradeRecorded {
                grade,
                graded_at,
                basis,
            } => {
                self.regulatory.cn_grade = Some(GradeRecord {
                    grade,
                    graded_at,
                    basis,
                });
            }
            Event::ReportFiled(filing) => self.regulatory.filings.push(filing),
            Event::ClockAlerted(alert) => self.regulatory.alerts.push(alert),
            Event::InquiryReceived {
                inquiry_id,
                channel,
                topic,
                customer,
                received_at,
            } => {
                if self.inquiries.contains_key(&inquiry_id) {
                    return Err(duplicate("inquiry", &inquiry_id));
                }
                self.inquiries.insert(
                    inquiry_id.clone(),
                    Inquiry::new(inquiry_id, channel, topic, customer, received_at),
                );
            }
            Event::InquiryResponded {
                inquiry_id,
                responded_at,
            } => {
                let inquiry = self.inquiry_mut(&inquiry_id, name)?;
                inquiry.first_response_at.get_or_insert(responded_at);
            }
            Event::InquiryResolved {
                inquiry_id,
                resolved_at,
                note,
            } => {
                let inquiry = self.inquiry_mut(&inquiry_id, name)?;
                inquiry.first_response_at.get_or_insert(resolved_at);
                inquiry.resolved_at = Some(resolved_at);
                inquiry.resolution_note = note;
            }
            Event::SurveyResponseRecorded(response) => {
                if self.survey_responses.contains_key(&response.id) {
                    return Err(duplicate("survey response", &response.id));
                }
                self.survey_responses.insert(response.id.clone(), response);
            }
            Event::NoticeDrafted(draft) => {
                if self.notices.contains_key(&draft.notice_id) {
                    return Err(duplicate("notice", &draft.notice_id));
                }
                self.notices
                    .insert(draft.notice_id.clone(), Notice::drafted(draft, at));
            }
            Event::NoticeApproved { notice_id } => {
                let notice = self.notice_mut(&notice_id, name)?;
                notice.status = NoticeStatus::Approved;
                notice.approved_by = Some(by);
                notice.approved_at = Some(at);
            }
            Event::NoticeSent { notice_id, sent_at } => {
                let notice = self.notice_mut(&notice_id, name)?;
                notice.status = NoticeStatus::Sent;
                notice.sent_at = Some(sent_at);
            }
            Event::NoticeCancelled { notice_id, reason } => {
                let notice = self.notice_mut(&notice_id, name)?;
                notice.status = NoticeStatus::Cancelled;
                notice.cancel_reason = Some(reason);
            }
            Event::FactRecorded(fact) => {
                self.facts.insert(fact);
            }
            Event::CommsPlanAdopted { plan } => self.comms_plan = Some(plan),
            Event::FindingRecorded(finding) => {
                if self.findings.contains_key(&finding.finding_id) {
                    return Err(duplicate("finding", &finding.finding_id));
                }
                self.findings.insert(finding.finding_id.clone(), finding);
            }
            Event::CompensationProgramOpened {
                program_id,
                policy,
                pin,
                budget,
            } => {
                self.claim_totals = pin.as_ref().map(|pin| ClaimTotals::zero(pin.currency));
                self.compensation = CompensationStance::ProgramOpened {
                    program_id,
                    policy,
                    pin,
                    budget,
                };
            }
            Event::CompensationNotApplicable { reason } => {
                self.compensation = CompensationStance::NotApplicable { reason };
            }
            Event::ClaimAssessed {
                program_id,
                claim_id,
                customer,
                assessment,
            } => {
                if self.claims.contains_key(&claim_id) {
                    return Err(duplicate("claim", &claim_id));
                }
                let totals = self
                    .claim_totals
                    .as_mut()
                    .ok_or_else(|| unknown("compensation program", &program_id))?;
                totals
                    .add_claim(assessment.cash)
                    .map_err(|source| ApplyError::Amount {
                        event: name,
                        source,
                    })?;
                self.claims.insert(
                    claim_id,
                    ClaimCase::assessed(program_id, customer, assessment, at),
                );
            }
            Event::SettlementOffered {
                claim_id,
                amount,
                remedies,
            } => {
                self.claim_step(&claim_id, name, ClaimStatus::Offered, None, |case| {
                    case.offers.push(Offer {
                        amount,
                        remedies,
                        offered_at: at,
                        offered_by: by,
                        response: None,
                        responded_at: None,
                    });
                })?;
            }
            Event::ClaimResponseRecorded { claim_id, response } => {
                let status = match response {
                    ClaimResponse::Accepted => ClaimStatus::Accepted,
                    ClaimResponse::Countered { .. } => ClaimStatus::Countered,
                };
                self.claim_step(&claim_id, name, status, None, |case| {
                    if let Some(offer) = case.offers.last_mut() {
                        offer.response = Some(response);
                        offer.responded_at = Some(at);
                    }
                })?;
            }
            Event::ClaimSettled { claim_id, amount } => {
                self.claim_step(
                    &claim_id,
                    name,
                    ClaimStatus::Settled,
                    Some(amount),
                    |case| {
                        case.settled = Some(amount);
                        case.settled_at = Some(at);
                    },
                )?;
            }
            Event::ClaimPaid {
                claim_id,
                paid_at,
                amount,
                payment_reference,
            } => {
                self.claim_step(&claim_id, name, ClaimStatus::Paid, Some(amount), |case| {
                    case.payment = Some(Payment {
                        paid_at,
                        amount,
                        reference: payment_reference,
                        recorded_by: by,
                    });
                })?;
            }
            Event::ClaimEscalated { claim_id, reason } => {
                self.claim_step(&claim_id, name, ClaimStatus::Escalated, None, |case| {
                    case.reason = Some(reason);
                })?;
            }
            Event::ClaimRejected { claim_id, reason } => {
                self.claim_step(&claim_id, name, ClaimStatus::Rejected, None, |case| {
                    case.reason = Some(reason);
                })?;
            }
            Event::Contained { contained_at } => {
                self.enter(Phase::Contained, name, sequence, at, by)?;
                self.contained_at = Some(contained_at);
            }
            Event::Disclosed { basis } => {
                self.enter(Phase::Disclosed, name, sequence, at, by)?;
                self.disclosure = Some(basis);
            }
            Event::Remediated => self.enter(Phase::Remediated, name, sequence, at, by)?,
            Event::Reviewed => self.enter(Phase::Reviewed, name, sequence, at, by)?,
            Event::Closed => self.enter(Phase::Closed, name, sequence, at, by)?,
            Event::Dismissed { rationale } => {
                self.enter(Phase::Dismissed, name, sequence, at, by)?;
                self.dismissal = Some(rationale);
            }
        }
        self.updated_at = at;
        Ok(())
    }

    fn enter(
        &mut self,
        phase: Phase,
        event: &'static str,
        sequence: u64,
        at: DateTime<Utc>,
        by: ActorId,
    ) -> Result<(), ApplyError> {
        if super::transitions::target(self.phase, phase).is_none() {
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
    fn claim_step(
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
        totals
            .shift(case.status, to, amount)
            .map_err(|source| ApplyError::Amount { event, source })?;
        case.status = to;
        change(case);
        Ok(())
    }

    fn action_mut(
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

    fn notice_mut(
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

    fn inquiry_mut(
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

    /// The incident id.
    pub fn id(&self) -> IncidentId {
        self.id
    }

    /// The number of events applied: the expected version for the next append.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The digest of the last applied envelope (the chain head).
    pub fn head_digest(&self) -> Digest {
        self.head
    }

    /// The chain head as an anchor value to publish or countersign.
    pub fn head(&self) -> crate::Head {
        crate::Head {
            incident_id: self.id,
            sequence: self.version,
            digest: self.head,
        }
    }

    /// When it was declared (the declaration envelope's time).
    pub fn declared_at(&self) -> DateTime<Utc> {
        self.declared_at
    }

    /// Who declared it.
    pub fn declared_by(&self) -> &ActorId {
        &self.declared_by
    }

    /// When the last event was recorded.
    pub fn updated_at(&self) -> DateTime<Utc> {
        self.updated_at
    }

    /// Whether this is an exercise (drill).
    pub fn is_exercise(&self) -> bool {
        self.exercise
    }

    /// What kind of incident.
    pub fn kind(&self) -> IncidentKind {
        self.kind
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The summary.
    pub fn summary(&self) -> Option<&str> {
        self.summary.as_deref()
    }

    /// How it was detected.
    pub fn detection_source(&self) -> DetectionSource {
        self.detection_source
    }

    /// When it was detected.
    pub fn detected_at(&self) -> DateTime<Utc> {
        self.detected_at
    }

    /// When it is believed to have started, and whether that is an estimate.
    pub fn occurred_at(&self) -> Option<(DateTime<Utc>, bool)> {
        self.occurred_at.map(|at| (at, self.occurred_at_estimated))
    }

    /// The current severity.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Severity changes after declaration, oldest first.
    pub fn severity_changes(&self) -> &[SeverityChange] {
        &self.severity_changes
    }

    /// What the default severity rule gives for the current facts.
    pub fn assessed_severity(&self) -> SeverityAssessment {
        assess_severity(self.kind, &self.impact)
    }

    /// The impact facts.
    pub fn impact(&self) -> &Impact {
        &self.impact
    }

    /// Who holds `role`.
    pub fn role(&self, role: Role) -> Option<&ActorId> {
        self.roles.get(&role)
    }

    /// The accountable owner.
    pub fn owner(&self) -> Option<&ActorId> {
        self.roles.get(&Role::Owner)
    }

    /// The current phase.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// The host-defined sub-status inside the current phase.
    pub fn sub_status(&self) -> Option<&SubStatus> {
        self.sub_status.as_ref()
    }

    /// Every phase entry and sub-status change, oldest first.
    pub fn stamps(&self) -> &[PhaseStamp] {
        &self.stamps
    }

    /// When the incident entered `phase`, if it did.
    pub fn entered_at(&self, phase: Phase) -> Option<DateTime<Utc>> {
        self.stamps
            .iter()
            .find(|s| s.phase == phase && s.sub_status.is_none())
            .map(|s| s.at)
    }

    /// When containment took effect.
    pub fn contained_at(&self) -> Option<DateTime<Utc>> {
        self.contained_at
    }

    /// The disclosure basis, once disclosed.
    pub fn disclosure(&self) -> Option<&DisclosureBasis> {
        self.disclosure.as_ref()
    }

    /// The dismissal rationale, if dismissed.
    pub fn dismissal(&self) -> Option<&str> {
        self.dismissal.as_deref()
    }

    /// Evidence items by id.
    pub fn evidence(&self) -> &BTreeMap<EvidenceId, EvidenceItem> {
        &self.evidence
    }

    /// Actions by id.
    pub fn actions(&self) -> &BTreeMap<ActionId, Action> {
        &self.actions
    }

    /// Notes, oldest first.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// Notices by id.
    pub fn notices(&self) -> &BTreeMap<NoticeId, Notice> {
        &self.notices
    }

    /// Customer inquiries by id.
    pub fn inquiries(&self) -> &BTreeMap<InquiryId, Inquiry> {
        &self.inquiries
    }

    /// Survey responses by id.
    pub fn survey_responses(&self) -> &BTreeMap<SurveyResponseId, SurveyResponse> {
        &self.survey_responses
    }

    /// Statistics of this incident's inquiries against `targets`, as of `at` (see
    /// [`inquiry_stats`] for the definitions).
    ///
    /// # Examples
    /// ```
    /// # use incident::*;
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Customer data exfiltrated")
    /// #     .detection(DetectionSource::Monitoring, t0).severity(Severity::Sev1).owner(ActorId::new("zhang.min")?);
    /// # let mut incident = Incident::replay(&Incident::declare(&declare, &Context::new(ActorId::new("soc")?, t0))?)?;
    /// let ctx = Context::new(ActorId::new("hotline.agent")?, t0 + Duration::minutes(10));
    /// let record = Command::RecordInquiry {
    ///     inquiry_id: InquiryId::new("Q-1")?,
    ///     channel: Channel::Hotline,
    ///     topic: InquiryTopic::LostFunds,
    ///     customer: None,
    ///     received_at: Some(t0 + Duration::minutes(2)),
    /// };
    /// for envelope in incident.execute(&record, &ctx)? {
    ///     incident.apply(&envelope)?;
    /// }
    /// let stats = incident.inquiry_stats(&SlaTargets::default(), ctx.at());
    /// assert_eq!((stats.count, stats.unanswered, stats.open_past_sla), (1, 1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn inquiry_stats(&self, targets: &SlaTargets, at: DateTime<Utc>) -> InquiryStats {
        inquiry_stats(self.inquiries.values(), targets, at)
    }

    /// Statistics of this incident's survey responses (see [`survey_stats`]).
    pub fn survey_stats(&self) -> SurveyStats {
        survey_stats(self.survey_responses.values())
    }

    /// Findings by id.
    pub fn findings(&self) -> &BTreeMap<FindingId, Finding> {
        &self.findings
    }

    /// The compensation decision.
    pub fn compensation(&self) -> &CompensationStance {
        &self.compensation
    }

    /// The facts the team recorded for messages, with their labels.
    pub fn recorded_facts(&self) -> &FactSheet {
        &self.facts
    }

    /// The communication plan the incident follows, if one was adopted.
    pub fn comms_plan(&self) -> Option<&CommsPlan> {
        self.comms_plan.as_ref()
    }

    /// Every fact messages may carry: what the incident's state says (`occurred_at`,
    /// `detected_at`, `people_affected` and `data_categories` public, `funds_involved`
    /// restricted) overlaid with the facts the team recorded, which win on the same key. Derived facts are labelled conservatively; a
    /// recorded fact relabels one.
    pub fn fact_sheet(&self) -> FactSheet {
        let mut sheet = FactSheet::new();
        let mut derive = |key: &'static str, value, sensitivity, element| {
            sheet.insert(Fact {
                key: FactKey::from_static(key),
                value,
                sensitivity,
                element,
            });
        };
        if let Some((at, _)) = self.occurred_at() {
            derive(
                "occurred_at",
                FactValue::Time { at },
                Sensitivity::Public,
                Some(ContentElement::OccurredAt),
            );
        }
        derive(
            "detected_at",
            FactValue::Time {
                at: self.detected_at,
            },
            Sensitivity::Public,
            None,
        );
        if let Some(n) = self.impact.people.best_estimate() {
            derive(
                "people_affected",
                FactValue::Count { n },
                Sensitivity::Public,
                Some(ContentElement::AffectedScope),
            );
        }
        if !self.impact.data_categories.is_empty() {
            derive(
                "data_categories",
                FactValue::DataCategories {
                    categories: self.impact.data_categories.clone(),
                },
                Sensitivity::Public,
                Some(ContentElement::DataCategories),
            );
        }
        if let Some(money) = self.impact.funds_involved {
            derive(
                "funds_involved",
                FactValue::Amount { money },
                Sensitivity::Restricted,
                None,
            );
        }
        for fact in self.facts.iter() {
            sheet.insert(fact.clone());
        }
        sheet
    }

    /// What the log records for the regulatory clocks.
    pub fn regulatory(&self) -> &RegulatoryRecord {
        &self.regulatory
    }

    /// The facts regulatory clocks are computed from (see
    /// [`Regulation::obligations`](crate::regulation::Regulation::obligations)).
    pub fn regulatory_facts(&self) -> IncidentFacts {
        IncidentFacts {
            kind: self.kind,
            exercise: self.exercise,
            detected_at: self.detected_at,
            impact: self.impact.clone(),
            determinations: self.regulatory.determinations.clone(),
            milestones: self.regulatory.milestones.clone(),
            cn_grade: self.regulatory.cn_grade.clone(),
            filings: self.regulatory.filings.clone(),
            alerts: self.regulatory.alerts.clone(),
        }
    }

    /// Compensation claims by id, each with its status, every offer and response, the
    /// settlement and the payment.
    pub fn claims(&self) -> &BTreeMap<ClaimId, ClaimCase> {
        &self.claims
    }

    /// The open program's negotiation totals: claims by status, cash assessed, settled and
    /// paid. `None` until a program pinned to a policy is open.
    pub fn claim_totals(&self) -> Option<&ClaimTotals> {
        self.claim_totals.as_ref()
    }
}
