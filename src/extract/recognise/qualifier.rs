//! Qualifiers: before a figure ("environ 2.000", "plus de 250", "at least
//! 40") and after it ("500 or more", "200 ou plus"); each gives the figure
//! its interval.

use rust_decimal::Decimal;

use crate::extract::before::before;
use crate::extract::context::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::lexicon::{LangLexicon, QualifierShape};
use crate::model::{Figure, Kind};

impl<'a> Extractor<'a> {
    /// Applies qualifier `qi` to `f`: its interval and name.
    pub(crate) fn qualify(&self, f: &mut Figure, qi: usize) {
        f.qualifier = Some(qi as u8);
        let Some(v) = f.value() else { return };
        match &self.lex.qualifiers[qi].shape {
            QualifierShape::Approx { low, high } => {
                let (a, b) = (f.low().unwrap_or(v), f.high().unwrap_or(v));
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                let (lo, hi) = if v >= Decimal::ZERO {
                    (a * low, b * high)
                } else {
                    (a * high, b * low)
                };
                f.set_low(Some(lo));
                f.set_high(Some(hi));
            }
            QualifierShape::Lower { .. } => {
                f.set_low(Some(v));
                f.set_high(None);
            }
            QualifierShape::Upper { .. } => {
                f.set_low(None);
                f.set_high(Some(v));
            }
        }
    }

    /// A qualifier written after the figure: "500 or more", "200 ou plus".
    pub(crate) fn postfix_qualifier(&mut self, f: &mut Figure) {
        let text = self.text;
        let Some(v) = f.value() else { return };
        if !(f.kind.is_quantity() || f.kind == Kind::Count) || f.kind == Kind::Range {
            return;
        }
        // "300 troops or more": after the counted noun too.
        let from = match f.entity() {
            Some((s, e)) if s >= f.end() && text[f.end()..s].chars().all(is_space) => e,
            _ => f.end(),
        };
        let q = skip_spaces(text, from);
        if q == from {
            return;
        }
        let Some((e, qi)) = self.phrase_of(q, |l| &l.postfix_qualifiers) else {
            return;
        };
        // "more than 5000 or equal to 6000", "500 au moins 600": the phrase
        // qualifies the next number.
        let n = skip_spaces(text, e);
        if char_at(text, n).is_some_and(|c| c.is_ascii_digit()) {
            return;
        }
        if let Some((s, we)) = word_at(text, n) {
            if self.lexes().any(|l| {
                words::lookup(l, &text[s..we], &mut String::new())
                    .is_some_and(|i| i.cardinal.is_some() && !i.article)
            }) {
                return;
            }
        }
        // "40 and less than 10": the start of a qualifier of the next number.
        if let Some((s, we)) = word_at(text, n) {
            let last = found_phrase_last_word(text, q, e);
            let next = crate::lexicon::fold(&text[s..we]);
            let joined = format!("{last} {next}");
            if self.lexes().any(|l| {
                l.qualifiers
                    .iter()
                    .any(|(p, _)| p == &joined || p.starts_with(&(joined.clone() + " ")))
            }) {
                return;
            }
        }
        // The bound replaces an approximation before ("about 500 or more").
        f.set_low(None);
        f.set_high(None);
        f.set_value(Some(v));
        self.qualify(f, qi);
        f.set_end(e);
    }
}

/// The folded last word of the text between `s` and `e`.
pub(crate) fn found_phrase_last_word(text: &str, s: usize, e: usize) -> String {
    let t = &text[s..e];
    let w = t.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or(t);
    crate::lexicon::fold(w)
}

