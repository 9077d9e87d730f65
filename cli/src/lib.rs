//! A command-line view of one incident's event log: reads the log as JSON Lines (a file
//! argument, or stdin without one or with `-`), replays it (verifying the hash chain) and
//! prints what was asked.
//!
//! ```text
//! cargo run -p incident-cli -- <command> [options] [FILE]
//!
//! commands:
//!   status        id, title, kind, severity, phase, version, head digest, owner, open
//!                 actions, notices, next regulatory deadline
//!   timeline      one line per event: sequence, time (UTC), actor, what happened
//!   obligations   every regulatory obligation at --at, as a table
//!   review        the post-incident review as Markdown
//!   validate      parse every line and replay; prints `ok: N events, head <digest>`
//!
//! options:
//!   --at RFC3339     the moment for status, obligations and review (default: the time of
//!                    the last event); earlier than the last event, the incident is
//!                    replayed from the events recorded up to then, as the desk stood
//!   --lang zh-CN|en  the review's language (default en)
//!   --tz IANA        the zone review times and status's next deadline are shown in
//!                    (default Asia/Shanghai, the home zone of the seed cases)
//!   --profile FILE   an EntityProfile as JSON (`$defs/EntityProfile` in schema/regulation.json;
//!                    e.g. examples/data/securities_firm_profile.json) for the regulatory
//!                    clocks of status, obligations and review; without it the
//!                    profile is empty (`EntityProfile::new()`), so regimes that select on
//!                    where the firm is established or what kind of entity it is show as
//!                    not applicable or undetermined
//!   --json           machine output for status, obligations and review
//! ```
//!
//! Exit codes: 0 ok; 1 the log does not replay (broken hash chain, sequence gap or
//! duplicate, an event that cannot apply), naming the offending line; 2 bad usage or
//! unreadable input (a missing file, a line that is not an envelope, an empty log), with
//! a one-line message naming the line. Every command replays the whole log first, so a
//! damaged log fails the same way whichever command is asked.
//!
//! The logic is in [`run`], which `src/main.rs` calls with the process's streams and
//! `tests/cli.rs` with in-memory ones.

use std::io::{Read, Write};

use chrono::{DateTime, Utc};
use incident::actions::ActionStatus;
use incident::chain::DecodeError;
use incident::locale::Locale;
use incident::locale::Zone;
use incident::regulation::{EntityProfile, Regulation};
use incident::review::ReviewReport;
use incident::{Envelope, Incident};

/// One line of usage, shown with a usage error.
const USAGE: &str = "usage: incident_cli <status|timeline|obligations|review|validate> [--at RFC3339] [--lang zh-CN|en] [--tz IANA] [--profile FILE] [--json] [FILE|-]";

/// Validation failed: the log does not replay.
const EXIT_INVALID: u8 = 1;
/// Bad usage or unreadable input.
const EXIT_USAGE: u8 = 2;

/// What to print.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cmd {
    Status,
    Timeline,
    Obligations,
    Review,
    Validate,
}

