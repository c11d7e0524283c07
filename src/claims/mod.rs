//! Stage 3: claims. A claim is a figure with what it means: the measure it
//! counts (troops, deaths, missions...), what happened to the counted
//! (killed, arrested, deployed...), their side, the places and the period,
//! the sentence it stands in and the document it comes from.
//!
//! ## When two claims are about the same quantity
//!
//! Claims are bucketed by `Key`: measure, role and side, as read from the
//! text (an unknown side is part of the key, so "three soldiers" and "three
//! US soldiers" are not matched). Within a bucket, `Claim::relation` says
//! whether two claims are about the same quantity:
//!
//! - `Different` when their places are both known and disjoint (a place
//!   within another counts as overlapping: Baghdad is in Iraq), or their
//!   periods are both known and do not overlap;
//! - `Strong` when places and periods are both known and agree: the same
//!   places, and the same period or two periods of a month or less that
//!   overlap;
//! - `Weak` otherwise (a place or a period is unknown on one side).
//!
//! Bucketing makes comparing N claims cost O(N) buckets, not O(N²) pairs.

pub(crate) mod authority;
pub(crate) mod elided;
pub(crate) mod meaning;
pub(crate) mod moment;
pub(crate) mod period;
pub(crate) mod sentence;
pub(crate) mod source;
pub(crate) mod structure;
pub(crate) mod tokens;

use rustc_hash::FxHashMap as HashMap;

use rust_decimal::Decimal;

use crate::extract::extract;
use crate::input::Document;
use crate::lexicon::Lexicon;
use crate::model::{Figure, Kind, Ymd};
pub use meaning::Meanings;
pub(crate) use meaning::{Change, FigureTokens, Places, SentenceMeaning, Span};
pub(crate) use moment::{Moment, Status};
pub(crate) use period::Period;
use period::{claim_period, inherited_period, period_of_date, LastStated, Stated};

/// The places the sentence `text[sentence.0..sentence.1]` names (not by an
/// adjective, not its dateline), as their ids: "Grande-Bretagne" and
/// "Royaume-Uni" name one.
pub(crate) fn places_named_in(text: &str, sentence: (usize, usize), m: &Meanings) -> Vec<u16> {
    let mut toks = tokens::Tokens::default();
    toks.fill(text, sentence);
    let sm = m.sentence(text, &toks, &[]);
    sm.places
        .iter()
        .filter(|(_, name)| *name)
        .map(|(p, _)| p.id)
        .collect()
}

/// A figure in its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Index of the document in the corpus.
    pub(crate) doc: u32,
    pub fig: Figure,
    /// Byte span of the sentence the figure stands in, read by
    /// [`Claim::sentence`].
    sentence: (u32, u32),
    /// What the claim measures, index into [`Meanings::measures`]: the
    /// counted noun's measure, turned by the role where the lexicon says so
    /// ("137 militants tués" measures deaths).
    /// Read by [`Claim::measure`].
    measure: OptIndex,
    /// The measure of the counted noun itself ("militants": fighters), read
    /// by [`Claim::counted`].
    counted: OptIndex,
    /// Read by [`Claim::role`].
    role: OptIndex,
    /// The role as far as it tells quantities apart, read by
    /// [`Claim::key_role`].
    key_role: OptIndex,
    /// Read by [`Claim::side`].
    side: OptIndex,
    /// The party the text attributes the figure to, read by
    /// [`Claim::authority`]: a byte, [`NO_AUTHORITY`] for none (the parties
    /// are a handful, and the claim stays small).
    authority: u8,
    /// Every place the claim covers ("en Irak et en Syrie").
    pub(crate) places: Places,
    /// The period the claim is about, read by [`Claim::period`].
    period: PackedPeriod,
    /// The claim repeats one already made in the same document (a sentence
    /// printed twice): index of the first claim, read by
    /// [`Claim::repeat_of`]; [`NO_REPEAT`] for none.
    repeat_of: u32,
    /// The figure stands in boilerplate (menu, footer, teaser, address).
    pub(crate) boilerplate: bool,
    /// Whether the figure states a change ("13 nouveaux décès"), not a
    /// level, and which kind (a rate per year holds from one day to the
    /// next), and whether the count is provisional, revised or final: read
    /// by [`Claim::change`], [`Claim::delta`] and [`Claim::status`].
    change_status: ChangeStatus,
    /// The text states the period (a date, a year, "au premier semestre"
    /// in the sentence or just before), rather than leaving it to the time
    /// of writing.
    pub(crate) period_stated: bool,
    /// When in its day the count was made ("à 17 h", "samedi soir"), read
    /// by [`Claim::moment`].
    moment: PackedMoment,
}

/// The bucket of comparable claims: same measure, role and side, and both
/// levels or both changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Key {
    pub(crate) measure: u16,
    pub(crate) role: Option<u16>,
    pub(crate) side: Option<u16>,
    pub(crate) delta: bool,
}

/// How sure a match between two claims of the same key is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Relation {
    /// Different periods: not the same quantity.
    Different,
    /// Same key; one period unknown.
    Weak,
    /// Same key and overlapping known periods.
    Strong,
}

/// A claim's period in 12 bytes instead of 28: its years, and its months
/// and days as bytes. Every period is made of valid dates (months 1 to 12,
/// days 1 to 31), so a month of 0 marks no period.
#[derive(Clone, Copy, PartialEq, Eq)]
struct PackedPeriod {
    years: [i32; 2],
    /// Start month, start day, end month, end day.
    parts: [u8; 4],
}

