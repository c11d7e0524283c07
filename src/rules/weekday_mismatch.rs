//! For each date with a weekday written in one phrase with it ("mardi 8
//! décembre", "Monday, December 8": a weekday word just before the date,
//! with at most a comma between them, never across a sentence end or a
//! line break), completes the date's year (its own, else from the
//! publication date) and reports a weekday the calendar contradicts,
//! unless a year the document names, or the year before or after, fits.
//! Dates before the Gregorian calendar are Julian; until every country had
//! left the Julian calendar, a weekday that fits either is accepted. A
//! weekday that ends a range of weekdays ("from Monday to Thursday, March
//! 1") whose first day fits the date is a schedule, not the date's.

use super::support::dates::{full_date, published, weekday_name};
use super::support::weekday::{weekday_before, weekdays_before};
use serde::Deserialize;

use super::{Check, Context, Finding, RuleDef};
use crate::lexicon::fold;
use crate::model::{Kind, JULIAN_END_YEAR};

/// Parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct WeekdayMismatch {}

impl Check for WeekdayMismatch {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(cx, rule, out);
    }
}

fn check(cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    for (d, doc) in cx.docs() {
        let text = doc.text.as_str();
        let pub_date = published(doc);
        for i in corpus.doc_claims[d].clone() {
            let c = &corpus.claims[i];
            if c.fig.kind != Kind::Date || c.repeat_of().is_some() {
                continue;
            }
            let Some(parts) = c.fig.date else { continue };
            // The weekday in one phrase with the date, before it; or the
            // first word of the date itself ("Monday, December 8" read
            // whole).
            let own = text[c.fig.start()..c.fig.end()]
                .split(|ch: char| !ch.is_alphanumeric())
                .find(|w| !w.is_empty())
                .and_then(|w| cx.lexicon.weekday(&fold(w)));
            let named = weekday_before(cx.lexicon, text, c.fig.start());
            let Some(weekday) = named.map(|(n, _)| n).or(own.and(parts.weekday())) else {
                continue;
            };
            let Some((date, explicit)) = full_date(c, pub_date) else {
                continue;
            };
            // Before the Gregorian calendar, a date is Julian; until every
            // country had left the Julian calendar, either one may be meant.
            let julian = date.julian_weekday();
            let before_gregorian = date.before_gregorian();
            let actual = if before_gregorian {
                julian
            } else {
                date.weekday()
            };
            if actual == weekday || date.year < JULIAN_END_YEAR && julian == weekday {
                continue;
            }
            // The end of a range of weekdays whose first day is the date's
            // ("from Monday to Thursday, March 1"): a schedule from that date.
            let word_start = named.map_or(c.fig.start(), |(_, s)| s);
            if weekdays_before(cx.lexicon, text, word_start, 3).contains(&actual) {
                continue;
            }
            // Without a written year, the article may be about another
            // year than its publication date says: any year the document
            // itself names (or its claims are about) that fits clears it.
            if !explicit {
                let fits = |y: i32| {
                    crate::model::Ymd::new(y, date.month, date.day)
                        .is_some_and(|x| x.weekday() == weekday)
                };
                let doc_years = corpus.doc_claims[d].clone().filter_map(|k| {
                    let o = &corpus.claims[k];
                    if o.fig.kind == Kind::Date {
                        o.fig.date.and_then(|p| p.year())
                    } else {
                        None
                    }
                });
                // Publication dates given with the input are sometimes a year
                // off: a weekday that fits the year before or after is not
                // reported either.
                let near = [date.year - 1, date.year + 1].into_iter().any(fits);
                if near || c.year().is_some_and(fits) || doc_years.into_iter().any(fits) {
                    continue;
                }
            }
            // The span: from the weekday word to the end of the date,
            // without the full stop that ends its sentence.
            let start = word_start;
            let end = start + text[start..c.fig.end()].trim_end_matches('.').len();
            let written = &text[start..end];
            let year_note = if explicit {
                String::new()
            } else if pub_date.is_some() {
                format!(
                    " (the year {} is the one closest to publication)",
                    date.year
                )
            } else {
                format!(" (the year {} is the year of the article)", date.year)
            };
            out.push(Finding::at_span(
                rule,
                d as u32,
                (start, end),
                format!(
                    "`{written}` names the wrong weekday: {date} was a {}{}{year_note}",
                    weekday_name(cx.lexicon, actual),
                    if before_gregorian {
                        " in the Julian calendar"
                    } else {
                        ""
                    }
                ),
                vec![i],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC401");
    }

    fn messages(text: &str, lang: &str, date: Option<&str>) -> Vec<String> {
        crate::rules::rule_tests::messages("FC401", &[text], crate::model::Lang::new(lang), date)
    }

    #[test]
    fn the_span_is_the_weekday_and_the_date_without_the_full_stop() {
        let m = messages(
            "Le présentateur a fait ses adieux jeudi 2 mai.Un message inattendu.",
            "fr",
            Some("2016-06-03"),
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].starts_with("`jeudi 2 mai` names the wrong weekday"),
            "{m:?}"
        );
    }

    #[test]
    fn a_weekday_across_a_line_break_or_a_sentence_end_is_not_the_dates() {
        for t in [
            "Le film sera diffusé mercredi\n13 mars 2020, une nouvelle saison commence.",
            "The film aired on Wednesday.\n13 March 2020: a new season starts.",
            "The film aired on Wednesday. On 13 March 2020 a new season started.",
        ] {
            assert!(messages(t, "fr", None).is_empty(), "{t}");
            assert!(messages(t, "en", None).is_empty(), "{t}");
        }
        // In one phrase, the same weekday is checked (13 March 2020 was a
        // Friday).
        let m = messages("The film aired on Wednesday, 13 March 2020.", "en", None);
        assert_eq!(m.len(), 1);
        assert!(m[0].contains("was a Friday"), "{m:?}");
    }

    #[test]
    fn julian_dates_name_the_julian_weekday() {
        let m = messages("The king died on Sunday 18 November 1359.", "en", None);
        assert_eq!(m.len(), 1);
        assert!(
            m[0].contains("was a Monday in the Julian calendar"),
            "{m:?}"
        );
        assert!(messages("The king died on Monday 18 November 1359.", "en", None).is_empty());
        // Between 1582 and 1923 either calendar may be meant: 1 March 1700
        // was a Monday (Gregorian) and a Friday (Julian).
        assert!(messages("Monday 1 March 1700 was cold.", "en", None).is_empty());
        assert!(messages("Friday 1 March 1700 was cold.", "en", None).is_empty());
        assert_eq!(
            messages("Sunday 1 March 1700 was cold.", "en", None).len(),
            1
        );
    }
}
