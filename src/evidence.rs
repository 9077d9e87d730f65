//! Evidence and its chain of custody.
//!
//! The first seed insists on a complete evidence chain for legal follow-up: every item says
//! who collected it, when, where it is kept, and the digest of its content (computed by the
//! host, which holds the bytes; the crate never touches them). Each later hand-over, access
//! or analysis is a custody entry, appended in time order.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

use crate::{id::EvidenceId, ActorId};

/// The hash algorithm of a host-supplied content digest.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DigestAlgorithm {
    /// SHA-256 (64 hex digits). The usual choice.
    Sha256,
    /// SHA-384 (96 hex digits).
    Sha384,
    /// SHA-512 (128 hex digits).
    Sha512,
    /// SHA3-256 (64 hex digits).
    Sha3_256,
    /// SHA-1 (40 hex digits); accepted because forensic tools still emit it, not recommended.
    Sha1,
    /// MD5 (32 hex digits); accepted for legacy forensic images only, not recommended.
    Md5,
}

impl DigestAlgorithm {
    /// How many hex digits a digest of this algorithm has.
    pub const fn hex_len(self) -> usize {
        match self {
            Self::Sha256 | Self::Sha3_256 => 64,
            Self::Sha384 => 96,
            Self::Sha512 => 128,
            Self::Sha1 => 40,
            Self::Md5 => 32,
        }
    }
}

/// A malformed content digest.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{algorithm:?} digest {value:?} is malformed: expected {expected} lower-case hex digits (0-9, a-f)")]
pub struct ContentDigestError {
    algorithm: DigestAlgorithm,
    value: String,
    expected: usize,
}

/// A digest of an evidence item's content, computed by the host.
///
/// # Examples
/// ```
/// use incident::evidence::{ContentDigest, DigestAlgorithm};
/// let d = ContentDigest::new(DigestAlgorithm::Sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")?;
/// assert_eq!(d.algorithm(), DigestAlgorithm::Sha256);
/// assert!(ContentDigest::new(DigestAlgorithm::Sha256, "E3B0").is_err());
/// # Ok::<(), incident::evidence::ContentDigestError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawDigest")]
pub struct ContentDigest {
    algorithm: DigestAlgorithm,
    value: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDigest {
    algorithm: DigestAlgorithm,
    value: String,
}

impl TryFrom<RawDigest> for ContentDigest {
    type Error = ContentDigestError;

    fn try_from(raw: RawDigest) -> Result<Self, Self::Error> {
        Self::new(raw.algorithm, raw.value)
    }
}

impl ContentDigest {
    /// Validates a digest: the right number of lower-case hex digits for the algorithm.
    ///
    /// # Errors
    /// [`ContentDigestError`] when the length or the characters are wrong.
    pub fn new(
        algorithm: DigestAlgorithm,
        value: impl Into<String>,
    ) -> Result<Self, ContentDigestError> {
        let value = value.into();
        let expected = algorithm.hex_len();
        if value.len() == expected
            && value
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            Ok(Self { algorithm, value })
        } else {
            Err(ContentDigestError {
                algorithm,
                value,
                expected,
            })
        }
    }

    /// The algorithm.
    pub fn algorithm(&self) -> DigestAlgorithm {
        self.algorithm
    }

    /// The digest in lower-case hex.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl JsonSchema for ContentDigest {
    fn schema_name() -> Cow<'static, str> {
        "ContentDigest".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let algorithm = generator.subschema_for::<DigestAlgorithm>();
        json_schema!({
            "description": "A digest of an evidence item's content, computed by the host: lower-case hex of the algorithm's length.",
            "type": "object",
            "properties": {
                "algorithm": algorithm,
                "value": { "type": "string", "pattern": "^[0-9a-f]{32,128}$" }
            },
            "required": ["algorithm", "value"],
            "additionalProperties": false
        })
    }
}

/// What happened to an evidence item at a custody step.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CustodyAction {
    /// First acquired (the entry made when the item is added).
    Collected,
    /// Handed from one custodian to another.
    Transferred,
    /// Opened or viewed.
    Accessed,
    /// Examined or processed by an analyst or tool.
    Analyzed,
    /// A forensic copy was made.
    Copied,
    /// Sealed (e.g. in an evidence bag or a write-once store).
    Sealed,
    /// Released to a third party (law enforcement, a court, a regulator).
    Released,
    /// Destroyed under a retention rule.
    Destroyed,
}

