//! The claims matrix of `claims`: the claims grouped by key across
//! sources, who says what about each quantity.

use std::fmt;

use super::{doc_times, figure_records};
use crate::report::{Figures, Reporter};

/// The claims grouped by key across sources: for each key, one row per
/// claim with its source, value, qualifier, places, period and location.
/// Keys that only one document states come after those several state.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClaimsMatrix;

impl Reporter<Figures<'_>> for ClaimsMatrix {
    fn write(&self, figs: &Figures<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        let Figures { corpus, cfg } = *figs;
        let times = doc_times(corpus, &cfg.meanings);
        let records = figure_records(corpus, cfg, &times);
        let mut buckets = corpus.buckets(&cfg.meanings);
        // Keys stated by several documents first, then by number of claims.
        buckets.sort_by_key(|(k, v)| {
            let mut docs: Vec<u32> = v.iter().map(|&i| corpus.claims[i].doc).collect();
            docs.dedup();
            (
                std::cmp::Reverse(docs.len()),
                std::cmp::Reverse(v.len()),
                *k,
            )
        });
        for (key, members) in buckets {
            writeln!(out, "{}", cfg.meanings.describe(&key))?;
            for i in members {
                let r = &records[i];
                let value = match (&r.value, &r.low, &r.high) {
                    (Some(v), None, None) => v.clone(),
                    (v, l, h) => format!(
                        "{}[{}, {}]",
                        v.as_ref().map(|v| format!("{v} ")).unwrap_or_default(),
                        l.as_deref().unwrap_or("-inf"),
                        h.as_deref().unwrap_or("+inf")
                    ),
                };
                let source = match (&r.source.outlet, &r.source.date) {
                    (Some(o), Some(d)) => format!("{o}, {d}"),
                    (Some(o), None) => o.to_string(),
                    (None, Some(d)) => d.to_string(),
                    (None, None) => "source unknown".into(),
                };
                let period = r.period.as_ref().map_or("period unknown".to_string(), |p| {
                    format!("{}..{}", p.start, p.end)
                });
                writeln!(
                    out,
                    "  {:<14} {:<10} {:<12} {:<22} {}  {}:{}:{} {}  ({})",
                    value,
                    r.qualifier.unwrap_or("-"),
                    r.place.as_deref().unwrap_or("-"),
                    period,
                    r.entity.unwrap_or(""),
                    r.doc,
                    r.line,
                    r.column,
                    super::quoted(r.text),
                    source,
                )?;
            }
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
        let (out, _) = figures_of(&ClaimsMatrix);
        // Each key, then one indented row per claim, then a blank line.
        assert!(out.ends_with("\n\n"), "{out}");
        assert!(
            out.lines()
                .any(|l| l.starts_with("  ") && l.contains("a.txt:")),
            "{out}"
        );
    }
}
