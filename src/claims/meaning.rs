//! The meaning lexicon (`rules/lexicon/meaning.toml`): measures, roles,
//! sides and places, and how they are read around a figure.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use serde::Deserialize;

use super::tokens::{phrase_key, Tokens};
use crate::error::{Error, Result};
use crate::lexicon::fold;
use crate::model::Figure;

/// One group of the meaning lexicon: ids and the phrases that name them.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub ids: Vec<String>,
    /// Folded single words (and phrases) → id, for looking up a noun.
    pub words: HashMap<String, u16>,
    /// Token keys of the phrases (see [`phrase_key`]) → id.
    pub keys: HashMap<String, u16>,
    /// Most tokens in a phrase.
    pub max_len: usize,
    /// First tokens of the phrases, with the most tokens a phrase starting
    /// with each has: most tokens start none, and cost one look-up.
    pub firsts: HashMap<String, usize>,
}

/// A phrase of a vocabulary found in a sentence: token range and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub ts: usize,
    pub te: usize,
    pub id: u16,
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
            self.add_word(w, idx);
        }
        idx
    }

    fn add_word(&mut self, w: &str, idx: u16) {
        self.words.insert(fold(w), idx);
        let k = phrase_key(w);
        if k.is_empty() {
            return;
        }
        let n = k.split(' ').count();
        self.max_len = self.max_len.max(n);
        let first = k.split(' ').next().unwrap_or("").to_string();
        let e = self.firsts.entry(first).or_insert(0);
        *e = (*e).max(n);
        self.keys.insert(k, idx);
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

    /// The longest phrase of the vocabulary starting at token `i`.
    pub fn match_at(&self, toks: &Tokens, i: usize) -> Option<Match> {
        let n = toks.toks.len();
        let longest = *self.firsts.get(toks.key(i..i + 1))?;
        for len in (1..=longest.min(n - i)).rev() {
            if let Some(&id) = self.keys.get(toks.key(i..i + len)) {
                return Some(Match {
                    ts: i,
                    te: i + len,
                    id,
                });
            }
        }
        None
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
    /// Words that make a figure a change ("nouveaux", "additional").
    pub delta: Vocabulary,
    /// First words of the phrases of every vocabulary read in a sentence,
    /// with a bit per vocabulary (see [`Meanings::sentence`]).
    pub firsts: HashMap<String, u8>,
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
    #[serde(default)]
    delta: Option<DeltaDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeltaDef {
    words: Vec<String>,
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
    /// The last such weekday (1 = Monday) on or before the document's date.
    Weekday(u32),
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
        "monday" => Span::Weekday(1),
        "tuesday" => Span::Weekday(2),
        "wednesday" => Span::Weekday(3),
        "thursday" => Span::Weekday(4),
        "friday" => Span::Weekday(5),
        "saturday" => Span::Weekday(6),
        "sunday" => Span::Weekday(7),
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

impl Meanings {
    /// Adds a meaning file (top-level `measure`, `role`, `side` or `place`
    /// tables). Returns false when the file is not one.
    pub fn add_file(&mut self, file: &str, text: &str, table: &toml::Table) -> Result<bool> {
        if ![
            "measure",
            "role",
            "side",
            "place",
            "period",
            "boilerplate",
            "delta",
        ]
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
                    format!("period `{id}` needs `span`: h1, h2, q1..q4, today, yesterday, monday..sunday, this_week, last_week, this_year or last_year"),
                )
            })?;
            let i = self.periods.add(id, &e.words) as usize;
            if self.period_spans.len() <= i {
                self.period_spans.resize(i + 1, span);
            }
            self.period_spans[i] = span;
        }
        if let Some(d) = &raw.delta {
            self.delta.add("delta", &d.words);
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
                    self.place_adjectives.add_word(a, i);
                }
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
        self.index_firsts();
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

    /// Everything the vocabularies find in one sentence.
    pub fn sentence(&self, toks: &Tokens) -> SentenceMeaning {
        let vocabs = self.vocabularies();
        let mut found: [Vec<Match>; 6] = Default::default();
        // Where each vocabulary may match next (matches do not overlap).
        let mut free = [0usize; 6];
        for i in 0..toks.toks.len() {
            // One look-up tells which vocabularies have a phrase starting
            // with this word; most words start none.
            let Some(&mask) = self.firsts.get(toks.key(i..i + 1)) else {
                continue;
            };
            for (v, vocab) in vocabs.iter().enumerate() {
                if mask & (1 << v) == 0 || i < free[v] {
                    continue;
                }
                if let Some(m) = vocab.match_at(toks, i) {
                    free[v] = m.te;
                    found[v].push(m);
                }
            }
        }
        let [deltas, roles, sides, names, adjectives, periods] = found;
        let mut places: Vec<(Match, bool)> = names.into_iter().map(|m| (m, true)).collect();
        for m in adjectives {
            if !places.iter().any(|(p, _)| m.ts < p.te && p.ts < m.te) {
                places.push((m, false));
            }
        }
        places.sort_by_key(|(m, _)| m.ts);
        SentenceMeaning {
            deltas,
            roles,
            sides,
            places,
            periods,
        }
    }

    /// The vocabularies read in a sentence, in the bit order of
    /// [`Meanings::firsts`].
    fn vocabularies(&self) -> [&Vocabulary; 6] {
        [
            &self.delta,
            &self.roles,
            &self.sides,
            &self.places,
            &self.place_adjectives,
            &self.periods,
        ]
    }

    /// Recomputes [`Meanings::firsts`] after a file is added.
    fn index_firsts(&mut self) {
        let mut firsts: HashMap<String, u8> = HashMap::default();
        for (v, vocab) in self.vocabularies().iter().enumerate() {
            for w in vocab.firsts.keys() {
                *firsts.entry(w.clone()).or_insert(0) |= 1 << v;
            }
        }
        self.firsts = firsts;
    }

    /// What happened to the counted, from the phrases nearest the figure in
    /// its clause. Only for measures that count people.
    pub fn role_near(
        &self,
        text: &str,
        at: &FigureTokens,
        sm: &SentenceMeaning,
        toks: &Tokens,
        fig: &Figure,
    ) -> Option<u16> {
        if let Some((s, e)) = fig.entity {
            match self.measure_of(&text[s..e]) {
                Some(m) if self.people.get(m as usize) == Some(&true) => {}
                Some(_) => return None,
                None => {}
            }
        }
        nearest(&sm.roles, at, toks, ROLE_BEFORE, ROLE_AFTER)
    }

    /// The side of the counted: right after the noun ("soldats américains",
    /// "militants de l'EI") or right before it ("US soldiers").
    pub fn side_near(&self, at: &FigureTokens, sm: &SentenceMeaning, toks: &Tokens) -> Option<u16> {
        let after = sm
            .sides
            .iter()
            .find(|m| m.ts >= at.after && m.ts - at.after <= 3 && clear(toks, at.after, m.ts));
        if let Some(m) = after {
            return Some(m.id);
        }
        sm.sides
            .iter()
            .find(|m| {
                at.entity
                    .is_some_and(|e| m.te <= e && e - m.te <= 1 && m.ts >= at.end)
            })
            .map(|m| m.id)
    }

    /// The places a figure is about: the place named nearest to it in its
    /// sentence, or, when that mention is coordinated with others ("en Irak
    /// et en Syrie", "irakiennes et syriennes"), all of them together.
    pub fn places_near(&self, at: &FigureTokens, sm: &SentenceMeaning, toks: &Tokens) -> Places {
        // Group mentions joined by coordination words.
        let mut groups: Vec<Vec<Mention>> = Vec::new();
        for &(m, name) in &sm.places {
            if let Some(g) = groups.last_mut() {
                let prev = g[g.len() - 1].0;
                let joined = m.ts >= prev.te
                    && m.ts - prev.te <= 3
                    && (prev.te..m.ts).all(|k| {
                        matches!(
                            toks.key(k..k + 1),
                            "et" | "and"
                                | "en"
                                | "in"
                                | "a"
                                | "au"
                                | "aux"
                                | "la"
                                | "le"
                                | "l'"
                                | "the"
                                | "ou"
                                | "or"
                        )
                    })
                    && !toks.toks[m.ts].clause_break;
                if joined {
                    g.push((m, name));
                    continue;
                }
            }
            groups.push(vec![(m, name)]);
        }
        // The nearest group with a place name (adjectives alone name sides),
        // or a coordination of adjectives.
        let mut best: Option<(usize, &Vec<Mention>)> = None;
        for g in &groups {
            let names = g.iter().filter(|m| m.1).count();
            if names == 0 && g.len() < 2 {
                continue;
            }
            let (gs, ge) = (g[0].0.ts, g[g.len() - 1].0.te);
            let dist = if ge <= at.start {
                // Far back in a long sentence, a place names something
                // else, unless it frames the sentence ("En Syrie, ...").
                if at.start - ge > PLACE_BEFORE && gs > 2 {
                    continue;
                }
                at.start - ge
            } else if gs >= at.after {
                // After the figure: only close ones ("1 400 soldats déployés
                // en Irak"), within the clause; a place right after the noun
                // ("killed in Iraq") wins over any before it.
                if gs - at.after > 8
                    || !clear(toks, at.after, gs)
                    || (at.after + 1..=gs).any(|k| toks.toks.get(k).is_some_and(|t| t.comma))
                {
                    continue;
                }
                if gs - at.after <= 4 {
                    0
                } else {
                    gs - at.after
                }
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
                if !g
                    .iter()
                    .any(|o| o.0.id != m.0.id && self.place_within(m.0.id, o.0.id))
                {
                    out.insert(m.0.id);
                }
            }
        }
        out
    }
}

