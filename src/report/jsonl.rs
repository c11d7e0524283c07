//! The JSONL report of `check`: one finding per line (the records of the
//! JSON report), for streaming; no summary.

use std::fmt;

use super::json::finding_record;
use super::{Checked, Reporter};

/// One finding per line.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Jsonl;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{analysed, TEXT};

    #[test]
    fn one_finding_per_line() {
        let (cfg, corpus, findings) = analysed(TEXT);
        let out = Jsonl.render(&Checked {
            corpus: &corpus,
            findings: &findings,
            cfg,
        });
        assert!(!findings.is_empty());
        assert_eq!(out.lines().count(), findings.len());
        for line in out.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(v["code"].is_string(), "{line}");
        }
    }
}
