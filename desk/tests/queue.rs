//! The durable webhook queue in the stores, without HTTP: a claim counts the attempt and
//! leases the row; nobody else claims a leased row until its lease ends, and then anyone
//! may (a dead worker's lease expires); every change after the claim holds only for the
//! claim's owner and attempt; a row waits for its next attempt; `deliver` leaves webhook
//! rows alone; two stores claiming at once never get the same row; and a database of the
//! desk before the queue opens with its pending rows in it.
//!
//! The SQLite tests run everywhere. The PostgreSQL ones are `#[ignore]`d and need a
//! server, as in `tests/store.rs`:
//!
//! ```text
//! DATABASE_URL=postgres://desk@127.0.0.1:PORT/postgres \
//!     cargo test -p incident-desk --test queue -- --ignored
//! ```
//!
//! Run that way without `DATABASE_URL`, or with a server that does not answer, they fail:
//! they never pass without having touched PostgreSQL.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use incident::{ActorId, Context, Declare, DetectionSource, Envelope, Incident, IncidentId};
use incident::{IncidentKind, Severity};
use incident_desk::store::{self, Lease, OutboxMessage, OutboxRow, Settle, Store};
use serde_json::json;
use support::{fresh_schema, plain, postgres_url, TempDb};

fn id(first: u8) -> IncidentId {
    IncidentId::from_bytes([first; 16])
}

/// The declaration of `id`: its whole log.
fn declared(id: IncidentId) -> Vec<Envelope> {
    let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 1, 0, 0).unwrap();
    let declare = Declare::new(id, IncidentKind::DataBreach, "Queue test")
        .detection(DetectionSource::Monitoring, t0)
        .severity(Severity::Sev3)
        .owner(ActorId::new("owner").unwrap());
    let ctx = Context::new(ActorId::new("queue.test").unwrap(), t0);
    Incident::declare(&declare, &ctx).unwrap()
}

/// A subscriber's webhook message, as `subscriptions::fan_out` enqueues it.
fn hook(id: IncidentId, n: u32) -> OutboxMessage {
    OutboxMessage {
        incident_id: id,
        item: format!("subscriber:s-{n}"),
        occurrence: 1,
        notice_id: "N-1".into(),
        payload: json!({"channel": "webhook", "subscription": format!("s-{n}"),
                        "customer": format!("C-{n}"), "body": "{}"}),
    }
}

/// A comms plan message (logged by the outbox worker, never a webhook).
fn planned(id: IncidentId) -> OutboxMessage {
    OutboxMessage {
        incident_id: id,
        item: "regulator".into(),
        occurrence: 1,
        notice_id: "N-1".into(),
        payload: json!({"entry": {}, "channels": ["email"]}),
    }
}

fn t(seconds: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap() + Duration::seconds(seconds)
}

fn lease(row: &OutboxRow, owner: &str) -> Lease {
    Lease {
        row: row.id,
        owner: owner.into(),
        attempt: row.attempts,
    }
}

async fn claim(store: &dyn Store, owner: &str, now: i64, limit: u32) -> Vec<OutboxRow> {
    store
        .claim_webhooks(owner.into(), t(now), t(now + 60), limit)
        .await
        .unwrap()
}

async fn settle(store: &dyn Store, lease: Lease, settle: Settle) -> bool {
    store.settle_webhook(lease, settle).await.unwrap()
}

