//! The regimes that ship with the crate. Each is plain data (a host can serialize, inspect
//! and override it); each cites its source. Rules the project's regulatory reference marks
//! as not verified ship with [`Confidence::Low`] and say so in every obligation.
//!
//! Determinations the built-in regimes read (record them with
//! [`Command::RecordDetermination`](crate::Command::RecordDetermination)) are listed in
//! [`BUILTIN_FACTS`].

use chrono::NaiveTime;

use super::{
    Ambiguity, Applicability, CalendarRule, CnGrade, Confidence, EntityType, Limb, Milestone,
    Offset, Recipient, RecipientKind, Regime, Report, Roll, StartRule, Submission, TimeOfDay,
    TimeZone, Trigger, Urgency, ZoneRule,
};
use crate::{
    classify::DataCategory, classify::Jurisdiction, id::CalendarId, id::FactName, id::RegimeId,
    id::ReportId,
};

/// The yes/no determinations the built-in regimes read, with what each means.
pub const BUILTIN_FACTS: [(&str, &str); 17] = [
    ("risk_unlikely", "GDPR Art. 33(1): the breach is unlikely to result in a risk to natural persons (assumed no until recorded)"),
    ("high_risk", "GDPR Art. 34(1): the breach is likely to result in a high risk to natural persons"),
    ("art34_exemption", "GDPR Art. 34(3): an exemption from informing data subjects applies (assumed no until recorded)"),
    ("significant_incident", "NIS2 Art. 23(3): a significant incident"),
    ("major_incident", "DORA Art. 18 / RTS 2024/1772: classified as a major ICT-related incident; the time of the first 'yes' is the classification time"),
    ("client_financial_interests_affected", "DORA Art. 19(3): the incident affects clients' financial interests"),
    ("material", "SEC Form 8-K Item 1.05: the registrant determined the incident material; the time of the first 'yes' starts the clock"),
    ("information_omitted_from_8k", "SEC Form 8-K Item 1.05 Instruction 2: required information was not determined or unavailable at filing (assumed no until recorded)"),
    ("sensitive_customer_information_compromised", "Reg S-P 248.30(a)(4): sensitive customer information was, or is reasonably likely to have been, accessed or used without authorization"),
    ("no_substantial_harm_likely", "Reg S-P 248.30(a)(4)(i): a reasonable investigation found no reasonable likelihood of substantial harm or inconvenience (assumed no until recorded)"),
    ("cybersecurity_incident", "23 NYCRR 500.1: the event is a cybersecurity incident; the time of the first 'yes' starts the 72 h"),
    ("low_probability_of_compromise", "45 CFR 164.402(2): the risk assessment shows a low probability that PHI was compromised (assumed no until recorded)"),
    ("harm_avoided", "PIPL Art. 57: measures effectively avoid harm, so individuals need not be notified (assumed no until recorded)"),
    ("relevant_incident", "MAS Notice 644: a relevant incident (severe and widespread impact or material impact on customer service)"),
    ("significant_harm", "Singapore PDPA s. 26B(1)(a): the breach results in, or is likely to result in, significant harm to affected individuals"),
    ("core_function_disrupted", "Hong Kong Cap. 653 s. 28: the core function of the critical computer system is, or is likely to be, disrupted"),
    ("material_breach", "SFC Code of Conduct para. 12.5: a material breach or a material failure of trading or clearing systems"),
];

/// Every built-in regime, in a stable order.
pub fn builtin_regimes() -> Vec<Regime> {
    vec![
        eu_gdpr(),
        eu_nis2(),
        eu_dora(),
        us_sec_8k(),
        us_sec_6k(),
        us_sec_reg_sp(),
        us_sec_reg_sp_service_provider(),
        us_ny_dfs(),
        us_hipaa(),
        us_hipaa_business_associate(),
        cn_pipl(),
        cn_dsl(),
        cn_cac(),
        cn_csrc(),
        cn_pboc(),
        sg_mas_644(),
        sg_pdpa(),
        hk_cap_653(),
        hk_sfc(),
    ]
}

fn rid(s: &'static str) -> RegimeId {
    RegimeId::from_static(s)
}
fn rep(s: &'static str) -> ReportId {
    ReportId::from_static(s)
}
fn fact(s: &'static str) -> FactName {
    FactName::from_static(s)
}
fn j(s: &'static str) -> Jurisdiction {
    Jurisdiction::from_static(s)
}
fn cal(s: &'static str) -> CalendarRule {
    CalendarRule::Named {
        id: CalendarId::from_static(s),
    }
}
fn fixed(tz: chrono_tz::Tz) -> ZoneRule {
    ZoneRule::Fixed {
        time_zone: TimeZone::from(tz),
    }
}
fn det(s: &'static str) -> Applicability {
    Applicability::determined(fact(s))
}
fn det_or(s: &'static str, assumed: bool) -> Applicability {
    Applicability::Determined {
        fact: fact(s),
        if_missing: Some(assumed),
    }
}
fn on_det(s: &'static str) -> Trigger {
    Trigger::Determined { fact: fact(s) }
}
fn on(m: Milestone) -> Trigger {
    Trigger::Milestone { milestone: m }
}
fn recipient(kind: RecipientKind, name: &str) -> Recipient {
    Recipient {
        kind,
        name: name.to_owned(),
    }
}
fn contents(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}
fn strs(items: &[&str]) -> Vec<String> {
    contents(items)
}
fn noon() -> NaiveTime {
    NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN)
}
fn edgar_cutoff() -> NaiveTime {
    NaiveTime::from_hms_opt(17, 30, 0).unwrap_or(NaiveTime::MIN)
}

impl Report {
    /// A report with no deadline limbs and no extra conditions.
    pub fn new(
        id: ReportId,
        name: impl Into<String>,
        recipient: Recipient,
        urgency: Urgency,
        citation: impl Into<String>,
    ) -> Self {
        Self {
            id,
            name: name.into(),
            recipient,
            applies_when: Applicability::Always,
            urgency,
            deadline: Vec::new(),
            contents: Vec::new(),
            citation: citation.into(),
            confidence: None,
            note: None,
        }
    }

    /// Adds a deadline limb (several limbs: whichever comes first).
    #[must_use]
    pub fn limb(mut self, limb: Limb) -> Self {
        self.deadline.push(limb);
        self
    }

    /// Sets the report's own applicability.
    #[must_use]
    pub fn when(mut self, condition: Applicability) -> Self {
        self.applies_when = condition;
        self
    }

    /// Sets the required contents.
    #[must_use]
    pub fn contents(mut self, items: Vec<String>) -> Self {
        self.contents = items;
        self
    }

    /// Overrides the regime's confidence.
    #[must_use]
    pub fn confidence(mut self, confidence: Confidence) -> Self {
        self.confidence = Some(confidence);
        self
    }

    /// Sets the note.
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

impl Limb {
    /// Declares ambiguities of this limb.
    #[must_use]
    pub fn ambiguous(mut self, ambiguities: &[Ambiguity]) -> Self {
        self.ambiguities = ambiguities.to_vec();
        self
    }

    /// Sets the time of day a day-based period ends at.
    #[must_use]
    pub fn at(mut self, time_of_day: TimeOfDay) -> Self {
        self.time_of_day = time_of_day;
        self
    }

