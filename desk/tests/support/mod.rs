//! Shared by the desk tests: a server on an ephemeral loopback port, a tiny HTTP/1.1
//! client over a raw `TcpStream`, the PostgreSQL URL, and the seed case recorded as the
//! steps to drive over HTTP.
#![allow(
    dead_code,
    unreachable_pub,
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod receiver;
pub mod scenarios;
pub mod seed;

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use incident_desk::access::{self, Access, TokenEntry};
use incident_desk::{app, delivery, http, outbox, status, store, timer};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// A temporary SQLite file, removed (with its WAL files) on drop.
pub struct TempDb {
    pub path: PathBuf,
}

impl TempDb {
    pub fn new(tag: &str) -> TempDb {
        static N: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        let path = std::env::temp_dir().join(format!(
            "desk-{tag}-{}-{}-{nanos}.sqlite3",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        TempDb { path }
    }

    pub fn url(&self) -> String {
        self.path.to_string_lossy().into_owned()
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.path.display()));
        }
    }
}

/// `DATABASE_URL`, which the PostgreSQL tests need. They are `#[ignore]`d, so they run only
/// when asked for (`--ignored`, as `.ci/run` does); asked for without a server, they fail
/// rather than pass silently.
pub fn postgres_url() -> String {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => url,
        _ => panic!(
            "DATABASE_URL is not set: the PostgreSQL desk tests need a PostgreSQL server, \
             e.g. DATABASE_URL=postgres://desk@127.0.0.1:5432/postgres (.ci/run starts a \
             throwaway one and sets it)"
        ),
    }
}

/// The actors the tests act as. Each has the token `token-<actor>`, every desk role of
/// `access.example.json` and clearance `internal`, except the three narrower callers below.
pub const ACTORS: &[&str] = &[
    "zhang.min",
    "li.na",
    "wang.fang",
    "ops.lead",
    "chen.jie",
    "dev.lead",
    "soc.oncall",
    "risk.lead",
    "hr.lead",
    "soc",
    "liu.yang",
    "zhao.lei",
    "sun.li",
    "qian.hao",
    "ceo",
    "comms.lead",
    "cfo",
    "legal.counsel",
    "ciso",
    "writer.0",
    "writer.1",
    "writer.2",
    "writer.3",
    "writer.4",
    "writer.5",
    "writer.6",
    "writer.7",
];

/// Who acts when a request names no actor.
pub const DEFAULT_ACTOR: &str = "zhang.min";

/// The access file the tests run with: the shipped `access.example.json` (so every
/// command it lists is reachable), a token per [`ACTORS`], plus `legal.only` (desk role
/// `legal`, clearance `restricted`), `care.agent` (`customer_care`, `customers`) and
/// `status.bot` (no role, `public`), and the browser origin `https://desk.example.com`.
pub fn test_access() -> Access {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/access.example.json");
    let mut access = Access::load(path).unwrap();
    let every_role: BTreeSet<String> = access.commands.values().flatten().cloned().collect();
    let entry = |actor: &str, roles: BTreeSet<String>, clearance: &str| {
        serde_json::from_value::<TokenEntry>(serde_json::json!({
            "sha256": access::hash_token(&format!("token-{actor}")),
            "actor": actor, "roles": roles, "clearance": clearance,
        }))
        .unwrap()
    };
    for actor in ACTORS {
        access
            .tokens
            .push(entry(actor, every_role.clone(), "internal"));
    }
    access.tokens.push(entry(
        "legal.only",
        ["legal".to_owned()].into(),
        "restricted",
    ));
    access.tokens.push(entry(
        "care.agent",
        ["customer_care".to_owned()].into(),
        "customers",
    ));
    access
        .tokens
        .push(entry("status.bot", BTreeSet::new(), "public"));
    access.origins.insert("https://desk.example.com".into());
    access.check().unwrap()
}

/// The clocks of the test desks, by address: `Some(t)` pins the desk's clock at `t` (a
/// request body's `at` sets it before the request is sent); `None` is the system clock.
static CLOCKS: Mutex<BTreeMap<SocketAddr, Option<DateTime<Utc>>>> = Mutex::new(BTreeMap::new());

