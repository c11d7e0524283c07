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
use crate::rules::registry::Registration;
use crate::rules::REGISTRY;

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

/// The registered rule with this name (or code), in any case.
fn by_name(name: &str) -> Option<&'static Registration> {
    crate::rules::registry::named(name)
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

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::model::Lang;
    use crate::rules::rule_tests::messages;

    fn with(name: &str, text: &str) -> crate::error::Result<Config> {
        Config::with_files([(name.to_string(), text.to_string())])
    }

    fn list(c: &Config, code: &str, key: &str) -> Vec<String> {
        c.rules.get(code).unwrap().params[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn a_rule_sees_its_own_words_then_those_of_every_language() {
        let c = crate::testing::config();
        let skip = list(c, "FC103", "skip_after");
        assert_eq!(skip[..2], ["v", "android"]);
        for w in ["chapitre", "chapter", "sección", "version"] {
            assert_eq!(skip.iter().filter(|x| *x == w).count(), 1, "{w}");
        }
    }

    #[test]
    fn a_spanish_word_takes_effect() {
        let es = Lang::new("es");
        // "sección" is no French or English word, even without its accent.
        let plain = messages("FC103", &["Lee el libro 3.817.69 del informe."], es, None);
        assert_eq!(plain.len(), 1, "{plain:?}");
        for text in [
            "Lee la sección 3.817.69 del informe.",
            "Lee el párrafo 3.817.69 del informe.",
            "Lee la versión 4.4.2 del informe.",
        ] {
            assert!(messages("FC103", &[text], es, None).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_user_language_file_adds_words() {
        let c = with(
            "mine.toml",
            "lang = \"fr\"\n[checks.bad-grouping]\nskip_after = [\"tome\", \"chapitre\"]\n",
        )
        .unwrap();
        let skip = list(&c, "FC103", "skip_after");
        assert_eq!(skip.last().map(String::as_str), Some("tome"));
        assert_eq!(skip.iter().filter(|x| *x == "chapitre").count(), 1);
        assert!(skip.contains(&"iso".to_string()));
    }

    #[test]
    fn a_later_rule_file_replaces_a_whole_list() {
        let c = Config::with_files([
            (
                "a.toml".to_string(),
                "[[rule]]\ncode = \"FC103\"\n[rule.params]\nskip_after = [\"x\"]\n".to_string(),
            ),
            (
                "b.toml".to_string(),
                "lang = \"en\"\n[checks.bad-grouping]\nskip_after = [\"volume\"]\n".to_string(),
            ),
        ])
        .unwrap();
        assert_eq!(list(&c, "FC103", "skip_after"), ["x", "volume"]);
        // The other lists keep the words of the languages.
        assert!(list(&c, "FC103", "time_units").contains(&"secondes".to_string()));
    }

    #[test]
    fn errors_point_into_the_language_file() {
        let err = |text: &str| with("w.toml", text).unwrap_err().to_string();
        let e = err("lang = \"fr\"\n[checks.bad-groupin]\nskip_after = []\n");
        assert!(
            e.starts_with("w.toml:2:9: no rule is named `bad-groupin`"),
            "{e}"
        );
        let e = err("lang = \"fr\"\n[checks.bad-grouping]\nskip_afterr = []\n");
        assert!(
            e.starts_with("w.toml:3:1: rule FC103 (bad-grouping): unknown field `skip_afterr`"),
            "{e}"
        );
        let e = err("lang = \"fr\"\n[checks.bad-grouping]\nskip_after = \"x\"\n");
        assert!(e.starts_with("w.toml:3:14: rule FC103"), "{e}");
        let e = err("lang = \"fr\"\n[checks.percent-mismatch]\ntolerance = \"1\"\n");
        assert!(
            e.starts_with("w.toml:3:13: rule FC305 (percent-mismatch), parameter `tolerance`: a language gives word lists only"),
            "{e}"
        );
        let e = err("lang = \"zz\"\n[checks.bad-grouping]\nskip_after = []\n");
        assert!(e.starts_with("w.toml:1:8: unknown language `zz`"), "{e}");
        let e =
            err("lang = \"fr\"\n[checks.bad-grouping]\nskip_after = []\nwords = []\n[cardinals]\n");
        assert!(e.starts_with("w.toml:5:"), "{e}");
    }
}
