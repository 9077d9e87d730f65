//! The built-in short variants, for the channels whose messages must be short: SMS (plain
//! text, no subject, the firm's signature first), app push (a title on the first line after
//! `Subject: `, then the body) and WeChat template messages (one field value per line, each
//! within WeChat's 20 characters). Each links to, or points at, the full notice; each fits
//! the default [`ChannelPolicy`](super::ChannelPolicy) with the seed case's facts (the
//! golden files under `tests/golden/comms/{sms,push,wechat}/` show them rendered).
//!
//! The survey has an SMS variant only: a push or WeChat message cannot take a reply. English
//! has no WeChat variant: 20 characters per field hold no useful English sentence, and the
//! crate counts every Latin letter where WeChat counts a word, so a host that needs one
//! registers its own.

use super::template_error::kind_name;
use super::{Channel, Format, MessageKind, Template};
use crate::id::TemplateId;
use crate::locale::Locale;

/// Every short variant: kind, locale, channel, text (`templates/<kind>.<sms|push|wechat>.<locale>.txt`).
#[rustfmt::skip]
const BUILTIN_SHORT: [(MessageKind, Locale, Channel, &str); 27] = [
    (MessageKind::InitialNotice, Locale::ZhCn, Channel::Sms, include_str!("templates/initial_notice.sms.zh-CN.txt")),
    (MessageKind::InitialNotice, Locale::ZhHk, Channel::Sms, include_str!("templates/initial_notice.sms.zh-HK.txt")),
    (MessageKind::InitialNotice, Locale::En, Channel::Sms, include_str!("templates/initial_notice.sms.en.txt")),
    (MessageKind::Update, Locale::ZhCn, Channel::Sms, include_str!("templates/update.sms.zh-CN.txt")),
    (MessageKind::Update, Locale::ZhHk, Channel::Sms, include_str!("templates/update.sms.zh-HK.txt")),
    (MessageKind::Update, Locale::En, Channel::Sms, include_str!("templates/update.sms.en.txt")),
    (MessageKind::ResolutionNotice, Locale::ZhCn, Channel::Sms, include_str!("templates/resolution_notice.sms.zh-CN.txt")),
    (MessageKind::ResolutionNotice, Locale::ZhHk, Channel::Sms, include_str!("templates/resolution_notice.sms.zh-HK.txt")),
    (MessageKind::ResolutionNotice, Locale::En, Channel::Sms, include_str!("templates/resolution_notice.sms.en.txt")),
    (MessageKind::Survey, Locale::ZhCn, Channel::Sms, include_str!("templates/survey.sms.zh-CN.txt")),
    (MessageKind::Survey, Locale::ZhHk, Channel::Sms, include_str!("templates/survey.sms.zh-HK.txt")),
    (MessageKind::Survey, Locale::En, Channel::Sms, include_str!("templates/survey.sms.en.txt")),
    (MessageKind::InitialNotice, Locale::ZhCn, Channel::AppPush, include_str!("templates/initial_notice.push.zh-CN.txt")),
    (MessageKind::InitialNotice, Locale::ZhHk, Channel::AppPush, include_str!("templates/initial_notice.push.zh-HK.txt")),
    (MessageKind::InitialNotice, Locale::En, Channel::AppPush, include_str!("templates/initial_notice.push.en.txt")),
    (MessageKind::Update, Locale::ZhCn, Channel::AppPush, include_str!("templates/update.push.zh-CN.txt")),
    (MessageKind::Update, Locale::ZhHk, Channel::AppPush, include_str!("templates/update.push.zh-HK.txt")),
    (MessageKind::Update, Locale::En, Channel::AppPush, include_str!("templates/update.push.en.txt")),
    (MessageKind::ResolutionNotice, Locale::ZhCn, Channel::AppPush, include_str!("templates/resolution_notice.push.zh-CN.txt")),
    (MessageKind::ResolutionNotice, Locale::ZhHk, Channel::AppPush, include_str!("templates/resolution_notice.push.zh-HK.txt")),
    (MessageKind::ResolutionNotice, Locale::En, Channel::AppPush, include_str!("templates/resolution_notice.push.en.txt")),
    (MessageKind::InitialNotice, Locale::ZhCn, Channel::WeChat, include_str!("templates/initial_notice.wechat.zh-CN.txt")),
    (MessageKind::InitialNotice, Locale::ZhHk, Channel::WeChat, include_str!("templates/initial_notice.wechat.zh-HK.txt")),
    (MessageKind::Update, Locale::ZhCn, Channel::WeChat, include_str!("templates/update.wechat.zh-CN.txt")),
    (MessageKind::Update, Locale::ZhHk, Channel::WeChat, include_str!("templates/update.wechat.zh-HK.txt")),
    (MessageKind::ResolutionNotice, Locale::ZhCn, Channel::WeChat, include_str!("templates/resolution_notice.wechat.zh-CN.txt")),
    (MessageKind::ResolutionNotice, Locale::ZhHk, Channel::WeChat, include_str!("templates/resolution_notice.wechat.zh-HK.txt")),
];

