//! Periods: what time a claim is about.
//!
//! A claim's period comes from its sentence (a date, a year, "au premier
//! semestre", "in the first six months of 2024", "en juillet",
//! "aujourd'hui"), or else from the document's date. Two claims whose
//! periods do not overlap are about different things, however alike.

use serde::Serialize;

use super::meaning::Match;
use super::moment::{SentenceTime, ATTRIBUTED_DISTANCE};
use super::source::DocTime;
use super::tokens::Tokens;
use super::{Claim, FigureTokens, Meanings, SentenceMeaning, Span};
use crate::model::{days_in_month, DateParts, Figure, Kind, Ymd};

/// A closed interval of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Period {
    pub(crate) start: Ymd,
    pub(crate) end: Ymd,
}

/// A period as ISO dates, for reports.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct PeriodRecord {
    pub(crate) start: String,
    pub(crate) end: String,
}

impl Period {
    pub(crate) fn day(d: Ymd) -> Period {
        Period { start: d, end: d }
    }

    pub(crate) fn year(y: i32) -> Period {
        Period {
            start: Ymd {
                year: y,
                month: 1,
                day: 1,
            },
            end: Ymd {
                year: y,
                month: 12,
                day: 31,
            },
        }
    }

    pub(crate) fn month(y: i32, m: u32) -> Period {
        Period {
            start: Ymd {
                year: y,
                month: m,
                day: 1,
            },
            end: Ymd {
                year: y,
                month: m,
                day: days_in_month(y, m),
            },
        }
    }

    /// Months `first..=last` of year `y`.
    pub(crate) fn months(y: i32, first: u32, last: u32) -> Period {
        Period {
            start: Ymd {
                year: y,
                month: first,
                day: 1,
            },
            end: Ymd {
                year: y,
                month: last,
                day: days_in_month(y, last),
            },
        }
    }

    /// Number of days, both ends included.
    pub(crate) fn days(&self) -> i64 {
        self.end.days() - self.start.days() + 1
    }

    pub(crate) fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// The year, when the period lies within one.
    pub(crate) fn single_year(&self) -> Option<i32> {
        (self.start.year == self.end.year).then_some(self.start.year)
    }

    pub(crate) fn record(&self) -> PeriodRecord {
        PeriodRecord {
            start: iso(self.start),
            end: iso(self.end),
        }
    }
}

/// `d` as `Ymd`'s `Display` writes it (`YYYY-MM-DD`), without the
/// formatter for the dates of every record: years 0 to 9999, months and
/// days below 100; others through `Display`.
fn iso(d: Ymd) -> String {
    let mut s = String::with_capacity(10);
    push_iso(&mut s, d);
    s
}

/// `d` as [`iso`] writes it, pushed on `out` (the JSONL writer writes a
/// record's dates straight into its buffer).
pub(crate) fn push_iso(out: &mut String, d: Ymd) {
    let y = match (u32::try_from(d.year), d.month < 100, d.day < 100) {
        (Ok(y), true, true) if y <= 9999 => y,
        _ => {
            use std::fmt::Write as _;
            let _ = write!(out, "{d}");
            return;
        }
    };
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    for n in [y / 1000, y / 100, y / 10, y] {
        out.push(digit(n));
    }
    out.push('-');
    out.push(digit(d.month / 10));
    out.push(digit(d.month));
    out.push('-');
    out.push(digit(d.day / 10));
    out.push(digit(d.day));
}

/// The period of a date figure: a day, a month or a year.
pub(super) fn period_of_date(d: DateParts) -> Option<Period> {
    let y = d.year()?;
    match (d.month(), d.day()) {
        (Some(m), Some(day)) => Ymd::new(y, m, day).map(Period::day),
        (Some(m), None) if (1..=12).contains(&m) => Some(Period::month(y, m)),
        _ => Some(Period::year(y)),
    }
}

/// How a claim's period was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stated {
    /// Named in the claim's sentence.
    Explicit,
    /// Taken from a claim before it.
    Inherited,
    /// The document's year, or unknown.
    Default,
}

