//! Communications: who is told what, through which channel, and whether the message carries
//! everything it must.
//!
//! This module holds the vocabulary and the notice records the lifecycle guards rely on
//! (an approved, complete public notice before Disclose; a sent resolution notice before
//! Review). Plans, cadence, sensitivity labels and rendering build on it. Languages and
//! formats are the [`locale`](crate::locale) module's; rendering writes through it.
//!
//! | file | holds |
//! |---|---|
//! | `vocabulary` | [`Audience`], [`Channel`], [`MessageKind`] |
//! | `content` | the content vocabulary: [`ContentElement`] and [`WellKnownKey`] |
//! | `elements` | which elements each kind of message requires |
//! | `facts`, `sensitivity` | the fact sheet, its labels and clearances |
//! | `notice`, `revision`, `plan`, `reference_plan`, `feedback` | notices and their revisions, the plan and its schedule, inquiries and surveys |
//! | `receipt` | delivery receipts: [`DeliveryReceipt`], [`DeliveryOutcome`] |
//! | `template`, `template_syntax`, `template_error` | a template, its placeholder syntax, its errors |
//! | `template_set`, `builtin_templates` | the registry and the built-in templates |
//! | `identity_theft` | per-country help for the identity-theft guide: [`Country`], [`IdentityTheftResource`], each fact with its source and check date |
//! | `markup` | plain text and Markdown, escaping and de-marking |
//! | `wording` | [`absolute_promises`]: phrases no customer or press document may carry |
//! | `render`, `fan_out` | rendering for one reader, and per recipient at scale |
//! | `sms` | SMS encoding and segment counting: [`SmsSegments`], [`SmsEncoding`] |
//! | `channel_format` | per-channel limits and size reports: [`ChannelPolicy`], [`ChannelFit`], [`ChannelFitError`] |

mod content;
mod elements;
mod facts;
mod feedback;
mod identity_theft;
mod identity_theft_rows;
mod notice;
mod plan;
mod receipt;
mod reference_plan;
mod revision;
mod sensitivity;
mod vocabulary;
mod wording;

// Templates and rendering.
mod builtin_short;
mod builtin_templates;
mod channel_format;
mod fan_out;
mod markup;
mod render;
mod sms;
mod template;
mod template_error;
mod template_set;
mod template_syntax;

pub use content::{ContentElement, WellKnownKey};
pub use elements::{
    conditional_elements, required_elements, ElementCondition, ElementRule, ElementRules, Situation,
};
pub use facts::{ClearanceViolation, Fact, FactSeal, FactSheet, FactValue, ValueKind};
pub use feedback::{
    inquiry_stats, survey_stats, Inquiry, InquiryStats, InquiryTopic, SlaTargets, SurveyError,
    SurveyResponse, SurveyStats,
};
pub use identity_theft::{
    country_section, identity_theft_resources, Country, IdentityTheftResource, ResourcePurpose,
    ResourceText, SourceKind,
};
pub use notice::{Notice, NoticeDraft, NoticeStatus};
pub use plan::{
    CommsPlan, PlanItem, PlanProblem, PlanTrigger, PlanView, PlannedState, Schedule, Scheduled,
};
pub use receipt::{DeliveryOutcome, DeliveryReceipt};
pub use revision::{NoticeRevision, RevisionStamp};
pub use sensitivity::Sensitivity;
pub use vocabulary::{Audience, Channel, MessageKind};
pub use wording::{absolute_promises, ABSOLUTE_PROMISES};

// Templates and rendering.
pub use channel_format::{ChannelFit, ChannelFitError, ChannelPolicy, LengthUnit, MessagePart};
pub use fan_out::{fan_out, FanOut, FanOutError, PersonalMessage, Recipient};
pub use markup::Format;
pub use render::{RenderContext, RenderError, Rendered};
pub use sms::{SmsEncoding, SmsSegments};
pub use template::{Template, TemplateBuilder};
pub use template_error::TemplateError;
pub use template_set::TemplateSet;
pub use template_syntax::{Position, TemplatePart};
