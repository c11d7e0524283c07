//! When and by whom a document was published, as far as it is known: the
//! metadata given with it (sources manifest, front matter, JSONL fields),
//! else what its text states (a dateline such as `EREVAN, 23 JUILLET,
//! ARMENPRESS:`, a copyright line such as `© 2024 ARMENPRESS`). Nothing is
//! guessed beyond that: a document that says nothing has an unknown date.

use crate::input::date::read_date;
use crate::input::Document;
use crate::model::{Figure, Kind, Lang, Ymd};

/// A document's date and outlet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DocTime {
    /// The publication day, when known.
    pub(crate) day: Option<Ymd>,
    /// The publication year, when only the year is known.
    pub(crate) year_only: Option<i32>,
    /// The outlet named by the text (dateline or copyright line).
    pub(crate) outlet: Option<String>,
    /// True when the date or outlet was read from the text, not given.
    pub(crate) inferred: bool,
}

impl DocTime {
    pub(crate) fn year(&self) -> Option<i32> {
        self.day.map(|d| d.year).or(self.year_only)
    }
}

/// The day, or else the year, of a publication date in any form
/// [`crate::input::date::read_date`] reads.
pub(crate) fn parse_date(s: &str, lang: Lang) -> (Option<Ymd>, Option<i32>) {
    match read_date(s, lang) {
        Some(p) => (p.day(), Some(p.year())),
        None => (None, None),
    }
}

/// The date and outlet of `doc`, from its metadata or its text.
pub(crate) fn document_time(
    doc: &Document,
    figures: &[Figure],
    copyright_marks: &[String],
) -> DocTime {
    document_time_of(doc, figures.iter(), copyright_marks)
}

/// [`document_time`] from the figures `figures` gives in order, read
/// where they are (a writer's claims hold them: no copy of them all).
pub(crate) fn document_time_of<'f>(
    doc: &Document,
    figures: impl DoubleEndedIterator<Item = &'f Figure> + Clone,
    copyright_marks: &[String],
) -> DocTime {
    let mut t = DocTime::default();
    if let Some(d) = &doc.source.date {
        let (day, year) = parse_date(d, doc.lang);
        t.day = day;
        t.year_only = if day.is_none() { year } else { None };
    }
    let text = doc.text.as_str();
    let copyright = copyright(text, figures.clone(), copyright_marks);
    let dateline = dateline(text, figures);
    if t.day.is_none() && t.year_only.is_none() {
        if let Some((month, day, year, _)) = dateline {
            let y = year.or(copyright.map(|c| c.0));
            if let Some(y) = y {
                t.day = Ymd::new(y, month, day);
                t.inferred = true;
            }
        }
        if t.day.is_none() {
            if let Some((y, _)) = copyright {
                t.year_only = Some(y);
                t.inferred = true;
            }
        }
    }
    if doc.source.outlet.is_none() {
        t.outlet = dateline
            .and_then(|d| d.3)
            .or_else(|| copyright.and_then(|c| c.1))
            .map(|s| s.to_string());
        t.inferred |= t.outlet.is_some();
    }
    t
}

/// "© 2024 ARMENPRESS", "Copyright 2019 Reuters": the year and the name.
fn copyright<'t, 'f>(
    text: &'t str,
    figures: impl DoubleEndedIterator<Item = &'f Figure>,
    marks: &[String],
) -> Option<(i32, Option<&'t str>)> {
    for f in figures.rev() {
        if f.kind != Kind::Date {
            continue;
        }
        let Some(y) = f.date.and_then(|d| d.year()) else {
            continue;
        };
        let mut from = f.start().saturating_sub(12);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = text[from..f.start()].trim_end().to_ascii_lowercase();
        if marks.iter().any(|m| before.ends_with(m.as_str())) {
            let line_end = text[f.end()..]
                .find('\n')
                .map_or(text.len(), |p| f.end() + p);
            let name = text[f.end()..line_end]
                .trim()
                .trim_matches(|c: char| !c.is_alphanumeric());
            let name = (!name.is_empty() && name.len() < 60).then_some(name);
            return Some((y, name));
        }
    }
    None
}

