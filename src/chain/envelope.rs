use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{canonical, canonical_ser, CanonicalError, Digest};
use crate::{ActorId, IncidentId};

/// An event type that can be sealed into an incident's chain: the payload of a [`Sealed`]
/// record. The record layer knows nothing else about it; the aggregate's
/// [`Event`](crate::Event) is the one payload the crate defines.
pub trait Payload: Serialize {
    /// The version of the event contract this crate writes. Envelopes carry it so that
    /// older shapes can be upcast by pure functions when the contract changes.
    const SCHEMA_VERSION: u32;

    /// Decodes one stored event from its JSON bytes. The default is serde's; a payload
    /// may supply a faster decoder that accepts exactly what serde's accepts (the crate's
    /// [`Event`](crate::Event) does, and a property test holds it to that).
    ///
    /// # Errors
    /// What serde_json says about bytes that are not this payload.
    fn decode_json(bytes: &[u8]) -> Result<Self, serde_json::Error>
    where
        Self: DeserializeOwned,
    {
        serde_json::from_slice(bytes)
    }
}

/// Proof that an envelope was sealed by [`Sealed::seal`] in this process, so that applying
/// it need not recompute digests that were just computed. It cannot be made outside this
/// module, is never serialized (a decoded envelope has none) and is not cloned (a clone
/// must prove itself again), so an envelope that carries it is exactly as sealed.
#[derive(Default)]
struct SealedHere(bool);

impl Clone for SealedHere {
    fn clone(&self) -> Self {
        Self(false)
    }
}

/// The proof is not part of an envelope's value: two envelopes with the same fields are
/// equal wherever they were sealed.
impl PartialEq for SealedHere {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for SealedHere {}

impl std::fmt::Debug for SealedHere {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0 { "sealed here" } else { "decoded" })
    }
}

/// A stored event: the payload with who, when, where in the sequence, and its links in the
/// incident's hash chain. The crate's envelopes ([`Envelope`](crate::Envelope), a
/// `Sealed<Event>`) are made by [`Incident::execute`](crate::Incident::execute) and
/// [`Incident::declare`](crate::Incident::declare) and read back from storage with serde;
/// their fields cannot be set any other way.
///
/// The digests follow the algorithm in [`crate::guide::chain`]: `payload_digest` is the
/// SHA-256 of the canonical JSON of `event`; `digest` is the SHA-256 of the canonical JSON
/// of the envelope without `event` and `digest`; `prev_digest` is the previous envelope's
/// `digest`, or [`Digest::genesis`] for sequence 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Envelope")]
pub struct Sealed<E> {
    /// The event contract version the envelope was written with.
    schema_version: u32,
    /// The incident.
    incident_id: IncidentId,
    /// Position in the incident's log: 1, 2, 3 … with no gaps.
    sequence: u64,
    /// When the command was handled (the host's time).
    recorded_at: DateTime<Utc>,
    /// Who issued the command.
    actor: ActorId,
    /// What happened.
    event: E,
    /// SHA-256 of the canonical JSON of `event`.
    payload_digest: Digest,
    /// The previous envelope's `digest` (the genesis digest for sequence 1).
    prev_digest: Digest,
    /// SHA-256 of the canonical JSON of this envelope without `event` and `digest`.
    digest: Digest,
    /// Set by [`Sealed::seal`] only; see [`SealedHere`].
    #[serde(skip)]
    #[schemars(skip)]
    sealed_here: SealedHere,
}

/// The envelope's metadata in canonical order: fields declared in sorted name order so that
/// serde_json's compact output is the canonical form. The hand-written encoder in
/// [`Sealed::canonical_metadata`] is tested against it.
#[cfg(test)]
#[derive(Serialize)]
struct Meta<'a> {
    actor: &'a ActorId,
    incident_id: &'a IncidentId,
    payload_digest: &'a Digest,
    prev_digest: &'a Digest,
    recorded_at: &'a DateTime<Utc>,
    schema_version: u32,
    sequence: u64,
}

impl<E: Payload> Sealed<E> {
    /// Seals an event into the chain after `prev_digest`.
    pub(crate) fn seal(
        incident_id: IncidentId,
        sequence: u64,
        recorded_at: DateTime<Utc>,
        actor: ActorId,
        event: E,
        prev_digest: Digest,
    ) -> Result<Self, CanonicalError> {
        // One buffer for both canonical forms: the event's, then the metadata's.
        let mut bytes = Vec::with_capacity(1024);
        let payload_digest = payload_digest(&event, &mut bytes)?;
        let mut envelope = Self {
            schema_version: E::SCHEMA_VERSION,
            incident_id,
            sequence,
            recorded_at,
            actor,
            event,
            payload_digest,
            prev_digest,
            digest: prev_digest,
            sealed_here: SealedHere(false),
        };
        envelope.digest = envelope.metadata_digest(&mut bytes);
        envelope.sealed_here = SealedHere(true);
        Ok(envelope)
    }
}

