//! Decimals written without their zero: ".25", and ",08" in a language
//! whose decimal mark is the comma.

use crate::extract::context::*;
use crate::extract::digits::{self};
use crate::extract::Extractor;
use crate::model::{Evidence, Figure, Written};

impl<'a> Extractor<'a> {
    /// ".25", ",08" (where the comma marks decimals): a decimal written
    /// without its zero.
    pub(crate) fn leading_decimal(&mut self, pos: usize) -> Option<usize> {
        let text = self.text;
        let sep = char_before(text, pos)?;
        if !(sep == '.' || sep == ',' && !self.conv.decimal_point()) {
            return None;
        }
        if char_before(text, pos - 1).is_some_and(|c| !(c.is_whitespace() || c == '(')) {
            return None;
        }
        let (_, run) = digits::digit_run(&text[pos..]).ok()?;
        let e = pos + run.len();
        if char_at(text, e).is_some_and(|c| matches!(c, '.' | ',')) {
            return None;
        }
        let v = digits::decimal_value("0", run)?;
        let mut f = Figure::new(pos - 1, e, Some(v), Written::Digits);
        f.decimals = run.len().min(255) as u8;
        f.evidence = if sep == '.' {
            Evidence::DotDecimal
        } else {
            Evidence::CommaDecimal
        };
        Some(self.after_number(f))
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn decimals_without_their_zero() {
        assert_eq!(
            val("a rate of .25 points", Lang::new("en"), ".25"),
            d("0.25")
        );
        assert_eq!(
            val("un taux de ,08 point", Lang::new("fr"), ",08"),
            d("0.08")
        );
    }
}
