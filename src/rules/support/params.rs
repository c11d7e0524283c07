//! Parameter types the rules share. Decimals are written as strings in the
//! rule files (`tolerance = "0.02"`), so that they keep their exact value.

use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

/// A decimal written as a string.
pub(crate) fn decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    let s = String::deserialize(d)?;
    s.parse::<Decimal>().map_err(|_| {
        D::Error::custom(format!(
            "invalid decimal `{s}`: expected a number written as a string, such as \"0.02\""
        ))
    })
}

/// A count written as a string (`"4"`): a whole number, zero or more; a
/// fraction, a sign or anything else is an error, never a fallback.
pub(crate) fn count<'de, D: Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    let s = String::deserialize(d)?;
    s.parse::<usize>().map_err(|_| {
        D::Error::custom(format!(
            "invalid count `{s}`: expected a whole number written as a string, such as \"4\""
        ))
    })
}

/// What a rule makes of its parameters before it reads documents (its
/// word lists folded, sorted, made phrases): made once, when the rule first
/// runs, rather than at each batch of documents it is run on. A field of
/// the rule's parameters, `#[serde(skip)]`.
pub(crate) struct Prepared<T>(OnceLock<T>);

impl<T> Prepared<T> {
    /// The prepared value, made by `make` the first time.
    pub(crate) fn get(&self, make: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(make)
    }
}

impl<T> Default for Prepared<T> {
    fn default() -> Self {
        Prepared(OnceLock::new())
    }
}

impl<T> std::fmt::Debug for Prepared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "Prepared(made)"
        } else {
            "Prepared(not yet)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    struct P {
        #[serde(deserialize_with = "decimal")]
        x: Decimal,
    }

    #[derive(Deserialize, Debug)]
    struct C {
        #[serde(deserialize_with = "count")]
        n: usize,
    }

    #[test]
    fn prepared_is_made_once() {
        let p: Prepared<Vec<u8>> = Prepared::default();
        let made = std::cell::Cell::new(0);
        for _ in 0..3 {
            let v = p.get(|| {
                made.set(made.get() + 1);
                vec![1, 2]
            });
            assert_eq!(v, &[1, 2]);
        }
        assert_eq!(made.get(), 1);
    }

    #[test]
    fn counts_are_whole_numbers_written_as_strings() {
        let c: C = toml::from_str("n = \"4\"").unwrap();
        assert_eq!(c.n, 4);
        for bad in ["-3", "2.5", "abc"] {
            let e = toml::from_str::<C>(&format!("n = \"{bad}\"")).unwrap_err();
            assert!(e.message().contains("invalid count"), "{bad}: {e}");
        }
        // A bare integer is not the string the rule files write.
        assert!(toml::from_str::<C>("n = 4").is_err());
    }

    #[test]
    fn decimals_are_strings() {
        let ok: P = toml::from_str("x = \"0.02\"").unwrap();
        assert_eq!(ok.x, Decimal::new(2, 2));
        let bad = toml::from_str::<P>("x = \"abc\"").unwrap_err();
        assert!(bad.message().contains("invalid decimal `abc`"), "{bad}");
        assert!(toml::from_str::<P>("x = 0.02").is_err());
    }
}