impl PackedPeriod {
    const NONE: PackedPeriod = PackedPeriod {
        years: [0; 2],
        parts: [0; 4],
    };

    fn new(p: Option<Period>) -> Self {
        let Some(p) = p else {
            return PackedPeriod::NONE;
        };
        let byte = |x: u32| u8::try_from(x).ok().filter(|&b| b > 0);
        match (
            byte(p.start.month),
            byte(p.start.day),
            byte(p.end.month),
            byte(p.end.day),
        ) {
            (Some(a), Some(b), Some(c), Some(d)) => PackedPeriod {
                years: [p.start.year, p.end.year],
                parts: [a, b, c, d],
            },
            _ => {
                debug_assert!(false, "a period of invalid dates: {p:?}");
                PackedPeriod::NONE
            }
        }
    }

    fn get(self) -> Option<Period> {
        let [a, b, c, d] = self.parts;
        (a != 0).then(|| Period {
            start: Ymd {
                year: self.years[0],
                month: a.into(),
                day: b.into(),
            },
            end: Ymd {
                year: self.years[1],
                month: c.into(),
                day: d.into(),
            },
        })
    }
}

/// Written as the `Option<Period>` it stands for.
impl std::fmt::Debug for PackedPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

/// An index into one of the tables of [`Meanings`] (measures, roles,
/// sides), or none, in two bytes rather than the four of an
/// `Option<u16>`: [`Meanings`] refuses at load a table whose indices would
/// reach `u16::MAX`, the value that stands for none.
#[derive(Clone, Copy, PartialEq, Eq)]
struct OptIndex(u16);

impl OptIndex {
    fn new(i: Option<u16>) -> Self {
        debug_assert!(i != Some(u16::MAX), "an index past the tables' bound");
        OptIndex(i.unwrap_or(u16::MAX))
    }

    fn get(self) -> Option<u16> {
        (self.0 != u16::MAX).then_some(self.0)
    }
}

/// Written as the `Option<u16>` it stands for.
impl std::fmt::Debug for OptIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

/// A claim with no party: [`Meanings`] holds fewer parties than that.
pub(crate) const NO_AUTHORITY: u8 = u8::MAX;

/// A claim's `Option<Moment>` in four bytes rather than eight: hour,
/// minute, part of the day and zone, [`PackedMoment::NO_PART`] for a part
/// none. An hour is at most 23 and a minute at most 59
/// ([`crate::claims::moment`] reads no other clock time, and [`Meanings`]
/// refuses at load a clock word past 23 hours), so an hour byte of
/// [`PackedMoment::NO_HOUR`] marks no hour and one of
/// [`PackedMoment::NO_MOMENT`] no moment at all; the names of the parts of
/// the day and of the zones are fewer than `u8::MAX`
/// ([`moment::TimeWords`] refuses more at load).
#[derive(Clone, Copy, PartialEq, Eq)]
struct PackedMoment([u8; 4]);

impl PackedMoment {
    const NO_MOMENT: u8 = u8::MAX - 1;
    const NO_HOUR: u8 = u8::MAX;
    const NO_PART: u8 = u8::MAX;

    fn new(m: Option<Moment>) -> Self {
        let Some(m) = m else {
            return PackedMoment([Self::NO_MOMENT, 0, 0, 0]);
        };
        debug_assert!(m.hour.is_none_or(|h| h < 24) && m.minute.is_none_or(|x| x < 60));
        PackedMoment([
            m.hour.unwrap_or(Self::NO_HOUR),
            m.minute.unwrap_or(Self::NO_PART),
            m.part.unwrap_or(Self::NO_PART),
            m.zone.unwrap_or(Self::NO_PART),
        ])
    }

    fn get(self) -> Option<Moment> {
        let [h, mi, p, z] = self.0;
        let byte = |b: u8| (b != Self::NO_PART).then_some(b);
        (h != Self::NO_MOMENT).then(|| Moment {
            hour: (h != Self::NO_HOUR).then_some(h),
            minute: byte(mi),
            part: byte(p),
            zone: byte(z),
        })
    }
}

/// Written as the `Option<Moment>` it stands for.
impl std::fmt::Debug for PackedMoment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

/// A claim's change and status in one byte rather than one each: the
/// change in the two low bits (none, [`Change::Any`], [`Change::Yearly`]),
/// the status in the two above them (none, [`Status::Provisional`],
/// [`Status::Revised`], [`Status::Final`]).
#[derive(Clone, Copy, PartialEq, Eq)]
struct ChangeStatus(u8);

impl ChangeStatus {
    fn new(change: Option<Change>, status: Option<Status>) -> Self {
        let c = match change {
            None => 0,
            Some(Change::Any) => 1,
            Some(Change::Yearly) => 2,
        };
        let s = match status {
            None => 0,
            Some(Status::Provisional) => 1,
            Some(Status::Revised) => 2,
            Some(Status::Final) => 3,
        };
        ChangeStatus(c | s << 2)
    }

    fn change(self) -> Option<Change> {
        match self.0 & 3 {
            1 => Some(Change::Any),
            2 => Some(Change::Yearly),
            _ => None,
        }
    }

    fn status(self) -> Option<Status> {
        match self.0 >> 2 {
            1 => Some(Status::Provisional),
            2 => Some(Status::Revised),
            3 => Some(Status::Final),
            _ => None,
        }
    }
}

