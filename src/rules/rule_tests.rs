//! Helpers for the tests in each rule's file: run one rule over texts with
//! the built-in data.

use crate::input::Document;
use crate::model::Lang;
use crate::rules::Selection;
use crate::testing::config;

/// Asserts that every inline example of the rule behaves as it says.
pub(crate) fn examples_pass(code: &str) {
    let results = crate::test_examples(config(), code);
    assert!(!results.is_empty(), "{code} has no examples");
    let failed: Vec<_> = results.iter().filter(|r| !r.passed()).collect();
    assert!(failed.is_empty(), "{code}: {failed:#?}");
}

/// The messages of the rule `code` over documents in `lang`, each
/// published on `date` when given.
pub(crate) fn messages(code: &str, texts: &[&str], lang: Lang, date: Option<&str>) -> Vec<String> {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut d = Document::new(format!("doc{i}"), t.to_string(), Some(lang));
            d.source.date = date.map(String::from);
            d
        })
        .collect();
    let sel = Selection {
        select: vec![code.to_string()],
        ignore: Vec::new(),
    };
    let (_, findings) = crate::analyze(docs, config(), &sel);
    findings
        .into_iter()
        .filter(|f| f.code == code)
        .map(|f| f.message)
        .collect()
}
