//! The store behind the desk: an append-only event table keyed by (incident id,
//! sequence) and a transactional outbox, behind one trait with a SQLite and a PostgreSQL
//! implementation.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use incident::{Envelope, IncidentId};
use serde::{Deserialize, Serialize};

/// A boxed, sendable future: the trait is used as `Arc<dyn Store>`.
pub type BoxFut<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Why the store refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another writer appended first: the (incident id, sequence) key already existed, or
    /// the table was not at the expected version.
    #[error("version conflict: the incident is at version {current}")]
    Conflict {
        /// The version in the table after the other writer's append.
        current: u64,
    },
    /// The database failed (I/O, connection, corrupt row).
    #[error("store: {0}")]
    Backend(String),
}

impl StoreError {
    /// A [`StoreError::Backend`] with the database's message.
    pub fn backend(e: impl std::fmt::Display) -> Self {
        Self::Backend(e.to_string())
    }
}

/// A message the comms plan marked as ready to send, to enqueue with the events that made
/// it ready. Enqueued once per (incident, plan item, occurrence, notice).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    /// The incident.
    pub incident_id: IncidentId,
    /// The plan item.
    pub item: String,
    /// Which occurrence of the item.
    pub occurrence: u32,
    /// The approved notice to send.
    pub notice_id: String,
    /// The message as JSON (the schedule entry and the channels).
    pub payload: serde_json::Value,
}

/// An outbox row as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxRow {
    /// The row id (insertion order).
    pub id: i64,
    /// The message.
    #[serde(flatten)]
    pub message: OutboxMessage,
    /// The sequence of the last event of the append that enqueued it.
    pub enqueued_at_seq: u64,
    /// When the worker sent it (RFC 3339), `null` while pending.
    pub sent_at: Option<String>,
}

/// What the worker does with a claimed message ("send" it). Called inside the claiming
/// transaction: when it returns, the row is marked sent.
pub type Sender = Arc<dyn Fn(&OutboxRow) + Send + Sync>;

/// Append-only storage of envelopes with a transactional outbox.
pub trait Store: Send + Sync + 'static {
    /// Every envelope of `id` with a sequence above `after`, oldest first (empty when the
    /// incident is unknown or nothing is newer).
    fn load(&self, id: IncidentId, after: u64) -> BoxFut<'_, Result<Vec<Envelope>, StoreError>>;

    /// Appends `envelopes` (sequences `expected + 1 ..`) and enqueues `outbox` in one
    /// transaction; all or nothing. A duplicate (incident id, sequence) key means another
    /// writer won: [`StoreError::Conflict`] with the version now in the table.
    fn append(
        &self,
        id: IncidentId,
        expected: u64,
        envelopes: Vec<Envelope>,
        outbox: Vec<OutboxMessage>,
    ) -> BoxFut<'_, Result<(), StoreError>>;

    /// Every incident in the table.
    fn incident_ids(&self) -> BoxFut<'_, Result<Vec<IncidentId>, StoreError>>;

    /// The outbox rows of one incident, in insertion order.
    fn outbox(&self, id: IncidentId) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>>;

    /// Claims up to `limit` pending rows (on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so
    /// several workers never send the same row), calls `send` for each and marks them sent,
    /// in one transaction. Returns the rows sent.
    fn deliver(&self, limit: u32, send: Sender) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>>;
}

/// The current version from the highest stored sequence.
pub fn to_u64(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

/// A sequence as the tables store it.
pub fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Parses a stored envelope.
pub fn parse_envelope(text: &str) -> Result<Envelope, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Backend(format!("stored envelope: {e}")))
}

/// Opens the store a `--database` value names: `postgres://…`/`postgresql://…` for
/// PostgreSQL, otherwise a SQLite file path (an optional `sqlite://` prefix is dropped).
pub async fn open(database: &str) -> Result<Arc<dyn Store>, StoreError> {
    if database.starts_with("postgres://") || database.starts_with("postgresql://") {
        Ok(Arc::new(
            crate::postgres::PgStore::connect(database, 4).await?,
        ))
    } else {
        let path = database.strip_prefix("sqlite://").unwrap_or(database);
        Ok(Arc::new(crate::sqlite::SqliteStore::open(path)?))
    }
}
