//! Recipes: short command sequences that meet a transition's guard (contain, disclose,
//! remediate, review, close) or exercise a flow (a customer's inquiry answered),
//! so that generated runs reach the late phases. One recipe in four leaves out some
//! ingredients, so guards are also narrowly missed. The remediate recipe's compensation
//! decision is in `negotiation.rs`.

use incident::actions::*;
use incident::comms::*;
use incident::id::*;
use incident::lifecycle::*;
use incident::*;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::generators::commands::actions::new_action_with;
use crate::generators::commands::feedback::survey_response;
use crate::generators::commands::notices::notice_draft;
use crate::generators::commands::record::finding;
use crate::generators::negotiation::compensation_decision;
use crate::generators::pools::{placeholder, ACTION_IDS, ACTORS};
use crate::generators::scenario::{nanos, Raw, When};
use crate::generators::values::{action_id, customer, good_text, inquiry_id, notice_id, person};
use crate::generators::vocabulary::{audiences, customer_audiences, inquiry_topics, message_kinds};

/// A containment action added, maybe started, completed; then Contain.
pub(crate) fn contain_recipe() -> impl Strategy<Value = Vec<Raw>> {
    (
        new_action_with(
            pooled_or(action_id(), ActionId::new("AC").unwrap()),
            Just(ActionKind::Containment),
        ),
        good_text(),
        any::<bool>(),
        option::of(good_text()),
        edge_when(),
        edge_when(),
    )
        .prop_flat_map(
            |(mut action, title, start, outcome, complete_when, contain_when)| {
                action.title = title;
                let id = action.action_id.clone();
                let mut commands = vec![(Command::AddAction(action), When::Within(0))];
                if start {
                    commands.push((
                        Command::StartAction {
                            action_id: id.clone(),
                        },
                        When::Within(0),
                    ));
                }
                commands.push((
                    Command::CompleteAction {
                        action_id: id,
                        completed_at: Some(placeholder()),
                        outcome,
                    },
                    complete_when,
                ));
                commands.push((
                    Command::Contain {
                        contained_at: Some(placeholder()),
                    },
                    contain_when,
                ));
                with_clock(commands)
            },
        )
}

/// An approved complete initial notice to customers (maybe sent) and Disclose on it, or
/// Disclose with a legal basis.
pub(crate) fn disclose_recipe() -> impl Strategy<Value = Vec<Raw>> {
    let public = (
        notice_draft(
            pooled_or(notice_id(), NoticeId::new("NI").unwrap()),
            almost(MessageKind::InitialNotice, message_kinds()),
            almost_customers(),
            20,
        ),
        any::<bool>(),
    )
        .prop_flat_map(|(draft, send)| {
            let id = draft.notice_id.clone();
            let mut commands = vec![
                (Command::DraftNotice(draft), When::Within(0)),
                (
                    Command::ApproveNotice {
                        notice_id: id.clone(),
                    },
                    When::Within(0),
                ),
            ];
            if send {
                commands.push((
                    Command::RecordNoticeSent {
                        notice_id: id.clone(),
                        sent_at: None,
                    },
                    When::Within(0),
                ));
            }
            commands.push((
                Command::Disclose {
                    basis: DisclosureBasis::PublicNotice { notice_id: id },
                },
                When::Within(0),
            ));
            with_clock(commands)
        });
    let not_required = good_text().prop_flat_map(|legal_basis| {
        with_clock(vec![(
            Command::Disclose {
                basis: DisclosureBasis::NotRequired { legal_basis },
            },
            When::Within(0),
        )])
    });
    prop_oneof![3 => public, 1 => not_required]
}

/// A remediation action settled, compensation decided; then Remediate.
pub(crate) fn remediate_recipe() -> impl Strategy<Value = Vec<Raw>> {
    (
        new_action_with(
            pooled_or(action_id(), ActionId::new("AR").unwrap()),
            Just(ActionKind::Remediation),
        ),
        good_text(),
        any::<bool>(),
        compensation_decision().boxed(),
    )
        .prop_flat_map(|(mut action, title, defer, compensation)| {
            action.title = title.clone();
            let action_id = action.action_id.clone();
            let settle = if defer {
                Command::DeferAction {
                    action_id,
                    reason: title,
                }
            } else {
                Command::CompleteAction {
                    action_id,
                    completed_at: None,
                    outcome: None,
                }
            };
            let mut commands = vec![
                (Command::AddAction(action), When::Within(0)),
                (settle, When::Within(0)),
            ];
            commands.extend(compensation);
            commands.push((Command::Remediate {}, When::Within(0)));
            with_clock(commands)
        })
}

