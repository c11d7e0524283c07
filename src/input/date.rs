//! Publication dates as real input writes them: ISO dates and timestamps
//! (`2020-03-12`, `2020-03-12T10:00:00+01:00`, `2020/03/12`, `2020-03`,
//! `2020`), numeric dates in the order of the document's language
//! (`12/03/2020`, `12-3-2020`, `12.03.2020`; `3/12/2020` in a language that
//! puts the month first), dates with a month's name in any language
//! figcheck has data for (`12 mars 2020`, `March 12, 2020`, `12 March
//! 2020`, `Thu, 12 Mar 2020 10:00:00 GMT`) and Unix timestamps; a time
//! after the date in any form (`10:32`, `10h32`, `10 h 32`, `10.32 GMT`)
//! and words before a numeric date (`Publié le 17/11/2018 à 10h32`,
//! `Updated 2018-11-17`).
//!
//! The month names and the order of numeric dates are the data of
//! `rules/lang/<code>/calendar.toml` and `conventions.toml`, read from the
//! embedded files once. A local date is kept as written: a timestamp's
//! offset does not move it to another day.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::{fold, BUILTIN_FILES};
use crate::model::{Lang, Ymd};

/// A publication date: a day, or only a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Published {
    Day(Ymd),
    Year(i32),
}

impl Published {
    pub(crate) fn day(self) -> Option<Ymd> {
        match self {
            Published::Day(d) => Some(d),
            Published::Year(_) => None,
        }
    }

    pub(crate) fn year(self) -> i32 {
        match self {
            Published::Day(d) => d.year,
            Published::Year(y) => y,
        }
    }
}

/// Month names of every language, and which languages write numeric dates
/// month first.
#[derive(Debug, Default)]
struct Calendar {
    months: HashMap<String, u32>,
    month_first: Vec<String>,
    /// Words after an hour that make it a clock time (`10h32`, `10 h`),
    /// folded: `hour_words` of each language's `time.toml`.
    hour_words: Vec<String>,
}

impl Calendar {
    fn builtin() -> &'static Calendar {
        static BUILTIN: OnceLock<Calendar> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let mut c = Calendar::default();
            for (name, text) in BUILTIN_FILES {
                if name.starts_with("rules/lang/") {
                    c.add_file(text);
                }
            }
            c
        })
    }

    /// Adds the months and the date order of one language file; a file
    /// that does not parse adds nothing (the configuration loader reports it).
    fn add_file(&mut self, text: &str) {
        let Ok(t) = toml::from_str::<toml::Table>(text) else {
            return;
        };
        if let Some(months) = t.get("months").and_then(|m| m.as_table()) {
            for (w, n) in months {
                if let Some(n) = n.as_integer().and_then(|n| u32::try_from(n).ok()) {
                    self.months.insert(fold(w), n);
                }
            }
        }
        if let Some(words) = t
            .get("time")
            .and_then(|x| x.get("hour_words"))
            .and_then(|w| w.as_array())
        {
            for w in words.iter().filter_map(|w| w.as_str()) {
                let w = fold(w);
                if !self.hour_words.contains(&w) {
                    self.hour_words.push(w);
                }
            }
        }
        let first = t
            .get("conventions")
            .and_then(|c| c.get("month_first_dates"))
            .and_then(|b| b.as_bool());
        if let (Some(true), Some(code)) = (first, t.get("lang").and_then(|l| l.as_str())) {
            self.month_first.push(code.to_string());
        }
    }
}

/// Reads a publication date written as real input writes it (see the
/// module docs); `lang` decides the order of an ambiguous numeric date
/// (`03/04/2020`), which without a known language gives only its year.
pub(crate) fn read_date(s: &str, lang: Lang) -> Option<Published> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    iso(s)
        .or_else(|| numeric(s, lang))
        .or_else(|| named(s, Calendar::builtin()))
        .or_else(|| {
            // Words before a numeric date ("Publié le 17/11/2018 à 10h32",
            // "Updated 2018-11-17"): the date after them.
            let at = s.find(|c: char| c.is_ascii_digit())?;
            let words = &s[..at];
            (at > 0
                && words.chars().any(char::is_alphabetic)
                && words.ends_with(char::is_whitespace))
            .then(|| iso(&s[at..]).or_else(|| numeric(&s[at..], lang)))
            .flatten()
        })
}

