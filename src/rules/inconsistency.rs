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

use super::calendar::{find_phrase, folded, folded_slice};
use super::conflict::{bounds, overlap, usable};
use super::{Finding, RuleDef};
use crate::claims::{Corpus, Key};
use crate::config::Config;
use crate::lexicon::fold;

/// Most claims of one key compared within a document.
const MAX_PER_KEY: usize = 16;

pub fn check(corpus: &Corpus, cfg: &Config, rule: &RuleDef, out: &mut Vec<Finding>) {
    let tolerance = rule.decimal("tolerance", Decimal::ZERO);
    let part_words = folded(&rule.strings("part_words"));
    for (d, doc) in corpus.docs.iter().enumerate() {
        let text = doc.text.as_str();
        let mut by_key: BTreeMap<(Key, String), Vec<usize>> = BTreeMap::new();
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
            // A part or a running total is another quantity.
            let before = folded_slice(
                text,
                c.fig.start.saturating_sub(20).max(c.sentence.0),
                c.fig.start,
            );
            let after_end = (ee.max(c.fig.end) + 16).min(c.sentence.1).max(c.fig.end);
            let after = folded_slice(text, ee.max(c.fig.end), after_end.max(ee));
            if part_words
                .iter()
                .any(|w| find_phrase(&before, w).is_some() || find_phrase(&after, w).is_some())
            {
                continue;
            }
            let noun = fold(&text[es..ee]);
            let v = by_key.entry((key, noun)).or_default();
            if v.len() < MAX_PER_KEY {
                v.push(i);
            }
        }
        for ((key, _), claims) in by_key {
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
                let what = cfg.meanings.describe(&key);
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
