//! Benchmarks and a bounded load test of the desk service on SQLite, loopback only.
//!
//! Each append is one `add_note` command: load (cached state refreshed from the table),
//! decide, insert with the expected version in a transaction (plus the outbox check),
//! apply.
//!
//! ## Load test (printed first, not a criterion measurement)
//!
//! Per-request latencies measured by the client, nearest-rank p50/p99:
//!
//! - `one incident`: 2,000 sequential appends to one incident over HTTP (keep-alive).
//! - `1,000 incidents`: 1,000 incidents declared first, then 8 concurrent clients append 4
//!   notes to each (4,000 appends).
//! - **baselines**, same run, same commands: `in-memory EventLog` (decide + append +
//!   apply, no I/O) and `SQLite store, no HTTP` (decide + the store's transactional append
//!   on the same kind of file).
//!
//! ## Criterion: `desk/append_one_incident`
//!
//! `in_memory_event_log` (**baseline**), `sqlite_store_direct` (baseline without HTTP) and
//! `http`, one append per iteration.
//!
//! Run with `cargo bench -p incident-desk --bench desk -- --warm-up-time 1
//! --measurement-time 3`; the figures measured on the 2-core development machine are in
//! the desk's README ("Throughput").

// Benches are test code: a failed setup should stop the run loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use incident::comms::{Audience, Channel, CommsPlan, MessageKind, PlanItem, PlanTrigger};
use incident::id::PlanItemId;
use incident::{
    ActorId, Command, Context, Declare, DetectionSource, EventLog, Incident, IncidentId,
    IncidentKind, Phase, Role, Severity,
};
use incident_desk::access::{self, Access};
use incident_desk::{app, http, store};
use serde_json::json;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::runtime::Runtime;

const ONE_INCIDENT: usize = 2_000;
const INCIDENTS: usize = 1_000;
const PER_INCIDENT: usize = 4;
const CLIENTS: usize = 8;
const APPENDS: usize = 300;

/// A temporary SQLite file, removed on drop.
struct TempDb(PathBuf);

impl TempDb {
    fn new(tag: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        Self(std::env::temp_dir().join(format!(
            "desk-bench-{tag}-{}-{nanos}.sqlite3",
            std::process::id()
        )))
    }

    fn url(&self) -> String {
        self.0.to_string_lossy().into_owned()
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

fn id(n: usize) -> IncidentId {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&(n as u64).to_be_bytes());
    bytes[15] = 0xd5;
    IncidentId::from_bytes(bytes)
}

fn declare(n: usize) -> Declare {
    let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 1, 0, 0).unwrap();
    Declare::new(id(n), IncidentKind::DataBreach, "Bench")
        .detection(DetectionSource::Monitoring, t0)
        .severity(Severity::Sev3)
        .owner(ActorId::new("owner").unwrap())
}

fn note(n: usize) -> Command {
    Command::AddNote {
        text: format!("note {n}"),
    }
}

fn ctx() -> Context<'static> {
    Context::new(
        ActorId::new("bench").unwrap(),
        Utc.with_ymd_and_hms(2026, 3, 14, 2, 0, 0).unwrap(),
    )
}

/// A keep-alive HTTP/1.1 connection.
struct Conn {
    stream: BufReader<TcpStream>,
}

impl Conn {
    async fn open(addr: SocketAddr) -> Self {
        let stream = TcpStream::connect(addr).await.unwrap();
        stream.set_nodelay(true).unwrap();
        Self {
            stream: BufReader::new(stream),
        }
    }

    /// POSTs `body`; the status and the body.
    async fn post(&mut self, path: &str, body: &[u8]) -> (u16, Vec<u8>) {
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n\
             Authorization: Bearer {TOKEN}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        let s = self.stream.get_mut();
        s.write_all(head.as_bytes()).await.unwrap();
        s.write_all(body).await.unwrap();
        self.read_answer().await
    }

