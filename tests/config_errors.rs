//! Every configuration error names the file, line and column and says what
//! was expected; the messages are snapshots, so that their wording stays
//! clear. Through the binary: exit code 2 and nothing run.

mod common;

use figcheck::config::Config;

use common::{figcheck_in, Scratch};

/// The error of loading `text` as the user file `name` on top of the
/// built-in files.
fn error_of(name: &str, text: &str) -> String {
    match Config::with_files([(name.to_string(), text.to_string())]) {
        Ok(_) => panic!("{name} loaded"),
        Err(e) => e.to_string(),
    }
}

const CASES: &[(&str, &str, &str)] = &[
    ("malformed_toml", "broken.toml", "[[rule]]\ncode = \"FC900\nname = \"x\"\n"),
    ("not_a_table", "broken.toml", "lang = \"fr\"\n[cardinals\n"),
    ("unknown_lexicon_field", "fr.toml", "lang = \"fr\"\ncardinalz = {}\n"),
    ("unknown_rule_field", "rules.toml", "[[rule]]\ncode = \"FC101\"\nseverty = \"warning\"\n"),
    ("unknown_meaning_field", "meaning.toml", "[measure.hostages]\npeople = true\nwordz = [\"otage\"]\n"),
    ("unknown_unit_field", "units.toml", "[[unit]]\nid = \"XYZ\"\nkind = \"money\"\nsymbol = [\"x\"]\n"),
    ("bad_decimal", "qualifiers.toml", "[qualifier.about]\nlow = \"0,9x\"\nhigh = \"1.1\"\n"),
    ("decimal_not_a_string", "qualifiers.toml", "[qualifier.about]\nlow = 0.9\nhigh = \"1.1\"\n"),
    ("qualifier_shape", "qualifiers.toml", "[qualifier.roughly]\nlow = \"0.9\"\n"),
    ("bad_bound", "qualifiers.toml", "[qualifier.over]\nbound = \"above\"\n"),
    ("rule_defined_twice", "rules.toml", "[[rule]]\ncode = \"FC101\"\nenabled = false\n\n[[rule]]\ncode = \"FC101\"\nseverity = \"info\"\n"),
    ("unknown_check", "rules.toml", "[[rule]]\ncode = \"FC900\"\nname = \"x\"\nseverity = \"error\"\ncheck = \"regex\"\nsummary = \"x\"\n"),
    ("unknown_severity", "rules.toml", "[[rule]]\ncode = \"FC101\"\nseverity = \"fatal\"\n"),
    ("new_rule_incomplete", "rules.toml", "[[rule]]\ncode = \"FC900\"\nname = \"x\"\nseverity = \"error\"\n"),
    ("unknown_unit_kind", "units.toml", "[[unit]]\nid = \"XYZ\"\nkind = \"weight\"\n"),
    ("unknown_qualifier_named", "fr.toml", "lang = \"fr\"\n[qualifiers]\n\"grosso modo\" = \"roughly\"\n"),
    ("not_a_figcheck_file", "other.toml", "[package]\nname = \"x\"\n"),
    ("misspelt_parameter", "rules.toml", "[[rule]]\ncode = \"FC201\"\n[rule.params]\ntolerence = \"0.1\"\n"),
    ("malformed_parameter", "rules.toml", "[[rule]]\ncode = \"FC201\"\n[rule.params]\ntolerance = \"abc\"\n"),
    ("parameter_of_wrong_type", "rules.toml", "[[rule]]\ncode = \"FC102\"\n[rule.params]\nskip_after = \"type\"\n"),
    ("rule_renamed", "rules.toml", "[[rule]]\ncode = \"FC403\"\nname = \"future-date\"\n"),
];

#[test]
fn configuration_errors_are_located_and_say_what_was_expected() {
    let mut all = String::new();
    for (case, name, text) in CASES {
        let err = error_of(name, text);
        assert!(
            err.starts_with(&format!("{name}:")),
            "{case}: no file in {err}"
        );
        let loc: Vec<&str> = err.splitn(4, ':').collect();
        assert!(
            loc.len() == 4 && loc[1].parse::<usize>().is_ok() && loc[2].parse::<usize>().is_ok(),
            "{case}: no line and column in {err}"
        );
        all.push_str(&format!("## {case}\n{text}--\n{err}\n\n"));
    }
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!("config_errors", all);
    });
}

#[test]
fn a_configuration_error_exits_2_and_runs_nothing() {
    let dir = Scratch::new("config");
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    std::fs::write(dir.join("a.txt"), "Environ 2.500 XNUMX soldats.").unwrap();
    for (case, name, text) in CASES {
        std::fs::write(dir.join("rules").join(name), text).unwrap();
        for args in [
            &[
                "check",
                "a.txt",
                "--rules",
                "rules",
                "--snapshot",
                "snap.txt",
            ][..],
            &[
                "baseline",
                "write",
                "base.json",
                "a.txt",
                "--rules",
                "rules",
            ],
            &["extract", "a.txt", "--rules", "rules"],
            &["rules", "--rules", "rules", "list"],
        ] {
            let out = figcheck_in(&dir, args, b"");
            let stderr = out.stderr;
            assert_eq!(out.code, 2, "{case} {args:?}: {stderr}");
            assert!(out.stdout.is_empty(), "{case} {args:?}: output written");
            assert!(
                stderr.starts_with(&format!("error: rules/{name}:")),
                "{case} {args:?}: {stderr}"
            );
            assert!(!dir.join("snap.txt").exists() && !dir.join("base.json").exists());
        }
        std::fs::remove_file(dir.join("rules").join(name)).unwrap();
    }
}

/// Built-in rule files are read by the same code as the user's: the text of
/// a built-in file with a misspelt parameter fails at that parameter.
#[test]
fn a_bad_parameter_in_a_builtin_file_is_located() {
    let name = "rules/checks/FC201-source-conflict.toml";
    let text = std::fs::read_to_string(format!("{}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("tolerance = "))
        .unwrap()
        + 1;
    let bad = text.replace("tolerance = \"0.02\"", "tolerence = \"0.02\"");
    let err = error_of(name, &bad);
    assert!(err.starts_with(&format!("{name}:{line}:1: ")), "{err}");
    assert!(err.contains("unknown field `tolerence`"), "{err}");
}
