//! Language detection, French or English, from function words. Cheap and
//! good enough for news text; a short or mixed text may stay unknown.

use super::Lang;

const FR: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "pour", "dans", "que", "qui",
    "sur", "au", "aux", "par", "avec", "ont", "sont", "été", "pas", "ne", "il", "elle", "ce",
    "cette", "selon", "plus", "entre",
];
const EN: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "was", "for", "on", "that", "with", "as", "by", "at",
    "from", "were", "are", "has", "have", "had", "be", "this", "which", "it", "an", "or", "their",
    "between", "than", "more",
];

/// Detects French or English by counting function words in the first 20 kB.
/// Returns `Lang::Unknown` when neither language clearly wins.
pub fn detect_lang(text: &str) -> Lang {
    let mut end = text.len().min(20_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut fr, mut en) = (0u32, 0u32);
    let mut word = String::new();
    let mut count = |w: &str| {
        if FR.contains(&w) {
            fr += 1;
        }
        if EN.contains(&w) {
            en += 1;
        }
    };
    for c in text[..end].chars() {
        if c.is_alphabetic() {
            word.push(c.to_ascii_lowercase());
        } else {
            if !word.is_empty() {
                count(&word);
            }
            word.clear();
            // Elisions count as French function words.
            if c == '\'' || c == '’' {
                count("le");
            }
        }
    }
    if !word.is_empty() {
        count(&word);
    }
    // Accented letters typical of French break ties on short texts.
    let accents = text[..end]
        .chars()
        .filter(|c| matches!(c, 'é' | 'è' | 'ê' | 'à' | 'ç' | 'ù' | 'û' | 'ô' | 'î'))
        .count() as u32;
    let fr_score = fr * 2 + accents.min(4);
    let en_score = en * 2;
    if fr_score > en_score {
        Lang::Fr
    } else if en_score > fr_score {
        Lang::En
    } else {
        Lang::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_and_english() {
        assert_eq!(
            detect_lang("Les soldats sont arrivés à Bagdad pour la mission."),
            Lang::Fr
        );
        assert_eq!(
            detect_lang("The soldiers arrived in Baghdad for the mission."),
            Lang::En
        );
        assert_eq!(detect_lang("1 500"), Lang::Unknown);
        assert_eq!(detect_lang("trois soldats"), Lang::Unknown);
    }
}
