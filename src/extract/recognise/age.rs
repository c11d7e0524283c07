//! Ages: "20-year-old", "20 years old", "âgé de 20 ans", "il a plus de
//! 80 ans", "un garçon de 3 ans"; not "il a 3 ans de retard" nor "20 years
//! of war".

use crate::extract::context::*;
use crate::extract::Extractor;
use crate::model::Figure;

impl<'a> Extractor<'a> {
    /// Whether "N years" at `f` is an age: "20-year-old", "âgé de 20 ans",
    /// "il a plus de 80 ans", "un garçon de 3 ans".
    pub(crate) fn is_age(&self, f: &Figure) -> bool {
        let text = self.text;
        if old_suffix(text, f.end).is_some() {
            return true;
        }
        // "il a 3 ans de retard", "20 years of war": a length of something.
        let after = skip_spaces(text, f.end);
        if after > f.end {
            if let Some((s, e)) = word_at(text, after) {
                let w = crate::lexicon::fold(&text[s..e]);
                let elided = matches!(char_at(text, e), Some('\'' | '’'));
                if self.lexes().any(|l| {
                    l.length_links.contains(&w)
                        || elided && l.length_links.contains(&format!("{w}'"))
                }) {
                    return false;
                }
            }
        }
        // Past a qualifier: "il a plus de 80 ans".
        let mut t = tail(text, f.start, 40);
        if let Some(s) = self
            .lexes()
            .flat_map(|l| l.qualifiers.iter())
            .find_map(|(p, _)| t.ends_with_phrase(p))
        {
            t = tail(text, s, 40);
        }
        self.lexes().any(|lex| {
            if lex
                .ago_leads
                .iter()
                .any(|p| t.ends_with_phrase(p).is_some())
            {
                return false;
            }
            if lex
                .age_leads
                .iter()
                .any(|p| t.ends_with_phrase(p).is_some())
            {
                return true;
            }
            let norm = t.norm.trim_end();
            lex.noun_links.iter().any(|link| {
                let Some(rest) = norm.strip_suffix(link.as_str()) else {
                    return false;
                };
                if !(link.ends_with('\'') || rest.ends_with(' ')) {
                    return false;
                }
                // The noun, or the noun and one adjective: "un homme de 20
                // ans", "un jeune homme noir de 24 ans".
                rest.trim_end()
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .take(2)
                    .any(|w| !w.is_empty() && lex.age_nouns.contains(w))
            })
        })
    }
}

/// "-old" or " old" after "20-year" / "20 years": the end of "old".
pub(crate) fn old_suffix(text: &str, pos: usize) -> Option<usize> {
    let p = match char_at(text, pos) {
        Some('-') => pos + 1,
        _ => skip_spaces(text, pos),
    };
    let (s, e) = word_at(text, p)?;
    (text[s..e].eq_ignore_ascii_case("old")).then_some(e)
}
