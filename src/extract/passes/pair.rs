//! Pairs of figures that share a kind: a year after a year ("the 2019-2020
//! season", "de 2014 à 2017") and a day before a date ("les 2 et 3
//! décembre").

use crate::extract::context::*;
use crate::extract::recognise::*;
use crate::extract::Extractor;
use crate::model::{DateParts, Kind};

impl<'a> Extractor<'a> {
    /// "the 2017–18 season", "1979-81": a year, a dash and the two last
    /// digits of a later year within twenty years are one date, the span
    /// of the two years (its `date` is the first year).
    fn season_spans(&mut self) {
        let text = self.text;
        // The figures are merged in place: `merged` is `out[..w]`, and a
        // figure is moved only after a merge.
        let out = &mut self.out;
        let mut w = 0;
        for i in 0..out.len() {
            if w > 0 {
                let (a, b) = (&out[w - 1], &out[i]);
                let year = a.kind == Kind::Date
                    && a.end() == a.num_end()
                    && a.date
                        .is_some_and(|d| d.month().is_none() && d.day().is_none());
                let two = &text[b.num_start()..b.num_end()];
                // Each test only after the one before held.
                let tail = year
                    && matches!(b.kind, Kind::Count | Kind::Identifier)
                    && b.qualifier.is_none()
                    && b.unit.is_none()
                    && b.start() == b.num_start()
                    && two.len() == 2
                    && two.bytes().all(|c| c.is_ascii_digit());
                let dash = tail
                    && b.start() >= a.end()
                    && matches!(&text[a.end()..b.start()], "-" | "–" | "—" | "/");
                let first = a
                    .date
                    .and_then(|d| d.year())
                    .filter(|y| (1000..10000).contains(y));
                if let (true, true, true, Some(y), Some(v)) = (year, tail, dash, first, b.value()) {
                    if let Ok(last) = i32::try_from(v) {
                        let mut end_year = y - y % 100 + last;
                        if end_year <= y {
                            end_year += 100;
                        }
                        if end_year - y <= 20 {
                            let (end, num_end) = (b.end(), b.num_end());
                            let a = &mut out[w - 1];
                            a.set_end(end);
                            a.set_num_end(num_end);
                            continue;
                        }
                    }
                }
            }
            if w != i {
                out[w] = out[i];
            }
            w += 1;
        }
        out.truncate(w);
    }

    /// "the 2019-2020 season", "de 2014 à 2017": a year after a year is a
    /// year too.
    pub(crate) fn year_pairs(&mut self) {
        self.season_spans();
        let Extractor {
            text, shared, out, ..
        } = self;
        for i in 1..out.len() {
            // Read in place: most figures are no year, and are not copied.
            let a = &out[i - 1];
            let a_year = a.kind == Kind::Date
                && a.date.is_some_and(|d| {
                    d.month().is_none() && d.day().is_none() && d.year().is_some()
                });
            if !a_year {
                continue;
            }
            let a = out[i - 1];
            let b = &mut out[i];
            let b_year = b.kind == Kind::Count && b.qualifier.is_none() && year_shaped(b);
            if !a_year || !b_year || b.start() < a.end() || b.start() - a.end() > 5 {
                continue;
            }
            // Dashes and slashes, or a link of the document's language or
            // of a fallback language (French and English in any French,
            // English or unknown document).
            let gap = crate::lexicon::fold(text[a.end()..b.start()].trim());
            if matches!(gap.as_str(), "-" | "–" | "—" | "/")
                || shared.iter().any(|l| l.year_pair_links.contains(&gap))
            {
                b.kind = Kind::Date;
                b.date = Some(
                    DateParts::default().with_year(b.value().and_then(|v| i32::try_from(v).ok())),
                );
                b.set_entity(None);
            }
        }
    }

    /// "les 2 et 3 décembre": a day before a date is a date too.
    pub(crate) fn date_pairs(&mut self) {
        let Extractor {
            text, shared, out, ..
        } = self;
        for i in (0..out.len().saturating_sub(1)).rev() {
            // Most figures are no date: tested before the copy.
            let Some(bd) = out[i + 1].date else { continue };
            let b = out[i + 1];
            let a = &mut out[i];
            // A bare day, or a day already read as a date of no month
            // ("jeudi 19", after its weekday).
            let day_only = a.kind == Kind::Date
                && a.date.is_some_and(|d| {
                    d.day().is_some() && d.month().is_none() && d.year().is_none()
                });
            if a.kind != Kind::Count && !day_only
                || bd.day().is_none()
                || a.entity().is_some()
                || b.start() < a.end()
            {
                continue;
            }
            // A comma or a dash, or a link of the document's language or of
            // a fallback language, as for years.
            let mut gap = crate::lexicon::fold(text[a.end()..b.start()].trim());
            // "jeudi 19 au vendredi 20 avril": the weekday of the second
            // date stands in the link.
            if let Some((link, day)) = gap.rsplit_once(' ') {
                if shared.iter().any(|l| l.weekdays.contains_key(day)) {
                    gap = link.to_string();
                }
            }
            if !(matches!(gap.as_str(), "," | "-" | "–")
                || shared.iter().any(|l| l.day_pair_links.contains(&gap)))
            {
                continue;
            }
            if let Some(d) = a
                .value()
                .and_then(|v| u32::try_from(v).ok())
                .filter(|d| (1..=31).contains(d))
            {
                // "jeudi 19": the weekday written before the day.
                let weekday =
                    word_before(text, skip_spaces_back(text, a.start())).and_then(|(s, e)| {
                        let w = crate::lexicon::fold(&text[s..e]);
                        shared.iter().find_map(|l| l.weekdays.get(&w).copied())
                    });
                a.kind = Kind::Date;
                a.date = Some(bd.with_day(Some(d)).with_weekday(weekday));
            }
        }
        self.days_after_a_date();
    }

