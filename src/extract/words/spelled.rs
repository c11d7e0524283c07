//! The grammar of a spelled number, one function per production: an
//! integer of number words ("quatre-vingt-dix-sept", "three hundred and
//! forty-two", "4 thousand 3 hundred and 21"), a leading fraction ("half a
//! dozen") and the tails after the integer: a decimal ("five point five"),
//! a denominator ("trois quarts") or a connector then a fraction ("one and
//! a half").

use rust_decimal::Decimal;

use super::class::{class_of, Acc, Class};
use super::decimal::decimal_digits;
use super::fraction::{denominator, fraction_phrase, scaled_fraction};
use super::token::{plain_digits, word_joiner, Joint};
use super::{known_word, next_word, Spelled, MAX_DEPTH};
use crate::lexicon::LangLexicon;

/// What the integer part of a spelled number read, and what its tails
/// need to know of it.
struct Integer {
    acc: Acc,
    /// Bytes used from the start of the input.
    end: usize,
    words: usize,
    ordinal: bool,
    first_article: bool,
    first_one: bool,
    approx: bool,
}

/// The grammar of a spelled number. With `seed`, the number started with
/// digits of that value and `input` starts after them. `tails` allows the
/// decimal and fraction tails (off when reading a denominator or a fraction
/// inside another number).
///
/// `spelled = leading_fraction | integer [ decimal_tail | denominator_tail
/// | connector_fraction_tail ] ;`
pub(crate) fn read<'a>(
    lex: &LangLexicon,
    input: &'a str,
    seed: Option<Decimal>,
    tails: bool,
    depth: u8,
    buf: &mut String,
) -> Option<(&'a str, Spelled)> {
    if seed.is_none() {
        if let Some(found) = lone_cardinal(lex, input, buf) {
            return Some(found);
        }
    }
    read_in_full(lex, input, seed, tails, depth, buf)
}

/// [`read`] production by production, with no shortcut.
fn read_in_full<'a>(
    lex: &LangLexicon,
    input: &'a str,
    seed: Option<Decimal>,
    tails: bool,
    depth: u8,
    buf: &mut String,
) -> Option<(&'a str, Spelled)> {
    if seed.is_none() {
        if let Some(found) = leading_fraction(lex, input, buf) {
            return Some(found);
        }
    }
    let int = integer(lex, input, seed, tails, depth, buf)?;
    let sp = Spelled {
        value: int.acc.value(),
        len: int.end,
        words: int.words,
        ordinal: int.ordinal,
        fraction: false,
        article_only: int.words == 1 && int.first_article && seed.is_none(),
        approx: int.approx,
    };
    let rest = &input[int.end..];
    if int.ordinal || !tails || int.approx {
        return Some((rest, sp));
    }
    if seed.is_none() && !int.first_article {
        if let Some(found) = decimal_tail(lex, input, rest, sp, depth, buf) {
            return Some(found);
        }
    }
    if seed.is_none() {
        if let Some(found) = denominator_tail(lex, input, rest, &int, sp, depth, buf) {
            return Some(found);
        }
    }
    if let Some(found) = connector_fraction_tail(lex, input, rest, &int.acc, sp, depth, buf) {
        return Some(found);
    }
    Some((rest, sp))
}

/// A cardinal word that no token continues ("une fille", "trois.", "a
/// man"): the number [`read`] gives it, read without trying the integer's
/// loop and each tail, which all start with a joiner then digits or a word
/// of the lexicon. `None` when something may continue it.
///
/// `lone_cardinal = known_word(cardinal) - ( word_joiner ( digit | known_word ) ) ;`
fn lone_cardinal<'a>(
    lex: &LangLexicon,
    input: &'a str,
    buf: &mut String,
) -> Option<(&'a str, Spelled)> {
    let (rest, info) = known_word(lex, input, buf)?;
    let v = info.cardinal?;
    let class = class_of(v)?;
    if let Ok((after_j, _)) = word_joiner(rest) {
        if after_j.starts_with(|c: char| c.is_ascii_digit())
            || known_word(lex, after_j, buf).is_some()
        {
            return None;
        }
    }
    let mut acc = Acc::new();
    if !acc.push(v, class, None) {
        return None;
    }
    let sp = Spelled {
        value: acc.value(),
        len: input.len() - rest.len(),
        words: 1,
        ordinal: false,
        fraction: false,
        article_only: info.article,
        approx: false,
    };
    Some((rest, sp))
}

