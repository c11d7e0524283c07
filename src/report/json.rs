//! The JSON report of `check`: one document with schema version, findings,
//! the claims they cite and a summary; and the records of findings and
//! claims the other JSON reports share. Decimals are strings.

use std::fmt;

use serde::Serialize;

use super::{baseline, dec, Checked, Place, Reporter, Summary};
use crate::claims::Corpus;
use crate::rules::Finding;

/// The version of the JSON schema; bumped on incompatible changes.
pub(crate) const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct CheckReport<'a> {
    version: u32,
    findings: Vec<FindingRecord<'a>>,
    summary: Summary,
}

/// One finding as the JSON and JSONL reports give it.
#[derive(Serialize)]
pub(crate) struct FindingRecord<'a> {
    pub(crate) code: &'a str,
    pub(crate) name: &'a str,
    pub(crate) severity: &'static str,
    pub(crate) message: &'a str,
    pub(crate) help: &'a str,
    pub(crate) doc: &'a str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) end_line: usize,
    pub(crate) end_column: usize,
    pub(crate) text: &'a str,
    /// What identifies the finding across edits elsewhere in the text
    /// (see [`baseline`]).
    pub(crate) fingerprint: String,
    pub(crate) claims: Vec<ClaimRecord<'a>>,
}

/// A figure a finding rests on.
#[derive(Serialize)]
pub(crate) struct ClaimRecord<'a> {
    pub(crate) doc: &'a str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) text: &'a str,
    pub(crate) value: Option<String>,
    pub(crate) low: Option<String>,
    pub(crate) high: Option<String>,
}

impl<'a> ClaimRecord<'a> {
    /// The record of claim `i`: its place in its file and its interval
    /// (exact sides filled with the value).
    pub(crate) fn of(corpus: &'a Corpus, i: usize) -> ClaimRecord<'a> {
        let c = &corpus.claims[i];
        let d = corpus.doc_of(c);
        let p = Place::of(d, c.fig.start(), c.fig.end());
        let (low, high) = c.interval();
        ClaimRecord {
            doc: &d.id,
            start: p.start,
            end: p.end,
            line: p.line,
            column: p.column,
            text: &d.text[c.fig.start()..c.fig.end()],
            value: dec(c.fig.value()),
            low: dec(low),
            high: dec(high),
        }
    }
}

/// The record of one finding.
pub(crate) fn finding_record<'a>(corpus: &'a Corpus, f: &'a Finding) -> FindingRecord<'a> {
    let doc = &corpus.docs[f.doc as usize];
    let p = Place::of(doc, f.span.0, f.span.1);
    FindingRecord {
        code: &f.code,
        name: &f.name,
        severity: f.severity.as_str(),
        message: &f.message,
        help: &f.help,
        doc: &doc.id,
        start: p.start,
        end: p.end,
        line: p.line,
        column: p.column,
        end_line: p.end_line,
        end_column: p.end_column,
        text: &doc.text[f.span.0..f.span.1],
        fingerprint: baseline::fingerprint(corpus, f, true),
        claims: f
            .claims
            .iter()
            .map(|&i| ClaimRecord::of(corpus, i))
            .collect(),
    }
}

/// The findings as one JSON document, with a summary.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Json;

impl Reporter<Checked<'_>> for Json {
    fn write(&self, run: &Checked<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        let Checked {
            corpus, findings, ..
        } = *run;
        let records = findings.iter().map(|f| finding_record(corpus, f)).collect();
        let report = CheckReport {
            version: SCHEMA_VERSION,
            findings: records,
            summary: Summary::of(corpus, findings),
        };
        out.write_str(&serde_json::to_string_pretty(&report).expect("report serialises"))?;
        out.write_char('\n')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{analysed, TEXT};

    #[test]
    fn one_document_with_summary() {
        let (cfg, corpus, findings) = analysed(TEXT);
        let out = Json.render(&Checked {
            corpus: &corpus,
            findings: &findings,
            cfg,
        });
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["version"], SCHEMA_VERSION);
        assert_eq!(v["findings"].as_array().unwrap().len(), findings.len());
        assert_eq!(v["summary"]["findings"], findings.len());
        assert_eq!(v["findings"][0]["doc"], "a.txt");
    }
}
