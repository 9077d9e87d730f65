use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    required_elements, Audience, Channel, ContentElement, ElementRules, Fact, FactSeal, FactSheet,
    MessageKind, RevisionStamp, Situation, TemplateSet,
};
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
    /// The sent notice this one corrects (更正公告): a correction is published beside the
    /// notice it corrects and links to it. Drafting refuses a notice that is not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrects: Option<NoticeId>,
}

impl NoticeDraft {
    /// Every fact the notice can print, which its approval binds: the facts the draft
    /// declares, the key of every content element it carries, and every fact key the
    /// built-in templates of its kind use for its audience (in any language). A draft that
    /// declares no facts is thus still checked against its audience's clearance, and a
    /// fact a template prints cannot escape the approval by being left off the list.
    pub fn printed_facts(&self) -> BTreeSet<FactKey> {
        let templates = builtin_templates();
        let mut keys = self.facts.clone();
        keys.extend(self.elements.iter().map(|e| e.key().key()));
        for locale in Locale::ALL {
            if let Some(template) = templates.lookup(self.kind, locale, self.audience) {
                keys.extend(template.fact_keys().cloned());
            }
        }
        keys
    }

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
            corrects: None,
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

    /// Marks the draft as the correction of the sent notice `corrected`.
    #[must_use]
    pub fn corrects(mut self, corrected: NoticeId) -> Self {
        self.corrects = Some(corrected);
        self
    }

    /// Adds every fact of `sheet` its audience may see ([`Audience::clearance`]), and the
    /// content elements those facts provide: what a draft made from the facts known now
    /// carries (a playbook's drafts at activation, a refreshed revision).
    #[must_use]
    pub fn with_cleared_facts(self, sheet: &FactSheet) -> Self {
        let cleared: Vec<FactKey> = sheet
            .cleared_for(self.audience)
            .iter()
            .map(|f| f.key.clone())
            .collect();
        let elements = sheet.elements(&cleared);
        self.elements(elements).facts(cleared)
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
        let (zh_cn, zh_hk, en) = match self {
            Self::Draft => ("草稿", "草稿", "draft"),
            Self::Approved => ("已批准", "已批准", "approved"),
            Self::Sent => ("已发送", "已發送", "sent"),
            Self::Cancelled => ("已取消", "已取消", "cancelled"),
        };
        tr(locale, zh_cn, zh_hk, en)
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
    /// Who drafted it (`null` for notices drafted by logs written before it was kept).
    #[serde(default)]
    pub drafted_by: Option<ActorId>,
    /// Who approved it.
    pub approved_by: Option<ActorId>,
    /// When it was approved.
    pub approved_at: Option<DateTime<Utc>>,
    /// When the host sent it.
    pub sent_at: Option<DateTime<Utc>>,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
    /// Every revision since it was drafted, oldest first. Anyone who drafted or revised the
    /// text is one of its writers, and a writer may not approve it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<RevisionStamp>,
    /// Every fact the approval bound, as it saw it (`null`: the fact did not exist then).
    /// A later change to any of them makes the approval stale: the notice is not ready to
    /// send until it is approved again. Empty when the notice prints no fact.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub bound: BTreeMap<FactKey, Option<FactSeal>>,
}

impl Notice {
    pub(crate) fn drafted(draft: NoticeDraft, at: DateTime<Utc>, by: ActorId) -> Self {
        Self {
            draft,
            status: NoticeStatus::Draft,
            drafted_at: at,
            drafted_by: Some(by),
            approved_by: None,
            approved_at: None,
            sent_at: None,
            cancel_reason: None,
            revisions: Vec::new(),
            bound: BTreeMap::new(),
        }
    }

    /// Whether `actor` drafted or revised the text (and so may not approve it).
    pub fn written_by(&self, actor: &ActorId) -> bool {
        self.drafted_by.as_ref() == Some(actor) || self.revisions.iter().any(|r| &r.by == actor)
    }

    /// The facts this approved notice's approval bound that differ now in `sheet` (another
    /// value or label, added or removed), in key order. Empty when nothing changed, when
    /// the notice is not approved, or when it prints no fact.
    pub fn stale_facts(&self, sheet: &FactSheet) -> Vec<FactKey> {
        if self.status != NoticeStatus::Approved {
            return Vec::new();
        }
        self.bound
            .iter()
            .filter(|(key, then)| match (then, sheet.get(key).map(Fact::seal)) {
                (None, None) => false,
                (Some(then), Some(Ok(now))) => *then != now,
                // Appeared, disappeared, or cannot be sealed: changed.
                _ => true,
            })
            .map(|(key, _)| key.clone())
            .collect()
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

    /// Required elements under `rules` in `situation` (funds taken, cause confirmed) the
    /// draft does not carry: what approval checks.
    pub fn missing_elements_in(
        &self,
        rules: &ElementRules,
        situation: Situation,
    ) -> Vec<ContentElement> {
        rules
            .required_in(self.draft.kind, self.draft.audience, situation)
            .into_iter()
            .filter(|e| !self.draft.elements.contains(e))
            .collect()
    }
}

/// The built-in templates, parsed once per process: approving a notice asks for the fact
/// keys they print, and parsing every template again for each approval cost milliseconds.
/// They are constants of the crate, so caching them changes no answer.
fn builtin_templates() -> &'static TemplateSet {
    static BUILTIN: std::sync::OnceLock<TemplateSet> = std::sync::OnceLock::new();
    BUILTIN.get_or_init(TemplateSet::builtin)
}
