//! The time of a count: the hour or the part of the day a figure was true
//! at ("à 17 h", "at 5 pm", "à la mi-journée", "samedi soir", "à la même
//! heure"), and whether it is provisional, revised or final ("bilan
//! provisoire", "nouveau bilan", "final toll").
//!
//! The words are the data of each `rules/lang/<code>/time.toml` (`[time]`),
//! merged over languages. A sentence is read once ([`TimeWords::read`]):
//!
//! - a **clock time** is an hour written after a lead ("à", "vers", "at",
//!   "as of") and followed by an hour word ("17 h", "17h30"), a colon and
//!   minutes ("5:30") or a half-day word ("5 pm"), or a clock word ("à
//!   midi", "at noon"); a zone may follow ("20h00 GMT"). An hour without a
//!   lead ("entre 18H00 et 9H00", a span of work hours) is no time of a
//!   count, nor is one followed by a word that makes it a distance ("à 2
//!   heures de route");
//! - a **part of the day** is a phrase ("dans la matinée", "en fin de
//!   journée", "in the evening"), or a part word right after a day named
//!   by the period words ("samedi soir", "hier matin");
//! - **the same moment** ("à la même heure") is the moment of the count
//!   before it in the document;
//! - a **status** phrase gives the counts of its sentence within
//!   [`STATUS_DISTANCE`] words that status ("au moins" is a qualifier, not
//!   a status); a revision verb ("revu à la hausse") only in a sentence
//!   that names a count ("bilan", "chiffre").
//!
//! A time is the moment of the nearest count of its sentence in the same
//! clause when no other count stands between them, within [`MAX_DISTANCE`]
//! words: "À 17 h, 124 000 manifestants, contre 98 000 l'an dernier" gives
//! 17:00 to 124 000 only. A time after the count follows it without a
//! comma; one before it may open the sentence with one ("À 17 h, …") but
//! not reach over a bracket, a colon or a semicolon. A part of a day that
//! is a habit ("le dimanche soir") or the start of a state ("depuis
//! mercredi matin") is no moment.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

use super::tokens::{key_hash, phrase_key, word_hash, PhraseHashes, Tokens, PHRASE_MAX};

/// Most words between a time and the count it dates.
pub(crate) const MAX_DISTANCE: usize = 15;

/// Most words between a count and the time its attribution names after
/// it ("…, selon un bilan établi par l'AFP à partir de sources officielles
/// mardi à 19H00 GMT"); or, when a comma opens the attribution, between
/// the count and the attribution and between the attribution and the time:
/// after a comma, an attribution is of the whole clause ("au moins 490.771
/// morts dans le monde depuis que la Chine a fait officiellement état de
/// l'apparition de la maladie en décembre, selon un bilan établi par l'AFP
/// à partir de sources officielles vendredi à 19H00 GMT").
pub(crate) const ATTRIBUTED_DISTANCE: usize = 30;

/// Most words between a status phrase and the count it qualifies: "Le
/// bilan provisoire est de 4 enfants décédés, neuf blessés graves et onze
/// blessés légers", but not a count two clauses further.
pub(crate) const STATUS_DISTANCE: usize = 20;

/// Most words between a record word and "depuis" ("le chiffre le plus bas
/// depuis le 18 mars").
const RECORD_BEFORE: usize = 4;

/// How final a count is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Status {
    /// "bilan provisoire", "selon un premier bilan", "preliminary toll".
    Provisional,
    /// "nouveau bilan", "revu à la hausse", "revised", "updated toll".
    Revised,
    /// "bilan définitif", "final toll".
    Final,
}

impl Status {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Status::Provisional => "provisional",
            Status::Revised => "revised",
            Status::Final => "final",
        }
    }
}

/// When in its day a count was made: a clock time, or a part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Moment {
    pub(crate) hour: Option<u8>,
    pub(crate) minute: Option<u8>,
    /// Index into [`TimeWords::part_names`].
    pub(crate) part: Option<u8>,
    /// Index into [`TimeWords::zone_names`].
    pub(crate) zone: Option<u8>,
}

/// A time found in a sentence, with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// `None` for "the same moment as the count before".
    pub(crate) moment: Option<Moment>,
}

