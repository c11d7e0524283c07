//! Pairs of figures that share a kind: a year after a year ("the 2019-2020
//! season", "de 2014 à 2017") and a day before a date ("les 2 et 3
//! décembre").

use crate::extract::recognise::*;
use crate::extract::Extractor;
use crate::model::{DateParts, Kind};

impl<'a> Extractor<'a> {
    /// "the 2019-2020 season", "de 2014 à 2017": a year after a year is a
    /// year too.
    pub(crate) fn year_pairs(&mut self) {
        let Extractor {
            text, shared, out, ..
        } = self;
        for i in 1..out.len() {
            let a = out[i - 1];
            let b = &mut out[i];
            let a_year = a.kind == Kind::Date
                && a.date
                    .is_some_and(|d| d.month.is_none() && d.day.is_none() && d.year.is_some());
            let b_year = b.kind == Kind::Count && b.qualifier.is_none() && year_shaped(b);
            if !a_year || !b_year || b.start < a.end || b.start - a.end > 5 {
                continue;
            }
            // Dashes and slashes, or a link of the document's language or
            // of a fallback language (French and English in any French,
            // English or unknown document).
            let gap = crate::lexicon::fold(text[a.end..b.start].trim());
            if matches!(gap.as_str(), "-" | "–" | "—" | "/")
                || shared.iter().any(|l| l.year_pair_links.contains(&gap))
            {
                b.kind = Kind::Date;
                b.date = Some(DateParts {
                    year: b.value.and_then(|v| i32::try_from(v).ok()),
                    ..Default::default()
                });
                b.entity = None;
            }
        }
    }

    /// "les 2 et 3 décembre": a day before a date is a date too.
    pub(crate) fn date_pairs(&mut self) {
        let Extractor {
            text, shared, out, ..
        } = self;
        for i in (0..out.len().saturating_sub(1)).rev() {
            let b = out[i + 1];
            let a = &mut out[i];
            let Some(bd) = b.date else { continue };
            if a.kind != Kind::Count || bd.day.is_none() || a.entity.is_some() || b.start < a.end {
                continue;
            }
            // A comma or a dash, or a link of the document's language or of
            // a fallback language, as for years.
            let gap = crate::lexicon::fold(text[a.end..b.start].trim());
            if !(matches!(gap.as_str(), "," | "-" | "–")
                || shared.iter().any(|l| l.day_pair_links.contains(&gap)))
            {
                continue;
            }
            if let Some(d) = a
                .value
                .and_then(|v| u32::try_from(v).ok())
                .filter(|d| (1..=31).contains(d))
            {
                a.kind = Kind::Date;
                a.date = Some(DateParts {
                    day: Some(d),
                    weekday: None,
                    ..bd
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn days_before_a_date_and_years_after_a_year() {
        let f = figure("les 2 et 3 décembre", Lang::new("fr"), "2");
        assert_eq!((f.kind, f.date.unwrap().month), (Kind::Date, Some(12)));
        let f = figure("de 2014 à 2017", Lang::new("fr"), "2017");
        assert_eq!((f.kind, f.date.unwrap().year), (Kind::Date, Some(2017)));
    }

    #[test]
    fn links_of_pairs_are_each_languages_data() {
        let es = Lang::new("es");
        // Spanish links: "al" joins two years, "o" a day to a date.
        let f = figure("en 2019 al 2020 soldados", es, "2020");
        assert_eq!((f.kind, f.date.unwrap().year), (Kind::Date, Some(2020)));
        let f = figure("2 o 3 diciembre", es, "2");
        assert_eq!((f.kind, f.date.unwrap().month), (Kind::Date, Some(12)));
        // French and English links in French, English and unknown
        // documents alike.
        let (fr, en) = (Lang::new("fr"), Lang::new("en"));
        for (t, lang, lit) in [
            ("en 2019 and 2020 soldats", fr, "2020"),
            ("in 2019 au 2020 troops", en, "2020"),
            ("les 2 ou 3 décembre", fr, "2"),
            ("les 2 ou 3 décembre", Lang::Unknown, "2"),
            ("2 or 3 December", en, "2"),
        ] {
            assert_eq!(figure(t, lang, lit).kind, Kind::Date, "{t}");
        }
    }
}