/// How far back, in tokens, a place is looked for.
const PLACE_BEFORE: usize = 25;

/// How far, in tokens, a role is looked for before and after a figure.
const ROLE_BEFORE: usize = 8;
const ROLE_AFTER: usize = 10;

/// Where a figure stands among the tokens of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureTokens {
    /// First token of the figure.
    pub start: usize,
    /// First token after the figure.
    pub end: usize,
    /// First token of the counted noun, if any.
    pub entity: Option<usize>,
    /// First token after the figure and its noun.
    pub after: usize,
}

impl FigureTokens {
    pub fn new(toks: &Tokens, fig: &Figure) -> FigureTokens {
        let start = toks.first_after(fig.start);
        let end = toks.first_from(fig.end).max(start);
        let entity = fig.entity.map(|(s, _)| toks.first_after(s));
        let after = fig.entity.map_or(end, |(_, e)| toks.first_from(e)).max(end);
        FigureTokens {
            start,
            end,
            entity,
            after,
        }
    }
}

/// The vocabularies' phrases found in one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceMeaning {
    pub deltas: Vec<Match>,
    pub roles: Vec<Match>,
    pub sides: Vec<Match>,
    /// Place names (true) and place adjectives (false), in order.
    pub places: Vec<(Match, bool)>,
    pub periods: Vec<Match>,
}

