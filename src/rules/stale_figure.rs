//! Reports a figure printed after its revision: one document gives a
//! revised or final count ("nouveau bilan", "revu à la hausse", "final
//! toll"), and a document of the same story published later still prints
//! a value the revision replaced, one that a document published no later
//! than the revision gave for the same count.
//!
//! The three claims must be of one quantity as FC201 reads it (same key,
//! place, period and moment, both placed and dated by their text; see
//! [`super::support::sources::why_not`]), the stale value must disagree
//! with the revised one and agree with the earlier one. A later document
//! that gives a revised count itself is a further revision, not a stale
//! copy.

use std::collections::BTreeMap;

use super::support::dates::published;
use super::support::interval::{bounds, overlap, usable};
use super::support::sources::{explain, settled, why_not, CompareParams, NotCompared};
use super::support::text::folded;
use super::{Check, Context, Finding, RuleDef};
use crate::claims::moment::Status;
use crate::claims::Claim;

/// Most claims of one key read per document.
const MAX_PER_DOC: usize = 8;

/// Parameters: see [`CompareParams`].
#[derive(Debug, Default, serde::Deserialize)]
#[serde(transparent)]
pub(crate) struct StaleFigure(CompareParams);

impl Check for StaleFigure {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        let p = &self.0;
        let corpus = cx.corpus;
        let story = p.story();
        let skip = folded(&p.skip_words);
        // Publication days, parsed once per document.
        let days: Vec<Option<i64>> = corpus
            .docs
            .iter()
            .map(|d| published(d).map(|x| x.days()))
            .collect();
        let day = |c: &Claim| days[c.doc as usize];
        let same = |a: &Claim, b: &Claim| {
            matches!(
                why_not(cx, &story, &skip, a, b),
                None | Some(NotCompared::Revision)
            )
        };
        let agree = |a: &Claim, b: &Claim| {
            overlap(
                &bounds(a, cx.lexicon, p.tolerance),
                &bounds(b, cx.lexicon, p.tolerance),
            )
        };
        for (key, members) in corpus.buckets(cx.meanings) {
            let mut per_doc: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
            for &i in &members {
                let c = &corpus.claims[i];
                if usable(c) && c.fig.value().is_some() && day(c).is_some() {
                    let v = per_doc.entry(c.doc).or_default();
                    if v.len() < MAX_PER_DOC {
                        v.push(i);
                    }
                }
            }
            if per_doc.len() < 2
                || !per_doc
                    .values()
                    .flatten()
                    .any(|&i| settled(&corpus.claims[i]))
            {
                continue;
            }
            let ids: Vec<u32> = per_doc.keys().copied().collect();
            let pairs: std::collections::HashSet<(u32, u32)> =
                cx.stories.pairs(&ids, &story).into_iter().collect();
            let told = |a: u32, b: u32| pairs.contains(&(a.min(b), a.max(b)));
            let mut reported: Vec<(u32, u32)> = Vec::new();
            for (&dr, rs) in &per_doc {
                for &r in rs {
                    let cr = &corpus.claims[r];
                    if !settled(cr) {
                        continue;
                    }
                    let when = day(cr).unwrap_or(i64::MIN);
                    for (&ds, ss) in &per_doc {
                        if ds == dr || !told(dr, ds) || reported.contains(&(dr, ds)) {
                            continue;
                        }
                        let found = ss.iter().copied().find(|&s| {
                            let cs = &corpus.claims[s];
                            if settled(cs) || day(cs).is_none_or(|d| d <= when) {
                                return false;
                            }
                            if !same(cr, cs) || agree(cr, cs) {
                                return false;
                            }
                            // The value the revision replaced: given for the
                            // same count no later than the revision.
                            per_doc.iter().any(|(&d0, os)| {
                                d0 != ds
                                    && os.iter().any(|&o| {
                                        let co = &corpus.claims[o];
                                        o != r
                                            && !settled(co)
                                            && day(co).is_some_and(|d| d <= when)
                                            && (d0 == dr || told(d0, ds))
                                            && same(co, cs)
                                            && agree(co, cs)
                                    })
                            })
                        });
                        if let Some(s) = found {
                            reported.push((dr, ds));
                            let cs = &corpus.claims[s];
                            let (ts, tr) = (
                                cs.fig.text(&corpus.doc_of(cs).text),
                                cr.fig.text(&corpus.doc_of(cr).text),
                            );
                            let (ids_s, ids_r) = (&corpus.doc_of(cs).id, &corpus.doc_of(cr).id);
                            let (ps, pr) = (
                                corpus.doc_of(cs).source.date.as_deref().unwrap_or("?"),
                                corpus.doc_of(cr).source.date.as_deref().unwrap_or("?"),
                            );
                            let what = cx.meanings.describe(&key);
                            out.push(Finding::at_claim(
                                corpus,
                                rule,
                                format!(
                                    "`{ts}` ({what}) in {ids_s}, published {ps}, is the figure \
                                     that the {} count `{tr}` in {ids_r}, published {pr}, replaced",
                                    cr.status().map_or("revised", Status::as_str)
                                ),
                                vec![s, r],
                            ));
                        }
                    }
                }
            }
        }
    }

    fn explain_pair(&self, cx: &Context, a: usize, b: usize) -> Option<String> {
        Some(explain(cx, &self.0, None, a, b))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC205");
    }
}
