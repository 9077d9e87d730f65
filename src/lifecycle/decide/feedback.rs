//! Deciding commands about customer inquiries and survey responses.

use chrono::{DateTime, Utc};

use super::checks::{duplicate, no_change, unknown, Checks, MAX_LONG, MAX_SHORT};
use crate::comms::{Channel, InquiryTopic, SurveyError, SurveyResponse};
use crate::id::{CustomerRef, InquiryId};
use crate::{Event, Incident, Unmet};

impl Incident {
    /// [`Command::RecordInquiry`].
    #[allow(clippy::too_many_arguments)] // the command's five fields, as the other commands pass theirs
    pub(super) fn record_inquiry(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        inquiry_id: &InquiryId,
        channel: &Channel,
        topic: &InquiryTopic,
        customer: &Option<CustomerRef>,
        received_at: &Option<DateTime<Utc>>,
    ) -> Event {
        if self.inquiries.contains_key(inquiry_id) {
            c.push(duplicate("inquiry", inquiry_id));
        }
        if matches!(
            channel,
            Channel::PressRelease | Channel::RegulatorPortal | Channel::Webhook
        ) {
            c.push(Unmet::Invalid {
                field: "channel".to_owned(),
                problem: format!(
                    "customers do not write in by {}; use the channel the inquiry came in on (hotline, online_chat, email, social_media, sms, in_app, website_notice or letter)",
                    crate::lifecycle::event::wire(channel)
                ),
            });
        }
        let received_at = received_at.unwrap_or(now);
        c.not_future("received_at", received_at, now);
        Event::InquiryReceived {
            inquiry_id: inquiry_id.clone(),
            channel: *channel,
            topic: *topic,
            customer: customer.clone(),
            received_at,
        }
    }

    /// [`Command::RespondToInquiry`].
    pub(super) fn respond_to_inquiry(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        inquiry_id: &InquiryId,
        responded_at: &Option<DateTime<Utc>>,
    ) -> Event {
        let responded_at = responded_at.unwrap_or(now);
        c.not_future("responded_at", responded_at, now);
        match self.inquiries.get(inquiry_id) {
            None => c.push(unknown("inquiry", inquiry_id)),
            Some(inquiry) => {
                c.not_before(
                    "responded_at",
                    responded_at,
                    "received_at",
                    inquiry.received_at,
                );
                if let Some(first) = inquiry.first_response_at {
                    c.push(no_change(format!(
                        "inquiry {inquiry_id} already had its first response at {first}; only the first response is recorded (add a note for later contacts)"
                    )));
                }
            }
        }
        Event::InquiryResponded {
            inquiry_id: inquiry_id.clone(),
            responded_at,
        }
    }

    /// [`Command::ResolveInquiry`].
    pub(super) fn resolve_inquiry(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        inquiry_id: &InquiryId,
        resolved_at: &Option<DateTime<Utc>>,
        note: &Option<String>,
    ) -> Event {
        let resolved_at = resolved_at.unwrap_or(now);
        c.not_future("resolved_at", resolved_at, now);
        c.optional_text(
            "note",
            note.as_ref(),
            "how the inquiry was resolved or leave it out",
            MAX_SHORT,
        );
        match self.inquiries.get(inquiry_id) {
            None => c.push(unknown("inquiry", inquiry_id)),
            Some(inquiry) => {
                c.not_before(
                    "resolved_at",
                    resolved_at,
                    "received_at",
                    inquiry.received_at,
                );
                if let Some(first) = inquiry.first_response_at {
                    c.not_before("resolved_at", resolved_at, "first_response_at", first);
                }
                if let Some(resolved) = inquiry.resolved_at {
                    c.push(no_change(format!(
                        "inquiry {inquiry_id} was already resolved at {resolved}"
                    )));
                }
            }
        }
        Event::InquiryResolved {
            inquiry_id: inquiry_id.clone(),
            resolved_at,
            note: note.clone(),
        }
    }

    /// [`Command::RecordSurveyResponse`].
    pub(super) fn record_survey_response(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        response: &SurveyResponse,
    ) -> Event {
        if self.survey_responses.contains_key(&response.id) {
            c.push(duplicate("survey response", &response.id));
        }
        for problem in response.problems() {
            c.push(match problem {
                SurveyError::CsatOutOfRange { .. } => Unmet::Invalid {
                    field: "csat".to_owned(),
                    problem: problem.to_string(),
                },
                SurveyError::NpsOutOfRange { .. } => Unmet::Invalid {
                    field: "nps".to_owned(),
                    problem: problem.to_string(),
                },
                SurveyError::NoScore => Unmet::Missing {
                    field: "csat".to_owned(),
                    hint: "give a CSAT score (1–5), an NPS score (0–10) or both".to_owned(),
                },
            });
        }
        c.optional_text(
            "comment",
            response.comment.as_ref(),
            "the customer's comment or leave it out",
            MAX_LONG,
        );
        c.not_future("received_at", response.received_at, now);
        Event::SurveyResponseRecorded(response.clone())
    }
}