/// The latest quantity claims (indices into the claims so far) whose period
/// was stated, and inherited: kept as claims are read, so that finding the
/// period a claim continues costs O(1), however many figures a sentence
/// holds.
#[derive(Default)]
pub(super) struct LastStated {
    pub(crate) explicit: Option<usize>,
    pub(crate) inherited: Option<usize>,
}

/// The period a claim continues: the latest quantity claim whose period
/// was stated in one of the two sentences before (or in this one), or that
/// inherited one within this sentence. (A day named in a sentence before
/// is no such period: it is as often a deadline, "jusqu'au 28 mai", or the
/// start of a comparison, "le plus bas depuis le 22 mars", as the day of
/// the event the discourse goes on about.)
pub(super) fn inherited_period(
    claims: &[Claim],
    last: &LastStated,
    sentences: &[(usize, usize)],
    si: usize,
    sentence: (usize, usize),
) -> Option<Period> {
    let first = sentences.get(si.saturating_sub(2)).map_or(0, |s| s.0);
    // Claims come in text order, so their sentences never go back.
    let explicit = last.explicit.filter(|&i| claims[i].sentence().0 >= first);
    let inherited = last.inherited.filter(|&i| claims[i].sentence() == sentence);
    explicit.max(inherited).and_then(|i| claims[i].period())
}

