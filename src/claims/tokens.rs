//! Folded word tokens of a sentence, computed once and shared by every
//! figure of the sentence, so that reading a figure's role, side, places
//! and period costs a few hash look-ups, not a scan of the text.

use std::ops::Range;

use crate::lexicon::{fold_ascii, fold_char, fold_hash_byte, FOLD_HASH_BASIS};

/// One word of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    /// Byte span in the document text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Byte span in [`Tokens::folded`].
    pub(crate) fs: usize,
    pub(crate) fe: usize,
    /// A `;`, `:`, `(` or `)` stands between the previous token and this one.
    pub(crate) clause_break: bool,
    /// A comma (or a clause break) stands between the previous token and
    /// this one.
    pub(crate) comma: bool,
    /// A comma, `;`, `:` or a quotation mark stands between the previous
    /// token and this one: a phrase ends or opens there (a bracket alone
    /// does not end the phrase around it).
    pub(crate) stop: bool,
    /// The token is made of digits.
    pub(crate) digits: bool,
    /// [`word_hash`] of the folded token, so that a table of phrases can
    /// tell in one look-up whether any of its phrases starts here.
    pub(crate) hash: u64,
}

impl Tok {
    /// A token starting at byte `pos`, its folded text about to be pushed
    /// on `folded` (after a space when it holds a token already), with the
    /// comma, clause break and stop seen since the previous token (all
    /// taken). Its `hash` is that of the folded bytes pushed so far.
    #[inline(always)]
    fn open(
        folded: &mut Vec<u8>,
        pos: usize,
        comma: &mut bool,
        brk: &mut bool,
        stop: &mut bool,
    ) -> Tok {
        if !folded.is_empty() {
            folded.push(b' ');
        }
        Tok {
            start: pos,
            end: pos,
            fs: folded.len(),
            fe: folded.len(),
            comma: std::mem::take(comma) || *brk,
            clause_break: std::mem::take(brk),
            stop: std::mem::take(stop),
            digits: true,
            hash: FOLD_HASH_BASIS,
        }
    }

    /// Pushes folded bytes `piece` of this token on `folded`, hashing them.
    #[inline(always)]
    fn extend(&mut self, folded: &mut Vec<u8>, piece: &[u8]) {
        folded.extend_from_slice(piece);
        self.hash = piece.iter().fold(self.hash, |h, &b| fold_hash_byte(h, b));
        self.fe = folded.len();
    }
}

/// Kinds of ASCII bytes for the runs of [`Tokens::fill`]: 1 a digit, 2 a
/// letter, 0 any other byte.
const ASCII_ALNUM: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            1
        } else if c.is_ascii_alphabetic() {
            2
        } else {
            0
        };
        b += 1;
    }
    t
};

/// What an ASCII byte that is no letter nor digit marks between two
/// tokens, as bits: [`APOSTROPHE`] (folded to `'`, it ends the token it
/// follows with it), [`BREAK`] (`;`, `:`, `(`, `)`), [`COMMA`], [`STOP`]
/// (`,`, `;`, `:`, `"`).
const ASCII_MARKS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let f = fold_ascii(b as u8);
        let c = b as u8;
        t[b] = if f == b'\'' { APOSTROPHE } else { 0 }
            | if matches!(c, b';' | b':' | b'(' | b')') {
                BREAK
            } else {
                0
            }
            | if c == b',' { COMMA } else { 0 }
            | if matches!(c, b',' | b';' | b':' | b'"') {
                STOP
            } else {
                0
            };
        b += 1;
    }
    t
};
const APOSTROPHE: u8 = 1;
const BREAK: u8 = 2;
const COMMA: u8 = 4;
const STOP: u8 = 8;

/// The folded tokens of a span of text. A token is a run of letters and
/// digits; an apostrophe ends the token it follows ("l'" + "ei").
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    pub(crate) folded: String,
    pub(crate) toks: Vec<Tok>,
}

impl Tokens {
    pub(crate) fn new(text: &str, span: (usize, usize)) -> Tokens {
        let mut t = Tokens::default();
        t.fill(text, span);
        t
    }

