//! Applying events about containment, remediation and prevention actions.

use chrono::{DateTime, Utc};

use super::{duplicate, unknown, Stamp};
use crate::actions::{Action, ActionChanges, ActionStatus, NewAction};
use crate::id::ActionId;
use crate::lifecycle::ApplyError;
use crate::Incident;

impl Incident {
    /// [`Event::ActionAdded`].
    pub(super) fn apply_action_added(
        &mut self,
        new: NewAction,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, at, .. } = stamp;
        if self.actions.contains_key(&new.action_id) {
            return Err(duplicate(name, "action", &new.action_id));
        }
        self.actions
            .insert(new.action_id.clone(), Action::new(new, at));
        Ok(())
    }

    /// [`Event::ActionUpdated`].
    pub(super) fn apply_action_updated(
        &mut self,
        changes: ActionChanges,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        let action = self
            .actions
            .get_mut(&changes.action_id)
            .ok_or_else(|| unknown(name, "action", &changes.action_id))?;
        if let Some(title) = changes.title {
            action.title = title;
        }
        if let Some(owner) = changes.owner {
            action.owner = Some(owner);
        }
        if let Some(due) = changes.due {
            action.due = Some(due);
        }
        Ok(())
    }

    /// [`Event::ActionStarted`].
    pub(super) fn apply_action_started(
        &mut self,
        action_id: ActionId,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        self.action_mut(&action_id, name)?.status = ActionStatus::InProgress;
        Ok(())
    }

    /// [`Event::ActionCompleted`].
    pub(super) fn apply_action_completed(
        &mut self,
        action_id: ActionId,
        completed_at: DateTime<Utc>,
        outcome: Option<String>,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        let action = self.action_mut(&action_id, name)?;
        action.status = ActionStatus::Done;
        action.completed_at = Some(completed_at);
        action.outcome = outcome;
        Ok(())
    }

    /// [`Event::ActionDeferred`].
    pub(super) fn apply_action_deferred(
        &mut self,
        action_id: ActionId,
        reason: String,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        let action = self.action_mut(&action_id, name)?;
        action.status = ActionStatus::Deferred;
        action.deferral_reason = Some(reason);
        Ok(())
    }
}
