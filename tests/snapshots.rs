//! Fixture-driven snapshot tests of the `figcheck` binary, in two shapes so
//! that one edit to a message rewrites one snapshot per topic, not one per
//! topic and format:
//!
//! - **a snapshot per topic, in one format**: every `fixtures/<topic>/`
//!   (marked by its `case.toml`) exercises a group of rules, and its
//!   `check` is kept in the text format (`check_text@<topic>`), its
//!   `extract` in the text listing (`extract_text@<topic>`). The text
//!   diagnostics are the ones a reviewer reads best: each finding shows its
//!   message, the line of the document with the figure underlined, and the
//!   help, so whether the rule is right can be judged from the snapshot
//!   alone; the concise form drops the sentence, and the JSON forms bury it
//!   in offsets. Every `fixtures/diff/<case>/` (marked by its `diff.toml`,
//!   holding `old.*` and `new.*`) is kept as `figcheck diff` text.
//! - **a snapshot per rule, in the same text format**: the findings each
//!   rule gives on its own inline examples (`rules/checks/*.toml`), in
//!   `rule_text@<code>-<name>`, so that a rule's messages can be read in
//!   one place and an edit to one rule rewrites one snapshot.
//! - **a snapshot per format, on one fixture**: the other formats of
//!   `check`, `extract` and `diff` are kept for the one fixture that
//!   exercises most of what they write (see [`CHECK_FORMATS_ON`],
//!   [`EXTRACT_FORMATS_ON`], [`DIFF_FORMATS_ON`]).
//!
//! What must hold between the formats (same findings, same exit code, spans
//! that are the figure's bytes) is still checked on every topic, without
//! snapshots.
//!
//! Snapshot files are named `<command>_<format>@<fixture path>.snap`, as the
//! glob over the fixtures names them, whichever test writes them.

mod common;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use common::{config, figcheck, from_root};
use figcheck::report::Text;
use figcheck::{Checked, Reporter};

/// The topic shown in every `check` format: the only one with findings of
/// all three severities (error, warning, info: the three SARIF levels and
/// GitHub commands), the most related locations, and text GitHub
/// annotations must escape (`%`).
const CHECK_FORMATS_ON: &str = "arithmetic";

/// The topic shown in every `extract` format: the most kinds of figure
/// (eight), and every field of a figure record filled at least once but
/// `repeat`.
const EXTRACT_FORMATS_ON: &str = "malformed";

/// The diff case shown in every `diff` format: figures changed, appeared
/// and moved, findings introduced and fixed.
const DIFF_FORMATS_ON: &str = "seed_edit";

/// The snapshot settings of this file, held with a lock: insta counts a
/// failed assertion against whichever `glob!` is running, in any thread, so
/// the tests that assert snapshots run one at a time for each failure to be
/// reported by its own test.
fn settings() -> (insta::Settings, MutexGuard<'static, ()>) {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let guard = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    (s, guard)
}

/// Runs `f` on every fixture marked by a file matching `pattern` under
/// `fixtures/`, with its folder relative to the crate root; its snapshots
/// are suffixed with the marker's path.
fn each_fixture(pattern: &str, mut f: impl FnMut(&str)) {
    let (s, _guard) = settings();
    s.bind(|| {
        insta::glob!("../fixtures", pattern, |path| f(&folder_of(path)));
    });
}

/// Runs `f` on the one fixture whose marker is `fixtures/<under>/<marker>`,
/// with its folder relative to the crate root; its snapshots are suffixed
/// with `marker`, as [`each_fixture`] names them (the glob leaves out the
/// folder its matches share: `fixtures/` for topics, `fixtures/diff/` for
/// diff cases).
fn one_fixture(under: &str, marker: &str, f: impl FnOnce(&str)) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(under)
        .join(marker);
    assert!(path.is_file(), "no fixture {}", path.display());
    let (mut s, _guard) = settings();
    s.set_input_file(&path);
    s.set_snapshot_suffix(marker);
    s.bind(|| f(&folder_of(&path)));
}

/// The folder of a fixture's marker file, relative to the crate root.
fn folder_of(marker: &Path) -> String {
    from_root(marker.parent().expect("a marker inside its folder"))
}

/// The folders of the fixture topics (those holding a `case.toml`),
/// relative to the crate root, in order.
fn topics() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("case.toml").is_file())
        .map(|p| from_root(&p))
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no fixture topic");
    dirs
}

/// The old and new files of a diff case.
fn old_and_new(dir: &str) -> (String, String) {
    let find = |stem: &str| {
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .find(|n| n.starts_with(&format!("{stem}.")))
            .map(|n| format!("{dir}/{n}"))
            .unwrap()
    };
    (find("old"), find("new"))
}

