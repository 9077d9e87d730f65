//! Communication plans: which messages go to whom, triggered by phases, by a cadence or by
//! regulatory obligations, each approved by a named role before it is sent.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::template_error::kind_name;
use super::{Audience, Channel, ElementRules, MessageKind, Notice, NoticeStatus, TemplateSet};
use crate::id::{NoticeId, PlanItemId};
use crate::locale::Locale;
use crate::phase::{Phase, PhaseStamp, Role};
use crate::regulation::{ObligationStatus, Obligations, RecipientKind};

/// What a plan's schedule is computed from, as the incident records it: the phase history,
/// the notices drafted so far and which approvals went stale. The aggregate lends it with
/// [`Incident::plan_view`](crate::Incident::plan_view).
#[derive(Debug, Clone)]
pub struct PlanView<'a> {
    /// Every phase entry and sub-status change, oldest first.
    pub stamps: &'a [PhaseStamp],
    /// The notices, by id.
    pub notices: &'a BTreeMap<NoticeId, Notice>,
    /// Approved notices a fact of which changed since approval
    /// ([`Notice::stale_facts`]): not ready to send.
    pub stale: BTreeSet<NoticeId>,
}

impl PlanView<'_> {
    /// When the incident first entered `phase`, if it did.
    pub fn entered_at(&self, phase: Phase) -> Option<DateTime<Utc>> {
        self.stamps
            .iter()
            .find(|s| s.phase == phase && s.sub_status.is_none())
            .map(|s| s.at)
    }
}

/// What schedules a planned message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "on", rename_all = "snake_case", deny_unknown_fields)]
pub enum PlanTrigger {
    /// Entering a phase (for the detected phase: the declaration).
    Phase {
        /// The phase.
        phase: Phase,
        /// How long after entering it the message is due, in minutes.
        within_minutes: u32,
    },
    /// A cadence: every `every_hours` from first entering one of `while_in`, for as long as
    /// the incident stays in those phases ("every 24 h while contained or disclosed").
    Cadence {
        /// The interval, in hours.
        every_hours: u32,
        /// The phases in which the cadence runs.
        while_in: BTreeSet<Phase>,
    },
    /// Every regulatory obligation whose recipient is a regulator: one report each, due at
    /// the obligation's due time (or "immediately" when it has none).
    RegulatoryObligations {},
}

impl PlanTrigger {
    /// When the trigger's first message falls due, as a phase and a delay in minutes after
    /// entering it; `None` for regulator reports, which run on their own clocks.
    fn first_due(&self) -> Option<(Phase, u32)> {
        match self {
            Self::Phase {
                phase,
                within_minutes,
            } => Some((*phase, *within_minutes)),
            Self::Cadence {
                every_hours,
                while_in,
            } => while_in
                .first()
                .map(|p| (*p, every_hours.saturating_mul(60))),
            Self::RegulatoryObligations {} => None,
        }
    }
}

/// One line of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// Id within the plan; drafts name it to say which planned message they are.
    pub id: PlanItemId,
    /// The message kind.
    pub kind: MessageKind,
    /// The audience.
    pub audience: Audience,
    /// The channels it goes out on.
    pub channels: BTreeSet<Channel>,
    /// What schedules it.
    pub trigger: PlanTrigger,
    /// Who must approve it: the holder of this role approves drafts for this item.
    pub approver: Role,
}

/// A communication plan: data the incident adopts with
/// [`Command::AdoptCommsPlan`](crate::Command::AdoptCommsPlan).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommsPlan {
    /// The planned messages.
    pub items: Vec<PlanItem>,
    /// The content elements messages must carry under this plan; `null` keeps the crate's
    /// defaults ([`ElementRules::defaults`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_elements: Option<ElementRules>,
    /// Whether the person who drafted a notice may also approve it. Off by default (four
    /// eyes); a one-person desk turns it on knowingly, and the plan in the log says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_self_approval: bool,
    /// Whether an item for the press may fall due before every customer notice. Off by
    /// default: customers read about their own money in a notice from the firm, not in the
    /// news ([`PlanProblem::PressBeforeCustomers`]). A host that must answer the press
    /// first turns it on knowingly, and the plan in the log says so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_press_before_customers: bool,
}