/// The period a quantity is about, and whether the sentence states it: a
/// day named before the publication date ("la veille", "avant-hier"), a
/// period named in its sentence (with the year written there, or the
/// document's; a weekday is the last one on or before the publication
/// date, or the next one after it when said to come: "samedi prochain"), a
/// date of the sentence nearer the figure than any year written there
/// ([`event_day`]), a year written in the sentence, else the time of
/// writing (the document's date, or its year when only that is known).
/// The last value is false when the period dates the figure's clause but
/// not the sentences after it (a month named without its year).
#[allow(clippy::too_many_arguments)]
pub(super) fn claim_period(
    text: &str,
    sentence: (usize, usize),
    fig: &Figure,
    m: &Meanings,
    when: &DocTime,
    years: &[(usize, usize, i32, u32)],
    days: &[(usize, usize, DateParts)],
    counts: &[usize],
    st: &SentenceTime,
    at: &FigureTokens,
    sm: &SentenceMeaning,
    toks: &Tokens,
) -> (Option<Period>, bool, bool) {
    // The year written nearest to the figure in its sentence, in the
    // figure's clause ([`year_in_clause`]).
    // `years` is in text order: the sentence's years by binary search, so
    // that a text of many dates costs O(log n) per claim.
    let from = years.partition_point(|&(p, _, _, _)| p < sentence.0);
    let to = years.partition_point(|&(p, _, _, _)| p < sentence.1);
    let in_sentence = &years[from..to.max(from)];
    let k = in_sentence.partition_point(|&(p, _, _, _)| p < fig.start());
    let before = k
        .checked_sub(1)
        .map(|i| in_sentence[i])
        .filter(|&(s, e, _, _)| year_in_clause(m, toks, (s, e), fig, at));
    // A year after a comma that follows the figure dates it when nothing
    // before does and it is the time of no other count nor of something
    // compared with ("vendue pour 5,963 millions de dollars, lors d'une
    // vente organisée en juin 2019"; not "…, contre 62,2 % en 2014").
    let after = in_sentence.get(k).copied().filter(|&(s, e, _, _)| {
        year_in_clause(m, toks, (s, e), fig, at)
            || (before.is_none()
                && !st.compared.iter().any(|&c| fig.end() <= c && c <= s)
                && !counts_near(toks, counts, fig, (s, e))
                && !after_a_name(text, toks, fig, s))
    });
    let nearest_year = [before, after]
        .into_iter()
        .flatten()
        .min_by_key(|(p, _, _, _)| p.abs_diff(fig.start()))
        .map(|(p, _, y, month)| (p, y, month));
    let sentence_year = nearest_year.map(|(_, y, _)| y);
    let year = sentence_year.or(when.year());
    // The sentence's dates with a day and a month.
    let from = days.partition_point(|&(p, _, _)| p < sentence.0);
    let to = days.partition_point(|&(p, _, _)| p < sentence.1);
    let sentence_days = &days[from..to.max(from)];
    if let Some((at_phrase, n, anaphoric)) = st.days_back {
        // "la veille" after "le 14 avril" is 13 April; alone, or
        // "avant-hier", it counts back from the publication date.
        let before = sentence_days
            .iter()
            .rev()
            .find(|&&(_, e, _)| anaphoric && e <= at_phrase);
        let base = match before {
            Some(&(s, e, d)) => event_day(d, (s, e), when, st).map(|p| p.start),
            None => when.day,
        };
        if let Some(d) = base {
            return (Some(Period::day(d.plus_days(-i64::from(n)))), true, true);
        }
    }
    // A day of the sentence near the figure, when no year stands nearer:
    // it wins over a period word when it stands between that word and the
    // figure ("aujourd'hui".Le 2 juin, 20.000 personnes), not over one on
    // the other side ("March 3, 2024 - At least 40 fighters were killed
    // this week").
    let k = sentence_days.partition_point(|&(p, _, _)| p < fig.start());
    let nearest_day = sentence_days[k.saturating_sub(1)..(k + 1).min(sentence_days.len())]
        .iter()
        .min_by_key(|(p, _, _)| p.abs_diff(fig.start()));
    let mut day = None;
    if let Some(&(start, end, d)) = nearest_day {
        let nearer = nearest_year
            .is_none_or(|(p, _, _)| start.abs_diff(fig.start()) <= p.abs_diff(fig.start()));
        let (a, b) = if end <= fig.start() {
            (end, fig.start())
        } else {
            (fig.end(), start)
        };
        let words = toks.first_from(b).saturating_sub(toks.first_from(a));
        let compared = st.compared.iter().any(|&e| e <= start && start - e <= 4);
        // In the figure's clause: no other count between them; a date
        // before the figure opens its clause ("Le 17 novembre, 282 000",
        // a comma only right after the date), one after it follows without
        // a comma ("ont manifesté le 2 juin").
        // A duration or an age is no event of a day.
        let of_a_day = !matches!(fig.kind, Kind::Duration | Kind::Age | Kind::Ordinal);
        // What stands between them is read only when they are near, so
        // that a long sentence of figures costs no scan per figure.
        let near = nearer && words <= DAY_DISTANCE && !compared && of_a_day;
        let other_count = || {
            counts[counts.partition_point(|&p| p < a)..counts.partition_point(|&p| p < b)]
                .iter()
                .any(|&p| p != fig.start())
        };
        let (ta, tb) = (
            toks.first_from(a),
            toks.first_after(b).min(toks.toks.len().saturating_sub(1)),
        );
        let broken = || {
            (ta..=tb).any(|k| {
                let t = &toks.toks[k];
                if end <= fig.start() {
                    t.clause_break || (t.comma && k != ta)
                } else {
                    t.comma
                }
            })
        };
        if near && !other_count() && !broken() {
            day = event_day(d, (start, end), when, st).map(|p| ((end <= fig.start(), words), p));
        }
    }
    // A duration, an age or a rank is no count a source dates.
    let counted = !matches!(fig.kind, Kind::Duration | Kind::Age | Kind::Ordinal);
    // A month ("fin mai", "en mai 2008") dates the figure of its clause
    // only, as a year does ([`year_in_clause`], the month read with the
    // year written right after it): "Les Etats-Unis, qui ont recensé leur
    // premier décès début février, …, avec 119.460 décès" counts the deaths
    // of the time of writing. (A half or a quarter, the period of a report,
    // dates its sentence: "au cours des six premiers mois de 2024, …, 153
    // attaques".)
    let bytes_of = |w: Match| (toks.toks[w.ts].start, toks.toks[w.te - 1].end);
    let with_year = |(s, e): (usize, usize)| {
        // The year written with the month: a date that starts within the
        // words ("en mai 2008" holds the date "mai 2008") or right after.
        let k = in_sentence.partition_point(|&(p, _, _, _)| p < s);
        match in_sentence.get(k) {
            Some(&(p, pe, _, _)) if pe > e && toks.first_from(p) <= toks.first_from(e) + 1 => {
                (s, pe)
            }
            _ => (s, e),
        }
    };
    // The figure's time of count written right after it ("à 18 h"), as
    // tokens: a weekday after it dates the count.
    let clock = st
        .marks
        .iter()
        .find(|k| k.moment.is_some() && k.start >= fig.end())
        .map(|k| (toks.first_from(k.start), toks.first_after(k.end)));
    let word = m
        .period_word(text, at, sm, toks, clock)
        .filter(|&(span, w)| {
            !matches!(span, Span::Months(a, b) if a == b)
                || ((year.is_some() || when.day.is_some())
                    && year_in_clause(m, toks, with_year(bytes_of(w)), fig, at))
        })
        .map(|(span, w)| (span, Some(w)));
    // The day the attribution after the figure names dates it when no
    // period word nor year of its clause does ("12 milliards d'euros en
    // 2019, a annoncé mercredi 1er juillet" are of 2019).
    let attributed = counted
        .then(|| attributed_day(m, at, sm, st, toks, counts))
        .flatten();
    let word = word.or_else(|| {
        attributed
            .filter(|_| nearest_year.is_none())
            .map(|span| (span, None))
    });
    // The byte span of the words that name the period (none for a day of
    // an attribution).
    let word_bytes = word.and_then(|(_, w)| w.map(bytes_of));
    let one_month = word.is_some_and(|(span, _)| matches!(span, Span::Months(a, b) if a == b));
    let word = word.map(|(span, _)| span);
    // The side (true: before the figure) and distance of the nearest
    // period word.
    let word_distance = sm
        .periods
        .iter()
        .map(|p| {
            if p.te <= at.start {
                (true, at.start - p.te)
            } else {
                (false, p.ts.saturating_sub(at.after))
            }
        })
        .min_by_key(|&(_, d)| d)
        .filter(|_| word.is_some());
    // Days named by a word, counted from the publication date.
    let days_of = |span: Span| {
        let back = |d: Ymd, n: u32| d.plus_days(-i64::from(n));
        match span {
            Span::Days(from, to) => when.day.map(|d| Period {
                start: back(d, from),
                end: back(d, to),
            }),
            Span::Weekday(w) => when.day.map(|d| {
                let n = if st.forward_day {
                    match (w as i64 - d.weekday() as i64).rem_euclid(7) {
                        0 => 7,
                        n => n,
                    }
                } else {
                    -(d.weekday() as i64 - w as i64).rem_euclid(7)
                };
                Period::day(d.plus_days(n))
            }),
            _ => None,
        }
    };
    // A running total "depuis décembre 2019" runs to the day its
    // attribution names ("selon un bilan établi par l'AFP … jeudi à 19H00
    // GMT"), else to the publication date `d`.
    let count_day = attributed.and_then(days_of).map(|p| p.end);
    let since_until = |d: Ymd| count_day.filter(|&c| c <= d).unwrap_or(d);
    let span_period = |span: Span, word_bytes: Option<(usize, usize)>| match span {
        Span::Months(a, b) => match (sentence_year, when.day, word_bytes) {
            (None, Some(d), Some(w)) => {
                let since = since_before(st, toks, w.0);
                let d = if since { since_until(d) } else { d };
                Some(months_near(d, a, b, w, st, since))
            }
            // With its year: after "depuis", up to the publication.
            (_, Some(d), Some(w)) if since_before(st, toks, w.0) => {
                year.map(|y| until(Period::months(y, a, b), since_until(d)))
            }
            _ => year.map(|y| Period::months(y, a, b)),
        },
        Span::YearsBack(n) => when.year().map(|y| Period::year(y - n)),
        span => days_of(span),
    };
    let word_period = word.map(|span| span_period(span, word_bytes));
    if let Some((words, p)) = day {
        // "depuis le 1er mars" runs to the day the sentence names ("publié
        // jeudi soir"), else to the publication date.
        let p = match word_period.flatten() {
            Some(w) if p.start < p.end && w.days() == 1 && p.start <= w.start && w.end <= p.end => {
                Period {
                    start: p.start,
                    end: w.end,
                }
            }
            _ => p,
        };
        let between = |(side, w): (bool, usize)| side == words.0 && words.1 < w;
        if p.start < p.end || word_distance.is_none_or(between) {
            return (Some(p), true, true);
        }
    }
    if let Some(p) = word_period {
        // A month named without its year dates its clause, not the
        // sentences after it: "plus de 7.000 à son pic début avril"; "[le
        // dépistage] entamé fin mars …, (72.000 cas, 1.500 morts). Ce
        // rapport estime à plus de 670.000 …" counts the cases of the time
        // of writing. With its year ("In March 2014, …") it goes on, as a
        // year does, and so does a half or a quarter, the period of a
        // report ("au premier semestre, 196 missions … En Irak, 137
        // militants ont été tués").
        return (p, p.is_some(), !(one_month && sentence_year.is_none()));
    }
    // A date of a month ("En mai 2020, …") dates the figure to the month.
    // After "depuis"/"since" ("depuis 2015", "depuis son apparition en
    // décembre 2019"), the period runs from it to the publication date.
    if let Some((at_year, y, month)) = nearest_year {
        let p = if month == 0 {
            Period::year(y)
        } else {
            Period::month(y, month)
        };
        let p = match when.day {
            Some(d) if since_before(st, toks, at_year) => until(p, since_until(d)),
            _ => p,
        };
        return (Some(p), true, true);
    }
    // Nothing said: the figure is about the time of writing.
    let now = when.day.map(Period::day).or(when.year().map(Period::year));
    (now, false, true)
}

