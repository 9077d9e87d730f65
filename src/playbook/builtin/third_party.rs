//! An IT service provider compromised.

use super::{assemble, comms, step, w};
use crate::actions::{ActionKind::*, Measure};
use crate::classify::GbtCategory;
use crate::playbook::{CsfCategory as C, Playbook, Targets};
use crate::IncidentKind;

/// Cut the provider's access first, then find out what it could reach; CSF 2.0 GV.SC
/// covers the supplier review that follows.
pub(super) fn playbook() -> Playbook {
    let steps = vec![
        step(
            "cut-vendor-access",
            Containment,
            Some(Measure::RevokeCredentials),
            "security",
            15,
            C::GvSc,
            "切断服务商的远程运维通道和接口访问",
            "Cut the provider's remote maintenance channels and API access",
        ),
        step(
            "isolate-vendor-systems",
            Containment,
            Some(Measure::IsolateSystems),
            "it-ops",
            30,
            C::RsMi,
            "隔离服务商部署在本机构的系统",
            "Isolate the provider's systems inside the firm",
        ),
        step(
            "rotate-shared-credentials",
            Containment,
            Some(Measure::RevokeCredentials),
            "it-ops",
            60,
            C::PrAa,
            "轮换与服务商共用的密钥和账号",
            "Rotate every key and account shared with the provider",
        ),
        step(
            "block-indicators",
            Containment,
            Some(Measure::BlockIndicators),
            "security",
            60,
            C::RsMi,
            "按服务商通报的攻击特征开展封禁",
            "Block the indicators the provider reported",
        ),
        step(
            "preserve-evidence",
            Containment,
            Some(Measure::PreserveEvidence),
            "vendor",
            120,
            C::RsAn,
            "要求服务商保全日志并提交事件报告",
            "Have the provider preserve its logs and deliver its incident report",
        ),
        step(
            "assess-data-exposure",
            Remediation,
            None,
            "security",
            3 * 24 * 60,
            C::RsAn,
            "查明服务商可接触的客户数据范围",
            "Establish which customer data the provider could reach",
        ),
        step(
            "vendor-attestation",
            Remediation,
            None,
            "vendor",
            7 * 24 * 60,
            C::GvSc,
            "取得服务商的调查结论和整改证明",
            "Obtain the provider's findings and proof of its fixes",
        ),
        step(
            "least-privilege",
            Prevention,
            Some(Measure::AccessControl),
            "it-ops",
            30 * 24 * 60,
            C::PrAa,
            "按最小权限收紧服务商的访问",
            "Cut the provider's access to what it needs",
        ),
        step(
            "vendor-review",
            Prevention,
            Some(Measure::ExternalAssessment),
            "vendor",
            60 * 24 * 60,
            C::GvSc,
            "重新评估服务商的安全能力，修订合同中的安全条款",
            "Reassess the provider's security and tighten the contract's security terms",
        ),
    ];
    assemble(
        "third-party.compromise",
        w(
            "信息技术服务商被入侵应急预案",
            "IT service provider compromised",
        ),
        IncidentKind::ThirdPartyCompromise,
        GbtCategory::NetworkAttack,
        &[
            "commander",
            "security",
            "it-ops",
            "vendor",
            "customer-care",
            "comms",
            "legal",
        ],
        steps,
        comms(240, 240),
        &["cn-cac-incident-reporting", "cn-pipl-57"],
        None,
        Targets {
            contain_within_minutes: 60,
            first_customer_notice_within_minutes: 240,
        },
        Vec::new(),
    )
}
