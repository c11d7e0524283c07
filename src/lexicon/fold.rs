//! Normalisation of words for lexicon look-ups: lower case, no accents,
//! typographic apostrophes and hyphens made plain.

/// Folds one character: lower case, accents dropped, apostrophe variants
/// made `'`, dash variants made `-`. Characters without a fold are lowered.
#[inline]
pub(crate) fn fold_char(c: char) -> char {
    // Most text is ASCII: lower it without going through the accents.
    if c.is_ascii() {
        return match c {
            '`' => '\'',
            '\t' => ' ',
            _ => c.to_ascii_lowercase(),
        };
    }
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ÿ' | 'Ÿ' => 'y',
        '’' | '‘' | 'ʼ' | '´' | '`' => '\'',
        '‐' | '‑' | '‒' => '-',
        '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t' => ' ',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// [`fold_char`] of an ASCII byte.
#[inline]
pub(crate) const fn fold_ascii(b: u8) -> u8 {
    match b {
        b'`' => b'\'',
        b'\t' => b' ',
        _ => b.to_ascii_lowercase(),
    }
}

/// The folded chars of `s` in order, ASCII read byte by byte: the same as
/// `s.chars().map(fold_char)`.
#[inline(always)]
fn folded_chars(s: &str) -> FoldedChars<'_> {
    FoldedChars { s, i: 0 }
}

/// The iterator of [`folded_chars`].
struct FoldedChars<'a> {
    s: &'a str,
    i: usize,
}

impl Iterator for FoldedChars<'_> {
    type Item = char;

    #[inline(always)]
    fn next(&mut self) -> Option<char> {
        let b = *self.s.as_bytes().get(self.i)?;
        if b < 0x80 {
            self.i += 1;
            return Some(fold_ascii(b) as char);
        }
        let c = self.s[self.i..].chars().next()?;
        self.i += c.len_utf8();
        Some(fold_char(c))
    }
}

/// Folds `s` into `out` (cleared first); runs of spaces become one space.
pub(crate) fn fold_into(s: &str, out: &mut String) {
    out.clear();
    out.reserve(s.len());
    let bytes = s.as_bytes();
    let mut last_space = false;
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII bytes that fold to themselves is copied at once.
        let start = i;
        while i < bytes.len() {
            let b = bytes[i];
            let same = match b {
                b' ' => !last_space,
                b'`' | b'\t' => false,
                _ => b < 0x80 && !b.is_ascii_uppercase(),
            };
            if !same {
                break;
            }
            last_space = b == b' ';
            i += 1;
        }
        out.push_str(&s[start..i]);
        let Some(&b) = bytes.get(i) else { break };
        // One byte or character that changes.
        let (f, len) = if b < 0x80 {
            (fold_ascii(b) as char, 1)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            (fold_char(c), c.len_utf8())
        };
        i += len;
        if f == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            // 'œ' and 'æ' fold to two letters.
            match f {
                'œ' => out.push_str("oe"),
                'æ' => out.push_str("ae"),
                _ => out.push(f),
            }
            last_space = false;
        }
    }
}

/// The folded text of `s` a piece at a time, a character at a time: runs
/// of spaces as one, 'œ' and 'æ' as two letters. `each` returns false to
/// stop; the result is false when it did.
#[inline]
fn folded_pieces(s: &str, mut each: impl FnMut(&str) -> bool) -> bool {
    let mut last_space = false;
    let mut buf = [0u8; 4];
    for f in folded_chars(s) {
        let piece = match f {
            ' ' if last_space => continue,
            'œ' => "oe",
            'æ' => "ae",
            _ => f.encode_utf8(&mut buf),
        };
        last_space = f == ' ';
        if !each(piece) {
            return false;
        }
    }
    true
}

/// [`fold_into`] a character at a time: what it must equal.
#[cfg(test)]
fn fold_into_slow(s: &str, out: &mut String) {
    out.clear();
    folded_pieces(s, |p| {
        out.push_str(p);
        true
    });
}

