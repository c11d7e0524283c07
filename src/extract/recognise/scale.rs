//! Scales after a number: symbols ("10k", "1.2b", "$5bn", "US$ 1MM"),
//! words that go on with the digits ("2,5 millions", "4 thousand 3 hundred
//! and 21", "3 dozens") and abbreviations ("3 mln", "13 lakh", "6 Mds").

use rust_decimal::Decimal;

use crate::extract::context::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    /// A scale after the number `f`: the value, the end, whether the
    /// scale is approximate ("deux douzaines") and whether it is an
    /// ordinal ("10 millionième").
    pub(crate) fn scale_after(
        &mut self,
        f: &Figure,
        money_prefix: bool,
    ) -> Option<(Decimal, usize, bool, bool)> {
        let text = self.text;
        let v = f.value()?;
        let end = f.num_end();
        let sp = skip_spaces(text, end);
        if f.written == Written::Digits {
            // Symbols, with their case: "10k", "1.2b", "10M", "US$ 1MM".
            let glued = sp == end;
            // A symbol is compared only when it starts with the byte there.
            let first = text.as_bytes().get(sp);
            for lex in self.lexes() {
                for (sym, m) in &lex.scale_symbols {
                    let other = sym.as_bytes().first().is_some_and(|b| Some(b) != first);
                    if other || !text[sp..].starts_with(sym.as_str()) {
                        continue;
                    }
                    let se = sp + sym.len();
                    if char_at(text, se).is_some_and(|c| c.is_alphanumeric()) {
                        continue;
                    }
                    // Spaced, a symbol scales a number that is money on
                    // either side ("$ 5 bn", "95,5 M USD"), or one of the
                    // spaced symbols ("2,33 k"); else it may name a model
                    // ("555 M", "166 MM").
                    if !glued
                        && !money_prefix
                        && !lex.spaced_scale_symbols.contains(sym)
                        && !self.money_at(skip_spaces(text, se))
                    {
                        continue;
                    }
                    // A symbol that is also a unit ("10m") scales only money.
                    if !money_prefix && unit_at(self.lex, text, sp).is_some_and(|u| u.end == se) {
                        continue;
                    }
                    return Some((v.checked_mul(*m)?, se, false, false));
                }
            }
            // Words that go on with the digits: "2,5 millions", "4 thousand
            // 3 hundred and 21", "3 dozens", "3 million and a half".
            let minor = self
                .word
                .at(text, sp)
                .map(|(_, _, w)| self.lex.minor_words.contains(w));
            if let Some(minor) = minor {
                // "50 cents" is money.
                if !minor {
                    for lex in self.lexes() {
                        if let Some(w) = words::continue_digits(lex, v, &text[end..], &mut self.buf)
                        {
                            return Some((w.value, end + w.len, w.approx, w.ordinal));
                        }
                    }
                }
            }
        }
        // Abbreviations and words: "3 mln", "13 lakh", "6 Mds".
        let (m, se) = self.scale_word_at(sp)?;
        Some((v.checked_mul(m)?, se, false, false))
    }

    /// A scale word at `pos` ("millions", "bn", "k") in the document's
    /// language, then the secondary one: its multiplier and end.
    fn scale_word_at(&mut self, pos: usize) -> Option<(Decimal, usize)> {
        let mut lexes = self.lexes();
        let (_, e, w) = self.word.at(self.text, pos)?;
        lexes.find_map(|lex| scale_of(lex, self.text, e, w))
    }

    /// A currency written at `pos` ("USD", "€", "dollars").
    fn money_at(&self, pos: usize) -> bool {
        unit_at(self.lex, self.text, pos)
            .is_some_and(|u| self.lex.units[u.unit].kind == Kind::Money)
    }

    pub(crate) fn unit_or_scale_at(&mut self, pos: usize) -> bool {
        unit_at(self.lex, self.text, pos).is_some()
            || self
                .word
                .at(self.text, pos)
                .is_some_and(|(_, e, w)| scale_of(self.primary, self.text, e, w).is_some())
    }
}

