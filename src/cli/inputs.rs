//! Reading inputs and rule folders from disk.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use figcheck::input::{read_bytes, sniff, Document, Format, Lang, SNIFF_BYTES};

/// What reading the inputs gave: the documents, and the inputs that could
/// not be read (each already reported on standard error). The documents
/// that could be read are still checked; the run then exits with 2.
#[derive(Default)]
pub struct Inputs {
    pub docs: Vec<Document>,
    pub failed: usize,
}

/// Reads every document of `paths` (files, or folders walked in sorted
/// order), or standard input when there is none. `format` forces how every
/// input is read; `None` picks it by file extension (by content for
/// standard input: JSONL, HTML, Markdown or plain text). An input that
/// cannot be read (missing, permission denied, larger than `max_size`
/// bytes) is reported and counted, and the others are still read; a
/// binary file or a symbolic link loop inside a folder is skipped with a
/// warning. For JSONL, `max_size` applies to each record's text.
pub fn read(
    paths: &[PathBuf],
    format: Option<Format>,
    lang: Lang,
    max_size: u64,
) -> Result<Inputs> {
    let mut stream = super::stream::DocStream::new(paths, format, lang, max_size);
    let docs = stream.by_ref().collect::<Result<Vec<Document>>>()?;
    Ok(Inputs {
        docs,
        failed: stream.failed,
    })
}

/// Standard input, read as `format`, or as the format its content tells
/// (see [`figcheck::input::sniff`]) when none is given.
pub enum Stdin {
    /// JSONL, to be read line by line (the head already read comes first).
    Jsonl(Box<dyn BufRead>),
    /// The documents of any other format.
    Docs(Vec<Document>),
    /// Over `max_size` (reported).
    TooLarge,
}

/// Reads standard input: as `format`, or, when it is `None`, as the format
/// its first line and first [`SNIFF_BYTES`] bytes tell.
pub fn read_stdin(format: Option<Format>, lang: Option<Lang>, max_size: u64) -> Result<Stdin> {
    let mut bytes = Vec::new();
    let fmt = match format {
        Some(f) => f,
        None => {
            let mut r = std::io::stdin().lock();
            r.by_ref()
                .take(SNIFF_BYTES as u64)
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            if bytes.len() == SNIFF_BYTES && !bytes.contains(&b'\n') {
                // The first line goes on: read it all, to tell JSONL.
                r.by_ref()
                    .take(max_size)
                    .read_until(b'\n', &mut bytes)
                    .context("cannot read standard input")?;
            }
            sniff(&bytes)
        }
    };
    if fmt == Format::Jsonl {
        let rest = std::io::Cursor::new(bytes).chain(std::io::stdin());
        return Ok(Stdin::Jsonl(Box::new(BufReader::new(rest))));
    }
    let room = max_size
        .saturating_add(1)
        .saturating_sub(bytes.len() as u64);
    std::io::stdin()
        .lock()
        .take(room)
        .read_to_end(&mut bytes)
        .context("cannot read standard input")?;
    if bytes.len() as u64 > max_size {
        eprintln!("error: {}", too_large("<stdin>", None, max_size));
        return Ok(Stdin::TooLarge);
    }
    Ok(Stdin::Docs(read_bytes("<stdin>", &bytes, fmt, lang)?))
}

/// The bytes of one input file (not JSONL, which is streamed): `None` when
/// it cannot be read or is over `max_size` (reported on standard error,
/// and counted by the caller), or is binary (skipped with a warning, not
/// counted: `Some(empty)` is never returned, so the caller tells the two
/// apart by [`ReadFile`]).
pub fn read_file(f: &Path, name: &str, fmt: Format, max_size: u64) -> ReadFile {
    let size = std::fs::metadata(f).map(|m| m.len()).unwrap_or(0);
    if size > max_size {
        eprintln!("error: {}", too_large(name, Some(size), max_size));
        return ReadFile::Failed;
    }
    let bytes = match std::fs::read(f) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {name}: cannot read: {e}");
            return ReadFile::Failed;
        }
    };
    if fmt != Format::Jsonl && bytes.iter().take(8192).any(|&b| b == 0) {
        eprintln!("warning: {name}: skipped (binary file)");
        return ReadFile::Skipped;
    }
    ReadFile::Bytes(bytes)
}

