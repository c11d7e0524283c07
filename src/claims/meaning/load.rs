//! Reading meaning files into [`Meanings`].

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Meanings, PlaceExample, Span, RANKED, SPAN};
use crate::claims::tokens::phrase_key;
use crate::error::{Error, Result};
use crate::lexicon::{fold, fold_hash};

/// The id of the rates among the change words.
const RATE: &str = "rate";
/// The id of the windows of time among the `delta` words.
const WINDOW: &str = "window";
/// The id of the rates per year among the change words.
const YEARLY: &str = "yearly";

/// A meaning file. The language-neutral file defines the ids and their
/// properties; each language's file adds its words to the same ids.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeaningFile {
    #[serde(default)]
    measure: BTreeMap<String, Entry>,
    #[serde(default)]
    role: BTreeMap<String, Entry>,
    #[serde(default)]
    side: BTreeMap<String, Entry>,
    #[serde(default)]
    place: BTreeMap<String, Entry>,
    #[serde(default)]
    authority: BTreeMap<String, Entry>,
    #[serde(default)]
    attributed: Option<AttributedDef>,
    #[serde(default)]
    period: BTreeMap<String, Entry>,
    #[serde(default)]
    boilerplate: Option<BoilerplateDef>,
    #[serde(default)]
    delta: Option<DeltaDef>,
    #[serde(default)]
    place_links: Option<WordsDef>,
    #[serde(default)]
    places: Option<PlacesDef>,
    #[serde(default)]
    sentence: Option<SentenceDef>,
    #[serde(default)]
    source: Option<SourceDef>,
    #[serde(default)]
    story: Option<StoryDef>,
    #[serde(default)]
    time: Option<crate::claims::moment::TimeDef>,
    #[serde(default)]
    threshold: Option<ThresholdDef>,
    #[serde(default)]
    count_leads: Option<CountLeadsDef>,
    #[serde(default)]
    comparison_leads: Option<ComparisonLeadsDef>,
}

/// The language of a file of `rules/lang/<code>/`, from its path; empty
/// for another file.
fn lang_of_file(file: &str) -> &str {
    file.split('/')
        .skip_while(|x| *x != "lang")
        .nth(1)
        .unwrap_or("")
}

/// Sentences with the party each figure is attributed to, run by the tests.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributedDef {
    /// Words that open another clause: an attribution after them is that
    /// clause's ("… trois fois plus élevé, alors que selon les autorités …").
    #[serde(default)]
    clause_openers: Vec<String>,
    #[serde(default)]
    examples: Vec<super::AuthorityExample>,
}

/// What ties documents to one story.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryDef {
    /// Proper names too common to do it.
    common_names: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeltaDef {
    #[serde(default)]
    words: Vec<String>,
    /// Rates per head ("par million d'habitants"): a change word too, and
    /// one that opens a sentence before a comma makes its figures rates.
    #[serde(default)]
    rates: Vec<String>,
    /// Windows of time a count is made over ("en 24 heures", "in the past
    /// 24 hours"): in the figure's clause, they make it a change.
    #[serde(default)]
    windows: Vec<String>,
    /// Rates per year ("par an", "each year"): a change word too, but one
    /// that holds from one day to the next, so that two printings days
    /// apart state one figure.
    #[serde(default)]
    yearly: Vec<String>,
    /// How reports name a change.
    #[serde(default)]
    label: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsDef {
    words: Vec<String>,
}

/// `[comparison_leads]`: phrases that compare a bare figure with the count
/// before it (`words`), and coordinators before a bare figure whose verb
/// and noun are left out (`gapping`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComparisonLeadsDef {
    words: Vec<String>,
    #[serde(default)]
    gapping: Vec<String>,
}

