//! Helpers shared by the unit tests of every stage: the built-in
//! configuration, loaded once for all tests, and short ways to get the
//! figures, claims and findings of a text.

use std::str::FromStr;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::claims::Corpus;
use crate::config::Config;
use crate::extract::extract;
use crate::input::Document;
use crate::model::{Figure, Lang};
use crate::rules::{Finding, Selection};

/// The built-in configuration, loaded once for all tests.
pub(crate) fn config() -> &'static Config {
    static CFG: OnceLock<Config> = OnceLock::new();
    CFG.get_or_init(|| Config::builtin().unwrap())
}

/// The decimal written `s`.
pub(crate) fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A document `id` holding `text`, in French.
pub(crate) fn fr_doc(id: &str, text: &str) -> Document {
    Document::new(id, text, Some(Lang::new("fr")))
}

/// The figures of `text`, each with its literal.
pub(crate) fn figs(text: &str, lang: Lang) -> Vec<(String, Figure)> {
    extract(text, lang, &config().lexicon)
        .into_iter()
        .map(|f| (text[f.start()..f.end()].to_string(), f))
        .collect()
}

/// The configuration, corpus and findings of `text` in the French document
/// `a.txt`, with every rule enabled.
pub(crate) fn analysed(text: &str) -> (&'static Config, Corpus, Vec<Finding>) {
    let cfg = config();
    let (corpus, findings) =
        crate::analyze(vec![fr_doc("a.txt", text)], cfg, &Selection::default());
    (cfg, corpus, findings)
}
