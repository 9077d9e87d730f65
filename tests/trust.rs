//! Trust in the record: nothing backdated, nothing planted, every approval bound to what it
//! approved. Each test names the attack it defends against.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod seeds;

use chrono::{DateTime, Duration, TimeZone as _, Utc};
use driver::commands::{approve, complete_draft, sent};
use driver::{codes, reseal, Desk};
use incident::actions::{ActionKind, NewAction};
use incident::chain::write_json_lines;
use incident::classify::Jurisdiction;
use incident::comms::{
    Audience, Channel, CommsPlan, Fact, FactValue, MessageKind, NoticeRevision, NoticeStatus,
    PlannedState, Sensitivity, WellKnownKey,
};
use incident::id::{ActionId, CalendarId, FactKey, NoticeId, RegimeId, ReportId};
use incident::lifecycle::{ApplyError, DisclosureBasis};
use incident::locale::{Locale, Zone};
use incident::regulation::{EntityProfile, EntityType, ObligationStatus, Regulation};
use incident::{
    ActorId, Command, Context, Declare, DetectionSource, Envelope, Event, EventLog, Incident,
    IncidentId, IncidentKind, Phase, ReplayError, Severity, Unmet,
};
use proptest::prelude::*;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap()
}

fn declared(at: DateTime<Utc>) -> (EventLog<Event>, Incident) {
    let id = IncidentId::from_bytes([3; 16]);
    let declare = Declare::new(id, IncidentKind::DataBreach, "Customer records exfiltrated")
        .detection(DetectionSource::Monitoring, at)
        .severity(Severity::Sev2)
        .owner(ActorId::new("zhang.min").unwrap());
    let mut log = EventLog::new(id);
    log.append(0, &Incident::declare(&declare, &ctx(at)).unwrap())
        .unwrap();
    let incident = Incident::replay(log.envelopes()).unwrap();
    (log, incident)
}

fn ctx(at: DateTime<Utc>) -> Context<'static> {
    Context::new(ActorId::new("soc").unwrap(), at)
}

fn note(text: &str) -> Command {
    Command::AddNote { text: text.into() }
}

/// Attack: a client backdates a command (1970) to slip an entry into the past of the log.
#[test]
fn a_command_earlier_than_the_last_event_is_refused_naming_both_times() {
    let (_, incident) = declared(t0());
    let back = Utc.with_ymd_and_hms(1970, 1, 1, 0, 0, 0).unwrap();
    let err = incident.decide(&note("backdated"), &ctx(back)).unwrap_err();
    assert_eq!(
        err.unmet,
        vec![Unmet::Backdated {
            at: back,
            last_recorded_at: t0()
        }]
    );
    let text = err.to_string();
    assert!(
        text.contains("1970-01-01") && text.contains("2026-03-14"),
        "{text}"
    );
    // The same instant is fine: the log's times never go backwards, they may repeat.
    assert!(incident.decide(&note("same instant"), &ctx(t0())).is_ok());
}

