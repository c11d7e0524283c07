//! Sets of places, and how places lie within one another.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use super::Meanings;
use crate::claims::tokens::{phrase_key, Tokens};

/// A small set of places (up to four), sorted; empty when unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Places {
    ids: [u16; 4],
    n: u8,
}

impl Places {
    pub(crate) fn insert(&mut self, id: u16) {
        let n = self.n as usize;
        if self.ids[..n].contains(&id) || n == 4 {
            return;
        }
        self.ids[n] = id;
        self.n += 1;
        self.ids[..n + 1].sort();
    }

    pub(crate) fn ids(&self) -> &[u16] {
        &self.ids[..self.n as usize]
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The only place, if there is exactly one.
    pub(crate) fn single(&self) -> Option<u16> {
        (self.n == 1).then_some(self.ids[0])
    }
}

impl Meanings {
    /// "iraq+syria".
    pub(crate) fn places_name(&self, p: &Places) -> String {
        p.ids()
            .iter()
            .map(|&i| self.places.name(i))
            .collect::<Vec<_>>()
            .join("+")
    }

    /// True when two place sets share a place, counting places within
    /// others (Baghdad overlaps Iraq).
    pub(crate) fn places_overlap(&self, a: &Places, b: &Places) -> bool {
        a.ids().iter().any(|&x| {
            b.ids()
                .iter()
                .any(|&y| self.place_within(x, y) || self.place_within(y, x))
        })
    }

    /// The outermost place `a` lies within (its country).
    pub(crate) fn place_root(&self, a: u16) -> u16 {
        let mut x = a;
        for _ in 0..16 {
            match self.within.get(x as usize).copied().flatten() {
                Some(p) => x = p,
                None => break,
            }
        }
        x
    }

    /// True when place `a` is `b` or lies within it.
    pub(crate) fn place_within(&self, a: u16, b: u16) -> bool {
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
}

/// The gazetteer of `rules/places/gazetteer.tsv`, written by
/// `scripts/gazetteer.py` from GeoNames (countries, first-level regions,
/// cities of 100 000 people or more and capitals) with their English and
/// French names. Its places are the first ids of the place vocabulary, in
/// the order of its `P` rows; its names are slices of the embedded text
/// (about a millisecond to index at start-up).
///
/// # Which names are read as places
///
/// A gazetteer name is a proper name, and many proper names spell common
/// words or other names ("Nice", "Orange", "Split", "Reading", "Nancy
/// Pelosi", "Paris Saint-Germain"). A name found in a sentence is read as a
/// place only when:
///
/// - it is written with a capital and lowercase letters ("Nice", not
///   "nice", nor "NICE": words in capitals are headlines, acronyms and
///   datelines);
/// - it stands alone as a name: no hyphen joins it to the word before or
///   after it ("Montoir-de-Bretagne", "Paris-Saclay"), and the word before
///   it (unless it introduces a place: a place preposition, an article, a
///   `place_links` word or an exclusion, "En France", "Les Etats-Unis",
///   "Excluding Hubei") and the word after it (unless it names a period: "in
///   Baghdad Monday"), when only blanks stand between, are not capitalised
///   ("Nancy Pelosi", "Abraham Lincoln", "New York Times" name no place; a
///   point, a comma or a quote between ends a name: "OPS.Le Brésil");
/// - a city or a region is introduced as a place: a place preposition, an
///   article or an exclusion stands right before it ("à Washington", "la
///   ville de Lahore", "in Leeds", "excluding Hubei"), or a place and a
///   comma ("Newport, Rhode Island"); a bare city name is
///   often a government ("Washington a lancé un raid"), a person ("George
///   selected") or a modifier ("Coimbatore cultivars"). Country and
///   continent names need nothing before them ("Le Brésil compte",
///   "Turkey's president", "l'Europe totalisait"); a continent after a
///   genitive word (`[places] genitive`), directly or through an article,
///   qualifies a noun and is no place ("pays d'Europe", "le géant de
///   l'Asie");
/// - a name followed by a number that the text reads as a label is part
///   of a name ("Europe 1", "France 2");
/// - when the name is also a common lowercase word of French or English
///   (the gazetteer's `common` column: "Nice", "Tours", "Reading", "Nord";
///   never a country or a capital), it is a place only after a place
///   preposition of the language (`[places] prepositions`: "à", "in"...).
///
/// A dateline ("PARIS (AFP) -", "Paris |", "Washington, 12 mars (Reuters)
/// -") names where a story was written: a place that opens a paragraph and
/// is followed by one is no place of the sentence's figures. A place after
/// an exclusion (`[places] exclude`: "hors de Chine", "outside China") is
/// not the figure's place: when it is the nearest, the figure has none.
///
/// A city named with its region or country after a comma ("Newport, Rhode
/// Island", "Monterey, en Californie") is the town of that name there: a
/// city of the gazetteer that lies in another country is a homonym, and is
/// dropped.
///
/// The places of the language files (`[place.*]`) are matched as they are
/// written, in any case, wherever they stand: they hold what the
/// gazetteer lacks (acronyms such as "RDC", regions such as "Cisjordanie")
/// and the adjectives that name a place when coordinated.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Gazetteer {
    /// Number of places; 0 until [`Gazetteer::builtin`] (no place, no
    /// name).
    pub(crate) len: u16,
}

/// The gazetteer's tables, built from its text by `build.rs`: `ROWS` (the
/// places in order), and the open-addressing tables `IDS`, `NAMES` and
/// `FIRSTS` (see [`lookup`]), whose keys are spans of `KEYS` (no table
/// holds a pointer, so none is relocated at start).
mod tables {
    include!(concat!(env!("OUT_DIR"), "/gazetteer.rs"));
}

/// The hash of the tables of `build.rs` (FNV-1a, 64 bits).
fn fnv(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The key at offset `off`, of `len` bytes, of the tables' keys.
fn key_at(off: u32, len: u8) -> &'static str {
    let off = off as usize;
    &tables::KEYS[off..off + len as usize]
}

/// The slot of `key` in a table of `build.rs` whose slots have keys
/// `key(slot)` (offset and length in `KEYS`): slots probed in turn from
/// the key's hash up to an empty one (length 0).
fn lookup<T>(table: &'static [T], key: &str, span: impl Fn(&T) -> (u32, u8)) -> Option<&'static T> {
    let keys = tables::KEYS.as_bytes();
    let mask = table.len() - 1;
    let mut h = (fnv(key) as usize) & mask;
    loop {
        let slot = &table[h];
        let (off, len) = span(slot);
        if len == 0 {
            return None;
        }
        let off = off as usize;
        if usize::from(len) == key.len() && &keys[off..off + key.len()] == key.as_bytes() {
            return Some(slot);
        }
        h = (h + 1) & mask;
    }
}

/// The place of a name key and whether the name is also a common word.
fn name_lookup(key: &str) -> Option<(u16, bool)> {
    lookup(tables::NAMES, key, |s| (s.0, s.1)).map(|s| (s.2, s.3))
}

/// The most words of a name key starting with word `key`.
fn first_lookup(key: &str) -> Option<u8> {
    lookup(tables::FIRSTS, key, |s| (s.0, s.1)).map(|s| s.2)
}

/// The gazetteer's text, embedded.
#[cfg(test)]
pub(crate) const GAZETTEER: &str = include_str!("../../../rules/places/gazetteer.tsv");

/// A name of the gazetteer found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GazetteerName {
    pub(crate) place: u16,
    /// Tokens of the name.
    pub(crate) len: usize,
    /// The name is also a common word.
    pub(crate) common: bool,
}

impl Gazetteer {
    /// The embedded gazetteer.
    pub(crate) fn builtin() -> Gazetteer {
        Gazetteer {
            len: tables::ROWS.len() as u16,
        }
    }

