//! Shares of one partitioned whole that add up to more than 100 plus
//! `tolerance`. Three kinds of shares partition one whole:
//!
//! - shares of the votes (`52 % des voix`, `48% of the vote`: a whole of
//!   `partition_wholes`), with the bare percentages of the same list (`X
//!   obtient 52 % des voix et Y 53 %`);
//! - the shares of the exclusive answers to one question (`answers`: `52%
//!   voted yes and 53% voted no`, `52 % pour, 53 % contre`, `le oui
//!   l'emporte avec 52 % contre 53 % pour le non`), bare or of the same
//!   voters (`population_wholes`: `des votants`);
//! - bare percentages in a sentence about a vote (`vote_words`: `X obtient
//!   52 % et Y 53 % au scrutin`).
//!
//! A percentage that names another whole (`60 % des jeunes`) ends the list;
//! one that is a rate of something else (`other_shares`: turnout,
//! abstention, a threshold) or a change (`change_words`: `a progressé de
//! 52 %`) is left out. A sentence that compares moments (a date after the
//! first share), sources (`source_words`), rounds of a vote
//! (`occasion_words`: two of them) or places is skipped, and so are shares
//! of one answer given by different groups (`52 % des hommes et 53 % des
//! femmes ont voté oui`).

use rust_decimal::Decimal;
use serde::Deserialize;

use super::support::interval::usable;
use super::support::params::{decimal, Prepared};
use super::support::signed::signed;
use super::support::text::{find_phrase, folded, folded_slice, whole_after};
use super::{Check, Context, Finding, RuleDef};
use crate::claims::Corpus;
use crate::model::Kind;

/// Parameters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct PercentSum {
    /// How far above 100 the sum may go (rounding).
    #[serde(deserialize_with = "decimal")]
    tolerance: Decimal,
    /// Words between a percentage and its whole (`des`, `of the`).
    links: Vec<String>,
    /// Words that attribute a share to a source (`selon`, `according to`).
    source_words: Vec<String>,
    /// Wholes that shares partition (votes).
    partition_wholes: Vec<String>,
    /// Wholes whose members give one answer each (`votants`, `voters`):
    /// their shares partition them only by answers.
    population_wholes: Vec<String>,
    /// The exclusive answers to one question, written `oui / non`: each
    /// entry is a question, its alternatives separated by ` / `, each
    /// alternative a word or phrase.
    answers: Vec<String>,
    /// Words of a sentence about a vote (`scrutin`, `election`): its bare
    /// percentages are shares of the votes.
    vote_words: Vec<String>,
    /// Words just before a percentage that make it a rate of something else
    /// than the votes (`participation`, `turnout`, `seuil`).
    other_shares: Vec<String>,
    /// Words next to a percentage that make it a change (`hausse de`, `de
    /// plus`, `increased by`).
    change_words: Vec<String>,
    /// Occasions of a vote (`premier tour`, `runoff`): two in a sentence
    /// compare two votes.
    occasion_words: Vec<String>,
    /// Words that compare the figure after them (`52 % contre 48 %`): then
    /// no answer, even when the word is one (`pour / contre`).
    comparison_words: Vec<String>,
    /// Words between two percentages that make the second an alternative
    /// or a restatement of the first (`ou`, `soit`, `or`).
    alternative_words: Vec<String>,
    /// Answers that are also prepositions (`pour le maire`, `for Biden`):
    /// they answer only when nothing follows them in the clause (`52 %
    /// pour, 48 % contre`).
    bare_answers: Vec<String>,
    /// Words that name the group a share is of (`chez`, `among`), right
    /// after the share or among the three words before it.
    group_words: Vec<String>,
    /// Words that open a frame of its own right after a share and its
    /// whole (`dans`, `à l'`, `in`): two shares so framed are of two
    /// wholes (`60 % des voix à l'Assemblée et 55 % au Sénat`).
    frame_words: Vec<String>,
    /// Words of another moment (`précédent`, `previous`): the shares of the
    /// list may be of two votes.
    moment_words: Vec<String>,
    /// Words that may follow an answer of `bare_answers` in its clause
    /// (`52 % pour et à 48 % contre`).
    connectors: Vec<String>,
    /// Words that open sub-shares of the share before them (`dont`,
    /// `including`): those are parts of a part, not of the whole.
    subset_words: Vec<String>,
    /// Made once from the parameters above ([`Prepared`]).
    #[serde(skip)]
    prepared: Prepared<Lists>,
}

