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
    support::drive_status_scenario(server, None, &[]).await
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
        "endpoint": {"type": "webhook", "url": "https://hooks.example.com/teams"}});
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
    // Signed when sent (tests/webhooks.rs), never when enqueued: the stored row has no
    // signature, and the secret is nowhere in the outbox.
    assert!(hook_row["payload"].get("signature").is_none());
    assert!(!outbox.to_string().contains(&secret));
    let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
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

/// The `rel="next"` link of an index page, unescaped.
fn next_link(html: &str) -> Option<String> {
    let start = html.find("<link rel=\"next\" href=\"")? + "<link rel=\"next\" href=\"".len();
    let end = start + html[start..].find('"')?;
    Some(html[start..end].replace("&amp;", "&"))
}

#[tokio::test]
async fn the_index_pages_with_a_next_link_in_a_stable_order() {
    let db = TempDb::new("status-paging");
    let server = Server::start(&db.url(), false).await;
    let ids = [
        "15151515-1515-1515-1515-151515151501",
        "15151515-1515-1515-1515-151515151502",
        "15151515-1515-1515-1515-151515151503",
    ];
    for id in ids {
        support::drive_status_scenario(&server, Some(id), &[]).await;
    }
    let hidden = support::declare_incident(&server, 9, "Unpublished probe").await;
    let mut seen = Vec::new();
    let mut path = "/status?lang=en&limit=2".to_owned();
    let mut pages = 0;
    loop {
        let answer = get(&server, &path, &[]).await;
        assert_eq!(answer.status, 200, "{path}: {}", answer.text);
        pages += 1;
        let listed: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|id| answer.text.contains(&format!("/status/{id}?lang=en")))
            .collect();
        assert!(listed.len() <= 2, "{path}: {listed:?}");
        assert!(!answer.text.contains(&hidden));
        seen.extend(listed);
        // The same page again is served from the folds and validates.
        let again = get(
            &server,
            &path,
            &[("If-None-Match", &answer.headers["etag"])],
        )
        .await;
        assert_eq!(again.status, 304);
        match next_link(&answer.text) {
            Some(next) => {
                assert!(answer.text.contains("Older incidents"));
                let base = "http://127.0.0.1:8080";
                path = next.strip_prefix(base).unwrap().to_owned();
                assert!(path.contains("&limit=2"), "{path}");
            }
            None => break,
        }
    }
    assert_eq!(pages, 2);
    seen.sort_unstable();
    assert_eq!(seen, ids, "every published incident once, none twice");
    let bad = get(&server, "/status?limit=1000", &[]).await;
    assert_eq!(bad.status, 400);
    let bad = get(&server, "/status?after=yesterday", &[]).await;
    assert_eq!(
        (bad.status, bad.body["field"].as_str()),
        (400, Some("after"))
    );
}

/// A board with two components: `mobile-banking` and `web`.
pub fn board() -> incident::status::StatusBoard {
    serde_json::from_value(serde_json::json!({"components": [
        {"id": "mobile-banking", "name": {"zh-CN": "手机银行", "zh-HK": "手機銀行", "en": "Mobile banking"}, "status": "operational"},
        {"id": "web", "name": {"zh-CN": "网上银行", "zh-HK": "網上銀行", "en": "Web banking"}, "status": "operational"}
    ]}))
    .unwrap()
}

#[tokio::test]
async fn a_component_the_open_incident_affects_is_not_operational_while_it_is_linked() {
    let db = TempDb::new("status-components");
    let site = incident_desk::status::StatusSite::new(board(), "http://127.0.0.1:8080").unwrap();
    let server = Server::start_with_site(&db.url(), site).await;
    let (id, version) =
        support::drive_status_scenario(&server, None, &["mobile-banking", "ops-jump-01"]).await;
    let page = get(&server, &format!("/status/{id}?lang=en"), &[]).await;
    assert!(
        page.text
            .contains("<li data-status=\"major_outage\">Mobile banking"),
        "a sev1 incident puts its component in major outage: {}",
        page.text
    );
    assert!(page
        .text
        .contains("<li data-status=\"operational\">Web banking"));
    assert!(
        !page.text.contains("ops-jump-01"),
        "only board ids reach the page"
    );
    let index = get(&server, "/status?lang=en", &[]).await;
    assert!(index.status == 200);
    let etag = page.headers["etag"].clone();
    // Narrowing the incident's systems unlinks the component (no new event kind: the
    // link is the impact the log records).
    let (status, body) = server
        .post(
            &format!("/incidents/{id}/commands"),
            &serde_json::json!({"command": {"type": "update_impact", "update": {"systems": ["ops-jump-01"]},
                "reason": "mobile banking was not touched"}, "expected_version": version}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let after = get(
        &server,
        &format!("/status/{id}?lang=en"),
        &[("If-None-Match", &etag)],
    )
    .await;
    assert_eq!(after.status, 200);
    assert!(after
        .text
        .contains("<li data-status=\"operational\">Mobile banking"));
}
