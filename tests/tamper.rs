//! Property tests of the tamper-evident event log: a realistic log of 10–40 events is
//! encoded as JSON Lines and then edited, cut, extended, reordered or truncated, and the
//! library must detect the damage and report exactly where and what it is.
//!
//! 1. An untouched log always decodes, verifies against its head and replays.
//! 2. Any single-byte change to a stored line is either a decode error at that line, or a
//!    `ChainError` at that line's sequence number: `EditedPayload` inside the event,
//!    `EditedMetadata` elsewhere (an edited incident id included: the envelope no longer
//!    matches its own digest, see `edited_incident_id_is_edited_metadata`). The only
//!    changes that go unnoticed decode to an identical envelope (lenient parsers: hex case
//!    in the UUID and in `\u00XX` escapes; in RFC 3339 times `t` or a space for `T`, `z`
//!    for `Z`, a space for a digit where the instant stays the same); each is checked to
//!    be one of those known re-encodings.
//! 3. Deleting one event: `Deleted` at its sequence, or `Truncated` for the last one.
//! 4. Inserting a copy of an event: `Inserted` where the copy sits (an adjacent duplicate
//!    at the first of the two); an envelope of another incident: `ForeignIncident`.
//! 5. Swapping two events i < j: `Reordered` at sequence i.
//! 6. Truncating the tail: `Truncated` with the head; undetectable without it.
//! 7. `Incident::replay` reports `Tampered` with `verify`'s error; streaming JSON Lines
//!    replay reports what the one-pass verifier sees; without verification an edited
//!    payload that still decodes goes through, while gaps and duplicates do not.

// Test code: a broken expectation should panic with its value. (clippy.toml's
// allow-*-in-tests settings cover `#[test]` functions only, not helpers.)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod generators;

use std::collections::BTreeMap;

use chrono::Duration;
use incident::chain::*;
use incident::evidence::*;
use incident::id::*;
use incident::*;
use proptest::prelude::*;
use proptest::sample::Index;

use driver::actor;
use generators::config;
use generators::pools::{base, detected_at, incident_id};
use generators::scenario::{run, scenario_with, Scenario, Step};

/// A log as stored, with the head that was published for it.
#[derive(Debug, Clone)]
struct Log {
    envelopes: Vec<Envelope>,
    head: Head,
    live: Incident,
    lines: Vec<String>,
}

impl Log {
    fn new(envelopes: Vec<Envelope>) -> Log {
        let live = Incident::replay(&envelopes).unwrap();
        let lines = envelopes.iter().map(|e| e.to_json().unwrap()).collect();
        Log {
            head: live.head(),
            envelopes,
            live,
            lines,
        }
    }

    fn n(&self) -> usize {
        self.envelopes.len()
    }

    fn jsonl(&self) -> String {
        write_json_lines(&self.envelopes).unwrap()
    }
}

/// The sequence number at 0-based position `i`.
fn seq(i: usize) -> u64 {
    u64::try_from(i).unwrap() + 1
}

fn broken(sequence: u64, kind: ChainBreak) -> ChainError {
    ChainError { sequence, kind }
}

fn fail(message: String) -> TestCaseError {
    TestCaseError::fail(message)
}

/// Scenarios for a realistic log of 10 to 40 events: a declaration, nine notes (with
/// escapes, multi-byte and control characters), then random commands and recipes.
fn log() -> impl Strategy<Value = Scenario> {
    scenario_with(9..10, 0..4, 0..3)
}

/// The scenario's log, cut to at most 40 events. (Built in the test body, not in the
/// strategy: running the host loop deep inside value generation overflows the test
/// thread's stack in debug builds.)
fn build(scenario: &Scenario) -> Log {
    let (log, _) = run(scenario);
    Log::new(log.envelopes().iter().take(40).cloned().collect())
}

