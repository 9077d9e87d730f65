//! One replay of an incident's log for both public read models: the status page and the
//! delivery receipts the reach reports read. A host that serves both (the desk) folds each
//! log once per version instead of once per model.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::board::{ComponentStatus, StatusBoard};
use super::page::{published, StatusPage, PUBLIC};
use super::reach::ReachReport;
use crate::comms::DeliveryReceipt;
use crate::id::{ComponentId, CustomerRef, NoticeId};
use crate::Severity;
use crate::{Envelope, Event, Incident, Phase, ReplayError};

/// What one replay of an incident's log yields for the public side: its status page (if
/// anything was published) and every delivery receipt, in log order.
///
/// [`StatusPage::from_log`] and [`ReachReport::from_log`] each walk the log; this walks
/// it once and answers both, so a host caching it per log version pays one replay per
/// change, however many pages and reach reports are asked for.
///
/// # Examples
/// ```
/// use incident::id::{CustomerRef, NoticeId};
/// use incident::status::{StatusBoard, StatusFold};
/// let fold = StatusFold::from_log(&[], &StatusBoard::default())?;
/// assert!(fold.page().is_none());
/// let reach = fold.reach(&NoticeId::new("N-1")?, [CustomerRef::new("C-1")?]);
/// assert_eq!(reach.not_reached.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusFold {
    /// The public page, `None` while nothing is published.
    pub page: Option<StatusPage>,
    /// Every delivery receipt recorded, in log order.
    pub receipts: Vec<DeliveryReceipt>,
    /// The log version folded.
    pub version: u64,
}

impl StatusFold {
    /// Replays `envelopes` (one incident's log) once. `board` names the components an
    /// incident can affect: the page links those whose id is one of the incident's
    /// affected systems ([`component_impact`]).
    ///
    /// # Errors
    /// [`ReplayError`] when the log cannot be replayed (tampered, gap, wrong incident).
    pub fn from_log(envelopes: &[Envelope], board: &StatusBoard) -> Result<Self, ReplayError> {
        let Some((first, rest)) = envelopes.split_first() else {
            return Ok(Self {
                page: None,
                receipts: Vec::new(),
                version: 0,
            });
        };
        let mut incident = Incident::replay(std::slice::from_ref(first))?;
        let mut updates = Vec::new();
        let mut receipts = Vec::new();
        for envelope in rest {
            incident.apply(envelope)?;
            match envelope.event() {
                Event::NoticeSent { notice_id, sent_at } => {
                    updates.extend(published(&incident, notice_id, *sent_at));
                }
                Event::DeliveryReceiptRecorded(r) => receipts.push(r.clone()),
                _ => {}
            }
        }
        let page = (!updates.is_empty()).then(|| {
            let phase = incident.phase();
            let phase_since = incident
                .stamps()
                .iter()
                .rev()
                .find(|s| s.phase == phase && s.sub_status.is_none())
                .map_or(incident.declared_at(), |s| s.at);
            StatusPage {
                incident_id: incident.id(),
                phase,
                phase_since,
                facts: incident.fact_sheet().cleared_for(PUBLIC),
                updates,
                components: component_impact(&incident, board),
                version: incident.version(),
            }
        });
        Ok(Self {
            page,
            receipts,
            version: incident.version(),
        })
    }

    /// The page, `None` while nothing is published.
    pub fn page(&self) -> Option<&StatusPage> {
        self.page.as_ref()
    }

    /// Who `notice` reached among `intended`, from the receipts folded (as
    /// [`ReachReport::from_log`] over the same log).
    pub fn reach(
        &self,
        notice: &NoticeId,
        intended: impl IntoIterator<Item = CustomerRef>,
    ) -> ReachReport {
        ReachReport::from_receipts(&self.receipts, notice, intended)
    }
}

/// Whether an incident in `phase` is over for the public: the damage is repaired
/// (Statuspage's "monitoring" and "resolved" both come after this point: the fix is in)
/// or it was a false positive.
pub fn is_resolved(phase: Phase) -> bool {
    matches!(
        phase,
        Phase::Remediated | Phase::Reviewed | Phase::Closed | Phase::Dismissed
    )
}

/// The board components `incident` affects, each with the status the incident gives it
/// now. The link is what the log already records: a component is affected when its id is
/// one of the incident's affected systems ([`Impact::systems`](crate::classify::Impact::systems)),
/// so no new event is needed and the link follows every scope change.
///
/// The status follows the practice of Statuspage-like products, where a component's
/// status says how the service is doing (not where the investigation stands, which the
/// page's phase already says): while the incident is not resolved ([`is_resolved`]), a
/// Sev1 incident puts its components in major outage, Sev2 in partial outage, Sev3 and
/// Sev4 in degraded performance; once resolved, they are operational again (as far as
/// this incident goes). Only the ids of the board's own components are kept: other
/// system names (internal hosts) never reach the page.
pub fn component_impact(
    incident: &Incident,
    board: &StatusBoard,
) -> BTreeMap<ComponentId, ComponentStatus> {
    let status = if is_resolved(incident.phase()) {
        ComponentStatus::Operational
    } else {
        match incident.severity() {
            Severity::Sev1 => ComponentStatus::MajorOutage,
            Severity::Sev2 => ComponentStatus::PartialOutage,
            _ => ComponentStatus::Degraded,
        }
    };
    let systems = &incident.impact().systems;
    board
        .components
        .iter()
        .filter(|c| systems.iter().any(|s| s.as_str() == c.id.as_str()))
        .map(|c| (c.id.clone(), status))
        .collect()
}