/// Written as the change and the status it stands for.
impl std::fmt::Debug for ChangeStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (self.change(), self.status()).fmt(f)
    }
}

/// No claim: the index of no claim (a corpus holds fewer than `u32::MAX`).
const NO_REPEAT: u32 = u32::MAX;

impl Claim {
    /// What the claim measures, index into [`Meanings::measures`]: the
    /// counted noun's measure, turned by the role where the lexicon says so
    /// ("137 militants tués" measures deaths).
    pub(crate) fn measure(&self) -> Option<u16> {
        self.measure.get()
    }

    /// The measure of the counted noun itself ("militants": fighters).
    pub(crate) fn counted(&self) -> Option<u16> {
        self.counted.get()
    }

    /// What happened to the counted, index into [`Meanings::roles`].
    pub(crate) fn role(&self) -> Option<u16> {
        self.role.get()
    }

    /// The role as far as it tells quantities apart: none when the measure
    /// already says it ("412 personnes interpellées" counts arrests as
    /// "287 interpellations" does; "12 morts" and "40 décès" both count
    /// deaths).
    pub(crate) fn key_role(&self) -> Option<u16> {
        self.key_role.get()
    }

    /// The side of the counted, index into [`Meanings::sides`].
    pub(crate) fn side(&self) -> Option<u16> {
        self.side.get()
    }

    /// The party the text attributes the figure to ("selon la préfecture",
    /// "organizers said"), index into [`Meanings::authorities`].
    pub(crate) fn authority(&self) -> Option<u8> {
        (self.authority != NO_AUTHORITY).then_some(self.authority)
    }

    /// When in its day the count was made ("à 17 h", "samedi soir").
    pub(crate) fn moment(&self) -> Option<Moment> {
        self.moment.get()
    }

    /// The single place, when there is exactly one.
    pub(crate) fn place(&self) -> Option<u16> {
        self.places.single()
    }

    /// The claim repeats one already made in the same document (a sentence
    /// printed twice): index of the first claim.
    pub(crate) fn repeat_of(&self) -> Option<u32> {
        (self.repeat_of != NO_REPEAT).then_some(self.repeat_of)
    }

    /// The period the claim is about.
    pub(crate) fn period(&self) -> Option<Period> {
        self.period.get()
    }

    /// Byte span of the sentence the figure stands in.
    pub(crate) fn sentence(&self) -> (usize, usize) {
        (self.sentence.0 as usize, self.sentence.1 as usize)
    }

    /// True when the figure states a change ("13 nouveaux décès"), not a
    /// level.
    pub(crate) fn delta(&self) -> bool {
        self.change().is_some()
    }

    /// Which change the figure states, if any: a rate per year ("55.000
    /// euros par an") holds from one day to the next.
    pub(crate) fn change(&self) -> Option<Change> {
        self.change_status.change()
    }

    /// Whether the count is provisional, revised or final.
    pub(crate) fn status(&self) -> Option<Status> {
        self.change_status.status()
    }

    /// The comparability key, for claims that state a quantity of a known
    /// measure; `None` otherwise.
    pub(crate) fn key(&self) -> Option<Key> {
        if !self.fig.kind.is_quantity() {
            return None;
        }
        Some(Key {
            measure: self.measure()?,
            role: self.key_role(),
            side: self.side(),
            delta: self.delta(),
        })
    }

