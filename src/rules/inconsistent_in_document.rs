//! Groups the claims of each document by key, places and counted noun
//! (leaving out parts and running totals, next to a word of `part_words`,
//! and figures of a list), and reports the first pair of a group, in
//! different sentences and of the same period, whose intervals do not meet.
//! A document that states a key with [`SERIES`] or more different values
//! (a timeline of strikes, each with its toll; a table of results) is a
//! series of events for that key, not one quantity stated twice: that key
//! is not checked in it. The items of a list and the tallies of one place
//! (a world round-up's tolls per country) are not counted as such values.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::support::interval::{bounds, overlap, reach_past, usable, Bounds};
use super::support::text::folded;
use serde::Deserialize;

use super::support::params::{decimal, Prepared};
use super::support::sources::{in_list, near_words, pinned_in_list, same_moment};
use super::{Check, Context, Finding, RuleDef};
use crate::claims::{Claim, Key, Places};
use crate::lexicon::fold;

/// Most claims of one key compared within a document.
const MAX_PER_KEY: usize = 16;

/// Different values of one key that make a document a series of events.
const SERIES: usize = 4;

/// Parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct InconsistentInDocument {
    /// Extra relative tolerance granted to every figure.
    #[serde(deserialize_with = "decimal")]
    tolerance: Decimal,
    /// Words next to a figure that make it a part or a running total.
    part_words: Vec<String>,
    /// How far past its bound an open interval reaches ("plus de 25.000"
    /// is not 40.000), as in FC201.
    #[serde(deserialize_with = "decimal")]
    open_reach: Decimal,
    /// The least value of a figure of one place that is a tally of that
    /// place rather than one event of a series.
    #[serde(deserialize_with = "decimal")]
    tally_least: Decimal,
    /// Made once from the parameters above ([`Prepared`]).
    #[serde(skip)]
    prepared: Prepared<Vec<String>>,
}

impl Check for InconsistentInDocument {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }

    fn explain_pair(&self, cx: &Context, a: usize, b: usize) -> Option<String> {
        Some(explain(self, cx, a, b))
    }
}

/// What FC301 makes of one claim of its document.
struct Reading {
    /// The claim's key, when the claim is pinned down enough to be
    /// stated twice.
    key: Option<Key>,
    /// Its value, when it counts among the key's values in the document
    /// (a series of events has [`SERIES`] of them or more).
    series_value: Option<Decimal>,
    /// Why it is not compared with the other claims of its key; `None`
    /// when it is.
    skip: Option<&'static str>,
}

/// What FC301 makes of claim `c` of a document whose text is `text`.
fn read(p: &InconsistentInDocument, cx: &Context, text: &str, c: &Claim) -> Reading {
    let corpus = cx.corpus;
    let none = |why| Reading {
        key: None,
        series_value: None,
        skip: Some(why),
    };
    if !usable(c) {
        return none(
            "a value that cannot be trusted (an ambiguous separator, a bad grouping, debris)",
        );
    }
    if c.measure()
        .is_some_and(|m| cx.meanings.comparable.get(m as usize) == Some(&false))
    {
        return none("a measure that is not compared");
    }
    let (Some(key), Some(_)) = (c.key(), c.fig.entity()) else {
        return none("no key or no counted noun");
    };
    // A quantity pinned down enough to be stated twice: what happened (a
    // role, or a noun that names the quantity itself: "25.000 morts") and
    // where (place). "Quatre personnes" and "300 personnes" of one article
    // are mostly different groups.
    if c.role().is_none() && !names_measure(cx, c) {
        return none("a count of people of any kind, with no role");
    }
    // The items of a list (a ranking of countries) and the tallies of one
    // place (at least `tally_least`: "48.000 morts au Royaume-Uni") are no
    // series of events: they do not count among the key's values.
    let listed = in_list(corpus, c);
    let tally = !p.tally_least.is_zero()
        && c.places.single().is_some()
        && c.fig.value().is_some_and(|v| v >= p.tally_least);
    let series_value = (!listed && !tally).then(|| c.fig.value()).flatten();
    let part_words = p.prepared.get(|| folded(&p.part_words));
    let skip = if c.places.is_empty() {
        Some("no place")
    } else if c.fig.value().is_none() {
        Some("no single value")
    } else if listed && !pinned_in_list(corpus, c) {
        // A figure of a list is hard to pin to its place, unless its item
        // names a place of its own ("le Royaume-Uni avec 40.597 morts, le
        // Brésil avec 36.455 morts").
        Some("an item of a list that names no place of its own")
    } else if near_words(text, c, part_words) {
        // A part or a running total is another quantity.
        Some("a part or a running total (next to one of `part_words`)")
    } else if quoted(text, c) {
        // A figure quoted is someone's word ("a parlé de \"120 millions de
        // morts\""), which the article may well contradict.
        Some("in quotation marks (someone's word)")
    } else {
        None
    };
    Reading {
        key: Some(key),
        series_value,
        skip,
    }
}

