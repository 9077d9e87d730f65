//! Customer data and funds stolen from a payments platform (seed 000).

use super::{assemble, comms, seed_platform, source, step, w};
use crate::actions::{ActionKind::*, Measure};
use crate::classify::GbtCategory;
use crate::compensation::platform_policy_v1;
use crate::playbook::{CsfCategory as C, Playbook, Targets};
use crate::IncidentKind;

/// Seed 000 asks the platform to announce quickly (「迅速发布公告」), open a hotline, online
/// service and social media accounts, freeze and reset accounts, keep evidence for the law,
/// and offer credit monitoring and insurance; the PBOC order covers payment institutions.
/// Its compensation policy is version 1 of the reference platform policy, the version it
/// was published with (the latest states an unclaimed period; moving to it changes this
/// playbook's text, so it would be a playbook version of its own).
pub(super) fn playbook() -> Playbook {
    let steps = vec![
        step("isolate-exfil-hosts", Containment, Some(Measure::IsolateSystems), "security", 15, C::RsMi,
            "隔离数据外传涉及的服务器和网段", "Isolate the servers and network segments the data left through"),
        step("suspend-withdrawals", Containment, Some(Measure::SuspendWithdrawals), "fraud", 15, C::RsMi,
            "暂停涉事账户出金，拦截可疑转账", "Suspend withdrawals from affected accounts and stop suspicious transfers"),
        step("block-indicators", Containment, Some(Measure::BlockIndicators), "security", 20, C::RsMi,
            "在边界和终端封禁攻击者的 IP、域名和样本特征", "Block the attacker's addresses, domains and file hashes at the edge and on endpoints"),
        step("freeze-accounts", Containment, Some(Measure::FreezeAccounts), "fraud", 30, C::RsMi,
            "冻结已确认被盗用的客户账户", "Freeze the customer accounts confirmed as compromised"),
        step("revoke-credentials", Containment, Some(Measure::RevokeCredentials), "it-ops", 30, C::PrAa,
            "吊销并轮换已泄露的接口密钥、数据库口令和管理员凭证", "Revoke and rotate the leaked API keys, database passwords and administrator credentials"),
        step("preserve-evidence", Containment, Some(Measure::PreserveEvidence), "security", 60, C::RsAn,
            "固定服务器镜像、访问日志和交易流水，建立证据保管记录", "Image the servers, secure access logs and transaction records, and start the chain of custody"),
        step("force-password-reset", Remediation, Some(Measure::ResetPasswords), "it-ops", 240, C::PrAa,
            "对受影响客户强制重置登录和支付密码", "Force affected customers to reset their login and payment passwords"),
        step("report-police", Remediation, None, "legal", 24 * 60, C::RsCo,
            "向公安机关报案并移交证据材料", "Report the theft to the police and hand over the evidence"),
        step("patch-entry-point", Remediation, Some(Measure::Patching), "it-ops", 3 * 24 * 60, C::RsMi,
            "修补此次入侵利用的漏洞", "Patch the vulnerability the intruders used"),
        step("external-assessment", Prevention, Some(Measure::ExternalAssessment), "security", 30 * 24 * 60, C::IdIm,
            "委托外部安全机构开展全面评估", "Commission an external security firm to assess the platform"),
        step("mfa-rollout", Prevention, Some(Measure::MultiFactorAuthentication), "it-ops", 60 * 24 * 60, C::PrAa,
            "为登录和大额支付全面启用多因素认证", "Require multi-factor authentication for sign-in and large payments"),
        step("staff-training", Prevention, Some(Measure::StaffTraining), "security", 90 * 24 * 60, C::PrAt,
            "开展防范社会工程学攻击的全员培训", "Train all staff against social engineering"),
    ];
    assemble(
        "payments.data-funds-theft",
        w("支付平台客户数据和资金被盗应急预案", "Payments platform: customer data and funds stolen"),
        IncidentKind::DataBreach,
        GbtCategory::DataSecurity,
        &["commander", "security", "it-ops", "fraud", "customer-care", "comms", "legal"],
        steps,
        comms(120, 180),
        &["cn-pboc", "cn-cac-incident-reporting", "cn-pipl-57"],
        Some(platform_policy_v1()),
        Targets {
            contain_within_minutes: 120,
            first_customer_notice_within_minutes: 120,
        },
        vec![
            seed_platform(),
            source(
                "中国人民银行业务领域网络安全事件报告管理办法（中国人民银行令〔2025〕第4号，2025年8月1日施行）",
                "https://lawinfochina.com/display.aspx?id=44842&lib=law",
            ),
        ],
    )
}