    /// False when the text attributes the two claims to different parties:
    /// "2.400 selon la préfecture" and "12.000 selon les organisateurs" are
    /// two parties' counts of one crowd, no contradiction. A claim with no
    /// party may be anyone's: news mostly print the official count bare
    /// ("plus de 23.000 personnes" beside "23.000 selon le ministère de
    /// l'Intérieur"), so it is compared with any.
    pub(crate) fn same_authority(&self, other: &Claim) -> bool {
        match (self.authority(), other.authority()) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// False for a figure whose value cannot be trusted for arithmetic:
    /// a repeat, machine-translation debris, an ambiguous separator, a bad
    /// grouping.
    pub(crate) fn usable(&self) -> bool {
        self.repeat_of().is_none()
            && self.fig.debris().is_none()
            && !self.fig.ambiguous
            && !self.fig.bad_grouping
    }

    /// [`Claim::usable`] but for being a repeat: the value itself can be
    /// trusted ("7 milliards d'euros" in a title and again in the text).
    pub(crate) fn with_repeat_usable(&self) -> bool {
        self.fig.debris().is_none() && !self.fig.ambiguous && !self.fig.bad_grouping
    }

    /// The year of the claim's period, when it lies within one year.
    pub(crate) fn year(&self) -> Option<i32> {
        self.period().and_then(|p| p.single_year())
    }

    /// The interval the claim states, open sides as `None`.
    pub(crate) fn interval(&self) -> (Option<Decimal>, Option<Decimal>) {
        self.fig.interval()
    }

    /// True when both claims may be about the same period.
    pub(crate) fn same_period(&self, other: &Claim) -> bool {
        self.relation_of_periods(other) != Relation::Different
    }

    fn relation_of_periods(&self, other: &Claim) -> Relation {
        match (self.period(), other.period()) {
            // The same period, or two short ones that overlap: a figure
            // stated "lundi" and one stated "en 2020" may be of different
            // days of that year.
            (Some(a), Some(b)) if a == b => Relation::Strong,
            (Some(a), Some(b)) if a.overlaps(&b) => {
                if a.days() <= 31 && b.days() <= 31 {
                    Relation::Strong
                } else {
                    Relation::Weak
                }
            }
            (Some(_), Some(_)) => Relation::Different,
            _ => Relation::Weak,
        }
    }

    /// True when one claim counts people of any kind ("23.000 personnes")
    /// and the other people of a particular kind ("23.000 manifestants"),
    /// with no role, side or change between them: the generic count may be
    /// the same quantity.
    pub(crate) fn generic_match(&self, other: &Claim, m: &Meanings) -> bool {
        let (Some(a), Some(b)) = (self.key(), other.key()) else {
            return false;
        };
        let generic = |k: &Key| m.generic.get(k.measure as usize) == Some(&true);
        let specific = |k: &Key| m.is_specific_people(k.measure);
        a.role.is_none()
            && b.role.is_none()
            && a.side == b.side
            && a.delta == b.delta
            && ((generic(&a) && specific(&b)) || (specific(&a) && generic(&b)))
    }

    /// How two claims whose keys match relate (see the module docs): their
    /// counted people, places and periods.
    pub(crate) fn relation_besides_key(&self, other: &Claim, m: &Meanings) -> Relation {
        self.relation_of_places(other, m)
            .min(self.relation_of_periods(other))
    }

    /// How two claims whose keys match relate by their counted people and
    /// places alone.
    pub(crate) fn relation_of_places(&self, other: &Claim, m: &Meanings) -> Relation {
        // "44 miliciens tués" and "3 soldats tués" both count deaths, but
        // not of the same people; a generic count ("personnes") matches any.
        if let (Some(a), Some(b)) = (self.counted(), other.counted()) {
            if a != b && m.is_specific_people(a) && m.is_specific_people(b) {
                return Relation::Different;
            }
        }
        if self.places == other.places && !self.places.is_empty() {
            Relation::Strong
        } else if self.places.is_empty()
            || other.places.is_empty()
            || m.places_overlap(&self.places, &other.places)
        {
            Relation::Weak
        } else {
            Relation::Different
        }
    }

    /// True for claims the rules should consider: not repeats, not
    /// boilerplate.
    pub(crate) fn checkable(&self) -> bool {
        self.repeat_of().is_none() && !self.boilerplate
    }
}

/// Documents with their claims.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub docs: Vec<Document>,
    /// Claims of every document, in document order then position.
    pub claims: Vec<Claim>,
    /// For each document, the range of its claims in `claims`.
    pub(crate) doc_claims: Vec<std::ops::Range<usize>>,
    /// For each document, the byte spans of the sentences of its text
    /// ([`sentence::sentences`]), read once with its claims.
    sentences: Vec<Box<[(u32, u32)]>>,
}

/// Documents read in parallel before their claims join the corpus's.
const READ_BATCH: usize = 256;

/// What reading one document gave: its claims, and the spans of the
/// sentences of its text.
pub(crate) struct DocClaims {
    pub(crate) claims: Vec<Claim>,
    pub(crate) sentences: Box<[(u32, u32)]>,
}

impl Corpus {
    /// Reads the claims of every document, in parallel, in a deterministic
    /// order whatever the number of threads, calling `done` once per
    /// document read (from any thread).
    pub(crate) fn read(
        docs: Vec<Document>,
        lex: &Lexicon,
        m: &Meanings,
        done: &(dyn Fn() + Sync),
    ) -> Corpus {
        let mut corpus = Corpus::default();
        corpus.read_more(docs, lex, m, done);
        corpus.end_reading();
        corpus
    }

    /// Adds `docs` after the documents already read, with their claims
    /// (see [`Corpus::read`]); [`Corpus::end_reading`] closes the corpus
    /// once the last documents are read, so that documents can be given as
    /// they are read.
    ///
    /// Documents are read by batches whose claims are moved into the
    /// corpus's vector as each batch ends, so that only one batch's claims
    /// stand twice in memory (in their document's vector and in the
    /// corpus's).
    pub(crate) fn read_more(
        &mut self,
        docs: Vec<Document>,
        lex: &Lexicon,
        m: &Meanings,
        done: &(dyn Fn() + Sync),
    ) {
        use rayon::prelude::*;
        let first = self.docs.len();
        let n = first + docs.len();
        self.docs.extend(docs);
        self.doc_claims.reserve(n - first);
        self.sentences.reserve(n - first);
        for start in (first..n).step_by(READ_BATCH) {
            let batch = start..(start + READ_BATCH).min(n);
            let read: Vec<DocClaims> = self.docs[batch.clone()]
                .par_iter()
                .zip(batch)
                .map(|(d, i)| {
                    let c = read_document(i as u32, d, lex, m);
                    done();
                    c
                })
                .collect();
            for d in read {
                let base = self.claims.len();
                if base == 0 {
                    // The corpus's first claims: their vector is taken, not
                    // copied (one document of a figure every two bytes
                    // holds a hundred times its size in claims).
                    self.claims = d.claims;
                    self.doc_claims.push(0..self.claims.len());
                    self.sentences.push(d.sentences);
                    continue;
                }
                self.claims.extend(d.claims.into_iter().map(|mut c| {
                    if c.repeat_of != NO_REPEAT {
                        c.repeat_of += base as u32;
                    }
                    c
                }));
                self.doc_claims.push(base..self.claims.len());
                self.sentences.push(d.sentences);
            }
        }
    }

