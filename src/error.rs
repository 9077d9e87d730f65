//! The umbrella error, for hosts that want one type in their signatures: every public error
//! type of the crate converts into it, so `?` works from any fallible function.

use crate::bundle::BundleError;
use crate::chain::{CanonicalError, ChainError, DecodeError, DigestParseError};
use crate::classify::JurisdictionError;
use crate::comms::{FanOutError, RenderError, SurveyError, TemplateError};
use crate::compensation::{ClaimError, CompensationError, LetterError, PolicyError};
use crate::evidence::ContentDigestError;
use crate::id::IdError;
use crate::lifecycle::ApplyError;
use crate::locale::{LocaleError, ZoneError};
use crate::money::MoneyError;
use crate::regulation::{CalendarError, RegimeProblem};
use crate::review::{DrillProgrammeError, DrillRunError, DrillScriptError, VerisError};
use crate::{AppendError, Conflict, Rejection, ReplayError};

/// Any error of this crate. Each variant wraps the small error of one concern; match on
/// the variant or use the predicates.
///
/// # Handling
/// | variant | meaning | host response |
/// |---|---|---|
/// | `Rejected` | the command's preconditions are not met | 422, show the list |
/// | `Conflict` | another writer appended first | reload, decide again, retry (409) |
/// | `Append` (discontinuous) | envelopes not made from the current state | bug in the host; do not retry blindly |
/// | `Replay`, `Apply`, `Decode`, `Chain`, `Bundle` | stored history is damaged or newer | stop, investigate (500) |
/// | `Id`, `Money`, `Jurisdiction`, `Locale`, `Zone`, `DigestParse`, `ContentDigest`, `Survey`, `Claim` | malformed input | 400 with the message |
/// | `Template`, `Regime`, `Calendar`, `Policy`, `DrillScript`, `DrillProgramme` | host-supplied data is unsound | 400/422 naming the problem; fix the data |
/// | `DrillRun` | a drill stopped at a refused step (or, rarely, a bug) | 422 with the step; see [`DrillRunError`] |
/// | `Compensation` | a claim or program cannot be assessed as asked (currency, pin, budget) | 422 with the message |
/// | `Letter` | a claim's record does not support the letter asked for, or the policy is another | 422 with the message |
/// | `Render`, `FanOut` | a message cannot be rendered (a missing fact, a fact above clearance) | 422; never retry around a clearance error |
/// | `Veris` | the incident cannot be exported to VERIS yet | 422 with the message |
/// | `Canonical`, `Encode` | a value has no canonical JSON form (a bug) | 500, report it |
///
/// # Examples
/// ```
/// use incident::compensation::{reference_securities_policy, Claim, EvidenceStrength, Tier};
/// use incident::id::CustomerRef;
/// use incident::{Currency, Money};
///
/// fn goodwill(customer: &str) -> Result<Money, incident::Error> {
///     let claim = Claim::builder(CustomerRef::new(customer)?, Tier::Standard,
///         Money::from_minor(0, Currency::CNY), EvidenceStrength::None).build()?;
///     let decision = reference_securities_policy().decide(&claim)?;
///     Ok(decision.cash())
/// }
/// assert!(goodwill("C-1").is_ok());
/// assert!(matches!(goodwill(" "), Err(incident::Error::Id(_))));
/// ```
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
    /// An event could not apply to the state it was replayed onto.
    #[error(transparent)]
    Apply(#[from] ApplyError),
    /// A stored line is not an envelope this crate can read.
    #[error(transparent)]
    Decode(#[from] DecodeError),
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
    /// An unknown locale.
    #[error(transparent)]
    Locale(#[from] LocaleError),
    /// An unknown time zone.
    #[error(transparent)]
    Zone(#[from] ZoneError),
    /// A malformed SHA-256 digest.
    #[error(transparent)]
    DigestParse(#[from] DigestParseError),
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
    /// A compensation policy that is unsound as data.
    #[error(transparent)]
    Policy(#[from] PolicyError),
    /// A claim that is inconsistent.
    #[error(transparent)]
    Claim(#[from] ClaimError),
    /// A claim or program that cannot be assessed as asked.
    #[error(transparent)]
    Compensation(#[from] CompensationError),
    /// A letter about a claim that its record does not support.
    #[error(transparent)]
    Letter(#[from] LetterError),
    /// An incident that cannot be exported to VERIS.
    #[error(transparent)]
    Veris(#[from] VerisError),
    /// A drill script that is unsound.
    #[error(transparent)]
    DrillScript(#[from] DrillScriptError),
    /// A drill that stopped before its end.
    #[error(transparent)]
    DrillRun(#[from] DrillRunError),
    /// A drill programme that is unsound.
    #[error(transparent)]
    DrillProgramme(#[from] DrillProgrammeError),
    /// A value could not be put in canonical JSON (e.g. to pin a policy's digest).
    #[error(transparent)]
    Canonical(#[from] CanonicalError),
    /// serde_json could not encode a value (a bug in this crate: report it).
    #[error("a value could not be encoded as JSON ({0}); this is a bug in the incident crate, please report it")]
    Encode(String),
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Self::Encode(e.to_string())
    }
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
        matches!(
            self,
            Self::Replay(_) | Self::Apply(_) | Self::Decode(_) | Self::Chain(_) | Self::Bundle(_)
        )
    }
}
