//! Parameter types the rules share. Decimals are written as strings in the
//! rule files (`tolerance = "0.02"`), so that they keep their exact value.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug)]
    struct P {
        #[serde(deserialize_with = "decimal")]
        x: Decimal,
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
