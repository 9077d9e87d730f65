//! The reporting entity: where it is established, what kind of entity it is, its home
//! time zone and business calendar. Regimes select on these.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::classify::Jurisdiction;
use crate::id::CalendarId;
use crate::locale::Zone;

/// What the host knows about its own firm: where it is established, what kind of entity it
/// is, its home time zone and business calendar. Regimes select on these.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntityProfile {
    /// Where the entity is established or licensed.
    #[serde(default)]
    pub established_in: BTreeSet<Jurisdiction>,
    /// What kinds of entity it is, for each regime that selects on it.
    #[serde(default)]
    pub entity_types: BTreeSet<EntityType>,
    /// Its home time zone (EU regimes count days there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<Zone>,
    /// Its home business calendar (DORA's bank holidays of its Member State).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarId>,
}

impl EntityProfile {
    /// An empty profile.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a jurisdiction of establishment.
    #[must_use]
    pub fn established_in(mut self, jurisdiction: Jurisdiction) -> Self {
        self.established_in.insert(jurisdiction);
        self
    }

    /// Adds an entity type.
    #[must_use]
    pub fn entity_type(mut self, entity_type: EntityType) -> Self {
        self.entity_types.insert(entity_type);
        self
    }

    /// Sets the home time zone.
    #[must_use]
    pub fn time_zone(mut self, time_zone: Zone) -> Self {
        self.time_zone = Some(time_zone);
        self
    }

    /// Sets the home business calendar.
    #[must_use]
    pub fn calendar(mut self, calendar: CalendarId) -> Self {
        self.calendar = Some(calendar);
        self
    }
}

/// Kinds of entity that regimes select on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityType {
    /// A controller of personal data (GDPR Art. 4(7)).
    DataController,
    /// A processor of personal data for a controller (GDPR Art. 4(8)).
    DataProcessor,
    /// An essential entity under NIS2.
    Nis2Essential,
    /// An important entity under NIS2.
    Nis2Important,
    /// A qualified or non-qualified trust service provider (NIS2 Art. 23(4) 24 h).
    TrustServiceProvider,
    /// A financial entity under DORA Art. 2(1) not listed more precisely below.
    DoraFinancialEntity,
    /// A credit institution (DORA; loses the weekend relief for initial and intermediate
    /// reports).
    CreditInstitution,
    /// A payment institution (DORA; PSD2).
    PaymentInstitution,
    /// An electronic money institution (DORA).
    EMoneyInstitution,
    /// An investment firm (DORA; MiFID II).
    InvestmentFirm,
    /// A central counterparty (DORA; loses the weekend relief).
    CentralCounterparty,
    /// An operator of a trading venue (DORA; loses the weekend relief).
    TradingVenueOperator,
    /// An entity its competent authority excluded from the DORA weekend relief
    /// (RTS 2025/301 Art. 5(6)).
    DoraReliefExcluded,
    /// A US domestic SEC registrant filing Form 8-K.
    SecRegistrant,
    /// A foreign private issuer (Form 6-K; no 4-business-day clock).
    ForeignPrivateIssuer,
    /// A broker-dealer (Reg S-P covered institution).
    BrokerDealer,
    /// A registered investment company (Reg S-P).
    InvestmentCompany,
    /// A registered investment adviser (Reg S-P).
    InvestmentAdviser,
    /// A transfer agent (Reg S-P).
    TransferAgent,
    /// A service provider to a Reg S-P covered institution (72 h notice to it).
    RegSpServiceProvider,
    /// A "larger entity" under the 2024 Reg S-P amendments (compliance from 2025-12-03):
    /// investment companies with net assets of $1 billion or more, RIAs with $1.5 billion
    /// or more under management, broker-dealers and transfer agents that are not small
    /// entities. For a service provider, the size of the covered institution it serves.
    RegSpLargerEntity,
    /// A "smaller entity" under the 2024 Reg S-P amendments (compliance from 2026-06-03):
    /// every covered institution that is not a larger entity.
    RegSpSmallerEntity,
    /// A smaller reporting company (17 CFR 240.12b-2): Form 8-K Item 1.05 from 2024-06-15.
    SecSmallerReportingCompany,
    /// A registrant that is not a smaller reporting company: Form 8-K Item 1.05 from
    /// 2023-12-18.
    SecNotSmallerReportingCompany,
    /// A NYDFS-regulated covered entity (23 NYCRR 500).
    NydfsCoveredEntity,
    /// A HIPAA covered entity.
    HipaaCoveredEntity,
    /// A HIPAA business associate.
    HipaaBusinessAssociate,
    /// A network operator in the PRC (every operator: CAC Measures Art. 2).
    CnNetworkOperator,
    /// An operator of critical information infrastructure in the PRC (CAC 1 h clock).
    CnCiiOperator,
    /// A central or state organ or affiliate (CAC 2 h clock).
    CnStateOrgan,
    /// A securities or futures institution supervised by the CSRC.
    CnSecuritiesFirm,
    /// A financial institution in a PBOC business field (payments, clearing).
    CnPbocInstitution,
    /// A financial institution regulated by MAS (Notice 644 and its equivalents).
    MasRegulated,
    /// An organisation subject to the Singapore PDPA.
    SgOrganisation,
    /// A designated critical-infrastructure operator in Hong Kong (Cap. 653).
    HkCriticalInfrastructureOperator,
    /// A corporation licensed by the Hong Kong SFC.
    HkSfcLicensed,
}

