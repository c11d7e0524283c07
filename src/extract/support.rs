//! Reading helpers shared by the recognisers: a link word ("de", "of"),
//! a phrase of a lexicon table, a plain number in digits or words.

use rust_decimal::Decimal;

use crate::extract::context::*;
use crate::extract::digits::{self, numeral, read_numeral};
use crate::extract::words;
use crate::extract::Extractor;
use crate::lexicon::LangLexicon;
use crate::model::Written;

impl<'a> Extractor<'a> {
    /// Past a link word at `pos` ("de", "d'", "of"), if one stands there:
    /// where the unit or noun after it starts; `pos` otherwise.
    pub(crate) fn after_link(&mut self, lex: &LangLexicon, pos: usize) -> usize {
        let text = self.text;
        let Some((s, e)) = word_at(text, pos) else {
            return pos;
        };
        crate::lexicon::fold_into(&text[s..e], &mut self.buf);
        if lex.noun_links.contains(self.buf.as_str()) {
            return skip_spaces(text, e);
        }
        if let Some(c @ ('\'' | '’')) = char_at(text, e) {
            self.buf.push('\'');
            if lex.noun_links.contains(self.buf.as_str()) {
                return e + c.len_utf8();
            }
        }
        pos
    }

    /// The first phrase of a lexicon table (`table` picks it) written at
    /// `q`, in the document's language first: its end and its value.
    pub(crate) fn phrase_of<T: Copy + 'a>(
        &mut self,
        q: usize,
        table: impl Fn(&'a LangLexicon) -> &'a [(String, T)],
    ) -> Option<(usize, T)> {
        let text = self.text;
        // Every phrase starts with the word at `q`: only the phrases whose
        // first word (before its first space) it folds to are read further.
        // The word is folded once for all the phrases, if one needs it.
        let (s, e) = word_at(text, q)?;
        let word = &text[s..e];
        let mut folded = std::mem::take(&mut self.opener);
        let mut done = false;
        let mut found = None;
        'tables: for lex in self.lexes() {
            for (phrase, v) in table(lex) {
                if !crate::lexicon::fold_opens_once(word, phrase, &mut folded, &mut done) {
                    continue;
                }
                if let Some(e) = phrase_at(text, q, phrase, &mut self.buf) {
                    found = Some((e, *v));
                    break 'tables;
                }
            }
        }
        self.opener = folded;
        found
    }

    /// A plain number at `pos`, in digits or words: its value and end.
    pub(crate) fn number_at(&mut self, pos: usize) -> Option<(Decimal, usize, Written)> {
        let text = self.text;
        if text[pos..].starts_with(|c: char| c.is_ascii_digit()) {
            let (_, num) = numeral(&text[pos..]).ok()?;
            let r = read_numeral(&num, self.conv)?;
            let used = numeral_len(&num, r.runs);
            let e = pos + used;
            if char_at(text, e).is_some_and(|c| c.is_alphanumeric() || c == '/') {
                return None;
            }
            return Some((r.value, e, Written::Digits));
        }
        let (s, e) = word_at(text, pos)?;
        for lex in self.lexes() {
            let Some(info) = words::lookup(lex, &text[s..e], &mut self.buf) else {
                continue;
            };
            if info.cardinal.is_none() {
                continue;
            }
            let sp = words::spelled_number_with(lex, &text[pos..], &mut self.buf)?;
            if sp.ordinal || sp.fraction {
                return None;
            }
            return Some((sp.value, pos + sp.len, Written::Words));
        }
        None
    }
}

/// Bytes of a numeral's first `runs` runs and the separators between them.
pub(crate) fn numeral_len(num: &digits::Numeral<'_>, runs: usize) -> usize {
    num.runs()[..runs].iter().map(|r| r.len()).sum::<usize>()
        + num.seps()[..runs - 1]
            .iter()
            .map(|c| c.len_utf8())
            .sum::<usize>()
}

/// If the words of `phrase` (folded, space-separated) stand at `pos`, the
/// end of the last one.
pub(crate) fn phrase_at(text: &str, pos: usize, phrase: &str, buf: &mut String) -> Option<usize> {
    let mut p = pos;
    let mut end = pos;
    for (i, w) in phrase.split(' ').enumerate() {
        if i > 0 {
            let q = skip_spaces(text, end);
            if q == end {
                return None;
            }
            p = q;
        }
        let (s, e) = word_at(text, p)?;
        if !crate::lexicon::fold_eq(&text[s..e], w, buf) {
            return None;
        }
        end = e;
    }
    Some(end)
}
