//! The `figcheck` command: parses arguments, reads files, runs the library
//! and picks a reporter. Exit codes: 0 clean, 1 findings at or above
//! `--fail-on`, 2 usage, configuration or input error.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