impl Cmd {
    fn parse(s: &str) -> Option<Cmd> {
        Some(match s {
            "status" => Cmd::Status,
            "timeline" => Cmd::Timeline,
            "obligations" => Cmd::Obligations,
            "review" => Cmd::Review,
            "validate" => Cmd::Validate,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Cmd::Status => "status",
            Cmd::Timeline => "timeline",
            Cmd::Obligations => "obligations",
            Cmd::Review => "review",
            Cmd::Validate => "validate",
        }
    }

    /// Whether `option` means something for this command.
    fn accepts(self, option: &str) -> bool {
        match option {
            "--at" | "--profile" => matches!(self, Cmd::Status | Cmd::Obligations | Cmd::Review),
            "--json" => matches!(self, Cmd::Status | Cmd::Obligations | Cmd::Review),
            "--lang" => self == Cmd::Review,
            "--tz" => matches!(self, Cmd::Status | Cmd::Review),
            _ => false,
        }
    }
}

/// The parsed command line.
struct Options {
    cmd: Cmd,
    at: Option<DateTime<Utc>>,
    lang: Locale,
    tz: Zone,
    profile: Option<String>,
    json: bool,
    file: Option<String>,
}

/// A failure: the exit code, a one-line message and whether to show the usage line.
struct Failure {
    code: u8,
    message: String,
    show_usage: bool,
}

fn usage(message: impl Into<String>) -> Failure {
    Failure {
        code: EXIT_USAGE,
        message: message.into(),
        show_usage: true,
    }
}

fn bad_input(message: impl Into<String>) -> Failure {
    Failure {
        code: EXIT_USAGE,
        message: message.into(),
        show_usage: false,
    }
}

fn parse_args(args: &[String]) -> Result<Option<Options>, Failure> {
    let mut iter = args.iter();
    let Some(first) = iter.next() else {
        return Err(usage("missing command"));
    };
    if first == "-h" || first == "--help" {
        return Ok(None);
    }
    let cmd = Cmd::parse(first).ok_or_else(|| usage(format!("unknown command `{first}`")))?;
    let mut options = Options {
        cmd,
        at: None,
        lang: Locale::En,
        tz: Zone::SHANGHAI,
        profile: None,
        json: false,
        file: None,
    };
    while let Some(arg) = iter.next() {
        let arg = arg.as_str();
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        if arg.starts_with("--") {
            if !matches!(arg, "--at" | "--lang" | "--tz" | "--profile" | "--json") {
                return Err(usage(format!("unknown option {arg}")));
            }
            if !cmd.accepts(arg) {
                return Err(usage(format!("{arg} does not apply to {}", cmd.name())));
            }
            if arg == "--json" {
                options.json = true;
                continue;
            }
            let value = iter
                .next()
                .ok_or_else(|| usage(format!("{arg} needs a value")))?;
            match arg {
                "--at" => {
                    let at = DateTime::parse_from_rfc3339(value).map_err(|e| {
                        usage(format!(
                            "--at: `{value}` is not an RFC 3339 time ({e}); e.g. 2026-05-06T10:00:00Z"
                        ))
                    })?;
                    options.at = Some(at.with_timezone(&Utc));
                }
                "--lang" => {
                    options.lang = value.parse().map_err(|_| {
                        usage(format!(
                            "--lang: `{value}` is not supported; use zh-CN or en"
                        ))
                    })?;
                }
                "--tz" => {
                    options.tz = value.parse().map_err(|_| {
                        usage(format!(
                            "--tz: `{value}` is not an IANA time zone, e.g. Asia/Shanghai or UTC"
                        ))
                    })?;
                }
                _ => options.profile = Some(value.clone()),
            }
        } else if arg.starts_with('-') && arg != "-" {
            return Err(usage(format!("unknown option {arg}")));
        } else if options.file.is_some() {
            return Err(usage(format!("more than one input file (`{arg}`)")));
        } else {
            options.file = Some(arg.to_owned());
        }
    }
    Ok(Some(options))
}

/// The input's name in messages.
fn source_name(file: Option<&str>) -> &str {
    match file {
        None | Some("-") => "stdin",
        Some(path) => path,
    }
}

fn read_input(file: Option<&str>, stdin: &mut dyn Read) -> Result<Vec<u8>, Failure> {
    match file {
        None | Some("-") => {
            let mut bytes = Vec::new();
            stdin
                .read_to_end(&mut bytes)
                .map_err(|e| bad_input(format!("cannot read stdin: {e}")))?;
            Ok(bytes)
        }
        Some(path) => {
            std::fs::read(path).map_err(|e| bad_input(format!("cannot read {path}: {e}")))
        }
    }
}

/// Non-blank lines with their 1-based numbers (`\r\n` accepted), as the crate reads them.
fn lines(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> + '_ {
    bytes
        .split(|b| *b == b'\n')
        .enumerate()
        .filter_map(|(i, line)| {
            let text = line.strip_suffix(b"\r").unwrap_or(line);
            (!text.iter().all(u8::is_ascii_whitespace)).then_some((i + 1, text))
        })
}

/// Decodes every line; the first malformed one is a usage failure naming it.
fn parse_log(bytes: &[u8], source: &str) -> Result<Vec<(usize, Envelope)>, Failure> {
    let mut out = Vec::new();
    for (line, text) in lines(bytes) {
        let envelope = Envelope::from_json(text).map_err(|e| {
            let why = match e {
                DecodeError::Malformed { message, .. } => {
                    format!("not a valid envelope: {message}")
                }
                DecodeError::UnsupportedSchemaVersion {
                    found, supported, ..
                } => format!(
                    "schema version {found}; this build reads up to {supported}: upgrade the incident crate"
                ),
                other => other.to_string(),
            };
            bad_input(format!("{source}: line {line}: {why}"))
        })?;
        out.push((line, envelope));
    }
    if out.is_empty() {
        return Err(bad_input(format!(
            "{source}: no events (empty log): an incident's log starts with incident_declared"
        )));
    }
    Ok(out)
}

/// Replays the parsed log; a failure names the line of the envelope it points at.
fn replay(log: &[(usize, Envelope)], source: &str) -> Result<Incident, Failure> {
    let envelopes: Vec<Envelope> = log.iter().map(|(_, e)| e.clone()).collect();
    Incident::replay(&envelopes).map_err(|e| {
        // Replay walks the log in order, so the error's sequence is the position + 1 of
        // the envelope it stopped at.
        let line = e
            .sequence()
            .and_then(|s| usize::try_from(s).ok())
            .and_then(|s| s.checked_sub(1))
            .and_then(|i| log.get(i))
            .map(|(line, _)| *line);
        let at = match line {
            Some(line) => format!("line {line}"),
            None => "after the last line".to_owned(),
        };
        Failure {
            code: EXIT_INVALID,
            message: format!("{source}: {at}: {e}"),
            show_usage: false,
        }
    })
}

fn load_profile(path: Option<&str>) -> Result<EntityProfile, Failure> {
    let Some(path) = path else {
        return Ok(EntityProfile::new());
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| bad_input(format!("--profile: cannot read {path}: {e}")))?;
    serde_json::from_str(&text)
        .map_err(|e| bad_input(format!("--profile {path}: not an EntityProfile: {e}")))
}

/// An enum's wire name (its serde form), for text output.
fn wire<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => "?".to_owned(),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(value).map_err(|e| bad_input(format!("cannot encode JSON: {e}")))
}

