//! Precision judged by reading holds: every row of
//! `fixtures/judged/judgments.tsv` is a finding figcheck once made on the
//! corpus, read in its context and judged `right`, `wrong` or `unclear`
//! (`scripts/judge.py` draws the samples and scores them). A finding judged
//! wrong must not come back as a warning or an error; one judged right must
//! stay. A row marked `known-wrong` is a wrong finding that still fires,
//! left to open work on its rule: it must still fire, so that the row is
//! marked `wrong` the day it stops and the list only shrinks. A row marked
//! `known-lost` is a right finding no longer made, lost to a change that
//! was right on the whole (its why says how): it must stay lost, so that
//! the row is marked `right` again the day it comes back. Each row is checked by running `figcheck check` on the documents
//! the finding cites (one document for a finding within a document, both for
//! a comparison of sources), copied from the corpus into
//! `fixtures/judged/<file>.jsonl`.

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use common::{figcheck_in, Scratch};

const FIELDS: [&str; 10] = [
    "file", "rule", "severity", "doc", "docs", "start", "end", "text", "verdict", "why",
];

struct Row {
    line: usize,
    fields: HashMap<&'static str, String>,
}

impl Row {
    fn get(&self, f: &str) -> &str {
        &self.fields[f]
    }
}

fn judged() -> Vec<Row> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/judged/judgments.tsv");
    let text = std::fs::read_to_string(path).expect("the judgments are readable");
    let mut lines = text.lines().enumerate();
    let (_, header) = lines.next().expect("a header line");
    assert_eq!(header.split('\t').collect::<Vec<_>>(), FIELDS);
    lines
        .map(|(i, l)| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), FIELDS.len(), "judgments.tsv:{}: {l}", i + 1);
            Row {
                line: i + 1,
                fields: FIELDS
                    .iter()
                    .zip(cols)
                    .map(|(f, c)| (*f, c.to_string()))
                    .collect(),
            }
        })
        .collect()
}

/// The documents of one corpus file copied into the fixtures, by id.
fn documents(file: &str) -> HashMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("fixtures/judged/{file}.jsonl"));
    std::fs::read_to_string(path)
        .expect("the judged documents are readable")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON document");
            (v["id"].as_str().expect("an id").to_string(), l.to_string())
        })
        .collect()
}

/// (rule, doc, start, end, text) of every warning or error, and of every
/// finding at any severity, that `figcheck check` reports on `docs`.
type Key = (String, String, String, String, String);

fn run(
    dir: &Path,
    name: &str,
    docs: &[&str],
    lines: &HashMap<String, String>,
) -> (HashSet<Key>, HashSet<Key>) {
    let path = dir.join(format!("{name}.jsonl"));
    let body: String = docs.iter().map(|d| format!("{}\n", lines[*d])).collect();
    std::fs::write(&path, body).expect("the scratch file is written");
    let out = figcheck_in(
        dir,
        &["check", "--format", "jsonl", &format!("{name}.jsonl")],
        b"",
    );
    assert!(
        out.code == 0 || out.code == 1,
        "figcheck failed: {}",
        out.stderr
    );
    let (mut loud, mut all) = (HashSet::new(), HashSet::new());
    for l in out.stdout.lines() {
        let f: serde_json::Value = serde_json::from_str(l).expect("a JSON finding");
        let text = f["text"].as_str().unwrap_or("").replace(['\t', '\n'], " ");
        let k = (
            f["code"].as_str().unwrap_or("").to_string(),
            f["doc"].as_str().unwrap_or("").to_string(),
            f["start"].to_string(),
            f["end"].to_string(),
            text,
        );
        if f["severity"] != "info" {
            loud.insert(k.clone());
        }
        all.insert(k);
    }
    (loud, all)
}

#[test]
fn judged_findings_hold() {
    let rows = judged();
    assert!(rows.len() >= 20, "the judged sample is there");
    let unjudged: Vec<usize> = rows
        .iter()
        .filter(|r| {
            !matches!(
                r.get("verdict"),
                "right" | "wrong" | "known-wrong" | "known-lost" | "unclear"
            )
        })
        .map(|r| r.line)
        .collect();
    assert!(
        unjudged.is_empty(),
        "rows without a verdict (right, wrong, known-wrong, known-lost, unclear): lines {unjudged:?}"
    );

    let scratch = Scratch::new("judged");
    let mut groups: BTreeMap<(&str, &str), Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        groups
            .entry((r.get("file"), r.get("docs")))
            .or_default()
            .push(r);
    }
    let mut docs_of = HashMap::new();
    let mut failures = Vec::new();
    for (n, ((file, docs), rows)) in groups.into_iter().enumerate() {
        let lines = docs_of.entry(file).or_insert_with(|| documents(file));
        let ids: Vec<&str> = docs.split(',').collect();
        let (loud, all) = run(&scratch, &format!("run{n}"), &ids, lines);
        for r in rows {
            let k: Key = (
                r.get("rule").to_string(),
                r.get("doc").to_string(),
                r.get("start").to_string(),
                r.get("end").to_string(),
                r.get("text").to_string(),
            );
            match r.get("verdict") {
                "right" if !all.contains(&k) => failures.push(format!(
                    "line {}: {} on `{}` in {} was judged right and is gone",
                    r.line, k.0, k.4, k.1
                )),
                "wrong" if loud.contains(&k) => failures.push(format!(
                    "line {}: {} on `{}` in {} was judged wrong ({}) and is back",
                    r.line,
                    k.0,
                    k.4,
                    k.1,
                    r.get("why")
                )),
                "known-lost" if all.contains(&k) => failures.push(format!(
                    "line {}: {} on `{}` in {} is made again: mark it `right`",
                    r.line, k.0, k.4, k.1
                )),
                "known-wrong" if !loud.contains(&k) => failures.push(format!(
                    "line {}: {} on `{}` in {} no longer fires: mark it `wrong` so that it cannot come back",
                    r.line, k.0, k.4, k.1
                )),
                _ => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
