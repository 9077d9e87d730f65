//! The PostgreSQL store (scale-out): several desk instances share one database. The
//! (incident_id, seq) primary key makes concurrent appends conflict; the outbox is claimed
//! with `FOR UPDATE SKIP LOCKED` so workers of different instances never send a row twice,
//! and webhook rows are claimed with a lease the same way (`outbox` module).
//!
//! # Connections, and what happens on a database blip
//!
//! Connections come from a [`deadpool_postgres`] pool of at most `size` connections,
//! opened on demand. Before handing out an idle connection the pool checks it (it is not
//! closed and answers an empty query, [`RecyclingMethod::Verified`]), so connections that
//! died while idle (PostgreSQL restarted, `pg_terminate_backend`, a proxy's idle timeout)
//! are dropped and replaced by new ones: the desk recovers without a restart.
//!
//! A request whose connection dies under it (the connection closed, an I/O error,
//! SQLSTATE class 08 or 57P01–57P03) drops that connection and is retried **once** on
//! another when that is safe: every read, and an append whose transaction never reached
//! `COMMIT` (PostgreSQL rolls back what the dead backend did). An append whose connection
//! dies during `COMMIT` is not retried, since it may have committed: it fails with
//! [`StoreError::Unavailable`] saying so, and the client's retry finds the append (a
//! version conflict, or its stored idempotent answer). The outbox worker's `deliver` is
//! not retried either (it has called the sender); its next tick picks the rows up again.
//!
//! Failures are [`StoreError::Unavailable`] when the server did not answer (refused or
//! lost connection, no connection free within [`WAIT_TIMEOUT`], no new connection within
//! [`CONNECT_TIMEOUT`], too many connections) and [`StoreError::Backend`] otherwise. The
//! messages carry PostgreSQL's severity, SQLSTATE, message and detail (tokio-postgres's
//! own `Display` says only "db error"), and never the password.

use std::time::Duration;

use chrono::{DateTime, Utc};
use deadpool_postgres::{
    Manager, ManagerConfig, Object, Pool, PoolError, RecyclingMethod, Runtime, TimeoutType,
};
use incident::{Envelope, IncidentId};
use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, NoTls};

use crate::store::{
    parse_envelope, redact_url, to_i64, to_u64, BoxFut, Idempotent, IncidentSummaryRow, Lease,
    OutboxMessage, OutboxRow, Sender, Settle, Store, StoreError,
};

mod outbox;

/// The schema, run in one transaction whose first statement takes an advisory lock, so
/// instances starting together do not race. `CREATE … IF NOT EXISTS` and `ADD COLUMN IF
/// NOT EXISTS`, so connecting to an existing database keeps its data and adds what an
/// older desk did not create (the webhook queue's columns of `outbox` included).
pub const SCHEMA: &str = r#"
SELECT pg_advisory_xact_lock(7707);
CREATE TABLE IF NOT EXISTS events (
    incident_id TEXT   NOT NULL,
    seq         BIGINT NOT NULL,
    recorded_at TEXT   NOT NULL,
    kind        TEXT   NOT NULL,
    envelope    TEXT   NOT NULL,
    PRIMARY KEY (incident_id, seq)
);
CREATE INDEX IF NOT EXISTS events_declared ON events (incident_id COLLATE "C") WHERE seq = 1;
CREATE TABLE IF NOT EXISTS outbox (
    id          BIGSERIAL PRIMARY KEY,
    incident_id TEXT   NOT NULL,
    item        TEXT   NOT NULL,
    occurrence  BIGINT NOT NULL,
    notice_id   TEXT   NOT NULL,
    payload     TEXT   NOT NULL,
    enqueued_at_seq BIGINT NOT NULL,
    sent_at     TEXT,
    UNIQUE (incident_id, item, occurrence, notice_id)
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (id) WHERE sent_at IS NULL;
-- The durable webhook queue (a database of an older desk gains these columns; its rows
-- have made no attempt, are due now and unleased). `channel` is the payload's.
ALTER TABLE outbox
    ADD COLUMN IF NOT EXISTS channel TEXT GENERATED ALWAYS AS (payload::jsonb ->> 'channel') STORED,
    ADD COLUMN IF NOT EXISTS attempts BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS next_attempt_at TEXT,
    ADD COLUMN IF NOT EXISTS lease_owner TEXT,
    ADD COLUMN IF NOT EXISTS lease_until TEXT,
    ADD COLUMN IF NOT EXISTS last_detail TEXT;
CREATE TABLE IF NOT EXISTS idempotency (
    actor          TEXT    NOT NULL,
    key            TEXT    NOT NULL,
    request_digest TEXT    NOT NULL,
    status         INTEGER NOT NULL,
    body           TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    PRIMARY KEY (actor, key)
);
CREATE TABLE IF NOT EXISTS subscriptions (
    id   TEXT NOT NULL PRIMARY KEY,
    body TEXT NOT NULL
);
"#;

/// The pool size [`crate::store::open`] uses.
pub const DEFAULT_POOL_SIZE: usize = 4;

/// How long a request waits for a free connection before failing with
/// [`StoreError::Unavailable`].
pub const WAIT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long opening a new connection may take before failing with
/// [`StoreError::Unavailable`].
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// How long the check of an idle connection may take before it is dropped.
const RECYCLE_TIMEOUT: Duration = Duration::from_secs(5);

const NOW: &str = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

/// A pool of connections to one database.
pub struct PgStore {
    pool: Pool,
    /// The URL with its password hidden, for logs.
    target: String,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let status = self.pool.status();
        f.debug_struct("PgStore")
            .field("target", &self.target)
            .field("max_size", &status.max_size)
            .field("size", &status.size)
            .field("available", &status.available)
            .finish()
    }
}

