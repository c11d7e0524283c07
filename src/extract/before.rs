//! The words before a position, matched against folded phrases without
//! folding them into a string: [`before`] reads the text backwards from
//! the position, one folded character at a time, and only as far as the
//! phrase asks. It answers as [`super::context::tail`] and
//! [`super::context::Tail::ends_with_phrase`] do on the same bytes, at
//! the cost of the characters a phrase compares rather than of the whole
//! window: most phrases end in another byte than the text and cost one
//! comparison.

use crate::lexicon::{fold_ascii, fold_char, Ends};

/// A folded character that stands for a space in a tail: runs of them are
/// one space.
#[inline]
fn is_space(f: char) -> bool {
    f == ' ' || f == '\n' || f == '\r'
}

/// The character of `text` that ends at `at` (`at > 0`, a boundary).
#[inline]
fn char_ending(text: &str, at: usize) -> char {
    let b = text.as_bytes()[at - 1];
    if b < 0x80 {
        return b as char;
    }
    text[..at].chars().next_back().unwrap_or(' ')
}

/// The text before `pos`, at most `max` bytes of it, as a folded tail:
/// spaces, line breaks and the characters that fold to a space are one
/// space, and spaces at its end are not part of it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Before<'t> {
    text: &'t str,
    /// Where the window starts: `pos - max`, moved forward to a character.
    start: usize,
    /// Where it ends, without its spaces at the end.
    end: usize,
    /// The last byte of the folded window (of its last character), or
    /// none when it holds nothing but spaces.
    last: Option<u8>,
    /// The byte before the last one in the folded window (a space for a
    /// run of spaces) when both are ASCII, read with it; [`NO_PREV`] when
    /// nothing stands before the last byte, [`UNREAD_PREV`] otherwise.
    prev: u16,
}

/// [`Before::prev`] when the window holds nothing before its last byte.
const NO_PREV: u16 = 256;
/// [`Before::prev`] when the byte before the last is not read at once
/// (the last character or the one before it is not ASCII).
const UNREAD_PREV: u16 = 257;

/// The (at most `max`) bytes before `pos` as a [`Before`].
#[inline(always)]
pub(crate) fn before(text: &str, pos: usize, max: usize) -> Before<'_> {
    let mut start = pos.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = pos;
    let mut last = None;
    let mut prev = UNREAD_PREV;
    while end > start {
        // ASCII, most of the text, folds on its byte.
        let b = text.as_bytes()[end - 1];
        if b < 0x80 {
            let f = fold_ascii(b);
            if !is_space(char::from(f)) {
                last = Some(f);
                // The byte before it, as `match_back` reads it.
                if end - 1 <= start {
                    prev = NO_PREV;
                } else if text.as_bytes()[end - 2] < 0x80 {
                    let g = fold_ascii(text.as_bytes()[end - 2]);
                    prev = u16::from(if is_space(char::from(g)) { b' ' } else { g });
                }
                break;
            }
            end -= 1;
            continue;
        }
        let c = char_ending(text, end);
        let f = fold_char(c);
        if !is_space(f) {
            let mut b = [0u8; 4];
            last = f.encode_utf8(&mut b).as_bytes().last().copied();
            break;
        }
        end -= c.len_utf8();
    }
    Before {
        text,
        start,
        end,
        last,
        prev,
    }
}

impl Before<'_> {
    /// The last byte of the folded window, spaces at its end left out:
    /// none when it holds nothing but spaces.
    #[inline]
    pub(crate) fn last_byte(&self) -> Option<u8> {
        self.last
    }

    /// Whether a phrase of a list with these [`Ends`] may end the window:
    /// false when none ends with its last byte, and then
    /// [`Before::ends_with_phrase`] finds none of them.
    #[inline]
    pub(crate) fn may_end(&self, ends: &Ends) -> bool {
        self.last.is_some_and(|b| ends.has(b))
    }

    /// If the folded window ends with `phrase` (then optional spaces), at
    /// a word boundary, the byte offset in the text where the phrase
    /// starts. A phrase that starts where the window starts is matched
    /// whatever stands before the window, as in a tail.
    #[inline]
    pub(crate) fn ends_with_phrase(&self, phrase: &str) -> Option<usize> {
        let p = phrase.as_bytes();
        // Most phrases end in other bytes: no comparison of the rest.
        if self.last? != *p.last()? {
            return None;
        }
        // Nor, when it is read, in the byte before.
        if p.len() >= 2 && self.prev != UNREAD_PREV && self.prev != u16::from(p[p.len() - 2]) {
            return None;
        }
        self.match_back(p)
    }

    /// [`Before::ends_with_phrase`] once the last bytes agree.
    fn match_back(&self, p: &[u8]) -> Option<usize> {
        let text = self.text;
        let mut i = p.len();
        let mut at = self.end;
        loop {
            if at <= self.start {
                return None;
            }
            let c = char_ending(text, at);
            let f = fold_char(c);
            let mut buf = [0u8; 4];
            let unit: &[u8] = if is_space(f) {
                // A run of spaces is one space, at the first of them.
                at -= c.len_utf8();
                while at > self.start {
                    let c = char_ending(text, at);
                    if !is_space(fold_char(c)) {
                        break;
                    }
                    at -= c.len_utf8();
                }
                b" "
            } else {
                at -= c.len_utf8();
                f.encode_utf8(&mut buf).as_bytes()
            };
            for &b in unit.iter().rev() {
                if i == 0 {
                    return None;
                }
                i -= 1;
                if p[i] != b {
                    return None;
                }
            }
            if i == 0 {
                break;
            }
        }
        // At a word boundary: a phrase that starts with a letter or digit
        // does not start inside a word of the window.
        if at > self.start {
            let starts_alnum = std::str::from_utf8(p)
                .ok()
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_alphanumeric);
            if starts_alnum {
                let f = fold_char(char_ending(text, at));
                if !is_space(f) && f.is_alphanumeric() {
                    return None;
                }
            }
        }
        Some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::before;
    use crate::extract::context::tail;

    /// Every window of every text, against every phrase: the same answer
    /// as the folded tail.
    #[test]
    fn answers_as_the_tail() {
        let texts = [
            "il reste environ 2.000 jihadistes",
            "Plus  de\n\n 250 morts",
            "au-delà de  ",
            "l\u{2019}été près d\u{2019}  ",
            "ÉTÉ À peu près\u{a0}\u{a0}",
            "xenviron ",
            "ab\tcd \r\n",
            "n° 5 art. ",
            "œuvre plus de",
            "   ",
            "",
            "=>",
            "prix>= ",
            "déjà-vu jusqu'à ",
        ];
        let phrases = [
            "environ",
            "plus de",
            "de",
            "au-dela de",
            "pres d'",
            "a peu pres",
            "ete a peu pres",
            "cd",
            "b cd",
            "ab cd",
            "n°",
            "art.",
            ".",
            "plus",
            ">=",
            "=",
            ">",
            " ",
            "jusqu'a",
            "u jusqu'a",
            "œuvre plus de",
            "e",
        ];
        for text in texts {
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                for max in [0, 1, 2, 3, 5, 8, 16, 24, 40, 64] {
                    let t = tail(text, pos, max);
                    let b = before(text, pos, max);
                    for p in phrases {
                        if !b.may_end(&crate::lexicon::Ends::of([p])) {
                            assert_eq!(t.ends_with_phrase(p), None);
                        }
                        assert_eq!(
                            b.ends_with_phrase(p),
                            t.ends_with_phrase(p),
                            "{text:?} pos {pos} max {max} phrase {p:?}"
                        );
                    }
                }
            }
        }
    }
}
