//! Fuzzes the JSON Lines reader and replay: on any bytes nothing panics, the fast
//! envelope reader (and its hand-written route for canonical lines) agrees with serde's
//! derive line by line, the one-pass event decoder accepts only what the derive accepts
//! and decodes it to the same value, and verified replay of the text accepts exactly the
//! logs that replay of the decoded envelopes (and `verify`) accept.
#![no_main]

use incident::chain::{canonical_line_decode, read_json_lines, verify};
use incident::lifecycle::one_pass_decode;
use incident::{Envelope, Event, Incident, ReplayOptions};
use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;

/// Just the event member of a line, as stored.
#[derive(serde::Deserialize)]
struct Line<'a> {
    #[serde(borrow)]
    event: &'a RawValue,
}

/// The one-pass route accepts a subset of what the derive accepts, with equal values.
fn check_event(bytes: &[u8]) {
    if let Some(fast) = one_pass_decode(bytes) {
        let derived = serde_json::from_slice::<Event>(bytes);
        assert_eq!(Some(&fast), derived.as_ref().ok(), "one-pass accepted what the derive did not decode equally");
    }
}

fuzz_target!(|data: &[u8]| {
    for line in data.split(|b| *b == b'\n') {
        check_event(line);
        if let Ok(stored) = serde_json::from_slice::<Line<'_>>(line) {
            check_event(stored.event.get().as_bytes());
        }
        let fast = Envelope::from_json(line).ok();
        let derived = serde_json::from_slice::<Envelope>(line).ok();
        assert_eq!(fast, derived, "the envelope reader and the derive disagree");
        if let Some(by_hand) = canonical_line_decode::<Event>(line) {
            assert_eq!(Some(by_hand), derived, "the hand-written line reader accepted what the derive did not decode equally");
        }
    }
    let verified = Incident::replay_json_lines(data, &ReplayOptions::default());
    let _ = Incident::replay_json_lines(data, &ReplayOptions::default().skip_verification());
    if let Ok(envelopes) = read_json_lines::<Event>(data) {
        // Both verify the whole chain and fold every event, in a different order, so
        // they may name different first errors but must accept the same logs.
        let replayed = Incident::replay(&envelopes);
        match (&verified, &replayed) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "the two replays built different states"),
            (Err(_), Err(_)) => {}
            _ => panic!("verified replay of the text ({verified:?}) and of the decoded log ({replayed:?}) disagree"),
        }
        if verified.is_ok() {
            assert!(verify(&envelopes, None).is_ok());
        }
    }
});
