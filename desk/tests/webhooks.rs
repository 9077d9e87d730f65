//! Subscribers' webhooks sent for real: a receiver on loopback (axum on 127.0.0.1:0) gets
//! signed `POST`s and checks the signature with its own HMAC computation; a receiver that
//! answers 500 once gets the retry; one that is down ends `failed` with the attempts
//! counted; each outcome is a delivery receipt in the incident's log. Internal addresses
//! are refused unless the desk allows them, and a subscriber hears only of incidents
//! linked to its components.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::time::Duration;

use hmac::{Hmac, Mac};
use incident_desk::delivery::WebhookPolicy;
use incident_desk::status::StatusSite;
use serde_json::Value;
use sha2::Sha256;
use support::receiver::{per_delivery, receiver_in, Mode, Shared};
use support::{Server, TempDb};

/// A receiver that answers 500 to the first attempt of each delivery, 200 to the next.
async fn receiver() -> (SocketAddr, Shared) {
    receiver_in(Mode::FailOnce).await
}

/// Checks `header` (`t=…,v1=…`) over `body` with `secret` by computing the HMAC here,
/// not with the desk's code; returns the timestamp.
fn check_signature(secret: &str, header: &str, body: &str) -> i64 {
    let (t, v1) = header.split_once(",v1=").unwrap();
    let t = t.strip_prefix("t=").unwrap();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.{body}").as_bytes());
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(v1, expected, "the signature does not match the body");
    t.parse().unwrap()
}

/// A desk on `database` allowing loopback receivers, with quick retries.
async fn desk(database: &str, attempts: u32) -> Server {
    desk_with(database, quick(attempts)).await
}

/// The tests' policy: loopback allowed, `attempts` at most, quick retries, 2 s per
/// attempt (so a lease of 4 s).
fn quick(attempts: u32) -> WebhookPolicy {
    WebhookPolicy {
        timeout: Duration::from_secs(2),
        max_attempts: attempts,
        first_backoff: Duration::from_millis(20),
        max_backoff: Duration::from_millis(100),
        lease: Duration::from_secs(4),
        allow_private: true,
    }
}

/// A desk on `database` sending webhooks with `policy`.
async fn desk_with(database: &str, policy: WebhookPolicy) -> Server {
    let site = StatusSite::new(board(), "http://127.0.0.1:8080")
        .unwrap()
        .with_webhook_policy(policy);
    Server::start_with_site(database, site).await
}

fn board() -> incident::status::StatusBoard {
    serde_json::from_value(serde_json::json!({"components": [
        {"id": "mobile-banking", "name": {"zh-CN": "手机银行", "zh-HK": "手機銀行", "en": "Mobile banking"}, "status": "operational"},
        {"id": "web", "name": {"zh-CN": "网上银行", "zh-HK": "網上銀行", "en": "Web banking"}, "status": "operational"}
    ]}))
    .unwrap()
}

async fn subscribe(server: &Server, customer: &str, url: &str, components: &[&str]) -> Value {
    let (status, sub) = server
        .post(
            "/subscriptions",
            &serde_json::json!({"customer": customer, "locale": "en", "components": components,
                "endpoint": {"type": "webhook", "url": url}}),
        )
        .await;
    assert_eq!(status, 201, "{sub}");
    sub
}

