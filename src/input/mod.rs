//! Stage 1: input. Turns bytes into documents: decodes UTF-8 (reporting the
//! first invalid byte and keeping the rest), reads JSONL records, and detects
//! each document's language. No file system access here: the binary reads
//! files and hands their bytes to this module.

mod lang;
pub mod sources;

pub use lang::detect_lang;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The language a document is written in, which decides how its figures are
/// read (`2.000` is 2000 in French, 2 in English).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
    Unknown,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Unknown => "unknown",
        }
    }
}

/// Where a document comes from, as far as it is known. Never invented:
/// fields the input does not give stay `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceMeta {
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// One text to check.
#[derive(Debug, Clone)]
pub struct Document {
    /// The JSONL `id`, or the path as given on the command line.
    pub id: String,
    pub text: String,
    pub lang: Lang,
    pub source: SourceMeta,
    /// Problems met while decoding the input (invalid UTF-8), each with the
    /// byte offset in the original bytes.
    pub notices: Vec<Notice>,
}

/// Something about the input the user should know, that did not stop the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub doc: String,
    pub offset: usize,
    pub message: String,
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
            _ => detect_lang(&text),
        };
        Document {
            id: id.into(),
            text,
            lang,
            source: SourceMeta::default(),
            notices: Vec::new(),
        }
    }

    /// A document from raw bytes. Invalid UTF-8 sequences are replaced by
    /// U+FFFD and reported as notices with their byte offset, so the rest of
    /// the file is still checked.
    pub fn from_bytes(id: impl Into<String>, bytes: &[u8], lang: Option<Lang>) -> Self {
        let id = id.into();
        let (text, notices) = decode_utf8(&id, bytes);
        let mut doc = Document::new(id, text, lang);
        doc.notices = notices;
        doc
    }
}

/// Decodes UTF-8, replacing invalid sequences; one notice per invalid run.
pub fn decode_utf8(id: &str, bytes: &[u8]) -> (String, Vec<Notice>) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Vec::new()),
        Err(_) => {
            let mut out = String::with_capacity(bytes.len());
            let mut runs: Vec<(usize, usize)> = Vec::new();
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
                    out.push('\u{FFFD}');
                    pos += bad.len();
                }
            }
            let notices = runs
                .into_iter()
                .map(|(s, e)| Notice {
                    doc: id.to_string(),
                    offset: s,
                    message: format!(
                        "invalid UTF-8 at byte {s} ({} byte(s) replaced by U+FFFD)",
                        e - s
                    ),
                })
                .collect();
            (out, notices)
        }
    }
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
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            continue;
        }
        let rec: JsonlRecord = serde_json::from_str(body).map_err(|e| {
            // serde_json columns are 1-based byte columns within the line.
            let col = e.column().saturating_sub(1).min(body.len());
            Error::input(
                name,
                text,
                start + col,
                format!("invalid JSONL record: {e}"),
            )
        })?;
        let id = match rec.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Null) | None => format!("{name}:{}", i + 1),
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
        docs.push(doc);
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_reported_with_offset_and_rest_kept() {
        let d = Document::from_bytes("x", b"12 soldats \xff\xfe et 3", Some(Lang::Fr));
        assert_eq!(d.notices.len(), 1);
        assert_eq!(d.notices[0].offset, 11);
        assert!(d.text.ends_with("et 3"));
    }

    #[test]
    fn jsonl_reads_records_and_reports_bad_lines() {
        let t = "{\"id\": \"a\", \"text\": \"trois soldats\", \"lang\": \"fr\"}\n\n{\"id\": 7, \"text\": \"two men\"}\n";
        let docs = parse_jsonl("in.jsonl", t, None).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "a");
        assert_eq!(docs[0].lang, Lang::Fr);
        assert_eq!(docs[1].id, "7");

        let bad = "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": }\n";
        let err = parse_jsonl("in.jsonl", bad, None).unwrap_err().to_string();
        assert!(err.starts_with("in.jsonl:2:"), "{err}");
    }
}
