//! Message templates and the registry that validates them (the placeholder syntax is
//! documented on [`Template`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

use super::{
    required_elements, Audience, Channel, ContentElement, Locale, MessageKind, WellKnownKey,
};
use crate::{FactKey, TemplateId};

/// How a template's text, and a rendered message, are marked up.
///
/// A template is written in one format and renders to either:
///
/// | template | output | literal text | fact and recipient values |
/// |---|---|---|---|
/// | plain text | plain text | as written | as they are |
/// | Markdown | Markdown | as written | escaped |
/// | Markdown | plain text | de-marked: `#` heading markers and `**` removed, `\x` escapes resolved; lists and everything else kept | as they are |
/// | plain text | Markdown | escaped like values (line breaks inside a paragraph reflow, as Markdown does) | escaped |
///
/// Escaping puts a backslash before `` \ ` * _ [ ] < > | ~ `` anywhere and before `&` when
/// it could start an entity; at the start of a line also before `#` and `=`, before `-` and
/// `+` that would start a list item or a rule, and before the `.` or `)` of a list number
/// (`12. `). Escaped text displays exactly as the value was written and cannot open a link,
/// an image, HTML, emphasis, a list or a heading; ordinary text such as `400-820-8820`,
/// `203.0.113.7` or `+86` is left alone. Subjects are plain text in every format: values
/// are never escaped there, and their line breaks become spaces.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Plain text: SMS, letters, hotline scripts, chat.
    PlainText,
    /// CommonMark: e-mail (the host converts it to HTML), in-app and website notices, press
    /// releases.
    Markdown,
}

impl Format {
    /// The format a message sent through `channel` is rendered in when the host does not
    /// choose: Markdown for e-mail, in-app, website notices and press releases; plain text
    /// for everything else (SMS, letters, hotline scripts, chat, social media, regulator
    /// portals' text fields).
    pub fn for_channel(channel: Channel) -> Format {
        match channel {
            Channel::Email | Channel::InApp | Channel::WebsiteNotice | Channel::PressRelease => {
                Self::Markdown
            }
            _ => Self::PlainText,
        }
    }

    /// The stable snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PlainText => "plain_text",
            Self::Markdown => "markdown",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which part of a template a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TemplatePart {
    /// The subject line.
    Subject,
    /// The body.
    Body,
}

impl fmt::Display for TemplatePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Subject => "subject",
            Self::Body => "body",
        })
    }
}

/// A place in a template's text: 1-based line and column (columns count characters, not
/// bytes, so `占位` is two columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

