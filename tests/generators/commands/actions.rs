//! Commands on response actions (containment, remediation, prevention).

use incident::actions::*;
use incident::id::*;
use incident::*;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::generators::pools::{placeholder, MAX_SHORT, MAX_TITLE};
use crate::generators::values::{action_id, person, text};
use crate::generators::vocabulary::{action_kinds, measures};

use super::Arms;

fn new_action(kind: impl Strategy<Value = ActionKind>) -> impl Strategy<Value = NewAction> {
    new_action_with(action_id(), kind)
}

pub(crate) fn new_action_with(
    id: impl Strategy<Value = ActionId>,
    kind: impl Strategy<Value = ActionKind>,
) -> impl Strategy<Value = NewAction> {
    (
        id,
        kind,
        text(MAX_TITLE),
        option::of(person()),
        option::of(Just(placeholder())),
        option::of(select(measures())),
    )
        .prop_map(|(action_id, kind, title, owner, due, measure)| NewAction {
            action_id,
            kind,
            title,
            owner,
            due,
            measure,
        })
}

/// Response actions: added, updated, started, completed, deferred.
pub(super) fn action_arms() -> Arms {
    vec![
        (
            6,
            new_action(select(action_kinds()))
                .prop_map(Command::AddAction)
                .boxed(),
        ),
        (
            3,
            (
                action_id(),
                option::of(text(MAX_TITLE)),
                option::of(person()),
                option::of(Just(placeholder())),
            )
                .prop_map(|(action_id, title, owner, due)| {
                    Command::UpdateAction(ActionChanges {
                        action_id,
                        title,
                        owner,
                        due,
                    })
                })
                .boxed(),
        ),
        (
            3,
            action_id()
                .prop_map(|action_id| Command::StartAction { action_id })
                .boxed(),
        ),
        (
            5,
            (
                action_id(),
                option::of(Just(placeholder())),
                option::of(text(MAX_SHORT)),
            )
                .prop_map(
                    |(action_id, completed_at, outcome)| Command::CompleteAction {
                        action_id,
                        completed_at,
                        outcome,
                    },
                )
                .boxed(),
        ),
        (
            2,
            (action_id(), text(MAX_SHORT))
                .prop_map(|(action_id, reason)| Command::DeferAction { action_id, reason })
                .boxed(),
        ),
    ]
}
