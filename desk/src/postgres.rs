//! The PostgreSQL store (scale-out): several desk instances share one database. The
//! (incident_id, seq) primary key makes concurrent appends conflict; the outbox is claimed
//! with `FOR UPDATE SKIP LOCKED` so workers of different instances never send a row twice.

use std::sync::atomic::{AtomicUsize, Ordering};

use incident::{Envelope, IncidentId};
use tokio::sync::Mutex;
use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, NoTls};

use crate::store::{
    parse_envelope, to_i64, to_u64, BoxFut, OutboxMessage, OutboxRow, Sender, Store, StoreError,
};

/// The schema, created under an advisory lock so instances starting together do not race.
pub const SCHEMA: &str = "
BEGIN;
SELECT pg_advisory_xact_lock(7707);
CREATE TABLE IF NOT EXISTS events (
    incident_id TEXT   NOT NULL,
    seq         BIGINT NOT NULL,
    recorded_at TEXT   NOT NULL,
    kind        TEXT   NOT NULL,
    envelope    TEXT   NOT NULL,
    PRIMARY KEY (incident_id, seq)
);
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
COMMIT;
";

const OUTBOX_COLUMNS: &str =
    "id, incident_id, item, occurrence, notice_id, payload, enqueued_at_seq, sent_at";

/// A small pool of connections to one database.
#[derive(Debug)]
pub struct PgStore {
    clients: Vec<Mutex<Client>>,
    next: AtomicUsize,
}

impl PgStore {
    /// Connects `size` clients to `url` and creates the tables.
    pub async fn connect(url: &str, size: usize) -> Result<Self, StoreError> {
        let mut clients = Vec::with_capacity(size);
        for _ in 0..size.max(1) {
            let (client, connection) = tokio_postgres::connect(url, NoTls)
                .await
                .map_err(StoreError::backend)?;
            tokio::spawn(async move {
                if let Err(e) = connection.await {
                    eprintln!("desk: postgres connection closed: {e}");
                }
            });
            clients.push(Mutex::new(client));
        }
        if let Some(first) = clients.first() {
            first
                .lock()
                .await
                .batch_execute(SCHEMA)
                .await
                .map_err(StoreError::backend)?;
        }
        Ok(Self {
            clients,
            next: AtomicUsize::new(0),
        })
    }

    fn client(&self) -> &Mutex<Client> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        // `clients` is never empty (connect makes at least one).
        let i = n % self.clients.len().max(1);
        #[allow(clippy::indexing_slicing)]
        &self.clients[i]
    }
}

fn to_row(r: &tokio_postgres::Row) -> Result<OutboxRow, StoreError> {
    let get_s = |i: usize| r.try_get::<_, String>(i).map_err(StoreError::backend);
    let get_i = |i: usize| r.try_get::<_, i64>(i).map_err(StoreError::backend);
    Ok(OutboxRow {
        id: get_i(0)?,
        message: OutboxMessage {
            incident_id: get_s(1)?.parse().map_err(StoreError::backend)?,
            item: get_s(2)?,
            occurrence: u32::try_from(get_i(3)?).unwrap_or(0),
            notice_id: get_s(4)?,
            payload: serde_json::from_str(&get_s(5)?).map_err(StoreError::backend)?,
        },
        enqueued_at_seq: to_u64(get_i(6)?),
        sent_at: r
            .try_get::<_, Option<String>>(7)
            .map_err(StoreError::backend)?,
    })
}

async fn version(client: &Client, id: &str) -> Result<u64, StoreError> {
    let row = client
        .query_one(
            "SELECT COALESCE(MAX(seq), 0) FROM events WHERE incident_id = $1",
            &[&id],
        )
        .await
        .map_err(StoreError::backend)?;
    Ok(to_u64(
        row.try_get::<_, i64>(0).map_err(StoreError::backend)?,
    ))
}