/// The phrases that name what a figure further on counts: a lead before
/// the noun ("nombre de", "number of"), a head after it ("death toll").
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountLeadsDef {
    words: Vec<String>,
    #[serde(default)]
    heads: Vec<String>,
    /// Verbs that join a subject noun to the figure right after them, which
    /// counts it ("les manifestants étaient 106.000", "the protesters
    /// numbered 5,000").
    #[serde(default)]
    copulas: Vec<String>,
    /// Auxiliaries right after a figure with no noun of its own that make
    /// it the subject of the role word right after them ("71.104 sont
    /// mortes", "12 were killed"): the figure counts people.
    #[serde(default)]
    subject_links: Vec<String>,
    /// Words that, after the role word of such a subject, add another
    /// role to the count ("were killed or injured").
    #[serde(default)]
    subject_alternatives: Vec<String>,
    /// Figures and the measure their lead gives them (run with the
    /// `[attributed]` examples: no party).
    #[serde(default)]
    examples: Vec<super::AuthorityExample>,
}

/// Thresholds, targets and forecasts, and the bounds of a category.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThresholdDef {
    words: Vec<String>,
    /// Nouns of a threshold, a mark or a target, joined to the figure
    /// after them by one of `noun_links`, with at most one word between
    /// ("la barre terrible des 100.000 morts", "the grim milestone of
    /// 100,000 deaths").
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    noun_links: Vec<String>,
    /// Words that make a figure of their clause a hypothesis or a forecast.
    #[serde(default)]
    hypotheses: Vec<String>,
    /// Words that join a plural noun to an open bound of its members'
    /// size ("rassemblements de plus de 10 personnes").
    #[serde(default)]
    category_links: Vec<String>,
    /// How plural nouns end.
    #[serde(default)]
    plural_endings: Vec<String>,
    /// Words before a singular noun that make it any member of a category
    /// ("tout rassemblement de plus de dix personnes").
    #[serde(default)]
    category_quantifiers: Vec<String>,
}

