//! Qualifiers (`rules/qualifiers.toml`): what "about", "more than", "at
//! most" do to a stated value. Each language's phrases name them.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use super::{decimal, Lexicon};
use crate::error::{Error, Result};

/// What a qualifier does to the stated value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum QualifierShape {
    /// `[v * low, v * high]`.
    Approx { low: Decimal, high: Decimal },
    /// `v` is a lower bound (`more than`, `at least`).
    Lower { strict: bool },
    /// `v` is an upper bound (`less than`, `up to`).
    Upper { strict: bool },
}

#[derive(Debug, Clone)]
pub(crate) struct QualifierDef {
    pub(crate) name: String,
    pub(crate) shape: QualifierShape,
}

impl Lexicon {
    pub(super) fn add_qualifiers(
        &mut self,
        file: &str,
        text: &str,
        raw: QualifiersFile,
    ) -> Result<()> {
        for (name, q) in raw.qualifier {
            let shape = match (q.bound, q.low, q.high) {
                (Some(b), None, None) => {
                    let strict = q.strict.unwrap_or(false);
                    match b.get_ref().as_str() {
                        "lower" => QualifierShape::Lower { strict },
                        "upper" => QualifierShape::Upper { strict },
                        _ => {
                            return Err(Error::config(
                                file,
                                text,
                                b.span().start,
                                "bound must be \"lower\" or \"upper\"",
                            ))
                        }
                    }
                }
                (None, Some(low), Some(high)) => QualifierShape::Approx {
                    low: decimal(file, text, &low)?,
                    high: decimal(file, text, &high)?,
                },
                _ => {
                    // The qualifier's table, as far as its header can be found.
                    let at = text.find(&format!("qualifier.{name}")).map_or(0, |p| {
                        text[..p]
                            .rfind(['\n', '['])
                            .map_or(0, |b| b + usize::from(&text[b..=b] == "\n"))
                    });
                    return Err(Error::config(
                        file,
                        text,
                        at,
                        format!("qualifier `{name}` needs either `bound` or both `low` and `high`"),
                    ));
                }
            };
            match self.qualifier_by_name(&name) {
                Some(i) => self.qualifiers[i].shape = shape,
                None => self.qualifiers.push(QualifierDef { name, shape }),
            }
        }
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct QualifiersFile {
    qualifier: BTreeMap<String, QualifierRaw>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QualifierRaw {
    low: Option<Spanned<String>>,
    high: Option<Spanned<String>>,
    bound: Option<Spanned<String>>,
    strict: Option<bool>,
}
