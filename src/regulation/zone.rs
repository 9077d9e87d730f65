//! Time zones (placeholder, filled by the calendar work).
