//! A message template: its text, parsed once, and its serialized form (the placeholder
//! syntax is documented on [`Template`]).

use std::collections::BTreeSet;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

use super::template_syntax::{parse, Position, Segment, Syntax, TemplatePart};
use super::{Audience, Channel, Format, MessageKind, TemplateError};
use crate::locale::Locale;
use crate::{id::FactKey, id::TemplateId};

/// A message template: text in one language with placeholders for facts and recipient
/// fields, parsed once when built.
///
/// Build one with [`Template::builder`]; register it in a [`TemplateSet`](crate::comms::TemplateSet) to have its
/// placeholders and required content checked. Rendering is in
/// [`Template::render`](crate::comms::Template::render).
///
/// # Placeholder syntax
///
/// | write | means |
/// |---|---|
/// | `{{occurred_at}}` | the fact with this key from the [`FactSheet`](crate::comms::FactSheet) |
/// | `{{recipient.offer}}` | the recipient's field `offer` ([`Recipient::fields`](crate::comms::Recipient::fields)) |
/// | `{{{{` | a literal `{{` |
///
/// Spaces just inside the braces are ignored (`{{ occurred_at }}`). A placeholder closes on
/// its own line; single braces and `}}` outside a placeholder are plain text. There are no
/// conditionals or loops: a template says everything it says, and what it says is checked
/// once, when it is registered.
///
/// A template is parsed once, when it is built, into literal slices and placeholder
/// references; rendering never parses again.
///
/// # Examples
/// ```
/// use incident::comms::{Format, MessageKind, Template};
/// use incident::id::TemplateId;
/// use incident::locale::Locale;
///
/// let t = Template::builder(TemplateId::new("acme.sms.update")?, MessageKind::Update, Locale::En)
///     .format(Format::PlainText)
///     .subject("Update on {{incident_reference}}")
///     .body("{{measures_taken}} Next update: {{next_update_at}}. Your case: {{recipient.case_ref}}.")
///     .build()?;
/// let keys: Vec<&str> = t.fact_keys().map(|k| k.as_str()).collect();
/// assert_eq!(keys, ["incident_reference", "measures_taken", "next_update_at"]);
/// assert_eq!(t.recipient_fields().collect::<Vec<_>>(), ["case_ref"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    id: TemplateId,
    kind: MessageKind,
    locale: Locale,
    audience: Option<Audience>,
    channel: Option<Channel>,
    format: Format,
    subject: Option<String>,
    body: String,
    subject_segments: Vec<Segment>,
    body_segments: Vec<Segment>,
}

/// Collects a template's parts; [`TemplateBuilder::build`] parses and checks the syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateBuilder {
    source: TemplateSource,
}

impl TemplateBuilder {
    /// Restricts the template to one audience (default: any audience). Lookups prefer a
    /// template for the exact audience; registration checks the audience's required
    /// content.
    #[must_use]
    pub fn audience(mut self, audience: Audience) -> Self {
        self.source.audience = Some(audience);
        self
    }

    /// Restricts the template to one channel (default: any channel): the channel's own
    /// variant of the message, e.g. the short SMS notice. [`TemplateSet::lookup_for`](crate::comms::TemplateSet::lookup_for)
    /// and the fan-out prefer it for recipients on that channel and fall back to the
    /// template for any channel.
    ///
    /// A template for a short channel ([`Channel::is_short`]: SMS, app push, WeChat) cannot
    /// carry the whole notice; registration asks it for the contact points (when the kind
    /// requires them) and a link to the full notice (`{{details_url}}`, which should follow
    /// a label such as `详情：` or `Details: `) instead of every required element: the
    /// full notice at the link carries those.
    ///
    /// # Examples
    /// ```
    /// use incident::comms::{Channel, MessageKind, Template};
    /// use incident::id::TemplateId;
    /// use incident::locale::Locale;
    ///
    /// let sms = Template::builder(TemplateId::new("acme.sms.update")?, MessageKind::Update, Locale::En)
    ///     .channel(Channel::Sms)
    ///     .body("{{firm_name}}: update on {{incident_reference}}. Details: {{details_url}}")
    ///     .build()?;
    /// assert_eq!(sms.channel(), Some(Channel::Sms));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn channel(mut self, channel: Channel) -> Self {
        self.source.channel = Some(channel);
        self
    }

    /// The markup the text is written in (default: plain text).
    #[must_use]
    pub fn format(mut self, format: Format) -> Self {
        self.source.format = format;
        self
    }

    /// The subject line: one line of plain text, placeholders allowed.
    #[must_use]
    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.source.subject = Some(subject.into());
        self
    }

    /// The body.
    #[must_use]
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.source.body = body.into();
        self
    }

    /// Parses the subject and body.
    ///
    /// # Errors
    /// [`TemplateError::Unclosed`], [`TemplateError::EmptyPlaceholder`],
    /// [`TemplateError::BadPlaceholder`] with the line and column, or
    /// [`TemplateError::MultilineSubject`].
    pub fn build(self) -> Result<Template, TemplateError> {
        Template::try_from(self.source)
    }
}