/// True when `tok` is a clock time written with an hour word or a point
/// (`10h32`, `10h`, `10.32`; `10:32` has a colon, which no date token
/// holds): one or two digits, the hour word or the point, at most two
/// digits.
fn clock(tok: &str, cal: &Calendar) -> bool {
    let digits = tok.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let rest = &tok[digits..];
    let minutes = |m: &str| m.is_empty() || (m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()));
    if let Some(m) = rest.strip_prefix('.') {
        return !m.is_empty() && minutes(m);
    }
    let f = fold(rest);
    cal.hour_words
        .iter()
        .any(|w| f.strip_prefix(w.as_str()).is_some_and(minutes))
}

/// A Unix timestamp in seconds (or milliseconds, for values too large to
/// be seconds of this era) as its UTC day.
pub(crate) fn from_unix(t: f64) -> Option<Published> {
    if !t.is_finite() || t < 0.0 {
        return None;
    }
    let secs = if t > 1e11 { t / 1000.0 } else { t };
    let day = Ymd::from_days((secs / 86_400.0).floor() as i64 + Ymd::new(1970, 1, 1)?.days());
    (1970..=2200)
        .contains(&day.year)
        .then_some(Published::Day(day))
}

/// The numbers of `s` and their positions: runs of ASCII digits.
fn digit_runs(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push((start, &s[start..i]));
        } else {
            i += 1;
        }
    }
    out
}

/// `YYYY-MM-DD[T…]`, `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYY-MM`, `YYYY`.
fn iso(s: &str) -> Option<Published> {
    if let Some(d) = Ymd::parse(s) {
        return Some(Published::Day(d));
    }
    let b = s.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year: i32 = s[..4].parse().ok()?;
    if b.len() == 4 {
        return Some(Published::Year(year));
    }
    let sep = b[4];
    if !matches!(sep, b'-' | b'/' | b'.') {
        // `20200312`: eight digits.
        if b.len() >= 8
            && b[..8].iter().all(u8::is_ascii_digit)
            && b.get(8).is_none_or(|c| !c.is_ascii_digit())
        {
            let m = s[4..6].parse().ok()?;
            let d = s[6..8].parse().ok()?;
            return Ymd::new(year, m, d).map(Published::Day);
        }
        return None;
    }
    let rest = &s[5..];
    let m_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&m_len) {
        return None;
    }
    let month: u32 = rest[..m_len].parse().ok()?;
    let after = &rest[m_len..];
    if after.is_empty() {
        return (1..=12).contains(&month).then_some(Published::Year(year));
    }
    if after.as_bytes()[0] != sep {
        return None;
    }
    let d_str = &after[1..];
    let d_len = d_str.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&d_len) {
        return None;
    }
    let day: u32 = d_str[..d_len].parse().ok()?;
    // What follows is a time: `T10:00`, ` 10:00`, nothing else.
    let tail = &d_str[d_len..];
    if !(tail.is_empty() || tail.starts_with(['T', 't', ' ', '_'])) {
        return None;
    }
    Ymd::new(year, month, day).map(Published::Day)
}

