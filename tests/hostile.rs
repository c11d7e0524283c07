//! Broken and hostile input through the binary: every case is read as far
//! as it can be, reported where it cannot, and never stops the other
//! inputs from being checked.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{figcheck_in, Out, Scratch};

/// The figures `extract --format jsonl` finds: (text, value, line, column).
fn figures(out: &str) -> Vec<(String, String, u64, u64)> {
    out.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["text"].as_str().unwrap().to_string(),
                v["value"].as_str().unwrap_or("-").to_string(),
                v["line"].as_u64().unwrap(),
                v["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn extract_file(name: &str, bytes: &[u8]) -> (Out, Vec<(String, String, u64, u64)>) {
    let dir = Scratch::new(&name.replace('.', "-"));
    std::fs::write(dir.join(name), bytes).unwrap();
    let out = figcheck_in(
        &dir,
        &["extract", name, "--format", "jsonl", "--lang", "fr"],
        b"",
    );
    let figs = figures(&out.stdout);
    (out, figs)
}

fn fig(text: &str, value: &str, line: u64, column: u64) -> (String, String, u64, u64) {
    (text.to_string(), value.to_string(), line, column)
}

#[test]
fn invalid_utf8_is_reported_with_its_byte_offset_and_the_rest_read() {
    let (out, figs) = extract_file("bad.txt", b"Il y a 12 soldats.\n\xff\xfe puis 300 civils.");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "warning: bad.txt:2:1: invalid UTF-8 at byte 19 (2 byte(s) replaced by U+FFFD)"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(figs, [fig("12", "12", 1, 8), fig("300", "300", 2, 9)]);
}

#[test]
fn a_byte_order_mark_is_not_read_and_columns_stay_right() {
    let (out, figs) = extract_file("bom.txt", "\u{feff}3 500 soldats, puis 12.".as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The mark is a character of the line: the first figure is at column 2.
    assert_eq!(figs, [fig("3 500", "3500", 1, 2), fig("12", "12", 1, 22)]);
}

#[test]
fn crlf_and_lone_cr_line_endings() {
    let (out, figs) = extract_file("crlf.txt", b"Il y a 12 soldats.\r\nPuis 300 civils.\r\n");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(figs, [fig("12", "12", 1, 8), fig("300", "300", 2, 6)]);
    // A lone CR separates numbers; lines are counted at LF only.
    let (out, figs) = extract_file("cr.txt", b"Il y a 12\r300 civils.\r4 morts");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        figs,
        [
            fig("12", "12", 1, 8),
            fig("300", "300", 1, 11),
            fig("4", "4", 1, 23)
        ]
    );
}

#[test]
fn nul_bytes_make_a_binary_file_that_is_skipped_with_a_notice() {
    let dir = Scratch::new("binary");
    std::fs::write(dir.join("a.txt"), "Il y a 12 soldats.").unwrap();
    std::fs::write(dir.join("b.txt"), b"\x7fELF\x02\x01\x00\x00 12 soldats").unwrap();
    let out = figcheck_in(&dir, &["extract", ".", "--format", "jsonl"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("warning: b.txt: skipped (binary file)"),
        "{}",
        out.stderr
    );
    assert_eq!(figures(&out.stdout).len(), 1);
    // NUL inside a JSONL record's text is text like any other.
    let out = figcheck_in(
        &dir,
        &["extract", "--input", "jsonl", "--format", "jsonl"],
        b"{\"id\": \"n\", \"text\": \"12\\u0000 soldats et 300\\u0000\"}\n",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(figures(&out.stdout).len(), 2);
}

#[test]
fn an_empty_file_is_a_document_without_figures() {
    let dir = Scratch::new("empty");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    let out = figcheck_in(&dir, &["check", "empty.txt"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "0 findings (0 errors, 0 warnings, 0 info) in 1 document, 0 figures\n"
    );
    let out = figcheck_in(&dir, &["check"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn one_long_line_is_read_whole() {
    // The 100 MB case, scaled down: one line of 2 MB, every figure found
    // and located (linear time is measured outside the test suite).
    let sentence =
        "Environ 2.500 XNUMX soldats, 1 500 blessés et 3,5 % des 12 millions d'habitants. ";
    let n = 2_000_000 / sentence.len();
    let text = sentence.repeat(n);
    let dir = Scratch::new("long");
    std::fs::write(dir.join("long.txt"), &text).unwrap();
    let out = figcheck_in(
        &dir,
        &[
            "check",
            "long.txt",
            "--format",
            "concise",
            "--fail-on",
            "never",
        ],
        b"",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), n, "one FC101 per sentence");
    let last_col = sentence.chars().count() * (n - 1) + "Environ ".len() + 1;
    assert!(
        lines[n - 1].starts_with(&format!("long.txt:1:{last_col}: FC101")),
        "{}",
        lines[n - 1]
    );
}

#[test]
fn html_entities_between_digits() {
    // In HTML they are decoded: one figure, its span the entity included.
    let html = "<p>Il y a 2&nbsp;500 soldats et 1&#8239;200 civils.</p>";
    let (out, figs) = extract_file("page.html", html.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        figs,
        [
            fig("2\u{a0}500", "2500", 1, 11),
            fig("1\u{202f}200", "1200", 1, 33)
        ]
    );
    // Left as they are in plain text, a numeric reference is no figure.
    let (_, figs) = extract_file("scraped.txt", b"Il y a 5&#8239;000 soldats et &#x202F;9.");
    let texts: Vec<&str> = figs.iter().map(|f| f.0.as_str()).collect();
    assert!(
        !texts.contains(&"8239") && !texts.contains(&"202"),
        "{figs:?}"
    );
}

#[test]
fn zero_width_characters_and_direction_marks_inside_numbers() {
    for mark in [
        '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{200e}', '\u{200f}',
    ] {
        let text = format!("Il y a 1{mark}500 soldats et \u{200f}300\u{200e} civils.");
        let (out, figs) = extract_file("zw.txt", text.as_bytes());
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(figs.len(), 2, "{mark:?}: {figs:?}");
        assert_eq!(figs[0].1, "1500", "{mark:?}");
        assert_eq!(figs[1].1, "300", "{mark:?}");
    }
}

#[test]
fn a_symbolic_link_loop_in_a_folder_is_skipped() {
    let dir = Scratch::new("loop");
    std::fs::create_dir_all(dir.join("d/sub")).unwrap();
    std::fs::write(dir.join("d/sub/a.txt"), "Il y a 12 soldats.").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("..", dir.join("d/sub/up")).unwrap();
        std::os::unix::fs::symlink("self.txt", dir.join("d/self.txt")).unwrap();
    }
    let out = figcheck_in(&dir, &["extract", "d", "--format", "jsonl"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(figures(&out.stdout).len(), 1);
    #[cfg(unix)]
    {
        assert!(
            out.stderr
                .contains("warning: d/self.txt: skipped (symbolic link loop)"),
            "{}",
            out.stderr
        );
        assert!(
            out.stderr.contains(
                "warning: d/sub/up: skipped (symbolic link loop: a folder that holds it)"
            ),
            "{}",
            out.stderr
        );
    }
}

/// True when the process may read a file whatever its permissions (root).
#[cfg(unix)]
fn permissions_do_not_deny(file: &Path) -> bool {
    std::fs::File::open(file).is_ok()
}

#[test]
#[cfg(unix)]
fn an_unreadable_file_is_reported_and_the_others_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Scratch::new("unreadable");
    std::fs::write(dir.join("a.txt"), "Il y a 12 soldats.").unwrap();
    std::fs::write(dir.join("locked.txt"), "Il y a 300 civils.").unwrap();
    std::fs::set_permissions(
        dir.join("locked.txt"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let expected = if permissions_do_not_deny(&dir.join("locked.txt")) {
        // Root reads it anyway: a file whose reading fails whatever the
        // permissions stands in for it (reading /proc/self/mem at 0: EIO).
        std::fs::remove_file(dir.join("locked.txt")).unwrap();
        std::os::unix::fs::symlink("/proc/self/mem", dir.join("locked.txt")).unwrap();
        "error: locked.txt: cannot read: Input/output error"
    } else {
        "error: locked.txt: cannot read: Permission denied"
    };
    let out = figcheck_in(&dir, &["extract", ".", "--format", "jsonl"], b"");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains(expected), "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "error: 1 input(s) could not be read (see above); the other inputs were read"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(figures(&out.stdout), [fig("12", "12", 1, 8)]);
    // check reports the others too, then exits with 2.
    let out = figcheck_in(&dir, &["check", ".", "--format", "concise"], b"");
    assert_eq!(out.code, 2, "{}", out.stderr);
    // No snapshot or baseline is written from a report that lacks an input.
    let out = figcheck_in(&dir, &["check", ".", "--snapshot", "snap.txt"], b"");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("snapshot snap.txt not compared or written"),
        "{}",
        out.stderr
    );
    let out = figcheck_in(&dir, &["baseline", "write", "base.json", "."], b"");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(!dir.join("snap.txt").exists() && !dir.join("base.json").exists());
    let _ = std::fs::set_permissions(
        dir.join("locked.txt"),
        std::fs::Permissions::from_mode(0o644),
    );
}

#[test]
fn a_path_that_does_not_exist_is_reported_and_the_others_checked() {
    let dir = Scratch::new("missing");
    std::fs::write(dir.join("a.txt"), "Il y a 12 soldats.").unwrap();
    let out = figcheck_in(
        &dir,
        &["extract", "no/such.txt", "a.txt", "--format", "jsonl"],
        b"",
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("error: no/such.txt: cannot open: No such file or directory"),
        "{}",
        out.stderr
    );
    assert_eq!(figures(&out.stdout).len(), 1);
}

#[test]
fn a_document_over_max_doc_size_is_refused_with_a_clear_message() {
    let dir = Scratch::new("max");
    std::fs::write(dir.join("a.txt"), "Il y a 12 soldats.").unwrap();
    std::fs::write(dir.join("big.txt"), "1 ".repeat(1500)).unwrap();
    let out = figcheck_in(
        &dir,
        &["extract", ".", "--format", "jsonl", "--max-doc-size", "2K"],
        b"",
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "error: big.txt: not read: 3000 bytes, larger than the limit of 2048 bytes (--max-doc-size 2K)"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(figures(&out.stdout).len(), 1);
    // Standard input is read no further than the limit.
    let out = figcheck_in(
        &dir,
        &["extract", "--max-doc-size", "100"],
        "9 ".repeat(1000).as_bytes(),
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("<stdin>: not read: more than larger than the limit of 100 bytes")
            || out.stderr.contains("<stdin>: not read"),
        "{}",
        out.stderr
    );
    // For JSONL, each record is measured.
    let jsonl = format!(
        "{{\"id\": \"small\", \"text\": \"12 soldats\"}}\n{{\"id\": \"big\", \"text\": \"{}\"}}\n",
        "1 ".repeat(100)
    );
    let out = figcheck_in(
        &dir,
        &[
            "extract",
            "--input",
            "jsonl",
            "--format",
            "jsonl",
            "--max-doc-size",
            "100",
        ],
        jsonl.as_bytes(),
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("error: big: not read: 200 bytes"),
        "{}",
        out.stderr
    );
    assert_eq!(figures(&out.stdout).len(), 1);
    let out = figcheck_in(&dir, &["check", "a.txt", "--max-doc-size", "lots"], b"");
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("`lots` is not a size"),
        "{}",
        out.stderr
    );
}

/// Every file under `dir` with its bytes, sorted.
fn contents(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn inputs_are_never_modified() {
    let dir = Scratch::new("inputs");
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    std::fs::write(
        dir.join("articles/a.txt"),
        "Environ 2.500 XNUMX soldats.\r\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("articles/b.md"),
        "---\noutlet: X\n---\n# 12 morts\n",
    )
    .unwrap();
    std::fs::write(dir.join("articles/c.html"), "<p>1&nbsp;500 soldats</p>").unwrap();
    std::fs::write(dir.join("articles/d.txt"), b"\xff 3 soldats").unwrap();
    let before = contents(&dir.join("articles"));
    for args in [
        &["check", "articles"][..],
        &["check", "articles", "--snapshot", "snap.txt"],
        &[
            "check",
            "articles",
            "--snapshot",
            "snap.txt",
            "--update-snapshot",
        ],
        &["baseline", "write", "base.json", "articles"],
        &["check", "articles", "--baseline", "base.json"],
        &["extract", "articles"],
        &["claims", "articles"],
        &["diff", "articles/a.txt", "articles/d.txt"],
    ] {
        figcheck_in(&dir, args, b"");
    }
    assert_eq!(contents(&dir.join("articles")), before);
}

#[test]
#[cfg(unix)]
fn sigint_leaves_no_partial_or_temporary_file() {
    let dir = Scratch::new("sigint");
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    let seed = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds/002_4d26f834a15c7ecc.txt"),
    )
    .unwrap();
    for i in 0..60 {
        std::fs::write(dir.join(format!("articles/{i:03}.txt")), &seed).unwrap();
    }
    // Interrupt at several moments: whenever the signal comes, the
    // baseline is absent or complete, and nothing else is left.
    for delay_ms in [0, 20, 60, 150, 400] {
        let child = Command::new(env!("CARGO_BIN_EXE_figcheck"))
            .current_dir(&dir)
            .args(["baseline", "write", "base.json", "articles"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status();
        let out = child.wait_with_output().unwrap();
        let code = out.status.code();
        assert!(matches!(code, Some(0) | Some(130) | None), "{code:?}");
        let left: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "articles")
            .collect();
        match left.as_slice() {
            [] => {}
            [one] if one == "base.json" => {
                let text = std::fs::read_to_string(dir.join("base.json")).unwrap();
                serde_json::from_str::<serde_json::Value>(&text).expect("a complete baseline");
                std::fs::remove_file(dir.join("base.json")).unwrap();
            }
            other => panic!("left behind after SIGINT at {delay_ms} ms: {other:?}"),
        }
    }
}

#[test]
fn a_figure_that_starts_on_the_line_before_its_sentence_does_not_panic() {
    // "environ" ends one line, its number opens the next sentence.
    let dir = common::Scratch::new("split-qualifier");
    std::fs::write(dir.join("p.txt"), "environ \n 12 é 1 ").unwrap();
    let out = common::figcheck_in(&dir, &["check", "--lang", "fr", "p.txt"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
}
