//! Which documents tell the same story, for the checks that compare
//! sources (conflict, corroboration, scale slips), decided from what the
//! documents say, never from how many there are.
//!
//! Two articles that both count "people killed" are mostly about different
//! events: a fire and a shooting in one city on one day. Two documents
//! tell one story when they show it in their words:
//! - they print the same long sentence (at least [`LONG_SENTENCE`] words,
//!   folded, figures included): a reprint or a shared agency copy; or
//! - they state at least [`SHARED_FIGURES`] figures alike: the same value
//!   (at least [`MIN_FIGURE`]) of the same key, in any language, people of
//!   any kind taken as one ("23.000 personnes", "23.000 manifestants"; "45
//!   Islamic State fighters killed" and "la mort de 45 jihadistes de l'État
//!   islamique", "Twelve suspects were arrested" and "12 suspects ont été
//!   arrêtés"); or
//! - they share at least `min_shared` distinctive proper names, or as many
//!   pieces of evidence counting each name and each figure alike as one
//!   ("282 710" protesters and "Savoie" in both). A name is
//!   a capitalised word that does not open a sentence; it is distinctive
//!   when it is not one of the names too common in news and encyclopedia
//!   text to mean anything (`[story] common_names` in
//!   `rules/lexicon/names.toml`, measured on a reference corpus: "France",
//!   "AFP", "Emmanuel", "February") and, in a large run, when few
//!   documents of the run use it or those that do were published within a
//!   month of each other (the names of one event: "Floyd", "Traoré");
//!
//! and, when both publication dates are known, were published within
//! `max_days` days of each other.
//!
//! Candidate pairs come from inverted indexes of names and of sentences,
//! so the cost grows with the pairs of documents that share a rare name or
//! a sentence, not with the square of the corpus.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use super::dates::published;
use super::names::DocNames;
use crate::claims::Meanings;
use crate::claims::{Corpus, Relation};
use crate::lexicon::{fold_into, fold_words_hash, name_hash};

/// When two documents tell the same story (rule parameters).
#[derive(Debug, Clone, Copy)]
pub(crate) struct StoryParams {
    /// Distinctive names two documents must share.
    pub(crate) min_shared: usize,
    /// Most days between their publication dates, when both are known.
    pub(crate) max_days: i64,
    /// Most days between them for claims that both date a past event
    /// (a period stated in their text, ended before either was published):
    /// a retelling or a history cited days later still states the same
    /// figure of the same event. Below `max_days`, `max_days` holds.
    pub(crate) max_days_past: i64,
    /// Proper names the sentences of two compared claims must share.
    pub(crate) min_sentence_names: usize,
    /// Only claims with a place are compared (the deaths "in France", not
    /// the deaths of an unnamed place).
    pub(crate) place_required: bool,
    /// How sure the match of two claims must be (see `claims::Relation`).
    pub(crate) min_relation: Relation,
    /// A count of people of any kind is compared with a count of people of
    /// a particular kind (see `Claim::generic_match`).
    pub(crate) generic_people: bool,
    /// Two running tallies (periods left to the time of writing) printed
    /// the same day are compared (see `CompareParams::running_same_day`).
    pub(crate) running_same_day: bool,
    /// The least value of a national tally compared without a story
    /// (see `CompareParams::national_tally`); zero for none.
    pub(crate) national_tally: rust_decimal::Decimal,
}

/// Why two documents were taken as one story, or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Evidence {
    /// Distinctive names both use, folded, sorted.
    pub(crate) names: Vec<String>,
    /// Figures both state alike (same key and value).
    pub(crate) figures: usize,
    /// Long sentences both print identically.
    pub(crate) sentences: usize,
    /// Days between their publication dates, when both are known.
    pub(crate) days_apart: Option<i64>,
}

impl Evidence {
    /// True when the evidence makes one story.
    pub(crate) fn same_story(&self, p: &StoryParams) -> bool {
        one_story(
            p,
            self.days_apart,
            self.sentences,
            self.figures,
            self.names.len(),
        )
    }
}

