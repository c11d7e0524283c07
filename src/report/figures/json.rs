//! The figures as one JSON document (`extract --format json`): the schema
//! version and every figure's record.

use std::fmt;

use serde::Serialize;

use super::{doc_times, figure_records, FigureRecord};
use crate::report::json::SCHEMA_VERSION;
use crate::report::{Figures, Reporter};

/// Every figure in one JSON document.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FiguresJson;

impl Reporter<Figures<'_>> for FiguresJson {
    fn write(&self, figs: &Figures<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        #[derive(Serialize)]
        struct Document<'a> {
            version: u32,
            figures: Vec<FigureRecord<'a>>,
        }
        let times = doc_times(figs.corpus, &figs.cfg.meanings);
        let s = serde_json::to_string_pretty(&Document {
            version: SCHEMA_VERSION,
            figures: figure_records(figs.corpus, figs.cfg, &times),
        })
        .expect("figures serialise");
        out.write_str(&s)?;
        out.write_char('\n')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::figures_of;

    #[test]
    fn every_figure() {
        let (out, figures) = figures_of(&FiguresJson);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["version"], SCHEMA_VERSION);
        assert_eq!(v["figures"].as_array().unwrap().len(), figures);
    }
}
