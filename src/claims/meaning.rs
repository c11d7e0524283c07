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
    pub roles: Vocabulary,
    pub sides: Vocabulary,
    pub places: Vocabulary,
    /// For each place, the place it lies within.
    pub within: Vec<Option<u16>>,
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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    words: Vec<String>,
    #[serde(default)]
    within: Option<String>,
    #[serde(default)]
    people: Option<bool>,
    #[serde(default)]
    compare: Option<bool>,
}

/// How far around a figure its role, side and place are looked for.
const BEFORE: usize = 48;
const AFTER: usize = 64;

impl Meanings {
    /// Adds a meaning file (top-level `measure`, `role`, `side` or `place`
    /// tables). Returns false when the file is not one.
    pub fn add_file(&mut self, file: &str, text: &str, table: &toml::Table) -> Result<bool> {
        if !["measure", "role", "side", "place"]
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
        }
        for (id, e) in &raw.role {
            self.roles.add(id, &e.words);
        }
        for (id, e) in &raw.side {
            self.sides.add(id, &e.words);
        }
        for (id, e) in &raw.place {
            self.places.add(id, &e.words);
        }
        self.within = vec![None; self.places.ids.len()];
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

    /// The place, from the sentence around the figure.
    pub fn place_near(&self, text: &str, sentence: (usize, usize), fig: &Figure) -> Option<u16> {
        let from = fig.start.max(sentence.0);
        let before = fold(&text[sentence.0..from]);
        let (_, after) = self.windows(text, sentence, fig);
        let after = clause(&after);
        let hits_b = self.places.find_in(&before);
        let hits_a = self.places.find_in(after);
        // Several places before the figure ("en Irak et en Syrie"): none
        // of them alone.
        let b = hits_b
            .iter()
            .map(|&(_, e, id)| (before.len() - e, id))
            .min();
        let a = hits_a.iter().map(|&(s, _, id)| (s, id)).min();
        match (b, a) {
            (_, Some(a)) if a.0 < 24 => Some(a.1),
            (Some(b), _) => Some(b.1),
            (None, Some(a)) => Some(a.1),
            _ => None,
        }
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
        if let Some(p) = key.place {
            parts.push(format!("in {}", self.places.name(p)));
        }
        parts.join(", ")
    }
}
