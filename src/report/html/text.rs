//! A document in the HTML report: its text with every figure marked and
//! every finding flagged where it stands, and beside it the list of its
//! findings.
//!
//! Figures never overlap one another. A finding is shown at its figure
//! when its span is a figure's (or lies within one); a finding about other
//! text (a "XNUMX" alone, two figures side by side) marks its own span,
//! widened to the whole of any figure it cuts, so that marks nest.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use super::{Esc, Page};
use crate::report::figures::FigureRecord;

/// The kinds of figure, as their classes name them (`k-count`...).
pub(super) const KINDS: [&str; 14] = [
    "count",
    "percent",
    "money",
    "measure",
    "temperature",
    "age",
    "duration",
    "date",
    "time",
    "ordinal",
    "range",
    "fraction",
    "identifier",
    "phone",
];

/// The anchor of finding `i`'s own span (when it is not a figure's).
pub(super) fn span_anchor(i: usize) -> String {
    format!("s-{i}")
}

/// Where finding `i` is shown in its text: at a figure (its claim index)
/// or on its own span, widened to the whole of the figures it cuts.
pub(super) fn placement(page: &Page, i: usize) -> Result<usize, (usize, usize)> {
    let corpus = page.run.corpus;
    let f = &page.run.findings[i];
    let claims = &corpus.claims[corpus.doc_claims[f.doc as usize].clone()];
    let (mut s, mut e) = f.span;
    for c in claims {
        if c.fig.start() < e && s < c.fig.end() {
            s = s.min(c.fig.start());
            e = e.max(c.fig.end());
        }
    }
    match claims
        .iter()
        .position(|c| (c.fig.start(), c.fig.end()) == (s, e))
    {
        Some(k) => Ok(corpus.doc_claims[f.doc as usize].start + k),
        None => Err((s, e)),
    }
}

/// The anchor of finding `i` in its text.
pub(super) fn anchor_of(page: &Page, i: usize) -> String {
    match placement(page, i) {
        Ok(c) => format!("c-{c}"),
        Err(_) => span_anchor(i),
    }
}

/// What is marked in a text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    /// The span of findings that is no figure's (their indices).
    Span(Vec<usize>),
    /// A figure: its claim index.
    Figure(usize),
}

/// The marks of a text: `(start, end, mark)`, sorted so that a mark comes
/// before those it holds; and, per claim, the findings shown at its figure.
struct Marks {
    marks: Vec<(usize, usize, Mark)>,
    at_figure: BTreeMap<usize, Vec<usize>>,
}

/// The marks of document `d`.
fn marks(page: &Page, d: usize) -> Marks {
    let corpus = page.run.corpus;
    let figs: Vec<(usize, usize, usize)> = corpus.doc_claims[d]
        .clone()
        .map(|c| (corpus.claims[c].fig.start(), corpus.claims[c].fig.end(), c))
        .collect();
    let mut at_figure: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut spans: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for &i in &page.by_doc[d] {
        match placement(page, i) {
            Ok(c) => at_figure.entry(c).or_default().push(i),
            Err(span) => spans.entry(span).or_default().push(i),
        }
    }
    let mut out: Vec<(usize, usize, Mark)> = figs
        .iter()
        .map(|&(s, e, c)| (s, e, Mark::Figure(c)))
        .chain(spans.into_iter().map(|((s, e), v)| (s, e, Mark::Span(v))))
        .collect();
    // Outer marks first: by start, then the longer first, then a span of
    // findings before the figure it holds.
    out.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.cmp(&a.1))
            .then_with(|| a.2.cmp(&b.2))
    });
    Marks {
        marks: out,
        at_figure,
    }
}

/// A slice of `text` that never cuts a character.
fn slice(text: &str, mut s: usize, mut e: usize) -> &str {
    e = e.min(text.len());
    s = s.min(e);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    &text[s..e]
}

