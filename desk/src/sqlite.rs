//! The SQLite store (the default): one connection behind a mutex, used from
//! `spawn_blocking`, WAL journal.
//!
//! A writer waits up to five seconds for another process's lock on the file; past that
//! the request fails with [`StoreError::Unavailable`] ("database is locked", retry
//! later). Every other failure is [`StoreError::Backend`] with SQLite's message.
//!
//! Opening a file of an older desk adds what it lacks: the tables (`CREATE … IF NOT
//! EXISTS`) and the webhook queue's columns of `outbox` (`queue` module).

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};
use incident::{Envelope, IncidentId};
use rusqlite::{params, Connection, ErrorCode, OptionalExtension};

use crate::store::{
    parse_envelope, to_i64, to_u64, BoxFut, Idempotent, IncidentSummaryRow, Lease, OutboxMessage,
    OutboxRow, Sender, Settle, Store, StoreError, WEBHOOK_CHANNEL,
};

mod queue;

/// The schema; `CREATE … IF NOT EXISTS`, so opening an existing file keeps its data.
pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS events (
    incident_id TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    recorded_at TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    envelope    TEXT    NOT NULL,
    PRIMARY KEY (incident_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_declared ON events (incident_id) WHERE seq = 1;
CREATE TABLE IF NOT EXISTS outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT    NOT NULL,
    item        TEXT    NOT NULL,
    occurrence  INTEGER NOT NULL,
    notice_id   TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    enqueued_at_seq INTEGER NOT NULL,
    sent_at     TEXT,
    channel     TEXT AS (json_extract(payload, '$.channel')) VIRTUAL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    lease_owner TEXT,
    lease_until TEXT,
    last_detail TEXT,
    UNIQUE (incident_id, item, occurrence, notice_id)
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (id) WHERE sent_at IS NULL;
CREATE TABLE IF NOT EXISTS idempotency (
    actor          TEXT    NOT NULL,
    key            TEXT    NOT NULL,
    request_digest TEXT    NOT NULL,
    status         INTEGER NOT NULL,
    body           TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    PRIMARY KEY (actor, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS subscriptions (
    id   TEXT NOT NULL PRIMARY KEY,
    body TEXT NOT NULL
) WITHOUT ROWID;
";

/// A SQLite file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
}

impl SqliteStore {
    /// Opens (creating if needed) the file at `path` and its tables (`CREATE … IF NOT
    /// EXISTS`: an existing file keeps its data and gains what an older desk did not
    /// create).
    ///
    /// # Errors
    ///
    /// [`StoreError::Backend`] when the file cannot be opened or the schema created;
    /// [`StoreError::Unavailable`] when another process holds the file locked.
    pub fn open(path: &str) -> Result<Self, StoreError> {
        let mut conn = Connection::open(path).map_err(sql_error)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql_error)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql_error)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(sql_error)?;
        conn.execute_batch(SCHEMA).map_err(sql_error)?;
        queue::migrate(&mut conn).map_err(sql_error)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `f` on the connection on the blocking pool.
    fn with<T, F>(&self, f: F) -> BoxFut<'_, Result<T, StoreError>>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        Box::pin(async move {
            tokio::task::spawn_blocking(move || {
                let mut guard: MutexGuard<'_, Connection> = conn
                    .lock()
                    .map_err(|_| StoreError::Backend("sqlite connection poisoned".into()))?;
                f(&mut guard)
            })
            .await
            .map_err(StoreError::backend)?
        })
    }
}

/// The [`StoreError`] for a SQLite error: [`StoreError::Unavailable`] when the file stayed
/// locked by another connection, [`StoreError::Backend`] otherwise.
fn sql_error(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            StoreError::Unavailable(e.to_string())
        }
        _ => StoreError::Backend(e.to_string()),
    }
}

fn version(conn: &Connection, id: &str) -> Result<u64, StoreError> {
    let v: Option<i64> = conn
        .query_row(
            "SELECT MAX(seq) FROM events WHERE incident_id = ?1",
            params![id],
            |r| r.get(0),
        )
        .optional()
        .map_err(sql_error)?
        .flatten();
    Ok(v.map_or(0, to_u64))
}

