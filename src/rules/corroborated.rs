//! Compares the claims of documents that tell the same story, key by key,
//! and reports the first pair of claims of two documents that agree (see
//! [`super::support::sources::compare`]).

use serde::Deserialize;

use super::support::sources::{compare, explain, CompareParams};
use super::{Check, Context, Finding, RuleDef};

/// Parameters: see [`CompareParams`].
#[derive(Debug, Default, Deserialize)]
#[serde(transparent)]
pub(crate) struct Corroborated(CompareParams);

impl Check for Corroborated {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        compare(cx, &self.0, true, rule, out);
    }

    fn explain_pair(&self, cx: &Context, a: usize, b: usize) -> Option<String> {
        Some(explain(cx, &self.0, Some(true), a, b))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC202");
    }
}
