//! The command-line contract: exit codes, stdin, JSONL in and out, errors
//! that name the file, line and column.

mod common;

use common::{figcheck, figcheck_in, figcheck_stdin, Scratch};

#[test]
fn check_exit_codes_follow_fail_on() {
    let code = figcheck(&["check", "fixtures/seeds"]).code;
    assert_eq!(code, 1, "the XNUMX value is an error");
    let code = figcheck(&["check", "fixtures/seeds", "--fail-on", "never"]).code;
    assert_eq!(code, 0);
    let code = figcheck(&["check", "fixtures/seeds", "--ignore", "FC1,FC2,FC3"]).code;
    assert_eq!(code, 0);
    let (_, err, code) = figcheck(&["check", "no/such/path"]).parts();
    assert_eq!(code, 2);
    assert!(err.contains("no/such/path"), "{err}");
    let code = figcheck(&["check", "--format", "nope"]).code;
    assert_eq!(code, 2);
}

#[test]
fn extract_reads_jsonl_from_stdin() {
    let input =
        "{\"id\": \"a\", \"text\": \"Il reste environ 2.000 jihadistes.\", \"lang\": \"fr\"}\n\
                 {\"id\": \"b\", \"text\": \"More than 250 people died.\", \"lang\": \"en\"}\n";
    let (out, _, code) =
        figcheck_stdin(&["extract", "--input", "jsonl", "--format", "jsonl"], input).parts();
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["doc"], "a");
    assert_eq!(lines[0]["value"], "2000");
    assert_eq!(lines[0]["low"], "1800");
    assert_eq!(lines[0]["text"], "environ 2.000");
    assert_eq!(lines[0]["entity"], "jihadistes");
    assert_eq!(lines[1]["doc"], "b");
    assert_eq!(lines[1]["low"], "250");
    assert_eq!(lines[1]["high"], serde_json::Value::Null);
    // Spans are byte offsets into the text.
    let text = "Il reste environ 2.000 jihadistes.";
    let (s, e) = (
        lines[0]["start"].as_u64().unwrap() as usize,
        lines[0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "environ 2.000");
}

#[test]
fn bad_jsonl_is_an_input_error_with_location() {
    let (_, err, code) = figcheck_stdin(
        &["extract", "--input", "jsonl"],
        "{\"id\": 1, \"text\": \"x\"}\n{oops\n",
    )
    .parts();
    assert_eq!(code, 2);
    assert!(err.contains("<stdin>:2:2: invalid JSONL record"), "{err}");
}

#[test]
fn a_bad_jsonl_record_is_reported_and_the_rest_is_checked() {
    let dir = Scratch::new("bad-record");
    let rec = |id: &str, text: &str| {
        serde_json::json!({"id": id, "lang": "fr", "text": text}).to_string() + "\n"
    };
    let jsonl = rec("a", "Le bilan s'élève à 1O0 morts.")
        + "{\"id\": \"b\", \"text\": \"Il y a 2.500 XNUMX soldats.\"\n"
        + "\n"
        + "{\"id\": \"c\"}\n"
        + &rec("d", "Il reste 2.500 XNUMX soldats.");
    std::fs::write(dir.join("a.jsonl"), jsonl).unwrap();
    std::fs::write(dir.join("b.txt"), "Le bilan s'élève à 1O0 blessés.\n").unwrap();
    let (out, err, code) = figcheck_in(
        &dir,
        &["check", "a.jsonl", "b.txt", "--format", "concise"],
        b"",
    )
    .parts();
    assert_eq!(code, 2, "{out}\n{err}");
    // Every record and file that could be read is checked.
    let docs: Vec<&str> = out.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(docs, ["a", "d", "b.txt"], "{out}");
    // Each bad record is named by file, line and column.
    let errs: Vec<&str> = err.lines().collect();
    assert_eq!(errs.len(), 3, "{err}");
    assert!(
        errs[0]
            .starts_with("error: a.jsonl:2:49: invalid JSONL record: EOF while parsing an object"),
        "{err}"
    );
    assert!(
        errs[1].starts_with("error: a.jsonl:4:11: invalid JSONL record: missing field `text`"),
        "{err}"
    );
    assert_eq!(
        errs[2],
        "error: 2 input(s) could not be read (see above); the other inputs were checked"
    );
}

#[test]
fn bad_rules_folder_is_a_config_error_with_location() {
    let dir = Scratch::new("rules");
    std::fs::write(
        dir.join("bad.toml"),
        "[[rule]]\ncode = \"FC101\"\nseverity = \"fatal\"\n",
    )
    .unwrap();
    let (_, err, code) =
        figcheck(&["check", "fixtures/seeds", "--rules", dir.to_str().unwrap()]).parts();
    assert_eq!(code, 2);
    assert!(err.contains("bad.toml:3:12"), "{err}");
    assert!(err.contains("unknown severity"), "{err}");
}

