//! The name of each command without its data, for transition tables and rejections.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Command;

/// The name of a command without its data: for transition tables and rejections.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CommandKind {
    /// [`Declare`](super::Declare).
    Declare,
    /// [`Command::ChangeSeverity`].
    ChangeSeverity,
    /// [`Command::Reclassify`].
    Reclassify,
    /// [`Command::ClassifyGbt`].
    ClassifyGbt,
    /// [`Command::UpdateImpact`].
    UpdateImpact,
    /// [`Command::RecordOccurrence`].
    RecordOccurrence,
    /// [`Command::AssignRole`].
    AssignRole,
    /// [`Command::UnassignRole`].
    UnassignRole,
    /// [`Command::SetSubStatus`].
    SetSubStatus,
    /// [`Command::AddEvidence`].
    AddEvidence,
    /// [`Command::RecordCustody`].
    RecordCustody,
    /// [`Command::AddAction`].
    AddAction,
    /// [`Command::UpdateAction`].
    UpdateAction,
    /// [`Command::StartAction`].
    StartAction,
    /// [`Command::CompleteAction`].
    CompleteAction,
    /// [`Command::DeferAction`].
    DeferAction,
    /// [`Command::AddNote`].
    AddNote,
    /// [`Command::RecordMilestone`].
    RecordMilestone,
    /// [`Command::RecordDetermination`].
    RecordDetermination,
    /// [`Command::RecordGrade`].
    RecordGrade,
    /// [`Command::RecordFiling`].
    RecordFiling,
    /// [`Command::WaiveObligation`].
    WaiveObligation,
    /// [`Command::RecordDeferral`].
    RecordDeferral,
    /// [`Command::RecordClockAlerts`].
    RecordClockAlerts,
    /// [`Command::RecordOverdue`].
    RecordOverdue,
    /// [`Command::RecordInquiry`].
    RecordInquiry,
    /// [`Command::RespondToInquiry`].
    RespondToInquiry,
    /// [`Command::ResolveInquiry`].
    ResolveInquiry,
    /// [`Command::RecordSurveyResponse`].
    RecordSurveyResponse,
    /// [`Command::DraftNotice`].
    DraftNotice,
    /// [`Command::ApproveNotice`].
    ApproveNotice,
    /// [`Command::RecordNoticeSent`].
    RecordNoticeSent,
    /// [`Command::RecordDeliveryReceipt`].
    RecordDeliveryReceipt,
    /// [`Command::CancelNotice`].
    CancelNotice,
    /// [`Command::ReviseNotice`].
    ReviseNotice,
    /// [`Command::RecordFact`].
    RecordFact,
    /// [`Command::AdoptCommsPlan`].
    AdoptCommsPlan,
    /// [`Command::ActivatePlaybook`].
    ActivatePlaybook,
    /// [`Command::RecordFinding`].
    RecordFinding,
    /// [`Command::OpenCompensationProgram`].
    OpenCompensationProgram,
    /// [`Command::AmendCompensationProgram`].
    AmendCompensationProgram,
    /// [`Command::DeclareCompensationNotApplicable`].
    DeclareCompensationNotApplicable,
    /// [`Command::RecordClaimAssessment`].
    RecordClaimAssessment,
    /// [`Command::ProposeAssessmentOverride`].
    ProposeAssessmentOverride,
    /// [`Command::ApproveAssessmentOverride`].
    ApproveAssessmentOverride,
    /// [`Command::RecordClaimReview`].
    RecordClaimReview,
    /// [`Command::RecordClaimPaymentFailed`].
    RecordClaimPaymentFailed,
    /// [`Command::RecordRecovery`].
    RecordRecovery,
    /// [`Command::OfferSettlement`].
    OfferSettlement,
    /// [`Command::RecordClaimResponse`].
    RecordClaimResponse,
    /// [`Command::SettleClaim`].
    SettleClaim,
    /// [`Command::RecordClaimPaid`].
    RecordClaimPaid,
    /// [`Command::EscalateClaim`].
    EscalateClaim,
    /// [`Command::RejectClaim`].
    RejectClaim,
    /// [`Command::RequestPaymentReversal`].
    RequestPaymentReversal,
    /// [`Command::ConfirmPaymentReversal`].
    ConfirmPaymentReversal,
    /// [`Command::WithdrawPaymentReversal`].
    WithdrawPaymentReversal,
    /// [`Command::DeclareClaimUnclaimed`].
    DeclareClaimUnclaimed,
    /// [`Command::ReopenClaim`].
    ReopenClaim,
    /// [`Command::RecordClaimAppeal`].
    RecordClaimAppeal,
    /// [`Command::RecordAppealOutcome`].
    RecordAppealOutcome,
    /// [`Command::AllocateBudget`].
    AllocateBudget,
    /// [`Command::Contain`].
    Contain,
    /// [`Command::Disclose`].
    Disclose,
    /// [`Command::Remediate {}`].
    Remediate,
    /// [`Command::Review {}`].
    Review,
    /// [`Command::Close {}`].
    Close,
    /// [`Command::Dismiss`].
    Dismiss,
}

