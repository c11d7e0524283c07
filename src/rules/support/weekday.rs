//! Weekdays next to dates: the weekday written in one phrase with a date,
//! and the weekday of a date in the Julian calendar.

use crate::lexicon::{fold, Lexicon};

/// The year before which no country had left the Julian calendar (the
/// Gregorian calendar starts on 1582-10-15)...
pub(crate) const GREGORIAN_START: (i32, u32, u32) = (1582, 10, 15);
/// ...and the year by which every country had: between the two, a date
/// may be written in either calendar.
pub(crate) const JULIAN_END_YEAR: i32 = 1923;

/// The weekday (1 for Monday) of a date of the Julian calendar.
pub(crate) fn julian_weekday(year: i32, month: u32, day: u32) -> u32 {
    let a = i64::from((14 - month as i32) / 12);
    let y = i64::from(year) + 4800 - a;
    let m = i64::from(month) + 12 * a - 3;
    let jdn = i64::from(day) + (153 * m + 2) / 5 + 365 * y + y.div_euclid(4) - 32083;
    (jdn.rem_euclid(7) + 1) as u32
}

/// The word that ends just before `pos` in `text`, with its start: only
/// spaces (no line break) and at most one comma between it and `pos`.
fn word_before(text: &str, pos: usize) -> Option<(&str, usize)> {
    let blank = |c: char| c == ' ' || c == '\t' || c == '\u{a0}' || c == '\u{202f}';
    let head = text[..pos].trim_end_matches(blank);
    let head = head
        .strip_suffix(',')
        .unwrap_or(head)
        .trim_end_matches(blank);
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = &head[start..];
    (!w.is_empty()).then_some((w, start))
}

/// The weekday (1 for Monday) named in one phrase with the date that
/// starts at `pos`, and where its word starts: "mercredi 15 février",
/// "Wednesday, February 15"; not across a sentence end or a line break
/// ("diffusé mercredi.⏎15/02/2019").
pub(crate) fn weekday_before(lex: &Lexicon, text: &str, pos: usize) -> Option<(u32, usize)> {
    let (w, start) = word_before(text, pos)?;
    lex.weekday(&fold(w)).map(|n| (n, start))
}

/// The weekdays named in the `words` words before `pos` on its line, in
/// any order ("from Monday to Thursday": Monday, before Thursday).
pub(crate) fn weekdays_before(lex: &Lexicon, text: &str, pos: usize, words: usize) -> Vec<u32> {
    let line_start = text[..pos].rfind('\n').map_or(0, |k| k + 1);
    text[line_start..pos]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(words)
        .filter_map(|w| lex.weekday(&fold(w)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Ymd;

    #[test]
    fn julian_weekdays() {
        // The battle of Hastings, Saturday 14 October 1066 (Julian).
        assert_eq!(julian_weekday(1066, 10, 14), 6);
        // The last Julian day in Rome, Thursday 4 October 1582, was
        // followed by Friday 15 October (Gregorian).
        assert_eq!(julian_weekday(1582, 10, 4), 4);
        assert_eq!(Ymd::new(1582, 10, 15).unwrap().weekday(), 5);
    }

    #[test]
    fn a_weekday_belongs_to_a_date_in_one_phrase_only() {
        let lex = &crate::testing::config().lexicon;
        let at = |t: &str, d: &str| weekday_before(lex, t, t.find(d).unwrap()).map(|x| x.0);
        assert_eq!(at("réuni mercredi 15 février", "15"), Some(3));
        assert_eq!(at("on Wednesday, February 15", "February"), Some(3));
        assert_eq!(at("diffusé mercredi.\n15/02/2019 21:12", "15/"), None);
        assert_eq!(at("diffusé mercredi\n15/02/2019 21:12", "15/"), None);
        assert_eq!(
            at("it aired on Wednesday. February 15 was", "February"),
            None
        );
        let t = "airing from Monday to Thursday, March 1";
        assert_eq!(
            weekdays_before(lex, t, t.find("Thursday").unwrap(), 3),
            vec![1]
        );
    }
}