impl<'a> Extractor<'a> {
    /// A qualifier before the figure ("environ 2.000", "plus de 250", "at
    /// least 40"), not after "=" and the like ("=>30"); returns whether
    /// one was read.
    pub(crate) fn prefix_qualifier(
        &self,
        f: &mut Figure,
        lex: &LangLexicon,
        collective: bool,
    ) -> bool {
        let text = self.text;
        if !(!collective || f.low().is_none() || f.value().is_some()) {
            return false;
        }
        let t = before(text, f.start(), 40);
        let mut found = None;
        let lists = [Some(lex), self.secondary].into_iter().flatten();
        if t.may_end(&self.lex.ends.qualifiers) {
            found = lists
                .flat_map(|l| l.qualifiers.iter())
                .find_map(|(phrase, qi)| Some((t.ends_with_phrase(phrase)?, *qi)));
        }
        // "=>30" is no comparison.
        let odd_symbol = found.is_some_and(|(s, _)| {
            !char_at(text, s).is_some_and(|c| c.is_alphanumeric())
                && char_before(text, s).is_some_and(|c| matches!(c, '=' | '<' | '>' | '!'))
                || char_at(text, s) == Some('=')
                    && char_before(text, s).is_some_and(|c| c.is_alphanumeric())
        });
        if let (Some((s, qi)), false) = (found, odd_symbol) {
            if f.kind.is_quantity() || f.kind == Kind::Count {
                f.set_start(s);
                self.qualify(f, qi);
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn qualifiers_make_intervals() {
        let (t, v, (lo, hi), _) = one("il reste environ 2.000 jihadistes", Lang::new("fr"));
        assert_eq!((t.as_str(), v), ("environ 2.000", Some(d("2000"))));
        assert_eq!((lo, hi), (Some(d("1800")), Some(d("2200"))));
        let (t, _, (lo, hi), _) = one("qui ont fait plus de 250 morts", Lang::new("fr"));
        assert_eq!((t.as_str(), lo, hi), ("plus de 250", Some(d("250")), None));
        let (t, _, (lo, hi), _) = one("at least 40 fighters", Lang::new("en"));
        assert_eq!((t.as_str(), lo, hi), ("at least 40", Some(d("40")), None));
        let (t, _, (lo, hi), _) = one("moins de trois ans", Lang::new("fr"));
        assert_eq!(
            (t.as_str(), lo, hi),
            ("moins de trois ans", None, Some(d("3")))
        );
        let (t, ..) = one("envoyer près de 1\u{a0}500 hommes", Lang::new("fr"));
        assert_eq!(t, "près de 1\u{a0}500");
    }

    #[test]
    fn qualifiers_of_both_languages() {
        let cases = [
            (
                "environ 300 soldats",
                Lang::new("fr"),
                "environ 300",
                Some("270"),
                Some("330"),
            ),
            (
                "quelque 300 soldats",
                Lang::new("fr"),
                "quelque 300",
                Some("270"),
                Some("330"),
            ),
            (
                "presque 300 soldats",
                Lang::new("fr"),
                "presque 300",
                Some("270"),
                Some("300"),
            ),
            (
                "au moins 300 soldats",
                Lang::new("fr"),
                "au moins 300",
                Some("300"),
                None,
            ),
            (
                "jusqu'à 300 soldats",
                Lang::new("fr"),
                "jusqu'à 300",
                None,
                Some("300"),
            ),
            (
                "au-delà de 300 soldats",
                Lang::new("fr"),
                "au-delà de 300",
                Some("300"),
                None,
            ),
            (
                "roughly 300 troops",
                Lang::new("en"),
                "roughly 300",
                Some("270"),
                Some("330"),
            ),
            (
                "over 300 troops",
                Lang::new("en"),
                "over 300",
                Some("300"),
                None,
            ),
            (
                "under 300 troops",
                Lang::new("en"),
                "under 300",
                None,
                Some("300"),
            ),
            (
                "at most 300 troops",
                Lang::new("en"),
                "at most 300",
                None,
                Some("300"),
            ),
            (
                "300 troops or more",
                Lang::new("en"),
                "300 troops or more",
                Some("300"),
                None,
            ),
        ];
        for (t, lang, lit, lo, hi) in cases {
            let (_, (l, h), _) = find(t, lang, lit);
            assert_eq!((l, h), (lo.map(d), hi.map(d)), "{t}");
        }
    }
}
