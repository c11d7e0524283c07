//! A percentage stated with its part and its whole, in any of the common
//! orders, that is not the ratio of the two:
//!
//! - part and whole, then the percentage: `30 sur 120, soit 40 %`,
//!   `30 des 120 députés (40 %)`, `30 of the 120 schools (25%)`, `30/120
//!   (25%)`, or a proportion read as one figure (`30 out of 120 people, or
//!   40 percent`); a few words about the whole may stand before a bracket
//!   (`122 des 138 lots présentés (89 %)`);
//! - the percentage, then part and whole in brackets: `40 % (30 sur 120)`,
//!   also after a few words (`92.25% of the village were Serbs
//!   (131/142)`);
//! - the percentage of the whole, then the part: `40 % des 120 élus, soit 30`.
//!
//! Part and whole are joined by a word of `joiners` (`sur`, `of the`, `/`);
//! the figures are linked only by punctuation and words of `percent_links`
//! (`soit`, `or`, `(`). A percentage that names another whole after it (`40 %
//! des votants` when the counts are seats) or a comparison (`other_after`:
//! `40 % de plus`) is of something else; a qualifier on any figure makes it
//! approximate. The percentage may differ from the ratio by half a unit of its
//! last digit, `tolerance` (relative), and half a step of 1/Y for a whole of
//! ten or less.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::support::interval::usable;
use super::support::params::{decimal, Prepared};
use super::support::signed::signed;
use super::support::text::{folded, folded_slice, whole_after};
use super::{Check, Context, Finding, RuleDef};
use crate::claims::{Claim, Corpus};
use crate::model::Kind;

/// The most words about a whole between it and a bracketed percentage.
const WORDS_BEFORE_BRACKET: usize = 4;

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
    /// Words between a part and its whole (`sur`, `out of`, `/`).
    joiners: Vec<String>,
    /// Words inside a proportion read as one figure (`sur`, `out of`, `in`):
    /// `30 sur 120`, not a named fraction (`deux tiers`).
    proportion_links: Vec<String>,
    /// Words between a percentage and the whole it is of (`des`, `of the`):
    /// `40 % des 120 élus`.
    whole_links: Vec<String>,
    /// What links the counts and the percentage besides punctuation
    /// (`soit`, `or`).
    percent_links: Vec<String>,
    /// Words right after a percentage that make it a comparison, not a
    /// share (`de plus`, `more`).
    other_after: Vec<String>,
    /// Words that introduce a whole stated before its part, at the start of
    /// a clause (`sur les`, `of the`): `sur les 120 députés, 30 (25 %)`.
    whole_intros: Vec<String>,
    /// Extra relative tolerance granted to the percentage.
    #[serde(deserialize_with = "decimal")]
    tolerance: Decimal,
    /// Made once from the parameters above ([`Prepared`]).
    #[serde(skip)]
    prepared: Prepared<Words>,
}

impl Check for PercentMismatch {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

/// The word lists, folded, longest first.
struct Words {
    joiners: Vec<String>,
    proportion_links: Vec<String>,
    whole_links: Vec<String>,
    links: Vec<String>,
    other_after: Vec<String>,
    whole_intros: Vec<String>,
}

fn longest_first(mut v: Vec<String>) -> Vec<String> {
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v
}

/// A part and its whole as the text states them: two counts, or one
/// proportion (`30 sur 120`).
struct Ratio {
    /// The percentage the part is of the whole.
    percent: Decimal,
    /// The whole when it is ten or less (a rounding in itself).
    small_whole: Option<Decimal>,
    /// How the message names it.
    said: String,
    /// The claims, part first.
    claims: Vec<usize>,
}

/// True when `gap` holds only punctuation and words of `links`, with at
/// least one of them.
fn only_links(gap: &str, links: &[String]) -> bool {
    let mut rest = gap.trim();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix([',', '(', ':', '\u{2013}', '\u{2014}']) {
            rest = r.trim_start();
            continue;
        }
        let Some(r) = links.iter().find_map(|l| {
            rest.strip_prefix(l.as_str())
                .filter(|r| !r.starts_with(char::is_alphanumeric))
        }) else {
            return false;
        };
        rest = r.trim_start();
    }
    true
}

