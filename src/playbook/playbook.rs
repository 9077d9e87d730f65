//! The playbook value: data, validated when built and when loaded, pinned when activated.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::validate::Known;
use super::{
    Catalogue, FeedbackChannel, HostReferences, PlaybookComms, PlaybookProblem, PlaybookProblems,
    PlaybookRole, Scope, Step, Targets,
};
use crate::chain::{canonical_ser, CanonicalError, Digest};
use crate::compensation::Policy;
use crate::id::{PlaybookId, RegimeId};
use crate::locale::Locale;

/// A text in each of a playbook's languages.
pub type Wording = BTreeMap<Locale, String>;

/// Where a playbook's content comes from: a seed, a regulation, a framework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// What it is.
    pub title: String,
    /// Where to read it: a URL, or `seed:` and a seed document's file name.
    pub url: String,
    /// When it was last checked.
    pub checked: NaiveDate,
}

/// The parts of a playbook, before validation. [`build`](PlaybookBuilder::build) checks
/// them and lists every problem at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaybookBuilder {
    /// The id, shared with the drill scenario that exercises it.
    pub id: PlaybookId,
    /// The version, from 1; activation pins it.
    pub version: u32,
    /// The title in each language.
    pub title: Wording,
    /// The languages every text is written in.
    pub locales: BTreeSet<Locale>,
    /// The incidents it is for.
    pub scope: Scope,
    /// The roles it staffs.
    pub roles: Vec<PlaybookRole>,
    /// The actions it starts.
    pub steps: Vec<Step>,
    /// The communication plan and the messages drafted on activation.
    pub comms: PlaybookComms,
    /// The regimes whose clocks the team must evaluate: built-in ids, or the host's own when
    /// built with [`build_for`](Self::build_for).
    pub regimes: Vec<RegimeId>,
    /// The compensation policy the firm applies, if it has one for this scenario.
    pub compensation: Option<Policy>,
    /// The feedback channels it opens.
    pub feedback: Vec<FeedbackChannel>,
    /// The target times.
    pub targets: Targets,
    /// Where its content comes from.
    pub sources: Vec<Source>,
}

impl PlaybookBuilder {
    /// Checks the parts and returns the playbook.
    ///
    /// # Errors
    /// [`PlaybookProblems`] listing every problem: unknown role, regime, message or
    /// template, invalid policy, duplicate step, negative offset, missing translation…
    pub fn build(self) -> Result<Playbook, PlaybookProblems> {
        self.finish(None, Known::new(None, &HostReferences::default()))
    }

    /// Checks the parts against the host's `catalogue` as well as the built-in one, and
    /// returns the playbook. The regimes it names that are not built in are
    /// recorded in it ([`Playbook::host_references`]), so it loads again without the
    /// catalogue and says what it relies on the host for.
    ///
    /// # Errors
    /// As [`build`](Self::build), for references in neither catalogue.
    pub fn build_for(self, catalogue: &Catalogue) -> Result<Playbook, PlaybookProblems> {
        self.finish(
            None,
            Known::new(Some(catalogue), &HostReferences::default()),
        )
    }

    /// Validation, with what the policy's own parse said when it did not parse.
    fn finish(
        self,
        policy_problem: Option<String>,
        mut known: Known<'_>,
    ) -> Result<Playbook, PlaybookProblems> {
        let problems = super::validate::problems(&self, policy_problem, &mut known);
        if problems.is_empty() {
            let mut playbook = self.into_playbook_with(known.into_found());
            // Computed once: activation pins it and replay checks it, per incident.
            playbook.digest = canonical_digest(&playbook).ok();
            Ok(playbook)
        } else {
            Err(PlaybookProblems {
                playbook: format!("{}@v{}", self.id, self.version),
                problems,
            })
        }
    }

    pub(super) fn into_playbook(self) -> Playbook {
        let mut playbook = self.into_playbook_with(HostReferences::default());
        // Computed once: activation pins it and replay checks it, per incident.
        playbook.digest = canonical_digest(&playbook).ok();
        playbook
    }

