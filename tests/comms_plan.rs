//! Communication plans and sensitivity through the public API: facts with labels, the
//! clearance check at approval (an internal indicator never reaches a press release),
//! approval by the plan's role, cadence scheduling across phase changes, overdue and
//! next-due answers, regulator reports from obligations, and the Disclose guard under a
//! plan.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod driver;

use chrono::Duration;
use incident::actions::*;
use incident::classify::*;
use incident::comms::*;
use incident::id::*;
use incident::lifecycle::*;
use incident::locale::*;
use incident::regulation::*;
use incident::*;

use driver::commands::*;
use driver::*;
use proptest::prelude::*;

fn key(s: &str) -> FactKey {
    FactKey::new(s).unwrap()
}

fn item(s: &str) -> PlanItemId {
    PlanItemId::new(s).unwrap()
}

fn fact(k: &str, sensitivity: Sensitivity, element: Option<ContentElement>) -> Command {
    Command::RecordFact(Fact {
        key: key(k),
        value: FactValue::text(Locale::En, format!("text of {k}")).and(Locale::ZhCn, "文本"),
        sensitivity,
        element,
    })
}

/// The platform-theft case: detected, with owner zhang.min, comms lead li.na, legal wang.fang.
fn desk() -> Desk {
    let mut impact = Impact::default();
    impact.people.estimated = Some(12_000);
    impact.data_categories.insert(DataCategory::ContactDetails);
    impact
        .data_categories
        .insert(DataCategory::FinancialAccount);
    let declare = Declare::new(
        IncidentId::from_bytes([9; 16]),
        IncidentKind::DataBreach,
        "Customer data and funds stolen",
    )
    .detection(DetectionSource::CustomerReport, at(2026, 3, 14, 1, 30))
    .occurred_at(at(2026, 3, 13, 22, 0), true)
    .severity(Severity::Sev1)
    .owner(actor("zhang.min"))
    .impact(impact);
    let mut d = Desk::declare(declare, at(2026, 3, 14, 1, 40), "zhang.min");
    d.run(Command::AssignRole {
        role: Role::CommsLead,
        person: actor("li.na"),
    });
    d.run(Command::AssignRole {
        role: Role::Legal,
        person: actor("wang.fang"),
    });
    d
}

/// The containment action the plans wait for: accounts frozen, done.
fn freeze_accounts(d: &mut Desk) {
    d.run(add_action(
        "C1",
        ActionKind::Containment,
        "freeze accounts",
        Some("ops"),
        None,
        Some(Measure::FreezeAccounts),
    ));
    d.run(complete("C1"));
}

/// A draft of `kind` for `audience` on `channel` carrying every required element.
fn full_draft(id: &str, kind: MessageKind, audience: Audience, channel: Channel) -> NoticeDraft {
    NoticeDraft::new(NoticeId::new(id).unwrap(), kind, audience)
        .channels([channel])
        .elements(ElementRules::defaults().required_in(kind, audience, Situation::EVERY))
}

fn holding(id: &str, facts: &[&str]) -> Command {
    Command::DraftNotice(
        full_draft(
            id,
            MessageKind::HoldingStatement,
            Audience::Media,
            Channel::PressRelease,
        )
        .facts(facts.iter().map(|f| key(f))),
    )
}

