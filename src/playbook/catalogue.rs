//! What a playbook may name besides what it defines itself: the regimes the host runs. A
//! firm's emergency plan names its own regimes (a national transposition, a sector rule the
//! crate does not ship, an internal escalation rule); the built-in catalogue alone would
//! refuse them. (Templates need no catalogue: the built-in set has one for every message
//! kind in every language, for any audience, and a host's own replace them at render.)

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::RegimeId;
use crate::regulation::{builtin_regimes, Regulation};

/// The regimes a playbook is checked against when it is built with
/// [`PlaybookBuilder::build_for`](super::PlaybookBuilder::build_for): the crate's built-in
/// ones ([`Catalogue::builtin`]) or the host's ([`Catalogue::of`]).
///
/// # Examples
/// ```
/// use incident::id::RegimeId;
/// use incident::playbook::Catalogue;
/// use incident::regulation::{builtin_regimes, EntityProfile, Regulation};
///
/// let mut regulation = Regulation::builtin(EntityProfile::new());
/// let mut own = builtin_regimes().remove(0);
/// own.id = RegimeId::new("firm-escalation")?;
/// regulation.regimes.push(own);
/// assert!(Catalogue::of(&regulation).knows_regime(&RegimeId::new("firm-escalation")?));
/// assert!(!Catalogue::builtin().knows_regime(&RegimeId::new("firm-escalation")?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    regimes: BTreeSet<RegimeId>,
}

impl Catalogue {
    /// The crate's built-in regimes: what a playbook loaded from JSON is checked against,
    /// apart from the host references it declares.
    pub fn builtin() -> Self {
        Self::new(builtin_regimes().into_iter().map(|r| r.id))
    }

    /// The regimes of `regulation`: what the host runs.
    pub fn of(regulation: &Regulation) -> Self {
        Self::new(regulation.regimes.iter().map(|r| r.id.clone()))
    }

    /// The regimes `regimes`.
    pub fn new(regimes: impl IntoIterator<Item = RegimeId>) -> Self {
        Self {
            regimes: regimes.into_iter().collect(),
        }
    }

    /// Whether it holds the regime `id`.
    pub fn knows_regime(&self, id: &RegimeId) -> bool {
        self.regimes.contains(id)
    }
}

/// What a playbook names that the crate does not ship: the host's regimes.
/// [`PlaybookBuilder::build_for`](super::PlaybookBuilder::build_for) records them, so the
/// playbook says in its own JSON what it relies on the host for, and loading it again (or
/// replaying its activation) does not need the host's catalogue. A host checks them
/// against what it runs with [`Playbook::check_against`](super::Playbook::check_against).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HostReferences {
    /// Regimes that are not built in, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regimes: Vec<RegimeId>,
}

impl HostReferences {
    /// Whether the playbook relies on nothing of the host's.
    pub fn is_empty(&self) -> bool {
        self.regimes.is_empty()
    }
}
