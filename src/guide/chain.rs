//! Verifying an incident log: the hash chain and its canonical JSON form.
//!
//! Every stored event is an envelope ([`Envelope`](crate::Envelope), see
//! [`events`](super::events) for its fields) that carries the SHA-256 of its payload, the
//! digest of the previous envelope and its own digest. Anyone can check a log, or the
//! `events` of an [`EvidenceBundle`](crate::bundle::EvidenceBundle), with the algorithm
//! below and a SHA-256 implementation; no part of this crate is needed. The text is the
//! specification: `tests/chain.rs` recomputes the digests from it independently, and so
//! does the example at the end of this page.
//!
//! # The algorithm
//!
//! 1. **Canonical JSON** of a value: RFC 8785 (JCS) restricted to what events contain.
//!    Objects with members sorted by the UTF-16 code units of their names; no white space;
//!    strings escaped as `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other characters below
//!    U+0020 as `\u00xx` (lower-case hex), every other character as literal UTF-8 (no `\/`,
//!    no escaping of non-ASCII); integers in plain decimal (events never contain fractions
//!    or exponents: money is integer minor units); `true`, `false`, `null`. Times are the
//!    RFC 3339 strings exactly as stored (UTC, `Z`, fractional seconds only when non-zero,
//!    in 3, 6 or 9 digits).
//! 2. **Hex** means the lower-case hexadecimal of the 32 SHA-256 bytes (64 characters).
//! 3. For each envelope, in order:
//!    - `payload_digest` must equal hex(SHA-256(canonical(`event`))).
//!    - `digest` must equal hex(SHA-256(canonical(the envelope object with the members
//!      `event` and `digest` removed))). That object has exactly the members `actor`,
//!      `incident_id`, `payload_digest`, `prev_digest`, `recorded_at`, `schema_version`,
//!      `sequence`.
//!    - `sequence` must be 1 for the first envelope and one more than the previous after
//!      that.
//!    - `prev_digest` must equal the previous envelope's `digest`; for sequence 1 it must
//!      equal hex(SHA-256(the UTF-8 bytes of `incident-event-chain/v1:` followed by the
//!      incident id in lower-case hyphenated form)), e.g. of
//!      `incident-event-chain/v1:67e55044-10b1-426f-9247-bb680e5fe0c8`.
//!    - `incident_id` must be the same in every envelope.
//! 4. A **head** `{incident_id, sequence, digest}` ([`Head`](crate::Head)) published earlier
//!    must match the envelope with that sequence; a log shorter than the head was
//!    truncated.
//!
//! # In this crate
//!
//! [`chain::verify`](crate::chain::verify) does exactly this and names the first break and
//! its kind ([`ChainBreak`](crate::chain::ChainBreak)): edited payload, edited metadata,
//! deleted, inserted, reordered, foreign incident, truncated, rewritten.
//! [`Incident::replay`](crate::Incident::replay) verifies by default;
//! [`ReplayOptions::skip_verification`](crate::ReplayOptions::skip_verification) is the
//! explicit opt-out, and [`ReplayOptions::anchor`](crate::ReplayOptions::anchor) verifies
//! against a published head. [`ChainVerifier`](crate::chain::ChainVerifier) does the same
//! one envelope at a time, for a stream.
//!
//! [`Sealed::to_json`](crate::chain::Sealed::to_json) and
//! [`write_json_lines`](crate::chain::write_json_lines) store each envelope in exactly this
//! canonical form, so the stored `event` bytes are what `payload_digest` covers. Every
//! reader ([`Incident::replay_json_lines`](crate::Incident::replay_json_lines) as much as
//! [`verify`](crate::chain::verify) on decoded envelopes) re-encodes the decoded event in
//! canonical form and hashes that, never the bytes as read: a store that re-formats JSON
//! (PostgreSQL `jsonb` reorders keys) still verifies, and a stored event that is not
//! canonical but whose digest was recomputed over its own bytes is an edited payload to
//! both readers alike.
//!
//! # What the chain proves
//!
//! A chain without a secret proves integrity relative to an anchor: someone who rewrites
//! the whole log and recomputes every digest is caught only against a head published
//! before the rewrite (in a regulator filing, a timestamping service, a countersigned
//! e-mail). Publish heads ([`Incident::head`](crate::Incident::head)) at each phase change.
//!
//! Without an anchor, replay still refuses a re-sealed log that no run of the guards could
//! have written ([`ApplyError`](crate::lifecycle::ApplyError) names which): `recorded_at`
//! going backwards, a claim moved between statuses no command links, an assessment or a
//! budget allocation the pinned policy does not reproduce. The events that carry a second
//! person's or an approver's word (a notice's approval with the facts it binds, an
//! override's approval, a manual review, an offer, a settlement, a payment, a confirmed
//! reversal, money declared unclaimed) are decided again: replay runs the command's guards at that
//! point of the log, as the recorded actor at the recorded time, and requires exactly the
//! stored event (`ApplyError::NotDecided` names the guard's objection or the members that
//! differ). One person named on both steps, an approval by someone without the plan's
//! role, or a bound fact edited to hide a later change does not replay.
//!
//! # Example: the algorithm by hand
//!
//! The digests of a payments platform's first two envelopes, recomputed from the text
//! above with serde_json (its default map is sorted and its compact writer escapes as
//! RFC 8785 does, for the names events use) and sha2, without the crate's own code:
//!
//! ```
//! use chrono::{Duration, TimeZone, Utc};
//! use incident::{ActorId, Command, Context, Declare, DetectionSource, Incident, IncidentId};
//! use incident::{IncidentKind, Severity};
//! use sha2::{Digest as _, Sha256};
//!
//! fn hex_sha256(bytes: &[u8]) -> String {
//!     Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
//! }
//!
//! let id: IncidentId = "67e55044-10b1-426f-9247-bb680e5fe0c8".parse()?;
//! let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
//! let soc = ActorId::new("soc")?;
//! let declare = Declare::new(id, IncidentKind::DataBreach, "Customer records and funds stolen")
//!     .detection(DetectionSource::NetworkTraffic, t0)
//!     .severity(Severity::Sev1)
//!     .owner(ActorId::new("zhang.min")?);
//! let mut log = Incident::declare(&declare, &Context::new(soc.clone(), t0))?;
//! let incident = Incident::replay(&log)?;
//! let note = Command::AddNote { text: "Blocked 203.0.113.7 at the edge\ttab".into() };
//! log.extend(incident.execute(&note, &Context::new(soc, t0 + Duration::minutes(5)))?);
//!
//! let mut prev = hex_sha256(format!("incident-event-chain/v1:{id}").as_bytes());
//! for envelope in &log {
//!     let stored: serde_json::Value = serde_json::from_str(&envelope.to_json()?)?;
//!     let mut object = stored.as_object().ok_or("an object")?.clone();
//!     let payload = serde_json::to_string(&object["event"])?;
//!     assert_eq!(hex_sha256(payload.as_bytes()), object["payload_digest"]);
//!     assert_eq!(object["prev_digest"], prev.as_str());
//!     let digest = object.remove("digest").ok_or("a digest")?;
//!     object.remove("event");
//!     let metadata = serde_json::to_string(&object)?;
//!     assert_eq!(hex_sha256(metadata.as_bytes()), digest);
//!     prev = digest.as_str().ok_or("a string")?.to_owned();
//! }
//! assert_eq!(prev, incident::chain::verify(&log, None)?.ok_or("a head")?.digest.to_string());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
