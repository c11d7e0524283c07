//! The vocabulary figcheck reads figures with, loaded from TOML data in
//! `rules/` (language lexicons, units, qualifiers). Nothing here is code the
//! user has to change: every word, unit and tolerance is data.

mod fold;

pub use fold::{fold, fold_char, fold_hash, fold_hash_byte, fold_into, FOLD_HASH_BASIS};

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result};
use crate::model::Kind;
use crate::model::Lang;

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
    /// Somewhere in this interval; the second value is what one of them
    /// counts after a number ("3 dozens" is 36, "deux centaines" 200).
    Between(Decimal, Decimal, Option<Decimal>),
}

impl Collective {
    /// What one collective counts after a number, if it may follow one.
    pub fn each(&self) -> Option<Decimal> {
        match self {
            Collective::About(v) => Some(*v),
            Collective::Between(_, _, e) => *e,
        }
    }
}

/// How a fraction link joins two numbers ("2 out of 3", "1 over 3").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FractionLink {
    /// Any numerator ("2000 over 3").
    Any,
    /// The numerator is at most the denominator ("2 sur 3"; "12 out of 10"
    /// is two numbers).
    Proper,
}

/// Everything the lexicon knows of one folded word.
#[derive(Debug, Clone, Default)]
pub struct WordInfo {
    pub cardinal: Option<Decimal>,
    pub ordinal: Option<Decimal>,
    pub collective: Option<Collective>,
    /// The denominator this word names ("tiers" 3, "quarters" 4, "fifths" 5).
    pub denominator: Option<Decimal>,
    /// The denominator word is plural ("fifths"): it follows any numerator.
    pub plural_denominator: bool,
    /// The denominator is a fraction word ("quarter", "tiers"), not an
    /// ordinal ("fifths").
    pub fraction_word: bool,
    pub article: bool,
    pub connector: bool,
    /// A decimal point in words ("point", "virgule").
    pub point: bool,
    /// A sign word ("minus", "moins").
    pub minus: bool,
    /// Means "one" before a unit of time ("all week", "toute la semaine").
    pub one_before_time: bool,
    /// A vague count before a unit of time ("quelques heures").
    pub vague: bool,
    /// A relative ordinal ("last", "prochain"): a position, no value.
    pub relative: bool,
}

impl WordInfo {
    /// True when the word may start a figure.
    pub fn starts_figure(&self) -> bool {
        self.cardinal.is_some()
            || self.ordinal.is_some()
            || self.collective.is_some()
            || self.denominator.is_some()
            || self.relative
    }
}

/// One language's words.
#[derive(Debug, Clone, Default)]
pub struct LangLexicon {
    pub words: HashMap<String, WordInfo>,
    /// [`fold_hash`] of every key of `words`: a word whose hash is not here
    /// is no lexicon word, found without folding it into a string.
    pub word_hashes: HashSet<u64>,
    /// Folded qualifier phrases and the index of their definition, longest first.
    pub qualifiers: Vec<(String, usize)>,
    pub scales: HashMap<String, Decimal>,
    /// Scale symbols matched with their case, glued to digits ("10M", "1.2b").
    pub scale_symbols: Vec<(String, Decimal)>,
    /// Scale symbols that may also stand after a space ("2,33 k").
    pub spaced_scale_symbols: Vec<String>,
    /// Links of a proportion written with two numbers ("2 sur 3").
    pub fraction_links: Vec<(String, FractionLink)>,
    /// Qualifier phrases written after the figure ("ou plus"), longest first.
    pub postfix_qualifiers: Vec<(String, usize)>,
    /// Determiners between a word of `one_before_time` and the unit
    /// ("toute la semaine").
    pub time_determiners: Vec<String>,
    /// Words before a figure in degrees that make it an angle.
    pub angle_cues: Vec<String>,
    /// Relative ordinals ("next to last", "avant-dernier"), longest first.
    pub relative_ordinals: Vec<String>,
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
    /// Every word of `not_numbers` ("un" of "l'un"): a number word that is
    /// none of them starts no such phrase.
    pub not_number_words: HashSet<String>,
    /// Words before a phrase of `not_numbers` that make it a length of
    /// time after all: "un jour" is "some day", "en un jour" is one day.
    pub duration_leads: Vec<String>,
    /// "the", "la": may stand before each end of a range of ordinals
    /// ("between the tenth and the fifteenth").
    pub definite_articles: Vec<String>,
    /// Folded phrases that make "N years" after them an age ("âgé de",
    /// "at the age of").
    pub age_leads: Vec<String>,
    /// Folded nouns of people that make "de N ans" an age ("un garçon de
    /// 3 ans", "a man of 45 years").
    pub age_nouns: HashSet<String>,
    /// Folded phrases before "N years" that make it a time ago, never an
    /// age ("il y a 30 ans").
    pub ago_leads: Vec<String>,
    /// Folded words after "N years" that make it a length of something
    /// ("3 ans de prison", "20 years of war").
    pub length_links: Vec<String>,
    /// The indefinite articles are also the numeral one ("un Français sur
    /// cinq"), as in French; not in English ("a candidate in a").
    pub articles_count: bool,
    /// Folded words before a four-digit number that make it a year ("en
    /// 2014", "since 1990").
    pub year_leads: Vec<String>,
    /// Of those, the ones that keep a year even before a currency word:
    /// "in 2020 dollars" is a year's money, "In 2021 Bitcoin" a year.
    pub year_unit_leads: Vec<String>,
    /// Folded words before a number that make it a number of something, an
    /// identifier ("n° 5", "No. 1", "article 49.3").
    pub code_leads: Vec<String>,
}

