//! The built-in templates: zh-CN, zh-HK and en for every message kind, written in Markdown under
//! `templates/` (subject on the first line after `Subject: `, a blank line, the body), and
//! the short variants for SMS, app push and WeChat (`builtin_short`).
//!
//! The identity-theft guide holds one line [`COUNTRY_SECTION`]; it is replaced, before the
//! text is parsed, by [`country_section`] for the set's country, so that the guide's facts
//! come from the `identity_theft` table and not from prose.

use super::template_error::kind_name;
use super::{country_section, Country, Format, MessageKind, Template};
use crate::id::TemplateId;
use crate::locale::Locale;

/// The built-in texts: subject on the first line after `Subject: `, a blank line, the body.
const BUILTIN: [(MessageKind, Locale, &str); 36] = [
    (
        MessageKind::InitialNotice,
        Locale::ZhCn,
        include_str!("templates/initial_notice.zh-CN.md"),
    ),
    (
        MessageKind::InitialNotice,
        Locale::ZhHk,
        include_str!("templates/initial_notice.zh-HK.md"),
    ),
    (
        MessageKind::InitialNotice,
        Locale::En,
        include_str!("templates/initial_notice.en.md"),
    ),
    (
        MessageKind::Update,
        Locale::ZhCn,
        include_str!("templates/update.zh-CN.md"),
    ),
    (
        MessageKind::Update,
        Locale::ZhHk,
        include_str!("templates/update.zh-HK.md"),
    ),
    (
        MessageKind::Update,
        Locale::En,
        include_str!("templates/update.en.md"),
    ),
    (
        MessageKind::HoldingStatement,
        Locale::ZhCn,
        include_str!("templates/holding_statement.zh-CN.md"),
    ),
    (
        MessageKind::HoldingStatement,
        Locale::ZhHk,
        include_str!("templates/holding_statement.zh-HK.md"),
    ),
    (
        MessageKind::HoldingStatement,
        Locale::En,
        include_str!("templates/holding_statement.en.md"),
    ),
    (
        MessageKind::RegulatorReport,
        Locale::ZhCn,
        include_str!("templates/regulator_report.zh-CN.md"),
    ),
    (
        MessageKind::RegulatorReport,
        Locale::ZhHk,
        include_str!("templates/regulator_report.zh-HK.md"),
    ),
    (
        MessageKind::RegulatorReport,
        Locale::En,
        include_str!("templates/regulator_report.en.md"),
    ),
    (
        MessageKind::IdentityTheftGuide,
        Locale::ZhCn,
        include_str!("templates/identity_theft_guide.zh-CN.md"),
    ),
    (
        MessageKind::IdentityTheftGuide,
        Locale::ZhHk,
        include_str!("templates/identity_theft_guide.zh-HK.md"),
    ),
    (
        MessageKind::IdentityTheftGuide,
        Locale::En,
        include_str!("templates/identity_theft_guide.en.md"),
    ),
    (
        MessageKind::Faq,
        Locale::ZhCn,
        include_str!("templates/faq.zh-CN.md"),
    ),
    (
        MessageKind::Faq,
        Locale::ZhHk,
        include_str!("templates/faq.zh-HK.md"),
    ),
    (
        MessageKind::Faq,
        Locale::En,
        include_str!("templates/faq.en.md"),
    ),
    (
        MessageKind::ResolutionNotice,
        Locale::ZhCn,
        include_str!("templates/resolution_notice.zh-CN.md"),
    ),
    (
        MessageKind::ResolutionNotice,
        Locale::ZhHk,
        include_str!("templates/resolution_notice.zh-HK.md"),
    ),
    (
        MessageKind::ResolutionNotice,
        Locale::En,
        include_str!("templates/resolution_notice.en.md"),
    ),
    (
        MessageKind::Survey,
        Locale::ZhCn,
        include_str!("templates/survey.zh-CN.md"),
    ),
    (
        MessageKind::Survey,
        Locale::ZhHk,
        include_str!("templates/survey.zh-HK.md"),
    ),
    (
        MessageKind::Survey,
        Locale::En,
        include_str!("templates/survey.en.md"),
    ),
    (
        MessageKind::PressRelease,
        Locale::ZhCn,
        include_str!("templates/press_release.zh-CN.md"),
    ),
    (
        MessageKind::PressRelease,
        Locale::ZhHk,
        include_str!("templates/press_release.zh-HK.md"),
    ),
    (
        MessageKind::PressRelease,
        Locale::En,
        include_str!("templates/press_release.en.md"),
    ),
    (
        MessageKind::StaffBriefing,
        Locale::ZhCn,
        include_str!("templates/staff_briefing.zh-CN.md"),
    ),
    (
        MessageKind::StaffBriefing,
        Locale::ZhHk,
        include_str!("templates/staff_briefing.zh-HK.md"),
    ),
    (
        MessageKind::StaffBriefing,
        Locale::En,
        include_str!("templates/staff_briefing.en.md"),
    ),
    (
        MessageKind::HotlineScript,
        Locale::ZhCn,
        include_str!("templates/hotline_script.zh-CN.md"),
    ),
    (
        MessageKind::HotlineScript,
        Locale::ZhHk,
        include_str!("templates/hotline_script.zh-HK.md"),
    ),
    (
        MessageKind::HotlineScript,
        Locale::En,
        include_str!("templates/hotline_script.en.md"),
    ),
    (
        MessageKind::SpokespersonQa,
        Locale::ZhCn,
        include_str!("templates/spokesperson_qa.zh-CN.md"),
    ),
    (
        MessageKind::SpokespersonQa,
        Locale::ZhHk,
        include_str!("templates/spokesperson_qa.zh-HK.md"),
    ),
    (
        MessageKind::SpokespersonQa,
        Locale::En,
        include_str!("templates/spokesperson_qa.en.md"),
    ),
];

