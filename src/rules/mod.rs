//! Stage 4: rules. Rule definitions are data (`rules/checks/*.toml`): a
//! code, a name, a severity, parameters and examples. Each names the check
//! that implements it, one file per check in this module. The engine runs
//! the enabled rules over a [`Corpus`] and returns findings in a
//! deterministic order.

mod adjacent;
mod arithmetic;
mod calendar;
mod conflict;
mod convention;
mod deadline;
mod future;
mod grouping;
mod inconsistency;
mod letters;
mod part_whole;
mod percent;
mod placeholder;
mod scale;
mod share;
mod story;
pub mod suppress;
mod weekday;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::claims::Corpus;
use crate::config::Config;
use crate::error::{Error, Result};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            o => Err(format!(
                "unknown severity `{o}` (expected error, warning or info)"
            )),
        }
    }
}

/// An example a rule carries: text that must or must not trigger it.
/// `other` is a second document, for rules that compare sources.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    #[serde(default)]
    pub other: Option<String>,
    #[serde(default)]
    pub lang: Option<String>,
    /// The publication date of the example (`YYYY-MM-DD`), for the rules
    /// that compare a date with it.
    #[serde(default)]
    pub date: Option<String>,
    pub fires: bool,
}

/// A rule as defined in TOML.
#[derive(Debug, Clone)]
pub struct RuleDef {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub enabled: bool,
    /// The check that implements the rule.
    pub check: String,
    pub summary: String,
    pub description: String,
    pub why: String,
    pub help: String,
    pub params: toml::Table,
    pub examples: Vec<Example>,
    /// The file that defined the rule last.
    pub file: String,
}

impl RuleDef {
    /// A decimal parameter, or `default`.
    pub fn decimal(&self, key: &str, default: Decimal) -> Decimal {
        self.params
            .get(key)
            .and_then(|v| v.as_str())
            .and_then(|s| s.parse().ok())
            .unwrap_or(default)
    }

    /// A boolean parameter, or `default`.
    pub fn flag(&self, key: &str, default: bool) -> bool {
        self.params
            .get(key)
            .and_then(|v| v.as_bool())
            .unwrap_or(default)
    }

    /// A list-of-strings parameter.
    pub fn strings(&self, key: &str) -> Vec<String> {
        self.params
            .get(key)
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }
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
    name: Option<String>,
    severity: Option<Spanned<String>>,
    enabled: Option<bool>,
    check: Option<Spanned<String>>,
    summary: Option<String>,
    description: Option<String>,
    why: Option<String>,
    help: Option<String>,
    #[serde(default)]
    params: Option<toml::Table>,
    #[serde(default)]
    examples: Vec<Example>,
}

/// All rules, in code order.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: BTreeMap<String, RuleDef>,
}

/// The checks figcheck implements, by name.
pub const CHECKS: &[&str] = &[
    "placeholder",
    "adjacent-numbers",
    "grouping",
    "convention",
    "letters",
    "percent-range",
    "conflict",
    "corroboration",
    "scale-slip",
    "inconsistency",
    "arithmetic",
    "part-whole",
    "percent-sum",
    "percent-mismatch",
    "weekday",
    "deadline",
    "future-date",
    "unused-suppression",
    "invalid-suppression",
];

impl RuleSet {
    pub fn get(&self, code: &str) -> Option<&RuleDef> {
        self.rules.get(code)
    }

    pub fn iter(&self) -> impl Iterator<Item = &RuleDef> {
        self.rules.values()
    }

