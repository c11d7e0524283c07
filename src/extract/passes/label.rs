//! Numbers that label rather than count, read from their neighbours once
//! every figure is known:
//! - a bare number in a name: after a capitalised word that does not open
//!   the sentence ("Europe 1", "Falcon 9", "RS 7"), after a one-letter code
//!   ("E.333"), in a list of such codes ("E.361, 362 and 363"), before a
//!   street noun ("181 avenue", "8 South Frederick Street"): an identifier;
//!   a year there is a date ("Paris 2024", "his 1959 Contemporary album");
//! - a number after a noun of things numbered ("saison 2"): an
//!   identifier; after the noun of a step ("lap 19"): a rank;
//! - a number before an era marker ("48 AD"): a year;
//! - hours after a lead of times of day ("vers 19 heures"), or before a
//!   clock word ("8 o'clock"): a time of day; a capitalised unit of hours
//!   mid-sentence ("les 24 Heures") is a name;
//! - slash forms that are no fractions: a zero-padded day and month
//!   ("14/03"), a numbering in brackets ("(2/3)"), a unit designation
//!   ("1/9th", "1/5 Suffolk").
//!
//! The words are each language's `[labels]` data (`rules/lang/*/labels.toml`),
//! read with those of the fallback languages.

use rust_decimal::Decimal;

use crate::extract::before::before;
use crate::extract::context::*;
use crate::extract::recognise::year_shaped;
use crate::extract::Extractor;
use crate::lexicon::fold;
use crate::model::{DateParts, Figure, Kind, Written};

/// Characters that may stand between a sentence's end and its first word.
const OPENERS: [char; 8] = ['"', '«', '“', '‘', '\'', '(', '[', '—'];

impl<'a> Extractor<'a> {
    /// Relabels, in order, the figures that label rather than count; a
    /// figure relabelled is seen by the next one (lists of codes).
    pub(crate) fn labels(&mut self) {
        for i in 0..self.out.len() {
            if self.is_bare(&self.out[i]) {
                continue; // "1 1 1": no word or sign near to label it
            }
            let prev = i.checked_sub(1).map(|j| self.out[j]);
            let mut f = self.out[i];
            let changed = match f.kind {
                Kind::Count => self.label_count(&mut f, prev),
                Kind::Duration => self.label_hours(&mut f, prev),
                Kind::Fraction => self.label_slash(&mut f, prev),
                _ => false,
            };
            if changed {
                self.out[i] = f;
            }
        }
        self.out
            .dedup_by(|b, a| b.start() < a.end() && b.start() >= a.start());
    }

    /// Whether `word`, folded, is in a list of a lexicon read in every
    /// document (the document's language's and the fallback languages').
    fn any_lex(
        &self,
        word: &str,
        list: impl Fn(&crate::lexicon::LangLexicon, &str) -> bool,
    ) -> bool {
        let w = fold(word);
        self.shared_lexes().any(|l| list(l, &w))
    }

    /// A word that opens its sentence: only spaces, quotes or brackets
    /// between it and the start of the text or a sentence end.
    fn opens_sentence(&self, start: usize) -> bool {
        let mut p = start;
        for c in self.text[..start].chars().rev() {
            if is_space(c) || OPENERS.contains(&c) {
                p -= c.len_utf8();
            } else {
                break;
            }
        }
        match char_before(self.text, p) {
            None => true,
            Some(c) => matches!(c, '.' | '!' | '?' | '\n' | '\r' | '…' | '»' | '”'),
        }
    }

    /// The word before `pos` with only inline spaces between, if any.
    fn word_left(&self, pos: usize) -> Option<(usize, usize)> {
        let p = skip_spaces_back(self.text, pos);
        (p < pos).then(|| word_before(self.text, p)).flatten()
    }

    /// The word after `pos` with only inline spaces between, if any.
    fn word_right(&self, pos: usize) -> Option<(usize, usize)> {
        let p = skip_spaces(self.text, pos);
        (p > pos).then(|| noun_at(self.text, p)).flatten()
    }

