//! Fan-out: one notice per recipient, rendered lazily, each in the recipient's language,
//! time zone and channel format.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::render::{Prepared, RenderContext, RenderError};
use super::{
    Audience, Channel, ChannelFit, ChannelPolicy, FactSheet, Format, MessageKind, Template,
    TemplateSet, WellKnownKey,
};
use crate::id::CustomerRef;
use crate::locale::Locale;
use crate::locale::Zone;

/// One person a notice goes to. No personal data: the id is the host's opaque reference,
/// and per-recipient values (the compensation offer, a case number) come in `fields`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// The host's reference.
    pub id: CustomerRef,
    /// The language they read.
    pub locale: Locale,
    /// How the message reaches them; picks the format ([`Format::for_channel`]).
    pub channel: Channel,
    /// Their time zone; absent: the fan-out's zone, else [`Locale::default_time_zone`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<Zone>,
    /// Values for `{{recipient.<field>}}` placeholders.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}

impl Recipient {
    /// A recipient without time zone or fields.
    pub fn new(id: CustomerRef, locale: Locale, channel: Channel) -> Self {
        Self {
            id,
            locale,
            channel,
            time_zone: None,
            fields: BTreeMap::new(),
        }
    }

    /// Sets the time zone.
    #[must_use]
    pub fn time_zone(mut self, zone: Zone) -> Self {
        self.time_zone = Some(zone);
        self
    }

    /// Adds a field.
    #[must_use]
    pub fn field(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.fields.insert(name.into(), value.into());
        self
    }
}

/// A notice for one recipient, from [`fan_out`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PersonalMessage {
    /// Who it is for.
    pub recipient: CustomerRef,
    /// How to send it.
    pub channel: Channel,
    /// Its language.
    pub locale: Locale,
    /// The body's format.
    pub format: Format,
    /// The subject line, if the template has one.
    pub subject: Option<String>,
    /// The body.
    pub body: String,
    /// Its size on the channel: characters, and for SMS the encoding and the segments the
    /// operator bills, so the host can price the campaign.
    pub fit: ChannelFit,
    /// On a channel that carries a link beside the text (app push, WeChat:
    /// [`Channel::links_beside_text`]), the full notice's address, the rendered
    /// `{{details_url}}`: the host sets it as the push's link or the template message's
    /// `url`. Absent on other channels, whose text carries any link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// A recipient whose notice could not be rendered, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("notice for recipient `{recipient}` not rendered: {error}")]
pub struct FanOutError {
    /// The recipient.
    pub recipient: CustomerRef,
    /// Why.
    #[source]
    pub error: RenderError,
}

impl Locale {
    /// The zone readers in this locale are assumed to be in when the host names none:
    /// Beijing time for zh-CN (what Chinese notices use), Hong Kong time for zh-HK, UTC for
    /// en (which has no home zone; hosts should set one per recipient).
    ///
    /// It is implemented beside the fan-out, its one user, rather than in
    /// [`locale`](crate::locale).
    ///
    /// # Examples
    /// ```
    /// use incident::locale::{Locale, Zone};
    /// assert_eq!(Locale::ZhCn.default_time_zone(), Zone::SHANGHAI);
    /// assert_eq!(Locale::ZhHk.default_time_zone(), Zone::HONG_KONG);
    /// assert_eq!(Locale::En.default_time_zone(), Zone::UTC);
    /// ```
    pub fn default_time_zone(self) -> Zone {
        match self {
            Self::ZhCn => Zone::SHANGHAI,
            Self::ZhHk => Zone::HONG_KONG,
            Self::En => Zone::UTC,
        }
    }
}

