//! Fractions in words: denominators ("cinquièmes", "fifths", "a
//! hundredth", "un vingt-cinquième"), a fraction after a connector (" and a
//! half", " et demie", " and three quarters") and a scale after a fraction
//! ("a quarter million", "une demi-douzaine").

use rust_decimal::Decimal;

use super::class::{class_of, Class};
use super::memo;
use super::spelled::read;
use super::token::{is_inline_space, word, word_joiner, Joint};
use super::{known_word, next_word, Spelled, MAX_DEPTH};
use crate::lexicon::{fold_into, LangLexicon};

/// True when the text after a singular denominator lets it be one: nothing,
/// punctuation, or a link or stop word ("un tiers des voix", "a third of");
/// a noun makes the word an ordinal ("a third term", "un cinquième mandat").
///
/// `denominator_end = end | punctuation | apostrophe | noun_link | noun_stop ;`
fn denominator_may_end(lex: &LangLexicon, rest: &str, buf: &mut String) -> bool {
    let r = rest.trim_start_matches(is_inline_space);
    if r.starts_with(['\'', '’']) {
        return true;
    }
    match word(r) {
        Ok((after, w)) => {
            fold_into(w, buf);
            if after.starts_with(['\'', '’']) {
                buf.push('\'');
            }
            lex.noun_links.contains(buf.as_str()) || lex.noun_stop.contains(buf.as_str())
        }
        Err(_) => !r.starts_with(|c: char| c.is_ascii_digit()),
    }
}

/// How many tokens [`fraction_may_follow`] reads before it stops and
/// answers yes: far more than any number has, so that the answer is exact,
/// and few enough that reading stays linear in the text.
const FRACTION_RUN: usize = 48;

/// Whether a fraction (an integer then an ordinal or a plural
/// denominator, "trois cinquièmes", "vingt-cinquième") may be read at `i`:
/// some word of the run of number words and digits that starts there
/// (tokens joined as in a number, the only ones the integer and the
/// denominator after it can use) is an ordinal or a denominator, or the
/// run is longer than [`FRACTION_RUN`] tokens. When none is, the integer
/// need not be read to know that no fraction starts here.
///
/// The answer is kept for every token read ([`memo::keep_run`]): the
/// look-ahead from a later token of the same run, which each word of a
/// long number asks for, answers the same without reading it again.
fn fraction_may_follow(lex: &LangLexicon, i: &str, buf: &mut String) -> bool {
    if let Some(answer) = memo::recall_run(lex, i) {
        return answer;
    }
    let mut starts = [0usize; FRACTION_RUN];
    let mut rest = i;
    let mut n = 0;
    let answer = loop {
        if n == FRACTION_RUN {
            // Not kept: from a later token, the run may end within
            // FRACTION_RUN tokens.
            return true;
        }
        starts[n] = rest.as_ptr() as usize;
        n += 1;
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        } else {
            let Some((after, info)) = known_word(lex, rest, buf) else {
                break false;
            };
            if info.ordinal.is_some() || info.denominator.is_some() {
                break true;
            }
            rest = after;
        }
        match word_joiner(rest) {
            Ok((after, _)) => rest = after,
            Err(_) => break false,
        }
    };
    memo::keep_run(lex, i, &starts[..n], answer);
    answer
}

/// A denominator at `i` (after a joiner): a plural ordinal or fraction word
/// ("fifths", "quarts", "twenty-firsts", "hundred-fifths"), or, when
/// `singular` is allowed (after a numerator of one), a singular ordinal or
/// ordinal phrase ("huitième", "one hundred and fifth", "vingt-cinquième").
/// Returns the rest, the denominator, and whether an ordinal named it.
///
/// `denominator = joiner ( denominator_word | ordinal denominator_end
///     | integer ordinal denominator_end | tens plural_tail ) ;`
pub(super) fn denominator<'a>(
    lex: &LangLexicon,
    i: &'a str,
    singular: bool,
    depth: u8,
    buf: &mut String,
) -> Option<(&'a str, Decimal, bool)> {
    let (after_j, _) = word_joiner(i).ok()?;
    // One word.
    let (rest, info) = known_word(lex, after_j, buf)?;
    if let Some(d) = info.denominator {
        if info.plural_denominator && d > Decimal::TWO {
            return Some((rest, d, !info.fraction_word));
        }
        if info.ordinal.is_none() && info.cardinal.is_none() && !info.plural_denominator {
            return Some((rest, d, false));
        }
    }
    if info.cardinal.is_none() {
        if let Some(d) = info.ordinal.filter(|d| *d > Decimal::TWO && singular) {
            return denominator_may_end(lex, rest, buf).then_some((rest, d, true));
        }
        return None;
    }
    if depth > MAX_DEPTH || !fraction_may_follow(lex, after_j, buf) {
        return None;
    }
    // An ordinal phrase: "twenty-firsts", "one hundred and fifth".
    let (rest, sp) = read(lex, after_j, None, false, depth + 1, buf)?;
    if !sp.ordinal {
        // "twenty-firsts": tens then a plural ordinal unit.
        let (r2, d) = plural_tail(lex, rest, buf)?;
        let tens = sp.value % Decimal::TEN == Decimal::ZERO
            && sp.value % Decimal::ONE_HUNDRED != Decimal::ZERO;
        return (!sp.fraction && tens && d < Decimal::TEN).then_some((r2, sp.value + d, true));
    }
    if sp.value <= Decimal::TWO || sp.words < 2 || !singular {
        return None;
    }
    denominator_may_end(lex, rest, buf).then_some((rest, sp.value, true))
}

