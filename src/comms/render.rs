//! Rendering templates with facts, and the per-recipient fan-out (the guarantees are
//! documented on [`Template::render`], the formats on [`Format`]).

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::template::{audience_name, kind_name, Segment, TemplatePart};
use super::{
    Audience, Channel, ClearanceViolation, FactSheet, FactValue, Format, Locale, MessageKind,
    Template, TemplateSet,
};
use crate::{CustomerRef, FactKey, TemplateId, TimeZone};

/// Who a message is rendered for and how: the language (which must be the template's),
/// the reader's time zone, the audience (whose clearance bounds the facts) and the output
/// format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderContext {
    /// The language; must match the template's.
    pub locale: Locale,
    /// The zone times are shown in.
    pub time_zone: TimeZone,
    /// Who will read it.
    pub audience: Audience,
    /// The output format.
    pub format: Format,
}

impl RenderContext {
    /// A context.
    pub fn new(locale: Locale, time_zone: TimeZone, audience: Audience, format: Format) -> Self {
        Self {
            locale,
            time_zone,
            audience,
            format,
        }
    }
}

/// Why a message could not be rendered.
///
/// # Handling
/// None of these is transient. [`RenderError::AboveClearance`] means the message would
/// leak: relabel the fact (if it may be shared) or use a template without it; never
/// retry around it. The others name a missing fact, translation, recipient field or
/// template: supply it and render again (HTTP 422 for a host API).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// The template refers to facts above the audience's clearance.
    #[error("template `{template}` refers to facts above the audience's clearance: {}", violation_list(.violations))]
    AboveClearance {
        /// The template.
        template: TemplateId,
        /// Each fact above the clearance.
        violations: Vec<ClearanceViolation>,
    },
    /// The template refers to facts the sheet does not have.
    #[error("template `{template}` needs facts the sheet lacks: {}: add them to the fact sheet or use a template that does not refer to them", key_list(.keys))]
    MissingFacts {
        /// The template.
        template: TemplateId,
        /// The missing keys.
        keys: Vec<FactKey>,
    },
    /// A text fact has no text in the message's language.
    #[error("fact `{key}` has no {locale} text (it has: {}): add the translation; a notice never switches language", locale_list(.available))]
    MissingTranslation {
        /// The template.
        template: TemplateId,
        /// The fact.
        key: FactKey,
        /// The language asked for.
        locale: Locale,
        /// The languages it has.
        available: Vec<Locale>,
    },
    /// The template uses recipient fields but no recipient was given.
    #[error("template `{template}` uses recipient fields ({}) but no recipient was given: render it per recipient", .fields.join(", "))]
    NoRecipient {
        /// The template.
        template: TemplateId,
        /// The fields it uses.
        fields: Vec<String>,
    },
    /// The recipient lacks a field the template uses.
    #[error("recipient `{recipient}` has no field `{field}`, which template `{template}` uses: add it to the recipient's fields")]
    MissingRecipientField {
        /// The template.
        template: TemplateId,
        /// The recipient.
        recipient: CustomerRef,
        /// The field.
        field: String,
    },
    /// The template is written in another language than the context asks for.
    #[error("template `{template}` is written in {template_locale}, not {requested}: look up the {requested} template")]
    WrongLocale {
        /// The template.
        template: TemplateId,
        /// Its language.
        template_locale: Locale,
        /// The language asked for.
        requested: Locale,
    },
    /// The template is for another audience than the context's.
    #[error("template `{template}` is for {template_audience}, not {requested}: look up the template for {requested}")]
    WrongAudience {
        /// The template.
        template: TemplateId,
        /// Its audience.
        template_audience: Audience,
        /// The audience asked for.
        requested: Audience,
    },
    /// The set has no template for this kind, language and audience.
    #[error("no {} template in {locale} for {}: register one with TemplateSet::register", kind_name(*.kind), audience_name(Some(*.audience)))]
    NoTemplate {
        /// The kind.
        kind: MessageKind,
        /// The language.
        locale: Locale,
        /// The audience.
        audience: Audience,
    },
}

impl RenderError {
    /// The message would have carried a fact its audience may not see.
    pub fn is_above_clearance(&self) -> bool {
        matches!(self, Self::AboveClearance { .. })
    }
}

