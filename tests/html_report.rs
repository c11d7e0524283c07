//! The HTML report as a reader gets it: written by `check --format html`
//! (or to a file with `--output`, as every format), then rendered by a
//! real browser.
//!
//! The browser tests run headless Chromium on the page and read the DOM it
//! rendered: the page's script ran without error (it sets `data-js="ok"`
//! on `<body>`, an error sets `data-js="error"`), every figure and every
//! finding of the JSON report is there and marked, every link leads within
//! the page, nothing is fetched from elsewhere, and a document's own
//! markup stays text. Each also writes a screenshot at laptop size
//! (1366×900) under the target folder (`target/tmp/html_report/`), to be
//! looked at. Without `chromium` on `PATH` they fail when the `CI`
//! environment variable is set (`.ci/run` installs it) and are skipped,
//! with a notice, otherwise.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::{figcheck, figcheck_in, Scratch};

/// An element of a page: its name and attributes, in document order.
#[derive(Debug)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }

    fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|w| w == class))
    }
}

/// The elements of `html`, read with a WHATWG tokenizer.
fn elements(html: &str) -> Vec<Element> {
    let mut out = Vec::new();
    for token in html5gum::Tokenizer::new(html) {
        let Ok(html5gum::Token::StartTag(t)) = token else {
            continue;
        };
        out.push(Element {
            name: String::from_utf8_lossy(&t.name).to_ascii_lowercase(),
            attrs: t
                .attributes
                .iter()
                .map(|(k, v)| {
                    (
                        String::from_utf8_lossy(k).into_owned(),
                        String::from_utf8_lossy(&v.value).into_owned(),
                    )
                })
                .collect(),
        });
    }
    out
}

/// True when the `CI` environment variable says this is a CI run (set and
/// not empty, `0` or `false`), as figcheck and insta read it.
fn is_ci() -> bool {
    std::env::var("CI")
        .is_ok_and(|v| !matches!(v.trim().to_ascii_lowercase().as_str(), "" | "0" | "false"))
}

/// Chromium on `PATH`; `None` (after a notice) when it is missing outside
/// CI; a failure when it is missing in CI.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|n| dir.join(n)))
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            !is_ci(),
            "chromium is not on PATH and CI is set: the HTML report must be tested in a browser \
             (install the Debian package `chromium`; .ci/run does)"
        );
        // Written past the test harness's capture, so that it is seen.
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"note: chromium is not on PATH: the browser test of the HTML report is skipped\n",
        );
    }
    found
}

/// Where the pages and screenshots are written: under the target folder.
fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html_report");
    std::fs::create_dir_all(&dir).expect("the output folder is created");
    dir
}

/// Runs headless Chromium on `page` with `args`; its standard output.
/// One browser at a time: the machine running the tests may be small.
fn browse(browser: &Path, page: &Path, args: &[String]) -> String {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let profile = Scratch::new("chromium-profile");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().expect("chromium is waited for").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().expect("the output is read")
}

