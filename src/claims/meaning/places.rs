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
///   selected") or a modifier ("Coimbatore cultivars"). Country names need
///   nothing before them ("Le Brésil compte", "Turkey's president");
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
#[derive(Debug, Clone, Default)]
pub(crate) struct Gazetteer {
    /// Number of places.
    pub(crate) len: u16,
    /// Which places are cities, and which are countries.
    cities: Vec<bool>,
    countries: Vec<bool>,
    /// Place id by row id, for the language files that add words to them.
    pub(crate) by_id: HashMap<&'static str, u16>,
    /// The names: key (a slice of [`GAZETTEER`]) → place and common flag.
    names: HashMap<&'static str, (u16, bool)>,
    /// The first word of each key → the most tokens of a key starting with
    /// it.
    firsts: HashMap<&'static str, u8>,
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

/// The tab-separated fields of a line, as `split('\t')` gives them.
struct Fields<'a>(Option<&'a str>);

impl<'a> Iterator for Fields<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.0?;
        match rest.bytes().position(|b| b == b'\t') {
            Some(i) => {
                self.0 = Some(&rest[i + 1..]);
                Some(&rest[..i])
            }
            None => {
                self.0 = None;
                Some(rest)
            }
        }
    }
}

/// The embedded gazetteer, read once per process.
static PARSED: std::sync::OnceLock<(Gazetteer, Vec<PlaceRow>)> = std::sync::OnceLock::new();

/// The embedded gazetteer with its places in order, read on first use.
pub(crate) fn parsed() -> &'static (Gazetteer, Vec<PlaceRow>) {
    PARSED.get_or_init(|| Gazetteer::parse(GAZETTEER))
}

impl Gazetteer {
    /// Reads the gazetteer's text; returns it with its places in order.
    pub(crate) fn parse(text: &'static str) -> (Gazetteer, Vec<PlaceRow>) {
        let mut g = Gazetteer::default();
        let mut rows = Vec::new();
        // Lines and fields are cut by hand: `lines()` and `split` cost more
        // than the indexing itself on so many short lines.
        let bytes = text.as_bytes();
        let mut start = 0;
        while start < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
            let line = &text[start..end];
            let line = line.strip_suffix('\r').unwrap_or(line);
            start = end + 1;
            let mut f = Fields(Some(line));
            match f.next() {
                Some("P") => {
                    let id = f.next().unwrap_or("");
                    let kind = f.next();
                    g.cities.push(kind == Some("city"));
                    g.countries.push(kind == Some("country"));
                    let parent = f.next().unwrap_or("");
                    g.by_id.insert(id, rows.len() as u16);
                    rows.push(PlaceRow { id, parent });
                }
                Some("N") => {
                    let key = f.next().unwrap_or("");
                    let place = f.next().and_then(|x| x.parse().ok()).unwrap_or(0);
                    let common = f.next() == Some("1");
                    let words = key.bytes().filter(|&b| b == b' ').count() + 1;
                    let len = words.min(u8::MAX as usize) as u8;
                    let first_word = &key[..key.find(' ').unwrap_or(key.len())];
                    let first = g.firsts.entry(first_word).or_insert(0);
                    *first = (*first).max(len);
                    g.names.insert(key, (place, common));
                }
                _ => {}
            }
        }
        g.len = rows.len() as u16;
        (g, rows)
    }

    /// True for a country of the gazetteer.
    pub(crate) fn is_country(&self, place: u16) -> bool {
        self.countries.get(place as usize) == Some(&true)
    }

    /// True for a city of the gazetteer.
    pub(crate) fn is_city(&self, place: u16) -> bool {
        self.cities.get(place as usize) == Some(&true)
    }

    /// The name with key `key`, if any.
    #[cfg(test)]
    pub(crate) fn name(&self, key: &str) -> Option<(u16, bool)> {
        self.names.get(key).copied()
    }

    /// The longest name starting at token `i`.
    pub(crate) fn match_at(&self, toks: &Tokens, i: usize) -> Option<GazetteerName> {
        let longest = *self.firsts.get(toks.key(i..i + 1))? as usize;
        let n = toks.toks.len();
        for len in (1..=longest.min(n - i)).rev() {
            if let Some(&(place, common)) = self.names.get(toks.key(i..i + len)) {
                return Some(GazetteerName { place, len, common });
            }
        }
        None
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
        for line in GAZETTEER.lines().filter(|l| l.starts_with("N\t")) {
            let f: Vec<&str> = line.split('\t').collect();
            let (key, name) = (f[1], f[4]);
            assert!(last < key, "{last} then {key}");
            assert_eq!(phrase_key(name), key, "{name}");
            assert_eq!(g.name(key).map(|x| x.0), f[2].parse().ok());
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
