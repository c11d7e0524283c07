//! Proportions written with two numbers: "2 sur 3", "1 in 5", "two out
//! of three", "1 over 3", "un Français sur deux".

use rust_decimal::Decimal;

use crate::extract::context::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::lexicon::{FractionLink, LangLexicon};
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    /// "2 sur 3", "1 in 5", "two out of three", "1 over 3": the proportion
    /// `f` starts, pushed; returns where the scan goes on.
    pub(crate) fn fraction_link(&mut self, f: &mut Figure, p: usize) -> Option<usize> {
        let text = self.text;
        let n = f.value()?;
        if f.kind != Kind::Count || f.decimals > 0 || n < Decimal::ZERO {
            return None;
        }
        let q = skip_spaces(text, p);
        if q == p {
            return None;
        }
        let (pe, link) = self.phrase_of(q, |l| &l.fraction_links)?;
        let r = skip_spaces(text, pe);
        if r == pe {
            return None;
        }
        let (m, de, written) = self.number_at(r)?;
        if m <= Decimal::ZERO || m.fract() != Decimal::ZERO {
            return None;
        }
        if link == FractionLink::Proper && n > m {
            return None;
        }
        // "2 in 2019": a year, not a proportion.
        if written == Written::Digits
            && de - r == 4
            && m >= Decimal::from(1900)
            && m <= Decimal::from(2100)
        {
            return None;
        }
        // "$2000 over 3 years", "7 jours sur 7": a measure, not a proportion.
        let after = skip_spaces(text, de);
        if unit_at(self.lex, text, after).is_some() {
            return None;
        }
        f.set_value(Some((n / m).normalize()));
        f.kind = Kind::Fraction;
        f.decimals = 1;
        f.set_end(de);
        f.set_num_end(de);
        if let Some((s, e)) = counted_noun(
            self.primary,
            &self.lex.debris,
            text,
            de,
            true,
            self.head_last(),
            &mut self.buf,
            &mut self.word,
        ) {
            f.set_entity(Some((s, e)));
        }
        self.finish_figure(*f, self.primary, false);
        Some(de)
    }

    /// "un Français sur deux", "une entreprise sur trois": one of a noun in
    /// so many, a proportion of that noun.
    pub(crate) fn one_noun_in(&mut self, lex: &LangLexicon, mut f: Figure) -> Option<usize> {
        let text = self.text;
        if !lex.articles_count {
            return None;
        }
        let q = skip_spaces(text, f.end());
        let (s, e) = word_at(text, q)?;
        if s != q || q == f.end() || words::lookup(lex, &text[s..e], &mut self.buf).is_some() {
            return None;
        }
        // The whole is a number: not "un reportage sur une bibliothèque".
        let l = skip_spaces(text, e);
        let (le, _) = self.phrase_of(l, |x| &x.fraction_links)?;
        let r = skip_spaces(text, le);
        if let Some((ws, we)) = word_at(text, r) {
            if ws == r
                && words::lookup(lex, &text[ws..we], &mut self.buf).is_some_and(|i| i.article)
            {
                return None;
            }
        }
        let n = self.out.len();
        let end = self.fraction_link(&mut f, e)?;
        if let Some(g) = self.out.get_mut(n) {
            g.set_entity(Some((s, e)));
        }
        Some(end)
    }
}

impl<'a> Extractor<'a> {
    /// A proportion after the count or fraction `f`, unless money ("$2
    /// in 3" is no proportion): "2 sur 3", "1 in 5".
    pub(crate) fn proportion(
        &mut self,
        f: &mut Figure,
        p: usize,
        money_prefix: bool,
    ) -> Option<usize> {
        if !matches!(f.kind, Kind::Count | Kind::Fraction) || money_prefix {
            return None;
        }
        self.fraction_link(f, p)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn one_in_so_many() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        for (t, lang, lit, v) in [
            ("un sur quatre", fr, "un sur quatre", "0.25"),
            (
                "Un Français sur cinq a voté.",
                fr,
                "Un Français sur cinq",
                "0.2",
            ),
            (
                "une entreprise sur quatre",
                fr,
                "une entreprise sur quatre",
                "0.25",
            ),
            ("one in four Americans", en, "one in four", "0.25"),
        ] {
            let fig = figure(t, lang, lit);
            assert_eq!((fig.kind, fig.value()), (Kind::Fraction, Some(d(v))), "{t}");
        }
        let t = "Un Français sur cinq a voté.";
        let f = figs(t, fr);
        assert_eq!(entity(t, &f[0].1), Some("Français"));
        // The whole must be a number, and English "a" is no numeral.
        assert!(all("lors d'un reportage sur une bibliothèque", fr).is_empty());
        assert!(all("a candidate in a district", en).is_empty());
        // "un franc succès" is no sum of money.
        assert!(all("un franc succès", fr).is_empty());
        // An article, a noun and no proportion: no figure but the days.
        assert_eq!(
            all("un homme est venu sur deux jours", fr)
                .into_iter()
                .map(|x| x.0)
                .collect::<Vec<_>>(),
            ["deux jours"]
        );
    }
}