/// Why two claims of one key and places in one document cannot state one
/// quantity, or `None` when they may.
fn pair_reason(text: &str, cx: &Context, a: &Claim, b: &Claim) -> Option<&'static str> {
    // Sentences that name different days speak of different moments, even
    // when no year dates them ("On 2 March, up to 25,000 … On 5 April,
    // around 30,000"). Two parties' counts ("2.400 selon la préfecture,
    // 12.000 selon les organisateurs") are no contradiction.
    if !apart(text, a, b) {
        Some("both stand in one sentence")
    } else if !a.same_authority(b) {
        Some("different authorities")
    } else if !same_count(text, cx, a, b) {
        Some("different counted nouns")
    } else if !a.same_period(b) {
        Some("different periods")
    } else if !same_moment(cx.corpus, cx.lexicon, a, b) {
        Some("different moments of the day or stages of a count")
    } else {
        None
    }
}

/// True when the values of two claims cannot both hold.
fn disagree(p: &InconsistentInDocument, cx: &Context, a: &Claim, b: &Claim) -> bool {
    !overlap(
        &reach(bounds(a, cx.lexicon, p.tolerance), p.open_reach),
        &reach(bounds(b, cx.lexicon, p.tolerance), p.open_reach),
    )
}

/// The claims document `d` compares, by key and places, and the distinct
/// values of each key, whatever the places and nouns.
type Groups = (
    BTreeMap<(Key, Places), Vec<usize>>,
    BTreeMap<Key, Vec<Decimal>>,
);

fn groups(p: &InconsistentInDocument, cx: &Context, d: usize) -> Groups {
    let corpus = cx.corpus;
    let text = corpus.docs[d].text.as_str();
    let mut by_key: BTreeMap<(Key, Places), Vec<usize>> = BTreeMap::new();
    let mut values: BTreeMap<Key, Vec<Decimal>> = BTreeMap::new();
    for i in corpus.doc_claims[d].clone() {
        let c = &corpus.claims[i];
        let r = read(p, cx, text, c);
        let Some(key) = r.key else {
            continue;
        };
        if let Some(x) = r.series_value {
            let v = values.entry(key).or_default();
            if !v.contains(&x) {
                v.push(x);
            }
        }
        if r.skip.is_none() {
            let v = by_key.entry((key, c.places)).or_default();
            if v.len() < MAX_PER_KEY {
                v.push(i);
            }
        }
    }
    (by_key, values)
}

/// The first pair of `claims` (one key and places of one document) whose
/// values disagree.
fn first_conflict(
    p: &InconsistentInDocument,
    cx: &Context,
    text: &str,
    claims: &[usize],
) -> Option<(usize, usize)> {
    let corpus = cx.corpus;
    for (x, &a) in claims.iter().enumerate() {
        for &b in &claims[x + 1..] {
            let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
            if pair_reason(text, cx, ca, cb).is_none() && disagree(p, cx, ca, cb) {
                return Some((a, b));
            }
        }
    }
    None
}

fn check(p: &InconsistentInDocument, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    for (d, doc) in cx.docs() {
        let text = doc.text.as_str();
        let (by_key, values) = groups(p, cx, d);
        for ((key, places), claims) in by_key {
            if values.get(&key).is_some_and(|v| v.len() >= SERIES) {
                continue;
            }
            if let Some((a, b)) = first_conflict(p, cx, text, &claims) {
                let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
                let what = format!(
                    "{}, in {}",
                    cx.meanings.describe(&key),
                    cx.meanings.places_name(&places)
                );
                let (ta, tb) = (ca.fig.text(text), cb.fig.text(text));
                let (la, _) = doc.line_col(ca.fig.start());
                out.push(Finding::at_claim(
                    corpus,
                    rule,
                    format!(
                        "`{tb}` ({what}) contradicts `{ta}` stated on line {la} of the same document"
                    ),
                    vec![b, a],
                ));
            }
        }
    }
}

/// Why claims `a` and `b` were or were not compared, and what came of it.
fn explain(p: &InconsistentInDocument, cx: &Context, a: usize, b: usize) -> String {
    let corpus = cx.corpus;
    let (a, b) = (a.min(b), a.max(b));
    let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
    if ca.doc != cb.doc {
        return "not compared: the two stand in different documents (this rule compares \
                the figures of one document)"
            .into();
    }
    let text = corpus.doc_of(ca).text.as_str();
    for c in [ca, cb] {
        if let Some(why) = read(p, cx, text, c).skip {
            return format!("not compared: `{}` is {why}", c.fig.text(text));
        }
    }
    if ca.key() != cb.key() {
        return "not compared: different keys (measure, role, side or change)".into();
    }
    if ca.places != cb.places {
        return "not compared: different places".into();
    }
    let (by_key, values) = groups(p, cx, ca.doc as usize);
    let key = ca.key().expect("read gave a key");
    if let Some(v) = values.get(&key).filter(|v| v.len() >= SERIES) {
        return format!(
            "not compared: the document states this quantity with {} values, a series of \
             events rather than one quantity stated twice",
            v.len()
        );
    }
    let claims = &by_key[&(key, ca.places)];
    if !(claims.contains(&a) && claims.contains(&b)) {
        return format!("not compared: beyond the first {MAX_PER_KEY} claims of this quantity");
    }
    if let Some(why) = pair_reason(text, cx, ca, cb) {
        return format!("not compared: {why}");
    }
    if !disagree(p, cx, ca, cb) {
        return "compared: the values agree".into();
    }
    if first_conflict(p, cx, text, claims) == Some((a, b)) {
        "compared: the values disagree (reported)".into()
    } else {
        "compared: the values disagree (the document's first disagreeing pair of this \
         quantity is reported)"
            .into()
    }
}

