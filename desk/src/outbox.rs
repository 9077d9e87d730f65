//! The transactional outbox: which messages an append enqueues, and the worker that
//! "sends" them (logs them) and marks them sent.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use incident::regulation::Regulation;
use incident::Incident;

use crate::store::{OutboxMessage, OutboxRow, Sender, Store};

/// The messages the incident's adopted comms plan marks as ready to send at `at` (approved
/// notices drafted for a plan item). Empty when no plan is adopted. The store enqueues each
/// (item, occurrence, notice) once, so recomputing the full list on every append is safe.
pub fn ready_messages(
    incident: &Incident,
    regulation: &Regulation,
    at: DateTime<Utc>,
) -> Vec<OutboxMessage> {
    let Some(plan) = incident.comms_plan() else {
        return Vec::new();
    };
    let obligations = incident.obligations(regulation, at);
    let schedule = plan.schedule(incident.plan_view(), Some(&obligations), at);
    schedule
        .ready_to_send()
        .filter_map(|entry| {
            let notice_id = entry.notice.as_ref()?;
            let channels = plan
                .item(&entry.item)
                .map(|item| item.channels.clone())
                .unwrap_or_default();
            Some(OutboxMessage {
                incident_id: incident.id(),
                item: entry.item.to_string(),
                occurrence: entry.occurrence,
                notice_id: notice_id.to_string(),
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

/// The worker loop: every `every`, claims pending rows, sends them and marks them sent.
/// Runs until the task is aborted; store errors are logged and retried on the next tick.
pub async fn run_worker(store: Arc<dyn Store>, send: Sender, every: Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        loop {
            match store.deliver(100, Arc::clone(&send)).await {
                Ok(sent) if sent.len() == 100 => continue,
                Ok(_) => break,
                Err(e) => {
                    eprintln!("desk outbox: {e}");
                    break;
                }
            }
        }
    }
}
