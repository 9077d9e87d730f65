//! Regulatory clocks: which regimes apply, what each requires and by when.
//!
//! The reference is the [`regulation`](crate::regulation) module (its docs hold the
//! counting rules and a worked DORA example with the timer); this page is the overview.
//!
//! # Regimes as data
//!
//! A [`Regime`](crate::regulation::Regime) (serde + JSON Schema, `schema/regime.json`)
//! says when it applies (jurisdiction of establishment or of the people affected, entity
//! type, incident kind, data categories, people affected, the CAC grade, yes/no
//! determinations the team records) and which reports it requires, each with a recipient,
//! an urgency, deadline limbs (trigger, offset and unit, time of day, start rule, roll
//! rule, calendar) and the required contents.
//!
//! Nineteen regimes ship built in ([`builtin_regimes`](crate::regulation::builtin_regimes)),
//! each citing its source and marked with the confidence of the reference it comes from:
//! GDPR Art. 33/34, NIS2 Art. 23, DORA (RTS 2025/301), SEC Form 8-K Item 1.05 and 6-K,
//! Regulation S-P and its service-provider notice, NYDFS 500.17, HIPAA and its business
//! associates, PIPL Art. 57, DSL Art. 29, the CAC Measures, the CSRC and PBOC rules (time
//! limits that could not be verified ship without a timestamp or flagged as placeholders),
//! MAS Notice 644, the Singapore PDPA, Hong Kong Cap. 653 and the SFC Code. A host
//! replaces one by id ([`Regulation::with_regime`](crate::regulation::Regulation::with_regime),
//! e.g. a national NIS2 transposition) or adds its own.
//!
//! # Counting
//!
//! Elapsed hours on the absolute timeline (daylight saving neither stretches nor shrinks
//! them); calendar days and months in the regime's zone; working days from a
//! [`BusinessCalendar`](crate::regulation::BusinessCalendar) (built in: PRC 2025–2026 with
//! make-up working days, Hong Kong and Singapore 2025–2026, US federal and SEC 2025–2027,
//! Germany (and Hesse), France, Ireland, Luxembourg and the Netherlands 2025–2027, each
//! with its source; see [`Calendars::builtin`](crate::regulation::Calendars::builtin). A
//! date outside a calendar's years is undetermined with the calendar's reason, never a
//! guess; a host loads other calendars as data). "Immediately" and "without undue delay" are obligations
//! without a timestamp. Where a text is ambiguous the conservative reading is the default,
//! the alternative is one [`Readings`](crate::regulation::Readings) switch away, and each
//! obligation reports the reading it used and the due time under the other. A fact that is
//! missing (the number of people, a determination, a calendar year) is named
//! ([`MissingFact`](crate::regulation::MissingFact)), never guessed.
//!
//! # In the incident's log
//!
//! The incident records what starts the clocks ([`Command::RecordMilestone`](crate::Command::RecordMilestone),
//! [`Command::RecordDetermination`](crate::Command::RecordDetermination),
//! [`Command::RecordGrade`](crate::Command::RecordGrade)) and what was filed
//! ([`Command::RecordFiling`](crate::Command::RecordFiling); NIS2 and DORA anchor later
//! reports to the submission).
//! [`Incident::obligations`](crate::Incident::obligations) lists every obligation with its
//! trigger, due time (UTC and local), status (awaiting trigger, pending, overdue by how
//! long, met on time or late), reminders and contents, and what does not apply or cannot
//! be decided yet, with the reason.
//!
//! Determinations the rules quantify are proposed, not typed in: an
//! [`Assessment`](crate::regulation::Assessment) of the facts (DORA *major* by RTS
//! 2024/1772, NIS2 *significant* by Implementing Regulation 2024/2690, the CAC grade by the
//! grading guide) gives a [`Proposal`](crate::regulation::Proposal) listing every criterion,
//! the facts it read and which decided. A person confirms it
//! ([`Command::confirm`](crate::Command::confirm)) or records another answer with an
//! `override_reason`; the event keeps the facts, the proposal and the reason, and replay
//! recomputes the proposal.
//!
//! The timer ([`Incident::poll_timeout`](crate::Incident::poll_timeout) /
//! [`Incident::handle_timeout`](crate::Incident::handle_timeout), see
//! [`design`](super::design#one-timer)) turns reminders and missed deadlines into
//! `clock_alert` events, so a miss is in the log even when nobody touched the incident.
//! Drills compute the same clocks, marked as exercises, and the review's drill scorecard
//! grades them ([`review`](super::review)).
//!
//! # Try it
//!
//! The securities-firm case (`examples/data/securities_firm.json`: a broker in Shanghai and
//! Hong Kong, 50,000 clients, RMB 6.2 million stolen):
//!
//! ```sh
//! cargo run --example deadlines -- examples/data/securities_firm.json   # or --json, or stdin
//! ```
