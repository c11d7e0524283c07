//! Rule definitions: the `[[rule]]` tables of `rules/checks/*.toml` (and of
//! the user's `--rules` files), checked against the registry.
//!
//! A definition names a registered rule by its code; `name`, when given,
//! must be the registered name. Later files override earlier ones field by
//! field, and parameters key by key. Each parameter is checked against the
//! rule's parameter type when its file is read, so that a misspelt or
//! malformed parameter is reported with its file, line and column.
//!
//! The word lists come from the languages as well (see [`words`]): once
//! every file is read, [`RuleSet::finish`] adds the words of each language
//! to the lists of the rule's own file. A file that overrides a rule
//! already defined and sets a list replaces it whole, the words of the
//! languages read before it included.

mod words;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::registry::{self, Registration};
use super::REGISTRY;
use super::{Check, Severity};
use crate::error::{Error, Result};
use words::LangWords;

/// An example a rule carries: text that must or must not trigger it.
/// `other` is a second document, for rules that compare sources.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) other: Option<String>,
    #[serde(default)]
    pub(crate) lang: Option<String>,
    /// The publication date of the example (`YYYY-MM-DD`), for the rules
    /// that compare a date with it.
    #[serde(default)]
    pub(crate) date: Option<String>,
    /// The language of `other`, when it is not `lang`.
    #[serde(default)]
    pub(crate) other_lang: Option<String>,
    /// The publication date of `other`, when it is not `date`.
    #[serde(default)]
    pub(crate) other_date: Option<String>,
    pub fires: bool,
    /// The severity a firing example's finding has, when the rule gives
    /// some findings another severity than its own (FC201's tolls printed
    /// on different days are information); any when absent.
    #[serde(default)]
    pub(crate) severity: Option<super::Severity>,
}

/// A rule: its registration, and its definition as read from TOML.
#[derive(Debug, Clone)]
pub struct RuleDef {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub enabled: bool,
    pub summary: String,
    pub description: String,
    pub why: String,
    pub help: String,
    /// The parameters as written, every file merged.
    pub(crate) params: toml::Table,
    pub examples: Vec<Example>,
    /// The file that defined the rule last.
    pub(crate) file: String,
    /// The registered rule.
    pub(crate) registration: &'static Registration,
    /// The rule built from its parameters.
    pub(crate) check: Arc<dyn Check>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rule: Vec<RuleRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleRaw {
    code: Spanned<String>,
    name: Option<Spanned<String>>,
    severity: Option<Spanned<String>>,
    enabled: Option<bool>,
    summary: Option<String>,
    description: Option<String>,
    why: Option<String>,
    help: Option<String>,
    #[serde(default)]
    params: Option<BTreeMap<Spanned<String>, Spanned<toml::Value>>>,
    #[serde(default)]
    examples: Vec<Example>,
}

/// All rules, in code order.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: BTreeMap<String, RuleDef>,
    /// The words languages give the rules' lists.
    words: LangWords,
}

