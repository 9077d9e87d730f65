//! Communications: who is told what, through which channel, and whether the message carries
//! everything it must.
//!
//! This module holds the vocabulary and the notice records the lifecycle guards rely on
//! (an approved, complete public notice before Disclose; a sent resolution notice before
//! Review). Plans, cadence, sensitivity labels and rendering build on it.

mod content;
mod elements;
mod facts;
mod feedback;
mod notice;
mod plan;
mod sensitivity;
mod vocabulary;

// Templates and rendering.
mod render;
mod template;

pub use crate::locale::{Locale, LocaleError};
pub use content::{ContentElement, WellKnownKey};
pub use elements::{required_elements, ElementRule, ElementRules};
pub use facts::{ClearanceViolation, Fact, FactSheet, FactValue, ValueKind};
pub use feedback::{
    inquiry_stats, survey_stats, Inquiry, InquiryStats, InquiryTopic, SlaTargets, SurveyError,
    SurveyResponse, SurveyStats,
};
pub use notice::{Notice, NoticeDraft, NoticeStatus};
pub use plan::{CommsPlan, PlanItem, PlanProblem, PlanTrigger, PlannedState, Schedule, Scheduled};
pub use sensitivity::Sensitivity;
pub use vocabulary::{Audience, Channel, MessageKind};

// Templates and rendering.
pub use render::{
    fan_out, FanOut, FanOutError, PersonalMessage, Recipient, RenderContext, RenderError, Rendered,
};
pub use template::{
    Format, Position, Template, TemplateBuilder, TemplateError, TemplatePart, TemplateSet,
};
