//! What the rules that compare claims share: their parameters, the
//! conditions for comparing two claims of different documents (same
//! moment, not an increment, sentences that share a name in a large
//! corpus), and the comparison of sources itself.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU8, Ordering};

use rayon::prelude::*;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::interval::{bounds, overlap, reach_past, usable, Bounds};
use super::params::{count, decimal};
use super::story::{names_of, StoryParams};
use super::text::{find_phrase, folded, folded_slice};
use crate::claims::moment::Status;
use crate::claims::period::Period;
use crate::claims::{Claim, Corpus, Key, Meanings, Relation};
use crate::lexicon::{fold_hash, Lexicon, QualifierShape};
use crate::model::Kind;
use crate::rules::{Context, Finding, RuleDef, Severity};

/// Most claims of one key compared per document, in order: the cost of
/// comparing two documents stays constant.
const MAX_PER_DOC: usize = 8;

/// Most documents of one bucket holding national tallies of one place and
/// day compared pair by pair (see [`tally_pairs`]).
const MAX_TALLY_GROUP: usize = 48;

/// The parameters of the rules that compare sources.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct CompareParams {
    /// Extra relative tolerance granted to every figure.
    #[serde(deserialize_with = "decimal")]
    pub(crate) tolerance: Decimal,
    /// Rare proper names two documents of a large corpus must share.
    #[serde(deserialize_with = "count")]
    pub(crate) min_shared_names: usize,
    /// Most days between the publication dates of two documents.
    #[serde(deserialize_with = "count")]
    pub(crate) max_days_apart: usize,
    /// Most days between them for two claims that both date a past event
    /// (see `StoryParams::max_days_past`).
    #[serde(deserialize_with = "count")]
    pub(crate) max_days_past: usize,
    /// Proper names the sentences of two claims share.
    #[serde(deserialize_with = "count")]
    pub(crate) min_shared_sentence_names: usize,
    /// Only claims with a place are compared.
    pub(crate) needs_place: bool,
    /// How sure the match of two claims must be.
    pub(crate) min_relation: MinRelation,
    /// Words next to a figure that make it an increment or a part.
    pub(crate) skip_words: Vec<String>,
    /// A count of people of any kind ("23.000 personnes") is compared with
    /// a count of people of a particular kind ("23.000 manifestants") of the
    /// same place and period. Agreement between them is evidence; a
    /// disagreement is not, since "personnes" may count anyone.
    pub(crate) generic_people: bool,
    /// Two figures that both leave their period to the time of writing
    /// (running tallies: "l'épidémie a fait au moins 28.530 morts en
    /// France") are compared when their documents were published the same
    /// day: two counts of one day, apart by at most that day's growth.
    pub(crate) running_same_day: bool,
    /// Extra relative tolerance granted to each of two such figures, on top
    /// of `tolerance`: the growth of a tally within a day (an article of the
    /// morning prints the evening before's count).
    #[serde(deserialize_with = "decimal")]
    pub(crate) running_tolerance: Decimal,
    /// How far past its bound an open interval reaches ("plus de 27.000":
    /// up to this share above 27.000; "moins de 50": down to 50 divided by
    /// one plus it), when not zero: a count is rounded down to a round
    /// figure, not to a fraction of itself. Zero leaves it open.
    #[serde(deserialize_with = "decimal")]
    pub(crate) open_reach: Decimal,
    /// When not zero, two running tallies of at least this value, each of
    /// one country or continent, the same place, printed the same day, are
    /// compared even when their documents show no one story (see
    /// [`national_tally`]). Zero compares only documents of one story.
    #[serde(deserialize_with = "decimal")]
    pub(crate) national_tally: Decimal,
    /// When not zero, two tolls of an event (a `recounted` measure: the
    /// dead, the injured) printed on different days after it, the event at
    /// most this many days before the earlier printing, neither final nor
    /// both saying when they were made (a time of day: "annoncés samedi
    /// soir"), that disagree are reported as information, not as an error:
    /// a toll is counted again each day after the event ("au moins 100
    /// morts" on Wednesday, "137 morts" on Thursday). Zero reports them as
    /// any conflict.
    #[serde(deserialize_with = "count")]
    pub(crate) running_days: usize,
    /// A revised or final count ("nouveau bilan", "revu à la hausse",
    /// "final toll") and a count of the same quantity that is neither,
    /// printed no later than the revision, that differ at all are reported
    /// as information: the revision and the count it replaced. When false,
    /// such pairs are not compared (a revision is no second source).
    pub(crate) revisions: bool,
    /// The parts of the day (names of `parts` in the time words: "morning",
    /// "midday") during which a day's count still runs: a count made then
    /// and a higher count of the same day printed after it are information
    /// (with `running_days` not zero; see [`during_the_day`]).
    pub(crate) running_parts: Vec<String>,
    /// A count made at a clock time before this hour (not zero) is a count
    /// made during its day, as one of `running_parts`.
    #[serde(deserialize_with = "count")]
    pub(crate) running_before_hour: usize,
}

/// How sure the match of two claims must be (see `claims::Relation`).
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum MinRelation {
    #[default]
    Weak,
    Strong,
}

impl Default for CompareParams {
    fn default() -> Self {
        CompareParams {
            tolerance: Decimal::ZERO,
            min_shared_names: 2,
            max_days_apart: 7,
            max_days_past: 0,
            min_shared_sentence_names: 1,
            needs_place: true,
            min_relation: MinRelation::Weak,
            skip_words: Vec::new(),
            generic_people: false,
            running_same_day: false,
            running_tolerance: Decimal::ZERO,
            open_reach: Decimal::ZERO,
            national_tally: Decimal::ZERO,
            running_days: 0,
            revisions: false,
            running_parts: Vec::new(),
            running_before_hour: 0,
        }
    }
}

impl CompareParams {
    /// When two documents tell the same story.
    pub(crate) fn story(&self) -> StoryParams {
        StoryParams {
            min_shared: self.min_shared_names,
            max_days: i64::try_from(self.max_days_apart).unwrap_or(i64::MAX),
            max_days_past: i64::try_from(self.max_days_past).unwrap_or(i64::MAX),
            min_sentence_names: self.min_shared_sentence_names,
            place_required: self.needs_place,
            min_relation: match self.min_relation {
                MinRelation::Strong => Relation::Strong,
                MinRelation::Weak => Relation::Weak,
            },
            generic_people: self.generic_people,
            running_same_day: self.running_same_day,
            national_tally: self.national_tally,
        }
    }

    /// The interval of claim `c` compared with claim `other`: widened by
    /// the tolerance of the two, an open end closed at `open_reach`.
    pub(crate) fn bounds_of(&self, c: &Claim, other: &Claim, lexicon: &Lexicon) -> Bounds {
        reach_past(
            bounds(c, lexicon, self.tolerance_for(c, other)),
            self.open_reach,
        )
    }

    /// The tolerance granted to two claims compared: `running_tolerance`
    /// more when one leaves its period to the time of writing.
    pub(crate) fn tolerance_for(&self, a: &Claim, b: &Claim) -> Decimal {
        if a.period_stated && b.period_stated {
            self.tolerance
        } else {
            self.tolerance + self.running_tolerance
        }
    }
}

/// True when one of `words` (folded) stands just before the figure or just
/// after its counted noun: `2.000 nouveaux morts`, `692 décès
/// supplémentaires`, `dont 250 décès` (an increment or a part, not the
/// quantity itself).
pub(crate) fn near_words(text: &str, c: &Claim, words: &[String]) -> bool {
    near_words_besides(text, c, words, &[])
}

/// [`near_words`], a word found only inside one of the phrases `besides`
/// (folded) not counted: "nouveau" of "selon un nouveau bilan, 166.000
/// manifestants" names a revision, not new protesters.
pub(crate) fn near_words_besides(
    text: &str,
    c: &Claim,
    words: &[String],
    besides: &[String],
) -> bool {
    if words.is_empty() {
        return false;
    }
    let mut before = folded_slice(
        text,
        c.fig.start().saturating_sub(20).max(c.sentence().0),
        c.fig.start(),
    );
    let from = c.fig.phrase_end();
    let to = (from + 16).min(c.sentence().1).max(from);
    let mut after = folded_slice(text, from, to);
    for span in [&mut before, &mut after] {
        for phrase in besides {
            while let Some(at) = find_phrase(span, phrase) {
                // Spaces for the phrase's bytes: ASCII, so the text stays
                // valid and the words around it stay apart.
                span.replace_range(at..at + phrase.len(), &" ".repeat(phrase.len()));
            }
        }
    }
    words
        .iter()
        .any(|w| find_phrase(&before, w).is_some() || find_phrase(&after, w).is_some())
}

