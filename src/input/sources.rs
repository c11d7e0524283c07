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
        let lang = match &e.lang {
            Some(l) => Some(
                l.get_ref()
                    .parse::<Lang>()
                    .map_err(|m| Error::config(name, text, l.span().start, m))?,
            ),
            None => None,
        };
        if let Some(d) = &e.date {
            let v = d.get_ref();
            if super::date::read_date(v, lang.unwrap_or(Lang::Unknown)).is_none() {
                return Err(Error::config(
                    name,
                    text,
                    d.span().start,
                    format!(
                        "date `{v}` cannot be read: write YYYY-MM-DD (also read: YYYY, \
                         YYYY-MM, DD/MM/YYYY, \"12 March 2020\", \"Thu, 12 Mar 2020 10:00:00 GMT\")"
                    ),
                ));
            }
        }
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
        let v = parse_manifest("s.toml", "[\"a.txt\"]\ndate = \"March 12, 2020\"\n").unwrap();
        assert_eq!(v[0].meta.date.as_deref(), Some("March 12, 2020"));
        let bad = "[\"a.txt\"]\ndate = \"12 foo 2020\"\n";
        let e = parse_manifest("s.toml", bad).unwrap_err().to_string();
        assert!(
            e.starts_with("s.toml:2:8:") && e.contains("cannot be read"),
            "{e}"
        );
        let bad = "[\"a.txt\"]\nauthor = \"x\"\n";
        let e = parse_manifest("sources.toml", bad).unwrap_err().to_string();
        assert!(e.starts_with("sources.toml:2:1:"), "{e}");
    }
}