/// What reading one input file gave.
pub enum ReadFile {
    Bytes(Vec<u8>),
    /// Could not be read: reported, to be counted.
    Failed,
    /// A binary file: skipped with a warning.
    Skipped,
}

pub fn too_large(name: &str, size: Option<u64>, max: u64) -> String {
    let size = size.map_or("more than".to_string(), |s| format!("{s} bytes,"));
    format!(
        "{name}: not read: {size} larger than the limit of {max} bytes (--max-doc-size {})",
        human_size(max)
    )
}

/// A size as `--max-doc-size` takes it: `16M`, `512K`, or bytes.
fn human_size(n: u64) -> String {
    for (unit, shift) in [("G", 30), ("M", 20), ("K", 10)] {
        if n >= 1 << shift && n % (1 << shift) == 0 {
            return format!("{}{unit}", n >> shift);
        }
    }
    n.to_string()
}

/// Parses a size: bytes, or a number with `K`, `M` or `G` (powers of 1024;
/// `KB`, `MiB` and lower case are read the same).
pub fn parse_size(s: &str) -> std::result::Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(digits);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size (expected bytes, or a number with K, M or G)"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => {
            return Err(format!(
                "`{s}` is not a size (expected bytes, or a number with K, M or G)"
            ))
        }
    };
    n.checked_mul(1 << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{s}` is not a size from 1 byte to 16 EiB"))
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

/// A walk over folders: the folders being walked (to skip a symbolic link
/// back into one of them) and the entries that could not be read.
#[derive(Default)]
pub struct Walk {
    ancestors: Vec<PathBuf>,
    pub failed: usize,
}

impl Walk {
    /// Files under `p`, sorted; hidden entries inside folders are skipped.
    /// An error at the top (`p` itself) is returned; an entry inside a
    /// folder that cannot be read is reported and counted, and the walk
    /// goes on.
    pub fn collect(
        &mut self,
        p: &Path,
        out: &mut Vec<PathBuf>,
        top: bool,
        exts: &[&str],
    ) -> Result<()> {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            // A link to itself, or a cycle of links, inside a folder.
            Err(e) if !top && is_link_loop(&e) => {
                eprintln!("warning: {}: skipped (symbolic link loop)", display_name(p));
                return Ok(());
            }
            Err(e) => return Err(e).with_context(|| format!("{}: cannot open", p.display())),
        };
        if meta.is_dir() {
            let real = std::fs::canonicalize(p)
                .with_context(|| format!("{}: cannot open", p.display()))?;
            if self.ancestors.contains(&real) {
                eprintln!(
                    "warning: {}: skipped (symbolic link loop: a folder that holds it)",
                    display_name(p)
                );
                return Ok(());
            }
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("{}: cannot list folder", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            self.ancestors.push(real);
            for e in entries {
                let hidden = e
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'));
                if hidden {
                    continue;
                }
                if let Err(err) = self.collect(&e, out, false, exts) {
                    eprintln!("error: {err:#}");
                    self.failed += 1;
                }
            }
            self.ancestors.pop();
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
}

/// True for the error of following too many symbolic links (ELOOP).
fn is_link_loop(e: &std::io::Error) -> bool {
    const ELOOP: i32 = if cfg!(any(
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd"
    )) {
        62
    } else {
        40
    };
    cfg!(unix) && e.raw_os_error() == Some(ELOOP)
}

/// The TOML files of a rules folder, sorted, as (name, text).
pub fn rule_files(dir: &Path) -> Result<Vec<(String, String)>> {
    let mut files = Vec::new();
    let mut walk = Walk::default();
    walk.collect(dir, &mut files, true, &["toml"])?;
    if walk.failed > 0 {
        anyhow::bail!(
            "{}: {} rule file(s) or folder(s) could not be read",
            dir.display(),
            walk.failed
        );
    }
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
    entries: Vec<(String, figcheck::input::SourceEntry)>,
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
            for e in figcheck::input::parse_manifest(&name, &text)? {
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
