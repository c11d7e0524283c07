//! The words that tell how the figures of a sentence relate: the markers
//! of a breakdown (a total and its parts), the words that join, continue
//! and end a list of parts, and which nouns can be parts of which. Read
//! from the `[structure]` table of a language's files
//! (`rules/lang/*/structure.toml`), with examples the tests run.

use serde::Deserialize;

pub(crate) use super::word::Word;

/// One token of a phrase or of the text between two figures: a folded
/// word, a punctuation mark, or `*` (up to three words) in a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tok {
    /// A folded word, inline when short ([`Word`]).
    Word(Word),
    Punct(char),
    Any,
}

/// Splits `s` into folded words and punctuation marks. An apostrophe
/// stays with the word it ends ("d'" "entre"); a hyphen inside a word
/// splits it ("ceux-ci": "ceux" "ci"); dashes between words are marks.
pub(crate) fn tokenize(s: &str, out: &mut Vec<Tok>) {
    tokenize_spanned(s, |t, _| out.push(t));
}

/// [`tokenize`], giving each token with its byte span in `s`.
pub(crate) fn tokenize_spanned(s: &str, mut emit: impl FnMut(Tok, (usize, usize))) {
    // The word being read, in one buffer reused for every word: a word
    // emitted is copied into its token (inline when short).
    let mut word = String::new();
    let mut start = 0;
    let flush =
        |w: &mut String, end: usize, start: usize, emit: &mut dyn FnMut(Tok, (usize, usize))| {
            if !w.is_empty() {
                emit(Tok::Word(Word::from(w.as_str())), (start, end));
                w.clear();
            }
        };
    let bytes = s.as_bytes();
    // The character at byte `i` of `s`, ASCII read as is.
    let char_at = |i: usize| -> Option<char> {
        let b = *bytes.get(i)?;
        if b < 0x80 {
            return Some(char::from(b));
        }
        s[i..].chars().next()
    };
    let mut i = 0;
    while let Some(c) = char_at(i) {
        let end = i + c.len_utf8();
        // A plain ASCII letter or digit, the most common character.
        if c.is_ascii_alphanumeric() {
            if word.is_empty() {
                start = i;
            }
            word.push(c.to_ascii_lowercase());
            i = end;
            continue;
        }
        let f = super::fold_char(c);
        if f.is_alphanumeric() {
            if word.is_empty() {
                start = i;
            }
            match f {
                'œ' => word.push_str("oe"),
                'æ' => word.push_str("ae"),
                _ => word.push(f),
            }
        } else if f == '\'' && !word.is_empty() {
            word.push('\'');
            flush(&mut word, end, start, &mut emit);
        } else if f == '-' && !word.is_empty() && char_at(end).is_some_and(|n| n.is_alphanumeric())
        {
            flush(&mut word, i, start, &mut emit);
        } else {
            flush(&mut word, i, start, &mut emit);
            match f {
                ' ' | '\n' | '\r' | '"' | '«' | '»' | '“' | '”' | '\'' => {}
                '–' | '—' => emit(Tok::Punct('-'), (i, end)),
                '*' => emit(Tok::Any, (i, end)),
                c => emit(Tok::Punct(c), (i, end)),
            }
        }
        i = end;
    }
    flush(&mut word, s.len(), start, &mut emit);
}

/// A phrase as tokens.
pub(crate) fn phrase(s: &str) -> Vec<Tok> {
    let mut v = Vec::new();
    tokenize(s, &mut v);
    v
}

/// One language's structure words, as token phrases.
#[derive(Debug, Clone, Default)]
pub(crate) struct Structure {
    pub(crate) subset_markers: Vec<Vec<Tok>>,
    /// The subset markers made of words only, as folded words joined by
    /// spaces (the claims' token keys).
    pub(crate) subset_keys: Vec<String>,
    pub(crate) complete_markers: Vec<Vec<Tok>>,
    pub(crate) set_leads: Vec<Vec<Tok>>,
    pub(crate) anaphors: Vec<Vec<Tok>>,
    pub(crate) anaphor_leads: Vec<Vec<Tok>>,
    pub(crate) sum_leads: Vec<Vec<Tok>>,
    pub(crate) modifier_links: Vec<Vec<Tok>>,
    pub(crate) running_leads: Vec<Vec<Tok>>,
    pub(crate) joiners: Vec<Vec<Tok>>,
    pub(crate) part_leads: Vec<Vec<Tok>>,
    pub(crate) part_preps: Vec<Vec<Tok>>,
    pub(crate) determiners: Vec<Vec<Tok>>,
    pub(crate) blockers: Vec<Vec<Tok>>,
    pub(crate) frames: Vec<Vec<Tok>>,
    pub(crate) distributives: Vec<Vec<Tok>>,
    pub(crate) time_frames: Vec<Vec<Tok>>,
    /// Verbs of being between a total and its parts ("The 43 people on
    /// board were 7 crew members and 36 passengers").
    pub(crate) copulas: Vec<Vec<Tok>>,
    /// Words before a tally after the items that score it ("26 goals and
    /// 18 assists for 44 points").
    pub(crate) tally_leads: Vec<Vec<Tok>>,
    /// Folded nouns of tallies: each item before them scores one or more.
    pub(crate) tally_nouns: Vec<String>,
    /// Folded nouns of items that score nothing in a tally ("losses").
    pub(crate) unscored: Vec<String>,
    /// Words after a share that name its category ("41 % de satisfaits").
    pub(crate) partitives: Vec<Vec<Tok>>,
    /// Determiners that make a partitive a group's ("de la population").
    pub(crate) definites: Vec<Vec<Tok>>,
    /// Folded nouns of people.
    pub(crate) people: Vec<String>,
    /// Groups of nouns: (folded wholes, folded parts).
    pub(crate) groups: Vec<(Vec<String>, Vec<String>)>,
    /// The examples of the data: (text, total literal, parts literals); an
    /// empty total says the sentence has no breakdown.
    pub(crate) examples: Vec<(String, String, Vec<String>)>,
}