impl Default for PercentSum {
    fn default() -> Self {
        PercentSum {
            tolerance: Decimal::ONE,
            links: Vec::new(),
            source_words: Vec::new(),
            partition_wholes: Vec::new(),
            population_wholes: Vec::new(),
            answers: Vec::new(),
            vote_words: Vec::new(),
            other_shares: Vec::new(),
            change_words: Vec::new(),
            occasion_words: Vec::new(),
            comparison_words: Vec::new(),
            alternative_words: Vec::new(),
            bare_answers: Vec::new(),
            group_words: Vec::new(),
            frame_words: Vec::new(),
            moment_words: Vec::new(),
            connectors: Vec::new(),
            subset_words: Vec::new(),
            prepared: Prepared::default(),
        }
    }
}

impl Check for PercentSum {
    fn run(&self, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
        check(self, cx, rule, out);
    }
}

/// Words of a folded text, split at spaces, punctuation and elisions
/// (`d'abstention`); hyphens stay inside a word (`non-inscrits`).
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// A phrase as a list of words.
fn phrase(p: &str) -> Vec<String> {
    words(p).into_iter().map(String::from).collect()
}

/// The position after the last occurrence of `p` in `ws`, if any.
fn last_at(ws: &[&str], p: &[String]) -> Option<usize> {
    if p.is_empty() || p.len() > ws.len() {
        return None;
    }
    (0..=ws.len() - p.len())
        .rev()
        .find(|&i| ws[i..i + p.len()].iter().zip(p).all(|(a, b)| *a == b))
        .map(|i| i + p.len())
}

/// One alternative of one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Answer {
    question: usize,
    alternative: usize,
}

/// The word lists, folded and split into words.
struct Lists {
    links: Vec<String>,
    sources: Vec<String>,
    partitions: Vec<String>,
    populations: Vec<String>,
    /// Per question, per alternative, its phrases.
    answers: Vec<Vec<Vec<Vec<String>>>>,
    votes: Vec<Vec<String>>,
    others: Vec<Vec<String>>,
    changes: Vec<Vec<String>>,
    occasions: Vec<String>,
    comparisons: Vec<String>,
    alternatives: Vec<Vec<String>>,
    bare: Vec<Vec<String>>,
    groups: Vec<String>,
    frames: Vec<Vec<String>>,
    moments: Vec<String>,
    connectors: Vec<String>,
    subsets: Vec<Vec<String>>,
}

impl Lists {
    fn new(p: &PercentSum) -> Lists {
        let mut links = folded(&p.links);
        links.sort_by_key(|l| std::cmp::Reverse(l.len()));
        let phrases = |v: &[String]| folded(v).iter().map(|w| phrase(w)).collect();
        Lists {
            links,
            sources: folded(&p.source_words),
            partitions: folded(&p.partition_wholes),
            populations: folded(&p.population_wholes),
            answers: folded(&p.answers)
                .iter()
                .map(|q| q.split(" / ").map(|alt| vec![phrase(alt)]).collect())
                .collect(),
            votes: phrases(&p.vote_words),
            others: phrases(&p.other_shares),
            changes: phrases(&p.change_words),
            occasions: folded(&p.occasion_words),
            comparisons: folded(&p.comparison_words),
            alternatives: phrases(&p.alternative_words),
            bare: phrases(&p.bare_answers),
            groups: folded(&p.group_words),
            frames: phrases(&p.frame_words),
            moments: folded(&p.moment_words),
            connectors: folded(&p.connectors),
            subsets: phrases(&p.subset_words),
        }
    }

