//! The stores directly, without HTTP: paging of events and incidents, idempotent answers
//! stored in the append's transaction, `redact_url`, errors that keep their cause and
//! never a password, and (PostgreSQL) recovery when the server kills the store's
//! connections.
//!
//! The SQLite tests run everywhere. The PostgreSQL ones are `#[ignore]`d and need a
//! server:
//!
//! ```text
//! DATABASE_URL=postgres://desk@127.0.0.1:PORT/postgres \
//!     cargo test -p incident-desk --test store -- --ignored
//! ```
//!
//! Run that way without `DATABASE_URL`, or with a server that does not answer, they fail:
//! they never pass without having touched PostgreSQL. Each works in a schema of its own,
//! and they take turns (one of them terminates every backend of the test user).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::sync::Arc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use incident::{
    ActorId, Command, Context, Declare, DetectionSource, Envelope, Incident, IncidentId,
    IncidentKind, Severity,
};
use incident_desk::store::{self, redact_url, Idempotent, OutboxMessage, Store, StoreError};
use support::{fresh_schema, plain, postgres_url, TempDb};

// ---------------------------------------------------------------------------------------
// Helpers

/// An incident id whose text starts with the hex of `first` (ids sort by that text).
fn id(first: u8) -> IncidentId {
    let mut bytes = [0u8; 16];
    bytes[0] = first;
    bytes[15] = 0xd5;
    IncidentId::from_bytes(bytes)
}

fn ctx(minute: u32) -> Context<'static> {
    Context::new(
        ActorId::new("store.test").unwrap(),
        Utc.with_ymd_and_hms(2026, 3, 14, 2, 0, 0).unwrap()
            + chrono::Duration::minutes(minute.into()),
    )
}

fn note(text: String) -> Command {
    Command::AddNote { text }
}

/// The declaration of `id` at `minute`, then `notes` notes a minute apart: every envelope.
fn history(id: IncidentId, minute: u32, notes: u32) -> Vec<Envelope> {
    let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 1, 0, 0).unwrap();
    let declare = Declare::new(id, IncidentKind::DataBreach, "Store test")
        .detection(DetectionSource::Monitoring, t0)
        .severity(Severity::Sev3)
        .owner(ActorId::new("owner").unwrap());
    let mut all = Incident::declare(&declare, &ctx(minute)).unwrap();
    let mut incident = Incident::replay(&all).unwrap();
    for n in 1..=notes {
        let envelopes = incident
            .execute(&note(format!("note {n}")), &ctx(minute + n))
            .unwrap();
        for e in &envelopes {
            incident.apply(e).unwrap();
        }
        all.extend(envelopes);
    }
    all
}

/// The next `notes` envelopes after `log` (notes an hour after its last event).
fn more(log: &[Envelope], notes: u32) -> Vec<Envelope> {
    let mut incident = Incident::replay(log).unwrap();
    let mut out = Vec::new();
    for n in 1..=notes {
        let envelopes = incident
            .execute(&note(format!("more {n}")), &ctx(60 + n))
            .unwrap();
        for e in &envelopes {
            incident.apply(e).unwrap();
        }
        out.extend(envelopes);
    }
    out
}

/// Appends `log` in one transaction as the incident's whole history.
async fn seed(store: &dyn Store, log: &[Envelope]) {
    let id = log[0].incident_id();
    store
        .append(id, 0, log.to_vec(), Vec::new(), None)
        .await
        .unwrap();
}

