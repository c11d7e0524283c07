//! Reports each percentage outside 0..`max` that a link word (`links`)
//! ties to a whole that cannot be exceeded (a word of `wholes`, or a
//! measure of people), unless a word of change (`change_words`) or a `+`
//! stands before it in its sentence.

use rust_decimal::Decimal;

use super::support::text::{find_phrase, folded, folded_slice, whole_after};
use serde::Deserialize;

use super::support::params::{decimal, Prepared};
use super::{Check, Context, Finding, RuleDef};
use crate::model::Kind;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct ImpossiblePercentage {
    /// The largest share of a whole.
    #[serde(deserialize_with = "decimal")]
    max: Decimal,
    /// Words between a percentage and its whole (`des`, `of the`).
    links: Vec<String>,
    /// Wholes that cannot be exceeded, besides measures of people.
    wholes: Vec<String>,
    /// Words of change or comparison before the figure.
    change_words: Vec<String>,
    /// Made once from the parameters above ([`Prepared`]).
    #[serde(skip)]
    prepared: Prepared<[Vec<String>; 3]>,
}

impl Default for ImpossiblePercentage {
    fn default() -> Self {
        ImpossiblePercentage {
            max: Decimal::ONE_HUNDRED,
            links: Vec::new(),
            wholes: Vec::new(),
            change_words: Vec::new(),
            prepared: Prepared::default(),
        }
    }
}

impl Check for ImpossiblePercentage {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

fn check(p: &ImpossiblePercentage, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let max = p.max;
    let [links, wholes, change] = p.prepared.get(|| {
        let mut links = folded(&p.links);
        links.sort_by_key(|l| std::cmp::Reverse(l.len()));
        [links, folded(&p.wholes), folded(&p.change_words)]
    });
    for (d, doc) in cx.docs() {
        let text = doc.text.as_str();
        for i in corpus.doc_claims[d].clone() {
            let c = &corpus.claims[i];
            let f = &c.fig;
            if f.kind != Kind::Percent || c.repeat_of().is_some() {
                continue;
            }
            let Some(v) = f.value() else { continue };
            if v <= max && v >= Decimal::ZERO {
                continue;
            }
            // "105 % des votants": a link word, then a whole that cannot
            // be exceeded.
            let Some(noun) = whole_after(text, f.end(), c.sentence().1, 48, links) else {
                continue;
            };
            let people = cx
                .meanings
                .measure_of(&noun)
                .is_some_and(|m| cx.meanings.people.get(m as usize) == Some(&true));
            let whole = wholes
                .iter()
                .any(|w| noun == *w || noun.strip_suffix('s').is_some_and(|n| n == w));
            if !(people || whole) {
                continue;
            }
            // A change or a ratio before the figure in its sentence.
            let before = folded_slice(text, c.sentence().0, f.start());
            if change.iter().any(|w| find_phrase(&before, w).is_some()) {
                continue;
            }
            if text[f.start()..f.num_start().max(f.start())].contains('+') {
                continue;
            }
            let written = f.text(text);
            let what = if v < Decimal::ZERO {
                "below zero"
            } else {
                "above 100 %"
            };
            out.push(Finding::at_claim(
                corpus,
                rule,
                format!("impossible percentage `{written}`: a share of {noun} cannot be {what}"),
                vec![i],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC106");
    }
}
