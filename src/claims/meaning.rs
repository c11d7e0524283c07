//! The meaning lexicon (`rules/lexicon/meaning.toml`): measures, roles,
//! sides and places, and how they are read around a figure.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::extract::context::tail;
use crate::extract::Figure;
use crate::lexicon::fold;

/// One group of the meaning lexicon: ids and the phrases that name them.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub ids: Vec<String>,
    /// Folded phrase → id index.
    pub words: HashMap<String, u16>,
    /// Folded phrases, longest first, for searching in context.
    pub phrases: Vec<(String, u16)>,
}

impl Vocabulary {
    fn add(&mut self, id: &str, words: &[String]) -> u16 {
        let idx = match self.ids.iter().position(|x| x == id) {
            Some(i) => i as u16,
            None => {
                self.ids.push(id.to_string());
                (self.ids.len() - 1) as u16
            }
        };
        for w in words {
            let f = fold(w);
            self.words.insert(f.clone(), idx);
            self.phrases.retain(|(p, _)| *p != f);
            self.phrases.push((f, idx));
        }
        self.phrases
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        idx
    }

    /// The id of a single word, trying it without a plural ending too.
    pub fn word(&self, w: &str) -> Option<u16> {
        let f = fold(w);
        if let Some(&i) = self.words.get(&f) {
            return Some(i);
        }
        let singular = f.strip_suffix('s').or_else(|| f.strip_suffix('x'))?;
        self.words.get(singular).copied()
    }

    pub fn name(&self, i: u16) -> &str {
        &self.ids[i as usize]
    }

    /// Occurrences of the vocabulary's phrases in a folded window, as
    /// (byte position in the window, id), at word boundaries.
    fn find_in(&self, window: &str) -> Vec<(usize, usize, u16)> {
        let mut hits = Vec::new();
        for (p, id) in &self.phrases {
            let mut from = 0;
            while let Some(k) = window[from..].find(p.as_str()) {
                let s = from + k;
                let e = s + p.len();
                let before_ok = window[..s]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let after_ok = window[e..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                if before_ok && after_ok && !hits.iter().any(|&(hs, he, _)| s < he && hs < e) {
                    hits.push((s, e, *id));
                }
                from = s + p.len().max(1);
            }
        }
        hits
    }
}

/// Measures, roles, sides and places.
#[derive(Debug, Clone, Default)]
pub struct Meanings {
    pub measures: Vocabulary,
    /// Measures that count people, to whom roles apply.
    pub people: Vec<bool>,
    /// Measures whose claims are compared across sources.
    pub comparable: Vec<bool>,
    /// People measures that stand for anyone ("personnes", "people").
    pub generic: Vec<bool>,
    pub roles: Vocabulary,
    pub sides: Vocabulary,
    pub places: Vocabulary,
    /// For each place, the place it lies within.
    pub within: Vec<Option<u16>>,
    /// Place adjectives ("irakiennes"), which name a place only when
    /// coordinated with another.
    pub place_adjectives: Vocabulary,
    /// For each role, the measure a count of people with that role becomes.
    pub role_measure: Vec<Option<u16>>,
    /// Periods named in words.
    pub periods: Vocabulary,
    pub period_spans: Vec<Span>,
    /// Folded line starts and whole lines that mark boilerplate.
    pub boilerplate_starts: Vec<String>,
    pub boilerplate_lines: Vec<String>,
}

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
    period: BTreeMap<String, Entry>,
    #[serde(default)]
    boilerplate: Option<BoilerplateDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BoilerplateDef {
    #[serde(default)]
    starts: Vec<String>,
    #[serde(default)]
    lines: Vec<String>,
}

/// A period named in words, relative to a year or to the document's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// Months `first..=last` of the year.
    Months(u32, u32),
    Today,
    Yesterday,
    ThisWeek,
    LastWeek,
    ThisYear,
    LastYear,
}

