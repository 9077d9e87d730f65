//! The one-pass event decoder against serde's derived one, and the readers' one rule for
//! stored payloads.
//!
//! - Every generated envelope's event decodes by the one-pass route (no fallback) to the
//!   value serde's derive gives, and whole lines decode as `serde_json` decodes them; a
//!   member planted anywhere is refused by the route and by the reader alike.
//! - A stored event whose bytes are not canonical but whose digests were recomputed over
//!   those bytes is an edited payload to verified replay and to `verify` alike; a faithful
//!   re-formatting (keys reordered, white space) of a genuine log verifies in both.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod generators;

use generators::config;
use generators::scenario::{run, scenario};
use incident::chain::{
    canonical_line_decode, read_json_lines, verify, write_json_lines, ChainBreak, Digest, Payload,
};
use incident::lifecycle::one_pass_decode;
use incident::{Envelope, Event, Incident, ReplayError, ReplayOptions};
use proptest::prelude::*;
use serde_json::Value;

/// The event member of a stored line, as stored.
fn event_bytes(line: &str) -> String {
    let value: Value = serde_json::from_str(line).unwrap();
    serde_json::to_string(&value["event"]).unwrap()
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn the_one_pass_route_equals_the_derive_on_every_generated_envelope(scenario in scenario()) {
        let (log, _) = run(&scenario);
        for envelope in log.envelopes() {
            let line = envelope.to_json().unwrap();
            let event = event_bytes(&line);
            let derived: Event = serde_json::from_str(&event).unwrap();
            let fast = one_pass_decode(event.as_bytes());
            prop_assert_eq!(fast.as_ref(), Some(&derived), "the one-pass route fell back on {}", event);
            prop_assert_eq!(&derived, envelope.event());
            prop_assert_eq!(<Event as Payload>::decode_json(event.as_bytes()).unwrap(), derived);
            let reference: Envelope = serde_json::from_str(&line).unwrap();
            prop_assert_eq!(&Envelope::from_json(line.as_bytes()).unwrap(), &reference);
            // The whole line in the canonical layout is read by hand, to the same value.
            let by_hand = canonical_line_decode::<Event>(line.as_bytes());
            prop_assert_eq!(by_hand.as_ref(), Some(&reference), "the hand-written line reader fell back on {}", line);
            // Any other layout of the same value is left to serde, which reads it the same.
            for other in other_layouts(&line) {
                prop_assert!(canonical_line_decode::<Event>(other.as_bytes()).is_none(), "{}", other);
                let derived = serde_json::from_str::<Envelope>(&other).map_err(|e| e.to_string());
                prop_assert_eq!(Envelope::from_json(other.as_bytes()).map_err(|e| e.to_string()).ok(), derived.ok());
            }

            // Planted in the event object, or a second tag: both routes refuse.
            let mut planted: Value = serde_json::from_str(&event).unwrap();
            planted["planted"] = "x".into();
            let planted = serde_json::to_string(&planted).unwrap();
            prop_assert!(one_pass_decode(planted.as_bytes()).is_none());
            prop_assert!(serde_json::from_str::<Event>(&planted).is_err());
            let doubled = event.replacen('{', "{\"type\":\"closed\",", 1);
            prop_assert!(one_pass_decode(doubled.as_bytes()).is_none());
            prop_assert!(serde_json::from_str::<Event>(&doubled).is_err());
        }
    }
}

/// The same envelope written other ways: white space, members reordered, an escaped
/// actor, upper-case hex and UUID, another time zone spelling, a leading zero.
fn other_layouts(line: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(line).unwrap();
    let member = |name: &str| format!("\"{name}\":{}", value[name]);
    let swap =
        |name: &str, to: String| line.replacen(&member(name), &format!("\"{name}\":{to}"), 1);
    let text = |name: &str| value[name].as_str().unwrap().to_owned();
    let (actor, id) = (text("actor"), text("incident_id"));
    let first = actor.chars().next().unwrap();
    vec![
        serde_json::to_string_pretty(&value).unwrap(),
        format!(" {line}"),
        swap(
            "actor",
            format!(
                "\"\\u{:04x}{}\"",
                u32::from(first),
                &actor[first.len_utf8()..]
            ),
        ),
        swap("digest", format!("\"{}\"", text("digest").to_uppercase())),
        swap("incident_id", format!("\"{}\"", id.to_uppercase())),
        swap("incident_id", format!("\"{}\"", id.replace('-', ""))),
        swap(
            "recorded_at",
            format!("\"{}\"", text("recorded_at").replace('Z', "+00:00")),
        ),
        swap("schema_version", "01".to_owned()),
        swap("sequence", format!(" {}", value["sequence"])),
        {
            let mut reordered: Vec<(String, Value)> =
                value.as_object().unwrap().clone().into_iter().collect();
            reordered.reverse();
            let members: Vec<String> = reordered
                .iter()
                .map(|(k, v)| format!("{}:{}", Value::from(k.clone()), v))
                .collect();
            format!("{{{}}}", members.join(","))
        },
    ]
}

