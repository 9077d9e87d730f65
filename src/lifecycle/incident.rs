use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Declared, DisclosureBasis, Overdue};
use crate::chain::Digest;
use crate::comms::{CommsPlan, FactSheet};
use crate::phase::{Phase, PhaseStamp, Role};
use crate::regulation::{FactHistory, IncidentFacts, RegulatoryRecord};
use crate::{
    actions::Action, classify::assess_severity, classify::GbtRecord, classify::Impact,
    classify::SeverityAssessment, comms::Inquiry, comms::Notice, comms::SurveyResponse,
    compensation::ClaimCase, compensation::ClaimTotals, compensation::CompensationStance,
    evidence::EvidenceItem, findings::Finding, id::ActionId, id::ClaimId, id::CustomerRef,
    id::EvidenceId, id::FindingId, id::InquiryId, id::NoticeId, id::SubStatus,
    id::SurveyResponseId, money::MoneyError, ActorId, DetectionSource, IncidentId, IncidentKind,
    Severity,
};

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) gbt: Option<GbtRecord>,
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
    /// The program's budget as last allocated after its claim window closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) allocation: Option<crate::compensation::BudgetAllocation>,
    /// Each customer's latest claim, so a second claim for one customer is refused.
    #[serde(default)]
    pub(crate) claimants: BTreeMap<CustomerRef, ClaimId>,
    /// The claims naming each payout account, so claims of different customers paying into
    /// one account are found without a scan.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) payouts: BTreeMap<crate::id::PayoutRef, std::collections::BTreeSet<ClaimId>>,
    /// Actions and planned messages the timer recorded as overdue.
    #[serde(default)]
    pub(crate) overdue: Vec<Overdue>,
    /// The playbook the incident follows, if one was activated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) playbook: Option<crate::playbook::ActivePlaybook>,
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
    /// The event was recorded before the event it follows: `recorded_at` never goes
    /// backwards in a log this crate wrote.
    #[error("{event} was recorded at {recorded_at}, before the event it follows ({previous}): a log's recorded_at never goes backwards")]
    RecordedBeforePrevious {
        /// The event.
        event: &'static str,
        /// When it claims to have been recorded.
        recorded_at: DateTime<Utc>,
        /// When the event before it was recorded.
        previous: DateTime<Utc>,
    },
    /// The event's assessment is not what the program's pinned policy gives for the claim
    /// it carries (or carries no claim under a program whose policy is recorded).
    #[error("{event} for claim {claim_id} does not reproduce: {problem}")]
    AssessmentNotReproduced {
        /// The event.
        event: &'static str,
        /// The claim.
        claim_id: String,
        /// What differs.
        problem: String,
    },
    /// A claim event's figure (an amount, a date) is not what the claim's record gives,
    /// or the event departs from a rule the record lets replay check (the policy's
    /// unclaimed period).
    #[error("{event} for claim {claim_id} does not match the claim's record: {problem}")]
    ClaimRecordMismatch {
        /// The event.
        event: &'static str,
        /// The claim.
        claim_id: String,
        /// What differs.
        problem: String,
    },
    /// A determination or grade carries an assessment whose proposal is not the rule's for
    /// its facts, that answers another question, or that departs without a reason.
    #[error("{event} does not reproduce its assessment: {problem}")]
    AssessmentMismatch {
        /// The event.
        event: &'static str,
        /// What does not fit.
        problem: crate::regulation::AssessmentMismatch,
    },
    /// An event that carries a second person's or an approver's word (a settlement, a
    /// payment, an approved override or notice, a review, a confirmed reversal, money
    /// declared unclaimed) is not what its command's guards decide at that point of the
    /// log, for that actor at that time: one person took both steps, the approver did not
    /// hold the role, or a figure or a bound fact was changed.
    #[error("{event}, recorded by {actor}, is not what its command decides at that point of the log ({problem}): no command records it, so the log was edited or written by other software")]
    NotDecided {
        /// The event.
        event: &'static str,
        /// Who it says recorded it.
        actor: String,
        /// The guards' rejection, or how the event differs from the decided one.
        problem: String,
    },
    /// A claim event that cannot follow the claim's status (a payment of a claim nobody
    /// settled, an offer on a rejected claim): the guards never record one.
    #[error("{event} moves claim {claim_id} from {from} to {to}, which no command does: the log was edited")]
    ClaimTransition {
        /// The event.
        event: &'static str,
        /// The claim.
        claim_id: String,
        /// Its status before the event.
        from: crate::compensation::ClaimStatus,
        /// The status the event moves it to.
        to: crate::compensation::ClaimStatus,
    },
    /// A `budget_allocated` event's allocation is not what the program's budget and claims
    /// give at that point of the log.
    #[error("{event} for program {program_id} is not the allocation the log gives at that point: {problem}")]
    AllocationNotReproduced {
        /// The event.
        event: &'static str,
        /// The program.
        program_id: String,
        /// What differs.
        problem: String,
    },
    /// A program's recorded policy text does not have the digest its pin records.
    #[error("{event} records a policy text whose digest is not the one pinned for {policy}: the text was altered")]
    PolicyTextMismatch {
        /// The event.
        event: &'static str,
        /// The pinned policy.
        policy: String,
    },
    /// A `playbook_activated` event's playbook text does not have the digest its pin
    /// records.
    #[error("{event} records a playbook text whose digest is not the one pinned for {playbook}: the text was altered")]
    PlaybookTextMismatch {
        /// The event.
        event: &'static str,
        /// The pinned playbook, as `id@vN`.
        playbook: String,
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
        let facts = IncidentFacts {
            exercise: declared.exercise,
            impact: declared.impact.clone(),
            ..IncidentFacts::new(declared.kind, declared.detected_at)
        };
        let regulatory = RegulatoryRecord {
            history: FactHistory::declared(facts),
            ..RegulatoryRecord::default()
        };
        Self {
            id,
            version: 1,
            head,
            declared_at: at,
            declared_by: by.clone(),
            updated_at: at,
            exercise: declared.exercise,
            kind: declared.kind,
            gbt: None,
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
            regulatory,
            facts: FactSheet::new(),
            comms_plan: None,
            notices: BTreeMap::new(),
            inquiries: BTreeMap::new(),
            survey_responses: BTreeMap::new(),
            findings: BTreeMap::new(),
            compensation: CompensationStance::Undecided {},
            claims: BTreeMap::new(),
            claim_totals: None,
            allocation: None,
            claimants: BTreeMap::new(),
            payouts: BTreeMap::new(),
            overdue: Vec::new(),
            playbook: None,
        }
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

    /// The GB/T 20986-2023 category and subcategory, once recorded
    /// ([`Command::ClassifyGbt`](crate::Command::ClassifyGbt)); see
    /// [`GbtClassification::proposed_for`](crate::classify::GbtClassification::proposed_for) for the crate's proposal before then.
    pub fn gbt(&self) -> Option<&GbtRecord> {
        self.gbt.as_ref()
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

    /// The playbook the incident follows, if one was activated.
    pub fn playbook(&self) -> Option<&crate::playbook::ActivePlaybook> {
        self.playbook.as_ref()
    }

    /// What the log records for the regulatory clocks.
    pub fn regulatory(&self) -> &RegulatoryRecord {
        &self.regulatory
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

    /// The program's budget as last allocated ([`Command::AllocateBudget`](crate::Command::AllocateBudget)), if it was.
    pub fn budget_allocation(&self) -> Option<&crate::compensation::BudgetAllocation> {
        self.allocation.as_ref()
    }
}