    fn into_playbook_with(self, host: HostReferences) -> Playbook {
        Playbook {
            id: self.id,
            version: self.version,
            title: self.title,
            locales: self.locales,
            scope: self.scope,
            roles: self.roles,
            steps: self.steps,
            comms: self.comms,
            regimes: self.regimes,
            compensation: self.compensation,
            feedback: self.feedback,
            targets: self.targets,
            sources: self.sources,
            host,
            digest: None,
        }
    }
}

/// SHA-256 of the playbook's canonical JSON.
fn canonical_digest(playbook: &Playbook) -> Result<Digest, CanonicalError> {
    let mut bytes = Vec::with_capacity(16_384);
    canonical_ser::encode(playbook, &mut bytes)?;
    Ok(Digest::of(&bytes))
}

/// An emergency plan (应急预案): for an incident kind, the roles to fill, the actions to
/// start with their owners and due offsets, the communication plan and the messages drafted
/// at once, the regimes to evaluate, the compensation policy, the feedback channels and the
/// target times. Built with [`PlaybookBuilder::build`]; deserializing validates the same
/// way. Activate it with [`Declare::playbook`](crate::Declare::playbook) or
/// [`Command::ActivatePlaybook`](crate::Command::ActivatePlaybook).
///
/// # Examples
/// ```
/// let playbook = incident::playbook::builtin_playbooks()
///     .into_iter()
///     .find(|p| p.id().as_str() == "securities.account-takeover")
///     .ok_or("built in")?;
/// let json = serde_json::to_string(&playbook)?;
/// let back: incident::playbook::Playbook = serde_json::from_str(&json)?; // validated again
/// assert_eq!(back.pin()?, playbook.pin()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, try_from = "RawPlaybook")]
pub struct Playbook {
    pub(super) id: PlaybookId,
    pub(super) version: u32,
    pub(super) title: Wording,
    pub(super) locales: BTreeSet<Locale>,
    pub(super) scope: Scope,
    pub(super) roles: Vec<PlaybookRole>,
    pub(super) steps: Vec<Step>,
    pub(super) comms: PlaybookComms,
    pub(super) regimes: Vec<RegimeId>,
    #[serde(default)]
    pub(super) compensation: Option<Policy>,
    pub(super) feedback: Vec<FeedbackChannel>,
    pub(super) targets: Targets,
    pub(super) sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "HostReferences::is_empty")]
    pub(super) host: HostReferences,
    /// The digest of the rest, computed when the playbook is built or loaded (it is
    /// immutable afterwards).
    #[serde(skip)]
    pub(super) digest: Option<Digest>,
}

/// What activation pins in the log: the playbook's id, version and the digest of its
/// canonical JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaybookPin {
    /// The playbook.
    pub playbook: PlaybookId,
    /// Its version.
    pub version: u32,
    /// SHA-256 of its canonical JSON ([`Playbook::digest`]).
    pub digest: Digest,
}

impl Playbook {
    /// The id.
    pub fn id(&self) -> &PlaybookId {
        &self.id
    }
    /// The version.
    pub fn version(&self) -> u32 {
        self.version
    }
    /// The title in `locale`, if written in it.
    pub fn title(&self, locale: Locale) -> Option<&str> {
        self.title.get(&locale).map(String::as_str)
    }
    /// The languages its texts are written in.
    pub fn locales(&self) -> &BTreeSet<Locale> {
        &self.locales
    }
    /// The incidents it is for.
    pub fn scope(&self) -> &Scope {
        &self.scope
    }
    /// The roles it staffs.
    pub fn roles(&self) -> &[PlaybookRole] {
        &self.roles
    }
    /// The role with this id.
    pub fn role(&self, id: &crate::id::PlaybookRoleId) -> Option<&PlaybookRole> {
        self.roles.iter().find(|r| &r.id == id)
    }
    /// The actions it starts.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }
    /// The communication part.
    pub fn comms(&self) -> &PlaybookComms {
        &self.comms
    }
    /// The regimes to evaluate.
    pub fn regimes(&self) -> &[RegimeId] {
        &self.regimes
    }
    /// The compensation policy, if any.
    pub fn compensation(&self) -> Option<&Policy> {
        self.compensation.as_ref()
    }
    /// The feedback channels it opens.
    pub fn feedback(&self) -> &[FeedbackChannel] {
        &self.feedback
    }
    /// The target times.
    pub fn targets(&self) -> Targets {
        self.targets
    }
    /// Where its content comes from.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
    /// The regimes it names that the crate does not ship.
    pub fn host_references(&self) -> &HostReferences {
        &self.host
    }

