//! The arguments resolved into what a run uses ("high" arguments): the
//! configuration loaded, the rule selection checked against it, the input
//! format, the exit threshold, the colour decided, the baseline read.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use figcheck::config::Config;
use figcheck::input::Format;
use figcheck::report::{self, Baseline};
use figcheck::rules::{Selection, Severity};

use super::args::{
    CheckArgs, Color, ConfigArgs, FailOn, InputArgs, InputMode, ReadArgs, SelectionArgs,
};
use super::{inputs, stream};

impl ConfigArgs {
    /// The built-in configuration with the rule folders added.
    pub fn load(&self) -> Result<Config> {
        let mut files = Vec::new();
        for dir in &self.rules {
            files.extend(inputs::rule_files(dir)?);
        }
        Ok(Config::with_files(files)?)
    }
}

impl SelectionArgs {
    /// The selection, each code or prefix checked against the rules of
    /// `cfg`.
    /// Codes may be written in any case and rules by name (`fc401`,
    /// `parts-total`).
    pub fn selection(&self, cfg: &Config) -> Result<Selection> {
        let resolve = |entries: &[String]| -> Result<Vec<String>> {
            entries
                .iter()
                .map(|e| {
                    let s = cfg.rules.selector(e);
                    if s != "ALL" && !cfg.rules.iter().any(|d| d.code.starts_with(s.as_str())) {
                        bail!("no rule code or name matches `{e}` (see `figcheck rules list`)");
                    }
                    Ok(s)
                })
                .collect()
        };
        Ok(Selection {
            select: resolve(&self.select)?,
            ignore: resolve(&self.ignore)?,
        })
    }
}

impl ReadArgs {
    /// The input format, or `None` to go by each file's extension.
    pub fn format(&self) -> Option<Format> {
        match self.input {
            InputMode::Auto => None,
            InputMode::Text => Some(Format::Text),
            InputMode::Markdown => Some(Format::Markdown),
            InputMode::Html => Some(Format::Html),
            InputMode::Jsonl => Some(Format::Jsonl),
        }
    }
}

impl InputArgs {
    /// The documents of the inputs, with their sources manifest applied,
    /// and how many inputs could not be read.
    pub fn documents(&self) -> Result<inputs::Inputs> {
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

    /// The documents of the inputs as they are read, and their sources
    /// manifests, loaded now, to apply to each batch.
    pub fn stream(&self) -> Result<(stream::DocStream, inputs::Manifests)> {
        let manifests =
            inputs::Manifests::load(&self.paths, self.sources.as_deref(), self.read.lang)?;
        let docs = stream::DocStream::new(
            &self.paths,
            self.read.format(),
            self.read.lang,
            self.read.max_doc_size,
        );
        Ok((docs, manifests))
    }

    /// Sets the number of worker threads, when given.
    pub fn set_threads(&self) -> Result<()> {
        if let Some(n) = self.threads {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build_global()
                .context("cannot set the number of threads")?;
        }
        Ok(())
    }
}

impl FailOn {
    /// The least severity that fails a run, if any does.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

impl Color {
    /// Whether to colour: `auto` colours a terminal unless `NO_COLOR` is
    /// set.
    pub fn enabled(self) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        }
    }
}

/// A report compared with a file instead of printed.
pub struct Snapshot {
    pub file: PathBuf,
    /// Rewrite the file with the report.
    pub update: bool,
}

/// How `check` reports, resolved from its arguments.
pub struct CheckOptions {
    /// Findings it holds are not reported.
    pub baseline: Option<Baseline>,
    pub format: report::Format,
    pub report: report::Options,
    pub fail_on: Option<Severity>,
    pub snapshot: Option<Snapshot>,
}

impl CheckOptions {
    /// Reads the baseline (a missing one is a usage error, before any
    /// work) and decides the colour (never in a snapshot).
    pub fn new(a: &CheckArgs) -> Result<CheckOptions> {
        let baseline = a.baseline.as_deref().map(read_baseline).transpose()?;
        let snapshot = a.snapshot.clone().map(|file| Snapshot {
            file,
            update: a.update_snapshot,
        });
        Ok(CheckOptions {
            baseline,
            format: a.format,
            report: report::Options {
                color: snapshot.is_none() && a.color.enabled(),
            },
            fail_on: a.fail_on.threshold(),
            snapshot,
        })
    }
}

fn read_baseline(file: &Path) -> Result<Baseline> {
    let name = inputs::display_name(file);
    let text =
        std::fs::read_to_string(file).with_context(|| format!("{name}: cannot read baseline"))?;
    Ok(Baseline::parse(&name, &text)?)
}
