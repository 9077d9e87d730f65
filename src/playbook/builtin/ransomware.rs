//! Ransomware encrypting core systems.

use super::{assemble, comms, source, step, w};
use crate::actions::{ActionKind::*, Measure};
use crate::classify::GbtCategory;
use crate::playbook::{CsfCategory as C, Playbook, Targets};
use crate::IncidentKind;

/// Isolate first, save the backups, keep the evidence, restore from clean copies; CISA's
/// #StopRansomware guide orders the first moves the same way.
pub(super) fn playbook() -> Playbook {
    let steps = vec![
        step(
            "isolate-infected",
            Containment,
            Some(Measure::IsolateSystems),
            "it-ops",
            15,
            C::RsMi,
            "断开受感染主机和存储的网络连接",
            "Disconnect the infected hosts and storage from the network",
        ),
        step(
            "protect-backups",
            Containment,
            None,
            "it-ops",
            30,
            C::PrDs,
            "将备份系统离线，确认备份未被加密",
            "Take the backup systems offline and confirm the backups are not encrypted",
        ),
        step(
            "disable-accounts",
            Containment,
            Some(Measure::RevokeCredentials),
            "security",
            30,
            C::PrAa,
            "停用被利用的域账户，重置域管理员凭证",
            "Disable the abused domain accounts and reset the domain administrator credentials",
        ),
        step(
            "block-indicators",
            Containment,
            Some(Measure::BlockIndicators),
            "security",
            30,
            C::RsMi,
            "封禁勒索软件的控制服务器地址和样本特征",
            "Block the ransomware's command servers and file hashes",
        ),
        step(
            "preserve-evidence",
            Containment,
            Some(Measure::PreserveEvidence),
            "security",
            60,
            C::RsAn,
            "保留勒索信、恶意样本、内存镜像和系统日志",
            "Keep the ransom note, samples, memory images and system logs",
        ),
        step(
            "report-police",
            Remediation,
            None,
            "legal",
            24 * 60,
            C::RsCo,
            "向公安机关报案，不擅自与攻击者接触或支付赎金",
            "Report to the police; do not contact or pay the attackers on your own",
        ),
        step(
            "restore-from-backup",
            Remediation,
            None,
            "it-ops",
            24 * 60,
            C::RcRp,
            "用确认干净的备份恢复核心系统",
            "Restore the core systems from backups confirmed clean",
        ),
        step(
            "patch-entry-point",
            Remediation,
            Some(Measure::Patching),
            "it-ops",
            3 * 24 * 60,
            C::RsMi,
            "修补勒索软件的入侵入口",
            "Patch the way the ransomware got in",
        ),
        step(
            "offline-backups",
            Prevention,
            None,
            "it-ops",
            30 * 24 * 60,
            C::PrDs,
            "建立离线、不可篡改的备份，并定期做恢复演练",
            "Keep offline, immutable backups and rehearse restoring them",
        ),
        step(
            "endpoint-detection",
            Prevention,
            Some(Measure::IntrusionDetection),
            "security",
            60 * 24 * 60,
            C::DeCm,
            "全面部署终端检测与响应",
            "Deploy endpoint detection and response everywhere",
        ),
        step(
            "phishing-training",
            Prevention,
            Some(Measure::StaffTraining),
            "security",
            90 * 24 * 60,
            C::PrAt,
            "开展防范钓鱼邮件的全员培训",
            "Train all staff to recognise phishing",
        ),
    ];
    assemble(
        "ransomware",
        w("勒索软件事件应急预案", "Ransomware"),
        IncidentKind::Ransomware,
        GbtCategory::Malware,
        &[
            "commander",
            "security",
            "it-ops",
            "customer-care",
            "comms",
            "legal",
        ],
        steps,
        comms(240, 240),
        &["cn-cac-incident-reporting", "cn-dsl-29"],
        None,
        Targets {
            contain_within_minutes: 60,
            first_customer_notice_within_minutes: 240,
        },
        vec![source(
            "CISA and MS-ISAC, #StopRansomware Guide (October 2023)",
            "https://www.cisa.gov/stopransomware/ransomware-guide",
        )],
    )
}
