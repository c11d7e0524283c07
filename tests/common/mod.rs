//! Helpers shared by the integration tests; a test file takes them with
//! `mod common;`. Two ways into figcheck:
//!
//! - the library: the built-in configuration (loaded once), the figures of a
//!   literal text, documents, and a whole run with every rule;
//! - the binary: `figcheck` run with arguments, in the crate root or in a
//!   given folder, its output captured and checked not to have panicked;
//!   and scratch folders to run it in, removed when the test ends.
//!
//! Each test crate uses only some of these, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::io::Write;
use std::ops::Deref;
use std::path::{Path, PathBuf};
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

/// The decimal written `s`.
pub fn d(s: &str) -> rust_decimal::Decimal {
    s.parse().expect("a decimal")
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

impl Out {
    /// Standard output, standard error and exit code, to take apart in one
    /// `let`.
    pub fn parts(self) -> (String, String, i32) {
        (self.stdout, self.stderr, self.code)
    }
}

/// Runs the `figcheck` binary in `dir` with `args` and `stdin`, without
/// colour; fails the test if it panicked or wrote other than UTF-8.
pub fn figcheck_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Out {
    run(dir, args, stdin, None)
}

/// Runs the `figcheck` binary in `dir` with `args` and empty standard input,
/// as [`figcheck_in`] does, but with the `CI` environment variable set
/// (`ci`) or removed rather than inherited from the test's environment.
pub fn figcheck_ci(dir: &Path, ci: bool, args: &[&str]) -> Out {
    run(dir, args, b"", Some(ci))
}

/// Runs the `figcheck` binary in the crate root with `args` and `stdin` as
/// its standard input.
pub fn figcheck_stdin(args: &[&str], stdin: &str) -> Out {
    figcheck_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        args,
        stdin.as_bytes(),
    )
}

/// Runs the binary; `ci` sets (`Some(true)`) or removes (`Some(false)`) the
/// `CI` environment variable, `None` leaves it as it is.
fn run(dir: &Path, args: &[&str], stdin: &[u8], ci: Option<bool>) -> Out {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_figcheck"));
    cmd.current_dir(dir).args(args).env("NO_COLOR", "1");
    match ci {
        Some(true) => {
            cmd.env("CI", "true");
        }
        Some(false) => {
            cmd.env_remove("CI");
        }
        None => {}
    }
    let mut child = cmd
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

/// A fresh, empty folder for one test in the system's temporary folder,
/// removed with all it holds when dropped. It is named after the test file,
/// `name` and the process id, so that no two tests running at the same time
/// share one, and dereferences to its path.
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!(
            "figcheck-{}-{name}-{}",
            env!("CARGO_CRATE_NAME"),
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("the scratch folder is created");
        Scratch(dir)
    }
}

impl Deref for Scratch {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