impl Position {
    fn of(text: &str, byte: usize) -> Self {
        let before = text.get(..byte).unwrap_or(text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Self {
            line: before.matches('\n').count() + 1,
            column: before.get(line_start..).map_or(0, |s| s.chars().count()) + 1,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A template that cannot be built or registered, or a declaration the registry refuses.
///
/// # Handling
/// Authoring error: show the message to whoever wrote the template (HTTP 422); it names
/// the place and the fix. Retrying the same template will not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TemplateError {
    /// `{{` without `}}` on the same line.
    #[error("template `{template}` {part} {at}: `{{{{` is not closed by `}}}}` on the same line: close the placeholder, or write `{{{{{{{{` for a literal `{{{{`")]
    Unclosed {
        /// The template.
        template: TemplateId,
        /// Subject or body.
        part: TemplatePart,
        /// Where the `{{` is.
        at: Position,
    },
    /// `{{}}` or `{{  }}`.
    #[error("template `{template}` {part} {at}: empty placeholder: write a fact key such as `{{{{occurred_at}}}}` or a recipient field such as `{{{{recipient.offer}}}}`")]
    EmptyPlaceholder {
        /// The template.
        template: TemplateId,
        /// Subject or body.
        part: TemplatePart,
        /// Where the placeholder starts.
        at: Position,
    },
    /// A placeholder that is neither a valid fact key nor `recipient.` plus a field name.
    #[error("template `{template}` {part} {at}: `{{{{{text}}}}}` is not a valid placeholder ({reason}): a fact key is 1 to 64 characters without spaces or braces; a recipient field is `recipient.` followed by lower-case letters, digits and `_`")]
    BadPlaceholder {
        /// The template.
        template: TemplateId,
        /// Subject or body.
        part: TemplatePart,
        /// Where the placeholder starts.
        at: Position,
        /// What is between the braces.
        text: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A fact key that is neither well-known nor declared.
    #[error("template `{template}` {part} {at}: unknown fact key `{key}`{}: use a well-known key (see WellKnownKey) or declare it with TemplateSet::declare_fact_key", did_you_mean(.suggestion.as_deref()))]
    UnknownFactKey {
        /// The template.
        template: TemplateId,
        /// Subject or body.
        part: TemplatePart,
        /// Where the placeholder starts.
        at: Position,
        /// The key.
        key: FactKey,
        /// The closest known key, if one is close.
        suggestion: Option<String>,
    },
    /// A recipient field that was not declared.
    #[error("template `{template}` {part} {at}: unknown recipient field `{field}`{}: declare it with TemplateSet::declare_recipient_field", did_you_mean(.suggestion.as_deref()))]
    UnknownRecipientField {
        /// The template.
        template: TemplateId,
        /// Subject or body.
        part: TemplatePart,
        /// Where the placeholder starts.
        at: Position,
        /// The field.
        field: String,
        /// The closest declared field, if one is close.
        suggestion: Option<String>,
    },
    /// The template does not carry every content element its kind and audience require.
    #[error("template `{template}` ({} for {}) lacks required content: {}: add a placeholder for a fact that provides each, or declare a host key with the element", kind_name(*.kind), audience_name(*.audience), missing_list(.missing))]
    MissingElements {
        /// The template.
        template: TemplateId,
        /// Its kind.
        kind: MessageKind,
        /// Its audience (`None`: any audience, so the requirements of all of them apply).
        audience: Option<Audience>,
        /// The elements no placeholder provides.
        missing: Vec<ContentElement>,
    },
    /// A subject with a line break.
    #[error(
        "template `{template}` subject {at}: the subject has a line break: subjects are one line"
    )]
    MultilineSubject {
        /// The template.
        template: TemplateId,
        /// Where the line break is.
        at: Position,
    },
    /// Another template in the set already has this id.
    #[error("template id `{template}` is already used by the {} template in {locale} for {}: give each template its own id", kind_name(*.kind), audience_name(*.audience))]
    DuplicateId {
        /// The id.
        template: TemplateId,
        /// The other template's kind.
        kind: MessageKind,
        /// The other template's locale.
        locale: Locale,
        /// The other template's audience.
        audience: Option<Audience>,
    },
    /// A declared fact key that is well-known or starts with `recipient.`.
    #[error("fact key `{key}` cannot be declared: it is well-known or starts with `recipient.` (reserved for recipient fields); use another key")]
    ReservedFactKey {
        /// The key.
        key: FactKey,
    },
    /// A recipient field name outside `[a-z0-9_]{1,64}`.
    #[error("recipient field {field:?} is not a valid name: use 1 to 64 lower-case ASCII letters, digits and `_`, e.g. `offer` or `case_ref`")]
    BadRecipientField {
        /// The name.
        field: String,
    },
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!(" (did you mean `{s}`?)"))
}

fn missing_list(missing: &[ContentElement]) -> String {
    missing
        .iter()
        .map(|e| format!("{e} (e.g. {{{{{}}}}})", e.key()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The snake_case name of a message kind, for ids, file names and messages.
pub(crate) fn kind_name(kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::InitialNotice => "initial_notice",
        MessageKind::Update => "update",
        MessageKind::HoldingStatement => "holding_statement",
        MessageKind::RegulatorReport => "regulator_report",
        MessageKind::IdentityTheftGuide => "identity_theft_guide",
        MessageKind::Faq => "faq",
        MessageKind::ResolutionNotice => "resolution_notice",
        MessageKind::Survey => "survey",
    }
}

pub(crate) fn audience_name(audience: Option<Audience>) -> &'static str {
    audience.map_or("any audience", Audience::as_str)
}

/// Every audience, for the requirements of a template meant for any of them.
const AUDIENCES: [Audience; 8] = Audience::ALL;

/// One piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    /// Text copied from the source, `start..end` in bytes.
    Literal { start: usize, end: usize },
    /// A fact from the sheet; `at` is the byte offset of its `{{`.
    Fact { key: FactKey, at: usize },
    /// A recipient field.
    Field { name: String, at: usize },
}

/// A syntax problem and the byte offset of its `{{`.
enum Syntax {
    Unclosed(usize),
    Empty(usize),
    Bad {
        at: usize,
        text: String,
        reason: String,
    },
}

fn valid_field_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn parse(src: &str) -> Result<Vec<Segment>, Syntax> {
    let mut segments = Vec::new();
    let mut literal_start = 0;
    let mut from = 0;
    while let Some(open) = src.get(from..).and_then(|s| s.find("{{")).map(|i| i + from) {
        let rest = src.get(open..).unwrap_or_default();
        if rest.starts_with("{{{{") {
            // An escaped `{{`: keep the first two braces as text, drop the other two.
            segments.push(Segment::Literal {
                start: literal_start,
                end: open + 2,
            });
            literal_start = open + 4;
            from = open + 4;
            continue;
        }
        let inner_start = open + 2;
        let after = src.get(inner_start..).unwrap_or_default();
        let Some(len) = after.find("}}") else {
            return Err(Syntax::Unclosed(open));
        };
        let inner = after.get(..len).unwrap_or_default();
        if inner.contains('\n') || inner.contains("{{") {
            return Err(Syntax::Unclosed(open));
        }
        let text = inner.trim_matches(' ');
        if text.is_empty() {
            return Err(Syntax::Empty(open));
        }
        let bad = |reason: &str| Syntax::Bad {
            at: open,
            text: text.to_owned(),
            reason: reason.to_owned(),
        };
        let segment = if let Some(name) = text.strip_prefix("recipient.") {
            if !valid_field_name(name) {
                return Err(bad("bad recipient field name"));
            }
            Segment::Field {
                name: name.to_owned(),
                at: open,
            }
        } else {
            if text.contains(['{', '}']) {
                return Err(bad("braces inside"));
            }
            let key = FactKey::new(text).map_err(|e| bad(&e.to_string()))?;
            Segment::Fact { key, at: open }
        };
        if literal_start < open {
            segments.push(Segment::Literal {
                start: literal_start,
                end: open,
            });
        }
        segments.push(segment);
        literal_start = inner_start + len + 2;
        from = literal_start;
    }
    if literal_start < src.len() {
        segments.push(Segment::Literal {
            start: literal_start,
            end: src.len(),
        });
    }
    Ok(segments)
}

/// A message template: text in one language with placeholders for facts and recipient
/// fields, parsed once when built.
///
/// Build one with [`Template::builder`]; register it in a [`TemplateSet`] to have its
/// placeholders and required content checked. Rendering is in
/// [`Template::render`](crate::Template::render).
///
/// # Placeholder syntax
///
/// | write | means |
/// |---|---|
/// | `{{occurred_at}}` | the fact with this key from the [`FactSheet`](crate::FactSheet) |
/// | `{{recipient.offer}}` | the recipient's field `offer` ([`Recipient::fields`](crate::Recipient::fields)) |
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
/// use incident::{Format, MessageKind, Locale, Template, TemplateId};
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

