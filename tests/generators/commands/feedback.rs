//! Commands on customer feedback: inquiries and survey responses.

use incident::comms::*;
use incident::*;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::generators::pools::{placeholder, MAX_LONG, MAX_SHORT};
use crate::generators::values::{customer, inquiry_id, survey_response_id, text};
use crate::generators::vocabulary::{channels, inquiry_topics};

use super::Arms;

/// A survey response with a placeholder time: mostly on the scales, now and then off
/// them or without any score (guard violations).
pub(crate) fn survey_response() -> impl Strategy<Value = SurveyResponse> {
    let csat = prop_oneof![9 => option::of(1u8..=5), 1 => prop_oneof![Just(0u8), 6u8..=u8::MAX].prop_map(Some)];
    let nps = prop_oneof![9 => option::of(0u8..=10), 1 => (11u8..=u8::MAX).prop_map(Some)];
    (survey_response_id(), csat, nps, option::of(text(MAX_LONG))).prop_map(
        |(id, csat, nps, comment)| SurveyResponse {
            id,
            csat,
            nps,
            comment,
            received_at: placeholder(),
        },
    )
}

/// Customer feedback: inquiries and survey responses.
pub(super) fn feedback_arms() -> Arms {
    vec![
        (
            1,
            (
                inquiry_id(),
                select(channels()),
                select(inquiry_topics()),
                option::of(customer()),
                option::of(Just(placeholder())),
            )
                .prop_map(|(inquiry_id, channel, topic, customer, received_at)| {
                    Command::RecordInquiry {
                        inquiry_id,
                        channel,
                        topic,
                        customer,
                        received_at,
                    }
                })
                .boxed(),
        ),
        (
            1,
            (inquiry_id(), option::of(Just(placeholder())))
                .prop_map(|(inquiry_id, responded_at)| Command::RespondToInquiry {
                    inquiry_id,
                    responded_at,
                })
                .boxed(),
        ),
        (
            1,
            (
                inquiry_id(),
                option::of(Just(placeholder())),
                option::of(text(MAX_SHORT)),
            )
                .prop_map(|(inquiry_id, resolved_at, note)| Command::ResolveInquiry {
                    inquiry_id,
                    resolved_at,
                    note,
                })
                .boxed(),
        ),
        (
            1,
            survey_response()
                .prop_map(Command::RecordSurveyResponse)
                .boxed(),
        ),
    ]
}
