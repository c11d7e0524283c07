//! Normalisation of words for lexicon look-ups: lower case, no accents,
//! typographic apostrophes and hyphens made plain.

/// Folds one character: lower case, accents dropped, apostrophe variants
/// made `'`, dash variants made `-`. Characters without a fold are lowered.
pub fn fold_char(c: char) -> char {
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
pub fn fold_into(s: &str, out: &mut String) {
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

/// Folds `s` into a new string.
pub fn fold(s: &str) -> String {
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
}