    /// Sets the calendar.
    #[must_use]
    pub fn calendar(mut self, calendar: CalendarRule) -> Self {
        self.calendar = Some(calendar);
        self
    }

    /// Sets the roll and the conditions that deny it.
    #[must_use]
    pub fn roll(mut self, roll: Roll, unless: Option<Applicability>) -> Self {
        self.roll = roll;
        self.roll_unless = unless;
        self
    }

    /// Sets the start rule for working-day periods.
    #[must_use]
    pub fn start(mut self, start: StartRule) -> Self {
        self.start = start;
        self
    }

    /// Counts from the end of the trigger's calendar year.
    #[must_use]
    pub fn from_year_end(mut self) -> Self {
        self.from = super::Anchor::EndOfTriggerYear;
        self
    }
}

/// EU GDPR (Regulation (EU) 2016/679) Art. 33 and 34 \[H\]: the controller notifies the
/// supervisory authority without undue delay and, where feasible, within 72 hours of
/// becoming aware, unless the breach is unlikely to result in a risk; data subjects without
/// undue delay when the risk is high; a processor notifies its controller without undue
/// delay (Art. 33(2)). No weekend or holiday relief. Sources: ELI
/// <http://data.europa.eu/eli/reg/2016/679/oj>; EDPB Guidelines 9/2022 on awareness.
pub fn eu_gdpr() -> Regime {
    let eu = j("EU");
    Regime {
        id: rid("eu-gdpr"),
        version: "2016-04-27".to_owned(),
        name: "GDPR Art. 33/34".to_owned(),
        jurisdiction: eu.clone(),
        sources: strs(&[
            "http://data.europa.eu/eli/reg/2016/679/oj",
            "https://overview.legal/laws/gdpr/art-34",
        ]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::any([
                Applicability::EstablishedIn {
                    jurisdictions: vec![eu.clone()],
                },
                Applicability::AffectedIn {
                    jurisdictions: vec![eu],
                },
            ]),
            Applicability::PersonalDataExposed,
        ]),
        time_zone: ZoneRule::Entity,
        reports: vec![
            Report::new(
                rep("supervisory-authority"),
                "Notification of a personal data breach to the supervisory authority",
                recipient(RecipientKind::Regulator, "competent supervisory authority (Art. 55/56)"),
                Urgency::WithoutUndueDelay,
                "GDPR Art. 33(1)",
            )
            .when(Applicability::all([
                Applicability::not(Applicability::entity([EntityType::DataProcessor])),
                Applicability::not(det_or("risk_unlikely", false)),
            ]))
            .limb(
                Limb::new(on(Milestone::Awareness), Offset::hours(72))
                    .ambiguous(&[Ambiguity::HourCountStart]),
            )
            .contents(contents(&[
                "nature of the breach, categories and approximate numbers of data subjects and records (Art. 33(3)(a))",
                "name and contact details of the DPO or other contact point (Art. 33(3)(b))",
                "likely consequences (Art. 33(3)(c))",
                "measures taken or proposed, including mitigation (Art. 33(3)(d))",
                "reasons for any delay beyond 72 hours (Art. 33(1))",
            ]))
            .note("information may be provided in phases without undue further delay (Art. 33(4))"),
            Report::new(
                rep("data-subjects"),
                "Communication of the breach to data subjects",
                recipient(RecipientKind::AffectedIndividuals, "affected data subjects"),
                Urgency::WithoutUndueDelay,
                "GDPR Art. 34(1)",
            )
            .when(Applicability::all([
                Applicability::not(Applicability::entity([EntityType::DataProcessor])),
                det("high_risk"),
                Applicability::not(det_or("art34_exemption", false)),
            ]))
            .contents(contents(&[
                "in clear and plain language, the nature of the breach (Art. 34(2))",
                "contact point (Art. 33(3)(b))",
                "likely consequences (Art. 33(3)(c))",
                "measures taken or proposed (Art. 33(3)(d))",
            ])),
            Report::new(
                rep("controller"),
                "Notification by the processor to the controller",
                recipient(RecipientKind::BusinessPartner, "the controller"),
                Urgency::WithoutUndueDelay,
                "GDPR Art. 33(2)",
            )
            .when(Applicability::entity([EntityType::DataProcessor])),
        ],
        note: None,
    }
}

/// EU NIS2 Directive (EU) 2022/2555 Art. 23 \[H for the Directive\]: early warning within
/// 24 h of awareness, incident notification within 72 h (24 h for trust service providers),
/// final report within one month of the incident notification. The binding clock is the
/// Member State's transposition: override this regime per country. Entities under DORA are
/// carved out (Art. 4). Sources: ELI <http://data.europa.eu/eli/dir/2022/2555/oj>;
/// <https://nis2-info.eu/article-23-reporting-obligations>.
pub fn eu_nis2() -> Regime {
    let awareness = |hours| {
        Limb::new(on(Milestone::Awareness), Offset::hours(hours))
            .ambiguous(&[Ambiguity::HourCountStart])
    };
    let tsp = Applicability::entity([EntityType::TrustServiceProvider]);
    Regime {
        id: rid("eu-nis2"),
        version: "2022-12-14".to_owned(),
        name: "NIS2 Art. 23".to_owned(),
        jurisdiction: j("EU"),
        sources: strs(&[
            "http://data.europa.eu/eli/dir/2022/2555/oj",
            "https://nis2-info.eu/article-23-reporting-obligations",
        ]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::EstablishedIn {
                jurisdictions: vec![j("EU")],
            },
            Applicability::entity([
                EntityType::Nis2Essential,
                EntityType::Nis2Important,
                EntityType::TrustServiceProvider,
            ]),
            Applicability::not(Applicability::entity(dora_entities())),
            det("significant_incident"),
        ]),
        time_zone: ZoneRule::Entity,
        reports: vec![
            Report::new(
                rep("early-warning"),
                "Early warning",
                recipient(RecipientKind::Regulator, "CSIRT or competent authority"),
                Urgency::WithoutUndueDelay,
                "NIS2 Art. 23(4)(a)",
            )
            .limb(awareness(24))
            .contents(contents(&[
                "whether the incident is suspected of being caused by unlawful or malicious acts",
                "whether it could have a cross-border impact",
            ])),
            Report::new(
                rep("incident-notification"),
                "Incident notification",
                recipient(RecipientKind::Regulator, "CSIRT or competent authority"),
                Urgency::WithoutUndueDelay,
                "NIS2 Art. 23(4)(b)",
            )
            .when(Applicability::not(tsp.clone()))
            .limb(awareness(72))
            .contents(nis2_notification_contents()),
            Report::new(
                rep("incident-notification-tsp"),
                "Incident notification (trust service provider)",
                recipient(RecipientKind::Regulator, "CSIRT or competent authority"),
                Urgency::WithoutUndueDelay,
                "NIS2 Art. 23(4), second subparagraph",
            )
            .when(tsp)
            .limb(awareness(24))
            .contents(nis2_notification_contents()),
            Report::new(
                rep("final-report"),
                "Final report",
                recipient(RecipientKind::Regulator, "CSIRT or competent authority"),
                Urgency::ByDeadline,
                "NIS2 Art. 23(4)(d)",
            )
            .limb(
                Limb::new(
                    Trigger::Filed {
                        report: rep("incident-notification"),
                        which: Submission::First,
                    },
                    Offset::months(1),
                )
                .ambiguous(&[Ambiguity::DayEnd]),
            )
            .limb(
                Limb::new(
                    Trigger::Filed {
                        report: rep("incident-notification-tsp"),
                        which: Submission::First,
                    },
                    Offset::months(1),
                )
                .ambiguous(&[Ambiguity::DayEnd]),
            )
            .contents(contents(&[
                "detailed description, severity and impact",
                "type of threat or root cause",
                "mitigation measures applied and ongoing",
                "cross-border impact, if any",
            ]))
            .note("if the incident is still ongoing, file a progress report now and the final report within one month of handling it (Art. 23(4)(e))"),
        ],
        note: Some("the binding clock is the Member State's transposition: override this regime per country".to_owned()),
    }
}

