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

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

/// One row of the supported-currency table.
#[derive(Debug)]
struct CurrencyInfo {
    code: &'static str,
    minor_exponent: u8,
    symbol: Option<&'static str>,
}

const fn info(
    code: &'static str,
    minor_exponent: u8,
    symbol: Option<&'static str>,
) -> CurrencyInfo {
    CurrencyInfo {
        code,
        minor_exponent,
        symbol,
    }
}

/// Supported currencies, sorted by code, with ISO 4217 minor-unit exponents.
const CURRENCIES: &[CurrencyInfo] = &[
    info("AED", 2, None),
    info("ARS", 2, None),
    info("AUD", 2, None),
    info("BDT", 2, None),
    info("BHD", 3, None),
    info("BRL", 2, None),
    info("CAD", 2, None),
    info("CHF", 2, None),
    info("CLP", 0, None),
    info("CNY", 2, Some("¥")),
    info("COP", 2, None),
    info("CZK", 2, None),
    info("DKK", 2, None),
    info("EGP", 2, None),
    info("EUR", 2, Some("€")),
    info("GBP", 2, Some("£")),
    info("HKD", 2, Some("HK$")),
    info("HUF", 2, None),
    info("IDR", 2, None),
    info("ILS", 2, None),
    info("INR", 2, None),
    info("IQD", 3, None),
    info("ISK", 0, None),
    info("JOD", 3, None),
    info("JPY", 0, Some("JP¥")),
    info("KES", 2, None),
    info("KRW", 0, None),
    info("KWD", 3, None),
    info("LKR", 2, None),
    info("LYD", 3, None),
    info("MOP", 2, None),
    info("MXN", 2, None),
    info("MYR", 2, None),
    info("NGN", 2, None),
    info("NOK", 2, None),
    info("NZD", 2, None),
    info("OMR", 3, None),
    info("PEN", 2, None),
    info("PHP", 2, None),
    info("PKR", 2, None),
    info("PLN", 2, None),
    info("RUB", 2, None),
    info("SAR", 2, None),
    info("SEK", 2, None),
    info("SGD", 2, Some("S$")),
    info("THB", 2, None),
    info("TND", 3, None),
    info("TRY", 2, None),
    info("TWD", 2, None),
    info("UGX", 0, None),
    info("USD", 2, Some("$")),
    info("VND", 0, None),
    info("XAF", 0, None),
    info("XOF", 0, None),
    info("ZAR", 2, None),
];

/// Stand-in row for a code outside the table. Unreachable in practice: every
/// constructor validates against [`CURRENCIES`] and the field is private.
const UNLISTED: CurrencyInfo = info("XXX", 0, None);

fn lookup(code: &[u8]) -> Option<&'static CurrencyInfo> {
    CURRENCIES.iter().find(|row| row.code.as_bytes() == code)
}

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

/// A validated ISO 4217 alphabetic currency code from the crate's table.
///
/// Holding a `Currency` proves the code is supported and fixes its minor-unit
/// exponent, so amounts can be stored as exact integers of minor units.
/// Serialized as a JSON string such as `"CNY"`; deserializing validates.
///
/// # Examples
///
/// ```
/// use incident::{Money, Currency};
///
/// let cny: Currency = "CNY".parse()?;
/// assert_eq!(cny, Currency::CNY);
/// assert_eq!(cny.minor_exponent(), 2);
/// assert_eq!(Currency::JPY.minor_exponent(), 0);
/// assert_eq!(cny.symbol(), Some("¥"));
/// assert_eq!(Money::zero(cny).to_plain_string(), "0.00 CNY");
/// assert!(Currency::new("cny").is_err());
/// # Ok::<(), incident::money::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency([u8; 3]);

impl Currency {
    /// Chinese yuan renminbi (2 decimals).
    pub const CNY: Currency = Currency(*b"CNY");
    /// Hong Kong dollar (2 decimals).
    pub const HKD: Currency = Currency(*b"HKD");
    /// US dollar (2 decimals).
    pub const USD: Currency = Currency(*b"USD");
    /// Euro (2 decimals).
    pub const EUR: Currency = Currency(*b"EUR");
    /// Pound sterling (2 decimals).
    pub const GBP: Currency = Currency(*b"GBP");
    /// Japanese yen (0 decimals).
    pub const JPY: Currency = Currency(*b"JPY");
    /// Singapore dollar (2 decimals).
    pub const SGD: Currency = Currency(*b"SGD");

    /// Validates an upper-case ISO 4217 alphabetic code against the table.
    ///
    /// # Errors
    ///
    /// [`MoneyError::LowercaseCurrency`] for a supported code in the wrong
    /// case (the error carries the upper-case suggestion),
    /// [`MoneyError::UnknownCurrency`] for three letters not in the table, and
    /// [`MoneyError::MalformedCurrency`] for anything else.
    ///
    /// # Examples
    ///
    /// ```
    /// use incident::{Money, Currency};
    ///
    /// assert_eq!(Currency::new("HKD")?.code(), "HKD");
    /// assert!(Currency::new("XYZ").is_err());
    /// # Ok::<(), incident::money::MoneyError>(())
    /// ```
    pub fn new(code: &str) -> Result<Currency, MoneyError> {
        let bytes = code.as_bytes();
        let three_letters = bytes.len() == 3 && bytes.iter().all(u8::is_ascii_alphabetic);
        if !three_letters {
            return Err(MoneyError::MalformedCurrency {
                code: code.to_owned(),
            });
        }
        if bytes.iter().all(u8::is_ascii_uppercase) {
            return match (lookup(bytes), bytes) {
                (Some(_), &[a, b, c]) => Ok(Currency([a, b, c])),
                _ => Err(MoneyError::UnknownCurrency {
                    code: code.to_owned(),
                }),
            };
        }
        let upper = code.to_ascii_uppercase();
        if lookup(upper.as_bytes()).is_some() {
            Err(MoneyError::LowercaseCurrency {
                code: code.to_owned(),
                suggestion: upper,
            })
        } else {
            Err(MoneyError::UnknownCurrency {
                code: code.to_owned(),
            })
        }
    }

    /// Every supported currency, in code order (also the JSON Schema `enum`).
    pub fn supported() -> impl Iterator<Item = Currency> {
        CURRENCIES
            .iter()
            .filter_map(|row| match row.code.as_bytes() {
                &[a, b, c] => Some(Currency([a, b, c])),
                _ => None,
            })
    }

    fn info(self) -> &'static CurrencyInfo {
        lookup(&self.0).unwrap_or(&UNLISTED)
    }

    /// The three-letter code, e.g. `"CNY"`.
    pub fn code(&self) -> &str {
        self.info().code
    }

    /// Decimal places of the minor unit (ISO 4217): 2 for CNY, 0 for JPY,
    /// 3 for BHD. One minor unit is `10^-minor_exponent` of the major unit.
    pub fn minor_exponent(&self) -> u8 {
        self.info().minor_exponent
    }

    /// The display symbol where it is unambiguous for this crate's users
    /// (`¥` is CNY, so JPY is `JP¥`); `None` means display as `CODE 1.00`.
    pub fn symbol(&self) -> Option<&'static str> {
        self.info().symbol
    }

    /// `10^minor_exponent`: minor units per major unit.
    fn minor_per_major(self) -> i64 {
        10_i64.pow(u32::from(self.minor_exponent()))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

impl FromStr for Currency {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::new(s)
    }
}

