//! Stage 3: claims. A claim is a figure with what it means: the measure it
//! counts (troops, deaths, attacks...), what happened to the counted
//! (killed, arrested, deployed...), their side, the place and the period,
//! the sentence it stands in and the document it comes from.
//!
//! Two claims are about the same quantity when their [`Claim::key`]s are
//! equal and their periods do not contradict; claims are bucketed by key so
//! comparing N claims costs O(N) buckets, not O(N²) pairs.

pub mod meaning;
pub mod sentence;

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::config::Config;
use crate::extract::{extract, Figure, Kind};
use crate::input::Document;
pub use meaning::Meanings;

/// A figure in its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Index of the document in the corpus.
    pub doc: u32,
    pub fig: Figure,
    /// Byte span of the sentence the figure stands in.
    pub sentence: (usize, usize),
    /// Index into [`Meanings::measures`].
    pub measure: Option<u16>,
    pub role: Option<u16>,
    pub side: Option<u16>,
    pub place: Option<u16>,
    /// The year the claim is about: a year written in its sentence, or the
    /// document's year.
    pub year: Option<i32>,
    /// The claim repeats one already made in the same document (a sentence
    /// printed twice): index of the first claim.
    pub repeat_of: Option<u32>,
}

/// What makes two claims comparable: same measure, role, side and place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub measure: u16,
    pub role: Option<u16>,
    pub side: Option<u16>,
    pub place: Option<u16>,
}

impl Claim {
    /// The comparability key, for claims that state a quantity of a known
    /// measure; `None` otherwise.
    pub fn key(&self) -> Option<Key> {
        if !self.fig.kind.is_quantity() {
            return None;
        }
        Some(Key {
            measure: self.measure?,
            role: self.role,
            side: self.side,
            place: self.place,
        })
    }

    /// The interval the claim states, open sides as `None`.
    pub fn interval(&self) -> (Option<Decimal>, Option<Decimal>) {
        self.fig.interval()
    }

    /// True when both claims may be about the same period.
    pub fn same_period(&self, other: &Claim) -> bool {
        match (self.year, other.year) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }
}

/// Documents with their claims.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub docs: Vec<Document>,
    /// Claims of every document, in document order then position.
    pub claims: Vec<Claim>,
    /// For each document, the range of its claims in `claims`.
    pub doc_claims: Vec<std::ops::Range<usize>>,
}

impl Corpus {
    /// Extracts and interprets every figure of `docs`.
    pub fn build(docs: Vec<Document>, cfg: &Config) -> Corpus {
        let per_doc: Vec<Vec<Claim>> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| claims_of(i as u32, d, cfg))
            .collect();
        Corpus::assemble(docs, per_doc)
    }

    /// Builds the corpus from claims computed per document (in parallel by
    /// the caller if it likes).
    pub fn assemble(docs: Vec<Document>, per_doc: Vec<Vec<Claim>>) -> Corpus {
        let mut claims = Vec::new();
        let mut doc_claims = Vec::new();
        for mut cs in per_doc {
            let base = claims.len();
            for c in &mut cs {
                if let Some(r) = &mut c.repeat_of {
                    *r += base as u32;
                }
            }
            claims.extend(cs);
            doc_claims.push(base..claims.len());
        }
        Corpus {
            docs,
            claims,
            doc_claims,
        }
    }

    pub fn doc_of(&self, c: &Claim) -> &Document {
        &self.docs[c.doc as usize]
    }

    /// Claims with a key of a comparable measure, grouped by key; groups
    /// and their claims in a deterministic order. Repeated claims are left
    /// out.
    pub fn buckets(&self, meanings: &Meanings) -> Vec<(Key, Vec<usize>)> {
        let mut map: HashMap<Key, Vec<usize>> = HashMap::new();
        for (i, c) in self.claims.iter().enumerate() {
            if c.repeat_of.is_some() {
                continue;
            }
            if c.measure
                .is_some_and(|m| meanings.comparable.get(m as usize) == Some(&false))
            {
                continue;
            }
            if let Some(k) = c.key() {
                map.entry(k).or_default().push(i);
            }
        }
        let mut v: Vec<(Key, Vec<usize>)> = map.into_iter().collect();
        v.sort_by_key(|(k, _)| *k);
        v
    }
}