fn nis2_notification_contents() -> Vec<String> {
    contents(&[
        "update of the early warning",
        "initial assessment: severity and impact",
        "indicators of compromise, where available",
    ])
}

fn dora_entities() -> Vec<EntityType> {
    vec![
        EntityType::DoraFinancialEntity,
        EntityType::CreditInstitution,
        EntityType::PaymentInstitution,
        EntityType::EMoneyInstitution,
        EntityType::InvestmentFirm,
        EntityType::CentralCounterparty,
        EntityType::TradingVenueOperator,
    ]
}

/// EU DORA (Regulation (EU) 2022/2554) Art. 19 with Commission Delegated Regulation (EU)
/// 2025/301 Art. 5 \[H timelines; M weekend clause wording\]: the initial notification within
/// 4 h of classification as major and 24 h of awareness, whichever is earlier (5(1)(a));
/// if classified more than 24 h after awareness, 4 h from classification (5(2)); the
/// intermediate report within 72 h of the initial notification's submission (5(1)(b)); the
/// final report within one month of the latest intermediate report (5(1)(c)). A deadline on
/// a weekend day or bank holiday of the entity's Member State moves to 12:00 of the next
/// working day (5(4)), except for initial and intermediate reports of credit institutions,
/// central counterparties, trading-venue operators, NIS2 essential or important entities
/// and entities their authority excluded (5(5), 5(6)). Sources: ELI
/// <http://data.europa.eu/eli/reg_del/2025/301/oj>;
/// <https://nomox.eu/nomox_en/2022r2554-dora/2025r0301-dora301/2025r0301_en.2>.
pub fn eu_dora() -> Regime {
    let no_relief = || {
        Some(Applicability::entity([
            EntityType::CreditInstitution,
            EntityType::CentralCounterparty,
            EntityType::TradingVenueOperator,
            EntityType::Nis2Essential,
            EntityType::Nis2Important,
            EntityType::DoraReliefExcluded,
        ]))
    };
    let relief = Roll::NextWorkingDayAt { time: noon() };
    let authority = || {
        recipient(
            RecipientKind::Regulator,
            "competent authority (DORA Art. 19(1))",
        )
    };
    Regime {
        id: rid("eu-dora"),
        version: "2025-02-20".to_owned(),
        name: "DORA Art. 19 / RTS 2025/301".to_owned(),
        jurisdiction: j("EU"),
        sources: strs(&[
            "http://data.europa.eu/eli/reg_del/2025/301/oj",
            "https://nomox.eu/nomox_en/2022r2554-dora/2025r0301-dora301/2025r0301_en.2",
        ]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::EstablishedIn {
                jurisdictions: vec![j("EU")],
            },
            Applicability::entity(dora_entities()),
            det("major_incident"),
        ]),
        time_zone: ZoneRule::Entity,
        reports: vec![
            Report::new(
                rep("initial"),
                "Initial notification",
                authority(),
                Urgency::AsSoonAsPracticable,
                "RTS 2025/301 Art. 5(1)(a), 5(2)",
            )
            .limb(
                Limb::new(on_det("major_incident"), Offset::hours(4))
                    .calendar(CalendarRule::Entity)
                    .roll(relief, no_relief())
                    .ambiguous(&[Ambiguity::HourCountStart]),
            )
            .limb(
                Limb::new(on(Milestone::Awareness), Offset::hours(24))
                    .calendar(CalendarRule::Entity)
                    .roll(relief, no_relief())
                    .ambiguous(&[Ambiguity::HourCountStart]),
            )
            .contents(contents(&[
                "incident reference code, detection and classification times (RTS Art. 2)",
                "description, classification criteria met, Member States affected",
                "how the incident was discovered and its origin",
                "business continuity plan activated",
            ]))
            .note("earlier of the two limbs governs (Art. 5(1)(a)); the weekend test uses the Member State's calendar"),
            Report::new(
                rep("intermediate"),
                "Intermediate report",
                authority(),
                Urgency::ByDeadline,
                "RTS 2025/301 Art. 5(1)(b)",
            )
            .limb(
                Limb::new(
                    Trigger::Filed {
                        report: rep("initial"),
                        which: Submission::First,
                    },
                    Offset::hours(72),
                )
                .calendar(CalendarRule::Entity)
                .roll(relief, no_relief())
                .ambiguous(&[Ambiguity::HourCountStart]),
            )
            .contents(contents(&[
                "occurrence and recovery times, incident type, techniques (RTS Art. 3)",
                "affected functions and processes, impact on clients",
                "indicators of compromise",
            ]))
            .note("due even if nothing changed; file an updated intermediate report without undue delay when regular activities recover"),
            Report::new(
                rep("final"),
                "Final report",
                authority(),
                Urgency::ByDeadline,
                "RTS 2025/301 Art. 5(1)(c)",
            )
            .limb(
                Limb::new(
                    Trigger::Filed {
                        report: rep("intermediate"),
                        which: Submission::Latest,
                    },
                    Offset::months(1),
                )
                .calendar(CalendarRule::Entity)
                .roll(relief, None)
                .ambiguous(&[Ambiguity::DayEnd]),
            )
            .contents(contents(&[
                "root causes (RTS Art. 4)",
                "how the incident was resolved",
                "costs and losses",
            ])),
            Report::new(
                rep("clients"),
                "Information to affected clients",
                recipient(RecipientKind::AffectedIndividuals, "clients whose financial interests are affected"),
                Urgency::WithoutUndueDelay,
                "DORA Art. 19(3)",
            )
            .when(det("client_financial_interests_affected"))
            .contents(contents(&["the incident", "measures taken to mitigate its adverse effects"])),
        ],
        note: Some("if a deadline cannot be met, inform the authority before it expires, with reasons (RTS Art. 5(3))".to_owned()),
    }
}

fn sec_days(trigger: Trigger) -> Limb {
    Limb::new(trigger, Offset::working_days(4))
        .calendar(cal("us-sec"))
        .start(StartRule::NextWorkingDayInclusive)
        .at(TimeOfDay::Fixed {
            time: edgar_cutoff(),
        })
}

