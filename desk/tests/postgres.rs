//! The desk's concurrency and restart tests against PostgreSQL, with two desk instances
//! sharing one database. Each test works in a schema of its own, so reruns against the same
//! database start clean.
//!
//! They need a server, so they are `#[ignore]`d: `cargo test --workspace` does not run them,
//! and `.ci/run` starts a throwaway PostgreSQL and runs them with
//!
//! ```text
//! DATABASE_URL=postgres://desk@127.0.0.1:PORT/postgres \
//!     cargo test -p incident-desk --test postgres -- --ignored
//! ```
//!
//! Run that way without `DATABASE_URL`, or with a server that does not answer, they fail:
//! they never pass without having touched PostgreSQL.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::time::Duration;

use support::{postgres_url, scenarios};

/// `e` and its sources, joined with ": " (tokio-postgres's own message leaves out why).
fn with_sources(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

/// A fresh schema in the database `url` names; the URL that makes it the search path.
async fn fresh_schema(url: &str, tag: &str) -> String {
    let connect = tokio_postgres::connect(url, tokio_postgres::NoTls);
    let (client, connection) = tokio::time::timeout(Duration::from_secs(30), connect)
        .await
        .unwrap_or_else(|_| {
            panic!("cannot connect to the PostgreSQL server DATABASE_URL names: no answer in 30 s")
        })
        .unwrap_or_else(|e| {
            panic!(
                "cannot connect to the PostgreSQL server DATABASE_URL names: {}",
                with_sources(&e)
            )
        });
    let task = tokio::spawn(connection);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let schema = format!("desk_{tag}_{}_{nanos}", std::process::id());
    client
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .await
        .unwrap();
    drop(client);
    let _ = task.await;
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-csearch_path%3D{schema}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn platform_theft_end_to_end_and_restart_on_postgres() {
    let url = fresh_schema(&postgres_url(), "seed").await;
    scenarios::seed_and_restart(&url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn eight_concurrent_writers_on_postgres() {
    let url = fresh_schema(&postgres_url(), "writers").await;
    scenarios::eight_writers(&url, 0x43).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn the_timer_records_what_falls_due_on_postgres() {
    let url = fresh_schema(&postgres_url(), "timer").await;
    scenarios::timer_records_what_falls_due(&url).await;
}