impl CommandKind {
    /// Commands accepted in every open phase (not Closed or Dismissed).
    pub const CROSS_PHASE: [CommandKind; 61] = [
        Self::ChangeSeverity,
        Self::Reclassify,
        Self::ClassifyGbt,
        Self::UpdateImpact,
        Self::RecordOccurrence,
        Self::AssignRole,
        Self::UnassignRole,
        Self::SetSubStatus,
        Self::AddEvidence,
        Self::RecordCustody,
        Self::AddAction,
        Self::UpdateAction,
        Self::StartAction,
        Self::CompleteAction,
        Self::DeferAction,
        Self::AddNote,
        Self::RecordMilestone,
        Self::RecordDetermination,
        Self::RecordGrade,
        Self::RecordFiling,
        Self::WaiveObligation,
        Self::RecordDeferral,
        Self::RecordClockAlerts,
        Self::RecordOverdue,
        Self::RecordInquiry,
        Self::RespondToInquiry,
        Self::ResolveInquiry,
        Self::RecordSurveyResponse,
        Self::DraftNotice,
        Self::ApproveNotice,
        Self::RecordNoticeSent,
        Self::RecordDeliveryReceipt,
        Self::CancelNotice,
        Self::ReviseNotice,
        Self::RecordFact,
        Self::AdoptCommsPlan,
        Self::ActivatePlaybook,
        Self::RecordFinding,
        Self::OpenCompensationProgram,
        Self::AmendCompensationProgram,
        Self::DeclareCompensationNotApplicable,
        Self::RecordClaimAssessment,
        Self::ProposeAssessmentOverride,
        Self::ApproveAssessmentOverride,
        Self::RecordClaimReview,
        Self::RecordClaimPaymentFailed,
        Self::RecordRecovery,
        Self::OfferSettlement,
        Self::RecordClaimResponse,
        Self::SettleClaim,
        Self::RecordClaimPaid,
        Self::EscalateClaim,
        Self::RejectClaim,
        Self::RequestPaymentReversal,
        Self::ConfirmPaymentReversal,
        Self::WithdrawPaymentReversal,
        Self::DeclareClaimUnclaimed,
        Self::ReopenClaim,
        Self::RecordClaimAppeal,
        Self::RecordAppealOutcome,
        Self::AllocateBudget,
    ];

