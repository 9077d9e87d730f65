use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::timer::Overdue;
use super::DisclosureBasis;
use crate::comms::FactSeal;
use crate::id::FactKey;
use crate::phase::Role;
use crate::regulation::{AlertKind, ClockAlert, CnGrade, Filing, Milestone};
use crate::{
    actions::ActionChanges, actions::NewAction, classify::Impact, classify::ImpactUpdate,
    comms::Channel, comms::CommsPlan, comms::Fact, comms::InquiryTopic, comms::NoticeDraft,
    comms::SurveyResponse, compensation::ClaimAssessment, compensation::ClaimResponse,
    compensation::PolicyPin, compensation::Remedy, evidence::CustodyRecord, evidence::NewEvidence,
    findings::Finding, id::ActionId, id::ClaimId, id::CustomerRef, id::FactName, id::InquiryId,
    id::NoticeId, id::ProgramId, id::SubStatus, ActorId, DetectionSource, IncidentKind, Money,
    Severity,
};

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
    },
    /// A regulatory report was submitted.
    #[serde(rename = "report_filed")]
    ReportFiled(Filing),
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
        /// approver saw it (`null`: not recorded then). Empty in approvals written before
        /// approvals were bound.
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
    Remediated,
    /// The review was completed.
    #[serde(rename = "reviewed")]
    Reviewed,
    /// The incident was closed.
    #[serde(rename = "closed")]
    Closed,
    /// The incident was dismissed as a false positive.
    #[serde(rename = "dismissed")]
    Dismissed {
        /// Why.
        rationale: String,
    },
}

