use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Digest;
use crate::IncidentId;

/// The head of an incident's chain: a small value to publish, countersign or file
/// elsewhere (a regulator filing, a timestamping service). Verifying a log against a
/// remembered head detects truncation and rewriting up to that point.
///
/// # Examples
/// ```
/// use incident::Head;
/// let json = r#"{"incident_id":"67e55044-10b1-426f-9247-bb680e5fe0c8","sequence":3,"digest":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}"#;
/// let head: Head = serde_json::from_str(json)?;
/// assert_eq!(head.sequence, 3);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Head {
    /// The incident.
    pub incident_id: IncidentId,
    /// The sequence number of the last envelope covered.
    pub sequence: u64,
    /// That envelope's digest.
    pub digest: Digest,
}
