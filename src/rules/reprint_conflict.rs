//! Reports a figure that changed between two printings of the same
//! sentence: when two documents print the same sentence (or the same long
//! stretch of words around a figure), the figures at the same place of it
//! state the same quantity, at the same time, on the same authority, so two
//! different values are a conflict, whatever the claims' keys, places and
//! periods say.
//!
//! How sentences are compared. Every sentence is read as a stream of folded
//! words in which each number is one placeholder, whatever its value, so
//! that "plus de 33.000 morts" and "plus de 41.000 morts" read alike. Each
//! figure is indexed by a hash of the [`ANCHOR`] tokens just before it, of
//! the tokens just after it, and of its whole sentence with its position in
//! it; two figures of different documents that share a bucket are then
//! compared token by token outwards. They are at the same place of the
//! same text when the whole sentence matches (at least `min_sentence_words`
//! words) or when the matching stretch around them holds at least
//! `min_stretch_words` words with at least `min_side_words` on each side
//! (or the sentence's own start or end on that side). The cost grows with
//! the figures of the corpus and the size of the buckets, not with the pairs
//! of documents.
//!
//! What keeps reprinted wording from firing on what is not a reprint
//! (measured by reading the findings on French news and English
//! encyclopedia articles):
//! - **Templates and running tallies.** A frame (the [`FRAME`] tokens on
//!   each side of a figure) printed with three or more values in the corpus
//!   is a template or a daily tally ("avec # morts pour # cas"), not a
//!   misprint; so is a stretch printed in more than [`MAX_BUCKET`] places.
//! - **An update.** The rest of the two sentences must state the same
//!   other figures (dates included) and name the same weekdays: a sentence
//!   that gained a figure, or names another day or year, was rewritten for
//!   another moment. Two documents that print more than one sentence with
//!   the same words and other figures are an article and its update. A
//!   change ("2.979 nouveaux cas") printed on two different days counts two
//!   days.
//! - **Time.** Dated documents are compared when published at most
//!   `max_days_apart` days apart. Undated documents (encyclopedia
//!   articles, plain files) are compared only when one is a copy of the
//!   other (the other prints at least `copy_percent` percent of the shorter
//!   one's long sentences identically, and at least two): sister articles
//!   written from one template (two ships, two races, two elections) share
//!   sentences and differ in their figures on purpose, and nothing in the
//!   sentence tells them from a reprint.
//! - **Evidence of one story.** The documents must also share another
//!   sentence of at least `min_sentence_words` words printed identically,
//!   figures included, or a proper name (a capitalised word that does not
//!   open the sentence) in the shared stretch that few documents of the
//!   corpus use (at most `rare_name_share` of them, and at least two), or
//!   `min_shared_names` such names anywhere. In a run of a few documents
//!   every name is rare.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use rust_decimal::Decimal;
use serde::Deserialize;

use super::support::dates::published;
use super::support::params::{count, decimal};
use super::support::story::names_of;
use super::{Check, Context, Finding, RuleDef};
use crate::claims::sentence::sentences;
use crate::claims::{Claim, Corpus};
use crate::lexicon::{fold, Lexicon};
use crate::model::Kind;

/// Tokens on each side of a figure that index it.
const ANCHOR: usize = 6;
/// Tokens on each side of a figure that make its frame.
const FRAME: usize = 3;
/// A stretch printed in more places than this is boilerplate.
const MAX_BUCKET: usize = 64;
/// The token of every number.
const NUMBER: u64 = 0;

/// Parameters (see the module documentation).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct ReprintConflict {
    /// Words of a whole sentence printed in both documents.
    #[serde(deserialize_with = "count")]
    min_sentence_words: usize,
    /// Words of a shared stretch that is not a whole sentence.
    #[serde(deserialize_with = "count")]
    min_stretch_words: usize,
    /// Words of such a stretch on each side of the figure.
    #[serde(deserialize_with = "count")]
    min_side_words: usize,
    /// Most share of the corpus's documents that use a name still rare
    /// enough to tie two documents to one story.
    #[serde(deserialize_with = "decimal")]
    rare_name_share: Decimal,
    /// Rare names two documents must share, anywhere in their text, to
    /// tell one story.
    #[serde(deserialize_with = "count")]
    min_shared_names: usize,
    /// Most days between the publication dates of two dated documents.
    #[serde(deserialize_with = "count")]
    max_days_apart: usize,
    /// Of two undated documents, the share (in percent) of the shorter
    /// one's long sentences the other prints identically.
    #[serde(deserialize_with = "count")]
    copy_percent: usize,
}

