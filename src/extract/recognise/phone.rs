//! Phone numbers: French "01 23 45 67 89", international
//! "+33 1 23 45 67 89"; read as phones, no quantity.

use crate::extract::Extractor;
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    /// French and international phone numbers: "01 23 45 67 89",
    /// "+33 1 23 45 67 89".
    pub(crate) fn phone(&mut self, pos: usize) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let plus = pos > 0 && bytes[pos - 1] == b'+';
        let mut p = pos;
        let mut groups = 0;
        let mut digits = 0;
        loop {
            let s = p;
            while p < bytes.len() && bytes[p].is_ascii_digit() {
                p += 1;
            }
            let n = p - s;
            if n == 0 || n > 4 {
                return None;
            }
            if groups > 0 && n != 2 && !plus {
                return None;
            }
            groups += 1;
            digits += n;
            if p + 1 < bytes.len()
                && matches!(bytes[p], b' ' | b'.' | b'-')
                && bytes[p + 1].is_ascii_digit()
            {
                p += 1;
            } else {
                break;
            }
        }
        let ok = if plus {
            groups >= 3 && (8..=15).contains(&digits)
        } else {
            groups == 5 && digits == 10 && bytes[pos] == b'0'
        };
        if !ok {
            return None;
        }
        let start = if plus { pos - 1 } else { pos };
        let mut f = Figure::new(start, p, None, Written::Digits);
        f.kind = Kind::Phone;
        self.push(f);
        Some(p)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn phone_numbers() {
        assert_eq!(
            find("au 01 23 45 67 89", Lang::new("fr"), "01 23 45 67 89").2,
            Kind::Phone
        );
        assert_eq!(
            find(
                "call +33 1 23 45 67 89",
                Lang::new("en"),
                "+33 1 23 45 67 89"
            )
            .2,
            Kind::Phone
        );
    }
}
