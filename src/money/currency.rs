//! The supported ISO 4217 currencies and their minor units.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

use super::MoneyError;
#[cfg(doc)]
use crate::Money;

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
    pub(super) fn minor_per_major(self) -> i64 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::testing::cur;

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
}
