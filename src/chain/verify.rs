use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CanonicalError, Digest, Sealed};
use crate::Head;
use crate::IncidentId;

/// How the chain is broken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChainBreak {
    /// The payload no longer matches its digest: the event's content was edited.
    EditedPayload {
        /// The stored `payload_digest`.
        stored: Digest,
        /// The digest of the payload as it is now.
        computed: Digest,
    },
    /// The envelope no longer matches its digest: sequence, time, actor, incident, a digest
    /// field or the schema version was edited.
    EditedMetadata {
        /// The stored `digest`.
        stored: Digest,
        /// The digest of the envelope as it is now.
        computed: Digest,
    },
    /// The expected sequence number is missing: events were deleted.
    Deleted {
        /// The sequence number found in its place.
        found: u64,
    },
    /// An envelope that does not belong to the chain at this point: inserted, duplicated
    /// or forged.
    Inserted {
        /// The sequence number it claims.
        found: u64,
    },
    /// The expected sequence number appears later in the log: events were reordered.
    Reordered {
        /// The sequence number found in its place.
        found: u64,
    },
    /// An envelope of another incident.
    ForeignIncident {
        /// Its incident id.
        found: IncidentId,
    },
    /// The log ends before the anchored head: events were cut off the end.
    Truncated {
        /// The last sequence number present (0 for an empty log).
        last: u64,
    },
    /// The envelope at the anchored sequence differs from the anchor: the log was rewritten.
    Rewritten {
        /// The anchored digest.
        anchored: Digest,
        /// The digest found.
        found: Digest,
    },
    /// The envelope cannot be put in canonical form (a hand-made value with a float).
    Unencodable {
        /// Why.
        detail: String,
    },
}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EditedPayload { stored, computed } => write!(
                f,
                "the event payload was edited (stored payload digest {stored}, computed {computed})"
            ),
            Self::EditedMetadata { stored, computed } => write!(
                f,
                "the envelope metadata was edited (stored digest {stored}, computed {computed})"
            ),
            Self::Deleted { found } => write!(
                f,
                "it is missing and sequence {found} stands in its place: events were deleted"
            ),
            Self::Inserted { found } => write!(
                f,
                "an envelope claiming sequence {found} does not link into the chain here: an event was inserted, duplicated or forged"
            ),
            Self::Reordered { found } => write!(
                f,
                "sequence {found} stands in its place and it appears later: events were reordered"
            ),
            Self::ForeignIncident { found } => {
                write!(f, "the envelope belongs to another incident ({found})")
            }
            Self::Truncated { last } => write!(
                f,
                "the anchored head names it but the log ends at sequence {last}: events were removed from the end"
            ),
            Self::Rewritten { anchored, found } => write!(
                f,
                "its digest {found} differs from the anchored {anchored}: the log was rewritten"
            ),
            Self::Unencodable { detail } => write!(f, "it cannot be put in canonical form: {detail}"),
        }
    }
}

/// The first broken link in an incident's chain.
///
/// # Handling
/// The stored history is not what was written. Do not append to it; keep the log as found
/// for investigation and restore from a verified copy or backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, thiserror::Error)]
#[error("event log broken at sequence {sequence}: {kind}")]
pub struct ChainError {
    /// The sequence number expected at the break (for insertions, the inserted one's).
    pub sequence: u64,
    /// How it is broken.
    pub kind: ChainBreak,
}

impl ChainError {
    fn unencodable(sequence: u64, e: &CanonicalError) -> Self {
        Self {
            sequence,
            kind: ChainBreak::Unencodable {
                detail: e.to_string(),
            },
        }
    }
}

/// Verifies a chain one envelope at a time, in constant memory: for streaming replay.
/// It cannot look ahead, so a reordering shows as a deletion; [`verify`] over the whole log
/// gives the finer diagnosis.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    incident_id: IncidentId,
    expected: u64,
    prev: Digest,
    anchor: Option<Head>,
}

/// An envelope's digests as a reader recomputed them: the event's canonical form (or why
/// it has none) and the metadata's.
pub(crate) struct Computed {
    /// SHA-256 of the event's canonical form.
    pub(crate) payload: Result<Digest, CanonicalError>,
    /// SHA-256 of the canonical metadata.
    pub(crate) envelope: Digest,
}

impl Computed {
    /// Both digests, each encoded afresh.
    fn of<E: Serialize>(envelope: &Sealed<E>) -> Self {
        Self {
            payload: envelope.computed_payload_digest(),
            envelope: envelope.computed_digest(),
        }
    }
}

impl ChainVerifier {
    /// A verifier for `incident_id`'s chain, optionally against an anchored head.
    pub fn new(incident_id: IncidentId, anchor: Option<Head>) -> Self {
        Self {
            incident_id,
            expected: 1,
            prev: Digest::genesis(incident_id),
            anchor,
        }
    }

