//! Rendering a template with facts for one reader: the checks, the guarantees (documented
//! on [`Template::render`]) and the prepared form the fan-out reuses.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::fan_out::Recipient;
use super::markup::{convert_literal, insert_value};
use super::template_error::{audience_name, kind_name};
use super::template_syntax::{Segment, TemplatePart};
use super::{
    Audience, ChannelFitError, ClearanceViolation, FactSheet, FactValue, Format, MessageKind,
    Template, TemplateSet, WellKnownKey,
};
use crate::locale::Locale;
use crate::locale::Zone;
use crate::{id::CustomerRef, id::FactKey, id::TemplateId};

/// Who a message is rendered for and how: the language (which must be the template's),
/// the reader's time zone, the audience (whose clearance bounds the facts) and the output
/// format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderContext {
    /// The language; must match the template's.
    pub locale: Locale,
    /// The zone times are shown in.
    pub time_zone: Zone,
    /// Who will read it.
    pub audience: Audience,
    /// The output format.
    pub format: Format,
    /// When this document is issued (published, sent), which `{{issued_at}}` prints in
    /// place of the sheet's `issued_at` fact: each document carries its own date line,
    /// while a fact would date every later document with the first one's time. `None`:
    /// the sheet's fact.
    pub issued_at: Option<DateTime<Utc>>,
}

impl RenderContext {
    /// A context.
    pub fn new(locale: Locale, time_zone: Zone, audience: Audience, format: Format) -> Self {
        Self {
            locale,
            time_zone,
            audience,
            format,
            issued_at: None,
        }
    }

    /// Dates the document: `{{issued_at}}` prints `at`.
    #[must_use]
    pub fn issued_at(mut self, at: DateTime<Utc>) -> Self {
        self.issued_at = Some(at);
        self
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
    /// The rendered message is too long for the recipient's channel.
    #[error("the message from template `{template}` does not fit its channel: {error}")]
    DoesNotFit {
        /// The template.
        template: TemplateId,
        /// How it does not fit, and what to do.
        #[source]
        error: ChannelFitError,
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
    /// The message is too long for its channel ([`RenderError::DoesNotFit`]).
    pub fn is_too_long_for_channel(&self) -> bool {
        matches!(self, Self::DoesNotFit { .. })
    }

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

/// A piece of a template with the sheet's facts already rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    Text(String),
    Field(String),
}

/// A template rendered for one locale, zone, audience and format, except the recipient
/// fields: built once, then filled per recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Prepared {
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
    /// use incident::comms::{Audience, Fact, FactSheet, FactValue, Format, MessageKind, RenderContext};
    /// use incident::comms::{Sensitivity, Template, WellKnownKey};
    /// use incident::id::{FactKey, TemplateId};
    /// use incident::locale::{Locale, Zone};
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
    /// let cx = RenderContext::new(Locale::ZhCn, Zone::SHANGHAI, Audience::Media, Format::PlainText);
    /// let out = t.render(&sheet, &cx, None)?;
    /// assert_eq!(out.body, "我们于2026年3月14日09:30（北京时间）发现异常。");
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
    pub(super) fn prepare(
        &self,
        sheet: &FactSheet,
        cx: &RenderContext,
    ) -> Result<Prepared, RenderError> {
        let dated;
        let sheet = match cx.issued_at {
            Some(at) => {
                let mut copy = sheet.clone();
                copy.insert(WellKnownKey::IssuedAt.fact(FactValue::Time { at }));
                dated = copy;
                &dated
            }
            None => sheet,
        };
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

impl Prepared {
    /// The template it was prepared from.
    pub(super) fn template(&self) -> &TemplateId {
        &self.template
    }

    /// Splices `recipient`'s fields into the prepared pieces.
    pub(super) fn fill(
        &self,
        recipient: Option<&Recipient>,
    ) -> Result<(Option<String>, String), RenderError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comms::{Channel, Fact, Sensitivity, WellKnownKey};

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
        RenderContext::new(locale, Zone::UTC, Audience::AffectedCustomers, format)
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
}
