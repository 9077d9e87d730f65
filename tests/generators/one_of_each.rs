//! One command of every variant, each valid on its own, and every command kind a declared
//! incident can be sent (for checking that terminal phases refuse everything).

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use incident::actions::*;
use incident::classify::*;
use incident::comms::*;
use incident::compensation::*;
use incident::evidence::*;
use incident::findings::*;
use incident::id::*;
use incident::lifecycle::*;
use incident::*;

use crate::driver::actor;
use crate::generators::commands::compensation::cny;
use crate::generators::pools::detected_at;

/// One command of every variant, each valid on its own (for checking that terminal
/// phases refuse everything).
pub(crate) fn one_of_each(at: DateTime<Utc>) -> Vec<Command> {
    let a1 = ActionId::new("A1").unwrap();
    let n1 = NoticeId::new("N1").unwrap();
    let e1 = EvidenceId::new("E1").unwrap();
    vec![
        Command::ChangeSeverity {
            severity: Severity::Sev1,
            reason: "scope grew".into(),
        },
        Command::Reclassify {
            kind: IncidentKind::FundsTheft,
            reason: "funds moved".into(),
        },
        Command::ClassifyGbt {
            classification: GbtClassification::of(GbtSubcategory::DataLeak),
            basis: "customer records published".into(),
        },
        Command::UpdateImpact {
            update: ImpactUpdate::default().people_estimated(123_456),
            reason: None,
        },
        Command::RecordOccurrence {
            occurred_at: detected_at() - Duration::hours(1),
            estimated: true,
        },
        Command::AssignRole {
            role: Role::Legal,
            person: actor("counsel"),
        },
        Command::UnassignRole {
            role: Role::CommsLead,
        },
        Command::SetSubStatus {
            sub_status: Some(SubStatus::new("late-work").unwrap()),
        },
        Command::AddEvidence(NewEvidence {
            evidence_id: EvidenceId::new("E-late").unwrap(),
            description: "memory dump".into(),
            collected_by: actor("li.wei"),
            collected_at: at,
            location: "locker 9".into(),
            digest: None,
        }),
        Command::RecordCustody(CustodyRecord {
            evidence_id: e1.clone(),
            entry: CustodyEntry {
                action: CustodyAction::Accessed,
                by: actor("li.wei"),
                at,
                location: "lab".into(),
                digest: None,
                note: None,
            },
        }),
        Command::AddAction(NewAction {
            action_id: ActionId::new("A-late").unwrap(),
            kind: ActionKind::Prevention,
            title: "rotate keys".into(),
            owner: None,
            due: None,
            measure: None,
        }),
        Command::UpdateAction(ActionChanges {
            action_id: a1.clone(),
            title: Some("renamed".into()),
            owner: None,
            due: None,
        }),
        Command::StartAction {
            action_id: a1.clone(),
        },
        Command::CompleteAction {
            action_id: a1.clone(),
            completed_at: None,
            outcome: None,
        },
        Command::DeferAction {
            action_id: a1,
            reason: "later".into(),
        },
        Command::AddNote {
            text: "late note".into(),
        },
        Command::RecordMilestone {
            milestone: regulation::Milestone::Awareness,
            at: Some(at),
        },
        Command::RecordDetermination {
            fact: FactName::new("major_incident").unwrap(),
            value: true,
            determined_at: Some(at),
            basis: "RTS 2024/1772 criteria met".into(), assessment: None, override_reason: None, },
        Command::RecordGrade {
            grade: regulation::CnGrade::RelativelyMajor,
            graded_at: Some(at),
            basis: "personal information of 1.2 million persons".into(), assessment: None, override_reason: None, },
        Command::RecordFiling {
            regime: RegimeId::new("eu-dora").unwrap(),
            report: ReportId::new("initial").unwrap(),
            submitted_at: Some(at),
            reference: Some("CA-2026-001".into()),
        },
        Command::WaiveObligation {
            regime: RegimeId::new("eu-gdpr").unwrap(),
            report: ReportId::new("initial").unwrap(),
            legal_basis: "GDPR Art. 33(1): unlikely to result in a risk to natural persons (encrypted at rest)".into(),
        },
        Command::RecordDeferral {
            regime: RegimeId::new("us-sec-8k").unwrap(),
            report: ReportId::new("form-8-k").unwrap(),
            authority: "U.S. Department of Justice".into(),
            until: at + Duration::days(30),
            reference: None,
        },
        Command::RecordClockAlerts {
            alerts: vec![regulation::ClockAlert {
                regime: RegimeId::new("eu-dora").unwrap(),
                report: ReportId::new("initial").unwrap(),
                kind: regulation::AlertKind::Missed {},
                due_at: at,
                at,
            }],
        },
        Command::RecordOverdue {
            overdue: vec![Overdue::Action {
                action_id: ActionId::new("A1").unwrap(),
                due_at: at,
            }],
        },
        Command::RecordInquiry {
            inquiry_id: InquiryId::new("Q-late").unwrap(),
            channel: Channel::Hotline,
            topic: InquiryTopic::LostFunds,
            customer: Some(CustomerRef::new("C-1001").unwrap()),
            received_at: None,
        },
        Command::RespondToInquiry {
            inquiry_id: InquiryId::new("Q1").unwrap(),
            responded_at: None,
        },
        Command::ResolveInquiry {
            inquiry_id: InquiryId::new("Q1").unwrap(),
            resolved_at: None,
            note: Some("explained the password reset".into()),
        },
        Command::RecordSurveyResponse(SurveyResponse {
            id: SurveyResponseId::new("S-late").unwrap(),
            csat: Some(4),
            nps: Some(8),
            comment: None,
            received_at: at,
        }),
        Command::DraftNotice(NoticeDraft {
            notice_id: NoticeId::new("N-late").unwrap(),
            kind: MessageKind::Faq,
            audience: Audience::AllCustomers,
            channels: [Channel::WebsiteNotice].into_iter().collect(),
            elements: [ContentElement::ContactPoints].into_iter().collect(),
            facts: Default::default(),
            plan_item: None,
            corrects: None,
        }),
        Command::ApproveNotice {
            notice_id: n1.clone(),
        },
        Command::RecordNoticeSent {
            notice_id: n1.clone(),
            sent_at: None,
        },
        Command::RecordDeliveryReceipt(DeliveryReceipt {
            notice_id: n1.clone(),
            recipient: CustomerRef::new("C-1001").unwrap(),
            channel: Channel::Sms,
            outcome: DeliveryOutcome::Bounced,
            at,
            provider_ref: Some("SM-42".into()),
            detail: Some("unknown number".into()),
        }),
        Command::CancelNotice {
            notice_id: n1.clone(),
            reason: "superseded".into(),
        },
        Command::ReviseNotice(NoticeRevision {
            notice_id: n1.clone(),
            channels: [Channel::Email].into(),
            elements: [ContentElement::ContactPoints].into(),
            facts: BTreeSet::new(),
            note: "hotline added".into(),
        }),
        Command::RecordFact(Fact {
            key: FactKey::new("contact_points").unwrap(),
            value: FactValue::Literal {
                value: "95566".into(),
            },
            sensitivity: Sensitivity::Public,
            element: Some(ContentElement::ContactPoints),
        }),
        Command::AdoptCommsPlan {
            plan: CommsPlan::reference(),
        },
        Command::ActivatePlaybook(incident::playbook::Activation::new(
            incident::playbook::builtin_playbook("payments.data-funds-theft").unwrap(),
            incident::locale::Locale::ZhCn,
        )),
        Command::RecordFinding(Finding {
            finding_id: FindingId::new("F-late").unwrap(),
            kind: FindingKind::WentWell,
            root_cause: None,
            summary: "fast isolation".into(),
            evidence: vec![],
        }),
        Command::open_compensation_program(
            ProgramId::new("P-late").unwrap(),
            &reference_securities_policy(),
            None,
        ),
        Command::AmendCompensationProgram {
            program_id: ProgramId::new("P1").unwrap(),
            budget: Some(cny(1_000_000)),
            claims_close_at: None,
            policy: None,
            reason: "board approved a larger budget".into(),
        },
        Command::DeclareCompensationNotApplicable {
            reason: "no loss".into(),
        },
        Command::record_claim_assessment(
            ProgramId::new("P1").unwrap(),
            ClaimId::new("CL-late").unwrap(),
            &Claim::builder(
                CustomerRef::new("C-0001").unwrap(),
                Tier::Standard,
                cny(10_000),
                EvidenceStrength::None,
            )
            .build()
            .unwrap(),
        ),
        Command::ProposeAssessmentOverride {
            claim_id: ClaimId::new("CL1").unwrap(),
            cash: cny(20_000),
            remedies: vec![],
            reason: "goodwill top-up agreed by the claims committee".into(),
        },
        Command::ApproveAssessmentOverride {
            claim_id: ClaimId::new("CL1").unwrap(),
        },
        Command::RecordClaimReview {
            claim_id: ClaimId::new("CL1").unwrap(),
            note: "statements checked".into(),
        },
        Command::OfferSettlement {
            claim_id: ClaimId::new("CL1").unwrap(),
            amount: cny(10_000),
            remedies: vec![],
            valid_until: None,
        },
        Command::RecordClaimResponse {
            claim_id: ClaimId::new("CL1").unwrap(),
            response: ClaimResponse::Accepted {},
        },
        Command::SettleClaim {
            claim_id: ClaimId::new("CL1").unwrap(),
        },
        Command::RecordClaimPaid {
            claim_id: ClaimId::new("CL1").unwrap(),
            paid_at: None,
            amount: cny(10_000),
            payment_reference: "TX-1".into(),
        },
        Command::EscalateClaim {
            claim_id: ClaimId::new("CL1").unwrap(),
            reason: "customer retained counsel".into(),
        },
        Command::RejectClaim {
            claim_id: ClaimId::new("CL1").unwrap(),
            reason: "not a customer during the incident window".into(),
        },
        Command::RecordClaimPaymentFailed {
            claim_id: ClaimId::new("CL1").unwrap(),
            reason: "returned by the bank".into(),
        },
        Command::RecordRecovery {
            claim_id: ClaimId::new("CL1").unwrap(),
            source: RecoverySource::Bank,
            amount: cny(5_000),
            reference: "recall 2026-11".into(),
        },
        Command::RequestPaymentReversal {
            claim_id: ClaimId::new("CL1").unwrap(),
            reason: ReversalReason::ReturnedByBank,
            note: "returned after crediting: account closed".into(),
        },
        Command::ConfirmPaymentReversal {
            claim_id: ClaimId::new("CL1").unwrap(),
        },
        Command::WithdrawPaymentReversal {
            claim_id: ClaimId::new("CL1").unwrap(),
            reason: "the bank cancelled its return".into(),
        },
        Command::DeclareClaimUnclaimed {
            claim_id: ClaimId::new("CL1").unwrap(),
            held_at: "client-money ledger, unclaimed compensation".into(),
        },
        Command::ReopenClaim {
            claim_id: ClaimId::new("CL1").unwrap(),
            claim: Box::new(
                Claim::builder(
                    CustomerRef::new("C1").unwrap(),
                    Tier::Standard,
                    cny(10_000),
                    EvidenceStrength::Verified,
                )
                .verified_loss(cny(10_000))
                .build()
                .unwrap(),
            ),
            new_evidence: "bank statement for March".into(),
        },
        Command::RecordClaimAppeal {
            claim_id: ClaimId::new("CL1").unwrap(),
            channel: AppealChannel::Csrc12386,
            reference: "12386 complaint 2026-0419".into(),
        },
        Command::RecordAppealOutcome {
            claim_id: ClaimId::new("CL1").unwrap(),
            channel: AppealChannel::Csrc12386,
            outcome: AppealOutcome::Upheld,
            note: "the decision stands".into(),
        },
        Command::AllocateBudget {
            program_id: ProgramId::new("P1").unwrap(),
        },
        Command::Contain {
            contained_at: Some(at),
        },
        Command::Disclose {
            basis: DisclosureBasis::PublicNotice { notice_id: n1 },
        },
        Command::Remediate {},
        Command::Review {},
        Command::Close {},
        Command::Dismiss {
            rationale: "false positive".into(),
        },
    ]
}

/// Every command kind a declared incident can be sent: the cross-phase commands and the
/// transition commands of the table.
pub(crate) fn all_command_kinds() -> BTreeSet<CommandKind> {
    CommandKind::CROSS_PHASE
        .into_iter()
        .chain(TRANSITIONS.iter().map(|(_, kind, _)| *kind))
        .collect()
}
