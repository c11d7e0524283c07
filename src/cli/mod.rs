//! Command-line interface: arguments (clap), reading inputs and rule
//! folders from disk, choosing a reporter.

mod inputs;
mod snapshot;
mod stream;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

use figcheck::claims::Corpus;
use figcheck::config::Config;
use figcheck::input::{Document, Format, Lang};
use figcheck::report::{self, baseline::Baseline};
use figcheck::rules::{self, Finding, Selection, Severity};

#[derive(Parser)]
#[command(
    name = "figcheck",
    version,
    about = "Checks the figures in news text (French and English)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract figures, run the rules and print the findings (the main job).
    Check(CheckArgs),
    /// Print every figure found, with its value, interval, kind and meaning.
    Extract(ExtractArgs),
    /// Print the claims grouped by key across sources: a matrix of who says
    /// what about each quantity.
    Claims(ClaimsArgs),
    /// Compare two versions of an article: figures changed, appeared,
    /// disappeared or moved, and the findings the new version introduces
    /// or fixes.
    Diff(DiffArgs),
    /// Record the current findings, so that `check --baseline FILE`
    /// reports only new ones.
    Baseline {
        #[command(subcommand)]
        command: BaselineCommand,
    },
    /// List, explain and test the rules.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
        #[command(flatten)]
        config: ConfigArgs,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// List the rules with their code, severity and summary.
    List,
    /// Explain what a rule does, why it matters, and show an example.
    Explain { code: String },
    /// Run the inline examples of the rules (all, or codes with a prefix).
    Test { prefix: Option<String> },
}

#[derive(Subcommand)]
enum BaselineCommand {
    /// Write the fingerprints of the current findings to FILE.
    Write {
        /// The baseline file to write (JSON).
        file: PathBuf,
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        config: ConfigArgs,
        #[command(flatten)]
        selection: SelectionArgs,
    },
}

#[derive(Args)]
struct ClaimsArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(Args, Clone)]
struct InputArgs {
    /// Files or folders to read; standard input when none is given.
    paths: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// A sources manifest (TOML: path or id → outlet, date, url, lang);
    /// default: `sources.toml` beside the inputs, when there is one.
    #[arg(long, value_name = "FILE")]
    sources: Option<PathBuf>,
}

impl InputArgs {
    /// The documents of the inputs, with their sources manifest applied,
    /// and how many inputs could not be read.
    fn documents(&self) -> Result<inputs::Inputs> {
        let mut read = inputs::read(
            &self.paths,
            self.read.format(),
            self.read.lang,
            self.read.max_doc_size,
        )?;
        inputs::Manifests::load(&self.paths, self.sources.as_deref(), self.read.lang)?
            .apply(&mut read.docs);
        Ok(read)
    }
}

#[derive(Args, Clone)]
struct ReadArgs {
    /// How to read inputs: `auto` goes by extension (.md, .html, .jsonl;
    /// anything else is plain text); `jsonl` takes one {"id", "text",
    /// "lang"} object per line.
    #[arg(long, value_enum, default_value_t = InputMode::Auto)]
    input: InputMode,
    /// The language of the inputs; `auto` detects it per document.
    #[arg(long, default_value = "auto", value_parser = parse_lang)]
    lang: Lang,
    /// The largest document read, in bytes or with K, M, G (1024-based);
    /// a larger one is not read, reported, and the run exits with 2. For
    /// JSONL, the limit applies to each record's text.
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = inputs::parse_size)]
    max_doc_size: u64,
}

impl ReadArgs {
    fn format(&self) -> Option<Format> {
        match self.input {
            InputMode::Auto => None,
            InputMode::Text => Some(Format::Text),
            InputMode::Markdown => Some(Format::Markdown),
            InputMode::Html => Some(Format::Html),
            InputMode::Jsonl => Some(Format::Jsonl),
        }
    }
}

#[derive(Args, Clone)]
struct SelectionArgs {
    /// Rules to run, by code or prefix (comma-separated); default: all enabled.
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Rules not to run, by code or prefix (comma-separated).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
}

impl SelectionArgs {
    fn selection(&self, cfg: &Config) -> Result<Selection> {
        for r in self.select.iter().chain(&self.ignore) {
            if r != "ALL" && !cfg.rules.iter().any(|d| d.code.starts_with(r.as_str())) {
                bail!("no rule code starts with `{r}` (see `figcheck rules list`)");
            }
        }
        Ok(Selection {
            select: self.select.clone(),
            ignore: self.ignore.clone(),
        })
    }
}