    /// The stable snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Declare => "declare",
            Self::ChangeSeverity => "change_severity",
            Self::Reclassify => "reclassify",
            Self::ClassifyGbt => "classify_gbt",
            Self::UpdateImpact => "update_impact",
            Self::RecordOccurrence => "record_occurrence",
            Self::AssignRole => "assign_role",
            Self::UnassignRole => "unassign_role",
            Self::SetSubStatus => "set_sub_status",
            Self::AddEvidence => "add_evidence",
            Self::RecordCustody => "record_custody",
            Self::AddAction => "add_action",
            Self::UpdateAction => "update_action",
            Self::StartAction => "start_action",
            Self::CompleteAction => "complete_action",
            Self::DeferAction => "defer_action",
            Self::AddNote => "add_note",
            Self::RecordMilestone => "record_milestone",
            Self::RecordDetermination => "record_determination",
            Self::RecordGrade => "record_grade",
            Self::RecordFiling => "record_filing",
            Self::WaiveObligation => "waive_obligation",
            Self::RecordDeferral => "record_deferral",
            Self::RecordClockAlerts => "record_clock_alerts",
            Self::RecordOverdue => "record_overdue",
            Self::RecordInquiry => "record_inquiry",
            Self::RespondToInquiry => "respond_to_inquiry",
            Self::ResolveInquiry => "resolve_inquiry",
            Self::RecordSurveyResponse => "record_survey_response",
            Self::DraftNotice => "draft_notice",
            Self::ApproveNotice => "approve_notice",
            Self::RecordNoticeSent => "record_notice_sent",
            Self::RecordDeliveryReceipt => "record_delivery_receipt",
            Self::CancelNotice => "cancel_notice",
            Self::ReviseNotice => "revise_notice",
            Self::RecordFact => "record_fact",
            Self::AdoptCommsPlan => "adopt_comms_plan",
            Self::ActivatePlaybook => "activate_playbook",
            Self::RecordFinding => "record_finding",
            Self::OpenCompensationProgram => "open_compensation_program",
            Self::AmendCompensationProgram => "amend_compensation_program",
            Self::DeclareCompensationNotApplicable => "declare_compensation_not_applicable",
            Self::RecordClaimAssessment => "record_claim_assessment",
            Self::ProposeAssessmentOverride => "propose_assessment_override",
            Self::ApproveAssessmentOverride => "approve_assessment_override",
            Self::RecordClaimReview => "record_claim_review",
            Self::RecordClaimPaymentFailed => "record_claim_payment_failed",
            Self::RecordRecovery => "record_recovery",
            Self::OfferSettlement => "offer_settlement",
            Self::RecordClaimResponse => "record_claim_response",
            Self::SettleClaim => "settle_claim",
            Self::RecordClaimPaid => "record_claim_paid",
            Self::EscalateClaim => "escalate_claim",
            Self::RejectClaim => "reject_claim",
            Self::RequestPaymentReversal => "request_payment_reversal",
            Self::ConfirmPaymentReversal => "confirm_payment_reversal",
            Self::WithdrawPaymentReversal => "withdraw_payment_reversal",
            Self::DeclareClaimUnclaimed => "declare_claim_unclaimed",
            Self::ReopenClaim => "reopen_claim",
            Self::RecordClaimAppeal => "record_claim_appeal",
            Self::RecordAppealOutcome => "record_appeal_outcome",
            Self::AllocateBudget => "allocate_budget",
            Self::Contain => "contain",
            Self::Disclose => "disclose",
            Self::Remediate => "remediate",
            Self::Review => "review",
            Self::Close => "close",
            Self::Dismiss => "dismiss",
        }
    }
}