impl<E: Serialize> Sealed<E> {
    /// Recomputes the payload digest from the event as it is now.
    ///
    /// # Errors
    /// [`CanonicalError`] if the event holds a non-integer number, which no event the crate
    /// makes does.
    pub fn computed_payload_digest(&self) -> Result<Digest, CanonicalError> {
        payload_digest(&self.event, &mut Vec::with_capacity(512))
    }
}

impl<E> Sealed<E> {
    /// Reassembles an envelope decoded from storage (no check; verification is separate).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn from_stored(
        schema_version: u32,
        incident_id: IncidentId,
        sequence: u64,
        recorded_at: DateTime<Utc>,
        actor: ActorId,
        event: E,
        payload_digest: Digest,
        prev_digest: Digest,
        digest: Digest,
    ) -> Self {
        Self {
            schema_version,
            incident_id,
            sequence,
            recorded_at,
            actor,
            event,
            payload_digest,
            prev_digest,
            digest,
            sealed_here: SealedHere(false),
        }
    }

    /// Whether this very value was sealed by this process (not decoded, not cloned), so
    /// its digests hold by construction.
    pub(crate) fn sealed_here(&self) -> bool {
        self.sealed_here.0
    }

    /// The event contract version.
    pub fn schema_version(&self) -> u32 {
        self.schema_version
    }

    /// The incident.
    pub fn incident_id(&self) -> IncidentId {
        self.incident_id
    }

    /// Position in the log, from 1.
    pub fn sequence(&self) -> u64 {
        self.sequence
    }

    /// When the command was handled.
    pub fn recorded_at(&self) -> DateTime<Utc> {
        self.recorded_at
    }

    /// Who issued the command.
    pub fn actor(&self) -> &ActorId {
        &self.actor
    }

    /// What happened.
    pub fn event(&self) -> &E {
        &self.event
    }

    /// The stored digest of the payload.
    pub fn payload_digest(&self) -> Digest {
        self.payload_digest
    }

    /// The stored link to the previous envelope.
    pub fn prev_digest(&self) -> Digest {
        self.prev_digest
    }

    /// The stored digest of this envelope.
    pub fn digest(&self) -> Digest {
        self.digest
    }

    /// Recomputes the envelope digest from the metadata as it is now (including the stored
    /// `payload_digest` and `prev_digest`).
    pub fn computed_digest(&self) -> Digest {
        self.metadata_digest(&mut Vec::with_capacity(320))
    }

    /// The canonical JSON bytes the envelope digest is computed over, as one value (the
    /// tests hold it to a serde-written oracle).
    #[cfg(test)]
    pub(crate) fn canonical_metadata(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(320);
        self.write_canonical_metadata(&mut out);
        out
    }

    /// The envelope digest, with `buffer` (cleared first) holding the canonical metadata:
    /// sealing and verifying readers reuse one buffer for every envelope.
    pub(crate) fn metadata_digest(&self, buffer: &mut Vec<u8>) -> Digest {
        buffer.clear();
        self.write_canonical_metadata(buffer);
        Digest::of(buffer)
    }

    /// Appends the canonical metadata to `out` (a reader reuses one buffer for every line).
    pub(crate) fn write_canonical_metadata(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"actor\":");
        canonical::write_string(self.actor.as_str(), out);
        out.extend_from_slice(b",\"incident_id\":\"");
        let mut uuid = [0u8; uuid::fmt::Hyphenated::LENGTH];
        out.extend_from_slice(
            self.incident_id
                .as_uuid()
                .hyphenated()
                .encode_lower(&mut uuid)
                .as_bytes(),
        );
        out.extend_from_slice(b"\",\"payload_digest\":\"");
        push_hex(&self.payload_digest, out);
        out.extend_from_slice(b"\",\"prev_digest\":\"");
        push_hex(&self.prev_digest, out);
        out.extend_from_slice(b"\",\"recorded_at\":");
        write_timestamp(&self.recorded_at, out);
        out.extend_from_slice(b",\"schema_version\":");
        push_decimal(u64::from(self.schema_version), out);
        out.extend_from_slice(b",\"sequence\":");
        push_decimal(self.sequence, out);
        out.push(b'}');
    }

    /// Takes the event out.
    pub fn into_event(self) -> E {
        self.event
    }

    /// Takes the event, time and actor out (what folding needs, without clones).
    pub(crate) fn into_parts(self) -> (E, DateTime<Utc>, ActorId) {
        (self.event, self.recorded_at, self.actor)
    }
}

/// SHA-256 of the canonical JSON of `event`, with `buffer` (cleared first) holding it.
fn payload_digest<E: Serialize>(event: &E, buffer: &mut Vec<u8>) -> Result<Digest, CanonicalError> {
    buffer.clear();
    canonical_ser::encode(event, buffer)?;
    Ok(Digest::of(buffer))
}

fn push_hex(digest: &Digest, out: &mut Vec<u8>) {
    let mut hex = [0u8; 64];
    digest.write_hex(&mut hex);
    out.extend_from_slice(&hex);
}

