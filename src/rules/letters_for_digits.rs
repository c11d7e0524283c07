//! Scans each document for words of ASCII letters and digits that read as
//! a number once the look-alike letters (O, o, l, I) are taken for digits,
//! each letter before a digit and the word apart from other letters,
//! hyphens and points, when the reading is a number as one writes it (no
//! leading zero: that is a code such as a serotype or a lot; a capital I
//! only in a year).

use serde::Deserialize;

use super::{Check, Context, Finding, RuleDef};

fn digit_for(c: char) -> Option<char> {
    match c {
        'O' | 'o' => Some('0'),
        'l' | 'I' => Some('1'),
        _ => None,
    }
}

/// The number a word would be with its look-alike letters read as digits;
/// `group` when the word is a group after a separator ("1,2O0"), which may
/// start with a zero.
fn reading(word: &str, group: bool) -> Option<String> {
    // Most words hold fewer than two digits: they are dismissed before
    // their characters are collected.
    if word.bytes().filter(u8::is_ascii_digit).count() < 2 {
        return None;
    }
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 {
        return None;
    }
    let digits = chars.iter().filter(|c| c.is_ascii_digit()).count();
    if digits < 2 || digits == chars.len() {
        return None;
    }
    let mut out = String::with_capacity(chars.len());
    for (k, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            out.push(c);
            continue;
        }
        let d = digit_for(c)?;
        // A capital I opening a word is a name ("I24", "I95").
        if k == 0 && c == 'I' {
            return None;
        }
        // A look-alike letter must stand before a digit.
        if !chars.get(k + 1).is_some_and(|n| n.is_ascii_digit()) {
            return None;
        }
        out.push(d);
    }
    // The reading must be a number as one writes it: a leading zero makes
    // a code of fixed shape, a letter and digits ("O26", "O157:H7" serotypes,
    // lot "O123", flight "O815"), not a typo.
    if out.starts_with('0') && !group {
        return None;
    }
    // A capital I among digits names a subunit, gene or model ("4I2");
    // it is taken for a 1 only where the reading is a year ("19I2").
    if word.contains('I')
        && !out
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2199).contains(&y) && out.len() == 4)
    {
        return None;
    }
    Some(out)
}

/// Parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct LettersForDigits {}

impl Check for LettersForDigits {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(cx, rule, out);
    }
}

fn check(cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    for (d, doc) in cx.docs() {
        let text = doc.text.as_str();
        let bytes = text.as_bytes();
        // The words (runs of ASCII letters and digits) that hold a digit,
        // found from their digits: most words hold none.
        let mut i = 0;
        while let Some(p) = bytes[i..].iter().position(u8::is_ascii_digit) {
            let mut s = i + p;
            while s > i && bytes[s - 1].is_ascii_alphanumeric() {
                s -= 1;
            }
            let mut e = i + p;
            while e < bytes.len() && bytes[e].is_ascii_alphanumeric() {
                e += 1;
            }
            i = e;
            // Only a word of two digits or more may read as a number
            // (see `reading`).
            if bytes[s..e].iter().filter(|b| b.is_ascii_digit()).count() < 2 {
                continue;
            }
            // The groups of digits before the word when it ends a grouped
            // number ("1,2O0"): the figure shown is the whole number.
            let mut gs = s;
            while let Some(head) = text[..gs].strip_suffix([',', '.']) {
                let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                if digits == 0 || digits > 3 {
                    break;
                }
                gs = head.len() - digits;
            }
            let group = gs < s;
            // Glued to other letters, hyphens or points: a code or a name.
            let before = text[..gs].chars().next_back();
            let after = text[e..].chars().next();
            let glued = |c: Option<char>| {
                c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.' | '@'))
            };
            if glued(before) || (glued(after) && after != Some('.')) {
                continue;
            }
            let word = &text[s..e];
            // A group of three after a separator, or a word on its own.
            if group && word.len() != 3 {
                continue;
            }
            if let Some(n) = reading(word, group) {
                let claims = corpus.doc_claims[d]
                    .clone()
                    .filter(|&k| {
                        let f = &corpus.claims[k].fig;
                        f.start() < e && s < f.end()
                    })
                    .collect();
                let (written, head) = (&text[gs..e], &text[gs..s]);
                out.push(Finding::at_span(
                    rule,
                    d as u32,
                    (gs, e),
                    format!(
                        "malformed value `{written}`: a letter stands for a digit (`{head}{n}`?)"
                    ),
                    claims,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC105");
    }

    use crate::model::Lang;
    use crate::rules::rule_tests::messages;

    #[test]
    fn typos_are_caught_and_codes_are_not() {
        let en = messages(
            "FC105",
            &["Reuters said the plant opened in l986; the toll rose to 1,2O0."],
            Lang::new("en"),
            None,
        );
        assert_eq!(en.len(), 2, "{en:?}");
        assert!(en[0].contains("`l986`") && en[0].contains("1986"), "{en:?}");
        assert!(
            en[1].contains("`1,2O0`") && en[1].contains("`1,200`?"),
            "{en:?}"
        );
        let grouped = messages(
            "FC105",
            &["Il y a eu 1.O00 morts et 12,3O5,000 euros."],
            Lang::new("fr"),
            None,
        );
        assert_eq!(grouped.len(), 2, "{grouped:?}");
        assert!(grouped[0].contains("`1.O00`"), "{grouped:?}");
        let fr = messages(
            "FC105",
            &["Rappel des lots L032, B12 et O123 : E. coli O26 et O157:H7 détectées."],
            Lang::new("fr"),
            None,
        );
        assert!(fr.is_empty(), "{fr:?}");
    }

    use super::reading;

    #[test]
    fn look_alikes() {
        assert_eq!(reading("1O0", false).as_deref(), Some("100"));
        assert_eq!(reading("l00", false).as_deref(), Some("100"));
        assert_eq!(reading("2O14", false).as_deref(), Some("2014"));
        assert_eq!(reading("100l", false), None);
        assert_eq!(reading("CO2", false), None);
        assert_eq!(reading("O2", false), None);
        assert_eq!(reading("100", false), None);
        assert_eq!(reading("lo0", false), None);
        assert_eq!(reading("I24", false), None);
        // Codes of fixed shape: a letter that would lead with a zero.
        assert_eq!(reading("O26", false), None);
        assert_eq!(reading("O157", false), None);
        assert_eq!(reading("O815", false), None);
        // A capital I among digits, unless the whole reads as a year.
        assert_eq!(reading("4I2", false), None);
        assert_eq!(reading("19I2", false).as_deref(), Some("1912"));
        // A lower-case l for a 1 in a year (wire copy): a typo.
        assert_eq!(reading("l986", false).as_deref(), Some("1986"));
        assert_eq!(reading("l9l2", false).as_deref(), Some("1912"));
    }
}
