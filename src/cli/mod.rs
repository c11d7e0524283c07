//! Command-line interface. The arguments as typed ([`args`], clap) are
//! resolved into what a run uses ([`options`]); each subcommand has its
//! module ([`check`], [`figures`], [`diff`], [`rules`]), reads inputs and
//! rule folders from disk ([`inputs`], [`stream`]), runs the library and
//! prints the report its format's reporter renders.

mod args;
mod check;
mod diff;
mod figures;
mod inputs;
mod options;
mod progress;
mod rules;
mod snapshot;
mod stream;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use figcheck::input::Document;

use args::{BaselineCommand, Cli, Command};

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
        Command::Check(a) => check::check(a),
        Command::Extract(a) => figures::extract(a),
        Command::Claims(a) => figures::claims(a),
        Command::Diff(a) => diff::diff(a),
        Command::Baseline {
            command:
                BaselineCommand::Write {
                    file,
                    input,
                    config,
                    selection,
                },
        } => check::baseline_write(&file, &input, &config, &selection),
        Command::Rules { command, config } => rules::rules_cmd(command, &config),
    }
}

/// Writes a report on standard output.
fn write_out(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`figcheck ... | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// The notices of reading the documents, on standard error.
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

/// The message closing a run where some inputs could not be read.
fn unread(failed: usize) -> String {
    format!("{failed} input(s) could not be read (see above)")
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
