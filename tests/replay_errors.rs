//! Replay rejects damaged logs with an error naming the offending sequence number or line,
//! and never panics.

// Test code: a failed setup should stop the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;

use incident::chain::*;
use incident::*;

use driver::*;

fn small_log() -> (Desk, Vec<Envelope>) {
    let declare = Declare::new(
        IncidentId::from_bytes([7; 16]),
        IncidentKind::DataBreach,
        "t",
    )
    .detection(DetectionSource::LogReview, at(2026, 1, 5, 10, 0))
    .severity(Severity::Sev3)
    .owner(actor("o"));
    let mut desk = Desk::declare(declare, at(2026, 1, 5, 10, 5), "o");
    for n in 0..4 {
        desk.advance(1).run(Command::AddNote {
            text: format!("note {n}"),
        });
    }
    let log = desk.log.envelopes().to_vec();
    (desk, log)
}

#[test]
fn gap_is_named_with_and_without_verification() {
    let (_, mut log) = small_log();
    log.remove(2);
    let err = Incident::replay(&log).unwrap_err();
    assert!(
        matches!(
            &err,
            ReplayError::Tampered(ChainError {
                sequence: 3,
                kind: ChainBreak::Deleted { found: 4 }
            })
        ),
        "{err}"
    );
    let err =
        Incident::replay_with(&log, &ReplayOptions::default().skip_verification()).unwrap_err();
    assert_eq!(
        err,
        ReplayError::Gap {
            expected: 3,
            found: 4
        }
    );
    assert_eq!(
        err.to_string(),
        "gap in the event log: expected sequence 3, found 4"
    );
    assert_eq!(err.sequence(), Some(3));
}

#[test]
fn duplicate_is_named() {
    let (_, mut log) = small_log();
    log.insert(3, log[2].clone());
    let err = Incident::replay(&log).unwrap_err();
    assert!(
        matches!(
            &err,
            ReplayError::Tampered(ChainError {
                kind: ChainBreak::Inserted { found: 3 },
                ..
            })
        ),
        "{err}"
    );
    let err =
        Incident::replay_with(&log, &ReplayOptions::default().skip_verification()).unwrap_err();
    assert_eq!(
        err,
        ReplayError::Duplicate {
            expected: 4,
            found: 3
        }
    );
}

#[test]
fn foreign_incident_is_named() {
    let (_, log) = small_log();
    let declare = Declare::new(
        IncidentId::from_bytes([8; 16]),
        IncidentKind::DataBreach,
        "other",
    )
    .detection(DetectionSource::LogReview, at(2026, 1, 5, 10, 0))
    .severity(Severity::Sev3)
    .owner(actor("o"));
    let mut other = Desk::declare(declare, at(2026, 1, 5, 10, 5), "o");
    other.advance(1).run(Command::AddNote { text: "x".into() });
    let mut mixed = log[..2].to_vec();
    mixed.push(other.log.envelopes()[1].clone());
    let err = Incident::replay(&mixed).unwrap_err();
    assert!(
        matches!(
            &err,
            ReplayError::Tampered(ChainError {
                sequence: 3,
                kind: ChainBreak::ForeignIncident { .. }
            })
        ),
        "{err}"
    );
    let err =
        Incident::replay_with(&mixed, &ReplayOptions::default().skip_verification()).unwrap_err();
    assert!(
        matches!(err, ReplayError::ForeignIncident { sequence: 3, .. }),
        "{err}"
    );
}

#[test]
fn corrupted_json_names_the_line() {
    let (_, log) = small_log();
    let mut text = write_json_lines(&log).unwrap();
    let third_line_start = text.match_indices('\n').nth(1).unwrap().0 + 1;
    text.replace_range(third_line_start..third_line_start + 1, "[");
    let err = Incident::replay_json_lines(text.as_bytes(), &ReplayOptions::default()).unwrap_err();
    assert!(matches!(err, ReplayError::Decode { line: 3, .. }), "{err}");
    assert!(err
        .to_string()
        .starts_with("line 3 of the event log is not a valid envelope"));
    // Truncated in the middle of a line, and invalid UTF-8.
    let fresh = write_json_lines(&log).unwrap();
    let cut = &fresh.as_bytes()[..fresh.len() - 10];
    assert!(matches!(
        Incident::replay_json_lines(cut, &ReplayOptions::default()),
        Err(ReplayError::Decode { line: 5, .. })
    ));
    let mut bytes = write_json_lines(&log).unwrap().into_bytes();
    bytes[5] = 0xff;
    assert!(matches!(
        read_json_lines::<Event>(&bytes),
        Err(DecodeError::Malformed { line: 1, .. })
    ));
}

