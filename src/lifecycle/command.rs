use crate::comms::DeliveryReceipt;
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::timer::Overdue;

mod claims;
mod kind;
mod regulatory;

use crate::phase::Role;
use crate::playbook::Activation;
use crate::regulation::{Assessment, ClockAlert, CnGrade, Milestone};
use crate::{
    actions::ActionChanges, actions::NewAction, classify::GbtClassification, classify::Impact,
    classify::ImpactUpdate, comms::Channel, comms::CommsPlan, comms::Fact, comms::InquiryTopic,
    comms::NoticeDraft, comms::NoticeRevision, comms::SurveyResponse, compensation::AppealChannel,
    compensation::AppealOutcome, compensation::Claim, compensation::ClaimResponse,
    compensation::Policy, compensation::RecoverySource, compensation::Remedy,
    compensation::ReversalReason, evidence::CustodyRecord, evidence::NewEvidence,
    findings::Finding, id::ActionId, id::ClaimId, id::CustomerRef, id::FactName, id::InquiryId,
    id::NoticeId, id::ProgramId, id::RegimeId, id::ReportId, id::SubStatus, ActorId,
    DetectionSource, IncidentId, IncidentKind, Money, Severity,
};
pub use kind::CommandKind;

/// The command that opens an incident. Fields the Detect guard requires are optional here
/// so that a half-filled form gets one rejection listing everything missing.
///
/// # Examples
/// ```
/// use incident::{ActorId, Declare, DetectionSource, IncidentId, IncidentKind, Severity};
/// use chrono::{TimeZone, Utc};
/// let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Customer data exfiltrated")
///     .detection(DetectionSource::Monitoring, Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap())
///     .severity(Severity::Sev1)
///     .owner(ActorId::new("zhang.min")?);
/// assert_eq!(declare.title, "Customer data exfiltrated");
/// # Ok::<(), incident::id::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Declare {
    /// Host-generated id for the new incident.
    pub incident_id: IncidentId,
    /// What kind of incident.
    pub kind: IncidentKind,
    /// A short title.
    pub title: String,
    /// A longer description.
    pub summary: Option<String>,
    /// How it was detected (required).
    pub detection_source: Option<DetectionSource>,
    /// When it was detected (required; not after the command's time).
    pub detected_at: Option<DateTime<Utc>>,
    /// When it is believed to have started, if known.
    pub occurred_at: Option<DateTime<Utc>>,
    /// Whether `occurred_at` is an estimate (default `false`).
    #[serde(default)]
    pub occurred_at_estimated: bool,
    /// The initial severity (required). See [`assess_severity`](crate::classify::assess_severity).
    pub severity: Option<Severity>,
    /// Why the severity is milder than the default rule gives; required in that case.
    pub severity_reason: Option<String>,
    /// The accountable owner (required).
    pub owner: Option<ActorId>,
    /// An exercise (drill): everything runs, nothing counts as a real filing (default
    /// `false`).
    #[serde(default)]
    pub exercise: bool,
    /// What is known of the impact so far (default: nothing known).
    #[serde(default)]
    pub impact: Impact,
    /// A playbook to activate in the same command: its actions, plan and first drafts are
    /// recorded with the declaration (default: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub playbook: Option<Activation>,
}

impl Declare {
    /// A declaration with the required fields still unset.
    pub fn new(incident_id: IncidentId, kind: IncidentKind, title: impl Into<String>) -> Self {
        Self {
            incident_id,
            kind,
            title: title.into(),
            summary: None,
            detection_source: None,
            detected_at: None,
            occurred_at: None,
            occurred_at_estimated: false,
            severity: None,
            severity_reason: None,
            owner: None,
            exercise: false,
            impact: Impact::default(),
            playbook: None,
        }
    }

    /// Activates a playbook with the declaration: one command records the incident and
    /// everything the playbook instantiates ([`Command::ActivatePlaybook`]).
    #[must_use]
    pub fn playbook(mut self, activation: Activation) -> Self {
        self.playbook = Some(activation);
        self
    }

