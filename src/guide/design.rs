//! Design notes: the decisions that shape the API, and why.
//!
//! # Sans-I/O
//!
//! Nothing in the library reads a clock, the environment, files, the network or
//! randomness. Time and actor travel in a [`Context`](crate::Context); ids are supplied by
//! the host ([`IncidentId::from_uuid`](crate::IncidentId::from_uuid),
//! [`IncidentId::from_bytes`](crate::IncidentId::from_bytes); uuid's generator features
//! are not enabled); deadlines are computed for a `now` the host passes in. The same
//! inputs always give the same events, so every decision can be replayed, tested with
//! fixed times and audited after the fact. The host owns storage, transport, clocks and
//! people: the reference host is the workspace crate `incident-desk` (`desk/`).
//!
//! # Event-sourced
//!
//! State changes only through events. [`Incident::decide`](crate::Incident::decide) is the
//! pure decision (command → events, or a [`Rejection`](crate::Rejection) naming every unmet
//! precondition); [`Incident::execute`](crate::Incident::execute) seals the events into
//! envelopes chained to the current head; [`Incident::apply`](crate::Incident::apply)
//! folds an envelope the store accepted; [`Incident::replay`](crate::Incident::replay)
//! rebuilds the state from the whole log and equals the state built live (a property test
//! holds it to that on random command sequences). A command's envelopes are appended all
//! or none, with the version they were made from: a stale writer gets a
//! [`Conflict`](crate::Conflict) and decides again on fresh state, so nothing is lost or
//! silently merged.
//!
//! Two kinds of failure are kept apart: a [`Rejection`](crate::Rejection) refuses a new
//! command (normal, shown to the operator, HTTP 422), a
//! [`ReplayError`](crate::ReplayError) means stored history is damaged or newer than the
//! crate (stop and investigate). Each small error type has a `# Handling` section, and the
//! umbrella [`Error`](crate::Error) wraps them for hosts that want one type.
//!
//! # Layers
//!
//! The modules import only downward. `.ci/layers` holds the order and
//! `tools/layers.py` checks it in CI:
//!
//! | layer | modules | holds |
//! |---|---|---|
//! | vocabulary | [`id`](crate::id), [`money`](crate::money), [`classify`](crate::classify), phase, [`locale`](crate::locale) | ids, money, classification, phase and role names, languages, formats and time zones |
//! | the record | [`chain`](crate::chain), log, [`evidence`](crate::evidence), [`actions`](crate::actions), [`findings`](crate::findings) | the envelope and hash chain (generic over the payload), JSON Lines, the in-memory log, what the log records |
//! | domain rules | [`regulation`](crate::regulation), [`compensation`](crate::compensation), [`comms`](crate::comms) | regimes and clocks, policies and programs, plans and templates, each on its own input view |
//! | the aggregate | [`lifecycle`](crate::lifecycle), [`bundle`](crate::bundle) | [`Incident`](crate::Incident), commands, events, guards, replay, views, the timer; evidence bundles |
//! | read models | [`review`](crate::review) | metrics, the review report, drills, portfolio, VERIS export |
//! | top | error, [`schema`](crate::schema), [`guide`](crate::guide) | the umbrella error, the schema catalogue, this guide |
//!
//! Why: each domain rule can be understood, tested and reused without the aggregate (the
//! `deadlines` example computes obligations from facts in a JSON file, with no incident at
//! all), the record layer knows nothing of the events
//! ([`Sealed<E>`](crate::chain::Sealed), [`EventLog<E>`](crate::EventLog)), and a new
//! capability has an obvious place: a rule goes in its layer with its own view; a read
//! model reads the replayed incident.
//!
//! # Views instead of `&Incident`
//!
//! A domain rule never takes the aggregate. It takes the small view it needs, and the
//! aggregate lends it:
//!
//! | rule | view | lent by |
//! |---|---|---|
//! | [`Regulation::obligations`](crate::regulation::Regulation::obligations) | [`IncidentFacts`](crate::regulation::IncidentFacts) | [`Incident::regulatory_facts`](crate::Incident::regulatory_facts), as of a past moment [`Incident::regulatory_facts_at`](crate::Incident::regulatory_facts_at) |
//! | [`CommsPlan::schedule`](crate::comms::CommsPlan::schedule) | [`PlanView`](crate::comms::PlanView) | [`Incident::plan_view`](crate::Incident::plan_view) |
//! | rendering and approval | [`FactSheet`](crate::comms::FactSheet) | [`Incident::fact_sheet`](crate::Incident::fact_sheet) |
//! | [`Program::opened`](crate::compensation::Program::opened) | [`CompensationStance`](crate::compensation::CompensationStance) and [`ClaimTotals`](crate::compensation::ClaimTotals) | [`Incident::compensation_program`](crate::Incident::compensation_program) |
//!
//! The aggregate's shortcuts ([`Incident::obligations`](crate::Incident::obligations),
//! [`Incident::plan_schedule`](crate::Incident::plan_schedule)) are one line each over
//! these.
//!
//! An answer as of a past moment uses only what was recorded by then: the regulatory
//! record keeps the declared facts and each later change with its envelope's
//! `recorded_at` ([`FactHistory`](crate::regulation::FactHistory)), so
//! [`Incident::obligations`](crate::Incident::obligations) at `at` equals the obligations of
//! the incident replayed from its log cut at `at` without replaying it (a property test
//! holds it to that). Keeping the history costs one copy of each regulatory change; replaying
//! per question would cost the whole log each time.
//!
//! # One timer
//!
//! As in quinn-proto: [`Incident::poll_timeout`](crate::Incident::poll_timeout) answers the
//! next instant anything falls due for an incident (a regulatory reminder or deadline, a
//! planned or cadence message, an action's due time) and what; at that instant
//! [`Incident::handle_timeout`](crate::Incident::handle_timeout) returns the commands that
//! record it ([`Command::RecordClockAlerts`](crate::Command::RecordClockAlerts),
//! [`Command::RecordOverdue`](crate::Command::RecordOverdue)). The host executes them like
//! any other command, so a deadline missed while nobody touched the incident is in its
//! log, replay reproduces it, and what is recorded is not returned again. The host keeps
//! one timer per open incident, or one due-time index over all of them, and never computes
//! a deadline itself.
//!
//! # Data over code
//!
//! Regulatory regimes, business calendars, compensation policies, communication plans and
//! templates are values with serde and a JSON Schema ([`schema`](crate::schema)), checked
//! where they are built, deserialized or registered, so a host can load, version and audit
//! them. The built-in packs are just values that ship with the crate.
//!
//! # A small root
//!
//! The crate root re-exports only what the host loop touches: the aggregate, its commands,
//! events, envelope, context, rejection and replay errors, the timer's
//! [`Wake`](crate::Wake), the phase, the log, the ids and money, and the umbrella error.
//! Every other name lives in its subdomain's module and is exported there only
//! (`incident::regulation::Regime`, `incident::comms::Template`), so no generic name
//! (`Decision`, `Rule`, `Schedule`) sits at the root and nothing clashes with chrono or
//! std.
//!
//! # Semver
//!
//! chrono, uuid and schemars types appear in the public API (times, ids, schemas), and so
//! do serde_json's (`to_json` errors, the VERIS record as a `Value`), so their major
//! versions are part of this crate's. The stored event contract is versioned
//! separately ([`events`](super::events)).