    /// Tokenises `text[span]`, reusing this value's buffers. One pass over
    /// the bytes: each token's folded bytes are hashed as they are pushed.
    pub(crate) fn fill(&mut self, text: &str, span: (usize, usize)) {
        self.toks.clear();
        // The folded text is built as bytes (only whole UTF-8 characters
        // are pushed) and given back as a string at the end.
        let mut folded = std::mem::take(&mut self.folded).into_bytes();
        folded.clear();
        let mut cur: Option<Tok> = None;
        let mut brk = false;
        let mut comma = false;
        let mut stop = false;
        let s = &text[span.0..span.1];
        folded.reserve(s.len());
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // A run of ASCII letters and digits, most of the text, is
            // hashed in one loop and copied lowered at once (the 0x20 bit
            // lowers a letter and leaves a digit as it is).
            if ASCII_ALNUM[b as usize] != 0 {
                let run = i;
                let mut digits = true;
                let pos = span.0 + run;
                let tok = cur.get_or_insert_with(|| {
                    Tok::open(&mut folded, pos, &mut comma, &mut brk, &mut stop)
                });
                let mut h = tok.hash;
                while let Some(&c) = bytes.get(i) {
                    match ASCII_ALNUM[c as usize] {
                        0 => break,
                        1 => {}
                        _ => digits = false,
                    }
                    h = fold_hash_byte(h, c | 0x20);
                    i += 1;
                }
                folded.extend(bytes[run..i].iter().map(|&c| c | 0x20));
                tok.hash = h;
                tok.end = span.0 + i;
                tok.fe = folded.len();
                tok.digits &= digits;
                continue;
            }
            // Other ASCII (no letter nor digit, folded to none) ends the
            // token before it, and marks what stands between tokens
            // ([`ASCII_MARKS`]).
            if b < 0x80 {
                let marks = ASCII_MARKS[b as usize];
                if marks & APOSTROPHE != 0 {
                    if let Some(tok) = cur.as_mut() {
                        tok.extend(&mut folded, b"'");
                        tok.end = span.0 + i + 1;
                    }
                }
                brk |= marks & BREAK != 0;
                comma |= marks & COMMA != 0;
                stop |= marks & STOP != 0;
                if let Some(tok) = cur.take() {
                    self.toks.push(tok);
                }
                i += 1;
                continue;
            }
            // Other characters are read and folded one by one.
            let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
            let f = fold_char(c);
            let pos = span.0 + i;
            i += c.len_utf8();
            if f.is_alphanumeric() {
                let tok = cur.get_or_insert_with(|| {
                    Tok::open(&mut folded, pos, &mut comma, &mut brk, &mut stop)
                });
                let mut buf = [0u8; 4];
                let piece: &[u8] = match f {
                    'œ' => b"oe",
                    'æ' => b"ae",
                    _ => f.encode_utf8(&mut buf).as_bytes(),
                };
                tok.extend(&mut folded, piece);
                tok.end = pos + c.len_utf8();
                tok.digits &= c.is_ascii_digit();
            } else {
                if f == '\'' {
                    if let Some(tok) = cur.as_mut() {
                        tok.extend(&mut folded, b"'");
                        tok.end = pos + c.len_utf8();
                    }
                }
                if matches!(c, ';' | ':' | '(' | ')') {
                    brk = true;
                }
                if c == ',' {
                    comma = true;
                }
                if matches!(c, ',' | ';' | ':' | '"' | '«' | '»' | '“' | '”') {
                    stop = true;
                }
                if let Some(tok) = cur.take() {
                    self.toks.push(tok);
                }
            }
        }
        if let Some(tok) = cur.take() {
            self.toks.push(tok);
        }
        // Only whole characters were pushed: the bytes are UTF-8.
        self.folded = String::from_utf8(folded)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    }

    /// The folded text of tokens `r`, words joined by single spaces.
    #[inline]
    pub(crate) fn key(&self, r: Range<usize>) -> &str {
        if r.is_empty() {
            return "";
        }
        &self.folded[self.toks[r.start].fs..self.toks[r.end - 1].fe]
    }

    /// Index of the first token that ends after byte `pos`.
    #[inline]
    pub(crate) fn first_after(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.end <= pos)
    }

    /// Index of the first token that starts at or after byte `pos`.
    #[inline]
    pub(crate) fn first_from(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }

    /// [`Tokens::first_after`], knowing that every token before `lo` ends
    /// at or before `pos`: looked for from `lo` on, in steps that double
    /// ([`partition_from`]), so that the figures of a long sentence, read in
    /// order, each cost a search of the tokens since the one before.
    #[inline]
    pub(crate) fn first_after_from(&self, pos: usize, lo: usize) -> usize {
        partition_from(&self.toks, lo, |t| t.end <= pos)
    }

    /// [`Tokens::first_from`], knowing that every token before `lo` starts
    /// before `pos` ([`partition_from`]).
    #[inline]
    pub(crate) fn first_from_from(&self, pos: usize, lo: usize) -> usize {
        partition_from(&self.toks, lo, |t| t.start < pos)
    }
}

