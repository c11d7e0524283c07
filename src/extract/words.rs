//! Numbers written in words, French and English: `trois`,
//! `quatre-vingt-dix-sept`, `soixante et onze`, `deux cent mille`,
//! `un million deux cent mille`, `twenty-one`, `three hundred and forty-two`,
//! and ordinals built the same way (`vingt et unième`, `twenty-first`).
//!
//! The words come from the lexicon; the grammar checks that they combine
//! into one number (`trois quatre` is two numbers, not seven).

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::combinator::recognize;
use nom::{IResult, Parser};
use rust_decimal::Decimal;

use crate::lexicon::{fold_into, LangLexicon, WordInfo};

/// A letter of a word (accented letters included).
pub fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

/// One word: a run of letters.
pub fn word(i: &str) -> IResult<&str, &str> {
    take_while1(is_word_char).parse(i)
}

/// What may stand between two words of one spelled number: a hyphen or one
/// space (any kind).
pub fn word_joiner(i: &str) -> IResult<&str, &str> {
    alt((
        tag("-"),
        recognize(take_while_m_n(1, 1, |c: char| {
            matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
        })),
    ))
    .parse(i)
}

/// The size class of a number word, which decides what may follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Unit,
    Teen,
    Tens,
    Hundred,
    Big,
}

fn class_of(v: Decimal) -> Option<Class> {
    let v = u64::try_from(v).ok()?;
    Some(match v {
        0..=9 => Class::Unit,
        10..=19 => Class::Teen,
        20..=99 if v % 10 == 0 => Class::Tens,
        100 => Class::Hundred,
        v if v >= 1000 => Class::Big,
        _ => return None,
    })
}

/// The running state of a spelled number.
#[derive(Debug, Clone, Copy)]
struct Acc {
    total: Decimal,
    current: Decimal,
    last: Option<Class>,
    last_value: Decimal,
    last_big: Option<Decimal>,
}

impl Acc {
    fn new() -> Self {
        Acc {
            total: Decimal::ZERO,
            current: Decimal::ZERO,
            last: None,
            last_value: Decimal::ZERO,
            last_big: None,
        }
    }

    fn value(&self) -> Decimal {
        self.total + self.current
    }

    /// Adds a word of value `v`; false when it cannot continue the number.
    fn push(&mut self, v: Decimal) -> bool {
        let Some(class) = class_of(v) else {
            return false;
        };
        let hundred = Decimal::from(100);
        let below_100 = self.current % hundred;
        let ok = match (class, self.last) {
            (_, None) => true,
            // "vingt et un", "twenty-one", "cent trois", "mille deux".
            (Class::Unit, Some(Class::Tens)) => below_100 % Decimal::TEN == Decimal::ZERO,
            (Class::Unit, Some(Class::Hundred | Class::Big)) => true,
            // "dix-sept", "soixante-dix-huit".
            (Class::Unit, Some(Class::Teen)) => {
                self.last_value == Decimal::TEN && v >= Decimal::from(7)
            }
            // "soixante et onze", "quatre-vingt-douze".
            (Class::Teen, Some(Class::Tens)) => {
                below_100 == Decimal::from(60) || below_100 == Decimal::from(80)
            }
            (Class::Teen | Class::Tens, Some(Class::Hundred | Class::Big)) => true,
            // "quatre-vingt".
            (Class::Tens, Some(Class::Unit)) => {
                v == Decimal::from(20) && below_100 == Decimal::from(4)
            }
            (Class::Hundred, Some(Class::Unit | Class::Teen | Class::Tens)) => {
                self.current < hundred
            }
            (Class::Hundred, Some(Class::Big)) => true,
            (Class::Big, Some(Class::Unit | Class::Teen | Class::Tens | Class::Hundred)) => {
                self.last_big.is_none_or(|b| v < b)
            }
            _ => false,
        };
        if !ok {
            return false;
        }
        match class {
            Class::Unit | Class::Teen => self.current += v,
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
                self.current = n * hundred;
            }
            Class::Big => {
                let n = if self.current.is_zero() {
                    Decimal::ONE
                } else {
                    self.current
                };
                match n.checked_mul(v) {
                    Some(x) => self.total += x,
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
}

/// A number read from words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelled {
    pub value: Decimal,
    /// Bytes consumed from the start of the input.
    pub len: usize,
    pub words: usize,
    /// The last word was an ordinal ("vingt et unième").
    pub ordinal: bool,
    /// The number is a lone article ("un", "a").
    pub article_only: bool,
}

/// Looks `w` up in `lex`, folding it into `buf` first.
pub fn lookup<'l>(lex: &'l LangLexicon, w: &str, buf: &mut String) -> Option<&'l WordInfo> {
    if w.len() > 40 {
        return None;
    }
    fold_into(w, buf);
    lex.words.get(buf.as_str())
}

