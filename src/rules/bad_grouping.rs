//! Reads again each figure the extractor marked as badly grouped, and
//! reports it unless its groups follow the Indian pattern in a text that
//! uses it, or it is an address, a short date, a version (after a word of
//! `skip_after` or a name, or in quotes), a lap time (before a word of
//! `time_units`), a phone number or code (a leading zero), a year glued to
//! the next paragraph, or short groups with nothing that marks a quantity
//! (lists, versions, references, race times).

use super::support::layout::year_then_point;
use super::support::params::Prepared;
use super::support::text::{find_phrase, folded, folded_slice};
use serde::Deserialize;

use super::{Check, Context, Finding, RuleDef};
use crate::extract::digits::numeral;
use crate::model::Kind;

/// True for the Indian pattern: commas, two-digit middle groups, a last
/// group of three.
fn indian(runs: &[&str], seps: &[char]) -> bool {
    runs.len() > 2
        && seps.iter().all(|&c| c == ',')
        && runs[1..runs.len() - 1].iter().all(|r| r.len() == 2)
        && runs[runs.len() - 1].len() == 3
}

/// IP addresses, phone numbers with points and short dates: not figures
/// (version numbers are known by the word before them, a rule parameter).
fn not_a_figure(runs: &[&str], seps: &[char]) -> bool {
    let dots = seps.iter().all(|&c| c == '.');
    let ip = dots && runs.len() == 4 && runs.iter().all(|r| r.len() <= 3);
    // North American phone numbers with points: "514.555.1234",
    // "1.800.555.0199".
    let lens: Vec<usize> = runs.iter().map(|r| r.len()).collect();
    let phone = dots && (lens == [3, 3, 4] || lens == [1, 3, 3, 4]);
    let short_date = seps.len() == 2
        && seps[0] == seps[1]
        && runs[0].len() <= 2
        && runs[1].len() <= 2
        && runs[2].len() == 2
        && runs[0].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        && runs[1].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
    ip || phone || short_date
}

/// The length in bytes of a numeral as written, all its groups and
/// separators.
fn written_len(runs: &[&str], seps: &[char]) -> usize {
    runs.iter().map(|r| r.len()).sum::<usize>() + seps.iter().map(|c| c.len_utf8()).sum::<usize>()
}

/// Parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct BadGrouping {
    /// Words of a text that uses Indian grouping (lakhs, crores).
    indian_words: Vec<String>,
    /// Words after which a number is a version or a section number.
    skip_after: Vec<String>,
    /// Units of time after which a dotted number is a lap time.
    time_units: Vec<String>,
    /// Made once from the parameters above ([`Prepared`]).
    #[serde(skip)]
    prepared: Prepared<(Vec<String>, Vec<String>)>,
}

