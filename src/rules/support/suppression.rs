//! Inline suppressions, shared by the rules about them
//! (`unused-suppression`, `invalid-suppression`): which findings a
//! suppression covers. Their syntax, and how they are found in a text, is
//! in `input::suppression`. [`apply`] finds them, drops the findings a
//! valid one covers and records which were used.

use crate::claims::Corpus;
use crate::input::suppression::{find, Suppression, MARKER};
use crate::rules::{Finding, RuleSet};

/// True when the code or prefix `pattern` names `code`.
pub(crate) fn names(code: &str, pattern: &str) -> bool {
    pattern == "ALL" || code.starts_with(pattern)
}

/// True when `pattern` names a rule of the set.
pub(crate) fn known(rules: &RuleSet, pattern: &str) -> bool {
    rules.iter().any(|r| names(&r.code, pattern))
}

/// A suppression of a document, judged.
#[derive(Debug, Clone)]
pub(crate) struct Judged {
    pub(crate) doc: u32,
    pub(crate) sup: Suppression,
    /// It names known rules and gives a reason.
    pub(crate) valid: bool,
    /// It covered a finding.
    pub(crate) used: bool,
}

/// The suppressions of a corpus, and the codes of the rules that ran.
#[derive(Debug, Clone, Default)]
pub(crate) struct Suppressions {
    pub(crate) list: Vec<Judged>,
    pub(crate) ran: Vec<String>,
}

/// Drops the findings a valid suppression covers, and returns the others
/// with the suppressions judged. `ran` lists the codes of the rules that
/// ran.
pub(crate) fn apply(
    corpus: &Corpus,
    rules: &RuleSet,
    findings: Vec<Finding>,
    ran: &[&str],
) -> (Vec<Finding>, Suppressions) {
    let mut sups: Vec<Judged> = Vec::new();
    for (d, doc) in corpus.docs.iter().enumerate() {
        if !doc.text.contains(MARKER) {
            continue;
        }
        for s in find(&doc.text) {
            let valid = !s.codes.is_empty()
                && !s.reason.is_empty()
                && s.codes.iter().all(|c| known(rules, c));
            sups.push(Judged {
                doc: d as u32,
                sup: s,
                valid,
                used: false,
            });
        }
    }
    if sups.is_empty() {
        return (findings, Suppressions::default());
    }
    let mut kept = Vec::with_capacity(findings.len());
    for f in findings {
        let mut hit = false;
        for j in sups.iter_mut() {
            let s = &j.sup;
            if j.doc == f.doc
                && j.valid
                && s.covers.0 <= f.span.0
                && f.span.0 <= s.covers.1
                && s.codes.iter().any(|c| names(&f.code, c))
            {
                j.used = true;
                hit = true;
            }
        }
        if !hit {
            kept.push(f);
        }
    }
    let ran = ran.iter().map(|r| r.to_string()).collect();
    (kept, Suppressions { list: sups, ran })
}
