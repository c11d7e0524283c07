//! The JSONL report of `check`: one finding per line (the records of the
//! JSON report), for streaming; no summary.

use std::fmt;

use super::json::finding_record;
use super::{Checked, Reporter};

/// One finding per line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Jsonl;

impl Reporter<Checked<'_>> for Jsonl {
    fn write(&self, run: &Checked<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        for f in run.findings {
            out.write_str(
                &serde_json::to_string(&finding_record(run.corpus, f)).expect("finding serialises"),
            )?;
            out.write_char('\n')?;
        }
        Ok(())
    }
}