/// Renders `kind` for every recipient, lazily: one message per call to `next`, so a host
/// can stream ten million notices from a database cursor to a mail queue in constant
/// memory.
///
/// Each recipient gets the template for their locale and channel
/// ([`TemplateSet::lookup_for`] with `audience`: the channel's short variant when the set
/// has one), their time zone (else the fan-out's, else [`Locale::default_time_zone`])
/// and the format of their channel ([`Format::for_channel`], or [`FanOut::format`]). The
/// sheet's facts are checked and rendered once per (locale, zone, format, channel) the
/// first time one is met; per recipient only the recipient fields are spliced in. That
/// cache is bounded by the number of locales × time zones × formats × channels, not by the
/// number of recipients, and nothing else is kept.
///
/// Every message is sized for its channel and checked against the channel policy
/// ([`ChannelPolicy`], the defaults unless [`FanOut::channel_policy`] sets one): its
/// [`PersonalMessage::fit`] says how many SMS segments it takes, and a message too long
/// for its channel is refused ([`RenderError::DoesNotFit`]).
///
/// A recipient that cannot be served yields an error naming them ([`FanOutError`]) and the
/// fan-out goes on with the next. The output equals [`Template::render`](crate::comms::Template::render) for each
/// recipient.
///
/// # Examples
/// ```
/// use incident::comms::{fan_out, Audience, Channel, FactSheet, FactValue, MessageKind, Recipient};
/// use incident::comms::{Template, TemplateSet, WellKnownKey};
/// use incident::id::{CustomerRef, TemplateId};
/// use incident::locale::Locale;
///
/// let mut set = TemplateSet::empty();
/// set.declare_recipient_field("offer")?;
/// set.register(
///     Template::builder(TemplateId::new("sms")?, MessageKind::Survey, Locale::En)
///         .body("{{firm_name}} offers you {{recipient.offer}}.")
///         .build()?,
/// )?;
/// let mut sheet = FactSheet::new();
/// sheet.insert(WellKnownKey::FirmName.fact(FactValue::Literal { value: "Acme".into() }));
/// let recipients = (1..=3).map(|n| {
///     Recipient::new(CustomerRef::new(format!("C-{n}")).unwrap(), Locale::En, Channel::Sms)
///         .field("offer", format!("{n} months of credit monitoring"))
/// });
/// let mut messages = fan_out(&set, MessageKind::Survey, Audience::AffectedCustomers, &sheet, recipients);
/// let first = messages.next().unwrap()?;
/// assert_eq!(first.body, "Acme offers you 1 months of credit monitoring.");
/// assert_eq!(messages.count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn fan_out<'a, I>(
    set: &'a TemplateSet,
    kind: MessageKind,
    audience: Audience,
    sheet: &'a FactSheet,
    recipients: I,
) -> FanOut<'a, I::IntoIter>
where
    I: IntoIterator<Item = Recipient>,
{
    FanOut {
        set,
        kind,
        audience,
        sheet,
        recipients: recipients.into_iter(),
        time_zone: None,
        format: None,
        issued_at: None,
        policy: ChannelPolicy::default(),
        prepared: Vec::new(),
        last: 0,
    }
}

type CacheKey = (Locale, Zone, Format, Channel);
type CacheEntry = (CacheKey, Result<(Prepared, Option<String>), RenderError>);

/// The lazy iterator [`fan_out`] returns.
pub struct FanOut<'a, I> {
    set: &'a TemplateSet,
    kind: MessageKind,
    audience: Audience,
    sheet: &'a FactSheet,
    recipients: I,
    time_zone: Option<Zone>,
    format: Option<Format>,
    issued_at: Option<chrono::DateTime<chrono::Utc>>,
    policy: ChannelPolicy,
    prepared: Vec<CacheEntry>,
    last: usize,
}

