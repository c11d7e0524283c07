//! Compares each pair of consecutive bare digit figures of a document: when
//! only spaces separate them, nothing marks them as a list, a score, a
//! phone number, a model name or an engine size, and something shows they
//! were meant as one figure (a decimal part, a split grouping, a unit in
//! capitals after, a second number that opens with a separator), reports
//! the pair. Pairs that real text puts side by side are left alone: table
//! cells, a count before a noun modified by a number, a grade before a
//! price with its own currency or scale, a year glued to the next
//! paragraph.

use serde::Deserialize;

use super::support::layout::{in_table, year_then_point};
use super::{Check, Context, Finding, RuleDef};
use crate::model::{Figure, Kind, Written};

fn bare(f: &Figure) -> bool {
    f.written == Written::Digits
        && !matches!(
            f.kind,
            Kind::Date | Kind::Time | Kind::Identifier | Kind::Phone | Kind::Ordinal
        )
        && f.debris().is_none()
}

/// Parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct AdjacentNumbers {
    /// Words after which numbers are names or codes, not figures.
    skip_after: Vec<String>,
}

impl Check for AdjacentNumbers {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

/// How near, in bytes, two pairs of figures side by side on one line make
/// a row of a table.
const ROW_WINDOW: usize = 100;

/// True when two figures in digits follow each other with only spaces
/// between them, on one line.
fn spaced_pair(text: &str, a: &Figure, b: &Figure) -> bool {
    a.written == Written::Digits
        && b.written == Written::Digits
        && a.end() < b.start()
        && text[a.end()..b.start()]
            .chars()
            .all(|c| matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
}

/// True when the first word of the line after `end` (only spaces
/// between) is a scale word ("3.5⏎million").
fn scale_next_line(cx: &Context, lang: crate::model::Lang, text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches([' ', '\t', '\u{a0}']);
    let Some(rest) = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
    else {
        return false;
    };
    let word: String = rest
        .trim_start_matches([' ', '\t', '\u{a0}'])
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    !word.is_empty()
        && cx
            .lexicon
            .with_fallback(lang)
            .any(|l| l.scales.contains_key(crate::lexicon::fold(&word).as_str()))
}

fn check(p: &AdjacentNumbers, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let skip_after: Vec<String> = p
        .skip_after
        .iter()
        .map(|w| crate::lexicon::fold(w))
        .collect();
    for (d, doc) in cx.docs() {
        let text = doc.text.as_str();
        let range = corpus.doc_claims[d].clone();
        // The pairs of figures in digits with only spaces between them, by
        // the index of the second.
        let spaced: Vec<usize> = range
            .clone()
            .skip(1)
            .filter(|&i| spaced_pair(text, &corpus.claims[i - 1].fig, &corpus.claims[i].fig))
            .collect();
        for i in range.clone().skip(1) {
            let (a, b) = (&corpus.claims[i - 1].fig, &corpus.claims[i].fig);
            if !bare(a) || !bare(b) || a.end() > b.start() {
                continue;
            }
            // Nothing may stand after the first number (unit, scale,
            // counted noun) or before the second (qualifier, currency).
            if a.end() != a.num_end() || b.start() != b.num_start() || a.unit.is_some() {
                continue;
            }
            if a.scale != rust_decimal::Decimal::ONE || a.entity().is_some() {
                continue;
            }
            let gap = &text[a.end()..b.start()];
            if gap.is_empty()
                || !gap
                    .chars()
                    .all(|c| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
            {
                continue;
            }
            // Scores and pairs joined by a dash ("13-21 9-21", "a 1–1 2019
            // qualifier"): the first number ends such a pair.
            if text[..a.start()].ends_with(['-', '–', '—'])
                || text[a.end()..].trim_start().is_empty()
                || text[b.end()..].starts_with(['-', '–', '—'])
            {
                continue;
            }
            // A sign glued to the second number ("10 -5") is a list of
            // values, not one figure.
            if text[b.num_start()..].starts_with(['-', '+', '−']) {
                continue;
            }
            // Model names and codes: "Porsche 911 2.4", "BMW 507 3.2",
            // "Type 290 2-door": the word before is a name or a word of
            // `skip_after`; engine sizes ("2.4", one digit each side).
            let prev = text[..a.start()]
                .trim_end()
                .rsplit(|c: char| !(c.is_alphanumeric() || c == '°'))
                .next()
                .unwrap_or("");
            let name_before = prev.chars().next().is_some_and(|c| c.is_uppercase())
                || skip_after.contains(&crate::lexicon::fold(prev));
            let glued_before = text[..a.start()]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, ':' | '/' | '-' | '(' | '+'));
            let engine = {
                let w = &text[b.num_start()..b.num_end()];
                w.len() == 3 && w.as_bytes()[1] == b'.'
            };
            // Phone numbers and codes in groups of two: "0800 06 66 66".
            let pairs = a.num_end() - a.num_start() <= 2
                && b.num_end() - b.num_start() <= 2
                && text[b.num_end()..].starts_with([' ', '\u{a0}'])
                && text[b.num_end()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit());
            // The end of such a run: a number just before the first one.
            let run_before = text[..a.start()]
                .strip_suffix([' ', '\u{a0}'])
                .is_some_and(|t| t.ends_with(|c: char| c.is_ascii_digit()));
            let pairs = pairs || run_before && a.num_end() - a.num_start() <= 2;
            let after_b = text[b.end()..].chars().next();
            if name_before || glued_before || engine || pairs || after_b == Some('-') {
                continue;
            }
            // A count before a noun modified by a number ("17 1,000-pound
            // bombs", "12 2,000-lb bombs"): the second number is joined by
            // a hyphen to the word after it.
            if text[b.num_end()..].starts_with(['-', '\u{2010}', '\u{2011}']) {
                continue;
            }
            // The cells of a fixed-width table: the line has column gaps,
            // or it and a neighbour are rows of numbers.
            if gap.chars().count() >= 2 || in_table(text, a.num_start()) {
                continue;
            }
            // The cells of a table whose line breaks or column gaps were
            // lost: three figures or more in a row, or another such pair
            // close by on the same line.
            let row = spaced.iter().any(|&k| {
                let f = &corpus.claims[k].fig;
                k == i - 1
                    || k == i + 1
                    || k != i
                        && f.start().abs_diff(a.start()) <= ROW_WINDOW
                        && !text[f.start().min(a.start())..f.start().max(a.start())].contains('\n')
            });
            if row {
                continue;
            }
            // A sentence that ends on a year glued to a paragraph that
            // starts with a number ("en 2018.2 327 voitures").
            if year_then_point(&text[a.num_start()..a.num_end()]) {
                continue;
            }
            // Evidence that the two were meant as one figure: a decimal
            // part ("73.9 838"), a grouping split apart ("1 50 000"), or
            // a unit written in capitals right after ("838 1000 IOPS").
            // Without it, two numbers side by side are mostly a list, a
            // score, a phone number or a name ("Tel: 2677 7778").
            let b_text = &text[b.num_start()..b.num_end()];
            // A decimal second number that has its own unit, currency or
            // scale (the scale word may stand on the next line) is a figure
            // of its own, and the integer before it a name or a grade ("le
            // sans-plomb 98 1,45 euro"): its decimal part says nothing
            // about the pair.
            let b_whole = b.unit.is_some()
                || b.scale != rust_decimal::Decimal::ONE
                || scale_next_line(cx, doc.lang, text, b.end());
            let decimal = (a.decimals > 0 || (b.decimals > 0 && !b_whole)) && b_text.is_ascii();
            // The whole part of the second number: a decimal part is no
            // group ("98 1,45 euro").
            let b_whole_part = if b.decimals > 0 {
                b_text.rfind(['.', ',']).map_or(b_text, |k| &b_text[..k])
            } else {
                b_text
            };
            // A grouping split apart: the second number opens with a short
            // group, and either the first is a bare group that joins it
            // ("1 50,000") or the second is grouped by spaces like the gap
            // ("1 50 000"). Two complete grouped numbers ("1,234,000
            // 1,100,000") are cells or a list.
            let spaces = [' ', '\u{a0}', '\u{202f}'];
            let a_text = &text[a.num_start()..a.num_end()];
            let a_bare_group = a_text.len() <= 3 && a_text.bytes().all(|c| c.is_ascii_digit());
            let split_grouping = b_whole_part.contains([' ', '\u{a0}', '\u{202f}', '.', ','])
                && b_whole_part
                    .split([' ', '\u{a0}', '\u{202f}', '.', ','])
                    .next()
                    .is_some_and(|g| g.len() < 3)
                && (a_bare_group || b_whole_part.contains(spaces));
            let unit_after = {
                let next: String = text[b.end()..]
                    .trim_start_matches([' ', '\u{a0}'])
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                next.chars().count() >= 2 && next.chars().all(|c| c.is_uppercase())
            };
            // A second number that opens with a separator (" ,99",
            // " .000") is the rest of the first one, cut by a space.
            let cut = b_text.starts_with(['.', ',']);
            if !(decimal || split_grouping || unit_after || cut) {
                continue;
            }
            let written = &text[a.num_start()..b.num_end()];
            out.push(Finding::at_span(
                rule,
                d as u32,
                (a.num_start(), b.num_end()),
                format!(
                    "malformed value `{written}`: two numbers stand side by side and no convention reads them as one figure"
                ),
                vec![i - 1, i],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC102");
    }

    use crate::model::Lang;
    use crate::rules::rule_tests::messages;

    fn spans(texts: &[&str], lang: &str) -> Vec<String> {
        messages("FC102", texts, Lang::new(lang), None)
            .into_iter()
            .map(|m| m.split('`').nth(1).unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn numbers_cut_by_a_space_are_still_caught() {
        assert_eq!(spans(&["Le prix est de 30 ,99 euros."], "fr"), ["30 ,99"]);
        assert_eq!(
            spans(
                &["En trois jours, 450 .000 entreprises ont demandé l'aide."],
                "fr"
            ),
            ["450 .000"]
        );
        assert_eq!(
            spans(&["Le compteur affiche 1 50 000 visites."], "fr"),
            ["1 50 000"]
        );
    }

    #[test]
    fn tables_are_no_figures_side_by_side() {
        let table = "Results (in millions)\n                    2019        2018\nRevenue          1,234.5     1,100.2\nNet income          45.6 40.1\nEPS                 0.45 0.40\n";
        assert!(spans(&[table], "en").is_empty());
        let rows = "Ventes 12,5 11,3\nRésultat 8,7 9,1\nMarge 3,1 2,9\n";
        assert!(spans(&[rows], "fr").is_empty());
        // One row of prose is no table.
        assert_eq!(
            spans(&["It reached 73.9 838 IOPS.\nThen 12 more.\n"], "en"),
            ["73.9 838"]
        );
    }

    #[test]
    fn two_complete_grouped_numbers_are_no_split_grouping() {
        assert!(spans(&["Net profit 1,234,000 1,100,000\nRevenue rose."], "en").is_empty());
        assert_eq!(
            spans(&["The museum had 1 50,000 visitors."], "en"),
            ["1 50,000"]
        );
        assert_eq!(
            spans(&["La foule : 45 000 60 000 personnes."], "fr"),
            ["45 000 60 000"]
        );
    }

    #[test]
    fn a_table_flattened_into_one_line() {
        let flat = "Revenue 1,234.5 1,100.2 Net income 45.6 40.1 EPS 0.45 0.40";
        assert!(spans(&[flat], "en").is_empty());
        assert!(spans(&["Debt 12.5 11.3 10.2 billion"], "en").is_empty());
    }

    #[test]
    fn a_count_before_a_modified_noun_and_a_grade_before_a_price() {
        assert!(spans(
            &["They sold 17 1,000-pound bombs and 40 500-lb bombs."],
            "en"
        )
        .is_empty());
        assert!(spans(&["Le gazole 1,42 euro, le sans-plomb 95 1,55 euro."], "fr").is_empty());
    }

    #[test]
    fn a_year_glued_to_the_next_paragraph() {
        assert!(spans(
            &["Le marché a reculé en 2018.2 327 voitures ont été vendues."],
            "fr"
        )
        .is_empty());
    }

    #[test]
    fn a_scale_word_on_the_next_line() {
        assert!(spans(&["The group won 838 1.25\nbillion-dollar contracts."], "en").is_empty());
        assert_eq!(
            spans(&["The group won 838 1.25\ncontracts."], "en"),
            ["838 1.25"]
        );
    }
}