/// What a sentence says about the time of its counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SentenceTime {
    /// Clock times, parts of the day and "same moment" marks, in order.
    pub(crate) marks: Vec<Mark>,
    /// Status phrases: first token and status.
    pub(crate) statuses: Vec<(usize, Status)>,
    /// The sentence announces something to come ("sera", "will", "prévu").
    pub(crate) future: bool,
    /// Days back named by a phrase, with the phrase's byte start: before
    /// the publication date ("avant-hier"), or before the date written
    /// before it in the sentence when `true` ("la veille").
    pub(crate) days_back: Option<(usize, u32, bool)>,
    /// Byte spans of the words that put a named day after the
    /// publication date ("prochain", "next").
    pub(crate) forward: Vec<(usize, usize)>,
    /// A weekday of the sentence is said to come ("samedi prochain", "next
    /// Saturday").
    pub(crate) forward_day: bool,
    /// Byte spans of the words that put a named month before the
    /// publication date ("en mai dernier", "last May").
    pub(crate) backward: Vec<(usize, usize)>,
    /// Byte ends of the words that make a date the start of a period up to
    /// the publication date ("depuis", "since").
    pub(crate) since: Vec<usize>,
    /// Byte ends of "depuis"/"since" after a record word: the date after
    /// them is compared with, it dates nothing.
    pub(crate) compared: Vec<usize>,
    /// Byte starts of the words a time does not reach over ("contre").
    pub(crate) barriers: Vec<usize>,
    /// First tokens of the phrases that attribute a count to its source
    /// ("selon", "a annoncé", "according to").
    pub(crate) attributions: Vec<usize>,
}

/// Phrases of the time data, by token key.
#[derive(Debug, Clone)]
struct Phrases<V> {
    keys: HashMap<String, V>,
    /// [`key_hash`] of each of `keys`: a length at which no phrase starts
    /// costs no string look-up.
    key_hashes: rustc_hash::FxHashSet<u64>,
    /// [`word_hash`] of the first word of every phrase, with the most
    /// tokens a phrase starting with it has: a token no phrase starts with
    /// is passed over in one look-up, and one that does is tried at the
    /// lengths of its own phrases only.
    firsts: HashMap<u64, usize>,
    /// The low byte of each of `firsts`, as bits: most tokens are passed
    /// over on one bit, before any look-up.
    first_bytes: [u64; 4],
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            keys: HashMap::default(),
            key_hashes: Default::default(),
            firsts: HashMap::default(),
            first_bytes: [0; 4],
        }
    }
}

impl<V: Copy> Phrases<V> {
    fn add(&mut self, phrase: &str, v: V) {
        let k = phrase_key(phrase);
        if k.is_empty() {
            return;
        }
        let len = k.split(' ').count();
        let h = word_hash(k.split(' ').next().unwrap_or_default());
        self.first_bytes[(h as u8 >> 6) as usize] |= 1 << (h & 63);
        let longest = self.firsts.entry(h).or_insert(0);
        *longest = (*longest).max(len);
        self.key_hashes.insert(key_hash(&k));
        self.keys.insert(k, v);
    }

    /// The longest phrase starting at token `i`: its end token and value.
    /// The test of the first word's low byte is inlined where it is called.
    #[inline(always)]
    fn at(&self, toks: &Tokens, i: usize) -> Option<(usize, V)> {
        let h = toks.toks.get(i)?.hash;
        if self.first_bytes[(h as u8 >> 6) as usize] & (1 << (h & 63)) == 0 {
            return None;
        }
        self.longest_at(toks, i, h)
    }

    /// [`Phrases::at`] past the test of the low byte of `h`, the hash of
    /// token `i`.
    fn longest_at(&self, toks: &Tokens, i: usize, h: u64) -> Option<(usize, V)> {
        let longest = (*self.firsts.get(&h)?).min(toks.toks.len().saturating_sub(i));
        // A table whose phrases from this word are all one word long
        // holds it (or a word of the same hash): its key is looked up.
        let hashes =
            (1 < longest && longest <= PHRASE_MAX).then(|| PhraseHashes::new(toks, i, longest));
        (1..=longest).rev().find_map(|len| {
            if hashes
                .as_ref()
                .is_some_and(|h| !self.key_hashes.contains(&h.of(len)))
            {
                return None;
            }
            self.keys.get(toks.key(i..i + len)).map(|&v| (i + len, v))
        })
    }

    /// [`Phrases::at`] for a token whose hash [`TimeWords::tables`] gives
    /// this table's bit `bit` of `mask`: none when the bit is clear.
    #[inline(always)]
    fn at_in(&self, mask: u16, bit: u16, toks: &Tokens, i: usize) -> Option<(usize, V)> {
        if mask & bit == 0 {
            return None;
        }
        self.longest_at(toks, i, toks.toks[i].hash)
    }
}