/// A leading fraction word: "half a dozen", "half a million", "half
/// million", "la moitié".
///
/// `leading_fraction = fraction_word [ next_word(article) ] [ next_word(big_scale
/// | collective) ] ;`
fn leading_fraction<'a>(
    lex: &LangLexicon,
    input: &'a str,
    buf: &mut String,
) -> Option<(&'a str, Spelled)> {
    let used = |r: &str| input.len() - r.len();
    let (r, info) = known_word(lex, input, buf)?;
    let (Some(d), None, None, false) = (
        info.denominator,
        info.cardinal,
        info.ordinal,
        info.plural_denominator,
    ) else {
        return None;
    };
    let half = Decimal::ONE / d;
    let mut sp = Spelled {
        value: half,
        len: used(r),
        words: 1,
        ordinal: false,
        fraction: true,
        article_only: false,
        approx: false,
    };
    // "half a dozen", "half a million", "half million".
    let mut r2 = r;
    if let Some((ra, _, ia)) = next_word(lex, r2, buf) {
        if ia.article {
            r2 = ra;
        }
    }
    if let Some((rb, _, ib)) = next_word(lex, r2, buf) {
        let mult = ib
            .cardinal
            .filter(|v| class_of(*v) == Some(Class::Big))
            .or_else(|| ib.collective.as_ref().and_then(|c| c.each()));
        if let Some(m) = mult {
            sp.value = half * m;
            sp.len = used(rb);
            sp.words = 3;
            sp.fraction = false;
            return Some((rb, sp));
        }
    }
    Some((r, sp))
}

