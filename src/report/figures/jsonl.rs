//! The figures as JSON lines (`extract --format jsonl`), one figure's
//! record per line; batches of documents can be written one after the
//! other.

use std::borrow::Cow;
use std::fmt;

use super::{doc_times, push_digits, FigureRecord, LineCursor, SourceRecord};
use crate::report::{Figures, Reporter};

/// One figure per line.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FiguresJsonl;

impl Reporter<Figures<'_>> for FiguresJsonl {
    fn write(&self, figs: &Figures<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        let (corpus, cfg) = (figs.corpus, figs.cfg);
        let times = doc_times(corpus, &cfg.meanings);
        // Each line is written into one buffer, and the source of a
        // document, the same on each of its lines, once per document.
        let mut line = String::with_capacity(1024);
        let mut source_json = String::new();
        for range in &corpus.doc_claims {
            let mut cursor = LineCursor::default();
            let mut doc_source: Option<(u32, SourceRecord<'_>)> = None;
            for c in &corpus.claims[range.clone()] {
                if doc_source.as_ref().is_none_or(|(d, _)| *d != c.doc) {
                    let s = SourceRecord::of(corpus.doc_of(c), &times[c.doc as usize]);
                    source_json.clear();
                    write_source(&s, &mut source_json);
                    doc_source = Some((c.doc, s));
                }
                let Some((_, s)) = &doc_source else {
                    continue;
                };
                let source = SourceRecord {
                    outlet: s.outlet.as_deref().map(Cow::Borrowed),
                    date: s.date.as_deref().map(Cow::Borrowed),
                    url: s.url,
                    lang: s.lang,
                    inferred: s.inferred,
                };
                let r = FigureRecord::with_source(corpus, cfg, c, source, &mut cursor);
                line.clear();
                write_record(&r, &source_json, &mut line);
                out.write_str(&line)?;
            }
        }
        Ok(())
    }
}

/// `r` as one line of JSON, its source written as `source` (the JSON of
/// [`write_source`]): the bytes `serde_json` writes for the record, then a
/// line break.
fn write_record(r: &FigureRecord<'_>, source: &str, out: &mut String) {
    out.push_str("{\"doc\":");
    string(out, r.doc);
    out.push_str(",\"start\":");
    number(out, r.start);
    out.push_str(",\"end\":");
    number(out, r.end);
    out.push_str(",\"line\":");
    number(out, r.line);
    out.push_str(",\"column\":");
    number(out, r.column);
    out.push_str(",\"text\":");
    string(out, r.text);
    out.push_str(",\"kind\":");
    string(out, r.kind);
    out.push_str(",\"value\":");
    optional(out, r.value.as_deref());
    out.push_str(",\"low\":");
    optional(out, r.low.as_deref());
    out.push_str(",\"high\":");
    optional(out, r.high.as_deref());
    out.push_str(",\"unit\":");
    optional(out, r.unit);
    out.push_str(",\"seconds\":");
    optional(out, r.seconds.as_deref());
    out.push_str(",\"qualifier\":");
    optional(out, r.qualifier);
    out.push_str(",\"entity\":");
    optional(out, r.entity);
    out.push_str(",\"written\":");
    string(out, r.written);
    out.push_str(",\"ambiguous\":");
    boolean(out, r.ambiguous);
    out.push_str(",\"date\":");
    optional(out, r.date.as_deref());
    out.push_str(",\"measure\":");
    optional(out, r.measure);
    out.push_str(",\"role\":");
    optional(out, r.role);
    out.push_str(",\"affiliation\":");
    optional(out, r.affiliation);
    out.push_str(",\"place\":");
    optional(out, r.place.as_deref());
    out.push_str(",\"period\":");
    match &r.period {
        Some(p) => {
            out.push_str("{\"start\":");
            string(out, &p.start);
            out.push_str(",\"end\":");
            string(out, &p.end);
            out.push('}');
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"time_of_count\":");
    optional(out, r.time_of_count.as_deref());
    out.push_str(",\"status\":");
    optional(out, r.status);
    out.push_str(",\"source\":");
    out.push_str(source);
    out.push_str(",\"key\":");
    optional(out, r.key.as_deref());
    out.push_str(",\"repeat\":");
    boolean(out, r.repeat);
    out.push_str(",\"boilerplate\":");
    boolean(out, r.boilerplate);
    out.push_str("}\n");
}

/// The JSON of a document's source, as `serde_json` writes it.
fn write_source(s: &SourceRecord<'_>, out: &mut String) {
    out.push_str("{\"outlet\":");
    optional(out, s.outlet.as_deref());
    out.push_str(",\"date\":");
    optional(out, s.date.as_deref());
    out.push_str(",\"url\":");
    optional(out, s.url);
    out.push_str(",\"lang\":");
    string(out, s.lang);
    out.push_str(",\"inferred\":");
    boolean(out, s.inferred);
    out.push('}');
}

fn boolean(out: &mut String, b: bool) {
    out.push_str(if b { "true" } else { "false" });
}

/// `n` in decimal digits, as `serde_json` writes it.
fn number(out: &mut String, n: usize) {
    push_digits(out, n as u128);
}

fn optional(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

/// `s` as a JSON string, escaped as `serde_json` escapes it: quotes,
/// backslashes and control characters (short forms for the five that
/// have one, `\u00xx` for the others); everything else as it is.
fn string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.push_str(&s[from..i]);
        from = i + 1;
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            0x0c => out.push_str("\\f"),
            b'\r' => out.push_str("\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 0xf)] as char);
            }
        }
    }
    out.push_str(&s[from..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::figures_of;

    #[test]
    fn numbers_are_written_as_serde_json_does() {
        for n in [0, 7, 10, 99, 100, 12345, usize::MAX] {
            let mut out = String::new();
            number(&mut out, n);
            assert_eq!(out, serde_json::to_string(&n).unwrap());
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_does() {
        let mut all = String::new();
        for b in 0u8..0x80 {
            all.push(b as char);
        }
        for s in [
            "",
            "plain",
            "l'été 2\u{202f}000",
            "a\"b\\c\nd\te\u{7f}\u{1}",
            &all,
        ] {
            let mut out = String::new();
            string(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn lines_are_the_serde_json_of_the_records() {
        let (out, _) = figures_of(&FiguresJsonl);
        let (cfg, corpus, _) = crate::report::testing::analysed(crate::report::testing::TEXT);
        let times = doc_times(&corpus, &cfg.meanings);
        let expected: String = super::super::figure_records(&corpus, cfg, &times)
            .iter()
            .map(|r| serde_json::to_string(r).unwrap() + "\n")
            .collect();
        assert_eq!(out, expected);
    }

    #[test]
    fn every_figure() {
        let (out, figures) = figures_of(&FiguresJsonl);
        assert_eq!(out.lines().count(), figures);
        for line in out.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["doc"], "a.txt");
        }
    }
}
