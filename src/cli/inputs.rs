//! Reading inputs and rule folders from disk.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use figcheck::input::{parse_jsonl, Document, Lang};

/// Reads every document of `paths` (files, or folders walked in sorted
/// order), or standard input when there is none. `.jsonl`/`.ndjson` files
/// are JSONL unless `force_text`; every input is JSONL with `force_jsonl`.
pub fn read(
    paths: &[PathBuf],
    force_jsonl: bool,
    force_text: bool,
    lang: Lang,
    sources: Option<&Path>,
) -> Result<Vec<Document>> {
    let mut docs = read_docs(paths, force_jsonl, force_text, lang)?;
    apply_manifests(&mut docs, paths, sources, lang)?;
    Ok(docs)
}

/// Applies sources manifests: `--sources FILE`, else a `sources.toml` in
/// each folder given or beside each file given. Keys are paths relative to
/// the manifest's folder, or JSONL ids. A language given with `--lang`
/// wins over the manifest's.
fn apply_manifests(
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
        let name = m.to_string_lossy().replace('\\', "/");
        let entries = figcheck::input::sources::parse_manifest(&name, &text)?;
        let base = m
            .parent()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
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

fn read_docs(
    paths: &[PathBuf],
    force_jsonl: bool,
    force_text: bool,
    lang: Lang,
) -> Result<Vec<Document>> {
    let lang = (lang != Lang::Unknown).then_some(lang);
    let mut docs = Vec::new();
    if paths.is_empty() {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        load(&mut docs, "<stdin>", &bytes, force_jsonl, lang)?;
        return Ok(docs);
    }
    for p in paths {
        let mut files = Vec::new();
        collect(p, &mut files, true)?;
        for f in files {
            let bytes =
                std::fs::read(&f).with_context(|| format!("{}: cannot read", f.display()))?;
            let name = f.to_string_lossy().replace('\\', "/");
            let jsonl = force_jsonl
                || (!force_text && f.extension().is_some_and(|e| e == "jsonl" || e == "ndjson"));
            if !jsonl && bytes.iter().take(8192).any(|&b| b == 0) {
                eprintln!("warning: {name}: skipped (binary file)");
                continue;
            }
            load(&mut docs, &name, &bytes, jsonl, lang)?;
        }
    }
    Ok(docs)
}

fn load(
    docs: &mut Vec<Document>,
    name: &str,
    bytes: &[u8],
    jsonl: bool,
    lang: Option<Lang>,
) -> Result<()> {
    if jsonl {
        let (text, notices) = figcheck::input::decode_utf8(name, bytes);
        for n in &notices {
            eprintln!("warning: {}: {}", n.doc, n.message);
        }
        docs.extend(parse_jsonl(name, &text, lang)?);
    } else {
        docs.push(Document::from_bytes(name, bytes, lang));
    }
    Ok(())
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
