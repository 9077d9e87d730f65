//! Channel formats: how long a message may be on each channel, the policy a host sets
//! for it, the size report a fan-out gives per message and the error for a message that
//! does not fit.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::sms::SmsSegments;
use super::Channel;

/// How long messages may be on each channel: checked on every message a
/// [`fan_out`](crate::comms::fan_out) renders ([`FanOut::channel_policy`](crate::comms::FanOut::channel_policy)),
/// or by the host with [`ChannelPolicy::check`].
///
/// # The limits and where they come from
///
/// Checked 2026-12-06. Where the platform publishes no figure the limit is a conservative
/// default the host can change; every field is configurable.
///
/// | channel | what is checked | default | source |
/// |---|---|---|---|
/// | [`Channel::Sms`] | segments of the body, the gateway's signature included ([`SmsSegments::count`]) | 3 | GSM 03.38 / 3GPP TS 23.038 for the counting; the cap is the crate's: three segments is what a short notice needs, and long concatenated SMS arrive out of order or partly on some networks and cost per segment |
/// | [`Channel::AppPush`] | title (the subject) and body, in characters | 40 and 150 | no platform publishes how much of a notification is shown; iOS and Android lock screens show about one line of title and two to four lines of body, so these keep the text visible without expanding |
/// | [`Channel::AppPush`] | title and body together, in UTF-8 bytes | 3,584 | APNs refuses payloads over 4 KB (4,096 bytes; Apple, "Generating a remote notification"); FCM's limit is the same. 512 bytes are left for the `aps` dictionary, the keys and the host's data |
/// | [`Channel::WeChat`] | each non-empty body line (a template-message field value), in characters | 20 | the WeChat Official Accounts Platform's rules in force since 2023-05-04 show at most 20 characters of each field and cut the rest (announced on the platform, reported e.g. by kejiweixun.com 2023-03-24); the header and remark fields are no longer shown |
/// | [`Channel::WeChat`] | the whole body, in characters | 200 | the template-message documentation: the template's content may not exceed 200 characters |
/// | [`Channel::Email`] | the subject, in characters | 78 | RFC 5322 §2.1.1: a line SHOULD be at most 78 characters; longer subjects are folded and most clients cut them in the inbox list |
/// | [`Channel::WebsiteNotice`], [`Channel::InApp`] and the rest | nothing | – | a web page or a letter has no length limit |
///
/// WeChat counts a run of digits or Latin letters as one character in its 20; the crate
/// counts every character, which can only refuse text WeChat would show, never pass text it
/// cuts. Emoji are shown as "□" in template messages: leave them out.
///
/// # Examples
/// ```
/// use incident::comms::{Channel, ChannelPolicy};
///
/// let policy = ChannelPolicy::default();
/// let fit = policy.check(Channel::Sms, None, "【B特派】您的账户安全，无需操作。")?;
/// assert_eq!(fit.sms.map(|s| s.segments), Some(1));
///
/// let long = "您".repeat(300);
/// let err = policy.check(Channel::Sms, None, &long).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "an SMS of 300 characters (300 UCS-2 units) needs 5 segments; the channel policy allows at \
///      most 3 (ChannelPolicy::max_sms_segments): use the short SMS variant of the message \
///      (a template registered for Channel::Sms) or raise the limit",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ChannelPolicy {
    /// The most SMS segments a message may take.
    pub max_sms_segments: usize,
    /// Text the SMS gateway adds to every message, e.g. the `【B特派】` signature mainland
    /// carriers require (usually prepended), when the templates do not write it themselves:
    /// it counts toward the segments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sms_signature: Option<String>,
    /// The most characters in an app push title.
    pub push_title_max_chars: usize,
    /// The most characters in an app push body.
    pub push_body_max_chars: usize,
    /// The most UTF-8 bytes of app push title and body together.
    pub push_text_max_bytes: usize,
    /// The most characters in one WeChat template-message field (a body line).
    pub wechat_field_max_chars: usize,
    /// The most characters in a WeChat template message's body.
    pub wechat_body_max_chars: usize,
    /// The most characters in an e-mail subject.
    pub email_subject_max_chars: usize,
}

impl Default for ChannelPolicy {
    fn default() -> Self {
        Self {
            max_sms_segments: 3,
            sms_signature: None,
            push_title_max_chars: 40,
            push_body_max_chars: 150,
            push_text_max_bytes: 3_584,
            wechat_field_max_chars: 20,
            wechat_body_max_chars: 200,
            email_subject_max_chars: 78,
        }
    }
}

/// How big a message is on its channel: what a host needs to price it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChannelFit {
    /// Characters in the body (for SMS, with the gateway's signature).
    pub chars: usize,
    /// For SMS: the encoding and the segments the operator bills.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms: Option<SmsSegments>,
}

/// The part of a message a limit applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "part", rename_all = "snake_case", deny_unknown_fields)]
pub enum MessagePart {
    /// The subject (an e-mail subject, a push title).
    Subject {},
    /// The body.
    Body {},
    /// One line of the body (a WeChat template-message field), counted from 1.
    BodyLine {
        /// The line.
        line: usize,
    },
    /// Subject and body together.
    Whole {},
}

