//! The public status page's data: built from the log, holding only facts cleared for the
//! public, and each published update with the facts as they stood when it was sent.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ComponentStatus, StatusBoard, StatusFold};
use crate::comms::{
    Audience, FactSheet, Format, MessageKind, RenderContext, RenderError, Rendered, Sensitivity,
    TemplateSet,
};
use crate::id::{ComponentId, NoticeId};
use crate::locale::{Locale, Zone};
use crate::{Envelope, Incident, IncidentId, Phase, ReplayError};

/// The audience whose clearance bounds everything on a status page: anyone may read it.
pub const PUBLIC: Audience = Audience::Media;

/// One update the firm published: a notice to a public audience (everyone's clearance is
/// [`Sensitivity::Public`]: the press, all customers) recorded as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishedUpdate {
    /// The notice.
    pub notice_id: NoticeId,
    /// Its kind (which template prints it).
    pub kind: MessageKind,
    /// Its audience.
    pub audience: Audience,
    /// When it was sent: its place in the timeline and its date line.
    pub sent_at: DateTime<Utc>,
    /// The earlier update it corrects (更正公告), if it is a correction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corrects: Option<NoticeId>,
    /// The public facts as they stood when it was sent: the page shows what was said
    /// then, not today's figures under yesterday's date.
    pub facts: FactSheet,
}

impl PublishedUpdate {
    /// The update in `locale` and `zone`, rendered with `templates` as plain Markdown
    /// (the page turns it into HTML), dated with its sending time.
    ///
    /// # Errors
    /// [`RenderError::NoTemplate`] when `templates` has none for its kind in `locale`;
    /// [`RenderError::MissingFacts`] / [`RenderError::MissingTranslation`] when a fact
    /// its template prints was not public, or not written in `locale`, when it was sent.
    pub fn render(
        &self,
        templates: &TemplateSet,
        locale: Locale,
        zone: Zone,
    ) -> Result<Rendered, RenderError> {
        let template =
            templates
                .lookup(self.kind, locale, self.audience)
                .ok_or(RenderError::NoTemplate {
                    kind: self.kind,
                    locale,
                    audience: self.audience,
                })?;
        let cx = RenderContext::new(locale, zone, self.audience, Format::Markdown)
            .issued_at(self.sent_at);
        template.render(&self.facts, &cx, None)
    }
}

/// What the public may read about one incident: its phase, the facts cleared for the
/// public and every update published, oldest first.
///
/// Built by [`StatusPage::from_log`] and nothing else, so the one sensitivity rule
/// ([`FactSheet::cleared_for`]) decides what it holds: a fact labelled customers,
/// restricted or internal is not in it, whatever a template or a page asks for. The
/// incident's title is not on it either: it is the team's working name, carries no label
/// and may name what the public must not read; the page is headed by its first update's
/// subject instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusPage {
    /// The incident.
    pub incident_id: IncidentId,
    /// Its phase now.
    pub phase: Phase,
    /// When it entered that phase.
    pub phase_since: DateTime<Utc>,
    /// The facts cleared for the public now.
    pub facts: FactSheet,
    /// The published updates, in the order they were sent.
    pub updates: Vec<PublishedUpdate>,
    /// The status-board components the incident affects, with the status it gives each
    /// now ([`component_impact`](super::component_impact)); empty when it names none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub components: BTreeMap<ComponentId, ComponentStatus>,
    /// The log version the page was built from (what a host's cache keys on).
    pub version: u64,
}

impl StatusPage {
    /// The page of the incident whose log is `envelopes`, or `None` while nothing has been
    /// published: an incident the firm has not disclosed has no public page (its
    /// existence is not public either).
    ///
    /// The log is replayed, and each notice to a public audience is captured as it is
    /// recorded sent, with the public facts of that moment. No component is linked (no
    /// board is given): [`StatusFold::from_log`] links them, and yields the delivery
    /// receipts from the same replay.
    ///
    /// # Errors
    /// [`ReplayError`] when the log cannot be replayed (tampered, gap, wrong incident).
    pub fn from_log(envelopes: &[Envelope]) -> Result<Option<StatusPage>, ReplayError> {
        Ok(StatusFold::from_log(envelopes, &StatusBoard::default())?.page)
    }

    /// When the page last changed for a reader: the latest update or phase change.
    pub fn updated_at(&self) -> DateTime<Utc> {
        self.updates
            .iter()
            .map(|u| u.sent_at)
            .chain([self.phase_since])
            .max()
            .unwrap_or(self.phase_since)
    }

    /// The update with this notice id.
    pub fn update(&self, id: &NoticeId) -> Option<&PublishedUpdate> {
        self.updates.iter().find(|u| &u.notice_id == id)
    }
}

/// The sent notice `id` as a published update, when its audience is public.
pub(super) fn published(
    incident: &Incident,
    id: &NoticeId,
    sent_at: DateTime<Utc>,
) -> Option<PublishedUpdate> {
    let notice = incident.notices().get(id)?;
    let audience = notice.draft.audience;
    if audience.clearance() != Sensitivity::Public {
        return None;
    }
    Some(PublishedUpdate {
        notice_id: id.clone(),
        kind: notice.draft.kind,
        audience,
        sent_at,
        corrects: notice.draft.corrects.clone(),
        facts: incident.fact_sheet().cleared_for(audience),
    })
}
