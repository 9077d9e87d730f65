//! The transactional outbox: which messages an append enqueues, and the worker that
//! "sends" them (logs them) and marks them sent. Webhook rows are not this worker's: the
//! durable queue of [`crate::delivery`] sends them and marks them once their receipt is
//! recorded.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use incident::Incident;

use crate::store::{OutboxMessage, OutboxRow, Sender, Store, StoreError};

/// The messages the incident's adopted comms plan marks as ready to send at `at` (approved
/// notices drafted for a plan item). Empty when no plan is adopted. Computed over the
/// drafted notices only ([`CommsPlan::ready`](incident::comms::CommsPlan::ready)), so its
/// cost does not grow with the plan's size or age. The store enqueues each (item,
/// occurrence, notice) once, so recomputing the list on every append is safe.
pub fn ready_messages(incident: &Incident, at: DateTime<Utc>) -> Vec<OutboxMessage> {
    let Some(plan) = incident.comms_plan() else {
        return Vec::new();
    };
    plan.ready(incident.plan_view(), at)
        .into_iter()
        .filter_map(|entry| {
            let notice_id = entry.notice.as_ref()?.to_string();
            let channels = plan
                .item(&entry.item)
                .map(|item| item.channels.clone())
                .unwrap_or_default();
            Some(OutboxMessage {
                incident_id: incident.id(),
                item: entry.item.to_string(),
                occurrence: entry.occurrence,
                notice_id,
                payload: serde_json::json!({ "entry": entry, "channels": channels }),
            })
        })
        .collect()
}

/// The desk's "sender": logs the message to stderr.
pub fn log_sender() -> Sender {
    Arc::new(|row: &OutboxRow| {
        let m = &row.message;
        eprintln!(
            "desk outbox: sending notice {} (plan item {} #{}) of incident {} via {}",
            m.notice_id,
            m.item,
            m.occurrence,
            m.incident_id,
            m.payload
                .get("channels")
                .map_or_else(String::new, ToString::to_string),
        );
    })
}

/// Sends every pending row but the webhooks now, a batch of 100 at a time; returns how
/// many were sent. The desk calls it once on shutdown, after the last request finished
/// (pending webhooks wait in the outbox for the next start).
///
/// # Errors
/// The store's failure; rows not yet sent stay pending for the next start.
pub async fn flush(store: &dyn Store, send: Sender) -> Result<usize, StoreError> {
    let mut total = 0;
    loop {
        let sent = store.deliver(100, Arc::clone(&send)).await?.len();
        total += sent;
        if sent < 100 {
            return Ok(total);
        }
    }
}

/// The worker loop: every `every`, sends what is pending ([`flush`]). Runs until the task is
/// aborted; store errors are logged and retried on the next tick.
pub async fn run_worker(store: Arc<dyn Store>, send: Sender, every: Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(e) = flush(store.as_ref(), Arc::clone(&send)).await {
            eprintln!("desk outbox: {e}");
        }
    }
}