#[test]
fn an_internal_indicator_of_compromise_never_reaches_a_press_release() {
    let mut d = desk();
    d.run(Command::RecordFact(Fact {
        key: key("ioc.c2_address"),
        value: FactValue::Literal {
            value: "203.0.113.7".into(),
        },
        sensitivity: Sensitivity::Internal,
        element: None,
    }));
    d.run(fact(
        "measures_taken",
        Sensitivity::Public,
        Some(ContentElement::MeasuresTaken),
    ));
    d.run(holding(
        "PR-1",
        &["measures_taken", "ioc.c2_address", "people_affected"],
    ));
    let rejection = d.as_actor("li.na").reject(approve("PR-1"));
    assert_eq!(codes(&rejection), vec!["above_clearance"]);
    let text = rejection.to_string();
    assert!(
        text.contains("fact `ioc.c2_address` is internal and may not go to media"),
        "{text}"
    );
    // Not even regulators get internal facts; restricted ones they do.
    d.run(fact("root_cause", Sensitivity::Restricted, None));
    let report = |id: &str, facts: &[&str]| {
        Command::DraftNotice(
            full_draft(
                id,
                MessageKind::RegulatorReport,
                Audience::Regulators,
                Channel::RegulatorPortal,
            )
            .facts(facts.iter().map(|f| key(f))),
        )
    };
    d.run(report("REG-1", &["root_cause", "ioc.c2_address"]));
    assert_eq!(
        codes(&d.reject_by("second.pair", approve("REG-1"))),
        vec!["above_clearance"]
    );
    d.run(report("REG-2", &["root_cause", "funds_involved_unknown"]));
    assert_eq!(
        codes(&d.reject_by("second.pair", approve("REG-2"))),
        vec!["unknown_id"]
    );
    d.run(report("REG-3", &["root_cause", "people_affected"]));
    d.run_by("second.pair", approve("REG-3"));
    // The same press release without the indicator is approved.
    d.run(holding("PR-2", &["measures_taken", "people_affected"]));
    d.run_by("second.pair", approve("PR-2"));
    // Relabelling a fact is an event too: a restricted root cause may not go to the press.
    d.run(holding("PR-3", &["root_cause"]));
    assert_eq!(
        codes(&d.reject_by("second.pair", approve("PR-3"))),
        vec!["above_clearance"]
    );
    d.run(fact("root_cause", Sensitivity::Public, None));
    d.run_by("second.pair", approve("PR-3"));
    d.assert_replays();
}

#[test]
fn derived_facts_carry_conservative_labels() {
    let d = desk();
    let sheet = d.incident.fact_sheet();
    assert_eq!(
        sheet.get(&key("people_affected")).unwrap().sensitivity,
        Sensitivity::Public
    );
    assert_eq!(
        sheet.get(&key("occurred_at")).unwrap().element,
        Some(ContentElement::OccurredAt)
    );
    assert_eq!(
        sheet.get(&key("data_categories")).unwrap().element,
        Some(ContentElement::DataCategories)
    );
    assert!(sheet.get(&key("funds_involved")).is_none());
    let mut d = d;
    d.run(Command::UpdateImpact {
        update: ImpactUpdate::default().funds_involved("1200000.00 CNY".parse().unwrap()),
        reason: None,
    });
    assert_eq!(
        d.incident
            .fact_sheet()
            .get(&key("funds_involved"))
            .unwrap()
            .sensitivity,
        Sensitivity::Restricted
    );
}