/// Polls the reach report of `notice` until `done` holds (10 s at most).
async fn reach_until(
    server: &Server,
    id: &str,
    notice: &str,
    done: impl Fn(&Value) -> bool,
) -> Value {
    for _ in 0..200 {
        let (_, reach) = server
            .get(&format!("/incidents/{id}/notices/{notice}/reach"))
            .await;
        if done(&reach) {
            return reach;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the reach report of {notice} never settled");
}

#[tokio::test]
async fn webhooks_are_posted_signed_at_send_retried_after_a_500_and_recorded_delivered() {
    let db = TempDb::new("webhooks-sent");
    sent_signed_and_retried(&db.url()).await;
}

/// The same on PostgreSQL, with the public index read from its incident pages; `.ci/run`
/// runs it with the other PostgreSQL tests.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn webhooks_and_the_status_index_on_postgres() {
    let url = support::fresh_schema(&support::postgres_url(), "webhooks").await;
    let id = sent_signed_and_retried(&url).await;
    let server = desk(&url, 1).await;
    let index =
        support::raw_request(server.addr, "GET", "/status?lang=en&limit=1", &[], None).await;
    assert_eq!(index.status, 200, "{}", index.text);
    assert!(index.text.contains(&format!("/status/{id}?lang=en")));
    assert!(
        !index.text.contains("rel=\"next\""),
        "one published incident"
    );
    let page = support::raw_request(
        server.addr,
        "GET",
        &format!("/status/{id}?lang=en"),
        &[],
        None,
    )
    .await;
    assert!(page
        .text
        .contains("<li data-status=\"major_outage\">Mobile banking"));
}

/// Subscribes a linked and an unlinked webhook, drives the scenario, sends; the
/// incident's id.
async fn sent_signed_and_retried(database: &str) -> String {
    let mut server = desk(database, 3).await;
    let (addr, seen) = receiver().await;
    let url = format!("http://{addr}/hook");
    let linked = subscribe(&server, "C-1", &url, &["mobile-banking"]).await;
    let secret = linked["secret"].as_str().unwrap().to_owned();
    // Subscribed to a component this incident does not affect: hears nothing.
    subscribe(&server, "C-9", &url, &["web"]).await;
    let (id, _) = support::drive_status_scenario(&server, None, &["mobile-banking"]).await;
    // Started after the scenario, so receipts do not race its expected versions.
    server.start_webhooks();
    for notice in ["N-1", "N-2", "N-3", "N-4"] {
        let reach = reach_until(&server, &id, notice, |r| {
            r["reached"].as_array().is_some_and(|a| !a.is_empty())
        })
        .await;
        assert_eq!(reach["reached"][0]["recipient"], "C-1", "{reach}");
        assert!(
            reach["not_reached"].as_array().unwrap().is_empty(),
            "{reach}"
        );
        assert!(
            reach["unexpected"].as_array().unwrap().is_empty(),
            "{reach}"
        );
    }
    let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()).timestamp();
    let requests = seen.lock().unwrap().requests.clone();
    assert_eq!(requests.len(), 8, "four notices, each 500 then 200");
    for (signature, delivery, body) in &requests {
        let t = check_signature(&secret, signature, body);
        assert!((now - t).abs() < 60, "signed at send time, not at enqueue");
        assert!(delivery.starts_with(&id), "{delivery}");
        assert!(body.contains(&format!("/status/{id}?lang=en")), "{body}");
        let attempts = requests.iter().filter(|r| &r.1 == delivery).count();
        assert_eq!(attempts, 2, "the same delivery id on the retry");
    }
    let (_, events) = server.get(&format!("/incidents/{id}/events")).await;
    let text = events.to_string();
    assert_eq!(text.matches("\"delivery_receipt_recorded\"").count(), 4);
    assert!(text.contains("the receiver answered HTTP 200"), "{text}");
    assert!(text.contains("desk.webhook"));
    assert_eq!(
        text.matches("\"channel\":\"webhook\"").count(),
        4,
        "each receipt names the webhook channel: {text}"
    );
    server.stop();
    id
}

