//! The registry's types and the macro that declares it. The list itself,
//! one line per rule, stands in `rules/mod.rs` beside the rules' `mod`
//! lines: code, name (also the rule's file and TOML file), the type of its
//! parameters (which is also the type that runs it), what it needs to run,
//! and whether it judges how figures are written.

use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::Check;

/// What a rule needs besides the claims of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Needs {
    /// The claims of one document at a time: the rule reads the documents
    /// of [`super::Context::docs`] only, so that batches of documents are
    /// checked in parallel.
    Document,
    /// The claims of every document (a rule that compares documents).
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

pub(crate) fn build<P: Check + DeserializeOwned + 'static>(
    params: toml::Value,
) -> Result<Arc<dyn Check>, toml::de::Error> {
    Ok(Arc::new(params.try_into::<P>()?))
}

/// Declares the registry from its lines: code, name, `module::Type` (the
/// rule's module and its parameter type, which runs it), what it needs, and
/// whether it judges how figures are written (by the conventions of the
/// document's language). Invoked once, in `rules/mod.rs`.
macro_rules! registrations {
    ($($code:literal $name:literal $module:ident :: $check:ident, $needs:ident, $writing:literal;)*) => {
        /// Every rule, in code order.
        pub(crate) static REGISTRY: &[registry::Registration] = &[
            $(registry::Registration {
                code: $code,
                name: $name,
                needs: registry::Needs::$needs,
                writing: $writing,
                build: registry::build::<$module::$check>,
            },)*
        ];
    };
}

/// The registered rule a user names, in a configuration file or on the
/// command line: by its code or its name, in any case (`FC401`, `fc401`,
/// `weekday-mismatch`).
pub(crate) fn named(code_or_name: &str) -> Option<&'static Registration> {
    let s = code_or_name.trim();
    super::REGISTRY
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(s) || r.name.eq_ignore_ascii_case(s))
}

#[cfg(test)]
mod tests {
    use crate::rules::REGISTRY;

    #[test]
    fn a_rule_is_named_by_code_or_name_in_any_case() {
        for n in [
            "FC401",
            "fc401",
            "Fc401",
            "weekday-mismatch",
            "Weekday-Mismatch",
        ] {
            assert_eq!(super::named(n).map(|r| r.code), Some("FC401"), "{n}");
        }
        assert!(super::named("FC4").is_none());
        assert!(super::named("weekday").is_none());
    }

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
