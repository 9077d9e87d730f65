//! `incident_cli`, driven through its `run` function on the securities-firm seed case's
//! stored log (`tests/fixtures/securities_until_review.jsonl`, which the library's
//! `tests/cli_fixture.rs` keeps equal to what the seed case writes): every command, and the failures (truncated, reordered and tampered
//! lines, empty input, usage errors) with their exit codes and one-line messages.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use incident::actions::*;
use incident::chain::*;
use incident::classify::*;
use incident::locale::*;
use incident::regulation::*;
use incident::*;
use incident_cli::{
    EXIT_HEAD_MISMATCH, EXIT_INVALID_HISTORY, EXIT_MALFORMED, EXIT_NEWER_SCHEMA, EXIT_TAMPERED,
    EXIT_UNREADABLE, EXIT_USAGE,
};

/// What one run produced.
struct Outcome {
    code: u8,
    stdout: String,
    stderr: String,
}

fn run_with(args: &[&str], input: &str) -> Outcome {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let mut stdin = input.as_bytes();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = incident_cli::run(&args, &mut stdin, &mut stdout, &mut stderr);
    Outcome {
        code,
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

/// The securities seed case up to the review, as stored JSON Lines, and its state.
fn securities_log() -> (String, Incident) {
    let jsonl = include_str!("fixtures/securities_until_review.jsonl").to_owned();
    let incident =
        Incident::replay_json_lines(jsonl.as_bytes(), &ReplayOptions::default()).unwrap();
    (jsonl, incident)
}

/// A Chinese securities firm's profile, written to a file for `--profile`.
fn profile_file(name: &str) -> String {
    let profile = EntityProfile::new()
        .established_in(Jurisdiction::new("CN").unwrap())
        .entity_type(EntityType::CnSecuritiesFirm)
        .entity_type(EntityType::CnNetworkOperator)
        .time_zone(Zone::SHANGHAI);
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, serde_json::to_string(&profile).unwrap()).unwrap();
    path.to_string_lossy().into_owned()
}

fn assert_one_line_error(out: &Outcome, code: u8, needle: &str) {
    assert_eq!(out.code, code, "stderr: {}", out.stderr);
    assert!(out.stdout.is_empty(), "nothing on stdout: {}", out.stdout);
    let first = out.stderr.lines().next().unwrap_or_default();
    assert!(first.starts_with("incident_cli: "), "{}", out.stderr);
    assert!(first.contains(needle), "{needle:?} not in {first:?}");
}

#[test]
fn status_names_the_incident_and_where_it_stands() {
    let (log, incident) = securities_log();
    let out = run_with(&["status"], &log);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.is_empty());
    for needle in [
        incident.id().to_string(),
        "客户证券账户被盗用".to_owned(),
        "remediated".to_owned(),
        "SEV2".to_owned(),
        format!("version       {}", incident.version()),
        incident.head_digest().to_string(),
        "crisis.lead".to_owned(),
        "M-1".to_owned(),
        "holding_statement".to_owned(),
    ] {
        assert!(
            out.stdout.contains(&needle),
            "{needle} missing:\n{}",
            out.stdout
        );
    }
    let open = incident
        .actions()
        .values()
        .filter(|a| matches!(a.status, ActionStatus::Open | ActionStatus::InProgress))
        .count();
    assert!(
        out.stdout.contains(&format!("open actions  {open}\n")),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("next deadline"), "{}", out.stdout);
}

#[test]
fn status_json_is_machine_readable() {
    let (log, incident) = securities_log();
    let profile = profile_file("status-profile.json");
    let out = run_with(&["status", "--json", "--profile", &profile], &log);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["version"], incident.version());
    assert_eq!(value["phase"], "remediated");
    assert_eq!(value["head"], incident.head_digest().to_string());
    assert_eq!(value["notices"].as_array().unwrap().len(), 3);
}

