//! A database outage seen over HTTP: while the store does not answer, reads and writes get
//! 503 `store_unavailable` with `Retry-After` and nothing is half-written; when it answers
//! again, the same desk process serves on without a restart. (The PostgreSQL pool's own
//! recovery after `pg_terminate_backend` is tested in `tests/store.rs`.)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use incident::{Envelope, IncidentId};
use incident_desk::store::{
    BoxFut, Idempotent, IncidentSummaryRow, Lease, OutboxMessage, OutboxRow, Sender, Settle, Store,
    StoreError,
};
use incident_desk::{app, http, sqlite::SqliteStore};
use serde_json::json;
use support::{raw_request, test_access, TempDb};

/// A SQLite store that answers `Unavailable` while `down` is set, as a database that
/// restarts does.
struct Flaky {
    inner: SqliteStore,
    down: Arc<AtomicBool>,
}

impl Flaky {
    fn gate<'a, T: Send + 'a>(
        &'a self,
        f: BoxFut<'a, Result<T, StoreError>>,
    ) -> BoxFut<'a, Result<T, StoreError>> {
        if self.down.load(Ordering::SeqCst) {
            Box::pin(async { Err(StoreError::unavailable("connection refused (test outage)")) })
        } else {
            f
        }
    }
}

impl Store for Flaky {
    fn load(&self, id: IncidentId, after: u64) -> BoxFut<'_, Result<Vec<Envelope>, StoreError>> {
        self.gate(self.inner.load(id, after))
    }
    fn events_page(
        &self,
        id: IncidentId,
        after: u64,
        limit: u32,
    ) -> BoxFut<'_, Result<Vec<Envelope>, StoreError>> {
        self.gate(self.inner.events_page(id, after, limit))
    }
    fn append(
        &self,
        id: IncidentId,
        expected: u64,
        envelopes: Vec<Envelope>,
        outbox: Vec<OutboxMessage>,
        idempotency: Option<Idempotent>,
    ) -> BoxFut<'_, Result<(), StoreError>> {
        self.gate(
            self.inner
                .append(id, expected, envelopes, outbox, idempotency),
        )
    }
    fn idempotent(
        &self,
        actor: &str,
        key: &str,
    ) -> BoxFut<'_, Result<Option<Idempotent>, StoreError>> {
        self.gate(self.inner.idempotent(actor, key))
    }
    fn incident_ids(&self) -> BoxFut<'_, Result<Vec<IncidentId>, StoreError>> {
        self.gate(self.inner.incident_ids())
    }
    fn incidents_page(
        &self,
        after: Option<IncidentId>,
        limit: u32,
    ) -> BoxFut<'_, Result<Vec<IncidentSummaryRow>, StoreError>> {
        self.gate(self.inner.incidents_page(after, limit))
    }
    fn put_subscription(&self, id: String, body: String) -> BoxFut<'_, Result<(), StoreError>> {
        self.gate(self.inner.put_subscription(id, body))
    }
    fn delete_subscription(&self, id: String) -> BoxFut<'_, Result<bool, StoreError>> {
        self.gate(self.inner.delete_subscription(id))
    }
    fn subscriptions(&self) -> BoxFut<'_, Result<Vec<(String, String)>, StoreError>> {
        self.gate(self.inner.subscriptions())
    }
    fn outbox(&self, id: IncidentId) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>> {
        self.gate(self.inner.outbox(id))
    }
    fn deliver(&self, limit: u32, send: Sender) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>> {
        self.gate(self.inner.deliver(limit, send))
    }
    fn claim_webhooks(
        &self,
        owner: String,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        limit: u32,
    ) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>> {
        self.gate(self.inner.claim_webhooks(owner, now, until, limit))
    }
    fn settle_webhook(&self, lease: Lease, settle: Settle) -> BoxFut<'_, Result<bool, StoreError>> {
        self.gate(self.inner.settle_webhook(lease, settle))
    }
}

/// POSTs `body` as `zhang.min`.
async fn post(addr: std::net::SocketAddr, path: &str, body: &str) -> support::Answer {
    let headers = [
        ("Authorization", "Bearer token-zhang.min"),
        ("Content-Type", "application/json"),
    ];
    raw_request(addr, "POST", path, &headers, Some(body.as_bytes())).await
}

/// GETs `path` as `zhang.min`.
async fn get(addr: std::net::SocketAddr, path: &str) -> support::Answer {
    raw_request(
        addr,
        "GET",
        path,
        &[("Authorization", "Bearer token-zhang.min")],
        None,
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_answers_503_with_retry_after_and_the_desk_recovers_without_a_restart() {
    let db = TempDb::new("outage");
    let down = Arc::new(AtomicBool::new(false));
    let store = Arc::new(Flaky {
        inner: SqliteStore::open(&db.url()).unwrap(),
        down: Arc::clone(&down),
    });
    let desk = Arc::new(app::App::new(
        store,
        app::default_regulation(),
        test_access(),
    ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(http::serve(listener, desk, std::future::pending()));

    let declare = support::declaration(0x0b, "Outage", "zhang.min");
    let body = json!({"declare": declare}).to_string();
    let created = post(addr, "/incidents", &body).await;
    assert_eq!(created.status, 201, "{:?}", created.body);
    let id = created.body["incident_id"].as_str().unwrap().to_owned();
    let note = |v: u64, text: &str| {
        json!({"expected_version": v, "command": {"type": "add_note", "text": text}}).to_string()
    };
    let commands = format!("/incidents/{id}/commands");

    down.store(true, Ordering::SeqCst);
    let health = raw_request(addr, "GET", "/healthz", &[], None).await;
    assert_eq!(health.status, 503);
    let write = post(addr, &commands, &note(1, "lost?")).await;
    assert_eq!(write.status, 503, "{:?}", write.body);
    assert_eq!(write.body["code"], "store_unavailable");
    assert_eq!(write.headers["retry-after"], "1");
    assert!(write.body["message"]
        .as_str()
        .unwrap()
        .contains("connection refused"));
    let read = get(addr, &format!("/incidents/{id}/events")).await;
    assert_eq!(
        (
            read.status,
            read.headers.get("retry-after").map(String::as_str)
        ),
        (503, Some("1"))
    );

    // Back up: the same process answers, and the failed write left nothing behind.
    down.store(false, Ordering::SeqCst);
    let health = raw_request(addr, "GET", "/healthz", &[], None).await;
    assert_eq!(health.status, 200);
    let write = post(addr, &commands, &note(1, "after")).await;
    assert_eq!(write.status, 200, "{:?}", write.body);
    assert_eq!(write.body["version"], 2);
    let events = get(addr, &format!("/incidents/{id}/events")).await;
    let texts: Vec<&str> = events.body["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["event"]["text"].as_str())
        .collect();
    assert_eq!(texts, ["after"]);
}