impl Event {
    /// The event's stable JSON tag, e.g. `incident_declared`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::IncidentDeclared(_) => "incident_declared",
            Self::SeverityChanged { .. } => "severity_changed",
            Self::KindChanged { .. } => "kind_changed",
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
            Self::ClockAlerted(_) => "clock_alert",
            Self::OverdueRecorded(_) => "overdue_recorded",
            Self::InquiryReceived { .. } => "inquiry_received",
            Self::InquiryResponded { .. } => "inquiry_responded",
            Self::InquiryResolved { .. } => "inquiry_resolved",
            Self::SurveyResponseRecorded(_) => "survey_response_recorded",
            Self::NoticeDrafted(_) => "notice_drafted",
            Self::NoticeApproved { .. } => "notice_approved",
            Self::NoticeSent { .. } => "notice_sent",
            Self::NoticeCancelled { .. } => "notice_cancelled",
            Self::FactRecorded(_) => "fact_recorded",
            Self::CommsPlanAdopted { .. } => "comms_plan_adopted",
            Self::FindingRecorded(_) => "finding_recorded",
            Self::CompensationProgramOpened { .. } => "compensation_program_opened",
            Self::CompensationNotApplicable { .. } => "compensation_not_applicable",
            Self::ClaimAssessed { .. } => "claim_assessed",
            Self::SettlementOffered { .. } => "settlement_offered",
            Self::ClaimResponseRecorded { .. } => "claim_response_recorded",
            Self::ClaimSettled { .. } => "claim_settled",
            Self::ClaimPaid { .. } => "claim_paid",
            Self::ClaimEscalated { .. } => "claim_escalated",
            Self::ClaimRejected { .. } => "claim_rejected",
            Self::Contained { .. } => "contained",
            Self::Disclosed { .. } => "disclosed",
            Self::Remediated => "remediated",
            Self::Reviewed => "reviewed",
            Self::Closed => "closed",
            Self::Dismissed { .. } => "dismissed",
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

/// One line in words, for timelines: `severity changed SEV1 → SEV2: scope confirmed`.
impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::IncidentDeclared(d) => write!(
                f,
                "declared {} \"{}\" ({}, detected by {} at {}), owner {}{}",
                d.kind,
                d.title,
                d.severity,
                wire(&d.detection_source),
                d.detected_at.format("%Y-%m-%d %H:%M UTC"),
                d.owner,
                if d.exercise { " [exercise]" } else { "" }
            ),
            Self::SeverityChanged { from, to, reason } => {
                write!(f, "severity changed {from} → {to}: {reason}")
            }
            Self::KindChanged { from, to, reason } => {
                write!(f, "reclassified {from} → {to}: {reason}")
            }
            Self::ImpactUpdated { update, reason } => {
                let mut parts = Vec::new();
                if let Some(n) = update.people_estimated {
                    parts.push(format!("people estimated {n}"));
                }
                if let Some(n) = update.people_confirmed {
                    parts.push(format!("people confirmed {n}"));
                }
                if let Some(n) = update.records {
                    parts.push(format!("records {n}"));
                }
                if let Some(c) = &update.data_categories {
                    parts.push(format!("{} data categories", c.len()));
                }
                if let Some(m) = &update.funds_involved {
                    parts.push(format!("funds involved {m}"));
                }
                if let Some(s) = &update.systems {
                    parts.push(format!("{} systems", s.len()));
                }
                if let Some(j) = &update.jurisdictions {
                    let codes: Vec<&str> = j.iter().map(|j| j.as_str()).collect();
                    parts.push(format!("jurisdictions {}", codes.join(" ")));
                }
                if let Some(l) = &update.losses {
                    parts.push(format!("{} losses", l.len()));
                }
                write!(f, "impact updated: {}", parts.join(", "))?;
                match reason {
                    Some(r) => write!(f, " ({r})"),
                    None => Ok(()),
                }
            }
            Self::OccurrenceRecorded {
                occurred_at,
                estimated,
            } => write!(
                f,
                "occurred at {}{}",
                occurred_at.format("%Y-%m-%d %H:%M UTC"),
                if *estimated { " (estimate)" } else { "" }
            ),
            Self::RoleAssigned { role, person } => write!(f, "{person} is now {role}"),
            Self::RoleUnassigned { role } => write!(f, "{role} role vacated"),
            Self::SubStatusSet { sub_status } => match sub_status {
                Some(s) => write!(f, "sub-status: {s}"),
                None => f.write_str("sub-status cleared"),
            },
            Self::EvidenceAdded(e) => write!(
                f,
                "evidence {} collected by {}: {} (kept at {})",
                e.evidence_id, e.collected_by, e.description, e.location
            ),
            Self::CustodyRecorded(r) => write!(
                f,
                "evidence {} {} by {} → {}",
                r.evidence_id,
                wire(&r.entry.action),
                r.entry.by,
                r.entry.location
            ),
            Self::ActionAdded(a) => write!(
                f,
                "{} action {} added: {}",
                wire(&a.kind),
                a.action_id,
                a.title
            ),
            Self::ActionUpdated(a) => write!(f, "action {} updated", a.action_id),
            Self::ActionStarted { action_id } => write!(f, "action {action_id} started"),
            Self::ActionCompleted { action_id, .. } => write!(f, "action {action_id} done"),
            Self::ActionDeferred { action_id, reason } => {
                write!(f, "action {action_id} deferred: {reason}")
            }
            Self::NoteAdded { text } => write!(f, "note: {text}"),
            Self::MilestoneRecorded { milestone, at } => {
                write!(
                    f,
                    "{milestone} recorded at {}",
                    at.format("%Y-%m-%d %H:%M UTC")
                )
            }
            Self::DeterminationRecorded {
                fact, value, basis, ..
            } => write!(
                f,
                "determined `{fact}`: {} ({basis})",
                if *value { "yes" } else { "no" }
            ),
            Self::GradeRecorded { grade, basis, .. } => {
                write!(f, "graded {} ({}): {basis}", grade.zh(), grade.as_str())
            }
            Self::ReportFiled(filing) => write!(
                f,
                "{} / {} filed at {}",
                filing.regime,
                filing.report,
                filing.submitted_at.format("%Y-%m-%d %H:%M UTC")
            ),
            Self::ClockAlerted(alert) => match alert.kind {
                AlertKind::Reminder { fraction_bp } => write!(
                    f,
                    "reminder: {} / {} at {}% of its window, due {}",
                    alert.regime,
                    alert.report,
                    fraction_bp / 100,
                    alert.due_at.format("%Y-%m-%d %H:%M UTC")
                ),
                AlertKind::Missed => write!(
                    f,
                    "DEADLINE MISSED: {} / {} was due {}",
                    alert.regime,
                    alert.report,
                    alert.due_at.format("%Y-%m-%d %H:%M UTC")
                ),
            },
            Self::OverdueRecorded(Overdue::Action { action_id, due_at }) => write!(
                f,
                "OVERDUE: action {action_id} was due {}",
                due_at.format("%Y-%m-%d %H:%M UTC")
            ),
            Self::OverdueRecorded(Overdue::Message {
                plan_item,
                occurrence,
                due_at,
            }) => write!(
                f,
                "OVERDUE: planned message {plan_item} (#{occurrence}) was due {}",
                due_at.format("%Y-%m-%d %H:%M UTC")
            ),
            Self::InquiryReceived {
                inquiry_id,
                channel,
                topic,
                customer,
                ..
            } => {
                write!(
                    f,
                    "inquiry {inquiry_id} received by {} about {topic}",
                    wire(channel)
                )?;
                match customer {
                    Some(c) => write!(f, " from customer {c}"),
                    None => Ok(()),
                }
            }
            Self::InquiryResponded {
                inquiry_id,
                responded_at,
            } => write!(
                f,
                "inquiry {inquiry_id} answered at {}",
                responded_at.format("%Y-%m-%d %H:%M UTC")
            ),
            Self::InquiryResolved {
                inquiry_id, note, ..
            } => match note {
                Some(note) => write!(f, "inquiry {inquiry_id} resolved: {note}"),
                None => write!(f, "inquiry {inquiry_id} resolved"),
            },
            Self::SurveyResponseRecorded(r) => {
                let mut scores = Vec::new();
                if let Some(csat) = r.csat {
                    scores.push(format!("CSAT {csat}/5"));
                }
                if let Some(nps) = r.nps {
                    scores.push(format!("NPS {nps}/10"));
                }
                write!(f, "survey response {}: {}", r.id, scores.join(", "))
            }
            Self::NoticeDrafted(n) => write!(
                f,
                "notice {} drafted: {} for {}",
                n.notice_id,
                wire(&n.kind),
                wire(&n.audience)
            ),
            Self::NoticeApproved { notice_id, bound } => write!(
                f,
                "notice {notice_id} approved ({} facts bound)",
                bound.len()
            ),
            Self::NoticeSent { notice_id, .. } => write!(f, "notice {notice_id} sent"),
            Self::NoticeCancelled { notice_id, reason } => {
                write!(f, "notice {notice_id} cancelled: {reason}")
            }
            Self::FactRecorded(fact) => {
                write!(f, "fact {} recorded ({})", fact.key, fact.sensitivity)
            }
            Self::CommsPlanAdopted { plan } => {
                write!(f, "communication plan adopted ({} items)", plan.items.len())
            }
            Self::FindingRecorded(x) => write!(
                f,
                "finding {} ({}): {}",
                x.finding_id,
                wire(&x.kind),
                x.summary
            ),
            Self::CompensationProgramOpened {
                program_id,
                policy,
                budget,
                ..
            } => {
                write!(f, "compensation program {program_id} opened under {policy}")?;
                match budget {
                    Some(budget) => write!(f, ", budget {budget}"),
                    None => Ok(()),
                }
            }
            Self::CompensationNotApplicable { reason } => {
                write!(f, "compensation not applicable: {reason}")
            }
            Self::ClaimAssessed {
                claim_id,
                customer,
                assessment,
                ..
            } => write!(
                f,
                "claim {claim_id} (customer {customer}) assessed under {}: {} cash, {} remedies{}",
                assessment.policy,
                assessment.cash,
                assessment.remedies.len(),
                if assessment.needs_manual_review {
                    ", needs manual review"
                } else {
                    ""
                }
            ),
            Self::SettlementOffered {
                claim_id,
                amount,
                remedies,
            } => {
                write!(f, "settlement offered on claim {claim_id}: {amount}")?;
                for remedy in remedies {
                    write!(f, " + {remedy}")?;
                }
                Ok(())
            }
            Self::ClaimResponseRecorded { claim_id, response } => match response {
                ClaimResponse::Accepted => write!(f, "claim {claim_id}: offer accepted"),
                ClaimResponse::Countered { amount, note } => {
                    write!(f, "claim {claim_id}: offer countered with {amount}")?;
                    match note {
                        Some(note) => write!(f, " ({note})"),
                        None => Ok(()),
                    }
                }
            },
            Self::ClaimSettled { claim_id, amount } => {
                write!(f, "claim {claim_id} settled for {amount}")
            }
            Self::ClaimPaid {
                claim_id,
                amount,
                payment_reference,
                ..
            } => write!(
                f,
                "claim {claim_id} paid {amount} (ref {payment_reference})"
            ),
            Self::ClaimEscalated { claim_id, reason } => {
                write!(f, "claim {claim_id} escalated to legal: {reason}")
            }
            Self::ClaimRejected { claim_id, reason } => {
                write!(f, "claim {claim_id} rejected: {reason}")
            }
            Self::Contained { contained_at } => write!(
                f,
                "contained (effective {})",
                contained_at.format("%Y-%m-%d %H:%M UTC")
            ),
            Self::Disclosed { basis } => match basis {
                DisclosureBasis::PublicNotice { notice_id } => {
                    write!(f, "disclosed by notice {notice_id}")
                }
                DisclosureBasis::NotRequired { legal_basis } => {
                    write!(f, "public disclosure not required: {legal_basis}")
                }
            },
            Self::Remediated => f.write_str("remediated"),
            Self::Reviewed => f.write_str("reviewed"),
            Self::Closed => f.write_str("closed"),
            Self::Dismissed { rationale } => write!(f, "dismissed: {rationale}"),
        }
    }
}
