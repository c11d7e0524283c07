//! Reading inputs and rule folders from disk.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use figcheck::input::{read_bytes, Document, Format, Lang};

/// Reads every document of `paths` (files, or folders walked in sorted
/// order), or standard input when there is none. `format` forces how every
/// input is read; `None` picks it by file extension (plain text for
/// standard input, unless it starts like an HTML page).
pub fn read(paths: &[PathBuf], format: Option<Format>, lang: Lang) -> Result<Vec<Document>> {
    let lang = (lang != Lang::Unknown).then_some(lang);
    let mut docs = Vec::new();
    if paths.is_empty() {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        let fmt = format.unwrap_or_else(|| sniff(&bytes));
        docs.extend(read_bytes("<stdin>", &bytes, fmt, lang)?);
        return Ok(docs);
    }
    for p in paths {
        let mut files = Vec::new();
        collect(p, &mut files, true)?;
        for f in files {
            let bytes =
                std::fs::read(&f).with_context(|| format!("{}: cannot read", f.display()))?;
            let name = display_name(&f);
            let fmt = format.unwrap_or_else(|| Format::from_name(&name));
            if fmt != Format::Jsonl && bytes.iter().take(8192).any(|&b| b == 0) {
                eprintln!("warning: {name}: skipped (binary file)");
                continue;
            }
            docs.extend(read_bytes(&name, &bytes, fmt, lang)?);
        }
    }
    Ok(docs)
}

/// The format of unnamed input: HTML when it starts like a page.
fn sniff(bytes: &[u8]) -> Format {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        Format::Html
    } else {
        Format::Text
    }
}

/// How a path is named in reports: relative to the working folder when it
/// lies inside it (so reports do not depend on where the project is
/// checked out), with `/` separators and no leading `./`.
pub fn display_name(p: &Path) -> String {
    let mut p = p.to_path_buf();
    if p.is_absolute() {
        if let Ok(cwd) = std::env::current_dir() {
            if let Ok(rel) = p.strip_prefix(&cwd) {
                p = rel.to_path_buf();
            }
        }
    }
    let mut s = p.to_string_lossy().replace('\\', "/");
    while let Some(rest) = s.strip_prefix("./") {
        s = rest.to_string();
    }
    s
}

/// Extensions of the files read when walking a folder. Files named on the
/// command line are always read, whatever their name.
pub const TEXT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "jsonl", "ndjson",
];

/// Files under `p`, sorted; hidden entries inside folders are skipped.
fn collect(p: &Path, out: &mut Vec<PathBuf>, top: bool) -> Result<()> {
    collect_with(p, out, top, TEXT_EXTENSIONS)
}

fn collect_with(p: &Path, out: &mut Vec<PathBuf>, top: bool, exts: &[&str]) -> Result<()> {
    let meta = std::fs::metadata(p).with_context(|| format!("{}: cannot open", p.display()))?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .with_context(|| format!("{}: cannot list folder", p.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            let hidden = e
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            collect_with(&e, out, false, exts)?;
        }
    } else if meta.is_file() {
        let wanted = top
            || p.extension()
                .is_some_and(|x| exts.iter().any(|e| x.eq_ignore_ascii_case(e)));
        if wanted {
            out.push(p.to_path_buf());
        }
    } else if top {
        anyhow::bail!("{}: not a file or folder", p.display());
    }
    Ok(())
}

/// The TOML files of a rules folder, sorted, as (name, text).
pub fn rule_files(dir: &Path) -> Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    collect_with(dir, &mut files, true, &["toml"])?;
    let mut out = Vec::new();
    for f in files {
        if f.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&f)
                .with_context(|| format!("{}: cannot read", f.display()))?;
            out.push((f.to_string_lossy().replace('\\', "/"), text));
        }
    }
    Ok(out)
}

/// Applies sources manifests: `--sources FILE`, else a `sources.toml` in
/// each folder given or beside each file given. Keys are paths relative to
/// the manifest's folder, or JSONL ids. A language given with `--lang`
/// wins over the manifest's.
pub fn apply_manifests(
    docs: &mut [Document],
    paths: &[PathBuf],
    explicit: Option<&Path>,
    lang: Lang,
) -> Result<()> {
    let mut manifests: Vec<PathBuf> = Vec::new();
    match explicit {
        Some(p) => manifests.push(p.to_path_buf()),
        None => {
            for p in paths {
                let dir = if p.is_dir() {
                    p.clone()
                } else {
                    p.parent().map(Path::to_path_buf).unwrap_or_default()
                };
                let m = dir.join("sources.toml");
                if m.is_file() && !manifests.contains(&m) {
                    manifests.push(m);
                }
            }
        }
    }
    for m in manifests {
        let text =
            std::fs::read_to_string(&m).with_context(|| format!("{}: cannot read", m.display()))?;
        let name = display_name(&m);
        let entries = figcheck::input::sources::parse_manifest(&name, &text)?;
        let base = m.parent().map(display_name).unwrap_or_default();
        for e in entries {
            let path = if base.is_empty() {
                e.key.clone()
            } else {
                format!("{base}/{}", e.key)
            };
            let l = if lang == Lang::Unknown { e.lang } else { None };
            for d in docs.iter_mut().filter(|d| d.id == path || d.id == e.key) {
                d.apply_source(&e.meta, l);
            }
        }
    }
    Ok(())
}