fn violation_list(violations: &[ClearanceViolation]) -> String {
    violations
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

fn key_list(keys: &[FactKey]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn locale_list(locales: &[Locale]) -> String {
    if locales.is_empty() {
        return "none".to_owned();
    }
    locales
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A rendered message: the host sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Rendered {
    /// The template it came from.
    pub template: TemplateId,
    /// The subject line, if the template has one.
    pub subject: Option<String>,
    /// The body.
    pub body: String,
    /// The body's format.
    pub format: Format,
    /// The language.
    pub locale: Locale,
    /// The facts it carries, in order of first use: for the audit trail.
    pub facts_used: Vec<FactKey>,
}

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
    pub time_zone: Option<TimeZone>,
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
    pub fn time_zone(mut self, zone: TimeZone) -> Self {
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

impl Locale {
    /// The zone readers in this locale are assumed to be in when the host names none:
    /// Beijing time for zh-CN (what Chinese notices use), UTC for en (which has no home
    /// zone; hosts should set one per recipient).
    ///
    /// It is here rather than in [`locale`](crate::locale) because it returns the
    /// regulation layer's [`TimeZone`], which the vocabulary layer cannot name.
    pub fn default_time_zone(self) -> TimeZone {
        match self {
            Self::ZhCn => TimeZone::SHANGHAI,
            Self::En => TimeZone::UTC,
        }
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

/// A piece of a template with the sheet's facts already rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Field(String),
}

/// A template rendered for one locale, zone, audience and format, except the recipient
/// fields: built once, then filled per recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Prepared {
    template: TemplateId,
    format: Format,
    locale: Locale,
    subject: Option<Vec<Piece>>,
    body: Vec<Piece>,
    /// Bytes of text in the body, to size each output once.
    body_text: usize,
    facts_used: Vec<FactKey>,
}

/// Appends text pieces, merging neighbours, and remembers whether the output is at the
/// start of a line (which Markdown escaping needs).
struct PieceWriter {
    pieces: Vec<Piece>,
    text: String,
    line_start: bool,
}

impl PieceWriter {
    fn new() -> Self {
        Self {
            pieces: Vec::new(),
            text: String::new(),
            line_start: true,
        }
    }

    fn line_start(&self) -> bool {
        if self.text.is_empty() {
            self.line_start
        } else {
            self.text.ends_with('\n')
        }
    }

    fn field(&mut self, name: &str) {
        self.flush();
        self.pieces.push(Piece::Field(name.to_owned()));
        self.line_start = false;
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.line_start = self.text.ends_with('\n');
            self.pieces
                .push(Piece::Text(std::mem::take(&mut self.text)));
        }
    }

    fn finish(mut self) -> Vec<Piece> {
        self.flush();
        self.pieces
    }
}

impl Template {
    /// Renders this template with `sheet`'s facts for `cx`, and `recipient`'s fields if it
    /// uses any.
    ///
    /// # Guarantees
    ///
    /// - **Clearance.** Before anything is written, every fact the template refers to is
    ///   checked against the audience's clearance ([`Audience::clearance`]); one fact above it
    ///   refuses the whole message ([`RenderError::AboveClearance`]). Facts the template does
    ///   not refer to never reach the output, whatever their label.
    /// - **No silent gaps.** A fact missing from the sheet, a text missing in the language,
    ///   a recipient field missing: each is an error naming what is missing, never an empty
    ///   string or another language.
    /// - **No injection.** Values are inserted as text, never parsed as template syntax; in
    ///   Markdown they are escaped (the rule is on [`Format`]); in subjects line breaks become spaces, so a value
    ///   cannot add an e-mail header.
    ///
    /// # Errors
    /// [`RenderError::WrongLocale`] / [`RenderError::WrongAudience`] when the context does
    /// not match the template; [`RenderError::AboveClearance`] when a referenced fact is
    /// above `cx.audience`'s clearance (checked first, before anything is rendered);
    /// [`RenderError::MissingFacts`], [`RenderError::MissingTranslation`],
    /// [`RenderError::NoRecipient`], [`RenderError::MissingRecipientField`].
    ///
    /// # Examples
    /// ```
    /// use chrono::{TimeZone as _, Utc};
    /// use incident::*;
    ///
    /// let mut sheet = FactSheet::new();
    /// sheet.insert(WellKnownKey::DetectedAt.fact(FactValue::Time {
    ///     at: Utc.with_ymd_and_hms(2026, 3, 14, 1, 30, 0).unwrap(),
    /// }));
    /// sheet.insert(Fact {
    ///     key: FactKey::new("ioc.c2_address")?,
    ///     value: FactValue::Literal { value: "203.0.113.7".into() },
    ///     sensitivity: Sensitivity::Internal,
    ///     element: None,
    /// });
    /// let t = Template::builder(TemplateId::new("t")?, MessageKind::HoldingStatement, Locale::ZhCn)
    ///     .body("我们于{{detected_at}}发现异常。")
    ///     .build()?;
    /// let cx = RenderContext::new(Locale::ZhCn, TimeZone::SHANGHAI, Audience::Media, Format::PlainText);
    /// let out = t.render(&sheet, &cx, None)?;
    /// assert_eq!(out.body, "我们于2026年3月14日 09:30 (北京时间)发现异常。");
    ///
    /// // An internal indicator never reaches the press.
    /// let leaky = Template::builder(TemplateId::new("leaky")?, MessageKind::HoldingStatement, Locale::ZhCn)
    ///     .body("C2: {{ioc.c2_address}}")
    ///     .build()?;
    /// assert!(leaky.render(&sheet, &cx, None).unwrap_err().is_above_clearance());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render(
        &self,
        sheet: &FactSheet,
        cx: &RenderContext,
        recipient: Option<&Recipient>,
    ) -> Result<Rendered, RenderError> {
        let prepared = self.prepare(sheet, cx)?;
        let (subject, body) = prepared.fill(recipient)?;
        Ok(Rendered {
            template: prepared.template,
            subject,
            body,
            format: prepared.format,
            locale: prepared.locale,
            facts_used: prepared.facts_used,
        })
    }

    /// Checks the context and clearances, then renders every fact, leaving recipient
    /// fields as holes.
    fn prepare(&self, sheet: &FactSheet, cx: &RenderContext) -> Result<Prepared, RenderError> {
        if self.locale() != cx.locale {
            return Err(RenderError::WrongLocale {
                template: self.id().clone(),
                template_locale: self.locale(),
                requested: cx.locale,
            });
        }
        if let Some(audience) = self.audience() {
            if audience != cx.audience {
                return Err(RenderError::WrongAudience {
                    template: self.id().clone(),
                    template_audience: audience,
                    requested: cx.audience,
                });
            }
        }
        let keys: Vec<&FactKey> = self.fact_keys().collect();
        let violations = sheet.violations(cx.audience, keys.iter().copied());
        if !violations.is_empty() {
            return Err(RenderError::AboveClearance {
                template: self.id().clone(),
                violations,
            });
        }
        let missing: Vec<FactKey> = keys
            .iter()
            .filter(|k| sheet.get(k).is_none())
            .map(|k| (*k).clone())
            .collect();
        if !missing.is_empty() {
            return Err(RenderError::MissingFacts {
                template: self.id().clone(),
                keys: missing,
            });
        }
        let subject = match self.subject_segments() {
            Some(segments) => Some(self.pieces(TemplatePart::Subject, segments, sheet, cx)?),
            None => None,
        };
        let body = self.pieces(TemplatePart::Body, self.body_segments(), sheet, cx)?;
        let body_text = body
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.len(),
                Piece::Field(_) => 0,
            })
            .sum();
        Ok(Prepared {
            template: self.id().clone(),
            format: cx.format,
            locale: cx.locale,
            subject,
            body,
            body_text,
            facts_used: keys.into_iter().cloned().collect(),
        })
    }

    fn pieces(
        &self,
        part: TemplatePart,
        segments: &[Segment],
        sheet: &FactSheet,
        cx: &RenderContext,
    ) -> Result<Vec<Piece>, RenderError> {
        let mut out = PieceWriter::new();
        for segment in segments {
            match segment {
                Segment::Literal { start, end } => {
                    let text = self.literal(part, *start, *end);
                    match part {
                        TemplatePart::Subject => out.text.push_str(text),
                        TemplatePart::Body => {
                            let line_start = out.line_start();
                            convert_literal(
                                &mut out.text,
                                text,
                                self.format(),
                                cx.format,
                                line_start,
                            );
                        }
                    }
                }
                Segment::Fact { key, .. } => {
                    let value = sheet.get(key).map(|f| &f.value);
                    let Some(text) = value.and_then(|v| v.localized(cx.locale, cx.time_zone))
                    else {
                        let available = match value {
                            Some(FactValue::Text { by_locale }) => {
                                by_locale.keys().copied().collect()
                            }
                            _ => Vec::new(),
                        };
                        return Err(RenderError::MissingTranslation {
                            template: self.id().clone(),
                            key: key.clone(),
                            locale: cx.locale,
                            available,
                        });
                    };
                    let line_start = out.line_start();
                    insert_value(&mut out.text, &text, part, cx.format, line_start);
                }
                Segment::Field { name, .. } => out.field(name),
            }
        }
        Ok(out.finish())
    }
}

