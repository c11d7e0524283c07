//! Documents read one at a time, so that `extract` runs in memory
//! independent of the size of its input: JSONL is read line by line, other
//! files one file at a time.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;

use anyhow::{Context, Result};

use figcheck::input::{decode_utf8, parse_jsonl_line, read_bytes, Document, Format, Lang};

use super::inputs::{collect_files, display_name, sniff};

/// Where the next documents come from.
enum Source {
    /// A JSONL stream being read line by line.
    Lines {
        name: String,
        reader: Box<dyn BufRead>,
        line: usize,
    },
}

/// An iterator over the documents of the inputs, in order.
pub struct DocStream {
    files: std::vec::IntoIter<PathBuf>,
    stdin: bool,
    format: Option<Format>,
    lang: Option<Lang>,
    current: Option<Source>,
    buf: Vec<u8>,
}

impl DocStream {
    /// The documents of `paths` (standard input when empty). Folders are
    /// walked now, files are read as the iterator advances.
    pub fn new(paths: &[PathBuf], format: Option<Format>, lang: Lang) -> Result<DocStream> {
        let mut files = Vec::new();
        for p in paths {
            collect_files(p, &mut files)?;
        }
        Ok(DocStream {
            files: files.into_iter(),
            stdin: paths.is_empty(),
            format,
            lang: (lang != Lang::Unknown).then_some(lang),
            current: None,
            buf: Vec::new(),
        })
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

    fn next_line(&mut self) -> Option<Result<Document>> {
        let Some(Source::Lines { name, reader, line }) = &mut self.current else {
            return None;
        };
        loop {
            self.buf.clear();
            match reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                Ok(_) => {
                    *line += 1;
                    let at = format!("{name}:{line}");
                    let (text, notices) = decode_utf8(&at, &self.buf);
                    match parse_jsonl_line(name, *line, &text, self.lang) {
                        Ok(Some(mut d)) => {
                            d.notices.extend(notices);
                            return Some(Ok(d));
                        }
                        Ok(None) => continue,
                        Err(e) => return Some(Err(e.into())),
                    }
                }
                Err(e) => {
                    let name = name.clone();
                    self.current = None;
                    return Some(Err(
                        anyhow::Error::new(e).context(format!("{name}: cannot read"))
                    ));
                }
            }
        }
    }
}

impl Iterator for DocStream {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            if let Some(d) = self.next_line() {
                return Some(d);
            }
            if self.stdin {
                self.stdin = false;
                if self.format == Some(Format::Jsonl) {
                    self.current = Some(Source::Lines {
                        name: "<stdin>".into(),
                        reader: Box::new(BufReader::new(std::io::stdin())),
                        line: 0,
                    });
                    continue;
                }
                let mut bytes = Vec::new();
                if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                    return Some(Err(
                        anyhow::Error::new(e).context("cannot read standard input")
                    ));
                }
                let fmt = self.format.unwrap_or_else(|| sniff(&bytes));
                return Some(
                    read_bytes("<stdin>", &bytes, fmt, self.lang)
                        .map_err(Into::into)
                        .map(|mut v| {
                            // Standard input as text is one document.
                            v.pop()
                                .unwrap_or_else(|| Document::new("<stdin>", "", self.lang))
                        }),
                );
            }
            let f = self.files.next()?;
            let name = display_name(&f);
            let fmt = self.format.unwrap_or_else(|| Format::from_name(&name));
            if fmt == Format::Jsonl {
                match File::open(&f) {
                    Ok(file) => {
                        self.current = Some(Source::Lines {
                            name,
                            reader: Box::new(BufReader::with_capacity(1 << 16, file)),
                            line: 0,
                        });
                        continue;
                    }
                    Err(e) => {
                        return Some(Err(
                            anyhow::Error::new(e).context(format!("{}: cannot read", f.display()))
                        ))
                    }
                }
            }
            let bytes =
                match std::fs::read(&f).with_context(|| format!("{}: cannot read", f.display())) {
                    Ok(b) => b,
                    Err(e) => return Some(Err(e)),
                };
            if bytes.iter().take(8192).any(|&b| b == 0) {
                eprintln!("warning: {name}: skipped (binary file)");
                continue;
            }
            match read_bytes(&name, &bytes, fmt, self.lang) {
                Ok(mut v) if v.len() == 1 => return v.pop().map(Ok),
                Ok(v) => {
                    // Only JSONL gives several documents, and it is read above.
                    if let Some(d) = v.into_iter().next() {
                        return Some(Ok(d));
                    }
                }
                Err(e) => return Some(Err(e.into())),
            }
        }
    }
}