/// The integer part: number words (or digits) that combine into one
/// number, up to an ordinal or the first word that does not fit ("trois
/// quatre" is two numbers). `None` when no word starts a number.
///
/// `integer = known_word { word_joiner ( plain_digits | connector_step
/// | known_word | collective ) } ;`
fn integer(
    lex: &LangLexicon,
    input: &str,
    seed: Option<Decimal>,
    tails: bool,
    depth: u8,
    buf: &mut String,
) -> Option<Integer> {
    let mut acc = match seed {
        Some(v) => Acc::seeded(v),
        None => Acc::new(),
    };
    let mut rest = input;
    let mut end = 0usize;
    let mut words = 0usize;
    let mut ordinal = false;
    let mut first_article = false;
    let mut first_one = false;
    let mut approx = false;
    let used = |r: &str| input.len() - r.len();
    let mut joint = None;
    let mut after_connector = false;
    // Past a connector after a scale: the number as it stood before the
    // connector, the scale that preceded the connector and the largest
    // scale read so far.
    let mut before_connector: Option<(Acc, usize, usize, Decimal, Option<Decimal>)> = None;
    loop {
        let (after, info) = if words == 0 && seed.is_none() {
            match known_word(lex, rest, buf) {
                Some(x) => x,
                None => break,
            }
        } else {
            let Ok((after_j, j)) = word_joiner(rest) else {
                break;
            };
            joint = Some(j);
            // Digits inside the number: "4 thousand 3 hundred and 21".
            if let Ok((after_d, v)) = plain_digits(after_j) {
                if acc.push(v, Class::Digits, Some(j)) {
                    words += 1;
                    rest = after_d;
                    end = used(rest);
                    continue;
                }
                break;
            }
            match known_word(lex, after_j, buf) {
                Some(x) => x,
                None => break,
            }
        };
        if info.connector && (words > 0 || seed.is_some()) {
            // "soixante et onze", "hundred and two"; a connector before a
            // fraction is read by the fraction tail.
            let step = connector_step(lex, &acc, after, depth, buf);
            if step.is_some() {
                let scale = match acc.last() {
                    Some(Class::Hundred) => Some(Decimal::ONE_HUNDRED),
                    Some(Class::Big) => acc.last_big,
                    _ => None,
                };
                before_connector = scale.map(|s| (acc, end, words, s, acc.last_big));
            }
            match step {
                Some(Past::Word) => {
                    rest = after;
                    after_connector = true;
                    continue;
                }
                Some(Past::Digits) => {
                    rest = after;
                    continue;
                }
                None => break,
            }
        }
        let (v, is_ord) = match (info.cardinal, info.ordinal) {
            (Some(v), _) => (v, false),
            (None, Some(v)) => (v, true),
            _ => {
                // A collective counted: "deux douzaines", "3 dozens".
                if let Some(each) = info.collective.as_ref().and_then(|c| c.each()) {
                    if words > 0 || seed.is_some() {
                        let mut trial = acc;
                        if trial.times_below_100(each) {
                            acc = trial;
                            words += 1;
                            approx = true;
                            rest = after;
                            end = used(rest);
                        }
                    }
                }
                break;
            }
        };
        let Some(class) = class_of(v) else { break };
        // A connector joins a smaller part to a scale ("one hundred and
        // seven", "one hundred and twenty thousand"), never two numbers
        // with scales of the same order ("4 hundred and 7 hundred", "deux
        // cents et trois cents"): the number ends before the connector.
        if let (Some((a, e, w, scale, big)), Class::Hundred | Class::Big) =
            (before_connector, class)
        {
            if v == scale || big.is_some_and(|b| v >= b) {
                acc = a;
                end = e;
                words = w;
                break;
            }
            before_connector = None;
        }
        // An ordinal word never adds to an amount complete with its scale
        // or written in digits ("$45 million first-lien notes", "trois
        // millions premiers"), except past a connector ("a thousand and
        // first", "mille et unième"); an ordinal scale multiplies it ("10
        // millionième").
        if is_ord
            && !after_connector
            && !matches!(class, Class::Hundred | Class::Big)
            && matches!(acc.last(), Some(Class::Big | Class::Digits))
        {
            break;
        }
        // An article continues a number only after a hyphen or a
        // connector ("quatre-vingt-un", "vingt et un"), not in "$ 1.17
        // billion a year".
        if info.article
            && (words > 0 || seed.is_some())
            && joint != Some(Joint::Hyphen)
            && !after_connector
        {
            break;
        }
        let mut trial = acc;
        if !trial.push(v, class, joint) {
            break;
        }
        // "a trillionth", "un huitième": one then a singular ordinal is a
        // fraction, read below.
        if is_ord && words == 1 && first_one && seed.is_none() && tails {
            break;
        }
        if words == 0 && seed.is_none() {
            first_article = info.article;
            first_one = v == Decimal::ONE;
        }
        acc = trial;
        words += 1;
        rest = after;
        end = used(rest);
        after_connector = false;
        if is_ord {
            ordinal = true;
            break;
        }
    }
    if words == 0 && seed.is_none() {
        return None;
    }
    Some(Integer {
        acc,
        end,
        words,
        ordinal,
        first_article,
        first_one,
        approx,
    })
}

/// What comes past a connector that continues a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Past {
    /// A number word: "soixante et onze", "hundred and two".
    Word,
    /// Digits: "4 thousand 3 hundred and 21".
    Digits,
}

