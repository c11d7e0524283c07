//! FC201 source-conflict and FC202 corroborated: the same quantity stated
//! by two sources.
//!
//! **What it catches.** Two documents state a quantity with the same key
//! (measure, role, side, place; see [`crate::claims::Key`]) for the same
//! period. When the intervals they state cannot both hold, FC201 reports a
//! conflict with both spans; when they overlap, FC202 reports that the
//! figure is corroborated.
//!
//! **Why it matters.** A fact-checker's first question about a figure is
//! whether another source gives the same one. Qualifiers are honoured
//! (`environ 2.000` agrees with `1 950`, `plus de 250` does not agree with
//! `200`), and so is the rounding a scale word implies (`2,5 millions`
//! agrees with `2 480 000`).
//!
//! **Example.** `trois soldats américains ont été tués` in one source and
//! `la mort de cinq soldats américains` in another, same year: conflict.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::calendar::{find_phrase, folded, folded_slice};
use super::story::{names_of, Stories, StoryParams};
use super::{Finding, RuleDef};
use crate::claims::{Claim, Corpus, Relation};
use crate::config::Config;
use crate::lexicon::{fold, QualifierShape};
use crate::model::DateParts;

/// Most pairs compared within one key: beyond it, each document is compared
/// by its first claim only, which keeps the check linear.
const MAX_PAIRS: usize = 4096;

/// An interval with open or closed ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub low: Option<(Decimal, bool)>,
    pub high: Option<(Decimal, bool)>,
}

/// The interval a claim states, widened by the rounding its scale word
/// implies and by `tolerance` (relative).
pub fn bounds(c: &Claim, cfg: &Config, tolerance: Decimal) -> Bounds {
    let f = &c.fig;
    let (lo, hi) = f.interval();
    let strict = f
        .qualifier
        .map(|q| &cfg.lexicon.qualifiers[q as usize].shape);
    let (lo_strict, hi_strict) = match strict {
        Some(QualifierShape::Lower { strict }) => (*strict, false),
        Some(QualifierShape::Upper { strict }) => (false, *strict),
        _ => (false, false),
    };
    // "2,5 millions": the last written digit is worth 100 000, so the text
    // says 2 450 000 to 2 550 000.
    let half_step = if f.scale > Decimal::ONE {
        let mut step = f.scale;
        for _ in 0..f.decimals {
            step /= Decimal::TEN;
        }
        step / Decimal::TWO
    } else {
        Decimal::ZERO
    };
    let exact = f.low.is_none() && f.high.is_none();
    let widen = |v: Decimal, down: bool| -> Decimal {
        let t = v.abs() * tolerance + if exact { half_step } else { Decimal::ZERO };
        if down {
            v - t
        } else {
            v + t
        }
    };
    Bounds {
        low: lo.map(|v| (widen(v, true), lo_strict)),
        high: hi.map(|v| (widen(v, false), hi_strict)),
    }
}

/// True when some value lies in both intervals.
pub fn overlap(a: &Bounds, b: &Bounds) -> bool {
    let low = match (a.low, b.low) {
        (Some(x), Some(y)) => Some(if x.0 > y.0 || (x.0 == y.0 && x.1) {
            x
        } else {
            y
        }),
        (x, None) => x,
        (None, y) => y,
    };
    let high = match (a.high, b.high) {
        (Some(x), Some(y)) => Some(if x.0 < y.0 || (x.0 == y.0 && x.1) {
            x
        } else {
            y
        }),
        (x, None) => x,
        (None, y) => y,
    };
    match (low, high) {
        (Some(l), Some(h)) => l.0 < h.0 || (l.0 == h.0 && !l.1 && !h.1),
        _ => true,
    }
}

pub fn usable(c: &Claim) -> bool {
    c.repeat_of.is_none() && c.fig.debris.is_none() && !c.fig.ambiguous && !c.fig.bad_grouping
}

/// True when one of `words` (folded) stands just before the figure or just
/// after its counted noun: `2.000 nouveaux morts`, `692 décès
/// supplémentaires`, `dont 250 décès` (an increment or a part, not the
/// quantity itself).
pub fn near_words(text: &str, c: &Claim, words: &[String]) -> bool {
    if words.is_empty() {
        return false;
    }
    let before = folded_slice(
        text,
        c.fig.start.saturating_sub(20).max(c.sentence.0),
        c.fig.start,
    );
    let from = c.fig.end.max(c.fig.entity.map_or(0, |(_, e)| e));
    let to = (from + 16).min(c.sentence.1).max(from);
    let after = folded_slice(text, from, to);
    words
        .iter()
        .any(|w| find_phrase(&before, w).is_some() || find_phrase(&after, w).is_some())
}