/// Days within which months named without their year, unannounced, are
/// the coming ones rather than the last ones (two months: a month is read
/// further ahead than a day, [`COMING_DAYS`]).
const COMING_MONTHS_DAYS: i64 = 62;

/// Months `first` to `last` of the year, named at byte span `w` of a
/// sentence that writes no year ("en mai", "fin décembre", "in late May",
/// "au second semestre"), in a document published on day `d`, read much as
/// a day without its year is ([`event_day`]): the latest that start on or
/// before `d` ("en décembre" in an article of January is the December
/// before it), unless the next start within [`COMING_MONTHS_DAYS`] ("en
/// août" in one of June); always the latest when a word puts them before
/// ("en mai dernier", "last May") or after "depuis"/"since" (`since`, then
/// from their start to `d`); the next, within [`ANNOUNCED_DAYS`], when
/// the sentence announces them ("prochain", a future tense). Months that
/// hold `d` are always those of its year.
fn months_near(
    d: Ymd,
    first: u32,
    last: u32,
    w: (usize, usize),
    st: &SentenceTime,
    since: bool,
) -> Period {
    let day = d.days();
    // Next to the words, or one of them ("last May").
    let next_to = |&(s, e): &(usize, usize)| {
        (s >= w.1 && s <= w.1 + 2) || (e <= w.0 && w.0 <= e + 2) || (s >= w.0 && e <= w.1)
    };
    // "en mai dernier" in May is the May of the year before.
    let last_word = st.backward.iter().any(next_to);
    let back = since || last_word;
    let announced = !back && (st.future || st.forward.iter().any(next_to));
    let candidates = [d.year - 1, d.year, d.year + 1].map(|y| Period::months(y, first, last));
    let past = candidates
        .iter()
        .rev()
        .find(|p| p.start.days() <= day)
        .copied();
    let next = candidates
        .iter()
        .find(|p| p.start.days() > day && p.start.days() - day <= ANNOUNCED_DAYS)
        .copied();
    let ended = candidates
        .iter()
        .rev()
        .find(|p| p.end.days() < day)
        .copied();
    let past = if last_word { ended } else { past };
    // Months that hold the publication day are its own ("cette année",
    // "ce trimestre"), unless said to be the last ones.
    let holding = past.filter(|p| p.end.days() >= day);
    let chosen = if let Some(h) = holding {
        Some(h)
    } else if back {
        past.or(next)
    } else if announced {
        next.or(past)
    } else {
        // Unannounced, the latest, unless the next starts within
        // [`COMING_MONTHS_DAYS`]: "en août" in an article of June is the
        // August to come, "fin octobre" in one of May the October before.
        next.filter(|n| n.start.days() - day <= COMING_MONTHS_DAYS)
            .or(past)
            .or(next)
    }
    .unwrap_or(candidates[1]);
    if since {
        until(chosen, d)
    } else {
        chosen
    }
}