/// True when claim `c` is no count: a threshold, a target or a forecast
/// ("le seuil des 200.000 morts", "la barre terrible des 100.000 morts"),
/// the open bound of a category ("tout rassemblement de plus de 10
/// personnes") or a hypothesis ("35.000 morts auraient pu être évitées").
pub(crate) fn not_a_count(corpus: &Corpus, lexicon: &Lexicon, m: &Meanings, c: &Claim) -> bool {
    let text = &corpus.doc_of(c).text;
    near_words(text, c, &m.thresholds)
        || threshold_noun(corpus, m, c)
        || category_bound(corpus, lexicon, m, c)
        || hypothesis(corpus, m, c)
}

/// True when a threshold noun and its link stand right before the figure
/// in its clause, one word at most between ("franchi la barre terrible des
/// 100.000 morts": `nouns` of `[threshold]`).
fn threshold_noun(corpus: &Corpus, meanings: &Meanings, c: &Claim) -> bool {
    let text = &corpus.doc_of(c).text;
    let before = folded_slice(
        text,
        c.fig.start().saturating_sub(48).max(c.sentence().0),
        c.fig.start(),
    );
    let before = after_last_mark(&before);
    meanings.threshold_noun_before(before)
}

/// True when the figure's clause makes it a hypothesis or a forecast: one
/// of the `hypotheses` words stands before it or after its counted noun,
/// at most [`HYPOTHESIS_REACH`] bytes away, with no punctuation between
/// ("ils prévoyaient jusqu'à 510.000 morts", "plus de 35.000 morts
/// auraient pu être évitées").
fn hypothesis(corpus: &Corpus, meanings: &Meanings, c: &Claim) -> bool {
    let words = &meanings.hypotheses;
    if words.is_empty() {
        return false;
    }
    let text = &corpus.doc_of(c).text;
    let (s, e) = c.sentence();
    let before = folded_slice(
        text,
        c.fig.start().saturating_sub(HYPOTHESIS_REACH).max(s),
        c.fig.start(),
    );
    let before = after_last_mark(&before);
    let from = c.fig.phrase_end();
    let after = folded_slice(text, from, (from + HYPOTHESIS_REACH).min(e).max(from));
    let after = match after.find(CLAUSE_MARKS) {
        Some(p) => &after[..p],
        None => &after[..],
    };
    words
        .iter()
        .any(|w| find_phrase(before, w).is_some() || find_phrase(after, w).is_some())
}

/// The text after the last clause mark of `before` (whole when none); a
/// mark may take several bytes ("»").
fn after_last_mark(before: &str) -> &str {
    match before
        .char_indices()
        .rev()
        .find(|(_, ch)| CLAUSE_MARKS.contains(ch))
    {
        Some((p, ch)) => &before[p + ch.len_utf8()..],
        None => before,
    }
}

/// How far, in bytes, a word of hypothesis is looked for around a figure.
const HYPOTHESIS_REACH: usize = 64;

/// The marks that end a clause, for [`hypothesis`].
const CLAUSE_MARKS: [char; 8] = [',', ';', ':', '(', ')', '"', '«', '»'];

/// True when an open bound follows a plural noun, or a noun after a word
/// of `category_quantifiers`, and a word that joins it (`category_links`):
/// "des rassemblements de plus de 10 personnes", "tout rassemblement de
/// plus de dix personnes", "gatherings of more than 10 people" name a
/// category by the size of its members, not a count.
fn category_bound(corpus: &Corpus, lexicon: &Lexicon, m: &Meanings, c: &Claim) -> bool {
    let open = c.fig.qualifier.is_some_and(|q| {
        matches!(
            lexicon.qualifiers[q as usize].shape,
            QualifierShape::Lower { .. } | QualifierShape::Upper { .. }
        )
    });
    if !open || m.category_links.is_empty() {
        return false;
    }
    let text = &corpus.doc_of(c).text;
    let before = folded_slice(
        text,
        c.fig.start().saturating_sub(48).max(c.sentence().0),
        c.fig.start(),
    );
    let before = before.trim_end();
    // The link: an elided word glued to the figure ("d'au moins"), or the
    // last word.
    let Some(rest) = m.category_links.iter().find_map(|l| {
        let r = before.strip_suffix(l.as_str())?;
        (l.ends_with('\'') || r.is_empty() || r.ends_with(' ')).then_some(r)
    }) else {
        return false;
    };
    let mut words = rest.split_whitespace().rev();
    let noun = words.next().unwrap_or("");
    let quantified = words
        .next()
        .is_some_and(|w| m.category_quantifiers.iter().any(|q| q == w));
    noun.chars().count() >= 4
        && noun.chars().all(char::is_alphabetic)
        && (quantified || m.plural_endings.iter().any(|e| noun.ends_with(e.as_str())))
}

/// Days and weekdays a sentence names: (month, day) pairs and weekday
/// numbers.
fn moments(corpus: &Corpus, lexicon: &Lexicon, c: &Claim) -> (Vec<(u32, u32)>, Vec<u32>) {
    let doc = corpus.doc_of(c);
    let mut days = Vec::new();
    for i in corpus.doc_claims[c.doc as usize].clone() {
        let o = &corpus.claims[i];
        if o.sentence() != c.sentence() {
            continue;
        }
        if let Some((Some(m), Some(d))) = o.fig.date.map(|d| (d.month(), d.day())) {
            days.push((m, d));
        }
    }
    let sentence = folded_slice(&doc.text, c.sentence().0, c.sentence().1);
    let mut weekdays: Vec<u32> = sentence
        .split(|ch: char| !ch.is_alphanumeric())
        .filter_map(|w| lexicon.weekday(w))
        .collect();
    weekdays.sort_unstable();
    weekdays.dedup();
    (days, weekdays)
}

/// True when the sentences of two claims may speak of the same moment:
/// when both name days (or weekdays), they name a common one. Running
/// tallies ("mardi, 8 décès"; "mercredi, 9 décès") are not a conflict.
pub(crate) fn same_moment(corpus: &Corpus, lexicon: &Lexicon, a: &Claim, b: &Claim) -> bool {
    let (da, wa) = moments(corpus, lexicon, a);
    let (db, wb) = moments(corpus, lexicon, b);
    let disjoint = |x: &[(u32, u32)], y: &[(u32, u32)]| {
        !x.is_empty() && !y.is_empty() && !x.iter().any(|p| y.contains(p))
    };
    let disjoint_w =
        |x: &[u32], y: &[u32]| !x.is_empty() && !y.is_empty() && !x.iter().any(|p| y.contains(p));
    !disjoint(&da, &db) && !disjoint_w(&wa, &wb)
}

/// How many proper names the sentences of two claims share. Two names of
/// one place the claims share count as one name shared ("43.575 morts en
/// Grande-Bretagne" and "le Royaume-Uni (43.575)"), as the same name would.
pub(crate) fn shared_sentence_names(cx: &Context, a: &Claim, b: &Claim) -> usize {
    let corpus = cx.corpus;
    let ta = &corpus.doc_of(a).text[a.sentence().0..a.sentence().1];
    let tb = &corpus.doc_of(b).text[b.sentence().0..b.sentence().1];
    let mut na = names_of(ta);
    let mut nb = names_of(tb);
    nb.sort();
    nb.dedup();
    na.sort();
    na.dedup();
    let same = na.iter().filter(|n| nb.binary_search(n).is_ok()).count();
    if same > 0 || a.places.is_empty() {
        return same;
    }
    // Each sentence names a place both claims are about.
    let named = |c: &Claim| {
        crate::claims::places_named_in(&corpus.doc_of(c).text, c.sentence(), cx.meanings)
            .into_iter()
            .any(|p| a.places.ids().contains(&p) && b.places.ids().contains(&p))
    };
    usize::from(named(a) && named(b))
}

