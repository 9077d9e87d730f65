use crate::comms::DeliveryReceipt;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::timer::Overdue;
use super::DisclosureBasis;
use crate::comms::FactSeal;
use crate::id::{FactKey, RegimeId, ReportId};
use crate::phase::Role;
use crate::playbook::{Playbook, PlaybookPin, Staffing};
use crate::regulation::{AssessmentRecord, ClockAlert, CnGrade, Filing, Milestone};
use crate::{
    actions::ActionChanges, actions::NewAction, classify::GbtClassification, classify::Impact,
    classify::ImpactUpdate, comms::Channel, comms::CommsPlan, comms::Fact, comms::InquiryTopic,
    comms::NoticeDraft, comms::NoticeRevision, comms::SurveyResponse, compensation::AppealChannel,
    compensation::AppealOutcome, compensation::BudgetAllocation, compensation::Claim,
    compensation::ClaimAssessment, compensation::ClaimResponse, compensation::Policy,
    compensation::PolicyPin, compensation::RecoverySource, compensation::Remedy,
    compensation::ReversalReason, evidence::CustodyRecord, evidence::NewEvidence,
    findings::Finding, id::ActionId, id::ClaimId, id::CustomerRef, id::FactName, id::InquiryId,
    id::NoticeId, id::ProgramId, id::SubStatus, ActorId, DetectionSource, IncidentKind, Money,
    Severity,
};
use crate::{id::PlaybookRoleId, locale::Locale};

mod display;

/// The facts recorded when an incident is declared. Every field the Detect guard requires is
/// present here, so a declared incident always has them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Declared {
    /// What kind of incident.
    pub kind: IncidentKind,
    /// A short title.
    pub title: String,
    /// A longer description.
    pub summary: Option<String>,
    /// How it was detected.
    pub detection_source: DetectionSource,
    /// When it was detected.
    pub detected_at: DateTime<Utc>,
    /// When it is believed to have started.
    pub occurred_at: Option<DateTime<Utc>>,
    /// Whether `occurred_at` is an estimate.
    pub occurred_at_estimated: bool,
    /// The initial severity.
    pub severity: Severity,
    /// Why the severity is milder than the default rule gives, when it is.
    pub severity_reason: Option<String>,
    /// The accountable owner.
    pub owner: ActorId,
    /// Whether this is an exercise.
    pub exercise: bool,
    /// The impact known at declaration.
    pub impact: Impact,
}

