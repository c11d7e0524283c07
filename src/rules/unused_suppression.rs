//! Reports the valid suppressions that covered no finding although every
//! rule they name ran (see [`super::support::suppression`]).

use serde::Deserialize;

use super::support::suppression::names;
use super::{Check, Context, Finding, RuleDef};

/// No parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UnusedSuppression {}

impl Check for UnusedSuppression {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        let sups = cx.suppressions;
        for j in &sups.list {
            if !j.valid || j.used {
                continue;
            }
            let s = &j.sup;
            // Only when every rule it names ran this time.
            let all_ran = s.codes.iter().all(|c| sups.ran.iter().any(|r| names(r, c)));
            if !all_ran {
                continue;
            }
            let text = &cx.corpus.docs[j.doc as usize].text[s.span.0..s.span.1];
            let message = format!(
                "unused suppression `{text}`: no {} finding on the line it covers",
                s.codes.join(", ")
            );
            out.push(Finding::at_span(rule, j.doc, s.span, message, Vec::new()));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC001");
    }
}
