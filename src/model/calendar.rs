//! The calendar every stage counts days with: the proleptic Gregorian
//! calendar, integers only.

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Ymd {
    pub(crate) year: i32,
    pub(crate) month: u32,
    pub(crate) day: u32,
}

/// True for a leap year.
pub(crate) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days of a month (0 for a month out of `1..=12`).
pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Ymd {
    /// A valid date, or `None` (30 February, month 13).
    pub(crate) fn new(year: i32, month: u32, day: u32) -> Option<Ymd> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Ymd { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub(crate) fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = if self.month <= 2 {
            self.year - 1
        } else {
            self.year
        } as i64;
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `z` days after 1970-01-01.
    pub(crate) fn from_days(z: i64) -> Ymd {
        // Howard Hinnant's civil_from_days.
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Ymd {
            year: (if month <= 2 { y + 1 } else { y }) as i32,
            month,
            day,
        }
    }

    /// The weekday (1 = Monday … 7 = Sunday) this year, month and day
    /// name in the Julian calendar.
    pub(crate) fn julian_weekday(self) -> u32 {
        let a = i64::from((14 - self.month as i32) / 12);
        let y = i64::from(self.year) + 4800 - a;
        let m = i64::from(self.month) + 12 * a - 3;
        let jdn = i64::from(self.day) + (153 * m + 2) / 5 + 365 * y + y.div_euclid(4) - 32083;
        (jdn.rem_euclid(7) + 1) as u32
    }

    /// True before the first day of the Gregorian calendar, 1582-10-15:
    /// a date written then is Julian.
    pub(crate) fn before_gregorian(self) -> bool {
        (self.year, self.month, self.day) < (1582, 10, 15)
    }

    /// 1 = Monday … 7 = Sunday.
    pub(crate) fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.days() + 3).rem_euclid(7) + 1) as u32
    }

    /// The date `n` days later (earlier when negative).
    pub(crate) fn plus_days(self, n: i64) -> Ymd {
        Ymd::from_days(self.days() + n)
    }

    /// The same day `n` months later, clamped to the month's last day.
    pub(crate) fn add_months(self, n: i64) -> Ymd {
        let m0 = i64::from(self.year) * 12 + i64::from(self.month) - 1 + n;
        let year = m0.div_euclid(12) as i32;
        let month = (m0.rem_euclid(12) + 1) as u32;
        Ymd {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// `YYYY-MM-DD` (a longer timestamp is cut).
    pub(crate) fn parse(s: &str) -> Option<Ymd> {
        let s = s.trim();
        let y = s.get(..4)?.parse().ok()?;
        if s.get(4..5) != Some("-") || s.get(7..8) != Some("-") {
            return None;
        }
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Ymd::new(y, m, d)
    }
}

/// `YYYY-MM-DD`.
impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The year by which every country had left the Julian calendar: until
/// then, a date may be written in either calendar.
pub(crate) const JULIAN_END_YEAR: i32 = 1923;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn julian_weekdays() {
        // The battle of Hastings, Saturday 14 October 1066 (Julian).
        let hastings = Ymd::new(1066, 10, 14).unwrap();
        assert_eq!(
            (hastings.julian_weekday(), hastings.before_gregorian()),
            (6, true)
        );
        // The last Julian day in Rome, Thursday 4 October 1582, was
        // followed by Friday 15 October (Gregorian).
        assert_eq!(Ymd::new(1582, 10, 4).unwrap().julian_weekday(), 4);
        let first = Ymd::new(1582, 10, 15).unwrap();
        assert_eq!((first.weekday(), first.before_gregorian()), (5, false));
    }

    #[test]
    fn weekdays_are_right() {
        // Monday 8 December 2014, Tuesday 23 July 2024, Saturday 1 January 2000.
        assert_eq!(Ymd::new(2014, 12, 8).unwrap().weekday(), 1);
        assert_eq!(Ymd::new(2024, 7, 23).unwrap().weekday(), 2);
        assert_eq!(Ymd::new(2000, 1, 1).unwrap().weekday(), 6);
        assert_eq!(Ymd::new(1970, 1, 1).unwrap().days(), 0);
    }

    #[test]
    fn days_round_trip() {
        for z in [
            -800_000, -1000, -1, 0, 1, 59, 16_000, 18_000, 19_723, 20_000, 60_000, 400_000,
        ] {
            assert_eq!(Ymd::from_days(z).days(), z);
        }
        let d = Ymd::new(2024, 1, 31).unwrap();
        assert_eq!(d.add_months(1), Ymd::new(2024, 2, 29).unwrap());
        assert_eq!(
            Ymd::new(2014, 12, 8).unwrap().plus_days(40),
            Ymd::new(2015, 1, 17).unwrap()
        );
        assert_eq!(
            Ymd::new(2024, 3, 1).unwrap().plus_days(-1),
            Ymd::new(2024, 2, 29).unwrap()
        );
    }

    #[test]
    fn invalid_dates_are_refused() {
        assert!(Ymd::new(2023, 2, 29).is_none());
        assert_eq!(Ymd::new(2024, 2, 30), None);
        assert!(Ymd::new(2024, 2, 29).is_some());
        assert!(Ymd::new(2024, 13, 1).is_none());
        assert_eq!(days_in_month(2024, 13), 0);
        assert!(is_leap(2000) && !is_leap(1900));
    }

    #[test]
    fn iso_text() {
        assert_eq!(Ymd::parse("2020-07-02"), Ymd::new(2020, 7, 2));
        assert_eq!(Ymd::parse("2020-07-02T10:00:00Z"), Ymd::new(2020, 7, 2));
        assert_eq!(Ymd::parse("2020/07/02"), None);
        assert_eq!(Ymd::new(812, 3, 4).unwrap().to_string(), "0812-03-04");
    }
}