/// A plural ordinal right after a number ("-fifths", " firsts").
///
/// `plural_tail = joiner plural_ordinal ;`
fn plural_tail<'a>(lex: &LangLexicon, i: &'a str, buf: &mut String) -> Option<(&'a str, Decimal)> {
    let (rest, joint, info) = next_word(lex, i, buf)?;
    let d = info.denominator?;
    // "twenty-firsts"; "twenty seconds" is a duration.
    (info.plural_denominator && (joint == Joint::Hyphen || d > Decimal::TWO)).then_some((rest, d))
}

/// A fraction after a connector: "a half", "half", "three quarters",
/// "un cinquième", "demi", "two thirds". Returns the rest, the value, and
/// whether an ordinal named the denominator ("fifths", not "quarters").
///
/// `fraction_phrase = fraction_word | integer denominator ;`
pub(super) fn fraction_phrase<'a>(
    lex: &LangLexicon,
    i: &'a str,
    depth: u8,
    buf: &mut String,
) -> Option<(&'a str, Decimal, bool)> {
    // A bare fraction word: "half", "demi".
    let (r, info) = known_word(lex, i, buf)?;
    if let (Some(d), None, None) = (info.denominator, info.cardinal, info.ordinal) {
        return Some((r, Decimal::ONE / d, false));
    }
    if depth > MAX_DEPTH || !fraction_may_follow(lex, i, buf) {
        return None;
    }
    let (rest, sp) = read(lex, i, None, false, depth, buf)?;
    if sp.ordinal {
        return None;
    }
    let single_one = sp.words == 1 && sp.value == Decimal::ONE;
    let (r, d, by_ordinal) = denominator(lex, rest, single_one, depth, buf)?;
    Some((r, sp.value / d, by_ordinal))
}

/// A connector then a fraction after a unit: " and a half", " et demie",
/// " and three quarters". Returns the bytes used and the fraction.
///
/// `connector_fraction = joiner connector joiner fraction_phrase ;`
pub(crate) fn connector_fraction(
    lex: &LangLexicon,
    input: &str,
    buf: &mut String,
) -> Option<(usize, Decimal)> {
    let (r, _, info) = next_word(lex, input, buf)?;
    if !info.connector {
        return None;
    }
    let (r, _) = word_joiner(r).ok()?;
    let (rest, v, _) = fraction_phrase(lex, r, 0, buf)?;
    Some((input.len() - rest.len(), v))
}

/// A scale word after a fraction: "a quarter million", "three quarters
/// million", "une demi-douzaine".
///
/// `scaled_fraction = fraction [ joiner ( collective | big_scale ) ] ;`
pub(super) fn scaled_fraction<'a>(
    lex: &LangLexicon,
    input: &'a str,
    rest: &'a str,
    mut sp: Spelled,
    buf: &mut String,
) -> (&'a str, Spelled) {
    if let Some((r, j, info)) = next_word(lex, rest, buf) {
        // "une demi-douzaine" is six.
        let dozen = info.collective.as_ref().and_then(|c| c.each());
        if let (Some(each), Some(v)) = (dozen, sp.value.checked_mul(dozen.unwrap_or_default())) {
            if each > Decimal::ONE {
                sp.value = v;
                sp.len = input.len() - r.len();
                sp.words += 1;
                sp.fraction = false;
                return (r, sp);
            }
        }
        // "a quarter million", "un demi-million".
        if matches!(j, Joint::Space | Joint::Hyphen) {
            if let Some(big) = info.cardinal.filter(|v| class_of(*v) == Some(Class::Big)) {
                if let Some(v) = sp.value.checked_mul(big) {
                    sp.value = v;
                    sp.len = input.len() - r.len();
                    sp.words += 1;
                    sp.fraction = false;
                    return (r, sp);
                }
            }
        }
    }
    (rest, sp)
}

