//! The command line as typed: clap's structures, one per subcommand and
//! per group of shared options ("low" arguments). `options` resolves them
//! into what a run uses.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use figcheck::input::Lang;
use figcheck::report::{self, Formats};

use super::inputs;

#[derive(Parser)]
#[command(
    name = "figcheck",
    version,
    about = "Checks the figures in news text (French, English; Spanish figures)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
pub enum RulesCommand {
    /// List the rules with their code, severity and summary.
    List,
    /// Explain what a rule does, why it matters, and show an example.
    Explain {
        /// The rule's code in any case (`fc302`) or its name (`parts-total`).
        code: String,
    },
    /// Run the inline examples of the rules (all, or those of a rule named
    /// by code or name, or of the codes with a prefix, in any case).
    Test { prefix: Option<String> },
}

#[derive(Subcommand)]
pub enum BaselineCommand {
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
pub struct ClaimsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Say why two claims, each given as FILE:LINE:COLUMN (as the table
    /// prints them), were or were not compared by the rules that compare
    /// sources (FC201, FC202, FC203), and what came of it.
    #[arg(long, num_args = 2, value_names = ["CLAIM", "CLAIM"])]
    pub explain: Option<Vec<String>>,
    /// The report.
    #[arg(long, default_value = "text", value_parser = format_parser::<report::ClaimsFormat>())]
    pub format: report::ClaimsFormat,
}

#[derive(Args, Clone)]
pub struct InputArgs {
    /// Files or folders to read; standard input when none is given.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// A sources manifest (TOML: path or id → outlet, date, url, lang);
    /// default: `sources.toml` beside the inputs, when there is one.
    #[arg(long, value_name = "FILE")]
    pub sources: Option<PathBuf>,
}

#[derive(Args, Clone)]
pub struct ReadArgs {
    /// How to read inputs: `auto` goes by extension (.md, .html, .jsonl;
    /// anything else is plain text), and by content for standard input;
    /// `jsonl` takes one {"id", "text", "lang"} object per line.
    #[arg(long, value_enum, default_value_t = InputMode::Auto)]
    pub input: InputMode,
    /// The language of the inputs; `auto` detects it per document.
    #[arg(long, default_value = "auto", value_parser = parse_lang)]
    pub lang: Lang,
    /// The largest document read, in bytes or with K, M, G (1024-based);
    /// a larger one is not read, reported, and the run exits with 2. For
    /// JSONL, the limit applies to each record's text.
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = inputs::parse_size)]
    pub max_doc_size: u64,
}

#[derive(Args, Clone)]
pub struct SelectionArgs {
    /// Rules to run, by code, code prefix or name, in any case
    /// (comma-separated: `FC3,weekday-mismatch`); default: all enabled.
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Rules not to run, by code, code prefix or name (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
}

#[derive(Args, Clone)]
pub struct ConfigArgs {
    /// A folder of rule and lexicon TOML files added to the built-in ones
    /// (repeatable). A `rules/` folder in the working directory is not read
    /// unless named here.
    #[arg(long = "rules", value_name = "DIR", global = true)]
    pub rules: Vec<PathBuf>,
}

#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
    #[command(flatten)]
    pub selection: SelectionArgs,
    /// The report.
    #[arg(long, default_value = "text", value_parser = format_parser::<report::Format>())]
    pub format: report::Format,
    /// Exit with 1 when a finding has at least this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Colour in the text report.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Compare the report (in --format, without colour) with FILE: exit 0
    /// when it is the same, print a diff and exit 1 when not. A missing
    /// FILE is written, unless the CI environment variable is set.
    #[arg(long, value_name = "FILE")]
    pub snapshot: Option<PathBuf>,
    /// Write the report to FILE instead of standard output, atomically
    /// (a temporary file renamed over FILE: never a half-written report).
    #[arg(long, value_name = "FILE", conflicts_with = "snapshot")]
    pub output: Option<PathBuf>,
    /// With --snapshot: rewrite FILE with the current report.
    #[arg(long, requires = "snapshot")]
    pub update_snapshot: bool,
    /// Report only findings that FILE (written by `figcheck baseline
    /// write`) does not hold, and list its entries that no longer match.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
}

#[derive(Args)]
pub struct DiffArgs {
    /// The earlier version (draft, yesterday's).
    pub old: PathBuf,
    /// The later version.
    pub new: PathBuf,
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
    #[command(flatten)]
    pub selection: SelectionArgs,
    #[arg(long, default_value = "text", value_parser = format_parser::<report::DiffFormat>())]
    pub format: report::DiffFormat,
    /// Exit with 1 when the new version introduces a finding of at least
    /// this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Never)]
    pub fail_on: FailOn,
}

#[derive(Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
    #[arg(long, default_value = "text", value_parser = format_parser::<report::FigureFormat>())]
    pub format: report::FigureFormat,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InputMode {
    Auto,
    Text,
    Markdown,
    Html,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

fn parse_lang(s: &str) -> std::result::Result<Lang, String> {
    s.parse()
}

/// The parser of a `--format` option: the names of the library's formats.
fn format_parser<F: Formats + Clone + Send + Sync>() -> impl TypedValueParser<Value = F> {
    let values = F::ALL
        .iter()
        .map(|&(name, _, help)| PossibleValue::new(name).help(help));
    PossibleValuesParser::new(values).map(|name| F::from_name(&name).expect("a format's name"))
}
