//! Reader-facing names of the vocabulary a review report prints, in each [`Locale`]. One
//! table per enum, so a new variant fails to compile here until it has a name in both
//! languages.

use crate::comms::{Audience, ContentElement, Locale, MessageKind, NoticeStatus};
use crate::phase::Phase;
use crate::{
    actions::ActionKind, actions::ActionStatus, actions::Measure, findings::FindingKind,
    findings::RootCause, DetectionSource, IncidentKind,
};

use super::DeadlineOutcome;

/// A name for readers in `locale`.
pub(crate) trait Label: Copy {
    /// `(zh-CN, en)`.
    fn names(self) -> (&'static str, &'static str);

    fn label(self, locale: Locale) -> &'static str {
        let (zh, en) = self.names();
        match locale {
            Locale::ZhCn => zh,
            Locale::En => en,
        }
    }
}

impl Label for Phase {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::Detected => ("发现", "detected"),
            Self::Contained => ("遏制", "contained"),
            Self::Disclosed => ("披露", "disclosed"),
            Self::Remediated => ("修复", "remediated"),
            Self::Reviewed => ("复盘", "reviewed"),
            Self::Closed => ("关闭", "closed"),
            Self::Dismissed => ("撤销", "dismissed"),
        }
    }
}

impl Label for IncidentKind {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::DataBreach => ("数据泄露", "data breach"),
            Self::FundsTheft => ("资金盗取", "theft of funds"),
            Self::AccountTakeover => ("账户盗用", "account takeover"),
            Self::Ransomware => ("勒索软件", "ransomware"),
            Self::ServiceDisruption => ("服务中断", "service disruption"),
            Self::InsiderMisuse => ("内部人员滥用", "insider misuse"),
            Self::ThirdPartyCompromise => ("第三方被入侵", "third-party compromise"),
            Self::Other => ("其他", "other"),
        }
    }
}

impl Label for DetectionSource {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::Monitoring => ("安全监控", "security monitoring"),
            Self::LogReview => ("日志审查", "log review"),
            Self::NetworkTraffic => ("网络流量分析", "network traffic analysis"),
            Self::HostIntrusionDetection => ("主机入侵检测", "host intrusion detection"),
            Self::FraudDetection => ("反欺诈检测", "fraud detection"),
            Self::Audit => ("审计", "audit"),
            Self::EmployeeReport => ("员工报告", "employee report"),
            Self::CustomerReport => ("客户报告", "customer report"),
            Self::ThirdParty => ("第三方告知", "third party"),
            Self::SecurityResearcher => ("安全研究人员", "security researcher"),
            Self::LawEnforcement => ("执法机关告知", "law enforcement"),
            Self::Media => ("媒体报道", "media report"),
            Self::ActorDisclosure => ("攻击者披露", "disclosure by the actor"),
            Self::Other => ("其他", "other"),
        }
    }
}

impl Label for RootCause {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::PhishingSocialEngineering => {
                ("网络钓鱼/社会工程", "phishing or social engineering")
            }
            Self::UnpatchedVulnerability => ("未修补的漏洞", "unpatched vulnerability"),
            Self::Misconfiguration => ("配置错误", "misconfiguration"),
            Self::CredentialStuffing => ("撞库/密码复用", "credential stuffing"),
            Self::Insider => ("内部人员", "insider"),
            Self::ThirdPartySupplyChain => ("第三方/供应链", "third party or supply chain"),
            Self::Unknown => ("未查明", "unknown"),
        }
    }
}

impl Label for FindingKind {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::RootCause => ("根本原因", "root cause"),
            Self::ContributingFactor => ("促成因素", "contributing factor"),
            Self::WentWell => ("做得好的", "went well"),
            Self::WentPoorly => ("需改进的", "went poorly"),
        }
    }
}

