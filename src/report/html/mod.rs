//! The HTML report of `check`: one self-contained page for reading the
//! findings in their text, in a browser, offline.
//!
//! The page holds everything it needs (its style sheet and script are
//! written into it; no link, image or font is fetched from elsewhere) and
//! its bytes depend only on the run, so it is snapshot-tested like the
//! other formats. From top to bottom:
//!
//! - a summary of the run (documents, figures, findings by severity);
//! - beside the documents, the filters (by severity and by rule, native
//!   checkboxes) and an index of the documents with their counts of
//!   findings;
//! - the claims across sources, per quantity ([`claims`]): every claim of
//!   a key stated by two documents or more, with its source, publication
//!   date, value, place, period and the findings that cite it;
//! - each document ([`text`]): its text with every figure marked (styled by
//!   kind, focusable, showing how figcheck read it on hover or focus) and
//!   each finding flagged at its figure, and beside the text the list of its
//!   findings with rule, severity, message, help and links to the figures
//!   they compare, in any document. Documents without findings start
//!   collapsed.
//!
//! Anchors: `d-N` is document N, `c-N` claim N of the corpus, `f-N` finding
//! N, `s-N` the span of finding N when it is not a figure's. The script
//! only filters, opens the document a link leads into, and marks the page
//! as run (`data-js="ok"` on `<body>`, which an error anywhere in it
//! replaces with `data-js="error"`); everything is readable without it.

mod claims;
mod text;

use std::collections::BTreeMap;
use std::fmt;

use super::figures::{doc_times, figure_records, FigureRecord, SourceRecord};
use super::{Checked, Reporter, Summary};
use crate::claims::source::DocTime;
use crate::rules::{Finding, Severity};

/// The style sheet written into the page.
const CSS: &str = include_str!("page.css");
/// The script written into the page.
const JS: &str = include_str!("page.js");

/// The findings as one self-contained HTML page.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Html;

/// Text escaped for HTML, in element content and in quoted attribute
/// values alike.
pub(crate) struct Esc<'a>(pub(crate) &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut last = 0;
        for (i, b) in s.bytes().enumerate() {
            let rep = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => continue,
            };
            f.write_str(&s[last..i])?;
            f.write_str(rep)?;
            last = i + 1;
        }
        f.write_str(&s[last..])
    }
}

/// What the parts of the page share: the run, the record of every figure,
/// and which findings stand in each document and cite each claim.
pub(super) struct Page<'a> {
    pub(super) run: Checked<'a>,
    pub(super) times: &'a [DocTime],
    pub(super) records: Vec<FigureRecord<'a>>,
    /// For each document, its findings (indices into `run.findings`).
    pub(super) by_doc: Vec<Vec<usize>>,
    /// For each claim, the findings that cite it.
    pub(super) cited_by: Vec<Vec<usize>>,
}

impl<'a> Page<'a> {
    fn new(run: Checked<'a>, times: &'a [DocTime]) -> Page<'a> {
        let corpus = run.corpus;
        let mut by_doc = vec![Vec::new(); corpus.docs.len()];
        let mut cited_by = vec![Vec::new(); corpus.claims.len()];
        for (i, f) in run.findings.iter().enumerate() {
            by_doc[f.doc as usize].push(i);
            for &c in &f.claims {
                if cited_by[c].last() != Some(&i) {
                    cited_by[c].push(i);
                }
            }
        }
        Page {
            run,
            times,
            records: figure_records(corpus, run.cfg, times),
            by_doc,
            cited_by,
        }
    }

    /// The documents with findings, then those without, each in input
    /// order: the page shows them in this order, the first open.
    fn groups(&self) -> (Vec<usize>, Vec<usize>) {
        (0..self.by_doc.len()).partition(|&d| !self.by_doc[d].is_empty())
    }

    /// The source of document `d`, as given or as its text says.
    pub(super) fn source(&self, d: usize) -> SourceRecord<'a> {
        SourceRecord::of(&self.run.corpus.docs[d], &self.times[d])
    }

    /// The attributes every element standing for finding `i` carries, that
    /// the filters read: ` data-finding="f-i" data-sev=… data-rule=…`.
    pub(super) fn finding_attrs(&self, i: usize) -> String {
        let f = &self.run.findings[i];
        format!(
            " data-finding=\"f-{i}\" data-sev=\"{}\" data-rule=\"{}\"",
            f.severity.as_str(),
            Esc(&f.code)
        )
    }

    /// Where finding `i` points in its text: its figure, or its own span.
    pub(super) fn anchor_of(&self, i: usize) -> String {
        text::anchor_of(self, i)
    }

    /// A link to claim `c`: its text in quotes, and where it stands when
    /// the link is in the text of another document than `here`'s (`None`:
    /// outside the documents, where the place is shown beside it).
    pub(super) fn claim_link(
        &self,
        c: usize,
        here: Option<usize>,
        out: &mut dyn fmt::Write,
    ) -> fmt::Result {
        let r = &self.records[c];
        let doc = self.run.corpus.claims[c].doc as usize;
        write!(
            out,
            "<a class=\"fig-link\" href=\"#c-{c}\">«{}»",
            Esc(r.text)
        )?;
        if here.is_some_and(|h| h != doc) {
            write!(
                out,
                " <span class=\"at\">in {}, line {}</span>",
                Esc(r.doc),
                r.line
            )?;
        }
        out.write_str("</a>")
    }
}

