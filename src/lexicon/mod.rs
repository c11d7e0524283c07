//! The vocabulary figcheck reads figures with, loaded from TOML data in
//! `rules/` (language lexicons, units, qualifiers). Nothing here is code the
//! user has to change: every word, unit and tolerance is data.

mod fold;

pub use fold::{fold, fold_char, fold_into};

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result};
use crate::extract::Kind;
use crate::input::Lang;

/// What a qualifier does to the stated value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QualifierShape {
    /// `[v * low, v * high]`.
    Approx { low: Decimal, high: Decimal },
    /// `v` is a lower bound (`more than`, `at least`).
    Lower { strict: bool },
    /// `v` is an upper bound (`less than`, `up to`).
    Upper { strict: bool },
}

#[derive(Debug, Clone)]
pub struct QualifierDef {
    pub name: String,
    pub shape: QualifierShape,
}

/// An approximate collective ("une centaine", "des milliers").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Collective {
    /// About this many.
    About(Decimal),
    /// Somewhere in this interval.
    Between(Decimal, Decimal),
}

/// Everything the lexicon knows of one folded word.
#[derive(Debug, Clone, Default)]
pub struct WordInfo {
    pub cardinal: Option<Decimal>,
    pub ordinal: Option<Decimal>,
    pub collective: Option<Collective>,
    pub fraction: Option<Decimal>,
    pub article: bool,
    pub connector: bool,
}

impl WordInfo {
    /// True when the word may start a figure.
    pub fn starts_figure(&self) -> bool {
        self.cardinal.is_some()
            || self.ordinal.is_some()
            || self.collective.is_some()
            || self.fraction.is_some()
    }
}

/// One language's words.
#[derive(Debug, Clone, Default)]
pub struct LangLexicon {
    pub words: HashMap<String, WordInfo>,
    /// Folded qualifier phrases and the index of their definition, longest first.
    pub qualifiers: Vec<(String, usize)>,
    pub scales: HashMap<String, Decimal>,
    pub ordinal_suffixes: Vec<String>,
    /// Folded phrases that may precede a plural collective, longest first.
    pub collective_modifiers: Vec<String>,
    /// `entre ... et`, `between ... and`.
    pub range_openers: Vec<(String, String)>,
    pub range_joiners: Vec<String>,
    pub months: HashMap<String, u32>,
    pub weekdays: HashMap<String, u32>,
    pub noun_links: HashSet<String>,
    pub noun_stop: HashSet<String>,
    pub noun_skip: HashSet<String>,
    /// Phrases that look like figures but are not ("premier ministre").
    pub not_numbers: Vec<String>,
}

/// A unit: what it measures and how it is written.
#[derive(Debug, Clone)]
pub struct UnitDef {
    pub id: String,
    pub kind: Kind,
    pub dimension: Option<String>,
    pub factor: Option<Decimal>,
    pub prefix: bool,
}

/// One way of writing a unit.
#[derive(Debug, Clone)]
pub struct UnitForm {
    /// The form as written in the lexicon; symbols are matched exactly,
    /// words folded.
    pub form: String,
    pub symbol: bool,
    pub unit: usize,
}

/// The whole vocabulary: both languages, units and qualifiers.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub fr: LangLexicon,
    pub en: LangLexicon,
    pub qualifiers: Vec<QualifierDef>,
    pub units: Vec<UnitDef>,
    /// Every unit form, longest first.
    pub unit_forms: Vec<UnitForm>,
    /// Placeholder tokens left by machine translation ("XNUMX").
    pub debris: Vec<String>,
}

impl Lexicon {
    /// The lexicon of `lang`; French for an unknown language (the seed
    /// corpus's language), with English consulted as a fallback by callers.
    pub fn lang(&self, lang: Lang) -> &LangLexicon {
        match lang {
            Lang::En => &self.en,
            _ => &self.fr,
        }
    }

    pub fn qualifier(&self, idx: usize) -> &QualifierDef {
        &self.qualifiers[idx]
    }

    pub fn qualifier_by_name(&self, name: &str) -> Option<usize> {
        self.qualifiers.iter().position(|q| q.name == name)
    }

    fn lang_mut(&mut self, lang: Lang) -> &mut LangLexicon {
        match lang {
            Lang::En => &mut self.en,
            _ => &mut self.fr,
        }
    }

    /// Adds the contents of one TOML lexicon file. Which kind of file it is
    /// follows from its top-level keys: `lang` (a language lexicon), `unit`
    /// (units) or `qualifier` (qualifier intervals). Returns false when the
    /// file is none of these.
    pub fn add_file(&mut self, file: &str, text: &str, table: &toml::Table) -> Result<bool> {
        if table.contains_key("lang") {
            let raw: LangFile =
                toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
            self.add_lang(file, text, raw)?;
        } else if table.contains_key("unit") {
            let raw: UnitsFile =
                toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
            self.add_units(file, text, raw)?;
        } else if table.contains_key("debris") {
            let raw: DebrisFile =
                toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
            for d in raw.debris {
                if !self.debris.contains(&d) {
                    self.debris.push(d);
                }
            }
        } else if table.contains_key("qualifier") {
            let raw: QualifiersFile =
                toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
            self.add_qualifiers(file, text, raw)?;
        } else {
            return Ok(false);
        }
        Ok(true)
    }