#[test]
fn planned_notices_are_approved_by_the_plan_role_and_scheduled_across_phases() {
    let mut d = desk();
    let plan = CommsPlan::reference();
    d.run(Command::AdoptCommsPlan { plan: plan.clone() });
    let t0 = d.incident.entered_at(Phase::Detected).unwrap();

    // At detection: staff and agents first (1 h), then customers (2 h), then the press
    // (3 h); the first update, the guide and the FAQ a day later.
    let s = plan.schedule(d.incident.plan_view(), None, d.now);
    let items: Vec<_> = s.entries.iter().map(|e| e.item.as_str()).collect();
    assert_eq!(
        items,
        vec![
            "hotline-script",
            "staff-briefing",
            "customer-initial",
            "media-holding",
            "spokesperson-qa",
            "customer-updates",
            "faq",
            "identity-theft-guide"
        ]
    );
    assert_eq!(s.next_due().unwrap().due_at, Some(t0 + Duration::hours(1)));
    assert_eq!(s.overdue().count(), 0);
    let later = plan.schedule(d.incident.plan_view(), None, t0 + Duration::minutes(150));
    assert_eq!(
        later.overdue().map(|e| e.item.as_str()).collect::<Vec<_>>(),
        vec!["hotline-script", "staff-briefing", "customer-initial"]
    );

    // A draft must match its plan item; approval needs the plan's role.
    let wrong = Command::DraftNotice(
        NoticeDraft::new(
            NoticeId::new("X").unwrap(),
            MessageKind::Update,
            Audience::Media,
        )
        .channels([Channel::PressRelease])
        .plan_item(item("media-holding")),
    );
    assert_eq!(codes(&d.reject(wrong)), vec!["plan_item_mismatch"]);
    let unknown = Command::DraftNotice(
        NoticeDraft::new(
            NoticeId::new("X").unwrap(),
            MessageKind::Update,
            Audience::Media,
        )
        .channels([Channel::PressRelease])
        .plan_item(item("nope")),
    );
    assert_eq!(codes(&d.reject(unknown)), vec!["unknown_id"]);
    let Command::DraftNotice(draft) = holding("PR-1", &["people_affected"]) else {
        unreachable!()
    };
    d.run(Command::DraftNotice(draft.plan_item(item("media-holding"))));
    let by_owner = d.as_actor("zhang.min").reject(approve("PR-1"));
    // The owner is not the plan's approver, and drafted it besides (four eyes).
    assert_eq!(codes(&by_owner), vec!["not_the_approver", "self_approval"]);
    assert!(
        by_owner
            .to_string()
            .contains("comms_lead approves (now li.na)"),
        "{by_owner}"
    );
    d.as_actor("li.na").run(approve("PR-1"));
    let holding_entry = |s: &Schedule| {
        s.entries
            .iter()
            .find(|e| e.item.as_str() == "media-holding")
            .unwrap()
            .state
    };
    let s = plan.schedule(d.incident.plan_view(), None, d.now);
    assert_eq!(holding_entry(&s), PlannedState::Approved {});
    assert_eq!(s.ready_to_send().count(), 1);
    // The host's per-append list, computed over the drafted notices only, says the same.
    let ready = plan.ready(d.incident.plan_view(), d.now);
    assert_eq!(ready, s.ready_to_send().cloned().collect::<Vec<_>>());
    d.run(sent("PR-1"));
    assert!(plan.ready(d.incident.plan_view(), d.now).is_empty());
    let s = plan.schedule(d.incident.plan_view(), None, d.now);
    assert!(matches!(holding_entry(&s), PlannedState::Sent { .. }));
    assert_eq!(s.ready_to_send().count(), 0);

    // Contain: the 24-hourly updates run on from detection.
    freeze_accounts(&mut d);
    d.advance(60);
    let contained_at = d.now;
    d.run(Command::Contain {
        contained_at: Some(contained_at),
    });
    let at = t0 + Duration::hours(50);
    let s = plan.schedule(d.incident.plan_view(), None, at);
    let updates: Vec<_> = s
        .entries
        .iter()
        .filter(|e| e.item.as_str() == "customer-updates")
        .collect();
    // Due at +24 h, +48 h, and the next at +72 h.
    assert_eq!(updates.len(), 3);
    assert_eq!(updates[0].due_at, Some(t0 + Duration::hours(24)));
    assert_eq!(updates[2].due_at, Some(t0 + Duration::hours(72)));
    assert!(updates[0].overdue && updates[1].overdue && !updates[2].overdue);
    assert!(s.overdue().any(|e| e.item.as_str() == "customer-initial"));

    // Disclose under the plan: only the planned initial notice discloses.
    let initial = |id: &str, planned: bool| {
        let mut draft = full_draft(
            id,
            MessageKind::InitialNotice,
            Audience::AffectedCustomers,
            Channel::Email,
        );
        if planned {
            draft = draft.plan_item(item("customer-initial"));
        }
        Command::DraftNotice(draft)
    };
    d.run(initial("N-unplanned", false));
    d.run_by("second.pair", approve("N-unplanned"));
    let disclose = |id: &str| Command::Disclose {
        basis: DisclosureBasis::PublicNotice {
            notice_id: NoticeId::new(id).unwrap(),
        },
    };
    assert_eq!(
        codes(&d.reject(disclose("N-unplanned"))),
        vec!["unplanned_disclosure"]
    );
    // Drafted by another hand, approved by the plan's approver (the comms lead).
    d.run_by("wang.fang", initial("N-1", true));
    d.as_actor("li.na").run(approve("N-1"));
    d.run(disclose("N-1"));
    d.run(sent("N-1"));

    // Updates drafted for the cadence fill its occurrences in order.
    for n in 1..=2 {
        let id = format!("U-{n}");
        d.run(Command::DraftNotice(
            full_draft(
                &id,
                MessageKind::Update,
                Audience::AffectedCustomers,
                Channel::Email,
            )
            .plan_item(item("customer-updates")),
        ));
    }
    let s = plan.schedule(d.incident.plan_view(), None, d.now);
    let updates: Vec<_> = s
        .entries
        .iter()
        .filter(|e| e.item.as_str() == "customer-updates")
        .collect();
    assert_eq!(
        updates[0].notice.as_ref().map(NoticeId::as_str),
        Some("U-1")
    );
    assert_eq!(updates[0].state, PlannedState::Drafted {});

    // Leaving the cadence's phases stops it: after remediation no update is scheduled past it.
    d.run(Command::DeclareCompensationNotApplicable {
        reason: "no loss".into(),
    });
    d.advance(60 * 24 * 4);
    let remediated_at = d.now;
    d.run(Command::Remediate {});
    let s = plan.schedule(
        d.incident.plan_view(),
        None,
        remediated_at + Duration::days(10),
    );
    assert!(s
        .entries
        .iter()
        .filter(|e| e.item.as_str() == "customer-updates")
        .all(|e| e.due_at.unwrap() <= remediated_at));
    assert!(s
        .entries
        .iter()
        .any(|e| e.item.as_str() == "customer-resolution"
            && e.due_at == Some(remediated_at + Duration::hours(72))));
    d.assert_replays();
}

