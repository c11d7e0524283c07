//! The figures of a corpus as `extract` and `claims` report them: one
//! record per figure ([`FigureRecord`]), and the reporters built on the
//! records: the table of `extract --format text` ([`table`]), JSON and
//! JSONL ([`json`], [`jsonl`]) and the claims matrix of `claims`
//! ([`matrix`]).

pub(crate) mod json;
pub(crate) mod jsonl;
pub(crate) mod matrix;
pub(crate) mod table;

use std::borrow::Cow;

use serde::Serialize;

use crate::claims::period::PeriodRecord;
use crate::claims::source::{document_time_of, DocTime};
use crate::claims::{Claim, Corpus, Meanings};
use crate::config::Config;
use crate::input::Document;

/// A document's source as reported.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct SourceRecord<'a> {
    pub(crate) outlet: Option<Cow<'a, str>>,
    pub(crate) date: Option<Cow<'a, str>>,
    pub(crate) url: Option<&'a str>,
    pub(crate) lang: &'a str,
    /// True when the outlet or date was read from the text (dateline,
    /// copyright line) rather than given with the document.
    pub(crate) inferred: bool,
}

impl<'a> SourceRecord<'a> {
    /// The source of `doc`: what was given with it, else what its text
    /// says (`time`, from [`doc_times`]).
    pub(crate) fn of(doc: &'a Document, time: &'a DocTime) -> SourceRecord<'a> {
        SourceRecord {
            outlet: doc
                .source
                .outlet
                .as_deref()
                .or(time.outlet.as_deref())
                .map(Cow::Borrowed),
            date: doc.source.date.as_deref().map(Cow::Borrowed).or_else(|| {
                time.day
                    .map(|d| Cow::Owned(d.to_string()))
                    .or_else(|| time.year_only.map(|y| Cow::Owned(format!("{y:04}"))))
            }),
            url: doc.source.url.as_deref(),
            lang: doc.lang.as_str(),
            inferred: time.inferred,
        }
    }
}

/// One figure as `extract` reports it (one JSONL line). Strings are
/// borrowed from the corpus and the configuration.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct FigureRecord<'a> {
    pub(crate) doc: &'a str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) text: &'a str,
    pub(crate) kind: &'static str,
    pub(crate) value: Option<String>,
    pub(crate) low: Option<String>,
    pub(crate) high: Option<String>,
    pub(crate) unit: Option<&'a str>,
    /// For durations: the length in seconds.
    pub(crate) seconds: Option<String>,
    pub(crate) qualifier: Option<&'a str>,
    pub(crate) entity: Option<&'a str>,
    pub(crate) written: &'static str,
    pub(crate) ambiguous: bool,
    /// For dates: `YYYY-MM-DD`, with `XXXX`/`XX` for parts the text does
    /// not give.
    pub(crate) date: Option<String>,
    pub(crate) measure: Option<&'a str>,
    pub(crate) role: Option<&'a str>,
    pub(crate) affiliation: Option<&'a str>,
    pub(crate) place: Option<String>,
    pub(crate) period: Option<PeriodRecord>,
    /// When in its day the count was made: `17:30`, `20:00 GMT`, or a part
    /// of the day (`morning`, `midday`, `afternoon`, `evening`, `night`).
    pub(crate) time_of_count: Option<String>,
    /// `provisional`, `revised` or `final`, when the text says so.
    pub(crate) status: Option<&'static str>,
    /// The party the text attributes the figure to (`officials`,
    /// `organisers`: the ids of `[authority]` in the meaning lexicon).
    pub(crate) attributed_to: Option<&'a str>,
    pub(crate) source: SourceRecord<'a>,
    pub(crate) key: Option<String>,
    /// The figure repeats one of a sentence printed earlier in the document.
    pub(crate) repeat: bool,
    /// The figure stands in boilerplate (menu, footer, teaser, address).
    pub(crate) boilerplate: bool,
}