    /// True for a word of a whole stated after a share: a link (`des`,
    /// `of the`) or a whole of the votes or the voters.
    fn whole_word(&self, w: &str) -> bool {
        self.links.iter().any(|l| words(l).contains(&w))
            || self.partitions.iter().any(|p| words(p).contains(&w))
            || self.populations.iter().any(|p| words(p).contains(&w))
    }

    /// How many words of the comparison (`contre`, `compared with`) that
    /// ends `gap` and compares what follows it; 0 for none.
    fn compares(&self, gap: &str) -> usize {
        let gap = gap.trim_end();
        self.comparisons
            .iter()
            .filter(|w| {
                gap.strip_suffix(w.as_str())
                    .is_some_and(|r| r.is_empty() || r.ends_with(' '))
            })
            .map(|w| words(w).len())
            .max()
            .unwrap_or(0)
    }

    /// The answers named last in `ws`: every question whose alternative
    /// ends there (`against` answers `for / against` and `in favour /
    /// against`).
    /// A word of `bare_answers` (`pour`, `for`) counts only when `alone`
    /// says that `ws` runs to the end of its clause and only connectors
    /// (`et`, `and`) follow it there.
    fn answers_in(&self, ws: &[&str], alone: bool) -> Vec<Answer> {
        let mut best = 0;
        let mut found = Vec::new();
        for (question, alts) in self.answers.iter().enumerate() {
            for (alternative, phrases) in alts.iter().enumerate() {
                for p in phrases {
                    let Some(end) = last_at(ws, p) else { continue };
                    let rest_connects = ws[end..]
                        .iter()
                        .all(|w| self.connectors.iter().any(|c| c == w));
                    if self.bare.contains(p) && !(alone && rest_connects) {
                        continue;
                    }
                    if end > best {
                        best = end;
                        found.clear();
                    }
                    if end == best {
                        found.push(Answer {
                            question,
                            alternative,
                        });
                    }
                }
            }
        }
        found
    }
}

/// What a percentage is a share of.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Whole {
    /// The votes (`des voix`).
    Votes(String),
    /// A population that answers (`des votants`).
    Population(String),
    /// Not named.
    Bare,
}

/// A percentage of the sentence that may be a share.
#[derive(Debug)]
struct Share {
    claim: usize,
    whole: Whole,
    /// The answer named after it (`52 % pour`, `53% voted no`), for each
    /// question it may answer.
    answers: Vec<Answer>,
    /// The answer named before it (`le oui l'emporte avec 52 %`).
    answers_before: Vec<Answer>,
    /// A frame of its own follows it (`à l'Assemblée`, `in Ohio`).
    framed: bool,
}

/// How many words around a percentage speak of it.
const NEAR: usize = 5;

/// The most words between two shares of one list when the second names
/// its whole, and when it is bare (`devant son unique rival, le candidat
/// de droite populiste X (9,4 %)`).
const MAX_GAP: usize = 10;
const MAX_GAP_BARE: usize = 16;

/// Characters that end a list of shares: the end of a sentence (the
/// sentence splitter may have joined two) or of a quotation.
const BREAKS: &[char] = &[
    '.', '!', '?', ';', '"', '\u{ab}', '\u{bb}', '\u{201c}', '\u{201d}',
];

/// The sentence being read.
struct Place<'a> {
    corpus: &'a Corpus,
    text: &'a str,
    bounds: (usize, usize),
}

fn check(params: &PercentSum, cx: &Context, rule: &RuleDef, out: &mut Vec<Finding>) {
    let corpus = cx.corpus;
    let lists = params.prepared.get(|| Lists::new(params));
    for d in cx.doc_range() {
        let range = corpus.doc_claims[d].clone();
        let mut i = range.start;
        while i < range.end {
            let sentence = corpus.claims[i].sentence();
            let mut k = i;
            while k < range.end && corpus.claims[k].sentence() == sentence {
                k += 1;
            }
            sentence_shares(params, lists, corpus, d, i..k, rule, out);
            i = k;
        }
    }
}

