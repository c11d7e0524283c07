//! The claims across sources in the HTML report: for each quantity (the
//! key the source rules compare claims by: measure, role, side, level or
//! change) that two documents or more state, every claim with its source,
//! publication date, value, place and period, and its status: the findings
//! that cite it.

use std::fmt;

use super::text::{period_text, value_text};
use super::{Esc, Page};

/// Up to this many rows, the table starts open; a longer one (many
/// documents on many stories) starts collapsed under its summary.
const OPEN_UP_TO: usize = 30;

/// Writes the table (a section saying so when no quantity is stated by
/// two documents).
pub(super) fn table(page: &Page, out: &mut dyn fmt::Write) -> fmt::Result {
    let corpus = page.run.corpus;
    let meanings = &page.run.cfg.meanings;
    let mut buckets: Vec<(_, Vec<usize>, usize)> = corpus
        .buckets(meanings)
        .into_iter()
        .map(|(k, v)| {
            let mut docs: Vec<u32> = v.iter().map(|&i| corpus.claims[i].doc).collect();
            docs.dedup();
            (k, v, docs.len())
        })
        .filter(|(_, _, docs)| *docs >= 2)
        .collect();
    // Quantities stated by the most documents first, as `claims` lists them.
    buckets.sort_by_key(|(k, v, docs)| (std::cmp::Reverse(*docs), std::cmp::Reverse(v.len()), *k));
    let n = buckets.len();
    let rows: usize = buckets.iter().map(|(_, v, _)| v.len()).sum();
    writeln!(
        out,
        "<details class=\"claims\" id=\"claims\"{}>\n<summary><h2>Claims across sources</h2> \
         <span class=\"doc-meta\">{} stated by several documents</span></summary>",
        if n > 0 && rows <= OPEN_UP_TO {
            " open"
        } else {
            ""
        },
        super::plural(n, "quantity", "quantities"),
    )?;
    if buckets.is_empty() {
        return out.write_str(
            "<p class=\"none\">No quantity is stated by two documents.</p>\n</details>\n",
        );
    }
    out.write_str(
        "<table>\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Published</th>\
         <th scope=\"col\">Value</th><th scope=\"col\">As written</th><th scope=\"col\">Place</th>\
         <th scope=\"col\">Time</th><th scope=\"col\">Status</th></tr></thead>\n",
    )?;
    for (key, members, docs) in buckets {
        writeln!(
            out,
            "<tbody>\n<tr class=\"key\"><th colspan=\"7\" scope=\"rowgroup\">{} \
             <span class=\"n\">{} in {}</span></th></tr>",
            Esc(&meanings.describe(&key)),
            super::plural(members.len(), "claim", "claims"),
            super::plural(docs, "document", "documents"),
        )?;
        for c in members {
            row(page, c, out)?;
        }
        out.write_str("</tbody>\n")?;
    }
    out.write_str("</table>\n</details>\n")
}

/// One claim's row.
fn row(page: &Page, c: usize, out: &mut dyn fmt::Write) -> fmt::Result {
    let r = &page.records[c];
    let d = page.run.corpus.claims[c].doc as usize;
    write!(
        out,
        "<tr><td><a href=\"#d-{d}\">{}</a>",
        Esc(super::short_name(r.doc))
    )?;
    if let Some(o) = &r.source.outlet {
        write!(out, " <span class=\"outlet\">{}</span>", Esc(o))?;
    }
    write!(
        out,
        "</td><td class=\"date\">{}</td><td class=\"num\">{}</td><td>",
        Esc(r.source.date.as_deref().unwrap_or("—")),
        Esc(value_text(r).as_deref().unwrap_or("—")),
    )?;
    page.claim_link(c, None, out)?;
    let period = period_text(r).unwrap_or_else(|| "—".to_string());
    write!(
        out,
        "</td><td>{}</td><td>{}</td><td>",
        Esc(r.place.as_deref().unwrap_or("—")),
        Esc(&period)
    )?;
    let cited = &page.cited_by[c];
    if cited.is_empty() {
        out.write_str("<span class=\"quiet\">no finding</span>")?;
    }
    for &i in cited {
        let f = &page.run.findings[i];
        write!(
            out,
            "<a class=\"badge sev-{}\" href=\"#f-{i}\"{}>{} {}</a> ",
            f.severity.as_str(),
            page.finding_attrs(i),
            Esc(&f.code),
            Esc(&f.name)
        )?;
    }
    out.write_str("</td></tr>\n")
}
