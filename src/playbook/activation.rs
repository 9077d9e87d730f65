//! What activating a playbook instantiates: the actions with their due times and owners,
//! and the drafts of the first customer notice and the press holding statement. Pure
//! functions of the playbook, the detection time, the staffing and the facts known; the
//! aggregate records their results.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Playbook, PlaybookPin, PlaybookRole, Wording};
use crate::actions::{ActionKind, NewAction};
use crate::comms::{FactSheet, NoticeDraft, SlaTargets};
use crate::id::{ActionId, NoticeId, PlaybookRoleId};
use crate::locale::Locale;
use crate::phase::Role;
use crate::ActorId;

/// Who fills each playbook role, as the host names them at activation.
pub type Staffing = BTreeMap<PlaybookRoleId, ActorId>;

/// A request to activate a playbook: which, in which language its texts are recorded, and
/// who fills its roles.
///
/// # Examples
/// ```
/// use incident::locale::Locale;
/// use incident::playbook::{builtin_playbook, Activation};
/// let activation = Activation::new(builtin_playbook("ransomware").ok_or("built in")?, Locale::En)
///     .staff(incident::id::PlaybookRoleId::new("it-ops")?, incident::ActorId::new("wang.lei")?);
/// assert_eq!(activation.staffing.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Activation {
    /// The playbook.
    pub playbook: Box<Playbook>,
    /// The language action titles are recorded in; one of the playbook's.
    pub locale: Locale,
    /// Who fills which role; roles left out fall back to the incident's role holders.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub staffing: Staffing,
}

impl Activation {
    /// Activates `playbook` with titles in `locale` and nobody named yet.
    pub fn new(playbook: Playbook, locale: Locale) -> Self {
        Self {
            playbook: Box::new(playbook),
            locale,
            staffing: Staffing::new(),
        }
    }

    /// Names the person who fills `role`.
    #[must_use]
    pub fn staff(mut self, role: PlaybookRoleId, person: ActorId) -> Self {
        self.staffing.insert(role, person);
        self
    }
}

/// The playbook an incident follows, as its `playbook_activated` event recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivePlaybook {
    /// Its id, version and digest.
    pub pin: PlaybookPin,
    /// Its text.
    pub playbook: Box<Playbook>,
    /// The language its actions were recorded in.
    pub locale: Locale,
    /// Who the host named for which role.
    pub staffing: Staffing,
    /// The roles nobody filled at activation.
    pub roles_to_fill: Vec<PlaybookRoleId>,
    /// When it was activated.
    pub activated_at: DateTime<Utc>,
}

impl Playbook {
    /// The person who owns a role's work: the one `staffing` names, else the holder of the
    /// incident role it maps to in `incident_roles`, else nobody yet.
    pub fn owner_of(
        &self,
        role: &PlaybookRoleId,
        staffing: &Staffing,
        incident_roles: &BTreeMap<Role, ActorId>,
    ) -> Option<ActorId> {
        staffing.get(role).cloned().or_else(|| {
            self.role(role)
                .and_then(|r| r.incident_role)
                .and_then(|r| incident_roles.get(&r).cloned())
        })
    }

    /// The roles no one fills: neither named in `staffing` nor mapped to a held incident role.
    pub fn unfilled_roles(
        &self,
        staffing: &Staffing,
        incident_roles: &BTreeMap<Role, ActorId>,
    ) -> Vec<&PlaybookRole> {
        self.roles
            .iter()
            .filter(|r| self.owner_of(&r.id, staffing, incident_roles).is_none())
            .collect()
    }

