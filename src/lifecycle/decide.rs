//! The guards: turning a command into events, or into a rejection that lists every unmet
//! precondition at once.

use chrono::{DateTime, Utc};

use super::transitions::{allowed_commands, transition};
use super::{
    Command, CommandKind, Context, Declare, Declared, DisclosureBasis, Envelope, Event, Incident,
    Phase, Rejection, Role, Unmet,
};
use crate::chain::Digest;
use crate::comms::FactValue;
use crate::regulation::{AlertKind, Filing};
use crate::{
    assess_severity, ActionId, ActionKind, ActionStatus, Channel, ClaimCase, ClaimId,
    ClaimResponse, ClaimStatus, CompensationStance, Currency, Impact, ImpactUpdate, MessageKind,
    Money, MoneyError, NoticeId, NoticeStatus, PolicyPin, ProgramId, Remedy, SurveyError,
};

/// Longest title, in characters.
const MAX_TITLE: usize = 200;
/// Longest short text (reasons, locations, policy names), in characters.
const MAX_SHORT: usize = 2_000;
/// Longest long text (summaries, notes), in characters.
const MAX_LONG: usize = 20_000;

/// The claim statuses in which a claim is still being negotiated (not yet agreed).
const OPEN_CLAIM: &[ClaimStatus] = &[
    ClaimStatus::Assessed,
    ClaimStatus::Offered,
    ClaimStatus::Countered,
];

/// The claim statuses from which a claim can be handed to legal: not agreed yet, or agreed
/// but not settled (when the budget cannot take it, for instance).
const ESCALABLE_CLAIM: &[ClaimStatus] = &[
    ClaimStatus::Assessed,
    ClaimStatus::Offered,
    ClaimStatus::Countered,
    ClaimStatus::Accepted,
];

/// Collects unmet preconditions so that all of them are reported together.
#[derive(Default)]
struct Checks(Vec<Unmet>);

impl Checks {
    fn push(&mut self, unmet: Unmet) {
        self.0.push(unmet);
    }

    fn text(&mut self, field: &str, value: &str, hint: &str, max: usize) {
        if value.trim().is_empty() {
            self.push(Unmet::EmptyText {
                field: field.to_owned(),
                hint: hint.to_owned(),
            });
        } else {
            let len = value.chars().count();
            if len > max {
                self.push(Unmet::TextTooLong {
                    field: field.to_owned(),
                    len,
                    max,
                });
            }
        }
    }

    fn optional_text(&mut self, field: &str, value: Option<&String>, hint: &str, max: usize) {
        if let Some(value) = value {
            self.text(field, value, hint, max);
        }
    }

    fn not_future(&mut self, field: &str, value: DateTime<Utc>, now: DateTime<Utc>) {
        if value > now {
            self.push(Unmet::InTheFuture {
                field: field.to_owned(),
                value,
                now,
            });
        }
    }

    fn not_before(
        &mut self,
        field: &str,
        value: DateTime<Utc>,
        earlier_field: &str,
        earlier: DateTime<Utc>,
    ) {
        if value < earlier {
            self.push(Unmet::TimeOrder {
                field: field.to_owned(),
                value,
                earlier_field: earlier_field.to_owned(),
                earlier,
            });
        }
    }

    fn impact(&mut self, impact_funds: Option<&crate::Money>, losses: Option<&[crate::Loss]>) {
        if impact_funds.is_some_and(|m| m.is_negative()) {
            self.push(Unmet::Invalid {
                field: "funds_involved".to_owned(),
                problem:
                    "the amount is negative; record funds stolen or at risk as a positive amount"
                        .to_owned(),
            });
        }
        if losses
            .unwrap_or_default()
            .iter()
            .any(|l| l.amount.is_some_and(|m| m.is_negative()))
        {
            self.push(Unmet::Invalid {
                field: "losses".to_owned(),
                problem: "a loss amount is negative; record losses as positive amounts".to_owned(),
            });
        }
    }

    fn finish_many(
        self,
        command: CommandKind,
        phase: Option<Phase>,
        events: Vec<Event>,
    ) -> Result<Vec<Event>, Rejection> {
        if self.0.is_empty() {
            Ok(events)
        } else {
            Err(Rejection {
                command,
                phase,
                unmet: self.0,
            })
        }
    }

    /// An amount in the program currency.
    fn currency(&mut self, field: &str, amount: Money, expected: Currency) {
        if amount.currency() != expected {
            self.push(Unmet::WrongCurrency {
                field: field.to_owned(),
                amount,
                expected,
            });
        }
    }

    /// A non-negative amount in the program currency.
    fn amount(&mut self, field: &str, amount: Money, expected: Currency) {
        self.currency(field, amount, expected);
        if amount.is_negative() {
            self.push(Unmet::Invalid {
                field: field.to_owned(),
                problem: format!("{amount} is negative; amounts are zero or more"),
            });
        }
    }

    /// Services offered alongside a settlement: no cash (that is the offer's amount),
    /// durations of a month or more, insured amounts in the program currency.
    fn offered_services(&mut self, remedies: &[Remedy], currency: Currency) {
        for remedy in remedies {
            let problem = match remedy {
                Remedy::Reimburse { .. } | Remedy::Goodwill { .. } => Some(format!(
                    "{} is cash: put it in the offer's amount",
                    remedy.kind()
                )),
                Remedy::CreditMonitoring { months: 0 }
                | Remedy::FeeWaiver { months: 0 }
                | Remedy::IdentityTheftInsurance { months: 0, .. } => Some(format!(
                    "{} lasts 0 months; give at least one month",
                    remedy.kind()
                )),
                Remedy::IdentityTheftInsurance { coverage, .. } => {
                    self.currency("remedies", *coverage, currency);
                    (!coverage.is_positive())
                        .then(|| format!("insured amount {coverage} is not positive"))
                }
                _ => None,
            };
            if let Some(problem) = problem {
                self.push(Unmet::Invalid {
                    field: "remedies".to_owned(),
                    problem,
                });
            }
        }
    }