impl PgStore {
    /// A pool of at most `size` connections (at least 1) to `url`, and the tables, created
    /// if missing under an advisory lock. One connection is opened now; the others when
    /// requests need them.
    ///
    /// # Errors
    ///
    /// [`StoreError::Backend`] when `url` is not a valid connection string or the schema
    /// cannot be created; [`StoreError::Unavailable`] when the server refused or did not
    /// answer. The message never holds the password.
    pub async fn connect(url: &str, size: usize) -> Result<Self, StoreError> {
        let config: tokio_postgres::Config = url.parse().map_err(|e| pg_error(&e))?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Verified,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(size.max(1))
            .runtime(Runtime::Tokio1)
            .wait_timeout(Some(WAIT_TIMEOUT))
            .create_timeout(Some(CONNECT_TIMEOUT))
            .recycle_timeout(Some(RECYCLE_TIMEOUT))
            .build()
            .map_err(StoreError::backend)?;
        let store = Self {
            pool,
            target: redact_url(url),
        };
        store.run("schema", &(), create_schema, Retry::Once).await?;
        Ok(store)
    }

    /// A connection from the pool.
    async fn checkout(&self) -> Result<Object, StoreError> {
        self.pool.get().await.map_err(|e| pool_error(e, self))
    }

    /// Runs `op` on a pooled connection. A connection that died under it is dropped from
    /// the pool; with [`Retry::Once`], `op` then runs once more on another connection.
    async fn run<A: Sync, T>(
        &self,
        what: &str,
        args: &A,
        op: Op<A, T>,
        retry: Retry,
    ) -> Result<T, StoreError> {
        let mut retried = false;
        loop {
            let mut client = self.checkout().await?;
            let (error, at_commit) = match op(&mut client, args).await {
                Ok(value) => return Ok(value),
                Err(Failed::Store(e)) => return Err(e),
                Err(Failed::Pg(e)) => (e, false),
                Err(Failed::Commit(e)) => (e, true),
            };
            let lost = connection_lost(&error);
            if lost {
                // Never hand this connection out again.
                drop(Object::take(client));
            }
            if at_commit {
                return Err(commit_error(what, &error));
            }
            if lost && retry == Retry::Once && !retried {
                retried = true;
                eprintln!(
                    "desk: postgres {}: {what}: connection lost ({}); retrying once on another",
                    self.target,
                    describe(&error)
                );
                continue;
            }
            return Err(pg_error(&error));
        }
    }
}

/// Whether [`PgStore::run`] may run an operation again after its connection died.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Retry {
    /// Safe: a read, or a transaction that has not reached `COMMIT`.
    Once,
    /// Not safe: the operation had effects outside the transaction.
    Never,
}

