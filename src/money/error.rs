//! What can go wrong with money, and which operation it was.

use std::fmt;

use crate::{Currency, Money};

/// The operation that failed, carried by [`MoneyError`] so a host can tell
/// *where* an amount went wrong without parsing the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MoneyOperation {
    /// [`Money::checked_add`].
    Add,
    /// [`Money::checked_sub`].
    Subtract,
    /// [`Money::checked_neg`].
    Negate,
    /// [`Money::checked_mul_int`].
    Multiply,
    /// [`Money::checked_mul_ratio`].
    MultiplyRatio,
    /// [`Money::checked_mul_bps`].
    MultiplyBps,
    /// [`Money::from_major`].
    FromMajor,
    /// [`Money::checked_cmp`].
    Compare,
    /// [`Money::checked_min`].
    Min,
    /// [`Money::checked_max`].
    Max,
    /// [`Money::sum`].
    Sum,
}

impl fmt::Display for MoneyOperation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Add => "add",
            Self::Subtract => "subtract",
            Self::Negate => "negate",
            Self::Multiply => "multiply by an integer",
            Self::MultiplyRatio => "multiply by a ratio",
            Self::MultiplyBps => "apply basis points",
            Self::FromMajor => "convert major units to minor units",
            Self::Compare => "compare",
            Self::Min => "take the minimum",
            Self::Max => "take the maximum",
            Self::Sum => "sum",
        })
    }
}

/// Renders the "cannot …" part of a currency-mismatch message.
fn mismatch_message(operation: MoneyOperation, left: &Money, right: &Money) -> String {
    let (l, r) = (left.to_plain_string(), right.to_plain_string());
    match operation {
        MoneyOperation::Add => format!("cannot add {r} to {l}"),
        MoneyOperation::Subtract => format!("cannot subtract {r} from {l}"),
        MoneyOperation::Compare => format!("cannot compare {l} with {r}"),
        MoneyOperation::Min => format!("cannot take the minimum of {l} and {r}"),
        MoneyOperation::Max => format!("cannot take the maximum of {l} and {r}"),
        MoneyOperation::Sum => {
            format!("cannot sum {r} into a {} total", left.currency())
        }
        other => format!("cannot {other} {l} and {r}"),
    }
}