    /// A verifier that continues an already verified chain after `head` (whose sequence is
    /// `next_sequence - 1`).
    pub(crate) fn resume(incident_id: IncidentId, next_sequence: u64, head: Digest) -> Self {
        Self {
            incident_id,
            expected: next_sequence,
            prev: head,
            anchor: None,
        }
    }

    /// Checks the next envelope.
    ///
    /// # Errors
    /// The [`ChainError`] describing the first broken link.
    pub fn push<E: Serialize>(&mut self, envelope: &Sealed<E>) -> Result<(), ChainError> {
        self.check(envelope, None)
    }

    /// Checks the next envelope, given its digests as the reader computed them with
    /// reused buffers: the same rule as [`push`](Self::push), without encoding anything a
    /// second time.
    pub(crate) fn push_checked<E: Serialize>(
        &mut self,
        envelope: &Sealed<E>,
        computed: Computed,
    ) -> Result<(), ChainError> {
        self.check(envelope, Some(computed))
    }

    fn check<E: Serialize>(
        &mut self,
        envelope: &Sealed<E>,
        computed: Option<Computed>,
    ) -> Result<(), ChainError> {
        // An envelope this process sealed (and nobody could change since) holds its digests
        // by construction; its sequence, incident and link are still checked.
        if !envelope.sealed_here() {
            self.check_digests(envelope, computed)?;
        }
        self.check_link(envelope)
    }

    fn check_digests<E: Serialize>(
        &self,
        envelope: &Sealed<E>,
        computed: Option<Computed>,
    ) -> Result<(), ChainError> {
        let sequence = self.expected;
        let fail = |kind| Err(ChainError { sequence, kind });
        let computed = computed.unwrap_or_else(|| Computed::of(envelope));
        // Self-consistency first: an envelope whose incident id was edited no longer
        // matches its own digest (edited metadata); one that matches but names another
        // incident really is foreign.
        if computed.envelope != envelope.digest() {
            return fail(ChainBreak::EditedMetadata {
                stored: envelope.digest(),
                computed: computed.envelope,
            });
        }
        let payload = computed
            .payload
            .map_err(|e| ChainError::unencodable(sequence, &e))?;
        if payload != envelope.payload_digest() {
            return fail(ChainBreak::EditedPayload {
                stored: envelope.payload_digest(),
                computed: payload,
            });
        }
        Ok(())
    }

    fn check_link<E>(&mut self, envelope: &Sealed<E>) -> Result<(), ChainError> {
        let sequence = self.expected;
        let fail = |kind| Err(ChainError { sequence, kind });
        if envelope.incident_id() != self.incident_id {
            return fail(ChainBreak::ForeignIncident {
                found: envelope.incident_id(),
            });
        }
        let found = envelope.sequence();
        if found > sequence {
            return fail(ChainBreak::Deleted { found });
        }
        if found < sequence || envelope.prev_digest() != self.prev {
            return fail(ChainBreak::Inserted { found });
        }
        if let Some(anchor) = self.anchor {
            if anchor.sequence == found && anchor.digest != envelope.digest() {
                return fail(ChainBreak::Rewritten {
                    anchored: anchor.digest,
                    found: envelope.digest(),
                });
            }
        }
        self.prev = envelope.digest();
        self.expected = self.expected.saturating_add(1);
        Ok(())
    }

    /// Ends verification: checks the anchor, if any, was reached, and returns the head
    /// (`None` for an empty log).
    ///
    /// # Errors
    /// [`ChainBreak::Truncated`] when the log ends before the anchored sequence.
    pub fn finish(&self) -> Result<Option<Head>, ChainError> {
        let last = self.expected.saturating_sub(1);
        if let Some(anchor) = self.anchor {
            if anchor.sequence > last {
                return Err(ChainError {
                    sequence: last.saturating_add(1),
                    kind: ChainBreak::Truncated { last },
                });
            }
        }
        Ok((last > 0).then_some(Head {
            incident_id: self.incident_id,
            sequence: last,
            digest: self.prev,
        }))
    }
}

