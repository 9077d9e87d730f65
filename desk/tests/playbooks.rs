//! Playbooks over HTTP on SQLite: declaring with a playbook of the desk's catalogue,
//! listing and fetching the catalogue, starting a drill, and the ways each is refused
//! (unknown playbook, both forms at once, a drill without a playbook, the wrong desk role,
//! too low a clearance, an oversized body).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use serde_json::{json, Value};
use support::{declaration, seed, Server, TempDb};

fn with_playbook(byte: u8, kind: &str, id: &str) -> Value {
    let mut declare =
        serde_json::to_value(declaration(byte, "Accounts taken over", "zhang.min")).unwrap();
    declare["kind"] = kind.into();
    json!({
        "declare": declare,
        "playbook": {"id": id, "locale": "zh-CN", "staffing": {"security": "li.na"}},
        "actor": "soc",
        "at": seed::at(2026, 3, 14, 1, 5),
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn declaring_with_a_catalogue_playbook_records_its_actions_plan_and_drafts() {
    let db = TempDb::new("playbook-declare");
    let server = Server::start(&db.url(), false).await;
    let body = with_playbook(1, "account_takeover", "securities.account-takeover");
    let (status, answer) = server.post("/incidents", &body).await;
    assert_eq!(status, 201, "{answer}");
    let events = answer["events"].as_array().unwrap();
    assert_eq!(events[1]["event"]["type"], "playbook_activated");
    // Declared, activated, 12 steps and 3 feedback channels as actions, the plan, 2 drafts.
    assert_eq!(events.len(), 19);
    let id = answer["incident_id"].as_str().unwrap();
    let (_, state) = server.get(&format!("/incidents/{id}")).await;
    let actions = state["incident"]["actions"].as_object().unwrap();
    assert_eq!(actions["block-indicators"]["owner"], "li.na");
    assert_eq!(actions["open-hotline"]["kind"], "containment");
    assert!(state["incident"]["notices"]["customer-initial"].is_object());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_playbooks_and_mixed_forms_are_refused() {
    let db = TempDb::new("playbook-refused");
    let server = Server::start(&db.url(), false).await;
    let (status, answer) = server
        .post(
            "/incidents",
            &with_playbook(2, "account_takeover", "no.such-plan"),
        )
        .await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (422, Some("unknown_playbook")),
        "{answer}"
    );
    // The playbook given whole and by id at once.
    let mut both = with_playbook(2, "ransomware", "ransomware");
    let playbook = incident::playbook::builtin_playbook("ransomware").unwrap();
    both["declare"]["playbook"] = json!({"playbook": playbook, "locale": "en"});
    let (status, answer) = server.post("/incidents", &both).await;
    assert_eq!(status, 400, "{answer}");
    // A playbook for another kind of incident is the crate's rejection.
    let (status, answer) = server
        .post("/incidents", &with_playbook(3, "data_breach", "ransomware"))
        .await;
    assert_eq!(status, 422, "{answer}");
    // Nothing was declared.
    for byte in [2u8, 3] {
        let id = incident::IncidentId::from_bytes([byte; 16]);
        assert_eq!(server.get(&format!("/incidents/{id}")).await.0, 404);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_catalogue_is_listed_and_fetched_by_those_cleared_for_it() {
    let db = TempDb::new("playbook-list");
    let server = Server::start(&db.url(), false).await;
    let (status, list) = server.get("/playbooks").await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list.as_array().unwrap().len(), 5);
    let (status, one) = server.get("/playbooks/securities.trading-outage").await;
    assert_eq!(status, 200);
    let back: incident::playbook::Playbook = serde_json::from_value(one).unwrap();
    assert_eq!(back.id().as_str(), "securities.trading-outage");
    assert_eq!(server.get("/playbooks/nope").await.0, 404);
    // A customer-care agent (clearance `customers`) does not read the firm's plans.
    let (status, answer) = server.get_as("care.agent", "/playbooks").await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (403, Some("clearance_too_low"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_drill_is_an_exercise_declared_with_a_playbook() {
    let db = TempDb::new("playbook-drill");
    let server = Server::start(&db.url(), false).await;
    let (status, answer) = server
        .post(
            "/drills",
            &with_playbook(4, "account_takeover", "securities.account-takeover"),
        )
        .await;
    assert_eq!(status, 201, "{answer}");
    assert_eq!(answer["events"][0]["event"]["exercise"], true);
    let mut without = with_playbook(5, "account_takeover", "x");
    without.as_object_mut().unwrap().remove("playbook");
    let (status, answer) = server.post("/drills", &without).await;
    assert_eq!(status, 400, "{answer}");
    // Starting a drill is declaring: a desk role that may not declare may not start one.
    let mut as_care = with_playbook(6, "account_takeover", "securities.account-takeover");
    as_care["actor"] = "care.agent".into();
    let (status, answer) = server.post("/drills", &as_care).await;
    assert_eq!(status, 403, "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_declaration_is_refused_before_it_is_read() {
    let db = TempDb::new("playbook-oversized");
    let server = Server::start(&db.url(), false).await;
    let mut body = with_playbook(7, "account_takeover", "securities.account-takeover");
    body["declare"]["summary"] = "长".repeat(100_000).into();
    let (status, answer) = server.post("/drills", &body).await;
    assert_eq!(
        (status, answer["code"].as_str()),
        (413, Some("body_too_large")),
        "{answer}"
    );
}
