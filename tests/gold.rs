//! Extraction on real text holds: `fixtures/gold/*.jsonl` are sentences
//! drawn at random from the corpus (`scripts/gold_sample.py`) with every
//! figure annotated by reading (`fixtures/gold/README.md` gives the
//! conventions). The format is the one of the evaluation scorer, so
//! `python3 ../shared/eval/score.py fixtures/gold` scores the same cases.
//!
//! This test runs `figcheck extract` on them and scores each annotated
//! figure:
//! - found: an extracted figure overlaps it with the same value (for a range
//!   the same bounds) and of the same class: a quantity (count, money,
//!   percentage, measure, age, duration, fraction, range) or a position or
//!   name (date, time, ordinal, identifier, phone). Within the second class
//!   the kind is a matter of convention ("6th Flotilla" is a name or a rank,
//!   "20th century" a date or a rank), so a figure annotated without a value
//!   there is found by any reading of that class;
//! - wrong: extracted figures overlap it, none with that reading (a quantity
//!   read with another value, a date read as a count, a count read as a code:
//!   the readings that make a claim the text does not make);
//! - missed: nothing overlaps it.
//!
//! Extracted quantities that overlap no annotation are counted as spurious.

mod common;

use std::collections::HashMap;
use std::path::Path;

use rust_decimal::Decimal;
use serde_json::Value;

/// Kinds that place or name rather than measure.
const NAMES: [&str; 5] = ["date", "time", "identifier", "phone", "ordinal"];

fn dec(v: &Value) -> Option<Decimal> {
    v.as_str().and_then(|s| s.parse().ok())
}

fn same(a: &Value, b: &Value, exact: bool) -> bool {
    match (dec(a), dec(b)) {
        (Some(a), Some(b)) if exact => a == b,
        (Some(a), Some(b)) => (a - b).abs() <= b.abs() * Decimal::new(1, 6) + Decimal::new(1, 9),
        (None, None) => a.is_null() && b.is_null(),
        _ => false,
    }
}

fn overlaps(p: &Value, e: &Value) -> bool {
    p["start"].as_u64() < e["byte_end"].as_u64() && e["byte_start"].as_u64() < p["end"].as_u64()
}

fn reads(p: &Value, e: &Value) -> bool {
    let (pk, ek) = (
        p["kind"].as_str().unwrap_or(""),
        e["type"].as_str().unwrap_or(""),
    );
    if NAMES.contains(&ek) != NAMES.contains(&pk) {
        return false;
    }
    if let Some(r) = e.get("range").filter(|r| !r.is_null()) {
        return same(&p["low"], &r["min"], true) && same(&p["high"], &r["max"], true);
    }
    // A duration of several units ("2 mn 35") is compared by its length.
    if let Some(es) = e.get("seconds").filter(|v| !v.is_null()) {
        if !p["seconds"].is_null() {
            return same(&p["seconds"], es, true);
        }
    }
    let exact = e
        .get("value_exact")
        .and_then(Value::as_bool)
        .unwrap_or(true);
    e["value"].is_null() || same(&p["value"], &e["value"], exact)
}

#[derive(Default, Debug)]
struct Tally {
    expected: usize,
    found: usize,
    wrong: usize,
    missed: usize,
    spurious: usize,
}

fn score(file: &Path) -> (Tally, Vec<String>) {
    let text = std::fs::read_to_string(file).expect("the gold file is readable");
    let cases: Vec<Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON case"))
        .collect();
    let stdin: String = cases
        .iter()
        .map(|c| {
            let line = serde_json::json!({"id": c["id"], "text": c["input"], "lang": c["lang"]});
            format!("{line}\n")
        })
        .collect();
    let out = common::figcheck_stdin(
        &["extract", "--input", "jsonl", "--format", "jsonl"],
        &stdin,
    );
    assert_eq!(out.code, 0, "figcheck extract failed: {}", out.stderr);
    let mut by_doc: HashMap<String, Vec<Value>> = HashMap::new();
    for l in out.stdout.lines() {
        let p: Value = serde_json::from_str(l).expect("a JSON figure");
        by_doc
            .entry(p["doc"].as_str().unwrap_or("").to_string())
            .or_default()
            .push(p);
    }
    let (mut t, mut errors) = (Tally::default(), Vec::new());
    for c in &cases {
        let id = c["id"].as_str().expect("an id");
        let preds = by_doc.remove(id).unwrap_or_default();
        let expected = c["expected"].as_array().expect("an expected list");
        for e in expected {
            t.expected += 1;
            let near: Vec<&Value> = preds.iter().filter(|p| overlaps(p, e)).collect();
            if near.iter().any(|p| reads(p, e)) {
                t.found += 1;
                continue;
            }
            let got: Vec<String> = near
                .iter()
                .map(|p| format!("{} {} {}", p["text"], p["kind"], p["value"]))
                .collect();
            if near.is_empty() {
                t.missed += 1;
            } else {
                t.wrong += 1;
            }
            errors.push(format!(
                "{id}: {} ({} {}) read as {got:?}",
                e["text"], e["type"], e["value"]
            ));
        }
        t.spurious += preds
            .iter()
            .filter(|p| !NAMES.contains(&p["kind"].as_str().unwrap_or("")))
            .filter(|p| !expected.iter().any(|e| overlaps(p, e)))
            .count();
    }
    (t, errors)
}

#[test]
fn real_text_is_read_as_annotated() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/gold");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/gold exists")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no gold file");
    let mut total = Tally::default();
    let mut all_errors = Vec::new();
    for f in &files {
        let (t, errors) = score(f);
        eprintln!("{}: {t:?}", f.display());
        total.expected += t.expected;
        total.found += t.found;
        total.wrong += t.wrong;
        total.missed += t.missed;
        total.spurious += t.spurious;
        all_errors.extend(errors);
    }
    let recall = total.found as f64 / total.expected as f64;
    let wrong = total.wrong as f64 / total.expected as f64;
    eprintln!(
        "gold: recall {recall:.3} wrong {wrong:.3} ({total:?})\n{}",
        all_errors.join("\n")
    );
    assert!(
        total.expected >= 300,
        "the gold set has {} figures",
        total.expected
    );
    assert!(recall >= 0.97, "recall {recall:.3} below 0.97");
    assert!(wrong <= 0.01, "wrong values {wrong:.3} above 1%");
}
