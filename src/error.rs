//! The umbrella error, for hosts that want one type in their signatures.

use crate::comms::{FanOutError, RenderError, TemplateError};
use crate::locale::ZoneError;
use crate::regulation::{CalendarError, RegimeProblem};
use crate::{
    bundle::BundleError, chain::CanonicalError, chain::ChainError, classify::JurisdictionError,
    comms::SurveyError, evidence::ContentDigestError, id::IdError, money::MoneyError, AppendError,
    Conflict, Rejection, ReplayError,
};

/// Any error of this crate. Each variant wraps the small error of one concern; match on
/// the variant or use the predicates.
///
/// # Handling
/// | variant | meaning | host response |
/// |---|---|---|
/// | `Rejected` | the command's preconditions are not met | 422, show the list |
/// | `Conflict` | another writer appended first | reload, decide again, retry (409) |
/// | `Append` (discontinuous) | envelopes not made from the current state | bug in the host; do not retry blindly |
/// | `Replay`, `Chain`, `Bundle` | stored history is damaged or newer | stop, investigate (500) |
/// | `Id`, `Money`, `Jurisdiction`, `ContentDigest`, `Survey` | malformed input | 400 with the message |
/// | `Template`, `Regime`, `Calendar`, `Zone` | host-supplied data is unsound | 400/422 naming the problem; fix the data |
/// | `Render`, `FanOut` | a message cannot be rendered (a missing fact, a fact above clearance) | 422; never retry around a clearance error |
/// | `Canonical` | a value has no canonical JSON form (a bug) | 500, report it |
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A command was rejected.
    #[error(transparent)]
    Rejected(#[from] Rejection),
    /// A version conflict on append.
    #[error(transparent)]
    Conflict(#[from] Conflict),
    /// An append was refused.
    #[error(transparent)]
    Append(#[from] AppendError),
    /// A log could not be replayed.
    #[error(transparent)]
    Replay(#[from] ReplayError),
    /// A hash chain is broken.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// An evidence bundle does not verify.
    #[error(transparent)]
    Bundle(#[from] BundleError),
    /// A malformed identifier.
    #[error(transparent)]
    Id(#[from] IdError),
    /// A money error.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// A malformed jurisdiction.
    #[error(transparent)]
    Jurisdiction(#[from] JurisdictionError),
    /// A malformed content digest.
    #[error(transparent)]
    ContentDigest(#[from] ContentDigestError),
    /// A survey response off its scales.
    #[error(transparent)]
    Survey(#[from] SurveyError),
    /// A template that cannot be registered.
    #[error(transparent)]
    Template(#[from] TemplateError),
    /// A message that cannot be rendered.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// A personalised message that cannot be rendered.
    #[error(transparent)]
    FanOut(#[from] FanOutError),
    /// A regime that is unsound as data.
    #[error(transparent)]
    Regime(#[from] RegimeProblem),
    /// A business calendar that is unsound or does not cover a date.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// An unknown time zone.
    #[error(transparent)]
    Zone(#[from] ZoneError),
    /// A value could not be put in canonical JSON (e.g. to pin a policy's digest).
    #[error(transparent)]
    Canonical(#[from] CanonicalError),
}

impl Error {
    /// A version conflict: reload and retry.
    pub fn is_conflict(&self) -> bool {
        matches!(self, Self::Conflict(_)) || matches!(self, Self::Append(e) if e.is_conflict())
    }

    /// A rejected command: show the unmet preconditions.
    pub fn is_rejection(&self) -> bool {
        matches!(self, Self::Rejected(_))
    }

    /// Damaged or unreadable stored history: stop and investigate.
    pub fn is_corrupt_history(&self) -> bool {
        matches!(self, Self::Replay(_) | Self::Chain(_) | Self::Bundle(_))
    }
}
