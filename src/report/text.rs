//! The readable report: each finding as a compiler-style diagnostic with
//! the source line and the figure underlined, then a summary line; and the
//! table of figures of `extract --format text`.

use annotate_snippets::{Level, Renderer, Snippet};

use super::Summary;
use crate::claims::Corpus;
use crate::config::Config;
use crate::input::Document;
use crate::rules::{Finding, Severity};

fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

/// Lines longer than this are cut to [`MARGIN`] bytes either side of the
/// span before rendering: the renderer shows about a terminal's width of
/// them anyway, and walks the whole line for each finding.
const LONG_LINE: usize = 4096;
const MARGIN: usize = 1024;

/// What is shown of a span: the excerpt, its first line number, the span
/// relative to it, and where the renderer will place the span and where it
/// truly is (`file:line:column`, differing in the column only when a long
/// line was cut).
struct Excerpt<'a> {
    src: &'a str,
    line: usize,
    range: std::ops::Range<usize>,
    shown_at: String,
    true_at: String,
}

/// The excerpt of `doc`'s file shown for span `[s, e)` of it: its whole
/// lines (the renderer shortens long lines around the span itself and
/// computes the column from the excerpt's start), cut around the span when
/// they are very long.
fn excerpt(doc: &Document, s: usize, e: usize) -> Excerpt<'_> {
    let text = doc.source_text();
    let lines = doc.source_lines();
    let (mut from, _) = lines.line_span(text, s);
    let (_, mut to) = lines.line_span(text, e);
    let (line, column) = lines.line_col(text, s);
    let mut shown_column = column;
    if to - from > LONG_LINE {
        let cut = s.saturating_sub(MARGIN).max(from);
        from = (cut..=s).find(|&o| text.is_char_boundary(o)).unwrap_or(s);
        to = (e + MARGIN).min(to);
        while !text.is_char_boundary(to) {
            to += 1;
        }
        shown_column = text[from..s].chars().count() + 1;
    }
    let first_line = lines.line_col(text, from).0;
    Excerpt {
        src: &text[from..to],
        line: first_line,
        range: (s - from)..(e - from),
        shown_at: format!("{}:{line}:{shown_column}", doc.id),
        true_at: format!("{}:{line}:{column}", doc.id),
    }
}

/// Puts back the true columns of excerpts cut from long lines, in the order
/// the renderer shows them.
fn fix_columns(rendered: String, shown: &[&Excerpt]) -> String {
    if shown.iter().all(|x| x.shown_at == x.true_at) {
        return rendered;
    }
    let mut out = String::with_capacity(rendered.len());
    let mut rest = rendered.as_str();
    for x in shown {
        if let Some(p) = rest.find(&x.shown_at) {
            out.push_str(&rest[..p]);
            out.push_str(&x.true_at);
            rest = &rest[p + x.shown_at.len()..];
        }
    }
    out.push_str(rest);
    out
}

/// Renders findings as diagnostics, then a summary line.
pub fn check_report(corpus: &Corpus, findings: &[Finding], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for f in findings {
        let doc = &corpus.docs[f.doc as usize];
        // The excerpt is of the file itself (an HTML file's own line).
        let (s, e) = doc.source_span(f.span.0, f.span.1);
        let main = excerpt(doc, s, e);
        let (src, line, range) = (main.src, main.line, main.range.clone());
        let lvl = level(f.severity);
        let title = format!("{} [{}]", f.message, f.name);
        let mut msg = lvl.title(&title).id(&f.code).snippet(
            Snippet::source(src)
                .line_start(line)
                .origin(&doc.id)
                .fold(true)
                .annotation(lvl.span(range).label(if f.claims.is_empty() {
                    "here"
                } else {
                    "this figure"
                })),
        );
        // The other figures the finding rests on, each in its own source.
        let others: Vec<_> = f
            .claims
            .iter()
            .skip(1)
            .map(|&i| {
                let c = &corpus.claims[i];
                let d = corpus.doc_of(c);
                let (s, e) = d.source_span(c.fig.start, c.fig.end);
                (excerpt(d, s, e), d.id.as_str())
            })
            .collect();
        for (x, id) in &others {
            msg = msg.snippet(
                Snippet::source(x.src)
                    .line_start(x.line)
                    .origin(id)
                    .fold(true)
                    .annotation(Level::Info.span(x.range.clone()).label("compared with")),
            );
        }
        if !f.help.is_empty() {
            msg = msg.footer(Level::Help.title(&f.help));
        }
        let shown: Vec<&Excerpt> = std::iter::once(&main)
            .chain(others.iter().map(|(x, _)| x))
            .collect();
        out.push_str(&fix_columns(renderer.render(msg).to_string(), &shown));
        out.push_str("\n\n");
    }
    out.push_str(&summary_line(&Summary::of(corpus, findings)));
    out.push('\n');
    out
}