/// True when `gap` is a few words describing the figure before it, then an
/// opening bracket (`lots présentés (`, `punches thrown (`).
fn described(gap: &str, max_words: usize) -> bool {
    let Some(words) = gap.trim_end().strip_suffix('(') else {
        return false;
    };
    words
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '\'' || c == '-')
        && words.split_whitespace().count() <= max_words
}

/// Where the words about a figure end: after its counted noun, if any.
fn end_of(c: &Claim) -> usize {
    c.fig
        .entity()
        .map_or(c.fig.end(), |(_, e)| e.max(c.fig.end()))
}

/// A figure stated exactly, as a level: no qualifier, no change, no sign.
fn plain(text: &str, c: &Claim) -> bool {
    usable(c) && c.fig.qualifier.is_none() && !c.delta() && !signed(text, c)
}

/// `a` and `b` are part and whole joined by a joiner: `30 sur 120`, `30
/// députés sur les 120`, `30 des 120`, `30/120`.
fn joined(text: &str, a: &Claim, b: &Claim, words: &Words) -> bool {
    if a.fig.end() > b.fig.start() {
        return false;
    }
    let gap = folded_slice(text, a.fig.end(), b.fig.start());
    let gap = gap.trim();
    // At most the counted noun and a word before the joiner ("30 députés
    // sur les 120"), not a clause ("18 of which coming from kills of 30").
    let before_joiner = |j: &str| {
        gap.strip_suffix(j)
            .map(str::trim_end)
            .filter(|r| r.is_empty() || gap.len() > r.len() && gap[r.len()..].starts_with(' '))
            .is_some_and(|r| r.split_whitespace().count() <= 2)
    };
    !gap.contains([',', '.', ';', '(', ')']) && words.joiners.iter().any(|j| before_joiner(j))
}

/// Two counts as part and whole.
fn counts(text: &str, a: &Claim, b: &Claim) -> Option<Ratio> {
    if a.fig.kind != Kind::Count || b.fig.kind != Kind::Count || !plain(text, a) || !plain(text, b)
    {
        return None;
    }
    let (x, y) = (a.fig.value()?, b.fig.value()?);
    if y <= Decimal::ZERO || x > y || x < Decimal::ZERO {
        return None;
    }
    Some(Ratio {
        percent: x * Decimal::ONE_HUNDRED / y,
        small_whole: (y <= Decimal::TEN).then_some(y),
        said: format!("`{}` out of `{}`", a.fig.text(text), b.fig.text(text)),
        claims: Vec::new(),
    })
}

/// A proportion written with a joiner (`30 sur 120`, `nine out of ten`), not
/// a named fraction (`deux tiers`, which writers round freely).
fn proportion(text: &str, f: &Claim, words: &Words) -> Option<Ratio> {
    if f.fig.kind != Kind::Fraction || !plain(text, f) {
        return None;
    }
    let v = f.fig.value()?;
    if v <= Decimal::ZERO || v > Decimal::ONE {
        return None;
    }
    let written = folded_slice(text, f.fig.num_start(), f.fig.num_end());
    let joiner = words.proportion_links.iter().find_map(|j| {
        written
            .find(&format!(" {j} "))
            .map(|k| (k, k + j.len() + 2))
    })?;
    // The whole: digits after the joiner, or a whole in words (small).
    let tail = &written[joiner.1..];
    let digits: String = tail.chars().filter(char::is_ascii_digit).collect();
    let grouped = tail
        .chars()
        .all(|c| c.is_ascii_digit() || " .,\u{a0}\u{202f}".contains(c));
    let small_whole = if !digits.is_empty() && grouped {
        let y: Decimal = digits.parse().ok()?;
        (y <= Decimal::TEN).then_some(y)
    } else {
        // Words: "neuf sur dix", "un Français sur deux"; the whole is the
        // smallest one the value allows.
        (1..=10)
            .map(Decimal::from)
            .find(|y| (v * y).fract().is_zero())
            .or(Some(Decimal::TEN))
    };
    Some(Ratio {
        percent: v * Decimal::ONE_HUNDRED,
        small_whole,
        said: format!("`{}`", f.fig.text(text)),
        claims: Vec::new(),
    })
}