    /// The word starts with a capital letter.
    fn capitalised(&self, w: (usize, usize)) -> bool {
        char_at(self.text, w.0).is_some_and(char::is_uppercase)
    }

    /// A word of the language's grammar, never part of a name ("En", "The",
    /// "Les"), or a word of the calendar.
    fn grammar_word(&self, w: (usize, usize)) -> bool {
        self.any_lex(&self.text[w.0..w.1], |l, w| {
            l.noun_stop.contains(w)
                || l.noun_links.contains(w)
                || l.months.contains_key(w)
                || l.weekdays.contains_key(w)
                || l.words.contains_key(w)
        })
    }

    /// `f` comes after `p` in a list: only a list link of the data stands
    /// between them ("E.361, 362", "games 1, 3 and 5", "19 heures, 20").
    fn listed_after(&self, p: &Figure, f: &Figure) -> bool {
        if p.end() > f.start() {
            return false;
        }
        let gap = fold(self.text[p.end()..f.start()].trim());
        self.shared_lexes()
            .any(|l| l.labels.list_links.contains(&gap))
    }

    /// `word` is `lead` with a plural ending of the data ("games").
    fn plural_of(&self, word: &str, lead: &str) -> bool {
        let ending = &word[lead.len()..];
        self.shared_lexes()
            .any(|l| l.labels.plural_endings.iter().any(|e| e == ending))
    }

    /// A word that may be a plural noun: it has an ending of plurals of
    /// a language's `[labels]` data, or the data gives none. A number
    /// before a word of no plural form ("France 5 reconnaît", "Série 7
    /// restylée") counts nothing.
    pub(crate) fn plural(&self, word: &str) -> bool {
        let w = fold(word);
        let mut any = false;
        for l in self.shared_lexes() {
            any |= !l.labels.plural_endings.is_empty();
            if l.labels
                .plural_endings
                .iter()
                .any(|e| w.ends_with(e.as_str()))
            {
                return true;
            }
        }
        !any
    }

    /// A number of plain digits, alone: no qualifier, sign, unit, scale.
    fn plain(&self, f: &Figure) -> bool {
        f.written == Written::Digits
            && f.qualifier.is_none()
            && f.start() == f.num_start()
            && f.unit.is_none()
            && f.num_end() > f.num_start()
            && self.text[f.num_start()..f.num_end()]
                .bytes()
                .all(|b| b.is_ascii_digit())
    }

