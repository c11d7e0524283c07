//! Stage 4: rules. Each rule is one file of this module, named after the
//! rule, with a typed parameter struct that implements `Check`; the
//! `registry` lists them all. Rule definitions are data
//! (`rules/checks/CODE-NAME.toml`): severity, documentation, parameters
//! and examples. The engine runs the selected rules over a [`Corpus`] and
//! returns findings in a deterministic order.

// The rules, one module per file, and the registry: the one list of them.
// Adding a rule is its file, its `mod` line, its registry line and its
// TOML file (`rules/checks/`).
#[macro_use]
pub(crate) mod registry;
mod adjacent_numbers;
mod after_publication;
mod bad_grouping;
mod corroborated;
mod deadline_arithmetic;
mod impossible_percentage;
mod inconsistent_in_document;
mod invalid_suppression;
mod letters_for_digits;
mod mixed_separators;
mod part_exceeds_whole;
mod parts_total;
mod percent_mismatch;
mod percent_sum;
mod placeholder_number;
mod reprint_conflict;
mod scale_slip;
mod source_conflict;
mod stale_figure;
mod unused_suppression;
mod weekday_mismatch;

registrations! {
    "FC001" "unused-suppression" unused_suppression::UnusedSuppression, Suppressions, false;
    "FC002" "invalid-suppression" invalid_suppression::InvalidSuppression, Suppressions, false;
    "FC101" "placeholder-number" placeholder_number::PlaceholderNumber, Document, false;
    "FC102" "adjacent-numbers" adjacent_numbers::AdjacentNumbers, Document, true;
    "FC103" "bad-grouping" bad_grouping::BadGrouping, Document, true;
    "FC104" "mixed-separators" mixed_separators::MixedSeparators, Document, true;
    "FC105" "letters-for-digits" letters_for_digits::LettersForDigits, Document, true;
    "FC106" "impossible-percentage" impossible_percentage::ImpossiblePercentage, Document, true;
    "FC201" "source-conflict" source_conflict::SourceConflict, Stories, false;
    "FC202" "corroborated" corroborated::Corroborated, Stories, false;
    "FC203" "scale-slip" scale_slip::ScaleSlip, Stories, false;
    "FC204" "reprint-conflict" reprint_conflict::ReprintConflict, Claims, false;
    "FC205" "stale-figure" stale_figure::StaleFigure, Stories, false;
    "FC301" "inconsistent-in-document" inconsistent_in_document::InconsistentInDocument, Document, false;
    "FC302" "parts-total" parts_total::PartsTotal, Document, false;
    "FC303" "part-exceeds-whole" part_exceeds_whole::PartExceedsWhole, Document, false;
    "FC304" "percent-sum" percent_sum::PercentSum, Document, false;
    "FC305" "percent-mismatch" percent_mismatch::PercentMismatch, Document, false;
    "FC401" "weekday-mismatch" weekday_mismatch::WeekdayMismatch, Document, false;
    "FC402" "deadline-arithmetic" deadline_arithmetic::DeadlineArithmetic, Document, false;
    "FC403" "after-publication" after_publication::AfterPublication, Document, false;
}

// What the rules share.
#[cfg(test)]
mod rule_tests;
mod ruleset;
mod support;

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use rayon::prelude::*;

use serde::{Deserialize, Serialize};

use crate::claims::structure::Breakdown;
use crate::claims::{Corpus, Meanings};
use crate::input::Document;
use crate::lexicon::Lexicon;
use registry::Needs;
pub use ruleset::{Example, RuleDef, RuleSet};
use support::names::DocNames;
/// Whether a claim states no count (a threshold, a forecast): what the
/// claims table leaves out of its quantities, as the rules do.
pub(crate) use support::sources::not_a_count;
use support::story::Stories;
use support::suppression::{self, Suppressions};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            o => Err(format!(
                "unknown severity `{o}` (expected error, warning or info)"
            )),
        }
    }
}

/// The breakdowns of each document's sentences, each read once, when a
/// rule first needs it (from any thread).
type BreakdownCache = [OnceLock<Vec<Breakdown>>];

