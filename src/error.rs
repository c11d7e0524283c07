//! Typed errors of the library. Every error that comes from a file names the
//! file, and where the position is known, its line and column (1-based).

use std::fmt;

/// A position in a named source: file (or document id), line and column, 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub(crate) file: String,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

impl Location {
    /// The location of byte offset `offset` in `text` (clamped to the text).
    pub(crate) fn at(file: &str, text: &str, offset: usize) -> Self {
        let (line, column) = line_col(text, offset);
        Location {
            file: file.to_string(),
            line,
            column,
        }
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A rule, lexicon or configuration file that cannot be used.
    #[error("{location}: {message}")]
    Config { location: Location, message: String },
    /// An input document that cannot be read as figcheck input.
    #[error("{location}: {message}")]
    Input { location: Location, message: String },
}

impl Error {
    pub(crate) fn config(
        file: &str,
        text: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        Error::Config {
            location: Location::at(file, text, offset),
            message: message.into(),
        }
    }

    pub(crate) fn input(file: &str, text: &str, offset: usize, message: impl Into<String>) -> Self {
        Error::Input {
            location: Location::at(file, text, offset),
            message: message.into(),
        }
    }

    /// Turns a TOML parse error into a located configuration error.
    pub(crate) fn from_toml(file: &str, text: &str, err: &toml::de::Error) -> Self {
        let offset = err.span().map_or(0, |s| s.start);
        Error::config(file, text, offset, err.message().trim().to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_not_bytes() {
        let t = "ab\nçé x";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        // "x" is after two 2-byte chars and a space.
        assert_eq!(line_col(t, 8), (2, 4));
        // Offsets inside a char are clamped back to its start.
        assert_eq!(line_col(t, 4), (2, 1));
        assert_eq!(line_col(t, 100), (2, 5));
    }
}