/// Appends a fact or recipient value: one line in subjects, escaped in Markdown bodies.
fn insert_value(
    out: &mut String,
    value: &str,
    part: TemplatePart,
    format: Format,
    line_start: bool,
) {
    match (part, format) {
        (TemplatePart::Subject, _) => {
            if value.contains(['\n', '\r']) {
                out.extend(
                    value
                        .chars()
                        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
                );
            } else {
                out.push_str(value);
            }
        }
        (TemplatePart::Body, Format::PlainText) => out.push_str(value),
        (TemplatePart::Body, Format::Markdown) => escape_markdown(out, value, line_start),
    }
}

/// Appends template text written in `from` as `to` (rules in the module docs).
fn convert_literal(out: &mut String, text: &str, from: Format, to: Format, line_start: bool) {
    match (from, to) {
        (Format::PlainText, Format::PlainText) | (Format::Markdown, Format::Markdown) => {
            out.push_str(text);
        }
        (Format::PlainText, Format::Markdown) => escape_markdown(out, text, line_start),
        (Format::Markdown, Format::PlainText) => demark(out, text, line_start),
    }
}

/// Backslash-escapes Markdown syntax so `text` displays as written.
fn escape_markdown(out: &mut String, text: &str, mut line_start: bool) {
    // Digits seen at the start of the current line (a list number is 1 to 9 of them).
    let mut leading_digits = 0_usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next_is_blank = chars
            .peek()
            .is_none_or(|n| matches!(n, ' ' | '\t' | '\n' | '\r'));
        if line_start {
            match c {
                ' ' | '\t' => {
                    out.push(c);
                    continue;
                }
                '#' | '=' => {
                    line_start = false;
                    out.push('\\');
                    out.push(c);
                    continue;
                }
                '-' | '+' if next_is_blank || chars.peek() == Some(&c) => {
                    line_start = false;
                    out.push('\\');
                    out.push(c);
                    continue;
                }
                '0'..='9' => {
                    line_start = false;
                    leading_digits = 1;
                    out.push(c);
                    continue;
                }
                _ => line_start = false,
            }
        } else if leading_digits > 0 {
            if c.is_ascii_digit() {
                leading_digits += 1;
                out.push(c);
                continue;
            }
            let list_number = leading_digits <= 9 && matches!(c, '.' | ')') && next_is_blank;
            leading_digits = 0;
            if list_number {
                out.push('\\');
                out.push(c);
                continue;
            }
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            '\n' => {
                out.push(c);
                line_start = true;
            }
            _ => out.push(c),
        }
    }
}

