//! The two seed cases, each driven through a [`Desk`](crate::driver::Desk) from detection
//! up to the Review, asserting every step on the way: `platform_theft.rs` (a payments
//! platform whose customer data and funds were stolen) and `securities_takeover.rs` (a
//! securities firm whose client accounts were taken over). Needs `mod driver;` next to it.
//!
//! Used by `scenarios` (both closed and checked), `veris` (both exported), `review_report`
//! (both reviewed; golden files) and `cli` (the securities case's log). `cli` uses only
//! the securities case, hence `dead_code` is allowed here.

// Test code: a failed step should stop the test loudly. `cli` uses a part.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub(crate) mod platform_theft;
pub(crate) mod securities_takeover;