/// The part and whole stated with the percentage at `p`, in one of the
/// orders the module lists.
fn ratio_for(corpus: &Corpus, text: &str, p: usize, words: &Words) -> Option<Ratio> {
    let range = corpus.doc_claims[corpus.claims[p].doc as usize].clone();
    let cp = &corpus.claims[p];
    let same = |k: usize| range.contains(&k) && corpus.claims[k].sentence() == cp.sentence();
    let c = |k: usize| &corpus.claims[k];
    let linked = |from: usize, to: usize| {
        from <= to && only_links(&folded_slice(text, from, to), &words.links)
    };
    // Part and whole before the percentage, maybe with a few words about
    // the whole before a bracket ("122 des 138 lots présentés (89 %)").
    let before_ok = |k: usize| {
        let from = end_of(c(k));
        linked(from, cp.fig.start())
            || (from <= cp.fig.start()
                && described(
                    &folded_slice(text, from, cp.fig.start()),
                    WORDS_BEFORE_BRACKET,
                ))
    };
    if p > range.start && same(p - 1) && before_ok(p - 1) {
        if let Some(mut r) = proportion(text, c(p - 1), words) {
            r.claims = vec![p - 1];
            return Some(r);
        }
        if p >= range.start + 2 && same(p - 2) && joined(text, c(p - 2), c(p - 1), words) {
            if let Some(mut r) = counts(text, c(p - 2), c(p - 1)) {
                r.claims = vec![p - 2, p - 1];
                return Some(r);
            }
        }
    }
    // Part and whole after it: "40 % (30 sur 120)", "40 %, soit 30 sur
    // 120", or in brackets closing after a few words about the share
    // ("92.25% of the village were Serbs (131/142)").
    let closes = |k: usize| same(k) && text[c(k).fig.end()..].trim_start().starts_with(')');
    let after_ok = |k: usize| {
        let to = c(k).fig.start();
        linked(cp.fig.end(), to)
            || (cp.fig.end() <= to
                && described(
                    &folded_slice(text, cp.fig.end(), to),
                    WORDS_BEFORE_BRACKET * 2,
                )
                && closes(k + usize::from(c(k).fig.kind == Kind::Count)))
    };
    if same(p + 1) && after_ok(p + 1) {
        if let Some(mut r) = proportion(text, c(p + 1), words) {
            r.claims = vec![p + 1];
            return Some(r);
        }
        if same(p + 2) && joined(text, c(p + 1), c(p + 2), words) {
            if let Some(mut r) = counts(text, c(p + 1), c(p + 2)) {
                r.claims = vec![p + 1, p + 2];
                return Some(r);
            }
        }
    }
    // The whole first, then the part and the percentage: "sur les 120
    // députés, 30 ont voté pour (40 %)", "of the 120 members, 30 (40%)".
    if p >= range.start + 2 && same(p - 2) && same(p - 1) && before_ok(p - 1) {
        let (b, a) = (c(p - 2), c(p - 1));
        let lead_from = text
            .get(cp.sentence().0..b.fig.start())
            .unwrap_or("")
            .rfind([',', ';', ':', '(', '.'])
            .map_or(cp.sentence().0, |k| cp.sentence().0 + k + 1);
        let lead = folded_slice(text, lead_from, b.fig.start());
        let introduced = words.whole_intros.iter().any(|w| {
            lead.trim_end()
                .strip_suffix(w.as_str())
                .is_some_and(|r| r.is_empty() || r.ends_with(' '))
        });
        let gap = folded_slice(text, end_of(b), a.fig.start());
        let then_part = gap
            .trim()
            .strip_prefix(',')
            .is_some_and(|r| r.trim().is_empty());
        if introduced && then_part {
            if let Some(mut r) = counts(text, a, b) {
                r.claims = vec![p - 1, p - 2];
                return Some(r);
            }
        }
    }
    // The percentage of a whole, then the part: "40 % des 120 élus, soit 30".
    if same(p + 2) && c(p + 1).fig.start() >= cp.fig.end() {
        let gap = folded_slice(text, cp.fig.end(), c(p + 1).fig.start());
        let of_whole = words.whole_links.iter().any(|l| gap.trim() == l);
        if of_whole && linked(end_of(c(p + 1)), c(p + 2).fig.start()) {
            if let Some(mut r) = counts(text, c(p + 2), c(p + 1)) {
                r.claims = vec![p + 2, p + 1];
                return Some(r);
            }
        }
    }
    None
}

