//! Reading a stored envelope line by hand when it is exactly in canonical form.
//!
//! A host that stores what [`Sealed::to_json`](super::Sealed::to_json) writes keeps every
//! line in one layout: the members in canonical order, no white space, digests as 64
//! lower-case hex digits, the incident id as a lower-case hyphenated UUID, the time as
//! chrono writes it. Profiling replay showed serde spending most of an envelope's metadata
//! time on generic machinery (the event parsed twice, once as a raw value and once for
//! itself; three digests and a timestamp decoded through strings and chrono's general
//! RFC 3339 parser). Here the metadata is read straight from the bytes and the event's
//! bytes are handed to the payload's own decoder once.
//!
//! The route is only a shortcut: anything outside that one layout (white space, another
//! member order, an escape in the actor, upper-case hex, a leap second, a number with a
//! leading zero...) returns `None`, and the caller asks serde's decoders, whose verdict and
//! error message stand. Every value it does accept equals the derived decoder's (the
//! property test in `tests/decoder.rs`, the unit tests below and the fuzz target check it).

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::envelope::fraction_digits;
use super::{Digest, Payload, Sealed};
use crate::{ActorId, IncidentId};

/// The stored bytes that spell an envelope's canonical metadata: the line's first member
/// and its last six are, byte for byte, what [`Sealed::write_canonical_metadata`] writes
/// whenever the time is written as the crate writes it (every other member was read in its
/// one canonical spelling). A verifying reader hashes them instead of writing them again.
pub(super) struct StoredMetadata<'b> {
    head: &'b [u8],
    tail: &'b [u8],
}

impl StoredMetadata<'_> {
    /// SHA-256 of the canonical metadata, the digest `computed_digest` gives.
    pub(super) fn digest(&self) -> Digest {
        Digest::of_parts(&[self.head, self.tail])
    }
}

/// Decodes a line in the canonical layout; `None` for anything else (see the module
/// docs). With it, the stored metadata when it is spelled canonically (`None` when the time
/// is spelled otherwise; a verifying reader then writes the metadata afresh).
pub(super) fn decode_canonical_line<E: Payload + DeserializeOwned>(
    bytes: &[u8],
) -> Option<(Sealed<E>, Option<StoredMetadata<'_>>)> {
    let mut c = Cursor { bytes, at: 0 };
    c.literal(b"{\"actor\":")?;
    let actor = ActorId::new(c.plain_string()?).ok()?;
    let actor_end = c.at;
    c.literal(b",\"digest\":")?;
    let digest = c.digest()?;
    c.literal(b",\"event\":")?;
    // The event ends where the envelope's last members begin. Those members are hex,
    // digits and a timestamp, so the last `,"incident_id":` is the envelope's own; the
    // event's bytes are then parsed whole by its decoder, so a line split anywhere else
    // is refused, never misread.
    let event_end = tail_start(bytes)?.max(c.at);
    let event_bytes = bytes.get(c.at..event_end)?;
    c.at = event_end;
    c.literal(INCIDENT_ID)?;
    let incident_id = c.uuid()?;
    c.literal(b",\"payload_digest\":")?;
    let payload_digest = c.digest()?;
    c.literal(b",\"prev_digest\":")?;
    let prev_digest = c.digest()?;
    c.literal(b",\"recorded_at\":")?;
    let (recorded_at, canonical_time) = c.timestamp()?;
    c.literal(b",\"schema_version\":")?;
    let schema_version = u32::try_from(c.unsigned()?).ok()?;
    c.literal(b",\"sequence\":")?;
    let sequence = c.unsigned()?;
    c.literal(b"}")?;
    if c.at != bytes.len() {
        return None;
    }
    let event = E::decode_json(event_bytes).ok()?;
    let metadata = canonical_time.then(|| StoredMetadata {
        head: bytes.get(..actor_end).unwrap_or_default(),
        tail: bytes.get(event_end..).unwrap_or_default(),
    });
    let envelope = Sealed::from_stored(
        schema_version,
        incident_id,
        sequence,
        recorded_at,
        actor,
        event,
        payload_digest,
        prev_digest,
        digest,
    );
    Some((envelope, metadata))
}

