//! JSON reports: `check --format json` (one document with schema version,
//! findings, the claims they cite and a summary) and `extract --format
//! json|jsonl`. Decimals are strings.

use serde::Serialize;

use super::{baseline, dec, FigureRecord, Place, Summary};
use crate::claims::Corpus;
use crate::config::Config;
use crate::rules::Finding;

/// The version of the JSON schema; bumped on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct CheckReport<'a> {
    version: u32,
    findings: Vec<FindingRecord<'a>>,
    summary: Summary,
}

/// One finding as the JSON and JSONL reports give it.
#[derive(Serialize)]
pub struct FindingRecord<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub severity: &'static str,
    pub message: &'a str,
    pub help: &'a str,
    pub doc: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: &'a str,
    /// What identifies the finding across edits elsewhere in the text
    /// (see [`baseline`]).
    pub fingerprint: String,
    pub claims: Vec<ClaimRecord<'a>>,
}

/// A figure a finding rests on.
#[derive(Serialize)]
pub struct ClaimRecord<'a> {
    pub doc: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: &'a str,
    pub value: Option<String>,
    pub low: Option<String>,
    pub high: Option<String>,
}

impl<'a> ClaimRecord<'a> {
    /// The record of claim `i`: its place in its file and its interval
    /// (exact sides filled with the value).
    pub fn of(corpus: &'a Corpus, i: usize) -> ClaimRecord<'a> {
        let c = &corpus.claims[i];
        let d = corpus.doc_of(c);
        let p = Place::of(d, c.fig.start, c.fig.end);
        let (low, high) = c.interval();
        ClaimRecord {
            doc: &d.id,
            start: p.start,
            end: p.end,
            line: p.line,
            column: p.column,
            text: &d.text[c.fig.start..c.fig.end],
            value: dec(c.fig.value),
            low: dec(low),
            high: dec(high),
        }
    }
}

/// The record of one finding.
pub fn finding_record<'a>(corpus: &'a Corpus, f: &'a Finding) -> FindingRecord<'a> {
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

/// The JSON report of `check`.
pub fn check_report(corpus: &Corpus, findings: &[Finding]) -> String {
    let records = findings.iter().map(|f| finding_record(corpus, f)).collect();
    let report = CheckReport {
        version: SCHEMA_VERSION,
        findings: records,
        summary: Summary::of(corpus, findings),
    };
    let mut s = serde_json::to_string_pretty(&report).expect("report serialises");
    s.push('\n');
    s
}

/// The JSONL report of `check`: one finding per line, for streaming; no
/// summary.
pub fn check_jsonl(corpus: &Corpus, findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        out.push_str(
            &serde_json::to_string(&finding_record(corpus, f)).expect("finding serialises"),
        );
        out.push('\n');
    }
    out
}

/// Figures as one JSON document.
pub fn figures_json(corpus: &Corpus, cfg: &Config) -> String {
    #[derive(Serialize)]
    struct Figures<'a> {
        version: u32,
        figures: Vec<FigureRecord<'a>>,
    }
    let times = super::doc_times(corpus, &cfg.meanings);
    let mut s = serde_json::to_string_pretty(&Figures {
        version: SCHEMA_VERSION,
        figures: super::figure_records(corpus, cfg, &times),
    })
    .expect("figures serialise");
    s.push('\n');
    s
}

/// Figures as JSON lines, one figure per line.
pub fn figures_jsonl(corpus: &Corpus, cfg: &Config) -> String {
    let times = super::doc_times(corpus, &cfg.meanings);
    let mut out = Vec::with_capacity(corpus.claims.len() * 600);
    for r in super::figure_records(corpus, cfg, &times) {
        serde_json::to_writer(&mut out, &r).expect("figure serialises");
        out.push(b'\n');
    }
    String::from_utf8(out).expect("JSON is UTF-8")
}