fn check(params: &PercentMismatch, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let words = params.prepared.get(|| Words {
        joiners: longest_first(folded(&params.joiners)),
        proportion_links: longest_first(folded(&params.proportion_links)),
        whole_links: longest_first(folded(&params.whole_links)),
        links: longest_first(folded(&params.percent_links)),
        other_after: longest_first(folded(&params.other_after)),
        whole_intros: longest_first(folded(&params.whole_intros)),
    });
    let tolerance = params.tolerance;
    for (d, doc) in cx.docs() {
        let text = doc.text.as_str();
        for p in corpus.doc_claims[d].clone() {
            let cp = &corpus.claims[p];
            if cp.fig.kind != Kind::Percent || !plain(text, cp) {
                continue;
            }
            let Some(pct) = cp.fig.value() else { continue };
            let Some(r) = ratio_for(corpus, text, p, words) else {
                continue;
            };
            // What follows the percentage: a comparison ("40 % de plus"), or
            // a whole of its own that is not the counted one ("40 % des
            // votants" after seats).
            let after = folded_slice(text, cp.fig.end(), (cp.fig.end() + 40).min(cp.sentence().1));
            let after = after.trim_start();
            if words.other_after.iter().any(|w| {
                after.starts_with(w.as_str())
                    && !after[w.len()..].starts_with(char::is_alphanumeric)
            }) {
                continue;
            }
            let part_whole_after = r.claims.iter().any(|&k| k > p);
            if !part_whole_after {
                if let Some(noun) =
                    whole_after(text, cp.fig.end(), cp.sentence().1, 40, &words.whole_links)
                {
                    let counted: Vec<String> = r
                        .claims
                        .iter()
                        .filter_map(|&k| corpus.claims[k].fig.entity())
                        .map(|(s, e)| folded_slice(text, s, e))
                        .collect();
                    if !counted
                        .iter()
                        .any(|c| c.split_whitespace().next() == Some(&noun))
                    {
                        continue;
                    }
                }
            }
            // "Neuf sur dix (91 %)": a fraction with a small whole is itself
            // a rounding, worth half a step of 1/Y.
            let fraction_slack = r
                .small_whole
                .map_or(Decimal::ZERO, |y| Decimal::from(50) / y);
            let slack = half_unit(cp.fig.decimals) + pct.abs() * tolerance + fraction_slack;
            if (r.percent - pct).abs() <= slack {
                continue;
            }
            let mut claims = vec![p];
            claims.extend(&r.claims);
            out.push(Finding::at_claim(
                corpus,
                rule,
                format!(
                    "`{}` does not match {}, which is {} %",
                    cp.fig.text(text),
                    r.said,
                    r.percent.round_dp(1).normalize()
                ),
                claims,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::only_links;

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

    #[test]
    fn part_and_whole_in_any_order_name_the_figures() {
        assert_eq!(
            crate::rules::rule_tests::messages(
                "FC305",
                &[
                    "Au total, 40 % (30 sur 120) ont voté. Puis 40 % des 120 élus, soit 30, \
                     ont voté."
                ],
                crate::model::Lang::new("fr"),
                None
            ),
            [
                "`40 %` does not match `30 sur 120`, which is 25 %",
                "`40 %` does not match `30` out of `120`, which is 25 %"
            ]
        );
    }

    #[test]
    fn links_are_punctuation_and_link_words_only() {
        let links = vec!["soit".to_string(), "or".to_string()];
        assert!(only_links(", soit", &links));
        assert!(only_links("(", &links));
        assert!(only_links(", or", &links));
        assert!(!only_links(", soit une hausse de", &links));
        assert!(!only_links("", &links));
        assert!(!only_links(", order", &links));
    }
}
