//! Deciding commands about containment, remediation and prevention actions.

use chrono::{DateTime, Utc};

use super::checks::{duplicate, no_change, unknown, Checks, MAX_SHORT, MAX_TITLE};
use crate::actions::{ActionChanges, ActionKind, ActionStatus, NewAction};
use crate::id::ActionId;
use crate::{Event, Incident, Unmet};

impl Incident {
    /// [`Command::AddAction`].
    pub(super) fn add_action(&self, c: &mut Checks, new: &NewAction) -> Event {
        if self.actions.contains_key(&new.action_id) {
            c.push(duplicate("action", &new.action_id));
        }
        c.text("title", &new.title, "what is to be done", MAX_TITLE);
        Event::ActionAdded(new.clone())
    }

    /// [`Command::UpdateAction`].
    pub(super) fn update_action(&self, c: &mut Checks, changes: &ActionChanges) -> Event {
        if !self.actions.contains_key(&changes.action_id) {
            c.push(unknown("action", &changes.action_id));
        }
        c.optional_text(
            "title",
            changes.title.as_ref(),
            "what is to be done",
            MAX_TITLE,
        );
        if changes.title.is_none() && changes.owner.is_none() && changes.due.is_none() {
            c.push(no_change("the update sets no title, owner or due date"));
        }
        Event::ActionUpdated(changes.clone())
    }

    /// [`Command::StartAction`].
    pub(super) fn start_action(&self, c: &mut Checks, action_id: &ActionId) -> Event {
        self.action_status(c, action_id, &[ActionStatus::Open, ActionStatus::Deferred]);
        Event::ActionStarted {
            action_id: action_id.clone(),
        }
    }

    /// [`Command::CompleteAction`].
    pub(super) fn complete_action(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        action_id: &ActionId,
        completed_at: &Option<DateTime<Utc>>,
        outcome: &Option<String>,
    ) -> Event {
        self.action_status(
            c,
            action_id,
            &[
                ActionStatus::Open,
                ActionStatus::InProgress,
                ActionStatus::Deferred,
            ],
        );
        let completed_at = completed_at.unwrap_or(now);
        c.not_future("completed_at", completed_at, now);
        c.optional_text(
            "outcome",
            outcome.as_ref(),
            "the outcome or leave it out",
            MAX_SHORT,
        );
        Event::ActionCompleted {
            action_id: action_id.clone(),
            completed_at,
            outcome: outcome.clone(),
        }
    }

    /// [`Command::DeferAction`].
    pub(super) fn defer_action(&self, c: &mut Checks, action_id: &ActionId, reason: &str) -> Event {
        self.action_status(
            c,
            action_id,
            &[ActionStatus::Open, ActionStatus::InProgress],
        );
        c.text("reason", reason, "why the action is deferred", MAX_SHORT);
        Event::ActionDeferred {
            action_id: action_id.clone(),
            reason: reason.to_owned(),
        }
    }

    pub(super) fn action_status(&self, c: &mut Checks, id: &ActionId, expected: &[ActionStatus]) {
        match self.actions.get(id) {
            None => c.push(unknown("action", id)),
            Some(action) if !expected.contains(&action.status) => c.push(Unmet::ActionStatus {
                action_id: id.clone(),
                status: action.status,
                expected: expected.to_vec(),
            }),
            Some(_) => {}
        }
    }

    pub(super) fn actions_of(
        &self,
        kind: ActionKind,
    ) -> impl Iterator<Item = &crate::actions::Action> {
        self.actions.values().filter(move |a| a.kind == kind)
    }
}
