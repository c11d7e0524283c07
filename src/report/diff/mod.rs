//! Version diff: two versions of one article (a draft and the final text,
//! yesterday's page and today's) compared figure by figure.
//!
//! The sentences of both versions are aligned with `similar` (patience
//! diff on normalised sentences). Sentences that differ are paired by
//! likeness; a sentence found unchanged elsewhere in the other version has
//! moved. Within paired sentences the figures are aligned in turn, so each
//! figure is reported as changed (with both spans), appeared, disappeared
//! or moved. Each version is checked on its own, and findings are matched
//! by fingerprint (without the document name) to tell those the new
//! version introduces from those it fixes. The reports are `text` and
//! `json`.

pub(crate) mod json;
pub(crate) mod text;

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffOp, TextDiff};

use super::baseline::{fingerprint, normalise};
use crate::claims::{sentence::sentences, Corpus, Meanings};
use crate::rules::Finding;

/// Sentences at least this alike (0 to 1, by words) are two versions of
/// one sentence.
const PAIR_RATIO: f32 = 0.5;

/// What happened to a figure between the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Change {
    /// The figure was rewritten in a sentence that is still there.
    Changed,
    /// A figure of the new version that the old one does not have.
    Appeared,
    /// A figure of the old version that the new one does not have.
    Disappeared,
    /// The figure's sentence, unchanged, stands elsewhere.
    Moved,
}

impl Change {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Change::Changed => "changed",
            Change::Appeared => "appeared",
            Change::Disappeared => "disappeared",
            Change::Moved => "moved",
        }
    }
}

/// One figure's change: claim indices into the old and the new corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FigureChange {
    pub(crate) change: Change,
    pub(crate) old: Option<usize>,
    pub(crate) new: Option<usize>,
}

/// The comparison of two versions.
#[derive(Debug, Clone)]
pub struct VersionDiff {
    /// The old and the new version (one document each).
    pub(crate) old: Corpus,
    pub(crate) new: Corpus,
    /// Figure changes, in the order of the new version.
    pub(crate) figures: Vec<FigureChange>,
    /// Findings of the new version the old one does not have (as findings
    /// of `new`).
    pub introduced: Vec<Finding>,
    /// Findings of the old version the new one no longer has.
    pub(crate) fixed: Vec<Finding>,
}

/// Counts of a diff.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub(crate) struct DiffSummary {
    pub(crate) changed: usize,
    pub(crate) appeared: usize,
    pub(crate) disappeared: usize,
    pub(crate) moved: usize,
    pub(crate) introduced: usize,
    pub(crate) fixed: usize,
}

impl VersionDiff {
    pub(crate) fn summary(&self) -> DiffSummary {
        let n = |c: Change| self.figures.iter().filter(|f| f.change == c).count();
        DiffSummary {
            changed: n(Change::Changed),
            appeared: n(Change::Appeared),
            disappeared: n(Change::Disappeared),
            moved: n(Change::Moved),
            introduced: self.introduced.len(),
            fixed: self.fixed.len(),
        }
    }
}

/// Claims of the corpus (one document) by sentence: for each sentence of
/// `spans`, the indices of the claims whose figure starts in it.
fn claims_by_sentence(corpus: &Corpus, spans: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); spans.len()];
    for (i, c) in corpus.claims.iter().enumerate() {
        let at = spans.partition_point(|&(_, e)| e <= c.fig.start());
        if at < spans.len() && spans[at].0 <= c.fig.start() {
            out[at].push(i);
        }
    }
    out
}

fn likeness(a: &str, b: &str) -> f32 {
    TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(a, b)
        .ratio()
}

/// One version of an article, analysed: a corpus of one document and the
/// findings of the rules on it.
#[derive(Debug, Clone)]
pub struct Version {
    pub(crate) corpus: Corpus,
    pub(crate) findings: Vec<Finding>,
}

impl Version {
    pub fn new(corpus: Corpus, findings: Vec<Finding>) -> Version {
        Version { corpus, findings }
    }
}