#[test]
fn rules_commands() {
    let (out, _, code) = figcheck(&["rules", "list"]).parts();
    assert_eq!(code, 0);
    assert!(out.contains("FC101 placeholder-number"));
    let (out, _, code) = figcheck(&["rules", "explain", "FC101"]).parts();
    assert_eq!(code, 0);
    assert!(out.contains("Why it matters") && out.contains("XNUMX"));
    let (out, _, code) = figcheck(&["rules", "test"]).parts();
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(" passed, 0 failed"));
    // A rule is named by its code in any case or by its name.
    for name in ["fc302", "parts-total", "Parts-Total"] {
        let (out, err, code) = figcheck(&["rules", "explain", name]).parts();
        assert_eq!(code, 0, "{name}: {err}");
        assert!(out.starts_with("FC302 parts-total"), "{name}: {out}");
    }
}

#[test]
fn select_and_ignore_take_codes_in_any_case_and_names() {
    let text = "Le lundi 3 mars 2019, la police a compté 12 blessés.\n";
    for sel in ["FC401", "fc401", "weekday-mismatch", "fc4"] {
        let out = figcheck_stdin(&["check", "--select", sel, "--format", "concise"], text);
        assert_eq!(out.code, 1, "{sel}: {}", out.stderr);
        assert!(out.stdout.contains("FC401"), "{sel}: {}", out.stdout);
    }
    let out = figcheck_stdin(&["check", "--ignore", "weekday-mismatch"], text);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let out = figcheck_stdin(&["check", "--select", "no-such-rule"], text);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("no rule code or name matches `no-such-rule`"),
        "{}",
        out.stderr
    );
}

#[test]
fn standard_input_is_read_in_the_format_its_content_tells() {
    // JSONL: each record a document, its id no figure.
    let jsonl = "{\"id\": \"2024-017\", \"lang\": \"fr\", \"text\": \"Il reste environ 2.000 jihadistes.\"}\n{\"id\": \"2024-018\", \"lang\": \"en\", \"text\": \"More than 250 people died.\"}\n";
    let out = figcheck_stdin(&["extract", "--format", "jsonl"], jsonl);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let docs: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d["doc"].as_str().unwrap(), d["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [("2024-017", "environ 2.000"), ("2024-018", "More than 250")]
    );
    let out = figcheck_stdin(&["check", "--format", "concise"], jsonl);
    assert_eq!((out.stdout.as_str(), out.code), ("", 0), "{}", out.stderr);

    // Markdown: front matter and code are not text, markup is not read.
    let md = "---\noutlet: Le Temps\ndate: 2024-02-01\n---\n# Bilan\n\nIl y a **1 500** soldats.\n\n```\nlet x = 42;\n```\n";
    let out = figcheck_stdin(&["extract"], md);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", out.stdout);
    assert!(
        lines[0].starts_with("<stdin>:7:10\tcount\t1500\t\"1 500\""),
        "{}",
        out.stdout
    );

    // HTML: tags and entities.
    let html = "<html><body><p>Il y a 1&nbsp;500 <b>soldats</b>.</p></body></html>\n";
    let out = figcheck_stdin(&["extract"], html);
    assert!(
        out.stdout
            .starts_with("<stdin>:1:23\tcount\t1500\t\"1\u{a0}500\""),
        "{}",
        out.stdout
    );

    // Plain text stays plain text, `#` lines and all.
    let txt = "#1 des ventes : 2 500 exemplaires.\n";
    let out = figcheck_stdin(&["extract"], txt);
    assert!(
        out.stdout.contains("<stdin>:1:17\tcount\t2500\t\"2 500\""),
        "{}",
        out.stdout
    );
}

/// A copy of the built-in `rules/` in `dir`, with `edit` applied to the
/// text of the rule file `file` of `rules/checks/`.
fn rules_copy(dir: &std::path::Path, file: &str, edit: impl Fn(&str) -> String) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut stack = vec![root.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let to = dir.join(p.strip_prefix(&root).unwrap());
            if p.is_dir() {
                std::fs::create_dir_all(&to).unwrap();
                stack.push(p);
            } else {
                let text = std::fs::read_to_string(&p).unwrap();
                let text = if p.ends_with(file) { edit(&text) } else { text };
                std::fs::write(&to, text).unwrap();
            }
        }
    }
}

