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
///
/// The rules call it for many short phrases on short folded spans, so it
/// looks for the phrase's first byte with `memchr` and compares the rest
/// in place rather than building a `str::find` searcher for each call; a
/// match of valid UTF-8 starts and ends on a character boundary, so it
/// finds what `str::find` would.
pub(crate) fn find_phrase(hay: &str, phrase: &str) -> Option<usize> {
    let (h, p) = (hay.as_bytes(), phrase.as_bytes());
    let (&first, rest) = p.split_first()?;
    let first_alnum = phrase.chars().next().is_some_and(|c| c.is_alphanumeric());
    let last_alnum = phrase
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric());
    let step = phrase.chars().next().map_or(1, |c| c.len_utf8());
    // The last position a match can start at.
    let last = h.len().checked_sub(p.len())?;
    let mut from = 0;
    while from <= last {
        let s = from + memchr::memchr(first, &h[from..=last])?;
        let e = s + p.len();
        if &h[s + 1..e] == rest {
            let before_ok = !first_alnum
                || hay[..s]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
            let after_ok =
                !last_alnum || hay[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok {
                return Some(s);
            }
            from = s + step;
        } else {
            from = s + 1;
        }
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
        assert_eq!(find_phrase("les donts et dont", "dont"), Some(13));
        assert_eq!(find_phrase("dont", "dont"), Some(0));
        assert_eq!(find_phrase("don", "dont"), None);
        assert_eq!(find_phrase("", "dont"), None);
        assert_eq!(find_phrase("dont", ""), None);
        assert_eq!(find_phrase("déjà été", "été"), Some(7));
        assert_eq!(find_phrase("étés été", "été"), Some(7));
    }

    /// The search finds what `str::find` whole-word search finds.
    #[test]
    fn phrases_are_found_as_str_find_finds_them() {
        fn slow(hay: &str, phrase: &str) -> Option<usize> {
            if phrase.is_empty() {
                return None;
            }
            let alnum = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
            let mut from = 0;
            while let Some(k) = hay[from..].find(phrase) {
                let s = from + k;
                let e = s + phrase.len();
                let before_ok =
                    !alnum(phrase.chars().next()) || !alnum(hay[..s].chars().next_back());
                let after_ok =
                    !alnum(phrase.chars().next_back()) || !alnum(hay[e..].chars().next());
                if before_ok && after_ok {
                    return Some(s);
                }
                from = s + phrase.chars().next().map_or(1, |c| c.len_utf8());
            }
            None
        }
        let hays = [
            "",
            "a",
            "aa a aaa a",
            "l'an dernier, l'an",
            "ééé é éé",
            "x-y x -y",
            "1 000 1000",
        ];
        let phrases = ["a", "aa", "l'an", "é", "éé", "-y", "000", "1", " ", "an d"];
        for h in hays {
            for p in phrases {
                assert_eq!(find_phrase(h, p), slow(h, p), "{h:?} {p:?}");
            }
        }
    }
}
