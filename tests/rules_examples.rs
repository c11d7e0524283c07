//! Every inline example of every built-in rule must behave as it says:
//! text marked `fires = true` triggers the rule, `fires = false` does not.

mod common;

use figcheck::test_examples;

use common::config;

#[test]
fn builtin_rule_examples_pass() {
    let cfg = config();
    let results = test_examples(cfg, "");
    assert!(!results.is_empty());
    let failed: Vec<_> = results.iter().filter(|r| !r.passed()).collect();
    assert!(failed.is_empty(), "failing examples: {failed:#?}");
    // Each rule has at least as many must-not examples as must examples.
    for rule in cfg.rules.iter() {
        let fires = rule.examples.iter().filter(|e| e.fires).count();
        let quiet = rule.examples.len() - fires;
        assert!(
            fires >= 1 && quiet >= fires,
            "{}: {fires} firing, {quiet} quiet examples",
            rule.code
        );
    }
}

/// The README's table of rules is the one `rules::markdown_table` writes
/// from the rule files, between `<!-- rules-table -->` markers. With
/// `FIGCHECK_BLESS=1` the test writes the table into README.md instead of
/// failing (after adding or changing a rule), except under CI.
#[test]
fn readme_rule_table_matches_the_rule_files() {
    let cfg = config();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let marker = "<!-- rules-table -->\n";
    let parts: Vec<&str> = readme.split(marker).collect();
    assert_eq!(
        parts.len(),
        3,
        "README.md needs two `<!-- rules-table -->` lines"
    );
    let table = figcheck::rules::markdown_table(&cfg.rules);
    let bless = std::env::var_os("FIGCHECK_BLESS").is_some() && std::env::var_os("CI").is_none();
    if bless && parts[1] != table {
        let updated = [parts[0], marker, &table, marker, parts[2]].concat();
        std::fs::write(path, updated).unwrap();
        return;
    }
    assert_eq!(
        parts[1], table,
        "README.md's rule table differs from the rule files (run `FIGCHECK_BLESS=1 cargo test --test rules_examples` to rewrite it)"
    );
}