/// `12/03/2020`, `12-3-2020`, `12.03.2020` (a two-digit year is not read):
/// day first, or month first in a language that writes dates so; either
/// way when only one order makes a date.
fn numeric(s: &str, lang: Lang) -> Option<Published> {
    let b = s.as_bytes();
    let a_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&a_len) {
        return None;
    }
    let sep = *b.get(a_len)?;
    if !matches!(sep, b'/' | b'-' | b'.') {
        return None;
    }
    let rest = &s[a_len + 1..];
    let b_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&b_len) || rest.as_bytes().get(b_len) != Some(&sep) {
        return None;
    }
    let y_str = &rest[b_len + 1..];
    let y_len = y_str.bytes().take_while(u8::is_ascii_digit).count();
    let tail = &y_str[y_len..];
    if y_len != 4 || !(tail.is_empty() || tail.starts_with([' ', 'T', ',', 't'])) {
        return None;
    }
    let x: u32 = s[..a_len].parse().ok()?;
    let y: u32 = rest[..b_len].parse().ok()?;
    let year: i32 = y_str[..4].parse().ok()?;
    let day_first = Ymd::new(year, y, x);
    let month_first = Ymd::new(year, x, y);
    let day = match (day_first, month_first) {
        (Some(d), None) | (None, Some(d)) => d,
        (Some(d), Some(m)) if d == m => d,
        (Some(d), Some(m)) => match lang {
            Lang::Known(code) => {
                let first = Calendar::builtin()
                    .month_first
                    .iter()
                    .any(|c| c == code.as_str());
                if first {
                    m
                } else {
                    d
                }
            }
            _ => return Some(Published::Year(year)),
        },
        (None, None) => return None,
    };
    Some(Published::Day(day))
}

/// A date with a month's name: one month word, one four-digit year and at
/// most one day of the month (`12`, `12th`, `1er`), whatever else is
/// written around them (a weekday, a time, a zone).
fn named(s: &str, cal: &Calendar) -> Option<Published> {
    let mut month = None;
    let mut year = None;
    let mut day = None;
    let toks: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '-')
        .map(|t| t.trim_matches(|c: char| matches!(c, '.' | '(' | ')' | '"' | '\'')))
        .filter(|t| !t.is_empty())
        .collect();
    let hour_word = |t: &str| cal.hour_words.contains(&fold(t));
    let mut i = 0;
    while i < toks.len() {
        let tok = toks[i];
        i += 1;
        if tok.contains(':') || clock(tok, cal) {
            continue;
        }
        // A time in words apart: `10 h 32`, `10 h`.
        if tok.len() <= 2
            && tok.bytes().all(|b| b.is_ascii_digit())
            && toks.get(i).is_some_and(|t| hour_word(t))
        {
            i += 1;
            if toks
                .get(i)
                .is_some_and(|t| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()))
            {
                i += 1;
            }
            continue;
        }
        let digits = tok.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            let suffix = &tok[digits..];
            if digits == 4 && suffix.is_empty() {
                if year.replace(tok.parse::<i32>().ok()?).is_some() {
                    return None;
                }
            } else if digits <= 2 && suffix.len() <= 3 && suffix.chars().all(|c| c.is_alphabetic())
            {
                if day.replace(tok[..digits].parse::<u32>().ok()?).is_some() {
                    return None;
                }
            } else if !(tok.starts_with('+') || suffix.is_empty()) {
                return None;
            }
            continue;
        }
        if let Some(&m) = cal.months.get(&fold(tok)) {
            if month.replace(m).is_some() {
                return None;
            }
        }
    }
    let (month, year) = (month?, year?);
    match day {
        Some(d) => Ymd::new(year, month, d).map(Published::Day),
        None => Some(Published::Year(year)),
    }
}