/// Turns the Markdown subset the built-in templates use into plain text.
fn demark(out: &mut String, text: &str, line_start: bool) {
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let mut line = line;
        if i > 0 || line_start {
            let hashes = line.bytes().take_while(|b| *b == b'#').count();
            if (1..=6).contains(&hashes) {
                if let Some(rest) = line.get(hashes..).and_then(|r| r.strip_prefix(' ')) {
                    line = rest.trim_start_matches(' ');
                }
            }
        }
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {
                    if let Some(next) = chars.next() {
                        out.push(next);
                    }
                }
                '*' if chars.peek() == Some(&'*') => {
                    chars.next();
                }
                _ => out.push(c),
            }
        }
    }
}

impl Prepared {
    /// Splices `recipient`'s fields into the prepared pieces.
    fn fill(&self, recipient: Option<&Recipient>) -> Result<(Option<String>, String), RenderError> {
        let subject = match &self.subject {
            Some(pieces) => Some(self.fill_part(pieces, TemplatePart::Subject, 0, recipient)?),
            None => None,
        };
        let body = self.fill_part(&self.body, TemplatePart::Body, self.body_text, recipient)?;
        Ok((subject, body))
    }

    fn fill_part(
        &self,
        pieces: &[Piece],
        part: TemplatePart,
        text_len: usize,
        recipient: Option<&Recipient>,
    ) -> Result<String, RenderError> {
        if let [Piece::Text(only)] = pieces {
            return Ok(only.clone());
        }
        let mut field_len = 0;
        for piece in pieces {
            if let Piece::Field(name) = piece {
                let Some(recipient) = recipient else {
                    return Err(self.no_recipient());
                };
                match recipient.fields.get(name) {
                    Some(value) => field_len += value.len(),
                    None => {
                        return Err(RenderError::MissingRecipientField {
                            template: self.template.clone(),
                            recipient: recipient.id.clone(),
                            field: name.clone(),
                        })
                    }
                }
            }
        }
        let mut out = String::with_capacity(text_len + field_len);
        for piece in pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Field(name) => {
                    let value = recipient
                        .and_then(|r| r.fields.get(name))
                        .map_or("", String::as_str);
                    let line_start = out.is_empty() || out.ends_with('\n');
                    insert_value(&mut out, value, part, self.format, line_start);
                }
            }
        }
        Ok(out)
    }

    fn no_recipient(&self) -> RenderError {
        let mut fields: Vec<String> = Vec::new();
        for piece in self.subject.iter().flatten().chain(&self.body) {
            if let Piece::Field(name) = piece {
                if !fields.contains(name) {
                    fields.push(name.clone());
                }
            }
        }
        RenderError::NoRecipient {
            template: self.template.clone(),
            fields,
        }
    }
}