impl Default for ReprintConflict {
    fn default() -> Self {
        ReprintConflict {
            min_sentence_words: 8,
            min_stretch_words: 12,
            min_side_words: 3,
            rare_name_share: Decimal::new(1, 2),
            min_shared_names: 2,
            max_days_apart: 3,
            copy_percent: 80,
        }
    }
}

/// One token of a sentence.
#[derive(Debug, Clone)]
struct Tok {
    /// Hash of the folded word, or [`NUMBER`].
    word: u64,
    /// The claim of a number, when it is one.
    claim: Option<usize>,
    /// Hash of the number's digits, for a number that is no claim.
    digits: u64,
    /// A capitalised word that does not open the sentence.
    name: bool,
    /// Its byte span in the document.
    span: (u32, u32),
}

/// A sentence that holds a figure.
#[derive(Debug)]
struct Sent {
    doc: u32,
    toks: Vec<Tok>,
    /// The weekdays the sentence names, sorted.
    weekdays: Vec<u32>,
}

fn hash_of<T: Hash>(t: &T) -> u64 {
    let mut h = DefaultHasher::new();
    t.hash(&mut h);
    // Never the number token.
    h.finish().max(1)
}

/// The tokens of `text[s..e]`; `claims` are the document's claims, in
/// order, whose numbers become number tokens.
fn tokens(
    text: &str,
    (s, e): (usize, usize),
    corpus: &Corpus,
    claims: &[usize],
    lexicon: &Lexicon,
    weekdays: &mut Vec<u32>,
) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let seg = &text[s..e];
    let mut it = seg.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut j = i + c.len_utf8();
        while let Some(&(k, d)) = it.peek() {
            if !d.is_alphanumeric() {
                break;
            }
            j = k + d.len_utf8();
            it.next();
        }
        let (ws, we) = (s + i, s + j);
        let word = &text[ws..we];
        let claim = claims.iter().copied().find(|&k| {
            let f = &corpus.claims[k].fig;
            f.num_start < we && ws < f.num_end
        });
        let has_digit = word.chars().any(|ch| ch.is_ascii_digit());
        if claim.is_some() || has_digit {
            // One token per number, however many words it is written in.
            if let Some(last) = out.last_mut() {
                if last.word == NUMBER && (claim.is_some() && last.claim == claim) {
                    continue;
                }
                if last.word == NUMBER && claim.is_none() && last.claim.is_none() {
                    last.digits = hash_of(&(last.digits, word));
                    continue;
                }
            }
            out.push(Tok {
                word: NUMBER,
                claim,
                digits: hash_of(&word),
                name: false,
                span: (ws as u32, we as u32),
            });
            continue;
        }
        let folded = fold(word);
        weekdays.extend(lexicon.weekday(&folded));
        let name = !out.is_empty() && c.is_uppercase() && word.chars().count() >= 3;
        out.push(Tok {
            word: hash_of(&folded),
            claim: None,
            digits: 0,
            name,
            span: (ws as u32, we as u32),
        });
    }
    weekdays.sort_unstable();
    weekdays.dedup();
    out
}

/// A figure the rule compares: a quantity with a value read for sure.
fn compared(c: &Claim) -> bool {
    matches!(
        c.fig.kind,
        Kind::Count
            | Kind::Percent
            | Kind::Money
            | Kind::Measure
            | Kind::Temperature
            | Kind::Age
            | Kind::Duration
            | Kind::Fraction
    ) && c.fig.value.is_some()
        && !c.fig.ambiguous
        && !c.boilerplate
}