/// The words of `[time]` in a language's `time.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct TimeDef {
    /// Words right before a clock time that make it the time of a count.
    leads: Vec<String>,
    /// Phrases that end in a lead but make what follows no time of a count
    /// ("il y a 3 heures": a time ago).
    not_leads: Vec<String>,
    /// Words after an hour that make it a clock time ("h", "heures").
    hour_words: Vec<String>,
    /// Half-day words after an hour and the hours they add ("pm" = 12).
    half_days: BTreeMap<String, u8>,
    /// Words that are a clock time by themselves ("midi" = 12).
    clock_words: BTreeMap<String, u8>,
    /// Words after a clock time that make it a distance or a duration ("à 2
    /// heures de route").
    not_after_clock: Vec<String>,
    /// Time zones written after a clock time, as reports name them.
    zones: BTreeMap<String, String>,
    /// Words a time does not reach over to date a count: what follows
    /// them is compared with, not dated by it ("à 20h, contre 62,2 % en
    /// 2014").
    not_across: Vec<String>,
    /// Phrases for "the same moment as the count before".
    same_moment: Vec<String>,
    /// Phrases that name a part of the day, and which.
    parts: BTreeMap<String, String>,
    /// Words that name a part of the day right after a named day ("soir" in
    /// "samedi soir").
    day_parts: BTreeMap<String, String>,
    /// Words before a day that make its part of the day a habit ("le
    /// dimanche soir": every Sunday), not a moment.
    habitual: Vec<String>,
    /// Phrases that give a count's status.
    status: BTreeMap<String, Status>,
    /// Phrases that give a status only in a sentence that names a count
    /// ([`TimeDef::count_nouns`]): "revu à la hausse" says a toll was
    /// revised, not a car's weight lowered.
    status_of_counts: BTreeMap<String, Status>,
    /// Nouns that name a count or a toll ("bilan", "chiffre", "toll").
    count_nouns: Vec<String>,
    /// Words after a weekday or a date that put it after the publication
    /// date ("samedi prochain").
    forward: Vec<String>,
    /// Words next to a month named without its year that put it before the
    /// publication date ("en mai dernier", "last May").
    backward: Vec<String>,
    /// Words of a sentence that announce something to come.
    future: Vec<String>,
    /// Words before a date that make it the start of a period that runs to
    /// the publication date ("depuis le 17 mars").
    since: Vec<String>,
    /// Words that, a few words before "depuis", make it the term of a
    /// comparison ("le plus bas depuis le 18 mars", "record").
    records: Vec<String>,
    /// Phrases that name a day before the publication date, and how many
    /// days before ("avant-hier").
    days_back: BTreeMap<String, u32>,
    /// Phrases that name a day before the date just written, else before
    /// the publication date ("la veille", "the day before").
    days_before: BTreeMap<String, u32>,
    /// Words after such a phrase that tie it to another event ("la veille
    /// du scrutin"): the phrase then names no day.
    not_after_days_back: Vec<String>,
    /// Phrases after a count that attribute it to its source: a day named
    /// in the attribution dates the count ("selon le bilan communiqué
    /// jeudi par le ministère", "officials said on Thursday").
    attribution: Vec<String>,
    /// Words that may stand between a comma and a date in a time phrase of
    /// its own, which dates the clause after it ("…, et, en mai 2008,
    /// plus de 138.000"); any other word makes it an aside.
    clause_openers: Vec<String>,
    /// Sentences with the time of a count figcheck must read in them.
    examples: Vec<TimeExample>,
}

/// A sentence, its publication date, one of its figures and what figcheck
/// must read as the figure's period, time of count and status.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub(crate) struct TimeExample {
    pub(crate) lang: String,
    pub(crate) text: String,
    pub(crate) published: String,
    /// The figure as written.
    pub(crate) figure: String,
    /// `YYYY-MM-DD`, or `YYYY-MM-DD/YYYY-MM-DD`; not checked when absent.
    #[serde(default)]
    pub(crate) period: Option<String>,
    /// As reports write it; absent means none.
    #[serde(default)]
    pub(crate) time_of_count: Option<String>,
    #[serde(default)]
    pub(crate) status: Option<Status>,
}

