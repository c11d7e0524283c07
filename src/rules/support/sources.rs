//! What the rules that compare claims share: their parameters, the
//! conditions for comparing two claims of different documents (same
//! moment, not an increment, sentences that share a name in a large
//! corpus), and the comparison of sources itself.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::interval::{bounds, overlap, usable};
use super::params::{count, decimal};
use super::story::{names_of, StoryParams};
use super::text::{find_phrase, folded, folded_slice};
use crate::claims::{Claim, Corpus, Relation};
use crate::lexicon::{fold, Lexicon};
use crate::model::DateParts;
use crate::rules::{Context, Finding, RuleDef};

/// Most pairs compared within one key: beyond it, each document is compared
/// by its first claim only, which keeps the check linear.
const MAX_PAIRS: usize = 4096;

/// The parameters of the rules that compare sources.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct CompareParams {
    /// Extra relative tolerance granted to every figure.
    #[serde(deserialize_with = "decimal")]
    pub(crate) tolerance: Decimal,
    /// Rare proper names two documents of a large corpus must share.
    #[serde(deserialize_with = "count")]
    pub(crate) min_shared_names: usize,
    /// Most days between the publication dates of two documents.
    #[serde(deserialize_with = "count")]
    pub(crate) max_days_apart: usize,
    /// Below this many documents, the corpus is one story.
    #[serde(deserialize_with = "count")]
    pub(crate) one_story_below: usize,
    /// In a large corpus, proper names the sentences of two claims share.
    #[serde(deserialize_with = "count")]
    pub(crate) min_shared_sentence_names: usize,
    /// In a large corpus, only claims with a place are compared.
    pub(crate) large_corpus_needs_place: bool,
    /// How sure the match of two claims must be.
    pub(crate) min_relation: MinRelation,
    /// Words next to a figure that make it an increment or a part.
    pub(crate) skip_words: Vec<String>,
}

/// How sure the match of two claims must be (see `claims::Relation`).
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum MinRelation {
    #[default]
    Weak,
    Strong,
}

impl Default for CompareParams {
    fn default() -> Self {
        CompareParams {
            tolerance: Decimal::ZERO,
            min_shared_names: 2,
            max_days_apart: 7,
            one_story_below: 50,
            min_shared_sentence_names: 1,
            large_corpus_needs_place: true,
            min_relation: MinRelation::Weak,
            skip_words: Vec::new(),
        }
    }
}

impl CompareParams {
    /// When two documents tell the same story.
    pub(crate) fn story(&self) -> StoryParams {
        StoryParams {
            min_shared: self.min_shared_names,
            max_days: i64::try_from(self.max_days_apart).unwrap_or(i64::MAX),
            small_corpus: self.one_story_below,
            min_sentence_names: self.min_shared_sentence_names,
            place_required: self.large_corpus_needs_place,
            min_relation: match self.min_relation {
                MinRelation::Strong => Relation::Strong,
                MinRelation::Weak => Relation::Weak,
            },
        }
    }
}

/// True when one of `words` (folded) stands just before the figure or just
/// after its counted noun: `2.000 nouveaux morts`, `692 décès
/// supplémentaires`, `dont 250 décès` (an increment or a part, not the
/// quantity itself).
pub(crate) fn near_words(text: &str, c: &Claim, words: &[String]) -> bool {
    if words.is_empty() {
        return false;
    }
    let before = folded_slice(
        text,
        c.fig.start.saturating_sub(20).max(c.sentence.0),
        c.fig.start,
    );
    let from = c.fig.end.max(c.fig.entity.map_or(0, |(_, e)| e));
    let to = (from + 16).min(c.sentence.1).max(from);
    let after = folded_slice(text, from, to);
    words
        .iter()
        .any(|w| find_phrase(&before, w).is_some() || find_phrase(&after, w).is_some())
}