fn parse_span(s: &str) -> Option<Span> {
    Some(match s {
        "h1" => Span::Months(1, 6),
        "h2" => Span::Months(7, 12),
        "q1" => Span::Months(1, 3),
        "q2" => Span::Months(4, 6),
        "q3" => Span::Months(7, 9),
        "q4" => Span::Months(10, 12),
        "today" => Span::Today,
        "yesterday" => Span::Yesterday,
        "this_week" => Span::ThisWeek,
        "last_week" => Span::LastWeek,
        "this_year" => Span::ThisYear,
        "last_year" => Span::LastYear,
        _ => return None,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    words: Vec<String>,
    #[serde(default)]
    within: Option<String>,
    #[serde(default)]
    measure: Option<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    span: Option<String>,
    #[serde(default)]
    people: Option<bool>,
    #[serde(default)]
    compare: Option<bool>,
    #[serde(default)]
    generic: Option<bool>,
}

/// How far around a figure its role, side and place are looked for.
const BEFORE: usize = 48;
const AFTER: usize = 64;

impl Meanings {
    /// Adds a meaning file (top-level `measure`, `role`, `side` or `place`
    /// tables). Returns false when the file is not one.
    pub fn add_file(&mut self, file: &str, text: &str, table: &toml::Table) -> Result<bool> {
        if !["measure", "role", "side", "place", "period", "boilerplate"]
            .iter()
            .any(|k| table.contains_key(*k))
        {
            return Ok(false);
        }
        let raw: MeaningFile =
            toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
        for (id, e) in &raw.measure {
            let i = self.measures.add(id, &e.words) as usize;
            if self.people.len() <= i {
                self.people.resize(i + 1, false);
            }
            self.people[i] = e.people.unwrap_or(false);
            if self.comparable.len() <= i {
                self.comparable.resize(i + 1, true);
            }
            self.comparable[i] = e.compare.unwrap_or(true);
            if self.generic.len() <= i {
                self.generic.resize(i + 1, false);
            }
            self.generic[i] = e.generic.unwrap_or(false);
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
        }
        for (id, e) in &raw.period {
            let span = e.span.as_deref().and_then(parse_span).ok_or_else(|| {
                Error::config(
                    file,
                    text,
                    text.find(&format!("[period.{id}]")).unwrap_or(0),
                    format!("period `{id}` needs `span`: h1, h2, q1..q4, today, yesterday, this_week, last_week, this_year or last_year"),
                )
            })?;
            let i = self.periods.add(id, &e.words) as usize;
            if self.period_spans.len() <= i {
                self.period_spans.resize(i + 1, span);
            }
            self.period_spans[i] = span;
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
        for (id, e) in &raw.place {
            let i = self.places.add(id, &e.words);
            if !e.adjectives.is_empty() {
                // Same index space as places.
                while self.place_adjectives.ids.len() < self.places.ids.len() {
                    let n = self.place_adjectives.ids.len();
                    self.place_adjectives.ids.push(self.places.ids[n].clone());
                }
                for a in &e.adjectives {
                    let f = fold(a);
                    self.place_adjectives.words.insert(f.clone(), i);
                    self.place_adjectives.phrases.retain(|(p, _)| *p != f);
                    self.place_adjectives.phrases.push((f, i));
                }
                self.place_adjectives
                    .phrases
                    .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
            }
        }
        self.within.resize(self.places.ids.len(), None);
        for (id, e) in &raw.place {
            if let Some(w) = &e.within {
                let i = self.places.ids.iter().position(|x| x == id).unwrap_or(0);
                let Some(j) = self.places.ids.iter().position(|x| x == w) else {
                    return Err(Error::config(
                        file,
                        text,
                        text.find(&format!("within = \"{w}\"")).unwrap_or(0),
                        format!("place `{id}` lies within unknown place `{w}`"),
                    ));
                };
                self.within[i] = Some(j as u16);
            }
        }
        Ok(true)
    }

    /// The measure a counted noun names.
    pub fn measure_of(&self, noun: &str) -> Option<u16> {
        self.measures.word(noun)
    }

    /// A role named by the counted word itself ("30 arrêtés", "250 morts").
    pub fn role_word(&self, noun: &str) -> Option<u16> {
        self.roles.word(noun)
    }

    /// True when the word names a role but no measure of its own ("arrêtés"
    /// in "137 tués et 30 arrêtés"), so the figure inherits the measure.
    pub fn is_role_noun(&self, noun: &str) -> bool {
        self.measures
            .word(noun)
            .is_none_or(|m| !self.people[m as usize])
            && self.roles.word(noun).is_some()
    }

    fn windows(&self, text: &str, sentence: (usize, usize), fig: &Figure) -> (String, String) {
        let from = fig.start.max(sentence.0);
        let before = tail(text, from, BEFORE);
        let skip = before.offsets.first().copied().unwrap_or(from);
        let before = if skip < sentence.0 {
            tail(text, from, from - sentence.0).norm
        } else {
            before.norm
        };
        let after_start = fig.entity.map_or(fig.end, |(_, e)| e).min(sentence.1);
        let mut after_end = (after_start + AFTER).min(sentence.1.max(after_start));
        while !text.is_char_boundary(after_end) {
            after_end -= 1;
        }
        (before, fold(&text[after_start..after_end]))
    }

    fn nearest(vocab: &Vocabulary, before: &str, after: &str) -> Option<u16> {
        let b = vocab
            .find_in(before)
            .into_iter()
            .map(|(_, e, id)| (before.len() - e, id))
            .min();
        let a = vocab
            .find_in(after)
            .into_iter()
            .map(|(s, _, id)| (s, id))
            .min();
        match (b, a) {
            (Some(b), Some(a)) => Some(if a.0 < b.0 { a.1 } else { b.1 }),
            (Some(b), None) => Some(b.1),
            (None, Some(a)) => Some(a.1),
            (None, None) => None,
        }
    }

    /// What happened to the counted, from the words nearest the figure in
    /// its sentence. Only for measures that count people.
    pub fn role_near(&self, text: &str, sentence: (usize, usize), fig: &Figure) -> Option<u16> {
        if let Some((s, e)) = fig.entity {
            match self.measure_of(&text[s..e]) {
                Some(m) if self.people.get(m as usize) == Some(&true) => {}
                Some(_) => return None,
                None => {}
            }
        }
        let (before, after) = self.windows(text, sentence, fig);
        // Only the clause after the figure: stop at the next figure-like
        // digit or a conjunction of clauses.
        let after = clause(&after);
        Self::nearest(&self.roles, &before, after)
    }

    /// The side of the counted ("américains", "de l'EI").
    pub fn side_near(&self, text: &str, sentence: (usize, usize), fig: &Figure) -> Option<u16> {
        let (_, after) = self.windows(text, sentence, fig);
        let after = clause(&after);
        // Sides follow the noun in both languages' news style
        // ("soldats américains", "militants de l'EI"), or precede it in
        // English ("US soldiers").
        let a = self
            .sides
            .find_in(after)
            .into_iter()
            .map(|(s, _, id)| (s, id))
            .min();
        if let Some((pos, id)) = a {
            if pos < 24 {
                return Some(id);
            }
        }
        if let Some((s, _)) = fig.entity {
            let t = tail(text, s, 16).norm;
            if let Some((_, e, id)) = self.sides.find_in(&t).into_iter().max_by_key(|x| x.1) {
                if t.len() - e <= 2 {
                    return Some(id);
                }
            }
        }
        None
    }

    /// The places a figure is about: the place named nearest to it in its
    /// sentence, or, when that mention is coordinated with others ("en Irak
    /// et en Syrie", "irakiennes et syriennes"), all of them together.
    pub fn places_near(&self, text: &str, sentence: (usize, usize), fig: &Figure) -> Places {
        let s = &text[sentence.0..sentence.1];
        let folded = fold(s);
        // Offsets in `folded` are close to those in `s`: folding keeps one
        // char for one char except for spaces, so map the figure's position
        // through the char count.
        let fig_chars = text[sentence.0..fig.start.max(sentence.0)].chars().count();
        let fig_pos = folded
            .char_indices()
            .nth(fig_chars)
            .map_or(folded.len(), |(i, _)| i);
        let ent_end = fig
            .entity
            .map_or(fig.end, |(_, e)| e)
            .clamp(sentence.0, sentence.1);
        let after_chars = text[sentence.0..ent_end].chars().count();
        let after_pos = folded
            .char_indices()
            .nth(after_chars)
            .map_or(folded.len(), |(i, _)| i);
        let mut mentions: Vec<Mention> = self
            .places
            .find_in(&folded)
            .into_iter()
            .map(|(a, b, id)| (a, b, id, true))
            .collect();
        for (a, b, id) in self.place_adjectives.find_in(&folded) {
            if !mentions.iter().any(|m| a < m.1 && m.0 < b) {
                mentions.push((a, b, id, false));
            }
        }
        mentions.sort();
        // Group mentions joined by coordination: only "et", "and", ",",
        // "en", "in", "à", "au", "aux", "la", "le", "l'", "the" between them.
        let mut groups: Vec<Vec<Mention>> = Vec::new();
        for m in mentions {
            if let Some(g) = groups.last_mut() {
                let prev = g[g.len() - 1];
                let gap = &folded[prev.1..m.0];
                let joined = gap.len() < 16
                    && gap.split([' ', ',', '\'']).all(|w| {
                        matches!(
                            w,
                            "" | "et"
                                | "and"
                                | "en"
                                | "in"
                                | "a"
                                | "au"
                                | "aux"
                                | "la"
                                | "le"
                                | "l"
                                | "the"
                                | "ou"
                                | "or"
                        )
                    });
                if joined {
                    g.push(m);
                    continue;
                }
            }
            groups.push(vec![m]);
        }
        // The nearest group with a place name (adjectives alone name sides),
        // or a coordination of adjectives.
        let mut best: Option<(usize, &Vec<Mention>)> = None;
        for g in &groups {
            let names = g.iter().filter(|m| m.3).count();
            if names == 0 && g.len() < 2 {
                continue;
            }
            let (gs, ge) = (g[0].0, g[g.len() - 1].1);
            let dist = if ge <= fig_pos {
                fig_pos - ge
            } else if gs >= after_pos {
                // After the figure: only close ones ("1 400 soldats déployés
                // en Irak"), within the clause.
                let gap = &folded[after_pos..gs];
                if gap.len() > 40 || gap.contains([';', ':']) {
                    continue;
                }
                gs - after_pos
            } else {
                0
            };
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, g));
            }
        }
        let mut out = Places::default();
        if let Some((_, g)) = best {
            // "en Irak, à Bagdad et à Erbil" is Iraq: a place within
            // another of the group adds nothing.
            for m in g {
                if !g.iter().any(|o| o.2 != m.2 && self.place_within(m.2, o.2)) {
                    out.insert(m.2);
                }
            }
        }
        out
    }
}