/// The period from the start of `p` to day `d` (the publication), what
/// "depuis"/"since" before `p` says; `p` itself when it starts after `d`.
fn until(p: Period, d: Ymd) -> Period {
    if p.start < d {
        Period {
            start: p.start,
            end: d,
        }
    } else {
        p
    }
}

/// Words between "depuis"/"since" and the time it opens, in one clause
/// ("depuis son apparition en décembre").
const SINCE_REACH: usize = 4;

/// True when "depuis"/"since" stands at most [`SINCE_REACH`] words before
/// byte `at`, with no comma nor clause break between: the time written at
/// `at` starts a period that runs to the publication date.
fn since_before(st: &SentenceTime, toks: &Tokens, at: usize) -> bool {
    st.since.iter().any(|&e| {
        if e > at {
            return false;
        }
        let (a, b) = (toks.first_from(e), toks.first_from(at));
        b >= a
            && b - a <= SINCE_REACH
            && (a..b).all(|k| {
                toks.toks
                    .get(k)
                    .is_some_and(|t| !t.comma && !t.clause_break)
            })
    })
}

/// The day named in the attribution after a figure, further than a period
/// word is looked for: "29.065 morts depuis le début de l'épidémie, selon
/// le bilan quotidien communiqué jeudi par le ministère" counts the deaths
/// of Thursday. The attribution phrase follows the figure in its clause,
/// the day follows it within [`ATTRIBUTED_DAY`] words of the figure, or of
/// the attribution when a comma opens it within [`ATTRIBUTED_DISTANCE`]
/// words of the figure (it is then of the whole clause: "au moins 490.771
/// morts dans le monde depuis que la Chine a fait officiellement état de
/// l'apparition de la maladie en décembre, selon un bilan établi par l'AFP
/// … vendredi à 19H00 GMT"; not "…, et les autorités ont annoncé le
/// reconfinement … à partir de vendredi"), and no other count of the
/// sentence (`counts`, byte starts, sorted) stands between the figure and
/// the day.
fn attributed_day(
    m: &Meanings,
    at: &FigureTokens,
    sm: &SentenceMeaning,
    st: &SentenceTime,
    toks: &Tokens,
    counts: &[usize],
) -> Option<Span> {
    let lead = st.attributions.iter().copied().find(|&k| k >= at.after)?;
    // After a comma, the attribution is of the whole clause before it.
    let of_the_clause = toks.toks[lead].comma && lead - at.after <= ATTRIBUTED_DISTANCE;
    let p = sm.periods.iter().find(|p| {
        p.ts > lead
            && (p.ts - at.after <= ATTRIBUTED_DAY || of_the_clause && p.ts - lead <= ATTRIBUTED_DAY)
    })?;
    // The counts that start after the figure and its noun, before the day.
    let (a, b) = (toks.toks[at.after].start, toks.toks[p.ts].start);
    let other_count = counts.partition_point(|&c| c < b) > counts.partition_point(|&c| c < a);
    let open = !other_count
        && (at.after..p.ts).all(|k| k == at.after || !toks.toks[k].clause_break)
        && !toks.toks[p.ts].clause_break;
    let span = m.period_spans.get(p.id as usize).copied()?;
    (open && matches!(span, Span::Weekday(_) | Span::Days(..))).then_some(span)
}