#[test]
fn an_unplanned_disclosure_names_only_the_plan_items_for_an_initial_notice_to_customers() {
    let mut d = desk();
    // Besides the reference plan's customer items of other kinds (updates, guide, FAQ,
    // resolution), an initial notice to partners: neither kind can disclose.
    let mut plan = CommsPlan::reference();
    plan.items.push(PlanItem {
        id: item("partner-initial"),
        kind: MessageKind::InitialNotice,
        audience: Audience::Partners,
        channels: [Channel::Email].into(),
        trigger: PlanTrigger::Phase {
            phase: Phase::Contained,
            within_minutes: 24 * 60,
        },
        approver: Role::CommsLead,
    });
    d.run(Command::AdoptCommsPlan { plan });
    freeze_accounts(&mut d);
    let contained_at = Some(d.now);
    d.run(Command::Contain { contained_at });
    d.run(Command::DraftNotice(full_draft(
        "N-unplanned",
        MessageKind::InitialNotice,
        Audience::AffectedCustomers,
        Channel::Email,
    )));
    d.run_by("second.pair", approve("N-unplanned"));
    let r = d.reject(Command::Disclose {
        basis: DisclosureBasis::PublicNotice {
            notice_id: NoticeId::new("N-unplanned").unwrap(),
        },
    });
    assert_eq!(
        r.unmet,
        vec![Unmet::UnplannedDisclosure {
            notice_id: "N-unplanned".into(),
            items: vec!["customer-initial".into()],
        }]
    );
    assert!(
        r.to_string()
            .contains("draft the disclosure notice for plan item customer-initial"),
        "{r}"
    );
}

#[test]
fn regulator_reports_are_planned_from_obligations() {
    let d = desk();
    let mut facts = d.incident.regulatory_facts();
    facts
        .impact
        .jurisdictions
        .insert(Jurisdiction::new("CN").unwrap());
    facts.impact.people.estimated = Some(1_500_000);
    let profile = EntityProfile::new()
        .established_in(Jurisdiction::new("CN").unwrap())
        .entity_type(EntityType::CnPbocInstitution);
    let regulation = Regulation::builtin(profile);
    let obligations = regulation.obligations(&facts, d.now);
    let plan = CommsPlan::reference();
    let s = plan.schedule(d.incident.plan_view(), Some(&obligations), d.now);
    let reports: Vec<_> = s
        .entries
        .iter()
        .filter(|e| e.item.as_str() == "regulator-reports")
        .collect();
    // PIPL authority (immediately), PBOC (immediately), DSL department, CAC provincial (4 h).
    assert!(reports.iter().any(|e| e.obligation.as_deref()
        == Some("cn-cac-incident-reporting/provincial-report")
        && e.due_at == Some(at(2026, 3, 14, 5, 30))));
    assert!(reports
        .iter()
        .any(|e| e.obligation.as_deref() == Some("cn-pipl-57/authority") && e.due_at.is_none()));
    assert!(reports
        .iter()
        .all(|e| e.kind == MessageKind::RegulatorReport && e.approver == Role::Legal));
    // Individuals are not regulator reports.
    assert!(!reports
        .iter()
        .any(|e| e.obligation.as_deref() == Some("cn-pipl-57/individuals")));
}

