//! Deciding commands about review findings.

use super::checks::{duplicate, unknown, Checks, MAX_LONG};
use crate::findings::Finding;
use crate::{Event, Incident};

impl Incident {
    /// [`Command::RecordFinding`].
    pub(super) fn record_finding(&self, c: &mut Checks, finding: &Finding) -> Event {
        if self.findings.contains_key(&finding.finding_id) {
            c.push(duplicate("finding", &finding.finding_id));
        }
        c.text("summary", &finding.summary, "the finding", MAX_LONG);
        for id in &finding.evidence {
            if !self.evidence.contains_key(id) {
                c.push(unknown("evidence", id));
            }
        }
        Event::FindingRecorded(finding.clone())
    }
}