/// Why two claims of different documents are not compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotCompared {
    /// Not the same measure, role, side, or one is a change.
    Key,
    /// Disjoint places, or periods that do not overlap, or not as sure a
    /// match as the rule asks (a place or period unknown on one side).
    Relation(Relation),
    /// Their sentences name different days or weekdays.
    Moment,
    /// One is an increment or a part ("2.000 nouveaux morts").
    Increment,
    /// One is a threshold, a target or a forecast.
    Threshold,
    /// One has no place, and the rule compares only placed figures.
    NoPlace,
    /// One leaves its period to the time of writing.
    PeriodUnstated,
    /// One has no single value (a vague collective: "des milliers").
    NoValue,
    /// One stands in a list of figures of its measure.
    InList,
    /// Their sentences share no proper name.
    NoSharedName,
    /// Their documents were published further apart than the rule compares
    /// running figures, and the two do not both date a past event.
    NotPast,
    /// One is a revised or final count and the other not: a revision, not
    /// a second source (see FC205).
    Revision,
    /// The text attributes them to different parties ("selon la
    /// préfecture", "selon les organisateurs"): two parties' counts, not
    /// one quantity stated twice.
    Authority,
}

impl NotCompared {
    /// What the reason means, for `--explain`.
    pub(crate) fn describe(&self) -> String {
        match self {
            NotCompared::Key => {
                "different keys (measure, role, side or change) or kinds of figure".into()
            }
            NotCompared::Relation(Relation::Different) => {
                "places or periods that cannot be the same".into()
            }
            NotCompared::Relation(_) => {
                "a place or a period unknown on one side, and the rule needs both known".into()
            }
            NotCompared::Moment => {
                "different moments: their sentences name different days, or the counts \
                 different times of day"
                    .into()
            }
            NotCompared::Increment => "one is an increment or a part".into(),
            NotCompared::Threshold => {
                "one is a threshold, a target, a forecast or a hypothesis".into()
            }
            NotCompared::NoPlace => "one has no place".into(),
            NotCompared::PeriodUnstated => {
                "one leaves its period to the time of writing (a running tally), and the \
                 other does not, or the two were not printed the same day, or the rule compares \
                 no running tallies"
                    .into()
            }
            NotCompared::NoValue => "one has no single value (a vague collective)".into(),
            NotCompared::InList => {
                "one stands in a list of figures of its measure, in an item that names no \
                 place of its own"
                    .into()
            }
            NotCompared::NoSharedName => "their sentences share no proper name".into(),
            NotCompared::NotPast => {
                "published further apart than the rule compares current figures, and not \
                 both about a past event their text dates"
                    .into()
            }
            NotCompared::Revision => {
                "one is a revised or final count and the other not: a revision, not a second \
                 source"
                    .into()
            }
            NotCompared::Authority => "attributed to different parties (the officials, the \
                 organisers): two parties' counts"
                .into(),
        }
    }
}

/// The tests of [`why_not`] that read one claim alone.
#[derive(Debug, Clone, Copy)]
enum Alone {
    /// `skip` words near it: an increment or a part.
    Increment,
    /// A threshold, a target or a forecast, a category bound or a
    /// hypothesis.
    Threshold,
}

impl Alone {
    /// Whether claim `c` passes the test (`skip`: the rule's skip words,
    /// folded).
    fn test(self, cx: &Context, skip: &[String], c: &Claim) -> bool {
        match self {
            Alone::Increment => {
                // The words of a count's status are not an increment's.
                let besides = match c.status() {
                    Some(_) => cx.meanings.time.status_phrases.as_slice(),
                    None => &[],
                };
                near_words_besides(&cx.corpus.doc_of(c).text, c, skip, besides)
            }
            Alone::Threshold => not_a_count(cx.corpus, cx.lexicon, cx.meanings, c),
        }
    }
}

/// The answers of [`Alone`]'s tests for the claims of a corpus, each
/// claim's read once for the many pairs it stands in (a claim of a
/// bucket meets the claims of every document of its story): bit 0 of a
/// claim's byte tells its increment test was read, bit 1 its answer, bits
/// 2 and 3 the same for its threshold test.
///
/// Atomic, so that buckets are compared in parallel: two threads that read
/// the same test at once find the same answer.
pub(crate) struct AloneMemo(Vec<AtomicU8>);

impl AloneMemo {
    /// Nothing read yet for the claims of `corpus`.
    pub(crate) fn new(corpus: &Corpus) -> AloneMemo {
        AloneMemo((0..corpus.claims.len()).map(|_| AtomicU8::new(0)).collect())
    }

    /// Test `t` of claim `i`, read by `read` the first time.
    fn get(&self, i: usize, t: Alone, read: impl FnOnce() -> bool) -> bool {
        let shift = match t {
            Alone::Increment => 0,
            Alone::Threshold => 2,
        };
        let cell = &self.0[i];
        let bits = cell.load(Ordering::Relaxed) >> shift;
        if bits & 1 == 1 {
            return bits & 2 == 2;
        }
        let yes = read();
        cell.fetch_or((1 | u8::from(yes) << 1) << shift, Ordering::Relaxed);
        yes
    }
}

/// The claim-level conditions for comparing claims `a` and `b` (indices
/// into the corpus's claims) of different documents (see [`why_not`]),
/// the tests of one claim alone kept in `memo` (made for the same `skip`).
pub(crate) fn comparable(
    cx: &Context,
    p: &StoryParams,
    memos: (&[String], &AloneMemo),
    a: usize,
    b: usize,
) -> bool {
    why_not_memo(cx, p, memos, a, b).is_none()
}

/// [`why_not`] of claims `a` and `b` (indices into the corpus's claims),
/// the tests of one claim alone kept in `memo` (see [`comparable`]).
fn why_not_memo(
    cx: &Context,
    p: &StoryParams,
    (skip, memo): (&[String], &AloneMemo),
    a: usize,
    b: usize,
) -> Option<NotCompared> {
    let corpus = cx.corpus;
    let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
    why_not_by(cx, p, ca, cb, |x, t| {
        let i = [a, b][x];
        memo.get(i, t, || t.test(cx, skip, &corpus.claims[i]))
    })
}

/// Why two claims of different documents are not compared, or `None` when
/// they are: they must be of the same key, with places and periods that
/// may be the same and the same moment; neither an increment, a threshold,
/// a vague collective or one of a list; both placed and dated by their
/// text; in sentences that share a name.
pub(crate) fn why_not(
    cx: &Context,
    p: &StoryParams,
    skip: &[String],
    a: &Claim,
    b: &Claim,
) -> Option<NotCompared> {
    why_not_by(cx, p, a, b, |x, t| t.test(cx, skip, [a, b][x]))
}