impl TryFrom<String> for Currency {
    type Error = MoneyError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Currency::new(&value)
    }
}

impl From<Currency> for String {
    fn from(value: Currency) -> Self {
        value.code().to_owned()
    }
}

impl JsonSchema for Currency {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Currency")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("incident::money::Currency")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = CURRENCIES.iter().map(|row| row.code).collect();
        json_schema!({
            "type": "string",
            "description": "ISO 4217 alphabetic currency code (upper-case) from the supported table.",
            "pattern": "^[A-Z]{3}$",
            "enum": codes,
        })
    }
}

/// An exact amount of money: a signed integer of minor units in one currency.
///
/// Fields are private so the currency can never be separated from the
/// amount. Arithmetic is checked (see the module's *Rounding* section) and
/// only defined between amounts of the same currency; ordering is via
/// [`Money::checked_cmp`] because amounts in different currencies have no
/// order. The JSON form is frozen: `{"amount_minor": 123450, "currency": "CNY"}`.
///
/// # Examples
///
/// ```
/// use incident::{Money, Currency};
///
/// let refund = Money::from_minor(123_450, Currency::CNY);
/// assert_eq!(refund.to_string(), "¥1,234.50");
/// assert_eq!(refund.to_plain_string(), "1234.50 CNY");
/// assert_eq!("1234.50 CNY".parse::<Money>()?, refund);
///
/// // 1.5% goodwill credit, rounded half to even to the fen.
/// let credit = refund.checked_mul_bps(150)?;
/// assert_eq!(credit, Money::from_minor(1_852, Currency::CNY));
///
/// // Currencies never mix.
/// assert!(refund.checked_add(Money::from_minor(1, Currency::USD)).is_err());
/// # Ok::<(), incident::money::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// Signed amount in the currency's minor unit (e.g. fen for CNY, cents
    /// for USD, yen for JPY): 123450 with CNY is 1234.50 yuan.
    amount_minor: i64,
    /// ISO 4217 alphabetic currency code, e.g. "CNY".
    currency: Currency,
}

impl Money {
    /// An amount given directly in minor units; always exact.
    ///
    /// # Examples
    ///
    /// ```
    /// use incident::{Money, Currency};
    ///
    /// assert_eq!(Money::from_minor(-5, Currency::USD).to_string(), "-$0.05");
    /// ```
    pub const fn from_minor(amount_minor: i64, currency: Currency) -> Money {
        Money {
            amount_minor,
            currency,
        }
    }

    /// Zero in `currency`, the identity for [`Money::sum`].
    pub const fn zero(currency: Currency) -> Money {
        Money::from_minor(0, currency)
    }

    /// A whole number of major units (yuan, dollars), scaled to minor units.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when `major * 10^minor_exponent` does not fit
    /// in `i64`.
    ///
    /// # Examples
    ///
    /// ```
    /// use incident::{Money, Currency};
    ///
    /// assert_eq!(Money::from_major(12, Currency::HKD)?.amount_minor(), 1_200);
    /// assert_eq!(Money::from_major(12, Currency::JPY)?.amount_minor(), 12);
    /// # Ok::<(), incident::money::MoneyError>(())
    /// ```
    pub fn from_major(major: i64, currency: Currency) -> Result<Money, MoneyError> {
        major
            .checked_mul(currency.minor_per_major())
            .map(|minor| Money::from_minor(minor, currency))
            .ok_or(MoneyError::Overflow {
                operation: MoneyOperation::FromMajor,
                currency,
            })
    }

    /// The amount in minor units.
    pub const fn amount_minor(&self) -> i64 {
        self.amount_minor
    }

    /// The currency.
    pub const fn currency(&self) -> Currency {
        self.currency
    }

    /// Whether the amount is exactly zero.
    pub const fn is_zero(&self) -> bool {
        self.amount_minor == 0
    }

    /// Whether the amount is below zero.
    pub const fn is_negative(&self) -> bool {
        self.amount_minor < 0
    }

    /// Whether the amount is above zero.
    pub const fn is_positive(&self) -> bool {
        self.amount_minor > 0
    }