    fn label_count(&self, f: &mut Figure, prev: Option<Figure>) -> bool {
        if !self.plain(f) {
            return false;
        }
        let text = self.text;
        // "2-1", "0:2": a score counts, whatever stands before it.
        let score = matches!(char_at(text, f.num_end()), Some('-' | '–' | '—' | ':'))
            && char_at(
                text,
                f.num_end() + char_at(text, f.num_end()).map_or(1, char::len_utf8),
            )
            .is_some_and(|c| c.is_ascii_digit());
        if score {
            return false;
        }
        let after = skip_spaces(text, f.num_end());
        // "48 AD": a year of an era (compared only when it starts with the
        // byte there).
        let first = text.as_bytes().get(after);
        for era in self.shared_lexes().flat_map(|l| l.labels.eras.iter()) {
            if era.as_bytes().first().is_none_or(|b| Some(b) == first)
                && text[after..].starts_with(era.as_str())
                && !char_at(text, after + era.len()).is_some_and(char::is_alphanumeric)
            {
                f.kind = Kind::Date;
                f.date = Some(DateParts::default());
                f.set_end(after + era.len());
                f.set_entity(None);
                return true;
            }
        }
        // "8 o'clock": a time of day.
        if f.value().is_some_and(|v| v <= Decimal::from(24)) {
            // The folded text starts with the fold of its first character:
            // a word that starts otherwise is not folded against it.
            let first = char_at(text, after).map(|c| match crate::lexicon::fold_char(c) {
                'œ' => 'o',
                'æ' => 'a',
                f => f,
            });
            for w in self
                .shared_lexes()
                .flat_map(|l| l.labels.clock_words.iter())
            {
                if w.chars().next().is_some_and(|c| Some(c) != first) {
                    continue;
                }
                let n = w.chars().count();
                let end = text[after..]
                    .char_indices()
                    .nth(n)
                    .map_or(text.len(), |(i, _)| after + i);
                if fold(&text[after..end]) == *w
                    && !char_at(text, end).is_some_and(char::is_alphanumeric)
                {
                    f.kind = Kind::Time;
                    f.set_value(None);
                    f.set_end(end);
                    f.set_entity(None);
                    return true;
                }
            }
        }
        let t = before(text, f.start(), 24);
        // "lap 19", "games 1, 3 and 5": a rank, and the ranks listed after
        // the first.
        let bare = |g: &Figure| {
            text[g.num_start()..g.end()]
                .bytes()
                .all(|b| b.is_ascii_digit())
        };
        let listed_rank = prev.as_ref().is_some_and(|p| {
            p.kind == Kind::Ordinal && bare(p) && bare(f) && self.listed_after(p, f)
        });
        let leads = || self.lexes().flat_map(|l| l.labels.rank_leads.iter());
        // The word on the left, folded once for the rank leads and the
        // weekdays.
        let left = self.word_left(f.start());
        let left_folded = left.map(|w| fold(&text[w.0..w.1]));
        let ranked = listed_rank
            || t.may_end(&self.lex.ends.rank_leads)
                && leads().any(|p| t.ends_with_phrase(p).is_some())
            || left_folded.as_ref().is_some_and(|w| {
                leads()
                    .any(|p| w.len() > p.len() && w.starts_with(p.as_str()) && self.plural_of(w, p))
            });
        if ranked {
            f.kind = Kind::Ordinal;
            f.set_entity(None);
            return true;
        }
        // "saison 2", "constituency 30": the number of something.
        let label_lead = t.may_end(&self.lex.ends.label_leads).then(|| {
            self.lexes()
                .flat_map(|l| l.labels.label_leads.iter())
                .find_map(|p| t.ends_with_phrase(p))
        });
        if let Some(s) = label_lead.flatten() {
            f.set_start(s);
            return self.name(f, false);
        }
        // "jeudi 19", "Tuesday, 4": a day of the month after its weekday.
        let comma = skip_spaces_back(text, f.start());
        let day_left = left_folded.or_else(|| {
            (char_before(text, comma) == Some(','))
                .then(|| word_before(text, comma - 1))
                .flatten()
                .map(|w| fold(&text[w.0..w.1]))
        });
        if let Some(w) = day_left {
            let weekday = self
                .shared_lexes()
                .find_map(|l| l.weekdays.get(&w).copied());
            // A counted noun of its own keeps a count ("lundi 3 morts"); a
            // name after the day is its month ("Tuesday, 4 Dhu al-Hijjah").
            let named = f
                .entity()
                .is_none_or(|(s, _)| char_at(text, s).is_some_and(char::is_uppercase));
            if let (Some(wd), Some(v), true) = (weekday, f.value(), named) {
                if v >= Decimal::ONE && v <= Decimal::from(31) {
                    f.kind = Kind::Date;
                    f.date = Some(
                        DateParts::default()
                            .with_day(u32::try_from(v).ok())
                            .with_weekday(Some(wd)),
                    );
                    return true;
                }
            }
        }
        if self.street_number(f) {
            return self.name(f, false);
        }
        // "E.333": digits after a one-letter code and its point.
        let b = text.as_bytes();
        if f.num_start() >= 2
            && b[f.num_start() - 1] == b'.'
            && b[f.num_start() - 2].is_ascii_uppercase()
            && !char_before(text, f.num_start() - 2).is_some_and(char::is_alphanumeric)
        {
            f.set_start(f.num_start() - 2);
            return self.name(f, false);
        }
        // A year names its event whatever follows ("CHAN 2016
        // tournament"); another number only without a counted noun of
        // its own ("En France 3 personnes").
        let entity_name = year_shaped(f)
            || f.entity().is_none_or(|(s, e)| {
                char_at(text, s).is_some_and(char::is_uppercase) || !self.plural(&text[s..e])
            });
        // "E.361, 362 and 363": a list of codes goes on.
        if let Some(p) = prev.filter(|p| p.kind == Kind::Identifier) {
            let digits = text[p.num_start()..p.end()]
                .bytes()
                .rev()
                .take_while(u8::is_ascii_digit)
                .count();
            if self.listed_after(&p, f) && digits == f.num_end() - f.num_start() && entity_name {
                return self.name(f, false);
            }
        }
        // "Europe 1", "Falcon 9", "Paris 2024": a number in a name.
        if let Some(w) = left {
            if self.capitalised(w)
                && entity_name
                && !self.opens_sentence(w.0)
                && !self.grammar_word(w)
            {
                return self.name(f, true);
            }
        }
        // "his 1959 Contemporary album": a year before a name that
        // qualifies the noun after it.
        if year_shaped(f) {
            if let (Some(w), Some((es, _))) = (self.word_right(f.num_end()), f.entity()) {
                if self.capitalised(w) && es > w.0 && !self.grammar_word(w) {
                    return self.name(f, true);
                }
            }
        }
        false
    }

