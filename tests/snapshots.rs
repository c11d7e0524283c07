//! Fixture-driven snapshot tests: every `fixtures/<case>/` (marked by its
//! `case.toml`) is run through the `figcheck` binary, and each output format
//! is compared with its named snapshot in `snapshots/`. Every
//! `fixtures/diff/<case>/` (marked by its `diff.toml`) holds `old.*` and
//! `new.*`, compared by `figcheck diff` in text and JSON.

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("figcheck runs");
    assert!(
        out.stderr.is_empty() || !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "figcheck panicked: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        out.status.code().unwrap_or(-1),
    )
}

fn case_dir(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.parent()
        .unwrap()
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

#[test]
fn extract_snapshots() {
    settings().bind(|| {
        insta::glob!("../fixtures", "*/case.toml", |path| {
            let dir = case_dir(path);
            let (text, code) = run(&["extract", &dir, "--format", "text"]);
            assert_eq!(code, 0);
            insta::assert_snapshot!("extract_text", text);
            let (jsonl, code) = run(&["extract", &dir, "--format", "jsonl"]);
            assert_eq!(code, 0);
            // Every line is a JSON object whose span slices its text.
            for line in jsonl.lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                assert!(v["start"].as_u64() < v["end"].as_u64());
            }
            insta::assert_snapshot!("extract_jsonl", jsonl);
        });
    });
}

#[test]
fn check_snapshots() {
    settings().bind(|| {
        insta::glob!("../fixtures", "*/case.toml", |path| {
            let dir = case_dir(path);
            let (text, _) = run(&["check", &dir, "--format", "text", "--color", "never"]);
            insta::assert_snapshot!("check_text", text);
            let (json, code) = run(&["check", &dir, "--format", "json"]);
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(v["version"], 1);
            insta::assert_snapshot!("check_json", json);
            let findings = v["findings"].as_array().unwrap();
            // Every finding's span is the figure's bytes in its file.
            for f in findings {
                // JSONL records are documents without a file of their own.
                let doc = f["doc"].as_str().unwrap();
                if !std::path::Path::new(doc).is_file() {
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

            let (concise, code2) = run(&["check", &dir, "--format", "concise"]);
            assert_eq!(code, code2, "the exit code does not depend on the format");
            assert_eq!(concise.lines().count(), findings.len());
            insta::assert_snapshot!("check_concise", concise);

            let (jsonl, _) = run(&["check", &dir, "--format", "jsonl"]);
            let lines: Vec<serde_json::Value> = jsonl
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(
                &lines, findings,
                "JSONL holds the findings of the JSON report"
            );
            insta::assert_snapshot!("check_jsonl", jsonl);

            let (sarif, _) = run(&["check", &dir, "--format", "sarif"]);
            let log: serde_json::Value = serde_json::from_str(&sarif).unwrap();
            assert_eq!(
                log["runs"][0]["results"].as_array().unwrap().len(),
                findings.len()
            );
            insta::assert_snapshot!("check_sarif", sarif);

            let (github, _) = run(&["check", &dir, "--format", "github"]);
            assert_eq!(github.lines().count(), findings.len());
            assert!(github.lines().all(|l| l.starts_with("::")));
            insta::assert_snapshot!("check_github", github);
        });
    });
}

#[test]
fn diff_snapshots() {
    settings().bind(|| {
        insta::glob!("../fixtures", "diff/*/diff.toml", |path| {
            let dir = case_dir(path);
            let find = |stem: &str| {
                std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(&dir))
                    .unwrap()
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .find(|n| n.starts_with(&format!("{stem}.")))
                    .map(|n| format!("{dir}/{n}"))
                    .unwrap()
            };
            let (old, new) = (find("old"), find("new"));
            let (text, code) = run(&["diff", &old, &new]);
            assert_eq!(code, 0);
            insta::assert_snapshot!("diff_text", text);
            let (json, code) = run(&["diff", &old, &new, "--format", "json"]);
            assert_eq!(code, 0);
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(v["old"], old.as_str());
            insta::assert_snapshot!("diff_json", json);
        });
    });
}
