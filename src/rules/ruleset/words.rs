//! The word lists the rules need in each language: the `[checks.NAME]`
//! tables of `rules/lang/CODE/checks.toml` (and of the user's files with a
//! `lang` and `[checks.*]`).
//!
//! Each table names a registered rule and gives some of its word-list
//! parameters. The words of every language are added, in the order the
//! files are read, after the list of the rule's own file, so that a rule
//! sees the words of all languages at once. A word already in the list is
//! not added twice.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::check_param;
use crate::error::{Error, Result};
use crate::model::{Code, Lang};
use crate::rules::registry::{Registration, REGISTRY};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    lang: Spanned<String>,
    checks: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
}

/// The words languages give each rule: rule code, then parameter, then the
/// words in the order read.
#[derive(Debug, Clone, Default)]
pub(super) struct LangWords {
    words: BTreeMap<&'static str, BTreeMap<String, Vec<String>>>,
}

/// The registered rule with this name.
fn by_name(name: &str) -> Option<&'static Registration> {
    REGISTRY.iter().find(|r| r.name == name)
}

impl LangWords {
    /// Adds the `[checks.*]` tables of a language file. Every rule name,
    /// parameter and value is checked, and an error points at its place in
    /// the file.
    pub(super) fn add_file(&mut self, file: &str, text: &str) -> Result<()> {
        let raw: WordsFile = toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
        let at = |offset: usize, message: String| Error::config(file, text, offset, message);
        match Code::new(raw.lang.get_ref()) {
            Some(c) if c.has_data() => {}
            _ => {
                return Err(at(
                    raw.lang.span().start,
                    format!(
                        "unknown language `{}` (figcheck reads {}: a language is a folder of \
                         rules/lang/ named by its ISO 639 code)",
                        raw.lang.get_ref(),
                        Lang::with_data().join(", ")
                    ),
                ))
            }
        }
        for (name, params) in &raw.checks {
            let Some(reg) = by_name(name.get_ref()) else {
                let known: Vec<&str> = REGISTRY.iter().map(|r| r.name).collect();
                return Err(at(
                    name.span().start,
                    format!(
                        "no rule is named `{}` (known: {})",
                        name.get_ref(),
                        known.join(", ")
                    ),
                ));
            };
            for (key, value) in params {
                check_param(reg, key, value).map_err(|(offset, m)| at(offset, m))?;
                let words: Option<Vec<String>> = value
                    .get_ref()
                    .as_array()
                    .and_then(|a| a.iter().map(|v| v.as_str().map(str::to_string)).collect());
                let Some(words) = words else {
                    return Err(at(
                        value.span().start,
                        format!(
                            "rule {} ({}), parameter `{}`: a language gives word lists only; \
                             set other parameters in the rule's own file",
                            reg.code,
                            reg.name,
                            key.get_ref()
                        ),
                    ));
                };
                let list = self
                    .words
                    .entry(reg.code)
                    .or_default()
                    .entry(key.get_ref().clone())
                    .or_default();
                for w in words {
                    if !list.contains(&w) {
                        list.push(w);
                    }
                }
            }
        }
        Ok(())
    }

    /// Forgets the words given so far for one parameter of a rule (a later
    /// file set the whole list).
    pub(super) fn clear(&mut self, code: &str, key: &str) {
        if let Some(keys) = self.words.get_mut(code) {
            keys.remove(key);
        }
    }

    /// `params` with the words of every language added to their lists.
    pub(super) fn merged(&self, code: &str, params: &toml::Table) -> toml::Table {
        let mut out = params.clone();
        for (key, words) in self.words.get(code).into_iter().flatten() {
            let entry = out
                .entry(key.clone())
                .or_insert_with(|| toml::Value::Array(Vec::new()));
            if let toml::Value::Array(list) = entry {
                for w in words {
                    let w = toml::Value::String(w.clone());
                    if !list.contains(&w) {
                        list.push(w);
                    }
                }
            }
        }
        out
    }
}
