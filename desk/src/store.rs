//! The store behind the desk: an append-only event table keyed by (incident id,
//! sequence), a transactional outbox (with the durable webhook queue's claims and leases,
//! see [`crate::delivery`]) and the stored answers of idempotent requests, behind one
//! trait with a SQLite and a PostgreSQL implementation.
//!
//! # When the database blips
//!
//! Every failure is a [`StoreError`], and its variant says what the caller should do:
//! [`StoreError::Unavailable`] (the database did not answer: connection refused or lost,
//! no free connection in time, SQLite busy) means "retry later" and nothing was written,
//! or, for an append whose connection died during `COMMIT`, the message says the outcome
//! is unknown; [`StoreError::Backend`] is any other failure. Neither message ever holds a
//! password: [`redact_url`] hides it wherever a database URL reaches a message or a log.
//! The PostgreSQL store discards a broken connection and retries a read, or an append
//! whose transaction never committed, once on a fresh connection (see
//! [`crate::postgres`]), so a restart of PostgreSQL costs at most the requests in flight
//! at that moment.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use incident::{Envelope, IncidentId};
use serde::{Deserialize, Serialize};

/// A boxed, sendable future: the trait is used as `Arc<dyn Store>`.
pub type BoxFut<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Why the store refused or failed.
///
/// # Handling
///
/// - [`Conflict`](Self::Conflict): reload the incident, decide again (HTTP 409).
/// - [`IdempotencyKeyUsed`](Self::IdempotencyKeyUsed): read the stored answer with
///   [`Store::idempotent`] and send it (or 409 if the request differs).
/// - [`Unavailable`](Self::Unavailable): retry later (HTTP 503 with `Retry-After`).
/// - [`Backend`](Self::Backend): a failure retrying will not fix by itself (HTTP 503 or
///   500, logged).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another writer appended first: the (incident id, sequence) key already existed, or
    /// the table was not at the expected version. Nothing was appended.
    #[error("version conflict: the incident is at version {current}")]
    Conflict {
        /// The version in the table after the other writer's append.
        current: u64,
    },
    /// The append carried an [`Idempotent`] answer whose (actor, key) is already stored:
    /// a request with the same key committed in between (typically the client's first try
    /// of a request it is now retrying). Nothing was appended; the caller re-reads the
    /// stored answer with [`Store::idempotent`].
    #[error("idempotency key already used by a request that committed meanwhile: re-read its stored answer")]
    IdempotencyKeyUsed,
    /// The database did not answer: the connection was refused, closed or lost, no
    /// connection was free in time, or SQLite stayed busy. Retry later. Nothing was
    /// written, except when the message says a `COMMIT`'s outcome is unknown (an append
    /// whose connection died while committing: reload before deciding again).
    #[error("store unavailable (retry later): {0}")]
    Unavailable(String),
    /// Any other failure of the database (I/O, a refused statement, a corrupt row), with
    /// the database's own message (never a password).
    #[error("store: {0}")]
    Backend(String),
}

impl StoreError {
    /// A [`StoreError::Backend`] with the database's message.
    pub fn backend(e: impl std::fmt::Display) -> Self {
        Self::Backend(e.to_string())
    }

    /// A [`StoreError::Unavailable`] with the database's message.
    pub fn unavailable(e: impl std::fmt::Display) -> Self {
        Self::Unavailable(e.to_string())
    }

    /// Whether this is [`StoreError::Unavailable`]: the caller should retry later.
    pub fn is_unavailable(&self) -> bool {
        matches!(self, Self::Unavailable(_))
    }

