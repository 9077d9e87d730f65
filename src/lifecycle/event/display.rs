//! Events in words: one line per event for timelines, written per subdomain as `decide`
//! and `evolve` are.

use std::fmt::{self, Formatter};

use chrono::{DateTime, Timelike as _, Utc};

use super::{wire, Declared, Event};
use crate::lifecycle::timer::Overdue;
use crate::lifecycle::DisclosureBasis;
use crate::regulation::{AlertKind, ClockAlert};
use crate::{
    classify::ImpactUpdate, comms::Channel, comms::InquiryTopic, comms::SurveyResponse,
    compensation::ClaimAssessment, compensation::ClaimResponse, compensation::Remedy, id::ClaimId,
    id::CustomerRef, id::InquiryId, id::ProgramId, Money,
};

/// One line in words, for timelines: `severity changed SEV1 → SEV2: scope confirmed`.
///
/// Each subdomain's events have their own function, as `decide` and `evolve` dispatch per
/// subdomain (triage, evidence, actions, regulatory clocks and the timer, feedback,
/// notices, findings, claims, phases).
impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::IncidentDeclared(_)
            | Self::SeverityChanged { .. }
            | Self::KindChanged { .. }
            | Self::GbtClassified { .. }
            | Self::ImpactUpdated { .. }
            | Self::OccurrenceRecorded { .. }
            | Self::RoleAssigned { .. }
            | Self::RoleUnassigned { .. }
            | Self::SubStatusSet { .. }
            | Self::NoteAdded { .. } => self.fmt_triage(f),
            Self::EvidenceAdded(_) | Self::CustodyRecorded(_) => self.fmt_evidence(f),
            Self::ActionAdded(_)
            | Self::ActionUpdated(_)
            | Self::ActionStarted { .. }
            | Self::ActionCompleted { .. }
            | Self::ActionDeferred { .. } => self.fmt_actions(f),
            Self::MilestoneRecorded { .. }
            | Self::DeterminationRecorded { .. }
            | Self::GradeRecorded { .. }
            | Self::ReportFiled(_)
            | Self::ObligationWaived { .. }
            | Self::DeadlineDeferred { .. }
            | Self::ClockAlerted(_) => self.fmt_regulatory(f),
            Self::OverdueRecorded(overdue) => overdue_recorded(f, overdue),
            Self::InquiryReceived { .. }
            | Self::InquiryResponded { .. }
            | Self::InquiryResolved { .. }
            | Self::SurveyResponseRecorded(_) => self.fmt_feedback(f),
            Self::NoticeDrafted(_)
            | Self::NoticeApproved { .. }
            | Self::NoticeSent { .. }
            | Self::DeliveryReceiptRecorded(_)
            | Self::NoticeCancelled { .. }
            | Self::NoticeRevised(_)
            | Self::FactRecorded(_)
            | Self::CommsPlanAdopted { .. } => self.fmt_notices(f),
            Self::PlaybookActivated {
                pin, roles_to_fill, ..
            } => {
                write!(f, "playbook {}@v{} activated", pin.playbook, pin.version)?;
                if !roles_to_fill.is_empty() {
                    let roles: Vec<&str> = roles_to_fill.iter().map(|r| r.as_str()).collect();
                    write!(f, "; roles to fill: {}", roles.join(", "))?;
                }
                Ok(())
            }
            Self::FindingRecorded(x) => {
                write!(
                    f,
                    "finding {} ({}): {}",
                    x.finding_id,
                    wire(&x.kind),
                    x.summary
                )
            }
            Self::CompensationProgramOpened { .. }
            | Self::CompensationNotApplicable { .. }
            | Self::ClaimAssessed { .. }
            | Self::CompensationProgramAmended { .. }
            | Self::AssessmentOverrideProposed { .. }
            | Self::AssessmentOverrideApproved { .. }
            | Self::ClaimReviewed { .. }
            | Self::ClaimPaymentFailed { .. }
            | Self::RecoveryRecorded { .. }
            | Self::SettlementOffered { .. }
            | Self::ClaimResponseRecorded { .. }
            | Self::ClaimSettled { .. }
            | Self::ClaimPaid { .. }
            | Self::ClaimEscalated { .. }
            | Self::ClaimRejected { .. }
            | Self::BudgetAllocated { .. } => self.fmt_claims(f),
            Self::Contained { .. }
            | Self::Disclosed { .. }
            | Self::Remediated {}
            | Self::Reviewed {}
            | Self::Closed {}
            | Self::Dismissed { .. } => self.fmt_phases(f),
            Self::PaymentReversalRequested { .. }
            | Self::PaymentReversalConfirmed { .. }
            | Self::PaymentReversalWithdrawn { .. }
            | Self::ClaimDeclaredUnclaimed { .. }
            | Self::ClaimReopened { .. }
            | Self::ClaimAppealed { .. }
            | Self::ClaimAppealResolved { .. } => self.fmt_aftercare(f),
        }
    }
}

