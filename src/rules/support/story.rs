//! Which documents tell the same story, for the checks that compare
//! sources (conflict, corroboration, scale slips).
//!
//! Two articles of a large corpus that both count "people killed" are
//! mostly about different events; comparing their figures would report
//! thousands of false conflicts. Two documents are compared only when they
//! share enough proper names (capitalised words inside a sentence, such as
//! `Jordanie`, `Centcom`, `Romanowski`) that few documents of the corpus
//! use, and, when both publication dates are known, were published within
//! a few days of each other.
//!
//! Candidate pairs come from an inverted index of names, so the cost grows
//! with the pairs of documents that share a rare name, not with the square
//! of the corpus.

use std::collections::HashMap;

use super::dates::published;
use crate::claims::Corpus;
use crate::lexicon::fold;

/// When two documents tell the same story (rule parameters).
#[derive(Debug, Clone, Copy)]
pub(crate) struct StoryParams {
    /// Rare names two documents must share.
    pub(crate) min_shared: usize,
    /// Most days between their publication dates, when both are known.
    pub(crate) max_days: i64,
    /// Below this many documents, the corpus is taken as one story.
    pub(crate) small_corpus: usize,
    /// In a larger corpus, proper names the sentences of two compared
    /// claims must share.
    pub(crate) min_sentence_names: usize,
    /// In a larger corpus, only claims with a place are compared (the
    /// deaths "in France", not the deaths of an unnamed place).
    pub(crate) place_required: bool,
    /// How sure the match of two claims must be (see `claims::Relation`).
    pub(crate) min_relation: crate::claims::Relation,
}

/// The names of every document and when it was published.
#[derive(Debug, Clone, Default)]
pub(crate) struct Stories {
    /// For each document, the ids of its names, sorted.
    names: Vec<Vec<u32>>,
    /// Publication day (days since 1970), when known.
    day: Vec<Option<i64>>,
}

/// Names used by more documents than this share of the corpus (and more
/// than [`MIN_COMMON`]) tell nothing about the story.
const COMMON_SHARE: usize = 100;
const MIN_COMMON: usize = 25;
/// Buckets with at most this many documents compare every pair.
const SMALL: usize = 48;

impl Stories {
    /// True when the corpus is too large to be taken as one story.
    pub(crate) fn is_large(&self, p: &StoryParams) -> bool {
        self.names.len() >= p.small_corpus
    }

    pub(crate) fn build(corpus: &Corpus) -> Stories {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut df: Vec<u32> = Vec::new();
        let mut names = Vec::with_capacity(corpus.docs.len());
        let mut day = Vec::with_capacity(corpus.docs.len());
        for doc in &corpus.docs {
            let mut mine: Vec<u32> = names_of(&doc.text)
                .into_iter()
                .map(|n| {
                    let next = ids.len() as u32;
                    *ids.entry(n).or_insert(next)
                })
                .collect();
            mine.sort_unstable();
            mine.dedup();
            for &i in &mine {
                if df.len() <= i as usize {
                    df.resize(i as usize + 1, 0);
                }
                df[i as usize] += 1;
            }
            names.push(mine);
            day.push(published(doc).map(|d| d.days()));
        }
        let common = (corpus.docs.len() / COMMON_SHARE).max(MIN_COMMON) as u32;
        for v in &mut names {
            v.retain(|&i| df[i as usize] <= common);
        }
        Stories { names, day }
    }

    fn shared(&self, a: u32, b: u32) -> usize {
        let (x, y) = (&self.names[a as usize], &self.names[b as usize]);
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

    fn close_in_time(&self, a: u32, b: u32, max_days: i64) -> bool {
        match (self.day[a as usize], self.day[b as usize]) {
            (Some(x), Some(y)) => (x - y).abs() <= max_days,
            _ => true,
        }
    }

    /// The pairs of `docs` (sorted document indices) that tell the same
    /// story, in order. In a corpus of fewer than `p.small_corpus`
    /// documents (sources gathered for one story), every pair published
    /// close enough in time is kept.
    pub(crate) fn pairs(&self, docs: &[u32], p: &StoryParams) -> Vec<(u32, u32)> {
        let assume_same = self.names.len() < p.small_corpus;
        let keep = |a: u32, b: u32| {
            (assume_same || self.shared(a, b) >= p.min_shared)
                && self.close_in_time(a, b, p.max_days)
        };
        let mut out = Vec::new();
        if docs.len() <= SMALL || assume_same {
            for (x, &a) in docs.iter().enumerate() {
                for &b in &docs[x + 1..] {
                    if keep(a, b) {
                        out.push((a, b));
                    }
                }
            }
            return out;
        }
        // Inverted index over the bucket's documents; names shared by too
        // many of them are skipped, which bounds the pairs per name.
        let mut postings: HashMap<u32, Vec<u32>> = HashMap::new();
        for &d in docs {
            for &n in &self.names[d as usize] {
                postings.entry(n).or_default().push(d);
            }
        }
        let mut candidates: Vec<(u32, u32)> = Vec::new();
        for list in postings.values() {
            if list.len() > SMALL {
                continue;
            }
            for (x, &a) in list.iter().enumerate() {
                for &b in &list[x + 1..] {
                    candidates.push((a.min(b), a.max(b)));
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        out.extend(candidates.into_iter().filter(|&(a, b)| keep(a, b)));
        out
    }
}

/// Proper names of a text: capitalised words of three letters or more that
/// do not open a sentence, folded.
pub(crate) fn names_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut prev_sig: Option<char> = None;
    let mut word_start: Option<usize> = None;
    let mut opener = true;
    let bytes_end = text.len();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let is_word = c.is_alphabetic() || (c == '-' && word_start.is_some());
        if is_word && word_start.is_none() {
            word_start = Some(i);
            opener = match prev_sig {
                None => true,
                Some(p) => matches!(p, '.' | '!' | '?' | ':' | '"' | '«' | '\n' | '…'),
            };
        }
        let ends = !is_word || iter.peek().is_none();
        if ends {
            if let Some(s) = word_start.take() {
                let e = if is_word { bytes_end } else { i };
                let w = &text[s..e];
                let first = w.chars().next().unwrap_or('a');
                if first.is_uppercase() && !opener && w.chars().count() >= 3 {
                    out.push(fold(w.trim_end_matches('-')));
                }
            }
        }
        if c == '\n' {
            prev_sig = Some('\n');
        } else if !c.is_whitespace() {
            prev_sig = Some(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_skip_sentence_openers() {
        let n = names_of("Le général James Terry est à Koweït. Les Etats-Unis frappent.");
        assert_eq!(n, vec!["james", "terry", "koweit", "etats-unis"]);
    }
}
