//! For each date with a weekday (read by the extractor, or a weekday name
//! just before it), completes the date's year (its own, else from the
//! publication date) and reports a weekday the calendar contradicts,
//! unless a year the document names, or the year before or after, fits.

use super::support::dates::{full_date, published, weekday_name};
use serde::Deserialize;

use super::{Check, Context, Finding, RuleDef};
use crate::extract::context::tail;
use crate::model::Kind;

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
                .and_then(|w| cx.lexicon.weekday(w).map(|n| (n, *w)));
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
                    crate::model::Ymd::new(y, date.month, date.day)
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
                    weekday_name(cx.lexicon, actual)
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
}
