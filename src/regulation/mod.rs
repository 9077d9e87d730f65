//! Regulatory notification clocks: regimes as data, business calendars, obligations.

mod applicability;
mod builtin;
mod calendar;
mod deadline;
mod facts;
mod obligation;
mod record;
mod regime;
mod timer;

mod zone;

pub use applicability::{Applicability, EntityProfile, EntityType, MissingFact, Tri, Verdict};
pub use builtin::*;
pub use calendar::{
    BusinessCalendar, CalendarError, CalendarSpec, Calendars, Day, MAX_CALENDAR_YEARS,
};
pub use facts::{Determination, Filing, GradeRecord, IncidentFacts};
pub use obligation::{
    LimbOutcome, NotApplicable, Obligation, ObligationStatus, Obligations, ReadingUsed, Readings,
    Regulation, Reminder, Undetermined,
};
pub use record::{AlertKind, ClockAlert, RegulatoryRecord};
pub use regime::{
    Ambiguity, Anchor, CalendarRule, CnGrade, Confidence, Limb, Milestone, Offset, Recipient,
    RecipientKind, Regime, Report, Roll, StartRule, Submission, TimeOfDay, Trigger, Unit, Urgency,
    ZoneRule,
};
pub use timer::{DrillMargin, DrillScore};
pub use zone::{TimeZone, TimeZoneError};
