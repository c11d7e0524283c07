//! Calendar days and periods: what time a claim is about.
//!
//! A claim's period comes from its sentence (a date, a year, "au premier
//! semestre", "in the first six months of 2024", "en juillet",
//! "aujourd'hui"), or else from the document's date. Two claims whose
//! periods do not overlap are about different things, however alike.

use serde::Serialize;

/// A calendar day (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Day {
    /// A valid day, or `None` (30 February, month 13).
    pub fn new(y: i32, m: u32, d: u32) -> Option<Day> {
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Day { y, m, d })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn number(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = if self.m <= 2 { self.y - 1 } else { self.y } as i64;
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.m as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.d as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The day `n` days after 1970-01-01.
    pub fn from_number(n: i64) -> Day {
        let z = n + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Day {
            y: (if m <= 2 { y + 1 } else { y }) as i32,
            m,
            d,
        }
    }

    /// 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        ((self.number() + 3).rem_euclid(7) + 1) as u32
    }

    pub fn plus_days(self, n: i64) -> Day {
        Day::from_number(self.number() + n)
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// A closed interval of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub start: Day,
    pub end: Day,
}

/// A period as ISO dates, for reports.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PeriodRecord {
    pub start: String,
    pub end: String,
}

impl Period {
    pub fn day(d: Day) -> Period {
        Period { start: d, end: d }
    }

    pub fn year(y: i32) -> Period {
        Period {
            start: Day { y, m: 1, d: 1 },
            end: Day { y, m: 12, d: 31 },
        }
    }

    pub fn month(y: i32, m: u32) -> Period {
        Period {
            start: Day { y, m, d: 1 },
            end: Day {
                y,
                m,
                d: days_in_month(y, m),
            },
        }
    }

    /// Months `first..=last` of year `y`.
    pub fn months(y: i32, first: u32, last: u32) -> Period {
        Period {
            start: Day { y, m: first, d: 1 },
            end: Day {
                y,
                m: last,
                d: days_in_month(y, last),
            },
        }
    }

    /// Number of days, both ends included.
    pub fn days(&self) -> i64 {
        self.end.number() - self.start.number() + 1
    }

    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The year, when the period lies within one.
    pub fn single_year(&self) -> Option<i32> {
        (self.start.y == self.end.y).then_some(self.start.y)
    }

    pub fn record(&self) -> PeriodRecord {
        PeriodRecord {
            start: self.start.iso(),
            end: self.end.iso(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for n in [-1000, -1, 0, 1, 16000, 19723, 20000, 60000] {
            assert_eq!(Day::from_number(n).number(), n);
        }
        assert_eq!(Day::new(1970, 1, 1).unwrap().number(), 0);
        assert_eq!(Day::new(2024, 2, 30), None);
        assert!(Day::new(2024, 2, 29).is_some());
    }

    #[test]
    fn weekdays() {
        // Monday 8 December 2014 (seed 001), Tuesday 23 July 2024.
        assert_eq!(Day::new(2014, 12, 8).unwrap().weekday(), 1);
        assert_eq!(Day::new(2024, 7, 23).unwrap().weekday(), 2);
        assert_eq!(Day::new(2000, 1, 1).unwrap().weekday(), 6);
    }

    #[test]
    fn periods_overlap() {
        let h1 = Period::months(2024, 1, 6);
        assert!(h1.overlaps(&Period::year(2024)));
        assert!(!h1.overlaps(&Period::month(2024, 7)));
        assert!(!Period::year(2014).overlaps(&Period::year(2024)));
        assert_eq!(h1.record().end, "2024-06-30");
    }
}
