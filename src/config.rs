//! All the data figcheck runs on: the languages of `rules/lang/`, units,
//! qualifiers, meanings, the rule definitions of `rules/checks/` and the
//! words each rule needs in each language (`rules/lang/CODE/checks.toml`). The
//! defaults are embedded in the binary; files given by the user add to them
//! and override entries with the same key or rule code.

use rayon::prelude::*;

use crate::claims::Meanings;
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::rules::RuleSet;

/// The files of `rules/`, embedded at build time (every `.toml` under it,
/// found by `build.rs`). A test checks the list against the folder.
pub(crate) use crate::lexicon::BUILTIN_FILES;

/// The top-level keys of each built-in file, in the order of
/// [`BUILTIN_FILES`], read by `build.rs` (`None` for a file that did not
/// parse).
const BUILTIN_KEYS: &[Option<&[&str]>] = include!(concat!(env!("OUT_DIR"), "/builtin_keys.rs"));

/// The reader of a data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reader {
    Lexicon,
    Meanings,
    Rules,
}

/// Lexicon, meanings and rules, ready to run.
#[derive(Debug, Clone)]
pub struct Config {
    pub lexicon: Lexicon,
    pub meanings: Meanings,
    pub rules: RuleSet,
}

impl Config {
    /// The embedded defaults.
    pub fn builtin() -> Result<Config> {
        Config::with_files(std::iter::empty())
    }

    /// The embedded defaults, then `extra` files (name, text) on top.
    pub fn with_files(extra: impl IntoIterator<Item = (String, String)>) -> Result<Config> {
        let files = BUILTIN_FILES
            .iter()
            .zip(BUILTIN_KEYS)
            .map(|((n, t), k)| (n.to_string(), t.to_string(), *k))
            .chain(extra.into_iter().map(|(n, t)| (n, t, None)));
        Config::from_files(files)
    }

