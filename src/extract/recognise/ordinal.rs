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
        // Every phrase starts with the word at `pos`.
        let first = noun_at(text, pos);
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
                let span = if i == 0 { first } else { noun_at(text, p) };
                let Some((s, e)) = span else {
                    ok = false;
                    break;
                };
                if !crate::lexicon::fold_eq(&text[s..e], w, &mut self.buf) {
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

impl<'a> Extractor<'a> {
    /// Ordinal suffix after the digits ending at `end`: "2e", "1er",
    /// "21st", "11ème". "1er janvier", "2e semestre" stay ordinals unless a
    /// month follows ("1er janvier") or stands before ("May 4th").
    pub(crate) fn ordinal_suffix(&mut self, f: &mut Figure, end: usize) -> Option<usize> {
        let text = self.text;
        let lex = self.primary;
        if !char_at(text, end).is_some_and(|c| c.is_alphabetic()) {
            return None;
        }
        let (ws, we) = word_at(text, end)?;
        crate::lexicon::fold_into(&text[ws..we], &mut self.buf);
        let is_suffix = lex.ordinal_suffixes.contains(&self.buf)
            || self
                .secondary
                .is_some_and(|l| l.ordinal_suffixes.contains(&self.buf));
        if !is_suffix || f.decimals != 0 || self.unit_or_scale_at(end) {
            return None;
        }
        f.set_end(we);
        f.set_num_end(we);
        let after = skip_spaces(text, we);
        if let Some((m, me)) = self.month_word_at(after) {
            return Some(self.date_from_day(*f, m, me));
        }
        let mut day = *f;
        day.set_end(end);
        day.set_num_end(end);
        if self.date_after_month(&mut day).is_some() {
            if let Some(last) = self.out.last_mut() {
                if last.end() == end {
                    last.set_end(we);
                    last.set_num_end(we);
                }
            }
            return Some(we);
        }
        f.kind = Kind::Ordinal;
        self.push(*f);
        Some(we)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn ordinal_suffixes() {
        assert_eq!(find("le 2e tour", Lang::new("fr"), "2e").2, Kind::Ordinal);
        assert_eq!(find("le 1er tour", Lang::new("fr"), "1er").2, Kind::Ordinal);
        assert_eq!(
            find("the 21st century", Lang::new("en"), "21st").2,
            Kind::Ordinal
        );
        assert_eq!(
            find("le 1er janvier", Lang::new("fr"), "1er janvier").2,
            Kind::Date
        );
    }

    #[test]
    fn relative_ordinals() {
        let f = figure("les deux derniers livres", Lang::new("fr"), "derniers");
        assert_eq!((f.kind, f.value()), (Kind::Ordinal, None));
        assert!(all("a previous version", Lang::new("en")).is_empty());
    }
}