/// The time words of every language.
#[derive(Debug, Clone, Default)]
pub(crate) struct TimeWords {
    leads: Phrases<()>,
    not_leads: Phrases<()>,
    hour_words: Phrases<()>,
    half_days: Phrases<u8>,
    clock_words: Phrases<u8>,
    not_after_clock: Phrases<()>,
    zones: Phrases<u8>,
    pub(crate) zone_names: Vec<String>,
    same_moment: Phrases<()>,
    not_across: Phrases<()>,
    parts: Phrases<u8>,
    day_parts: Phrases<u8>,
    pub(crate) part_names: Vec<String>,
    habitual: Phrases<()>,
    status: Phrases<Status>,
    status_of_counts: Phrases<Status>,
    /// The phrases of `status` and `status_of_counts`, folded: the words
    /// of a status ("nouveau bilan") say nothing else of the count, as an
    /// increment ("nouveaux morts") would.
    pub(crate) status_phrases: Vec<String>,
    count_nouns: Phrases<()>,
    forward: Phrases<()>,
    backward: Phrases<()>,
    future: Phrases<()>,
    since: Phrases<()>,
    records: Phrases<()>,
    days_back: Phrases<(u32, bool)>,
    not_after_days_back: Phrases<()>,
    attribution: Phrases<()>,
    clause_openers: Phrases<()>,
    pub(crate) examples: Vec<TimeExample>,
    /// The first-word bits of every table [`TimeWords::read`] looks up at
    /// each token: a token with none of them starts nothing it reads.
    starts: [u64; 4],
    /// [`word_hash`] of each first word of those tables → a bit per table
    /// with a phrase starting with it (the `T_` constants): a token that
    /// passes `starts` is looked up once, then in its own tables only.
    tables: HashMap<u64, u16>,
}

/// The bits of [`TimeWords::tables`], one per table read at each token.
const T_STATUS: u16 = 1;
const T_STATUS_OF_COUNTS: u16 = 1 << 1;
const T_COUNT_NOUNS: u16 = 1 << 2;
const T_FUTURE: u16 = 1 << 3;
const T_FORWARD: u16 = 1 << 4;
const T_BACKWARD: u16 = 1 << 5;
const T_NOT_ACROSS: u16 = 1 << 6;
const T_SINCE: u16 = 1 << 7;
const T_DAYS_BACK: u16 = 1 << 8;
const T_SAME_MOMENT: u16 = 1 << 9;
const T_NOT_LEADS: u16 = 1 << 10;
const T_LEADS: u16 = 1 << 11;
const T_PARTS: u16 = 1 << 12;
const T_DAY_PARTS: u16 = 1 << 13;
const T_ATTRIBUTION: u16 = 1 << 14;

impl TimeDef {
    /// A word of `clock_words` whose hour is past 23, with that hour: no
    /// clock time, and a claim keeps its hour in a byte whose values past
    /// 23 stand for none.
    pub(crate) fn hour_past_day(&self) -> Option<(&str, u8)> {
        self.clock_words
            .iter()
            .find(|&(_, &h)| h > 23)
            .map(|(w, &h)| (w.as_str(), h))
    }
}

impl TimeWords {
    pub(crate) fn add(&mut self, def: &TimeDef) {
        let unit = |p: &mut Phrases<()>, ws: &[String]| ws.iter().for_each(|w| p.add(w, ()));
        unit(&mut self.leads, &def.leads);
        unit(&mut self.not_leads, &def.not_leads);
        unit(&mut self.hour_words, &def.hour_words);
        unit(&mut self.not_after_clock, &def.not_after_clock);
        unit(&mut self.same_moment, &def.same_moment);
        unit(&mut self.not_across, &def.not_across);
        unit(&mut self.forward, &def.forward);
        unit(&mut self.backward, &def.backward);
        unit(&mut self.future, &def.future);
        unit(&mut self.since, &def.since);
        unit(&mut self.records, &def.records);
        unit(&mut self.not_after_days_back, &def.not_after_days_back);
        unit(&mut self.count_nouns, &def.count_nouns);
        unit(&mut self.habitual, &def.habitual);
        unit(&mut self.attribution, &def.attribution);
        unit(&mut self.clause_openers, &def.clause_openers);
        for (w, &s) in &def.status_of_counts {
            self.status_of_counts.add(w, s);
        }
        for (w, &h) in &def.half_days {
            self.half_days.add(w, h);
        }
        for (w, &h) in &def.clock_words {
            self.clock_words.add(w, h);
        }
        for (w, name) in &def.zones {
            let i = index_of(&mut self.zone_names, name);
            self.zones.add(w, i);
        }
        for (w, name) in &def.parts {
            let i = index_of(&mut self.part_names, name);
            self.parts.add(w, i);
        }
        for (w, name) in &def.day_parts {
            let i = index_of(&mut self.part_names, name);
            self.day_parts.add(w, i);
        }
        for (w, &s) in &def.status {
            self.status.add(w, s);
        }
        self.status_phrases.extend(
            def.status
                .keys()
                .chain(def.status_of_counts.keys())
                .map(|w| crate::lexicon::fold(w)),
        );
        for (w, &n) in &def.days_back {
            self.days_back.add(w, (n, false));
        }
        for (w, &n) in &def.days_before {
            self.days_back.add(w, (n, true));
        }
        self.examples.extend(def.examples.iter().cloned());
        let mut starts = [0u64; 4];
        let mut tables: HashMap<u64, u16> = HashMap::default();
        let mut index = |bits: [u64; 4], firsts: &mut dyn Iterator<Item = u64>, bit: u16| {
            for (s, b) in starts.iter_mut().zip(bits) {
                *s |= b;
            }
            for h in firsts {
                *tables.entry(h).or_insert(0) |= bit;
            }
        };
        macro_rules! table {
            ($t:ident, $bit:expr) => {
                index(
                    self.$t.first_bytes,
                    &mut self.$t.firsts.keys().copied(),
                    $bit,
                )
            };
        }
        table!(status, T_STATUS);
        table!(status_of_counts, T_STATUS_OF_COUNTS);
        table!(count_nouns, T_COUNT_NOUNS);
        table!(future, T_FUTURE);
        table!(forward, T_FORWARD);
        table!(backward, T_BACKWARD);
        table!(not_across, T_NOT_ACROSS);
        table!(since, T_SINCE);
        table!(days_back, T_DAYS_BACK);
        table!(same_moment, T_SAME_MOMENT);
        table!(not_leads, T_NOT_LEADS);
        table!(leads, T_LEADS);
        table!(parts, T_PARTS);
        table!(day_parts, T_DAY_PARTS);
        table!(attribution, T_ATTRIBUTION);
        self.starts = starts;
        self.tables = tables;
    }

