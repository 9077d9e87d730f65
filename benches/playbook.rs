//! Criterion benchmarks for activating an emergency plan.
//!
//! ## `playbook/declare_to_first_notice`
//!
//! One incident per iteration, the securities-firm account-takeover case: from the
//! declaration command to a state holding the first drafted customer notice. Each
//! iteration seals the envelopes ([`Incident::declare`]) and replays them into the state
//! ([`Incident::replay`], which verifies the chain), as a host does before answering.
//! `Throughput::Elements(1)`, so criterion reports the time per incident.
//!
//! - `declare_alone` (**baseline**): the declaration without a playbook: one envelope, no
//!   customer notice drafted.
//! - `declare_with_playbook`: the same declaration activating the built-in
//!   `securities.account-takeover` playbook: 19 envelopes (the declaration, the pin with the
//!   playbook's text, 11 actions and 3 feedback channels opened, the plan and two drafts,
//!   the first customer notice among them). The difference with the baseline is what
//!   activation costs, sealing and verifying its 18 envelopes included.
//! - `activate_decide_only`: [`Incident::decide`] of `Command::ActivatePlaybook` on the
//!   declared state, without sealing: the decision alone (every step's guard run on a
//!   scratch state).
//!
//! Run with `cargo bench --bench playbook`.

// Benches are test code: a failed setup should stop the run loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use incident::id::NoticeId;
use incident::locale::Locale;
use incident::playbook::{builtin_playbook, Activation};
use incident::{ActorId, Command, Context, Declare, DetectionSource, Incident, IncidentId};
use incident::{IncidentKind, Severity};

fn declare() -> Declare {
    let detected = Utc.with_ymd_and_hms(2026, 5, 12, 1, 12, 0).unwrap();
    Declare::new(
        IncidentId::from_bytes([9; 16]),
        IncidentKind::AccountTakeover,
        "客户账户被盗用，出现非本人委托",
    )
    .detection(DetectionSource::CustomerReport, detected)
    .severity(Severity::Sev2)
    .owner(ActorId::new("chen.jie").unwrap())
}

fn declare_to_first_notice(c: &mut Criterion) {
    let plain = declare();
    let playbook = builtin_playbook("securities.account-takeover").unwrap();
    let with_playbook = declare().playbook(Activation::new(playbook, Locale::ZhCn));
    let at = plain.detected_at.unwrap() + chrono::Duration::minutes(2);
    let ctx = Context::new(ActorId::new("duty.officer").unwrap(), at);
    let first_notice = NoticeId::new("customer-initial").unwrap();
    // The setup is what it claims to be.
    let incident = Incident::replay(&Incident::declare(&with_playbook, &ctx).unwrap()).unwrap();
    assert!(incident.notices().contains_key(&first_notice));

    let mut group = c.benchmark_group("playbook/declare_to_first_notice");
    group.throughput(Throughput::Elements(1));
    group.bench_function("declare_alone", |b| {
        b.iter(|| Incident::replay(&Incident::declare(&plain, &ctx).unwrap()).unwrap());
    });
    group.bench_function("declare_with_playbook", |b| {
        b.iter(|| {
            let incident =
                Incident::replay(&Incident::declare(&with_playbook, &ctx).unwrap()).unwrap();
            assert!(incident.notices().contains_key(&first_notice));
            incident
        });
    });
    let declared = Incident::replay(&Incident::declare(&plain, &ctx).unwrap()).unwrap();
    let activate = Command::ActivatePlaybook(with_playbook.playbook.clone().unwrap());
    group.bench_function("activate_decide_only", |b| {
        b.iter(|| declared.decide(&activate, &ctx).unwrap());
    });
    group.finish();
}

criterion_group!(benches, declare_to_first_notice);
criterion_main!(benches);
