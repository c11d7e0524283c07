//! Folded word tokens of a sentence, computed once and shared by every
//! figure of the sentence, so that reading a figure's role, side, places
//! and period costs a few hash look-ups, not a scan of the text.

use std::ops::Range;

use crate::lexicon::{fold_ascii, fold_char};

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
    /// taken).
    #[inline(always)]
    fn open(
        folded: &mut String,
        pos: usize,
        comma: &mut bool,
        brk: &mut bool,
        stop: &mut bool,
    ) -> Tok {
        if !folded.is_empty() {
            folded.push(' ');
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
            hash: 0,
        }
    }
}

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

    /// Tokenises `text[span]`, reusing this value's buffers.
    pub(crate) fn fill(&mut self, text: &str, span: (usize, usize)) {
        self.folded.clear();
        self.toks.clear();
        let mut cur: Option<Tok> = None;
        let mut brk = false;
        let mut comma = false;
        let mut stop = false;
        let s = &text[span.0..span.1];
        self.folded.reserve(s.len());
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // A run of ASCII letters and digits, most of the text, is
            // copied at once and lowered in place.
            if b.is_ascii_alphanumeric() {
                let run = i;
                let mut digits = true;
                while let Some(&c) = bytes.get(i) {
                    if c.is_ascii_alphabetic() {
                        digits = false;
                    } else if !c.is_ascii_digit() {
                        break;
                    }
                    i += 1;
                }
                let pos = span.0 + run;
                let tok = cur.get_or_insert_with(|| {
                    Tok::open(&mut self.folded, pos, &mut comma, &mut brk, &mut stop)
                });
                let from = self.folded.len();
                self.folded.push_str(&s[run..i]);
                if !digits {
                    self.folded[from..].make_ascii_lowercase();
                }
                tok.end = span.0 + i;
                tok.fe = self.folded.len();
                tok.digits &= digits;
                continue;
            }
            // Other ASCII is read and folded byte by byte.
            let (c, f) = if b < 0x80 {
                (b as char, fold_ascii(b) as char)
            } else {
                let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
                (c, fold_char(c))
            };
            let pos = span.0 + i;
            i += c.len_utf8();
            if f.is_alphanumeric() {
                let tok = cur.get_or_insert_with(|| {
                    Tok::open(&mut self.folded, pos, &mut comma, &mut brk, &mut stop)
                });
                match f {
                    'œ' => self.folded.push_str("oe"),
                    'æ' => self.folded.push_str("ae"),
                    _ => self.folded.push(f),
                }
                tok.end = pos + c.len_utf8();
                tok.fe = self.folded.len();
                tok.digits &= c.is_ascii_digit();
            } else {
                if f == '\'' {
                    if let Some(tok) = cur.as_mut() {
                        self.folded.push('\'');
                        tok.end = pos + c.len_utf8();
                        tok.fe = self.folded.len();
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
                    self.push(tok);
                }
            }
        }
        if let Some(tok) = cur.take() {
            self.push(tok);
        }
    }

    /// Pushes a finished token with the hash of its folded text.
    fn push(&mut self, mut tok: Tok) {
        tok.hash = word_hash(&self.folded[tok.fs..tok.fe]);
        self.toks.push(tok);
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
}

/// The hash of one folded word, as [`Tok::hash`] holds it: FNV-1a over
/// its bytes.
#[inline]
pub(crate) fn word_hash(word: &str) -> u64 {
    word.bytes().fold(crate::lexicon::FOLD_HASH_BASIS, |h, b| {
        crate::lexicon::fold_hash_byte(h, b)
    })
}

/// Folds a phrase of the lexicon into the token key it matches.
pub(crate) fn phrase_key(phrase: &str) -> String {
    let t = Tokens::new(phrase, (0, phrase.len()));
    t.key(0..t.toks.len()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
