//! Inline suppressions work the same in every input format: a valid one
//! drops the finding it covers, one that covers nothing is reported
//! (FC001), one without a reason suppresses nothing and is reported (FC002),
//! each at the suppression's place in the file.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use common::{figcheck_in, figcheck_stdin, Scratch};

/// `check --format concise` of one file named `name` holding `text`, in a
/// scratch folder of its own (tests run at the same time).
fn check(name: &str, text: &str) -> Vec<String> {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let dir = Scratch::new(&format!("{name}-{}", RUNS.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(dir.join(name), text).unwrap();
    let out = figcheck_in(
        &dir,
        &["check", name, "--format", "concise", "--fail-on", "never"],
        b"",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout.lines().map(str::to_string).collect()
}

/// The code and place (`line:column`) of each finding.
fn codes(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            let mut parts = l.splitn(4, ':');
            let (_, line, col, rest) = (
                parts.next().unwrap(),
                parts.next().unwrap(),
                parts.next().unwrap(),
                parts.next().unwrap(),
            );
            let code = rest.split_whitespace().next().unwrap();
            format!("{code} {line}:{col}")
        })
        .collect()
}

#[test]
fn markdown_suppressions_cover_the_next_paragraph() {
    let md = "# Bilan\n\n<!-- figcheck: ignore FC101 placeholder in the agency copy, checked -->\nLe pays accueille encore\nenviron 2.500 XNUMX soldats.\n\n<!-- figcheck: ignore FC105 the letter was corrected -->\nLe bilan s'élève à 100 morts.\n\n<!-- figcheck: ignore FC105 -->\nLe bilan s'élève à 1O0 blessés.\n\nIls sont <!-- figcheck: ignore fc105 named so by its maker --> 1O0 au total.\n";
    let out = check("article.md", md);
    assert_eq!(
        codes(&out),
        ["FC001 7:1", "FC002 10:1", "FC105 11:20"],
        "{out:#?}"
    );
    assert!(
        out[0].contains(
            "unused suppression `<!-- figcheck: ignore FC105 the letter was corrected -->`"
        ),
        "{out:#?}"
    );
    assert!(out[1].contains("gives no reason"), "{out:#?}");
}

#[test]
fn a_suppression_comment_may_span_lines() {
    let md = "<!--\nfigcheck: ignore FC101 placeholder in the agency copy, checked\n-->\nLe pays accueille encore environ 2.500 XNUMX soldats.\n\n<!-- figcheck: ignore FC105\n     the letter was corrected -->\nLe bilan s'élève à 100 morts.\n";
    let out = check("article.md", md);
    assert_eq!(codes(&out), ["FC001 6:1"], "{out:#?}");
    let html = md
        .replace(
            "Le pays accueille encore environ 2.500 XNUMX soldats.",
            "<p>Le pays accueille encore environ 2.500 XNUMX soldats.</p>",
        )
        .replace(
            "Le bilan s'élève à 100 morts.",
            "<p>Le bilan s'élève à 100 morts.</p>",
        );
    let out = check("article.html", &html);
    assert_eq!(codes(&out), ["FC001 6:1"], "{out:#?}");
}

#[test]
fn html_suppressions_cover_the_next_paragraph() {
    let html = "<!doctype html><html><body>\n<!-- figcheck: ignore FC101 placeholder in the agency copy, checked -->\n<p>Le pays accueille encore\nenviron 2.500 XNUMX soldats.</p>\n<!-- figcheck: ignore FC105 the letter was corrected -->\n<p>Le bilan s'élève à 100 morts.</p>\n<!-- figcheck: ignore FC105 -->\n<p>Le bilan s'élève à 1O0 blessés.</p>\n<p>Ils sont <!-- figcheck: ignore fc105 named so by its maker --> 1O0 au total.</p>\n<!-- a comment that is no suppression: 12 -->\n</body></html>\n";
    let out = check("article.html", html);
    assert_eq!(
        codes(&out),
        ["FC001 5:1", "FC002 7:1", "FC105 8:23"],
        "{out:#?}"
    );
}

#[test]
fn plain_text_suppressions() {
    let txt = "Le pays accueille encore environ 2.500 XNUMX soldats. [figcheck: ignore FC101 agency copy, checked]\nfigcheck: ignore FC105 the letter was corrected\nLe bilan s'élève à 100 morts.\n# figcheck: ignore FC105\nLe bilan s'élève à 1O0 blessés.\n";
    let out = check("notes.txt", txt);
    assert_eq!(
        codes(&out),
        ["FC001 2:1", "FC002 4:1", "FC105 5:20"],
        "{out:#?}"
    );
}

#[test]
fn jsonl_text_fields_hold_suppressions() {
    let rec = |id: &str, text: &str| {
        serde_json::json!({"id": id, "lang": "fr", "text": text}).to_string() + "\n"
    };
    let jsonl = rec(
        "a",
        "Le pays accueille encore environ 2.500 XNUMX soldats. [figcheck: ignore FC101 agency copy, checked]",
    ) + &rec(
        "b",
        "figcheck: ignore FC105 the letter was corrected\nLe bilan s'élève à 100 morts.",
    ) + &rec(
        "c",
        "<!-- figcheck: ignore FC105 -->\nLe bilan s'élève à 1O0 blessés.",
    );
    let out = check("records.jsonl", &jsonl);
    let docs: Vec<&str> = out.iter().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(docs, ["b", "c", "c"], "{out:#?}");
    assert_eq!(
        codes(&out),
        ["FC001 1:1", "FC002 1:1", "FC105 2:20"],
        "{out:#?}"
    );
}

#[test]
fn a_suppression_is_no_figure_and_does_not_change_the_language() {
    // An English reason in a French article: the article is still read as
    // French ("2.500" is 2500), and the reason's date is no figure.
    let md = "<!-- figcheck: ignore FC101 the placeholder is in the agency copy, checked on 12 March 2024 -->\nLe pays accueille encore environ 2.500 XNUMX soldats américains.\n";
    let out = figcheck_stdin(&["extract", "--input", "markdown"], md);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", out.stdout);
    assert!(
        lines[0].starts_with("<stdin>:2:26\tcount\t2500 [2250, 2750]\t\"environ 2.500 XNUMX\""),
        "{}",
        out.stdout
    );
}
