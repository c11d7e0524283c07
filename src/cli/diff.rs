//! `figcheck diff`: analyses two versions of an article, each on its own,
//! and reports what changed between them.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};

use figcheck::config::Config;
use figcheck::input::Document;
use figcheck::report::diff::{self, Version};
use figcheck::rules::Selection;

use super::args::{DiffArgs, ReadArgs};
use super::{inputs, print_notices, write_out};

/// The one document of a file.
fn read_one(path: &Path, read: &ReadArgs) -> Result<Document> {
    let got = inputs::read(
        std::slice::from_ref(&path.to_path_buf()),
        read.format(),
        read.lang,
        read.max_doc_size,
    )?;
    if got.failed > 0 {
        bail!("{}: cannot compare it", inputs::display_name(path));
    }
    let mut docs = got.docs;
    print_notices(&docs);
    if docs.len() != 1 {
        bail!(
            "{}: `diff` compares two documents, and this holds {}",
            inputs::display_name(path),
            docs.len()
        );
    }
    Ok(docs.remove(0))
}

/// One version, analysed.
fn analyse(doc: Document, cfg: &Config, sel: &Selection) -> Version {
    let (corpus, findings) = figcheck::analyze(vec![doc], cfg, sel);
    Version::new(corpus, findings)
}

pub fn diff(a: DiffArgs) -> Result<ExitCode> {
    let cfg = a.config.load()?;
    let sel = a.selection.selection(&cfg)?;
    let old = read_one(&a.old, &a.read)?;
    let new = read_one(&a.new, &a.read)?;
    let d = diff::compare(
        analyse(old, &cfg, &sel),
        analyse(new, &cfg, &sel),
        &cfg.meanings,
    );
    write_out(&a.format.reporter().render(&d))?;
    let fail = a
        .fail_on
        .threshold()
        .is_some_and(|t| d.introduced.iter().any(|f| f.severity >= t));
    Ok(ExitCode::from(if fail { 1 } else { 0 }))
}