/// A number's value, interval and digits.
type Value = (Option<Decimal>, Option<Decimal>, Option<Decimal>, u64);

/// The value a number token states, to tell two printings apart.
fn value_of(corpus: &Corpus, t: &Tok) -> Value {
    match t.claim {
        Some(k) => {
            let f = &corpus.claims[k].fig;
            (
                f.value.map(|v| v.normalize()),
                f.low.map(|v| v.normalize()),
                f.high.map(|v| v.normalize()),
                0,
            )
        }
        None => (None, None, None, t.digits),
    }
}

/// How two sentences match around two positions: words matched before
/// and after, whether each side reaches the sentences' ends, and whether
/// another number of the stretch differs.
struct Stretch {
    before: usize,
    /// Tokens matched before and after (words and numbers).
    toks_before: usize,
    toks_after: usize,
    after: usize,
    whole_before: bool,
    whole_after: bool,
    other_differs: bool,
}

fn stretch(corpus: &Corpus, a: &[Tok], pa: usize, b: &[Tok], pb: usize) -> Stretch {
    let back = walk(corpus, |i| {
        Some((a.get(pa.checked_sub(i)?)?, b.get(pb.checked_sub(i)?)?))
    });
    let ahead = walk(corpus, |i| Some((a.get(pa + i)?, b.get(pb + i)?)));
    Stretch {
        before: back.words,
        after: ahead.words,
        toks_before: back.toks,
        toks_after: ahead.toks,
        whole_before: back.whole && pa == back.toks && pb == back.toks,
        whole_after: ahead.whole
            && pa + ahead.toks + 1 == a.len()
            && pb + ahead.toks + 1 == b.len(),
        other_differs: back.differs || ahead.differs,
    }
}

/// One side of a [`Stretch`]: from the figures outwards.
struct Side {
    /// Words matched.
    words: usize,
    /// Tokens matched (words and numbers).
    toks: usize,
    /// The walk reached the end of one of the sentences.
    whole: bool,
    /// A number of the stretch differs.
    differs: bool,
}

/// Walks the token pairs `pair(1)`, `pair(2)`, … while they match.
fn walk<'t>(corpus: &Corpus, pair: impl Fn(usize) -> Option<(&'t Tok, &'t Tok)>) -> Side {
    let mut side = Side {
        words: 0,
        toks: 0,
        whole: false,
        differs: false,
    };
    let mut i = 1;
    loop {
        let Some((x, y)) = pair(i) else {
            side.whole = true;
            break;
        };
        if x.word != y.word {
            break;
        }
        if x.word == NUMBER {
            if value_of(corpus, x) != value_of(corpus, y) {
                side.differs = true;
                break;
            }
        } else {
            side.words += 1;
        }
        side.toks = i;
        i += 1;
    }
    side
}

/// True when the rest of two sentences states the same moment and the
/// same other figures: the same numbers (dates included) besides the
/// compared ones at `pa` and `pb`, and the same weekdays. A sentence that
/// gained a figure or a day, or names another one, was rewritten for
/// another moment (a tally of another day, a record of another year).
fn same_rest(corpus: &Corpus, a: &Sent, pa: usize, b: &Sent, pb: usize) -> bool {
    let numbers = |s: &Sent, p: usize| {
        let mut v: Vec<Value> = s
            .toks
            .iter()
            .enumerate()
            .filter(|&(i, t)| i != p && t.word == NUMBER)
            .map(|(_, t)| value_of(corpus, t))
            .collect();
        v.sort();
        v
    };
    numbers(a, pa) == numbers(b, pb) && a.weekdays == b.weekdays
}

/// The names of the stretch of `a` around `pa`.
fn stretch_names(text: &str, a: &[Tok], pa: usize, st: &Stretch) -> Vec<String> {
    let from = pa - st.toks_before;
    let to = (pa + st.toks_after + 1).min(a.len());
    a[from..to]
        .iter()
        .filter(|t| t.name)
        .map(|t| fold(&text[t.span.0 as usize..t.span.1 as usize]))
        .collect()
}