/// Leases, expiry, conditional changes and due times, on one store.
async fn check_leases(store: &dyn Store) {
    let id = id(0x71);
    let outbox = vec![hook(id, 1), hook(id, 2), planned(id)];
    store
        .append(id, 0, declared(id), outbox, None)
        .await
        .unwrap();

    // The outbox worker sends the plan's message and leaves the webhooks pending.
    let sent = store.deliver(100, Arc::new(|_| {})).await.unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].message.item, "regulator");

    // Worker A claims both webhooks at t0: the attempt is counted when claimed.
    let a = claim(store, "A", 0, 10).await;
    assert_eq!(a.len(), 2);
    let (one, two) = (&a[0], &a[1]);
    assert_eq!(one.message.item, "subscriber:s-1");
    assert_eq!((one.attempts, two.attempts), (1, 1));
    assert_eq!(one.lease_owner.as_deref(), Some("A"));
    assert_eq!(one.lease_until.as_deref(), Some("2026-12-07T10:01:00.000Z"));
    // Leased: nobody else gets them before the lease ends.
    assert!(claim(store, "B", 30, 10).await.is_empty());
    assert!(claim(store, "A", 59, 10).await.is_empty());

    // Row one failed and waits two minutes; A then dies holding row two.
    let retry = Settle::Retry {
        next_at: t(120),
        detail: "the receiver answered HTTP 503".into(),
    };
    assert!(settle(store, lease(one, "A"), retry.clone()).await);
    // The released claim, another owner, another attempt: nothing changes.
    assert!(!settle(store, lease(one, "A"), Settle::Done).await);
    assert!(!settle(store, lease(two, "B"), Settle::Done).await);
    let mut wrong = lease(two, "A");
    wrong.attempt = 2;
    assert!(!settle(store, wrong, Settle::Done).await);

    // A's lease ends at t0 + 60 s: B takes row two, attempt 2. Row one is not due yet.
    let b = claim(store, "B", 60, 10).await;
    assert_eq!(b.iter().map(|r| r.id).collect::<Vec<_>>(), [two.id]);
    assert_eq!(b[0].attempts, 2);
    assert_eq!(b[0].lease_owner.as_deref(), Some("B"));
    // A, back from the dead, can change nothing any more.
    let until = Settle::Extend { until: t(600) };
    assert!(!settle(store, lease(two, "A"), until.clone()).await);
    assert!(!settle(store, lease(two, "A"), Settle::Done).await);
    // B extends its lease (recording the receipt) and marks the row sent.
    assert!(settle(store, lease(&b[0], "B"), until).await);
    assert!(claim(store, "C", 200, 10)
        .await
        .iter()
        .all(|r| r.id != two.id));
    assert!(settle(store, lease(&b[0], "B"), Settle::Done).await);

    // Row one was due at t0 + 120 s and C claimed it at 200 s (above): attempt 2, its
    // last failure kept. Its lease ends at 260 s; D takes it after, attempt 3.
    let rows = store.outbox(id).await.unwrap();
    let stored_one = rows.iter().find(|r| r.id == one.id).unwrap();
    assert_eq!(stored_one.attempts, 2);
    assert_eq!(stored_one.lease_owner.as_deref(), Some("C"));
    assert_eq!(
        stored_one.next_attempt_at.as_deref(),
        Some("2026-12-07T10:02:00.000Z")
    );
    assert_eq!(
        stored_one.last_detail.as_deref(),
        Some("the receiver answered HTTP 503")
    );
    let d = claim(store, "D", 260, 10).await;
    assert_eq!((d.len(), d[0].id, d[0].attempts), (1, one.id, 3));
    assert!(settle(store, lease(&d[0], "D"), Settle::Done).await);

    // Both sent, leases cleared; nothing left to claim or deliver.
    for row in store.outbox(id).await.unwrap() {
        assert!(row.sent_at.is_some(), "{row:?}");
        assert_eq!((row.lease_owner, row.lease_until), (None, None));
    }
    assert!(claim(store, "E", 100_000, 10).await.is_empty());
    assert!(store
        .deliver(100, Arc::new(|_| {}))
        .await
        .unwrap()
        .is_empty());
    check_abandon(store).await;
}

/// A row that can be neither sent nor receipted is abandoned once by its lease holder:
/// settled with its reason kept, and never claimed again.
async fn check_abandon(store: &dyn Store) {
    let id = id(0x72);
    store
        .append(id, 0, declared(id), vec![hook(id, 9)], None)
        .await
        .unwrap();
    let rows = claim(store, "A", 0, 10).await;
    assert_eq!(rows.len(), 1);
    let abandon = Settle::Abandon {
        detail: "abandoned: its customer is missing or not valid".into(),
    };
    assert!(!settle(store, lease(&rows[0], "B"), abandon.clone()).await);
    assert!(settle(store, lease(&rows[0], "A"), abandon).await);
    for later in [61, 3_600, 1_000_000] {
        assert!(
            claim(store, "B", later, 10).await.is_empty(),
            "at {later} s"
        );
    }
    let row = store.outbox(id).await.unwrap().remove(0);
    assert!(row.sent_at.is_some());
    assert_eq!(
        row.last_detail.as_deref(),
        Some("abandoned: its customer is missing or not valid")
    );
    assert_eq!((row.lease_owner, row.lease_until), (None, None));
}

