//! Reports a figure that changed between two printings of the same
//! sentence: when two documents print the same sentence (or the same long
//! stretch of words around a figure, or the same sentence but for a few
//! words), the figures at the same place of it state the same quantity, at
//! the same time, on the same authority, so two different values are a
//! conflict, whatever the claims' keys, places and periods say.
//! A short sentence, whole or nearly whole, counts when the two documents
//! print `min_shared_sentences` other sentences identically.
//!
//! How sentences are compared. Every sentence is read as a stream of folded
//! words in which each number is one placeholder, whatever its value, so
//! that "plus de 33.000 morts" and "plus de 41.000 morts" read alike.
//! Sentences that scraped pages glue together without a space
//! ("(74,6%).Samedi", a heading "- Mexique -Plus de…") are read apart
//! ([`parts`]). Each figure is indexed by a hash of the [`ANCHOR`] tokens
//! just before it, of the tokens just after it, of the [`FRAME`] tokens on
//! each side, and of its whole sentence with its position in it; two
//! figures of different documents that share a bucket are then compared
//! token by token outwards. They are at the same place of the same text
//! when the whole sentence matches (at least `min_sentence_words` words,
//! or `min_short_words` when the two documents also print
//! `min_shared_sentences` other sentences identically), when the matching
//! stretch around them holds at least `min_stretch_words` words with at
//! least `min_side_words` on each side (or the sentence's own start or end
//! on that side), or when the two sentences differ in a few words only
//! ([`near`]: the words both print in order are `near_percent` percent of
//! the longer, the figures stand next to a shared word, every other number
//! is printed alike and neither names someone the other does not). The
//! cost grows with the figures of the corpus and the size of the buckets,
//! not with the pairs of documents.
//!
//! Two figures differ when their values do; a figure read in a reworded
//! sentence whose interval holds the other's value ("une centaine" and
//! "113") does not. A figure whose separators its document leaves
//! ambiguous ("60.000" in a text that also writes "4.4") is compared on its
//! digits as written, when both are written in the same shape.
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
//!   days, unless its moment is pinned (below).
//! - **Time.** Dated documents are compared when published at most
//!   `max_days_apart` days apart. Further apart, only a sentence printed
//!   whole or nearly whole that leaves nothing to the time of writing: a
//!   figure of a stated or past period ("L'an dernier, quelque 9.000
//!   personnes…", "En 2019, …") does not change with time, but one with a
//!   weekday or a word of `tally_words` ("actuellement", "au total",
//!   "bilan", "so far") in its sentence or in the sentence before, or
//!   whose sentence before restates other figures or dates, may be a
//!   running tally updated since ([`running`]). A stretch counts as the
//!   whole sentence here when the two sentences differ in a few words only
//!   ([`near`]), and a count of a closed past period is compared however
//!   it was found. Printed less than a week apart, a figure's moment is
//!   pinned, whatever words of the time of writing stand around it, when
//!   the sentence names the same days in both (its weekdays counted back
//!   from each publication date: "selon le bilan communiqué dimanche"),
//!   states another count printed alike in both ("dont 36 à Pékin": a
//!   day's update would change it too), or follows the same sentence
//!   printed identically with its figures. Undated documents
//!   (encyclopedia articles, plain files) are compared only when one is a
//!   copy of the other (the other prints at least `copy_percent` percent
//!   of the shorter one's long sentences identically, and at least two):
//!   sister articles written from one template (two ships, two races, two
//!   elections) share sentences and differ in their figures on purpose, and
//!   nothing in the sentence tells them from a reprint.
//! - **Evidence of one story.** The documents must also share another
//!   sentence of at least `min_sentence_words` words printed identically,
//!   figures included, or a proper name (a capitalised word that does not
//!   open the sentence) in the shared stretch that few documents of the
//!   corpus use (at most `rare_name_share` of them, and at least two), or
//!   `min_shared_names` such names anywhere. In a run of a few documents
//!   every name is rare.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::support::dates::published;
use super::support::params::{count, decimal};
use super::support::sources::same_time_of_day;
use super::support::story::count_shared;
use super::{Check, Context, Finding, RuleDef};
use crate::claims::{Change, Claim, Corpus};
use crate::lexicon::{fold, fold_hash, Lexicon};
use crate::model::{Kind, Written, Ymd};

/// Tokens on each side of a figure that index it.
const ANCHOR: usize = 6;
/// Tokens on each side of a figure that make its frame.
const FRAME: usize = 3;
/// A stretch printed in more places than this is boilerplate.
const MAX_BUCKET: usize = 64;
/// The token of every number.
const NUMBER: u64 = 0;
/// Longest sentences (in tokens) aligned word by word.
const MAX_ALIGN: usize = 120;
/// Most tokens of the sentences FC204 keeps read for their later buckets.
const CACHE_TOKENS: usize = 1 << 16;
/// Days within which a weekday names one day only.
const WEEK: i64 = 7;

/// Parameters (see the module documentation).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct ReprintConflict {
    /// Words of a whole sentence printed in both documents.
    #[serde(deserialize_with = "count")]
    min_sentence_words: usize,
    /// Words of a whole sentence printed in both documents when the two
    /// documents also print `min_shared_sentences` other sentences alike.
    #[serde(deserialize_with = "count")]
    min_short_words: usize,
    /// Other sentences printed identically that make a short sentence
    /// evidence enough.
    #[serde(deserialize_with = "count")]
    min_shared_sentences: usize,
    /// Of two sentences that differ in a few words, the share (in percent)
    /// of the longer one's words the other prints in the same order.
    #[serde(deserialize_with = "count")]
    near_percent: usize,
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
    /// Words that leave a figure to the time of writing (a running tally,
    /// "actuellement", "au total", "so far"), from each language's
    /// `checks.toml`.
    tally_words: Vec<String>,
}

impl Default for ReprintConflict {
    fn default() -> Self {
        ReprintConflict {
            min_sentence_words: 8,
            min_short_words: 5,
            min_shared_sentences: 2,
            near_percent: 80,
            min_stretch_words: 12,
            min_side_words: 3,
            rare_name_share: Decimal::new(1, 2),
            min_shared_names: 2,
            max_days_apart: 3,
            copy_percent: 80,
            tally_words: Vec::new(),
        }
    }
}

/// One token of a sentence, in 16 bytes: every sentence that holds a
/// compared figure is kept tokenised at once.
#[derive(Debug, Clone)]
struct Tok {
    /// Hash of the folded word; for a number, hash of its digits.
    hash: u64,
    /// Byte offset of the token's (first) word in the document; the word
    /// runs to the first character that is not alphanumeric.
    start: u32,
    /// The claim of a number (index into [`Corpus::claims`], or
    /// [`NO_CLAIM`]), with [`NUMBER_BIT`] and [`NAME_BIT`].
    bits: u32,
}

/// The claim of a token that is no claim's number.
const NO_CLAIM: u32 = (1 << 30) - 1;
/// The token is a number, written in digits or words.
const NUMBER_BIT: u32 = 1 << 31;
/// The token is a capitalised word that does not open the sentence.
const NAME_BIT: u32 = 1 << 30;

impl Tok {
    fn new(hash: u64, start: usize, claim: Option<usize>, number: bool, name: bool) -> Tok {
        let claim = claim.map_or(NO_CLAIM, |k| {
            debug_assert!(k < NO_CLAIM as usize);
            k as u32
        });
        Tok {
            hash,
            start: start as u32,
            bits: claim | if number { NUMBER_BIT } else { 0 } | if name { NAME_BIT } else { 0 },
        }
    }

    /// True for a number.
    fn is_number(&self) -> bool {
        self.bits & NUMBER_BIT != 0
    }

    /// True for a capitalised word that does not open the sentence.
    fn is_name(&self) -> bool {
        self.bits & NAME_BIT != 0
    }

    /// Hash of the folded word, or [`NUMBER`].
    fn word(&self) -> u64 {
        if self.is_number() {
            NUMBER
        } else {
            self.hash
        }
    }

    /// The claim of a number, when it is one.
    fn claim(&self) -> Option<usize> {
        let k = self.bits & NO_CLAIM;
        (k != NO_CLAIM).then_some(k as usize)
    }

    /// Hash of the number's digits, for a number that is no claim.
    fn digits(&self) -> u64 {
        if self.is_number() {
            self.hash
        } else {
            0
        }
    }

    /// The token's (first) word in `text`, the document's text.
    fn text<'t>(&self, text: &'t str) -> &'t str {
        let rest = &text[self.start as usize..];
        let end = rest
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(rest.len(), |(i, _)| i);
        &rest[..end]
    }
}

/// A sentence that holds a figure, in 24 bytes.
#[derive(Debug)]
struct Sent {
    doc: u32,
    /// Its byte span in the document's text.
    span: (u32, u32),
    /// Its tokens, read again only for the sentences whose figures are
    /// compared word by word ([`Sent::toks`]), and their bag: boxed, so
    /// that the many sentences whose tokens are not kept cost one pointer.
    kept: OnceCell<Box<Kept>>,
    /// The weekdays the sentence names, bit `w` for weekday `w` (1 to 7).
    weekdays: u8,
}

/// The tokens of a sentence kept for its later buckets, and their bag
/// ([`bag`]), made when first needed.
#[derive(Debug)]
struct Kept {
    toks: Box<[Tok]>,
    bag: OnceCell<Box<[u64]>>,
}

impl Sent {
    /// The tokens of the sentence, read when first needed and kept.
    fn toks(&self, cx: &Context) -> &[Tok] {
        &self
            .kept
            .get_or_init(|| {
                Box::new(Kept {
                    toks: self.read(cx).into_boxed_slice(),
                    bag: OnceCell::new(),
                })
            })
            .toks
    }

    /// The tokens of the sentence, if they are kept.
    fn kept_toks(&self) -> Option<&[Tok]> {
        self.kept.get().map(|k| &*k.toks)
    }

    /// The tokens of the sentence, read again.
    fn read(&self, cx: &Context) -> Vec<Tok> {
        let corpus = cx.corpus;
        let d = self.doc as usize;
        let span = (self.span.0 as usize, self.span.1 as usize);
        let here = here_of(corpus, corpus.doc_claims[d].clone(), span);
        tokens(
            &corpus.docs[d].text,
            span,
            corpus,
            &here,
            cx.lexicon,
            &mut Vec::new(),
        )
    }
}

/// A compared figure under one of its anchors: `tag` says which (0: the
/// tokens before, 1: after, 2: the whole sentence and the position in it,
/// 3 and 4: the frame before and after), `hash` hashes the anchor's
/// tokens. Figures of one `(tag, hash)` form a bucket. Kept in 12 bytes
/// (one for each anchor of every compared figure of the run).
#[derive(Debug, Clone, Copy)]
#[repr(C, packed(4))]
struct Entry {
    hash: u64,
    /// The figure (the low 29 bits: index into the figures read, [`Fig`],
    /// which come in sentence order, then token order) and the tag (the
    /// high 3 bits).
    fig_tag: u32,
}

