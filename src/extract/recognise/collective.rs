//! Collectives: "une centaine d'étrangers", "des dizaines", "plusieurs
//! milliers", "a couple of days", "des dizaines de milliers", "hundreds of
//! thousands"; an approximate interval around their value.

use rust_decimal::Decimal;

use crate::extract::before::before;
use crate::extract::context::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::lexicon::{Collective, LangLexicon, QualifierShape};
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    /// Gives `f` the interval of an approximate collective around its value.
    pub(crate) fn approximate(&self, f: &mut Figure) {
        let Some(v) = f.value() else { return };
        if let Some(qi) = self.lex.qualifier_by_name("collective") {
            if let QualifierShape::Approx { low, high } = &self.lex.qualifiers[qi].shape {
                f.set_low(Some(v * low));
                f.set_high(Some(v * high));
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
                f.set_value(v.checked_mul(times));
                self.approximate(&mut f);
            }
            Collective::Between(l, h, _) => {
                f.set_low(l.checked_mul(times));
                // Up to the last of the larger ones: "des dizaines de
                // milliers" is at most 99,999.
                f.set_high(if times > Decimal::ONE {
                    (h + Decimal::ONE)
                        .checked_mul(times)
                        .map(|x| x - Decimal::ONE)
                } else {
                    Some(h)
                });
            }
        }
        // A modifier before a plural collective belongs to the figure.
        let t = before(text, pos, 24);
        for m in &lex.collective_modifiers {
            if let Some(s) = t.ends_with_phrase(m) {
                f.set_start(s);
                break;
            }
        }
        // "a couple of days", "une dizaine de jours": a unit after the link.
        let up = self.after_link(lex, skip_spaces(text, ce));
        if let Some(u) = unit_at(self.lex, text, up).filter(|u| u.end - u.start > 2) {
            let def = &self.lex.units[u.unit];
            f.kind = def.kind;
            f.unit = Some(u.unit as u16);
            f.set_end(u.end);
            f.set_seconds(self.seconds_of(&f));
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
            &mut self.word,
        ) {
            f.set_entity(Some(word_span_at(text, e)));
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

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn collectives() {
        let t = "avec seulement une centaine d'étrangers";
        let v = figs(t, Lang::new("fr"));
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, "une centaine");
        assert_eq!(v[0].1.value(), Some(d("100")));
        assert_eq!(entity(t, &v[0].1), Some("étrangers"));
        let (_, v, (lo, hi), _) = one("des centaines de soldats", Lang::new("fr"));
        assert_eq!((v, lo, hi), (None, Some(d("200")), Some(d("999"))));
    }

    #[test]
    fn collectives_and_their_intervals() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        let (v, (lo, hi), _) = find("une soixantaine de pays", fr, "une soixantaine");
        assert_eq!((v, lo, hi), (Some(d("60")), Some(d("48")), Some(d("72"))));
        let (v, (lo, hi), _) = find(
            "plusieurs milliers de manifestants",
            fr,
            "plusieurs milliers",
        );
        assert_eq!((v, lo, hi), (None, Some(d("2000")), Some(d("9999"))));
        let (_, (lo, hi), _) = find("un millier de personnes", fr, "un millier");
        assert_eq!((lo, hi), (Some(d("800")), Some(d("1200"))));
        let (_, (lo, hi), _) = find("dozens of people", en, "dozens");
        assert_eq!((lo, hi), (Some(d("24")), Some(d("99"))));
        let (_, (lo, hi), _) = find("hundreds of civilians", en, "hundreds");
        assert_eq!((lo, hi), (Some(d("200")), Some(d("999"))));
        assert_eq!(val("deux douzaines d'oeufs", fr, "deux douzaines"), d("24"));
        // "la quarantaine" is a quarantine.
        assert!(all("placés en quarantaine", fr).is_empty());
    }

    #[test]
    fn collectives_of_collectives() {
        let en = Lang::new("en");
        let fr = Lang::new("fr");
        let d2 = |a: &str, b: &str| (Some(d(a)), Some(d(b)));
        for (t, lang, lit, iv) in [
            (
                "tens of thousands of people",
                en,
                "tens of thousands",
                d2("20000", "99999"),
            ),
            (
                "hundreds of thousands of refugees",
                en,
                "hundreds of thousands",
                d2("200000", "999999"),
            ),
            (
                "des dizaines de milliers de manifestants",
                fr,
                "des dizaines de milliers",
                d2("20000", "99999"),
            ),
            (
                "plusieurs centaines de milliers",
                fr,
                "plusieurs centaines de milliers",
                d2("200000", "999999"),
            ),
            (
                "une centaine de milliers de personnes",
                fr,
                "une centaine de milliers",
                d2("80000", "120000"),
            ),
            ("thousands of troops", en, "thousands", d2("2000", "9999")),
        ] {
            assert_eq!(find(t, lang, lit).1, iv, "{t}");
        }
        let (_, iv, k) = find(
            "des dizaines de millions d'euros",
            fr,
            "des dizaines de millions d'euros",
        );
        assert_eq!((iv, k), (d2("20000000", "99999999"), Kind::Money));
    }
}
