//! The tokens of a spelled number: words, the spaces and hyphens that join
//! them ("vingt-deux", "fifty  two", "ninety - five") and short runs of
//! digits inside words ("4 thousand 3 hundred and 21").

use nom::bytes::complete::take_while1;
use nom::{IResult, Parser};
use rust_decimal::Decimal;

/// A letter of a word (accented letters included): `char::is_alphabetic`,
/// answered without Unicode's tables for ASCII and for the Latin letters
/// of U+00C0 to U+024F (all letters but `×` and `÷`), which most accented
/// words of the corpus use.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphabetic(),
        0xc0..=0x24f => c != '\u{d7}' && c != '\u{f7}',
        _ => c.is_alphabetic(),
    }
}

/// The length in bytes of the run of letters ([`is_word_char`]) that
/// starts `i`; ASCII is read on its bytes.
pub(crate) fn letters_len(i: &str) -> usize {
    let bytes = i.as_bytes();
    let mut n = 0;
    while let Some(&b) = bytes.get(n) {
        if b < 0x80 {
            if !b.is_ascii_alphabetic() {
                break;
            }
            n += 1;
            continue;
        }
        match i[n..].chars().next() {
            Some(c) if is_word_char(c) => n += c.len_utf8(),
            _ => break,
        }
    }
    n
}

/// The error of a token that is not there.
fn missing(i: &str, kind: nom::error::ErrorKind) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(i, kind))
}

/// One word: a run of letters.
///
/// `word = letter+ ;`
pub(crate) fn word(i: &str) -> IResult<&str, &str> {
    match letters_len(i) {
        0 => Err(missing(i, nom::error::ErrorKind::TakeWhile1)),
        n => Ok((&i[n..], &i[..n])),
    }
}

/// The spaces that may stand inside a number: ASCII, no-break, narrow
/// no-break and thin spaces.
pub(crate) fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The length in bytes of the inline spaces that start `i` (0 when none
/// does).
///
/// `spaces = inline_space+ ;`
fn spaces_len(i: &str) -> usize {
    let bytes = i.as_bytes();
    let mut n = 0;
    loop {
        match bytes.get(n..) {
            Some([b' ', ..]) => n += 1,
            Some([0xc2, 0xa0, ..]) => n += 2,
            Some([0xe2, 0x80, 0xaf | 0x89, ..]) => n += 3,
            _ => return n,
        }
    }
}

/// The length in bytes of the hyphen that starts `i`, 0 when none does.
///
/// `hyphen = "-" | "\u{2010}" | "\u{2011}" ;`
fn hyphen_len(i: &str) -> usize {
    match i.as_bytes() {
        [b'-', ..] => 1,
        [0xe2, 0x80, 0x90 | 0x91, ..] => 3,
        _ => 0,
    }
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
    let s = spaces_len(i);
    let h = hyphen_len(&i[s..]);
    let (used, joint) = match (s, h) {
        (0, 0) => return Err(missing(i, nom::error::ErrorKind::Alt)),
        (_, 0) => (s, Joint::Space),
        (0, _) => match spaces_len(&i[h..]) {
            0 => (h, Joint::Hyphen),
            s2 => (h + s2, Joint::SpacedHyphen),
        },
        _ => (s + h + spaces_len(&i[s + h..]), Joint::SpacedHyphen),
    };
    Ok((&i[used..], joint))
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
    fn is_word_char_is_is_alphabetic() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn word_and_joiner() {
        assert_eq!(word("vingt-deux"), Ok(("-deux", "vingt")));
        assert_eq!(word_joiner("-deux"), Ok(("deux", Joint::Hyphen)));
        assert_eq!(word_joiner("\u{a0}x"), Ok(("x", Joint::Space)));
        assert_eq!(word_joiner("   x"), Ok(("x", Joint::Space)));
        assert_eq!(word_joiner(" - x"), Ok(("x", Joint::SpacedHyphen)));
        assert!(word_joiner("x").is_err());
    }

    /// The joiner as combinators: what [`word_joiner`] must equal.
    fn word_joiner_combined(i: &str) -> IResult<&str, Joint> {
        use nom::branch::alt;
        use nom::bytes::complete::tag;
        use nom::combinator::{map, opt};
        use nom::sequence::delimited;
        let spaces = || take_while1(is_inline_space);
        let hyphen = || alt((tag("-"), tag("\u{2010}"), tag("\u{2011}")));
        alt((
            map(delimited(spaces(), hyphen(), opt(spaces())), |_| {
                Joint::SpacedHyphen
            }),
            map((hyphen(), spaces()), |_| Joint::SpacedHyphen),
            map(hyphen(), |_| Joint::Hyphen),
            map(spaces(), |_| Joint::Space),
        ))
        .parse(i)
    }

    #[test]
    fn joiners_and_words_read_as_the_grammar_says() {
        let pieces = [
            " ", "  ", "\u{a0}", "\u{202f}", "\u{2009}", "-", "\u{2010}", "\u{2011}", "\u{2012}",
            "x", "é", "1", "\t", "",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let i = format!("{a}{b}{c}deux");
                    assert_eq!(word_joiner(&i).ok(), word_joiner_combined(&i).ok(), "{i:?}");
                    let want = take_while1::<_, &str, nom::error::Error<&str>>(is_word_char)
                        .parse(i.as_str())
                        .ok();
                    assert_eq!(word(&i).ok(), want, "{i:?}");
                    let want = i.len() - i.trim_start_matches(is_inline_space).len();
                    assert_eq!(spaces_len(&i), want, "{i:?}");
                }
            }
        }
        assert_eq!(word("Œuvres-x"), Ok(("-x", "Œuvres")));
        assert_eq!(hyphen_len("\u{2011}a"), 3);
        assert_eq!(hyphen_len("\u{2010}"), 3);
        assert_eq!(hyphen_len("-"), 1);
        assert_eq!(hyphen_len("\u{2012}"), 0);
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