/// A small log of another incident, for foreign insertions.
fn foreign_log() -> Vec<Envelope> {
    let other = IncidentId::from_bytes(*b"another incident");
    let ctx = Context::new(actor("soc.oncall"), base());
    let declare = Declare::new(
        other,
        IncidentKind::Ransomware,
        "Ransomware on file servers",
    )
    .detection(DetectionSource::Monitoring, detected_at())
    .severity(Severity::Sev2)
    .owner(actor("li.wei"));
    let mut envelopes = Incident::declare(&declare, &ctx).unwrap();
    let mut incident = Incident::replay(&envelopes).unwrap();
    for (i, text) in [
        "isolated file servers",
        "restored from backup",
        "closed ticket",
    ]
    .into_iter()
    .enumerate()
    {
        let ctx = Context::new(
            actor("li.wei"),
            base() + Duration::minutes(10 * (1 + i64::try_from(i).unwrap())),
        );
        let more = incident
            .execute(&Command::AddNote { text: text.into() }, &ctx)
            .unwrap();
        for envelope in &more {
            incident.apply(envelope).unwrap();
        }
        envelopes.extend(more);
    }
    envelopes
}

// --- single-byte edits ---------------------------------------------------------------

/// How a single-byte edit was caught (or why it did not need to be).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// The line no longer decodes.
    Decode,
    /// The chain check caught it, with this kind.
    Chain(&'static str),
    /// The line decodes to the very same envelope: a known lenient re-encoding.
    Reencoded(&'static str),
}

/// The span of the JSON string (between its quotes) that contains byte `idx`, if any.
fn string_span(line: &[u8], idx: usize) -> Option<(usize, usize)> {
    let mut start = None;
    let mut escaped = false;
    for (i, &b) in line.iter().enumerate() {
        match start {
            None if b == b'"' => start = Some(i + 1),
            None => {}
            Some(_) if escaped => escaped = false,
            Some(_) if b == b'\\' => escaped = true,
            Some(s) if b == b'"' => {
                if (s..i).contains(&idx) {
                    return Some((s, i));
                }
                start = None;
            }
            Some(_) => {}
        }
        if i >= idx && start.is_none() {
            return None;
        }
    }
    None
}

/// The byte range of each top-level member's value in a stored line.
fn member_spans(line: &str) -> BTreeMap<String, (usize, usize)> {
    let members: BTreeMap<&str, &serde_json::value::RawValue> = serde_json::from_str(line).unwrap();
    members
        .into_iter()
        .map(|(key, raw)| {
            let start = raw.get().as_ptr() as usize - line.as_ptr() as usize;
            (key.to_owned(), (start, start + raw.get().len()))
        })
        .collect()
}

/// Whether an edit that decodes to the identical envelope is one of the known lenient
/// re-encodings, and which.
fn known_reencoding(line: &[u8], idx: usize, new: u8) -> Option<&'static str> {
    let old = *line.get(idx)?;
    let (start, end) = string_span(line, idx)?;
    let value = line.get(start..end)?;
    let offset = idx - start;
    let upper_hex =
        old.is_ascii_hexdigit() && old.is_ascii_lowercase() && new == old.to_ascii_uppercase();
    // The UUID parser accepts upper-case hex.
    if line.get(..start)?.ends_with(b"\"incident_id\":\"") && upper_hex {
        return Some("incident id hex in upper case");
    }
    // A `\u00XX` escape (serde_json writes control characters so) with upper-case hex.
    let escape_start = (offset.saturating_sub(5)..offset.saturating_sub(1))
        .map(|o| start + o)
        .find(|&p| line.get(p..p + 2) == Some(b"\\u") && p + 2 <= idx && idx < p + 6);
    if let Some(p) = escape_start {
        let backslashes = line
            .get(start..p)?
            .iter()
            .rev()
            .take_while(|b| **b == b'\\')
            .count();
        if backslashes % 2 == 0 && upper_hex {
            return Some("\\u escape hex in upper case");
        }
    }
    // chrono reads RFC 3339 leniently: `t` or a space for `T`, `z` for `Z`, and a digit
    // replaced by a space where the rest reads as the same instant ("03" as " 3", "00" as
    // "0 ", a fraction's trailing zero as a space before `Z`).
    let zone = value.len().saturating_sub(1);
    let is_timestamp = value.len() >= 20
        && value.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            10 => *b == b'T',
            13 | 16 => *b == b':',
            19 if i < zone => *b == b'.',
            i if i == zone => *b == b'Z',
            _ => b.is_ascii_digit(),
        });
    if is_timestamp {
        return match (offset, old, new) {
            (10, b'T', b't' | b' ') => Some("timestamp separator T as t or space"),
            (o, b'Z', b'z') if o == zone => Some("timestamp zone Z as z"),
            // The line decoded to the same instant (checked by the caller).
            (_, b'0'..=b'9', b' ') => Some("timestamp digit as space"),
            _ => None,
        };
    }
    None
}

