//! Signs: "-5", "−3", "+2", a sign spaced at the start of a line ("- 10
//! k") or before a temperature ("- 20 degrees"), and sign words ("minus
//! one", "moins 5 degrés").

use crate::extract::context::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    /// A sign separated from the digits by spaces: at the start of a line
    /// ("- 10 k") or before a temperature ("convert - 20 degrees").
    pub(crate) fn spaced_sign(&self, f: &Figure) -> Option<usize> {
        let text = self.text;
        let b = skip_spaces_back(text, f.num_start());
        if b == f.num_start() {
            return None;
        }
        let c = char_before(text, b)?;
        if !matches!(c, '-' | '−') {
            return None;
        }
        let s = b - c.len_utf8();
        let before = text[..s].trim_end_matches(is_space);
        let line_start = before.is_empty() || before.ends_with('\n');
        let temperature = f.kind == Kind::Temperature
            && before.len() < s
            && before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphabetic());
        (line_start || temperature).then_some(s)
    }

    /// A sign word right before `pos` ("minus", "moins"), not between two
    /// numbers ("10 moins 5"): its start.
    pub(crate) fn minus_word(&mut self, pos: usize) -> Option<usize> {
        let text = self.text;
        let b = skip_spaces_back(text, pos);
        if b == pos {
            return None;
        }
        let (ws, we) = word_before(text, b)?;
        let minus = self
            .lexes()
            .any(|l| words::lookup(l, &text[ws..we], &mut String::new()).is_some_and(|i| i.minus));
        if !minus {
            return None;
        }
        let before = skip_spaces_back(text, ws);
        if char_before(text, before).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        if let Some((ps, pe)) = word_before(text, before) {
            let number = self.lexes().any(|l| {
                words::lookup(l, &text[ps..pe], &mut String::new())
                    .is_some_and(|i| i.cardinal.is_some())
            });
            if number {
                return None;
            }
        }
        Some(ws)
    }
}

/// Makes `f` negative: its value and interval.
pub(crate) fn negate(f: &mut Figure) {
    f.set_value(f.value().map(|v| -v));
    let (l, h) = (f.low().map(|v| -v), f.high().map(|v| -v));
    f.set_low(h);
    f.set_high(l);
}

impl<'a> Extractor<'a> {
    /// Sign: "-5", "−3", "+2" (not in "10-20" or "F-16"); "- 10 k" at the
    /// start of a line, "- 20 degrees".
    pub(crate) fn sign(&self, f: &mut Figure) {
        if f.written == Written::Words || f.start() != f.num_start() {
            return;
        }
        let text = self.text;
        if let Some(c @ ('-' | '−' | '+')) = char_before(text, f.num_start()) {
            let s = f.num_start() - c.len_utf8();
            let before = char_before(text, s);
            // "18 -55mm", "10 -20 kg", "1987 -1989": a hyphen between a
            // number and a larger one, spaced before only, separates the
            // ends of a range; it is no sign. Before a smaller number it may
            // be one ("7 -3" in a column of goal differences).
            let range_dash = c == '-' && before.is_some_and(is_space) && {
                let b = skip_spaces_back(text, s);
                char_before(text, b).is_some_and(|c| c.is_ascii_digit())
                    && self.out.last().is_some_and(|p| {
                        p.end() == b && p.value().zip(f.value()).is_some_and(|(a, v)| a < v)
                    })
            };
            if !range_dash && before.is_none_or(|b| !b.is_alphanumeric() && b != '-' && b != '/') {
                f.set_start(s);
                if c != '+' {
                    negate(f);
                }
            }
        } else if let Some(s) = self.spaced_sign(f) {
            f.set_start(s);
            negate(f);
        }
    }

    /// "minus one", "negative five point five", "moins 5 degrés": a sign
    /// word before a figure that has nothing before it yet.
    pub(crate) fn sign_word(&mut self, f: &mut Figure) {
        if f.start() == f.num_start() && f.kind != Kind::Ordinal {
            if let Some(s) = self.minus_word(f.start()) {
                f.set_start(s);
                negate(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn signs_and_sign_words() {
        assert_eq!(
            val("une variation de -5 %", Lang::new("fr"), "-5 %"),
            d("-5")
        );
        assert_eq!(
            val("il fait moins 5 degrés", Lang::new("fr"), "moins 5 degrés"),
            d("-5")
        );
        assert_eq!(val("minus one", Lang::new("en"), "minus one"), d("-1"));
        // "10-20" is no negative number.
        assert!(all("10-20", Lang::new("en"))
            .iter()
            .all(|f| f.1 >= Some(d("0")) || f.1.is_none()));
    }

    #[test]
    fn a_hyphen_after_a_number_and_a_space_is_no_sign() {
        let en = Lang::new("en");
        let fr = Lang::new("fr");
        // Read as a range with the unit of its second end.
        for (t, lang, lit, lo, hi) in [
            ("a 24 -70mm zoom lens", en, "24 -70mm", "24", "70"),
            ("bags of 5 -10 kg each", en, "5 -10 kg", "5", "10"),
            (
                "un objectif 18 -135mm stabilisé",
                fr,
                "18 -135mm",
                "18",
                "135",
            ),
            ("des colis de 2 -5 kg", fr, "2 -5 kg", "2", "5"),
        ] {
            let figs = all(t, lang);
            let r = figs
                .iter()
                .find(|f| f.0 == lit)
                .unwrap_or_else(|| panic!("{t}: {figs:?}"));
            assert_eq!(r.2, (Some(d(lo)), Some(d(hi))), "{t}");
        }
        assert_eq!(val("served from 1994 -1998", en, "1998"), d("1998"));
        // Before a smaller number the hyphen stays a sign: a column of
        // differences ("14 -7"), a year then a change ("en 2020 -1%").
        assert_eq!(val("Rovers 7 2 0 5 7 14 -7 6", en, "-7"), d("-7"));
        assert_eq!(
            val("une croissance en 2021 -2,5 %", fr, "-2,5 %"),
            d("-2.5")
        );
        // A sign after a word, or glued to a number, stays a sign.
        assert_eq!(val("fell to -5 kg", en, "-5 kg"), d("-5"));
        assert_eq!(val("de 3 à -5 degrés", fr, "-5 degrés"), d("-5"));
    }
}
