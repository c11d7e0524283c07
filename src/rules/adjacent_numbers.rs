//! Compares each pair of consecutive bare digit figures of a document: when
//! only spaces separate them, nothing marks them as a list, a score, a
//! phone number, a model name or an engine size, and something shows they
//! were meant as one figure (a decimal part, a split grouping, a unit in
//! capitals after), reports the pair.

use serde::Deserialize;

use super::{Check, Context, Finding, RuleDef};
use crate::model::{Figure, Kind, Written};

fn bare(f: &Figure) -> bool {
    f.written == Written::Digits
        && !matches!(
            f.kind,
            Kind::Date | Kind::Time | Kind::Identifier | Kind::Phone | Kind::Ordinal
        )
        && f.debris.is_none()
}

/// Parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct AdjacentNumbers {
    /// Words after which numbers are names or codes, not figures.
    skip_after: Vec<String>,
}

impl Check for AdjacentNumbers {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

fn check(p: &AdjacentNumbers, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let skip_after: Vec<String> = p
        .skip_after
        .iter()
        .map(|w| crate::lexicon::fold(w))
        .collect();
    for (d, doc) in corpus.docs.iter().enumerate() {
        let text = doc.text.as_str();
        let range = corpus.doc_claims[d].clone();
        for i in range.clone().skip(1) {
            let (a, b) = (&corpus.claims[i - 1].fig, &corpus.claims[i].fig);
            if !bare(a) || !bare(b) || a.end > b.start {
                continue;
            }
            // Nothing may stand after the first number (unit, scale,
            // counted noun) or before the second (qualifier, currency).
            if a.end != a.num_end || b.start != b.num_start || a.unit.is_some() {
                continue;
            }
            if a.scale != rust_decimal::Decimal::ONE || a.entity.is_some() {
                continue;
            }
            let gap = &text[a.end..b.start];
            if gap.is_empty()
                || !gap
                    .chars()
                    .all(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
            {
                continue;
            }
            // Scores and pairs joined by a dash ("13-21 9-21", "a 1–1 2019
            // qualifier"): the first number ends such a pair.
            if text[..a.start].ends_with(['-', '–', '—'])
                || text[a.end..].trim_start().is_empty()
                || text[b.end..].starts_with(['-', '–', '—'])
            {
                continue;
            }
            // A sign glued to the second number ("10 -5") is a list of
            // values, not one figure.
            if text[b.num_start..].starts_with(['-', '+', '−']) {
                continue;
            }
            // Model names and codes: "Porsche 911 2.4", "BMW 507 3.2",
            // "Type 290 2-door": the word before is a name or a word of
            // `skip_after`; engine sizes ("2.4", one digit each side).
            let prev = text[..a.start]
                .trim_end()
                .rsplit(|c: char| !(c.is_alphanumeric() || c == '°'))
                .next()
                .unwrap_or("");
            let name_before = prev.chars().next().is_some_and(|c| c.is_uppercase())
                || skip_after.contains(&crate::lexicon::fold(prev));
            let glued_before = text[..a.start]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, ':' | '/' | '-' | '(' | '+'));
            let engine = {
                let w = &text[b.num_start..b.num_end];
                w.len() == 3 && w.as_bytes()[1] == b'.'
            };
            // Phone numbers and codes in groups of two: "0800 06 66 66".
            let pairs = a.num_end - a.num_start <= 2
                && b.num_end - b.num_start <= 2
                && text[b.num_end..].starts_with([' ', '\u{a0}'])
                && text[b.num_end..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit());
            // The end of such a run: a number just before the first one.
            let run_before = text[..a.start]
                .strip_suffix([' ', '\u{a0}'])
                .is_some_and(|t| t.ends_with(|c: char| c.is_ascii_digit()));
            let pairs = pairs || run_before && a.num_end - a.num_start <= 2;
            let after_b = text[b.end..].chars().next();
            if name_before || glued_before || engine || pairs || after_b == Some('-') {
                continue;
            }
            // Evidence that the two were meant as one figure: a decimal
            // part ("73.9 838"), a grouping split apart ("1 50 000"), or
            // a unit written in capitals right after ("838 1000 IOPS").
            // Without it, two numbers side by side are mostly a list, a
            // score, a phone number or a name ("Tel: 2677 7778").
            let b_text = &text[b.num_start..b.num_end];
            let decimal = (a.decimals > 0 || b.decimals > 0) && b_text.is_ascii();
            let split_grouping = b_text.contains([' ', '\u{a0}', '\u{202f}', '.', ','])
                && b_text
                    .split([' ', '\u{a0}', '\u{202f}', '.', ','])
                    .next()
                    .is_some_and(|g| g.len() < 3);
            let unit_after = {
                let next: String = text[b.end..]
                    .trim_start_matches([' ', '\u{a0}'])
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                next.chars().count() >= 2 && next.chars().all(|c| c.is_uppercase())
            };
            if !(decimal || split_grouping || unit_after) {
                continue;
            }
            let written = &text[a.num_start..b.num_end];
            out.push(Finding::at_span(
                rule,
                d as u32,
                (a.num_start, b.num_end),
                format!(
                    "malformed value `{written}`: two numbers stand side by side and no convention reads them as one figure"
                ),
                vec![i - 1, i],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC102");
    }
}
