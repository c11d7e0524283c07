//! The readable diff (`diff --format text`).

use std::fmt;

use super::{Change, VersionDiff};
use crate::claims::Corpus;
use crate::report::{Place, Reporter};
use crate::rules::Finding;

/// The sentence around a figure, shortened to about 40 characters each
/// side, the figure in brackets.
fn context(corpus: &Corpus, i: usize) -> String {
    let c = &corpus.claims[i];
    let t = &corpus.docs[0].text;
    let (s, e) = (
        c.sentence().0.min(c.fig.start()),
        c.sentence().1.max(c.fig.end()),
    );
    let before: Vec<char> = t[s..c.fig.start()].chars().collect();
    let after: Vec<char> = t[c.fig.end()..e].chars().collect();
    let cut = 40;
    let b: String = if before.len() > cut {
        format!(
            "…{}",
            before[before.len() - cut..].iter().collect::<String>()
        )
    } else {
        before.iter().collect()
    };
    let a: String = if after.len() > cut {
        format!("{}…", after[..cut].iter().collect::<String>())
    } else {
        after.iter().collect()
    };
    format!("{b}[{}]{a}", &t[c.fig.start()..c.fig.end()]).replace(['\n', '\r'], " ")
}

fn figure_line(corpus: &Corpus, i: usize, sign: char) -> String {
    let c = &corpus.claims[i];
    let p = Place::of(&corpus.docs[0], c.fig.start(), c.fig.end());
    format!(
        "  {sign} {}:{}:{}: {}\n",
        p.path,
        p.line,
        p.column,
        context(corpus, i)
    )
}

pub(super) fn fig_text(corpus: &Corpus, i: usize) -> &str {
    let c = &corpus.claims[i];
    &corpus.docs[0].text[c.fig.start()..c.fig.end()]
}

fn finding_lines(
    out: &mut dyn fmt::Write,
    corpus: &Corpus,
    f: &Finding,
    what: &str,
    sign: char,
) -> fmt::Result {
    let p = Place::of_finding(corpus, f);
    writeln!(
        out,
        "finding {what}: {}[{}]: {} [{}]\n  {sign} {}:{}:{}",
        f.severity.as_str(),
        f.code,
        f.message,
        f.name,
        p.path,
        p.line,
        p.column
    )
}

/// The readable diff: each figure change with the place and sentence on
/// both sides (`-` old, `+` new), the findings introduced and fixed, and a
/// summary line.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct DiffText;

impl Reporter<VersionDiff> for DiffText {
    fn write(&self, d: &VersionDiff, out: &mut dyn fmt::Write) -> fmt::Result {
        write!(out, "--- {}\n+++ {}\n", d.old.docs[0].id, d.new.docs[0].id)?;
        for f in &d.figures {
            let title = match (f.old, f.new) {
                (Some(a), Some(b)) if f.change == Change::Changed => {
                    format!("`{}` -> `{}`", fig_text(&d.old, a), fig_text(&d.new, b))
                }
                (_, Some(b)) => format!("`{}`", fig_text(&d.new, b)),
                (Some(a), None) => format!("`{}`", fig_text(&d.old, a)),
                (None, None) => String::new(),
            };
            writeln!(out, "{}: {title}", f.change.as_str())?;
            if let Some(a) = f.old {
                out.write_str(&figure_line(&d.old, a, '-'))?;
            }
            if let Some(b) = f.new {
                out.write_str(&figure_line(&d.new, b, '+'))?;
            }
        }
        for f in &d.introduced {
            finding_lines(out, &d.new, f, "introduced", '+')?;
        }
        for f in &d.fixed {
            finding_lines(out, &d.old, f, "fixed", '-')?;
        }
        let s = d.summary();
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        writeln!(
            out,
            "{} changed, {} appeared, {} disappeared, {} moved; {} introduced, {} fixed",
            plural(s.changed, "figure"),
            s.appeared,
            s.disappeared,
            s.moved,
            plural(s.introduced, "finding"),
            s.fixed
        )
    }
}