fn set_clock(addr: SocketAddr, at: Option<DateTime<Utc>>) {
    CLOCKS.lock().unwrap().insert(addr, at);
}

/// `e` and its sources, joined with ": " (tokio-postgres's own message leaves out why).
pub fn with_sources(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

/// A plain connection (no pool) to `url`; panics when the server does not answer.
pub async fn plain(url: &str) -> tokio_postgres::Client {
    let connect = tokio_postgres::connect(url, tokio_postgres::NoTls);
    let (client, connection) = tokio::time::timeout(Duration::from_secs(30), connect)
        .await
        .unwrap_or_else(|_| {
            panic!("cannot connect to the PostgreSQL server DATABASE_URL names: no answer in 30 s")
        })
        .unwrap_or_else(|e| {
            panic!(
                "cannot connect to the PostgreSQL server DATABASE_URL names: {}",
                with_sources(&e)
            )
        });
    tokio::spawn(connection);
    client
}

/// A fresh schema in the database `url` names; the URL that makes it the search path.
pub async fn fresh_schema(url: &str, tag: &str) -> String {
    let client = plain(url).await;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let schema = format!("desk_{tag}_{}_{nanos}", std::process::id());
    client
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .await
        .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-csearch_path%3D{schema}")
}

/// The declaration the desk tests use: incident `[byte; 16]`, a data breach titled `title`,
/// detected by monitoring on 2026-03-14 01:00 UTC, SEV2, owned by `owner`.
pub fn declaration(byte: u8, title: &str, owner: &str) -> incident::Declare {
    incident::Declare::new(
        incident::IncidentId::from_bytes([byte; 16]),
        incident::IncidentKind::DataBreach,
        title,
    )
    .detection(
        incident::DetectionSource::Monitoring,
        seed::at(2026, 3, 14, 1, 0),
    )
    .severity(incident::Severity::Sev2)
    .owner(seed::actor(owner))
}

/// Declares incident `[byte; 16]` titled `title` as `soc`, the desk's clock at 2026-03-14
/// 01:05 UTC (detected at 01:00, SEV2, owned by `zhang.min`); its id.
pub async fn declare_incident(server: &Server, byte: u8, title: &str) -> String {
    let declare = declaration(byte, title, "zhang.min");
    let (status, body) = server
        .post(
            "/incidents",
            &serde_json::json!({"declare": declare, "actor": "soc", "at": seed::at(2026, 3, 14, 1, 5)}),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    body["incident_id"].as_str().unwrap().to_owned()
}

/// A desk on 127.0.0.1 with an ephemeral port.
pub struct Server {
    pub addr: SocketAddr,
    pub app: Arc<app::App>,
    tasks: Vec<JoinHandle<()>>,
}

impl Server {
    /// Opens `database`, rebuilds the state from it and serves; with `worker`, the outbox
    /// worker runs every 20 ms. The timer does not run (the seed's times lie in the past,
    /// so it would record alerts the reference log lacks); see [`Server::start_with_timer`].
    pub async fn start(database: &str, worker: bool) -> Server {
        let mut server = Server::start_with_site(database, status::StatusSite::default()).await;
        if worker {
            server.tasks.push(tokio::spawn(outbox::run_worker(
                Arc::clone(server.app.store()),
                Arc::new(|_: &store::OutboxRow| {}),
                Duration::from_millis(20),
            )));
        }
        server
    }

    /// As [`Server::start`] without the worker, the status pages with `site`'s board and
    /// webhook policy.
    pub async fn start_with_site(database: &str, site: status::StatusSite) -> Server {
        let store = store::open(database).await.unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        set_clock(addr, None);
        let clock: app::Clock = Arc::new(move || {
            CLOCKS
                .lock()
                .unwrap()
                .get(&addr)
                .copied()
                .flatten()
                .unwrap_or_else(|| DateTime::<Utc>::from(std::time::SystemTime::now()))
        });
        let app = Arc::new(
            app::App::new(Arc::clone(&store), app::default_regulation(), test_access())
                .with_clock(clock)
                .with_status(site),
        );
        app.rebuild().await.unwrap();
        let tasks = vec![tokio::spawn({
            let app = Arc::clone(&app);
            async move {
                http::serve(listener, app, std::future::pending())
                    .await
                    .unwrap();
            }
        })];
        Server { addr, app, tasks }
    }

    /// Starts the outbox worker (every 20 ms, other messages dropped) and the desk's
    /// durable webhook queue ([`delivery::run`], claiming every 20 ms).
    pub fn start_webhooks(&mut self) {
        self.tasks.push(tokio::spawn(delivery::run(
            Arc::clone(&self.app),
            Duration::from_millis(20),
            std::future::pending(),
        )));
        self.tasks.push(tokio::spawn(outbox::run_worker(
            Arc::clone(self.app.store()),
            Arc::new(|_: &store::OutboxRow| {}),
            Duration::from_millis(20),
        )));
    }

    /// As [`Server::start`] with the worker, plus the incidents' timer task (waking at least
    /// every 50 ms).
    pub async fn start_with_timer(database: &str) -> Server {
        let mut server = Server::start(database, true).await;
        server.tasks.push(tokio::spawn(timer::run(
            Arc::clone(&server.app),
            Duration::from_millis(50),
        )));
        server
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        request(self.addr, "GET", path, None).await
    }

    /// A GET as `actor`.
    pub async fn get_as(&self, actor: &str, path: &str) -> (u16, Value) {
        let auth = format!("Bearer token-{actor}");
        let answer = raw_request(self.addr, "GET", path, &[("Authorization", &auth)], None).await;
        (answer.status, answer.body)
    }

    pub async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        request(self.addr, "POST", path, Some(body.to_string().as_bytes())).await
    }

    /// Posts `body` exactly as given, as [`DEFAULT_ACTOR`].
    pub async fn post_raw(&self, path: &str, body: &[u8]) -> (u16, Value) {
        let auth = format!("Bearer token-{DEFAULT_ACTOR}");
        let headers = [
            ("Authorization", auth.as_str()),
            ("Content-Type", "application/json"),
        ];
        let answer = raw_request(self.addr, "POST", path, &headers, Some(body)).await;
        (answer.status, answer.body)
    }

    /// Stops serving and the worker.
    pub fn stop(mut self) {
        for t in self.tasks.drain(..) {
            t.abort();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

/// One HTTP/1.1 request as the tests write them: a JSON body's `actor` (default
/// [`DEFAULT_ACTOR`]) becomes the bearer token `token-<actor>` and its `at` pins the desk's
/// clock for this request (absent: the system clock); both are taken out of the body,
/// which the desk would otherwise refuse (`unknown_field`). The answer's status and JSON
/// body (`Value::Null` when empty or not JSON).
pub async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&[u8]>,
) -> (u16, Value) {
    let mut actor = DEFAULT_ACTOR.to_owned();
    let mut at = None;
    let mut body = body.map(<[u8]>::to_vec);
    if let Some(Ok(Value::Object(mut map))) = body.as_deref().map(serde_json::from_slice::<Value>) {
        if let Some(Value::String(a)) = map.remove("actor") {
            actor = a;
        }
        if let Some(t) = map.remove("at") {
            at = serde_json::from_value(t).ok();
        }
        body = Some(Value::Object(map).to_string().into_bytes());
    }
    set_clock(addr, at);
    let auth = format!("Bearer token-{actor}");
    let headers = [
        ("Authorization", auth.as_str()),
        ("Content-Type", "application/json"),
    ];
    let answer = raw_request(addr, method, path, &headers, body.as_deref()).await;
    (answer.status, answer.body)
}

/// An answer: status, headers (lower-case names) and JSON body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: BTreeMap<String, String>,
    pub body: Value,
    /// The body as text (HTML and Atom answers).
    pub text: String,
}

/// One HTTP/1.1 request with exactly `headers` (plus Host, Connection and Content-Length).
pub async fn raw_request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&[u8]>,
) -> Answer {
    match try_raw_request(addr, method, path, headers, body).await {
        Ok(answer) => answer,
        Err(why) => panic!("{method} {path}: {why}"),
    }
}

/// As [`raw_request`], but a connection refused or closed before an answer is an `Err`
/// (for tests that kill the desk under its clients).
pub async fn try_raw_request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&[u8]>,
) -> Result<Answer, String> {
    let mut stream = TcpStream::connect(addr)
        .await
        .map_err(|e| format!("cannot connect: {e}"))?;
    let body = body.unwrap_or_default();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    stream
        .write_all(head.as_bytes())
        .await
        .map_err(|e| format!("cannot send: {e}"))?;
    // The server may answer (413) before reading a large body and close: ignore write errors.
    let _ = stream.write_all(body).await;
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw).await;
    if !raw.windows(4).any(|w| w == b"\r\n\r\n") {
        return Err(format!(
            "no HTTP head in {:?}",
            String::from_utf8_lossy(&raw)
        ));
    }
    Ok(parse_response(&raw))
}