/// No clause break and no number between tokens `a` and `b`.
fn clear(toks: &Tokens, a: usize, b: usize) -> bool {
    (a..b.min(toks.toks.len()))
        .all(|k| !toks.toks[k].digits && (k == a || !toks.toks[k].clause_break))
        && toks.toks.get(b).is_none_or(|t| !t.clause_break || b == a)
}

/// The match nearest a figure: before it within `before` tokens, or after
/// its noun within `after` tokens in the same clause; the nearer wins, the
/// one before on a tie.
fn nearest(
    ms: &[Match],
    at: &FigureTokens,
    toks: &Tokens,
    before: usize,
    after: usize,
) -> Option<u16> {
    nearest_with(ms, at, toks, before, after, true)
}

/// [`nearest`], optionally looking past other figures before the figure
/// (periods: "les six premiers mois de 2024, ... 153 attaques").
fn nearest_with(
    ms: &[Match],
    at: &FigureTokens,
    toks: &Tokens,
    before: usize,
    after: usize,
    strict_before: bool,
) -> Option<u16> {
    let b = ms
        .iter()
        .filter(|m| {
            m.te <= at.start
                && at.start - m.te <= before
                && (!strict_before || clear(toks, m.te, at.start))
        })
        .map(|m| (at.start - m.te, m.id))
        .min();
    let a = ms
        .iter()
        .filter(|m| m.ts >= at.after && m.ts - at.after <= after && clear(toks, at.after, m.ts))
        .map(|m| (m.ts - at.after, m.id))
        .min();
    match (b, a) {
        (Some(b), Some(a)) => Some(if a.0 < b.0 { a.1 } else { b.1 }),
        (Some(b), None) => Some(b.1),
        (None, Some(a)) => Some(a.1),
        (None, None) => None,
    }
}

/// A place mentioned in a sentence, and whether it is a name (true) or an
/// adjective (false).
type Mention = (Match, bool);

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

    /// True when the figure states a change: a delta word right before or
    /// after its noun ("13 nouveaux décès", "72 décès supplémentaires").
    pub fn is_delta(&self, at: &FigureTokens, sm: &SentenceMeaning) -> bool {
        sm.deltas.iter().any(|m| {
            (m.ts >= at.end && m.ts <= at.after + 1) || (m.te <= at.start && at.start - m.te <= 1)
        })
    }

    /// The period named in words nearest the figure in its sentence: any
    /// before it, or one close after it.
    pub fn period_word(
        &self,
        at: &FigureTokens,
        sm: &SentenceMeaning,
        toks: &Tokens,
    ) -> Option<Span> {
        let id = nearest_with(&sm.periods, at, toks, usize::MAX, 8, false)?;
        self.period_spans.get(id as usize).copied()
    }

    /// How many bytes of a line [`Meanings::is_boilerplate_line`] needs.
    pub fn boilerplate_head(&self) -> usize {
        self.boilerplate_starts
            .iter()
            .chain(&self.boilerplate_lines)
            .map(|x| x.len())
            .max()
            .unwrap_or(0)
            * 2
            + 8
    }

    /// True when a line is boilerplate by its words, given its folded head
    /// (`whole`: the head is the whole line).
    pub fn is_boilerplate_line(&self, folded_head: &str, whole: bool) -> bool {
        let l = folded_head.trim();
        (whole && self.boilerplate_lines.iter().any(|x| x == l))
            || self
                .boilerplate_starts
                .iter()
                .any(|x| l.starts_with(x.as_str()))
    }
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
        if key.delta {
            parts.push("change".to_string());
        }
        parts.join(", ")
    }
}