impl Reporter<Checked<'_>> for Html {
    fn write(&self, run: &Checked<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        let times = doc_times(run.corpus, &run.cfg.meanings);
        let page = Page::new(*run, &times);
        let summary = Summary::of(run.corpus, run.findings);
        out.write_str(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>figcheck report</title>\n<style>\n",
        )?;
        out.write_str(CSS)?;
        out.write_str("</style>\n</head>\n<body data-js=\"pending\">\n")?;
        header(&page, &summary, out)?;
        out.write_str(
            "<div class=\"layout\">\n<nav class=\"side\" aria-label=\"Filters and documents\">\n",
        )?;
        filters(&page, &summary, out)?;
        index(&page, out)?;
        out.write_str("</nav>\n<main>\n")?;
        claims::table(&page, out)?;
        let (loud, quiet) = page.groups();
        for (docs, label) in [(&loud, "with findings"), (&quiet, "without findings")] {
            if docs.is_empty() {
                continue;
            }
            writeln!(
                out,
                "<section class=\"docs\">\n<h2 class=\"group\">{} {label}</h2>",
                plural(docs.len(), "document", "documents")
            )?;
            for &d in docs {
                text::document(&page, d, out)?;
            }
            out.write_str("</section>\n")?;
        }
        out.write_str("</main>\n</div>\n<script>\n")?;
        out.write_str(JS)?;
        out.write_str("</script>\n</body>\n</html>\n")
    }
}

/// The severities, most serious first, as the filters list them.
fn severities() -> [Severity; 3] {
    [Severity::Error, Severity::Warning, Severity::Info]
}

/// `n` and the noun that goes with it ("1 figure", "2 figures").
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The title and the summary of the run.
fn header(page: &Page, s: &Summary, out: &mut dyn fmt::Write) -> fmt::Result {
    let with_findings = page.by_doc.iter().filter(|v| !v.is_empty()).count();
    writeln!(
        out,
        "<header class=\"top\">\n<h1>figcheck report</h1>\n<p class=\"summary\">\
         <b>{}</b>, <b>{}</b>, <b>{}</b> in {}: \
         <span class=\"sev sev-error\">{}</span>, \
         <span class=\"sev sev-warning\">{}</span>, \
         <span class=\"sev sev-info\">{} info</span></p>",
        plural(s.documents, "document", "documents"),
        plural(s.figures, "figure", "figures"),
        plural(s.findings, "finding", "findings"),
        plural(with_findings, "document", "documents"),
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        s.info,
    )?;
    out.write_str("<p class=\"legend\" aria-label=\"Kinds of figure\">")?;
    for kind in text::KINDS {
        write!(out, "<span class=\"swatch k-{kind}\">{kind}</span> ")?;
    }
    out.write_str("</p>\n</header>\n")
}

/// The filters: a checkbox per severity and per rule that has findings.
fn filters(page: &Page, s: &Summary, out: &mut dyn fmt::Write) -> fmt::Result {
    out.write_str(
        "<form class=\"filters\" aria-label=\"Filters\">\n<fieldset><legend>Severity</legend>\n",
    )?;
    for sev in severities() {
        let n = match sev {
            Severity::Error => s.errors,
            Severity::Warning => s.warnings,
            Severity::Info => s.info,
        };
        let name = sev.as_str();
        writeln!(
            out,
            "<label><input type=\"checkbox\" data-filter=\"sev\" value=\"{name}\" checked> \
             <span class=\"sev sev-{name}\">{name}</span> <span class=\"n\">{n}</span></label>"
        )?;
    }
    out.write_str("</fieldset>\n<fieldset><legend>Rules</legend>\n")?;
    let mut rules: BTreeMap<&str, (&Finding, usize)> = BTreeMap::new();
    for f in page.run.findings {
        rules.entry(f.code.as_str()).or_insert((f, 0)).1 += 1;
    }
    if rules.is_empty() {
        out.write_str("<p class=\"none\">No finding.</p>\n")?;
    }
    for (code, (f, n)) in rules {
        writeln!(
            out,
            "<label title=\"{}\"><input type=\"checkbox\" data-filter=\"rule\" value=\"{}\" checked> \
             <code class=\"sev-{}\">{}</code> {} <span class=\"n\">{n}</span></label>",
            Esc(&f.name),
            Esc(code),
            f.severity.as_str(),
            Esc(code),
            Esc(&f.name),
        )?;
    }
    out.write_str("</fieldset>\n</form>\n")
}