impl Event {
    /// The line for a triage event: the declaration, severity, kind, impact, occurrence,
    /// roles, sub-status and notes.
    fn fmt_triage(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::IncidentDeclared(d) => declared(f, d),
            Self::SeverityChanged { from, to, reason } => {
                write!(f, "severity changed {from} → {to}: {reason}")
            }
            Self::KindChanged { from, to, reason } => {
                write!(f, "reclassified {from} → {to}: {reason}")
            }
            Self::GbtClassified {
                classification,
                basis,
            } => match classification.subcategory {
                Some(sub) => write!(
                    f,
                    "GB/T 20986 classification {} / {sub}: {basis}",
                    classification.category
                ),
                None => write!(
                    f,
                    "GB/T 20986 classification {}: {basis}",
                    classification.category
                ),
            },
            Self::ImpactUpdated { update, reason } => impact_updated(f, update, reason.as_deref()),
            Self::OccurrenceRecorded {
                occurred_at,
                estimated,
            } => {
                let estimate = if *estimated { " (estimate)" } else { "" };
                write!(f, "occurred at {}{estimate}", utc(occurred_at))
            }
            Self::RoleAssigned { role, person } => write!(f, "{person} is now {role}"),
            Self::RoleUnassigned { role } => write!(f, "{role} role vacated"),
            Self::SubStatusSet { sub_status } => match sub_status {
                Some(s) => write!(f, "sub-status: {s}"),
                None => f.write_str("sub-status cleared"),
            },
            Self::NoteAdded { text } => write!(f, "note: {text}"),
            other => other.fmt_elsewhere(f),
        }
    }

    /// The line for an event of evidence and its chain of custody.
    fn fmt_evidence(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
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
            other => other.fmt_elsewhere(f),
        }
    }

    /// The line for an event of response actions.
    fn fmt_actions(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::ActionAdded(a) => {
                write!(
                    f,
                    "{} action {} added: {}",
                    wire(&a.kind),
                    a.action_id,
                    a.title
                )
            }
            Self::ActionUpdated(a) => write!(f, "action {} updated", a.action_id),
            Self::ActionStarted { action_id } => write!(f, "action {action_id} started"),
            Self::ActionCompleted { action_id, .. } => write!(f, "action {action_id} done"),
            Self::ActionDeferred { action_id, reason } => {
                write!(f, "action {action_id} deferred: {reason}")
            }
            other => other.fmt_elsewhere(f),
        }
    }

    /// The line for an event of the regulatory clocks: milestones, determinations, grades,
    /// filings and alerts.
    fn fmt_regulatory(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::MilestoneRecorded { milestone, at } => {
                write!(f, "{milestone} recorded at {}", utc(at))
            }
            Self::DeterminationRecorded {
                fact, value, basis, ..
            } => {
                let value = if *value { "yes" } else { "no" };
                write!(f, "determined `{fact}`: {value} ({basis})")
            }
            Self::GradeRecorded { grade, basis, .. } => {
                write!(f, "graded {} ({}): {basis}", grade.zh(), grade.as_str())
            }
            Self::ObligationWaived {
                regime,
                report,
                legal_basis,
            } => write!(f, "{regime} / {report} not owed: {legal_basis}"),
            Self::DeadlineDeferred {
                regime,
                report,
                authority,
                until,
                ..
            } => write!(
                f,
                "{regime} / {report} deferred by {authority} until {}",
                utc(until)
            ),
            Self::ReportFiled(filing) => write!(
                f,
                "{} / {} filed at {}",
                filing.regime,
                filing.report,
                utc(&filing.submitted_at)
            ),
            Self::ClockAlerted(alert) => clock_alerted(f, alert),
            other => other.fmt_elsewhere(f),
        }
    }

    /// The line for an event of feedback: inquiries and surveys.
    fn fmt_feedback(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::InquiryReceived {
                inquiry_id,
                channel,
                topic,
                customer,
                ..
            } => inquiry_received(f, inquiry_id, channel, *topic, customer.as_ref()),
            Self::InquiryResponded {
                inquiry_id,
                responded_at,
            } => write!(f, "inquiry {inquiry_id} answered at {}", utc(responded_at)),
            Self::InquiryResolved {
                inquiry_id, note, ..
            } => match note {
                Some(note) => write!(f, "inquiry {inquiry_id} resolved: {note}"),
                None => write!(f, "inquiry {inquiry_id} resolved"),
            },
            Self::SurveyResponseRecorded(r) => survey_response(f, r),
            other => other.fmt_elsewhere(f),
        }
    }

    /// The line for an event of notices, facts and the communication plan.
    fn fmt_notices(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
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
            Self::DeliveryReceiptRecorded(r) => write!(
                f,
                "notice {} to {} by {}: {}",
                r.notice_id,
                r.recipient,
                r.channel.as_str(),
                wire(&r.outcome)
            ),
            Self::NoticeCancelled { notice_id, reason } => {
                write!(f, "notice {notice_id} cancelled: {reason}")
            }
            Self::NoticeRevised(r) => write!(
                f,
                "notice {} revised ({} elements, {} facts): {}",
                r.notice_id,
                r.elements.len(),
                r.facts.len(),
                r.note
            ),
            Self::FactRecorded(fact) => {
                write!(f, "fact {} recorded ({})", fact.key, fact.sensitivity)
            }
            Self::CommsPlanAdopted { plan } => {
                write!(f, "communication plan adopted ({} items)", plan.items.len())
            }
            other => other.fmt_elsewhere(f),
        }
    }

    /// The line for an event of compensation programs and claims.
    fn fmt_claims(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::CompensationProgramOpened {
                program_id,
                policy,
                budget,
                ..
            } => program_opened(f, program_id, policy, budget.as_ref()),
            Self::CompensationNotApplicable { reason } => {
                write!(f, "compensation not applicable: {reason}")
            }
            Self::ClaimAssessed {
                claim_id,
                customer,
                assessment,
                ..
            } => claim_assessed(f, claim_id, customer, assessment),
            Self::CompensationProgramAmended {
                program_id,
                budget,
                claims_close_at,
                pin,
                reason,
                ..
            } => {
                write!(f, "compensation program {program_id} amended")?;
                if let Some(budget) = budget {
                    write!(f, ", budget {budget}")?;
                }
                if let Some(close) = claims_close_at {
                    write!(f, ", claims close {}", utc(close))?;
                }
                if let Some(pin) = pin {
                    write!(f, ", policy {}", pin.policy)?;
                }
                write!(f, ": {reason}")
            }
            Self::AssessmentOverrideProposed {
                claim_id,
                cash,
                reason,
                ..
            } => write!(
                f,
                "override of claim {claim_id}'s assessment proposed: {cash} ({reason})"
            ),
            Self::AssessmentOverrideApproved { claim_id } => {
                write!(f, "override of claim {claim_id}'s assessment approved")
            }
            Self::ClaimReviewed { claim_id, note } => {
                write!(f, "claim {claim_id} reviewed: {note}")
            }
            Self::RecoveryRecorded {
                claim_id,
                source,
                amount,
                reference,
            } => write!(
                f,
                "claim {claim_id}: {amount} recovered from {source} (ref {reference})"
            ),
            Self::ClaimPaymentFailed { claim_id, reason } => {
                write!(f, "payment of claim {claim_id} failed: {reason}")
            }
            Self::SettlementOffered {
                claim_id,
                amount,
                remedies,
                valid_until,
            } => {
                settlement_offered(f, claim_id, amount, remedies)?;
                match valid_until {
                    Some(until) => write!(f, ", valid until {}", utc(until)),
                    None => Ok(()),
                }
            }
            Self::ClaimResponseRecorded { claim_id, response } => {
                claim_response(f, claim_id, response)
            }
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
            Self::BudgetAllocated {
                program_id,
                allocation,
            } => write!(
                f,
                "program {program_id}'s budget allocated: {} shared over {} claims ({}), {} unallocated",
                allocation.pool,
                allocation.shares.len(),
                crate::lifecycle::event::wire(&allocation.coverage),
                allocation.unallocated
            ),
            other => other.fmt_elsewhere(f),
        }
    }

    /// The line for an event of phase transitions.
    fn fmt_phases(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::Contained { contained_at } => {
                write!(f, "contained (effective {})", utc(contained_at))
            }
            Self::Disclosed { basis } => match basis {
                DisclosureBasis::PublicNotice { notice_id } => {
                    write!(f, "disclosed by notice {notice_id}")
                }
                DisclosureBasis::NotRequired { legal_basis } => {
                    write!(f, "public disclosure not required: {legal_basis}")
                }
            },
            Self::Remediated {} => f.write_str("remediated"),
            Self::Reviewed {} => f.write_str("reviewed"),
            Self::Closed {} => f.write_str("closed"),
            Self::Dismissed { rationale } => write!(f, "dismissed: {rationale}"),
            other => other.fmt_elsewhere(f),
        }
    }

    /// The line for an event about a claim after payment.
    fn fmt_aftercare(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::PaymentReversalRequested {
                claim_id,
                reason,
                note,
            } => write!(
                f,
                "reversal of claim {claim_id}'s payment requested ({reason}): {note}"
            ),
            Self::PaymentReversalConfirmed { claim_id, amount } => write!(
                f,
                "reversal of claim {claim_id}'s payment confirmed: {amount} came back; the claim is payable again"
            ),
            Self::PaymentReversalWithdrawn { claim_id, reason } => {
                write!(f, "reversal of claim {claim_id}'s payment withdrawn: {reason}")
            }
            Self::ClaimDeclaredUnclaimed {
                claim_id,
                amount,
                payable_since,
                held_at,
            } => write!(
                f,
                "claim {claim_id}: {amount} payable since {} declared unclaimed, held at {held_at}",
                utc(payable_since)
            ),
            Self::ClaimReopened {
                claim_id,
                assessment,
                new_evidence,
                ..
            } => write!(
                f,
                "claim {claim_id} reopened on new evidence ({new_evidence}): {} under {}",
                assessment.cash, assessment.policy
            ),
            Self::ClaimAppealed {
                claim_id,
                channel,
                reference,
            } => write!(f, "claim {claim_id} appealed ({channel}): {reference}"),
            Self::ClaimAppealResolved {
                claim_id,
                channel,
                outcome,
                note,
            } => write!(
                f,
                "claim {claim_id}'s appeal ({channel}) {outcome}: {note}"
            ),
            other => other.fmt_elsewhere(f),
        }
    }

    /// An event another subdomain's function writes: the dispatch in `fmt` sends none
    /// here, but every function is total, so it writes the event's name.
    fn fmt_elsewhere(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A time to the minute, in UTC, as timelines print it.
fn utc(at: &DateTime<Utc>) -> impl fmt::Display + '_ {
    at.format("%Y-%m-%d %H:%M UTC")
}