/// The line in a built-in text that is replaced by the country section.
const COUNTRY_SECTION: &str = "%%country_section%%";

/// The survey variants that also ask the recommendation (NPS) question: opt-in, see
/// [`TemplateSet::add_recommendation_question`](super::TemplateSet::add_recommendation_question).
const SURVEY_WITH_RECOMMENDATION: [(Locale, &str); 3] = [
    (
        Locale::ZhCn,
        include_str!("templates/survey_with_recommendation.zh-CN.md"),
    ),
    (
        Locale::ZhHk,
        include_str!("templates/survey_with_recommendation.zh-HK.md"),
    ),
    (
        Locale::En,
        include_str!("templates/survey_with_recommendation.en.md"),
    ),
];

/// The FAQ variants for securities firms, with two more questions: how a frozen account is
/// released and what happens to positions sold without the client's consent. Opt-in, see
/// [`TemplateSet::add_securities_questions`](super::TemplateSet::add_securities_questions).
const FAQ_FOR_SECURITIES: [(Locale, &str); 3] = [
    (
        Locale::ZhCn,
        include_str!("templates/faq_securities.zh-CN.md"),
    ),
    (
        Locale::ZhHk,
        include_str!("templates/faq_securities.zh-HK.md"),
    ),
    (Locale::En, include_str!("templates/faq_securities.en.md")),
];

fn builtin_template(kind: MessageKind, locale: Locale, text: &str) -> Result<Template, String> {
    let id = TemplateId::new(format!("builtin.{}.{locale}", kind_name(kind)))
        .map_err(|e| e.to_string())?;
    parse(id, kind, locale, text)
}

fn parse(
    id: TemplateId,
    kind: MessageKind,
    locale: Locale,
    text: &str,
) -> Result<Template, String> {
    let (subject, body) = match text
        .strip_prefix("Subject: ")
        .and_then(|s| s.split_once('\n'))
    {
        Some((subject, rest)) => (Some(subject), rest.strip_prefix('\n').unwrap_or(rest)),
        None => (None, text),
    };
    let mut builder = Template::builder(id, kind, locale)
        .format(Format::Markdown)
        .body(body);
    if let Some(subject) = subject {
        builder = builder.subject(subject);
    }
    builder.build().map_err(|e| e.to_string())
}