/// Something wrong with a plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "problem", rename_all = "snake_case", deny_unknown_fields)]
pub enum PlanProblem {
    /// Two items share an id.
    #[error("plan item {item} appears twice: give each item its own id")]
    DuplicateItem {
        /// The id.
        item: PlanItemId,
    },
    /// A cadence of zero hours or with no phases.
    #[error("plan item {item}: a cadence needs a positive interval and at least one phase")]
    EmptyCadence {
        /// The id.
        item: PlanItemId,
    },
    /// An item with no channel.
    #[error("plan item {item} has no channel: name at least one")]
    NoChannel {
        /// The id.
        item: PlanItemId,
    },
    /// Cadences that together schedule more messages a day than a plan may
    /// ([`CommsPlan::MAX_CADENCE_PER_DAY`]).
    #[error("the plan's cadences schedule {per_day} messages a day, more than the {limit} a plan may: lengthen their intervals (a team cannot write, approve and send more)")]
    TooDense {
        /// Messages a day the cadences schedule together, rounded up.
        per_day: u32,
        /// The most allowed.
        limit: u32,
    },
    /// An item for the press can fall due before the first customer notice: no customer
    /// item is certain to fall due first (one on detection or on the press item's phase,
    /// with no longer a delay).
    #[error("plan item {press_item} can reach the press before any customer notice: schedule a customer notice on detection or on entering {phase}, with a delay of no more than {within_minutes} minutes, or set allow_press_before_customers if the press must be told first")]
    PressBeforeCustomers {
        /// The press item.
        press_item: PlanItemId,
        /// Its phase.
        phase: Phase,
        /// Its delay after entering the phase, in minutes.
        within_minutes: u32,
    },
    /// An item sends a kind on a short channel (SMS, app push, WeChat) for which the
    /// template set has no variant of that channel in a language: the full notice would
    /// be refused as too long ([`CommsPlan::channel_problems`]).
    #[error("plan item {item} sends the {} by {} but the template set has no {} variant of it in {locale}: register a short template with TemplateBuilder::channel, or send it on another channel", kind_name(*.kind), .channel.as_str(), .channel.as_str())]
    NoShortVariant {
        /// The id.
        item: PlanItemId,
        /// The kind.
        kind: MessageKind,
        /// The short channel.
        channel: Channel,
        /// The language without a variant.
        locale: Locale,
    },
    /// More items than a plan may hold ([`CommsPlan::MAX_ITEMS`]).
    #[error("the plan has {items} items, more than the {limit} a plan may hold: merge items that go to the same audience on the same trigger")]
    TooManyItems {
        /// How many the plan has.
        items: usize,
        /// The most allowed.
        limit: usize,
    },
}

impl CommsPlan {
    /// The item with this id.
    pub fn item(&self, id: &PlanItemId) -> Option<&PlanItem> {
        self.items.iter().find(|i| &i.id == id)
    }

    /// The most items a plan may hold. Every append recomputes what the plan makes ready,
    /// so a plan's size is a cost every command of its incident pays; 200 is several times
    /// what the seeds' plans need (the reference plan has nine items).
    pub const MAX_ITEMS: usize = 200;

    /// The most messages a day a plan's cadences may schedule together. Each occurrence is
    /// a message someone drafts and approves, and the schedule of an incident open for
    /// `d` days lists up to this many times `d` entries, so the bound keeps both human.
    pub const MAX_CADENCE_PER_DAY: u32 = 48;

    /// Messages a day the plan's cadences schedule together, rounded up.
    pub fn cadence_per_day(&self) -> u32 {
        let per_day_milli: u64 = self
            .items
            .iter()
            .filter_map(|item| match &item.trigger {
                PlanTrigger::Cadence { every_hours, .. } if *every_hours > 0 => {
                    Some(24_000 / u64::from(*every_hours))
                }
                _ => None,
            })
            .sum();
        u32::try_from(per_day_milli.div_ceil(1000)).unwrap_or(u32::MAX)
    }