/// The rule of the module docs: documents `days_apart` (when known; further
/// than `max_days`, only claims about a past event are compared, see
/// `sources::why_not`) that
/// print `sentences` long sentences, `figures` figures and `names`
/// distinctive names in common tell one story.
fn one_story(
    p: &StoryParams,
    days_apart: Option<i64>,
    sentences: usize,
    figures: usize,
    names: usize,
) -> bool {
    days_apart.is_none_or(|d| d <= p.max_days.max(p.max_days_past))
        && (sentences > 0 || figures >= SHARED_FIGURES || names + figures >= p.min_shared)
}

/// The names and sentences of every document and when it was published.
#[derive(Debug, Clone, Default)]
pub(crate) struct Stories {
    /// For each document, its distinctive names (as
    /// [`crate::lexicon::name_hash`]), sorted.
    names: Lists,
    /// For each document, hashes of its long sentences, sorted.
    sentences: Lists,
    /// For each document, hashes of the key and value of its figures,
    /// sorted.
    figures: Lists,
    /// Publication day (days since 1970), when known.
    day: Vec<Option<i64>>,
}

/// A list of hashes for each document, each in a boxed slice of its
/// length (16 bytes beside its hashes, and no spare room).
#[derive(Debug, Clone, Default)]
struct Lists(Vec<Box<[u64]>>);

impl Lists {
    /// Adds the list of the next document.
    fn push(&mut self, list: impl IntoIterator<Item = u64>) {
        self.0.push(list.into_iter().collect());
    }

    /// Gives back the room the list of lists grew into but does not use.
    fn shrink_to_fit(&mut self) {
        self.0.shrink_to_fit();
    }
}

impl std::ops::Index<usize> for Lists {
    type Output = [u64];
    fn index(&self, d: usize) -> &[u64] {
        &self.0[d]
    }
}

/// Names used by more documents than this share of a run (and more than
/// [`MIN_COMMON`]) tell nothing about the story.
const COMMON_SHARE: usize = 100;
const MIN_COMMON: usize = 25;
/// Words of a sentence that ties two documents printing it.
pub(crate) const LONG_SENTENCE: usize = 12;
/// Figures two documents state alike that tie them to one story.
pub(crate) const SHARED_FIGURES: usize = 2;
/// Smallest value of such a figure: small counts are everywhere.
pub(crate) const MIN_FIGURE: u32 = 10;
/// Documents read in parallel before their names get ids.
const BUILD_BATCH: usize = 256;
/// Buckets with at most this many documents compare every pair.
const SMALL: usize = 48;

/// Keeps the hashes of figures apart from those of sentences in one index.
const FIGURE_SALT: u64 = 0x9e37_79b9_7f4a_7c15;

fn hash_of<T: Hash>(t: &T) -> u64 {
    let mut h = DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}

/// Days of the window in which the documents of an event's name cluster.
const BURST_DAYS: i64 = 31;
/// Share of the documents using a name (dated or not) that must fall in one
/// window of [`BURST_DAYS`] for the name to be an event's.
const BURST_SHARE: f64 = 0.8;

/// True when at least [`BURST_SHARE`] of the `df` documents that use a
/// name were published within [`BURST_DAYS`] days of each other (`v`: the
/// publication days of those that are dated).
fn bursts(mut v: Vec<i64>, df: u32) -> bool {
    v.sort_unstable();
    let (mut best, mut j) = (0, 0);
    for i in 0..v.len() {
        while v[i] - v[j] >= BURST_DAYS {
            j += 1;
        }
        best = best.max(i - j + 1);
    }
    df > 0 && best as f64 >= BURST_SHARE * f64::from(df)
}