impl<'a> FigureRecord<'a> {
    /// The record of claim `c`; `cursor` must be fresh for each document
    /// and see its claims in order (line and column cost O(distance)).
    pub(crate) fn new(
        corpus: &'a Corpus,
        cfg: &'a Config,
        c: &'a Claim,
        time: &'a DocTime,
        cursor: &mut LineCursor,
    ) -> FigureRecord<'a> {
        let source = SourceRecord::of(corpus.doc_of(c), time);
        FigureRecord::with_source(corpus, cfg, c, source, cursor)
    }

    /// [`FigureRecord::new`] with the source of the claim's document, the
    /// same for each of its claims.
    pub(crate) fn with_source(
        corpus: &'a Corpus,
        cfg: &'a Config,
        c: &'a Claim,
        source: SourceRecord<'a>,
        cursor: &mut LineCursor,
    ) -> FigureRecord<'a> {
        let doc = corpus.doc_of(c);
        let text = doc.text.as_str();
        let f = &c.fig;
        let (start, end, line, column) = cursor.position(doc, f);
        let m = &cfg.meanings;
        FigureRecord {
            doc: &doc.id,
            start,
            end,
            line,
            column,
            text: &text[f.start()..f.end()],
            kind: f.kind.as_str(),
            value: f.value().map(decimal_text),
            low: f.low().map(decimal_text),
            high: f.high().map(decimal_text),
            unit: f.unit.map(|u| cfg.lexicon.units[u as usize].id.as_str()),
            seconds: f.seconds().map(decimal_text),
            qualifier: f
                .qualifier
                .map(|q| cfg.lexicon.qualifiers[q as usize].name.as_str()),
            entity: f.entity().map(|(s, e)| &text[s..e]),
            written: written(f.written),
            ambiguous: f.ambiguous,
            date: f.date.map(|d| {
                let mut out = String::with_capacity(10);
                push_date(&mut out, &d);
                out
            }),
            measure: c.measure().map(|i| m.measures.name(i)),
            role: c.role().map(|i| m.roles.name(i)),
            affiliation: c.side().map(|i| m.sides.name(i)),
            place: (!c.places.is_empty()).then(|| m.places_name(&c.places)),
            period: c.period().map(|p| p.record()),
            time_of_count: c.moment().map(|t| m.time.label(&t)),
            status: c.status().map(|s| s.as_str()),
            attributed_to: c.authority().map(|i| m.authorities.name(i.into())),
            source,
            key: c.key().map(|k| m.describe(&k)),
            repeat: c.repeat_of().is_some(),
            boilerplate: c.boilerplate,
        }
    }
}

/// How a figure is written, as reported.
pub(crate) fn written(w: crate::model::Written) -> &'static str {
    match w {
        crate::model::Written::Digits => "digits",
        crate::model::Written::Words => "words",
        crate::model::Written::Mixed => "mixed",
    }
}

/// A value as reported: normalised (no trailing zeros), in the digits
/// `rust_decimal` prints. Whole values, most figures, are written from
/// their mantissa without going through the formatter.
pub(crate) fn decimal_text(d: rust_decimal::Decimal) -> String {
    let mut out = String::with_capacity(41);
    push_decimal(&mut out, d);
    out
}

/// [`decimal_text`] of `d`, pushed on `out`.
pub(crate) fn push_decimal(out: &mut String, d: rust_decimal::Decimal) {
    // A value without decimals, most of them, is written as it is: the
    // normal form differs only for a negative zero, whose mantissa has no
    // sign either.
    let d = if d.scale() == 0 { d } else { d.normalize() };
    if d.scale() != 0 {
        use std::fmt::Write as _;
        let _ = write!(out, "{d}");
        return;
    }
    let m = d.mantissa();
    if m < 0 {
        out.push('-');
    }
    push_digits(out, m.unsigned_abs());
}

/// The `date` of a figure as reported: `YYYY-MM-DD`, with `XXXX` for a
/// year the text does not give, and without the parts after the last one
/// it gives; pushed on `out`.
pub(crate) fn push_date(out: &mut String, d: &crate::model::DateParts) {
    use std::fmt::Write as _;
    match d.year() {
        Some(y) => {
            let _ = write!(out, "{y:04}");
        }
        None => out.push_str("XXXX"),
    }
    if let Some(m) = d.month() {
        let _ = write!(out, "-{m:02}");
        if let Some(day) = d.day() {
            let _ = write!(out, "-{day:02}");
        }
    }
}

/// `n` in decimal digits, pushed on `out`, as `serde_json` and `Display`
/// write it (with `itoa`, which `serde_json` writes integers with).
/// Inlined: a record pushes four offsets, most of one digit or two.
#[inline]
pub(crate) fn push_digits(out: &mut String, n: u128) {
    // Most numbers are one digit ("1"): no buffer to fill.
    if n < 10 {
        out.push(char::from(b'0' + n as u8));
        return;
    }
    let mut buf = itoa::Buffer::new();
    // Offsets, lines and most values fit in 64 bits, whose division is
    // one instruction (that of 128 bits is a call).
    let digits = match u64::try_from(n) {
        Ok(n) => buf.format(n),
        Err(_) => buf.format(n),
    };
    out.push_str(digits);
}

/// `text` in double quotes as a reader sees it: letters and spaces of every
/// width as they are (`1 500` with its no-break space), and only what a
/// reader could not see or what would break the line escaped: quotes,
/// backslashes, line breaks, tabs, invisible characters (`\u{200b}`).
pub(crate) fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c == '\'' || (c.is_whitespace() && !c.is_control()) {
            out.push(c);
        } else {
            out.extend(c.escape_debug());
        }
    }
    out.push('"');
    out
}

/// The date and outlet of every document, as far as known.
pub(crate) fn doc_times(corpus: &Corpus, m: &Meanings) -> Vec<DocTime> {
    (0..corpus.docs.len())
        .map(|i| doc_time(corpus, m, i))
        .collect()
}