pub(crate) fn outbox_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawRow> {
    Ok(RawRow {
        id: r.get(0)?,
        incident_id: r.get(1)?,
        item: r.get(2)?,
        occurrence: r.get(3)?,
        notice_id: r.get(4)?,
        payload: r.get(5)?,
        seq: r.get(6)?,
        sent_at: r.get(7)?,
        attempts: r.get(8)?,
        next_attempt_at: r.get(9)?,
        lease_owner: r.get(10)?,
        lease_until: r.get(11)?,
        last_detail: r.get(12)?,
    })
}

/// An outbox row's columns, in `OUTBOX_COLUMNS` order, before parsing.
pub(crate) struct RawRow {
    id: i64,
    incident_id: String,
    item: String,
    occurrence: i64,
    notice_id: String,
    payload: String,
    seq: i64,
    sent_at: Option<String>,
    attempts: i64,
    next_attempt_at: Option<String>,
    lease_owner: Option<String>,
    lease_until: Option<String>,
    last_detail: Option<String>,
}

/// An outbox row from its columns.
pub(crate) fn to_outbox_row(raw: RawRow) -> Result<OutboxRow, StoreError> {
    Ok(OutboxRow {
        id: raw.id,
        message: OutboxMessage {
            incident_id: raw.incident_id.parse().map_err(StoreError::backend)?,
            item: raw.item,
            occurrence: u32::try_from(raw.occurrence).unwrap_or(0),
            notice_id: raw.notice_id,
            payload: serde_json::from_str(&raw.payload).map_err(StoreError::backend)?,
        },
        enqueued_at_seq: to_u64(raw.seq),
        sent_at: raw.sent_at,
        attempts: u32::try_from(raw.attempts).unwrap_or(0),
        next_attempt_at: raw.next_attempt_at,
        lease_owner: raw.lease_owner,
        lease_until: raw.lease_until,
        last_detail: raw.last_detail,
    })
}

pub(crate) const OUTBOX_COLUMNS: &str =
    "id, incident_id, item, occurrence, notice_id, payload, enqueued_at_seq, sent_at, \
     attempts, next_attempt_at, lease_owner, lease_until, last_detail";

/// At most `limit` envelopes of `id` above `after` (`limit` -1: all), oldest first.
fn events_page(
    conn: &Connection,
    id: IncidentId,
    after: u64,
    limit: i64,
) -> Result<Vec<Envelope>, StoreError> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT envelope FROM events WHERE incident_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        )
        .map_err(sql_error)?;
    let rows = stmt
        .query_map(params![id.to_string(), to_i64(after), limit], |r| {
            r.get::<_, String>(0)
        })
        .map_err(sql_error)?;
    rows.map(|r| parse_envelope(&r.map_err(sql_error)?))
        .collect()
}

