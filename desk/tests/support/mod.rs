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

pub mod scenarios;
pub mod seed;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use incident_desk::{app, outbox, store, timer};
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
        let store = store::open(database).await.unwrap();
        let app = Arc::new(app::App::new(Arc::clone(&store), app::default_regulation()));
        app.rebuild().await.unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mut tasks = vec![tokio::spawn({
            let app = Arc::clone(&app);
            async move {
                app::serve(listener, app).await.unwrap();
            }
        })];
        if worker {
            tasks.push(tokio::spawn(outbox::run_worker(
                store,
                Arc::new(|_: &store::OutboxRow| {}),
                Duration::from_millis(20),
            )));
        }
        Server { addr, app, tasks }
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

    pub async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        request(self.addr, "POST", path, Some(body.to_string().as_bytes())).await
    }

    pub async fn post_raw(&self, path: &str, body: &[u8]) -> (u16, Value) {
        request(self.addr, "POST", path, Some(body)).await
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

/// One HTTP/1.1 request with `Connection: close`; the answer's status and JSON body
/// (`Value::Null` when the body is empty or not JSON).
pub async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&[u8]>,
) -> (u16, Value) {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let body = body.unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    // The server may answer (413) before reading a large body and close: ignore write errors.
    let _ = stream.write_all(body).await;
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw).await;
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> (u16, Value) {
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
    let mut body = raw[split + 4..].to_vec();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = dechunk(&body);
    }
    let value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    (status, value)
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