/// The claims of one document.
pub fn claims_of(doc_idx: u32, doc: &Document, cfg: &Config) -> Vec<Claim> {
    let text = doc.text.as_str();
    let figures = extract(text, doc.lang, &cfg.lexicon);
    let sentences = sentence::sentences(text);
    let doc_year = doc
        .source
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok())
        .or_else(|| document_year(text, &figures));
    let m = &cfg.meanings;
    let mut claims: Vec<Claim> = Vec::with_capacity(figures.len());
    let mut si = 0;
    for fig in figures {
        while si + 1 < sentences.len() && sentences[si].1 <= fig.num_start {
            si += 1;
        }
        let sentence = sentences.get(si).copied().unwrap_or((0, text.len()));
        let entity = fig.entity.map(|(s, e)| &text[s..e]);
        let mut measure = entity.and_then(|w| m.measure_of(w));
        // Elliptical figures ("30 arrêtés") inherit the measure of the
        // claim before them in the same sentence.
        let mut role = m.role_near(text, sentence, &fig);
        if let Some(w) = entity {
            if let Some(r) = m.role_word(w) {
                role = Some(r);
                if let Some(prev) = claims.last() {
                    if prev.sentence == sentence && prev.measure.is_some() && m.is_role_noun(w) {
                        measure = prev.measure;
                    }
                }
            }
        }
        let side = m.side_near(text, sentence, &fig);
        let place = m.place_near(text, sentence, &fig);
        let year = sentence_year(&claims, sentence).or(doc_year);
        let year = if fig.kind == Kind::Date {
            fig.date.and_then(|d| d.year).or(year)
        } else {
            year
        };
        claims.push(Claim {
            doc: doc_idx,
            fig,
            sentence,
            measure,
            role,
            side,
            place,
            year,
            repeat_of: None,
        });
    }
    // Claims of a sentence printed a second time repeat the first ones.
    let mut by_sentence: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_sentence.entry(c.sentence).or_default().push(i);
    }
    let mut keys: Vec<(usize, usize)> = by_sentence.keys().copied().collect();
    keys.sort();
    let mut first_of: HashMap<&str, (usize, usize)> = HashMap::new();
    for s in keys {
        let t = text[s.0..s.1].trim();
        match first_of.get(t) {
            Some(first) => {
                let pairs: Vec<(usize, usize)> = by_sentence[&s]
                    .iter()
                    .copied()
                    .zip(by_sentence[first].iter().copied())
                    .collect();
                for (a, b) in pairs {
                    claims[a].repeat_of = Some(b as u32);
                }
            }
            None => {
                first_of.insert(t, s);
            }
        }
    }
    claims
}

/// A year written in the sentence before this claim.
fn sentence_year(claims: &[Claim], sentence: (usize, usize)) -> Option<i32> {
    claims
        .iter()
        .rev()
        .take_while(|c| c.sentence == sentence)
        .find_map(|c| {
            (c.fig.kind == Kind::Date)
                .then(|| c.fig.date.and_then(|d| d.year))
                .flatten()
        })
}

/// The year a document was written, as far as its text tells: a copyright
/// line ("© 2024"), else the most frequent year among its dates (the latest
/// on a tie). `None` when it names no year.
pub fn document_year(text: &str, figures: &[Figure]) -> Option<i32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for f in figures {
        if f.kind != Kind::Date {
            continue;
        }
        let Some(y) = f.date.and_then(|d| d.year) else {
            continue;
        };
        let mut from = f.start.saturating_sub(16);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = &text[from..f.start];
        if before.contains('©') || before.to_ascii_lowercase().contains("copyright") {
            return Some(y);
        }
        *counts.entry(y).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y)
}
