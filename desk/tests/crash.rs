//! `kill -9` in the middle of writes: the `desk` binary is killed while four clients
//! append, then started again on the same database. Every write it acknowledged (200) is
//! in the log exactly once, and the log still verifies. And `kill -9` in the middle of
//! retrying webhooks: the restarted desk resumes them, with the attempt count going on
//! and the same delivery id, and records one receipt each. On SQLite here; on PostgreSQL
//! when asked for (`--ignored`, as `.ci/run` does, with `DATABASE_URL`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command as Process, Stdio};
use std::time::Duration;

use incident::{Envelope, Incident};
use incident_desk::access;
use serde_json::{json, Value};
use support::{postgres_url, raw_request, try_raw_request, TempDb};

const TOKEN: &str = "crash-token";

/// An access file in `dir` (created if need be) for one caller, `crash`, with every desk role.
fn access_file(dir: &std::path::Path) -> String {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/access.example.json");
    let mut file: Value = serde_json::from_str(&std::fs::read_to_string(example).unwrap()).unwrap();
    let roles: BTreeSet<String> = file["commands"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|r| {
            r.as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap().to_owned())
        })
        .collect();
    file["tokens"] = json!([{
        "sha256": access::hash_token(TOKEN), "actor": "crash", "roles": roles,
        "clearance": "internal"
    }]);
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("access.json");
    std::fs::write(&path, file.to_string()).unwrap();
    path.to_string_lossy().into_owned()
}

/// Starts the `desk` binary on `database` with `extra` options; the child, the address it
/// listens on and the rest of its stderr.
fn spawn(
    access: &str,
    database: &str,
    extra: &[&str],
) -> (
    Child,
    SocketAddr,
    std::io::Lines<BufReader<std::process::ChildStderr>>,
) {
    let mut child = Process::new(env!("CARGO_BIN_EXE_desk"))
        .args([
            "--access",
            access,
            "--database",
            database,
            "--listen",
            "127.0.0.1:0",
        ])
        .args(extra)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("the desk exited before listening"))
            .unwrap();
        if let Some(addr) = line.strip_prefix("desk: listening on http://") {
            break addr.parse().unwrap();
        }
    };
    (child, addr, lines)
}

/// Starts the `desk` binary on `database`; the child and the address it listens on.
fn start(access: &str, database: &str) -> (Child, SocketAddr) {
    let (child, addr, lines) = spawn(access, database, &[]);
    // Keep draining stderr so the desk never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, addr)
}

async fn post(addr: SocketAddr, path: &str, body: &Value) -> (u16, Value) {
    let headers = [
        ("Authorization", "Bearer crash-token"),
        ("Content-Type", "application/json"),
    ];
    let body = body.to_string();
    let answer = raw_request(addr, "POST", path, &headers, Some(body.as_bytes())).await;
    (answer.status, answer.body)
}

/// Appends notes as fast as it can (reloading on 409) until the desk stops answering;
/// the texts acknowledged with 200.
async fn writer(addr: SocketAddr, id: String, w: usize) -> Vec<String> {
    let path = format!("/incidents/{id}/commands");
    let headers = [
        ("Authorization", "Bearer crash-token"),
        ("Content-Type", "application/json"),
    ];
    let mut acknowledged = Vec::new();
    let mut version = 1;
    for n in 0..100_000 {
        let text = format!("writer {w} note {n}");
        let body =
            json!({"expected_version": version, "command": {"type": "add_note", "text": text}})
                .to_string();
        // The desk is killed under its clients: a refused or cut connection ends the writer.
        let Ok(answer) =
            try_raw_request(addr, "POST", &path, &headers, Some(body.as_bytes())).await
        else {
            break;
        };
        // An answer cut short by the kill (no complete JSON) acknowledges nothing.
        match (answer.status, answer.body["version"].as_u64()) {
            (200, Some(v)) => {
                version = v;
                acknowledged.push(text);
            }
            (409, _) => match answer.body["current_version"].as_u64() {
                Some(v) => version = v,
                None => break,
            },
            _ => break,
        }
    }
    acknowledged
}

