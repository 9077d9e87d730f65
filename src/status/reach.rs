//! Who was reached by a notice and who not yet: the delivery receipts in the log against
//! the recipients the host meant to reach.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::comms::{Channel, DeliveryOutcome, DeliveryReceipt};
use crate::id::{CustomerRef, NoticeId};
use crate::{Envelope, Event};

/// A recipient the notice reached: the first delivery the provider reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reached {
    /// The recipient.
    pub recipient: CustomerRef,
    /// The channel it was delivered on.
    pub channel: Channel,
    /// When.
    pub at: DateTime<Utc>,
}

/// A recipient not reached yet, with the last thing a provider said (none: no receipt at
/// all, so the message may never have left).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unreached {
    /// The recipient.
    pub recipient: CustomerRef,
    /// The latest receipt for them, on any channel.
    pub last: Option<DeliveryReceipt>,
}

impl Unreached {
    /// Whether a provider still holds the message (accepted, nothing since): wait rather
    /// than resend.
    pub fn in_flight(&self) -> bool {
        self.last
            .as_ref()
            .is_some_and(|r| r.outcome == DeliveryOutcome::Accepted)
    }
}

/// Who a notice reached, from the receipts in the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReachReport {
    /// The notice.
    pub notice_id: NoticeId,
    /// The intended recipients reached, by recipient.
    pub reached: Vec<Reached>,
    /// The intended recipients not reached yet, by recipient.
    pub not_reached: Vec<Unreached>,
    /// Recipients with receipts the host did not list as intended (a list out of date, or
    /// a provider reporting on someone else's message).
    pub unexpected: Vec<CustomerRef>,
}

impl ReachReport {
    /// The report for `notice` over `envelopes` (the incident's log) and the recipients
    /// the host meant to reach. A recipient counts as reached once any channel reports a
    /// delivery, whatever arrives later (providers' callbacks come out of order); for the
    /// others the latest receipt by time, then by log order, says where it stands.
    ///
    /// # Examples
    /// ```
    /// use incident::id::{CustomerRef, NoticeId};
    /// use incident::status::ReachReport;
    /// let report = ReachReport::from_log(&[], &NoticeId::new("N-1")?, [CustomerRef::new("C-1")?]);
    /// assert_eq!(report.not_reached.len(), 1);
    /// assert!(report.not_reached[0].last.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_log(
        envelopes: &[Envelope],
        notice: &NoticeId,
        intended: impl IntoIterator<Item = CustomerRef>,
    ) -> ReachReport {
        let receipts = envelopes.iter().filter_map(|e| match e.event() {
            Event::DeliveryReceiptRecorded(r) => Some(r),
            _ => None,
        });
        Self::from_receipts(receipts, notice, intended)
    }

    /// The report for `notice` from `receipts` (every receipt of the incident, in log
    /// order), as [`ReachReport::from_log`] reads them from the log; what
    /// [`StatusFold::reach`](super::StatusFold::reach) answers from its one replay.
    pub fn from_receipts<'a>(
        receipts: impl IntoIterator<Item = &'a DeliveryReceipt>,
        notice: &NoticeId,
        intended: impl IntoIterator<Item = CustomerRef>,
    ) -> ReachReport {
        let intended: BTreeSet<CustomerRef> = intended.into_iter().collect();
        let mut reached: BTreeMap<CustomerRef, Reached> = BTreeMap::new();
        let mut last: BTreeMap<CustomerRef, DeliveryReceipt> = BTreeMap::new();
        for r in receipts.into_iter().filter(|r| &r.notice_id == notice) {
            if r.outcome == DeliveryOutcome::Delivered {
                let first = reached.entry(r.recipient.clone()).or_insert(Reached {
                    recipient: r.recipient.clone(),
                    channel: r.channel,
                    at: r.at,
                });
                if r.at < first.at {
                    first.channel = r.channel;
                    first.at = r.at;
                }
            }
            if last.get(&r.recipient).is_none_or(|l| l.at <= r.at) {
                last.insert(r.recipient.clone(), r.clone());
            }
        }
        let unexpected = last
            .keys()
            .filter(|c| !intended.contains(*c))
            .cloned()
            .collect();
        let not_reached = intended
            .iter()
            .filter(|c| !reached.contains_key(*c))
            .map(|c| Unreached {
                recipient: c.clone(),
                last: last.get(c).cloned(),
            })
            .collect();
        ReachReport {
            notice_id: notice.clone(),
            reached: reached
                .into_values()
                .filter(|r| intended.contains(&r.recipient))
                .collect(),
            not_reached,
            unexpected,
        }
    }
}
