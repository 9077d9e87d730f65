//! Evidence bundles: an incident exported as one self-contained JSON document that a third
//! party can verify with nothing but the documented algorithm
//! ([`guide::chain`](crate::guide::chain)).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::chain::{verify, ChainError};
use crate::Head;
use crate::{evidence::EvidenceItem, Envelope, Incident, ReplayError, EVENT_SCHEMA_VERSION};

/// The `format` value of every bundle this crate writes.
pub const BUNDLE_FORMAT: &str = "incident-evidence-bundle/1";

/// An incident's complete log with its head and the chain of custody of every evidence
/// item, for regulators, courts and auditors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceBundle {
    /// Always [`BUNDLE_FORMAT`].
    pub format: String,
    /// The version of the `incident` crate that wrote it.
    pub crate_version: String,
    /// The event contract version ([`EVENT_SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The head of the chain: publish or countersign it.
    pub head: Head,
    /// Every evidence item with its chain-of-custody entries, as rebuilt from the events.
    pub evidence: Vec<EvidenceItem>,
    /// Every envelope, oldest first.
    pub events: Vec<Envelope>,
}

/// Why a bundle does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BundleError {
    /// Not a bundle this crate understands.
    #[error("unknown bundle format {found:?}; expected {BUNDLE_FORMAT:?}")]
    Format {
        /// The format found.
        found: String,
    },
    /// The bundle's head does not name the last event.
    #[error("the bundle's head names sequence {head} but the bundle holds {events} events")]
    HeadMismatch {
        /// The head's sequence.
        head: u64,
        /// The number of events.
        events: usize,
    },
    /// The chain is broken.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// The events do not replay.
    #[error(transparent)]
    Replay(#[from] ReplayError),
    /// The custody section differs from what the events say.
    #[error("the evidence section differs from the evidence recorded in the events (first difference at item {item})")]
    EvidenceMismatch {
        /// The first differing item id, or `count` if the numbers differ.
        item: String,
    },
}

impl EvidenceBundle {
    /// Exports a verified log as a bundle.
    ///
    /// # Errors
    /// A [`ReplayError`] if the log does not verify or replay.
    pub fn export(envelopes: &[Envelope]) -> Result<Self, ReplayError> {
        let incident = Incident::replay(envelopes)?;
        Ok(Self {
            format: BUNDLE_FORMAT.to_owned(),
            crate_version: env!("CARGO_PKG_VERSION").to_owned(),
            schema_version: EVENT_SCHEMA_VERSION,
            head: incident.head(),
            evidence: incident.evidence().values().cloned().collect(),
            events: envelopes.to_vec(),
        })
    }

    /// Verifies the bundle: format, chain against its own head (which must name the last
    /// event), and the evidence section against the events.
    ///
    /// # Errors
    /// The first [`BundleError`].
    pub fn verify(&self) -> Result<Head, BundleError> {
        if self.format != BUNDLE_FORMAT {
            return Err(BundleError::Format {
                found: self.format.clone(),
            });
        }
        if usize::try_from(self.head.sequence).ok() != Some(self.events.len()) {
            return Err(BundleError::HeadMismatch {
                head: self.head.sequence,
                events: self.events.len(),
            });
        }
        verify(&self.events, Some(&self.head))?;
        let incident = Incident::replay(&self.events)?;
        let rebuilt: Vec<&EvidenceItem> = incident.evidence().values().collect();
        if rebuilt.len() != self.evidence.len() {
            return Err(BundleError::EvidenceMismatch {
                item: "count".to_owned(),
            });
        }
        if let Some((item, _)) = self
            .evidence
            .iter()
            .zip(rebuilt)
            .find(|(given, rebuilt)| given != rebuilt)
        {
            return Err(BundleError::EvidenceMismatch {
                item: item.id.to_string(),
            });
        }
        Ok(self.head)
    }
}
