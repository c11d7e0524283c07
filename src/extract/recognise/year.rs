//! Years: a bare year ("en 2014", "© 2024") and a year before a unit word
//! ("In 2021 Bitcoin hit a record", "in 2020 dollars").

use rust_decimal::Decimal;

use crate::extract::before::before;
use crate::extract::context::*;
use crate::extract::Extractor;
use crate::model::{DateParts, Figure, Kind, Written};

impl<'a> Extractor<'a> {
    pub(crate) fn is_year(&self, f: &Figure) -> bool {
        if !year_shaped(f) || f.qualifier.is_some() {
            return false;
        }
        let t = before(self.text, f.num_start(), 24);
        // A qualifier before a number and its counted noun ("près de 1500
        // morts", "plus de 1400 chansons") makes a count, whatever lead of
        // years ends the qualifier ("de").
        let counted = f.entity().is_some_and(|(s, e)| {
            char_at(self.text, s).is_some_and(char::is_lowercase) && self.plural(&self.text[s..e])
        });
        // The last words are first checked against the qualifiers' endings,
        // as `prefix_qualifier` does, before any phrase is compared.
        if counted
            && t.may_end(&self.lex.ends.qualifiers)
            && self
                .lexes()
                .flat_map(|l| l.qualifiers.iter())
                .any(|(p, _)| t.ends_with_phrase(p).is_some())
        {
            return false;
        }
        let year_word = self
            .lexes()
            .flat_map(|l| l.year_leads.iter())
            .any(|p| t.ends_with_phrase(p).is_some());
        year_word || f.entity().is_none()
    }

    /// "In 2021 Bitcoin hit a record", "in 2020 dollars": a year before a
    /// unit word, not an amount. The unit is capitalised, or a currency
    /// after a strong lead of years ("in", "en", "since", "depuis").
    pub(crate) fn year_before_unit(&self, f: &Figure, u: &UnitMatch) -> bool {
        if u.form_is_symbol || !year_shaped(f) {
            return false;
        }
        let t = before(self.text, f.num_start(), 24);
        let lead = |strong: bool| {
            self.lexes()
                .flat_map(|l| {
                    if strong {
                        &l.year_unit_leads
                    } else {
                        &l.year_leads
                    }
                })
                .any(|p| t.ends_with_phrase(p).is_some())
        };
        let capital = char_at(self.text, u.start).is_some_and(char::is_uppercase);
        (capital && lead(false)) || (self.lex.units[u.unit].kind == Kind::Money && lead(true))
    }
}

/// A number written like a year: four plain digits from 1000 to 2100.
pub(crate) fn year_shaped(f: &Figure) -> bool {
    f.written == Written::Digits
        && f.num_end() - f.num_start() == 4
        && f.decimals == 0
        && f.value()
            .is_some_and(|v| v >= Decimal::from(1000) && v <= Decimal::from(2100))
}

impl<'a> Extractor<'a> {
    /// A bare year: "en 2014", "© 2024"; a count of nothing shaped like
    /// a year, or after a lead of years.
    pub(crate) fn bare_year(&self, f: &mut Figure) {
        if f.kind == Kind::Count && self.is_year(f) {
            f.kind = Kind::Date;
            f.date =
                Some(DateParts::default().with_year(f.value().and_then(|v| i32::try_from(v).ok())));
            f.set_entity(None);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn years_before_unit_words() {
        let en = Lang::new("en");
        let fr = Lang::new("fr");
        for (t, lang, lit, kind) in [
            ("In 2021 Bitcoin hit a record.", en, "2021", Kind::Date),
            (
                "It cost $5 million in 2020 dollars.",
                en,
                "2020",
                Kind::Date,
            ),
            ("in the 1977 New Year Honours", en, "1977", Kind::Date),
            ("En 2021 Bitcoin a battu un record.", fr, "2021", Kind::Date),
            ("is a 1985 North Korean film", en, "1985", Kind::Date),
            // Amounts stay amounts.
            (
                "He paid 2000 dollars in 2019.",
                en,
                "2000 dollars",
                Kind::Money,
            ),
            ("Il a payé 2000 euros.", fr, "2000 euros", Kind::Money),
            // A qualifier before a number and its noun makes a count.
            (
                "Il y a eu près de 1500 morts.",
                fr,
                "près de 1500",
                Kind::Count,
            ),
            ("plus de 1400 chansons", fr, "plus de 1400", Kind::Count),
            ("une Porsche de 1957 adjugée", fr, "1957", Kind::Date),
            ("En 2019 personne ne savait.", fr, "2019", Kind::Date),
            ("the 2016 general elections", en, "2016", Kind::Date),
        ] {
            assert_eq!(find(t, lang, lit).2, kind, "{t}");
        }
    }
}