/// Writes document `d`: a `<details>` open when it has findings, with its
/// marked text and its list of findings.
pub(super) fn document(page: &Page, d: usize, out: &mut dyn fmt::Write) -> fmt::Result {
    let corpus = page.run.corpus;
    let doc = &corpus.docs[d];
    let findings = &page.by_doc[d];
    let figures = corpus.doc_claims[d].len();
    let source = page.source(d);
    writeln!(
        out,
        "<details class=\"doc\" id=\"d-{d}\"{}>",
        if findings.is_empty() { "" } else { " open" }
    )?;
    write!(
        out,
        "<summary><span class=\"doc-id\">{}</span> <span class=\"doc-meta\">{}",
        Esc(&doc.id),
        Esc(doc.lang.as_str())
    )?;
    if let Some(o) = &source.outlet {
        write!(out, " · {}", Esc(o))?;
    }
    if let Some(date) = &source.date {
        write!(out, " · published {}", Esc(date))?;
    }
    write!(out, " · {} · ", super::plural(figures, "figure", "figures"))?;
    writeln!(
        out,
        "<span class=\"count\" data-count-of=\"d-{d}\">{}</span> {}</span></summary>",
        findings.len(),
        if findings.len() == 1 {
            "finding"
        } else {
            "findings"
        }
    )?;
    if let Some(url) = source.url {
        // The address as text: the page links to nothing outside itself.
        writeln!(out, "<p class=\"url\">{}</p>", Esc(url))?;
    }
    out.write_str("<div class=\"doc-body\">\n")?;
    let lang = doc.lang.as_str();
    if lang.len() <= 3 {
        write!(out, "<div class=\"text\" lang=\"{}\">", Esc(lang))?;
    } else {
        out.write_str("<div class=\"text\">")?;
    }
    marked_text(page, d, out)?;
    out.write_str("</div>\n")?;
    if !findings.is_empty() {
        write!(
            out,
            "<aside class=\"doc-findings\" aria-label=\"Findings of {}\">\n<ol>\n",
            Esc(&doc.id)
        )?;
        for &i in findings {
            finding_item(page, d, i, out)?;
        }
        out.write_str("</ol>\n</aside>\n")?;
    }
    out.write_str("</div>\n</details>\n")
}

/// The text of document `d` with its marks.
fn marked_text(page: &Page, d: usize, out: &mut dyn fmt::Write) -> fmt::Result {
    let text = page.run.corpus.docs[d].text.as_str();
    let Marks { marks, at_figure } = marks(page, d);
    let none = Vec::new();
    // Open marks: where each ends, and what closes it.
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut pos = 0;
    for (start, end, mark) in marks {
        while let Some((e, _)) = open.last() {
            if *e > start {
                break;
            }
            let (e, close) = open.pop().expect("an open mark");
            write!(out, "{}{close}", Esc(slice(text, pos, e)))?;
            pos = pos.max(e);
        }
        // A mark that would cross the one holding it ends with it.
        let end = open.last().map_or(end, |(e, _)| end.min(*e));
        write!(out, "{}", Esc(slice(text, pos, start)))?;
        pos = pos.max(start);
        let close = match mark {
            Mark::Figure(c) => {
                let shown = at_figure.get(&c).unwrap_or(&none);
                open_figure(page, c, shown, out)?;
                let mut close = String::new();
                tip(page, c, &page.records[c], &mut close)?;
                close.push_str("</span>");
                flags(page, shown, &mut close)?;
                close
            }
            Mark::Span(findings) => {
                let first = findings[0];
                let worst = worst(page, &findings);
                write!(
                    out,
                    "<mark class=\"span sev-{worst}\" id=\"{}\" tabindex=\"0\" data-findings=\"{}\">",
                    span_anchor(first),
                    ids(&findings)
                )?;
                // Every other finding of the same span answers to its id.
                let mut close = String::new();
                for &i in &findings[1..] {
                    write!(close, "<span id=\"{}\"></span>", span_anchor(i))?;
                }
                close.push_str("</mark>");
                flags(page, &findings, &mut close)?;
                close
            }
        };
        open.push((end, close));
    }
    while let Some((e, close)) = open.pop() {
        write!(out, "{}{close}", Esc(slice(text, pos, e)))?;
        pos = pos.max(e);
    }
    write!(out, "{}", Esc(slice(text, pos, text.len())))
}

