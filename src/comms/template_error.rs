//! Why a template cannot be built or registered.

use super::template_syntax::{Position, TemplatePart};
use super::{Audience, Channel, ContentElement, MessageKind};
use crate::locale::Locale;
use crate::{id::FactKey, id::TemplateId};

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
    /// A template for a short channel (SMS, app push, WeChat) without the contact points
    /// its kind requires, or leaving out required elements without linking to the full
    /// notice.
    #[error("template `{template}` is a short {} variant but {}: a short variant carries `{{{{contact_points}}}}` and links to the full notice, which carries the rest, after a label (e.g. `Details: {{{{details_url}}}}`)", .channel.as_str(), short_gaps(.missing, .unlinked))]
    ShortVariantIncomplete {
        /// The template.
        template: TemplateId,
        /// Its channel.
        channel: Channel,
        /// Required elements it must carry itself and lacks (the contact points).
        missing: Vec<ContentElement>,
        /// Required elements it neither carries nor links to (it has no `{{details_url}}`).
        unlinked: Vec<ContentElement>,
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
pub(super) fn kind_name(kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::InitialNotice => "initial_notice",
        MessageKind::Update => "update",
        MessageKind::HoldingStatement => "holding_statement",
        MessageKind::RegulatorReport => "regulator_report",
        MessageKind::IdentityTheftGuide => "identity_theft_guide",
        MessageKind::Faq => "faq",
        MessageKind::ResolutionNotice => "resolution_notice",
        MessageKind::Survey => "survey",
        MessageKind::PressRelease => "press_release",
        MessageKind::StaffBriefing => "staff_briefing",
        MessageKind::HotlineScript => "hotline_script",
        MessageKind::SpokespersonQa => "spokesperson_qa",
    }
}

pub(super) fn audience_name(audience: Option<Audience>) -> &'static str {
    audience.map_or("any audience", Audience::as_str)
}

fn short_gaps(missing: &[ContentElement], unlinked: &[ContentElement]) -> String {
    let names = |elements: &[ContentElement]| {
        elements
            .iter()
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut gaps = Vec::new();
    if !missing.is_empty() {
        gaps.push(format!("lacks {}", names(missing)));
    }
    if !unlinked.is_empty() {
        gaps.push(format!(
            "has no `{{{{details_url}}}}` link for what it leaves out ({})",
            names(unlinked)
        ));
    }
    gaps.join(" and ")
}
