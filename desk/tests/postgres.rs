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

use support::{fresh_schema, postgres_url, scenarios};

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

/// PostgreSQL drops every connection of the desk (a restart, a failover, an operator's
/// `pg_terminate_backend`): the next requests succeed on fresh connections, without a
/// restart of the desk, and nothing acknowledged is lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn terminated_backends_do_not_need_a_desk_restart_on_postgres() {
    use serde_json::json;
    // Its own application name, so only this test's connections are terminated (the
    // other tests of this file run at the same time).
    let url = format!(
        "{}&application_name=desk_blip_test",
        fresh_schema(&postgres_url(), "terminate").await
    );
    let server = support::Server::start(&url, false).await;
    let declare = support::declaration(0x7e, "Blip", "zhang.min");
    let (status, body) = server
        .post("/incidents", &json!({"declare": declare}))
        .await;
    assert_eq!(status, 201, "{body}");
    let id = body["incident_id"].as_str().unwrap().to_owned();
    let (killer, connection) = tokio_postgres::connect(&postgres_url(), tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    for round in 1..=3u64 {
        let killed = killer
            .query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                 WHERE application_name = 'desk_blip_test'",
                &[],
            )
            .await
            .unwrap();
        assert!(
            !killed.is_empty(),
            "round {round}: no desk connection to terminate"
        );
        let (status, body) = server
            .post(
                &format!("/incidents/{id}/commands"),
                &json!({"expected_version": round,
                        "command": {"type": "add_note", "text": format!("after blip {round}")}}),
            )
            .await;
        assert_eq!(status, 200, "round {round}: {body}");
        let (status, state) = server.get(&format!("/incidents/{id}")).await;
        assert_eq!(status, 200, "{state}");
        assert_eq!(state["incident"]["version"], round + 1);
    }
}
