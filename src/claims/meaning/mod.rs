//! The meaning lexicon: measures, roles, sides, places and periods, and how
//! they are read around a figure. `rules/lexicon/meaning.toml` defines the
//! ids and their properties; each language's `rules/lang/*/meaning.toml`
//! adds the words that name them.

mod load;
mod near;
mod places;
pub(crate) mod vocabulary;

use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

pub(crate) use near::{Change, FigureTokens, SentenceMeaning};
use places::Gazetteer;
pub(crate) use places::Places;
pub(crate) use vocabulary::{Match, Vocabulary};

/// The id, among the place exclusions, of the phrases a figure before
/// them is ranked against ("en dépassant le Royaume-Uni").
pub(super) const RANKED: &str = "ranked";

/// The id, among the place exclusions, of the phrases that open a span of
/// places ("allant du Mexique à la Terre de Feu").
pub(super) const SPAN: &str = "span";

/// Measures, roles, sides and places.
#[derive(Debug, Clone, Default)]
pub struct Meanings {
    pub(crate) measures: Vocabulary,
    /// Measures that count people, to whom roles apply.
    pub(crate) people: Vec<bool>,
    /// Measures whose claims are compared across sources.
    pub(crate) comparable: Vec<bool>,
    /// People measures that stand for anyone ("personnes", "people").
    pub(crate) generic: Vec<bool>,
    /// Measures an event's toll is counted in again for days after it
    /// (deaths, injured): the count printed each day is that day's.
    pub(crate) recounted: Vec<bool>,
    pub(crate) roles: Vocabulary,
    pub(crate) sides: Vocabulary,
    /// The parties a count is attributed to ("la préfecture", "the
    /// organizers"): see `claims::authority`.
    pub(crate) authorities: Vocabulary,
    /// Sentences of the language files with the party each figure must be
    /// attributed to, run by the tests.
    pub(crate) authority_examples: Vec<AuthorityExample>,
    /// The words that open another clause, which an attribution after a
    /// figure does not reach over ("alors que"): one unnamed id.
    pub(crate) attribution_barriers: Vocabulary,
    pub(crate) places: Vocabulary,
    /// For each place, the place it lies within.
    pub(crate) within: Vec<Option<u16>>,
    /// For each place, whether it is a figure's only when it follows the
    /// figure or opens the sentence: "au moins 490.771 morts dans le monde"
    /// are the world's, "le Royaume-Uni, deuxième pays le plus endeuillé
    /// dans le monde avec 36.793 morts" the United Kingdom's.
    pub(crate) place_follows: Vec<bool>,
    /// The places of `rules/places/gazetteer.tsv`, the first ids of
    /// `places`.
    pub(crate) gazetteer: Gazetteer,
    /// Token keys of the prepositions that make a gazetteer name that is
    /// also a common word a place ("à Nice", "in Reading").
    pub(crate) place_prepositions: Vec<String>,
    /// Token keys of the articles that, capitalised, open a sentence before
    /// a place name without being part of it ("Les Etats-Unis", "The
    /// Hague" aside).
    pub(crate) place_articles: Vec<String>,
    /// Token keys of the words that make a continent after them (or after
    /// them and an article) qualify a noun rather than name where a count
    /// was made ("pays d'Europe", "le géant de l'Asie", "countries of
    /// Africa").
    pub(crate) place_genitives: Vec<String>,
    /// Token keys of the nouns of a part of a country ("État", "région",
    /// "state"): a name after one and a genitive ("l'Etat de New York",
    /// "cette région de Birmanie", "the state of New York") or, for
    /// "state" and the like, right before one ("New York State") names a
    /// region of the gazetteer, or no place the gazetteer knows.
    pub(crate) place_subdivisions: Vec<String>,
    /// Token keys of the nouns of [`Meanings::place_subdivisions`] that
    /// also name a sovereign state ("l'Etat d'Israël", "the State of
    /// Israel"): a country after them is that country.
    pub(crate) place_sovereign: Vec<String>,
    /// Token keys of the relative pronouns that, after a place a figure is
    /// ranked against, make the clause they open about that place
    /// ("derrière les Etats-Unis, qui déplorent 119.000 morts").
    pub(crate) place_relatives: Vec<String>,
    /// Token keys of the phrases that, opening a sentence, front a phrase
    /// whose figures are about the subject named after its comma ("Avec
    /// 41.828 décès, le Brésil a dépassé…", "With 41,828 deaths, Brazil…").
    pub(crate) place_fronted: Vec<String>,
    /// Token keys of the superlatives that make a place after a genitive
    /// the scope of a ranking, not a count's place ("le plus peuplé du
    /// Brésil").
    pub(crate) place_superlatives: Vec<String>,
    /// Phrases that exclude the place named after them ("hors de",
    /// "outside", "excluding"): one unnamed id.
    pub(crate) place_exclusions: Vocabulary,
    /// Phrases that make the place after them the whole scope of a count
    /// ("dans toute la", "across"), which reaches further after the figure
    /// than a place named in passing: one unnamed id.
    pub(crate) place_extents: Vocabulary,
    /// Sentences of the language files with the place a figure of each
    /// must get, run by the tests.
    pub(crate) place_examples: Vec<PlaceExample>,
    /// Place adjectives ("irakiennes"), which name a place only when
    /// coordinated with another.
    pub(crate) place_adjectives: Vocabulary,
    /// For each role, the measure a count of people with that role becomes.
    pub(crate) role_measure: Vec<Option<u16>>,
    /// Roles that turn only a count of people of any kind into their
    /// measure ("23.000 personnes ont manifesté" are protesters, "4.000
    /// militaires ont défilé" stay troops).
    pub(crate) role_generic: Vec<bool>,
    /// Periods named in words.
    pub(crate) periods: Vocabulary,
    pub(crate) period_spans: Vec<Span>,
    /// Folded line starts and whole lines that mark boilerplate.
    pub(crate) boilerplate_starts: Vec<String>,
    pub(crate) boilerplate_lines: Vec<String>,
    /// Words that make a figure a change ("nouveaux", "additional").
    pub(crate) delta: Vocabulary,
    /// How reports name a change (see [`Meanings::describe`]).
    pub(crate) delta_label: String,
    /// The id of the rates per head among the `delta` words, if any.
    pub(crate) delta_rate: Option<u16>,
    /// The id of the windows of time among the `delta` words, if any.
    pub(crate) delta_window: Option<u16>,
    /// The id of the rates per year among the `delta` words, if any.
    pub(crate) delta_yearly: Option<u16>,
    /// Token keys of the words that join two places into one mention ("en
    /// Irak et en Syrie").
    pub(crate) place_links: Vec<String>,
    /// Token keys of the words that join the two ends of a span of places
    /// ("du Mexique à la Terre de Feu").
    pub(crate) place_span_links: Vec<String>,
    /// Abbreviations whose point ends no sentence ("M.", "Dr."), as written.
    pub(crate) abbreviations: Vec<String>,
    /// Marks before a year that make it a copyright line ("©"), lowercase.
    pub(crate) copyright: Vec<String>,
    /// Proper names too common to tie two documents to one story
    /// ("france", "afp", "emmanuel"), as the hashes of their folds
    /// ([`crate::lexicon::fold_hash`]), sorted.
    pub(crate) common_names: Vec<u64>,
    /// Folded phrases that make the figure after them a threshold, a target
    /// or a forecast rather than a count ("le seuil des", "the mark of").
    pub(crate) thresholds: Vec<String>,
    /// Folded nouns of a threshold, and the words that join them to the
    /// figure after them (see [`Meanings::threshold_noun_before`]).
    pub(crate) threshold_nouns: Vec<String>,
    pub(crate) threshold_links: Vec<String>,
    /// Folded phrases that make a figure of their clause a hypothesis or a
    /// forecast rather than a count ("auraient pu être évitées", "could
    /// have been prevented").
    pub(crate) hypotheses: Vec<String>,
    /// Folded words that join a plural noun to an open bound of the size of
    /// its members: "des rassemblements de plus de 10 personnes", "gatherings
    /// of more than 10 people" (a category, not a count).
    pub(crate) category_links: Vec<String>,
    /// Folded endings of plural nouns.
    pub(crate) plural_endings: Vec<String>,
    /// Folded words before a singular noun that make it any member of a
    /// category ("tout rassemblement de plus de dix personnes").
    pub(crate) category_quantifiers: Vec<String>,
    /// Folded phrases, as words, after which a noun names what a figure
    /// further on counts ("total des", "number of").
    pub(crate) count_leads: Vec<Vec<String>>,
    /// Folded nouns of a count whose counted noun stands right before them
    /// ("death toll": what "the death toll rose to 1,200" counts).
    pub(crate) count_heads: Vec<String>,
    /// Folded verbs, as words, that join a subject noun right before them
    /// to the figure right after them ("les manifestants étaient 106.000").
    pub(crate) count_copulas: Vec<Vec<String>>,
    /// Folded auxiliaries, as words, that make a figure with no noun right
    /// before them the subject of the role word right after them ("71.104
    /// sont mortes").
    pub(crate) subject_links: Vec<Vec<String>>,
    /// Folded words that, after the role word of such a subject, make the
    /// figure a count of several roles ("were killed or injured").
    pub(crate) subject_alternatives: Vec<String>,
    /// Folded phrases, as words, that compare the figure right after them
    /// with the count before it in its sentence, whose noun it leaves
    /// unsaid ("287 710 manifestants, contre 282 710 annoncés la veille",
    /// "30 deaths, up from 12").
    pub(crate) comparison_leads: Vec<Vec<String>>,
    /// Folded coordinators, as words, before a bare figure followed only by
    /// when or where it was counted ("205 interpellations samedi, et 224
    /// dimanche"): the verb and the noun of the count before it are left
    /// out, and the figure counts what that count counts.
    pub(crate) gapping_leads: Vec<Vec<String>>,
    /// The words of the time of a count (`[time]` of `time.toml`).
    pub(crate) time: crate::claims::moment::TimeWords,
    /// First words of the phrases of every vocabulary read in a sentence,
    /// with a bit per vocabulary (see [`Meanings::sentence`]), by the
    /// [`word_hash`](crate::claims::tokens::word_hash) of the word.
    pub(crate) firsts: HashMap<u64, u16>,
    /// The hashes of `firsts` as bits ([`first_bit`]): most words start no
    /// phrase and are passed over on one bit, before any look-up.
    pub(crate) first_bits: Vec<u64>,
}

