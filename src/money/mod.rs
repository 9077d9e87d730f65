//! Exact money amounts: an ISO 4217 [`Currency`] and a signed count of minor
//! units ([`Money`]).
//!
//! Incident impact facts and compensation are regulated figures, so amounts
//! are integers of the currency's minor unit (fen, cent, yen) and never
//! floats. Every operation that can fail returns a [`MoneyError`] instead of
//! wrapping, saturating or panicking, and amounts in different currencies are
//! never combined: converting between currencies needs an exchange rate, a
//! rate source and a timestamp, which is the host's business, not this
//! library's.
//!
//! # Rounding
//!
//! The crate has exactly one rounding rule: **round half to even** (banker's
//! rounding) to the currency's minor unit. It applies only where an exact
//! result can fall between two minor units, namely
//! [`Money::checked_mul_ratio`] and [`Money::checked_mul_bps`]. Those compute
//! the exact product in `i128`, then round once; a result exactly halfway
//! between two minor units goes to the even one (`2.5 → 2`, `3.5 → 4`,
//! `-2.5 → -2`). Half-even is used because it is unbiased over many
//! calculations (for example per-customer compensation summed over a whole
//! incident), unlike half-up. Addition, subtraction, negation and integer
//! multiplication are exact and never round.
//!
//! # Text forms
//!
//! * [`Display`](fmt::Display) is for people: `¥1,234.50`, `-$0.05`,
//!   `JP¥1,235`, `BHD 1.234`. It is not meant to be parsed back.
//! * [`Money::to_plain_string`] is for machines and logs: `1234.50 CNY`.
//!   [`FromStr`] parses it (and `CNY 1234.50`) back exactly.
//!
//! One file per concept: `currency` (the supported table), `amount` (construction and
//! checked arithmetic), `rounding` (ratios and basis points), `format` (both text forms),
//! `parse` and `error`.
//!
//! [`Currency`]: crate::Currency
//! [`Money`]: crate::Money
//! [`Money::checked_mul_ratio`]: crate::Money::checked_mul_ratio
//! [`Money::checked_mul_bps`]: crate::Money::checked_mul_bps
//! [`Money::to_plain_string`]: crate::Money::to_plain_string

pub(crate) mod amount;
pub(crate) mod currency;
mod error;
mod format;
mod parse;
mod rounding;

#[cfg(doc)]
use std::{fmt, str::FromStr};

pub use error::{MoneyError, MoneyOperation};
pub(crate) use format::group_thousands;

/// Helpers shared by the money unit tests.
#[cfg(test)]
mod testing {
    use proptest::prelude::*;

    use crate::{Currency, Money};

    pub(super) fn m(amount: i64, currency: Currency) -> Money {
        Money::from_minor(amount, currency)
    }

    pub(super) fn cur(code: &str) -> Currency {
        Currency::new(code).unwrap()
    }

    pub(super) fn any_currency() -> impl Strategy<Value = Currency> {
        proptest::sample::select(Currency::supported().collect::<Vec<_>>())
    }
}