    fn segments(&self) -> impl Iterator<Item = (TemplatePart, &Segment)> + '_ {
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

    pub(crate) fn subject_segments(&self) -> Option<&[Segment]> {
        self.subject
            .as_ref()
            .map(|_| self.subject_segments.as_slice())
    }

    pub(crate) fn body_segments(&self) -> &[Segment] {
        &self.body_segments
    }

    /// The source text of a literal segment.
    pub(crate) fn literal(&self, part: TemplatePart, start: usize, end: usize) -> &str {
        let src = match part {
            TemplatePart::Subject => self.subject.as_deref().unwrap_or_default(),
            TemplatePart::Body => &self.body,
        };
        src.get(start..end).unwrap_or_default()
    }

    fn position(&self, part: TemplatePart, at: usize) -> Position {
        match part {
            TemplatePart::Subject => Position::of(self.subject.as_deref().unwrap_or_default(), at),
            TemplatePart::Body => Position::of(&self.body, at),
        }
    }

    fn slot(&self) -> Slot {
        (self.kind, self.locale, self.audience)
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

type Slot = (MessageKind, Locale, Option<Audience>);

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

/// The registry of templates: the built-in ones (zh-CN and en for every
/// [`MessageKind`]), the host's, and the fact keys and recipient fields templates may use.
///
/// Registration is where templates are checked, so that a typo surfaces when the template
/// is loaded, not in the ten-millionth notice: every placeholder must name a well-known
/// ([`WellKnownKey`]) or declared fact key or a declared recipient field, and the template
/// must carry the content its kind requires ([`required_elements`]) for its audience, or
/// for every audience when it has none.
///
/// A host template replaces the template of the same kind, locale and audience, built-in
/// or not. Serialized, a set is the host's part only (declarations and templates, plus
/// whether the built-ins are included); deserializing registers everything again, so a
/// stored set cannot skip validation.
///
/// # Examples
/// ```
/// use incident::*;
///
/// let mut set = TemplateSet::builtin();
/// set.declare_recipient_field("offer")?;
/// let sms = Template::builder(TemplateId::new("acme.sms.initial")?, MessageKind::InitialNotice, Locale::En)
///     .audience(Audience::AffectedCustomers)
///     .body("{{firm_name}}: on {{occurred_at}} we found ({{how_discovered}}) that {{affected_scope}} \
///            We have {{measures_taken}} Offer: {{recipient.offer}}. Help: {{contact_points}}")
///     .build()?;
/// set.register(sms)?;
/// let t = set.lookup(MessageKind::InitialNotice, Locale::En, Audience::AffectedCustomers).unwrap();
/// assert_eq!(t.id().as_str(), "acme.sms.initial");
/// // Other audiences still get the built-in notice.
/// let t = set.lookup(MessageKind::InitialNotice, Locale::En, Audience::AllCustomers).unwrap();
/// assert_eq!(t.id().as_str(), "builtin.initial_notice.en");
///
/// // A template without contact points is refused when registered.
/// let bad = Template::builder(TemplateId::new("acme.bad")?, MessageKind::InitialNotice, Locale::En)
///     .audience(Audience::AffectedCustomers)
///     .body("{{occurred_at}} {{how_discovered}} {{affected_scope}} {{measures_taken}}")
///     .build()?;
/// let err = set.register(bad).unwrap_err();
/// assert!(err.to_string().contains("contact_points"), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateSet {
    builtin: bool,
    fact_keys: BTreeMap<FactKey, Option<ContentElement>>,
    recipient_fields: BTreeSet<String>,
    templates: BTreeMap<Slot, Template>,
    host: BTreeSet<Slot>,
}

impl Default for TemplateSet {
    /// The built-in set.
    fn default() -> Self {
        Self::builtin()
    }
}

impl TemplateSet {
    /// A set with no templates: for hosts that ship all their own.
    pub fn empty() -> Self {
        Self {
            builtin: false,
            fact_keys: BTreeMap::new(),
            recipient_fields: BTreeSet::new(),
            templates: BTreeMap::new(),
            host: BTreeSet::new(),
        }
    }

