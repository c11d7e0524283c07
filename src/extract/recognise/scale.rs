//! Scales after a number: symbols ("10k", "1.2b", "$5bn", "US$ 1MM"),
//! words that go on with the digits ("2,5 millions", "4 thousand 3 hundred
//! and 21", "3 dozens") and abbreviations ("3 mln", "13 lakh", "6 Mds").

use rust_decimal::Decimal;

use crate::extract::context::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::model::{Figure, Written};

impl<'a> Extractor<'a> {
    /// A scale after the number `f`: the value, the end and whether the
    /// scale is approximate ("deux douzaines").
    pub(crate) fn scale_after(
        &mut self,
        f: &Figure,
        money_prefix: bool,
    ) -> Option<(Decimal, usize, bool)> {
        let text = self.text;
        let v = f.value?;
        let end = f.num_end;
        let sp = skip_spaces(text, end);
        if f.written == Written::Digits {
            // Symbols, with their case: "10k", "1.2b", "10M", "US$ 1MM".
            let glued = sp == end;
            for lex in self.lexes() {
                for (sym, m) in &lex.scale_symbols {
                    if !text[sp..].starts_with(sym.as_str()) {
                        continue;
                    }
                    let se = sp + sym.len();
                    if char_at(text, se).is_some_and(|c| c.is_alphanumeric()) {
                        continue;
                    }
                    if !glued && !money_prefix && !lex.spaced_scale_symbols.contains(sym) {
                        continue;
                    }
                    // A symbol that is also a unit ("10m") scales only money.
                    if !money_prefix && unit_at(self.lex, text, sp).is_some_and(|u| u.end == se) {
                        continue;
                    }
                    return Some((v.checked_mul(*m)?, se, false));
                }
            }
            // Words that go on with the digits: "2,5 millions", "4 thousand
            // 3 hundred and 21", "3 dozens", "3 million and a half".
            if let Some((s, e)) = word_at(text, sp) {
                crate::lexicon::fold_into(&text[s..e], &mut self.buf);
                // "50 cents" is money.
                if !self.lex.minor_words.contains(self.buf.as_str()) {
                    for lex in self.lexes() {
                        if let Some(w) = words::continue_digits(lex, v, &text[end..], &mut self.buf)
                        {
                            return Some((w.value, end + w.len, w.approx));
                        }
                    }
                }
            }
        }
        // Abbreviations and words: "3 mln", "13 lakh", "6 Mds".
        for lex in self.lexes() {
            if let Some((m, se)) = scale_at(lex, text, sp, &mut self.buf) {
                return Some((v.checked_mul(m)?, se, false));
            }
        }
        None
    }

    pub(crate) fn unit_or_scale_at(&mut self, pos: usize) -> bool {
        unit_at(self.lex, self.text, pos).is_some()
            || scale_at(self.primary, self.text, pos, &mut self.buf).is_some()
    }
}
