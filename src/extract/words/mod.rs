//! Numbers written in words, French and English: `trois`,
//! `quatre-vingt-dix-sept`, `soixante et onze`, `deux cent mille`,
//! `un million deux cent mille`, `twenty-one`, `three hundred and forty-two`;
//! ordinals built the same way (`vingt et unième`, `twenty-first`); decimals
//! (`five point five`, `deux virgule cinq`); fractions (`trois quarts`,
//! `two thirds`, `un huitième`, `one hundred and three and two thirds`,
//! `five and a half million`); counts of collectives (`deux douzaines`);
//! and numbers that start with digits and go on in words
//! (`4 thousand 3 hundred and 21`).
//!
//! The words come from the lexicon; the grammar checks that they combine
//! into one number (`trois quatre` is two numbers, not seven). Every parser
//! takes the text from the number's first byte and says how many bytes the
//! number uses.
//!
//! One file per group of productions, each with its grammar (EBNF-like)
//! above its parser:
//!
//! ```text
//! spelled          = leading_fraction | integer [ tail ] ;       (spelled)
//! integer          = known_word { word_joiner ( plain_digits | connector_step
//!                    | known_word | collective ) } ;              (spelled)
//! tail             = decimal_tail | denominator_tail
//!                  | connector_fraction_tail ;                    (spelled)
//! decimal_digits   = word_joiner ( digit_word { spaces digit_word }
//!                  | integer ) ;                                  (decimal)
//! denominator      = word_joiner ( denominator_word | ordinal | integer
//!                    ordinal | tens plural_tail ) ;               (fraction)
//! fraction_phrase  = fraction_word | integer denominator ;       (fraction)
//! word_joiner      = spaces hyphen [ spaces ] | hyphen [ spaces ]
//!                  | spaces ;                                     (token)
//! ```

mod class;
mod decimal;
mod fraction;
pub(crate) mod memo;
mod spelled;
mod token;

use nom::IResult;
use rust_decimal::Decimal;

use crate::lexicon::{fold_into, LangLexicon, WordInfo};
pub(crate) use fraction::connector_fraction;
use memo::Found;
use spelled::read;
pub(crate) use token::{is_word_char, letters_len};
use token::{word, word_joiner, Joint};

/// How deep the look-ahead for fractions inside numbers may nest; it keeps
/// reading linear in the length of the text.
pub(crate) const MAX_DEPTH: u8 = 2;

/// A number read from words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spelled {
    pub(crate) value: Decimal,
    /// Bytes consumed from the start of the input.
    pub(crate) len: usize,
    pub(crate) words: usize,
    /// The last word was an ordinal ("vingt et unième").
    pub(crate) ordinal: bool,
    /// The number is a proportion ("trois quarts", "a hundredth").
    pub(crate) fraction: bool,
    /// The number is a lone article ("un", "a").
    pub(crate) article_only: bool,
    /// A collective counted the number ("deux douzaines"): about so many.
    pub(crate) approx: bool,
}

/// Looks `w` up in `lex`; when a word of the lexicon has its hash, `buf`
/// holds the folded `w` after.
///
/// A word of the text being extracted is looked up once: what was found is
/// kept ([`memo`]) for the next look-up of the same word.
pub(crate) fn lookup<'l>(lex: &'l LangLexicon, w: &str, buf: &mut String) -> Option<&'l WordInfo> {
    if w.len() > 40 {
        return None;
    }
    let (hash, kept) = match memo::recall(lex, w) {
        Some((_, Found::NoHash)) => return None,
        Some((hash, found)) => (hash, Some(found)),
        None => (crate::lexicon::fold_hash(w), None),
    };
    let keep = |found: Found| {
        if kept.is_none() {
            memo::keep(lex, w, hash, found);
        }
    };
    let Some(entry) = lex.word_hashes.get(&hash) else {
        keep(Found::NoHash);
        return None;
    };
    let Some((key, info)) = entry else {
        // Two keys share the hash.
        keep(Found::Other);
        fold_into(w, buf);
        return lex.words.get(buf.as_str());
    };
    let plain = if kept == Some(Found::Plain) {
        Some(true)
    } else {
        crate::lexicon::plain_folds_to(w, key)
    };
    match plain {
        Some(true) => {
            keep(Found::Plain);
            buf.clear();
            buf.push_str(key);
            Some(info)
        }
        Some(false) => {
            keep(Found::Other);
            fold_into(w, buf);
            None
        }
        None => {
            keep(Found::Other);
            fold_into(w, buf);
            (buf == key).then_some(info)
        }
    }
}

/// A word of the lexicon at the start of `i`, with what follows it.
///
/// `known_word = word ;` (a word of the lexicon)
pub(crate) fn known_word<'a, 'l>(
    lex: &'l LangLexicon,
    i: &'a str,
    buf: &mut String,
) -> Option<(&'a str, &'l WordInfo)> {
    let (rest, w) = word(i).ok()?;
    // "l'un", "d'une": an elided word is no number word.
    let info = lookup(lex, w, buf)?;
    Some((rest, info))
}

