//! Applying events about notices, the facts they carry and the communication plan.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::{duplicate, Stamp};
use crate::comms::{
    CommsPlan, Fact, FactSeal, Notice, NoticeDraft, NoticeRevision, NoticeStatus, RevisionStamp,
};
use crate::id::{FactKey, NoticeId};
use crate::lifecycle::ApplyError;
use crate::Incident;

impl Incident {
    /// [`Event::NoticeDrafted`].
    pub(super) fn apply_notice_drafted(
        &mut self,
        draft: NoticeDraft,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, at, by, .. } = stamp;
        if self.notices.contains_key(&draft.notice_id) {
            return Err(duplicate(name, "notice", &draft.notice_id));
        }
        self.notices
            .insert(draft.notice_id.clone(), Notice::drafted(draft, at, by));
        Ok(())
    }

    /// [`Event::NoticeApproved`].
    pub(super) fn apply_notice_approved(
        &mut self,
        notice_id: NoticeId,
        bound: BTreeMap<FactKey, Option<FactSeal>>,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, at, by, .. } = stamp;
        let notice = self.notice_mut(&notice_id, name)?;
        notice.status = NoticeStatus::Approved;
        notice.approved_by = Some(by);
        notice.approved_at = Some(at);
        notice.bound = bound;
        Ok(())
    }

    /// [`Event::NoticeSent`].
    pub(super) fn apply_notice_sent(
        &mut self,
        notice_id: NoticeId,
        sent_at: DateTime<Utc>,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        let notice = self.notice_mut(&notice_id, name)?;
        notice.status = NoticeStatus::Sent;
        notice.sent_at = Some(sent_at);
        Ok(())
    }

    /// [`Event::NoticeCancelled`].
    pub(super) fn apply_notice_cancelled(
        &mut self,
        notice_id: NoticeId,
        reason: String,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, .. } = stamp;
        let notice = self.notice_mut(&notice_id, name)?;
        notice.status = NoticeStatus::Cancelled;
        notice.cancel_reason = Some(reason);
        Ok(())
    }

    /// [`Event::NoticeRevised`]: the draft carries the revision; an approval is withdrawn.
    pub(super) fn apply_notice_revised(
        &mut self,
        revision: NoticeRevision,
        stamp: Stamp,
    ) -> Result<(), ApplyError> {
        let Stamp { name, at, by, .. } = stamp;
        let notice = self.notice_mut(&revision.notice_id, name)?;
        revision.apply_to(&mut notice.draft);
        notice.status = NoticeStatus::Draft;
        notice.approved_by = None;
        notice.approved_at = None;
        notice.bound = BTreeMap::new();
        notice.revisions.push(RevisionStamp {
            at,
            by,
            note: revision.note,
        });
        Ok(())
    }

    /// [`Event::FactRecorded`].
    pub(super) fn apply_fact_recorded(&mut self, fact: Fact) -> Result<(), ApplyError> {
        self.facts.insert(fact);
        Ok(())
    }

    /// [`Event::CommsPlanAdopted`].
    pub(super) fn apply_comms_plan_adopted(&mut self, plan: CommsPlan) -> Result<(), ApplyError> {
        self.comms_plan = Some(plan);
        Ok(())
    }
}