    /// Gives back the spare room of the corpus's vectors, never written,
    /// once every document is read.
    pub(crate) fn end_reading(&mut self) {
        self.claims.shrink_to_fit();
        self.docs.shrink_to_fit();
    }

    /// The byte spans of the sentences of document `d`'s text, in order.
    pub(crate) fn sentences_of(&self, d: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.sentences[d]
            .iter()
            .map(|&(s, e)| (s as usize, e as usize))
    }

    pub(crate) fn doc_of(&self, c: &Claim) -> &Document {
        &self.docs[c.doc as usize]
    }

    /// Checkable claims of a comparable measure, grouped by key; groups and
    /// their claims in a deterministic order.
    pub(crate) fn buckets(&self, meanings: &Meanings) -> Vec<(Key, Vec<usize>)> {
        let mut map: HashMap<Key, Vec<usize>> = HashMap::default();
        for (i, c) in self.claims.iter().enumerate() {
            if !c.checkable() {
                continue;
            }
            if c.measure()
                .is_some_and(|m| meanings.comparable.get(m as usize) == Some(&false))
            {
                continue;
            }
            if let Some(k) = c.key() {
                map.entry(k).or_default().push(i);
            }
        }
        let mut v: Vec<(Key, Vec<usize>)> = map.into_iter().collect();
        v.sort_by_key(|(k, _)| *k);
        v
    }
}

/// Most tokens between a vague count ("des milliers de personnes") and a
/// bare figure after it that puts a number on it.
const VAGUE_REACH: usize = 16;

/// True when the figure starting at byte `start` is set off from what
/// comes before it by an opening bracket or a dash.
fn set_off(text: &str, start: usize) -> bool {
    text.get(..start)
        .and_then(|b| b.trim_end().chars().next_back())
        .is_some_and(|c| matches!(c, '(' | '[' | '-' | '–' | '—'))
}

/// True when `fig` stands alone in round brackets: "(43.575)".
fn bracketed(text: &str, fig: &Figure) -> bool {
    text[..fig.start()].trim_end().ends_with('(') && text[fig.end()..].trim_start().starts_with(')')
}

/// True when `fig` is the next item of a list after claim `p`: right after
/// `p` (its noun, if any) a comma or `p`'s closing bracket ends its item,
/// and then stand no digit and no end of clause, at most [`LIST_ITEM_GAP`]
/// bytes in all (a place and its article: ", le Royaume-Uni (", ") et la
/// France (").
fn list_item_after(text: &str, p: &Claim, fig: &Figure) -> bool {
    let end = p.fig.phrase_end();
    if end > fig.start() || fig.start() - end > LIST_ITEM_GAP {
        return false;
    }
    let gap = &text[end..fig.start()];
    gap.trim_start().starts_with([',', ')'])
        && !gap
            .bytes()
            .any(|b| b.is_ascii_digit() || matches!(b, b'.' | b';' | b':' | b'!' | b'?'))
}

/// The most bytes between two items of a list of figures in brackets.
const LIST_ITEM_GAP: usize = 48;

/// True when all that follows the bare figure at `at` in its clause is when
/// or where it was counted: one or two phrases (a period word, a time of
/// day, a place), each at most one word (a preposition) after what comes
/// before it, and then the end of the clause ("et 224 dimanche", "and 224
/// on Sunday", "puis 224 en fin de journée", "et 224 à Lyon"; not "puis
/// 300 ont été évacués samedi").
fn only_when_or_where(
    at: &meaning::FigureTokens,
    sm: &meaning::SentenceMeaning,
    st: &moment::SentenceTime,
    toks: &tokens::Tokens,
) -> bool {
    let n = toks.toks.len();
    let ends_clause = |k: usize| {
        toks.toks
            .get(k)
            .is_none_or(|t| t.comma || t.stop || t.clause_break)
    };
    // The token spans of the phrases that say when or where.
    let spans: Vec<(usize, usize)> = sm
        .periods
        .iter()
        .chain(sm.places.iter().map(|(m, _)| m))
        .map(|m| (m.ts, m.te))
        .chain(
            st.marks
                .iter()
                .map(|k| (toks.first_from(k.start), toks.first_after(k.end))),
        )
        .collect();
    let mut k = at.after;
    for _ in 0..2 {
        // The longest phrase that starts here or a word on, the earlier
        // start first.
        let Some(&(ts, te)) = spans
            .iter()
            .filter(|&&(ts, te)| ts >= k && ts <= k + 1 && te > ts && te <= n)
            .max_by_key(|&&(ts, te)| (te, std::cmp::Reverse(ts)))
        else {
            return false;
        };
        // Nothing between but a short word (a preposition: "on", "à"),
        // and no break before the phrase.
        if ts > k && toks.toks[k].end - toks.toks[k].start > 3 {
            return false;
        }
        if (k + 1..=ts).any(|j| toks.toks.get(j).is_some_and(|t| t.comma)) {
            return false;
        }
        if ends_clause(te) {
            return true;
        }
        k = te;
    }
    false
}

/// True when the tokens right before token `at` are one of `markers`
/// (folded words joined by spaces).
fn after_marker<'m>(
    toks: &tokens::Tokens,
    at: usize,
    mut markers: impl Iterator<Item = &'m String>,
) -> bool {
    markers.any(|m| {
        let n = m.split(' ').count();
        at >= n
            && at < toks.toks.len()
            && toks.key(at - n..at) == m
            && !toks.toks[at - n + 1..=at].iter().any(|t| t.stop)
    })
}

