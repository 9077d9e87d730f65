//! The end-to-end scenarios, run against SQLite (`tests/sqlite.rs`) and PostgreSQL
//! (`tests/postgres.rs`, when asked for).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use incident::actions::{ActionKind, NewAction};
use incident::classify::{DataCategory, Impact};
use incident::comms::*;
use incident::id::*;
use incident::*;
use serde_json::{json, Value};

use super::seed::{self, Desk, Step};
use super::Server;

/// Drives every step of a recorded seed case over HTTP and checks each answer: 201 for the
/// declaration, 200 with the next version for accepted commands, 422 with the same unmet
/// codes for rejected ones.
pub async fn drive(server: &Server, desk: &Desk) -> String {
    let mut version = 0u64;
    let mut id = String::new();
    for (n, step) in desk.steps.iter().enumerate() {
        match step {
            Step::Declare { declare, actor, at } => {
                let (status, body) = server
                    .post(
                        "/incidents",
                        &json!({"declare": declare, "actor": actor, "at": at}),
                    )
                    .await;
                assert_eq!(status, 201, "declare: {body}");
                id = body["incident_id"].as_str().unwrap().to_owned();
                version = body["version"].as_u64().unwrap();
            }
            Step::Command {
                command,
                actor,
                at,
                rejected,
            } => {
                let (status, body) = server
                    .post(
                        &format!("/incidents/{id}/commands"),
                        &json!({
                            "expected_version": version,
                            "actor": actor,
                            "at": at,
                            "command": command,
                        }),
                    )
                    .await;
                match rejected {
                    None => {
                        assert_eq!(status, 200, "step {n} {command:?}: {body}");
                        let next = body["version"].as_u64().unwrap();
                        let events = body["events"].as_array().unwrap();
                        assert_eq!(next, version + events.len() as u64);
                        version = next;
                    }
                    Some(codes) => {
                        assert_eq!(status, 422, "step {n} {command:?}: {body}");
                        assert_eq!(body["code"], "rejected");
                        let got: Vec<&str> = body["unmet"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|u| u["code"].as_str().unwrap())
                            .collect();
                        assert_eq!(got, *codes, "step {n}: {body}");
                    }
                }
            }
        }
    }
    id
}

/// Posts one command that must be accepted; returns the new version.
pub async fn run(server: &Server, id: &str, version: u64, by: &str, command: &Command) -> u64 {
    let (status, body) = server
        .post(
            &format!("/incidents/{id}/commands"),
            &json!({"expected_version": version, "actor": by, "command": command}),
        )
        .await;
    assert_eq!(status, 200, "{command:?}: {body}");
    body["version"].as_u64().unwrap()
}

/// Everything a restart must keep: state, log and outbox.
pub async fn snapshot(server: &Server, id: &str) -> (Value, Value, Value) {
    let (s1, state) = server.get(&format!("/incidents/{id}")).await;
    let (s2, events) = server.get(&format!("/incidents/{id}/events")).await;
    let (s3, outbox) = server.get(&format!("/incidents/{id}/outbox")).await;
    assert_eq!((s1, s2, s3), (200, 200, 200));
    (state["incident"].clone(), events["events"].clone(), outbox)
}