    /// The same error with `context` before its message (the variant is kept).
    pub(crate) fn context(self, context: &str) -> Self {
        match self {
            Self::Unavailable(m) => Self::Unavailable(format!("{context}: {m}")),
            Self::Backend(m) => Self::Backend(format!("{context}: {m}")),
            other => other,
        }
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
    /// When the worker sent it (RFC 3339), `null` while pending. A webhook row is marked
    /// sent only once its delivery receipt is in the incident's log.
    pub sent_at: Option<String>,
    /// Webhook rows: how many attempts were started (counted when claimed, so an attempt
    /// a crash interrupted counts too). Left out while 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub attempts: u32,
    /// Webhook rows: when the next attempt is due ([`TIME_FORMAT`]); `null` means now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_attempt_at: Option<String>,
    /// Webhook rows: the worker holding the row while it attempts it, `null` when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lease_owner: Option<String>,
    /// Webhook rows: until when [`lease_owner`](Self::lease_owner) holds it
    /// ([`TIME_FORMAT`]); past that, another worker may take it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lease_until: Option<String>,
    /// Webhook rows: what the last failed attempt saw.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_detail: Option<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// What the worker does with a claimed message ("send" it). Called inside the claiming
/// transaction: when it returns, the row is marked sent.
pub type Sender = Arc<dyn Fn(&OutboxRow) + Send + Sync>;

/// The outbox channel whose rows the durable webhook queue sends
/// ([`Store::claim_webhooks`]) rather than [`Store::deliver`].
pub const WEBHOOK_CHANNEL: &str = "webhook";

/// How the outbox stores the times of the webhook queue (`next_attempt_at`,
/// `lease_until`): UTC, milliseconds, fixed width, so that comparing the text compares
/// the times.
pub const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.3fZ";

/// `at` as the outbox stores it ([`TIME_FORMAT`]).
pub fn time_text(at: DateTime<Utc>) -> String {
    at.format(TIME_FORMAT).to_string()
}

/// A claim on one webhook row: who holds it and for which attempt. Every change after
/// the claim is conditional on it, so a worker whose lease expired (and whose row another
/// worker took) changes nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    /// The outbox row.
    pub row: i64,
    /// The worker holding it.
    pub owner: String,
    /// The attempt it holds it for (the row's `attempts` after the claim).
    pub attempt: u32,
}

/// What becomes of a claimed webhook row ([`Store::settle_webhook`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Settle {
    /// The attempt failed and another is due at `next_at`: the lease is released and
    /// `detail` kept as the last attempt's.
    Retry {
        /// When the next attempt is due.
        next_at: DateTime<Utc>,
        /// What the failed attempt saw.
        detail: String,
    },
    /// The holder keeps the row until `until` (before it records the receipt, so that
    /// nobody takes the row meanwhile).
    Extend {
        /// The new end of the lease.
        until: DateTime<Utc>,
    },
    /// The receipt is in the incident's log: the row is marked sent and the lease ends.
    Done,
    /// The row cannot be delivered nor receipted (it names no valid notice or customer):
    /// it is settled like a sent row, so it is never claimed again, with `detail` kept as
    /// its last, for the operator who reads the outbox.
    Abandon {
        /// Why it was abandoned.
        detail: String,
    },
}

/// One incident in [`Store::incidents_page`]: its id, version and the times of its first
/// and last events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentSummaryRow {
    /// The incident.
    pub incident_id: IncidentId,
    /// Its version: the highest stored sequence.
    pub version: u64,
    /// When its declaration (sequence 1) was recorded, RFC 3339 as stored.
    pub declared_at: String,
    /// When its last event (sequence `version`) was recorded, RFC 3339 as stored.
    pub last_recorded_at: String,
}

/// The stored answer to a request made with an idempotency key, written in the same
/// transaction as the events the request appended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Idempotent {
    /// Who sent the request; keys are scoped per actor.
    pub actor: String,
    /// The client's idempotency key.
    pub key: String,
    /// A digest of the request, so a reuse of the key for a different request can be told
    /// from a retry.
    pub request_digest: String,
    /// The HTTP status answered.
    pub status: u16,
    /// The body answered.
    pub body: String,
}

