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