impl Template {
    /// Starts a template with an empty body.
    pub fn builder(id: TemplateId, kind: MessageKind, locale: Locale) -> TemplateBuilder {
        TemplateBuilder {
            source: TemplateSource {
                id,
                kind,
                locale,
                audience: None,
                channel: None,
                format: Format::PlainText,
                subject: None,
                body: String::new(),
            },
        }
    }

    /// The id.
    pub fn id(&self) -> &TemplateId {
        &self.id
    }

    /// The kind of message.
    pub fn kind(&self) -> MessageKind {
        self.kind
    }

    /// The language it is written in.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The audience it is for; `None` for any.
    pub fn audience(&self) -> Option<Audience> {
        self.audience
    }

    /// The channel it is for; `None` for any.
    pub fn channel(&self) -> Option<Channel> {
        self.channel
    }

    /// The markup it is written in.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The subject source.
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref()
    }

    /// The body source.
    pub fn body(&self) -> &str {
        &self.body
    }

    pub(super) fn segments(&self) -> impl Iterator<Item = (TemplatePart, &Segment)> + '_ {
        self.subject_segments
            .iter()
            .map(|s| (TemplatePart::Subject, s))
            .chain(self.body_segments.iter().map(|s| (TemplatePart::Body, s)))
    }

    /// The fact keys it refers to, each once, in order of first use (subject first).
    pub fn fact_keys(&self) -> impl Iterator<Item = &FactKey> + '_ {
        let mut seen = BTreeSet::new();
        self.segments().filter_map(move |(_, s)| match s {
            Segment::Fact { key, .. } if seen.insert(key) => Some(key),
            _ => None,
        })
    }

    /// The recipient fields it refers to, each once, in order of first use.
    pub fn recipient_fields(&self) -> impl Iterator<Item = &str> + '_ {
        let mut seen = BTreeSet::new();
        self.segments().filter_map(move |(_, s)| match s {
            Segment::Field { name, .. } if seen.insert(name) => Some(name.as_str()),
            _ => None,
        })
    }

    pub(super) fn subject_segments(&self) -> Option<&[Segment]> {
        self.subject
            .as_ref()
            .map(|_| self.subject_segments.as_slice())
    }

    pub(super) fn body_segments(&self) -> &[Segment] {
        &self.body_segments
    }

    /// The source text of a literal segment.
    pub(super) fn literal(&self, part: TemplatePart, start: usize, end: usize) -> &str {
        let src = match part {
            TemplatePart::Subject => self.subject.as_deref().unwrap_or_default(),
            TemplatePart::Body => &self.body,
        };
        src.get(start..end).unwrap_or_default()
    }

    pub(super) fn position(&self, part: TemplatePart, at: usize) -> Position {
        match part {
            TemplatePart::Subject => Position::of(self.subject.as_deref().unwrap_or_default(), at),
            TemplatePart::Body => Position::of(&self.body, at),
        }
    }

    pub(super) fn slot(&self) -> Slot {
        (self.kind, self.locale, self.audience, self.channel)
    }
}

/// The serialized form of a [`Template`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct TemplateSource {
    /// The template's id.
    id: TemplateId,
    /// The kind of message.
    kind: MessageKind,
    /// The language it is written in.
    locale: Locale,
    /// The audience it is for; absent for any audience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    audience: Option<Audience>,
    /// The channel it is for (its short SMS variant, say); absent for any channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    channel: Option<Channel>,
    /// The markup the text is written in.
    format: Format,
    /// One line of plain text; placeholders allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    subject: Option<String>,
    /// The body, with `{{fact_key}}` and `{{recipient.field}}` placeholders; `{{{{` is a
    /// literal `{{`.
    body: String,
}