fn answer(actor: &str, key: &str) -> Idempotent {
    Idempotent {
        actor: actor.into(),
        key: key.into(),
        request_digest: format!("sha256:{actor}:{key}"),
        status: 201,
        body: format!(r#"{{"actor":"{actor}","key":"{key}"}}"#),
    }
}

fn message(id: IncidentId) -> OutboxMessage {
    OutboxMessage {
        incident_id: id,
        item: "regulator".into(),
        occurrence: 1,
        notice_id: "n-1".into(),
        payload: serde_json::json!({"to": "regulator"}),
    }
}

// ---------------------------------------------------------------------------------------
// The checks, run on both backends

/// `events_page` returns what `load` returns, cut at `after` and `limit`.
async fn check_events_page(store: &dyn Store) {
    let log = history(id(0x42), 0, 6);
    let n = log.len() as u64;
    assert!(n >= 7, "a declaration and 6 notes: {n} envelopes");
    seed(store, &log).await;
    let id = id(0x42);

    assert_eq!(
        store.events_page(id, 0, 1000).await.unwrap(),
        log,
        "after = 0: all"
    );
    assert_eq!(
        store.load(id, 0).await.unwrap(),
        log,
        "load still answers all"
    );
    assert_eq!(
        store.events_page(id, 0, 2).await.unwrap(),
        log[..2],
        "the limit"
    );
    assert_eq!(
        store.events_page(id, 2, 3).await.unwrap(),
        log[2..5],
        "after and limit"
    );
    assert_eq!(
        store.events_page(id, n - 1, 10).await.unwrap(),
        log[log.len() - 1..],
        "the last one"
    );
    assert!(
        store.events_page(id, n, 10).await.unwrap().is_empty(),
        "after = version"
    );
    assert!(
        store.events_page(id, n + 5, 10).await.unwrap().is_empty(),
        "past the end"
    );
    assert!(
        store.events_page(id, 0, 0).await.unwrap().is_empty(),
        "limit 0"
    );
    assert!(
        store
            .events_page(self::id(0x43), 0, 10)
            .await
            .unwrap()
            .is_empty(),
        "an unknown incident"
    );

    // Paging by 2 from 0 yields the log, each envelope once, in order.
    let mut paged = Vec::new();
    loop {
        let page = store.events_page(id, paged.len() as u64, 2).await.unwrap();
        assert!(page.len() <= 2);
        if page.is_empty() {
            break;
        }
        assert_eq!(page[0].sequence(), paged.len() as u64 + 1, "oldest first");
        paged.extend(page);
    }
    assert_eq!(paged, log);
}

/// `incidents_page` orders by id as text, strictly after `after`, with each incident's
/// version and first and last times.
async fn check_incidents_page(store: &dyn Store) {
    // Inserted out of order; as text: 09…, 0a…, 10…, a0…, ff….
    let firsts = [0xa0u8, 0x09, 0xff, 0x10, 0x0a];
    let mut logs = Vec::new();
    for (k, first) in firsts.iter().enumerate() {
        let log = history(id(*first), 10 * k as u32, k as u32);
        seed(store, &log).await;
        logs.push(log);
    }
    logs.sort_by_key(|log| log[0].incident_id().to_string());
    let expected: Vec<store::IncidentSummaryRow> = logs
        .iter()
        .map(|log| store::IncidentSummaryRow {
            incident_id: log[0].incident_id(),
            version: log.len() as u64,
            declared_at: log[0].recorded_at().to_rfc3339(),
            last_recorded_at: log.last().unwrap().recorded_at().to_rfc3339(),
        })
        .collect();
    assert_eq!(
        store.incidents_page(None, 100).await.unwrap(),
        expected,
        "all, in id order"
    );
    assert!(
        store.incidents_page(None, 0).await.unwrap().is_empty(),
        "limit 0"
    );

    // Pages of 2: 2, 2, 1, then nothing; each strictly after the previous page's last id.
    let mut after = None;
    let mut paged = Vec::new();
    let mut sizes = Vec::new();
    loop {
        let page = store.incidents_page(after, 2).await.unwrap();
        sizes.push(page.len());
        let Some(last) = page.last() else { break };
        after = Some(last.incident_id);
        paged.extend(page);
    }
    assert_eq!(sizes, [2, 2, 1, 0]);
    assert_eq!(paged, expected);

    // `after` need not be an incident: strictly after 0a… (0b… is none) starts at 10….
    let page = store.incidents_page(Some(id(0x0b)), 10).await.unwrap();
    assert_eq!(page, expected[2..]);
    let page = store.incidents_page(Some(id(0x0a)), 1).await.unwrap();
    assert_eq!(page, expected[2..3], "strictly after an existing id");
    assert!(store
        .incidents_page(Some(id(0xff)), 10)
        .await
        .unwrap()
        .is_empty());

    // incident_ids (the app's start-up scan) still lists every incident, in id order.
    let ids: Vec<IncidentId> = expected.iter().map(|r| r.incident_id).collect();
    assert_eq!(store.incident_ids().await.unwrap(), ids);

    // A later append moves version and last_recorded_at, not declared_at.
    let first = &logs[0];
    let later = more(first, 2);
    store
        .append(
            first[0].incident_id(),
            first.len() as u64,
            later.clone(),
            Vec::new(),
            None,
        )
        .await
        .unwrap();
    let row = &store.incidents_page(None, 1).await.unwrap()[0];
    assert_eq!(row.version, (first.len() + later.len()) as u64);
    assert_eq!(row.declared_at, expected[0].declared_at);
    assert_eq!(
        row.last_recorded_at,
        later.last().unwrap().recorded_at().to_rfc3339()
    );
}

/// The answer stored with an append comes back; a second append with the same (actor,
/// key) is refused and appends nothing, not even its outbox rows.
async fn check_idempotency(store: &dyn Store) {
    let log = history(id(0x51), 0, 1);
    let id = id(0x51);
    let version = log.len() as u64;
    assert!(
        store.idempotent("li.na", "k-1").await.unwrap().is_none(),
        "nothing yet"
    );

    store
        .append(id, 0, log.clone(), Vec::new(), Some(answer("li.na", "k-1")))
        .await
        .unwrap();
    assert_eq!(
        store.idempotent("li.na", "k-1").await.unwrap(),
        Some(answer("li.na", "k-1")),
        "the round trip"
    );
    assert!(
        store
            .idempotent("wang.fang", "k-1")
            .await
            .unwrap()
            .is_none(),
        "keys are scoped per actor"
    );
    assert!(store.idempotent("li.na", "k-2").await.unwrap().is_none());

    // The very same request again (a client retry after a lost answer): the key is checked
    // before the sequences, so the answer is "key used", not a version conflict.
    let again = store
        .append(id, 0, log.clone(), Vec::new(), Some(answer("li.na", "k-1")))
        .await;
    assert!(
        matches!(again, Err(StoreError::IdempotencyKeyUsed)),
        "{again:?}"
    );

    // New events at the right version, with an outbox row, under the used key: refused,
    // nothing appended, nothing enqueued.
    let next = more(&log, 2);
    let refused = store
        .append(
            id,
            version,
            next.clone(),
            vec![message(id)],
            Some(answer("li.na", "k-1")),
        )
        .await;
    assert!(
        matches!(refused, Err(StoreError::IdempotencyKeyUsed)),
        "{refused:?}"
    );
    assert_eq!(store.load(id, 0).await.unwrap(), log, "nothing appended");
    assert!(
        store.outbox(id).await.unwrap().is_empty(),
        "nothing enqueued"
    );
    assert_eq!(
        store.idempotent("li.na", "k-1").await.unwrap(),
        Some(answer("li.na", "k-1")),
        "the first answer stays"
    );

    // A conflict rolls back the answer too: the key stays free.
    let conflict = store
        .append(
            id,
            version - 1,
            next.clone(),
            Vec::new(),
            Some(answer("li.na", "k-2")),
        )
        .await;
    assert!(
        matches!(conflict, Err(StoreError::Conflict { current }) if current == version),
        "{conflict:?}"
    );
    assert!(
        store.idempotent("li.na", "k-2").await.unwrap().is_none(),
        "rolled back"
    );

    // The same key by another actor is another key.
    store
        .append(
            id,
            version,
            next.clone(),
            vec![message(id)],
            Some(answer("wang.fang", "k-1")),
        )
        .await
        .unwrap();
    assert_eq!(store.load(id, version).await.unwrap(), next);
    assert_eq!(store.outbox(id).await.unwrap().len(), 1);
    assert_eq!(
        store.idempotent("wang.fang", "k-1").await.unwrap(),
        Some(answer("wang.fang", "k-1"))
    );
}

// ---------------------------------------------------------------------------------------
// SQLite

#[tokio::test]
async fn events_page_boundaries_on_sqlite() {
    let db = TempDb::new("events-page");
    let store = store::open(&db.url()).await.unwrap();
    check_events_page(store.as_ref()).await;
}

#[tokio::test]
async fn incidents_page_orders_and_pages_by_id_on_sqlite() {
    let db = TempDb::new("incidents-page");
    let store = store::open(&db.url()).await.unwrap();
    check_incidents_page(store.as_ref()).await;
}

#[tokio::test]
async fn idempotent_answers_are_stored_in_the_append_transaction_on_sqlite() {
    let db = TempDb::new("idempotency");
    let store = store::open(&db.url()).await.unwrap();
    check_idempotency(store.as_ref()).await;
}

/// The schema of the desk before paging and idempotency (git history of `src/sqlite.rs`).
const OLD_SQLITE_SCHEMA: &str = "
CREATE TABLE events (
    incident_id TEXT NOT NULL, seq INTEGER NOT NULL, recorded_at TEXT NOT NULL,
    kind TEXT NOT NULL, envelope TEXT NOT NULL,
    PRIMARY KEY (incident_id, seq)) WITHOUT ROWID;
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, incident_id TEXT NOT NULL, item TEXT NOT NULL,
    occurrence INTEGER NOT NULL, notice_id TEXT NOT NULL, payload TEXT NOT NULL,
    enqueued_at_seq INTEGER NOT NULL, sent_at TEXT,
    UNIQUE (incident_id, item, occurrence, notice_id));
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
";