/// Append-only storage of envelopes with a transactional outbox.
pub trait Store: Send + Sync + 'static {
    /// Every envelope of `id` with a sequence above `after`, oldest first (empty when the
    /// incident is unknown or nothing is newer).
    fn load(&self, id: IncidentId, after: u64) -> BoxFut<'_, Result<Vec<Envelope>, StoreError>>;

    /// At most `limit` envelopes of `id` with a sequence above `after`, oldest first
    /// (empty when the incident is unknown, nothing is newer or `limit` is 0).
    fn events_page(
        &self,
        id: IncidentId,
        after: u64,
        limit: u32,
    ) -> BoxFut<'_, Result<Vec<Envelope>, StoreError>>;

    /// Appends `envelopes` (sequences `expected + 1 ..`), enqueues `outbox` and stores
    /// `idempotency` (the answer to the request, when it carried a key) in one
    /// transaction; all or nothing, so a request retried after a crash either finds its
    /// stored answer or finds nothing appended.
    ///
    /// # Errors
    ///
    /// [`StoreError::IdempotencyKeyUsed`] when `idempotency`'s (actor, key) is already
    /// stored (checked first); [`StoreError::Conflict`] with the version now in the table
    /// when another writer appended first (a duplicate (incident id, sequence) key);
    /// [`StoreError::Unavailable`] or [`StoreError::Backend`] when the database failed.
    fn append(
        &self,
        id: IncidentId,
        expected: u64,
        envelopes: Vec<Envelope>,
        outbox: Vec<OutboxMessage>,
        idempotency: Option<Idempotent>,
    ) -> BoxFut<'_, Result<(), StoreError>>;

    /// The stored answer to the request `actor` sent with idempotency key `key`, if one
    /// committed.
    fn idempotent(
        &self,
        actor: &str,
        key: &str,
    ) -> BoxFut<'_, Result<Option<Idempotent>, StoreError>>;

    /// Every incident in the table, in id order.
    fn incident_ids(&self) -> BoxFut<'_, Result<Vec<IncidentId>, StoreError>>;

    /// At most `limit` incidents whose id comes strictly after `after` (from the first
    /// when `None`), ordered by id as text (the ids' lowercase hyphenated form, compared
    /// byte by byte), each with its version and the times of its first and last events.
    /// Pass the last row's id as the next `after` to page through them all.
    fn incidents_page(
        &self,
        after: Option<IncidentId>,
        limit: u32,
    ) -> BoxFut<'_, Result<Vec<IncidentSummaryRow>, StoreError>>;

    /// Adds or replaces the status-page subscription `id` (its JSON `body`).
    fn put_subscription(&self, id: String, body: String) -> BoxFut<'_, Result<(), StoreError>>;

    /// Removes the subscription `id`; whether there was one.
    fn delete_subscription(&self, id: String) -> BoxFut<'_, Result<bool, StoreError>>;

    /// Every subscription as (id, JSON body), in id order.
    fn subscriptions(&self) -> BoxFut<'_, Result<Vec<(String, String)>, StoreError>>;

    /// The outbox rows of one incident, in insertion order.
    fn outbox(&self, id: IncidentId) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>>;

    /// Claims up to `limit` pending rows other than webhooks (on PostgreSQL with `FOR
    /// UPDATE SKIP LOCKED`, so several workers never send the same row), calls `send` for
    /// each and marks them sent, in one transaction. Returns the rows sent. Webhook rows
    /// ([`WEBHOOK_CHANNEL`]) are left to [`Store::claim_webhooks`].
    fn deliver(&self, limit: u32, send: Sender) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>>;

    /// Claims up to `limit` pending webhook rows that are due at `now` (their
    /// `next_attempt_at` unset or not after `now`) and not leased (no lease, or one that
    /// ended by `now`), for `owner` until `until`, counting the attempt: each row's
    /// `attempts` grows by one. One statement, so two workers never claim one row (on
    /// PostgreSQL the candidates are locked with `FOR UPDATE SKIP LOCKED`; SQLite
    /// serialises writers). Returns the rows claimed as stored after the claim, by id.
    fn claim_webhooks(
        &self,
        owner: String,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        limit: u32,
    ) -> BoxFut<'_, Result<Vec<OutboxRow>, StoreError>>;

    /// Applies `settle` to the row `lease` names if `lease` still holds it (same owner,
    /// same attempt, not yet sent); whether it did. `false` means the lease was lost:
    /// another worker took the row after it expired, or it is already sent.
    fn settle_webhook(&self, lease: Lease, settle: Settle) -> BoxFut<'_, Result<bool, StoreError>>;
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
/// PostgreSQL (a pool of [`crate::postgres::DEFAULT_POOL_SIZE`] connections), otherwise a
/// SQLite file path (an optional `sqlite://` prefix is dropped).
///
/// # Errors
///
/// The backend's error, its message prefixed with `cannot open` and the value with any
/// password replaced by `***` ([`redact_url`]): [`StoreError::Unavailable`] when the
/// server refused or did not answer.
pub async fn open(database: &str) -> Result<Arc<dyn Store>, StoreError> {
    open_with_pool_size(database, crate::postgres::DEFAULT_POOL_SIZE).await
}

