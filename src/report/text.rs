//! The readable report of `check`: each finding as a compiler-style
//! diagnostic with the source line and the figure underlined, then a
//! summary line.

use std::borrow::Cow;
use std::fmt;

use annotate_snippets::{Level, Renderer, Snippet};

use super::{Checked, Reporter, Summary};
use crate::input::Document;
use crate::rules::Severity;

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
/// line was cut or a tab expanded).
struct Excerpt<'a> {
    src: Cow<'a, str>,
    line: usize,
    range: std::ops::Range<usize>,
    shown_at: String,
    true_at: String,
}

/// How many spaces a tab of the excerpt shows as. The renderer draws a tab
/// its own way, so the excerpt reaches it with its tabs expanded, and the
/// underline stands under the figure.
const TAB: &str = "    ";

/// The excerpt of `doc`'s file shown for span `[s, e)` of it: its whole
/// lines (the renderer shortens long lines around the span itself and
/// computes the column from the excerpt's start), cut around the span when
/// they are very long, with tabs expanded.
fn excerpt(doc: &Document, s: usize, e: usize) -> Excerpt<'_> {
    let text = doc.source_text();
    let lines = doc.source_lines();
    let (mut from, _) = lines.line_span(text, s);
    let (_, mut to) = lines.line_span(text, e);
    let (line, column) = lines.line_col(text, s);
    if to - from > LONG_LINE {
        let cut = s.saturating_sub(MARGIN).max(from);
        from = (cut..=s).find(|&o| text.is_char_boundary(o)).unwrap_or(s);
        to = (e + MARGIN).min(to);
        while !text.is_char_boundary(to) {
            to += 1;
        }
    }
    let first_line = lines.line_col(text, from).0;
    let raw = &text[from..to];
    let (src, range) = if raw.contains('\t') {
        // Each tab before an offset moves it by the spaces it becomes.
        let shift = |o: usize| raw[..o].matches('\t').count() * (TAB.len() - 1);
        let (rs, re) = (s - from, e - from);
        (
            Cow::Owned(raw.replace('\t', TAB)),
            (rs + shift(rs))..(re + shift(re)),
        )
    } else {
        (Cow::Borrowed(raw), (s - from)..(e - from))
    };
    // The column the renderer computes: characters from the start of the
    // span's line in the excerpt.
    let line_start = src[..range.start].rfind('\n').map_or(0, |p| p + 1);
    let shown_column = src[line_start..range.start].chars().count() + 1;
    Excerpt {
        src,
        line: first_line,
        range,
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

/// Findings as diagnostics, then a summary line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Text {
    /// Colour the diagnostics (ANSI escapes).
    pub color: bool,
}

impl Reporter<Checked<'_>> for Text {
    fn write(&self, run: &Checked<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        let Checked {
            corpus, findings, ..
        } = *run;
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        for f in findings {
            let doc = &corpus.docs[f.doc as usize];
            // The excerpt is of the file itself (an HTML file's own line).
            let (s, e) = doc.source_span(f.span.0, f.span.1);
            let main = excerpt(doc, s, e);
            let (src, line, range) = (&*main.src, main.line, main.range.clone());
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
                    let (s, e) = d.source_span(c.fig.start(), c.fig.end());
                    (excerpt(d, s, e), d.id.as_str())
                })
                .collect();
            for (x, id) in &others {
                msg = msg.snippet(
                    Snippet::source(&x.src)
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
            out.write_str(&fix_columns(renderer.render(msg).to_string(), &shown))?;
            out.write_str("\n\n")?;
        }
        out.write_str(&summary_line(&Summary::of(corpus, findings)))?;
        out.write_char('\n')
    }
}

/// "3 findings (1 error, 0 warnings, 2 info) in 5 documents, 80 figures".
pub(crate) fn summary_line(s: &Summary) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{analysed, TEXT};

    #[test]
    fn diagnostics_then_summary() {
        let (cfg, corpus, findings) = analysed(TEXT);
        let run = Checked {
            corpus: &corpus,
            findings: &findings,
            cfg,
        };
        let plain = Text { color: false }.render(&run);
        assert!(plain.contains("--> a.txt:1:"), "{plain}");
        assert!(
            plain.ends_with(&format!(
                "{}\n",
                summary_line(&Summary::of(&corpus, &findings))
            )),
            "{plain}"
        );
        assert!(!plain.contains('\x1b'));
        assert!(Text { color: true }.render(&run).contains('\x1b'));
    }

    #[test]
    fn the_underline_stands_under_a_figure_after_tabs() {
        let (cfg, corpus, findings) = analysed("Bilan\tIl reste\t2.500 XNUMX soldats.\n");
        let run = Checked {
            corpus: &corpus,
            findings: &findings,
            cfg,
        };
        let plain = Text { color: false }.render(&run);
        // The true column: "Bilan\tIl reste\t" is 15 characters.
        assert!(plain.contains("--> a.txt:1:16"), "{plain}");
        let lines: Vec<&str> = plain.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("| Bilan"))
            .expect("the source line");
        assert!(!lines[at].contains('\t'), "{plain}");
        let figure = lines[at].find("2.500").unwrap();
        let caret = lines[at + 1].find('^').expect("an underline");
        assert_eq!(figure, caret, "{plain}");
        assert_eq!(
            lines[at + 1][caret..]
                .trim_end()
                .trim_end_matches(" this figure"),
            "^".repeat("2.500 XNUMX".len()),
            "{plain}"
        );
    }

    #[test]
    fn summary_counts_in_words() {
        let s = Summary {
            documents: 1,
            figures: 2,
            findings: 1,
            errors: 1,
            warnings: 0,
            info: 0,
        };
        assert_eq!(
            summary_line(&s),
            "1 finding (1 error, 0 warnings, 0 info) in 1 document, 2 figures"
        );
    }
}