/// One attempt of an operation on a connection, with its arguments.
type Op<A, T> = for<'c> fn(&'c mut Object, &'c A) -> BoxFut<'c, Result<T, Failed>>;

/// Why an attempt failed.
enum Failed {
    /// A database error before anything was committed.
    Pg(tokio_postgres::Error),
    /// `COMMIT` failed: the transaction may or may not have committed.
    Commit(tokio_postgres::Error),
    /// A final answer (a conflict, a corrupt row).
    Store(StoreError),
}

impl From<tokio_postgres::Error> for Failed {
    fn from(e: tokio_postgres::Error) -> Self {
        Self::Pg(e)
    }
}

impl From<StoreError> for Failed {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

/// What tokio-postgres reports, with the cause its `Display` leaves out: PostgreSQL's
/// severity, SQLSTATE, message, detail and hint, or the chain of sources.
fn describe(e: &tokio_postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        let mut text = format!("{} {}: {}", db.severity(), db.code().code(), db.message());
        if let Some(detail) = db.detail() {
            text.push_str(&format!(" (detail: {detail})"));
        }
        if let Some(hint) = db.hint() {
            text.push_str(&format!(" (hint: {hint})"));
        }
        return text;
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

/// Whether `e` means the connection is gone: closed, an I/O error, or PostgreSQL saying it
/// is shutting the session down (SQLSTATE class 08, 57P01 to 57P03).
fn connection_lost(e: &tokio_postgres::Error) -> bool {
    if e.is_closed() {
        return true;
    }
    if let Some(code) = e.code() {
        return code.code().starts_with("08")
            || *code == SqlState::ADMIN_SHUTDOWN
            || *code == SqlState::CRASH_SHUTDOWN
            || *code == SqlState::CANNOT_CONNECT_NOW;
    }
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        if cause.is::<std::io::Error>() {
            return true;
        }
        source = cause.source();
    }
    false
}

/// The [`StoreError`] for a database error: [`StoreError::Unavailable`] when the server
/// did not answer or has no room for the connection, [`StoreError::Backend`] otherwise.
fn pg_error(e: &tokio_postgres::Error) -> StoreError {
    let text = describe(e);
    if connection_lost(e) || e.code() == Some(&SqlState::TOO_MANY_CONNECTIONS) {
        StoreError::Unavailable(text)
    } else {
        StoreError::Backend(text)
    }
}

/// The [`StoreError`] for a failed `COMMIT` of `what`.
fn commit_error(what: &str, e: &tokio_postgres::Error) -> StoreError {
    if connection_lost(e) {
        StoreError::Unavailable(format!(
            "the connection was lost during the COMMIT of {what}, so it may or may not have \
             taken effect (reload before deciding again): {}",
            describe(e)
        ))
    } else {
        pg_error(e)
    }
}

/// The [`StoreError`] for a connection the pool could not give.
fn pool_error(e: PoolError, store: &PgStore) -> StoreError {
    match e {
        PoolError::Timeout(TimeoutType::Wait) => StoreError::Unavailable(format!(
            "no database connection free within {} s (all {} in use)",
            WAIT_TIMEOUT.as_secs(),
            store.pool.status().max_size
        )),
        PoolError::Timeout(TimeoutType::Create) => StoreError::Unavailable(format!(
            "cannot connect: the server did not answer within {} s",
            CONNECT_TIMEOUT.as_secs()
        )),
        PoolError::Timeout(TimeoutType::Recycle) => {
            StoreError::unavailable("cannot connect: checking an idle connection timed out")
        }
        PoolError::Backend(e) => pg_error(&e).context("cannot connect"),
        PoolError::Closed => StoreError::unavailable("the connection pool is closed"),
        PoolError::NoRuntimeSpecified => StoreError::backend("the pool has no runtime"),
        PoolError::PostCreateHook(e) => StoreError::backend(e),
    }
}

fn create_schema<'c>(c: &'c mut Object, _: &'c ()) -> BoxFut<'c, Result<(), Failed>> {
    Box::pin(async move {
        let tx = c.transaction().await?;
        tx.batch_execute(SCHEMA).await?;
        // The schema is idempotent: a COMMIT that may have failed is safe to run again.
        tx.commit().await?;
        Ok(())
    })
}

async fn version(client: &Client, id: &str) -> Result<u64, Failed> {
    let row = client
        .query_one(
            "SELECT COALESCE(MAX(seq), 0) FROM events WHERE incident_id = $1",
            &[&id],
        )
        .await?;
    Ok(to_u64(row.try_get::<_, i64>(0)?))
}

/// `load` and `events_page`: the incident, the sequence to start after, the limit (`None`:
/// all; `LIMIT NULL` is no limit).
type PageArgs = (String, i64, Option<i64>);

fn events_op<'c>(c: &'c mut Object, a: &'c PageArgs) -> BoxFut<'c, Result<Vec<Envelope>, Failed>> {
    Box::pin(async move {
        let (key, after, limit) = a;
        let stmt = c
            .prepare_cached(
                "SELECT envelope FROM events WHERE incident_id = $1 AND seq > $2 \
                 ORDER BY seq LIMIT $3",
            )
            .await?;
        let rows = c.query(&stmt, &[key, after, limit]).await?;
        let mut envelopes = Vec::with_capacity(rows.len());
        for r in &rows {
            envelopes.push(parse_envelope(&r.try_get::<_, String>(0)?)?);
        }
        Ok(envelopes)
    })
}

/// An append, its envelopes already serialised: (seq, recorded_at, kind, envelope).
struct AppendArgs {
    key: String,
    rows: Vec<(i64, String, &'static str, String)>,
    last: i64,
    outbox: Vec<OutboxMessage>,
    idempotency: Option<Idempotent>,
}

fn append_op<'c>(c: &'c mut Object, a: &'c AppendArgs) -> BoxFut<'c, Result<(), Failed>> {
    Box::pin(async move {
        let tx = c.transaction().await?;
        if let Some(answer) = &a.idempotency {
            // First, so a request whose first try committed meets its key, not a conflict.
            let insert = tx
                .prepare_cached(&format!(
                    "INSERT INTO idempotency (actor, key, request_digest, status, body, created_at) \
                     VALUES ($1, $2, $3, $4, $5, {NOW})"
                ))
                .await?;
            let status = i32::from(answer.status);
            let result = tx
                .execute(
                    &insert,
                    &[
                        &answer.actor,
                        &answer.key,
                        &answer.request_digest,
                        &status,
                        &answer.body,
                    ],
                )
                .await;
            match result {
                Ok(_) => {}
                Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => {
                    tx.rollback().await?;
                    return Err(StoreError::IdempotencyKeyUsed.into());
                }
                Err(e) => return Err(e.into()),
            }
        }
        let insert = tx
            .prepare_cached(
                "INSERT INTO events (incident_id, seq, recorded_at, kind, envelope) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .await?;
        for (seq, recorded_at, kind, body) in &a.rows {
            let result = tx
                .execute(&insert, &[&a.key, seq, recorded_at, kind, body])
                .await;
            match result {
                Ok(_) => {}
                Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => {
                    tx.rollback().await?;
                    let current = version(c, &a.key).await?;
                    return Err(StoreError::Conflict { current }.into());
                }
                Err(e) => return Err(e.into()),
            }
        }
        let enqueue = tx
            .prepare_cached(
                "INSERT INTO outbox (incident_id, item, occurrence, notice_id, payload, enqueued_at_seq) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (incident_id, item, occurrence, notice_id) DO NOTHING",
            )
            .await?;
        for m in &a.outbox {
            tx.execute(
                &enqueue,
                &[
                    &a.key,
                    &m.item,
                    &i64::from(m.occurrence),
                    &m.notice_id,
                    &m.payload.to_string(),
                    &a.last,
                ],
            )
            .await?;
        }
        tx.commit().await.map_err(Failed::Commit)
    })
}

fn idempotent_op<'c>(
    c: &'c mut Object,
    a: &'c (String, String),
) -> BoxFut<'c, Result<Option<Idempotent>, Failed>> {
    Box::pin(async move {
        let (actor, key) = a;
        let stmt = c
            .prepare_cached(
                "SELECT request_digest, status, body FROM idempotency \
                 WHERE actor = $1 AND key = $2",
            )
            .await?;
        let Some(row) = c.query_opt(&stmt, &[actor, key]).await? else {
            return Ok(None);
        };
        let status: i32 = row.try_get(1)?;
        Ok(Some(Idempotent {
            actor: actor.clone(),
            key: key.clone(),
            request_digest: row.try_get(0)?,
            status: u16::try_from(status).map_err(|_| {
                StoreError::Backend(format!("stored idempotent status {status} is not a u16"))
            })?,
            body: row.try_get(2)?,
        }))
    })
}

fn incident_ids_op<'c>(
    c: &'c mut Object,
    _: &'c (),
) -> BoxFut<'c, Result<Vec<IncidentId>, Failed>> {
    Box::pin(async move {
        let rows = c
            .query(
                "SELECT DISTINCT incident_id FROM events ORDER BY incident_id",
                &[],
            )
            .await?;
        let mut ids = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: String = r.try_get(0)?;
            ids.push(id.parse().map_err(StoreError::backend)?);
        }
        Ok(ids)
    })
}