impl<I> FanOut<'_, I> {
    /// The time zone for recipients without one (default: their locale's
    /// [`Locale::default_time_zone`]).
    #[must_use]
    pub fn time_zone(mut self, zone: Zone) -> Self {
        self.time_zone = Some(zone);
        self.prepared.clear();
        self
    }

    /// Dates every message: `{{issued_at}}` prints `at` (see [`RenderContext::issued_at`]).
    #[must_use]
    pub fn issued_at(mut self, at: chrono::DateTime<chrono::Utc>) -> Self {
        self.issued_at = Some(at);
        self.prepared.clear();
        self
    }

    /// One format for every recipient, whatever their channel.
    #[must_use]
    pub fn format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self.prepared.clear();
        self
    }

    /// The limits messages are checked against (default: [`ChannelPolicy::default`]).
    ///
    /// # Examples
    /// ```
    /// use incident::comms::{fan_out, Audience, Channel, ChannelPolicy, FactSheet, FactValue};
    /// use incident::comms::{MessageKind, Recipient, RenderError, Template, TemplateSet};
    /// use incident::id::{CustomerRef, TemplateId};
    /// use incident::locale::Locale;
    ///
    /// let mut set = TemplateSet::empty();
    /// set.register(
    ///     Template::builder(TemplateId::new("survey")?, MessageKind::Survey, Locale::En)
    ///         .body(&"How did we do? ".repeat(12))
    ///         .build()?,
    /// )?;
    /// let sheet = FactSheet::new();
    /// let to = |n: &str| Recipient::new(CustomerRef::new(n).unwrap(), Locale::En, Channel::Sms);
    /// let mut out = fan_out(&set, MessageKind::Survey, Audience::AffectedCustomers, &sheet, [to("A")]);
    /// let sms = out.next().unwrap()?.fit.sms.unwrap();
    /// assert_eq!((sms.units, sms.segments), (180, 2));
    ///
    /// let strict = ChannelPolicy::default().max_sms_segments(1);
    /// let mut out = fan_out(&set, MessageKind::Survey, Audience::AffectedCustomers, &sheet, [to("B")])
    ///     .channel_policy(strict);
    /// let err = out.next().unwrap().unwrap_err();
    /// assert!(err.error.is_too_long_for_channel(), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn channel_policy(mut self, policy: ChannelPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Finds or prepares the cache entry for `key` and makes it `last`.
    fn entry(&mut self, key: CacheKey) {
        let hit = |e: &CacheEntry| e.0 == key;
        if !self.prepared.get(self.last).is_some_and(hit) {
            match self.prepared.iter().position(hit) {
                Some(index) => self.last = index,
                None => {
                    let (locale, zone, format, channel) = key;
                    let mut cx = RenderContext::new(locale, zone, self.audience, format);
                    cx.issued_at = self.issued_at;
                    let found = self
                        .set
                        .lookup_for(self.kind, locale, self.audience, channel);
                    let prepared = match found {
                        Some(template) => template.prepare(self.sheet, &cx).and_then(|p| {
                            let link = link_beside_text(template, channel, self.sheet, &cx)?;
                            Ok((p, link))
                        }),
                        None => Err(RenderError::NoTemplate {
                            kind: self.kind,
                            locale,
                            audience: self.audience,
                        }),
                    };
                    self.last = self.prepared.len();
                    self.prepared.push((key, prepared));
                }
            }
        }
    }
}

