//! Intervals of claims: the values a claim states, widened by its
//! qualifier, its rounding and a tolerance, and whether two intervals meet.

use rust_decimal::Decimal;

use crate::claims::Claim;
use crate::lexicon::{Lexicon, QualifierShape};
use crate::model::Figure;

/// An interval with open or closed ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bounds {
    pub(crate) low: Option<(Decimal, bool)>,
    pub(crate) high: Option<(Decimal, bool)>,
}

/// The interval a claim states, widened by the rounding its scale word
/// implies and by `tolerance` (relative).
pub(crate) fn bounds(c: &Claim, lexicon: &Lexicon, tolerance: Decimal) -> Bounds {
    let f = &c.fig;
    let (lo, hi) = f.interval();
    let strict = f.qualifier.map(|q| &lexicon.qualifiers[q as usize].shape);
    let (lo_strict, hi_strict) = match strict {
        Some(QualifierShape::Lower { strict }) => (*strict, false),
        Some(QualifierShape::Upper { strict }) => (false, *strict),
        _ => (false, false),
    };
    // "2,5 millions": the last written digit is worth 100 000, so the text
    // says 2 450 000 to 2 550 000.
    let half_step = match written_unit(f) {
        Some(step) if f.scale > Decimal::ONE => step / Decimal::TWO,
        _ => Decimal::ZERO,
    };
    let exact = f.low().is_none() && f.high().is_none();
    let widen = |v: Decimal, down: bool| -> Decimal {
        let t = v.abs() * tolerance + if exact { half_step } else { Decimal::ZERO };
        if down {
            v - t
        } else {
            v + t
        }
    };
    Bounds {
        low: lo.map(|v| (widen(v, true), lo_strict)),
        high: hi.map(|v| (widen(v, false), hi_strict)),
    }
}

/// What the last written digit of a figure is worth: a tenth of a million
/// in "2,5 millions", ten in "30", one in "28"; none for a value with
/// decimals and no scale word, or none at all.
pub(crate) fn written_unit(f: &Figure) -> Option<Decimal> {
    if f.scale > Decimal::ONE {
        let mut u = f.scale;
        for _ in 0..f.decimals {
            u /= Decimal::TEN;
        }
        return Some(u);
    }
    let v = f.value()?;
    if v.is_zero() || !v.fract().is_zero() {
        return None;
    }
    let mut u = Decimal::ONE;
    while (v / (u * Decimal::TEN)).fract().is_zero() {
        u *= Decimal::TEN;
    }
    Some(u)
}

/// True when some value lies in both intervals.
/// `x` with an open end closed at `open_reach` (a share) past its bound:
/// news rounds a count down to a round figure, so "plus de 27.000" is
/// not 33.750.
pub(crate) fn reach_past(mut x: Bounds, open_reach: Decimal) -> Bounds {
    if !open_reach.is_zero() {
        let r = Decimal::ONE + open_reach;
        match (x.low, x.high) {
            (Some(l), None) => x.high = Some((l.0 * r, false)),
            (None, Some(h)) => x.low = Some((h.0 / r, false)),
            _ => {}
        }
    }
    x
}

pub(crate) fn overlap(a: &Bounds, b: &Bounds) -> bool {
    let low = match (a.low, b.low) {
        (Some(x), Some(y)) => Some(if x.0 > y.0 || (x.0 == y.0 && x.1) {
            x
        } else {
            y
        }),
        (x, None) => x,
        (None, y) => y,
    };
    let high = match (a.high, b.high) {
        (Some(x), Some(y)) => Some(if x.0 < y.0 || (x.0 == y.0 && x.1) {
            x
        } else {
            y
        }),
        (x, None) => x,
        (None, y) => y,
    };
    match (low, high) {
        (Some(l), Some(h)) => l.0 < h.0 || (l.0 == h.0 && !l.1 && !h.1),
        _ => true,
    }
}

pub(crate) fn usable(c: &Claim) -> bool {
    c.usable()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(l: Option<(i64, bool)>, h: Option<(i64, bool)>) -> Bounds {
        Bounds {
            low: l.map(|(v, s)| (Decimal::from(v), s)),
            high: h.map(|(v, s)| (Decimal::from(v), s)),
        }
    }

    #[test]
    fn overlap_honours_open_and_strict_bounds() {
        // plus de 250 vs 300: agree; vs 200: no; vs 250: no (strict).
        let more_than_250 = b(Some((250, true)), None);
        assert!(overlap(
            &more_than_250,
            &b(Some((300, false)), Some((300, false)))
        ));
        assert!(!overlap(
            &more_than_250,
            &b(Some((200, false)), Some((200, false)))
        ));
        assert!(!overlap(
            &more_than_250,
            &b(Some((250, false)), Some((250, false)))
        ));
        // about 2000 = [1800, 2200] vs 1950: agree.
        assert!(overlap(
            &b(Some((1800, false)), Some((2200, false))),
            &b(Some((1950, false)), Some((1950, false)))
        ));
        // at least 40 vs at most 40: agree at 40.
        assert!(overlap(
            &b(Some((40, false)), None),
            &b(None, Some((40, false)))
        ));
    }
}