/// Days and weekdays a sentence names: (month, day) pairs and weekday
/// numbers.
fn moments(corpus: &Corpus, cfg: &Config, c: &Claim) -> (Vec<(u32, u32)>, Vec<u32>) {
    let doc = corpus.doc_of(c);
    let mut days = Vec::new();
    for i in corpus.doc_claims[c.doc as usize].clone() {
        let o = &corpus.claims[i];
        if o.sentence != c.sentence {
            continue;
        }
        if let Some(DateParts {
            month: Some(m),
            day: Some(d),
            ..
        }) = o.fig.date
        {
            days.push((m, d));
        }
    }
    let sentence = folded_slice(&doc.text, c.sentence.0, c.sentence.1);
    let mut weekdays: Vec<u32> = sentence
        .split(|ch: char| !ch.is_alphanumeric())
        .filter_map(|w| cfg.lexicon.weekday(w))
        .collect();
    weekdays.sort_unstable();
    weekdays.dedup();
    (days, weekdays)
}

/// True when the sentences of two claims may speak of the same moment:
/// when both name days (or weekdays), they name a common one. Running
/// tallies ("mardi, 8 décès"; "mercredi, 9 décès") are not a conflict.
pub fn same_moment(corpus: &Corpus, cfg: &Config, a: &Claim, b: &Claim) -> bool {
    let (da, wa) = moments(corpus, cfg, a);
    let (db, wb) = moments(corpus, cfg, b);
    let disjoint = |x: &[(u32, u32)], y: &[(u32, u32)]| {
        !x.is_empty() && !y.is_empty() && !x.iter().any(|p| y.contains(p))
    };
    let disjoint_w =
        |x: &[u32], y: &[u32]| !x.is_empty() && !y.is_empty() && !x.iter().any(|p| y.contains(p));
    !disjoint(&da, &db) && !disjoint_w(&wa, &wb)
}

/// How many proper names the sentences of two claims share.
pub fn shared_sentence_names(corpus: &Corpus, a: &Claim, b: &Claim) -> usize {
    let ta = &corpus.doc_of(a).text[a.sentence.0..a.sentence.1];
    let tb = &corpus.doc_of(b).text[b.sentence.0..b.sentence.1];
    let na = names_of(ta);
    let mut nb = names_of(tb);
    nb.sort();
    nb.dedup();
    let mut na = na;
    na.sort();
    na.dedup();
    na.iter().filter(|n| nb.binary_search(n).is_ok()).count()
}

/// The claim-level conditions for comparing two claims of different
/// documents: same period and moment, neither an increment or part, and,
/// in a large corpus, sentences that share a name.
pub fn comparable(
    corpus: &Corpus,
    cfg: &Config,
    stories: &Stories,
    p: &StoryParams,
    skip: &[String],
    a: &Claim,
    b: &Claim,
) -> bool {
    // Places and periods must not contradict (see `claims::Relation`), and
    // the match must be as sure as the rule asks.
    if a.relation(b, &cfg.meanings) < p.min_relation || !same_moment(corpus, cfg, a, b) {
        return false;
    }
    if near_words(&corpus.doc_of(a).text, a, skip) || near_words(&corpus.doc_of(b).text, b, skip) {
        return false;
    }
    if !stories.is_large(p) {
        return true;
    }
    // Vague collectives ("des milliers") and figures of a list (a ranking
    // of countries, where each place is hard to pin to its figure) are not
    // compared across unrelated articles.
    let in_list = |c: &Claim| {
        corpus.doc_claims[c.doc as usize]
            .clone()
            .filter(|&i| {
                let o = &corpus.claims[i];
                o.sentence == c.sentence && o.measure == c.measure
            })
            .count()
            >= 3
    };
    // In an archive, two figures left to the time of writing are running
    // tallies of different days more often than one quantity: the text must
    // say when.
    (!p.place_required || a.place.is_some() && b.place.is_some())
        && a.period_stated
        && b.period_stated
        && a.fig.value.is_some()
        && b.fig.value.is_some()
        && !in_list(a)
        && !in_list(b)
        && shared_sentence_names(corpus, a, b) >= p.min_sentence_names
}

