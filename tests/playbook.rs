//! Playbooks through the public API: activating each built-in gives the expected actions,
//! drafts and obligations (golden files under `tests/golden/playbook/`, rewritten with
//! `UPDATE_GOLDEN=1 cargo test --test playbook`); every kind of bad reference is refused
//! when the playbook is built or loaded, all at once; activation later works as at
//! declaration; replaying the activation reproduces the state; and due times keep the
//! playbook's offsets at any detection time.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;
mod golden;

use chrono::{DateTime, Duration, TimeZone as _, Utc};
use driver::{actor, at, id, Desk};
use incident::classify::Jurisdiction;
use incident::first_hour::FirstHour;
use incident::id::{ActionId, CalendarId, PlanItemId, PlaybookRoleId, RegimeId};
use incident::locale::{Locale, Zone};
use incident::playbook::*;
use incident::regulation::{EntityProfile, EntityType, Regulation};
use incident::review::DrillStandard;
use incident::*;
use proptest::prelude::*;

/// The stated regulation: a network operator in mainland China that is also a securities
/// firm for the securities playbooks and a PBOC-supervised institution for the payments one.
fn regulation(playbook: &Playbook) -> Regulation {
    let mut profile = EntityProfile::new()
        .established_in(Jurisdiction::new("CN").unwrap())
        .entity_type(EntityType::CnNetworkOperator)
        .time_zone(Zone::SHANGHAI)
        .calendar(CalendarId::new("cn").unwrap());
    let id = playbook.id().as_str();
    if id.starts_with("securities.") {
        profile = profile.entity_type(EntityType::CnSecuritiesFirm);
    }
    if id.starts_with("payments.") {
        profile = profile.entity_type(EntityType::CnPbocInstitution);
    }
    Regulation::builtin(profile)
}

fn declare_with(playbook: &Playbook, detected: DateTime<Utc>, locale: Locale) -> Declare {
    Declare::new(
        id(7),
        playbook.scope().kind,
        "Exercise: playbook activation",
    )
    .detection(DetectionSource::Monitoring, detected)
    .severity(Severity::Sev1)
    .owner(actor("zhang.min"))
    .playbook(
        Activation::new(playbook.clone(), locale)
            .staff(PlaybookRoleId::new("security").unwrap(), actor("li.qiang")),
    )
}

/// Each built-in, declared with its playbook in both languages: the events in words and the
/// first-hour checklist under the stated regulation ([`regulation`]), five minutes after
/// detection.
#[test]
fn activation_of_each_builtin_matches_the_golden_files() {
    let detected = at(2026, 3, 14, 1, 30);
    let mut drift = Vec::new();
    for playbook in builtin_playbooks() {
        let regulation = regulation(&playbook);
        for (locale, tag) in [(Locale::ZhCn, "zh-CN"), (Locale::En, "en")] {
            let ctx = Context::new(actor("soc"), detected + Duration::minutes(1));
            let envelopes = Incident::declare(&declare_with(&playbook, detected, locale), &ctx)
                .unwrap_or_else(|r| panic!("{}: {r}", playbook.id()));
            let incident = Incident::replay(&envelopes).unwrap();
            let mut text = String::from("# events\n");
            for e in &envelopes {
                text.push_str(&format!("{} {}\n", e.sequence(), e.event()));
            }
            text.push_str("\n# first hour\n");
            let first = FirstHour::of(
                &incident,
                Some(&regulation),
                detected + Duration::minutes(5),
            );
            text.push_str(&first.render(locale, Zone::SHANGHAI));
            let name = format!("{}.{tag}.txt", playbook.id());
            drift.extend(golden::check_golden("playbook", &name, &text));
        }
    }
    assert!(
        drift.is_empty(),
        "{}\n\nIf the change is intended, run `UPDATE_GOLDEN=1 cargo test --test playbook` and review the diff.",
        drift.join("\n\n")
    );
}