/// True when two claims of one key count the same thing by their nouns:
/// the same noun, or one noun that names the quantity itself ("25.000
/// morts") and one that names people of any kind ("25.000 personnes sont
/// mortes"). "300 personnes tuées" and "quatre enfants tués" count
/// different groups.
fn same_count(text: &str, cx: &Context, a: &Claim, b: &Claim) -> bool {
    let noun = |c: &Claim| c.fig.entity().map(|(s, e)| fold(&text[s..e]));
    let generic = |c: &Claim| {
        c.counted()
            .is_some_and(|x| cx.meanings.generic.get(x as usize) == Some(&true))
    };
    noun(a) == noun(b)
        || (names_measure(cx, a) && generic(b))
        || (names_measure(cx, b) && generic(a))
}

/// True when the claim's noun names its quantity itself ("morts",
/// "décès"), not people of any kind.
fn names_measure(cx: &Context, c: &Claim) -> bool {
    c.counted().is_some_and(|x| {
        c.measure() == Some(x) && cx.meanings.generic.get(x as usize) != Some(&true)
    })
}

/// True when two claims stand in different sentences, or on either side
/// of the closing dash of a heading run into its sentence ("- Mexique:
/// plus de 25.000 morts -Plus de 25.000 personnes sont mortes au
/// Mexique"): the heading states the count the sentence states again.
fn apart(text: &str, a: &Claim, b: &Claim) -> bool {
    if a.sentence() != b.sentence() {
        return true;
    }
    let (s, e) = a.sentence();
    let sentence = &text[s..e];
    if !sentence.starts_with('-') {
        return false;
    }
    let mut end = HEADING.min(sentence.len());
    while !sentence.is_char_boundary(end) {
        end -= 1;
    }
    let head = &sentence[..end];
    let Some(p) = head.find(" -").filter(|&p| {
        sentence[p + 2..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }) else {
        return false;
    };
    let cut = s + p;
    (a.fig.end() <= cut) != (b.fig.end() <= cut)
}

/// The longest heading between dashes, in bytes.
const HEADING: usize = 160;

/// True when the figure stands inside quotation marks opened in its
/// sentence and not closed before it.
fn quoted(text: &str, c: &Claim) -> bool {
    let before = &text[c.sentence().0..c.fig.start()];
    let count = |ch: char| before.matches(ch).count();
    count('"') % 2 == 1 || count('«') > count('»') || count('“') > count('”')
}

/// `x` with an open end closed at `open_reach` past its bound
/// ([`reach_past`]), and its bound taken as reached: news's "plus de
/// 48.000" may be a heading's "48.000" rounded.
fn reach(x: Bounds, open_reach: Decimal) -> Bounds {
    let open = x.low.is_none() != x.high.is_none();
    let mut x = reach_past(x, open_reach);
    if open && !open_reach.is_zero() {
        x.low = x.low.map(|l| (l.0, false));
        x.high = x.high.map(|h| (h.0, false));
    }
    x
}

#[cfg(test)]
mod tests {
    use super::{apart, quoted};
    use crate::claims::{claims_of, Claim};
    use crate::input::Document;
    use crate::model::Lang;

    /// The claims of a French text.
    fn claims(text: &str) -> Vec<Claim> {
        let cfg = crate::testing::config();
        let doc = Document::new("d", text, Some(Lang::new("fr")));
        claims_of(0, &doc, &cfg.lexicon, &cfg.meanings)
    }

    #[test]
    fn a_heading_and_its_sentence_are_apart() {
        let text = "- Mexique: plus de 25.000 morts -Plus de 17.500 personnes sont mortes au Mexique, et 300 autres.";
        let claims = claims(text);
        let of = |f: &str| claims.iter().find(|c| c.fig.text(text) == f).unwrap();
        assert!(apart(text, of("plus de 25.000"), of("Plus de 17.500")));
        assert!(!apart(text, of("Plus de 17.500"), of("300")));
    }

    #[test]
    fn figures_in_quotes_are_quoted() {
        let text = "Il a parlé de \"120 millions de morts\" aux Etats-Unis, où 120.000 personnes sont mortes.";
        let claims = claims(text);
        let of = |f: &str| claims.iter().find(|c| c.fig.text(text) == f).unwrap();
        assert!(quoted(text, of("120 millions")));
        assert!(!quoted(text, of("120.000")));
    }

    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC301");
    }
}
