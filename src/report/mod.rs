//! Stage 5: report. Renders figures and findings: a readable text report
//! with source snippets ([`text`]) and machine formats ([`json`]). Output
//! order is deterministic; rendering returns strings and never prints.

pub mod json;
pub mod text;

use serde::Serialize;

use crate::claims::{Claim, Corpus};
use crate::config::Config;
use crate::error::line_col;
use crate::rules::{Finding, Severity};

/// Counts that close a report.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub figures: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub info: usize,
}

impl Summary {
    pub fn of(corpus: &Corpus, findings: &[Finding]) -> Summary {
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        Summary {
            documents: corpus.docs.len(),
            figures: corpus.claims.len(),
            findings: findings.len(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            info: count(Severity::Info),
        }
    }
}

/// A period as ISO dates.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Period {
    pub start: String,
    pub end: String,
}

/// A document's source as reported.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SourceRecord {
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub lang: &'static str,
}

/// One figure as `extract` reports it (one JSONL line).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FigureRecord {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    pub kind: &'static str,
    pub value: Option<String>,
    pub low: Option<String>,
    pub high: Option<String>,
    pub unit: Option<String>,
    /// For durations: the length in seconds.
    pub seconds: Option<String>,
    pub qualifier: Option<String>,
    pub entity: Option<String>,
    pub written: &'static str,
    pub ambiguous: bool,
    /// For dates: `YYYY-MM-DD`, with `XXXX`/`XX` for parts the text does
    /// not give.
    pub date: Option<String>,
    pub measure: Option<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub place: Option<String>,
    pub period: Option<Period>,
    pub source: SourceRecord,
    pub key: Option<String>,
    pub repeat: bool,
}

fn dec(d: Option<rust_decimal::Decimal>) -> Option<String> {
    d.map(|v| v.normalize().to_string())
}

impl FigureRecord {
    pub fn new(corpus: &Corpus, cfg: &Config, c: &Claim) -> FigureRecord {
        let doc = corpus.doc_of(c);
        let text = doc.text.as_str();
        let f = &c.fig;
        let (line, column) = line_col(text, f.start);
        let m = &cfg.meanings;
        FigureRecord {
            doc: doc.id.clone(),
            start: f.start,
            end: f.end,
            line,
            column,
            text: text[f.start..f.end].to_string(),
            kind: f.kind.as_str(),
            value: dec(f.value),
            low: dec(f.low),
            high: dec(f.high),
            unit: f.unit.map(|u| cfg.lexicon.units[u as usize].id.clone()),
            seconds: dec(f.seconds),
            qualifier: f
                .qualifier
                .map(|q| cfg.lexicon.qualifiers[q as usize].name.clone()),
            entity: f.entity.map(|(s, e)| text[s..e].to_string()),
            written: match f.written {
                crate::extract::Written::Digits => "digits",
                crate::extract::Written::Words => "words",
                crate::extract::Written::Mixed => "mixed",
            },
            ambiguous: f.ambiguous,
            date: f.date.map(|d| {
                let y = d.year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
                match (d.month, d.day) {
                    (None, _) => y,
                    (Some(m), None) => format!("{y}-{m:02}"),
                    (Some(m), Some(day)) => format!("{y}-{m:02}-{day:02}"),
                }
            }),
            measure: c.measure.map(|i| m.measures.name(i).to_string()),
            role: c.role.map(|i| m.roles.name(i).to_string()),
            affiliation: c.side.map(|i| m.sides.name(i).to_string()),
            place: c.place.map(|i| m.places.name(i).to_string()),
            period: c.year.map(|y| Period {
                start: format!("{y:04}-01-01"),
                end: format!("{y:04}-12-31"),
            }),
            source: SourceRecord {
                outlet: doc.source.outlet.clone(),
                date: doc.source.date.clone(),
                url: doc.source.url.clone(),
                lang: doc.lang.as_str(),
            },
            key: c.key().map(|k| {
                let mut s = m.describe(&k);
                if let Some(y) = c.year {
                    s.push_str(&format!(", {y}"));
                }
                s
            }),
            repeat: c.repeat_of.is_some(),
        }
    }
}

/// Every figure of the corpus as records, in document then position order.
pub fn figure_records(corpus: &Corpus, cfg: &Config) -> Vec<FigureRecord> {
    corpus
        .claims
        .iter()
        .map(|c| FigureRecord::new(corpus, cfg, c))
        .collect()
}