/// US SEC Form 8-K Item 1.05 \[H\]: a domestic registrant files within four business days of
/// determining a cybersecurity incident material (General Instruction B.1); if the
/// determination day is a Saturday, Sunday or a holiday on which the Commission is closed,
/// the period begins on, and includes, the next business day. Business days per 17 CFR
/// 240.0-2 in US Eastern time; EDGAR filings completed after 17:30 ET take the next
/// business day's date (17 CFR 232.13(a)(2)), so the deadline is 17:30 ET. Missing
/// information is filed on Form 8-K/A within four business days of becoming available
/// (Item 1.05 Instruction 2). Sources:
/// <https://www.formsbank.com/template/75696/current-report-8k-sec.html?page=2>;
/// <https://cooleypubco.com/2023/12/14/corp-fin-cdis-8-ks-cybersecurity>.
pub fn us_sec_8k() -> Regime {
    let contents_8k = || {
        contents(&[
            "material aspects of the nature, scope and timing of the incident",
            "material impact or reasonably likely material impact, including on financial condition and results of operations",
        ])
    };
    Regime {
        id: rid("us-sec-8k"),
        version: "2023-12-18".to_owned(),
        name: "SEC Form 8-K Item 1.05".to_owned(),
        jurisdiction: j("US"),
        sources: strs(&[
            "https://www.formsbank.com/template/75696/current-report-8k-sec.html?page=2",
            "https://cooleypubco.com/2023/12/14/corp-fin-cdis-8-ks-cybersecurity",
            "17 CFR 240.0-2; 17 CFR 232.13(a)(2)",
        ]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::SecRegistrant]),
            det("material"),
        ]),
        time_zone: fixed(chrono_tz::America::New_York),
        reports: vec![
            Report::new(
                rep("form-8-k"),
                "Form 8-K Item 1.05",
                recipient(RecipientKind::Investors, "SEC (EDGAR)"),
                Urgency::ByDeadline,
                "Form 8-K General Instruction B.1; Item 1.05(a)",
            )
            .limb(sec_days(on_det("material")))
            .contents(contents_8k())
            .note("the determination date is taken in US Eastern time, also for registrants elsewhere (conservative); an Attorney General delay under Item 1.05(c) is not modelled"),
            Report::new(
                rep("form-8-k-a"),
                "Form 8-K/A with the information not available at filing",
                recipient(RecipientKind::Investors, "SEC (EDGAR)"),
                Urgency::ByDeadline,
                "Form 8-K Item 1.05 Instruction 2",
            )
            .when(det_or("information_omitted_from_8k", false))
            .limb(sec_days(on(Milestone::InformationAvailable)))
            .contents(contents_8k()),
        ],
        note: None,
    }
}

/// US SEC Form 6-K for foreign private issuers \[H\]: promptly after the information is made
/// public at home; no four-business-day clock. Source:
/// <https://cooleypubco.com/2023/12/14/corp-fin-cdis-8-ks-cybersecurity>.
pub fn us_sec_6k() -> Regime {
    Regime {
        id: rid("us-sec-6k"),
        version: "2023-12-18".to_owned(),
        name: "SEC Form 6-K (foreign private issuers)".to_owned(),
        jurisdiction: j("US"),
        sources: strs(&["https://cooleypubco.com/2023/12/14/corp-fin-cdis-8-ks-cybersecurity"]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::ForeignPrivateIssuer]),
            det("material"),
        ]),
        time_zone: fixed(chrono_tz::America::New_York),
        reports: vec![Report::new(
            rep("form-6-k"),
            "Form 6-K",
            recipient(RecipientKind::Investors, "SEC (EDGAR)"),
            Urgency::AsSoonAsPracticable,
            "Form 20-F/6-K cybersecurity amendments (2023)",
        )
        .note("promptly after disclosure in the home jurisdiction")],
        note: None,
    }
}

/// US SEC Regulation S-P, 17 CFR 248.30 as amended in 2024 \[H deadline; L delay periods\]:
/// covered institutions notify affected individuals as soon as practicable and within 30
/// days of becoming aware of unauthorized access to sensitive customer information, unless
/// an investigation finds no reasonable likelihood of substantial harm. Source:
/// <https://dlapiper.com/en-us/insights/publications/2024/06/sec-adopts-cyber-amendments-to-regulations-p-top-points>.
pub fn us_sec_reg_sp() -> Regime {
    Regime {
        id: rid("us-sec-reg-sp"),
        version: "2024-05-16".to_owned(),
        name: "SEC Regulation S-P 248.30".to_owned(),
        jurisdiction: j("US"),
        sources: strs(&["https://dlapiper.com/en-us/insights/publications/2024/06/sec-adopts-cyber-amendments-to-regulations-p-top-points"]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::entity([
                EntityType::BrokerDealer,
                EntityType::InvestmentCompany,
                EntityType::InvestmentAdviser,
                EntityType::TransferAgent,
            ]),
            det("sensitive_customer_information_compromised"),
            Applicability::not(det_or("no_substantial_harm_likely", false)),
        ]),
        time_zone: fixed(chrono_tz::America::New_York),
        reports: vec![Report::new(
            rep("individuals"),
            "Notice to affected individuals",
            recipient(RecipientKind::AffectedIndividuals, "affected individuals"),
            Urgency::AsSoonAsPracticable,
            "17 CFR 248.30(a)(4)(iii)",
        )
        .limb(
            Limb::new(on(Milestone::Awareness), Offset::days(30)).ambiguous(&[Ambiguity::DayEnd]),
        )
        .contents(contents(&[
            "the incident and the types of sensitive customer information involved, in general terms",
            "the date or estimated date range of the incident",
            "contact information",
            "what individuals can do: review account statements, fraud alerts, credit reports, FTC identity-theft resources",
        ]))
        .note("a law-enforcement delay (national security, public safety) exists; its periods are not verified and not modelled")],
        note: None,
    }
}

/// US SEC Regulation S-P service providers \[H\]: by contract, notify the covered
/// institution as soon as possible and within 72 hours of becoming aware of a breach of a
/// customer information system they maintain (17 CFR 248.30(a)(5)). Source as for
/// [`us_sec_reg_sp`].
pub fn us_sec_reg_sp_service_provider() -> Regime {
    Regime {
        id: rid("us-sec-reg-sp-service-provider"),
        version: "2024-05-16".to_owned(),
        name: "SEC Regulation S-P service-provider notice".to_owned(),
        jurisdiction: j("US"),
        sources: strs(&["https://dlapiper.com/en-us/insights/publications/2024/06/sec-adopts-cyber-amendments-to-regulations-p-top-points"]),
        confidence: Confidence::High,
        applies_when: Applicability::entity([EntityType::RegSpServiceProvider]),
        time_zone: fixed(chrono_tz::America::New_York),
        reports: vec![Report::new(
            rep("covered-institution"),
            "Notice to the covered institution",
            recipient(RecipientKind::BusinessPartner, "the covered institution"),
            Urgency::AsSoonAsPracticable,
            "17 CFR 248.30(a)(5)(i)",
        )
        .limb(Limb::new(on(Milestone::Awareness), Offset::hours(72)))],
        note: None,
    }
}

