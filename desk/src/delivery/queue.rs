//! The worker of the durable webhook queue: claims due rows, makes one attempt per claim
//! and stores what came of it (see the [module docs](super) for the guarantees).

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use incident::comms::{Channel, DeliveryOutcome, DeliveryReceipt};
use incident::id::{CustomerRef, NoticeId};
use incident::Event;

use super::{post, record, Try, WebhookPolicy};
use crate::app::App;
use crate::error::ApiError;
use crate::store::{Lease, OutboxRow, Settle};
use crate::subscriptions::Endpoint;

/// How many webhooks one desk attempts at once.
pub const CONCURRENT: usize = 16;

/// A name for this desk process's webhook worker, unique among instances (its process id
/// and 48 random bits): the `lease_owner` of the rows it holds.
pub fn worker_id() -> String {
    let mut bytes = [0u8; 6];
    // Without a random source, the process id and the time still tell instances apart.
    if getrandom::fill(&mut bytes).is_err() {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        bytes = nanos
            .to_le_bytes()
            .get(..6)
            .and_then(|b| b.try_into().ok())
            .unwrap_or_default();
    }
    format!("desk-{}-{}", std::process::id(), crate::access::hex(&bytes))
}

/// Sends the outbox's webhook rows until `stop` completes: every `every`, claims the due
/// rows (at most [`CONCURRENT`] in flight) with `app`'s webhook policy and makes one
/// attempt of each. Once stopped, it claims nothing more and returns when the attempts in
/// flight have stored their outcome (each ends within the policy's timeout).
pub async fn run(app: Arc<App>, every: Duration, stop: impl Future<Output = ()> + Send) {
    let owner = worker_id();
    let mut tasks = tokio::task::JoinSet::new();
    tokio::pin!(stop);
    loop {
        while tasks.try_join_next().is_some() {}
        let free = CONCURRENT.saturating_sub(tasks.len());
        if free > 0 {
            match claim(&app, &owner, free).await {
                Ok(rows) => {
                    for row in rows {
                        let (app, owner) = (Arc::clone(&app), owner.clone());
                        tasks.spawn(async move {
                            let id = row.id;
                            if let Err(e) = attempt(&app, &owner, row).await {
                                eprintln!("desk webhooks: outbox row {id}: {}", e.message());
                            }
                        });
                    }
                }
                Err(e) => eprintln!("desk webhooks: cannot claim due rows: {}", e.message()),
            }
        }
        tokio::select! {
            () = &mut stop => break,
            () = tokio::time::sleep(every) => {}
        }
    }
    while tasks.join_next().await.is_some() {}
}

/// Claims up to `free` due rows for `owner`.
async fn claim(app: &App, owner: &str, free: usize) -> Result<Vec<OutboxRow>, ApiError> {
    let now = app.now();
    let until = app.status().webhook_policy().lease_until(now);
    let limit = u32::try_from(free).unwrap_or(u32::MAX);
    app.store()
        .claim_webhooks(owner.to_owned(), now, until, limit)
        .await
        .map_err(|e| ApiError::store(e, 0))
}

/// What a final attempt came to: the receipt's outcome and detail.
struct Final {
    outcome: DeliveryOutcome,
    detail: String,
}

/// One claim of `row` (its attempt number is `row.attempts`): sends it unless a receipt
/// is already recorded or the cap was reached, then stores the outcome.
async fn attempt(app: &App, owner: &str, row: OutboxRow) -> Result<(), ApiError> {
    let policy = app.status().webhook_policy().clone();
    let lease = Lease {
        row: row.id,
        owner: owner.to_owned(),
        attempt: row.attempts,
    };
    let recipient = match recipient(&row) {
        Ok(recipient) => recipient,
        Err(problem) => {
            // Logged once: the row is settled and never claimed again.
            eprintln!(
                "desk webhooks: outbox row {}: {problem}; abandoned, neither sent nor retried",
                row.id
            );
            let detail = format!("abandoned: {problem}");
            return settle(app, lease, Settle::Abandon { detail }).await;
        }
    };
    let delivery_id = delivery_id(&row);
    // Only a row claimed before can have a receipt: the desk died after recording it.
    if row.attempts > 1 && receipt_recorded(app, &row, &delivery_id).await? {
        settle(app, lease, Settle::Done).await?;
        return Ok(());
    }
    let cap = policy.max_attempts;
    if row.attempts > cap {
        // The last attempt allowed was interrupted (a crash, a lost lease).
        let before = row.last_detail.as_deref().unwrap_or("none stored");
        let detail = format!("the last was interrupted; the one before: {before}");
        return finish(app, lease, (&row, recipient), gave_up(cap, &detail)).await;
    }
    match send(app, &policy, &row, &delivery_id).await {
        Try::Done(outcome, detail) => {
            let detail = format!("{detail} (attempt {})", row.attempts);
            finish(app, lease, (&row, recipient), Final { outcome, detail }).await
        }
        Try::Again(detail) if row.attempts >= cap => {
            finish(
                app,
                lease,
                (&row, recipient),
                gave_up(row.attempts, &detail),
            )
            .await
        }
        Try::Again(detail) => {
            let next_at = policy.next_attempt_at(app.now(), row.attempts);
            settle(app, lease, Settle::Retry { next_at, detail }).await
        }
    }
}

/// The notice and the customer a receipt of `row` names, or why the row names none (a
/// row written by hand or by a broken desk: it can neither be receipted nor retried).
fn recipient(row: &OutboxRow) -> Result<(NoticeId, CustomerRef), String> {
    let notice = NoticeId::new(row.message.notice_id.clone())
        .map_err(|e| format!("its notice id is not valid: {e}"))?;
    let customer = row.message.payload.get("customer").cloned();
    let customer = serde_json::from_value(customer.unwrap_or_default())
        .map_err(|e| format!("its customer is missing or not valid: {e}"))?;
    Ok((notice, customer))
}

