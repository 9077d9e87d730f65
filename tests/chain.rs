//! The hash chain's canonical form is pinned: a golden head digest for a fixed log, an
//! independent computation of one envelope's digests from the README's algorithm, and a
//! frozen v1 log that must always replay and verify.

// Test code: a failed setup should stop the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;

use incident::chain::*;
use incident::classify::*;
use incident::*;
use sha2::{Digest as _, Sha256};

use driver::*;

fn fixed_log() -> Vec<Envelope> {
    let declare = Declare::new(
        "67e55044-10b1-426f-9247-bb680e5fe0c8".parse().unwrap(),
        IncidentKind::DataBreach,
        "客户数据泄露 \"golden\"\n",
    )
    .detection(DetectionSource::Monitoring, at(2026, 3, 14, 1, 10))
    .severity(Severity::Sev2)
    .owner(actor("zhang.min"));
    let mut desk = Desk::declare(declare, at(2026, 3, 14, 1, 30), "soc");
    desk.advance(5)
        .run(Command::AddNote {
            text: "Blocked 203.0.113.7 at the edge; tab\there".into(),
        })
        .run(Command::UpdateImpact {
            update: ImpactUpdate::default()
                .people_estimated(1_200)
                .funds_involved(Money::from_minor(500_000, Currency::CNY)),
            reason: None,
        });
    desk.log.envelopes().to_vec()
}

/// SHA-256 hex of the RFC 8785 form of a JSON value, written independently of the crate:
/// serde_json's default map is sorted by key and its compact writer escapes like RFC 8785.
fn independent_digest(value: &serde_json::Value) -> String {
    let text = serde_json::to_string(value).unwrap();
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn golden_head_digest() {
    let log = fixed_log();
    let head = verify(&log, None).unwrap().unwrap();
    assert_eq!(head.sequence, 3);
    assert_eq!(
        head.digest.to_string(),
        "19ffc8823274267bf61853c683035422c138e385f56745e823ed3cf2bc4d2773",
        "the canonical form or the event shapes changed: that breaks every stored chain"
    );
}

#[test]
fn digests_follow_the_documented_algorithm() {
    let log = fixed_log();
    let genesis: String =
        Sha256::digest(b"incident-event-chain/v1:67e55044-10b1-426f-9247-bb680e5fe0c8")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
    let mut prev = genesis;
    for envelope in &log {
        let stored: serde_json::Value = serde_json::from_str(&envelope.to_json().unwrap()).unwrap();
        let obj = stored.as_object().unwrap();
        // payload_digest = SHA-256(canonical(event))
        assert_eq!(
            independent_digest(&obj["event"]),
            obj["payload_digest"].as_str().unwrap()
        );
        // digest = SHA-256(canonical(envelope without "event" and "digest"))
        let mut meta = obj.clone();
        meta.remove("event");
        meta.remove("digest");
        assert_eq!(
            independent_digest(&serde_json::Value::Object(meta)),
            obj["digest"].as_str().unwrap()
        );
        // prev_digest links to the previous digest (genesis for sequence 1)
        assert_eq!(obj["prev_digest"].as_str().unwrap(), prev);
        prev = obj["digest"].as_str().unwrap().to_owned();
    }
}

#[test]
fn frozen_v1_log_replays_and_verifies() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/events_v1.jsonl"
    );
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, write_json_lines(&fixed_log()).unwrap()).unwrap();
    }
    let bytes = std::fs::read(path).unwrap();
    let incident = Incident::replay_json_lines(&bytes, &ReplayOptions::default()).unwrap();
    assert_eq!(incident.version(), 3);
    assert_eq!(incident.impact().people.estimated, Some(1_200));
    assert_eq!(
        incident.notes()[0].text,
        "Blocked 203.0.113.7 at the edge; tab\there"
    );
    // Re-encoding the decoded envelopes gives back the stored bytes exactly.
    let envelopes = read_json_lines::<Event>(&bytes).unwrap();
    assert_eq!(write_json_lines(&envelopes).unwrap().as_bytes(), &bytes[..]);
}

#[test]
fn stored_form_is_canonical_and_other_faithful_encodings_still_verify() {
    let log = fixed_log();
    let canonical = write_json_lines(&log).unwrap();
    // The stored line is its own canonical form (sorted members, no white space).
    for line in canonical.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(serde_json::to_string(&value).unwrap(), line);
    }
    // Declaration-order keys and pretty-printed events, as a database might hand them back.
    let reordered: String = log
        .iter()
        .map(|e| serde_json::to_string(e).unwrap() + "\n")
        .collect();
    assert_ne!(reordered, canonical);
    let incident =
        Incident::replay_json_lines(reordered.as_bytes(), &ReplayOptions::default()).unwrap();
    assert_eq!(incident, Incident::replay(&log).unwrap());
    // An edit is caught at the right place in that other encoding (re-encoding path) and
    // in the canonical one (stored-bytes path).
    for encoding in [&reordered, &canonical] {
        let edited = encoding.replacen("tab\\there", "tab\\tHere", 1);
        let err =
            Incident::replay_json_lines(edited.as_bytes(), &ReplayOptions::default()).unwrap_err();
        assert!(
            matches!(
                &err,
                ReplayError::Tampered(ChainError {
                    sequence: 2,
                    kind: ChainBreak::EditedPayload { .. }
                })
            ),
            "{err}"
        );
    }
}