#[test]
fn declaring_with_a_playbook_records_everything_in_one_command_and_sends_nothing() {
    let playbook = builtin_playbook("securities.account-takeover").unwrap();
    let detected = at(2026, 3, 14, 1, 30);
    let desk = Desk::declare(
        declare_with(&playbook, detected, Locale::En),
        detected,
        "soc",
    );
    let incident = &desk.incident;
    let names: Vec<&str> = desk
        .log
        .envelopes()
        .iter()
        .map(|e| e.event().name())
        .collect();
    assert_eq!(names[..2], ["incident_declared", "playbook_activated"]);
    assert_eq!(
        names.iter().filter(|n| **n == "action_added").count(),
        playbook.steps().len() + playbook.feedback().len(),
        "one action per step and one per feedback channel"
    );
    assert_eq!(
        names.iter().filter(|n| **n == "comms_plan_adopted").count(),
        1
    );
    assert_eq!(names.iter().filter(|n| **n == "notice_drafted").count(), 2);
    assert!(!names.contains(&"notice_sent"));
    let active = incident.playbook().unwrap();
    assert_eq!(active.pin, playbook.pin().unwrap());
    // The security lead was named; the commander maps to the declared owner; the rest wait.
    let freeze = &incident.actions()[&ActionId::new("block-indicators").unwrap()];
    assert_eq!(freeze.owner, Some(actor("li.qiang")));
    let drill = &incident.actions()[&ActionId::new("yearly-drill").unwrap()];
    assert_eq!(drill.owner, Some(actor("zhang.min")));
    assert!(active
        .roles_to_fill
        .contains(&PlaybookRoleId::new("fraud").unwrap()));
    assert!(!active
        .roles_to_fill
        .contains(&PlaybookRoleId::new("security").unwrap()));
    assert_eq!(
        DrillStandard::for_playbook(&active.playbook).contain_within_seconds,
        30 * 60
    );
}

#[test]
fn activating_later_gives_the_same_actions_and_a_second_activation_is_refused() {
    let playbook = builtin_playbook("ransomware").unwrap();
    let detected = at(2026, 5, 2, 8, 0);
    let plain = Declare::new(id(9), IncidentKind::Ransomware, "File servers encrypted")
        .detection(DetectionSource::Monitoring, detected)
        .severity(Severity::Sev1)
        .owner(actor("zhang.min"));
    let mut desk = Desk::declare(plain, detected, "soc");
    desk.advance(20)
        .run(Command::ActivatePlaybook(Activation::new(
            playbook.clone(),
            Locale::ZhCn,
        )));
    for step in playbook.steps() {
        let action = &desk.incident.actions()[&step.id];
        assert_eq!(
            action.due,
            Some(detected + Duration::minutes(step.due_after_minutes))
        );
        assert_eq!(action.title, step.title[&Locale::ZhCn]);
    }
    let again = desk.reject(Command::ActivatePlaybook(Activation::new(
        playbook,
        Locale::En,
    )));
    assert!(again.to_string().contains("already active"), "{again}");
}

#[test]
fn a_playbook_for_another_kind_or_language_is_refused() {
    let detected = at(2026, 5, 2, 8, 0);
    let plain = Declare::new(
        id(9),
        IncidentKind::DataBreach,
        "Customer records exfiltrated",
    )
    .detection(DetectionSource::Monitoring, detected)
    .severity(Severity::Sev1)
    .owner(actor("zhang.min"));
    let mut desk = Desk::declare(plain, detected, "soc");
    let wrong_kind = desk.reject(Command::ActivatePlaybook(Activation::new(
        builtin_playbook("ransomware").unwrap(),
        Locale::En,
    )));
    assert!(
        wrong_kind.to_string().contains("reclassify"),
        "{wrong_kind}"
    );
    let wrong_locale = desk.reject(Command::ActivatePlaybook(Activation::new(
        builtin_playbook("payments.data-funds-theft").unwrap(),
        Locale::ZhHk,
    )));
    assert!(wrong_locale.to_string().contains("zh-HK"), "{wrong_locale}");
}

/// `playbook` declared in zh-CN at `detected`, after checking that its log, written out and
/// read back, replays to the same state.
fn activated(playbook: &Playbook, detected: DateTime<Utc>) -> Desk {
    let desk = Desk::declare(
        declare_with(playbook, detected, Locale::ZhCn),
        detected,
        "soc",
    );
    let json = serde_json::to_string(desk.log.envelopes()).unwrap();
    let back: Vec<Envelope> = serde_json::from_str(&json).unwrap();
    assert_eq!(Incident::replay(&back).unwrap(), desk.incident);
    desk
}