#[test]
fn rules_list_and_test_read_the_users_rules() {
    let dir = Scratch::new("own-rules");
    rules_copy(&dir, "FC105-letters-for-digits.toml", |t| {
        t.replacen("1O0 morts", "100 morts", 1).replacen(
            "severity = \"error\"",
            "severity = \"warning\"",
            1,
        )
    });
    let rules = dir.to_str().unwrap();
    // `--rules` is read before or after the subcommand.
    for args in [
        ["rules", "test", "--rules", rules],
        ["rules", "--rules", rules, "test"],
    ] {
        let (out, err, code) = figcheck(&args).parts();
        assert_eq!(code, 1, "{out}{err}");
        assert!(
            out.contains("FC105 example 1: FAILED (expected to fire, did not fire)"),
            "{out}"
        );
        assert!(out.ends_with(" passed, 1 failed\n"), "{out}");
    }
    // A rule named by its name or its code in any case.
    for name in ["letters-for-digits", "fc105"] {
        let (out, _, code) = figcheck(&["rules", "test", name, "--rules", rules]).parts();
        assert_eq!(code, 1, "{name}: {out}");
        assert!(out
            .lines()
            .all(|l| l.starts_with("FC105 ") || l.contains(" passed, ")));
    }
    let (out, _, code) = figcheck(&["rules", "list", "--rules", rules]).parts();
    assert_eq!(code, 0);
    assert!(
        out.lines()
            .any(|l| l.starts_with("FC105 letters-for-digits") && l.contains(" warning ")),
        "{out}"
    );
    // Without the copy, every example passes.
    let (out, _, code) = figcheck(&["rules", "test"]).parts();
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_rules_file_names_a_rule_by_code_in_any_case_or_by_name() {
    let text = "Le lundi 3 mars 2019, la police a compté 12 blessés.\n";
    for code in ["FC401", "fc401", "weekday-mismatch"] {
        let dir = Scratch::new("rule-name");
        std::fs::write(
            dir.join("mine.toml"),
            format!("[[rule]]\ncode = \"{code}\"\nseverity = \"info\"\n"),
        )
        .unwrap();
        let rules = dir.to_str().unwrap();
        let out = figcheck_stdin(
            &[
                "check",
                "--rules",
                rules,
                "--format",
                "concise",
                "--fail-on",
                "warning",
            ],
            text,
        );
        assert_eq!(out.code, 0, "{code}: {}{}", out.stdout, out.stderr);
        assert!(out.stdout.contains("FC401"), "{code}: {}", out.stdout);
        let (list, _, _) = figcheck(&["rules", "list", "--rules", rules]).parts();
        assert!(
            list.lines()
                .any(|l| l.starts_with("FC401 weekday-mismatch") && l.contains(" info ")),
            "{code}: {list}"
        );
    }
    // A language's word lists name a rule the same ways.
    let dir = Scratch::new("rule-words");
    std::fs::write(
        dir.join("words.toml"),
        "lang = \"fr\"\n[checks.FC103]\nskip_after = [\"tome\"]\n",
    )
    .unwrap();
    let out = figcheck_stdin(&["check", "--rules", dir.to_str().unwrap()], text);
    assert_ne!(out.code, 2, "{}", out.stderr);
}

#[test]
fn text_outputs_print_text_as_text() {
    // No-break spaces inside figures, as French typography writes them.
    let old = "Quelque 1\u{a0}500 soldats américains sont déployés en Irak, a annoncé le Pentagone lundi.\nLe Pentagone a précisé que 1\u{a0}200 soldats américains sont déployés en Irak.\n";
    let new = old.replace("1\u{a0}200", "1\u{a0}300");
    let dir = Scratch::new("nbsp");
    std::fs::write(dir.join("old.txt"), old).unwrap();
    std::fs::write(dir.join("new.txt"), &new).unwrap();
    let runs: [&[&str]; 6] = [
        &["check", "new.txt"],
        &["check", "new.txt", "--format", "concise"],
        &["check", "new.txt", "--format", "github"],
        &["extract", "new.txt"],
        &["claims", "new.txt"],
        &["diff", "old.txt", "new.txt"],
    ];
    for args in runs {
        let out = figcheck_in(&dir, args, b"");
        assert!(out.code < 2, "{args:?}: {}", out.stderr);
        assert!(
            out.stdout.contains("1\u{a0}300"),
            "{args:?} shows the figure as written:\n{}",
            out.stdout
        );
        for escaped in ["\\u{a0}", "\\u{A0}", "\\xa0", "\\u00a0"] {
            assert!(
                !out.stdout.contains(escaped),
                "{args:?} escapes text:\n{}",
                out.stdout
            );
        }
    }
}

#[test]
fn check_reports_the_same_findings_on_any_number_of_threads() {
    // More documents than one batch of reading (256), so that parsing the
    // next batch overlaps reading this one; findings of the rules that
    // compare documents (FC202, FC204), whose buckets run in parallel, and
    // of the rules that read one document at a time.
    let args = |t: &'static str| {
        [
            "check",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--threads",
            t,
            "fixtures/newsroom",
            "fixtures/judged",
        ]
    };
    let one = figcheck(&args("1"));
    assert_eq!(one.code, 0, "{}", one.stderr);
    let report: serde_json::Value = serde_json::from_str(&one.stdout).unwrap();
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    for code in ["FC202", "FC204", "FC104", "FC401"] {
        assert!(codes.contains(&code), "no {code} finding: {codes:?}");
    }
    for t in ["2", "3", "4"] {
        let other = figcheck(&args(t));
        assert_eq!(other.code, 0, "{}", other.stderr);
        assert!(
            other.stdout == one.stdout,
            "--threads {t} differs from --threads 1"
        );
    }
}
