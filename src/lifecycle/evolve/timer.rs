//! Applying what the timer recorded.

use super::{duplicate, Stamp};
use crate::lifecycle::{ApplyError, Overdue};
use crate::Incident;

impl Incident {
    /// [`Event::OverdueRecorded`](crate::Event::OverdueRecorded).
    pub(super) fn apply_overdue_recorded(
        &mut self,
        overdue: Overdue,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        if self.overdue.contains(&overdue) {
            let id = match &overdue {
                Overdue::Action { action_id, .. } => action_id.to_string(),
                Overdue::Message {
                    plan_item,
                    occurrence,
                    ..
                } => format!("{plan_item}#{occurrence}"),
            };
            return Err(duplicate(stamp.name, "overdue item", &id));
        }
        self.overdue.push(overdue);
        Ok(())
    }
}