fn parse_response(raw: &[u8]) -> Answer {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no HTTP head in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line in {head}"));
    let headers: BTreeMap<String, String> = head
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers
        .get("transfer-encoding")
        .is_some_and(|v| v.contains("chunked"))
    {
        body = dechunk(&body);
    }
    let text = String::from_utf8_lossy(&body).into_owned();
    let body = serde_json::from_slice(&body).unwrap_or(Value::Null);
    Answer {
        status,
        headers,
        body,
        text,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&data[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[eol + 2..eol + 2 + size]);
        data = &data[eol + 2 + size + 2..];
    }
}

/// Drives the library's status scenario (`tests/golden/status/scenario.json`: disclosure,
/// two updates, a correction) over HTTP, declared with `incident_id` (the scenario's own
/// when `None`) and the affected `systems`; the incident's id and version.
pub async fn drive_status_scenario(
    server: &Server,
    incident_id: Option<&str>,
    systems: &[&str],
) -> (String, u64) {
    drive_status_scenario_at(server.addr, incident_id, systems).await
}

/// [`drive_status_scenario`] against the desk at `addr` (a `desk` process with the
/// tokens of [`test_access`]).
pub async fn drive_status_scenario_at(
    addr: SocketAddr,
    incident_id: Option<&str>,
    systems: &[&str],
) -> (String, u64) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/golden/status/scenario.json"
    );
    let steps: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut id = String::new();
    let mut version = 0;
    for mut step in steps {
        let actor = step["actor"].as_str().unwrap().to_owned();
        let (status, body) = if let Some(declare) = step.get_mut("declare") {
            if let Some(chosen) = incident_id {
                declare["incident_id"] = chosen.into();
            }
            declare["impact"]["systems"] = systems.iter().map(|s| Value::from(*s)).collect();
            let body = serde_json::json!({"declare": declare, "actor": actor});
            request(
                addr,
                "POST",
                "/incidents",
                Some(body.to_string().as_bytes()),
            )
            .await
        } else {
            let body = serde_json::json!({
                "command": step["command"], "expected_version": version, "actor": actor,
            });
            let path = format!("/incidents/{id}/commands");
            request(addr, "POST", &path, Some(body.to_string().as_bytes())).await
        };
        assert!(status == 200 || status == 201, "{step}: {status} {body}");
        id = body["incident_id"].as_str().unwrap().to_owned();
        version = body["version"].as_u64().unwrap();
    }
    (id, version)
}

/// The PostgreSQL tables of a desk from before the durable webhook queue (events and an
/// outbox without retry columns), for the upgrade tests.
pub const OLD_PG_SCHEMA: &str =
    "CREATE TABLE events (incident_id TEXT NOT NULL, seq BIGINT NOT NULL, \
     recorded_at TEXT NOT NULL, kind TEXT NOT NULL, envelope TEXT NOT NULL, \
     PRIMARY KEY (incident_id, seq));
     CREATE TABLE outbox (id BIGSERIAL PRIMARY KEY, incident_id TEXT NOT NULL, \
     item TEXT NOT NULL, occurrence BIGINT NOT NULL, notice_id TEXT NOT NULL, \
     payload TEXT NOT NULL, enqueued_at_seq BIGINT NOT NULL, sent_at TEXT, \
     UNIQUE (incident_id, item, occurrence, notice_id));
     CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;";