/// After a connector inside a number (`after` starts past it): whether the
/// number goes on, and with what. `None` when the connector ends the number ("vingt et des",
/// "one and a half", "4.5 billion and one trillion").
///
/// `connector_step = connector word_joiner ( plain_digits | cardinal | ordinal ) ;`
fn connector_step(
    lex: &LangLexicon,
    acc: &Acc,
    after: &str,
    depth: u8,
    buf: &mut String,
) -> Option<Past> {
    if depth >= MAX_DEPTH {
        return None;
    }
    let (after_c, _) = word_joiner(after).ok()?;
    let last_scale = matches!(acc.last(), Some(Class::Hundred | Class::Big));
    // "4 thousand 3 hundred and 21".
    if let Ok((_, v)) = plain_digits(after_c) {
        return (last_scale && acc.accepts(v, Class::Digits, Some(Joint::Space)))
            .then_some(Past::Digits);
    }
    // "vingt et un cinquièmes": one then a plural denominator is no
    // fraction of one; the one ends the numerator "vingt et un".
    if french_tens_one(lex, acc, after, buf) {
        return Some(Past::Word);
    }
    if let Some((_, _, by_ordinal)) = fraction_phrase(lex, after_c, depth + 1, buf) {
        // "one hundred and thirty fifths" is 130/5; "one hundred and
        // three quarters" 100.75, "two million and three fifths"
        // 2,600,000, "twenty and three fifths" 20.6.
        if !(acc.last() == Some(Class::Hundred) && by_ordinal) {
            return None;
        }
    }
    let (after_next, _, next) = next_word(lex, after, buf)?;
    let v = next.cardinal.or(next.ordinal)?;
    // "4.5 billion and one trillion": two numbers.
    if let (Some((_, _, then)), Some(last_big)) = (next_word(lex, after_next, buf), acc.last_big) {
        if then
            .cardinal
            .is_some_and(|b| class_of(b) == Some(Class::Big) && b >= last_big)
        {
            return None;
        }
    }
    let class = class_of(v)?;
    let french_tens = french_tens(acc, v);
    let strict = last_scale && !next.article || french_tens;
    // Otherwise a loose "vingt et trois", "twenty and three".
    if !strict && (!acc.accepts(v, class, Some(Joint::Space)) || next.article) {
        return None;
    }
    Some(Past::Word)
}

/// French "vingt et un", "soixante et onze": tens from twenty to sixty,
/// a connector, then one or eleven.
fn french_tens(acc: &Acc, v: Decimal) -> bool {
    acc.last() == Some(Class::Tens) && {
        let b = acc.below_100();
        b >= Decimal::from(20)
            && b <= Decimal::from(60)
            && (v == Decimal::ONE || v == Decimal::from(11))
    }
}

/// After a connector (`after` starts past it): tens then one then a plural
/// denominator ("vingt et un cinquièmes", 21/5).
fn french_tens_one(lex: &LangLexicon, acc: &Acc, after: &str, buf: &mut String) -> bool {
    let Some((r, _, one)) = next_word(lex, after, buf) else {
        return false;
    };
    if !one
        .cardinal
        .is_some_and(|v| v == Decimal::ONE && french_tens(acc, v))
    {
        return false;
    }
    next_word(lex, r, buf).is_some_and(|(_, _, d)| {
        d.plural_denominator
            && d.cardinal.is_none()
            && d.denominator.is_some_and(|d| d > Decimal::TWO)
    })
}

/// A decimal point in words after the integer: "five point five", "nine
/// point nought four", "deux cent virgule cinquante deux".
///
/// `decimal_tail = spaces point decimal_digits ;`
fn decimal_tail<'a>(
    lex: &LangLexicon,
    input: &'a str,
    rest: &'a str,
    mut sp: Spelled,
    depth: u8,
    buf: &mut String,
) -> Option<(&'a str, Spelled)> {
    let (r, j, info) = next_word(lex, rest, buf)?;
    if !info.point || j != Joint::Space {
        return None;
    }
    let (r2, digits, n) = decimal_digits(lex, r, depth, buf)?;
    let mut frac = digits;
    frac.set_scale(n).ok()?;
    sp.value += frac;
    sp.len = input.len() - r2.len();
    sp.words += 1 + n as usize;
    Some((r2, sp))
}

/// A denominator after the integer: "five eighths", "one hundred and
/// thirty fifths", "a hundredth", "un vingt-cinquième", and a scale after
/// it ("a quarter million").
///
/// `denominator_tail = denominator scaled_fraction ;`
fn denominator_tail<'a>(
    lex: &LangLexicon,
    input: &'a str,
    rest: &'a str,
    int: &Integer,
    mut sp: Spelled,
    depth: u8,
    buf: &mut String,
) -> Option<(&'a str, Spelled)> {
    let single_one = int.words == 1 && int.first_one;
    let (r, d, _) = denominator(lex, rest, single_one, depth, buf)?;
    sp.value = int.acc.value() / d;
    sp.len = input.len() - r.len();
    sp.words += 1;
    sp.fraction = true;
    sp.article_only = false;
    Some(scaled_fraction(lex, input, r, sp, buf))
}