impl TemplateSet {
    /// Looks up the template for `kind`, `cx.locale` and `cx.audience`, and renders it.
    ///
    /// # Errors
    /// [`RenderError::NoTemplate`], or whatever [`Template::render`] reports.
    pub fn render(
        &self,
        kind: MessageKind,
        sheet: &FactSheet,
        cx: &RenderContext,
        recipient: Option<&Recipient>,
    ) -> Result<Rendered, RenderError> {
        self.lookup(kind, cx.locale, cx.audience)
            .ok_or(RenderError::NoTemplate {
                kind,
                locale: cx.locale,
                audience: cx.audience,
            })?
            .render(sheet, cx, recipient)
    }
}

/// Renders `kind` for every recipient, lazily: one message per call to `next`, so a host
/// can stream ten million notices from a database cursor to a mail queue in constant
/// memory.
///
/// Each recipient gets the template for their locale ([`TemplateSet::lookup`] with
/// `audience`), their time zone (else the fan-out's, else [`Locale::default_time_zone`])
/// and the format of their channel ([`Format::for_channel`], or [`FanOut::format`]). The
/// sheet's facts are checked and rendered once per (locale, zone, format) the first time
/// one is met; per recipient only the recipient fields are spliced in. That cache is
/// bounded by the number of locales × time zones × formats, not by the number of
/// recipients, and nothing else is kept.
///
/// A recipient that cannot be served yields an error naming them ([`FanOutError`]) and the
/// fan-out goes on with the next. The output equals [`Template::render`] for each
/// recipient.
///
/// # Examples
/// ```
/// use incident::*;
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
        prepared: Vec::new(),
        last: 0,
    }
}

type CacheEntry = (Locale, TimeZone, Format, Result<Prepared, RenderError>);

/// The lazy iterator [`fan_out`] returns.
pub struct FanOut<'a, I> {
    set: &'a TemplateSet,
    kind: MessageKind,
    audience: Audience,
    sheet: &'a FactSheet,
    recipients: I,
    time_zone: Option<TimeZone>,
    format: Option<Format>,
    prepared: Vec<CacheEntry>,
    last: usize,
}