/// [`why_not`], the tests of one claim alone answered by `alone(x, t)`:
/// test `t` of `a` (`x` 0) or of `b` (`x` 1).
fn why_not_by(
    cx: &Context,
    p: &StoryParams,
    a: &Claim,
    b: &Claim,
    alone: impl Fn(usize, Alone) -> bool,
) -> Option<NotCompared> {
    let corpus = cx.corpus;
    let keys = a.key().is_some()
        && (a.key() == b.key() || (p.generic_people && a.generic_match(b, cx.meanings)));
    if !keys || a.fig.kind != b.fig.kind {
        return Some(NotCompared::Key);
    }
    if !a.same_authority(b) {
        return Some(NotCompared::Authority);
    }
    // Places and periods must not contradict (see `claims::Relation`), and
    // the match must be as sure as the rule asks.
    let mut relation = a.relation_besides_key(b, cx.meanings);
    // A national tally left to the time of writing is the latest count
    // known that day: the one another paper of the day dates to the day
    // before ("selon un bilan établi lundi à 19H00 GMT") may be the same.
    let unstated = !a.period_stated || !b.period_stated;
    let one_day = unstated && tallies_of_one_day(cx, p.national_tally, a, b);
    if one_day {
        relation = a.relation_of_places(b, cx.meanings);
    }
    if relation < p.min_relation {
        return Some(NotCompared::Relation(relation));
    }
    if !same_moment(corpus, cx.lexicon, a, b) || !same_time_of_day(a, b) {
        return Some(NotCompared::Moment);
    }
    if alone(0, Alone::Increment) || alone(1, Alone::Increment) {
        return Some(NotCompared::Increment);
    }
    // A threshold, a target or a forecast ("le seuil des 200.000 morts") is
    // no count.
    if alone(0, Alone::Threshold) || alone(1, Alone::Threshold) {
        return Some(NotCompared::Threshold);
    }
    if p.place_required && (a.places.is_empty() || b.places.is_empty()) {
        return Some(NotCompared::NoPlace);
    }
    // Two figures left to the time of writing are running tallies of
    // different days more often than one quantity: the text must say when,
    // or both must be printed the same day (two counts of one day).
    // National tallies printed the same day are two counts of one day
    // too, whether their text dates them or not.
    if unstated {
        let same_day = matches!(
            (cx.stories.day(a.doc), cx.stories.day(b.doc)),
            (Some(x), Some(y)) if x == y
        );
        let running = (!a.period_stated && !b.period_stated && same_day) || one_day;
        if !(p.running_same_day && running) {
            return Some(NotCompared::PeriodUnstated);
        }
    }
    // Further apart than current figures are compared, both must date an
    // event that was over before either document was published.
    if let (Some(x), Some(y)) = (cx.stories.day(a.doc), cx.stories.day(b.doc)) {
        let past = |c: &Claim| c.period().is_some_and(|q| q.end.days() < x.min(y));
        if (x - y).abs() > p.max_days && !(past(a) && past(b)) {
            return Some(NotCompared::NotPast);
        }
    }
    // Vague collectives ("des milliers") and figures of a list (a ranking
    // of countries) whose place is hard to pin to its figure are not
    // compared; an item that names a place of its own is.
    if a.fig.value().is_none() || b.fig.value().is_none() {
        return Some(NotCompared::NoValue);
    }
    let listed = |c: &Claim| in_list(corpus, c) && !pinned_in_list(corpus, c);
    if listed(a) || listed(b) {
        return Some(NotCompared::InList);
    }
    // Across languages names are spelled apart ("Iraq", "Irak"): the same
    // places stand for them.
    let translated = corpus.doc_of(a).lang != corpus.doc_of(b).lang
        && !a.places.is_empty()
        && a.places == b.places;
    if !translated && shared_sentence_names(cx, a, b) < p.min_sentence_names {
        return Some(NotCompared::NoSharedName);
    }
    if settled(a) != settled(b) {
        return Some(NotCompared::Revision);
    }
    None
}

/// True when claim `c` is a revised or final count.
pub(crate) fn settled(c: &Claim) -> bool {
    matches!(c.status(), Some(Status::Revised | Status::Final))
}

/// True when one of claims `a` and `b`, of one quantity (their only
/// difference for [`why_not`] is [`NotCompared::Revision`]), is a revised
/// or final count published no earlier than the other, which is neither,
/// and their values differ (with no tolerance: a revision may change a
/// count by less than a rounding, 282 710 to 287 710): the revision and a
/// count it replaced. A revision published before the other count is
/// either copied stale after it (FC205) or counted again later.
fn revises(cx: &Context, a: &Claim, b: &Claim) -> bool {
    let (r, o) = if settled(a) { (a, b) } else { (b, a) };
    let later = matches!(
        (cx.stories.day(r.doc), cx.stories.day(o.doc)),
        (Some(x), Some(y)) if x >= y
    );
    later
        && settled(r)
        && !settled(o)
        && !overlap(
            &bounds(r, cx.lexicon, Decimal::ZERO),
            &bounds(o, cx.lexicon, Decimal::ZERO),
        )
}

/// What a pair of claims that disagree, reported by [`compare`], is: an
/// error, or information about two counts of one quantity at two moments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Disagreement {
    /// A revised or final count and a count it replaced ([`revises`]).
    Revision,
    /// A count made during its day and a higher one printed after it
    /// ([`during_the_day`]).
    DuringTheDay,
    /// Tolls of one event printed on different days after it
    /// ([`recounted`]).
    Recounted,
    /// Two values of one count that cannot both hold.
    Conflict,
}

impl Disagreement {
    /// What the disagreeing pair `a`, `b` that [`compare`] reports is.
    fn of(cx: &Context, p: &CompareParams, a: &Claim, b: &Claim) -> Disagreement {
        if settled(a) != settled(b) {
            Disagreement::Revision
        } else if during_the_day(cx, p, a, b) {
            Disagreement::DuringTheDay
        } else if recounted(cx, p, a, b) {
            Disagreement::Recounted
        } else {
            Disagreement::Conflict
        }
    }

    /// How `claims --explain` tells what came of the pair.
    fn outcome(self) -> &'static str {
        match self {
            Disagreement::Revision => {
                "reported as information: the revision and a count it replaced"
            }
            Disagreement::DuringTheDay => {
                "reported as information: a count made during its day, and a higher one \
                 printed after that day"
            }
            Disagreement::Recounted => {
                "reported as information: tolls of one event printed on different days after \
                 it, neither saying when it was made"
            }
            Disagreement::Conflict => "reported",
        }
    }
}

/// True when two counts of an event's toll (a `recounted` measure: the
/// dead, the injured), each dated by its text, were printed on different
/// days both after the day they count, that day at most `p.running_days`
/// (not zero) before the earlier printing, and one of them does not say when it was
/// made (a time of day, or a final count): each is the toll known the day
/// it was printed, and a toll grows (or is corrected) from day to day. A
/// count printed on the day it counts is that day's count, which a later
/// printing of that day's count states again.
fn recounted(cx: &Context, p: &CompareParams, a: &Claim, b: &Claim) -> bool {
    if p.running_days == 0 {
        return false;
    }
    let window = i64::try_from(p.running_days).unwrap_or(i64::MAX);
    let (Some(x), Some(y)) = (cx.stories.day(a.doc), cx.stories.day(b.doc)) else {
        return false;
    };
    let m = cx.meanings;
    let toll = |c: &Claim| {
        c.measure()
            .is_some_and(|i| m.recounted.get(i as usize) == Some(&true))
    };
    let pinned = |c: &Claim| c.moment().is_some() || c.status() == Some(Status::Final);
    let first = x.min(y);
    let after = |c: &Claim| {
        c.period()
            .is_some_and(|q| q.end.days() < first && q.end.days() >= first - window)
    };
    x != y
        && toll(a)
        && toll(b)
        && a.period_stated
        && b.period_stated
        && !(pinned(a) && pinned(b))
        && after(a)
        && after(b)
}

/// True when one of two counts of one day says it was made during that
/// day, before its end (a clock time before `p.running_before_hour`, a part
/// of the day among `p.running_parts`: "205 interpellations à 18 h samedi",
/// "à la mi-journée"), the other says no time and was printed after that
/// day, no earlier than the first, and the first is no higher: a count
/// made during the day and one made after it (the day's count as it ran:
/// arrests, the injured, the protesters counted go on after 18 h), which
/// `p.running_days` (not zero) reports as information. A count of the
/// evening ("mardi soir", "selon le dernier bilan mercredi soir") is the
/// day's, and a count printed on its own day with no time of day may be
/// that day's final count: both are left a conflict.
fn during_the_day(cx: &Context, p: &CompareParams, a: &Claim, b: &Claim) -> bool {
    if p.running_days == 0 {
        return false;
    }
    let running = |c: &Claim| {
        let Some(m) = c.moment() else {
            return false;
        };
        let names = &cx.meanings.time.part_names;
        let part = m.part.is_none_or(|i| {
            names
                .get(usize::from(i))
                .is_some_and(|n| p.running_parts.contains(n))
        });
        let hour = m
            .hour
            .is_none_or(|h| usize::from(h) < p.running_before_hour);
        (m.part.is_some() || m.hour.is_some()) && part && hour
    };
    let (during, after) = match (running(a), running(b)) {
        (true, false) if b.moment().is_none() => (a, b),
        (false, true) if a.moment().is_none() => (b, a),
        _ => return false,
    };
    let (Some(x), Some(y)) = (cx.stories.day(during.doc), cx.stories.day(after.doc)) else {
        return false;
    };
    let (Some(q), Some(r)) = (during.period(), after.period()) else {
        return false;
    };
    let day = q.end.days();
    let lower = match (during.fig.value(), after.fig.value()) {
        (Some(v), Some(w)) => v <= w,
        _ => false,
    };
    during.period_stated
        && after.period_stated
        && q.start == q.end
        && r.start.days() == day
        && r.end.days() == day
        && y > day
        && x <= y
        && lower
}

