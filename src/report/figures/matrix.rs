//! The fact-checker's table of `claims`: the claims grouped by quantity
//! across sources, who says what about each.
//!
//! A quantity is a key (measure, role, side, change) with a place and a
//! period: the claims of one group state the same count, as far as the
//! text tells. Each row gives the source, its publication date, the value
//! and interval, the time of day of the count, its status (provisional,
//! revised, final), the party the text gives it for (the officials, the
//! organisers), and where the figure stands. A threshold, a target, a
//! forecast or a hypothesis ("le seuil des 20.000 morts") counts nothing and
//! stands in no group, as the rules compare it with nothing.
//! Quantities stated by several documents come first; within a quantity,
//! rows go as a timeline, by when each count was made as far as the text
//! says: a count that states its time of day ("annoncés samedi soir", "à
//! 17 h") was made on its period's day at that time, any other by the day
//! its document was published; within a day, clock times in order, then a
//! revised or final count after the counts it revises, then by publication
//! date and place in the corpus. `--format json` gives the same groups with
//! each figure's full record.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use super::{doc_times, figure_records, FigureRecord};
use crate::claims::{Corpus, Key, Places};
use crate::config::Config;
use crate::report::json::SCHEMA_VERSION;
use crate::report::{Figures, Reporter};
use crate::rules::not_a_count;

/// The claims grouped by quantity, as a table.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClaimsMatrix;

/// The claims grouped by quantity, as one JSON document.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClaimsJson;

/// One quantity and the claims that state it.
struct Quantity {
    key: Key,
    places: Places,
    /// Indices into the corpus's claims, in timeline order (see the module
    /// documentation).
    claims: Vec<usize>,
    docs: usize,
}

/// The quantities of a corpus, in report order.
fn quantities(corpus: &Corpus, cfg: &Config, published: &[Option<String>]) -> Vec<Quantity> {
    let mut groups: BTreeMap<(Key, Places, Option<crate::claims::Period>), Vec<usize>> =
        BTreeMap::new();
    for (key, members) in corpus.buckets(&cfg.meanings) {
        for i in members {
            let c = &corpus.claims[i];
            // A threshold, a target, a forecast or a category's bound
            // states no count of the quantity: it stands in no group.
            if not_a_count(corpus, &cfg.lexicon, &cfg.meanings, c) {
                continue;
            }
            groups
                .entry((key, c.places, c.period()))
                .or_default()
                .push(i);
        }
    }
    let mut out: Vec<Quantity> = groups
        .into_iter()
        .map(|((key, places, _), mut claims)| {
            claims.sort_by_cached_key(|&i| made(corpus, published, i));
            let mut docs: Vec<u32> = claims.iter().map(|&i| corpus.claims[i].doc).collect();
            docs.sort_unstable();
            docs.dedup();
            Quantity {
                key,
                places,
                claims,
                docs: docs.len(),
            }
        })
        .collect();
    // Several documents first, then more claims; stable otherwise.
    out.sort_by_key(|q| (std::cmp::Reverse(q.docs), std::cmp::Reverse(q.claims.len())));
    out
}

/// A claim's place in its quantity's timeline (see [`made`]).
type Made = (Option<String>, Option<(u8, u8)>, u8, Option<String>, usize);

/// When claim `i` was made, as a key of the timeline: the day of the count
/// (its period's last day when it states its time of day, else the day its
/// document was published, ISO), the clock time when stated, the status
/// (none or provisional before revised before final), the publication
/// date and the claim's place in the corpus.
fn made(corpus: &Corpus, published: &[Option<String>], i: usize) -> Made {
    use crate::claims::moment::Status;
    let c = &corpus.claims[i];
    let printed = published[c.doc as usize].clone();
    let day = match (c.moment(), c.period()) {
        (Some(_), Some(q)) if c.period_stated => {
            let mut s = String::new();
            crate::claims::period::push_iso(&mut s, q.end);
            Some(s)
        }
        _ => printed.clone(),
    };
    let clock = c
        .moment()
        .and_then(|m| m.hour.map(|h| (h, m.minute.unwrap_or(0))));
    let status = match c.status() {
        None | Some(Status::Provisional) => 0,
        Some(Status::Revised) => 1,
        Some(Status::Final) => 2,
    };
    (day, clock, status, printed, i)
}

/// Every figure's record and the quantities, in report order.
fn grouped<'a>(
    corpus: &'a Corpus,
    cfg: &'a Config,
    times: &'a [crate::claims::source::DocTime],
) -> (Vec<FigureRecord<'a>>, Vec<Quantity>) {
    let records = figure_records(corpus, cfg, times);
    let published: Vec<Option<String>> = corpus
        .docs
        .iter()
        .zip(times)
        .map(|(d, t)| super::SourceRecord::of(d, t).date.map(|x| x.into_owned()))
        .collect();
    let qs = quantities(corpus, cfg, &published);
    (records, qs)
}

