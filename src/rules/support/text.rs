//! Text helpers the checks share: folded word lists and whole-word search
//! in folded text.

use crate::extract::context::skip_spaces;
use crate::lexicon::fold;

/// Folded words of a parameter list.
pub(crate) fn folded(words: &[String]) -> Vec<String> {
    words.iter().map(|w| fold(w)).collect()
}

/// The whole a percentage is a share of: the word after one of `links`
/// (`des`, `of the`), read in the `window` bytes after `end`, within its
/// sentence (`sentence_end`); folded.
pub(crate) fn whole_after(
    text: &str,
    end: usize,
    sentence_end: usize,
    window: usize,
    links: &[String],
) -> Option<String> {
    let s = skip_spaces(text, end);
    let mut e = (s + window).min(sentence_end.max(s));
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    let after = fold(&text[s..e]);
    let rest = links.iter().find_map(|l| {
        after
            .strip_prefix(l.as_str())
            .filter(|r| l.ends_with('\'') || r.starts_with(' '))
            .map(|r| r.trim_start())
    })?;
    let noun: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    (!noun.is_empty()).then_some(noun)
}

/// The byte position of `phrase` in `hay` as whole words.
pub(crate) fn find_phrase(hay: &str, phrase: &str) -> Option<usize> {
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
pub(crate) fn folded_slice(text: &str, s: usize, e: usize) -> String {
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
    fn phrases_match_whole_words() {
        assert!(find_phrase("il y a 3 morts dont 2", "dont").is_some());
        assert!(find_phrase("les donts", "dont").is_none());
        assert!(find_phrase("(+5 %)", "+").is_some());
    }
}