    fn same_currency(self, other: Money, operation: MoneyOperation) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                operation,
                left: self,
                right: other,
            })
        }
    }

    fn overflow(self, operation: MoneyOperation) -> MoneyError {
        MoneyError::Overflow {
            operation,
            currency: self.currency,
        }
    }

    /// `self + rhs`, exact.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] if the currencies differ,
    /// [`MoneyError::Overflow`] if the sum leaves the `i64` range.
    ///
    /// # Examples
    ///
    /// ```
    /// use incident::{Money, Currency};
    ///
    /// let total = Money::from_minor(500, Currency::CNY)
    ///     .checked_add(Money::from_minor(1_200, Currency::CNY))?;
    /// assert_eq!(total.amount_minor(), 1_700);
    /// # Ok::<(), incident::money::MoneyError>(())
    /// ```
    pub fn checked_add(self, rhs: Money) -> Result<Money, MoneyError> {
        self.same_currency(rhs, MoneyOperation::Add)?;
        self.amount_minor
            .checked_add(rhs.amount_minor)
            .map(|amount| Money::from_minor(amount, self.currency))
            .ok_or_else(|| self.overflow(MoneyOperation::Add))
    }

    /// `self - rhs`, exact.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] if the currencies differ,
    /// [`MoneyError::Overflow`] if the difference leaves the `i64` range.
    pub fn checked_sub(self, rhs: Money) -> Result<Money, MoneyError> {
        self.same_currency(rhs, MoneyOperation::Subtract)?;
        self.amount_minor
            .checked_sub(rhs.amount_minor)
            .map(|amount| Money::from_minor(amount, self.currency))
            .ok_or_else(|| self.overflow(MoneyOperation::Subtract))
    }

    /// `-self`, exact (e.g. to turn a charge into a reversal).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] for `i64::MIN` minor units.
    pub fn checked_neg(self) -> Result<Money, MoneyError> {
        self.amount_minor
            .checked_neg()
            .map(|amount| Money::from_minor(amount, self.currency))
            .ok_or_else(|| self.overflow(MoneyOperation::Negate))
    }

    /// `self * factor`, exact (e.g. a flat fee times affected accounts).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if the product leaves the `i64` range.
    pub fn checked_mul_int(self, factor: i64) -> Result<Money, MoneyError> {
        self.amount_minor
            .checked_mul(factor)
            .map(|amount| Money::from_minor(amount, self.currency))
            .ok_or_else(|| self.overflow(MoneyOperation::Multiply))
    }

    /// `self * numerator / denominator`, computed exactly in `i128` and then
    /// rounded once to the minor unit with **round half to even**, so
    /// pro-rata shares are unbiased.
    ///
    /// # Errors
    ///
    /// [`MoneyError::ZeroDenominator`] if `denominator` is 0,
    /// [`MoneyError::Overflow`] if the rounded result leaves the `i64` range.
    ///
    /// # Examples
    ///
    /// ```
    /// use incident::{Money, Currency};
    ///
    /// // 0.05 USD split in half is 0.025 → 0.02 (the even neighbour).
    /// let half = Money::from_minor(5, Currency::USD).checked_mul_ratio(1, 2)?;
    /// assert_eq!(half.amount_minor(), 2);
    /// # Ok::<(), incident::money::MoneyError>(())
    /// ```
    pub fn checked_mul_ratio(self, numerator: i64, denominator: i64) -> Result<Money, MoneyError> {
        self.mul_ratio(numerator, denominator, MoneyOperation::MultiplyRatio)
    }

    /// `self * bps / 10_000`: a rate in basis points (`10_000` = 100%,
    /// `150` = 1.5%), rounded to the minor unit with **round half to even**
    /// like [`Money::checked_mul_ratio`].
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if the rounded result leaves the `i64` range.
    ///
    /// # Examples
    ///
    /// ```
    /// use incident::{Money, Currency};
    ///
    /// // 2.5% of ¥10.10 is ¥0.2525 → ¥0.25.
    /// let fee = Money::from_minor(1_010, Currency::CNY).checked_mul_bps(250)?;
    /// assert_eq!(fee.amount_minor(), 25);
    /// # Ok::<(), incident::money::MoneyError>(())
    /// ```
    pub fn checked_mul_bps(self, bps: u32) -> Result<Money, MoneyError> {
        self.mul_ratio(i64::from(bps), 10_000, MoneyOperation::MultiplyBps)
    }

    fn mul_ratio(
        self,
        numerator: i64,
        denominator: i64,
        operation: MoneyOperation,
    ) -> Result<Money, MoneyError> {
        if denominator == 0 {
            return Err(MoneyError::ZeroDenominator {
                amount: self,
                numerator,
            });
        }
        i128::from(self.amount_minor)
            .checked_mul(i128::from(numerator))
            .and_then(|product| div_round_half_even(product, i128::from(denominator)))
            .and_then(|rounded| i64::try_from(rounded).ok())
            .map(|amount| Money::from_minor(amount, self.currency))
            .ok_or_else(|| self.overflow(operation))
    }

    /// Compares two amounts of the same currency.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] if the currencies differ: there is no
    /// order between amounts in different currencies.
    ///
    /// # Examples
    ///
    /// ```
    /// use incident::{Money, Currency};
    /// use std::cmp::Ordering;
    ///
    /// let a = Money::from_minor(1, Currency::EUR);
    /// let b = Money::from_minor(2, Currency::EUR);
    /// assert_eq!(a.checked_cmp(&b)?, Ordering::Less);
    /// # Ok::<(), incident::money::MoneyError>(())
    /// ```
    pub fn checked_cmp(&self, other: &Money) -> Result<Ordering, MoneyError> {
        self.same_currency(*other, MoneyOperation::Compare)?;
        Ok(self.amount_minor.cmp(&other.amount_minor))
    }

    /// The smaller of two amounts, e.g. to cap compensation at a limit.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] if the currencies differ.
    ///
    /// # Examples
    ///
    /// ```
    /// use incident::{Money, Currency};
    ///
    /// let claim = Money::from_minor(80_000, Currency::HKD);
    /// let cap = Money::from_minor(50_000, Currency::HKD);
    /// assert_eq!(claim.checked_min(cap)?, cap);
    /// # Ok::<(), incident::money::MoneyError>(())
    /// ```
    pub fn checked_min(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other, MoneyOperation::Min)?;
        Ok(if other.amount_minor < self.amount_minor {
            other
        } else {
            self
        })
    }

    /// The larger of two amounts, e.g. to apply a minimum payout.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] if the currencies differ.
    pub fn checked_max(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other, MoneyOperation::Max)?;
        Ok(if other.amount_minor > self.amount_minor {
            other
        } else {
            self
        })
    }

    /// Sums `items`, all of which must be in `currency`; an empty input is
    /// zero in `currency` (which is why the currency is a parameter).
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] for the first item in another
    /// currency, [`MoneyError::Overflow`] if a running total leaves the `i64`
    /// range.
    ///
    /// # Examples
    ///
    /// ```
    /// use incident::{Money, Currency};
    ///
    /// let items = [Money::from_minor(150, Currency::SGD), Money::from_minor(250, Currency::SGD)];
    /// assert_eq!(Money::sum(items, Currency::SGD)?.amount_minor(), 400);
    /// assert!(Money::sum([], Currency::SGD)?.is_zero());
    /// # Ok::<(), incident::money::MoneyError>(())
    /// ```
    pub fn sum<I: IntoIterator<Item = Money>>(
        items: I,
        currency: Currency,
    ) -> Result<Money, MoneyError> {
        items
            .into_iter()
            .try_fold(Money::zero(currency), |total, item| {
                total.same_currency(item, MoneyOperation::Sum)?;
                total
                    .amount_minor
                    .checked_add(item.amount_minor)
                    .map(|amount| Money::from_minor(amount, currency))
                    .ok_or_else(|| total.overflow(MoneyOperation::Sum))
            })
    }

    /// The machine form `"1234.50 CNY"`: ungrouped, exactly
    /// `minor_exponent` decimals, code last. [`FromStr`] parses it back to
    /// the same value, so use it in logs, notes and test fixtures.
    ///
    /// # Examples
    ///
    /// ```
    /// use incident::{Money, Currency};
    ///
    /// assert_eq!(Money::from_minor(-5, Currency::USD).to_plain_string(), "-0.05 USD");
    /// assert_eq!(Money::from_minor(1_235, Currency::JPY).to_plain_string(), "1235 JPY");
    /// ```
    pub fn to_plain_string(&self) -> String {
        let (major, fraction) = self.split_magnitude();
        let sign = if self.is_negative() { "-" } else { "" };
        format!("{sign}{major}{fraction} {}", self.currency)
    }

    /// Magnitude as (major digits, ".minor" digits or empty).
    fn split_magnitude(&self) -> (u64, String) {
        let magnitude = self.amount_minor.unsigned_abs();
        let exponent = self.currency.minor_exponent();
        // minor_per_major is at least 1, so the division cannot fail.
        let per_major = self.currency.minor_per_major().unsigned_abs();
        let major = magnitude.checked_div(per_major).unwrap_or(magnitude);
        let minor = magnitude.checked_rem(per_major).unwrap_or(0);
        let fraction = if exponent == 0 {
            String::new()
        } else {
            format!(".{minor:0width$}", width = usize::from(exponent))
        };
        (major, fraction)
    }
}

