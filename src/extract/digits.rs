//! Numbers written with digits: the nom grammar of their shape, and the
//! reading of that shape under a language's separator conventions.
//!
//! The grammar is permissive about punctuation (`1.234,5`, `1,234.5`,
//! `16'157`) and strict about spaces: a space groups digits only before
//! exactly three digits (`1 500`, `1\u{a0}500`, `1\u{202f}500`), never in
//! `2 et 3` or `2014 500`. The reading then decides, per language, which
//! separator groups thousands and which marks decimals.

use nom::bytes::complete::take_while1;
use nom::character::complete::satisfy;
use nom::{IResult, Parser};
use rust_decimal::Decimal;

use crate::lexicon::Conventions;
use crate::model::Evidence;

/// Most groups a numeral may have (`1 234 567 890 123 456` has six).
pub(crate) const MAX_PARTS: usize = 8;

/// The shape of a run of digits and separators, before any reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numeral<'a> {
    /// The digit runs, in order.
    pub(crate) runs: [&'a str; MAX_PARTS],
    /// `seps[i]` stands between `runs[i]` and `runs[i + 1]`.
    pub(crate) seps: [char; MAX_PARTS],
    pub(crate) n: usize,
}

impl<'a> Numeral<'a> {
    pub(crate) fn runs(&self) -> &[&'a str] {
        &self.runs[..self.n]
    }
    pub(crate) fn seps(&self) -> &[char] {
        &self.seps[..self.n.saturating_sub(1)]
    }
}

/// A space that may group digits: ASCII space, no-break space, narrow
/// no-break space, thin space; and the invisible characters that scraped
/// text leaves between digit groups (zero-width space, joiners, word
/// joiner, byte order mark, left-to-right and right-to-left marks).
pub(crate) fn is_group_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{200b}'
            ..='\u{200f}' | '\u{2060}' | '\u{feff}'
    )
}

/// Punctuation that may group digits or mark decimals.
pub(crate) fn is_group_punct(c: char) -> bool {
    matches!(c, '.' | ',' | '\'' | '’')
}

/// One or more ASCII digits.
///
/// `digit_run = digit+ ;`
pub(crate) fn digit_run(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_digit()).parse(i)
}

/// A separator character between two digit runs.
///
/// `separator = group_space | group_punct ;`
pub(crate) fn separator(i: &str) -> IResult<&str, char> {
    satisfy(|c| is_group_space(c) || is_group_punct(c)).parse(i)
}

/// A separator followed by a digit run, when the pair may continue a numeral
/// whose first run is `first`: spaces only before exactly three digits that
/// follow a first run of one to three digits.
///
/// `next_group = separator digit_run ;` (a space only before `digit{3}`)
pub(crate) fn next_group<'a>(
    first: &'a str,
) -> impl FnMut(&'a str) -> IResult<&'a str, (char, &'a str)> {
    move |i: &'a str| {
        let (rest, sep) = separator(i)?;
        let (rest, run) = digit_run(rest)?;
        if is_group_space(sep) && (run.len() != 3 || first.len() > 3) {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            )));
        }
        Ok((rest, (sep, run)))
    }
}

/// A numeral: digit runs joined by separators, up to [`MAX_PARTS`] runs.
///
/// `numeral = digit_run { next_group } ;` (one kind of space throughout)
pub(crate) fn numeral(i: &str) -> IResult<&str, Numeral<'_>> {
    let (mut rest, first) = digit_run(i)?;
    let mut num = Numeral {
        runs: [""; MAX_PARTS],
        seps: [' '; MAX_PARTS],
        n: 1,
    };
    num.runs[0] = first;
    while num.n < MAX_PARTS {
        match next_group(first).parse(rest) {
            Ok((r, (sep, run))) => {
                // Mixing spaces with punctuation grouping ("1 500.000") or
                // two different spaces stops the numeral.
                if num.n >= 2 && is_group_space(sep) && num.seps[num.n - 2] != sep {
                    break;
                }
                num.seps[num.n - 1] = sep;
                num.runs[num.n] = run;
                num.n += 1;
                rest = r;
            }
            Err(_) => break,
        }
    }
    Ok((rest, num))
}