/// Stores the answer of an idempotent request; [`StoreError::IdempotencyKeyUsed`] when its
/// (actor, key) is already stored.
fn remember(tx: &Connection, answer: &Idempotent) -> Result<(), StoreError> {
    let result = tx
        .prepare_cached(
            "INSERT INTO idempotency (actor, key, request_digest, status, body, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        )
        .and_then(|mut stmt| {
            stmt.execute(params![
                answer.actor,
                answer.key,
                answer.request_digest,
                i64::from(answer.status),
                answer.body
            ])
        });
    match result {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == ErrorCode::ConstraintViolation => {
            Err(StoreError::IdempotencyKeyUsed)
        }
        Err(e) => Err(sql_error(e)),
    }
}

/// Inserts `envelopes` as sequences `expected + 1 ..`; [`StoreError::Conflict`] when one
/// is taken.
fn insert_events(
    tx: &Connection,
    key: &str,
    expected: u64,
    envelopes: &[Envelope],
) -> Result<(), StoreError> {
    let mut insert = tx
        .prepare_cached(
            "INSERT INTO events (incident_id, seq, recorded_at, kind, envelope) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .map_err(sql_error)?;
    for (envelope, seq) in envelopes.iter().zip(expected + 1..) {
        let body = serde_json::to_string(envelope).map_err(StoreError::backend)?;
        let result = insert.execute(params![
            key,
            to_i64(seq),
            envelope.recorded_at().to_rfc3339(),
            envelope.event().name(),
            body
        ]);
        match result {
            Ok(_) => {}
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == ErrorCode::ConstraintViolation =>
            {
                return Err(StoreError::Conflict {
                    current: version(tx, key)?,
                });
            }
            Err(e) => return Err(sql_error(e)),
        }
    }
    Ok(())
}

/// Enqueues `outbox` (each (incident, item, occurrence, notice) once) as of sequence
/// `last`.
fn enqueue(
    tx: &Connection,
    key: &str,
    last: u64,
    outbox: &[OutboxMessage],
) -> Result<(), StoreError> {
    let mut enqueue = tx
        .prepare_cached(
            "INSERT INTO outbox (incident_id, item, occurrence, notice_id, payload, enqueued_at_seq) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
             ON CONFLICT (incident_id, item, occurrence, notice_id) DO NOTHING",
        )
        .map_err(sql_error)?;
    for m in outbox {
        enqueue
            .execute(params![
                key,
                m.item,
                i64::from(m.occurrence),
                m.notice_id,
                m.payload.to_string(),
                to_i64(last)
            ])
            .map_err(sql_error)?;
    }
    Ok(())
}

impl Store for SqliteStore {
    fn load(&self, id: IncidentId, after: u64) -> BoxFut<'_, Result<Vec<Envelope>, StoreError>> {
        // `LIMIT -1`: no limit.
        self.with(move |conn| events_page(conn, id, after, -1))
    }

    fn events_page(
        &self,
        id: IncidentId,
        after: u64,
        limit: u32,
    ) -> BoxFut<'_, Result<Vec<Envelope>, StoreError>> {
        self.with(move |conn| events_page(conn, id, after, i64::from(limit)))
    }

    fn append(
        &self,
        id: IncidentId,
        expected: u64,
        envelopes: Vec<Envelope>,
        outbox: Vec<OutboxMessage>,
        idempotency: Option<Idempotent>,
    ) -> BoxFut<'_, Result<(), StoreError>> {
        self.with(move |conn| {
            let key = id.to_string();
            // Dropping the transaction without commit rolls it back.
            let tx = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(sql_error)?;
            if let Some(answer) = &idempotency {
                // First, so a request whose first try committed meets its key, not a conflict.
                remember(&tx, answer)?;
            }
            insert_events(&tx, &key, expected, &envelopes)?;
            let last = expected + u64::try_from(envelopes.len()).unwrap_or(0);
            enqueue(&tx, &key, last, &outbox)?;
            tx.commit().map_err(sql_error)
        })
    }

    fn idempotent(
        &self,
        actor: &str,
        key: &str,
    ) -> BoxFut<'_, Result<Option<Idempotent>, StoreError>> {
        let (actor, key) = (actor.to_owned(), key.to_owned());
        self.with(move |conn| {
            let row: Option<(String, i64, String)> = conn
                .prepare_cached(
                    "SELECT request_digest, status, body FROM idempotency \
                     WHERE actor = ?1 AND key = ?2",
                )
                .and_then(|mut stmt| {
                    stmt.query_row(params![actor, key], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })
                    .optional()
                })
                .map_err(sql_error)?;
            row.map(|(request_digest, status, body)| {
                Ok(Idempotent {
                    status: u16::try_from(status).map_err(|_| {
                        StoreError::Backend(format!(
                            "stored idempotent status {status} is not a u16"
                        ))
                    })?,
                    actor,
                    key,
                    request_digest,
                    body,
                })
            })
            .transpose()
        })
    }

    fn incidents_page(
        &self,
        after: Option<IncidentId>,
        limit: u32,
    ) -> BoxFut<'_, Result<Vec<IncidentSummaryRow>, StoreError>> {
        self.with(move |conn| {
            // `events_declared` (one entry per incident, in id order) drives the scan.
            let mut stmt = conn
                .prepare_cached(
                    "SELECT f.incident_id, l.seq, f.recorded_at, l.recorded_at \
                     FROM events f \
                     JOIN events l ON l.incident_id = f.incident_id \
                      AND l.seq = (SELECT MAX(m.seq) FROM events m WHERE m.incident_id = f.incident_id) \
                     WHERE f.seq = 1 AND f.incident_id > ?1 \
                     ORDER BY f.incident_id \
                     LIMIT ?2",
                )
                .map_err(sql_error)?;
            let after = after.map(|id| id.to_string()).unwrap_or_default();
            let rows = stmt
                .query_map(params![after, i64::from(limit)], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                })
                .map_err(sql_error)?;
            rows.map(|r| {
                let (id, version, declared_at, last_recorded_at) = r.map_err(sql_error)?;
                Ok(IncidentSummaryRow {
                    incident_id: id.parse().map_err(StoreError::backend)?,
                    version: to_u64(version),
                    declared_at,
                    last_recorded_at,
                })
            })
            .collect()
        })
    }

    fn incident_ids(&self) -> BoxFut<'_, Result<Vec<IncidentId>, StoreError>> {
        self.with(|conn| {
            let mut stmt = conn
                .prepare("SELECT DISTINCT incident_id FROM events ORDER BY incident_id")
                .map_err(sql_error)?;
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(sql_error)?;
            rows.map(|r| r.map_err(sql_error)?.parse().map_err(StoreError::backend))
                .collect()
        })
    }

    fn put_subscription(&self, id: String, body: String) -> BoxFut<'_, Result<(), StoreError>> {
        self.with(move |conn| {
            conn.execute(
                "INSERT INTO subscriptions (id, body) VALUES (?1, ?2) \
                 ON CONFLICT (id) DO UPDATE SET body = excluded.body",
                params![id, body],
            )
            .map_err(sql_error)?;
            Ok(())
        })
    }

    fn delete_subscription(&self, id: String) -> BoxFut<'_, Result<bool, StoreError>> {
        self.with(move |conn| {
            let n = conn
                .execute("DELETE FROM subscriptions WHERE id = ?1", params![id])
                .map_err(sql_error)?;
            Ok(n > 0)
        })
    }

    fn subscriptions(&self) -> BoxFut<'_, Result<Vec<(String, String)>, StoreError>> {
        self.with(move |conn| {
            let mut stmt = conn
                .prepare_cached("SELECT id, body FROM subscriptions ORDER BY id")
                .map_err(sql_error)?;
            let rows = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                .map_err(sql_error)?;
            rows.map(|r| r.map_err(sql_error)).collect()
        })
    }

    fn outbox(&self, id: IncidentId) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>> {
        self.with(move |conn| {
            let mut stmt = conn
                .prepare_cached(&format!(
                    "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE incident_id = ?1 ORDER BY id"
                ))
                .map_err(sql_error)?;
            let rows = stmt
                .query_map(params![id.to_string()], outbox_row)
                .map_err(sql_error)?;
            rows.map(|r| to_outbox_row(r.map_err(sql_error)?)).collect()
        })
    }

    fn deliver(&self, limit: u32, send: Sender) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>> {
        self.with(move |conn| {
            let tx = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(sql_error)?;
            let pending: Vec<OutboxRow> = {
                let mut stmt = tx
                    .prepare_cached(&format!(
                        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE sent_at IS NULL \
                         AND channel IS NOT '{WEBHOOK_CHANNEL}' ORDER BY id LIMIT ?1"
                    ))
                    .map_err(sql_error)?;
                let rows = stmt
                    .query_map(params![i64::from(limit)], outbox_row)
                    .map_err(sql_error)?;
                rows.map(|r| to_outbox_row(r.map_err(sql_error)?))
                    .collect::<Result<_, _>>()?
            };
            let mut sent = Vec::with_capacity(pending.len());
            for mut row in pending {
                send(&row);
                let at: String = tx
                    .query_row(
                        "UPDATE outbox SET sent_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') \
                         WHERE id = ?1 RETURNING sent_at",
                        params![row.id],
                        |r| r.get(0),
                    )
                    .map_err(sql_error)?;
                row.sent_at = Some(at);
                sent.push(row);
            }
            tx.commit().map_err(sql_error)?;
            Ok(sent)
        })
    }
    fn claim_webhooks(
        &self,
        owner: String,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        limit: u32,
    ) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>> {
        self.with(move |conn| queue::claim(conn, &owner, now, until, limit))
    }

    fn settle_webhook(&self, lease: Lease, settle: Settle) -> BoxFut<'_, Result<bool, StoreError>> {
        self.with(move |conn| queue::settle(conn, &lease, &settle))
    }
}