impl Entry {
    const FIG_BITS: u32 = 29;

    fn new(tag: u8, hash: u64, fig: u32) -> Entry {
        debug_assert!(tag < 8 && fig < 1 << Self::FIG_BITS);
        Entry {
            hash,
            fig_tag: u32::from(tag) << Self::FIG_BITS | fig,
        }
    }

    fn hash(&self) -> u64 {
        self.hash
    }

    fn fig(&self) -> u32 {
        self.fig_tag & ((1 << Self::FIG_BITS) - 1)
    }

    fn tag(&self) -> u8 {
        (self.fig_tag >> Self::FIG_BITS) as u8
    }
}

/// Keeps the entries of `index` (sorted by anchor) whose anchor holds two
/// figures or more, in order, and gives back the room of the others.
fn keep_shared(index: &mut Vec<Entry>) {
    let key = |e: &Entry| (e.tag(), e.hash());
    let (mut kept, mut i) = (0, 0);
    while i < index.len() {
        let k = key(&index[i]);
        let end = i + index[i..].iter().take_while(|e| key(e) == k).count();
        if end - i >= 2 {
            index.copy_within(i..end, kept);
            kept += end - i;
        }
        i = end;
    }
    index.truncate(kept);
    index.shrink_to_fit();
}

/// The pairs of figures compared, each as its two figures' indices (the
/// lower one in the high half), in 8 bytes each. A figure stands under one
/// anchor of each tag, so a pair meets in one bucket of each tag at most:
/// the pairs of the buckets of earlier tags are kept sorted, those of the
/// buckets of the current tag only listed, and merged in as the tag ends.
#[derive(Debug, Default)]
struct Tried {
    /// The pairs of earlier tags, sorted.
    earlier: Vec<u64>,
    /// The pairs of the current tag.
    current: Vec<u64>,
    tag: u8,
}

impl Tried {
    /// Notes that `pair`, of a bucket of `tag` (tags come in order), is
    /// compared: false when it was already, in a bucket of an earlier tag.
    fn insert(&mut self, tag: u8, pair: u64) -> bool {
        debug_assert!(tag >= self.tag);
        if tag != self.tag {
            self.tag = tag;
            let current = std::mem::take(&mut self.current);
            self.earlier.reserve_exact(current.len());
            self.earlier.extend(current);
            self.earlier.sort_unstable();
        }
        if self.earlier.binary_search(&pair).is_ok() {
            return false;
        }
        self.current.push(pair);
        true
    }
}

/// For each figure, given as its frame and the hash of its value, whether
/// its frame is printed with three or more distinct values (a template).
fn templates(frames: &[(u64, u64)]) -> Vec<bool> {
    let mut order: Vec<u32> = (0..frames.len() as u32).collect();
    order.sort_unstable_by_key(|&i| frames[i as usize]);
    let mut out = vec![false; frames.len()];
    for run in order.chunk_by(|&a, &b| frames[a as usize].0 == frames[b as usize].0) {
        let values = 1 + run
            .windows(2)
            .filter(|w| frames[w[0] as usize].1 != frames[w[1] as usize].1)
            .count();
        if values >= 3 {
            for &i in run {
                out[i as usize] = true;
            }
        }
    }
    out
}

/// A compared figure: its claim, its sentence (index into the sentences
/// read) and its token in it.
#[derive(Debug, Clone, Copy)]
struct Fig {
    claim: u32,
    si: u32,
    p: u32,
}

/// Documents FC204 reads in parallel before their results join the
/// corpus-wide lists.
const SCAN_BATCH: usize = 256;

/// What reading one document's sentences gave.
#[derive(Debug, Default)]
struct DocScan {
    /// The sentences that hold a compared figure, without their tokens.
    sents: Vec<Sent>,
    /// Their figures under their anchors (`fig` counts within the
    /// document).
    entries: Vec<Entry>,
    /// The compared figures (`si` counts within the document), the hash
    /// of each one's value and each one's frame ([`frame_of`]).
    figs: Vec<Fig>,
    values: Vec<u64>,
    frames: Vec<u64>,
    /// The long sentences' wording and exact text (hashes).
    printed: Vec<(u64, u64)>,
}

/// The claims of `range` (one document's) whose number stands in `sp`.
fn here_of(corpus: &Corpus, range: std::ops::Range<usize>, sp: (usize, usize)) -> Vec<usize> {
    range
        .filter(|&k| {
            let f = &corpus.claims[k].fig;
            sp.0 <= f.num_start() && f.num_start() < sp.1
        })
        .collect()
}

/// The frame of the figure at token `p`: the tokens just around it. A
/// side the sentence's edge cuts short lends its tokens to the other side,
/// so that every frame holds as many words ("39% des Français se disent
/// satisfaits" and "60% des Français se disent mécontents" are two frames,
/// not one).
fn frame_of(toks: &[Tok], p: usize) -> u64 {
    let len = toks.len();
    let after = (len - p - 1).min(FRAME);
    let before = p.min(FRAME);
    let from = p.saturating_sub(2 * FRAME - after);
    let to = (p + 1 + 2 * FRAME - before).min(len);
    // At most 2 * FRAME + 1 tokens, on the stack; a slice hashes as the
    // vector of the same words would.
    let mut words = [0u64; 2 * FRAME + 1];
    for (w, t) in words.iter_mut().zip(&toks[from..to]) {
        *w = t.word();
    }
    hash_of(&(p - from, &words[..to - from]))
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
    // About one token for every five bytes or more.
    let mut out: Vec<Tok> = Vec::with_capacity((e - s) / 5 + 1);
    // The numbers' spans, in the claims' order, and the bytes they cover.
    let nums: Vec<(usize, usize, usize)> = claims
        .iter()
        .map(|&k| {
            (
                corpus.claims[k].fig.num_start(),
                corpus.claims[k].fig.num_end(),
                k,
            )
        })
        .collect();
    let lo = nums.iter().map(|n| n.0).min().unwrap_or(usize::MAX);
    let hi = nums.iter().map(|n| n.1).max().unwrap_or(0);
    let seg = &text[s..e];
    let bytes = seg.as_bytes();
    // The character at byte `i` of `seg` and its length, ASCII read as is.
    let char_at = |i: usize| -> (char, usize) {
        let b = bytes[i];
        if b < 0x80 {
            return (char::from(b), 1);
        }
        let c = seg[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    };
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = char_at(i);
        if !c.is_alphanumeric() {
            i += len;
            continue;
        }
        // The word: the run of alphanumeric characters from `i`.
        let mut j = i + len;
        let mut has_digit = c.is_ascii_digit();
        while j < bytes.len() {
            let b = bytes[j];
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                has_digit |= b.is_ascii_digit();
                j += 1;
            } else {
                let (d, l) = char_at(j);
                if !d.is_alphanumeric() {
                    break;
                }
                j += l;
            }
        }
        let (ws, we) = (s + i, s + j);
        let word = &seg[i..j];
        i = j;
        let claim = if we <= lo || ws >= hi {
            None
        } else {
            nums.iter()
                .find(|&&(ns, ne, _)| ns < we && ws < ne)
                .map(|n| n.2)
        };
        if claim.is_some() || has_digit {
            // One token per number, however many words it is written in.
            if let Some(last) = out.last_mut() {
                if last.word() == NUMBER && (claim.is_some() && last.claim() == claim) {
                    continue;
                }
                if last.word() == NUMBER && claim.is_none() && last.claim().is_none() {
                    last.hash = hash_of(&(last.hash, word));
                    continue;
                }
            }
            out.push(Tok::new(hash_of(&word), ws, claim, true, false));
            continue;
        }
        let (hash, weekday) = WORDS.with_borrow_mut(|cache| cache.read(word, lexicon));
        weekdays.extend(weekday);
        let name = !out.is_empty() && c.is_uppercase() && word.chars().count() >= 3;
        out.push(Tok::new(hash, ws, None, false, name));
    }
    weekdays.sort_unstable();
    weekdays.dedup();
    out
}

/// Slots of [`WordCache`] (a power of two).
const WORD_SLOTS: usize = 16384;
/// The longest word, and folded word, a [`WordCache`] slot holds.
const WORD_BYTES: usize = 24;

thread_local! {
    /// Each thread's [`WordCache`].
    static WORDS: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
}

/// The token hash ([`hash_of`] of the folded word) and the weekday of
/// the words read last, by their spelling: the same words come back in
/// every sentence, and folding, hashing and looking them up is most of
/// the cost of [`tokens`]. A slot per spelling's hash (the last one read
/// wins), so the cache stays small however many words are read.
struct WordCache {
    slots: Vec<WordSlot>,
    /// The lexicon whose weekdays the slots hold (its address): another
    /// lexicon empties them.
    lexicon: usize,
    /// The word being folded.
    buf: String,
}

impl Default for WordCache {
    fn default() -> Self {
        WordCache {
            slots: vec![WordSlot::default(); WORD_SLOTS],
            lexicon: 0,
            buf: String::new(),
        }
    }
}

/// One word of a [`WordCache`]: its spelling, the hash of its folded
/// form and the weekday it names (0 for none).
#[derive(Clone, Default)]
struct WordSlot {
    word_len: u8,
    weekday: u8,
    word: [u8; WORD_BYTES],
    hash: u64,
}

impl WordCache {
    /// The token hash of `word` (its folded form's [`hash_of`]) and the
    /// weekday of `lexicon` it names, if any.
    fn read(&mut self, word: &str, lexicon: &Lexicon) -> (u64, Option<u32>) {
        let w = word.as_bytes();
        if w.len() > WORD_BYTES {
            crate::lexicon::fold_into(word, &mut self.buf);
            return (hash_of(&self.buf.as_str()), lexicon.weekday(&self.buf));
        }
        let lex = lexicon as *const Lexicon as usize;
        if self.lexicon != lex {
            self.slots.fill(WordSlot::default());
            self.lexicon = lex;
        }
        let mut h = rustc_hash::FxHasher::default();
        h.write(w);
        let slot = &mut self.slots[h.finish() as usize & (WORD_SLOTS - 1)];
        if usize::from(slot.word_len) == w.len() && slot.word[..w.len()] == *w {
            return (
                slot.hash,
                (slot.weekday != 0).then_some(u32::from(slot.weekday)),
            );
        }
        crate::lexicon::fold_into(word, &mut self.buf);
        let hash = hash_of(&self.buf.as_str());
        let weekday = lexicon.weekday(&self.buf);
        if let Some(d) = weekday.filter(|&d| (1..=u32::from(u8::MAX)).contains(&d)) {
            slot.weekday = d as u8;
        } else if weekday.is_none() {
            slot.weekday = 0;
        } else {
            // A weekday no slot can hold: not kept.
            return (hash, weekday);
        }
        slot.word_len = w.len() as u8;
        slot.word[..w.len()].copy_from_slice(w);
        slot.hash = hash;
        (hash, weekday)
    }
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
    ) && c.fig.value().is_some()
        && !c.boilerplate
}