/// A numeral read as a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reading {
    pub(crate) value: Decimal,
    /// How many runs of the numeral the reading uses (the rest is left to
    /// the next figure, as in the list `1,2,3`).
    pub(crate) runs: usize,
    /// Number of decimal digits written.
    pub(crate) scale: u32,
    pub(crate) evidence: Evidence,
    /// The grouping is invalid (`12.34.5`, `1,50,000`).
    pub(crate) bad_grouping: bool,
    /// The reading goes against the language's convention (an English
    /// `1,3` read as 1.3): the figure is ambiguous.
    pub(crate) odd: bool,
}

/// The value of a Roman numeral in its canonical form ("XIX" is 19; "IIII"
/// and "VX" are no numerals), from 1 to 3999.
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: u8| match c {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        b'D' => Some(500),
        b'M' => Some(1000),
        _ => None,
    };
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 15 {
        return None;
    }
    // Read by the canonical writing: each value has one spelling, so the
    // numeral is valid when writing its value gives it back.
    let mut value = 0u32;
    let mut i = 0;
    while i < b.len() {
        let v = digit(b[i])?;
        match b.get(i + 1).and_then(|&n| digit(n)) {
            Some(n) if n > v => {
                value += n - v;
                i += 2;
            }
            _ => {
                value += v;
                i += 1;
            }
        }
    }
    ((1..4000).contains(&value) && roman(value) == s).then_some(value)
}

/// The canonical Roman numeral of `v` (1 to 3999).
fn roman(mut v: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (n, r) in TABLE {
        while v >= n {
            out.push_str(r);
            v -= n;
        }
    }
    out
}

/// Parses an integer from digits, `None` past Decimal's range.
pub(crate) fn int_value(digits: &str) -> Option<Decimal> {
    let mut v = Decimal::ZERO;
    let ten = Decimal::from(10);
    for b in digits.bytes() {
        v = v.checked_mul(ten)?.checked_add(Decimal::from(b - b'0'))?;
    }
    Some(v)
}

/// `int.frac` as an exact decimal.
pub(crate) fn decimal_value(int: &str, frac: &str) -> Option<Decimal> {
    if frac.len() > 20 {
        return None;
    }
    let mut v = int_value(int)?;
    for b in frac.bytes() {
        v = v
            .checked_mul(Decimal::from(10))?
            .checked_add(Decimal::from(b - b'0'))?;
    }
    v.set_scale(frac.len() as u32).ok()?;
    Some(v)
}

fn concat_value(runs: &[&str]) -> Option<Decimal> {
    let mut v = Decimal::ZERO;
    for r in runs {
        for b in r.bytes() {
            v = v
                .checked_mul(Decimal::from(10))?
                .checked_add(Decimal::from(b - b'0'))?;
        }
    }
    Some(v)
}

