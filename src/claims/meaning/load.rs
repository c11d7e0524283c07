//! Reading meaning files into [`Meanings`].

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Meanings, Span};
use crate::error::{Error, Result};
use crate::lexicon::fold;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeaningFile {
    #[serde(default)]
    measure: BTreeMap<String, Entry>,
    #[serde(default)]
    role: BTreeMap<String, Entry>,
    #[serde(default)]
    side: BTreeMap<String, Entry>,
    #[serde(default)]
    place: BTreeMap<String, Entry>,
    #[serde(default)]
    period: BTreeMap<String, Entry>,
    #[serde(default)]
    boilerplate: Option<BoilerplateDef>,
    #[serde(default)]
    delta: Option<DeltaDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeltaDef {
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BoilerplateDef {
    #[serde(default)]
    starts: Vec<String>,
    #[serde(default)]
    lines: Vec<String>,
}

fn parse_span(s: &str) -> Option<Span> {
    Some(match s {
        "h1" => Span::Months(1, 6),
        "h2" => Span::Months(7, 12),
        "q1" => Span::Months(1, 3),
        "q2" => Span::Months(4, 6),
        "q3" => Span::Months(7, 9),
        "q4" => Span::Months(10, 12),
        "today" => Span::Today,
        "yesterday" => Span::Yesterday,
        "monday" => Span::Weekday(1),
        "tuesday" => Span::Weekday(2),
        "wednesday" => Span::Weekday(3),
        "thursday" => Span::Weekday(4),
        "friday" => Span::Weekday(5),
        "saturday" => Span::Weekday(6),
        "sunday" => Span::Weekday(7),
        "this_week" => Span::ThisWeek,
        "last_week" => Span::LastWeek,
        "this_year" => Span::ThisYear,
        "last_year" => Span::LastYear,
        _ => return None,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    words: Vec<String>,
    #[serde(default)]
    within: Option<String>,
    #[serde(default)]
    measure: Option<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    span: Option<String>,
    #[serde(default)]
    people: Option<bool>,
    #[serde(default)]
    compare: Option<bool>,
    #[serde(default)]
    generic: Option<bool>,
}

impl Meanings {
    /// Adds a meaning file (top-level `measure`, `role`, `side` or `place`
    /// tables). Returns false when the file is not one.
    pub fn add_file(&mut self, file: &str, text: &str, table: &toml::Table) -> Result<bool> {
        if ![
            "measure",
            "role",
            "side",
            "place",
            "period",
            "boilerplate",
            "delta",
        ]
        .iter()
        .any(|k| table.contains_key(*k))
        {
            return Ok(false);
        }
        let raw: MeaningFile =
            toml::from_str(text).map_err(|e| Error::from_toml(file, text, &e))?;
        for (id, e) in &raw.measure {
            let i = self.measures.add(id, &e.words) as usize;
            if self.people.len() <= i {
                self.people.resize(i + 1, false);
            }
            self.people[i] = e.people.unwrap_or(false);
            if self.comparable.len() <= i {
                self.comparable.resize(i + 1, true);
            }
            self.comparable[i] = e.compare.unwrap_or(true);
            if self.generic.len() <= i {
                self.generic.resize(i + 1, false);
            }
            self.generic[i] = e.generic.unwrap_or(false);
        }
        for (id, e) in &raw.role {
            let i = self.roles.add(id, &e.words) as usize;
            if self.role_measure.len() <= i {
                self.role_measure.resize(i + 1, None);
            }
            if let Some(m) = &e.measure {
                let Some(mi) = self.measures.ids.iter().position(|x| x == m) else {
                    return Err(Error::config(
                        file,
                        text,
                        text.find(&format!("measure = \"{m}\"")).unwrap_or(0),
                        format!("role `{id}` turns into unknown measure `{m}`"),
                    ));
                };
                self.role_measure[i] = Some(mi as u16);
            }
        }
        for (id, e) in &raw.period {
            let span = e.span.as_deref().and_then(parse_span).ok_or_else(|| {
                Error::config(
                    file,
                    text,
                    text.find(&format!("[period.{id}]")).unwrap_or(0),
                    format!("period `{id}` needs `span`: h1, h2, q1..q4, today, yesterday, monday..sunday, this_week, last_week, this_year or last_year"),
                )
            })?;
            let i = self.periods.add(id, &e.words) as usize;
            if self.period_spans.len() <= i {
                self.period_spans.resize(i + 1, span);
            }
            self.period_spans[i] = span;
        }
        if let Some(d) = &raw.delta {
            self.delta.add("delta", &d.words);
        }
        if let Some(b) = &raw.boilerplate {
            self.boilerplate_starts
                .extend(b.starts.iter().map(|x| fold(x)));
            self.boilerplate_lines
                .extend(b.lines.iter().map(|x| fold(x)));
        }
        for (id, e) in &raw.side {
            self.sides.add(id, &e.words);
        }
        for (id, e) in &raw.place {
            let i = self.places.add(id, &e.words);
            if !e.adjectives.is_empty() {
                // Same index space as places.
                while self.place_adjectives.ids.len() < self.places.ids.len() {
                    let n = self.place_adjectives.ids.len();
                    self.place_adjectives.ids.push(self.places.ids[n].clone());
                }
                for a in &e.adjectives {
                    self.place_adjectives.add_word(a, i);
                }
            }
        }
        self.within.resize(self.places.ids.len(), None);
        for (id, e) in &raw.place {
            if let Some(w) = &e.within {
                let i = self.places.ids.iter().position(|x| x == id).unwrap_or(0);
                let Some(j) = self.places.ids.iter().position(|x| x == w) else {
                    return Err(Error::config(
                        file,
                        text,
                        text.find(&format!("within = \"{w}\"")).unwrap_or(0),
                        format!("place `{id}` lies within unknown place `{w}`"),
                    ));
                };
                self.within[i] = Some(j as u16);
            }
        }
        self.index_firsts();
        Ok(true)
    }
}
