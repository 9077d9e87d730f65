//! The public status pages over HTTP: the library's status scenario
//! (`tests/golden/status/scenario.json`: disclosure, two updates, a correction) driven
//! through the API, then the pages read without a token, in each language, with their
//! validators, and nothing a token guards on them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use serde_json::Value;
use support::{raw_request, Answer, Server, TempDb};

/// The attacker's host and the restricted funds figure the scenario plants.
const SECRETS: [&str; 5] = [
    "c2.update-cdn.example",
    "198.51.100.23",
    "1,280,000",
    "1280000",
    "C2 beacon",
];

/// Drives the scenario; the incident's id and version.
async fn drive(server: &Server) -> (String, u64) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/golden/status/scenario.json"
    );
    let steps: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut id = String::new();
    let mut version = 0;
    for step in steps {
        let actor = step["actor"].as_str().unwrap();
        let (status, body) = if step.get("declare").is_some() {
            let body = serde_json::json!({"declare": step["declare"], "actor": actor});
            server.post("/incidents", &body).await
        } else {
            let body = serde_json::json!({
                "command": step["command"], "expected_version": version, "actor": actor,
            });
            server
                .post(&format!("/incidents/{id}/commands"), &body)
                .await
        };
        assert!(status == 200 || status == 201, "{step}: {status} {body}");
        id = body["incident_id"].as_str().unwrap().to_owned();
        version = body["version"].as_u64().unwrap();
    }
    (id, version)
}

async fn get(server: &Server, path: &str, headers: &[(&str, &str)]) -> Answer {
    raw_request(server.addr, "GET", path, headers, None).await
}

