//! The incident desk: a JSON HTTP service over the `incident` crate, with an append-only
//! event table, a transactional outbox and a worker that sends what the comms plan marks
//! ready.
//!
//! ```text
//! desk new-token --actor li.na --role incident_owner --clearance internal
//! desk --access access.json                                  # SQLite file desk.sqlite3
//! desk --access access.json --database postgres://desk@127.0.0.1:5432/desk
//! ```
//!
//! Options: `--access` (the access file: token hashes, roles, origins; required),
//! `--database` (a SQLite path, or a `postgres://` URL; several instances may share one
//! PostgreSQL database), `--listen` (default `127.0.0.1:8080`; put a TLS-terminating proxy
//! in front), `--profile` (a JSON `EntityProfile` for the regulatory clocks),
//! `--playbooks` (the firm's playbooks: a JSON file holding one or an array, or a directory
//! of them; validated at start, added to the built-ins), `--outbox-every-ms` (default 500),
//! `--status-board` (the components and scheduled maintenance the public status pages show,
//! schema `status_board`), `--public-url` (the address the public reaches the pages at, for
//! their links and feed ids; default `http://` and the listen address),
//! `--webhook-allow-private` (let subscribers' webhooks reach loopback and private
//! addresses; off by default, see `incident_desk::delivery`). SIGTERM or Ctrl-C
//! stops taking connections, lets the requests in flight and the webhook attempts in
//! flight finish and flushes the outbox once (pending webhooks resume at the next start).
//! See the crate's `README.md`.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use incident::regulation::Regulation;
use incident::status::StatusBoard;
use incident_desk::access::{self, Access};
use incident_desk::{app, delivery, http, outbox, playbooks, status, store, timer};

struct Options {
    access: Option<String>,
    database: String,
    listen: String,
    profile: Option<String>,
    playbooks: Option<String>,
    outbox_every: Duration,
    status_board: Option<String>,
    public_url: Option<String>,
    webhook_allow_private: bool,
}

const USAGE: &str = "usage: desk --access ACCESS.json [--database PATH|postgres://URL] \
                     [--listen ADDR] [--profile PROFILE.json] [--playbooks FILE|DIR] \
                     [--outbox-every-ms N] [--status-board BOARD.json] [--public-url URL] \
                     [--webhook-allow-private]\n       \
                     desk new-token --actor NAME [--role ROLE]... [--clearance LABEL]";

