//! One language's data: its words ([`LangLexicon`]), what each word is
//! ([`WordInfo`]) and how the language writes numbers and dates
//! ([`Conventions`]).

use rust_decimal::Decimal;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// An approximate collective ("une centaine", "des milliers").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Collective {
    /// About this many.
    About(Decimal),
    /// Somewhere in this interval; the second value is what one of them
    /// counts after a number ("3 dozens" is 36, "deux centaines" 200).
    Between(Decimal, Decimal, Option<Decimal>),
}

impl Collective {
    /// What one collective counts after a number, if it may follow one.
    pub(crate) fn each(&self) -> Option<Decimal> {
        match self {
            Collective::About(v) => Some(*v),
            Collective::Between(_, _, e) => *e,
        }
    }
}

/// How a fraction link joins two numbers ("2 out of 3", "1 over 3").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FractionLink {
    /// Any numerator ("2000 over 3").
    Any,
    /// The numerator is at most the denominator ("2 sur 3"; "12 out of 10"
    /// is two numbers).
    Proper,
}

/// A phrase of `not_numbers` ([`LangLexicon::not_numbers`]) read into its
/// parts: what the scan compares with the text at each number word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NotNumberPhrase {
    /// The folded phrase ("l'un des", "the one").
    pub(crate) text: String,
    /// An elided first word and what follows its apostrophe ("l" and
    /// "un" of "l'un"), when the phrase opens with one.
    pub(crate) elided: Option<(String, String)>,
    /// Its words between single spaces, each with its byte offset in
    /// `text`.
    pub(crate) words: Vec<(usize, String)>,
}

impl NotNumberPhrase {
    pub(crate) fn new(text: &str) -> NotNumberPhrase {
        let elided = text
            .split_once('\'')
            .filter(|(e, _)| !e.is_empty() && !e.contains(' '))
            .map(|(e, r)| (e.to_string(), r.to_string()));
        let mut words = Vec::new();
        let mut at = 0;
        for w in text.split(' ') {
            words.push((at, w.to_string()));
            at += w.len() + 1;
        }
        NotNumberPhrase {
            text: text.to_string(),
            elided,
            words,
        }
    }
}

/// What may make an article ("un", "a") more than an article where it
/// stands, gathered from the other tables of the lexicon once every file
/// is read (`Lexicon::index_article_cues`): a recogniser run at an article
/// reads the word after it (a number or scale word, a collective, a unit,
/// a fraction link, a word of a phrase of `not_numbers`), the word after
/// that ("un Français sur cinq"), or a phrase that the article ends ("the
/// one", "l'un"). An article followed by none of these starts no figure,
/// which the scan then knows in one look-up of the next word instead of
/// running each recogniser to find nothing (`Extractor::article_alone`).
#[derive(Debug, Clone, Default)]
pub(crate) struct ArticleCues {
    /// The cues were built from the whole lexicon; without them no
    /// article is told from its next word.
    pub(crate) ready: bool,
    /// [`super::fold_hash`] of every word a recogniser may read right
    /// after an article: each key of `words` and each run of letters of
    /// it, each run of letters of a phrase of `not_numbers` and of a
    /// fraction link, each unit form's leading letters (of its fold, and
    /// of a symbol as written). A word whose hash is not here is none of
    /// them.
    pub(crate) next: HashSet<u64>,
    /// [`super::fold_hash`] of each run of letters of the fraction links
    /// ("sur", "out of"): the word after an article's noun that makes the
    /// article the numeral one ("un Français sur cinq").
    pub(crate) links: HashSet<u64>,
    /// [`super::fold_hash`] of the last word of each phrase of
    /// `not_numbers` that opens with no elided word ("the one"): an
    /// article that is one ends such a phrase whatever follows it.
    pub(crate) phrase_ends: HashSet<u64>,
    /// The phrases of `not_numbers` that are an elided word and one word
    /// after its apostrophe ("l'un"): the elided word, and the
    /// [`super::fold_hash`] of the word after it.
    pub(crate) elided: Vec<(String, u64)>,
}

