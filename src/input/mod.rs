//! Stage 1: input. Turns bytes into documents: decodes UTF-8 (reporting
//! each invalid sequence and keeping the rest), reads plain text, Markdown
//! (front matter, code skipped), HTML (tags and scripts dropped) and JSONL
//! records, and detects each document's language. No file system access
//! here: the binary reads files and hands their bytes to this module.
//!
//! A document's text may differ from its file (HTML, Markdown, invalid
//! UTF-8): its `Origin` maps every offset back, and reports use
//! `Document::file_span` and `Document::line_col` so that they point
//! into the file.

pub(crate) mod date;
pub(crate) mod html;
mod lang;
pub(crate) mod lines;
pub(crate) mod markdown;
pub(crate) mod origin;
mod sniff;
pub(crate) mod sources;
pub(crate) mod suppression;

pub use lang::detect_lang;
pub(crate) use lines::LineIndex;
pub use origin::Format;
pub(crate) use origin::Origin;
pub use sniff::{sniff, SNIFF_BYTES};
pub use sources::{parse_manifest, SourceEntry};

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
pub use crate::model::Lang;

/// Where a document comes from, as far as it is known. Never invented:
/// fields the input does not give stay `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceMeta {
    pub(crate) outlet: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) url: Option<String>,
}

/// One text to check.
#[derive(Debug, Clone)]
pub struct Document {
    /// The JSONL `id`, or the path as given on the command line.
    pub id: String,
    pub text: String,
    pub lang: Lang,
    pub(crate) source: SourceMeta,
    /// Problems met while decoding the input (invalid UTF-8), each with the
    /// byte offset in the original bytes.
    pub notices: Vec<Notice>,
    /// The file the text was read from, when the text is not the file's
    /// bytes as they are (HTML, Markdown, invalid UTF-8); `None` when it is.
    pub(crate) origin: Option<Box<Origin>>,
    /// Lines of [`Document::source_text`], built when first needed (for
    /// the few documents a report points into): boxed, so that the others
    /// hold 16 bytes for it rather than 56.
    lines: OnceLock<Box<LineIndex>>,
}

/// Something about the input the user should know, that did not stop the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub(crate) doc: String,
    /// Byte offset in the file.
    pub(crate) offset: usize,
    /// 1-based line and column (in characters) in the file.
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) message: String,
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.doc, self.line, self.column, self.message
        )
    }
}

impl Document {
    /// Applies metadata from a sources manifest: given fields replace the
    /// document's, and a given language replaces the detected one.
    pub fn apply_source(&mut self, meta: &SourceMeta, lang: Option<Lang>) {
        if meta.outlet.is_some() {
            self.source.outlet = meta.outlet.clone();
        }
        if meta.date.is_some() {
            self.source.date = meta.date.clone();
        }
        if meta.url.is_some() {
            self.source.url = meta.url.clone();
        }
        if let Some(l) = lang {
            self.lang = l;
        }
        self.normalize_date();
    }

    /// Writes the publication date as `YYYY-MM-DD` (or `YYYY`) when it can
    /// be read in any of the forms of [`date::read_date`], in the order of
    /// the document's language; an unreadable date is kept as given.
    fn normalize_date(&mut self) {
        if let Some(p) = self
            .source
            .date
            .as_deref()
            .and_then(|d| date::read_date(d, self.lang))
        {
            self.source.date = Some(match p {
                date::Published::Day(d) => d.to_string(),
                date::Published::Year(y) => format!("{y:04}"),
            });
        }
    }

    /// A notice for a publication date given but not read, at `offset` of
    /// the file.
    fn unreadable_date(&mut self, offset: usize, line: usize, column: usize) {
        if let Some(d) = self.source.date.as_deref() {
            if date::unreadable(d, self.lang) {
                self.notices.push(Notice {
                    doc: self.id.clone(),
                    offset,
                    line,
                    column,
                    message: format!(
                        "publication date `{d}` not read (write it as YYYY-MM-DD); \
                         the document's date is left unknown"
                    ),
                });
            }
        }
    }

    /// A document from text, with its language given or detected.
    pub fn new(id: impl Into<String>, text: impl Into<String>, lang: Option<Lang>) -> Self {
        let text = text.into();
        let lang = match lang {
            Some(l) if l != Lang::Unknown => l,
            // The words of a suppression's reason are not the document's.
            _ => detect_lang(&suppression::blank(&text)),
        };
        Document {
            id: id.into(),
            text,
            lang,
            source: SourceMeta::default(),
            notices: Vec::new(),
            origin: None,
            lines: OnceLock::new(),
        }
    }

