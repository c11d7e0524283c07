//! Compares each pair of consecutive counts of a sentence joined by a word
//! of `joiners` alone (`12 sur 10`): reports the pair when the part is
//! larger than the whole, unless either is qualified, the part follows a
//! name, or the whole is itself a part (a word of `whole_links` after it).
//! A bare whole after a part with a scale word takes its scale ("1,4
//! milliard sur 3,9"). Also reports the breakdowns of the sentence's
//! structure with a single part larger than its total ("Of the 45 injured,
//! 50 were children"; the breakdowns of several parts are `parts-total`'s).

use super::support::interval::usable;
use super::support::params::Prepared;
use super::support::text::{folded, folded_slice};
use serde::Deserialize;

use super::parts_total::verdict;
use super::{Check, Context, Finding, RuleDef};
use crate::model::Kind;
use rust_decimal::Decimal;

/// Parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct PartExceedsWhole {
    /// Words between a part and its whole (`sur`, `out of`).
    joiners: Vec<String>,
    /// Words after the whole that make it a part of another (`des`, `of`),
    /// compared with the folded gap.
    whole_links: Vec<String>,
    /// Made once from the parameters above ([`Prepared`]).
    #[serde(skip)]
    prepared: Prepared<Vec<String>>,
}

impl Check for PartExceedsWhole {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

fn check(p: &PartExceedsWhole, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    for d in cx.doc_range() {
        let text = corpus.docs[d].text.as_str();
        for b in cx.breakdowns(d) {
            if b.parts.len() != 1 {
                continue;
            }
            if let Some((message, claims)) = verdict(corpus, cx, text, b) {
                out.push(Finding::at_claim(corpus, rule, message, claims));
            }
        }
    }
    let joiners = p.prepared.get(|| folded(&p.joiners));
    for (d, doc) in cx.docs() {
        let text = doc.text.as_str();
        for i in corpus.doc_claims[d].clone().skip(1) {
            let (ca, cb) = (&corpus.claims[i - 1], &corpus.claims[i]);
            let (a, b) = (&ca.fig, &cb.fig);
            if !usable(ca) || !usable(cb) || a.end() > b.start() || ca.sentence() != cb.sentence() {
                continue;
            }
            if a.kind != Kind::Count || !matches!(b.kind, Kind::Count) || a.unit != b.unit {
                continue;
            }
            // Nothing between but the joining word: "12 sur 10".
            if a.entity().is_some() || a.end() != a.num_end() {
                continue;
            }
            let gap = folded_slice(text, a.end(), b.start());
            let gap = gap.trim();
            if !joiners.iter().any(|j| j == gap) {
                continue;
            }
            let (Some(x), Some(y)) = (a.value(), b.interval().1) else {
                continue;
            };
            // "1,4 milliard sur 3,9": the whole's scale word is elided.
            let y = if b.scale == Decimal::ONE && a.scale > Decimal::ONE && b.entity().is_none() {
                y * a.scale
            } else {
                y
            };
            // "plus de 100.000 sur neuf des dix jours": a qualified part or
            // a whole that is itself a part is no part-whole pair; nor a
            // model name ("la Porsche 911 sur treize marchés").
            if a.qualifier.is_some() || b.qualifier.is_some() {
                continue;
            }
            let whole_is_part = corpus.doc_claims[d].contains(&(i + 1)) && {
                let n = &corpus.claims[i + 1].fig;
                n.start() >= b.end() && {
                    let g = folded_slice(text, b.end(), n.start());
                    p.whole_links.iter().any(|w| w == g.trim())
                }
            };
            if whole_is_part {
                continue;
            }
            let prev = text[..a.start()]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if prev.chars().next().is_some_and(|c| c.is_uppercase()) {
                continue;
            }
            if x > y {
                let (ta, tb) = (&text[a.start()..a.end()], &text[b.start()..b.end()]);
                out.push(Finding::at_span(
                    rule,
                    d as u32,
                    (a.start(), b.end()),
                    format!("the part `{ta}` is larger than its whole `{tb}`"),
                    vec![i - 1, i],
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC303");
    }

    #[test]
    fn a_whole_that_is_itself_a_part_is_skipped() {
        assert_eq!(
            crate::rules::rule_tests::messages(
                "FC303",
                &["Il en a visité 12 sur 10 des 20 sites, puis 12 sur 10 villes."],
                crate::model::Lang::new("fr"),
                None
            ),
            ["the part `12` is larger than its whole `10`"]
        );
    }
}
