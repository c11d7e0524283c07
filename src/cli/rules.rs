//! `figcheck rules`: list, explain and test the rules.

use std::process::ExitCode;

use anyhow::{bail, Result};

use figcheck::report::explain;

use super::args::{ConfigArgs, RulesCommand};
use super::write_out;

pub fn rules_cmd(cmd: RulesCommand, config: &ConfigArgs) -> Result<ExitCode> {
    let cfg = config.load()?;
    match cmd {
        RulesCommand::List => {
            let out: String = cfg.rules.iter().map(explain::list_line).collect();
            write_out(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Explain { code } => {
            let Some(r) = cfg.rules.find(&code) else {
                bail!("no rule {code} (see `figcheck rules list`)");
            };
            write_out(&explain::explain(r))?;
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Test { prefix } => {
            let prefix = prefix
                .map(|p| cfg.rules.selector(&p))
                .filter(|p| p != "ALL")
                .unwrap_or_default();
            let results = figcheck::test_examples(&cfg, &prefix);
            let mut out = String::new();
            let mut failed = 0;
            for r in &results {
                let status = if r.passed() { "ok" } else { "FAILED" };
                if !r.passed() {
                    failed += 1;
                }
                out.push_str(&format!(
                    "{} example {}: {} (expected {}, {})\n",
                    r.code,
                    r.index + 1,
                    status,
                    if r.expected { "to fire" } else { "not to fire" },
                    if r.fired { "fired" } else { "did not fire" }
                ));
            }
            out.push_str(&format!(
                "{} passed, {} failed\n",
                results.len() - failed,
                failed
            ));
            write_out(&out)?;
            Ok(ExitCode::from(if failed > 0 { 1 } else { 0 }))
        }
    }
}