/// False when both counts say when in the day they were made, and it
/// differs: a count at midday and one in the evening are two moments of a
/// running tally.
pub(crate) fn same_time_of_day(a: &Claim, b: &Claim) -> bool {
    match (a.moment(), b.moment()) {
        (Some(x), Some(y)) => {
            let hours = match (x.hour, y.hour) {
                (Some(h), Some(k)) => h == k && x.minute.unwrap_or(0) == y.minute.unwrap_or(0),
                _ => true,
            };
            let parts = match (x.part, y.part) {
                (Some(p), Some(q)) => p == q,
                _ => true,
            };
            hours && parts
        }
        _ => true,
    }
}

/// True when a claim is one of a list, where each figure is hard to pin to
/// its place: three or more figures of its measure in its sentence, or
/// three or more of its kind that count its measure or leave it unsaid,
/// about two places or more ("le Brésil avec 58.314 morts, le Royaume-Uni
/// (43.575), l'Italie (34.744)"). A total with its change and its part
/// ("38.981 décès, soit 178 de plus, dont 9.601 dans les Ehpad") is no
/// list.
pub(crate) fn in_list(corpus: &Corpus, c: &Claim) -> bool {
    let mut same = 0;
    let mut alike = 0;
    let mut places: Vec<crate::claims::Places> = Vec::new();
    for i in corpus.doc_claims[c.doc as usize].clone() {
        let o = &corpus.claims[i];
        if o.sentence() != c.sentence() || o.fig.kind != c.fig.kind {
            continue;
        }
        if o.measure() == c.measure() {
            same += 1;
        }
        if o.measure() == c.measure() || o.measure().is_none() {
            alike += 1;
            if !o.places.is_empty() && !places.contains(&o.places) {
                places.push(o.places);
            }
        }
    }
    same >= 3 || (alike >= 3 && places.len() >= 2)
}

/// True when a claim of a list is pinned to its place: it has a single
/// place, and no other figure of its list (its sentence, its kind, its
/// measure, or no measure and no counted noun: "(32.785)") has that place,
/// so that each item of the list names a place of its own ("le Royaume-Uni
/// avec 40.465 morts, le Brésil avec 35.930 morts, l'Italie avec 33.846
/// morts"). An item whose place was not read apart from the one before it
/// ("le Brésil, l'Italie (33.846 morts)") shares a place with it, or has
/// several, and is not pinned.
pub(crate) fn pinned_in_list(corpus: &Corpus, c: &Claim) -> bool {
    if c.places.single().is_none() {
        return false;
    }
    !corpus.doc_claims[c.doc as usize].clone().any(|i| {
        let o = &corpus.claims[i];
        !std::ptr::eq(o, c)
            && o.sentence() == c.sentence()
            && o.fig.kind == c.fig.kind
            && (o.measure() == c.measure() || (o.measure().is_none() && o.fig.entity().is_none()))
            && o.places == c.places
    })
}

/// True when two claims stand in text worded alike: sentences of at least
/// eight words that share at least 80% of them (figures left out), or the
/// same [`COPY_WORDS`] words around the figure, whatever the sentence
/// boundaries (a scrape that glues paragraphs, "2015).Ainsi", splits a
/// copy differently).
pub(crate) fn same_wording(corpus: &Corpus, a: &Claim, b: &Claim) -> bool {
    // The folded words as hashes ([`fold_hash`]): compared, never shown.
    let words = |c: &Claim| -> Vec<u64> {
        let t = &corpus.doc_of(c).text[c.sentence().0..c.sentence().1];
        let mut v: Vec<u64> = t
            .split(|ch: char| !ch.is_alphabetic())
            .filter(|w| w.len() > 1)
            .map(fold_hash)
            .collect();
        v.sort();
        v.dedup();
        v
    };
    if same_surroundings(corpus, a, b) {
        return true;
    }
    let (wa, wb) = (words(a), words(b));
    if wa.len() < 8 || wb.len() < 8 {
        return false;
    }
    let shared = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
    shared * 10 >= wa.len().max(wb.len()) * 8
}

/// True when two claims in sentences worded alike are counts made at one
/// moment, so that the sentence is not an update of one text for another
/// hour: both state the same day and the same moment of it ("Mardi soir à
/// Paris, … au moins 20.000 personnes" printed on Wednesday and on
/// Thursday), or each sentence states another quantity printed with the
/// same digits, at least [`PIN_DIGITS`] of them, in the other ("29.155 …
/// dont 18.805 à l'hôpital et 10.350 dans les Ehpad": an update changes
/// the parts with the total; "en 24 heures" pins nothing).
pub(crate) fn pinned_moment(corpus: &Corpus, a: &Claim, b: &Claim) -> bool {
    let day = |c: &Claim| c.period().filter(|q| c.period_stated && q.start == q.end);
    if day(a).is_some() && day(a) == day(b) && a.moment() == b.moment() {
        return true;
    }
    fn digits<'a>(corpus: &'a Corpus, c: &'a Claim) -> impl Iterator<Item = u8> + 'a {
        let t = c.fig.text(&corpus.doc_of(c).text);
        t.bytes().filter(u8::is_ascii_digit)
    }
    fn others<'a>(corpus: &'a Corpus, c: &'a Claim) -> impl Iterator<Item = &'a Claim> + 'a {
        corpus.doc_claims[c.doc as usize]
            .clone()
            .map(|i| &corpus.claims[i])
            .filter(move |o| {
                !std::ptr::eq(*o, c)
                    && o.sentence() == c.sentence()
                    && matches!(
                        o.fig.kind,
                        Kind::Count | Kind::Percent | Kind::Money | Kind::Measure
                    )
                    && o.fig.value().is_some()
            })
    }
    others(corpus, a).any(|o| {
        digits(corpus, o).count() >= PIN_DIGITS
            && others(corpus, b)
                .any(|p| p.fig.value() == o.fig.value() && digits(corpus, p).eq(digits(corpus, o)))
    })
}

/// Digits of another figure printed alike that pin two sentences worded
/// alike to one moment (a two-digit figure recurs by chance).
const PIN_DIGITS: usize = 3;

/// Words around two figures that, the same on both sides, make one text a
/// copy of the other.
const COPY_WORDS: usize = 10;

/// True when the words just before and just after two figures are the
/// same for at least [`COPY_WORDS`] words in all.
fn same_surroundings(corpus: &Corpus, a: &Claim, b: &Claim) -> bool {
    // Folded words of `text` before `at` (nearest first) and after `to`,
    // as hashes ([`fold_hash`]).
    let around = |c: &Claim| -> (Vec<u64>, Vec<u64>) {
        let text = &corpus.doc_of(c).text;
        let end = c.fig.phrase_end();
        let mut from = c.fig.start().saturating_sub(160);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (end + 160).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        let split = |t: &str| -> Vec<u64> {
            t.split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(fold_hash)
                .collect()
        };
        let mut before = split(&text[from..c.fig.start()]);
        before.reverse();
        (before, split(&text[c.fig.end()..to]))
    };
    let ((ba, aa), (bb, ab)) = (around(a), around(b));
    let run = |x: &[u64], y: &[u64]| x.iter().zip(y).take_while(|(p, q)| p == q).count();
    run(&ba, &bb) + run(&aa, &ab) >= COPY_WORDS
}

/// Most relative distance between the values of two claims that
/// corroborate each other.
const CORROBORATION_GAP: Decimal = Decimal::from_parts(1, 0, 0, false, 1);

/// True when the written values of two claims are at most
/// [`CORROBORATION_GAP`] apart, relative to the larger.
pub(crate) fn close(a: &Claim, b: &Claim) -> bool {
    match (a.fig.value(), b.fig.value()) {
        (Some(x), Some(y)) => {
            let big = x.abs().max(y.abs());
            (x - y).abs() <= big * CORROBORATION_GAP
        }
        _ => false,
    }
}

