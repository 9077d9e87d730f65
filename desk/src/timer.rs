//! The desk's side of the incident's one timer. The crate answers, per incident, when the
//! host must wake up next ([`Incident::poll_timeout`]) and what to record then
//! ([`Incident::handle_timeout`]); the desk keeps a due-time index over the incidents it
//! holds (refreshed by that task after appends) and one task that sleeps until the earliest due time,
//! then records what fell due as the actor [`TIMER_ACTOR`]. So a deadline that passes while
//! nobody touches the incident is still in its log, at the moment it was missed.
//!
//! With several instances on one database, each records what its index says; the loser
//! of a race gets a version conflict, reloads, and finds nothing left to record.
//!
//! [`Incident::poll_timeout`]: incident::Incident::poll_timeout
//! [`Incident::handle_timeout`]: incident::Incident::handle_timeout

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use incident::{ActorId, Context, IncidentId};

use crate::app::App;
use crate::error::ApiError;

/// Who the log names for what the timer records.
pub const TIMER_ACTOR: &str = "desk.timer";

/// How many times one incident's timer is retried after a version conflict.
const CONFLICT_RETRIES: usize = 3;

/// Records, for one incident, every command its timer gives at `at`; returns how many
/// events were appended.
///
/// # Errors
/// The [`ApiError`] of a store failure, or of a conflict that persisted through the retries.
pub async fn fire(app: &App, id: IncidentId, at: DateTime<Utc>) -> Result<usize, ApiError> {
    let actor = ActorId::new(TIMER_ACTOR).map_err(ApiError::internal)?;
    let mut appended = 0;
    let mut attempts = 0;
    loop {
        let written = app
            .write(id, None, |current| {
                let incident = current.ok_or_else(|| ApiError::unknown_incident(id))?;
                let Some(command) = incident
                    .handle_timeout(Some(app.regulation()), at)
                    .into_iter()
                    .next()
                else {
                    return Ok(Vec::new());
                };
                // Recorded at the desk's clock, after everything already in the log; the
                // command itself says when the deadline fell due.
                let ctx = Context::new(actor.clone(), app.now().max(at));
                // A timer command the incident refuses (a race with a human, or another
                // desk instance's timer, that just recorded the same thing) is not retried:
                // the next round recomputes. It is a refusal, not an internal error.
                incident.execute(&command, &ctx).map_err(ApiError::rejected)
            })
            .await;
        match written {
            Ok(w) if w.envelopes.is_empty() => {
                app.clear_due(id, at);
                return Ok(appended);
            }
            Ok(w) => appended += w.envelopes.len(),
            Err(e) if e.code() == "version_conflict" && attempts < CONFLICT_RETRIES => {
                attempts += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// The timer task: refreshes the due times of the incidents appended to since its last
/// round, records what fell due for every incident whose due time has come, then sleeps
/// until the next due time, at most `max_sleep` (so that incidents appended by other
/// instances are picked up), or until an append wakes it (then it lets a burst settle for
/// up to a second first). Runs until aborted; failures are logged and retried on the next
/// round.
pub async fn run(app: Arc<App>, max_sleep: Duration) {
    // After an append wakes the task, wait this long before refreshing, so a burst of
    // appends costs one `poll_timeout` per incident, not one per append.
    let settle = max_sleep.min(Duration::from_secs(1));
    loop {
        app.refresh_due().await;
        let at = app.now();
        let (ready, next) = app.due_at(at);
        for id in ready {
            if let Err(e) = fire(&app, id, at).await {
                eprintln!("desk timer: incident {id}: {}", e.message());
            }
        }
        let sleep = next
            .and_then(|next| (next - app.now()).to_std().ok())
            .map_or(max_sleep, |until| until.min(max_sleep));
        tokio::select! {
            () = tokio::time::sleep(sleep) => {}
            () = app.timer_wake.notified() => tokio::time::sleep(settle).await,
        }
    }
}