/// Bits of [`Meanings::first_bits`] (a power of two).
pub(crate) const FIRST_BITS: usize = 1 << 15;

/// The bit of [`Meanings::first_bits`] for a word hash: its word and the
/// bit in it.
#[inline(always)]
pub(crate) fn first_bit(h: u64) -> (usize, u64) {
    let b = (h ^ h >> 32) as usize & (FIRST_BITS - 1);
    (b >> 6, 1 << (b & 63))
}

/// A sentence of a language file and the places one of its figures is
/// about (`[places] examples`), read by the tests only.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(test), allow(dead_code))]
#[serde(deny_unknown_fields)]
pub(crate) struct PlaceExample {
    /// The language, from the file's folder.
    #[serde(skip)]
    pub(crate) lang: String,
    pub(crate) text: String,
    /// The figure, as written.
    pub(crate) figure: String,
    /// Its places, "iraq+syria"; empty for none.
    pub(crate) places: String,
}

/// A sentence of a language file, a figure in it, the party it must be
/// attributed to (an id of `[authority]`, empty for none) and the measure
/// it must get (empty for none).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(not(test), allow(dead_code))]
#[serde(deny_unknown_fields)]
pub(crate) struct AuthorityExample {
    /// The language, from the file's folder.
    #[serde(skip)]
    pub(crate) lang: String,
    pub(crate) text: String,
    /// The figure, as written.
    pub(crate) figure: String,
    pub(crate) authority: String,
    pub(crate) measure: String,
}