impl TryFrom<TemplateSource> for Template {
    type Error = TemplateError;

    fn try_from(source: TemplateSource) -> Result<Self, Self::Error> {
        let TemplateSource {
            id,
            kind,
            locale,
            audience,
            channel,
            format,
            subject,
            body,
        } = source;
        let syntax = |part: TemplatePart, text: &str, e: Syntax| match e {
            Syntax::Unclosed(at) => TemplateError::Unclosed {
                template: id.clone(),
                part,
                at: Position::of(text, at),
            },
            Syntax::Empty(at) => TemplateError::EmptyPlaceholder {
                template: id.clone(),
                part,
                at: Position::of(text, at),
            },
            Syntax::Bad {
                at,
                text: t,
                reason,
            } => TemplateError::BadPlaceholder {
                template: id.clone(),
                part,
                at: Position::of(text, at),
                text: t,
                reason,
            },
        };
        let subject_segments = match &subject {
            Some(s) => {
                if let Some(at) = s.find(['\n', '\r']) {
                    return Err(TemplateError::MultilineSubject {
                        template: id,
                        at: Position::of(s, at),
                    });
                }
                parse(s).map_err(|e| syntax(TemplatePart::Subject, s, e))?
            }
            None => Vec::new(),
        };
        let body_segments = parse(&body).map_err(|e| syntax(TemplatePart::Body, &body, e))?;
        Ok(Self {
            id,
            kind,
            locale,
            audience,
            channel,
            format,
            subject,
            body,
            subject_segments,
            body_segments,
        })
    }
}

impl From<Template> for TemplateSource {
    fn from(t: Template) -> Self {
        Self {
            id: t.id,
            kind: t.kind,
            locale: t.locale,
            audience: t.audience,
            channel: t.channel,
            format: t.format,
            subject: t.subject,
            body: t.body,
        }
    }
}

impl Serialize for Template {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        TemplateSource::from(self.clone()).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Template {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = TemplateSource::deserialize(deserializer)?;
        Template::try_from(source).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Template {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Template".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        TemplateSource::json_schema(generator)
    }
}

/// Where a template sits in a set: one template per kind, locale, audience and channel
/// (`None`: any).
pub(super) type Slot = (MessageKind, Locale, Option<Audience>, Option<Channel>);

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> TemplateId {
        TemplateId::new(s).unwrap()
    }

    fn body(text: &str) -> Result<Template, TemplateError> {
        Template::builder(id("t"), MessageKind::Survey, Locale::En)
            .body(text)
            .build()
    }

    #[test]
    fn syntax_errors_name_the_place_and_the_fix() {
        let err = body("line one\n  见 {{occurred_at").unwrap_err();
        assert_eq!(
            err,
            TemplateError::Unclosed {
                template: id("t"),
                part: TemplatePart::Body,
                at: Position { line: 2, column: 5 }
            }
        );
        assert_eq!(
            err.to_string(),
            "template `t` body 2:5: `{{` is not closed by `}}` on the same line: close the placeholder, or write `{{{{` for a literal `{{`"
        );
        assert!(matches!(
            body("{{a\n}}"),
            Err(TemplateError::Unclosed { .. })
        ));
        assert!(matches!(
            body("{{a {{b}}"),
            Err(TemplateError::Unclosed { .. })
        ));
        assert!(matches!(
            body("x {{  }}"),
            Err(TemplateError::EmptyPlaceholder {
                at: Position { line: 1, column: 3 },
                ..
            })
        ));
        let err = body("{{recipient.Name}}").unwrap_err();
        assert!(
            err.to_string()
                .contains("`{{recipient.Name}}` is not a valid placeholder"),
            "{err}"
        );
        assert!(matches!(
            body("{{a}b}}"),
            Err(TemplateError::BadPlaceholder { .. })
        ));
        let long = format!("{{{{{}}}}}", "k".repeat(65));
        assert!(matches!(
            body(&long),
            Err(TemplateError::BadPlaceholder { .. })
        ));
        let err = Template::builder(id("t"), MessageKind::Survey, Locale::En)
            .subject("a\nb")
            .build()
            .unwrap_err();
        assert!(matches!(err, TemplateError::MultilineSubject { .. }));
    }
}