#[test]
fn unknown_event_tag_and_unknown_fields_are_rejected() {
    let (_, log) = small_log();
    let line = log[1]
        .to_json()
        .unwrap()
        .replace("\"note_added\"", "\"note_deleted\"");
    let err = Envelope::from_json(line.as_bytes()).unwrap_err();
    assert!(
        matches!(&err, DecodeError::Malformed { line: 1, message } if message.contains("note_deleted")),
        "{err}"
    );
    let line = log[1]
        .to_json()
        .unwrap()
        .replacen("\"text\"", "\"extra\":1,\"text\"", 1);
    let err = Envelope::from_json(line.as_bytes()).unwrap_err();
    assert!(
        matches!(&err, DecodeError::Malformed { message, .. } if message.contains("unknown field")),
        "{err}"
    );
}

#[test]
fn newer_schema_version_is_explained() {
    let (_, log) = small_log();
    let line = log[1]
        .to_json()
        .unwrap()
        .replace("\"schema_version\":1", "\"schema_version\":2");
    let err = Envelope::from_json(line.as_bytes()).unwrap();
    // The shape is unchanged, so it decodes; replay then refuses the version.
    let mut tampered = log.clone();
    tampered[1] = err;
    let err = Incident::replay_with(&tampered, &ReplayOptions::default().skip_verification())
        .unwrap_err();
    assert_eq!(
        err,
        ReplayError::UnsupportedSchemaVersion {
            sequence: 2,
            found: 2,
            supported: 1
        }
    );
    assert!(err.to_string().contains("upgrade the incident crate"));
    // A newer shape that does not decode is explained by its version too.
    let line = log[1].to_json().unwrap().replace(
        "\"schema_version\":1",
        "\"schema_version\":9,\"new_field\":true",
    );
    // The sequence reported is the envelope's own (2), not the line number (1).
    assert_eq!(
        Envelope::from_json(line.as_bytes()).unwrap_err(),
        DecodeError::UnsupportedSchemaVersion {
            line: 1,
            sequence: Some(2),
            found: 9,
            supported: 1
        }
    );
    // Without a readable sequence it is still a newer version, named as such; replay
    // reports it as a decode error of that line.
    let bare = r#"{"schema_version":9}"#;
    let err = Envelope::from_json(bare.as_bytes()).unwrap_err();
    assert_eq!(
        err,
        DecodeError::UnsupportedSchemaVersion {
            line: 1,
            sequence: None,
            found: 9,
            supported: 1
        }
    );
    match ReplayError::from(err) {
        ReplayError::Decode { line: 1, message } => {
            assert!(message.contains("schema version 9"), "{message}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn empty_log_and_log_not_starting_with_a_declaration() {
    assert_eq!(Incident::replay(&[]).unwrap_err(), ReplayError::Empty);
    assert_eq!(
        Incident::replay_json_lines(b"\n\n", &ReplayOptions::default()).unwrap_err(),
        ReplayError::Empty
    );
    let (_, log) = small_log();
    let err = Incident::replay_with(&log[1..], &ReplayOptions::default().skip_verification())
        .unwrap_err();
    assert_eq!(
        err,
        ReplayError::Gap {
            expected: 1,
            found: 2
        }
    );
}

#[test]
fn apply_refuses_an_envelope_that_does_not_continue_the_chain() {
    let (desk, log) = small_log();
    let mut state = Incident::replay(&log[..3]).unwrap();
    let before = state.clone();
    assert_eq!(
        state.apply(&log[4]).unwrap_err(),
        ReplayError::Gap {
            expected: 4,
            found: 5
        }
    );
    assert_eq!(
        state.apply(&log[1]).unwrap_err(),
        ReplayError::Duplicate {
            expected: 4,
            found: 2
        }
    );
    assert_eq!(state, before);
    // An envelope made from a stale state does not link to the current head.
    let stale = Incident::replay(&log[..2]).unwrap();
    let forged = stale
        .execute(
            &Command::AddNote {
                text: "stale".into(),
            },
            &desk.ctx(),
        )
        .unwrap();
    let mut renumbered = Incident::replay(&log[..1]).unwrap();
    assert!(renumbered.apply(&forged[0]).is_err());
    state.apply(&log[3]).unwrap();
    state.apply(&log[4]).unwrap();
    assert_eq!(state, desk.incident);
}

#[test]
fn append_detects_conflicts_and_foreign_batches() {
    let (desk, log) = small_log();
    let mut store = EventLog::new(desk.incident.id());
    store.append(0, &log[..3]).unwrap();
    let err = store.append(2, &log[3..]).unwrap_err();
    assert!(err.is_conflict());
    assert_eq!(err.to_string(), "version conflict: expected the log at version 2, but it is at 3; reload the incident, decide again and retry");
    assert!(matches!(
        store.append(3, &log[4..]),
        Err(AppendError::Discontinuous {
            position: 0,
            expected_sequence: 4,
            ..
        })
    ));
    store.append(3, &log[3..]).unwrap();
    assert_eq!(store.head(), Some(desk.incident.head()));
}
