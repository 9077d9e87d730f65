//! A trading-system outage at a securities firm.

use super::{assemble, comms, seed_securities, step, w, yearly_drill};
use crate::actions::{ActionKind::*, Measure};
use crate::classify::GbtCategory;
use crate::playbook::{CsfCategory as C, Playbook, Targets};
use crate::IncidentKind;

/// Clients cannot trade: fail over, open the emergency order channels, tell clients within
/// half an hour, reconcile every order of the outage window. CSRC Order 218 Art. 39 asks
/// for the normal running of the systems to be restored 「尽快」 and the scene preserved.
pub(super) fn playbook() -> Playbook {
    let steps = vec![
        step(
            "fail-over",
            Containment,
            None,
            "trading-ops",
            15,
            C::PrIr,
            "切换至同城灾备交易系统",
            "Fail over to the standby trading system",
        ),
        step(
            "isolate-faulty",
            Containment,
            Some(Measure::IsolateSystems),
            "it-ops",
            15,
            C::RsMi,
            "隔离故障节点，防止故障扩散",
            "Isolate the failed nodes so the fault does not spread",
        ),
        step(
            "emergency-order-channels",
            Containment,
            None,
            "customer-care",
            30,
            C::RsCo,
            "启用电话委托等应急交易通道",
            "Open the telephone order desk and other emergency order channels",
        ),
        step(
            "preserve-evidence",
            Containment,
            Some(Measure::PreserveEvidence),
            "it-ops",
            60,
            C::RsAn,
            "保留故障时段的系统日志、监控数据和委托记录",
            "Keep the system logs, monitoring data and order records of the outage window",
        ),
        step(
            "reconcile-orders",
            Remediation,
            None,
            "trading-ops",
            12 * 60,
            C::RcRp,
            "核对故障期间的委托、成交和资金，处理异常订单",
            "Reconcile orders, trades and funds of the outage window and settle the broken orders",
        ),
        step(
            "root-cause",
            Remediation,
            None,
            "it-ops",
            3 * 24 * 60,
            C::RsAn,
            "完成故障根因分析",
            "Finish the root-cause analysis",
        ),
        step(
            "capacity-review",
            Prevention,
            None,
            "it-ops",
            30 * 24 * 60,
            C::PrIr,
            "复核系统容量和灾备切换方案",
            "Review capacity and the fail-over arrangements",
        ),
        yearly_drill(),
    ];
    assemble(
        "securities.trading-outage",
        w(
            "证券公司交易系统故障应急预案",
            "Securities firm: trading-system outage",
        ),
        IncidentKind::ServiceDisruption,
        GbtCategory::EquipmentFailure,
        &[
            "commander",
            "it-ops",
            "trading-ops",
            "customer-care",
            "comms",
            "legal",
        ],
        steps,
        comms(30, 60),
        &["cn-csrc"],
        None,
        Targets {
            contain_within_minutes: 30,
            first_customer_notice_within_minutes: 30,
        },
        vec![seed_securities()],
    )
}
