//! Two passes per document. Subsets: a total, a marker of `subset_markers`
//! right after its noun, then parts joined by `part_joiners`; reports parts
//! whose sum exceeds the total. Breakdowns: a sentence of totals for no
//! place, then up to `window_sentences` sentences of the same quantities
//! per place; reports sums that do not hold, with the re-assignment of one
//! place's figures that makes every sum exact when there is one.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::support::interval::{bounds, usable, written_unit, Bounds};
use serde::Deserialize;

use super::support::params::count;
use super::{Check, ClaimRef, Context, Finding, RuleDef};
use crate::claims::structure::Breakdown;
use crate::claims::{Claim, Corpus};
use crate::lexicon::QualifierShape;
use crate::model::Kind;

/// What a figure of a breakdown counts: a role for people (killed,
/// arrested, whatever the noun), or a measure (operations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Slot {
    Role(u16),
    Measure(u16),
}

fn exact(c: &Claim) -> Option<Decimal> {
    (c.fig.low().is_none() && c.fig.high().is_none())
        .then_some(c.fig.value())
        .flatten()
}

fn slot(cx: &Context, c: &Claim) -> Option<Slot> {
    if c.fig.kind != Kind::Count || !usable(c) || c.fig.qualifier.is_some() {
        return None;
    }
    exact(c)?;
    // Measures too generic to compare (countries, days, populations) are
    // no parts of a total either.
    if c.measure()
        .is_some_and(|m| cx.meanings.comparable.get(m as usize) == Some(&false))
    {
        return None;
    }
    let people = |m: u16| cx.meanings.people.get(m as usize) == Some(&true);
    // What the noun counts decides: people are slotted by what happened to
    // them (the claim's measure may already be "deaths" or "arrests").
    match (c.role(), c.counted().or(c.measure())) {
        (Some(r), None) => Some(Slot::Role(r)),
        (Some(r), Some(m)) if people(m) => Some(Slot::Role(r)),
        (None, Some(m)) if !people(m) => Some(Slot::Measure(c.measure()?)),
        _ => None,
    }
}

fn slot_name(cx: &Context, s: Slot) -> String {
    match s {
        Slot::Role(r) => cx.meanings.roles.name(r).to_string(),
        Slot::Measure(m) => cx.meanings.measures.name(m).to_string(),
    }
}

/// The claims of one document, grouped by sentence, in order.
fn sentences(corpus: &Corpus, d: usize) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut last = None;
    for i in corpus.doc_claims[d].clone() {
        let s = corpus.claims[i].sentence();
        if last != Some(s) {
            out.push(Vec::new());
            last = Some(s);
        }
        out.last_mut().unwrap().push(i);
    }
    out
}

/// One slot per figure; a slot named twice in the group is dropped.
fn by_slot(cx: &Context, corpus: &Corpus, claims: &[usize]) -> BTreeMap<Slot, usize> {
    let mut m: BTreeMap<Slot, Option<usize>> = BTreeMap::new();
    for &i in claims {
        if let Some(s) = slot(cx, &corpus.claims[i]) {
            m.entry(s).and_modify(|v| *v = None).or_insert(Some(i));
        }
    }
    m.into_iter().filter_map(|(k, v)| Some((k, v?))).collect()
}

/// Every permutation of `0..n` (n is small: the figures of one sentence).
fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for p in permutations(n - 1) {
        for k in 0..=p.len() {
            let mut q = p.clone();
            q.insert(k, n - 1);
            out.push(q);
        }
    }
    out
}

fn val(corpus: &Corpus, i: usize) -> Decimal {
    exact(&corpus.claims[i]).unwrap_or_default()
}

