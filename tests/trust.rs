//! Trust in the record: nothing backdated, nothing planted, every approval bound to what it
//! approved. Each test names the attack it defends against.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, Duration, TimeZone as _, Utc};
use incident::chain::write_json_lines;
use incident::lifecycle::ApplyError;
use incident::{
    ActorId, Command, Context, Declare, DetectionSource, Envelope, Event, EventLog, Incident,
    IncidentId, IncidentKind, ReplayError, Severity, Unmet,
};
use proptest::prelude::*;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap()
}

fn declared(at: DateTime<Utc>) -> (EventLog<Event>, Incident) {
    let id = IncidentId::from_bytes([3; 16]);
    let declare = Declare::new(id, IncidentKind::DataBreach, "Customer records exfiltrated")
        .detection(DetectionSource::Monitoring, at)
        .severity(Severity::Sev2)
        .owner(ActorId::new("zhang.min").unwrap());
    let mut log = EventLog::new(id);
    log.append(0, &Incident::declare(&declare, &ctx(at)).unwrap())
        .unwrap();
    let incident = Incident::replay(log.envelopes()).unwrap();
    (log, incident)
}

fn ctx(at: DateTime<Utc>) -> Context {
    Context::new(ActorId::new("soc").unwrap(), at)
}

fn note(text: &str) -> Command {
    Command::AddNote { text: text.into() }
}

/// Attack: a client backdates a command (1970) to slip an entry into the past of the log.
#[test]
fn a_command_earlier_than_the_last_event_is_refused_naming_both_times() {
    let (_, incident) = declared(t0());
    let back = Utc.with_ymd_and_hms(1970, 1, 1, 0, 0, 0).unwrap();
    let err = incident.decide(&note("backdated"), &ctx(back)).unwrap_err();
    assert_eq!(
        err.unmet,
        vec![Unmet::Backdated {
            at: back,
            last_recorded_at: t0()
        }]
    );
    let text = err.to_string();
    assert!(
        text.contains("1970-01-01") && text.contains("2026-03-14"),
        "{text}"
    );
    // The same instant is fine: the log's times never go backwards, they may repeat.
    assert!(incident.decide(&note("same instant"), &ctx(t0())).is_ok());
}

/// Attack: a stored log whose times go backwards (edited and re-sealed, or written by a
/// host that took the client's clock) is refused on replay.
#[test]
fn replay_refuses_a_log_whose_recorded_at_goes_backwards() {
    let (mut log, incident) = declared(t0());
    let later = incident
        .execute(&note("later"), &ctx(t0() + Duration::hours(1)))
        .unwrap();
    log.append(1, &later).unwrap();
    // A forger writes a third event "recorded" before the second and re-seals it.
    let mut json: Vec<serde_json::Value> = write_json_lines(log.envelopes())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut forged = json[1].clone();
    forged["sequence"] = 3.into();
    forged["recorded_at"] = "2026-03-14T01:45:00Z".into();
    forged["event"]["text"] = "inserted in the past".into();
    json.push(forged);
    let envelopes: Vec<Envelope> = reseal(json)
        .iter()
        .map(|l| Envelope::from_json(l.as_bytes()).unwrap())
        .collect();
    incident::chain::verify(&envelopes, None).expect("the forger's chain is valid");
    let err = Incident::replay(&envelopes).unwrap_err();
    assert!(
        matches!(
            err,
            ReplayError::CannotApply {
                sequence: 3,
                reason: ApplyError::RecordedBeforePrevious { .. }
            }
        ),
        "{err}"
    );
}

/// Recomputes every digest of `lines` (the documented algorithm: SHA-256 of the canonical
/// JSON), as a forger with the log in hand would.
fn reseal(mut lines: Vec<serde_json::Value>) -> Vec<String> {
    use incident::chain::Digest;
    for i in 0..lines.len() {
        let prev = if i == 0 {
            Digest::genesis(lines[0]["incident_id"].as_str().unwrap().parse().unwrap()).to_string()
        } else {
            lines[i - 1]["digest"].as_str().unwrap().to_owned()
        };
        let line = &mut lines[i];
        let payload = Digest::of(serde_json::to_string(&line["event"]).unwrap().as_bytes());
        line["payload_digest"] = payload.to_string().into();
        line["prev_digest"] = prev.into();
        let mut meta = line.clone();
        let meta = meta.as_object_mut().unwrap();
        meta.remove("event");
        meta.remove("digest");
        line["digest"] = Digest::of(serde_json::to_string(meta).unwrap().as_bytes())
            .to_string()
            .into();
    }
    lines
        .iter()
        .map(|l| serde_json::to_string(l).unwrap())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever times a host passes, a command is accepted only at or after the last
    /// recorded event, and every log the crate writes has non-decreasing `recorded_at`.
    #[test]
    fn recorded_at_never_goes_backwards(offsets in prop::collection::vec(-120i64..240, 1..40)) {
        let (mut log, mut incident) = declared(t0());
        for (i, minutes) in offsets.into_iter().enumerate() {
            let at = incident.updated_at() + Duration::minutes(minutes);
            match incident.execute(&note(&format!("note {i}")), &ctx(at)) {
                Ok(envelopes) => {
                    prop_assert!(minutes >= 0, "accepted a command {minutes} min in the past");
                    log.append(incident.version(), &envelopes).unwrap();
                    for e in &envelopes {
                        incident.apply(e).unwrap();
                    }
                }
                Err(rejection) => {
                    prop_assert!(minutes < 0);
                    let backdated = matches!(rejection.unmet.as_slice(), [Unmet::Backdated { .. }]);
                    prop_assert!(backdated, "{}", rejection);
                }
            }
        }
        let times: Vec<_> = log.envelopes().iter().map(Envelope::recorded_at).collect();
        prop_assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
        prop_assert_eq!(Incident::replay(log.envelopes()).unwrap(), incident);
    }
}