/// A period named in words, relative to a year or to the document's date.
/// Written in meaning files as `{ months = [1, 6] }`, `{ days = [1, 1] }`,
/// `{ weekday = 1 }` or `{ years_back = 1 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub(crate) enum Span {
    /// Months `first..=last` of the year the sentence names, else of the
    /// document's year.
    Months(u32, u32),
    /// From `from` to `to` days before the document's date, both included
    /// (`[0, 0]` is the day itself, `[6, 0]` the week up to it).
    Days(u32, u32),
    /// The last such weekday (1 = Monday) on or before the document's date.
    Weekday(u32),
    /// The whole year `n` years before the document's year.
    YearsBack(i32),
}

impl Meanings {
    /// The measure a counted noun names.
    pub(crate) fn measure_of(&self, noun: &str) -> Option<u16> {
        self.measures.word(noun)
    }

    /// A role named by the counted word itself ("30 arrêtés", "250 morts").
    pub(crate) fn role_word(&self, noun: &str) -> Option<u16> {
        self.roles.word(noun)
    }

    /// True when the word names a role but no measure of its own ("arrêtés"
    /// in "137 tués et 30 arrêtés"), so the figure inherits the measure.
    pub(crate) fn is_role_noun(&self, noun: &str) -> bool {
        self.measures
            .word(noun)
            .is_none_or(|m| !self.people[m as usize])
            && self.roles.word(noun).is_some()
    }