/// Folds `s` into `out` as [`fold_into`] does, but stops as soon as the
/// folded text is longer than `max` bytes: false then, and `out` holds a
/// prefix. A caller comparing with short phrases need not fold a long span.
pub(crate) fn fold_into_within(s: &str, out: &mut String, max: usize) -> bool {
    out.clear();
    folded_pieces(s, |p| {
        out.push_str(p);
        out.len() <= max
    })
}

/// The first word of the folded `s` (up to its first character that is
/// not alphanumeric) into `out`, cleared first: what
/// `fold(s).split(|c: char| !c.is_alphanumeric()).next()` gives, without
/// folding the rest.
pub(crate) fn fold_first_word_into(s: &str, out: &mut String) {
    out.clear();
    // ASCII folds on its byte, and a word holds no space: what follows
    // it folds as a text of its own.
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b >= 0x80 {
            break;
        }
        if !b.is_ascii_alphanumeric() {
            return;
        }
        out.push(char::from(b.to_ascii_lowercase()));
        i += 1;
    }
    folded_pieces(&s[i..], |p| {
        if p.starts_with(|c: char| !c.is_alphanumeric()) {
            return false;
        }
        out.push_str(p);
        true
    });
}

/// The words of the folded `s` (the runs of alphanumeric characters that
/// `fold(s).split(|c: char| !c.is_alphanumeric())` gives, without the
/// empty ones), hashed as [`fold_hash`] does, each followed by the byte
/// 0xff, and how many there are; without building the fold. ASCII is read
/// a byte at a time: its fold keeps a letter or digit one and a separator
/// one.
pub(crate) fn fold_words_hash(s: &str) -> (u64, usize) {
    let (mut h, mut words, mut in_word) = (FOLD_HASH_BASIS, 0, false);
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut buf = [0u8; 4];
    while let Some(&b) = bytes.get(i) {
        let f = WORD_FOLD[usize::from(b)];
        if f != 0 {
            h = fold_hash_byte(h, f);
            in_word = true;
            i += 1;
            continue;
        }
        if b < 0x80 {
            i += 1;
            if in_word {
                h = fold_hash_byte(h, 0xff);
                words += 1;
                in_word = false;
            }
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        let piece = match fold_char(c) {
            'œ' => "oe",
            'æ' => "ae",
            f => f.encode_utf8(&mut buf),
        };
        for (j, f) in piece.char_indices() {
            if f.is_alphanumeric() {
                for &x in &piece.as_bytes()[j..j + f.len_utf8()] {
                    h = fold_hash_byte(h, x);
                }
                in_word = true;
            } else if in_word {
                h = fold_hash_byte(h, 0xff);
                words += 1;
                in_word = false;
            }
        }
    }
    if in_word {
        h = fold_hash_byte(h, 0xff);
        words += 1;
    }
    (h, words)
}

/// Whether the folded `s` starts with `phrase` (folded):
/// `fold(s).starts_with(phrase)`, folding only as far as the comparison
/// reads (most texts differ from a phrase in their first bytes).
#[inline]
pub(crate) fn fold_starts_with(s: &str, phrase: &str) -> bool {
    fold_prefix(s, phrase, false)
}

/// Whether the folded `s` starts with the word or phrase `phrase` (folded)
/// and no letter or digit follows it there: `fold(s).starts_with(phrase)`
/// with no alphanumeric character after, folding only as far as the
/// comparison reads.
#[inline]
pub(crate) fn fold_starts_with_word(s: &str, phrase: &str) -> bool {
    fold_prefix(s, phrase, true)
}

/// [`fold_starts_with`], and when `word` is true, no letter or digit after
/// the phrase ([`fold_starts_with_word`]).
#[inline]
fn fold_prefix(s: &str, phrase: &str, word: bool) -> bool {
    let (sb, want) = (s.as_bytes(), phrase.as_bytes());
    // An ASCII byte folds on its own, but a blank that may join the blank
    // before it.
    for (i, &w) in want.iter().enumerate() {
        let Some(&b) = sb.get(i) else {
            return false; // the fold is shorter than the phrase
        };
        let alone = match b {
            b' ' => i == 0 || sb[i - 1] != b' ',
            b'\t' => false,
            _ => b < 0x80,
        };
        if !alone {
            return fold_prefix_slow(s, phrase, word);
        }
        if fold_ascii(b) != w {
            return false;
        }
    }
    if !word {
        return true;
    }
    match sb.get(want.len()) {
        None => true,
        Some(&b) if b < 0x80 && b != b' ' && b != b'\t' => !b.is_ascii_alphanumeric(),
        Some(_) => fold_prefix_slow(s, phrase, true),
    }
}

/// [`fold_prefix`] a folded character at a time.
#[inline(never)]
fn fold_prefix_slow(s: &str, phrase: &str, word: bool) -> bool {
    let want = phrase.as_bytes();
    let mut i = 0;
    let mut answer = None;
    folded_pieces(s, |p| {
        let pb = p.as_bytes();
        if i == want.len() {
            // The character after the phrase.
            answer = Some(!word || !p.starts_with(|c: char| c.is_alphanumeric()));
            return false;
        }
        let n = pb.len().min(want.len() - i);
        if pb[..n] != want[i..i + n] {
            answer = Some(false);
            return false;
        }
        i += n;
        if n < pb.len() {
            // The phrase ends inside "oe" or "ae": a letter follows it.
            answer = Some(!word);
            return false;
        }
        true
    });
    answer.unwrap_or(i == want.len())
}

/// [`fold_ascii`] of each ASCII byte that folds on its own, whatever
/// stands before it (not a space or a tab, which may fold into the space
/// before them); 0 for the others, and for the bytes of other characters.
const PLAIN_FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x80 {
        if b != b' ' as usize && b != b'\t' as usize {
            t[b] = fold_ascii(b as u8);
        }
        b += 1;
    }
    t
};

