//! The first hour of an incident, as a checklist: who does what by when, which drafts wait
//! for approval, the nearest regulatory deadline, and what the timer says to do next. It is
//! what a host shows the moment a playbook is activated ("the host sees what to do first").
//!
//! A read model: it reads the incident and the host's [`Regulation`], and decides nothing.

mod render;

use crate::locale::Translations;
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::actions::{ActionKind, ActionStatus};
use crate::comms::{Audience, ContentElement, MessageKind, NoticeStatus};
use crate::id::{ActionId, NoticeId, PlanItemId, PlaybookRoleId, RegimeId, ReportId};
use crate::lifecycle::Overdue;
use crate::playbook::{ActivePlaybook, PlaybookPin, Wording};
use crate::regulation::{ObligationStatus, Regulation};
use crate::{ActorId, Incident, IncidentId, Role};

/// The first-hour checklist of an incident at a moment.
///
/// # Examples
/// See `examples/playbook.rs`, which prints it for the securities-firm case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FirstHour {
    /// The incident.
    pub incident: IncidentId,
    /// The moment the checklist is for.
    pub at: DateTime<Utc>,
    /// When the incident was detected.
    pub detected_at: DateTime<Utc>,
    /// The playbook followed, if any.
    pub playbook: Option<PlaybookPin>,
    /// Playbook roles nobody fills yet, with their names in the activation's language.
    pub roles_to_fill: Vec<RoleToFill>,
    /// Open actions grouped by who owns them, earliest due first within each group.
    pub owners: Vec<OwnerActions>,
    /// Notices drafted and not yet approved.
    pub drafts: Vec<DraftAwaiting>,
    /// The open regulatory obligation due first; `null` with `no_deadline_reason` saying why.
    pub nearest_deadline: Option<Deadline>,
    /// Why there is no nearest deadline, when there is none.
    pub no_deadline_reason: Option<NoDeadline>,
    /// Regimes the playbook asks to evaluate that the host's regulation does not include.
    pub regimes_not_evaluated: Vec<RegimeId>,
    /// Regimes that cannot be evaluated yet for want of a fact.
    pub regimes_undetermined: Vec<RegimeId>,
    /// When the timer next wakes, if anything is open.
    pub next_wake: Option<DateTime<Utc>>,
    /// What falls due at that wake: action and message deadlines, regulatory alerts.
    pub next_wake_items: Vec<WakeItem>,
}

/// Something that falls due when the timer next wakes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "item", rename_all = "snake_case", deny_unknown_fields)]
pub enum WakeItem {
    /// An action's due time.
    Action {
        /// The action.
        action_id: ActionId,
    },
    /// A planned message's due time.
    Message {
        /// The plan item.
        plan_item: PlanItemId,
    },
    /// A regulatory reminder or deadline.
    Alert {
        /// The regime.
        regime: RegimeId,
        /// The report.
        report: ReportId,
    },
}

/// Why the checklist shows no regulatory deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "reason", rename_all = "snake_case", deny_unknown_fields)]
pub enum NoDeadline {
    /// The host passed no regulation.
    NoRegulation {},
    /// Regimes wait for a fact (a grade, a determination) before they give a clock.
    AwaitingFacts {},
    /// Nothing is owed under the regulation given.
    NothingOpen {},
}

/// A playbook role nobody fills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleToFill {
    /// The role.
    pub role: PlaybookRoleId,
    /// Its name in each of the playbook's languages.
    pub name: Wording,
}

/// The open actions of one owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OwnerActions {
    /// The person, when one is named.
    pub person: Option<ActorId>,
    /// The playbook role the actions belong to, when a playbook started them.
    pub role: Option<PlaybookRoleId>,
    /// The role's name in each of the playbook's languages.
    pub role_name: Option<Wording>,
    /// The actions.
    pub actions: Vec<ChecklistAction>,
}

/// An open action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistAction {
    /// The action.
    pub action_id: ActionId,
    /// Containment, remediation or prevention.
    pub kind: ActionKind,
    /// What is to be done, as recorded.
    pub title: String,
    /// The playbook step's title in each of its languages, while the recorded title is
    /// still the step's.
    pub step_title: Option<Wording>,
    /// When it is due.
    pub due: Option<DateTime<Utc>>,
    /// Open or in progress.
    pub status: ActionStatus,
    /// Past due at the checklist's moment.
    pub overdue: bool,
}

/// A draft waiting for approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftAwaiting {
    /// The notice.
    pub notice_id: NoticeId,
    /// Its kind.
    pub kind: MessageKind,
    /// Its audience.
    pub audience: Audience,
    /// The incident role that approves it under the plan, if the plan names one.
    pub approver: Option<Role>,
    /// The required elements it still lacks: the facts to record before approval.
    pub missing: Vec<ContentElement>,
}

/// A regulatory deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The regime.
    pub regime: RegimeId,
    /// Its name.
    pub regime_name: String,
    /// Its name in other languages.
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub regime_titles: Translations,
    /// The report.
    pub report: ReportId,
    /// Its name.
    pub report_name: String,
    /// Its name in other languages.
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub report_titles: Translations,

    /// When it is due; `null` means "immediately".
    pub due: Option<DateTime<Utc>>,
    /// Past due.
    pub overdue: bool,
}