/// Why claims `a` and `b` were or were not compared by a rule with
/// parameters `p`, and what came of it (for `figcheck claims --explain`):
/// with `outcome_of` `Some(agreement)`, the rule reports the pairs that
/// agree (or disagree) as [`compare`] does, and says whether it reported
/// this one.
pub(crate) fn explain(
    cx: &Context,
    p: &CompareParams,
    outcome_of: Option<bool>,
    a: usize,
    b: usize,
) -> String {
    let corpus = cx.corpus;
    let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
    if ca.doc == cb.doc {
        return "not compared: both stand in one document".into();
    }
    for c in [ca, cb] {
        if !c.checkable() || !usable(c) {
            return format!(
                "not compared: `{}` is a repeat, boilerplate, or a value that cannot be \
                 trusted (an ambiguous separator, a bad grouping, debris)",
                c.fig.text(&corpus.doc_of(c).text)
            );
        }
    }
    let story = p.story();
    let ev = cx.stories.evidence(cx.corpus, ca.doc, cb.doc);
    let tallies = ca.places == cb.places && tallies_of_one_day(cx, p.national_tally, ca, cb);
    if !ev.same_story(&story) && !tallies {
        let days = ev
            .days_apart
            .map_or("dates unknown".to_string(), |d| format!("{d} days apart"));
        return format!(
            "not compared: the documents tell no one story ({} long sentences in common, \
             {} figures alike, distinctive names in common: {}; {days}; one story needs a \
             sentence in common, {} figures alike, or {} names and figures alike together, \
             and at most {} days apart)",
            ev.sentences,
            ev.figures,
            if ev.names.is_empty() {
                "none".to_string()
            } else {
                ev.names.join(", ")
            },
            super::story::SHARED_FIGURES,
            story.min_shared,
            story.max_days,
        );
    }
    // What came of a pair compared, for the rule that reports pairs that
    // agree (`Some(true)`) or disagree (`Some(false)`).
    let done = |agreement: bool| match outcome_of {
        Some(x) if x == agreement => format!(": {}", outcome(cx, p, agreement, a, b)),
        _ => String::new(),
    };
    let skip = folded(&p.skip_words);
    match why_not(cx, &story, &skip, ca, cb) {
        None => {}
        Some(NotCompared::Revision) if p.revisions && outcome_of == Some(false) => {
            return if revises(cx, ca, cb) {
                format!(
                    "compared: a revised or final count, published no earlier than the other, \
                     with another value{}",
                    done(false)
                )
            } else {
                "compared: a revised or final count published before the other, or with the \
                 same value: no revision to report (a later copy of the value it replaced is \
                 FC205's)"
                    .into()
            };
        }
        Some(r) => return format!("not compared: {}", r.describe()),
    }
    let agree = overlap(
        &p.bounds_of(ca, cb, cx.lexicon),
        &p.bounds_of(cb, ca, cx.lexicon),
    );
    if same_wording(corpus, ca, cb) {
        if outcome_of == Some(true) {
            return "not compared: the same sentence worded alike (a copy corroborates nothing)"
                .into();
        }
        if !pinned_moment(corpus, ca, cb) {
            return "not compared: the same sentence worded alike, with nothing that pins both \
                    to one moment (a copy or an update of one text, not a second source)"
                .into();
        }
        if !agree {
            return format!(
                "compared: the same sentence worded alike, but both state the count of one \
                 moment (the same day, or another count printed alike): the values \
                 disagree{}",
                done(false)
            );
        }
    }
    if agree && !close(ca, cb) {
        "compared: the values are compatible, but more than 10% apart: too loose to \
         corroborate"
            .into()
    } else if agree && ca.fig.value() != cb.fig.value() && !p.tolerance_for(ca, cb).is_zero() {
        format!(
            "compared: the values agree within their intervals and the rule's tolerance of {}%",
            (p.tolerance_for(ca, cb) * Decimal::ONE_HUNDRED).normalize()
        )
    } else if agree {
        format!("compared: the values agree{}", done(true))
    } else {
        format!("compared: the values disagree{}", done(false))
    }
}

/// Adds the claims of each key of generic people ("personnes") to the
/// keys of people of a particular kind with the same side and change
/// ("manifestants"), in corpus order (see `Claim::generic_match`).
fn with_generic_people(
    mut buckets: Vec<(Key, Vec<usize>)>,
    m: &crate::claims::Meanings,
) -> Vec<(Key, Vec<usize>)> {
    let generic: Vec<(Key, Vec<usize>)> = buckets
        .iter()
        .filter(|(k, _)| k.role.is_none() && m.generic.get(k.measure as usize) == Some(&true))
        .cloned()
        .collect();
    if generic.is_empty() {
        return buckets;
    }
    for (k, members) in &mut buckets {
        if k.role.is_some() || !m.is_specific_people(k.measure) {
            continue;
        }
        let before = members.len();
        for (g, more) in &generic {
            if g.side == k.side && g.delta == k.delta {
                members.extend(more);
            }
        }
        if members.len() > before {
            members.sort_unstable();
        }
    }
    buckets
}

/// Compares the claims of documents that tell the same story, key by key,
/// and reports the first pair of claims of two documents that disagree
/// (`agreement` false) or agree (`agreement` true).
pub(crate) fn compare(
    cx: &Context,
    p: &CompareParams,
    agreement: bool,
    rule: &RuleDef,
    out: &mut Vec<Finding>,
) {
    let (story, skip, memo, buckets) = setup(cx, p);
    // Buckets are compared in parallel, each into its own list; the lists
    // are joined in the buckets' order, so findings do not depend on the
    // number of threads.
    let found: Vec<Vec<Finding>> = buckets
        .into_par_iter()
        .map(|bucket| compare_bucket(cx, p, (&story, &skip, &memo), agreement, rule, bucket))
        .collect();
    out.extend(found.into_iter().flatten());
}

/// [`compare`] on the claims `members` of one bucket, `key`.
fn compare_bucket(
    cx: &Context,
    p: &CompareParams,
    memos: (&StoryParams, &[String], &AloneMemo),
    agreement: bool,
    rule: &RuleDef,
    (key, members): (Key, Vec<usize>),
) -> Vec<Finding> {
    let corpus = cx.corpus;
    bucket_pairs(cx, p, memos, agreement, key, &members)
        .into_iter()
        .map(|(a, b)| {
            let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
            let what = cx.meanings.describe(&key);
            let ta = ca.fig.text(&corpus.doc_of(ca).text);
            let tb = cb.fig.text(&corpus.doc_of(cb).text);
            let (da, db) = (&corpus.doc_of(ca).id, &corpus.doc_of(cb).id);
            if agreement {
                let message = format!("`{ta}` ({what}) is corroborated by {db}: `{tb}`");
                return Finding::at_claim(corpus, rule, message, vec![a, b]);
            }
            // Information, no error: the earlier of two counts of one
            // quantity, told where a later count stands beside it.
            let day = |c: &Claim| corpus.doc_of(c).source.date.as_deref().unwrap_or("?");
            let info = |message: String, claims: Vec<usize>, help: String| {
                let mut f = Finding::at_claim(corpus, rule, message, claims);
                f.severity = Severity::Info;
                f.help = help;
                f
            };
            let latest = || "cite the latest count, and say when each was made".to_string();
            match Disagreement::of(cx, p, ca, cb) {
                Disagreement::Revision => {
                    let (r, o) = if settled(ca) { (a, b) } else { (b, a) };
                    let (cr, co) = (&corpus.claims[r], &corpus.claims[o]);
                    let text = |c: &Claim| c.fig.text(&corpus.doc_of(c).text);
                    let status = cr.status().map_or("revised", Status::as_str);
                    let message = format!(
                        "`{}` ({what}) in {}, published {}, was replaced by the {status} count \
                         `{}` in {}, published {}",
                        text(co),
                        corpus.doc_of(co).id,
                        day(co),
                        text(cr),
                        corpus.doc_of(cr).id,
                        day(cr)
                    );
                    let help = format!("cite the {status} count, and say when each was made");
                    return info(message, vec![o, r], help);
                }
                Disagreement::DuringTheDay => {
                    let (d, l) = if ca.moment().is_some() {
                        (a, b)
                    } else {
                        (b, a)
                    };
                    let (cd, cl) = (&corpus.claims[d], &corpus.claims[l]);
                    let message = format!(
                        "`{}` ({what}) in {}, a count made during its day, is below `{}` in {}, \
                         published {}, after that day: the day's count as it ran, or a \
                         disagreement",
                        cd.fig.text(&corpus.doc_of(cd).text),
                        corpus.doc_of(cd).id,
                        cl.fig.text(&corpus.doc_of(cl).text),
                        corpus.doc_of(cl).id,
                        day(cl)
                    );
                    return info(message, vec![d, l], latest());
                }
                Disagreement::Recounted => {
                    let message = format!(
                        "`{ta}` ({what}) in {da}, published {}, differs from `{tb}` in {db}, \
                         published {}: tolls of one event printed on different days after it, \
                         neither saying when it was made; the toll as it ran, or a disagreement",
                        day(ca),
                        day(cb)
                    );
                    return info(message, vec![a, b], latest());
                }
                Disagreement::Conflict => {}
            }
            let message = format!("`{ta}` ({what}) in {da} conflicts with `{tb}` in {db}");
            Finding::at_claim(corpus, rule, message, vec![a, b])
        })
        .collect()
}

