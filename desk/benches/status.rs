//! The public status page under load, loopback only: `GET /status/{id}?lang=en` of the
//! status scenario's incident (`tests/golden/status/scenario.json`: 36 events, four
//! published updates) on SQLite.
//!
//! ## Load test (printed first, not a criterion measurement)
//!
//! 8 keep-alive clients, each stopping after 500 requests or 10 s, whichever comes
//! first; requests/s and nearest-rank p50/p99 of the client-side latencies:
//!
//! - `uncached`: no validator, so every answer renders the page (200, ~17 KB);
//! - `cached`: `If-None-Match` with the page's ETag (304, no body).
//!
//! ## Criterion: `desk/status_page`
//!
//! `render_html` (**baseline**: the cached page rendered in process, no HTTP),
//! `http_200` and `http_304`, one request per iteration on one connection.
//!
//! Run with `cargo bench -p incident-desk --bench status -- --warm-up-time 1
//! --measurement-time 3`; the figures are in the desk's README ("Status pages").

// Benches are test code: a failed setup should stop the run loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use incident::comms::TemplateSet;
use incident::locale::Locale;
use incident::status::{StatusBoard, StatusLinks, StatusPage, StatusView};
use incident::{ActorId, Command, Context, Declare, Envelope, Incident};
use incident_desk::access::Access;
use incident_desk::{app, http, store};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::runtime::Runtime;

const CLIENTS: usize = 8;
const PER_CLIENT: usize = 500;
const TIME_LIMIT: Duration = Duration::from_secs(10);

/// The scenario's log, as the library writes it (times a minute apart from 2026-03-15).
fn scenario_log() -> Vec<Envelope> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/golden/status/scenario.json"
    );
    let steps: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let t0 = Utc.with_ymd_and_hms(2026, 3, 15, 0, 0, 0).unwrap();
    let mut log: Vec<Envelope> = Vec::new();
    let mut incident: Option<Incident> = None;
    for (i, step) in steps.iter().enumerate() {
        let actor = ActorId::new(step["actor"].as_str().unwrap()).unwrap();
        let ctx = Context::new(actor, t0 + chrono::Duration::minutes(i as i64));
        let envelopes = match &incident {
            None => {
                let declare: Declare = serde_json::from_value(step["declare"].clone()).unwrap();
                Incident::declare(&declare, &ctx).unwrap()
            }
            Some(current) => {
                let command: Command = serde_json::from_value(step["command"].clone()).unwrap();
                current.execute(&command, &ctx).unwrap()
            }
        };
        log.extend(envelopes);
        incident = Some(Incident::replay(&log).unwrap());
    }
    log
}

/// A desk serving the scenario's incident on a fresh SQLite file; its address and the
/// page's path.
fn serve(rt: &Runtime, db: &std::path::Path) -> (SocketAddr, String) {
    rt.block_on(async {
        let store = store::open(&db.to_string_lossy()).await.unwrap();
        let log = scenario_log();
        let id = log[0].incident_id();
        store.append(id, 0, log, Vec::new(), None).await.unwrap();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/access.example.json");
        let desk = Arc::new(app::App::new(
            store,
            app::default_regulation(),
            Access::load(path).unwrap(),
        ));
        desk.rebuild().await.unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(http::serve(listener, desk, std::future::pending()));
        (addr, format!("/status/{id}?lang=en"))
    })
}

/// One keep-alive connection that GETs a page, with or without a validator.
struct Client {
    stream: BufReader<TcpStream>,
}

impl Client {
    async fn connect(addr: SocketAddr) -> Self {
        let stream = TcpStream::connect(addr).await.unwrap();
        stream.set_nodelay(true).unwrap();
        Self {
            stream: BufReader::new(stream),
        }
    }