    /// "181 avenue", "8 South Frederick Street": a number before a street
    /// noun, or before capitalised words that end with one.
    fn street_number(&self, f: &Figure) -> bool {
        if f.num_end() - f.num_start() > 4 {
            return false;
        }
        let street = |w: (usize, usize)| {
            self.any_lex(&self.text[w.0..w.1], |l, w| {
                l.labels.streets.iter().any(|s| s == w)
            })
        };
        let Some(first) = self.word_right(f.num_end()) else {
            return false;
        };
        if street(first) && (self.capitalised(first) || !self.head_last()) {
            return true;
        }
        let mut w = first;
        for _ in 0..3 {
            if !self.capitalised(w) {
                return false;
            }
            match self.word_right(w.1) {
                Some(n) if self.capitalised(n) && street(n) => return true,
                Some(n) => w = n,
                None => return false,
            }
        }
        false
    }

    /// Makes `f` part of a name: an identifier, or a date when `years`
    /// and it is shaped like a year.
    fn name(&self, f: &mut Figure, years: bool) -> bool {
        if years && year_shaped(f) {
            f.kind = Kind::Date;
            f.date =
                Some(DateParts::default().with_year(f.value().and_then(|v| i32::try_from(v).ok())));
        } else {
            f.kind = Kind::Identifier;
        }
        f.set_entity(None);
        true
    }

    /// Hours written with the unit word: a time of day after its lead,
    /// a name when the unit is capitalised mid-sentence.
    fn label_hours(&self, f: &mut Figure, prev: Option<Figure>) -> bool {
        let text = self.text;
        let hours = f
            .unit
            .is_some_and(|u| self.lex.units[u as usize].id == "hour");
        let Some(v) = f.value() else { return false };
        if !hours
            || f.written != Written::Digits
            || f.qualifier.is_some()
            || f.decimals != 0
            || f.start() != f.num_start()
            || v > Decimal::from(24)
            || !self.text[f.num_start()..f.num_end()]
                .bytes()
                .all(|b| b.is_ascii_digit())
        {
            return false;
        }
        let unit_start = skip_spaces(text, f.num_end());
        if !char_at(text, unit_start).is_some_and(char::is_alphabetic)
            || noun_at(text, unit_start).is_none_or(|w| w.1 != f.end())
        {
            // "19h" is read by the clock; "les 24 dernières heures" are
            // a length of time.
            return false;
        }
        if char_at(text, unit_start).is_some_and(char::is_uppercase) {
            if self.opens_sentence(f.start()) {
                return false;
            }
            f.kind = Kind::Identifier;
            f.set_seconds(None);
            f.unit = None;
            return true;
        }
        // "à 20 heures de route": a length of time after all.
        let linked = self
            .word_right(f.end())
            .is_some_and(|w| self.any_lex(&text[w.0..w.1], |l, w| l.noun_links.contains(w)))
            || text[f.end()..].starts_with(['\'', '’']);
        if linked {
            return false;
        }
        let lead = self
            .lexes()
            .flat_map(|l| l.labels.time_leads.iter())
            .any(|p| ends_with_lead(text, f.start(), p));
        let listed = prev.is_some_and(|p| p.kind == Kind::Time && self.listed_after(&p, f));
        if lead || listed {
            f.kind = Kind::Time;
            f.set_value(None);
            f.set_seconds(None);
            f.unit = None;
            return true;
        }
        false
    }

