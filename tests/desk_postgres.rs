//! The desk's concurrency and restart tests against PostgreSQL, with two desk instances
//! sharing one database. They run when `DATABASE_URL` is set (`.ci/run` starts a
//! throwaway server and sets it) and are skipped with a message otherwise. Each test works
//! in a schema of its own, so reruns against the same database start clean.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod desk_support;

use desk_support::{postgres_url, scenarios};

/// A fresh schema in the database `url` names; the URL that makes it the search path.
async fn fresh_schema(url: &str, tag: &str) -> String {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to DATABASE_URL: {e}"));
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
async fn platform_theft_end_to_end_and_restart_on_postgres() {
    let Some(url) = postgres_url("platform_theft_end_to_end_and_restart_on_postgres") else {
        return;
    };
    let url = fresh_schema(&url, "seed").await;
    scenarios::seed_and_restart(&url).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_concurrent_writers_on_postgres() {
    let Some(url) = postgres_url("eight_concurrent_writers_on_postgres") else {
        return;
    };
    let url = fresh_schema(&url, "writers").await;
    scenarios::eight_writers(&url, 0x43).await;
}