impl Label for Measure {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::IsolateSystems => ("隔离受影响系统", "isolate affected systems"),
            Self::RevokeCredentials => ("吊销或轮换凭证", "revoke or rotate credentials"),
            Self::FreezeAccounts => ("冻结账户", "freeze accounts"),
            Self::BlockIndicators => ("封禁攻击特征", "block attacker indicators"),
            Self::ResetPasswords => ("强制重置密码", "force password resets"),
            Self::SecurityAudit => ("全面安全审计", "security audit"),
            Self::ExternalAssessment => ("外部安全评估", "external assessment"),
            Self::StaffTraining => ("员工安全培训", "staff training"),
            Self::IntrusionDetection => ("入侵检测", "intrusion detection"),
            Self::Patching => ("修补漏洞", "patching"),
            Self::PasswordPolicy => ("密码策略", "password policy"),
            Self::MultiFactorAuthentication => ("多因素认证", "multi-factor authentication"),
            Self::Encryption => ("数据加密", "encryption"),
            Self::AccessControl => ("访问控制", "access control"),
            Self::IncidentDrills => ("应急演练", "incident drills"),
            Self::InternalReportingChannel => ("内部报告渠道", "internal reporting channel"),
        }
    }
}

impl Label for ActionKind {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::Containment => ("遏制", "containment"),
            Self::Remediation => ("修复", "remediation"),
            Self::Prevention => ("预防", "prevention"),
        }
    }
}

impl Label for ActionStatus {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::Open => ("未开始", "open"),
            Self::InProgress => ("进行中", "in progress"),
            Self::Done => ("已完成", "done"),
            Self::Deferred => ("已推迟", "deferred"),
        }
    }
}

impl Label for DeadlineOutcome {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::OnTime => ("按时", "on time"),
            Self::Late => ("逾期提交", "late"),
            Self::Missed => ("未提交且已逾期", "missed"),
            Self::Open => ("待提交", "open"),
        }
    }
}

impl Label for Audience {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::AffectedCustomers => ("受影响客户", "affected customers"),
            Self::AllCustomers => ("全体客户", "all customers"),
            Self::Regulators => ("监管机构", "regulators"),
            Self::LawEnforcement => ("执法机关", "law enforcement"),
            Self::Media => ("媒体", "media"),
            Self::Employees => ("员工", "employees"),
            Self::Partners => ("合作伙伴", "partners"),
            Self::BoardAndInvestors => ("董事会与投资者", "board and investors"),
        }
    }
}

impl Label for MessageKind {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::InitialNotice => ("首次通知", "initial notice"),
            Self::Update => ("进展更新", "update"),
            Self::HoldingStatement => ("临时声明", "holding statement"),
            Self::RegulatorReport => ("监管报告", "regulator report"),
            Self::IdentityTheftGuide => ("身份盗用防范指南", "identity-theft guide"),
            Self::Faq => ("常见问题", "FAQ"),
            Self::ResolutionNotice => ("处理结果通知", "resolution notice"),
            Self::Survey => ("满意度调查", "survey"),
        }
    }
}

impl Label for NoticeStatus {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::Draft => ("草稿", "draft"),
            Self::Approved => ("已批准", "approved"),
            Self::Sent => ("已发送", "sent"),
            Self::Cancelled => ("已取消", "cancelled"),
        }
    }
}

impl Label for ContentElement {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::OccurredAt => ("发生时间", "when it happened"),
            Self::HowDiscovered => ("发现经过", "how it was discovered"),
            Self::AffectedScope => ("影响范围", "who and what is affected"),
            Self::DataCategories => ("涉及的数据类型", "the data involved"),
            Self::MeasuresTaken => ("已采取的措施", "measures taken"),
            Self::SecurityImprovements => ("安全改进", "security improvements"),
            Self::WhatToDo => ("客户应采取的行动", "what readers should do"),
            Self::CompensationOffer => ("赔偿方案", "the compensation offer"),
            Self::ContactPoints => ("联系方式", "contact points"),
            Self::NextUpdateTime => ("下次更新时间", "the next update time"),
            Self::Apology => ("致歉", "an apology"),
        }
    }
}

impl Label for crate::classify::LossVariety {
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Self::AssetAndFraud => ("资产与欺诈损失", "asset and fraud"),
            Self::BrandDamage => ("品牌损害", "brand damage"),
            Self::BusinessDisruption => ("业务中断", "business disruption"),
            Self::CompetitiveAdvantage => ("竞争优势损失", "competitive advantage"),
            Self::LegalAndRegulatory => ("法律与监管", "legal and regulatory"),
            Self::OperatingCosts => ("运营成本", "operating costs"),
            Self::ResponseAndRecovery => ("响应与恢复", "response and recovery"),
            Self::Other => ("其他", "other"),
        }
    }
}