/// The claims of one document.
pub fn claims_of(doc_idx: u32, doc: &Document, lex: &Lexicon, m: &Meanings) -> Vec<Claim> {
    read_document(doc_idx, doc, lex, m).claims
}

/// The claims of one document, and the sentences of its text.
pub(crate) fn read_document(
    doc_idx: u32,
    doc: &Document,
    lex: &Lexicon,
    m: &Meanings,
) -> DocClaims {
    // A suppression comment's own words hold no claim.
    let read = crate::input::suppression::blank(&doc.text);
    let text = &*read;
    let figures = extract(text, doc.lang, lex);
    let sentences = sentence::sentences(text, &m.abbreviations);
    // The sentences of the text as written: those just read, unless a
    // suppression comment was blanked out of it.
    let spans = |v: &[(usize, usize)]| -> Box<[(u32, u32)]> {
        v.iter().map(|&(s, e)| (s as u32, e as u32)).collect()
    };
    let doc_sentences = if matches!(read, std::borrow::Cow::Borrowed(_)) {
        spans(&sentences)
    } else {
        spans(&sentence::sentences(&doc.text, &m.abbreviations))
    };
    let when = source::document_time(doc, &figures, &m.copyright);
    let boiler = boilerplate_lines(text, &figures, m);
    // Years written in the text (dates and bare years), by position, with
    // the month of a date that names a month but no day ("mai 2020"; 0
    // for none).
    let mut years: Vec<(usize, usize, i32, u32)> = figures
        .iter()
        .filter(|f| f.kind == Kind::Date)
        .filter_map(|f| {
            let d = f.date?;
            let month = match (d.month(), d.day()) {
                (Some(m), None) if (1..=12).contains(&m) => m,
                _ => 0,
            };
            d.year().map(|y| (f.start(), f.end(), y, month))
        })
        .collect();
    years.sort_by_key(|&(p, _, _, _)| p);
    // Dates with a day and a month, by position: the days events happened.
    let days: Vec<(usize, usize, crate::model::DateParts)> = figures
        .iter()
        .filter(|f| f.kind == Kind::Date)
        .filter_map(|f| {
            f.date
                .filter(|d| d.month().is_some() && d.day().is_some())
                .map(|d| (f.start(), f.end(), d))
        })
        .collect();
    // Byte starts of the numbers that label a name ("Europe 1").
    let labels: Vec<usize> = figures
        .iter()
        .filter(|f| f.kind == Kind::Identifier)
        .map(|f| f.num_start())
        .collect();
    // Byte starts of the counts, which a time of day must not reach over.
    let counts: Vec<usize> = figures
        .iter()
        .filter(|f| f.kind.is_quantity())
        .map(|f| f.start())
        .collect();
    let mut last_moment: Option<Moment> = None;
    let mut st = moment::SentenceTime::default();
    let mut claims: Vec<Claim> = Vec::with_capacity(figures.len());
    let mut last = LastStated::default();
    let mut si = 0;
    let mut bi = 0;
    let mut toks = tokens::Tokens::default();
    let mut sm = SentenceMeaning::default();
    let mut tok_sentence = None;
    // The start of the last figure read and its first token.
    let mut prev_at: Option<(usize, usize)> = None;
    for fig in figures {
        while si + 1 < sentences.len() && sentences[si].1 <= fig.num_start() {
            si += 1;
        }
        while bi < boiler.len() && boiler[bi].1 <= fig.num_start() {
            bi += 1;
        }
        let boilerplate = boiler
            .get(bi)
            .is_some_and(|&(s, e)| s <= fig.num_start() && fig.num_start() < e);
        let sentence = sentences.get(si).copied().unwrap_or((0, text.len()));
        if tok_sentence != Some(sentence) {
            toks.fill(text, sentence);
            sm = m.sentence(text, &toks, &labels);
            st = m.time.read(text, &toks, |i| period::names_day(m, &toks, i));
            tok_sentence = Some(sentence);
            prev_at = None;
        }
        // The tokens of a figure of the sentence after the one before it
        // are looked for from that one's first token.
        let lo = match prev_at {
            Some((s, t)) if s <= fig.start() => t,
            _ => 0,
        };
        let at = FigureTokens::new_from(&toks, &fig, lo);
        prev_at = Some((fig.start(), at.start));
        let entity = fig.entity().map(|(s, e)| &text[s..e]);
        let mut counted = entity.and_then(|w| m.measure_of(w));
        if entity.is_none() && fig.kind == Kind::Count {
            // "portant le total des morts ... à 28.289".
            let prev_end = prev_quantity(&claims, sentence).map_or(0, |j| claims[j].fig.end());
            counted = elided::elided_measure(text, sentence, &fig, prev_end, m);
        }
        // "71.104 sont mortes": a figure with no noun, the subject of a
        // role, counts people of any kind with that role.
        let mut subject_role = None;
        if counted.is_none() && entity.is_none() && fig.kind == Kind::Count {
            if let Some(r) = elided::subject_role(text, sentence, &fig, m) {
                counted = m.generic_people();
                subject_role = counted.map(|_| r);
            }
        }
        let mut places = m.places_near(text, &at, &sm, &toks);
        // Counts, amounts and shares are someone's count; ages, dates and
        // times are not.
        let authority = matches!(
            fig.kind,
            Kind::Count | Kind::Percent | Kind::Money | Kind::Measure | Kind::Range
        )
        .then(|| {
            authority::authority_of(
                m,
                text,
                (&sm, &st, &toks),
                &at,
                (fig.start(), fig.end()),
                &counts,
            )
        })
        .flatten();
        let mut compared_role = None;
        let mut compared = false;
        // "12.000 personnes selon les organisateurs, 2.400 selon la
        // préfecture": a bare figure attributed to another party than the
        // count before it in its sentence is that party's count of the same
        // thing, at the same place and time.
        let mut counter_of: Option<usize> = None;
        if counted.is_none() && entity.is_none() && authority.is_some() {
            let prev = prev_quantity(&claims, sentence).map(|j| (j, &claims[j]));
            if let Some((j, p)) = prev.filter(|(_, p)| {
                matches!(p.fig.kind, Kind::Count | Kind::Range)
                    && p.counted().is_some()
                    && p.authority().is_some()
                    && p.authority() != authority
                    && at.start.saturating_sub(toks.first_after(p.fig.end())) <= VAGUE_REACH
            }) {
                counted = p.counted();
                compared_role = p.role();
                places = p.places;
                counter_of = Some(j);
            }
        }
        // "287 710 manifestants, contre 282 710 annoncés la veille": a figure
        // compared with the count before it counts the same thing.
        if counted.is_none() && fig.kind == Kind::Count {
            let prev = prev_quantity(&claims, sentence).map(|j| &claims[j]);
            if let Some(p) = prev.filter(|p| p.fig.kind == Kind::Count && p.counted().is_some()) {
                if elided::compared_with_previous(text, sentence, &fig, p.fig.end(), m) {
                    counted = p.counted();
                    compared_role = p.role();
                    compared = true;
                } else if entity.is_none()
                    && !places.is_empty()
                    && places != p.places
                    && after_marker(
                        &toks,
                        at.start,
                        lex.with_fallback(doc.lang)
                            .flat_map(|l| l.structure.subset_keys.iter()),
                    )
                {
                    // "des milliers de personnes avaient manifesté en
                    // France, dont 15.000 à Paris": a bare figure right
                    // after a subset marker, with a place of its own,
                    // counts what the count before it in its sentence
                    // counts, at that place. (Not "29.155 morts en France,
                    // dont 18.805 à l'hôpital": a part of the same place
                    // is another quantity.)
                    counted = p.counted();
                    compared_role = p.role();
                } else if p.fig.value().is_none()
                    && entity.is_none()
                    && at.start.saturating_sub(toks.first_after(p.fig.end())) <= VAGUE_REACH
                    && (set_off(text, fig.start()) || st.attributions.contains(&at.after))
                {
                    // "Des milliers de personnes se sont rassemblées - 15.000
                    // d'après la préfecture -", "plusieurs milliers de
                    // manifestants (3.500 selon la préfecture)": a bare
                    // figure set off after a vague count of its sentence, or
                    // attributed to a source, puts a number on it. (Not any
                    // bare figure after it: "des centaines de personnes ont
                    // été tuées et quelque 200.000 ont pris la fuite".)
                    counted = p.counted();
                    compared_role = p.role();
                } else if entity.is_none()
                    && elided::coordinated_with_previous(text, sentence, &fig, p.fig.end(), m)
                    && only_when_or_where(&at, &sm, &st, &toks)
                {
                    // "205 interpellations samedi, et 224 dimanche", "205
                    // arrests on Saturday and 224 on Sunday": a bare figure
                    // after a coordinator, with only when or where after
                    // it, leaves out the verb and the noun of the count
                    // before it, and counts what it counts.
                    counted = p.counted();
                    compared_role = p.role();
                } else if entity.is_none()
                    && !places.is_empty()
                    && places != p.places
                    && bracketed(text, &fig)
                    && list_item_after(text, p, &fig)
                {
                    // "Suivent le Brésil avec 58.314 morts, le Royaume-Uni
                    // (43.575), l'Italie (34.744) et la France (29.813)": a
                    // bare figure alone in brackets after a place, an item
                    // of a list whose head states its noun, counts what the
                    // item before it counts, at its own place.
                    counted = p.counted();
                    compared_role = p.role();
                }
            }
        }
        let mut role = subject_role
            .or_else(|| m.role_near(text, &at, &sm, &toks, &fig))
            .or(compared_role);
        if let Some(w) = entity {
            if let Some(r) = m.role_word(w) {
                role = Some(r);
                // Elliptical figures ("137 tués et 30 arrêtés") inherit the
                // counted noun of the claim before them in the sentence.
                if let Some(prev) = claims.last() {
                    // Only people have roles: "30 morts et 12 blessés" are
                    // no 12 deaths.
                    let people = prev
                        .counted()
                        .is_some_and(|c| m.people.get(c as usize) == Some(&true));
                    if prev.sentence() == sentence && people && m.is_role_noun(w) {
                        counted = prev.counted();
                    }
                }
            }
        }
        let role = role.filter(|&r| m.role_applies(r, counted));
        let measure = m.measure_for_role(counted, role);
        let key_role = role.filter(|&r| {
            measure.is_none() || m.role_measure.get(r as usize).copied().flatten() != measure
        });
        let side = m.side_near(&at, &sm, &toks);
        let (period, explicit, carries) = if fig.kind == Kind::Date {
            (fig.date.and_then(period_of_date), true, true)
        } else if let Some(j) = counter_of {
            let p = &claims[j];
            (p.period(), p.period_stated, false)
        } else {
            claim_period(
                text, sentence, &fig, m, &when, &years, &days, &counts, &st, &at, &sm, &toks,
            )
        };
        // A figure with no period of its own continues the discourse: it
        // takes the explicit period of the quantity before it, when that
        // stands in the same or one of the two previous sentences.
        let (period, how) = if explicit || fig.kind == Kind::Date {
            (
                period,
                if explicit {
                    Stated::Explicit
                } else {
                    Stated::Default
                },
            )
        } else {
            match inherited_period(&claims, &last, &sentences, si, sentence) {
                Some(p) => (Some(p), Stated::Inherited),
                None => (period, Stated::Default),
            }
        };
        let how = if fig.kind == Kind::Date {
            Stated::Default
        } else {
            how
        };
        // Counts and amounts have a time of count; ages and durations not.
        let timed = matches!(
            fig.kind,
            Kind::Count
                | Kind::Percent
                | Kind::Money
                | Kind::Measure
                | Kind::Range
                | Kind::Temperature
        );
        if fig.kind.is_quantity() {
            match how {
                // The day of a duration ("depuis trois jours" said on
                // Monday) is the time of speaking, not of the counts after
                // it: only a figure with a time of count passes its period on.
                Stated::Explicit if carries && timed => last.explicit = Some(claims.len()),
                Stated::Explicit => {}
                Stated::Inherited => last.inherited = Some(claims.len()),
                Stated::Default => {}
            }
        }
        let (moment, status) = if timed {
            let mark = moment::mark_of(&st, (fig.start(), fig.end()), &counts, &toks);
            let moment = match counter_of {
                Some(j) => claims[j].moment(),
                None => mark.and_then(|k| k.moment.or(last_moment)),
            };
            if moment.is_some() {
                last_moment = moment;
            }
            let status = if compared {
                moment::status_after(&st, (fig.start(), fig.end()), &toks)
            } else {
                moment::status_of(&st, (fig.start(), fig.end()), &toks)
            };
            (moment, status)
        } else {
            (None, None)
        };
        claims.push(Claim {
            doc: doc_idx,
            fig,
            sentence: (sentence.0 as u32, sentence.1 as u32),
            measure: OptIndex::new(measure),
            counted: OptIndex::new(counted),
            role: OptIndex::new(role),
            key_role: OptIndex::new(key_role),
            side: OptIndex::new(side),
            authority: authority.unwrap_or(NO_AUTHORITY),
            places,
            period: PackedPeriod::new(period),
            repeat_of: NO_REPEAT,
            boilerplate,
            change_status: ChangeStatus::new(m.change_of(text, &at, &sm, &toks), status),
            period_stated: how != Stated::Default,
            moment: PackedMoment::new(moment),
        });
    }
    mark_repeats(text, &mut claims);
    DocClaims {
        claims,
        sentences: doc_sentences,
    }
}