#[tokio::test]
async fn a_file_of_the_previous_schema_opens_and_gains_the_new_tables_on_sqlite() {
    let db = TempDb::new("upgrade");
    let log = history(id(0x61), 0, 2);
    {
        let conn = rusqlite::Connection::open(&db.path).unwrap();
        conn.execute_batch(OLD_SQLITE_SCHEMA).unwrap();
        for e in &log {
            conn.execute(
                "INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![
                    e.incident_id().to_string(),
                    e.sequence() as i64,
                    e.recorded_at().to_rfc3339(),
                    e.event().name(),
                    serde_json::to_string(e).unwrap()
                ],
            )
            .unwrap();
        }
    }
    let store = store::open(&db.url()).await.unwrap();
    assert_eq!(
        store.load(id(0x61), 0).await.unwrap(),
        log,
        "the data is kept"
    );
    let page = store.incidents_page(None, 10).await.unwrap();
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].version, log.len() as u64);
    let next = more(&log, 1);
    store
        .append(
            id(0x61),
            log.len() as u64,
            next,
            Vec::new(),
            Some(answer("li.na", "up")),
        )
        .await
        .unwrap();
    assert!(store.idempotent("li.na", "up").await.unwrap().is_some());
    // Opening again changes nothing.
    drop(store);
    let store = store::open(&db.url()).await.unwrap();
    assert_eq!(store.load(id(0x61), 0).await.unwrap().len(), log.len() + 1);
}

