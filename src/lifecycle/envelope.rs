//! The crate's envelope: an [`Event`] sealed into the incident's hash chain.

use crate::chain::{Payload, Sealed};
use crate::Event;

/// The version of the event contract this crate writes. Envelopes carry it so that older
/// shapes can be upcast by pure functions when the contract changes.
///
/// History: 1 — first release, with the hash chain (`payload_digest`, `prev_digest`, `digest`).
pub const EVENT_SCHEMA_VERSION: u32 = 1;

/// A stored event: an [`Event`] with who, when, where in the sequence, and its links in the
/// incident's hash chain (see [`Sealed`] for the fields and [`crate::guide::chain`] for
/// the digests). Made by [`Incident::execute`](crate::Incident::execute) and
/// [`Incident::declare`](crate::Incident::declare), read back with
/// [`Sealed::from_json`] or serde.
pub type Envelope = Sealed<Event>;

impl Payload for Event {
    const SCHEMA_VERSION: u32 = EVENT_SCHEMA_VERSION;

    /// The one-pass decoder: the `type` member is found first and the event parsed
    /// straight into its variant; serde's derived decoder decides whatever it is unsure
    /// of, and on everything it accepts it equals the derived one (property-tested).
    fn decode_json(bytes: &[u8]) -> Result<Self, serde_json::Error> {
        super::event::decode_event(bytes)
    }
}
