//! The documentation of the rules as `figcheck rules` prints it, built
//! from each rule's definition: one line per rule for `rules list`, and
//! the full explanation of `rules explain CODE` (what it catches, why it
//! matters, the help, an example that fires and one that does not).

use std::fmt::{self, Write};

use crate::rules::RuleDef;

/// The line of `rules list`: code, name, severity, summary, and whether
/// the rule is off by default.
pub fn list_line(r: &RuleDef) -> String {
    format!(
        "{} {:<22} {:<8} {}{}\n",
        r.code,
        r.name,
        r.severity.as_str(),
        r.summary,
        if r.enabled { "" } else { " (disabled)" }
    )
}

/// The explanation of a rule, ending with the file that defined it.
pub fn explain(r: &RuleDef) -> String {
    let mut out = String::new();
    write_explanation(r, &mut out).expect("writing into a String does not fail");
    out
}

fn write_explanation(r: &RuleDef, out: &mut dyn Write) -> fmt::Result {
    write!(
        out,
        "{} {} ({}, {})\n\n{}\n\nWhat it catches:\n{}\n\nWhy it matters:\n{}\n\nHelp: {}\n",
        r.code,
        r.name,
        r.severity.as_str(),
        if r.enabled { "enabled" } else { "disabled" },
        r.summary,
        r.description.trim(),
        r.why.trim(),
        r.help
    )?;
    for (fires, title) in [(true, "fires"), (false, "does not fire")] {
        if let Some(ex) = r.examples.iter().find(|e| e.fires == fires) {
            write!(out, "\nExample ({title}):\n  {}\n", ex.text)?;
            if let Some(o) = &ex.other {
                writeln!(out, "  other source: {o}")?;
            }
        }
    }
    writeln!(out, "\nDefined in {}", r.file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::config;

    #[test]
    fn every_rule_is_explained() {
        let cfg = config();
        for r in cfg.rules.iter() {
            let text = explain(r);
            assert!(
                text.starts_with(&format!("{} {} (", r.code, r.name)),
                "{text}"
            );
            assert!(text.contains("\nWhat it catches:\n"), "{text}");
            assert!(
                text.ends_with(&format!("\nDefined in {}\n", r.file)),
                "{text}"
            );
            assert!(list_line(r).starts_with(&r.code));
        }
    }
}
