//! FC401 weekday-mismatch: a weekday that contradicts its date.
//!
//! **What it catches.** A date written with its weekday (`ce lundi 8
//! décembre`, `Monday, December 8, 2014`) where the calendar puts that
//! date on another day. The year is the date's own, else the year of the
//! publication date closest to it, else the year the article is about
//! (`ce lundi 8 décembre` in a 2014 article is right: 8 December 2014 was
//! a Monday; in a 2015 article it is wrong). A date without a year that
//! fits a year the document names elsewhere, or the year before or after
//! the one inferred, is not reported (the article is then about that year,
//! or its publication date is off).
//!
//! **Why it matters.** A wrong weekday means the day, the month or the
//! weekday was mistyped, and readers use either to place the event.
//!
//! **Example.** `L'annonce a été faite ce mardi 8 décembre 2014` fires
//! (a Monday); `ce lundi 8 décembre 2014` does not.

use super::calendar::{full_date, published, WEEKDAYS_EN};
use super::{Finding, RuleDef};
use crate::claims::Corpus;
use crate::config::Config;
use crate::extract::context::tail;
use crate::model::Kind;

pub fn check(corpus: &Corpus, cfg: &Config, rule: &RuleDef, out: &mut Vec<Finding>) {
    for (d, doc) in corpus.docs.iter().enumerate() {
        let text = doc.text.as_str();
        let pub_date = published(doc);
        for i in corpus.doc_claims[d].clone() {
            let c = &corpus.claims[i];
            if c.fig.kind != Kind::Date || c.repeat_of.is_some() {
                continue;
            }
            let Some(parts) = c.fig.date else { continue };
            // The weekday the extractor read, or one just before the date
            // ("Monday, December 8").
            let t = tail(text, c.fig.start, 24);
            let words: Vec<&str> = t
                .norm
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let named = words
                .last()
                .and_then(|w| cfg.lexicon.weekday(w).map(|n| (n, *w)));
            let Some(weekday) = parts.weekday.or(named.map(|(n, _)| n)) else {
                continue;
            };
            let Some((date, explicit)) = full_date(c, pub_date) else {
                continue;
            };
            let actual = date.weekday();
            if actual == weekday {
                continue;
            }
            // Without a written year, the article may be about another
            // year than its publication date says: any year the document
            // itself names (or its claims are about) that fits clears it.
            if !explicit {
                let fits = |y: i32| {
                    super::calendar::Ymd::new(y, date.month, date.day)
                        .is_some_and(|x| x.weekday() == weekday)
                };
                let doc_years = corpus.doc_claims[d].clone().filter_map(|k| {
                    let o = &corpus.claims[k];
                    if o.fig.kind == Kind::Date {
                        o.fig.date.and_then(|p| p.year)
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
            // The span: from the weekday word to the end of the date.
            let start = named
                .and_then(|(_, w)| {
                    let lw = t.norm.rfind(w)?;
                    t.offsets.get(lw).copied()
                })
                .unwrap_or(c.fig.start);
            let written = &text[start..c.fig.end];
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
                (start, c.fig.end),
                format!(
                    "`{written}` names the wrong weekday: {date} was a {}{year_note}",
                    WEEKDAYS_EN[(actual - 1) as usize]
                ),
                vec![i],
            ));
        }
    }
}