    /// The status and the ETag of the answer to `GET path`.
    async fn get(&mut self, path: &str, if_none_match: Option<&str>) -> (u16, String) {
        let validator = if_none_match
            .map(|e| format!("If-None-Match: {e}\r\n"))
            .unwrap_or_default();
        let request = format!("GET {path} HTTP/1.1\r\nHost: status\r\n{validator}\r\n");
        let s = self.stream.get_mut();
        s.write_all(request.as_bytes()).await.unwrap();
        let mut head = Vec::new();
        let (mut status, mut etag, mut length) = (0, String::new(), 0_usize);
        loop {
            head.clear();
            self.stream.read_until(b'\n', &mut head).await.unwrap();
            let line = String::from_utf8_lossy(&head);
            if line == "\r\n" {
                break;
            }
            if let Some(code) = line.strip_prefix("HTTP/1.1 ") {
                status = code[..3].parse().unwrap();
            } else if let Some((k, v)) = line.split_once(':') {
                match k.to_ascii_lowercase().as_str() {
                    "etag" => etag = v.trim().to_owned(),
                    "content-length" => length = v.trim().parse().unwrap(),
                    _ => {}
                }
            }
        }
        let mut body = vec![0; length];
        self.stream.read_exact(&mut body).await.unwrap();
        (status, etag)
    }
}

/// p50 and p99 (nearest rank) of `latencies`, in ms.
fn percentiles(mut latencies: Vec<Duration>) -> (f64, f64) {
    latencies.sort();
    let rank = |p: usize| latencies[(latencies.len() * p).div_ceil(100).saturating_sub(1)];
    (rank(50).as_secs_f64() * 1e3, rank(99).as_secs_f64() * 1e3)
}

/// `CLIENTS` clients, each until `PER_CLIENT` requests or `TIME_LIMIT`.
fn load(rt: &Runtime, addr: SocketAddr, path: &str, etag: Option<&str>, expect: u16) {
    let (latencies, elapsed) = rt.block_on(async {
        let start = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..CLIENTS {
            let (path, etag) = (path.to_owned(), etag.map(str::to_owned));
            tasks.push(tokio::spawn(async move {
                let mut client = Client::connect(addr).await;
                let mut out = Vec::with_capacity(PER_CLIENT);
                while out.len() < PER_CLIENT && start.elapsed() < TIME_LIMIT {
                    let t = Instant::now();
                    let (status, _) = client.get(&path, etag.as_deref()).await;
                    out.push(t.elapsed());
                    assert_eq!(status, expect);
                }
                out
            }));
        }
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.unwrap());
        }
        (all, start.elapsed())
    });
    let count = latencies.len();
    let (p50, p99) = percentiles(latencies);
    let name = if etag.is_some() {
        "cached (If-None-Match → 304)"
    } else {
        "uncached (200, rendered)"
    };
    println!(
        "status load: {name:<30} {count:>6} requests  {:>8.0} req/s  p50 {p50:>7.3} ms  p99 {p99:>7.3} ms",
        count as f64 / elapsed.as_secs_f64()
    );
}

fn status(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let db = std::env::temp_dir().join(format!("desk-status-bench-{}.sqlite3", std::process::id()));
    let (addr, path) = serve(&rt, &db);
    let etag = rt.block_on(async { Client::connect(addr).await.get(&path, None).await.1 });
    load(&rt, addr, &path, None, 200);
    load(&rt, addr, &path, Some(&etag), 304);

    let mut group = c.benchmark_group("desk/status_page");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    group.warm_up_time(Duration::from_secs(1));
    let page = StatusPage::from_log(&scenario_log()).unwrap().unwrap();
    let (templates, board) = (TemplateSet::builtin(), StatusBoard::default());
    let links = StatusLinks {
        page: "http://127.0.0.1/status/x".into(),
        feed: "http://127.0.0.1/status/x/feed.atom".into(),
    };
    let view = StatusView {
        locale: Locale::En,
        zone: Locale::En.default_time_zone(),
        templates: &templates,
        board: &board,
        links: &links,
        at: chrono::DateTime::<Utc>::from(std::time::SystemTime::now()),
    };
    group.bench_function("render_html", |b| b.iter(|| page.html(&view)));
    for (name, validator) in [("http_200", None), ("http_304", Some(etag.as_str()))] {
        let mut client = rt.block_on(Client::connect(addr));
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                rt.block_on(async {
                    let start = Instant::now();
                    for _ in 0..iters {
                        client.get(&path, validator).await;
                    }
                    start.elapsed()
                })
            });
        });
    }
    group.finish();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

criterion_group!(benches, status);
criterion_main!(benches);
