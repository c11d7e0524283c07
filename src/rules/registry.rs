//! The registry: the one list of the rules figcheck implements. Each line
//! gives a rule's code, its name (also its file, its TOML file and its
//! check id), what it needs to run, and the type of its parameters, which
//! is also the type that runs it.

use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::{
    adjacent_numbers, after_publication, bad_grouping, corroborated, deadline_arithmetic,
    impossible_percentage, inconsistent_in_document, invalid_suppression, letters_for_digits,
    mixed_separators, part_exceeds_whole, parts_total, percent_mismatch, percent_sum,
    placeholder_number, scale_slip, source_conflict, unused_suppression, weekday_mismatch, Check,
};

/// What a rule needs besides the claims of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// The claims only.
    Claims,
    /// Which documents tell the same story (rules that compare sources).
    Stories,
    /// The inline suppressions, once every other rule has run.
    Suppressions,
}

/// One registered rule.
#[derive(Debug)]
pub struct Registration {
    pub code: &'static str,
    pub name: &'static str,
    pub needs: Needs,
    /// Builds the rule from its parameters (the `[rule.params]` table).
    pub build: fn(toml::Value) -> Result<Arc<dyn Check>, toml::de::Error>,
}

fn build<P: Check + DeserializeOwned + 'static>(
    params: toml::Value,
) -> Result<Arc<dyn Check>, toml::de::Error> {
    Ok(Arc::new(params.try_into::<P>()?))
}

macro_rules! rule {
    ($code:literal, $name:literal, $needs:ident, $check:ty) => {
        Registration {
            code: $code,
            name: $name,
            needs: Needs::$needs,
            build: build::<$check>,
        }
    };
}

/// Every rule, in code order.
pub static REGISTRY: &[Registration] = &[
    rule!(
        "FC001",
        "unused-suppression",
        Suppressions,
        unused_suppression::UnusedSuppression
    ),
    rule!(
        "FC002",
        "invalid-suppression",
        Suppressions,
        invalid_suppression::InvalidSuppression
    ),
    rule!(
        "FC101",
        "placeholder-number",
        Claims,
        placeholder_number::PlaceholderNumber
    ),
    rule!(
        "FC102",
        "adjacent-numbers",
        Claims,
        adjacent_numbers::AdjacentNumbers
    ),
    rule!("FC103", "bad-grouping", Claims, bad_grouping::BadGrouping),
    rule!(
        "FC104",
        "mixed-separators",
        Claims,
        mixed_separators::MixedSeparators
    ),
    rule!(
        "FC105",
        "letters-for-digits",
        Claims,
        letters_for_digits::LettersForDigits
    ),
    rule!(
        "FC106",
        "impossible-percentage",
        Claims,
        impossible_percentage::ImpossiblePercentage
    ),
    rule!(
        "FC201",
        "source-conflict",
        Stories,
        source_conflict::SourceConflict
    ),
    rule!("FC202", "corroborated", Stories, corroborated::Corroborated),
    rule!("FC203", "scale-slip", Stories, scale_slip::ScaleSlip),
    rule!(
        "FC301",
        "inconsistent-in-document",
        Claims,
        inconsistent_in_document::InconsistentInDocument
    ),
    rule!("FC302", "parts-total", Claims, parts_total::PartsTotal),
    rule!(
        "FC303",
        "part-exceeds-whole",
        Claims,
        part_exceeds_whole::PartExceedsWhole
    ),
    rule!("FC304", "percent-sum", Claims, percent_sum::PercentSum),
    rule!(
        "FC305",
        "percent-mismatch",
        Claims,
        percent_mismatch::PercentMismatch
    ),
    rule!(
        "FC401",
        "weekday-mismatch",
        Claims,
        weekday_mismatch::WeekdayMismatch
    ),
    rule!(
        "FC402",
        "deadline-arithmetic",
        Claims,
        deadline_arithmetic::DeadlineArithmetic
    ),
    rule!(
        "FC403",
        "after-publication",
        Claims,
        after_publication::AfterPublication
    ),
];

/// The registered rule with this code.
pub fn by_code(code: &str) -> Option<&'static Registration> {
    REGISTRY.iter().find(|r| r.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_in_order() {
        for w in REGISTRY.windows(2) {
            assert!(w[0].code < w[1].code, "{} before {}", w[0].code, w[1].code);
        }
        let mut names: Vec<_> = REGISTRY.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), REGISTRY.len());
    }

    #[test]
    fn every_rule_builds_with_its_defaults() {
        for r in REGISTRY {
            assert!(
                (r.build)(toml::Value::Table(toml::Table::new())).is_ok(),
                "{}",
                r.name
            );
        }
    }

    #[test]
    fn the_rule_file_is_named_after_the_rule() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for r in REGISTRY {
            let file = r.name.replace('-', "_");
            assert!(
                root.join(format!("src/rules/{file}.rs")).is_file(),
                "{}",
                r.name
            );
            let toml = format!("rules/checks/{}-{}.toml", r.code, r.name);
            assert!(root.join(&toml).is_file(), "{toml}");
        }
    }
}
