//! The built-in templates: zh-CN and en for every message kind, written in Markdown under
//! `templates/` (subject on the first line after `Subject: `, a blank line, the body), and
//! the short SMS variants of the kinds sent to customers by SMS, in plain text
//! (`templates/<kind>.sms.<locale>.txt`).

use super::template_error::kind_name;
use super::{Channel, Format, MessageKind, Template};
use crate::id::TemplateId;
use crate::locale::Locale;

/// The built-in texts: subject on the first line after `Subject: `, a blank line, the body.
const BUILTIN: [(MessageKind, Locale, &str); 16] = [
    (
        MessageKind::InitialNotice,
        Locale::ZhCn,
        include_str!("templates/initial_notice.zh-CN.md"),
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
        Locale::En,
        include_str!("templates/survey.en.md"),
    ),
];

/// The short SMS variants: plain text, no subject, the firm's signature first. Each fits in
/// the default [`ChannelPolicy`](super::ChannelPolicy) with the seed case's facts (the
/// golden files under `tests/golden/comms/sms/` show them rendered).
const BUILTIN_SMS: [(MessageKind, Locale, &str); 8] = [
    (
        MessageKind::InitialNotice,
        Locale::ZhCn,
        include_str!("templates/initial_notice.sms.zh-CN.txt"),
    ),
    (
        MessageKind::InitialNotice,
        Locale::En,
        include_str!("templates/initial_notice.sms.en.txt"),
    ),
    (
        MessageKind::Update,
        Locale::ZhCn,
        include_str!("templates/update.sms.zh-CN.txt"),
    ),
    (
        MessageKind::Update,
        Locale::En,
        include_str!("templates/update.sms.en.txt"),
    ),
    (
        MessageKind::ResolutionNotice,
        Locale::ZhCn,
        include_str!("templates/resolution_notice.sms.zh-CN.txt"),
    ),
    (
        MessageKind::ResolutionNotice,
        Locale::En,
        include_str!("templates/resolution_notice.sms.en.txt"),
    ),
    (
        MessageKind::Survey,
        Locale::ZhCn,
        include_str!("templates/survey.sms.zh-CN.txt"),
    ),
    (
        MessageKind::Survey,
        Locale::En,
        include_str!("templates/survey.sms.en.txt"),
    ),
];

fn builtin_sms_template(kind: MessageKind, locale: Locale, text: &str) -> Result<Template, String> {
    let id = TemplateId::new(format!("builtin.{}.sms.{locale}", kind_name(kind)))
        .map_err(|e| e.to_string())?;
    Template::builder(id, kind, locale)
        .channel(Channel::Sms)
        .format(Format::PlainText)
        .body(text.trim_end_matches('\n'))
        .build()
        .map_err(|e| e.to_string())
}

fn builtin_template(kind: MessageKind, locale: Locale, text: &str) -> Result<Template, String> {
    let id = TemplateId::new(format!("builtin.{}.{locale}", kind_name(kind)))
        .map_err(|e| e.to_string())?;
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

/// Every built-in template, parsed. The texts are checked by a unit test; one that failed
/// to parse would be left out rather than panic in a host.
pub(super) fn builtin_templates() -> impl Iterator<Item = Template> {
    let full = BUILTIN
        .into_iter()
        .filter_map(|(kind, locale, text)| builtin_template(kind, locale, text).ok());
    let sms = BUILTIN_SMS
        .into_iter()
        .filter_map(|(kind, locale, text)| builtin_sms_template(kind, locale, text).ok());
    full.chain(sms)
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
                let t = builtin_template(kind, locale, text).unwrap();
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
            16
        );
    }

    #[test]
    fn every_builtin_sms_variant_is_present_and_short() {
        let set = TemplateSet::builtin();
        for (kind, locale, text) in BUILTIN_SMS {
            let t = builtin_sms_template(kind, locale, text).unwrap();
            TemplateSet::empty().validate(&t).unwrap();
            assert_eq!(t.subject(), None);
            assert!(!t.body().ends_with('\n'));
            if locale == Locale::ZhCn {
                assert!(t.body().starts_with("【{{firm_name}}】"), "{}", t.id());
                assert!(
                    !t.body().contains([':', ',', ';', '(']),
                    "half-width punctuation in {}",
                    t.id()
                );
            }
            for audience in Audience::ALL {
                let found = set
                    .lookup_for(kind, locale, audience, Channel::Sms)
                    .unwrap();
                assert_eq!(found, &t);
            }
        }
        assert_eq!(
            set.templates()
                .filter(|t| t.channel() == Some(Channel::Sms))
                .count(),
            8
        );
        // Kinds without a short variant fall back to the full template.
        let faq = set.lookup_for(
            MessageKind::Faq,
            Locale::En,
            Audience::AllCustomers,
            Channel::Sms,
        );
        assert_eq!(faq.unwrap().id().as_str(), "builtin.faq.en");
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
            "强密码",
            "二次验证",
            "钓鱼",
            "信用报告",
            "冻结",
            "报案",
        ] {
            assert!(zh.contains(topic), "zh guide lacks {topic}");
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
            "strong",
            "two-factor authentication",
            "phishing",
            "credit report",
            "freeze",
            "Report",
        ] {
            assert!(en.contains(topic), "en guide lacks {topic}");
        }
    }
}
