//! The tamper-evident hash chain over an incident's events.
//!
//! Every envelope carries the SHA-256 of its payload, the digest of the previous envelope
//! and its own digest, over a documented canonical JSON form, so that anyone holding the log
//! can check that nothing was edited, deleted, inserted or reordered, and, given a
//! [`Head`](crate::Head) published elsewhere, that nothing was cut off the end. The
//! algorithm is specified in [`guide::chain`](crate::guide::chain) so it can be
//! re-implemented in another language.
//!
//! A hash chain without a secret proves integrity only relative to something the tamperer
//! cannot change: a head digest the host published, countersigned or filed with a
//! regulator. Someone who rewrites the whole log and recomputes every digest is caught by
//! [`verify`] only against such an anchor.

pub(crate) mod canonical;
pub(crate) mod canonical_ser;
mod digest;
mod envelope;
pub(crate) mod head;
mod json_lines;
mod line_scan;
mod tagged;
mod verify;

pub use canonical::CanonicalError;
pub use digest::{Digest, DigestParseError};
pub use envelope::{Payload, Sealed};
pub use json_lines::{canonical_line_decode, read_json_lines, write_json_lines, DecodeError};
pub(crate) use json_lines::{envelopes, stored_envelopes};
pub(crate) use tagged::decode_tagged;
pub use verify::{verify, ChainBreak, ChainError, ChainVerifier};

/// The lower-case hex digit for the low four bits of `n`.
pub(crate) const fn hex_digit(n: u8) -> u8 {
    match n & 0x0f {
        d @ 0..=9 => b'0' + d,
        d => b'a' + d - 10,
    }
}
