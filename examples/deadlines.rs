//! Regulatory deadlines for a set of incident facts: reads a JSON document (a file argument
//! or stdin) and prints every obligation under the built-in regimes, or `--json` for
//! machine output.
//!
//! ```text
//! cargo run --example deadlines -- examples/data/securities_firm.json
//! cargo run --example deadlines -- --json < examples/data/securities_firm.json
//! ```
//!
//! The document:
//!
//! ```json
//! {
//!   "at": "2026-03-14T06:00:00Z",              // the moment statuses are computed for
//!   "profile": { ... },                         // EntityProfile: where and what the firm is
//!   "facts": { ... },                           // IncidentFacts (schema/incident_facts.json)
//!   "readings": { "alternatives": [] },         // optional: non-default readings
//!   "regimes": [ ... ]                          // optional: regimes that replace built-ins by id
//! }
//! ```
//!
//! Bad input prints one line naming the field and exits with code 2.

use std::io::Read;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use incident::regulation::{EntityProfile, IncidentFacts, Readings, Regime, Regulation};
use serde::Deserialize;

/// The input document.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    at: DateTime<Utc>,
    #[serde(default)]
    profile: EntityProfile,
    facts: IncidentFacts,
    #[serde(default)]
    readings: Readings,
    #[serde(default)]
    regimes: Vec<Regime>,
}

fn run() -> Result<String, String> {
    let mut json = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                return Ok("usage: deadlines [--json] [FILE]   (reads stdin without FILE)".into())
            }
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            other => path = Some(other.to_owned()),
        }
    }
    let text = match &path {
        Some(p) => std::fs::read_to_string(p).map_err(|e| format!("cannot read {p}: {e}"))?,
        None => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            s
        }
    };
    let source = path.as_deref().unwrap_or("stdin");
    let de = &mut serde_json::Deserializer::from_str(&text);
    let input: Input = serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        format!(
            "{source}: field `{field}`: {inner}",
            field = if field == "." {
                "(document)".into()
            } else {
                field
            }
        )
    })?;
    let mut regulation = Regulation::builtin(input.profile).with_readings(input.readings);
    for regime in input.regimes {
        regulation = regulation.with_regime(regime);
    }
    if let Some(problem) = regulation.problems().first() {
        return Err(format!("{source}: field `regimes`: {problem}"));
    }
    let obligations = regulation.obligations(&input.facts, input.at);
    if json {
        serde_json::to_string_pretty(&obligations).map_err(|e| e.to_string())
    } else {
        let mut out = format!(
            "Obligations at {} (UTC)\n\n{obligations}",
            input.at.format("%Y-%m-%d %H:%M")
        );
        if let Some(next) = regulation.next_deadline(&input.facts, input.at) {
            out.push_str(&format!(
                "\nnext timer: {}\n",
                next.format("%Y-%m-%d %H:%M UTC")
            ));
        }
        Ok(out)
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("deadlines: {}", e.replace('\n', " "));
            ExitCode::from(2)
        }
    }
}