/// Everything the lexicon knows of one folded word.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordInfo {
    pub(crate) cardinal: Option<Decimal>,
    pub(crate) ordinal: Option<Decimal>,
    pub(crate) collective: Option<Collective>,
    /// The denominator this word names ("tiers" 3, "quarters" 4, "fifths" 5).
    pub(crate) denominator: Option<Decimal>,
    /// The denominator word is plural ("fifths"): it follows any numerator.
    pub(crate) plural_denominator: bool,
    /// The denominator is a fraction word ("quarter", "tiers"), not an
    /// ordinal ("fifths").
    pub(crate) fraction_word: bool,
    pub(crate) article: bool,
    pub(crate) connector: bool,
    /// A decimal point in words ("point", "virgule").
    pub(crate) point: bool,
    /// A sign word ("minus", "moins").
    pub(crate) minus: bool,
    /// Means "one" before a unit of time ("all week", "toute la semaine").
    pub(crate) one_before_time: bool,
    /// A vague count before a unit of time ("quelques heures").
    pub(crate) vague: bool,
    /// A relative ordinal ("last", "prochain"): a position, no value.
    pub(crate) relative: bool,
}

impl WordInfo {
    /// True when the word may start a figure.
    pub(crate) fn starts_figure(&self) -> bool {
        self.cardinal.is_some()
            || self.ordinal.is_some()
            || self.collective.is_some()
            || self.denominator.is_some()
            || self.relative
    }

    /// True when the scan must read the word: it may start a figure or a
    /// duration ("toute la semaine", "quelques heures").
    pub(crate) fn may_start(&self) -> bool {
        self.starts_figure() || self.one_before_time || self.vague
    }
}

/// How a language writes numbers and dates (the `[conventions]` table of
/// its folder). The default is no convention at all: that of a document
/// whose language is not known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Conventions {
    /// The decimal separator, `.` or `,`; the other one groups thousands
    /// (with spaces and apostrophes, which group in every language). `None`
    /// when not known: a lone separator before three digits is then read by
    /// the document's own evidence.
    pub(crate) decimal: Option<char>,
    /// Dates put the day before the month's name ("23 juillet"), never
    /// after it ("July 23").
    pub(crate) day_before_month: bool,
    /// Numeric dates may put the month first when the day could not be a
    /// month ("12/25/2024").
    pub(crate) month_first_dates: bool,
    /// The counted noun stands last in its phrase ("three US soldiers").
    pub(crate) head_last: bool,
}

impl Conventions {
    /// Decimals are marked with a comma; points group thousands.
    pub(crate) fn decimal_comma(&self) -> bool {
        self.decimal == Some(',')
    }

    /// Decimals are marked with a point; commas group thousands.
    pub(crate) fn decimal_point(&self) -> bool {
        self.decimal == Some('.')
    }

    /// The separator convention is known.
    pub(crate) fn known(&self) -> bool {
        self.decimal.is_some()
    }
}