    /// A document from raw bytes. Invalid UTF-8 sequences are replaced by
    /// U+FFFD and reported as notices with their byte offset, so the rest of
    /// the file is still checked.
    pub(crate) fn from_bytes(id: impl Into<String>, bytes: &[u8], lang: Option<Lang>) -> Self {
        let id = id.into();
        let d = decode(&id, bytes);
        let origin = (!d.replaced.is_empty())
            .then(|| Box::new(Origin::identity(d.text.clone()).with_invalid(d.replaced)));
        let mut doc = Document::new(id, d.text, lang);
        doc.notices = d.notices;
        doc.origin = origin;
        doc
    }

    /// A document from the bytes of a Markdown file: the front matter gives
    /// the source metadata, code blocks and markup are not read.
    pub(crate) fn from_markdown(id: impl Into<String>, bytes: &[u8], lang: Option<Lang>) -> Self {
        Self::derived(id.into(), bytes, lang, markdown::read)
    }

    /// A document from the bytes of an HTML file: the page's text, without
    /// tags, comments, scripts or styles.
    pub(crate) fn from_html(id: impl Into<String>, bytes: &[u8], lang: Option<Lang>) -> Self {
        Self::derived(id.into(), bytes, lang, html::read)
    }

    fn derived(
        id: String,
        bytes: &[u8],
        lang: Option<Lang>,
        read: fn(&str) -> (String, Origin, SourceMeta),
    ) -> Self {
        let d = decode(&id, bytes);
        let (text, origin, meta) = read(&d.text);
        let mut doc = Document::new(id, text, lang);
        doc.notices = d.notices;
        doc.source = meta;
        doc.origin = Some(Box::new(origin.with_invalid(d.replaced)));
        if let Some(given) = doc.source.date.clone() {
            let at = doc.source_text().find(given.as_str()).unwrap_or(0);
            let (line, column) = doc.source_line_col(at);
            let file_at = doc.origin.as_ref().map_or(at, |o| o.file_offset(at));
            doc.unreadable_date(file_at, line, column);
        }
        doc.normalize_date();
        doc
    }

    /// The text of the file the document was read from (the document's own
    /// text when it was read as it is).
    pub(crate) fn source_text(&self) -> &str {
        self.origin.as_ref().map_or(&self.text, |o| &o.text)
    }

    /// The span of the source text ([`Document::source_text`]) that the
    /// span `[start, end)` of the document's text was read from.
    pub(crate) fn source_span(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.origin {
            None => (start, end),
            Some(o) => {
                let s = o.to_source(start, false);
                (s, o.to_source(end, true).max(s))
            }
        }
    }

    /// The byte span in the file of the span `[start, end)` of the
    /// document's text.
    pub(crate) fn file_span(&self, start: usize, end: usize) -> (usize, usize) {
        let (s, e) = self.source_span(start, end);
        match &self.origin {
            None => (s, e),
            Some(o) => (o.file_offset(s), o.file_offset(e)),
        }
    }

    /// 1-based line and column (in characters) in the file of the offset
    /// `offset` of the document's text.
    pub(crate) fn line_col(&self, offset: usize) -> (usize, usize) {
        let (s, _) = self.source_span(offset, offset);
        self.source_line_col(s)
    }

    /// Line and column in the file just after the span ending at `end`
    /// (exclusive end, as SARIF's `endColumn`).
    pub(crate) fn end_line_col(&self, start: usize, end: usize) -> (usize, usize) {
        let (_, e) = self.source_span(start, end);
        self.source_line_col(e)
    }

    /// 1-based line and column (in characters) of an offset of the source
    /// text ([`Document::source_text`]), in time independent of the
    /// length of its line.
    pub(crate) fn source_line_col(&self, offset: usize) -> (usize, usize) {
        self.source_lines().line_col(self.source_text(), offset)
    }

    /// The line index of the source text ([`Document::source_text`]).
    pub(crate) fn source_lines(&self) -> &LineIndex {
        self.lines
            .get_or_init(|| Box::new(LineIndex::new(self.source_text())))
    }
}

struct Decoded {
    text: String,
    notices: Vec<Notice>,
    /// Each U+FFFD put in: its offset in `text`, the file bytes it replaces.
    replaced: Vec<(usize, usize)>,
}

