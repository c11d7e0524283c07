//! Ages: "20-year-old", "20 years old", "âgé de 20 ans", "il a plus de
//! 80 ans", "un garçon de 3 ans"; not "il a 3 ans de retard" nor "20 years
//! of war".

use crate::extract::context::*;
use crate::extract::Extractor;
use crate::model::{Figure, Kind};

impl<'a> Extractor<'a> {
    /// Whether "N years" at `f` is an age: "20-year-old", "âgé de 20 ans",
    /// "il a plus de 80 ans", "un garçon de 3 ans".
    pub(crate) fn is_age(&self, f: &Figure) -> bool {
        let text = self.text;
        if self.old_suffix(f.end()).is_some() {
            return true;
        }
        // "il a 3 ans de retard", "20 years of war": a length of something.
        let after = skip_spaces(text, f.end());
        if after > f.end() {
            if let Some((s, e)) = word_at(text, after) {
                let w = crate::lexicon::fold(&text[s..e]);
                let elided = matches!(char_at(text, e), Some('\'' | '’'));
                if self.lexes().any(|l| {
                    l.length_links.contains(&w)
                        || elided && l.length_links.contains(&format!("{w}'"))
                }) {
                    return false;
                }
            }
        }
        // "Nevila Gjermeni, 38 ans,", "Jean Dupont (38 ans)": a name and
        // then the years, alone between punctuation.
        if self.after_a_name(f) {
            return true;
        }
        let t = tail(text, f.start(), 40);
        // "âgés de 15 et 16 ans": the years of the last of two numbers.
        let pair_start = {
            let n = t.norm.trim_end();
            self.shared_lexes()
                .flat_map(|l| l.day_pair_links.iter())
                .find_map(|link| {
                    let rest = n.strip_suffix(link.as_str())?.strip_suffix(' ')?;
                    let digits =
                        rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                    (digits > 0 && digits <= 3).then(|| rest.len() - digits)
                })
        };
        let pair = pair_start.and_then(|at| t.offsets.get(at).copied());
        self.led_as_age(t) || pair.is_some_and(|at| self.led_as_age(tail(text, at, 40)))
    }

    /// Whether the words before "N years" (folded in `t`) make it an age:
    /// a lead of ages, or a noun of a person and a link.
    fn led_as_age(&self, mut t: Tail) -> bool {
        // Past a qualifier: "il a plus de 80 ans".
        if let Some(s) = self
            .lexes()
            .flat_map(|l| l.qualifiers.iter())
            .find_map(|(p, _)| t.ends_with_phrase(p))
        {
            t = tail(self.text, s, 40);
        }
        self.lexes().any(|lex| {
            if lex
                .ago_leads
                .iter()
                .any(|p| t.ends_with_phrase(p).is_some())
            {
                return false;
            }
            if lex
                .age_leads
                .iter()
                .any(|p| t.ends_with_phrase(p).is_some())
            {
                return true;
            }
            let norm = t.norm.trim_end();
            lex.noun_links.iter().any(|link| {
                let Some(rest) = norm.strip_suffix(link.as_str()) else {
                    return false;
                };
                if !(link.ends_with('\'') || rest.ends_with(' ')) {
                    return false;
                }
                // The noun, or the noun and one adjective: "un homme de 20
                // ans", "un jeune homme noir de 24 ans".
                if rest
                    .trim_end()
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .take(2)
                    .any(|w| !w.is_empty() && lex.age_nouns.contains(w))
                {
                    return true;
                }
                // Words last first, an elided determiner apart ("l'", "d'un").
                let words: Vec<&str> = rest
                    .trim_end()
                    .rsplit(' ')
                    .flat_map(|w| match w.find('\'') {
                        Some(i) if i + 1 < w.len() => vec![&w[i + 1..], &w[..=i]],
                        _ => vec![w],
                    })
                    .take(3)
                    .collect();
                // A determiner, a noun and maybe one adjective: "le
                // journaliste de 88 ans", "un ingénieur français de 35 ans";
                // not "une peine de 5 ans".
                let noun_ok = |w: &str| {
                    w.chars().all(|c| c.is_alphabetic() || c == '-')
                        && !w.is_empty()
                        && !lex.length_nouns.contains(w)
                        && !lex.noun_stop.contains(w)
                        && !lex.person_determiners.contains(w)
                        && crate::extract::words::lookup(lex, w, &mut String::new()).is_none()
                };
                // Only with the links of lengths ("de", "d'"): "l'objectif
                // des cinq ans" names no person.
                if !lex.length_links.contains(link) {
                    return false;
                }
                match words.as_slice() {
                    [n, d, ..] if lex.person_determiners.contains(*d) => noun_ok(n),
                    [a, n, d] if lex.person_determiners.contains(*d) => noun_ok(n) && noun_ok(a),
                    _ => false,
                }
            })
        })
    }
}