#[test]
fn replaying_the_activation_reproduces_the_state_and_a_tampered_text_is_refused() {
    let playbook = builtin_playbook("payments.data-funds-theft").unwrap();
    let desk = activated(&playbook, at(2026, 3, 14, 1, 30));
    let json = serde_json::to_string(desk.log.envelopes()).unwrap();
    // The playbook text in the log is bound to its pin: another text fails replay even when
    // the chain is resealed.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value[1]["event"]["playbook_text"]["targets"]["contain_within_minutes"] = 999.into();
    let altered: Result<Vec<Envelope>, _> = serde_json::from_value(value);
    if let Ok(altered) = altered {
        let err = Incident::replay(&altered).unwrap_err().to_string();
        assert!(err.contains("digest") || err.contains("chain"), "{err}");
    }
}

/// A draft made at activation carries the facts known then; a revision refreshed from the
/// fact sheet picks up what the team recorded afterwards (the elements those facts provide),
/// never a fact above the audience's clearance, and keeps the draft's channels.
#[test]
fn a_draft_made_at_activation_picks_up_facts_recorded_later() {
    let playbook = builtin_playbook("payments.data-funds-theft").unwrap();
    let mut desk = activated(&playbook, at(2026, 3, 14, 1, 30));
    let id = id::NoticeId::new(playbook.comms().first_customer_notice.as_str()).unwrap();
    let before = desk.incident.notices()[&id].clone();
    let missing_before = desk.incident.missing_elements(&before);
    let contact = comms::WellKnownKey::ContactPoints;
    let element = contact.element().unwrap();
    assert!(missing_before.contains(&element), "{missing_before:?}");
    desk.run(Command::RecordFact(contact.fact(comms::FactValue::text(
        Locale::ZhCn,
        "客服热线 95xxx（7×24小时）",
    ))));
    desk.run(Command::RecordFact(comms::Fact {
        key: id::FactKey::new("ioc.c2_address").unwrap(),
        value: comms::FactValue::Literal {
            value: "203.0.113.7".into(),
        },
        sensitivity: comms::Sensitivity::Internal,
        element: None,
    }));
    let revision =
        comms::NoticeRevision::refreshed(&before.draft, &desk.incident.fact_sheet(), "热线已开通");
    desk.run(Command::ReviseNotice(revision));
    let after = &desk.incident.notices()[&id];
    assert!(after.draft.facts.contains(&contact.key()));
    assert!(!after
        .draft
        .facts
        .iter()
        .any(|k| k.as_str() == "ioc.c2_address"));
    assert!(after.draft.elements.contains(&element));
    assert_eq!(after.draft.channels, before.draft.channels);
    assert!(before.draft.elements.is_subset(&after.draft.elements));
    let missing_after = desk.incident.missing_elements(after);
    assert!(!missing_after.contains(&element), "{missing_after:?}");
    // Refreshing again changes nothing, and says so.
    let again =
        comms::NoticeRevision::refreshed(&after.draft, &desk.incident.fact_sheet(), "again");
    assert_eq!(
        driver::codes(&desk.reject(Command::ReviseNotice(again))),
        ["no_change"]
    );
}

/// A builder that passes, to break one thing at a time.
fn sound() -> PlaybookBuilder {
    builtin_playbook("third-party.compromise")
        .unwrap()
        .to_builder()
}

fn problems(builder: PlaybookBuilder) -> Vec<PlaybookProblem> {
    builder.build().unwrap_err().problems
}

#[test]
fn a_step_naming_an_unknown_role_is_refused() {
    let mut b = sound();
    b.steps[0].owner = PlaybookRoleId::new("night-watch").unwrap();
    assert!(
        matches!(&problems(b)[..], [PlaybookProblem::UnknownRole { role, .. }] if role.as_str() == "night-watch")
    );
}