#[test]
fn plans_are_validated_when_adopted() {
    let mut d = desk();
    let mut plan = CommsPlan::reference();
    plan.items.push(plan.items[0].clone());
    if let PlanTrigger::Cadence { every_hours, .. } = &mut plan.items[5].trigger {
        *every_hours = 0;
    }
    plan.items[1].channels.clear();
    let r = d.reject(Command::AdoptCommsPlan { plan });
    assert_eq!(codes(&r), vec!["invalid", "invalid", "invalid"]);
    d.run(Command::AdoptCommsPlan {
        plan: CommsPlan::reference(),
    });
    assert_eq!(
        codes(&d.reject(Command::AdoptCommsPlan {
            plan: CommsPlan::reference()
        })),
        vec!["no_change"]
    );
    let json = serde_json::to_string(&CommsPlan::reference()).unwrap();
    assert_eq!(
        serde_json::from_str::<CommsPlan>(&json).unwrap(),
        CommsPlan::reference()
    );
}

#[test]
fn a_plan_holds_at_most_max_items() {
    let mut d = desk();
    let template = CommsPlan::reference().items[0].clone();
    let plan = |n: usize| CommsPlan {
        items: (0..n)
            .map(|i| PlanItem {
                id: item(&format!("update-{i}")),
                ..template.clone()
            })
            .collect(),
        ..CommsPlan::default()
    };
    let too_big = plan(CommsPlan::MAX_ITEMS + 1);
    assert_eq!(
        too_big.problems(),
        vec![PlanProblem::TooManyItems {
            items: CommsPlan::MAX_ITEMS + 1,
            limit: CommsPlan::MAX_ITEMS
        }]
    );
    let r = d.reject(Command::AdoptCommsPlan { plan: too_big });
    assert_eq!(codes(&r), vec!["invalid"]);
    assert!(
        r.to_string().contains("201 items, more than the 200"),
        "{r}"
    );
    d.run(Command::AdoptCommsPlan {
        plan: plan(CommsPlan::MAX_ITEMS),
    });
}

#[test]
fn a_plans_cadences_schedule_at_most_48_messages_a_day() {
    let hourly = |n: usize, every_hours: u32| CommsPlan {
        items: (0..n)
            .map(|i| PlanItem {
                id: item(&format!("update-{i}")),
                kind: MessageKind::Update,
                audience: Audience::AffectedCustomers,
                channels: [Channel::Email].into(),
                trigger: PlanTrigger::Cadence {
                    every_hours,
                    while_in: [Phase::Detected].into(),
                },
                approver: Role::CommsLead,
            })
            .collect(),
        ..CommsPlan::default()
    };
    assert_eq!(CommsPlan::reference().cadence_per_day(), 1);
    assert_eq!(hourly(2, 1).cadence_per_day(), 48);
    assert!(hourly(2, 1).problems().is_empty());
    assert_eq!(hourly(7, 7).cadence_per_day(), 24);
    assert_eq!(
        hourly(3, 1).problems(),
        vec![PlanProblem::TooDense {
            per_day: 72,
            limit: CommsPlan::MAX_CADENCE_PER_DAY
        }]
    );
    // The 200 hourly updates an attacker once adopted: refused, saying why.
    let mut d = desk();
    let r = d.reject(Command::AdoptCommsPlan {
        plan: hourly(200, 1),
    });
    assert_eq!(codes(&r), vec!["invalid"]);
    assert!(r.to_string().contains("4800 messages a day"), "{r}");
}