    /// Everything wrong with the plan (empty when it is sound).
    pub fn problems(&self) -> Vec<PlanProblem> {
        let mut out = Vec::new();
        if self.items.len() > Self::MAX_ITEMS {
            out.push(PlanProblem::TooManyItems {
                items: self.items.len(),
                limit: Self::MAX_ITEMS,
            });
        }
        let per_day = self.cadence_per_day();
        if per_day > Self::MAX_CADENCE_PER_DAY {
            out.push(PlanProblem::TooDense {
                per_day,
                limit: Self::MAX_CADENCE_PER_DAY,
            });
        }
        if !self.allow_press_before_customers {
            out.extend(self.press_before_customers());
        }
        for (i, item) in self.items.iter().enumerate() {
            if self.items.iter().take(i).any(|other| other.id == item.id) {
                out.push(PlanProblem::DuplicateItem {
                    item: item.id.clone(),
                });
            }
            if let PlanTrigger::Cadence {
                every_hours,
                while_in,
            } = &item.trigger
            {
                if *every_hours == 0 || while_in.is_empty() {
                    out.push(PlanProblem::EmptyCadence {
                        item: item.id.clone(),
                    });
                }
            }
            if item.channels.is_empty() {
                out.push(PlanProblem::NoChannel {
                    item: item.id.clone(),
                });
            }
        }
        out
    }

    /// Press items that may fall due before every customer notice. A customer item `c`
    /// falls due no later than a press item `p` whatever the incident's timing when `c` is
    /// certain to fire and its delay is no longer than `p`'s from the same or an earlier
    /// moment: `c` waits on a phase entry (a cadence may never fire, if the incident moves
    /// on before its first interval), and that phase is `p`'s own or the detected phase,
    /// which every incident enters first. A press cadence counts from entering the first
    /// of its phases, one interval later (its earliest possible time). Surveys are not
    /// notices, and the spokesperson's Q&A is not published.
    fn press_before_customers(&self) -> Vec<PlanProblem> {
        let customer: Vec<(Phase, u32)> = self
            .items
            .iter()
            .filter(|i| i.audience.is_customers() && i.kind != MessageKind::Survey)
            .filter_map(|i| match i.trigger {
                PlanTrigger::Phase {
                    phase,
                    within_minutes,
                } => Some((phase, within_minutes)),
                _ => None,
            })
            .collect();
        self.items
            .iter()
            .filter(|i| i.audience == Audience::Media && i.kind != MessageKind::SpokespersonQa)
            .filter_map(|i| i.trigger.first_due().map(|due| (i, due)))
            .filter(|(_, (pp, pm))| {
                !customer
                    .iter()
                    .any(|(cp, cm)| (cp == pp || *cp == Phase::Detected) && cm <= pm)
            })
            .map(
                |(i, (phase, within_minutes))| PlanProblem::PressBeforeCustomers {
                    press_item: i.id.clone(),
                    phase,
                    within_minutes,
                },
            )
            .collect()
    }

    /// The items that send a kind on a short channel ([`Channel::is_short`]) for which
    /// `set` has no template of that channel in one of `locales` (for the item's audience
    /// or any): their full notice would be refused as too long when fanned out. Separate
    /// from [`CommsPlan::problems`] because a plan is adopted without a template set.
    ///
    /// # Examples
    /// ```
    /// use incident::comms::{CommsPlan, TemplateSet};
    /// use incident::locale::Locale;
    ///
    /// let plan = CommsPlan::reference();
    /// // The built-in set has a short SMS variant of the initial notice, the one item the
    /// // reference plan sends by SMS.
    /// assert!(plan.channel_problems(&TemplateSet::builtin(), &Locale::ALL).is_empty());
    /// let problems = plan.channel_problems(&TemplateSet::empty(), &[Locale::ZhCn]);
    /// assert_eq!(problems.len(), 1, "{problems:?}");
    /// ```
    pub fn channel_problems(&self, set: &TemplateSet, locales: &[Locale]) -> Vec<PlanProblem> {
        let mut out = Vec::new();
        for item in &self.items {
            for channel in item.channels.iter().filter(|c| c.is_short()) {
                for locale in locales {
                    let found = set
                        .lookup_for(item.kind, *locale, item.audience, *channel)
                        .is_some_and(|t| t.channel() == Some(*channel));
                    if !found {
                        out.push(PlanProblem::NoShortVariant {
                            item: item.id.clone(),
                            kind: item.kind,
                            channel: *channel,
                            locale: *locale,
                        });
                    }
                }
            }
        }
        out
    }