    /// Slash forms that are no fractions: "14/03", "(2/3)", "1/9th",
    /// "1/5 Suffolk".
    fn label_slash(&self, f: &mut Figure, prev: Option<Figure>) -> bool {
        let text = self.text;
        if f.written != Written::Digits || f.qualifier.is_some() || f.unit.is_some() {
            return false;
        }
        let Some((n, d)) = text[f.num_start()..f.num_end()].split_once('/') else {
            return false;
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(n) || !digits(d) {
            return false;
        }
        let (nv, dv): (u32, u32) = (n.parse().unwrap_or(0), d.parse().unwrap_or(0));
        // "14/03": a fraction is never written with a leading zero.
        if n.len() <= 2 && d.len() <= 2 && (n.starts_with('0') || d.starts_with('0')) {
            let (day, month) = if self.conv.day_before_month {
                (nv, dv)
            } else {
                (dv, nv)
            };
            if (1..=31).contains(&day) && (1..=12).contains(&month) {
                f.kind = Kind::Date;
                f.set_value(None);
                f.date = Some(
                    DateParts::default()
                        .with_day(Some(day))
                        .with_month(Some(month)),
                );
                f.set_entity(None);
                return true;
            }
        }
        // "1/9th": letters glued to the denominator; "30/100e de mm" is a
        // fraction of something.
        let of = |e: usize| {
            self.word_right(e)
                .is_some_and(|w| self.any_lex(&text[w.0..w.1], |l, w| l.noun_links.contains(w)))
                || text[e..].starts_with(['\'', '’'])
        };
        if let Some((_, e)) = word_at(text, f.end()).filter(|w| !of(w.1)) {
            f.set_end(e);
            f.kind = Kind::Identifier;
            f.set_value(Some(Decimal::from(nv)));
            f.set_entity(None);
            return true;
        }
        let name_after = self
            .word_right(f.end())
            .is_some_and(|w| self.capitalised(w) && !self.grammar_word(w));
        // "(2/3)": a numbering, unless it restates the figure before it.
        let bracketed = char_before(text, f.start()) == Some('(')
            && char_at(text, f.end()) == Some(')')
            && nv <= dv
            && dv <= 12
            && prev.is_none_or(|p| p.end() + 4 < f.start());
        if name_after || bracketed {
            f.kind = Kind::Identifier;
            f.set_value(Some(Decimal::from(nv)));
            f.set_entity(None);
            return true;
        }
        false
    }
}

/// The text before `pos` ends with `lead` (lowercase, accents kept: "dès"
/// is no "des", "à" no "a"), then spaces, at a word boundary.
fn ends_with_lead(text: &str, pos: usize, lead: &str) -> bool {
    let end = skip_spaces_back(text, pos);
    let mut start = end.saturating_sub(lead.len() + 8);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let before = text[start..end].to_lowercase();
    if !before.ends_with(lead) {
        return false;
    }
    let head = &before[..before.len() - lead.len()];
    let prev = head
        .chars()
        .next_back()
        .or_else(|| char_before(text, start));
    !prev.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    /// The examples of every language's `[labels]` data.
    #[test]
    fn label_examples_hold() {
        let cfg = config();
        let mut n = 0;
        for code in ["fr", "en"] {
            let lang = Lang::new(code);
            let lex = cfg.lexicon.get(code).expect("the language has data");
            for (text, lit, kind) in &lex.labels.examples {
                let f = figure(text, lang, lit);
                assert_eq!(f.kind.as_str(), kind, "{text:?}: {lit:?}");
                n += 1;
            }
        }
        assert!(n >= 20, "only {n} examples");
    }

    #[test]
    fn numbers_in_names_are_identifiers() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        for (t, lang, lit, kind) in [
            (
                "Il travaille pour France 2 depuis longtemps.",
                fr,
                "2",
                Kind::Identifier,
            ),
            ("La fusée Ariane 6 a décollé.", fr, "6", Kind::Identifier),
            ("Europe 1 a annoncé la nouvelle.", fr, "1", Kind::Count),
            ("Les 5 Français ont gagné.", fr, "5", Kind::Count),
            ("En Italie 40 personnes sont mortes.", fr, "40", Kind::Count),
            (
                "The score was Arsenal 2-1 at half time.",
                en,
                "2",
                Kind::Count,
            ),
            ("He drove a Ford Model 18 car.", en, "18", Kind::Identifier),
            (
                "Locomotives E.626, E.627 and 628 ran.",
                en,
                "628",
                Kind::Identifier,
            ),
            (
                "The Olympics in Tokyo 2020 were delayed.",
                en,
                "2020",
                Kind::Date,
            ),
            ("He was the 1988 Olympic champion.", en, "1988", Kind::Date),
        ] {
            assert_eq!(find(t, lang, lit).2, kind, "{t}");
        }
    }

