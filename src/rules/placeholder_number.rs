//! Finds the placeholder tokens of the debris lexicon (and the rule's own
//! `tokens`) in each document, merges repeated ones, and reports each run:
//! at the figure whose debris holds it, or at the word it is glued into.

use std::collections::BTreeMap;

use memchr::memmem;

use serde::Deserialize;

use super::{Check, Context, Finding, RuleDef};

/// The most characters a placeholder glued into a word is extended by, on
/// each side, to show the word.
const WORD: usize = 64;

/// Parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct PlaceholderNumber {
    /// Placeholders to find besides those of the debris lexicon.
    tokens: Vec<String>,
}

impl Check for PlaceholderNumber {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

fn check(p: &PlaceholderNumber, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let mut tokens: Vec<String> = cx.lexicon.debris.clone();
    tokens.extend(p.tokens.iter().cloned());
    // Longest first, so "XNUMX" is found before a shorter token inside it.
    tokens.sort_by_key(|t| std::cmp::Reverse(t.len()));
    tokens.dedup();
    for (d, doc) in cx.docs() {
        let text = doc.text.as_str();
        let claims = corpus.doc_claims[d].clone();
        // Kept hits by start; they never overlap, so a new hit overlaps one
        // only if it overlaps the last kept hit starting before its end.
        let mut kept: BTreeMap<usize, usize> = BTreeMap::new();
        for t in &tokens {
            for s in memmem::find_iter(text.as_bytes(), t.as_bytes()) {
                let e = s + t.len();
                if kept.range(..e).next_back().is_none_or(|(_, &he)| he <= s) {
                    kept.insert(s, e);
                }
            }
        }
        let hits: Vec<(usize, usize)> = kept.into_iter().collect();
        // Debris attached to figures, by start: a debris span is the one
        // word after a figure, so these never overlap either.
        let mut debris: Vec<(usize, usize, usize)> = claims
            .clone()
            .filter_map(|i| corpus.claims[i].fig.debris().map(|(s, e)| (s, e, i)))
            .collect();
        debris.sort();
        // Merge runs of repeated placeholders ("XNUMX XNUMX").
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (s, e) in hits {
            if let Some(last) = merged.last_mut() {
                if text[last.1..s].trim().is_empty() && s - last.1 <= 2 {
                    last.1 = e;
                    continue;
                }
            }
            merged.push((s, e));
        }
        for (s, e) in merged {
            // The token glued into a word: extend to the whole word.
            // At most WORD characters either way: a run of letters longer
            // than any word must not make each hit in it cost its length.
            let mut ws = s;
            for c in text[..s].chars().rev().take(WORD) {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    ws -= c.len_utf8();
                } else {
                    break;
                }
            }
            let mut we = e;
            for c in text[e..].chars().take(WORD) {
                if c.is_alphanumeric() || c == '%' {
                    we += c.len_utf8();
                } else {
                    break;
                }
            }
            // The figure whose debris holds the hit: the debris starting
            // last at or before it (the first figure, if several).
            let upto = debris.partition_point(|&(ds, _, _)| ds <= s);
            let fig = upto.checked_sub(1).and_then(|k| {
                let ds = debris[k].0;
                debris[..upto]
                    .iter()
                    .rev()
                    .take_while(|d| d.0 == ds)
                    .filter(|d| e <= d.1)
                    .map(|d| d.2)
                    .min()
            });
            let token = &text[s..e];
            let (message, claim_refs, span) = match fig {
                Some(i) => {
                    let f = &corpus.claims[i].fig;
                    let span = (f.num_start(), f.end().max(we));
                    let written = &text[span.0..span.1];
                    (
                        format!(
                            "malformed value `{written}`: the placeholder {token} stands next to the number, so the figure printed is incomplete"
                        ),
                        vec![i],
                        span,
                    )
                }
                None => (
                    format!(
                        "placeholder {token} where a number should be (`{}`)",
                        &text[ws..we]
                    ),
                    Vec::new(),
                    (ws, we),
                ),
            };
            out.push(Finding::at_span(rule, d as u32, span, message, claim_refs));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC101");
    }

    #[test]
    fn placeholders_are_still_caught() {
        let m = crate::rules::rule_tests::messages(
            "FC101",
            &["Quelque XNUMX personnes ont manifesté, soit 2 500 XNUMX de plus."],
            crate::model::Lang::new("fr"),
            None,
        );
        assert_eq!(m.len(), 2, "{m:?}");
    }
}
