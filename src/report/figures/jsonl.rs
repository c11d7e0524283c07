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
        // The lines are written into one buffer, handed on whenever it
        // holds [`FLUSH_AT`] bytes; the parts of a line that are the same
        // for every figure of a document (its name, its source), once per
        // document.
        let mut buf = String::with_capacity(FLUSH_AT + 4096);
        let mut doc = Json::default();
        for range in &corpus.doc_claims {
            let mut cursor = LineCursor::default();
            let mut doc_of: Option<u32> = None;
            for c in &corpus.claims[range.clone()] {
                if doc_of != Some(c.doc) {
                    let d = corpus.doc_of(c);
                    let s = SourceRecord::of(d, &times[c.doc as usize]);
                    doc.set(&d.id, &s);
                    doc_of = Some(c.doc);
                }
                write_claim(corpus, cfg, c, &mut doc, &mut cursor, &mut buf);
                if buf.len() >= FLUSH_AT {
                    out.write_str(&buf)?;
                    buf.clear();
                }
            }
        }
        out.write_str(&buf)
    }
}

/// Bytes of lines gathered before they are handed to the output.
const FLUSH_AT: usize = 1 << 16;

/// The parts of a document's lines that are the same on each of them,
/// written once for its records: the line's head up to the value of
/// `start` (`{"doc":NAME,"start":`), and the source up to the value of
/// `key` (`,"source":{…},"key":`).
#[derive(Debug, Default)]
struct Json {
    head: String,
    source: String,
    /// The last period written and its JSON: the figures of a sentence
    /// most often share their period.
    period: Option<(crate::claims::period::Period, String)>,
}

impl Json {
    /// The parts of document `id` with source `s` ([`string`],
    /// [`write_source`]).
    fn set(&mut self, id: &str, s: &SourceRecord<'_>) {
        self.head.clear();
        self.head.push_str("{\"doc\":");
        string(&mut self.head, id);
        self.head.push_str(",\"start\":");
        self.source.clear();
        self.source.push_str(",\"source\":");
        write_source(s, &mut self.source);
        self.source.push_str(",\"key\":");
    }
}

/// The record of claim `c` ([`FigureRecord::with_source`]) as one line of
/// JSON, the name and source of its document written as `json` holds them:
/// the bytes `serde_json` writes for the record, written from the
/// claim without building the record and its strings. Most fields are
/// null: each `null` is written with the key after it in one piece.
fn write_claim(
    corpus: &Corpus,
    cfg: &Config,
    c: &Claim,
    json: &mut Json,
    cursor: &mut LineCursor,
    out: &mut String,
) {
    let doc = corpus.doc_of(c);
    let text = doc.text.as_str();
    let f = &c.fig;
    let (start, end, line, column) = cursor.position(doc, f);
    let m = &cfg.meanings;
    out.push_str(&json.head);
    number(out, start);
    out.push_str(",\"end\":");
    number(out, end);
    out.push_str(",\"line\":");
    number(out, line);
    out.push_str(",\"column\":");
    number(out, column);
    out.push_str(",\"text\":");
    string(out, &text[f.start()..f.end()]);
    // Kinds and ways of writing are plain words: nothing to escape.
    out.push_str(",\"kind\":\"");
    out.push_str(f.kind.as_str());
    out.push_str("\",\"value\":");
    decimal_then(out, f.value(), "null,\"low\":");
    let entity = f.entity();
    // Most figures have no bounds, unit, qualifier nor counted noun.
    if f.low().is_none()
        && f.high().is_none()
        && f.unit.is_none()
        && f.seconds().is_none()
        && f.qualifier.is_none()
        && entity.is_none()
    {
        out.push_str(concat!(
            "null,\"high\":null,\"unit\":null,\"seconds\":null,",
            "\"qualifier\":null,\"entity\":null,\"written\":\""
        ));
    } else {
        bounds_to_entity(out, cfg, f, entity.map(|(s, e)| &text[s..e]));
    }
    out.push_str(written(f.written));
    out.push_str(if f.ambiguous {
        "\",\"ambiguous\":true,\"date\":"
    } else {
        "\",\"ambiguous\":false,\"date\":"
    });
    let period_of = c.period();
    // And most have no date nor any meaning read.
    if f.date.is_none()
        && c.measure().is_none()
        && c.role().is_none()
        && c.side().is_none()
        && c.places.is_empty()
        && period_of.is_none()
        && c.moment().is_none()
        && c.status().is_none()
    {
        out.push_str(concat!(
            "null,\"measure\":null,\"role\":null,\"affiliation\":null,",
            "\"place\":null,\"period\":null,\"time_of_count\":null,\"status\":null"
        ));
    } else {
        date_to_status(out, cfg, c, period_of, &mut json.period);
    }
    out.push_str(",\"attributed_to\":");
    text_then(
        out,
        c.authority().map(|i| m.authorities.name(i.into())),
        "null",
    );
    out.push_str(&json.source);
    text_then(out, c.key().map(|k| m.describe(&k)).as_deref(), "null");
    out.push_str(match (c.repeat_of().is_some(), c.boilerplate) {
        (false, false) => ",\"repeat\":false,\"boilerplate\":false}\n",
        (false, true) => ",\"repeat\":false,\"boilerplate\":true}\n",
        (true, false) => ",\"repeat\":true,\"boilerplate\":false}\n",
        (true, true) => ",\"repeat\":true,\"boilerplate\":true}\n",
    });
}

/// A decimal then `null_next` without its `null` (the key after it), or
/// `null_next` when there is none.
fn decimal_then(out: &mut String, d: Option<rust_decimal::Decimal>, null_next: &str) {
    match d {
        Some(d) => {
            out.push('"');
            push_decimal(out, d);
            out.push('"');
            out.push_str(&null_next[4..]);
        }
        None => out.push_str(null_next),
    }
}