    /// Sets how and when the incident was detected.
    #[must_use]
    pub fn detection(mut self, source: DetectionSource, at: DateTime<Utc>) -> Self {
        self.detection_source = Some(source);
        self.detected_at = Some(at);
        self
    }

    /// Sets when it is believed to have started, and whether that is an estimate.
    #[must_use]
    pub fn occurred_at(mut self, at: DateTime<Utc>, estimated: bool) -> Self {
        self.occurred_at = Some(at);
        self.occurred_at_estimated = estimated;
        self
    }

    /// Sets the initial severity.
    #[must_use]
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }

    /// Sets the reason for a severity milder than the default rule's.
    #[must_use]
    pub fn severity_reason(mut self, reason: impl Into<String>) -> Self {
        self.severity_reason = Some(reason.into());
        self
    }

    /// Sets the accountable owner.
    #[must_use]
    pub fn owner(mut self, owner: ActorId) -> Self {
        self.owner = Some(owner);
        self
    }

    /// Sets the summary.
    #[must_use]
    pub fn summary(mut self, summary: impl Into<String>) -> Self {
        self.summary = Some(summary.into());
        self
    }

    /// Sets the initial impact facts.
    #[must_use]
    pub fn impact(mut self, impact: Impact) -> Self {
        self.impact = impact;
        self
    }

    /// Marks the incident as an exercise.
    #[must_use]
    pub fn exercise(mut self, exercise: bool) -> Self {
        self.exercise = exercise;
        self
    }
}

/// Why the incident may move to Disclosed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "basis", rename_all = "snake_case", deny_unknown_fields)]
pub enum DisclosureBasis {
    /// An initial notice to customers, approved and complete, was (or is being) published.
    PublicNotice {
        /// The notice.
        notice_id: NoticeId,
    },
    /// Public disclosure is not required; the legal basis is recorded.
    NotRequired {
        /// The legal basis, e.g. "no personal data of customers involved (GDPR Art. 34 not triggered)".
        legal_basis: String,
    },
}