impl fmt::Display for MessagePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Subject {} => f.write_str("subject"),
            Self::Body {} => f.write_str("body"),
            Self::BodyLine { line } => write!(f, "body line {line}"),
            Self::Whole {} => f.write_str("subject and body"),
        }
    }
}

/// What a length is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LengthUnit {
    /// Unicode characters.
    Characters,
    /// UTF-8 bytes.
    Bytes,
}

impl fmt::Display for LengthUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Characters => "characters",
            Self::Bytes => "bytes",
        })
    }
}

/// A message too long for its channel.
///
/// # Handling
/// Not transient: the same text will not fit next time. Send the channel's short variant
/// (register a template for the channel with
/// [`TemplateBuilder::channel`](crate::comms::TemplateBuilder::channel)), shorten the facts
/// it carries, or raise the limit in the [`ChannelPolicy`] if the operator and the budget
/// allow. A fan-out reports it for the one recipient and goes on with the next.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChannelFitError {
    /// An SMS that takes more segments than the policy allows.
    #[error("an SMS of {} characters ({} {} units) needs {} segments; the channel policy allows at most {max_segments} (ChannelPolicy::max_sms_segments): use the short SMS variant of the message (a template registered for Channel::Sms) or raise the limit", .size.chars, .size.units, .size.encoding, .size.segments)]
    TooManySmsSegments {
        /// The message's size.
        size: SmsSegments,
        /// The most allowed.
        max_segments: usize,
    },
    /// A part of a message longer than its channel allows.
    #[error("the {} {part} is {length} {unit} long; the channel policy allows at most {max} (ChannelPolicy::{setting}): shorten it (register a template for this channel) or raise the limit", .channel.as_str())]
    TooLong {
        /// The channel.
        channel: Channel,
        /// The part.
        part: MessagePart,
        /// Its length.
        length: usize,
        /// What the length counts.
        unit: LengthUnit,
        /// The most allowed.
        max: usize,
        /// The policy field that sets the limit.
        setting: &'static str,
    },
}

impl ChannelPolicy {
    /// The default policy (the table above).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the most SMS segments a message may take.
    #[must_use]
    pub fn max_sms_segments(mut self, max: usize) -> Self {
        self.max_sms_segments = max;
        self
    }

    /// Sets the text the SMS gateway adds to every message.
    #[must_use]
    pub fn sms_signature(mut self, signature: impl Into<String>) -> Self {
        self.sms_signature = Some(signature.into());
        self
    }

    /// Sizes a message for `channel` and checks it against the policy. SMS sends the body
    /// only (a subject is not counted); app push shows the subject as the title.
    ///
    /// # Errors
    /// [`ChannelFitError::TooManySmsSegments`] for an SMS over
    /// [`ChannelPolicy::max_sms_segments`]; [`ChannelFitError::TooLong`] for an app push title,
    /// body or payload, a WeChat field or body, or an e-mail subject over its limit.
    pub fn check(
        &self,
        channel: Channel,
        subject: Option<&str>,
        body: &str,
    ) -> Result<ChannelFit, ChannelFitError> {
        let chars = body.chars().count();
        let too_long = |part, length, unit, max, setting| {
            if length > max {
                Err(ChannelFitError::TooLong {
                    channel,
                    part,
                    length,
                    unit,
                    max,
                    setting,
                })
            } else {
                Ok(())
            }
        };
        let subject_chars = subject.map_or(0, |s| s.chars().count());
        let mut sms = None;
        match channel {
            Channel::Sms => {
                let size = match &self.sms_signature {
                    Some(signature) => SmsSegments::count(&format!("{signature}{body}")),
                    None => SmsSegments::count(body),
                };
                if size.segments > self.max_sms_segments {
                    return Err(ChannelFitError::TooManySmsSegments {
                        size,
                        max_segments: self.max_sms_segments,
                    });
                }
                sms = Some(size);
            }
            Channel::AppPush => {
                use LengthUnit::*;
                let bytes = subject.map_or(0, str::len) + body.len();
                too_long(
                    MessagePart::Subject {},
                    subject_chars,
                    Characters,
                    self.push_title_max_chars,
                    "push_title_max_chars",
                )?;
                too_long(
                    MessagePart::Body {},
                    chars,
                    Characters,
                    self.push_body_max_chars,
                    "push_body_max_chars",
                )?;
                too_long(
                    MessagePart::Whole {},
                    bytes,
                    Bytes,
                    self.push_text_max_bytes,
                    "push_text_max_bytes",
                )?;
            }
            Channel::WeChat => {
                for (i, line) in body.lines().enumerate() {
                    too_long(
                        MessagePart::BodyLine { line: i + 1 },
                        line.chars().count(),
                        LengthUnit::Characters,
                        self.wechat_field_max_chars,
                        "wechat_field_max_chars",
                    )?;
                }
                too_long(
                    MessagePart::Body {},
                    chars,
                    LengthUnit::Characters,
                    self.wechat_body_max_chars,
                    "wechat_body_max_chars",
                )?;
            }
            Channel::Email => too_long(
                MessagePart::Subject {},
                subject_chars,
                LengthUnit::Characters,
                self.email_subject_max_chars,
                "email_subject_max_chars",
            )?,
            _ => {}
        }
        let chars = sms.map_or(chars, |s| s.chars);
        Ok(ChannelFit { chars, sms })
    }
}

