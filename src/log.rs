//! An in-memory event log with optimistic concurrency: the reference for what a host's
//! store must do (append-only, keyed by incident and sequence, expected version checked
//! atomically), and a ready store for tests, examples and tools.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::chain::{Digest, Sealed};
use crate::Head;
use crate::IncidentId;

/// Another writer appended first.
///
/// # Handling
/// Retryable: reload (or apply the new events), decide again on the fresh state, and
/// append with the new version. HTTP 409 with `actual` for API clients.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, thiserror::Error,
)]
#[error("version conflict: expected the log at version {expected}, but it is at {actual}; reload the incident, decide again and retry")]
pub struct Conflict {
    /// The version the writer expected.
    pub expected: u64,
    /// The log's actual version.
    pub actual: u64,
}

/// Why an append was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AppendError {
    /// Another writer appended first.
    #[error(transparent)]
    Conflict(#[from] Conflict),
    /// The envelopes do not continue the log (wrong incident, sequence or link): they were
    /// not made from the state at the expected version.
    #[error("envelope {position} of the batch does not continue the log (expected sequence {expected_sequence} of incident {incident_id} linked to the current head); make envelopes with Incident::execute on the current state")]
    Discontinuous {
        /// 0-based position in the batch.
        position: usize,
        /// The sequence it should have had.
        expected_sequence: u64,
        /// The log's incident.
        incident_id: IncidentId,
    },
}

impl AppendError {
    /// Whether this is a version conflict (retry after reloading).
    pub fn is_conflict(&self) -> bool {
        matches!(self, Self::Conflict(_))
    }
}

/// One incident's envelopes, in order. Generic over the payload so that the record layer
/// knows nothing of the events; the crate's own log is an `EventLog<Event>`, which type
/// inference picks from the first append.
///
/// # Examples
/// ```
/// use incident::{Event, EventLog, IncidentId};
/// let log: EventLog<Event> = EventLog::new(IncidentId::from_bytes([1; 16]));
/// assert_eq!(log.version(), 0);
/// assert!(log.head().is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventLog<E> {
    incident_id: IncidentId,
    envelopes: Vec<Sealed<E>>,
}

impl<E: Clone> EventLog<E> {
    /// An empty log for `incident_id`.
    pub fn new(incident_id: IncidentId) -> Self {
        Self {
            incident_id,
            envelopes: Vec::new(),
        }
    }

    /// The incident.
    pub fn incident_id(&self) -> IncidentId {
        self.incident_id
    }

    /// The number of envelopes (the version the next append must expect).
    pub fn version(&self) -> u64 {
        u64::try_from(self.envelopes.len()).unwrap_or(u64::MAX)
    }

    /// The envelopes, oldest first.
    pub fn envelopes(&self) -> &[Sealed<E>] {
        &self.envelopes
    }

    /// The chain head, `None` while empty.
    pub fn head(&self) -> Option<Head> {
        self.envelopes.last().map(|e| Head {
            incident_id: self.incident_id,
            sequence: e.sequence(),
            digest: e.digest(),
        })
    }

    /// Appends `batch` if the log is at `expected_version`; all or nothing.
    ///
    /// # Errors
    /// [`AppendError::Conflict`] when another writer got there first;
    /// [`AppendError::Discontinuous`] when the batch does not continue this log.
    ///
    /// # Examples
    ///
    /// Two desks handle the same broker incident at version 1; the second append is
    /// refused with both versions, and succeeds once its writer reloads and decides again.
    ///
    /// ```
    /// use chrono::Duration;
    /// use incident::{AppendError, Command, Conflict, EventLog, Incident};
    /// # use chrono::TimeZone;
    /// # use incident::{ActorId, Context, Declare, DetectionSource, IncidentId, IncidentKind, Severity};
    /// # let t0 = chrono::Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([7; 16]), IncidentKind::AccountTakeover, "Client accounts taken over")
    /// #     .detection(DetectionSource::CustomerReport, t0).severity(Severity::Sev2).owner(ActorId::new("li.na")?);
    /// # let ctx = Context::new(ActorId::new("hotline")?, t0 + Duration::minutes(10));
    /// let mut store = EventLog::new(declare.incident_id);
    /// store.append(0, &Incident::declare(&declare, &ctx)?)?;
    ///
    /// let desk_a = Incident::replay(store.envelopes())?;
    /// let desk_b = Incident::replay(store.envelopes())?;
    /// let note = |text: &str| Command::AddNote { text: text.into() };
    /// store.append(desk_a.version(), &desk_a.execute(&note("Accounts frozen"), &ctx)?)?;
    ///
    /// let late = desk_b.execute(&note("Client called back"), &ctx)?;
    /// let err = store.append(desk_b.version(), &late).unwrap_err();
    /// assert_eq!(err, AppendError::Conflict(Conflict { expected: 1, actual: 2 }));
    ///
    /// let desk_b = Incident::replay(store.envelopes())?; // reload, decide again, retry
    /// let head = store.append(desk_b.version(), &desk_b.execute(&note("Client called back"), &ctx)?)?;
    /// assert_eq!(head.sequence, 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn append(
        &mut self,
        expected_version: u64,
        batch: &[Sealed<E>],
    ) -> Result<Head, AppendError> {
        let actual = self.version();
        if expected_version != actual {
            return Err(Conflict {
                expected: expected_version,
                actual,
            }
            .into());
        }
        let mut prev = self
            .envelopes
            .last()
            .map_or_else(|| Digest::genesis(self.incident_id), Sealed::digest);
        for (position, (envelope, expected_sequence)) in batch.iter().zip(actual + 1..).enumerate()
        {
            if envelope.incident_id() != self.incident_id
                || envelope.sequence() != expected_sequence
                || envelope.prev_digest() != prev
            {
                return Err(AppendError::Discontinuous {
                    position,
                    expected_sequence,
                    incident_id: self.incident_id,
                });
            }
            prev = envelope.digest();
        }
        self.envelopes.extend_from_slice(batch);
        Ok(self.head().unwrap_or(Head {
            incident_id: self.incident_id,
            sequence: 0,
            digest: prev,
        }))
    }
}
