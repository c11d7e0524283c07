//! Ranges joined from two figures: "entre 10 et 20", "10-20", "from 5 to
//! 10", "about 20~100", "du 3e au 5e", "more than 10 and less than 40".

use rust_decimal::Decimal;

use crate::extract::before::before;
use crate::extract::context::*;
use crate::extract::recognise::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::lexicon::{LangLexicon, QualifierShape};
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    pub(crate) fn join_ranges(&mut self) {
        let lex = self.primary;
        // The figures are rewritten in place, `w` the next to write: a
        // figure is moved only after a range has joined two into one.
        let n = self.out.len();
        let (mut i, mut w) = (0, 0);
        while i < n {
            // "1 1 1": a bare figure has no link or opener near to join
            // it with the next.
            if i + 1 < n && !self.is_bare(&self.out[i]) {
                let (a, b) = (self.out[i], self.out[i + 1]);
                // "passé de 30 à 50 euros": a value before and after.
                if let Some(before) = self.change_before(lex, &a, &b) {
                    self.out[w] = before;
                    self.out[w + 1] = b;
                    w += 2;
                    i += 2;
                    continue;
                }
                if let Some(r) = self.range_of(lex, &a, &b) {
                    self.out[w] = r;
                    w += 1;
                    i += 2;
                    continue;
                }
            }
            if w != i {
                self.out[w] = self.out[i];
            }
            w += 1;
            i += 1;
        }
        self.out.truncate(w);
    }

    pub(crate) fn range_of(&self, lex: &LangLexicon, a: &Figure, b: &Figure) -> Option<Figure> {
        let text = self.text;
        let same_kind = |k: Kind| {
            matches!(
                k,
                Kind::Count
                    | Kind::Fraction
                    | Kind::Percent
                    | Kind::Money
                    | Kind::Measure
                    | Kind::Temperature
                    | Kind::Duration
                    | Kind::Age
            )
        };
        if let Some(r) = self.bounded_pair(lex, a, b) {
            return Some(r);
        }
        if a.kind == Kind::Ordinal && b.kind == Kind::Ordinal {
            return self.ordinal_range(lex, a, b);
        }
        // "1000-5000": a first number read as a year is none when the
        // second is no year.
        let year_only = a.kind == Kind::Date
            && a.value().is_some()
            && a.date
                .is_some_and(|d| d.month().is_none() && d.day().is_none());
        let b_year = year_shaped(b);
        let a_kind = if year_only && b.kind == Kind::Count && !b_year {
            Kind::Count
        } else {
            a.kind
        };
        // "about 20~100": an approximation may open a range.
        let approx = a.qualifier.is_some_and(|q| {
            matches!(
                self.lex.qualifiers[q as usize].shape,
                QualifierShape::Approx { .. }
            )
        });
        if !same_kind(a_kind) || !same_kind(b.kind) || a.qualifier.is_some() && !approx {
            return None;
        }
        if a.entity().is_some() || a_kind != b.kind && a_kind != Kind::Count {
            return None;
        }
        let (av, bv) = (a.value()?, b.value()?);
        // A range rises: nothing of the text joins a second end that is
        // not above the first.
        if av >= bv || b.start() < a.end() || b.start() - a.end() > 12 {
            return None;
        }
        let mut gap = crate::lexicon::fold(text[a.end()..b.start()].trim());
        // "entre un tiers et la moitié": a fraction may take its article.
        if b.kind == Kind::Fraction {
            gap = without_article(lex, &gap).to_string();
        }
        let t = before(text, a.start(), 16);
        let mut start = a.start();
        let mut ok = false;
        let openers = lex.range_openers.iter().chain(
            self.secondary
                .map(|l| l.range_openers.iter())
                .into_iter()
                .flatten(),
        );
        let found = t.may_end(&self.lex.ends.range_openers).then(|| {
            openers
                .filter(|(_, joiner)| gap == *joiner)
                .find_map(|(opener, _)| t.ends_with_phrase(opener))
        });
        if let Some(s) = found.flatten() {
            start = s;
            ok = true;
        }
        if !ok {
            let dash = matches!(gap.as_str(), "-" | "–" | "—");
            let word_joiner = lex
                .range_joiners
                .iter()
                .chain(
                    self.secondary
                        .map(|l| l.range_joiners.iter())
                        .into_iter()
                        .flatten(),
                )
                .any(|j| *j == gap);
            if !(word_joiner || dash) {
                return None;
            }
            // A dash range must be tight or spaced on both sides.
            if dash && (text[a.end()..b.start()].len() > 5) {
                return None;
            }
            // "a record of 5–18", "lost 1–3": a score is two counts.
            if dash
                && a_kind == Kind::Count
                && b.kind == Kind::Count
                && b.unit.is_none()
                && b.entity().is_none()
                && self.after_score_word(a.start())
            {
                return None;
            }
        }
        let mut r = *b;
        r.set_start(if approx { a.start() } else { start });
        r.set_num_start(a.num_start());
        r.set_value(None);
        r.set_low(Some(
            match a.scale == Decimal::ONE && b.scale != Decimal::ONE && a.written != Written::Words
            {
                true => av * b.scale,
                false => av * self.grouped_scale(a, b),
            },
        ));
        r.set_high(Some(bv));
        if r.low() >= r.high() {
            r.set_low(Some(av));
        }
        r.kind = Kind::Range;
        if r.unit.is_none() {
            r.unit = a.unit;
        }
        Some(r)
    }

    /// "entre 15 et 20.000 euros": a bare small integer before an upper end
    /// written with digit grouping takes the thousands of that end (15 000),
    /// as "entre 15 et 20 millions" takes the scale word; 1 otherwise. The
    /// multiplier is the largest power of 1000 that divides the upper end
    /// and keeps the lower end at most the upper one.
    fn grouped_scale(&self, a: &Figure, b: &Figure) -> Decimal {
        let (Some(av), Some(bv)) = (a.value(), b.value()) else {
            return Decimal::ONE;
        };
        let a_text = &self.text[a.num_start()..a.num_end()];
        let b_text = &self.text[b.num_start()..b.num_end()];
        let bare = a.written == Written::Digits
            && a.scale == Decimal::ONE
            && a_text.bytes().all(|c| c.is_ascii_digit())
            && av >= Decimal::ONE
            && av < Decimal::ONE_THOUSAND;
        let grouped = b.written == Written::Digits
            && b.scale == Decimal::ONE
            && b.decimals == 0
            && b_text.starts_with(|c: char| c.is_ascii_digit())
            && b_text.chars().any(|c| !c.is_ascii_digit());
        if !bare || !grouped || !bv.fract().is_zero() {
            return Decimal::ONE;
        }
        let mut m = Decimal::ONE;
        while let Some(next) = m.checked_mul(Decimal::ONE_THOUSAND) {
            if !(bv % next).is_zero() || av * next > bv {
                break;
            }
            m = next;
        }
        m
    }

    /// Whether one of the three words before `pos` names a score or a
    /// win–loss record ("a record of", "finished", "bilan de").
    fn after_score_word(&self, pos: usize) -> bool {
        let t = tail(self.text, pos, 40);
        let words: Vec<&str> = t
            .norm
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')'))
            .filter(|w| !w.is_empty())
            .collect();
        // The first word of the tail may be cut.
        let whole = t.offsets.first().is_none_or(|&o| {
            char_before(self.text, o).is_none_or(|c| !crate::extract::words::is_word_char(c))
        });
        let keep = words.len().saturating_sub(usize::from(!whole)).min(3);
        let last = format!(" {} ", words[words.len() - keep..].join(" "));
        self.lexes()
            .flat_map(|l| l.score_words.iter())
            .any(|w| last.contains(&format!(" {w} ")))
    }

    /// "le plafond est passé de 30 à 50 euros", "rose from 12 to 15 %":
    /// after a verb of change, "de X à Y" is a value before and a value
    /// after. Returns the first with the kind, unit and scale of the
    /// second; `None` when `a` and `b` are no such pair.
    pub(crate) fn change_before(
        &self,
        lex: &LangLexicon,
        a: &Figure,
        b: &Figure,
    ) -> Option<Figure> {
        let text = self.text;
        // A single quantity: not already a range or a proportion, nor an age.
        let quantity =
            |k: Kind| k.is_quantity() && !matches!(k, Kind::Range | Kind::Fraction | Kind::Age);
        if !quantity(a.kind) || !quantity(b.kind) || a.kind != b.kind && a.kind != Kind::Count {
            return None;
        }
        if a.qualifier.is_some()
            || a.entity().is_some()
            || a.value().is_none()
            || b.value().is_none()
        {
            return None;
        }
        // "passe de 0 à 100 km/h en 3 secondes": a sprint from rest is the
        // range of a scale.
        if b.start() < a.end() || b.start() - a.end() > 12 || a.value() == Some(Decimal::ZERO) {
            return None;
        }
        let t = before(text, a.start(), 16);
        if !t.may_end(&self.lex.ends.range_openers) {
            return None;
        }
        let gap = crate::lexicon::fold(text[a.end()..b.start()].trim());
        let opener = lex
            .range_openers
            .iter()
            .chain(self.secondary.iter().flat_map(|l| l.range_openers.iter()))
            .filter(|(o, j)| *j == gap && self.lexes().any(|l| l.change_links.contains(o)))
            .find_map(|(o, _)| t.ends_with_phrase(o))?;
        // The verb, or the verb and up to two words of a complement: "est
        // passé en France de 30 à 50 euros".
        let mut at = opener;
        let mut changed = false;
        for _ in 0..3 {
            let Some((ws, we)) = word_before(text, skip_spaces_back(text, at)) else {
                break;
            };
            let verb = text[ws..we].to_lowercase();
            let falls = a.value() > b.value();
            if self.lexes().any(|l| {
                l.change_verbs.iter().any(|v| verb.starts_with(v.as_str()))
                    || falls && l.fall_verbs.iter().any(|v| verb.starts_with(v.as_str()))
            }) {
                changed = true;
                break;
            }
            at = ws;
        }
        if !changed {
            return None;
        }
        let mut f = *a;
        if f.kind == Kind::Count && b.kind != Kind::Count {
            f.kind = b.kind;
        }
        if f.unit.is_none() {
            f.unit = b.unit;
        }
        if f.scale == Decimal::ONE && b.scale != Decimal::ONE && f.written != Written::Words {
            f.set_value(f.value().and_then(|v| v.checked_mul(b.scale)));
            f.scale = b.scale;
        }
        if f.kind == Kind::Duration && f.seconds().is_none() {
            f.set_seconds(self.seconds_of(&f));
        }
        Some(f)
    }

    /// "between the tenth and the fifteenth", "du 3e au 5e", "10th-15th":
    /// a range of ranks, each end maybe with its article.
    pub(crate) fn ordinal_range(
        &self,
        lex: &LangLexicon,
        a: &Figure,
        b: &Figure,
    ) -> Option<Figure> {
        let text = self.text;
        let (av, bv) = (a.value()?, b.value()?);
        if av >= bv || b.start() < a.end() || b.start() - a.end() > 16 {
            return None;
        }
        let gap = crate::lexicon::fold(text[a.end()..b.start()].trim());
        let gap = without_article(lex, &gap);
        let mut start = None;
        if matches!(gap, "-" | "–") && b.start() - a.end() <= 3 {
            start = Some(a.start());
        } else {
            let t = tail(text, a.start(), 24);
            let before = without_article(lex, t.norm.trim_end());
            for (opener, joiner) in &lex.range_openers {
                if gap == joiner && before.ends_with(opener.as_str()) {
                    let at = before.len() - opener.len();
                    if at == 0 || before[..at].ends_with(' ') {
                        start = t.offsets.get(at).copied();
                    }
                }
            }
        }
        let mut r = *b;
        r.set_start(start?);
        r.set_num_start(a.num_start());
        r.set_value(None);
        r.set_low(Some(av));
        r.set_high(Some(bv));
        r.kind = Kind::Range;
        Some(r)
    }

    /// "more than 10 and less than 40", "greater than 30 and less than or
    /// equal to 40": a lower bound and an upper bound make a range.
    pub(crate) fn bounded_pair(&self, lex: &LangLexicon, a: &Figure, b: &Figure) -> Option<Figure> {
        let text = self.text;
        let (qa, qb) = (a.qualifier?, b.qualifier?);
        let shape = |q: u8| &self.lex.qualifiers[q as usize].shape;
        let (lo, hi) = match (shape(qa), shape(qb)) {
            (QualifierShape::Lower { .. }, QualifierShape::Upper { .. }) => (a.low()?, b.high()?),
            (QualifierShape::Upper { .. }, QualifierShape::Lower { .. }) => (b.low()?, a.high()?),
            _ => return None,
        };
        if lo >= hi || b.start() < a.end() || b.start() - a.end() > 8 {
            return None;
        }
        let gap = crate::lexicon::fold(text[a.end()..b.start()].trim());
        let joins = gap == ","
            || lex
                .range_openers
                .iter()
                .chain(self.secondary.iter().flat_map(|l| l.range_openers.iter()))
                .any(|(_, j)| *j == gap)
            || self
                .lexes()
                .any(|l| words::lookup(l, &gap, &mut String::new()).is_some_and(|i| i.connector))
            // "but", "mais": of the document's language or a fallback one.
            || self.shared_lexes().any(|l| l.bound_links.contains(&gap));
        if !joins {
            return None;
        }
        let mut r = *b;
        r.set_start(a.start());
        r.set_num_start(a.num_start());
        r.set_value(None);
        r.set_low(Some(lo));
        r.set_high(Some(hi));
        r.kind = Kind::Range;
        r.qualifier = None;
        if r.unit.is_none() {
            r.unit = a.unit;
        }
        Some(r)
    }
}

