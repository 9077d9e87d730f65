//! The one timer, as in quinn-proto: [`Incident::poll_timeout`] answers when the host must
//! wake up next for an incident and why; [`Incident::handle_timeout`] at that instant gives
//! the commands that record what fell due. Three clocks feed it: the regulatory deadlines
//! and their reminders, the communication plan's messages (phase-triggered and cadence),
//! and the actions' due times. The host keeps one timer per open incident (or one due-time
//! index for all of them) and never computes a deadline itself.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::comms::PlannedState;
use crate::id::{ActionId, PlanItemId};
use crate::regulation::{ClockAlert, Obligations, Regulation};
use crate::{Command, Incident};

/// Something that fell due and was not done: recorded in the log by
/// [`Command::RecordOverdue`] so that the log shows what was late and since when, even when
/// nobody touched the incident at that moment. Regulatory deadlines are recorded as
/// [`ClockAlert`]s instead.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "item", rename_all = "snake_case", deny_unknown_fields)]
pub enum Overdue {
    /// An action reached its due time without being done or deferred.
    Action {
        /// The action.
        action_id: ActionId,
        /// Its due time.
        due_at: DateTime<Utc>,
    },
    /// A planned message reached its due time without being sent.
    Message {
        /// The plan item.
        plan_item: PlanItemId,
        /// Which occurrence of the item (1 for a one-off message; the n-th for a cadence).
        occurrence: u32,
        /// Its due time.
        due_at: DateTime<Utc>,
    },
}

impl Overdue {
    /// When it fell due.
    pub fn due_at(&self) -> DateTime<Utc> {
        match self {
            Self::Action { due_at, .. } | Self::Message { due_at, .. } => *due_at,
        }
    }
}

/// When the host must wake up for an incident, and what will fall due then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Wake {
    /// The instant to wake at; at or before `now` means "handle it now".
    pub at: DateTime<Utc>,
    /// Regulatory reminders and deadlines that fall due by then.
    pub alerts: Vec<ClockAlert>,
    /// Actions and planned messages that fall due by then.
    pub overdue: Vec<Overdue>,
}

