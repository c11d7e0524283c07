//! The hundredths of a currency after its unit: "15 dollars 50", "3
//! dollars 50 cents", "thirteen dollars and forty-five cents".

use nom::Parser;
use rust_decimal::Decimal;

use crate::extract::context::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::model::{Figure, Written};

impl<'a> Extractor<'a> {
    /// "15 dollars 50", "3 dollars 50 cents", "thirteen dollars and
    /// forty-five cents": the hundredths of a currency after the unit.
    pub(crate) fn minor_amount(&mut self, f: &mut Figure, ui: usize, p: usize) -> Option<usize> {
        let text = self.text;
        let v = f.value()?;
        if v.fract() != Decimal::ZERO {
            return None;
        }
        let mut q = skip_spaces(text, p);
        if q == p {
            return None;
        }
        let mut conn = false;
        if let Some((s, e)) = word_at(text, q) {
            conn = self.lexes().any(|l| {
                words::lookup(l, &text[s..e], &mut String::new()).is_some_and(|i| i.connector)
            });
            if conn {
                q = skip_spaces(text, e);
            }
        }
        let (mut n, mut ne, written) = self.number_at(q)?;
        // "dix euros et vingt cents": after a connector, a last number
        // word that is also a word of the currency's hundredths names them
        // ("cents" is a hundred in French, a hundredth of a euro here).
        let mut minor_end = None;
        if conn && written == Written::Words && n >= Decimal::ONE_HUNDRED {
            if let Some((n2, ne2, we)) = self.number_before_minor(q, ne, ui) {
                (n, ne, minor_end) = (n2, ne2, Some(we));
            }
        }
        if n < Decimal::ONE || n >= Decimal::ONE_HUNDRED || n.fract() != Decimal::ZERO {
            return None;
        }
        if written == Written::Digits && ne - q > 2 {
            return None;
        }
        // "HKD$250,000 6-Max": a code, not cents.
        if char_at(text, ne).is_some_and(|c| c == '-' || c.is_alphanumeric()) {
            return None;
        }
        // With the currency before the number ("$15 50"), only a word of
        // cents or a connector ("c $ 100 and fifty") makes the second number
        // cents.
        let prefix = p == f.num_end() && !conn;
        let r = skip_spaces(text, ne);
        let mut end = ne;
        match (minor_end, word_at(text, r)) {
            (Some(we), _) => end = we,
            (None, Some((s, e))) => {
                crate::lexicon::fold_into(&text[s..e], &mut self.buf);
                if self.lex.units[ui].minor.contains(&self.buf) {
                    end = e;
                } else if prefix
                    || !self
                        .lexes()
                        .any(|l| l.noun_stop.contains(self.buf.as_str()))
                    || unit_at(self.lex, text, r).is_some()
                {
                    return None;
                }
            }
            (None, None) => {
                if prefix
                    || unit_at(self.lex, text, r).is_some()
                    || char_at(text, r).is_some_and(|c| c.is_ascii_digit())
                {
                    return None;
                }
            }
        }
        f.set_value(Some(v + n / Decimal::ONE_HUNDRED));
        f.decimals = 2;
        f.set_end(end);
        Some(end)
    }

    /// The number words from `q` to `ne` read as a number then a word of
    /// the hundredths of unit `ui` ("vingt| cents"): the number, its end
    /// and the end of the word of hundredths.
    fn number_before_minor(
        &mut self,
        q: usize,
        ne: usize,
        ui: usize,
    ) -> Option<(Decimal, usize, usize)> {
        let text = self.text;
        let (ws, we) = word_before(text, ne)?;
        crate::lexicon::fold_into(&text[ws..we], &mut self.buf);
        if !self.lex.units[ui].minor.contains(&self.buf) {
            return None;
        }
        let head = text[q..ws].trim_end_matches(is_space);
        for lex in self.lexes() {
            if let Ok((rest, sp)) = words::spelled_number(lex).parse(head) {
                if rest.is_empty() && !sp.ordinal && !sp.fraction {
                    return Some((sp.value, q + head.len(), we));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn cents_after_a_currency() {
        let en = Lang::new("en");
        for (t, lit, v) in [
            ("15 dollars 50", "15 dollars 50", "15.5"),
            ("$3 50 cents", "$3 50 cents", "3.5"),
            ("c $ 100 and fifty", "c $ 100 and fifty", "100.5"),
            // A code after the amount, or a bare number after a prefix
            // currency, is no cents.
            ("a HKD$250,000 6-Max event", "$250,000", "250000"),
            ("$15 50 later", "$15", "15"),
        ] {
            assert_eq!(val(t, en, lit), d(v), "{t}");
        }
    }

    #[test]
    fn cents_after_a_connector_are_hundredths_not_hundreds() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        for (t, lang, lit, v) in [
            (
                "un café à deux euros et quarante cents",
                fr,
                "deux euros et quarante cents",
                "2.4",
            ),
            (
                "payé douze dollars et cinq cents",
                fr,
                "douze dollars et cinq cents",
                "12.05",
            ),
            (
                "trois euros et quatre-vingt-dix centimes",
                fr,
                "trois euros et quatre-vingt-dix centimes",
                "3.9",
            ),
            (
                "a fare of seven dollars and thirty cents",
                en,
                "seven dollars and thirty cents",
                "7.3",
            ),
            (
                "a fare of eight euros and ten cents",
                en,
                "eight euros and ten cents",
                "8.1",
            ),
        ] {
            assert_eq!(val(t, lang, lit), d(v), "{t}");
        }
        // Without the connector, "deux cents" after an amount is a number
        // of its own.
        assert_eq!(
            val("dix euros, deux cents personnes", fr, "deux cents"),
            d("200")
        );
    }
}
