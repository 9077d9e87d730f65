//! Decoding and replay never panic, whatever the input: arbitrary bytes, mutated valid logs,
//! hostile snapshots. Errors are fine; panics are bugs.

// Test code: a failed setup should stop the test loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;

use incident::actions::*;
use incident::bundle::*;
use incident::chain::*;
use incident::classify::*;
use incident::comms::*;
use incident::id::*;
use incident::locale::*;
use incident::regulation::*;
use incident::*;
use proptest::prelude::*;

use driver::commands::*;
use driver::*;

fn valid_log() -> String {
    let declare = Declare::new(
        IncidentId::from_bytes([4; 16]),
        IncidentKind::FundsTheft,
        "资金被盗",
    )
    .detection(DetectionSource::FraudDetection, at(2026, 4, 1, 0, 0))
    .severity(Severity::Sev2)
    .owner(actor("o"));
    let mut desk = Desk::declare(declare, at(2026, 4, 1, 0, 1), "o");
    desk.advance(1)
        .run(add_action(
            "C",
            ActionKind::Containment,
            "freeze",
            Some("ops"),
            None,
            Some(Measure::FreezeAccounts),
        ))
        .run(complete("C"))
        .run(Command::Contain {
            contained_at: Some(at(2026, 4, 1, 0, 2)),
        })
        .run(Command::AddNote {
            text: "note \"quoted\" \\ 𝄞".into(),
        })
        .run(Command::UpdateImpact {
            update: ImpactUpdate::default()
                .funds_involved(Money::from_minor(99_000, Currency::JPY)),
            reason: None,
        });
    write_json_lines(desk.log.envelopes()).unwrap()
}

/// Every entry point that reads outside data, exercised once.
fn exercise(bytes: &[u8]) {
    let _ = Envelope::from_json(bytes);
    let _ = read_json_lines::<Event>(bytes);
    for options in [
        ReplayOptions::default(),
        ReplayOptions::default().skip_verification(),
    ] {
        let _ = Incident::replay_json_lines(bytes, &options);
    }
    if let Ok(envelopes) = read_json_lines(bytes) {
        let _ = verify(&envelopes, None);
        let _ = Incident::replay(&envelopes);
        let _ = Incident::replay_with(&envelopes, &ReplayOptions::default().skip_verification());
        let _ = EvidenceBundle::export(&envelopes);
    }
    let _ = serde_json::from_slice::<Command>(bytes);
    let _ = serde_json::from_slice::<Declare>(bytes);
    let _ = serde_json::from_slice::<Incident>(bytes);
    let _ = serde_json::from_slice::<EvidenceBundle>(bytes).map(|b| b.verify());
    let _ = serde_json::from_slice::<Head>(bytes);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        exercise(&bytes);
    }

    #[test]
    fn mutated_logs_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..6),
    ) {
        let mut bytes = valid_log().into_bytes();
        for (index, byte, op) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = index.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                2 => bytes.insert(i, byte),
                _ => { let tail = bytes.split_off(i); bytes.extend_from_slice(&tail[tail.len() / 2..]); }
            }
        }
        exercise(&bytes);
    }

    #[test]
    fn mutated_json_values_never_panic(
        path_choice in any::<prop::sample::Index>(),
        replacement in prop_oneof![
            Just(serde_json::json!(null)),
            Just(serde_json::json!(u64::MAX)),
            Just(serde_json::json!(-1)),
            Just(serde_json::json!(1.5)),
            Just(serde_json::json!("")),
            Just(serde_json::json!([])),
            Just(serde_json::json!({})),
            Just(serde_json::json!("9999-12-31T23:59:59.999999999Z")),
        ],
    ) {
        // Replace one scalar anywhere in the log with a hostile value.
        let log = valid_log();
        let mut values: Vec<serde_json::Value> = log.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let mut slots = Vec::new();
        fn collect(v: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
            match v {
                serde_json::Value::Object(m) => for (k, v) in m { path.push(k.clone()); collect(v, path, out); path.pop(); },
                serde_json::Value::Array(a) => for (i, v) in a.iter().enumerate() { path.push(i.to_string()); collect(v, path, out); path.pop(); },
                _ => out.push(path.clone()),
            }
        }
        for (line, v) in values.iter().enumerate() {
            let mut path = vec![line.to_string()];
            collect(v, &mut path, &mut slots);
        }
        let path = &slots[path_choice.index(slots.len())];
        let line: usize = path[0].parse().unwrap();
        let mut target = &mut values[line];
        for key in &path[1..] {
            target = match target {
                serde_json::Value::Array(a) => &mut a[key.parse::<usize>().unwrap()],
                other => &mut other[key.as_str()],
            };
        }
        *target = replacement;
        let text: String = values.iter().map(|v| v.to_string() + "\n").collect();
        exercise(text.as_bytes());
    }
}