/// The shares of the sentence whose claims are `claims`, reported when a
/// list of them partitions one whole and adds up to more than 100.
fn sentence_shares(
    params: &PercentSum,
    lists: &Lists,
    corpus: &Corpus,
    d: usize,
    claims: std::ops::Range<usize>,
    rule: &RuleDef,
    out: &mut Vec<Finding>,
) {
    let text = corpus.docs[d].text.as_str();
    let percents = claims
        .clone()
        .filter(|&k| corpus.claims[k].fig.kind == Kind::Percent)
        .count();
    if percents < 2 {
        return;
    }
    let bounds = corpus.claims[claims.start].sentence();
    let at = Place {
        corpus,
        text,
        bounds,
    };
    let mut list: Vec<Share> = Vec::new();
    let mut prev_end = bounds.0;
    for k in claims.clone() {
        let c = &corpus.claims[k];
        let start = prev_end;
        prev_end = prev_end.max(c.fig.end());
        if c.fig.kind != Kind::Percent {
            continue;
        }
        if !usable(c)
            || c.delta()
            || signed(text, c)
            || c.fig.value().is_none_or(|v| v <= Decimal::ZERO)
        {
            continue;
        }
        // A list of shares is close-knit: a long gap, the end of a
        // sentence or quotation, or an alternative ("74 % ou 78 %", "soit")
        // ends it.
        if let Some(last) = list.last() {
            let gap_text = folded_slice(text, corpus.claims[last.claim].fig.end(), c.fig.start());
            let gap = words(&gap_text);
            let alternative = lists
                .alternatives
                .iter()
                .any(|p| last_at(&gap, p).is_some());
            // A share that names the whole again after a long gap is a new
            // statement; a bare one refers back to the list.
            let max = if whole_after(text, c.fig.end(), bounds.1, 40, &lists.links).is_some() {
                MAX_GAP
            } else {
                MAX_GAP_BARE
            };
            // Sub-shares of the last share ("84 % des voix, dont 50 % ...",
            // "60% of the vote (35% ...": the bracket opens on the share right
            // after the last one and its whole) are not of its whole; "won
            // 50% (Gori 29%, ...)" names other scores.
            let subset = lists.subsets.iter().any(|p| last_at(&gap, p).is_some())
                || gap_text.split_once('(').is_some_and(|(lead, inside)| {
                    words(lead).iter().all(|w| lists.whole_word(w)) && inside.trim().is_empty()
                });
            if gap.len() > max || gap_text.contains(BREAKS) || alternative || subset {
                report(params, lists, &at, &list, rule, out);
                list.clear();
            }
        }
        match read_share(lists, &at, claims.clone(), k, start) {
            Reading::Skip => {}
            Reading::Other => {
                report(params, lists, &at, &list, rule, out);
                list.clear();
            }
            Reading::Share(share) => list.push(share),
        }
    }
    report(params, lists, &at, &list, rule, out);
}

/// What a percentage of a sentence is to the list of shares being read.
enum Reading {
    /// Not a share of the list, which goes on (a rate, a change).
    Skip,
    /// A share of another whole or group: the list ends.
    Other,
    /// A share that may belong to the list.
    Share(Share),
}

