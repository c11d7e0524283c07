//! The language of a document.
//!
//! A language is named by its ISO 639 code. figcheck reads the languages
//! that have a folder of data in `rules/lang/` (their words, separators and
//! conventions); the list is taken from that folder at build time, so a new
//! language needs no change here.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The codes of the languages figcheck has data for, sorted.
const WITH_DATA: &[&str] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// An ISO 639 language code: two or three lowercase ASCII letters.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code([u8; 3]);

impl Code {
    /// The code `s`, if it is two or three ASCII letters (lowercased).
    pub(crate) const fn new(s: &str) -> Option<Code> {
        let b = s.as_bytes();
        if b.len() < 2 || b.len() > 3 {
            return None;
        }
        let mut out = [0u8; 3];
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphabetic() {
                return None;
            }
            out[i] = b[i].to_ascii_lowercase();
            i += 1;
        }
        Some(Code(out))
    }

    pub(crate) fn as_str(&self) -> &str {
        let n = if self.0[2] == 0 { 2 } else { 3 };
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.0[..n]).unwrap_or("")
    }

    /// True when figcheck has data for this language.
    pub(crate) const fn has_data(self) -> bool {
        let mut i = 0;
        while i < WITH_DATA.len() {
            let w = WITH_DATA[i].as_bytes();
            let n = if self.0[2] == 0 { 2 } else { 3 };
            if w.len() == n
                && w[0] == self.0[0]
                && w[1] == self.0[1]
                && (n == 2 || w[2] == self.0[2])
            {
                return true;
            }
            i += 1;
        }
        false
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language a document is written in, which decides how its figures are
/// read (`2.000` is 2000 in a language that marks decimals with a comma, 2
/// in one that marks them with a point).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// A language figcheck has data for (a folder of `rules/lang/`).
    Known(Code),
    /// A language figcheck has no data for, with its code when known.
    Other(Option<Code>),
    /// Not known: too short, mixed, or not detected.
    Unknown,
}

impl Lang {
    /// The language of code `code`: [`Lang::Known`] when figcheck has data
    /// for it, [`Lang::Other`] otherwise (without a code if `code` is not
    /// two or three letters).
    pub const fn new(code: &str) -> Lang {
        match Code::new(code) {
            Some(c) if c.has_data() => Lang::Known(c),
            c => Lang::Other(c),
        }
    }

    /// The codes of every language figcheck has data for, sorted.
    pub fn with_data() -> &'static [&'static str] {
        WITH_DATA
    }

    /// True when figcheck has data for the language: its figures are read
    /// by its conventions and checked.
    pub const fn has_data(self) -> bool {
        matches!(self, Lang::Known(_))
    }

    /// True for a language detected or given that figcheck has no data
    /// for: its figures are read by no convention and not checked for them.
    pub const fn is_other(self) -> bool {
        matches!(self, Lang::Other(_))
    }

    /// The code as reported: the ISO code, `"other"` for a language
    /// detected as none figcheck has cues for, or `"unknown"`.
    pub fn as_str(&self) -> &str {
        match self {
            Lang::Known(c) | Lang::Other(Some(c)) => c.as_str(),
            Lang::Other(None) => "other",
            Lang::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = String;
    /// `auto` (or nothing) is [`Lang::Unknown`], to be detected; an ISO
    /// code is the language it names, with or without data.
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "auto" | "" => Ok(Lang::Unknown),
            o => match Code::new(o) {
                Some(_) => Ok(Lang::new(o)),
                None => Err(format!("unknown language `{o}`")),
            },
        }
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "unknown" => Ok(Lang::Unknown),
            "other" => Ok(Lang::Other(None)),
            o => o.parse().map_err(serde::de::Error::custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_with_and_without_data() {
        assert!(Lang::new("fr").has_data());
        assert_eq!(Lang::new("FR"), Lang::new("fr"));
        assert_eq!(Lang::new("fr").as_str(), "fr");
        assert_eq!(Lang::new("zzz"), Lang::Other(Code::new("zzz")));
        assert!(!Lang::new("zzz").has_data());
        assert_eq!(Lang::new("x!"), Lang::Other(None));
        assert_eq!("auto".parse::<Lang>(), Ok(Lang::Unknown));
        assert!("french".parse::<Lang>().is_err());
        assert_eq!(Lang::Unknown.as_str(), "unknown");
        assert_eq!(serde_json::to_string(&Lang::new("en")).unwrap(), "\"en\"");
    }
}
