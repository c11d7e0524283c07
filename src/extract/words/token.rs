//! The tokens of a spelled number: words, the spaces and hyphens that join
//! them ("vingt-deux", "fifty  two", "ninety - five") and short runs of
//! digits inside words ("4 thousand 3 hundred and 21").

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::combinator::{map, opt};
use nom::sequence::delimited;
use nom::{IResult, Parser};
use rust_decimal::Decimal;

/// A letter of a word (accented letters included).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

/// One word: a run of letters.
///
/// `word = letter+ ;`
pub(crate) fn word(i: &str) -> IResult<&str, &str> {
    take_while1(is_word_char).parse(i)
}

/// The spaces that may stand inside a number: ASCII, no-break, narrow
/// no-break and thin spaces.
pub(crate) fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// One or more inline spaces.
///
/// `spaces = inline_space+ ;`
pub(crate) fn spaces(i: &str) -> IResult<&str, &str> {
    take_while1(is_inline_space).parse(i)
}

/// A hyphen of any kind.
///
/// `hyphen = "-" | "\u{2010}" | "\u{2011}" ;`
pub(crate) fn hyphen(i: &str) -> IResult<&str, &str> {
    alt((tag("-"), tag("\u{2010}"), tag("\u{2011}"))).parse(i)
}

/// How two words of a number are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Joint {
    Space,
    Hyphen,
    /// A hyphen between spaces: "ninety - five".
    SpacedHyphen,
}

/// What may stand between two words of one spelled number: a hyphen, spaces,
/// or a hyphen between spaces.
///
/// `word_joiner = spaces hyphen spaces? | hyphen spaces | hyphen | spaces ;`
pub(crate) fn word_joiner(i: &str) -> IResult<&str, Joint> {
    alt((
        map(delimited(spaces, hyphen, opt(spaces)), |_| {
            Joint::SpacedHyphen
        }),
        map((hyphen, spaces), |_| Joint::SpacedHyphen),
        map(hyphen, |_| Joint::Hyphen),
        map(spaces, |_| Joint::Space),
    ))
    .parse(i)
}

/// A run of ASCII digits with no separator, read as an integer: the digit
/// parts of mixed numbers ("4 thousand 3 hundred and 21").
///
/// `plain_digits = digit{1,3} { inline_space digit{3} }{0,4} ;` (no letter,
/// dot or comma after)
pub(crate) fn plain_digits(i: &str) -> IResult<&str, Decimal> {
    let fail = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify));
    let (mut rest, d) = take_while1(|c: char| c.is_ascii_digit()).parse(i)?;
    if d.len() > 3 {
        return Err(fail());
    }
    let mut v = d.bytes().fold(0u64, |a, b| a * 10 + u64::from(b - b'0'));
    // Groups of three after spaces: "2 millions 500 000".
    let mut groups = 0;
    while groups < 4 {
        let Some(c) = rest.chars().next().filter(|c| is_inline_space(*c)) else {
            break;
        };
        let after = &rest[c.len_utf8()..];
        let b = after.as_bytes();
        if b.len() >= 3
            && b[..3].iter().all(u8::is_ascii_digit)
            && !b.get(3).is_some_and(u8::is_ascii_digit)
        {
            v = v * 1000
                + b[..3]
                    .iter()
                    .fold(0u64, |a, x| a * 10 + u64::from(x - b'0'));
            rest = &after[3..];
            groups += 1;
        } else {
            break;
        }
    }
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '.' || c == ',') {
        return Err(fail());
    }
    Ok((rest, Decimal::from(v)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::words::test_support::*;

    #[test]
    fn word_and_joiner() {
        assert_eq!(word("vingt-deux"), Ok(("-deux", "vingt")));
        assert_eq!(word_joiner("-deux"), Ok(("deux", Joint::Hyphen)));
        assert_eq!(word_joiner("\u{a0}x"), Ok(("x", Joint::Space)));
        assert_eq!(word_joiner("   x"), Ok(("x", Joint::Space)));
        assert_eq!(word_joiner(" - x"), Ok(("x", Joint::SpacedHyphen)));
        assert!(word_joiner("x").is_err());
    }

    #[test]
    fn plain_digits_reads_short_integers_only() {
        assert_eq!(plain_digits("21 is"), Ok((" is", d("21"))));
        assert!(plain_digits("2.12").is_err());
        assert!(plain_digits("1000").is_err());
        assert_eq!(plain_digits("500 000 votes"), Ok((" votes", d("500000"))));
        assert!(plain_digits("3D").is_err());
    }
}
