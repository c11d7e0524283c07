//! Fixture-driven snapshot tests: every `fixtures/<case>/` (marked by its
//! `case.toml`) is run through the `figcheck` binary, and each output format
//! is compared with its named snapshot in `snapshots/`.

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
            let (json, _) = run(&["check", &dir, "--format", "json"]);
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(v["version"], 1);
            insta::assert_snapshot!("check_json", json);
        });
    });
}
