//! The built-in playbooks, in zh-CN and en: data that ships with the crate, like the
//! reference policies and the reference plan. Each is a value a firm copies and adapts; its
//! validity is asserted by the tests below, not checked at run time.
//!
//! | id | for | file |
//! |---|---|---|
//! | `payments.data-funds-theft` | customer data and funds stolen from a payments platform (seed 000) | `payments` |
//! | `securities.account-takeover` | client accounts taken over at a securities firm (seed 002) | `securities` |
//! | `ransomware` | ransomware encrypting core systems | `ransomware` |
//! | `securities.trading-outage` | a trading-system outage at a securities firm | `outage` |
//! | `third-party.compromise` | an IT service provider compromised | `third_party` |
//!
//! Due offsets are the lead's reading of the seeds' "第一时间" and "将时间缩短至秒" (the first
//! containment moves within 15–30 minutes of detection, the first customer notice within
//! two hours) and of CSRC Order 218 Art. 39's 「及时处置……保护事件现场和相关证据」; they are
//! targets a firm tunes, not rules.

mod outage;
mod payments;
mod ransomware;
mod securities;
mod third_party;

use chrono::NaiveDate;

use super::{
    CsfCategory, FeedbackChannel, Playbook, PlaybookBuilder, PlaybookComms, PlaybookRole, Scope,
    Source, Step, Targets, Wording,
};
use crate::actions::{ActionKind, Measure};
use crate::classify::{GbtCategory, Jurisdiction};
use crate::comms::{Channel, CommsPlan, PlanTrigger};
use crate::id::{ActionId, PlanItemId, PlaybookId, PlaybookRoleId, RegimeId};
use crate::locale::Locale;
use crate::phase::{Phase, Role};
use crate::IncidentKind;

/// Every built-in playbook, in the order of the table above.
///
/// # Examples
/// ```
/// let playbooks = incident::playbook::builtin_playbooks();
/// assert_eq!(playbooks.len(), 5);
/// assert!(playbooks.iter().all(|p| p.title(incident::locale::Locale::ZhCn).is_some()));
/// ```
pub fn builtin_playbooks() -> Vec<Playbook> {
    vec![
        payments::playbook(),
        securities::playbook(),
        ransomware::playbook(),
        outage::playbook(),
        third_party::playbook(),
    ]
}

/// The built-in playbook with this id.
pub fn builtin_playbook(id: &str) -> Option<Playbook> {
    builtin_playbooks()
        .into_iter()
        .find(|p| p.id().as_str() == id)
}

fn w(zh_cn: &str, en: &str) -> Wording {
    [
        (Locale::ZhCn, zh_cn.to_owned()),
        (Locale::En, en.to_owned()),
    ]
    .into_iter()
    .collect()
}

/// The roles the built-ins draw on; each playbook lists the ones it uses.
fn role(id: &'static str) -> PlaybookRole {
    let (zh, en, incident_role) = match id {
        "commander" => ("应急指挥长", "Incident commander", Some(Role::Owner)),
        "security" => ("信息安全负责人", "Security lead", None),
        "it-ops" => ("信息技术运维", "IT operations", None),
        "fraud" => ("反欺诈与风险控制", "Fraud and risk", None),
        "customer-care" => ("客户服务", "Customer care", Some(Role::CustomerLiaison)),
        "comms" => ("品牌与公共关系", "Communications", Some(Role::CommsLead)),
        "legal" => ("法律合规", "Legal and compliance", Some(Role::Legal)),
        "vendor" => ("供应商管理", "Vendor management", None),
        "trading-ops" => ("交易运行保障", "Trading operations", None),
        _ => ("未定义角色", "Undefined role", None),
    };
    PlaybookRole {
        id: PlaybookRoleId::from_static(id),
        name: w(zh, en),
        incident_role,
    }
}

/// A step: id, kind and measure, owner, minutes after detection, CSF category, titles.
#[allow(clippy::too_many_arguments)]
fn step(
    id: &'static str,
    kind: ActionKind,
    measure: Option<Measure>,
    owner: &'static str,
    minutes: i64,
    csf: CsfCategory,
    zh: &str,
    en: &str,
) -> Step {
    Step {
        id: ActionId::from_static(id),
        kind,
        measure,
        title: w(zh, en),
        owner: PlaybookRoleId::from_static(owner),
        due_after_minutes: minutes,
        csf,
    }
}

/// The prevention step the CSRC-supervised plans share: drill the plan yearly and file the
/// drill report (CSRC Order 218 Arts. 37–38), owned by the commander, due within 180 days.
fn yearly_drill() -> Step {
    step(
        "yearly-drill",
        ActionKind::Prevention,
        Some(Measure::IncidentDrills),
        "commander",
        180 * 24 * 60,
        CsfCategory::IdIm,
        "组织本预案年度演练，并按规定报送演练报告",
        "Run this plan's yearly drill and file the drill report on time",
    )
}

