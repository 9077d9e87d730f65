//! The public status page: one official place where anyone reads what happened and what
//! is being done, built only from what the firm has published.
//!
//! A read model: [`StatusPage::from_log`] replays an incident's log and keeps the facts
//! cleared for the public ([`FactSheet::cleared_for`](crate::comms::FactSheet::cleared_for)
//! with [`PUBLIC`], the crate's one sensitivity rule) and every notice to a public
//! audience recorded as sent, each with the public facts of the moment it was sent. A
//! correction ([`NoticeDraft::corrects`](crate::comms::NoticeDraft::corrects)) links to
//! the update it corrects. The firm's components and scheduled maintenance are host data
//! ([`StatusBoard`]).
//!
//! The page renders as accessible HTML ([`StatusPage::html`]) and as an Atom 1.0 feed
//! ([`StatusPage::atom`]) in zh-CN, zh-HK and en, times in the reader's zone.
//!
//! The proof that customers were told is the other read model here: [`ReachReport`] reads
//! the delivery receipts in the log against the recipients the host meant to reach.
//!
//! | file | holds |
//! |---|---|
//! | `page` | [`StatusPage`], [`PublishedUpdate`]: what the public may read |
//! | `board` | [`StatusBoard`], [`Component`], [`ComponentStatus`], [`Maintenance`] |
//! | `html`, `atom` | the two renderings, and [`StatusView`], [`StatusLinks`] |
//! | `reach` | [`ReachReport`]: who a notice reached, from the delivery receipts in the log |
//! | `fold` | [`StatusFold`]: one replay yielding the page and the receipts; [`component_impact`]: the incident ↔ component link |
//! | `escape` | HTML/XML escaping and the notices' Markdown as HTML blocks |
//! | `words` | the page's own phrases |

mod atom;
mod board;
mod escape;
mod fold;
mod html;
mod index;
mod page;
mod reach;
mod words;

pub use board::{BoardProblem, Component, ComponentStatus, Maintenance, StatusBoard};
pub use fold::{component_impact, is_resolved, StatusFold};
pub use html::{StatusLinks, StatusView};
pub use page::{PublishedUpdate, StatusPage, PUBLIC};
pub use reach::{ReachReport, Reached, Unreached};
