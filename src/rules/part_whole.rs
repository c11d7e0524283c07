//! FC303 part-exceeds-whole: `X sur Y` / `X of Y` with X greater than Y.
//!
//! **What it catches.** A part stated against its whole, `12 sur 10
//! députés`, `7 out of 5 schools`, `the 12 of 10 members`, where the part
//! is larger than the whole. The joining words are a rule parameter
//! (`sur`, `out of`, `of the`...). Equal figures (`24 heures sur 24`) and
//! figures of different kinds (`3 sur 2019`) are left alone.
//!
//! **Why it matters.** A part larger than its whole is impossible: one of
//! the two figures was mistyped or the two were swapped.
//!
//! **Example.** `Douze sur dix des élus ont voté contre` fires; `Huit sur
//! dix des élus ont voté contre` does not.

use super::support::interval::usable;
use super::support::text::{folded, folded_slice};
use super::{Finding, RuleDef};
use crate::claims::Corpus;
use crate::config::Config;
use crate::model::Kind;

pub fn check(corpus: &Corpus, _cfg: &Config, rule: &RuleDef, out: &mut Vec<Finding>) {
    let joiners = folded(&rule.strings("joiners"));
    for (d, doc) in corpus.docs.iter().enumerate() {
        let text = doc.text.as_str();
        for i in corpus.doc_claims[d].clone().skip(1) {
            let (ca, cb) = (&corpus.claims[i - 1], &corpus.claims[i]);
            let (a, b) = (&ca.fig, &cb.fig);
            if !usable(ca) || !usable(cb) || a.end > b.start || ca.sentence != cb.sentence {
                continue;
            }
            if a.kind != Kind::Count || !matches!(b.kind, Kind::Count) || a.unit != b.unit {
                continue;
            }
            // Nothing between but the joining word: "12 sur 10".
            if a.entity.is_some() || a.end != a.num_end {
                continue;
            }
            let gap = folded_slice(text, a.end, b.start);
            let gap = gap.trim();
            if !joiners.iter().any(|j| j == gap) {
                continue;
            }
            let (Some(x), Some(y)) = (a.value, b.interval().1) else {
                continue;
            };
            // "plus de 100.000 sur neuf des dix jours": a qualified part or
            // a whole that is itself a part is no part-whole pair; nor a
            // model name ("la Porsche 911 sur treize marchés").
            if a.qualifier.is_some() || b.qualifier.is_some() {
                continue;
            }
            let whole_is_part = corpus.doc_claims[d].contains(&(i + 1)) && {
                let n = &corpus.claims[i + 1].fig;
                n.start >= b.end && {
                    let g = folded_slice(text, b.end, n.start);
                    matches!(g.trim(), "des" | "de" | "of the" | "of")
                }
            };
            if whole_is_part {
                continue;
            }
            let prev = text[..a.start]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if prev.chars().next().is_some_and(|c| c.is_uppercase()) {
                continue;
            }
            if x > y {
                let (ta, tb) = (&text[a.start..a.end], &text[b.start..b.end]);
                out.push(Finding::at_span(
                    rule,
                    d as u32,
                    (a.start, b.end),
                    format!("the part `{ta}` is larger than its whole `{tb}`"),
                    vec![i - 1, i],
                ));
            }
        }
    }
}