impl<'a> Extractor<'a> {
    /// Scales the number `f` by the scale after it, if any ("2,5
    /// millions", "10k", "3 mln"); returns whether one was read.
    pub(crate) fn scale(&mut self, f: &mut Figure, money_prefix: bool) -> bool {
        let Some((v, se, approx, ordinal)) = self.scale_after(f, money_prefix) else {
            return false;
        };
        if ordinal {
            f.kind = Kind::Ordinal;
        }
        f.scale = match f.value() {
            Some(old) if !old.is_zero() && f.written != Written::Words => {
                v.checked_div(old).map_or(Decimal::ONE, |x| x.normalize())
            }
            _ => Decimal::ONE,
        };
        f.set_value(Some(v));
        if f.written == Written::Digits {
            f.written = Written::Mixed;
        }
        f.set_end(se);
        f.set_num_end(se);
        if approx {
            self.approximate(f);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn scale_words() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        assert_eq!(
            val("2,5 millions d'habitants", fr, "2,5 millions"),
            d("2500000")
        );
        assert_eq!(
            val("6 milliards de dollars", fr, "6 milliards de dollars"),
            d("6000000000")
        );
        assert_eq!(
            val("1.5 billion people", en, "1.5 billion"),
            d("1500000000")
        );
        assert_eq!(val("3 mln barrels", en, "3 mln barrels"), d("3000000"));
        assert_eq!(val("mille soldats", fr, "mille"), d("1000"));
        assert_eq!(val("a thousand troops", en, "a thousand"), d("1000"));
        assert_eq!(
            val("2 millions 500 000 votants", fr, "2 millions 500 000"),
            d("2500000")
        );
        assert_eq!(
            val(
                "4 thousand 3 hundred and 21 votes",
                en,
                "4 thousand 3 hundred and 21"
            ),
            d("4321")
        );
        // "$ 1.17 billion a year earlier": the article starts no new number.
        assert_eq!(
            val("to $ 1.17 billion a year earlier", en, "$ 1.17 billion"),
            d("1170000000")
        );
    }

    #[test]
    fn scale_symbols_after_digits() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        for (t, lang, lit, v) in [
            ("a budget of 7.5M for roads", en, "7.5M", "7500000"),
            ("sales of 40k units", en, "40k", "40000"),
            ("a loss of 12bn", en, "12bn", "12000000000"),
            ("a grant of $3mil", en, "$3mil", "3000000"),
            ("a deal worth $ 6 mil", en, "$ 6 mil", "6000000"),
            ("valued at 42.5 M USD", en, "42.5 M USD", "42500000"),
            ("une perte de 12bn", fr, "12bn", "12000000000"),
            ("un transfert de 64,5 M EUR", fr, "64,5 M EUR", "64500000"),
            ("un budget de 2,4 Mrd€", fr, "2,4 Mrd€", "2400000000"),
            ("un budget de 3,2 Md€", fr, "3,2 Md€", "3200000000"),
        ] {
            assert_eq!(val(t, lang, lit), d(v), "{t}");
        }
        // Network generations and model names keep their letters.
        for (t, lang, lit) in [("the 4G network", en, "4G"), ("le réseau 5G", fr, "5G")] {
            assert_eq!(find(t, lang, lit).2, Kind::Identifier, "{t}");
        }
        // A spaced capital after a number names a model unless money follows.
        assert_eq!(val("les jantes 554 M de la gamme", fr, "554"), d("554"));
    }

    #[test]
    fn an_ordinal_scale_after_digits_makes_an_ordinal() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        for (t, lang, lit, v) in [
            ("the 5 millionth visitor", en, "5 millionth", "5000000"),
            ("la 2 millionième voiture", fr, "2 millionième", "2000000"),
        ] {
            assert_eq!(
                find(t, lang, lit),
                (Some(d(v)), (None, None), Kind::Ordinal),
                "{t}"
            );
        }
    }

    #[test]
    fn scales_after_a_connector_start_a_new_number() {
        let en = Lang::new("en");
        let lits = |t| {
            all(t, en)
                .into_iter()
                .map(|x| (x.0, x.1))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            lits("4.5 billion and one trillion"),
            [
                ("4.5 billion".to_string(), Some(d("4500000000"))),
                ("one trillion".to_string(), Some(d("1000000000000")))
            ]
        );
        assert_eq!(
            val("a thousand and one nights", en, "a thousand and one"),
            d("1001")
        );
        assert_eq!(
            val(
                "a million and one thousand",
                en,
                "a million and one thousand"
            ),
            d("1001000")
        );
    }
}
