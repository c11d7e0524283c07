//! The hundredths of a currency after its unit: "15 dollars 50", "3
//! dollars 50 cents", "thirteen dollars and forty-five cents".

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
        let v = f.value?;
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
        let (n, ne, written) = self.number_at(q)?;
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
        let prefix = p == f.num_end && !conn;
        let r = skip_spaces(text, ne);
        let mut end = ne;
        match word_at(text, r) {
            Some((s, e)) => {
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
            None => {
                if prefix
                    || unit_at(self.lex, text, r).is_some()
                    || char_at(text, r).is_some_and(|c| c.is_ascii_digit())
                {
                    return None;
                }
            }
        }
        f.value = Some(v + n / Decimal::ONE_HUNDRED);
        f.decimals = 2;
        f.end = end;
        Some(end)
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
}