/// The time and outlet of document `i`, from what was given with it and
/// what its text says.
pub(crate) fn doc_time(corpus: &Corpus, m: &Meanings, i: usize) -> DocTime {
    let claims = &corpus.claims[corpus.doc_claims[i].clone()];
    document_time_of(&corpus.docs[i], claims.iter().map(|c| &c.fig), &m.copyright)
}

/// Every figure of the corpus as records, in document then position order.
/// `times` are the corpus's [`doc_times`].
pub(crate) fn figure_records<'a>(
    corpus: &'a Corpus,
    cfg: &'a Config,
    times: &'a [DocTime],
) -> Vec<FigureRecord<'a>> {
    let mut out = Vec::with_capacity(corpus.claims.len());
    for range in &corpus.doc_claims {
        let mut cursor = LineCursor::default();
        for c in &corpus.claims[range.clone()] {
            out.push(FigureRecord::new(
                corpus,
                cfg,
                c,
                &times[c.doc as usize],
                &mut cursor,
            ));
        }
    }
    out
}

/// Line and column of increasing offsets in one text, in time proportional
/// to the distance moved (it starts over when asked for an earlier offset).
#[derive(Debug, Clone, Default)]
pub(crate) struct LineCursor {
    offset: usize,
    line: usize,
    line_start: usize,
    /// Characters between `line_start` and `offset`.
    column: usize,
}

impl LineCursor {
    /// Where figure `f` of `doc` stands in its file: its byte span and the
    /// line and column of its start, kept linear over a document's figures
    /// given in order.
    pub(crate) fn position(
        &mut self,
        doc: &Document,
        f: &crate::model::Figure,
    ) -> (usize, usize, usize, usize) {
        let (start, end) = doc.file_span(f.start(), f.end());
        let (src, _) = doc.source_span(f.start(), f.start());
        let (line, column) = self.line_col(doc.source_text(), src);
        (start, end, line, column)
    }

    pub(crate) fn line_col(&mut self, text: &str, offset: usize) -> (usize, usize) {
        if offset < self.offset || self.line == 0 {
            *self = LineCursor {
                offset: 0,
                line: 1,
                line_start: 0,
                column: 0,
            };
        }
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let seg = &text.as_bytes()[self.offset..offset];
        let mut counted_from = self.offset;
        // The last line break moved over, if any: a short move (the next
        // figure of a line) is read byte by byte, a long one with memchr.
        let mut last_break = None;
        if seg.len() < 32 {
            for (p, &b) in seg.iter().enumerate() {
                if b == b'\n' {
                    self.line += 1;
                    last_break = Some(p);
                }
            }
        } else {
            for p in memchr::memchr_iter(b'\n', seg) {
                self.line += 1;
                last_break = Some(p);
            }
        }
        if let Some(p) = last_break {
            self.line_start = self.offset + p + 1;
            self.column = 0;
            counted_from = self.line_start;
        }
        // Only the characters moved over are counted: linear over a line.
        self.column += text[counted_from..offset].chars().count();
        self.offset = offset;
        (self.line, self.column + 1)
    }
}

#[cfg(test)]
mod decimal_tests {
    use std::str::FromStr;

    use rust_decimal::Decimal;

    use super::decimal_text;

    #[test]
    fn values_are_written_as_the_formatter_writes_them() {
        for s in [
            "0",
            "-0",
            "0.000",
            "-0.0",
            "1",
            "-1",
            "7.0",
            "12.50",
            "2500",
            "-2500.00",
            "0.5",
            "-0.05",
            "1000000",
            "123456789012345678901234567",
            "-79228162514264337593543950335",
            "79228162514264337593543950335",
            "1e3",
            "3.14159",
        ] {
            let d = Decimal::from_str(s)
                .or_else(|_| Decimal::from_scientific(s))
                .unwrap();
            assert_eq!(decimal_text(d), d.normalize().to_string(), "{s}");
        }
    }
}

#[cfg(test)]
mod quoting_tests {
    use super::quoted;

    #[test]
    fn text_is_shown_as_text() {
        // The no-break and narrow no-break spaces of French grouping stay
        // spaces; accents and apostrophes stay letters.
        assert_eq!(quoted("Quelque 1\u{a0}500"), "\"Quelque 1\u{a0}500\"");
        assert_eq!(quoted("l'été 2\u{202f}000"), "\"l'été 2\u{202f}000\"");
        // What would break the line or hide is escaped.
        assert_eq!(quoted("a\"b\\c\nd\te"), r#""a\"b\\c\nd\te""#);
        assert_eq!(quoted("1\u{200b}000"), r#""1\u{200b}000""#);
    }
}

#[cfg(test)]
mod tests {
    use super::push_digits;

    #[test]
    fn push_digits_writes_as_display() {
        let mut cases: Vec<u128> = (0..1200).collect();
        cases.extend([
            9_999,
            10_000,
            123_456,
            1_000_000,
            u64::MAX as u128 - 1,
            u64::MAX as u128,
            u64::MAX as u128 + 1,
            u128::MAX,
        ]);
        for n in cases {
            let mut out = String::from("x");
            push_digits(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }
}
