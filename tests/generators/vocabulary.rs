//! Every value of the library's small enums that generated commands choose from.

use incident::actions::*;
use incident::classify::*;
use incident::comms::*;
use incident::evidence::*;
use incident::findings::*;
use incident::*;

pub(crate) fn severities() -> Vec<Severity> {
    vec![
        Severity::Sev1,
        Severity::Sev2,
        Severity::Sev3,
        Severity::Sev4,
    ]
}

pub(crate) fn detection_sources() -> Vec<DetectionSource> {
    vec![
        DetectionSource::Monitoring,
        DetectionSource::LogReview,
        DetectionSource::NetworkTraffic,
        DetectionSource::CustomerReport,
        DetectionSource::ThirdParty,
        DetectionSource::LawEnforcement,
    ]
}

pub(crate) fn roles() -> Vec<Role> {
    vec![
        Role::Owner,
        Role::CommsLead,
        Role::Legal,
        Role::CustomerLiaison,
    ]
}

pub(crate) fn message_kinds() -> Vec<MessageKind> {
    MessageKind::ALL.to_vec()
}

pub(crate) fn audiences() -> Vec<Audience> {
    vec![
        Audience::AffectedCustomers,
        Audience::AllCustomers,
        Audience::Regulators,
        Audience::LawEnforcement,
        Audience::Media,
        Audience::Employees,
        Audience::Partners,
        Audience::BoardAndInvestors,
    ]
}

pub(crate) fn customer_audiences() -> Vec<Audience> {
    vec![Audience::AffectedCustomers, Audience::AllCustomers]
}

pub(crate) fn channels() -> Vec<Channel> {
    vec![
        Channel::Email,
        Channel::Sms,
        Channel::InApp,
        Channel::WebsiteNotice,
        Channel::Hotline,
        Channel::OnlineChat,
        Channel::SocialMedia,
        Channel::PressRelease,
        Channel::Letter,
        Channel::RegulatorPortal,
    ]
}

pub(crate) fn inquiry_topics() -> Vec<InquiryTopic> {
    InquiryTopic::ALL.to_vec()
}

pub(crate) fn content_elements() -> Vec<ContentElement> {
    ContentElement::ALL.to_vec()
}

pub(crate) fn action_kinds() -> Vec<ActionKind> {
    vec![
        ActionKind::Containment,
        ActionKind::Remediation,
        ActionKind::Prevention,
    ]
}

pub(crate) fn measures() -> Vec<Measure> {
    vec![
        Measure::IsolateSystems,
        Measure::RevokeCredentials,
        Measure::FreezeAccounts,
        Measure::BlockIndicators,
        Measure::Patching,
        Measure::MultiFactorAuthentication,
        Measure::StaffTraining,
    ]
}

pub(crate) fn custody_actions() -> Vec<CustodyAction> {
    vec![
        CustodyAction::Collected,
        CustodyAction::Transferred,
        CustodyAction::Accessed,
        CustodyAction::Analyzed,
        CustodyAction::Copied,
        CustodyAction::Sealed,
        CustodyAction::Released,
        CustodyAction::Destroyed,
    ]
}

pub(crate) fn finding_kinds() -> Vec<FindingKind> {
    vec![
        FindingKind::RootCause,
        FindingKind::ContributingFactor,
        FindingKind::WentWell,
        FindingKind::WentPoorly,
    ]
}

pub(crate) fn root_causes() -> Vec<RootCause> {
    vec![
        RootCause::PhishingSocialEngineering,
        RootCause::UnpatchedVulnerability,
        RootCause::Misconfiguration,
        RootCause::CredentialStuffing,
        RootCause::Insider,
        RootCause::ThirdPartySupplyChain,
        RootCause::Unknown,
    ]
}

pub(crate) fn loss_varieties() -> Vec<LossVariety> {
    vec![
        LossVariety::AssetAndFraud,
        LossVariety::BrandDamage,
        LossVariety::LegalAndRegulatory,
        LossVariety::ResponseAndRecovery,
    ]
}
