//! A folded word of the structure tokens ([`super::structure::Tok`]): kept
//! inline up to [`INLINE`] bytes, so that reading the text between two
//! figures, word by word, allocates nothing for almost every word.

use std::fmt;
use std::ops::Deref;

/// The longest word kept inline, in bytes.
const INLINE: usize = 22;

/// A folded word.
#[derive(Clone)]
pub(crate) struct Word(Repr);

#[derive(Clone)]
enum Repr {
    /// The word's bytes are `buf[..len]`.
    Inline {
        len: u8,
        buf: [u8; INLINE],
    },
    Heap(Box<str>),
}

impl Word {
    /// The word's bytes.
    #[inline]
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline { len, buf } => &buf[..usize::from(*len)],
            Repr::Heap(s) => s.as_bytes(),
        }
    }

    /// The word.
    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        match &self.0 {
            // Copied from a `str` whole: always UTF-8.
            Repr::Inline { .. } => std::str::from_utf8(self.as_bytes()).unwrap_or_default(),
            Repr::Heap(s) => s,
        }
    }
}

impl From<&str> for Word {
    #[inline]
    fn from(s: &str) -> Word {
        if s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Word(Repr::Inline {
                len: s.len() as u8,
                buf,
            })
        } else {
            Word(Repr::Heap(s.into()))
        }
    }
}

impl From<String> for Word {
    fn from(s: String) -> Word {
        Word::from(s.as_str())
    }
}

impl Deref for Word {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Word {
    #[inline]
    fn eq(&self, other: &Word) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for Word {}

impl PartialEq<str> for Word {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<String> for Word {
    fn eq(&self, other: &String) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl fmt::Debug for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_words_read_back_and_compare_by_their_text() {
        let long = "anticonstitutionnellement-et-plus";
        for w in ["", "d'", "entre", "électeurs", long] {
            let x = Word::from(w);
            assert_eq!(x.as_str(), w);
            assert_eq!(&*x, w);
            assert_eq!(x, Word::from(w.to_string()));
            assert!(x == *w);
            let owned = String::from(w);
            assert!(x == owned);
            assert_eq!(format!("{x:?}"), format!("{w:?}"));
        }
        assert_ne!(Word::from("eux"), Word::from("ceux"));
        assert_ne!(Word::from(long), Word::from("anticonstitutionnelle"));
    }
}
