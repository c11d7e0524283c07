//! Separator conventions: reads the document's decimal and grouping marks
//! from its unambiguous figures ("2,5", "1.500.000") and flags the
//! ambiguous ones it does not settle ("1.500", "2,000").

use rust_decimal::Decimal;

use crate::extract::digits::{self, numeral};
use crate::extract::Extractor;
use crate::model::{Evidence, Figure, Kind};

impl<'a> Extractor<'a> {
    /// Reads the document's separator convention from its unambiguous
    /// figures and flags the ambiguous ones it does not settle.
    pub(crate) fn conventions(&mut self) {
        let (mut dot_dec, mut comma_dec, mut dot_grp, mut comma_grp) = (0, 0, 0, 0);
        for f in &self.out {
            match f.evidence {
                Evidence::DotDecimal => dot_dec += 1,
                Evidence::CommaDecimal => comma_dec += 1,
                Evidence::DotGroup => dot_grp += 1,
                Evidence::CommaGroup => comma_grp += 1,
                _ => {}
            }
        }
        let text = self.text;
        for f in &mut self.out {
            if f.kind == Kind::Date || f.kind == Kind::Identifier {
                continue;
            }
            let (thousands_votes, decimal_votes) = match f.evidence {
                Evidence::AmbiguousDot => (dot_grp + comma_dec, dot_dec + comma_grp),
                Evidence::AmbiguousComma => (comma_grp + dot_dec, comma_dec + dot_grp),
                _ => continue,
            };
            let read_as_thousands = f.decimals == 0;
            let contradicted = if read_as_thousands {
                decimal_votes > 0
            } else {
                thousands_votes > 0
            };
            if !self.conv.known() {
                // No language: follow the document's evidence if it is
                // one-sided, and flag the figure either way.
                if thousands_votes > decimal_votes && !read_as_thousands
                    || decimal_votes > thousands_votes && read_as_thousands
                {
                    reread(f, text, !read_as_thousands);
                }
                f.ambiguous =
                    thousands_votes == 0 || decimal_votes == 0 || thousands_votes == decimal_votes;
                if thousands_votes != decimal_votes
                    && thousands_votes.min(decimal_votes) == 0
                    && (thousands_votes + decimal_votes) > 0
                {
                    f.ambiguous = false;
                }
            } else if read_as_thousands
                && decimal_votes > 0
                && thousands_votes == 0
                && matches!(f.kind, Kind::Measure | Kind::Duration | Kind::Temperature)
                && !text[f.num_start()..f.num_end()].ends_with("000")
            {
                // A measure or duration ("490.484 km/h", "1.905 m", "6.285
                // secondes") in a document whose
                // every other figure writes decimals this way: the document
                // settles it against the language. Counts and sums of money
                // keep the language's grouping ("2.500 postes"), and so does
                // a round "2.000 km".
                f.ambiguous = !reread(f, text, false);
            } else {
                f.ambiguous = contradicted;
            }
        }
    }
}

/// Reads an ambiguous figure the other way (`as_thousands` or as decimals),
/// with its scale, sign and length in seconds; false if it cannot be.
fn reread(f: &mut Figure, text: &str, as_thousands: bool) -> bool {
    let Ok((_, n)) = numeral(&text[f.num_start()..]) else {
        return false;
    };
    let Some(v) = digits::reread_ambiguous(&n, as_thousands) else {
        return false;
    };
    let scaled = v * f.scale;
    let old = f.value();
    let new = if old.is_some_and(|x| x < Decimal::ZERO) {
        -scaled
    } else {
        scaled
    };
    f.set_value(Some(new));
    f.decimals = if as_thousands { 0 } else { 3 };
    if let (Some(s), Some(old)) = (f.seconds(), old) {
        if !old.is_zero() {
            f.set_seconds(Some(s * new / old));
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn convention_ambiguity_is_flagged() {
        // A French text that also writes "3.5": "2.500" is read as 2500 and
        // flagged.
        let t = "environ 2.500 soldats et une hausse de 3.5 points";
        let f = figs(t, Lang::new("fr"));
        let g = &f.iter().find(|x| x.0 == "environ 2.500").unwrap().1;
        assert_eq!((g.value(), g.ambiguous), (Some(d("2500")), true));
        // An English "1,3" is read as 1.3 against the convention, and flagged.
        let f = figs("The number is 1,3.", Lang::new("en"));
        assert_eq!((f[0].1.value(), f[0].1.ambiguous), (Some(d("1.3")), true));
    }

    #[test]
    fn a_document_that_writes_decimal_points_settles_its_measures() {
        // Every other figure writes a decimal point: the measure is 490.484
        // km/h, not 490 484, in French as in English with commas.
        let t = "une pointe à 490.484 km/h, soit 6.6 secondes de mieux, devant 2.500 spectateurs";
        let f = figs(t, Lang::new("fr"));
        let v = |s: &str| f.iter().find(|x| x.0.starts_with(s)).unwrap().1.value();
        assert_eq!(v("490.484"), Some(d("490.484")));
        // A count keeps the language's grouping.
        assert_eq!(v("2.500"), Some(d("2500")));
        let f = figs("a lap of 4,574 km, 1,8 seconds faster", Lang::new("en"));
        assert_eq!(f[0].1.value(), Some(d("4.574")));
        let f = figs("un chrono de 6.285 secondes, 2.5 de mieux", Lang::new("fr"));
        assert_eq!(
            (f[0].1.value(), f[0].1.seconds()),
            (Some(d("6.285")), Some(d("6.285")))
        );
        // Without such evidence the language decides.
        let f = figs("une pointe à 490.484 km/h", Lang::new("fr"));
        assert_eq!(f[0].1.value(), Some(d("490484")));
        // A round group of zeros stays a thousand.
        let f = figs("un tracé de 2.000 km, soit 1.5 fois plus", Lang::new("fr"));
        assert_eq!(f[0].1.value(), Some(d("2000")));
    }
}