/// One step in an item's chain of custody.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustodyEntry {
    /// What happened.
    pub action: CustodyAction,
    /// Who did it.
    pub by: ActorId,
    /// When.
    pub at: DateTime<Utc>,
    /// Where the item is kept after this step.
    pub location: String,
    /// The content digest observed at this step, if one was taken.
    pub digest: Option<ContentDigest>,
    /// Free-text remarks.
    pub note: Option<String>,
}

/// A newly collected evidence item (the payload of the add-evidence command and event).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewEvidence {
    /// Host-chosen id, unique within the incident.
    pub evidence_id: EvidenceId,
    /// What it is (e.g. "web server access logs 2026-03-12..14").
    pub description: String,
    /// Who collected it.
    pub collected_by: ActorId,
    /// When it was collected.
    pub collected_at: DateTime<Utc>,
    /// Where it is kept.
    pub location: String,
    /// Digest of its content as collected.
    pub digest: Option<ContentDigest>,
}

/// A custody step recorded against an existing item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustodyRecord {
    /// The item.
    pub evidence_id: EvidenceId,
    /// The step.
    pub entry: CustodyEntry,
}

/// An evidence item with its chain of custody, oldest entry first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceItem {
    /// The id.
    pub id: EvidenceId,
    /// What it is.
    pub description: String,
    /// Custody entries in time order; the first is the collection.
    pub custody: Vec<CustodyEntry>,
}

impl EvidenceItem {
    pub(crate) fn collected(new: NewEvidence) -> Self {
        let entry = CustodyEntry {
            action: CustodyAction::Collected,
            by: new.collected_by,
            at: new.collected_at,
            location: new.location,
            digest: new.digest,
            note: None,
        };
        Self {
            id: new.evidence_id,
            description: new.description,
            custody: vec![entry],
        }
    }

    /// The latest custody entry (there is always one).
    pub fn latest(&self) -> Option<&CustodyEntry> {
        self.custody.last()
    }

    /// Custody entries whose digest differs from the digest taken at collection: each is a
    /// sign that the content changed and must be explained.
    pub fn digest_mismatches(&self) -> Vec<&CustodyEntry> {
        let Some(first) = self.custody.first().and_then(|e| e.digest.as_ref()) else {
            return Vec::new();
        };
        self.custody
            .iter()
            .filter(|e| e.digest.as_ref().is_some_and(|d| d != first))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_validation_checks_length_and_case() {
        assert!(
            ContentDigest::new(DigestAlgorithm::Md5, "d41d8cd98f00b204e9800998ecf8427e").is_ok()
        );
        let err = ContentDigest::new(DigestAlgorithm::Sha1, "d41d8cd98f00b204e9800998ecf8427e")
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("expected 40 lower-case hex digits"),
            "{err}"
        );
        assert!(
            ContentDigest::new(DigestAlgorithm::Md5, "D41D8CD98F00B204E9800998ECF8427E").is_err()
        );
        let json = r#"{"algorithm":"md5","value":"zz1d8cd98f00b204e9800998ecf8427e"}"#;
        assert!(serde_json::from_str::<ContentDigest>(json).is_err());
    }

    #[test]
    fn mismatching_digests_are_reported() {
        let d = |c: char| {
            Some(ContentDigest::new(DigestAlgorithm::Md5, c.to_string().repeat(32)).unwrap())
        };
        let by = ActorId::new("forensics").unwrap();
        let at = DateTime::<Utc>::from_timestamp(1_700_000_000, 0).unwrap();
        let mut item = EvidenceItem::collected(NewEvidence {
            evidence_id: EvidenceId::new("EV-1").unwrap(),
            description: "disk image".into(),
            collected_by: by.clone(),
            collected_at: at,
            location: "locker 3".into(),
            digest: d('a'),
        });
        let step = |digest| CustodyEntry {
            action: CustodyAction::Analyzed,
            by: by.clone(),
            at,
            location: "lab".into(),
            digest,
            note: None,
        };
        item.custody.push(step(d('a')));
        item.custody.push(step(None));
        assert!(item.digest_mismatches().is_empty());
        item.custody.push(step(d('b')));
        assert_eq!(item.digest_mismatches().len(), 1);
    }
}