    /// The built-in templates: zh-CN and en for each of the eight message kinds, for any
    /// audience, in Markdown (they render to plain text too), with ids
    /// `builtin.<kind>.<locale>`.
    pub fn builtin() -> Self {
        let mut set = Self::empty();
        set.builtin = true;
        for (kind, locale, text) in BUILTIN {
            // The built-ins are checked by a unit test; one that failed would be left out
            // rather than panic in a host.
            if let Ok(t) = builtin_template(kind, locale, text) {
                if set.validate(&t).is_ok() {
                    set.templates.insert(t.slot(), t);
                }
            }
        }
        set
    }

    /// Lets templates use a host fact key, e.g. `ioc.c2_address` or `hotline_hours`, and
    /// says which required content element it provides, if any. Declaring a key again
    /// replaces its element.
    ///
    /// # Errors
    /// [`TemplateError::ReservedFactKey`] for a well-known key or one starting with
    /// `recipient.`.
    pub fn declare_fact_key(
        &mut self,
        key: FactKey,
        element: Option<ContentElement>,
    ) -> Result<(), TemplateError> {
        if WellKnownKey::from_key(key.as_str()).is_some() || key.as_str().starts_with("recipient.")
        {
            return Err(TemplateError::ReservedFactKey { key });
        }
        self.fact_keys.insert(key, element);
        Ok(())
    }

