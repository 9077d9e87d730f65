use chrono::{DateTime, Utc};

use crate::regulation::Regulation;
use crate::ActorId;

/// Who issues a command and when, and the regulation the host runs. The library never
/// reads a clock: the host passes the time, so the same inputs always give the same events
/// and tests can run at any date.
///
/// Review and Close also need the host's [`Regulation`] ([`with_regulation`](Self::with_regulation)):
/// they wait for every regulatory report that is neither filed nor waived, and only the
/// host knows which regimes it runs. A host that runs no regulatory clocks says so with
/// [`Regulation::without_regimes`].
///
/// # Examples
/// ```
/// use incident::{ActorId, Context};
/// use incident::regulation::{EntityProfile, Regulation};
/// use chrono::{TimeZone, Utc};
/// let ctx = Context::new(ActorId::new("li.wei")?, Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap());
/// assert_eq!(ctx.actor().as_str(), "li.wei");
/// assert!(ctx.regulation().is_none());
/// let regulation = Regulation::builtin(EntityProfile::new());
/// let ctx = ctx.with_regulation(&regulation);
/// assert!(ctx.regulation().is_some());
/// # Ok::<(), incident::id::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context<'r> {
    actor: ActorId,
    at: DateTime<Utc>,
    regulation: Option<&'r Regulation>,
}

impl Context<'static> {
    /// A context for `actor` acting at `at`.
    pub fn new(actor: ActorId, at: DateTime<Utc>) -> Self {
        Self {
            actor,
            at,
            regulation: None,
        }
    }
}

impl<'r> Context<'r> {
    /// The same context, with the regulation the host runs (needed by Review and Close).
    #[must_use]
    pub fn with_regulation<'s>(self, regulation: &'s Regulation) -> Context<'s> {
        Context {
            actor: self.actor,
            at: self.at,
            regulation: Some(regulation),
        }
    }

    /// Who acts.
    pub fn actor(&self) -> &ActorId {
        &self.actor
    }

    /// When (the host's current time).
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// The regulation the host runs, if it passed one.
    pub fn regulation(&self) -> Option<&'r Regulation> {
        self.regulation
    }
}
