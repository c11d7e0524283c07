//! Inputs that once cost quadratic time or worse, kept with the outcome
//! they must give. Each ran for minutes before its fix (at a few hundred
//! kilobytes); the sizes here stay small enough for a debug build, and
//! `fuzz/README.md` says how linearity is measured. Crashing inputs found
//! by the fuzz targets are added here, by target, as they are found.

mod common;

use common::{analyze, doc};
use figcheck::claims::Corpus;
use figcheck::model::Lang;
use figcheck::report::{self, Checked, Reporter};
use figcheck::rules::Finding;

/// The claims and findings of one French document `x.txt`.
fn run(text: &str) -> (Corpus, Vec<Finding>) {
    analyze(vec![doc("x.txt", text, Lang::new("fr"))])
}

#[test]
fn many_figures_in_one_sentence() {
    // Each claim looked back over every earlier claim of the sentence for
    // a period to inherit.
    let (corpus, _) = run(&"1 ".repeat(20_000));
    assert_eq!(corpus.claims.len(), 20_000);
}

#[test]
fn many_dates_in_one_sentence() {
    // Each claim looked at every year of the document.
    let (corpus, _) = run(&"le 3 mars 2024, 5 morts ; ".repeat(2_000));
    assert!(corpus.claims.len() >= 4_000);
}

#[test]
fn many_placeholders() {
    // Each placeholder was compared with every earlier one and every claim.
    let (_, findings) = run(&"XNUMX a ".repeat(10_000));
    assert_eq!(findings.len(), 10_000);
    // Glued into one long word: each placeholder scanned the whole word.
    let (corpus, findings) = run(&"aXNUMX".repeat(10_000));
    assert_eq!(findings.len(), 10_000);
    let (s, e) = findings[5_000].span;
    assert_eq!(e - s, 64 + 5 + 64, "{}", &corpus.docs[0].text[s..e]);
}

#[test]
fn many_findings_on_one_long_line() {
    // Each finding's line and column were counted from the start of the text.
    let text = "Environ 2.500 XNUMX soldats. ".repeat(5_000);
    let (corpus, findings) = run(&text);
    assert_eq!(findings.len(), 5_000);
    let cfg = common::config();
    let checked = Checked {
        corpus: &corpus,
        findings: &findings,
        cfg,
    };
    let out = report::Concise.render(&checked);
    let last = out.lines().last().unwrap();
    assert!(
        last.starts_with(&format!("x.txt:1:{}: FC101", 29 * 4_999 + 9)),
        "{last}"
    );
}

#[test]
fn text_report_on_one_long_line_keeps_true_columns() {
    // The renderer walked the whole line for each finding; the excerpt of a
    // long line is now cut around the span, and the column put back.
    let text = "Environ 2.500 XNUMX soldats. ".repeat(2_000);
    let (corpus, findings) = run(&text);
    let cfg = common::config();
    let checked = Checked {
        corpus: &corpus,
        findings: &findings,
        cfg,
    };
    let out = report::Text { color: false }.render(&checked);
    let columns: Vec<&str> = out
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> x.txt:1:"))
        .collect();
    assert_eq!(columns.len(), 2_000);
    for (i, c) in columns.iter().enumerate() {
        assert_eq!(c.parse::<usize>().unwrap(), 29 * i + 9);
    }
    assert!(out.contains("2.500 XNUMX soldats"));
}