/// "3 findings (1 error, 0 warnings, 2 info) in 5 documents, 80 figures".
pub fn summary_line(s: &Summary) -> String {
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    format!(
        "{} ({}, {}, {} info) in {}, {}",
        plural(s.findings, "finding"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        s.info,
        plural(s.documents, "document"),
        plural(s.figures, "figure"),
    )
}

/// The figures as a table: location, kind, value or interval, qualifier,
/// what is counted and its meaning.
pub fn figures_table(corpus: &Corpus, cfg: &Config) -> String {
    let mut out = String::new();
    let times = super::doc_times(corpus, &cfg.meanings);
    for r in super::figure_records(corpus, cfg, &times) {
        let value = match (&r.value, &r.low, &r.high) {
            _ if r.date.is_some() => r.date.clone().unwrap_or_default(),
            (Some(v), None, None) => v.clone(),
            (None, None, None) => "-".to_string(),
            (v, l, h) => format!(
                "{}[{}, {}]",
                v.as_ref().map(|v| format!("{v} ")).unwrap_or_default(),
                l.as_deref().unwrap_or("-inf"),
                h.as_deref().unwrap_or("+inf")
            ),
        };
        let mut meaning = Vec::new();
        for x in [r.unit, r.qualifier, r.entity].into_iter().flatten() {
            meaning.push(x.to_string());
        }
        if let Some(k) = &r.key {
            meaning.push(format!("key: {k}"));
        }
        if let Some(p) = &r.place {
            meaning.push(format!("in {p}"));
        }
        if r.ambiguous {
            meaning.push("AMBIGUOUS".into());
        }
        if let Some(p) = &r.period {
            meaning.push(format!("{}..{}", p.start, p.end));
        }
        if r.repeat {
            meaning.push("(repeat)".into());
        }
        if r.boilerplate {
            meaning.push("(boilerplate)".into());
        }
        out.push_str(&format!(
            "{}:{}:{}\t{}\t{}\t{:?}\t{}\n",
            r.doc,
            r.line,
            r.column,
            r.kind,
            value,
            r.text,
            meaning.join(" | ")
        ));
    }
    out
}

/// The claims grouped by key across sources: for each key, one row per
/// claim with its source, value, qualifier, places, period and location.
/// Keys that only one document states come after those several state.
pub fn claims_matrix(corpus: &Corpus, cfg: &Config) -> String {
    let times = super::doc_times(corpus, &cfg.meanings);
    let records = super::figure_records(corpus, cfg, &times);
    let mut buckets = corpus.buckets(&cfg.meanings);
    // Keys stated by several documents first, then by number of claims.
    buckets.sort_by_key(|(k, v)| {
        let mut docs: Vec<u32> = v.iter().map(|&i| corpus.claims[i].doc).collect();
        docs.dedup();
        (
            std::cmp::Reverse(docs.len()),
            std::cmp::Reverse(v.len()),
            *k,
        )
    });
    let mut out = String::new();
    for (key, members) in buckets {
        out.push_str(&format!("{}\n", cfg.meanings.describe(&key)));
        for i in members {
            let r = &records[i];
            let value = match (&r.value, &r.low, &r.high) {
                (Some(v), None, None) => v.clone(),
                (v, l, h) => format!(
                    "{}[{}, {}]",
                    v.as_ref().map(|v| format!("{v} ")).unwrap_or_default(),
                    l.as_deref().unwrap_or("-inf"),
                    h.as_deref().unwrap_or("+inf")
                ),
            };
            let source = match (&r.source.outlet, &r.source.date) {
                (Some(o), Some(d)) => format!("{o}, {d}"),
                (Some(o), None) => o.to_string(),
                (None, Some(d)) => d.to_string(),
                (None, None) => "source unknown".into(),
            };
            let period = r.period.as_ref().map_or("period unknown".to_string(), |p| {
                format!("{}..{}", p.start, p.end)
            });
            out.push_str(&format!(
                "  {:<14} {:<10} {:<12} {:<22} {}  {}:{}:{} {:?}  ({})\n",
                value,
                r.qualifier.unwrap_or("-"),
                r.place.as_deref().unwrap_or("-"),
                period,
                r.entity.unwrap_or(""),
                r.doc,
                r.line,
                r.column,
                r.text,
                source,
            ));
        }
        out.push('\n');
    }
    out
}