    /// Lets templates use `{{recipient.<name>}}`: a per-recipient value such as the
    /// compensation offer or a case reference, supplied in [`Recipient::fields`](crate::Recipient::fields).
    ///
    /// # Errors
    /// [`TemplateError::BadRecipientField`] unless the name is 1 to 64 of `[a-z0-9_]`.
    pub fn declare_recipient_field(
        &mut self,
        name: impl Into<String>,
    ) -> Result<(), TemplateError> {
        let name = name.into();
        if !valid_field_name(&name) {
            return Err(TemplateError::BadRecipientField { field: name });
        }
        self.recipient_fields.insert(name);
        Ok(())
    }

    /// Whether templates in this set may use `key`.
    pub fn knows_fact_key(&self, key: &str) -> bool {
        WellKnownKey::from_key(key).is_some() || self.fact_keys.keys().any(|k| k.as_str() == key)
    }

    fn element_of(&self, key: &FactKey) -> Option<ContentElement> {
        match WellKnownKey::from_key(key.as_str()) {
            Some(k) => k.element(),
            None => self.fact_keys.get(key).copied().flatten(),
        }
    }

    /// The content elements `template`'s placeholders provide, by the well-known table and
    /// the host's declarations: what a [`NoticeDraft`](crate::NoticeDraft) made from it
    /// carries.
    pub fn elements(&self, template: &Template) -> BTreeSet<ContentElement> {
        template
            .fact_keys()
            .filter_map(|k| self.element_of(k))
            .collect()
    }

    /// Checks `template` as [`TemplateSet::register`] would, without registering it.
    ///
    /// # Errors
    /// [`TemplateError::UnknownFactKey`], [`TemplateError::UnknownRecipientField`] (the
    /// first in the text, with its position), then [`TemplateError::MissingElements`]
    /// listing every missing element.
    pub fn validate(&self, template: &Template) -> Result<(), TemplateError> {
        for (part, segment) in template.segments() {
            match segment {
                Segment::Fact { key, at } if !self.knows_fact_key(key.as_str()) => {
                    let known = WellKnownKey::ALL
                        .iter()
                        .map(|k| k.as_str())
                        .chain(self.fact_keys.keys().map(FactKey::as_str));
                    return Err(TemplateError::UnknownFactKey {
                        template: template.id.clone(),
                        part,
                        at: template.position(part, *at),
                        key: key.clone(),
                        suggestion: closest(key.as_str(), known),
                    });
                }
                Segment::Field { name, at } if !self.recipient_fields.contains(name) => {
                    return Err(TemplateError::UnknownRecipientField {
                        template: template.id.clone(),
                        part,
                        at: template.position(part, *at),
                        field: name.clone(),
                        suggestion: closest(name, self.recipient_fields.iter().map(String::as_str)),
                    });
                }
                _ => {}
            }
        }
        let provided = self.elements(template);
        let required: BTreeSet<ContentElement> = match template.audience {
            Some(a) => required_elements(template.kind, a)
                .iter()
                .copied()
                .collect(),
            None => AUDIENCES
                .iter()
                .flat_map(|a| required_elements(template.kind, *a).iter().copied())
                .collect(),
        };
        let missing: Vec<ContentElement> = required.difference(&provided).copied().collect();
        if !missing.is_empty() {
            return Err(TemplateError::MissingElements {
                template: template.id.clone(),
                kind: template.kind,
                audience: template.audience,
                missing,
            });
        }
        Ok(())
    }

