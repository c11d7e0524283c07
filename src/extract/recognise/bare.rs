//! Bare figures: a number of plain digits between other numbers of plain
//! digits, with only spaces between them ("1 1 1", a column of a table
//! flattened). No recogniser can read anything around it: there is no
//! letter, sign, symbol or separator within a token of it. It is pushed as
//! read, without running the recognisers one by one (each would look and
//! find nothing), which on text made of such figures is most of the cost
//! of extracting them; the passes that read a figure's own neighbours
//! (labels, ages without their unit, ranges from it) skip it too.

use crate::extract::Extractor;
use crate::model::{Figure, Kind, Written};

/// Whether `b` ends a run of plain digits as a bare figure needs: a space
/// (not a line break, which a counted noun may follow on the next line).
fn spaced(b: Option<&u8>) -> bool {
    b == Some(&b' ')
}

impl<'a> Extractor<'a> {
    /// The figure `f`, just read from digits, stands between two runs of
    /// plain digits with single spaces around it ("1 1 1"), and is not
    /// shaped like a year (which a bare count becomes): nothing any
    /// recogniser reads is near it.
    #[inline]
    pub(crate) fn is_bare(&self, f: &Figure) -> bool {
        let bytes = self.text.as_bytes();
        let e = f.num_end();
        // Most figures of text fail at once, where they are tested: a
        // space and a digit after.
        spaced(bytes.get(e))
            && bytes.get(e + 1).is_some_and(u8::is_ascii_digit)
            && self.is_bare_past_next(f)
    }

    /// [`Self::is_bare`] once a space and a digit follow the number.
    #[inline(never)]
    fn is_bare_past_next(&self, f: &Figure) -> bool {
        let bytes = self.text.as_bytes();
        let (s, e) = (f.num_start(), f.num_end());
        if !self.bare_path
            || f.written != Written::Digits
            || f.kind != Kind::Count
            || f.start() != f.num_start()
            || f.end() != f.num_end()
            || f.unit.is_some()
            || crate::extract::recognise::year_shaped(f)
        {
            return false;
        }
        // One space after, then digits (`e + 1..j`), then one space.
        let mut j = e + 1;
        while bytes.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        if j == e + 1 || !spaced(bytes.get(j)) {
            return false;
        }
        // One space before, then digits (`k..s - 1`), then one space.
        if s < 2 || bytes[s - 1] != b' ' {
            return false;
        }
        let mut k = s - 1;
        while k > 0 && bytes[k - 1].is_ascii_digit() {
            k -= 1;
        }
        k < s - 1 && k > 0 && bytes[k - 1] == b' '
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::extract::tests::support::*;
    use crate::extract::Extractor;

    /// The figures of `text`, read with or without the bare path.
    fn both(text: &str, lang: Lang) -> (Vec<Figure>, Vec<Figure>) {
        let lex = &config().lexicon;
        (
            crate::extract::extract(text, lang, lex),
            crate::extract::extract_with(text, lang, lex, false),
        )
    }

    #[test]
    fn only_a_number_between_spaced_numbers_is_bare() {
        let lex = &config().lexicon;
        let text = "x 1 22 333 4 5\n6 7";
        let ex = Extractor::new(text, Lang::new("fr"), lex, true);
        let bare = |s: usize, e: usize| {
            ex.is_bare(&Figure::new(
                s,
                e,
                Some(d(&text[s..e])),
                crate::model::Written::Digits,
            ))
        };
        assert!(!bare(2, 3)); // a word two bytes before
        assert!(bare(4, 6));
        assert!(bare(7, 10));
        assert!(!bare(11, 12)); // a line break after the next number
        assert!(!bare(15, 16)); // a line break before
    }

    #[test]
    fn the_bare_path_reads_what_the_recognisers_read() {
        for text in [
            "1 1 1 1 1 1",
            "10 1 1/2 3",
            "3 1 000 000 4",
            "les 2 3 4 5 décembre 2019",
            "entre 10 20 30 et 40",
            "à 14 30 30 h 12",
            "1 2 3 soldats 4 5 6 ans",
            "n° 5 6 7 - 8 9 10 %",
            "1 2 2019 2020 3 4",
        ] {
            for lang in [Lang::new("fr"), Lang::new("en")] {
                let (fast, full) = both(text, lang);
                assert_eq!(fast, full, "{text}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Text of numbers among words, units and signs reads the same
        /// with the bare path as without it.
        #[test]
        fn bare_path_changes_nothing(
            parts in proptest::collection::vec(prop_oneof![
                6 => (0u32..3000).prop_map(|n| n.to_string()),
                1 => proptest::sample::select(vec![
                    "soldats", "ans", "%", "km", "h", "-", "/", ",", ".", "et", "à",
                    "entre", "environ", "décembre", "millions", "sur", "(", ")",
                    "€", "$", "n°", "\n", "or", "more", "between", "and", "years",
                ]).prop_map(str::to_string),
            ], 1..30),
            en in any::<bool>(),
        ) {
            let text = parts.join(" ");
            let lang = if en { Lang::new("en") } else { Lang::new("fr") };
            let (fast, full) = both(&text, lang);
            prop_assert_eq!(fast, full, "{}", text);
        }
    }
}
