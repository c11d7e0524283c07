//! IPv4 addresses: "192.168.1.2", four numbers up to 255 joined by dots,
//! read as identifiers ("3.002.156.000" is a French number).

use rust_decimal::Decimal;

use crate::extract::digits::{self};
use crate::extract::Extractor;
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    /// An IPv4 address, "192.168.1.2": four numbers up to 255 joined by
    /// dots, an identifier and no decimal ("192.168.100.200" could be a
    /// French number and is read as one).
    pub(crate) fn ip_address(&mut self, pos: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        if pos > 0 && matches!(bytes[pos - 1], b'.' | b',') {
            return None;
        }
        let mut p = pos;
        // "3.002.156.000" is a French number: some part must not be a
        // group of thousands.
        let mut grouping = true;
        for part in 0..4 {
            let s = p;
            while p < bytes.len() && p - s < 4 && bytes[p].is_ascii_digit() {
                p += 1;
            }
            // The shape first, the value (a decimal) only of a part
            // followed by a point or of the last one.
            if p == s || p - s > 3 || (part < 3 && bytes.get(p) != Some(&b'.')) {
                return None;
            }
            if digits::int_value(&self.text[s..p])? > Decimal::from(255) {
                return None;
            }
            grouping &= part == 0 || p - s == 3;
            if part < 3 {
                p += 1;
            }
        }
        if grouping
            || bytes.get(p).is_some_and(|c| c.is_ascii_alphanumeric())
            || (matches!(bytes.get(p), Some(b'.' | b','))
                && bytes.get(p + 1).is_some_and(u8::is_ascii_digit))
        {
            return None;
        }
        let mut f = Figure::new(pos, p, None, Written::Digits);
        f.kind = Kind::Identifier;
        self.push(f);
        Some(p)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn ip_addresses_and_zero_codes_are_identifiers() {
        let en = Lang::new("en");
        // An address is one identifier, not "192.168" and "1.2".
        assert_eq!(
            all("Ping 192.168.1.2 now.", en),
            vec![(
                "192.168.1.2".to_string(),
                None,
                (None, None),
                Kind::Identifier
            )]
        );
        assert_eq!(find("at 10.0.0.1.", en, "10.0.0.1").2, Kind::Identifier);
        // Not an address: a part above 255, or a fifth part.
        assert_eq!(find("the 1.300.2.1 code", en, "1.300").2, Kind::Count);
        // A code with leading zeros keeps the number it carries, like "F-16".
        assert_eq!(
            find("423 0000 will be two numbers", en, "0000"),
            (Some(d("0")), (None, None), Kind::Identifier)
        );
        assert_eq!(find("agent 007", en, "007").0, Some(d("7")));
    }
}