#[tokio::test]
async fn a_receiver_that_is_down_ends_failed_with_the_attempts_counted() {
    let db = TempDb::new("webhooks-down");
    let mut server = desk(&db.url(), 3).await;
    // A port nobody listens on any more.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    };
    subscribe(&server, "C-1", &format!("http://{closed}/hook"), &[]).await;
    let (id, _) = support::drive_status_scenario(&server, None, &[]).await;
    server.start_webhooks();
    let reach = reach_until(&server, &id, "N-1", |r| {
        r["not_reached"][0]["last"]["outcome"] == "failed"
    })
    .await;
    let detail = reach["not_reached"][0]["last"]["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("gave up after 3 attempts (the cap)"),
        "{detail}"
    );
    assert!(reach["reached"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn webhook_urls_must_be_http_and_public_unless_the_desk_allows_internal_ones() {
    let db = TempDb::new("webhooks-ssrf");
    let server = Server::start(&db.url(), false).await;
    for url in [
        "http://127.0.0.1:9/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "http://localhost/hook",
        "ftp://hooks.example.com/hook",
        "https://user:pw@hooks.example.com/hook",
    ] {
        let (status, body) = server
            .post(
                "/subscriptions",
                &serde_json::json!({"customer": "C-1", "locale": "en",
                    "endpoint": {"type": "webhook", "url": url}}),
            )
            .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (400, Some("invalid_webhook_url")),
            "{url}: {body}"
        );
    }
    let db = TempDb::new("webhooks-ssrf-allowed");
    let allowed = desk(&db.url(), 1).await;
    subscribe(&allowed, "C-1", "http://127.0.0.1:9/hook", &[]).await;
}

/// The delivery receipts in the incident's log.
async fn receipts(server: &Server, id: &str) -> Vec<Value> {
    let (status, events) = server.get(&format!("/incidents/{id}/events")).await;
    assert_eq!(status, 200, "{events}");
    events["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["event"]["type"] == "delivery_receipt_recorded")
        .map(|e| e["event"].clone())
        .collect()
}

/// Polls until `done` holds (20 s at most).
async fn until(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..400 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what}: not within 20 s");
}

/// The webhook rows of `id`'s outbox.
async fn webhook_rows(server: &Server, id: &str) -> Vec<Value> {
    let (status, outbox) = server.get(&format!("/incidents/{id}/outbox")).await;
    assert_eq!(status, 200, "{outbox}");
    outbox
        .as_array()
        .or_else(|| outbox["rows"].as_array())
        .unwrap_or_else(|| panic!("{outbox}"))
        .iter()
        .filter(|r| r["payload"]["channel"] == "webhook")
        .cloned()
        .collect()
}

/// A desk stopped (its tasks dropped, as a kill would) after two attempts of each
/// delivery to a receiver that is down, then another started on the same file: it makes
/// only the third attempt the cap allows, with the same delivery id, and records
/// `failed`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cap_counts_the_attempts_made_before_a_restart() {
    let db = TempDb::new("webhooks-cap");
    let policy = WebhookPolicy {
        timeout: Duration::from_secs(1),
        first_backoff: Duration::from_millis(700),
        max_backoff: Duration::from_millis(700),
        lease: Duration::from_secs(2),
        ..quick(3)
    };
    let mut first = desk_with(&db.url(), policy.clone()).await;
    let (addr, seen) = receiver_in(Mode::Down).await;
    subscribe(&first, "C-1", &format!("http://{addr}/hook"), &[]).await;
    let (id, _) = support::drive_status_scenario(&first, None, &[]).await;
    first.start_webhooks();
    until("two attempts of each of the four deliveries", || {
        let counts = per_delivery(&seen);
        counts.len() == 4 && counts.values().all(|n| *n >= 2)
    })
    .await;
    first.stop();
    let before = per_delivery(&seen);
    assert!(before.values().all(|n| *n == 2), "{before:?}");
    let check = desk_with(&db.url(), policy.clone()).await;
    assert!(
        receipts(&check, &id).await.is_empty(),
        "no receipt before the cap"
    );
    drop(check);

    let mut second = desk_with(&db.url(), policy).await;
    second.start_webhooks();
    let mut failed = Vec::new();
    for _ in 0..400 {
        failed = receipts(&second, &id).await;
        if failed.len() == 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(failed.len(), 4, "{failed:?}");
    for receipt in &failed {
        assert_eq!(receipt["outcome"], "failed", "{receipt}");
        let detail = receipt["detail"].as_str().unwrap();
        assert!(
            detail.starts_with("gave up after 3 attempts (the cap)"),
            "{detail}"
        );
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after = per_delivery(&seen);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    assert!(after.values().all(|n| *n == 3), "three in all: {after:?}");
    for row in webhook_rows(&second, &id).await {
        assert_eq!(row["attempts"], 3, "{row}");
        assert!(row["sent_at"].is_string(), "{row}");
    }
}

/// The desk died after recording a receipt and before marking its row: the next worker
/// finds the receipt by its delivery id, marks the row and sends nothing; the rows
/// without a receipt are sent as usual.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_receipt_recorded_before_a_crash_is_not_sent_or_recorded_again() {
    let db = TempDb::new("webhooks-receipt-first");
    let mut server = desk(&db.url(), 3).await;
    let (addr, seen) = receiver().await;
    subscribe(&server, "C-1", &format!("http://{addr}/hook"), &[]).await;
    let (id, _) = support::drive_status_scenario(&server, None, &[]).await;
    // A worker that claims every row, records the receipts of N-1 and N-2, and dies.
    let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
    let dead = server
        .app
        .store()
        .claim_webhooks("dead".into(), now, now + chrono::Duration::seconds(1), 100)
        .await
        .unwrap();
    assert_eq!(dead.len(), 4);
    let mut done = BTreeSet::new();
    for row in dead
        .iter()
        .filter(|r| ["N-1", "N-2"].contains(&r.message.notice_id.as_str()))
    {
        let delivery = format!("{id}/{}", row.id);
        // As given: `Server::post` would take the receipt's `at` for the desk's clock.
        let receipt = serde_json::json!({"notice_id": row.message.notice_id,
            "recipient": "C-1", "channel": "webhook", "outcome": "delivered", "at": now,
            "provider_ref": format!("webhook {delivery}"),
            "detail": "the receiver answered HTTP 200 (attempt 1)"});
        let (status, body) = server
            .post_raw(
                &format!("/incidents/{id}/receipts"),
                receipt.to_string().as_bytes(),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        done.insert(delivery);
    }
    server.start_webhooks();
    let mut rows = Vec::new();
    for _ in 0..400 {
        rows = webhook_rows(&server, &id).await;
        if rows.iter().all(|r| r["sent_at"].is_string()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(rows.iter().all(|r| r["sent_at"].is_string()), "{rows:?}");
    let recorded = receipts(&server, &id).await;
    let refs: Vec<&str> = recorded
        .iter()
        .map(|r| r["provider_ref"].as_str().unwrap())
        .collect();
    assert_eq!(refs.len(), 4, "one receipt per row: {refs:?}");
    assert_eq!(refs.iter().collect::<BTreeSet<_>>().len(), 4, "{refs:?}");
    let counts = per_delivery(&seen);
    for delivery in &done {
        assert!(
            !counts.contains_key(delivery),
            "{delivery} sent again: {counts:?}"
        );
    }
    // The two others: attempt 2 (the dead worker's claim counted) failed once, then 3.
    assert_eq!(counts.len(), 2, "{counts:?}");
    assert!(counts.values().all(|n| *n == 2), "{counts:?}");
}

/// Two desks on one database, both sending: each of 24 deliveries (six subscribers, four
/// notices) is posted once and recorded once.
async fn two_desks_send_each_row_once(database: &str) {
    let mut first = desk_with(database, quick(3)).await;
    let mut second = desk_with(database, quick(3)).await;
    let (addr, seen) = receiver_in(Mode::Slow(Duration::from_millis(40))).await;
    for n in 1..=6 {
        subscribe(
            &first,
            &format!("C-{n}"),
            &format!("http://{addr}/hook"),
            &[],
        )
        .await;
    }
    let (id, _) = support::drive_status_scenario(&first, None, &[]).await;
    first.start_webhooks();
    second.start_webhooks();
    for _ in 0..400 {
        if receipts(&first, &id).await.len() >= 24 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Time for a duplicate to show.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let recorded = receipts(&first, &id).await;
    assert_eq!(
        recorded.len(),
        24,
        "{:?}",
        recorded
            .iter()
            .map(|r| &r["provider_ref"])
            .collect::<Vec<_>>()
    );
    let refs: BTreeSet<&str> = recorded
        .iter()
        .map(|r| r["provider_ref"].as_str().unwrap())
        .collect();
    assert_eq!(refs.len(), 24, "a row recorded twice");
    let counts = per_delivery(&seen);
    assert_eq!(counts.len(), 24, "{counts:?}");
    assert!(
        counts.values().all(|n| *n == 1),
        "a row posted twice: {counts:?}"
    );
    for row in webhook_rows(&first, &id).await {
        assert_eq!(row["attempts"], 1, "one attempt each: {row}");
    }
    first.stop();
    second.stop();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_desks_on_one_file_never_send_one_row_twice() {
    let db = TempDb::new("webhooks-two");
    two_desks_send_each_row_once(&db.url()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn two_desks_on_one_postgres_never_send_one_row_twice() {
    let url = support::fresh_schema(&support::postgres_url(), "webhooks_two").await;
    two_desks_send_each_row_once(&url).await;
}