    /// True when tokens `from..to` are all words of `[time]
    /// clause_openers` (phrases of several tokens, "jusqu'en", read whole):
    /// a time phrase of its own before a date.
    pub(crate) fn opens_time_phrase(&self, toks: &Tokens, from: usize, to: usize) -> bool {
        let mut k = from;
        while k < to {
            match self.clause_openers.at(toks, k) {
                Some((end, ())) if end <= to => k = end,
                _ => return false,
            }
        }
        true
    }

    /// How reports write a moment: `17:30`, `17:30 GMT`, `evening`.
    pub(crate) fn label(&self, m: &Moment) -> String {
        let mut s = match (m.hour, m.part) {
            (Some(h), _) => format!("{h:02}:{:02}", m.minute.unwrap_or(0)),
            (None, Some(p)) => self.part_names[p as usize].clone(),
            (None, None) => String::new(),
        };
        if let Some(z) = m.zone {
            s.push(' ');
            s.push_str(&self.zone_names[z as usize]);
        }
        s
    }

    /// What sentence `toks` says about the time of its counts.
    /// `is_day(i)` tells whether token `i` names a day ("samedi", "hier").
    pub(crate) fn read(
        &self,
        text: &str,
        toks: &Tokens,
        is_day: impl Fn(usize) -> bool,
    ) -> SentenceTime {
        let mut st = SentenceTime::default();
        let n = toks.toks.len();
        let span = |a: usize, b: usize| (toks.toks[a].start, toks.toks[b - 1].end);
        let mut i = 0;
        let mut of_counts = Vec::new();
        // The token just after the last "depuis"/"since".
        let mut since_at = None;
        let mut names_count = false;
        while i < n {
            // Most tokens start no phrase of any table read here.
            let h = toks.toks[i].hash;
            if self.starts[(h as u8 >> 6) as usize] & (1 << (h & 63)) == 0 {
                i += 1;
                continue;
            }
            let Some(&mask) = self.tables.get(&h) else {
                i += 1;
                continue;
            };
            if let Some((_, s)) = self.status.at_in(mask, T_STATUS, toks, i) {
                st.statuses.push((i, s));
            }
            if let Some((_, s)) = self
                .status_of_counts
                .at_in(mask, T_STATUS_OF_COUNTS, toks, i)
            {
                of_counts.push((i, s));
            }
            names_count |= self
                .count_nouns
                .at_in(mask, T_COUNT_NOUNS, toks, i)
                .is_some();
            if self.future.at_in(mask, T_FUTURE, toks, i).is_some() {
                st.future = true;
            }
            if let Some((e, _)) = self.forward.at_in(mask, T_FORWARD, toks, i) {
                st.forward.push(span(i, e));
                st.forward_day |= (i > 0 && is_day(i - 1)) || (e < n && is_day(e));
            }
            if let Some((e, _)) = self.backward.at_in(mask, T_BACKWARD, toks, i) {
                st.backward.push(span(i, e));
            }
            if self.not_across.at_in(mask, T_NOT_ACROSS, toks, i).is_some() {
                st.barriers.push(toks.toks[i].start);
            }
            if self
                .attribution
                .at_in(mask, T_ATTRIBUTION, toks, i)
                .is_some()
            {
                st.attributions.push(i);
            }
            if let Some((e, _)) = self.since.at_in(mask, T_SINCE, toks, i) {
                // "le plus bas depuis le 18 mars" compares with a day, it
                // starts no period.
                let record = (i.saturating_sub(RECORD_BEFORE)..i)
                    .any(|k| self.records.at(toks, k).is_some_and(|(e, _)| e <= i));
                if record {
                    st.compared.push(toks.toks[e - 1].end);
                } else {
                    st.since.push(toks.toks[e - 1].end);
                    since_at = Some(e);
                }
            }
            if st.days_back.is_none() {
                if let Some((e, (d, anaphoric))) = self.days_back.at_in(mask, T_DAYS_BACK, toks, i)
                {
                    if e >= n || self.not_after_days_back.at(toks, e).is_none() {
                        st.days_back = Some((toks.toks[i].start, d, anaphoric));
                    }
                }
            }
            if let Some((e, _)) = self.same_moment.at_in(mask, T_SAME_MOMENT, toks, i) {
                let (start, end) = span(i, e);
                st.marks.push(Mark {
                    start,
                    end,
                    moment: None,
                });
                i = e;
                continue;
            }
            if let Some((e, _)) = self.not_leads.at_in(mask, T_NOT_LEADS, toks, i) {
                i = e;
                continue;
            }
            // "de 07H00 à 11H00": a lead right after a clock time ends a
            // span of hours (asked only of a lead).
            let after_clock = || {
                i > 0 && {
                    let prev = toks.key(i - 1..i);
                    prev.starts_with(|c: char| c.is_ascii_digit())
                        || self.hour_words.keys.contains_key(prev)
                        || self.half_days.keys.contains_key(prev)
                }
            };
            if let Some((e, _)) = self
                .leads
                .at_in(mask, T_LEADS, toks, i)
                .filter(|_| !after_clock())
            {
                if let Some((te, m)) = self.clock(text, toks, e) {
                    let (start, end) = span(i, te);
                    st.marks.push(Mark {
                        start,
                        end,
                        moment: Some(m),
                    });
                    i = te;
                    continue;
                }
            }
            // "mardi soir", but not "le dimanche soir" (every Sunday) nor
            // "depuis mercredi matin" (a state since then). The part of a
            // day is looked up first: few tokens are one, and whether the
            // token before names a day costs a folded word.
            let day_part = || {
                let part = self.day_parts.at_in(mask, T_DAY_PARTS, toks, i)?;
                let day = i.checked_sub(1).filter(|&d| is_day(d))?;
                let habitual = day > 0
                    && self
                        .habitual
                        .at(toks, day - 1)
                        .is_some_and(|(e, _)| e == day);
                (!habitual && since_at != Some(day)).then_some(part)
            };
            let part = self
                .parts
                .at_in(mask, T_PARTS, toks, i)
                .filter(|_| since_at != Some(i))
                .or_else(day_part);
            if let Some((e, p)) = part {
                let (start, end) = span(i, e);
                st.marks.push(Mark {
                    start,
                    end,
                    moment: Some(Moment {
                        hour: None,
                        minute: None,
                        part: Some(p),
                        zone: None,
                    }),
                });
                i = e;
                continue;
            }
            i += 1;
        }
        if names_count {
            st.statuses.extend(of_counts);
            st.statuses.sort_by_key(|&(i, _)| i);
        }
        st
    }

