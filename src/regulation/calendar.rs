//! Business calendars (placeholder, filled by the calendar work).