fn is_dot(c: char) -> bool {
    c == '.'
}
fn is_comma(c: char) -> bool {
    c == ','
}
fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Reads a numeral under a language's conventions (`conv`). A language
/// that marks decimals with a comma groups with spaces, points and
/// apostrophes (French, Spanish); one that marks them with a point groups
/// with commas, spaces and apostrophes (English). Either accepts the other
/// decimal mark when no grouping reading exists (`3.5` in French is 3.5). A
/// lone separator before exactly three digits (`2.500`, `2,500`) is read by
/// the convention and reported as ambiguous evidence; without a known
/// convention (unknown language) the decimal-point reading is kept.
pub(crate) fn read_numeral(num: &Numeral<'_>, conv: &Conventions) -> Option<Reading> {
    let runs = num.runs();
    let seps = num.seps();
    if runs.len() == 1 {
        return Some(Reading {
            value: int_value(runs[0])?,
            runs: 1,
            scale: 0,
            evidence: Evidence::None,
            bad_grouping: false,
            odd: false,
        });
    }
    let decimal_comma = conv.decimal_comma();
    let first = runs[0];
    let g = seps[0];
    // Leading group: all separators equal to g, each followed by exactly
    // three digits, first run of 1..=3 digits.
    let mut k = 0;
    if first.len() <= 3 && first != "0" && !(first.starts_with('0') && first.len() > 1) {
        while k < seps.len() && seps[k] == g && runs[k + 1].len() == 3 {
            k += 1;
        }
    }
    // One punctuation separator followed by three digits and nothing else
    // grouped: the ambiguous form.
    let lone = k == 1 && (seps.len() == 1 || !(is_dot(seps[1]) || is_comma(seps[1])));
    let group_ok = |c: char| -> bool {
        if is_group_space(c) || is_apos(c) {
            return true;
        }
        if decimal_comma {
            is_dot(c) || (is_comma(c) && !lone)
        } else {
            is_comma(c) || (is_dot(c) && !lone)
        }
    };
    if k >= 1 && group_ok(g) {
        // Grouped integer part, maybe followed by a decimal part.
        let int_runs = &runs[..=k];
        let mut value = concat_value(int_runs)?;
        let mut used = k + 1;
        let mut scale = 0;
        let mut evidence = if lone {
            if is_dot(g) {
                Evidence::AmbiguousDot
            } else if is_comma(g) {
                Evidence::AmbiguousComma
            } else {
                Evidence::None
            }
        } else if is_dot(g) {
            Evidence::DotGroup
        } else if is_comma(g) {
            Evidence::CommaGroup
        } else {
            Evidence::None
        };
        let mut bad = false;
        if k < seps.len() {
            let d = seps[k];
            let decimal_mark = (is_dot(d) || is_comma(d)) && d != g;
            if decimal_mark {
                let frac = runs[k + 1];
                let int_digits: String = int_runs.concat();
                value = decimal_value(&int_digits, frac)?;
                scale = frac.len() as u32;
                used = k + 2;
                if lone && !is_group_space(g) {
                    evidence = if is_dot(g) {
                        Evidence::DotGroup
                    } else {
                        Evidence::CommaGroup
                    };
                }
                if used < runs.len() && !is_group_space(seps[used - 1]) {
                    bad = true;
                }
            } else if is_dot(d) || is_comma(d) {
                // Same separator but not three digits: "1.234.5".
                bad = true;
            }
        }
        return Some(Reading {
            value,
            runs: used,
            scale,
            evidence,
            bad_grouping: bad,
            odd: false,
        });
    }
    // No grouping: a decimal mark after the first run, if any.
    if is_dot(g) || is_comma(g) {
        let frac = runs[1];
        // "1,50,000", "12,34,567.89": Indian grouping, read as such but
        // flagged.
        let commas = seps.iter().take_while(|&&c| is_comma(c)).count();
        let indian = is_comma(g)
            && commas >= 2
            && runs[1..commas].iter().all(|r| r.len() == 2)
            && runs[commas].len() == 3
            && (commas == seps.len() || commas + 1 == seps.len() && is_dot(seps[commas]));
        if indian {
            let int = concat_value(&runs[..=commas])?;
            let (value, used, scale) = if commas < seps.len() {
                let digits: String = runs[..=commas].concat();
                let frac = runs[commas + 1];
                (decimal_value(&digits, frac)?, commas + 2, frac.len() as u32)
            } else {
                (int, commas + 1, 0)
            };
            return Some(Reading {
                value,
                runs: used,
                scale,
                evidence: Evidence::CommaGroup,
                bad_grouping: true,
                odd: false,
            });
        }
        // English "22,24,26": a list, not a number; a lone "1,3" is read as
        // a decimal, against the convention.
        let comma_list = is_comma(g)
            && !decimal_comma
            && frac.len() != 3
            && first != "0"
            && runs.len() > 2
            && is_comma(seps[1]);
        if comma_list {
            return Some(Reading {
                value: int_value(first)?,
                runs: 1,
                scale: 0,
                evidence: Evidence::None,
                bad_grouping: false,
                odd: false,
            });
        }
        let odd = is_comma(g) && conv.decimal_point();
        let value = decimal_value(first, frac)?;
        let bad = runs.len() > 2 && (is_dot(seps[1]) || is_comma(seps[1]));
        let evidence = if is_dot(g) {
            Evidence::DotDecimal
        } else if odd && frac.len() > 3 {
            // English "1,1016": a typo or a list run together, no sign of
            // a decimal-comma convention in the document.
            Evidence::None
        } else {
            Evidence::CommaDecimal
        };
        return Some(Reading {
            value,
            runs: 2,
            scale: frac.len() as u32,
            evidence,
            odd,
            bad_grouping: bad
                || (first.len() > 3 && frac.len() == 3 && runs.len() > 2)
                || (is_comma(g) && first.len() <= 3 && frac.len() == 2 && runs.len() > 2),
        });
    }
    // Apostrophe or space not followed by a valid group.
    Some(Reading {
        value: int_value(first)?,
        runs: 1,
        scale: 0,
        evidence: Evidence::None,
        bad_grouping: false,
        odd: false,
    })
}