/// Reads the percentage `k` of the sentence whose claims are `claims`;
/// `start` is where the figure before it ends.
fn read_share(
    lists: &Lists,
    at: &Place,
    claims: std::ops::Range<usize>,
    k: usize,
    start: usize,
) -> Reading {
    let (corpus, text, bounds) = (at.corpus, at.text, at.bounds);
    let c = &corpus.claims[k];
    let before = folded_slice(text, start, c.fig.start());
    let before = words(&before);
    let before = &before[before.len().saturating_sub(NEAR)..];
    let next = claims
        .clone()
        .find(|&n| corpus.claims[n].fig.start() >= c.fig.end())
        .map_or(bounds.1, |n| corpus.claims[n].fig.start());
    let after_text = folded_slice(text, c.fig.end(), next);
    let after_all = words(&after_text);
    let after = &after_all[..after_all.len().min(NEAR)];
    // A rate of something else ("une participation de 65 %") or a
    // change ("a progressé de 52 %", "52 % de plus").
    let tail = &before[before.len().saturating_sub(3)..];
    let head = &after[..after.len().min(3)];
    let rate = lists.others.iter().any(|p| last_at(before, p).is_some());
    let change = lists
        .changes
        .iter()
        .any(|p| last_at(tail, p).is_some() || starts_with(head, p));
    if rate || change {
        return Reading::Skip;
    }
    // A share of a group named next to it ("73 % chez les hommes",
    // "among women, 53%") is of another whole.
    let group = head
        .first()
        .is_some_and(|w| lists.groups.iter().any(|g| g == w))
        || tail.iter().any(|w| lists.groups.iter().any(|g| g == w));
    if group {
        return Reading::Other;
    }
    let whole = match whole_after(text, c.fig.end(), bounds.1, 40, &lists.links) {
        Some(w) if lists.partitions.contains(&w) => Whole::Votes(w),
        Some(w) if lists.populations.contains(&w) => Whole::Population(w),
        // An answer in the whole's place ("52 % de oui"): read as such.
        Some(w)
            if lists
                .answers
                .iter()
                .flatten()
                .flatten()
                .any(|p| p.len() == 1 && p[0] == w) =>
        {
            Whole::Bare
        }
        // A share of another whole ends the list.
        Some(_) => return Reading::Other,
        None => Whole::Bare,
    };
    // A frame of its own right after the share and its whole ("60 % des
    // voix à l'Assemblée", "52% of the vote in Ohio").
    let mut skip = match &whole {
        Whole::Votes(w) | Whole::Population(w) => {
            after_all.iter().position(|x| x == w).map_or(0, |i| i + 1)
        }
        Whole::Bare => 0,
    };
    while skip < after_all.len() && lists.partitions.iter().any(|p| p == after_all[skip]) {
        skip += 1;
    }
    let rest = &after_all[skip.min(after_all.len())..];
    let framed = lists.frames.iter().any(|f| starts_with(rest, f))
        && lists
            .answers_in(&rest[..rest.len().min(3)], false)
            .is_empty();
    // The answers named after the share ("52 % pour", "53% voted no", "53 %
    // pour le non") and before it ("le oui l'emporte avec 52 %"); the list
    // decides which side it uses. A word that compares the next figure is
    // no answer ("52 % contre 48 %").
    let before_text = folded_slice(text, start, c.fig.start());
    let after = if after_all.len() <= NEAR && next < bounds.1 {
        &after[..after.len().saturating_sub(lists.compares(&after_text))]
    } else {
        after
    };
    let before = &before[..before.len().saturating_sub(lists.compares(&before_text))];
    let alone = after_all.len() <= NEAR;
    let answers_after = lists.answers_in(after, alone);
    let answers_before = lists.answers_in(before, false);
    Reading::Share(Share {
        claim: k,
        whole,
        answers: answers_after,
        answers_before,
        framed,
    })
}

fn starts_with(ws: &[&str], p: &[String]) -> bool {
    !p.is_empty() && ws.len() >= p.len() && ws.iter().zip(p).all(|(a, b)| *a == b)
}