/// The pairs of claims [`compare`] reports in the bucket `members` of
/// `key`: at most one per pair of documents.
fn bucket_pairs(
    cx: &Context,
    p: &CompareParams,
    (story, skip, memo): (&StoryParams, &[String], &AloneMemo),
    agreement: bool,
    key: Key,
    members: &[usize],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (corpus, stories) = (cx.corpus, cx.stories);
    // Claims of this key per document, in order.
    let mut per_doc: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for &i in members {
        let c = &corpus.claims[i];
        if usable(c) {
            per_doc.entry(c.doc).or_default().push(i);
        }
    }
    if per_doc.len() < 2 {
        return out;
    }
    // National tallies of each document, wherever they stand in it (a
    // round-up names a dozen countries).
    let tallied = national_tallies(cx, p, &per_doc);
    // A bounded number of claims per document keeps the comparison of
    // two documents constant in cost.
    for v in per_doc.values_mut() {
        v.truncate(MAX_PER_DOC);
    }
    let ids: Vec<u32> = per_doc.keys().copied().collect();
    let pairs = stories.pairs(&ids, story);
    let tallies = tally_pairs(cx, &tallied);
    let mut known = pairs.clone();
    known.sort_unstable();
    // The story's pairs first, each also compared on its national
    // tallies when its first claims give nothing (a round-up's
    // countries stand past the first claims of a long article), then
    // the pairs of tallies alone.
    let story_pairs = pairs.into_iter().map(|pair| {
        let tally = tallies.binary_search(&pair).is_ok();
        (pair, true, tally)
    });
    let tally_only = tallies
        .iter()
        .filter(|pair| known.binary_search(pair).is_err())
        .map(|&pair| (pair, false, true));
    for ((da, db), in_story, tally) in story_pairs.chain(tally_only) {
        let compare = |claims: &BTreeMap<u32, Vec<usize>>, only_tallies: bool| {
            first_pair(
                cx,
                p,
                (story, skip, memo),
                key,
                (&claims[&da], &claims[&db]),
                agreement,
                only_tallies,
            )
        };
        let found = in_story
            .then(|| compare(&per_doc, false))
            .flatten()
            .or_else(|| tally.then(|| compare(&tallied, true)).flatten());
        out.extend(found);
    }
    out
}

/// What [`setup`] returns.
type Setup = (StoryParams, Vec<String>, AloneMemo, Vec<(Key, Vec<usize>)>);

/// What [`compare`] reads before it compares: the story's parameters, the
/// skip words folded, the memo of each claim's own tests, and the buckets
/// of claims by key (with the generic people added where `p` asks).
fn setup(cx: &Context, p: &CompareParams) -> Setup {
    let mut buckets = cx.corpus.buckets(cx.meanings);
    if p.generic_people {
        buckets = with_generic_people(buckets, cx.meanings);
    }
    (
        p.story(),
        folded(&p.skip_words),
        AloneMemo::new(cx.corpus),
        buckets,
    )
}

/// What [`compare`] reports of claims `a` and `b` of two documents, which
/// it compared: the pair itself, another pair of the two documents, or
/// nothing (for `claims --explain`).
fn outcome(cx: &Context, p: &CompareParams, agreement: bool, a: usize, b: usize) -> String {
    let corpus = cx.corpus;
    let (story, skip, memo, buckets) = setup(cx, p);
    let docs = |x: usize, y: usize| {
        let (dx, dy) = (corpus.claims[x].doc, corpus.claims[y].doc);
        (dx.min(dy), dx.max(dy))
    };
    let mut other = None;
    for (key, members) in buckets {
        if !(members.contains(&a) && members.contains(&b)) {
            continue;
        }
        for (x, y) in bucket_pairs(cx, p, (&story, &skip, &memo), agreement, key, &members) {
            if (x, y) == (a, b) || (x, y) == (b, a) {
                if agreement {
                    return "reported".into();
                }
                return Disagreement::of(cx, p, &corpus.claims[x], &corpus.claims[y])
                    .outcome()
                    .into();
            }
            if docs(x, y) == docs(a, b) {
                other = Some((x, y));
            }
        }
    }
    let text = |i: usize| {
        corpus.claims[i]
            .fig
            .text(&corpus.doc_of(&corpus.claims[i]).text)
    };
    match other {
        Some((x, y)) => format!(
            "not reported: the two documents' finding on this quantity is `{}` and `{}`",
            text(x),
            text(y)
        ),
        None if agreement => "not reported".into(),
        None => "not reported: one document also prints a value the other agrees with, or \
                 the other's value itself (a part, another moment or another item of one \
                 statement)"
            .into(),
    }
}

/// The first pair of claims of two documents (`a_claims`, `b_claims`, of
/// bucket `key`) that disagree (`agreement` false) or agree, by the rules
/// of [`compare`]; only national tallies when `tally_only`.
fn first_pair(
    cx: &Context,
    p: &CompareParams,
    (story, skip, memo): (&StoryParams, &[String], &AloneMemo),
    key: Key,
    (a_claims, b_claims): (&[usize], &[usize]),
    agreement: bool,
    tally_only: bool,
) -> Option<(usize, usize)> {
    let corpus = cx.corpus;
    // One finding per pair of documents and key: the first pair of claims
    // that agrees (for corroboration), or that disagrees while neither of
    // its claims agrees with a claim of the other document and no pair
    // about the same places agrees: then one of the two is a part, a change
    // or another moment ("29.155 décès, dont 18.805 à l'hôpital" against
    // "29.155"). An agreement on one country of a round-up says nothing of
    // another's toll.
    let mut conflicts: Vec<(usize, usize)> = Vec::new();
    let mut agreeing: Vec<(usize, usize)> = Vec::new();
    // A revised count and one it replaced, reported when no conflict is.
    let mut revision: Option<(usize, usize)> = None;
    for &a in a_claims {
        for &b in b_claims {
            let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
            // Two generic counts added to a particular key are
            // compared under their own.
            if ca.key() != Some(key) && cb.key() != Some(key) {
                continue;
            }
            if tally_only
                && !(national_tally(cx, p.national_tally, ca)
                    && national_tally(cx, p.national_tally, cb))
            {
                continue;
            }
            match why_not_memo(cx, story, (skip, memo), a, b) {
                None => {}
                Some(NotCompared::Revision) if !agreement && p.revisions => {
                    let copy = same_wording(corpus, ca, cb) && !pinned_moment(corpus, ca, cb);
                    if revision.is_none() && !copy && revises(cx, ca, cb) {
                        revision = Some((a, b));
                    }
                    continue;
                }
                Some(_) => continue,
            }
            let agree = overlap(
                &p.bounds_of(ca, cb, cx.lexicon),
                &p.bounds_of(cb, ca, cx.lexicon),
            );
            if agree {
                agreeing.push((a, b));
            }
            // The same sentence with other figures is an update of
            // one wire story (a tally at another hour), not a
            // second source; the same sentence with the same
            // figures is a copy, which corroborates nothing.
            if same_wording(corpus, ca, cb) && (agreement || !pinned_moment(corpus, ca, cb)) {
                continue;
            }
            if agreement {
                // Corroboration needs values that pin the quantity
                // down: "plus de 35.000" is compatible with 287.710
                // but corroborates nothing so far above it.
                if agree && close(ca, cb) {
                    return Some((a, b));
                }
            } else if !agree {
                conflicts.push((a, b));
            }
        }
    }
    let places = |i: usize| corpus.claims[i].places;
    // Another party's counts that agree say nothing of this party's: both
    // papers may give the organisers' 12.000 and differ on the police's.
    let party = |i: usize| corpus.claims[i].authority();
    // Two items of one statement printed in both (the same two sentences:
    // "en France métropolitaine (3 244 morts) … en Outre-mer (254 morts)")
    // are two quantities: agreeing on one says nothing of the other.
    let sentence = |i: usize| (corpus.claims[i].doc, corpus.claims[i].sentence());
    // A document that prints the other's value itself, of the same key
    // and places, does not contradict it: the two figures are different
    // items ("3 244 morts … 254 morts" against "3.244 morts"), whether or
    // not that value was compared (another status, another reading of its
    // day).
    let value = |i: usize| corpus.claims[i].fig.value();
    let prints = |claims: &[usize], of: usize| {
        value(of).is_some()
            && claims
                .iter()
                .any(|&i| value(i) == value(of) && places(i) == places(of))
    };
    conflicts
        .into_iter()
        .find(|&(a, b)| {
            if prints(a_claims, b) || prints(b_claims, a) {
                return false;
            }
            !agreeing.iter().any(|&(x, y)| {
                let other_party = party(a).is_some() && party(x).is_some() && party(x) != party(a);
                let items = sentence(x) == sentence(a) && sentence(y) == sentence(b);
                x == a
                    || y == b
                    || (!other_party
                        && !items
                        && (places(x) == places(a) || places(y) == places(b)))
            })
        })
        .or(revision)
}

