//! The words that tell a number that labels something from one that
//! counts: leads of ranks ("lap 19"), of times of day before a spelled
//! hour ("vers 19 heures"), clock words ("8 o'clock"), era markers ("48
//! AD"), street nouns ("181 avenue …") and the links of a list of codes
//! ("E.361, 362 and 363"). Read from the `[labels]` table of a language's
//! files, with examples the tests run.

use serde::Deserialize;

use super::fold;

/// One language's label words.
#[derive(Debug, Clone, Default)]
pub(crate) struct Labels {
    /// Folded nouns whose number after them is the number of something,
    /// an identifier ("saison 2", "constituency 30").
    pub(crate) label_leads: Vec<String>,
    /// Folded nouns of a step of a sequence of events: the number after
    /// them is a rank ("lap 19", "matchday 22").
    pub(crate) rank_leads: Vec<String>,
    /// Lowercase words (accents kept) before a number of hours (a spelled
    /// unit) that make it a time of day ("vers 19 heures", "le JT de 13 heures").
    pub(crate) time_leads: Vec<String>,
    /// Folded words after a bare number that make it a time of day ("8
    /// o'clock").
    pub(crate) clock_words: Vec<String>,
    /// Era markers after a number that make it a year, matched with their
    /// case ("48 AD", "52 av. J.-C.").
    pub(crate) eras: Vec<String>,
    /// Folded nouns of streets: a number before one is a street number
    /// ("181 avenue", "8 South Frederick Street").
    pub(crate) streets: Vec<String>,
    /// Folded links between the codes of a list ("E.361, 362 and 363").
    pub(crate) list_links: Vec<String>,
    /// Folded endings of plural nouns, and plurals of no such ending: a
    /// word after a number in a name that has none of them is no counted
    /// noun ("Série 7 restylée").
    pub(crate) plural_endings: Vec<String>,
    /// The examples of the data: (text, figure literal, kind).
    pub(crate) examples: Vec<(String, String, String)>,
}

impl Labels {
    pub(super) fn add(&mut self, d: &LabelsDef) {
        let folded = |v: &[String]| v.iter().map(|s| fold(s)).collect::<Vec<_>>();
        self.label_leads.extend(folded(&d.label_leads));
        self.rank_leads.extend(folded(&d.rank_leads));
        self.time_leads
            .extend(d.time_leads.iter().map(|s| s.to_lowercase()));
        self.clock_words.extend(folded(&d.clock_words));
        self.eras.extend(d.eras.iter().cloned());
        self.streets.extend(folded(&d.streets));
        self.list_links.extend(folded(&d.list_links));
        self.plural_endings.extend(folded(&d.plural_endings));
        self.examples.extend(
            d.examples
                .iter()
                .map(|e| (e.text.clone(), e.figure.clone(), e.kind.clone())),
        );
    }
}

/// The `[labels]` table of a language file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LabelsDef {
    #[serde(default)]
    label_leads: Vec<String>,
    #[serde(default)]
    rank_leads: Vec<String>,
    #[serde(default)]
    time_leads: Vec<String>,
    #[serde(default)]
    clock_words: Vec<String>,
    #[serde(default)]
    eras: Vec<String>,
    #[serde(default)]
    streets: Vec<String>,
    #[serde(default)]
    list_links: Vec<String>,
    #[serde(default)]
    plural_endings: Vec<String>,
    #[serde(default)]
    examples: Vec<LabelExample>,
}

/// A sentence and the kind one of its figures must have.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelExample {
    text: String,
    figure: String,
    kind: String,
}