#[tokio::test]
async fn the_page_and_feed_need_no_token_and_carry_only_what_was_published() {
    let db = TempDb::new("status");
    let server = Server::start(&db.url(), false).await;
    let (id, _) = drive(&server).await;

    let zh = get(&server, &format!("/status/{id}"), &[]).await;
    assert_eq!(zh.status, 200, "{}", zh.text);
    assert_eq!(zh.headers["content-type"], "text/html; charset=utf-8");
    assert!(zh.text.contains("<html lang=\"zh-CN\">"));
    assert!(zh.text.contains("更正公告"));
    assert!(zh.text.contains("被盗转资金已有31个账户完成全额返还。"));
    assert!(!zh.text.contains("<script"));
    let en = get(&server, &format!("/status/{id}?lang=en"), &[]).await;
    assert!(en.text.contains("<html lang=\"en\">"));
    assert!(en.text.contains("it should have said 13"));
    let hk = get(
        &server,
        &format!("/status/{id}"),
        &[("Accept-Language", "fr, zh-TW;q=0.8, en;q=0.5")],
    )
    .await;
    assert!(hk.text.contains("<html lang=\"zh-HK\">"));
    let feed = get(&server, &format!("/status/{id}/feed.atom?lang=en"), &[]).await;
    assert_eq!(feed.status, 200);
    assert_eq!(
        feed.headers["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    assert!(feed
        .text
        .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"));
    let index = get(&server, "/status?lang=en", &[]).await;
    assert!(
        index.text.contains(&format!("/status/{id}?lang=en")),
        "{}",
        index.text
    );
    for answer in [&zh, &en, &hk, &feed, &index] {
        for secret in SECRETS {
            assert!(!answer.text.contains(secret), "{secret} leaked");
        }
    }
    // The desk's own API still needs a token.
    let state = get(&server, &format!("/incidents/{id}"), &[]).await;
    assert_eq!(state.status, 401);
    let bad = get(&server, &format!("/status/{id}?lang=fr"), &[]).await;
    assert_eq!(
        (bad.status, bad.body["code"].as_str()),
        (400, Some("malformed_query"))
    );
}

#[tokio::test]
async fn an_unpublished_incident_is_as_unknown_as_a_missing_one() {
    let db = TempDb::new("status-hidden");
    let server = Server::start(&db.url(), false).await;
    let hidden = support::declare_incident(&server, 7, "Suspicious login spike").await;
    let unknown = "99999999-9999-9999-9999-999999999999";
    let mut bodies = Vec::new();
    for path in [
        format!("/status/{hidden}"),
        format!("/status/{hidden}/feed.atom"),
        format!("/status/{unknown}"),
        "/status/not-an-id".to_owned(),
    ] {
        let a = get(&server, &path, &[]).await;
        assert_eq!(a.status, 404, "{path}");
        bodies.push(a.text);
    }
    assert!(bodies.windows(2).all(|w| w[0] == w[1]), "{bodies:?}");
    let index = get(&server, "/status", &[]).await;
    assert_eq!(index.status, 200);
    assert!(!index.text.contains(&hidden));
    assert!(!index.text.contains("Suspicious"));
}

#[tokio::test]
async fn validators_answer_304_and_change_with_the_incident() {
    let db = TempDb::new("status-etag");
    let server = Server::start(&db.url(), false).await;
    let (id, version) = drive(&server).await;
    let path = format!("/status/{id}?lang=en");
    let first = get(&server, &path, &[]).await;
    let etag = first.headers["etag"].clone();
    let modified = first.headers["last-modified"].clone();
    assert!(first.headers["vary"].contains("Accept-Language"));
    let again = get(&server, &path, &[("If-None-Match", &etag)]).await;
    assert_eq!(again.status, 304);
    assert!(again.text.is_empty());
    let since = get(&server, &path, &[("If-Modified-Since", &modified)]).await;
    assert_eq!(since.status, 304);
    // Another language is another representation.
    let zh = get(
        &server,
        &format!("/status/{id}?lang=zh-CN"),
        &[("If-None-Match", &etag)],
    )
    .await;
    assert_eq!(zh.status, 200);
    // A new event makes a new page.
    let (status, body) = server
        .post(
            &format!("/incidents/{id}/commands"),
            &serde_json::json!({"command": {"type": "add_note", "text": "hotline staffed"}, "expected_version": version}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let after = get(&server, &path, &[("If-None-Match", &etag)]).await;
    assert_eq!(after.status, 200);
    assert_ne!(after.headers["etag"], etag);
}

#[tokio::test]
async fn subscribers_get_a_signed_fan_out_and_receipts_show_who_was_reached() {
    let db = TempDb::new("status-subs");
    let server = Server::start(&db.url(), false).await;
    let hook = serde_json::json!({"customer": "C-1", "locale": "en",
        "endpoint": {"type": "webhook", "url": "https://hooks.example/teams"}});
    let (status, sub) = server.post("/subscriptions", &hook).await;
    assert_eq!(status, 201, "{sub}");
    let secret = sub["secret"].as_str().unwrap().to_owned();
    let mail = serde_json::json!({"customer": "C-2", "locale": "zh-CN",
        "endpoint": {"type": "email", "address": "c2@example.com"}});
    let (status, mail_sub) = server.post("/subscriptions", &mail).await;
    assert_eq!(status, 201);
    let bad = serde_json::json!({"customer": "C-3", "locale": "en", "components": ["nope"],
        "endpoint": {"type": "sms", "number": "+8613800000000"}});
    let (status, body) = server.post("/subscriptions", &bad).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("unknown_component"))
    );
    let (_, listed) = server.get("/subscriptions").await;
    assert_eq!(listed["subscriptions"].as_array().unwrap().len(), 2);
    assert!(
        !listed.to_string().contains(&secret),
        "secrets are shown once"
    );
    // A caller cleared for public facts only may not read contact data.
    let (status, _) = server.get_as("status.bot", "/subscriptions").await;
    assert_eq!(status, 403);

    let (id, _) = drive(&server).await;
    let (_, outbox) = server.get(&format!("/incidents/{id}/outbox")).await;
    let rows: Vec<&Value> = outbox
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["item"].as_str().unwrap().starts_with("subscriber:"))
        .collect();
    assert_eq!(rows.len(), 8, "four public notices × two subscribers");
    let hook_row = rows
        .iter()
        .find(|r| r["notice_id"] == "N-4" && r["payload"]["channel"] == "webhook")
        .unwrap();
    let body = hook_row["payload"]["body"].as_str().unwrap();
    let signature = hook_row["payload"]["signature"].as_str().unwrap();
    let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
    incident_desk::webhook::verify(secret.as_bytes(), signature, body.as_bytes(), now, 300)
        .unwrap();
    assert!(body.contains(&format!("/status/{id}?lang=en")));
    for secret in SECRETS {
        assert!(!outbox.to_string().contains(secret));
    }

    let receipt = serde_json::json!({"notice_id": "N-1", "recipient": "C-1", "channel": "email",
        "outcome": "delivered", "at": now - chrono::Duration::seconds(5)});
    // Raw: the test client would take `at` for its clock pin.
    let (status, body) = server
        .post_raw(
            &format!("/incidents/{id}/receipts"),
            receipt.to_string().as_bytes(),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["events"][0]["event"]["type"],
        "delivery_receipt_recorded"
    );
    let (_, reach) = server
        .get(&format!("/incidents/{id}/notices/N-1/reach"))
        .await;
    assert_eq!(reach["reached"][0]["recipient"], "C-1", "{reach}");
    assert_eq!(reach["not_reached"][0]["recipient"], "C-2");
    assert_eq!(reach["not_reached"][0]["last"], Value::Null);
    // A receipt for a notice that was never sent is refused.
    let stray = serde_json::json!({"notice_id": "N-404", "recipient": "C-1", "channel": "sms",
        "outcome": "failed", "at": now - chrono::Duration::seconds(5)});
    let (status, _) = server
        .post_raw(
            &format!("/incidents/{id}/receipts"),
            stray.to_string().as_bytes(),
        )
        .await;
    assert_eq!(status, 422);

    let sub_id = mail_sub["id"].as_str().unwrap();
    let gone = raw_request(
        server.addr,
        "DELETE",
        &format!("/subscriptions/{sub_id}"),
        &[("Authorization", "Bearer token-zhang.min")],
        None,
    )
    .await;
    assert_eq!(gone.status, 204);
    let again = raw_request(
        server.addr,
        "DELETE",
        &format!("/subscriptions/{sub_id}"),
        &[("Authorization", "Bearer token-zhang.min")],
        None,
    )
    .await;
    assert_eq!(again.status, 404);
}
