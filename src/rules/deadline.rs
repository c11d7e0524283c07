//! FC402 deadline-arithmetic: a period added to a date that does not give
//! the date stated.
//!
//! **What it catches.** A sentence that states a start date, a period and
//! the date it ends: `un délai de 40 jours à compter du 8 décembre, soit
//! le 20 janvier` (8 December plus 40 days is 17 January), `a 90-day
//! deadline from March 1, until June 15`. The start date follows a start
//! word (`à compter du`, `from`...), the end date an end word (`soit le`,
//! `jusqu'au`, `until`...): both lists are rule parameters. The period
//! must be named as one (`délai`, `ultimatum`, `period`...: the
//! `period_words` parameter), which leaves ages and anniversaries alone. Without a
//! start date, a period counted from now (`dans 40 jours, le …`, `un
//! ultimatum de 40 jours expirant le …`) is counted from the publication
//! date, with a wider tolerance. Days, weeks, months and years are
//! counted on the calendar; a day of tolerance covers inclusive counting.
//!
//! **Why it matters.** Deadlines are news (ultimatums, legal periods,
//! elections); a reader who does the count finds the wrong date.
//!
//! **Example.** `Le délai de 40 jours court à compter du 8 décembre 2014,
//! soit jusqu'au 20 janvier 2015.` fires; with `17 janvier 2015` it does
//! not.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::support::dates::{full_date, published};
use super::support::text::{find_phrase, folded, folded_slice};
use super::{Finding, RuleDef};
use crate::claims::Corpus;
use crate::config::Config;
use crate::model::{Kind, Ymd};

/// `start` plus `n` units of `unit` (day, week, month, year).
fn add(start: Ymd, n: i64, unit: &str) -> Option<Ymd> {
    Some(match unit {
        "day" => Ymd::from_days(start.days() + n),
        "week" => Ymd::from_days(start.days() + 7 * n),
        "month" => start.add_months(n),
        "year" => start.add_months(12 * n),
        _ => return None,
    })
}

fn ends_with_any(before: &str, words: &[String]) -> bool {
    let b = before.trim_end();
    words
        .iter()
        .any(|w| b.ends_with(w.as_str()) && find_phrase(b, w).is_some())
}

pub fn check(corpus: &Corpus, cfg: &Config, rule: &RuleDef, out: &mut Vec<Finding>) {
    let start_words = folded(&rule.strings("start_words"));
    let end_words = folded(&rule.strings("end_words"));
    let from_now = folded(&rule.strings("from_now_words"));
    let period = folded(&rule.strings("period_words"));
    let tol: i64 = rule
        .decimal("tolerance_days", Decimal::ONE)
        .to_i64()
        .unwrap_or(1);
    let tol_now: i64 = rule
        .decimal("publication_tolerance_days", Decimal::from(3))
        .to_i64()
        .unwrap_or(3);
    for (d, doc) in corpus.docs.iter().enumerate() {
        let text = doc.text.as_str();
        let pub_date = published(doc);
        let range = corpus.doc_claims[d].clone();
        for p in range.clone() {
            let cp = &corpus.claims[p];
            if cp.fig.kind != Kind::Duration || cp.repeat_of.is_some() || cp.fig.qualifier.is_some()
            {
                continue;
            }
            let Some(n) = cp
                .fig
                .value
                .filter(|v| v.fract().is_zero())
                .and_then(|v| v.to_i64())
            else {
                continue;
            };
            let Some(unit) = cp
                .fig
                .unit
                .map(|u| cfg.lexicon.units[u as usize].id.as_str())
            else {
                continue;
            };
            if !matches!(unit, "day" | "week" | "month" | "year") {
                continue;
            }
            // A period, not an age or an anniversary: a word of `period_words`
            // just before or after it ("un délai de 40 jours", "a 90-day
            // period").
            let around = folded_slice(
                text,
                cp.fig.start.saturating_sub(24).max(cp.sentence.0),
                (cp.fig.end + 16).min(cp.sentence.1).max(cp.fig.end),
            );
            if !period.iter().any(|w| find_phrase(&around, w).is_some()) {
                continue;
            }
            // The dates of the sentence, with the words just before them.
            let mut start = None;
            let mut end = None;
            for k in range.clone() {
                let c = &corpus.claims[k];
                if c.sentence != cp.sentence || c.fig.kind != Kind::Date {
                    continue;
                }
                let Some((date, _)) = full_date(c, pub_date) else {
                    continue;
                };
                let before = folded_slice(
                    text,
                    c.fig.start.saturating_sub(24).max(c.sentence.0),
                    c.fig.start,
                );
                if ends_with_any(&before, &start_words) && start.is_none() {
                    start = Some((k, date));
                } else if ends_with_any(&before, &end_words) && k > p && end.is_none() {
                    end = Some((k, date));
                }
            }
            let Some((ke, stated)) = end else { continue };
            let (origin, tolerance, from, refs) = match start {
                Some((ks, s)) => (
                    s,
                    tol,
                    format!("`{}`", corpus.claims[ks].fig.text(text)),
                    vec![p, ks, ke],
                ),
                None => {
                    // Counted from the day of publication.
                    let Some(pd) = pub_date else { continue };
                    let before = folded_slice(
                        text,
                        cp.fig.start.saturating_sub(40).max(cp.sentence.0),
                        cp.fig.start,
                    );
                    if !from_now.iter().any(|w| find_phrase(&before, w).is_some()) {
                        continue;
                    }
                    (
                        pd,
                        tol_now,
                        format!("the publication date {pd}"),
                        vec![p, ke],
                    )
                }
            };
            let Some(expected) = add(origin, n, unit) else {
                continue;
            };
            if (expected.days() - stated.days()).abs() <= tolerance {
                continue;
            }
            let (tp, te) = (cp.fig.text(text), corpus.claims[ke].fig.text(text));
            out.push(Finding::at_claim(
                corpus,
                rule,
                format!("`{tp}` from {from} ends on {expected}, not on `{te}` ({stated})"),
                refs,
            ));
        }
    }
}