/// How place names are read: `prepositions` before a gazetteer name that is
/// also a common word, `articles` that a capitalised name after them does
/// not join, `exclude` phrases before a place the figure is not
/// about, and examples.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacesDef {
    #[serde(default)]
    prepositions: Vec<String>,
    #[serde(default)]
    articles: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    /// Phrases that open a span of places ("allant du Mexique à la Terre de
    /// Feu"): neither end is the figure's place.
    #[serde(default)]
    spans: Vec<String>,
    /// Words that join the two ends of such a span ("à", "to").
    #[serde(default)]
    span_links: Vec<String>,
    #[serde(default)]
    extent: Vec<String>,
    #[serde(default)]
    genitive: Vec<String>,
    #[serde(default)]
    ranked: Vec<String>,
    #[serde(default)]
    relatives: Vec<String>,
    #[serde(default)]
    fronted: Vec<String>,
    #[serde(default)]
    superlatives: Vec<String>,
    #[serde(default)]
    subdivisions: Vec<String>,
    #[serde(default)]
    sovereign: Vec<String>,
    #[serde(default)]
    examples: Vec<PlaceExample>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SentenceDef {
    abbreviations: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceDef {
    copyright: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BoilerplateDef {
    #[serde(default)]
    starts: Vec<String>,
    #[serde(default)]
    lines: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    within: Option<String>,
    #[serde(default)]
    measure: Option<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    span: Option<Span>,
    #[serde(default)]
    people: Option<bool>,
    #[serde(default)]
    compare: Option<bool>,
    #[serde(default)]
    generic: Option<bool>,
    #[serde(default)]
    recounted: Option<bool>,
    /// A place that is a figure's only when it follows the figure or opens
    /// its sentence (`[place.world]`).
    #[serde(default)]
    follows: bool,
}

/// True when a span can be computed: months of a year, days counted back,
/// weekdays 1 to 7.
fn valid_span(span: Span) -> bool {
    match span {
        Span::Months(first, last) => (1..=12).contains(&first) && (first..=12).contains(&last),
        Span::Days(from, to) => to <= from,
        Span::Weekday(w) => (1..=7).contains(&w),
        Span::YearsBack(_) => true,
    }
}

impl Meanings {
    /// True when [`Meanings::add_file`] reads a file with these top-level
    /// keys.
    pub(crate) fn reads(table: &toml::Table) -> bool {
        [
            "measure",
            "role",
            "side",
            "place",
            "authority",
            "attributed",
            "period",
            "boilerplate",
            "delta",
            "place_links",
            "places",
            "sentence",
            "source",
            "story",
            "time",
            "threshold",
            "count_leads",
            "comparison_leads",
        ]
        .iter()
        .any(|k| table.contains_key(*k))
    }

    /// Adds a meaning file (top-level `measure`, `role`, `side`, `place`,
    /// `period`... tables). Words add to the ids already known; a property
    /// (`people`, `compare`, `generic`, `recounted`, `measure`, `within`,
    /// `span`) is set when given and left as it is otherwise. Returns false
    /// when the file is not one.
    pub(crate) fn add_file(&mut self, file: &str, text: &str, table: &toml::Table) -> Result<bool> {
        if !Meanings::reads(table) {
            return Ok(false);
        }
        let raw: MeaningFile =
            toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
        if self.places.ids.is_empty() {
            self.load_gazetteer();
        }
        for (id, e) in &raw.measure {
            let i = self.measures.add(id, &e.words) as usize;
            if self.people.len() <= i {
                self.people.resize(i + 1, false);
            }
            if let Some(p) = e.people {
                self.people[i] = p;
            }
            if self.comparable.len() <= i {
                self.comparable.resize(i + 1, true);
            }
            if let Some(c) = e.compare {
                self.comparable[i] = c;
            }
            if self.generic.len() <= i {
                self.generic.resize(i + 1, false);
            }
            if let Some(g) = e.generic {
                self.generic[i] = g;
            }
            if self.recounted.len() <= i {
                self.recounted.resize(i + 1, false);
            }
            if let Some(r) = e.recounted {
                self.recounted[i] = r;
            }
        }
        for (id, e) in &raw.role {
            let i = self.roles.add(id, &e.words) as usize;
            if self.role_measure.len() <= i {
                self.role_measure.resize(i + 1, None);
            }
            if let Some(m) = &e.measure {
                let Some(mi) = self.measures.ids.iter().position(|x| x == m) else {
                    return Err(Error::config(
                        file,
                        text,
                        text.find(&format!("measure = \"{m}\"")).unwrap_or(0),
                        format!("role `{id}` turns into unknown measure `{m}`"),
                    ));
                };
                self.role_measure[i] = Some(mi as u16);
            }
            if self.role_generic.len() <= i {
                self.role_generic.resize(i + 1, false);
            }
            if let Some(g) = e.generic {
                self.role_generic[i] = g;
            }
        }
        for (id, e) in &raw.period {
            let at = || text.find(&format!("[period.{id}]")).unwrap_or(0);
            let known = self.periods.ids.iter().position(|x| x == id);
            let span = match (e.span, known) {
                (Some(span), _) if !valid_span(span) => {
                    return Err(Error::config(
                        file,
                        text,
                        at(),
                        format!("period `{id}` has an impossible `span`"),
                    ))
                }
                (Some(span), _) => span,
                (None, Some(k)) => self.period_spans[k],
                (None, None) => {
                    return Err(Error::config(
                        file,
                        text,
                        at(),
                        format!(
                            "period `{id}` needs `span`: {{ months = [first, last] }}, \
                             {{ days = [from, to] }} (days before the document's date), \
                             {{ weekday = 1..7 }} or {{ years_back = n }}"
                        ),
                    ))
                }
            };
            let i = self.periods.add(id, &e.words) as usize;
            if self.period_spans.len() <= i {
                self.period_spans.resize(i + 1, span);
            }
            self.period_spans[i] = span;
        }
        if let Some(d) = &raw.delta {
            // One unnamed id: any word of the vocabulary marks a change.
            self.delta.add("", &d.words);
            if !d.rates.is_empty() {
                self.delta_rate = Some(self.delta.add(RATE, &d.rates));
            }
            if !d.windows.is_empty() {
                self.delta_window = Some(self.delta.add(WINDOW, &d.windows));
            }
            if !d.yearly.is_empty() {
                self.delta_yearly = Some(self.delta.add(YEARLY, &d.yearly));
            }
            if let Some(l) = &d.label {
                self.delta_label = l.clone();
            }
        }
        if let Some(l) = &raw.place_links {
            add_new(&mut self.place_links, l.words.iter().map(|w| phrase_key(w)));
        }
        if let Some(sd) = &raw.sentence {
            add_new(&mut self.abbreviations, sd.abbreviations.iter().cloned());
        }
        if let Some(t) = &raw.time {
            if let Some((w, h)) = t.hour_past_day() {
                return Err(Error::config(
                    file,
                    text,
                    text.find(w).unwrap_or(0),
                    format!("clock word `{w}` at hour {h}, past 23"),
                ));
            }
            self.time.add(t);
            // A claim holds its time's part of the day and zone in a byte
            // each, `u8::MAX` for none.
            for (names, what) in [
                (&self.time.part_names, "parts of the day"),
                (&self.time.zone_names, "time zones"),
            ] {
                if names.len() >= usize::from(u8::MAX) {
                    return Err(Error::config(
                        file,
                        text,
                        text.find("[time]").unwrap_or(0),
                        format!("more than {} {what}", u8::MAX - 1),
                    ));
                }
            }
        }
        if let Some(sd) = &raw.source {
            add_new(
                &mut self.copyright,
                sd.copyright.iter().map(|c| c.to_lowercase()),
            );
        }
        if let Some(sd) = &raw.story {
            self.common_names
                .extend(sd.common_names.iter().map(|x| fold_hash(x)));
            self.common_names.sort();
            self.common_names.dedup();
        }
        if let Some(t) = &raw.threshold {
            for (words, from) in [
                (&mut self.thresholds, &t.words),
                (&mut self.hypotheses, &t.hypotheses),
                (&mut self.threshold_nouns, &t.nouns),
                (&mut self.threshold_links, &t.noun_links),
                (&mut self.category_links, &t.category_links),
                (&mut self.plural_endings, &t.plural_endings),
                (&mut self.category_quantifiers, &t.category_quantifiers),
            ] {
                add_new(words, from.iter().map(|w| fold(w)));
            }
        }
        if let Some(t) = &raw.count_leads {
            let leads = t.words.iter().map(|w| phrase_words(w));
            add_new(&mut self.count_leads, leads.filter(|w| !w.is_empty()));
            add_new(&mut self.count_heads, t.heads.iter().map(|w| fold(w)));
            let copulas = t.copulas.iter().map(|w| phrase_words(w));
            add_new(&mut self.count_copulas, copulas.filter(|w| !w.is_empty()));
            let links = t.subject_links.iter().map(|w| phrase_words(w));
            add_new(&mut self.subject_links, links.filter(|w| !w.is_empty()));
            let alternatives = t.subject_alternatives.iter().map(|w| fold(w));
            add_new(&mut self.subject_alternatives, alternatives);
            for x in &t.examples {
                let mut x = x.clone();
                x.lang = lang_of_file(file).to_string();
                self.authority_examples.push(x);
            }
        }
        if let Some(t) = &raw.comparison_leads {
            add_new(
                &mut self.comparison_leads,
                t.words
                    .iter()
                    .map(|w| phrase_words(w))
                    .filter(|w| !w.is_empty()),
            );
            add_new(
                &mut self.gapping_leads,
                t.gapping
                    .iter()
                    .map(|w| phrase_words(w))
                    .filter(|w| !w.is_empty()),
            );
        }
        if let Some(b) = &raw.boilerplate {
            self.boilerplate_starts
                .extend(b.starts.iter().map(|x| fold(x)));
            self.boilerplate_lines
                .extend(b.lines.iter().map(|x| fold(x)));
        }
        for (id, e) in &raw.side {
            self.sides.add(id, &e.words);
        }
        for (id, e) in &raw.authority {
            // A claim holds its party in a byte.
            if self.authorities.add(id, &e.words) >= u16::from(crate::claims::NO_AUTHORITY) {
                return Err(Error::config(
                    file,
                    text,
                    text.find(&format!("[authority.{id}]")).unwrap_or(0),
                    format!("more than {} parties under [authority]", u8::MAX),
                ));
            }
        }
        if let Some(a) = &raw.attributed {
            self.attribution_barriers.add("", &a.clause_openers);
            let lang = lang_of_file(file);
            for x in &a.examples {
                let mut x = x.clone();
                x.lang = lang.to_string();
                self.authority_examples.push(x);
            }
        }
        if let Some(p) = &raw.places {
            for (keys, words) in [
                (&mut self.place_prepositions, &p.prepositions),
                (&mut self.place_articles, &p.articles),
                (&mut self.place_genitives, &p.genitive),
                (&mut self.place_relatives, &p.relatives),
                (&mut self.place_fronted, &p.fronted),
                (&mut self.place_superlatives, &p.superlatives),
                (&mut self.place_subdivisions, &p.subdivisions),
                (&mut self.place_sovereign, &p.sovereign),
                (&mut self.place_span_links, &p.span_links),
            ] {
                add_new(keys, words.iter().map(|w| phrase_key(w)));
            }
            self.place_exclusions.add("", &p.exclude);
            self.place_exclusions.add(RANKED, &p.ranked);
            self.place_exclusions.add(SPAN, &p.spans);
            self.place_extents.add("", &p.extent);
            let lang = lang_of_file(file);
            for x in &p.examples {
                let mut x = x.clone();
                x.lang = lang.to_string();
                self.place_examples.push(x);
            }
        }
        for (id, e) in &raw.place {
            let i = match self.place_id(id) {
                Some(i) => {
                    for w in &e.words {
                        self.places.add_word(w, i);
                    }
                    i
                }
                None => self.places.add(id, &e.words),
            };
            if !e.adjectives.is_empty() {
                // Same index space as places.
                while self.place_adjectives.ids.len() < self.places.ids.len() {
                    let n = self.place_adjectives.ids.len();
                    self.place_adjectives.ids.push(self.places.ids[n].clone());
                }
                for a in &e.adjectives {
                    self.place_adjectives.add_word(a, i);
                }
            }
        }
        self.within.resize(self.places.ids.len(), None);
        self.place_follows.resize(self.places.ids.len(), false);
        for (id, e) in &raw.place {
            if e.follows {
                if let Some(i) = self.place_id(id) {
                    self.place_follows[i as usize] = true;
                }
            }
        }
        for (id, e) in &raw.place {
            if let Some(w) = &e.within {
                let i = self.place_id(id).unwrap_or(0);
                let Some(j) = self.place_id(w) else {
                    return Err(Error::config(
                        file,
                        text,
                        text.find(&format!("within = \"{w}\"")).unwrap_or(0),
                        format!("place `{id}` lies within unknown place `{w}`"),
                    ));
                };
                self.within[i as usize] = Some(j);
            }
        }
        // A claim holds its measure, role and side in two bytes each,
        // `u16::MAX` for none.
        for (v, what) in [
            (&self.measures, "measure"),
            (&self.roles, "role"),
            (&self.sides, "side"),
        ] {
            if v.ids.len() > usize::from(u16::MAX) {
                return Err(Error::config(
                    file,
                    text,
                    text.find(&format!("[{what}.")).unwrap_or(0),
                    format!("more than {} ids under [{what}]", u16::MAX),
                ));
            }
        }
        self.index_firsts();
        Ok(true)
    }

    /// Makes the gazetteer's places the first place ids.
    fn load_gazetteer(&mut self) {
        let g = super::places::Gazetteer::builtin();
        self.places.ids = g.ids().map(std::borrow::Cow::Borrowed).collect();
        self.within = g.parents().collect();
        self.gazetteer = g;
    }

    /// The id of a place, from the gazetteer's index, else from the places
    /// the language files added after it.
    fn place_id(&self, id: &str) -> Option<u16> {
        if let Some(i) = self.gazetteer.by_id(id) {
            return Some(i);
        }
        let n = self.gazetteer.len as usize;
        self.places.ids[n..]
            .iter()
            .position(|x| x == id)
            .map(|i| (i + n) as u16)
    }
}

/// Appends to `list` each of `items` it does not hold yet, in order (the
/// words of several files add to one list).
fn add_new<T: PartialEq>(list: &mut Vec<T>, items: impl IntoIterator<Item = T>) {
    for x in items {
        if !list.contains(&x) {
            list.push(x);
        }
    }
}

/// The folded words of a phrase, as [`crate::claims::elided`] splits text.
fn phrase_words(w: &str) -> Vec<String> {
    crate::claims::elided::words(&fold(w))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(files: &[&str]) -> Result<Meanings> {
        let mut m = Meanings::default();
        for (i, text) in files.iter().enumerate() {
            let table: toml::Table = toml::from_str(text).unwrap();
            assert!(m.add_file(&format!("f{i}.toml"), text, &table)?);
        }
        Ok(m)
    }

    #[test]
    fn language_files_add_words_to_the_ids() {
        let m = load(&[
            "[measure.troops]\npeople = true\n[measure.days]\ncompare = false\n\
             [period.monday]\nspan = { weekday = 1 }\n",
            "[measure.troops]\nwords = [\"soldats\"]\n[period.monday]\nwords = [\"lundi\"]\n",
            "[measure.troops]\nwords = [\"soldiers\"]\n[measure.days]\nwords = [\"days\"]\n",
        ])
        .unwrap();
        let troops = m.measure_of("soldats").unwrap();
        assert_eq!(m.measure_of("soldiers"), Some(troops));
        assert!(
            m.people[troops as usize],
            "a word file keeps the properties"
        );
        let days = m.measure_of("days").unwrap();
        assert!(!m.comparable[days as usize]);
        assert_eq!(m.period_spans, vec![Span::Weekday(1)]);
    }

    #[test]
    fn spans_are_read_and_checked() {
        let m = load(&[
            "[period.h1]\nspan = { months = [1, 6] }\n[period.week]\nspan = { days = [6, 0] }\n\
             [period.last_year]\nspan = { years_back = 1 }\n",
        ])
        .unwrap();
        assert_eq!(
            m.period_spans,
            vec![Span::Months(1, 6), Span::YearsBack(1), Span::Days(6, 0)]
        );
        for bad in [
            "[period.x]\nspan = { months = [6, 1] }\n",
            "[period.x]\nspan = { weekday = 8 }\n",
            "[period.x]\nspan = { days = [0, 1] }\n",
            "[period.x]\nwords = [\"x\"]\n",
        ] {
            let err = load(&[bad]).unwrap_err().to_string();
            assert!(err.starts_with("f0.toml:1:1:"), "{err}");
        }
    }

    #[test]
    fn sentence_and_source_words_merge() {
        let m = load(&[
            "[place_links]\nwords = [\"à\", \"l'\"]\n[sentence]\nabbreviations = [\"M\"]\n\
             [source]\ncopyright = [\"©\"]\n",
            "[place_links]\nwords = [\"and\", \"à\"]\n[sentence]\nabbreviations = [\"Mr\", \"M\"]\n\
             [source]\ncopyright = [\"Copyright\"]\n",
        ])
        .unwrap();
        assert_eq!(m.place_links, vec!["a", "l'", "and"]);
        assert_eq!(m.abbreviations, vec!["M", "Mr"]);
        assert_eq!(m.copyright, vec!["©", "copyright"]);
    }
}