#[test]
fn an_unknown_regime_is_refused() {
    let mut b = sound();
    b.regimes.push(RegimeId::new("xx-made-up").unwrap());
    assert!(matches!(
        &problems(b)[..],
        [PlaybookProblem::UnknownRegime { .. }]
    ));
}

/// A firm's own regime (here the CSRC rules under the firm's id) is refused by the built-in
/// catalogue and accepted for the host that runs it. The playbook records it, loads again
/// without the catalogue with the same pin, and a host that does not run it finds out with
/// `check_against`. Activated, the first-hour page evaluates it under the host's regulation
/// and names it as not evaluated under a regulation without it.
#[test]
fn a_firm_regime_is_accepted_for_the_host_that_runs_it_and_recorded_in_the_playbook() {
    let own = RegimeId::new("firm-escalation").unwrap();
    let base = builtin_playbook("securities.account-takeover").unwrap();
    let mut b = base.to_builder();
    b.regimes.push(own.clone());
    assert!(matches!(
        &problems(b.clone())[..],
        [PlaybookProblem::UnknownRegime { regime }] if *regime == own
    ));
    let builtin_only = regulation(&base);
    let mut host = builtin_only.clone();
    let mut firm = incident::regulation::cn_csrc();
    firm.id = own.clone();
    firm.name = "Firm escalation rule".to_owned();
    host.regimes.push(firm);
    let catalogue = Catalogue::of(&host);
    let playbook = b.build_for(&catalogue).unwrap();
    assert_eq!(playbook.host_references().regimes, vec![own.clone()]);

    let json = serde_json::to_value(&playbook).unwrap();
    assert_eq!(
        json["host"],
        serde_json::json!({ "regimes": ["firm-escalation"] })
    );
    let back: Playbook = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back.pin().unwrap(), playbook.pin().unwrap());
    let mut undeclared = json;
    undeclared.as_object_mut().unwrap().remove("host");
    let err = serde_json::from_value::<Playbook>(undeclared)
        .unwrap_err()
        .to_string();
    assert!(err.contains("firm-escalation"), "{err}");

    assert!(playbook.check_against(&catalogue).is_ok());
    let missing = playbook.check_against(&Catalogue::builtin()).unwrap_err();
    assert!(matches!(
        &missing.problems[..],
        [PlaybookProblem::HostRegimeMissing { regime }] if *regime == own
    ));
    assert!(base.host_references().is_empty());
    assert!(serde_json::to_value(&base).unwrap().get("host").is_none());

    let detected = at(2026, 3, 14, 1, 30);
    let desk = activated(&playbook, detected);
    let later = detected + Duration::minutes(5);
    let evaluated = FirstHour::of(&desk.incident, Some(&host), later);
    assert!(evaluated.regimes_not_evaluated.is_empty());
    let without = FirstHour::of(&desk.incident, Some(&builtin_only), later);
    assert_eq!(without.regimes_not_evaluated, vec![own]);
}

/// Activation opens each feedback channel the playbook lists (the seed's hotline, online
/// service and social media): one action per channel, owned by its role, due within its
/// minutes of detection; the playbook's first-response targets feed the inquiry figures.
#[test]
fn activation_opens_each_feedback_channel_with_its_owner_due_time_and_target() {
    let playbook = builtin_playbook("payments.data-funds-theft").unwrap();
    let detected = at(2026, 3, 14, 1, 30);
    let desk = activated(&playbook, detected);
    assert!(!playbook.feedback().is_empty());
    for channel in playbook.feedback() {
        let id = channel.action_id().unwrap();
        let action = desk
            .incident
            .actions()
            .get(&id)
            .unwrap_or_else(|| panic!("{id}"));
        assert_eq!(
            action.due,
            Some(detected + Duration::minutes(channel.open_within_minutes.into()))
        );
        assert_eq!(action.title, channel.action_title(Locale::ZhCn));
    }
    let hotline = ActionId::new("open-hotline").unwrap();
    assert_eq!(
        desk.incident.actions()[&hotline].title,
        "开通客服热线受理客户咨询，10 分钟内首次响应"
    );
    let sla = playbook.sla_targets();
    assert_eq!(
        sla.first_response_target(incident::comms::Channel::Hotline),
        Duration::minutes(10)
    );
    assert_eq!(
        sla.first_response_target(incident::comms::Channel::OnlineChat),
        Duration::minutes(5)
    );
}