/// Reports the list of shares when it partitions one whole and adds up to
/// more than 100 plus the tolerance.
fn report(
    params: &PercentSum,
    lists: &Lists,
    at: &Place,
    list: &[Share],
    rule: &RuleDef,
    out: &mut Vec<Finding>,
) {
    if list.len() < 2 {
        return;
    }
    let (corpus, text) = (at.corpus, at.text);
    // A word of a vote near the list: a few words before its first share,
    // between its shares or a few words after its last.
    let s = corpus.claims[list[0].claim].fig.start();
    let e = corpus.claims[list[list.len() - 1].claim].fig.end();
    let before = folded_slice(text, at.bounds.0, s);
    let before = words(&before);
    let mut near: Vec<&str> = before[before.len().saturating_sub(NEAR)..].to_vec();
    let span = folded_slice(text, s, e);
    near.extend(words(&span));
    let after = folded_slice(text, e, at.bounds.1);
    near.extend(words(&after).into_iter().take(NEAR));
    // Bare percentages near a word of a vote are its scores, unless the
    // clause speaks of a rate (turnout, abstention) before or among them.
    let lead = &text[at.bounds.0..s];
    let clause = lead
        .rfind(BREAKS)
        .map_or(at.bounds.0, |k| at.bounds.0 + k + 1);
    let clause = folded_slice(text, clause, e);
    let clause = words(&clause);
    let rate = lists.others.iter().any(|p| last_at(&clause, p).is_some());
    let vote_word = lists
        .votes
        .iter()
        .find(|p| !rate && last_at(&near, p).is_some())
        .map(|p| p.join(" "));
    let Some((members, why)) = partition(lists, list, vote_word.as_deref()) else {
        return;
    };
    if members.len() < 2 {
        return;
    }
    let first = &corpus.claims[members[0]];
    let last = &corpus.claims[members[members.len() - 1]];
    // The stretch of text the list stands in: the sentence, cut at the
    // breaks around the list (the splitter may have joined sentences).
    let lead = &text[at.bounds.0..first.fig.start()];
    let from = lead
        .rfind(BREAKS)
        .map_or(at.bounds.0, |k| at.bounds.0 + k + 1);
    let trail = &text[last.fig.end()..at.bounds.1];
    let to = trail
        .find(BREAKS)
        .map_or(at.bounds.1, |k| last.fig.end() + k);
    let stretch = folded_slice(text, from, to);
    // Shares from several sources ("54 % selon Ifop, 53 % selon Elabe") are
    // alternatives, not parts; two rounds of a vote are two wholes.
    let sourced = lists
        .sources
        .iter()
        .any(|w| find_phrase(&stretch, w).is_some());
    let occasions = lists
        .occasions
        .iter()
        .filter(|w| find_phrase(&stretch, w).is_some())
        .count();
    // A date or a year after the first share: shares of two moments ("52 %
    // des voix, contre 75 % en 2014").
    let doc = corpus.doc_claims[first.doc as usize].clone();
    // A date or a year after the first share: shares of two moments ("52 %
    // des voix, contre 75 % en 2014"), and so with a word of another moment
    // (`moment_words`: "contre 60 % il y a cinq ans").
    let dated = doc.clone().any(|k| {
        let c = &corpus.claims[k];
        c.fig.kind == Kind::Date && c.fig.start() > first.fig.start() && c.fig.start() < to
    });
    let moment = lists
        .moments
        .iter()
        .any(|w| find_phrase(&stretch, w).is_some());
    // Each share in a frame of its own: shares of two wholes.
    let framed = list.iter().filter(|s| s.framed).count() >= 2;
    if sourced || occasions >= 2 || dated || moment || framed {
        return;
    }
    // Shares of two places.
    let mut places = members.iter().filter_map(|&m| corpus.claims[m].place());
    let two_places = places.next().is_some_and(|p| places.any(|q| q != p));
    if two_places {
        return;
    }
    let sum: Decimal = members
        .iter()
        .map(|&m| corpus.claims[m].fig.interval().0.unwrap_or_default())
        .sum();
    if sum <= Decimal::ONE_HUNDRED + params.tolerance {
        return;
    }
    let written: Vec<&str> = members
        .iter()
        .map(|&m| corpus.claims[m].fig.text(text))
        .collect();
    out.push(Finding::at_claim(
        corpus,
        rule,
        format!(
            "shares of {why} add up to {} %: {}",
            sum.normalize(),
            written.join(" + ")
        ),
        members,
    ));
}