impl Store for PgStore {
    fn load(&self, id: IncidentId, after: u64) -> BoxFut<'_, Result<Vec<Envelope>, StoreError>> {
        Box::pin(async move {
            let client = self.client().lock().await;
            let rows = client
                .query(
                    "SELECT envelope FROM events WHERE incident_id = $1 AND seq > $2 ORDER BY seq",
                    &[&id.to_string(), &to_i64(after)],
                )
                .await
                .map_err(StoreError::backend)?;
            rows.iter()
                .map(|r| parse_envelope(&r.try_get::<_, String>(0).map_err(StoreError::backend)?))
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
        Box::pin(async move {
            let key = id.to_string();
            let mut client = self.client().lock().await;
            let tx = client.transaction().await.map_err(StoreError::backend)?;
            let insert = tx
                .prepare(
                    "INSERT INTO events (incident_id, seq, recorded_at, kind, envelope) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .await
                .map_err(StoreError::backend)?;
            for (envelope, seq) in envelopes.iter().zip(expected + 1..) {
                let body = serde_json::to_string(envelope).map_err(StoreError::backend)?;
                let result = tx
                    .execute(
                        &insert,
                        &[
                            &key,
                            &to_i64(seq),
                            &envelope.recorded_at().to_rfc3339(),
                            &envelope.event().name(),
                            &body,
                        ],
                    )
                    .await;
                match result {
                    Ok(_) => {}
                    Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => {
                        tx.rollback().await.map_err(StoreError::backend)?;
                        let current = version(&client, &key).await?;
                        return Err(StoreError::Conflict { current });
                    }
                    Err(e) => return Err(StoreError::backend(e)),
                }
            }
            let last = expected + u64::try_from(envelopes.len()).unwrap_or(0);
            for m in &outbox {
                tx.execute(
                    "INSERT INTO outbox (incident_id, item, occurrence, notice_id, payload, enqueued_at_seq) \
                     VALUES ($1, $2, $3, $4, $5, $6) \
                     ON CONFLICT (incident_id, item, occurrence, notice_id) DO NOTHING",
                    &[
                        &key,
                        &m.item,
                        &i64::from(m.occurrence),
                        &m.notice_id,
                        &m.payload.to_string(),
                        &to_i64(last),
                    ],
                )
                .await
                .map_err(StoreError::backend)?;
            }
            tx.commit().await.map_err(StoreError::backend)
        })
    }

    fn incident_ids(&self) -> BoxFut<'_, Result<Vec<IncidentId>, StoreError>> {
        Box::pin(async move {
            let client = self.client().lock().await;
            let rows = client
                .query(
                    "SELECT DISTINCT incident_id FROM events ORDER BY incident_id",
                    &[],
                )
                .await
                .map_err(StoreError::backend)?;
            rows.iter()
                .map(|r| {
                    r.try_get::<_, String>(0)
                        .map_err(StoreError::backend)?
                        .parse()
                        .map_err(StoreError::backend)
                })
                .collect()
        })
    }

    fn outbox(&self, id: IncidentId) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>> {
        Box::pin(async move {
            let client = self.client().lock().await;
            let rows = client
                .query(
                    &format!(
                        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE incident_id = $1 ORDER BY id"
                    ),
                    &[&id.to_string()],
                )
                .await
                .map_err(StoreError::backend)?;
            rows.iter().map(to_row).collect()
        })
    }

    fn deliver(&self, limit: u32, send: Sender) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>> {
        Box::pin(async move {
            let mut client = self.client().lock().await;
            let tx = client.transaction().await.map_err(StoreError::backend)?;
            let rows = tx
                .query(
                    &format!(
                        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE sent_at IS NULL \
                         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED"
                    ),
                    &[&i64::from(limit)],
                )
                .await
                .map_err(StoreError::backend)?;
            let mut sent = Vec::with_capacity(rows.len());
            for r in &rows {
                let mut row = to_row(r)?;
                send(&row);
                let done = tx
                    .query_one(
                        "UPDATE outbox SET sent_at = to_char(now() AT TIME ZONE 'UTC', \
                         'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') WHERE id = $1 RETURNING sent_at",
                        &[&row.id],
                    )
                    .await
                    .map_err(StoreError::backend)?;
                row.sent_at = done.try_get(0).map_err(StoreError::backend)?;
                sent.push(row);
            }
            tx.commit().await.map_err(StoreError::backend)?;
            Ok(sent)
        })
    }
}