#[test]
fn timeline_has_one_line_per_event() {
    let (log, incident) = securities_log();
    let envelopes = read_json_lines::<Event>(log.as_bytes()).unwrap();
    let out = run_with(&["timeline", "-"], &log);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len() as u64, incident.version());
    for (line, envelope) in lines.iter().zip(&envelopes) {
        assert!(line.contains(&envelope.event().to_string()), "{line}");
        assert!(line.contains(envelope.actor().as_str()), "{line}");
    }
    assert!(lines[0].starts_with("   1  2026-05-06T02:20:00Z  hotline.agent"));
    assert!(
        lines[0].contains("declared account_takeover"),
        "{}",
        lines[0]
    );
}

#[test]
fn obligations_with_a_profile_list_the_chinese_regimes() {
    let (log, _) = securities_log();
    let profile = profile_file("obligations-profile.json");
    let out = run_with(
        &[
            "obligations",
            "--at",
            "2026-05-06T06:00:00Z",
            "--profile",
            &profile,
        ],
        &log,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("Obligations at 2026-05-06 06:00 (UTC)"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("cn-csrc"), "{}", out.stdout);

    let json = run_with(
        &["obligations", "--json", "--at", "2026-05-06T14:00:00+08:00"],
        &log,
    );
    assert_eq!(json.code, 0, "{}", json.stderr);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["at"], "2026-05-06T06:00:00Z");
}

#[test]
fn review_renders_markdown_in_both_languages_and_json() {
    let (log, incident) = securities_log();
    let en = run_with(&["review"], &log);
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert!(
        en.stdout
            .starts_with(&format!("# Post-incident review: {}", incident.title())),
        "{}",
        en.stdout
    );
    let zh = run_with(&["review", "--lang", "zh-CN", "--tz", "UTC"], &log);
    assert_eq!(zh.code, 0, "{}", zh.stderr);
    assert!(zh.stdout.contains("事件复盘报告"), "{}", zh.stdout);
    let json = run_with(&["review", "--json"], &log);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["phase"], "remediated");
}

#[test]
fn validate_prints_the_count_and_head() {
    let (log, incident) = securities_log();
    let out = run_with(&["validate"], &log);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        format!(
            "ok: {} events, head {}\n",
            incident.version(),
            incident.head_digest()
        )
    );
}

#[test]
fn a_file_argument_is_read() {
    let (log, incident) = securities_log();
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("securities.jsonl");
    std::fs::write(&path, &log).unwrap();
    let out = run_with(&["validate", path.to_str().unwrap()], "");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains(&incident.head_digest().to_string()));

    let missing = run_with(&["validate", "/nonexistent/log.jsonl"], "");
    assert_one_line_error(
        &missing,
        EXIT_UNREADABLE,
        "cannot read /nonexistent/log.jsonl",
    );
}

#[test]
fn a_truncated_line_is_bad_input_with_its_line_number() {
    let (log, _) = securities_log();
    let mut lines: Vec<String> = log.lines().map(str::to_owned).collect();
    let cut = lines[4].len() / 2;
    lines[4].truncate(cut);
    let broken = lines.join("\n") + "\n";
    for command in ["validate", "status", "timeline", "review", "obligations"] {
        let out = run_with(&[command], &broken);
        assert_one_line_error(&out, EXIT_MALFORMED, "stdin: line 5: not a valid envelope");
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    }
}

#[test]
fn blank_lines_count_towards_line_numbers() {
    let (log, _) = securities_log();
    let mut lines: Vec<String> = log.lines().map(str::to_owned).collect();
    lines.insert(1, String::new());
    lines[3] = "{\"not\":\"an envelope\"}".to_owned();
    let out = run_with(&["validate"], &(lines.join("\n") + "\n"));
    assert_one_line_error(&out, EXIT_MALFORMED, "line 4:");
}