/// Divides `n` by `d` (non-zero), rounding the exact quotient half to even.
/// `None` only if an intermediate step overflows `i128`.
fn div_round_half_even(n: i128, d: i128) -> Option<i128> {
    let quotient = n.checked_div(d)?; // truncates toward zero
    let remainder = n.checked_rem(d)?;
    if remainder == 0 {
        return Some(quotient);
    }
    let twice_remainder = remainder.unsigned_abs().checked_mul(2)?;
    let away_from_zero = match twice_remainder.cmp(&d.unsigned_abs()) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => quotient % 2 != 0,
    };
    if !away_from_zero {
        Some(quotient)
    } else if (n < 0) == (d < 0) {
        quotient.checked_add(1)
    } else {
        quotient.checked_sub(1)
    }
}

/// Inserts ',' every three digits from the right.
pub(crate) fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let len = digits.len();
    let mut grouped = String::with_capacity(len + len / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index != 0 && (len - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

impl fmt::Display for Money {
    /// Human form: `¥1,234.50`, `-$0.05`, `JP¥1,235`, `BHD 1.234`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (major, fraction) = self.split_magnitude();
        let sign = if self.is_negative() { "-" } else { "" };
        let grouped = group_thousands(major);
        let text = match self.currency.symbol() {
            Some(symbol) => format!("{sign}{symbol}{grouped}{fraction}"),
            None => format!("{sign}{} {grouped}{fraction}", self.currency),
        };
        f.pad(&text)
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    /// Parses `"1234.50 CNY"` or `"CNY 1234.50"` (see [`MoneyError`]'s
    /// `Parse*` variants for what is rejected).
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let owned = || input.to_owned();
        let tokens: Vec<&str> = input.split_ascii_whitespace().collect();
        let is_code = |token: &str| token.starts_with(|c: char| c.is_ascii_alphabetic());
        let (amount, code) = match tokens.as_slice() {
            [] => return Err(MoneyError::ParseEmpty),
            [only] if is_code(only) => {
                return Err(MoneyError::ParseMissingAmount { input: owned() })
            }
            [_] => return Err(MoneyError::ParseMissingCurrency { input: owned() }),
            [first, second] => match (is_code(first), is_code(second)) {
                (true, false) => (*second, *first),
                (false, true) => (*first, *second),
                (true, true) => return Err(MoneyError::ParseMissingAmount { input: owned() }),
                (false, false) => return Err(MoneyError::ParseMissingCurrency { input: owned() }),
            },
            _ => return Err(MoneyError::ParseLayout { input: owned() }),
        };
        let currency = Currency::new(code).map_err(|reason| MoneyError::ParseCurrency {
            input: owned(),
            reason: Box::new(reason),
        })?;
        parse_amount(input, amount, currency).map(|minor| Money::from_minor(minor, currency))
    }
}

/// Parses the amount token into minor units of `currency`.
fn parse_amount(input: &str, amount: &str, currency: Currency) -> Result<i64, MoneyError> {
    let owned = || input.to_owned();
    if amount.contains(',') {
        return Err(MoneyError::ParseThousandsSeparator { input: owned() });
    }
    if amount.chars().filter(|c| matches!(c, '-' | '+')).count() > 1 {
        return Err(MoneyError::ParseMultipleSigns { input: owned() });
    }
    let (negative, unsigned) = match amount.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, amount),
    };
    if let Some(character) = unsigned.chars().find(|c| !c.is_ascii_digit() && *c != '.') {
        return Err(MoneyError::ParseInvalidCharacter {
            input: owned(),
            character,
        });
    }
    if unsigned.is_empty() {
        return Err(MoneyError::ParseMissingAmount { input: owned() });
    }
    let (whole, fraction) = match unsigned.split_once('.') {
        None => (unsigned, ""),
        Some((whole, fraction)) => {
            if whole.is_empty() || fraction.is_empty() || fraction.contains('.') {
                return Err(MoneyError::ParseDecimalPoint { input: owned() });
            }
            (whole, fraction)
        }
    };
    let allowed = currency.minor_exponent();
    if fraction.len() > usize::from(allowed) {
        return Err(MoneyError::ParseTooManyDecimals {
            input: owned(),
            currency,
            allowed,
            found: fraction.len(),
        });
    }
    // Right-pad the fraction with zeros to exactly `allowed` digits, then read
    // all digits as one integer of minor units.
    let padding = usize::from(allowed).saturating_sub(fraction.len());
    let magnitude = whole
        .bytes()
        .chain(fraction.bytes())
        .chain(std::iter::repeat_n(b'0', padding))
        .try_fold(0_i128, |acc, digit| {
            acc.checked_mul(10)?
                .checked_add(i128::from(digit.checked_sub(b'0')?))
        });
    magnitude
        .map(|m| if negative { -m } else { m })
        .and_then(|signed| i64::try_from(signed).ok())
        .ok_or_else(|| MoneyError::ParseOverflow { input: owned() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn m(amount: i64, currency: Currency) -> Money {
        Money::from_minor(amount, currency)
    }

    fn cur(code: &str) -> Currency {
        Currency::new(code).unwrap()
    }

    fn parse(input: &str) -> Result<Money, MoneyError> {
        input.parse()
    }

    // ---- Currency -------------------------------------------------------

    #[test]
    fn table_is_sorted_unique_and_well_formed() {
        let codes: Vec<&str> = CURRENCIES.iter().map(|row| row.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        for row in CURRENCIES {
            assert_eq!(row.code.len(), 3);
            assert!(row.code.bytes().all(|b| b.is_ascii_uppercase()));
            assert!(row.minor_exponent <= 3);
            assert_eq!(Currency::new(row.code).unwrap().code(), row.code);
        }
        assert_eq!(Currency::supported().count(), CURRENCIES.len());
    }

    #[test]
    fn required_codes_and_exponents() {
        let expected: &[(&str, u8)] = &[
            ("CNY", 2),
            ("HKD", 2),
            ("USD", 2),
            ("EUR", 2),
            ("GBP", 2),
            ("JPY", 0),
            ("SGD", 2),
            ("AUD", 2),
            ("CAD", 2),
            ("CHF", 2),
            ("NZD", 2),
            ("KRW", 0),
            ("TWD", 2),
            ("MOP", 2),
            ("MYR", 2),
            ("THB", 2),
            ("IDR", 2),
            ("INR", 2),
            ("PHP", 2),
            ("VND", 0),
            ("AED", 2),
            ("SAR", 2),
            ("BHD", 3),
            ("KWD", 3),
            ("OMR", 3),
            ("JOD", 3),
            ("TND", 3),
            ("CLP", 0),
            ("ISK", 0),
            ("SEK", 2),
            ("NOK", 2),
            ("DKK", 2),
            ("PLN", 2),
            ("CZK", 2),
            ("HUF", 2),
            ("BRL", 2),
            ("MXN", 2),
            ("ZAR", 2),
            ("TRY", 2),
            ("ILS", 2),
            ("RUB", 2),
        ];
        for (code, exponent) in expected {
            assert_eq!(cur(code).minor_exponent(), *exponent, "{code}");
        }
    }

    #[test]
    fn associated_consts_are_in_table() {
        let consts = [
            (Currency::CNY, "CNY"),
            (Currency::HKD, "HKD"),
            (Currency::USD, "USD"),
            (Currency::EUR, "EUR"),
            (Currency::GBP, "GBP"),
            (Currency::JPY, "JPY"),
            (Currency::SGD, "SGD"),
        ];
        for (currency, code) in consts {
            assert_eq!(currency, cur(code));
            assert_eq!(currency.code(), code);
            assert_eq!(currency.to_string(), code);
        }
    }

    #[test]
    fn symbols() {
        assert_eq!(Currency::CNY.symbol(), Some("¥"));
        assert_eq!(Currency::JPY.symbol(), Some("JP¥"));
        assert_eq!(Currency::USD.symbol(), Some("$"));
        assert_eq!(Currency::HKD.symbol(), Some("HK$"));
        assert_eq!(Currency::SGD.symbol(), Some("S$"));
        assert_eq!(Currency::EUR.symbol(), Some("€"));
        assert_eq!(Currency::GBP.symbol(), Some("£"));
        assert_eq!(cur("AUD").symbol(), None);
        assert_eq!(cur("BHD").symbol(), None);
    }

    #[test]
    fn currency_lowercase_suggests_uppercase() {
        let err = Currency::new("cny").unwrap_err();
        assert_eq!(
            err,
            MoneyError::LowercaseCurrency {
                code: "cny".into(),
                suggestion: "CNY".into()
            }
        );
        assert_eq!(
            err.to_string(),
            "currency code \"cny\" must be upper-case: use \"CNY\""
        );
        assert!(matches!(
            Currency::new("Usd"),
            Err(MoneyError::LowercaseCurrency { suggestion, .. }) if suggestion == "USD"
        ));
    }

    #[test]
    fn currency_unknown() {
        let err = Currency::new("XYZ").unwrap_err();
        assert_eq!(err, MoneyError::UnknownCurrency { code: "XYZ".into() });
        assert_eq!(
            err.to_string(),
            "unknown currency code \"XYZ\": use an upper-case ISO 4217 code from the supported table, e.g. \"CNY\", \"HKD\" or \"USD\""
        );
        // Lower-case but not in the table: unknown, not a case problem.
        assert_eq!(
            Currency::new("xyz"),
            Err(MoneyError::UnknownCurrency { code: "xyz".into() })
        );
    }

    #[test]
    fn currency_malformed() {
        for bad in ["", "US", "USDT", "U$D", "12A", " USD", "ÜSD"] {
            assert_eq!(
                Currency::new(bad),
                Err(MoneyError::MalformedCurrency { code: bad.into() }),
                "{bad:?}"
            );
        }
        assert_eq!(
            Currency::new("US").unwrap_err().to_string(),
            "currency code \"US\" is malformed: expected exactly three upper-case ASCII letters, e.g. \"USD\""
        );
    }

    #[test]
    fn currency_from_str_and_serde() {
        assert_eq!("GBP".parse::<Currency>(), Ok(Currency::GBP));
        assert_eq!(serde_json::to_string(&Currency::CNY).unwrap(), "\"CNY\"");
        assert_eq!(
            serde_json::from_str::<Currency>("\"HKD\"").unwrap(),
            Currency::HKD
        );
        assert!(serde_json::from_str::<Currency>("\"XXX\"").is_err());
        assert!(serde_json::from_str::<Currency>("\"cny\"").is_err());
        assert!(serde_json::from_str::<Currency>("123").is_err());
    }

    #[test]
    fn currency_json_schema() {
        let schema = serde_json::to_value(schemars::schema_for!(Currency)).unwrap();
        assert_eq!(schema["type"], "string");
        assert_eq!(schema["pattern"], "^[A-Z]{3}$");
        let codes: Vec<&str> = schema["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(codes.len(), CURRENCIES.len());
        assert!(codes.contains(&"CNY"));
        assert!(codes.contains(&"BHD"));
        assert!(!codes.contains(&"XXX"));
    }

    // ---- Money basics ----------------------------------------------------

    #[test]
    fn constructors_and_getters() {
        let x = m(-7, Currency::EUR);
        assert_eq!(x.amount_minor(), -7);
        assert_eq!(x.currency(), Currency::EUR);
        assert!(x.is_negative() && !x.is_positive() && !x.is_zero());
        let z = Money::zero(Currency::JPY);
        assert!(z.is_zero() && !z.is_negative() && !z.is_positive());
        assert!(m(1, Currency::USD).is_positive());
        assert_eq!(
            Money::from_major(12, Currency::USD),
            Ok(m(1_200, Currency::USD))
        );
        assert_eq!(Money::from_major(-3, cur("BHD")), Ok(m(-3_000, cur("BHD"))));
        assert_eq!(
            Money::from_major(12, Currency::JPY),
            Ok(m(12, Currency::JPY))
        );
        assert_eq!(
            Money::from_major(i64::MAX / 10, Currency::USD),
            Err(MoneyError::Overflow {
                operation: MoneyOperation::FromMajor,
                currency: Currency::USD
            })
        );
        assert_eq!(
            Money::from_major(i64::MAX, Currency::JPY),
            Ok(m(i64::MAX, Currency::JPY))
        );
    }

    #[test]
    fn add_sub_neg_mul() {
        let a = m(500, Currency::CNY);
        let b = m(1_200, Currency::CNY);
        assert_eq!(a.checked_add(b), Ok(m(1_700, Currency::CNY)));
        assert_eq!(a.checked_sub(b), Ok(m(-700, Currency::CNY)));
        assert_eq!(a.checked_neg(), Ok(m(-500, Currency::CNY)));
        assert_eq!(a.checked_mul_int(-3), Ok(m(-1_500, Currency::CNY)));
    }

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

    #[test]
    fn overflow_errors() {
        let max = m(i64::MAX, Currency::USD);
        let min = m(i64::MIN, Currency::USD);
        let one = m(1, Currency::USD);
        let overflow = |operation| MoneyError::Overflow {
            operation,
            currency: Currency::USD,
        };
        assert_eq!(max.checked_add(one), Err(overflow(MoneyOperation::Add)));
        assert_eq!(
            min.checked_sub(one),
            Err(overflow(MoneyOperation::Subtract))
        );
        assert_eq!(min.checked_neg(), Err(overflow(MoneyOperation::Negate)));
        assert_eq!(
            max.checked_mul_int(2),
            Err(overflow(MoneyOperation::Multiply))
        );
        assert_eq!(
            max.checked_mul_ratio(3, 2),
            Err(overflow(MoneyOperation::MultiplyRatio))
        );
        assert_eq!(
            max.checked_mul_bps(10_001),
            Err(overflow(MoneyOperation::MultiplyBps))
        );
        assert_eq!(
            Money::sum([max, one], Currency::USD),
            Err(overflow(MoneyOperation::Sum))
        );
        assert_eq!(
            max.checked_add(one).unwrap_err().to_string(),
            "cannot add in USD: the result does not fit in i64 minor units; check the inputs for a major/minor unit mix-up or split the amount"
        );
        // i64::MIN * -1 / 1 overflows; i64::MIN * 1 / -1 too.
        assert!(min.checked_mul_ratio(-1, 1).is_err());
        assert!(min.checked_mul_ratio(1, -1).is_err());
        // An intermediate product far outside i64 is fine if the result fits.
        assert_eq!(max.checked_mul_ratio(i64::MAX, i64::MAX), Ok(max));
        assert_eq!(min.checked_mul_ratio(i64::MIN, i64::MIN), Ok(min));
    }

    #[test]
    fn zero_denominator_error() {
        let x = m(500, Currency::CNY);
        let err = x.checked_mul_ratio(3, 0).unwrap_err();
        assert_eq!(
            err,
            MoneyError::ZeroDenominator {
                amount: x,
                numerator: 3
            }
        );
        assert_eq!(
            err.to_string(),
            "cannot multiply 5.00 CNY by 3/0: the denominator of a ratio must be non-zero"
        );
    }

    #[test]
    fn half_even_rounding_exact_cases() {
        let r = |amount: i64, n: i64, d: i64| {
            m(amount, Currency::USD)
                .checked_mul_ratio(n, d)
                .unwrap()
                .amount_minor()
        };
        assert_eq!(r(5, 1, 2), 2); // 2.5
        assert_eq!(r(7, 1, 2), 4); // 3.5
        assert_eq!(r(15, 1, 10), 2); // 1.5
        assert_eq!(r(25, 1, 10), 2); // 2.5
        assert_eq!(r(26, 1, 10), 3); // 2.6
        assert_eq!(r(24, 1, 10), 2); // 2.4
        assert_eq!(r(-5, 1, 2), -2); // -2.5
        assert_eq!(r(-7, 1, 2), -4); // -3.5
        assert_eq!(r(-26, 1, 10), -3); // -2.6
        assert_eq!(r(5, -1, 2), -2);
        assert_eq!(r(5, 1, -2), -2);
        assert_eq!(r(-5, 1, -2), 2);
        assert_eq!(r(10, 1, 3), 3); // 3.33
        assert_eq!(r(20, 1, 3), 7); // 6.67
        assert_eq!(r(1, 1, 2), 0); // 0.5 → 0
        assert_eq!(r(3, 1, 2), 2); // 1.5 → 2
        assert_eq!(r(0, 5, 7), 0);
        let bps = |amount: i64, bps: u32| {
            m(amount, Currency::CNY)
                .checked_mul_bps(bps)
                .unwrap()
                .amount_minor()
        };
        assert_eq!(bps(123_450, 150), 1_852); // 1851.75
        assert_eq!(bps(1_010, 250), 25); // 25.25
        assert_eq!(bps(100, 50), 0); // 0.5 → 0
        assert_eq!(bps(300, 50), 2); // 1.5 → 2
        assert_eq!(bps(-300, 50), -2);
        assert_eq!(bps(12_345, 10_000), 12_345);
        assert_eq!(bps(12_345, 0), 0);
        assert_eq!(bps(12_345, 20_000), 24_690);
    }

    #[test]
    fn comparisons_and_caps() {
        let a = m(1, Currency::EUR);
        let b = m(2, Currency::EUR);
        assert_eq!(a.checked_cmp(&b), Ok(Ordering::Less));
        assert_eq!(b.checked_cmp(&a), Ok(Ordering::Greater));
        assert_eq!(a.checked_cmp(&a), Ok(Ordering::Equal));
        assert_eq!(a.checked_min(b), Ok(a));
        assert_eq!(b.checked_min(a), Ok(a));
        assert_eq!(a.checked_max(b), Ok(b));
        assert_eq!(b.checked_max(a), Ok(b));
    }

    #[test]
    fn sum_cases() {
        assert_eq!(
            Money::sum([], Currency::SGD),
            Ok(Money::zero(Currency::SGD))
        );
        assert_eq!(
            Money::sum(
                [
                    m(150, Currency::SGD),
                    m(-50, Currency::SGD),
                    m(250, Currency::SGD)
                ],
                Currency::SGD
            ),
            Ok(m(350, Currency::SGD))
        );
        // Partial sums may not overflow even if the final total would fit.
        assert!(Money::sum(
            [
                m(i64::MAX, Currency::SGD),
                m(1, Currency::SGD),
                m(-1, Currency::SGD)
            ],
            Currency::SGD
        )
        .is_err());
    }

    // ---- Display ----------------------------------------------------------

    #[test]
    fn display_cases() {
        assert_eq!(m(123_450, Currency::CNY).to_string(), "¥1,234.50");
        assert_eq!(m(123_450, Currency::USD).to_string(), "$1,234.50");
        assert_eq!(m(-5, Currency::USD).to_string(), "-$0.05");
        assert_eq!(m(1_235, Currency::JPY).to_string(), "JP¥1,235");
        assert_eq!(m(1_200, Currency::HKD).to_string(), "HK$12.00");
        assert_eq!(m(1_234, cur("BHD")).to_string(), "BHD 1.234");
        assert_eq!(m(-1_234, cur("BHD")).to_string(), "-BHD 1.234");
        assert_eq!(m(100_000, Currency::SGD).to_string(), "S$1,000.00");
        assert_eq!(m(99_999, Currency::EUR).to_string(), "€999.99");
        assert_eq!(m(0, Currency::GBP).to_string(), "£0.00");
        assert_eq!(m(123_456_789, Currency::JPY).to_string(), "JP¥123,456,789");
        assert_eq!(m(1_000_000, cur("KRW")).to_string(), "KRW 1,000,000");
        assert_eq!(m(12_345_678, cur("AUD")).to_string(), "AUD 123,456.78");
        assert_eq!(
            m(i64::MIN, Currency::USD).to_string(),
            "-$92,233,720,368,547,758.08"
        );
        assert_eq!(
            m(i64::MAX, Currency::JPY).to_string(),
            "JP¥9,223,372,036,854,775,807"
        );
        assert_eq!(format!("{:>12}", m(5, Currency::USD)), "       $0.05");
    }

    #[test]
    fn plain_string_cases() {
        assert_eq!(m(123_450, Currency::CNY).to_plain_string(), "1234.50 CNY");
        assert_eq!(m(-5, Currency::USD).to_plain_string(), "-0.05 USD");
        assert_eq!(m(1_235, Currency::JPY).to_plain_string(), "1235 JPY");
        assert_eq!(m(1_234, cur("BHD")).to_plain_string(), "1.234 BHD");
        assert_eq!(m(7, cur("KWD")).to_plain_string(), "0.007 KWD");
        assert_eq!(
            m(i64::MIN, Currency::USD).to_plain_string(),
            "-92233720368547758.08 USD"
        );
    }

    // ---- Parsing ----------------------------------------------------------

    #[test]
    fn parse_accepts() {
        assert_eq!(parse("1234.50 CNY"), Ok(m(123_450, Currency::CNY)));
        assert_eq!(parse("CNY 1234.50"), Ok(m(123_450, Currency::CNY)));
        assert_eq!(parse("-12 USD"), Ok(m(-1_200, Currency::USD)));
        assert_eq!(parse("1234.5 CNY"), Ok(m(123_450, Currency::CNY)));
        assert_eq!(parse("0.05 USD"), Ok(m(5, Currency::USD)));
        assert_eq!(parse("USD -0.05"), Ok(m(-5, Currency::USD)));
        assert_eq!(parse("1235 JPY"), Ok(m(1_235, Currency::JPY)));
        assert_eq!(parse("1.234 BHD"), Ok(m(1_234, cur("BHD"))));
        assert_eq!(parse("  7   HKD "), Ok(m(700, Currency::HKD)));
        assert_eq!(parse("-0 USD"), Ok(m(0, Currency::USD)));
        assert_eq!(parse("007.10 USD"), Ok(m(710, Currency::USD)));
        assert_eq!(
            parse("92233720368547758.07 USD"),
            Ok(m(i64::MAX, Currency::USD))
        );
        assert_eq!(
            parse("-92233720368547758.08 USD"),
            Ok(m(i64::MIN, Currency::USD))
        );
    }

    #[test]
    fn parse_empty() {
        assert_eq!(parse(""), Err(MoneyError::ParseEmpty));
        assert_eq!(parse(" \t "), Err(MoneyError::ParseEmpty));
        assert_eq!(
            MoneyError::ParseEmpty.to_string(),
            "cannot parse an empty string as money: expected an amount and an ISO 4217 code, e.g. \"1234.50 CNY\""
        );
    }

    #[test]
    fn parse_missing_currency() {
        for input in ["12.50", "12 34", "12USD"] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseMissingCurrency {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert_eq!(
            parse("12.50").unwrap_err().to_string(),
            "cannot parse \"12.50\" as money: no currency code; add an ISO 4217 code separated by a space, e.g. \"12.50 CNY\""
        );
    }

    #[test]
    fn parse_missing_amount() {
        for input in ["CNY", "CNY USD", "- CNY", "USD12"] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseMissingAmount {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert!(parse("CNY")
            .unwrap_err()
            .to_string()
            .contains("no amount; write digits"));
    }

    #[test]
    fn parse_layout() {
        for input in ["1 234.50 CNY", "12 CNY USD", "CNY 1 2"] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseLayout {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert!(parse("1 234.50 CNY")
            .unwrap_err()
            .to_string()
            .contains("expected exactly one amount and one currency code"));
    }

    #[test]
    fn parse_unknown_or_lowercase_currency() {
        let err = parse("12 XXX").unwrap_err();
        assert_eq!(
            err,
            MoneyError::ParseCurrency {
                input: "12 XXX".into(),
                reason: Box::new(MoneyError::UnknownCurrency { code: "XXX".into() })
            }
        );
        assert!(err
            .to_string()
            .starts_with("cannot parse \"12 XXX\" as money: unknown currency code \"XXX\""));
        assert_eq!(
            parse("12 cny").unwrap_err().to_string(),
            "cannot parse \"12 cny\" as money: currency code \"cny\" must be upper-case: use \"CNY\""
        );
        assert!(matches!(
            parse("US$ 12"),
            Err(MoneyError::ParseCurrency { reason, .. })
                if matches!(*reason, MoneyError::MalformedCurrency { .. })
        ));
    }

    #[test]
    fn parse_too_many_decimals() {
        let err = parse("1.234 USD").unwrap_err();
        assert_eq!(
            err,
            MoneyError::ParseTooManyDecimals {
                input: "1.234 USD".into(),
                currency: Currency::USD,
                allowed: 2,
                found: 3
            }
        );
        assert_eq!(
            err.to_string(),
            "cannot parse \"1.234 USD\" as money: USD has 2 decimal places but the amount has 3; round to the currency's minor unit first"
        );
        assert!(matches!(
            parse("5.0 JPY"),
            Err(MoneyError::ParseTooManyDecimals {
                allowed: 0,
                found: 1,
                ..
            })
        ));
        assert!(matches!(
            parse("1.2345 BHD"),
            Err(MoneyError::ParseTooManyDecimals {
                allowed: 3,
                found: 4,
                ..
            })
        ));
    }

    #[test]
    fn parse_invalid_character() {
        for (input, character) in [
            ("12a USD", 'a'),
            ("$12 USD", '$'),
            ("+12 USD", '+'),
            ("12- USD", '-'),
            ("1_000 USD", '_'),
            ("1e3 USD", 'e'),
            ("１２ USD", '１'),
        ] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseInvalidCharacter {
                    input: input.into(),
                    character
                }),
                "{input}"
            );
        }
        assert_eq!(
            parse("12a USD").unwrap_err().to_string(),
            "cannot parse \"12a USD\" as money: unexpected character 'a' in the amount; use only digits, an optional leading '-' and at most one '.'"
        );
    }

    #[test]
    fn parse_thousands_separator() {
        for input in ["1,234.50 CNY", "CNY 1,234", "1,5 EUR"] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseThousandsSeparator {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert!(parse("1,234.50 CNY")
            .unwrap_err()
            .to_string()
            .contains("write the amount ungrouped"));
    }

    #[test]
    fn parse_multiple_signs() {
        for input in ["--5 USD", "-+5 USD", "+-5 USD", "-5- USD"] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseMultipleSigns {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert!(parse("--5 USD")
            .unwrap_err()
            .to_string()
            .contains("use at most one leading '-'"));
    }

    #[test]
    fn parse_decimal_point() {
        for input in ["1. USD", ".5 USD", "-.5 USD", "1.2.3 USD", ". USD"] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseDecimalPoint {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert_eq!(
            parse("1. USD").unwrap_err().to_string(),
            "cannot parse \"1. USD\" as money: a '.' must appear at most once with digits on both sides, e.g. \"0.50 USD\" or \"1 USD\""
        );
    }

    #[test]
    fn parse_overflow() {
        for input in [
            "92233720368547758.08 USD",
            "-92233720368547758.09 USD",
            "9223372036854775808 JPY",
            "99999999999999999999999999999999999999999999999 JPY",
        ] {
            assert_eq!(
                parse(input),
                Err(MoneyError::ParseOverflow {
                    input: input.into()
                }),
                "{input}"
            );
        }
        assert!(parse("9223372036854775808 JPY")
            .unwrap_err()
            .to_string()
            .contains("does not fit in i64 minor units"));
    }

    // ---- Serde & schema ---------------------------------------------------

    #[test]
    fn serde_shape_is_frozen() {
        let x = m(123_450, Currency::CNY);
        assert_eq!(
            serde_json::to_string(&x).unwrap(),
            r#"{"amount_minor":123450,"currency":"CNY"}"#
        );
        assert_eq!(
            serde_json::from_str::<Money>(r#"{"amount_minor": 123450, "currency": "CNY"}"#)
                .unwrap(),
            x
        );
    }

    #[test]
    fn serde_rejects_bad_input() {
        for bad in [
            r#"{"amount_minor":1,"currency":"XXX"}"#,
            r#"{"amount_minor":1,"currency":"cny"}"#,
            r#"{"amount_minor":1,"currency":"CNY","note":"x"}"#,
            r#"{"amount_minor":1.5,"currency":"CNY"}"#,
            r#"{"amount_minor":"1","currency":"CNY"}"#,
            r#"{"amount_minor":9223372036854775808,"currency":"CNY"}"#,
            r#"{"currency":"CNY"}"#,
            r#"{"amount_minor":1}"#,
        ] {
            assert!(serde_json::from_str::<Money>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn money_json_schema() {
        let schema = serde_json::to_value(schemars::schema_for!(Money)).unwrap();
        assert_eq!(schema["type"], "object");
        assert_eq!(schema["additionalProperties"], false);
        let required: Vec<&str> = schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(required, ["amount_minor", "currency"]);
        let amount = &schema["properties"]["amount_minor"];
        assert_eq!(amount["type"], "integer");
        assert!(amount["description"]
            .as_str()
            .unwrap()
            .starts_with("Signed amount in the currency's minor unit"));
        assert_eq!(schema["properties"]["currency"]["$ref"], "#/$defs/Currency");
        assert_eq!(schema["$defs"]["Currency"]["pattern"], "^[A-Z]{3}$");
    }

    // ---- Properties -------------------------------------------------------

    /// Half-even reference written independently of the implementation:
    /// floor division with a non-negative remainder, then nudge up.
    fn reference_ratio(amount: i64, numerator: i64, denominator: i64) -> Option<i64> {
        let mut num = i128::from(amount) * i128::from(numerator);
        let mut den = i128::from(denominator);
        if den < 0 {
            num = -num;
            den = -den;
        }
        let floor = num.div_euclid(den);
        let rem = num.rem_euclid(den); // 0 <= rem < den
        let round_up = 2 * rem > den || (2 * rem == den && floor.rem_euclid(2) == 1);
        let result = if round_up { floor + 1 } else { floor };
        i64::try_from(result).ok()
    }

    fn any_currency() -> impl Strategy<Value = Currency> {
        proptest::sample::select(Currency::supported().collect::<Vec<_>>())
    }

    #[test]
    fn reference_ratio_sanity() {
        assert_eq!(reference_ratio(5, 1, 2), Some(2));
        assert_eq!(reference_ratio(-5, 1, 2), Some(-2));
        assert_eq!(reference_ratio(7, 1, -2), Some(-4));
        assert_eq!(reference_ratio(i64::MAX, 2, 1), None);
    }

    proptest! {
        #[test]
        fn add_then_sub_is_identity(a in any::<i64>(), b in any::<i64>(), c in any_currency()) {
            let (x, y) = (m(a, c), m(b, c));
            if let Ok(sum) = x.checked_add(y) {
                prop_assert_eq!(sum.checked_sub(y), Ok(x));
                prop_assert_eq!(sum.checked_sub(x), Ok(y));
            }
            if let Ok(diff) = x.checked_sub(y) {
                prop_assert_eq!(diff.checked_add(y), Ok(x));
            }
        }

        #[test]
        fn checked_add_errs_exactly_on_i128_overflow(a in any::<i64>(), b in any::<i64>()) {
            let exact = i128::from(a) + i128::from(b);
            let result = m(a, Currency::USD).checked_add(m(b, Currency::USD));
            match i64::try_from(exact) {
                Ok(expected) => prop_assert_eq!(result, Ok(m(expected, Currency::USD))),
                Err(_) => prop_assert_eq!(result, Err(MoneyError::Overflow {
                    operation: MoneyOperation::Add,
                    currency: Currency::USD,
                })),
            }
        }

        #[test]
        fn checked_sub_errs_exactly_on_i128_overflow(a in any::<i64>(), b in any::<i64>()) {
            let exact = i128::from(a) - i128::from(b);
            let result = m(a, Currency::EUR).checked_sub(m(b, Currency::EUR));
            prop_assert_eq!(result.ok().map(|x| x.amount_minor()), i64::try_from(exact).ok());
        }

        #[test]
        fn mul_ratio_matches_reference_any(
            a in any::<i64>(),
            n in any::<i64>(),
            d in any::<i64>().prop_filter("non-zero", |d| *d != 0),
        ) {
            let got = m(a, Currency::CNY).checked_mul_ratio(n, d).ok().map(|x| x.amount_minor());
            prop_assert_eq!(got, reference_ratio(a, n, d));
        }

        #[test]
        fn mul_ratio_matches_reference_small(
            a in -2_000_i64..2_000,
            n in -30_i64..30,
            d in prop_oneof![-40_i64..0, 1_i64..40],
        ) {
            // Small ranges hit exact ties often.
            let got = m(a, Currency::CNY).checked_mul_ratio(n, d).map(|x| x.amount_minor());
            prop_assert_eq!(got.ok(), reference_ratio(a, n, d));
        }

        #[test]
        fn mul_bps_matches_reference(a in any::<i64>(), bps in any::<u32>()) {
            let got = m(a, Currency::HKD).checked_mul_bps(bps).ok().map(|x| x.amount_minor());
            prop_assert_eq!(got, reference_ratio(a, i64::from(bps), 10_000));
        }

        #[test]
        fn plain_string_round_trips(a in any::<i64>(), c in any_currency()) {
            let x = m(a, c);
            let text = x.to_plain_string();
            prop_assert_eq!(text.parse::<Money>(), Ok(x));
            // The code-first form parses to the same value.
            let (amount, code) = text.split_once(' ').unwrap();
            prop_assert_eq!(format!("{code} {amount}").parse::<Money>(), Ok(x));
        }

        #[test]
        fn display_digits_match_plain_string(a in any::<i64>(), c in any_currency()) {
            // Display is the plain amount with grouping and a symbol or code.
            let x = m(a, c);
            let shown: String = x.to_string().chars().filter(char::is_ascii_digit).collect();
            let plain: String = x.to_plain_string().chars().filter(char::is_ascii_digit).collect();
            prop_assert_eq!(shown, plain);
            prop_assert_eq!(x.to_string().starts_with('-'), a < 0);
        }

        #[test]
        fn serde_round_trips(a in any::<i64>(), c in any_currency()) {
            let x = m(a, c);
            let json = serde_json::to_string(&x).unwrap();
            prop_assert_eq!(&json, &format!(r#"{{"amount_minor":{a},"currency":"{}"}}"#, c.code()));
            prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), x);
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,40}") {
            let _ = s.parse::<Money>();
        }

        #[test]
        fn parse_never_panics_near_valid(s in "[-+.,0-9 ]{0,25}(USD|JPY|BHD|cny|XXX)?") {
            let _ = s.parse::<Money>();
        }
    }
}