    /// Row ids of the places, in order.
    pub(crate) fn ids(&self) -> impl Iterator<Item = &'static str> {
        tables::ROWS[..self.len as usize]
            .iter()
            .map(|r| key_at(r.0, r.1))
    }

    /// The place each place lies within, in order.
    pub(crate) fn parents(&self) -> impl Iterator<Item = Option<u16>> {
        tables::ROWS[..self.len as usize].iter().map(|r| r.3)
    }

    /// The place of row id `id`.
    pub(crate) fn by_id(&self, id: &str) -> Option<u16> {
        if self.len == 0 {
            return None;
        }
        lookup(tables::IDS, id, |s| (s.0, s.1)).map(|s| s.2)
    }

    /// True for a country of the gazetteer.
    #[cfg(test)]
    pub(crate) fn is_country(&self, place: u16) -> bool {
        place < self.len && tables::ROWS[place as usize].2 == 2
    }

    /// True for a country or a continent of the gazetteer: its name alone
    /// makes it a place ("Le Brésil compte", "l'Europe totalisait").
    pub(crate) fn named_alone(&self, place: u16) -> bool {
        place < self.len && matches!(tables::ROWS[place as usize].2, 2 | 3)
    }

    /// True for a continent of the gazetteer.
    pub(crate) fn is_continent(&self, place: u16) -> bool {
        place < self.len && tables::ROWS[place as usize].2 == 3
    }

    /// True for a city of the gazetteer.
    pub(crate) fn is_city(&self, place: u16) -> bool {
        place < self.len && tables::ROWS[place as usize].2 == 1
    }

    /// The name with key `key`, if any.
    #[cfg(test)]
    pub(crate) fn name(&self, key: &str) -> Option<(u16, bool)> {
        if self.len == 0 {
            return None;
        }
        name_lookup(key)
    }

    /// The longest name starting at token `i`.
    pub(crate) fn match_at(&self, toks: &Tokens, i: usize) -> Option<GazetteerName> {
        if self.len == 0 {
            return None;
        }
        let longest = first_lookup(toks.key(i..i + 1))? as usize;
        let n = toks.toks.len();
        for len in (1..=longest.min(n - i)).rev() {
            if let Some((place, common)) = name_lookup(toks.key(i..i + len)) {
                return Some(GazetteerName { place, len, common });
            }
        }
        None
    }