    /// Reads one answer (Content-Length framed); its status and body.
    async fn read_answer(&mut self) -> (u16, Vec<u8>) {
        let mut line = String::new();
        self.stream.read_line(&mut line).await.unwrap();
        let status: u16 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        let mut length = 0;
        loop {
            line.clear();
            self.stream.read_line(&mut line).await.unwrap();
            if line == "\r\n" {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse().unwrap();
                }
            }
        }
        let mut out = vec![0; length];
        self.stream.read_exact(&mut out).await.unwrap();
        (status, out)
    }

    /// GETs `path`; the status and the JSON body.
    async fn get(&mut self, path: &str) -> (u16, serde_json::Value) {
        let head =
            format!("GET {path} HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {TOKEN}\r\n\r\n");
        self.stream
            .get_mut()
            .write_all(head.as_bytes())
            .await
            .unwrap();
        let (status, body) = self.read_answer().await;
        (status, serde_json::from_slice(&body).unwrap_or_default())
    }

    /// Declares incident `n` (201 expected).
    async fn declare(&mut self, n: usize) {
        let body = json!({"declare": declare(n)});
        let (status, answer) = self.post("/incidents", body.to_string().as_bytes()).await;
        assert_eq!(status, 201, "{}", String::from_utf8_lossy(&answer));
    }

    /// Appends a note at `version` (200 expected); returns the new version.
    async fn append(&mut self, n: usize, version: u64, text: usize) -> u64 {
        let body = json!({
            "expected_version": version,
            "command": note(text),
        });
        let (status, answer) = self
            .post(
                &format!("/incidents/{}/commands", id(n)),
                body.to_string().as_bytes(),
            )
            .await;
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&answer));
        version + 1
    }
}

/// The bench's one caller: `bench`, every desk role of `access.example.json`.
const TOKEN: &str = "bench-token";

fn bench_access() -> Access {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/access.example.json");
    let mut access = Access::load(path).unwrap();
    let roles: Vec<String> = access.commands.values().flatten().cloned().collect();
    access.tokens.push(
        serde_json::from_value(json!({
            "sha256": access::hash_token(TOKEN), "actor": "bench", "roles": roles,
            "clearance": "internal"
        }))
        .unwrap(),
    );
    access
}

/// A desk on a fresh SQLite file, serving on an ephemeral loopback port.
fn serve(rt: &Runtime, db: &TempDb) -> SocketAddr {
    rt.block_on(async {
        let store = store::open(&db.url()).await.unwrap();
        let desk = Arc::new(app::App::new(
            store,
            app::default_regulation(),
            bench_access(),
        ));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(http::serve(listener, desk, std::future::pending()));
        addr
    })
}

/// A fresh SQLite store at `db` holding incident 0's declaration, and that incident.
async fn declared_store(db: &TempDb) -> (Arc<dyn store::Store>, Incident) {
    let store = store::open(&db.url()).await.unwrap();
    let first = Incident::declare(&declare(0), &ctx()).unwrap();
    store
        .append(id(0), 0, first.clone(), Vec::new(), None)
        .await
        .unwrap();
    (store, Incident::replay(&first).unwrap())
}

/// Appends per second and nearest-rank p50/p99 of `latencies` over `elapsed`.
fn report(name: &str, latencies: Vec<Duration>, elapsed: Duration) {
    let count = latencies.len();
    let (p50, p99) = percentiles(latencies);
    println!(
        "desk load: {name:<44} {count:>6} appends  {:>9.0} appends/s  p50 {p50:>8.3} ms  p99 {p99:>8.3} ms",
        count as f64 / elapsed.as_secs_f64(),
    );
}