    fn add_qualifiers(&mut self, file: &str, text: &str, raw: QualifiersFile) -> Result<()> {
        for (name, q) in raw.qualifier {
            let shape = match (q.bound, q.low, q.high) {
                (Some(b), None, None) => {
                    let strict = q.strict.unwrap_or(false);
                    match b.get_ref().as_str() {
                        "lower" => QualifierShape::Lower { strict },
                        "upper" => QualifierShape::Upper { strict },
                        _ => {
                            return Err(Error::config(
                                file,
                                text,
                                b.span().start,
                                "bound must be \"lower\" or \"upper\"",
                            ))
                        }
                    }
                }
                (None, Some(low), Some(high)) => QualifierShape::Approx {
                    low: decimal(file, text, &low)?,
                    high: decimal(file, text, &high)?,
                },
                _ => {
                    // The qualifier's table, as far as its header can be found.
                    let at = text.find(&format!("qualifier.{name}")).map_or(0, |p| {
                        text[..p]
                            .rfind(['\n', '['])
                            .map_or(0, |b| b + usize::from(&text[b..=b] == "\n"))
                    });
                    return Err(Error::config(
                        file,
                        text,
                        at,
                        format!("qualifier `{name}` needs either `bound` or both `low` and `high`"),
                    ));
                }
            };
            match self.qualifier_by_name(&name) {
                Some(i) => self.qualifiers[i].shape = shape,
                None => self.qualifiers.push(QualifierDef { name, shape }),
            }
        }
        Ok(())
    }

    fn add_units(&mut self, file: &str, text: &str, raw: UnitsFile) -> Result<()> {
        for u in raw.unit {
            let kind = match u.kind.get_ref().as_str() {
                "percent" => Kind::Percent,
                "money" => Kind::Money,
                "measure" => Kind::Measure,
                "temperature" => Kind::Temperature,
                "duration" => Kind::Duration,
                other => {
                    return Err(Error::config(
                        file,
                        text,
                        u.kind.span().start,
                        format!("unknown unit kind `{other}` (expected percent, money, measure, temperature or duration)"),
                    ))
                }
            };
            let factor = match &u.factor {
                Some(f) => Some(decimal(file, text, f)?),
                None => None,
            };
            let idx = match self.units.iter().position(|x| x.id == u.id) {
                Some(i) => i,
                None => {
                    self.units.push(UnitDef {
                        id: u.id.clone(),
                        kind,
                        dimension: u.dimension.clone(),
                        factor,
                        prefix: u.prefix,
                    });
                    self.units.len() - 1
                }
            };
            for s in u.symbols {
                self.unit_forms.push(UnitForm {
                    form: s,
                    symbol: true,
                    unit: idx,
                });
            }
            for w in u.words {
                self.unit_forms.push(UnitForm {
                    form: fold(&w),
                    symbol: false,
                    unit: idx,
                });
            }
        }
        self.unit_forms
            .sort_by(|a, b| b.form.len().cmp(&a.form.len()).then(a.form.cmp(&b.form)));
        Ok(())
    }

