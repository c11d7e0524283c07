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
//! Only documents that tell the same story are compared: they must share a
//! few names (`min_shared_names`), so that an archive of unrelated articles
//! does not compare the death toll of one accident with another's.
//!
//! **Example.** `trois soldats américains ont été tués` in one source and
//! `la mort de cinq soldats américains` in another, same year: conflict.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{Finding, RuleDef};
use crate::claims::{Claim, Corpus, Relation};
use crate::config::Config;
use crate::lexicon::QualifierShape;

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

/// True when the interval is closed on both sides.
fn bounded(b: &Bounds) -> bool {
    b.low.is_some() && b.high.is_some()
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

/// Claims worth comparing: checkable, well formed, and specific (a count
/// of "people" says something checkable only with what happened to them).
fn usable(c: &Claim, cfg: &Config) -> bool {
    c.checkable()
        && c.fig.debris.is_none()
        && !c.fig.ambiguous
        && !c.fig.bad_grouping
        && !(c.role.is_none()
            && c.measure
                .is_some_and(|m| cfg.meanings.generic.get(m as usize) == Some(&true)))
}

/// For a pair of documents: the first pair of claims found (disagreeing for
/// conflicts, agreeing for corroboration), and whether they agree anywhere.
type PairState = (Option<(usize, usize)>, bool);

/// Most later claims each claim is compared with (the nearest in time):
/// this keeps the check linear in the number of claims, however many
/// documents state the same key.
const NEIGHBOURS: usize = 8;

pub fn check(
    corpus: &Corpus,
    cfg: &Config,
    rule: &RuleDef,
    out: &mut Vec<Finding>,
    agreement: bool,
) {
    let tolerance = rule.decimal("tolerance", Decimal::ZERO);
    // How sure the match of two claims must be (see `claims::Relation`).
    let min_relation = match rule.params.get("min_relation").and_then(|v| v.as_str()) {
        Some("weak") => Relation::Weak,
        _ => Relation::Strong,
    };
    // Two documents are compared only when they tell the same story: they
    // share at least this many names (places, people, organisations).
    let min_names = rule
        .params
        .get("min_shared_names")
        .and_then(|v| v.as_integer())
        .unwrap_or(3)
        .max(0) as usize;
    for (key, members) in corpus.buckets(&cfg.meanings) {
        // Usable claims, in time order (unknown periods first, compared only
        // when weak matches are allowed).
        let mut cs: Vec<usize> = members
            .into_iter()
            .filter(|&i| usable(&corpus.claims[i], cfg))
            .filter(|&i| min_relation == Relation::Weak || corpus.claims[i].period.is_some())
            .collect();
        if cs.len() < 2 {
            continue;
        }
        cs.sort_by_key(|&i| (corpus.claims[i].period, i));
        // Per pair of documents: the first disagreeing (or agreeing) pair of
        // claims, and whether the two documents agree anywhere on this key.
        let mut pairs: BTreeMap<(u32, u32), PairState> = BTreeMap::new();
        for (x, &a) in cs.iter().enumerate() {
            let ca = &corpus.claims[a];
            let mut compared = 0;
            for &b in &cs[x + 1..] {
                if compared == NEIGHBOURS {
                    break;
                }
                let cb = &corpus.claims[b];
                if let (Some(pa), Some(pb)) = (ca.period, cb.period) {
                    if pb.start > pa.end {
                        break;
                    }
                }
                if ca.doc == cb.doc || !corpus.related(ca.doc, cb.doc, min_names) {
                    continue;
                }
                compared += 1;
                if ca.relation(cb, &cfg.meanings) < min_relation {
                    continue;
                }
                // The same sentence in two documents is one source copied
                // (a wire story reprinted), not two sources.
                let sa = &corpus.doc_of(ca).text[ca.sentence.0..ca.sentence.1];
                let sb = &corpus.doc_of(cb).text[cb.sentence.0..cb.sentence.1];
                if sa == sb {
                    continue;
                }
                let (ba, bb) = (bounds(ca, cfg, tolerance), bounds(cb, cfg, tolerance));
                let agree = overlap(&ba, &bb);
                // Corroboration needs the same (or overlapping) places, and
                // figures that say
                // something: "plus de 50.000" backs any larger toll, which
                // proves nothing, unless both say the same.
                let same_places = ca.places == cb.places
                    || (!ca.places.is_empty()
                        && !cb.places.is_empty()
                        && cfg.meanings.places_overlap(&ca.places, &cb.places));
                if agreement
                    && (!same_places
                        || !(bounded(&ba) && bounded(&bb)
                            || (ca.fig.value, ca.fig.qualifier)
                                == (cb.fig.value, cb.fig.qualifier)))
                {
                    continue;
                }
                let (first, second) = if ca.doc < cb.doc { (a, b) } else { (b, a) };
                let entry = pairs
                    .entry((ca.doc.min(cb.doc), ca.doc.max(cb.doc)))
                    .or_insert((None, false));
                entry.1 |= agree;
                if agree == agreement && entry.0.is_none() {
                    entry.0 = Some((first, second));
                }
            }
        }
        for (_, (found, agree_somewhere)) in pairs {
            // Sources that agree somewhere on this key are not in conflict.
            if !agreement && agree_somewhere {
                continue;
            }
            let Some((a, b)) = found else { continue };
            let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
            let mut what = cfg.meanings.describe(&key);
            let places = if ca.places.is_empty() {
                &cb.places
            } else {
                &ca.places
            };
            if !places.is_empty() {
                what.push_str(&format!(", in {}", cfg.meanings.places_name(places)));
            }
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