fn load_test(rt: &Runtime) {
    // Baseline 1: the in-memory reference log.
    let mut incident = Incident::replay(&Incident::declare(&declare(0), &ctx()).unwrap()).unwrap();
    let mut log = EventLog::new(id(0));
    log.append(0, &Incident::declare(&declare(0), &ctx()).unwrap())
        .unwrap();
    let mut latencies = Vec::with_capacity(ONE_INCIDENT);
    let start = Instant::now();
    for n in 0..ONE_INCIDENT {
        let t = Instant::now();
        let envelopes = incident.execute(&note(n), &ctx()).unwrap();
        log.append(incident.version(), &envelopes).unwrap();
        for e in &envelopes {
            incident.apply(e).unwrap();
        }
        latencies.push(t.elapsed());
    }
    report(
        "baseline: in-memory EventLog, one incident",
        latencies,
        start.elapsed(),
    );

    // Baseline 2: the same appends straight to the SQLite store, no HTTP.
    let db = TempDb::new("direct");
    rt.block_on(async {
        let (store, mut incident) = declared_store(&db).await;
        let mut latencies = Vec::with_capacity(ONE_INCIDENT);
        let start = Instant::now();
        for n in 0..ONE_INCIDENT {
            let t = Instant::now();
            let envelopes = incident.execute(&note(n), &ctx()).unwrap();
            store
                .append(
                    id(0),
                    incident.version(),
                    envelopes.clone(),
                    Vec::new(),
                    None,
                )
                .await
                .unwrap();
            for e in &envelopes {
                incident.apply(e).unwrap();
            }
            latencies.push(t.elapsed());
        }
        report(
            "baseline: SQLite store, no HTTP, one incident",
            latencies,
            start.elapsed(),
        );
    });

    // The desk over HTTP: one incident.
    let db = TempDb::new("one");
    let addr = serve(rt, &db);
    rt.block_on(async {
        let mut conn = Conn::open(addr).await;
        conn.declare(0).await;
        let mut version = 1;
        let mut latencies = Vec::with_capacity(ONE_INCIDENT);
        let start = Instant::now();
        for n in 0..ONE_INCIDENT {
            let t = Instant::now();
            version = conn.append(0, version, n).await;
            latencies.push(t.elapsed());
        }
        report("desk over HTTP, one incident", latencies, start.elapsed());
    });

    // The desk over HTTP: 1,000 incidents, 8 clients.
    let db = TempDb::new("many");
    let addr = serve(rt, &db);
    rt.block_on(async {
        let mut conn = Conn::open(addr).await;
        for n in 0..INCIDENTS {
            conn.declare(n).await;
        }
        let start = Instant::now();
        let mut tasks = Vec::new();
        for c in 0..CLIENTS {
            tasks.push(tokio::spawn(async move {
                let mut conn = Conn::open(addr).await;
                let mine: Vec<usize> = (c..INCIDENTS).step_by(CLIENTS).collect();
                let mut versions = vec![1u64; mine.len()];
                let mut latencies = Vec::new();
                for round in 0..PER_INCIDENT {
                    for (k, n) in mine.iter().enumerate() {
                        let t = Instant::now();
                        versions[k] = conn.append(*n, versions[k], round).await;
                        latencies.push(t.elapsed());
                    }
                }
                latencies
            }));
        }
        let mut latencies = Vec::new();
        for t in tasks {
            latencies.extend(t.await.unwrap());
        }
        report(
            "desk over HTTP, 1,000 incidents, 8 clients",
            latencies,
            start.elapsed(),
        );
    });
}

/// The largest plan the crate accepts, at its densest: `CommsPlan::MAX_ITEMS` items, two of
/// them hourly updates to customers while the incident is detected (48 a day, the most a
/// plan may schedule), the rest due an hour after detection.
fn largest_plan() -> CommsPlan {
    CommsPlan {
        items: (0..CommsPlan::MAX_ITEMS)
            .map(|i| PlanItem {
                id: PlanItemId::new(format!("item-{i}")).unwrap(),
                kind: MessageKind::Update,
                audience: Audience::AffectedCustomers,
                channels: [Channel::Email].into(),
                trigger: if i < 2 {
                    PlanTrigger::Cadence {
                        every_hours: 1,
                        while_in: [Phase::Detected].into(),
                    }
                } else {
                    PlanTrigger::Phase {
                        phase: Phase::Detected,
                        within_minutes: 60,
                    }
                },
                approver: Role::CommsLead,
            })
            .collect(),
        ..CommsPlan::default()
    }
}

