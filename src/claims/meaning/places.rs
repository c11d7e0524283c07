//! Sets of places, and how places lie within one another.

use rustc_hash::FxHashMap as HashMap;

use super::Meanings;
use crate::claims::tokens::Tokens;

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
/// the order of its `P` rows; its names stay in the embedded text, sorted
/// by key, and are looked up by binary search, so loading it builds no
/// table of names.
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
/// - it stands alone as a name: the word before it (unless a comma stands
///   between, or it opens the sentence and introduces a place: a place
///   preposition, a `place_links` word or an exclusion, "En France",
///   "Excluding Hubei") and the word after it (unless a comma stands
///   between, or it names a period: "in Baghdad Monday") are not
///   capitalised ("Nancy Pelosi", "Abraham Lincoln", "New York Times" name
///   no place);
/// - when the name is also a common lowercase word of French or English
///   (the gazetteer's `common` column: "Nice", "Tours", "Reading", "Nord";
///   never a country or a capital), a place preposition of the language
///   (`[places] prepositions`: "à", "de", "in"...) stands right before it,
///   which also keeps it from opening the sentence.
///
/// A dateline ("PARIS (AFP) -", "Paris |", "Washington, 12 mars (Reuters)
/// -") names where a story was written: a place that opens a paragraph and
/// is followed by one is no place of the sentence's figures. A place after
/// an exclusion (`[places] exclude`: "hors de Chine", "outside China") is
/// not the figure's place: when it is the nearest, the figure has none.
///
/// The places of the language files (`[place.*]`) are matched as they are
/// written, in any case, wherever they stand: they hold what the
/// gazetteer lacks (acronyms such as "RDC", regions such as "Cisjordanie")
/// and the adjectives that name a place when coordinated.
#[derive(Debug, Clone, Default)]
pub(crate) struct Gazetteer {
    /// Number of places.
    pub(crate) len: u16,
    /// Place id by row id, for the language files that add words to them.
    pub(crate) by_id: HashMap<&'static str, u16>,
    /// Byte offsets of the `N` rows in [`GAZETTEER`], sorted by key.
    names: Vec<u32>,
    /// Most tokens in a key.
    max_len: usize,
}

/// The gazetteer's text, embedded.
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

/// One place of the gazetteer: its row id and its parent's row id.
pub(crate) struct PlaceRow {
    pub(crate) id: &'static str,
    pub(crate) parent: &'static str,
}

impl Gazetteer {
    /// Reads the gazetteer's text; returns it with its places in order.
    pub(crate) fn parse(text: &'static str) -> (Gazetteer, Vec<PlaceRow>) {
        let mut g = Gazetteer::default();
        let mut rows = Vec::new();
        let mut at = 0usize;
        for line in text.split_inclusive('\n') {
            let start = at;
            at += line.len();
            let line = line.trim_end_matches('\n');
            let mut f = line.split('\t');
            match f.next() {
                Some("P") => {
                    let id = f.next().unwrap_or("");
                    let _kind = f.next();
                    let parent = f.next().unwrap_or("");
                    g.by_id.insert(id, rows.len() as u16);
                    rows.push(PlaceRow { id, parent });
                }
                Some("N") => {
                    let key = f.next().unwrap_or("");
                    g.max_len = g.max_len.max(key.split(' ').count());
                    g.names.push(start as u32);
                }
                _ => {}
            }
        }
        g.len = rows.len() as u16;
        (g, rows)
    }

    /// The key, place and common flag of the `N` row at byte `at`.
    fn row(&self, at: u32) -> (&'static str, u16, bool) {
        let line = GAZETTEER[at as usize..].split('\n').next().unwrap_or("");
        let mut f = line.split('\t').skip(1);
        let key = f.next().unwrap_or("");
        let place = f.next().and_then(|x| x.parse().ok()).unwrap_or(0);
        let common = f.next() == Some("1");
        (key, place, common)
    }

    /// The name with key `key`, if any.
    pub(crate) fn name(&self, key: &str) -> Option<(u16, bool)> {
        let i = self
            .names
            .binary_search_by(|&at| self.row(at).0.cmp(key))
            .ok()?;
        let (_, place, common) = self.row(self.names[i]);
        Some((place, common))
    }

    /// The longest name starting at token `i`.
    pub(crate) fn match_at(&self, toks: &Tokens, i: usize) -> Option<GazetteerName> {
        let n = toks.toks.len();
        for len in (1..=self.max_len.min(n - i)).rev() {
            if let Some((place, common)) = self.name(toks.key(i..i + len)) {
                return Some(GazetteerName { place, len, common });
            }
        }
        None
    }

    /// Every name row, as (key, name as written): for tests.
    #[cfg(test)]
    fn rows(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.names.iter().map(|&at| {
            let line = GAZETTEER[at as usize..].split('\n').next().unwrap_or("");
            let f: Vec<&str> = line.split('\t').collect();
            (f[1], f[4])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::tokens::phrase_key;
    use crate::input::Document;
    use crate::model::Lang;
    use crate::rules::Selection;

    #[test]
    fn gazetteer_keys_are_sorted_and_folded_as_figcheck_folds() {
        let (g, rows) = Gazetteer::parse(GAZETTEER);
        assert!(rows.len() > 5000 && (g.len as usize) == rows.len());
        let mut last = "";
        for (key, name) in g.rows() {
            assert!(last < key, "{last} then {key}");
            assert_eq!(phrase_key(name), key, "{name}");
            last = key;
        }
        for r in &rows {
            assert!(r.parent.is_empty() || g.by_id.contains_key(r.parent));
        }
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
                .filter(|c| x.text[c.fig.start..c.fig.end] == x.figure)
                .map(|c| m.places_name(&c.places))
                .collect();
            if got != [x.places.clone()] {
                failed.push(format!("{}: {:?} → {got:?}", x.text, x.places));
            }
        }
        assert!(failed.is_empty(), "{failed:#?}");
    }
}