/// Defines [`Event`] exactly as written (its derives, docs and serde attributes are the
/// contract and its serde derive is the reference decoder) and, from the same tokens, a
/// private *externally* tagged twin, [`WireEvent`], with the same variants and fields. The
/// twin lets [`decode_event`] decode a stored event in one pass, straight into its variant
/// (see [`chain::decode_tagged`](crate::chain::decode_tagged)), instead of the derive's
/// buffering of internally tagged content; one list of variants keeps the two equal.
macro_rules! event_contract {
    (
        $(#[$enum_attr:meta])*
        pub enum Event {
            $(
                $(#[$variant_attr:meta])*
                $variant:ident
                $( ( $newtype:ty ) )?
                $( { $( $(#[$field_attr:meta])* $field:ident : $field_ty:ty ),* $(,)? } )?
            ),* $(,)?
        }
    ) => {
        $(#[$enum_attr])*
        pub enum Event {
            $(
                $(#[$variant_attr])*
                $variant
                $( ( $newtype ) )?
                $( { $( $(#[$field_attr])* $field : $field_ty ),* } )?
            ),*
        }

        /// [`Event`] externally tagged: what the fast decoder decodes into.
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        enum WireEvent {
            $(
                $(#[$variant_attr])*
                $variant
                $( ( $newtype ) )?
                $( { $( $(#[$field_attr])* $field : $field_ty ),* } )?
            ),*
        }

        impl From<WireEvent> for Event {
            fn from(wire: WireEvent) -> Self {
                match wire {
                    $(
                        $( WireEvent::$variant(value) => Event::$variant(same::<$newtype>(value)), )?
                        $( WireEvent::$variant { $( $field ),* } => Event::$variant { $( $field ),* }, )?
                    )*
                }
            }
        }
    };
}

/// Names a newtype variant's type in [`event_contract`]'s conversion.
fn same<T>(value: T) -> T {
    value
}

/// Decodes one stored event: the one-pass route when it is sure, otherwise serde's derived
/// decoder, whose verdict and error then stand. Values the fast route accepts equal the
/// derived decoder's (a property test over generated envelopes and a fuzz target check it).
pub(crate) fn decode_event(bytes: &[u8]) -> Result<Event, serde_json::Error> {
    match one_pass_decode(bytes) {
        Some(event) => Ok(event),
        None => serde_json::from_slice(bytes),
    }
}

/// The one-pass route alone, without the fallback: `None` where it is unsure or the bytes
/// are not an event. Public only so that the property tests and the fuzz target can hold
/// it equal to serde's derived decoder; hosts use [`Sealed::from_json`](crate::chain::Sealed::from_json)
/// or replay.
#[doc(hidden)]
pub fn one_pass_decode(bytes: &[u8]) -> Option<Event> {
    crate::chain::decode_tagged::<WireEvent>(bytes, "type")
        .ok()
        .map(Event::from)
}

event_contract! {
/// Something that happened to an incident: the durable, versioned contract. Each variant's
/// JSON tag (`type`) is frozen by an explicit `rename`; a change of shape needs a new
/// [`EVENT_SCHEMA_VERSION`](crate::EVENT_SCHEMA_VERSION) and an upcaster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", deny_unknown_fields)]
#[non_exhaustive]
pub enum Event {
    /// The incident was declared.
    #[serde(rename = "incident_declared")]
    IncidentDeclared(Declared),
    /// The severity changed.
    #[serde(rename = "severity_changed")]
    SeverityChanged {
        /// Before.
        from: Severity,
        /// After.
        to: Severity,
        /// Why.
        reason: String,
    },
    /// The incident was reclassified.
    #[serde(rename = "kind_changed")]
    KindChanged {
        /// Before.
        from: IncidentKind,
        /// After.
        to: IncidentKind,
        /// Why.
        reason: String,
    },
    /// The GB/T 20986-2023 category and subcategory were recorded.
    #[serde(rename = "gbt_classified")]
    GbtClassified {
        /// The classification.
        classification: GbtClassification,
        /// Why.
        basis: String,
    },
    /// Impact facts changed.
    #[serde(rename = "impact_updated")]
    ImpactUpdated {
        /// The changes.
        update: ImpactUpdate,
        /// Where the figures come from.
        reason: Option<String>,
    },
    /// The believed start time changed.
    #[serde(rename = "occurrence_recorded")]
    OccurrenceRecorded {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whether that is an estimate.
        estimated: bool,
    },
    /// A person took a role.
    #[serde(rename = "role_assigned")]
    RoleAssigned {
        /// The role.
        role: Role,
        /// Who.
        person: ActorId,
    },
    /// A role was vacated.
    #[serde(rename = "role_unassigned")]
    RoleUnassigned {
        /// The role.
        role: Role,
    },
    /// The sub-status inside the current phase changed.
    #[serde(rename = "sub_status_set")]
    SubStatusSet {
        /// The new sub-status, `null` when cleared.
        sub_status: Option<SubStatus>,
    },
    /// An evidence item was collected.
    #[serde(rename = "evidence_added")]
    EvidenceAdded(NewEvidence),
    /// A chain-of-custody step was recorded.
    #[serde(rename = "custody_recorded")]
    CustodyRecorded(CustodyRecord),
    /// An action was added.
    #[serde(rename = "action_added")]
    ActionAdded(NewAction),
    /// An action's title, owner or due date changed.
    #[serde(rename = "action_updated")]
    ActionUpdated(ActionChanges),
    /// Work on an action started.
    #[serde(rename = "action_started")]
    ActionStarted {
        /// The action.
        action_id: ActionId,
    },
    /// An action was completed.
    #[serde(rename = "action_completed")]
    ActionCompleted {
        /// The action.
        action_id: ActionId,
        /// When.
        completed_at: DateTime<Utc>,
        /// What it achieved.
        outcome: Option<String>,
    },
    /// An action was deferred.
    #[serde(rename = "action_deferred")]
    ActionDeferred {
        /// The action.
        action_id: ActionId,
        /// Why.
        reason: String,
    },
    /// A note was added.
    #[serde(rename = "note_added")]
    NoteAdded {
        /// The note.
        text: String,
    },
    /// A milestone that starts regulatory clocks was recorded.
    #[serde(rename = "milestone_recorded")]
    MilestoneRecorded {
        /// Which.
        milestone: Milestone,
        /// When it happened.
        at: DateTime<Utc>,
    },
    /// A yes/no determination was recorded.
    #[serde(rename = "determination_recorded")]
    DeterminationRecorded {
        /// The determination.
        fact: FactName,
        /// The answer.
        value: bool,
        /// When it was made.
        determined_at: DateTime<Utc>,
        /// On what basis.
        basis: String,
        /// The rule's assessment it confirms or overrides, with the proposal (replay
        /// recomputes it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assessment: Option<Box<AssessmentRecord>>,
    },
    /// The CAC grade was recorded.
    #[serde(rename = "grade_recorded")]
    GradeRecorded {
        /// The grade.
        grade: CnGrade,
        /// When it was decided.
        graded_at: DateTime<Utc>,
        /// Which criterion.
        basis: String,
        /// The grading guide's assessment it confirms or overrides, with the proposal.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assessment: Option<Box<AssessmentRecord>>,
    },
    /// A regulatory report was submitted.
    #[serde(rename = "report_filed")]
    ReportFiled(Filing),
    /// A regulatory report was recorded as not owed.
    #[serde(rename = "obligation_waived")]
    ObligationWaived {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
        /// Why it is not owed.
        legal_basis: String,
    },
    /// A reminder fell due or a deadline was missed.
    #[serde(rename = "clock_alert")]
    ClockAlerted(ClockAlert),
    /// An action or a planned message reached its due time undone.
    #[serde(rename = "overdue_recorded")]
    OverdueRecorded(Overdue),
    /// A customer inquiry came in.
    #[serde(rename = "inquiry_received")]
    InquiryReceived {
        /// The inquiry.
        inquiry_id: InquiryId,
        /// Where it came in.
        channel: Channel,
        /// What it is about.
        topic: InquiryTopic,
        /// Who asked, if known.
        customer: Option<CustomerRef>,
        /// When it was received.
        received_at: DateTime<Utc>,
    },
    /// An inquiry got its first response.
    #[serde(rename = "inquiry_responded")]
    InquiryResponded {
        /// The inquiry.
        inquiry_id: InquiryId,
        /// When the customer got the answer.
        responded_at: DateTime<Utc>,
    },
    /// An inquiry was resolved. If it had no first response, the resolution is also its
    /// first response.
    #[serde(rename = "inquiry_resolved")]
    InquiryResolved {
        /// The inquiry.
        inquiry_id: InquiryId,
        /// When it was resolved.
        resolved_at: DateTime<Utc>,
        /// How it was resolved.
        note: Option<String>,
    },
    /// A survey response was recorded.
    #[serde(rename = "survey_response_recorded")]
    SurveyResponseRecorded(SurveyResponse),
    /// A notice was drafted.
    #[serde(rename = "notice_drafted")]
    NoticeDrafted(NoticeDraft),
    /// A notice was approved by the envelope's actor.
    #[serde(rename = "notice_approved")]
    NoticeApproved {
        /// The notice.
        notice_id: NoticeId,
        /// Every fact the notice can print ([`NoticeDraft::printed_facts`]), as the
        /// approver saw it (`null`: not recorded then). Replay binds them again and
        /// refuses an approval whose facts differ (`ApplyError::NotDecided`), including
        /// the empty map pre-release builds wrote before approvals were bound.
        ///
        /// [`NoticeDraft::printed_facts`]: crate::comms::NoticeDraft::printed_facts
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        bound: BTreeMap<FactKey, Option<FactSeal>>,
    },
    /// The host sent a notice.
    #[serde(rename = "notice_sent")]
    NoticeSent {
        /// The notice.
        notice_id: NoticeId,
        /// When.
        sent_at: DateTime<Utc>,
    },
    /// The sending provider reported what became of a sent notice for one recipient.
    #[serde(rename = "delivery_receipt_recorded")]
    DeliveryReceiptRecorded(DeliveryReceipt),
    /// A notice was cancelled.
    #[serde(rename = "notice_cancelled")]
    NoticeCancelled {
        /// The notice.
        notice_id: NoticeId,
        /// Why.
        reason: String,
    },
    /// A fact messages may carry was recorded.
    #[serde(rename = "fact_recorded")]
    FactRecorded(Fact),
    /// A communication plan was adopted.
    #[serde(rename = "comms_plan_adopted")]
    CommsPlanAdopted {
        /// The plan.
        plan: CommsPlan,
    },
    /// A playbook was activated; the events it instantiated follow it in the same command.
    #[serde(rename = "playbook_activated")]
    PlaybookActivated {
        /// Its id, version and digest.
        pin: PlaybookPin,
        /// Its text, whose digest is the pin's.
        playbook_text: Box<Playbook>,
        /// The language its actions are recorded in.
        locale: Locale,
        /// Who the host named for which role.
        #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
        staffing: Staffing,
        /// The roles nobody fills yet.
        roles_to_fill: Vec<PlaybookRoleId>,
    },
    /// A review finding was recorded.
    #[serde(rename = "finding_recorded")]
    FindingRecorded(Finding),
    /// A compensation program was opened.
    #[serde(rename = "compensation_program_opened")]
    CompensationProgramOpened {
        /// The program.
        program_id: ProgramId,
        /// The policy as `id@vN` text (free text in events written before programs were
        /// pinned).
        policy: String,
        /// The pinned policy: reference, digest and currency. Absent in events written
        /// before programs were pinned (and then not written, so their digests still hold).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pin: Option<PolicyPin>,
        /// The program's cash budget, if it has one (absent when it has none).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        budget: Option<Money>,
        /// The pinned policy's text, whose digest is the pin's. Absent in events written
        /// before policies were recorded; claims cannot be assessed under such a program.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        policy_text: Option<Box<Policy>>,
        /// The end of the claim window, if the program has one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        claims_close_at: Option<DateTime<Utc>>,
    },
    /// The open compensation program was amended.
    #[serde(rename = "compensation_program_amended")]
    CompensationProgramAmended {
        /// The program.
        program_id: ProgramId,
        /// The new budget, when it changed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        budget: Option<Money>,
        /// The new end of the claim window, when it changed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        claims_close_at: Option<DateTime<Utc>>,
        /// The new policy version's pin, when it changed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pin: Option<PolicyPin>,
        /// The new policy version's text, when it changed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        policy_text: Option<Box<Policy>>,
        /// Why.
        reason: String,
    },
    /// Compensation was declared not applicable.
    #[serde(rename = "compensation_not_applicable")]
    CompensationNotApplicable {
        /// Why.
        reason: String,
    },
    /// The pinned policy's assessment of a claim was recorded.
    #[serde(rename = "claim_assessed")]
    ClaimAssessed {
        /// The program.
        program_id: ProgramId,
        /// The claim.
        claim_id: ClaimId,
        /// The customer (an opaque reference).
        customer: CustomerRef,
        /// What the policy decided.
        assessment: ClaimAssessment,
        /// The claim's facts the policy decided on; replay re-runs the pinned policy on
        /// them and refuses a figure it does not give. Absent only in events written before
        /// assessments carried them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        claim: Option<Box<Claim>>,
    },
    /// A figure other than the policy's was proposed for a claim.
    #[serde(rename = "assessment_override_proposed")]
    AssessmentOverrideProposed {
        /// The claim.
        claim_id: ClaimId,
        /// The cash proposed.
        cash: Money,
        /// The services proposed.
        remedies: Vec<Remedy>,
        /// Why.
        reason: String,
    },
    /// A second person approved the proposed override.
    #[serde(rename = "assessment_override_approved")]
    AssessmentOverrideApproved {
        /// The claim.
        claim_id: ClaimId,
    },
    /// A person reviewed a claim the policy flagged for manual review.
    #[serde(rename = "claim_reviewed")]
    ClaimReviewed {
        /// The claim.
        claim_id: ClaimId,
        /// What the reviewer checked and concluded.
        note: String,
    },
    /// A settlement was offered on a claim.
    #[serde(rename = "settlement_offered")]
    SettlementOffered {
        /// The claim.
        claim_id: ClaimId,
        /// Cash offered.
        amount: Money,
        /// Services offered alongside.
        remedies: Vec<Remedy>,
        /// The last moment the offer can be accepted, if it lapses.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_until: Option<DateTime<Utc>>,
    },
    /// The customer's response to the latest offer was recorded.
    #[serde(rename = "claim_response_recorded")]
    ClaimResponseRecorded {
        /// The claim.
        claim_id: ClaimId,
        /// Accepted, or countered with an amount.
        response: ClaimResponse,
    },
    /// A claim was settled for the accepted offer's amount.
    #[serde(rename = "claim_settled")]
    ClaimSettled {
        /// The claim.
        claim_id: ClaimId,
        /// The amount agreed.
        amount: Money,
    },
    /// The host paid a settled claim.
    #[serde(rename = "claim_paid")]
    ClaimPaid {
        /// The claim.
        claim_id: ClaimId,
        /// When.
        paid_at: DateTime<Utc>,
        /// The amount paid.
        amount: Money,
        /// The host's payment reference.
        payment_reference: String,
    },
    /// A payment did not reach the customer; the claim is settled again, awaiting a
    /// reissued payment.
    #[serde(rename = "claim_payment_failed")]
    ClaimPaymentFailed {
        /// The claim.
        claim_id: ClaimId,
        /// Why it failed.
        reason: String,
    },
    /// Funds were recovered after a claim was paid.
    #[serde(rename = "recovery_recorded")]
    RecoveryRecorded {
        /// The claim.
        claim_id: ClaimId,
        /// Where the funds came from.
        source: RecoverySource,
        /// How much.
        amount: Money,
        /// The host's reference.
        reference: String,
    },
    /// A claim was handed to legal.
    #[serde(rename = "claim_escalated")]
    ClaimEscalated {
        /// The claim.
        claim_id: ClaimId,
        /// Why.
        reason: String,
    },
    /// A claim was rejected.
    #[serde(rename = "claim_rejected")]
    ClaimRejected {
        /// The claim.
        claim_id: ClaimId,
        /// Why.
        reason: String,
    },
    /// The incident was contained.
    #[serde(rename = "contained")]
    Contained {
        /// When containment took effect.
        contained_at: DateTime<Utc>,
    },
    /// The incident was disclosed (or disclosure recorded as not required).
    #[serde(rename = "disclosed")]
    Disclosed {
        /// The basis.
        basis: DisclosureBasis,
    },
    /// Remediation was completed.
    #[serde(rename = "remediated")]
    Remediated {},
    /// The review was completed.
    #[serde(rename = "reviewed")]
    Reviewed {},
    /// The incident was closed.
    #[serde(rename = "closed")]
    Closed {},
    /// The incident was dismissed as a false positive.
    #[serde(rename = "dismissed")]
    Dismissed {
        /// Why.
        rationale: String,
    },
    /// The reversal of a paid claim's payment was requested; nothing moved yet.
    #[serde(rename = "payment_reversal_requested")]
    PaymentReversalRequested {
        /// The claim.
        claim_id: ClaimId,
        /// Why.
        reason: ReversalReason,
        /// What happened.
        note: String,
    },
    /// A second person confirmed the pending reversal: the amount left the paid total and
    /// the claim is settled again.
    #[serde(rename = "payment_reversal_confirmed")]
    PaymentReversalConfirmed {
        /// The claim.
        claim_id: ClaimId,
        /// The amount that came back (replay holds it to the payment reversed).
        amount: Money,
    },
    /// The pending reversal was withdrawn; the payment stands.
    #[serde(rename = "payment_reversal_withdrawn")]
    PaymentReversalWithdrawn {
        /// The claim.
        claim_id: ClaimId,
        /// Why.
        reason: String,
    },
    /// A settled claim's money was declared unclaimed and is held for the customer.
    #[serde(rename = "claim_declared_unclaimed")]
    ClaimDeclaredUnclaimed {
        /// The claim.
        claim_id: ClaimId,
        /// The amount held (replay holds it to the settlement).
        amount: Money,
        /// Since when it could have been collected (replay recomputes it, and holds the
        /// declaration to the policy's period after it).
        payable_since: DateTime<Utc>,
        /// Where it is held.
        held_at: String,
    },
    /// A rejected or paid claim was reopened on new evidence; the earlier decision stays on
    /// record.
    #[serde(rename = "claim_reopened")]
    ClaimReopened {
        /// The claim.
        claim_id: ClaimId,
        /// What the pinned policy decided on the revised claim (replay re-runs it).
        assessment: ClaimAssessment,
        /// The revised claim.
        claim: Box<Claim>,
        /// What the new evidence is.
        new_evidence: String,
    },
    /// A customer's appeal or complaint about a claim was recorded.
    #[serde(rename = "claim_appealed")]
    ClaimAppealed {
        /// The claim.
        claim_id: ClaimId,
        /// Where it came in.
        channel: AppealChannel,
        /// The body and its case reference.
        reference: String,
    },
    /// How an appeal ended was recorded.
    #[serde(rename = "claim_appeal_resolved")]
    ClaimAppealResolved {
        /// The claim.
        claim_id: ClaimId,
        /// The appeal's channel.
        channel: AppealChannel,
        /// How it ended.
        outcome: AppealOutcome,
        /// What was decided.
        note: String,
    },
    /// What a notice not yet sent carries was revised by the envelope's actor; an approved
    /// notice returned to draft.
    #[serde(rename = "notice_revised")]
    NoticeRevised(NoticeRevision),
    /// An authority moved a report's due time (recorded once granted).
    #[serde(rename = "deadline_deferred")]
    DeadlineDeferred {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
        /// The authority that granted it.
        authority: String,
        /// The due time granted.
        until: DateTime<Utc>,
        /// The authority's reference.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    },
    /// The program's budget was shared out after its claim window closed; replay computes
    /// the allocation again and refuses one that differs.
    #[serde(rename = "budget_allocated")]
    BudgetAllocated {
        /// The program.
        program_id: ProgramId,
        /// The pool, each claim's share and what was left.
        allocation: BudgetAllocation,
    },
}
}

impl Event {
    /// The event's stable JSON tag, e.g. `incident_declared`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::IncidentDeclared(_) => "incident_declared",
            Self::SeverityChanged { .. } => "severity_changed",
            Self::KindChanged { .. } => "kind_changed",
            Self::GbtClassified { .. } => "gbt_classified",
            Self::ImpactUpdated { .. } => "impact_updated",
            Self::OccurrenceRecorded { .. } => "occurrence_recorded",
            Self::RoleAssigned { .. } => "role_assigned",
            Self::RoleUnassigned { .. } => "role_unassigned",
            Self::SubStatusSet { .. } => "sub_status_set",
            Self::EvidenceAdded(_) => "evidence_added",
            Self::CustodyRecorded(_) => "custody_recorded",
            Self::ActionAdded(_) => "action_added",
            Self::ActionUpdated(_) => "action_updated",
            Self::ActionStarted { .. } => "action_started",
            Self::ActionCompleted { .. } => "action_completed",
            Self::ActionDeferred { .. } => "action_deferred",
            Self::NoteAdded { .. } => "note_added",
            Self::MilestoneRecorded { .. } => "milestone_recorded",
            Self::DeterminationRecorded { .. } => "determination_recorded",
            Self::GradeRecorded { .. } => "grade_recorded",
            Self::ReportFiled(_) => "report_filed",
            Self::ObligationWaived { .. } => "obligation_waived",
            Self::ClockAlerted(_) => "clock_alert",
            Self::OverdueRecorded(_) => "overdue_recorded",
            Self::InquiryReceived { .. } => "inquiry_received",
            Self::InquiryResponded { .. } => "inquiry_responded",
            Self::InquiryResolved { .. } => "inquiry_resolved",
            Self::SurveyResponseRecorded(_) => "survey_response_recorded",
            Self::NoticeDrafted(_) => "notice_drafted",
            Self::NoticeApproved { .. } => "notice_approved",
            Self::NoticeSent { .. } => "notice_sent",
            Self::DeliveryReceiptRecorded(_) => "delivery_receipt_recorded",
            Self::NoticeCancelled { .. } => "notice_cancelled",
            Self::FactRecorded(_) => "fact_recorded",
            Self::CommsPlanAdopted { .. } => "comms_plan_adopted",
            Self::PlaybookActivated { .. } => "playbook_activated",
            Self::FindingRecorded(_) => "finding_recorded",
            Self::CompensationProgramOpened { .. } => "compensation_program_opened",
            Self::CompensationNotApplicable { .. } => "compensation_not_applicable",
            Self::ClaimAssessed { .. } => "claim_assessed",
            Self::CompensationProgramAmended { .. } => "compensation_program_amended",
            Self::AssessmentOverrideProposed { .. } => "assessment_override_proposed",
            Self::AssessmentOverrideApproved { .. } => "assessment_override_approved",
            Self::ClaimReviewed { .. } => "claim_reviewed",
            Self::ClaimPaymentFailed { .. } => "claim_payment_failed",
            Self::RecoveryRecorded { .. } => "recovery_recorded",
            Self::SettlementOffered { .. } => "settlement_offered",
            Self::ClaimResponseRecorded { .. } => "claim_response_recorded",
            Self::ClaimSettled { .. } => "claim_settled",
            Self::ClaimPaid { .. } => "claim_paid",
            Self::ClaimEscalated { .. } => "claim_escalated",
            Self::ClaimRejected { .. } => "claim_rejected",
            Self::Contained { .. } => "contained",
            Self::Disclosed { .. } => "disclosed",
            Self::Remediated {} => "remediated",
            Self::Reviewed {} => "reviewed",
            Self::Closed {} => "closed",
            Self::Dismissed { .. } => "dismissed",
            Self::PaymentReversalRequested { .. } => "payment_reversal_requested",
            Self::PaymentReversalConfirmed { .. } => "payment_reversal_confirmed",
            Self::PaymentReversalWithdrawn { .. } => "payment_reversal_withdrawn",
            Self::ClaimDeclaredUnclaimed { .. } => "claim_declared_unclaimed",
            Self::ClaimReopened { .. } => "claim_reopened",
            Self::ClaimAppealed { .. } => "claim_appealed",
            Self::ClaimAppealResolved { .. } => "claim_appeal_resolved",
            Self::NoticeRevised(_) => "notice_revised",
            Self::DeadlineDeferred { .. } => "deadline_deferred",
            Self::BudgetAllocated { .. } => "budget_allocated",
        }
    }
}

/// The stable snake_case JSON name of a unit-variant enum value (e.g. `initial_notice`),
/// for messages; falls back to `?` for values that are not plain strings.
pub(crate) fn wire<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => "?".to_owned(),
    }
}