#[test]
fn a_reordered_line_fails_validation_naming_the_line() {
    let (log, _) = securities_log();
    let mut lines: Vec<&str> = log.lines().collect();
    lines.swap(6, 7);
    let out = run_with(&["validate"], &(lines.join("\n") + "\n"));
    assert_one_line_error(
        &out,
        EXIT_TAMPERED,
        "stdin: line 7: event log broken at sequence 7",
    );
    assert!(out.stderr.contains("reordered"), "{}", out.stderr);
}

#[test]
fn a_tampered_line_fails_validation_naming_the_line() {
    let (log, _) = securities_log();
    let mut lines: Vec<String> = log.lines().map(str::to_owned).collect();
    let i = lines
        .iter()
        .position(|l| l.contains("\"actor\":\"pr.lead\""))
        .unwrap();
    lines[i] = lines[i].replace("\"actor\":\"pr.lead\"", "\"actor\":\"intruder\"");
    let out = run_with(&["validate"], &(lines.join("\n") + "\n"));
    let n = i + 1;
    assert_one_line_error(
        &out,
        EXIT_TAMPERED,
        &format!("stdin: line {n}: event log broken at sequence {n}"),
    );

    // An edited payload is caught as well, and by every command.
    let mut lines: Vec<String> = log.lines().map(str::to_owned).collect();
    let i = lines
        .iter()
        .position(|l| l.contains("Freeze the 1,200"))
        .unwrap();
    lines[i] = lines[i].replace("Freeze the 1,200", "Freeze the 12");
    let out = run_with(&["status"], &(lines.join("\n") + "\n"));
    assert_one_line_error(&out, EXIT_TAMPERED, &format!("stdin: line {}:", i + 1));
    assert!(out.stderr.contains("edited"), "{}", out.stderr);
}

#[test]
fn a_deleted_line_fails_validation() {
    let (log, _) = securities_log();
    let mut lines: Vec<&str> = log.lines().collect();
    lines.remove(3);
    let out = run_with(&["validate"], &(lines.join("\n") + "\n"));
    assert_one_line_error(&out, EXIT_TAMPERED, "stdin: line 4:");
    assert!(out.stderr.contains("deleted"), "{}", out.stderr);
}

#[test]
fn empty_input_is_bad_input() {
    for input in ["", "\n\n  \n"] {
        let out = run_with(&["validate"], input);
        assert_one_line_error(&out, EXIT_UNREADABLE, "stdin: no events");
    }
}

#[test]
fn usage_errors_exit_2_with_the_usage_line() {
    let (log, _) = securities_log();
    let out = run_with(&["frobnicate"], &log);
    assert_one_line_error(&out, EXIT_USAGE, "unknown command `frobnicate`");
    assert!(out.stderr.contains("usage: incident_cli"), "{}", out.stderr);

    let out = run_with(&[], &log);
    assert_one_line_error(&out, EXIT_USAGE, "missing command");

    let out = run_with(&["obligations", "--at", "yesterday"], &log);
    assert_one_line_error(
        &out,
        EXIT_USAGE,
        "--at: `yesterday` is not an RFC 3339 time",
    );

    let out = run_with(&["obligations", "--at"], &log);
    assert_one_line_error(&out, EXIT_USAGE, "--at needs a value");

    let out = run_with(&["review", "--lang", "fr"], &log);
    assert_one_line_error(&out, EXIT_USAGE, "--lang: `fr` is not supported");

    let out = run_with(&["review", "--tz", "Mars/Olympus"], &log);
    assert_one_line_error(&out, EXIT_USAGE, "--tz: `Mars/Olympus`");

    let out = run_with(&["timeline", "--json"], &log);
    assert_one_line_error(&out, EXIT_USAGE, "--json does not apply to timeline");

    let out = run_with(&["status", "--verbose"], &log);
    assert_one_line_error(&out, EXIT_USAGE, "unknown option --verbose");

    let out = run_with(&["status", "a.jsonl", "b.jsonl"], &log);
    assert_one_line_error(&out, EXIT_USAGE, "more than one input file");

    let out = run_with(&["status", "--profile", "/nonexistent/profile.json"], &log);
    assert_one_line_error(&out, EXIT_UNREADABLE, "--profile: cannot read");

    let help = run_with(&["--help"], "");
    assert_eq!(help.code, 0);
    assert!(help.stdout.starts_with("usage: incident_cli"));
}