    /// Loads files in order. Qualifier definitions load before language
    /// lexicons that name them, whatever the order given. A file given
    /// with its top-level keys (a built-in file, read at build time) is
    /// not parsed here: the loaders choose its reader by its keys alone,
    /// and read it with the types of its contents.
    pub(crate) fn from_files(
        files: impl IntoIterator<Item = (String, String, Option<&'static [&'static str]>)>,
    ) -> Result<Config> {
        let files: Vec<(String, String, Option<&[&str]>)> = files.into_iter().collect();
        // The files are parsed in parallel; the first error in file order
        // is reported.
        let tables = files
            .par_iter()
            .map(|(name, text, keys)| {
                if let Some(keys) = keys {
                    let t: toml::Table = keys
                        .iter()
                        .map(|k| (k.to_string(), toml::Value::Boolean(true)))
                        .collect();
                    return Ok(t);
                }
                toml::from_str::<toml::Table>(text).map_err(|e| {
                    let offset = e.span().map_or(0, |s| s.start);
                    Error::config(
                        name,
                        text,
                        offset,
                        format!("invalid TOML: {}", e.message().trim()),
                    )
                })
            })
            .collect::<Vec<_>>();
        let mut parsed = Vec::with_capacity(files.len());
        for ((name, text, _), table) in files.into_iter().zip(tables) {
            parsed.push((name, text, table?));
        }
        // Qualifiers first: language files refer to them by name.
        parsed.sort_by_key(|(_, _, t)| !t.contains_key("qualifier"));
        // Each file goes to the first reader that takes it by its keys;
        // the three readers then run in parallel (the meanings' one also
        // indexes the gazetteer), each on its own files in order, and the
        // first error in file order is reported, as if they ran in turn.
        let owner: Vec<Option<Reader>> = parsed
            .iter()
            .map(|(_, _, t)| {
                if Lexicon::reads(t) {
                    Some(Reader::Lexicon)
                } else if Meanings::reads(t) {
                    Some(Reader::Meanings)
                } else if RuleSet::reads(t) {
                    Some(Reader::Rules)
                } else {
                    None
                }
            })
            .collect();
        let unread = owner.iter().position(Option::is_none);
        let upto = unread.unwrap_or(parsed.len());
        let (all, owner) = (&parsed[..upto], &owner);
        let files_of = move |r: Reader| {
            all.iter()
                .enumerate()
                .filter(move |(i, _)| owner[*i] == Some(r))
        };
        type Loaded<T> = std::result::Result<T, (usize, Error)>;
        let load_lexicon = || -> Loaded<Lexicon> {
            let mut lexicon = Lexicon::default();
            for (i, (name, text, table)) in files_of(Reader::Lexicon) {
                lexicon.add_file(name, text, table).map_err(|e| (i, e))?;
            }
            lexicon.index_article_cues();
            Ok(lexicon)
        };
        let load_meanings = || -> Loaded<Meanings> {
            let mut meanings = Meanings::default();
            for (i, (name, text, table)) in files_of(Reader::Meanings) {
                meanings.add_file(name, text, table).map_err(|e| (i, e))?;
            }
            Ok(meanings)
        };
        let load_rules = || -> Loaded<RuleSet> {
            let mut rules = RuleSet::default();
            for (i, (name, text, table)) in files_of(Reader::Rules) {
                rules.add_file(name, text, table).map_err(|e| (i, e))?;
            }
            Ok(rules)
        };
        let (meanings, (lexicon, rules)) =
            rayon::join(load_meanings, || rayon::join(load_lexicon, load_rules));
        // Files after one no reader takes are not read: every error comes
        // before it.
        let (lexicon, meanings, mut rules) = match (lexicon, meanings, rules) {
            (Ok(l), Ok(m), Ok(r)) => (l, m, r),
            (l, m, r) => {
                let first = [l.err(), m.err(), r.err()]
                    .into_iter()
                    .flatten()
                    .min_by_key(|(i, _)| *i);
                return Err(first.expect("an error").1);
            }
        };
        if let Some(i) = unread {
            let (name, text, _) = &parsed[i];
            return Err(Error::config(
                name,
                text,
                0,
                "not a figcheck file: expected a language lexicon (`lang`), a language's \
                 words for the rules (`lang` and `[checks.*]`), units (`[[unit]]`), \
                 qualifiers (`[qualifier.*]`), debris, meanings (`[measure.*]`, `[role.*]`, \
                 `[side.*]`, `[place.*]`, `[period.*]`) or rules (`[[rule]]`)",
            ));
        }
        rules.finish()?;
        Ok(Config {
            lexicon,
            meanings,
            rules,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads() {
        let c = crate::testing::config();
        assert!(c.lexicon.get("fr").unwrap().words.contains_key("trois"));
        assert!(c.rules.get("FC101").is_some());
    }

    #[test]
    fn every_rules_file_is_embedded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut on_disk = Vec::new();
        let mut stack = vec![root.join("rules")];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "toml") {
                    on_disk.push(
                        p.strip_prefix(root)
                            .unwrap()
                            .to_string_lossy()
                            .replace('\\', "/"),
                    );
                }
            }
        }
        // Shared definitions, then languages, then rules (see `build.rs`),
        // by name within each; each with the text it has on disk.
        let layer = |n: &str| {
            if n.starts_with("rules/lang/") {
                1
            } else if n.starts_with("rules/checks/") {
                2
            } else {
                0
            }
        };
        on_disk.sort_by(|a, b| (layer(a), a).cmp(&(layer(b), b)));
        let embedded: Vec<String> = BUILTIN_FILES.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(on_disk, embedded);
        for (name, text) in BUILTIN_FILES {
            assert_eq!(
                std::fs::read_to_string(root.join(name)).unwrap(),
                *text,
                "{name}"
            );
        }
    }

    #[test]
    fn the_keys_read_at_build_time_are_the_keys_of_each_file() {
        assert_eq!(BUILTIN_KEYS.len(), BUILTIN_FILES.len());
        for ((name, text), keys) in BUILTIN_FILES.iter().zip(BUILTIN_KEYS) {
            let t: toml::Table = toml::from_str(text).unwrap();
            let parsed: Vec<&str> = t.keys().map(|k| k.as_str()).collect();
            assert_eq!(keys.map(|k| k.to_vec()), Some(parsed), "{name}");
        }
    }

    #[test]
    fn bad_decimal_is_located() {
        let bad = (
            "my.toml".to_string(),
            "[qualifier.about]\nlow = \"0,9x\"\nhigh = \"1.1\"\n".to_string(),
        );
        let err = Config::with_files([bad]).unwrap_err().to_string();
        assert!(err.starts_with("my.toml:2:7:"), "{err}");
    }

    #[test]
    fn unknown_field_is_located() {
        let bad = (
            "x.toml".to_string(),
            "lang = \"fr\"\ncardinalz = {}\n".to_string(),
        );
        let err = Config::with_files([bad]).unwrap_err().to_string();
        assert!(err.starts_with("x.toml:2:1:"), "{err}");
        assert!(err.contains("cardinalz"), "{err}");
    }
}
