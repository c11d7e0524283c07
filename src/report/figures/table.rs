//! The figures as a table (`extract --format text`): one tab-separated
//! line per figure.

use std::fmt;

use super::{doc_times, figure_records};
use crate::report::{Figures, Reporter};

/// The figures as a table: location, kind, value or interval, qualifier,
/// what is counted and its meaning.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FigureTable;

impl Reporter<Figures<'_>> for FigureTable {
    fn write(&self, figs: &Figures<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        let times = doc_times(figs.corpus, &figs.cfg.meanings);
        for r in figure_records(figs.corpus, figs.cfg, &times) {
            let value = match (&r.value, &r.low, &r.high) {
                _ if r.date.is_some() => r.date.clone().unwrap_or_default(),
                (Some(v), None, None) => v.clone(),
                (None, None, None) => "-".to_string(),
                (v, l, h) => format!(
                    "{}[{}, {}]",
                    v.as_ref().map(|v| format!("{v} ")).unwrap_or_default(),
                    l.as_deref().unwrap_or("-inf"),
                    h.as_deref().unwrap_or("+inf")
                ),
            };
            let mut meaning = Vec::new();
            for x in [r.unit, r.qualifier, r.entity].into_iter().flatten() {
                meaning.push(x.to_string());
            }
            if let Some(k) = &r.key {
                meaning.push(format!("key: {k}"));
            }
            if let Some(p) = &r.place {
                meaning.push(format!("in {p}"));
            }
            if r.ambiguous {
                meaning.push("AMBIGUOUS".into());
            }
            if let Some(p) = &r.period {
                meaning.push(format!("{}..{}", p.start, p.end));
            }
            if r.repeat {
                meaning.push("(repeat)".into());
            }
            if r.boilerplate {
                meaning.push("(boilerplate)".into());
            }
            writeln!(
                out,
                "{}:{}:{}\t{}\t{}\t{}\t{}",
                r.doc,
                r.line,
                r.column,
                r.kind,
                value,
                super::quoted(r.text),
                meaning.join(" | ")
            )?;
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
        let (out, figures) = figures_of(&FigureTable);
        assert_eq!(out.lines().count(), figures);
        assert!(out.starts_with("a.txt:1:"), "{out}");
    }
}