/// A connector then a fraction after the integer: "one and a half", "trois
/// et un cinquième", "3 million and a half", "two million and three
/// fifths"; a scale after the fraction takes the fraction ("one billion and
/// a quarter million") or the whole ("five and a half million").
///
/// `connector_fraction_tail = next_word(connector) word_joiner fraction_phrase
/// [ next_word(big_scale) ] ;`
fn connector_fraction_tail<'a>(
    lex: &LangLexicon,
    input: &'a str,
    rest: &'a str,
    acc: &Acc,
    sp: Spelled,
    depth: u8,
    buf: &mut String,
) -> Option<(&'a str, Spelled)> {
    let used = |r: &str| input.len() - r.len();
    let (r, _, info) = next_word(lex, rest, buf)?;
    if !info.connector {
        return None;
    }
    let (after_c, _) = word_joiner(r).ok()?;
    let (r2, frac, _) = fraction_phrase(lex, after_c, depth + 1, buf)?;
    let mut s2 = sp;
    s2.len = used(r2);
    s2.words += 2;
    s2.fraction = true;
    s2.article_only = false;
    if let Some((r3, _, i3)) = next_word(lex, r2, buf) {
        if let Some(big) = i3.cardinal.filter(|v| class_of(*v) == Some(Class::Big)) {
            let v = match acc.last_big {
                None => (acc.value() + frac).checked_mul(big),
                Some(lb) if big < lb => frac
                    .checked_mul(big)
                    .and_then(|x| x.checked_add(acc.value())),
                Some(_) => None,
            };
            if let Some(v) = v {
                s2.value = v;
                s2.len = used(r3);
                s2.words += 1;
                return Some((r3, s2));
            }
        }
    }
    let add = if acc.last() == Some(Class::Big) {
        acc.last_big.and_then(|b| frac.checked_mul(b))
    } else {
        Some(frac)
    };
    s2.value = add.and_then(|a| acc.value().checked_add(a))?;
    Some((r2, s2))
}

#[cfg(test)]
mod tests {
    use super::{lone_cardinal, read, read_in_full};
    use crate::extract::words::test_support::*;

    #[test]
    fn a_lone_cardinal_reads_as_in_full() {
        let c = lexes();
        let mut buf = String::new();
        for (s, en) in [
            ("une fille", false),
            ("un homme et une femme", false),
            ("une heure", false),
            ("un 3", false),
            ("un million", false),
            ("un quart", false),
            ("un demi", false),
            ("une et demie", false),
            ("trois.", false),
            ("deux-tiers", false),
            ("vingt\u{a0}trois", false),
            ("un - deux", false),
            ("un", false),
            ("a man", true),
            ("a half", true),
            ("one and a half", true),
            ("a dozen eggs", true),
            ("one point five", true),
            ("one-third", true),
            ("seven dwarfs", true),
            ("an hour", true),
        ] {
            let lex = c.lexicon.get(if en { "en" } else { "fr" }).unwrap();
            let fast = read(lex, s, None, true, 0, &mut buf);
            let full = read_in_full(lex, s, None, true, 0, &mut buf);
            assert_eq!(fast, full, "{s}");
            let fast = read(lex, s, None, false, 1, &mut buf);
            let full = read_in_full(lex, s, None, false, 1, &mut buf);
            assert_eq!(fast, full, "{s}");
        }
        let fr = c.lexicon.get("fr").unwrap();
        assert!(lone_cardinal(fr, "une fille", &mut buf).is_some());
        assert!(lone_cardinal(fr, "un million", &mut buf).is_none());
    }

    #[test]
    fn french_cardinals() {
        let c = lexes();
        for (s, v) in [
            ("trois soldats", "3"),
            ("quatre-vingt-dix-sept", "97"),
            ("quatre-vingts", "80"),
            ("soixante et onze", "71"),
            ("soixante-dix-huit", "78"),
            ("vingt et un", "21"),
            ("deux cent mille", "200000"),
            ("un million deux cent mille", "1200000"),
            ("trente cinq ans", "35"),
            ("mille neuf cent quatre-vingt-quatre", "1984"),
            ("cinquante  deux", "52"),
            ("deux  cent  deux  mille", "202000"),
            ("nonante-neuf", "99"),
        ] {
            assert_eq!(vt(c, s, false).0, d(v), "{s}");
        }
    }