    fn add_lang(&mut self, file: &str, text: &str, raw: LangFile) -> Result<()> {
        let lang = match raw.lang.get_ref().as_str() {
            "fr" => Lang::Fr,
            "en" => Lang::En,
            other => {
                return Err(Error::config(
                    file,
                    text,
                    raw.lang.span().start,
                    format!("unknown language `{other}` (expected \"fr\" or \"en\")"),
                ))
            }
        };
        // Qualifier names must exist before the phrases refer to them.
        let mut qualifier_ids = Vec::new();
        for (phrase, name) in &raw.qualifiers {
            let id = self.qualifier_by_name(name.get_ref()).ok_or_else(|| {
                Error::config(
                    file,
                    text,
                    name.span().start,
                    format!(
                        "unknown qualifier `{}` (define it in qualifiers.toml)",
                        name.get_ref()
                    ),
                )
            })?;
            qualifier_ids.push((fold(phrase), id));
        }
        let lex = self.lang_mut(lang);
        for (w, v) in &raw.cardinals {
            lex.words.entry(fold(w)).or_default().cardinal = Some(decimal(file, text, v)?);
        }
        for w in &raw.articles {
            lex.words.entry(fold(w)).or_default().article = true;
        }
        for w in &raw.connectors {
            lex.words.entry(fold(w)).or_default().connector = true;
        }
        for (w, v) in &raw.ordinals {
            lex.words.entry(fold(w)).or_default().ordinal = Some(decimal(file, text, v)?);
        }
        for (w, v) in &raw.fractions {
            lex.words.entry(fold(w)).or_default().fraction = Some(decimal(file, text, v)?);
        }
        for (w, c) in &raw.collectives {
            let col = match (&c.value, &c.low, &c.high) {
                (Some(v), None, None) => Collective::About(decimal(file, text, v)?),
                (None, Some(l), Some(h)) => {
                    Collective::Between(decimal(file, text, l)?, decimal(file, text, h)?)
                }
                _ => {
                    return Err(Error::config(
                        file,
                        text,
                        0,
                        format!("collective `{w}` needs either `value` or both `low` and `high`"),
                    ))
                }
            };
            lex.words.entry(fold(w)).or_default().collective = Some(col);
        }
        for w in &raw.collective_modifiers {
            let f = fold(w);
            if !lex.collective_modifiers.contains(&f) {
                lex.collective_modifiers.push(f);
            }
        }
        lex.collective_modifiers
            .sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        for (w, v) in &raw.scales {
            lex.scales.insert(fold(w), decimal(file, text, v)?);
        }
        for s in &raw.ordinal_suffixes {
            let f = fold(s);
            if !lex.ordinal_suffixes.contains(&f) {
                lex.ordinal_suffixes.push(f);
            }
        }
        lex.ordinal_suffixes
            .sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        for (p, id) in qualifier_ids {
            lex.qualifiers.retain(|(x, _)| *x != p);
            lex.qualifiers.push((p, id));
        }
        lex.qualifiers
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        if let Some(r) = raw.ranges {
            for (o, j) in r.openers {
                lex.range_openers.push((fold(&o), fold(&j)));
            }
            for j in r.joiners {
                lex.range_joiners.push(fold(&j));
            }
        }
        for (m, n) in raw.months {
            lex.months.insert(fold(&m), n);
        }
        for (d, n) in raw.weekdays {
            lex.weekdays.insert(fold(&d), n);
        }
        if let Some(n) = raw.nouns {
            lex.noun_links.extend(n.links.iter().map(|s| fold(s)));
            lex.noun_stop.extend(n.stop.iter().map(|s| fold(s)));
            lex.noun_skip.extend(n.skip.iter().map(|s| fold(s)));
        }
        lex.not_numbers
            .extend(raw.not_numbers.iter().map(|s| fold(s)));
        Ok(())
    }
}

/// Parses a decimal written as a TOML string, with its location on error.
pub(crate) fn decimal(file: &str, text: &str, v: &Spanned<String>) -> Result<Decimal> {
    Decimal::from_str(v.get_ref().trim()).map_err(|e| {
        Error::config(
            file,
            text,
            v.span().start,
            format!(
                "`{}` is not a decimal number ({e}); write decimals as strings such as \"2.5\"",
                v.get_ref()
            ),
        )
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LangFile {
    lang: Spanned<String>,
    #[serde(default)]
    cardinals: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    articles: Vec<String>,
    #[serde(default)]
    connectors: Vec<String>,
    #[serde(default)]
    scales: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    ordinals: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    ordinal_suffixes: Vec<String>,
    #[serde(default)]
    collectives: BTreeMap<String, CollectiveDef>,
    #[serde(default)]
    collective_modifiers: Vec<String>,
    #[serde(default)]
    fractions: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    qualifiers: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    ranges: Option<RangesDef>,
    #[serde(default)]
    months: BTreeMap<String, u32>,
    #[serde(default)]
    weekdays: BTreeMap<String, u32>,
    #[serde(default)]
    nouns: Option<NounsDef>,
    #[serde(default)]
    not_numbers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CollectiveDef {
    value: Option<Spanned<String>>,
    low: Option<Spanned<String>>,
    high: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RangesDef {
    #[serde(default)]
    openers: BTreeMap<String, String>,
    #[serde(default)]
    joiners: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NounsDef {
    #[serde(default)]
    links: Vec<String>,
    #[serde(default)]
    stop: Vec<String>,
    #[serde(default)]
    skip: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    unit: Vec<UnitRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitRaw {
    id: String,
    kind: Spanned<String>,
    #[serde(default)]
    dimension: Option<String>,
    #[serde(default)]
    factor: Option<Spanned<String>>,
    #[serde(default)]
    symbols: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    prefix: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DebrisFile {
    debris: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QualifiersFile {
    qualifier: BTreeMap<String, QualifierRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QualifierRaw {
    low: Option<Spanned<String>>,
    high: Option<Spanned<String>>,
    bound: Option<Spanned<String>>,
    strict: Option<bool>,
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            "auto" | "" => Ok(Lang::Unknown),
            o => Err(format!("unknown language `{o}`")),
        }
    }
}
