//! Reading envelopes from JSON: one per line, as a host stores them in a file or column.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::canonical_ser::{self, CanonicalEncoder};
use super::line_scan::{decode_canonical_line, StoredMetadata};
use super::verify::Computed;
use super::{Digest, Payload, Sealed};
use crate::{ActorId, IncidentId};

/// A stored line that is not an envelope this crate can read.
///
/// # Handling
/// Not retryable: the stored text is damaged or was written by a newer crate. Keep it as
/// found and investigate; replaying turns it into a
/// [`ReplayError`](crate::ReplayError) with the same message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// An envelope written with a newer event contract than this crate knows.
    #[error("{}schema version {found}; this crate reads up to {supported}: upgrade the incident crate", at_sequence(*sequence))]
    UnsupportedSchemaVersion {
        /// The 1-based line number.
        line: usize,
        /// The envelope's own sequence number, when the line names one.
        sequence: Option<u64>,
        /// The version found.
        found: u32,
        /// The newest version this crate reads.
        supported: u32,
    },
    /// A stored line is not a valid envelope.
    #[error("line {line} of the event log is not a valid envelope: {message}")]
    Malformed {
        /// The 1-based line number.
        line: usize,
        /// What the JSON parser said.
        message: String,
    },
}

fn at_sequence(sequence: Option<u64>) -> String {
    sequence.map_or_else(String::new, |s| format!("event at sequence {s} has "))
}

impl DecodeError {
    /// The 1-based line the error points at.
    pub fn line(&self) -> usize {
        match self {
            Self::UnsupportedSchemaVersion { line, .. } | Self::Malformed { line, .. } => *line,
        }
    }
}

impl<E: Payload + DeserializeOwned> Sealed<E> {
    /// Decodes one stored envelope. The schema version is not checked here: an envelope
    /// from a newer crate that still has the current shape decodes, and replaying it
    /// refuses it ([`ReplayError::UnsupportedSchemaVersion`](crate::ReplayError)).
    ///
    /// # Errors
    /// [`DecodeError::UnsupportedSchemaVersion`] for an envelope from a newer crate that
    /// does not decode, otherwise [`DecodeError::Malformed`] (with line 1) saying what is
    /// malformed.
    pub fn from_json(bytes: &[u8]) -> Result<Self, DecodeError> {
        decode(bytes, 1)
    }
}

impl<E: Serialize> Sealed<E> {
    /// The envelope as one line of canonical JSON (the RFC 8785 form specified in
    /// [`guide::chain`](crate::guide::chain); no trailing newline), as it should be stored.
    /// Stored this way, the event's bytes are exactly what `payload_digest` covers. Any
    /// other faithful JSON encoding (pretty-printed, keys reordered by a database) still
    /// verifies: readers re-encode the decoded event canonically and hash that, so a
    /// stored event counts only through the value it decodes to.
    ///
    /// # Errors
    /// Only if serde_json fails, which it does not for envelopes the crate made (every map
    /// key is a string, no value is a float); the error is returned rather than a record
    /// silently lost.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        let mut bytes = Vec::with_capacity(1024);
        canonical_ser::encode(self, &mut bytes).map_err(serde::ser::Error::custom)?;
        String::from_utf8(bytes).map_err(serde::ser::Error::custom)
    }
}

/// An envelope as stored, with the event kept as raw bytes: the envelope's own members
/// are decoded in one pass, and the event from its own bytes by [`Payload::decode_json`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored<'a> {
    schema_version: u32,
    incident_id: IncidentId,
    sequence: u64,
    recorded_at: DateTime<Utc>,
    actor: ActorId,
    #[serde(borrow)]
    event: &'a RawValue,
    payload_digest: Digest,
    prev_digest: Digest,
    digest: Digest,
}

/// Decodes one stored line through [`Stored`] and the payload's own decoder; `None` when
/// either fails (the caller then asks the reference decoder what is wrong, so errors read
/// exactly as before).
fn decode_fast<E: Payload + DeserializeOwned>(bytes: &[u8]) -> Option<Sealed<E>> {
    let stored: Stored<'_> = serde_json::from_slice(bytes).ok()?;
    let event = E::decode_json(stored.event.get().as_bytes()).ok()?;
    Some(Sealed::from_stored(
        stored.schema_version,
        stored.incident_id,
        stored.sequence,
        stored.recorded_at,
        stored.actor,
        event,
        stored.payload_digest,
        stored.prev_digest,
        stored.digest,
    ))
}

/// What the verified reader hands the chain verifier for each line: the envelope and its
/// digests as recomputed.
pub(crate) type CheckedLine<E> = (Sealed<E>, Computed);

