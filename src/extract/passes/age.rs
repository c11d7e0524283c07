//! Ages written without their unit: "at the age of 13", "under the age
//! 20", and the first of two ages ("âgés de 15 et 16 ans").

use rust_decimal::Decimal;

use crate::extract::before::before;
use crate::extract::Extractor;
use crate::model::{Figure, Kind};

impl<'a> Extractor<'a> {
    /// A plain count after a lead of ages, or before "and" and an age,
    /// is an age in years.
    pub(crate) fn bare_ages(&mut self) {
        let Some(year) = self
            .lex
            .units
            .iter()
            .position(|u| u.id == "year")
            .and_then(|i| u16::try_from(i).ok())
        else {
            return;
        };
        for i in 0..self.out.len() {
            // "1 1 1": no lead or link of ages near.
            if self.is_bare(&self.out[i]) || !plain_count(&self.out[i]) {
                continue;
            }
            let a = self.out[i];
            let next = self.out.get(i + 1).copied();
            let before_age = a.entity().is_none()
                && next.is_some_and(|b| {
                    b.kind == Kind::Age && b.start() >= a.end() && {
                        let gap = crate::lexicon::fold(self.text[a.end()..b.start()].trim());
                        gap == "," || self.shared_lexes().any(|l| l.day_pair_links.contains(&gap))
                    }
                });
            let t = before(self.text, a.start(), 24);
            let led = t.may_end(&self.lex.ends.bare_age_leads)
                && self
                    .lexes()
                    .flat_map(|l| l.bare_age_leads.iter())
                    .any(|p| t.ends_with_phrase(p).is_some());
            if before_age || led {
                let mut f = a;
                f.kind = Kind::Age;
                f.unit = Some(year);
                f.set_seconds(self.seconds_of(&f));
                self.out[i] = f;
            }
        }
    }
}

/// A whole count of no unit or qualifier, at most 130.
fn plain_count(f: &Figure) -> bool {
    f.kind == Kind::Count
        && f.unit.is_none()
        && f.qualifier.is_none()
        && f.value()
            // A value of scale 0 is whole without computing its fraction.
            .is_some_and(|v| {
                if v.scale() == 0 {
                    // The value is its mantissa: compared as an integer.
                    return (0..=130).contains(&v.mantissa());
                }
                v.fract().is_zero() && v >= Decimal::ZERO && v <= Decimal::from(130)
            })
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn ages_without_their_unit() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        for (t, lang, lit) in [
            ("He left school at the age of 13.", en, "13"),
            ("players under the age 20 only", en, "20"),
            ("des adolescents âgés de 15 et 16 ans", fr, "15"),
            ("mort à l'âge de 85.", fr, "85"),
        ] {
            let f = figure(t, lang, lit);
            assert_eq!(f.kind, Kind::Age, "{t}");
            assert!(f.unit.is_some(), "{t}");
        }
        // A count before a duration, or after no lead, stays a count.
        for (t, lang, lit) in [
            ("soit 15, puis 16 ans plus tard", fr, "15"),
            ("the 13 members", en, "13"),
            ("2, 3 and 4 years of war", en, "3"),
        ] {
            assert_ne!(find(t, lang, lit).2, Kind::Age, "{t}");
        }
    }
}