#[derive(Args, Clone)]
struct ConfigArgs {
    /// A folder of rule and lexicon TOML files added to the built-in ones
    /// (repeatable). A `rules/` folder in the working directory is not read
    /// unless named here.
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    config: ConfigArgs,
    #[command(flatten)]
    selection: SelectionArgs,
    /// The report: `text` (diagnostics with the source), `concise` (one
    /// line per finding), `json`, `jsonl` (one finding per line), `sarif`
    /// (SARIF 2.1.0), `github` (GitHub Actions annotations).
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// Exit with 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Colour in the text report.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Compare the report (in --format, without colour) with FILE: exit 0
    /// when it is the same, print a diff and exit 1 when not. A missing
    /// FILE is written, unless the CI environment variable is set.
    #[arg(long, value_name = "FILE")]
    snapshot: Option<PathBuf>,
    /// With --snapshot: rewrite FILE with the current report.
    #[arg(long, requires = "snapshot")]
    update_snapshot: bool,
    /// Report only findings that FILE (written by `figcheck baseline
    /// write`) does not hold, and list its entries that no longer match.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

#[derive(Args)]
struct DiffArgs {
    /// The earlier version (draft, yesterday's).
    old: PathBuf,
    /// The later version.
    new: PathBuf,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    config: ConfigArgs,
    #[command(flatten)]
    selection: SelectionArgs,
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    format: DiffFormat,
    /// Exit with 1 when the new version introduces a finding of at least
    /// this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Never)]
    fail_on: FailOn,
}

#[derive(Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    config: ConfigArgs,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    format: ExtractFormat,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum InputMode {
    Auto,
    Text,
    Markdown,
    Html,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum CheckFormat {
    Text,
    Concise,
    Json,
    Jsonl,
    Sarif,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn parse_lang(s: &str) -> std::result::Result<Lang, String> {
    s.parse()
}

pub fn run() -> Result<ExitCode> {
    snapshot::exit_cleanly_on_interrupt();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return Ok(ExitCode::from(code));
        }
    };
    match cli.command {
        Command::Check(a) => check(a),
        Command::Extract(a) => extract(a),
        Command::Claims(a) => claims(a),
        Command::Diff(a) => diff(a),
        Command::Baseline {
            command:
                BaselineCommand::Write {
                    file,
                    input,
                    config,
                    selection,
                },
        } => baseline_write(&file, &input, &config, &selection),
        Command::Rules { command, config } => rules_cmd(command, &config),
    }
}

fn load_config(a: &ConfigArgs) -> Result<Config> {
    let mut files = Vec::new();
    for dir in &a.rules {
        files.extend(inputs::rule_files(dir)?);
    }
    Ok(Config::with_files(files)?)
}

fn set_threads(n: Option<usize>) -> Result<()> {
    if let Some(n) = n {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot set the number of threads")?;
    }
    Ok(())
}

