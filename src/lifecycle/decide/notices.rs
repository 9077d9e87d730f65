//! Deciding commands about notices (draft, approve, send, cancel), the facts they carry and the communication plan.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use super::checks::{duplicate, no_change, unknown, Checks, MAX_LONG, MAX_SHORT};
use crate::comms::{
    CommsPlan, DeliveryReceipt, Fact, FactSeal, FactValue, NoticeDraft, NoticeRevision,
    NoticeStatus,
};
use crate::id::{FactKey, NoticeId};
use crate::{ActorId, Event, Incident, Unmet};

impl Incident {
    /// [`Command::DraftNotice`].
    pub(super) fn draft_notice(&self, c: &mut Checks, draft: &NoticeDraft) -> Event {
        if self.notices.contains_key(&draft.notice_id) {
            c.push(duplicate("notice", &draft.notice_id));
        }
        if let Some(item_id) = &draft.plan_item {
            match self.comms_plan.as_ref().and_then(|p| p.item(item_id)) {
                None => c.push(unknown("plan item", item_id)),
                Some(item) if item.kind != draft.kind || item.audience != draft.audience => {
                    c.push(Unmet::PlanItemMismatch {
                        plan_item: item_id.to_string(),
                        expected_kind: item.kind,
                        expected_audience: item.audience,
                        kind: draft.kind,
                        audience: draft.audience,
                    });
                }
                Some(_) => {}
            }
        }
        if let Some(corrected) = &draft.corrects {
            self.notice_status(c, corrected, &[NoticeStatus::Sent]);
        }
        if draft.channels.is_empty() {
            c.push(Unmet::Missing {
                field: "channels".to_owned(),
                hint: "name at least one channel the notice will go out on".to_owned(),
            });
        }
        Event::NoticeDrafted(draft.clone())
    }

    /// [`Command::ApproveNotice`].
    pub(super) fn approve_notice(
        &self,
        c: &mut Checks,
        actor: &ActorId,
        notice_id: &NoticeId,
    ) -> Event {
        let mut bound = BTreeMap::new();
        // A draft, or an approval gone stale (approving again binds the facts as they are).
        let stale = self
            .notices
            .get(notice_id)
            .is_some_and(|n| !n.stale_facts(&self.fact_sheet()).is_empty());
        let expected: &[NoticeStatus] = if stale {
            &[NoticeStatus::Draft, NoticeStatus::Approved]
        } else {
            &[NoticeStatus::Draft]
        };
        if let Some(notice) = self.notice_status(c, notice_id, expected) {
            let printed = notice.draft.printed_facts();
            self.clearance_guard(c, notice_id, notice, &printed);
            self.approver_guard(c, notice_id, notice, actor);
            self.four_eyes_guard(c, notice_id, notice, actor);
            let missing = self.missing_elements(notice);
            if !missing.is_empty() {
                c.push(Unmet::NoticeIncomplete {
                    notice_id: notice_id.to_string(),
                    missing,
                });
            }
            bound = self.bind(c, &printed);
        }
        Event::NoticeApproved {
            notice_id: notice_id.clone(),
            bound,
        }
    }

    /// [`Command::RecordNoticeSent`].
    pub(super) fn record_notice_sent(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        notice_id: &NoticeId,
        sent_at: &Option<DateTime<Utc>>,
    ) -> Event {
        if let Some(notice) = self.notice_status(c, notice_id, &[NoticeStatus::Approved]) {
            self.stale_guard(c, notice_id, notice);
        }
        let sent_at = sent_at.unwrap_or(now);
        c.not_future("sent_at", sent_at, now);
        Event::NoticeSent {
            notice_id: notice_id.clone(),
            sent_at,
        }
    }

    /// [`Command::RecordDeliveryReceipt`]: only a sent notice has recipients to report on.
    pub(super) fn record_delivery_receipt(
        &self,
        c: &mut Checks,
        now: DateTime<Utc>,
        receipt: &DeliveryReceipt,
    ) -> Event {
        self.notice_status(c, &receipt.notice_id, &[NoticeStatus::Sent]);
        c.not_future("at", receipt.at, now);
        if let Some(r) = &receipt.provider_ref {
            c.text("provider_ref", r, "the provider's message id", MAX_SHORT);
        }
        if let Some(d) = &receipt.detail {
            c.text("detail", d, "the provider's reason", MAX_SHORT);
        }
        Event::DeliveryReceiptRecorded(receipt.clone())
    }

    /// [`Command::CancelNotice`].
    pub(super) fn cancel_notice(
        &self,
        c: &mut Checks,
        notice_id: &NoticeId,
        reason: &str,
    ) -> Event {
        self.notice_status(c, notice_id, &[NoticeStatus::Draft, NoticeStatus::Approved]);
        c.text("reason", reason, "why the notice is withdrawn", MAX_SHORT);
        Event::NoticeCancelled {
            notice_id: notice_id.clone(),
            reason: reason.to_owned(),
        }
    }

    /// [`Command::ReviseNotice`]: a notice not yet sent, still with a channel, and changed.
    pub(super) fn revise_notice(&self, c: &mut Checks, revision: &NoticeRevision) -> Event {
        let expected = [NoticeStatus::Draft, NoticeStatus::Approved];
        if let Some(notice) = self.notice_status(c, &revision.notice_id, &expected) {
            if revision.changes_nothing(&notice.draft) {
                c.push(no_change(format!(
                    "notice {} already carries these channels, elements and facts",
                    revision.notice_id
                )));
            }
        }
        if revision.channels.is_empty() {
            c.push(Unmet::Missing {
                field: "channels".to_owned(),
                hint: "name at least one channel the notice will go out on".to_owned(),
            });
        }
        c.text("note", &revision.note, "what changed and why", MAX_SHORT);
        Event::NoticeRevised(revision.clone())
    }