    /// Validates and adds `template`, replacing (and returning) the template of the same
    /// kind, locale and audience.
    ///
    /// # Errors
    /// Everything [`TemplateSet::validate`] reports, and [`TemplateError::DuplicateId`]
    /// when another template in the set has the same id.
    pub fn register(&mut self, template: Template) -> Result<Option<Template>, TemplateError> {
        self.validate(&template)?;
        let slot = template.slot();
        if let Some((other, _)) = self
            .templates
            .iter()
            .find(|(s, t)| **s != slot && t.id == template.id)
        {
            return Err(TemplateError::DuplicateId {
                template: template.id,
                kind: other.0,
                locale: other.1,
                audience: other.2,
            });
        }
        self.host.insert(slot);
        Ok(self.templates.insert(slot, template))
    }

    /// The template for `kind` in `locale` for `audience`: one registered for exactly that
    /// audience if there is one, else one for any audience.
    pub fn lookup(
        &self,
        kind: MessageKind,
        locale: Locale,
        audience: Audience,
    ) -> Option<&Template> {
        self.templates
            .get(&(kind, locale, Some(audience)))
            .or_else(|| self.templates.get(&(kind, locale, None)))
    }

    /// Every template, ordered by kind, locale and audience.
    pub fn templates(&self) -> impl Iterator<Item = &Template> + '_ {
        self.templates.values()
    }
}

/// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c.to_owned())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = i;
        let mut left = i + 1;
        let mut next = Vec::with_capacity(row.len());
        next.push(left);
        for (j, cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let cost = usize::from(ca != *cb);
            left = (diagonal + cost).min(up + 1).min(left + 1);
            diagonal = up;
            next.push(left);
        }
        row = next;
    }
    row.last().copied().unwrap_or_default()
}

/// A declared host fact key in the serialized set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct DeclaredKey {
    /// The key.
    key: FactKey,
    /// The content element it provides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    element: Option<ContentElement>,
}

fn yes() -> bool {
    true
}

/// The serialized form of a [`TemplateSet`]: the host's part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct TemplateSetSource {
    /// Whether the built-in templates are included (default true).
    #[serde(default = "yes")]
    builtin: bool,
    /// Host fact keys templates may use.
    #[serde(default)]
    fact_keys: Vec<DeclaredKey>,
    /// Recipient fields templates may use.
    #[serde(default)]
    recipient_fields: BTreeSet<String>,
    /// Host templates; each replaces the built-in of the same kind, locale and audience.
    #[serde(default)]
    templates: Vec<Template>,
}

impl TryFrom<TemplateSetSource> for TemplateSet {
    type Error = TemplateError;

    fn try_from(source: TemplateSetSource) -> Result<Self, Self::Error> {
        let mut set = if source.builtin {
            Self::builtin()
        } else {
            Self::empty()
        };
        for declared in source.fact_keys {
            set.declare_fact_key(declared.key, declared.element)?;
        }
        for field in source.recipient_fields {
            set.declare_recipient_field(field)?;
        }
        for template in source.templates {
            set.register(template)?;
        }
        Ok(set)
    }
}

impl From<&TemplateSet> for TemplateSetSource {
    fn from(set: &TemplateSet) -> Self {
        Self {
            builtin: set.builtin,
            fact_keys: set
                .fact_keys
                .iter()
                .map(|(key, element)| DeclaredKey {
                    key: key.clone(),
                    element: *element,
                })
                .collect(),
            recipient_fields: set.recipient_fields.clone(),
            templates: set
                .host
                .iter()
                .filter_map(|slot| set.templates.get(slot).cloned())
                .collect(),
        }
    }
}

