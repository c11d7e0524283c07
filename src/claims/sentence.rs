//! Sentence boundaries, for the context of a claim and for recognising
//! repeated sentences (scraped pages often print the lead twice).

/// The first byte at or after `from` that may end a line or a sentence
/// (a line break, `.`, `!`, `?` or the first byte of `…`), or the length
/// of `bytes`; `next_rare` keeps where the next `?` and the next first
/// byte of `…` stand between calls (`None` before the first).
fn next_may_end(bytes: &[u8], from: usize, next_rare: &mut [Option<usize>; 2]) -> usize {
    let rest = &bytes[from.min(bytes.len())..];
    let mut first = memchr::memchr3(b'\n', b'.', b'!', rest).map_or(usize::MAX, |p| from + p);
    for (next, b) in next_rare.iter_mut().zip([b'?', "…".as_bytes()[0]]) {
        let at = match *next {
            Some(at) if at >= from => at,
            _ => memchr::memchr(b, rest).map_or(usize::MAX, |p| from + p),
        };
        *next = Some(at);
        first = first.min(at);
    }
    first.min(bytes.len())
}

/// Splits `text` into sentences: `(start, end)` byte spans, trimmed, in
/// order, covering every non-blank part of the text. A sentence ends at a
/// line break or at `.`, `!`, `?`, `…` followed by a space and a capital,
/// a quote or a digit, or glued to a capital after a lower-case word
/// ("samedi.Lorsque"). Decimal points and `abbreviations` (the words, as
/// written, after which a point ends no sentence) do not end one.
pub(crate) fn sentences(text: &str, abbreviations: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // The word before a point is read back at most this far: a longer one
    // is no abbreviation and has more than one letter, which is all that
    // is asked of it (a long line without spaces stays linear).
    let limit = abbreviations.iter().map(String::len).max().unwrap_or(0) + 8;
    // The lengths of the abbreviations by their last byte (a bit per
    // length, lengths from 63 on sharing the last): a word of another
    // length or ending in another byte is compared with none of them.
    let length_bit = |n: usize| 1u64 << n.min(63);
    let mut lengths = [0u64; 256];
    for a in abbreviations {
        if let Some(&b) = a.as_bytes().last() {
            lengths[b as usize] |= length_bit(a.len());
        }
    }
    let is_abbreviation = |w: &str| match w.as_bytes().last() {
        Some(&b) if lengths[b as usize] & length_bit(w.len()) == 0 => false,
        _ => abbreviations.iter().any(|a| a == w),
    };
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    let push = |out: &mut Vec<(usize, usize)>, s: usize, e: usize| {
        let seg = &text[s..e];
        let lead = seg.len() - seg.trim_start().len();
        let trail = seg.len() - seg.trim_end().len();
        if s + lead < e - trail {
            out.push((s + lead, e - trail));
        }
    };
    // The next `?` and first byte of `…` found so far (`usize::MAX` for
    // none left), searched again only once passed.
    let mut next_rare = [None; 2];
    while i < bytes.len() {
        // Most bytes neither end a line nor can end a sentence: jump to
        // the next that may.
        i = next_may_end(bytes, i, &mut next_rare);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b == b'\n' {
            push(&mut out, start, i);
            start = i + 1;
            i += 1;
            continue;
        }
        let is_end = matches!(b, b'.' | b'!' | b'?') || bytes[i..].starts_with("…".as_bytes());
        if is_end {
            let len = if b >= 0x80 { '…'.len_utf8() } else { 1 };
            let mut j = i + len;
            // Closing quotes and brackets belong to the sentence.
            while j < bytes.len() && matches!(bytes[j], b'"' | b')' | b'\'') {
                j += 1;
            }
            if bytes[j..].starts_with("»".as_bytes()) {
                j += '»'.len_utf8();
            }
            let next = text[j..].chars().next();
            let after_space = text[j..].trim_start_matches([' ', '\u{a0}', '\t']);
            let next_word = after_space.chars().next();
            let spaced = next.is_some_and(|c| c.is_whitespace());
            // The word before the point (after the last space or
            // bracket), whole or its last `limit` bytes when `long`.
            let (prev_word, long): (&str, bool) = {
                let mut from = i.saturating_sub(limit).max(start);
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                let before = &text[from..i];
                match before.rfind(|c: char| c.is_whitespace() || c == '(') {
                    Some(p) => {
                        let sep = before[p..].chars().next().map_or(1, char::len_utf8);
                        (&before[p + sep..], false)
                    }
                    None => (before, from > start),
                }
            };
            let decimal = b == b'.'
                && i > 0
                && bytes[i - 1].is_ascii_digit()
                && next.is_some_and(|c| c.is_ascii_digit());
            let abbreviation = b == b'.'
                && !long
                && (is_abbreviation(prev_word)
                    || (prev_word.chars().count() == 1
                        && prev_word.chars().all(|c| c.is_uppercase())));
            let ends = if decimal || abbreviation {
                false
            } else if spaced {
                next_word.is_none_or(|c| {
                    c.is_uppercase()
                        || c.is_ascii_digit()
                        || matches!(c, '"' | '«' | '“' | '(' | '-' | '—' | '–')
                })
            } else {
                // Glued: "samedi.Lorsque", "2019.Le", "(26.380).La",
                // "ajouté\".Le", and a heading run in after a point
                // ("morts.- Aggravation en Iran -").
                let word = prev_word.trim_end_matches([')', '"', '\'', '»', '”']);
                b == b'.'
                    && next.is_some_and(|c| c.is_uppercase() || c == '-')
                    && word
                        .chars()
                        .last()
                        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
                    && (long || word.chars().count() > 1)
                    || next.is_none()
            };
            if ends {
                push(&mut out, start, j);
                start = j;
                i = j;
                continue;
            }
            i += len;
            continue;
        }
        i += 1;
    }
    push(&mut out, start, text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes that may end a line or a sentence: a line break, `.`, `!`,
    /// `?` and the first byte of `…`.
    const MAY_END: [bool; 256] = {
        let mut t = [false; 256];
        t[b'\n' as usize] = true;
        t[b'.' as usize] = true;
        t[b'!' as usize] = true;
        t[b'?' as usize] = true;
        t["…".as_bytes()[0] as usize] = true;
        t
    };

    fn abbreviations() -> Vec<String> {
        crate::testing::config().meanings.abbreviations.clone()
    }

    fn split(t: &str) -> Vec<&str> {
        sentences(t, &abbreviations())
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect()
    }

    #[test]
    fn splits_on_points_and_lines() {
        assert_eq!(
            split("Il reste 2.000 jihadistes. Selon M. Lavrov, c'est 2,5 fois plus.\nTitre"),
            vec![
                "Il reste 2.000 jihadistes.",
                "Selon M. Lavrov, c'est 2,5 fois plus.",
                "Titre"
            ]
        );
    }

    #[test]
    fn glued_sentences_split() {
        assert_eq!(
            split("Ils sont venus samedi.Lorsque la nuit tombe"),
            vec!["Ils sont venus samedi.", "Lorsque la nuit tombe"]
        );
        assert_eq!(split("Il a 3.5 ans"), vec!["Il a 3.5 ans"]);
        // A bracket or a quote closed before the point.
        assert_eq!(
            split("la France (26.380).La pandémie a dit \"non\".Le soir"),
            vec![
                "la France (26.380).",
                "La pandémie a dit \"non\".",
                "Le soir"
            ]
        );
        assert_eq!(
            split("les Etats-Unis (U.S.A.).B"),
            vec!["les Etats-Unis (U.S.A.).B"]
        );
        // A word longer than any abbreviation before the point.
        let long = format!("{}.Lorsque", "a".repeat(100));
        assert_eq!(split(&long), vec![&long[..101], "Lorsque"]);
        let glued = "ab.".repeat(1000);
        assert_eq!(split(&glued), vec![glued.as_str()]);
    }

    #[test]
    fn every_end_mark_is_found() {
        assert_eq!(
            split("Quoi? Oui! Non… Fin. Et?\nLà"),
            vec!["Quoi?", "Oui!", "Non…", "Fin.", "Et?", "Là"]
        );
        let bytes = "a’b?c…d.e".as_bytes();
        let mut rare = [None; 2];
        let mut found = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            i = next_may_end(bytes, i, &mut rare);
            found.push(i);
            i += 1;
        }
        let want: Vec<usize> = (0..bytes.len())
            .filter(|&i| MAY_END[bytes[i] as usize])
            .chain([bytes.len()])
            .collect();
        assert_eq!(found, want);
    }

    #[test]
    fn spans_are_trimmed_and_in_order() {
        let t = "  A b.  C d!  \n\n E ";
        let s = sentences(t, &abbreviations());
        assert_eq!(split(t), vec!["A b.", "C d!", "E"]);
        assert!(s.windows(2).all(|w| w[0].1 <= w[1].0));
    }
}
