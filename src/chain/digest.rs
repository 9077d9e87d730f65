use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest as _, Sha256};

use crate::IncidentId;

/// A SHA-256 digest in the event log's hash chain, written as 64 lower-case hex digits.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Digest([u8; 32]);

/// A string that is not 64 lower-case hex digits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("digest {value:?} is malformed: expected 64 lower-case hex digits (0-9, a-f)")]
pub struct DigestParseError {
    value: String,
}

/// The prefix hashed with the incident id to make the first link of every chain.
pub(crate) const GENESIS_PREFIX: &str = "incident-event-chain/v1:";

impl Digest {
    /// The SHA-256 of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self(Sha256::digest(bytes).into())
    }

    /// SHA-256 of the concatenation of `parts`, without joining them first.
    pub(crate) fn of_parts(parts: &[&[u8]]) -> Self {
        let mut hasher = Sha256::new();
        for part in parts {
            hasher.update(part);
        }
        Self(hasher.finalize().into())
    }

    /// The digest the first envelope of an incident chains from:
    /// SHA-256 of `incident-event-chain/v1:` followed by the incident id in hyphenated
    /// lower-case form.
    pub fn genesis(incident: IncidentId) -> Self {
        let mut hasher = Sha256::new();
        hasher.update(GENESIS_PREFIX.as_bytes());
        hasher.update(incident.to_string().as_bytes());
        Self(hasher.finalize().into())
    }

    /// The raw 32 bytes.
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Wraps 32 raw bytes.
    pub const fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// Writes the 64 hex digits into `out`.
    pub(crate) fn write_hex(&self, out: &mut [u8; 64]) {
        for (pair, byte) in out.chunks_exact_mut(2).zip(self.0) {
            if let [hi, lo] = pair {
                *hi = super::hex_digit(byte >> 4);
                *lo = super::hex_digit(byte);
            }
        }
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 64];
        self.write_hex(&mut buf);
        // Hex digits are ASCII, so this never fails.
        f.write_str(std::str::from_utf8(&buf).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({self})")
    }
}

impl FromStr for Digest {
    type Err = DigestParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_hex(s.as_bytes()).ok_or_else(|| DigestParseError {
            value: s.to_owned(),
        })
    }
}

impl Digest {
    /// Reads exactly 64 lower-case hex digits (the one form digests are written in).
    /// Replay reads three digests per envelope, so this has no per-digit branch.
    pub(crate) fn from_hex(hex: &[u8]) -> Option<Self> {
        if hex.len() != 64 {
            return None;
        }
        let mut out = [0u8; 32];
        let mut bad = 0u8;
        for (slot, pair) in out.iter_mut().zip(hex.chunks_exact(2)) {
            let [hi, lo] = pair else { return None };
            let (hi, lo) = (nibble(*hi), nibble(*lo));
            bad |= hi | lo;
            *slot = (hi << 4) | (lo & 0x0f);
        }
        // One check at the end instead of a branch per digit.
        (bad & 0xf0 == 0).then_some(Self(out))
    }
}

/// The value of a lower-case hex digit; 0xff for any other byte.
const fn nibble(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        _ => 0xff,
    }
}

impl Serialize for Digest {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 64];
        self.write_hex(&mut buf);
        serializer.serialize_str(std::str::from_utf8(&buf).map_err(serde::ser::Error::custom)?)
    }
}

impl<'de> Deserialize<'de> for Digest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = Cow::<'de, str>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Digest {
    fn schema_name() -> Cow<'static, str> {
        "Digest".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A SHA-256 digest: 64 lower-case hex digits.",
            "type": "string",
            "pattern": "^[0-9a-f]{64}$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip_and_known_value() {
        let d = Digest::of(b"abc");
        assert_eq!(
            d.to_string(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(d.to_string().parse::<Digest>().unwrap(), d);
        assert!(
            "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"
                .parse::<Digest>()
                .is_err()
        );
        assert!("ba78".parse::<Digest>().is_err());
        assert!(serde_json::from_str::<Digest>("\"zz\"").is_err());
    }

    #[test]
    fn genesis_hashes_the_documented_text() {
        let id = IncidentId::from_bytes([0; 16]);
        assert_eq!(
            Digest::genesis(id),
            Digest::of(b"incident-event-chain/v1:00000000-0000-0000-0000-000000000000")
        );
    }
}
