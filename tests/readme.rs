//! The README's examples are run: every ```text block that starts with a
//! `$ ` command line is a shell session, run with `sh` in a scratch folder
//! (where `fixtures` leads to the crate's fixtures) with the `figcheck`
//! just built first on the `PATH`, and each command's output (standard
//! output and error, as a terminal shows them) must be the lines the README
//! prints after it. Two marks stand for what the README leaves out: a line
//! `...` for any number of lines, and `[..]` for any text within a line.
//! Nothing else is normalised. The README's links and the licence files
//! are checked too.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;

use common::Scratch;

/// One ```text block of the README that is a shell session.
struct Session {
    /// Line of the README where the block starts (1-based).
    line: usize,
    /// Each command (continuation lines joined) with the output it prints.
    steps: Vec<(String, Vec<String>)>,
}

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md is read")
}

/// The sessions of the README: its ```text blocks whose first line is a
/// command (`$ `).
fn sessions(readme: &str) -> Vec<Session> {
    let mut out = Vec::new();
    let mut lines = readme.lines().enumerate();
    while let Some((i, l)) = lines.next() {
        if l.trim_end() != "```text" {
            continue;
        }
        let block: Vec<&str> = lines
            .by_ref()
            .map(|(_, l)| l)
            .take_while(|l| l.trim_end() != "```")
            .collect();
        if !block.first().is_some_and(|l| l.starts_with("$ ")) {
            continue;
        }
        let mut steps: Vec<(String, Vec<String>)> = Vec::new();
        let mut continued = false;
        for l in block {
            if continued {
                let cmd = &mut steps.last_mut().expect("a command").0;
                cmd.push('\n');
                cmd.push_str(l);
                continued = l.ends_with('\\');
            } else if let Some(cmd) = l.strip_prefix("$ ") {
                steps.push((cmd.to_string(), Vec::new()));
                continued = l.ends_with('\\');
            } else {
                steps.last_mut().expect("a command").1.push(l.to_string());
            }
        }
        out.push(Session { line: i + 1, steps });
    }
    out
}

/// True when `line` is `pattern`, where `[..]` stands for any text.
fn line_matches(pattern: &str, line: &str) -> bool {
    let mut parts = pattern.split("[..]");
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = line.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    for (i, p) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            return rest.ends_with(p);
        }
        match rest.find(p) {
            Some(k) => rest = &rest[k + p.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

/// True when `lines` are `expected`, where a line `...` stands for any
/// number of lines.
fn lines_match(expected: &[String], lines: &[&str]) -> bool {
    match expected.split_first() {
        None => lines.is_empty(),
        Some((e, rest)) if e == "..." => (0..=lines.len()).any(|k| lines_match(rest, &lines[k..])),
        Some((e, rest)) => lines
            .split_first()
            .is_some_and(|(l, ls)| line_matches(e, l) && lines_match(rest, ls)),
    }
}

const SEPARATOR: &str = "@@ figcheck README step @@";

/// Runs a session's commands in one shell, in a scratch folder, and returns
/// each command's output.
fn run(session: &Session) -> Vec<String> {
    let dir = Scratch::new(&format!("readme-{}", session.line));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::os::unix::fs::symlink(root.join("fixtures"), dir.join("fixtures"))
        .expect("the fixtures are linked");
    let mut script = String::from("exec 2>&1\n");
    for (cmd, _) in &session.steps {
        script.push_str(cmd);
        // The separator keeps the command's exit status for `echo $?`.
        script.push_str(&format!(
            "\n__rc=$?; printf '%s\\n' '{SEPARATOR}'; (exit $__rc)\n"
        ));
    }
    let bin = Path::new(env!("CARGO_BIN_EXE_figcheck"));
    let path = format!(
        "{}:{}",
        bin.parent().expect("the binary's folder").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .current_dir(&dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .output()
        .expect("sh runs");
    let all = String::from_utf8(out.stdout).expect("UTF-8 output");
    let mut outputs: Vec<String> = all
        .split(&format!("{SEPARATOR}\n"))
        .map(str::to_string)
        .collect();
    outputs.pop();
    outputs
}

#[test]
fn readme_examples_print_what_the_readme_shows() {
    let text = readme();
    let sessions = sessions(&text);
    assert!(
        sessions.len() >= 7,
        "the README's examples are found ({})",
        sessions.len()
    );
    let mut failures = Vec::new();
    for s in &sessions {
        let outputs = run(s);
        assert_eq!(
            outputs.len(),
            s.steps.len(),
            "README.md:{}: every command ran",
            s.line
        );
        for ((cmd, expected), got) in s.steps.iter().zip(&outputs) {
            let lines: Vec<&str> = got.lines().collect();
            if !lines_match(expected, &lines) {
                failures.push(format!(
                    "README.md:{}: `$ {cmd}` printed:\n{got}\nand the README shows:\n{}\n",
                    s.line,
                    expected.join("\n")
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_matching_marks() {
    assert!(line_matches("a [..] c", "a b c"));
    assert!(line_matches("a[..]", "abc"));
    assert!(line_matches("[..]c", "abc"));
    assert!(!line_matches("a [..] c", "a b d"));
    assert!(!line_matches("abc", "abcd"));
    let e: Vec<String> = ["x", "...", "z"].map(String::from).to_vec();
    assert!(lines_match(&e, &["x", "z"]));
    assert!(lines_match(&e, &["x", "y", "y", "z"]));
    assert!(!lines_match(&e, &["x", "y"]));
}

#[test]
fn readme_names_no_made_up_address_and_the_licences_exist() {
    let text = readme();
    for fake in ["OWNER", "example.org/your", "rev: v0.1.0"] {
        assert!(!text.contains(fake), "README.md names `{fake}`");
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    assert!(manifest.contains("license = \"MIT OR Apache-2.0\""));
    let mit = std::fs::read_to_string(root.join("LICENSE-MIT")).expect("LICENSE-MIT");
    assert!(mit.contains("Permission is hereby granted, free of charge"));
    assert!(mit.contains("the figcheck authors"));
    let apache = std::fs::read_to_string(root.join("LICENSE-APACHE")).expect("LICENSE-APACHE");
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0, January 2004"));
}
