//! Decimals in words: the digits after a decimal point ("five point five",
//! "nine point nought four", "deux cent virgule cinquante deux").

use rust_decimal::Decimal;

use super::spelled::read;
use super::token::{word_joiner, Joint};
use super::{known_word, next_word};
use crate::lexicon::LangLexicon;

/// The digits after a decimal point in words: single digit words read one
/// by one ("nought four" is 04), or one number ("seventy-one" is 71).
/// Returns the rest, the digits as an integer and how many digits.
///
/// `decimal_digits = joiner ( digit_word { space digit_word } | integer ) ;`
pub(super) fn decimal_digits<'a>(
    lex: &LangLexicon,
    i: &'a str,
    depth: u8,
    buf: &mut String,
) -> Option<(&'a str, Decimal, u32)> {
    let (after_j, _) = word_joiner(i).ok()?;
    let (r1, info) = known_word(lex, after_j, buf)?;
    let first = info.cardinal?;
    if first < Decimal::TEN {
        // Digit by digit.
        let mut v = first;
        let mut n = 1u32;
        let mut rest = r1;
        while n < 20 {
            let Some((r, j, info)) = next_word(lex, rest, buf) else {
                break;
            };
            match info.cardinal {
                Some(d) if d < Decimal::TEN && j == Joint::Space => {
                    v = v * Decimal::TEN + d;
                    n += 1;
                    rest = r;
                }
                _ => break,
            }
        }
        return Some((rest, v, n));
    }
    let (rest, sp) = read(lex, after_j, None, false, depth + 1, buf)?;
    if sp.ordinal {
        return None;
    }
    let v = sp.value.normalize();
    let n = v.to_string().len() as u32;
    Some((rest, v, n))
}

#[cfg(test)]
mod tests {
    use crate::extract::words::test_support::*;

    #[test]
    fn decimals_in_words() {
        let c = lexes();
        assert_eq!(vt(c, "five point five", true).0, d("5.5"));
        assert_eq!(vt(c, "nine point nought four", true).0, d("9.04"));
        assert_eq!(vt(c, "two hundred point seventy-one", true).0, d("200.71"));
        assert_eq!(
            vt(c, "deux cent virgule cinquante deux", false).0,
            d("200.52")
        );
        // "at one point" is no decimal.
        assert_eq!(vt(c, "one point of view", true).1, "one");
    }
}
