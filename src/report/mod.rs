//! Stage 5: report. Renders findings, figures and version diffs; never
//! prints. Every output format is a [`Reporter`], one struct in its own
//! file, chosen by its format enum ([`Format`] for the findings of
//! `check`, [`FigureFormat`] for the figures of `extract`, [`DiffFormat`]
//! for `diff`; see `reporter`):
//!
//! - findings: [`Text`] (diagnostics with source snippets), [`Concise`]
//!   (one line per finding), `json`, `jsonl`, `sarif`, `github`
//!   (GitHub workflow commands), `html` (one self-contained page for
//!   reading the findings in their text);
//! - figures: `figures` (the table, JSON and JSONL of `extract`, the
//!   claims matrix of `claims`);
//! - [`diff`]: the comparison of two versions of an article, as text or
//!   JSON;
//!
//! and, besides the reporters, baselines of accepted findings
//! ([`Baseline`]) and the documentation of the rules ([`explain`]). Output
//! order is deterministic.
//!
//! Every location is in the file a document was read from: byte offsets
//! into the file, 1-based lines, columns in characters (see
//! `crate::input::Origin` for HTML and Markdown).

pub(crate) mod baseline;
pub(crate) mod concise;
pub mod diff;
pub mod explain;
pub(crate) mod figures;
pub(crate) mod github;
pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod jsonl;
pub(crate) mod reporter;
pub(crate) mod sarif;
pub(crate) mod text;

use serde::Serialize;

pub use baseline::Baseline;
pub use concise::Concise;
pub use figures::matrix::{ClaimsJson, ClaimsMatrix};
pub use reporter::{
    Checked, ClaimsFormat, DiffFormat, FigureFormat, Figures, Format, Formats, Options, Reporter,
};
pub use text::Text;

use crate::claims::Corpus;
use crate::input::Document;
use crate::rules::{Finding, Severity};

/// Where a span of a document's text lies in its file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct Place {
    /// The document id: the path as given, or the JSONL record id.
    pub(crate) path: String,
    /// Byte offsets in the file, end exclusive.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// 1-based line and column (in characters) of the first character.
    pub(crate) line: usize,
    pub(crate) column: usize,
    /// Line and column just after the last character.
    pub(crate) end_line: usize,
    pub(crate) end_column: usize,
}

impl Place {
    /// The place in `doc`'s file of the span `[start, end)` of its text.
    pub(crate) fn of(doc: &Document, start: usize, end: usize) -> Place {
        let (fs, fe) = doc.file_span(start, end);
        let (line, column) = doc.line_col(start);
        let (end_line, end_column) = doc.end_line_col(start, end);
        Place {
            path: doc.id.clone(),
            start: fs,
            end: fe,
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The place of a finding's primary span.
    pub(crate) fn of_finding(corpus: &Corpus, f: &Finding) -> Place {
        Place::of(&corpus.docs[f.doc as usize], f.span.0, f.span.1)
    }
}

/// Counts that close a report.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub(crate) struct Summary {
    pub(crate) documents: usize,
    pub(crate) figures: usize,
    pub(crate) findings: usize,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
    pub(crate) info: usize,
}

impl Summary {
    pub(crate) fn of(corpus: &Corpus, findings: &[Finding]) -> Summary {
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

/// A decimal as reports write it: a string, without trailing zeros.
pub(crate) fn dec(d: Option<rust_decimal::Decimal>) -> Option<String> {
    d.map(|v| v.normalize().to_string())
}

#[cfg(test)]
pub(crate) mod testing {
    //! What the reporters' tests render: one French document analysed with
    //! the built-in rules.

    pub(crate) use crate::testing::analysed;

    /// A document with figures and one finding (a placeholder left in).
    pub(crate) const TEXT: &str =
        "Il reste 2.500 XNUMX soldats.\nLe raid a tué 12 personnes le 3 mars 2024.\n";

    /// The figures of [`TEXT`] as `reporter` renders them, with the number
    /// of figures (at least one).
    pub(crate) fn figures_of(
        reporter: &dyn for<'a> super::Reporter<super::Figures<'a>>,
    ) -> (String, usize) {
        let (cfg, corpus, _) = analysed(TEXT);
        assert!(!corpus.claims.is_empty());
        let out = reporter.render(&super::Figures {
            corpus: &corpus,
            cfg,
        });
        (out, corpus.claims.len())
    }
}
