//! Calendar arithmetic for the date checks (proleptic Gregorian calendar,
//! integers only), and the small text helpers several checks share.

use crate::claims::period::Day;
use crate::claims::Claim;
use crate::input::Document;
use crate::lexicon::fold;
use crate::model::{DateParts, Kind};

/// A full calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Ymd {
    /// A valid date, or `None` (`31 février`).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Ymd> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Ymd { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        self.day_of().number()
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(z: i64) -> Ymd {
        let d = Day::from_number(z);
        Ymd {
            year: d.y,
            month: d.m,
            day: d.d,
        }
    }

    /// The same date as a [`Day`] of the claims' calendar.
    pub fn day_of(self) -> Day {
        Day {
            y: self.year,
            m: self.month,
            d: self.day,
        }
    }

    /// 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.days() + 3).rem_euclid(7) + 1) as u32
    }

    /// The same day `n` months later, clamped to the month's last day.
    pub fn add_months(self, n: i64) -> Ymd {
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
    pub fn parse(s: &str) -> Option<Ymd> {
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

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub use crate::claims::period::days_in_month;

pub const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The publication date of a document, when its source gives one.
pub fn published(doc: &Document) -> Option<Ymd> {
    doc.source.date.as_deref().and_then(Ymd::parse)
}

/// The full date a date claim names: its own year, else the year closest
/// to the publication date (a `12 mars` in an article of June 2020 is
/// 2020-03-12; a `28 décembre` in an article of 3 January is the year
/// before), else the claim's year. `None` without day and month.
pub fn full_date(c: &Claim, published: Option<Ymd>) -> Option<(Ymd, bool)> {
    let d: DateParts = c.fig.date?;
    if c.fig.kind != Kind::Date {
        return None;
    }
    let (month, day) = (d.month?, d.day?);
    if let Some(y) = d.year {
        return Ymd::new(y, month, day).map(|x| (x, true));
    }
    if let Some(p) = published {
        let best = [p.year - 1, p.year, p.year + 1]
            .into_iter()
            .filter_map(|y| Ymd::new(y, month, day))
            .min_by_key(|x| (x.days() - p.days()).abs())?;
        return Some((best, false));
    }
    let y = c.year()?;
    Ymd::new(y, month, day).map(|x| (x, false))
}

/// Folded words of a parameter list, each padded for whole-word search.
pub fn folded(words: &[String]) -> Vec<String> {
    words.iter().map(|w| fold(w)).collect()
}

/// The byte position of `phrase` in `hay` as whole words.
pub fn find_phrase(hay: &str, phrase: &str) -> Option<usize> {
    if phrase.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(k) = hay[from..].find(phrase) {
        let s = from + k;
        let e = s + phrase.len();
        let first_alnum = phrase.chars().next().is_some_and(|c| c.is_alphanumeric());
        let last_alnum = phrase
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        let before_ok = !first_alnum
            || hay[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = !last_alnum || hay[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return Some(s);
        }
        from = s + phrase.chars().next().map_or(1, |c| c.len_utf8());
    }
    None
}

/// The folded text of `[s, e)`, the bounds moved to char boundaries.
pub fn folded_slice(text: &str, s: usize, e: usize) -> String {
    let mut s = s.min(text.len());
    let mut e = e.min(text.len());
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    fold(&text[s..e.max(s)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_right() {
        // 8 December 2014 was a Monday; 1 January 2000 a Saturday.
        assert_eq!(Ymd::new(2014, 12, 8).unwrap().weekday(), 1);
        assert_eq!(Ymd::new(2000, 1, 1).unwrap().weekday(), 6);
        assert_eq!(Ymd::new(1970, 1, 1).unwrap().days(), 0);
    }

    #[test]
    fn days_round_trip() {
        for z in [-800_000, -1, 0, 1, 59, 18_000, 20_000, 400_000] {
            assert_eq!(Ymd::from_days(z).days(), z);
        }
        let d = Ymd::new(2024, 1, 31).unwrap();
        assert_eq!(d.add_months(1), Ymd::new(2024, 2, 29).unwrap());
        assert_eq!(
            Ymd::from_days(Ymd::new(2014, 12, 8).unwrap().days() + 40),
            Ymd::new(2015, 1, 17).unwrap()
        );
        assert!(Ymd::new(2023, 2, 29).is_none());
        assert_eq!(Ymd::parse("2020-07-02"), Ymd::new(2020, 7, 2));
    }

    #[test]
    fn phrases_match_whole_words() {
        assert!(find_phrase("il y a 3 morts dont 2", "dont").is_some());
        assert!(find_phrase("les donts", "dont").is_none());
        assert!(find_phrase("(+5 %)", "+").is_some());
    }
}