/// `incidents_page`: the id to start after (`""` for the first page) and the limit.
fn incidents_page_op<'c>(
    c: &'c mut Object,
    a: &'c (String, i64),
) -> BoxFut<'c, Result<Vec<IncidentSummaryRow>, Failed>> {
    Box::pin(async move {
        let (after, limit) = a;
        // `events_declared` (one entry per incident, in byte order) drives the scan; each
        // incident's last event is one backward step of the primary key.
        let stmt = c
            .prepare_cached(
                r#"SELECT f.incident_id, l.seq, f.recorded_at, l.recorded_at
                   FROM events f
                   CROSS JOIN LATERAL (
                       SELECT e.seq, e.recorded_at FROM events e
                       WHERE e.incident_id = f.incident_id ORDER BY e.seq DESC LIMIT 1) l
                   WHERE f.seq = 1 AND f.incident_id COLLATE "C" > $1
                   ORDER BY f.incident_id COLLATE "C"
                   LIMIT $2"#,
            )
            .await?;
        let rows = c.query(&stmt, &[after, limit]).await?;
        let mut page = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: String = r.try_get(0)?;
            page.push(IncidentSummaryRow {
                incident_id: id.parse().map_err(StoreError::backend)?,
                version: to_u64(r.try_get(1)?),
                declared_at: r.try_get(2)?,
                last_recorded_at: r.try_get(3)?,
            });
        }
        Ok(page)
    })
}

