//! The builder methods the built-in regimes are written with: chainable setters on
//! [`Report`] and [`Limb`], public so a host can write its own regimes the same way.

use crate::id::ReportId;
use crate::locale::{Locale, Translations};
use crate::regulation::{
    Ambiguity, Anchor, Applicability, CalendarRule, Confidence, DeferralRule, IfOngoing, Limb,
    Report, ReportRecipient, Roll, StartRule, TimeOfDay, Urgency,
};

impl Report {
    /// A report with no deadline limbs and no extra conditions.
    pub fn new(
        id: ReportId,
        name: impl Into<String>,
        recipient: ReportRecipient,
        urgency: Urgency,
        citation: impl Into<String>,
    ) -> Self {
        Self {
            id,
            name: name.into(),
            titles: Translations::new(),
            recipient,
            applies_when: Applicability::Always {},
            urgency,
            deadline: Vec::new(),
            contents: Vec::new(),
            citation: citation.into(),
            confidence: None,
            note: None,
            if_ongoing: None,
            deferral: None,
        }
    }

    /// Lets an authority move the due time within `rule`'s periods.
    #[must_use]
    pub fn deferral(mut self, rule: DeferralRule) -> Self {
        self.deferral = Some(rule);
        self
    }

    /// The name in Simplified Chinese (mainland) and Traditional Chinese (Hong Kong), for
    /// Chinese readers of deadlines and reports.
    #[must_use]
    pub fn titled(mut self, zh_cn: &str, zh_hk: &str) -> Self {
        self.titles = Translations::new()
            .with(Locale::ZhCn, zh_cn)
            .with(Locale::ZhHk, zh_hk);
        self
    }

    /// Adds a deadline limb (several limbs: whichever comes first).
    #[must_use]
    pub fn limb(mut self, limb: Limb) -> Self {
        self.deadline.push(limb);
        self
    }

    /// Sets the report's own applicability.
    #[must_use]
    pub fn when(mut self, condition: Applicability) -> Self {
        self.applies_when = condition;
        self
    }

    /// Sets the required contents.
    #[must_use]
    pub fn contents(mut self, items: Vec<String>) -> Self {
        self.contents = items;
        self
    }

    /// Overrides the regime's confidence.
    #[must_use]
    pub fn confidence(mut self, confidence: Confidence) -> Self {
        self.confidence = Some(confidence);
        self
    }

    /// Sets the note.
    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// Sets what the report becomes for an incident still ongoing at its due time.
    #[must_use]
    pub fn if_ongoing(mut self, rule: IfOngoing) -> Self {
        self.if_ongoing = Some(rule);
        self
    }
}

impl Limb {
    /// Declares ambiguities of this limb.
    #[must_use]
    pub fn ambiguous(mut self, ambiguities: &[Ambiguity]) -> Self {
        self.ambiguities = ambiguities.to_vec();
        self
    }

    /// Sets the time of day a day-based period ends at.
    #[must_use]
    pub fn at(mut self, time_of_day: TimeOfDay) -> Self {
        self.time_of_day = time_of_day;
        self
    }

    /// Sets the calendar.
    #[must_use]
    pub fn calendar(mut self, calendar: CalendarRule) -> Self {
        self.calendar = Some(calendar);
        self
    }

    /// Sets the roll and the conditions that deny it.
    #[must_use]
    pub fn roll(mut self, roll: Roll, unless: Option<Applicability>) -> Self {
        self.roll = roll;
        self.roll_unless = unless;
        self
    }

    /// Sets the start rule for working-day periods.
    #[must_use]
    pub fn start(mut self, start: StartRule) -> Self {
        self.start = start;
        self
    }

    /// Counts from the end of the trigger's calendar year.
    #[must_use]
    pub fn from_year_end(mut self) -> Self {
        self.from = Anchor::EndOfTriggerYear;
        self
    }
}