impl<I: Iterator<Item = Recipient>> Iterator for FanOut<'_, I> {
    type Item = Result<PersonalMessage, FanOutError>;

    fn next(&mut self) -> Option<Self::Item> {
        let recipient = self.recipients.next()?;
        let zone = recipient
            .time_zone
            .or(self.time_zone)
            .unwrap_or_else(|| recipient.locale.default_time_zone());
        let format = self
            .format
            .unwrap_or_else(|| Format::for_channel(recipient.channel));
        let channel = recipient.channel;
        self.entry((recipient.locale, zone, format, channel));
        // `entry` always leaves `last` at the entry it just found or added.
        let filled = match &self.prepared.get(self.last)?.1 {
            Ok((prepared, link)) => prepared.fill(Some(&recipient)).and_then(|(subject, body)| {
                match self.policy.check(channel, subject.as_deref(), &body) {
                    Ok(fit) => Ok((subject, body, fit, link.clone())),
                    Err(error) => Err(RenderError::DoesNotFit {
                        template: prepared.template().clone(),
                        error,
                    }),
                }
            }),
            Err(e) => Err(e.clone()),
        };
        Some(match filled {
            Ok((subject, body, fit, link)) => Ok(PersonalMessage {
                recipient: recipient.id,
                channel,
                locale: recipient.locale,
                format,
                subject,
                body,
                fit,
                link,
            }),
            Err(error) => Err(FanOutError {
                recipient: recipient.id,
                error,
            }),
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.recipients.size_hint()
    }
}

/// The link a channel carries beside the text: the `{{details_url}}` rendered through the
/// same checks as any fact the template prints (present, cleared for the audience,
/// translated), so a link is never missing or leaked.
fn link_beside_text(
    template: &Template,
    channel: Channel,
    sheet: &FactSheet,
    cx: &RenderContext,
) -> Result<Option<String>, RenderError> {
    if !channel.links_beside_text() || template.channel() != Some(channel) {
        return Ok(None);
    }
    let link = Template::builder(template.id().clone(), template.kind(), template.locale())
        .format(Format::PlainText)
        .body(format!("{{{{{}}}}}", WellKnownKey::DetailsUrl.as_str()))
        .build()
        // A one-fact body always builds; were it refused, the link would be as missing.
        .map_err(|_| RenderError::MissingFacts {
            template: template.id().clone(),
            keys: vec![WellKnownKey::DetailsUrl.key()],
        })?;
    let (_, url) = link.prepare(sheet, cx)?.fill(None)?;
    Ok(Some(url))
}

impl<I> fmt::Debug for FanOut<'_, I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FanOut")
            .field("kind", &self.kind)
            .field("audience", &self.audience)
            .field("time_zone", &self.time_zone)
            .field("format", &self.format)
            .field("prepared", &self.prepared.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comms::{FactValue, Template, WellKnownKey};
    use crate::id::TemplateId;

    fn sheet() -> FactSheet {
        [WellKnownKey::FirmName.fact(FactValue::text(Locale::En, "Acme *Pay*"))]
            .into_iter()
            .collect()
    }

    fn template(locale: Locale, format: Format, body: &str) -> Template {
        Template::builder(TemplateId::new("t").unwrap(), MessageKind::Survey, locale)
            .format(format)
            .subject("{{firm_name}}: {{recipient.case}}")
            .body(body)
            .build()
            .unwrap()
    }

    #[test]
    fn fan_out_caches_per_locale_zone_and_format_only() {
        let t = template(
            Locale::En,
            Format::Markdown,
            "{{firm_name}} {{recipient.case}} {{contact_points}}",
        );
        let mut set = TemplateSet::empty();
        set.declare_recipient_field("case").unwrap();
        set.register(t).unwrap();
        let mut sheet = sheet();
        sheet.insert(WellKnownKey::ContactPoints.fact(FactValue::Literal {
            value: "+1 555 0100".into(),
        }));
        let recipients = (0..1000).map(|n| {
            Recipient::new(
                CustomerRef::new(format!("C-{n}")).unwrap(),
                Locale::En,
                if n % 2 == 0 {
                    Channel::Sms
                } else {
                    Channel::Email
                },
            )
            .field("case", n.to_string())
        });
        let mut out = fan_out(
            &set,
            MessageKind::Survey,
            Audience::AffectedCustomers,
            &sheet,
            recipients,
        );
        for m in out.by_ref() {
            m.unwrap();
        }
        assert_eq!(out.prepared.len(), 2);
        let zh = Recipient::new(CustomerRef::new("Z").unwrap(), Locale::ZhCn, Channel::Sms);
        let err = fan_out(
            &set,
            MessageKind::Survey,
            Audience::AffectedCustomers,
            &sheet,
            [zh],
        )
        .next()
        .unwrap()
        .unwrap_err();
        assert_eq!(err.to_string(), "notice for recipient `Z` not rendered: no survey template in zh-CN for affected_customers: register one with TemplateSet::register");
        assert!(format!("{out:?}").starts_with("FanOut"));
    }
}