fn title(cfg: &Config, q: &Quantity, r: &FigureRecord) -> String {
    let place = if q.places.is_empty() {
        "place unknown".to_string()
    } else {
        cfg.meanings.places_name(&q.places)
    };
    let period = r.period.as_ref().map_or("period unknown".to_string(), |p| {
        if p.start == p.end {
            p.start.clone()
        } else {
            format!("{}..{}", p.start, p.end)
        }
    });
    format!(
        "{} · {place} · {period} · {} document{}",
        cfg.meanings.describe(&q.key),
        q.docs,
        if q.docs == 1 { "" } else { "s" }
    )
}

impl Reporter<Figures<'_>> for ClaimsMatrix {
    fn write(&self, figs: &Figures<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        let Figures { corpus, cfg } = *figs;
        let times = doc_times(corpus, &cfg.meanings);
        let (records, qs) = grouped(corpus, cfg, &times);
        if qs.is_empty() {
            return writeln!(out, "no claim of a known quantity");
        }
        writeln!(
            out,
            "  {:<10}  {:<22}  {:<10}  {:<22}  {:<10}  {:<10}  {:<11}  {:<10}  WHERE",
            "PUBLISHED",
            "SOURCE",
            "VALUE",
            "INTERVAL",
            "QUALIFIER",
            "COUNT AT",
            "STATUS",
            "SAID BY"
        )?;
        for q in &qs {
            writeln!(out, "{}", title(cfg, q, &records[q.claims[0]]))?;
            for &i in &q.claims {
                let r = &records[i];
                let interval = match (&r.low, &r.high) {
                    (None, None) => "=".to_string(),
                    (l, h) => format!(
                        "[{}, {}]",
                        l.as_deref().unwrap_or("-inf"),
                        h.as_deref().unwrap_or("+inf")
                    ),
                };
                let source = r
                    .source
                    .outlet
                    .as_deref()
                    .map_or(r.doc.to_string(), |o| format!("{o} ({})", r.doc));
                writeln!(
                    out,
                    "  {:<10}  {:<22}  {:<10}  {:<22}  {:<10}  {:<10}  {:<11}  {:<10}  {}:{}:{} {}",
                    r.source
                        .date
                        .as_deref()
                        .map_or("-", |d| d.get(..10).unwrap_or(d)),
                    source,
                    r.value.as_deref().unwrap_or("-"),
                    interval,
                    r.qualifier.unwrap_or("-"),
                    r.time_of_count.as_deref().unwrap_or("-"),
                    r.status.unwrap_or("-"),
                    r.attributed_to.unwrap_or("-"),
                    r.doc,
                    r.line,
                    r.column,
                    super::quoted(r.text),
                )?;
            }
            out.write_char('\n')?;
        }
        Ok(())
    }
}

impl Reporter<Figures<'_>> for ClaimsJson {
    fn write(&self, figs: &Figures<'_>, out: &mut dyn fmt::Write) -> fmt::Result {
        #[derive(Serialize)]
        struct Group<'a> {
            key: String,
            places: Vec<&'a str>,
            documents: usize,
            claims: Vec<&'a FigureRecord<'a>>,
        }
        #[derive(Serialize)]
        struct Document<'a> {
            version: u32,
            quantities: Vec<Group<'a>>,
        }
        let Figures { corpus, cfg } = *figs;
        let times = doc_times(corpus, &cfg.meanings);
        let (records, qs) = grouped(corpus, cfg, &times);
        let doc = Document {
            version: SCHEMA_VERSION,
            quantities: qs
                .iter()
                .map(|q| Group {
                    key: cfg.meanings.describe(&q.key),
                    places: q
                        .places
                        .ids()
                        .iter()
                        .map(|&p| cfg.meanings.places.name(p))
                        .collect(),
                    documents: q.docs,
                    claims: q.claims.iter().map(|&i| &records[i]).collect(),
                })
                .collect(),
        };
        out.write_str(&serde_json::to_string_pretty(&doc).expect("claims serialise"))?;
        out.write_char('\n')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::testing::figures_of;

    #[test]
    fn a_header_then_one_group_per_quantity() {
        let (out, _) = figures_of(&ClaimsMatrix);
        let mut lines = out.lines();
        assert!(lines.next().unwrap().contains("PUBLISHED"), "{out}");
        // Each quantity, then one indented row per claim, then a blank line.
        assert!(out.ends_with("\n\n"), "{out}");
        assert!(
            out.lines()
                .any(|l| l.starts_with("  ") && l.contains("a.txt:")),
            "{out}"
        );
    }

    #[test]
    fn json_groups_hold_full_records() {
        let (out, _) = figures_of(&ClaimsJson);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["version"], SCHEMA_VERSION);
        let qs = v["quantities"].as_array().unwrap();
        assert!(!qs.is_empty(), "{out}");
        for q in qs {
            let claims = q["claims"].as_array().unwrap();
            assert!(!claims.is_empty());
            assert!(claims.iter().all(|c| c["key"].is_string()), "{out}");
        }
    }
}