    /// The plan's messages for this incident at `at`: each scheduled message with its due
    /// time and where it stands. `obligations` feeds the regulator-report items; pass
    /// `None` when regulatory clocks are not in use. The incident's own plan is scheduled
    /// by [`Incident::plan_schedule`](crate::Incident::plan_schedule).
    ///
    /// # Examples
    ///
    /// The reference plan for a payments platform's breach, ninety minutes after detection
    /// and not contained yet: the staff briefing and the hotline script (due after an hour)
    /// are overdue, and the next message due is the notice to customers, an hour before
    /// anything goes to the press.
    ///
    /// ```
    /// use chrono::Duration;
    /// use incident::comms::CommsPlan;
    /// # use chrono::TimeZone;
    /// # use incident::{ActorId, Context, Declare, DetectionSource, Incident, IncidentId, IncidentKind, Severity};
    /// # let t0 = chrono::Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Customer records and funds stolen")
    /// #     .detection(DetectionSource::NetworkTraffic, t0).severity(Severity::Sev1).owner(ActorId::new("zhang.min")?);
    /// # let incident = Incident::replay(&Incident::declare(&declare, &Context::new(ActorId::new("soc")?, t0))?)?;
    /// let plan = CommsPlan::reference();
    /// let schedule = plan.schedule(incident.plan_view(), None, t0 + Duration::minutes(90));
    /// let overdue: Vec<&str> = schedule.overdue().map(|e| e.item.as_str()).collect();
    /// assert_eq!(overdue, ["hotline-script", "staff-briefing"]);
    /// let next = schedule.next_due().ok_or("a message is due")?;
    /// assert_eq!(next.item.as_str(), "customer-initial");
    /// assert_eq!(next.due_at, Some(t0 + Duration::hours(2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn schedule(
        &self,
        incident: PlanView<'_>,
        obligations: Option<&Obligations>,
        at: DateTime<Utc>,
    ) -> Schedule {
        let mut entries = self.entries(&incident, obligations, at, Scope::Every);
        entries.sort_by(|a, b| {
            (a.due_at.is_some(), a.due_at, &a.item, a.occurrence).cmp(&(
                b.due_at.is_some(),
                b.due_at,
                &b.item,
                b.occurrence,
            ))
        });
        Schedule { at, entries }
    }

    /// The messages approved and waiting to be sent at `at`: what
    /// `schedule(…).ready_to_send()` lists, in plan order, computed only over the
    /// occurrences that have a notice drafted for them. Its cost follows the notices, not
    /// the time a cadence has been running, so a host can call it on every append.
    /// Regulator-report items never have a notice of their own, so no obligations are
    /// needed.
    pub fn ready(&self, incident: PlanView<'_>, at: DateTime<Utc>) -> Vec<Scheduled> {
        self.entries(&incident, None, at, Scope::Drafted)
            .into_iter()
            .filter(|e| e.state == PlannedState::Approved {})
            .collect()
    }

    /// The plan's entries, item by item: every occurrence, or only those a notice was
    /// drafted for.
    fn entries(
        &self,
        incident: &PlanView<'_>,
        obligations: Option<&Obligations>,
        at: DateTime<Utc>,
        scope: Scope,
    ) -> Vec<Scheduled> {
        let mut entries = Vec::new();
        for item in &self.items {
            let notices = planned_notices(incident, &item.id);
            let limit = match scope {
                Scope::Every => usize::MAX,
                Scope::Drafted => notices.len(),
            };
            match &item.trigger {
                PlanTrigger::Phase {
                    phase,
                    within_minutes,
                } => {
                    if limit == 0 {
                        continue;
                    }
                    if let Some(entered) = incident.entered_at(*phase) {
                        // Past the end of the representable timeline: no due time.
                        let due = entered
                            .checked_add_signed(Duration::minutes(i64::from(*within_minutes)));
                        entries.push(entry(item, 1, due, notices.first(), at, None));
                    }
                }
                PlanTrigger::Cadence {
                    every_hours,
                    while_in,
                } => {
                    if *every_hours == 0 {
                        continue;
                    }
                    let step = Duration::hours(i64::from(*every_hours));
                    for (n, due) in cadence(incident, while_in, step, at, limit)
                        .into_iter()
                        .enumerate()
                    {
                        let occurrence = u32::try_from(n).unwrap_or(u32::MAX).saturating_add(1);
                        entries.push(entry(item, occurrence, Some(due), notices.get(n), at, None));
                    }
                }
                PlanTrigger::RegulatoryObligations {} => {
                    let Some(obligations) = obligations.filter(|_| scope == Scope::Every) else {
                        continue;
                    };
                    regulator_reports(item, obligations, at, &mut entries);
                }
            }
        }
        entries
    }
}