/// Days and weekdays a sentence names: (month, day) pairs and weekday
/// numbers.
fn moments(corpus: &Corpus, lexicon: &Lexicon, c: &Claim) -> (Vec<(u32, u32)>, Vec<u32>) {
    let doc = corpus.doc_of(c);
    let mut days = Vec::new();
    for i in corpus.doc_claims[c.doc as usize].clone() {
        let o = &corpus.claims[i];
        if o.sentence != c.sentence {
            continue;
        }
        if let Some(DateParts {
            month: Some(m),
            day: Some(d),
            ..
        }) = o.fig.date
        {
            days.push((m, d));
        }
    }
    let sentence = folded_slice(&doc.text, c.sentence.0, c.sentence.1);
    let mut weekdays: Vec<u32> = sentence
        .split(|ch: char| !ch.is_alphanumeric())
        .filter_map(|w| lexicon.weekday(w))
        .collect();
    weekdays.sort_unstable();
    weekdays.dedup();
    (days, weekdays)
}

/// True when the sentences of two claims may speak of the same moment:
/// when both name days (or weekdays), they name a common one. Running
/// tallies ("mardi, 8 décès"; "mercredi, 9 décès") are not a conflict.
pub(crate) fn same_moment(corpus: &Corpus, lexicon: &Lexicon, a: &Claim, b: &Claim) -> bool {
    let (da, wa) = moments(corpus, lexicon, a);
    let (db, wb) = moments(corpus, lexicon, b);
    let disjoint = |x: &[(u32, u32)], y: &[(u32, u32)]| {
        !x.is_empty() && !y.is_empty() && !x.iter().any(|p| y.contains(p))
    };
    let disjoint_w =
        |x: &[u32], y: &[u32]| !x.is_empty() && !y.is_empty() && !x.iter().any(|p| y.contains(p));
    !disjoint(&da, &db) && !disjoint_w(&wa, &wb)
}

/// How many proper names the sentences of two claims share.
pub(crate) fn shared_sentence_names(corpus: &Corpus, a: &Claim, b: &Claim) -> usize {
    let ta = &corpus.doc_of(a).text[a.sentence.0..a.sentence.1];
    let tb = &corpus.doc_of(b).text[b.sentence.0..b.sentence.1];
    let na = names_of(ta);
    let mut nb = names_of(tb);
    nb.sort();
    nb.dedup();
    let mut na = na;
    na.sort();
    na.dedup();
    na.iter().filter(|n| nb.binary_search(n).is_ok()).count()
}

/// The claim-level conditions for comparing two claims of different
/// documents: same period and moment, neither an increment or part, and,
/// in a large corpus, sentences that share a name.
pub(crate) fn comparable(
    cx: &Context,
    p: &StoryParams,
    skip: &[String],
    a: &Claim,
    b: &Claim,
) -> bool {
    let (corpus, stories) = (cx.corpus, cx.stories);
    // Places and periods must not contradict (see `claims::Relation`), and
    // the match must be as sure as the rule asks.
    if a.relation(b, cx.meanings) < p.min_relation || !same_moment(corpus, cx.lexicon, a, b) {
        return false;
    }
    if near_words(&corpus.doc_of(a).text, a, skip) || near_words(&corpus.doc_of(b).text, b, skip) {
        return false;
    }
    if !stories.is_large(p) {
        return true;
    }
    // Vague collectives ("des milliers") and figures of a list (a ranking
    // of countries, where each place is hard to pin to its figure) are not
    // compared across unrelated articles.
    let in_list = |c: &Claim| {
        corpus.doc_claims[c.doc as usize]
            .clone()
            .filter(|&i| {
                let o = &corpus.claims[i];
                o.sentence == c.sentence && o.measure == c.measure
            })
            .count()
            >= 3
    };
    // In an archive, two figures left to the time of writing are running
    // tallies of different days more often than one quantity: the text must
    // say when.
    (!p.place_required || a.place.is_some() && b.place.is_some())
        && a.period_stated
        && b.period_stated
        && a.fig.value.is_some()
        && b.fig.value.is_some()
        && !in_list(a)
        && !in_list(b)
        && shared_sentence_names(corpus, a, b) >= p.min_sentence_names
}

