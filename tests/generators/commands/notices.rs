//! Commands on notices: drafts, revisions, approval, sending, cancellation, the facts notices quote
//! and the comms plan.

use std::collections::BTreeSet;

use incident::comms::*;
use incident::id::*;
use incident::locale::*;
use incident::*;
use proptest::collection::btree_set;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::generators::pools::{placeholder, MAX_SHORT};
use crate::generators::values::{customer, notice_id, text};
use crate::generators::vocabulary::{audiences, channels, content_elements, message_kinds};

use super::Arms;

fn fact() -> impl Strategy<Value = Fact> {
    (
        select(vec![
            "occurred_at",
            "contact_points",
            "ioc.c2_address",
            "measures_taken",
        ]),
        prop_oneof![
            Just(FactValue::Literal {
                value: "95566".into()
            }),
            Just(
                FactValue::text(Locale::En, "We froze the affected accounts")
                    .and(Locale::ZhCn, "我们已冻结受影响账户")
            ),
            Just(FactValue::Text {
                by_locale: Default::default()
            }),
            Just(FactValue::Count { n: 1_200 }),
        ],
        select(vec![
            Sensitivity::Public,
            Sensitivity::Customers,
            Sensitivity::Restricted,
            Sensitivity::Internal,
        ]),
        option::of(Just(ContentElement::ContactPoints)),
    )
        .prop_map(|(key, value, sensitivity, element)| Fact {
            key: FactKey::new(key).unwrap(),
            value,
            sensitivity,
            element,
        })
}

/// A notice draft; `complete` drafts carry every required element (plus extras).
pub(crate) fn notice_draft(
    id: impl Strategy<Value = NoticeId>,
    kinds: Vec<MessageKind>,
    audiences: Vec<Audience>,
    complete_weight: u32,
) -> impl Strategy<Value = NoticeDraft> {
    (
        id,
        select(kinds),
        select(audiences),
        prop_oneof![
            9 => btree_set(select(channels()), 1..3),
            // Recipes (which weigh completeness heavily) always name a channel.
            u32::from(complete_weight < 10) => Just(BTreeSet::new()),
        ],
        prop_oneof![complete_weight => Just(true), 1 => Just(false)],
        btree_set(select(content_elements()), 0..4),
        (
            btree_set(
                select(vec![
                    "occurred_at",
                    "contact_points",
                    "ioc.c2_address",
                    "detected_at",
                ])
                .prop_map(|k| FactKey::new(k).unwrap()),
                0..2,
            ),
            option::weighted(
                0.3,
                select(vec![
                    "customer-initial",
                    "media-holding",
                    "customer-updates",
                ])
                .prop_map(|p| PlanItemId::new(p).unwrap()),
            ),
        ),
    )
        .prop_map(
            move |(notice_id, kind, audience, channels, complete, extras, (facts, plan_item))| {
                let mut elements = extras;
                if complete {
                    elements.extend(ElementRules::defaults().required_in(
                        kind,
                        audience,
                        Situation::EVERY,
                    ));
                }
                // Recipes (which weigh completeness heavily) draft clean, unplanned notices.
                let noise = complete_weight < 10;
                // Sometimes a correction of the first notice (refused unless it was sent).
                let corrects = (noise && facts.len() == 1).then(|| NoticeId::new("N1").unwrap());
                NoticeDraft {
                    notice_id,
                    kind,
                    audience,
                    channels,
                    elements,
                    facts: if noise { facts } else { BTreeSet::new() },
                    plan_item: plan_item.filter(|_| noise),
                    corrects,
                }
            },
        )
}

/// Notices, facts for them and the comms plan.
pub(super) fn notice_arms() -> Arms {
    vec![
        (
            5,
            notice_draft(notice_id(), message_kinds(), audiences(), 3)
                .prop_map(Command::DraftNotice)
                .boxed(),
        ),
        (
            4,
            notice_id()
                .prop_map(|notice_id| Command::ApproveNotice { notice_id })
                .boxed(),
        ),
        (
            3,
            (notice_id(), option::of(Just(placeholder())))
                .prop_map(|(notice_id, sent_at)| Command::RecordNoticeSent { notice_id, sent_at })
                .boxed(),
        ),
        (
            2,
            (
                notice_id(),
                customer(),
                select(channels()),
                select(DeliveryOutcome::ALL.to_vec()),
                option::of(text(MAX_SHORT)),
            )
                .prop_map(|(notice_id, recipient, channel, outcome, detail)| {
                    Command::RecordDeliveryReceipt(DeliveryReceipt {
                        notice_id,
                        recipient,
                        channel,
                        outcome,
                        at: placeholder(),
                        provider_ref: None,
                        detail,
                    })
                })
                .boxed(),
        ),
        (
            1,
            (notice_id(), text(MAX_SHORT))
                .prop_map(|(notice_id, reason)| Command::CancelNotice { notice_id, reason })
                .boxed(),
        ),
        (
            2,
            (
                notice_id(),
                prop_oneof![
                    9 => btree_set(select(channels()), 1..3),
                    1 => Just(BTreeSet::new()),
                ],
                btree_set(select(content_elements()), 0..6),
                btree_set(
                    select(vec!["occurred_at", "contact_points", "ioc.c2_address"])
                        .prop_map(|k| FactKey::new(k).unwrap()),
                    0..2,
                ),
                text(MAX_SHORT),
            )
                .prop_map(|(notice_id, channels, elements, facts, note)| {
                    Command::ReviseNotice(NoticeRevision {
                        notice_id,
                        channels,
                        elements,
                        facts,
                        note,
                    })
                })
                .boxed(),
        ),
        (2, fact().prop_map(Command::RecordFact).boxed()),
        (
            1,
            prop_oneof![
                3 => Just(CommsPlan::reference()),
                1 => Just(CommsPlan::default()),
                1 => Just(CommsPlan { items: vec![CommsPlan::reference().items[0].clone(); 2], required_elements: None, ..CommsPlan::default() }),
            ]
            .prop_map(|plan| Command::AdoptCommsPlan { plan })
            .boxed(),
        ),
        (
            1,
            (
                0..incident::playbook::builtin_playbooks().len(),
                prop_oneof![
                    Just(incident::locale::Locale::ZhCn),
                    Just(incident::locale::Locale::En)
                ],
            )
                .prop_map(|(i, locale)| {
                    let playbook = incident::playbook::builtin_playbooks().swap_remove(i);
                    Command::ActivatePlaybook(incident::playbook::Activation::new(playbook, locale))
                })
                .boxed(),
        ),
    ]
}