    /// A clock time starting at token `i`: its end token and moment.
    fn clock(&self, text: &str, toks: &Tokens, i: usize) -> Option<(usize, Moment)> {
        let n = toks.toks.len();
        if i >= n {
            return None;
        }
        let mut m = Moment {
            hour: None,
            minute: None,
            part: None,
            zone: None,
        };
        let mut k;
        if let Some((e, h)) = self.clock_words.at(toks, i) {
            m.hour = Some(h);
            k = e;
        } else {
            let word = toks.key(i..i + 1);
            let digits = word.bytes().take_while(u8::is_ascii_digit).count();
            if !(1..=2).contains(&digits) {
                return None;
            }
            let hour: u8 = word[..digits].parse().ok()?;
            let rest = &word[digits..];
            k = i + 1;
            let mut clock = false;
            if rest.is_empty() {
                if let Some((e, _)) = self.hour_words.at(toks, k) {
                    clock = true;
                    k = e;
                    if k < n && toks.toks[k].digits && toks.key(k..k + 1).len() == 2 {
                        m.minute = toks.key(k..k + 1).parse().ok();
                        k += 1;
                    }
                } else if k < n
                    && toks.toks[k].digits
                    && toks.key(k..k + 1).len() == 2
                    && &text[toks.toks[k - 1].end..toks.toks[k].start] == ":"
                {
                    m.minute = toks.key(k..k + 1).parse().ok();
                    clock = true;
                    k += 1;
                }
            } else {
                // "17h30", "17h", "5pm": the hour word or half-day glued on.
                let letters = rest.bytes().take_while(|b| !b.is_ascii_digit()).count();
                let (unit, minutes) = rest.split_at(letters);
                let unit_tokens = Tokens::new(unit, (0, unit.len()));
                let is_hour = self.hour_words.at(&unit_tokens, 0).is_some();
                let half = self.half_days.at(&unit_tokens, 0).map(|(_, h)| h);
                if !(is_hour || half.is_some()) {
                    return None;
                }
                if minutes.len() == 2 {
                    m.minute = minutes.parse().ok();
                } else if !minutes.is_empty() {
                    return None;
                }
                clock = true;
                if let Some(h) = half {
                    m.hour = Some(half_day(hour, h)?);
                }
            }
            if m.hour.is_none() {
                if let Some((e, h)) = self.half_days.at(toks, k) {
                    m.hour = Some(half_day(hour, h)?);
                    clock = true;
                    k = e;
                } else {
                    m.hour = Some(hour);
                }
            }
            if !clock || m.hour.is_some_and(|h| h > 23) || m.minute.is_some_and(|x| x > 59) {
                return None;
            }
        }
        if k < n && self.not_after_clock.at(toks, k).is_some() {
            return None;
        }
        if let Some((e, z)) = self.zones.at(toks, k) {
            m.zone = Some(z);
            k = e;
        }
        Some((k, m))
    }
}