    /// Adds a rule file (`[[rule]]` tables). A rule whose code exists
    /// already is overridden field by field; a code defined twice in one
    /// file is an error. Returns false when the file has no rules.
    pub fn add_file(&mut self, file: &str, text: &str, table: &toml::Table) -> Result<bool> {
        if !table.contains_key("rule") {
            return Ok(false);
        }
        let raw: RuleFile = toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
        let mut seen = Vec::new();
        for r in raw.rule {
            let code = r.code.get_ref().clone();
            if seen.contains(&code) {
                return Err(Error::config(
                    file,
                    text,
                    r.code.span().start,
                    format!("rule {code} is defined twice in this file"),
                ));
            }
            seen.push(code.clone());
            let severity = match &r.severity {
                Some(s) => Some(
                    s.get_ref()
                        .parse::<Severity>()
                        .map_err(|m| Error::config(file, text, s.span().start, m))?,
                ),
                None => None,
            };
            if let Some(c) = &r.check {
                if !CHECKS.contains(&c.get_ref().as_str()) {
                    return Err(Error::config(
                        file,
                        text,
                        c.span().start,
                        format!(
                            "unknown check `{}` (known: {})",
                            c.get_ref(),
                            CHECKS.join(", ")
                        ),
                    ));
                }
            }
            match self.rules.get_mut(&code) {
                Some(d) => {
                    if let Some(v) = r.name {
                        d.name = v;
                    }
                    if let Some(v) = severity {
                        d.severity = v;
                    }
                    if let Some(v) = r.enabled {
                        d.enabled = v;
                    }
                    if let Some(v) = r.check {
                        d.check = v.into_inner();
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
                    if let Some(p) = r.params {
                        d.params.extend(p);
                    }
                    if !r.examples.is_empty() {
                        d.examples = r.examples;
                    }
                    d.file = file.to_string();
                }
                None => {
                    let missing = |what: &str| {
                        Error::config(
                            file,
                            text,
                            r.code.span().start,
                            format!("new rule {code} needs `{what}`"),
                        )
                    };
                    let def = RuleDef {
                        name: r.name.ok_or_else(|| missing("name"))?,
                        severity: severity.ok_or_else(|| missing("severity"))?,
                        enabled: r.enabled.unwrap_or(true),
                        check: r.check.ok_or_else(|| missing("check"))?.into_inner(),
                        summary: r.summary.ok_or_else(|| missing("summary"))?,
                        description: r.description.unwrap_or_default(),
                        why: r.why.unwrap_or_default(),
                        help: r.help.unwrap_or_default(),
                        params: r.params.unwrap_or_default(),
                        examples: r.examples,
                        file: file.to_string(),
                        code: code.clone(),
                    };
                    self.rules.insert(code, def);
                }
            }
        }
        Ok(true)
    }

    /// Checks the set as a whole once every file is loaded.
    pub fn validate(&self) -> Result<()> {
        Ok(())
    }
}

/// A claim a finding rests on: index into [`Corpus::claims`].
pub type ClaimRef = usize;

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: String,
    pub name: String,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    /// The claims the finding rests on, the primary one first (empty for
    /// findings about text that holds no figure, such as a lone "XNUMX").
    pub claims: Vec<ClaimRef>,
    /// The document and exact byte span the finding is about.
    pub doc: u32,
    pub span: (usize, usize),
}

impl Finding {
    /// A finding located at its primary claim.
    fn at_claim(corpus: &Corpus, rule: &RuleDef, message: String, claims: Vec<ClaimRef>) -> Self {
        let c = &corpus.claims[claims[0]];
        Finding::at_span(rule, c.doc, (c.fig.start, c.fig.end), message, claims)
    }

    /// A finding located at a byte span of a document.
    fn at_span(
        rule: &RuleDef,
        doc: u32,
        span: (usize, usize),
        message: String,
        claims: Vec<ClaimRef>,
    ) -> Self {
        Finding {
            code: rule.code.clone(),
            name: rule.name.clone(),
            severity: rule.severity,
            message,
            help: rule.help.clone(),
            claims,
            doc,
            span,
        }
    }

    /// The primary location: document index and byte span.
    pub fn location(&self) -> (u32, usize, usize) {
        (self.doc, self.span.0, self.span.1)
    }
}

/// Which rules run: ruff-style selection by code or prefix.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Codes or prefixes to run; empty means every enabled rule.
    pub select: Vec<String>,
    /// Codes or prefixes not to run.
    pub ignore: Vec<String>,
}

impl Selection {
    pub fn includes(&self, rule: &RuleDef) -> bool {
        let matches = |p: &String| rule.code.starts_with(p.as_str()) || *p == "ALL";
        let selected = if self.select.is_empty() {
            rule.enabled
        } else {
            self.select.iter().any(matches)
        };
        selected && !self.ignore.iter().any(matches)
    }
}

/// The checks that read how a figure is written, by its language's conventions.
const BY_CONVENTION: &[&str] = &[
    "adjacent-numbers",
    "grouping",
    "convention",
    "letters",
    "percent-range",
];