/// True when the date at byte span `date` of the figure's sentence may
/// give the figure its year: it stands in the figure's clause (no comma nor
/// clause break between them); or, before the figure, in the clause that
/// opens the sentence ("En novembre 2007, le cyclone … avait provoqué la
/// mort de quelque 4.000 personnes"; "The company sold 4,107 cars in 2018,
/// with 50 countries …"), or in a time phrase of its own after a comma,
/// made of `[time] clause_openers` ("…, et, en mai 2008, plus de
/// 138.000"). A year in an aside about something else dates that thing,
/// not the figure ("le souvenir d'Adama Traoré, un jeune homme noir mort
/// en 2016 après une interpellation, des actions qui ont rassemblé plus
/// de 23.000 personnes"), nor does one after a comma that follows the
/// figure ("quelque 4.000 personnes …, et, en mai 2008, …"; "20.000
/// personnes ont manifesté, comme en 2016").
fn year_in_clause(
    m: &Meanings,
    toks: &Tokens,
    date: (usize, usize),
    fig: &Figure,
    at: &FigureTokens,
) -> bool {
    let n = toks.toks.len();
    if n == 0 {
        return true;
    }
    let last = n - 1;
    if date.1 <= fig.start() {
        // Every token before the figure's first ends before it starts.
        let f0 = toks.first_from_from(fig.start(), at.start);
        // The date's first token is looked for only within a clause's
        // reach before the figure's: a year further than a clause reaches
        // dates nothing (and no search nor scan grows with a long sentence
        // of figures).
        let lo = f0.saturating_sub(CLAUSE_REACH + 2);
        if lo > 0 && toks.toks[lo - 1].start >= date.0 {
            return false;
        }
        let d0 = (lo + toks.toks[lo..f0].partition_point(|t| t.start < date.0)).min(last);
        let f0 = f0.min(last);
        if f0.saturating_sub(d0) > CLAUSE_REACH {
            return false;
        }
        if (d0 + 1..=f0).all(|k| !toks.toks[k].comma) {
            return true;
        }
        // The date's clause: from the comma before it (or the sentence's
        // start; a bracket aside within it does not end it) to the comma
        // after it.
        let Some(open) = (d0.saturating_sub(CLAUSE_REACH)..=d0)
            .rev()
            .find(|&k| k == 0 || toks.toks[k].stop)
        else {
            return false;
        };
        let d1 = toks.first_from(date.1);
        let adverbial = d1 <= f0
            && toks.toks.get(d1).is_some_and(|t| t.comma)
            && m.time.opens_time_phrase(toks, open, d0);
        open == 0 || adverbial
    } else {
        let d0 = toks.first_from(date.0).min(last);
        let f1 = toks.first_from(fig.end()).min(last);
        d0.saturating_sub(f1) <= CLAUSE_REACH && (f1..=d0).all(|k| !toks.toks[k].comma)
    }
}

