//! Baselines, for adopting figcheck on a body of text that already has
//! findings: `figcheck baseline write FILE` records the current findings,
//! and `check --baseline FILE` reports only the findings that are not in
//! it, and lists the entries that no longer match anything.
//!
//! A finding is recorded by a fingerprint that survives edits elsewhere in
//! the text: it hashes the rule code, the source (document id) and the
//! normalised claim (the figure as written, lower case, spaces folded, with
//! what it counts), never a line number or an offset. Two findings with the
//! same fingerprint (the same figure reported twice in one document) are
//! matched one for one.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::claims::Corpus;
use crate::error::{Error, Result};
use crate::rules::Finding;

/// The version of the baseline file format.
pub(crate) const BASELINE_VERSION: u32 = 1;

/// Lower case, every run of white space (no-break spaces too) one space,
/// trimmed.
pub(crate) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.to_lowercase());
    }
    out
}

/// What a finding is about, normalised: each figure it rests on as written
/// and what it counts (`trois soldats`), with the source of figures from
/// other documents; for a finding without a figure, its text.
pub(crate) fn claim_text(corpus: &Corpus, f: &Finding) -> String {
    if f.claims.is_empty() {
        let doc = &corpus.docs[f.doc as usize];
        return normalise(&doc.text[f.span.0..f.span.1]);
    }
    let parts: Vec<String> = f
        .claims
        .iter()
        .map(|&i| {
            let c = &corpus.claims[i];
            let d = corpus.doc_of(c);
            let mut s = normalise(&d.text[c.fig.start()..c.fig.end()]);
            if let Some((a, b)) = c.fig.entity() {
                if a >= c.fig.end() {
                    s.push(' ');
                    s.push_str(&normalise(&d.text[a..b]));
                }
            }
            if c.doc != f.doc {
                s.push_str(&format!(" ({})", d.id));
            }
            s
        })
        .collect();
    parts.join(" / ")
}

/// FNV-1a, 64 bits: stable across platforms and versions, unlike the
/// standard library's hasher.
fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The fingerprint of a finding: 16 hex digits. With `with_source` false,
/// the document is left out, to match findings across two versions of one
/// article.
pub(crate) fn fingerprint(corpus: &Corpus, f: &Finding, with_source: bool) -> String {
    let source = if with_source {
        corpus.docs[f.doc as usize].id.as_str()
    } else {
        ""
    };
    format!(
        "{:016x}",
        fnv1a(&format!(
            "{}\0{}\0{}",
            f.code,
            source,
            claim_text(corpus, f)
        ))
    )
}

/// One recorded finding. Only `fingerprint` is used to match; the other
/// fields tell a reader what it was.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub(crate) source: String,
    pub(crate) code: String,
    pub(crate) claim: String,
    pub(crate) fingerprint: String,
    pub(crate) message: String,
}

impl std::fmt::Display for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} `{}` ({})",
            self.source, self.code, self.claim, self.fingerprint
        )
    }
}

/// The findings accepted at some point, sorted by source, code and claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub(crate) version: u32,
    pub entries: Vec<Entry>,
}

impl Baseline {
    /// The baseline of the current findings.
    pub fn of(corpus: &Corpus, findings: &[Finding]) -> Baseline {
        let mut entries: Vec<Entry> = findings
            .iter()
            .map(|f| Entry {
                source: corpus.docs[f.doc as usize].id.clone(),
                code: f.code.clone(),
                claim: claim_text(corpus, f),
                fingerprint: fingerprint(corpus, f, true),
                message: f.message.clone(),
            })
            .collect();
        entries.sort();
        Baseline {
            version: BASELINE_VERSION,
            entries,
        }
    }

    /// The baseline file's text (pretty JSON, one entry per block, so that
    /// it reads well in a review).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("baseline serialises");
        s.push('\n');
        s
    }

    /// Reads a baseline file; errors name the file, line and column.
    pub fn parse(name: &str, text: &str) -> Result<Baseline> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| {
            let offset = offset_of(text, e.line(), e.column());
            Error::input(name, text, offset, format!("invalid baseline: {e}"))
        })?;
        if b.version != BASELINE_VERSION {
            return Err(Error::input(
                name,
                text,
                0,
                format!(
                    "baseline version {} is not supported (expected {BASELINE_VERSION})",
                    b.version
                ),
            ));
        }
        Ok(b)
    }

    /// Keeps the findings the baseline does not hold; returns them and the
    /// baseline entries that matched no finding (stale), in file order.
    pub fn apply(&self, corpus: &Corpus, findings: Vec<Finding>) -> (Vec<Finding>, Vec<Entry>) {
        let mut left: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
        for e in &self.entries {
            left.entry(e.fingerprint.as_str()).or_default().push(e);
        }
        let mut new = Vec::new();
        for f in findings {
            let fp = fingerprint(corpus, &f, true);
            match left.get_mut(fp.as_str()).and_then(|v| v.pop()) {
                Some(_) => {}
                None => new.push(f),
            }
        }
        let mut stale: Vec<Entry> = left.into_values().flatten().cloned().collect();
        stale.sort();
        (new, stale)
    }
}

/// The byte offset of a 1-based line and column (serde_json's positions).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::analysed;

    fn run(text: &str) -> (Corpus, Vec<Finding>) {
        let (_, corpus, findings) = analysed(text);
        (corpus, findings)
    }

    #[test]
    fn fingerprints_survive_edits_elsewhere() {
        let (c1, f1) = run("Le pays accueille 2.500 XNUMX soldats.");
        let (c2, f2) = run(
            "Une phrase ajoutée avant.\n\nLe pays accueille encore  2.500 XNUMX soldats, dit-on.",
        );
        assert_eq!(f1.len(), 1);
        assert_eq!(f2.len(), 1);
        assert_ne!(f1[0].span, f2[0].span);
        assert_eq!(
            fingerprint(&c1, &f1[0], true),
            fingerprint(&c2, &f2[0], true)
        );
        // A changed figure is another finding.
        let (c3, f3) = run("Le pays accueille 3.500 XNUMX soldats.");
        assert_ne!(
            fingerprint(&c1, &f1[0], true),
            fingerprint(&c3, &f3[0], true)
        );
    }

    #[test]
    fn apply_keeps_new_findings_and_lists_stale_entries() {
        let (c1, f1) = run("Il y a 2.500 XNUMX soldats. Et 40 XNUMX morts.");
        assert_eq!(f1.len(), 2);
        let base = Baseline::parse("b.json", &Baseline::of(&c1, &f1).to_json()).unwrap();
        let (new, stale) = base.apply(&c1, f1.clone());
        assert!(new.is_empty() && stale.is_empty());
        // One fixed, one new.
        let (c2, f2) = run("Il y a 2.500 XNUMX soldats. Et 41 XNUMX blessés.");
        let (new, stale) = base.apply(&c2, f2);
        assert_eq!(new.len(), 1);
        assert!(c2.docs[0].text[new[0].span.0..new[0].span.1].contains("41"));
        assert_eq!(stale.len(), 1);
        assert!(stale[0].claim.contains("40"), "{:?}", stale[0]);
    }

    #[test]
    fn bad_baseline_is_located() {
        let err = Baseline::parse("b.json", "{\"version\": 1,\n \"entries\": [x]}")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("b.json:2:"), "{err}");
    }
}