/// The fold of each ASCII letter and digit ([`fold_ascii`]: lower case);
/// 0 for the other bytes.
const WORD_FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x80 {
        if (b as u8).is_ascii_alphanumeric() {
            t[b] = fold_ascii(b as u8);
        }
        b += 1;
    }
    t
};

/// Whether `w` folds to `key`, answered on its bytes while they are ASCII
/// other than spaces (each folds on its own, [`fold_ascii`]); `None` when
/// a byte that is not decides it.
pub(crate) fn plain_folds_to(w: &str, key: &str) -> Option<bool> {
    let k = key.as_bytes();
    for (i, &b) in w.as_bytes().iter().enumerate() {
        if b >= 0x80 || b == b' ' || b == b'\t' {
            return None;
        }
        if k.get(i) != Some(&fold_ascii(b)) {
            return Some(false);
        }
    }
    Some(w.len() == k.len())
}

/// Whether `w` folds to `key`: plain ASCII compared on its bytes, any
/// other text folded into `buf` first.
pub(crate) fn fold_eq(w: &str, key: &str, buf: &mut String) -> bool {
    plain_folds_to(w, key).unwrap_or_else(|| {
        fold_into(w, buf);
        buf == key
    })
}

/// Whether the folded `word` is the first word of the folded `phrase`
/// (all of it before its first space), a word with a space in it being
/// none: plain ASCII compared on its bytes, any other word folded into
/// `buf` first.
#[cfg(test)]
pub(crate) fn fold_opens(word: &str, phrase: &str, buf: &mut String) -> bool {
    fold_opens_once(word, phrase, buf, &mut false)
}

/// [`fold_opens`] for a word compared with many phrases: it is folded
/// into `folded` the first time a comparison needs it (when it holds a
/// byte that is not ASCII, a space or a tab, and its plain ASCII head
/// agrees with the phrase), and `done` tells the next comparisons that
/// it is there.
#[inline]
pub(crate) fn fold_opens_once(
    word: &str,
    phrase: &str,
    folded: &mut String,
    done: &mut bool,
) -> bool {
    let p = phrase.as_bytes();
    let mut n = 0;
    for &b in word.as_bytes() {
        if b >= 0x80 || b == b' ' || b == b'\t' {
            if !*done {
                fold_into(word, folded);
                *done = true;
            }
            return !folded.contains(' ')
                && phrase.starts_with(folded.as_str())
                && p.get(folded.len()).is_none_or(|&b| b == b' ');
        }
        if p.get(n) != Some(&fold_ascii(b)) {
            return false;
        }
        n += 1;
    }
    p.get(n).is_none_or(|&b| b == b' ')
}

