//! JSON reports: `check --format json` (one document with schema version,
//! findings, the claims they cite and a summary) and `extract --format
//! json|jsonl`. Decimals are strings.

use serde::Serialize;

use super::{FigureRecord, Summary};
use crate::claims::Corpus;
use crate::config::Config;
use crate::error::line_col;
use crate::rules::Finding;

/// The version of the JSON schema; bumped on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct CheckReport<'a> {
    version: u32,
    findings: Vec<FindingRecord<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct FindingRecord<'a> {
    code: &'a str,
    name: &'a str,
    severity: &'static str,
    message: &'a str,
    help: &'a str,
    doc: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    claims: Vec<ClaimRecord<'a>>,
}

#[derive(Serialize)]
struct ClaimRecord<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    value: Option<String>,
    low: Option<String>,
    high: Option<String>,
}

fn dec(d: Option<rust_decimal::Decimal>) -> Option<String> {
    d.map(|v| v.normalize().to_string())
}

/// The JSON report of `check`.
pub fn check_report(corpus: &Corpus, findings: &[Finding]) -> String {
    let records = findings
        .iter()
        .map(|f| {
            let doc = &corpus.docs[f.doc as usize];
            let (line, column) = line_col(&doc.text, f.span.0);
            FindingRecord {
                code: &f.code,
                name: &f.name,
                severity: f.severity.as_str(),
                message: &f.message,
                help: &f.help,
                doc: &doc.id,
                start: f.span.0,
                end: f.span.1,
                line,
                column,
                text: &doc.text[f.span.0..f.span.1],
                claims: f
                    .claims
                    .iter()
                    .map(|&i| {
                        let c = &corpus.claims[i];
                        let d = corpus.doc_of(c);
                        let (line, column) = line_col(&d.text, c.fig.start);
                        let (low, high) = c.interval();
                        ClaimRecord {
                            doc: &d.id,
                            start: c.fig.start,
                            end: c.fig.end,
                            line,
                            column,
                            text: &d.text[c.fig.start..c.fig.end],
                            value: dec(c.fig.value),
                            low: dec(low),
                            high: dec(high),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let report = CheckReport {
        version: SCHEMA_VERSION,
        findings: records,
        summary: Summary::of(corpus, findings),
    };
    let mut s = serde_json::to_string_pretty(&report).expect("report serialises");
    s.push('\n');
    s
}

/// Figures as one JSON document.
pub fn figures_json(corpus: &Corpus, cfg: &Config) -> String {
    #[derive(Serialize)]
    struct Figures {
        version: u32,
        figures: Vec<FigureRecord>,
    }
    let mut s = serde_json::to_string_pretty(&Figures {
        version: SCHEMA_VERSION,
        figures: super::figure_records(corpus, cfg),
    })
    .expect("figures serialise");
    s.push('\n');
    s
}

/// Figures as JSON lines, one figure per line.
pub fn figures_jsonl(corpus: &Corpus, cfg: &Config) -> String {
    let mut out = String::new();
    for r in super::figure_records(corpus, cfg) {
        out.push_str(&serde_json::to_string(&r).expect("figure serialises"));
        out.push('\n');
    }
    out
}