impl Structure {
    pub(super) fn add(&mut self, d: &StructureDef) {
        let phrases = |v: &[String]| v.iter().map(|s| phrase(s)).collect::<Vec<_>>();
        self.subset_markers.extend(phrases(&d.subset_markers));
        self.subset_keys = self
            .subset_markers
            .iter()
            .filter_map(|p| {
                let words: Vec<&str> = p
                    .iter()
                    .map(|t| match t {
                        Tok::Word(w) => Some(w.as_str()),
                        _ => None,
                    })
                    .collect::<Option<_>>()?;
                (!words.is_empty()).then(|| words.join(" "))
            })
            .collect();
        self.complete_markers.extend(phrases(&d.complete_markers));
        self.set_leads.extend(phrases(&d.set_leads));
        self.anaphors.extend(phrases(&d.anaphors));
        self.anaphor_leads.extend(phrases(&d.anaphor_leads));
        self.sum_leads.extend(phrases(&d.sum_leads));
        self.modifier_links.extend(phrases(&d.modifier_links));
        self.running_leads.extend(phrases(&d.running_leads));
        self.joiners.extend(phrases(&d.joiners));
        self.part_leads.extend(phrases(&d.part_leads));
        self.part_preps.extend(phrases(&d.part_preps));
        self.determiners.extend(phrases(&d.determiners));
        self.blockers.extend(phrases(&d.blockers));
        self.frames.extend(phrases(&d.frames));
        self.distributives.extend(phrases(&d.distributives));
        self.time_frames.extend(phrases(&d.time_frames));
        self.copulas.extend(phrases(&d.copulas));
        self.partitives.extend(phrases(&d.partitives));
        self.definites.extend(phrases(&d.definites));
        self.tally_leads.extend(phrases(&d.tally_leads));
        let folded = |v: &[String]| v.iter().map(|s| super::fold(s)).collect::<Vec<_>>();
        self.tally_nouns.extend(folded(&d.tally_nouns));
        self.unscored.extend(folded(&d.unscored));
        self.people.extend(folded(&d.people));
        for g in &d.groups {
            self.groups.push((folded(&g.wholes), folded(&g.parts)));
        }
        self.examples.extend(
            d.examples
                .iter()
                .map(|e| (e.text.clone(), e.total.clone(), e.parts.clone())),
        );
    }
}

/// The `[structure]` table of a language file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StructureDef {
    #[serde(default)]
    subset_markers: Vec<String>,
    #[serde(default)]
    complete_markers: Vec<String>,
    #[serde(default)]
    set_leads: Vec<String>,
    #[serde(default)]
    anaphors: Vec<String>,
    #[serde(default)]
    anaphor_leads: Vec<String>,
    #[serde(default)]
    sum_leads: Vec<String>,
    #[serde(default)]
    modifier_links: Vec<String>,
    #[serde(default)]
    running_leads: Vec<String>,
    #[serde(default)]
    joiners: Vec<String>,
    #[serde(default)]
    part_leads: Vec<String>,
    #[serde(default)]
    part_preps: Vec<String>,
    #[serde(default)]
    determiners: Vec<String>,
    #[serde(default)]
    blockers: Vec<String>,
    #[serde(default)]
    frames: Vec<String>,
    #[serde(default)]
    distributives: Vec<String>,
    #[serde(default)]
    time_frames: Vec<String>,
    #[serde(default)]
    copulas: Vec<String>,
    #[serde(default)]
    partitives: Vec<String>,
    #[serde(default)]
    definites: Vec<String>,
    #[serde(default)]
    tally_leads: Vec<String>,
    #[serde(default)]
    tally_nouns: Vec<String>,
    #[serde(default)]
    unscored: Vec<String>,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    groups: Vec<GroupDef>,
    #[serde(default)]
    examples: Vec<StructureExample>,
}

/// Nouns whose figures can be parts of the figures of other nouns.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupDef {
    wholes: Vec<String>,
    parts: Vec<String>,
}

/// A sentence, the total figcheck must read in it (as written; empty for
/// none) and its parts.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StructureExample {
    text: String,
    total: String,
    #[serde(default)]
    parts: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_split_into_words_and_marks() {
        assert_eq!(
            phrase("d’entre eux, (ceux-ci) = * – x"),
            vec![
                Tok::Word("d'".into()),
                Tok::Word("entre".into()),
                Tok::Word("eux".into()),
                Tok::Punct(','),
                Tok::Punct('('),
                Tok::Word("ceux".into()),
                Tok::Word("ci".into()),
                Tok::Punct(')'),
                Tok::Punct('='),
                Tok::Any,
                Tok::Punct('-'),
                Tok::Word("x".into()),
            ]
        );
    }
}
