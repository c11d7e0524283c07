//! Documents read one at a time, so that `extract` runs in memory
//! independent of the size of its input: JSONL is read line by line, other
//! files one file at a time. Inputs that cannot be read are reported and
//! counted as [`super::inputs::read`] does, and the others are still read.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::sync::mpsc::sync_channel;

use anyhow::Result;

use figcheck::input::{decode_utf8, parse_jsonl_line, read_bytes, Document, Format, Lang};

use super::inputs::{
    display_name, read_file, read_stdin, too_large, ReadFile, Stdin, Walk, TEXT_EXTENSIONS,
};

/// A JSONL stream being read line by line.
struct Lines {
    name: String,
    reader: Box<dyn BufRead>,
    line: usize,
}

/// An iterator over the documents of the inputs, in order. An input or a
/// JSONL record that cannot be read is reported on standard error and
/// counted in `failed`, and the others are still read.
pub struct DocStream {
    files: std::vec::IntoIter<PathBuf>,
    stdin: bool,
    format: Option<Format>,
    lang: Option<Lang>,
    max_size: u64,
    current: Option<Lines>,
    /// Documents read but not yet handed out (a file's documents).
    pending: std::vec::IntoIter<Document>,
    buf: Vec<u8>,
    /// Inputs that could not be read, each reported on standard error.
    pub failed: usize,
}

impl DocStream {
    /// The documents of `paths` (standard input when empty). Folders are
    /// walked now, files are read as the iterator advances.
    pub fn new(paths: &[PathBuf], format: Option<Format>, lang: Lang, max_size: u64) -> DocStream {
        let mut files = Vec::new();
        let mut failed = 0;
        for p in paths {
            let mut walk = Walk::default();
            if let Err(e) = walk.collect(p, &mut files, true, TEXT_EXTENSIONS) {
                eprintln!("error: {e:#}");
                failed += 1;
            }
            failed += walk.failed;
        }
        DocStream {
            files: files.into_iter(),
            stdin: paths.is_empty(),
            format,
            lang: (lang != Lang::Unknown).then_some(lang),
            max_size,
            current: None,
            pending: Vec::new().into_iter(),
            buf: Vec::new(),
            failed,
        }
    }

    /// Up to `max_docs` documents, or fewer whose text adds up to
    /// `max_bytes`; empty at the end.
    pub fn batch(&mut self, max_docs: usize, max_bytes: usize) -> Result<Vec<Document>> {
        let mut out = Vec::new();
        let mut bytes = 0;
        while out.len() < max_docs && bytes < max_bytes {
            match self.next() {
                Some(d) => {
                    let d = d?;
                    bytes += d.text.len();
                    out.push(d);
                }
                None => break,
            }
        }
        Ok(out)
    }

    /// Reads the documents in batches (see [`DocStream::batch`]) and hands
    /// them on, so that reading, working and writing overlap: this thread
    /// reads each batch and runs `read` on it (notices, in input order);
    /// a second thread runs `work` on it; a third gives the results to
    /// `write`, in order, then calls it with `None` once at the end. At
    /// most one batch waits between two stages, so memory stays bounded.
    ///
    /// Returns false when `write` asked to stop (it returned `Ok(false)`:
    /// a closed pipe); an error of `write` comes before an error of
    /// reading, as it would reading and writing one batch after the other.
    pub fn pipeline<T: Send>(
        &mut self,
        max_docs: usize,
        max_bytes: usize,
        mut read: impl FnMut(&mut Vec<Document>),
        work: impl Fn(Vec<Document>) -> T + Sync,
        mut write: impl FnMut(Option<T>) -> Result<bool> + Send,
    ) -> Result<bool> {
        std::thread::scope(|s| {
            let (to_work, batches) = sync_channel::<Vec<Document>>(1);
            let (to_write, results) = sync_channel::<T>(1);
            let work = &work;
            let worker = s.spawn(move || {
                for docs in batches {
                    if to_write.send(work(docs)).is_err() {
                        break;
                    }
                }
            });
            let writer = s.spawn(move || -> Result<bool> {
                for r in results {
                    if !write(Some(r))? {
                        return Ok(false);
                    }
                }
                write(None)
            });
            let mut failed = None;
            loop {
                let mut docs = match self.batch(max_docs, max_bytes) {
                    Ok(d) => d,
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                };
                if docs.is_empty() {
                    break;
                }
                read(&mut docs);
                if to_work.send(docs).is_err() {
                    break;
                }
            }
            drop(to_work);
            if let Err(p) = worker.join() {
                std::panic::resume_unwind(p);
            }
            let written = match writer.join() {
                Ok(w) => w,
                Err(p) => std::panic::resume_unwind(p),
            };
            match (written, failed) {
                (Ok(true), Some(e)) => Err(e),
                (w, _) => w,
            }
        })
    }