    /// True when folded text `before`, the words right before a figure in
    /// its clause, ends with a threshold noun and its link word, at most
    /// one word between ("la barre terrible des", "the grim milestone of").
    pub(crate) fn threshold_noun_before(&self, before: &str) -> bool {
        if self.threshold_nouns.is_empty() {
            return false;
        }
        let words: Vec<&str> = crate::claims::elided::words(before).collect();
        let Some((link, rest)) = words.split_last() else {
            return false;
        };
        if !self.threshold_links.iter().any(|l| l == link) {
            return false;
        }
        rest.iter()
            .rev()
            .take(2)
            .any(|w| self.threshold_nouns.iter().any(|n| n == w))
    }

    /// True for a measure of people of a particular kind (troops, fighters),
    /// not the generic one.
    pub(crate) fn is_specific_people(&self, m: u16) -> bool {
        self.people.get(m as usize) == Some(&true) && self.generic.get(m as usize) != Some(&true)
    }

    /// The measure of people of any kind (`generic = true`: "personnes").
    pub(crate) fn generic_people(&self) -> Option<u16> {
        self.generic.iter().position(|&g| g).map(|i| i as u16)
    }

    /// False for a role that applies only to people of any kind, when the
    /// figure counts something else ("4.000 militaires ont défilé").
    pub(crate) fn role_applies(&self, role: u16, counted: Option<u16>) -> bool {
        self.role_generic.get(role as usize) != Some(&true)
            || counted.is_some_and(|c| self.generic.get(c as usize) == Some(&true))
    }

    /// The measure a count of people with role `role` becomes (a role that
    /// [`Meanings::role_applies`] to the count).
    pub(crate) fn measure_for_role(&self, measure: Option<u16>, role: Option<u16>) -> Option<u16> {
        let m = measure?;
        if self.people.get(m as usize) != Some(&true) {
            return Some(m);
        }
        role.and_then(|r| self.role_measure.get(r as usize).copied().flatten())
            .or(Some(m))
    }

    /// True for a proper name (its [`crate::lexicon::name_hash`]) too
    /// common to tie two documents to one story.
    pub(crate) fn is_common_name(&self, name: u64) -> bool {
        self.common_names.binary_search(&name).is_ok()
    }

    /// True when `text` opens, blanks trimmed, with a boilerplate start:
    /// what [`Meanings::is_boilerplate_line`] says of its fold (not whole),
    /// each start compared only as far as it reads. Blanks fold to blanks
    /// and nothing else does, so the fold of the trimmed text is the
    /// trimmed fold.
    pub(crate) fn opens_as_boilerplate(&self, text: &str) -> bool {
        let text = text.trim();
        self.boilerplate_starts
            .iter()
            .any(|x| crate::lexicon::fold_starts_with(text, x))
    }

    /// How many bytes of a line [`Meanings::is_boilerplate_line`] needs.
    pub(crate) fn boilerplate_head(&self) -> usize {
        self.boilerplate_starts
            .iter()
            .chain(&self.boilerplate_lines)
            .map(|x| x.len())
            .max()
            .unwrap_or(0)
            * 2
            + 8
    }

    /// True when a line is boilerplate by its words, given its folded head
    /// (`whole`: the head is the whole line).
    pub(crate) fn is_boilerplate_line(&self, folded_head: &str, whole: bool) -> bool {
        let l = folded_head.trim();
        (whole && self.boilerplate_lines.iter().any(|x| x == l))
            || self
                .boilerplate_starts
                .iter()
                .any(|x| l.starts_with(x.as_str()))
    }

    /// A readable description of a key: "troops, killed, us, iraq".
    pub(crate) fn describe(&self, key: &crate::claims::Key) -> String {
        let mut parts = vec![self.measures.name(key.measure).to_string()];
        if let Some(r) = key.role {
            parts.push(self.roles.name(r).to_string());
        }
        if let Some(s) = key.side {
            parts.push(self.sides.name(s).to_string());
        }
        if key.delta {
            parts.push(self.delta_label.clone());
        }
        parts.join(", ")
    }
}
