//! A webhook receiver on loopback (axum on 127.0.0.1:0) for the desk tests: it keeps
//! every request (signature, delivery id, body) and answers as its [`Mode`] says.

use std::collections::{BTreeMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};

/// What the receiver saw: one entry per request (signature header, delivery id, body).
#[derive(Default)]
pub struct Seen {
    pub requests: Vec<(String, String, String)>,
    failed_once: HashSet<String>,
}

pub type Shared = Arc<Mutex<Seen>>;

/// How a test receiver answers.
#[derive(Clone, Copy)]
pub enum Mode {
    /// 500 to the first attempt of each delivery, 200 to the next.
    FailOnce,
    /// 503 to every attempt.
    Down,
    /// 200 to every attempt, after a pause (so two senders would overlap).
    Slow(Duration),
}

async fn hook(
    State((seen, mode)): State<(Shared, Mode)>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let delivery = header("incident-delivery");
    let first = {
        let mut seen = seen.lock().unwrap();
        seen.requests.push((
            header("incident-signature"),
            delivery.clone(),
            String::from_utf8(body.to_vec()).unwrap(),
        ));
        seen.failed_once.insert(delivery)
    };
    match mode {
        Mode::FailOnce if first => StatusCode::INTERNAL_SERVER_ERROR,
        Mode::FailOnce => StatusCode::OK,
        Mode::Down => StatusCode::SERVICE_UNAVAILABLE,
        Mode::Slow(pause) => {
            tokio::time::sleep(pause).await;
            StatusCode::OK
        }
    }
}

/// A receiver answering as `mode` says, at `http://<address>/hook`.
pub async fn receiver_in(mode: Mode) -> (SocketAddr, Shared) {
    let seen = Shared::default();
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(hook))
        .with_state((Arc::clone(&seen), mode));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (addr, seen)
}

/// How many requests the receiver saw per delivery id.
pub fn per_delivery(seen: &Shared) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for (_, delivery, _) in &seen.lock().unwrap().requests {
        *counts.entry(delivery.clone()).or_default() += 1;
    }
    counts
}