fn push_decimal(n: u64, out: &mut Vec<u8>) {
    super::canonical_ser::decimal(out, false, u128::from(n));
}

/// Writes a timestamp as a JSON string exactly as chrono's serde does (RFC 3339, `Z`,
/// fractional seconds only when non-zero, in 3, 6 or 9 digits), without going through
/// `fmt`. Years outside 0..=9999 and leap seconds are left to chrono.
fn write_timestamp(at: &DateTime<Utc>, out: &mut Vec<u8>) {
    use chrono::{Datelike, Timelike};
    let (year, nanos) = (at.year(), at.nanosecond());
    let Ok(year) = u32::try_from(year) else {
        return write_timestamp_slowly(at, out);
    };
    if year > 9999 || nanos >= 1_000_000_000 {
        return write_timestamp_slowly(at, out);
    }
    let digits = |n: u32, width: usize, out: &mut Vec<u8>| {
        let mut buf = [b'0'; 9];
        let mut n = n;
        for slot in buf.iter_mut().take(width).rev() {
            // `n % 10` is below 10, so the cast cannot truncate.
            *slot = b'0' + (n % 10) as u8;
            n /= 10;
        }
        out.extend_from_slice(buf.get(..width).unwrap_or_default());
    };
    out.push(b'"');
    digits(year, 4, out);
    out.push(b'-');
    digits(at.month(), 2, out);
    out.push(b'-');
    digits(at.day(), 2, out);
    out.push(b'T');
    digits(at.hour(), 2, out);
    out.push(b':');
    digits(at.minute(), 2, out);
    out.push(b':');
    digits(at.second(), 2, out);
    match fraction_digits(nanos) {
        0 => {}
        3 => {
            out.push(b'.');
            digits(nanos / 1_000_000, 3, out);
        }
        6 => {
            out.push(b'.');
            digits(nanos / 1_000, 6, out);
        }
        _ => {
            out.push(b'.');
            digits(nanos, 9, out);
        }
    }
    out.extend_from_slice(b"Z\"");
}

/// How many fractional digits chrono writes for `nanos` (its `AutoSi` form): none for a
/// whole second, else the fewest of 3, 6 or 9 that hold it. The hand reader uses the same
/// rule to tell a canonically spelled time.
pub(super) fn fraction_digits(nanos: u32) -> usize {
    match nanos {
        0 => 0,
        n if n % 1_000_000 == 0 => 3,
        n if n % 1_000 == 0 => 6,
        _ => 9,
    }
}

fn write_timestamp_slowly(at: &DateTime<Utc>, out: &mut Vec<u8>) {
    // chrono's serde form is a plain string; serializing it cannot fail.
    if let Ok(text) = serde_json::to_vec(at) {
        out.extend_from_slice(&text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    #[derive(Serialize)]
    struct Closed;

    impl Payload for Closed {
        const SCHEMA_VERSION: u32 = 1;
    }

    fn envelope(actor: &str, at: DateTime<Utc>, sequence: u64) -> Sealed<Closed> {
        Sealed::seal(
            IncidentId::from_bytes([0xab; 16]),
            sequence,
            at,
            ActorId::new(actor).unwrap(),
            Closed,
            Digest::of(b"prev"),
        )
        .unwrap()
    }

    fn oracle(e: &Sealed<Closed>) -> Vec<u8> {
        serde_json::to_vec(&Meta {
            actor: &e.actor,
            incident_id: &e.incident_id,
            payload_digest: &e.payload_digest,
            prev_digest: &e.prev_digest,
            recorded_at: &e.recorded_at,
            schema_version: e.schema_version,
            sequence: e.sequence,
        })
        .unwrap()
    }

    proptest! {
        #[test]
        fn hand_written_metadata_equals_serde(
            secs in -70_000_000_000i64..300_000_000_000i64,
            nanos in prop_oneof![Just(0u32), (0u32..1000).prop_map(|m| m * 1_000_000), (0u32..1_000_000).prop_map(|u| u * 1000), 0u32..1_000_000_000, 1_000_000_000u32..2_000_000_000],
            actor in "[a-z\u{4e00}-\u{4e10}\"\\/]{1,12}",
            sequence in any::<u64>(),
        ) {
            let Some(at) = DateTime::<Utc>::from_timestamp(secs, nanos) else { return Ok(()) };
            let e = envelope(&actor, at, sequence);
            prop_assert_eq!(String::from_utf8(e.canonical_metadata()).unwrap(), String::from_utf8(oracle(&e)).unwrap());
        }
    }

    #[test]
    fn timestamps_match_chrono_at_the_edges() {
        for (secs, nanos) in [
            (0, 0),
            (0, 1),
            (1, 999_999_999),
            (-1, 0),
            (253_402_300_799, 0),
            (253_402_300_800, 0),
            (-62_167_219_200, 0),
            (-62_167_219_201, 5),
        ] {
            let at = Utc.timestamp_opt(secs, nanos).unwrap();
            let e = envelope("a", at, 1);
            assert_eq!(e.canonical_metadata(), oracle(&e), "{at:?}");
        }
    }
}