/// The member that follows the event in the canonical order.
const INCIDENT_ID: &[u8] = b",\"incident_id\":";

/// The shortest the envelope's members after the event can be: `,"incident_id":"…"` (53
/// bytes), the two digests (84 and 81), the time (at least 37), the schema version and
/// sequence (at least 19 and 13) and the closing brace.
const SHORTEST_TAIL: usize = 53 + 84 + 81 + 37 + 19 + 13 + 1;

/// Where the last `,"incident_id":` starts, searched backwards from where the shortest
/// tail would begin (so only the time's and the numbers' extra digits are scanned).
fn tail_start(line: &[u8]) -> Option<usize> {
    let latest = line.len().checked_sub(SHORTEST_TAIL)?;
    (0..=latest)
        .rev()
        .find(|&i| line.get(i..i + INCIDENT_ID.len()) == Some(INCIDENT_ID))
}

/// A read position in one line.
struct Cursor<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Cursor<'b> {
    fn rest(&self) -> &'b [u8] {
        self.bytes.get(self.at..).unwrap_or_default()
    }

    /// Consumes `text` exactly.
    fn literal(&mut self, text: &[u8]) -> Option<()> {
        self.rest().starts_with(text).then(|| self.at += text.len())
    }

    /// The `n` bytes between a pair of quotes, consumed with the quotes.
    fn quoted(&mut self, n: usize) -> Option<&'b [u8]> {
        let rest = self.rest();
        let inner = rest.get(1..=n)?;
        if rest.first() != Some(&b'"') || rest.get(n + 1) != Some(&b'"') {
            return None;
        }
        self.at += n + 2;
        Some(inner)
    }

    /// A string without escapes or control characters (which serde_json refuses raw).
    fn plain_string(&mut self) -> Option<&'b str> {
        let rest = self.rest();
        if rest.first() != Some(&b'"') {
            return None;
        }
        let body = rest.get(1..)?;
        let len = body
            .iter()
            .position(|b| matches!(b, b'"' | b'\\' | 0..=0x1f))?;
        if body.get(len) != Some(&b'"') {
            return None;
        }
        let text = std::str::from_utf8(body.get(..len)?).ok()?;
        self.at += len + 2;
        Some(text)
    }

    fn digest(&mut self) -> Option<Digest> {
        Digest::from_hex(self.quoted(64)?)
    }

    /// A lower-case hyphenated UUID, the one form the crate writes.
    fn uuid(&mut self) -> Option<IncidentId> {
        let text = self.quoted(36)?;
        let lower = text.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => matches!(b, b'0'..=b'9' | b'a'..=b'f'),
        });
        lower
            .then(|| Uuid::try_parse_ascii(text).ok())
            .flatten()
            .map(IncidentId::from_uuid)
    }

    /// A plain decimal integer as serde_json reads it (no sign, no leading zero).
    fn unsigned(&mut self) -> Option<u64> {
        let rest = self.rest();
        let len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let digits = rest.get(..len)?;
        if len == 0 || (len > 1 && digits.first() == Some(&b'0')) {
            return None;
        }
        let mut n = 0u64;
        for d in digits {
            n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
        }
        self.at += len;
        Some(n)
    }

    /// A UTC time as chrono writes it: `YYYY-MM-DDTHH:MM:SS`, then `.` and 3, 6 or 9
    /// digits, then `Z`. Leap seconds and every other RFC 3339 spelling are left to chrono.
    /// With it, whether the fraction is spelled as chrono writes this instant (none for a
    /// whole second, else the fewest of 3, 6 or 9 digits that hold it).
    fn timestamp(&mut self) -> Option<(DateTime<Utc>, bool)> {
        let rest = self.rest();
        let [b'"', y0, y1, y2, y3, b'-', mo0, mo1, b'-', d0, d1, b'T', h0, h1, b':', mi0, mi1, b':', s0, s1, tail @ ..] =
            rest
        else {
            return None;
        };
        let year = number(&[*y0, *y1, *y2, *y3])?;
        let (month, day) = (number(&[*mo0, *mo1])?, number(&[*d0, *d1])?);
        let (hour, minute, second) = (
            number(&[*h0, *h1])?,
            number(&[*mi0, *mi1])?,
            number(&[*s0, *s1])?,
        );
        let (nanos, used, digits) = match tail {
            [b'Z', b'"', ..] => (0, 2, 0),
            [b'.', fraction @ ..] => {
                let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
                let scale = match digits {
                    3 => 1_000_000,
                    6 => 1_000,
                    9 => 1,
                    _ => return None,
                };
                if fraction.get(digits..digits + 2) != Some(b"Z\"") {
                    return None;
                }
                (number(fraction.get(..digits)?)? * scale, digits + 3, digits)
            }
            _ => return None,
        };
        if second > 59 {
            return None;
        }
        let at = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?
            .and_hms_nano_opt(hour, minute, second, nanos)?
            .and_utc();
        self.at += 20 + used;
        Some((at, digits == fraction_digits(nanos)))
    }
}