/// Which occurrences [`CommsPlan::entries`] lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Every occurrence due so far, and the next one.
    Every,
    /// Only the occurrences a notice was drafted for.
    Drafted,
}

/// One entry per report owed to a regulator, due at the obligation's due time.
fn regulator_reports(
    item: &PlanItem,
    obligations: &Obligations,
    at: DateTime<Utc>,
    entries: &mut Vec<Scheduled>,
) {
    let reports = obligations
        .obligations
        .iter()
        .filter(|o| o.recipient.kind == RecipientKind::Regulator);
    for (n, o) in reports.enumerate() {
        if matches!(
            o.status,
            ObligationStatus::AwaitingTrigger {} | ObligationStatus::Waived { .. }
        ) {
            continue;
        }
        let occurrence = u32::try_from(n).unwrap_or(u32::MAX).saturating_add(1);
        let filed = match o.status {
            ObligationStatus::Met { submitted_at, .. } => Some(submitted_at),
            _ => None,
        };
        let mut e = entry(item, occurrence, o.due, None, at, filed);
        e.obligation = Some(format!("{}/{}", o.regime, o.report));
        entries.push(e);
    }
}

/// The incident's notices drafted for a plan item, in drafting order.
fn planned_notices<'a>(incident: &PlanView<'a>, item: &PlanItemId) -> Vec<PlannedNotice<'a>> {
    let mut found: Vec<_> = incident
        .notices
        .iter()
        .filter(|(_, n)| {
            n.draft.plan_item.as_ref() == Some(item) && n.status != NoticeStatus::Cancelled
        })
        .map(|(id, n)| (n.drafted_at, id, n.status, n.sent_at))
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|(_, id, status, sent_at)| PlannedNotice {
            id,
            status,
            sent_at,
            stale: incident.stale.contains(id),
        })
        .collect()
}

/// A notice drafted for a plan item, as the schedule needs it.
struct PlannedNotice<'a> {
    id: &'a NoticeId,
    status: NoticeStatus,
    sent_at: Option<DateTime<Utc>>,
    stale: bool,
}

/// Due times of a cadence up to the first one after `at`, while the incident stays in the
/// cadence's phases.
fn cadence(
    incident: &PlanView<'_>,
    while_in: &BTreeSet<Phase>,
    step: Duration,
    at: DateTime<Utc>,
    limit: usize,
) -> Vec<DateTime<Utc>> {
    // Spans [entered, left) of the phases in `while_in`, from the phase stamps.
    let stamps: Vec<_> = incident
        .stamps
        .iter()
        .filter(|s| s.sub_status.is_none())
        .collect();
    let mut start = None;
    let mut end = None;
    for (i, s) in stamps.iter().enumerate() {
        if while_in.contains(&s.phase) {
            start = start.or(Some(s.at));
            let next = stamps.get(i + 1).map(|n| (n.phase, n.at));
            end = match next {
                Some((p, t)) if !while_in.contains(&p) => Some(t),
                _ => None,
            };
        }
    }
    let Some(start) = start else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut next = start.checked_add_signed(step);
    // Bounded: at most one entry past `at`, at most 10,000 occurrences (and `limit`), and
    // never past the end of the representable timeline.
    while let Some(due) = next {
        if out.len() >= limit.min(10_000) || end.is_some_and(|e| due > e) {
            break;
        }
        out.push(due);
        if due > at {
            break;
        }
        next = due.checked_add_signed(step);
    }
    out
}

