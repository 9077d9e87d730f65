//! Applying events about customer inquiries and survey responses.

use chrono::{DateTime, Utc};

use super::{duplicate, Stamp};
use crate::comms::{Channel, Inquiry, InquiryTopic, SurveyResponse};
use crate::id::{CustomerRef, InquiryId};
use crate::lifecycle::ApplyError;
use crate::Incident;

impl Incident {
    /// [`Event::InquiryReceived`].
    pub(super) fn apply_inquiry_received(
        &mut self,
        inquiry_id: InquiryId,
        channel: Channel,
        topic: InquiryTopic,
        customer: Option<CustomerRef>,
        received_at: DateTime<Utc>,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        if self.inquiries.contains_key(&inquiry_id) {
            return Err(duplicate(name, "inquiry", &inquiry_id));
        }
        self.inquiries.insert(
            inquiry_id.clone(),
            Inquiry::new(inquiry_id, channel, topic, customer, received_at),
        );
        Ok(())
    }

    /// [`Event::InquiryResponded`].
    pub(super) fn apply_inquiry_responded(
        &mut self,
        inquiry_id: InquiryId,
        responded_at: DateTime<Utc>,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        let inquiry = self.inquiry_mut(&inquiry_id, name)?;
        inquiry.first_response_at.get_or_insert(responded_at);
        Ok(())
    }

    /// [`Event::InquiryResolved`].
    pub(super) fn apply_inquiry_resolved(
        &mut self,
        inquiry_id: InquiryId,
        resolved_at: DateTime<Utc>,
        note: Option<String>,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        let inquiry = self.inquiry_mut(&inquiry_id, name)?;
        inquiry.first_response_at.get_or_insert(resolved_at);
        inquiry.resolved_at = Some(resolved_at);
        inquiry.resolution_note = note;
        Ok(())
    }

    /// [`Event::SurveyResponseRecorded`].
    pub(super) fn apply_survey_response_recorded(
        &mut self,
        response: SurveyResponse,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        if self.survey_responses.contains_key(&response.id) {
            return Err(duplicate(name, "survey response", &response.id));
        }
        self.survey_responses.insert(response.id.clone(), response);
        Ok(())
    }
}
