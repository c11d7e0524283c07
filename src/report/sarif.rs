//! SARIF 2.1.0 (Static Analysis Results Interchange Format), the format
//! code-scanning dashboards read (GitHub code scanning among them): the
//! rules with their metadata, and each finding as a result with its region
//! in the file (lines, columns in Unicode code points, byte offsets), the
//! other figures it rests on as related locations, and a fingerprint that
//! survives edits elsewhere. The test suite validates it against the
//! official schema.

use std::fmt;

use serde_json::{json, Value};

use super::{baseline, Checked, Place, Reporter};
use crate::claims::Corpus;
use crate::rules::Severity;

/// The schema a SARIF log names.
pub(crate) const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative reference for a path: every byte but unreserved characters
/// and `/` percent-encoded (spaces, `:`, `<stdin>`...).
pub(crate) fn uri_of(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn physical(corpus: &Corpus, doc: u32, start: usize, end: usize) -> Value {
    let d = &corpus.docs[doc as usize];
    let p = Place::of(d, start, end);
    let (s, e) = d.source_span(start, end);
    json!({
        "artifactLocation": { "uri": uri_of(&p.path) },
        "region": {
            "startLine": p.line,
            "startColumn": p.column,
            "endLine": p.end_line,
            "endColumn": p.end_column,
            "byteOffset": p.start,
            "byteLength": p.end - p.start,
            "snippet": { "text": &d.source_text()[s..e] },
        },
    })
}

/// The SARIF log of a `check` run: one run, every rule of the
/// configuration, every finding.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Sarif;

impl Reporter<Checked<'_>> for Sarif {
    fn write(&self, run: &Checked<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        out.write_str(&log(run))
    }
}

/// The SARIF log, pretty-printed, with a final line break.
fn log(run: &Checked<'_>) -> String {
    let Checked {
        corpus,
        findings,
        cfg,
    } = *run;
    let rules: Vec<_> = cfg.rules.iter().collect();
    let rule_defs: Vec<Value> = rules
        .iter()
        .map(|r| {
            let full = if r.description.trim().is_empty() {
                r.summary.clone()
            } else {
                r.description.trim().replace('\n', " ")
            };
            let mut help = r.help.clone();
            if !r.why.trim().is_empty() {
                help = format!(
                    "{} (why it matters: {})",
                    help,
                    r.why.trim().replace('\n', " ")
                );
            }
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": full },
                "help": { "text": help },
                "defaultConfiguration": { "level": level(r.severity), "enabled": r.enabled },
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let mut result = json!({
                "ruleId": f.code,
                "level": level(f.severity),
                "message": { "text": format!("{} [{}]", f.message, f.name) },
                "locations": [{ "physicalLocation": physical(corpus, f.doc, f.span.0, f.span.1) }],
                "partialFingerprints": { "figcheckFinding/v1": baseline::fingerprint(corpus, f, true) },
            });
            if let Some(i) = rules.iter().position(|r| r.code == f.code) {
                result["ruleIndex"] = json!(i);
            }
            let related: Vec<Value> = f
                .claims
                .iter()
                .skip(1)
                .enumerate()
                .map(|(k, &ci)| {
                    let c = &corpus.claims[ci];
                    json!({
                        "id": k + 1,
                        "physicalLocation": physical(corpus, c.doc, c.fig.start(), c.fig.end()),
                        "message": { "text": "compared with" },
                    })
                })
                .collect();
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "figcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_defs,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).expect("SARIF serialises");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::{analysed, TEXT};

    #[test]
    fn every_rule_and_every_finding() {
        let (cfg, corpus, findings) = analysed(TEXT);
        let out = Sarif.render(&Checked {
            corpus: &corpus,
            findings: &findings,
            cfg,
        });
        let v: Value = serde_json::from_str(&out).unwrap();
        let run = &v["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), cfg.rules.iter().count());
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), findings.len());
        let i = results[0]["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], results[0]["ruleId"]);
    }

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri_of("fixtures/a b.txt"), "fixtures/a%20b.txt");
        assert_eq!(uri_of("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri_of("in.jsonl:3"), "in.jsonl%3A3");
    }
}