/// Applies one single-byte edit to line `k` (0-based) of `log` and checks that it is
/// detected and located exactly, or decodes to the same envelope by a known re-encoding.
fn check_single_byte_edit(
    log: &Log,
    k: usize,
    idx: usize,
    new: u8,
) -> Result<Outcome, TestCaseError> {
    let line = log
        .lines
        .get(k)
        .ok_or_else(|| fail("no such line".into()))?
        .as_bytes();
    let old = *line.get(idx).ok_or_else(|| fail("no such byte".into()))?;
    prop_assert_ne!(old, new);
    let mut bytes = log.jsonl().into_bytes();
    let offset: usize = log.lines.iter().take(k).map(|l| l.len() + 1).sum();
    *bytes
        .get_mut(offset + idx)
        .ok_or_else(|| fail("offset".into()))? = new;
    let edited_line =
        String::from_utf8_lossy(bytes.get(offset..offset + line.len()).unwrap_or_default())
            .into_owned();
    let context = format!(
        "line {} byte {idx} {:?} -> {:?}: {edited_line}",
        k + 1,
        old as char,
        new as char
    );
    let line_no = k + 1;
    let sequence = seq(k);

    match read_json_lines::<Event>(&bytes) {
        Err(error) => {
            // A line break at the very start leaves the line blank (skipped): the rest of
            // the envelope is then the next physical line.
            let expected_line = if idx == 0 && new == b'\n' {
                line_no + 1
            } else {
                line_no
            };
            match &error {
                DecodeError::Malformed { line, .. } => {
                    prop_assert_eq!(*line, expected_line, "{}", context)
                }
                DecodeError::UnsupportedSchemaVersion {
                    sequence: Some(sequence),
                    ..
                } => {
                    prop_assert_eq!(*sequence, seq(expected_line - 1), "{}", context);
                }
                DecodeError::UnsupportedSchemaVersion {
                    line,
                    sequence: None,
                    ..
                } => {
                    prop_assert_eq!(*line, expected_line, "{}", context)
                }
                other => prop_assert!(false, "unexpected error {:?} for {}", other, context),
            }
            // Streaming replay stops at the same line, with or without verification (the
            // verifying reader decodes the event separately: its message may differ).
            match Incident::replay_json_lines(&bytes, &ReplayOptions::default()) {
                Err(ReplayError::Decode { line, .. }) => {
                    prop_assert_eq!(line, expected_line, "{}", context)
                }
                Err(ReplayError::UnsupportedSchemaVersion { sequence, .. }) => {
                    prop_assert_eq!(sequence, seq(expected_line - 1), "{}", context);
                }
                other => prop_assert!(false, "unexpected {:?} for {}", other, context),
            }
            let fast = ReplayOptions::default().skip_verification();
            prop_assert_eq!(
                Incident::replay_json_lines(&bytes, &fast).err(),
                Some(ReplayError::from(error)),
                "{}",
                context
            );
            Ok(Outcome::Decode)
        }
        Ok(decoded) if decoded == log.envelopes => {
            let class = known_reencoding(line, idx, new);
            prop_assert!(
                class.is_some(),
                "an edit went unnoticed and is not a known re-encoding: {}",
                context
            );
            prop_assert_eq!(verify(&decoded, Some(&log.head)), Ok(Some(log.head)));
            let replayed = Incident::replay_json_lines(&bytes, &ReplayOptions::default())?;
            prop_assert_eq!(&replayed, &log.live, "{}", context);
            Ok(Outcome::Reencoded(class.unwrap_or_default()))
        }
        Ok(decoded) => {
            prop_assert_eq!(decoded.len(), log.n(), "{}", context);
            let error = verify(&decoded, Some(&log.head));
            let error = error
                .err()
                .ok_or_else(|| fail(format!("edit not detected: {context}")))?;
            prop_assert_eq!(
                error.sequence,
                sequence,
                "wrong location: {:?} for {}",
                error,
                context
            );
            let spans = member_spans(&log.lines[k]);
            let event = spans["event"];
            let kind = match &error.kind {
                ChainBreak::EditedPayload { .. } => {
                    prop_assert!(
                        (event.0..event.1).contains(&idx),
                        "payload blamed for {}",
                        context
                    );
                    "edited_payload"
                }
                ChainBreak::EditedMetadata { .. } => {
                    prop_assert!(
                        !(event.0..event.1).contains(&idx),
                        "metadata blamed for {}",
                        context
                    );
                    "edited_metadata"
                }
                other => return Err(fail(format!("unexpected kind {other:?} for {context}"))),
            };
            // Replays report verify's (unanchored) error; the streaming one agrees because
            // edits need no look-ahead.
            let unanchored = verify(&decoded, None)
                .err()
                .ok_or_else(|| fail(format!("not detected unanchored: {context}")))?;
            prop_assert_eq!(unanchored.sequence, sequence);
            let tampered = Some(ReplayError::Tampered(unanchored));
            prop_assert_eq!(
                Incident::replay(&decoded).err(),
                tampered.clone(),
                "{}",
                context
            );
            prop_assert_eq!(
                Incident::replay_json_lines(&bytes, &ReplayOptions::default()).err(),
                tampered,
                "{}",
                context
            );
            Ok(Outcome::Chain(kind))
        }
    }
}