/// Hashes of the sentences `sentences` of `text` with at least
/// [`LONG_SENTENCE`] words, folded, sorted. Two sentences get one hash
/// when their folded words are the same, in the same order.
fn long_sentences(
    text: &str,
    sentences: impl Iterator<Item = (usize, usize)>,
    m: &Meanings,
) -> Vec<u64> {
    // A sentence's words are hashed as they are folded, and its head is
    // compared with the boilerplate starts as far as they read.
    let mut v: Vec<u64> = sentences
        .filter_map(|(s, e)| {
            let sentence = &text[s..e];
            let (h, words) = fold_words_hash(sentence);
            (words >= LONG_SENTENCE && !m.opens_as_boilerplate(sentence)).then_some(h)
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn shared_sorted<T: Ord>(x: &[T], y: &[T]) -> Vec<usize> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(i);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// How many items two sorted lists have in common (the length of
/// [`shared_sorted`], without its list).
pub(crate) fn count_shared<T: Ord>(x: &[T], y: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

impl Stories {
    /// The stories of `corpus`, whose documents' names are `doc_names`.
    pub(crate) fn build(corpus: &Corpus, m: &Meanings, doc_names: &[DocNames]) -> Stories {
        let mut df: HashMap<u64, u32> = HashMap::new();
        let mut sentences = Lists::default();
        let mut day = Vec::with_capacity(corpus.docs.len());
        let mut figures = Lists::default();
        // What each document says, read in parallel by batches.
        let n = corpus.docs.len();
        for start in (0..n).step_by(BUILD_BATCH) {
            let batch = start..(start + BUILD_BATCH).min(n);
            let read: Vec<_> = batch
                .into_par_iter()
                .map(|d| {
                    let doc = &corpus.docs[d];
                    let mut mine: Vec<u64> = corpus.doc_claims[d]
                        .clone()
                        .filter_map(|i| {
                            let c = &corpus.claims[i];
                            let v = c.fig.value()?;
                            let mut k = c.key()?;
                            // "23.000 personnes" and "23.000 manifestants"
                            // are the same figure of people.
                            if k.role.is_none() && m.people.get(k.measure as usize) == Some(&true) {
                                k.measure = u16::MAX;
                            }
                            (c.checkable()
                                && !c.fig.ambiguous
                                && v >= rust_decimal::Decimal::from(MIN_FIGURE))
                            .then(|| hash_of(&(k, v.normalize())))
                        })
                        .collect();
                    mine.sort_unstable();
                    mine.dedup();
                    let long = long_sentences(&doc.text, corpus.sentences_of(d), m);
                    (mine, long, published(doc).map(|d| d.days()))
                })
                .collect();
            for (mine, long, when) in read {
                figures.push(mine);
                sentences.push(long);
                day.push(when);
            }
        }
        for n in doc_names {
            for h in n.distinctive() {
                *df.entry(h).or_default() += 1;
            }
        }
        let common = (corpus.docs.len() / COMMON_SHARE).max(MIN_COMMON) as u32;
        // The names of the run used by many of its documents are kept only
        // when those documents cluster in time: the names of one event
        // ("Floyd", "Traoré" in the weeks of the protests), not of every
        // day's news.
        let mut when: HashMap<u64, Vec<i64>> = HashMap::new();
        for (n, d) in doc_names.iter().zip(&day) {
            for h in n.distinctive() {
                if df[&h] > common {
                    when.entry(h).or_default().extend(*d);
                }
            }
        }
        let event: std::collections::HashSet<u64> = when
            .into_iter()
            .filter_map(|(h, days)| bursts(days, df[&h]).then_some(h))
            .collect();
        let mut names = Lists::default();
        for n in doc_names {
            names.push(
                n.distinctive()
                    .filter(|h| df[h] <= common || event.contains(h)),
            );
        }
        for lists in [&mut names, &mut sentences, &mut figures] {
            lists.shrink_to_fit();
        }
        Stories {
            names,
            sentences,
            figures,
            day,
        }
    }

    /// The publication day of document `d` (days since 1970), when known.
    pub(crate) fn day(&self, d: u32) -> Option<i64> {
        self.day.get(d as usize).copied().flatten()
    }

    /// What ties documents `a` and `b` of `corpus` to one story.
    pub(crate) fn evidence(&self, corpus: &Corpus, a: u32, b: u32) -> Evidence {
        let (na, nb) = (&self.names[a as usize], &self.names[b as usize]);
        let shared: Vec<u64> = shared_sorted(na, nb).into_iter().map(|i| na[i]).collect();
        // The shared names as `a` spells them.
        let mut names: Vec<String> = Vec::new();
        if !shared.is_empty() {
            each_name(&corpus.docs[a as usize].text, |n| {
                if shared.binary_search(&name_hash(n)).is_ok() {
                    names.push(n.to_string());
                }
            });
        }
        names.sort();
        names.dedup();
        let (sentences, figures, days_apart) = self.counts(a, b);
        Evidence {
            names,
            figures,
            sentences,
            days_apart,
        }
    }

    /// The long sentences and figures documents `a` and `b` have in
    /// common, and the days between them when both dates are known.
    fn counts(&self, a: u32, b: u32) -> (usize, usize, Option<i64>) {
        let (a, b) = (a as usize, b as usize);
        let sentences = count_shared(&self.sentences[a], &self.sentences[b]);
        let figures = count_shared(&self.figures[a], &self.figures[b]);
        let days_apart = match (self.day[a], self.day[b]) {
            (Some(x), Some(y)) => Some((x - y).abs()),
            _ => None,
        };
        (sentences, figures, days_apart)
    }

    /// [`one_story`] for documents `a` and `b`, each list compared only
    /// when the tests before leave the answer open: most pairs of a
    /// bucket were published further apart than a story spans.
    fn keep(&self, a: u32, b: u32, p: &StoryParams) -> bool {
        let (a, b) = (a as usize, b as usize);
        if let (Some(x), Some(y)) = (self.day[a], self.day[b]) {
            if (x - y).abs() > p.max_days.max(p.max_days_past) {
                return false;
            }
        }
        if count_shared(&self.sentences[a], &self.sentences[b]) > 0 {
            return true;
        }
        let figures = count_shared(&self.figures[a], &self.figures[b]);
        figures >= SHARED_FIGURES
            || figures + count_shared(&self.names[a], &self.names[b]) >= p.min_shared
    }

    /// The pairs of `docs` (sorted document indices) that tell the same
    /// story, in order.
    pub(crate) fn pairs(&self, docs: &[u32], p: &StoryParams) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        if docs.len() <= SMALL {
            for (x, &a) in docs.iter().enumerate() {
                for &b in &docs[x + 1..] {
                    if self.keep(a, b, p) {
                        out.push((a, b));
                    }
                }
            }
            return out;
        }
        // Inverted indexes over the bucket's documents, as one sorted list
        // of (hash, document) in 16 bytes each, the document's high bit
        // telling sentences and figures from names; names and sentences
        // shared by too many of them are skipped, which bounds the pairs
        // per entry.
        const TEXT: u32 = 1 << 31;
        let of = |d: u32| {
            let d = d as usize;
            (&self.names[d], &self.sentences[d], &self.figures[d])
        };
        let mut postings: Vec<(u64, u32)> = Vec::with_capacity(
            docs.iter()
                .map(|&d| {
                    let (n, s, f) = of(d);
                    n.len() + s.len() + f.len()
                })
                .sum(),
        );
        for &d in docs {
            debug_assert!(d < TEXT);
            let (names, sentences, figures) = of(d);
            postings.extend(names.iter().map(|&n| (n, d)));
            postings.extend(sentences.iter().map(|&h| (h, d | TEXT)));
            postings.extend(figures.iter().map(|&h| (h ^ FIGURE_SALT, d | TEXT)));
        }
        postings.sort_unstable();
        let mut candidates: Vec<(u32, u32)> = Vec::new();
        for list in postings.chunk_by(|x, y| x.0 == y.0 && x.1 & TEXT == y.1 & TEXT) {
            if list.len() > SMALL {
                continue;
            }
            for (x, &(_, a)) in list.iter().enumerate() {
                for &(_, b) in &list[x + 1..] {
                    let (a, b) = (a & !TEXT, b & !TEXT);
                    candidates.push((a.min(b), a.max(b)));
                }
            }
        }
        drop(postings);
        candidates.sort_unstable();
        candidates.dedup();
        out.extend(candidates.into_iter().filter(|&(a, b)| self.keep(a, b, p)));
        out
    }
}

/// Proper names of a text: capitalised words of three letters or more that
/// do not open a sentence, folded.
pub(crate) fn names_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_name(text, |n| out.push(n.to_string()));
    out
}

/// Calls `f` with each name [`names_of`] gives, in order, folded into one
/// reused buffer.
pub(crate) fn each_name(text: &str, f: impl FnMut(&str)) {
    scan_names(text, true, f);
}

/// [`each_name`], reading every word a character at a time when
/// `pass_small` is false (what the tests compare its shortcut with).
fn scan_names(text: &str, pass_small: bool, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    // Whether the last character that is no blank (if any) opens a
    // sentence.
    let mut after_opener = true;
    let mut word_start: Option<usize> = None;
    let mut opener = true;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A word that opens with a small ASCII letter names nobody: it is
        // passed whole (its letters, of any script, and hyphens), and
        // leaves a letter or a hyphen as the last character read.
        if pass_small && word_start.is_none() && bytes[i].is_ascii_lowercase() {
            i += 1;
            while i < bytes.len() {
                let b = bytes[i];
                if b < 0x80 {
                    if !(b.is_ascii_alphabetic() || b == b'-') {
                        break;
                    }
                    i += 1;
                } else {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    if !alphabetic(c) {
                        break;
                    }
                    i += c.len_utf8();
                }
            }
            after_opener = false;
            continue;
        }
        // ASCII is read a byte at a time, other characters decoded.
        let (c, len) = if bytes[i] < 0x80 {
            (bytes[i] as char, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        let is_word = alphabetic(c) || (c == '-' && word_start.is_some());
        if is_word && word_start.is_none() {
            word_start = Some(i);
            opener = after_opener;
        }
        let ends = !is_word || i + len == bytes.len();
        if ends {
            if let Some(s) = word_start.take() {
                let e = if is_word { bytes.len() } else { i };
                let w = &text[s..e];
                let first = w.chars().next().unwrap_or('a');
                if first.is_uppercase() && !opener && w.chars().count() >= 3 {
                    let w = w.trim_end_matches('-');
                    // A word of ASCII letters and hyphens folds to lower case.
                    if w.is_ascii() {
                        buf.clear();
                        buf.push_str(w);
                        buf.make_ascii_lowercase();
                    } else {
                        fold_into(w, &mut buf);
                    }
                    f(&buf);
                }
            }
        }
        if c == '\n' {
            after_opener = true;
        } else if !c.is_whitespace() {
            after_opener = matches!(c, '.' | '!' | '?' | ':' | '"' | '«' | '…');
        }
        i += len;
        // The ASCII letters that go on a word change nothing above (the
        // text's last character is left to the loop, which ends the word).
        if word_start.is_some() {
            while i + 1 < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
        }
    }
}

/// `c.is_alphabetic()`, the letters of Latin-1 answered without the
/// Unicode tables.
#[inline]
fn alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{c0}'..='\u{ff}').contains(&c) {
        c != '×' && c != '÷'
    } else {
        c.is_alphabetic()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_end_with_the_text() {
        assert_eq!(names_of("vu à Paris"), vec!["paris"]);
        assert_eq!(names_of("vu à Koweït"), vec!["koweit"]);
        assert_eq!(names_of("vu à Pa"), Vec::<String>::new());
        assert_eq!(names_of("Paris"), Vec::<String>::new());
        assert_eq!(
            names_of("x Saint-Denis- et Lyon."),
            vec!["saint-denis", "lyon"]
        );
    }

    #[test]
    fn an_event_name_is_one_whose_documents_cluster_in_a_month() {
        // 9 of 10 documents within 31 days: an event's name.
        let event: Vec<i64> = (0..9).map(|d| 1000 + d * 3).chain([1400]).collect();
        assert!(bursts(event.clone(), 10));
        // Spread over a year: a name of every day's news.
        let spread: Vec<i64> = (0..10).map(|d| 1000 + d * 40).collect();
        assert!(!bursts(spread, 10));
        // Undated documents count against it: 8 dated of 20 are too few.
        assert!(!bursts(event[..8].to_vec(), 20));
        assert!(!bursts(Vec::new(), 0));
    }

    #[test]
    fn keep_is_one_story_of_the_counts() {
        let lists = |v: &[&[u64]]| {
            let mut l = Lists::default();
            for x in v {
                l.push(x.iter().copied());
            }
            l
        };
        let s = Stories {
            names: lists(&[&[1, 2, 3], &[2, 3], &[3, 9], &[], &[1, 2]]),
            sentences: lists(&[&[5], &[], &[5, 6], &[6], &[]]),
            figures: lists(&[&[7, 8], &[7, 8], &[8], &[8], &[7]]),
            day: vec![Some(100), Some(101), None, Some(140), Some(108)],
        };
        for (max_days, max_days_past) in [(0, 0), (1, 0), (1, 7), (7, 0), (60, 7)] {
            for min_shared in [1, 2, 3, 4] {
                let p = StoryParams {
                    min_shared,
                    max_days,
                    max_days_past,
                    min_sentence_names: 0,
                    place_required: false,
                    min_relation: Relation::Strong,
                    generic_people: false,
                    running_same_day: false,
                    national_tally: rust_decimal::Decimal::ZERO,
                };
                for a in 0..5 {
                    for b in 0..5 {
                        let (sentences, figures, days) = s.counts(a, b);
                        let names = shared_sorted(&s.names[a as usize], &s.names[b as usize]).len();
                        assert_eq!(
                            s.keep(a, b, &p),
                            one_story(&p, days, sentences, figures, names),
                            "{a} {b} {max_days} {min_shared}"
                        );
                    }
                }
            }
        }
    }

    /// [`long_sentences`] of one sentence as it read before it hashed
    /// words as they were folded: the sentence folded whole, split into
    /// its words, kept with [`LONG_SENTENCE`] words or more when its fold
    /// opens with no boilerplate start.
    fn long_words_slow(sentence: &str, m: &Meanings) -> Option<Vec<String>> {
        let f = crate::lexicon::fold(sentence);
        let words: Vec<String> = f
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        (!m.is_boilerplate_line(&f, false) && words.len() >= LONG_SENTENCE).then_some(words)
    }

    /// The texts of the judged documents (`fixtures/judged/`): real news
    /// and encyclopedia text.
    fn judged_texts() -> Vec<String> {
        [
            include_str!("../../../fixtures/judged/fr_news.jsonl"),
            include_str!("../../../fixtures/judged/en_wiki.jsonl"),
        ]
        .iter()
        .flat_map(|f| f.lines())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
    }

    #[test]
    fn long_sentences_hash_the_folded_words() {
        let cfg = crate::testing::config();
        let m = &cfg.meanings;
        let mut texts = judged_texts();
        // Boilerplate starts, blanks before them, blanks after one.
        let tail = " un deux trois quatre cinq six sept huit neuf dix onze douze.";
        for head in [
            "Lire aussi",
            "  \n\n Lire aussi",
            "\u{a0}\u{a0}Publicité",
            "PREV",
            "Prev ",
            "x Lire aussi",
            &format!("{}Lire aussi", " ".repeat(200)),
            &format!("{}Lire aussi", "\n".repeat(200)),
            &format!("Prev {}x", "\n".repeat(100)),
        ] {
            texts.push(format!("{head}{tail}"));
        }
        let mut seen: HashMap<u64, Vec<String>> = HashMap::new();
        let mut kept = 0;
        for text in &texts {
            let mut s = 0;
            for (i, _) in text.match_indices('.').chain([(text.len(), "")]) {
                let e = (i + 1).min(text.len());
                let got = long_sentences(text, [(s, e)].into_iter(), m);
                let want = long_words_slow(&text[s..e], m);
                assert_eq!(got.len(), usize::from(want.is_some()), "{:?}", &text[s..e]);
                if let (Some(&h), Some(words)) = (got.first(), want) {
                    assert_eq!(seen.entry(h).or_insert_with(|| words.clone()), &words);
                    kept += 1;
                }
                s = e;
            }
        }
        assert!(kept > 500, "{kept}");
    }

    #[test]
    fn alphabetic_is_char_is_alphabetic() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn each_name_is_the_character_reading() {
        let names = |t: &str| {
            let mut v = Vec::new();
            each_name(t, |n| v.push(n.to_string()));
            v
        };
        let slow = |t: &str| {
            let mut v = Vec::new();
            scan_names(t, false, |n| v.push(n.to_string()));
            v
        };
        let texts: Vec<String> = judged_texts()
            .into_iter()
            .chain(
                [
                    "x Jean-Pierre, l'Élysée à Saint-Denis- et ÉVRY. Le «Monde» dit: Paris!",
                    "été Été ×Abc ÷Abc ßAbc aΩmega Ωmega x-Yves a-",
                    "",
                    "a",
                    "x Ab-",
                ]
                .map(str::to_string),
            )
            .collect();
        for t in &texts {
            assert_eq!(names(t), slow(t), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn each_name_on_any_text(t in "[ aAbBéÉΩω×.:\\-\n«\"]{0,16}") {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            each_name(&t, |n| a.push(n.to_string()));
            scan_names(&t, false, |n| b.push(n.to_string()));
            proptest::prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn names_skip_sentence_openers() {
        let n = names_of("Le général James Terry est à Koweït. Les Etats-Unis frappent.");
        assert_eq!(n, vec!["james", "terry", "koweit", "etats-unis"]);
    }
}
