//! Every inline example of every built-in rule must behave as it says:
//! text marked `fires = true` triggers the rule, `fires = false` does not.

use figcheck::config::Config;
use figcheck::test_examples;

#[test]
fn builtin_rule_examples_pass() {
    let cfg = Config::builtin().unwrap();
    let results = test_examples(&cfg, "");
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
/// from the rule files, between `<!-- rules-table -->` markers.
#[test]
fn readme_rule_table_matches_the_rule_files() {
    let cfg = Config::builtin().unwrap();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let marker = "<!-- rules-table -->\n";
    let parts: Vec<&str> = readme.split(marker).collect();
    assert_eq!(
        parts.len(),
        3,
        "README.md needs two `<!-- rules-table -->` lines"
    );
    assert_eq!(
        parts[1],
        figcheck::rules::markdown_table(&cfg.rules),
        "README.md's rule table differs from the rule files"
    );
}