/// The status of the nearest status phrase within [`STATUS_DISTANCE`]
/// words of the count at byte span `fig`.
pub(crate) fn status_of(st: &SentenceTime, fig: (usize, usize), toks: &Tokens) -> Option<Status> {
    status_near(st, fig, toks, false)
}

/// [`status_of`] for a figure compared with the count before it ("287 710
/// manifestants selon un nouveau bilan, contre 282 710 annoncés"): a status
/// stated before the figure belongs to that count, so only one after it
/// counts.
pub(crate) fn status_after(
    st: &SentenceTime,
    fig: (usize, usize),
    toks: &Tokens,
) -> Option<Status> {
    status_near(st, fig, toks, true)
}

fn status_near(
    st: &SentenceTime,
    fig: (usize, usize),
    toks: &Tokens,
    after_only: bool,
) -> Option<Status> {
    // Most sentences state no status: no token of the figure to find.
    if st.statuses.is_empty() {
        return None;
    }
    let (a, b) = (toks.first_after(fig.0), toks.first_from(fig.1));
    st.statuses
        .iter()
        .filter(|&&(i, _)| !after_only || i >= b)
        .map(|&(i, s)| (if i < a { a - i } else { i.saturating_sub(b) }, s))
        .filter(|&(d, _)| d <= STATUS_DISTANCE)
        .min_by_key(|&(d, _)| d)
        .map(|(_, s)| s)
}

/// An hour of a half day ("5 pm" = 17, "12 am" = 0).
fn half_day(hour: u8, add: u8) -> Option<u8> {
    if !(1..=12).contains(&hour) {
        return None;
    }
    Some(hour % 12 + add)
}

fn index_of(names: &mut Vec<String>, name: &str) -> u8 {
    match names.iter().position(|n| n == name) {
        Some(i) => i as u8,
        None => {
            names.push(name.to_string());
            (names.len() - 1) as u8
        }
    }
}