#[test]
fn a_step_taking_a_feedback_channels_id_or_a_channel_listed_twice_is_refused() {
    let mut b = sound();
    b.steps[0].id = ActionId::new("open-hotline").unwrap();
    assert!(
        matches!(&problems(b)[..], [PlaybookProblem::DuplicateStep { step }] if step == "open-hotline")
    );
    let mut b = sound();
    let again = b.feedback[0].clone();
    b.feedback.push(again);
    assert!(matches!(
        &problems(b)[..],
        [PlaybookProblem::DuplicateStep { .. }]
    ));
}

#[test]
fn an_unknown_message_is_refused() {
    let mut b = sound();
    b.comms.first_customer_notice = PlanItemId::new("no-such-item").unwrap();
    assert!(matches!(
        &problems(b)[..],
        [PlaybookProblem::UnknownMessage { .. }]
    ));
}

#[test]
fn a_message_without_a_template_is_refused() {
    let mut b = sound();
    b.locales.insert(Locale::ZhHk);
    // Every text lacks zh-HK too; the template check is among the problems.
    let all = problems(b);
    assert!(all
        .iter()
        .any(|p| matches!(p, PlaybookProblem::MissingTranslation { .. })));
    let mut b = sound();
    let item = b
        .comms
        .plan
        .items
        .iter_mut()
        .find(|i| i.id.as_str() == "media-holding")
        .unwrap();
    item.audience = comms::Audience::Partners;
    let all = problems(b);
    assert!(
        all.iter()
            .any(|p| matches!(p, PlaybookProblem::WrongMessage { .. })),
        "{all:?}"
    );
}

#[test]
fn an_invalid_policy_is_refused_when_loaded() {
    let mut value =
        serde_json::to_value(builtin_playbook("payments.data-funds-theft").unwrap()).unwrap();
    value["compensation"]["currency"] = "USD".into(); // its amounts are in CNY
    let err = serde_json::from_value::<Playbook>(value)
        .unwrap_err()
        .to_string();
    assert!(err.contains("compensation policy is invalid"), "{err}");
}

#[test]
fn duplicate_steps_and_negative_offsets_are_refused() {
    let mut b = sound();
    let first = b.steps[0].clone();
    b.steps.push(first);
    b.steps[1].due_after_minutes = -5;
    let all = problems(b);
    assert!(all
        .iter()
        .any(|p| matches!(p, PlaybookProblem::DuplicateStep { .. })));
    assert!(all
        .iter()
        .any(|p| matches!(p, PlaybookProblem::NegativeOffset { minutes: -5, .. })));
}

#[test]
fn loading_lists_every_problem_at_once() {
    let mut value = serde_json::to_value(builtin_playbook("ransomware").unwrap()).unwrap();
    value["version"] = 0.into();
    value["regimes"] = serde_json::json!(["xx-made-up"]);
    value["steps"][0]["owner"] = "night-watch".into();
    value["steps"][1]["due_after_minutes"] = (-1).into();
    let err = serde_json::from_value::<Playbook>(value)
        .unwrap_err()
        .to_string();
    for needle in [
        "version is 0",
        "xx-made-up",
        "night-watch",
        "cannot be negative",
    ] {
        assert!(err.contains(needle), "{needle} missing from: {err}");
    }
}

proptest! {
    /// Whatever the detection time, each action is due exactly its step's offset after it.
    #[test]
    fn due_times_keep_the_offsets_at_any_detection_time(
        secs in 0i64..4_000_000_000,
        which in 0usize..5,
    ) {
        let playbook = builtin_playbooks().swap_remove(which);
        let detected = Utc.timestamp_opt(secs, 0).unwrap();
        let actions = playbook
            .actions(detected, Locale::En, &Staffing::new(), &Default::default())
            .unwrap();
        for (action, step) in actions.iter().zip(playbook.steps()) {
            prop_assert_eq!(action.due.unwrap() - detected, Duration::minutes(step.due_after_minutes));
        }
    }
}