/// The start value of [`fold_hash`].
pub(crate) const FOLD_HASH_BASIS: u64 = 0xcbf29ce484222325;

/// The hash a folded proper name is kept as, the same in every run: FNV-1a
/// over its bytes (the name is not folded again), as [`fold_hash`] hashes.
pub(crate) fn name_hash(folded: &str) -> u64 {
    folded.bytes().fold(FOLD_HASH_BASIS, fold_hash_byte)
}

/// One byte of [`fold_hash`] (FNV-1a), for callers that hash folded bytes
/// as they read them.
#[inline]
pub(crate) fn fold_hash_byte(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(0x100000001b3)
}

/// A hash of the folded form of `s` (FNV-1a over its UTF-8 bytes), equal
/// to the hash of `fold(s)` but computed without building the string.
pub(crate) fn fold_hash(s: &str) -> u64 {
    let mut h: u64 = FOLD_HASH_BASIS;
    // Most words are ASCII with no space: hashed a byte at a time until
    // the first space or non-ASCII byte, after which a space is not a
    // repeat (the byte before it was no space).
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let f = PLAIN_FOLD[usize::from(b)];
        if f == 0 {
            break;
        }
        h = fold_hash_byte(h, f);
        i += 1;
    }
    if i == bytes.len() {
        return h;
    }
    folded_pieces(&s[i..], |p| {
        for &b in p.as_bytes() {
            h = fold_hash_byte(h, b);
        }
        true
    });
    h
}

/// The hash `h` of a folded text continued with the fold of the letter
/// `c` (no space): [`fold_hash`] of a word is these steps from
/// [`FOLD_HASH_BASIS`], one per letter.
#[inline]
pub(crate) fn fold_hash_letter(h: u64, c: char) -> u64 {
    if c.is_ascii() {
        return fold_hash_byte(h, fold_ascii(c as u8));
    }
    let piece = match fold_char(c) {
        'œ' => return fold_hash_byte(fold_hash_byte(h, b'o'), b'e'),
        'æ' => return fold_hash_byte(fold_hash_byte(h, b'a'), b'e'),
        f => f,
    };
    let mut buf = [0u8; 4];
    piece.encode_utf8(&mut buf).bytes().fold(h, fold_hash_byte)
}