/// New York DFS 23 NYCRR 500.17 as amended November 2023 \[H\]: notify the superintendent as
/// promptly as possible and within 72 hours of determining that a cybersecurity incident
/// occurred; an extortion payment within 24 hours of payment, and within 30 days a written
/// description of why it was necessary. No weekend relief for the 72 h; whether NY General
/// Construction Law § 25-a rolls the 30 days is untested, so it is an explicit reading.
/// Source: <https://www.law.cornell.edu/regulations/new-york/23-NYCRR-500.17>.
pub fn us_ny_dfs() -> Regime {
    let dfs = || {
        recipient(
            RecipientKind::Regulator,
            "NYDFS superintendent (DFS portal)",
        )
    };
    Regime {
        id: rid("us-ny-dfs-500-17"),
        version: "2023-11-01".to_owned(),
        name: "NYDFS 23 NYCRR 500.17".to_owned(),
        jurisdiction: j("US-NY"),
        sources: strs(&["https://www.law.cornell.edu/regulations/new-york/23-NYCRR-500.17"]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::NydfsCoveredEntity]),
            det("cybersecurity_incident"),
        ]),
        time_zone: fixed(chrono_tz::America::New_York),
        reports: vec![
            Report::new(
                rep("incident-notice"),
                "Notice of cybersecurity incident",
                dfs(),
                Urgency::AsSoonAsPracticable,
                "23 NYCRR 500.17(a)(1)",
            )
            .limb(Limb::new(on_det("cybersecurity_incident"), Offset::hours(72)))
            .note("continuing duty to update the superintendent with material changes"),
            Report::new(
                rep("extortion-payment-notice"),
                "Notice of extortion payment",
                dfs(),
                Urgency::ByDeadline,
                "23 NYCRR 500.17(c)(1)",
            )
            .when(Applicability::MilestoneRecorded {
                milestone: Milestone::ExtortionPaymentMade,
            })
            .limb(Limb::new(on(Milestone::ExtortionPaymentMade), Offset::hours(24))),
            Report::new(
                rep("extortion-payment-explanation"),
                "Written description of the reasons for the extortion payment",
                dfs(),
                Urgency::ByDeadline,
                "23 NYCRR 500.17(c)(2)",
            )
            .when(Applicability::MilestoneRecorded {
                milestone: Milestone::ExtortionPaymentMade,
            })
            .limb(
                Limb::new(on(Milestone::ExtortionPaymentMade), Offset::days(30))
                    .calendar(cal("us-federal"))
                    .ambiguous(&[Ambiguity::DayEnd, Ambiguity::RestDayExtension]),
            )
            .contents(contents(&[
                "why the payment was necessary",
                "alternatives to payment considered",
                "diligence to find alternatives and to comply with applicable rules, including OFAC",
            ])),
        ],
        note: None,
    }
}

/// US HIPAA Breach Notification Rule, 45 CFR 164.400–414 \[H\]: individuals without
/// unreasonable delay and within 60 calendar days of discovery (164.404(b)); prominent
/// media when more than 500 residents of a State are affected (164.406); HHS at the same
/// time for 500 or more, otherwise in the annual log within 60 days of the end of the
/// calendar year (164.408). Source: eCFR 45 CFR 164.404–414;
/// <https://getpocketlaw.com/law/cfr_45/section-164-408-notification-to-the-secretary_69b7f2ade63f>.
pub fn us_hipaa() -> Regime {
    let sixty = || Limb::new(Trigger::Detected, Offset::days(60)).ambiguous(&[Ambiguity::DayEnd]);
    let what = || {
        contents(&[
            "what happened, with the dates of the breach and of its discovery",
            "types of protected health information involved",
            "steps individuals should take to protect themselves",
            "what the entity is doing to investigate, mitigate and prevent",
            "contact procedures: toll-free number, e-mail, website or postal address",
        ])
    };
    Regime {
        id: rid("us-hipaa"),
        version: "2013-01-25".to_owned(),
        name: "HIPAA Breach Notification Rule".to_owned(),
        jurisdiction: j("US"),
        sources: strs(&[
            "45 CFR 164.404-414 (eCFR)",
            "https://getpocketlaw.com/law/cfr_45/section-164-408-notification-to-the-secretary_69b7f2ade63f",
        ]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::HipaaCoveredEntity]),
            Applicability::DataExposed {
                any_of: vec![DataCategory::Health],
            },
            Applicability::not(det_or("low_probability_of_compromise", false)),
        ]),
        time_zone: ZoneRule::Entity,
        reports: vec![
            Report::new(
                rep("individuals"),
                "Notice to individuals",
                recipient(RecipientKind::AffectedIndividuals, "affected individuals"),
                Urgency::WithoutUndueDelay,
                "45 CFR 164.404(b)",
            )
            .limb(sixty())
            .contents(what()),
            Report::new(
                rep("media"),
                "Notice to prominent media outlets",
                recipient(RecipientKind::Media, "prominent media outlets serving the State"),
                Urgency::WithoutUndueDelay,
                "45 CFR 164.406",
            )
            .when(Applicability::PeopleAtLeast { count: 501 })
            .limb(sixty())
            .contents(what())
            .note("the threshold is more than 500 residents of one State; per-State counts are not recorded, so the total is tested (conservative)"),
            Report::new(
                rep("hhs"),
                "Notice to the Secretary of HHS",
                recipient(RecipientKind::Regulator, "HHS Office for Civil Rights"),
                Urgency::WithoutUndueDelay,
                "45 CFR 164.408(b)",
            )
            .when(Applicability::PeopleAtLeast { count: 500 })
            .limb(sixty())
            .note("contemporaneously with the notice to individuals"),
            Report::new(
                rep("hhs-annual-log"),
                "Annual log of breaches affecting fewer than 500 individuals",
                recipient(RecipientKind::Regulator, "HHS Office for Civil Rights"),
                Urgency::ByDeadline,
                "45 CFR 164.408(c)",
            )
            .when(Applicability::not(Applicability::PeopleAtLeast { count: 500 }))
            .limb(
                Limb::new(Trigger::Detected, Offset::days(60))
                    .from_year_end()
                    .at(TimeOfDay::EndOfDay),
            ),
        ],
        note: Some("a law-enforcement delay under 164.412 is not modelled".to_owned()),
    }
}

/// US HIPAA business associates, 45 CFR 164.410 \[H\]: notify the covered entity without
/// unreasonable delay and within 60 days of discovery. Source as for [`us_hipaa`].
pub fn us_hipaa_business_associate() -> Regime {
    Regime {
        id: rid("us-hipaa-business-associate"),
        version: "2013-01-25".to_owned(),
        name: "HIPAA business associate notice".to_owned(),
        jurisdiction: j("US"),
        sources: strs(&["45 CFR 164.410 (eCFR)"]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::HipaaBusinessAssociate]),
            Applicability::DataExposed {
                any_of: vec![DataCategory::Health],
            },
        ]),
        time_zone: ZoneRule::Entity,
        reports: vec![Report::new(
            rep("covered-entity"),
            "Notice to the covered entity",
            recipient(RecipientKind::BusinessPartner, "the covered entity"),
            Urgency::WithoutUndueDelay,
            "45 CFR 164.410(b)",
        )
        .limb(Limb::new(Trigger::Detected, Offset::days(60)).ambiguous(&[Ambiguity::DayEnd]))
        .note("a business associate that is the covered entity's agent has its discovery imputed to the covered entity")],
        note: None,
    }
}