#[test]
fn a_bad_profile_is_bad_input() {
    let (log, _) = securities_log();
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-profile.json");
    std::fs::write(&path, "{\"established_in\": [\"China\"]}").unwrap();
    let out = run_with(&["obligations", "--profile", path.to_str().unwrap()], &log);
    assert_one_line_error(&out, EXIT_UNREADABLE, "not an EntityProfile");
}

#[test]
fn at_in_the_past_shows_the_desk_as_it_stood() {
    let (log, _) = securities_log();
    let envelopes = read_json_lines::<Event>(log.as_bytes()).unwrap();
    let tenth = envelopes[9].recorded_at();
    // Events recorded at the same moment as the tenth count as known then.
    let known = envelopes
        .iter()
        .filter(|e| e.recorded_at() <= tenth)
        .count();
    let at = tenth.to_rfc3339();
    let out = run_with(&["status", "--json", "--at", &at], &log);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["version"], known as u64);
    assert_eq!(value["head"], envelopes[known - 1].digest().to_string());

    let out = run_with(&["review", "--at", "2026-05-01T00:00:00Z"], &log);
    assert_one_line_error(&out, EXIT_USAGE, "is before the incident was declared");
}

/// An attacker's tool: recomputes every digest of `lines` from `from` on (0-based), with
/// the documented algorithm (SHA-256 of the canonical JSON: members sorted, no white
/// space), so that the edited log is a valid chain again.
fn reseal(mut lines: Vec<serde_json::Value>, from: usize) -> String {
    let hex = |d: Digest| d.to_string();
    for i in from..lines.len() {
        let prev = if i == 0 {
            hex(Digest::genesis(
                lines[0]["incident_id"].as_str().unwrap().parse().unwrap(),
            ))
        } else {
            lines[i - 1]["digest"].as_str().unwrap().to_owned()
        };
        let line = &mut lines[i];
        let payload = Digest::of(serde_json::to_string(&line["event"]).unwrap().as_bytes());
        line["payload_digest"] = hex(payload).into();
        line["prev_digest"] = prev.into();
        let mut meta = line.clone();
        let meta = meta.as_object_mut().unwrap();
        meta.remove("event");
        meta.remove("digest");
        let digest = Digest::of(serde_json::to_string(meta).unwrap().as_bytes());
        line["digest"] = hex(digest).into();
    }
    lines
        .iter()
        .map(|l| serde_json::to_string(l).unwrap() + "\n")
        .collect()
}

