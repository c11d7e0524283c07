//! A vocabulary: ids and the words and phrases that name them, and the
//! longest phrase starting at a token.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::claims::tokens::{key_hash, phrase_key, word_hash, PhraseHashes, Tokens, PHRASE_MAX};
use crate::lexicon::{fold, fold_hash_last};

/// One group of the meaning lexicon: ids and the phrases that name them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocabulary {
    /// The ids, in order: the gazetteer's are slices of its embedded text,
    /// not copies.
    pub(crate) ids: Vec<Cow<'static, str>>,
    /// Folded single words (and phrases) → id, for looking up a noun.
    pub(crate) words: HashMap<String, u16>,
    /// [`word_hash`] of each key of `words`: a word that is none of them,
    /// with or without a plural ending, costs no folded string.
    hashes: HashSet<u64>,
    /// Token keys of the phrases (see [`phrase_key`]) → id.
    pub(crate) keys: HashMap<String, u16>,
    /// [`key_hash`] of each of `keys`: a length at which no phrase starts
    /// costs no string look-up.
    key_hashes: HashSet<u64>,
    /// Most tokens in a phrase.
    pub(crate) max_len: usize,
    /// [`word_hash`] of the first token of each phrase, with the most
    /// tokens a phrase starting with it has: most tokens start none, and
    /// cost one look-up of their hash ([`Tok::hash`], no string hashed). A
    /// word whose hash another's equals is tried for that one's lengths
    /// too, and matches only a key of `keys`.
    ///
    /// [`Tok::hash`]: crate::claims::tokens::Tok::hash
    pub(crate) firsts: HashMap<u64, usize>,
}

/// A phrase of a vocabulary found in a sentence: token range and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match {
    pub(crate) ts: usize,
    pub(crate) te: usize,
    pub(crate) id: u16,
}

impl Vocabulary {
    pub(super) fn add(&mut self, id: &str, words: &[String]) -> u16 {
        let idx = match self.ids.iter().position(|x| x == id) {
            Some(i) => i as u16,
            None => {
                self.ids.push(Cow::Owned(id.to_string()));
                (self.ids.len() - 1) as u16
            }
        };
        for w in words {
            self.add_word(w, idx);
        }
        idx
    }

    pub(super) fn add_word(&mut self, w: &str, idx: u16) {
        let f = fold(w);
        self.hashes.insert(word_hash(&f));
        self.words.insert(f, idx);
        let k = phrase_key(w);
        if k.is_empty() {
            return;
        }
        let n = k.split(' ').count();
        self.max_len = self.max_len.max(n);
        let first = word_hash(k.split(' ').next().unwrap_or(""));
        let e = self.firsts.entry(first).or_insert(0);
        *e = (*e).max(n);
        self.key_hashes.insert(key_hash(&k));
        self.keys.insert(k, idx);
    }

    /// The id of a single word, trying it without a plural ending too.
    pub(crate) fn word(&self, w: &str) -> Option<u16> {
        let (h, last) = fold_hash_last(w);
        let singular = last.filter(|&(b, _)| matches!(b, b's' | b'x'));
        if !self.hashes.contains(&h) && !singular.is_some_and(|(_, p)| self.hashes.contains(&p)) {
            return None;
        }
        let f = fold(w);
        if let Some(&i) = self.words.get(&f) {
            return Some(i);
        }
        let singular = f.strip_suffix('s').or_else(|| f.strip_suffix('x'))?;
        self.words.get(singular).copied()
    }

    pub(crate) fn name(&self, i: u16) -> &str {
        &self.ids[i as usize]
    }

    /// The longest phrase of the vocabulary starting at token `i`.
    pub(crate) fn match_at(&self, toks: &Tokens, i: usize) -> Option<Match> {
        let n = toks.toks.len();
        let longest = (*self.firsts.get(&toks.toks[i].hash)?).min(n - i);
        // A table whose phrases from this word are all one word long
        // holds it (or a word of the same hash): its key is looked up.
        let hashes =
            (1 < longest && longest <= PHRASE_MAX).then(|| PhraseHashes::new(toks, i, longest));
        for len in (1..=longest).rev() {
            if hashes
                .as_ref()
                .is_some_and(|h| !self.key_hashes.contains(&h.of(len)))
            {
                continue;
            }
            if let Some(&id) = self.keys.get(toks.key(i..i + len)) {
                return Some(Match {
                    ts: i,
                    te: i + len,
                    id,
                });
            }
        }
        None
    }
}