    /// Refuses a document over the size limit.
    fn admit(&mut self, d: Document) -> Option<Document> {
        if d.text.len() as u64 > self.max_size {
            eprintln!(
                "error: {}",
                too_large(&d.id, Some(d.text.len() as u64), self.max_size)
            );
            self.failed += 1;
            return None;
        }
        Some(d)
    }

    fn next_line(&mut self) -> Option<Result<Document>> {
        loop {
            let lines = self.current.as_mut()?;
            self.buf.clear();
            match lines.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                Ok(_) => {
                    lines.line += 1;
                    let at = format!("{}:{}", lines.name, lines.line);
                    let (text, notices) = decode_utf8(&at, &self.buf);
                    let (name, line) = (lines.name.clone(), lines.line);
                    match parse_jsonl_line(&name, line, &text, self.lang) {
                        Ok(Some(mut d)) => {
                            d.notices.extend(notices);
                            if let Some(d) = self.admit(d) {
                                return Some(Ok(d));
                            }
                        }
                        Ok(None) => continue,
                        // A record that cannot be read is reported with
                        // its file, line and column, and counted; the
                        // records after it are still read.
                        Err(e) => {
                            eprintln!("error: {e}");
                            self.failed += 1;
                        }
                    }
                }
                Err(e) => {
                    eprintln!("error: {}: cannot read: {e}", lines.name);
                    self.failed += 1;
                    self.current = None;
                    return None;
                }
            }
        }
    }
}

impl Iterator for DocStream {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if let Some(d) = self.pending.next() {
                match self.admit(d) {
                    Some(d) => return Some(Ok(d)),
                    None => continue,
                }
            }
            if self.current.is_some() {
                match self.next_line() {
                    Some(d) => return Some(d),
                    None => continue,
                }
            }
            if self.stdin {
                self.stdin = false;
                match read_stdin(self.format, self.lang, self.max_size) {
                    Ok(Stdin::Jsonl(reader)) => {
                        self.current = Some(Lines {
                            name: "<stdin>".into(),
                            reader,
                            line: 0,
                        });
                    }
                    Ok(Stdin::Docs(docs)) => self.pending = docs.into_iter(),
                    Ok(Stdin::TooLarge) => self.failed += 1,
                    Err(e) => return Some(Err(e)),
                }
                continue;
            }
            let f = self.files.next()?;
            let name = display_name(&f);
            let fmt = self.format.unwrap_or_else(|| Format::from_name(&name));
            if fmt == Format::Jsonl {
                match File::open(&f) {
                    Ok(file) => {
                        self.current = Some(Lines {
                            name,
                            reader: Box::new(BufReader::with_capacity(1 << 16, file)),
                            line: 0,
                        });
                    }
                    Err(e) => {
                        eprintln!("error: {name}: cannot read: {e}");
                        self.failed += 1;
                    }
                }
                continue;
            }
            match read_file(&f, &name, fmt, self.max_size) {
                ReadFile::Bytes(bytes) => match read_bytes(&name, &bytes, fmt, self.lang) {
                    Ok(docs) => self.pending = docs.into_iter(),
                    Err(e) => return Some(Err(e.into())),
                },
                ReadFile::Failed => self.failed += 1,
                ReadFile::Skipped => {}
            }
        }
    }
}
