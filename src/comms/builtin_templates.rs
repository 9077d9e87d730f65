//! The built-in templates: zh-CN and en for every message kind, written in Markdown under
//! `templates/` (subject on the first line after `Subject: `, a blank line, the body).

use super::template_error::kind_name;
use super::{Format, MessageKind, Template};
use crate::id::TemplateId;
use crate::locale::Locale;

/// The built-in texts: subject on the first line after `Subject: `, a blank line, the body.
const BUILTIN: [(MessageKind, Locale, &str); 24] = [
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
    (
        MessageKind::PressRelease,
        Locale::ZhCn,
        include_str!("templates/press_release.zh-CN.md"),
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
        Locale::En,
        include_str!("templates/spokesperson_qa.en.md"),
    ),
];

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
    BUILTIN
        .into_iter()
        .filter_map(|(kind, locale, text)| builtin_template(kind, locale, text).ok())
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
        assert_eq!(set.templates().count(), 24);
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