/// A number's value, interval and digits.
type Value = (Option<Decimal>, Option<Decimal>, Option<Decimal>, u64);

/// The value a number token states, to tell two printings apart.
fn value_of(corpus: &Corpus, t: &Tok) -> Value {
    match t.claim() {
        Some(k) => claim_value(corpus, k),
        None => (None, None, None, t.digits()),
    }
}

/// The value claim `k` states, to tell two printings apart.
fn claim_value(corpus: &Corpus, k: usize) -> Value {
    let c = &corpus.claims[k];
    let f = &c.fig;
    let valueless = f.value().is_none() && f.low().is_none() && f.high().is_none();
    if f.ambiguous || valueless {
        // Its value depends on a convention the document leaves open, or
        // it has no value of a number (a clock time, "à 11H00 GMT" and "à
        // 19H00 GMT"): its digits as written stand for it.
        let written = &corpus.doc_of(c).text[f.num_start()..f.num_end()];
        let digits: String = written.chars().filter(|ch| ch.is_ascii_digit()).collect();
        (None, None, None, hash_of(&digits))
    } else {
        (
            f.value().map(|v| v.normalize()),
            f.low().map(|v| v.normalize()),
            f.high().map(|v| v.normalize()),
            0,
        )
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
        if x.word() != y.word() {
            break;
        }
        if x.word() == NUMBER {
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
/// another moment (a tally of another day, a record of another year). A
/// number that is part of a name ("Europe 1", "G5") states no moment:
/// a copy that adds "confirmant une information d'Europe 1" was not
/// rewritten for another day. Nor does "un", "une", "a" or "one" read as a
/// figure ([`article_one`]): "sur une journée" and "sur une seule
/// journée" state the same moment.
fn same_rest(cx: &Context, a: &Sent, pa: usize, b: &Sent, pb: usize) -> bool {
    let corpus = cx.corpus;
    let name = |t: &Tok| {
        t.claim()
            .is_some_and(|k| corpus.claims[k].fig.kind == Kind::Identifier)
    };
    let numbers = |s: &Sent, p: usize| {
        let mut v: Vec<Value> = s
            .toks(cx)
            .iter()
            .enumerate()
            .filter(|&(i, t)| i != p && t.word() == NUMBER && !name(t) && !article_one(corpus, t))
            .map(|(_, t)| value_of(corpus, t))
            .collect();
        v.sort();
        v
    };
    numbers(a, pa) == numbers(b, pb) && a.weekdays == b.weekdays
}

/// How two sentences were found to print the same words around a figure.
#[derive(Debug, Clone, Copy)]
enum How {
    /// The whole sentence, at least `min_sentence_words` words.
    Sentence,
    /// A stretch of so many words around the figure.
    Stretch(usize),
    /// A whole sentence of at least `min_short_words` words.
    Short,
    /// The same sentence but for a few words, so many printed alike.
    Near(usize),
}

/// Two figures at the same place of one text, in two documents.
struct Cand {
    a: usize,
    b: usize,
    how: How,
    /// The sentence of `a` and the tokens of it the two share.
    si: u32,
    /// The sentence of `b`.
    sj: u32,
    /// The positions of the two figures in their sentences' tokens.
    pi: usize,
    pj: usize,
    from: usize,
    to: usize,
}

/// True when two figures state different values. A figure whose value
/// depends on a separator convention its document leaves open ("60.000"
/// in a text that also writes "4.4") differs from another only when both
/// are written alike but for their digits: the same reading applies to
/// both printings of one sentence.
fn differ(corpus: &Corpus, a: &Claim, b: &Claim) -> bool {
    if a.fig.ambiguous || b.fig.ambiguous {
        let written = |c: &Claim| &corpus.doc_of(c).text[c.fig.num_start()..c.fig.num_end()];
        let shape = |w: &str| -> String {
            w.chars()
                .map(|ch| if ch.is_ascii_digit() { '#' } else { ch })
                .collect()
        };
        let (x, y) = (written(a), written(b));
        return x != y && shape(x) == shape(y);
    }
    a.fig.value().map(|v| v.normalize()) != b.fig.value().map(|v| v.normalize())
}

/// True when the two figures are bounded or rounded differently and one's
/// interval holds the other's value: "une
/// centaine" and "113", "plus de 2 kg" and "2,153 kg" can both be right
/// (a sentence reworded around its figure may round it or bound it).
fn within(a: &Claim, b: &Claim) -> bool {
    let holds = |x: &Claim, y: &Claim| {
        let Some(v) = y.fig.value() else { return false };
        (x.fig.low().is_some() || x.fig.high().is_some())
            && x.fig.low().is_none_or(|l| l <= v)
            && x.fig.high().is_none_or(|h| v <= h)
    };
    let shape = |c: &Claim| {
        (
            c.fig.low().is_some(),
            c.fig.high().is_some(),
            c.fig.qualifier,
        )
    };
    shape(a) != shape(b) && (holds(a, b) || holds(b, a))
}

/// True when a sentence leaves its figures to the time of writing: it
/// names a weekday (a day counted from the publication date) or holds one
/// of the `tally` phrases (a running tally, "actuellement", "so far"), each
/// given as the hashes of its folded words.
fn running(cx: &Context, s: &Sent, tally: &[Vec<u64>]) -> bool {
    let words: Vec<u64> = s.toks(cx).iter().map(|t| t.word()).collect();
    s.weekdays != 0
        || tally
            .iter()
            .any(|p| words.windows(p.len()).any(|w| w == p.as_slice()))
}

/// The hash of the folded words of a sentence, and how many of them hold
/// no digit.
fn folded_words(sentence: &str) -> (u64, usize) {
    let f = fold(sentence);
    let words: Vec<&str> = f
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let plain = words
        .iter()
        .filter(|w| !w.chars().any(|ch| ch.is_ascii_digit()))
        .count();
    (hash_of(&words), plain)
}

/// The parts of the sentence `(s, e)` of `text` the rule reads as
/// sentences of their own. Scraped pages glue paragraphs together without
/// a space ("(74,6%).Samedi", "décision"."J'entends", "PIB."Nous"); the
/// shared splitter only cuts such a point after a lower-case word, so a
/// sentence would carry its neighbour's words and figures. A point
/// after a lone capital ("M.Darmanin", "U.S.") cuts nothing.
fn parts(text: &str, (s, e): (usize, usize)) -> Vec<(usize, usize)> {
    let seg = &text[s..e];
    if !may_cut(seg) {
        // No capital, dash or point where a part could start: the
        // sentence is one part (most are).
        return if seg.is_empty() {
            Vec::new()
        } else {
            vec![(s, e)]
        };
    }
    read_parts(text, (s, e))
}

/// [`parts`], read character by character.
fn read_parts(text: &str, (s, e): (usize, usize)) -> Vec<(usize, usize)> {
    let seg = &text[s..e];
    let chars: Vec<(usize, char)> = seg.char_indices().collect();
    let mut out = Vec::new();
    let mut from = 0;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        // A heading run in after a point ("morts.- Mexique: plus de
        // 25.000 morts -Plus de 25.000 personnes") ends at its closing
        // dash, glued to the capital of the next sentence.
        // A heading glued to the sentence after it with no mark at all
        // ("au Sahel et remaniementMardi, le président…", "dans les
        // campsDepuis"): a capital, then a small letter, right after a
        // word of at least [`GLUED_WORD`] small letters. Names written
        // with an inner capital ("McDonald", "iPhone", "BlackRock",
        // "macOS") start with a capital or have fewer small letters
        // before it.
        if c.is_uppercase()
            && chars.get(i + 1).is_some_and(|x| x.1.is_lowercase())
            && glued_after(&chars[from..i])
        {
            out.push((s + chars[from].0, s + chars[i].0));
            from = i;
            i += 1;
            continue;
        }
        let dash = |ch: char| matches!(ch, '-' | '–' | '—');
        if dash(c)
            && i > from
            && i >= 1
            && chars[i - 1].1.is_whitespace()
            && chars.get(i + 1).is_some_and(|x| x.1.is_uppercase())
        {
            out.push((s + chars[from].0, s + chars[i + 1].0));
            from = i + 1;
            i += 1;
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '"' | ')' | '\'' | '»' | '”') {
            j += 1;
        }
        let mut k = j;
        if k < chars.len() && matches!(chars[k].1, '"' | '«' | '“') {
            k += 1;
        }
        // After a space, a bullet or a mark that is no word ("+3). *
        // Enquête réalisée…") opens another sentence too.
        let mut sp = j;
        while sp < chars.len() && chars[sp].1 == ' ' {
            sp += 1;
        }
        let bullet = sp > j
            && chars
                .get(sp)
                .is_some_and(|x| matches!(x.1, '*' | '•' | '·' | '■' | '►'));
        let capital = bullet
            || (k < chars.len() && (chars[k].1.is_uppercase() || (k == j && dash(chars[k].1))));
        let lone_capital = c == '.'
            && i >= 1
            && chars[i - 1].1.is_uppercase()
            && (i < 2 || !chars[i - 2].1.is_alphabetic());
        if capital && !lone_capital && i > from {
            let cut = chars.get(j).map_or(seg.len(), |x| x.0);
            out.push((s + chars[from].0, s + cut));
            from = j;
        }
        i = j.max(i + 1);
    }
    if from < chars.len() {
        out.push((s + chars[from].0, e));
    }
    out
}

/// False when [`parts`] cannot cut `seg`: no capital right after a small
/// letter (a glued heading), no dash between a blank and a capital, and no
/// point that is not a lone capital's followed, past its closing marks, by
/// a capital, a dash, an opening mark and a capital, or blanks and a
/// bullet: the conditions of [`read_parts`] at each character, without
/// the list of characters it builds (a hyphenated name, "Jean-Pierre",
/// or an initial, "M. Macron", cuts nothing).
fn may_cut(seg: &str) -> bool {
    let dash = |ch: char| matches!(ch, '-' | '–' | '—');
    // The two characters before `c`.
    let (mut p1, mut p2): (Option<char>, Option<char>) = (None, None);
    let mut it = seg.chars();
    while let Some(c) = it.next() {
        if c.is_ascii_lowercase() {
            (p2, p1) = (p1, Some(c));
            continue;
        }
        if c.is_uppercase() && p1.is_some_and(char::is_lowercase) {
            return true;
        }
        if dash(c)
            && p1.is_some_and(char::is_whitespace)
            && it.clone().next().is_some_and(char::is_uppercase)
        {
            return true;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let lone_capital = c == '.'
                && p1.is_some_and(char::is_uppercase)
                && !p2.is_some_and(char::is_alphabetic);
            if !lone_capital && point_cuts(it.as_str()) {
                return true;
            }
        }
        (p2, p1) = (p1, Some(c));
    }
    false
}

/// Whether the text `after` a point opens another sentence for
/// [`read_parts`]: past the closing marks, a capital or a dash, an opening
/// mark and a capital, or blanks and a bullet.
fn point_cuts(after: &str) -> bool {
    let rest = after.trim_start_matches(['"', ')', '\'', '»', '”']);
    let blanks = rest.trim_start_matches(' ');
    if blanks.len() < rest.len() && blanks.starts_with(['*', '•', '·', '■', '►']) {
        return true;
    }
    let mut next = rest.chars();
    match next.next() {
        Some('"' | '«' | '“') => next.next().is_some_and(char::is_uppercase),
        Some(n) => n.is_uppercase() || matches!(n, '-' | '–' | '—'),
        None => false,
    }
}

/// Small letters a word must have before a capital glued to it for the
/// capital to open another sentence (see [`parts`]).
const GLUED_WORD: usize = 4;

/// True when `before` (the characters before a capital) ends in a word of
/// at least [`GLUED_WORD`] letters, all small: the end of a heading glued
/// to the next sentence.
fn glued_after(before: &[(usize, char)]) -> bool {
    let mut run = 0;
    for &(_, c) in before.iter().rev() {
        if !c.is_alphabetic() {
            break;
        }
        if !c.is_lowercase() {
            return false;
        }
        run += 1;
    }
    run >= GLUED_WORD && before.len() > run
}

/// The longest common subsequence of two token streams (numbers match
/// numbers, whatever their value), as pairs of positions, in order.
fn align(a: &[Tok], b: &[Tok]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    let mut dp = vec![0u16; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[i * w + j] = if a[i].word() == b[j].word() {
                dp[(i + 1) * w + j + 1] + 1
            } else {
                dp[(i + 1) * w + j].max(dp[i * w + j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i].word() == b[j].word() {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if dp[(i + 1) * w + j] >= dp[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// True when one of two aligned sentences names someone or something the
/// other does not (a capitalised word that does not open the sentence,
/// left out of the alignment `pairs`): it is about someone or something
/// else, as sister articles written from one template are.
fn lone_name(a: &[Tok], b: &[Tok], pairs: &[(usize, usize)]) -> bool {
    let mut in_a = vec![false; a.len()];
    let mut in_b = vec![false; b.len()];
    for &(i, j) in pairs {
        in_a[i] = true;
        in_b[j] = true;
    }
    let lone = |t: &[Tok], kept: &[bool]| t.iter().zip(kept).any(|(t, k)| t.is_name() && !k);
    lone(a, &in_a) || lone(b, &in_b)
}

/// Two sentences that differ in a few words ("a rappelé que 514 personnes
/// sont détenues" / "étaient détenues"): the words both print in the same
/// order, when the figures at `pa` and `pb` stand at the same place of
/// them (aligned, and next to an aligned word or the sentences' start or
/// end), every other number is printed in both with the same value, and
/// the shared words are at least `percent` percent of the longer
/// sentence's, and neither names someone or something the other does not
/// (a capitalised word that does not open the sentence). A number of one
/// written as a word ("une journée", [`article_one`]) read on one side
/// only is left out of the numbers.
fn near(
    corpus: &Corpus,
    (a, x, pa): (&[Tok], &[u64], usize),
    (b, y, pb): (&[Tok], &[u64], usize),
    percent: usize,
) -> Option<usize> {
    if a.len() > MAX_ALIGN || b.len() > MAX_ALIGN {
        return None;
    }
    // Cheap bound first: the words both print, in any order (`x` and `y`,
    // each sentence's [`bag`], sorted once for all its comparisons).
    let longer = x.len().max(y.len());
    let common = count_shared(x, y);
    if common * 100 < longer * percent {
        return None;
    }
    let pairs = align(a, b);
    if !pairs.contains(&(pa, pb)) {
        return None;
    }
    let next_to = (pa == 0 && pb == 0)
        || (pa + 1 == a.len() && pb + 1 == b.len())
        || (pa > 0 && pb > 0 && pairs.contains(&(pa - 1, pb - 1)))
        || pairs.contains(&(pa + 1, pb + 1));
    if !next_to {
        return None;
    }
    if lone_name(a, b, &pairs) {
        return None;
    }
    let mut shared = 0;
    for &(i, j) in &pairs {
        if a[i].word() != NUMBER {
            shared += 1;
            continue;
        }
        if (i, j) != (pa, pb) && value_of(corpus, &a[i]) != value_of(corpus, &b[j]) {
            return None;
        }
    }
    // Every other number is printed in both, but for "un", "une", "a",
    // "one" read as a figure on one side only ("sur une journée" / "sur
    // une seule journée"): an article as often as a number, and no value
    // that changed.
    let unaligned = |t: &[Tok], side: fn(&(usize, usize)) -> usize| {
        let mut kept = vec![false; t.len()];
        for p in &pairs {
            kept[side(p)] = true;
        }
        t.iter()
            .zip(&kept)
            .any(|(x, &k)| x.word() == NUMBER && !k && !article_one(corpus, x))
    };
    if unaligned(a, |p| p.0) || unaligned(b, |p| p.1) {
        return None;
    }
    (shared * 100 >= longer * percent).then_some(shared)
}

/// The words of a sentence's tokens (numbers left out), sorted: what two
/// sentences print in any order is the merge of their bags ([`near`]).
fn bag(toks: &[Tok]) -> Vec<u64> {
    let mut v: Vec<u64> = Vec::with_capacity(toks.len());
    v.extend(toks.iter().map(|t| t.word()).filter(|&w| w != NUMBER));
    v.sort_unstable();
    v
}

/// True for a number written in words whose value is one ("un", "une",
/// "a", "one"): an article as often as a number.
fn article_one(corpus: &Corpus, t: &Tok) -> bool {
    t.claim().is_some_and(|k| {
        let f = &corpus.claims[k].fig;
        f.written == Written::Words && f.value() == Some(Decimal::ONE)
    })
}

/// What became of one watched pair of claims (for `--explain`): the
/// reason of the stage furthest along at which the rule let them go.
#[derive(Default)]
struct Trace {
    watch: Option<(usize, usize)>,
    stage: u8,
    why: Option<String>,
}

impl Trace {
    /// Notes that the claims `a` and `b` went as far as `stage`, for `why`
    /// (built only when the pair is the watched one).
    fn note(&mut self, a: usize, b: usize, stage: u8, why: impl FnOnce() -> String) {
        let Some((x, y)) = self.watch else { return };
        if ((a, b) == (x, y) || (a, b) == (y, x)) && stage >= self.stage {
            self.stage = stage;
            self.why = Some(why());
        }
    }
}

impl Check for ReprintConflict {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        for (claims, message) in printings(cx, self.scan(cx, &mut Trace::default())) {
            out.push(Finding::at_claim(cx.corpus, rule, message, claims));
        }
    }

    fn explain_pair(&self, cx: &Context, a: usize, b: usize) -> Option<String> {
        let corpus = cx.corpus;
        let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
        if ca.doc == cb.doc {
            return Some("not compared: both stand in one document".into());
        }
        for c in [ca, cb] {
            if !compared(c) {
                return Some(format!(
                    "not compared: `{}` is no quantity this rule compares (a date, a code, a \
                     figure without a value, or boilerplate)",
                    c.fig.text(&corpus.doc_of(c).text)
                ));
            }
        }
        let mut trace = Trace {
            watch: Some((a, b)),
            ..Trace::default()
        };
        self.scan(cx, &mut trace);
        Some(trace.why.unwrap_or_else(|| {
            "not compared: the two figures do not stand at the same place of one sentence \
             (no whole sentence, long stretch of words or nearly whole sentence in common)"
                .into()
        }))
    }
}

/// One finding per figure printed differently: the pairs found that share a
/// claim are printings of one figure of one sentence (a wire story copied
/// several times, each copy against each copy of the other value), joined
/// into one finding that lists each value's documents, in the order of the
/// first pair; a pair alone keeps its own message.
fn printings(cx: &Context, pairs: Vec<(usize, usize, String)>) -> Vec<(Vec<usize>, String)> {
    let corpus = cx.corpus;
    // Union-find over the claims of the pairs.
    let mut parent: HashMap<usize, usize> = HashMap::new();
    fn root(parent: &mut HashMap<usize, usize>, x: usize) -> usize {
        let mut r = x;
        while let Some(&p) = parent.get(&r).filter(|&&p| p != r) {
            r = p;
        }
        parent.insert(x, r);
        r
    }
    for &(a, b, _) in &pairs {
        parent.entry(a).or_insert(a);
        parent.entry(b).or_insert(b);
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent.insert(rb.max(ra), rb.min(ra));
        }
    }
    let mut groups: Vec<(usize, Vec<usize>, String)> = Vec::new();
    for (a, b, message) in pairs {
        let r = root(&mut parent, a);
        match groups.iter_mut().find(|(x, _, _)| *x == r) {
            Some((_, claims, _)) => {
                for c in [a, b] {
                    if !claims.contains(&c) {
                        claims.push(c);
                    }
                }
            }
            None => groups.push((r, vec![a, b], message)),
        }
    }
    groups
        .into_iter()
        .map(|(_, claims, message)| {
            if claims.len() == 2 {
                return (claims, message);
            }
            // Each value as written, with its claims, in order; the claims
            // cited value by value.
            let mut sides: Vec<(&str, Vec<usize>)> = Vec::new();
            for &c in &claims {
                let claim = &corpus.claims[c];
                let written = claim.fig.text(&corpus.doc_of(claim).text);
                match sides.iter_mut().find(|(w, _)| *w == written) {
                    Some((_, cs)) => cs.push(c),
                    None => sides.push((written, vec![c])),
                }
            }
            let listed: Vec<String> = sides
                .iter()
                .map(|(w, cs)| {
                    let docs: Vec<&str> = cs
                        .iter()
                        .map(|&c| corpus.doc_of(&corpus.claims[c]).id.as_str())
                        .collect();
                    format!("`{w}` in {}", docs.join(", "))
                })
                .collect();
            let message = format!(
                "{}, at the same place of the same words around it in all {} documents: a \
                 reprinted figure that differs",
                listed.join("; "),
                claims.len()
            );
            let claims = sides.into_iter().flat_map(|(_, cs)| cs).collect();
            (claims, message)
        })
        .collect()
}

impl ReprintConflict {
    /// Reads the sentences of document `d` (claims `range`) that hold a
    /// compared figure: indexes their figures, their frames and their
    /// wording, and keeps the sentences without their tokens.
    fn scan_document(&self, cx: &Context, d: usize, range: std::ops::Range<usize>) -> DocScan {
        let corpus = cx.corpus;
        let mut out = DocScan::default();
        let mut spans: Vec<(usize, usize)> = range
            .clone()
            .filter(|&k| compared(&corpus.claims[k]))
            .map(|k| corpus.claims[k].sentence())
            .collect();
        spans.dedup();
        let text = &corpus.docs[d].text;
        for sp in spans.into_iter().flat_map(|sp| parts(text, sp)) {
            let here = here_of(corpus, range.clone(), sp);
            let mut weekdays = Vec::new();
            let toks = tokens(text, sp, corpus, &here, cx.lexicon, &mut weekdays);
            let si = out.sents.len() as u32;
            let words = toks.iter().filter(|t| t.word() != NUMBER).count();
            let masked: Vec<u64> = toks.iter().map(|t| t.word()).collect();
            let whole = hash_of(&masked);
            if words >= self.min_sentence_words {
                let values: Vec<Value> = toks
                    .iter()
                    .filter(|t| t.word() == NUMBER)
                    .map(|t| value_of(corpus, t))
                    .collect();
                out.printed.push((whole, hash_of(&values)));
            }
            for (p, t) in toks.iter().enumerate() {
                let Some(k) = t.claim() else { continue };
                if !compared(&corpus.claims[k]) {
                    continue;
                }
                let fig = out.figs.len() as u32;
                out.figs.push(Fig {
                    claim: k as u32,
                    si,
                    p: p as u32,
                });
                out.values.push(hash_of(&value_of(corpus, t)));
                out.frames.push(frame_of(&toks, p));
                let mut push = |tag: u8, hash: u64| out.entries.push(Entry::new(tag, hash, fig));
                if words >= self.min_short_words {
                    push(2, hash_of(&(whole, p)));
                }
                if p >= ANCHOR {
                    push(0, hash_of(&&masked[p - ANCHOR..p]));
                }
                if p + ANCHOR < toks.len() {
                    push(1, hash_of(&&masked[p + 1..=p + ANCHOR]));
                }
                // The few tokens next to it (up to the sentence's start or
                // end), for sentences reworded a little further away.
                let before = &masked[p.saturating_sub(FRAME)..p];
                push(3, hash_of(&(p < FRAME, before)));
                let after = &masked[p + 1..(p + 1 + FRAME).min(toks.len())];
                push(4, hash_of(&(p + 1 + FRAME > toks.len(), after)));
            }
            out.sents.push(Sent {
                doc: d as u32,
                span: (sp.0 as u32, sp.1 as u32),
                kept: OnceCell::new(),
                weekdays: weekdays.iter().fold(0, |m, &w| {
                    debug_assert!(w < 8, "weekday {w}");
                    m | 1u8 << (w & 7)
                }),
            });
        }
        out
    }

    /// The pairs of claims the rule reports, with their messages; `trace`
    /// follows one pair of claims through the stages.
    fn scan(&self, cx: &Context, trace: &mut Trace) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        let corpus = cx.corpus;
        if corpus.docs.len() < 2 {
            return out;
        }
        // The sentences that hold a compared figure, each document's read
        // in parallel, in document order. A sentence's tokens are read to
        // index its figures and then dropped: only the sentences of a
        // bucket that can yield a finding are read again and kept.
        let mut sents: Vec<Sent> = Vec::new();
        // Each compared figure under its anchors (see [`Entry`]), and each
        // figure's claim and frame.
        let mut index: Vec<Entry> = Vec::new();
        let mut figs: Vec<Fig> = Vec::new();
        // Each figure's frame (the tokens just around it) and the hash of
        // its value: a frame printed with three or more values in the
        // corpus is a template.
        let mut fig_frames: Vec<(u64, u64)> = Vec::new();
        // Each document's sentences that hold a figure, by their wording
        // (numbers left out) and their exact text (numbers included).
        let mut printed: HashMap<u32, Vec<(u64, u64)>> = HashMap::new();
        // Documents are read in parallel by batches, each batch's results
        // moved into the corpus-wide lists as it ends.
        let n = corpus.doc_claims.len();
        for start in (0..n).step_by(SCAN_BATCH) {
            let batch = start..(start + SCAN_BATCH).min(n);
            let per_doc: Vec<DocScan> = corpus.doc_claims[batch.clone()]
                .par_iter()
                .zip(batch)
                .map(|(range, d)| self.scan_document(cx, d, range.clone()))
                .collect();
            for (d, mut p) in (start..).zip(per_doc) {
                let (base, fbase) = (sents.len() as u32, figs.len() as u32);
                index.extend(
                    p.entries
                        .into_iter()
                        .map(|e| Entry::new(e.tag(), e.hash(), e.fig() + fbase)),
                );
                sents.extend(p.sents);
                for f in p.figs.iter_mut() {
                    f.si += base;
                }
                figs.extend(p.figs);
                fig_frames.extend(p.frames.into_iter().zip(p.values));
                if !p.printed.is_empty() {
                    let mut v = p.printed;
                    v.sort_unstable();
                    v.dedup();
                    printed.insert(d as u32, v);
                }
            }
        }
        // The room the lists grew into but do not use is given back.
        sents.shrink_to_fit();
        figs.shrink_to_fit();
        // Whether each figure's frame is a template; the frames are dropped.
        let template_fig = templates(&fig_frames);
        drop(fig_frames);
        // Buckets in key order, each bucket's figures in sentence order.
        index.sort_unstable_by_key(|e| (e.tag(), e.hash(), e.fig()));
        // Only buckets of two figures or more are compared: the others (most
        // anchors are printed once) are dropped before the comparisons keep
        // their sentences' tokens.
        keep_shared(&mut index);
        let buckets = || {
            index
                .chunk_by(|x, y| (x.tag(), x.hash()) == (y.tag(), y.hash()))
                .filter(|b| b.len() >= 2)
        };
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
        let template = |e: &Entry| template_fig[e.fig() as usize];
        // Candidate pairs of figures that differ, from buckets that are no
        // template.
        let mut candidates: Vec<Cand> = Vec::new();
        let mut seen: HashSet<(u32, u32)> = HashSet::new();
        // The pairs of figures compared, each as its two figures' indices.
        let mut tried = Tried::default();
        // The tokens of the sentences of the buckets compared below, read
        // when a pair is compared word by word, and their bags: up to
        // [`CACHE_TOKENS`] tokens are kept in their sentences
        // ([`Sent::toks`]) for their later buckets and dropped after each
        // one's last, whose count `holds` keeps; past that, they are read
        // for the bucket and dropped with it.
        let mut holds: Vec<u32> = vec![0; sents.len()];
        for bucket in buckets().filter(|b| b.len() <= MAX_BUCKET) {
            for e in bucket {
                holds[figs[e.fig() as usize].si as usize] += 1;
            }
        }
        let cached = std::cell::Cell::new(0usize);
        // The sentences of the bucket before, released as the next starts.
        let mut held: Vec<u32> = Vec::new();
        for bucket in buckets() {
            for si in held.drain(..) {
                let h = &mut holds[si as usize];
                *h -= 1;
                if *h == 0 {
                    if let Some(k) = sents[si as usize].kept.take() {
                        cached.set(cached.get().saturating_sub(k.toks.len()));
                    }
                }
            }
            let key = (bucket[0].tag(), bucket[0].hash());
            let list: Vec<(u32, u32)> = bucket
                .iter()
                .map(|e| (figs[e.fig() as usize].si, figs[e.fig() as usize].p))
                .collect();
            if list.len() <= MAX_BUCKET {
                held.extend(list.iter().map(|l| l.0));
            }
            let local: Vec<OnceCell<Vec<Tok>>> = list.iter().map(|_| OnceCell::new()).collect();
            let local_bags: Vec<OnceCell<Vec<u64>>> =
                list.iter().map(|_| OnceCell::new()).collect();
            let toks_at = |x: usize| -> &[Tok] {
                let s = &sents[list[x].0 as usize];
                if let Some(t) = s.kept_toks() {
                    return t;
                }
                if cached.get() < CACHE_TOKENS {
                    let t = s.toks(cx);
                    cached.set(cached.get() + t.len());
                    return t;
                }
                local[x].get_or_init(|| s.read(cx))
            };
            let bag_at = |x: usize| -> &[u64] {
                let si = list[x].0 as usize;
                if let Some(k) = sents[si].kept.get() {
                    k.bag.get_or_init(|| bag(&k.toks).into_boxed_slice())
                } else {
                    local_bags[x].get_or_init(|| bag(toks_at(x)))
                }
            };
            let claim_at = |e: &Entry| figs[e.fig() as usize].claim as usize;
            let claim_of = |x: usize| Some(claim_at(&bucket[x]));
            // The watched pair, when both stand in this bucket.
            let watched = trace.watch.filter(|&(a, b)| {
                [a, b]
                    .iter()
                    .all(|&k| bucket.iter().any(|e| claim_at(e) == k))
            });
            if list.len() < 2 || list.len() > MAX_BUCKET {
                if let Some((a, b)) = watched {
                    trace.note(a, b, 1, || {
                        format!(
                            "not compared: the words around the figures are printed in more \
                             than {MAX_BUCKET} places of the run (boilerplate)"
                        )
                    });
                }
                continue;
            }
            let mut values: Vec<_> = bucket
                .iter()
                .map(|e| claim_value(corpus, claim_at(e)))
                .collect();
            values.sort();
            values.dedup();
            // A long anchor printed with three values, or with a template's
            // frame, is a template; the short anchors next to a figure hold
            // many sentences, each pair of which is judged on its own.
            let short_key = key.0 >= 3;
            if values.len() < 2
                || (!short_key && (values.len() != 2 || bucket.iter().any(template)))
            {
                if let Some((a, b)) = watched.filter(|_| values.len() < 2) {
                    trace.note(a, b, 2, || {
                        "compared: the two figures, at the same place of their words, state \
                         the same value"
                            .into()
                    });
                } else if let Some((a, b)) = watched {
                    trace.note(a, b, 1, || {
                        "not compared: the words around the figures are printed with three or \
                         more values in the run (a template or a daily tally)"
                            .into()
                    });
                }
                continue;
            }
            for (x, ea) in list.iter().enumerate() {
                for (y, eb) in list.iter().enumerate().skip(x + 1) {
                    let (sa, sb) = (&sents[ea.0 as usize], &sents[eb.0 as usize]);
                    if sa.doc == sb.doc {
                        continue;
                    }
                    let (Some(ka), Some(kb)) = (claim_of(x), claim_of(y)) else {
                        continue;
                    };
                    let (ca, cb) = (&corpus.claims[ka], &corpus.claims[kb]);
                    if !differ(corpus, ca, cb) {
                        trace.note(ka, kb, 2, || {
                            "compared: the two figures, at the same place of their words, state \
                             the same value"
                                .into()
                        });
                        continue;
                    }
                    if ca.fig.kind != cb.fig.kind || ca.fig.unit != cb.fig.unit {
                        trace.note(ka, kb, 2, || {
                            "not compared: figures of different kinds or units".into()
                        });
                        continue;
                    }
                    if short_key && (template(&bucket[x]) || template(&bucket[y])) {
                        trace.note(ka, kb, 1, || {
                            "not compared: the words around the figures are printed with three \
                             or more values in the run (a template or a daily tally)"
                                .into()
                        });
                        continue;
                    }
                    // One finding per pair of sentences.
                    let pair = if ea.0 <= eb.0 {
                        (ea.0, eb.0)
                    } else {
                        (eb.0, ea.0)
                    };
                    let (fa, fb) = (bucket[x].fig(), bucket[y].fig());
                    let figures = u64::from(fa.min(fb)) << 32 | u64::from(fa.max(fb));
                    if seen.contains(&pair) || !tried.insert(key.0, figures) {
                        continue;
                    }
                    let (pa, pb) = (ea.1 as usize, eb.1 as usize);
                    let (ta, tb) = (toks_at(x), toks_at(y));
                    let st = stretch(corpus, ta, pa, tb, pb);
                    let words = st.before + st.after;
                    let whole = st.whole_before && st.whole_after;
                    let sides = (st.whole_before || st.before >= self.min_side_words)
                        && (st.whole_after || st.after >= self.min_side_words);
                    let how = if st.other_differs {
                        None
                    } else if whole && words >= self.min_sentence_words {
                        Some(How::Sentence)
                    } else if sides && words >= self.min_stretch_words {
                        Some(How::Stretch(words))
                    } else if whole && words >= self.min_short_words {
                        Some(How::Short)
                    } else {
                        None
                    };
                    let range = |p: usize, len: usize| {
                        (p - st.toks_before, (p + st.toks_after + 1).min(len))
                    };
                    let (how, ra, rb) = match how {
                        Some(h) => (h, range(pa, ta.len()), range(pb, tb.len())),
                        None => match near(
                            corpus,
                            (ta, bag_at(x), pa),
                            (tb, bag_at(y), pb),
                            self.near_percent,
                        ) {
                            Some(w) if w >= self.min_short_words && !within(ca, cb) => {
                                (How::Near(w), (0, ta.len()), (0, tb.len()))
                            }
                            _ => {
                                trace.note(ka, kb, 2, || {
                                    format!(
                                        "not compared: the sentences share {} words around the \
                                         figures, too few to be one text (a whole sentence of at \
                                         least {} words, {} words around the figure with {} on \
                                         each side, or all but a few words of the sentence)",
                                        words,
                                        self.min_sentence_words,
                                        self.min_stretch_words,
                                        self.min_side_words
                                    )
                                });
                                continue;
                            }
                        },
                    };
                    if !same_rest(cx, sa, pa, sb, pb) {
                        trace.note(ka, kb, 3, || {
                            "not compared: the rest of the two sentences states other figures, \
                             dates or weekdays (an update for another moment)"
                                .into()
                        });
                        continue;
                    }
                    seen.insert(pair);
                    let (first, second, e_first, e_second) = if ca.doc <= cb.doc {
                        (ka, kb, ea, eb)
                    } else {
                        (kb, ka, eb, ea)
                    };
                    let (from, to) = if e_first == ea { ra } else { rb };
                    candidates.push(Cand {
                        a: first,
                        b: second,
                        how,
                        si: e_first.0,
                        sj: e_second.0,
                        pi: e_first.1 as usize,
                        pj: e_second.1 as usize,
                        from,
                        to,
                    });
                }
            }
        }
        if candidates.is_empty() {
            return out;
        }
        // Evidence of one story: another sentence printed identically, or a
        // rare name in the stretch.
        let exact = |d: usize| -> Vec<u64> {
            let text = &corpus.docs[d].text;
            let mut v: Vec<u64> = corpus
                .sentences_of(d)
                .flat_map(|sp| parts(text, sp))
                .filter_map(|(s, e)| {
                    let (words, plain) = folded_words(&text[s..e]);
                    (plain >= self.min_sentence_words).then_some(words)
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let mut exact_of: HashMap<usize, Vec<u64>> = HashMap::new();
        // Names, as the hash of their fold (`fold_hash`, what `name_hash` gives of a folded name).
        let mut wanted: HashSet<u64> = HashSet::new();
        // The names of a document (sorted).
        let doc_names = |d: u32| -> &[u64] { &cx.names[d as usize].all };
        let names_in = |c: &Cand| {
            let s = &sents[c.si as usize];
            let text = &corpus.docs[s.doc as usize].text;
            s.toks(cx)[c.from..c.to]
                .iter()
                .filter(|t| t.is_name())
                .map(|t| fold_hash(t.text(text)))
                .collect::<Vec<u64>>()
        };
        for c in &candidates {
            wanted.extend(names_in(c));
            for k in [c.a, c.b] {
                wanted.extend(doc_names(corpus.claims[k].doc).iter().copied());
            }
        }
        // How many documents use each wanted name.
        let mut df: HashMap<u64, usize> = HashMap::new();
        if !wanted.is_empty() {
            for names in cx.names {
                for n in names.all.iter().filter(|n| wanted.contains(n)) {
                    *df.entry(*n).or_default() += 1;
                }
            }
        }
        let tally: Vec<Vec<u64>> = self
            .tally_words
            .iter()
            .map(|w| {
                w.split(|ch: char| !ch.is_alphanumeric())
                    .filter(|x| !x.is_empty())
                    .map(|x| hash_of(&fold(x)))
                    .collect()
            })
            .filter(|v: &Vec<u64>| !v.is_empty())
            .collect();
        // The sentence before a claim's: its wording and figures (hashes of
        // its words with and without the numbers) and whether it leaves its
        // time to the writing ("selon un bilan établi vendredi à 11H00"),
        // whether it holds figures, the weekdays it names (bit `w` for
        // weekday `w`), and the clock times it names (a hash of their
        // digits, 0 for none).
        let lead_in = |c: &Claim| -> ((u64, u64), bool, bool, u8, u64) {
            let text = &corpus.doc_of(c).text;
            let all: Vec<(usize, usize)> = corpus
                .sentences_of(c.doc as usize)
                .flat_map(|sp| parts(text, sp))
                .collect();
            let Some(i) = all
                .iter()
                .position(|p| p.0 <= c.fig.num_start() && c.fig.num_start() < p.1)
            else {
                return ((0, 0), false, false, 0, 0);
            };
            let Some(&(s, e)) = i.checked_sub(1).and_then(|j| all.get(j)) else {
                return ((0, 0), false, false, 0, 0);
            };
            let mut masked = Vec::new();
            let mut exact = Vec::new();
            let mut weekdays = 0u8;
            let months = cx
                .lexicon
                .get(corpus.doc_of(c).lang.as_str())
                .map(|l| &l.months);
            for w in text[s..e]
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                let f = fold(w);
                if let Some(d) = cx.lexicon.weekday(&f).filter(|&d| d < 8) {
                    weekdays |= 1 << d;
                }
                let h = hash_of(&f);
                exact.push(h);
                let month = months.is_some_and(|m| m.contains_key(&f));
                masked.push(if month || w.chars().any(|ch| ch.is_ascii_digit()) {
                    NUMBER
                } else {
                    h
                });
            }
            let tallied = tally
                .iter()
                .any(|p| masked.windows(p.len()).any(|w| w == p.as_slice()));
            let figures = masked.contains(&NUMBER);
            let clock: String = corpus.doc_claims[c.doc as usize]
                .clone()
                .map(|k| &corpus.claims[k].fig)
                .filter(|f| f.kind == Kind::Time && s <= f.num_start() && f.num_end() <= e)
                .flat_map(|f| text[f.num_start()..f.num_end()].chars())
                .filter(char::is_ascii_digit)
                .collect();
            let clock = if clock.is_empty() { 0 } else { hash_of(&clock) };
            (
                (hash_of(&masked), hash_of(&exact)),
                weekdays != 0 || tallied,
                figures,
                weekdays,
                clock,
            )
        };
        // The days weekdays (bit `w` for weekday `w`) name, each the latest
        // such day on or before the publication date.
        let named_days = |weekdays: u8, published: Ymd| -> Vec<i64> {
            let mut v: Vec<i64> = (0..8)
                .filter(|w| weekdays >> w & 1 == 1)
                .map(|w| published.days() - i64::from((published.weekday() + 7 - w) % 7))
                .collect();
            v.sort_unstable();
            v
        };
        let share = Decimal::from(corpus.docs.len()) * self.rare_name_share;
        let rare_max = share
            .floor()
            .to_string()
            .parse::<usize>()
            .unwrap_or(0)
            .max(2);
        for cand in &candidates {
            let (a, b) = (cand.a, cand.b);
            let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
            let rare_name = names_in(cand)
                .iter()
                .any(|n| df.get(n).is_some_and(|&k| k <= rare_max));
            let is_rare = |n: &u64| df.get(n).is_some_and(|&k| k <= rare_max);
            let (na, nb) = (doc_names(ca.doc), doc_names(cb.doc));
            let shared_names = na
                .iter()
                .filter(|n| is_rare(n) && nb.binary_search(n).is_ok())
                .count();
            let names_ok = rare_name || shared_names >= self.min_shared_names;
            // Undated documents (encyclopedia articles, plain files) must
            // be copies of one text; dated ones, published close in time.
            let dated = match (published(corpus.doc_of(ca)), published(corpus.doc_of(cb))) {
                (Some(da), Some(db)) => {
                    let (x, y) = (da.days(), db.days());
                    let (sa, sb) = (&sents[cand.si as usize], &sents[cand.sj as usize]);
                    let (xa, xb) = (lead_in(ca), lead_in(cb));
                    // The moment of a figure printed less than a week
                    // apart (a weekday names one day only within a week)
                    // is pinned when the sentence names the same days in
                    // both (its weekdays, counted back from each
                    // publication date), when it states another count
                    // printed alike in both (a day's tally would change
                    // it too), or when the sentence before is printed
                    // identically, figures included.
                    let counted = |s: &Sent, p: usize| {
                        s.toks(cx).iter().enumerate().any(|(i, t)| {
                            i != p
                                && t.claim().is_some_and(|k| {
                                    matches!(
                                        corpus.claims[k].fig.kind,
                                        Kind::Count | Kind::Money | Kind::Percent | Kind::Measure
                                    )
                                })
                        })
                    };
                    let pinned = (x - y).abs() < WEEK
                        && ((sa.weekdays != 0
                            && named_days(sa.weekdays, da) == named_days(sb.weekdays, db))
                            || counted(sa, cand.pi)
                            || (xa.2 && xa.0 .1 == xb.0 .1));
                    // Two printings of nearly the same sentence, however
                    // they were found.
                    let whole = !matches!(cand.how, How::Stretch(_))
                        || near(
                            corpus,
                            (sa.toks(cx), &bag(sa.toks(cx)), cand.pi),
                            (sb.toks(cx), &bag(sb.toks(cx)), cand.pj),
                            self.near_percent,
                        )
                        .is_some_and(|w| w >= self.min_sentence_words);
                    // A change ("2.979 nouveaux cas") is counted over a day
                    // or a period of its own: printed on two days, two
                    // changes. Printings further apart may be an update,
                    // unless the sentence leaves nothing to the time of
                    // writing.
                    let fixed = whole
                        && [cand.si, cand.sj]
                            .iter()
                            .all(|&i| !running(cx, &sents[i as usize], &tally))
                        && !xa.1
                        && !xb.1
                        && (xa.0 .0 != xb.0 .0 || xa.0 .1 == xb.0 .1);
                    // A count of a closed past period the text names ("En
                    // 2019, quelque 125 tonnes", "vendue en juin 2019 pour
                    // 5,963 millions") is no running tally, whatever words
                    // stand around it.
                    let past = |c: &Claim, published: i64| {
                        c.period_stated
                            && !c.delta()
                            && c.period().is_some_and(|p| p.end.days() < published)
                    };
                    let closed = ca.period() == cb.period() && past(ca, x) && past(cb, y);
                    let fixed = fixed || closed || pinned;
                    if (x - y).unsigned_abs() > self.max_days_apart as u64 && !fixed {
                        trace.note(a, b, 4, || {
                            format!(
                                "not compared: published {} days apart (more than {}), and the \
                                 sentence may leave its figure to the time of writing (a \
                                 weekday, a word of a running tally, a sentence before that \
                                 restates figures, or only part of the sentence in common)",
                                (x - y).abs(),
                                self.max_days_apart
                            )
                        });
                        continue;
                    }
                    // A sentence printed alike after a sentence that
                    // names another weekday in each, dating its count to
                    // another day ("…selon un bilan établi samedi à 19H00
                    // GMT. Les États-Unis sont le pays le plus touché avec
                    // 115.347 décès." and "…dimanche à 19H00 GMT.", printed
                    // the next day or the same), is another day's tally,
                    // as the claims' periods say.
                    let moved = sa.weekdays == 0
                        && sb.weekdays == 0
                        && xa.3 != 0
                        && xb.3 != 0
                        && xa.3 != xb.3
                        && named_days(xa.3, da) != named_days(xb.3, db)
                        && ca.period() != cb.period();
                    if moved {
                        trace.note(a, b, 4, || {
                            "not compared: the sentence before dates the count to another day \
                             in each printing (another day's count of a running tally)"
                                .into()
                        });
                        continue;
                    }
                    // Two counts that each say when in the day they were
                    // made, at different times, or whose sentences before
                    // name other clock times ("selon un bilan établi
                    // vendredi à 11H00 GMT" in one, "… à 19H00 GMT" in the
                    // other), are two moments of a running tally, as FC201
                    // reads them.
                    if !same_time_of_day(ca, cb) || (xa.4 != 0 && xb.4 != 0 && xa.4 != xb.4) {
                        trace.note(a, b, 4, || {
                            "not compared: the two counts were made at different times of day \
                             (two moments of a running tally)"
                                .into()
                        });
                        continue;
                    }
                    // A rate per year ("55.000 euros par an") holds from
                    // one day to the next: two printings state one figure.
                    let daily = |c: &Claim| c.change() == Some(Change::Any);
                    if x != y && (daily(ca) || daily(cb)) && !pinned {
                        trace.note(a, b, 4, || {
                            "not compared: a change (\"nouveaux cas\", \"in 24 hours\") printed on \
                             two different days, and nothing in the sentence pins it to one day"
                                .into()
                        });
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
                    trace.note(a, b, 5, || {
                        format!(
                            "not compared: undated documents that are not copies of one text \
                             ({shared} of {smaller} other long sentences printed alike; sister \
                             articles written from one template differ in their figures on \
                             purpose); give the documents' publication dates (front matter, a \
                             JSONL `date`) to compare them as printings of one story"
                        )
                    });
                    continue;
                }
            }
            // Other sentences both print identically.
            let others = {
                for d in [ca.doc as usize, cb.doc as usize] {
                    exact_of.entry(d).or_insert_with(|| exact(d));
                }
                let (xa, xb) = (&exact_of[&(ca.doc as usize)], &exact_of[&(cb.doc as usize)]);
                let own = |c: &Claim| {
                    let text = &corpus.doc_of(c).text;
                    let part = parts(text, c.sentence())
                        .into_iter()
                        .find(|p| p.0 <= c.fig.num_start() && c.fig.num_start() < p.1)
                        .unwrap_or(c.sentence());
                    folded_words(&text[part.0..part.1]).0
                };
                let (oa, ob) = (own(ca), own(cb));
                xa.iter()
                    .filter(|h| **h != oa && **h != ob && xb.binary_search(h).is_ok())
                    .count()
            };
            let short = match cand.how {
                How::Short => true,
                How::Near(w) => w < self.min_sentence_words,
                How::Sentence | How::Stretch(_) => false,
            };
            if short && others < self.min_shared_sentences {
                trace.note(a, b, 6, || {
                    format!(
                        "not compared: a short sentence in common, and {others} other \
                         sentences printed identically (at least {} needed)",
                        self.min_shared_sentences
                    )
                });
                continue;
            }
            let story = names_ok || others > 0;
            if !story {
                trace.note(a, b, 7, || {
                    "not compared: no other evidence of one story (no other sentence printed \
                     identically, no rare name in the shared words, too few rare names shared)"
                        .into()
                });
                continue;
            }
            // An update changes its counts with their time; two printings
            // that date a count to the same time of the same period print
            // one count ("…, selon un bilan établi par l'AFP mardi à 19H00
            // GMT"), whatever else the update changed.
            let same_time =
                ca.moment().is_some() && ca.moment() == cb.moment() && ca.period() == cb.period();
            if !same_time && reworded(ca.doc, cb.doc) > 1 {
                trace.note(a, b, 7, || {
                    "not compared: the documents print more than one sentence with the same \
                     words and other figures (an article and its update)"
                        .into()
                });
                continue;
            }
            let (ta, tb) = (
                ca.fig.text(&corpus.doc_of(ca).text),
                cb.fig.text(&corpus.doc_of(cb).text),
            );
            let (da, db) = (&corpus.doc_of(ca).id, &corpus.doc_of(cb).id);
            let why = match cand.how {
                How::Sentence | How::Short => "the same sentence in both documents".to_string(),
                How::Stretch(w) => format!("the same {w} words around it in both documents"),
                How::Near(w) => {
                    format!("nearly the same sentence in both documents ({w} words printed alike)")
                }
            };
            let message = format!(
                "`{ta}` in {da} is `{tb}` in {db}, at the same place of {why}: a reprinted figure that differs"
            );
            trace.note(a, b, 9, || format!("compared and reported: {message}"));
            out.push((a, b, message));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{frame_of, hash_of, keep_shared, Entry, Tok, Tried, FRAME};
    use crate::model::Lang;
    use crate::rules::rule_tests::messages;

    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC204");
    }

    /// An anchor of one figure is no bucket: dropped, the others kept in
    /// order (an anchor's tag is part of it).
    #[test]
    fn only_anchors_of_two_figures_or_more_are_kept() {
        let mut index: Vec<Entry> = [(0, 1), (0, 2), (0, 2), (1, 2), (1, 3), (1, 3), (1, 3)]
            .iter()
            .zip(0..)
            .map(|(&(tag, hash), fig)| Entry::new(tag, hash, fig))
            .collect();
        keep_shared(&mut index);
        let figs: Vec<u32> = index.iter().map(Entry::fig).collect();
        assert_eq!(figs, [1, 2, 4, 5, 6]);
    }

    /// A frame is a template when it is printed with three or more
    /// distinct values, however often each one.
    #[test]
    fn a_sentence_is_kept_in_24_bytes() {
        assert!(std::mem::size_of::<super::Sent>() <= 24);
    }

    #[test]
    fn a_pair_tried_under_an_earlier_tag_is_not_tried_again() {
        let mut t = Tried::default();
        assert!(t.insert(0, 7));
        assert!(t.insert(0, 3));
        assert!(t.insert(2, 5));
        assert!(!t.insert(3, 7));
        assert!(!t.insert(3, 5));
        assert!(t.insert(3, 4));
        assert!(!t.insert(4, 4));
        assert!(!t.insert(4, 3));
        assert!(t.insert(4, 9));
        assert_eq!(t.earlier, vec![3, 4, 5, 7]);
    }

    #[test]
    fn a_frame_hashes_as_the_vector_of_its_words() {
        // The frame's words on the stack hash as the vector of them did,
        // whatever the sentence's length and the figure's place in it.
        for len in 1..20u64 {
            let toks: Vec<Tok> = (0..len)
                .map(|i| Tok::new(i * 7 + 3, i as usize, None, false, false))
                .collect();
            for p in 0..toks.len() {
                let n = toks.len();
                let after = (n - p - 1).min(FRAME);
                let before = p.min(FRAME);
                let from = p.saturating_sub(2 * FRAME - after);
                let to = (p + 1 + 2 * FRAME - before).min(n);
                let words: Vec<u64> = toks[from..to].iter().map(|t| t.word()).collect();
                assert_eq!(frame_of(&toks, p), hash_of(&(p - from, words)), "{len} {p}");
            }
        }
    }

    #[test]
    fn templates_are_frames_of_three_values() {
        let frames = [(1, 10), (1, 11), (1, 10), (2, 5), (1, 12), (2, 6), (2, 5)];
        assert_eq!(
            super::templates(&frames),
            [true, true, true, false, true, false, false]
        );
        assert!(super::templates(&[]).is_empty());
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

    /// The messages of FC204 over French documents published on `dates`.
    fn dated(texts: &[(&str, &str)]) -> Vec<String> {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, (t, d))| {
                let mut doc = crate::input::Document::new(
                    format!("doc{i}"),
                    t.to_string(),
                    Some(Lang::new("fr")),
                );
                doc.source.date = Some(d.to_string());
                doc
            })
            .collect();
        let sel = crate::rules::Selection {
            select: vec!["FC204".to_string()],
            ignore: Vec::new(),
        };
        let (_, findings) = crate::analyze(docs, crate::testing::config(), &sel);
        findings.into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn a_figure_of_a_past_period_is_compared_however_far_apart() {
        let a = "L'an dernier, quelque 9.000 personnes ont été arrêtées à Hong Kong pour avoir pris part aux manifestations.";
        let b = a.replace("9.000", "6.000");
        let m = dated(&[(a, "2020-05-10"), (&b, "2020-06-20")]);
        assert_eq!(m.len(), 1, "{m:?}");
    }

    #[test]
    fn a_running_tally_far_apart_is_an_update() {
        // A word of the time of writing in the sentence.
        let a = "La tribu déplore actuellement 146 morts liées au Covid-19, selon les autorités de la Nation navajo.";
        let b = a.replace("146", "250");
        assert!(dated(&[(a, "2020-05-21"), (&b, "2020-06-05")]).is_empty());
        // The time of the count in the sentence before.
        let a = "Selon un bilan établi par l'AFP vendredi à 11H00 GMT, la pandémie progresse. Les Etats-Unis sont le pays le plus endeuillé avec 122.238 décès et de nombreux malades.";
        let b = a.replace("122.238", "78.794");
        assert!(dated(&[(a, "2020-06-26"), (&b, "2020-05-10")]).is_empty());
        // Close in time, the same sentences are compared.
        assert_eq!(dated(&[(a, "2020-06-26"), (&b, "2020-06-26")]).len(), 1);
    }

    #[test]
    fn a_change_pinned_to_one_day_is_compared_across_days() {
        // The same weekday, counted back from each publication date.
        let a = "Si l'épidémie a fait 31 nouveaux décès en 24 heures dans les hôpitaux français, le nombre de patients en réanimation continue à baisser, selon le bilan communiqué dimanche par la Direction générale de la santé.";
        let b = a.replace("31 ", "22 ");
        assert_eq!(dated(&[(a, "2020-05-31"), (&b, "2020-06-01")]).len(), 1);
        // A week apart, the weekday names another day.
        assert!(dated(&[(a, "2020-05-31"), (&b, "2020-06-07")]).is_empty());
        // Another count of the sentence printed alike.
        let a = "Selon les autorités chinoises, 57 nouveaux cas confirmés de contamination au coronavirus ont été recensés en 24 heures, dont 36 à Pékin, le plus haut chiffre quotidien depuis avril.";
        let b = a.replace("57 ", "114 ");
        assert_eq!(dated(&[(a, "2020-06-14"), (&b, "2020-06-15")]).len(), 1);
        // The sentence before printed identically, figures included.
        let lead =
            "L'épidémie a tué 28.940 personnes en France, selon le bilan publié mardi soir. ";
        let a = format!("{lead}Il y a eu 84 nouveaux décès en 24 heures dans les hôpitaux français, selon la Direction générale de la santé.");
        let b = a.replace("84 ", "168 ");
        assert_eq!(dated(&[(&a, "2020-06-02"), (&b, "2020-06-03")]).len(), 1);
        // Nothing pins it: a change printed on two days is two changes.
        let a = a.replace(lead, "");
        let b = b.replace(lead, "");
        assert!(dated(&[(&a, "2020-06-02"), (&b, "2020-06-03")]).is_empty());
    }

    #[test]
    fn nearly_the_same_sentence_far_apart_is_compared_when_nothing_dates_it() {
        let shared = " La députée Laetitia Avia a défendu ce texte devant les élus de l'Assemblée nationale réunis en commission.";
        let a = format!("Dans sa version initiale, la proposition de loi prévoyait de majorer de 50% les heures de travail effectuées entre 18H00 et 9H00, afin d'inciter le nettoyage en journée.{shared}");
        let b = format!("Dans sa version initiale, la proposition prévoyait ainsi de majorer de 40% les heures de travail effectuées entre 18H00 et 9H00, afin d'inciter le nettoyage en journée.{shared}");
        assert_eq!(dated(&[(&a, "2020-05-27"), (&b, "2020-06-01")]).len(), 1);
        // A word of the time of writing leaves it to an update.
        let a = a.replace("Dans sa version initiale", "Actuellement");
        let b = b.replace("Dans sa version initiale", "Actuellement");
        assert!(dated(&[(&a, "2020-05-27"), (&b, "2020-06-01")]).is_empty());
    }

    #[test]
    fn a_short_sentence_reworded_needs_other_shared_sentences() {
        let a = "Le Rassemblement national (Stéphane Ravier, 19,45%) est arrivé troisième.";
        let b = "Le Rassemblement national (Stéphane Ravier, 24,31%) était arrivé troisième.";
        assert!(dated(&[(a, "2020-05-23"), (b, "2020-05-23")]).is_empty());
        let more = " Le vote par secteur et la faible participation rendent cependant l'issue incertaine dans la deuxième ville de France. Les électeurs marseillais retourneront aux urnes à la fin du mois de juin pour le second tour.";
        let (a, b) = (format!("{a}{more}"), format!("{b}{more}"));
        assert_eq!(dated(&[(&a, "2020-05-23"), (&b, "2020-05-23")]).len(), 1);
    }

    /// A sentence [`super::may_cut`] leaves whole is one part for the full
    /// reading too.
    #[test]
    fn sentences_with_nothing_to_cut_are_one_part() {
        let texts = [
            "Il y a 3.5 millions de morts, selon le bilan.",
            "« Nous partons » , a-t-il dit.  ",
            "Plus de 25.000 morts - selon l'OMS - en 2020 !",
            "ab.ab.ab.ab (74,6%). samedi",
            "Chez McDonald et BlackRock, 3 iPhone.",
            "record (74,6%).Samedi matin, M.Darmanin a été élu.\"Nous\" - Titre -Malgré tout",
            "Aux U.S.A. il y a 3.5 millions",
            "remaniementMardi, le président. * Enquête",
            "Fin.» Début. — Suite…Et après ! « Non »",
            "étéÉlu, l’été.\"",
            "",
        ];
        for t in texts {
            if !super::may_cut(t) {
                let read: Vec<(usize, usize)> = if t.is_empty() {
                    Vec::new()
                } else {
                    vec![(0, t.len())]
                };
                assert_eq!(super::read_parts(t, (0, t.len())), read, "{t:?}");
            }
            // Every suffix and prefix too.
            for (i, _) in t.char_indices() {
                for sub in [&t[i..], &t[..i]] {
                    let whole = super::read_parts(sub, (0, sub.len())).len() <= 1;
                    assert!(super::may_cut(sub) || whole, "{sub:?}");
                }
            }
        }
    }

    proptest::proptest! {
        /// Whatever the text, a sentence [`super::may_cut`] leaves whole is
        /// one part for the full reading.
        #[test]
        fn may_cut_is_never_wrong(t in "[ aAbMé.!?…\\-–\"')»”«“*•]{0,12}") {
            let whole = super::read_parts(&t, (0, t.len())).len() <= 1;
            proptest::prop_assert!(super::may_cut(&t) || whole, "{:?}", t);
        }
    }

    #[test]
    fn hyphenated_names_and_initials_cut_nothing() {
        for t in [
            "Jean-Pierre Raffarin a vu 3 morts à Saint-Denis.",
            "M. Macron a annoncé 3 millions.",
            "Le 12 mars, 3 morts ! a dit le préfet.",
        ] {
            assert!(!super::may_cut(t), "{t:?}");
        }
        for t in [
            "x -Plus de 3",
            "x.Plus",
            "x. * Enquête",
            "x.«Non",
            "x.\")Non",
            "et remaniementMardi",
        ] {
            assert!(super::may_cut(t), "{t:?}");
            assert!(super::read_parts(t, (0, t.len())).len() > 1, "{t:?}");
        }
    }

    #[test]
    fn glued_sentences_are_read_apart() {
        let parts_of = |t: &str| -> Vec<String> {
            super::parts(t, (0, t.len()))
                .into_iter()
                .map(|(s, e)| t[s..e].to_string())
                .collect()
        };
        assert_eq!(
            parts_of(
                "record (74,6%).Samedi matin, M.Darmanin a été élu.\"Nous\" - Titre -Malgré tout"
            ),
            vec![
                "record (74,6%).",
                // A quote after the point closes the sentence before.
                "Samedi matin, M.Darmanin a été élu.\"",
                "Nous\" - Titre -",
                "Malgré tout"
            ]
        );
        assert_eq!(
            parts_of("Aux U.S.A. il y a 3.5 millions"),
            vec!["Aux U.S.A. il y a 3.5 millions"]
        );
        // A heading glued to its sentence with no mark at all.
        assert_eq!(
            parts_of("Lutte au Sahel et remaniementMardi, le président part."),
            vec!["Lutte au Sahel et remaniement", "Mardi, le président part."]
        );
        // Names written with an inner capital stay whole.
        for name in [
            "Chez McDonald et BlackRock, 3 iPhone et macOS sont vendus.",
            "Le patron de YouTube et de PlayStation a parlé.",
        ] {
            assert_eq!(parts_of(name), vec![name]);
        }
    }

    #[test]
    fn a_sentence_updated_in_two_figures_does_not_fire() {
        let a = "Le Brésil compte 57.070 morts pour 1.313.667 cas, selon le dernier bilan publié par le ministère de la Santé.";
        let b = a
            .replace("57.070", "58.100")
            .replace("1.313.667", "1.400.000");
        assert!(messages("FC204", &[a, &b], Lang::new("fr"), DAY).is_empty());
    }

    /// An update that changed other figures, but the count both printings
    /// date to the same time: that count is one, and fires when it differs.
    #[test]
    fn a_count_of_the_same_time_in_an_update_is_compared() {
        let world = "La pandémie a fait au moins 407.914 morts dans le monde depuis son apparition en décembre en Chine, selon un bilan établi par l'AFP à partir de sources officielles mardi à 19H00 GMT. ";
        let rest = "Les Etats-Unis sont le pays le plus touché, avec 111.750 décès. Suivent le Royaume-Uni avec 40.883 morts, le Brésil (38.406), l'Italie (34.043), et la France (29.296).";
        let a = format!("{world}{rest}");
        let b = a.replace("111.750", "111.375").replace("38.406", "37.134");
        // The update alone: nothing to report.
        assert!(dated(&[(&a, "2020-06-10"), (&b, "2020-06-10")]).is_empty());
        // The count of 19H00 GMT changed too: reported.
        let c = b.replace("407.914", "611.871");
        let found = dated(&[(&a, "2020-06-10"), (&c, "2020-06-10")]);
        assert!(
            found
                .iter()
                .any(|m| m.contains("407.914") && m.contains("611.871")),
            "{found:?}"
        );
        // Without its time, the world count may have been updated with the rest.
        let (a, c) = (
            a.replace(" mardi à 19H00 GMT", ""),
            c.replace(" mardi à 19H00 GMT", ""),
        );
        let found = dated(&[(&a, "2020-06-10"), (&c, "2020-06-10")]);
        assert!(!found.iter().any(|m| m.contains("611.871")), "{found:?}");
    }
}