async fn kill_mid_write_loses_nothing_acknowledged(database: &str) {
    let db_name = database
        .rsplit(['/', '='])
        .next()
        .unwrap_or("db")
        .to_owned();
    let dir = std::env::temp_dir().join(format!("desk-crash-{}-{db_name}", std::process::id()));
    let access = access_file(&dir);
    let (mut child, addr) = start(&access, database);
    let declare = support::declaration(0xc5, "Crash", "crash");
    let (status, body) = post(addr, "/incidents", &json!({"declare": declare})).await;
    assert_eq!(status, 201, "{body}");
    let id = body["incident_id"].as_str().unwrap().to_owned();

    let writers: Vec<_> = (0..4)
        .map(|w| tokio::spawn(writer(addr, id.clone(), w)))
        .collect();
    tokio::time::sleep(Duration::from_millis(400)).await;
    child.kill().unwrap(); // SIGKILL: no shutdown, no flush
    child.wait().unwrap();
    let mut acknowledged = Vec::new();
    for w in writers {
        acknowledged.extend(w.await.unwrap());
    }
    assert!(
        acknowledged.len() > 5,
        "too few writes before the kill: {}",
        acknowledged.len()
    );

    let (mut child, addr) = start(&access, database);
    let mut log: Vec<Envelope> = Vec::new();
    loop {
        let after = log.len();
        let answer = raw_request(
            addr,
            "GET",
            &format!("/incidents/{id}/events?after={after}"),
            &[("Authorization", "Bearer crash-token")],
            None,
        )
        .await;
        assert_eq!(answer.status, 200, "{:?}", answer.body);
        let page: Vec<Envelope> = serde_json::from_value(answer.body["events"].clone()).unwrap();
        log.extend(page);
        if answer.body["next_after"].is_null() {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let incident = Incident::replay(&log).expect("the log verifies after kill -9");
    let texts: Vec<&str> = incident.notes().iter().map(|n| n.text.as_str()).collect();
    for text in &acknowledged {
        assert_eq!(
            texts.iter().filter(|t| **t == text.as_str()).count(),
            1,
            "{text} was acknowledged, so it must be in the log exactly once"
        );
    }
    eprintln!(
        "kill -9: {} writes acknowledged, {} in the log after restart",
        acknowledged.len(),
        texts.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_mid_write_loses_no_acknowledged_write_on_sqlite() {
    let db = TempDb::new("crash");
    kill_mid_write_loses_nothing_acknowledged(&db.url()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn kill_9_mid_write_loses_no_acknowledged_write_on_postgres() {
    let url = support::fresh_schema(&postgres_url(), "crash").await;
    kill_mid_write_loses_nothing_acknowledged(&url).await;
}

/// SIGTERM (a service manager stopping the desk): the desk stops taking connections, lets
/// what is in flight finish, sends what the outbox holds and exits 0.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_cleanly_and_flushes_the_outbox() {
    let db = TempDb::new("sigterm");
    let dir = std::env::temp_dir().join(format!("desk-sigterm-{}", std::process::id()));
    let access = access_file(&dir);
    let (mut child, addr, lines) = spawn(&access, &db.url(), &["--outbox-every-ms", "3600000"]);
    let declare = support::declaration(0x5e, "Stop", "crash");
    let (status, body) = post(addr, "/incidents", &json!({"declare": declare})).await;
    assert_eq!(status, 201, "{body}");
    let pid = child.id().to_string();
    let term = Process::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(term.success());
    let rest: Vec<String> = lines.map(Result::unwrap).collect();
    let exit = child.wait().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(exit.success(), "exit {exit:?}: {rest:?}");
    assert!(
        rest.iter()
            .any(|l| l.contains("requests in flight have finished")),
        "{rest:?}"
    );
    assert!(
        rest.iter().any(|l| l.starts_with("desk: outbox flushed")),
        "{rest:?}"
    );
}

/// An access file in `dir` with the tokens of `support::test_access` (`token-<actor>`),
/// for driving the status scenario against the binary.
fn test_access_file(dir: &std::path::Path) -> String {
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join("access.json");
    let access = serde_json::to_string(&support::test_access()).unwrap();
    std::fs::write(&path, access).unwrap();
    path.to_string_lossy().into_owned()
}

/// GETs `path` from the desk at `addr` as `zhang.min`.
async fn get(addr: SocketAddr, path: &str) -> Value {
    let auth = [("Authorization", "Bearer token-zhang.min")];
    let answer = raw_request(addr, "GET", path, &auth, None).await;
    assert_eq!(answer.status, 200, "{path}: {:?}", answer.body);
    answer.body
}

/// The webhook rows of `id`'s outbox.
async fn webhook_rows(addr: SocketAddr, id: &str) -> Vec<Value> {
    let rows = get(addr, &format!("/incidents/{id}/outbox")).await;
    rows.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["payload"]["channel"] == "webhook")
        .cloned()
        .collect()
}

/// Polls the webhook rows of `id` until `done` holds for all four (20 s at most).
async fn rows_until(addr: SocketAddr, id: &str, what: &str, done: impl Fn(&Value) -> bool) {
    let mut rows = Vec::new();
    for _ in 0..200 {
        rows = webhook_rows(addr, id).await;
        if rows.len() == 4 && rows.iter().all(&done) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what}: not within 20 s: {rows:?}");
}

async fn kill_mid_retry_resumes_and_records_once(database: &str) {
    use support::receiver::{per_delivery, receiver_in, Mode};
    let tag = database
        .rsplit(['/', '='])
        .next()
        .unwrap_or("db")
        .to_owned();
    let dir = std::env::temp_dir().join(format!("desk-retry-{}-{tag}", std::process::id()));
    let access = test_access_file(&dir);
    // The default policy (2 s before the second attempt), loopback allowed.
    let options = ["--webhook-allow-private", "--outbox-every-ms", "50"];
    let (mut child, addr, lines) = spawn(&access, database, &options);
    std::thread::spawn(move || for _ in lines {});
    let (receiver, seen) = receiver_in(Mode::FailOnce).await;
    let auth = [
        ("Authorization", "Bearer token-zhang.min"),
        ("Content-Type", "application/json"),
    ];
    let subscription = json!({"customer": "C-1", "locale": "en", "components": [],
        "endpoint": {"type": "webhook", "url": format!("http://{receiver}/hook")}});
    let body = subscription.to_string();
    let answer = raw_request(addr, "POST", "/subscriptions", &auth, Some(body.as_bytes())).await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
    let (id, _) = support::drive_status_scenario_at(addr, None, &[]).await;

    // Every delivery had its first attempt (500) and waits for its second, unleased.
    rows_until(addr, &id, "first attempts stored", |r| {
        r["attempts"] == 1 && r["lease_owner"].is_null() && r["next_attempt_at"].is_string()
    })
    .await;
    child.kill().unwrap(); // SIGKILL, mid-retry
    child.wait().unwrap();
    let before = per_delivery(&seen);
    assert_eq!(before.len(), 4, "{before:?}");
    assert!(
        before.values().all(|n| *n == 1),
        "killed before any second attempt: {before:?}"
    );

    let (mut child, addr, lines) = spawn(&access, database, &options);
    std::thread::spawn(move || for _ in lines {});
    rows_until(addr, &id, "every row sent after the restart", |r| {
        r["sent_at"].is_string()
    })
    .await;
    let after = per_delivery(&seen);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    assert!(
        after.values().all(|n| *n == 2),
        "one more attempt each: {after:?}"
    );
    for row in webhook_rows(addr, &id).await {
        assert_eq!(row["attempts"], 2, "the count went on: {row}");
    }
    let events = get(addr, &format!("/incidents/{id}/events")).await;
    let receipts: Vec<&Value> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["event"])
        .filter(|e| e["type"] == "delivery_receipt_recorded")
        .collect();
    assert_eq!(receipts.len(), 4, "one receipt per delivery: {receipts:?}");
    for receipt in receipts {
        assert_eq!(receipt["outcome"], "delivered", "{receipt}");
        let detail = receipt["detail"].as_str().unwrap();
        assert_eq!(detail, "the receiver answered HTTP 200 (attempt 2)");
        let reference = receipt["provider_ref"].as_str().unwrap();
        let delivery = reference.strip_prefix("webhook ").unwrap();
        assert!(after.contains_key(delivery), "{reference}");
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_mid_retry_resumes_webhooks_and_records_each_once_on_sqlite() {
    let db = TempDb::new("crash-retry");
    kill_mid_retry_resumes_and_records_once(&db.url()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "needs DATABASE_URL pointing at a PostgreSQL server; .ci/run starts one"]
async fn kill_9_mid_retry_resumes_webhooks_and_records_each_once_on_postgres() {
    let url = support::fresh_schema(&postgres_url(), "crash_retry").await;
    kill_mid_retry_resumes_and_records_once(&url).await;
}