/// The index of the last claim of `claims` that states a quantity, when it
/// stands in `sentence` (the figure read now is after it in that sentence).
fn prev_quantity(claims: &[Claim], sentence: (usize, usize)) -> Option<usize> {
    claims
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, p)| p.sentence() == sentence)
        .find(|(_, p)| p.fig.kind.is_quantity())
        .map(|(j, _)| j)
}

/// Claims of a sentence printed a second time repeat the first ones.
fn mark_repeats(text: &str, claims: &mut [Claim]) {
    let mut by_sentence: HashMap<(usize, usize), Vec<usize>> = HashMap::default();
    for (i, c) in claims.iter().enumerate() {
        by_sentence.entry(c.sentence()).or_default().push(i);
    }
    let mut keys: Vec<(usize, usize)> = by_sentence.keys().copied().collect();
    keys.sort();
    let mut first_of: HashMap<&str, (usize, usize)> = HashMap::default();
    for s in keys {
        let t = text[s.0..s.1].trim();
        match first_of.get(t) {
            Some(first) => {
                let pairs: Vec<(usize, usize)> = by_sentence[&s]
                    .iter()
                    .copied()
                    .zip(by_sentence[first].iter().copied())
                    .collect();
                for (a, b) in pairs {
                    claims[a].repeat_of = b as u32;
                }
            }
            None => {
                first_of.insert(t, s);
            }
        }
    }
}

/// Byte spans of the lines of `text` that are boilerplate: lines the
/// lexicon names (menus, teasers, footers) and short lines holding a phone
/// number or a postal code (addresses). Sorted, disjoint.
pub(crate) fn boilerplate_lines(
    text: &str,
    figures: &[Figure],
    m: &Meanings,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut fi = 0;
    let mut folded = String::new();
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let mut codes = false;
        while fi < figures.len() && figures[fi].num_start() < end {
            let f = &figures[fi];
            if f.num_start() >= start
                && (f.kind == Kind::Phone
                    || (f.kind == Kind::Identifier
                        && f.start() == f.num_start()
                        && text[f.num_start()..f.num_end()].starts_with('0')))
            {
                codes = true;
            }
            fi += 1;
        }
        let words = line.split_whitespace().count();
        // Line starts are short: fold only the head of the line.
        let mut head = line.len().min(m.boilerplate_head());
        while !line.is_char_boundary(head) {
            head -= 1;
        }
        crate::lexicon::fold_into(&line[..head], &mut folded);
        let lexicon_says = m.is_boilerplate_line(&folded, head == line.len());
        if lexicon_says || (codes && words <= 12) {
            out.push((start, end));
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests;