/// The most serious severity among `findings`, as its class names it.
fn worst(page: &Page, findings: &[usize]) -> &'static str {
    findings
        .iter()
        .map(|&i| page.run.findings[i].severity)
        .max()
        .map_or("info", |s| s.as_str())
}

/// The anchors of findings, space-separated.
fn ids(findings: &[usize]) -> String {
    findings
        .iter()
        .map(|i| format!("f-{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The opening tag of claim `c`'s figure, with how it was read in data
/// attributes.
fn open_figure(page: &Page, c: usize, shown: &[usize], out: &mut dyn fmt::Write) -> fmt::Result {
    let r = &page.records[c];
    let claim = &page.run.corpus.claims[c];
    write!(out, "<span class=\"fig k-{}", r.kind)?;
    // Figures a finding compares without standing at them.
    let cited: Vec<usize> = page.cited_by[c]
        .iter()
        .copied()
        .filter(|i| !shown.contains(i))
        .collect();
    if !shown.is_empty() {
        write!(out, " flagged sev-{}", worst(page, shown))?;
    } else if !cited.is_empty() {
        write!(out, " cited sev-{}", worst(page, &cited))?;
    }
    if claim.repeat_of().is_some() {
        out.write_str(" repeat")?;
    }
    if claim.boilerplate {
        out.write_str(" boilerplate")?;
    }
    write!(
        out,
        "\" id=\"c-{c}\" tabindex=\"0\" aria-describedby=\"t-{c}\" data-kind=\"{}\"",
        r.kind
    )?;
    let attrs = [
        ("value", r.value.as_deref()),
        ("low", r.low.as_deref()),
        ("high", r.high.as_deref()),
        ("qualifier", r.qualifier),
        ("unit", r.unit),
        ("measure", r.measure),
        ("place", r.place.as_deref()),
    ];
    for (name, v) in attrs {
        if let Some(v) = v {
            write!(out, " data-{name}=\"{}\"", Esc(v))?;
        }
    }
    if let Some(p) = &r.period {
        write!(out, " data-period=\"{}/{}\"", Esc(&p.start), Esc(&p.end))?;
    }
    if !shown.is_empty() {
        write!(out, " data-findings=\"{}\"", ids(shown))?;
    } else if !cited.is_empty() {
        write!(out, " data-findings=\"{}\"", ids(&cited))?;
    }
    out.write_str(">")
}

/// A decimal as a reader takes it in at a glance: digits of a long integer
/// part grouped by three with narrow no-break spaces (`100 000 000`).
fn grouped(v: &str) -> String {
    let (sign, rest) = v.split_at(usize::from(v.starts_with('-')));
    let (int, frac) = rest.split_at(rest.find('.').unwrap_or(rest.len()));
    if int.len() <= 4 || !int.bytes().all(|b| b.is_ascii_digit()) {
        return v.to_string();
    }
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out.push_str(frac);
    out
}

/// The value of a figure as a reader would say it: the value, or the
/// interval it states with its open sides.
pub(super) fn value_text(r: &FigureRecord) -> Option<String> {
    let value = r.value.as_deref().map(grouped);
    let low = r.low.as_deref().map(grouped);
    let high = r.high.as_deref().map(grouped);
    match (&value, &low, &high) {
        (Some(v), None, None) => Some(v.clone()),
        (None, None, None) => None,
        (v, l, h) => {
            let interval = format!(
                "{}{}, {}{}",
                if l.is_some() { "[" } else { "(" },
                l.as_deref().unwrap_or("−∞"),
                h.as_deref().unwrap_or("+∞"),
                if h.is_some() { "]" } else { ")" },
            );
            Some(match v {
                Some(v) => format!("{v}, within {interval}"),
                None => interval,
            })
        }
    }
}

/// The period a figure counts over, as a reader says it: a day, or from a
/// day to another.
pub(super) fn period_text(r: &FigureRecord) -> Option<String> {
    r.period.as_ref().map(|p| {
        if p.start == p.end {
            p.start.clone()
        } else {
            format!("{} to {}", p.start, p.end)
        }
    })
}

/// The panel shown on hover or focus: how figcheck read the figure.
fn tip(page: &Page, c: usize, r: &FigureRecord, out: &mut String) -> fmt::Result {
    write!(out, "<span class=\"tip\" role=\"tooltip\" id=\"t-{c}\">")?;
    let period = period_text(r);
    let mut notes = Vec::new();
    if r.repeat {
        notes.push("repeats an earlier sentence");
    }
    if r.boilerplate {
        notes.push("boilerplate (menu, footer, address)");
    }
    if r.ambiguous {
        notes.push("separator convention unsettled");
    }
    let notes = notes.join("; ");
    let value = value_text(r);
    let rows: [(&str, Option<&str>); 15] = [
        ("kind", Some(r.kind)),
        ("value", value.as_deref()),
        ("qualifier", r.qualifier),
        ("unit", r.unit),
        ("counts", r.entity),
        ("measure", r.measure),
        ("role", r.role),
        ("side", r.affiliation),
        ("place", r.place.as_deref()),
        ("time", period.as_deref()),
        ("date", r.date.as_deref()),
        ("source", r.source.outlet.as_deref()),
        ("published", r.source.date.as_deref()),
        ("quantity", r.key.as_deref()),
        ("note", (!notes.is_empty()).then_some(notes.as_str())),
    ];
    for (name, v) in rows {
        if let Some(v) = v {
            write!(
                out,
                "<span class=\"tk\">{name}</span><span class=\"tv\">{}</span>",
                Esc(v)
            )?;
        }
    }
    let cited = &page.cited_by[c];
    if !cited.is_empty() {
        let codes: Vec<&str> = cited
            .iter()
            .map(|&i| page.run.findings[i].code.as_str())
            .collect();
        write!(
            out,
            "<span class=\"tk\">findings</span><span class=\"tv\">{}</span>",
            Esc(&codes.join(", "))
        )?;
    }
    out.write_str("</span>")
}

/// The flags after a figure or span: a link per finding to its entry in
/// the list.
fn flags(page: &Page, findings: &[usize], out: &mut String) -> fmt::Result {
    for &i in findings {
        let f = &page.run.findings[i];
        write!(
            out,
            "<a class=\"flag sev-{}\" href=\"#f-{i}\"{} title=\"{} {}: {}\">{}</a>",
            f.severity.as_str(),
            page.finding_attrs(i),
            Esc(&f.code),
            Esc(&f.name),
            Esc(&f.message),
            Esc(&f.code),
        )?;
    }
    Ok(())
}

/// The entry of finding `i` in the list beside document `d`'s text.
fn finding_item(page: &Page, d: usize, i: usize, out: &mut dyn fmt::Write) -> fmt::Result {
    let f = &page.run.findings[i];
    let doc = &page.run.corpus.docs[d];
    let (line, column) = doc.line_col(f.span.0);
    let sev = f.severity.as_str();
    writeln!(
        out,
        "<li class=\"finding sev-{sev}\" id=\"f-{i}\"{}>",
        page.finding_attrs(i)
    )?;
    writeln!(
        out,
        "<p class=\"f-head\"><span class=\"sev sev-{sev}\">{sev}</span> \
         <a class=\"code\" href=\"#{}\" title=\"Go to the text\">{}</a> \
         <span class=\"name\">{}</span> <span class=\"at\">line {line}, column {column}</span></p>",
        page.anchor_of(i),
        Esc(&f.code),
        Esc(&f.name),
    )?;
    writeln!(out, "<p class=\"msg\">{}</p>", Esc(&f.message))?;
    if !f.help.is_empty() {
        writeln!(out, "<p class=\"help\">{}</p>", Esc(&f.help))?;
    }
    if !f.claims.is_empty() {
        out.write_str("<p class=\"cmp\"><span class=\"label\">Figures:</span> ")?;
        for (k, &c) in f.claims.iter().enumerate() {
            if k > 0 {
                out.write_str(" · ")?;
            }
            page.claim_link(c, Some(d), out)?;
        }
        out.write_str("</p>\n")?;
    }
    out.write_str("</li>\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::analysed;
    use crate::report::{Checked, Reporter};

    fn page_text(text: &str) -> String {
        let (cfg, corpus, findings) = analysed(text);
        crate::report::html::Html.render(&Checked {
            corpus: &corpus,
            findings: &findings,
            cfg,
        })
    }

    /// The text of the page's documents, without the tags and panels.
    fn shown_text(page: &str) -> String {
        let body = &page[page.find("<div class=\"text\"").unwrap()..];
        let body = &body[body.find('>').unwrap() + 1..body.find("</div>").unwrap()];
        let mut out = String::new();
        let mut depth_tip = 0;
        let mut rest = body;
        while let Some(lt) = rest.find('<') {
            if depth_tip == 0 {
                out.push_str(&rest[..lt]);
            }
            let gt = rest[lt..].find('>').unwrap() + lt;
            let tag = &rest[lt..=gt];
            if tag.starts_with("<span class=\"tip\"") {
                depth_tip = 1;
            } else if depth_tip > 0 && tag.starts_with("<span") {
                depth_tip += 1;
            } else if depth_tip > 0 && tag == "</span>" {
                depth_tip -= 1;
            } else if tag.starts_with("<a class=\"flag") {
                // The flag's text is the code: skip to its end.
                let end = rest[gt..].find("</a>").unwrap() + gt;
                rest = &rest[end + 4..];
                continue;
            }
            rest = &rest[gt + 1..];
        }
        out.push_str(rest);
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn the_text_is_whole_under_the_marks() {
        for text in [
            "Il reste 2.500 XNUMX soldats.\nLe raid a tué 12 personnes le 3 mars 2024.\n",
            "Au total 1 200 personnes, dont 500 femmes et 800 hommes & <b>enfants</b>.\n",
            "Il y a XNUMX morts et 3 4 blessés.\n",
        ] {
            assert_eq!(shown_text(&page_text(text)), text);
        }
    }

    #[test]
    fn a_finding_at_its_figure() {
        let out = page_text("Le bilan : 1 200 morts, dont 700 civils et 800 soldats.\n");
        assert!(
            out.contains("<span class=\"fig k-count flagged sev-"),
            "{out}"
        );
        let flag = out.find("<a class=\"flag ").unwrap();
        assert!(out[flag..].contains("href=\"#f-0\""));
        assert!(out.contains("<li class=\"finding "));
    }

    #[test]
    fn long_numbers_are_grouped() {
        assert_eq!(grouped("100000000"), "100\u{202f}000\u{202f}000");
        assert_eq!(grouped("-12500.25"), "-12\u{202f}500.25");
        assert_eq!(grouped("2024"), "2024");
        assert_eq!(grouped("0.000001"), "0.000001");
    }

    #[test]
    fn intervals_read_as_said() {
        let (cfg, corpus, findings) = analysed("Plus de 300 soldats et environ 40 blindés.\n");
        let times = crate::report::figures::doc_times(&corpus, &cfg.meanings);
        let page = Page::new(
            Checked {
                corpus: &corpus,
                findings: &findings,
                cfg,
            },
            &times,
        );
        let values: Vec<String> = page.records.iter().filter_map(value_text).collect();
        assert!(values.iter().any(|v| v.ends_with("+∞)")), "{values:?}");
        assert!(values.iter().any(|v| v.contains("within [")), "{values:?}");
    }
}