    /// An amount the program's totals can absorb.
    fn fits(&mut self, field: &str, added: Result<(), MoneyError>) {
        if let Err(e) = added {
            self.push(Unmet::Invalid {
                field: field.to_owned(),
                problem: format!("the program's totals cannot take this amount ({e})"),
            });
        }
    }

    fn finish(
        self,
        command: CommandKind,
        phase: Option<Phase>,
        event: Event,
    ) -> Result<Vec<Event>, Rejection> {
        if self.0.is_empty() {
            Ok(vec![event])
        } else {
            Err(Rejection {
                command,
                phase,
                unmet: self.0,
            })
        }
    }
}

fn unknown(entity: &str, id: &dyn std::fmt::Display) -> Unmet {
    Unmet::UnknownId {
        entity: entity.to_owned(),
        id: id.to_string(),
    }
}

fn duplicate(entity: &str, id: &dyn std::fmt::Display) -> Unmet {
    Unmet::DuplicateId {
        entity: entity.to_owned(),
        id: id.to_string(),
    }
}

fn no_change(what: impl Into<String>) -> Unmet {
    Unmet::NoChange { what: what.into() }
}

impl Declare {
    /// The Detect guard: how, when, how bad and who. Returns the declaration event.
    fn decide(&self, ctx: &Context) -> Result<Vec<Event>, Rejection> {
        let mut c = Checks::default();
        c.text(
            "title",
            &self.title,
            "a short title for the incident",
            MAX_TITLE,
        );
        c.optional_text(
            "summary",
            self.summary.as_ref(),
            "a summary or leave it out",
            MAX_LONG,
        );
        c.impact(
            self.impact.funds_involved.as_ref(),
            Some(&self.impact.losses),
        );
        if self.detection_source.is_none() {
            c.push(Unmet::Missing {
                field: "detection_source".to_owned(),
                hint: "say how the incident was found (monitoring, log review, network traffic, customer report, third party, law enforcement, media, …)".to_owned(),
            });
        }
        match self.detected_at {
            None => c.push(Unmet::Missing {
                field: "detected_at".to_owned(),
                hint: "give the time the incident was detected".to_owned(),
            }),
            Some(detected) => {
                c.not_future("detected_at", detected, ctx.at());
                if let Some(occurred) = self.occurred_at {
                    c.not_before("detected_at", detected, "occurred_at", occurred);
                }
            }
        }
        if let Some(occurred) = self.occurred_at {
            c.not_future("occurred_at", occurred, ctx.at());
        }
        match self.severity {
            None => c.push(Unmet::Missing {
                field: "severity".to_owned(),
                hint: format!(
                    "give an initial severity; the default rule suggests {} for the facts given",
                    assess_severity(self.kind, &self.impact).severity
                ),
            }),
            Some(chosen) => {
                let assessed = assess_severity(self.kind, &self.impact);
                let reason_given = self
                    .severity_reason
                    .as_ref()
                    .is_some_and(|r| !r.trim().is_empty());
                if assessed.severity.is_worse_than(chosen) && !reason_given {
                    c.push(Unmet::SeverityBelowAssessment {
                        chosen,
                        assessed: assessed.severity,
                        rule: assessed.reason,
                    });
                }
            }
        }
        c.optional_text(
            "severity_reason",
            self.severity_reason.as_ref(),
            "the reason or leave it out",
            MAX_SHORT,
        );
        if self.owner.is_none() {
            c.push(Unmet::Missing {
                field: "owner".to_owned(),
                hint: "name the accountable incident owner".to_owned(),
            });
        }
        let (Some(detection_source), Some(detected_at), Some(severity), Some(owner)) = (
            self.detection_source,
            self.detected_at,
            self.severity,
            self.owner.clone(),
        ) else {
            return Err(Rejection {
                command: CommandKind::Declare,
                phase: None,
                unmet: c.0,
            });
        };
        let event = Event::IncidentDeclared(Declared {
            kind: self.kind,
            title: self.title.clone(),
            summary: self.summary.clone(),
            detection_source,
            detected_at,
            occurred_at: self.occurred_at,
            occurred_at_estimated: self.occurred_at_estimated,
            severity,
            severity_reason: self.severity_reason.clone(),
            owner,
            exercise: self.exercise,
            impact: self.impact.clone(),
        });
        c.finish(CommandKind::Declare, None, event)
    }
}

/// Seals events into envelopes after `head`, numbering from `version + 1`.
fn seal(
    id: crate::IncidentId,
    version: u64,
    head: Digest,
    ctx: &Context,
    command: CommandKind,
    phase: Option<Phase>,
    events: Vec<Event>,
) -> Result<Vec<Envelope>, Rejection> {
    let mut prev = head;
    let mut sequence = version;
    let mut out = Vec::with_capacity(events.len());
    let reject = |unmet| Rejection {
        command,
        phase,
        unmet: vec![unmet],
    };
    for event in events {
        sequence = sequence.checked_add(1).ok_or_else(|| {
            reject(Unmet::Invalid {
                field: "version".to_owned(),
                problem: "the incident's log has reached the largest sequence number".to_owned(),
            })
        })?;
        let envelope = Envelope::seal(id, sequence, ctx.at(), ctx.actor().clone(), event, prev)
            .map_err(|e| {
                reject(Unmet::Unencodable {
                    detail: e.to_string(),
                })
            })?;
        prev = envelope.digest();
        out.push(envelope);
    }
    Ok(out)
}

