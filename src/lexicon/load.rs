//! Loading a language's files (`rules/lang/CODE/*.toml`, each with
//! `lang = "CODE"`) into its [`LangLexicon`]. A language's data may be split
//! over several files; each adds to what the others gave.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::detect::CuesDef;
use super::language::{Collective, Conventions, FractionLink, NotNumberPhrase};
use super::{decimal, fold, fold_hash, Lexicon};
use crate::error::{Error, Result};
use crate::model::{Code, Lang};

impl Lexicon {
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

    /// The code of a language file, which must be one figcheck has a
    /// folder for.
    fn lang_code(file: &str, text: &str, lang: &Spanned<String>) -> Result<Code> {
        match Code::new(lang.get_ref()) {
            Some(c) if c.has_data() => Ok(c),
            _ => Err(Error::config(
                file,
                text,
                lang.span().start,
                format!(
                    "unknown language `{}` (figcheck reads {}: a language is a folder of \
                     rules/lang/ named by its ISO 639 code)",
                    lang.get_ref(),
                    Lang::with_data().join(", ")
                ),
            )),
        }
    }

    /// Adds a language's conventions and detection cues (a file of their
    /// own: `lang`, `[conventions]`, `[detect]`).
    pub(super) fn add_conventions(
        &mut self,
        file: &str,
        text: &str,
        raw: ConventionsFile,
    ) -> Result<()> {
        let code = Self::lang_code(file, text, &raw.lang)?;
        if let Some(cues) = &raw.detect {
            self.detector.add(Lang::Known(code), cues);
        }
        if let Some(c) = &raw.conventions {
            c.apply(file, text, &mut self.lang_mut(code).conventions)?;
        }
        Ok(())
    }

    pub(super) fn add_lang(&mut self, file: &str, text: &str, raw: LangFile) -> Result<()> {
        let code = Self::lang_code(file, text, &raw.lang)?;
        // Qualifier names must exist before the phrases refer to them.
        let qualifier_ids = self.qualifier_ids(file, text, &raw.qualifiers)?;
        let postfix_ids = self.qualifier_ids(file, text, &raw.postfix_qualifiers)?;
        let lex = self.lang_mut(code);
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
            lex.participle_endings
                .extend(n.participle_endings.iter().map(|s| fold(s)));
            lex.plural_endings.extend(n.plural_endings.iter().cloned());
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
        lex.not_number_phrases = lex
            .not_numbers
            .iter()
            .map(|p| NotNumberPhrase::new(p))
            .collect();
        lex.not_number_by_word.clear();
        lex.not_number_elided.clear();
        for (k, p) in lex.not_number_phrases.iter().enumerate() {
            if p.elided.is_some() {
                lex.not_number_elided.push(k);
                continue;
            }
            for (_, w) in &p.words {
                let ks = lex.not_number_by_word.entry(w.clone()).or_default();
                if ks.last() != Some(&k) {
                    ks.push(k);
                }
            }
        }
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
        lex.clock_leads
            .extend(raw.clock_leads.iter().map(|s| fold(s)));
        lex.year_pair_links
            .extend(raw.year_pair_links.iter().map(|s| fold(s)));
        lex.day_pair_links
            .extend(raw.day_pair_links.iter().map(|s| fold(s)));
        lex.bound_links
            .extend(raw.bound_links.iter().map(|s| fold(s)));
        lex.age_suffixes
            .extend(raw.age_suffixes.iter().map(|s| fold(s)));
        lex.one_letter_roman_suffixes
            .extend(raw.one_letter_roman_suffixes.iter().map(|s| fold(s)));
        lex.change_verbs
            .extend(raw.change_verbs.iter().map(|s| s.to_lowercase()));
        lex.change_links
            .extend(raw.change_links.iter().map(|s| fold(s)));
        lex.fall_verbs
            .extend(raw.fall_verbs.iter().map(|s| s.to_lowercase()));
        lex.person_determiners
            .extend(raw.person_determiners.iter().map(|s| fold(s)));
        lex.bare_age_leads
            .extend(raw.bare_age_leads.iter().map(|s| fold(s)));
        lex.length_nouns
            .extend(raw.length_nouns.iter().map(|s| fold(s)));
        lex.score_words
            .extend(raw.score_words.iter().map(|s| fold(s)));
        if let Some(names) = &raw.weekday_names {
            if names.get_ref().len() != 7 {
                return Err(Error::config(
                    file,
                    text,
                    names.span().start,
                    format!(
                        "`weekday_names` lists {} names (expected 7, Monday first)",
                        names.get_ref().len()
                    ),
                ));
            }
            lex.weekday_names.clone_from(names.get_ref());
        }
        if let Some(l) = &raw.labels {
            lex.labels.add(l);
        }
        if let Some(st) = &raw.structure {
            lex.structure.add(st);
        }
        lex.word_hashes = Default::default();
        for (k, info) in &lex.words {
            lex.word_hashes
                .entry(fold_hash(k))
                .and_modify(|e| *e = None)
                .or_insert_with(|| Some((k.clone(), info.clone())));
        }
        lex.start_hashes = lex
            .words
            .iter()
            .filter(|(_, info)| info.may_start())
            .map(|(k, _)| fold_hash(k))
            .collect();
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LangFile {
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
    #[serde(default)]
    clock_leads: Vec<String>,
    #[serde(default)]
    year_pair_links: Vec<String>,
    #[serde(default)]
    day_pair_links: Vec<String>,
    #[serde(default)]
    bound_links: Vec<String>,
    #[serde(default)]
    age_suffixes: Vec<String>,
    #[serde(default)]
    one_letter_roman_suffixes: Vec<String>,
    #[serde(default)]
    change_verbs: Vec<String>,
    #[serde(default)]
    change_links: Vec<String>,
    #[serde(default)]
    fall_verbs: Vec<String>,
    #[serde(default)]
    person_determiners: Vec<String>,
    #[serde(default)]
    bare_age_leads: Vec<String>,
    #[serde(default)]
    length_nouns: Vec<String>,
    #[serde(default)]
    score_words: Vec<String>,
    #[serde(default)]
    weekday_names: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    labels: Option<super::labels::LabelsDef>,
    #[serde(default)]
    structure: Option<super::structure::StructureDef>,
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
    #[serde(default)]
    participle_endings: Vec<String>,
    #[serde(default)]
    plural_endings: Vec<String>,
}

/// A language's conventions and detection cues, in a file of their own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ConventionsFile {
    lang: Spanned<String>,
    #[serde(default)]
    conventions: Option<ConventionsDef>,
    #[serde(default)]
    detect: Option<CuesDef>,
}

/// The `[conventions]` table of a language: each given field replaces the
/// one before.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConventionsDef {
    decimal: Option<Spanned<String>>,
    day_before_month: Option<bool>,
    month_first_dates: Option<bool>,
    head_last: Option<bool>,
}

impl ConventionsDef {
    fn apply(&self, file: &str, text: &str, c: &mut Conventions) -> Result<()> {
        if let Some(d) = &self.decimal {
            c.decimal = match d.get_ref().as_str() {
                "." => Some('.'),
                "," => Some(','),
                other => {
                    return Err(Error::config(
                        file,
                        text,
                        d.span().start,
                        format!("unknown decimal separator `{other}` (expected \".\" or \",\")"),
                    ))
                }
            };
        }
        if let Some(b) = self.day_before_month {
            c.day_before_month = b;
        }
        if let Some(b) = self.month_first_dates {
            c.month_first_dates = b;
        }
        if let Some(b) = self.head_last {
            c.head_last = b;
        }
        Ok(())
    }
}
