//! For each date with a written year later than its document's publication
//! date, reports it when it follows a word of `date_intro` right after a
//! verb in a compound past (an auxiliary of `auxiliaries` then a word of
//! `past_words` or a participle, by `participle_endings`, not one of
//! `not_past_participles`), in a sentence without a word of `future_words`.

use super::support::dates::published;
use super::support::params::Prepared;
use super::support::text::{find_phrase, folded, folded_slice};
use crate::model::Ymd;
use serde::Deserialize;

use super::{Check, Context, Finding, RuleDef};
use crate::model::Kind;

/// True when the words just before the date's intro word are a verb in a
/// compound past whose complement the date is: "a été arrêté [le]", "est
/// décédé [le]", "s'est tenu [en]", "was arrested [on]". `words` are the
/// folded words before the intro word, in order.
fn past_right_before(
    p: &AfterPublication,
    words: &[&str],
    past: &[String],
    not_past: &[String],
) -> bool {
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
        && p.participle_endings
            .iter()
            .any(|s| last.ends_with(s.as_str()));
    if !participle {
        return false;
    }
    let aux = |w: &str| p.auxiliaries.iter().any(|a| a == w);
    // "aux participle" or "aux adverb participle".
    (n >= 2 && aux(words[n - 2])) || (n >= 3 && aux(words[n - 3]))
}

/// Parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct AfterPublication {
    /// Words that introduce a date (`le`, `on`).
    date_intro: Vec<String>,
    /// Participles that announce rather than tell (`prévu`, `scheduled`).
    not_past_participles: Vec<String>,
    /// Words that tell a past event without an auxiliary (`né`, `died`).
    past_words: Vec<String>,
    /// Words of a sentence about the future (`prévu`, `will`).
    future_words: Vec<String>,
    /// Endings of a participle, lower-cased with accents (`é`, `ed`).
    participle_endings: Vec<String>,
    /// Auxiliaries of a compound past, lower-cased with accents (`a`, `was`).
    auxiliaries: Vec<String>,
    /// Made once from the parameters above ([`Prepared`]).
    #[serde(skip)]
    prepared: Prepared<[Vec<String>; 4]>,
}

impl Check for AfterPublication {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

fn check(p: &AfterPublication, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let lower = |ws: &[String]| -> Vec<String> {
        ws.iter()
            .map(|w| w.to_lowercase().replace('’', "'"))
            .collect()
    };
    let [past, not_past, future, intro] = p.prepared.get(|| {
        [
            lower(&p.past_words),
            lower(&p.not_past_participles),
            folded(&p.future_words),
            folded(&p.date_intro),
        ]
    });
    for (d, doc) in cx.docs() {
        let Some(pub_date) = published(doc) else {
            continue;
        };
        let text = doc.text.as_str();
        for i in corpus.doc_claims[d].clone() {
            let c = &corpus.claims[i];
            if c.fig.kind != Kind::Date || c.repeat_of().is_some() {
                continue;
            }
            let Some(parts) = c.fig.date else { continue };
            let (Some(year), Some(month)) = (parts.year(), parts.month()) else {
                continue;
            };
            // The first day the date may mean.
            let first = match parts.day() {
                Some(day) => Ymd::new(year, month, day),
                None => Ymd::new(year, month, 1),
            };
            let Some(first) = first else { continue };
            let after = match parts.day() {
                Some(_) => first > pub_date,
                None => (year, month) > (pub_date.year, pub_date.month),
            };
            if !after {
                continue;
            }
            let before = folded_slice(
                text,
                c.fig.start().saturating_sub(64).max(c.sentence().0),
                c.fig.start(),
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
            let from = c.fig.start().saturating_sub(64).max(c.sentence().0);
            let mut from = from;
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let original = text[from..c.fig.start()].to_lowercase().replace('’', "'");
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
            let sentence = folded_slice(text, c.sentence().0, c.sentence().1);
            if future.iter().any(|w| find_phrase(&sentence, w).is_some()) {
                continue;
            }
            if !past_right_before(p, &words, past, not_past) {
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

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC403");
    }

    #[test]
    fn a_participle_after_an_auxiliary_tells_the_past() {
        assert_eq!(
            crate::rules::rule_tests::messages(
                "FC403",
                &["Le ministre a démissionné le 3 mai 2021."],
                crate::model::Lang::new("fr"),
                Some("2020-07-02")
            ),
            ["`3 mai 2021` dates a past event after the article's publication (2020-07-02)"]
        );
    }

    #[test]
    fn a_sentence_that_announces_is_left_alone() {
        assert_eq!(
            crate::rules::rule_tests::messages(
                "FC403",
                &["Le procès est prévu le 3 mai 2021."],
                crate::model::Lang::new("fr"),
                Some("2020-07-02")
            ),
            [] as [&str; 0]
        );
    }
}