/// Everything that can go wrong with a [`Currency`] or [`Money`]. Each
/// message says what was wrong and what the caller should do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// A well-formed three-letter code that is not in the supported table.
    #[error(
        "unknown currency code {code:?}: use an upper-case ISO 4217 code from the supported table, e.g. \"CNY\", \"HKD\" or \"USD\""
    )]
    UnknownCurrency {
        /// The code as given.
        code: String,
    },
    /// A supported code written in lower or mixed case.
    #[error("currency code {code:?} must be upper-case: use {suggestion:?}")]
    LowercaseCurrency {
        /// The code as given.
        code: String,
        /// The upper-case code that is supported.
        suggestion: String,
    },
    /// Not three ASCII letters at all.
    #[error(
        "currency code {code:?} is malformed: expected exactly three upper-case ASCII letters, e.g. \"USD\""
    )]
    MalformedCurrency {
        /// The code as given.
        code: String,
    },
    /// Two amounts in different currencies were combined or compared.
    #[error(
        "{}: amounts in different currencies must be converted by the host first",
        mismatch_message(*.operation, .left, .right)
    )]
    CurrencyMismatch {
        /// What was being attempted.
        operation: MoneyOperation,
        /// The receiver (or running total, for [`Money::sum`]).
        left: Money,
        /// The other operand.
        right: Money,
    },
    /// The exact result does not fit in `i64` minor units.
    #[error(
        "cannot {operation} in {currency}: the result does not fit in i64 minor units; check the inputs for a major/minor unit mix-up or split the amount"
    )]
    Overflow {
        /// What was being attempted.
        operation: MoneyOperation,
        /// The currency of the operands.
        currency: Currency,
    },
    /// [`Money::checked_mul_ratio`] was given a zero denominator.
    #[error(
        "cannot multiply {} by {numerator}/0: the denominator of a ratio must be non-zero",
        .amount.to_plain_string()
    )]
    ZeroDenominator {
        /// The amount being scaled.
        amount: Money,
        /// The numerator that came with the zero denominator.
        numerator: i64,
    },
    /// The text to parse was empty or only whitespace.
    #[error("cannot parse an empty string as money: expected an amount and an ISO 4217 code, e.g. \"1234.50 CNY\"")]
    ParseEmpty,
    /// The text has an amount but no currency code.
    #[error(
        "cannot parse {input:?} as money: no currency code; add an ISO 4217 code separated by a space, e.g. \"12.50 CNY\""
    )]
    ParseMissingCurrency {
        /// The text as given.
        input: String,
    },
    /// The text has no amount digits (e.g. just `"CNY"` or `"- CNY"`).
    #[error(
        "cannot parse {input:?} as money: no amount; write digits before or after the code, separated by a space, e.g. \"12.50 CNY\""
    )]
    ParseMissingAmount {
        /// The text as given.
        input: String,
    },
    /// Not exactly one amount and one code.
    #[error(
        "cannot parse {input:?} as money: expected exactly one amount and one currency code separated by whitespace, e.g. \"1234.50 CNY\" or \"CNY 1234.50\""
    )]
    ParseLayout {
        /// The text as given.
        input: String,
    },
    /// The currency part of the text was rejected by [`Currency::new`].
    #[error("cannot parse {input:?} as money: {reason}")]
    ParseCurrency {
        /// The text as given.
        input: String,
        /// Why the currency code was rejected.
        reason: Box<MoneyError>,
    },
    /// More decimal places than the currency's minor unit allows.
    #[error(
        "cannot parse {input:?} as money: {currency} has {allowed} decimal places but the amount has {found}; round to the currency's minor unit first"
    )]
    ParseTooManyDecimals {
        /// The text as given.
        input: String,
        /// The parsed currency.
        currency: Currency,
        /// The currency's minor-unit exponent.
        allowed: u8,
        /// Decimal places found in the text.
        found: usize,
    },
    /// A character that is not a digit, a leading `-` or a single `.`.
    #[error(
        "cannot parse {input:?} as money: unexpected character {character:?} in the amount; use only digits, an optional leading '-' and at most one '.'"
    )]
    ParseInvalidCharacter {
        /// The text as given.
        input: String,
        /// The first offending character.
        character: char,
    },
    /// A `,` in the amount (grouping or a decimal comma).
    #[error(
        "cannot parse {input:?} as money: ',' is not accepted as a thousands separator or decimal comma; write the amount ungrouped with '.' for decimals, e.g. \"1234.50 CNY\""
    )]
    ParseThousandsSeparator {
        /// The text as given.
        input: String,
    },
    /// More than one `+`/`-` sign in the amount.
    #[error(
        "cannot parse {input:?} as money: more than one sign in the amount; use at most one leading '-'"
    )]
    ParseMultipleSigns {
        /// The text as given.
        input: String,
    },
    /// A `.` without digits on both sides, or more than one `.`.
    #[error(
        "cannot parse {input:?} as money: a '.' must appear at most once with digits on both sides, e.g. \"0.50 USD\" or \"1 USD\""
    )]
    ParseDecimalPoint {
        /// The text as given.
        input: String,
    },
    /// The amount does not fit in `i64` minor units.
    #[error(
        "cannot parse {input:?} as money: the amount does not fit in i64 minor units; check it for extra digits or a unit mix-up"
    )]
    ParseOverflow {
        /// The text as given.
        input: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::testing::m;

    #[test]
    fn currency_mismatch_errors() {
        let cny = m(500, Currency::CNY);
        let usd = m(1_200, Currency::USD);
        let err = cny.checked_add(usd).unwrap_err();
        assert_eq!(
            err,
            MoneyError::CurrencyMismatch {
                operation: MoneyOperation::Add,
                left: cny,
                right: usd
            }
        );
        assert_eq!(
            err.to_string(),
            "cannot add 12.00 USD to 5.00 CNY: amounts in different currencies must be converted by the host first"
        );
        assert_eq!(
            cny.checked_sub(usd).unwrap_err().to_string(),
            "cannot subtract 12.00 USD from 5.00 CNY: amounts in different currencies must be converted by the host first"
        );
        assert_eq!(
            cny.checked_cmp(&usd).unwrap_err().to_string(),
            "cannot compare 5.00 CNY with 12.00 USD: amounts in different currencies must be converted by the host first"
        );
        assert_eq!(
            cny.checked_min(usd).unwrap_err().to_string(),
            "cannot take the minimum of 5.00 CNY and 12.00 USD: amounts in different currencies must be converted by the host first"
        );
        assert_eq!(
            cny.checked_max(usd).unwrap_err().to_string(),
            "cannot take the maximum of 5.00 CNY and 12.00 USD: amounts in different currencies must be converted by the host first"
        );
        assert_eq!(
            Money::sum([cny, usd], Currency::CNY).unwrap_err().to_string(),
            "cannot sum 12.00 USD into a CNY total: amounts in different currencies must be converted by the host first"
        );
        assert_eq!(
            Money::sum([cny], Currency::USD),
            Err(MoneyError::CurrencyMismatch {
                operation: MoneyOperation::Sum,
                left: Money::zero(Currency::USD),
                right: cny
            })
        );
    }
}