fn status(incident: &Incident, options: &Options, at: DateTime<Utc>) -> Result<String, Failure> {
    let regulation = Regulation::builtin(load_profile(options.profile.as_deref())?);
    let next = incident.poll_timeout(Some(&regulation), at).map(|w| w.at);
    let open_actions = incident
        .actions()
        .values()
        .filter(|a| matches!(a.status, ActionStatus::Open | ActionStatus::InProgress))
        .count();
    let notices: Vec<serde_json::Value> = incident
        .notices()
        .iter()
        .map(|(id, n)| {
            serde_json::json!({
                "notice_id": id,
                "kind": n.draft.kind,
                "audience": n.draft.audience,
                "status": n.status,
                "sent_at": n.sent_at,
            })
        })
        .collect();
    if options.json {
        return to_json(&serde_json::json!({
            "incident_id": incident.id(),
            "title": incident.title(),
            "kind": incident.kind(),
            "severity": incident.severity(),
            "phase": incident.phase(),
            "version": incident.version(),
            "head": incident.head_digest(),
            "owner": incident.owner(),
            "open_actions": open_actions,
            "notices": notices,
            "at": at,
            "next_deadline": next,
        }));
    }
    let mut out = String::new();
    let mut row = |label: &str, value: String| {
        out.push_str(&format!("{label:<14}{value}\n"));
    };
    row("incident", incident.id().to_string());
    row("title", incident.title().to_owned());
    row("kind", incident.kind().to_string());
    row("severity", incident.severity().to_string());
    row("phase", incident.phase().to_string());
    row("version", incident.version().to_string());
    row("head", incident.head_digest().to_string());
    row(
        "owner",
        incident
            .owner()
            .map_or_else(|| "-".to_owned(), ToString::to_string),
    );
    row("open actions", open_actions.to_string());
    row("notices", incident.notices().len().to_string());
    for (id, n) in incident.notices() {
        out.push_str(&format!(
            "  {:<12}{:<20}{:<20}{}\n",
            id.to_string(),
            wire(&n.draft.kind),
            wire(&n.draft.audience),
            wire(&n.status)
        ));
    }
    let next = match next {
        Some(due) => format!("{} ({})", options.tz.format_local(due), wire(&due)),
        None => "none".to_owned(),
    };
    out.push_str(&format!(
        "{:<14}{next}   (at {}; {})\n",
        "next deadline",
        wire(&at),
        if options.profile.is_some() {
            "profile from --profile"
        } else {
            "empty profile: pass --profile for the firm's regimes"
        }
    ));
    Ok(out)
}