impl FirstHour {
    /// The checklist of `incident` at `at`, under the host's `regulation` (none: no
    /// deadline, and the checklist says so).
    pub fn of(incident: &Incident, regulation: Option<&Regulation>, at: DateTime<Utc>) -> Self {
        let active = incident.playbook();
        let mut first = Self {
            incident: incident.id(),
            at,
            detected_at: incident.detected_at(),
            playbook: active.map(|a| a.pin.clone()),
            roles_to_fill: active.map_or_else(Vec::new, |a| {
                a.roles_to_fill
                    .iter()
                    .map(|role| RoleToFill {
                        role: role.clone(),
                        name: role_name(a, role),
                    })
                    .collect()
            }),
            owners: owners(incident, at),
            drafts: drafts(incident),
            nearest_deadline: None,
            no_deadline_reason: None,
            regimes_not_evaluated: Vec::new(),
            regimes_undetermined: Vec::new(),
            next_wake: None,
            next_wake_items: Vec::new(),
        };
        first.regulatory(incident, regulation, at);
        first
    }

    fn regulatory(
        &mut self,
        incident: &Incident,
        regulation: Option<&Regulation>,
        at: DateTime<Utc>,
    ) {
        if let Some(wake) = incident.poll_timeout(regulation, at) {
            self.next_wake = Some(wake.at);
            self.next_wake_items = wake
                .overdue
                .iter()
                .map(|o| match o {
                    Overdue::Action { action_id, .. } => WakeItem::Action {
                        action_id: action_id.clone(),
                    },
                    Overdue::Message { plan_item, .. } => WakeItem::Message {
                        plan_item: plan_item.clone(),
                    },
                })
                .chain(wake.alerts.iter().map(|a| WakeItem::Alert {
                    regime: a.regime.clone(),
                    report: a.report.clone(),
                }))
                .collect();
        }
        let Some(regulation) = regulation else {
            self.no_deadline_reason = Some(NoDeadline::NoRegulation {});
            return;
        };
        let obligations = incident.obligations(regulation, at);
        self.nearest_deadline = obligations
            .obligations
            .iter()
            .filter(|o| {
                matches!(
                    o.status,
                    ObligationStatus::Pending { .. } | ObligationStatus::Overdue { .. }
                )
            })
            .min_by_key(|o| o.due.unwrap_or(DateTime::<Utc>::MIN_UTC))
            .map(|o| Deadline {
                regime: o.regime.clone(),
                regime_name: o.regime_name.clone(),
                regime_titles: o.regime_titles.clone(),
                report: o.report.clone(),
                report_name: o.report_name.clone(),
                report_titles: o.report_titles.clone(),
                due: o.due,
                overdue: matches!(o.status, ObligationStatus::Overdue { .. }),
            });
        self.regimes_undetermined = obligations
            .undetermined
            .iter()
            .map(|u| u.regime.clone())
            .collect();
        self.regimes_undetermined.dedup();
        if self.nearest_deadline.is_none() {
            self.no_deadline_reason = Some(if self.regimes_undetermined.is_empty() {
                NoDeadline::NothingOpen {}
            } else {
                NoDeadline::AwaitingFacts {}
            });
        }
        if let Some(active) = incident.playbook() {
            let known: Vec<&RegimeId> = regulation.regimes.iter().map(|r| &r.id).collect();
            self.regimes_not_evaluated = active
                .playbook
                .regimes()
                .iter()
                .filter(|r| !known.contains(r))
                .cloned()
                .collect();
        }
    }
}

/// A role's name in every language; a role the playbook does not declare goes by its id.
fn role_name(active: &ActivePlaybook, role: &PlaybookRoleId) -> Wording {
    active.playbook.role(role).map_or_else(
        || [(active.locale, role.to_string())].into_iter().collect(),
        |r| r.name.clone(),
    )
}

/// The step's title in every language, while the action still has the title the playbook
/// gave it (an edited title is the team's, in one language).
fn step_title(active: Option<&ActivePlaybook>, action: &crate::actions::Action) -> Option<Wording> {
    let active = active?;
    let wording = active.playbook.action_wording(&action.id)?;
    (wording.get(&active.locale) == Some(&action.title)).then_some(wording)
}

/// Open actions by owner: the playbook's role order first, then actions it did not start.
fn owners(incident: &Incident, at: DateTime<Utc>) -> Vec<OwnerActions> {
    let active = incident.playbook();
    let role_of = |id: &ActionId| active.and_then(|a| a.playbook.role_of_action(id).cloned());
    let mut groups: Vec<OwnerActions> = Vec::new();
    let mut open: Vec<_> = incident
        .actions()
        .values()
        .filter(|a| !a.status.is_settled())
        .collect();
    open.sort_by_key(|a| (a.due.is_none(), a.due, a.id.clone()));
    for action in open {
        let role = role_of(&action.id);
        let line = ChecklistAction {
            action_id: action.id.clone(),
            kind: action.kind,
            title: action.title.clone(),
            step_title: step_title(active, action),
            due: action.due,
            status: action.status,
            overdue: action.due.is_some_and(|d| d <= at),
        };
        match groups
            .iter_mut()
            .find(|g| g.person == action.owner && g.role == role)
        {
            Some(group) => group.actions.push(line),
            None => groups.push(OwnerActions {
                person: action.owner.clone(),
                role_name: active.zip(role.as_ref()).map(|(a, r)| role_name(a, r)),
                role,
                actions: vec![line],
            }),
        }
    }
    groups
}

fn drafts(incident: &Incident) -> Vec<DraftAwaiting> {
    incident
        .notices()
        .values()
        .filter(|n| n.status == NoticeStatus::Draft)
        .map(|n| DraftAwaiting {
            notice_id: n.draft.notice_id.clone(),
            kind: n.draft.kind,
            audience: n.draft.audience,
            approver: n
                .draft
                .plan_item
                .as_ref()
                .and_then(|id| incident.comms_plan()?.item(id))
                .map(|item| item.approver),
            missing: incident.missing_elements(n),
        })
        .collect()
}