/// The next token of a number after `i`: a joiner then a word of the
/// lexicon. Returns the rest after the word, the joint and the word's info.
///
/// `next_word = word_joiner known_word ;`
pub(crate) fn next_word<'a, 'l>(
    lex: &'l LangLexicon,
    i: &'a str,
    buf: &mut String,
) -> Option<(&'a str, Joint, &'l WordInfo)> {
    let (after_j, joint) = word_joiner(i).ok()?;
    let (rest, info) = known_word(lex, after_j, buf)?;
    Some((rest, joint, info))
}

/// Reads a spelled-out number at the start of `input`; see [`read`].
pub(crate) fn spelled_number<'a>(
    lex: &'a LangLexicon,
) -> impl FnMut(&'a str) -> IResult<&'a str, Spelled> + 'a {
    move |input: &'a str| {
        let mut buf = String::new();
        match read(lex, input, None, true, 0, &mut buf) {
            Some((rest, sp)) => Ok((rest, sp)),
            None => Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Verify,
            ))),
        }
    }
}

/// Reads a spelled-out number at the start of `input` as
/// [`spelled_number`] does, folding words into `buf` (a buffer the caller
/// keeps from one number to the next).
pub(crate) fn spelled_number_with(
    lex: &LangLexicon,
    input: &str,
    buf: &mut String,
) -> Option<Spelled> {
    read(lex, input, None, true, 0, buf).map(|(_, sp)| sp)
}

/// Continues a number written with digits in words: `input` starts right
/// after the digits ("4| thousand 3 hundred", "322| cent", "3| dozens",
/// "3| million and a half"). Returns the number with `len` counting the
/// bytes after the digits, or `None` when no word continues it.
pub(crate) fn continue_digits(
    lex: &LangLexicon,
    value: Decimal,
    input: &str,
    buf: &mut String,
) -> Option<Spelled> {
    let (_, sp) = read(lex, input, Some(value), true, 0, buf)?;
    (sp.words > 0).then_some(sp)
}

#[cfg(test)]
pub(crate) mod test_support {
    pub(crate) use super::*;
    pub(crate) use crate::config::Config;
    pub(crate) use crate::testing::d;

    pub(crate) fn lexes() -> &'static Config {
        crate::testing::config()
    }

    pub(crate) fn read_with(cfg: &Config, s: &str, en: bool) -> Option<(Decimal, usize, bool)> {
        let lex = cfg.lexicon.get(if en { "en" } else { "fr" }).unwrap();
        spelled_number(lex)(s)
            .ok()
            .map(|(_, sp)| (sp.value, sp.len, sp.ordinal))
    }

    /// Value and the text it used.
    pub(crate) fn vt(cfg: &Config, s: &str, en: bool) -> (Decimal, String) {
        let (v, len, _) = read_with(cfg, s, en).unwrap_or_else(|| panic!("{s:?} read nothing"));
        (v.normalize(), s[..len].to_string())
    }

    pub(crate) fn approx(a: Decimal, b: &str) -> bool {
        (a - d(b)).abs() < d("0.000000001")
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;

    #[test]
    fn digits_continued_in_words() {
        let c = lexes();
        let en = c.lexicon.get("en").unwrap();
        let fr = c.lexicon.get("fr").unwrap();
        let mut buf = String::new();
        let cont = |lex, v: &str, s: &'static str, buf: &mut String| {
            continue_digits(lex, d(v), s, buf).map(|sp| (sp.value.normalize(), &s[..sp.len]))
        };
        assert_eq!(
            cont(en, "4", " thousand 3 hundred and 21 is", &mut buf),
            Some((d("4321"), " thousand 3 hundred and 21"))
        );
        assert_eq!(
            cont(en, "3", " hundred and one is", &mut buf),
            Some((d("301"), " hundred and one"))
        );
        assert_eq!(
            cont(en, "2.12", " hundred are", &mut buf),
            Some((d("212"), " hundred"))
        );
        assert_eq!(
            cont(fr, "322", " cent ", &mut buf),
            Some((d("32200"), " cent"))
        );
        assert_eq!(
            cont(fr, "2", " douzaine", &mut buf),
            Some((d("24"), " douzaine"))
        );
        assert_eq!(
            cont(en, "3", " dozens", &mut buf),
            Some((d("36"), " dozens"))
        );
        assert_eq!(
            cont(en, "3", " million and a half", &mut buf),
            Some((d("3500000"), " million and a half"))
        );
        assert_eq!(cont(en, "3", " soldiers", &mut buf), None);
        // "100 millionths" is no fraction.
        assert_eq!(cont(en, "100", " millionths", &mut buf), None);
    }
}
