//! Rebuilding an incident from its stored envelopes.

use super::envelope::EVENT_SCHEMA_VERSION;
use super::ApplyError;
use crate::chain::{self, verify, ChainError, ChainVerifier, DecodeError};
use crate::Head;
use crate::IncidentId;
use crate::{Envelope, Event, Incident};

/// A stored log that cannot be replayed: history is damaged or was written by a newer
/// crate. Different from a [`Rejection`](crate::Rejection), which refuses a new command.
///
/// # Handling
/// Not retryable. Stop writing to the incident, keep the log as found, and investigate:
/// HTTP 500 with the sequence number for an operator, never a silent skip.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReplayError {
    /// The log is empty.
    #[error("the event log is empty: an incident's log starts with incident_declared")]
    Empty,
    /// A sequence number is missing (found one higher than expected).
    #[error("gap in the event log: expected sequence {expected}, found {found}")]
    Gap {
        /// The sequence number expected.
        expected: u64,
        /// The one found.
        found: u64,
    },
    /// A sequence number appears again (found one lower than expected).
    #[error(
        "duplicate in the event log: sequence {found} appears again where {expected} was expected"
    )]
    Duplicate {
        /// The sequence number expected.
        expected: u64,
        /// The one found.
        found: u64,
    },
    /// An envelope of another incident.
    #[error("event at sequence {sequence} belongs to incident {found}, not {expected}")]
    ForeignIncident {
        /// Where.
        sequence: u64,
        /// The incident being replayed.
        expected: IncidentId,
        /// The incident the envelope names.
        found: IncidentId,
    },
    /// An envelope written with a newer event contract than this crate knows.
    #[error("event at sequence {sequence} has schema version {found}; this crate reads up to {supported}: upgrade the incident crate")]
    UnsupportedSchemaVersion {
        /// Where.
        sequence: u64,
        /// The version found.
        found: u32,
        /// The newest version this crate reads.
        supported: u32,
    },
    /// The event does not apply to the state before it.
    #[error("event at sequence {sequence} cannot apply: {reason}")]
    CannotApply {
        /// Where.
        sequence: u64,
        /// Why.
        reason: ApplyError,
    },
    /// The hash chain is broken.
    #[error(transparent)]
    Tampered(#[from] ChainError),
    /// A stored line is not a valid envelope.
    #[error("line {line} of the event log is not a valid envelope: {message}")]
    Decode {
        /// The 1-based line number.
        line: usize,
        /// What the JSON parser said.
        message: String,
    },
}

impl From<DecodeError> for ReplayError {
    fn from(e: DecodeError) -> Self {
        match e {
            DecodeError::UnsupportedSchemaVersion {
                sequence: Some(sequence),
                found,
                supported,
                ..
            } => Self::UnsupportedSchemaVersion {
                sequence,
                found,
                supported,
            },
            other => Self::Decode {
                line: other.line(),
                message: match other {
                    DecodeError::Malformed { message, .. } => message,
                    newer => newer.to_string(),
                },
            },
        }
    }
}

impl ReplayError {
    /// The sequence number (or line) the error points at, if any.
    pub fn sequence(&self) -> Option<u64> {
        match self {
            Self::Empty => None,
            Self::Gap { expected, .. } | Self::Duplicate { expected, .. } => Some(*expected),
            Self::ForeignIncident { sequence, .. }
            | Self::UnsupportedSchemaVersion { sequence, .. }
            | Self::CannotApply { sequence, .. } => Some(*sequence),
            Self::Tampered(e) => Some(e.sequence),
            Self::Decode { line, .. } => u64::try_from(*line).ok(),
        }
    }
}

/// How to replay. Verification of the hash chain is on by default; turning it off is an
/// explicit choice for speed on logs the host has verified before.
///
/// # Examples
/// ```
/// use incident::ReplayOptions;
/// let fast = ReplayOptions::default().skip_verification();
/// assert!(!fast.verifies());
/// ```
#[derive(Debug, Clone, Default)]
pub struct ReplayOptions {
    skip_verification: bool,
    anchor: Option<Head>,
}