/// `figcheck extract <dir> --format <format>`, which must succeed.
fn extract(dir: &str, format: &str) -> String {
    let out = figcheck(&["extract", dir, "--format", format]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn check_of_every_topic() {
    each_fixture("*/case.toml", |dir| {
        let text = figcheck(&["check", dir, "--format", "text", "--color", "never"]).stdout;
        insta::assert_snapshot!("check_text", text);
    });
}

/// The findings of every rule on its own inline examples, in the text
/// format: each example that must fire, as the rule alone reports it (a
/// rule about suppressions runs with every rule, as `rules test` runs it).
#[test]
fn each_rule_on_its_examples() {
    let cfg = config();
    let (s, _guard) = settings();
    s.bind(|| {
        for rule in cfg.rules.iter() {
            let mut out = String::new();
            for (i, _) in rule.examples.iter().enumerate().filter(|(_, e)| e.fires) {
                let (corpus, mine) = figcheck::run_example(cfg, rule, i);
                assert!(!mine.is_empty(), "{} example {} fires", rule.code, i + 1);
                out.push_str(&format!("## example {}\n", i + 1));
                out.push_str(&Text { color: false }.render(&Checked {
                    corpus: &corpus,
                    findings: &mine,
                    cfg,
                }));
                out.push('\n');
            }
            insta::assert_snapshot!(format!("rule_text@{}-{}", rule.code, rule.name), out);
        }
    });
}

#[test]
fn extract_of_every_topic() {
    each_fixture("*/case.toml", |dir| {
        let text = extract(dir, "text");
        insta::assert_snapshot!("extract_text", text);
        // Every JSONL line is a JSON object whose span is not empty.
        for line in extract(dir, "jsonl").lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(v["start"].as_u64() < v["end"].as_u64());
        }
    });
}

#[test]
fn diff_of_every_case() {
    each_fixture("diff/*/diff.toml", |dir| {
        let (old, new) = old_and_new(dir);
        let out = figcheck(&["diff", &old, &new]);
        assert_eq!(out.code, 0);
        let text = out.stdout;
        insta::assert_snapshot!("diff_text", text);
        let out = figcheck(&["diff", &old, &new, "--format", "json"]);
        assert_eq!(out.code, 0);
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(v["old"], old.as_str());
    });
}

/// The formats of `check` other than text (kept per topic above).
#[test]
fn check_in_every_format() {
    one_fixture("", &format!("{CHECK_FORMATS_ON}/case.toml"), |dir| {
        let json = figcheck(&["check", dir, "--format", "json"]).stdout;
        insta::assert_snapshot!("check_json", json);
        let concise = figcheck(&["check", dir, "--format", "concise"]).stdout;
        insta::assert_snapshot!("check_concise", concise);
        let jsonl = figcheck(&["check", dir, "--format", "jsonl"]).stdout;
        insta::assert_snapshot!("check_jsonl", jsonl);
        let sarif = figcheck(&["check", dir, "--format", "sarif"]).stdout;
        insta::assert_snapshot!("check_sarif", sarif);
        let github = figcheck(&["check", dir, "--format", "github"]).stdout;
        insta::assert_snapshot!("check_github", github);
        let html = figcheck(&["check", dir, "--format", "html"]).stdout;
        insta::assert_snapshot!("check_html", html);
    });
}

/// The formats of `extract` other than text (kept per topic above).
#[test]
fn extract_in_every_format() {
    one_fixture("", &format!("{EXTRACT_FORMATS_ON}/case.toml"), |dir| {
        let jsonl = extract(dir, "jsonl");
        insta::assert_snapshot!("extract_jsonl", jsonl);
    });
}

/// The formats of `diff` other than text (kept per case above).
#[test]
fn diff_in_every_format() {
    one_fixture("diff", &format!("{DIFF_FORMATS_ON}/diff.toml"), |dir| {
        let (old, new) = old_and_new(dir);
        let json = figcheck(&["diff", &old, &new, "--format", "json"]).stdout;
        insta::assert_snapshot!("diff_json", json);
    });
}

/// On every topic, the formats of `check` report the same findings with
/// the same exit code, and each finding's span is the figure's bytes in
/// its file.
#[test]
fn check_formats_agree_on_every_topic() {
    for dir in topics() {
        let dir = dir.as_str();
        let run = |format: &str| figcheck(&["check", dir, "--format", format]);
        let (json, concise, jsonl, sarif, github, html) = (
            run("json"),
            run("concise"),
            run("jsonl"),
            run("sarif"),
            run("github"),
            run("html"),
        );
        for other in [&concise, &jsonl, &sarif, &github, &html] {
            assert_eq!(
                json.code, other.code,
                "{dir}: the exit code does not depend on the format"
            );
        }

        let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        assert_eq!(v["version"], 1);
        let findings = v["findings"].as_array().unwrap();
        for f in findings {
            // JSONL records are documents without a file of their own.
            let doc = f["doc"].as_str().unwrap();
            if !Path::new(doc).is_file() {
                continue;
            }
            let file = std::fs::read(doc).unwrap();
            let (s, e) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            let raw = String::from_utf8_lossy(&file[s..e]).to_string();
            let text = f["text"].as_str().unwrap();
            assert!(
                raw == text || raw.contains('&') || raw.contains('<'),
                "{raw:?} is not {text:?}"
            );
        }

        assert_eq!(concise.stdout.lines().count(), findings.len(), "{dir}");

        let lines: Vec<serde_json::Value> = jsonl
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(
            &lines, findings,
            "{dir}: JSONL holds the findings of the JSON report"
        );

        let log: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
        assert_eq!(
            log["runs"][0]["results"].as_array().unwrap().len(),
            findings.len(),
            "{dir}"
        );

        assert_eq!(github.stdout.lines().count(), findings.len(), "{dir}");

        // The page lists every finding once, flags it once in the text, and
        // marks every figure.
        let html = &html.stdout;
        assert_eq!(
            html.matches("<li class=\"finding ").count(),
            findings.len(),
            "{dir}"
        );
        assert_eq!(
            html.matches("<a class=\"flag ").count(),
            findings.len(),
            "{dir}"
        );
        assert_eq!(
            html.matches("<span class=\"fig k-").count() as u64,
            v["summary"]["figures"].as_u64().unwrap(),
            "{dir}"
        );
        assert!(github.stdout.lines().all(|l| l.starts_with("::")), "{dir}");
    }
}