fn decode(id: &str, bytes: &[u8]) -> Decoded {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            notices: Vec::new(),
            replaced: Vec::new(),
        };
    }
    let mut out = String::with_capacity(bytes.len());
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut replaced = Vec::new();
    let mut pos = 0;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        pos += chunk.valid().len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            // Adjacent invalid sequences make one notice.
            match runs.last_mut() {
                Some((_, end)) if *end == pos => *end += bad.len(),
                _ => runs.push((pos, pos + bad.len())),
            }
            replaced.push((out.len(), bad.len()));
            out.push('\u{FFFD}');
            pos += bad.len();
        }
    }
    let notices = runs
        .into_iter()
        .map(|(s, e)| {
            let line_start = bytes[..s]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            Notice {
                doc: id.to_string(),
                offset: s,
                line: bytes[..s].iter().filter(|&&b| b == b'\n').count() + 1,
                column: String::from_utf8_lossy(&bytes[line_start..s])
                    .chars()
                    .count()
                    + 1,
                message: format!(
                    "invalid UTF-8 at byte {s} ({} byte(s) replaced by U+FFFD)",
                    e - s
                ),
            }
        })
        .collect();
    Decoded {
        text: out,
        notices,
        replaced,
    }
}

/// Decodes UTF-8, replacing invalid sequences; one notice per invalid run.
pub fn decode_utf8(id: &str, bytes: &[u8]) -> (String, Vec<Notice>) {
    let d = decode(id, bytes);
    (d.text, d.notices)
}

/// Reads the bytes of one input as `format`: one document, or one per
/// record for JSONL. `name` is the file's name, used as the document id and
/// in errors; notices of invalid UTF-8 are kept on the documents (for JSONL,
/// on the first record).
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    format: Format,
    lang: Option<Lang>,
) -> Result<Vec<Document>> {
    Ok(match format {
        Format::Text => vec![Document::from_bytes(name, bytes, lang)],
        Format::Markdown => vec![Document::from_markdown(name, bytes, lang)],
        Format::Html => vec![Document::from_html(name, bytes, lang)],
        Format::Jsonl => {
            let d = decode(name, bytes);
            let mut docs = parse_jsonl(name, &d.text, lang)?;
            if let Some(first) = docs.first_mut() {
                first.notices = d.notices;
            }
            docs
        }
    })
}

#[derive(Deserialize)]
struct JsonlRecord {
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    url: Option<String>,
    // The fields real exports carry a publication date in, in the order
    // they are trusted: a string in any form of `date::read_date`, or a
    // Unix timestamp.
    #[serde(default, rename = "datePublished")]
    date_published_camel: Option<serde_json::Value>,
    #[serde(default)]
    date_published: Option<serde_json::Value>,
    #[serde(default)]
    published_at: Option<serde_json::Value>,
    #[serde(default, rename = "publishedAt")]
    published_at_camel: Option<serde_json::Value>,
    #[serde(default)]
    published: Option<serde_json::Value>,
    #[serde(default)]
    publication_date: Option<serde_json::Value>,
    #[serde(default)]
    pubdate: Option<serde_json::Value>,
    #[serde(default)]
    pub_date: Option<serde_json::Value>,
    #[serde(default)]
    date: Option<serde_json::Value>,
    #[serde(default)]
    time: Option<serde_json::Value>,
    #[serde(default)]
    timestamp: Option<serde_json::Value>,
}

impl JsonlRecord {
    /// The first date field given, as a string (a timestamp as the day it
    /// falls on, UTC); whether it reads as a date.
    fn date(&self, lang: Lang) -> Option<(String, bool)> {
        let fields = [
            &self.date_published_camel,
            &self.date_published,
            &self.published_at,
            &self.published_at_camel,
            &self.published,
            &self.publication_date,
            &self.pubdate,
            &self.pub_date,
            &self.date,
            &self.time,
            &self.timestamp,
        ];
        let mut first_given = None;
        for v in fields.into_iter().flatten() {
            let read = match v {
                serde_json::Value::String(s) if !s.trim().is_empty() => {
                    first_given.get_or_insert_with(|| s.clone());
                    date::read_date(s, lang).map(|_| s.clone())
                }
                serde_json::Value::Number(n) => {
                    first_given.get_or_insert_with(|| n.to_string());
                    n.as_f64()
                        .and_then(date::from_unix)
                        .and_then(date::Published::day)
                        .map(|d| d.to_string())
                }
                _ => None,
            };
            if let Some(s) = read {
                return Some((s, true));
            }
        }
        first_given.map(|s| (s, false))
    }
}