/// A place mentioned in a folded sentence: start, end, place id, and
/// whether it is a name (true) or an adjective (false).
type Mention = (usize, usize, u16, bool);

/// A small set of places (up to four), sorted; empty when unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Places {
    ids: [u16; 4],
    n: u8,
}

impl Places {
    pub fn one(id: u16) -> Places {
        let mut p = Places::default();
        p.insert(id);
        p
    }

    pub fn insert(&mut self, id: u16) {
        let n = self.n as usize;
        if self.ids[..n].contains(&id) || n == 4 {
            return;
        }
        self.ids[n] = id;
        self.n += 1;
        self.ids[..n + 1].sort();
    }

    pub fn ids(&self) -> &[u16] {
        &self.ids[..self.n as usize]
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The only place, if there is exactly one.
    pub fn single(&self) -> Option<u16> {
        (self.n == 1).then_some(self.ids[0])
    }
}

impl Meanings {
    /// "iraq+syria".
    pub fn places_name(&self, p: &Places) -> String {
        p.ids()
            .iter()
            .map(|&i| self.places.name(i))
            .collect::<Vec<_>>()
            .join("+")
    }

    /// True when two place sets share a place, counting places within
    /// others (Baghdad overlaps Iraq).
    pub fn places_overlap(&self, a: &Places, b: &Places) -> bool {
        a.ids().iter().any(|&x| {
            b.ids()
                .iter()
                .any(|&y| self.place_within(x, y) || self.place_within(y, x))
        })
    }