fn put_subscription_op<'c>(
    c: &'c mut Object,
    a: &'c (String, String),
) -> BoxFut<'c, Result<(), Failed>> {
    Box::pin(async move {
        c.execute(
            "INSERT INTO subscriptions (id, body) VALUES ($1, $2) \
             ON CONFLICT (id) DO UPDATE SET body = excluded.body",
            &[&a.0, &a.1],
        )
        .await?;
        Ok(())
    })
}

fn delete_subscription_op<'c>(
    c: &'c mut Object,
    id: &'c String,
) -> BoxFut<'c, Result<bool, Failed>> {
    Box::pin(async move {
        let n = c
            .execute("DELETE FROM subscriptions WHERE id = $1", &[id])
            .await?;
        Ok(n > 0)
    })
}

fn subscriptions_op<'c>(
    c: &'c mut Object,
    _: &'c (),
) -> BoxFut<'c, Result<Vec<(String, String)>, Failed>> {
    Box::pin(async move {
        let rows = c
            .query("SELECT id, body FROM subscriptions ORDER BY id", &[])
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push((r.try_get(0)?, r.try_get(1)?));
        }
        Ok(out)
    })
}

impl Store for PgStore {
    fn load(&self, id: IncidentId, after: u64) -> BoxFut<'_, Result<Vec<Envelope>, StoreError>> {
        Box::pin(async move {
            let args = (id.to_string(), to_i64(after), None);
            self.run("load", &args, events_op, Retry::Once).await
        })
    }

    fn events_page(
        &self,
        id: IncidentId,
        after: u64,
        limit: u32,
    ) -> BoxFut<'_, Result<Vec<Envelope>, StoreError>> {
        Box::pin(async move {
            let args = (id.to_string(), to_i64(after), Some(i64::from(limit)));
            self.run("events_page", &args, events_op, Retry::Once).await
        })
    }

    fn append(
        &self,
        id: IncidentId,
        expected: u64,
        envelopes: Vec<Envelope>,
        outbox: Vec<OutboxMessage>,
        idempotency: Option<Idempotent>,
    ) -> BoxFut<'_, Result<(), StoreError>> {
        Box::pin(async move {
            let mut rows = Vec::with_capacity(envelopes.len());
            for (envelope, seq) in envelopes.iter().zip(expected + 1..) {
                rows.push((
                    to_i64(seq),
                    envelope.recorded_at().to_rfc3339(),
                    envelope.event().name(),
                    serde_json::to_string(envelope).map_err(StoreError::backend)?,
                ));
            }
            let args = AppendArgs {
                key: id.to_string(),
                last: to_i64(expected + u64::try_from(envelopes.len()).unwrap_or(0)),
                rows,
                outbox,
                idempotency,
            };
            // Retried only when the transaction never reached COMMIT (see `append_op`).
            self.run("append", &args, append_op, Retry::Once).await
        })
    }

    fn idempotent(
        &self,
        actor: &str,
        key: &str,
    ) -> BoxFut<'_, Result<Option<Idempotent>, StoreError>> {
        let args = (actor.to_owned(), key.to_owned());
        Box::pin(async move {
            self.run("idempotent", &args, idempotent_op, Retry::Once)
                .await
        })
    }

    fn incident_ids(&self) -> BoxFut<'_, Result<Vec<IncidentId>, StoreError>> {
        Box::pin(async move {
            self.run("incident_ids", &(), incident_ids_op, Retry::Once)
                .await
        })
    }

    fn incidents_page(
        &self,
        after: Option<IncidentId>,
        limit: u32,
    ) -> BoxFut<'_, Result<Vec<IncidentSummaryRow>, StoreError>> {
        Box::pin(async move {
            let after = after.map(|id| id.to_string()).unwrap_or_default();
            let args = (after, i64::from(limit));
            self.run("incidents_page", &args, incidents_page_op, Retry::Once)
                .await
        })
    }

    fn put_subscription(&self, id: String, body: String) -> BoxFut<'_, Result<(), StoreError>> {
        Box::pin(async move {
            let args = (id, body);
            self.run("put_subscription", &args, put_subscription_op, Retry::Once)
                .await
        })
    }

    fn delete_subscription(&self, id: String) -> BoxFut<'_, Result<bool, StoreError>> {
        Box::pin(async move {
            self.run(
                "delete_subscription",
                &id,
                delete_subscription_op,
                Retry::Once,
            )
            .await
        })
    }

    fn subscriptions(&self) -> BoxFut<'_, Result<Vec<(String, String)>, StoreError>> {
        Box::pin(async move {
            self.run("subscriptions", &(), subscriptions_op, Retry::Once)
                .await
        })
    }

    fn outbox(&self, id: IncidentId) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>> {
        Box::pin(async move {
            self.run("outbox", &id.to_string(), outbox::outbox_op, Retry::Once)
                .await
        })
    }

    fn deliver(&self, limit: u32, send: Sender) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>> {
        Box::pin(async move {
            // Not retried: `send` may already have run for some rows.
            self.run(
                "deliver",
                &(i64::from(limit), send),
                outbox::deliver_op,
                Retry::Never,
            )
            .await
        })
    }
    fn claim_webhooks(
        &self,
        owner: String,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        limit: u32,
    ) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>> {
        Box::pin(async move {
            let args = outbox::ClaimArgs::new(owner, now, until, limit);
            // Not retried: a claim whose answer was lost holds its rows until the lease
            // ends, then they are claimed again.
            self.run("claim_webhooks", &args, outbox::claim_op, Retry::Never)
                .await
        })
    }

    fn settle_webhook(&self, lease: Lease, settle: Settle) -> BoxFut<'_, Result<bool, StoreError>> {
        Box::pin(async move {
            // Not retried: a change that committed unseen would then report a lost lease.
            self.run(
                "settle_webhook",
                &(lease, settle),
                outbox::settle_op,
                Retry::Never,
            )
            .await
        })
    }
}