    /// [`Command::RecordFact`].
    pub(super) fn record_fact(&self, c: &mut Checks, fact: &Fact) -> Event {
        match &fact.value {
            FactValue::Text { by_locale } => {
                if by_locale.is_empty() {
                    c.push(Unmet::Missing {
                        field: "value.by_locale".to_owned(),
                        hint: "give the text in at least one locale".to_owned(),
                    });
                }
                for text in by_locale.values() {
                    c.text("value.by_locale", text, "the fact's text", MAX_LONG);
                }
            }
            FactValue::Literal { value } => {
                c.text("value.value", value, "the fact's text", MAX_SHORT);
            }
            _ => {}
        }
        if self.facts.get(&fact.key) == Some(fact) {
            c.push(no_change(format!(
                "fact {} is already recorded as given",
                fact.key
            )));
        }
        Event::FactRecorded(fact.clone())
    }

    /// [`Command::AdoptCommsPlan`].
    pub(super) fn adopt_comms_plan(&self, c: &mut Checks, plan: &CommsPlan) -> Event {
        for problem in plan.problems() {
            c.push(Unmet::Invalid {
                field: "plan".to_owned(),
                problem: problem.to_string(),
            });
        }
        if self.comms_plan.as_ref() == Some(plan) {
            c.push(no_change("this plan is already adopted"));
        }
        Event::CommsPlanAdopted { plan: plan.clone() }
    }

    pub(super) fn notice_status(
        &self,
        c: &mut Checks,
        id: &NoticeId,
        expected: &[NoticeStatus],
    ) -> Option<&crate::comms::Notice> {
        match self.notices.get(id) {
            None => {
                c.push(unknown("notice", id));
                None
            }
            Some(notice) => {
                if !expected.contains(&notice.status) {
                    c.push(Unmet::NoticeStatus {
                        notice_id: id.to_string(),
                        status: notice.status,
                        expected: expected.to_vec(),
                    });
                }
                Some(notice)
            }
        }
    }

    /// Approval: every fact the draft declares is known, and every fact the notice can
    /// print (`printed`: declared, element keys, the built-in templates' keys) is within
    /// its audience's clearance.
    pub(super) fn clearance_guard(
        &self,
        c: &mut Checks,
        notice_id: &NoticeId,
        notice: &crate::comms::Notice,
        printed: &BTreeSet<FactKey>,
    ) {
        let sheet = self.fact_sheet();
        for key in &notice.draft.facts {
            if sheet.get(key).is_none() {
                c.push(unknown("fact", key));
            }
        }
        for violation in sheet.violations(notice.draft.audience, printed) {
            c.push(Unmet::AboveClearance {
                notice_id: notice_id.to_string(),
                violation,
            });
        }
    }

    /// Four eyes: whoever drafted a notice does not approve it, unless the adopted plan
    /// allows self-approval (a one-person desk that says so).
    pub(super) fn four_eyes_guard(
        &self,
        c: &mut Checks,
        notice_id: &NoticeId,
        notice: &crate::comms::Notice,
        actor: &crate::ActorId,
    ) {
        let allowed = self
            .comms_plan
            .as_ref()
            .is_some_and(|p| p.allow_self_approval);
        if !allowed && notice.written_by(actor) {
            c.push(Unmet::SelfApproval {
                notice_id: notice_id.to_string(),
                actor: actor.clone(),
            });
        }
    }

    /// What an approval binds: each printed fact as it is now (`None` when absent).
    fn bind(
        &self,
        c: &mut Checks,
        printed: &BTreeSet<FactKey>,
    ) -> BTreeMap<FactKey, Option<FactSeal>> {
        let sheet = self.fact_sheet();
        let mut bound = BTreeMap::new();
        for key in printed {
            let seal = match sheet.get(key).map(Fact::seal) {
                None => None,
                Some(Ok(seal)) => Some(seal),
                Some(Err(e)) => {
                    c.push(Unmet::Unencodable {
                        detail: e.to_string(),
                    });
                    None
                }
            };
            bound.insert(key.clone(), seal);
        }
        bound
    }

    /// Sending or disclosing: the approval still holds, no fact it bound changed since.
    pub(super) fn stale_guard(
        &self,
        c: &mut Checks,
        notice_id: &NoticeId,
        notice: &crate::comms::Notice,
    ) {
        let changed = notice.stale_facts(&self.fact_sheet());
        if !changed.is_empty() {
            c.push(Unmet::StaleApproval {
                notice_id: notice_id.to_string(),
                changed,
            });
        }
    }

    /// Approval of a planned notice: the approver holds the plan item's role.
    pub(super) fn approver_guard(
        &self,
        c: &mut Checks,
        notice_id: &NoticeId,
        notice: &crate::comms::Notice,
        actor: &crate::ActorId,
    ) {
        let Some(item_id) = &notice.draft.plan_item else {
            return;
        };
        let Some(item) = self.comms_plan.as_ref().and_then(|p| p.item(item_id)) else {
            return;
        };
        let holder = self.roles.get(&item.approver);
        if holder != Some(actor) {
            c.push(Unmet::NotTheApprover {
                notice_id: notice_id.to_string(),
                plan_item: item_id.to_string(),
                role: item.approver,
                holder: holder.cloned(),
            });
        }
    }
}
