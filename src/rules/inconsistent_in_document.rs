//! Groups the claims of each document by key, places and counted noun
//! (leaving out parts and running totals, next to a word of `part_words`,
//! and figures of a list), and reports the first pair of a group, in
//! different sentences and of the same period, whose intervals do not meet.
//! A document that states a key with [`SERIES`] or more different values
//! (a timeline of strikes, each with its toll; a table of results) is a
//! series of events for that key, not one quantity stated twice: that key
//! is not checked in it.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::support::interval::{bounds, overlap, usable};
use super::support::text::folded;
use serde::Deserialize;

use super::support::params::decimal;
use super::support::sources::{near_words, same_moment};
use super::{Check, Context, Finding, RuleDef};
use crate::claims::{Key, Places};
use crate::lexicon::fold;

/// Most claims of one key compared within a document.
const MAX_PER_KEY: usize = 16;

/// Different values of one key that make a document a series of events.
const SERIES: usize = 4;

/// Parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct InconsistentInDocument {
    /// Extra relative tolerance granted to every figure.
    #[serde(deserialize_with = "decimal")]
    tolerance: Decimal,
    /// Words next to a figure that make it a part or a running total.
    part_words: Vec<String>,
}

impl Check for InconsistentInDocument {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

fn check(p: &InconsistentInDocument, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let tolerance = p.tolerance;
    let part_words = folded(&p.part_words);
    for (d, doc) in cx.docs() {
        let text = doc.text.as_str();
        let mut by_key: BTreeMap<(Key, Places, String), Vec<usize>> = BTreeMap::new();
        // Distinct values per key, whatever the places and nouns.
        let mut values: BTreeMap<Key, Vec<Decimal>> = BTreeMap::new();
        for i in corpus.doc_claims[d].clone() {
            let c = &corpus.claims[i];
            if !usable(c) {
                continue;
            }
            if c.measure
                .is_some_and(|m| cx.meanings.comparable.get(m as usize) == Some(&false))
            {
                continue;
            }
            let (Some(key), Some((es, ee))) = (c.key(), c.fig.entity()) else {
                continue;
            };
            // A quantity pinned down enough to be stated twice: what
            // happened (role) and where (place). "Quatre personnes" and
            // "300 personnes" of one article are mostly different groups.
            if c.role.is_none() {
                continue;
            }
            if let Some(x) = c.fig.value {
                let v = values.entry(key).or_default();
                if !v.contains(&x) {
                    v.push(x);
                }
            }
            if c.places.is_empty() {
                continue;
            }
            // A figure of a list (a ranking) is hard to pin to its place.
            let in_list = corpus.doc_claims[d]
                .clone()
                .filter(|&k| {
                    let o = &corpus.claims[k];
                    o.sentence() == c.sentence() && o.measure == c.measure
                })
                .count()
                >= 3;
            if in_list || c.fig.value.is_none() {
                continue;
            }
            // A part or a running total is another quantity.
            if near_words(text, c, &part_words) {
                continue;
            }
            let noun = fold(&text[es..ee]);
            let v = by_key.entry((key, c.places, noun)).or_default();
            if v.len() < MAX_PER_KEY {
                v.push(i);
            }
        }
        for ((key, places, _), claims) in by_key {
            if values.get(&key).is_some_and(|v| v.len() >= SERIES) {
                continue;
            }
            let mut found = None;
            'pairs: for (x, &a) in claims.iter().enumerate() {
                for &b in &claims[x + 1..] {
                    let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
                    // Sentences that name different days speak of different
                    // moments, even when no year dates them ("On 2 March, up
                    // to 25,000 … On 5 April, around 30,000").
                    if ca.sentence() == cb.sentence()
                        || !ca.same_period(cb)
                        || !same_moment(corpus, cx.lexicon, ca, cb)
                    {
                        continue;
                    }
                    if !overlap(
                        &bounds(ca, cx.lexicon, tolerance),
                        &bounds(cb, cx.lexicon, tolerance),
                    ) {
                        found = Some((a, b));
                        break 'pairs;
                    }
                }
            }
            if let Some((a, b)) = found {
                let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
                let what = format!(
                    "{}, in {}",
                    cx.meanings.describe(&key),
                    cx.meanings.places_name(&places)
                );
                let (ta, tb) = (ca.fig.text(text), cb.fig.text(text));
                let (la, _) = crate::error::line_col(text, ca.fig.start);
                out.push(Finding::at_claim(
                    corpus,
                    rule,
                    format!(
                        "`{tb}` ({what}) contradicts `{ta}` stated on line {la} of the same document"
                    ),
                    vec![b, a],
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC301");
    }
}
