//! `figcheck check` and `figcheck baseline write`: read the inputs, run
//! the rules, report or record the findings.

use std::mem::ManuallyDrop;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};

use figcheck::claims::Corpus;
use figcheck::config::Config;
use figcheck::report::{Baseline, Checked, Format};
use figcheck::rules::Finding;

use super::args::{CheckArgs, ConfigArgs, InputArgs, SelectionArgs};
use super::options::CheckOptions;
use super::progress::Progress;
use super::{inputs, print_notices, snapshot, unread, write_out};

/// What a run over the inputs gave.
struct Run {
    /// Kept until the process ends: freeing the data, table by table, costs
    /// a share of a one-file run.
    cfg: ManuallyDrop<Config>,
    corpus: Corpus,
    findings: Vec<Finding>,
    /// Inputs that could not be read (already reported).
    failed: usize,
    /// Why documents without a publication date may pass unchecked against
    /// each other, when some have none.
    undated: Option<String>,
}

/// Documents read and handed to the run at a time (or fewer, whose text
/// adds up to [`READ_BYTES`]): only one batch is held outside the corpus.
const READ_DOCS: usize = 256;
const READ_BYTES: usize = 8 << 20;

/// Reads the inputs and runs the rules: the common part of `check` and
/// `baseline write`. Documents are read by batches, each read into the
/// run's corpus as it comes (no list of every document is held first).
fn run_rules(input: &InputArgs, config: &ConfigArgs, selection: &SelectionArgs) -> Result<Run> {
    input.set_threads()?;
    let cfg = ManuallyDrop::new(config.load()?);
    let sel = selection.selection(&cfg)?;
    let (mut stream, manifests) = input.stream()?;
    let progress = Progress::counting();
    let done = || progress.inc();
    let mut run = figcheck::Analysis::new(&cfg, &done);
    // This thread parses the next batch while the pool's threads read the
    // claims of this one, so that they do not wait for the parsing.
    let mut docs = stream.batch(READ_DOCS, READ_BYTES)?;
    while !docs.is_empty() {
        manifests.apply(&mut docs);
        let batch = std::mem::take(&mut docs);
        let next = std::thread::scope(|s| {
            let reading = s.spawn(|| run.read(batch));
            let next = stream.batch(READ_DOCS, READ_BYTES);
            reading.join().map(|()| next)
        });
        docs = match next {
            Ok(next) => next?,
            Err(panic) => std::panic::resume_unwind(panic),
        };
    }
    progress.finish();
    print_notices(run.documents());
    let (corpus, findings) = run.finish(&sel);
    let undated = figcheck::rules::undated_note(&corpus, &cfg.rules, &sel);
    Ok(Run {
        cfg,
        corpus,
        findings,
        failed: stream.failed,
        undated,
    })
}

pub fn check(a: CheckArgs) -> Result<ExitCode> {
    let opts = CheckOptions::new(&a)?;
    let Run {
        cfg,
        corpus,
        mut findings,
        failed,
        undated,
    } = run_rules(&a.input, &a.config, &a.selection)?;
    if let Some(b) = &opts.baseline {
        let (new, stale) = b.apply(&corpus, findings);
        findings = new;
        for e in &stale {
            eprintln!("note: baseline entry no longer matches: {e}");
        }
    }
    let out = opts.format.reporter(opts.report).render(&Checked {
        corpus: &corpus,
        findings: &findings,
        cfg: &cfg,
    });
    if let Some(snap) = &opts.snapshot {
        let name = inputs::display_name(&snap.file);
        if failed > 0 {
            // A report without some inputs must not become the snapshot.
            bail!(
                "{}: snapshot {name} not compared or written",
                unread(failed)
            );
        }
        return Ok(match snapshot::compare(&snap.file, &out, snap.update)? {
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
    match &a.output {
        Some(file) => snapshot::write_atomic(file, &out)?,
        None => write_out(&out)?,
    }
    // Told after the readable report only: the machine formats and the
    // one-line format are read by tools, which a note would only clutter.
    if let Some(note) = undated.filter(|_| opts.format == Format::Text) {
        eprintln!("note: {note}");
    }
    if failed > 0 {
        eprintln!("error: {}; the other inputs were checked", unread(failed));
        return Ok(ExitCode::from(2));
    }
    let fail = opts
        .fail_on
        .is_some_and(|t| findings.iter().any(|f| f.severity >= t));
    Ok(ExitCode::from(if fail { 1 } else { 0 }))
}

pub fn baseline_write(
    file: &Path,
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
