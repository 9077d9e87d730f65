//! Applying `playbook_activated`: the pinned text must be the pin's, and an incident
//! follows one playbook.

use super::{duplicate, Stamp};
use crate::lifecycle::ApplyError;
use crate::playbook::{ActivePlaybook, Playbook, PlaybookPin, Staffing};
use crate::{id::PlaybookRoleId, locale::Locale, Incident};

/// The fields of a `playbook_activated` event.
pub(super) struct Activated {
    pub(super) pin: PlaybookPin,
    pub(super) playbook_text: Box<Playbook>,
    pub(super) locale: Locale,
    pub(super) staffing: Staffing,
    pub(super) roles_to_fill: Vec<PlaybookRoleId>,
}

impl Incident {
    pub(super) fn apply_playbook_activated(
        &mut self,
        a: Activated,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        if let Some(active) = &self.playbook {
            return Err(duplicate(
                stamp.name,
                "active playbook",
                &active.pin.playbook,
            ));
        }
        if a.playbook_text.pin().ok().as_ref() != Some(&a.pin) {
            return Err(ApplyError::PlaybookTextMismatch {
                event: stamp.name,
                playbook: format!("{}@v{}", a.pin.playbook, a.pin.version),
            });
        }
        self.playbook = Some(ActivePlaybook {
            pin: a.pin,
            playbook: a.playbook_text,
            locale: a.locale,
            staffing: a.staffing,
            roles_to_fill: a.roles_to_fill,
            activated_at: stamp.at,
        });
        Ok(())
    }
}