/// [`fold_hash`] of `s`, with the last byte of the folded text and the
/// hash of the folded text without that byte: a look-up of a word and of
/// the word less a plural ending, without building either.
pub(crate) fn fold_hash_last(s: &str) -> (u64, Option<(u8, u64)>) {
    let mut h: u64 = FOLD_HASH_BASIS;
    let mut last = None;
    // As in `fold_hash`: ASCII with no space a byte at a time first.
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b >= 0x80 || b == b' ' || b == b'\t' {
            break;
        }
        let f = fold_ascii(b);
        last = Some((f, h));
        h = fold_hash_byte(h, f);
        i += 1;
    }
    if i == bytes.len() {
        return (h, last);
    }
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            last = Some((b, h));
            h = fold_hash_byte(h, b);
        }
    };
    let mut last_space = false;
    while let Some(&b) = bytes.get(i) {
        // ASCII is folded and hashed a byte at a time.
        let f = if b < 0x80 {
            i += 1;
            let f = fold_ascii(b);
            if f != b' ' {
                last_space = false;
                eat(&[f]);
                continue;
            }
            ' '
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            fold_char(c)
        };
        if f == ' ' {
            if !last_space {
                eat(b" ");
            }
            last_space = true;
            continue;
        }
        last_space = false;
        match f {
            'œ' => eat(b"oe"),
            'æ' => eat(b"ae"),
            _ => {
                let mut buf = [0u8; 4];
                eat(f.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    (h, last)
}

/// Folds `s` into a new string.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_hash_last_is_the_hash_of_the_fold() {
        for s in [
            "",
            " x ",
            "Deuxième  Guerre\t`s",
            "L’Œuvre  d'ÆSOP\u{a0}\u{a0}€",
            "abc",
            "Abc d",
            "ab\t\tc",
            "x`é",
        ] {
            let f = fold(s);
            let (h, last) = fold_hash_last(s);
            assert_eq!(h, fold_hash(s), "{s:?}");
            let want = f.as_bytes().last().map(|&b| {
                let before = f.as_bytes()[..f.len() - 1]
                    .iter()
                    .fold(FOLD_HASH_BASIS, |h, &b| fold_hash_byte(h, b));
                (b, before)
            });
            assert_eq!(last, want, "{s:?}");
        }
    }

    #[test]
    fn fold_opens_is_the_first_word_of_the_phrase() {
        let mut buf = String::new();
        for w in [
            "out", "Out", "OUT", "sur", "Sûr", "a b", "o", "ou", "l`un", "",
        ] {
            for phrase in [
                "out of", "out", "sur", "a b c", "ou", "outre", "l'un des", "",
            ] {
                let f = fold(w);
                let want = !f.contains(' ') && phrase.split(' ').next() == Some(f.as_str());
                assert_eq!(fold_opens(w, phrase, &mut buf), want, "{w:?} {phrase:?}");
                // Folded once for many phrases, or not at all.
                let mut done = true;
                let mut once = f.clone();
                assert_eq!(
                    fold_opens_once(w, phrase, &mut once, &mut done),
                    want,
                    "{w:?} {phrase:?}"
                );
            }
        }
    }

    #[test]
    fn fold_words_hash_is_the_hash_of_the_words_of_the_fold() {
        for s in [
            "",
            " ",
            "abc",
            "Deuxième  Guerre\t`s",
            "L’Œuvre  d'ÆSOP\u{a0}\u{a0}€ 12,5%",
            "x`é-Ü²³ ſ İstanbul ﬁn",
            "cafe\u{301}s  Ǆ\u{2009}ÀÉ",
            "2.000 morts, selon l'AFP.",
            "\u{202f}‒ß",
        ] {
            let f = fold(s);
            let words: Vec<&str> = f
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let want = words.iter().fold(FOLD_HASH_BASIS, |h, w| {
                let h = w.bytes().fold(h, fold_hash_byte);
                fold_hash_byte(h, 0xff)
            });
            assert_eq!(fold_words_hash(s), (want, words.len()), "{s:?}");
        }
    }

    #[test]
    fn fold_starts_with_is_fold_then_starts_with() {
        let texts = [
            "",
            " ",
            "  Lire aussi",
            "Lire  aussi: x",
            "LIRE\taussi",
            "lire\u{a0}aussi",
            "Lire",
            "Publicité",
            "PUBLICITÉ x",
            "(C) 2020",
            "© AFP",
            "Œuvre",
            "prev",
            "Prev ",
            "Prev  x",
            "a`b",
            "À lire aussi",
            "x",
        ];
        let phrases = [
            "",
            "lire aussi",
            "lire",
            "publicite",
            "(c) ",
            "©",
            "oeuvre",
            "prev ",
            "prev",
            "a'b",
            "a lire aussi",
            " ",
            "x",
            "lire aussi x",
        ];
        for s in texts {
            for p in phrases {
                assert_eq!(
                    fold_starts_with(s, p),
                    fold(s).starts_with(p),
                    "{s:?} {p:?}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn fold_starts_with_any_text(s in "[ \ta-cA-CéÉœ`’\u{a0}]{0,8}", p in "[ a-c'e]{0,5}") {
            proptest::prop_assert_eq!(fold_starts_with(&s, &p), fold(&s).starts_with(p.as_str()));
        }
    }

    #[test]
    fn fold_eq_is_fold_then_compare() {
        let mut buf = String::new();
        for w in [
            "un", "Un", "UNE", "été", "Été", "a b", "a  b", "l`un", "x\ty", "",
        ] {
            for key in ["un", "une", "ete", "a b", "l'un", "x y", "", "u"] {
                assert_eq!(fold_eq(w, key, &mut buf), fold(w) == key, "{w:?} {key:?}");
            }
        }
    }

    #[test]
    fn first_word_and_starts_with_word_read_the_fold() {
        let texts = [
            "",
            " ",
            "un des ",
            "Un  Des",
            "l’un des",
            "un2 des",
            "Œuvre",
            "œ",
            "un\tpeu plus",
            "une autre fois",
            "premièrement,",
            "one by one",
            "un  des",
            "un \t des",
            "UN DES",
            "un des2",
            "un é",
            "une\u{a0}autre",
            "un`s",
        ];
        let phrases = [
            "",
            "un",
            "un des",
            "un de",
            "une",
            "o",
            "oe",
            "oeuvre",
            "l'un",
            "un peu",
            "une autre",
            "premierement",
            "one by",
            "one by one",
            " ",
            "un ",
            "une autre",
        ];
        for s in texts {
            let f = fold(s);
            let mut first = String::new();
            fold_first_word_into(s, &mut first);
            assert_eq!(
                first,
                f.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""),
                "{s:?}"
            );
            for p in phrases {
                let want = f.starts_with(p)
                    && f[p.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                assert_eq!(fold_starts_with_word(s, p), want, "{s:?} {p:?}");
                assert_eq!(fold_prefix_slow(s, p, true), want, "{s:?} {p:?}");
                let prefix = f.starts_with(p);
                assert_eq!(fold_starts_with(s, p), prefix, "{s:?} {p:?}");
                assert_eq!(fold_prefix_slow(s, p, false), prefix, "{s:?} {p:?}");
            }
        }
    }

    #[test]
    fn fold_into_equals_the_char_by_char_fold() {
        for s in [
            "",
            " ",
            "  a  b ",
            "Deuxième  Guerre\tmondiale`s  ",
            "\t\t x",
            "L’Œuvre  d'ÆSOP — 1 000\u{a0}€",
            "İstanbul ÉTÉ  \u{202f}  fin",
            "abc",
            "ABC  ",
        ] {
            let (mut fast, mut slow) = (String::new(), String::new());
            fold_into(s, &mut fast);
            fold_into_slow(s, &mut slow);
            assert_eq!(fast, slow, "{s:?}");
        }
    }

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold("Deuxième"), "deuxieme");
        assert_eq!(fold("jusqu’à"), "jusqu'a");
        assert_eq!(fold("DÉCEMBRE"), "decembre");
        assert_eq!(fold("au\u{a0} moins"), "au moins");
        assert_eq!(fold("Œuvre"), "oeuvre");
    }

    #[test]
    fn folded_chars_are_fold_char() {
        for w in ["Deuxième\tÉTÉ `x` Œuvre’s", "plain ASCII", "", "ß İ ǅ"] {
            let a: String = folded_chars(w).collect();
            let b: String = w.chars().map(fold_char).collect();
            assert_eq!(a, b, "{w}");
        }
    }

    #[test]
    fn fold_within_stops_past_the_bound() {
        let mut out = String::new();
        assert!(fold_into_within("Et  ", &mut out, 3));
        assert_eq!(out, "et ");
        assert!(!fold_into_within("Deuxième", &mut out, 4));
        assert!(fold_into_within("Deuxième", &mut out, 8));
        assert_eq!(out, fold("Deuxième"));
    }

    #[test]
    fn fold_hash_is_the_hash_of_the_folded_string() {
        for w in [
            "Deuxième",
            "quatre-vingts",
            "Œuvre",
            "jusqu’à",
            "DÉCEMBRE",
            "a  b",
        ] {
            assert_eq!(fold_hash(w), fold_hash(&fold(w)), "{w}");
        }
        assert_ne!(fold_hash("trois"), fold_hash("troi"));
        for w in ["Deuxième", "Œuvre", "ÆSOP", "ÉTÉ", "plain", "İstanbul", "ß"] {
            let by_letter = w.chars().fold(FOLD_HASH_BASIS, fold_hash_letter);
            assert_eq!(by_letter, fold_hash(w), "{w}");
        }
        for w in [" a", "a  b", "a\t\tb", "ab \u{a0} c", "x`y "] {
            assert_eq!(fold_hash(w), fold_hash(&fold(w)), "{w:?}");
        }
        assert_eq!(
            fold_hash_last("Trois"),
            (fold_hash("trois"), Some((b's', fold_hash("troi"))))
        );
        assert_eq!(fold_hash_last(""), (fold_hash(""), None));
    }
}
