//! The post-incident review: findings, metrics, the report, drills and portfolios.
//!
//! The reference is the [`review`](crate::review) module (and [`findings`](crate::findings)
//! for what the log records); this page is the overview.
//!
//! # Findings and prevention
//!
//! Findings record the root cause (phishing, unpatched vulnerability, misconfiguration,
//! credential stuffing, insider, third party, unknown), contributing factors, what went
//! well and what went poorly, each with evidence references. Prevention actions use the
//! typed [`Measure`](crate::actions::Measure) catalogue (security audit, external
//! assessment, staff training, intrusion detection, patching, password policy, MFA,
//! encryption, access control, drills, internal reporting channel) or free text, and the
//! Review guard wants each one owned and dated ([`lifecycle`](super::lifecycle)).
//!
//! # Read models
//!
//! Everything below is computed from the replayed log alone, so it can be regenerated for
//! any stored incident:
//!
//! - [`ResponseMetrics`](crate::review::ResponseMetrics): time to detect (an estimate when
//!   `occurred_at` was), contain, first customer notice, each regulator notification with
//!   its slack or overrun, remediate, review, close; a milestone not reached is
//!   `{"status":"missing"}`, never 0.
//! - [`ReviewReport::build`](crate::review::ReviewReport::build): the blameless review as a
//!   value (`schema/review_report.json`, for dashboards) and as Markdown in zh-CN, zh-HK or en
//!   ([`ReviewReport::to_markdown`](crate::review::ReviewReport::to_markdown) with a
//!   [`Locale`](crate::locale::Locale) and a [`Zone`](crate::locale::Zone)): summary,
//!   impact, timeline, root cause, response against deadlines, communications and feedback,
//!   compensation, actions.
//! - [`DrillScorecard::score`](crate::review::DrillScorecard::score): deadlines met or
//!   missed and by how much, notices complete or not, planned messages overdue,
//!   containment and first customer notice against targets; points, a grade (A–F, capped
//!   at C when a deadline was missed) and the gaps, most costly first. The standard
//!   ([`DrillStandard`](crate::review::DrillStandard)) is data, so a firm can hold drills to
//!   its own targets.
//! - [`Portfolio`](crate::review::Portfolio): any iterator of
//!   [`IncidentSummary`](crate::review::IncidentSummary) values in constant memory: counts
//!   by kind, severity and phase, p50/p90 of each response time, deadline hit rate and time
//!   to notification per regime, open prevention actions past due.
//! - [`veris_record`](crate::review::veris_record): a closed incident as a VERIS 1.4 record
//!   that validates against the official schema; what VERIS lacks (notifications, filings,
//!   compensation) goes under `plus`.
//!
//! ```sh
//! cargo run --example review   # the securities-firm case: review in zh-CN and en, then a drill scored
//! ```