fn options() -> Result<Options, String> {
    let mut o = Options {
        access: None,
        database: "desk.sqlite3".into(),
        listen: "127.0.0.1:8080".into(),
        profile: None,
        playbooks: None,
        outbox_every: Duration::from_millis(500),
        status_board: None,
        public_url: None,
        webhook_allow_private: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            return Err(USAGE.into());
        }
        if flag == "--webhook-allow-private" {
            o.webhook_allow_private = true;
            continue;
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--access" => o.access = Some(value),
            "--database" => o.database = value,
            "--listen" => o.listen = value,
            "--profile" => o.profile = Some(value),
            "--playbooks" => o.playbooks = Some(value),
            "--status-board" => o.status_board = Some(value),
            "--public-url" => o.public_url = Some(value),
            "--outbox-every-ms" => {
                let ms: u64 = value
                    .parse()
                    .map_err(|e| format!("--outbox-every-ms {value}: {e}"))?;
                o.outbox_every = Duration::from_millis(ms.max(1));
            }
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    Ok(o)
}

fn regulation(profile: Option<&str>) -> Result<Regulation, String> {
    let Some(path) = profile else {
        return Ok(app::default_regulation());
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let profile = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    Ok(Regulation::builtin(profile))
}

/// The public status pages' board (`--status-board`, none by default) and the address
/// the public reaches the desk at (`--public-url`, else `http://` and the listen address).
fn status_site(o: &Options) -> Result<status::StatusSite, String> {
    let board = match &o.status_board {
        None => StatusBoard::default(),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?
        }
    };
    let url = o
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", o.listen));
    let policy = delivery::WebhookPolicy {
        allow_private: o.webhook_allow_private,
        ..delivery::WebhookPolicy::default()
    };
    Ok(status::StatusSite::new(board, &url)
        .map_err(|e| format!("--status-board: {e}"))?
        .with_webhook_policy(policy))
}

async fn run(o: Options) -> Result<(), String> {
    let access = match &o.access {
        Some(path) => Access::load(path).map_err(|e| e.to_string())?,
        None => {
            return Err(format!(
                "--access is required: the desk admits only callers with a token the access \
                 file lists (see desk/README.md; `desk new-token` makes one)\n{USAGE}"
            ))
        }
    };
    let regulation = regulation(o.profile.as_deref())?;
    let shown = store::redact_url(&o.database);
    // The store's errors name the database with its password hidden.
    let store = store::open(&o.database).await.map_err(|e| e.to_string())?;
    // The firm's playbooks are validated now: a bad plan stops the desk here.
    let firm = match &o.playbooks {
        Some(path) => playbooks::load(std::path::Path::new(path))?,
        None => Vec::new(),
    };
    let catalogue = playbooks::Catalogue::default().with(firm);
    let site = status_site(&o)?;
    let desk = Arc::new(
        app::App::new(Arc::clone(&store), regulation, access)
            .with_playbooks(catalogue)
            .with_status(site),
    );
    let (incidents, events) = desk.rebuild().await?;
    eprintln!("desk: rebuilt {incidents} incidents ({events} events) from {shown}");
    // Every incident's status fold, so the first page shows every linked component.
    status::fold_all(&desk)
        .await
        .map_err(|e| e.message().to_owned())?;
    // Webhook rows: the durable queue (real, signed POSTs, their retries stored in the
    // outbox, so a restart resumes them); the other rows are logged by the outbox worker.
    let (stop_webhooks, stopped) = tokio::sync::oneshot::channel::<()>();
    let webhooks = tokio::spawn(delivery::run(
        Arc::clone(&desk),
        o.outbox_every,
        async move {
            let _ = stopped.await;
        },
    ));
    let worker = tokio::spawn(outbox::run_worker(
        Arc::clone(&store),
        outbox::log_sender(),
        o.outbox_every,
    ));
    // The incidents' one timer: records missed deadlines and overdue actions and messages
    // while nobody touches an incident.
    let timer = tokio::spawn(timer::run(Arc::clone(&desk), Duration::from_secs(30)));
    let listener = tokio::net::TcpListener::bind(&o.listen)
        .await
        .map_err(|e| format!("{}: {e}", o.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    eprintln!("desk: listening on http://{addr}");
    let served = http::serve(listener, desk, shutdown_signal())
        .await
        .map_err(|e| e.to_string());
    eprintln!("desk: stopping; requests in flight have finished");
    timer.abort();
    worker.abort();
    // What the last requests enqueued goes out before the process ends (webhooks stay
    // in the outbox: the next start sends them).
    match outbox::flush(store.as_ref(), outbox::log_sender()).await {
        Ok(n) => eprintln!("desk: outbox flushed ({n} sent)"),
        Err(e) => eprintln!("desk: outbox not flushed: {e}"),
    }
    // The webhook attempts in flight store their outcome (each ends within its timeout);
    // the pending ones resume at the next start, at their stored next attempt.
    let _ = stop_webhooks.send(());
    if tokio::time::timeout(Duration::from_secs(30), webhooks)
        .await
        .is_err()
    {
        eprintln!(
            "desk: webhook attempts still in flight were abandoned; their rows are taken \
             again when their lease ends"
        );
    }
    served
}

/// Completes on SIGTERM (a service manager stopping the desk) or Ctrl-C.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// `desk new-token`: prints a fresh token and the access-file entry for it.
fn new_token(args: &[String]) -> Result<(), String> {
    let mut actor = None;
    let mut roles = Vec::new();
    let mut clearance = "internal".to_owned();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--actor" => actor = Some(value.clone()),
            "--role" => roles.push(value.clone()),
            "--clearance" => clearance = value.clone(),
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    let actor = actor.ok_or_else(|| format!("new-token needs --actor\n{USAGE}"))?;
    let token = access::new_token().map_err(|e| format!("no random source: {e}"))?;
    let entry = serde_json::json!({
        "sha256": access::hash_token(&token),
        "actor": actor,
        "roles": roles,
        "clearance": clearance,
    });
    // The entry must parse as the access file reads it.
    let _: access::TokenEntry = serde_json::from_value(entry.clone()).map_err(|e| e.to_string())?;
    eprintln!("token for {actor} (hand it over privately; the desk keeps only its hash):");
    println!("{token}");
    eprintln!("add to \"tokens\" in the access file:\n{entry}");
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("new-token") {
        return match new_token(args.get(1..).unwrap_or_default()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(2)
            }
        };
    }
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("desk: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(o)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("desk: {e}");
            ExitCode::FAILURE
        }
    }
}