/// [`open`] with a PostgreSQL pool of at most `pool_size` connections (ignored for SQLite,
/// which uses one).
///
/// # Errors
///
/// As [`open`].
pub async fn open_with_pool_size(
    database: &str,
    pool_size: usize,
) -> Result<Arc<dyn Store>, StoreError> {
    let opened: Result<Arc<dyn Store>, StoreError> =
        if database.starts_with("postgres://") || database.starts_with("postgresql://") {
            match crate::postgres::PgStore::connect(database, pool_size).await {
                Ok(store) => Ok(Arc::new(store)),
                Err(e) => Err(e),
            }
        } else {
            let path = database.strip_prefix("sqlite://").unwrap_or(database);
            match crate::sqlite::SqliteStore::open(path) {
                Ok(store) => Ok(Arc::new(store)),
                Err(e) => Err(e),
            }
        };
    opened.map_err(|e| e.context(&format!("cannot open {}", redact_url(database))))
}

/// `url` with its password replaced by `***`, for messages and logs.
///
/// - URL form (`scheme://user:password@host/…`): everything between the first `:` of the
///   credentials and the last `@` (a password may hold an unescaped `@`, `/` or `?`).
/// - Query form (`…?password=…&…`) and key/value form (`host=… password=… dbname=…`,
///   values quoted with `'` or not): the value of every key whose name ends in
///   `password` (any case, percent-encoded or not).
///
/// Anything else is returned as it is.
///
/// # Examples
///
/// ```
/// use incident_desk::store::redact_url;
///
/// assert_eq!(
///     redact_url("postgres://desk:hunter2@db.internal:5432/desk"),
///     "postgres://desk:***@db.internal:5432/desk"
/// );
/// assert_eq!(
///     redact_url("host=db user=desk password='s3 cret' dbname=desk"),
///     "host=db user=desk password=*** dbname=desk"
/// );
/// ```
pub fn redact_url(url: &str) -> String {
    match url.find("://").and_then(|i| url.split_at_checked(i + 3)) {
        Some((scheme, rest)) => {
            let mut out = scheme.to_owned();
            let tail = match rest.rfind('@').and_then(|at| rest.split_at_checked(at)) {
                Some((credentials, tail)) => {
                    match credentials.split_once(':') {
                        Some((user, _password)) => {
                            out.push_str(user);
                            out.push_str(":***");
                        }
                        None => out.push_str(credentials),
                    }
                    tail
                }
                None => rest,
            };
            match tail.split_once('?') {
                Some((path, query)) => {
                    out.push_str(path);
                    out.push('?');
                    out.push_str(&redact_query(query));
                }
                None => out.push_str(tail),
            }
            out
        }
        None => redact_key_values(url),
    }
}

/// Whether a connection parameter holds a secret (`password`, `sslpassword`, …).
fn is_secret_key(key: &str) -> bool {
    key.trim().to_ascii_lowercase().ends_with("password")
}

/// A URL query (`a=b&password=c`) with every secret value replaced.
fn redact_query(query: &str) -> String {
    let params: Vec<String> = query
        .split('&')
        .map(|param| match param.split_once('=') {
            Some((key, _)) if is_secret_key(&percent_decode(key)) => format!("{key}=***"),
            _ => param.to_owned(),
        })
        .collect();
    params.join("&")
}

/// `%XX` escapes decoded (lossily; only used to recognise key names).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A libpq key/value string (`host=db password='a b' dbname=x`) with every secret value
/// replaced.
fn redact_key_values(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        // Whitespace, then a key up to `=` or whitespace.
        let trimmed = rest.trim_start();
        out.push_str(rest.strip_suffix(trimmed).unwrap_or_default());
        let key_len = trimmed
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(trimmed.len());
        let (key, after_key) = trimmed.split_at_checked(key_len).unwrap_or((trimmed, ""));
        out.push_str(key);
        // `=` with optional whitespace around it; without one, the next token follows.
        let Some(value) = after_key.trim_start().strip_prefix('=') else {
            rest = after_key;
            continue;
        };
        let value = value.trim_start();
        out.push_str(after_key.strip_suffix(value).unwrap_or_default());
        let value_len = value_len(value);
        let (text, after_value) = value.split_at_checked(value_len).unwrap_or((value, ""));
        out.push_str(if is_secret_key(key) { "***" } else { text });
        rest = after_value;
    }
    out
}

/// The length of the value at the start of `s`: a `'`-quoted string (with `\` escapes)
/// through its closing quote, or everything up to whitespace.
fn value_len(s: &str) -> usize {
    if let Some(quoted) = s.strip_prefix('\'') {
        let mut escaped = false;
        for (i, c) in quoted.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '\'' => return i + 2,
                _ => {}
            }
        }
        s.len()
    } else {
        s.find(char::is_whitespace).unwrap_or(s.len())
    }
}
