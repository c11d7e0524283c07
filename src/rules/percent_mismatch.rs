//! For each percentage right after two counts of its sentence joined by a
//! word of `joiners` (`30 sur 120`) and linked to them by a word of
//! `percent_links` (`soit`, `(`), reports a percentage that is not the
//! ratio of the two, within half a unit of its last digit, `tolerance`,
//! and half a step of 1/Y for a whole of ten or less.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::support::interval::usable;
use super::support::params::decimal;
use super::support::text::{folded, folded_slice};
use super::{Check, Context, Finding, RuleDef};
use crate::model::Kind;

/// Half a unit of the last written digit of a percentage.
fn half_unit(decimals: u8) -> Decimal {
    let mut u = Decimal::new(5, 1);
    for _ in 0..decimals {
        u /= Decimal::TEN;
    }
    u
}

/// Parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct PercentMismatch {
    /// Words between a part and its whole (`sur`, `out of`).
    joiners: Vec<String>,
    /// What links the whole to the percentage (`soit`, `(`), folded.
    percent_links: Vec<String>,
    /// Extra relative tolerance granted to the percentage.
    #[serde(deserialize_with = "decimal")]
    tolerance: Decimal,
}

impl Check for PercentMismatch {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

fn check(params: &PercentMismatch, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let joiners = folded(&params.joiners);
    let tolerance = params.tolerance;
    for (d, doc) in corpus.docs.iter().enumerate() {
        let text = doc.text.as_str();
        let range = corpus.doc_claims[d].clone();
        for p in range.clone() {
            let cp = &corpus.claims[p];
            if cp.fig.kind != Kind::Percent || !usable(cp) || cp.fig.qualifier.is_some() {
                continue;
            }
            let Some(pct) = cp.fig.value else { continue };
            // "X sur Y, soit Z %" / "X of Y (Z%)": the two counts just
            // before the percentage, in its sentence.
            if p < range.start + 2 {
                continue;
            }
            let (a, b) = (p - 2, p - 1);
            let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
            if ca.sentence != cp.sentence || cb.sentence != cp.sentence {
                continue;
            }
            if !usable(ca)
                || !usable(cb)
                || ca.fig.qualifier.is_some()
                || cb.fig.qualifier.is_some()
            {
                continue;
            }
            if ca.fig.kind != Kind::Count || cb.fig.kind != Kind::Count {
                continue;
            }
            let (Some(x), Some(y)) = (ca.fig.value, cb.fig.value) else {
                continue;
            };
            if y <= Decimal::ZERO || x > y {
                continue;
            }
            if ca.fig.end > cb.fig.start {
                continue;
            }
            // "30 sur 120", "30 députés sur 120", "30 of 120".
            let gap_ab = folded_slice(text, ca.fig.end, cb.fig.start);
            let gap_ab = gap_ab.trim();
            let joined = gap_ab.len() <= 32
                && !gap_ab.contains([',', '.', ';', '(', ')'])
                && joiners
                    .iter()
                    .any(|j| gap_ab == j || gap_ab.ends_with(&format!(" {j}")));
            if !joined {
                continue;
            }
            let gap_bp = folded_slice(
                text,
                cb.fig.entity.map_or(cb.fig.end, |(_, e)| e.max(cb.fig.end)),
                cp.fig.start,
            );
            let gap_bp = gap_bp.trim();
            let linked = params
                .percent_links
                .iter()
                .any(|l| gap_bp == l || gap_bp.trim_start_matches(',').trim() == l);
            if !linked {
                continue;
            }
            let ratio = x * Decimal::ONE_HUNDRED / y;
            // "Neuf sur dix (91 %)": a fraction with a small whole is itself
            // a rounding, worth half a step of 1/Y.
            let fraction_slack = if y <= Decimal::from(10) {
                Decimal::from(50) / y
            } else {
                Decimal::ZERO
            };
            let slack = half_unit(cp.fig.decimals) + pct.abs() * tolerance + fraction_slack;
            if (ratio - pct).abs() <= slack {
                continue;
            }
            let (ta, tb, tp) = (ca.fig.text(text), cb.fig.text(text), cp.fig.text(text));
            out.push(Finding::at_claim(
                corpus,
                rule,
                format!(
                    "`{tp}` does not match `{ta}` out of `{tb}`, which is {} %",
                    ratio.round_dp(1).normalize()
                ),
                vec![p, a, b],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC305");
    }

    #[test]
    fn a_percentage_in_brackets_is_linked() {
        assert_eq!(
            crate::rules::rule_tests::messages(
                "FC305",
                &["Elle a gagné 30 sièges sur 120 (40 %) et 30 sur 120 soit 25 %."],
                crate::model::Lang::new("fr"),
                None
            ),
            ["`40 %` does not match `30` out of `120`, which is 25 %"]
        );
    }
}