impl Check for ReprintConflict {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        let corpus = cx.corpus;
        if corpus.docs.len() < 2 {
            return;
        }
        // The sentences that hold a compared figure, tokenised once.
        let mut sents: Vec<Sent> = Vec::new();
        for (d, range) in corpus.doc_claims.iter().enumerate() {
            let ids: Vec<usize> = range.clone().collect();
            let mut spans: Vec<(usize, usize)> = ids
                .iter()
                .filter(|&&k| compared(&corpus.claims[k]))
                .map(|&k| corpus.claims[k].sentence)
                .collect();
            spans.dedup();
            let text = &corpus.docs[d].text;
            for sp in spans {
                let here: Vec<usize> = ids
                    .iter()
                    .copied()
                    .filter(|&k| corpus.claims[k].sentence == sp)
                    .collect();
                let mut weekdays = Vec::new();
                let toks = tokens(text, sp, corpus, &here, cx.lexicon, &mut weekdays);
                sents.push(Sent {
                    doc: d as u32,
                    toks,
                    weekdays,
                });
            }
        }
        // Each document's sentences that hold a figure, by their wording
        // (numbers left out) and their exact text (numbers included).
        let mut printed: HashMap<u32, Vec<(u64, u64)>> = HashMap::new();
        for s in &sents {
            if s.toks.iter().filter(|t| t.word != NUMBER).count() < self.min_sentence_words {
                continue;
            }
            let masked = hash_of(&s.toks.iter().map(|t| t.word).collect::<Vec<_>>());
            let values: Vec<Value> = s
                .toks
                .iter()
                .filter(|t| t.word == NUMBER)
                .map(|t| value_of(corpus, t))
                .collect();
            printed
                .entry(s.doc)
                .or_default()
                .push((masked, hash_of(&values)));
        }
        for v in printed.values_mut() {
            v.sort_unstable();
            v.dedup();
        }
        // How many sentences two documents print with the same words and
        // other numbers.
        let reworded = |a: u32, b: u32| -> usize {
            let (Some(x), Some(y)) = (printed.get(&a), printed.get(&b)) else {
                return 0;
            };
            let mut n = 0;
            for &(m, e) in x {
                let i = y.partition_point(|&(ym, _)| ym < m);
                if y[i..]
                    .iter()
                    .take_while(|&&(ym, _)| ym == m)
                    .any(|&(_, ye)| ye != e)
                    && !y[i..]
                        .iter()
                        .take_while(|&&(ym, _)| ym == m)
                        .any(|&(_, ye)| ye == e)
                {
                    n += 1;
                }
            }
            n
        };
        // Each compared figure under its anchors.
        let mut index: HashMap<(u8, u64), Vec<(u32, u32)>> = HashMap::new();
        for (si, s) in sents.iter().enumerate() {
            let whole = hash_of(&s.toks.iter().map(|t| t.word).collect::<Vec<_>>());
            let words = s.toks.iter().filter(|t| t.word != NUMBER).count();
            for (p, t) in s.toks.iter().enumerate() {
                let Some(k) = t.claim else { continue };
                if !compared(&corpus.claims[k]) {
                    continue;
                }
                let entry = (si as u32, p as u32);
                if words >= self.min_sentence_words {
                    index
                        .entry((2, hash_of(&(whole, p))))
                        .or_default()
                        .push(entry);
                }
                if p >= ANCHOR {
                    let h = hash_of(
                        &s.toks[p - ANCHOR..p]
                            .iter()
                            .map(|t| t.word)
                            .collect::<Vec<_>>(),
                    );
                    index.entry((0, h)).or_default().push(entry);
                }
                if p + ANCHOR < s.toks.len() {
                    let h = hash_of(
                        &s.toks[p + 1..=p + ANCHOR]
                            .iter()
                            .map(|t| t.word)
                            .collect::<Vec<_>>(),
                    );
                    index.entry((1, h)).or_default().push(entry);
                }
            }
        }
        // The frame of each figure (the tokens just around it): a frame
        // printed with three or more values in the corpus is a template.
        let frame_of = |s: &Sent, p: usize| -> u64 {
            let from = p.saturating_sub(FRAME);
            let to = (p + 1 + FRAME).min(s.toks.len());
            let words: Vec<u64> = s.toks[from..to].iter().map(|t| t.word).collect();
            hash_of(&(p - from, words))
        };
        // Per frame, up to three distinct values (hashed) and how many.
        let mut frames: HashMap<u64, (u8, [u64; 3])> = HashMap::new();
        for s in &sents {
            for (p, t) in s.toks.iter().enumerate() {
                if t.claim.is_some_and(|k| compared(&corpus.claims[k])) {
                    let (n, seen) = frames.entry(frame_of(s, p)).or_default();
                    let x = hash_of(&value_of(corpus, t));
                    if (*n as usize) < seen.len() && !seen[..*n as usize].contains(&x) {
                        seen[*n as usize] = x;
                        *n += 1;
                    }
                }
            }
        }
        let template = |e: &(u32, u32)| {
            let s = &sents[e.0 as usize];
            frames
                .get(&frame_of(s, e.1 as usize))
                .is_some_and(|v| v.0 >= 3)
        };
        // Candidate pairs of figures that differ, from buckets that are no
        // template.
        let mut candidates: Vec<(usize, usize, Stretch, u32, u32)> = Vec::new();
        let mut seen: HashSet<(u32, u32)> = HashSet::new();
        let mut keys: Vec<&(u8, u64)> = index.keys().collect();
        keys.sort_unstable();
        for key in keys {
            let list = &index[key];
            if list.len() < 2 || list.len() > MAX_BUCKET {
                continue;
            }
            let claim_of = |&(si, p): &(u32, u32)| sents[si as usize].toks[p as usize].claim;
            let mut values: Vec<_> = list
                .iter()
                .map(|e| value_of(corpus, &sents[e.0 as usize].toks[e.1 as usize]))
                .collect();
            values.sort();
            values.dedup();
            if values.len() != 2 || list.iter().any(template) {
                continue;
            }
            for (x, ea) in list.iter().enumerate() {
                for eb in &list[x + 1..] {
                    let (sa, sb) = (&sents[ea.0 as usize], &sents[eb.0 as usize]);
                    if sa.doc == sb.doc {
                        continue;
                    }
                    let (Some(ka), Some(kb)) = (claim_of(ea), claim_of(eb)) else {
                        continue;
                    };
                    let (ca, cb) = (&corpus.claims[ka], &corpus.claims[kb]);
                    if ca.fig.value == cb.fig.value
                        && ca.fig.low == cb.fig.low
                        && ca.fig.high == cb.fig.high
                    {
                        continue;
                    }
                    if ca.fig.kind != cb.fig.kind || ca.fig.unit != cb.fig.unit {
                        continue;
                    }
                    // One finding per pair of sentences.
                    let pair = if ea.0 <= eb.0 {
                        (ea.0, eb.0)
                    } else {
                        (eb.0, ea.0)
                    };
                    if seen.contains(&pair) {
                        continue;
                    }
                    let st = stretch(corpus, &sa.toks, ea.1 as usize, &sb.toks, eb.1 as usize);
                    let words = st.before + st.after;
                    let whole = st.whole_before && st.whole_after;
                    let sides = (st.whole_before || st.before >= self.min_side_words)
                        && (st.whole_after || st.after >= self.min_side_words);
                    let same_text = (whole && words >= self.min_sentence_words)
                        || (sides && words >= self.min_stretch_words);
                    if st.other_differs || !same_text {
                        continue;
                    }
                    if !same_rest(corpus, sa, ea.1 as usize, sb, eb.1 as usize) {
                        continue;
                    }
                    seen.insert(pair);
                    let (first, second) = if ca.doc <= cb.doc { (ka, kb) } else { (kb, ka) };
                    let (e_first, _) = if ca.doc <= cb.doc { (ea, eb) } else { (eb, ea) };
                    candidates.push((first, second, st, e_first.0, e_first.1));
                }
            }
        }
        if candidates.is_empty() {
            return;
        }
        // Evidence of one story: another sentence printed identically, or a
        // rare name in the stretch.
        let exact = |d: usize| -> Vec<u64> {
            let text = &corpus.docs[d].text;
            let mut v: Vec<u64> = sentences(text, &cx.meanings.abbreviations)
                .into_iter()
                .filter_map(|(s, e)| {
                    let f = fold(&text[s..e]);
                    let words: Vec<&str> = f
                        .split(|ch: char| !ch.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .collect();
                    let plain = words
                        .iter()
                        .filter(|w| !w.chars().any(|ch| ch.is_ascii_digit()))
                        .count();
                    (plain >= self.min_sentence_words).then(|| hash_of(&words))
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let mut exact_of: HashMap<usize, Vec<u64>> = HashMap::new();
        let mut wanted: HashSet<String> = HashSet::new();
        // The names of the documents of a candidate pair, sorted.
        let mut doc_names: HashMap<u32, Vec<String>> = HashMap::new();
        for (a, b, st, si, p) in &candidates {
            for n in stretch_names(
                &corpus.docs[sents[*si as usize].doc as usize].text,
                &sents[*si as usize].toks,
                *p as usize,
                st,
            ) {
                wanted.insert(n);
            }
            for k in [*a, *b] {
                let d = corpus.claims[k].doc;
                doc_names.entry(d).or_insert_with(|| {
                    let mut ns = names_of(&corpus.docs[d as usize].text);
                    ns.sort();
                    ns.dedup();
                    ns
                });
            }
        }
        for ns in doc_names.values() {
            wanted.extend(ns.iter().cloned());
        }
        let mut df: HashMap<String, usize> = HashMap::new();
        if !wanted.is_empty() {
            for doc in &corpus.docs {
                let mut ns = names_of(&doc.text);
                ns.sort();
                ns.dedup();
                for n in ns {
                    if wanted.contains(&n) {
                        *df.entry(n).or_default() += 1;
                    }
                }
            }
        }
        let share = Decimal::from(corpus.docs.len()) * self.rare_name_share;
        let rare_max = share
            .floor()
            .to_string()
            .parse::<usize>()
            .unwrap_or(0)
            .max(2);
        for (a, b, st, si, p) in candidates {
            let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
            let rare_name = stretch_names(
                &corpus.docs[sents[si as usize].doc as usize].text,
                &sents[si as usize].toks,
                p as usize,
                &st,
            )
            .iter()
            .any(|n| df.get(n).is_some_and(|&k| k <= rare_max));
            let is_rare = |n: &String| df.get(n).is_some_and(|&k| k <= rare_max);
            let (na, nb) = (&doc_names[&ca.doc], &doc_names[&cb.doc]);
            let shared_names = na
                .iter()
                .filter(|n| is_rare(n) && nb.binary_search(n).is_ok())
                .count();
            let names_ok = rare_name || shared_names >= self.min_shared_names;
            // Undated documents (encyclopedia articles, plain files) must
            // be copies of one text; dated ones, published close in time.
            let (pa, pb) = (
                published(corpus.doc_of(ca)).map(|d| d.days()),
                published(corpus.doc_of(cb)).map(|d| d.days()),
            );
            let dated = match (pa, pb) {
                (Some(x), Some(y)) => {
                    // A change ("2.979 nouveaux cas") is counted over a day
                    // or a period of its own: printed on two days, two
                    // changes.
                    if (x - y).unsigned_abs() > self.max_days_apart as u64
                        || (x != y && (ca.delta || cb.delta))
                    {
                        continue;
                    }
                    true
                }
                _ => false,
            };
            if !dated {
                for d in [ca.doc as usize, cb.doc as usize] {
                    exact_of.entry(d).or_insert_with(|| exact(d));
                }
                let (xa, xb) = (&exact_of[&(ca.doc as usize)], &exact_of[&(cb.doc as usize)]);
                let shared = xa.iter().filter(|h| xb.binary_search(h).is_ok()).count();
                // The compared sentence itself is not shared exactly.
                let smaller = xa.len().min(xb.len()).saturating_sub(1);
                if shared < 2 || shared * 100 < smaller * self.copy_percent {
                    continue;
                }
            }
            let story = names_ok || {
                for d in [ca.doc as usize, cb.doc as usize] {
                    exact_of.entry(d).or_insert_with(|| exact(d));
                }
                let (xa, xb) = (&exact_of[&(ca.doc as usize)], &exact_of[&(cb.doc as usize)]);
                let own = |c: &Claim| {
                    let t = fold(&corpus.doc_of(c).text[c.sentence.0..c.sentence.1]);
                    let w: Vec<&str> = t
                        .split(|ch: char| !ch.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .collect();
                    hash_of(&w)
                };
                let (oa, ob) = (own(ca), own(cb));
                xa.iter()
                    .any(|h| *h != oa && *h != ob && xb.binary_search(h).is_ok())
            };
            if !story || reworded(ca.doc, cb.doc) > 1 {
                continue;
            }
            let (ta, tb) = (
                ca.fig.text(&corpus.doc_of(ca).text),
                cb.fig.text(&corpus.doc_of(cb).text),
            );
            let (da, db) = (&corpus.doc_of(ca).id, &corpus.doc_of(cb).id);
            let why = if st.whole_before && st.whole_after {
                "the same sentence in both documents".to_string()
            } else {
                format!(
                    "the same {} words around it in both documents",
                    st.before + st.after
                )
            };
            let message = format!(
                "`{ta}` in {da} is `{tb}` in {db}, at the same place of {why}: a reprinted figure that differs"
            );
            out.push(Finding::at_claim(corpus, rule, message, vec![a, b]));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Lang;
    use crate::rules::rule_tests::messages;

    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC204");
    }

    const DAY: Option<&str> = Some("2020-06-01");

    const A: &str = "La pandémie a fait au moins 357.311 morts dans le monde depuis son apparition en décembre en Chine, selon un bilan établi par l'AFP jeudi.";

    #[test]
    fn a_changed_figure_in_a_reprinted_sentence_fires() {
        let b = A.replace("357.311", "375.311");
        let m = messages("FC204", &[A, &b], Lang::new("fr"), DAY);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("doc0") && m[0].contains("doc1"), "{m:?}");
        assert!(
            m[0].contains("357.311") && m[0].contains("375.311"),
            "{m:?}"
        );
        assert!(
            m[0].contains("the same sentence in both documents"),
            "{m:?}"
        );
    }

    #[test]
    fn equal_figures_and_other_days_do_not_fire() {
        assert!(messages("FC204", &[A, A], Lang::new("fr"), DAY).is_empty());
        let b = A.replace("357.311", "375.311").replace("jeudi", "samedi");
        assert!(messages("FC204", &[A, &b], Lang::new("fr"), DAY).is_empty());
    }

    #[test]
    fn a_sentence_with_three_values_is_a_template() {
        let b = A.replace("357.311", "375.311");
        let c = A.replace("357.311", "390.311");
        assert!(messages("FC204", &[A, &b, &c], Lang::new("fr"), DAY).is_empty());
    }

    #[test]
    fn undated_documents_must_be_copies() {
        let b = A.replace("357.311", "375.311");
        assert!(messages("FC204", &[A, &b], Lang::new("fr"), None).is_empty());
        let more = " Les Etats-Unis restent le pays le plus touché par la maladie, devant le Brésil et la Russie. Les frontières de l'Europe rouvrent progressivement aux voyageurs venus de pays tiers.";
        let (a2, b2) = (format!("{A}{more}"), format!("{b}{more}"));
        assert_eq!(
            messages("FC204", &[&a2, &b2], Lang::new("fr"), None).len(),
            1
        );
    }

    #[test]
    fn a_sentence_updated_in_two_figures_does_not_fire() {
        let a = "Le Brésil compte 57.070 morts pour 1.313.667 cas, selon le dernier bilan publié par le ministère de la Santé.";
        let b = a
            .replace("57.070", "58.100")
            .replace("1.313.667", "1.400.000");
        assert!(messages("FC204", &[a, &b], Lang::new("fr"), DAY).is_empty());
    }
}