/// Writes the HTML report of `inputs` (run in `dir`) to `name.html` under
/// the output folder, renders it, checks the rendered DOM against the JSON
/// report of the same inputs, and takes a screenshot `name.png`. Returns
/// the elements of the rendered page (`None` when skipped).
fn check_in_browser(dir: &Path, name: &str, inputs: &[&str]) -> Option<Vec<Element>> {
    let browser = chromium()?;
    let page = out_dir().join(format!("{name}.html"));
    let page_arg = page.to_string_lossy().into_owned();
    let mut args = vec!["check"];
    args.extend(inputs);
    let written = figcheck_in(
        dir,
        &[&args[..], &["--format", "html", "--output", &page_arg]].concat(),
        b"",
    );
    assert!(written.code < 2, "{}", written.stderr);
    assert_eq!(written.stdout, "", "the report goes to the file");
    let json = figcheck_in(dir, &[&args[..], &["--format", "json"]].concat(), b"");
    let report: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON report");
    let findings = report["findings"].as_array().expect("findings");
    let figures = report["summary"]["figures"].as_u64().expect("figures") as usize;
    assert!(figures > 0, "{name}: no figure to look at");

    let dom = browse(&browser, &page, &["--dump-dom".to_string()]);
    let els = elements(&dom);
    let body = els.iter().find(|e| e.name == "body").expect("a body");
    assert_eq!(
        body.attr("data-js"),
        Some("ok"),
        "{name}: the page's script failed (see {})",
        page.display()
    );

    // Every figure is marked, focusable, and carries how it was read.
    let marked: Vec<&Element> = els
        .iter()
        .filter(|e| e.name == "span" && e.has_class("fig"))
        .collect();
    assert_eq!(marked.len(), figures, "{name}: figures marked");
    for f in &marked {
        assert_eq!(f.attr("tabindex"), Some("0"), "{f:?}");
        assert!(f.attr("data-kind").is_some_and(|k| !k.is_empty()), "{f:?}");
        assert!(f.attr("id").is_some_and(|id| id.starts_with("c-")), "{f:?}");
    }

    // Every finding is listed, in order, with its rule and severity, and
    // flagged once in the text.
    let items: Vec<&Element> = els
        .iter()
        .filter(|e| e.name == "li" && e.has_class("finding"))
        .collect();
    assert_eq!(items.len(), findings.len(), "{name}: findings listed");
    for (item, f) in items.iter().zip(findings) {
        assert_eq!(item.attr("data-rule"), f["code"].as_str(), "{item:?}");
        assert_eq!(item.attr("data-sev"), f["severity"].as_str(), "{item:?}");
    }
    let flags = els
        .iter()
        .filter(|e| e.name == "a" && e.has_class("flag"))
        .count();
    assert_eq!(
        flags,
        findings.len(),
        "{name}: findings flagged in the text"
    );

    // Each finding links to the figures it compares.
    let mut links: BTreeMap<String, usize> = BTreeMap::new();
    let mut current = None;
    for e in &els {
        if e.name == "li" && e.has_class("finding") {
            current = e.attr("id").map(str::to_string);
        } else if e.name == "a" && e.has_class("fig-link") {
            if let Some(id) = &current {
                *links.entry(id.clone()).or_default() += 1;
            }
        }
    }
    for (i, f) in findings.iter().enumerate() {
        let claims = f["claims"].as_array().expect("claims").len();
        assert_eq!(
            links.get(&format!("f-{i}")).copied().unwrap_or(0),
            claims,
            "{name}: figures of finding {i} ({})",
            f["code"]
        );
    }

    // Every link leads within the page, and nothing is fetched.
    let ids: BTreeSet<&str> = els.iter().filter_map(|e| e.attr("id")).collect();
    for e in &els {
        if let Some(href) = e.attr("href") {
            let target = href.strip_prefix('#').unwrap_or_else(|| {
                panic!("{name}: a link out of the page: {e:?}");
            });
            assert!(ids.contains(target), "{name}: no element {href}");
        }
        assert!(e.attr("src").is_none(), "{name}: a resource fetched: {e:?}");
        assert!(
            !matches!(
                e.name.as_str(),
                "img" | "iframe" | "link" | "object" | "embed"
            ),
            "{name}: {e:?}"
        );
    }

    // A screenshot at laptop size, to look at.
    let shot = out_dir().join(format!("{name}.png"));
    let _ = std::fs::remove_file(&shot);
    browse(
        &browser,
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1366,900".to_string(),
        ],
    );
    let png = std::fs::read(&shot).expect("the screenshot is written");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "{name}");
    eprintln!("{name}: {} and {}", page.display(), shot.display());
    Some(els)
}

/// Renders `page` with `script` run after the page's own, and returns the
/// elements of the DOM it leaves.
fn browse_after(browser: &Path, page: &Path, name: &str, script: &str) -> Vec<Element> {
    let html = std::fs::read_to_string(page).expect("the page is written");
    let at = html.rfind("</body>").expect("a body");
    let variant = out_dir().join(format!("{name}.html"));
    std::fs::write(
        &variant,
        format!("{}<script>{script}</script>\n{}", &html[..at], &html[at..]),
    )
    .unwrap();
    elements(&browse(browser, &variant, &["--dump-dom".to_string()]))
}

