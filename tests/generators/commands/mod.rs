//! Any command, every `Command` variant, with placeholder times (the scenario gives each its
//! clock later). Each file holds the strategies of one subdomain and its weighted arms.

pub(super) mod actions;
pub(super) mod compensation;
pub(super) mod feedback;
pub(super) mod notices;
pub(super) mod record;
pub(super) mod regulatory;
pub(super) mod transitions;

use incident::*;
use proptest::prelude::*;
use proptest::strategy::Union;

/// Weighted strategies, one per `Command` variant.
type Arms = Vec<(u32, BoxedStrategy<Command>)>;

/// Any command, every variant, with placeholder times.
///
/// The arms follow the order of `Command`'s variants: with a fixed seed (the coverage
/// check in `tests/properties.rs`), the order and weights decide which commands come out.
pub(crate) fn command() -> impl Strategy<Value = Command> {
    let arms: Arms = [
        record::incident_arms(),
        record::evidence_arms(),
        actions::action_arms(),
        record::note_arms(),
        regulatory::regulatory_arms(),
        feedback::feedback_arms(),
        notices::notice_arms(),
        record::finding_arms(),
        compensation::compensation_arms(),
        transitions::transition_arms(),
    ]
    .concat();
    Union::new_weighted(arms)
}
