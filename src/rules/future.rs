//! FC403 after-publication: an event told in the past but dated after the
//! article was published.
//!
//! **What it catches.** A date later than the publication date of its
//! document (given by the input, e.g. the JSONL `date` field), introduced
//! as the date of a past event: the date follows `le`, `en`, `on`, `in`,
//! and a verb in a past tense stands before it in its sentence (`a été
//! arrêté le 12 mars 2021` in an article of 2020). Sentences that announce
//! or postpone (`prévu`, `reporté`, `jusqu'au`, `will`, `scheduled`...)
//! are left alone; the word lists are rule parameters. Only dates with a
//! written year are checked (a `12 mars` alone may be last year's).
//!
//! **Why it matters.** A past event cannot have happened after the article
//! that reports it: the year (most often) or the month is wrong.
//!
//! **Example.** In an article published on 2020-07-02, `Il a été arrêté le
//! 12 mars 2021.` fires; `Il a été arrêté le 12 mars 2020.` does not.

use super::calendar::{find_phrase, folded, folded_slice, published, Ymd};
use super::{Finding, RuleDef};
use crate::claims::Corpus;
use crate::config::Config;
use crate::extract::Kind;

/// A French compound past: an auxiliary then a past participle
/// ("a été", "ont annoncé", "s'est tenu", "était parti").
fn compound_past(window: &str) -> bool {
    let words: Vec<&str> = window
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let aux = [
        "a", "ont", "avait", "avaient", "est", "sont", "etait", "etaient", "s'est", "se", "avons",
        "avez", "as", "ai", "eu", "ete",
    ];
    words.windows(2).any(|w| {
        aux.contains(&w[0])
            && w[1].len() > 3
            && [
                "e", "es", "ee", "ees", "i", "is", "ie", "u", "us", "ue", "it", "te",
            ]
            .iter()
            .any(|s| w[1].ends_with(s))
    })
}

pub fn check(corpus: &Corpus, _cfg: &Config, rule: &RuleDef, out: &mut Vec<Finding>) {
    let past = folded(&rule.strings("past_words"));
    let future = folded(&rule.strings("future_words"));
    let intro = folded(&rule.strings("date_intro"));
    for (d, doc) in corpus.docs.iter().enumerate() {
        let Some(pub_date) = published(doc) else {
            continue;
        };
        let text = doc.text.as_str();
        for i in corpus.doc_claims[d].clone() {
            let c = &corpus.claims[i];
            if c.fig.kind != Kind::Date || c.repeat_of.is_some() {
                continue;
            }
            let Some(parts) = c.fig.date else { continue };
            let (Some(year), Some(month)) = (parts.year, parts.month) else {
                continue;
            };
            // The first day the date may mean.
            let first = match parts.day {
                Some(day) => Ymd::new(year, month, day),
                None => Ymd::new(year, month, 1),
            };
            let Some(first) = first else { continue };
            let after = match parts.day {
                Some(_) => first > pub_date,
                None => (year, month) > (pub_date.year, pub_date.month),
            };
            if !after {
                continue;
            }
            let before = folded_slice(
                text,
                c.fig.start.saturating_sub(64).max(c.sentence.0),
                c.fig.start,
            );
            let b = before.trim_end();
            if !intro
                .iter()
                .any(|w| b.ends_with(w.as_str()) && find_phrase(b, w).is_some())
            {
                continue;
            }
            let sentence = folded_slice(text, c.sentence.0, c.sentence.1);
            if future.iter().any(|w| find_phrase(&sentence, w).is_some()) {
                continue;
            }
            if !(compound_past(&before) || past.iter().any(|w| find_phrase(&before, w).is_some())) {
                continue;
            }
            let written = c.fig.text(text);
            out.push(Finding::at_claim(
                corpus,
                rule,
                format!(
                    "`{written}` dates a past event after the article's publication ({pub_date})"
                ),
                vec![i],
            ));
        }
    }
}