/// A command on a declared incident. Which commands each phase accepts is in
/// [`allowed_commands`](crate::lifecycle::allowed_commands).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Command {
    /// Change the severity, with a reason.
    ChangeSeverity {
        /// The new severity.
        severity: Severity,
        /// Why.
        reason: String,
    },
    /// Change the incident kind, with a reason.
    Reclassify {
        /// The new kind.
        kind: IncidentKind,
        /// Why.
        reason: String,
    },
    /// Record the incident's GB/T 20986-2023 category and subcategory, as Chinese
    /// regulators' forms ask for them (the grade is [`Command::RecordGrade`]'s).
    ClassifyGbt {
        /// The category and, when decided, the subcategory.
        classification: GbtClassification,
        /// Why this category: the facts that place it there.
        basis: String,
    },
    /// Update impact facts.
    UpdateImpact {
        /// The changes.
        update: ImpactUpdate,
        /// Where the new figures come from.
        reason: Option<String>,
    },
    /// Record when the incident is now believed to have started.
    RecordOccurrence {
        /// When.
        occurred_at: DateTime<Utc>,
        /// Whether that is an estimate.
        estimated: bool,
    },
    /// Assign a person to a role (replacing any previous holder).
    AssignRole {
        /// The role.
        role: Role,
        /// Who.
        person: ActorId,
    },
    /// Remove the holder of an optional role.
    UnassignRole {
        /// The role (not the owner, who can only be replaced).
        role: Role,
    },
    /// Set or clear the host-defined sub-status inside the current phase.
    SetSubStatus {
        /// The sub-status, or `null` to clear it.
        sub_status: Option<SubStatus>,
    },
    /// Add an evidence item.
    AddEvidence(NewEvidence),
    /// Record a chain-of-custody step.
    RecordCustody(CustodyRecord),
    /// Add an action.
    AddAction(NewAction),
    /// Change an action's title, owner or due date.
    UpdateAction(ActionChanges),
    /// Mark an action as started.
    StartAction {
        /// The action.
        action_id: ActionId,
    },
    /// Mark an action as done.
    CompleteAction {
        /// The action.
        action_id: ActionId,
        /// When it was completed; `null` means the command's time.
        completed_at: Option<DateTime<Utc>>,
        /// What it achieved.
        outcome: Option<String>,
    },
    /// Defer an action, with a reason.
    DeferAction {
        /// The action.
        action_id: ActionId,
        /// Why.
        reason: String,
    },
    /// Add a note to the timeline.
    AddNote {
        /// The note.
        text: String,
    },
    /// Record a milestone that starts regulatory clocks (awareness, handling ended, …).
    /// Recording it again corrects the time; the log keeps both.
    RecordMilestone {
        /// Which.
        milestone: Milestone,
        /// When; `null` means the command's time.
        at: Option<DateTime<Utc>>,
    },
    /// Record a yes/no determination regimes test, e.g. `major_incident` (DORA) or
    /// `material` (SEC); see [`BUILTIN_FACTS`](crate::regulation::BUILTIN_FACTS). The first
    /// "yes" is the clock anchor.
    RecordDetermination {
        /// The determination.
        fact: FactName,
        /// The answer.
        value: bool,
        /// When it was made; `null` means the command's time.
        determined_at: Option<DateTime<Utc>>,
        /// On what basis.
        basis: String,
        /// The rule's assessment this answer confirms or overrides (DORA *major*, NIS2
        /// *significant*): the incident computes the proposal and records it with the
        /// facts. See [`regulation::Assessment`](crate::regulation::Assessment).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assessment: Option<Box<Assessment>>,
        /// Why the answer departs from the proposal: required then, refused otherwise.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        override_reason: Option<String>,
    },
    /// Record the CAC grade (网络安全事件分级).
    RecordGrade {
        /// The grade.
        grade: CnGrade,
        /// When it was decided; `null` means the command's time.
        graded_at: Option<DateTime<Utc>>,
        /// Which criterion of the grading guide.
        basis: String,
        /// The grading guide's assessment this grade confirms or overrides
        /// ([`Assessment::CacGrade`](crate::regulation::Assessment::CacGrade)).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assessment: Option<Box<Assessment>>,
        /// Why the grade is below the proposal (or differs from a settled one): required
        /// then, refused otherwise.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        override_reason: Option<String>,
    },
    /// Record that a regulatory report was submitted (for a drill: a practice submission).
    RecordFiling {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
        /// When; `null` means the command's time.
        submitted_at: Option<DateTime<Utc>>,
        /// The recipient's reference, if any.
        reference: Option<String>,
    },
    /// Record that a regulatory report is not owed, with the legal basis (a threshold not
    /// met, an exemption, counsel's opinion). Review and Close wait for every report that
    /// is neither filed nor waived.
    WaiveObligation {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
        /// Why it is not owed.
        legal_basis: String,
    },
    /// Record that an authority moved a report's due time (Form 8-K Item 1.05(c): the U.S.
    /// Attorney General's delay). Record it once granted: a request alone moves nothing.
    /// The clock holds the grant to what the report's rule allows and says when it asks for
    /// more.
    RecordDeferral {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
        /// The authority that granted it, as it signed.
        authority: String,
        /// The due time granted.
        until: DateTime<Utc>,
        /// The authority's reference (letter, case number), without personal data.
        reference: Option<String>,
    },
    /// Record regulatory reminders and missed deadlines. Built by
    /// [`Incident::handle_timeout`](crate::Incident::handle_timeout).
    RecordClockAlerts {
        /// The alerts, each not recorded before.
        alerts: Vec<ClockAlert>,
    },
    /// Record actions and planned messages that reached their due time undone. Built by
    /// [`Incident::handle_timeout`](crate::Incident::handle_timeout).
    RecordOverdue {
        /// What fell due, each not recorded before.
        overdue: Vec<Overdue>,
    },
    /// Record a customer inquiry (a question or complaint) that came in on a feedback
    /// channel: hotline, online chat, e-mail, social media, SMS, in-app, letter or a form
    /// on the website.
    RecordInquiry {
        /// Host-chosen id, unique within the incident.
        inquiry_id: InquiryId,
        /// Where it came in.
        channel: Channel,
        /// What it is about.
        topic: InquiryTopic,
        /// Who asked, as an opaque reference (never personal data), if known.
        customer: Option<CustomerRef>,
        /// When it was received; `null` means the command's time.
        received_at: Option<DateTime<Utc>>,
    },
    /// Record the first response to an inquiry: the first answer from a person, not an
    /// automatic acknowledgement. Only the first response is recorded; a second is
    /// rejected.
    RespondToInquiry {
        /// The inquiry.
        inquiry_id: InquiryId,
        /// When the customer got the answer; `null` means the command's time.
        responded_at: Option<DateTime<Utc>>,
    },
    /// Record that an inquiry was resolved. An inquiry resolved without an earlier
    /// response (answered and closed in one contact) has its resolution as its first
    /// response.
    ResolveInquiry {
        /// The inquiry.
        inquiry_id: InquiryId,
        /// When it was resolved; `null` means the command's time.
        resolved_at: Option<DateTime<Utc>>,
        /// How it was resolved.
        note: Option<String>,
    },
    /// Record a customer's survey response (CSAT, NPS, comment).
    RecordSurveyResponse(SurveyResponse),
    /// Draft a notice.
    DraftNotice(NoticeDraft),
    /// Approve a draft notice (the approver is the command's actor).
    ApproveNotice {
        /// The notice.
        notice_id: NoticeId,
    },
    /// Record that the host sent an approved notice.
    RecordNoticeSent {
        /// The notice.
        notice_id: NoticeId,
        /// When it was sent; `null` means the command's time.
        sent_at: Option<DateTime<Utc>>,
    },
    /// Record what the sending provider reported for one recipient of a sent notice
    /// (accepted, delivered, failed, bounced).
    RecordDeliveryReceipt(DeliveryReceipt),
    /// Cancel a notice that has not been sent.
    CancelNotice {
        /// The notice.
        notice_id: NoticeId,
        /// Why.
        reason: String,
    },
    /// Revise what a notice not yet sent carries: its channels, content elements and facts
    /// ([`NoticeRevision::refreshed`](crate::comms::NoticeRevision::refreshed) brings a
    /// draft up to date with the facts recorded since). An approved notice returns to
    /// draft, and nobody who drafted or revised it may approve it again.
    ReviseNotice(NoticeRevision),
    /// Record a fact messages may carry, with its sensitivity label (replaces a fact with
    /// the same key).
    RecordFact(Fact),
    /// Activate a playbook on an incident that follows none: one `playbook_activated` event
    /// pinning its id, version and digest, then the actions it starts (due at detection
    /// plus each step's offset), its communication plan, and drafts of the first customer
    /// notice and the press holding statement carrying the facts known now. Nothing is
    /// sent. All of it is recorded, or none.
    ActivatePlaybook(Activation),
    /// Adopt a communication plan (replaces the current one).
    AdoptCommsPlan {
        /// The plan.
        plan: CommsPlan,
    },
    /// Record a review finding.
    RecordFinding(Finding),
    /// Open a compensation program under a policy: the event records the policy's text and
    /// its pin (id, version, digest, currency), so replay can re-run every assessment. Build
    /// it with [`Command::open_compensation_program`].
    OpenCompensationProgram {
        /// The program.
        program_id: ProgramId,
        /// The policy it applies.
        policy: Box<Policy>,
        /// The most the program pays in cash, in the policy currency; `null` for none.
        /// Offers beyond it are refused.
        budget: Option<Money>,
        /// The end of the claim window; `null` for none. No claim is assessed after it.
        #[serde(default)]
        claims_close_at: Option<DateTime<Utc>>,
    },
    /// Amend the open program: a new budget, a new claim window, or a new version of its
    /// policy for the claims assessed from now on (claims already assessed keep theirs),
    /// with the reason. Each change is pinned in the log.
    AmendCompensationProgram {
        /// The open program.
        program_id: ProgramId,
        /// The new budget, at least what is already reserved; `null` keeps the budget.
        #[serde(default)]
        budget: Option<Money>,
        /// The new end of the claim window; `null` keeps it.
        #[serde(default)]
        claims_close_at: Option<DateTime<Utc>>,
        /// A new version of the program's policy (same id and currency); `null` keeps it.
        #[serde(default)]
        policy: Option<Box<Policy>>,
        /// Why (a board decision, a corrected rule).
        reason: String,
    },
    /// Record that no compensation is owed, with the reason.
    DeclareCompensationNotApplicable {
        /// Why.
        reason: String,
    },
    /// Assess a claim under the program's pinned policy: the crate runs the policy on the
    /// claim's facts and records both, so replay can re-run it. The claim enters negotiation
    /// as assessed.
    RecordClaimAssessment {
        /// The open program.
        program_id: ProgramId,
        /// A new claim id.
        claim_id: ClaimId,
        /// The claim's facts (the customer is an opaque reference, never personal data).
        claim: Box<Claim>,
    },
    /// Propose a figure other than the policy's for an assessed or countered claim, with
    /// the reason; a second person approves it with
    /// [`Command::ApproveAssessmentOverride`].
    ProposeAssessmentOverride {
        /// The claim.
        claim_id: ClaimId,
        /// The cash the claim should be entitled to, at most the per-customer cap.
        cash: Money,
        /// The services it should be granted.
        remedies: Vec<Remedy>,
        /// Why the policy's figure does not stand.
        reason: String,
    },
    /// Approve the proposed override (by another person than its proposer).
    ApproveAssessmentOverride {
        /// The claim.
        claim_id: ClaimId,
    },
    /// Record the manual review of a claim the policy flagged (by another person than the
    /// one who recorded the assessment); the claim cannot be offered before it.
    RecordClaimReview {
        /// The claim.
        claim_id: ClaimId,
        /// What the reviewer checked and concluded.
        note: String,
    },
    /// Offer a settlement on an assessed or countered claim, within the program's budget.
    OfferSettlement {
        /// The claim.
        claim_id: ClaimId,
        /// Cash offered, in the program currency (zero for services only).
        amount: Money,
        /// Services offered alongside (credit monitoring, insurance, fee waivers, assisted
        /// reset or freeze); cash belongs in `amount`.
        remedies: Vec<Remedy>,
        /// The last moment the customer can accept; `null` for an offer that does not
        /// lapse. A lapsed offer can be replaced by a new one.
        #[serde(default)]
        valid_until: Option<DateTime<Utc>>,
    },
    /// Record the customer's response to the latest offer: accepted, or countered.
    RecordClaimResponse {
        /// The claim.
        claim_id: ClaimId,
        /// The response.
        response: ClaimResponse,
    },
    /// Settle an accepted claim for the accepted offer's amount.
    SettleClaim {
        /// The claim.
        claim_id: ClaimId,
    },
    /// Record that the host paid a settled claim.
    RecordClaimPaid {
        /// The claim.
        claim_id: ClaimId,
        /// When it was paid; `null` means the command's time.
        paid_at: Option<DateTime<Utc>>,
        /// The amount paid: the settled amount.
        amount: Money,
        /// The host's payment reference (a transfer id, not an account number).
        payment_reference: String,
    },
    /// Record that a payment did not reach the customer: the claim is settled again and the
    /// payment can be reissued with [`Command::RecordClaimPaid`].
    RecordClaimPaymentFailed {
        /// The claim.
        claim_id: ClaimId,
        /// Why it failed (returned by the bank, account closed…), without account numbers.
        reason: String,
    },
    /// Record funds recovered after a claim was paid (police, bank, perpetrator, insurer),
    /// under the rights the customer assigned; at most what was paid, less what was
    /// already recovered.
    RecordRecovery {
        /// The paid claim.
        claim_id: ClaimId,
        /// Where the funds came from.
        source: RecoverySource,
        /// How much; positive, in the program currency.
        amount: Money,
        /// The host's reference (a case or transfer number, not an account number).
        reference: String,
    },
    /// Hand a claim to legal: before settlement, or after it when the customer disputes
    /// what was agreed or paid.
    EscalateClaim {
        /// The claim.
        claim_id: ClaimId,
        /// Why.
        reason: String,
    },
    /// Reject a claim that is not yet agreed, with the reason.
    RejectClaim {
        /// The claim.
        claim_id: ClaimId,
        /// Why.
        reason: String,
    },
    /// Request the reversal of a paid claim's payment (the bank returned it, it was paid in
    /// error). Nothing moves until another person confirms it
    /// ([`Command::ConfirmPaymentReversal`]) or it is withdrawn; the incident cannot close
    /// meanwhile.
    RequestPaymentReversal {
        /// The paid claim.
        claim_id: ClaimId,
        /// Why.
        reason: ReversalReason,
        /// What happened, without account numbers.
        note: String,
    },
    /// Confirm the pending reversal (by another person than the requester): the payment
    /// leaves the paid total and the claim is settled again, to be paid again or declared
    /// unclaimed.
    ConfirmPaymentReversal {
        /// The claim.
        claim_id: ClaimId,
    },
    /// Withdraw the pending reversal: the payment stands.
    WithdrawPaymentReversal {
        /// The claim.
        claim_id: ClaimId,
        /// Why the reversal did not happen.
        reason: String,
    },
    /// Declare a settled claim's money unclaimed after the policy's period
    /// ([`OfferTerms::unclaimed_after_days`](crate::compensation::OfferTerms::unclaimed_after_days)),
    /// held for the customer where `held_at` says; by another person than the one who
    /// settled. [`Command::RecordClaimPaid`] pays it out when the customer claims it.
    DeclareClaimUnclaimed {
        /// The settled claim.
        claim_id: ClaimId,
        /// Where the money is held (a client-money or escrow ledger), without account numbers.
        held_at: String,
    },
    /// Reopen a rejected or paid claim on new evidence: the pinned policy is run on the
    /// revised claim, and the earlier decision stays on record. A paid claim's new offer is
    /// a top-up: at least the new entitlement less what was settled before.
    ReopenClaim {
        /// The rejected or paid claim.
        claim_id: ClaimId,
        /// The claim with the new evidence (the same customer).
        claim: Box<Claim>,
        /// What the new evidence is.
        new_evidence: String,
    },
    /// Record a customer's appeal or complaint about a claim, with the channel it came
    /// through; one pending per channel.
    RecordClaimAppeal {
        /// The claim.
        claim_id: ClaimId,
        /// Where it came in.
        channel: AppealChannel,
        /// The body and its case reference, without personal data.
        reference: String,
    },
    /// Record how the pending appeal through `channel` ended.
    RecordAppealOutcome {
        /// The claim.
        claim_id: ClaimId,
        /// The appeal's channel.
        channel: AppealChannel,
        /// How it ended.
        outcome: AppealOutcome,
        /// What was decided.
        note: String,
    },
    /// Share what is left of the program's budget over the claims still open to an offer,
    /// once its claim window has closed: verified losses first, equal claims equal cash,
    /// whatever order claims arrived in
    /// ([`BudgetAllocation`](crate::compensation::BudgetAllocation)). Each of those claims is
    /// then offered exactly its share. Allocating again (after the budget is amended, or
    /// an offer lapsed) shares what is left then over the claims open then.
    AllocateBudget {
        /// The open program.
        program_id: ProgramId,
    },
    /// Move to Contained.
    Contain {
        /// When containment took effect; `null` is a missing precondition.
        contained_at: Option<DateTime<Utc>>,
    },
    /// Move to Disclosed.
    Disclose {
        /// The basis.
        basis: DisclosureBasis,
    },
    /// Move to Remediated.
    Remediate {},
    /// Move to Reviewed. Also waits for every regulatory report still owed under the
    /// context's regulation ([`Context::with_regulation`](crate::Context::with_regulation)).
    Review {},
    /// Close the incident, once no regulatory report is still owed.
    Close {},
    /// Dismiss the incident as a false positive.
    Dismiss {
        /// Why it is not an incident.
        rationale: String,
    },
}
