//! The one rounding rule: ratios and basis points, rounded half to even to the minor unit.

use std::cmp::Ordering;

use super::{MoneyError, MoneyOperation};
use crate::Money;

impl Money {
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
        i128::from(self.amount_minor())
            .checked_mul(i128::from(numerator))
            .and_then(|product| div_round_half_even(product, i128::from(denominator)))
            .and_then(|rounded| i64::try_from(rounded).ok())
            .map(|amount| Money::from_minor(amount, self.currency()))
            .ok_or_else(|| self.overflow(operation))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::testing::m;
    use crate::Currency;
    use proptest::prelude::*;

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

    #[test]
    fn reference_ratio_sanity() {
        assert_eq!(reference_ratio(5, 1, 2), Some(2));
        assert_eq!(reference_ratio(-5, 1, 2), Some(-2));
        assert_eq!(reference_ratio(7, 1, -2), Some(-4));
        assert_eq!(reference_ratio(i64::MAX, 2, 1), None);
    }

    proptest! {
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
    }
}