/// Most tokens between a figure and a year of its clause.
const CLAUSE_REACH: usize = 64;

/// True when the phrase of the date at byte `date`, after `fig`, opens
/// right after a proper name, as an apposition about it does ("à l'appel
/// du comité Adama Traoré, jeune homme noir mort en juillet 2016"): its
/// year dates that person or thing, not the figure.
fn after_a_name(text: &str, toks: &Tokens, fig: &Figure, date: usize) -> bool {
    let f1 = toks.first_from(fig.end());
    let d0 = toks.first_from(date).min(toks.toks.len().saturating_sub(1));
    let Some(open) = (f1.max(d0.saturating_sub(CLAUSE_REACH))..=d0)
        .rev()
        .find(|&k| toks.toks[k].stop)
    else {
        return false;
    };
    open > 1
        && toks.toks.get(open - 1).is_some_and(|t| {
            text.get(t.start..t.end)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
        })
}

/// True when a count other than `fig` stands between `fig` and the date
/// at byte span `date` after it, or in the date's clause after it (the
/// date is then that count's: "4.000 personnes …, et, en mai 2008, plus
/// de 138.000").
fn counts_near(toks: &Tokens, counts: &[usize], fig: &Figure, date: (usize, usize)) -> bool {
    let d1 = toks.first_from(date.1);
    // The date's clause ends at the next stop, else with the sentence.
    let close = (d1..toks.toks.len().min(d1 + CLAUSE_REACH))
        .find(|&k| toks.toks[k].stop)
        .and_then(|k| toks.toks.get(k))
        .or(toks.toks.last())
        .map_or(date.1, |t| t.start.max(date.1));
    let from = counts.partition_point(|&p| p < fig.end());
    counts[from..].first().is_some_and(|&p| p < close)
}

