//! The phase transition commands: Contain, Disclose, Remediate, Review, Close, Dismiss.

use incident::lifecycle::*;
use incident::*;
use proptest::prelude::*;

use crate::generators::pools::{placeholder, MAX_LONG, MAX_SHORT};
use crate::generators::values::{notice_id, text};

use super::Arms;

fn disclosure_basis() -> impl Strategy<Value = DisclosureBasis> {
    prop_oneof![
        notice_id().prop_map(|notice_id| DisclosureBasis::PublicNotice { notice_id }),
        text(MAX_SHORT).prop_map(|legal_basis| DisclosureBasis::NotRequired { legal_basis }),
    ]
}

/// The phase transitions.
pub(super) fn transition_arms() -> Arms {
    vec![
        (
            2,
            prop_oneof![4 => Just(Some(placeholder())), 1 => Just(None)]
                .prop_map(|contained_at| Command::Contain { contained_at })
                .boxed(),
        ),
        (
            2,
            disclosure_basis()
                .prop_map(|basis| Command::Disclose { basis })
                .boxed(),
        ),
        (2, Just(Command::Remediate {}).boxed()),
        (2, Just(Command::Review {}).boxed()),
        (2, Just(Command::Close {}).boxed()),
        (
            1,
            text(MAX_LONG)
                .prop_map(|rationale| Command::Dismiss { rationale })
                .boxed(),
        ),
    ]
}