/// A genuine three-event log as JSON values, one per line.
fn genuine() -> Vec<Value> {
    use driver::*;
    use incident::classify::*;
    use incident::*;
    let declare = Declare::new(id(3), IncidentKind::DataBreach, "Card data exfiltrated")
        .detection(DetectionSource::Monitoring, at(2026, 3, 14, 1, 10))
        .severity(Severity::Sev2)
        .owner(actor("zhang.min"));
    let mut desk = Desk::declare(declare, at(2026, 3, 14, 1, 30), "soc");
    desk.advance(5)
        .run(Command::AddNote {
            text: "Blocked 203.0.113.7 at the edge".into(),
        })
        .run(Command::UpdateImpact {
            update: ImpactUpdate::default().people_estimated(1_200),
            reason: None,
        });
    write_json_lines(desk.log.envelopes())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The verdicts of the three readers: verified replay of the text, replay of the decoded
/// envelopes, and `verify` of them.
fn verdicts(text: &str) -> (Result<u64, ReplayError>, Result<u64, ReplayError>, bool) {
    let streamed = Incident::replay_json_lines(text.as_bytes(), &ReplayOptions::default())
        .map(|i| i.version());
    let decoded = read_json_lines::<Event>(text.as_bytes()).unwrap();
    let replayed = Incident::replay(&decoded).map(|i| i.version());
    (streamed, replayed, verify(&decoded, None).is_ok())
}

/// Seals `event_text` (written as given, not canonically) as the last line's payload, with
/// the payload and envelope digests recomputed over exactly those bytes.
fn reseal_last_over_raw(lines: &[Value], event_text: &str) -> String {
    let last = lines.last().unwrap();
    let mut meta = last.clone();
    let meta = meta.as_object_mut().unwrap();
    meta.remove("event");
    meta.remove("digest");
    meta.insert(
        "payload_digest".into(),
        Digest::of(event_text.as_bytes()).to_string().into(),
    );
    let digest = Digest::of(serde_json::to_string(meta).unwrap().as_bytes());
    meta.insert("digest".into(), digest.to_string().into());
    let meta_text = serde_json::to_string(meta).unwrap();
    let line = format!("{{\"event\":{event_text},{}", &meta_text[1..]);
    let mut out: Vec<String> = lines[..lines.len() - 1]
        .iter()
        .map(|l| serde_json::to_string(l).unwrap())
        .collect();
    out.push(line);
    out.join("\n")
}

#[test]
fn a_non_canonical_resealed_payload_is_edited_to_every_reader() {
    let lines = genuine();
    let event = serde_json::to_string(&lines[2]["event"]).unwrap();
    // The same value, written with white space and keys in another order: not canonical.
    let value: Value = serde_json::from_str(&event).unwrap();
    let mut reordered = String::from("{ ");
    let members: Vec<String> = value
        .as_object()
        .unwrap()
        .iter()
        .rev()
        .map(|(k, v)| format!("{}: {}", serde_json::to_string(k).unwrap(), v))
        .collect();
    reordered.push_str(&members.join(", "));
    reordered.push_str(" }");
    assert_ne!(reordered, event);
    let text = reseal_last_over_raw(&lines, &reordered);
    let (streamed, replayed, verified) = verdicts(&text);
    assert!(!verified);
    for verdict in [&streamed, &replayed] {
        match verdict {
            Err(ReplayError::Tampered(e)) => {
                assert_eq!(e.sequence, 3);
                assert!(matches!(e.kind, ChainBreak::EditedPayload { .. }), "{e:?}");
            }
            other => panic!("expected an edited payload, got {other:?}"),
        }
    }
    assert_eq!(streamed, replayed);

    // Sealed over the canonical bytes, the same re-formatted text is genuine to all three.
    let canonical = reseal_last_over_raw(&lines, &event);
    let faithful = canonical.replace(&event, &reordered);
    assert_ne!(faithful, canonical);
    let (streamed, replayed, verified) = verdicts(&faithful);
    assert!(verified);
    assert_eq!(streamed.unwrap(), 3);
    assert_eq!(replayed.unwrap(), 3);
}