/// The partition point of `pred` over `toks` (the index of the first token
/// for which it is false; true for every token before it), when it is true
/// for every token before `lo`: tokens `lo`, `lo + 1`, `lo + 3`, `lo + 7`…
/// are tested until one fails, then the last step is searched by halves.
#[inline]
fn partition_from(toks: &[Tok], lo: usize, pred: impl Fn(&Tok) -> bool) -> usize {
    let n = toks.len();
    let mut lo = lo.min(n);
    let mut step = 1;
    loop {
        let probe = lo + step - 1;
        if probe >= n {
            return lo + toks[lo..].partition_point(&pred);
        }
        if !pred(&toks[probe]) {
            return lo + toks[lo..probe].partition_point(&pred);
        }
        lo = probe + 1;
        step *= 2;
    }
}

/// The hash of one folded word, as [`Tok::hash`] holds it: FNV-1a over
/// its bytes.
#[inline]
pub(crate) fn word_hash(word: &str) -> u64 {
    word.bytes().fold(crate::lexicon::FOLD_HASH_BASIS, |h, b| {
        crate::lexicon::fold_hash_byte(h, b)
    })
}

/// Most tokens of a phrase whose [`PhraseHashes`] a table reads.
pub(crate) const PHRASE_MAX: usize = 8;