/// The story parameters of a rule that compares sources: how many rare
/// names two documents must share, how many days apart their publication
/// dates may be, and below how many documents the corpus is one story.
/// True when two claims stand in sentences worded alike: sentences of at
/// least eight words that share at least 80% of them (figures left out).
pub fn same_wording(corpus: &Corpus, a: &Claim, b: &Claim) -> bool {
    let words = |c: &Claim| -> Vec<String> {
        let t = &corpus.doc_of(c).text[c.sentence.0..c.sentence.1];
        let mut v: Vec<String> = t
            .split(|ch: char| !ch.is_alphabetic())
            .filter(|w| w.len() > 1)
            .map(fold)
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let (wa, wb) = (words(a), words(b));
    if wa.len() < 8 || wb.len() < 8 {
        return false;
    }
    let shared = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
    shared * 10 >= wa.len().max(wb.len()) * 8
}

pub fn story_params(rule: &RuleDef) -> StoryParams {
    let int = |k: &str, dflt: i64| -> i64 {
        rule.decimal(k, Decimal::from(dflt))
            .try_into()
            .unwrap_or(dflt)
    };
    StoryParams {
        min_shared: int("min_shared_names", 2).max(0) as usize,
        max_days: int("max_days_apart", 7),
        small_corpus: int("one_story_below", 50).max(0) as usize,
        min_sentence_names: int("min_shared_sentence_names", 1).max(0) as usize,
        place_required: rule.flag("large_corpus_needs_place", true),
        min_relation: match rule.params.get("min_relation").and_then(|v| v.as_str()) {
            Some("strong") => Relation::Strong,
            _ => Relation::Weak,
        },
    }
}

pub fn check(
    corpus: &Corpus,
    cfg: &Config,
    rule: &RuleDef,
    stories: &Stories,
    out: &mut Vec<Finding>,
    agreement: bool,
) {
    let tolerance = rule.decimal("tolerance", Decimal::ZERO);
    let story = story_params(rule);
    let skip = folded(&rule.strings("skip_words"));
    for (key, members) in corpus.buckets(&cfg.meanings) {
        // Claims of this key per document, in order.
        let mut per_doc: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for &i in &members {
            let c = &corpus.claims[i];
            if usable(c) {
                per_doc.entry(c.doc).or_default().push(i);
            }
        }
        if per_doc.len() < 2 {
            continue;
        }
        let total: usize = per_doc.values().map(|v| v.len()).sum();
        if total * total > MAX_PAIRS {
            for v in per_doc.values_mut() {
                v.truncate(1);
            }
        }
        let ids: Vec<u32> = per_doc.keys().copied().collect();
        for (da, db) in stories.pairs(&ids, &story) {
            let (a_claims, b_claims) = (&per_doc[&da], &per_doc[&db]);
            {
                // One finding per pair of documents and key: the first pair
                // of claims that disagrees (or agrees, for corroboration).
                let mut found = None;
                'pairs: for &a in a_claims {
                    for &b in b_claims {
                        let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
                        if !comparable(corpus, cfg, stories, &story, &skip, ca, cb) {
                            continue;
                        }
                        // The same sentence with other figures is an update of
                        // one wire story (a tally at another hour), not a
                        // second source; the same sentence with the same
                        // figures is a copy, which corroborates nothing.
                        if same_wording(corpus, ca, cb) {
                            continue;
                        }
                        let agree =
                            overlap(&bounds(ca, cfg, tolerance), &bounds(cb, cfg, tolerance));
                        if agree == agreement {
                            found = Some((a, b));
                            break 'pairs;
                        }
                        if !agreement && agree {
                            // These two sources agree on this key somewhere:
                            // no conflict to report for the pair.
                            found = None;
                            break 'pairs;
                        }
                    }
                }
                if let Some((a, b)) = found {
                    let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
                    let what = cfg.meanings.describe(&key);
                    let ta = ca.fig.text(&corpus.doc_of(ca).text);
                    let tb = cb.fig.text(&corpus.doc_of(cb).text);
                    let (da, db) = (&corpus.doc_of(ca).id, &corpus.doc_of(cb).id);
                    let message = if agreement {
                        format!("`{ta}` ({what}) is corroborated by {db}: `{tb}`")
                    } else {
                        format!("`{ta}` ({what}) in {da} conflicts with `{tb}` in {db}")
                    };
                    out.push(Finding::at_claim(corpus, rule, message, vec![a, b]));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(l: Option<(i64, bool)>, h: Option<(i64, bool)>) -> Bounds {
        Bounds {
            low: l.map(|(v, s)| (Decimal::from(v), s)),
            high: h.map(|(v, s)| (Decimal::from(v), s)),
        }
    }

    #[test]
    fn overlap_honours_open_and_strict_bounds() {
        // plus de 250 vs 300: agree; vs 200: no; vs 250: no (strict).
        let more_than_250 = b(Some((250, true)), None);
        assert!(overlap(
            &more_than_250,
            &b(Some((300, false)), Some((300, false)))
        ));
        assert!(!overlap(
            &more_than_250,
            &b(Some((200, false)), Some((200, false)))
        ));
        assert!(!overlap(
            &more_than_250,
            &b(Some((250, false)), Some((250, false)))
        ));
        // about 2000 = [1800, 2200] vs 1950: agree.
        assert!(overlap(
            &b(Some((1800, false)), Some((2200, false))),
            &b(Some((1950, false)), Some((1950, false)))
        ));
        // at least 40 vs at most 40: agree at 40.
        assert!(overlap(
            &b(Some((40, false)), None),
            &b(None, Some((40, false)))
        ));
    }
}
