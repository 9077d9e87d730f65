use chrono::{DateTime, Utc};

use crate::ActorId;

/// Who issues a command and when. The library never reads a clock: the host passes the
/// time, so the same inputs always give the same events and tests can run at any date.
///
/// # Examples
/// ```
/// use incident::{ActorId, Context};
/// use chrono::{TimeZone, Utc};
/// let ctx = Context::new(ActorId::new("li.wei")?, Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap());
/// assert_eq!(ctx.actor().as_str(), "li.wei");
/// # Ok::<(), incident::id::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    actor: ActorId,
    at: DateTime<Utc>,
}

impl Context {
    /// A context for `actor` acting at `at`.
    pub fn new(actor: ActorId, at: DateTime<Utc>) -> Self {
        Self { actor, at }
    }

    /// Who acts.
    pub fn actor(&self) -> &ActorId {
        &self.actor
    }

    /// When (the host's current time).
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }
}