    /// Every host reference `catalogue` lacks: what a host checks when it loads a playbook
    /// it did not build, before it relies on it.
    ///
    /// # Errors
    /// [`PlaybookProblems`] naming each of the host's regimes `catalogue` does not hold.
    pub fn check_against(&self, catalogue: &Catalogue) -> Result<(), PlaybookProblems> {
        let problems: Vec<_> = (self.host.regimes.iter())
            .filter(|r| !catalogue.knows_regime(r))
            .map(|r| PlaybookProblem::HostRegimeMissing { regime: r.clone() })
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(PlaybookProblems {
                playbook: format!("{}@v{}", self.id, self.version),
                problems,
            })
        }
    }

    /// The parts, to derive a new version from. The host references are not parts: build
    /// the new version with [`build_for`](PlaybookBuilder::build_for) and the host's
    /// catalogue.
    pub fn to_builder(&self) -> PlaybookBuilder {
        PlaybookBuilder {
            id: self.id.clone(),
            version: self.version,
            title: self.title.clone(),
            locales: self.locales.clone(),
            scope: self.scope.clone(),
            roles: self.roles.clone(),
            steps: self.steps.clone(),
            comms: self.comms.clone(),
            regimes: self.regimes.clone(),
            compensation: self.compensation.clone(),
            feedback: self.feedback.clone(),
            targets: self.targets,
            sources: self.sources.clone(),
        }
    }

    /// SHA-256 of the playbook's canonical JSON (the RFC 8785 form the event chain uses).
    ///
    /// # Errors
    /// [`CanonicalError`] only if the playbook cannot be encoded, which a valid one always can.
    pub fn digest(&self) -> Result<Digest, CanonicalError> {
        match self.digest {
            Some(digest) => Ok(digest),
            None => canonical_digest(self),
        }
    }

    /// The pin activation records: id, version, digest.
    ///
    /// # Errors
    /// As [`Playbook::digest`].
    pub fn pin(&self) -> Result<PlaybookPin, CanonicalError> {
        Ok(PlaybookPin {
            playbook: self.id.clone(),
            version: self.version,
            digest: self.digest()?,
        })
    }
}

/// The serialized form, checked on the way in. The policy stays raw JSON so that its own
/// problems are listed with the playbook's instead of stopping the parse.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawPlaybook {
    id: PlaybookId,
    version: u32,
    title: Wording,
    locales: BTreeSet<Locale>,
    scope: Scope,
    roles: Vec<PlaybookRole>,
    steps: Vec<Step>,
    comms: PlaybookComms,
    regimes: Vec<RegimeId>,
    #[serde(default)]
    #[schemars(with = "Option<Policy>")]
    compensation: Option<serde_json::Value>,
    feedback: Vec<FeedbackChannel>,
    targets: Targets,
    sources: Vec<Source>,
    #[serde(default)]
    host: HostReferences,
}

impl TryFrom<RawPlaybook> for Playbook {
    type Error = PlaybookProblems;

    fn try_from(raw: RawPlaybook) -> Result<Self, Self::Error> {
        let (compensation, policy_problem) = match raw.compensation {
            None => (None, None),
            Some(value) => match serde_json::from_value::<Policy>(value) {
                Ok(policy) => (Some(policy), None),
                Err(e) => (None, Some(e.to_string())),
            },
        };
        let builder = PlaybookBuilder {
            id: raw.id,
            version: raw.version,
            title: raw.title,
            locales: raw.locales,
            scope: raw.scope,
            roles: raw.roles,
            steps: raw.steps,
            comms: raw.comms,
            regimes: raw.regimes,
            compensation,
            feedback: raw.feedback,
            targets: raw.targets,
            sources: raw.sources,
        };
        builder.finish(policy_problem, Known::new(None, &raw.host))
    }
}