impl<'a> Extractor<'a> {
    /// "Nevila Gjermeni, 38 ans,", "Jean Dupont (38 ans)": a capitalised
    /// word, a comma or an opening bracket, the figure, then a comma, a
    /// full stop, a closing bracket or the end.
    fn after_a_name(&self, f: &Figure) -> bool {
        let text = self.text;
        let before = skip_spaces_back(text, f.start());
        let Some(mark) = char_before(text, before) else {
            return false;
        };
        if !matches!(mark, ',' | '(') {
            return false;
        }
        let p = skip_spaces_back(text, before - mark.len_utf8());
        let Some((s, e)) = word_before(text, p) else {
            return false;
        };
        let capital = text[s..e].chars().next().is_some_and(char::is_uppercase)
            && text[s..e].chars().skip(1).any(char::is_lowercase);
        let after = skip_spaces(text, f.end());
        let closes = match char_at(text, after) {
            None => true,
            Some(c) if mark == '(' => c == ')',
            Some(c) => matches!(c, ',' | '.' | ';' | ')'),
        };
        capital && closes && e == p
    }

    /// "-old" or " old" after "20-year" / "20 years": the end of "old".
    /// The suffixes are those of the document's language and of every
    /// fallback language ("old" in any French, English or unknown
    /// document).
    fn old_suffix(&self, pos: usize) -> Option<usize> {
        let text = self.text;
        let p = match char_at(text, pos) {
            Some('-') => pos + 1,
            _ => skip_spaces(text, pos),
        };
        let (s, e) = word_at(text, p)?;
        let w = &text[s..e];
        self.shared_lexes()
            .flat_map(|l| l.age_suffixes.iter())
            .any(|x| w.eq_ignore_ascii_case(x))
            .then_some(e)
    }