impl<I> FanOut<'_, I> {
    /// The time zone for recipients without one (default: their locale's
    /// [`Locale::default_time_zone`]).
    #[must_use]
    pub fn time_zone(mut self, zone: TimeZone) -> Self {
        self.time_zone = Some(zone);
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

    fn entry(
        &mut self,
        locale: Locale,
        zone: TimeZone,
        format: Format,
    ) -> Option<&Result<Prepared, RenderError>> {
        let hit = |e: &CacheEntry| e.0 == locale && e.1 == zone && e.2 == format;
        if !self.prepared.get(self.last).is_some_and(hit) {
            match self.prepared.iter().position(hit) {
                Some(index) => self.last = index,
                None => {
                    let cx = RenderContext::new(locale, zone, self.audience, format);
                    let prepared = match self.set.lookup(self.kind, locale, self.audience) {
                        Some(template) => template.prepare(self.sheet, &cx),
                        None => Err(RenderError::NoTemplate {
                            kind: self.kind,
                            locale,
                            audience: self.audience,
                        }),
                    };
                    self.last = self.prepared.len();
                    self.prepared.push((locale, zone, format, prepared));
                }
            }
        }
        self.prepared.get(self.last).map(|e| &e.3)
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
        // `prepared` always returns the entry it just found or added.
        let filled = match self.entry(recipient.locale, zone, format)? {
            Ok(prepared) => prepared.fill(Some(&recipient)),
            Err(e) => Err(e.clone()),
        };
        Some(match filled {
            Ok((subject, body)) => Ok(PersonalMessage {
                recipient: recipient.id,
                channel: recipient.channel,
                locale: recipient.locale,
                format,
                subject,
                body,
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
    use crate::{Fact, Sensitivity, WellKnownKey};

    fn md(text: &str, line_start: bool) -> String {
        let mut out = String::new();
        escape_markdown(&mut out, text, line_start);
        out
    }

    fn plain(text: &str) -> String {
        let mut out = String::new();
        demark(&mut out, text, true);
        out
    }

    #[test]
    fn markdown_escaping_neutralises_syntax_and_keeps_plain_text() {
        assert_eq!(
            md("热线 400-820-8820（24小时）", true),
            "热线 400-820-8820（24小时）"
        );
        assert_eq!(md("203.0.113.7", true), "203.0.113.7");
        assert_eq!(md("1,200 people", true), "1,200 people");
        assert_eq!(
            md(
                "[click](http://evil) *now* <b>x</b> a_b `c` | ~d~ \\",
                false
            ),
            "\\[click\\](http://evil) \\*now\\* \\<b\\>x\\</b\\> a\\_b \\`c\\` \\| \\~d\\~ \\\\"
        );
        assert_eq!(
            md("# title\n- item\n12. twelve\n  + x", true),
            "\\# title\n\\- item\n12\\. twelve\n  \\+ x"
        );
        assert_eq!(
            md("# not a heading mid-line", false),
            "# not a heading mid-line"
        );
        assert_eq!(md("AT&T &amp; & co", false), "AT\\&T \\&amp; & co");
        assert_eq!(md("2026. year", false), "2026. year");
        assert_eq!(md("-5 and +86 400", true), "-5 and +86 400");
        assert_eq!(
            md("---\n1234567890. x\n3)", true),
            "\\---\n1234567890. x\n3\\)"
        );
    }

    #[test]
    fn demarking_drops_the_subset_the_builtins_use() {
        assert_eq!(
            plain("# Title\n\n## Sub\n- **When:** x\n"),
            "Title\n\nSub\n- When: x\n"
        );
        assert_eq!(plain("a \\* b #5"), "a * b #5");
        assert_eq!(plain("#hashtag"), "#hashtag");
        let mut out = String::new();
        demark(&mut out, "# mid-line", false);
        assert_eq!(out, "# mid-line");
    }

    fn sheet() -> FactSheet {
        [
            WellKnownKey::FirmName
                .fact(FactValue::text(Locale::En, "Acme *Pay*").and(Locale::ZhCn, "艾克美")),
            WellKnownKey::WhatToDo.fact(FactValue::text(Locale::En, "Change your password.")),
            Fact {
                key: FactKey::new("ioc.c2_address").unwrap(),
                value: FactValue::Literal {
                    value: "203.0.113.7".into(),
                },
                sensitivity: Sensitivity::Internal,
                element: None,
            },
        ]
        .into_iter()
        .collect()
    }

    fn template(locale: Locale, format: Format, body: &str) -> Template {
        Template::builder(TemplateId::new("t").unwrap(), MessageKind::Faq, locale)
            .format(format)
            .subject("{{firm_name}}: {{recipient.case}}")
            .body(body)
            .build()
            .unwrap()
    }

    fn cx(locale: Locale, format: Format) -> RenderContext {
        RenderContext::new(locale, TimeZone::UTC, Audience::AffectedCustomers, format)
    }

    #[test]
    fn rendering_escapes_values_for_markdown_only_and_keeps_subjects_plain() {
        let t = template(
            Locale::En,
            Format::Markdown,
            "## {{firm_name}}\n\n**Do:** {{what_to_do}} ({{recipient.case}})",
        );
        let r = Recipient::new(CustomerRef::new("C-1").unwrap(), Locale::En, Channel::Email)
            .field("case", "A_1\nBcc: x");
        let out = t
            .render(&sheet(), &cx(Locale::En, Format::Markdown), Some(&r))
            .unwrap();
        assert_eq!(out.subject.as_deref(), Some("Acme *Pay*: A_1 Bcc: x"));
        assert_eq!(
            out.body,
            "## Acme \\*Pay\\*\n\n**Do:** Change your password. (A\\_1\nBcc: x)"
        );
        assert_eq!(
            out.facts_used,
            [WellKnownKey::FirmName.key(), WellKnownKey::WhatToDo.key()]
        );
        let out = t
            .render(&sheet(), &cx(Locale::En, Format::PlainText), Some(&r))
            .unwrap();
        assert_eq!(
            out.body,
            "Acme *Pay*\n\nDo: Change your password. (A_1\nBcc: x)"
        );
        let t = template(Locale::En, Format::PlainText, "1. {{firm_name}}");
        let out = t
            .render(&sheet(), &cx(Locale::En, Format::Markdown), Some(&r))
            .unwrap();
        assert_eq!(out.body, "1\\. Acme \\*Pay\\*");
    }

    #[test]
    fn rendering_errors_name_what_is_missing() {
        let t = template(Locale::ZhCn, Format::PlainText, "{{what_to_do}}");
        let r = Recipient::new(CustomerRef::new("C-1").unwrap(), Locale::ZhCn, Channel::Sms);
        let err = t
            .render(&sheet(), &cx(Locale::ZhCn, Format::PlainText), Some(&r))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "fact `what_to_do` has no zh-CN text (it has: en): add the translation; a notice never switches language"
        );
        let t = template(Locale::ZhCn, Format::PlainText, "{{firm_name}}");
        let err = t
            .render(&sheet(), &cx(Locale::ZhCn, Format::PlainText), Some(&r))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "recipient `C-1` has no field `case`, which template `t` uses: add it to the recipient's fields"
        );
        let err = t
            .render(&sheet(), &cx(Locale::ZhCn, Format::PlainText), None)
            .unwrap_err();
        assert!(matches!(err, RenderError::NoRecipient { ref fields, .. } if fields == &["case"]));
        let err = t
            .render(&sheet(), &cx(Locale::En, Format::PlainText), None)
            .unwrap_err();
        assert!(matches!(err, RenderError::WrongLocale { .. }));
        let t = template(
            Locale::En,
            Format::PlainText,
            "{{ioc.c2_address}} {{apology}} {{contact_points}}",
        );
        let err = t
            .render(&sheet(), &cx(Locale::En, Format::PlainText), None)
            .unwrap_err();
        assert!(err.is_above_clearance(), "{err}");
        let mut cleared = sheet();
        cleared.insert(Fact {
            sensitivity: Sensitivity::Customers,
            ..cleared.get_str("ioc.c2_address").unwrap().clone()
        });
        let err = t
            .render(&cleared, &cx(Locale::En, Format::PlainText), None)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "template `t` needs facts the sheet lacks: `apology`, `contact_points`: add them to the fact sheet or use a template that does not refer to them"
        );
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
            MessageKind::Faq,
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
            MessageKind::Faq,
            Audience::AffectedCustomers,
            &sheet,
            [zh],
        )
        .next()
        .unwrap()
        .unwrap_err();
        assert_eq!(err.to_string(), "notice for recipient `Z` not rendered: no faq template in zh-CN for affected_customers: register one with TemplateSet::register");
        assert!(format!("{out:?}").starts_with("FanOut"));
    }
}