/// The decimal value of ASCII digits (at most nine of them).
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, d| {
        d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn stamp(text: &str) -> Option<DateTime<Utc>> {
        let quoted = format!("\"{text}\"");
        let mut c = Cursor {
            bytes: quoted.as_bytes(),
            at: 0,
        };
        let (at, canonical) = c.timestamp()?;
        assert_eq!(c.at, quoted.len(), "{text}");
        assert_eq!(
            canonical,
            quoted == serde_json::to_string(&at).unwrap(),
            "{text}"
        );
        Some(at)
    }

    fn chrono(text: &str) -> Option<DateTime<Utc>> {
        serde_json::from_str(&format!("\"{text}\"")).ok()
    }

    proptest! {
        #[test]
        fn timestamps_read_by_hand_equal_chrono(
            secs in -62_135_596_800i64..253_402_300_800i64,
            nanos in prop_oneof![Just(0u32), (0u32..1000).prop_map(|m| m * 1_000_000), (0u32..1_000_000).prop_map(|u| u * 1000), 0u32..1_000_000_000],
        ) {
            let at = DateTime::<Utc>::from_timestamp(secs, nanos).unwrap();
            let text = serde_json::to_string(&at).unwrap();
            let text = text.trim_matches('"');
            prop_assert_eq!(stamp(text), Some(at));
            prop_assert_eq!(chrono(text), Some(at));
        }

        #[test]
        fn anything_the_hand_reader_accepts_chrono_reads_the_same(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,10})?[Zz+]") {
            if let Some(at) = stamp(&text) {
                prop_assert_eq!(chrono(&text), Some(at));
            }
        }
    }

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Note {
        text: String,
    }

    impl crate::chain::Payload for Note {
        const SCHEMA_VERSION: u32 = 1;
    }

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Link {
        at: u8,
        incident_id: String,
    }

    impl crate::chain::Payload for Link {
        const SCHEMA_VERSION: u32 = 1;
    }

    fn sealed(text: &str, sequence: u64, at: DateTime<Utc>) -> Sealed<Note> {
        let note = Note { text: text.into() };
        let id = IncidentId::from_bytes([7; 16]);
        let prev = Digest::genesis(id);
        Sealed::seal(id, sequence, at, ActorId::new("soc").unwrap(), note, prev).unwrap()
    }

    #[test]
    fn the_event_ends_where_the_envelope_members_after_it_begin() {
        use chrono::TimeZone;
        let at = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
        // The shortest tail: sequence 1, schema 1, a time without a fraction.
        let line = sealed("x", 1, at).to_json().unwrap();
        let start = tail_start(line.as_bytes()).unwrap();
        assert_eq!(line.len() - start, SHORTEST_TAIL);
        // An event with a member of the same name, and a long tail, still split right.
        let late = at + chrono::Duration::nanoseconds(123_456_789);
        let id = IncidentId::from_bytes([7; 16]);
        let link = Link {
            at: 1,
            incident_id: "67e55044-10b1-426f-9247-bb680e5fe0c8".into(),
        };
        let soc = ActorId::new("soc").unwrap();
        let envelope = Sealed::seal(id, u64::MAX, late, soc, link, Digest::genesis(id)).unwrap();
        let line = envelope.to_json().unwrap();
        assert!(line.contains(r#"{"at":1,"incident_id":"67e55044"#));
        assert_eq!(
            decode_canonical_line::<Link>(line.as_bytes()).map(|(e, _)| e),
            Some(envelope)
        );
        // The metadata digest read from the stored bytes is the one verify() computes,
        // and there is none when the time is spelled otherwise.
        for nanos in [0, 120_000_000, 123_000, 5] {
            let envelope = sealed("x", 9, at + chrono::Duration::nanoseconds(nanos));
            let line = envelope.to_json().unwrap();
            let (read, metadata) = decode_canonical_line::<Note>(line.as_bytes()).unwrap();
            let metadata = metadata.map(|m| m.digest());
            assert_eq!(metadata, Some(envelope.computed_digest()), "{nanos}");
            assert_eq!(read, envelope);
        }
        let line = sealed("x", 9, at).to_json().unwrap();
        let long = line.replacen(":00Z", ":00.000Z", 1);
        let (read, metadata) = decode_canonical_line::<Note>(long.as_bytes()).unwrap();
        assert_eq!((read.recorded_at(), metadata.is_none()), (at, true));
        // A tail one byte short of the shortest is no envelope.
        let line = sealed("x", 1, at).to_json().unwrap();
        let cut = line.replacen("\"sequence\":1", "\"sequence\":", 1);
        assert!(decode_canonical_line::<Note>(cut.as_bytes()).is_none());
    }

    #[test]
    fn other_spellings_are_left_to_chrono() {
        for text in [
            "2026-03-14T01:30:00+00:00",
            "2026-03-14t01:30:00Z",
            "2026-03-14T01:30:00.5Z",
            "2026-03-14T01:30:00.1234Z",
            "2026-03-14 01:30:00Z",
            "2016-12-31T23:59:60Z",
            "2026-02-30T01:30:00Z",
            "2026-03-14T24:00:00Z",
            "+2026-03-14T01:30:00Z",
        ] {
            assert_eq!(stamp(text), None, "{text}");
        }
        assert_eq!(
            stamp("2026-03-14T01:30:00.120Z"),
            chrono("2026-03-14T01:30:00.12Z")
        );
    }

    #[test]
    fn numbers_uuids_and_strings_only_in_the_canonical_spelling() {
        let unsigned = |t: &str| {
            Cursor {
                bytes: t.as_bytes(),
                at: 0,
            }
            .unsigned()
        };
        assert_eq!(unsigned("0"), Some(0));
        assert_eq!(unsigned("18446744073709551615"), Some(u64::MAX));
        assert_eq!(unsigned("18446744073709551616"), None);
        assert_eq!(unsigned("01"), None);
        assert_eq!(unsigned("-1"), None);
        let uuid = |t: &str| {
            Cursor {
                bytes: format!("\"{t}\"").as_bytes(),
                at: 0,
            }
            .uuid()
        };
        let id = "67e55044-10b1-426f-9247-bb680e5fe0c8";
        assert_eq!(uuid(id).map(|i| i.to_string()).as_deref(), Some(id));
        assert_eq!(uuid(&id.to_uppercase()), None);
        assert_eq!(uuid(&id.replace('-', "")), None);
        let string = |t: &str| {
            Cursor {
                bytes: t.as_bytes(),
                at: 0,
            }
            .plain_string()
            .map(str::to_owned)
        };
        assert_eq!(string("\"张敏\""), Some("张敏".to_owned()));
        assert_eq!(string("\"a\\\"b\""), None);
        assert_eq!(string("\"a\tb\""), None);
        assert_eq!(string("\"open"), None);
    }
}