/// True when claim `c` is a national tally of at least `least` (not zero):
/// a level, not a change, its one place a country or a continent, its
/// period left to the time of writing or the day it was printed or the
/// day before ("Le nombre total de décès s'élève désormais à 29.155 en
/// France"; "la France (29.155 morts)" in a round-up of the evening
/// before). Two such counts of one key and place printed the same day are
/// one quantity whatever the articles around them tell: a world round-up
/// and a national article share no other name.
pub(crate) fn national_tally(cx: &Context, least: Decimal, c: &Claim) -> bool {
    let m = cx.meanings;
    let generic = |x: u16| m.generic.get(x as usize).copied().unwrap_or(false);
    let Some(day) = cx.stories.day(c.doc) else {
        return false;
    };
    if least.is_zero()
        || c.delta()
        || c.measure().is_none_or(generic)
        || c.fig.value().is_none_or(|v| v < least)
        || !c
            .places
            .single()
            .is_some_and(|x| m.gazetteer.named_alone(x))
    {
        return false;
    }
    let today = |q: Period| q.start == q.end && (day - 1..=day).contains(&q.end.days());
    if c.period_stated && !c.period().is_some_and(today) {
        return false;
    }
    // A sentence that names an earlier date tells a history ("la guerre de
    // Sécession, qui a déchiré la nation de 1861 à 1865, a fait quelque
    // 620.000 morts"), not the count of the day.
    let corpus = cx.corpus;
    !corpus.doc_claims[c.doc as usize].clone().any(|i| {
        let o = &corpus.claims[i];
        o.fig.kind == Kind::Date
            && o.sentence() == c.sentence()
            && o.period().is_some_and(|q| q.end.days() < day - 1)
    })
}

/// The day a national tally counts: the day its text states ("selon un
/// bilan établi samedi à 19H00 GMT"), or the day it was printed when it
/// leaves its period to the time of writing.
fn count_day(cx: &Context, c: &Claim) -> Option<i64> {
    if c.period_stated {
        c.period().map(|q| q.end.days())
    } else {
        cx.stories.day(c.doc)
    }
}

/// True when two claims are national tallies (of at least `least`) of one
/// day: printed the same day, or counting the same day ([`same_count_day`]).
fn tallies_of_one_day(cx: &Context, least: Decimal, a: &Claim, b: &Claim) -> bool {
    let same_day = matches!(
        (cx.stories.day(a.doc), cx.stories.day(b.doc)),
        (Some(x), Some(y)) if x == y
    );
    national_tally(cx, least, a)
        && national_tally(cx, least, b)
        && (same_day || same_count_day(cx, a, b))
}

/// True when two national tallies printed at most a day apart count the
/// same day: "le Brésil est devenu avec 41.828 décès …" printed on Saturday,
/// and the next morning's round-up "selon un bilan établi par l'AFP samedi
/// à 19H00 GMT … le Brésil avec 41.828 morts". A tally left to the time of
/// writing that names a moment of its day ("à la mi-journée, 124 000
/// manifestants") counts that moment, not the day: it is the day's count
/// only at the other's moment.
fn same_count_day(cx: &Context, a: &Claim, b: &Claim) -> bool {
    let printed = matches!(
        (cx.stories.day(a.doc), cx.stories.day(b.doc)),
        (Some(x), Some(y)) if (x - y).abs() <= 1
    );
    let partial =
        |c: &Claim, o: &Claim| !c.period_stated && c.moment().is_some() && c.moment() != o.moment();
    printed
        && !partial(a, b)
        && !partial(b, a)
        && count_day(cx, a).is_some()
        && count_day(cx, a) == count_day(cx, b)
}

/// The national tallies (see [`national_tally`]) of each document of a
/// bucket (`per_doc`), at most [`MAX_PER_DOC`] twice over per document.
fn national_tallies(
    cx: &Context,
    p: &CompareParams,
    per_doc: &BTreeMap<u32, Vec<usize>>,
) -> BTreeMap<u32, Vec<usize>> {
    let mut out = BTreeMap::new();
    if p.national_tally.is_zero() {
        return out;
    }
    for (&d, claims) in per_doc {
        let v: Vec<usize> = claims
            .iter()
            .copied()
            .filter(|&i| national_tally(cx, p.national_tally, &cx.corpus.claims[i]))
            .take(2 * MAX_PER_DOC)
            .collect();
        if !v.is_empty() {
            out.insert(d, v);
        }
    }
    out
}

/// The pairs of documents of a bucket that hold national tallies
/// (`tallied`, per document) of one place printed or counted the same day,
/// sorted. Groups larger than [`MAX_TALLY_GROUP`] are skipped, which keeps
/// the cost linear.
fn tally_pairs(cx: &Context, tallied: &BTreeMap<u32, Vec<usize>>) -> Vec<(u32, u32)> {
    let mut groups: BTreeMap<(i64, u16), Vec<u32>> = BTreeMap::new();
    for (&d, claims) in tallied {
        let Some(day) = cx.stories.day(d) else {
            continue;
        };
        for &i in claims {
            let c = &cx.corpus.claims[i];
            if let Some(place) = c.places.single() {
                // Grouped by the day printed and by the day counted, which
                // ties a tally to the next morning's count of its day.
                let counted = count_day(cx, c).filter(|&x| x != day);
                for at in std::iter::once(day).chain(counted) {
                    let docs = groups.entry((at, place)).or_default();
                    if docs.last() != Some(&d) {
                        docs.push(d);
                    }
                }
            }
        }
    }
    let mut out: Vec<(u32, u32)> = Vec::new();
    for docs in groups.values() {
        if docs.len() > MAX_TALLY_GROUP {
            continue;
        }
        for (x, &a) in docs.iter().enumerate() {
            for &b in &docs[x + 1..] {
                out.push((a, b));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_mark_of_several_bytes_is_passed_whole() {
        assert_eq!(
            after_last_mark("orter ».l'epidemie a fait "),
            ".l'epidemie a fait "
        );
        assert_eq!(after_last_mark("a, b"), " b");
        assert_eq!(after_last_mark("ab"), "ab");
    }

    #[test]
    fn alone_memo_reads_each_test_of_each_claim_once() {
        let memo = AloneMemo((0..3).map(|_| AtomicU8::new(0)).collect());
        let reads = std::cell::Cell::new(0);
        let read = |yes: bool| {
            reads.set(reads.get() + 1);
            yes
        };
        for _ in 0..2 {
            assert!(memo.get(0, Alone::Increment, || read(true)));
            assert!(!memo.get(0, Alone::Threshold, || read(false)));
            assert!(!memo.get(1, Alone::Increment, || read(false)));
            assert!(memo.get(1, Alone::Threshold, || read(true)));
        }
        assert_eq!(reads.get(), 4);
        assert_eq!(memo.0[2].load(Ordering::Relaxed), 0);
    }
}