/// Bytes that often make a still-decodable edit.
const INTERESTING: &[u8] = b"0123456789abcdefABCDEFtTzZ \n\r\t\"\\,:{}[]-+.nul";

fn replacement(old: u8, how: u8, byte: u8, pick: Index) -> u8 {
    match how % 4 {
        0 => byte,
        1 => *pick.get(INTERESTING),
        2 if old.is_ascii_alphabetic() => old ^ 0x20,
        _ => old.wrapping_add(1 + byte % 3),
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// 1. The untouched log decodes, verifies against its head and replays.
    #[test]
    fn untouched_log_verifies(scenario in log()) {
        let log = build(&scenario);
        prop_assert!((10..=40).contains(&log.n()));
        let jsonl = log.jsonl();
        prop_assert_eq!(&jsonl, &log.lines.iter().map(|l| format!("{l}\n")).collect::<String>());
        let decoded = read_json_lines(jsonl.as_bytes())?;
        prop_assert_eq!(&decoded, &log.envelopes);
        prop_assert_eq!(verify(&decoded, Some(&log.head)), Ok(Some(log.head)));
        prop_assert_eq!(&Incident::replay_json_lines(jsonl.as_bytes(), &ReplayOptions::default())?, &log.live);
        let anchored = ReplayOptions::default().anchor(log.head);
        prop_assert_eq!(&Incident::replay_json_lines(jsonl.as_bytes(), &anchored)?, &log.live);
    }

    /// 3. Deleting one event is detected at its sequence (the last one as truncation).
    #[test]
    fn deletion_is_detected_and_located(scenario in log(), which in any::<Index>()) {
        let log = build(&scenario);
        let n = log.n();
        let i = which.index(n);
        let mut cut = log.envelopes.clone();
        cut.remove(i);
        let fast = ReplayOptions::default().skip_verification();
        if i + 1 < n {
            let expected = broken(seq(i), ChainBreak::Deleted { found: seq(i + 1) });
            prop_assert_eq!(verify(&cut, Some(&log.head)), Err(expected.clone()));
            prop_assert_eq!(verify(&cut, None), Err(expected.clone()));
            prop_assert_eq!(Incident::replay(&cut).err(), Some(ReplayError::Tampered(expected.clone())));
            let jsonl = write_json_lines(&cut).map_err(|e| fail(e.to_string()))?;
            prop_assert_eq!(
                Incident::replay_json_lines(jsonl.as_bytes(), &ReplayOptions::default()).err(),
                Some(ReplayError::Tampered(expected))
            );
            prop_assert_eq!(
                Incident::replay_with(&cut, &fast).err(),
                Some(ReplayError::Gap { expected: seq(i), found: seq(i + 1) })
            );
        } else {
            let expected = broken(seq(n - 1), ChainBreak::Truncated { last: seq(n - 2) });
            prop_assert_eq!(verify(&cut, Some(&log.head)), Err(expected.clone()));
            let anchored = ReplayOptions::default().anchor(log.head);
            prop_assert_eq!(Incident::replay_with(&cut, &anchored).err(), Some(ReplayError::Tampered(expected)));
            // Without the head, the last event's deletion is a (valid) shorter log.
            let shorter = Incident::replay(&cut)?;
            prop_assert_eq!(verify(&cut, None), Ok(Some(shorter.head())));
            prop_assert_eq!(shorter.version(), seq(n - 2));
        }
    }

    /// 4a. A copy of an event inserted anywhere is detected where the copy sits; an
    /// adjacent duplicate is reported at the first of the two.
    #[test]
    fn inserted_copy_is_detected_and_located(scenario in log(), source in any::<Index>(), position in any::<Index>()) {
        let log = build(&scenario);
        let n = log.n();
        let j = source.index(n);
        let p = position.index(n + 1);
        let mut longer = log.envelopes.clone();
        longer.insert(p, log.envelopes[j].clone());
        let found = seq(j);
        let at = if p == j || p == j + 1 { seq(j) } else { seq(p) };
        let expected = broken(at, ChainBreak::Inserted { found });
        prop_assert_eq!(verify(&longer, Some(&log.head)), Err(expected.clone()));
        prop_assert_eq!(verify(&longer, None), Err(expected.clone()));
        prop_assert_eq!(Incident::replay(&longer).err(), Some(ReplayError::Tampered(expected)));

        // The one-pass verifier of streaming replay cannot look ahead: a copy placed
        // before its original reads as a deletion, an adjacent duplicate is blamed on the
        // second of the two.
        let streamed = if p < j {
            broken(seq(p), ChainBreak::Deleted { found })
        } else if p == j || p == j + 1 {
            broken(seq(j + 1), ChainBreak::Inserted { found })
        } else {
            broken(seq(p), ChainBreak::Inserted { found })
        };
        let jsonl = write_json_lines(&longer).map_err(|e| fail(e.to_string()))?;
        prop_assert_eq!(
            Incident::replay_json_lines(jsonl.as_bytes(), &ReplayOptions::default()).err(),
            Some(ReplayError::Tampered(streamed))
        );
        let fast = ReplayOptions::default().skip_verification();
        let unverified = if p < j {
            ReplayError::Gap { expected: seq(p), found }
        } else {
            ReplayError::Duplicate { expected: seq(p.max(j + 1)), found }
        };
        prop_assert_eq!(Incident::replay_with(&longer, &fast).err(), Some(unverified));
    }

    /// 4b. An envelope of another incident inserted anywhere is `ForeignIncident` there.
    #[test]
    fn foreign_envelope_is_detected_and_located(scenario in log(), source in any::<Index>(), position in any::<Index>()) {
        let log = build(&scenario);
        let foreign = foreign_log();
        let intruder = source.get(&foreign).clone();
        let p = position.index(log.n() + 1);
        let mut longer = log.envelopes.clone();
        longer.insert(p, intruder.clone());
        let expected = broken(seq(p), ChainBreak::ForeignIncident { found: intruder.incident_id() });
        prop_assert_eq!(verify(&longer, Some(&log.head)), Err(expected.clone()));
        let anchored = ReplayOptions::default().anchor(log.head);
        prop_assert_eq!(Incident::replay_with(&longer, &anchored).err(), Some(ReplayError::Tampered(expected.clone())));
        if p > 0 {
            prop_assert_eq!(verify(&longer, None), Err(expected.clone()));
            prop_assert_eq!(Incident::replay(&longer).err(), Some(ReplayError::Tampered(expected)));
            let fast = ReplayOptions::default().skip_verification();
            prop_assert_eq!(
                Incident::replay_with(&longer, &fast).err(),
                Some(ReplayError::ForeignIncident {
                    sequence: seq(p),
                    expected: log.head.incident_id,
                    found: intruder.incident_id(),
                })
            );
        } else {
            // Without an anchor the first envelope names the incident, so the genuine log
            // is what looks out of place (see `foreign_first_envelope_without_anchor`).
            prop_assert!(verify(&longer, None).is_err());
        }
    }

    /// 5. Swapping two events i < j is `Reordered` at sequence i.
    #[test]
    fn swap_is_reported_as_reordering(scenario in log(), a in any::<Index>(), b in any::<Index>()) {
        let log = build(&scenario);
        let n = log.n();
        let (i, j) = (a.index(n), b.index(n));
        prop_assume!(i != j);
        let (i, j) = (i.min(j), i.max(j));
        let mut swapped = log.envelopes.clone();
        swapped.swap(i, j);
        let expected = broken(seq(i), ChainBreak::Reordered { found: seq(j) });
        prop_assert_eq!(verify(&swapped, Some(&log.head)), Err(expected.clone()));
        prop_assert_eq!(verify(&swapped, None), Err(expected.clone()));
        prop_assert_eq!(Incident::replay(&swapped).err(), Some(ReplayError::Tampered(expected)));
        // One pass cannot tell a reordering from a deletion (documented on ChainVerifier).
        let jsonl = write_json_lines(&swapped).map_err(|e| fail(e.to_string()))?;
        prop_assert_eq!(
            Incident::replay_json_lines(jsonl.as_bytes(), &ReplayOptions::default()).err(),
            Some(ReplayError::Tampered(broken(seq(i), ChainBreak::Deleted { found: seq(j) })))
        );
        let fast = ReplayOptions::default().skip_verification();
        prop_assert_eq!(
            Incident::replay_with(&swapped, &fast).err(),
            Some(ReplayError::Gap { expected: seq(i), found: seq(j) })
        );
    }

    /// 6. Truncating k ≥ 1 events is `Truncated` with the head, and goes unnoticed
    /// without it (the documented limitation).
    #[test]
    fn truncation_needs_the_head(scenario in log(), cut in any::<Index>()) {
        let log = build(&scenario);
        let n = log.n();
        let k = 1 + cut.index(n);
        let kept = &log.envelopes[..n - k];
        let expected = broken(seq(n - k), ChainBreak::Truncated { last: u64::try_from(n - k).unwrap() });
        prop_assert_eq!(verify(kept, Some(&log.head)), Err(expected.clone()));
        let anchored = ReplayOptions::default().anchor(log.head);
        let jsonl = write_json_lines(kept).map_err(|e| fail(e.to_string()))?;
        if kept.is_empty() {
            prop_assert_eq!(verify(kept, None), Ok(None));
            prop_assert_eq!(Incident::replay(kept).err(), Some(ReplayError::Empty));
        } else {
            let earlier = Incident::replay(kept)?;
            prop_assert_eq!(verify(kept, None), Ok(Some(earlier.head())));
            prop_assert_eq!(earlier.version(), u64::try_from(n - k).unwrap());
            prop_assert_eq!(Incident::replay_with(kept, &anchored).err(), Some(ReplayError::Tampered(expected.clone())));
            prop_assert_eq!(
                Incident::replay_json_lines(jsonl.as_bytes(), &anchored).err(),
                Some(ReplayError::Tampered(expected))
            );
            prop_assert_eq!(&Incident::replay_json_lines(jsonl.as_bytes(), &ReplayOptions::default())?, &earlier);
        }
    }

    /// 7. Without verification an edited payload that still decodes goes through (the
    /// documented trade-off); with it, it is `EditedPayload` at that sequence.
    #[test]
    fn skipping_verification_misses_edited_payloads(scenario in log(), which in 0usize..9, letter in b'a'..=b'z') {
        let log = build(&scenario);
        // Lines 2..=10 are the leading notes; their text starts with a lower-case letter.
        let k = 1 + which;
        let line = &log.lines[k];
        let (start, end) = member_spans(line)["event"];
        let event = &line[start..end];
        prop_assert!(event.ends_with("\"type\":\"note_added\"}"), "not a note: {}", line);
        let marker = "{\"text\":\"";
        prop_assert!(event.starts_with(marker), "{}", event);
        let at = start + marker.len();
        let old = line.as_bytes()[at];
        prop_assume!(old != letter);
        let mut lines = log.lines.clone();
        lines[k].replace_range(at..=at, &char::from(letter).to_string());
        let jsonl: String = lines.iter().map(|l| format!("{l}\n")).collect();

        let decoded = read_json_lines(jsonl.as_bytes())?;
        let expected = verify(&decoded, Some(&log.head)).err().ok_or_else(|| fail("not detected".into()))?;
        prop_assert_eq!(expected.sequence, seq(k));
        prop_assert!(matches!(expected.kind, ChainBreak::EditedPayload { .. }), "{:?}", expected);
        prop_assert_eq!(Incident::replay(&decoded).err(), Some(ReplayError::Tampered(expected.clone())));
        prop_assert_eq!(
            Incident::replay_json_lines(jsonl.as_bytes(), &ReplayOptions::default()).err(),
            Some(ReplayError::Tampered(expected))
        );

        let fast = ReplayOptions::default().skip_verification();
        let forged = Incident::replay_json_lines(jsonl.as_bytes(), &fast)?;
        prop_assert_eq!(&Incident::replay_with(&decoded, &fast)?, &forged);
        let original = &log.live.notes()[which].text;
        let shown = &forged.notes()[which].text;
        prop_assert_ne!(shown, original);
        prop_assert_eq!(shown.as_bytes()[0], letter);
        prop_assert_eq!(&shown[1..], &original[1..]);
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// 2. Any single-byte change to a stored line is detected and located, unless it
    /// decodes to the identical envelope by a known lenient re-encoding.
    #[test]
    fn single_byte_edit_is_detected_and_located(
        scenario in log(),
        line in any::<Index>(),
        byte in any::<Index>(),
        how in any::<u8>(),
        value in any::<u8>(),
        pick in any::<Index>(),
    ) {
        let log = build(&scenario);
        let k = line.index(log.n());
        let idx = byte.index(log.lines[k].len());
        let old = log.lines[k].as_bytes()[idx];
        let new = replacement(old, how, value, pick);
        if new != old {
            check_single_byte_edit(&log, k, idx, new)?;
        }
    }
}

/// A short fixed log: a declaration, notes with control characters and escapes, evidence.
fn fixed_log() -> Log {
    let scenario = Scenario {
        declare: Declare::new(
            incident_id(),
            IncidentKind::DataBreach,
            "Customer \"VIP\" records",
        )
        .detection(DetectionSource::NetworkTraffic, detected_at())
        .severity(Severity::Sev2)
        .owner(actor("zhang.min")),
        declared_by: actor("soc.oncall"),
        declared_at: base(),
        steps: vec![
            Step {
                at: base() + Duration::minutes(5),
                actor: actor("li.wei"),
                command: Command::AddNote {
                    text: "tab\there \u{1}\u{1f} back\\slash \"q\" é€😀".into(),
                },
            },
            Step {
                at: base() + Duration::minutes(9),
                actor: actor("li.wei"),
                command: Command::AddEvidence(NewEvidence {
                    evidence_id: EvidenceId::new("E1").unwrap(),
                    description: "edge firewall logs".into(),
                    collected_by: actor("li.wei"),
                    collected_at: base() + Duration::minutes(8),
                    location: "evidence store".into(),
                    digest: Some(
                        ContentDigest::new(
                            DigestAlgorithm::Md5,
                            "d41d8cd98f00b204e9800998ecf8427e",
                        )
                        .unwrap(),
                    ),
                }),
            },
        ],
    };
    let (log, _) = run(&scenario);
    assert_eq!(log.version(), 3);
    Log::new(log.envelopes().to_vec())
}

/// 2, exhaustively on a short log: every byte position, with a set of replacements that
/// are likely to keep the line decodable. Pins the complete list of unnoticed
/// re-encodings.
#[test]
fn every_position_of_a_short_log_is_covered() {
    let log = fixed_log();
    let mut outcomes: BTreeMap<Outcome, usize> = BTreeMap::new();
    for (k, line) in log.lines.iter().enumerate() {
        for (idx, &old) in line.as_bytes().iter().enumerate() {
            let mut candidates = vec![b' ', b'\n', b'"', b'0', old.wrapping_add(1)];
            if old.is_ascii_alphabetic() {
                candidates.push(old ^ 0x20);
            }
            candidates.sort_unstable();
            candidates.dedup();
            for new in candidates.into_iter().filter(|b| *b != old) {
                let outcome =
                    check_single_byte_edit(&log, k, idx, new).unwrap_or_else(|e| panic!("{e}"));
                *outcomes.entry(outcome).or_default() += 1;
            }
        }
    }
    let seen = |o: Outcome| outcomes.get(&o).copied().unwrap_or_default();
    assert!(seen(Outcome::Decode) > 0, "{outcomes:#?}");
    assert!(seen(Outcome::Chain("edited_payload")) > 0, "{outcomes:#?}");
    assert!(seen(Outcome::Chain("edited_metadata")) > 0, "{outcomes:#?}");
    // An edited incident id breaks the envelope's own digest: never "foreign".
    assert_eq!(seen(Outcome::Chain("foreign_incident")), 0, "{outcomes:#?}");
    let reencodings: Vec<&str> = outcomes
        .keys()
        .filter_map(|o| match o {
            Outcome::Reencoded(class) => Some(*class),
            _ => None,
        })
        .collect();
    assert_eq!(
        reencodings,
        [
            "\\u escape hex in upper case",
            "incident id hex in upper case",
            "timestamp digit as space",
            "timestamp separator T as t or space",
            "timestamp zone Z as z",
        ],
        "{outcomes:#?}"
    );
}

/// An edited incident id is edited metadata (the envelope no longer matches its own
/// digest), not a foreign envelope: the digests are checked before the incident id.
#[test]
fn edited_incident_id_is_edited_metadata() {
    let log = fixed_log();
    let id = log.head.incident_id.to_string();
    // Change the first hex digit of the id on line 2 ("5ec1…" → "4ec1…").
    let mut jsonl = log.jsonl();
    let line2 = log.lines[0].len() + 1;
    let at = line2 + log.lines[1].find(&id).unwrap();
    jsonl.replace_range(at..=at, "4");
    let decoded = read_json_lines::<Event>(jsonl.as_bytes()).unwrap();
    let edited = decoded[1].incident_id();
    assert_ne!(edited, log.head.incident_id);
    assert_eq!(
        verify(&decoded, Some(&log.head)),
        Err(broken(
            2,
            ChainBreak::EditedMetadata {
                stored: decoded[1].digest(),
                computed: decoded[1].computed_digest()
            }
        ))
    );
    assert_ne!(decoded[1].computed_digest(), decoded[1].digest());
}

/// Without an anchor the first envelope decides which incident the log is: an envelope
/// of another incident put first makes the genuine declaration look foreign (or the log
/// look reordered). The anchor avoids this.
#[test]
fn foreign_first_envelope_without_anchor() {
    let log = fixed_log();
    let foreign = foreign_log();
    let mut longer = log.envelopes.clone();
    longer.insert(0, foreign[0].clone());
    assert_eq!(
        verify(&longer, None),
        Err(broken(
            2,
            ChainBreak::ForeignIncident {
                found: log.head.incident_id
            }
        ))
    );
    let mut longer = log.envelopes.clone();
    longer.insert(0, foreign[2].clone());
    assert_eq!(
        verify(&longer, None),
        Err(broken(1, ChainBreak::Reordered { found: 3 }))
    );
    assert_eq!(
        verify(&longer, Some(&log.head)),
        Err(broken(
            1,
            ChainBreak::ForeignIncident {
                found: foreign[2].incident_id()
            }
        ))
    );
}

/// A log rewritten from some point on (a different but validly sealed event) verifies on
/// its own; only the published head shows it was `Rewritten`.
#[test]
fn rewritten_history_needs_the_head() {
    let log = fixed_log();
    let mut incident = Incident::replay(&log.envelopes[..2]).unwrap();
    let ctx = Context::new(actor("li.wei"), base() + Duration::minutes(9));
    let forged = incident
        .execute(
            &Command::AddNote {
                text: "nothing was collected".into(),
            },
            &ctx,
        )
        .unwrap();
    incident.apply(&forged[0]).unwrap();
    let mut fork = log.envelopes[..2].to_vec();
    fork.extend(forged);
    assert_eq!(verify(&fork, None), Ok(Some(incident.head())));
    assert_eq!(
        verify(&fork, Some(&log.head)),
        Err(broken(
            3,
            ChainBreak::Rewritten {
                anchored: log.head.digest,
                found: incident.head_digest(),
            }
        ))
    );
}
