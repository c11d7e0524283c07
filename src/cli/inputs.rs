//! Reading inputs and rule folders from disk.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use figcheck::input::{Document, Format, Lang};

/// Reads every document of `paths` (files, or folders walked in sorted
/// order), or standard input when there is none. `format` forces how every
/// input is read; `None` picks it by file extension (plain text for
/// standard input, unless it starts like an HTML page).
pub fn read(paths: &[PathBuf], format: Option<Format>, lang: Lang) -> Result<Vec<Document>> {
    super::stream::DocStream::new(paths, format, lang)?.collect()
}

/// The files of `p`: `p` itself, or the files of a folder in sorted order.
pub fn collect_files(p: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    collect(p, out, true)
}

/// The format of unnamed input: HTML when it starts like a page.
pub fn sniff(bytes: &[u8]) -> Format {
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

/// The sources manifests of a run: `--sources FILE`, else a
/// `sources.toml` in each folder given or beside each file given. Keys are
/// paths relative to the manifest's folder, or JSONL ids.
pub struct Manifests {
    /// (path relative to the working folder, entry).
    entries: Vec<(String, figcheck::input::sources::SourceEntry)>,
    lang: Lang,
}

impl Manifests {
    /// Loads the manifests of `paths`. A language given with `--lang`
    /// (`lang`) wins over the manifests'.
    pub fn load(paths: &[PathBuf], explicit: Option<&Path>, lang: Lang) -> Result<Manifests> {
        let mut files: Vec<PathBuf> = Vec::new();
        match explicit {
            Some(p) => files.push(p.to_path_buf()),
            None => {
                for p in paths {
                    let dir = if p.is_dir() {
                        p.clone()
                    } else {
                        p.parent().map(Path::to_path_buf).unwrap_or_default()
                    };
                    let m = dir.join("sources.toml");
                    if m.is_file() && !files.contains(&m) {
                        files.push(m);
                    }
                }
            }
        }
        let mut entries = Vec::new();
        for m in files {
            let text = std::fs::read_to_string(&m)
                .with_context(|| format!("{}: cannot read", m.display()))?;
            let name = display_name(&m);
            let base = m.parent().map(display_name).unwrap_or_default();
            for e in figcheck::input::sources::parse_manifest(&name, &text)? {
                let path = if base.is_empty() {
                    e.key.clone()
                } else {
                    format!("{base}/{}", e.key)
                };
                entries.push((path, e));
            }
        }
        Ok(Manifests { entries, lang })
    }

    /// Gives each document the metadata its manifest entry names.
    pub fn apply(&self, docs: &mut [Document]) {
        if self.entries.is_empty() {
            return;
        }
        for (path, e) in &self.entries {
            let l = if self.lang == Lang::Unknown {
                e.lang
            } else {
                None
            };
            for d in docs.iter_mut().filter(|d| d.id == *path || d.id == e.key) {
                d.apply_source(&e.meta, l);
            }
        }
    }
}
