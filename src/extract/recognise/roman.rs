//! Roman numerals with an ordinal suffix: "XXe siècle", "la IIe
//! République", "Ier", "XIXème". A single letter must be I, V or X ("Ce",
//! "Le", "De" are words).

use rust_decimal::Decimal;

use crate::extract::context::*;
use crate::extract::digits::{self};
use crate::extract::Extractor;
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    /// A Roman numeral with an ordinal suffix: "IIe", "XXe", "Ier",
    /// "XIXème". A single letter must be I, V or X ("Ce", "Le", "De" are
    /// words).
    pub(crate) fn roman_ordinal(&mut self, pos: usize) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut r = pos;
        while r < bytes.len() && matches!(bytes[r], b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M')
        {
            r += 1;
        }
        if r - pos == 1 && !matches!(bytes[pos], b'I' | b'V' | b'X') {
            return None;
        }
        let (_, wend) = word_at(text, pos)?;
        if wend <= r {
            return None;
        }
        crate::lexicon::fold_into(&text[r..wend], &mut self.buf);
        if !self.lexes().any(|l| l.ordinal_suffixes.contains(&self.buf))
            || !text[r..wend].chars().all(char::is_lowercase)
        {
            return None;
        }
        // After one letter, only the suffixes listed for it (those of French
        // Roman ordinals, read in every document as a fallback language's):
        // "Inde" and "Ind." are no ordinals.
        if r - pos == 1
            && !self
                .shared_lexes()
                .any(|l| l.one_letter_roman_suffixes.contains(&self.buf))
        {
            return None;
        }
        let value = digits::roman_value(&text[pos..r])?;
        let mut f = Figure::new(pos, wend, Some(Decimal::from(value)), Written::Words);
        f.kind = Kind::Ordinal;
        self.push(f);
        Some(wend)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn roman_ordinals_and_long_durations() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        assert_eq!(val("au XXe siècle", fr, "XXe"), d("20"));
        assert_eq!(val("le XXIème siècle", fr, "XXIème"), d("21"));
        // One letter is a Roman numeral only for I, V and X: "Ce", "Le", "De"
        // are words; a numeral without suffix is a name ("Louis XIV").
        assert!(all("Ce matin, Le chef, De plus, Louis XIV, Cie, en Inde", fr).is_empty());
        // The suffixes after one letter are French data, read in French and
        // unknown documents ("Ier", "Ve"), never in English ones.
        for lang in [fr, Lang::Unknown] {
            assert_eq!(val("François Ier", lang, "Ier"), d("1"));
            assert_eq!(val("la Ve République", lang, "Ve"), d("5"));
        }
        assert!(all("la Ve République", en).is_empty());
        let fr_lex = config().lexicon.get("fr").unwrap();
        assert!(fr_lex
            .one_letter_roman_suffixes
            .contains(&"eme".to_string()));
        for (t, lang, lit, secs) in [
            ("pendant une décennie", fr, "une décennie", "315360000"),
            ("two decades", en, "two decades", "630720000"),
            ("deux siècles", fr, "deux siècles", "6307200000"),
            ("for 10 weekdays", en, "10 weekdays", "864000"),
        ] {
            let fig = figure(t, lang, lit);
            assert_eq!(
                (fig.kind, fig.seconds()),
                (Kind::Duration, Some(d(secs))),
                "{t}"
            );
        }
    }
}
