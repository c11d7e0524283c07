//! Compares the exact or approximate claims of documents that tell the
//! same story, key by key: when two do not overlap but one times 10³ or
//! 10⁶ overlaps the other, reports the first such pair of two documents.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use serde::Deserialize;

use super::support::interval::{bounds, overlap, usable, Bounds};
use super::support::sources::{comparable, explain, AloneMemo, CompareParams};
use super::support::text::folded;
use super::{Check, Context, Finding, RuleDef};

fn scaled(b: &Bounds, k: Decimal) -> Bounds {
    Bounds {
        low: b.low.map(|(v, s)| (v * k, s)),
        high: b.high.map(|(v, s)| (v * k, s)),
    }
}

/// Parameters: see [`CompareParams`].
#[derive(Debug, Default, Deserialize)]
#[serde(transparent)]
pub(crate) struct ScaleSlip(CompareParams);

impl Check for ScaleSlip {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(&self.0, cx, rule, out);
    }

    fn explain_pair(&self, cx: &Context, a: usize, b: usize) -> Option<String> {
        Some(explain(cx, &self.0, None, a, b))
    }
}

fn check(p: &CompareParams, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let (corpus, stories) = (cx.corpus, cx.stories);
    let tolerance = p.tolerance;
    let story = p.story();
    let skip = folded(&p.skip_words);
    let memo = AloneMemo::new(corpus);
    let factors = [Decimal::from(1000), Decimal::from(1_000_000)];
    for (key, members) in corpus.buckets(cx.meanings) {
        let mut per_doc: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for &i in &members {
            let c = &corpus.claims[i];
            // Exact or approximate figures with a value: bounds alone
            // ("more than 200") do not make a slip.
            let bounded =
                c.fig.value().is_some() && !(c.fig.low().is_some() ^ c.fig.high().is_some());
            if usable(c) && bounded && c.fig.value().is_some_and(|v| v > Decimal::ZERO) {
                let v = per_doc.entry(c.doc).or_default();
                if v.len() < 8 {
                    v.push(i);
                }
            }
        }
        if per_doc.len() < 2 {
            continue;
        }
        let ids: Vec<u32> = per_doc.keys().copied().collect();
        for (da, db) in stories.pairs(&ids, &story) {
            let mut found = None;
            'pairs: for &a in &per_doc[&da] {
                for &b in &per_doc[&db] {
                    let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
                    if !comparable(cx, &story, (&skip, &memo), a, b) {
                        continue;
                    }
                    let (ba, bb) = (
                        bounds(ca, cx.lexicon, tolerance),
                        bounds(cb, cx.lexicon, tolerance),
                    );
                    if overlap(&ba, &bb) {
                        continue;
                    }
                    for k in factors {
                        if overlap(&ba, &scaled(&bb, k)) || overlap(&scaled(&ba, k), &bb) {
                            found = Some((a, b, k));
                            break 'pairs;
                        }
                    }
                }
            }
            if let Some((a, b, k)) = found {
                let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
                let what = cx.meanings.describe(&key);
                let ta = ca.fig.text(&corpus.doc_of(ca).text);
                let tb = cb.fig.text(&corpus.doc_of(cb).text);
                let db_id = &corpus.doc_of(cb).id;
                let factor = if k == Decimal::from(1000) {
                    "a thousand"
                } else {
                    "a million"
                };
                out.push(Finding::at_claim(
                    corpus,
                    rule,
                    format!(
                        "probable scale error: `{ta}` ({what}) is {factor} times `{tb}` in {db_id}"
                    ),
                    vec![a, b],
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC203");
    }
}