/// A unit: what it measures and how it is written.
#[derive(Debug, Clone)]
pub struct UnitDef {
    pub id: String,
    pub kind: Kind,
    pub dimension: Option<String>,
    pub factor: Option<Decimal>,
    pub prefix: bool,
    /// Folded words that name the unit's hundredth ("cents", "centimes").
    pub minor: Vec<String>,
    /// Folded forms that name the unit only as the smaller part of a
    /// compound measure: "in" in "12 ft 2 in".
    pub compound: Vec<String>,
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
    pub scale: Option<Decimal>,
    /// The form may stand without a number ("convert to fahrenheit").
    pub alone: bool,
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
    /// Indices into `unit_forms` of the symbols, by their first char as
    /// written, ascending: the longest forms first.
    pub unit_first: HashMap<char, Vec<usize>>,
    /// Indices into `unit_forms` of the words, by their folded leading
    /// letters ("dollars" for "dollars américains", "pour" for
    /// "pour-cent"), ascending: the longest forms first.
    pub unit_words: HashMap<String, Vec<usize>>,
    /// Indices of prefix symbols (`$`, `USD`) by their last char.
    pub prefix_last: HashMap<char, Vec<usize>>,
    /// [`fold_hash`] of every word the scan must stop at: the words of
    /// both languages and the units that stand alone. Any other word is
    /// skipped without being folded.
    pub scan_hashes: HashSet<u64>,
    /// Placeholder tokens left by machine translation ("XNUMX").
    pub debris: Vec<String>,
    /// Folded first words of unit forms that may stand without a number.
    pub alone_words: HashSet<String>,
    /// Folded words for the hundredth of a currency ("cents").
    pub minor_words: HashSet<String>,
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