fn across_sentences(
    corpus: &Corpus,
    cx: &Context,
    rule: &RuleDef,
    d: usize,
    window: usize,
    out: &mut Vec<Finding>,
) {
    let text = corpus.docs[d].text.as_str();
    let sents = sentences(corpus, d);
    let mut s = 0;
    while s < sents.len() {
        let totals: BTreeMap<Slot, usize> = by_slot(cx, corpus, &sents[s])
            .into_iter()
            .filter(|(_, i)| corpus.claims[*i].place().is_none())
            .collect();
        if totals.is_empty() {
            s += 1;
            continue;
        }
        let year = corpus.claims[*totals.values().next().unwrap()].year();
        // The groups: following sentences whose figures all name one place.
        let mut groups: Vec<(u16, BTreeMap<Slot, usize>)> = Vec::new();
        let mut last = s;
        for (j, sent) in sents.iter().enumerate().skip(s + 1).take(window) {
            let g = by_slot(cx, corpus, sent);
            if g.is_empty() {
                continue;
            }
            let places: Vec<Option<u16>> = g.values().map(|&i| corpus.claims[i].place()).collect();
            let Some(Some(p)) = places.first().copied() else {
                break;
            };
            if places.iter().any(|&q| q != Some(p))
                || groups.iter().any(|(q, _)| *q == p)
                || g.values().any(|&i| corpus.claims[i].year() != year)
            {
                break;
            }
            groups.push((p, g));
            last = j;
        }
        if groups.len() < 2 {
            s += 1;
            continue;
        }
        // In the order the totals are written.
        let mut slots: Vec<Slot> = totals
            .keys()
            .copied()
            .filter(|k| groups.iter().all(|(_, g)| g.contains_key(k)))
            .collect();
        slots.sort_by_key(|k| totals[k]);
        if slots.is_empty() {
            s = last + 1;
            continue;
        }
        let total_of = |k: &Slot| val(corpus, totals[k]);
        let sum_of = |k: &Slot, gs: &[(u16, BTreeMap<Slot, usize>)]| -> Decimal {
            gs.iter().map(|(_, g)| val(corpus, g[k])).sum()
        };
        let wrong: Vec<&Slot> = slots
            .iter()
            .filter(|k| sum_of(k, &groups) != total_of(k))
            .collect();
        if wrong.is_empty() {
            s = last + 1;
            continue;
        }
        // A re-assignment of one group's figures that makes every sum hold.
        let mut swap = None;
        'groups: for (gi, (_, g)) in groups.iter().enumerate() {
            if slots.len() > 6 {
                break;
            }
            let figs: Vec<usize> = slots.iter().map(|k| g[k]).collect();
            for p in permutations(figs.len()) {
                if p.iter().enumerate().all(|(x, &y)| x == y) {
                    continue;
                }
                let ok = slots.iter().enumerate().all(|(x, k)| {
                    let others: Decimal = groups
                        .iter()
                        .enumerate()
                        .filter(|(o, _)| *o != gi)
                        .map(|(_, (_, og))| val(corpus, og[k]))
                        .sum();
                    others + val(corpus, figs[p[x]]) == total_of(k)
                });
                if ok {
                    swap = Some((gi, p));
                    break 'groups;
                }
            }
        }
        let exceeds = wrong.iter().any(|k| sum_of(k, &groups) > total_of(k));
        // One quantity only, no re-assignment that makes the sum hold, and
        // a part larger than the total alone: the first sentence states no
        // total (the figures of one match, then of the others).
        let alone = slots.len() == 1
            && slots
                .iter()
                .any(|k| groups.iter().any(|(_, g)| val(corpus, g[k]) > total_of(k)));
        if swap.is_none() && alone {
            s = last + 1;
            continue;
        }
        let partly = slots.len() >= 2 && wrong.len() < slots.len();
        if swap.is_none() && !exceeds && !partly {
            s = last + 1;
            continue;
        }
        let sums: Vec<String> = wrong
            .iter()
            .map(|k| {
                let parts: Vec<String> =
                    groups.iter().map(|(_, g)| text_of(corpus, g[k])).collect();
                format!(
                    "{}: {} = {} ≠ {}",
                    slot_name(cx, **k),
                    parts.join(" + "),
                    sum_of(k, &groups).normalize(),
                    text_of(corpus, totals[k])
                )
            })
            .collect();
        let mut message = format!(
            "the parts do not add up to their totals ({})",
            sums.join("; ")
        );
        let primary = match &swap {
            Some((gi, p)) => {
                let (place, g) = &groups[*gi];
                let figs: Vec<usize> = slots.iter().map(|k| g[k]).collect();
                let reading: Vec<String> = slots
                    .iter()
                    .enumerate()
                    .map(|(x, k)| format!("{} {}", text_of(corpus, figs[p[x]]), slot_name(cx, *k)))
                    .collect();
                // The sentence named by its opening words ("En Irak").
                let first = corpus.claims[figs.iter().copied().min().unwrap()].clone();
                let lead = text
                    .get(first.sentence().0..first.fig.start())
                    .unwrap_or("")
                    .trim()
                    .trim_end_matches([',', ':'])
                    .trim();
                let name = if !lead.is_empty() && lead.chars().count() <= 40 {
                    format!("`{lead}, …`")
                } else {
                    format!("the sentence on {}", cx.meanings.places.name(*place))
                };
                message.push_str(&format!(
                    "; reading {name} as {} makes every sum exact",
                    join_and(&reading)
                ));
                figs[0].min(*figs.iter().min().unwrap())
            }
            None => groups[0].1[wrong[0]],
        };
        let mut claims: Vec<ClaimRef> = vec![primary];
        for k in &slots {
            for i in std::iter::once(totals[k]).chain(groups.iter().map(|(_, g)| g[k])) {
                if !claims.contains(&i) {
                    claims.push(i);
                }
            }
        }
        out.push(Finding::at_claim(corpus, rule, message, claims));
        s = last + 1;
    }
}

