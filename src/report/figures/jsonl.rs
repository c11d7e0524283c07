//! The figures as JSON lines (`extract --format jsonl`), one figure's
//! record per line; batches of documents can be written one after the
//! other.

use std::fmt;

#[cfg(test)]
use super::FigureRecord;
use super::{doc_times, push_date, push_decimal, push_digits, written, LineCursor, SourceRecord};
use crate::claims::{Claim, Corpus};
use crate::config::Config;
use crate::report::{Figures, Reporter};

/// One figure per line.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FiguresJsonl;

impl Reporter<Figures<'_>> for FiguresJsonl {
    fn write(&self, figs: &Figures<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        let (corpus, cfg) = (figs.corpus, figs.cfg);
        let times = doc_times(corpus, &cfg.meanings);
        // Each line is written into one buffer, and the name and the
        // source of a document, the same on each of its lines, once per
        // document.
        let mut line = String::with_capacity(1024);
        let mut doc = Json::default();
        for range in &corpus.doc_claims {
            let mut cursor = LineCursor::default();
            let mut doc_of: Option<u32> = None;
            for c in &corpus.claims[range.clone()] {
                if doc_of != Some(c.doc) {
                    let d = corpus.doc_of(c);
                    let s = SourceRecord::of(d, &times[c.doc as usize]);
                    doc.id.clear();
                    string(&mut doc.id, &d.id);
                    doc.source.clear();
                    write_source(&s, &mut doc.source);
                    doc_of = Some(c.doc);
                }
                line.clear();
                write_claim(corpus, cfg, c, &doc, &mut cursor, &mut line);
                out.write_str(&line)?;
            }
        }
        Ok(())
    }
}

/// A document's name and source as JSON ([`string`], [`write_source`]),
/// written once for its records.
#[derive(Debug, Default)]
struct Json {
    id: String,
    source: String,
}

/// The record of claim `c` ([`FigureRecord::with_source`]) as one line of
/// JSON, the name and source of its document written as `json` holds them:
/// the bytes `serde_json` writes for the record, written from the
/// claim without building the record and its strings.
fn write_claim(
    corpus: &Corpus,
    cfg: &Config,
    c: &Claim,
    json: &Json,
    cursor: &mut LineCursor,
    out: &mut String,
) {
    let doc = corpus.doc_of(c);
    let text = doc.text.as_str();
    let f = &c.fig;
    let (start, end, line, column) = cursor.position(doc, f);
    let m = &cfg.meanings;
    let decimal = |out: &mut String, d: Option<rust_decimal::Decimal>| match d {
        Some(d) => {
            out.push('"');
            push_decimal(out, d);
            out.push('"');
        }
        None => out.push_str("null"),
    };
    out.push_str("{\"doc\":");
    out.push_str(&json.id);
    out.push_str(",\"start\":");
    number(out, start);
    out.push_str(",\"end\":");
    number(out, end);
    out.push_str(",\"line\":");
    number(out, line);
    out.push_str(",\"column\":");
    number(out, column);
    out.push_str(",\"text\":");
    string(out, &text[f.start..f.end]);
    out.push_str(",\"kind\":");
    string(out, f.kind.as_str());
    out.push_str(",\"value\":");
    decimal(out, f.value);
    out.push_str(",\"low\":");
    decimal(out, f.low);
    out.push_str(",\"high\":");
    decimal(out, f.high);
    out.push_str(",\"unit\":");
    optional(
        out,
        f.unit.map(|u| cfg.lexicon.units[u as usize].id.as_str()),
    );
    out.push_str(",\"seconds\":");
    decimal(out, f.seconds);
    out.push_str(",\"qualifier\":");
    optional(
        out,
        f.qualifier
            .map(|q| cfg.lexicon.qualifiers[q as usize].name.as_str()),
    );
    out.push_str(",\"entity\":");
    optional(out, f.entity().map(|(s, e)| &text[s..e]));
    out.push_str(",\"written\":");
    string(out, written(f.written));
    out.push_str(",\"ambiguous\":");
    boolean(out, f.ambiguous);
    out.push_str(",\"date\":");
    match &f.date {
        // Digits, letters X and dashes: nothing to escape.
        Some(d) => {
            out.push('"');
            push_date(out, d);
            out.push('"');
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"measure\":");
    optional(out, c.measure.map(|i| m.measures.name(i)));
    out.push_str(",\"role\":");
    optional(out, c.role.map(|i| m.roles.name(i)));
    out.push_str(",\"affiliation\":");
    optional(out, c.side.map(|i| m.sides.name(i)));
    out.push_str(",\"place\":");
    if c.places.is_empty() {
        out.push_str("null");
    } else {
        string(out, &m.places_name(&c.places));
    }
    out.push_str(",\"period\":");
    period(out, c.period().map(|p| p.record()).as_ref());
    out.push_str(",\"time_of_count\":");
    optional(out, c.moment.map(|t| m.time.label(&t)).as_deref());
    out.push_str(",\"status\":");
    optional(out, c.status.map(|s| s.as_str()));
    out.push_str(",\"source\":");
    out.push_str(&json.source);
    out.push_str(",\"key\":");
    optional(out, c.key().map(|k| m.describe(&k)).as_deref());
    out.push_str(",\"repeat\":");
    boolean(out, c.repeat_of().is_some());
    out.push_str(",\"boilerplate\":");
    boolean(out, c.boilerplate);
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

/// A period as `{"start": …, "end": …}`, or `null`.
fn period(out: &mut String, p: Option<&crate::claims::period::PeriodRecord>) {
    match p {
        Some(p) => {
            out.push_str("{\"start\":");
            string(out, &p.start);
            out.push_str(",\"end\":");
            string(out, &p.end);
            out.push('}');
        }
        None => out.push_str("null"),
    }
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
    fn claims_are_written_as_their_records() {
        let text = "Il reste environ 2.500 soldats.\nLe raid a tué 12 personnes à Gaza \
                    le 3 mars 2024 vers 17h30, selon un bilan provisoire.\n\
                    Le 2 mai, 3,5 % des 1\u{a0}200 \"élèves\" étaient absents.\n";
        let (cfg, corpus, _) = crate::report::testing::analysed(text);
        let times = doc_times(&corpus, &cfg.meanings);
        assert!(corpus.claims.len() >= 5);
        for range in &corpus.doc_claims {
            let (mut a, mut b) = (LineCursor::default(), LineCursor::default());
            for c in &corpus.claims[range.clone()] {
                let s = SourceRecord::of(corpus.doc_of(c), &times[c.doc as usize]);
                let mut doc = Json::default();
                string(&mut doc.id, &corpus.doc_of(c).id);
                write_source(&s, &mut doc.source);
                let r = FigureRecord::with_source(&corpus, cfg, c, s, &mut a);
                let expected = serde_json::to_string(&r).unwrap() + "\n";
                let mut got = String::new();
                write_claim(&corpus, cfg, c, &doc, &mut b, &mut got);
                assert_eq!(got, expected);
            }
        }
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
