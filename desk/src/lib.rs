//! The incident desk: the reference host of the [`incident`] crate. A JSON HTTP service
//! with an append-only event table, a transactional outbox and a worker that sends what
//! the comms plan marks ready, on SQLite (one instance, no setup) or PostgreSQL (several
//! instances sharing one database).
//!
//! It depends on `incident` like any user would. The binary `desk` (`src/main.rs`) wires
//! these modules together; the tests and the bench use them directly:
//!
//! - [`app`]: the router, the handlers and the JSON error contract; each handler runs the
//!   crate's host loop (load, decide, append with the expected version, apply).
//! - [`store`]: the [`store::Store`] trait (append-only events keyed by (incident id,
//!   sequence), plus the outbox) and [`store::open`], which picks the backend from a
//!   `--database` value.
//! - [`sqlite`] and [`postgres`]: the two backends.
//! - [`outbox`]: which messages an append enqueues, and the worker that sends them.
//! - [`timer`]: the due-time index and the task that records what fell due (missed
//!   regulatory deadlines, overdue actions and planned messages) while nobody touches an
//!   incident.
//!
//! ```text
//! cargo run -p incident-desk                                   # SQLite file desk.sqlite3
//! cargo run -p incident-desk -- --database /tmp/desk.sqlite3 --listen 127.0.0.1:8080
//! cargo run -p incident-desk -- --database postgres://desk@127.0.0.1:5432/desk
//! ```
//!
//! The HTTP API, the error codes, the SQL and the scaling notes are in the crate's
//! `README.md`.

pub mod app;
pub mod outbox;
pub mod postgres;
pub mod sqlite;
pub mod store;
pub mod timer;