/// What a rule reads: the corpus and the data it was read with.
pub(crate) struct Context<'a> {
    pub(crate) corpus: &'a Corpus,
    pub(crate) lexicon: &'a Lexicon,
    pub(crate) meanings: &'a Meanings,
    /// Every rule defined (selected or not).
    pub(crate) rules: &'a RuleSet,
    /// Which documents tell the same story; empty unless a selected rule
    /// needs it ([`Needs::Stories`]).
    stories: &'a Stories,
    /// The inline suppressions, for the rules that run after the others
    /// ([`Needs::Suppressions`]); empty before.
    suppressions: &'a Suppressions,
    breakdowns: &'a BreakdownCache,
    /// The proper names of every document; empty unless a selected rule
    /// compares documents ([`Needs::Stories`], [`Needs::Claims`]).
    pub(crate) names: &'a [DocNames],
    /// The documents a rule that reads one document at a time
    /// ([`Needs::Document`]) covers in this run: a batch of them, so that
    /// batches run in parallel. Every document for the other rules.
    docs: Range<usize>,
}

impl<'a> Context<'a> {
    fn new(
        corpus: &'a Corpus,
        lexicon: &'a Lexicon,
        meanings: &'a Meanings,
        rules: &'a RuleSet,
        stories: &'a Stories,
        suppressions: &'a Suppressions,
        breakdowns: &'a BreakdownCache,
    ) -> Context<'a> {
        Context {
            corpus,
            lexicon,
            meanings,
            rules,
            stories,
            suppressions,
            breakdowns,
            names: &[],
            docs: 0..corpus.docs.len(),
        }
    }

    /// The same context over documents `docs` only.
    fn over(&self, docs: Range<usize>) -> Context<'a> {
        Context { docs, ..*self }
    }

    /// The indices of the documents to check.
    pub(crate) fn doc_range(&self) -> Range<usize> {
        self.docs.clone()
    }

    /// The documents to check, with their indices.
    pub(crate) fn docs(&self) -> impl Iterator<Item = (usize, &'a Document)> {
        let docs = &self.corpus.docs[self.docs.clone()];
        self.docs.clone().zip(docs)
    }

    /// The totals and parts of document `d`'s sentences.
    pub(crate) fn breakdowns(&self, d: usize) -> &'a [Breakdown] {
        self.breakdowns[d].get_or_init(|| {
            crate::claims::structure::breakdowns(self.corpus, self.lexicon, self.meanings, d)
        })
    }
}

/// A rule: its parameters, and the code that finds what it is about.
pub(crate) trait Check: fmt::Debug + Send + Sync {
    /// Adds the rule's findings over `cx.corpus` to `out`; `rule` is the
    /// rule's definition (code, name, severity, help).
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>);

    /// For the rules that compare claims of different documents: why
    /// claims `a` and `b` were or were not compared, and what came of it.
    fn explain_pair(&self, _cx: &Context, _a: ClaimRef, _b: ClaimRef) -> Option<String> {
        None
    }
}

/// A claim a finding rests on: index into [`Corpus::claims`].
pub(crate) type ClaimRef = usize;

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: String,
    pub(crate) name: String,
    pub severity: Severity,
    pub(crate) message: String,
    pub(crate) help: String,
    /// The claims the finding rests on, the primary one first (empty for
    /// findings about text that holds no figure, such as a lone "XNUMX").
    pub(crate) claims: Vec<ClaimRef>,
    /// The document and exact byte span the finding is about.
    pub(crate) doc: u32,
    pub span: (usize, usize),
}

impl Finding {
    /// A finding located at its primary claim.
    fn at_claim(corpus: &Corpus, rule: &RuleDef, message: String, claims: Vec<ClaimRef>) -> Self {
        let c = &corpus.claims[claims[0]];
        Finding::at_span(rule, c.doc, (c.fig.start(), c.fig.end()), message, claims)
    }

    /// A finding located at a byte span of a document.
    fn at_span(
        rule: &RuleDef,
        doc: u32,
        span: (usize, usize),
        message: String,
        claims: Vec<ClaimRef>,
    ) -> Self {
        Finding {
            code: rule.code.clone(),
            name: rule.name.clone(),
            severity: rule.severity,
            message,
            help: rule.help.clone(),
            claims,
            doc,
            span,
        }
    }