/// The hash of a phrase from the [`word_hash`] of its words, one at a
/// time: a table of phrases keeps the hash of each of its keys, so that
/// the lengths at which no key starts at a token cost no folded string.
#[inline(always)]
pub(crate) fn phrase_step(h: u64, word: u64) -> u64 {
    (h.rotate_left(23) ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// [`phrase_step`] over the words of a token key ([`phrase_key`]).
pub(crate) fn key_hash(key: &str) -> u64 {
    key.split(' ').fold(0, |h, w| phrase_step(h, word_hash(w)))
}

/// The phrase hashes ([`key_hash`]) of tokens `i..i + len` of a
/// sentence for every `len` from 1 to a table's longest phrase.
pub(crate) struct PhraseHashes {
    hashes: [u64; PHRASE_MAX],
}

impl PhraseHashes {
    /// The hashes of tokens `i..i + 1` to `i..i + max` (`max` at most
    /// [`PHRASE_MAX`]).
    #[inline(always)]
    pub(crate) fn new(toks: &Tokens, i: usize, max: usize) -> PhraseHashes {
        let mut hashes = [0; PHRASE_MAX];
        let mut h = 0;
        for (slot, t) in hashes.iter_mut().zip(&toks.toks[i..i + max]) {
            h = phrase_step(h, t.hash);
            *slot = h;
        }
        PhraseHashes { hashes }
    }

    /// The hash of tokens `i..i + len`.
    #[inline(always)]
    pub(crate) fn of(&self, len: usize) -> u64 {
        self.hashes[len - 1]
    }
}

/// Folds a phrase of the lexicon into the token key it matches.
pub(crate) fn phrase_key(phrase: &str) -> String {
    let t = Tokens::new(phrase, (0, phrase.len()));
    t.key(0..t.toks.len()).to_string()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn searches_from_a_token_find_what_binary_searches_find() {
        let text = "Le 2 juin, 20.000 personnes (dont 3 000 à Paris) ont défilé; 1 2 3 4 5.";
        let t = Tokens::new(text, (0, text.len()));
        for pos in 0..=text.len() + 1 {
            let after = t.first_after(pos);
            let from = t.first_from(pos);
            for lo in 0..=after {
                assert_eq!(t.first_after_from(pos, lo), after, "{pos} {lo}");
            }
            for lo in 0..=from {
                assert_eq!(t.first_from_from(pos, lo), from, "{pos} {lo}");
            }
        }
    }

    /// The tokens of `text[span]` read a character at a time, each folded
    /// with `fold_char` and each token hashed once it ends: what
    /// [`Tokens::fill`] computes in one pass over the bytes.
    fn char_by_char(text: &str, span: (usize, usize)) -> Tokens {
        let mut t = Tokens::default();
        let mut cur: Option<Tok> = None;
        let (mut brk, mut comma, mut stop) = (false, false, false);
        let end = |t: &mut Tokens, cur: &mut Option<Tok>| {
            if let Some(mut tok) = cur.take() {
                tok.hash = word_hash(&t.folded[tok.fs..tok.fe]);
                t.toks.push(tok);
            }
        };
        for (off, c) in text[span.0..span.1].char_indices() {
            let pos = span.0 + off;
            let f = fold_char(c);
            if f.is_alphanumeric() {
                if cur.is_none() {
                    if !t.folded.is_empty() {
                        t.folded.push(' ');
                    }
                    let comma_before = std::mem::take(&mut comma) || brk;
                    cur = Some(Tok {
                        start: pos,
                        end: pos,
                        fs: t.folded.len(),
                        fe: t.folded.len(),
                        comma: comma_before,
                        clause_break: std::mem::take(&mut brk),
                        stop: std::mem::take(&mut stop),
                        digits: true,
                        hash: 0,
                    });
                }
                let tok = cur.as_mut().unwrap();
                match f {
                    'œ' => t.folded.push_str("oe"),
                    'æ' => t.folded.push_str("ae"),
                    _ => t.folded.push(f),
                }
                tok.end = pos + c.len_utf8();
                tok.fe = t.folded.len();
                tok.digits &= c.is_ascii_digit();
                continue;
            }
            if f == '\'' {
                if let Some(tok) = cur.as_mut() {
                    t.folded.push('\'');
                    tok.end = pos + c.len_utf8();
                    tok.fe = t.folded.len();
                }
            }
            brk |= matches!(c, ';' | ':' | '(' | ')');
            comma |= c == ',';
            stop |= matches!(c, ',' | ';' | ':' | '"' | '«' | '»' | '“' | '”');
            end(&mut t, &mut cur);
        }
        end(&mut t, &mut cur);
        t
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// One pass over the bytes gives the tokens, folded text and hashes
        /// of a reading a character at a time.
        #[test]
        fn fill_reads_as_char_by_char(
            parts in proptest::collection::vec(prop_oneof![
                4 => "[A-Za-z0-9]{1,6}",
                1 => proptest::sample::select(vec![
                    " ", "  ", ",", ";", ":", "(", ")", "\"", "«", "»", "“", "”", "'",
                    "’", "`", "\t", "\n", "-", ".", "\u{a0}", "\u{202f}", "É", "été",
                    "œ", "Æ", "ß", "ñ", "²", "½", "٣", "中", "€", "%",
                ]).prop_map(str::to_string),
            ], 0..40),
            prefix in proptest::sample::select(vec!["", "a", "é ", "Le 2,"]),
        ) {
            let body: String = parts.concat();
            let text = format!("{prefix}{body}");
            let span = (prefix.len(), text.len());
            let mut got = Tokens::default();
            got.fill("stale, text", (0, 11));
            got.fill(&text, span);
            let want = char_by_char(&text, span);
            prop_assert_eq!(&got.folded, &want.folded);
            prop_assert_eq!(&got.toks, &want.toks);
        }
    }

    #[test]
    fn ascii_runs_and_other_letters_make_the_same_tokens() {
        let text = "Le 2e ÉTÉ, 44 Mio d’Œuvres\u{a0}(X3); l`ab 12ab";
        let t = Tokens::new(text, (3, text.len()));
        let words: Vec<&str> = (0..t.toks.len()).map(|i| t.key(i..i + 1)).collect();
        assert_eq!(
            words,
            vec!["2e", "ete", "44", "mio", "d'", "oeuvres", "x3", "l'", "ab", "12ab"]
        );
        let digits: Vec<bool> = t.toks.iter().map(|t| t.digits).collect();
        assert_eq!(
            digits,
            vec![false, false, true, false, false, false, false, false, false, false]
        );
        for tok in &t.toks {
            assert_eq!(tok.hash, word_hash(&t.folded[tok.fs..tok.fe]));
        }
        assert_eq!(&text[t.toks[1].start..t.toks[1].end], "ÉTÉ");
        assert!(t.toks[2].comma && !t.toks[2].clause_break);
        assert!(t.toks[7].clause_break);
    }

    #[test]
    fn tokens_fold_and_split() {
        let text = "La mort de 44 miliciens de l’EI (Irak); aujourd'hui";
        let t = Tokens::new(text, (0, text.len()));
        let words: Vec<&str> = (0..t.toks.len()).map(|i| t.key(i..i + 1)).collect();
        assert_eq!(
            words,
            vec![
                "la",
                "mort",
                "de",
                "44",
                "miliciens",
                "de",
                "l'",
                "ei",
                "irak",
                "aujourd'",
                "hui"
            ]
        );
        assert_eq!(t.key(6..8), "l' ei");
        assert!(t.toks[3].digits);
        assert!(t.toks[8].clause_break && t.toks[9].clause_break);
        assert_eq!(&text[t.toks[4].start..t.toks[4].end], "miliciens");
        assert_eq!(phrase_key("de l'EI"), "de l' ei");
        assert_eq!(phrase_key("états-unis"), "etats unis");
        assert_eq!(t.toks[4].hash, word_hash("miliciens"));
    }
}