    fn words_of_note(&self) -> HashSet<u64> {
        self.fr
            .word_hashes
            .iter()
            .chain(&self.en.word_hashes)
            .copied()
            .chain(self.alone_words.iter().map(|w| fold_hash(w)))
            .collect()
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
        self.scan_hashes = self.words_of_note();
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
                    self.alone_words.insert(first.to_string());
                }
            }
            self.minor_words.extend(u.minor.iter().map(|m| fold(m)));
        }
        self.unit_forms
            .sort_by(|a, b| b.form.len().cmp(&a.form.len()).then(a.form.cmp(&b.form)));
        self.unit_first.clear();
        self.unit_words.clear();
        self.prefix_last.clear();
        for (i, f) in self.unit_forms.iter().enumerate() {
            if f.symbol {
                if let Some(c) = f.form.chars().next() {
                    self.unit_first.entry(c).or_default().push(i);
                }
            } else {
                self.unit_words
                    .entry(leading_letters(&f.form).to_string())
                    .or_default()
                    .push(i);
            }
            if f.symbol && self.units[f.unit].prefix {
                if let Some(c) = f.form.chars().next_back() {
                    self.prefix_last.entry(c).or_default().push(i);
                }
            }
        }
        Ok(())
    }

    /// Folded phrases and the index of the qualifier each names; an unknown
    /// name is an error at its place in the file.
    fn qualifier_ids(
        &self,
        file: &str,
        text: &str,
        phrases: &BTreeMap<String, Spanned<String>>,
    ) -> Result<Vec<(String, usize)>> {
        phrases
            .iter()
            .map(|(phrase, name)| {
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
                Ok((fold(phrase), id))
            })
            .collect()
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
        let qualifier_ids = self.qualifier_ids(file, text, &raw.qualifiers)?;
        let postfix_ids = self.qualifier_ids(file, text, &raw.postfix_qualifiers)?;
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
        // A plural ordinal names a denominator ("fifths", "cinquièmes");
        // "seconds" and "firsts" only inside a compound ("twenty-firsts").
        for (w, v) in &raw.ordinals {
            let v = decimal(file, text, v)?;
            let e = lex.words.entry(fold(w) + "s").or_default();
            if e.denominator.is_none() {
                e.denominator = Some(v);
                e.plural_denominator = true;
            }
        }
        for (w, v) in &raw.fractions {
            let e = lex.words.entry(fold(w)).or_default();
            e.denominator = Some(decimal(file, text, v)?);
            e.fraction_word = true;
        }
        for w in &raw.plural_fractions {
            lex.words.entry(fold(w)).or_default().plural_denominator = true;
        }
        for w in &raw.decimal_points {
            lex.words.entry(fold(w)).or_default().point = true;
        }
        for w in &raw.minus {
            lex.words.entry(fold(w)).or_default().minus = true;
        }
        for w in &raw.one_before_time {
            lex.words.entry(fold(w)).or_default().one_before_time = true;
        }
        for w in &raw.vague {
            lex.words.entry(fold(w)).or_default().vague = true;
        }
        for w in &raw.relative_ordinals {
            let f = fold(w);
            if let Some(first) = f.split([' ', '-']).next() {
                lex.words.entry(first.to_string()).or_default().relative = true;
            }
            if !lex.relative_ordinals.contains(&f) {
                lex.relative_ordinals.push(f);
            }
        }
        lex.relative_ordinals
            .sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        for w in &raw.time_determiners {
            let f = fold(w);
            if !lex.time_determiners.contains(&f) {
                lex.time_determiners.push(f);
            }
        }
        lex.angle_cues
            .extend(raw.angle_cues.iter().map(|w| fold(w)));
        for (w, v) in &raw.scale_symbols {
            let m = decimal(file, text, v)?;
            lex.scale_symbols.retain(|(x, _)| x != w);
            lex.scale_symbols.push((w.clone(), m));
        }
        lex.scale_symbols
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        lex.spaced_scale_symbols
            .extend(raw.spaced_scale_symbols.iter().cloned());
        for (w, k) in &raw.fraction_links {
            let link = match k.get_ref().as_str() {
                "any" => FractionLink::Any,
                "proper" => FractionLink::Proper,
                other => {
                    return Err(Error::config(
                        file,
                        text,
                        k.span().start,
                        format!("unknown fraction link `{other}` (expected \"any\" or \"proper\")"),
                    ))
                }
            };
            let f = fold(w);
            lex.fraction_links.retain(|(x, _)| *x != f);
            lex.fraction_links.push((f, link));
        }
        lex.fraction_links
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        for (w, c) in &raw.collectives {
            let col = match (&c.value, &c.low, &c.high) {
                (Some(v), None, None) => Collective::About(decimal(file, text, v)?),
                (None, Some(l), Some(h)) => Collective::Between(
                    decimal(file, text, l)?,
                    decimal(file, text, h)?,
                    match &c.each {
                        Some(e) => Some(decimal(file, text, e)?),
                        None => None,
                    },
                ),
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
        for (p, id) in postfix_ids {
            lex.postfix_qualifiers.retain(|(x, _)| *x != p);
            lex.postfix_qualifiers.push((p, id));
        }
        lex.postfix_qualifiers
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
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
        lex.not_number_words = lex
            .not_numbers
            .iter()
            .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        lex.duration_leads
            .extend(raw.duration_leads.iter().map(|s| fold(s)));
        lex.definite_articles
            .extend(raw.definite_articles.iter().map(|s| fold(s)));
        lex.age_leads.extend(raw.age_leads.iter().map(|s| fold(s)));
        lex.age_nouns.extend(raw.age_nouns.iter().map(|s| fold(s)));
        lex.ago_leads.extend(raw.ago_leads.iter().map(|s| fold(s)));
        lex.length_links
            .extend(raw.length_links.iter().map(|s| fold(s)));
        lex.articles_count |= raw.articles_count;
        lex.year_leads
            .extend(raw.year_leads.iter().map(|s| fold(s)));
        lex.year_unit_leads
            .extend(raw.year_unit_leads.iter().map(|s| fold(s)));
        lex.code_leads
            .extend(raw.code_leads.iter().map(|s| fold(s)));
        lex.word_hashes = lex.words.keys().map(|k| fold_hash(k)).collect();
        Ok(())
    }
}

/// The letters that start `s`, up to its first other char: the key of a
/// unit word in [`Lexicon::unit_words`].
pub fn leading_letters(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
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
    plural_fractions: Vec<String>,
    #[serde(default)]
    decimal_points: Vec<String>,
    #[serde(default)]
    minus: Vec<String>,
    #[serde(default)]
    one_before_time: Vec<String>,
    #[serde(default)]
    time_determiners: Vec<String>,
    #[serde(default)]
    vague: Vec<String>,
    #[serde(default)]
    relative_ordinals: Vec<String>,
    #[serde(default)]
    angle_cues: Vec<String>,
    #[serde(default)]
    scale_symbols: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    spaced_scale_symbols: Vec<String>,
    #[serde(default)]
    fraction_links: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    qualifiers: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    postfix_qualifiers: BTreeMap<String, Spanned<String>>,
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
    #[serde(default)]
    duration_leads: Vec<String>,
    #[serde(default)]
    definite_articles: Vec<String>,
    #[serde(default)]
    age_leads: Vec<String>,
    #[serde(default)]
    age_nouns: Vec<String>,
    #[serde(default)]
    ago_leads: Vec<String>,
    #[serde(default)]
    length_links: Vec<String>,
    #[serde(default)]
    articles_count: bool,
    #[serde(default)]
    year_leads: Vec<String>,
    #[serde(default)]
    year_unit_leads: Vec<String>,
    #[serde(default)]
    code_leads: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CollectiveDef {
    value: Option<Spanned<String>>,
    low: Option<Spanned<String>>,
    high: Option<Spanned<String>>,
    each: Option<Spanned<String>>,
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
