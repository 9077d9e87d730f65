//! Deciding commands about evidence items and their chain of custody.

use chrono::{DateTime, Utc};

use super::checks::{duplicate, unknown, Checks, MAX_SHORT};
use crate::evidence::{CustodyRecord, NewEvidence};
use crate::{Event, Incident, Unmet};

impl Incident {
    /// [`Command::AddEvidence`].
    pub(super) fn add_evidence(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        new: &NewEvidence,
    ) -> Event {
        if self.evidence.contains_key(&new.evidence_id) {
            c.push(duplicate("evidence", &new.evidence_id));
        }
        c.text(
            "description",
            &new.description,
            "what the evidence is",
            MAX_SHORT,
        );
        c.text(
            "location",
            &new.location,
            "where the evidence is kept",
            MAX_SHORT,
        );
        c.not_future("collected_at", new.collected_at, now);
        Event::EvidenceAdded(new.clone())
    }

    /// [`Command::RecordCustody`].
    pub(super) fn record_custody(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        record: &CustodyRecord,
    ) -> Event {
        match self
            .evidence
            .get(&record.evidence_id)
            .and_then(|i| i.latest())
        {
            None => c.push(unknown("evidence", &record.evidence_id)),
            Some(latest) if record.entry.at < latest.at => {
                c.push(Unmet::CustodyOutOfOrder {
                    evidence_id: record.evidence_id.to_string(),
                    at: record.entry.at,
                    latest: latest.at,
                });
            }
            Some(_) => {}
        }
        c.text(
            "location",
            &record.entry.location,
            "where the evidence is kept after this step",
            MAX_SHORT,
        );
        c.optional_text(
            "note",
            record.entry.note.as_ref(),
            "a note or leave it out",
            MAX_SHORT,
        );
        c.not_future("at", record.entry.at, now);
        Event::CustodyRecorded(record.clone())
    }
}
