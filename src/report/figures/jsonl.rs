//! The figures as JSON lines (`extract --format jsonl`), one figure's
//! record per line; batches of documents can be written one after the
//! other.

use std::fmt;

use super::{doc_times, figure_records};
use crate::report::{Figures, Reporter};

/// One figure per line.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FiguresJsonl;

impl Reporter<Figures<'_>> for FiguresJsonl {
    fn write(&self, figs: &Figures<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        let times = doc_times(figs.corpus, &figs.cfg.meanings);
        let mut line = Vec::with_capacity(1024);
        for r in figure_records(figs.corpus, figs.cfg, &times) {
            line.clear();
            serde_json::to_writer(&mut line, &r).expect("figure serialises");
            out.write_str(std::str::from_utf8(&line).expect("JSON is UTF-8"))?;
            out.write_char('\n')?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::figures_of;

    #[test]
    fn every_figure() {
        let (out, figures) = figures_of(&FiguresJsonl);
        assert_eq!(out.lines().count(), figures);
        for line in out.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["doc"], "a.txt");
        }
    }
}