fn timeline(log: &[(usize, Envelope)]) -> String {
    let mut out = String::new();
    for (_, e) in log {
        out.push_str(&format!(
            "{:>4}  {}  {:<16}  {}\n",
            e.sequence(),
            e.recorded_at()
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            e.actor().to_string(),
            e.event().to_string().replace('\n', " ")
        ));
    }
    out
}

fn obligations(
    incident: &Incident,
    options: &Options,
    at: DateTime<Utc>,
) -> Result<String, Failure> {
    let regulation = Regulation::builtin(load_profile(options.profile.as_deref())?);
    let obligations = incident.obligations(&regulation, at);
    if options.json {
        return to_json(&obligations);
    }
    let mut out = format!(
        "Obligations at {} (UTC)\n\n{obligations}",
        at.format("%Y-%m-%d %H:%M")
    );
    if let Some(next) = incident.poll_timeout(Some(&regulation), at).map(|w| w.at) {
        out.push_str(&format!(
            "\nnext timer: {}\n",
            next.format("%Y-%m-%d %H:%M UTC")
        ));
    }
    Ok(out)
}

fn review(incident: &Incident, options: &Options, at: DateTime<Utc>) -> Result<String, Failure> {
    let regulation = Regulation::builtin(load_profile(options.profile.as_deref())?);
    let obligations = incident.obligations(&regulation, at);
    let report = ReviewReport::build(incident, Some(&obligations), at);
    if options.json {
        to_json(&report)
    } else {
        Ok(report.to_markdown(options.lang, options.tz))
    }
}

fn execute(options: &Options, stdin: &mut dyn Read) -> Result<String, Failure> {
    let source = source_name(options.file.as_deref());
    let bytes = read_input(options.file.as_deref(), stdin)?;
    let log = parse_log(&bytes, source)?;
    let mut incident = replay(&log, source)?;
    let last = log
        .last()
        .map_or_else(|| incident.updated_at(), |(_, e)| e.recorded_at());
    let at = options.at.unwrap_or(last);
    if at < last {
        // The desk as it stood at `at`: only what had been recorded by then, so a filing
        // made later does not show as met earlier.
        let known: Vec<(usize, Envelope)> = log
            .iter()
            .take_while(|(_, e)| e.recorded_at() <= at)
            .cloned()
            .collect();
        if known.is_empty() {
            return Err(usage(format!(
                "--at {} is before the incident was declared ({})",
                wire(&at),
                wire(&incident.declared_at())
            )));
        }
        incident = replay(&known, source)?;
    }
    match options.cmd {
        Cmd::Status => status(&incident, options, at),
        Cmd::Timeline => Ok(timeline(&log)),
        Cmd::Obligations => obligations(&incident, options, at),
        Cmd::Review => review(&incident, options, at),
        Cmd::Validate => Ok(format!(
            "ok: {} events, head {}\n",
            log.len(),
            incident.head_digest()
        )),
    }
}

/// Runs the command line `args` (without the program name) and returns the exit code:
/// 0 ok, 1 the log does not replay, 2 bad usage or unreadable input. Output goes to
/// `stdout`, the one-line error (and the usage line for a usage error) to `stderr`.
pub fn run(
    args: &[String],
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let result = match parse_args(args) {
        Ok(None) => Ok(format!("{USAGE}\n")),
        Ok(Some(options)) => execute(&options, stdin),
        Err(failure) => Err(failure),
    };
    match result {
        Ok(text) => {
            let mut text = text;
            if !text.ends_with('\n') {
                text.push('\n');
            }
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => 0,
                Err(e) => {
                    // Nothing more useful can be done if stderr fails too.
                    let _ = writeln!(stderr, "incident_cli: cannot write output: {e}");
                    EXIT_USAGE
                }
            }
        }
        Err(failure) => {
            // The problem on one line; a usage error adds the usage line after it.
            let message = failure.message.replace(['\n', '\r'], " ");
            let _ = writeln!(stderr, "incident_cli: {message}");
            if failure.show_usage {
                let _ = writeln!(stderr, "{USAGE}");
            }
            failure.code
        }
    }
}