impl Incident {
    /// Every regulatory obligation of this incident as it stood at `at`, from what was
    /// recorded by then ([`regulatory_facts_at`](Self::regulatory_facts_at)): equal to the
    /// obligations of the incident replayed from its log cut at `at`. A determination,
    /// grade, milestone, impact update, filing or waiver recorded after `at` is left out
    /// even when it states an earlier time. See [`Regulation::obligations`].
    ///
    /// # Examples
    ///
    /// A payments platform in mainland China grades its breach 较大 (relatively major)
    /// under the CAC Measures; its report to the provincial authority is then due four hours
    /// after detection.
    ///
    /// ```
    /// use chrono::Duration;
    /// use incident::classify::Jurisdiction;
    /// use incident::id::CalendarId;
    /// use incident::locale::Zone;
    /// use incident::regulation::{CnGrade, EntityProfile, EntityType, ObligationStatus, Regulation};
    /// use incident::{ActorId, Command, Context};
    /// # use chrono::TimeZone;
    /// # use incident::{Declare, DetectionSource, Incident, IncidentId, IncidentKind, Severity};
    /// # let t0 = chrono::Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Customer records and funds stolen")
    /// #     .detection(DetectionSource::NetworkTraffic, t0).severity(Severity::Sev1).owner(ActorId::new("zhang.min")?);
    /// # let mut incident = Incident::replay(&Incident::declare(&declare, &Context::new(ActorId::new("soc")?, t0))?)?;
    /// let regulation = Regulation::builtin(
    ///     EntityProfile::new()
    ///         .established_in(Jurisdiction::new("CN")?)
    ///         .entity_type(EntityType::CnNetworkOperator)
    ///         .time_zone(Zone::SHANGHAI)
    ///         .calendar(CalendarId::new("cn")?),
    /// );
    /// // Until the grade is recorded, the CAC clock cannot be decided, and says why.
    /// let cac = "cn-cac-incident-reporting";
    /// let before = incident.obligations(&regulation, t0);
    /// assert!(before.undetermined.iter().any(|u| u.regime.as_str() == cac));
    ///
    /// let grade = Command::record_grade(CnGrade::RelativelyMajor, "over a million people's data");
    /// let ctx = Context::new(ActorId::new("legal")?, t0 + Duration::minutes(30));
    /// for envelope in incident.execute(&grade, &ctx)? {
    ///     incident.apply(&envelope)?;
    /// }
    /// let obligations = incident.obligations(&regulation, ctx.at());
    /// let report = obligations.get(cac, "provincial-report").ok_or("the CAC report")?;
    /// assert_eq!(report.due, Some(t0 + Duration::hours(4)));
    /// assert!(matches!(report.status, ObligationStatus::Pending { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn obligations(&self, regulation: &Regulation, at: DateTime<Utc>) -> Obligations {
        regulation.obligations(&self.regulatory_facts_at(at), at)
    }

    /// The next moment something falls due for this incident and is not yet recorded: a
    /// regulatory reminder or deadline (`regulation`; `None` when the host does not run
    /// regulatory clocks), a planned or cadence message, or an action's due time. Set one
    /// timer for [`Wake::at`]; when it fires, call [`handle_timeout`](Self::handle_timeout).
    /// `None`: nothing with a time is open, or the incident is closed or dismissed.
    ///
    /// # Examples
    ///
    /// A containment action due in an hour, and no regulatory clocks:
    ///
    /// ```
    /// use chrono::Duration;
    /// use incident::actions::{ActionKind, NewAction};
    /// use incident::id::ActionId;
    /// use incident::{ActorId, Command, Context};
    /// # use chrono::TimeZone;
    /// # use incident::{Declare, DetectionSource, Incident, IncidentId, IncidentKind, Severity};
    /// # let t0 = chrono::Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Customer data exfiltrated")
    /// #     .detection(DetectionSource::Monitoring, t0).severity(Severity::Sev1).owner(ActorId::new("zhang.min")?);
    /// # let mut incident = Incident::replay(&Incident::declare(&declare, &Context::new(ActorId::new("soc")?, t0))?)?;
    /// let soc = ActorId::new("soc")?;
    /// let add = Command::AddAction(NewAction {
    ///     action_id: ActionId::new("C-1")?,
    ///     kind: ActionKind::Containment,
    ///     title: "Revoke the leaked API key".into(),
    ///     owner: Some(soc.clone()),
    ///     due: Some(t0 + Duration::hours(1)),
    ///     measure: None,
    /// });
    /// for e in incident.execute(&add, &Context::new(soc.clone(), t0))? {
    ///     incident.apply(&e)?;
    /// }
    /// // The host sets one timer...
    /// let wake = incident.poll_timeout(None, t0).expect("an action is due");
    /// assert_eq!(wake.at, t0 + Duration::hours(1));
    /// // ...and when it fires, records what fell due, like any command.
    /// for command in incident.handle_timeout(None, wake.at) {
    ///     for e in incident.execute(&command, &Context::new(soc.clone(), wake.at))? {
    ///         incident.apply(&e)?;
    ///     }
    /// }
    /// assert_eq!(incident.overdue().len(), 1);
    /// assert_eq!(incident.poll_timeout(None, wake.at), None); // nothing else is open
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn poll_timeout(
        &self,
        regulation: Option<&Regulation>,
        now: DateTime<Utc>,
    ) -> Option<Wake> {
        if self.phase.is_terminal() {
            return None;
        }
        let alerts = regulation.map_or_else(Vec::new, |r| {
            r.pending_alerts(&self.regulatory_facts_at(now), now)
        });
        let overdue = self.pending_overdue(now);
        let at = alerts
            .iter()
            .map(|a| a.at)
            .chain(overdue.iter().map(Overdue::due_at))
            .min()?;
        let by = at.max(now);
        Some(Wake {
            at,
            alerts: alerts.into_iter().filter(|a| a.at <= by).collect(),
            overdue: overdue.into_iter().filter(|o| o.due_at() <= by).collect(),
        })
    }

    /// The commands that record everything due at `now` and not yet recorded: a
    /// [`Command::RecordClockAlerts`] for regulatory reminders and missed deadlines, a
    /// [`Command::RecordOverdue`] for actions and messages. Empty when nothing is due.
    /// Execute them like any command, with `now` as the context time.
    ///
    /// # Examples
    /// See [`poll_timeout`](Self::poll_timeout).
    pub fn handle_timeout(
        &self,
        regulation: Option<&Regulation>,
        now: DateTime<Utc>,
    ) -> Vec<Command> {
        if self.phase.is_terminal() {
            return Vec::new();
        }
        let mut commands = Vec::new();
        if let Some(regulation) = regulation {
            let alerts = regulation.alerts_due(&self.regulatory_facts_at(now), now);
            if !alerts.is_empty() {
                commands.push(Command::RecordClockAlerts { alerts });
            }
        }
        let overdue: Vec<Overdue> = self
            .pending_overdue(now)
            .into_iter()
            .filter(|o| o.due_at() <= now)
            .collect();
        if !overdue.is_empty() {
            commands.push(Command::RecordOverdue { overdue });
        }
        commands
    }

    /// Actions and planned messages with a due time that are not done, sent or recorded as
    /// overdue yet, earliest first: the candidates for the timer. Regulator reports in the
    /// plan are left to the regulatory clocks, which know their deadlines.
    pub(crate) fn pending_overdue(&self, now: DateTime<Utc>) -> Vec<Overdue> {
        let actions = self.actions.values().filter_map(|a| {
            let due_at = a.due?;
            (!a.status.is_settled()).then(|| Overdue::Action {
                action_id: a.id.clone(),
                due_at,
            })
        });
        let messages = self
            .plan_schedule(None, now)
            .map(|s| s.entries)
            .unwrap_or_default()
            .into_iter()
            .filter(|e| e.obligation.is_none() && !matches!(e.state, PlannedState::Sent { .. }))
            .filter_map(|e| {
                Some(Overdue::Message {
                    plan_item: e.item,
                    occurrence: e.occurrence,
                    due_at: e.due_at?,
                })
            });
        let recorded: std::collections::BTreeSet<&Overdue> = self.overdue.iter().collect();
        let mut out: Vec<Overdue> = actions
            .chain(messages)
            .filter(|o| !recorded.contains(o))
            .collect();
        out.sort_by_key(Overdue::due_at);
        out
    }

    /// What the timer recorded as overdue (actions and planned messages), oldest first.
    pub fn overdue(&self) -> &[Overdue] {
        &self.overdue
    }
}
