//! The diff as one JSON document (`diff --format json`).

use std::fmt;

use serde_json::json;

use super::VersionDiff;
use crate::claims::Corpus;
use crate::report::json::{finding_record, ClaimRecord, SCHEMA_VERSION};
use crate::report::Reporter;

fn claim_json(corpus: &Corpus, i: usize) -> serde_json::Value {
    serde_json::to_value(ClaimRecord::of(corpus, i)).expect("claim serialises")
}

/// The diff as one JSON document: figure changes with both spans, findings
/// introduced and fixed, and counts.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct DiffJson;

impl Reporter<VersionDiff> for DiffJson {
    fn write(&self, d: &VersionDiff, out: &mut dyn fmt::Write) -> fmt::Result {
        let figures: Vec<_> = d
            .figures
            .iter()
            .map(|f| {
                json!({
                    "change": f.change.as_str(),
                    "old": f.old.map(|i| claim_json(&d.old, i)),
                    "new": f.new.map(|i| claim_json(&d.new, i)),
                })
            })
            .collect();
        let introduced: Vec<_> = d
            .introduced
            .iter()
            .map(|f| finding_record(&d.new, f))
            .collect();
        let fixed: Vec<_> = d.fixed.iter().map(|f| finding_record(&d.old, f)).collect();
        let v = json!({
            "version": SCHEMA_VERSION,
            "old": d.old.docs[0].id,
            "new": d.new.docs[0].id,
            "figures": figures,
            "findings": { "introduced": introduced, "fixed": fixed },
            "summary": d.summary(),
        });
        out.write_str(&serde_json::to_string_pretty(&v).expect("diff serialises"))?;
        out.write_char('\n')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::diff::{compare, Version};
    use crate::report::testing::analysed;

    #[test]
    fn changes_findings_and_counts() {
        let version = |text: &str| {
            let (_, corpus, findings) = analysed(text);
            Version::new(corpus, findings)
        };
        let d = compare(
            version("Il reste 2.500 XNUMX soldats.\n"),
            version("Il reste 2.600 soldats.\n"),
            &crate::testing::config().meanings,
        );
        let v: serde_json::Value = serde_json::from_str(&DiffJson.render(&d)).unwrap();
        assert_eq!(v["version"], SCHEMA_VERSION);
        assert_eq!(v["figures"][0]["change"], "changed");
        assert_eq!(v["findings"]["fixed"].as_array().unwrap().len(), 1);
        assert_eq!(v["summary"]["changed"], 1);
    }
}
