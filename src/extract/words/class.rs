//! Size classes of number words and the accumulator that adds them into
//! one integer: which word may follow which ("vingt-deux", "quatre-vingt",
//! "dix-sept", "cent trois", "deux cent mille"; not "trois quatre").

use rust_decimal::Decimal;

use super::token::Joint;

/// The size class of a number word, which decides what may follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Zero,
    Unit,
    Teen,
    Tens,
    Hundred,
    Big,
    /// A number written with digits inside a spelled number.
    Digits,
}

/// The class of a number word of value `v`.
///
/// `class = zero | unit (1-9) | teen (10-19) | tens (20-90) | hundred | big (1000, 10^n) ;`
pub(crate) fn class_of(v: Decimal) -> Option<Class> {
    // The value of a number word is most often written without decimals:
    // its mantissa is the integer, read with no decimal arithmetic.
    if v.scale() == 0 {
        return match v.mantissa() {
            0 => Some(Class::Zero),
            m if m < 0 => None,
            m => class_of_integer(u64::try_from(m).ok()?),
        };
    }
    if v.is_zero() {
        return Some(Class::Zero);
    }
    if v.fract() != Decimal::ZERO || v < Decimal::ZERO {
        return None;
    }
    class_of_integer(u64::try_from(v).ok()?)
}

/// [`class_of`] a positive integer.
fn class_of_integer(v: u64) -> Option<Class> {
    Some(match v {
        1..=9 => Class::Unit,
        10..=19 => Class::Teen,
        20..=99 if v % 10 == 0 => Class::Tens,
        100 => Class::Hundred,
        v if v >= 1000 && is_power_of_ten(v) => Class::Big,
        _ => return None,
    })
}

fn is_power_of_ten(mut v: u64) -> bool {
    while v >= 10 && v % 10 == 0 {
        v /= 10;
    }
    v == 1
}

/// The running state of a spelled number.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Acc {
    total: Decimal,
    current: Decimal,
    last: Option<Class>,
    last_value: Decimal,
    pub(crate) last_big: Option<Decimal>,
}

impl Default for Acc {
    fn default() -> Self {
        Acc::new()
    }
}

impl Acc {
    pub(crate) fn new() -> Self {
        Acc {
            total: Decimal::ZERO,
            current: Decimal::ZERO,
            last: None,
            last_value: Decimal::ZERO,
            last_big: None,
        }
    }

    /// A number that starts with digits ("4" of "4 thousand").
    pub(crate) fn seeded(v: Decimal) -> Self {
        Acc {
            current: v,
            last: Some(Class::Digits),
            last_value: v,
            ..Acc::new()
        }
    }

    pub(crate) fn value(&self) -> Decimal {
        self.total + self.current
    }

    pub(crate) fn last(&self) -> Option<Class> {
        self.last
    }

    pub(crate) fn below_100(&self) -> Decimal {
        self.current % Decimal::ONE_HUNDRED
    }

    /// True when a word of value `v` and class `class` may continue the
    /// number after `joint`.
    pub(crate) fn accepts(&self, v: Decimal, class: Class, joint: Option<Joint>) -> bool {
        let below_100 = self.below_100();
        // A spaced hyphen joins only tens and units ("ninety - five").
        if joint == Some(Joint::SpacedHyphen)
            && !(class == Class::Unit && self.last == Some(Class::Tens))
        {
            return false;
        }
        match (class, self.last) {
            (_, None) => true,
            (_, Some(Class::Zero)) | (Class::Zero, _) => false,
            // "vingt-deux", "twenty-one", "cent trois", "mille deux".
            (Class::Unit, Some(Class::Tens)) => (below_100 % Decimal::TEN).is_zero(),
            (Class::Unit | Class::Teen | Class::Tens, Some(Class::Hundred | Class::Big)) => true,
            // "dix-sept", "soixante-dix-huit".
            (Class::Unit, Some(Class::Teen)) => {
                self.last_value == Decimal::TEN && v >= Decimal::from(7)
            }
            // "soixante-dix", "quatre-vingt-douze".
            (Class::Teen, Some(Class::Tens)) => {
                below_100 == Decimal::from(60) || below_100 == Decimal::from(80)
            }
            // "quatre-vingt".
            (Class::Tens, Some(Class::Unit)) => {
                v == Decimal::from(20) && below_100 == Decimal::from(4)
            }
            (Class::Hundred, Some(Class::Unit | Class::Teen | Class::Tens)) => {
                self.current < Decimal::ONE_HUNDRED
            }
            // "322 cent", "2.12 hundred", "4 thousand 3 hundred"; not a
            // second hundred ("4 hundred 7 hundred" is two numbers).
            (Class::Hundred, Some(Class::Digits)) => {
                self.current < Decimal::from(1000) && self.current == self.last_value
            }
            (Class::Hundred, Some(Class::Big)) => true,
            (
                Class::Big,
                Some(Class::Unit | Class::Teen | Class::Tens | Class::Hundred | Class::Digits),
            ) => self.last_big.is_none_or(|b| v < b),
            // Digits after a scale: "4 thousand 3 hundred and 21", "2
            // millions 500 000".
            (Class::Digits, Some(Class::Hundred)) => v < Decimal::ONE_HUNDRED,
            (Class::Digits, Some(Class::Big)) => self.last_big.is_some_and(|b| v < b),
            _ => false,
        }
    }