impl ReplayOptions {
    /// Do not check digests and links (sequence numbers and incident ids are still checked).
    #[must_use]
    pub fn skip_verification(mut self) -> Self {
        self.skip_verification = true;
        self
    }

    /// Verify against a head remembered or published earlier (detects truncation).
    #[must_use]
    pub fn anchor(mut self, head: Head) -> Self {
        self.anchor = Some(head);
        self
    }

    /// Whether the chain is verified.
    pub fn verifies(&self) -> bool {
        !self.skip_verification
    }
}

impl Incident {
    /// Rebuilds an incident from its whole log, verifying the hash chain.
    ///
    /// # Errors
    /// A [`ReplayError`] naming the first offending sequence number: a broken chain
    /// (edited, deleted, inserted, reordered events), a foreign incident, a newer schema
    /// version, or an event that cannot apply.
    ///
    /// # Examples
    ///
    /// A payments platform's log: the declaration and one note.
    ///
    /// ```
    /// use incident::chain::{read_json_lines, write_json_lines};
    /// use incident::{Event, Incident, ReplayError};
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident::{ActorId, Command, Context, Declare, DetectionSource, IncidentId, IncidentKind, Severity};
    /// # let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Customer records and funds stolen")
    /// #     .detection(DetectionSource::NetworkTraffic, t0).severity(Severity::Sev1).owner(ActorId::new("zhang.min")?);
    /// # let mut log = Incident::declare(&declare, &Context::new(ActorId::new("soc")?, t0))?;
    /// # let note = Command::AddNote { text: "Exfiltration hosts blocked at the edge".into() };
    /// # let ctx = Context::new(ActorId::new("soc")?, t0 + Duration::minutes(5));
    /// # log.extend(Incident::replay(&log)?.execute(&note, &ctx)?);
    /// let incident = Incident::replay(&log)?;
    /// assert_eq!(incident.version(), 2);
    /// assert_eq!(incident.notes()[0].text, "Exfiltration hosts blocked at the edge");
    ///
    /// // Someone edits the stored note: replay names the event whose digest no longer holds.
    /// let stored = write_json_lines(&log)?;
    /// let edited = stored.replace("at the edge", "by the vendor");
    /// let err = Incident::replay(&read_json_lines::<Event>(edited.as_bytes())?).unwrap_err();
    /// assert!(matches!(err, ReplayError::Tampered(_)));
    /// assert_eq!(err.sequence(), Some(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replay(envelopes: &[Envelope]) -> Result<Incident, ReplayError> {
        Self::replay_with(envelopes, &ReplayOptions::default())
    }

    /// Rebuilds an incident with explicit options.
    ///
    /// # Errors
    /// As [`replay`](Incident::replay); without verification, gaps and duplicates are
    /// reported as [`ReplayError::Gap`] and [`ReplayError::Duplicate`].
    ///
    /// # Examples
    ///
    /// ```
    /// use incident::{Incident, ReplayOptions};
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident::{ActorId, Command, Context, Declare, DetectionSource, IncidentId, IncidentKind, Severity};
    /// # let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Customer records and funds stolen")
    /// #     .detection(DetectionSource::NetworkTraffic, t0).severity(Severity::Sev1).owner(ActorId::new("zhang.min")?);
    /// # let mut log = Incident::declare(&declare, &Context::new(ActorId::new("soc")?, t0))?;
    /// # let note = Command::AddNote { text: "Exfiltration hosts blocked at the edge".into() };
    /// # let ctx = Context::new(ActorId::new("soc")?, t0 + Duration::minutes(5));
    /// # log.extend(Incident::replay(&log)?.execute(&note, &ctx)?);
    /// // A log the host verified before can be replayed without the digests...
    /// let incident = Incident::replay_with(&log, &ReplayOptions::default().skip_verification())?;
    ///
    /// // ...and a log can be held to a head published earlier: a cut-off log is caught.
    /// let anchored = ReplayOptions::default().anchor(incident.head());
    /// assert!(Incident::replay_with(&log[..1], &anchored).is_err());
    /// assert_eq!(Incident::replay_with(&log, &anchored)?, incident);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replay_with(
        envelopes: &[Envelope],
        options: &ReplayOptions,
    ) -> Result<Incident, ReplayError> {
        if options.verifies() {
            verify(envelopes, options.anchor.as_ref())?;
        }
        let mut iter = envelopes.iter();
        let first = iter.next().ok_or(ReplayError::Empty)?;
        let mut incident = Self::start(first.clone())?;
        for envelope in iter {
            incident.step(envelope.clone())?;
        }
        Ok(incident)
    }

    /// Rebuilds an incident from JSON Lines (one envelope per line, as stored), decoding
    /// and verifying as it goes, in memory proportional to the state, not the log.
    ///
    /// # Errors
    /// [`ReplayError::Decode`] with the line number for a line that is not an envelope,
    /// otherwise as [`replay_with`](Incident::replay_with).
    ///
    /// # Examples
    ///
    /// ```
    /// use incident::chain::write_json_lines;
    /// use incident::{Incident, ReplayError, ReplayOptions};
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident::{ActorId, Command, Context, Declare, DetectionSource, IncidentId, IncidentKind, Severity};
    /// # let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Customer records and funds stolen")
    /// #     .detection(DetectionSource::NetworkTraffic, t0).severity(Severity::Sev1).owner(ActorId::new("zhang.min")?);
    /// # let mut log = Incident::declare(&declare, &Context::new(ActorId::new("soc")?, t0))?;
    /// # let note = Command::AddNote { text: "Exfiltration hosts blocked at the edge".into() };
    /// # let ctx = Context::new(ActorId::new("soc")?, t0 + Duration::minutes(5));
    /// # log.extend(Incident::replay(&log)?.execute(&note, &ctx)?);
    /// let stored = write_json_lines(&log)?; // one canonical envelope per line, as a host keeps them
    /// let incident = Incident::replay_json_lines(stored.as_bytes(), &ReplayOptions::default())?;
    /// assert_eq!(incident.version(), 2);
    ///
    /// // A line cut short by a failed write is named.
    /// let damaged = format!("{stored}{{\"actor\":\"soc\",");
    /// let err = Incident::replay_json_lines(damaged.as_bytes(), &ReplayOptions::default()).unwrap_err();
    /// assert!(matches!(err, ReplayError::Decode { line: 3, .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replay_json_lines(
        bytes: &[u8],
        options: &ReplayOptions,
    ) -> Result<Incident, ReplayError> {
        if !options.verifies() {
            let mut lines = chain::envelopes::<Event>(bytes);
            let mut incident = Self::start(lines.next().ok_or(ReplayError::Empty)??)?;
            for envelope in lines {
                incident.step(envelope?)?;
            }
            return Ok(incident);
        }
        let mut lines = chain::stored_envelopes::<Event>(bytes);
        let (first, stored) = lines.next().ok_or(ReplayError::Empty)??;
        let mut verifier = ChainVerifier::new(
            options
                .anchor
                .map_or(first.incident_id(), |a| a.incident_id),
            options.anchor,
        );
        verifier.push_checked(&first, stored)?;
        let mut incident = Self::start(first)?;
        for line in lines {
            let (envelope, stored) = line?;
            verifier.push_checked(&envelope, stored)?;
            incident.step(envelope)?;
        }
        verifier.finish()?;
        Ok(incident)
    }

    /// Applies one more envelope (typically one [`execute`](Incident::execute) returned,
    /// after the store accepted it), checking its sequence, incident, digests and link.
    ///
    /// # Errors
    /// A [`ReplayError`] if the envelope does not continue this incident's chain; the
    /// state is then unchanged.
    ///
    /// # Examples
    ///
    /// Two envelopes made from the same version: the store takes one, and the other one no
    /// longer continues the chain.
    ///
    /// ```
    /// use incident::{Incident, ReplayError};
    /// # use chrono::{Duration, TimeZone, Utc};
    /// # use incident::{ActorId, Command, Context, Declare, DetectionSource, IncidentId, IncidentKind, Severity};
    /// # let t0 = Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap();
    /// # let declare = Declare::new(IncidentId::from_bytes([1; 16]), IncidentKind::DataBreach, "Customer records and funds stolen")
    /// #     .detection(DetectionSource::NetworkTraffic, t0).severity(Severity::Sev1).owner(ActorId::new("zhang.min")?);
    /// # let mut log = Incident::declare(&declare, &Context::new(ActorId::new("soc")?, t0))?;
    /// # let note = Command::AddNote { text: "Exfiltration hosts blocked at the edge".into() };
    /// # let ctx = Context::new(ActorId::new("soc")?, t0 + Duration::minutes(5));
    /// # log.extend(Incident::replay(&log)?.execute(&note, &ctx)?);
    /// let mut incident = Incident::replay(&log)?;
    /// let freeze = Command::AddNote { text: "Payouts frozen".into() };
    /// let first = incident.execute(&freeze, &ctx)?;
    /// let twin = incident.execute(&freeze, &ctx)?;
    /// incident.apply(&first[0])?;
    /// let err = incident.apply(&twin[0]).unwrap_err();
    /// assert!(matches!(err, ReplayError::Duplicate { expected: 4, found: 3 }));
    /// assert_eq!(incident.version(), 3); // unchanged
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&mut self, envelope: &Envelope) -> Result<(), ReplayError> {
        self.check_continuity(envelope)?;
        let mut verifier =
            ChainVerifier::resume(self.id, self.version.saturating_add(1), self.head);
        verifier.push(envelope)?;
        self.fold(envelope.clone())
    }

    /// Starts from the declaration envelope.
    fn start(first: Envelope) -> Result<Incident, ReplayError> {
        check_version(&first)?;
        if first.sequence() != 1 {
            return Err(if first.sequence() > 1 {
                ReplayError::Gap {
                    expected: 1,
                    found: first.sequence(),
                }
            } else {
                ReplayError::Duplicate {
                    expected: 1,
                    found: first.sequence(),
                }
            });
        }
        let (id, at, digest) = (first.incident_id(), first.recorded_at(), first.digest());
        let actor = first.actor().clone();
        match first.into_event() {
            Event::IncidentDeclared(declared) => {
                Ok(Incident::from_declared(id, declared, digest, at, actor))
            }
            other => Err(ReplayError::CannotApply {
                sequence: 1,
                reason: ApplyError::NotDeclaredFirst {
                    found: other.name().to_owned(),
                },
            }),
        }
    }

    fn check_continuity(&self, envelope: &Envelope) -> Result<(), ReplayError> {
        check_version(envelope)?;
        let expected = self.version.saturating_add(1);
        if envelope.incident_id() != self.id {
            return Err(ReplayError::ForeignIncident {
                sequence: expected,
                expected: self.id,
                found: envelope.incident_id(),
            });
        }
        let found = envelope.sequence();
        if found > expected {
            return Err(ReplayError::Gap { expected, found });
        }
        if found < expected {
            return Err(ReplayError::Duplicate { expected, found });
        }
        Ok(())
    }

    /// Continuity checks, then the event's effect.
    fn step(&mut self, envelope: Envelope) -> Result<(), ReplayError> {
        self.check_continuity(&envelope)?;
        self.fold(envelope)
    }

    /// The event's effect on a state whose continuity with `envelope` was checked.
    /// `evolve` checks before it mutates, so a failed fold leaves the state as it was.
    fn fold(&mut self, envelope: Envelope) -> Result<(), ReplayError> {
        let (sequence, digest) = (envelope.sequence(), envelope.digest());
        let (event, at, actor) = envelope.into_parts();
        if at < self.updated_at {
            return Err(ReplayError::CannotApply {
                sequence,
                reason: ApplyError::RecordedBeforePrevious {
                    event: event.name(),
                    recorded_at: at,
                    previous: self.updated_at,
                },
            });
        }
        self.evolve(event, sequence, at, actor)
            .map_err(|reason| ReplayError::CannotApply { sequence, reason })?;
        self.version = sequence;
        self.head = digest;
        Ok(())
    }
}

fn check_version(envelope: &Envelope) -> Result<(), ReplayError> {
    if envelope.schema_version() == EVENT_SCHEMA_VERSION {
        Ok(())
    } else {
        Err(ReplayError::UnsupportedSchemaVersion {
            sequence: envelope.sequence(),
            found: envelope.schema_version(),
            supported: EVENT_SCHEMA_VERSION,
        })
    }
}