/// Reads a spelled-out cardinal or ordinal at the start of `input`.
pub fn spelled_number<'a>(
    lex: &'a LangLexicon,
) -> impl FnMut(&'a str) -> IResult<&'a str, Spelled> + 'a {
    move |input: &'a str| {
        let mut buf = String::new();
        let mut acc = Acc::new();
        let mut rest = input;
        let mut end = 0usize;
        let mut words = 0usize;
        let mut ordinal = false;
        let mut first_article = false;
        while let Ok((after, w)) = word(rest) {
            let Some(info) = lookup(lex, w, &mut buf) else {
                break;
            };
            if info.connector && words > 0 {
                // A connector continues the number only if a number word
                // follows it: "soixante et onze", "hundred and two".
                let Ok((after_j, _)) = word_joiner(after) else {
                    break;
                };
                let Ok((_, next)) = word(after_j) else { break };
                let next_ok = lookup(lex, next, &mut buf)
                    .is_some_and(|i| i.cardinal.is_some() || i.ordinal.is_some());
                if !next_ok {
                    break;
                }
                rest = after_j;
                continue;
            }
            let (v, is_ord) = match (info.cardinal, info.ordinal) {
                (Some(v), _) => (v, false),
                (None, Some(v)) => (v, true),
                _ => break,
            };
            let mut trial = acc;
            if !trial.push(v) {
                break;
            }
            if words == 0 {
                first_article = info.article;
            }
            acc = trial;
            words += 1;
            end = input.len() - after.len();
            if is_ord {
                ordinal = true;
                break;
            }
            match word_joiner(after) {
                Ok((r, _)) => rest = r,
                Err(_) => break,
            }
        }
        if words == 0 {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Verify,
            )));
        }
        Ok((
            &input[end..],
            Spelled {
                value: acc.value(),
                len: end,
                words,
                ordinal,
                article_only: words == 1 && first_article,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use std::str::FromStr;

    fn read(s: &str, en: bool) -> Option<(Decimal, usize, bool)> {
        let cfg = Config::builtin().unwrap();
        let lex = if en { &cfg.lexicon.en } else { &cfg.lexicon.fr };
        let r = spelled_number(lex)(s)
            .ok()
            .map(|(_, sp)| (sp.value, sp.len, sp.ordinal));
        r
    }

    fn v(s: &str, en: bool) -> Decimal {
        read(s, en).unwrap().0
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn word_and_joiner() {
        assert_eq!(word("vingt-deux"), Ok(("-deux", "vingt")));
        assert_eq!(word_joiner("-deux"), Ok(("deux", "-")));
        assert_eq!(word_joiner("\u{a0}x"), Ok(("x", "\u{a0}")));
        assert!(word_joiner("  x").is_ok_and(|(r, _)| r == " x"));
    }

    #[test]
    fn french_cardinals() {
        assert_eq!(v("trois soldats", false), d("3"));
        assert_eq!(v("quatre-vingt-dix-sept", false), d("97"));
        assert_eq!(v("quatre-vingts", false), d("80"));
        assert_eq!(v("soixante et onze", false), d("71"));
        assert_eq!(v("soixante-dix-huit", false), d("78"));
        assert_eq!(v("vingt et un", false), d("21"));
        assert_eq!(v("deux cent mille", false), d("200000"));
        assert_eq!(v("un million deux cent mille", false), d("1200000"));
        assert_eq!(v("trente cinq ans", false), d("35"));
        assert_eq!(v("mille neuf cent quatre-vingt-quatre", false), d("1984"));
    }

    #[test]
    fn english_cardinals() {
        assert_eq!(v("twenty-one", true), d("21"));
        assert_eq!(v("three hundred and forty-two", true), d("342"));
        assert_eq!(v("a hundred", true), d("100"));
        assert_eq!(v("two million five hundred thousand", true), d("2500000"));
    }

    #[test]
    fn words_that_do_not_combine_stop_the_number() {
        // "trois quatre" is 3 then 4; the span stops after "trois".
        assert_eq!(read("trois quatre", false), Some((d("3"), 5, false)));
        assert_eq!(read("twenty twenty", true), Some((d("20"), 6, false)));
        // A trailing connector is not part of the number.
        assert_eq!(read("vingt et des", false), Some((d("20"), 5, false)));
        assert!(read("soldats", false).is_none());
    }

    #[test]
    fn ordinals() {
        assert_eq!(read("deuxième ville", false), Some((d("2"), 9, true)));
        assert_eq!(read("twenty-first", true), Some((d("21"), 12, true)));
    }
}