/// The platform-theft seed end to end over HTTP, then a planned message through the
/// outbox, then a restart: state, log and outbox are intact and the desk carries on.
pub async fn seed_and_restart(database: &str) {
    let desk = seed::platform_theft_until_review();
    let server = Server::start(database, true).await;
    let id = drive(&server, &desk).await;

    // The HTTP desk holds exactly what the in-memory reference holds.
    let (state, events, outbox) = snapshot(&server, &id).await;
    assert_eq!(state, serde_json::to_value(&desk.incident).unwrap());
    assert_eq!(events, serde_json::to_value(desk.log.envelopes()).unwrap());
    assert_eq!(outbox, json!([]), "no plan adopted yet, nothing to send");

    // Adopt the reference plan and send the satisfaction survey it schedules: approving
    // the planned notice enqueues it in the same transaction, the worker sends it.
    let mut version = desk.log.version();
    version = run(
        &server,
        &id,
        version,
        "li.na",
        &Command::AdoptCommsPlan {
            plan: CommsPlan::reference(),
        },
    )
    .await;
    let kind = MessageKind::Survey;
    let audience = Audience::AffectedCustomers;
    let mut draft = NoticeDraft::new(NoticeId::new("S-1").unwrap(), kind, audience);
    draft.channels = BTreeSet::from([Channel::Email]);
    draft.elements = required_elements(kind, audience).iter().copied().collect();
    draft.plan_item = Some(PlanItemId::new("satisfaction-survey").unwrap());
    version = run(
        &server,
        &id,
        version,
        // Drafted by the comms lead; the customer liaison (the plan item's approver)
        // approves it: four eyes.
        "li.na",
        &Command::DraftNotice(draft),
    )
    .await;
    let (_, outbox) = server.get(&format!("/incidents/{id}/outbox")).await;
    assert_eq!(outbox, json!([]), "a draft is not ready to send");
    let approve = Command::ApproveNotice {
        notice_id: NoticeId::new("S-1").unwrap(),
    };
    version = run(&server, &id, version, "chen.jie", &approve).await;
    let (_, plan) = server.get(&format!("/incidents/{id}/plan")).await;
    assert!(
        plan["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["item"] == "satisfaction-survey" && e["state"]["state"] == "approved"),
        "{plan}"
    );
    // Approving again is refused (already approved) and enqueues nothing twice.
    let (status, _) = server
        .post(
            &format!("/incidents/{id}/commands"),
            &json!({"expected_version": version, "actor": "chen.jie", "command": approve}),
        )
        .await;
    assert_eq!(status, 422);
    // A later append recomputes the ready list; the key keeps the row unique.
    version = run(
        &server,
        &id,
        version,
        "zhang.min",
        &Command::AddNote {
            text: "survey approved".into(),
        },
    )
    .await;

    let mut outbox = Value::Null;
    for _ in 0..200 {
        outbox = server.get(&format!("/incidents/{id}/outbox")).await.1;
        if outbox[0]["sent_at"].is_string() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let rows = outbox.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{outbox}");
    assert_eq!(rows[0]["item"], "satisfaction-survey");
    assert_eq!(rows[0]["notice_id"], "S-1");
    assert_eq!(rows[0]["occurrence"], 1);
    assert!(
        rows[0]["sent_at"].is_string(),
        "the worker sent it: {outbox}"
    );

    // Restart: a new desk on the same database rebuilds everything from the table.
    let before = snapshot(&server, &id).await;
    server.stop();
    let server = Server::start(database, false).await;
    let after = snapshot(&server, &id).await;
    assert_eq!(before, after);
    assert_eq!(after.0["version"].as_u64(), Some(version));
    let replayed: Vec<Envelope> = serde_json::from_value(after.1).unwrap();
    let incident = Incident::replay(&replayed).unwrap();
    assert_eq!(serde_json::to_value(&incident).unwrap(), after.0);

    // The desk carries on where it stopped: a stale version conflicts, the current one
    // closes the review.
    let (status, body) = server
        .post(
            &format!("/incidents/{id}/commands"),
            &json!({"expected_version": version - 1, "actor": "zhang.min", "command": {"type": "review"}}),
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["code"], "version_conflict");
    assert_eq!(body["current_version"].as_u64(), Some(version));
    run(&server, &id, version, "zhang.min", &Command::Review {}).await;
    let (_, state) = server.get(&format!("/incidents/{id}")).await;
    assert_eq!(state["incident"]["phase"], "reviewed", "{state}");
}

/// 8 concurrent writers append notes to one incident through two desk instances sharing
/// the database. Every accepted note is in the log exactly once, every refused one got a
/// 409 and is absent, and the sequence numbers are dense.
pub async fn eight_writers(database: &str, id_byte: u8) {
    let a = Server::start(database, false).await;
    let b = Server::start(database, false).await;
    let declare = Declare::new(
        IncidentId::from_bytes([id_byte; 16]),
        IncidentKind::DataBreach,
        "Concurrent writers",
    )
    .detection(DetectionSource::Monitoring, seed::at(2026, 3, 14, 1, 0))
    .severity(Severity::Sev3)
    .owner(seed::actor("owner"));
    let (status, body) = a
        .post(
            "/incidents",
            &json!({"declare": declare, "actor": "soc", "at": seed::at(2026, 3, 14, 1, 5)}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let id = body["incident_id"].as_str().unwrap().to_owned();

    const WRITERS: usize = 8;
    const ATTEMPTS: usize = 12;
    let servers = [a.addr, b.addr];
    let mut tasks = Vec::new();
    for w in 0..WRITERS {
        let addr = servers[w % 2];
        let id = id.clone();
        tasks.push(tokio::spawn(async move {
            let mut accepted = Vec::new();
            let mut refused = Vec::new();
            let (_, state) = super::request(addr, "GET", &format!("/incidents/{id}"), None).await;
            let mut version = state["incident"]["version"].as_u64().unwrap();
            for n in 0..ATTEMPTS {
                let text = format!("writer {w} note {n}");
                let body = json!({
                    "expected_version": version,
                    "actor": format!("writer.{w}"),
                    "command": {"type": "add_note", "text": text},
                });
                let (status, answer) = super::request(
                    addr,
                    "POST",
                    &format!("/incidents/{id}/commands"),
                    Some(body.to_string().as_bytes()),
                )
                .await;
                match status {
                    200 => {
                        version = answer["version"].as_u64().unwrap();
                        accepted.push(text);
                    }
                    409 => {
                        assert_eq!(answer["code"], "version_conflict", "{answer}");
                        let current = answer["current_version"].as_u64().unwrap();
                        assert!(current > version, "a 409 reports a newer version: {answer}");
                        version = current;
                        refused.push(text);
                    }
                    other => panic!("writer {w}: unexpected {other}: {answer}"),
                }
            }
            (accepted, refused)
        }));
    }
    let mut accepted = Vec::new();
    let mut refused = Vec::new();
    for t in tasks {
        let (a, r) = t.await.unwrap();
        accepted.extend(a);
        refused.extend(r);
    }
    assert_eq!(accepted.len() + refused.len(), WRITERS * ATTEMPTS);
    eprintln!(
        "{WRITERS} writers: {} appends accepted, {} refused with 409",
        accepted.len(),
        refused.len()
    );
    assert!(!accepted.is_empty());

    let (status, events) = b.get(&format!("/incidents/{id}/events")).await;
    assert_eq!(status, 200);
    let events = events["events"].as_array().unwrap();
    let sequences: Vec<u64> = events
        .iter()
        .map(|e| e["sequence"].as_u64().unwrap())
        .collect();
    let dense: Vec<u64> = (1..=events.len() as u64).collect();
    assert_eq!(sequences, dense, "sequence numbers are dense");
    assert_eq!(events.len(), 1 + accepted.len());
    let mut in_log: BTreeMap<String, usize> = BTreeMap::new();
    for e in &events[1..] {
        let text = e["event"]["text"].as_str().unwrap_or_else(|| panic!("{e}"));
        *in_log.entry(text.to_owned()).or_default() += 1;
    }
    for text in &accepted {
        assert_eq!(in_log.get(text), Some(&1), "{text} exactly once");
    }
    for text in &refused {
        assert_eq!(in_log.get(text), None, "{text} was refused");
    }
    // The stored chain verifies, and both instances agree on the state.
    let replayed: Vec<Envelope> = serde_json::from_value(Value::Array(events.clone())).unwrap();
    let incident = Incident::replay(&replayed).unwrap();
    assert_eq!(incident.notes().len(), accepted.len());
    let (_, sa) = a.get(&format!("/incidents/{id}")).await;
    let (_, sb) = b.get(&format!("/incidents/{id}")).await;
    assert_eq!(sa, sb);
    assert_eq!(sa["incident"], serde_json::to_value(&incident).unwrap());
}

/// Nobody touches an incident after declaring it, yet its log records what fell due: the
/// regulatory deadlines that passed (the breach was found three days ago) as missed clock
/// alerts, and an action due a moment later as overdue, each by the desk's timer at the
/// moment it fell due. Then nothing more is recorded: the timer is quiet once it caught up.
pub async fn timer_records_what_falls_due(database: &str) {
    let server = Server::start_with_timer(database).await;
    let now = wall_clock();
    let detected = now - chrono::Duration::days(3);
    let id = IncidentId::from_bytes([0x71; 16]);
    let mut impact = Impact::default();
    impact.people.estimated = Some(48_000);
    impact
        .data_categories
        .insert(DataCategory::IdentityDocument);
    let declare = Declare::new(
        id,
        IncidentKind::DataBreach,
        "Customer ID documents exfiltrated",
    )
    .detection(DetectionSource::NetworkTraffic, detected)
    .severity(Severity::Sev1)
    .owner(ActorId::new("zhang.min").unwrap())
    .impact(impact);
    let (status, body) = server
        .post(
            "/incidents",
            &json!({"declare": declare, "actor": "soc", "at": detected}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let path = format!("/incidents/{id}");
    // Graded major five minutes after detection: the CAC's one-hour clock starts, and
    // nobody files.
    let grade = Command::RecordGrade {
        grade: incident::regulation::CnGrade::Major,
        graded_at: None,
        basis: "personal information of 48,000 people, identity documents".into(),
        assessment: None,
        override_reason: None,
    };
    let (status, body) = server
        .post(
            &format!("{path}/commands"),
            &json!({"expected_version": 1, "actor": "zhang.min",
                    "at": detected + chrono::Duration::minutes(5), "command": grade}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // The regulatory deadlines already missed are recorded without anyone asking.
    let (alerts, events) = wait_for(&server, &path, |events| {
        events.iter().any(|e| e["event"]["type"] == "clock_alert")
    })
    .await;
    let (_, obligations) = server.get(&format!("{path}/obligations")).await;
    let missed: Vec<&Value> = obligations["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["status"]["status"] == "overdue")
        .collect();
    assert!(!missed.is_empty(), "no deadline passed: {obligations}");
    for o in &missed {
        assert!(
            alerts.iter().any(|e| e["event"]["regime"] == o["regime"]
                && e["event"]["report"] == o["report"]
                && e["event"]["kind"]["alert"] == "missed"
                && e["actor"] == "desk.timer"),
            "{}/{} missed but not recorded: {events:#}",
            o["regime"],
            o["report"]
        );
    }
    // An action due in a moment, then left alone: recorded overdue at its due time.
    let (_, state) = server.get(&path).await;
    let version = state["incident"]["version"].as_u64().unwrap();
    let due = wall_clock() + chrono::Duration::milliseconds(300);
    let add = Command::AddAction(NewAction {
        action_id: ActionId::new("C-1").unwrap(),
        kind: ActionKind::Containment,
        title: "Revoke the leaked API key".into(),
        owner: None,
        due: Some(due),
        measure: None,
    });
    run(&server, &id.to_string(), version, "soc", &add).await;
    let (overdue, _) = wait_for(&server, &path, |events| {
        events
            .iter()
            .any(|e| e["event"]["type"] == "overdue_recorded")
    })
    .await;
    let recorded = overdue
        .iter()
        .find(|e| e["event"]["type"] == "overdue_recorded")
        .unwrap();
    assert_eq!(recorded["actor"], "desk.timer");
    assert_eq!(recorded["event"]["action_id"], "C-1");
    let at: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(recorded["recorded_at"].clone()).unwrap();
    assert!(at >= due, "recorded at {at}, before the due time {due}");
    // Caught up: nothing more is recorded while nothing else falls due.
    let (_, before) = server.get(&format!("{path}/events")).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let (_, after) = server.get(&format!("{path}/events")).await;
    assert_eq!(before, after);
}

/// Polls the incident's events until `done` holds (at most 10 s); returns the events that
/// the timer recorded and the whole log.
async fn wait_for(
    server: &Server,
    path: &str,
    done: impl Fn(&[Value]) -> bool,
) -> (Vec<Value>, Value) {
    for _ in 0..200 {
        let (status, events) = server.get(&format!("{path}/events")).await;
        assert_eq!(status, 200, "{events}");
        let list = events["events"].as_array().unwrap().clone();
        if done(&list) {
            let by_timer = list
                .into_iter()
                .filter(|e| e["actor"] == "desk.timer")
                .collect();
            return (by_timer, events);
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the timer recorded nothing in 10 s");
}

/// The test's clock (the desk's own is the system clock too).
fn wall_clock() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from(std::time::SystemTime::now())
}
