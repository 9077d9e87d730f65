//! Phase and role names: where an incident is in its lifecycle, who holds which part of
//! the response, and the stamps that record each phase entry. The transition table that
//! moves between phases belongs to the aggregate ([`crate::lifecycle`]).

use std::fmt;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::SubStatus;
use crate::locale::{tr, Label, Locale};
use crate::ActorId;

/// Where an incident is in its lifecycle. See the [module docs](crate::lifecycle) for the
/// diagram and the guard on each transition.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Declared and being investigated.
    Detected,
    /// The attack has been stopped from spreading.
    Contained,
    /// Customers have been told (or a decision recorded that they need not be).
    Disclosed,
    /// The damage is repaired and compensation decided.
    Remediated,
    /// The post-incident review is done and customers told the outcome.
    Reviewed,
    /// Closed; nothing more can be recorded.
    Closed,
    /// A false positive, dismissed with a rationale; nothing more can be recorded.
    Dismissed,
}

impl Phase {
    /// Every phase, in lifecycle order.
    pub const ALL: [Phase; 7] = [
        Self::Detected,
        Self::Contained,
        Self::Disclosed,
        Self::Remediated,
        Self::Reviewed,
        Self::Closed,
        Self::Dismissed,
    ];

    /// Closed or dismissed: no command is accepted any more.
    pub const fn is_terminal(self) -> bool {
        matches!(self, Self::Closed | Self::Dismissed)
    }

    /// The stable snake_case name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Detected => "detected",
            Self::Contained => "contained",
            Self::Disclosed => "disclosed",
            Self::Remediated => "remediated",
            Self::Reviewed => "reviewed",
            Self::Closed => "closed",
            Self::Dismissed => "dismissed",
        }
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Label for Phase {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::Detected => ("发现", "發現", "detected"),
            Self::Contained => ("遏制", "遏制", "contained"),
            Self::Disclosed => ("披露", "披露", "disclosed"),
            Self::Remediated => ("修复", "修復", "remediated"),
            Self::Reviewed => ("复盘", "檢討", "reviewed"),
            Self::Closed => ("关闭", "關閉", "closed"),
            Self::Dismissed => ("撤销", "撤銷", "dismissed"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

/// A role in the response team. The owner is mandatory from declaration on and can be
/// replaced but not removed; the others are optional.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Accountable for the incident (incident commander).
    Owner,
    /// Leads communications with customers, media and staff.
    CommsLead,
    /// Legal counsel.
    Legal,
    /// Liaison for affected customers.
    CustomerLiaison,
}

impl crate::locale::Label for Role {
    fn label(self, locale: crate::locale::Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::Owner => ("事件负责人", "事件負責人", "incident owner"),
            Self::CommsLead => ("沟通负责人", "溝通負責人", "communications lead"),
            Self::Legal => ("法律顾问", "法律顧問", "legal counsel"),
            Self::CustomerLiaison => ("客户联络人", "客戶聯絡人", "customer liaison"),
        };
        crate::locale::tr(locale, zh_cn, zh_hk, en)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Owner => "owner",
            Self::CommsLead => "comms_lead",
            Self::Legal => "legal",
            Self::CustomerLiaison => "customer_liaison",
        })
    }
}

/// A phase or sub-status change, stamped so that response metrics can be computed later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PhaseStamp {
    /// The phase entered (or the phase the sub-status belongs to).
    pub phase: Phase,
    /// The sub-status set, if this stamp records one.
    pub sub_status: Option<SubStatus>,
    /// When it was recorded.
    pub at: DateTime<Utc>,
    /// Who recorded it.
    pub by: ActorId,
    /// The log sequence number of the event.
    pub sequence: u64,
}