    #[test]
    fn english_cardinals() {
        let c = lexes();
        for (s, v) in [
            ("twenty-one", "21"),
            ("three hundred and forty-two", "342"),
            ("a hundred", "100"),
            ("two million five hundred thousand", "2500000"),
            ("fifty   two", "52"),
            ("ninety - five", "95"),
            ("nineteen hundred", "1900"),
            ("one trillion", "1000000000000"),
        ] {
            assert_eq!(vt(c, s, true).0, d(v), "{s}");
        }
    }

    #[test]
    fn words_that_do_not_combine_stop_the_number() {
        let c = lexes();
        // "trois quatre" is 3 then 4; the span stops after "trois".
        assert_eq!(
            read_with(c, "trois quatre", false),
            Some((d("3"), 5, false))
        );
        assert_eq!(
            read_with(c, "twenty twenty", true),
            Some((d("20"), 6, false))
        );
        // A trailing connector is not part of the number.
        assert_eq!(
            read_with(c, "vingt et des", false),
            Some((d("20"), 5, false))
        );
        assert_eq!(vt(c, "twenty - thirty", true).1, "twenty");
        assert!(read_with(c, "soldats", false).is_none());
    }

    #[test]
    fn ordinals() {
        let c = lexes();
        assert_eq!(
            read_with(c, "deuxième ville", false),
            Some((d("2"), 9, true))
        );
        assert_eq!(
            read_with(c, "twenty-first", true),
            Some((d("21"), 12, true))
        );
        assert_eq!(vt(c, "trois cent vingt seconde", false).0, d("322"));
        assert_eq!(vt(c, "trois billionième", false).0, d("3000000000000"));
        assert_eq!(vt(c, "a hundred trillionth", true).0, d("100000000000000"));
    }

    #[test]
    fn an_ordinal_does_not_add_to_a_complete_amount() {
        let c = lexes();
        // After a scale word the amount is complete: the ordinal is the
        // next word's ("first-lien", "premiers").
        assert_eq!(
            vt(c, "two million first-time buyers", true),
            (d("2000000"), "two million".into())
        );
        assert_eq!(
            vt(c, "trois millions premiers", false),
            (d("3000000"), "trois millions".into())
        );
        assert_eq!(
            vt(c, "cinq mille deuxièmes", false),
            (d("5000"), "cinq mille".into())
        );
        // Past tens or a hundred, or past a connector, it ends the number.
        assert_eq!(vt(c, "one hundred first", true).0, d("101"));
        assert_eq!(vt(c, "twenty-second", true).0, d("22"));
        assert_eq!(vt(c, "a thousand and first", true).0, d("1001"));
        assert_eq!(vt(c, "mille et unième", false).0, d("1001"));
    }

    #[test]
    fn a_connector_does_not_join_two_numbers_of_the_same_scale() {
        let c = lexes();
        for (s, v, en) in [
            ("four hundred and seven hundred", "400", true),
            ("deux cents et trois cents", "200", false),
            ("two thousand and three thousand", "2000", true),
            ("deux mille et cinq mille", "2000", false),
            ("one hundred and one hundred", "100", true),
        ] {
            assert_eq!(vt(c, s, en).0, d(v), "{s}");
        }
        // A smaller part, or a scale that takes the whole, still joins.
        for (s, v, en) in [
            ("one hundred and seven", "107", true),
            ("one hundred and twenty thousand", "120000", true),
            (
                "one hundred and twenty thousand three hundred",
                "120300",
                true,
            ),
            ("two thousand and five hundred", "2500", true),
            ("a million and two hundred thousand", "1200000", true),
            ("deux mille et cinq cents", "2500", false),
        ] {
            assert_eq!(vt(c, s, en).0, d(v), "{s}");
        }
    }
}