impl Serialize for TemplateSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        TemplateSetSource::from(self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for TemplateSet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = TemplateSetSource::deserialize(deserializer)?;
        TemplateSet::try_from(source).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for TemplateSet {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TemplateSet".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        TemplateSetSource::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message kind, each with built-in templates.
    const KINDS: [MessageKind; 8] = MessageKind::ALL;

    fn id(s: &str) -> TemplateId {
        TemplateId::new(s).unwrap()
    }

    fn body(text: &str) -> Result<Template, TemplateError> {
        Template::builder(id("t"), MessageKind::Survey, Locale::En)
            .body(text)
            .build()
    }

    #[test]
    fn every_builtin_template_is_present_and_passes_registration() {
        let set = TemplateSet::builtin();
        for kind in KINDS {
            for locale in Locale::ALL {
                let (_, _, text) = BUILTIN
                    .iter()
                    .find(|(k, l, _)| *k == kind && *l == locale)
                    .unwrap();
                let t = builtin_template(kind, locale, text).unwrap();
                assert!(t.subject().is_some(), "{}", t.id());
                TemplateSet::empty().validate(&t).unwrap();
                for audience in AUDIENCES {
                    let found = set.lookup(kind, locale, audience).unwrap();
                    assert_eq!(found, &t);
                }
            }
        }
        assert_eq!(set.templates().count(), 16);
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

    #[test]
    fn parsing_splits_literals_and_placeholders() {
        let t = body("Hi {{ recipient.name_1 }}, on {{occurred_at}}: {{{{x}} }} {a}").unwrap();
        assert_eq!(
            t.body_segments,
            vec![
                Segment::Literal { start: 0, end: 3 },
                Segment::Field {
                    name: "name_1".into(),
                    at: 3
                },
                Segment::Literal { start: 25, end: 30 },
                Segment::Fact {
                    key: FactKey::new("occurred_at").unwrap(),
                    at: 30
                },
                Segment::Literal { start: 45, end: 49 },
                Segment::Literal { start: 51, end: 61 },
            ]
        );
        let text: String = t
            .body_segments
            .iter()
            .filter_map(|s| match s {
                Segment::Literal { start, end } => {
                    Some(t.literal(TemplatePart::Body, *start, *end))
                }
                _ => None,
            })
            .collect();
        assert_eq!(text, "Hi , on : {{x}} }} {a}");
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

    #[test]
    fn registration_checks_keys_fields_and_required_content() {
        let mut set = TemplateSet::empty();
        let t = Template::builder(id("x"), MessageKind::Faq, Locale::En)
            .subject("About {{incident_refrence}}")
            .body("{{contact_points}}")
            .build()
            .unwrap();
        let err = set.register(t).unwrap_err();
        assert_eq!(
            err.to_string(),
            "template `x` subject 1:7: unknown fact key `incident_refrence` (did you mean `incident_reference`?): use a well-known key (see WellKnownKey) or declare it with TemplateSet::declare_fact_key"
        );
        let t = Template::builder(id("x"), MessageKind::Faq, Locale::En)
            .body("{{contact_points}}\n{{ioc.c2_address}}")
            .build()
            .unwrap();
        assert!(matches!(
            set.validate(&t),
            Err(TemplateError::UnknownFactKey {
                at: Position { line: 2, column: 1 },
                suggestion: None,
                ..
            })
        ));
        set.declare_fact_key(FactKey::new("ioc.c2_address").unwrap(), None)
            .unwrap();
        set.register(t).unwrap();
        assert!(matches!(
            set.declare_fact_key(FactKey::new("occurred_at").unwrap(), None),
            Err(TemplateError::ReservedFactKey { .. })
        ));
        assert!(matches!(
            set.declare_fact_key(FactKey::new("recipient.x").unwrap(), None),
            Err(TemplateError::ReservedFactKey { .. })
        ));
        assert!(matches!(
            set.declare_recipient_field("Offer"),
            Err(TemplateError::BadRecipientField { .. })
        ));
        set.declare_recipient_field("offer").unwrap();
        let t = Template::builder(id("y"), MessageKind::Faq, Locale::ZhCn)
            .body("{{contact_points}} {{recipient.ofer}}")
            .build()
            .unwrap();
        let err = set.register(t).unwrap_err();
        assert!(
            err.to_string()
                .contains("unknown recipient field `ofer` (did you mean `offer`?)"),
            "{err}"
        );

        // A generic initial notice must satisfy every audience: regulators need data
        // categories.
        let t = Template::builder(id("z"), MessageKind::InitialNotice, Locale::En)
            .body("{{occurred_at}} {{how_discovered}} {{affected_scope}} {{measures_taken}} {{contact_points}}")
            .build()
            .unwrap();
        let err = set.validate(&t).unwrap_err();
        assert_eq!(
            err,
            TemplateError::MissingElements {
                template: id("z"),
                kind: MessageKind::InitialNotice,
                audience: None,
                missing: vec![ContentElement::DataCategories],
            }
        );
        assert!(
            err.to_string()
                .contains("data_categories (e.g. {{data_categories}})"),
            "{err}"
        );
        // A host key can provide an element.
        set.declare_fact_key(
            FactKey::new("hotline").unwrap(),
            Some(ContentElement::ContactPoints),
        )
        .unwrap();
        let t = Template::builder(id("z"), MessageKind::Faq, Locale::En)
            .body("{{hotline}}")
            .build()
            .unwrap();
        assert_eq!(set.register(t).unwrap().unwrap().id().as_str(), "x");
        // Ids are unique across slots.
        let t = Template::builder(id("z"), MessageKind::Survey, Locale::En)
            .build()
            .unwrap();
        assert!(matches!(
            set.register(t),
            Err(TemplateError::DuplicateId { .. })
        ));
    }

    #[test]
    fn host_templates_replace_builtins_and_survive_serde() {
        let mut set = TemplateSet::builtin();
        set.declare_recipient_field("case_ref").unwrap();
        set.declare_fact_key(FactKey::new("ioc.c2_address").unwrap(), None)
            .unwrap();
        let t = Template::builder(id("acme.survey"), MessageKind::Survey, Locale::En)
            .audience(Audience::AffectedCustomers)
            .subject("How did we do? ({{recipient.case_ref}})")
            .body("Reply 1-5.")
            .build()
            .unwrap();
        assert_eq!(set.register(t).unwrap(), None);
        let json = serde_json::to_value(&set).unwrap();
        assert_eq!(json["templates"][0]["id"], "acme.survey");
        assert_eq!(json["templates"].as_array().unwrap().len(), 1);
        let back: TemplateSet = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, set);
        let mut bad = json;
        bad["recipient_fields"] = serde_json::json!([]);
        let err = serde_json::from_value::<TemplateSet>(bad).unwrap_err();
        assert!(
            err.to_string()
                .contains("unknown recipient field `case_ref`"),
            "{err}"
        );
        let schema = serde_json::to_value(schemars::schema_for!(TemplateSet)).unwrap();
        assert!(schema["properties"]["templates"].is_object());
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("占位", "占位符"), 1);
        assert_eq!(
            closest("ocurred_at", ["occurred_at", "detected_at"].into_iter()),
            Some("occurred_at".into())
        );
        assert_eq!(closest("zzz", ["occurred_at"].into_iter()), None);
    }

    #[test]
    fn channels_pick_a_format() {
        assert_eq!(Format::for_channel(Channel::Email), Format::Markdown);
        assert_eq!(Format::for_channel(Channel::Sms), Format::PlainText);
        assert_eq!(
            serde_json::to_value(Format::PlainText).unwrap(),
            serde_json::json!("plain_text")
        );
    }
}