// ---------------------------------------------------------------------------------------
// Secrets

#[test]
fn redact_url_hides_passwords_in_every_form() {
    let cases = [
        // URL form.
        (
            "postgres://desk:hunter2@db:5432/desk",
            "postgres://desk:***@db:5432/desk",
        ),
        (
            "postgresql://desk:hunter2@db/desk",
            "postgresql://desk:***@db/desk",
        ),
        ("postgres://desk:@db/desk", "postgres://desk:***@db/desk"),
        ("postgres://:hunter2@db/desk", "postgres://:***@db/desk"),
        // An unescaped `@`, `/`, `?` or `:` in the password.
        (
            "postgres://desk:p@ss/w?r:d@db/desk",
            "postgres://desk:***@db/desk",
        ),
        (
            "postgres://desk:hun%40ter2@db/desk?sslmode=disable",
            "postgres://desk:***@db/desk?sslmode=disable",
        ),
        // Query form, with and without credentials, percent-encoded key.
        (
            "postgres://db/desk?user=desk&password=hunter2",
            "postgres://db/desk?user=desk&password=***",
        ),
        (
            "postgres://desk@db/desk?password=hunter2&sslmode=disable",
            "postgres://desk@db/desk?password=***&sslmode=disable",
        ),
        (
            "postgres://desk@db/desk?pass%77ord=hunter2",
            "postgres://desk@db/desk?pass%77ord=***",
        ),
        (
            "postgres://desk@db/desk?PASSWORD=hunter2",
            "postgres://desk@db/desk?PASSWORD=***",
        ),
        (
            "postgres://desk:a@db/desk?password=b",
            "postgres://desk:***@db/desk?password=***",
        ),
        // Key/value form.
        (
            "host=db user=desk password=hunter2 dbname=desk",
            "host=db user=desk password=*** dbname=desk",
        ),
        ("host=db password = hunter2", "host=db password = ***"),
        ("password='hunter 2' host=db", "password=*** host=db"),
        (r"password='it\'s hunter2' host=db", "password=*** host=db"),
        ("sslpassword=hunter2 host=db", "sslpassword=*** host=db"),
        ("password='unterminated hunter2", "password=***"),
        // Nothing to hide.
        (
            "postgres://desk@db:5432/desk",
            "postgres://desk@db:5432/desk",
        ),
        (
            "postgres://db/desk?sslmode=disable",
            "postgres://db/desk?sslmode=disable",
        ),
        ("host=db user=desk", "host=db user=desk"),
        ("/var/lib/desk/desk.sqlite3", "/var/lib/desk/desk.sqlite3"),
        ("sqlite://desk.sqlite3", "sqlite://desk.sqlite3"),
        ("", ""),
    ];
    for (url, redacted) in cases {
        assert_eq!(redact_url(url), redacted, "{url}");
        assert!(!redact_url(url).contains("hunter"), "{url}");
    }
}

