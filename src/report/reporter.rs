//! The reporter trait and the output formats.
//!
//! A reporter renders one kind of result in one format: [`Checked`] (the
//! findings of `check`), [`Figures`] (the figures of `extract` and
//! `claims`) or a [`VersionDiff`] (`diff`). One trait serves the three,
//! generic over the result, so a format is one struct in its own file
//! implementing [`Reporter`] for the result it renders.
//!
//! Each command's formats form one enum ([`Format`], [`FigureFormat`],
//! [`DiffFormat`]) holding its names on the command line ([`Formats::ALL`])
//! and one `match` that returns its reporter. Reporters write into a
//! [`std::fmt::Write`] given by the caller and never print.

use std::fmt;

use super::diff::{self, VersionDiff};
use super::{concise, figures, github, html, json, jsonl, sarif, text};
use crate::claims::Corpus;
use crate::config::Config;
use crate::rules::Finding;

/// Renders results of type `R` in one output format.
pub trait Reporter<R: ?Sized> {
    /// Writes the report of `result` into `out`.
    fn write(&self, result: &R, out: &mut dyn fmt::Write) -> fmt::Result;

    /// The report of `result` as a string.
    fn render(&self, result: &R) -> String {
        let mut out = String::new();
        self.write(result, &mut out)
            .expect("writing into a String does not fail");
        out
    }
}

/// What `check` reports: the corpus read, the findings of its rules, and
/// the configuration they came from (the rule definitions).
#[derive(Clone, Copy)]
pub struct Checked<'a> {
    pub corpus: &'a Corpus,
    pub findings: &'a [Finding],
    pub cfg: &'a Config,
}

/// What `extract` and `claims` report: the figures of a corpus, named with
/// the configuration's lexicon and meanings.
#[derive(Clone, Copy)]
pub struct Figures<'a> {
    pub corpus: &'a Corpus,
    pub cfg: &'a Config,
}

/// Options of the reporters that have any.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Colour (ANSI escapes) in the text report.
    pub color: bool,
}

/// A set of formats and their names, for the command line.
pub trait Formats: Copy + PartialEq + Sized + 'static {
    /// Every format with its name and a line of help, in the order help
    /// lists them.
    const ALL: &'static [(&'static str, Self, &'static str)];

    /// The names, in the order of [`Formats::ALL`].
    fn names() -> impl Iterator<Item = &'static str> {
        Self::ALL.iter().map(|(n, _, _)| *n)
    }

    /// The format of a name.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, f, _)| *f)
    }

    /// The name of a format.
    fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, f, _)| *f == self)
            .map_or("", |(n, _, _)| n)
    }
}

/// The formats of `check`'s findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Diagnostics with the source, then a summary line.
    Text,
    /// One line per finding.
    Concise,
    /// One JSON document.
    Json,
    /// One finding per line.
    Jsonl,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// One self-contained HTML page.
    Html,
}

impl Formats for Format {
    const ALL: &'static [(&'static str, Format, &'static str)] = &[
        ("text", Format::Text, "diagnostics with the source"),
        ("concise", Format::Concise, "one line per finding"),
        ("json", Format::Json, "one JSON document"),
        ("jsonl", Format::Jsonl, "one finding per line"),
        ("sarif", Format::Sarif, "SARIF 2.1.0"),
        ("github", Format::Github, "GitHub Actions annotations"),
        (
            "html",
            Format::Html,
            "one self-contained HTML page: the texts with their figures marked",
        ),
    ];
}

impl Format {
    /// The reporter of this format.
    pub fn reporter(self, options: Options) -> Box<dyn for<'a> Reporter<Checked<'a>>> {
        match self {
            Format::Text => Box::new(text::Text {
                color: options.color,
            }),
            Format::Concise => Box::new(concise::Concise),
            Format::Json => Box::new(json::Json),
            Format::Jsonl => Box::new(jsonl::Jsonl),
            Format::Sarif => Box::new(sarif::Sarif),
            Format::Github => Box::new(github::Github),
            Format::Html => Box::new(html::Html),
        }
    }
}

