//! Two passes per document. Subsets: a total, a marker of `subset_markers`
//! right after its noun, then parts joined by `part_joiners`; reports parts
//! whose sum exceeds the total. Breakdowns: a sentence of totals for no
//! place, then up to `window_sentences` sentences of the same quantities
//! per place; reports sums that do not hold, with the re-assignment of one
//! place's figures that makes every sum exact when there is one.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::support::interval::{bounds, usable};
use super::support::text::{folded, folded_slice};
use serde::Deserialize;

use super::support::params::count;
use super::{Check, ClaimRef, Context, Finding, RuleDef};
use crate::claims::{Claim, Corpus};
use crate::model::Kind;

/// What a figure of a breakdown counts: a role for people (killed,
/// arrested, whatever the noun), or a measure (operations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Slot {
    Role(u16),
    Measure(u16),
}

fn exact(c: &Claim) -> Option<Decimal> {
    (c.fig.low.is_none() && c.fig.high.is_none())
        .then_some(c.fig.value)
        .flatten()
}

fn slot(cx: &Context, c: &Claim) -> Option<Slot> {
    if c.fig.kind != Kind::Count || !usable(c) || c.fig.qualifier.is_some() {
        return None;
    }
    exact(c)?;
    // Measures too generic to compare (countries, days, populations) are
    // no parts of a total either.
    if c.measure
        .is_some_and(|m| cx.meanings.comparable.get(m as usize) == Some(&false))
    {
        return None;
    }
    let people = |m: u16| cx.meanings.people.get(m as usize) == Some(&true);
    // What the noun counts decides: people are slotted by what happened to
    // them (the claim's measure may already be "deaths" or "arrests").
    match (c.role, c.counted.or(c.measure)) {
        (Some(r), None) => Some(Slot::Role(r)),
        (Some(r), Some(m)) if people(m) => Some(Slot::Role(r)),
        (None, Some(m)) if !people(m) => Some(Slot::Measure(c.measure?)),
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
        let s = corpus.claims[i].sentence;
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

fn breakdowns(
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
            .filter(|(_, i)| corpus.claims[*i].place.is_none())
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
            let places: Vec<Option<u16>> = g.values().map(|&i| corpus.claims[i].place).collect();
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
                let lead = text[first.sentence.0..first.fig.start]
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
    corpus.doc_of(c).text[f.num_start..f.num_end].to_string()
}

fn join_and(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        n => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// "45 blessés, dont 30 enfants et 20 femmes": the parts after a subset
/// marker may not exceed the total. The marker must follow the total's
/// noun directly and the first part the marker ("dont la production…" is a
/// relative clause, not a subset); further parts are joined by a comma or
/// `et`/`and` only, and a part with another role ends the list ("45 tués,
/// dont trois Français, et une centaine blessés").
fn subsets(
    corpus: &Corpus,
    cx: &Context,
    rule: &RuleDef,
    d: usize,
    markers: &[String],
    joiners: &[String],
    out: &mut Vec<Finding>,
) {
    let text = corpus.docs[d].text.as_str();
    let range = corpus.doc_claims[d].clone();
    let end_of = |c: &Claim| c.fig.entity.map_or(c.fig.end, |(_, e)| e.max(c.fig.end));
    for t in range.clone() {
        let ct = &corpus.claims[t];
        if !usable(ct) || !matches!(ct.fig.kind, Kind::Count | Kind::Money) {
            continue;
        }
        // A total with its noun or unit, and a value (not "des centaines").
        if ct.fig.value.is_none() || (ct.fig.entity.is_none() && ct.fig.unit.is_none()) {
            continue;
        }
        // A collective ("une quinzaine de sites") is rarely the whole a
        // subset refers to.
        if ct.fig.qualifier.is_none() && (ct.fig.low.is_some() || ct.fig.high.is_some()) {
            continue;
        }
        let Some((high, _)) = bounds(ct, cx.lexicon, Decimal::ZERO).high else {
            continue;
        };
        if t + 1 >= range.end {
            continue;
        }
        let first = &corpus.claims[t + 1];
        if first.sentence != ct.sentence {
            continue;
        }
        let from = end_of(ct);
        if from > first.fig.start {
            continue;
        }
        let gap = folded_slice(text, from, first.fig.start);
        let gap = gap.trim().trim_start_matches(',').trim();
        // The marker, maybe after one word ("45 people injured, including").
        let Some(m) = markers.iter().find(|m| {
            gap.strip_suffix(m.as_str()).is_some_and(|head| {
                let head = head.trim().trim_end_matches(',').trim();
                head.split_whitespace().count() <= 1 && !head.contains(|c: char| c.is_ascii_digit())
            })
        }) else {
            continue;
        };
        let mut parts = Vec::new();
        let mut sum = Decimal::ZERO;
        let mut k = t + 1;
        let mut prev_end = from;
        while k < range.end {
            let p = &corpus.claims[k];
            if p.sentence != ct.sentence || p.fig.kind != ct.fig.kind || p.fig.unit != ct.fig.unit {
                break;
            }
            if k > t + 1 {
                let between = folded_slice(text, prev_end, p.fig.start);
                if !joiners.iter().any(|j| j == between.trim()) {
                    break;
                }
            }
            if ct.role.is_some() && p.role.is_some() && p.role != ct.role {
                break;
            }
            // The parts count what the total counts: "des deux côtés, dont
            // 20 soldats" is no subset.
            let people = |m: Option<u16>| {
                m.is_some_and(|m| cx.meanings.people.get(m as usize) == Some(&true))
            };
            match (ct.measure, p.measure) {
                (None, Some(_)) => break,
                (Some(a), Some(b)) if a != b && !(people(Some(a)) && people(Some(b))) => break,
                _ => {}
            }
            let low = match p.fig.interval() {
                (Some(l), _) => l,
                _ => break,
            };
            if !usable(p) {
                break;
            }
            sum += low;
            parts.push(k);
            prev_end = end_of(p);
            k += 1;
        }
        if parts.is_empty() || sum <= high {
            continue;
        }
        let written: Vec<String> = parts
            .iter()
            .map(|&i| corpus.claims[i].fig.text(text).to_string())
            .collect();
        let message = format!(
            "the parts after `{m}` ({} = {}) exceed their total `{}`",
            written.join(" + "),
            sum.normalize(),
            ct.fig.text(text)
        );
        let mut claims = vec![t];
        claims.extend(parts);
        out.push(Finding::at_claim(corpus, rule, message, claims));
    }
}

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct PartsTotal {
    /// Words that introduce the parts of a total (`dont`, `including`).
    subset_markers: Vec<String>,
    /// What may stand between two parts (`,`, `et`, `and`), as written.
    part_joiners: Vec<String>,
    /// How many sentences after the totals a breakdown may run.
    #[serde(deserialize_with = "count")]
    window_sentences: usize,
}

impl Default for PartsTotal {
    fn default() -> Self {
        PartsTotal {
            subset_markers: Vec::new(),
            part_joiners: Vec::new(),
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
    let markers = folded(&p.subset_markers);
    let window = p.window_sentences;
    for d in 0..corpus.docs.len() {
        subsets(corpus, cx, rule, d, &markers, &p.part_joiners, out);
        breakdowns(corpus, cx, rule, d, window, out);
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
            ["the parts after `dont` (30 + 20 = 50) exceed their total `45`"]
        );
    }
}
