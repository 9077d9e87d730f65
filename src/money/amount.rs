//! An exact amount in one currency: construction, getters and checked arithmetic.

use std::cmp::Ordering;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{MoneyError, MoneyOperation};
use crate::Currency;

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

    pub(super) fn same_currency(
        self,
        other: Money,
        operation: MoneyOperation,
    ) -> Result<(), MoneyError> {
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

    pub(super) fn overflow(self, operation: MoneyOperation) -> MoneyError {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::testing::{any_currency, cur, m};
    use proptest::prelude::*;

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
        fn serde_round_trips(a in any::<i64>(), c in any_currency()) {
            let x = m(a, c);
            let json = serde_json::to_string(&x).unwrap();
            prop_assert_eq!(&json, &format!(r#"{{"amount_minor":{a},"currency":"{}"}}"#, c.code()));
            prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), x);
        }
    }
}
