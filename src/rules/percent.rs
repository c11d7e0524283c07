//! FC106 impossible-percentage: a share of a whole above 100 % or below
//! zero.
//!
//! **What it catches.** A percentage that states a part of a group of
//! people or votes (`105 % des votants`, `120% of respondents`,
//! `-3 % des voix`): no part is larger than its whole. Changes and ratios
//! may exceed 100 % and are left alone: a sentence that speaks of a rise,
//! a fall or a change before the figure (`hausse de 150 %`, `up 200%`),
//! and shares of things that can be exceeded (`120 % du PIB`, `130 % de
//! la capacité`) do not fire; the wholes that cannot be exceeded and the
//! words of change are rule parameters.
//!
//! **Why it matters.** A share above 100 % is a typo (`10,5 %` printed
//! `105 %`), a change mistaken for a level, or a sum of overlapping
//! categories; in all three the reader is misinformed.
//!
//! **Example.** `Le oui l'emporte avec 105 % des suffrages exprimés`
//! fires; `Le oui l'emporte avec 52 % des suffrages exprimés` does not.

use rust_decimal::Decimal;

use super::support::text::{find_phrase, folded, folded_slice};
use super::{Finding, RuleDef};
use crate::claims::Corpus;
use crate::config::Config;
use crate::extract::context::skip_spaces;
use crate::lexicon::fold;
use crate::model::Kind;

pub fn check(corpus: &Corpus, cfg: &Config, rule: &RuleDef, out: &mut Vec<Finding>) {
    let max = rule.decimal("max", Decimal::ONE_HUNDRED);
    let mut links = folded(&rule.strings("links"));
    links.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let wholes = folded(&rule.strings("wholes"));
    let change = folded(&rule.strings("change_words"));
    for (d, doc) in corpus.docs.iter().enumerate() {
        let text = doc.text.as_str();
        for i in corpus.doc_claims[d].clone() {
            let c = &corpus.claims[i];
            let f = &c.fig;
            if f.kind != Kind::Percent || c.repeat_of.is_some() {
                continue;
            }
            let Some(v) = f.value else { continue };
            if v <= max && v >= Decimal::ZERO {
                continue;
            }
            // "105 % des votants": a link word, then a whole that cannot
            // be exceeded.
            let after_start = skip_spaces(text, f.end);
            let mut after_end = (after_start + 48).min(c.sentence.1.max(after_start));
            while !text.is_char_boundary(after_end) {
                after_end -= 1;
            }
            let after = fold(&text[after_start..after_end]);
            let Some(rest) = links.iter().find_map(|l| {
                after
                    .strip_prefix(l.as_str())
                    .filter(|r| l.ends_with('\'') || r.starts_with(' '))
                    .map(|r| r.trim_start())
            }) else {
                continue;
            };
            let noun: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-')
                .collect();
            let people = cfg
                .meanings
                .measure_of(&noun)
                .is_some_and(|m| cfg.meanings.people.get(m as usize) == Some(&true));
            let whole = wholes
                .iter()
                .any(|w| noun == *w || noun.strip_suffix('s').is_some_and(|n| n == w));
            if !(people || whole) {
                continue;
            }
            // A change or a ratio before the figure in its sentence.
            let before = folded_slice(text, c.sentence.0, f.start);
            if change.iter().any(|w| find_phrase(&before, w).is_some()) {
                continue;
            }
            if text[f.start..f.num_start.max(f.start)].contains('+') {
                continue;
            }
            let written = f.text(text);
            let what = if v < Decimal::ZERO {
                "below zero"
            } else {
                "above 100 %"
            };
            out.push(Finding::at_span(
                rule,
                d as u32,
                (f.start, f.end),
                format!("impossible percentage `{written}`: a share of {noun} cannot be {what}"),
                vec![i],
            ));
        }
    }
}
