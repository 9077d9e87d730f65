//! Applying events about the phase transitions.

use chrono::{DateTime, Utc};

use super::{Incident, Phase, Stamp};
use crate::lifecycle::{ApplyError, DisclosureBasis};

impl Incident {
    /// [`Event::Contained`].
    pub(super) fn apply_contained(
        &mut self,
        contained_at: DateTime<Utc>,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp {
            name,
            sequence,
            at,
            by,
        } = stamp;
        self.enter(Phase::Contained, name, sequence, at, by)?;
        self.contained_at = Some(contained_at);
        Ok(())
    }

    /// [`Event::Disclosed`].
    pub(super) fn apply_disclosed(
        &mut self,
        basis: DisclosureBasis,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp {
            name,
            sequence,
            at,
            by,
        } = stamp;
        self.enter(Phase::Disclosed, name, sequence, at, by)?;
        self.disclosure = Some(basis);
        Ok(())
    }

    /// [`Event::Remediated {}`].
    pub(super) fn apply_remediated(&mut self, stamp: Stamp) -> Result<(), ApplyError> {
        let Stamp {
            name,
            sequence,
            at,
            by,
        } = stamp;
        self.enter(Phase::Remediated, name, sequence, at, by)?;
        Ok(())
    }

    /// [`Event::Reviewed {}`].
    pub(super) fn apply_reviewed(&mut self, stamp: Stamp) -> Result<(), ApplyError> {
        let Stamp {
            name,
            sequence,
            at,
            by,
        } = stamp;
        self.enter(Phase::Reviewed, name, sequence, at, by)?;
        Ok(())
    }

    /// [`Event::Closed {}`].
    pub(super) fn apply_closed(&mut self, stamp: Stamp) -> Result<(), ApplyError> {
        let Stamp {
            name,
            sequence,
            at,
            by,
        } = stamp;
        self.enter(Phase::Closed, name, sequence, at, by)?;
        Ok(())
    }

    /// [`Event::Dismissed`].
    pub(super) fn apply_dismissed(
        &mut self,
        rationale: String,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp {
            name,
            sequence,
            at,
            by,
        } = stamp;
        self.enter(Phase::Dismissed, name, sequence, at, by)?;
        self.dismissal = Some(rationale);
        Ok(())
    }
}