    /// The primary location: document index and byte span.
    pub(crate) fn location(&self) -> (u32, usize, usize) {
        (self.doc, self.span.0, self.span.1)
    }
}

/// Which rules run: ruff-style selection by code or prefix.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Codes or prefixes to run; empty means every enabled rule.
    pub select: Vec<String>,
    /// Codes or prefixes not to run.
    pub ignore: Vec<String>,
}

impl Selection {
    pub(crate) fn includes(&self, rule: &RuleDef) -> bool {
        let matches = |p: &String| rule.code.starts_with(p.as_str()) || *p == "ALL";
        let selected = if self.select.is_empty() {
            rule.enabled
        } else {
            self.select.iter().any(matches)
        };
        selected && !self.ignore.iter().any(matches)
    }
}

/// Runs the selected rules over the corpus. Findings come sorted by
/// document, position, then code.
///
/// Findings that an inline suppression in the text covers are dropped;
/// the rules about suppressions ([`Needs::Suppressions`]) then run.
pub(crate) fn run(
    corpus: &Corpus,
    lexicon: &Lexicon,
    meanings: &Meanings,
    rules: &RuleSet,
    sel: &Selection,
) -> Vec<Finding> {
    let selected: Vec<&RuleDef> = rules.iter().filter(|r| sel.includes(r)).collect();
    let needs = |r: &RuleDef, n: Needs| r.registration.needs == n;
    let of =
        |n: Needs| -> Vec<&RuleDef> { selected.iter().copied().filter(|r| needs(r, n)).collect() };
    let (per_doc, whole, story) = (of(Needs::Document), of(Needs::Claims), of(Needs::Stories));
    let none = Suppressions::default();
    let no_stories = Stories::default();
    let cache: Vec<OnceLock<Vec<Breakdown>>> =
        (0..corpus.docs.len()).map(|_| OnceLock::new()).collect();
    // The names of every document, read once (in parallel) for the rules
    // that compare documents.
    let names = if whole.is_empty() && story.is_empty() {
        Vec::new()
    } else {
        DocNames::of_corpus(corpus, meanings)
    };
    let cx = Context {
        names: &names,
        ..Context::new(corpus, lexicon, meanings, rules, &no_stories, &none, &cache)
    };
    let run_all = |cx: &Context, rules: &[&RuleDef]| {
        let mut out = Vec::new();
        for rule in rules {
            rule.check.run(cx, rule, &mut out);
        }
        out
    };
    // FC204 runs beside the rest: the rules that read one document at a
    // time, on batches of documents in parallel, then the stories and
    // their rules side by side (each comparing its buckets in parallel).
    // FC204's last stage (its buckets, one after the other) thus overlaps
    // the stories' rules rather than leaving a thread idle; on two threads
    // its index and the stories are held at once (on fr_news a peak 4.4 MB
    // higher, for a rules' phase of 1.07 s rather than 1.3: par17 in
    // benches/HISTORY.md). On one
    // thread FC204 runs first and its index is freed before the stories
    // are built. It all runs on the pool's threads (`rayon::join` from
    // outside the pool moves there), whose freed memory the next stage
    // then reuses. Findings are sorted at the end, so the order in which
    // they come does not depend on the number of threads.
    let batches: Vec<Range<usize>> = (0..corpus.docs.len())
        .step_by(BATCH)
        .map(|s| s..(s + BATCH).min(corpus.docs.len()))
        .collect();
    let (compared, (found, stories, told)) = rayon::join(
        || run_all(&cx, &whole),
        || {
            let found = batches
                .into_par_iter()
                .map(|b| run_all(&cx.over(b), &per_doc))
                .collect::<Vec<_>>();
            if story.is_empty() {
                return (found, Stories::default(), Vec::new());
            }
            let stories = Stories::build(corpus, meanings, &names);
            let cx = Context {
                stories: &stories,
                ..cx.over(cx.doc_range())
            };
            let told: Vec<Vec<Finding>> = story
                .par_iter()
                .map(|&rule| run_all(&cx, &[rule]))
                .collect();
            (found, stories, told)
        },
    );
    let mut out: Vec<Finding> = found.into_iter().flatten().collect();
    out.extend(compared);
    out.extend(told.into_iter().flatten());
    // A document in a language figcheck has no data for gets no finding on
    // how its figures are written: its conventions are unknown.
    out.retain(|f| {
        !corpus.docs[f.doc as usize].lang.is_other()
            || !rules.get(&f.code).is_some_and(|r| r.registration.writing)
    });
    let ran: Vec<&str> = selected.iter().map(|r| r.code.as_str()).collect();
    let (mut out, sups) = suppression::apply(corpus, rules, out, &ran);
    let cx = Context {
        stories: &stories,
        suppressions: &sups,
        ..cx
    };
    for rule in selected.iter().filter(|r| needs(r, Needs::Suppressions)) {
        rule.check.run(&cx, rule, &mut out);
    }
    sort_findings(&mut out);
    out
}

