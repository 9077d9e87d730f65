//! Regulatory notification clocks: regimes as data, business calendars, obligations.

mod calendar;
mod zone;