impl Channel {
    /// Whether messages on this channel must be short (SMS, app push, WeChat template
    /// messages): a full notice is too long for them, so they carry a short variant that
    /// points to it ([`TemplateBuilder::channel`](crate::comms::TemplateBuilder::channel)).
    pub fn is_short(self) -> bool {
        matches!(self, Self::Sms | Self::AppPush | Self::WeChat)
    }

    /// Whether the channel carries a link beside the text, so a short variant need not
    /// print one: an app push opens the link given in its payload (APNs custom keys, FCM
    /// `data`), a WeChat template message the page in its `url` field (WeChat Official
    /// Accounts Platform, 模板消息接口, read 2026-12-07). The fan-out then gives the rendered
    /// `{{details_url}}` in [`PersonalMessage::link`](crate::comms::PersonalMessage::link),
    /// and the short variant may leave the contact points to the full notice it opens.
    pub fn links_beside_text(self) -> bool {
        matches!(self, Self::AppPush | Self::WeChat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comms::SmsEncoding;

    #[test]
    fn sms_over_the_segment_cap_is_refused_with_the_count() {
        let policy = ChannelPolicy::default();
        let fit = policy
            .check(Channel::Sms, Some("ignored"), &"a".repeat(459))
            .unwrap();
        assert_eq!(fit.chars, 459);
        assert_eq!(fit.sms.unwrap().segments, 3);
        let err = policy
            .check(Channel::Sms, None, &"a".repeat(460))
            .unwrap_err();
        assert!(matches!(
            err,
            ChannelFitError::TooManySmsSegments {
                size: SmsSegments {
                    segments: 4,
                    encoding: SmsEncoding::Gsm7,
                    ..
                },
                max_segments: 3
            }
        ));
        // The gateway's signature counts.
        let signed = ChannelPolicy::default().sms_signature("【B特派】");
        let fit = signed.check(Channel::Sms, None, &"您".repeat(65)).unwrap();
        assert_eq!((fit.chars, fit.sms.unwrap().segments), (70, 1));
        assert!(signed.check(Channel::Sms, None, &"您".repeat(197)).is_err());
        let loose = ChannelPolicy::new().max_sms_segments(10);
        assert!(loose.check(Channel::Sms, None, &"a".repeat(460)).is_ok());
    }

    #[test]
    fn push_wechat_and_email_limits_name_the_part_and_the_setting() {
        let policy = ChannelPolicy::default();
        let err = policy
            .check(Channel::AppPush, Some(&"t".repeat(41)), "body")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "the app_push subject is 41 characters long; the channel policy allows at most 40 (ChannelPolicy::push_title_max_chars): shorten it (register a template for this channel) or raise the limit"
        );
        assert!(policy
            .check(Channel::AppPush, Some("标题"), &"您".repeat(150))
            .is_ok());
        let err = policy
            .check(Channel::AppPush, None, &"您".repeat(151))
            .unwrap_err();
        assert!(matches!(
            err,
            ChannelFitError::TooLong {
                part: MessagePart::Body {},
                length: 151,
                ..
            }
        ));
        let bytes = ChannelPolicy {
            push_body_max_chars: 10_000,
            ..ChannelPolicy::default()
        };
        let err = bytes
            .check(Channel::AppPush, None, &"您".repeat(1_200))
            .unwrap_err();
        assert!(matches!(
            err,
            ChannelFitError::TooLong {
                part: MessagePart::Whole {},
                unit: LengthUnit::Bytes,
                length: 3_600,
                ..
            }
        ));
        let err = policy
            .check(
                Channel::WeChat,
                None,
                "事件编号：BTP-2026-0314\n处理进展：我们已停用被盗用的后台账号并封禁相关地址",
            )
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("the wechat body line 2 is 25 characters long"),
            "{err}"
        );
        assert!(policy
            .check(Channel::WeChat, None, &"一二三四五六七八九十\n".repeat(18))
            .is_ok());
        assert!(policy
            .check(Channel::WeChat, None, &"一二三四五六七八九十\n".repeat(19))
            .is_err());
        assert!(policy
            .check(Channel::Email, Some(&"s".repeat(79)), "")
            .is_err());
        let fit = policy
            .check(Channel::WebsiteNotice, None, &"长".repeat(100_000))
            .unwrap();
        assert_eq!((fit.chars, fit.sms), (100_000, None));
    }

    #[test]
    fn the_policy_round_trips_and_fills_defaults() {
        let policy: ChannelPolicy =
            serde_json::from_value(serde_json::json!({"max_sms_segments": 5})).unwrap();
        assert_eq!(policy, ChannelPolicy::default().max_sms_segments(5));
        let back: ChannelPolicy =
            serde_json::from_value(serde_json::to_value(&policy).unwrap()).unwrap();
        assert_eq!(back, policy);
        assert!(Channel::Sms.is_short() && !Channel::Email.is_short());
    }
}
