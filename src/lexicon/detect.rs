//! Language detection cues: the function words and letters that tell a
//! language (the `[detect]` table of each language's folder, and
//! `rules/lang/detect.toml` for languages figcheck has no other data for).
//! The counting itself is in the input stage.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

use crate::model::Lang;

/// What tells one language.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cues {
    /// Function words, lowercase.
    pub(crate) words: HashSet<String>,
    /// Letters typical of the language; a few of them break ties on short
    /// texts.
    pub(crate) letters: Vec<char>,
    /// An apostrophe (an elision, "l'armée") counts as a function word.
    pub(crate) apostrophes: bool,
}

/// The cues of every language that can be detected, languages with data
/// first, each group in the order of the codes.
#[derive(Debug, Clone, Default)]
pub(crate) struct Detector {
    pub(crate) langs: Vec<(Lang, Cues)>,
    /// Each cue word with the indices (into `langs`) of the languages it
    /// counts for.
    by_word: HashMap<String, Vec<usize>>,
    /// Each cue letter, sorted, with the languages it counts for.
    by_letter: Vec<(char, Vec<usize>)>,
    /// Some cue letter is ASCII.
    ascii_letters: bool,
}

impl Detector {
    /// Adds cues for `lang`, to those it has already.
    pub(crate) fn add(&mut self, lang: Lang, def: &CuesDef) {
        let i = match self.langs.iter().position(|(l, _)| *l == lang) {
            Some(i) => i,
            None => {
                self.langs.push((lang, Cues::default()));
                self.langs.sort_by_key(|(l, _)| *l);
                self.langs.iter().position(|(l, _)| *l == lang).unwrap_or(0)
            }
        };
        let cues = &mut self.langs[i].1;
        cues.words
            .extend(def.words.iter().map(|w| w.to_lowercase()));
        for c in def.letters.chars() {
            if !cues.letters.contains(&c) {
                cues.letters.push(c);
            }
        }
        cues.apostrophes |= def.apostrophes;
        self.reindex();
    }

    fn reindex(&mut self) {
        self.by_word.clear();
        let mut letters: BTreeMap<char, Vec<usize>> = BTreeMap::new();
        for (i, (_, cues)) in self.langs.iter().enumerate() {
            for w in &cues.words {
                self.by_word.entry(w.clone()).or_default().push(i);
            }
            for &c in &cues.letters {
                letters.entry(c).or_default().push(i);
            }
        }
        self.ascii_letters = letters.keys().any(char::is_ascii);
        self.by_letter = letters.into_iter().collect();
    }

    /// The languages (indices into `langs`) whose cue words hold `word`.
    pub(crate) fn word_langs(&self, word: &str) -> &[usize] {
        self.by_word.get(word).map_or(&[], Vec::as_slice)
    }

    /// The languages (indices into `langs`) whose cue letters hold `c`.
    pub(crate) fn letter_langs(&self, c: char) -> &[usize] {
        if c.is_ascii() && !self.ascii_letters {
            return &[];
        }
        match self.by_letter.binary_search_by_key(&c, |(l, _)| *l) {
            Ok(i) => &self.by_letter[i].1,
            Err(_) => &[],
        }
    }

    /// The cues of the embedded data files.
    pub(crate) fn builtin() -> &'static Detector {
        static BUILTIN: OnceLock<Detector> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let mut d = Detector::default();
            for (name, text) in super::BUILTIN_FILES {
                // Only a file that names a `detect` table holds cues.
                if name.starts_with("rules/lang/") && text.contains("detect") {
                    d.add_file(text);
                }
            }
            d
        })
    }

    /// Adds the cues of one file, leaving any other table aside. A file
    /// that does not parse adds nothing: the configuration loader reports it.
    fn add_file(&mut self, text: &str) {
        let Ok(f) = toml::from_str::<CuesOnly>(text) else {
            return;
        };
        match (f.lang, f.detect) {
            (Some(code), Some(d)) => {
                if let Ok(def) = d.try_into::<CuesDef>() {
                    self.add(Lang::new(&code), &def);
                }
            }
            (None, Some(d)) => {
                if let Ok(defs) = d.try_into::<BTreeMap<String, CuesDef>>() {
                    for (code, def) in &defs {
                        self.add(Lang::new(code), def);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The `[detect]` table of a language, or `[detect.CODE]` of
/// `rules/lang/detect.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CuesDef {
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    letters: String,
    #[serde(default)]
    apostrophes: bool,
}

/// The cues of a file of languages without data: `[detect.CODE]` tables.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DetectFile {
    pub(super) detect: BTreeMap<String, CuesDef>,
}

#[derive(Deserialize)]
struct CuesOnly {
    lang: Option<String>,
    detect: Option<toml::Value>,
}
