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
//!   --lang zh-CN|zh-HK|en  the review's language (default en)
//!   --tz IANA        the zone review times and status's next deadline are shown in
//!                    (default Asia/Shanghai, the home zone of the seed cases)
//!   --profile FILE   an EntityProfile as JSON (`$defs/EntityProfile` in schema/regulation.json;
//!                    e.g. examples/data/securities_firm_profile.json) for the regulatory
//!                    clocks of status, obligations and review; without it the
//!                    profile is empty (`EntityProfile::new()`), so regimes that select on
//!                    where the firm is established or what kind of entity it is show as
//!                    not applicable or undetermined
//!   --json           machine output for status, obligations and review
//!   --clearance C    who the review is for: public, customers, restricted or internal
//!                    (default internal); what is labelled above it (the funds
//!                    involved, the findings) is left out and listed as withheld
//!   --head HEAD      the head published or filed earlier, as SEQ:DIGEST (e.g.
//!                    23:9f2c…) or a file holding the Head JSON
//!                    ({"incident_id", "sequence", "digest"}); the log must reach that
//!                    sequence with that digest, which catches a truncated log and a
//!                    re-sealed fork that a chain alone cannot
//! ```
//!
//! Exit codes, one per kind of failure (each with a one-line message naming the line):
//!
//! | code | meaning |
//! |---|---|
//! | 0 | ok |
//! | 2 | bad usage: unknown command or option, a bad option value |
//! | 3 | unreadable input: a missing file, a UTF-8 byte-order mark, UTF-16, not UTF-8, an empty log, an unreadable `--profile` or `--head` file |
//! | 4 | a line is not an envelope: bad JSON, an unknown event, a member the contract does not have |
//! | 5 | a line was written by a newer version of the event contract: upgrade |
//! | 6 | the hash chain is broken: an edited, deleted, inserted or reordered line, another incident's line |
//! | 7 | the log does not match `--head`: truncated, or rewritten and re-sealed |
//! | 8 | the chain holds but an event cannot apply: history the incident could not have made |
//!
//! Every command replays the whole log first, so a damaged log fails the same way
//! whichever command is asked.
//!
//! The logic is in [`run`], which `src/main.rs` calls with the process's streams and
//! `tests/cli.rs` with in-memory ones.

use std::io::{Read, Write};

use chrono::{DateTime, Utc};
use incident::actions::ActionStatus;
use incident::chain::{ChainBreak, ChainError, DecodeError, Digest};
use incident::comms::Sensitivity;
use incident::locale::Locale;
use incident::locale::Zone;
use incident::regulation::{EntityProfile, Regulation};
use incident::review::ReviewReport;
use incident::{Envelope, Head, Incident, ReplayError, ReplayOptions};

/// One line of usage, shown with a usage error.
const USAGE: &str = "usage: incident_cli <status|timeline|obligations|review|validate> [--at RFC3339] [--lang zh-CN|zh-HK|en] [--tz IANA] [--profile FILE] [--head SEQ:DIGEST|FILE] [--clearance public|customers|restricted|internal] [--json] [FILE|-]";

/// Bad usage: an unknown command or option, a bad option value.
pub const EXIT_USAGE: u8 = 2;
/// Unreadable input: a missing file, a byte-order mark, UTF-16, not UTF-8, an empty log,
/// an unreadable `--profile` or `--head` file.
pub const EXIT_UNREADABLE: u8 = 3;
/// A line is not an envelope.
pub const EXIT_MALFORMED: u8 = 4;
/// A line was written by a newer event contract.
pub const EXIT_NEWER_SCHEMA: u8 = 5;
/// The hash chain is broken.
pub const EXIT_TAMPERED: u8 = 6;
/// The log does not match the pinned head: truncated or re-sealed.
pub const EXIT_HEAD_MISMATCH: u8 = 7;
/// The chain holds but an event cannot apply.
pub const EXIT_INVALID_HISTORY: u8 = 8;

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
            "--head" => true,
            "--clearance" => self == Cmd::Review,
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
    clearance: Sensitivity,
    head: Option<String>,
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
    failure(EXIT_UNREADABLE, message)
}

