//! Containment, remediation and prevention actions: what must be done, by whom, by when.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::id::ActionId;
use crate::locale::{tr, Label, Locale};
use crate::ActorId;

/// The most characters an action's title (and an incident's) may have.
pub const MAX_TITLE: usize = 200;

/// Which stage of the response an action serves. The Contain guard needs a completed
/// containment action; the Remediate guard needs every remediation action settled; the
/// Review guard needs every prevention action owned and dated.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// Stops the incident spreading (isolate, revoke, freeze, block).
    Containment,
    /// Repairs the damage and removes the cause.
    Remediation,
    /// Keeps it from happening again.
    Prevention,
}

/// A typed measure, from the seeds' lists; free-form actions leave it `null`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Measure {
    /// Isolate affected systems from the network.
    IsolateSystems,
    /// Revoke or rotate compromised credentials and keys.
    RevokeCredentials,
    /// Freeze affected customer accounts or payments.
    FreezeAccounts,
    /// Block attacker indicators (addresses, domains, hashes).
    BlockIndicators,
    /// Force password resets for affected users.
    ResetPasswords,
    /// A full security audit to find remaining holes.
    SecurityAudit,
    /// An assessment by an external security firm.
    ExternalAssessment,
    /// Staff security-awareness training (social engineering, phishing).
    StaffTraining,
    /// Intrusion detection and monitoring.
    IntrusionDetection,
    /// Patch the vulnerabilities found.
    Patching,
    /// A stronger password policy.
    PasswordPolicy,
    /// Multi-factor authentication.
    MultiFactorAuthentication,
    /// Encryption of data at rest or in transit.
    Encryption,
    /// Tighter access control and least privilege.
    AccessControl,
    /// Regular incident-response drills.
    IncidentDrills,
    /// An internal channel for reporting security concerns.
    InternalReportingChannel,
    /// Preserve evidence (images, logs, transaction records) under chain of custody before
    /// systems are rebuilt: the seeds' legal-evidence step ("保留证据").
    PreserveEvidence,
    /// Suspend withdrawals and outgoing transfers (a payments platform's or broker's
    /// "暂停出金"), short of freezing whole accounts.
    SuspendWithdrawals,
}

/// Where an action stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Not started.
    Open,
    /// Being worked on.
    InProgress,
    /// Finished.
    Done,
    /// Explicitly postponed, with a reason.
    Deferred,
}

impl ActionStatus {
    /// Done or deferred: nothing more is expected of it in this incident's current stage.
    pub fn is_settled(self) -> bool {
        matches!(self, Self::Done | Self::Deferred)
    }
}

impl Label for ActionKind {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::Containment => ("遏制", "遏制", "containment"),
            Self::Remediation => ("修复", "修復", "remediation"),
            Self::Prevention => ("预防", "預防", "prevention"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

impl Label for Measure {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::IsolateSystems => (
                "隔离受影响系统",
                "隔離受影響系統",
                "isolate affected systems",
            ),
            Self::RevokeCredentials => (
                "吊销或轮换凭证",
                "吊銷或輪換憑證",
                "revoke or rotate credentials",
            ),
            Self::FreezeAccounts => ("冻结账户", "凍結賬戶", "freeze accounts"),
            Self::BlockIndicators => ("封禁攻击特征", "封鎖攻擊特徵", "block attacker indicators"),
            Self::ResetPasswords => ("强制重置密码", "強制重置密碼", "force password resets"),
            Self::SecurityAudit => ("全面安全审计", "全面安全審計", "security audit"),
            Self::ExternalAssessment => ("外部安全评估", "外部安全評估", "external assessment"),
            Self::StaffTraining => ("员工安全培训", "員工安全培訓", "staff training"),
            Self::IntrusionDetection => ("入侵检测", "入侵偵測", "intrusion detection"),
            Self::Patching => ("修补漏洞", "修補漏洞", "patching"),
            Self::PasswordPolicy => ("密码策略", "密碼策略", "password policy"),
            Self::MultiFactorAuthentication => {
                ("多因素认证", "多因素認證", "multi-factor authentication")
            }
            Self::Encryption => ("数据加密", "資料加密", "encryption"),
            Self::AccessControl => ("访问控制", "存取控制", "access control"),
            Self::IncidentDrills => ("应急演练", "應急演練", "incident drills"),
            Self::InternalReportingChannel => {
                ("内部报告渠道", "內部報告渠道", "internal reporting channel")
            }
            Self::PreserveEvidence => ("固定和保全证据", "固定及保全證據", "preserve evidence"),
            Self::SuspendWithdrawals => ("暂停出金和转账", "暫停出金及轉賬", "suspend withdrawals"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

impl Label for ActionStatus {
    fn label(self, locale: Locale) -> &'static str {
        let (zh_cn, zh_hk, en) = match self {
            Self::Open => ("未开始", "未開始", "open"),
            Self::InProgress => ("进行中", "進行中", "in progress"),
            Self::Done => ("已完成", "已完成", "done"),
            Self::Deferred => ("已推迟", "已推遲", "deferred"),
        };
        tr(locale, zh_cn, zh_hk, en)
    }
}

/// A new action (the payload of the add-action command and event).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAction {
    /// Host-chosen id, unique within the incident.
    pub action_id: ActionId,
    /// Containment, remediation or prevention.
    pub kind: ActionKind,
    /// What is to be done.
    pub title: String,
    /// Who is responsible.
    pub owner: Option<ActorId>,
    /// When it is due.
    pub due: Option<DateTime<Utc>>,
    /// The typed measure, if it is one of the catalogue's.
    pub measure: Option<Measure>,
}

/// Changes to an action's title, owner or due date; `null` leaves a field as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionChanges {
    /// The action.
    pub action_id: ActionId,
    /// New title.
    pub title: Option<String>,
    /// New owner.
    pub owner: Option<ActorId>,
    /// New due date.
    pub due: Option<DateTime<Utc>>,
}

/// An action and its current status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Action {
    /// The id.
    pub id: ActionId,
    /// Containment, remediation or prevention.
    pub kind: ActionKind,
    /// What is to be done.
    pub title: String,
    /// Who is responsible.
    pub owner: Option<ActorId>,
    /// When it is due.
    pub due: Option<DateTime<Utc>>,
    /// The typed measure.
    pub measure: Option<Measure>,
    /// Current status.
    pub status: ActionStatus,
    /// When it was added.
    pub added_at: DateTime<Utc>,
    /// When it was completed.
    pub completed_at: Option<DateTime<Utc>>,
    /// What the completion achieved.
    pub outcome: Option<String>,
    /// Why it was deferred.
    pub deferral_reason: Option<String>,
}

impl Action {
    pub(crate) fn new(new: NewAction, at: DateTime<Utc>) -> Self {
        Self {
            id: new.action_id,
            kind: new.kind,
            title: new.title,
            owner: new.owner,
            due: new.due,
            measure: new.measure,
            status: ActionStatus::Open,
            added_at: at,
            completed_at: None,
            outcome: None,
            deferral_reason: None,
        }
    }

    /// Whether it is past due and not settled at `at`.
    pub fn is_overdue(&self, at: DateTime<Utc>) -> bool {
        !self.status.is_settled() && self.due.is_some_and(|due| due < at)
    }
}