/// The file-name part of a short channel.
fn channel_part(channel: Channel) -> &'static str {
    match channel {
        Channel::AppPush => "push",
        Channel::WeChat => "wechat",
        _ => "sms",
    }
}

fn short_template(
    kind: MessageKind,
    locale: Locale,
    channel: Channel,
    text: &str,
) -> Result<Template, String> {
    let name = format!(
        "builtin.{}.{}.{locale}",
        kind_name(kind),
        channel_part(channel)
    );
    let id = TemplateId::new(name).map_err(|e| e.to_string())?;
    let text = text.trim_end_matches('\n');
    let (subject, body) = match text
        .strip_prefix("Subject: ")
        .and_then(|s| s.split_once('\n'))
    {
        Some((subject, body)) => (Some(subject), body),
        None => (None, text),
    };
    let mut builder = Template::builder(id, kind, locale)
        .channel(channel)
        .format(Format::PlainText)
        .body(body);
    if let Some(subject) = subject {
        builder = builder.subject(subject);
    }
    builder.build().map_err(|e| e.to_string())
}

/// Every built-in short variant, parsed. The texts are checked by a unit test; one that
/// failed to parse would be left out rather than panic in a host.
pub(super) fn short_templates() -> impl Iterator<Item = Template> {
    BUILTIN_SHORT
        .into_iter()
        .filter_map(|(kind, locale, channel, text)| {
            short_template(kind, locale, channel, text).ok()
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comms::{Audience, TemplateSet};

    #[test]
    fn every_builtin_short_variant_is_present_and_fits_its_channel() {
        let set = TemplateSet::builtin();
        for (kind, locale, channel, text) in BUILTIN_SHORT {
            let t = short_template(kind, locale, channel, text).unwrap();
            TemplateSet::empty().validate(&t).unwrap();
            assert_eq!(
                t.subject().is_some(),
                channel == Channel::AppPush,
                "{}",
                t.id()
            );
            assert!(!t.body().ends_with('\n'));
            if matches!(locale, Locale::ZhCn | Locale::ZhHk) {
                if channel == Channel::Sms {
                    assert!(t.body().starts_with("【{{firm_name}}】"), "{}", t.id());
                }
                assert!(
                    !t.body().contains([':', ',', ';', '(']),
                    "half-width punctuation in {}",
                    t.id()
                );
            }
            for audience in Audience::ALL {
                let found = set.lookup_for(kind, locale, audience, channel).unwrap();
                assert_eq!(found, &t);
            }
        }
        for (channel, count) in [
            (Channel::Sms, 12),
            (Channel::AppPush, 9),
            (Channel::WeChat, 6),
        ] {
            let n = set
                .templates()
                .filter(|t| t.channel() == Some(channel))
                .count();
            assert_eq!(n, count, "{channel:?}");
        }
        // Kinds without a short variant fall back to the full template.
        let faq = set.lookup_for(
            MessageKind::Faq,
            Locale::En,
            Audience::AllCustomers,
            Channel::Sms,
        );
        assert_eq!(faq.unwrap().id().as_str(), "builtin.faq.en");
    }
}
