//! The SQLite store (the default): one connection behind a mutex, used from
//! `spawn_blocking`, WAL journal.

use std::sync::{Arc, Mutex, MutexGuard};

use incident::{Envelope, IncidentId};
use rusqlite::{params, Connection, ErrorCode, OptionalExtension};

use crate::store::{
    parse_envelope, to_i64, to_u64, BoxFut, OutboxMessage, OutboxRow, Sender, Store, StoreError,
};

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
CREATE TABLE IF NOT EXISTS outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT    NOT NULL,
    item        TEXT    NOT NULL,
    occurrence  INTEGER NOT NULL,
    notice_id   TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    enqueued_at_seq INTEGER NOT NULL,
    sent_at     TEXT,
    UNIQUE (incident_id, item, occurrence, notice_id)
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (id) WHERE sent_at IS NULL;
";

/// A SQLite file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
}

impl SqliteStore {
    /// Opens (creating if needed) the file at `path` and its tables.
    pub fn open(path: &str) -> Result<Self, StoreError> {
        let conn = Connection::open(path).map_err(StoreError::backend)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(StoreError::backend)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(StoreError::backend)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(StoreError::backend)?;
        conn.execute_batch(SCHEMA).map_err(StoreError::backend)?;
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

fn version(conn: &Connection, id: &str) -> Result<u64, StoreError> {
    let v: Option<i64> = conn
        .query_row(
            "SELECT MAX(seq) FROM events WHERE incident_id = ?1",
            params![id],
            |r| r.get(0),
        )
        .optional()
        .map_err(StoreError::backend)?
        .flatten();
    Ok(v.map_or(0, to_u64))
}

fn outbox_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
    ))
}

type RawRow = (
    i64,
    String,
    String,
    i64,
    String,
    String,
    i64,
    Option<String>,
);

/// An outbox row from its columns, in `OUTBOX_COLUMNS` order.
fn to_outbox_row(raw: RawRow) -> Result<OutboxRow, StoreError> {
    let (id, incident_id, item, occurrence, notice_id, payload, seq, sent_at) = raw;
    Ok(OutboxRow {
        id,
        message: OutboxMessage {
            incident_id: incident_id.parse().map_err(StoreError::backend)?,
            item,
            occurrence: u32::try_from(occurrence).unwrap_or(0),
            notice_id,
            payload: serde_json::from_str(&payload).map_err(StoreError::backend)?,
        },
        enqueued_at_seq: to_u64(seq),
        sent_at,
    })
}

const OUTBOX_COLUMNS: &str =
    "id, incident_id, item, occurrence, notice_id, payload, enqueued_at_seq, sent_at";

impl Store for SqliteStore {
    fn load(&self, id: IncidentId, after: u64) -> BoxFut<'_, Result<Vec<Envelope>, StoreError>> {
        self.with(move |conn| {
            let mut stmt = conn
                .prepare_cached(
                    "SELECT envelope FROM events WHERE incident_id = ?1 AND seq > ?2 ORDER BY seq",
                )
                .map_err(StoreError::backend)?;
            let rows = stmt
                .query_map(params![id.to_string(), to_i64(after)], |r| {
                    r.get::<_, String>(0)
                })
                .map_err(StoreError::backend)?;
            rows.map(|r| parse_envelope(&r.map_err(StoreError::backend)?))
                .collect()
        })
    }

    fn append(
        &self,
        id: IncidentId,
        expected: u64,
        envelopes: Vec<Envelope>,
        outbox: Vec<OutboxMessage>,
    ) -> BoxFut<'_, Result<(), StoreError>> {
        self.with(move |conn| {
            let key = id.to_string();
            let tx = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(StoreError::backend)?;
            {
                let mut insert = tx
                    .prepare_cached(
                        "INSERT INTO events (incident_id, seq, recorded_at, kind, envelope) \
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                    )
                    .map_err(StoreError::backend)?;
                for (envelope, seq) in envelopes.iter().zip(expected + 1..) {
                    let body = serde_json::to_string(envelope).map_err(StoreError::backend)?;
                    let kind = envelope.event().name();
                    let result = insert.execute(params![
                        key,
                        to_i64(seq),
                        envelope.recorded_at().to_rfc3339(),
                        kind,
                        body
                    ]);
                    match result {
                        Ok(_) => {}
                        Err(rusqlite::Error::SqliteFailure(e, _))
                            if e.code == ErrorCode::ConstraintViolation =>
                        {
                            drop(insert);
                            let current = version(&tx, &key)?;
                            // Dropping the transaction rolls it back.
                            return Err(StoreError::Conflict { current });
                        }
                        Err(e) => return Err(StoreError::backend(e)),
                    }
                }
                let last = expected + u64::try_from(envelopes.len()).unwrap_or(0);
                let mut enqueue = tx
                    .prepare_cached(
                        "INSERT INTO outbox (incident_id, item, occurrence, notice_id, payload, enqueued_at_seq) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
                         ON CONFLICT (incident_id, item, occurrence, notice_id) DO NOTHING",
                    )
                    .map_err(StoreError::backend)?;
                for m in &outbox {
                    enqueue
                        .execute(params![
                            key,
                            m.item,
                            i64::from(m.occurrence),
                            m.notice_id,
                            m.payload.to_string(),
                            to_i64(last)
                        ])
                        .map_err(StoreError::backend)?;
                }
            }
            tx.commit().map_err(StoreError::backend)
        })
    }

    fn incident_ids(&self) -> BoxFut<'_, Result<Vec<IncidentId>, StoreError>> {
        self.with(|conn| {
            let mut stmt = conn
                .prepare("SELECT DISTINCT incident_id FROM events ORDER BY incident_id")
                .map_err(StoreError::backend)?;
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(StoreError::backend)?;
            rows.map(|r| {
                r.map_err(StoreError::backend)?
                    .parse()
                    .map_err(StoreError::backend)
            })
            .collect()
        })
    }

    fn outbox(&self, id: IncidentId) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>> {
        self.with(move |conn| {
            let mut stmt = conn
                .prepare_cached(&format!(
                    "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE incident_id = ?1 ORDER BY id"
                ))
                .map_err(StoreError::backend)?;
            let rows = stmt
                .query_map(params![id.to_string()], outbox_row)
                .map_err(StoreError::backend)?;
            rows.map(|r| to_outbox_row(r.map_err(StoreError::backend)?))
                .collect()
        })
    }

    fn deliver(&self, limit: u32, send: Sender) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>> {
        self.with(move |conn| {
            let tx = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(StoreError::backend)?;
            let pending: Vec<OutboxRow> = {
                let mut stmt = tx
                    .prepare_cached(&format!(
                        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?1"
                    ))
                    .map_err(StoreError::backend)?;
                let rows = stmt
                    .query_map(params![i64::from(limit)], outbox_row)
                    .map_err(StoreError::backend)?;
                rows.map(|r| to_outbox_row(r.map_err(StoreError::backend)?))
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
                    .map_err(StoreError::backend)?;
                row.sent_at = Some(at);
                sent.push(row);
            }
            tx.commit().map_err(StoreError::backend)?;
            Ok(sent)
        })
    }
}