/// Verifies a whole log and returns its head (`None` for an empty log).
///
/// Checks each envelope's own digests, that sequence numbers run 1, 2, 3 … and that each
/// envelope links to the one before; with an `anchor`, also that the log reaches the
/// anchored sequence and has the anchored digest there. The error names the first break
/// and its kind (edited payload or metadata, deleted, inserted, reordered, truncated,
/// rewritten).
///
/// # Errors
/// The first [`ChainError`].
///
/// # Examples
///
/// A broker's log checked against the head it filed with its regulator:
///
/// ```
/// use incident::chain::{verify, ChainBreak};
/// # use chrono::{TimeZone, Utc};
/// # use incident::{ActorId, Context, Declare, DetectionSource, Incident, IncidentId, IncidentKind, Severity};
/// # let ctx = Context::new(ActorId::new("soc")?, Utc.with_ymd_and_hms(2026, 3, 14, 2, 0, 0).unwrap());
/// # let declare = Declare::new(IncidentId::from_bytes([9; 16]), IncidentKind::AccountTakeover, "Client accounts taken over")
/// #     .detection(DetectionSource::CustomerReport, ctx.at()).severity(Severity::Sev2).owner(ctx.actor().clone());
/// let log = Incident::declare(&declare, &ctx)?;
/// let head = verify(&log, None)?.ok_or("a non-empty log")?;
/// assert_eq!(head.sequence, 1);
/// assert_eq!(verify(&log, Some(&head))?, Some(head));
///
/// // Cut off after the head was filed: caught, and named.
/// let err = verify(&log[..0], Some(&head)).unwrap_err();
/// assert!(matches!(err.kind, ChainBreak::Truncated { last: 0 }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify<E: Serialize>(
    envelopes: &[Sealed<E>],
    anchor: Option<&Head>,
) -> Result<Option<Head>, ChainError> {
    let incident_id = match (anchor, envelopes.first()) {
        (Some(a), _) => a.incident_id,
        (None, Some(first)) => first.incident_id(),
        (None, None) => return Ok(None),
    };
    let mut verifier = ChainVerifier::new(incident_id, anchor.copied());
    for (position, envelope) in envelopes.iter().enumerate() {
        if let Err(error) = verifier.push(envelope) {
            return Err(refine(envelopes, position, error));
        }
    }
    verifier.finish()
}