/// `text` with the country-section line replaced for `country` in `locale`.
fn for_country(text: &str, country: Country, locale: Locale) -> String {
    text.replace(COUNTRY_SECTION, country_section(country, locale).trim_end())
}

/// Every built-in template for readers in `country`, parsed: the full texts and the short
/// SMS variants. The texts are checked by a unit test; one that failed to parse would be
/// left out rather than panic in a host.
pub(super) fn builtin_templates(country: Country) -> impl Iterator<Item = Template> {
    let full = BUILTIN.into_iter().filter_map(move |(kind, locale, text)| {
        builtin_template(kind, locale, &for_country(text, country, locale)).ok()
    });
    full.chain(super::builtin_short::short_templates())
}

/// The built-in FAQs for securities firms.
pub(super) fn faqs_for_securities() -> impl Iterator<Item = Template> {
    FAQ_FOR_SECURITIES.into_iter().filter_map(|(locale, text)| {
        let id = TemplateId::new(format!("builtin.faq_securities.{locale}")).ok()?;
        parse(id, MessageKind::Faq, locale, text).ok()
    })
}

/// The built-in surveys that also ask how likely the reader is to recommend the firm.
pub(super) fn surveys_with_recommendation() -> impl Iterator<Item = Template> {
    SURVEY_WITH_RECOMMENDATION
        .into_iter()
        .filter_map(|(locale, text)| {
            let id =
                TemplateId::new(format!("builtin.survey_with_recommendation.{locale}")).ok()?;
            parse(id, MessageKind::Survey, locale, text).ok()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comms::{Audience, TemplateSet};

    #[test]
    fn every_builtin_template_is_present_and_passes_registration() {
        let set = TemplateSet::builtin();
        for kind in MessageKind::ALL {
            for locale in Locale::ALL {
                let (_, _, text) = BUILTIN
                    .iter()
                    .find(|(k, l, _)| *k == kind && *l == locale)
                    .unwrap();
                let text = for_country(text, Country::Cn, locale);
                assert!(!text.contains(COUNTRY_SECTION));
                let t = builtin_template(kind, locale, &text).unwrap();
                assert!(t.subject().is_some(), "{}", t.id());
                TemplateSet::empty().validate(&t).unwrap();
                for audience in Audience::ALL {
                    let found = set.lookup(kind, locale, audience).unwrap();
                    assert_eq!(found, &t);
                }
            }
        }
        assert_eq!(
            set.templates().filter(|t| t.channel().is_none()).count(),
            36
        );
    }

    #[test]
    fn the_identity_theft_guide_covers_every_topic_in_both_languages() {
        let set = TemplateSet::builtin();
        let zh = set
            .lookup(
                MessageKind::IdentityTheftGuide,
                Locale::ZhCn,
                Audience::AffectedCustomers,
            )
            .unwrap()
            .body();
        for topic in [
            "修改密码",
            "交易密码通常为6位数字",
            "二次验证",
            "钓鱼",
            "屏幕共享",
            "安全账户",
            "征信修复",
            "身份证号码无法更换",
            "信用报告",
            "冻结",
            "报案",
            "接到96110来电请务必接听",
            "12378",
        ] {
            assert!(zh.contains(topic), "zh guide lacks {topic}");
        }
        // The guide for Hong Kong readers names the Hong Kong lines, in Hong Kong usage.
        let hk = TemplateSet::builtin_for(Country::Hk);
        let hk = hk
            .lookup(
                MessageKind::IdentityTheftGuide,
                Locale::ZhHk,
                Audience::AffectedCustomers,
            )
            .unwrap()
            .body();
        for topic in [
            "修改密碼",
            "雙重認證",
            "釣魚",
            "安全賬戶",
            "身份證號碼無法更換",
            "信貸報告",
            "報案",
            "18222",
            "環聯",
            "個人資料私隱專員公署",
        ] {
            assert!(hk.contains(topic), "zh-HK guide lacks {topic}");
        }
        let en = set
            .lookup(
                MessageKind::IdentityTheftGuide,
                Locale::En,
                Audience::AffectedCustomers,
            )
            .unwrap()
            .body();
        for topic in [
            "Change your passwords",
            "six digits",
            "two-factor authentication",
            "share your screen",
            "safe account",
            "cannot be changed",
            "phishing",
            "credit report",
            "freeze",
            "Report",
        ] {
            assert!(en.contains(topic), "en guide lacks {topic}");
        }
        // The guide promises nothing the firm has not stated: no credit monitoring, and no
        // stale or wrong facts.
        for country in Country::ALL {
            let set = TemplateSet::builtin_for(country);
            for locale in Locale::ALL {
                let body = set
                    .lookup(
                        MessageKind::IdentityTheftGuide,
                        locale,
                        Audience::AffectedCustomers,
                    )
                    .unwrap()
                    .body()
                    .to_owned();
                for stale in [
                    "Action Fraud",
                    "12 个月",
                    "12个月",
                    "monitoring",
                    "监测",
                    "監測",
                    "至少 12 位",
                    "at least 12 characters",
                    "挂失补办",
                    "掛失補辦",
                ] {
                    assert!(!body.contains(stale), "{country} {locale}: {stale}");
                }
                assert!(body.contains(&country_section(country, locale).trim_end().to_owned()));
            }
        }
    }

    #[test]
    fn surveys_rate_statements_and_ask_no_recommendation_by_default() {
        let set = TemplateSet::builtin();
        for locale in Locale::ALL {
            let body = set
                .lookup(MessageKind::Survey, locale, Audience::AffectedCustomers)
                .unwrap()
                .body();
            let scored: Vec<&str> = body
                .lines()
                .filter(|l| {
                    ["1. ", "2. ", "3. ", "4. ", "5. "]
                        .iter()
                        .any(|n| l.starts_with(n))
                })
                .collect();
            assert_eq!(scored.len(), 5, "{locale}");
            for line in scored {
                assert!(
                    line.ends_with('。') || line.ends_with('.'),
                    "{locale}: {line}"
                );
                assert!(
                    !line.contains('？') && !line.contains('?'),
                    "{locale}: {line}"
                );
            }
            for nps in ["推荐", "推薦", "recommend", "0＝", "0 ("] {
                assert!(!body.contains(nps), "{locale}: {nps}");
            }
            assert!(
                body.contains("补偿") || body.contains("補償") || body.contains("compensation")
            );
            assert!(!body.contains("赔偿") && !body.contains("賠償"));
        }
        let mut with = TemplateSet::builtin();
        with.add_recommendation_question().unwrap();
        for locale in Locale::ALL {
            let t = with
                .lookup(MessageKind::Survey, locale, Audience::AffectedCustomers)
                .unwrap();
            assert_eq!(
                t.id().as_str(),
                format!("builtin.survey_with_recommendation.{locale}")
            );
            assert!(
                t.body().contains("推荐")
                    || t.body().contains("推薦")
                    || t.body().contains("recommend")
            );
        }
        let json = serde_json::to_value(&with).unwrap();
        let back: TemplateSet = serde_json::from_value(json).unwrap();
        assert_eq!(back, with);
    }

    #[test]
    fn a_set_built_for_a_country_keeps_it_through_serde() {
        let set = TemplateSet::builtin_for(Country::Hk);
        let json = serde_json::to_value(&set).unwrap();
        assert_eq!(json["country"], "HK");
        let back: TemplateSet = serde_json::from_value(json).unwrap();
        assert_eq!(back, set);
        assert_eq!(back.country(), Country::Hk);
        let cn = serde_json::to_value(TemplateSet::builtin()).unwrap();
        assert!(cn.get("country").is_none());
    }
}