impl Check for BadGrouping {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

fn check(p: &BadGrouping, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let (indian_words, skip_after) = p
        .prepared
        .get(|| (folded(&p.indian_words), folded(&p.skip_after)));
    for (d, doc) in cx.docs() {
        let text = doc.text.as_str();
        let mut folded_doc: Option<String> = None;
        for i in corpus.doc_claims[d].clone() {
            let f = &corpus.claims[i].fig;
            if !f.bad_grouping || matches!(f.kind, Kind::Identifier | Kind::Date | Kind::Phone) {
                continue;
            }
            let Ok((_, num)) = numeral(&text[f.num_start()..]) else {
                continue;
            };
            let (runs, seps) = (num.runs(), num.seps());
            if runs.len() < 2 || not_a_figure(runs, seps) {
                continue;
            }
            // A first group with a leading zero ("0800.06.66.66",
            // "01.45.67.89.10") writes a phone number or a code: no
            // quantity is written so.
            if runs[0].len() > 1 && runs[0].starts_with('0') {
                continue;
            }
            // A sentence ending on a year glued to a paragraph that starts
            // with a number ("en 2017.59.39 % des visiteurs").
            if year_then_point(&text[f.num_start()..]) {
                continue;
            }
            // No group after the first has three digits or more, and
            // nothing marks a quantity (unit, currency, scale, percent):
            // a list written without spaces ("lignes 4,7,8 et 9"), a
            // version ("2.4.1"), a reference ("article 2.3.1") or a race
            // time ("1.02.35"), not a grouping that lost a digit.
            // The figures read over the numeral (the extractor may split
            // it: "12.34.5 millions" gives "12.34" and "5 millions") say
            // whether it is a quantity.
            let short_groups = runs[1..].iter().all(|r| r.len() <= 2);
            let written_end = f.num_start() + written_len(runs, seps);
            let quantity = corpus.doc_claims[d].clone().any(|k| {
                let g = &corpus.claims[k].fig;
                g.start() < written_end
                    && f.num_start() < g.end()
                    && (g.unit.is_some()
                        || g.scale != rust_decimal::Decimal::ONE
                        || matches!(
                            g.kind,
                            Kind::Percent
                                | Kind::Money
                                | Kind::Measure
                                | Kind::Temperature
                                | Kind::Duration
                        ))
            });
            if short_groups && !quantity {
                continue;
            }
            if indian(runs, seps) {
                let fd = folded_doc.get_or_insert_with(|| crate::lexicon::fold(text));
                if indian_words.iter().any(|w| find_phrase(fd, w).is_some()) {
                    continue;
                }
            }
            let before = folded_slice(text, f.num_start().saturating_sub(24), f.num_start());
            let before = before.trim_end();
            if skip_after
                .iter()
                .any(|w| before.ends_with(w.as_str()) && find_phrase(before, w).is_some())
            {
                continue;
            }
            // The whole numeral as written, not only the part read.
            let end = written_end.max(f.num_end());
            // Dotted numbers after a name or in quotes are versions and
            // titles ("Android Oreo 8.1.0", "MIUI 10.3.1", "3.2.1."), and
            // before a unit of time they are lap times ("1.44.42 minutes").
            let prev_word = text[..f.num_start()]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let after_name = prev_word.chars().next().is_some_and(|c| c.is_uppercase());
            let quoted = text[..f.num_start()].ends_with(['"', '“', '«']);
            let next_word: String = text[end..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            let timed = p.time_units.contains(&next_word);
            if seps.iter().all(|&c| c == '.') && (after_name || quoted || timed) {
                continue;
            }
            let written = &text[f.num_start()..end];
            let why = if indian(runs, seps) {
                "Indian grouping (lakhs) in a text that does not use it"
            } else {
                "its groups are not all of three digits, so no convention reads it"
            };
            out.push(Finding::at_span(
                rule,
                d as u32,
                (f.num_start(), end),
                format!("malformed value `{written}`: {why}"),
                vec![i],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC103");
    }

    use crate::model::Lang;
    use crate::rules::rule_tests::messages;

    fn spans(texts: &[&str], lang: &str) -> Vec<String> {
        messages("FC103", texts, Lang::new(lang), None)
            .into_iter()
            .map(|m| m.split('`').nth(1).unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn groupings_that_lost_or_gained_a_digit_are_still_caught() {
        assert_eq!(
            spans(&["The company earned 2,466,0000 dollars."], "en"),
            ["2,466,0000"]
        );
        assert_eq!(
            spans(&["Le budget atteint 3.817.69 euros."], "fr"),
            ["3.817.69"]
        );
        assert_eq!(
            spans(&["Le budget atteint 12.34.5 millions d'euros."], "fr"),
            ["12.34.5"]
        );
    }

    #[test]
    fn indian_grouping_is_the_convention_only_in_a_text_about_south_asia() {
        let outside = "The Texas county paid 1,00,000 dollars to each family.";
        assert_eq!(spans(&[outside], "en"), ["1,00,000"]);
        assert_eq!(
            spans(&["Le fonds a versé 1,00,000 euros à chaque famille."], "fr"),
            ["1,00,000"]
        );
        for text in [
            "The Indian government gave 1,00,000 to each family.",
            "In Maharashtra, 2,50,000 farmers were hit.",
            "Karachi: 1,20,000 people were moved.",
        ] {
            assert!(spans(&[text], "en").is_empty(), "{text}");
        }
        assert!(spans(&["L'Inde a versé 1,00,000 à chaque famille."], "fr").is_empty());
    }

    #[test]
    fn phones_lists_versions_references_and_times_are_no_figures() {
        for text in [
            "Numéro vert : 0800.06.66.66.",
            "Appelez le 01.45.67.89.10.",
            "Les lignes 4,7,8 et 9 sont fermées.",
            "La version 2.4.1 corrige le défaut, comme le prévoit l'article 2.3.1.",
            "Il a couru en 1.02.35 puis en 2.01.12.",
            "La fréquentation a augmenté en 2017.59.39 % des visiteurs venaient de l'étranger.",
        ] {
            assert!(spans(&[text], "fr").is_empty(), "{text}");
        }
        assert!(spans(&["Gates 3,4,5 and the 2.4.1 update."], "en").is_empty());
    }

    #[test]
    fn a_dotted_number_before_a_unit_of_time_is_a_lap_time() {
        assert_eq!(
            crate::rules::rule_tests::messages("FC103", &["Il a couru le tour en 1.44.42 minutes, puis en 12.34.5 heures."], crate::model::Lang::new("fr"), None),
            ["malformed value `12.34.5`: its groups are not all of three digits, so no convention reads it"]
        );
    }
}