/// PRC Personal Information Protection Law Art. 57 \[H\]: when a leak, tampering or loss of
/// personal information occurs or may occur, immediately (立即) take remedial measures and
/// notify the personal-information protection authorities and the individuals; individuals
/// may be skipped when measures effectively avoid harm, unless the authority requires it.
/// No hour figure: the obligations have no timestamp. Source: PIPL (2021-08-20), npc.gov.cn.
pub fn cn_pipl() -> Regime {
    let cn = j("CN");
    let pipl_contents = || {
        contents(&[
            "categories of personal information involved, cause and possible harm (Art. 57(1))",
            "remedial measures taken and what individuals can do to reduce harm (Art. 57(2))",
            "contact details of the handler (Art. 57(3))",
        ])
    };
    Regime {
        id: rid("cn-pipl-57"),
        version: "2021-11-01".to_owned(),
        name: "PIPL Art. 57 (个人信息保护法)".to_owned(),
        jurisdiction: cn.clone(),
        sources: strs(&["个人信息保护法 (2021-08-20), http://www.npc.gov.cn"]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::any([
                Applicability::EstablishedIn {
                    jurisdictions: vec![cn.clone()],
                },
                Applicability::AffectedIn {
                    jurisdictions: vec![cn],
                },
            ]),
            Applicability::PersonalDataExposed,
        ]),
        time_zone: fixed(chrono_tz::Asia::Shanghai),
        reports: vec![
            Report::new(
                rep("authority"),
                "Notice to the personal-information protection authorities",
                recipient(RecipientKind::Regulator, "履行个人信息保护职责的部门"),
                Urgency::Immediately,
                "PIPL Art. 57(1)",
            )
            .contents(pipl_contents()),
            Report::new(
                rep("individuals"),
                "Notice to affected individuals",
                recipient(
                    RecipientKind::AffectedIndividuals,
                    "affected individuals (个人)",
                ),
                Urgency::Immediately,
                "PIPL Art. 57(1), (2)",
            )
            .when(Applicability::not(det_or("harm_avoided", false)))
            .contents(pipl_contents()),
        ],
        note: None,
    }
}

/// PRC Data Security Law Art. 29 \[H\]: on a data security incident, take measures
/// immediately, inform users in a timely manner (及时) and report to the competent
/// department as required. No timestamp. Source: DSL (2021-06-10), npc.gov.cn.
pub fn cn_dsl() -> Regime {
    Regime {
        id: rid("cn-dsl-29"),
        version: "2021-09-01".to_owned(),
        name: "DSL Art. 29 (数据安全法)".to_owned(),
        jurisdiction: j("CN"),
        sources: strs(&["数据安全法 (2021-06-10), http://www.npc.gov.cn"]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::EstablishedIn {
                jurisdictions: vec![j("CN")],
            },
            Applicability::DataExposed {
                any_of: all_data_categories(),
            },
        ]),
        time_zone: fixed(chrono_tz::Asia::Shanghai),
        reports: vec![
            Report::new(
                rep("competent-department"),
                "Report to the competent department",
                recipient(RecipientKind::Regulator, "有关主管部门"),
                Urgency::Timely,
                "DSL Art. 29",
            ),
            Report::new(
                rep("users"),
                "Information to users",
                recipient(RecipientKind::AffectedIndividuals, "users (用户)"),
                Urgency::Timely,
                "DSL Art. 29",
            ),
        ],
        note: None,
    }
}

fn all_data_categories() -> Vec<DataCategory> {
    vec![
        DataCategory::BasicIdentity,
        DataCategory::IdentityDocument,
        DataCategory::ContactDetails,
        DataCategory::Credentials,
        DataCategory::MultiFactorCredential,
        DataCategory::SessionToken,
        DataCategory::FinancialAccount,
        DataCategory::PaymentCard,
        DataCategory::TransactionHistory,
        DataCategory::VirtualCurrency,
        DataCategory::Biometric,
        DataCategory::Health,
        DataCategory::Location,
        DataCategory::InternalBusiness,
        DataCategory::SystemSecrets,
        DataCategory::SourceCode,
        DataCategory::Other,
    ]
}

/// PRC CAC 国家网络安全事件报告管理办法 (issued 2025-09-11, in force 2025-11-01) \[H\]: on
/// discovering an incident, grade it by the annexed grading guide; for 较大 (relatively
/// major) and above, CII operators report within 1 h to the protection department and the
/// police, central and state organs within 2 h, every other operator within 4 h to the
/// provincial CAC (Art. 4); a summary report within 30 days after handling ends (Art. 8).
/// The clock runs from discovery (the conservative reading; grading time is an explicit
/// alternative). Sources: <https://www.cac.gov.cn/2025-09/15/c_1759583017717009.htm>;
/// full text with annex <https://www.4hou.com/posts/kg1x>.
pub fn cn_cac() -> Regime {
    let discovery = |hours| {
        Limb::new(Trigger::Detected, Offset::hours(hours)).ambiguous(&[Ambiguity::CacAnchor])
    };
    let art7 = || {
        contents(&[
            "operator and affected system (Art. 7(1))",
            "discovery time, incident type, impact and measures taken; ransom details for ransomware (Art. 7(2))",
            "trend of the incident (Art. 7(3))",
            "preliminary cause (Art. 7(4))",
            "leads: attacker, attack path, vulnerability (Art. 7(5))",
            "planned measures and support needed (Art. 7(6))",
            "scene preservation (Art. 7(7))",
        ])
    };
    let cii = Applicability::entity([EntityType::CnCiiOperator]);
    let organ = Applicability::entity([EntityType::CnStateOrgan]);
    Regime {
        id: rid("cn-cac-incident-reporting"),
        version: "2025-11-01".to_owned(),
        name: "CAC 国家网络安全事件报告管理办法".to_owned(),
        jurisdiction: j("CN"),
        sources: strs(&[
            "https://www.cac.gov.cn/2025-09/15/c_1759583017717009.htm",
            "https://www.4hou.com/posts/kg1x",
        ]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::EstablishedIn {
                jurisdictions: vec![j("CN")],
            },
            Applicability::GradeAtLeast {
                grade: CnGrade::RelativelyMajor,
            },
        ]),
        time_zone: fixed(chrono_tz::Asia::Shanghai),
        reports: vec![
            Report::new(
                rep("cii-report"),
                "Report by a CII operator",
                recipient(RecipientKind::Regulator, "保护工作部门 and 公安机关"),
                Urgency::Immediately,
                "CAC Measures Art. 4(1)",
            )
            .when(cii.clone())
            .limb(discovery(1))
            .contents(art7()),
            Report::new(
                rep("state-organ-report"),
                "Report by a central or state organ",
                recipient(RecipientKind::Regulator, "本部门网信工作机构"),
                Urgency::Immediately,
                "CAC Measures Art. 4(2)",
            )
            .when(Applicability::all([Applicability::not(cii.clone()), organ.clone()]))
            .limb(discovery(2))
            .contents(art7()),
            Report::new(
                rep("provincial-report"),
                "Report to the provincial cyberspace administration",
                recipient(RecipientKind::Regulator, "属地省级网信部门"),
                Urgency::Timely,
                "CAC Measures Art. 4(3)",
            )
            .when(Applicability::not(Applicability::any([cii, organ])))
            .limb(discovery(4))
            .contents(art7())
            .note("if cause or impact are unclear in time, report items (1) and (2) first and the rest later (Art. 7)"),
            Report::new(
                rep("summary-report"),
                "Summary report after handling ends",
                recipient(RecipientKind::Regulator, "the original reporting channel"),
                Urgency::ByDeadline,
                "CAC Measures Art. 8",
            )
            .limb(
                Limb::new(on(Milestone::HandlingEnded), Offset::days(30))
                    .calendar(cal("cn"))
                    .ambiguous(&[Ambiguity::DayEnd, Ambiguity::RestDayExtension]),
            )
            .contents(contents(&[
                "cause, measures taken, harm",
                "accountability",
                "remediation and lessons learned",
            ])),
        ],
        note: Some("sector rules (CSRC, PBOC) apply in addition (Art. 4)".to_owned()),
    }
}

