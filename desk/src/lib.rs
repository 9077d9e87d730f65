//! The incident desk: the reference host of the [`incident`] crate. A JSON HTTP service
//! with an append-only event table, a transactional outbox and a worker that sends what
//! the comms plan marks ready, on SQLite (one instance, no setup) or PostgreSQL (several
//! instances sharing one database).
//!
//! It depends on `incident` like any user would. The binary `desk` (`src/main.rs`) wires
//! these modules together; the tests and the bench use them directly:
//!
//! - [`app`]: the desk's state and the crate's host loop (catch up, decide, append with the
//!   expected version, apply in place), one lock per incident, on the desk's clock.
//! - [`http`]: the router, the gate every request passes (origin, JSON, bearer token) and
//!   the handlers; [`error`]: the JSON error contract.
//! - [`access`]: the access file (token hashes → actor, desk roles, clearance; which roles
//!   may run which command; allowed origins); [`visibility`]: what a clearance may read.
//! - [`store`]: the [`store::Store`] trait (append-only events keyed by (incident id,
//!   sequence), plus the outbox) and [`store::open`], which picks the backend from a
//!   `--database` value.
//! - [`sqlite`] and [`postgres`]: the two backends.
//! - [`status`]: the public status pages and their Atom feeds, served without a token;
//!   [`subscriptions`]: who hears of updates and the fan-out through the outbox;
//!   [`webhook`]: their signatures; [`delivery`]: sending the webhooks through a durable
//!   queue in the outbox (signed at send, retried across restarts, leased so instances
//!   never send one row at once, recorded as one receipt each, internal addresses
//!   refused); [`receipts`]: the provider's delivery callbacks and the reach report.
//! - [`outbox`]: which messages an append enqueues, and the worker that sends them.
//! - [`playbooks`]: the emergency plans the desk can activate (the built-ins and the
//!   firm's own, validated at start).
//! - [`timer`]: the due-time index and the task that records what fell due (missed
//!   regulatory deadlines, overdue actions and planned messages) while nobody touches an
//!   incident.
//!
//! ```text
//! cargo run -p incident-desk -- new-token --actor li.na --role incident_owner --clearance internal
//! cargo run -p incident-desk -- --access access.json                # SQLite file desk.sqlite3
//! cargo run -p incident-desk -- --access access.json --database postgres://desk@127.0.0.1:5432/desk
//! ```
//!
//! The HTTP API, the error codes, the SQL and the scaling notes are in the crate's
//! `README.md`.

pub mod access;
pub mod app;
pub mod delivery;
pub mod error;
pub mod http;
pub mod outbox;
pub mod playbooks;
pub mod postgres;
pub mod receipts;
pub mod sqlite;
pub mod status;
pub mod store;
pub mod subscriptions;
pub mod timer;
pub mod visibility;
pub mod webhook;