/// The index of the documents, with their counts of findings, and the
/// buttons that open and close them.
fn index(page: &Page, out: &mut dyn fmt::Write) -> fmt::Result {
    out.write_str(
        "<div class=\"index\">\n<h2>Documents</h2>\n<p class=\"tools\">\
         <button type=\"button\" data-open=\"all\">Expand all</button> \
         <button type=\"button\" data-open=\"findings\">Only with findings</button> \
         <button type=\"button\" data-open=\"none\">Collapse all</button></p>\n",
    )?;
    let (loud, quiet) = page.groups();
    for (docs, label) in [(&loud, "With findings"), (&quiet, "Without findings")] {
        if docs.is_empty() {
            continue;
        }
        writeln!(out, "<h3>{label}</h3>\n<ol>")?;
        for &d in docs {
            index_entry(page, d, out)?;
        }
        out.write_str("</ol>\n")?;
    }
    out.write_str("</div>\n")
}

/// Document `d`'s line in the index.
fn index_entry(page: &Page, d: usize, out: &mut dyn fmt::Write) -> fmt::Result {
    let doc = &page.run.corpus.docs[d];
    let n = page.by_doc[d].len();
    let worst = page.by_doc[d]
        .iter()
        .map(|&i| page.run.findings[i].severity)
        .max();
    let class = worst.map_or("quiet".to_string(), |s| format!("sev-{}", s.as_str()));
    writeln!(
        out,
        "<li class=\"{class}\"><a href=\"#d-{d}\" title=\"{}\">{}</a> \
         <span class=\"count\" data-count-of=\"d-{d}\">{n}</span></li>",
        Esc(&doc.id),
        Esc(short_name(&doc.id)),
    )
}

/// The last part of a path, for the index (the full id is its title).
fn short_name(id: &str) -> &str {
    let tail = id.rsplit(['/', '\\']).next().unwrap_or(id);
    if tail.is_empty() {
        id
    } else {
        tail
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{analysed, TEXT};

    fn render(text: &str) -> (String, usize, usize) {
        let (cfg, corpus, findings) = analysed(text);
        let out = Html.render(&Checked {
            corpus: &corpus,
            findings: &findings,
            cfg,
        });
        (out, corpus.claims.len(), findings.len())
    }

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(
            Esc("<a href=\"x\">&'</a>").to_string(),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(Esc("1\u{a0}500 €").to_string(), "1\u{a0}500 €");
    }

    #[test]
    fn every_figure_and_finding_is_marked() {
        let (out, figures, findings) = render(TEXT);
        assert!(findings > 0 && figures > 0);
        assert_eq!(out.matches("<span class=\"fig k-").count(), figures);
        assert_eq!(out.matches("<li class=\"finding ").count(), findings);
        assert_eq!(out.matches("<a class=\"flag ").count(), findings);
        assert!(out.contains("id=\"c-0\""), "{out}");
        assert!(out.ends_with("</html>\n"));
    }

    #[test]
    fn a_script_in_the_text_stays_text() {
        let text = "<script>alert(1)</script> Il reste 2.500 XNUMX soldats \"<img src=x onerror=alert(2)>\".\n";
        let (out, _, _) = render(text);
        assert_eq!(
            out.matches("<script").count(),
            1,
            "only the page's own script"
        );
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;script&gt;alert("), "{out}");
        assert!(out.contains("&lt;/script&gt;"), "{out}");
    }

    #[test]
    fn nothing_is_fetched_from_elsewhere() {
        let (out, _, _) = render(TEXT);
        for attr in ["src=", "href=", "action=", "srcset=", "poster="] {
            for (at, _) in out.match_indices(attr) {
                let value = &out[at + attr.len()..];
                assert!(
                    attr == "href=" && value.starts_with("\"#"),
                    "{attr} pointing outside the page: {}",
                    &out[at..(at + 60).min(out.len())]
                );
            }
        }
        for needle in [
            "url(",
            "@import",
            "http:",
            "https:",
            "fetch(",
            "XMLHttpRequest",
        ] {
            assert!(!out.contains(needle), "{needle}");
        }
    }

    #[test]
    fn the_same_run_gives_the_same_bytes() {
        assert_eq!(render(TEXT).0, render(TEXT).0);
    }
}
