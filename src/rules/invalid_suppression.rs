//! Reports the suppressions that name no rule, name an unknown rule or give
//! no reason (see [`super::support::suppression`]).

use serde::Deserialize;

use super::support::suppression::known;
use super::{Check, Context, Finding, RuleDef};

/// No parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct InvalidSuppression {}

impl Check for InvalidSuppression {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        for j in &cx.suppressions.list {
            if j.valid {
                continue;
            }
            let s = &j.sup;
            let text = &cx.corpus.docs[j.doc as usize].text[s.span.0..s.span.1];
            let message = if s.codes.is_empty() {
                format!("suppression `{text}` names no rule code")
            } else if let Some(c) = s.codes.iter().find(|c| !known(cx.rules, c)) {
                format!("suppression `{text}` names `{c}`, which is no rule code")
            } else {
                format!("suppression `{text}` gives no reason, so it suppresses nothing")
            };
            out.push(Finding::at_span(rule, j.doc, s.span, message, Vec::new()));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC002");
    }
}