/// True when `s` holds a number but no date can be read from it: worth a
/// word to the user who gave it.
pub(crate) fn unreadable(s: &str, lang: Lang) -> bool {
    read_date(s, lang).is_none() && !digit_runs(s).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str, lang: &str) -> Option<String> {
        read_date(s, Lang::new(lang)).map(|p| match p {
            Published::Day(d) => d.to_string(),
            Published::Year(y) => y.to_string(),
        })
    }

    #[test]
    fn iso_dates_and_timestamps() {
        assert_eq!(day("2020-03-12", "fr").as_deref(), Some("2020-03-12"));
        assert_eq!(
            day("2020-03-12T23:30:00-05:00", "en").as_deref(),
            Some("2020-03-12")
        );
        assert_eq!(day("2020/3/12", "en").as_deref(), Some("2020-03-12"));
        assert_eq!(day("20200312", "en").as_deref(), Some("2020-03-12"));
        assert_eq!(day("2020-03", "en").as_deref(), Some("2020"));
        assert_eq!(day("2020", "en").as_deref(), Some("2020"));
        assert_eq!(day("2020-13-01", "en"), None);
    }

    #[test]
    fn numeric_dates_in_the_order_of_the_language() {
        assert_eq!(day("12/03/2020", "fr").as_deref(), Some("2020-03-12"));
        assert_eq!(day("12-3-2020", "fr").as_deref(), Some("2020-03-12"));
        assert_eq!(day("12.03.2020", "fr").as_deref(), Some("2020-03-12"));
        assert_eq!(day("03/12/2020", "en").as_deref(), Some("2020-03-12"));
        // Only one order makes a date: read so in any language.
        assert_eq!(day("25/12/2020", "en").as_deref(), Some("2020-12-25"));
        assert_eq!(day("12/25/2020", "fr").as_deref(), Some("2020-12-25"));
        // Ambiguous without a language: the year only.
        assert_eq!(day("03/04/2020", "xx").as_deref(), Some("2020"));
        assert_eq!(day("12/03/20", "fr"), None);
    }

    #[test]
    fn dates_with_month_names() {
        assert_eq!(day("March 12, 2020", "fr").as_deref(), Some("2020-03-12"));
        assert_eq!(day("12 March 2020", "en").as_deref(), Some("2020-03-12"));
        assert_eq!(
            day("Thu, 12 Mar 2020 10:00:00 GMT", "fr").as_deref(),
            Some("2020-03-12")
        );
        assert_eq!(
            day("Thu, 12 Mar 2020 10:00:00 +0100", "en").as_deref(),
            Some("2020-03-12")
        );
        assert_eq!(
            day("jeudi 12 mars 2020", "fr").as_deref(),
            Some("2020-03-12")
        );
        assert_eq!(day("1er avril 2021", "fr").as_deref(), Some("2021-04-01"));
        assert_eq!(day("March 1st, 2021", "en").as_deref(), Some("2021-03-01"));
        assert_eq!(day("mars 2020", "fr").as_deref(), Some("2020"));
        assert_eq!(day("12 mars", "fr"), None);
        assert_eq!(day("hier", "fr"), None);
        // A time after the date, with an hour word or a point.
        for s in [
            "17 novembre 2018 10h32",
            "le 17 novembre 2018 à 10h",
            "samedi 17 novembre 2018 à 10 h 32",
            "Saturday 17 November 2018 10.32 GMT",
            "November 17, 2018 10:32",
        ] {
            assert_eq!(day(s, "fr").as_deref(), Some("2018-11-17"), "{s}");
        }
        // "12th" is a day, not a time; a time's digits are no day.
        assert_eq!(
            day("12th March 2020 9h", "en").as_deref(),
            Some("2020-03-12")
        );
        assert_eq!(day("novembre 2018 10h", "fr").as_deref(), Some("2018"));
        assert!(unreadable("12 foo 99", Lang::new("fr")));
        assert!(!unreadable("inconnu", Lang::new("fr")));
    }

    #[test]
    fn words_before_a_numeric_date() {
        for s in [
            "Publié le 17/11/2018 à 10h32",
            "Mis à jour le 17/11/2018 à 12h",
            "Updated 2018-11-17 10:32",
            "Published: 17.11.2018",
        ] {
            assert_eq!(day(s, "fr").as_deref(), Some("2018-11-17"), "{s}");
        }
        // Words alone, or words glued to the digits, are no date.
        assert_eq!(day("Publié hier", "fr"), None);
        assert_eq!(day("page2018-11-17", "fr"), None);
    }

    #[test]
    fn unix_timestamps() {
        let d = |t| from_unix(t).and_then(Published::day).map(|d| d.to_string());
        assert_eq!(d(1_584_007_200.0).as_deref(), Some("2020-03-12"));
        assert_eq!(d(1_584_007_200_000.0).as_deref(), Some("2020-03-12"));
        assert_eq!(d(-1.0), None);
    }
}
