//! Units (`rules/units.toml`): what each measures and every way of
//! writing it, indexed for the scan.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use super::{decimal, fold, Lexicon};
use crate::error::{Error, Result};
use crate::model::Kind;

/// A unit: what it measures and how it is written.
#[derive(Debug, Clone)]
pub struct UnitDef {
    pub id: String,
    pub(crate) kind: Kind,
    pub dimension: Option<String>,
    pub factor: Option<Decimal>,
    pub(crate) prefix: bool,
    /// Folded words that name the unit's hundredth ("cents", "centimes").
    pub(crate) minor: Vec<String>,
    /// Folded forms that name the unit only as the smaller part of a
    /// compound measure: "in" in "12 ft 2 in".
    pub(crate) compound: Vec<String>,
    /// Quantities of the unit's dimension add up: a part is never more
    /// than its whole (an area, a mass; not a speed or a length, which
    /// also give the size of each item).
    pub(crate) additive: bool,
}

/// One way of writing a unit.
#[derive(Debug, Clone)]
pub struct UnitForm {
    /// The form as written in the lexicon; symbols are matched exactly,
    /// words folded.
    pub form: String,
    pub symbol: bool,
    pub unit: usize,
    /// A multiplier the form carries ("M€" is a million euros).
    pub(crate) scale: Option<Decimal>,
    /// The form may stand without a number ("convert to fahrenheit").
    pub(crate) alone: bool,
}

impl Lexicon {
    pub(super) fn add_units(&mut self, file: &str, text: &str, raw: UnitsFile) -> Result<()> {
        let additive = raw.additive;
        for u in raw.unit {
            let kind = match u.kind.get_ref().as_str() {
                "percent" => Kind::Percent,
                "money" => Kind::Money,
                "measure" => Kind::Measure,
                "temperature" => Kind::Temperature,
                "duration" => Kind::Duration,
                "age" => Kind::Age,
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
            let minor: Vec<String> = u.minor.iter().map(|m| fold(m)).collect();
            let compound: Vec<String> = u.compound.iter().map(|m| fold(m)).collect();
            let idx = match self.units.iter().position(|x| x.id == u.id) {
                Some(i) => {
                    let d = &mut self.units[i];
                    d.minor.extend(minor);
                    d.compound.extend(compound);
                    i
                }
                None => {
                    self.units.push(UnitDef {
                        id: u.id.clone(),
                        kind,
                        dimension: u.dimension.clone(),
                        factor,
                        prefix: u.prefix,
                        minor,
                        compound,
                        additive: u.dimension.as_ref().is_some_and(|d| additive.contains(d)),
                    });
                    self.units.len() - 1
                }
            };
            let form = |form: String, symbol: bool, scale: Option<Decimal>| UnitForm {
                alone: !symbol && u.alone.iter().any(|a| fold(a) == form),
                form,
                symbol,
                unit: idx,
                scale,
            };
            for s in u.symbols {
                self.unit_forms.push(form(s, true, None));
            }
            for (s, v) in &u.scaled {
                let m = decimal(file, text, v)?;
                self.unit_forms.push(form(s.clone(), true, Some(m)));
            }
            for w in u.words {
                self.unit_forms.push(form(fold(&w), false, None));
            }
            for a in &u.alone {
                let f = fold(a);
                if let Some(first) = f.split(' ').next() {
                    self.alone_hashes.insert(super::fold_hash(first));
                    self.alone_words.insert(first.to_string());
                }
            }
            self.minor_words.extend(u.minor.iter().map(|m| fold(m)));
        }
        self.unit_forms
            .sort_by(|a, b| b.form.len().cmp(&a.form.len()).then(a.form.cmp(&b.form)));
        self.unit_first.clear();
        let mut symbols: BTreeMap<char, Vec<usize>> = BTreeMap::new();
        self.unit_words.clear();
        self.unit_word_hashes.clear();
        self.prefix_last.clear();
        for (i, f) in self.unit_forms.iter().enumerate() {
            if f.symbol {
                if let Some(c) = f.form.chars().next() {
                    symbols.entry(c).or_default().push(i);
                }
            } else {
                let key = leading_letters(&f.form);
                self.unit_word_hashes.insert(
                    key.bytes()
                        .fold(super::FOLD_HASH_BASIS, super::fold_hash_byte),
                );
                self.unit_words.entry(key.to_string()).or_default().push(i);
            }
            if f.symbol && self.units[f.unit].prefix {
                if let Some(c) = f.form.chars().next_back() {
                    self.prefix_last.entry(c).or_default().push(i);
                }
            }
        }
        // By their second byte too: a symbol of one byte, or whose second
        // byte is the text's, may match it (`unit_at`).
        for (c, forms) in symbols {
            let second = |&i: &usize| self.unit_forms[i].form.as_bytes().get(1).copied();
            let one_byte: Vec<usize> = forms
                .iter()
                .copied()
                .filter(|i| second(i).is_none())
                .collect();
            for b in forms.iter().filter_map(second) {
                let with_b = forms
                    .iter()
                    .copied()
                    .filter(|i| second(i).is_none_or(|x| x == b))
                    .collect();
                self.unit_first.insert((c, u16::from(b)), with_b);
            }
            self.unit_first.insert((c, super::UNIT_ONE_BYTE), one_byte);
        }
        Ok(())
    }
}

/// The letters that start `s`, up to its first other char: the key of a
/// unit word in `Lexicon::unit_words`.
pub fn leading_letters(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UnitsFile {
    unit: Vec<UnitRaw>,
    /// The dimensions whose quantities add up.
    #[serde(default)]
    additive: Vec<String>,
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
    /// Symbols that carry a multiplier: `{ "M€" = "1000000" }`.
    #[serde(default)]
    scaled: BTreeMap<String, Spanned<String>>,
    /// Words of `words` that name the unit without a number.
    #[serde(default)]
    alone: Vec<String>,
    /// Words for the hundredth of a currency ("cents").
    #[serde(default)]
    minor: Vec<String>,
    /// Forms that name the unit only after a larger one ("12 ft 2 in").
    #[serde(default)]
    compound: Vec<String>,
}