/// Two stores (two instances) claiming 40 rows at once, a few at a time: every row
/// claimed exactly once.
async fn check_concurrent_claims(first: Arc<dyn Store>, second: Arc<dyn Store>) {
    let id = id(0x72);
    let outbox = (1..=40).map(|n| hook(id, n)).collect();
    first
        .append(id, 0, declared(id), outbox, None)
        .await
        .unwrap();
    let worker = |store: Arc<dyn Store>, owner: &'static str| {
        tokio::spawn(async move {
            let mut mine = Vec::new();
            // 40 rows, 3 a claim: a worker needs at most 14 claims; more means a row came
            // back while leased.
            for _ in 0..20 {
                let rows = claim(store.as_ref(), owner, 0, 3).await;
                if rows.is_empty() {
                    break;
                }
                mine.extend(rows.iter().map(|r| r.id));
                tokio::task::yield_now().await;
            }
            mine
        })
    };
    let (a, b) = (worker(first, "A"), worker(second, "B"));
    let (a, b) = (a.await.unwrap(), b.await.unwrap());
    let all: BTreeSet<i64> = a.iter().chain(&b).copied().collect();
    assert_eq!(a.len() + b.len(), 40, "A {a:?}, B {b:?}");
    assert_eq!(all.len(), 40, "a row claimed twice: A {a:?}, B {b:?}");
    eprintln!("A claimed {}, B {}", a.len(), b.len());
}

