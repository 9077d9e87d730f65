//! Applying events about review findings.

use super::{duplicate, Stamp};
use crate::findings::Finding;
use crate::lifecycle::ApplyError;
use crate::Incident;

impl Incident {
    /// [`Event::FindingRecorded`].
    pub(super) fn apply_finding_recorded(
        &mut self,
        finding: Finding,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        if self.findings.contains_key(&finding.finding_id) {
            return Err(duplicate(name, "finding", &finding.finding_id));
        }
        self.findings.insert(finding.finding_id.clone(), finding);
        Ok(())
    }
}
