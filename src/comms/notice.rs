use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{required_elements, Audience, Channel, ContentElement, ElementRules, MessageKind};
use crate::locale::{tr, Label, Locale};
use crate::{id::FactKey, id::NoticeId, id::PlanItemId, ActorId};

/// A message drafted for an audience (the payload of the draft-notice command and event).
/// The crate tracks which required elements the text carries; the host holds the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeDraft {
    /// Host-chosen id, unique within the incident.
    pub notice_id: NoticeId,
    /// What kind of message.
    pub kind: MessageKind,
    /// Who it is for.
    pub audience: Audience,
    /// How it will be delivered.
    pub channels: BTreeSet<Channel>,
    /// The content elements the text carries.
    pub elements: BTreeSet<ContentElement>,
    /// The facts (by key) the text carries. Approval refuses a fact above the audience's
    /// clearance ([`Audience::clearance`]) or one the incident does not hold.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub facts: BTreeSet<FactKey>,
    /// The plan item this message fulfils, if the incident follows a
    /// [`CommsPlan`](crate::comms::CommsPlan); its approver role then approves it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_item: Option<PlanItemId>,
}

impl NoticeDraft {
    /// A draft with no channels, elements or facts yet.
    pub fn new(notice_id: NoticeId, kind: MessageKind, audience: Audience) -> Self {
        Self {
            notice_id,
            kind,
            audience,
            channels: BTreeSet::new(),
            elements: BTreeSet::new(),
            facts: BTreeSet::new(),
            plan_item: None,
        }
    }

    /// Adds channels.
    #[must_use]
    pub fn channels(mut self, channels: impl IntoIterator<Item = Channel>) -> Self {
        self.channels.extend(channels);
        self
    }

    /// Adds content elements.
    #[must_use]
    pub fn elements(mut self, elements: impl IntoIterator<Item = ContentElement>) -> Self {
        self.elements.extend(elements);
        self
    }

    /// Adds facts.
    #[must_use]
    pub fn facts(mut self, facts: impl IntoIterator<Item = FactKey>) -> Self {
        self.facts.extend(facts);
        self
    }

    /// Links the draft to a plan item.
    #[must_use]
    pub fn plan_item(mut self, item: PlanItemId) -> Self {
        self.plan_item = Some(item);
        self
    }
}

/// Where a notice stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum NoticeStatus {
    /// Written, not yet approved.
    Draft,
    /// Approved for sending.
    Approved,
    /// Sent by the host.
    Sent,
    /// Withdrawn.
    Cancelled,
}

impl Label for NoticeStatus {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, en) = match self {
            Self::Draft => ("草稿", "draft"),
            Self::Approved => ("已批准", "approved"),
            Self::Sent => ("已发送", "sent"),
            Self::Cancelled => ("已取消", "cancelled"),
        };
        tr(locale, zh_cn, en)
    }
}

/// A notice and its approval and sending record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Notice {
    /// The draft as written.
    pub draft: NoticeDraft,
    /// Current status.
    pub status: NoticeStatus,
    /// When it was drafted.
    pub drafted_at: DateTime<Utc>,
    /// Who approved it.
    pub approved_by: Option<ActorId>,
    /// When it was approved.
    pub approved_at: Option<DateTime<Utc>>,
    /// When the host sent it.
    pub sent_at: Option<DateTime<Utc>>,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
}

impl Notice {
    pub(crate) fn drafted(draft: NoticeDraft, at: DateTime<Utc>) -> Self {
        Self {
            draft,
            status: NoticeStatus::Draft,
            drafted_at: at,
            approved_by: None,
            approved_at: None,
            sent_at: None,
            cancel_reason: None,
        }
    }

    /// Required elements (per [`required_elements`]) the draft does not carry.
    pub fn missing_elements(&self) -> Vec<ContentElement> {
        required_elements(self.draft.kind, self.draft.audience)
            .iter()
            .filter(|e| !self.draft.elements.contains(e))
            .copied()
            .collect()
    }

    /// Required elements under `rules` (a plan's) the draft does not carry.
    pub fn missing_elements_under(&self, rules: &ElementRules) -> Vec<ContentElement> {
        rules
            .required(self.draft.kind, self.draft.audience)
            .into_iter()
            .filter(|e| !self.draft.elements.contains(e))
            .collect()
    }
}