/// Re-reads an ambiguous numeral the other way (thousands ↔ decimals).
pub(crate) fn reread_ambiguous(num: &Numeral<'_>, as_thousands: bool) -> Option<Decimal> {
    let runs = num.runs();
    if runs.len() < 2 {
        return None;
    }
    if as_thousands {
        concat_value(&runs[..2])
    } else {
        decimal_value(runs[0], runs[1])
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn roman_numerals_in_canonical_form() {
        for (r, v) in [
            ("I", 1),
            ("II", 2),
            ("IV", 4),
            ("IX", 9),
            ("XIX", 19),
            ("XXI", 21),
            ("MCMXC", 1990),
        ] {
            assert_eq!(roman_value(r), Some(v), "{r}");
        }
        for r in ["IIII", "VX", "IC", "", "ABC", "MMMM"] {
            assert_eq!(roman_value(r), None, "{r}");
        }
    }

    use super::*;
    use crate::model::Lang;
    use crate::testing::{config, d};

    /// The conventions of `lang` in the embedded data.
    fn conv(lang: Lang) -> &'static Conventions {
        config().lexicon.conventions(lang)
    }

    fn read(s: &str, lang: Lang) -> (Decimal, usize, Evidence) {
        let (_, n) = numeral(s).unwrap();
        let r = read_numeral(&n, conv(lang)).unwrap();
        (r.value, r.runs, r.evidence)
    }

    #[test]
    fn digit_run_takes_ascii_digits() {
        assert_eq!(digit_run("2014 x"), Ok((" x", "2014")));
        assert!(digit_run("x2").is_err());
    }

    #[test]
    fn separator_accepts_spaces_and_punctuation() {
        for s in [
            " 5",
            "\u{a0}5",
            "\u{202f}5",
            "\u{2009}5",
            ".5",
            ",5",
            "'5",
            "’5",
        ] {
            assert!(separator(s).is_ok(), "{s:?}");
        }
        assert!(separator("-5").is_err());
    }

    #[test]
    fn next_group_spaces_need_three_digits() {
        assert!(next_group("1").parse(" 500").is_ok());
        assert!(next_group("1").parse(" 50").is_err());
        assert!(next_group("2014").parse(" 500").is_err());
        assert!(
            next_group("1").parse(" 5000").is_err()
                || next_group("1").parse(" 5000").unwrap().1 .1.len() == 4
        );
        assert!(next_group("12").parse(".5").is_ok());
    }

    #[test]
    fn numeral_stops_at_words_and_lone_separators() {
        let (rest, n) = numeral("2 et 3").unwrap();
        assert_eq!((rest, n.runs()), (" et 3", &["2"][..]));
        let (rest, n) = numeral("192.").unwrap();
        assert_eq!((rest, n.runs()), (".", &["192"][..]));
        let (rest, n) = numeral("1\u{a0}500\u{a0}soldats").unwrap();
        assert_eq!((rest, n.runs()), ("\u{a0}soldats", &["1", "500"][..]));
        let (_, n) = numeral("1 234 567,89").unwrap();
        assert_eq!(n.runs(), &["1", "234", "567", "89"][..]);
    }

    #[test]
    fn french_conventions() {
        assert_eq!(
            read("2.000", Lang::new("fr")),
            (d("2000"), 2, Evidence::AmbiguousDot)
        );
        assert_eq!(read("1 500", Lang::new("fr")).0, d("1500"));
        assert_eq!(
            read("1\u{202f}234\u{202f}567", Lang::new("fr")).0,
            d("1234567")
        );
        assert_eq!(
            read("2,5", Lang::new("fr")),
            (d("2.5"), 2, Evidence::CommaDecimal)
        );
        assert_eq!(read("1.234,56", Lang::new("fr")).0, d("1234.56"));
        assert_eq!(read("1 234,5", Lang::new("fr")).0, d("1234.5"));
        assert_eq!(
            read("3.5", Lang::new("fr")),
            (d("3.5"), 2, Evidence::DotDecimal)
        );
        assert_eq!(read("192.168", Lang::new("fr")).0, d("192168"));
        assert_eq!(
            read("2.500.000", Lang::new("fr")),
            (d("2500000"), 3, Evidence::DotGroup)
        );
        assert_eq!(read("16'157", Lang::new("fr")).0, d("16157"));
    }

    #[test]
    fn english_conventions() {
        assert_eq!(
            read("2,000", Lang::new("en")),
            (d("2000"), 2, Evidence::AmbiguousComma)
        );
        assert_eq!(
            read("2.5", Lang::new("en")),
            (d("2.5"), 2, Evidence::DotDecimal)
        );
        assert_eq!(read("1,234,567.89", Lang::new("en")).0, d("1234567.89"));
        assert_eq!(read("2.500", Lang::new("en")).0, d("2.500"));
        assert_eq!(read("1 500", Lang::new("en")).0, d("1500"));
        // Commas before one or two digits make a list in English; a lone
        // one is read as a decimal comma, against the convention.
        assert_eq!(
            read("22,24,26", Lang::new("en")),
            (d("22"), 1, Evidence::None)
        );
        let (_, n) = numeral("1,3").unwrap();
        let r = read_numeral(&n, conv(Lang::new("en"))).unwrap();
        assert_eq!((r.value, r.odd), (d("1.3"), true));
        assert_eq!(read("12,34,567.89", Lang::new("en")).0, d("1234567.89"));
    }

    #[test]
    fn leading_zero_is_not_grouped() {
        assert_eq!(read("0.500", Lang::new("fr")).0, d("0.500"));
        assert_eq!(read("0,5", Lang::new("en")).0, d("0.5"));
    }

    #[test]
    fn bad_grouping_is_flagged() {
        let (_, n) = numeral("12.34.5").unwrap();
        assert!(
            read_numeral(&n, conv(Lang::new("fr")))
                .unwrap()
                .bad_grouping
        );
        let (_, n) = numeral("1,50,000").unwrap();
        assert!(
            read_numeral(&n, conv(Lang::new("en")))
                .unwrap()
                .bad_grouping
        );
        let (_, n) = numeral("1,500,000").unwrap();
        assert!(
            !read_numeral(&n, conv(Lang::new("en")))
                .unwrap()
                .bad_grouping
        );
    }

    #[test]
    fn huge_numbers_do_not_overflow() {
        let s = "9".repeat(40);
        let (_, n) = numeral(&s).unwrap();
        assert!(read_numeral(&n, conv(Lang::new("en"))).is_none());
    }
}
