//! figcheck: reads the figures of news text, in the languages of its data
//! (French, English, Spanish), and finds the ones that disagree.
//!
//! The pipeline, one module per stage, each using only the stages above it
//! and the layers below:
//!
//! ```text
//!   bytes ──▶ input ──▶ extract ──▶ claims ──▶ rules ──▶ report ──▶ text, JSON, SARIF…
//!             Document   Figure      Claim,     Finding   Reporter
//!                                    Corpus
//!   ─────────────────────────────────────────────────────────────────────
//!   model:    Figure, Kind, Lang, dates (used by every stage, uses none)
//!   lexicon, config: the words and rules of each language, read from the
//!             data files in `rules/` (no word in the code)
//! ```
//!
//! 1. [`input`]: bytes to documents (UTF-8, Markdown, HTML, JSONL, language
//!    detection);
//! 2. [`extract`]: every figure with its exact span and decimal value (nom);
//! 3. [`claims`]: what each figure counts, who, where, when, and which
//!    claims are about the same quantity;
//! 4. [`rules`]: the checks, defined as data in `rules/`;
//! 5. [`report`]: text and machine-readable reports.
//!
//! [`model`] holds the types every stage shares; [`lexicon`] and
//! [`config`] hold the data ([`Config::builtin`] loads the built-in files).
//!
//! The library does no I/O and prints nothing: the `figcheck` binary reads
//! files, calls [`analyze`] and prints a report. The types a user needs are
//! re-exported here.
//!
//! ```
//! use figcheck::{analyze, Config, Document, Lang, Selection};
//! let cfg = Config::builtin().unwrap();
//! let doc = Document::new("a.txt", "Il reste environ 2.000 jihadistes.", Some(Lang::new("fr")));
//! let (corpus, findings) = analyze(vec![doc], &cfg, &Selection::default());
//! let f = &corpus.claims[0].fig;
//! assert_eq!(f.value().unwrap().to_string(), "2000");
//! assert!(findings.is_empty());
//! ```

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod claims;
pub mod config;
mod error;
pub mod extract;
pub mod input;
pub mod lexicon;
pub mod model;
pub mod report;
pub mod rules;
#[cfg(test)]
pub(crate) mod testing;

pub use claims::{Claim, Corpus};
pub use config::Config;
pub use error::{Error, Location, Result};
pub use input::Document;
pub use model::{Figure, Kind, Lang};
pub use report::{Checked, Figures, Formats, Reporter};
pub use rules::{ExampleResult, Finding, Selection, Severity};

/// Extracts the claims of every document (in parallel, in a deterministic
/// order whatever the number of threads).
pub fn build_corpus(docs: Vec<Document>, cfg: &Config) -> Corpus {
    build_corpus_with(docs, cfg, &|| {})
}

/// [`build_corpus`], calling `done` once per document read (from any
/// thread), for a progress display.
pub fn build_corpus_with(docs: Vec<Document>, cfg: &Config, done: &(dyn Fn() + Sync)) -> Corpus {
    Corpus::read(docs, &cfg.lexicon, &cfg.meanings, done)
}

/// The whole pipeline: claims of every document, then the selected rules.
pub fn analyze(docs: Vec<Document>, cfg: &Config, sel: &Selection) -> (Corpus, Vec<Finding>) {
    analyze_with(docs, cfg, sel, &|| {})
}

/// [`analyze`], calling `done` once per document read, for a progress
/// display.
pub fn analyze_with(
    docs: Vec<Document>,
    cfg: &Config,
    sel: &Selection,
    done: &(dyn Fn() + Sync),
) -> (Corpus, Vec<Finding>) {
    let mut run = Analysis::new(cfg, done);
    run.read(docs);
    run.finish(sel)
}

/// [`analyze_with`] over documents given in batches as they are read, so
/// that the caller never holds every document before their claims are
/// read: [`Analysis::read`] each batch, then [`Analysis::finish`]. The
/// result does not depend on how the documents are cut into batches.
///
/// ```
/// use figcheck::{Analysis, Config, Document, Lang, Selection};
/// let cfg = Config::builtin().unwrap();
/// let mut run = Analysis::new(&cfg, &|| {});
/// run.read(vec![Document::new("a.txt", "Il reste 2.000 jihadistes.", Some(Lang::new("fr")))]);
/// run.read(vec![Document::new("b.txt", "Il reste 3.000 jihadistes.", Some(Lang::new("fr")))]);
/// let (corpus, _) = run.finish(&Selection::default());
/// assert_eq!(corpus.claims.len(), 2);
/// ```
pub struct Analysis<'a> {
    cfg: &'a Config,
    corpus: Corpus,
    done: &'a (dyn Fn() + Sync),
}

impl<'a> Analysis<'a> {
    /// A run with no document yet, calling `done` once per document read
    /// (from any thread), for a progress display.
    pub fn new(cfg: &'a Config, done: &'a (dyn Fn() + Sync)) -> Analysis<'a> {
        Analysis {
            cfg,
            corpus: Corpus::default(),
            done,
        }
    }

    /// Reads the claims of `docs`, which come after the documents already
    /// read.
    pub fn read(&mut self, docs: Vec<Document>) {
        let cfg = self.cfg;
        self.corpus
            .read_more(docs, &cfg.lexicon, &cfg.meanings, self.done);
    }

    /// The documents read so far.
    pub fn documents(&self) -> &[Document] {
        &self.corpus.docs
    }

    /// Runs the selected rules over every document read.
    pub fn finish(mut self, sel: &Selection) -> (Corpus, Vec<Finding>) {
        self.corpus.end_reading();
        let cfg = self.cfg;
        let findings = rules::run(&self.corpus, &cfg.lexicon, &cfg.meanings, &cfg.rules, sel);
        (self.corpus, findings)
    }
}