/// The formats of `extract`'s figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureFormat {
    /// One tab-separated line per figure.
    Text,
    /// One JSON document.
    Json,
    /// One figure per line.
    Jsonl,
}

impl Formats for FigureFormat {
    const ALL: &'static [(&'static str, FigureFormat, &'static str)] = &[
        (
            "text",
            FigureFormat::Text,
            "one tab-separated line per figure",
        ),
        ("json", FigureFormat::Json, "one JSON document"),
        ("jsonl", FigureFormat::Jsonl, "one figure per line"),
    ];
}

impl FigureFormat {
    /// The reporter of this format.
    pub fn reporter(self) -> Box<dyn for<'a> Reporter<Figures<'a>>> {
        match self {
            FigureFormat::Text => Box::new(figures::table::FigureTable),
            FigureFormat::Json => Box::new(figures::json::FiguresJson),
            FigureFormat::Jsonl => Box::new(figures::jsonl::FiguresJsonl),
        }
    }

    /// True when the format can be written document batch by document
    /// batch, the batches' reports following each other.
    pub fn streams(self) -> bool {
        self != FigureFormat::Json
    }
}

/// The formats of `claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimsFormat {
    /// The claims grouped by quantity, one row per source.
    Text,
    /// One JSON document.
    Json,
}

impl Formats for ClaimsFormat {
    const ALL: &'static [(&'static str, ClaimsFormat, &'static str)] = &[
        (
            "text",
            ClaimsFormat::Text,
            "the claims grouped by quantity, one row per source",
        ),
        ("json", ClaimsFormat::Json, "one JSON document"),
    ];
}

impl ClaimsFormat {
    /// The reporter of this format.
    pub fn reporter(self) -> Box<dyn for<'a> Reporter<Figures<'a>>> {
        match self {
            ClaimsFormat::Text => Box::new(figures::matrix::ClaimsMatrix),
            ClaimsFormat::Json => Box::new(figures::matrix::ClaimsJson),
        }
    }
}

/// The formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    /// Each change with its place and sentence on both sides.
    Text,
    /// One JSON document.
    Json,
}

impl Formats for DiffFormat {
    const ALL: &'static [(&'static str, DiffFormat, &'static str)] = &[
        (
            "text",
            DiffFormat::Text,
            "each change with its place and sentence on both sides",
        ),
        ("json", DiffFormat::Json, "one JSON document"),
    ];
}

impl DiffFormat {
    /// The reporter of this format.
    pub fn reporter(self) -> Box<dyn Reporter<VersionDiff>> {
        match self {
            DiffFormat::Text => Box::new(diff::text::DiffText),
            DiffFormat::Json => Box::new(diff::json::DiffJson),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &(n, f, _) in Format::ALL {
            assert_eq!(Format::from_name(n), Some(f));
            assert_eq!(f.name(), n);
        }
        assert_eq!(FigureFormat::from_name("sarif"), None);
        assert_eq!(DiffFormat::names().collect::<Vec<_>>(), ["text", "json"]);
    }

    #[test]
    fn every_format_reports() {
        let (cfg, corpus, findings) = crate::report::testing::analysed("Et 40 XNUMX morts.\n");
        let run = Checked {
            corpus: &corpus,
            findings: &findings,
            cfg,
        };
        for &(name, format, _) in Format::ALL {
            let out = format.reporter(Options::default()).render(&run);
            assert!(out.ends_with('\n'), "{name}: {out}");
        }
        let figures = Figures {
            corpus: &corpus,
            cfg,
        };
        for &(name, format, _) in FigureFormat::ALL {
            let out = format.reporter().render(&figures);
            assert!(out.ends_with('\n'), "{name}: {out}");
        }
    }
}
