//! Qualifiers: before a figure ("environ 2.000", "plus de 250", "at least
//! 40") and after it ("500 or more", "200 ou plus"); each gives the figure
//! its interval.

use rust_decimal::Decimal;

use crate::extract::context::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::lexicon::QualifierShape;
use crate::model::{Figure, Kind};

impl<'a> Extractor<'a> {
    /// Applies qualifier `qi` to `f`: its interval and name.
    pub(crate) fn qualify(&self, f: &mut Figure, qi: usize) {
        f.qualifier = Some(qi as u8);
        let Some(v) = f.value else { return };
        match &self.lex.qualifiers[qi].shape {
            QualifierShape::Approx { low, high } => {
                let (a, b) = (f.low.unwrap_or(v), f.high.unwrap_or(v));
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                let (lo, hi) = if v >= Decimal::ZERO {
                    (a * low, b * high)
                } else {
                    (a * high, b * low)
                };
                f.low = Some(lo);
                f.high = Some(hi);
            }
            QualifierShape::Lower { .. } => {
                f.low = Some(v);
                f.high = None;
            }
            QualifierShape::Upper { .. } => {
                f.low = None;
                f.high = Some(v);
            }
        }
    }

    /// A qualifier written after the figure: "500 or more", "200 ou plus".
    pub(crate) fn postfix_qualifier(&mut self, f: &mut Figure) {
        let text = self.text;
        let Some(v) = f.value else { return };
        if !(f.kind.is_quantity() || f.kind == Kind::Count) || f.kind == Kind::Range {
            return;
        }
        // "300 troops or more": after the counted noun too.
        let from = match f.entity {
            Some((s, e)) if s >= f.end && text[f.end..s].chars().all(is_space) => e,
            _ => f.end,
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
        f.low = None;
        f.high = None;
        f.value = Some(v);
        self.qualify(f, qi);
        f.end = e;
    }
}

/// The folded last word of the text between `s` and `e`.
pub(crate) fn found_phrase_last_word(text: &str, s: usize, e: usize) -> String {
    let t = &text[s..e];
    let w = t.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or(t);
    crate::lexicon::fold(w)
}