/// The filters hide the findings of an unticked severity or rule, in the
/// lists, in the text and in the claims table, and update the counts; a
/// link to a figure in a collapsed document opens it.
#[test]
fn filters_and_links_work_in_a_browser() {
    let Some(els) = check_in_browser(
        root(),
        "filters",
        &["fixtures/arithmetic", "fixtures/seeds"],
    ) else {
        return;
    };
    let browser = chromium().expect("checked above");
    let page = out_dir().join("filters.html");
    let after = browse_after(
        &browser,
        &page,
        "filters_unticked",
        "document.querySelector('input[data-filter=sev][value=error]').click();\
         document.querySelector('input[data-filter=rule][value=FC305]').click();\
         document.querySelectorAll('details.doc').forEach(function (d) { d.open = false; });\
         document.querySelectorAll('li.finding a.fig-link').forEach(function (a) { a.click(); });",
    );
    let body = after.iter().find(|e| e.name == "body").unwrap();
    assert_eq!(body.attr("data-js"), Some("ok"));
    let mut hidden = 0;
    for e in after.iter().filter(|e| e.attr("data-finding").is_some()) {
        let off = e.attr("data-sev") == Some("error") || e.attr("data-rule") == Some("FC305");
        assert_eq!(e.attr("hidden").is_some(), off, "{e:?}");
        hidden += usize::from(off);
    }
    assert!(hidden > 0);
    // Every document a finding links into is open again.
    let mut doc_of = BTreeMap::new();
    let mut doc = None;
    for e in &els {
        if e.name == "details" && e.has_class("doc") {
            doc = e.attr("id").map(str::to_string);
        }
        if let (Some(id), Some(d)) = (e.attr("id"), &doc) {
            doc_of.insert(id.to_string(), d.clone());
        }
    }
    let open: BTreeSet<&str> = after
        .iter()
        .filter(|e| e.name == "details" && e.attr("open").is_some())
        .filter_map(|e| e.attr("id"))
        .collect();
    let mut current = false;
    for e in &els {
        if e.name == "li" && e.has_class("finding") {
            current = true;
        }
        if current && e.name == "a" && e.has_class("fig-link") {
            let target = &e.attr("href").unwrap()[1..];
            assert!(open.contains(doc_of[target].as_str()), "{target} not shown");
        }
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn seeds_in_a_browser() {
    check_in_browser(root(), "seeds", &["fixtures/seeds"]);
}

/// Findings of every family (arithmetic, dates, malformed values, sources)
/// and of the three severities, in one page.
#[test]
fn findings_of_every_kind_in_a_browser() {
    check_in_browser(
        root(),
        "every_kind",
        &[
            "fixtures/arithmetic",
            "fixtures/dates",
            "fixtures/malformed",
            "fixtures/en_sources",
            "fixtures/fr_en_pair",
        ],
    );
}

/// A document holding markup: it is shown as text, never run or loaded.
#[test]
fn markup_in_a_document_stays_text_in_a_browser() {
    let dir = Scratch::new("injection");
    std::fs::write(
        dir.join("article.txt"),
        "Le bilan <script>document.body.setAttribute('data-js', 'injected')</script> \
         fait état de 1 200 morts, dont 700 civils et 800 soldats.\n\
         <img src=\"https://example.org/x.png\" onerror=\"document.title='injected'\"> \
         \"</span></li></ol></details><u>3 000</u>\" blessés & 12 disparus.\n",
    )
    .unwrap();
    let Some(els) = check_in_browser(&dir, "injection", &["article.txt"]) else {
        return;
    };
    let scripts = els.iter().filter(|e| e.name == "script").count();
    assert_eq!(scripts, 1, "only the page's own script");
    assert!(!els.iter().any(|e| e.name == "u" || e.name == "img"));
}

/// The page, without a browser: escaped text, one script, links within.
#[test]
fn markup_in_a_document_is_escaped() {
    let out = figcheck(&["check", "fixtures/seeds", "--format", "html"]);
    assert!(out.code < 2, "{}", out.stderr);
    let els = elements(&out.stdout);
    assert_eq!(els.iter().filter(|e| e.name == "script").count(), 1);
    for e in &els {
        if let Some(href) = e.attr("href") {
            assert!(href.starts_with('#'), "{e:?}");
        }
        assert!(e.attr("src").is_none(), "{e:?}");
    }
}

/// `--output FILE` writes the report of any format to FILE, as it would
/// have been printed, and leaves no temporary file behind.
#[test]
fn output_writes_every_format_to_a_file() {
    let dir = Scratch::new("output");
    for format in [
        "text", "concise", "json", "jsonl", "sarif", "github", "html",
    ] {
        let printed = figcheck(&["check", "fixtures/arithmetic", "--format", format]);
        let file = dir.join(format!("report.{format}"));
        // An existing file is replaced whole.
        std::fs::write(&file, "old report\n".repeat(10_000)).unwrap();
        let file_arg = file.to_string_lossy().into_owned();
        let written = figcheck(&[
            "check",
            "fixtures/arithmetic",
            "--format",
            format,
            "--output",
            &file_arg,
        ]);
        assert_eq!(written.code, printed.code, "{format}: {}", written.stderr);
        assert_eq!(written.stdout, "", "{format}");
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            printed.stdout,
            "{format}"
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(&*dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 7, "no temporary file left: {names:?}");
}

#[test]
fn output_into_a_missing_folder_is_an_error() {
    let dir = Scratch::new("output-missing");
    let file = dir.join("no/such/folder/report.html");
    let out = figcheck(&[
        "check",
        "fixtures/seeds",
        "--format",
        "html",
        "--output",
        &file.to_string_lossy(),
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("cannot write"), "{}", out.stderr);
    assert!(!file.exists());
    let both = figcheck(&[
        "check",
        "fixtures/seeds",
        "--output",
        "a.txt",
        "--snapshot",
        "b.snap",
    ]);
    assert_eq!(both.code, 2, "--output and --snapshot exclude each other");
}
