//! The registry: the one list of the rules figcheck implements. Each line
//! gives a rule's code, its name (also its file, its TOML file and its
//! check id), what it needs to run, and the type of its parameters, which
//! is also the type that runs it.

use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::Check;

/// Every rule, in code order: code, name, `module::ParameterType`, what it
/// needs, and whether it judges how figures are written (by the
/// conventions of the document's language). The rules' modules are
/// declared from this list (see `rules/mod.rs`), so that adding a rule is
/// its file, this line and its TOML file.
macro_rules! for_each_rule {
    ($then:ident) => {
        $then! {
            "FC001" "unused-suppression" unused_suppression::UnusedSuppression, Suppressions, false;
            "FC002" "invalid-suppression" invalid_suppression::InvalidSuppression, Suppressions, false;
            "FC101" "placeholder-number" placeholder_number::PlaceholderNumber, Claims, false;
            "FC102" "adjacent-numbers" adjacent_numbers::AdjacentNumbers, Claims, true;
            "FC103" "bad-grouping" bad_grouping::BadGrouping, Claims, true;
            "FC104" "mixed-separators" mixed_separators::MixedSeparators, Claims, true;
            "FC105" "letters-for-digits" letters_for_digits::LettersForDigits, Claims, true;
            "FC106" "impossible-percentage" impossible_percentage::ImpossiblePercentage, Claims, true;
            "FC201" "source-conflict" source_conflict::SourceConflict, Stories, false;
            "FC202" "corroborated" corroborated::Corroborated, Stories, false;
            "FC203" "scale-slip" scale_slip::ScaleSlip, Stories, false;
            "FC301" "inconsistent-in-document" inconsistent_in_document::InconsistentInDocument, Claims, false;
            "FC302" "parts-total" parts_total::PartsTotal, Claims, false;
            "FC303" "part-exceeds-whole" part_exceeds_whole::PartExceedsWhole, Claims, false;
            "FC304" "percent-sum" percent_sum::PercentSum, Claims, false;
            "FC305" "percent-mismatch" percent_mismatch::PercentMismatch, Claims, false;
            "FC401" "weekday-mismatch" weekday_mismatch::WeekdayMismatch, Claims, false;
            "FC402" "deadline-arithmetic" deadline_arithmetic::DeadlineArithmetic, Claims, false;
            "FC403" "after-publication" after_publication::AfterPublication, Claims, false;
        }
    };
}

/// What a rule needs besides the claims of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Needs {
    /// The claims only.
    Claims,
    /// Which documents tell the same story (rules that compare sources).
    Stories,
    /// The inline suppressions, once every other rule has run.
    Suppressions,
}

/// One registered rule.
#[derive(Debug)]
pub(crate) struct Registration {
    pub(crate) code: &'static str,
    pub(crate) name: &'static str,
    pub(crate) needs: Needs,
    /// The rule judges how figures are written, by the conventions of the
    /// document's language.
    pub(crate) writing: bool,
    /// Builds the rule from its parameters (the `[rule.params]` table).
    pub(crate) build: fn(toml::Value) -> Result<Arc<dyn Check>, toml::de::Error>,
}

fn build<P: Check + DeserializeOwned + 'static>(
    params: toml::Value,
) -> Result<Arc<dyn Check>, toml::de::Error> {
    Ok(Arc::new(params.try_into::<P>()?))
}

macro_rules! registrations {
    ($($code:literal $name:literal $module:ident :: $check:ident, $needs:ident, $writing:literal;)*) => {
        /// Every rule, in code order.
        pub(crate) static REGISTRY: &[Registration] = &[
            $(Registration {
                code: $code,
                name: $name,
                needs: Needs::$needs,
                writing: $writing,
                build: build::<super::$module::$check>,
            },)*
        ];
    };
}

for_each_rule!(registrations);

/// The registered rule with this code.
pub(crate) fn by_code(code: &str) -> Option<&'static Registration> {
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