/// One language's words.
#[derive(Debug, Clone, Default)]
pub(crate) struct LangLexicon {
    pub(crate) words: HashMap<String, WordInfo>,
    /// Every key of `words` by its [`super::fold_hash`], with what `words`
    /// holds for it: a word whose hash is not here is no lexicon word, and
    /// one whose hash is here is compared with that key without folding it
    /// into a string when it is plain ASCII. `None` for a hash that two
    /// keys share, which `words` answers.
    pub(crate) word_hashes: HashMap<u64, Option<(String, WordInfo)>>,
    /// [`super::fold_hash`] of every word the scan of a document in this
    /// language must stop at: its words and those of the fallback
    /// languages that may start a figure, and the units that stand alone. Any other word is skipped without
    /// being folded.
    pub(crate) scan_hashes: HashSet<u64>,
    /// [`super::fold_hash`] of the words of `words` a figure may start
    /// from ([`WordInfo::may_start`]): the others ("le", "et") are read
    /// only after a number.
    pub(crate) start_hashes: HashSet<u64>,
    /// Folded qualifier phrases and the index of their definition, longest first.
    pub(crate) qualifiers: Vec<(String, usize)>,
    pub(crate) scales: HashMap<String, Decimal>,
    /// Scale symbols matched with their case, glued to digits ("10M", "1.2b").
    pub(crate) scale_symbols: Vec<(String, Decimal)>,
    /// Scale symbols that may also stand after a space ("2,33 k").
    pub(crate) spaced_scale_symbols: Vec<String>,
    /// Links of a proportion written with two numbers ("2 sur 3").
    pub(crate) fraction_links: Vec<(String, FractionLink)>,
    /// Qualifier phrases written after the figure ("ou plus"), longest first.
    pub(crate) postfix_qualifiers: Vec<(String, usize)>,
    /// Determiners between a word of `one_before_time` and the unit
    /// ("toute la semaine").
    pub(crate) time_determiners: Vec<String>,
    /// Words before a figure in degrees that make it an angle.
    pub(crate) angle_cues: Vec<String>,
    /// Relative ordinals ("next to last", "avant-dernier"), longest first.
    pub(crate) relative_ordinals: Vec<String>,
    pub(crate) ordinal_suffixes: Vec<String>,
    /// Folded phrases that may precede a plural collective, longest first.
    pub(crate) collective_modifiers: Vec<String>,
    /// `entre ... et`, `between ... and`.
    pub(crate) range_openers: Vec<(String, String)>,
    pub(crate) range_joiners: Vec<String>,
    pub(crate) months: HashMap<String, u32>,
    pub(crate) weekdays: HashMap<String, u32>,
    pub(crate) noun_links: HashSet<String>,
    pub(crate) noun_stop: HashSet<String>,
    pub(crate) noun_skip: HashSet<String>,
    /// Endings of participles, which end a noun phrase whose head stands
    /// last ("killed", "fighting").
    pub(crate) participle_endings: Vec<String>,
    /// Endings of plural nouns, as written ("police officers": a singular
    /// before a plural is a modifier).
    pub(crate) plural_endings: Vec<String>,
    /// Phrases that look like figures but are not ("premier ministre").
    pub(crate) not_numbers: Vec<String>,
    /// What may make an article of `words` more than an article where it
    /// stands ([`ArticleCues`]).
    pub(crate) article_cues: ArticleCues,
    /// Every word of `not_numbers` ("un" of "l'un"): a number word that is
    /// none of them starts no such phrase.
    pub(crate) not_number_words: HashSet<String>,
    /// `not_numbers` read into their parts once, in the same order.
    pub(crate) not_number_phrases: Vec<NotNumberPhrase>,
    /// The phrases of `not_number_phrases` with no elided first word, by
    /// each of their words (indices in order): the only ones a number word
    /// may be compared with.
    pub(crate) not_number_by_word: HashMap<String, Vec<usize>>,
    /// The phrases of `not_number_phrases` that open with an elided word
    /// ("l'un"): compared at every number word of `not_number_words`.
    pub(crate) not_number_elided: Vec<usize>,
    /// Words before a phrase of `not_numbers` that make it a length of
    /// time after all: "un jour" is "some day", "en un jour" is one day.
    pub(crate) duration_leads: Vec<String>,
    /// "the", "la": may stand before each end of a range of ordinals
    /// ("between the tenth and the fifteenth").
    pub(crate) definite_articles: Vec<String>,
    /// Folded phrases that make "N years" after them an age ("âgé de",
    /// "at the age of").
    pub(crate) age_leads: Vec<String>,
    /// Folded nouns of people that make "de N ans" an age ("un garçon de
    /// 3 ans", "a man of 45 years").
    pub(crate) age_nouns: HashSet<String>,
    /// Folded phrases before "N years" that make it a time ago, never an
    /// age ("il y a 30 ans").
    pub(crate) ago_leads: Vec<String>,
    /// Folded words after "N years" that make it a length of something
    /// ("3 ans de prison", "20 years of war").
    pub(crate) length_links: Vec<String>,
    /// The indefinite articles are also the numeral one ("un Français sur
    /// cinq"), as in French; not in English ("a candidate in a").
    pub(crate) articles_count: bool,
    /// Folded words before a four-digit number that make it a year ("en
    /// 2014", "since 1990").
    pub(crate) year_leads: Vec<String>,
    /// Of those, the ones that keep a year even before a currency word:
    /// "in 2020 dollars" is a year's money, "In 2021 Bitcoin" a year.
    pub(crate) year_unit_leads: Vec<String>,
    /// Folded words before a number that make it a number of something, an
    /// identifier ("n° 5", "No. 1", "article 49.3").
    pub(crate) code_leads: Vec<String>,
    /// Folded words before an hour without minutes that make it a time of
    /// day ("à 9h", "at 9h"); read with the fallback languages' (see
    /// [`super::Lexicon::with_fallback`]).
    pub(crate) clock_leads: Vec<String>,
    /// Folded words between two years that make the second a year too
    /// ("de 2014 à 2017", "2019 and 2020"); read with the fallback
    /// languages'.
    pub(crate) year_pair_links: Vec<String>,
    /// Folded words between a day and a date that make the day a date too
    /// ("les 2 et 3 décembre"); read with the fallback languages'.
    pub(crate) day_pair_links: Vec<String>,
    /// Folded words that join a lower and an upper bound into a range
    /// ("more than 10 but less than 40"); read with the fallback languages'.
    pub(crate) bound_links: Vec<String>,
    /// Words after "N years" that end an age, matched without ASCII case
    /// ("20 years old", "20-year-old"); read with the fallback languages'.
    pub(crate) age_suffixes: Vec<String>,
    /// Folded ordinal suffixes that may follow a Roman numeral of one
    /// letter ("Ier", "Ve"; "Inde" is no ordinal); read with the fallback
    /// languages'.
    pub(crate) one_letter_roman_suffixes: Vec<String>,
    /// Beginnings of the verbs of a change, in lower case with their
    /// accents ("passé", "rose"; "baissé" is no "baisse"): "de 30 à 50
    /// euros" after one is a value before and a value after, no range.
    pub(crate) change_verbs: Vec<String>,
    /// Beginnings of the verbs of a fall, as `change_verbs`: a change only
    /// when the second value is the smaller ("baissé de 12 à 9 %"); before
    /// a larger one they give an amount ("baissé de 3 à 5 %": by 3 to 5).
    pub(crate) fall_verbs: Vec<String>,
    /// Folded openers of a range that open the value before a change
    /// ("de", "from"; not "entre").
    pub(crate) change_links: Vec<String>,
    /// Folded determiners that open a noun phrase before "de N ans" ("le
    /// journaliste de 88 ans"): the phrase names a person, and the figure
    /// is an age, unless its noun is one of `length_nouns`.
    pub(crate) person_determiners: HashSet<String>,
    /// Folded phrases before a bare number that make it an age in years
    /// ("at the age of 13", "under the age 20").
    pub(crate) bare_age_leads: Vec<String>,
    /// Folded nouns of a length of time or of a limit ("une peine de 5
    /// ans", "au bout de 2 ans"): "de N ans" after them is a duration.
    pub(crate) length_nouns: HashSet<String>,
    /// Folded words of a score or a win–loss record ("record", "bilan"):
    /// "5–18" after one is two counts, no range.
    pub(crate) score_words: Vec<String>,
    /// Weekday names as messages written in this language print them,
    /// Monday first (empty, or seven names).
    pub(crate) weekday_names: Vec<String>,
    /// How the language writes numbers and dates.
    pub(crate) conventions: Conventions,
    /// The words that tell a number that labels from one that counts.
    pub(crate) labels: super::labels::Labels,
    /// The words that tell how the figures of a sentence relate.
    pub(crate) structure: super::structure::Structure,
}