fn text_of(corpus: &Corpus, i: usize) -> String {
    let c = &corpus.claims[i];
    let f = &c.fig;
    corpus.doc_of(c).text[f.num_start()..f.num_end()].to_string()
}

fn join_and(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// The breakdowns of the sentence's structure with two parts or more:
/// parts that exceed their total, and the parts of a complete breakdown
/// ("soit", "for a total of") that do not add up to it.
fn subsets(corpus: &Corpus, cx: &Context, rule: &RuleDef, d: usize, out: &mut Vec<Finding>) {
    let text = corpus.docs[d].text.as_str();
    for b in cx.breakdowns(d) {
        if b.parts.len() < 2 {
            continue;
        }
        if let Some((message, claims)) = verdict(corpus, cx, text, b) {
            out.push(Finding::at_claim(corpus, rule, message, claims));
        }
    }
}

/// A sum written in the total's terms: with its scale word ("8
/// milliards"), or its percent sign.
fn sum_text(sum: Decimal, total: &crate::model::Figure, text: &str) -> String {
    if total.kind == Kind::Percent {
        return format!("{} %", sum.normalize());
    }
    if total.scale > Decimal::ONE {
        // The scale word closes the number as written ("7 milliards").
        let word = text[total.num_start()..total.num_end()]
            .split_whitespace()
            .last()
            .unwrap_or("");
        if !word.is_empty() && word.chars().all(char::is_alphabetic) {
            return format!("{} {word}", (sum / total.scale).normalize());
        }
    }
    sum.normalize().to_string()
}

/// A figure of the parts' kind stands before the first part or after the
/// last in the sentence: the list read may have lost some of its items, so
/// a sum that falls short of the total proves nothing.
fn other_items(corpus: &Corpus, b: &Breakdown) -> bool {
    let first = &corpus.claims[b.parts[0]];
    let last = b.parts[b.parts.len() - 1];
    let d = first.doc as usize;
    corpus.doc_claims[d]
        .clone()
        .filter(|&i| i < b.parts[0] || i > last)
        .filter(|&i| i != b.total)
        .any(|i| {
            let c = &corpus.claims[i];
            c.sentence() == first.sentence()
                && c.fig.kind == first.fig.kind
                && c.fig.unit == first.fig.unit
        })
}

/// The half-unit a round total may stand for when its parts are written
/// more precisely: half the unit of its last written digit with a scale
/// word ("7 milliards (6,4 milliards … et 600 millions …)"), or of its
/// last non-zero digit when it ends in three zeros or more ("les 40 000
/// acquéreurs (28 805 … et 11 715 …)").
fn rounding(total: &crate::model::Figure, parts: &[Decimal]) -> Decimal {
    if total.value().is_none() {
        return Decimal::ZERO;
    }
    let unit = match written_unit(total) {
        Some(u) if total.scale > Decimal::ONE || u >= Decimal::from(1000) => u,
        _ => return Decimal::ZERO,
    };
    if parts.iter().any(|p| !(p / unit).fract().is_zero()) {
        unit / Decimal::TWO
    } else {
        Decimal::ZERO
    }
}

/// The interval of a total. An approximation stays within a unit of its
/// last written digit: "about 28" is 27 to 29 (a writer who meant 30 would
/// have said "about 30"), "environ 2.500" 2.400 to 2.600, "about 30" keeps
/// its qualifier's width when narrower.
fn approximate(ct: &Claim, cx: &Context, value: Decimal) -> Bounds {
    let mut b = bounds(ct, cx.lexicon, Decimal::ZERO);
    let approx = ct
        .fig
        .qualifier
        .and_then(|q| cx.lexicon.qualifiers.get(q as usize))
        .is_some_and(|q| matches!(q.shape, QualifierShape::Approx { .. }));
    if !approx || value <= Decimal::ZERO {
        return b;
    }
    let Some(unit) = written_unit(&ct.fig) else {
        return b;
    };
    b.high = b.high.map(|(h, s)| (h.min(value + unit), s));
    b.low = b.low.map(|(l, s)| (l.max(value - unit), s));
    b
}

/// The message and claims of a breakdown that does not hold: its parts
/// exceed the total, or (when the text states their sum) do not reach it.
/// Breakdowns that are likely misread give none: parts that all count
/// one other noun than the total's ("four schools (15 and 24 pupils)"),
/// a part more than twice the total, shares or amounts as large as their
/// total (values of subgroups, not parts).
pub(crate) fn verdict(
    corpus: &Corpus,
    cx: &Context,
    text: &str,
    b: &Breakdown,
) -> Option<(String, Vec<ClaimRef>)> {
    let ct = &corpus.claims[b.total];
    let total_value = ct.fig.value()?;
    let total = approximate(ct, cx, total_value);
    let mut lows = Vec::new();
    let mut highs = Vec::new();
    // A part stands for its value as the total does (the rounding of a
    // round total is its slack below); a qualified part, or one written
    // with decimals and a scale word ("$42.5 million", rounded to a tenth),
    // for its interval.
    for (&i, &f) in b.parts.iter().zip(&b.factors) {
        let c = &corpus.claims[i];
        let plain = c.fig.qualifier.is_none()
            && c.fig.low().is_none()
            && c.fig.high().is_none()
            && !(c.fig.scale > Decimal::ONE && c.fig.decimals > 0);
        match (plain, c.fig.value()) {
            (true, Some(v)) => {
                lows.push(v * f);
                highs.push(Some(v * f));
            }
            _ => {
                let pb = bounds(c, cx.lexicon, Decimal::ZERO);
                lows.push(pb.low?.0 * f);
                highs.push(pb.high.map(|(h, _)| h * f));
            }
        }
    }
    let values: Vec<Decimal> = b
        .parts
        .iter()
        .zip(&b.factors)
        .map(|(&i, &f)| corpus.claims[i].fig.value().unwrap_or_default() * f)
        .collect();
    let whole_sum: Decimal = values.iter().copied().sum();
    // A part more than twice the total, or parts tied by punctuation
    // alone that exceed it by more than half again: the sentence is more
    // likely misread than the figures wrong (a slip of one figure moves
    // the sum by less).
    if values.iter().any(|&v| v > total_value * Decimal::TWO) {
        return None;
    }
    if b.punctuated() && whole_sum * Decimal::TWO > total_value * Decimal::from(3) {
        return None;
    }
    let sum: Decimal = lows.iter().copied().sum();
    let slack = rounding(&ct.fig, &values);
    // An exact total stands for itself, give or take its rounding; a
    // qualified one for its interval.
    let exact = ct.fig.qualifier.is_none() && ct.fig.low().is_none() && ct.fig.high().is_none();
    let high = if exact {
        Some(total_value + slack)
    } else {
        total.high.map(|(h, _)| h)
    };
    let written: Vec<String> = b
        .parts
        .iter()
        .map(|&i| format!("`{}`", corpus.claims[i].fig.text(text)))
        .collect();
    let shown = ct.fig.text(text);
    let phrase = ct
        .fig
        .entity()
        .filter(|&(s, _)| s >= ct.fig.end())
        .map(|(_, e)| text[ct.fig.start()..e].to_string())
        .unwrap_or_else(|| shown.to_string());
    let why = b.why(text);
    let exceeds = high.is_some_and(|h| sum > h);
    let message = if exceeds {
        if b.parts.len() == 1 {
            format!(
                "the part {} is larger than its whole `{shown}` (read as a part of `{phrase}` because of {why})",
                written[0]
            )
        } else {
            format!(
                "the parts {} add up to {}, more than their total `{shown}` (read as a breakdown of `{phrase}` because of {why})",
                written.join(" + "),
                sum_text(whole_sum, &ct.fig, text)
            )
        }
    } else if b.complete() && b.parts.len() >= 2 && !other_items(corpus, b) {
        let low = if exact {
            total_value - slack
        } else {
            total.low.map(|(l, _)| l)?
        };
        // Parts that fall short by half the total or more: the reading
        // lost parts, or took a year or a rank for the total.
        let reached = highs.iter().copied().sum::<Option<Decimal>>()?;
        if reached >= low || reached * Decimal::TWO < low {
            return None;
        }
        format!(
            "the parts {} add up to {}, not to the total `{shown}` stated by {why}",
            written.join(" + "),
            sum_text(whole_sum, &ct.fig, text)
        )
    } else {
        return None;
    };
    let mut claims = vec![b.total];
    claims.extend(b.parts.iter().copied());
    Some((message, claims))
}

/// Parameters. The words of a breakdown (markers, joiners, blockers) are
/// each language's `[structure]` data, read with the sentence's structure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct PartsTotal {
    /// How many sentences after the totals a breakdown may run.
    #[serde(deserialize_with = "count")]
    window_sentences: usize,
}

impl Default for PartsTotal {
    fn default() -> Self {
        PartsTotal {
            window_sentences: 4,
        }
    }
}

impl Check for PartsTotal {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

fn check(p: &PartsTotal, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let window = p.window_sentences;
    for d in cx.doc_range() {
        subsets(corpus, cx, rule, d, out);
        across_sentences(corpus, cx, rule, d, window, out);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC302");
    }

    #[test]
    fn permutations_of_three() {
        assert_eq!(super::permutations(3).len(), 6);
    }

    #[test]
    fn parts_joined_by_a_joiner_are_summed() {
        assert_eq!(
            crate::rules::rule_tests::messages(
                "FC302",
                &["Il y a eu 45 blessés, dont 30 enfants ainsi que 20 femmes."],
                crate::model::Lang::new("fr"),
                None
            ),
            ["the parts `30` + `20` add up to 50, more than their total `45` (read as a breakdown of `45 blessés` because of `dont`)"]
        );
    }
}
