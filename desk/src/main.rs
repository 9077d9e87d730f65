//! The incident desk: a JSON HTTP service over the `incident` crate, with an append-only
//! event table, a transactional outbox and a worker that sends what the comms plan marks
//! ready.
//!
//! ```text
//! cargo run -p incident-desk                                   # SQLite file desk.sqlite3
//! cargo run -p incident-desk -- --database /tmp/desk.sqlite3 --listen 127.0.0.1:8080
//! cargo run -p incident-desk -- --database postgres://desk@127.0.0.1:5432/desk
//! ```
//!
//! Options: `--database` (a SQLite path, or a `postgres://` URL; several instances may
//! share one PostgreSQL database), `--listen` (default `127.0.0.1:8080`), `--profile`
//! (a JSON `EntityProfile` for the regulatory clocks), `--outbox-every-ms` (default 500).
//! See the crate's `README.md`.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use incident::regulation::Regulation;
use incident_desk::{app, outbox, store, timer};

struct Options {
    database: String,
    listen: String,
    profile: Option<String>,
    outbox_every: Duration,
}

const USAGE: &str = "usage: desk [--database PATH|postgres://URL] [--listen ADDR] \
                     [--profile PROFILE.json] [--outbox-every-ms N]";

fn options() -> Result<Options, String> {
    let mut o = Options {
        database: "desk.sqlite3".into(),
        listen: "127.0.0.1:8080".into(),
        profile: None,
        outbox_every: Duration::from_millis(500),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            return Err(USAGE.into());
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--database" => o.database = value,
            "--listen" => o.listen = value,
            "--profile" => o.profile = Some(value),
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

async fn run(o: Options) -> Result<(), String> {
    let regulation = regulation(o.profile.as_deref())?;
    let store = store::open(&o.database)
        .await
        .map_err(|e| format!("{}: {e}", o.database))?;
    let desk = Arc::new(app::App::new(Arc::clone(&store), regulation));
    let (incidents, events) = desk.rebuild().await?;
    eprintln!(
        "desk: rebuilt {incidents} incidents ({events} events) from {}",
        o.database
    );
    let worker = tokio::spawn(outbox::run_worker(
        store,
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
    let served = tokio::select! {
        r = app::serve(listener, desk) => r.map_err(|e| e.to_string()),
        _ = tokio::signal::ctrl_c() => Ok(()),
    };
    worker.abort();
    timer.abort();
    served
}

fn main() -> ExitCode {
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
