//! Client accounts taken over at a securities firm (seed 002).

use super::{assemble, comms, seed_securities, step, w, yearly_drill};
use crate::actions::{ActionKind::*, Measure};
use crate::classify::GbtCategory;
use crate::compensation::securities_policy_v1;
use crate::playbook::{CsfCategory as C, Playbook, Targets};
use crate::IncidentKind;

/// Seed 002's first rule is 「将时间缩短至秒，而不是分钟」 and 「第一时间启动应急预案」: the
/// accounts are frozen within ten minutes and clients hear within the hour; then 「专人负责」,
/// loss verification and compensation (version 1 of the reference securities policy), and the yearly
/// drill CSRC Order 218 Art. 38 requires.
pub(super) fn playbook() -> Playbook {
    let steps = vec![
        step(
            "freeze-affected-accounts",
            Containment,
            Some(Measure::FreezeAccounts),
            "fraud",
            10,
            C::RsMi,
            "冻结被盗用的客户资金账户，暂停委托",
            "Freeze the taken-over client accounts and halt their orders",
        ),
        step(
            "suspend-withdrawals",
            Containment,
            Some(Measure::SuspendWithdrawals),
            "fraud",
            10,
            C::RsMi,
            "暂停涉事账户的银证转账出金",
            "Suspend bank transfers out of the affected accounts",
        ),
        step(
            "revoke-sessions",
            Containment,
            Some(Measure::RevokeCredentials),
            "it-ops",
            20,
            C::PrAa,
            "强制下线涉事账户的全部会话，作废交易密码",
            "End every session of the affected accounts and invalidate their trading passwords",
        ),
        step(
            "block-indicators",
            Containment,
            Some(Measure::BlockIndicators),
            "security",
            20,
            C::RsMi,
            "封禁异常登录来源的 IP 和设备",
            "Block the addresses and devices the takeovers came from",
        ),
        step(
            "preserve-evidence",
            Containment,
            Some(Measure::PreserveEvidence),
            "security",
            60,
            C::RsAn,
            "固定登录日志、委托成交记录和银证转账流水",
            "Secure the login logs, order and trade records and bank-transfer records",
        ),
        step(
            "verify-losses",
            Remediation,
            None,
            "fraud",
            24 * 60,
            C::RcRp,
            "逐户核对异常委托和资金损失",
            "Reconcile each affected account's unauthorised orders and losses",
        ),
        step(
            "report-police",
            Remediation,
            None,
            "legal",
            24 * 60,
            C::RsCo,
            "向公安机关报案并移交证据材料",
            "Report the takeovers to the police and hand over the evidence",
        ),
        step(
            "assisted-reset",
            Remediation,
            Some(Measure::ResetPasswords),
            "customer-care",
            48 * 60,
            C::RcRp,
            "核验客户身份后协助重置密码、解冻账户",
            "Verify each client's identity, then help them reset passwords and unfreeze",
        ),
        step(
            "login-anomaly-detection",
            Prevention,
            Some(Measure::IntrusionDetection),
            "security",
            30 * 24 * 60,
            C::DeCm,
            "上线异地登录和异常交易的实时监测",
            "Monitor unusual sign-in locations and trading patterns in real time",
        ),
        step(
            "mfa-rollout",
            Prevention,
            Some(Measure::MultiFactorAuthentication),
            "it-ops",
            60 * 24 * 60,
            C::PrAa,
            "为网上交易和转账全面启用多因素认证",
            "Require multi-factor authentication for online trading and transfers",
        ),
        yearly_drill(),
    ];
    assemble(
        "securities.account-takeover",
        w(
            "证券公司客户账户被盗用应急预案",
            "Securities firm: client accounts taken over",
        ),
        IncidentKind::AccountTakeover,
        GbtCategory::NetworkAttack,
        &[
            "commander",
            "security",
            "it-ops",
            "fraud",
            "customer-care",
            "comms",
            "legal",
        ],
        steps,
        comms(60, 120),
        &["cn-csrc", "cn-cac-incident-reporting", "cn-pipl-57"],
        Some(securities_policy_v1()),
        Targets {
            contain_within_minutes: 30,
            first_customer_notice_within_minutes: 60,
        },
        vec![seed_securities()],
    )
}