impl Incident {
    /// Checks a declaration against the Detect guard and returns the first envelope of the
    /// new incident's log (sequence 1, chained from the genesis digest). Append it with
    /// expected version 0, then [`replay`](Incident::replay) it to get the state.
    ///
    /// # Errors
    /// A [`Rejection`] listing every missing or invalid field.
    pub fn declare(declare: &Declare, ctx: &Context) -> Result<Vec<Envelope>, Rejection> {
        let events = declare.decide(ctx)?;
        let id = declare.incident_id;
        seal(
            id,
            0,
            Digest::genesis(id),
            ctx,
            CommandKind::Declare,
            None,
            events,
        )
    }

    /// The pure decision: the events `command` produces in the current state, or a
    /// rejection naming every unmet precondition. Nothing changes.
    ///
    /// # Errors
    /// A [`Rejection`]: the command is not accepted in this phase (with the commands that
    /// are), or its guard is not met.
    pub fn decide(&self, command: &Command, ctx: &Context) -> Result<Vec<Event>, Rejection> {
        let kind = command.kind();
        let phase = Some(self.phase);
        if !allowed_commands(self.phase).contains(&kind) {
            return Err(Rejection {
                command: kind,
                phase,
                unmet: vec![Unmet::WrongPhase {
                    phase: self.phase,
                    allowed: allowed_commands(self.phase),
                }],
            });
        }
        let now = ctx.at();
        let mut c = Checks::default();
        let event = match command {
            Command::ChangeSeverity { severity, reason } => {
                c.text("reason", reason, "why the severity changes", MAX_SHORT);
                if *severity == self.severity {
                    c.push(no_change(format!("the severity is already {severity}")));
                }
                Event::SeverityChanged {
                    from: self.severity,
                    to: *severity,
                    reason: reason.clone(),
                }
            }
            Command::Reclassify { kind: to, reason } => {
                c.text("reason", reason, "why the kind changes", MAX_SHORT);
                if *to == self.kind {
                    c.push(no_change(format!("the kind is already {to}")));
                }
                Event::KindChanged {
                    from: self.kind,
                    to: *to,
                    reason: reason.clone(),
                }
            }
            Command::UpdateImpact { update, reason } => {
                c.optional_text(
                    "reason",
                    reason.as_ref(),
                    "the source of the figures or leave it out",
                    MAX_SHORT,
                );
                c.impact(update.funds_involved.as_ref(), update.losses.as_deref());
                if update.is_empty() || self.impact_unchanged(update) {
                    c.push(no_change("the update sets no new value"));
                }
                Event::ImpactUpdated {
                    update: update.clone(),
                    reason: reason.clone(),
                }
            }
            Command::RecordOccurrence {
                occurred_at,
                estimated,
            } => {
                c.not_future("occurred_at", *occurred_at, now);
                c.not_before("detected_at", self.detected_at, "occurred_at", *occurred_at);
                Event::OccurrenceRecorded {
                    occurred_at: *occurred_at,
                    estimated: *estimated,
                }
            }
            Command::AssignRole { role, person } => {
                if self.roles.get(role) == Some(person) {
                    c.push(Unmet::RoleAlreadyHeld {
                        role: *role,
                        person: person.clone(),
                    });
                }
                Event::RoleAssigned {
                    role: *role,
                    person: person.clone(),
                }
            }
            Command::UnassignRole { role } => {
                if *role == Role::Owner {
                    c.push(Unmet::OwnerRequired);
                } else if !self.roles.contains_key(role) {
                    c.push(no_change(format!("no one holds the {role} role")));
                }
                Event::RoleUnassigned { role: *role }
            }
            Command::SetSubStatus { sub_status } => {
                if *sub_status == self.sub_status {
                    c.push(no_change("the sub-status is already that"));
                }
                Event::SubStatusSet {
                    sub_status: sub_status.clone(),
                }
            }
            Command::AddEvidence(new) => {
                if self.evidence.contains_key(&new.evidence_id) {
                    c.push(duplicate("evidence", &new.evidence_id));
                }
                c.text(
                    "description",
                    &new.description,
                    "what the evidence is",
                    MAX_SHORT,
                );
                c.text(
                    "location",
                    &new.location,
                    "where the evidence is kept",
                    MAX_SHORT,
                );
                c.not_future("collected_at", new.collected_at, now);
                Event::EvidenceAdded(new.clone())
            }
            Command::RecordCustody(record) => {
                match self
                    .evidence
                    .get(&record.evidence_id)
                    .and_then(|i| i.latest())
                {
                    None => c.push(unknown("evidence", &record.evidence_id)),
                    Some(latest) if record.entry.at < latest.at => {
                        c.push(Unmet::CustodyOutOfOrder {
                            evidence_id: record.evidence_id.to_string(),
                            at: record.entry.at,
                            latest: latest.at,
                        });
                    }
                    Some(_) => {}
                }
                c.text(
                    "location",
                    &record.entry.location,
                    "where the evidence is kept after this step",
                    MAX_SHORT,
                );
                c.optional_text(
                    "note",
                    record.entry.note.as_ref(),
                    "a note or leave it out",
                    MAX_SHORT,
                );
                c.not_future("at", record.entry.at, now);
                Event::CustodyRecorded(record.clone())
            }
            Command::AddAction(new) => {
                if self.actions.contains_key(&new.action_id) {
                    c.push(duplicate("action", &new.action_id));
                }
                c.text("title", &new.title, "what is to be done", MAX_TITLE);
                Event::ActionAdded(new.clone())
            }
            Command::UpdateAction(changes) => {
                if !self.actions.contains_key(&changes.action_id) {
                    c.push(unknown("action", &changes.action_id));
                }
                c.optional_text(
                    "title",
                    changes.title.as_ref(),
                    "what is to be done",
                    MAX_TITLE,
                );
                if changes.title.is_none() && changes.owner.is_none() && changes.due.is_none() {
                    c.push(no_change("the update sets no title, owner or due date"));
                }
                Event::ActionUpdated(changes.clone())
            }
            Command::StartAction { action_id } => {
                self.action_status(
                    &mut c,
                    action_id,
                    &[ActionStatus::Open, ActionStatus::Deferred],
                );
                Event::ActionStarted {
                    action_id: action_id.clone(),
                }
            }
            Command::CompleteAction {
                action_id,
                completed_at,
                outcome,
            } => {
                self.action_status(
                    &mut c,
                    action_id,
                    &[
                        ActionStatus::Open,
                        ActionStatus::InProgress,
                        ActionStatus::Deferred,
                    ],
                );
                let completed_at = completed_at.unwrap_or(now);
                c.not_future("completed_at", completed_at, now);
                c.optional_text(
                    "outcome",
                    outcome.as_ref(),
                    "the outcome or leave it out",
                    MAX_SHORT,
                );
                Event::ActionCompleted {
                    action_id: action_id.clone(),
                    completed_at,
                    outcome: outcome.clone(),
                }
            }
            Command::DeferAction { action_id, reason } => {
                self.action_status(
                    &mut c,
                    action_id,
                    &[ActionStatus::Open, ActionStatus::InProgress],
                );
                c.text("reason", reason, "why the action is deferred", MAX_SHORT);
                Event::ActionDeferred {
                    action_id: action_id.clone(),
                    reason: reason.clone(),
                }
            }
            Command::AddNote { text } => {
                c.text("text", text, "the note", MAX_LONG);
                Event::NoteAdded { text: text.clone() }
            }
            Command::RecordMilestone { milestone, at } => {
                let at = at.unwrap_or(now);
                c.not_future("at", at, now);
                if self.regulatory.milestones.get(milestone) == Some(&at) {
                    c.push(no_change(format!(
                        "{milestone} is already recorded at {at}"
                    )));
                }
                Event::MilestoneRecorded {
                    milestone: *milestone,
                    at,
                }
            }
            Command::RecordDetermination {
                fact,
                value,
                determined_at,
                basis,
            } => {
                let determined_at = determined_at.unwrap_or(now);
                c.not_future("determined_at", determined_at, now);
                c.text("basis", basis, "the basis of the determination", MAX_SHORT);
                if self
                    .regulatory
                    .determinations
                    .get(fact)
                    .is_some_and(|d| d.value == *value)
                {
                    c.push(no_change(format!(
                        "`{fact}` is already determined {}",
                        if *value { "yes" } else { "no" }
                    )));
                }
                Event::DeterminationRecorded {
                    fact: fact.clone(),
                    value: *value,
                    determined_at,
                    basis: basis.clone(),
                }
            }
            Command::RecordGrade {
                grade,
                graded_at,
                basis,
            } => {
                let graded_at = graded_at.unwrap_or(now);
                c.not_future("graded_at", graded_at, now);
                c.text("basis", basis, "the grading criterion met", MAX_SHORT);
                if self
                    .regulatory
                    .cn_grade
                    .as_ref()
                    .is_some_and(|g| g.grade == *grade)
                {
                    c.push(no_change(format!(
                        "the grade is already {}",
                        grade.as_str()
                    )));
                }
                Event::GradeRecorded {
                    grade: *grade,
                    graded_at,
                    basis: basis.clone(),
                }
            }
            Command::RecordFiling {
                regime,
                report,
                submitted_at,
                reference,
            } => {
                let submitted_at = submitted_at.unwrap_or(now);
                c.not_future("submitted_at", submitted_at, now);
                c.optional_text(
                    "reference",
                    reference.as_ref(),
                    "the recipient's reference or leave it out",
                    MAX_TITLE,
                );
                if self.regulatory.filings.iter().any(|f| {
                    &f.regime == regime && &f.report == report && f.submitted_at == submitted_at
                }) {
                    c.push(duplicate(
                        "filing",
                        &format!("{regime}/{report} at {submitted_at}"),
                    ));
                }
                Event::ReportFiled(Filing {
                    regime: regime.clone(),
                    report: report.clone(),
                    submitted_at,
                    reference: reference.clone(),
                })
            }
            Command::RecordClockAlerts { alerts } => {
                if alerts.is_empty() {
                    c.push(Unmet::Missing {
                        field: "alerts".to_owned(),
                        hint: "record at least one alert; Regulation::tick builds them".to_owned(),
                    });
                }
                for (i, alert) in alerts.iter().enumerate() {
                    c.not_future("alerts.at", alert.at, now);
                    let consistent = match alert.kind {
                        AlertKind::Reminder { fraction_bp } => {
                            alert.at < alert.due_at && fraction_bp > 0 && fraction_bp < 10_000
                        }
                        AlertKind::Missed => alert.at >= alert.due_at,
                    };
                    if !consistent {
                        c.push(Unmet::Invalid {
                            field: "alerts".to_owned(),
                            problem: format!(
                                "alert for {}/{} is inconsistent: a reminder falls before its due time at a share between 0 and 10000 basis points, a missed deadline at or after it",
                                alert.regime, alert.report
                            ),
                        });
                    }
                    if self.regulatory.has_alert(alert)
                        || alerts.iter().take(i).any(|a| a.same_as(alert))
                    {
                        c.push(duplicate(
                            "clock alert",
                            &format!("{}/{} due {}", alert.regime, alert.report, alert.due_at),
                        ));
                    }
                }
                return c.finish_many(
                    kind,
                    phase,
                    alerts.iter().cloned().map(Event::ClockAlerted).collect(),
                );
            }
            Command::RecordInquiry {
                inquiry_id,
                channel,
                topic,
                customer,
                received_at,
            } => {
                if self.inquiries.contains_key(inquiry_id) {
                    c.push(duplicate("inquiry", inquiry_id));
                }
                if matches!(channel, Channel::PressRelease | Channel::RegulatorPortal) {
                    c.push(Unmet::Invalid {
                        field: "channel".to_owned(),
                        problem: format!(
                            "customers do not write in by {}; use the channel the inquiry came in on (hotline, online_chat, email, social_media, sms, in_app, website_notice or letter)",
                            super::event::wire(channel)
                        ),
                    });
                }
                let received_at = received_at.unwrap_or(now);
                c.not_future("received_at", received_at, now);
                Event::InquiryReceived {
                    inquiry_id: inquiry_id.clone(),
                    channel: *channel,
                    topic: *topic,
                    customer: customer.clone(),
                    received_at,
                }
            }
            Command::RespondToInquiry {
                inquiry_id,
                responded_at,
            } => {
                let responded_at = responded_at.unwrap_or(now);
                c.not_future("responded_at", responded_at, now);
                match self.inquiries.get(inquiry_id) {
                    None => c.push(unknown("inquiry", inquiry_id)),
                    Some(inquiry) => {
                        c.not_before(
                            "responded_at",
                            responded_at,
                            "received_at",
                            inquiry.received_at,
                        );
                        if let Some(first) = inquiry.first_response_at {
                            c.push(no_change(format!(
                                "inquiry {inquiry_id} already had its first response at {first}; only the first response is recorded (add a note for later contacts)"
                            )));
                        }
                    }
                }
                Event::InquiryResponded {
                    inquiry_id: inquiry_id.clone(),
                    responded_at,
                }
            }
            Command::ResolveInquiry {
                inquiry_id,
                resolved_at,
                note,
            } => {
                let resolved_at = resolved_at.unwrap_or(now);
                c.not_future("resolved_at", resolved_at, now);
                c.optional_text(
                    "note",
                    note.as_ref(),
                    "how the inquiry was resolved or leave it out",
                    MAX_SHORT,
                );
                match self.inquiries.get(inquiry_id) {
                    None => c.push(unknown("inquiry", inquiry_id)),
                    Some(inquiry) => {
                        c.not_before(
                            "resolved_at",
                            resolved_at,
                            "received_at",
                            inquiry.received_at,
                        );
                        if let Some(first) = inquiry.first_response_at {
                            c.not_before("resolved_at", resolved_at, "first_response_at", first);
                        }
                        if let Some(resolved) = inquiry.resolved_at {
                            c.push(no_change(format!(
                                "inquiry {inquiry_id} was already resolved at {resolved}"
                            )));
                        }
                    }
                }
                Event::InquiryResolved {
                    inquiry_id: inquiry_id.clone(),
                    resolved_at,
                    note: note.clone(),
                }
            }
            Command::RecordSurveyResponse(response) => {
                if self.survey_responses.contains_key(&response.id) {
                    c.push(duplicate("survey response", &response.id));
                }
                for problem in response.problems() {
                    c.push(match problem {
                        SurveyError::CsatOutOfRange { .. } => Unmet::Invalid {
                            field: "csat".to_owned(),
                            problem: problem.to_string(),
                        },
                        SurveyError::NpsOutOfRange { .. } => Unmet::Invalid {
                            field: "nps".to_owned(),
                            problem: problem.to_string(),
                        },
                        SurveyError::NoScore => Unmet::Missing {
                            field: "csat".to_owned(),
                            hint: "give a CSAT score (1–5), an NPS score (0–10) or both".to_owned(),
                        },
                    });
                }
                c.optional_text(
                    "comment",
                    response.comment.as_ref(),
                    "the customer's comment or leave it out",
                    MAX_LONG,
                );
                c.not_future("received_at", response.received_at, now);
                Event::SurveyResponseRecorded(response.clone())
            }
            Command::DraftNotice(draft) => {
                if self.notices.contains_key(&draft.notice_id) {
                    c.push(duplicate("notice", &draft.notice_id));
                }
                if let Some(item_id) = &draft.plan_item {
                    match self.comms_plan.as_ref().and_then(|p| p.item(item_id)) {
                        None => c.push(unknown("plan item", item_id)),
                        Some(item)
                            if item.kind != draft.kind || item.audience != draft.audience =>
                        {
                            c.push(Unmet::PlanItemMismatch {
                                plan_item: item_id.to_string(),
                                expected_kind: item.kind,
                                expected_audience: item.audience,
                                kind: draft.kind,
                                audience: draft.audience,
                            });
                        }
                        Some(_) => {}
                    }
                }
                if draft.channels.is_empty() {
                    c.push(Unmet::Missing {
                        field: "channels".to_owned(),
                        hint: "name at least one channel the notice will go out on".to_owned(),
                    });
                }
                Event::NoticeDrafted(draft.clone())
            }
            Command::ApproveNotice { notice_id } => {
                if let Some(notice) = self.notice_status(&mut c, notice_id, &[NoticeStatus::Draft])
                {
                    self.clearance_guard(&mut c, notice_id, notice);
                    self.approver_guard(&mut c, notice_id, notice, ctx.actor());
                    let missing = self.missing_elements(notice);
                    if !missing.is_empty() {
                        c.push(Unmet::NoticeIncomplete {
                            notice_id: notice_id.to_string(),
                            missing,
                        });
                    }
                }
                Event::NoticeApproved {
                    notice_id: notice_id.clone(),
                }
            }
            Command::RecordNoticeSent { notice_id, sent_at } => {
                self.notice_status(&mut c, notice_id, &[NoticeStatus::Approved]);
                let sent_at = sent_at.unwrap_or(now);
                c.not_future("sent_at", sent_at, now);
                Event::NoticeSent {
                    notice_id: notice_id.clone(),
                    sent_at,
                }
            }
            Command::CancelNotice { notice_id, reason } => {
                self.notice_status(
                    &mut c,
                    notice_id,
                    &[NoticeStatus::Draft, NoticeStatus::Approved],
                );
                c.text("reason", reason, "why the notice is withdrawn", MAX_SHORT);
                Event::NoticeCancelled {
                    notice_id: notice_id.clone(),
                    reason: reason.clone(),
                }
            }
            Command::RecordFact(fact) => {
                match &fact.value {
                    FactValue::Text { by_locale } => {
                        if by_locale.is_empty() {
                            c.push(Unmet::Missing {
                                field: "value.by_locale".to_owned(),
                                hint: "give the text in at least one locale".to_owned(),
                            });
                        }
                        for text in by_locale.values() {
                            c.text("value.by_locale", text, "the fact's text", MAX_LONG);
                        }
                    }
                    FactValue::Literal { value } => {
                        c.text("value.value", value, "the fact's text", MAX_SHORT);
                    }
                    _ => {}
                }
                if self.facts.get(&fact.key) == Some(fact) {
                    c.push(no_change(format!(
                        "fact {} is already recorded as given",
                        fact.key
                    )));
                }
                Event::FactRecorded(fact.clone())
            }
            Command::AdoptCommsPlan { plan } => {
                for problem in plan.problems() {
                    c.push(Unmet::Invalid {
                        field: "plan".to_owned(),
                        problem: problem.to_string(),
                    });
                }
                if self.comms_plan.as_ref() == Some(plan) {
                    c.push(no_change("this plan is already adopted"));
                }
                Event::CommsPlanAdopted { plan: plan.clone() }
            }
            Command::RecordFinding(finding) => {
                if self.findings.contains_key(&finding.finding_id) {
                    c.push(duplicate("finding", &finding.finding_id));
                }
                c.text("summary", &finding.summary, "the finding", MAX_LONG);
                for id in &finding.evidence {
                    if !self.evidence.contains_key(id) {
                        c.push(unknown("evidence", id));
                    }
                }
                Event::FindingRecorded(finding.clone())
            }
            Command::OpenCompensationProgram {
                program_id,
                pin,
                budget,
            } => {
                if let Some(budget) = budget {
                    c.currency("budget", *budget, pin.currency);
                    if !budget.is_positive() {
                        c.push(Unmet::Invalid {
                            field: "budget".to_owned(),
                            problem: format!(
                                "{budget} is not positive; give a positive budget or none"
                            ),
                        });
                    }
                }
                if let CompensationStance::ProgramOpened {
                    program_id: open, ..
                } = &self.compensation
                {
                    c.push(no_change(format!(
                        "compensation program {open} is already open"
                    )));
                }
                Event::CompensationProgramOpened {
                    program_id: program_id.clone(),
                    policy: pin.policy.to_string(),
                    pin: Some(pin.clone()),
                    budget: *budget,
                }
            }
            Command::DeclareCompensationNotApplicable { reason } => {
                c.text("reason", reason, "why no compensation is owed", MAX_SHORT);
                match &self.compensation {
                    CompensationStance::ProgramOpened { program_id, .. } => {
                        c.push(Unmet::CompensationProgramOpen {
                            program_id: program_id.to_string(),
                        });
                    }
                    CompensationStance::NotApplicable { .. } => {
                        c.push(no_change("compensation is already declared not applicable"));
                    }
                    CompensationStance::Undecided => {}
                }
                Event::CompensationNotApplicable {
                    reason: reason.clone(),
                }
            }
            Command::RecordClaimAssessment {
                program_id,
                claim_id,
                customer,
                assessment,
            } => {
                if let Some((open, pin)) = self.claim_program(&mut c) {
                    if open != program_id {
                        c.push(unknown("compensation program", program_id));
                    }
                    if assessment.policy != pin.policy {
                        c.push(Unmet::PolicyMismatch {
                            pinned: pin.policy.clone(),
                            given: assessment.policy.clone(),
                        });
                    }
                    c.amount("assessment.cash", assessment.cash, pin.currency);
                }
                if self.claims.contains_key(claim_id) {
                    c.push(duplicate("claim", claim_id));
                }
                if let Some(mut totals) = self.claim_totals {
                    c.fits("assessment.cash", totals.add_claim(assessment.cash));
                }
                Event::ClaimAssessed {
                    program_id: program_id.clone(),
                    claim_id: claim_id.clone(),
                    customer: customer.clone(),
                    assessment: assessment.clone(),
                }
            }
            Command::OfferSettlement {
                claim_id,
                amount,
                remedies,
            } => {
                if let Some((program_id, pin)) = self.claim_program(&mut c) {
                    c.amount("amount", *amount, pin.currency);
                    c.offered_services(remedies, pin.currency);
                    if amount.currency() == pin.currency {
                        self.within_budget(&mut c, program_id, *amount);
                    }
                }
                self.claim_status(
                    &mut c,
                    claim_id,
                    &[ClaimStatus::Assessed, ClaimStatus::Countered],
                );
                if amount.is_zero() && remedies.is_empty() {
                    c.push(Unmet::Invalid {
                        field: "amount".to_owned(),
                        problem: "the offer gives nothing; offer cash, services or both".to_owned(),
                    });
                }
                Event::SettlementOffered {
                    claim_id: claim_id.clone(),
                    amount: *amount,
                    remedies: remedies.clone(),
                }
            }
            Command::RecordClaimResponse { claim_id, response } => {
                let program = self.claim_program(&mut c);
                self.claim_status(&mut c, claim_id, &[ClaimStatus::Offered]);
                if let ClaimResponse::Countered { amount, note } = response {
                    if let Some((_, pin)) = program {
                        c.amount("response.amount", *amount, pin.currency);
                    }
                    c.optional_text(
                        "response.note",
                        note.as_ref(),
                        "what the customer asked for, or leave it out",
                        MAX_SHORT,
                    );
                }
                Event::ClaimResponseRecorded {
                    claim_id: claim_id.clone(),
                    response: response.clone(),
                }
            }
            Command::SettleClaim { claim_id } => {
                let program = self.claim_program(&mut c);
                let case = self.claim_status(&mut c, claim_id, &[ClaimStatus::Accepted]);
                let accepted = case
                    .filter(|case| case.status == ClaimStatus::Accepted)
                    .and_then(ClaimCase::latest_offer)
                    .map(|offer| offer.amount);
                if case.is_some_and(|case| case.status == ClaimStatus::Accepted)
                    && accepted.is_none()
                {
                    c.push(Unmet::Invalid {
                        field: "claim_id".to_owned(),
                        problem: "the claim has no offer to settle for".to_owned(),
                    });
                }
                if let (Some(amount), Some(mut totals)) = (accepted, self.claim_totals) {
                    c.fits(
                        "amount",
                        totals.shift(ClaimStatus::Accepted, ClaimStatus::Settled, Some(amount)),
                    );
                }
                if let (Some(amount), Some((program_id, _))) = (accepted, program) {
                    self.within_budget(&mut c, program_id, amount);
                }
                Event::ClaimSettled {
                    claim_id: claim_id.clone(),
                    // Without an accepted offer the command is rejected and this unused.
                    amount: accepted.unwrap_or(Money::zero(Currency::CNY)),
                }
            }
            Command::RecordClaimPaid {
                claim_id,
                paid_at,
                amount,
                payment_reference,
            } => {
                let program = self.claim_program(&mut c);
                if let Some((_, pin)) = program {
                    c.amount("amount", *amount, pin.currency);
                }
                let paid_at = paid_at.unwrap_or(now);
                c.not_future("paid_at", paid_at, now);
                if let Some(case) = self.claim_status(&mut c, claim_id, &[ClaimStatus::Settled]) {
                    if let (Some(settled), Some(settled_at)) = (case.settled, case.settled_at) {
                        if settled != *amount {
                            c.push(Unmet::PaymentMismatch {
                                claim_id: claim_id.clone(),
                                settled,
                                paid: *amount,
                            });
                        }
                        c.not_before("paid_at", paid_at, "settled_at", settled_at);
                    }
                }
                if let Some(mut totals) = self.claim_totals {
                    c.fits(
                        "amount",
                        totals.shift(ClaimStatus::Settled, ClaimStatus::Paid, Some(*amount)),
                    );
                }
                c.text(
                    "payment_reference",
                    payment_reference,
                    "the host's payment reference (a transfer id, not an account number)",
                    MAX_TITLE,
                );
                Event::ClaimPaid {
                    claim_id: claim_id.clone(),
                    paid_at,
                    amount: *amount,
                    payment_reference: payment_reference.clone(),
                }
            }
            Command::EscalateClaim { claim_id, reason } => {
                self.claim_program(&mut c);
                self.claim_status(&mut c, claim_id, ESCALABLE_CLAIM);
                c.text(
                    "reason",
                    reason,
                    "why legal takes the claim over",
                    MAX_SHORT,
                );
                Event::ClaimEscalated {
                    claim_id: claim_id.clone(),
                    reason: reason.clone(),
                }
            }
            Command::RejectClaim { claim_id, reason } => {
                self.claim_program(&mut c);
                self.claim_status(&mut c, claim_id, OPEN_CLAIM);
                c.text("reason", reason, "why the claim is rejected", MAX_SHORT);
                Event::ClaimRejected {
                    claim_id: claim_id.clone(),
                    reason: reason.clone(),
                }
            }
            Command::Contain { contained_at } => {
                self.contain_guard(&mut c);
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
            Command::Disclose { basis } => {
                self.disclose_guard(&mut c, basis);
                Event::Disclosed {
                    basis: basis.clone(),
                }
            }
            Command::Remediate => {
                self.remediate_guard(&mut c);
                Event::Remediated
            }
            Command::Review => {
                self.review_guard(&mut c);
                Event::Reviewed
            }
            Command::Close => Event::Closed,
            Command::Dismiss { rationale } => {
                c.text(
                    "rationale",
                    rationale,
                    "why this is not an incident (false positive)",
                    MAX_LONG,
                );
                Event::Dismissed {
                    rationale: rationale.clone(),
                }
            }
        };
        debug_assert!(
            !matches!(
                kind,
                CommandKind::Contain
                    | CommandKind::Disclose
                    | CommandKind::Remediate
                    | CommandKind::Review
                    | CommandKind::Close
                    | CommandKind::Dismiss
            ) || transition(self.phase, kind).is_some()
        );
        c.finish(kind, phase, event)
    }

    /// Decides and seals: the envelopes to append with expected version
    /// [`version()`](Incident::version). The state does not change until you
    /// [`apply`](Incident::apply) them, which you do once your store accepted them.
    ///
    /// # Errors
    /// The [`Rejection`] from [`decide`](Incident::decide).
    pub fn execute(&self, command: &Command, ctx: &Context) -> Result<Vec<Envelope>, Rejection> {
        let events = self.decide(command, ctx)?;
        seal(
            self.id,
            self.version,
            self.head,
            ctx,
            command.kind(),
            Some(self.phase),
            events,
        )
    }

    fn impact_unchanged(&self, update: &ImpactUpdate) -> bool {
        let mut next: Impact = self.impact.clone();
        next.apply(update);
        next == self.impact
    }

    fn action_status(&self, c: &mut Checks, id: &ActionId, expected: &[ActionStatus]) {
        match self.actions.get(id) {
            None => c.push(unknown("action", id)),
            Some(action) if !expected.contains(&action.status) => c.push(Unmet::ActionStatus {
                action_id: id.clone(),
                status: action.status,
                expected: expected.to_vec(),
            }),
            Some(_) => {}
        }
    }

    fn notice_status(
        &self,
        c: &mut Checks,
        id: &NoticeId,
        expected: &[NoticeStatus],
    ) -> Option<&crate::Notice> {
        match self.notices.get(id) {
            None => {
                c.push(unknown("notice", id));
                None
            }
            Some(notice) => {
                if !expected.contains(&notice.status) {
                    c.push(Unmet::NoticeStatus {
                        notice_id: id.to_string(),
                        status: notice.status,
                        expected: expected.to_vec(),
                    });
                }
                Some(notice)
            }
        }
    }

    /// The open program under which claims are negotiated, with its pin; pushes why there
    /// is none.
    fn claim_program(&self, c: &mut Checks) -> Option<(&ProgramId, &PolicyPin)> {
        match &self.compensation {
            CompensationStance::ProgramOpened {
                program_id,
                pin: Some(pin),
                ..
            } => Some((program_id, pin)),
            CompensationStance::ProgramOpened {
                program_id,
                pin: None,
                ..
            } => {
                c.push(Unmet::ProgramNotPinned {
                    program_id: program_id.to_string(),
                });
                None
            }
            CompensationStance::Undecided | CompensationStance::NotApplicable { .. } => {
                c.push(Unmet::NoCompensationProgram);
                None
            }
        }
    }

    /// Pushes [`Unmet::OverBudget`] when `amount` more would take the program's settlements
    /// beyond its budget.
    fn within_budget(&self, c: &mut Checks, program_id: &ProgramId, amount: Money) {
        let (
            CompensationStance::ProgramOpened {
                budget: Some(budget),
                ..
            },
            Some(totals),
        ) = (&self.compensation, &self.claim_totals)
        else {
            return;
        };
        let after = totals
            .settled
            .amount_minor()
            .checked_add(amount.amount_minor());
        if after.is_none_or(|after| after > budget.amount_minor()) {
            c.push(Unmet::OverBudget {
                program_id: program_id.to_string(),
                budget: *budget,
                settled: totals.settled,
                amount,
            });
        }
    }

    /// The claim, if it exists; pushes why it is not in one of the `expected` statuses.
    fn claim_status(
        &self,
        c: &mut Checks,
        id: &ClaimId,
        expected: &[ClaimStatus],
    ) -> Option<&ClaimCase> {
        match self.claims.get(id) {
            None => {
                c.push(unknown("claim", id));
                None
            }
            Some(case) => {
                if !expected.contains(&case.status) {
                    c.push(Unmet::ClaimStatus {
                        claim_id: id.clone(),
                        status: case.status,
                        expected: expected.to_vec(),
                    });
                }
                Some(case)
            }
        }
    }

    fn actions_of(&self, kind: ActionKind) -> impl Iterator<Item = &crate::Action> {
        self.actions.values().filter(move |a| a.kind == kind)
    }

    /// Contain: at least one containment action done.
    fn contain_guard(&self, c: &mut Checks) {
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
    fn disclose_guard(&self, c: &mut Checks, basis: &DisclosureBasis) {
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

    /// Required elements the notice lacks: under the adopted plan's rules when it states
    /// them, else the crate's defaults.
    fn missing_elements(&self, notice: &crate::Notice) -> Vec<crate::ContentElement> {
        match self
            .comms_plan
            .as_ref()
            .and_then(|p| p.required_elements.as_ref())
        {
            Some(rules) => notice.missing_elements_under(rules),
            None => notice.missing_elements(),
        }
    }

    /// Approval: every fact the notice carries is known and within its audience's
    /// clearance.
    fn clearance_guard(&self, c: &mut Checks, notice_id: &NoticeId, notice: &crate::Notice) {
        let sheet = self.fact_sheet();
        for key in &notice.draft.facts {
            if sheet.get(key).is_none() {
                c.push(unknown("fact", key));
            }
        }
        for violation in sheet.violations(notice.draft.audience, &notice.draft.facts) {
            c.push(Unmet::AboveClearance {
                notice_id: notice_id.to_string(),
                violation,
            });
        }
    }

    /// Approval of a planned notice: the approver holds the plan item's role.
    fn approver_guard(
        &self,
        c: &mut Checks,
        notice_id: &NoticeId,
        notice: &crate::Notice,
        actor: &crate::ActorId,
    ) {
        let Some(item_id) = &notice.draft.plan_item else {
            return;
        };
        let Some(item) = self.comms_plan.as_ref().and_then(|p| p.item(item_id)) else {
            return;
        };
        let holder = self.roles.get(&item.approver);
        if holder != Some(actor) {
            c.push(Unmet::NotTheApprover {
                notice_id: notice_id.to_string(),
                plan_item: item_id.to_string(),
                role: item.approver,
                holder: holder.cloned(),
            });
        }
    }

    /// Remediate: every remediation action done or deferred (DESIGN.md asks for no minimum
    /// number, unlike Contain); compensation decided.
    fn remediate_guard(&self, c: &mut Checks) {
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
        if self.compensation == CompensationStance::Undecided {
            c.push(Unmet::CompensationUndecided);
        }
    }

    /// Review: findings recorded; prevention actions owned and dated; resolution notice sent.
    fn review_guard(&self, c: &mut Checks) {
        if self.findings.is_empty() {
            c.push(Unmet::NoFindings);
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
            c.push(Unmet::ResolutionNoticeNotSent);
        }
    }
}

#[cfg(test)]
#[path = "decide_tests.rs"]
mod tests;