    /// A duration in years that is an age ("20-year-old", "20 years old",
    /// "âgé de 20 ans") becomes one, with "old" in its span; returns where
    /// the figure ends.
    pub(crate) fn age(&self, f: &mut Figure, p: usize) -> usize {
        let Some(ui) = f.unit else { return p };
        let def = &self.lex.units[ui as usize];
        if def.kind == Kind::Duration && def.id == "year" && self.is_age(f) {
            f.kind = Kind::Age;
            if let Some(e) = self.old_suffix(f.end()) {
                f.set_end(e);
                return e;
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn ages_and_durations() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        assert_eq!(find("âgé de 20 ans", fr, "20 ans").2, Kind::Age);
        assert_eq!(find("a 20-year-old man", en, "20-year-old").2, Kind::Age);
        // "old" is English data, read in every document with the fallback
        // languages' words.
        for lang in [fr, en, Lang::new("es"), Lang::Unknown] {
            assert_eq!(find("20 years old", lang, "20 years old").2, Kind::Age);
        }
        assert_eq!(
            config().lexicon.get("en").unwrap().age_suffixes,
            vec!["old".to_string()]
        );
        for (t, lang, lit, secs) in [
            ("pendant 40 jours", fr, "40 jours", "3456000"),
            ("a 40-day deadline", en, "40-day", "3456000"),
            ("six mois de prison", fr, "six mois", "15552000"),
            ("deux semaines plus tard", fr, "deux semaines", "1209600"),
            ("il y a une semaine", fr, "une semaine", "604800"),
            ("for an hour and a half", en, "an hour and a half", "5400"),
            ("toute la semaine", fr, "toute la semaine", "604800"),
            (
                "1 year 1 month 21 days",
                en,
                "1 year 1 month 21 days",
                "35942400",
            ),
        ] {
            let fig = figure(t, lang, lit);
            assert_eq!(fig.seconds(), Some(d(secs)), "{t}");
            assert_eq!(fig.kind, Kind::Duration, "{t}");
        }
        let (v, _, k) = find("le trajet dure 1h30", fr, "1h30");
        assert_eq!((v, k), (Some(d("1.5")), Kind::Duration));
    }

    #[test]
    fn ages_from_people_and_qualified_ages() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        for (t, lang, lit, kind) in [
            ("un garçon de 3 ans", fr, "3 ans", Kind::Age),
            ("une fille de dix ans", fr, "dix ans", Kind::Age),
            ("il a plus de 80 ans", fr, "plus de 80 ans", Kind::Age),
            ("mort à l'âge de 85 ans", fr, "85 ans", Kind::Age),
            ("a man of 45 years", en, "45 years", Kind::Age),
            // Lengths of something are durations.
            ("un contrat de 10 ans", fr, "10 ans", Kind::Duration),
            ("il a 3 ans de retard", fr, "3 ans", Kind::Duration),
            ("he was 20 years in prison", en, "20 years", Kind::Duration),
            (
                "il y a près de 30 ans",
                fr,
                "près de 30 ans",
                Kind::Duration,
            ),
            (
                "décédé en 1981 à 42 ans des suites",
                fr,
                "42 ans",
                Kind::Age,
            ),
            ("une femme de 39 ans", fr, "39 ans", Kind::Age),
            ("ce jeune homme noir de 24 ans", fr, "24 ans", Kind::Age),
            (
                "un homme d'une cinquantaine d'années",
                fr,
                "une cinquantaine d'années",
                Kind::Age,
            ),
            ("a 25-year career", en, "25-year", Kind::Duration),
            // A determiner and a noun of a person, or a name and a comma.
            ("le journaliste de 88 ans", fr, "88 ans", Kind::Age),
            ("un ingénieur de 35 ans", fr, "35 ans", Kind::Age),
            ("un monsieur de 65 ans", fr, "65 ans", Kind::Age),
            ("l'ingénieur de 35 ans", fr, "35 ans", Kind::Age),
            ("d'un ingénieur de 35 ans", fr, "35 ans", Kind::Age),
            (
                "une chanteuse américaine de 35 ans",
                fr,
                "35 ans",
                Kind::Age,
            ),
            (
                "Nevila Gjermeni, 38 ans, a été élue.",
                fr,
                "38 ans",
                Kind::Age,
            ),
            ("selon Jean Dupont (38 ans).", fr, "38 ans", Kind::Age),
            (
                "des adolescents âgés de 15 et 16 ans",
                fr,
                "16 ans",
                Kind::Age,
            ),
            ("une peine de 5 ans", fr, "5 ans", Kind::Duration),
            (
                "l'objectif des cinq ans fixé",
                fr,
                "cinq ans",
                Kind::Duration,
            ),
            ("des gamins de 12-13 à 20 ans", fr, "20 ans", Kind::Age),
            (
                "the lesser of two years or 20,000 miles",
                en,
                "two years",
                Kind::Duration,
            ),
            ("au bout de 2 ans", fr, "2 ans", Kind::Duration),
            (
                "après 37 ans à la présentation",
                fr,
                "37 ans",
                Kind::Duration,
            ),
            ("depuis 14 ans, il vit ici", fr, "14 ans", Kind::Duration),
            ("deux ans de prison", fr, "deux ans", Kind::Duration),
            (
                "En France, 38 ans après les faits",
                fr,
                "38 ans",
                Kind::Duration,
            ),
            ("a sentence of 5 years", en, "5 years", Kind::Duration),
        ] {
            assert_eq!(find(t, lang, lit).2, kind, "{t}");
        }
    }
}