/// A string then `null_next` without its `null` (the key after it), or
/// `null_next` when there is none.
#[inline]
fn text_then(out: &mut String, s: Option<&str>, null_next: &str) {
    match s {
        Some(s) => {
            string(out, s);
            out.push_str(&null_next[4..]);
        }
        None => out.push_str(null_next),
    }
}

/// The fields of figure `f` from `low` to `entity` (the counted noun
/// `entity`), each followed by the key after it, up to `"written":"`.
fn bounds_to_entity(
    out: &mut String,
    cfg: &Config,
    f: &crate::model::Figure,
    entity: Option<&str>,
) {
    decimal_then(out, f.low(), "null,\"high\":");
    decimal_then(out, f.high(), "null,\"unit\":");
    text_then(
        out,
        f.unit.map(|u| cfg.lexicon.units[u as usize].id.as_str()),
        "null,\"seconds\":",
    );
    decimal_then(out, f.seconds(), "null,\"qualifier\":");
    text_then(
        out,
        f.qualifier
            .map(|q| cfg.lexicon.qualifiers[q as usize].name.as_str()),
        "null,\"entity\":",
    );
    text_then(out, entity, "null,\"written\":\"");
}

/// The fields of claim `c` from `date` to `status` (`period_of` its
/// period), each but the last followed by the key after it.
fn date_to_status(
    out: &mut String,
    cfg: &Config,
    c: &Claim,
    period_of: Option<crate::claims::period::Period>,
    last_period: &mut Option<(crate::claims::period::Period, String)>,
) {
    let m = &cfg.meanings;
    match &c.fig.date {
        // Digits, letters X and dashes: nothing to escape.
        Some(d) => {
            out.push('"');
            push_date(out, d);
            out.push_str("\",\"measure\":");
        }
        None => out.push_str("null,\"measure\":"),
    }
    text_then(
        out,
        c.measure().map(|i| m.measures.name(i)),
        "null,\"role\":",
    );
    text_then(
        out,
        c.role().map(|i| m.roles.name(i)),
        "null,\"affiliation\":",
    );
    text_then(out, c.side().map(|i| m.sides.name(i)), "null,\"place\":");
    if c.places.is_empty() {
        out.push_str("null,\"period\":");
    } else {
        // The names joined by "+" (`Meanings::places_name`), written
        // without building the joined string.
        out.push('"');
        for (k, &id) in c.places.ids().iter().enumerate() {
            if k > 0 {
                out.push('+');
            }
            string_body(out, m.places.name(id));
        }
        out.push_str("\",\"period\":");
    }
    match period_of {
        Some(p) => {
            // Written once for a run of figures of the same period.
            if last_period.as_ref().is_none_or(|(q, _)| *q != p) {
                let mut json = String::with_capacity(40);
                period(&mut json, Some(&p));
                *last_period = Some((p, json));
            }
            if let Some((_, json)) = last_period {
                out.push_str(json);
            }
        }
        None => out.push_str("null"),
    }
    out.push_str(",\"time_of_count\":");
    text_then(
        out,
        c.moment().map(|t| m.time.label(&t)).as_deref(),
        "null,\"status\":",
    );
    text_then(out, c.status().map(|s| s.as_str()), "null");
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

/// A period as `{"start": …, "end": …}` (the ISO dates of its
/// [`crate::claims::period::PeriodRecord`]), or `null`.
fn period(out: &mut String, p: Option<&crate::claims::period::Period>) {
    match p {
        Some(p) => {
            out.push_str("{\"start\":\"");
            crate::claims::period::push_iso(out, p.start);
            out.push_str("\",\"end\":\"");
            crate::claims::period::push_iso(out, p.end);
            out.push_str("\"}");
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
    string_body(out, s);
    out.push('"');
}

/// [`string`] without its quotes.
#[inline(always)]
fn string_body(out: &mut String, s: &str) {
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
    fn periods_are_written_as_their_records() {
        use crate::claims::period::Period;
        use crate::model::Ymd;
        for (y, m, d) in [
            (2019, 1, 1),
            (0, 12, 31),
            (-5, 3, 4),
            (12345, 6, 7),
            (999, 10, 20),
        ] {
            let p = Period::day(Ymd {
                year: y,
                month: m,
                day: d,
            });
            let mut out = String::new();
            period(&mut out, Some(&p));
            assert_eq!(out, serde_json::to_string(&p.record()).unwrap());
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
                doc.set(&corpus.doc_of(c).id, &s);
                let r = FigureRecord::with_source(&corpus, cfg, c, s, &mut a);
                let expected = serde_json::to_string(&r).unwrap() + "\n";
                let mut got = String::new();
                write_claim(&corpus, cfg, c, &mut doc, &mut b, &mut got);
                assert_eq!(got, expected);
            }
        }
    }

    #[test]
    fn kinds_and_ways_of_writing_need_no_escape() {
        use crate::model::{Kind, Written};
        for k in [
            Kind::Count,
            Kind::Percent,
            Kind::Money,
            Kind::Measure,
            Kind::Range,
            Kind::Temperature,
            Kind::Date,
            Kind::Ordinal,
            Kind::Fraction,
            Kind::Identifier,
            Kind::Phone,
            Kind::Age,
            Kind::Duration,
            Kind::Time,
        ] {
            assert_eq!(
                serde_json::to_string(k.as_str()).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        for w in [Written::Digits, Written::Words, Written::Mixed] {
            assert_eq!(
                serde_json::to_string(written(w)).unwrap(),
                format!("\"{}\"", written(w))
            );
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