    #[test]
    fn ranks_after_a_plural_lead_and_in_its_list() {
        let kinds = |t: &str, lang: &str| -> Vec<(String, Kind)> {
            figs(t, Lang::new(lang))
                .into_iter()
                .map(|(s, f)| (s, f.kind))
                .collect()
        };
        let k = kinds("Seeded teams played games 1, 3 and 5 at home.", "en");
        assert!(k.iter().all(|(_, k)| *k == Kind::Ordinal), "{k:?}");
        let k = kinds("Il a gagné les manches 2 et 3.", "fr");
        assert!(k.iter().all(|(_, k)| *k == Kind::Ordinal), "{k:?}");
        // A list of counts with no lead stays counts.
        let k = kinds("They scored 1, 3 and 5 goals.", "en");
        assert!(k.iter().all(|(_, k)| *k == Kind::Count), "{k:?}");
    }

    #[test]
    fn hours_of_the_clock() {
        let fr = Lang::new("fr");
        for (t, lit, kind) in [
            (
                "Le couvre-feu commence à 18 heures.",
                "18 heures",
                Kind::Time,
            ),
            (
                "Vers 6 heures, la police est arrivée.",
                "6 heures",
                Kind::Time,
            ),
            ("Il a été libéré en 48 heures.", "48 heures", Kind::Duration),
            ("Il dort depuis 12 heures.", "12 heures", Kind::Duration),
            (
                "Il a été retrouvé à 24 heures du départ.",
                "24 heures",
                Kind::Duration,
            ),
            ("Il a 24 heures pour répondre.", "24 heures", Kind::Duration),
            (
                "au cours des 24 dernières heures",
                "24 dernières heures",
                Kind::Duration,
            ),
        ] {
            assert_eq!(find(t, fr, lit).2, kind, "{t}");
        }
    }

    #[test]
    fn slash_forms_that_are_no_fractions() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        assert_eq!(find("Publié le 21/03 à midi.", fr, "21/03").2, Kind::Date);
        assert_eq!(
            find("Il en mange 2/3 chaque jour.", fr, "2/3").2,
            Kind::Fraction
        );
        assert_eq!(
            find("He served in the 1/6th Battalion.", en, "1/6th").2,
            Kind::Identifier
        );
        assert_eq!(
            find("Two thirds (2/3) of voters.", en, "2/3").2,
            Kind::Fraction
        );
        assert_eq!(
            find("Serbs (30/31) and others (1/31).", en, "1/31").2,
            Kind::Fraction
        );
        assert_eq!(
            find("une paroi de 30/100e de mm", fr, "30/100").2,
            Kind::Fraction
        );
        assert_eq!(find("The game ended 0:2.", en, "0").2, Kind::Count);
    }
}
