//! Finds, per document, the first figure showing each convention (decimal
//! point or comma, points or commas between thousands), skipping names and
//! versions; then reports each figure written against the document's
//! language while the document also uses the language's own mark, and each
//! ambiguous figure the document's other figures contradict.

use super::support::text::{find_phrase, folded, folded_slice};
use serde::Deserialize;

use super::{Check, Context, Finding, RuleDef};
use crate::model::Evidence;
use crate::model::Kind;

fn describe(e: Evidence) -> &'static str {
    match e {
        Evidence::DotDecimal => "a decimal point",
        Evidence::CommaDecimal => "a decimal comma",
        Evidence::DotGroup => "points between thousands",
        Evidence::CommaGroup => "commas between thousands",
        _ => "another convention",
    }
}

/// Parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct MixedSeparators {
    /// Numbers that are names, never cited as a document's convention.
    name_numbers: Vec<String>,
    /// Words after which a number is a version or a name.
    skip_after: Vec<String>,
}

impl Check for MixedSeparators {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

fn check(p: &MixedSeparators, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let skip_after = folded(&p.skip_after);
    for (d, doc) in corpus.docs.iter().enumerate() {
        let text = doc.text.as_str();
        let skipped = |i: usize| {
            let f = &corpus.claims[i].fig;
            if !f.kind.is_quantity() || f.kind == Kind::Date {
                return true;
            }
            // An address or a version goes on with more groups
            // ("192.168.1.1"): not a figure of the document's convention.
            let rest = &text.as_bytes()[f.num_end..];
            if rest.len() > 1 && matches!(rest[0], b'.' | b',') && rest[1].is_ascii_digit() {
                return true;
            }
            let before = folded_slice(text, f.num_start.saturating_sub(24), f.num_start);
            let before = before.trim_end();
            skip_after
                .iter()
                .any(|w| before.ends_with(w.as_str()) && find_phrase(before, w).is_some())
        };
        let range = corpus.doc_claims[d].clone();
        // Evidence worth citing: not a name such as "49.3" or "Web 2.0",
        // nor a fraction of zeros ("40.0000", a typo more than a decimal).
        let names = folded(&p.name_numbers);
        let first = |e: Evidence| {
            range.clone().find(|&i| {
                let f = &corpus.claims[i].fig;
                let w = &text[f.num_start..f.num_end];
                let decimal = matches!(e, Evidence::DotDecimal | Evidence::CommaDecimal);
                let zeros = decimal
                    && w.rsplit(['.', ','])
                        .next()
                        .is_some_and(|fr| fr.bytes().all(|b| b == b'0'));
                f.evidence == e && !skipped(i) && !zeros && !names.iter().any(|n| n == w)
            })
        };
        let (dot_dec, comma_dec, dot_grp, comma_grp) = (
            first(Evidence::DotDecimal),
            first(Evidence::CommaDecimal),
            first(Evidence::DotGroup),
            first(Evidence::CommaGroup),
        );
        // The marks that go against the language, when the document also
        // uses the language's own.
        let (foreign_dec, native_dec, foreign_grp, native_grp) =
            match cx.lexicon.conventions(doc.lang).decimal_point() {
                true => (
                    Evidence::CommaDecimal,
                    dot_dec,
                    Evidence::DotGroup,
                    comma_grp,
                ),
                false => (
                    Evidence::DotDecimal,
                    comma_dec,
                    Evidence::CommaGroup,
                    dot_grp,
                ),
            };
        for i in range.clone() {
            let c = &corpus.claims[i];
            let f = &c.fig;
            if c.repeat_of.is_some() || skipped(i) {
                continue;
            }
            let written = &text[f.num_start..f.num_end];
            let msg_other = |o: usize| {
                let of = &corpus.claims[o].fig;
                (&text[of.num_start..of.num_end], describe(of.evidence))
            };
            if f.ambiguous {
                let other = match f.evidence {
                    Evidence::AmbiguousDot if f.decimals == 0 => dot_dec.or(comma_grp),
                    Evidence::AmbiguousDot => dot_grp.or(comma_dec),
                    Evidence::AmbiguousComma if f.decimals == 0 => comma_dec.or(dot_grp),
                    Evidence::AmbiguousComma => comma_grp.or(dot_dec),
                    _ => None,
                };
                let Some(o) = other else { continue };
                let (ow, od) = msg_other(o);
                let value = f
                    .value
                    .map(|v| v.normalize().to_string())
                    .unwrap_or_default();
                out.push(Finding::at_span(
                    rule,
                    d as u32,
                    (f.num_start, f.num_end),
                    format!(
                        "ambiguous value `{written}`: read as {value}, but this document writes `{ow}` with {od}, so it may mean something else"
                    ),
                    vec![i, o],
                ));
                continue;
            }
            let other = if f.evidence == foreign_dec {
                native_dec
            } else if f.evidence == foreign_grp {
                native_grp
            } else {
                None
            };
            let Some(o) = other else { continue };
            let (ow, od) = msg_other(o);
            out.push(Finding::at_span(
                rule,
                d as u32,
                (f.num_start, f.num_end),
                format!(
                    "`{written}` is written with {}, but this document writes `{ow}` with {od}",
                    describe(f.evidence)
                ),
                vec![i, o],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC104");
    }
}
