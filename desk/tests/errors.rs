//! The desk's error contract over HTTP: malformed bodies, unknown fields, oversized bodies,
//! unknown incidents and endpoints, stale versions and rejected commands each get their
//! documented status and stable JSON `code`, never a 500.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use incident::*;
use incident_desk::http::BODY_LIMIT;
use serde_json::{json, Value};
use support::{Server, TempDb};

async fn declared(server: &Server) -> String {
    support::declare_incident(server, 7, "Errors").await
}

fn expect(answer: (u16, Value), status: u16, code: &str) -> Value {
    assert_eq!(answer.0, status, "{}", answer.1);
    assert_eq!(answer.1["code"], code, "{}", answer.1);
    assert!(answer.1["message"].is_string(), "{}", answer.1);
    answer.1
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_request_gets_its_documented_error() {
    let db = TempDb::new("errors");
    let server = Server::start(&db.url(), false).await;
    let id = declared(&server).await;
    let commands = format!("/incidents/{id}/commands");

    // Health and schemas.
    let (status, health) = server.get("/healthz").await;
    assert_eq!((status, health["status"].as_str()), (200, Some("ok")));
    let (status, schema) = server.get("/schema/command").await;
    assert_eq!(status, 200);
    assert!(
        schema["oneOf"].is_array() || schema["$defs"].is_object(),
        "{schema}"
    );
    let (status, names) = server.get("/schema").await;
    assert_eq!(status, 200);
    assert!(names.as_array().unwrap().contains(&json!("envelope")));
    expect(server.get("/schema/nope").await, 404, "not_found");
    expect(server.get("/nope").await, 404, "not_found");
    expect(
        server.post("/healthz", &json!({})).await,
        405,
        "method_not_allowed",
    );

    // 400: syntax, wrong types, missing fields, trailing garbage.
    let e = expect(
        server.post_raw(&commands, b"{not json").await,
        400,
        "malformed_json",
    );
    assert!(e["message"].as_str().unwrap().contains("line 1"), "{e}");
    expect(server.post_raw(&commands, b"").await, 400, "malformed_json");
    let e = expect(
        server
            .post(
                &commands,
                &json!({"expected_version": "one", "command": {"type": "review"}}),
            )
            .await,
        400,
        "malformed_json",
    );
    assert_eq!(e["field"], "expected_version");
    let e = expect(
        server
            .post(&commands, &json!({"command": {"type": "review"}}))
            .await,
        400,
        "malformed_json",
    );
    assert_eq!(e["field"], "expected_version");
    // The actor is the bearer token's: a body that names one is refused, as is a time.
    for planted in [r#""actor":"ceo""#, r#""at":"1970-01-01T00:00:00Z""#] {
        let body = format!(r#"{{"expected_version":1,{planted},"command":{{"type":"review"}}}}"#);
        let e = expect(
            server.post_raw(&commands, body.as_bytes()).await,
            400,
            "unknown_field",
        );
        assert!(planted.contains(e["field"].as_str().unwrap()), "{e}");
    }
    expect(
        server
            .post(
                &commands,
                &json!({"expected_version": 1, "command": {"type": "launch_rockets"}}),
            )
            .await,
        400,
        "malformed_json",
    );
    expect(
        server
            .post_raw(
                &commands,
                br#"{"expected_version":1,"command":{"type":"review"}} x"#,
            )
            .await,
        400,
        "malformed_json",
    );
    let e = expect(
        server
            .post(
                "/incidents",
                &json!({"declare": {"incident_id": "not-a-uuid"}}),
            )
            .await,
        400,
        "malformed_json",
    );
    assert!(e["field"].as_str().unwrap().starts_with("declare"), "{e}");

    // 400: unknown fields, at the top and inside the command.
    let e = expect(
        server
            .post(
                &commands,
                &json!({"expected_version": 1, "command": {"type": "review"}, "force": true}),
            )
            .await,
        400,
        "unknown_field",
    );
    assert_eq!(e["field"], "force");
    let e = expect(
        server
            .post(&commands, &json!({"expected_version": 1, "command": {"type": "add_note", "text": "x", "colour": "red"}}))
            .await,
        400,
        "unknown_field",
    );
    assert!(e["message"].as_str().unwrap().contains("colour"), "{e}");

    // 413: bodies over the limit.
    let big = format!(
        r#"{{"expected_version":1,"command":{{"type":"add_note","text":"{}"}}}}"#,
        "x".repeat(BODY_LIMIT)
    );
    expect(
        server.post_raw(&commands, big.as_bytes()).await,
        413,
        "body_too_large",
    );

    // 400 / 404: ids.
    let e = expect(
        server.get("/incidents/not-a-uuid").await,
        400,
        "malformed_id",
    );
    assert_eq!(e["field"], "id");
    let unknown = IncidentId::from_bytes([9; 16]);
    for path in ["", "/events", "/obligations", "/plan", "/outbox"] {
        expect(
            server.get(&format!("/incidents/{unknown}{path}")).await,
            404,
            "unknown_incident",
        );
    }
    expect(
        server
            .post(
                &format!("/incidents/{unknown}/commands"),
                &json!({"expected_version": 1, "command": {"type": "review"}}),
            )
            .await,
        404,
        "unknown_incident",
    );

    // 400: a malformed ?at=.
    let e = expect(
        server
            .get(&format!("/incidents/{id}/obligations?at=yesterday"))
            .await,
        400,
        "malformed_query",
    );
    assert_eq!(e["field"], "at");
    let (status, obligations) = server
        .get(&format!(
            "/incidents/{id}/obligations?at=2026-03-14T02:00:00Z"
        ))
        .await;
    assert_eq!(status, 200, "{obligations}");
    assert_eq!(obligations["at"], "2026-03-14T02:00:00Z");
    let (status, plan) = server
        .get(&format!("/incidents/{id}/plan?at=2026-03-14T02:00:00Z"))
        .await;
    assert_eq!(status, 200, "{plan}");
    assert_eq!(plan["entries"], json!([]));

    // 409: a stale or future version, and a second declaration of the same id.
    let e = expect(
        server
            .post(
                &commands,
                &json!({"expected_version": 0, "command": {"type": "add_note", "text": "x"}}),
            )
            .await,
        409,
        "version_conflict",
    );
    assert_eq!(e["current_version"], 1);
    expect(
        server
            .post(
                &commands,
                &json!({"expected_version": 5, "command": {"type": "add_note", "text": "x"}}),
            )
            .await,
        409,
        "version_conflict",
    );
    let declare = support::declaration(7, "Again", "owner");
    let e = expect(
        server
            .post("/incidents", &json!({"declare": declare, "actor": "soc"}))
            .await,
        409,
        "version_conflict",
    );
    assert_eq!(e["current_version"], 1);

    // 422: every unmet precondition, for commands and declarations.
    let e = expect(
        server
            .post(&commands, &json!({"expected_version": 1, "at": "2026-03-14T02:00:00Z", "command": {"type": "contain"}}))
            .await,
        422,
        "rejected",
    );
    let unmet: Vec<&str> = e["unmet"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap())
        .collect();
    assert!(unmet.len() >= 2, "{e}");
    assert_eq!(e["command"], "contain");
    assert_eq!(e["phase"], "detected");
    let e = expect(
        server
            .post(
                "/incidents",
                &json!({"declare": Declare::new(IncidentId::from_bytes([8; 16]), IncidentKind::DataBreach, "Bare"), "actor": "soc"}),
            )
            .await,
        422,
        "rejected",
    );
    assert!(!e["unmet"].as_array().unwrap().is_empty());
    expect(
        server
            .get(&format!("/incidents/{}", IncidentId::from_bytes([8; 16])))
            .await,
        404,
        "unknown_incident",
    );

    // Nothing above changed the incident.
    let (_, state) = server.get(&format!("/incidents/{id}")).await;
    assert_eq!(state["incident"]["version"], 1);
}