/// Runs the selected rules over the corpus. Findings come sorted by
/// document, position, then code.
///
/// Findings that an inline suppression in the text covers are dropped
/// (see [`suppress`]); the `unused-suppression` check then reports the
/// suppressions that covered nothing.
pub fn run(corpus: &Corpus, cfg: &Config, sel: &Selection) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut ran: Vec<&str> = Vec::new();
    let mut stories = story::Stories::default();
    for rule in cfg.rules.iter().filter(|r| sel.includes(r)) {
        ran.push(rule.code.as_str());
        let needs_story = matches!(
            rule.check.as_str(),
            "conflict" | "corroboration" | "scale-slip"
        );
        if needs_story && !stories.is_built() {
            stories = story::Stories::build(corpus);
        }
        match rule.check.as_str() {
            "placeholder" => placeholder::check(corpus, cfg, rule, &mut out),
            "adjacent-numbers" => adjacent::check(corpus, cfg, rule, &mut out),
            "grouping" => grouping::check(corpus, cfg, rule, &mut out),
            "convention" => convention::check(corpus, cfg, rule, &mut out),
            "letters" => letters::check(corpus, cfg, rule, &mut out),
            "percent-range" => percent::check(corpus, cfg, rule, &mut out),
            "conflict" => conflict::check(corpus, cfg, rule, &stories, &mut out, false),
            "corroboration" => conflict::check(corpus, cfg, rule, &stories, &mut out, true),
            "scale-slip" => scale::check(corpus, cfg, rule, &stories, &mut out),
            "inconsistency" => inconsistency::check(corpus, cfg, rule, &mut out),
            "arithmetic" => arithmetic::check(corpus, cfg, rule, &mut out),
            "part-whole" => part_whole::check(corpus, cfg, rule, &mut out),
            "percent-sum" => share::percent_sum(corpus, cfg, rule, &mut out),
            "percent-mismatch" => share::percent_mismatch(corpus, cfg, rule, &mut out),
            "weekday" => weekday::check(corpus, cfg, rule, &mut out),
            "deadline" => deadline::check(corpus, cfg, rule, &mut out),
            "future-date" => future::check(corpus, cfg, rule, &mut out),
            _ => {}
        }
    }
    // A document in a language without data gets no finding on how its figures are written.
    out.retain(|f| {
        !corpus.docs[f.doc as usize].lang.is_other()
            || !cfg
                .rules
                .get(&f.code)
                .is_some_and(|r| BY_CONVENTION.contains(&r.check.as_str()))
    });
    let unused_rules: Vec<&RuleDef> = cfg
        .rules
        .iter()
        .filter(|r| sel.includes(r) && r.check.ends_with("-suppression"))
        .collect();
    let mut out = suppress::apply(corpus, cfg, out, &ran, &unused_rules);
    sort_findings(&mut out);
    out
}

/// The deterministic order of findings: document, position, code, claims.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.location(), &a.code, &a.claims).cmp(&(b.location(), &b.code, &b.claims))
    });
}

/// The outcome of one inline example of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleResult {
    pub code: String,
    pub index: usize,
    pub text: String,
    pub expected: bool,
    pub fired: bool,
}

impl ExampleResult {
    pub fn passed(&self) -> bool {
        self.expected == self.fired
    }
}

/// Runs every inline example of the rules whose code starts with `prefix`
/// (all rules for an empty prefix): each example's text (and `other`, as a
/// second source) is checked with that rule alone.
pub fn test_examples(cfg: &Config, prefix: &str) -> Vec<ExampleResult> {
    use crate::input::Document;
    use crate::model::Lang;
    let mut out = Vec::new();
    for rule in cfg.rules.iter().filter(|r| r.code.starts_with(prefix)) {
        for (i, ex) in rule.examples.iter().enumerate() {
            let lang = ex.lang.as_deref().and_then(|l| l.parse::<Lang>().ok());
            let mut docs = vec![Document::new("example", ex.text.clone(), lang)];
            if let Some(o) = &ex.other {
                docs.push(Document::new("other", o.clone(), lang));
            }
            for d in &mut docs {
                d.source.date = ex.date.clone();
            }
            // A suppression rule is about the other rules' findings: its
            // examples run with every enabled rule.
            let select = if rule.check.ends_with("-suppression") {
                Vec::new()
            } else {
                vec![rule.code.clone()]
            };
            let sel = Selection {
                select,
                ignore: Vec::new(),
            };
            let (_, findings) = crate::analyze(docs, cfg, &sel);
            out.push(ExampleResult {
                code: rule.code.clone(),
                index: i,
                text: ex.text.clone(),
                expected: ex.fires,
                fired: findings.iter().any(|f| f.code == rule.code),
            });
        }
    }
    out
}