/// The claim whose figure starts at (or spans) 1-based `line` and `column`
/// (in characters) of document `doc` (its id or path, as reports name it).
pub fn claim_at(corpus: &Corpus, doc: &str, line: usize, column: usize) -> Option<usize> {
    let d = corpus.docs.iter().position(|x| x.id == doc)?;
    let doc = &corpus.docs[d];
    let mut spanning = None;
    for i in corpus.doc_claims[d].clone() {
        let f = &corpus.claims[i].fig;
        let (l, c) = doc.line_col(f.start());
        if (l, c) == (line, column) {
            return Some(i);
        }
        let (el, ec) = doc.line_col(f.end());
        if spanning.is_none() && (l, c) <= (line, column) && (line, column) < (el, ec) {
            spanning = Some(i);
        }
    }
    spanning
}

/// One line on what a claim (index into [`Corpus::claims`]) was read to
/// state: its key, interval, places, period and publication date.
pub fn describe_claim(corpus: &Corpus, cfg: &Config, i: usize) -> String {
    let c = &corpus.claims[i];
    let m = &cfg.meanings;
    let key = c.key().map_or(
        "no key (not a quantity of a known measure)".to_string(),
        |k| format!("key {}", m.describe(&k)),
    );
    let (lo, hi) = c.interval();
    let interval = match (c.fig.value(), lo, hi) {
        (Some(v), None, None) => format!("value {v}"),
        (Some(v), Some(l), Some(h)) if l == v && h == v => format!("value {v}"),
        (v, l, h) => format!(
            "{}interval [{}, {}]",
            v.map(|v| format!("about {v}, ")).unwrap_or_default(),
            l.map_or("-inf".into(), |x| x.to_string()),
            h.map_or("+inf".into(), |x| x.to_string())
        ),
    };
    let place = if c.places.is_empty() {
        "place unknown".to_string()
    } else {
        format!("place {}", m.places_name(&c.places))
    };
    let period = c.period().map_or("period unknown".to_string(), |p| {
        format!(
            "period {}..{} ({})",
            p.start,
            p.end,
            if c.period_stated {
                "stated"
            } else {
                "the time of writing"
            }
        )
    });
    let d = c.doc as usize;
    let time = report::figures::doc_time(corpus, m, d);
    let published = report::figures::SourceRecord::of(&corpus.docs[d], &time)
        .date
        .map_or("unknown".to_string(), |x| x.into_owned());
    let text = c.fig.text(&corpus.docs[c.doc as usize].text);
    let said_by = c
        .authority()
        .map(|a| format!("; said by {}", m.authorities.name(a.into())))
        .unwrap_or_default();
    format!("`{text}`: {key}; {interval}; {place}; {period}{said_by}; published {published}")
}

/// Why two claims (indices into [`Corpus::claims`]) were or were not
/// compared by each selected rule that compares sources: `(code, why)`.
pub fn explain_pair(
    corpus: &Corpus,
    cfg: &Config,
    sel: &Selection,
    a: usize,
    b: usize,
) -> Vec<(String, String)> {
    rules::explain_pair(corpus, &cfg.lexicon, &cfg.meanings, &cfg.rules, sel, a, b)
}

/// Runs every inline example of the rules whose code starts with `prefix`
/// (all rules for an empty prefix): each example's text (and `other`, as a
/// second source) is checked with that rule alone.
pub fn test_examples(cfg: &Config, prefix: &str) -> Vec<ExampleResult> {
    let mut out = Vec::new();
    for rule in cfg.rules.iter().filter(|r| r.code.starts_with(prefix)) {
        for (i, ex) in rule.examples.iter().enumerate() {
            let (_, findings) = run_example(cfg, rule, i);
            out.push(ExampleResult {
                code: rule.code.clone(),
                index: i,
                text: ex.text.clone(),
                expected: ex.fires,
                fired: findings
                    .iter()
                    .any(|f| ex.severity.is_none_or(|s| f.severity == s)),
            });
        }
    }
    out
}

/// The corpus and findings of inline example `index` of `rule`: its text
/// (document `example`) and its `other` text (document `other`, a second
/// source), with its language and publication date, checked with that
/// rule alone; a rule about the other rules' findings (suppressions) runs
/// with every enabled rule. Only `rule`'s findings are returned.
///
/// # Panics
/// When the rule has no example `index`.
pub fn run_example(cfg: &Config, rule: &rules::RuleDef, index: usize) -> (Corpus, Vec<Finding>) {
    use model::Lang;
    let ex = &rule.examples[index];
    let lang = ex.lang.as_deref().and_then(|l| l.parse::<Lang>().ok());
    let mut docs = vec![Document::new("example", ex.text.clone(), lang)];
    docs[0].source.date = ex.date.clone();
    if let Some(o) = &ex.other {
        let other_lang = ex
            .other_lang
            .as_deref()
            .and_then(|l| l.parse::<Lang>().ok())
            .or(lang);
        let mut d = Document::new("other", o.clone(), other_lang);
        d.source.date = ex.other_date.clone().or_else(|| ex.date.clone());
        docs.push(d);
    }
    let select = if rule.judges_findings() {
        Vec::new()
    } else {
        vec![rule.code.clone()]
    };
    let sel = Selection {
        select,
        ignore: Vec::new(),
    };
    let (corpus, mut findings) = analyze(docs, cfg, &sel);
    findings.retain(|f| f.code == rule.code);
    (corpus, findings)
}