/// Compares two versions of an article, each analysed on its own (each
/// corpus holds one document).
pub fn compare(old: Version, new: Version, meanings: &Meanings) -> VersionDiff {
    let Version {
        corpus: old,
        findings: old_findings,
    } = old;
    let Version {
        corpus: new,
        findings: new_findings,
    } = new;
    let (ot, nt) = (&old.docs[0].text, &new.docs[0].text);
    let abbreviations = &meanings.abbreviations;
    let (os, ns) = (sentences(ot, abbreviations), sentences(nt, abbreviations));
    let ok: Vec<String> = os.iter().map(|&(s, e)| normalise(&ot[s..e])).collect();
    let nk: Vec<String> = ns.iter().map(|&(s, e)| normalise(&nt[s..e])).collect();
    let oc = claims_by_sentence(&old, &os);
    let nc = claims_by_sentence(&new, &ns);

    // Sentence pairs (old, new); sentences left alone on either side, with
    // the new sentence index where they stand (to order the report).
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut lone_old: Vec<(usize, usize)> = Vec::new();
    let mut lone_new: Vec<usize> = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &ok, &nk) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => pairs.extend((0..len).map(|i| (old_index + i, new_index + i))),
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => lone_old.extend((old_index..old_index + old_len).map(|o| (o, new_index))),
            DiffOp::Insert {
                new_index, new_len, ..
            } => lone_new.extend(new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                // Pair the sentences in order, each with the most alike.
                let mut next = new_index;
                for (o, old_key) in ok.iter().enumerate().skip(old_index).take(old_len) {
                    let best = (next..new_index + new_len)
                        .map(|n| (n, likeness(old_key, &nk[n])))
                        .filter(|&(_, r)| r >= PAIR_RATIO)
                        .max_by(|a, b| a.1.total_cmp(&b.1));
                    match best {
                        Some((n, _)) => {
                            lone_new.extend(next..n);
                            pairs.push((o, n));
                            next = n + 1;
                        }
                        None => lone_old.push((o, next)),
                    }
                }
                lone_new.extend(next..new_index + new_len);
            }
        }
    }

    let mut figures: Vec<(usize, FigureChange)> = Vec::new();
    // Sentences that left one place and stand, the same, at another: moved.
    let mut moved_pairs = Vec::new();
    lone_old.retain(
        |&(o, _)| match lone_new.iter().position(|&n| nk[n] == ok[o]) {
            Some(i) => {
                moved_pairs.push((o, lone_new.remove(i)));
                false
            }
            None => true,
        },
    );
    for &(o, n) in &moved_pairs {
        for (&a, &b) in oc[o].iter().zip(&nc[n]) {
            figures.push((
                n,
                FigureChange {
                    change: Change::Moved,
                    old: Some(a),
                    new: Some(b),
                },
            ));
        }
    }
    // Moved and edited: the remaining sentences paired by likeness.
    lone_old.retain(|&(o, _)| {
        let best = lone_new
            .iter()
            .enumerate()
            .map(|(i, &n)| (i, likeness(&ok[o], &nk[n])))
            .filter(|&(_, r)| r >= PAIR_RATIO)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((i, _)) => {
                pairs.push((o, lone_new.remove(i)));
                false
            }
            None => true,
        }
    });

    let key = |corpus: &Corpus, i: usize| {
        let c = &corpus.claims[i];
        normalise(&corpus.docs[0].text[c.fig.start()..c.fig.end()])
    };
    for &(o, n) in &pairs {
        let a: Vec<String> = oc[o].iter().map(|&i| key(&old, i)).collect();
        let b: Vec<String> = nc[n].iter().map(|&i| key(&new, i)).collect();
        if a == b {
            continue;
        }
        for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
            let (ra, rb) = (op.old_range(), op.new_range());
            if matches!(op, DiffOp::Equal { .. }) {
                continue;
            }
            let olds = &oc[o][ra];
            let news = &nc[n][rb];
            for k in 0..olds.len().max(news.len()) {
                let (x, y) = (olds.get(k).copied(), news.get(k).copied());
                let change = match (x, y) {
                    (Some(_), Some(_)) => Change::Changed,
                    (None, _) => Change::Appeared,
                    (_, None) => Change::Disappeared,
                };
                figures.push((
                    n,
                    FigureChange {
                        change,
                        old: x,
                        new: y,
                    },
                ));
            }
        }
    }
    for &(o, anchor) in &lone_old {
        for &a in &oc[o] {
            figures.push((
                anchor,
                FigureChange {
                    change: Change::Disappeared,
                    old: Some(a),
                    new: None,
                },
            ));
        }
    }
    for &n in &lone_new {
        for &b in &nc[n] {
            figures.push((
                n,
                FigureChange {
                    change: Change::Appeared,
                    old: None,
                    new: Some(b),
                },
            ));
        }
    }
    // In the order of the new version; what disappeared before what stands
    // where it was.
    figures.sort_by_key(|(anchor, f)| {
        (
            *anchor,
            f.new.is_some(),
            f.new.map(|i| new.claims[i].fig.start()),
            f.old.map(|i| old.claims[i].fig.start()),
        )
    });
    let figures = figures.into_iter().map(|(_, f)| f).collect();

    // Findings, matched by fingerprint without the document name.
    let mut left: Vec<String> = old_findings
        .iter()
        .map(|f| fingerprint(&old, f, false))
        .collect();
    let mut introduced = Vec::new();
    for f in &new_findings {
        let fp = fingerprint(&new, f, false);
        match left.iter().position(|x| *x == fp) {
            Some(i) => left[i].clear(),
            None => introduced.push(f.clone()),
        }
    }
    let fixed = old_findings
        .iter()
        .zip(&left)
        .filter(|(_, fp)| !fp.is_empty())
        .map(|(f, _)| f.clone())
        .collect();
    VersionDiff {
        old,
        new,
        figures,
        introduced,
        fixed,
    }
}

