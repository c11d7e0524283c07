//! The sources manifest: where each input comes from. A TOML file
//! (`sources.toml` beside the inputs, or `--sources FILE`) with one table
//! per document, keyed by its path relative to the manifest's folder (or by
//! its JSONL id):
//!
//! ```toml
//! ["002_4d26f834a15c7ecc.txt"]
//! outlet = "Armenpress"
//! date = "2024-07-23"
//! url = "https://armenpress.am/..."
//! lang = "fr"
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::{Lang, SourceMeta};
use crate::error::{Error, Result};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryRaw {
    outlet: Option<String>,
    date: Option<Spanned<String>>,
    url: Option<String>,
    lang: Option<Spanned<String>>,
}

/// One manifest entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEntry {
    /// The key as written: a path relative to the manifest, or an id.
    pub key: String,
    pub meta: SourceMeta,
    pub lang: Option<Lang>,
}

/// Parses a manifest; `name` is used in errors.
pub fn parse_manifest(name: &str, text: &str) -> Result<Vec<SourceEntry>> {
    let raw: BTreeMap<String, EntryRaw> =
        toml::from_str(text).map_err(|e| Error::from_toml(name, text, &e))?;
    let mut out = Vec::new();
    for (key, e) in raw {
        if let Some(d) = &e.date {
            let v = d.get_ref();
            let ok = v.len() >= 4 && v[..4].bytes().all(|b| b.is_ascii_digit());
            if !ok {
                return Err(Error::config(
                    name,
                    text,
                    d.span().start,
                    format!("date `{v}` is not YYYY, YYYY-MM or YYYY-MM-DD"),
                ));
            }
        }
        let lang = match &e.lang {
            Some(l) => Some(
                l.get_ref()
                    .parse::<Lang>()
                    .map_err(|m| Error::config(name, text, l.span().start, m))?,
            ),
            None => None,
        };
        out.push(SourceEntry {
            key,
            meta: SourceMeta {
                outlet: e.outlet,
                date: e.date.map(|d| d.into_inner()),
                url: e.url,
            },
            lang,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_and_locates_errors() {
        let t = "[\"a.txt\"]\noutlet = \"AFP\"\ndate = \"2014-12-08\"\nlang = \"fr\"\n";
        let v = parse_manifest("sources.toml", t).unwrap();
        assert_eq!(v[0].key, "a.txt");
        assert_eq!(v[0].meta.outlet.as_deref(), Some("AFP"));
        assert_eq!(v[0].lang, Some(Lang::new("fr")));
        let bad = "[\"a.txt\"]\ndate = \"hier\"\n";
        let e = parse_manifest("sources.toml", bad).unwrap_err().to_string();
        assert!(e.starts_with("sources.toml:2:8:"), "{e}");
        let bad = "[\"a.txt\"]\nauthor = \"x\"\n";
        let e = parse_manifest("sources.toml", bad).unwrap_err().to_string();
        assert!(e.starts_with("sources.toml:2:1:"), "{e}");
    }
}