impl fmt::Display for CommandKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Command {
    /// The command's name.
    pub fn kind(&self) -> CommandKind {
        match self {
            Self::ChangeSeverity { .. } => CommandKind::ChangeSeverity,
            Self::Reclassify { .. } => CommandKind::Reclassify,
            Self::ClassifyGbt { .. } => CommandKind::ClassifyGbt,
            Self::UpdateImpact { .. } => CommandKind::UpdateImpact,
            Self::RecordOccurrence { .. } => CommandKind::RecordOccurrence,
            Self::AssignRole { .. } => CommandKind::AssignRole,
            Self::UnassignRole { .. } => CommandKind::UnassignRole,
            Self::SetSubStatus { .. } => CommandKind::SetSubStatus,
            Self::AddEvidence(_) => CommandKind::AddEvidence,
            Self::RecordCustody(_) => CommandKind::RecordCustody,
            Self::AddAction(_) => CommandKind::AddAction,
            Self::UpdateAction(_) => CommandKind::UpdateAction,
            Self::StartAction { .. } => CommandKind::StartAction,
            Self::CompleteAction { .. } => CommandKind::CompleteAction,
            Self::DeferAction { .. } => CommandKind::DeferAction,
            Self::AddNote { .. } => CommandKind::AddNote,
            Self::RecordMilestone { .. } => CommandKind::RecordMilestone,
            Self::RecordDetermination { .. } => CommandKind::RecordDetermination,
            Self::RecordGrade { .. } => CommandKind::RecordGrade,
            Self::RecordFiling { .. } => CommandKind::RecordFiling,
            Self::WaiveObligation { .. } => CommandKind::WaiveObligation,
            Self::RecordDeferral { .. } => CommandKind::RecordDeferral,
            Self::RecordClockAlerts { .. } => CommandKind::RecordClockAlerts,
            Self::RecordOverdue { .. } => CommandKind::RecordOverdue,
            Self::RecordInquiry { .. } => CommandKind::RecordInquiry,
            Self::RespondToInquiry { .. } => CommandKind::RespondToInquiry,
            Self::ResolveInquiry { .. } => CommandKind::ResolveInquiry,
            Self::RecordSurveyResponse(_) => CommandKind::RecordSurveyResponse,
            Self::DraftNotice(_) => CommandKind::DraftNotice,
            Self::ApproveNotice { .. } => CommandKind::ApproveNotice,
            Self::RecordNoticeSent { .. } => CommandKind::RecordNoticeSent,
            Self::RecordDeliveryReceipt(_) => CommandKind::RecordDeliveryReceipt,
            Self::CancelNotice { .. } => CommandKind::CancelNotice,
            Self::ReviseNotice(_) => CommandKind::ReviseNotice,
            Self::RecordFact(_) => CommandKind::RecordFact,
            Self::AdoptCommsPlan { .. } => CommandKind::AdoptCommsPlan,
            Self::ActivatePlaybook(_) => CommandKind::ActivatePlaybook,
            Self::RecordFinding(_) => CommandKind::RecordFinding,
            Self::OpenCompensationProgram { .. } => CommandKind::OpenCompensationProgram,
            Self::AmendCompensationProgram { .. } => CommandKind::AmendCompensationProgram,
            Self::DeclareCompensationNotApplicable { .. } => {
                CommandKind::DeclareCompensationNotApplicable
            }
            Self::RecordClaimAssessment { .. } => CommandKind::RecordClaimAssessment,
            Self::ProposeAssessmentOverride { .. } => CommandKind::ProposeAssessmentOverride,
            Self::ApproveAssessmentOverride { .. } => CommandKind::ApproveAssessmentOverride,
            Self::RecordClaimReview { .. } => CommandKind::RecordClaimReview,
            Self::RecordClaimPaymentFailed { .. } => CommandKind::RecordClaimPaymentFailed,
            Self::RecordRecovery { .. } => CommandKind::RecordRecovery,
            Self::OfferSettlement { .. } => CommandKind::OfferSettlement,
            Self::RecordClaimResponse { .. } => CommandKind::RecordClaimResponse,
            Self::SettleClaim { .. } => CommandKind::SettleClaim,
            Self::RecordClaimPaid { .. } => CommandKind::RecordClaimPaid,
            Self::EscalateClaim { .. } => CommandKind::EscalateClaim,
            Self::RejectClaim { .. } => CommandKind::RejectClaim,
            Self::RequestPaymentReversal { .. } => CommandKind::RequestPaymentReversal,
            Self::ConfirmPaymentReversal { .. } => CommandKind::ConfirmPaymentReversal,
            Self::WithdrawPaymentReversal { .. } => CommandKind::WithdrawPaymentReversal,
            Self::DeclareClaimUnclaimed { .. } => CommandKind::DeclareClaimUnclaimed,
            Self::ReopenClaim { .. } => CommandKind::ReopenClaim,
            Self::RecordClaimAppeal { .. } => CommandKind::RecordClaimAppeal,
            Self::RecordAppealOutcome { .. } => CommandKind::RecordAppealOutcome,
            Self::AllocateBudget { .. } => CommandKind::AllocateBudget,
            Self::Contain { .. } => CommandKind::Contain,
            Self::Disclose { .. } => CommandKind::Disclose,
            Self::Remediate {} => CommandKind::Remediate,
            Self::Review {} => CommandKind::Review,
            Self::Close {} => CommandKind::Close,
            Self::Dismiss { .. } => CommandKind::Dismiss,
        }
    }
}