/// A finding, maybe a prevention action of its own, the actions given an owner and a due
/// date (those that exist; now and then only one of the two), a resolution notice sent;
/// then Review.
pub(crate) fn review_recipe() -> impl Strategy<Value = Vec<Raw>> {
    let fix = prop_oneof![
        4 => Just((true, true)),
        1 => Just((true, false)),
        1 => Just((false, true)),
    ];
    (
        (finding(), good_text(), prop::bool::weighted(0.85)),
        option::of(new_action_with(
            Just(ActionId::new("AP").unwrap()),
            Just(ActionKind::Prevention),
        )),
        vec(fix, ACTION_IDS.len() + 1),
        notice_draft(
            pooled_or(notice_id(), NoticeId::new("NR").unwrap()),
            almost(MessageKind::ResolutionNotice, message_kinds()),
            almost_customers(),
            20,
        ),
        person(),
    )
        .prop_flat_map(
            |((mut finding, summary, with_finding), prevention, fixes, draft, owner)| {
                finding.summary = summary;
                finding.evidence.clear();
                let mut commands = Vec::new();
                if with_finding {
                    commands.push((Command::RecordFinding(finding), When::Within(0)));
                }
                if let Some(mut action) = prevention {
                    action.title = "enforce MFA for staff".into();
                    commands.push((Command::AddAction(action), When::Within(700)));
                }
                let ids = ACTION_IDS.into_iter().chain(["AP"]);
                for (id, (set_owner, set_due)) in ids.zip(fixes) {
                    commands.push((
                        Command::UpdateAction(ActionChanges {
                            action_id: ActionId::new(id).unwrap(),
                            title: None,
                            owner: set_owner.then(|| owner.clone()),
                            due: set_due.then(placeholder),
                        }),
                        When::Within(500),
                    ));
                }
                let id = draft.notice_id.clone();
                commands.push((Command::DraftNotice(draft), When::Within(0)));
                commands.push((
                    Command::ApproveNotice {
                        notice_id: id.clone(),
                    },
                    When::Within(0),
                ));
                commands.push((
                    Command::RecordNoticeSent {
                        notice_id: id,
                        sent_at: Some(placeholder()),
                    },
                    When::Within(1000),
                ));
                commands.push((Command::Review {}, When::Within(0)));
                with_clock(commands)
            },
        )
}

/// A customer's inquiry on a feedback channel, answered, resolved, then a survey response
/// (now and then off the scales). Not a transition recipe: it runs inside a stage.
pub(crate) fn feedback_recipe() -> impl Strategy<Value = Vec<Raw>> {
    (
        inquiry_id(),
        select(vec![
            Channel::Hotline,
            Channel::OnlineChat,
            Channel::Email,
            Channel::SocialMedia,
        ]),
        select(inquiry_topics()),
        option::of(customer()),
        option::of(good_text()),
        survey_response(),
    )
        .prop_flat_map(|(inquiry_id, channel, topic, customer, note, survey)| {
            with_clock(vec![
                (
                    Command::RecordInquiry {
                        inquiry_id: inquiry_id.clone(),
                        channel,
                        topic,
                        customer,
                        received_at: None,
                    },
                    When::Within(0),
                ),
                (
                    Command::RespondToInquiry {
                        inquiry_id: inquiry_id.clone(),
                        responded_at: None,
                    },
                    When::Within(0),
                ),
                (
                    Command::ResolveInquiry {
                        inquiry_id,
                        resolved_at: None,
                        note,
                    },
                    When::Within(0),
                ),
                (Command::RecordSurveyResponse(survey), When::Within(1000)),
            ])
        })
}

pub(crate) fn close_recipe() -> impl Strategy<Value = Vec<Raw>> {
    with_clock(vec![(Command::Close {}, When::Within(0))])
}

/// An id from the pool or, for recipes, sometimes one of their own (so that a recipe is
/// not always spoilt by what random commands did with the pooled ids).
pub(crate) fn pooled_or<T: Clone + std::fmt::Debug + 'static>(
    pooled: impl Strategy<Value = T> + 'static,
    own: T,
) -> impl Strategy<Value = T> {
    prop_oneof![1 => pooled.boxed(), 3 => Just(own).boxed()]
}

/// Mostly `value`, now and then any of `others` (a near miss for a guard).
fn almost<T: Clone + std::fmt::Debug + 'static>(value: T, others: Vec<T>) -> Vec<T> {
    let mut pool = vec![value; 10 * others.len()];
    pool.extend(others);
    pool
}

