//! All the data figcheck runs on: the lexicons of `rules/lexicon/`, units,
//! qualifiers, meanings, and the rule definitions of `rules/checks/`. The
//! defaults are embedded in the binary; files given by the user add to them
//! and override entries with the same key or rule code.

use crate::claims::Meanings;
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::rules::RuleSet;

/// The files of `rules/`, embedded at build time. A test checks that every
/// file of the folder is listed here.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "rules/qualifiers.toml",
        include_str!("../rules/qualifiers.toml"),
    ),
    ("rules/units.toml", include_str!("../rules/units.toml")),
    (
        "rules/lexicon/fr.toml",
        include_str!("../rules/lexicon/fr.toml"),
    ),
    (
        "rules/lexicon/en.toml",
        include_str!("../rules/lexicon/en.toml"),
    ),
    (
        "rules/lexicon/debris.toml",
        include_str!("../rules/lexicon/debris.toml"),
    ),
    (
        "rules/lexicon/meaning.toml",
        include_str!("../rules/lexicon/meaning.toml"),
    ),
    (
        "rules/lang/fr/meaning.toml",
        include_str!("../rules/lang/fr/meaning.toml"),
    ),
    (
        "rules/lang/en/meaning.toml",
        include_str!("../rules/lang/en/meaning.toml"),
    ),
    (
        "rules/lexicon/boilerplate.toml",
        include_str!("../rules/lexicon/boilerplate.toml"),
    ),
    (
        "rules/checks/FC001-unused-suppression.toml",
        include_str!("../rules/checks/FC001-unused-suppression.toml"),
    ),
    (
        "rules/checks/FC002-invalid-suppression.toml",
        include_str!("../rules/checks/FC002-invalid-suppression.toml"),
    ),
    (
        "rules/checks/FC101-placeholder-number.toml",
        include_str!("../rules/checks/FC101-placeholder-number.toml"),
    ),
    (
        "rules/checks/FC102-adjacent-numbers.toml",
        include_str!("../rules/checks/FC102-adjacent-numbers.toml"),
    ),
    (
        "rules/checks/FC103-bad-grouping.toml",
        include_str!("../rules/checks/FC103-bad-grouping.toml"),
    ),
    (
        "rules/checks/FC104-mixed-separators.toml",
        include_str!("../rules/checks/FC104-mixed-separators.toml"),
    ),
    (
        "rules/checks/FC105-letters-for-digits.toml",
        include_str!("../rules/checks/FC105-letters-for-digits.toml"),
    ),
    (
        "rules/checks/FC106-impossible-percentage.toml",
        include_str!("../rules/checks/FC106-impossible-percentage.toml"),
    ),
    (
        "rules/checks/FC201-source-conflict.toml",
        include_str!("../rules/checks/FC201-source-conflict.toml"),
    ),
    (
        "rules/checks/FC202-corroborated.toml",
        include_str!("../rules/checks/FC202-corroborated.toml"),
    ),
    (
        "rules/checks/FC203-scale-slip.toml",
        include_str!("../rules/checks/FC203-scale-slip.toml"),
    ),
    (
        "rules/checks/FC301-inconsistent-in-document.toml",
        include_str!("../rules/checks/FC301-inconsistent-in-document.toml"),
    ),
    (
        "rules/checks/FC302-parts-total.toml",
        include_str!("../rules/checks/FC302-parts-total.toml"),
    ),
    (
        "rules/checks/FC303-part-exceeds-whole.toml",
        include_str!("../rules/checks/FC303-part-exceeds-whole.toml"),
    ),
    (
        "rules/checks/FC304-percent-sum.toml",
        include_str!("../rules/checks/FC304-percent-sum.toml"),
    ),
    (
        "rules/checks/FC305-percent-mismatch.toml",
        include_str!("../rules/checks/FC305-percent-mismatch.toml"),
    ),
    (
        "rules/checks/FC401-weekday-mismatch.toml",
        include_str!("../rules/checks/FC401-weekday-mismatch.toml"),
    ),
    (
        "rules/checks/FC402-deadline-arithmetic.toml",
        include_str!("../rules/checks/FC402-deadline-arithmetic.toml"),
    ),
    (
        "rules/checks/FC403-after-publication.toml",
        include_str!("../rules/checks/FC403-after-publication.toml"),
    ),
];

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
        Config::from_files(
            BUILTIN_FILES
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string())),
        )
    }

    /// The embedded defaults, then `extra` files (name, text) on top.
    pub fn with_files(extra: impl IntoIterator<Item = (String, String)>) -> Result<Config> {
        let files = BUILTIN_FILES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .chain(extra);
        Config::from_files(files)
    }

    /// Loads files in order. Qualifier definitions load before language
    /// lexicons that name them, whatever the order given.
    pub fn from_files(files: impl IntoIterator<Item = (String, String)>) -> Result<Config> {
        let mut parsed = Vec::new();
        for (name, text) in files {
            let table: toml::Table = toml::from_str(&text).map_err(|e| {
                let offset = e.span().map_or(0, |s| s.start);
                Error::config(
                    &name,
                    &text,
                    offset,
                    format!("invalid TOML: {}", e.message().trim()),
                )
            })?;
            parsed.push((name, text, table));
        }
        // Qualifiers first: language files refer to them by name.
        parsed.sort_by_key(|(_, _, t)| !t.contains_key("qualifier"));
        let mut lexicon = Lexicon::default();
        let mut meanings = Meanings::default();
        let mut rules = RuleSet::default();
        for (name, text, table) in &parsed {
            if lexicon.add_file(name, text, table)? {
                continue;
            }
            if meanings.add_file(name, text, table)? {
                continue;
            }
            if rules.add_file(name, text, table)? {
                continue;
            }
            return Err(Error::config(
                name,
                text,
                0,
                "not a figcheck file: expected a language lexicon (`lang`), units (`[[unit]]`), \
                 qualifiers (`[qualifier.*]`), debris, meanings (`[measure.*]`, `[role.*]`, \
                 `[side.*]`, `[place.*]`) or rules (`[[rule]]`)",
            ));
        }
        rules.validate()?;
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
        let c = Config::builtin().unwrap();
        assert!(c.lexicon.fr.words.contains_key("trois"));
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
        on_disk.sort();
        let mut embedded: Vec<String> = BUILTIN_FILES.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
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
