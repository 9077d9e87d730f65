//! The guards: turning a command into events, or into a rejection that lists every unmet
//! precondition at once. `decide` checks the phase against the transition table, then
//! hands each command to its subdomain's file; every file adds its unmet preconditions to
//! one [`Checks`](checks::Checks) so that all of them are reported together.

mod actions;
mod aftercare;
mod allocation;
mod appeals;
mod checks;
mod claims;
mod declare;
mod evidence;
mod feedback;
mod findings;
mod notices;
mod phases;
mod playbook;
mod regulatory;
mod settlement;
mod timer;
mod triage;

use super::transitions::{allowed_commands, transition};
use crate::chain::Digest;
use crate::phase::Phase;
use crate::regulation::Outcome;
use crate::{Command, CommandKind, Context, Declare, Envelope, Event, Incident, Rejection, Unmet};
use checks::Checks;
use regulatory::{assess, with_assessment};

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
    ///
    /// # Examples
    ///
    /// A payments platform's network monitoring sees customer records leave:
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use incident::{ActorId, Context, Declare, DetectionSource, Incident, IncidentId};
    /// use incident::{IncidentKind, Phase, Severity};
    ///
    /// let detected = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Customer records exfiltrated")
    ///     .detection(DetectionSource::NetworkTraffic, detected)
    ///     .severity(Severity::Sev1)
    ///     .owner(ActorId::new("zhang.min")?);
    /// let envelopes = Incident::declare(&declare, &Context::new(ActorId::new("soc")?, detected))?;
    /// assert_eq!(envelopes.len(), 1);
    /// assert_eq!(envelopes[0].sequence(), 1);
    ///
    /// // Append them with expected version 0, then replay them to get the state.
    /// let incident = Incident::replay(&envelopes)?;
    /// assert_eq!((incident.phase(), incident.version()), (Phase::Detected, 1));
    /// assert_eq!(incident.owner().map(|o| o.as_str()), Some("zhang.min"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn declare(declare: &Declare, ctx: &Context) -> Result<Vec<Envelope>, Rejection> {
        let mut events = declare.decide(ctx)?;
        let id = declare.incident_id;
        if let (Some(activation), Some(Event::IncidentDeclared(declared))) =
            (&declare.playbook, events.first())
        {
            // The playbook's guards run on the state the declaration gives.
            let state = Incident::from_declared(
                id,
                declared.clone(),
                Digest::genesis(id),
                ctx.at(),
                ctx.actor().clone(),
            );
            let activate = Command::ActivatePlaybook(activation.clone());
            let more = state.decide(&activate, ctx).map_err(|r| Rejection {
                command: CommandKind::Declare,
                ..r
            })?;
            events.extend(more);
        }
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
    ///
    /// # Examples
    ///
    /// A broker's hotline reported client accounts taken over; nothing is contained yet.
    ///
    /// ```
    /// use chrono::Duration;
    /// use incident::{ActorId, Command, Context, Unmet};
    /// # use chrono::TimeZone;
    /// # use incident::{Declare, DetectionSource, Incident, IncidentId, IncidentKind, Severity};
    /// # let t0 = chrono::Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([7; 16]), IncidentKind::AccountTakeover, "Client accounts taken over")
    /// #     .detection(DetectionSource::CustomerReport, t0).severity(Severity::Sev2).owner(ActorId::new("li.na")?);
    /// # let mut incident = Incident::replay(&Incident::declare(&declare, &Context::new(ActorId::new("hotline")?, t0))?)?;
    /// let ctx = Context::new(ActorId::new("li.na")?, t0 + Duration::minutes(20));
    ///
    /// // The Contain guard wants a containment action done first, and says so.
    /// let contain = Command::Contain { contained_at: Some(ctx.at()) };
    /// let rejection = incident.decide(&contain, &ctx).unwrap_err();
    /// assert!(matches!(rejection.unmet.as_slice(), [Unmet::NoContainmentDone { .. }]));
    ///
    /// // A note is accepted in any open phase: one event, and nothing has changed yet.
    /// let note = Command::AddNote { text: "312 client accounts frozen".into() };
    /// let events = incident.decide(&note, &ctx)?;
    /// assert_eq!(events.len(), 1);
    /// assert_eq!(events[0].name(), "note_added");
    /// assert_eq!(incident.version(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
        if now < self.updated_at {
            return Err(Rejection {
                command: kind,
                phase,
                unmet: vec![Unmet::Backdated {
                    at: now,
                    last_recorded_at: self.updated_at,
                }],
            });
        }
        let mut c = Checks::default();
        let events = self.record_events(&mut c, ctx, command);
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
        c.finish_many(kind, phase, events)
    }

    /// The events of a command about the record: triage, evidence, actions, the
    /// regulatory record, feedback; the rest go to [`Self::response_events`].
    fn record_events(&self, c: &mut Checks, ctx: &Context, command: &Command) -> Vec<Event> {
        let now = ctx.at();
        match command {
            Command::ChangeSeverity { severity, reason } => {
                vec![self.change_severity(c, severity, reason)]
            }
            Command::Reclassify { kind: to, reason } => vec![self.reclassify(c, to, reason)],
            Command::ClassifyGbt {
                classification,
                basis,
            } => vec![self.classify_gbt(c, classification, basis)],
            Command::UpdateImpact { update, reason } => {
                vec![self.update_impact(c, update, reason)]
            }
            Command::RecordOccurrence {
                occurred_at,
                estimated,
            } => vec![self.record_occurrence(c, now, occurred_at, estimated)],
            Command::AssignRole { role, person } => vec![self.assign_role(c, role, person)],
            Command::UnassignRole { role } => vec![self.unassign_role(c, role)],
            Command::SetSubStatus { sub_status } => vec![self.set_sub_status(c, sub_status)],
            Command::AddEvidence(new) => vec![self.add_evidence(c, now, new)],
            Command::RecordCustody(record) => vec![self.record_custody(c, now, record)],
            Command::AddAction(new) => vec![self.add_action(c, new)],
            Command::UpdateAction(changes) => vec![self.update_action(c, changes)],
            Command::StartAction { action_id } => vec![self.start_action(c, action_id)],
            Command::CompleteAction {
                action_id,
                completed_at,
                outcome,
            } => vec![self.complete_action(c, now, action_id, completed_at, outcome)],
            Command::DeferAction { action_id, reason } => {
                vec![self.defer_action(c, action_id, reason)]
            }
            Command::AddNote { text } => vec![self.add_note(c, text)],
            Command::RecordMilestone { milestone, at } => {
                vec![self.record_milestone(c, now, milestone, at)]
            }
            Command::RecordDetermination {
                fact,
                value,
                determined_at,
                basis,
                assessment,
                override_reason,
            } => {
                let answer = Outcome::Determination {
                    fact: fact.clone(),
                    value: *value,
                };
                let record = assess(c, assessment.as_deref(), override_reason, &answer);
                let event = self.record_determination(c, now, fact, value, determined_at, basis);
                vec![with_assessment(event, record)]
            }
            Command::RecordGrade {
                grade,
                graded_at,
                basis,
                assessment,
                override_reason,
            } => {
                let answer = Outcome::Grade { grade: *grade };
                let record = assess(c, assessment.as_deref(), override_reason, &answer);
                vec![with_assessment(
                    self.record_grade(c, now, grade, graded_at, basis),
                    record,
                )]
            }
            Command::RecordFiling {
                regime,
                report,
                submitted_at,
                reference,
            } => vec![self.record_filing(c, now, regime, report, submitted_at, reference)],
            Command::RecordClockAlerts { alerts } => self.record_clock_alerts(c, now, alerts),
            Command::WaiveObligation {
                regime,
                report,
                legal_basis,
            } => {
                c.known_report(ctx.regulation(), regime, report);
                vec![self.waive_obligation(c, regime, report, legal_basis)]
            }
            Command::RecordDeferral {
                regime,
                report,
                authority,
                until,
                reference,
            } => {
                c.known_report(ctx.regulation(), regime, report);
                vec![self.record_deferral(c, regime, report, authority, *until, reference)]
            }
            Command::RecordOverdue { overdue } => self.record_overdue(c, now, overdue),
            Command::RecordInquiry {
                inquiry_id,
                channel,
                topic,
                customer,
                received_at,
            } => {
                vec![self.record_inquiry(c, now, inquiry_id, channel, topic, customer, received_at)]
            }
            Command::RespondToInquiry {
                inquiry_id,
                responded_at,
            } => vec![self.respond_to_inquiry(c, now, inquiry_id, responded_at)],
            Command::ResolveInquiry {
                inquiry_id,
                resolved_at,
                note,
            } => vec![self.resolve_inquiry(c, now, inquiry_id, resolved_at, note)],
            Command::RecordSurveyResponse(response) => {
                vec![self.record_survey_response(c, now, response)]
            }
            other => self.response_events(c, ctx, other),
        }
    }

    /// The events of a command about the response: notices and the plan, findings,
    /// compensation, phase transitions.
    fn response_events(&self, c: &mut Checks, ctx: &Context, command: &Command) -> Vec<Event> {
        let now = ctx.at();
        match command {
            Command::DraftNotice(draft) => vec![self.draft_notice(c, draft)],
            Command::ApproveNotice { notice_id } => {
                vec![self.approve_notice(c, ctx.actor(), notice_id)]
            }
            Command::RecordNoticeSent { notice_id, sent_at } => {
                vec![self.record_notice_sent(c, now, notice_id, sent_at)]
            }
            Command::RecordDeliveryReceipt(receipt) => {
                vec![self.record_delivery_receipt(c, now, receipt)]
            }
            Command::CancelNotice { notice_id, reason } => {
                vec![self.cancel_notice(c, notice_id, reason)]
            }
            Command::ReviseNotice(revision) => vec![self.revise_notice(c, revision)],
            Command::RecordFact(fact) => vec![self.record_fact(c, fact)],
            Command::AdoptCommsPlan { plan } => vec![self.adopt_comms_plan(c, plan)],
            Command::ActivatePlaybook(activation) => self.activate_playbook(c, ctx, activation),
            Command::RecordFinding(finding) => vec![self.record_finding(c, finding)],
            Command::OpenCompensationProgram {
                program_id,
                policy,
                budget,
                claims_close_at,
            } => vec![self.open_compensation_program(
                c,
                now,
                program_id,
                policy,
                budget,
                claims_close_at,
            )],
            Command::AmendCompensationProgram {
                program_id,
                budget,
                claims_close_at,
                policy,
                reason,
            } => vec![self.amend_compensation_program(
                c,
                now,
                program_id,
                (budget, claims_close_at, policy.as_deref()),
                reason,
            )],
            Command::DeclareCompensationNotApplicable { reason } => {
                vec![self.declare_compensation_not_applicable(c, reason)]
            }
            Command::RecordClaimAssessment {
                program_id,
                claim_id,
                claim,
            } => self.record_claim_assessment(c, now, program_id, claim_id, claim),
            other => self.claim_events(c, ctx, other),
        }
    }

    /// The events of a command about one claim's negotiation and payment, and the phase
    /// transitions.
    fn claim_events(&self, c: &mut Checks, ctx: &Context, command: &Command) -> Vec<Event> {
        let now = ctx.at();
        let actor = ctx.actor();
        if let Some(event) = self.aftercare_events(c, (now, actor), command) {
            return vec![event];
        }
        if matches!(command, Command::ReopenClaim { .. }) {
            return self.appeal_events(c, command).into_iter().collect();
        }
        if let Some(event) = self.appeal_events(c, command) {
            return vec![event];
        }
        match command {
            Command::ProposeAssessmentOverride {
                claim_id,
                cash,
                remedies,
                reason,
            } => vec![self.propose_assessment_override(c, claim_id, *cash, remedies, reason)],
            Command::ApproveAssessmentOverride { claim_id } => {
                vec![self.approve_assessment_override(c, actor, claim_id)]
            }
            Command::RecordClaimReview { claim_id, note } => {
                vec![self.record_claim_review(c, actor, claim_id, note)]
            }
            Command::OfferSettlement {
                claim_id,
                amount,
                remedies,
                valid_until,
            } => vec![self.offer_settlement(c, now, claim_id, *amount, remedies, valid_until)],
            Command::RecordClaimResponse { claim_id, response } => {
                vec![self.record_claim_response(c, now, claim_id, response)]
            }
            Command::SettleClaim { claim_id } => vec![self.settle_claim(c, actor, claim_id)],
            Command::RecordClaimPaid {
                claim_id,
                paid_at,
                amount,
                payment_reference,
            } => vec![self.record_claim_paid(
                c,
                (now, actor),
                claim_id,
                paid_at,
                *amount,
                payment_reference,
            )],
            Command::RecordClaimPaymentFailed { claim_id, reason } => {
                vec![self.record_claim_payment_failed(c, claim_id, reason)]
            }
            Command::RecordRecovery {
                claim_id,
                source,
                amount,
                reference,
            } => vec![self.record_recovery(c, claim_id, *source, *amount, reference)],
            Command::EscalateClaim { claim_id, reason } => {
                vec![self.escalate_claim(c, claim_id, reason)]
            }
            Command::RejectClaim { claim_id, reason } => {
                vec![self.reject_claim(c, claim_id, reason)]
            }
            Command::AllocateBudget { program_id } => {
                vec![self.allocate_budget(c, now, program_id)]
            }
            Command::Contain { contained_at } => vec![self.contain(c, now, contained_at)],
            Command::Disclose { basis } => vec![self.disclose(c, basis)],
            Command::Remediate {} => vec![self.remediate(c)],
            Command::Review {} => vec![self.review(c, ctx)],
            Command::Close {} => vec![self.close(c, ctx)],
            Command::Dismiss { rationale } => vec![self.dismiss(c, rationale)],
            // Every other command was decided by `record_events`, which sends only these.
            other => {
                c.push(Unmet::Invalid {
                    field: "command".to_owned(),
                    problem: format!("{} reached the wrong decider; this is a bug in the incident crate, please report it", other.kind()),
                });
                Vec::new()
            }
        }
    }

    /// Decides and seals: the envelopes to append with expected version
    /// [`version()`](Incident::version). The state does not change until you
    /// [`apply`](Incident::apply) them, which you do once your store accepted them.
    ///
    /// # Errors
    /// The [`Rejection`] from [`decide`](Incident::decide).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::Duration;
    /// use incident::{ActorId, Command, Context, EventLog};
    /// # use chrono::TimeZone;
    /// # use incident::{Declare, DetectionSource, Incident, IncidentId, IncidentKind, Severity};
    /// # let t0 = chrono::Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([7; 16]), IncidentKind::AccountTakeover, "Client accounts taken over")
    /// #     .detection(DetectionSource::CustomerReport, t0).severity(Severity::Sev2).owner(ActorId::new("li.na")?);
    /// # let mut incident = Incident::replay(&Incident::declare(&declare, &Context::new(ActorId::new("hotline")?, t0))?)?;
    /// # let mut store = EventLog::new(incident.id());
    /// # store.append(0, &Incident::declare(&declare, &Context::new(ActorId::new("hotline")?, t0))?)?;
    /// let ctx = Context::new(ActorId::new("li.na")?, t0 + Duration::minutes(20));
    /// let note = Command::AddNote { text: "312 client accounts frozen".into() };
    /// let envelopes = incident.execute(&note, &ctx)?;
    /// assert_eq!(envelopes[0].sequence(), incident.version() + 1);
    ///
    /// store.append(incident.version(), &envelopes)?; // the version they were made from
    /// for envelope in &envelopes {
    ///     incident.apply(envelope)?; // once the store accepted them
    /// }
    /// assert_eq!(incident.version(), 2);
    /// assert_eq!(incident.head(), store.head().ok_or("a head")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
}

#[cfg(test)]
mod tests;