#[test]
fn hostile_snapshots_do_not_panic() {
    let log = read_json_lines(valid_log().as_bytes()).unwrap();
    let incident = Incident::replay(&log[..2]).unwrap();
    let mut value = serde_json::to_value(&incident).unwrap();
    value["version"] = serde_json::json!(u64::MAX);
    let mut snapshot: Incident = serde_json::from_value(value).unwrap();
    assert!(snapshot.apply(&log[2]).is_err());
    let ctx = Context::new(actor("o"), at(2026, 4, 1, 1, 0));
    let rejected = snapshot
        .execute(&Command::AddNote { text: "x".into() }, &ctx)
        .unwrap_err();
    assert!(
        rejected.to_string().contains("largest sequence number"),
        "{rejected}"
    );
    // An anchor far beyond the log is a truncation, not an overflow.
    let head = Head {
        incident_id: log[0].incident_id(),
        sequence: u64::MAX,
        digest: log[0].digest(),
    };
    assert!(matches!(
        verify(&log, Some(&head)),
        Err(ChainError {
            kind: ChainBreak::Truncated { .. },
            ..
        })
    ));
}

/// Replaces the scalar at `choice` (among all scalars of `value`) with `replacement`.
fn mutate_scalar(
    value: &mut serde_json::Value,
    choice: prop::sample::Index,
    replacement: serde_json::Value,
) {
    fn paths(v: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    path.push(k.clone());
                    paths(v, path, out);
                    path.pop();
                }
            }
            serde_json::Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    path.push(i.to_string());
                    paths(v, path, out);
                    path.pop();
                }
            }
            _ => out.push(path.clone()),
        }
    }
    let mut all = Vec::new();
    paths(value, &mut Vec::new(), &mut all);
    if all.is_empty() {
        return;
    }
    let path = &all[choice.index(all.len())];
    let mut target = value;
    for key in path {
        target = match target {
            serde_json::Value::Array(a) => &mut a[key.parse::<usize>().unwrap()],
            other => &mut other[key.as_str()],
        };
    }
    *target = replacement;
}

fn hostile() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::json!(null)),
        Just(serde_json::json!(u64::MAX)),
        Just(serde_json::json!(u32::MAX)),
        Just(serde_json::json!(0)),
        Just(serde_json::json!(-1)),
        Just(serde_json::json!("")),
        Just(serde_json::json!("{{")),
        Just(serde_json::json!([])),
        Just(serde_json::json!("+262142-12-31T23:59:59Z")),
        Just(serde_json::json!("9999-12-31T23:59:59.999999999Z")),
        Just(serde_json::json!("Etc/GMT+14")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Host-supplied data (regulations with their regimes and calendars, incident facts,
    /// plans, template sets) with one hostile value: loading fails with an error or the
    /// data is used, never a panic.
    #[test]
    fn hostile_host_data_never_panics(
        which in 0u8..4,
        choice in any::<prop::sample::Index>(),
        replacement in hostile(),
    ) {
        let profile = EntityProfile::new()
            .established_in(Jurisdiction::new("CN").unwrap())
            .entity_type(incident::regulation::EntityType::CnSecuritiesFirm)
            .entity_type(incident::regulation::EntityType::SecRegistrant)
            .time_zone("Asia/Shanghai".parse().unwrap())
            .calendar(CalendarId::new("cn").unwrap());
        let mut facts = IncidentFacts::new(IncidentKind::DataBreach, at(2026, 2, 10, 1, 30));
        facts.impact.people.estimated = Some(2_000_000);
        facts.impact.data_categories.insert(DataCategory::FinancialAccount);
        facts.milestones.insert(Milestone::HandlingEnded, at(2026, 2, 12, 1, 30));
        let regulation = Regulation::builtin(profile);
        match which {
            0 => {
                let mut v = serde_json::to_value(&regulation).unwrap();
                mutate_scalar(&mut v, choice, replacement);
                if let Ok(r) = serde_json::from_value::<Regulation>(v) {
                    let _ = r.problems();
                    let o = r.obligations(&facts, at(2026, 2, 10, 3, 0));
                    let _ = o.to_string();
                    let _ = r.next_deadline(&facts, at(2026, 2, 10, 3, 0));
                }
            }
            1 => {
                let mut v = serde_json::to_value(&facts).unwrap();
                mutate_scalar(&mut v, choice, replacement);
                if let Ok(f) = serde_json::from_value::<IncidentFacts>(v) {
                    let _ = regulation.obligations(&f, at(2026, 2, 10, 3, 0)).to_string();
                    let _ = regulation.alerts_due(&f, at(2026, 2, 10, 3, 0));
                }
            }
            2 => {
                let mut v = serde_json::to_value(CommsPlan::reference()).unwrap();
                mutate_scalar(&mut v, choice, replacement);
                let _ = serde_json::from_value::<CommsPlan>(v).map(|p| p.problems());
            }
            _ => {
                let mut set = TemplateSet::builtin();
                set.declare_recipient_field("offer").unwrap();
                set.register(
                    Template::builder(TemplateId::new("t").unwrap(), MessageKind::Survey, Locale::En)
                        .body("{{firm_name}}: {{recipient.offer}} {{{{x")
                        .build()
                        .unwrap(),
                )
                .unwrap();
                let mut v = serde_json::to_value(&set).unwrap();
                mutate_scalar(&mut v, choice, replacement);
                let _ = serde_json::from_value::<TemplateSet>(v);
            }
        }
    }
}