/// The mark of the sentence that dates the count at byte span `fig`: the
/// nearest in its clause with no other count nor comparison word
/// ("contre") between them (`counts`: byte starts of the
/// sentence's counts, sorted) and at most [`MAX_DISTANCE`] words away.
pub(crate) fn mark_of(
    st: &SentenceTime,
    fig: (usize, usize),
    counts: &[usize],
    toks: &Tokens,
) -> Option<Mark> {
    let marks = &st.marks;
    let between = |a: usize, b: usize| {
        // A count inside a mark ("5" of "at 5 pm") is part of it.
        counts[counts.partition_point(|&p| p < a)..counts.partition_point(|&p| p < b)]
            .iter()
            .any(|&p| !marks.iter().any(|m| m.start <= p && p < m.end))
    };
    marks
        .iter()
        .filter(|m| m.end <= fig.0 || fig.1 <= m.start)
        .filter_map(|m| {
            let (a, b) = if m.end <= fig.0 {
                (m.end, fig.0)
            } else {
                (fig.1, m.start)
            };
            if between(a, b) || st.barriers.iter().any(|&p| a <= p && p < b) {
                return None;
            }
            let (ta, tb) = (toks.first_from(a), toks.first_after(b));
            let last = tb.min(toks.toks.len().saturating_sub(1));
            let words = toks.first_from(b) - toks.first_from(a);
            // A time in the attribution after the count, across a comma:
            // "au moins 407.914 morts dans le monde …, selon un bilan
            // établi par l'AFP … mardi à 19H00 GMT". The attribution
            // stands between them, no comma after it, no clause break.
            if fig.1 <= m.start {
                let mark_at = toks.first_from(b);
                // Within ATTRIBUTED_DISTANCE words of the count, or of an
                // attribution that a comma opens within as many words of it.
                let attributed = st.attributions.iter().any(|&k| {
                    let of_the_clause = || {
                        toks.toks[k].comma
                            && k - ta <= ATTRIBUTED_DISTANCE
                            && mark_at.saturating_sub(k) <= ATTRIBUTED_DISTANCE
                    };
                    ta <= k
                        && k < tb
                        && (words <= ATTRIBUTED_DISTANCE || of_the_clause())
                        && (k + 1..=last).all(|j| !toks.toks[j].comma)
                });
                if attributed && (ta..=last).all(|j| ta == j || !toks.toks[j].clause_break) {
                    return Some((words, *m));
                }
            }
            // Otherwise the same clause: a time after the count follows it
            // without a comma ("déplorait mardi soir 422 morts", not "200
            // élèves, est fermée depuis mercredi matin"); one before it may
            // open the sentence with a comma ("À 17 h, 124 000
            // manifestants"), but no bracket, colon or semicolon stands
            // between.
            let broken = |k: usize| {
                let t = &toks.toks[k];
                if m.end <= fig.0 {
                    t.clause_break
                } else {
                    t.comma
                }
            };
            if (ta..=last).any(broken) {
                return None;
            }
            (words <= MAX_DISTANCE).then_some((words, *m))
        })
        .min_by_key(|(w, _)| *w)
        .map(|(_, m)| m)
}

#[cfg(test)]
mod tests {
    use crate::claims::claims_of;
    use crate::input::Document;
    use crate::model::Lang;
    use crate::testing::config;

    /// The claim of `figure` in `text` published on `published`.
    fn claim(lang: &str, text: &str, published: &str, figure: &str) -> crate::claims::Claim {
        let cfg = config();
        let mut doc = Document::new("d", text, Some(Lang::new(lang)));
        doc.source.date = Some(published.to_string());
        let claims = claims_of(0, &doc, &cfg.lexicon, &cfg.meanings);
        claims
            .into_iter()
            .find(|c| {
                &text[c.fig.start()..c.fig.end()] == figure
                    || &text[c.fig.num_start()..c.fig.num_end()] == figure
            })
            .unwrap_or_else(|| panic!("no figure `{figure}` in {text}"))
    }

    fn period_text(c: &crate::claims::Claim) -> Option<String> {
        c.period().map(|p| {
            if p.start == p.end {
                p.start.to_string()
            } else {
                format!("{}/{}", p.start, p.end)
            }
        })
    }

    #[test]
    fn examples_of_the_data_read_right() {
        let cfg = config();
        let w = &cfg.meanings.time;
        assert!(w.examples.len() >= 20, "{} examples", w.examples.len());
        let mut wrong = Vec::new();
        for ex in &w.examples {
            let c = claim(&ex.lang, &ex.text, &ex.published, &ex.figure);
            let got = (
                ex.period.as_ref().and(period_text(&c)),
                c.moment().map(|m| w.label(&m)),
                c.status(),
            );
            let want = (ex.period.clone(), ex.time_of_count.clone(), ex.status);
            if got != want {
                wrong.push(format!(
                    "{}\n  `{}`: got {got:?}, want {want:?}",
                    ex.text, ex.figure
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn the_same_moment_is_the_moment_of_the_count_before() {
        let t =
            "À 17 h, 124 000 personnes manifestaient. À la même heure jeudi, elles étaient 98 000.";
        let c = claim("fr", t, "2023-01-19", "98 000");
        let w = &config().meanings.time;
        assert_eq!(c.moment().map(|m| w.label(&m)).as_deref(), Some("17:00"));
        // Nothing before: no moment.
        let t = "À la même heure, 98 000 personnes manifestaient.";
        assert_eq!(claim("fr", t, "2023-01-19", "98 000").moment(), None);
    }

    #[test]
    fn only_the_nearest_count_without_another_between() {
        let t = "À 17 h, 124 000 personnes manifestaient, contre 98 000 l'an dernier.";
        assert!(claim("fr", t, "2023-01-19", "124 000").moment().is_some());
        assert_eq!(claim("fr", t, "2023-01-19", "98 000").moment(), None);
    }
}