/// CSRC (securities and futures) \[M for Order 218 Art. 39; L for time limits\]: an
/// emergency report to the CSRC and its local office with no hour figure (证券期货业网络和
/// 信息安全管理办法, Order 218, Art. 39). The time limits of CSRC Announcement \[2021\] No. 12
/// were not read; the 5-working-day summary report comes from its superseded 2012
/// predecessor (Ann. \[2012\] No. 46 Art. 18) and ships only as an unverified placeholder.
/// Sources: <https://www.csrc.gov.cn/csrc/c101953/c7202800/content.shtml>;
/// <http://4671580.com/article/CS/info-3386_5.html>.
pub fn cn_csrc() -> Regime {
    Regime {
        id: rid("cn-csrc"),
        version: "2023-05-01".to_owned(),
        name: "CSRC 证券期货业网络安全事件报告".to_owned(),
        jurisdiction: j("CN"),
        sources: strs(&[
            "https://www.csrc.gov.cn/csrc/c101953/c7202800/content.shtml",
            "http://4671580.com/article/CS/info-3386_5.html",
        ]),
        confidence: Confidence::Medium,
        applies_when: Applicability::all([
            Applicability::EstablishedIn {
                jurisdictions: vec![j("CN")],
            },
            Applicability::entity([EntityType::CnSecuritiesFirm]),
        ]),
        time_zone: fixed(chrono_tz::Asia::Shanghai),
        reports: vec![
            Report::new(
                rep("emergency-report"),
                "Emergency report to the CSRC and its local office",
                recipient(RecipientKind::Regulator, "中国证监会及其派出机构"),
                Urgency::Immediately,
                "CSRC Order 218 Art. 39",
            )
            .note("CSRC rule unverified: the time limits of Ann. [2021] No. 12 were not read; the CAC clock still applies"),
            Report::new(
                rep("summary-report"),
                "Investigation and summary report",
                recipient(RecipientKind::Regulator, "中国证监会派出机构"),
                Urgency::ByDeadline,
                "CSRC Ann. [2012] No. 46 Art. 18 (superseded; placeholder)",
            )
            .confidence(Confidence::Low)
            .limb(
                Limb::new(on(Milestone::HandlingEnded), Offset::working_days(5))
                    .calendar(cal("cn"))
                    .at(TimeOfDay::EndOfDay),
            )
            .note("placeholder from the superseded 2012 text until CSRC Ann. [2021] No. 12 is read"),
        ],
        note: None,
    }
}

/// PBOC 中国人民银行业务领域网络安全事件报告管理办法 (Order \[2025\] No. 4, in force
/// 2025-08-01) \[L\]: financial institutions in PBOC business fields report to the PBOC or its
/// local branch (Art. 2). Its time limits were not read (the 2025-01 draft had 30 min and
/// 2 h); the report ships without a timestamp and flagged unverified. Source:
/// <https://lawinfochina.com/display.aspx?id=44842&lib=law>.
pub fn cn_pboc() -> Regime {
    Regime {
        id: rid("cn-pboc"),
        version: "2025-08-01".to_owned(),
        name: "PBOC 业务领域网络安全事件报告管理办法".to_owned(),
        jurisdiction: j("CN"),
        sources: strs(&["https://lawinfochina.com/display.aspx?id=44842&lib=law"]),
        confidence: Confidence::Low,
        applies_when: Applicability::all([
            Applicability::EstablishedIn {
                jurisdictions: vec![j("CN")],
            },
            Applicability::entity([EntityType::CnPbocInstitution]),
        ]),
        time_zone: fixed(chrono_tz::Asia::Shanghai),
        reports: vec![Report::new(
            rep("incident-report"),
            "Report to the PBOC or its local branch",
            recipient(RecipientKind::Regulator, "中国人民银行或者住所地中国人民银行分支机构"),
            Urgency::Immediately,
            "PBOC Order [2025] No. 4 Art. 2",
        )
        .note("time limits not verified (the 2025-01 draft: 30 min brief report, 2 h report); override with the order's text")],
        note: None,
    }
}

/// Singapore MAS Notice 644 (banks; equivalent technology-risk notices for other
/// licensees) \[M\]: notify MAS as soon as possible and within 1 hour of discovering a
/// relevant incident; a root-cause and impact analysis report within 14 days of discovery.
/// Source: <https://opcode.com.au/guides/mas-trm-aws-incident-response>.
pub fn sg_mas_644() -> Regime {
    let mas = || recipient(RecipientKind::Regulator, "Monetary Authority of Singapore");
    Regime {
        id: rid("sg-mas-644"),
        version: "2024-05-10".to_owned(),
        name: "MAS Notice 644".to_owned(),
        jurisdiction: j("SG"),
        sources: strs(&["https://opcode.com.au/guides/mas-trm-aws-incident-response"]),
        confidence: Confidence::Medium,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::MasRegulated]),
            det("relevant_incident"),
        ]),
        time_zone: fixed(chrono_tz::Asia::Singapore),
        reports: vec![
            Report::new(
                rep("notification"),
                "Notification of a relevant incident",
                mas(),
                Urgency::AsSoonAsPracticable,
                "MAS Notice 644 para. 7",
            )
            .limb(Limb::new(Trigger::Detected, Offset::hours(1))),
            Report::new(
                rep("root-cause-report"),
                "Root-cause and impact analysis report",
                mas(),
                Urgency::ByDeadline,
                "MAS Notice 644 para. 8",
            )
            .limb(Limb::new(Trigger::Detected, Offset::days(14)).ambiguous(&[Ambiguity::DayEnd])),
        ],
        note: None,
    }
}

