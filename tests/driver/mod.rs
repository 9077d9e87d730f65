//! The in-memory test driver. [`Desk`] runs the host loop (`execute` → append to an
//! `EventLog` → `apply`) on a clock the test moves by hand, and checks what every run must
//! keep: a rejection changes nothing, and the log replays to the live state. Also the small
//! constructors scenario tests share (`at`, `actor`, `id`, `codes`) and, in `commands.rs`,
//! builders for the commands tests write most often.
//!
//! Used by `chain`, `claims`, `cli`, `comms_plan`, `compensation`, `feedback`, `replay_errors`,
//! `review_metrics`, `review_report`, `robustness`, `scenarios`, `schema`, `trust` and `veris`; by
//! `tests/seeds/`; and, for `actor` alone, by `tests/generators/` (so by `properties` and
//! `tamper`). Each test file uses a part of it, hence `dead_code` is allowed here.

// Test code: a failed setup should stop the test loudly. Each test crate uses a part.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub(crate) mod commands;

use chrono::{DateTime, Duration, TimeZone, Utc};
use incident::chain::*;
use incident::*;

/// A UTC instant on the minute.
pub(crate) fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

pub(crate) fn actor(s: &str) -> ActorId {
    ActorId::new(s).unwrap()
}

/// The regulation of a host that runs no regulatory clocks (what Review and Close check
/// when a test is not about reports).
pub(crate) fn no_regimes() -> &'static regulation::Regulation {
    static NONE: std::sync::LazyLock<regulation::Regulation> = std::sync::LazyLock::new(|| {
        regulation::Regulation::without_regimes(regulation::EntityProfile::new())
    });
    &NONE
}

/// An incident id with every byte `n`.
pub(crate) fn id(n: u8) -> IncidentId {
    IncidentId::from_bytes([n; 16])
}

/// An incident under test: its log, its live state, the clock and who acts next.
pub(crate) struct Desk {
    pub(crate) log: EventLog<Event>,
    pub(crate) incident: Incident,
    pub(crate) now: DateTime<Utc>,
    pub(crate) actor: ActorId,
    /// The regulation Review and Close check reports against: none by default (tests of
    /// the regulatory guard set the built-in one).
    pub(crate) regulation: regulation::Regulation,
}

impl Desk {
    /// Declares and returns the desk, panicking with the rejection if the declaration fails.
    pub(crate) fn declare(declare: Declare, now: DateTime<Utc>, by: &str) -> Desk {
        let ctx = Context::new(actor(by), now);
        let envelopes = Incident::declare(&declare, &ctx).unwrap_or_else(|r| panic!("{r}"));
        let mut log = EventLog::new(declare.incident_id);
        log.append(0, &envelopes).unwrap();
        let incident = Incident::replay(log.envelopes()).unwrap();
        Desk {
            log,
            incident,
            now,
            actor: actor(by),
            regulation: no_regimes().clone(),
        }
    }

    pub(crate) fn advance(&mut self, minutes: i64) -> &mut Self {
        self.now += Duration::minutes(minutes);
        self
    }

    pub(crate) fn as_actor(&mut self, by: &str) -> &mut Self {
        self.actor = actor(by);
        self
    }

    pub(crate) fn ctx(&self) -> Context<'_> {
        Context::new(self.actor.clone(), self.now).with_regulation(&self.regulation)
    }

    /// Runs the host loop for one command.
    pub(crate) fn try_run(&mut self, command: Command) -> Result<Vec<Envelope>, Rejection> {
        let envelopes = self.incident.execute(&command, &self.ctx())?;
        self.log
            .append(self.incident.version(), &envelopes)
            .unwrap();
        for e in &envelopes {
            self.incident.apply(e).unwrap();
        }
        Ok(envelopes)
    }

    /// Runs a command that must succeed.
    pub(crate) fn run(&mut self, command: Command) -> &mut Self {
        if let Err(r) = self.try_run(command.clone()) {
            panic!("{command:?} rejected: {r}");
        }
        self
    }

    /// Runs a command that must succeed as `by`, then carries on as the current actor (a
    /// second person's approval, for four eyes).
    pub(crate) fn run_by(&mut self, by: &str, command: Command) -> &mut Self {
        let current = std::mem::replace(&mut self.actor, actor(by));
        self.run(command);
        self.actor = current;
        self
    }

    /// As [`Desk::reject`], as `by`, then carries on as the current actor.
    pub(crate) fn reject_by(&mut self, by: &str, command: Command) -> Rejection {
        let current = std::mem::replace(&mut self.actor, actor(by));
        let rejection = self.reject(command);
        self.actor = current;
        rejection
    }

    /// Runs a command that must be rejected and returns the rejection.
    pub(crate) fn reject(&mut self, command: Command) -> Rejection {
        let before = self.incident.clone();
        let version = self.log.version();
        let rejection = self
            .try_run(command.clone())
            .map(|_| panic!("{command:?} was accepted"))
            .unwrap_err();
        assert_eq!(
            self.incident, before,
            "a rejection must not change the state"
        );
        assert_eq!(self.log.version(), version);
        assert!(!rejection.unmet.is_empty());
        rejection
    }

    /// The state replayed from the log equals the live state, and the state survives a
    /// snapshot round trip through JSON.
    pub(crate) fn assert_replays(&self) {
        let snapshot = serde_json::to_string(&self.incident).unwrap();
        assert_eq!(
            serde_json::from_str::<Incident>(&snapshot).unwrap(),
            self.incident
        );
        assert_eq!(
            Incident::replay(self.log.envelopes()).unwrap(),
            self.incident
        );
        let jsonl = write_json_lines(self.log.envelopes()).unwrap();
        assert_eq!(
            Incident::replay_json_lines(jsonl.as_bytes(), &ReplayOptions::default()).unwrap(),
            self.incident
        );
    }
}