/// Most tokens between an attribution after a figure and the day it names.
const ATTRIBUTED_DAY: usize = 20;

/// True when token `i` names a day by itself: a weekday, "hier",
/// "today" (a period word of a day or of days back).
pub(super) fn names_day(m: &Meanings, toks: &Tokens, i: usize) -> bool {
    m.periods
        .word(toks.key(i..i + 1))
        .and_then(|id| m.period_spans.get(id as usize))
        .is_some_and(|s| matches!(s, Span::Weekday(_) | Span::Days(0..=1, _)))
}

/// Most words between a count and the date of the day it is about ("le 2
/// juin devant le Palais de justice"): a date further away in a long
/// sentence dates another event of it.
const DAY_DISTANCE: usize = 15;

/// Most days after the publication date an announced date without its
/// year may be ("le 22 juin prochain" in an article of June 10).
const ANNOUNCED_DAYS: i64 = 183;

/// Most days after the publication date a date without its year nor
/// anything that announces it may be, when nearer than the last one.
const COMING_DAYS: i64 = 31;

/// Days after the publication date a date without its year may still be
/// read in the publication's year when nothing announces it: a dateline
/// written in another time zone.
const TOLERANCE_DAYS: i64 = 1;

/// The period of a day-and-month date of a sentence at byte span `span`:
/// with its own year, that day; without, the next such day within
/// [`ANNOUNCED_DAYS`] when the sentence announces something to come
/// ("prochain", a future tense), else the latest one not after the
/// publication date unless the next one is nearer and within
/// [`COMING_DAYS`]. After "depuis"/"since",
/// the days from that one to the publication date.
pub(super) fn event_day(
    d: DateParts,
    span: (usize, usize),
    when: &DocTime,
    st: &SentenceTime,
) -> Option<Period> {
    let (month, day) = (d.month()?, d.day()?);
    let announced = st.future
        || st
            .forward
            .iter()
            .any(|&(s, _)| s >= span.1 && s <= span.1 + 2);
    let date = match (d.year(), when.day) {
        (Some(y), _) => Ymd::new(y, month, day)?,
        (None, Some(p)) => {
            let candidates = [p.year - 1, p.year, p.year + 1]
                .into_iter()
                .filter_map(|y| Ymd::new(y, month, day));
            let ahead = |x: &Ymd| x.days() - p.days();
            let next = candidates
                .clone()
                .filter(|x| (-TOLERANCE_DAYS..=ANNOUNCED_DAYS).contains(&ahead(x)))
                .min();
            let past = candidates.filter(|x| ahead(x) <= TOLERANCE_DAYS).max();
            match (announced, next, past) {
                (true, Some(n), _) => n,
                // Unannounced, the nearer of the two: "le 17 novembre" in
                // January is the last one, "le 24 juin" a week before it
                // is the coming one.
                (false, Some(n), Some(x)) if ahead(&n) < -ahead(&x) && ahead(&n) <= COMING_DAYS => {
                    n
                }
                (_, _, Some(x)) => x,
                _ => return None,
            }
        }
        (None, None) => Ymd::new(when.year()?, month, day)?,
    };
    let since = st.since.iter().any(|&e| e <= span.0 && span.0 - e <= 4);
    match (since, when.day) {
        (true, Some(p)) if p > date => Some(Period {
            start: date,
            end: p,
        }),
        _ => Some(Period::day(date)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_displayed() {
        for (year, month, day) in [
            (2024, 7, 3),
            (0, 1, 1),
            (987, 12, 31),
            (9999, 10, 9),
            (10000, 1, 1),
            (-5, 1, 1),
            (2024, 100, 7),
        ] {
            let d = Ymd { year, month, day };
            assert_eq!(iso(d), d.to_string());
        }
    }

    #[test]
    fn periods_overlap() {
        let h1 = Period::months(2024, 1, 6);
        assert!(h1.overlaps(&Period::year(2024)));
        assert!(!h1.overlaps(&Period::month(2024, 7)));
        assert!(!Period::year(2014).overlaps(&Period::year(2024)));
        assert_eq!(h1.record().end, "2024-06-30");
    }
}