/// Attack: a stored log whose times go backwards (edited and re-sealed, or written by a
/// host that took the client's clock) is refused on replay.
#[test]
fn replay_refuses_a_log_whose_recorded_at_goes_backwards() {
    let (mut log, incident) = declared(t0());
    let later = incident
        .execute(&note("later"), &ctx(t0() + Duration::hours(1)))
        .unwrap();
    log.append(1, &later).unwrap();
    // A forger writes a third event "recorded" before the second and re-seals it.
    let mut json: Vec<serde_json::Value> = write_json_lines(log.envelopes())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut forged = json[1].clone();
    forged["sequence"] = 3.into();
    forged["recorded_at"] = "2026-03-14T01:45:00Z".into();
    forged["event"]["text"] = "inserted in the past".into();
    json.push(forged);
    let envelopes: Vec<Envelope> = reseal(json)
        .iter()
        .map(|l| Envelope::from_json(l.as_bytes()).unwrap())
        .collect();
    incident::chain::verify(&envelopes, None).expect("the forger's chain is valid");
    let err = Incident::replay(&envelopes).unwrap_err();
    assert!(
        matches!(
            err,
            ReplayError::CannotApply {
                sequence: 3,
                reason: ApplyError::RecordedBeforePrevious { .. }
            }
        ),
        "{err}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever times a host passes, a command is accepted only at or after the last
    /// recorded event, and every log the crate writes has non-decreasing `recorded_at`.
    #[test]
    fn recorded_at_never_goes_backwards(offsets in prop::collection::vec(-120i64..240, 1..40)) {
        let (mut log, mut incident) = declared(t0());
        for (i, minutes) in offsets.into_iter().enumerate() {
            let at = incident.updated_at() + Duration::minutes(minutes);
            match incident.execute(&note(&format!("note {i}")), &ctx(at)) {
                Ok(envelopes) => {
                    prop_assert!(minutes >= 0, "accepted a command {minutes} min in the past");
                    log.append(incident.version(), &envelopes).unwrap();
                    for e in &envelopes {
                        incident.apply(e).unwrap();
                    }
                }
                Err(rejection) => {
                    prop_assert!(minutes < 0);
                    let backdated = matches!(rejection.unmet.as_slice(), [Unmet::Backdated { .. }]);
                    prop_assert!(backdated, "{}", rejection);
                }
            }
        }
        let times: Vec<_> = log.envelopes().iter().map(Envelope::recorded_at).collect();
        prop_assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
        prop_assert_eq!(Incident::replay(log.envelopes()).unwrap(), incident);
    }
}

// --- approvals -------------------------------------------------------------------------

/// A contained incident with the facts an initial notice to affected customers prints, all
/// cleared for customers, and that notice drafted by li.na.
fn with_a_drafted_notice() -> Desk {
    let declare = Declare::new(
        IncidentId::from_bytes([4; 16]),
        IncidentKind::DataBreach,
        "Customer records exfiltrated",
    )
    .detection(DetectionSource::Monitoring, t0())
    .severity(Severity::Sev2)
    .owner(ActorId::new("zhang.min").unwrap());
    let mut desk = Desk::declare(declare, t0(), "soc");
    desk.as_actor("zhang.min")
        .run(Command::AddAction(NewAction {
            action_id: ActionId::new("C1").unwrap(),
            kind: ActionKind::Containment,
            title: "Block the exfiltration addresses".into(),
            owner: None,
            due: None,
            measure: None,
        }))
        .run(Command::CompleteAction {
            action_id: ActionId::new("C1").unwrap(),
            completed_at: None,
            outcome: None,
        })
        .run(Command::Contain {
            contained_at: Some(t0()),
        });
    for key in WellKnownKey::ALL {
        let value =
            FactValue::text(Locale::En, format!("{key} in words")).and(Locale::ZhCn, "文字");
        let mut fact = key.fact(value);
        if fact.sensitivity > Sensitivity::Customers {
            fact.sensitivity = Sensitivity::Customers;
        }
        desk.run(Command::RecordFact(fact));
    }
    desk.as_actor("li.na").run(complete_draft(
        "N-1",
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        &[Channel::Email],
    ));
    desk
}

fn notice(id: &str) -> NoticeId {
    NoticeId::new(id).unwrap()
}

/// Attack: the person who wrote a notice approves it themselves.
#[test]
fn the_drafter_may_not_approve_unless_the_plan_says_so() {
    let mut desk = with_a_drafted_notice();
    let r = desk.reject(approve("N-1"));
    assert_eq!(codes(&r), ["self_approval"]);
    assert!(r.to_string().contains("drafted or revised by li.na"), "{r}");
    // A one-person desk says so in its plan, which the log then records.
    desk.run(Command::AdoptCommsPlan {
        plan: CommsPlan {
            allow_self_approval: true,
            ..CommsPlan::default()
        },
    })
    .run(approve("N-1"));
}

/// Attack: after approval, a fact the notice prints is relabelled internal, or its value is
/// replaced by an internal one (an attacker's C2 host in the measures taken). The approved
/// text would now carry it: the notice is stale, refused at send and at Disclose.
#[test]
fn a_relabelled_or_changed_fact_makes_the_approval_stale() {
    for change in ["relabel", "value"] {
        let mut desk = with_a_drafted_notice();
        desk.run_by("wang.fang", approve("N-1"));
        let key = WellKnownKey::MeasuresTaken.key();
        let mut fact = desk.incident.recorded_facts().get(&key).unwrap().clone();
        match change {
            "relabel" => fact.sensitivity = Sensitivity::Internal,
            _ => {
                fact.value = FactValue::Literal {
                    value: "blocked 203.0.113.7 (our C2 sinkhole)".into(),
                };
            }
        }
        desk.as_actor("zhang.min").run(Command::RecordFact(fact));
        let n = &desk.incident.notices()[&notice("N-1")];
        assert_eq!(
            n.stale_facts(&desk.incident.fact_sheet()),
            vec![key.clone()]
        );
        let r = desk.reject(sent("N-1"));
        assert_eq!(codes(&r), ["stale_approval"], "{change}");
        assert!(r.to_string().contains("`measures_taken`"), "{r}");
        let r = desk.reject(Command::Disclose {
            basis: DisclosureBasis::PublicNotice {
                notice_id: notice("N-1"),
            },
        });
        assert!(
            codes(&r).contains(&"stale_approval".to_owned()),
            "{change}: {r}"
        );
        // Approving again (after checking what changed) binds the new value; a fact
        // relabelled internal cannot be approved for customers at all.
        if change == "relabel" {
            let again = desk.reject_by("wang.fang", approve("N-1"));
            assert_eq!(codes(&again), ["above_clearance"]);
        } else {
            desk.run_by("wang.fang", approve("N-1")).run(sent("N-1"));
            let again = desk.reject_by("wang.fang", approve("N-1"));
            assert_eq!(codes(&again), ["notice_status"], "sent: nothing to approve");
        }
    }
}

/// Attack on the stored log: a forger holding it re-seals the chain after editing an
/// approval. The drafter named as the approver; the approval's bound facts trimmed so that
/// a fact changed since no longer makes it stale; the bound value replaced by the later
/// one. Replay asks the approval's guards again at that point of the log, and each forged
/// log is refused, naming what the guards say or which bound fact differs.
#[test]
fn an_edited_approval_does_not_replay() {
    let mut desk = with_a_drafted_notice();
    desk.run_by("wang.fang", approve("N-1"));
    let key = WellKnownKey::MeasuresTaken.key();
    let mut fact = desk.incident.recorded_facts().get(&key).unwrap().clone();
    fact.value = FactValue::Literal {
        value: "blocked 203.0.113.7 (our C2 sinkhole)".into(),
    };
    desk.as_actor("zhang.min").run(Command::RecordFact(fact));
    desk.assert_replays();
    let log = driver::log_lines(&desk);
    let at = |kind: &str| {
        log.iter()
            .rposition(|l| l["event"]["type"] == kind)
            .unwrap()
    };
    let approved = at("notice_approved");

    let mut forged = log.clone();
    forged[approved]["actor"] = "li.na".into();
    let err = driver::resealed_replay_error(forged);
    assert!(
        err.contains("notice_approved, recorded by li.na, is not what its command decides")
            && err.contains("drafted or revised by li.na"),
        "{err}"
    );

    let mut forged = log.clone();
    let bound = forged[approved]["event"]["bound"].as_object_mut().unwrap();
    assert!(bound.remove("measures_taken").is_some());
    let err = driver::resealed_replay_error(forged);
    assert!(
        err.contains("bound.measures_taken: stored absent, decided {"),
        "{err}"
    );

    // The seal of the later value bound instead, so the approval looks current and the
    // notice ready to send with a text nobody approved.
    let sheet = desk.incident.fact_sheet();
    let later = serde_json::to_value(sheet.get(&key).unwrap().seal().unwrap()).unwrap();
    let mut forged = log;
    assert_ne!(forged[approved]["event"]["bound"]["measures_taken"], later);
    forged[approved]["event"]["bound"]["measures_taken"] = later;
    let err = driver::resealed_replay_error(forged);
    assert!(err.contains("bound.measures_taken.value: stored"), "{err}");
}

/// A fact a notice would print is text someone can read: a text value needs a locale, and
/// neither a text nor a literal is blank or longer than its limit (20,000 and 2,000
/// characters). Each refusal names the member.
#[test]
fn a_fact_is_refused_blank_empty_or_too_long() {
    let mut desk = with_a_drafted_notice();
    let key = WellKnownKey::MeasuresTaken;
    let refused = |desk: &mut Desk, value: FactValue| {
        let r = desk.reject(Command::RecordFact(key.fact(value)));
        let json = serde_json::to_value(&r.unmet).unwrap();
        (
            codes(&r),
            json[0]["field"].as_str().unwrap_or("").to_owned(),
        )
    };
    let empty = FactValue::Text {
        by_locale: Default::default(),
    };
    assert_eq!(
        refused(&mut desk, empty),
        (vec!["missing".to_owned()], "value.by_locale".to_owned())
    );
    for (text, code) in [
        (" ".to_owned(), "empty_text"),
        ("字".repeat(20_001), "text_too_long"),
    ] {
        assert_eq!(
            refused(&mut desk, FactValue::text(Locale::ZhCn, text)),
            (vec![code.to_owned()], "value.by_locale".to_owned())
        );
    }
    for (value, code) in [
        (String::new(), "empty_text"),
        ("x".repeat(2_001), "text_too_long"),
    ] {
        assert_eq!(
            refused(&mut desk, FactValue::Literal { value }),
            (vec![code.to_owned()], "value.value".to_owned())
        );
    }
    // At the limits, both are recorded.
    desk.run(Command::RecordFact(
        key.fact(FactValue::text(Locale::ZhCn, "字".repeat(20_000))),
    ))
    .run(Command::RecordFact(key.fact(FactValue::Literal {
        value: "x".repeat(2_000),
    })));
}

/// Changing a fact the notice does not print leaves its approval standing.
#[test]
fn an_unrelated_fact_leaves_the_approval_standing() {
    let mut desk = with_a_drafted_notice();
    desk.run_by("wang.fang", approve("N-1"));
    desk.run(Command::RecordFact(Fact {
        key: FactKey::new("ioc.c2_address").unwrap(),
        value: FactValue::Literal {
            value: "203.0.113.7".into(),
        },
        sensitivity: Sensitivity::Internal,
        element: None,
    }));
    let n = &desk.incident.notices()[&notice("N-1")];
    assert!(n.stale_facts(&desk.incident.fact_sheet()).is_empty());
    desk.run(sent("N-1"));
}

/// Attack: a draft that lists no facts at all slips past the clearance check. The approval
/// checks every fact the notice can print: its elements' keys and the built-in template's.
#[test]
fn a_draft_without_facts_is_still_checked_against_its_audience() {
    let mut desk = with_a_drafted_notice();
    let mut cause = WellKnownKey::MeasuresTaken
        .fact(FactValue::text(Locale::En, "fixed").and(Locale::ZhCn, "已修复"));
    cause.sensitivity = Sensitivity::Internal;
    desk.as_actor("zhang.min").run(Command::RecordFact(cause));
    let draft = &desk.incident.notices()[&notice("N-1")].draft;
    assert!(draft.facts.is_empty(), "the draft declares no facts");
    assert!(draft
        .printed_facts()
        .contains(&WellKnownKey::MeasuresTaken.key()));
    let r = desk.reject_by("wang.fang", approve("N-1"));
    assert_eq!(codes(&r), ["above_clearance"]);
}

/// The plan shows a stale approval as such, and does not offer it to send.
#[test]
fn the_plan_does_not_offer_a_stale_notice_to_send() {
    let mut desk = with_a_drafted_notice();
    desk.as_actor("li.na").run(Command::AdoptCommsPlan {
        plan: CommsPlan::reference(),
    });
    // A planned initial notice, drafted by li.na, approved by the comms lead role holder.
    desk.run(Command::AssignRole {
        role: incident::Role::CommsLead,
        person: ActorId::new("wang.fang").unwrap(),
    });
    let Command::DraftNotice(draft) = complete_draft(
        "N-2",
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        &[Channel::Email],
    ) else {
        unreachable!()
    };
    desk.run(Command::DraftNotice(draft.plan_item(
        incident::id::PlanItemId::new("customer-initial").unwrap(),
    )));
    desk.run_by("wang.fang", approve("N-2"));
    let state = |desk: &Desk| {
        desk.incident
            .plan_schedule(None, desk.incident.updated_at())
            .unwrap()
            .entries
            .into_iter()
            .find(|e| e.notice.as_ref() == Some(&notice("N-2")))
            .unwrap()
            .state
    };
    assert_eq!(state(&desk), PlannedState::Approved {});
    let key = WellKnownKey::ContactPoints.key();
    let mut fact = desk.incident.recorded_facts().get(&key).unwrap().clone();
    fact.value = FactValue::Literal {
        value: "+86 400 000 0000".into(),
    };
    desk.run(Command::RecordFact(fact));
    assert_eq!(state(&desk), PlannedState::Stale {});
    let schedule = desk
        .incident
        .plan_schedule(None, desk.incident.updated_at())
        .unwrap();
    assert_eq!(schedule.ready_to_send().count(), 0);
}

/// Revising a notice: an approved one returns to draft and loses its approval; nobody who
/// wrote the text (the drafter, any reviser) may approve it again; a sent notice, a revision
/// that changes nothing and one without a channel are refused; replay gives the same state.
#[test]
fn a_revised_notice_returns_to_draft_and_no_writer_may_approve_it() {
    let mut desk = with_a_drafted_notice();
    desk.run_by("wang.fang", approve("N-1"));
    let draft = desk.incident.notices()[&notice("N-1")].draft.clone();
    let revision = |channels: &[Channel], note: &str| {
        Command::ReviseNotice(NoticeRevision {
            notice_id: notice("N-1"),
            channels: channels.iter().copied().collect(),
            elements: draft.elements.clone(),
            facts: draft.facts.clone(),
            note: note.into(),
        })
    };
    let r = desk.reject_by("zhang.min", revision(&[Channel::Email], "nothing new"));
    assert_eq!(codes(&r), ["no_change"]);
    let r = desk.reject_by("zhang.min", revision(&[], "no channel"));
    assert_eq!(codes(&r), ["missing"]);
    desk.run_by(
        "zhang.min",
        revision(&[Channel::Email, Channel::AppPush], "also by app push"),
    );
    let n = &desk.incident.notices()[&notice("N-1")];
    assert_eq!(n.status, NoticeStatus::Draft);
    assert_eq!((n.approved_by.as_ref(), n.approved_at), (None, None));
    assert!(n.bound.is_empty(), "the approval's binding is withdrawn");
    assert!(n.draft.channels.contains(&Channel::AppPush));
    assert_eq!(n.revisions.len(), 1);
    assert_eq!(n.revisions[0].by.as_str(), "zhang.min");
    // Withdrawn means withdrawn: it cannot go out on the old approval.
    assert_eq!(codes(&desk.reject(sent("N-1"))), ["notice_status"]);
    for writer in ["zhang.min", "li.na"] {
        let r = desk.reject_by(writer, approve("N-1"));
        assert_eq!(codes(&r), ["self_approval"], "{writer}");
        assert!(r.to_string().contains("drafted or revised by"), "{r}");
    }
    desk.run_by("wang.fang", approve("N-1")).run(sent("N-1"));
    let r = desk.reject_by("zhang.min", revision(&[Channel::Sms], "too late"));
    assert_eq!(
        codes(&r),
        ["notice_status"],
        "a sent notice is corrected, not revised"
    );
    assert_eq!(
        Incident::replay(desk.log.envelopes()).unwrap(),
        desk.incident
    );
}

// --- Review and Close wait for every regulatory report -----------------------------------

/// The desk default of the reference service: a payments platform in mainland China.
fn cn_payments() -> Regulation {
    Regulation::builtin(
        EntityProfile::new()
            .established_in(Jurisdiction::new("CN").unwrap())
            .entity_type(EntityType::CnNetworkOperator)
            .entity_type(EntityType::CnPbocInstitution)
            .time_zone(Zone::SHANGHAI)
            .calendar(CalendarId::new("cn").unwrap()),
    )
}

/// Seed 1 ready for review, on a desk that runs the CN payments regulation.
fn theft_under_cn_rules() -> Desk {
    let mut desk = seeds::platform_theft::platform_theft_until_review();
    desk.regulation = cn_payments();
    desk
}

fn filing(regime: &str, report: &str) -> Command {
    Command::RecordFiling {
        regime: RegimeId::new(regime).unwrap(),
        report: ReportId::new(report).unwrap(),
        submitted_at: None,
        reference: Some("receipt".into()),
    }
}

fn waiver(regime: &str, report: &str, legal_basis: &str) -> Command {
    Command::WaiveObligation {
        regime: RegimeId::new(regime).unwrap(),
        report: ReportId::new(report).unwrap(),
        legal_basis: legal_basis.into(),
    }
}

/// PIPL art. 57(2): where the measures taken effectively avoid harm, the processor need
/// not notify individuals (unless the authority requires it).
const PIPL_57_2: &str = "PIPL art. 57(2): the accounts were frozen and credentials reset before any misuse; the authority did not require notice";

fn owed(rejection: &incident::Rejection) -> Vec<(String, String)> {
    rejection
        .unmet
        .iter()
        .filter_map(|u| match u {
            Unmet::ReportOwed { regime, report, .. } => {
                Some((regime.to_string(), report.to_string()))
            }
            _ => None,
        })
        .collect()
}

/// Attack (by omission): an incident is closed while a regulator was never told. Review and
/// Close name every report still owed; a filing or a waiver with its legal basis clears it.
#[test]
fn review_and_close_wait_for_every_report_neither_filed_nor_waived() {
    let mut desk = theft_under_cn_rules();
    let all = [
        ("cn-dsl-29", "competent-department"),
        ("cn-dsl-29", "users"),
        ("cn-pboc", "incident-report"),
        ("cn-pipl-57", "authority"),
        ("cn-pipl-57", "individuals"),
    ];
    let r = desk.reject(Command::Review {});
    let expected: Vec<_> = all
        .iter()
        .map(|(g, p)| (g.to_string(), p.to_string()))
        .collect();
    assert_eq!(owed(&r), expected);
    assert!(
        r.to_string()
            .contains("cn-pboc / incident-report is still owed"),
        "{r}"
    );

    for (regime, report) in &all[..4] {
        desk.run(filing(regime, report));
    }
    let r = desk.reject(Command::Review {});
    assert_eq!(
        owed(&r),
        [("cn-pipl-57".to_owned(), "individuals".to_owned())]
    );
    desk.run(waiver("cn-pipl-57", "individuals", PIPL_57_2));
    desk.run(Command::Review {}).run(Command::Close {});
    assert_eq!(desk.incident.phase(), Phase::Closed);

    // The waiver is in the record, with who decided it and why; the obligation shows it.
    let obligations = desk.incident.obligations(&desk.regulation, desk.now);
    let individuals = obligations
        .obligations
        .iter()
        .find(|o| o.regime.as_str() == "cn-pipl-57" && o.report.as_str() == "individuals")
        .unwrap();
    assert!(matches!(
        individuals.status,
        ObligationStatus::Waived { .. }
    ));
    assert!(!individuals.status.is_owed());
    let facts = desk.incident.regulatory_facts();
    assert_eq!(facts.waivers.len(), 1);
    assert_eq!(facts.waivers[0].legal_basis, PIPL_57_2);
    assert_eq!(
        Incident::replay(desk.log.envelopes()).unwrap(),
        desk.incident
    );
}

/// Close checks again: a report that fell due after the review (here: a regime the host
/// added since) holds the incident open.
#[test]
fn close_checks_the_reports_again() {
    let mut desk = theft_under_cn_rules();
    desk.regulation = driver::no_regimes().clone();
    desk.run(Command::Review {});
    desk.regulation = cn_payments();
    let r = desk.reject(Command::Close {});
    assert_eq!(owed(&r).len(), 5, "{r}");
}

/// A waiver is a decision with a reason: an empty basis is refused, a filed report cannot
/// be waived (the filing stands), and the same report is waived once.
#[test]
fn a_waiver_needs_a_legal_basis_and_cannot_undo_a_filing() {
    let mut desk = theft_under_cn_rules();
    let r = desk.reject(waiver("cn-pipl-57", "individuals", "  "));
    assert_eq!(codes(&r), ["empty_text"]);
    desk.run(filing("cn-pboc", "incident-report"));
    let r = desk.reject(waiver("cn-pboc", "incident-report", PIPL_57_2));
    assert_eq!(codes(&r), ["no_change"]);
    desk.run(waiver("cn-pipl-57", "individuals", PIPL_57_2));
    let r = desk.reject(waiver("cn-pipl-57", "individuals", PIPL_57_2));
    assert_eq!(codes(&r), ["duplicate_id"]);
    // Another report of the regime is its own.
    desk.run(waiver("cn-pipl-57", "authority", PIPL_57_2));
    // A report the host's regulation does not have is refused, not recorded as waived
    // while the real one stays owed.
    let r = desk.reject(waiver("cn-pipl-57", "individual", PIPL_57_2));
    assert_eq!(codes(&r), ["unknown_report"]);
    assert!(
        r.to_string()
            .contains("its reports: authority, individuals"),
        "{r}"
    );
    let r = desk.reject(waiver("cn-pipl", "individuals", PIPL_57_2));
    assert_eq!(codes(&r), ["unknown_report"]);
    assert!(r.to_string().contains("it has no such regime"), "{r}");
}

/// A deferral repeats an earlier grant only for the same report of the same regime: the
/// same date granted for the regime's other report is a grant of its own.
#[test]
fn a_deferral_is_the_same_grant_only_for_the_same_report_of_the_same_regime() {
    let mut desk = theft_under_cn_rules();
    let until = desk.now + Duration::days(30);
    let defer = |report: &str| Command::RecordDeferral {
        regime: RegimeId::new("cn-pipl-57").unwrap(),
        report: ReportId::new(report).unwrap(),
        authority: "the Cyberspace Administration's local office".into(),
        until,
        reference: None,
    };
    desk.run(defer("authority"));
    assert_eq!(codes(&desk.reject(defer("authority"))), ["no_change"]);
    desk.run(defer("individuals"));
}

/// A waiver counts from when it was recorded: an obligation asked about as of an earlier
/// moment is still owed then (never a later decision read into the past).
#[test]
fn a_waiver_counts_only_from_when_it_was_recorded() {
    let mut desk = theft_under_cn_rules();
    let before = desk.now;
    desk.advance(10)
        .run(waiver("cn-pipl-57", "individuals", PIPL_57_2));
    let status_at = |at| {
        desk.incident
            .obligations(&desk.regulation, at)
            .obligations
            .into_iter()
            .find(|o| o.report.as_str() == "individuals" && o.regime.as_str() == "cn-pipl-57")
            .unwrap()
            .status
    };
    assert!(status_at(before).is_owed());
    assert!(matches!(
        status_at(desk.now),
        ObligationStatus::Waived { .. }
    ));
}

/// A host that passes no regulation cannot review or close: the crate will not guess that
/// no report is owed.
#[test]
fn without_the_hosts_regulation_review_and_close_are_refused() {
    let mut desk = theft_under_cn_rules();
    let ctx = Context::new(ActorId::new("zhang.min").unwrap(), desk.now);
    let r = desk.incident.decide(&Command::Review {}, &ctx).unwrap_err();
    assert_eq!(r.unmet, [Unmet::RegulationNotGiven {}]);
    let none = Regulation::without_regimes(EntityProfile::new());
    let r = desk
        .incident
        .decide(&Command::Review {}, &ctx.clone().with_regulation(&none));
    assert!(r.is_ok(), "{r:?}");

    desk.regulation = none;
    desk.run(Command::Review {});
    let r = desk.incident.decide(&Command::Close {}, &ctx).unwrap_err();
    assert_eq!(r.unmet, [Unmet::RegulationNotGiven {}]);
}