#[cfg(test)]
mod tests {
    use crate::extract::words::test_support::*;

    #[test]
    fn a_fraction_may_follow_only_where_an_ordinal_or_denominator_stands() {
        let c = lexes();
        let fr = c.lexicon.get("fr").unwrap();
        let en = c.lexicon.get("en").unwrap();
        let mut buf = String::new();
        assert!(super::fraction_may_follow(fr, "trois cinquièmes", &mut buf));
        assert!(super::fraction_may_follow(fr, "vingt-cinquième", &mut buf));
        assert!(super::fraction_may_follow(
            en,
            "one hundred and 3 fifths",
            &mut buf
        ));
        assert!(!super::fraction_may_follow(
            fr,
            "trois cent quarante et un mille.",
            &mut buf
        ));
        assert!(!super::fraction_may_follow(en, "twenty-two men", &mut buf));
        // A run longer than any number: yes, and the full reading decides.
        let long = "un ".repeat(100);
        assert!(super::fraction_may_follow(fr, &long, &mut buf));
    }

    #[test]
    fn fractions_in_words() {
        let c = lexes();
        for (s, v, en) in [
            ("trois quarts", "0.75", false),
            ("un huitième", "0.125", false),
            ("un vingt-cinquième", "0.04", false),
            ("cent trente cinquièmes", "26", false),
            ("vingt et trois cinquièmes", "20.6", false),
            ("vingt et trois et trois cinquièmes", "23.6", false),
            ("trois et un cinquième", "3.2", false),
            ("un milliard et demi million", "1000500000", false),
            ("cinq milliards et trois quarts", "5750000000", false),
            ("five eighths", "0.625", true),
            ("twenty-three fifths", "4.6", true),
            ("twenty and three fifths", "20.6", true),
            ("one hundred and thirty fifths", "26", true),
            ("one hundred and thirty and two fifths", "130.4", true),
            ("one and a half", "1.5", true),
            ("five and a quarter", "5.25", true),
            ("one hundred and three quarters", "100.75", true),
            ("a hundredth", "0.01", true),
            ("a trillionth", "0.000000000001", true),
            ("a hundred trillionths", "0.0000000001", true),
            ("two and fifty-four hundredths", "2.54", true),
            ("ninety - five hundred fifths", "1900", true),
            ("ninety - five hundred-fifths", "1900", true),
            ("one-eighth", "0.125", true),
            ("one - fourth", "0.25", true),
            ("half a  dozen", "6", true),
            ("half million", "500000", true),
            ("a quarter million", "250000", true),
            ("five and a half million", "5500000", true),
            ("3 million and a half", "3500000", true),
            ("two million and three fifths", "2600000", true),
            ("one billion and three quarters million", "1000750000", true),
            ("one billion and a quarter million", "1000250000", true),
        ] {
            if s.starts_with('3') {
                continue;
            }
            let (got, t) = vt(c, s, en);
            assert!(approx(got, v), "{s}: {got} from {t:?}");
            assert_eq!(t, s, "{s}");
        }
        // One, then an ordinal phrase: one hundred-and-fifth.
        let (got, _) = vt(c, "one one hundred and fifth", true);
        assert!(approx(got, "0.00952380952"), "{got}");
        let (got, t) = vt(c, "three twenty-firsts", true);
        assert!(approx(got, "0.142857142857"), "{t}");
    }

    #[test]
    fn plural_ordinals_name_the_denominator() {
        let c = lexes();
        for (s, v, en) in [
            ("three sevenths", "0.428571428571", true),
            ("four ninths", "0.444444444444", true),
            ("eleven twentieths", "0.55", true),
            ("sept neuvièmes", "0.777777777778", false),
            ("trois septièmes", "0.428571428571", false),
            ("deux tiers", "0.666666666667", false),
            // "un cinquièmes" is no fraction: the one ends the numerator.
            ("one hundredths", "0.01", true),
            ("vingt et un cinquièmes", "4.2", false),
            ("trente et un dixièmes", "3.1", false),
        ] {
            let (got, t) = vt(c, s, en);
            assert!(approx(got, v), "{s}: {got} from {t:?}");
            assert_eq!(t, s, "{s}");
        }
    }

    #[test]
    fn a_singular_ordinal_before_a_noun_stays_an_ordinal() {
        let c = lexes();
        // "a third term": "a" alone, the ordinal is read on its own.
        assert_eq!(vt(c, "a third term", true).1, "a");
        assert_eq!(vt(c, "a third of voters", true).1, "a third");
        assert_eq!(vt(c, "un cinquième mandat", false).1, "un");
        assert_eq!(vt(c, "un tiers des voix", false).1, "un tiers");
    }
}
