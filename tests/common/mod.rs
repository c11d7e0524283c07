//! Helpers shared by the integration tests; a test file takes them with
//! `mod common;`. Two ways into figcheck:
//!
//! - the library: the built-in configuration (loaded once), the figures of a
//!   literal text, documents, and a whole run with every rule;
//! - the binary: `figcheck` run with arguments, in the crate root or in a
//!   given folder, its output captured and checked not to have panicked.
//!
//! Each test crate uses only some of these, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use figcheck::claims::Corpus;
use figcheck::config::Config;
use figcheck::extract::extract;
use figcheck::input::Document;
use figcheck::model::{Figure, Lang};
use figcheck::rules::{Finding, Selection};

/// The built-in configuration (`rules/`), loaded once per test binary.
pub fn config() -> &'static Config {
    static CFG: OnceLock<Config> = OnceLock::new();
    CFG.get_or_init(|| Config::builtin().expect("the built-in rules load"))
}

/// The figures of `text` read in `lang` with the built-in lexicon.
pub fn figures(text: &str, lang: Lang) -> Vec<Figure> {
    extract(text, lang, &config().lexicon)
}

/// A document named `name` holding `text`, in `lang`.
pub fn doc(name: &str, text: &str, lang: Lang) -> Document {
    Document::new(name, text, Some(lang))
}

/// The claims and findings of `docs` with the built-in configuration and
/// every rule.
pub fn analyze(docs: Vec<Document>) -> (Corpus, Vec<Finding>) {
    figcheck::analyze(docs, config(), &Selection::default())
}

/// What a run of the binary gave.
#[derive(Debug)]
pub struct Out {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// Runs the `figcheck` binary in `dir` with `args` and `stdin`, without
/// colour; fails the test if it panicked or wrote other than UTF-8.
pub fn figcheck_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Out {
    let mut child = Command::new(env!("CARGO_BIN_EXE_figcheck"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("figcheck runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin)
        .expect("stdin is written");
    let out = child.wait_with_output().expect("figcheck ends");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8 on standard error");
    assert!(!stderr.contains("panicked"), "figcheck panicked: {stderr}");
    Out {
        stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
        stderr,
        code: out.status.code().unwrap_or(-1),
    }
}

/// Runs the `figcheck` binary in the crate root (so that paths such as
/// `fixtures/seeds` resolve) with `args` and empty standard input.
pub fn figcheck(args: &[&str]) -> Out {
    figcheck_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, b"")
}

/// `path` relative to the crate root, with `/` separators, as figcheck
/// prints it when run there.
pub fn from_root(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .expect("a path inside the crate")
        .to_string_lossy()
        .replace('\\', "/")
}
