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
//! - [`DrillScript`](crate::review::DrillScript): a drill as data (the scenario, i.e. the
//!   playbook exercised; an exercise declaration; a timeline of injects, each a fact the
//!   facilitator injects or a step expected of the team, as ordinary commands).
//!   [`DrillScript::run`](crate::review::DrillScript::run) drives the exercise incident
//!   through `execute`/`apply`, fires the exercise clock between injects as a host's timer
//!   would, stops at the first refused step (reported with the run so far, never skipped)
//!   and scores the end against a `DrillStandard`.
//! - [`DrillProgramme`](crate::review::DrillProgramme): the scenarios a plan must cover,
//!   each with its cadence (CSRC Order 218 Art. 38: core institutions at least yearly), and
//!   the drills held. [`DrillProgramme::status`](crate::review::DrillProgramme::status)
//!   answers as of a moment (drills ended and reports filed by then): overdue and due-soon
//!   scenarios, coverage (covered, failed, unscored, never drilled, drilled outside the
//!   scope), each scenario's trend of points, and every drill report's clock, as a value or
//!   as Markdown in zh-CN, zh-HK or en. The report clock
//!   ([`DrillReportRule::csrc_order_218`](crate::review::DrillReportRule::csrc_order_218):
//!   15 PRC working days after the drill, **unverified**: read from a garbled copy) is the
//!   programme's, not a regime of the catalogue: obligations of an exercise incident are
//!   not real filings, while the drill report is; it is counted by the regulation's own
//!   rules ([`Limb::due_after`](crate::regulation::Limb::due_after)), and a date past the
//!   calendar's data is undetermined, never guessed.
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
