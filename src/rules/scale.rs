//! FC203 scale-slip: the same quantity off by exactly a thousand or a
//! million between two sources.
//!
//! **What it catches.** Two documents that tell the same story (see
//! [`super::story`]) state the same quantity (same key and period) with
//! values whose ratio is 10³ or 10⁶, the rounding each figure implies
//! honoured: `1,5 million` in one and `1 500` in the other,
//! `2,3 milliards` against `2,3 millions`.
//!
//! **Why it matters.** A dropped or added scale word (`mille`, `million`,
//! `milliard`, `k`, `bn`) is one of the commonest figure errors in copy;
//! the value is then wrong by three or six orders of magnitude, and a plain
//! conflict report does not say why.
//!
//! **Example.** `1,5 million de réfugiés syriens en Jordanie` in one source
//! and `1 500 réfugiés syriens en Jordanie` in another fires.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::conflict::{comparable, story_params};
use super::story::Stories;
use super::support::interval::{bounds, overlap, usable, Bounds};
use super::support::text::folded;
use super::{Finding, RuleDef};
use crate::claims::Corpus;
use crate::config::Config;

fn scaled(b: &Bounds, k: Decimal) -> Bounds {
    Bounds {
        low: b.low.map(|(v, s)| (v * k, s)),
        high: b.high.map(|(v, s)| (v * k, s)),
    }
}

pub fn check(
    corpus: &Corpus,
    cfg: &Config,
    rule: &RuleDef,
    stories: &Stories,
    out: &mut Vec<Finding>,
) {
    let tolerance = rule.decimal("tolerance", Decimal::ZERO);
    let story = story_params(rule);
    let skip = folded(&rule.strings("skip_words"));
    let factors = [Decimal::from(1000), Decimal::from(1_000_000)];
    for (key, members) in corpus.buckets(&cfg.meanings) {
        let mut per_doc: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for &i in &members {
            let c = &corpus.claims[i];
            // Exact or approximate figures with a value: bounds alone
            // ("more than 200") do not make a slip.
            let bounded = c.fig.value.is_some() && !(c.fig.low.is_some() ^ c.fig.high.is_some());
            if usable(c) && bounded && c.fig.value.is_some_and(|v| v > Decimal::ZERO) {
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
                    if !comparable(corpus, cfg, stories, &story, &skip, ca, cb) {
                        continue;
                    }
                    let (ba, bb) = (bounds(ca, cfg, tolerance), bounds(cb, cfg, tolerance));
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
                let what = cfg.meanings.describe(&key);
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
