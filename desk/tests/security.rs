//! The desk as an attacker and an operator would try it, over HTTP on SQLite: no token,
//! an unknown token, the wrong desk role, a drafter approving their own notice, a
//! cross-origin or `text/plain` post, a reader below a fact's label, a client-chosen time;
//! and the HTTP contract around writes (ETag / If-Match, Location, pages).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use incident::comms::*;
use incident::id::*;
use incident::*;
use serde_json::{json, Value};
use support::{raw_request, seed, Answer, Server, TempDb};

/// Declares incident `[byte; 16]` (see [`support::declare_incident`]).
async fn declared(server: &Server, byte: u8) -> String {
    support::declare_incident(server, byte, "Security").await
}

/// Posts `command` as `actor` at the incident's current version.
async fn run(server: &Server, id: &str, actor: &str, command: &Command) -> (u16, Value) {
    let (_, state) = server.get(&format!("/incidents/{id}")).await;
    let version = state["incident"]["version"].as_u64().unwrap();
    server
        .post(
            &format!("/incidents/{id}/commands"),
            &json!({"expected_version": version, "actor": actor, "command": command}),
        )
        .await
}

fn note(text: &str) -> Value {
    json!({"expected_version": 1, "command": {"type": "add_note", "text": text}})
}

async fn post_with(server: &Server, path: &str, headers: &[(&str, &str)], body: &Value) -> Answer {
    let body = body.to_string();
    raw_request(server.addr, "POST", path, headers, Some(body.as_bytes())).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_valid_token_nothing_is_read_or_written() {
    let db = TempDb::new("auth");
    let server = Server::start(&db.url(), false).await;
    let id = declared(&server, 1).await;
    let commands = format!("/incidents/{id}/commands");
    let json_type = ("Content-Type", "application/json");
    for headers in [
        vec![json_type],
        vec![json_type, ("Authorization", "Bearer zhang.min")],
        vec![json_type, ("Authorization", "Bearer token-nobody")],
        vec![json_type, ("Authorization", "Basic dG9rZW4temhhbmcubWlu")],
    ] {
        let answer = post_with(&server, &commands, &headers, &note("x")).await;
        assert_eq!(answer.status, 401, "{headers:?}: {:?}", answer.body);
        assert_eq!(answer.body["code"], "unauthenticated");
        assert!(answer.headers["www-authenticate"].starts_with("Bearer"));
        let read = raw_request(
            server.addr,
            "GET",
            &format!("/incidents/{id}"),
            &headers,
            None,
        )
        .await;
        assert_eq!(read.status, 401);
        assert!(read.body.get("incident").is_none());
    }
    // Asking for incidents that do not exist leaves nothing behind in the desk's cache.
    let before = server.app.cached_incidents();
    for n in 0..50u8 {
        let unknown = IncidentId::from_bytes([n.wrapping_add(100); 16]);
        let (status, _) = server.get(&format!("/incidents/{unknown}")).await;
        assert_eq!(status, 404);
        let (status, _) = server
            .post(&format!("/incidents/{unknown}/commands"), &note("x"))
            .await;
        assert_eq!(status, 404);
    }
    assert_eq!(server.app.cached_incidents(), before);
    // Health needs no token; nothing was appended.
    let health = raw_request(server.addr, "GET", "/healthz", &[], None).await;
    assert_eq!((health.status, health.body), (200, json!({"status": "ok"})));
    let (_, state) = server.get(&format!("/incidents/{id}")).await;
    assert_eq!(state["incident"]["version"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_actor_is_the_tokens_and_a_role_outside_the_table_is_refused() {
    let db = TempDb::new("roles");
    let server = Server::start(&db.url(), false).await;
    let id = declared(&server, 2).await;
    // legal.only holds the desk role `legal`, which may not close or contain.
    let (status, body) = run(
        &server,
        &id,
        "legal.only",
        &Command::Contain {
            contained_at: Some(seed::at(2026, 3, 14, 2, 0)),
        },
    )
    .await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(body["code"], "forbidden");
    assert_eq!(body["roles_needed"], json!(["incident_owner"]));
    // A role the table lists is enough; the log names the token's actor.
    let (status, body) = run(
        &server,
        &id,
        "legal.only",
        &Command::AddNote {
            text: "seen".into(),
        },
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["events"][0]["actor"], "legal.only");
    // The care agent (customer_care) may not declare.
    let declare = Declare::new(
        IncidentId::from_bytes([3; 16]),
        IncidentKind::DataBreach,
        "x",
    )
    .detection(DetectionSource::Monitoring, seed::at(2026, 3, 14, 1, 0))
    .severity(Severity::Sev2);
    let (status, body) = server
        .post(
            "/incidents",
            &json!({"declare": declare, "actor": "care.agent"}),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("forbidden")),
        "{body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_drafter_of_a_notice_cannot_approve_it() {
    let db = TempDb::new("four-eyes");
    let server = Server::start(&db.url(), false).await;
    let id = declared(&server, 4).await;
    let mut draft = NoticeDraft::new(
        NoticeId::new("N-1").unwrap(),
        MessageKind::InitialNotice,
        Audience::Regulators,
    );
    draft.channels = [Channel::Email].into();
    let (status, body) = run(&server, &id, "li.na", &Command::DraftNotice(draft)).await;
    assert_eq!(status, 200, "{body}");
    let approve = Command::ApproveNotice {
        notice_id: NoticeId::new("N-1").unwrap(),
    };
    let (status, body) = run(&server, &id, "li.na", &approve).await;
    assert_eq!(status, 422, "{body}");
    let codes: Vec<&str> = body["unmet"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"self_approval"), "{body}");
    // Naming the drafter in the body changes nothing: the field is refused.
    let (_, state) = server.get(&format!("/incidents/{id}")).await;
    let version = state["incident"]["version"].as_u64().unwrap();
    let forged = format!(
        r#"{{"expected_version":{version},"actor":"chen.jie","command":{{"type":"approve_notice","notice_id":"N-1"}}}}"#
    );
    let (status, body) = server
        .post_raw(&format!("/incidents/{id}/commands"), forged.as_bytes())
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("unknown_field")),
        "{body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_origin_and_non_json_posts_are_refused() {
    let db = TempDb::new("csrf");
    let server = Server::start(&db.url(), false).await;
    let id = declared(&server, 5).await;
    let commands = format!("/incidents/{id}/commands");
    let auth = ("Authorization", "Bearer token-zhang.min");
    // A form post from another site: text/plain, with the browser's Origin.
    let form = post_with(
        &server,
        &commands,
        &[
            auth,
            ("Content-Type", "text/plain"),
            ("Origin", "https://evil.example"),
        ],
        &note("csrf"),
    )
    .await;
    assert_eq!(form.status, 403, "{:?}", form.body);
    assert_eq!(form.body["code"], "origin_not_allowed");
    let plain = post_with(
        &server,
        &commands,
        &[auth, ("Content-Type", "text/plain")],
        &note("x"),
    )
    .await;
    assert_eq!(plain.status, 415, "{:?}", plain.body);
    assert_eq!(plain.body["code"], "unsupported_media_type");
    let none = post_with(&server, &commands, &[auth], &note("x")).await;
    assert_eq!(none.status, 415);
    // The configured origin, with JSON, passes.
    let ok = post_with(
        &server,
        &commands,
        &[
            auth,
            ("Content-Type", "application/json; charset=utf-8"),
            ("Origin", "https://desk.example.com"),
        ],
        &note("from the desk's own page"),
    )
    .await;
    assert_eq!(ok.status, 200, "{:?}", ok.body);
    let (_, state) = server.get(&format!("/incidents/{id}")).await;
    assert_eq!(
        state["incident"]["version"], 2,
        "only the allowed post was appended"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_never_sees_what_is_labelled_above_their_clearance() {
    let db = TempDb::new("clearance");
    let server = Server::start(&db.url(), false).await;
    let id = declared(&server, 6).await;
    let fact = |key: &str, value: &str, sensitivity: Sensitivity| {
        Command::RecordFact(Fact {
            key: FactKey::new(key).unwrap(),
            value: FactValue::Literal {
                value: value.into(),
            },
            sensitivity,
            element: None,
        })
    };
    for command in [
        fact("c2_host", "203.0.113.66", Sensitivity::Internal),
        fact("hotline", "400-000-0000", Sensitivity::Public),
        Command::AddNote {
            text: "attacker still active on 203.0.113.66".into(),
        },
    ] {
        let (status, body) = run(&server, &id, "zhang.min", &command).await;
        assert_eq!(status, 200, "{body}");
    }
    let path = format!("/incidents/{id}");
    // The team sees everything.
    let (_, full) = server.get_as("zhang.min", &path).await;
    assert!(full.to_string().contains("203.0.113.66"));
    assert_eq!(full["withheld"], json!([]));
    // Legal (restricted) sees neither the internal fact nor the notes, anywhere.
    for reader in ["legal.only", "care.agent", "status.bot"] {
        for endpoint in ["", "/events", "/plan"] {
            let (_, answer) = server.get_as(reader, &format!("{path}{endpoint}")).await;
            assert!(
                !answer.to_string().contains("203.0.113.66"),
                "{reader} {endpoint}: {answer}"
            );
        }
    }
    let (status, state) = server.get_as("legal.only", &path).await;
    assert_eq!(status, 200);
    let withheld: Vec<&str> = state["withheld"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(withheld.contains(&"facts.c2_host"), "{state}");
    assert!(withheld.contains(&"notes"), "{state}");
    assert_eq!(
        state["incident"]["facts"]["hotline"]["value"]["value"],
        "400-000-0000"
    );
    assert!(
        state["incident"]["regulatory"].is_object(),
        "legal sees the filings"
    );
    // The log names each event it leaves out, so a gap is never silent.
    let (_, events) = server.get_as("legal.only", &format!("{path}/events")).await;
    let left_out: Vec<(u64, &str)> = events["withheld"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["seq"].as_u64().unwrap(), w["type"].as_str().unwrap()))
        .collect();
    assert_eq!(
        left_out,
        vec![(2, "fact_recorded"), (4, "note_added")],
        "{events}"
    );
    assert_eq!(events["events"].as_array().unwrap().len(), 2);
    // The care agent may not read the regulatory clocks or the outbox; the status bot sees
    // only the incident's identity, phase and severity.
    let (status, body) = server
        .get_as("care.agent", &format!("{path}/obligations"))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("clearance_too_low")),
        "{body}"
    );
    assert_eq!(body["clearance_needed"], "restricted");
    let (status, _) = server.get_as("care.agent", &format!("{path}/outbox")).await;
    assert_eq!(status, 403);
    let (_, public) = server.get_as("status.bot", &path).await;
    let members: Vec<&String> = public["incident"].as_object().unwrap().keys().collect();
    assert!(
        members.iter().all(|m| [
            "id",
            "version",
            "head",
            "kind",
            "title",
            "phase",
            "sub_status",
            "severity",
            "declared_at",
            "updated_at",
            "exercise",
            "facts"
        ]
        .contains(&m.as_str())),
        "{members:?}"
    );
    assert_eq!(public["incident"]["facts"].as_object().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recorded_at_is_the_desks_clock_and_never_goes_back() {
    let db = TempDb::new("clock");
    let server = Server::start(&db.url(), false).await;
    let id = declared(&server, 7).await;
    let commands = format!("/incidents/{id}/commands");
    // The test pins the desk's clock (this is the desk's own clock, not the request's).
    let (status, body) = server
        .post(
            &commands,
            &json!({"expected_version": 1, "at": seed::at(2026, 3, 14, 2, 0),
            "command": {"type": "add_note", "text": "on time"}}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["events"][0]["recorded_at"], "2026-03-14T02:00:00Z");
    // A desk whose clock runs behind the log (another instance's skew) refuses to backdate.
    let (status, body) = server
        .post(
            &commands,
            &json!({"expected_version": 2, "at": seed::at(1970, 1, 1, 0, 0),
            "command": {"type": "add_note", "text": "backdated"}}),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert!(body["unmet"].to_string().contains("backdated"), "{body}");
    let (_, events) = server.get(&format!("/incidents/{id}/events")).await;
    let times: Vec<&str> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["recorded_at"].as_str().unwrap())
        .collect();
    assert_eq!(times, ["2026-03-14T01:05:00Z", "2026-03-14T02:00:00Z"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn etags_locations_and_pages() {
    let db = TempDb::new("http");
    let server = Server::start(&db.url(), false).await;
    // 201 names where the incident lives.
    let declare = support::declaration(8, "Pages", "zhang.min");
    let auth = ("Authorization", "Bearer token-zhang.min");
    let json_type = ("Content-Type", "application/json");
    let created = post_with(
        &server,
        "/incidents",
        &[auth, json_type],
        &json!({"declare": declare}),
    )
    .await;
    assert_eq!(created.status, 201, "{:?}", created.body);
    let id = created.body["incident_id"].as_str().unwrap().to_owned();
    assert_eq!(created.headers["location"], format!("/incidents/{id}"));
    assert_eq!(created.headers["etag"], "\"1\"");
    // If-Match instead of expected_version; a stale one is 412.
    let commands = format!("/incidents/{id}/commands");
    let body = json!({"command": {"type": "add_note", "text": "one"}});
    let ok = post_with(
        &server,
        &commands,
        &[auth, json_type, ("If-Match", "\"1\"")],
        &body,
    )
    .await;
    assert_eq!(ok.status, 200, "{:?}", ok.body);
    assert_eq!(ok.headers["etag"], "\"2\"");
    let stale = post_with(
        &server,
        &commands,
        &[auth, json_type, ("If-Match", "\"1\"")],
        &body,
    )
    .await;
    assert_eq!(stale.status, 412, "{:?}", stale.body);
    assert_eq!(stale.body["current_version"], 2);
    let neither = post_with(&server, &commands, &[auth, json_type], &body).await;
    assert_eq!(
        (neither.status, neither.body["field"].as_str()),
        (400, Some("expected_version"))
    );
    let read = raw_request(
        server.addr,
        "GET",
        &format!("/incidents/{id}"),
        &[auth],
        None,
    )
    .await;
    assert_eq!(read.headers["etag"], "\"2\"");
    for n in 0..3 {
        let v = 2 + n;
        let (status, _) = server
            .post(&commands, &json!({"expected_version": v, "command": {"type": "add_note", "text": format!("n{n}")}}))
            .await;
        assert_eq!(status, 200);
    }
    // Events in pages: after=SEQ&limit=N, and where the next page starts.
    let (_, page) = server
        .get(&format!("/incidents/{id}/events?after=1&limit=2"))
        .await;
    let seqs: Vec<u64> = page["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["sequence"].as_u64().unwrap())
        .collect();
    assert_eq!(seqs, [2, 3]);
    assert_eq!(page["next_after"], 3);
    let (_, last) = server
        .get(&format!("/incidents/{id}/events?after=3&limit=2"))
        .await;
    assert_eq!(last["events"].as_array().unwrap().len(), 2);
    let (_, end) = server
        .get(&format!("/incidents/{id}/events?after=5&limit=2"))
        .await;
    assert_eq!(
        (end["events"].as_array().unwrap().len(), &end["next_after"]),
        (0, &Value::Null)
    );
    let (status, e) = server.get(&format!("/incidents/{id}/events?limit=0")).await;
    assert_eq!((status, e["field"].as_str()), (400, Some("limit")));
    // Incidents in pages, by id.
    declared(&server, 9).await;
    declared(&server, 10).await;
    let (_, first) = server.get("/incidents?limit=2").await;
    let ids: Vec<&str> = first["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["incident_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2);
    assert_eq!(first["next_after"], ids[1]);
    let (_, rest) = server
        .get(&format!("/incidents?limit=2&after={}", ids[1]))
        .await;
    assert_eq!(rest["incidents"].as_array().unwrap().len(), 1, "{rest}");
    assert_eq!(rest["next_after"], Value::Null);
    assert_eq!(first["incidents"][0]["version"], 5, "{first}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retried_write_with_its_idempotency_key_is_answered_once() {
    let db = TempDb::new("idempotency");
    let server = Server::start(&db.url(), false).await;
    let id = declared(&server, 11).await;
    let commands = format!("/incidents/{id}/commands");
    let auth = ("Authorization", "Bearer token-zhang.min");
    let json_type = ("Content-Type", "application/json");
    let key = ("Idempotency-Key", "3f1c-retry-1");
    let body = json!({"expected_version": 1, "command": {"type": "add_note", "text": "once"}});
    let first = post_with(&server, &commands, &[auth, json_type, key], &body).await;
    assert_eq!(first.status, 200, "{:?}", first.body);
    // The client never saw the answer and retries: the same answer, nothing appended twice.
    let again = post_with(&server, &commands, &[auth, json_type, key], &body).await;
    assert_eq!(again.status, 200, "{:?}", again.body);
    assert_eq!(again.body, first.body);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    let (_, state) = server.get(&format!("/incidents/{id}")).await;
    assert_eq!(state["incident"]["version"], 2);
    // The same key for another request is a client bug, not a retry.
    let other = json!({"expected_version": 2, "command": {"type": "add_note", "text": "twice"}});
    let reused = post_with(&server, &commands, &[auth, json_type, key], &other).await;
    assert_eq!(reused.status, 422, "{:?}", reused.body);
    assert_eq!(reused.body["code"], "idempotency_key_reused");
    // Keys are per caller: another actor's same key is another request.
    let li = ("Authorization", "Bearer token-li.na");
    let theirs = post_with(&server, &commands, &[li, json_type, key], &other).await;
    assert_eq!(theirs.status, 200, "{:?}", theirs.body);
    assert_eq!(theirs.body["events"][0]["actor"], "li.na");
    // A declaration too: 201 both times, one incident.
    let declare = support::declaration(12, "Once", "zhang.min");
    let body = json!({"declare": declare});
    let key = ("Idempotency-Key", "declare-12");
    let a = post_with(&server, "/incidents", &[auth, json_type, key], &body).await;
    let b = post_with(&server, "/incidents", &[auth, json_type, key], &body).await;
    assert_eq!((a.status, b.status), (201, 201), "{:?}", b.body);
    assert_eq!(a.body, b.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_plan_is_refused_with_its_limit() {
    let db = TempDb::new("plan-cap");
    let server = Server::start(&db.url(), false).await;
    let id = declared(&server, 13).await;
    let template = CommsPlan::reference().items[0].clone();
    let plan = CommsPlan {
        items: (0..=CommsPlan::MAX_ITEMS)
            .map(|i| PlanItem {
                id: PlanItemId::new(format!("update-{i}")).unwrap(),
                ..template.clone()
            })
            .collect(),
        ..CommsPlan::default()
    };
    let (status, body) = run(&server, &id, "li.na", &Command::AdoptCommsPlan { plan }).await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("more than the 200"),
        "{body}"
    );
    let (_, state) = server.get(&format!("/incidents/{id}")).await;
    assert_eq!(state["incident"]["comms_plan"], Value::Null);
}
