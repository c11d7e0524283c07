//! Identifiers: digits inside a name or code ("F-16", "COVID-19", "G20",
//! "A4", "4x4"), codes with leading zeros ("007", "0002"). An identifier is
//! never a quantity; it keeps the number it carries for matching codes.

use crate::extract::before::before;
use crate::extract::context::*;
use crate::extract::digits::{self};
use crate::extract::Extractor;
use crate::lexicon::LangLexicon;
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    /// "$5", "€5", "US$5": digits glued to a prefix currency symbol.
    pub(crate) fn is_prefix_unit_glued(&self, pos: usize) -> bool {
        prefix_unit_before(self.lex, self.text, pos).is_some_and(|u| u.end == pos)
    }

    pub(crate) fn identifier(&mut self, pos: usize) -> usize {
        let text = self.text;
        // Extend back over the name and forward over the code.
        let mut start = pos;
        for c in text[..pos].chars().rev() {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '/' {
                start -= c.len_utf8();
            } else {
                break;
            }
        }
        let mut end = pos;
        for c in text[pos..].chars() {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '/' {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        let end = trim_trailing_dashes(text, start, end);
        if end <= pos {
            // Nothing of a code here (".1er" read from its point): no figure.
            return pos + char_at(text, pos).map_or(1, |c| c.len_utf8());
        }
        // A figure already pushed inside this span ("COVID" has none, but
        // "2019-nCoV" may) is replaced.
        while self.out.last().is_some_and(|f| f.start() >= start) {
            self.out.pop();
        }
        // The number the code carries ("F-16": 16), for matching codes;
        // an identifier is never a quantity.
        let digits_end = pos
            + text[pos..end]
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(end - pos);
        let value = (digits_end > pos && digits_end - pos <= 18)
            .then(|| digits::int_value(&text[pos..digits_end]))
            .flatten();
        let mut f = Figure::new(start, end, value, Written::Digits);
        f.set_num_start(pos);
        f.set_num_end(end);
        f.kind = Kind::Identifier;
        self.push(f);
        end
    }
}

pub(crate) fn trim_trailing_dashes(text: &str, start: usize, mut end: usize) -> usize {
    while end > start && matches!(text.as_bytes()[end - 1], b'-' | b'_' | b'/') {
        end -= 1;
    }
    end
}

impl<'a> Extractor<'a> {
    /// Digits glued to letters that are no unit ("4x4", "3D"): an
    /// identifier, not a count.
    pub(crate) fn glued_to_letters(&self, f: &Figure, scaled: bool) -> bool {
        f.unit.is_none()
            && !scaled
            && f.kind != Kind::Fraction
            && f.debris().is_none()
            && char_at(self.text, f.num_end()).is_some_and(|c| c.is_alphabetic())
            && f.written == Written::Digits
    }

    /// "n° 5", "No. 1", "article 49.3": a lead before the digits makes the
    /// figure the number of something, an identifier.
    pub(crate) fn code_lead(&self, f: &mut Figure, lex: &LangLexicon) -> bool {
        if f.kind != Kind::Count || f.written != Written::Digits || f.start() != f.num_start() {
            return false;
        }
        let t = before(self.text, f.start(), 16);
        if !t.may_end(&self.lex.ends.code_leads) {
            return false;
        }
        let Some(s) = lex.code_leads.iter().find_map(|p| t.ends_with_phrase(p)) else {
            return false;
        };
        f.set_start(s);
        f.kind = Kind::Identifier;
        f.set_entity(None);
        true
    }
}

impl<'a> Extractor<'a> {
    /// Digits inside a name or code: "F-16", "COVID-19", "G20", "A4"; not
    /// the second number of "5k-20k", nor digits after a currency ("$5").
    pub(crate) fn glued_to_name(&self, pos: usize) -> bool {
        let text = self.text;
        let prev = char_before(text, pos);
        let after_figure = prev == Some('-')
            && self
                .out
                .last()
                .is_some_and(|f| f.end() + 1 == pos && f.kind != Kind::Identifier);
        let glued_to_word = prev.is_some_and(|c| c.is_alphabetic())
            || (matches!(prev, Some('-') | Some('_') | Some('/'))
                && char_before(text, pos - 1).is_some_and(|c| c.is_alphabetic()))
            || prev.is_some_and(|c| c.is_ascii_digit());
        glued_to_word && !after_figure && !self.is_prefix_unit_glued(pos)
    }

    /// Leading zeros: codes, postal numbers ("0002", "007"), not counts;
    /// like any identifier, the code keeps the number it carries. `first`
    /// is the first run of digits of the numeral at `pos`, read as `runs`
    /// runs up to `num_end`.
    pub(crate) fn zero_code(
        &mut self,
        pos: usize,
        num_end: usize,
        first: &str,
        runs: usize,
    ) -> Option<usize> {
        if !(first.len() > 1 && first.starts_with('0') && runs == 1) {
            return None;
        }
        let value = (first.len() <= 18)
            .then(|| digits::int_value(first))
            .flatten();
        let mut f = Figure::new(pos, num_end, value, Written::Digits);
        f.kind = Kind::Identifier;
        self.push(f);
        Some(num_end)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn codes_are_identifiers() {
        let fr = Lang::new("fr");
        let f = figure("un F-16 abattu", fr, "F-16");
        assert_eq!((f.kind, f.value()), (Kind::Identifier, Some(d("16"))));
        assert_eq!(find("l'agent 007", fr, "007").2, Kind::Identifier);
        assert_eq!(find("un 4x4 neuf", fr, "4x4").2, Kind::Identifier);
        assert_eq!(find("le n°1 mondial", fr, "n°1").2, Kind::Identifier);
        assert_eq!(
            find("l'article 49.3", fr, "article 49.3").2,
            Kind::Identifier
        );
    }
}
