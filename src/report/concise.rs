//! The concise report: `path:line:col: CODE message`, one line per finding,
//! as compilers and linters print them for editors and `grep`.

use super::Place;
use crate::claims::Corpus;
use crate::rules::Finding;

/// One line per finding; nothing when there is none.
pub fn check_report(corpus: &Corpus, findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        let p = Place::of_finding(corpus, f);
        // A message is one line: line breaks of the source become spaces.
        let message = f.message.replace(['\n', '\r'], " ");
        out.push_str(&format!(
            "{}:{}:{}: {} {}\n",
            p.path, p.line, p.column, f.code, message
        ));
    }
    out
}