fn entry(
    item: &PlanItem,
    occurrence: u32,
    due_at: Option<DateTime<Utc>>,
    notice: Option<&PlannedNotice<'_>>,
    at: DateTime<Utc>,
    filed: Option<DateTime<Utc>>,
) -> Scheduled {
    let state = match (notice, filed) {
        (_, Some(sent_at)) => PlannedState::Sent { sent_at },
        (Some(n), _) => match (n.status, n.sent_at) {
            (NoticeStatus::Sent, Some(sent_at)) => PlannedState::Sent { sent_at },
            (NoticeStatus::Approved, _) if n.stale => PlannedState::Stale {},
            (NoticeStatus::Approved, _) => PlannedState::Approved {},
            _ => PlannedState::Drafted {},
        },
        (None, _) => PlannedState::NotDrafted {},
    };
    let overdue = !matches!(state, PlannedState::Sent { .. }) && due_at.is_some_and(|d| at > d);
    Scheduled {
        item: item.id.clone(),
        occurrence,
        kind: item.kind,
        audience: item.audience,
        approver: item.approver,
        due_at,
        notice: notice.map(|n| n.id.clone()),
        obligation: None,
        state,
        overdue,
    }
}

/// Where a planned message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
pub enum PlannedState {
    /// No draft yet.
    NotDrafted {},
    /// Drafted, awaiting approval.
    Drafted {},
    /// Approved, not yet sent.
    Approved {},
    /// Approved, but a fact the approval bound changed since: approve it again before it
    /// goes out.
    Stale {},
    /// Sent (or, for a regulator report, filed).
    Sent {
        /// When.
        sent_at: DateTime<Utc>,
    },
}

/// One scheduled message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scheduled {
    /// The plan item.
    pub item: PlanItemId,
    /// Which occurrence (cadences and regulator reports have several).
    pub occurrence: u32,
    /// The message kind.
    pub kind: MessageKind,
    /// The audience.
    pub audience: Audience,
    /// The role that approves it.
    pub approver: Role,
    /// When it is due; `null` for "immediately".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_at: Option<DateTime<Utc>>,
    /// The notice drafted for it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<NoticeId>,
    /// The obligation it serves (`regime/report`), for regulator reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obligation: Option<String>,
    /// Where it stands.
    pub state: PlannedState,
    /// Past due and not sent.
    pub overdue: bool,
}

/// The plan's messages at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// The moment.
    pub at: DateTime<Utc>,
    /// Scheduled messages: "immediately" first, then by due time.
    pub entries: Vec<Scheduled>,
}

impl Schedule {
    /// Messages past due and not sent.
    pub fn overdue(&self) -> impl Iterator<Item = &Scheduled> {
        self.entries.iter().filter(|e| e.overdue)
    }

    /// The next message due (not sent, not yet overdue), with its due time.
    pub fn next_due(&self) -> Option<&Scheduled> {
        self.entries
            .iter()
            .filter(|e| !matches!(e.state, PlannedState::Sent { .. }) && !e.overdue)
            .filter(|e| e.due_at.is_some())
            .min_by_key(|e| e.due_at)
    }

    /// Messages approved and waiting to be sent: what a host's outbox should pick up.
    pub fn ready_to_send(&self) -> impl Iterator<Item = &Scheduled> {
        self.entries
            .iter()
            .filter(|e| e.state == PlannedState::Approved {})
    }
}
