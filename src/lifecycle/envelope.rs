use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Event;
use crate::chain::{canonical, CanonicalError, Digest};
use crate::{ActorId, IncidentId};

/// The version of the event contract this crate writes. Envelopes carry it so that older
/// shapes can be upcast by pure functions when the contract changes.
///
/// History: 1 — first release, with the hash chain (`payload_digest`, `prev_digest`, `digest`).
pub const EVENT_SCHEMA_VERSION: u32 = 1;

/// A stored event: the payload with who, when, where in the sequence, and its links in the
/// incident's hash chain. Envelopes are made by [`Incident::execute`](crate::Incident::execute)
/// and [`Incident::declare`](crate::Incident::declare) and read back from storage with serde;
/// their fields cannot be set any other way.
///
/// The digests follow the algorithm in the crate's README ("Verifying an incident log"):
/// `payload_digest` is the SHA-256 of the canonical JSON of `event`; `digest` is the SHA-256
/// of the canonical JSON of the envelope without `event` and `digest`; `prev_digest` is the
/// previous envelope's `digest`, or [`Digest::genesis`] for sequence 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
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
    event: Event,
    /// SHA-256 of the canonical JSON of `event`.
    payload_digest: Digest,
    /// The previous envelope's `digest` (the genesis digest for sequence 1).
    prev_digest: Digest,
    /// SHA-256 of the canonical JSON of this envelope without `event` and `digest`.
    digest: Digest,
}

/// The envelope's metadata in canonical order: fields declared in sorted name order so that
/// serde_json's compact output is already the canonical form.
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

impl Envelope {
    /// Seals an event into the chain after `prev_digest`.
    pub(crate) fn seal(
        incident_id: IncidentId,
        sequence: u64,
        recorded_at: DateTime<Utc>,
        actor: ActorId,
        event: Event,
        prev_digest: Digest,
    ) -> Result<Self, CanonicalError> {
        let payload_digest = payload_digest(&event)?;
        let mut envelope = Self {
            schema_version: EVENT_SCHEMA_VERSION,
            incident_id,
            sequence,
            recorded_at,
            actor,
            event,
            payload_digest,
            prev_digest,
            digest: prev_digest,
        };
        envelope.digest = envelope.computed_digest()?;
        Ok(envelope)
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
    pub fn event(&self) -> &Event {
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

    /// Recomputes the payload digest from the event as it is now.
    ///
    /// # Errors
    /// [`CanonicalError`] if the event holds a non-integer number, which no event the crate
    /// makes does.
    pub fn computed_payload_digest(&self) -> Result<Digest, CanonicalError> {
        payload_digest(&self.event)
    }

    /// Recomputes the envelope digest from the metadata as it is now (including the stored
    /// `payload_digest` and `prev_digest`).
    ///
    /// # Errors
    /// [`CanonicalError`] in the same impossible case as
    /// [`computed_payload_digest`](Self::computed_payload_digest).
    pub fn computed_digest(&self) -> Result<Digest, CanonicalError> {
        let bytes = self.canonical_metadata()?;
        Ok(Digest::of(&bytes))
    }

    /// The canonical JSON bytes the envelope digest is computed over.
    pub(crate) fn canonical_metadata(&self) -> Result<Vec<u8>, CanonicalError> {
        let meta = Meta {
            actor: &self.actor,
            incident_id: &self.incident_id,
            payload_digest: &self.payload_digest,
            prev_digest: &self.prev_digest,
            recorded_at: &self.recorded_at,
            schema_version: self.schema_version,
            sequence: self.sequence,
        };
        serde_json::to_vec(&meta).map_err(|e| CanonicalError::unencodable(&e))
    }

    /// Takes the event out.
    pub fn into_event(self) -> Event {
        self.event
    }
}

/// SHA-256 of the canonical JSON of `event`.
pub(crate) fn payload_digest(event: &Event) -> Result<Digest, CanonicalError> {
    let value = serde_json::to_value(event).map_err(|e| CanonicalError::unencodable(&e))?;
    let mut bytes = Vec::with_capacity(256);
    canonical::write(&value, &mut bytes)?;
    Ok(Digest::of(&bytes))
}
