//! Attack: text planted in a stored line. A member the event contract does not have,
//! added to any object of any event (or to the envelope), must make the line unreadable,
//! so that `verify`, replay, bundle verification and `incident_cli validate` all refuse it
//! instead of decoding the line without the planted text and finding the digests intact.
//!
//! The events come from generated incidents (a fixed seed) until every event type has been
//! seen, plus the seed cases; each event's JSON is walked and a member planted in every
//! object in turn.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod generators;
mod seeds;

use std::collections::BTreeMap;

use generators::scenario::{run, scenario};
use incident::bundle::EvidenceBundle;
use incident::chain::{read_json_lines, write_json_lines};
use incident::{Envelope, Event, Incident, ReplayOptions};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};
use serde_json::Value;

/// The `type` of each event variant in the published schema, so that a new event cannot be
/// left out of this attack.
fn schema_event_types() -> Vec<&'static str> {
    static SCHEMA: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let schema = SCHEMA
        .get_or_init(|| serde_json::from_str(include_str!("../schema/envelope.json")).unwrap());
    schema["$defs"]["Event"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|variant| variant["properties"]["type"]["const"].as_str().unwrap())
        .collect()
}

/// One stored line per event type: the first seen of each, from generated incidents and
/// the seed cases.
fn one_line_per_event_type() -> BTreeMap<String, Value> {
    let mut lines: BTreeMap<String, Value> = BTreeMap::new();
    let keep = |lines: &mut BTreeMap<String, Value>, envelopes: &[Envelope]| {
        for envelope in envelopes {
            let line: Value = serde_json::from_str(&envelope.to_json().unwrap()).unwrap();
            let kind = line["event"]["type"].as_str().unwrap().to_owned();
            lines.entry(kind).or_insert(line);
        }
    };
    keep(
        &mut lines,
        seeds::platform_theft::platform_theft_until_review()
            .log
            .envelopes(),
    );
    keep(&mut lines, overdue_action().log.envelopes());
    keep(&mut lines, with_a_playbook().log.envelopes());
    keep(
        &mut lines,
        seeds::securities_takeover::securities_takeover_until_review()
            .log
            .envelopes(),
    );
    let mut runner = TestRunner::new_with_rng(
        generators::config(1),
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    let strategy = scenario();
    // Generated incidents until every event type of the contract has been seen (most are by
    // the 400th; a rare one may take longer), at most 2,000.
    let types = schema_event_types();
    for _ in 0..2_000 {
        let scenario = strategy.new_tree(&mut runner).unwrap().current();
        keep(&mut lines, run(&scenario).0.envelopes());
        if types.iter().all(|t| lines.contains_key(*t)) {
            break;
        }
    }
    lines
}

/// A desk declared with a built-in playbook (its activation and what it instantiates).
fn with_a_playbook() -> driver::Desk {
    let playbook = incident::playbook::builtin_playbook("payments.data-funds-theft").unwrap();
    let at = driver::at(2026, 3, 14, 1, 30);
    let declare = incident::Declare::new(driver::id(9), playbook.scope().kind, "Planted lines")
        .detection(incident::DetectionSource::Monitoring, at)
        .severity(incident::Severity::Sev1)
        .owner(driver::actor("zhang.min"))
        .playbook(incident::playbook::Activation::new(
            playbook,
            incident::locale::Locale::ZhCn,
        ));
    driver::Desk::declare(declare, at, "soc")
}

/// A desk whose action fell due undone, recorded by the timer.
fn overdue_action() -> driver::Desk {
    let mut desk = seeds::platform_theft::platform_theft_until_review();
    desk.run(driver::commands::add_action(
        "P-9",
        incident::actions::ActionKind::Prevention,
        "Rotate every back-office credential",
        Some("ops"),
        Some(desk.now + chrono::Duration::hours(1)),
        None,
    ));
    desk.advance(120);
    let commands = desk.incident.handle_timeout(None, desk.now);
    assert!(!commands.is_empty(), "the timer records the overdue action");
    for command in commands {
        desk.run(command);
    }
    desk
}

/// Every JSON pointer to an object inside `value` (its root included).
fn objects(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            out.push(at.clone());
            for (key, child) in map {
                objects(child, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                objects(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_event_type_is_covered() {
    let lines = one_line_per_event_type();
    // Every event type the contract has occurs at least once.
    let expected = schema_event_types();
    assert!(
        expected.len() > 60,
        "only {} event types in the schema",
        expected.len()
    );
    let missing: Vec<&str> = expected
        .iter()
        .filter(|k| !lines.contains_key(**k))
        .copied()
        .collect();
    assert!(missing.is_empty(), "no generated event of type {missing:?}");
}

#[test]
fn a_member_planted_in_any_object_of_any_event_is_refused() {
    let mut accepted = Vec::new();
    let mut tried = 0;
    for (kind, line) in one_line_per_event_type() {
        let mut pointers = Vec::new();
        objects(&line, String::new(), &mut pointers);
        for pointer in pointers {
            let mut planted = line.clone();
            let Some(Value::Object(object)) = planted.pointer_mut(&pointer) else {
                unreachable!()
            };
            object.insert("planted".into(), Value::from("funds returned to 6222-XXXX"));
            tried += 1;
            let text = serde_json::to_string(&planted).unwrap();
            if Envelope::from_json(text.as_bytes()).is_ok() {
                accepted.push(format!(
                    "{kind} at {}",
                    if pointer.is_empty() { "/" } else { &pointer }
                ));
            }
        }
    }
    assert!(tried > 100, "only {tried} plantings tried");
    assert!(
        accepted.is_empty(),
        "planted members accepted: {accepted:#?}"
    );
}

/// The issue's own example, through every reader: a `closed` event with an approver and a
/// note the contract does not have.
#[test]
fn a_planted_closing_line_is_refused_by_every_reader() {
    let desk = seeds::platform_theft::platform_theft_until_review();
    let mut incident = desk.incident.clone();
    let mut log = desk.log.clone();
    for command in [incident::Command::Review {}, incident::Command::Close {}] {
        let envelopes = incident.execute(&command, &desk.ctx()).unwrap();
        log.append(incident.version(), &envelopes).unwrap();
        for e in &envelopes {
            incident.apply(e).unwrap();
        }
    }
    let text = write_json_lines(log.envelopes()).unwrap();
    let planted = text.replace(
        "\"event\":{\"type\":\"closed\"}",
        "\"event\":{\"approved_by\":\"ceo\",\"note\":\"funds returned to 6222-XXXX\",\"type\":\"closed\"}",
    );
    assert_ne!(planted, text, "the closing line was found");
    assert!(read_json_lines::<Event>(planted.as_bytes()).is_err());
    assert!(Incident::replay_json_lines(planted.as_bytes(), &ReplayOptions::default()).is_err());
    assert!(Incident::replay_json_lines(
        planted.as_bytes(),
        &ReplayOptions::default().skip_verification()
    )
    .is_err());
    // A bundle whose events hold the planted line does not even parse.
    let bundle = EvidenceBundle::export(log.envelopes()).unwrap();
    let json = serde_json::to_string(&bundle).unwrap().replace(
        "\"event\":{\"type\":\"closed\"}",
        "\"event\":{\"approved_by\":\"ceo\",\"type\":\"closed\"}",
    );
    assert!(serde_json::from_str::<EvidenceBundle>(&json).is_err());
}

/// Decodes `json` as `T`, then the same object with a planted member; the first must be
/// read, the second refused.
fn refuses_planted<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) {
    let plain: Value = serde_json::from_str(json).unwrap();
    serde_json::from_value::<T>(plain.clone()).unwrap_or_else(|e| {
        panic!(
            "{json} should decode as {}: {e}",
            std::any::type_name::<T>()
        )
    });
    let mut planted = plain;
    planted["approved_by"] = Value::from("ceo");
    let decoded = serde_json::from_value::<T>(planted.clone());
    assert!(
        decoded.is_err(),
        "{} accepted the planted member in {planted}: {decoded:?}",
        std::any::type_name::<T>()
    );
}

/// The fieldless variants of the tagged types a host stores or sends back (regimes,
/// policies, plans, channel policies, reports) refuse planted members too: serde's
/// `deny_unknown_fields` does not reach a unit variant of an internally tagged enum, so
/// each of these is an empty struct variant. Reverting one to a unit variant fails here.
#[test]
fn fieldless_variants_of_stored_and_exchanged_types_refuse_planted_members() {
    use incident::comms::{MessagePart, PlannedState};
    use incident::compensation::{CompensationStance, SkipReason};
    use incident::regulation::{
        Applicability, CalendarRule, MissingFact, ObligationStatus, Roll, TimeOfDay, Trigger,
        ZoneRule,
    };
    use incident::review::Elapsed;
    use incident::Unmet;

    refuses_planted::<Applicability>(r#"{"test":"always"}"#);
    refuses_planted::<Applicability>(r#"{"test":"personal_data_exposed"}"#);
    refuses_planted::<ZoneRule>(r#"{"zone":"entity"}"#);
    refuses_planted::<CalendarRule>(r#"{"calendar":"entity"}"#);
    refuses_planted::<Trigger>(r#"{"on":"detected"}"#);
    refuses_planted::<TimeOfDay>(r#"{"at":"same_clock_time"}"#);
    refuses_planted::<TimeOfDay>(r#"{"at":"end_of_day"}"#);
    refuses_planted::<Roll>(r#"{"roll":"none"}"#);
    refuses_planted::<Roll>(r#"{"roll":"next_working_day_end"}"#);
    refuses_planted::<ObligationStatus>(r#"{"status":"awaiting_trigger"}"#);
    for missing in [
        "people_affected",
        "people_by_subdivision",
        "data_categories",
        "affected_jurisdictions",
        "cn_grade",
        "entity_time_zone",
        "entity_calendar",
        "out_of_range",
    ] {
        refuses_planted::<MissingFact>(&format!(r#"{{"missing":"{missing}"}}"#));
    }
    refuses_planted::<CompensationStance>(r#"{"status":"undecided"}"#);
    refuses_planted::<SkipReason>(r#"{"kind":"overflow"}"#);
    for part in ["subject", "body", "whole"] {
        refuses_planted::<MessagePart>(&format!(r#"{{"part":"{part}"}}"#));
    }
    for state in ["not_drafted", "drafted", "approved", "stale"] {
        refuses_planted::<PlannedState>(&format!(r#"{{"state":"{state}"}}"#));
    }
    refuses_planted::<Elapsed>(r#"{"status":"missing"}"#);
    for code in [
        "owner_required",
        "compensation_undecided",
        "no_compensation_program",
        "no_findings",
        "resolution_notice_not_sent",
        "regulation_not_given",
    ] {
        refuses_planted::<Unmet>(&format!(r#"{{"code":"{code}"}}"#));
    }
}
