//! The desk service over HTTP on 127.0.0.1 with a temporary SQLite file:
//! the platform-theft seed end to end, a restart that keeps state, log and outbox, and 8
//! concurrent writers on one incident.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use support::{scenarios, TempDb};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn platform_theft_end_to_end_and_restart_on_sqlite() {
    let db = TempDb::new("seed");
    scenarios::seed_and_restart(&db.url()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_concurrent_writers_on_sqlite() {
    let db = TempDb::new("writers");
    scenarios::eight_writers(&db.url(), 0x42).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_timer_records_what_falls_due_on_sqlite() {
    let db = TempDb::new("timer");
    scenarios::timer_records_what_falls_due(&db.url()).await;
}
