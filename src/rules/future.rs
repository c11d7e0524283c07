//! FC403 after-publication: an event told in the past but dated after the
//! article was published.
//!
//! **What it catches.** A date later than the publication date of its
//! document (given by the input, e.g. the JSONL `date` field), introduced
//! as the date of a past event: the date follows `le`, `en`, `on`, `in`,
//! right after a verb in a compound past whose complement it is (`a été
//! arrêté le 12 mars 2021` in an article of 2020, `was arrested on`). Sentences that announce
//! or postpone (`prévu`, `reporté`, `jusqu'au`, `will`, `scheduled`...)
//! are left alone; the word lists are rule parameters. Only dates with a
//! written year are checked (a `12 mars` alone may be last year's).
//!
//! **Why it matters.** A past event cannot have happened after the article
//! that reports it: the year (most often) or the month is wrong.
//!
//! **Example.** In an article published on 2020-07-02, `Il a été arrêté le
//! 12 mars 2021.` fires; `Il a été arrêté le 12 mars 2020.` does not.

use super::support::dates::published;
use super::support::text::{find_phrase, folded, folded_slice};
use super::{Finding, RuleDef};
use crate::claims::Corpus;
use crate::config::Config;
use crate::model::{Kind, Ymd};

/// True when the words just before the date's intro word are a verb in a
/// compound past whose complement the date is: "a été arrêté [le]", "est
/// décédé [le]", "s'est tenu [en]", "was arrested [on]". `words` are the
/// folded words before the intro word, in order.
fn past_right_before(words: &[&str], past: &[String], not_past: &[String]) -> bool {
    let n = words.len();
    if n == 0 {
        return false;
    }
    let last = words[n - 1];
    if not_past.iter().any(|w| w == last) {
        return false;
    }
    if past.iter().any(|w| w == last) {
        return true;
    }
    let participle = last.chars().count() > 3
        && [
            "é", "ée", "és", "ées", "i", "is", "ie", "u", "us", "ue", "it", "ed",
        ]
        .iter()
        .any(|s| last.ends_with(s));
    if !participle {
        return false;
    }
    let aux = [
        "a", "ont", "avait", "avaient", "est", "sont", "était", "étaient", "s'est", "été", "was",
        "were", "had", "been",
    ];
    // "aux participle" or "aux adverb participle".
    (n >= 2 && aux.contains(&words[n - 2])) || (n >= 3 && aux.contains(&words[n - 3]))
}

pub fn check(corpus: &Corpus, _cfg: &Config, rule: &RuleDef, out: &mut Vec<Finding>) {
    let lower = |k: &str| -> Vec<String> {
        rule.strings(k)
            .iter()
            .map(|w| w.to_lowercase().replace('’', "'"))
            .collect()
    };
    let past = lower("past_words");
    let not_past = lower("not_past_participles");
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
            let Some(w) = intro
                .iter()
                .find(|w| b.ends_with(w.as_str()) && find_phrase(b, w).is_some())
            else {
                continue;
            };
            // The words before the intro word, lower-cased with their
            // accents ("à" is no auxiliary, "arrêté" is a participle).
            let from = c.fig.start.saturating_sub(64).max(c.sentence.0);
            let mut from = from;
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let original = text[from..c.fig.start].to_lowercase().replace('’', "'");
            let original = original.trim_end();
            let n_intro = w.chars().count();
            let cut = original
                .char_indices()
                .rev()
                .nth(n_intro - 1)
                .map_or(0, |(k, _)| k);
            let head = &original[..cut];
            let words: Vec<&str> = head
                .split(|c: char| !(c.is_alphanumeric() || c == '\''))
                .filter(|w| !w.is_empty())
                .collect();
            let sentence = folded_slice(text, c.sentence.0, c.sentence.1);
            if future.iter().any(|w| find_phrase(&sentence, w).is_some()) {
                continue;
            }
            if !past_right_before(&words, &past, &not_past) {
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
