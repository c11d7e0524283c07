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

/// Folds `s` into `out` (cleared first); runs of spaces become one space.
pub(crate) fn fold_into(s: &str, out: &mut String) {
    out.clear();
    let mut last_space = false;
    for c in s.chars() {
        let f = fold_char(c);
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

/// The start value of [`fold_hash`].
pub(crate) const FOLD_HASH_BASIS: u64 = 0xcbf29ce484222325;

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
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h = fold_hash_byte(h, b);
        }
    };
    let mut last_space = false;
    for c in s.chars() {
        let f = fold_char(c);
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
    h
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
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold("Deuxième"), "deuxieme");
        assert_eq!(fold("jusqu’à"), "jusqu'a");
        assert_eq!(fold("DÉCEMBRE"), "decembre");
        assert_eq!(fold("au\u{a0} moins"), "au moins");
        assert_eq!(fold("Œuvre"), "oeuvre");
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
    }
}