#[tokio::test]
async fn open_errors_name_the_database_but_never_its_password() {
    // Nothing listens on port 1: refused, so "unavailable, retry later".
    let refused = store::open("postgres://desk:s3cr3t-pw@127.0.0.1:1/desk").await;
    let Err(e) = refused else {
        panic!("port 1 answered")
    };
    let text = e.to_string();
    assert!(matches!(e, StoreError::Unavailable(_)), "{e:?}");
    assert!(
        text.contains("postgres://desk:***@127.0.0.1:1/desk"),
        "{text}"
    );
    assert!(!text.contains("s3cr3t"), "{text}");
    assert!(!format!("{e:?}").contains("s3cr3t"), "{e:?}");
    assert!(
        text.contains("refused") || text.contains("error connecting"),
        "the cause: {text}"
    );

    // Invalid URLs: not retryable, and no password either.
    for url in [
        "postgres://desk:s3cr3t-pw@127.0.0.1:notaport/desk",
        "postgres://desk@127.0.0.1:1/desk?password=s3cr3t-pw&no_such_option=1",
        "postgresql://desk:s3cr3t-pw@[::1/desk",
    ] {
        let Err(e) = store::open(url).await else {
            panic!("{url} opened")
        };
        let text = format!("{e} {e:?}");
        assert!(matches!(e, StoreError::Backend(_)), "{url}: {e:?}");
        assert!(!text.contains("s3cr3t"), "{url}: {text}");
        assert!(
            text.contains("***"),
            "{url}: the redacted URL is named: {text}"
        );
    }

    // SQLite: the path is named with its cause.
    let Err(e) = store::open("/nonexistent-desk-dir/desk.sqlite3").await else {
        panic!("opened a file in a missing directory")
    };
    assert!(matches!(e, StoreError::Backend(_)), "{e:?}");
    assert!(
        e.to_string().contains("/nonexistent-desk-dir/desk.sqlite3"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------------------
// PostgreSQL

/// The PostgreSQL tests take turns: one terminates every backend of the test user.
static PG: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn events_page_boundaries_on_postgres() {
    let _turn = PG.lock().await;
    let url = fresh_schema(&postgres_url(), "events_page").await;
    let store = store::open(&url).await.unwrap();
    check_events_page(store.as_ref()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn incidents_page_orders_and_pages_by_id_on_postgres() {
    let _turn = PG.lock().await;
    let url = fresh_schema(&postgres_url(), "incidents_page").await;
    let store = store::open(&url).await.unwrap();
    check_incidents_page(store.as_ref()).await;
    // The partial index can drive the page (with 5 rows the planner may prefer a scan,
    // so scans and sorts are discouraged here).
    let client = plain(&url).await;
    client
        .batch_execute("SET enable_seqscan = off; SET enable_sort = off")
        .await
        .unwrap();
    let plan: Vec<String> = client
        .query(
            r#"EXPLAIN SELECT f.incident_id FROM events f WHERE f.seq = 1
               AND f.incident_id COLLATE "C" > '' ORDER BY f.incident_id COLLATE "C" LIMIT 2"#,
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(
        plan.iter().any(|line| line.contains("events_declared")),
        "{plan:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn idempotent_answers_are_stored_in_the_append_transaction_on_postgres() {
    let _turn = PG.lock().await;
    let url = fresh_schema(&postgres_url(), "idempotency").await;
    let store = store::open(&url).await.unwrap();
    check_idempotency(store.as_ref()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn a_database_of_the_previous_schema_gains_the_new_tables_on_postgres() {
    let _turn = PG.lock().await;
    let url = fresh_schema(&postgres_url(), "upgrade").await;
    let log = history(id(0x61), 0, 2);
    {
        let client = plain(&url).await;
        client.batch_execute(support::OLD_PG_SCHEMA).await.unwrap();
        for e in &log {
            client
                .execute(
                    "INSERT INTO events VALUES ($1, $2, $3, $4, $5)",
                    &[
                        &e.incident_id().to_string(),
                        &(e.sequence() as i64),
                        &e.recorded_at().to_rfc3339(),
                        &e.event().name(),
                        &serde_json::to_string(e).unwrap(),
                    ],
                )
                .await
                .unwrap();
        }
    }
    let store = store::open(&url).await.unwrap();
    assert_eq!(
        store.load(id(0x61), 0).await.unwrap(),
        log,
        "the data is kept"
    );
    assert_eq!(store.incidents_page(None, 10).await.unwrap().len(), 1);
    store
        .append(
            id(0x61),
            log.len() as u64,
            more(&log, 1),
            Vec::new(),
            Some(answer("li.na", "up")),
        )
        .await
        .unwrap();
    assert!(store.idempotent("li.na", "up").await.unwrap().is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn errors_keep_postgres_cause_and_hide_the_password() {
    let _turn = PG.lock().await;
    let config: tokio_postgres::Config = postgres_url().parse().unwrap();
    let host = match config.get_hosts().first() {
        Some(tokio_postgres::config::Host::Tcp(host)) => host.clone(),
        other => panic!("DATABASE_URL names no TCP host: {other:?}"),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let user = config.get_user().unwrap_or("postgres");
    // The server answers (trust authentication ignores the password), with an error.
    let url = format!("postgres://{user}:s3cr3t-pw@{host}:{port}/desk_no_such_database");
    let Err(e) = store::open(&url).await else {
        panic!("a missing database opened")
    };
    let text = e.to_string();
    assert!(
        !text.contains("s3cr3t") && !format!("{e:?}").contains("s3cr3t"),
        "{e:?}"
    );
    assert!(text.contains(":***@"), "{text}");
    assert!(
        text.contains("FATAL 3D000") && text.contains("desk_no_such_database"),
        "PostgreSQL's severity, code and message, not just \"db error\": {text}"
    );
}

/// Every backend of this database and user but the caller's, terminated.
const KILL: &str = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
    WHERE pid <> pg_backend_pid() AND datname = current_database() AND usename = current_user";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn the_store_recovers_when_postgres_terminates_its_connections() {
    let _turn = PG.lock().await;
    let url = fresh_schema(&postgres_url(), "terminate").await;
    let store: Arc<dyn Store> = store::open_with_pool_size(&url, 3).await.unwrap();
    let log = history(id(0x71), 0, 2);
    seed(store.as_ref(), &log).await;
    let id = id(0x71);
    // Open all three connections: three loads at once.
    let (a, b, c) = tokio::join!(store.load(id, 0), store.load(id, 0), store.load(id, 0));
    assert_eq!(
        (a.unwrap(), b.unwrap(), c.unwrap()),
        (log.clone(), log.clone(), log.clone())
    );

    for round in 0..3 {
        let killer = plain(&url).await;
        let killed = killer.query(KILL, &[]).await.unwrap();
        assert!(
            !killed.is_empty(),
            "round {round}: the store's connections were terminated"
        );
        drop(killer);
        let loaded = store.load(id, 0).await;
        assert!(
            loaded.is_ok(),
            "round {round}: load after the kill: {loaded:?}"
        );
        let version = loaded.unwrap().len() as u64;
        let current = store.load(id, 0).await.unwrap();
        let next = more(&current, 1);
        let appended = store
            .append(
                id,
                version,
                next.clone(),
                Vec::new(),
                Some(answer("li.na", &format!("r{round}"))),
            )
            .await;
        assert!(
            appended.is_ok(),
            "round {round}: append after the kill: {appended:?}"
        );
        assert_eq!(store.load(id, version).await.unwrap(), next);
        assert!(store.incidents_page(None, 10).await.is_ok());
        assert!(store.events_page(id, 0, 1).await.is_ok());
        assert!(store
            .idempotent("li.na", &format!("r{round}"))
            .await
            .unwrap()
            .is_some());
    }
}

/// Polls (on a connection of its own, outside any transaction) for a backend of this
/// database and user waiting on a lock, other than `not`: its pid, or `None` once
/// `request` has ended.
async fn lock_waiter<T>(
    watcher: &tokio_postgres::Client,
    not: Option<i32>,
    request: &tokio::task::JoinHandle<T>,
) -> Option<i32> {
    for _ in 0..500 {
        let rows = watcher
            .query(
                "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' \
                 AND datname = current_database() AND usename = current_user \
                 AND pid <> pg_backend_pid()",
                &[],
            )
            .await
            .unwrap();
        if let Some(pid) = rows
            .iter()
            .map(|r| r.get::<_, i32>(0))
            .find(|p| Some(*p) != not)
        {
            return Some(pid);
        }
        if request.is_finished() {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("no backend waited on the lock within 10 s (other than {not:?})");
}

/// Runs `request` while `events` is locked, terminates its backend while it waits, checks
/// that it waits again on another backend (the retry), then releases the lock.
async fn kill_while_waiting<T: Send + std::fmt::Debug + 'static>(
    url: &str,
    request: tokio::task::JoinHandle<Result<T, StoreError>>,
    locker: tokio_postgres::Client,
) -> Result<T, StoreError> {
    let watcher = plain(url).await;
    let Some(first) = lock_waiter(&watcher, None, &request).await else {
        panic!(
            "the request ended without waiting on the lock: {:?}",
            request.await
        );
    };
    let killed: bool = watcher
        .query_one("SELECT pg_terminate_backend($1)", &[&first])
        .await
        .unwrap()
        .get(0);
    assert!(killed, "terminated the waiting backend {first}");
    let Some(second) = lock_waiter(&watcher, Some(first), &request).await else {
        panic!(
            "the request ended instead of running again on another connection: {:?}",
            request.await
        );
    };
    assert_ne!(first, second);
    locker.batch_execute("COMMIT").await.unwrap();
    tokio::time::timeout(Duration::from_secs(30), request)
        .await
        .expect("the retried request finishes once the lock is released")
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn a_read_whose_connection_dies_mid_query_is_retried_once_on_postgres() {
    let _turn = PG.lock().await;
    let url = fresh_schema(&postgres_url(), "retry_read").await;
    let store: Arc<dyn Store> = store::open(&url).await.unwrap();
    let log = history(id(0x72), 0, 3);
    seed(store.as_ref(), &log).await;

    let locker = plain(&url).await;
    locker
        .batch_execute("BEGIN; LOCK TABLE events IN ACCESS EXCLUSIVE MODE")
        .await
        .unwrap();
    let reader = Arc::clone(&store);
    let request = tokio::spawn(async move { reader.load(id(0x72), 0).await });
    let loaded = kill_while_waiting(&url, request, locker).await;
    assert_eq!(loaded.unwrap(), log);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn an_append_whose_connection_dies_before_commit_is_retried_once_on_postgres() {
    let _turn = PG.lock().await;
    let url = fresh_schema(&postgres_url(), "retry_append").await;
    let store: Arc<dyn Store> = store::open(&url).await.unwrap();
    let log = history(id(0x73), 0, 1);
    seed(store.as_ref(), &log).await;
    let version = log.len() as u64;
    let next = more(&log, 2);

    let locker = plain(&url).await;
    locker
        .batch_execute("BEGIN; LOCK TABLE events IN ACCESS EXCLUSIVE MODE")
        .await
        .unwrap();
    let writer = Arc::clone(&store);
    let appended = next.clone();
    let request = tokio::spawn(async move {
        writer
            .append(
                id(0x73),
                version,
                appended,
                vec![message(id(0x73))],
                Some(answer("li.na", "k")),
            )
            .await
    });
    kill_while_waiting(&url, request, locker).await.unwrap();

    // Exactly once: the dead transaction (its idempotency row included) rolled back.
    let mut all = log.clone();
    all.extend(next);
    assert_eq!(store.load(id(0x73), 0).await.unwrap(), all);
    assert_eq!(store.outbox(id(0x73)).await.unwrap().len(), 1);
    assert_eq!(
        store.idempotent("li.na", "k").await.unwrap(),
        Some(answer("li.na", "k"))
    );
}
