//! Weekdays next to dates: the weekday written in one phrase with a date.

use crate::lexicon::{fold, Lexicon};

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