/// A due time in UTC, as [`utc`] prints it, except that midnight reads as 24:00 of the day
/// it ends: the one rule of `locale` (`deadline_wall`).
fn utc_due(at: &DateTime<Utc>) -> String {
    let (wall, hour) = crate::locale::deadline_wall(at.naive_utc(), true);
    format!(
        "{} {hour:02}:{:02} UTC",
        wall.format("%Y-%m-%d"),
        wall.minute()
    )
}

// --- triage -------------------------------------------------------------------------------

fn declared(f: &mut Formatter<'_>, d: &Declared) -> fmt::Result {
    write!(
        f,
        "declared {} \"{}\" ({}, detected by {} at {}), owner {}{}",
        d.kind,
        d.title,
        d.severity,
        wire(&d.detection_source),
        utc(&d.detected_at),
        d.owner,
        if d.exercise { " [exercise]" } else { "" }
    )
}

/// What an impact update changed, field by field, and why.
fn impact_updated(
    f: &mut Formatter<'_>,
    update: &ImpactUpdate,
    reason: Option<&str>,
) -> fmt::Result {
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
    if let Some(a) = &update.assets {
        parts.push(format!("{} asset kinds", a.len()));
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

// --- regulatory clocks and the timer --------------------------------------------------------

fn clock_alerted(f: &mut Formatter<'_>, alert: &ClockAlert) -> fmt::Result {
    match alert.kind {
        AlertKind::Reminder { fraction_bp } => write!(
            f,
            "reminder: {} / {} at {}% of its window, due {}",
            alert.regime,
            alert.report,
            fraction_bp / 100,
            utc_due(&alert.due_at)
        ),
        AlertKind::Missed {} => write!(
            f,
            "DEADLINE MISSED: {} / {} was due {}",
            alert.regime,
            alert.report,
            utc_due(&alert.due_at)
        ),
    }
}

fn overdue_recorded(f: &mut Formatter<'_>, overdue: &Overdue) -> fmt::Result {
    match overdue {
        Overdue::Action { action_id, due_at } => {
            write!(f, "OVERDUE: action {action_id} was due {}", utc_due(due_at))
        }
        Overdue::Message {
            plan_item,
            occurrence,
            due_at,
        } => write!(
            f,
            "OVERDUE: planned message {plan_item} (#{occurrence}) was due {}",
            utc_due(due_at)
        ),
    }
}

// --- feedback -------------------------------------------------------------------------------

fn inquiry_received(
    f: &mut Formatter<'_>,
    inquiry_id: &InquiryId,
    channel: &Channel,
    topic: InquiryTopic,
    customer: Option<&CustomerRef>,
) -> fmt::Result {
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

fn survey_response(f: &mut Formatter<'_>, r: &SurveyResponse) -> fmt::Result {
    let mut scores = Vec::new();
    if let Some(csat) = r.csat {
        scores.push(format!("CSAT {csat}/5"));
    }
    if let Some(nps) = r.nps {
        scores.push(format!("NPS {nps}/10"));
    }
    write!(f, "survey response {}: {}", r.id, scores.join(", "))
}

// --- compensation and claims ----------------------------------------------------------------

fn program_opened(
    f: &mut Formatter<'_>,
    program_id: &ProgramId,
    policy: &str,
    budget: Option<&Money>,
) -> fmt::Result {
    write!(f, "compensation program {program_id} opened under {policy}")?;
    match budget {
        Some(budget) => write!(f, ", budget {budget}"),
        None => Ok(()),
    }
}

fn claim_assessed(
    f: &mut Formatter<'_>,
    claim_id: &ClaimId,
    customer: &CustomerRef,
    assessment: &ClaimAssessment,
) -> fmt::Result {
    write!(
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
    )
}

fn settlement_offered(
    f: &mut Formatter<'_>,
    claim_id: &ClaimId,
    amount: &Money,
    remedies: &[Remedy],
) -> fmt::Result {
    write!(f, "settlement offered on claim {claim_id}: {amount}")?;
    for remedy in remedies {
        write!(f, " + {remedy}")?;
    }
    Ok(())
}

fn claim_response(
    f: &mut Formatter<'_>,
    claim_id: &ClaimId,
    response: &ClaimResponse,
) -> fmt::Result {
    match response {
        ClaimResponse::Accepted {} => write!(f, "claim {claim_id}: offer accepted"),
        ClaimResponse::Countered { amount, note } => {
            write!(f, "claim {claim_id}: offer countered with {amount}")?;
            match note {
                Some(note) => write!(f, " ({note})"),
                None => Ok(()),
            }
        }
    }
}
