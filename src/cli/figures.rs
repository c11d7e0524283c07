//! `figcheck extract` and `figcheck claims`: the figures of the inputs,
//! listed or grouped by key.

use std::io::Write;
use std::mem::ManuallyDrop;
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};

use figcheck::report::Figures;

use super::args::{ClaimsArgs, ExtractArgs};
use super::{exit_after, inputs, print_notices, stream, write_out};

/// Documents per batch of a streamed `extract`, and bytes of text.
const BATCH_DOCS: usize = 512;
const BATCH_BYTES: usize = 8 << 20;

pub fn extract(a: ExtractArgs) -> Result<ExitCode> {
    a.input.set_threads()?;
    // Kept until the process ends: freeing the data, table by table, is a
    // share of a short run.
    let cfg = ManuallyDrop::new(a.config.load()?);
    let reporter = a.format.reporter();
    if !a.format.streams() {
        // One document: built whole.
        let read = a.input.documents()?;
        print_notices(&read.docs);
        let corpus = figcheck::build_corpus(read.docs, &cfg);
        write_out(&reporter.render(&Figures {
            corpus: &corpus,
            cfg: &cfg,
        }))?;
        return Ok(exit_after(read.failed));
    }
    // Documents are read, extracted and written in batches, so memory does
    // not grow with the input.
    let i = &a.input;
    let manifests = inputs::Manifests::load(&i.paths, i.sources.as_deref(), i.read.lang)?;
    let mut stream =
        stream::DocStream::new(&i.paths, i.read.format(), i.read.lang, i.read.max_doc_size);
    // Reading, extracting and writing overlap, one batch in each.
    let format = a.format;
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let complete = stream.pipeline(
        BATCH_DOCS,
        BATCH_BYTES,
        |docs| {
            manifests.apply(docs);
            print_notices(docs);
        },
        |docs| figcheck::build_corpus(docs, &cfg),
        |corpus| {
            let Some(corpus) = corpus else {
                // The end: a pipe closed now loses nothing.
                return match out.flush() {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
                    _ => Ok(true),
                };
            };
            // Written straight to the output: a batch's report is never
            // held whole (a batch of one document that is a figure every
            // two bytes reports two hundred times its size).
            let mut sink = IoSink {
                out: &mut out,
                error: None,
            };
            let written = format.reporter().write(
                &Figures {
                    corpus: &corpus,
                    cfg: &cfg,
                },
                &mut sink,
            );
            match (written, sink.error) {
                (Ok(()), _) => Ok(true),
                (Err(_), Some(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
                (Err(_), Some(e)) => Err(e.into()),
                (Err(e), None) => Err(e.into()),
            }
        },
    )?;
    if !complete {
        return Ok(ExitCode::SUCCESS);
    }
    Ok(exit_after(stream.failed))
}

/// Text written by a reporter, passed on to `out`; the first error of
/// `out` is kept, since a formatter's error says nothing of its kind.
struct IoSink<'w, W: Write> {
    out: &'w mut W,
    error: Option<std::io::Error>,
}

impl<W: Write> std::fmt::Write for IoSink<'_, W> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.error.get_or_insert(e);
            std::fmt::Error
        })
    }
}

pub fn claims(a: ClaimsArgs) -> Result<ExitCode> {
    a.input.set_threads()?;
    let cfg = a.config.load()?;
    let read = a.input.documents()?;
    print_notices(&read.docs);
    let corpus = figcheck::build_corpus(read.docs, &cfg);
    if let Some(pair) = &a.explain {
        let at = |loc: &str| -> Result<usize> {
            let mut parts = loc.rsplitn(3, ':');
            let (col, line, file) = (parts.next(), parts.next(), parts.next());
            let (Some(col), Some(line), Some(file)) = (col, line, file) else {
                bail!("`{loc}`: expected FILE:LINE:COLUMN, as `figcheck claims` prints claims");
            };
            let (Ok(line), Ok(col)) = (line.parse::<usize>(), col.parse::<usize>()) else {
                bail!("`{loc}`: LINE and COLUMN must be numbers (FILE:LINE:COLUMN)");
            };
            figcheck::claim_at(&corpus, file, line, col)
                .with_context(|| format!("`{loc}`: no figure starts or stands there"))
        };
        let (x, y) = (at(&pair[0])?, at(&pair[1])?);
        let mut out = String::new();
        for (i, loc) in [(x, &pair[0]), (y, &pair[1])] {
            out.push_str(&format!(
                "{loc} {}\n",
                figcheck::describe_claim(&corpus, &cfg, i)
            ));
        }
        for (code, why) in
            figcheck::explain_pair(&corpus, &cfg, &figcheck::Selection::default(), x, y)
        {
            out.push_str(&format!("{code}: {why}\n"));
        }
        write_out(&out)?;
        return Ok(exit_after(read.failed));
    }
    write_out(&a.format.reporter().render(&Figures {
        corpus: &corpus,
        cfg: &cfg,
    }))?;
    Ok(exit_after(read.failed))
}