#[cfg(test)]
mod tests {
    use super::text::fig_text;
    use super::*;
    use crate::report::DiffFormat;
    use crate::rules::Selection;
    use crate::testing::{config, fr_doc};

    fn diff(a: &str, b: &str) -> VersionDiff {
        let cfg = config();
        let version = |id: &str, text: &str| {
            let doc = fr_doc(id, text);
            let (corpus, findings) = crate::analyze(vec![doc], cfg, &Selection::default());
            Version::new(corpus, findings)
        };
        compare(version("old.txt", a), version("new.txt", b), &cfg.meanings)
    }

    #[test]
    fn changed_appeared_moved() {
        let old = "Il reste 2.000 jihadistes en Irak.\nLe raid a tué trois soldats.\nLes forces comptent 5 000 hommes.\n";
        let new = "Les forces comptent 5 000 hommes.\nIl reste 2.500 jihadistes en Irak.\nLe raid a tué trois soldats.\nUn nouveau bilan fait état de 12 blessés.\n";
        let d = diff(old, new);
        let s = d.summary();
        assert_eq!(
            (s.changed, s.appeared, s.disappeared, s.moved),
            (1, 1, 0, 1),
            "{}",
            DiffFormat::Text.reporter().render(&d)
        );
        let ch = d
            .figures
            .iter()
            .find(|f| f.change == Change::Changed)
            .unwrap();
        assert_eq!(fig_text(&d.old, ch.old.unwrap()), "2.000");
        assert_eq!(fig_text(&d.new, ch.new.unwrap()), "2.500");
    }

    #[test]
    fn identical_versions_have_no_change() {
        let t = "Il reste 2.000 jihadistes.\nEt 40 XNUMX morts.\n";
        let d = diff(t, t);
        assert_eq!(d.summary(), DiffSummary::default());
    }

    #[test]
    fn findings_introduced_and_fixed() {
        let d = diff(
            "Il reste 2.500 XNUMX soldats.\n",
            "Il reste 2.500 soldats.\nEt 40 XNUMX morts.\n",
        );
        assert_eq!(d.introduced.len(), 1);
        assert_eq!(d.fixed.len(), 1);
    }
}
