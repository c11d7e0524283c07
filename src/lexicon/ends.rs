//! The last bytes of the phrase lists read before every figure, and the
//! first bytes of the unit forms, known at load: text whose last byte
//! ends no phrase of a list is matched against none of them, and no unit
//! is looked for at a digit that starts no unit form.

use super::language::LangLexicon;
use super::units::UnitForm;
use crate::model::Code;

/// The last bytes of the phrases of a list, as a set of bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Ends([u64; 4]);

impl Ends {
    pub(crate) fn of<'p>(phrases: impl IntoIterator<Item = &'p str>) -> Ends {
        let mut e = Ends::default();
        for p in phrases {
            if let Some(&b) = p.as_bytes().last() {
                e.0[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        e
    }

    /// The first bytes of `words`.
    pub(crate) fn firsts<'p>(words: impl IntoIterator<Item = &'p str>) -> Ends {
        let mut e = Ends::default();
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                e.0[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        e
    }

    /// Some phrase of the list ends with byte `b`.
    #[inline]
    pub(crate) fn has(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] >> (b & 63) & 1 == 1
    }
}

/// The [`Ends`] of each list read before every figure, over every
/// language's list.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseEnds {
    pub(crate) qualifiers: Ends,
    pub(crate) code_leads: Ends,
    pub(crate) rank_leads: Ends,
    pub(crate) label_leads: Ends,
    pub(crate) range_openers: Ends,
    pub(crate) bare_age_leads: Ends,
    /// The first bytes of the unit forms (a set of bytes as [`Ends`]).
    pub(crate) unit_starts: Ends,
}

impl PhraseEnds {
    pub(crate) fn of(languages: &[(Code, LangLexicon)], units: &[UnitForm]) -> PhraseEnds {
        let all = || languages.iter().map(|(_, l)| l);
        PhraseEnds {
            qualifiers: Ends::of(all().flat_map(|l| l.qualifiers.iter().map(|(p, _)| p.as_str()))),
            code_leads: Ends::of(all().flat_map(|l| l.code_leads.iter().map(String::as_str))),
            rank_leads: Ends::of(
                all().flat_map(|l| l.labels.rank_leads.iter().map(String::as_str)),
            ),
            label_leads: Ends::of(
                all().flat_map(|l| l.labels.label_leads.iter().map(String::as_str)),
            ),
            range_openers: Ends::of(
                all().flat_map(|l| l.range_openers.iter().map(|(o, _)| o.as_str())),
            ),
            bare_age_leads: Ends::of(
                all().flat_map(|l| l.bare_age_leads.iter().map(String::as_str)),
            ),
            unit_starts: Ends::firsts(units.iter().map(|u| u.form.as_str())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Ends;

    #[test]
    fn last_bytes_of_the_phrases() {
        let e = Ends::of(["plus de", "près d'", "≥", ""]);
        assert!(e.has(b'e') && e.has(b'\'') && e.has("≥".as_bytes()[2]));
        assert!(!e.has(b'1') && !e.has(b' ') && !e.has(0) && !e.has(255));
        let f = Ends::firsts(["km", "°C", ""]);
        assert!(f.has(b'k') && f.has("°".as_bytes()[0]) && !f.has(b'C'));
    }
}
