//! Scientific notation and powers after digits: "1e10", "-127.32e13",
//! "2,5^-1", "6.23x10^-4", "3×10^8".

use rust_decimal::Decimal;

use crate::extract::Extractor;
use crate::model::{Evidence, Figure};

impl<'a> Extractor<'a> {
    /// Scientific notation and powers after the digits of `f`: "1e10",
    /// "-127.32e13", "2,5^-1", "6.23x10^-4". Sets the end of `f` and
    /// returns the value.
    pub(crate) fn exponent(&mut self, f: &mut Figure) -> Option<Decimal> {
        let text = self.text;
        let b = text.as_bytes();
        let mut p = f.num_end();
        let base = f.value()?;
        // "x10^": times a power of ten.
        let (power_of_ten, mantissa_base) = match b.get(p) {
            Some(b'e' | b'E') => {
                p += 1;
                (true, Decimal::TEN)
            }
            Some(b'^') => {
                p += 1;
                (false, base)
            }
            Some(b'x' | b'X') if text[p + 1..].starts_with("10^") => {
                p += 4;
                (true, Decimal::TEN)
            }
            _ if text[p..].starts_with("×10^") => {
                p += "×10^".len();
                (true, Decimal::TEN)
            }
            _ => return None,
        };
        let mut negative = false;
        let mut signs = 0;
        while let Some(c @ (b'+' | b'-')) = b.get(p) {
            if *c == b'-' {
                negative = !negative;
            }
            signs += 1;
            p += 1;
            if signs > 2 {
                return None;
            }
        }
        let s = p;
        while p < b.len() && b[p].is_ascii_digit() && p - s < 3 {
            p += 1;
        }
        if p == s || b.get(p).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let exp: u32 = text[s..p].parse().ok()?;
        if exp > 60 {
            return None;
        }
        let mut pow = Decimal::ONE;
        for _ in 0..exp {
            pow = pow.checked_mul(mantissa_base)?;
        }
        let v = if power_of_ten {
            if negative {
                base.checked_div(pow)?
            } else {
                base.checked_mul(pow)?
            }
        } else if negative {
            Decimal::ONE.checked_div(pow)?
        } else {
            pow
        };
        f.set_end(p);
        f.set_num_end(p);
        f.decimals = 1;
        Some(v.normalize())
    }
}

impl<'a> Extractor<'a> {
    /// A number in scientific notation ("1e10", "6.23x10^-4"): its value
    /// is final, so the figure is finished here, with no unit read.
    pub(crate) fn scientific(&mut self, f: &mut Figure) -> Option<usize> {
        let v = self.exponent(f)?;
        f.set_value(Some(v));
        f.evidence = Evidence::None;
        self.finish_figure(*f, self.primary, false);
        Some(f.end())
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn powers_and_scientific_notation() {
        let en = Lang::new("en");
        assert_eq!(val("about 1e10 atoms", en, "about 1e10"), d("10000000000"));
        assert_eq!(val("a rate of 6.23x10^-4", en, "6.23x10^-4"), d("0.000623"));
        assert_eq!(val("2^10 bytes", en, "2^10"), d("1024"));
    }
}
