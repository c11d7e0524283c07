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
    /// Lines of [`Document::source_text`], built when first needed.
    lines: OnceLock<LineIndex>,
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
            .get_or_init(|| LineIndex::new(self.source_text()))
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
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
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
    let rec: JsonlRecord = serde_json::from_str(body).map_err(|e| {
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
    let id = match rec.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => format!("{name}:{line_no}"),
        Some(v) => v.to_string(),
    };
    let rec_lang = match lang {
        Some(l) if l != Lang::Unknown => Some(l),
        _ => rec.lang.as_deref().and_then(|l| l.parse::<Lang>().ok()),
    };
    let mut doc = Document::new(id, rec.text, rec_lang);
    doc.source = SourceMeta {
        outlet: rec.outlet,
        date: rec.date,
        url: rec.url,
    };
    Ok(Some(doc))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