/// The reference plan ([`CommsPlan::reference`]) with the first customer notice due
/// `notice` minutes and the press holding statement `holding` minutes after detection.
fn comms(notice: u32, holding: u32) -> PlaybookComms {
    let mut plan = CommsPlan::reference();
    for item in &mut plan.items {
        let minutes = match item.id.as_str() {
            "customer-initial" => notice,
            "media-holding" | "spokesperson-qa" => holding,
            _ => continue,
        };
        item.trigger = PlanTrigger::Phase {
            phase: Phase::Detected,
            within_minutes: minutes,
        };
    }
    PlaybookComms {
        plan,
        first_customer_notice: PlanItemId::from_static("customer-initial"),
        holding_statement: PlanItemId::from_static("media-holding"),
    }
}

/// The seed's three feedback channels: hotline, online service, social media.
fn feedback(open_within_minutes: u32) -> Vec<FeedbackChannel> {
    [
        (Channel::Hotline, 10),
        (Channel::OnlineChat, 5),
        (Channel::SocialMedia, 60),
    ]
    .into_iter()
    .map(|(channel, first_response_minutes)| FeedbackChannel {
        channel,
        owner: PlaybookRoleId::from_static("customer-care"),
        open_within_minutes,
        first_response_minutes,
        csf: CsfCategory::RsCo,
    })
    .collect()
}

fn checked() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default()
}

fn source(title: &str, url: &str) -> Source {
    Source {
        title: title.to_owned(),
        url: url.to_owned(),
        checked: checked(),
    }
}

/// The sources every built-in follows, then `extra`.
fn sources(extra: Vec<Source>) -> Vec<Source> {
    let mut out = vec![
        source(
            "NIST SP 800-61r3, Incident Response Recommendations and Considerations for Cybersecurity Risk Management (April 2025)",
            "https://doi.org/10.6028/NIST.SP.800-61r3",
        ),
        source(
            "NIST CSWP 29, The NIST Cybersecurity Framework (CSF) 2.0 (26 February 2024)",
            "https://doi.org/10.6028/NIST.CSWP.29",
        ),
        source(
            "证券期货业网络和信息安全管理办法（中国证监会令第218号，2023年5月1日施行）第三十七至三十九条",
            "https://www.csrc.gov.cn/csrc/c101953/c7202800/content.shtml",
        ),
    ];
    out.extend(extra);
    out
}

/// Seed 000: a payments platform's customer data and funds stolen.
fn seed_platform() -> Source {
    source(
        "Seed 000: 平台客户数据与资金被盗后的客户沟通与补偿（项目种子文档）",
        "seed:000_e5306bce10d2f8e0",
    )
}

/// Seed 002: a securities firm's crisis playbook.
fn seed_securities() -> Source {
    source(
        "Seed 002: 证券公司网络安全事件应对：危机公关的黄金法则（项目种子文档）",
        "seed:002_a2170f57bb08ae90",
    )
}

/// The parts every built-in shares: version 1, zh-CN and en, China.
#[allow(clippy::too_many_arguments)]
fn assemble(
    id: &'static str,
    title: Wording,
    kind: IncidentKind,
    gbt: GbtCategory,
    roles: &[&'static str],
    steps: Vec<Step>,
    comms: PlaybookComms,
    regimes: &[&'static str],
    compensation: Option<crate::compensation::Policy>,
    targets: Targets,
    extra_sources: Vec<Source>,
) -> Playbook {
    PlaybookBuilder {
        id: PlaybookId::from_static(id),
        version: 1,
        title,
        locales: [Locale::ZhCn, Locale::En].into_iter().collect(),
        scope: Scope {
            kind,
            severity: None,
            jurisdiction: Jurisdiction::new("CN").ok(),
            gbt: Some(gbt),
        },
        roles: roles.iter().map(|r| role(r)).collect(),
        steps,
        comms,
        regimes: regimes.iter().map(|r| RegimeId::from_static(r)).collect(),
        compensation,
        feedback: feedback(30),
        targets,
        sources: sources(extra_sources),
    }
    .into_playbook()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_passes_its_own_validation() {
        for p in builtin_playbooks() {
            let rebuilt = p.to_builder().build();
            assert_eq!(rebuilt.as_ref().err(), None, "{}", p.id());
            assert!(p.scope().jurisdiction.is_some(), "{}", p.id());
        }
    }

    #[test]
    fn ids_are_unique_and_found_by_id() {
        let ids: std::collections::BTreeSet<_> =
            builtin_playbooks().iter().map(|p| p.id().clone()).collect();
        assert_eq!(ids.len(), 5);
        assert!(builtin_playbook("ransomware").is_some());
        assert!(builtin_playbook("nope").is_none());
        for p in builtin_playbooks() {
            assert_eq!(builtin_playbook(p.id().as_str()), Some(p));
        }
    }
}
