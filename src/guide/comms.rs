//! Communications: what may be said to whom, when, in which words; and what customers
//! say back.
//!
//! The reference is the [`comms`](crate::comms) module (with [`locale`](crate::locale) for
//! languages and formats); this page is the overview.
//!
//! # Facts and clearance
//!
//! Every fact a message may carry has a [`Sensitivity`](crate::comms::Sensitivity) label:
//! public, customers, restricted or internal. The incident derives some (`occurred_at`,
//! `detected_at`, `people_affected`, `data_categories` public; `funds_involved` restricted)
//! and the team records the rest with [`Command::RecordFact`](crate::Command::RecordFact)
//! (measures taken, contact points, an indicator of compromise labelled internal); the
//! result is the incident's [`FactSheet`](crate::comms::FactSheet)
//! ([`Incident::fact_sheet`](crate::Incident::fact_sheet)). A draft names the facts it
//! carries; approval refuses any fact above the audience's clearance (the press and the
//! public website get public facts only, customers and partners customer facts, regulators,
//! police and the board restricted ones, and internal facts reach no one) and names the fact
//! and the audience. Each kind of message has required content elements, one per duty the
//! seeds name ([`required_elements`](crate::comms::required_elements): time, discovery,
//! scope, measures, what to do, compensation, contact points, the named case owner
//! (专人负责), complaint channels, the next update, the issue time; for updates what changed
//! since the last one; for the press a media contact; for supervisors the CAC report
//! fields), and more when the incident calls for them
//! ([`conditional_elements`](crate::comms::conditional_elements): the money taken once
//! funds were taken, the cause in the resolution notice once confirmed). Approval refuses a
//! notice that lacks one, naming it; Disclose needs an approved initial notice that has
//! them all.
//!
//! # Plans
//!
//! A [`CommsPlan`](crate::comms::CommsPlan) (data;
//! [`CommsPlan::reference`](crate::comms::CommsPlan::reference) follows the seeds: staff
//! and agents first, customers within two hours of detection, the press after them) schedules
//! messages on entering a phase, on a cadence ("every 24 h while contained or disclosed")
//! and from regulatory obligations; each planned draft is approved by the holder of the
//! item's role. [`Incident::plan_schedule`](crate::Incident::plan_schedule) (or
//! [`CommsPlan::schedule`](crate::comms::CommsPlan::schedule) on
//! [`Incident::plan_view`](crate::Incident::plan_view)) answers what is due next, what is
//! overdue and what is ready to send; the timer records overdue planned messages in the log.
//! Under a plan, only the planned initial customer notice can serve as the public
//! disclosure, and a plan whose press items can fall due before every customer notice is
//! refused unless it says the press must come first (`allow_press_before_customers`).
//!
//! # Templates and fan-out
//!
//! Messages render from templates ([`TemplateSet`](crate::comms::TemplateSet)): zh-CN and
//! en for every message kind are built in, written as a Chinese financial firm publishes a
//! 公告 (numbered sections, full-width punctuation, firm and date) and in plain English,
//! with one document per audience (customer notices, the press holding statement and
//! release, the staff briefing, the hotline script and agreed answers, the spokesperson's
//! Q&A, the report to a supervisor), short SMS variants, and identity-theft guides per
//! country with every fact's source. None makes an absolute promise
//! ([`absolute_promises`](crate::comms::absolute_promises)). They are filled from the
//! incident's facts with dates in the audience's zone and language
//! (`2026年3月14日09:30（北京时间）`), as plain text or Markdown. Hosts register
//! their own (`{{fact_key}}`, `{{recipient.field}}`); unknown placeholders and missing
//! required elements are refused at registration, and rendering enforces the clearance
//! check again. [`fan_out`](crate::comms::fan_out) streams personalised messages lazily in
//! constant memory; the host sends them (`cargo run --example notify`).
//!
//! # Feedback
//!
//! Customer inquiries are events in the log:
//! [`Command::RecordInquiry`](crate::Command::RecordInquiry) (channel, topic, opaque
//! customer reference, received-at), [`Command::RespondToInquiry`](crate::Command::RespondToInquiry)
//! (the first response only) and [`Command::ResolveInquiry`](crate::Command::ResolveInquiry)
//! (a resolution without an earlier response is also the first response);
//! [`Command::RecordSurveyResponse`](crate::Command::RecordSurveyResponse) records CSAT
//! (1–5), NPS (0–10) and a comment.
//! [`Incident::inquiry_stats`](crate::Incident::inquiry_stats) gives counts by topic and
//! channel, median and p90 first-response times (nearest rank; unanswered inquiries are
//! counted apart, never as 0), the share answered within each channel's target and the open
//! backlog past it. The default targets ([`SlaTargets`](crate::comms::SlaTargets): hotline
//! and chat 5 min, social media 2 h, e-mail and the rest 24 h) are common practice, not
//! regulation, and hosts override them. [`Incident::survey_stats`](crate::Incident::survey_stats)
//! gives CSAT % (answers of 4–5) and NPS (% promoters − % detractors).
