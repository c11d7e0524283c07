//! Command-line interface: arguments (clap), reading inputs and rule
//! folders from disk, choosing a reporter.

mod inputs;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

use figcheck::config::Config;
use figcheck::input::Lang;
use figcheck::report;
use figcheck::rules::{self, Selection, Severity};

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

#[derive(Args, Clone)]
struct InputArgs {
    /// Files or folders to read; standard input when none is given.
    paths: Vec<PathBuf>,
    /// How to read inputs: `jsonl` takes one {"id", "text", "lang"} object
    /// per line; `auto` uses JSONL for .jsonl files.
    #[arg(long, value_enum, default_value_t = InputMode::Auto)]
    input: InputMode,
    /// The language of the inputs; `auto` detects it per document.
    #[arg(long, default_value = "auto", value_parser = parse_lang)]
    lang: Lang,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// A sources manifest (TOML: path or id → outlet, date, url, lang);
    /// default: `sources.toml` beside the inputs, when there is one.
    #[arg(long, value_name = "FILE")]
    sources: Option<PathBuf>,
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
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// Exit with 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Rules to run, by code or prefix (comma-separated); default: all enabled.
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Rules not to run, by code or prefix (comma-separated).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Colour in the text report.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
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

#[derive(Args)]
struct ClaimsArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum InputMode {
    Auto,
    Text,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
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

fn check(a: CheckArgs) -> Result<ExitCode> {
    set_threads(a.input.threads)?;
    let cfg = load_config(&a.config)?;
    let docs = inputs::read(
        &a.input.paths,
        a.input.input == InputMode::Jsonl,
        a.input.input == InputMode::Text,
        a.input.lang,
        a.input.sources.as_deref(),
    )?;
    let sel = Selection {
        select: a.select,
        ignore: a.ignore,
    };
    for r in sel.select.iter().chain(&sel.ignore) {
        if r != "ALL" && !cfg.rules.iter().any(|d| d.code.starts_with(r.as_str())) {
            bail!("no rule code starts with `{r}` (see `figcheck rules list`)");
        }
    }
    for n in docs.iter().flat_map(|d| &d.notices) {
        eprintln!("warning: {}: {}", n.doc, n.message);
    }
    let (corpus, findings) = figcheck::analyze(docs, &cfg, &sel);
    let color = match a.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let out = match a.format {
        CheckFormat::Text => report::text::check_report(&corpus, &findings, color),
        CheckFormat::Json => report::json::check_report(&corpus, &findings),
    };
    write_out(&out)?;
    let threshold = match a.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let fail = threshold.is_some_and(|t| findings.iter().any(|f| f.severity >= t));
    Ok(ExitCode::from(if fail { 1 } else { 0 }))
}

fn extract(a: ExtractArgs) -> Result<ExitCode> {
    set_threads(a.input.threads)?;
    let cfg = load_config(&a.config)?;
    let docs = inputs::read(
        &a.input.paths,
        a.input.input == InputMode::Jsonl,
        a.input.input == InputMode::Text,
        a.input.lang,
        a.input.sources.as_deref(),
    )?;
    for n in docs.iter().flat_map(|d| &d.notices) {
        eprintln!("warning: {}: {}", n.doc, n.message);
    }
    let corpus = figcheck::build_corpus(docs, &cfg);
    let out = match a.format {
        ExtractFormat::Text => report::text::figures_table(&corpus, &cfg),
        ExtractFormat::Json => report::json::figures_json(&corpus, &cfg),
        ExtractFormat::Jsonl => report::json::figures_jsonl(&corpus, &cfg),
    };
    write_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn claims(a: ClaimsArgs) -> Result<ExitCode> {
    set_threads(a.input.threads)?;
    let cfg = load_config(&a.config)?;
    let docs = inputs::read(
        &a.input.paths,
        a.input.input == InputMode::Jsonl,
        a.input.input == InputMode::Text,
        a.input.lang,
        a.input.sources.as_deref(),
    )?;
    let corpus = figcheck::build_corpus(docs, &cfg);
    write_out(&report::text::claims_matrix(&corpus, &cfg))?;
    Ok(ExitCode::SUCCESS)
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