    /// Adds a word of value `v`; false (and no change) when it cannot
    /// continue the number.
    pub(crate) fn push(&mut self, v: Decimal, class: Class, joint: Option<Joint>) -> bool {
        if !self.accepts(v, class, joint) {
            return false;
        }
        let below_100 = self.below_100();
        match class {
            Class::Zero | Class::Unit | Class::Teen | Class::Digits => self.current += v,
            Class::Tens => {
                if self.last == Some(Class::Unit) {
                    // quatre-vingt: 4 becomes 80.
                    self.current = self.current - below_100 + below_100 * v;
                } else {
                    self.current += v;
                }
            }
            Class::Hundred => {
                let n = if self.current.is_zero() {
                    Decimal::ONE
                } else {
                    self.current
                };
                match n.checked_mul(Decimal::ONE_HUNDRED) {
                    Some(x) => self.current = x,
                    None => return false,
                }
            }
            Class::Big => {
                let n = if self.current.is_zero() {
                    Decimal::ONE
                } else {
                    self.current
                };
                match n.checked_mul(v).and_then(|x| self.total.checked_add(x)) {
                    Some(x) => self.total = x,
                    None => return false,
                }
                self.current = Decimal::ZERO;
                self.last_big = Some(v);
            }
        }
        self.last = Some(class);
        self.last_value = v;
        true
    }

    /// Multiplies the part below a hundred by a collective ("three hundred
    /// and two dozens" is 324).
    pub(crate) fn times_below_100(&mut self, each: Decimal) -> bool {
        if !matches!(
            self.last,
            Some(Class::Unit | Class::Teen | Class::Tens | Class::Digits)
        ) {
            return false;
        }
        let b = if self.last == Some(Class::Digits) {
            self.current
        } else {
            self.below_100()
        };
        match b.checked_mul(each) {
            Some(x) => {
                self.current = self.current - b + x;
                self.last = Some(Class::Hundred);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::words::test_support::*;

    #[test]
    fn classes_and_accumulator() {
        assert_eq!(class_of(d("7")), Some(Class::Unit));
        assert_eq!(class_of(d("13")), Some(Class::Teen));
        assert_eq!(class_of(d("80")), Some(Class::Tens));
        assert_eq!(class_of(d("100")), Some(Class::Hundred));
        assert_eq!(class_of(d("1000000")), Some(Class::Big));
        assert_eq!(class_of(d("0.5")), None);
        // Read on the mantissa or with decimals, the same class.
        for n in -20i64..20_000 {
            let whole = Decimal::from(n);
            assert_eq!(class_of(whole), class_of(Decimal::new(n * 100, 2)), "{n}");
        }
        assert_eq!(class_of(Decimal::from(u64::MAX) * Decimal::TEN), None);
        let mut a = Acc::new();
        for v in ["4", "20", "10", "7"] {
            let v = d(v);
            assert!(a.push(v, class_of(v).unwrap(), Some(Joint::Hyphen)));
        }
        assert_eq!(a.value(), d("97"));
        // Units do not follow units.
        assert!(!a.push(d("3"), Class::Unit, Some(Joint::Space)));
        let mut a = Acc::seeded(d("322"));
        assert!(a.push(d("100"), Class::Hundred, Some(Joint::Space)));
        assert_eq!(a.value(), d("32200"));
        // "4 hundred 7 hundred": digits after a hundred take no hundred.
        let mut a = Acc::seeded(d("4"));
        assert!(a.push(d("100"), Class::Hundred, Some(Joint::Space)));
        assert!(a.push(d("7"), Class::Digits, Some(Joint::Space)));
        assert!(!a.push(d("100"), Class::Hundred, Some(Joint::Space)));
        assert_eq!(a.value(), d("407"));
    }
}