#[test]
fn a_plan_can_state_its_own_required_elements() {
    use incident::comms::{ElementRule, ElementRules};
    let mut d = desk();
    let mut plan = CommsPlan::reference();
    let mut rules = ElementRules::defaults();
    // This firm's holding statements must also apologise.
    let mut stricter: std::collections::BTreeSet<_> =
        required_elements(MessageKind::HoldingStatement, Audience::Media)
            .iter()
            .copied()
            .collect();
    stricter.insert(ContentElement::Apology);
    rules.set(ElementRule {
        kind: MessageKind::HoldingStatement,
        audience: None,
        elements: stricter,
        when: None,
    });
    plan.required_elements = Some(rules);
    d.run(Command::AdoptCommsPlan { plan });
    d.run(holding("PR-1", &[]));
    let r = d.as_actor("li.na").reject(approve("PR-1"));
    assert_eq!(codes(&r), vec!["notice_incomplete"]);
    assert!(r.to_string().contains("apology"), "{r}");
    // Without the plan's rule, the same draft is complete.
    let mut plain = desk();
    plain.run(holding("PR-1", &[]));
    plain.as_actor("li.na").run(approve("PR-1"));
}

#[test]
fn a_plan_that_tells_the_press_before_customers_is_refused_unless_it_says_so() {
    let mut d = desk();
    // The old reference plan: customers a day after containment, the press hours after
    // detection.
    let mut plan = CommsPlan::reference();
    for item in &mut plan.items {
        match item.id.as_str() {
            "customer-initial" => {
                item.trigger = PlanTrigger::Phase {
                    phase: Phase::Contained,
                    within_minutes: 24 * 60,
                }
            }
            "customer-updates" | "faq" | "identity-theft-guide" => {
                item.trigger = PlanTrigger::Phase {
                    phase: Phase::Disclosed,
                    within_minutes: 24 * 60,
                }
            }
            _ => {}
        }
    }
    let problems = plan.problems();
    let press: Vec<_> = problems
        .iter()
        .map(|p| match p {
            PlanProblem::PressBeforeCustomers { press_item, .. } => press_item.as_str(),
            other => panic!("{other}"),
        })
        .collect();
    // The spokesperson's Q&A is not published, so it is not a press item.
    assert_eq!(press, ["media-holding", "press-release"]);
    let r = d.reject(Command::AdoptCommsPlan { plan: plan.clone() });
    assert_eq!(codes(&r), ["invalid", "invalid"]);
    assert!(
        r.to_string()
            .contains("plan item media-holding can reach the press before any customer notice"),
        "{r}"
    );
    // A host that must answer the press first says so, and the log keeps it.
    plan.allow_press_before_customers = true;
    assert!(plan.problems().is_empty());
    d.run(Command::AdoptCommsPlan { plan });
    assert!(
        d.incident
            .comms_plan()
            .unwrap()
            .allow_press_before_customers
    );
}

/// A timeline: detected at `t0`, then each later phase after the given minutes.
fn stamps(t0: chrono::DateTime<chrono::Utc>, gaps: &[(Phase, i64)]) -> Vec<PhaseStamp> {
    let mut at = t0;
    let mut out = vec![PhaseStamp {
        phase: Phase::Detected,
        sub_status: None,
        at,
        by: actor("soc"),
        sequence: 1,
    }];
    for (n, (phase, minutes)) in gaps.iter().enumerate() {
        at += Duration::minutes(*minutes);
        out.push(PhaseStamp {
            phase: *phase,
            sub_status: None,
            at,
            by: actor("soc"),
            sequence: n as u64 + 2,
        });
    }
    out
}

/// The first due time among the schedule's entries for which `pick` holds.
fn first_due(
    s: &Schedule,
    plan: &CommsPlan,
    pick: impl Fn(&PlanItem) -> bool,
) -> Option<chrono::DateTime<chrono::Utc>> {
    s.entries
        .iter()
        .filter(|e| plan.item(&e.item).is_some_and(&pick))
        .filter_map(|e| e.due_at)
        .min()
}

fn is_press(i: &PlanItem) -> bool {
    i.audience == Audience::Media && i.kind != MessageKind::SpokespersonQa
}

fn is_customer_notice(i: &PlanItem) -> bool {
    i.audience.is_customers() && i.kind != MessageKind::Survey
}

fn arb_trigger() -> impl Strategy<Value = PlanTrigger> {
    let phase = prop::sample::select(vec![
        Phase::Detected,
        Phase::Contained,
        Phase::Disclosed,
        Phase::Remediated,
    ]);
    prop_oneof![
        (phase.clone(), 0u32..3000).prop_map(|(phase, within_minutes)| PlanTrigger::Phase {
            phase,
            within_minutes
        }),
        (1u32..72, prop::collection::btree_set(phase, 1..3)).prop_map(|(every_hours, while_in)| {
            PlanTrigger::Cadence {
                every_hours,
                while_in,
            }
        }),
    ]
}