/// The names of the registered rules, for error messages.
fn known() -> String {
    REGISTRY
        .iter()
        .map(|r| format!("{} {}", r.code, r.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks one parameter against the rule's parameter type: an error
/// message and the offset it is about (the key when the key is unknown,
/// the value otherwise).
fn check_param(
    reg: &Registration,
    key: &Spanned<String>,
    value: &Spanned<toml::Value>,
) -> std::result::Result<(), (usize, String)> {
    let mut one = toml::Table::new();
    one.insert(key.get_ref().clone(), value.get_ref().clone());
    match (reg.build)(toml::Value::Table(one)) {
        Ok(_) => Ok(()),
        Err(e) => {
            let msg = e.message().trim().to_string();
            if msg.starts_with(&format!("unknown field `{}`", key.get_ref())) {
                Err((
                    key.span().start,
                    format!("rule {} ({}): {msg}", reg.code, reg.name),
                ))
            } else {
                Err((
                    value.span().start,
                    format!(
                        "rule {} ({}), parameter `{}`: {msg}",
                        reg.code,
                        reg.name,
                        key.get_ref()
                    ),
                ))
            }
        }
    }
}

impl RuleSet {
    pub fn get(&self, code: &str) -> Option<&RuleDef> {
        self.rules.get(code)
    }

    pub fn iter(&self) -> impl Iterator<Item = &RuleDef> {
        self.rules.values()
    }

    /// The rule a user names: by its code in any case (`fc401`) or by its
    /// name (`parts-total`).
    pub fn find(&self, code_or_name: &str) -> Option<&RuleDef> {
        let up = code_or_name.to_ascii_uppercase();
        self.rules.get(&up).or_else(|| {
            self.rules
                .values()
                .find(|r| r.name.eq_ignore_ascii_case(code_or_name))
        })
    }

    /// What a user's `--select` or `--ignore` entry stands for: a rule's
    /// code when it names one (`parts-total`, `fc401`), else the entry in
    /// capitals as a code prefix (`fc3` is `FC3`, `all` is `ALL`).
    pub fn selector(&self, entry: &str) -> String {
        self.find(entry)
            .map_or_else(|| entry.to_ascii_uppercase(), |r| r.code.clone())
    }

    /// True when [`RuleSet::add_file`] reads a file with these top-level
    /// keys.
    pub(crate) fn reads(table: &toml::Table) -> bool {
        table.contains_key("checks") || table.contains_key("rule")
    }

    /// Adds a rule file (`[[rule]]` tables) or a language's words for the
    /// rules (`lang` and `[checks.NAME]` tables). A rule whose code exists
    /// already is overridden field by field; a code defined twice in one
    /// file is an error. Returns false when the file is neither.
    pub fn add_file(&mut self, file: &str, text: &str, table: &toml::Table) -> Result<bool> {
        if table.contains_key("checks") {
            self.words.add_file(file, text)?;
            return Ok(true);
        }
        if !table.contains_key("rule") {
            return Ok(false);
        }
        let raw: RuleFile = toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
        let mut seen = Vec::new();
        for r in raw.rule {
            let at = |offset: usize, message: String| Error::config(file, text, offset, message);
            // A rule is named by its code or its name, in any case.
            let Some(reg) = registry::named(r.code.get_ref()) else {
                return Err(at(
                    r.code.span().start,
                    format!(
                        "no rule {} is implemented (known: {})",
                        r.code.get_ref(),
                        known()
                    ),
                ));
            };
            let code = reg.code.to_string();
            if seen.contains(&code) {
                return Err(at(
                    r.code.span().start,
                    format!("rule {code} is defined twice in this file"),
                ));
            }
            seen.push(code.clone());
            if let Some(n) = &r.name {
                if n.get_ref() != reg.name {
                    return Err(at(
                        n.span().start,
                        format!("rule {code} is named `{}`, not `{}`", reg.name, n.get_ref()),
                    ));
                }
            }
            let severity = match &r.severity {
                Some(s) => Some(
                    s.get_ref()
                        .parse::<Severity>()
                        .map_err(|m| at(s.span().start, m))?,
                ),
                None => None,
            };
            let mut params = toml::Table::new();
            for (k, v) in r.params.iter().flatten() {
                check_param(reg, k, v).map_err(|(offset, m)| at(offset, m))?;
                params.insert(k.get_ref().clone(), v.get_ref().clone());
            }
            let old = self.rules.remove(&code);
            if old.is_some() {
                for k in params.keys() {
                    self.words.clear(&code, k);
                }
            }
            let mut merged = old.as_ref().map(|d| d.params.clone()).unwrap_or_default();
            merged.extend(params);
            let check = (reg.build)(toml::Value::Table(merged.clone())).map_err(|e| {
                at(
                    r.code.span().start,
                    format!("rule {code}: {}", e.message().trim()),
                )
            })?;
            let def = match old {
                Some(mut d) => {
                    if let Some(v) = severity {
                        d.severity = v;
                    }
                    if let Some(v) = r.enabled {
                        d.enabled = v;
                    }
                    if let Some(v) = r.summary {
                        d.summary = v;
                    }
                    if let Some(v) = r.description {
                        d.description = v;
                    }
                    if let Some(v) = r.why {
                        d.why = v;
                    }
                    if let Some(v) = r.help {
                        d.help = v;
                    }
                    if !r.examples.is_empty() {
                        d.examples = r.examples;
                    }
                    d.params = merged;
                    d.check = check;
                    d.file = file.to_string();
                    d
                }
                None => {
                    let missing = |what: &str| {
                        at(
                            r.code.span().start,
                            format!("new rule {code} needs `{what}`"),
                        )
                    };
                    RuleDef {
                        name: reg.name.to_string(),
                        severity: severity.ok_or_else(|| missing("severity"))?,
                        enabled: r.enabled.unwrap_or(true),
                        summary: r.summary.ok_or_else(|| missing("summary"))?,
                        description: r.description.unwrap_or_default(),
                        why: r.why.unwrap_or_default(),
                        help: r.help.unwrap_or_default(),
                        params: merged,
                        examples: r.examples,
                        file: file.to_string(),
                        code: code.clone(),
                        registration: reg,
                        check,
                    }
                }
            };
            self.rules.insert(code, def);
        }
        Ok(true)
    }

    /// Completes the set once every file is read: adds the words of the
    /// languages to each rule's lists, builds the rules again from them,
    /// and checks the set ([`RuleSet::validate`]).
    pub fn finish(&mut self) -> Result<()> {
        for (code, d) in self.rules.iter_mut() {
            let params = self.words.merged(code, &d.params);
            if params != d.params {
                d.check =
                    (d.registration.build)(toml::Value::Table(params.clone())).map_err(|e| {
                        Error::config(
                            &d.file,
                            "",
                            0,
                            format!("rule {code}: {}", e.message().trim()),
                        )
                    })?;
                d.params = params;
            }
        }
        self.validate()
    }

    /// Checks the set as a whole once every file is loaded: every
    /// registered rule is defined. (Each rule's name comes from the
    /// registry, and its parameters were built as each file was read and
    /// again in [`RuleSet::finish`].)
    pub(crate) fn validate(&self) -> Result<()> {
        for reg in REGISTRY {
            if !self.rules.contains_key(reg.code) {
                return Err(Error::config(
                    &format!("rules/checks/{}-{}.toml", reg.code, reg.name),
                    "",
                    0,
                    format!(
                        "rule {} ({}) is registered but not defined",
                        reg.code, reg.name
                    ),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(set: &mut RuleSet, text: &str) -> Result<bool> {
        let table: toml::Table = toml::from_str(text).unwrap();
        set.add_file("r.toml", text, &table)
    }

    const FC305: &str = "[[rule]]\ncode = \"FC305\"\nname = \"percent-mismatch\"\nseverity = \"warning\"\nsummary = \"s\"\n[rule.params]\njoiners = [\"sur\"]\ntolerance = \"0\"\n";

    #[test]
    fn a_registered_rule_without_definition_is_an_error() {
        let mut set = RuleSet::default();
        add(&mut set, FC305).unwrap();
        let err = set.validate().unwrap_err().to_string();
        assert!(
            err.contains("FC001 (unused-suppression) is registered but not defined"),
            "{err}"
        );
    }

    #[test]
    fn parameters_override_key_by_key() {
        let mut set = RuleSet::default();
        add(&mut set, FC305).unwrap();
        add(
            &mut set,
            "[[rule]]\ncode = \"FC305\"\n[rule.params]\ntolerance = \"0.5\"\n",
        )
        .unwrap();
        let d = set.get("FC305").unwrap();
        assert_eq!(d.params["tolerance"].as_str(), Some("0.5"));
        assert!(d.params.contains_key("joiners"));
        assert_eq!(d.severity, Severity::Warning);
    }

    #[test]
    fn a_bad_parameter_is_located_at_its_key_or_value() {
        let mut set = RuleSet::default();
        let unknown = add(
            &mut set,
            "[[rule]]\ncode = \"FC305\"\n[rule.params]\njoinerz = []\n",
        );
        assert!(unknown.unwrap_err().to_string().starts_with("r.toml:4:1: "));
        let bad = add(
            &mut set,
            "[[rule]]\ncode = \"FC305\"\n[rule.params]\ntolerance = 0.5\n",
        );
        assert!(bad.unwrap_err().to_string().starts_with("r.toml:4:13: "));
    }

    #[test]
    fn an_error_inside_a_parameter_is_located_at_its_value() {
        let mut set = RuleSet::default();
        let text =
            "[[rule]]\ncode = \"FC402\"\n[rule.params]\nperiod_units = { day = { dayz = 1 } }\n";
        let err = add(&mut set, text).unwrap_err().to_string();
        assert!(err.starts_with("r.toml:4:16: rule FC402 (deadline-arithmetic), parameter `period_units`: unknown field `dayz`"), "{err}");
    }

    #[test]
    fn an_unregistered_code_is_an_error() {
        let mut set = RuleSet::default();
        let err = add(&mut set, "[[rule]]\ncode = \"FC999\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("r.toml:2:8: no rule FC999 is implemented"),
            "{err}"
        );
    }
}