/// Folded `s` without the definite article that ends it ("et la" is "et",
/// "entre l'" is "entre").
pub(crate) fn without_article<'s>(lex: &LangLexicon, s: &'s str) -> &'s str {
    for art in &lex.definite_articles {
        if let Some(rest) = s.strip_suffix(art.as_str()) {
            if rest.is_empty() || rest.ends_with(' ') || art.ends_with('\'') {
                return rest.trim_end();
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn links_of_bounds_are_each_languages_data() {
        let (_, (lo, hi), k) = find(
            "más de 10 pero menos de 40",
            Lang::new("es"),
            "más de 10 pero menos de 40",
        );
        assert_eq!((lo, hi, k), (Some(d("10")), Some(d("40")), Kind::Range));
        let en = "more than 10 but less than 40";
        let fr = "plus de 10 mais moins de 40";
        for (t, lang) in [
            (en, Lang::new("en")),
            (fr, Lang::new("fr")),
            (en, Lang::Unknown),
            (fr, Lang::Unknown),
        ] {
            assert_eq!(find(t, lang, t).2, Kind::Range, "{t}");
        }
    }

    #[test]
    fn ranges_of_both_languages() {
        let cases = [
            ("entre 10 et 20 morts", Lang::new("fr"), "entre 10 et 20"),
            ("de 10 à 20 morts", Lang::new("fr"), "de 10 à 20"),
            ("10 à 20 morts", Lang::new("fr"), "10 à 20"),
            ("10-20 morts", Lang::new("fr"), "10-20"),
            ("10–20 dead", Lang::new("en"), "10–20"),
            (
                "between 10 and 20 dead",
                Lang::new("en"),
                "between 10 and 20",
            ),
            ("from 10 to 20 dead", Lang::new("en"), "from 10 to 20"),
            ("10 to 20 dead", Lang::new("en"), "10 to 20"),
            (
                "more than 10 and less than 20",
                Lang::new("en"),
                "more than 10 and less than 20",
            ),
        ];
        for (t, lang, lit) in cases {
            let (v, (lo, hi), k) = find(t, lang, lit);
            assert_eq!(
                (v, lo, hi, k),
                (None, Some(d("10")), Some(d("20")), Kind::Range),
                "{t}"
            );
        }
        // Two years stay years.
        assert!(all("the 2019-2020 season", Lang::new("en"))
            .iter()
            .all(|f| f.3 == Kind::Date));
    }

    #[test]
    fn ranges_of_ordinals() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        for (t, lang, lit, lo, hi) in [
            (
                "He ranks between the tenth and the fifteenth.",
                en,
                "between the tenth and the fifteenth",
                "10",
                "15",
            ),
            ("in the 10th-15th centuries", en, "10th-15th", "10", "15"),
            (
                "Il se classe entre la dixième et la quinzième place.",
                fr,
                "entre la dixième et la quinzième",
                "10",
                "15",
            ),
            (
                "entre le 3e et le 5e arrondissement",
                fr,
                "entre le 3e et le 5e",
                "3",
                "5",
            ),
        ] {
            let (v, iv, k) = find(t, lang, lit);
            assert_eq!(
                (v, iv, k),
                (None, (Some(d(lo)), Some(d(hi))), Kind::Range),
                "{t}"
            );
        }
        // Two ranks side by side are no range.
        assert_eq!(all("the first and the second", en).len(), 2);
        assert_eq!(all("the fifteenth and the tenth", en).len(), 2);
    }

    #[test]
    fn a_change_from_one_value_to_another_is_two_figures() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        for (t, lang, first, second, kind, v1, v2) in [
            (
                "Le plafond est passé de 30 à 50 euros par mois.",
                fr,
                "30",
                "50 euros",
                Kind::Money,
                "30",
                "50",
            ),
            (
                "Le chômage a grimpé de 3 à 5 millions.",
                fr,
                "3",
                "5 millions",
                Kind::Count,
                "3000000",
                "5000000",
            ),
            (
                "Le plafond est passé en France de 30 à 50 euros.",
                fr,
                "30",
                "50 euros",
                Kind::Money,
                "30",
                "50",
            ),
            (
                "Le taux a baissé de 12 à 9 %.",
                fr,
                "12",
                "9 %",
                Kind::Percent,
                "12",
                "9",
            ),
            (
                "Unemployment rose from 12 to 15 % last year.",
                en,
                "12",
                "15 %",
                Kind::Percent,
                "12",
                "15",
            ),
            (
                "The limit was increased from 20 to 40 kilometres.",
                en,
                "20",
                "40 kilometres",
                Kind::Measure,
                "20",
                "40",
            ),
        ] {
            let a = figure(t, lang, first);
            let b = figure(t, lang, second);
            assert_eq!(
                (a.kind, a.value(), a.unit),
                (kind, Some(d(v1)), b.unit),
                "{t}"
            );
            assert_eq!((b.kind, b.value()), (kind, Some(d(v2))), "{t}");
        }
        // Without a verb of change it stays a range; a noun of a change
        // gives an amount ("une hausse de 200 à 250 euros"), and "entre"
        // after a verb a range reached.
        for (t, lang, lit) in [
            (
                "des hausses de salaires de 200 à 250 euros",
                fr,
                "de 200 à 250 euros",
            ),
            ("une baisse allant de 20 à 45 %", fr, "de 20 à 45 %"),
            ("les prix ont baissé de 3 à 5 %", fr, "de 3 à 5 %"),
            (
                "La voiture passe de 0 à 100 km/h en 3 s.",
                fr,
                "de 0 à 100 km/h",
            ),
            ("réduire de 80 à 90 % cette pollution", fr, "de 80 à 90 %"),
            (
                "ils sont descendus à entre 40 % et 50 %",
                fr,
                "entre 40 % et 50 %",
            ),
            (
                "a lower price range from 10 to 20 dollars",
                en,
                "from 10 to 20 dollars",
            ),
            (
                "Elle accélère de 0 à 100 km/h en 3 secondes.",
                fr,
                "de 0 à 100 km/h",
            ),
            ("Il faut compter de 30 à 50 euros.", fr, "de 30 à 50 euros"),
            (
                "It costs from 10 to 20 dollars.",
                en,
                "from 10 to 20 dollars",
            ),
        ] {
            assert_eq!(find(t, lang, lit).2, Kind::Range, "{t}");
        }
    }

    #[test]
    fn a_small_lower_end_takes_the_thousands_of_a_grouped_upper_end() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        for (t, lang, lit, lo, hi) in [
            (
                "Il réglait entre 15 et 20.000 euros.",
                fr,
                "entre 15 et 20.000 euros",
                "15000",
                "20000",
            ),
            (
                "It cost between 15 and 20,000 dollars.",
                en,
                "between 15 and 20,000 dollars",
                "15000",
                "20000",
            ),
            (
                "entre 2 et 3 000 000 d'euros",
                fr,
                "entre 2 et 3 000 000",
                "2000000",
                "3000000",
            ),
            // The lower end read as it is: too large, or no grouping.
            (
                "between 30 and 20,000 people",
                en,
                "between 30 and 20,000",
                "30",
                "20000",
            ),
            (
                "entre 15 et 20000 euros",
                fr,
                "entre 15 et 20000 euros",
                "15",
                "20000",
            ),
            (
                "entre 15 et 20.500 euros",
                fr,
                "entre 15 et 20.500 euros",
                "15",
                "20500",
            ),
        ] {
            assert_eq!(
                find(t, lang, lit),
                (None, (Some(d(lo)), Some(d(hi))), Kind::Range),
                "{t}"
            );
        }
    }

    #[test]
    fn a_score_or_a_record_is_two_counts() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        for (t, lang) in [
            ("They finished the season with a record of 5–18.", en),
            ("The team lost 1–3 to Spain.", en),
            ("They finished 2–10 in the division.", en),
            ("Un bilan de 5-18 cette saison.", fr),
            ("Victoire 1-3 à l'extérieur.", fr),
        ] {
            let f = all(t, lang);
            assert!(
                f.iter().filter(|x| x.3 == Kind::Count).count() == 2
                    && f.iter().all(|x| x.3 != Kind::Range),
                "{t}: {f:?}"
            );
        }
        for (t, lang, lit) in [
            ("children aged 5–18 years", en, "5–18 years"),
            ("see pages 5–18", en, "5–18"),
            ("they won 5–10 seats", en, "5–10"),
        ] {
            assert_eq!(find(t, lang, lit).2, Kind::Range, "{t}");
        }
    }
}