fn arb_item(n: usize) -> impl Strategy<Value = PlanItem> {
    (
        prop::sample::select(MessageKind::ALL.to_vec()),
        prop::sample::select(Audience::ALL.to_vec()),
        arb_trigger(),
    )
        .prop_map(move |(kind, audience, trigger)| PlanItem {
            id: PlanItemId::new(format!("i-{n}")).unwrap(),
            kind,
            audience,
            channels: [Channel::Email].into(),
            trigger,
            approver: Role::CommsLead,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The reference plan tells customers no later than the press, however long each
    /// phase takes.
    #[test]
    fn the_reference_plan_tells_customers_no_later_than_the_press(
        contain in 1i64..10_000,
        disclose in 1i64..10_000,
        remediate in 1i64..10_000,
    ) {
        let plan = CommsPlan::reference();
        prop_assert!(plan.problems().is_empty());
        let t0 = at(2026, 3, 14, 1, 30);
        let stamps = stamps(t0, &[(Phase::Contained, contain), (Phase::Disclosed, disclose), (Phase::Remediated, remediate)]);
        let notices = std::collections::BTreeMap::new();
        let view = PlanView { stamps: &stamps, notices: &notices, stale: Default::default() };
        let s = plan.schedule(view, None, t0 + Duration::days(60));
        let customers = first_due(&s, &plan, is_customer_notice).unwrap();
        let press = first_due(&s, &plan, is_press).unwrap();
        prop_assert!(customers <= press, "customers {customers}, press {press}");
    }

    /// Any plan the check accepts tells customers no later than the press, on any
    /// timeline: the check is sound, not only right for the reference plan.
    #[test]
    fn an_accepted_plan_never_tells_the_press_first(
        items in (1usize..6).prop_flat_map(|n| (0..n).map(arb_item).collect::<Vec<_>>()),
        gaps in prop::collection::vec(1i64..5_000, 3),
    ) {
        let plan = CommsPlan { items, ..CommsPlan::default() };
        let flagged = plan.problems().iter().any(|p| matches!(p, PlanProblem::PressBeforeCustomers { .. }));
        let t0 = at(2026, 3, 14, 1, 30);
        let stamps = stamps(t0, &[(Phase::Contained, gaps[0]), (Phase::Disclosed, gaps[1]), (Phase::Remediated, gaps[2])]);
        let notices = std::collections::BTreeMap::new();
        let view = PlanView { stamps: &stamps, notices: &notices, stale: Default::default() };
        let s = plan.schedule(view, None, t0 + Duration::days(60));
        if let (false, Some(press)) = (flagged, first_due(&s, &plan, is_press)) {
            let customers = first_due(&s, &plan, is_customer_notice);
            prop_assert!(customers.is_some_and(|c| c <= press), "customers {customers:?}, press {press}");
        }
    }
}

#[test]
fn a_planned_message_is_recorded_overdue_only_as_the_schedule_has_it() {
    let mut d = desk();
    d.run(Command::AdoptCommsPlan {
        plan: CommsPlan::reference(),
    });
    let t0 = d.incident.entered_at(Phase::Detected).unwrap();
    d.now = t0 + Duration::minutes(150);
    // The hotline script is due an hour after detection, once.
    let hotline = |occurrence: u32, due: i64| Command::RecordOverdue {
        overdue: vec![Overdue::Message {
            plan_item: item("hotline-script"),
            occurrence,
            due_at: t0 + Duration::minutes(due),
        }],
    };
    for (occurrence, due) in [(1, 120), (2, 60)] {
        assert_eq!(
            codes(&d.reject(hotline(occurrence, due))),
            vec!["invalid"],
            "#{occurrence} due at {due} min"
        );
    }
    let other = Command::RecordOverdue {
        overdue: vec![Overdue::Message {
            plan_item: item("faq"),
            occurrence: 1,
            due_at: t0 + Duration::minutes(60),
        }],
    };
    assert_eq!(codes(&d.reject(other)), vec!["invalid"]);
    d.run(hotline(1, 60));
}