fn parsed(log: &str) -> Vec<serde_json::Value> {
    log.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn resealing_an_unchanged_log_gives_the_same_log() {
    // The attacker's tool is faithful, so the tests below test the CLI, not the tool.
    let (log, _) = securities_log();
    assert_eq!(reseal(parsed(&log), 0), log);
}

#[test]
fn head_pins_catch_truncation_and_a_resealed_fork() {
    let (log, incident) = securities_log();
    let pinned = format!("{}:{}", incident.version(), incident.head_digest());
    let out = run_with(&["validate", "--head", &pinned], &log);
    assert_eq!(out.code, 0, "{}", out.stderr);

    // Truncated: the last two lines removed. The chain alone holds.
    let cut: String = log
        .lines()
        .take(log.lines().count() - 2)
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(run_with(&["validate"], &cut).code, 0);
    let out = run_with(&["validate", "--head", &pinned], &cut);
    assert_one_line_error(&out, EXIT_HEAD_MISMATCH, "removed from the end");

    // A re-sealed fork: a payment instruction rewritten and every digest recomputed. The
    // chain alone holds; the pinned head does not.
    let mut lines = parsed(&log);
    let i = lines
        .iter()
        .position(|l| l.to_string().contains("Freeze the 1,200"))
        .unwrap();
    let edited = lines[i]
        .to_string()
        .replace("Freeze the 1,200", "Freeze the 12");
    lines[i] = serde_json::from_str(&edited).unwrap();
    let forged = reseal(lines, i);
    assert_eq!(
        run_with(&["validate"], &forged).code,
        0,
        "the fork is a valid chain"
    );
    let out = run_with(&["validate", "--head", &pinned], &forged);
    assert_one_line_error(&out, EXIT_HEAD_MISMATCH, "rewritten");

    // The head as a file (the Head JSON a desk publishes) works the same way.
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("head.json");
    std::fs::write(&path, serde_json::to_string(&incident.head()).unwrap()).unwrap();
    let out = run_with(&["validate", "--head", path.to_str().unwrap()], &forged);
    assert_eq!(out.code, EXIT_HEAD_MISMATCH, "{}", out.stderr);
    let out = run_with(&["validate", "--head", "23:nothex"], &log);
    assert_one_line_error(&out, EXIT_UNREADABLE, "--head: `23:nothex` is neither");
}

#[test]
fn every_kind_of_failure_has_its_exit_code() {
    let (log, _) = securities_log();
    // 5: a newer event contract, whatever the line's shape.
    let mut lines = parsed(&log);
    lines[2]["schema_version"] = 2.into();
    let newer = reseal(lines, 2);
    assert_one_line_error(
        &run_with(&["validate"], &newer),
        EXIT_NEWER_SCHEMA,
        "upgrade the incident crate",
    );
    let newer_shape = log.replacen(
        "\"schema_version\":1",
        "\"future\":1,\"schema_version\":9",
        1,
    );
    let out = run_with(&["validate"], &newer_shape);
    assert_eq!(out.code, EXIT_NEWER_SCHEMA, "{}", out.stderr);
    // 8: a valid chain whose history the incident could not have made (a second
    // declaration, appended and sealed by hand).
    let mut lines = parsed(&log);
    let mut again = lines[0].clone();
    again["sequence"] = (lines.len() as u64 + 1).into();
    lines.push(again);
    let n = lines.len() - 1;
    let out = run_with(&["validate"], &reseal(lines, n));
    assert_one_line_error(&out, EXIT_INVALID_HISTORY, "cannot apply");
    // 3: a byte-order mark, UTF-16, invalid UTF-8, each named.
    let bom = format!("\u{feff}{log}");
    assert_one_line_error(
        &run_with(&["validate"], &bom),
        EXIT_UNREADABLE,
        "byte-order mark",
    );
    let utf16: Vec<u8> = [0xFF_u8, 0xFE]
        .into_iter()
        .chain(log.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("utf16.jsonl");
    std::fs::write(&path, utf16).unwrap();
    let out = run_with(&["validate", path.to_str().unwrap()], "");
    assert_one_line_error(&out, EXIT_UNREADABLE, "UTF-16");
    let latin1 = [log.as_bytes(), b"\xe9t\xe9\n"].concat();
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("latin1.jsonl");
    std::fs::write(&path, latin1).unwrap();
    let out = run_with(&["validate", path.to_str().unwrap()], "");
    assert_one_line_error(&out, EXIT_UNREADABLE, "not UTF-8");
}

/// Attack: a member planted in a stored event (text the contract does not have) is
/// refused as not an envelope, whatever the event, even when the digests are recomputed.
#[test]
fn a_planted_member_is_refused() {
    let (log, _) = securities_log();
    let mut lines = parsed(&log);
    let last = lines.len() - 1;
    lines[last]["event"]["note"] = "funds returned to 6222-XXXX".into();
    let out = run_with(&["validate"], &reseal(lines, last));
    assert_one_line_error(&out, EXIT_MALFORMED, "unknown field `note`");
}