/// The unmet items' codes, for compact assertions.
pub(crate) fn codes(rejection: &Rejection) -> Vec<String> {
    rejection
        .unmet
        .iter()
        .map(|u| {
            serde_json::to_value(u).unwrap()["code"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// Recomputes every digest of `lines` (the documented algorithm: SHA-256 of the canonical
/// JSON), as a forger with the log in hand would.
pub(crate) fn reseal(mut lines: Vec<serde_json::Value>) -> Vec<String> {
    use incident::chain::Digest;
    for i in 0..lines.len() {
        let prev = if i == 0 {
            Digest::genesis(lines[0]["incident_id"].as_str().unwrap().parse().unwrap()).to_string()
        } else {
            lines[i - 1]["digest"].as_str().unwrap().to_owned()
        };
        let line = &mut lines[i];
        let payload = Digest::of(serde_json::to_string(&line["event"]).unwrap().as_bytes());
        line["payload_digest"] = payload.to_string().into();
        line["prev_digest"] = prev.into();
        let mut meta = line.clone();
        let meta = meta.as_object_mut().unwrap();
        meta.remove("event");
        meta.remove("digest");
        line["digest"] = Digest::of(serde_json::to_string(meta).unwrap().as_bytes())
            .to_string()
            .into();
    }
    lines
        .iter()
        .map(|l| serde_json::to_string(l).unwrap())
        .collect()
}

/// An amount in fen.
pub(crate) fn cny(minor: i64) -> Money {
    Money::from_minor(minor, Currency::CNY)
}

/// The compensation programme the claims scenarios open.
pub(crate) fn program() -> incident::id::ProgramId {
    incident::id::ProgramId::new("SEC-COMP-1").unwrap()
}

/// A claim id.
pub(crate) fn claim_id(s: &str) -> incident::id::ClaimId {
    incident::id::ClaimId::new(s).unwrap()
}

/// An account takeover declared on 2 March 2026 (incident id bytes all `seed`) with
/// [`program`] opened at 10:00 under `policy` with a ¥1,000,000 budget, by `comp.officer`:
/// where the claims scenarios start.
pub(crate) fn compensation_desk(seed: u8, policy: &incident::compensation::Policy) -> Desk {
    let mut desk = account_takeover(seed);
    desk.advance(30).run(Command::open_compensation_program(
        program(),
        policy,
        Some(cny(100_000_000)),
    ));
    desk
}

/// An account takeover detected at 09:00 on 2 March 2026 and declared at 09:30 (incident
/// id bytes all `seed`), the desk acting as `comp.officer`: where the claims scenarios
/// start.
pub(crate) fn account_takeover(seed: u8) -> Desk {
    let declare = Declare::new(
        IncidentId::from_bytes([seed; 16]),
        IncidentKind::AccountTakeover,
        "Client accounts taken over",
    )
    .detection(DetectionSource::CustomerReport, at(2026, 3, 2, 9, 0))
    .severity(Severity::Sev2)
    .owner(actor("crisis.lead"));
    Desk::declare(declare, at(2026, 3, 2, 9, 30), "comp.officer")
}

/// Re-seals `lines` as a forger would ([`reseal`]) and replays them, which must fail: the
/// error's text.
pub(crate) fn resealed_replay_error(lines: Vec<serde_json::Value>) -> String {
    let text: String = reseal(lines).iter().map(|l| format!("{l}\n")).collect();
    Incident::replay_json_lines(text.as_bytes(), &ReplayOptions::default())
        .unwrap_err()
        .to_string()
}

/// The desk's log as JSON values, one per stored line (for tests that forge lines).
pub(crate) fn log_lines(desk: &Desk) -> Vec<serde_json::Value> {
    incident::chain::write_json_lines(desk.log.envelopes())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}