    /// The actions activation adds: one per step, titled in `locale`, due `detected_at`
    /// plus the step's offset, owned as [`owner_of`](Self::owner_of) says; then one per
    /// feedback channel, to open it within its minutes ([`FeedbackChannel::action_id`](super::FeedbackChannel::action_id)). `None` when the
    /// playbook is not written in `locale`.
    ///
    /// # Examples
    /// ```
    /// use chrono::{Duration, TimeZone, Utc};
    /// use incident::locale::Locale;
    /// let playbook = incident::playbook::builtin_playbooks().remove(0);
    /// let detected = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// let actions = playbook.actions(detected, Locale::En, &Default::default(), &Default::default()).ok_or("en")?;
    /// let first = &playbook.steps()[0];
    /// assert_eq!(actions[0].due, Some(detected + Duration::minutes(first.due_after_minutes)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn actions(
        &self,
        detected_at: DateTime<Utc>,
        locale: Locale,
        staffing: &Staffing,
        incident_roles: &BTreeMap<Role, ActorId>,
    ) -> Option<Vec<NewAction>> {
        self.steps
            .iter()
            .map(|step| {
                Some(NewAction {
                    action_id: step.id.clone(),
                    kind: step.kind,
                    title: step.title.get(&locale)?.clone(),
                    owner: self.owner_of(&step.owner, staffing, incident_roles),
                    due: Duration::try_minutes(step.due_after_minutes)
                        .and_then(|d| detected_at.checked_add_signed(d)),
                    measure: step.measure,
                })
            })
            .chain(self.feedback.iter().map(|channel| {
                Some(NewAction {
                    action_id: channel.action_id()?,
                    kind: ActionKind::Containment,
                    title: channel.action_title(locale),
                    owner: self.owner_of(&channel.owner, staffing, incident_roles),
                    due: Duration::try_minutes(channel.open_within_minutes.into())
                        .and_then(|d| detected_at.checked_add_signed(d)),
                    measure: None,
                })
            }))
            .collect()
    }

    /// The role that owns the action `id` activation added: its step's owner, or its
    /// feedback channel's.
    pub fn role_of_action(&self, id: &ActionId) -> Option<&PlaybookRoleId> {
        let step = self.steps.iter().find(|s| &s.id == id).map(|s| &s.owner);
        step.or_else(|| {
            self.feedback
                .iter()
                .find(|f| f.action_id().as_ref() == Some(id))
                .map(|f| &f.owner)
        })
    }

    /// The title of the action `id` activation added, in each of the playbook's languages.
    pub fn action_wording(&self, id: &ActionId) -> Option<Wording> {
        if let Some(step) = self.steps.iter().find(|s| &s.id == id) {
            return Some(step.title.clone());
        }
        let channel = self
            .feedback
            .iter()
            .find(|f| f.action_id().as_ref() == Some(id))?;
        Some(
            self.locales
                .iter()
                .map(|l| (*l, channel.action_title(*l)))
                .collect(),
        )
    }

    /// The first-response targets for inquiries: the defaults, with the playbook's own
    /// target on each feedback channel it opens. Pass them to
    /// [`Incident::inquiry_stats`](crate::Incident::inquiry_stats).
    pub fn sla_targets(&self) -> SlaTargets {
        self.feedback
            .iter()
            .fold(SlaTargets::default(), |targets, f| {
                targets.with_first_response(f.channel, f.first_response_minutes.saturating_mul(60))
            })
    }

    /// The drafts activation records: the first customer notice and the press holding
    /// statement, each carrying the facts of `sheet` its audience may see and the content
    /// elements they provide. Nothing is sent; what is still missing shows as the draft's
    /// missing elements until the team records it.
    pub fn drafts(&self, sheet: &FactSheet) -> Vec<NoticeDraft> {
        [
            &self.comms.first_customer_notice,
            &self.comms.holding_statement,
        ]
        .into_iter()
        .filter_map(|id| self.comms.plan.item(id))
        // A plan item id is a valid notice id: both are labels of at most 64 characters.
        .filter_map(|item| Some((item, NoticeId::new(item.id.as_str()).ok()?)))
        .map(|(item, notice_id)| {
            NoticeDraft::new(notice_id, item.kind, item.audience)
                .channels(item.channels.iter().copied())
                .with_cleared_facts(sheet)
                .plan_item(item.id.clone())
        })
        .collect()
    }
}