/// Mostly customers, now and then another audience.
fn almost_customers() -> Vec<Audience> {
    let mut pool = customer_audiences().repeat(5 * audiences().len());
    pool.extend(audiences());
    pool
}

/// Effective times for guard recipes: mostly valid, often exactly on a boundary
/// (detection or now), sometimes just outside.
pub(crate) fn edge_when() -> impl Strategy<Value = When> {
    prop_oneof![
        24 => (0u16..=1000).prop_map(When::Within),
        4 => Just(When::Within(0)),
        4 => Just(When::Within(1000)),
        1 => Just(When::Future(1)),
        1 => Just(When::BeforeDetection(1)),
    ]
}

/// Gives each command a random clock step and actor; one recipe in four leaves out some
/// ingredients (never the final transition), so that guards are met most of the time and
/// narrowly missed some of the time.
fn with_clock(commands: Vec<(Command, When)>) -> impl Strategy<Value = Vec<Raw>> {
    let n = commands.len();
    (
        vec((1u16..=120, nanos()), n),
        vec(select(&ACTORS[..]), n),
        prop_oneof![3 => Just(vec![true; n]), 1 => vec(prop::bool::weighted(0.7), n)],
    )
        .prop_map(move |(steps, actors, keep)| {
            let last = commands.len().saturating_sub(1);
            commands
                .iter()
                .cloned()
                .zip(steps)
                .zip(actors)
                .zip(keep)
                .enumerate()
                .filter(|(i, (_, keep))| *keep || *i == last)
                .map(
                    |(_, ((((command, when), (minutes, nanos)), actor), _))| Raw {
                        // A declaration of unclaimed money waits out the policy's day.
                        minutes: if matches!(command, Command::DeclareClaimUnclaimed { .. }) {
                            minutes + 24 * 60
                        } else {
                            minutes
                        },
                        command,
                        when,
                        nanos,
                        actor,
                    },
                )
                .collect::<Vec<Raw>>()
        })
        .prop_map(second_person_approves)
}

/// Four eyes in recipes: a notice the recipe drafted is approved by someone else, and a
/// claim is reviewed by someone other than its assessor, settled by someone other than the
/// person who made the offer, paid by someone other than its settler, its override approved
/// by someone other than its proposer (random commands still try the same person, so the
/// guards are exercised both ways).
fn second_person_approves(mut raws: Vec<Raw>) -> Vec<Raw> {
    use std::collections::BTreeMap;
    let mut drafted_by = BTreeMap::new();
    let mut claim_by: BTreeMap<(ClaimId, &str), &str> = BTreeMap::new();
    let other = |actor: &str| {
        let i = ACTORS.iter().position(|a| *a == actor).unwrap_or(0);
        ACTORS[(i + 1) % ACTORS.len()]
    };
    for raw in &mut raws {
        let (claim, step, earlier) = match &raw.command {
            Command::DraftNotice(draft) => {
                drafted_by.insert(draft.notice_id.clone(), raw.actor);
                continue;
            }
            Command::ApproveNotice { notice_id } => {
                if drafted_by.get(notice_id) == Some(&raw.actor) {
                    raw.actor = other(raw.actor);
                }
                continue;
            }
            Command::RecordClaimAssessment { claim_id, .. } => (claim_id, "assessed", None),
            Command::RecordClaimReview { claim_id, .. } => (claim_id, "reviewed", Some("assessed")),
            Command::ProposeAssessmentOverride { claim_id, .. } => (claim_id, "proposed", None),
            Command::ApproveAssessmentOverride { claim_id } => {
                (claim_id, "approved", Some("proposed"))
            }
            Command::OfferSettlement { claim_id, .. } => (claim_id, "offered", None),
            Command::SettleClaim { claim_id } => (claim_id, "settled", Some("offered")),
            Command::RecordClaimPaid { claim_id, .. } => (claim_id, "paid", Some("settled")),
            Command::RequestPaymentReversal { claim_id, .. } => (claim_id, "reversing", None),
            Command::ConfirmPaymentReversal { claim_id } => {
                (claim_id, "reversed", Some("reversing"))
            }
            Command::DeclareClaimUnclaimed { claim_id, .. } => {
                (claim_id, "unclaimed", Some("settled"))
            }
            _ => continue,
        };
        if let Some(earlier) = earlier {
            if claim_by.get(&(claim.clone(), earlier)) == Some(&raw.actor) {
                raw.actor = other(raw.actor);
            }
        }
        claim_by.insert((claim.clone(), step), raw.actor);
    }
    raws
}
