//! For each period of days, weeks, months or years named as such (a word of
//! `period_words` around it), finds the sentence's start date (after a word
//! of `start_words`) and end date (after a word of `end_words`), or counts
//! from the publication date after a word of `from_now_words`; reports an
//! end that is not the start plus the period, within a tolerance.

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;

use super::support::dates::{full_date, published};
use super::support::text::{find_phrase, folded, folded_slice};
use crate::model::Ymd;
use serde::Deserialize;

use super::support::params::{count, Prepared};
use super::{Check, Context, Finding, RuleDef};
use crate::model::Kind;

/// The length of a unit of time: days, or months.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Step {
    #[serde(default)]
    days: i64,
    #[serde(default)]
    months: i64,
}

/// `start` plus `n` steps.
fn add(start: Ymd, n: i64, step: Step) -> Ymd {
    if step.months != 0 {
        start.add_months(step.months * n)
    } else {
        Ymd::from_days(start.days() + step.days * n)
    }
}

fn ends_with_any(before: &str, words: &[String]) -> bool {
    let b = before.trim_end();
    words
        .iter()
        .any(|w| b.ends_with(w.as_str()) && find_phrase(b, w).is_some())
}

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct DeadlineArithmetic {
    /// Words before the start date (`à compter du`, `from`).
    start_words: Vec<String>,
    /// Words before the end date (`jusqu'au`, `until`).
    end_words: Vec<String>,
    /// Words before a period counted from publication (`dans`, `within`).
    from_now_words: Vec<String>,
    /// Words that name a period (`délai`, `deadline`).
    period_words: Vec<String>,
    /// The length of each unit of time a period may be counted in, by unit
    /// id (`rules/units.toml`).
    period_units: BTreeMap<String, Step>,
    /// Days a stated end may differ from the computed one.
    #[serde(deserialize_with = "count")]
    tolerance_days: usize,
    /// The same, for a period counted from the publication date.
    #[serde(deserialize_with = "count")]
    publication_tolerance_days: usize,
    /// Made once from the parameters above ([`Prepared`]).
    #[serde(skip)]
    prepared: Prepared<[Vec<String>; 4]>,
}

impl Default for DeadlineArithmetic {
    fn default() -> Self {
        DeadlineArithmetic {
            start_words: Vec::new(),
            end_words: Vec::new(),
            from_now_words: Vec::new(),
            period_words: Vec::new(),
            period_units: BTreeMap::new(),
            tolerance_days: 1,
            publication_tolerance_days: 3,
            prepared: Prepared::default(),
        }
    }
}

impl Check for DeadlineArithmetic {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

fn check(params: &DeadlineArithmetic, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let [start_words, end_words, from_now, period] = params.prepared.get(|| {
        [
            folded(&params.start_words),
            folded(&params.end_words),
            folded(&params.from_now_words),
            folded(&params.period_words),
        ]
    });
    let tol = i64::try_from(params.tolerance_days).unwrap_or(i64::MAX);
    let tol_now = i64::try_from(params.publication_tolerance_days).unwrap_or(i64::MAX);
    for (d, doc) in cx.docs() {
        let text = doc.text.as_str();
        let pub_date = published(doc);
        let range = corpus.doc_claims[d].clone();
        for p in range.clone() {
            let cp = &corpus.claims[p];
            if cp.fig.kind != Kind::Duration
                || cp.repeat_of().is_some()
                || cp.fig.qualifier.is_some()
            {
                continue;
            }
            let Some(n) = cp
                .fig
                .value()
                .filter(|v| v.fract().is_zero())
                .and_then(|v| v.to_i64())
            else {
                continue;
            };
            let Some(unit) = cp
                .fig
                .unit
                .map(|u| cx.lexicon.units[u as usize].id.as_str())
            else {
                continue;
            };
            let Some(&step) = params.period_units.get(unit) else {
                continue;
            };
            // A period, not an age or an anniversary: a word of `period_words`
            // just before or after it ("un délai de 40 jours", "a 90-day
            // period").
            let around = folded_slice(
                text,
                cp.fig.start().saturating_sub(24).max(cp.sentence().0),
                (cp.fig.end() + 16).min(cp.sentence().1).max(cp.fig.end()),
            );
            if !period.iter().any(|w| find_phrase(&around, w).is_some()) {
                continue;
            }
            // The dates of the sentence, with the words just before them.
            let mut start = None;
            let mut end = None;
            for k in range.clone() {
                let c = &corpus.claims[k];
                if c.sentence() != cp.sentence() || c.fig.kind != Kind::Date {
                    continue;
                }
                let Some((date, _)) = full_date(c, pub_date) else {
                    continue;
                };
                let before = folded_slice(
                    text,
                    c.fig.start().saturating_sub(24).max(c.sentence().0),
                    c.fig.start(),
                );
                if ends_with_any(&before, start_words) && start.is_none() {
                    start = Some((k, date));
                } else if ends_with_any(&before, end_words) && k > p && end.is_none() {
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
                        cp.fig.start().saturating_sub(40).max(cp.sentence().0),
                        cp.fig.start(),
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
            let expected = add(origin, n, step);
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

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC402");
    }

    #[test]
    fn weeks_count_seven_days() {
        assert_eq!(
            crate::rules::rule_tests::messages("FC402", &["Le délai de 2 semaines court à compter du 1 mars 2024, soit jusqu'au 20 mars 2024."], crate::model::Lang::new("fr"), None),
            ["`2 semaines` from `1 mars 2024` ends on 2024-03-15, not on `20 mars 2024` (2024-03-20)"]
        );
    }

    #[test]
    fn years_count_twelve_months() {
        assert_eq!(
            crate::rules::rule_tests::messages("FC402", &["The 2-year period runs from March 1, 2022 until March 1, 2025."], crate::model::Lang::new("en"), None),
            ["`2-year` from `March 1, 2022` ends on 2024-03-01, not on `March 1, 2025` (2025-03-01)"]
        );
    }
}