/// How many documents the rules that read one document at a time check
/// in one parallel task.
const BATCH: usize = 16;

/// For each selected rule that compares claims of different documents, why
/// claims `a` and `b` (indices into [`Corpus::claims`]) were or were not
/// compared and what came of it: `(code, explanation)`.
pub fn explain_pair(
    corpus: &Corpus,
    lexicon: &Lexicon,
    meanings: &Meanings,
    rules: &RuleSet,
    sel: &Selection,
    a: usize,
    b: usize,
) -> Vec<(String, String)> {
    let names = DocNames::of_corpus(corpus, meanings);
    let stories = Stories::build(corpus, meanings, &names);
    let none = Suppressions::default();
    let cache: Vec<OnceLock<Vec<Breakdown>>> =
        (0..corpus.docs.len()).map(|_| OnceLock::new()).collect();
    let cx = Context {
        names: &names,
        ..Context::new(corpus, lexicon, meanings, rules, &stories, &none, &cache)
    };
    rules
        .iter()
        .filter(|r| sel.includes(r))
        .filter_map(|r| Some((r.code.clone(), r.check.explain_pair(&cx, a, b)?)))
        .collect()
}

/// What a user should know when the selected rules compare documents and
/// some of the `corpus`'s documents have no publication date they read (for
/// a note after the run): those rules compare two undated documents only
/// when their text shows one story (FC204 only when one is a copy of the
/// other), so two files that print one sentence with different figures
/// pass silently. `None` for one document, or when every one is dated.
pub fn undated_note(corpus: &Corpus, rules: &RuleSet, sel: &Selection) -> Option<String> {
    let compares: Vec<&str> = rules
        .iter()
        .filter(|r| sel.includes(r))
        .filter(|r| matches!(r.registration.needs, Needs::Claims | Needs::Stories))
        .map(|r| r.code.as_str())
        .collect();
    let all = corpus.docs.len();
    let undated = corpus
        .docs
        .iter()
        .filter(|d| support::dates::published(d).is_none())
        .count();
    if compares.is_empty() || all < 2 || undated == 0 {
        return None;
    }
    Some(format!(
        "{undated} of {all} documents have no publication date: the rules that compare sources \
         ({}) compare undated documents only when their text shows one story, FC204 only \
         copies of one text; give their dates (front matter `date:`, a JSONL `date`, a sources \
         manifest) to compare them as printings, and see `figcheck claims --explain`",
        compares.join(", ")
    ))
}

/// The deterministic order of findings: document, position, code, claims.
pub(crate) fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.location(), &a.code, &a.claims).cmp(&(b.location(), &b.code, &b.claims))
    });
}

/// The outcome of one inline example of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleResult {
    pub code: String,
    pub index: usize,
    pub(crate) text: String,
    pub expected: bool,
    pub fired: bool,
}

impl ExampleResult {
    pub fn passed(&self) -> bool {
        self.expected == self.fired
    }
}

impl RuleDef {
    /// True for the rules about other rules' findings (suppressions): their
    /// examples run with every enabled rule.
    pub(crate) fn judges_findings(&self) -> bool {
        self.registration.needs == Needs::Suppressions
    }
}

/// The rules as a Markdown table (code, name, severity, summary), as the
/// README shows it.
pub fn markdown_table(rules: &RuleSet) -> String {
    let mut out = String::from("| code | name | severity | what it catches |\n");
    out.push_str("| --- | --- | --- | --- |\n");
    for r in rules.iter() {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            r.code,
            r.name,
            r.severity.as_str(),
            r.summary
        ));
    }
    out
}
