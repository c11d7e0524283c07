//! The vocabulary figcheck reads figures with, loaded from TOML data in
//! `rules/` (each language's folder in `rules/lang/`, units, qualifiers).
//! Nothing here is code the user has to change: every word, unit,
//! convention and tolerance is data.

mod detect;
mod ends;
mod fold;
mod labels;
mod language;
mod load;
mod qualifiers;
pub(crate) mod structure;
mod units;
pub(crate) mod word;

pub(crate) use detect::Detector;
pub(crate) use ends::{Ends, PhraseEnds};
pub(crate) use fold::{
    fold, fold_ascii, fold_char, fold_eq, fold_first_word_into, fold_hash, fold_hash_byte,
    fold_hash_last, fold_hash_letter, fold_into, fold_into_within, fold_opens_once,
    fold_starts_with, fold_starts_with_word, fold_words_hash, name_hash, plain_folds_to,
    FOLD_HASH_BASIS,
};
pub(crate) use language::{Collective, Conventions, FractionLink, LangLexicon, WordInfo};
pub(crate) use qualifiers::{QualifierDef, QualifierShape};
pub use units::{leading_letters, UnitDef, UnitForm};

use std::str::FromStr;

use rust_decimal::Decimal;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result};
use crate::model::{Code, Lang};

/// The data files of `rules/` (name, text), every `.toml` under it in the
/// order of their names, embedded at build time by `build.rs`.
pub(crate) const BUILTIN_FILES: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));

/// The whole vocabulary: every language's words, units and qualifiers.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// The languages figcheck has data for, in the order of their codes.
    pub(crate) languages: Vec<(Code, LangLexicon)>,
    /// The weekday words of every language ([`Lexicon::weekday`]), built
    /// at load.
    weekdays: HashMap<String, u32>,
    /// The byte lengths of those words, bit `n` for length `n` (63 for
    /// any longer): a word of another length is looked up no further.
    weekday_lens: u64,
    /// The languages a document is read with when its own has no data (or
    /// is not known): the words of the first, then of the second.
    pub(crate) fallback: Vec<Code>,
    /// The cues that detect each language.
    pub(crate) detector: Detector,
    /// No words and no conventions, for a language without data when no
    /// fallback is given.
    none: LangLexicon,
    pub(crate) qualifiers: Vec<QualifierDef>,
    pub units: Vec<UnitDef>,
    /// Every unit form, longest first.
    pub unit_forms: Vec<UnitForm>,
    /// Indices into `unit_forms` of the symbols, by their first char as
    /// written and the second byte of a text they may start, ascending
    /// (the longest forms first): a symbol of one byte, or one whose second
    /// byte is that one ([`UNIT_ONE_BYTE`] for a text of one byte, or a
    /// second byte no longer symbol has). `unit_at` compares no other.
    pub(crate) unit_first: HashMap<(char, u16), Vec<usize>>,
    /// Indices into `unit_forms` of the words, by their folded leading
    /// letters ("dollars" for "dollars américains", "pour" for
    /// "pour-cent"), ascending: the longest forms first.
    pub(crate) unit_words: HashMap<String, Vec<usize>>,
    /// The hash of each key of `unit_words` ([`fold_hash_byte`] over its
    /// bytes from [`FOLD_HASH_BASIS`]): leading letters whose folded hash
    /// is not here key no unit word, found without folding them.
    pub(crate) unit_word_hashes: HashSet<u64>,
    /// Indices of prefix symbols (`$`, `USD`) by their last char.
    pub(crate) prefix_last: HashMap<char, Vec<usize>>,
    /// Placeholder tokens left by machine translation ("XNUMX").
    pub(crate) debris: Vec<String>,
    /// Folded first words of unit forms that may stand without a number.
    pub(crate) alone_words: HashSet<String>,
    /// [`fold_hash`] of every word of `alone_words`.
    pub(crate) alone_hashes: HashSet<u64>,
    /// Folded words for the hundredth of a currency ("cents").
    pub(crate) minor_words: HashSet<String>,
    /// The last bytes of the phrase lists read before every figure.
    pub(crate) ends: PhraseEnds,
}

/// The key of [`Lexicon::unit_first`] for the symbols of one byte only:
/// those a text of one byte, or a second byte no longer symbol has, may
/// start.
pub(crate) const UNIT_ONE_BYTE: u16 = 256;

