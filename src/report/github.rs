//! GitHub Actions workflow commands: each finding becomes an annotation
//! on the pull request's diff,
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`
//! (`warning` and `notice` for the other severities).

use std::fmt;

use super::{Checked, Place, Reporter};
use crate::rules::Severity;

/// Escapes a command's message (`%`, CR, LF).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property's value (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command per finding.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Github;

impl Reporter<Checked<'_>> for Github {
    fn write(&self, run: &Checked<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        for f in run.findings {
            let p = Place::of_finding(run.corpus, f);
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&p.path),
                p.line,
                p.column,
                p.end_line,
                p.end_column,
                escape_property(&f.code),
                escape_data(&format!("{} [{}]", f.message, f.name)),
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
    fn one_command_per_finding() {
        let (cfg, corpus, findings) = analysed(TEXT);
        let out = Github.render(&Checked {
            corpus: &corpus,
            findings: &findings,
            cfg,
        });
        assert_eq!(out.lines().count(), findings.len());
        assert!(out.starts_with("::error file=a.txt,line=1,"), "{out}");
    }

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% of\r\nall"), "50%25 of%0D%0Aall");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