/// An incident declared on 2026-03-14 (so by now months old), written straight to the
/// store with `notes` notes and, with `plan`, that plan adopted; then the desk appends
/// `APPENDS` notes to it over HTTP. The per-append latencies.
fn appends_after(rt: &Runtime, tag: &str, notes: usize, plan: Option<CommsPlan>) -> Vec<Duration> {
    let db = TempDb::new(tag);
    rt.block_on(async {
        let (store, mut incident) = declared_store(&db).await;
        let mut commands: Vec<Command> = plan
            .into_iter()
            .map(|plan| Command::AdoptCommsPlan { plan })
            .collect();
        commands.extend((0..notes).map(note));
        for chunk in commands.chunks(500) {
            let mut batch = Vec::new();
            let base = incident.version();
            for command in chunk {
                for e in incident.execute(command, &ctx()).unwrap() {
                    incident.apply(&e).unwrap();
                    batch.push(e);
                }
            }
            store
                .append(id(0), base, batch, Vec::new(), None)
                .await
                .unwrap();
        }
    });
    let addr = serve(rt, &db);
    rt.block_on(async {
        let mut conn = Conn::open(addr).await;
        let (_, state) = conn.get(&format!("/incidents/{}", id(0))).await;
        let mut version = state["incident"]["version"].as_u64().unwrap();
        let mut latencies = Vec::with_capacity(APPENDS);
        for n in 0..APPENDS {
            let t = Instant::now();
            version = conn.append(0, version, n).await;
            latencies.push(t.elapsed());
        }
        latencies
    })
}

/// p50 and p99 of `latencies`, in ms.
fn percentiles(mut latencies: Vec<Duration>) -> (f64, f64) {
    latencies.sort();
    let rank = |p: usize| latencies[(latencies.len() * p).div_ceil(100).saturating_sub(1)];
    (rank(50).as_secs_f64() * 1e3, rank(99).as_secs_f64() * 1e3)
}

/// What one append costs as the incident grows: 1 event (the baseline), 20,000 events, and
/// the largest plan the crate accepts (200 items, 48 cadence messages a day) adopted months
/// ago. Goals: each within 1.5× of the baseline.
fn append_cost(rt: &Runtime) {
    let (p50, p99) = percentiles(appends_after(rt, "cost-small", 0, None));
    println!("desk append cost: baseline, 1 event            p50 {p50:>8.3} ms  p99 {p99:>8.3} ms");
    for (name, notes, plan) in [
        ("20,000 events", 20_000, None),
        ("largest plan, months old", 0, Some(largest_plan())),
    ] {
        let (q50, q99) = percentiles(appends_after(rt, "cost", notes, plan));
        println!(
            "desk append cost: {name:<28} p50 {q50:>8.3} ms  p99 {q99:>8.3} ms  ({:.2}× / {:.2}× the baseline)",
            q50 / p50,
            q99 / p99
        );
    }
}

fn desk(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    append_cost(&rt);
    load_test(&rt);

    let mut group = c.benchmark_group("desk/append_one_incident");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    group.warm_up_time(Duration::from_secs(1));

    // State lives outside the closures: criterion calls them once per sample.
    let first = Incident::declare(&declare(0), &ctx()).unwrap();
    let mut incident = Incident::replay(&first).unwrap();
    let mut log = EventLog::new(id(0));
    log.append(0, &first).unwrap();
    let mut n = 0;
    group.bench_function("in_memory_event_log", |b| {
        b.iter(|| {
            n += 1;
            let envelopes = incident.execute(&note(n), &ctx()).unwrap();
            log.append(incident.version(), &envelopes).unwrap();
            for e in &envelopes {
                incident.apply(e).unwrap();
            }
        });
    });

    let db = TempDb::new("crit-direct");
    let (store, mut incident) = rt.block_on(async { declared_store(&db).await });
    let mut n = 0;
    group.bench_function("sqlite_store_direct", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let start = Instant::now();
                for _ in 0..iters {
                    n += 1;
                    let envelopes = incident.execute(&note(n), &ctx()).unwrap();
                    store
                        .append(
                            id(0),
                            incident.version(),
                            envelopes.clone(),
                            Vec::new(),
                            None,
                        )
                        .await
                        .unwrap();
                    for e in &envelopes {
                        incident.apply(e).unwrap();
                    }
                }
                start.elapsed()
            })
        });
    });

    let db = TempDb::new("crit-http");
    let addr = serve(&rt, &db);
    let mut conn = rt.block_on(async {
        let mut conn = Conn::open(addr).await;
        conn.declare(0).await;
        conn
    });
    let mut version = 1;
    let mut n = 0;
    group.bench_function("http", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let start = Instant::now();
                for _ in 0..iters {
                    n += 1;
                    version = conn.append(0, version, n).await;
                }
                start.elapsed()
            })
        });
    });
    group.finish();
}

criterion_group!(benches, desk);
criterion_main!(benches);