impl Lexicon {
    /// The data of language `code`, if figcheck has any.
    pub(crate) fn get(&self, code: &str) -> Option<&LangLexicon> {
        let code = Code::new(code)?;
        self.languages
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, l)| l)
    }

    /// The words `lang` is read with: its own, or for a language without
    /// data (or not known) those of the first fallback language.
    pub(crate) fn lang(&self, lang: Lang) -> &LangLexicon {
        let own = match lang {
            Lang::Known(c) => self.languages.iter().find(|(x, _)| *x == c),
            _ => None,
        };
        own.or_else(|| {
            let first = self.fallback.first()?;
            self.languages.iter().find(|(x, _)| x == first)
        })
        .map_or(&self.none, |(_, l)| l)
    }

    /// The words read after those of [`Lexicon::lang`] when a language
    /// has no data of its own: the second fallback language.
    pub(crate) fn secondary(&self, lang: Lang) -> Option<&LangLexicon> {
        if matches!(lang, Lang::Known(c) if self.languages.iter().any(|(x, _)| *x == c)) {
            return None;
        }
        let second = self.fallback.get(1)?;
        self.languages
            .iter()
            .find(|(x, _)| x == second)
            .map(|(_, l)| l)
    }

    /// The words of `lang` (when it has data and is no fallback language),
    /// then those of every fallback language. Some lists of words are read
    /// in every document with the words of the fallback languages too: a
    /// document in one of them, or in a language without data, reads the
    /// union of theirs (French and English, as `unknown.toml` gives them);
    /// a document in another language reads its own words as well.
    pub(crate) fn with_fallback(&self, lang: Lang) -> impl Iterator<Item = &LangLexicon> {
        let own = match lang {
            Lang::Known(c) if !self.fallback.contains(&c) => {
                self.languages.iter().find(|(x, _)| *x == c)
            }
            _ => None,
        };
        let fallback = self
            .fallback
            .iter()
            .filter_map(|c| self.languages.iter().find(|(x, _)| x == c));
        own.into_iter().chain(fallback).map(|(_, l)| l)
    }

    /// How `lang` writes numbers and dates; no convention at all for a
    /// language without data.
    pub(crate) fn conventions(&self, lang: Lang) -> &Conventions {
        match lang {
            Lang::Known(c) => self
                .languages
                .iter()
                .find(|(x, _)| *x == c)
                .map_or(&self.none.conventions, |(_, l)| &l.conventions),
            _ => &self.none.conventions,
        }
    }

    /// The weekday (1 for Monday) a folded word names, in the fallback
    /// languages first, then in any other.
    pub(crate) fn weekday(&self, word: &str) -> Option<u32> {
        if !self.weekday_len(word.len()) {
            return None;
        }
        self.weekdays.get(word).copied()
    }

    /// False when no weekday word is `len` bytes long (folded).
    pub(crate) fn weekday_len(&self, len: usize) -> bool {
        self.weekday_lens >> len.min(63) & 1 == 1
    }

    /// The weekday words of every language in one map, a word of a
    /// fallback language first (see [`Lexicon::weekday`]).
    fn index_weekdays(&mut self) {
        let fallback = self
            .fallback
            .iter()
            .filter_map(|c| self.languages.iter().find(|(x, _)| x == c).map(|(_, l)| l));
        let others = self
            .languages
            .iter()
            .filter(|(c, _)| !self.fallback.contains(c))
            .map(|(_, l)| l);
        let mut all = HashMap::default();
        for l in fallback.chain(others) {
            for (w, &n) in &l.weekdays {
                all.entry(w.clone()).or_insert(n);
            }
        }
        self.weekday_lens = all.keys().fold(0, |m, w| m | 1 << w.len().min(63));
        self.weekdays = all;
    }

    /// Gives each language the words its documents' scan stops at: its
    /// own and the fallback languages' that may start a figure
    /// ([`WordInfo::may_start`]) and the units that stand alone.
    fn index_scan_words(&mut self) {
        let shared: HashSet<u64> = self
            .languages
            .iter()
            .filter(|(c, _)| self.fallback.contains(c))
            .flat_map(|(_, l)| l.start_hashes.iter())
            .copied()
            .chain(self.alone_words.iter().map(|w| fold_hash(w)))
            .collect();
        for (_, l) in &mut self.languages {
            l.scan_hashes = shared.union(&l.start_hashes).copied().collect();
        }
        self.none.scan_hashes = shared;
    }

    /// Gives each language its [`language::ArticleCues`]: what its
    /// recognisers may read after an article, from its words, its phrases
    /// of `not_numbers`, its fraction links and the units of every
    /// language. Built once, when every file is read (`Config` calls it
    /// after the last): rebuilt after each file, as the other indices are,
    /// it cost 10 M instructions at each start. A lexicon whose cues were
    /// never built has none `ready`, and reads every article in full.
    pub(crate) fn index_article_cues(&mut self) {
        // The words of a phrase or a form as the scan reads the text:
        // runs of letters.
        fn runs(s: &str) -> impl Iterator<Item = &str> {
            s.split(|c: char| !c.is_alphabetic())
                .filter(|r| !r.is_empty())
        }
        // A unit word is found by its folded leading letters (the keys of
        // `unit_words`), a symbol as written: either way the text's word
        // folds as its leading letters do.
        let mut units: HashSet<u64> = self.unit_word_hashes.clone();
        for f in &self.unit_forms {
            if let Some(lead) = f.form.split(|c: char| !c.is_alphabetic()).next() {
                if !lead.is_empty() {
                    units.insert(fold_hash(lead));
                }
            }
        }
        for (_, l) in &mut self.languages {
            let mut cues = language::ArticleCues {
                ready: true,
                next: units.clone(),
                ..Default::default()
            };
            for k in l.words.keys() {
                cues.next.insert(fold_hash(k));
                cues.next.extend(runs(k).map(fold_hash));
            }
            for (link, _) in &l.fraction_links {
                cues.next.extend(runs(link).map(fold_hash));
                cues.links.extend(runs(link).map(fold_hash));
            }
            for p in &l.not_number_phrases {
                cues.next.extend(runs(&p.text).map(fold_hash));
                match &p.elided {
                    // "l'un": the article after "l'" is the phrase.
                    Some((e, rest)) if !rest.contains(' ') => {
                        cues.elided.push((e.clone(), fold_hash(rest)));
                    }
                    Some(_) => {}
                    None => {
                        if let Some((_, last)) = p.words.last() {
                            cues.phrase_ends.insert(fold_hash(last));
                        }
                    }
                }
            }
            l.article_cues = cues;
        }
    }

    pub(crate) fn qualifier_by_name(&self, name: &str) -> Option<usize> {
        self.qualifiers.iter().position(|q| q.name == name)
    }

    fn lang_mut(&mut self, code: Code) -> &mut LangLexicon {
        let i = match self.languages.iter().position(|(c, _)| *c == code) {
            Some(i) => i,
            None => {
                let at = self.languages.partition_point(|(c, _)| *c < code);
                self.languages.insert(at, (code, LangLexicon::default()));
                at
            }
        };
        &mut self.languages[i].1
    }

    /// True when [`Lexicon::add_file`] reads a file with these top-level
    /// keys (by its keys alone).
    pub(crate) fn reads(table: &toml::Table) -> bool {
        !table.contains_key("checks")
            && ["lang", "unit", "debris", "qualifier", "detect", "fallback"]
                .iter()
                .any(|k| table.contains_key(*k))
    }

    /// Adds the contents of one TOML data file. Which kind of file it is
    /// follows from its top-level keys: `lang` (a language's words, or with
    /// `conventions` or `detect` its conventions and cues), `unit`
    /// (units), `qualifier` (qualifier intervals), `debris`, `detect`
    /// (detection cues of languages without data) or `fallback` (the
    /// languages a document without data is read with). Returns false when
    /// the file is none of these, or carries rule data (`checks`).
    pub(crate) fn add_file(&mut self, file: &str, text: &str, table: &toml::Table) -> Result<bool> {
        if !Lexicon::reads(table) {
            return Ok(false);
        }
        if table.contains_key("lang")
            && (table.contains_key("conventions") || table.contains_key("detect"))
        {
            let raw: load::ConventionsFile =
                toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
            self.add_conventions(file, text, raw)?;
        } else if table.contains_key("lang") {
            let raw: load::LangFile =
                toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
            self.add_lang(file, text, raw)?;
        } else if table.contains_key("unit") {
            let raw: units::UnitsFile =
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
            let raw: qualifiers::QualifiersFile =
                toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
            self.add_qualifiers(file, text, raw)?;
        } else if table.contains_key("detect") {
            let raw: detect::DetectFile =
                toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
            for (code, cues) in &raw.detect {
                self.detector.add(Lang::new(code), cues);
            }
        } else if table.contains_key("fallback") {
            let raw: FallbackFile =
                toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
            let mut fallback = Vec::new();
            for c in &raw.fallback {
                match Code::new(c.get_ref()) {
                    Some(code) if code.has_data() => fallback.push(code),
                    _ => {
                        return Err(Error::config(
                            file,
                            text,
                            c.span().start,
                            format!("`{}` is no language figcheck has data for", c.get_ref()),
                        ))
                    }
                }
            }
            self.fallback = fallback;
        } else {
            return Ok(false);
        }
        self.index_scan_words();
        self.index_weekdays();
        self.ends = PhraseEnds::of(&self.languages, &self.unit_forms);
        Ok(true)
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
struct DebrisFile {
    debris: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FallbackFile {
    fallback: Vec<Spanned<String>>,
}

#[cfg(test)]
mod tests {
    use crate::model::Lang;
    use crate::testing::config;

    /// Loads `text` as a file `w.toml` into an empty lexicon: whether it
    /// was a lexicon file, or the error, located.
    fn load(text: &str) -> Result<bool, String> {
        let table: toml::Table = toml::from_str(text).unwrap();
        super::Lexicon::default()
            .add_file("w.toml", text, &table)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn every_language_folder_is_complete() {
        let cfg = config();
        let lex = &cfg.lexicon;
        for code in Lang::with_data() {
            let l = lex.get(code).unwrap_or_else(|| panic!("{code}: no data"));
            assert!(!l.words.is_empty(), "{code}: no words");
            assert!(l.conventions.known(), "{code}: no decimal separator");
            assert!(
                lex.detector
                    .langs
                    .iter()
                    .any(|(x, c)| *x == Lang::new(code) && !c.words.is_empty()),
                "{code}: no detection cues"
            );
        }
    }

    #[test]
    fn unknown_languages_read_with_the_fallback() {
        let cfg = config();
        let lex = &cfg.lexicon;
        let (first, second) = (lex.fallback[0], lex.fallback[1]);
        for lang in [Lang::Unknown, Lang::new("de"), Lang::Other(None)] {
            assert!(std::ptr::eq(
                lex.lang(lang),
                lex.get(first.as_str()).unwrap()
            ));
            assert!(std::ptr::eq(
                lex.secondary(lang).unwrap(),
                lex.get(second.as_str()).unwrap()
            ));
            assert!(!lex.conventions(lang).known());
        }
        let es = Lang::new("es");
        assert!(std::ptr::eq(lex.lang(es), lex.get("es").unwrap()));
        assert!(lex.secondary(es).is_none());
        assert!(lex.conventions(es).decimal_comma());
    }

    #[test]
    fn words_read_with_the_fallback_languages() {
        let cfg = crate::testing::config();
        let lex = &cfg.lexicon;
        let codes = |lang: Lang| -> Vec<&str> {
            lex.with_fallback(lang)
                .map(|l| {
                    let (c, _) = lex
                        .languages
                        .iter()
                        .find(|(_, x)| std::ptr::eq(x, l))
                        .unwrap();
                    c.as_str()
                })
                .collect()
        };
        for lang in [
            Lang::new("fr"),
            Lang::new("en"),
            Lang::Unknown,
            Lang::new("de"),
        ] {
            assert_eq!(codes(lang), ["fr", "en"], "{lang:?}");
        }
        assert_eq!(codes(Lang::new("es")), ["es", "fr", "en"]);
    }

    #[test]
    fn weekday_names_are_seven() {
        let err = load("lang = \"fr\"\nweekday_names = [\"lundi\"]\n").unwrap_err();
        assert!(
            err.starts_with("w.toml:2:17:") && err.contains("expected 7"),
            "{err}"
        );
    }

    #[test]
    fn files_of_rule_words_are_left_to_the_rules() {
        assert_eq!(
            load("lang = \"fr\"\n[checks.future-date]\nwords = [\"x\"]\n"),
            Ok(false)
        );
    }

    #[test]
    fn a_language_without_a_folder_is_an_error() {
        let err = load("lang = \"zz\"\n").unwrap_err();
        assert!(
            err.starts_with("w.toml:1:8:") && err.contains("`zz`"),
            "{err}"
        );
    }
}
