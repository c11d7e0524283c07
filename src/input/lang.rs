//! Language detection from function words and letters, the cues of each
//! language's data (`rules/lang/`). Cheap and good enough for news text; a
//! short or mixed text may stay unknown.

use super::Lang;
use crate::lexicon::Detector;

/// The most points the typical letters of a language add: they break ties
/// on short texts, they do not outweigh function words.
const MAX_LETTER_POINTS: u32 = 4;

/// Detects the language of `text` from the cues of the embedded data.
/// Returns [`Lang::Unknown`] when no language clearly wins, and
/// [`Lang::Other`] when the winner is one figcheck has no data for.
pub fn detect_lang(text: &str) -> Lang {
    detect_with(text, Detector::builtin())
}

/// Detects the language of `text` by counting the function words of each
/// language of `detector` in the first 20 kB: two points a word (and an
/// apostrophe, in a language that elides), one a typical letter, up to
/// [`MAX_LETTER_POINTS`]. The language with strictly the most points wins.
pub(crate) fn detect_with(text: &str, detector: &Detector) -> Lang {
    let mut end = text.len().min(20_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let langs = &detector.langs;
    let mut words = vec![0u32; langs.len()];
    let mut letters = vec![0u32; langs.len()];
    let mut word = String::new();
    let count = |w: &str, words: &mut [u32]| {
        for &i in detector.word_langs(w) {
            words[i] += 1;
        }
    };
    for c in text[..end].chars() {
        for &i in detector.letter_langs(c) {
            letters[i] += 1;
        }
        if c.is_alphabetic() {
            word.push(c.to_ascii_lowercase());
        } else {
            if !word.is_empty() {
                count(&word, &mut words);
            }
            word.clear();
            if c == '\'' || c == '’' {
                for (n, (_, cues)) in words.iter_mut().zip(langs) {
                    *n += u32::from(cues.apostrophes);
                }
            }
        }
    }
    if !word.is_empty() {
        count(&word, &mut words);
    }
    let scores: Vec<u32> = words
        .iter()
        .zip(&letters)
        .map(|(&n, &l)| n * 2 + l.min(MAX_LETTER_POINTS))
        .collect();
    let Some(best) = scores.iter().copied().max() else {
        return Lang::Unknown;
    };
    let mut winners = scores.iter().enumerate().filter(|(_, &s)| s == best);
    match (winners.next(), winners.next()) {
        (Some((i, _)), None) if best > 0 => langs[i].0,
        _ => Lang::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_languages_with_data() {
        assert_eq!(
            detect_lang("Les soldats sont arrivés à Bagdad pour la mission."),
            Lang::new("fr")
        );
        assert_eq!(
            detect_lang("The soldiers arrived in Baghdad for the mission."),
            Lang::new("en")
        );
        assert_eq!(
            detect_lang("Los soldados llegaron a Bagdad para la misión, según el ministerio."),
            Lang::new("es")
        );
        assert_eq!(detect_lang("1 500"), Lang::Unknown);
        assert_eq!(detect_lang("trois soldats"), Lang::Unknown);
    }

    #[test]
    fn detects_languages_without_data() {
        let de = detect_lang(
            "Die Soldaten sind nach Bagdad gekommen, und der Minister hat das bestätigt.",
        );
        assert_eq!(de, Lang::new("de"));
        assert!(!de.has_data());
        let it =
            detect_lang("I soldati sono arrivati a Bagdad, secondo il ministero della difesa.");
        assert_eq!(it.as_str(), "it");
        let pt = detect_lang(
            "Os soldados chegaram a Bagdá, segundo o ministério, e também não partiram.",
        );
        assert_eq!(pt.as_str(), "pt");
    }
}
