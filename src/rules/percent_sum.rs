//! For each percentage whose whole (the word after a link of `links`) is
//! one of `partition_wholes`, in a sentence without a date or a word of
//! `source_words`, sums the following shares of the same whole in the
//! sentence and reports a sum above 100 plus `tolerance`.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::support::interval::usable;
use super::support::params::decimal;
use super::support::text::{find_phrase, folded, folded_slice, whole_after};
use super::{Check, Context, Finding, RuleDef};
use crate::model::Kind;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct PercentSum {
    /// How far above 100 the sum may go (rounding).
    #[serde(deserialize_with = "decimal")]
    tolerance: Decimal,
    /// Words between a percentage and its whole (`des`, `of the`).
    links: Vec<String>,
    /// Words that attribute a share to a source (`selon`, `according to`).
    source_words: Vec<String>,
    /// Wholes that shares partition (votes).
    partition_wholes: Vec<String>,
}

impl Default for PercentSum {
    fn default() -> Self {
        PercentSum {
            tolerance: Decimal::ONE,
            links: Vec::new(),
            source_words: Vec::new(),
            partition_wholes: Vec::new(),
        }
    }
}

impl Check for PercentSum {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

fn check(params: &PercentSum, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let mut links = folded(&params.links);
    links.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let partitions = folded(&params.partition_wholes);
    let sources = folded(&params.source_words);
    let tolerance = params.tolerance;
    let hundred = Decimal::ONE_HUNDRED;
    for (d, doc) in corpus.docs.iter().enumerate() {
        let text = doc.text.as_str();
        let range = corpus.doc_claims[d].clone();
        let mut i = range.start;
        while i < range.end {
            let c = &corpus.claims[i];
            if c.fig.kind != Kind::Percent || !usable(c) {
                i += 1;
                continue;
            }
            // Only wholes that the shares partition (votes): shares of the
            // French who approve, disapprove, trust... overlap.
            let Some(whole) = whole_after(text, c.fig.end, c.sentence.1, 40, &links)
                .filter(|w| partitions.iter().any(|p| p == w))
            else {
                i += 1;
                continue;
            };
            // A year or a date in the sentence: shares of two moments
            // ("86 % des Français, contre 75 % en 2019").
            let dated = corpus.doc_claims[d].clone().any(|k| {
                corpus.claims[k].sentence == c.sentence && corpus.claims[k].fig.kind == Kind::Date
            });
            // Shares from several sources ("54 % selon Ifop, 53 % selon
            // Elabe") are alternatives, not parts.
            let sentence = folded_slice(text, c.sentence.0, c.sentence.1);
            let sourced = sources.iter().any(|w| find_phrase(&sentence, w).is_some());
            if dated || sourced {
                i += 1;
                continue;
            }
            // The shares of the same whole in this sentence: those naming
            // it, and bare percentages of the list that follows.
            let mut shares = vec![i];
            let mut sum = c.fig.interval().0.unwrap_or_default();
            let mut k = i + 1;
            while k < range.end && corpus.claims[k].sentence == c.sentence {
                let p = &corpus.claims[k];
                if p.fig.kind == Kind::Percent && usable(p) {
                    let w = whole_after(text, p.fig.end, p.sentence.1, 40, &links);
                    // Each share names the whole: a bare percentage may be
                    // of something else ("(abstention 74,6 %)").
                    let same = w.as_deref() == Some(whole.as_str());
                    if same {
                        if p.fig.value.is_some_and(|v| v > Decimal::ZERO) {
                            shares.push(k);
                            sum += p.fig.interval().0.unwrap_or_default();
                        }
                    } else if w.is_some() {
                        break;
                    }
                }
                k += 1;
            }
            if shares.len() >= 2 && sum > hundred + tolerance {
                let written: Vec<&str> = shares
                    .iter()
                    .map(|&s| corpus.claims[s].fig.text(text))
                    .collect();
                out.push(Finding::at_claim(
                    corpus,
                    rule,
                    format!(
                        "shares of {whole} add up to {} %: {}",
                        sum.normalize(),
                        written.join(" + ")
                    ),
                    shares.clone(),
                ));
            }
            i = k.max(i + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC304");
    }
}