/// Uses the rest of the log to tell deletions from reorderings and to find which of two
/// envelopes with the same sequence number was inserted.
fn refine<E>(envelopes: &[Sealed<E>], position: usize, error: ChainError) -> ChainError {
    let Some(here) = envelopes.get(position) else {
        return error;
    };
    let later = envelopes.get(position + 1..).unwrap_or_default();
    match error.kind {
        ChainBreak::Deleted { found } => {
            if later.iter().any(|e| e.digest() == here.digest()) {
                ChainError {
                    kind: ChainBreak::Inserted { found },
                    ..error
                }
            } else if later.iter().any(|e| e.sequence() == error.sequence) {
                ChainError {
                    kind: ChainBreak::Reordered { found },
                    ..error
                }
            } else {
                error
            }
        }
        ChainBreak::Inserted { found } if found.checked_add(1) == Some(error.sequence) => {
            // Two envelopes claim `found`. If this one links to the envelope before the
            // previous one, the previous one is the intruder.
            let before_previous = match position.checked_sub(2) {
                Some(i) => envelopes.get(i).map(Sealed::digest),
                None => Some(Digest::genesis(here.incident_id())),
            };
            if before_previous == Some(here.prev_digest()) {
                ChainError {
                    sequence: found,
                    kind: ChainBreak::Inserted { found },
                }
            } else {
                error
            }
        }
        _ => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::chain::Payload;
    use crate::ActorId;
    use chrono::{TimeZone, Utc};
    use serde::Serialize;

    #[derive(Clone, Serialize)]
    struct Note(&'static str);

    impl Payload for Note {
        const SCHEMA_VERSION: u32 = 1;
    }

    /// A value serde writes as a float, which the canonical form refuses.
    #[derive(Serialize)]
    struct Float(f64);

    impl Payload for Float {
        const SCHEMA_VERSION: u32 = 1;
    }

    const ID: IncidentId = IncidentId::from_bytes([7; 16]);

    fn seal<E: Payload>(sequence: u64, event: E, prev: Digest) -> Sealed<E> {
        let at = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
        Sealed::seal(ID, sequence, at, ActorId::new("soc").unwrap(), event, prev).unwrap()
    }

    #[test]
    fn a_verifier_given_nothing_finishes_without_a_head() {
        let verifier = ChainVerifier::new(IncidentId::from_bytes([7; 16]), None);
        assert_eq!(verifier.finish(), Ok(None));
    }

    /// A fork: the second envelope has the right sequence and is sealed consistently, but
    /// after another first event. Its link, not its number, gives it away.
    #[test]
    fn the_right_sequence_after_the_wrong_predecessor_is_an_insertion() {
        let first = seal(1, Note("declared"), Digest::genesis(ID));
        let other = seal(1, Note("declared otherwise"), Digest::genesis(ID));
        let forked = seal(2, Note("closed"), other.digest());
        let mut verifier = ChainVerifier::new(ID, None);
        verifier.push(&first).unwrap();
        let err = verifier.push(&forked).unwrap_err();
        assert_eq!(err.sequence, 2);
        assert_eq!(err.kind, ChainBreak::Inserted { found: 2 });
    }

    /// A forged envelope that links to the head but repeats an earlier sequence number: its
    /// link is right, its number is not.
    #[test]
    fn a_repeated_sequence_linked_to_the_head_is_an_insertion() {
        let first = seal(1, Note("declared"), Digest::genesis(ID));
        let repeat = seal(1, Note("forged"), first.digest());
        let mut verifier = ChainVerifier::new(ID, None);
        verifier.push(&first).unwrap();
        let err = verifier.push(&repeat).unwrap_err();
        assert_eq!(
            (err.sequence, err.kind),
            (2, ChainBreak::Inserted { found: 1 })
        );
    }

    /// An envelope claiming an old sequence number, linked to the envelope two places
    /// back (as an adjacent duplicate would be): it is not adjacent, so the break is named
    /// where it stands, not at the old number it claims.
    #[test]
    fn a_far_repeated_sequence_is_named_where_it_stands() {
        let first = seal(1, Note("declared"), Digest::genesis(ID));
        let second = seal(2, Note("contained"), first.digest());
        let third = seal(3, Note("disclosed"), second.digest());
        let forged = seal(1, Note("forged"), second.digest());
        let err = verify(&[first, second, third, forged], None).unwrap_err();
        assert_eq!(
            (err.sequence, err.kind),
            (4, ChainBreak::Inserted { found: 1 })
        );
    }

    /// Both routes apply one rule: the payload must re-encode canonically. A payload that
    /// cannot (a float) is unencodable whether its digest comes from the reader or not.
    #[test]
    fn a_payload_without_a_canonical_form_is_refused_by_both_routes() {
        let good = seal(1, Note("x"), Digest::genesis(ID));
        let with = |digest| {
            Sealed::from_stored(
                1,
                ID,
                1,
                good.recorded_at(),
                good.actor().clone(),
                Float(0.5),
                good.payload_digest(),
                Digest::genesis(ID),
                digest,
            )
        };
        let floaty = with(with(good.digest()).computed_digest());
        let mut verifier = ChainVerifier::new(ID, None);
        let checked = verifier
            .push_checked(&floaty, Computed::of(&floaty))
            .unwrap_err();
        let mut verifier = ChainVerifier::new(ID, None);
        let err = verifier.push(&floaty).unwrap_err();
        assert!(
            matches!(err.kind, ChainBreak::Unencodable { .. }),
            "{err:?}"
        );
        assert_eq!(checked, err);
    }

    /// An envelope sealed here skips the digest recomputation; its clone proves itself.
    #[test]
    fn only_the_sealed_value_itself_skips_recomputation() {
        let first = seal(1, Note("declared"), Digest::genesis(ID));
        assert!(first.sealed_here());
        assert!(!first.clone().sealed_here());
        let decoded: Sealed<serde_json::Value> =
            serde_json::from_str(&serde_json::to_string(&first).unwrap()).unwrap();
        assert!(!decoded.sealed_here());
        let mut verifier = ChainVerifier::new(ID, None);
        verifier.push(&first).unwrap();
    }

    #[test]
    fn every_break_says_what_was_found() {
        let a = Digest::of(b"a");
        let b = Digest::of(b"b");
        let id = IncidentId::from_bytes([9; 16]);
        let cases = [
            (
                ChainBreak::EditedPayload {
                    stored: a,
                    computed: b,
                },
                format!("the event payload was edited (stored payload digest {a}, computed {b})"),
            ),
            (
                ChainBreak::EditedMetadata {
                    stored: a,
                    computed: b,
                },
                format!("the envelope metadata was edited (stored digest {a}, computed {b})"),
            ),
            (
                ChainBreak::ForeignIncident { found: id },
                format!("belongs to another incident ({id})"),
            ),
            (
                ChainBreak::Deleted { found: 5 },
                "sequence 5 stands in its place: events were deleted".to_owned(),
            ),
            (
                ChainBreak::Inserted { found: 3 },
                "claiming sequence 3 does not link into the chain".to_owned(),
            ),
            (
                ChainBreak::Reordered { found: 4 },
                "sequence 4 stands in its place and it appears later".to_owned(),
            ),
            (
                ChainBreak::Truncated { last: 2 },
                "the log ends at sequence 2".to_owned(),
            ),
            (
                ChainBreak::Rewritten {
                    anchored: a,
                    found: b,
                },
                format!("its digest {b} differs from the anchored {a}"),
            ),
            (
                ChainBreak::Unencodable {
                    detail: "a float".into(),
                },
                "a float".to_owned(),
            ),
        ];
        for (kind, expected) in cases {
            let text = kind.to_string();
            assert!(!text.is_empty() && text.contains(&expected), "{text}");
        }
    }
}
