//! The dates the date checks compare: a document's publication date and
//! the full date a date claim names.

use crate::claims::Claim;
use crate::input::Document;
use crate::lexicon::Lexicon;
use crate::model::{DateParts, Kind, Ymd};

/// The language rule messages are written in: weekday names in them are
/// that language's (`weekday_names` in its `calendar.toml`).
pub const MESSAGE_LANG: &str = "en";

/// The name of weekday `n` (1 for Monday) as rule messages print it, from
/// the data of [`MESSAGE_LANG`]; its number when that data names none.
pub fn weekday_name(lex: &Lexicon, n: u32) -> String {
    lex.get(MESSAGE_LANG)
        .and_then(|l| l.weekday_names.get((n as usize).checked_sub(1)?))
        .map_or_else(|| n.to_string(), String::clone)
}

/// The publication date of a document, when its source gives one (in any
/// form [`crate::input::date::read_date`] reads).
pub(crate) fn published(doc: &Document) -> Option<Ymd> {
    doc.source
        .date
        .as_deref()
        .and_then(|d| crate::input::date::read_date(d, doc.lang))
        .and_then(|p| p.day())
}

/// The full date a date claim names: its own year, else the year closest
/// to the publication date (a `12 mars` in an article of June 2020 is
/// 2020-03-12; a `28 décembre` in an article of 3 January is the year
/// before), else the claim's year. `None` without day and month.
pub(crate) fn full_date(c: &Claim, published: Option<Ymd>) -> Option<(Ymd, bool)> {
    let d: DateParts = c.fig.date?;
    if c.fig.kind != Kind::Date {
        return None;
    }
    let (month, day) = (d.month()?, d.day()?);
    if let Some(y) = d.year() {
        return Ymd::new(y, month, day).map(|x| (x, true));
    }
    if let Some(p) = published {
        let best = [p.year - 1, p.year, p.year + 1]
            .into_iter()
            .filter_map(|y| Ymd::new(y, month, day))
            .min_by_key(|x| (x.days() - p.days()).abs())?;
        return Some((best, false));
    }
    let y = c.year()?;
    Ymd::new(y, month, day).map(|x| (x, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_date_from_the_source() {
        let mut doc = Document::new("d", "texte", None);
        assert_eq!(published(&doc), None);
        doc.source.date = Some("2020-07-02T08:00:00Z".into());
        assert_eq!(published(&doc), Ymd::new(2020, 7, 2));
        doc.source.date = Some("Thu, 02 Jul 2020 10:00:00 GMT".into());
        assert_eq!(published(&doc), Ymd::new(2020, 7, 2));
        doc.source.date = Some("2020".into());
        assert_eq!(published(&doc), None);
    }

    #[test]
    fn weekday_names_from_the_data_of_the_message_language() {
        let cfg = crate::testing::config();
        let monday = Ymd::new(2014, 12, 8).unwrap().weekday();
        assert_eq!(weekday_name(&cfg.lexicon, monday), "Monday");
        assert_eq!(weekday_name(&cfg.lexicon, 7), "Sunday");
        assert_eq!(cfg.lexicon.get("fr").unwrap().weekday_names[0], "lundi");
        assert_eq!(weekday_name(&Lexicon::default(), 3), "3");
    }
}