/// Singapore PDPA ss. 26A–26E \[H\]: assess a breach reasonably and expeditiously (PDPC
/// guide: generally within 30 days of awareness); notify the PDPC as soon as practicable
/// and no later than 3 calendar days after the day the breach is assessed notifiable
/// (significant harm, or at least 500 individuals); affected individuals (significant harm
/// only) at the same time or after. Source:
/// <https://sso.agc.gov.sg/Act/PDPA2012?ProvIds=P16A->.
pub fn sg_pdpa() -> Regime {
    let sg = j("SG");
    Regime {
        id: rid("sg-pdpa"),
        version: "2021-02-01".to_owned(),
        name: "Singapore PDPA Part 6A".to_owned(),
        jurisdiction: sg.clone(),
        sources: strs(&["https://sso.agc.gov.sg/Act/PDPA2012?ProvIds=P16A-"]),
        confidence: Confidence::High,
        applies_when: Applicability::all([
            Applicability::any([
                Applicability::EstablishedIn {
                    jurisdictions: vec![sg.clone()],
                },
                Applicability::AffectedIn {
                    jurisdictions: vec![sg],
                },
            ]),
            Applicability::PersonalDataExposed,
        ]),
        time_zone: fixed(chrono_tz::Asia::Singapore),
        reports: vec![
            Report::new(
                rep("assessment"),
                "Assessment whether the breach is notifiable",
                recipient(RecipientKind::Internal, "the organisation"),
                Urgency::AsSoonAsPracticable,
                "PDPA s. 26C; PDPC guide on managing data breaches",
            )
            .confidence(Confidence::Medium)
            .limb(
                Limb::new(on(Milestone::Awareness), Offset::days(30))
                    .ambiguous(&[Ambiguity::DayEnd]),
            )
            .note("the 30 days are PDPC guidance ('generally'), not the Act"),
            Report::new(
                rep("pdpc"),
                "Notification to the PDPC",
                recipient(
                    RecipientKind::Regulator,
                    "Personal Data Protection Commission",
                ),
                Urgency::AsSoonAsPracticable,
                "PDPA s. 26D(1)",
            )
            .when(Applicability::any([
                det("significant_harm"),
                Applicability::PeopleAtLeast { count: 500 },
            ]))
            .limb(
                Limb::new(on(Milestone::AssessmentCompleted), Offset::days(3))
                    .at(TimeOfDay::EndOfDay),
            ),
            Report::new(
                rep("individuals"),
                "Notification to affected individuals",
                recipient(RecipientKind::AffectedIndividuals, "affected individuals"),
                Urgency::AsSoonAsPracticable,
                "PDPA s. 26D(2)",
            )
            .when(det("significant_harm"))
            .note("on or after notifying the PDPC"),
        ],
        note: None,
    }
}

/// Hong Kong Protection of Critical Infrastructures (Computer Systems) Ordinance, Cap. 653
/// (in force 2026-01-01) \[H notice; L written report\]: a designated operator notifies the
/// Commissioner as soon as practicable and within 12 hours of becoming aware if the core
/// function is or is likely to be disrupted, otherwise within 48 hours (s. 28 and
/// Schedule); a written report within 14 days (not verified). Source:
/// <https://www.legco.gov.hk/yr2025/english/ord/2025ord004-e.pdf>.
pub fn hk_cap_653() -> Regime {
    let commissioner = || {
        recipient(
            RecipientKind::Regulator,
            "Commissioner of Critical Infrastructure (Computer-system Security)",
        )
    };
    Regime {
        id: rid("hk-cap-653"),
        version: "2026-01-01".to_owned(),
        name: "Hong Kong Cap. 653".to_owned(),
        jurisdiction: j("HK"),
        sources: strs(&["https://www.legco.gov.hk/yr2025/english/ord/2025ord004-e.pdf"]),
        confidence: Confidence::High,
        applies_when: Applicability::entity([EntityType::HkCriticalInfrastructureOperator]),
        time_zone: fixed(chrono_tz::Asia::Hong_Kong),
        reports: vec![
            Report::new(
                rep("notification-serious"),
                "Notification (core function disrupted)",
                commissioner(),
                Urgency::AsSoonAsPracticable,
                "Cap. 653 s. 28; Schedule",
            )
            .when(det("core_function_disrupted"))
            .limb(Limb::new(on(Milestone::Awareness), Offset::hours(12))),
            Report::new(
                rep("notification"),
                "Notification (other incidents)",
                commissioner(),
                Urgency::AsSoonAsPracticable,
                "Cap. 653 s. 28; Schedule",
            )
            .when(Applicability::not(det("core_function_disrupted")))
            .limb(Limb::new(on(Milestone::Awareness), Offset::hours(48))),
            Report::new(
                rep("written-report"),
                "Written report",
                commissioner(),
                Urgency::ByDeadline,
                "Cap. 653 s. 28 (written report)",
            )
            .confidence(Confidence::Low)
            .limb(
                Limb::new(on(Milestone::Awareness), Offset::days(14))
                    .ambiguous(&[Ambiguity::DayEnd]),
            ),
        ],
        note: None,
    }
}

/// Hong Kong SFC Code of Conduct para. 12.5 \[M\]: a licensed corporation reports material
/// breaches and material failures of its trading or clearing systems immediately, on
/// identification. Source: <https://conventuslaw.com/?p=72120>.
pub fn hk_sfc() -> Regime {
    Regime {
        id: rid("hk-sfc"),
        version: "2024-01-01".to_owned(),
        name: "SFC Code of Conduct para. 12.5".to_owned(),
        jurisdiction: j("HK"),
        sources: strs(&["https://conventuslaw.com/?p=72120"]),
        confidence: Confidence::Medium,
        applies_when: Applicability::all([
            Applicability::entity([EntityType::HkSfcLicensed]),
            det("material_breach"),
        ]),
        time_zone: fixed(chrono_tz::Asia::Hong_Kong),
        reports: vec![Report::new(
            rep("report"),
            "Report to the SFC",
            recipient(
                RecipientKind::Regulator,
                "Securities and Futures Commission",
            ),
            Urgency::Immediately,
            "SFC Code of Conduct para. 12.5",
        )],
        note: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regulation::Unit;

    #[test]
    fn builtin_ids_are_valid_and_unique() {
        let regimes = builtin_regimes();
        let mut ids: Vec<_> = regimes.iter().map(|r| r.id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), regimes.len());
        for r in &regimes {
            assert!(RegimeId::new(r.id.as_str()).is_ok());
            assert!(
                Jurisdiction::new(r.jurisdiction.as_str()).is_ok(),
                "{}",
                r.id
            );
            assert!(!r.sources.is_empty(), "{} cites no source", r.id);
            let mut reports: Vec<_> = r.reports.iter().map(|p| p.id.clone()).collect();
            reports.sort();
            reports.dedup();
            assert_eq!(reports.len(), r.reports.len(), "{}", r.id);
            for p in &r.reports {
                assert!(ReportId::new(p.id.as_str()).is_ok());
                for limb in &p.deadline {
                    if let Trigger::Filed { report, .. } = &limb.trigger {
                        assert!(r.report(report).is_some(), "{} / {}", r.id, p.id);
                    }
                    if limb.offset.unit == Unit::WorkingDays {
                        assert!(limb.calendar.is_some(), "{} / {}", r.id, p.id);
                    }
                }
            }
        }
        for (name, _) in BUILTIN_FACTS {
            assert!(FactName::new(name).is_ok());
        }
    }
}
