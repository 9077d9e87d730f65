//! Criterion benchmarks for the status read models.
//!
//! ## `status_fold/scenario_1000_receipts`
//!
//! The status scenario (`tests/golden/status/scenario.json`: disclosure, two updates and a
//! correction, 36 commands) followed by 1,000 delivery receipts (250 customers × the four
//! published notices), about 1,050 events. Both measure what a host serving a status page
//! and a reach report from one log version pays.
//!
//! - `baseline_two_folds` (**baseline**): [`StatusPage::from_log`] then
//!   [`ReachReport::from_log`] over the same log (two walks; the first replays).
//! - `one_fold`: [`StatusFold::from_log`] (one replay, which also links the board's
//!   components), then its page and [`StatusFold::reach`].
//!
//! Measured on the 2-core development machine (`cargo bench --bench status --
//! --warm-up-time 1 --measurement-time 3`, 2026-12-07, shared with two other builds):
//! baseline 4.65 ms, one fold 4.32 ms (0.93×) for about 1,040 events. The replay (each
//! envelope's hash checked and applied) is nearly all of it, so one walk instead of two
//! saves only the second, cheap walk; the desk's gain is that it keeps the fold per
//! version, so a reach report after a page (or the reverse) replays nothing.

// Benches are test code: a failed setup should stop the run loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;

use chrono::{DateTime, Duration, Utc};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use incident::comms::{Channel, DeliveryOutcome, DeliveryReceipt};
use incident::id::{CustomerRef, NoticeId};
use incident::status::{ReachReport, StatusBoard, StatusFold, StatusPage};
use incident::{ActorId, Command, Context, Declare, Envelope, Event, EventLog, Incident};
use serde_json::Value;

const CUSTOMERS: usize = 250;

/// The scenario's log, then a receipt per customer and published notice.
fn log() -> Vec<Envelope> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/status/scenario.json"
    );
    let steps: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let at: DateTime<Utc> = "2026-04-01T00:00:00Z".parse().unwrap();
    let ctx = |actor: &str, at| Context::new(ActorId::new(actor).unwrap(), at);
    let declare: Declare = serde_json::from_value(steps[0]["declare"].clone()).unwrap();
    let first = Incident::declare(&declare, &ctx("soc.oncall", at)).unwrap();
    let mut log = EventLog::<Event>::new(declare.incident_id);
    log.append(0, &first).unwrap();
    let mut incident = Incident::replay(log.envelopes()).unwrap();
    let mut run = |incident: &mut Incident, actor: &str, command: &Command, at| {
        let envelopes = incident.execute(command, &ctx(actor, at)).unwrap();
        log.append(incident.version(), &envelopes).unwrap();
        for e in &envelopes {
            incident.apply(e).unwrap();
        }
    };
    for step in &steps[1..] {
        let command: Command = serde_json::from_value(step["command"].clone()).unwrap();
        run(&mut incident, step["actor"].as_str().unwrap(), &command, at);
    }
    for n in 0..CUSTOMERS * 4 {
        let receipt = DeliveryReceipt {
            notice_id: NoticeId::new(format!("N-{}", n % 4 + 1)).unwrap(),
            recipient: CustomerRef::new(format!("C-{}", n / 4)).unwrap(),
            channel: Channel::Email,
            outcome: DeliveryOutcome::Delivered,
            at,
            provider_ref: None,
            detail: None,
        };
        let t = at + Duration::seconds(1);
        run(
            &mut incident,
            "li.na",
            &Command::RecordDeliveryReceipt(receipt),
            t,
        );
    }
    log.envelopes().to_vec()
}

fn folds(c: &mut Criterion) {
    let log = log();
    let notice = NoticeId::new("N-1").unwrap();
    let intended: Vec<CustomerRef> = (0..CUSTOMERS)
        .map(|n| CustomerRef::new(format!("C-{n}")).unwrap())
        .collect();
    let board = StatusBoard::default();
    // Both give the same answers.
    let fold = StatusFold::from_log(&log, &board).unwrap();
    assert_eq!(fold.page, StatusPage::from_log(&log).unwrap());
    assert_eq!(
        fold.reach(&notice, intended.clone()),
        ReachReport::from_log(&log, &notice, intended.clone())
    );
    assert_eq!(
        fold.reach(&notice, intended.clone()).reached.len(),
        CUSTOMERS
    );

    let mut group = c.benchmark_group("status_fold/scenario_1000_receipts");
    group.throughput(Throughput::Elements(log.len() as u64));
    group.bench_function("baseline_two_folds", |b| {
        b.iter(|| {
            let page = StatusPage::from_log(black_box(&log)).unwrap();
            let reach = ReachReport::from_log(black_box(&log), &notice, intended.clone());
            black_box((page, reach))
        });
    });
    group.bench_function("one_fold", |b| {
        b.iter(|| {
            let fold = StatusFold::from_log(black_box(&log), &board).unwrap();
            let reach = fold.reach(&notice, intended.clone());
            black_box((fold.page, reach))
        });
    });
    group.finish();
}

criterion_group!(benches, folds);
criterion_main!(benches);