/// The shares of `list` that partition one whole, and what the whole is.
fn partition(
    lists: &Lists,
    list: &[Share],
    vote_word: Option<&str>,
) -> Option<(Vec<usize>, String)> {
    // The votes: the shares naming them and the bare ones of the list.
    if let Some(w) = list.iter().find_map(|s| match &s.whole {
        Whole::Votes(w) => Some(w.clone()),
        _ => None,
    }) {
        let members = list
            .iter()
            .filter(|s| !matches!(s.whole, Whole::Population(_)))
            .map(|s| s.claim)
            .collect();
        return Some((members, format!("`{w}`")));
    }
    // The answers to one question: each share a different answer, of the
    // same voters. One answer twice is shares of different groups.
    // Labels stand before the shares when the first share has one there
    // (`le oui à 52 %, le non à 53 %`), else after them (`52 % pour, 53 %
    // contre`); a share without a label on that side may have it on the
    // other (`le oui l'emporte avec 52 % contre 53 % pour le non`).
    let labels_before = list.first().is_some_and(|s| !s.answers_before.is_empty());
    let answer_of = |s: &Share| -> Vec<Answer> {
        let (first, second) = if labels_before {
            (&s.answers_before, &s.answers)
        } else {
            (&s.answers, &s.answers_before)
        };
        if first.is_empty() {
            second.clone()
        } else {
            first.clone()
        }
    };
    let labelled: Vec<(usize, &Share, Vec<Answer>)> = list
        .iter()
        .map(|s| (s.claim, s, answer_of(s)))
        .filter(|(_, _, a)| !a.is_empty())
        .collect();
    let answered: Vec<Share> = labelled
        .iter()
        .map(|(claim, s, a)| Share {
            claim: *claim,
            whole: s.whole.clone(),
            answers: a.clone(),
            answers_before: Vec::new(),
            framed: s.framed,
        })
        .collect();
    if answered.len() >= 2 {
        let populations: Vec<&Whole> = answered
            .iter()
            .map(|s| &s.whole)
            .filter(|w| matches!(w, Whole::Population(_)))
            .collect();
        let one_population = populations.windows(2).all(|w| w[0] == w[1]);
        // A question every share answers, each with another alternative.
        let question = answered[0].answers.iter().find_map(|a| {
            let alternatives: Vec<Option<usize>> = answered
                .iter()
                .map(|s| {
                    s.answers
                        .iter()
                        .find(|b| b.question == a.question)
                        .map(|b| b.alternative)
                })
                .collect();
            let distinct = alternatives.iter().all(Option::is_some)
                && alternatives
                    .iter()
                    .enumerate()
                    .all(|(n, x)| !alternatives[..n].contains(x));
            distinct.then_some((a.question, alternatives))
        });
        let (question, alternatives) = question.filter(|_| one_population)?;
        let named: Vec<String> = alternatives
            .iter()
            .flatten()
            .map(|&alt| format!("`{}`", lists.answers[question][alt][0].join(" ")))
            .collect();
        return Some((
            answered.iter().map(|s| s.claim).collect(),
            format!("the answers {}", named.join(", ")),
        ));
    }
    // Bare percentages in a sentence about a vote.
    let vote = vote_word?;
    if answered.is_empty() && list.iter().all(|s| s.whole == Whole::Bare) {
        return Some((
            list.iter().map(|s| s.claim).collect(),
            format!("one vote (`{vote}`)"),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{last_at, phrase, words};

    #[test]
    fn examples_pass() {
        crate::rules::rule_tests::examples_pass("FC304");
    }

    #[test]
    fn the_message_says_what_the_shares_are_of() {
        let fr = crate::model::Lang::new("fr");
        let en = crate::model::Lang::new("en");
        assert_eq!(
            crate::rules::rule_tests::messages(
                "FC304",
                &["Le oui l'emporte avec 52 % contre 53 % pour le non."],
                fr,
                None
            ),
            ["shares of the answers `oui`, `non` add up to 105 %: 52 % + 53 %"]
        );
        assert_eq!(
            crate::rules::rule_tests::messages(
                "FC304",
                &["Biden won 55% of the vote and Trump 47%."],
                en,
                None
            ),
            ["shares of `vote` add up to 102 %: 55% + 47%"]
        );
    }

    #[test]
    fn phrases_match_whole_words() {
        let ws = words("le non-inscrit a vote non");
        assert_eq!(last_at(&ws, &phrase("non")), Some(5));
        assert_eq!(last_at(&words("non-inscrits"), &phrase("non")), None);
        assert_eq!(
            last_at(&words("52 in favour and"), &phrase("in favour")),
            Some(3)
        );
    }
}