/// A dateline near the top: "EREVAN, 23 JUILLET, ARMENPRESS:",
/// "BAGHDAD, March 3, 2024 -" or "PARIS, 12 mars 2020 (AFP) -": month,
/// day, year if written, and the outlet if named after the date.
fn dateline<'t, 'f>(
    text: &'t str,
    figures: impl Iterator<Item = &'f Figure>,
) -> Option<(u32, u32, Option<i32>, Option<&'t str>)> {
    for f in figures {
        if f.start() > 2000 {
            break;
        }
        if f.kind != Kind::Date {
            continue;
        }
        let Some(d) = f.date else { continue };
        let (Some(month), Some(day)) = (d.month(), d.day()) else {
            continue;
        };
        let line_start = text[..f.start()].rfind('\n').map_or(0, |p| p + 1);
        let before = text[line_start..f.start()].trim_end();
        // An upper-case place name, then a comma.
        let Some(place) = before.strip_suffix(',') else {
            continue;
        };
        let place = place.trim();
        let named_place = !place.is_empty()
            && place.len() < 40
            && place.chars().any(|c| c.is_alphabetic())
            && !place.contains(['.', ';', ':', '!', '?']);
        let upper = named_place
            && place
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase());
        // A place written in lower case after its capitals ("Paris, 12 mars
        // 2020 (AFP) -", "Le Caire, …") opens a dateline only with the
        // agency after it.
        let capital = named_place
            && place.split_whitespace().count() <= 3
            && place
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !upper && !capital {
            continue;
        }
        let rest = &text[f.end()..];
        // "(AFP) -", "(Reuters) —": the agency in brackets, then a dash.
        if let Some(inner) = rest.trim_start().strip_prefix('(') {
            if let Some(close) = inner.find(')') {
                let name = inner[..close].trim();
                let dash = inner[close + 1..].trim_start().starts_with(['-', '–', '—']);
                let named = !name.is_empty()
                    && name.len() < 40
                    && name.chars().next().is_some_and(char::is_uppercase);
                if dash && named {
                    return Some((month, day, d.year(), Some(name)));
                }
            }
        }
        if !upper {
            continue;
        }
        let rest = rest.strip_prefix(',').unwrap_or("");
        let word_end = rest.find([':', '-', '—', '\n', '(']).unwrap_or(rest.len());
        let name = rest[..word_end].trim();
        let outlet = (!name.is_empty()
            && name.len() < 40
            && name.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()))
        .then_some(name);
        return Some((month, day, d.year(), outlet));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::testing::{config, fr_doc};

    fn time(text: &str) -> DocTime {
        time_in(fr_doc("d", text))
    }

    fn time_in(doc: Document) -> DocTime {
        let cfg = config();
        let text = doc.text.as_str();
        document_time(
            &doc,
            &extract(text, doc.lang, &cfg.lexicon),
            &cfg.meanings.copyright,
        )
    }

    #[test]
    fn dateline_and_copyright() {
        let t = time(
            "Titre\n\nEREVAN, 23 JUILLET, ARMENPRESS: Le gouvernement.\n\n© 2024 ARMENPRESS\n",
        );
        assert_eq!(t.day, Ymd::new(2024, 7, 23));
        assert_eq!(t.outlet.as_deref(), Some("ARMENPRESS"));
        assert!(t.inferred);
        let t = time("Un texte de 2019.\n© 2021 Le Monde\n");
        assert_eq!((t.day, t.year_only), (None, Some(2021)));
        assert_eq!(t.outlet.as_deref(), Some("Le Monde"));
    }

    #[test]
    fn datelines_of_agencies() {
        let t = time("PARIS, 12 mars 2020 (AFP) - Le gouvernement a annoncé 300 millions.");
        assert_eq!(t.day, Ymd::new(2020, 3, 12));
        assert_eq!(t.outlet.as_deref(), Some("AFP"));
        let t = time("Titre\nLYON, 3 avril 2021 - Trois blessés.");
        assert_eq!((t.day, t.outlet), (Ymd::new(2021, 4, 3), None));
        let t = time_in(Document::new(
            "d",
            "WASHINGTON, March 12, 2020 (Reuters) - Three soldiers were killed.",
            Some(Lang::new("en")),
        ));
        assert_eq!(t.day, Ymd::new(2020, 3, 12));
        assert_eq!(t.outlet.as_deref(), Some("Reuters"));
        // A date within a sentence is no dateline.
        let t = time("Le ministre a dit, 12 mars 2020, que 300 soldats partiraient.");
        assert_eq!(t.day, None);
        // A place in lower case after its capital, with the agency.
        let t = time("Paris, 17 novembre 2018 (AFP) - 282 710 manifestants samedi.");
        assert_eq!(t.day, Ymd::new(2018, 11, 17));
        assert_eq!(t.outlet.as_deref(), Some("AFP"));
        // Without the agency, a capital and a comma before a date open a
        // sentence as often as a dateline.
        let t = time("Paris, 17 novembre 2018 - 282 710 manifestants samedi.");
        assert_eq!(t.day, None);
        let t = time("Selon le ministre, 12 mars 2020 (AFP) - rien.");
        assert_eq!(t.day, None);
    }

    #[test]
    fn nothing_is_invented() {
        let t = time("En 2014, 1 400 soldats ont été déployés.");
        assert_eq!(t, DocTime::default());
    }

    #[test]
    fn metadata_wins() {
        let cfg = config();
        let mut doc = fr_doc("d", "© 2024 X");
        doc.source.date = Some("2014-12-08".into());
        let figures = extract(&doc.text, doc.lang, &cfg.lexicon);
        let t = document_time(&doc, &figures, &cfg.meanings.copyright);
        assert_eq!(t.day, Ymd::new(2014, 12, 8));
    }
}
