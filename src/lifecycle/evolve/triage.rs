//! Applying events about severity, kind, GB/T 20986 classification, impact, occurrence time, roles, sub-status and notes.

use chrono::{DateTime, Utc};

use super::{PhaseStamp, Stamp};
use crate::classify::{GbtClassification, GbtRecord, ImpactUpdate};
use crate::id::SubStatus;
use crate::lifecycle::{ApplyError, Note, SeverityChange};
use crate::{ActorId, Incident, IncidentKind, Role, Severity};

impl Incident {
    /// [`Event::SeverityChanged`].
    pub(super) fn apply_severity_changed(
        &mut self,
        from: Severity,
        to: Severity,
        reason: String,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { at, by, .. } = stamp;
        self.severity = to;
        self.severity_changes.push(SeverityChange {
            from,
            to,
            reason,
            at,
            by,
        });
        Ok(())
    }

    /// [`Event::KindChanged`].
    pub(super) fn apply_kind_changed(&mut self, to: IncidentKind) -> Result<(), ApplyError> {
        self.kind = to;
        Ok(())
    }

    /// [`Event::GbtClassified`].
    pub(super) fn apply_gbt_classified(
        &mut self,
        classification: GbtClassification,
        basis: String,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        self.gbt = Some(GbtRecord {
            classification,
            basis,
            recorded_at: stamp.at,
        });
        Ok(())
    }

    /// [`Event::ImpactUpdated`].
    pub(super) fn apply_impact_updated(&mut self, update: ImpactUpdate) -> Result<(), ApplyError> {
        self.impact.apply(&update);
        Ok(())
    }

    /// [`Event::OccurrenceRecorded`].
    pub(super) fn apply_occurrence_recorded(
        &mut self,
        occurred_at: DateTime<Utc>,
        estimated: bool,
    ) -> Result<(), ApplyError> {
        self.occurred_at = Some(occurred_at);
        self.occurred_at_estimated = estimated;
        Ok(())
    }

    /// [`Event::RoleAssigned`].
    pub(super) fn apply_role_assigned(
        &mut self,
        role: Role,
        person: ActorId,
    ) -> Result<(), ApplyError> {
        self.roles.insert(role, person);
        Ok(())
    }

    /// [`Event::RoleUnassigned`].
    pub(super) fn apply_role_unassigned(&mut self, role: Role) -> Result<(), ApplyError> {
        self.roles.remove(&role);
        Ok(())
    }

    /// [`Event::SubStatusSet`].
    pub(super) fn apply_sub_status_set(
        &mut self,
        sub_status: Option<SubStatus>,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp {
            sequence, at, by, ..
        } = stamp;
        self.sub_status.clone_from(&sub_status);
        self.stamps.push(PhaseStamp {
            phase: self.phase,
            sub_status,
            at,
            by,
            sequence,
        });
        Ok(())
    }

    /// [`Event::NoteAdded`].
    pub(super) fn apply_note_added(
        &mut self,
        text: String,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { at, by, .. } = stamp;
        self.notes.push(Note { text, at, by });
        Ok(())
    }
}