fn write_out(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`figcheck ... | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e.into()),
    }
}

fn threshold(f: FailOn) -> Option<Severity> {
    match f {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}

fn print_notices(docs: &[Document]) {
    for d in docs {
        for n in &d.notices {
            eprintln!("warning: {n}");
        }
        if d.lang.is_other() {
            eprintln!("note: {}: written in a language figcheck has no data for ({}): its figures are read without separator conventions and not checked for them", d.id, d.lang);
        }
    }
}

/// What a run over the inputs gave.
struct Run {
    cfg: Config,
    corpus: Corpus,
    findings: Vec<Finding>,
    /// Inputs that could not be read (already reported).
    failed: usize,
}

/// Reads the inputs and runs the rules: the common part of `check` and
/// `baseline write`.
fn run_rules(input: &InputArgs, config: &ConfigArgs, selection: &SelectionArgs) -> Result<Run> {
    set_threads(input.threads)?;
    let cfg = load_config(config)?;
    let sel = selection.selection(&cfg)?;
    let read = input.documents()?;
    print_notices(&read.docs);
    let bar = progress_bar(read.docs.len());
    let (corpus, findings) = figcheck::analyze_with(read.docs, &cfg, &sel, &|| bar.inc(1));
    bar.finish_and_clear();
    Ok(Run {
        cfg,
        corpus,
        findings,
        failed: read.failed,
    })
}

/// The message closing a run where some inputs could not be read.
fn unread(failed: usize) -> String {
    format!("{failed} input(s) could not be read (see above)")
}

/// Documents from which a run shows a progress bar.
const PROGRESS_FROM: usize = 50;

/// A progress bar on standard error for long runs on a terminal; hidden
/// when standard error is not a terminal or the run is short.
fn progress_bar(documents: usize) -> indicatif::ProgressBar {
    if documents < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(documents as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} reading figures {bar:30} {pos}/{len} documents ({eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

fn read_baseline(file: &std::path::Path) -> Result<Baseline> {
    let name = inputs::display_name(file);
    let text =
        std::fs::read_to_string(file).with_context(|| format!("{name}: cannot read baseline"))?;
    Ok(Baseline::parse(&name, &text)?)
}

fn check(a: CheckArgs) -> Result<ExitCode> {
    // Read the baseline first: a missing one is a usage error, before any work.
    let base = a.baseline.as_deref().map(read_baseline).transpose()?;
    let Run {
        cfg,
        corpus,
        mut findings,
        failed,
    } = run_rules(&a.input, &a.config, &a.selection)?;
    if let Some(b) = &base {
        let (new, stale) = b.apply(&corpus, findings);
        findings = new;
        for e in &stale {
            eprintln!("note: baseline entry no longer matches: {e}");
        }
    }
    let color = a.snapshot.is_none()
        && match a.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
    let out = match a.format {
        CheckFormat::Text => report::text::check_report(&corpus, &findings, color),
        CheckFormat::Concise => report::concise::check_report(&corpus, &findings),
        CheckFormat::Json => report::json::check_report(&corpus, &findings),
        CheckFormat::Jsonl => report::json::check_jsonl(&corpus, &findings),
        CheckFormat::Sarif => report::sarif::check_report(&corpus, &findings, &cfg),
        CheckFormat::Github => report::github::check_report(&corpus, &findings),
    };
    if let Some(file) = &a.snapshot {
        let name = inputs::display_name(file);
        if failed > 0 {
            // A report without some inputs must not become the snapshot.
            bail!(
                "{}: snapshot {name} not compared or written",
                unread(failed)
            );
        }
        return Ok(match snapshot::compare(file, &out, a.update_snapshot)? {
            snapshot::Outcome::Same => ExitCode::SUCCESS,
            snapshot::Outcome::Written => {
                eprintln!("snapshot {name} written ({} findings)", findings.len());
                ExitCode::SUCCESS
            }
            snapshot::Outcome::Updated => {
                eprintln!("snapshot {name} updated ({} findings)", findings.len());
                ExitCode::SUCCESS
            }
            snapshot::Outcome::Differs(diff) => {
                write_out(&diff)?;
                eprintln!(
                    "snapshot {name} differs from the current report (lines - are in the snapshot, + in the report); accept it with --update-snapshot"
                );
                ExitCode::from(1)
            }
            snapshot::Outcome::MissingInCi => {
                eprintln!(
                    "error: snapshot {name} is missing and CI is set: write it with `figcheck check --snapshot {name}` and commit it"
                );
                ExitCode::from(1)
            }
        });
    }
    write_out(&out)?;
    if failed > 0 {
        eprintln!("error: {}; the other inputs were checked", unread(failed));
        return Ok(ExitCode::from(2));
    }
    let fail = threshold(a.fail_on).is_some_and(|t| findings.iter().any(|f| f.severity >= t));
    Ok(ExitCode::from(if fail { 1 } else { 0 }))
}

fn baseline_write(
    file: &std::path::Path,
    input: &InputArgs,
    config: &ConfigArgs,
    selection: &SelectionArgs,
) -> Result<ExitCode> {
    let Run {
        corpus,
        findings,
        failed,
        ..
    } = run_rules(input, config, selection)?;
    if failed > 0 {
        bail!("{}: baseline not written", unread(failed));
    }
    let b = Baseline::of(&corpus, &findings);
    snapshot::write_atomic(file, &b.to_json())?;
    eprintln!(
        "baseline {} written ({} findings)",
        inputs::display_name(file),
        b.entries.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn diff(a: DiffArgs) -> Result<ExitCode> {
    let cfg = load_config(&a.config)?;
    let sel = a.selection.selection(&cfg)?;
    let read_one = |p: &PathBuf| -> Result<Document> {
        let read = inputs::read(
            std::slice::from_ref(p),
            a.read.format(),
            a.read.lang,
            a.read.max_doc_size,
        )?;
        if read.failed > 0 {
            bail!("{}: cannot compare it", inputs::display_name(p));
        }
        let mut docs = read.docs;
        print_notices(&docs);
        if docs.len() != 1 {
            bail!(
                "{}: `diff` compares two documents, and this holds {}",
                inputs::display_name(p),
                docs.len()
            );
        }
        Ok(docs.remove(0))
    };
    let old = read_one(&a.old)?;
    let new = read_one(&a.new)?;
    let d = report::diff::compare(old, new, &cfg, &sel);
    let out = match a.format {
        DiffFormat::Text => report::diff::text_report(&d),
        DiffFormat::Json => report::diff::json_report(&d),
    };
    write_out(&out)?;
    let fail = threshold(a.fail_on).is_some_and(|t| d.introduced.iter().any(|f| f.severity >= t));
    Ok(ExitCode::from(if fail { 1 } else { 0 }))
}

/// Documents per batch of a streamed `extract`, and bytes of text.
const BATCH_DOCS: usize = 512;
const BATCH_BYTES: usize = 8 << 20;

fn extract(a: ExtractArgs) -> Result<ExitCode> {
    set_threads(a.input.threads)?;
    let cfg = load_config(&a.config)?;
    if let ExtractFormat::Json = a.format {
        // One JSON document: built whole.
        let read = a.input.documents()?;
        print_notices(&read.docs);
        let corpus = figcheck::build_corpus(read.docs, &cfg);
        write_out(&report::json::figures_json(&corpus, &cfg))?;
        return Ok(exit_after(read.failed));
    }
    // Text and JSONL stream: documents are read, extracted and written in
    // batches, so memory does not grow with the input.
    let i = &a.input;
    let manifests = inputs::Manifests::load(&i.paths, i.sources.as_deref(), i.read.lang)?;
    let mut stream =
        stream::DocStream::new(&i.paths, i.read.format(), i.read.lang, i.read.max_doc_size);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    loop {
        let mut docs = stream.batch(BATCH_DOCS, BATCH_BYTES)?;
        if docs.is_empty() {
            break;
        }
        manifests.apply(&mut docs);
        print_notices(&docs);
        let corpus = figcheck::build_corpus(docs, &cfg);
        let text = match a.format {
            ExtractFormat::Text => report::text::figures_table(&corpus, &cfg),
            _ => report::json::figures_jsonl(&corpus, &cfg),
        };
        match out.write_all(text.as_bytes()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
            Err(e) => return Err(e.into()),
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(exit_after(stream.failed)),
    }
}

fn claims(a: ClaimsArgs) -> Result<ExitCode> {
    set_threads(a.input.threads)?;
    let cfg = load_config(&a.config)?;
    let read = a.input.documents()?;
    print_notices(&read.docs);
    let corpus = figcheck::build_corpus(read.docs, &cfg);
    write_out(&report::text::claims_matrix(&corpus, &cfg))?;
    Ok(exit_after(read.failed))
}

/// Exit 0, or 2 (after saying so) when some inputs could not be read.
fn exit_after(failed: usize) -> ExitCode {
    if failed > 0 {
        eprintln!("error: {}; the other inputs were read", unread(failed));
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn rules_cmd(cmd: RulesCommand, config: &ConfigArgs) -> Result<ExitCode> {
    let cfg = load_config(config)?;
    match cmd {
        RulesCommand::List => {
            let mut out = String::new();
            for r in cfg.rules.iter() {
                out.push_str(&format!(
                    "{} {:<22} {:<8} {}{}\n",
                    r.code,
                    r.name,
                    r.severity.as_str(),
                    r.summary,
                    if r.enabled { "" } else { " (disabled)" }
                ));
            }
            write_out(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Explain { code } => {
            let Some(r) = cfg.rules.get(&code) else {
                bail!("no rule {code} (see `figcheck rules list`)");
            };
            let mut out = format!(
                "{} {} ({}, {})\n\n{}\n\nWhat it catches:\n{}\n\nWhy it matters:\n{}\n\nHelp: {}\n",
                r.code,
                r.name,
                r.severity.as_str(),
                if r.enabled { "enabled" } else { "disabled" },
                r.summary,
                r.description.trim(),
                r.why.trim(),
                r.help
            );
            if let Some(ex) = r.examples.iter().find(|e| e.fires) {
                out.push_str(&format!("\nExample (fires):\n  {}\n", ex.text));
                if let Some(o) = &ex.other {
                    out.push_str(&format!("  other source: {o}\n"));
                }
            }
            if let Some(ex) = r.examples.iter().find(|e| !e.fires) {
                out.push_str(&format!("\nExample (does not fire):\n  {}\n", ex.text));
                if let Some(o) = &ex.other {
                    out.push_str(&format!("  other source: {o}\n"));
                }
            }
            out.push_str(&format!("\nDefined in {}\n", r.file));
            write_out(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Test { prefix } => {
            let results = rules::test_examples(&cfg, prefix.as_deref().unwrap_or(""));
            let mut out = String::new();
            let mut failed = 0;
            for r in &results {
                let status = if r.passed() { "ok" } else { "FAILED" };
                if !r.passed() {
                    failed += 1;
                }
                out.push_str(&format!(
                    "{} example {}: {} (expected {}, {})\n",
                    r.code,
                    r.index + 1,
                    status,
                    if r.expected { "to fire" } else { "not to fire" },
                    if r.fired { "fired" } else { "did not fire" }
                ));
            }
            out.push_str(&format!(
                "{} passed, {} failed\n",
                results.len() - failed,
                failed
            ));
            write_out(&out)?;
            Ok(ExitCode::from(if failed > 0 { 1 } else { 0 }))
        }
    }
}