/// Reads JSONL: one `{"id", "text", "lang"?}` object per line (blank lines
/// skipped). `name` is used in errors, which carry the line and column.
/// A record without an id gets `name:line`. `lang` forces the language of
/// every record; otherwise the record's own `lang` field, or detection.
pub fn parse_jsonl(name: &str, text: &str, lang: Option<Lang>) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if let Some(doc) = parse_jsonl_line(name, i + 1, line, lang)? {
            docs.push(doc);
        }
    }
    Ok(docs)
}

/// Reads one JSONL line (line number `line_no`, 1-based): a document, or
/// `None` for a blank line. Errors carry the line and the column.
pub fn parse_jsonl_line(
    name: &str,
    line_no: usize,
    line: &str,
    lang: Option<Lang>,
) -> Result<Option<Document>> {
    let body = line.trim_end_matches(['\n', '\r']);
    if body.trim().is_empty() {
        return Ok(None);
    }
    let mut rec: JsonlRecord = serde_json::from_str(body).map_err(|e| {
        // serde_json columns are 1-based byte columns within the line.
        let mut col = e.column().saturating_sub(1).min(body.len());
        while !body.is_char_boundary(col) {
            col -= 1;
        }
        Error::Input {
            location: crate::error::Location {
                file: name.to_string(),
                line: line_no,
                column: body[..col].chars().count() + 1,
            },
            message: format!("invalid JSONL record: {e}"),
        }
    })?;
    let id = match rec.id.take() {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => format!("{name}:{line_no}"),
        Some(v) => v.to_string(),
    };
    let rec_lang = match lang {
        Some(l) if l != Lang::Unknown => Some(l),
        _ => rec.lang.as_deref().and_then(|l| l.parse::<Lang>().ok()),
    };
    let mut doc = Document::new(id, std::mem::take(&mut rec.text), rec_lang);
    let date = rec.date(doc.lang);
    doc.source = SourceMeta {
        outlet: rec.outlet,
        date: date.as_ref().map(|d| d.0.clone()),
        url: rec.url,
    };
    if let Some((given, false)) = &date {
        // Located at the value as written in the line.
        let at = body.find(given.as_str()).unwrap_or(0);
        doc.unreadable_date(at, line_no, body[..at].chars().count() + 1);
    }
    doc.normalize_date();
    Ok(Some(doc))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `check` holds every document until its report: beside its text, a
    /// document stays small (its line index boxed until a report needs it).
    #[test]
    fn document_stays_small() {
        let n = std::mem::size_of::<Document>();
        assert!(n <= 176, "Document is {n} bytes");
    }

    #[test]
    fn invalid_utf8_is_reported_with_offset_and_rest_kept() {
        let d = Document::from_bytes("x", b"12 soldats \xff\xfe et 3", Some(Lang::new("fr")));
        assert_eq!(d.notices.len(), 1);
        assert_eq!(d.notices[0].offset, 11);
        assert!(d.text.ends_with("et 3"));
        // Spans after the invalid bytes point at the file's bytes.
        let at = d.text.find('3').unwrap();
        assert_eq!(d.file_span(at, at + 1), (17, 18));
        let bad = b"a\nb\xffc";
        let d = Document::from_bytes("y", bad, None);
        assert_eq!((d.notices[0].line, d.notices[0].column), (2, 2));
        assert_eq!(
            d.notices[0].to_string(),
            "y:2:2: invalid UTF-8 at byte 3 (1 byte(s) replaced by U+FFFD)"
        );
    }

    #[test]
    fn html_spans_lines_and_columns_point_into_the_file() {
        let html = "<html><body>\n<p>Hier, <b>trois</b> soldats\n  ont &eacute;t&eacute; tu&eacute;s et 1&nbsp;500 bless&eacute;s.</p>\n</body></html>\n";
        let d = Document::from_html("a.html", html.as_bytes(), Some(Lang::new("fr")));
        assert_eq!(
            d.text,
            "Hier, trois soldats ont été tués et 1\u{a0}500 blessés.\n"
        );
        let s = d.text.find("1\u{a0}500").unwrap();
        let e = s + "1\u{a0}500".len();
        let (fs, fe) = d.file_span(s, e);
        assert_eq!(&html[fs..fe], "1&nbsp;500");
        assert_eq!(d.line_col(s), (3, 40));
        let t = d.text.find("trois").unwrap();
        assert_eq!(d.line_col(t), (2, 13));
        assert_eq!(d.end_line_col(t, t + 5), (2, 18));
    }

    #[test]
    fn jsonl_reads_records_and_reports_bad_lines() {
        let t = "{\"id\": \"a\", \"text\": \"trois soldats\", \"lang\": \"fr\"}\n\n{\"id\": 7, \"text\": \"two men\"}\n";
        let docs = parse_jsonl("in.jsonl", t, None).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "a");
        assert_eq!(docs[0].lang, Lang::new("fr"));
        assert_eq!(docs[1].id, "7");

        let bad = "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": }\n";
        let err = parse_jsonl("in.jsonl", bad, None).unwrap_err().to_string();
        assert!(err.starts_with("in.jsonl:2:"), "{err}");
    }

    #[test]
    fn publication_dates_from_every_jsonl_field_and_form() {
        let date = |rec: &str| {
            let d = parse_jsonl("in.jsonl", rec, None).unwrap().remove(0);
            (d.source.date.clone(), d.notices.len())
        };
        let fr = r#""text": "Trois soldats ont été tués dans la ville.", "lang": "fr""#;
        let en = r#""text": "Three soldiers were killed in the city.", "lang": "en""#;
        for (field, value, text, want) in [
            ("date", r#""2020-03-12""#, fr, "2020-03-12"),
            ("published", r#""12/03/2020""#, fr, "2020-03-12"),
            ("published_at", r#""03/12/2020""#, en, "2020-03-12"),
            ("pubdate", r#""12-3-2020""#, fr, "2020-03-12"),
            ("datePublished", r#""March 12, 2020""#, en, "2020-03-12"),
            (
                "time",
                r#""Thu, 12 Mar 2020 10:00:00 GMT""#,
                en,
                "2020-03-12",
            ),
            ("timestamp", "1584007200", en, "2020-03-12"),
            ("date", r#""12 mars 2020""#, fr, "2020-03-12"),
            ("date", r#""2020""#, fr, "2020"),
        ] {
            let rec = format!("{{\"id\": \"a\", {text}, \"{field}\": {value}}}\n");
            assert_eq!(date(&rec), (Some(want.to_string()), 0), "{field}: {value}");
        }
        // A readable field wins over an unreadable one.
        let rec = format!("{{{fr}, \"time\": \"10:00\", \"date\": \"2020-03-12\"}}");
        assert_eq!(date(&rec).0.as_deref(), Some("2020-03-12"));
        // A date given but not read: kept as given, and said where.
        let rec = format!("{{{fr}, \"date\": \"12 foo 2020\"}}");
        let d = parse_jsonl("in.jsonl", &rec, None).unwrap().remove(0);
        assert_eq!(d.source.date.as_deref(), Some("12 foo 2020"));
        let n = d.notices[0].to_string();
        assert!(
            n.starts_with("in.jsonl:1:") && n.contains("`12 foo 2020`"),
            "{n}"
        );
        // No date: none invented, nothing said.
        assert_eq!(date(&format!("{{{fr}}}")), (None, 0));
    }

    #[test]
    fn publication_dates_from_front_matter_and_html() {
        let md =
            "---\ntitle: x\ndate: 12/03/2020\n---\n\nTrois soldats ont été tués dans la ville.\n";
        let d = Document::from_markdown("a.md", md.as_bytes(), None);
        assert_eq!(d.source.date.as_deref(), Some("2020-03-12"));
        let md = "---\ndate: demain 12h\n---\n\nTrois soldats ont été tués dans la ville.\n";
        let d = Document::from_markdown("a.md", md.as_bytes(), None);
        assert_eq!(d.notices[0].line, 2, "{:?}", d.notices);
        for head in [
            r#"<meta property="article:published_time" content="2020-03-12T10:00:00+01:00">"#,
            r#"<meta itemprop="datePublished" content="March 12, 2020">"#,
            r#"<meta name="pubdate" content="Thu, 12 Mar 2020 10:00:00 GMT">"#,
        ] {
            let html = format!("<html><head>{head}</head><body><p>Three soldiers were killed in the city.</p></body></html>");
            let d = Document::from_html("a.html", html.as_bytes(), None);
            assert_eq!(d.source.date.as_deref(), Some("2020-03-12"), "{head}");
        }
        let html = r#"<p><time datetime="2020-03-12T10:00">12 mars</time> Trois soldats ont été tués.</p>"#;
        let d = Document::from_html("a.html", html.as_bytes(), None);
        assert_eq!(d.source.date.as_deref(), Some("2020-03-12"));
    }
}
