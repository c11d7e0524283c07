//! The concise report: `path:line:col: CODE message`, one line per finding,
//! as compilers and linters print them for editors and `grep`.

use std::fmt;

use super::{Checked, Place, Reporter};

/// One line per finding; nothing when there is none.
#[derive(Debug, Clone, Copy, Default)]
pub struct Concise;

impl Reporter<Checked<'_>> for Concise {
    fn write(&self, run: &Checked<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        for f in run.findings {
            let p = Place::of_finding(run.corpus, f);
            // A message is one line: line breaks of the source become spaces.
            let message = f.message.replace(['\n', '\r'], " ");
            writeln!(
                out,
                "{}:{}:{}: {} {}",
                p.path, p.line, p.column, f.code, message
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{analysed, TEXT};

    #[test]
    fn one_line_per_finding() {
        let (cfg, corpus, findings) = analysed(TEXT);
        let out = Concise.render(&Checked {
            corpus: &corpus,
            findings: &findings,
            cfg,
        });
        assert_eq!(out.lines().count(), findings.len(), "{out}");
        assert!(out.starts_with("a.txt:1:"), "{out}");
    }
}
