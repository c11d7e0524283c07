//! Periods: what time a claim is about.
//!
//! A claim's period comes from its sentence (a date, a year, "au premier
//! semestre", "in the first six months of 2024", "en juillet",
//! "aujourd'hui"), or else from the document's date. Two claims whose
//! periods do not overlap are about different things, however alike.

use serde::Serialize;

use crate::model::{days_in_month, Ymd};

/// A closed interval of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub start: Ymd,
    pub end: Ymd,
}

/// A period as ISO dates, for reports.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PeriodRecord {
    pub start: String,
    pub end: String,
}

impl Period {
    pub fn day(d: Ymd) -> Period {
        Period { start: d, end: d }
    }

    pub fn year(y: i32) -> Period {
        Period {
            start: Ymd {
                year: y,
                month: 1,
                day: 1,
            },
            end: Ymd {
                year: y,
                month: 12,
                day: 31,
            },
        }
    }

    pub fn month(y: i32, m: u32) -> Period {
        Period {
            start: Ymd {
                year: y,
                month: m,
                day: 1,
            },
            end: Ymd {
                year: y,
                month: m,
                day: days_in_month(y, m),
            },
        }
    }

    /// Months `first..=last` of year `y`.
    pub fn months(y: i32, first: u32, last: u32) -> Period {
        Period {
            start: Ymd {
                year: y,
                month: first,
                day: 1,
            },
            end: Ymd {
                year: y,
                month: last,
                day: days_in_month(y, last),
            },
        }
    }

    /// Number of days, both ends included.
    pub fn days(&self) -> i64 {
        self.end.days() - self.start.days() + 1
    }

    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The year, when the period lies within one.
    pub fn single_year(&self) -> Option<i32> {
        (self.start.year == self.end.year).then_some(self.start.year)
    }

    pub fn record(&self) -> PeriodRecord {
        PeriodRecord {
            start: self.start.to_string(),
            end: self.end.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_overlap() {
        let h1 = Period::months(2024, 1, 6);
        assert!(h1.overlaps(&Period::year(2024)));
        assert!(!h1.overlaps(&Period::month(2024, 7)));
        assert!(!Period::year(2014).overlaps(&Period::year(2024)));
        assert_eq!(h1.record().end, "2024-06-30");
    }
}
