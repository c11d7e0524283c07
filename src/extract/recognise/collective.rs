//! Collectives: "une centaine d'étrangers", "des dizaines", "plusieurs
//! milliers", "a couple of days", "des dizaines de milliers", "hundreds of
//! thousands"; an approximate interval around their value.

use rust_decimal::Decimal;

use crate::extract::context::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::lexicon::{Collective, LangLexicon, QualifierShape};
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    /// Gives `f` the interval of an approximate collective around its value.
    pub(crate) fn approximate(&self, f: &mut Figure) {
        let Some(v) = f.value else { return };
        if let Some(qi) = self.lex.qualifier_by_name("collective") {
            if let QualifierShape::Approx { low, high } = &self.lex.qualifiers[qi].shape {
                f.low = Some(v * low);
                f.high = Some(v * high);
            }
        }
    }

    /// "une centaine d'étrangers", "des dizaines", "plusieurs milliers".
    pub(crate) fn collective(&mut self, lex: &LangLexicon, pos: usize) -> Option<usize> {
        let text = self.text;
        // The collective is this word, or the next one after an article
        // ("une centaine", "a dozen"); counts of collectives ("deux
        // douzaines") are read as numbers.
        let (w0s, w0e) = word_at(text, pos)?;
        let info0 = words::lookup(lex, &text[w0s..w0e], &mut self.buf)?.clone();
        let (_, ce, col) = if let Some(col) = info0.collective.clone() {
            // A singular collective needs its article: "une quarantaine",
            // not "la quarantaine" (quarantine).
            if matches!(col, Collective::About(_)) {
                return None;
            }
            (w0s, w0e, col)
        } else if info0.article {
            let after = skip_spaces(text, w0e);
            let (cs, ce) = word_at(text, after)?;
            let col = words::lookup(lex, &text[cs..ce], &mut self.buf)?
                .collective
                .clone()?;
            (cs, ce, col)
        } else {
            return None;
        };
        // "des dizaines de milliers", "hundreds of thousands", "une
        // centaine de milliers": a collective of a larger collective.
        let (ce, times) = match self.collective_of_collective(lex, &col, ce) {
            Some((e, m)) => (e, m),
            None => (ce, Decimal::ONE),
        };
        let mut f = Figure::new(pos, ce, None, Written::Words);
        match col {
            Collective::About(v) => {
                f.value = v.checked_mul(times);
                self.approximate(&mut f);
            }
            Collective::Between(l, h, _) => {
                f.low = l.checked_mul(times);
                // Up to the last of the larger ones: "des dizaines de
                // milliers" is at most 99,999.
                f.high = if times > Decimal::ONE {
                    (h + Decimal::ONE)
                        .checked_mul(times)
                        .map(|x| x - Decimal::ONE)
                } else {
                    Some(h)
                };
            }
        }
        // A modifier before a plural collective belongs to the figure.
        let t = tail(text, pos, 24);
        for m in &lex.collective_modifiers {
            if let Some(s) = t.ends_with_phrase(m) {
                f.start = s;
                break;
            }
        }
        // "a couple of days", "une dizaine de jours": a unit after the link.
        let up = self.after_link(lex, skip_spaces(text, ce));
        if let Some(u) = unit_at(self.lex, text, up).filter(|u| u.end - u.start > 2) {
            let def = &self.lex.units[u.unit];
            f.kind = def.kind;
            f.unit = Some(u.unit as u16);
            f.end = u.end;
            f.seconds = self.seconds_of(&f);
            // "un homme d'une cinquantaine d'années".
            if def.kind == Kind::Duration && def.id == "year" && self.is_age(&f) {
                f.kind = Kind::Age;
            }
            self.finish_figure(f, lex, true);
            return Some(u.end);
        }
        if let Some((_, e)) = counted_noun(
            lex,
            &self.lex.debris,
            text,
            ce,
            true,
            self.head_last(),
            &mut self.buf,
        ) {
            f.entity = Some(word_span_at(text, e));
        }
        self.finish_figure(f, lex, true);
        Some(ce)
    }

    /// A plural collective after the collective `col` ending at `ce`, past a
    /// link ("dizaines de milliers", "tens of thousands"): where it ends and
    /// what one of it counts.
    pub(crate) fn collective_of_collective(
        &mut self,
        lex: &LangLexicon,
        col: &Collective,
        ce: usize,
    ) -> Option<(usize, Decimal)> {
        let text = self.text;
        let q = skip_spaces(text, ce);
        let up = self.after_link(lex, q);
        if up == q {
            return None;
        }
        let (s, e) = word_at(text, up)?;
        if s != up {
            return None;
        }
        let each = match &words::lookup(lex, &text[s..e], &mut self.buf)?.collective {
            Some(Collective::Between(_, _, Some(each))) => *each,
            _ => return None,
        };
        let own = match col {
            Collective::About(v) => *v,
            Collective::Between(_, h, _) => *h,
        };
        (each > own).then_some((e, each))
    }
}

/// The noun-like word span that ends at `end` (its start found backwards).
pub(crate) fn word_span_at(text: &str, end: usize) -> (usize, usize) {
    let mut s = end;
    for c in text[..end].chars().rev() {
        if c.is_alphabetic() || c == '-' {
            s -= c.len_utf8();
        } else {
            break;
        }
    }
    (s, end)
}