/// True when two claims stand in sentences worded alike: sentences of at
/// least eight words that share at least 80% of them (figures left out).
pub(crate) fn same_wording(corpus: &Corpus, a: &Claim, b: &Claim) -> bool {
    let words = |c: &Claim| -> Vec<String> {
        let t = &corpus.doc_of(c).text[c.sentence.0..c.sentence.1];
        let mut v: Vec<String> = t
            .split(|ch: char| !ch.is_alphabetic())
            .filter(|w| w.len() > 1)
            .map(fold)
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let (wa, wb) = (words(a), words(b));
    if wa.len() < 8 || wb.len() < 8 {
        return false;
    }
    let shared = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
    shared * 10 >= wa.len().max(wb.len()) * 8
}

/// Compares the claims of documents that tell the same story, key by key,
/// and reports the first pair of claims of two documents that disagree
/// (`agreement` false) or agree (`agreement` true).
pub(crate) fn compare(
    cx: &Context,
    p: &CompareParams,
    agreement: bool,
    rule: &RuleDef,
    out: &mut Vec<Finding>,
) {
    let (corpus, stories) = (cx.corpus, cx.stories);
    let tolerance = p.tolerance;
    let story = p.story();
    let skip = folded(&p.skip_words);
    for (key, members) in corpus.buckets(cx.meanings) {
        // Claims of this key per document, in order.
        let mut per_doc: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for &i in &members {
            let c = &corpus.claims[i];
            if usable(c) {
                per_doc.entry(c.doc).or_default().push(i);
            }
        }
        if per_doc.len() < 2 {
            continue;
        }
        let total: usize = per_doc.values().map(|v| v.len()).sum();
        if total * total > MAX_PAIRS {
            for v in per_doc.values_mut() {
                v.truncate(1);
            }
        }
        let ids: Vec<u32> = per_doc.keys().copied().collect();
        for (da, db) in stories.pairs(&ids, &story) {
            let (a_claims, b_claims) = (&per_doc[&da], &per_doc[&db]);
            {
                // One finding per pair of documents and key: the first pair
                // of claims that disagrees (or agrees, for corroboration).
                let mut found = None;
                'pairs: for &a in a_claims {
                    for &b in b_claims {
                        let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
                        if !comparable(cx, &story, &skip, ca, cb) {
                            continue;
                        }
                        // The same sentence with other figures is an update of
                        // one wire story (a tally at another hour), not a
                        // second source; the same sentence with the same
                        // figures is a copy, which corroborates nothing.
                        if same_wording(corpus, ca, cb) {
                            continue;
                        }
                        let agree = overlap(
                            &bounds(ca, cx.lexicon, tolerance),
                            &bounds(cb, cx.lexicon, tolerance),
                        );
                        if agree == agreement {
                            found = Some((a, b));
                            break 'pairs;
                        }
                        if !agreement && agree {
                            // These two sources agree on this key somewhere:
                            // no conflict to report for the pair.
                            found = None;
                            break 'pairs;
                        }
                    }
                }
                if let Some((a, b)) = found {
                    let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
                    let what = cx.meanings.describe(&key);
                    let ta = ca.fig.text(&corpus.doc_of(ca).text);
                    let tb = cb.fig.text(&corpus.doc_of(cb).text);
                    let (da, db) = (&corpus.doc_of(ca).id, &corpus.doc_of(cb).id);
                    let message = if agreement {
                        format!("`{ta}` ({what}) is corroborated by {db}: `{tb}`")
                    } else {
                        format!("`{ta}` ({what}) in {da} conflicts with `{tb}` in {db}")
                    };
                    out.push(Finding::at_claim(corpus, rule, message, vec![a, b]));
                }
            }
        }
    }
}
