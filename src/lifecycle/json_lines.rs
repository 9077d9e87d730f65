//! Reading envelopes from JSON: one per line, as a host stores them in a file or column.

use serde::Deserialize;

use super::envelope::EVENT_SCHEMA_VERSION;
use super::{Envelope, ReplayError};

impl Envelope {
    /// Decodes one stored envelope.
    ///
    /// # Errors
    /// [`ReplayError::UnsupportedSchemaVersion`] for an envelope from a newer crate,
    /// otherwise [`ReplayError::Decode`] (with line 1) saying what is malformed.
    pub fn from_json(bytes: &[u8]) -> Result<Envelope, ReplayError> {
        decode(bytes, 1)
    }

    /// The envelope as one line of compact JSON (no trailing newline), as it should be
    /// stored.
    ///
    /// # Errors
    /// Only if serde_json fails, which it does not for envelopes the crate made (every map
    /// key is a string, no value is a float); the error is returned rather than a record
    /// silently lost.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }
}

/// Only the schema version, to explain a decode failure of a newer envelope.
#[derive(Deserialize)]
struct VersionProbe {
    schema_version: u32,
}

fn decode(bytes: &[u8], line: usize) -> Result<Envelope, ReplayError> {
    serde_json::from_slice::<Envelope>(bytes).map_err(|error| {
        match serde_json::from_slice::<VersionProbe>(bytes) {
            Ok(probe) if probe.schema_version != EVENT_SCHEMA_VERSION => {
                ReplayError::UnsupportedSchemaVersion {
                    sequence: u64::try_from(line).unwrap_or(u64::MAX),
                    found: probe.schema_version,
                    supported: EVENT_SCHEMA_VERSION,
                }
            }
            _ => ReplayError::Decode {
                line,
                message: error.to_string(),
            },
        }
    })
}

/// Decodes JSON Lines lazily; blank lines (and a trailing newline) are skipped, `\r\n`
/// endings accepted.
pub(crate) fn envelopes(bytes: &[u8]) -> impl Iterator<Item = Result<Envelope, ReplayError>> + '_ {
    bytes
        .split(|b| *b == b'\n')
        .enumerate()
        .filter_map(|(i, line)| {
            let line_bytes = line.strip_suffix(b"\r").unwrap_or(line);
            if line_bytes.iter().all(u8::is_ascii_whitespace) {
                None
            } else {
                Some(decode(line_bytes, i + 1))
            }
        })
}

/// Decodes a whole JSON Lines log into envelopes, without verifying or replaying it.
///
/// # Errors
/// The first line that is not an envelope, with its line number.
///
/// # Examples
/// ```
/// use incident::{read_json_lines, ReplayError};
/// let err = read_json_lines(b"{\"not\":\"an envelope\"}\n").unwrap_err();
/// assert!(matches!(err, ReplayError::Decode { line: 1, .. }));
/// ```
pub fn read_json_lines(bytes: &[u8]) -> Result<Vec<Envelope>, ReplayError> {
    envelopes(bytes).collect()
}

/// Encodes envelopes as JSON Lines, one per line, each followed by `\n`.
///
/// # Errors
/// As [`Envelope::to_json`].
pub fn write_json_lines<'a>(
    envelopes: impl IntoIterator<Item = &'a Envelope>,
) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for envelope in envelopes {
        out.push_str(&envelope.to_json()?);
        out.push('\n');
    }
    Ok(out)
}
