//! FC301 inconsistent-in-document: one document states the same quantity
//! with two values.
//!
//! **What it catches.** Two claims of one document with the same key
//! (measure, role, side, place), the same period and the same counted noun,
//! in different sentences, whose intervals cannot both hold: a headline
//! that says `1 500 soldats` and a body that says `1 600 soldats` for the
//! same deployment. Qualifiers and rounding are honoured as in FC201
//! (`environ 2.000` agrees with `1 950`). A figure that is a part or a
//! running total (after `dont`, `parmi`, `au total`, `including`...: rule
//! parameters) is not compared, nor a sentence printed twice.
//!
//! **Why it matters.** Readers notice when an article contradicts itself,
//! and one of the two figures is wrong.
//!
//! **Example.** `Trois soldats américains ont été tués en Jordanie.` then
//! `La mort de cinq soldats américains en Jordanie a choqué.` fires.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::conflict::near_words;
use super::support::interval::{bounds, overlap, usable};
use super::support::text::folded;
use super::{Finding, RuleDef};
use crate::claims::{Corpus, Key, Places};
use crate::config::Config;
use crate::lexicon::fold;

/// Most claims of one key compared within a document.
const MAX_PER_KEY: usize = 16;

pub fn check(corpus: &Corpus, cfg: &Config, rule: &RuleDef, out: &mut Vec<Finding>) {
    let tolerance = rule.decimal("tolerance", Decimal::ZERO);
    let part_words = folded(&rule.strings("part_words"));
    for (d, doc) in corpus.docs.iter().enumerate() {
        let text = doc.text.as_str();
        let mut by_key: BTreeMap<(Key, Places, String), Vec<usize>> = BTreeMap::new();
        for i in corpus.doc_claims[d].clone() {
            let c = &corpus.claims[i];
            if !usable(c) {
                continue;
            }
            if c.measure
                .is_some_and(|m| cfg.meanings.comparable.get(m as usize) == Some(&false))
            {
                continue;
            }
            let (Some(key), Some((es, ee))) = (c.key(), c.fig.entity) else {
                continue;
            };
            // A quantity pinned down enough to be stated twice: what
            // happened (role) and where (place). "Quatre personnes" and
            // "300 personnes" of one article are mostly different groups.
            if key.role.is_none() || c.places.is_empty() {
                continue;
            }
            // A figure of a list (a ranking) is hard to pin to its place.
            let in_list = corpus.doc_claims[d]
                .clone()
                .filter(|&k| {
                    let o = &corpus.claims[k];
                    o.sentence == c.sentence && o.measure == c.measure
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
            let mut found = None;
            'pairs: for (x, &a) in claims.iter().enumerate() {
                for &b in &claims[x + 1..] {
                    let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
                    if ca.sentence == cb.sentence || !ca.same_period(cb) {
                        continue;
                    }
                    if !overlap(&bounds(ca, cfg, tolerance), &bounds(cb, cfg, tolerance)) {
                        found = Some((a, b));
                        break 'pairs;
                    }
                }
            }
            if let Some((a, b)) = found {
                let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
                let what = format!(
                    "{}, in {}",
                    cfg.meanings.describe(&key),
                    cfg.meanings.places_name(&places)
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
