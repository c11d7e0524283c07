//! Number words that count nothing: phrases of the lexicon such as "l'un
//! des", "the one", "no one" (but "that one mile", "en un jour" keep the
//! number).

use crate::extract::context::*;
use crate::extract::Extractor;
use crate::lexicon::LangLexicon;
use crate::model::Kind;

impl<'a> Extractor<'a> {
    pub(crate) fn not_a_number(&mut self, lex: &LangLexicon, pos: usize) -> bool {
        let text = self.text;
        // Most number words are in no such phrase: one look-up.
        let (ws, we) = word_at(text, pos).unwrap_or((pos, pos));
        let first_len = text[ws..we]
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(we - ws);
        crate::lexicon::fold_into(&text[ws..ws + first_len], &mut self.buf);
        if !lex.not_number_words.contains(self.buf.as_str()) {
            return false;
        }
        let mut end = (pos + 40).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        // The text from the number word on, folded only as far as each
        // comparison reads: its first word, then a phrase at a time.
        let head = &text[pos..end];
        crate::lexicon::fold_first_word_into(head, &mut self.buf);
        let first_word = std::mem::take(&mut self.buf);
        let first = first_word.as_str();
        // The words before, read backwards as far as a phrase asks; the
        // folded tail only when it ends with an apostrophe, as an elided
        // word needs.
        let before = crate::extract::before::before(text, pos, 24);
        let mut elided_tail: Option<Option<Tail>> = None;
        let lead = || {
            lex.duration_leads
                .iter()
                .any(|w| before.ends_with_phrase(w).is_some())
        };
        // Only the phrases holding this word, and those opening with an
        // elided word, may match: any other finds no word equal to it.
        let holding = lex
            .not_number_by_word
            .get(first)
            .map_or(&[][..], Vec::as_slice);
        let phrases = lex.not_number_elided.iter().chain(holding);
        let hit = phrases.map(|&k| &lex.not_number_phrases[k]).any(|p| {
            // An elided first word ("l'un"): it ends the text before the
            // number word.
            if let Some((elided, rest)) = &p.elided {
                let t = elided_tail.get_or_insert_with(|| {
                    (before.last_byte() == Some(b'\'')).then(|| tail(text, pos, 24))
                });
                return t.as_ref().is_some_and(|t| {
                    t.norm
                        .strip_suffix('\'')
                        .is_some_and(|b| b.ends_with(elided.as_str()))
                }) && crate::lexicon::fold_starts_with_word(head, rest);
            }
            // The phrase may start before the number word: "the one",
            // "no one".
            for (at, w) in &p.words {
                if *w == first {
                    let (pre, post) = p.text.split_at(*at);
                    let pre = pre.trim_end();
                    if !((pre.is_empty() || before.ends_with_phrase(pre).is_some())
                        && crate::lexicon::fold_starts_with_word(head, post))
                    {
                        return false;
                    }
                    // "that one mile": a unit after the phrase keeps the
                    // number, and so does a lead of duration ("en un jour").
                    // The word's end in the text, not in its fold: "uné"
                    // folds to the three bytes of "une" but spans four.
                    let after = skip_spaces(text, ws + first_len);
                    let unit = unit_at(self.lex, text, after);
                    if unit.is_some_and(|u| self.lex.units[u.unit].kind == Kind::Duration) && lead()
                    {
                        return false;
                    }
                    return post.contains(' ') || unit.is_none();
                }
            }
            false
        });
        self.buf = first_word;
        hit
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn number_words_that_count_nothing() {
        // A word whose fold is shorter than its text ("uné" reads "une")
        // is measured in the text: this once sliced inside the "é".
        assert_eq!(all("uné des milliers ", Lang::new("fr")).len(), 1);
        assert!(all("no one came", Lang::new("en")).is_empty());
        assert!(all("l'un des manifestants", Lang::new("fr")).is_empty());
        assert_eq!(all("that one mile", Lang::new("en")).len(), 1);
    }

    #[test]
    fn every_phrase_is_found_by_each_of_its_words() {
        let lex = &config().lexicon;
        for lang in ["fr", "en", "es"] {
            let l = lex.lang(Lang::new(lang));
            assert!(!l.not_number_phrases.is_empty(), "{lang}");
            for (k, p) in l.not_number_phrases.iter().enumerate() {
                if p.elided.is_some() {
                    assert!(l.not_number_elided.contains(&k), "{}", p.text);
                    continue;
                }
                for (_, w) in &p.words {
                    assert!(l.not_number_by_word[w].contains(&k), "{}", p.text);
                }
            }
        }
    }
}