    /// The regions one of whose names (English or French) has key `key`
    /// ("new york": the state, which the name alone leaves to the city).
    /// The index is made the first time a region is asked for.
    pub(crate) fn regions_named(&self, key: &str) -> &'static [u16] {
        static INDEX: OnceLock<HashMap<String, Vec<u16>>> = OnceLock::new();
        if self.len == 0 {
            return &[];
        }
        let index = INDEX.get_or_init(|| {
            let mut index: HashMap<String, Vec<u16>> = HashMap::default();
            for &(place, name) in tables::REGION_NAMES {
                let v = index.entry(phrase_key(name)).or_default();
                if !v.contains(&place) {
                    v.push(place);
                }
            }
            index
        });
        index.get(key).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Document;
    use crate::model::Lang;
    use crate::rules::Selection;
    use rustc_hash::FxHashMap as HashMap;

    /// The tables `build.rs` writes hold the gazetteer's text, read here
    /// line by line.
    #[test]
    fn gazetteer_keys_are_sorted_and_folded_as_figcheck_folds() {
        let g = Gazetteer::builtin();
        let mut rows: Vec<(&str, &str)> = Vec::new();
        let mut firsts: HashMap<&str, usize> = HashMap::default();
        let mut last = "";
        for line in GAZETTEER.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            match f[0] {
                "P" => {
                    let i = rows.len() as u16;
                    assert_eq!(g.is_city(i), f[2] == "city", "{line}");
                    assert_eq!(g.is_country(i), f[2] == "country", "{line}");
                    assert_eq!(
                        g.named_alone(i),
                        matches!(f[2], "country" | "continent"),
                        "{line}"
                    );
                    rows.push((f[1], f[3]));
                }
                "N" => {
                    let (key, name) = (f[1], f[4]);
                    assert!(last < key, "{last} then {key}");
                    assert_eq!(phrase_key(name), key, "{name}");
                    assert_eq!(g.name(key), Some((f[2].parse().unwrap(), f[3] == "1")));
                    let first = firsts.entry(key.split(' ').next().unwrap()).or_insert(0);
                    *first = (*first).max(key.split(' ').count());
                    last = key;
                }
                _ => {}
            }
        }
        assert!(rows.len() > 5000 && (g.len as usize) == rows.len());
        assert_eq!(
            g.ids().collect::<Vec<_>>(),
            rows.iter().map(|r| r.0).collect::<Vec<_>>()
        );
        for (i, (id, _)) in rows.iter().enumerate() {
            assert_eq!(g.by_id(id), Some(i as u16), "{id}");
        }
        for ((_, parent), within) in rows.iter().zip(g.parents()) {
            assert!(parent.is_empty() || within.is_some(), "{parent}");
            assert_eq!(within, g.by_id(parent));
        }
        for (first, n) in firsts {
            assert_eq!(first_lookup(first), Some(n as u8), "{first}");
        }
        assert_eq!(g.name("no such place"), None);
        assert_eq!(Gazetteer::default().name("paris"), None);
    }

    #[test]
    fn gazetteer_names_places_within_countries() {
        let m = &crate::testing::config().meanings;
        let id = |k: &str| m.gazetteer.name(k).unwrap().0;
        assert_eq!(m.places.name(id("londres")), "london");
        assert_eq!(id("london"), id("londres"));
        assert!(m.place_within(id("bagdad"), id("irak")));
        assert!(m.place_within(id("wuhan"), id("chine")));
        assert!(m.place_within(id("hubei"), id("china")));
        assert!(!m.place_within(id("paris"), id("pays bas")));
        // A common word is flagged; a country or a capital never is.
        assert!(m.gazetteer.name("nice").unwrap().1);
        assert!(!m.gazetteer.name("turkey").unwrap().1);
        assert!(!m.gazetteer.name("paris").unwrap().1);
    }

    /// The `[places] examples` of every language: the figure gets exactly
    /// the places named.
    #[test]
    fn place_examples_pass() {
        let cfg = crate::testing::config();
        let m = &cfg.meanings;
        assert!(m.place_examples.len() >= 10);
        let mut failed = Vec::new();
        for x in &m.place_examples {
            let doc = Document::new("a.txt", &x.text, Some(Lang::new(&x.lang)));
            let (corpus, _) = crate::analyze(vec![doc], cfg, &Selection::default());
            let got: Vec<String> = corpus
                .claims
                .iter()
                .filter(|c| x.text[c.fig.start()..c.fig.end()] == x.figure)
                .map(|c| m.places_name(&c.places))
                .collect();
            if got != [x.places.clone()] {
                failed.push(format!("{}: {:?} → {got:?}", x.text, x.places));
            }
        }
        assert!(failed.is_empty(), "{failed:#?}");
    }
}
