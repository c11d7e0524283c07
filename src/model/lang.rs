//! The language of a document.

use serde::{Deserialize, Serialize};

/// The language a document is written in, which decides how its figures are
/// read (`2.000` is 2000 in French, 2 in English).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
    Unknown,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Unknown => "unknown",
        }
    }
}