#[tokio::test]
async fn leases_expire_and_only_the_holder_settles_on_sqlite() {
    let db = TempDb::new("queue-leases");
    let store = store::open(&db.url()).await.unwrap();
    check_leases(store.as_ref()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_never_claim_one_row_on_sqlite() {
    let db = TempDb::new("queue-claims");
    let first = store::open(&db.url()).await.unwrap();
    let second = store::open(&db.url()).await.unwrap();
    check_concurrent_claims(first, second).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn leases_expire_and_only_the_holder_settles_on_postgres() {
    let url = fresh_schema(&postgres_url(), "queue_leases").await;
    let store = store::open(&url).await.unwrap();
    check_leases(store.as_ref()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn two_instances_never_claim_one_row_on_postgres() {
    let url = fresh_schema(&postgres_url(), "queue_claims").await;
    let first = store::open(&url).await.unwrap();
    let second = store::open(&url).await.unwrap();
    check_concurrent_claims(first, second).await;
}

// ---------------------------------------------------------------------------------------
// Upgrading a database of the desk before the queue

/// The outbox of the desk before the queue (git history of `src/sqlite.rs`), with rows:
/// a pending webhook, a pending plan message and a webhook already sent.
const OLD_SQLITE_SCHEMA: &str = "
CREATE TABLE events (
    incident_id TEXT NOT NULL, seq INTEGER NOT NULL, recorded_at TEXT NOT NULL,
    kind TEXT NOT NULL, envelope TEXT NOT NULL,
    PRIMARY KEY (incident_id, seq)) WITHOUT ROWID;
CREATE INDEX events_declared ON events (incident_id) WHERE seq = 1;
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, incident_id TEXT NOT NULL, item TEXT NOT NULL,
    occurrence INTEGER NOT NULL, notice_id TEXT NOT NULL, payload TEXT NOT NULL,
    enqueued_at_seq INTEGER NOT NULL, sent_at TEXT,
    UNIQUE (incident_id, item, occurrence, notice_id));
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
CREATE TABLE idempotency (
    actor TEXT NOT NULL, key TEXT NOT NULL, request_digest TEXT NOT NULL,
    status INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL,
    PRIMARY KEY (actor, key)) WITHOUT ROWID;
CREATE TABLE subscriptions (id TEXT NOT NULL PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID;
";

/// The old rows: (item, payload, sent_at).
fn old_rows(id: IncidentId) -> Vec<(String, String, Option<String>)> {
    vec![
        (hook(id, 1).item, hook(id, 1).payload.to_string(), None),
        (planned(id).item, planned(id).payload.to_string(), None),
        (
            hook(id, 2).item,
            hook(id, 2).payload.to_string(),
            Some("2026-12-01T00:00:00.000Z".to_owned()),
        ),
    ]
}

/// After the upgrade: the old pending webhook is claimed by the queue, the plan message
/// delivered by the worker, the sent row left alone; a second open changes nothing.
async fn check_upgraded(store: &dyn Store, id: IncidentId) {
    let rows = store.outbox(id).await.unwrap();
    assert_eq!(rows.len(), 3);
    assert!(rows
        .iter()
        .all(|r| r.attempts == 0 && r.lease_owner.is_none()));
    let claimed = claim(store, "A", 0, 10).await;
    assert_eq!(claimed.len(), 1, "{claimed:?}");
    assert_eq!(
        (claimed[0].message.item.as_str(), claimed[0].attempts),
        ("subscriber:s-1", 1)
    );
    let sent = store.deliver(100, Arc::new(|_| {})).await.unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].message.item, "regulator");
    assert!(settle(store, lease(&claimed[0], "A"), Settle::Done).await);
    let old_sent = store.outbox(id).await.unwrap();
    assert_eq!(
        old_sent[2].sent_at.as_deref(),
        Some("2026-12-01T00:00:00.000Z")
    );
    assert_eq!(old_sent[2].attempts, 0);
    // New rows go through the queue too.
    store
        .append(id, 1, more(id), vec![hook(id, 3)], None)
        .await
        .unwrap();
    assert_eq!(claim(store, "A", 0, 10).await.len(), 1);
}

/// The note after the declaration of `id`.
fn more(id: IncidentId) -> Vec<Envelope> {
    let log = declared(id);
    let incident = Incident::replay(&log).unwrap();
    let ctx = Context::new(ActorId::new("queue.test").unwrap(), t(0));
    incident
        .execute(
            &incident::Command::AddNote {
                text: "later".into(),
            },
            &ctx,
        )
        .unwrap()
}

#[tokio::test]
async fn a_file_from_before_the_queue_opens_with_its_pending_webhooks_on_sqlite() {
    let db = TempDb::new("queue-upgrade");
    let id = id(0x73);
    {
        let conn = rusqlite::Connection::open(&db.path).unwrap();
        conn.execute_batch(OLD_SQLITE_SCHEMA).unwrap();
        for e in declared(id) {
            conn.execute(
                "INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![
                    id.to_string(),
                    e.sequence() as i64,
                    e.recorded_at().to_rfc3339(),
                    e.event().name(),
                    serde_json::to_string(&e).unwrap()
                ],
            )
            .unwrap();
        }
        for (item, payload, sent_at) in old_rows(id) {
            conn.execute(
                "INSERT INTO outbox (incident_id, item, occurrence, notice_id, payload, \
                 enqueued_at_seq, sent_at) VALUES (?1, ?2, 1, 'N-1', ?3, 1, ?4)",
                rusqlite::params![id.to_string(), item, payload, sent_at],
            )
            .unwrap();
        }
    }
    let store = store::open(&db.url()).await.unwrap();
    check_upgraded(store.as_ref(), id).await;
    drop(store);
    let again = store::open(&db.url()).await.unwrap();
    assert_eq!(again.outbox(id).await.unwrap().len(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn a_database_from_before_the_queue_keeps_its_pending_webhooks_on_postgres() {
    let url = fresh_schema(&postgres_url(), "queue_upgrade").await;
    let id = id(0x73);
    {
        let client = plain(&url).await;
        client.batch_execute(support::OLD_PG_SCHEMA).await.unwrap();
        for e in declared(id) {
            client
                .execute(
                    "INSERT INTO events VALUES ($1, $2, $3, $4, $5)",
                    &[
                        &id.to_string(),
                        &(e.sequence() as i64),
                        &e.recorded_at().to_rfc3339(),
                        &e.event().name(),
                        &serde_json::to_string(&e).unwrap(),
                    ],
                )
                .await
                .unwrap();
        }
        for (item, payload, sent_at) in old_rows(id) {
            client
                .execute(
                    "INSERT INTO outbox (incident_id, item, occurrence, notice_id, payload, \
                     enqueued_at_seq, sent_at) VALUES ($1, $2, 1, 'N-1', $3, 1, $4)",
                    &[&id.to_string(), &item, &payload, &sent_at],
                )
                .await
                .unwrap();
        }
    }
    let store = store::open(&url).await.unwrap();
    check_upgraded(store.as_ref(), id).await;
    drop(store);
    let again = store::open(&url).await.unwrap();
    assert_eq!(again.outbox(id).await.unwrap().len(), 4);
}