fn gave_up(attempts: u32, detail: &str) -> Final {
    Final {
        outcome: DeliveryOutcome::Failed,
        detail: format!("gave up after {attempts} attempts (the cap): {detail}"),
    }
}

/// The delivery id: the same for every attempt of a row, across restarts.
fn delivery_id(row: &OutboxRow) -> String {
    format!("{}/{}", row.message.incident_id, row.id)
}

/// The `provider_ref` of the receipts of `delivery_id`.
fn provider_ref(delivery_id: &str) -> String {
    format!("webhook {delivery_id}")
}

/// Whether the log holds a receipt for `delivery_id`, among the events appended after
/// `row` was enqueued.
async fn receipt_recorded(app: &App, row: &OutboxRow, delivery_id: &str) -> Result<bool, ApiError> {
    let wanted = provider_ref(delivery_id);
    let after = row.enqueued_at_seq;
    let tail = app
        .store()
        .load(row.message.incident_id, after)
        .await
        .map_err(|e| ApiError::store(e, after))?;
    Ok(tail.iter().any(|e| {
        matches!(e.event(), Event::DeliveryReceiptRecorded(r) if r.provider_ref.as_deref() == Some(wanted.as_str()))
    }))
}

/// One signed `POST` of `row` to its subscription, within the policy's timeout.
async fn send(app: &App, policy: &WebhookPolicy, row: &OutboxRow, delivery_id: &str) -> Try {
    let field = |k: &str| {
        row.message
            .payload
            .get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
    };
    let subs = match crate::subscriptions::all(app).await {
        Ok(subs) => subs,
        Err(e) => return Try::Again(format!("cannot read the subscriptions: {}", e.message())),
    };
    let Some(sub) = subs.iter().find(|s| s.id == field("subscription")) else {
        return Try::Done(
            DeliveryOutcome::Failed,
            "not sent: the subscription was removed before sending".into(),
        );
    };
    let (Endpoint::Webhook { url }, Some(secret)) = (&sub.endpoint, &sub.secret) else {
        return Try::Done(DeliveryOutcome::Failed, "not a webhook subscription".into());
    };
    let attempt = post(app, policy, url, secret, field("body"), delivery_id);
    match tokio::time::timeout(policy.timeout, attempt).await {
        Ok(tried) => tried,
        Err(_) => Try::Again(format!(
            "no answer within {} ms",
            policy.timeout.as_millis()
        )),
    }
}

/// Records the receipt of `row` and marks it sent, holding the lease while recording (so
/// nobody else sends it meanwhile); records nothing when the lease was lost.
async fn finish(
    app: &App,
    lease: Lease,
    (row, (notice, customer)): (&OutboxRow, (NoticeId, CustomerRef)),
    last: Final,
) -> Result<(), ApiError> {
    let until = app.status().webhook_policy().lease_until(app.now());
    if !held(app, lease.clone(), Settle::Extend { until }).await? {
        eprintln!(
            "desk webhooks: outbox row {}: the lease ended before the outcome was stored; \
             another worker has it",
            row.id
        );
        return Ok(());
    }
    let m = &row.message;
    let receipt = DeliveryReceipt {
        notice_id: notice,
        recipient: customer,
        channel: Channel::Webhook,
        outcome: last.outcome,
        at: app.now(),
        provider_ref: Some(provider_ref(&delivery_id(row))),
        detail: Some(last.detail),
    };
    record(app, m.incident_id, receipt).await?;
    settle(app, lease, Settle::Done).await
}

/// Applies `settle` if the lease still holds; whether it did.
async fn held(app: &App, lease: Lease, settle: Settle) -> Result<bool, ApiError> {
    app.store()
        .settle_webhook(lease, settle)
        .await
        .map_err(|e| ApiError::store(e, 0))
}

/// Applies `settle`, logging a lost lease (another worker took the row and decides).
async fn settle(app: &App, lease: Lease, settle: Settle) -> Result<(), ApiError> {
    let row = lease.row;
    if !held(app, lease, settle).await? {
        eprintln!("desk webhooks: outbox row {row}: the lease was lost; another worker has it");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use incident::IncidentId;

    fn row(notice_id: &str, payload: serde_json::Value) -> OutboxRow {
        serde_json::from_value(serde_json::json!({
            "id": 7,
            "incident_id": IncidentId::from_bytes([3; 16]),
            "item": "subscriber:s-1",
            "occurrence": 1,
            "notice_id": notice_id,
            "payload": payload,
            "enqueued_at_seq": 1,
            "sent_at": null,
        }))
        .unwrap()
    }

    #[test]
    fn a_row_without_a_valid_notice_or_customer_names_why() {
        let good = serde_json::json!({"customer": "C-1"});
        let (notice, customer) = recipient(&row("N-1", good.clone())).unwrap();
        assert_eq!((notice.as_str(), customer.as_str()), ("N-1", "C-1"));
        let problem = recipient(&row(" ", good)).unwrap_err();
        assert!(
            problem.starts_with("its notice id is not valid"),
            "{problem}"
        );
        for payload in [serde_json::json!({}), serde_json::json!({"customer": ""})] {
            let problem = recipient(&row("N-1", payload)).unwrap_err();
            assert!(
                problem.starts_with("its customer is missing or not valid"),
                "{problem}"
            );
        }
    }
}