fn failure(code: u8, message: impl Into<String>) -> Failure {
    Failure {
        code,
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
        clearance: Sensitivity::Internal,
        head: None,
        file: None,
    };
    while let Some(arg) = iter.next() {
        let arg = arg.as_str();
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        if arg.starts_with("--") {
            if !matches!(
                arg,
                "--at" | "--lang" | "--tz" | "--profile" | "--json" | "--head" | "--clearance"
            ) {
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
                            "--lang: `{value}` is not supported; use zh-CN, zh-HK or en"
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
                "--head" => options.head = Some(value.clone()),
                "--clearance" => {
                    options.clearance = serde_json::from_value(serde_json::Value::String(
                        value.clone(),
                    ))
                    .map_err(|_| {
                        usage(format!(
                            "--clearance: `{value}` is not one of public, customers, restricted, internal"
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

/// Refuses input that is not UTF-8 JSON Lines before any line is parsed, naming what it is:
/// a byte-order mark or UTF-16 would otherwise read as a broken first line.
fn check_encoding(bytes: &[u8], source: &str) -> Result<(), Failure> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || bytes.iter().take(64).filter(|b| **b == 0).count() > 8;
    if utf16 {
        return Err(bad_input(format!(
            "{source}: the input is UTF-16, not UTF-8; convert it (e.g. `iconv -f UTF-16 -t UTF-8`) and run again"
        )));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(bad_input(format!(
            "{source}: the input starts with a UTF-8 byte-order mark, which a stored log never has; remove the first three bytes (an editor added them) and run again"
        )));
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes
            .get(..e.valid_up_to())
            .map_or(1, |b| b.iter().filter(|c| **c == b'\n').count() + 1);
        return Err(bad_input(format!(
            "{source}: line {line}: not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to()
        )));
    }
    Ok(())
}

/// Decodes every line; the first one that is not an envelope fails, naming it.
fn parse_log(bytes: &[u8], source: &str) -> Result<Vec<(usize, Envelope)>, Failure> {
    check_encoding(bytes, source)?;
    let mut out = Vec::new();
    for (line, text) in lines(bytes) {
        let envelope = Envelope::from_json(text).map_err(|e| match e {
            DecodeError::UnsupportedSchemaVersion {
                found, supported, ..
            } => failure(
                EXIT_NEWER_SCHEMA,
                format!("{source}: line {line}: schema version {found}; this build reads up to {supported}: upgrade the incident crate"),
            ),
            DecodeError::Malformed { message, .. } => failure(
                EXIT_MALFORMED,
                format!("{source}: line {line}: not a valid envelope: {message}"),
            ),
            other => failure(EXIT_MALFORMED, format!("{source}: line {line}: {other}")),
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

/// The head to verify against: `SEQ:DIGEST` (for the log's own incident) or a Head file.
fn load_head(value: &str, log: &[(usize, Envelope)]) -> Result<Head, Failure> {
    if let Some((sequence, digest)) = value.split_once(':') {
        if let (Ok(sequence), Ok(digest)) = (sequence.parse::<u64>(), digest.parse::<Digest>()) {
            let incident_id = log
                .first()
                .map(|(_, e)| e.incident_id())
                .ok_or_else(|| bad_input("--head: the log is empty"))?;
            return Ok(Head {
                incident_id,
                sequence,
                digest,
            });
        }
    }
    let text = std::fs::read_to_string(value).map_err(|e| {
        bad_input(format!(
            "--head: `{value}` is neither SEQ:DIGEST (a sequence number, a colon, 64 hex digits) nor a readable file: {e}"
        ))
    })?;
    serde_json::from_str(&text).map_err(|e| {
        bad_input(format!(
            "--head {value}: not a Head ({{\"incident_id\", \"sequence\", \"digest\"}}): {e}"
        ))
    })
}

/// The exit code for a log that does not replay.
fn replay_code(e: &ReplayError) -> u8 {
    match e {
        ReplayError::UnsupportedSchemaVersion { .. } => EXIT_NEWER_SCHEMA,
        ReplayError::Decode { .. } => EXIT_MALFORMED,
        ReplayError::Empty => EXIT_UNREADABLE,
        ReplayError::CannotApply { .. } => EXIT_INVALID_HISTORY,
        ReplayError::Tampered(ChainError {
            kind: ChainBreak::Truncated { .. } | ChainBreak::Rewritten { .. },
            ..
        }) => EXIT_HEAD_MISMATCH,
        _ => EXIT_TAMPERED,
    }
}

/// Replays the parsed log (against `head` when given); a failure names the line of the
/// envelope it points at.
fn replay(
    log: &[(usize, Envelope)],
    source: &str,
    head: Option<Head>,
) -> Result<Incident, Failure> {
    let envelopes: Vec<Envelope> = log.iter().map(|(_, e)| e.clone()).collect();
    let options = head.map_or_else(ReplayOptions::default, |h| {
        ReplayOptions::default().anchor(h)
    });
    Incident::replay_with(&envelopes, &options).map_err(|e| {
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
        failure(replay_code(&e), format!("{source}: {at}: {e}"))
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
        Some(due) => format!("{} ({})", options.tz.format_local_deadline(due), wire(&due)),
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
    let report = ReviewReport::build(incident, Some(&obligations), at, options.clearance);
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
    let head = options
        .head
        .as_deref()
        .map(|value| load_head(value, &log))
        .transpose()?;
    let mut incident = replay(&log, source, head)?;
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
        incident = replay(&known, source, None)?;
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

/// Runs the command line `args` (without the program name) and returns the exit code (see
/// the table in the crate docs: 0 ok, 2 usage, 3 unreadable input, 4 not an envelope, 5
/// newer schema, 6 broken chain, 7 not the pinned head, 8 history that cannot apply).
/// Output goes to `stdout`, the one-line error (and the usage line for a usage error) to
/// `stderr`.
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
