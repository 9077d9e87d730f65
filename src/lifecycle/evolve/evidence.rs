//! Applying events about evidence items and their chain of custody.

use super::{duplicate, unknown, Stamp};
use crate::evidence::{CustodyRecord, EvidenceItem, NewEvidence};
use crate::lifecycle::ApplyError;
use crate::Incident;

impl Incident {
    /// [`Event::EvidenceAdded`].
    pub(super) fn apply_evidence_added(
        &mut self,
        new: NewEvidence,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        if self.evidence.contains_key(&new.evidence_id) {
            return Err(duplicate(name, "evidence", &new.evidence_id));
        }
        self.evidence
            .insert(new.evidence_id.clone(), EvidenceItem::collected(new));
        Ok(())
    }

    /// [`Event::CustodyRecorded`].
    pub(super) fn apply_custody_recorded(
        &mut self,
        record: CustodyRecord,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        let item = self
            .evidence
            .get_mut(&record.evidence_id)
            .ok_or_else(|| unknown(name, "evidence", &record.evidence_id))?;
        item.custody.push(record.entry);
        Ok(())
    }
}