    /// True when place `a` is `b` or lies within it.
    pub fn place_within(&self, a: u16, b: u16) -> bool {
        let mut x = Some(a);
        let mut steps = 0;
        while let Some(p) = x {
            if p == b {
                return true;
            }
            x = self.within.get(p as usize).copied().flatten();
            steps += 1;
            if steps > 16 {
                break;
            }
        }
        false
    }

    /// True for a measure of people of a particular kind (troops, fighters),
    /// not the generic one.
    pub fn is_specific_people(&self, m: u16) -> bool {
        self.people.get(m as usize) == Some(&true) && self.generic.get(m as usize) != Some(&true)
    }

    /// The measure a count of people with role `role` becomes.
    pub fn measure_for_role(&self, measure: Option<u16>, role: Option<u16>) -> Option<u16> {
        let m = measure?;
        if self.people.get(m as usize) != Some(&true) {
            return Some(m);
        }
        role.and_then(|r| self.role_measure.get(r as usize).copied().flatten())
            .or(Some(m))
    }

    /// The period named in words nearest before the figure in its sentence.
    pub fn period_word(&self, text: &str, sentence: (usize, usize), fig: &Figure) -> Option<Span> {
        let from = fig.start.clamp(sentence.0, sentence.1);
        let before = fold(&text[sentence.0..from]);
        let after_end = fig
            .entity
            .map_or(fig.end, |(_, e)| e)
            .clamp(from, sentence.1);
        let after = fold(&text[after_end..sentence.1]);
        let b = self
            .periods
            .find_in(&before)
            .into_iter()
            .map(|(_, e, id)| (before.len() - e, id))
            .min();
        let a = self
            .periods
            .find_in(&after)
            .into_iter()
            .map(|(s, _, id)| (s, id))
            .filter(|(s, _)| *s < 48)
            .min();
        let id = match (b, a) {
            (Some(b), Some(a)) => {
                if a.0 < b.0 {
                    a.1
                } else {
                    b.1
                }
            }
            (Some(b), None) => b.1,
            (None, Some(a)) => a.1,
            (None, None) => return None,
        };
        self.period_spans.get(id as usize).copied()
    }

    /// True when a line (folded) is boilerplate by its words.
    pub fn is_boilerplate_line(&self, folded_line: &str) -> bool {
        let l = folded_line.trim();
        self.boilerplate_lines.iter().any(|x| x == l)
            || self
                .boilerplate_starts
                .iter()
                .any(|x| l.starts_with(x.as_str()))
    }
}

/// The start of a folded window up to the end of the clause: a `;`, `:`
/// or a digit (the next figure) ends it.
fn clause(s: &str) -> &str {
    let end = s
        .find(|c: char| c == ';' || c == ':' || c.is_ascii_digit())
        .unwrap_or(s.len());
    &s[..end]
}

impl Meanings {
    /// A readable description of a key: "troops, killed, us, iraq".
    pub fn describe(&self, key: &crate::claims::Key) -> String {
        let mut parts = vec![self.measures.name(key.measure).to_string()];
        if let Some(r) = key.role {
            parts.push(self.roles.name(r).to_string());
        }
        if let Some(s) = key.side {
            parts.push(self.sides.name(s).to_string());
        }
        parts.join(", ")
    }
}