/// Like [`envelopes`], with each event re-encoded canonically and hashed: the stored bytes
/// count only through the value they decode to, exactly as [`verify`](super::verify) sees
/// a decoded envelope, so the two readers give the same verdict on every log. (A stored
/// event that is not canonical but was sealed over its own bytes is an edited payload to
/// both.) The event's canonical bytes are written into a reused buffer; the metadata's
/// are the stored bytes themselves when the line is in the canonical layout (see
/// `StoredMetadata`), else written into the same buffer.
pub(crate) fn stored_envelopes<E: Payload + DeserializeOwned>(
    bytes: &[u8],
) -> impl Iterator<Item = Result<CheckedLine<E>, DecodeError>> + '_ {
    let mut encoder = CanonicalEncoder::default();
    let mut buffer = Vec::with_capacity(1024);
    lines(bytes).map(move |(line, text)| {
        let (envelope, stored) = decode_with_metadata::<E>(text, line)?;
        buffer.clear();
        let payload = encoder
            .encode(envelope.event(), &mut buffer)
            .map(|()| Digest::of(&buffer));
        let metadata = match stored {
            Some(stored) => stored.digest(),
            None => envelope.metadata_digest(&mut buffer),
        };
        let computed = Computed {
            payload,
            envelope: metadata,
        };
        Ok((envelope, computed))
    })
}

/// Only the schema version, to explain a decode failure of a newer envelope.
#[derive(Deserialize)]
struct VersionProbe {
    schema_version: u32,
    #[serde(default)]
    sequence: Option<u64>,
}

/// Decodes one line: the canonical layout read by hand, else the fast serde route, else
/// serde's derived decoder for the exact error.
fn decode<E: Payload + DeserializeOwned>(
    bytes: &[u8],
    line: usize,
) -> Result<Sealed<E>, DecodeError> {
    decode_with_metadata(bytes, line).map(|(envelope, _)| envelope)
}

/// As [`decode`], with the stored bytes of the canonical metadata when the hand route read
/// the line and they are spelled canonically.
fn decode_with_metadata<E: Payload + DeserializeOwned>(
    bytes: &[u8],
    line: usize,
) -> Result<(Sealed<E>, Option<StoredMetadata<'_>>), DecodeError> {
    if let Some(read) = decode_canonical_line(bytes) {
        return Ok(read);
    }
    if let Some(envelope) = decode_fast(bytes) {
        return Ok((envelope, None));
    }
    serde_json::from_slice::<Sealed<E>>(bytes)
        .map(|envelope| (envelope, None))
        .map_err(|error| explain::<E>(bytes, line, &error))
}

/// Turns a decode failure into the most useful error: a newer schema version if the line
/// has one, otherwise what serde_json said.
fn explain<E: Payload>(bytes: &[u8], line: usize, error: &serde_json::Error) -> DecodeError {
    let supported = E::SCHEMA_VERSION;
    match serde_json::from_slice::<VersionProbe>(bytes) {
        // The envelope's own sequence when it has one, never the line number (they differ
        // whenever the text is not a whole log from sequence 1).
        Ok(probe) if probe.schema_version != supported => DecodeError::UnsupportedSchemaVersion {
            line,
            sequence: probe.sequence,
            found: probe.schema_version,
            supported,
        },
        _ => DecodeError::Malformed {
            line,
            message: error.to_string(),
        },
    }
}

/// The hand-written route for one line in the canonical layout, without the fallbacks:
/// `None` where it is unsure or the bytes are not an envelope. Public only so that the
/// property tests and the fuzz target can hold it equal to serde's derived decoder; hosts
/// use [`Sealed::from_json`] or replay.
#[doc(hidden)]
pub fn canonical_line_decode<E: Payload + DeserializeOwned>(bytes: &[u8]) -> Option<Sealed<E>> {
    decode_canonical_line(bytes).map(|(envelope, _)| envelope)
}

/// Decodes JSON Lines lazily; blank lines (and a trailing newline) are skipped, `\r\n`
/// endings accepted.
pub(crate) fn envelopes<E: Payload + DeserializeOwned>(
    bytes: &[u8],
) -> impl Iterator<Item = Result<Sealed<E>, DecodeError>> + '_ {
    lines(bytes).map(|(line, text)| decode(text, line))
}

/// Non-blank lines with their 1-based numbers.
fn lines(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> + '_ {
    let ends = memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len()));
    ends.scan(0, |start, end| {
        let line = bytes.get(*start..end).unwrap_or_default();
        *start = end + 1;
        Some(line)
    })
    .enumerate()
    .filter_map(|(i, line)| {
        let text = line.strip_suffix(b"\r").unwrap_or(line);
        (!text.iter().all(u8::is_ascii_whitespace)).then_some((i + 1, text))
    })
}

/// Decodes a whole JSON Lines log into envelopes, without verifying or replaying it.
///
/// # Errors
/// The first line that is not an envelope, with its line number.
///
/// # Examples
/// ```
/// use incident::chain::{read_json_lines, DecodeError};
/// let err = read_json_lines::<incident::Event>(b"{\"not\":\"an envelope\"}\n").unwrap_err();
/// assert!(matches!(err, DecodeError::Malformed { line: 1, .. }));
/// ```
pub fn read_json_lines<E: Payload + DeserializeOwned>(
    bytes: &[u8],
) -> Result<Vec<Sealed<E>>, DecodeError> {
    envelopes(bytes).collect()
}

/// Encodes envelopes as JSON Lines, one per line, each followed by `\n`.
///
/// # Errors
/// As [`Sealed::to_json`].
pub fn write_json_lines<'a, E: Serialize + 'a>(
    envelopes: impl IntoIterator<Item = &'a Sealed<E>>,
) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for envelope in envelopes {
        out.push_str(&envelope.to_json()?);
        out.push('\n');
    }
    Ok(out)
}