    /// "March 26 and 27, 2018": a day after a date of a month, then a year
    /// after a comma, is a date of that month and year (both dates take
    /// the year).
    fn days_after_a_date(&mut self) {
        let Extractor {
            text, shared, out, ..
        } = self;
        let mut i = 0;
        while i + 2 < out.len() {
            // Most figures are no date of a month: tested before the copies.
            let a = &out[i];
            let month_day = a.kind == Kind::Date
                && a.date.is_some_and(|d| {
                    d.month().is_some() && d.day().is_some() && d.year().is_none()
                });
            if !month_day {
                i += 1;
                continue;
            }
            let (a, b, c) = (out[i], out[i + 1], out[i + 2]);
            let year = c.kind == Kind::Date
                && c.date.is_some_and(|d| {
                    d.year().is_some() && d.month().is_none() && d.day().is_none()
                });
            let day = b
                .value()
                .and_then(|v| u32::try_from(v).ok())
                .filter(|d| (1..=31).contains(d));
            if !month_day
                || !year
                || b.kind != Kind::Count
                || b.unit.is_some()
                || b.start() < a.end()
                || c.start() < b.end()
                || text[b.end()..c.start()].trim() != ","
            {
                i += 1;
                continue;
            }
            let gap = crate::lexicon::fold(text[a.end()..b.start()].trim());
            let (Some(d), true) = (day, shared.iter().any(|l| l.day_pair_links.contains(&gap)))
            else {
                i += 1;
                continue;
            };
            let y = c.date.and_then(|d| d.year());
            let month = a.date.and_then(|d| d.month());
            out[i].date = a.date.map(|d| d.with_year(y));
            let b = &mut out[i + 1];
            b.kind = Kind::Date;
            b.set_value(None);
            b.set_entity(None);
            b.set_end(c.end());
            b.date = Some(DateParts::new(y, month, Some(d), None));
            out.remove(i + 2);
            i += 2;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn days_before_a_date_and_years_after_a_year() {
        let f = figure("les 2 et 3 décembre", Lang::new("fr"), "2");
        assert_eq!((f.kind, f.date.unwrap().month()), (Kind::Date, Some(12)));
        let f = figure("de 2014 à 2017", Lang::new("fr"), "2017");
        assert_eq!((f.kind, f.date.unwrap().year()), (Kind::Date, Some(2017)));
    }

    #[test]
    fn a_year_and_two_digits_after_a_dash_are_one_span() {
        let (fr, en) = (Lang::new("fr"), Lang::new("en"));
        for (t, lang, lit) in [
            ("in the 2017–18 season", en, "2017–18"),
            ("the 1999-00 season", en, "1999-00"),
            ("la saison 2011-12 du club", fr, "2011-12"),
            ("ministre (1979-81)", fr, "1979-81"),
        ] {
            let f = all(t, lang);
            assert_eq!(f.len(), 1, "{t}: {f:?}");
            assert_eq!((f[0].0.as_str(), f[0].3), (lit, Kind::Date), "{t}");
        }
        // Not a later year within twenty: no span.
        for t in ["in 2017-15 cases", "in 1950-99 at last"] {
            let f = all(t, en);
            assert!(
                f.iter().all(|x| x.3 != Kind::Date || x.0.len() == 4),
                "{t}: {f:?}"
            );
        }
    }

    #[test]
    fn days_joined_to_a_date_across_weekdays_and_years() {
        let (fr, en) = (Lang::new("fr"), Lang::new("en"));
        let f = figure("du jeudi 19 au vendredi 20 avril", fr, "19");
        let d = f.date.unwrap();
        assert_eq!(
            (f.kind, d.day(), d.month(), d.weekday()),
            (Kind::Date, Some(19), Some(4), Some(4))
        );
        let f = figure("du 8 au 9 mars", fr, "8");
        assert_eq!((f.kind, f.date.unwrap().month()), (Kind::Date, Some(3)));
        let t = "on March 26 and 27, 2018 in Paris";
        let f = figure(t, en, "27, 2018");
        let d = f.date.unwrap();
        assert_eq!(
            (f.kind, d.year(), d.month(), d.day()),
            (Kind::Date, Some(2018), Some(3), Some(27))
        );
        assert_eq!(figure(t, en, "March 26").date.unwrap().year(), Some(2018));
        // A count after a date is no day.
        assert_eq!(find("on March 26 and 45, 2018", en, "45").2, Kind::Count);
    }

    #[test]
    fn links_of_pairs_are_each_languages_data() {
        let es = Lang::new("es");
        // Spanish links: "al" joins two years, "o" a day to a date.
        let f = figure("en 2019 al 2020 soldados", es, "2020");
        assert_eq!((f.kind, f.date.unwrap().year()), (Kind::Date, Some(2020)));
        let f = figure("2 o 3 diciembre", es, "2");
        assert_eq!((f.kind, f.date.unwrap().month()), (Kind::Date, Some(12)));
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
