//! Deciding what the timer records: actions and planned messages that fell due undone.
//! Each item is checked against the record, so a host cannot plant an overdue mark that
//! the incident's own clocks would not give.

use chrono::{DateTime, Utc};

use super::checks::{duplicate, unknown, Checks};
use crate::comms::PlannedState;
use crate::lifecycle::Overdue;
use crate::{Event, Incident, Unmet};

impl Incident {
    /// [`Command::RecordOverdue`](crate::Command::RecordOverdue).
    pub(super) fn record_overdue(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        overdue: &[Overdue],
    ) -> Vec<Event> {
        if overdue.is_empty() {
            c.push(Unmet::Missing {
                field: "overdue".to_owned(),
                hint: "record at least one item; Incident::handle_timeout builds them".to_owned(),
            });
        }
        for (i, item) in overdue.iter().enumerate() {
            if item.due_at() > now {
                c.push(Unmet::Invalid {
                    field: "overdue".to_owned(),
                    problem: format!(
                        "{} is not due before {}; record it once its due time has come",
                        describe(item),
                        item.due_at()
                    ),
                });
            }
            if self.overdue.contains(item) || overdue.iter().take(i).any(|o| o == item) {
                c.push(duplicate("overdue item", &describe(item)));
            }
            match item {
                Overdue::Action { action_id, due_at } => match self.actions.get(action_id) {
                    None => c.push(unknown("action", action_id)),
                    Some(action) if action.due != Some(*due_at) || action.status.is_settled() => {
                        c.push(Unmet::Invalid {
                            field: "overdue".to_owned(),
                            problem: format!(
                                "action {action_id} is not open with due time {due_at}: record what the action says now"
                            ),
                        });
                    }
                    Some(_) => {}
                },
                Overdue::Message {
                    plan_item,
                    occurrence,
                    due_at,
                } => {
                    let scheduled = self.plan_schedule(None, now).is_some_and(|s| {
                        s.entries.iter().any(|e| {
                            &e.item == plan_item
                                && e.occurrence == *occurrence
                                && e.due_at == Some(*due_at)
                                && e.obligation.is_none()
                                && !matches!(e.state, PlannedState::Sent { .. })
                        })
                    });
                    if !scheduled {
                        c.push(Unmet::Invalid {
                            field: "overdue".to_owned(),
                            problem: format!(
                                "the adopted plan has no unsent message {plan_item} #{occurrence} due {due_at}"
                            ),
                        });
                    }
                }
            }
        }
        overdue
            .iter()
            .cloned()
            .map(Event::OverdueRecorded)
            .collect()
    }
}

fn describe(item: &Overdue) -> String {
    match item {
        Overdue::Action { action_id, due_at } => format!("action {action_id} due {due_at}"),
        Overdue::Message {
            plan_item,
            occurrence,
            due_at,
        } => format!("message {plan_item} #{occurrence} due {due_at}"),
    }
}
