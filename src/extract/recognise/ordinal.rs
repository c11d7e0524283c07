//! Ordinals with no value: "last", "the next", "avant-dernier".

use crate::extract::context::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::lexicon::LangLexicon;
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    /// "last", "the next", "avant-dernier": a position relative to
    /// another, an ordinal with no value; not after an indefinite article
    /// ("a previous version", "un dernier verre").
    pub(crate) fn relative_ordinal(&mut self, lex: &LangLexicon, pos: usize) -> Option<usize> {
        let text = self.text;
        let b = skip_spaces_back(text, pos);
        if let Some((s, e)) = word_before(text, b) {
            if words::lookup(lex, &text[s..e], &mut self.buf).is_some_and(|i| i.article) {
                return None;
            }
        }
        let mut found = None;
        for phrase in &lex.relative_ordinals {
            let mut p = pos;
            let mut ok = true;
            let mut end = pos;
            for (i, w) in phrase.split(' ').enumerate() {
                if i > 0 {
                    let q = skip_spaces(text, end);
                    if q == end {
                        ok = false;
                        break;
                    }
                    p = q;
                }
                let Some((s, e)) = noun_at(text, p) else {
                    ok = false;
                    break;
                };
                crate::lexicon::fold_into(&text[s..e], &mut self.buf);
                if self.buf != w {
                    ok = false;
                    break;
                }
                end = e;
            }
            if ok {
                found = Some(end);
                break;
            }
        }
        let end = found?;
        let mut f = Figure::new(pos, end, None, Written::Words);
        f.kind = Kind::Ordinal;
        self.push(f);
        Some(end)
    }
}
