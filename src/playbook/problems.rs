//! Everything wrong with a playbook, listed at once.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::comms::{Audience, MessageKind, PlanProblem};
use crate::id::{PlanItemId, PlaybookRoleId, RegimeId};
use crate::locale::Locale;

/// One thing wrong with a playbook.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "problem", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum PlaybookProblem {
    /// Version 0.
    #[error("the playbook's version is 0: versions start at 1")]
    ZeroVersion {},
    /// No language.
    #[error("the playbook names no language: list the locales its texts are written in")]
    NoLocale {},
    /// A text lacks one of the playbook's languages.
    #[error("{field} has no {} text: write it in every language the playbook lists", .locale.as_str())]
    MissingTranslation {
        /// Where the text is (`title`, `steps[contain-1].title`, `roles[fraud].name`).
        field: String,
        /// The missing language.
        locale: Locale,
    },
    /// A step or channel names a role the playbook does not declare.
    #[error("{field} names role {role}, which the playbook does not declare: add it to roles or name a declared one")]
    UnknownRole {
        /// Where.
        field: String,
        /// The role.
        role: PlaybookRoleId,
    },
    /// Two roles share an id.
    #[error("role {role} is declared twice: give each role its own id")]
    DuplicateRole {
        /// The role.
        role: PlaybookRoleId,
    },
    /// Two steps share an id, a step takes the id of a feedback channel's opening action
    /// (`open-<channel>`), or a feedback channel is listed twice: activation would add the
    /// same action twice.
    #[error("step {step} appears twice: give each step its own id (open-<channel> ids belong to the feedback channels, each listed once)")]
    DuplicateStep {
        /// The step.
        step: String,
    },
    /// A step due before detection.
    #[error("step {step} is due {minutes} minutes after detection: an offset cannot be negative")]
    NegativeOffset {
        /// The step.
        step: String,
        /// Its offset.
        minutes: i64,
    },
    /// A step title longer than an action title may be.
    #[error("step {step}'s {} title is {len} characters; an action title holds at most {max}", .locale.as_str())]
    TitleTooLong {
        /// The step.
        step: String,
        /// The language.
        locale: Locale,
        /// Its length.
        len: usize,
        /// The most allowed.
        max: usize,
    },
    /// A playbook without a containment step.
    #[error("the playbook has no containment step: the Contain guard needs one done")]
    NoContainment {},
    /// A regime that is neither built in nor in the host's catalogue.
    #[error("regime {regime} is neither built in (incident::regulation::builtin_regimes) nor in the host's catalogue: name a regime the host runs, and build with PlaybookBuilder::build_for and the host's Catalogue if it is the host's own")]
    UnknownRegime {
        /// The regime.
        regime: RegimeId,
    },
    /// A message the playbook drafts that its plan does not hold.
    #[error("{field} names plan item {item}, which the plan does not hold: name one of its items")]
    UnknownMessage {
        /// `first_customer_notice` or `holding_statement`.
        field: String,
        /// The item.
        item: PlanItemId,
    },
    /// A message drafted on activation for the wrong audience or kind.
    #[error("{field} names plan item {item}, a {kind:?} for {audience}: it must be {expected}")]
    WrongMessage {
        /// `first_customer_notice` or `holding_statement`.
        field: String,
        /// The item.
        item: PlanItemId,
        /// Its kind.
        kind: MessageKind,
        /// Its audience.
        audience: Audience,
        /// What it must be.
        expected: String,
    },
    /// A drafted message with no built-in template in one of the playbook's languages.
    #[error("plan item {item} has no built-in template for {audience} in {}: the draft could not be rendered", .locale.as_str())]
    UnknownTemplate {
        /// The item.
        item: PlanItemId,
        /// Its kind.
        kind: MessageKind,
        /// Its audience.
        audience: Audience,
        /// The language.
        locale: Locale,
    },
    /// A regime the playbook relies on the host for, which this host does not run
    /// ([`Playbook::check_against`](super::Playbook::check_against)).
    #[error("the playbook relies on the host's regime {regime}, which this host's regulation does not hold: add the regime, or use a playbook built for this host")]
    HostRegimeMissing {
        /// The regime.
        regime: RegimeId,
    },
    /// The plan itself is unsound.
    #[error("the communication plan: {detail}")]
    Plan {
        /// What is wrong with it.
        detail: PlanProblem,
    },
    /// The compensation policy did not validate.
    #[error("the compensation policy is invalid: {detail}")]
    InvalidPolicy {
        /// What the policy's own validation said.
        detail: String,
    },
    /// The first customer notice is planned later than the target says it must go out.
    #[error("the plan drafts the first customer notice {planned} minutes after detection, later than the {target}-minute target: move the item earlier or the target later")]
    TargetBeforePlan {
        /// The item's delay, minutes.
        planned: u32,
        /// The target, minutes.
        target: u32,
    },
    /// A source without a URL or title.
    #[error("source {index} needs a title and where to read it (a URL, or `seed:` and the seed's file name)")]
    BadSource {
        /// Its position.
        index: usize,
    },
}

/// Every problem of a playbook; at least one.
///
/// # Handling
/// Input error: show the list to whoever wrote the playbook (HTTP 422); it will not pass
/// until each is fixed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaybookProblems {
    /// The playbook, as `id@vN`.
    pub playbook: String,
    /// Each problem.
    pub problems: Vec<PlaybookProblem>,
}

impl fmt::Display for PlaybookProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "playbook {} has {} problem(s):",
            self.playbook,
            self.problems.len()
        )?;
        for p in &self.problems {
            write!(f, " {p};")?;
        }
        Ok(())
    }
}

impl std::error::Error for PlaybookProblems {}
