//! Revising a notice that has not gone out: a draft written at activation, from the facts
//! known in the first minutes, must be able to carry what the team records afterwards
//! without being cancelled and drafted again under another id.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Channel, ContentElement, FactSheet, NoticeDraft};
use crate::{id::FactKey, id::NoticeId, ActorId};

/// A new version of what a notice not yet sent carries (the payload of the revise-notice
/// command and event). The kind, audience, plan item and correction stay: a notice of
/// another kind or for another audience is another notice. Revising an approved notice
/// withdraws its approval, and nobody who wrote the text may give it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeRevision {
    /// The notice.
    pub notice_id: NoticeId,
    /// How it will be delivered (replaces the draft's channels).
    pub channels: BTreeSet<Channel>,
    /// The content elements the text now carries (replaces the draft's).
    pub elements: BTreeSet<ContentElement>,
    /// The facts the text now carries (replaces the draft's).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub facts: BTreeSet<FactKey>,
    /// What changed and why, for the record and for the approver.
    pub note: String,
}

impl NoticeRevision {
    /// The revision that brings `draft` up to date with `sheet`: it keeps the draft's
    /// channels and the elements it declared by hand, drops the facts its audience may no
    /// longer see, and adds every fact the audience may see with the elements those facts
    /// provide. This is how a draft made at activation picks up what was recorded later.
    ///
    /// # Examples
    /// ```
    /// use incident::comms::{
    ///     Audience, Channel, ContentElement, Fact, FactSheet, FactValue, MessageKind,
    ///     NoticeDraft, NoticeRevision, Sensitivity,
    /// };
    /// use incident::id::{FactKey, NoticeId};
    /// let draft = NoticeDraft::new(NoticeId::new("N-1")?, MessageKind::InitialNotice, Audience::AffectedCustomers)
    ///     .channels([Channel::Email]);
    /// let sheet: FactSheet = [Fact {
    ///     key: FactKey::new("hotline")?,
    ///     value: FactValue::Literal { value: "95xxx".into() },
    ///     sensitivity: Sensitivity::Public,
    ///     element: Some(ContentElement::ContactPoints),
    /// }]
    /// .into_iter()
    /// .collect();
    /// let revision = NoticeRevision::refreshed(&draft, &sheet, "hotline recorded");
    /// assert!(revision.elements.contains(&ContentElement::ContactPoints));
    /// assert!(revision.facts.contains(&FactKey::new("hotline")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn refreshed(draft: &NoticeDraft, sheet: &FactSheet, note: impl Into<String>) -> Self {
        let clearance = draft.audience.clearance();
        let from_facts = sheet.elements(&draft.facts);
        let by_hand = draft.elements.difference(&from_facts).copied();
        let still_cleared = draft
            .facts
            .iter()
            .filter(|k| sheet.get(k).is_none_or(|f| f.sensitivity <= clearance))
            .cloned();
        let kept = NoticeDraft::new(draft.notice_id.clone(), draft.kind, draft.audience)
            .channels(draft.channels.iter().copied())
            .elements(by_hand)
            .facts(still_cleared)
            .with_cleared_facts(sheet);
        Self {
            notice_id: kept.notice_id,
            channels: kept.channels,
            elements: kept.elements,
            facts: kept.facts,
            note: note.into(),
        }
    }

    /// Whether applying this revision to `draft` would change nothing.
    pub fn changes_nothing(&self, draft: &NoticeDraft) -> bool {
        self.channels == draft.channels
            && self.elements == draft.elements
            && self.facts == draft.facts
    }

    /// `draft` as this revision leaves it.
    pub fn apply_to(&self, draft: &mut NoticeDraft) {
        draft.channels.clone_from(&self.channels);
        draft.elements.clone_from(&self.elements);
        draft.facts.clone_from(&self.facts);
    }
}

/// Who revised a notice, when and why: kept on the notice, because nobody who wrote its
/// text may approve it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RevisionStamp {
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub by: ActorId,
    /// What changed and why.
    pub note: String,
}
