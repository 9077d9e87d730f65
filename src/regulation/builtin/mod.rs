//! The regimes that ship with the crate. Each is plain data (a host can serialize, inspect
//! and override it); each cites its source. Rules the project's regulatory reference marks
//! as not verified ship with [`Confidence::Low`](crate::regulation::Confidence::Low) and say
//! so in every obligation.
//!
//! Determinations the built-in regimes read (record them with
//! [`Command::RecordDetermination`](crate::Command::RecordDetermination)) are listed in
//! [`BUILTIN_FACTS`].
//!
//! One file per jurisdiction (`eu`, `us`, `us_ny`, `cn`, `sg`, `hk`), each regime a function
//! of the same name; `builder` holds the chainable setters on `Report` and `Limb` they are
//! written with, and this file the list of all regimes and the short constructors they share.

mod builder;
mod cn;
mod eu;
mod hk;
mod sg;
mod us;
mod us_ny;

use chrono::NaiveDate;

use super::{
    Applicability, CalendarRule, Confidence, InForce, Milestone, RecipientKind, Regime,
    ReportRecipient, Trigger, ZoneRule,
};
use crate::locale::{Locale, Translations, Zone};
use crate::{classify::Jurisdiction, id::CalendarId, id::FactName, id::RegimeId, id::ReportId};

pub use cn::{cn_cac, cn_csrc, cn_dsl, cn_pboc, cn_pipl};
pub use eu::{eu_dora, eu_gdpr, eu_nis2};
pub use hk::{hk_cap_653, hk_sfc};
pub use sg::{sg_mas_644, sg_pdpa};
pub use us::{
    us_hipaa, us_hipaa_business_associate, us_sec_6k, us_sec_8k, us_sec_reg_sp,
    us_sec_reg_sp_service_provider,
};
pub use us_ny::{us_ny_dfs, us_ny_dfs_2017};

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

/// Every built-in regime, in a stable order. A regime superseded by a later version keeps
/// its id and follows it (`us-ny-dfs-500-17` of 2017 after that of 2023); their in-force
/// dates do not overlap, so at most one applies to a trigger.
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
        us_ny_dfs_2017(),
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

// The short constructors the regime files are written with.

/// A regime's name in Simplified (zh-CN) and Traditional Hong Kong (zh-HK) Chinese. Laws
/// are named by their official Chinese titles where one exists: the PRC's as published
/// (npc.gov.cn, cac.gov.cn, csrc.gov.cn, pbc.gov.cn); Hong Kong's Cap. 653 as gazetted
/// (《保護關鍵基礎設施(電腦系統)條例》, https://www.info.gov.hk/gia/general/202506/27/P2025062700241.htm);
/// foreign laws by the names used in Chinese legal commentary (e.g. 《个人数据保护法》 for
/// Singapore's PDPA, https://www.insightslaw.sg). Checked 2026-12-07.
fn titles(zh_cn: &str, zh_hk: &str) -> Translations {
    Translations::new()
        .with(Locale::ZhCn, zh_cn)
        .with(Locale::ZhHk, zh_hk)
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
        time_zone: Zone::from(tz),
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
fn recipient(kind: RecipientKind, name: &str) -> ReportRecipient {
    ReportRecipient {
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
/// A date literal; an impossible one gives `NaiveDate::MIN`, which a test rules out.
fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}
/// In force from a date, with its source and how sure the date is.
fn in_force(from: (i32, u32, u32), confidence: Confidence, source: &str) -> Option<InForce> {
    let (y, m, d) = from;
    Some(InForce::from(ymd(y, m, d), source).confidence(confidence))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regulation::Unit;

    /// Chinese readers of a deadline or a review report read each report's name in their
    /// own script.
    #[test]
    fn every_builtin_report_has_a_simplified_and_a_traditional_title() {
        use crate::locale::Locale;
        for regime in builtin_regimes() {
            for report in &regime.reports {
                for locale in [Locale::ZhCn, Locale::ZhHk] {
                    let title = report.titles.get(locale).unwrap_or_default();
                    assert!(
                        !title.is_empty() && !title.is_ascii(),
                        "{} / {} has no {locale} title",
                        regime.id,
                        report.id
                    );
                }
            }
        }
    }

    /// A Chinese page names each regime in Chinese, and an English page in English only: a
    /// name such as "CSRC 证券期货业网络安全事件报告" printed on both reads wrong on both.
    #[test]
    fn every_builtin_regime_has_an_english_name_and_chinese_titles() {
        use crate::locale::Locale;
        for regime in builtin_regimes() {
            assert!(
                regime.name.is_ascii(),
                "{}: {:?} is not English",
                regime.id,
                regime.name
            );
            for locale in [Locale::ZhCn, Locale::ZhHk] {
                let title = regime.titles.get(locale).unwrap_or_default();
                assert!(
                    title
                        .chars()
                        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{} has no {locale} title",
                    regime.id
                );
            }
            let (cn, hk) = (
                regime.titles.get(Locale::ZhCn),
                regime.titles.get(Locale::ZhHk),
            );
            assert_ne!(cn, hk, "{}: the zh-HK title is the zh-CN one", regime.id);
        }
    }

    #[test]
    fn builtin_ids_are_valid_and_unique() {
        let regimes = builtin_regimes();
        let mut ids: Vec<_> = regimes
            .iter()
            .map(|r| (r.id.clone(), r.version.clone()))
            .collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), regimes.len());
        for r in &regimes {
            // Every version carries the dates it applies, with their source (checked
            // 2026-12-06); none is an unparsed literal.
            let dates = r
                .in_force
                .as_ref()
                .unwrap_or_else(|| panic!("{} has no in-force date", r.id));
            assert_ne!(dates.from, NaiveDate::MIN, "{}", r.id);
            assert!(dates.until.is_none_or(|u| u > dates.from), "{}", r.id);
            assert!(!dates.source.is_empty(), "{}", r.id);
            for later in &dates.later_for {
                assert!(later.from > dates.from, "{}", r.id);
            }
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