impl EntityType {
    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DataController => "data_controller",
            Self::DataProcessor => "data_processor",
            Self::Nis2Essential => "nis2_essential",
            Self::Nis2Important => "nis2_important",
            Self::TrustServiceProvider => "trust_service_provider",
            Self::DoraFinancialEntity => "dora_financial_entity",
            Self::CreditInstitution => "credit_institution",
            Self::PaymentInstitution => "payment_institution",
            Self::EMoneyInstitution => "e_money_institution",
            Self::InvestmentFirm => "investment_firm",
            Self::CentralCounterparty => "central_counterparty",
            Self::TradingVenueOperator => "trading_venue_operator",
            Self::DoraReliefExcluded => "dora_relief_excluded",
            Self::SecRegistrant => "sec_registrant",
            Self::ForeignPrivateIssuer => "foreign_private_issuer",
            Self::BrokerDealer => "broker_dealer",
            Self::InvestmentCompany => "investment_company",
            Self::InvestmentAdviser => "investment_adviser",
            Self::TransferAgent => "transfer_agent",
            Self::RegSpServiceProvider => "reg_sp_service_provider",
            Self::RegSpLargerEntity => "reg_sp_larger_entity",
            Self::RegSpSmallerEntity => "reg_sp_smaller_entity",
            Self::SecSmallerReportingCompany => "sec_smaller_reporting_company",
            Self::SecNotSmallerReportingCompany => "sec_not_smaller_reporting_company",
            Self::NydfsCoveredEntity => "nydfs_covered_entity",
            Self::HipaaCoveredEntity => "hipaa_covered_entity",
            Self::HipaaBusinessAssociate => "hipaa_business_associate",
            Self::CnNetworkOperator => "cn_network_operator",
            Self::CnCiiOperator => "cn_cii_operator",
            Self::CnStateOrgan => "cn_state_organ",
            Self::CnSecuritiesFirm => "cn_securities_firm",
            Self::CnPbocInstitution => "cn_pboc_institution",
            Self::MasRegulated => "mas_regulated",
            Self::SgOrganisation => "sg_organisation",
            Self::HkCriticalInfrastructureOperator => "hk_critical_infrastructure_operator",
            Self::HkSfcLicensed => "hk_sfc_licensed",
        }
    }
}
