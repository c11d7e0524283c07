//! The structure of a sentence's figures: which figure is a total and which
//! figures are its parts, read from the shape of the sentence rather than
//! from what the nouns mean.
//!
//! A breakdown has a total, its parts and the words that say so (its
//! marker). The shapes, each with the words of a language's
//! `[structure]` data (`rules/lang/*/structure.toml`):
//!
//! - **Total first**: the total, its noun and maybe a short verb phrase,
//!   then a marker (`subset_markers`: "dont", "including"; or
//!   `complete_markers`: "répartis en", "being"; or a parenthesis, a colon,
//!   a dash, an apposition between commas), then the parts.
//! - **Set first**: a lead (`set_leads`: "parmi les", "of the") before the
//!   total, a comma after its phrase, then the parts ("Of the 45 injured,
//!   50 were children").
//! - **Anaphor**: a part that points back to the whole (`anaphors`: "31
//!   d'entre eux", "two of which"), or a sentence that opens with one of
//!   `anaphor_leads` ("Of these, 57 …"): the whole is the last figure with
//!   a noun before it.
//! - **Sum after**: the parts, then one of `sum_leads` ("soit", "for a
//!   total of", "=") and the total; an equation ("Wins 66 + Wins 12 = 78")
//!   whatever the labels of its terms; a tally after the items that score
//!   it (`tally_leads`, `tally_nouns`: "26 goals and 18 assists for 44
//!   points"), unless an item scores nothing (`unscored`).
//! - **Copula**: the total, one of `copulas` and parts that count people as
//!   it does ("The 43 people on board were 7 crew members and 36
//!   passengers"): a complete breakdown.
//!
//! An anaphor that opens its sentence points back into the sentence
//! before ("Au total, 60 militaires … . 31 d'entre eux …"), to the whole
//! when it is that sentence's subject or no other plural noun phrase there
//! could be meant. Bare parts after a colon or a semicolon count the
//! total's noun, elided ("50 participants …: 15 dans le groupe A, et 38
//! …"), unless a noun of their own stands between.
//!
//! The parts are a list: figures joined by `joiners`, each with its own
//! modifiers ("dont 9.733 à l'hôpital et 4.166 dans les Ehpad"). A list
//! ends at a word of `blockers` (a comparison, a change), at another
//! marker (a nested breakdown: after a comma it breaks down the same total
//! again, without one the part before it), at a closing parenthesis, or at
//! a figure that cannot be a part of the total: another kind or unit,
//! another role, or a noun that the data says counts something else
//! (people against things). A figure after a word of `frames` ("sur 17
//! théâtres") or inside another figure's phrase ("eight top three hits")
//! is no total. Parentheses, colons, dashes and appositions need two parts
//! or more; an apposition needs nouns the `groups` data makes parts of the
//! total's noun ("six personnes, deux femmes et quatre hommes, …"), so
//! that the items of a list ("12 morts, 45 blessés et 3 disparus") are no
//! breakdown.
//!
//! The breakdown is *complete* when the text says the parts make up the
//! whole (a complete marker, a sum after the parts): they must then add up
//! to it. Otherwise the parts are some of the whole and may not exceed it.

use rust_decimal::Decimal;

use super::{Claim, Corpus, Meanings};
use crate::lexicon::structure::{phrase, tokenize, tokenize_spanned, Structure, Tok};
use crate::lexicon::{fold, Lexicon};
use crate::model::Kind;

/// How the text ties the parts to their total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A subset marker after the total ("dont", "including").
    Subset,
    /// A complete marker after the total ("répartis en", "being").
    Complete,
    /// Parentheses after the total.
    Paren,
    /// A colon after the total.
    Colon,
    /// A dash after the total.
    Dash,
    /// Parts between commas after the total.
    Apposition,
    /// A lead before the total, the parts after its phrase ("of the 45").
    SetFirst,
    /// A part that points back to the whole ("31 d'entre eux").
    Anaphor,
    /// The total after its parts ("soit", "for a total of").
    SumAfter,
    /// A running total after figures that add to it ("portant le total
    /// à"): they are some of it.
    Running,
    /// A tally after the items that score it ("26 goals and 18 assists
    /// for 44 points"): each item scores one or more.
    Tally,
}

/// A total and its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Breakdown {
    /// The total: index into [`Corpus::claims`].
    pub(crate) total: usize,
    /// The parts, in the order of the text.
    pub(crate) parts: Vec<usize>,
    /// What each part's value is multiplied by in the total's terms (an
    /// elided scale word carried: "7 milliards, dont 4 milliards et 3": 3
    /// milliards).
    pub(crate) factors: Vec<Decimal>,
    /// Byte span of the marker in the document text (for a mark of
    /// punctuation, the mark).
    pub(crate) marker: (usize, usize),
    pub(crate) shape: Shape,
}

impl Breakdown {
    /// True when only punctuation ties the parts to the total (a weaker
    /// sign of a breakdown than a marker word).
    pub(crate) fn punctuated(&self) -> bool {
        paren_like(self.shape) || self.shape == Shape::Apposition
    }

    /// True when the text states the parts' sum, or says that the parts
    /// make up the whole ("being", "répartis en"): they must add up to it.
    pub(crate) fn complete(&self) -> bool {
        matches!(self.shape, Shape::SumAfter | Shape::Complete)
    }

    /// Why the parts are read as parts of the total, for messages: the
    /// marker as written, or the punctuation that makes the breakdown.
    pub(crate) fn why(&self, text: &str) -> String {
        let m = text[self.marker.0..self.marker.1].trim();
        match self.shape {
            Shape::Paren => "the parentheses after it".to_string(),
            Shape::Colon => "the colon after it".to_string(),
            Shape::Dash => "the dash after it".to_string(),
            Shape::Apposition => "the apposition after it".to_string(),
            Shape::SumAfter | Shape::Running | Shape::Tally => format!("`{m}` before it"),
            Shape::SetFirst => format!("`{m}` before it"),
            _ => format!("`{m}`"),
        }
    }
}

/// What a figure's noun counts, as far as the data tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Category {
    People,
    /// A measure of the meaning lexicon that counts no people.
    Things,
    Unknown,
}

/// The structure data of a document's language and its fallbacks.
struct Words<'a> {
    langs: Vec<&'a Structure>,
    /// Folded endings of plural nouns, of the same languages.
    plurals: Vec<&'a String>,
}

impl<'a> Words<'a> {
    fn any<'s>(
        &'s self,
        f: impl Fn(&'a Structure) -> &'a Vec<Vec<Tok>> + 's,
    ) -> impl Iterator<Item = &'a Vec<Tok>> + 's {
        self.langs.iter().flat_map(move |s| f(s).iter())
    }

    fn people(&self, w: &str) -> bool {
        self.langs.iter().any(|s| s.people.iter().any(|p| p == w))
    }

    /// The groups in which `w` is a whole.
    fn wholes_of(&self, w: &str) -> impl Iterator<Item = &'a (Vec<String>, Vec<String>)> + '_ {
        let w = w.to_string();
        self.langs
            .iter()
            .flat_map(|s| s.groups.iter())
            .filter(move |g| g.0.contains(&w))
    }

    /// A group makes nouns `part` parts of `whole` (both folded, singular).
    fn wholes_of_folded(&self, whole: &str, part: &str) -> bool {
        fn strip(x: &str) -> &str {
            x.trim_end_matches(['s', 'x'])
        }
        self.langs
            .iter()
            .flat_map(|s| s.groups.iter())
            .any(|(w, p)| w.iter().any(|x| strip(x) == whole) && p.iter().any(|x| strip(x) == part))
    }

    fn in_parts(&self, w: &str) -> bool {
        self.langs
            .iter()
            .flat_map(|s| s.groups.iter())
            .any(|g| g.1.iter().any(|x| x == w))
    }

    fn in_wholes(&self, w: &str) -> bool {
        self.langs
            .iter()
            .flat_map(|s| s.groups.iter())
            .any(|g| g.0.iter().any(|x| x == w))
    }
}

/// Tokens of `text[a..b]`, with balanced parenthesised groups left out
/// ("109 clusters (hors Ehpad) ont été rapportés :").
fn gap(text: &str, a: usize, b: usize) -> Vec<Tok> {
    let mut v = Vec::new();
    if a <= b {
        // About a token for every four bytes or more.
        v.reserve((b - a) / 4);
        tokenize(&text[a..b], &mut v);
    }
    strip_groups(v)
}

fn strip_groups(v: Vec<Tok>) -> Vec<Tok> {
    // Nothing closes a group (most gaps): nothing to strip.
    if !v.contains(&Tok::Punct(')')) {
        return v;
    }
    let mut out: Vec<Tok> = Vec::with_capacity(v.len());
    for t in v {
        if t == Tok::Punct(')') {
            if let Some(open) = out.iter().rposition(|x| *x == Tok::Punct('(')) {
                out.truncate(open);
                continue;
            }
        }
        out.push(t);
    }
    out
}

/// Does `pat` (which may hold `*`, up to three words) match `toks`
/// exactly?
fn matches(pat: &[Tok], toks: &[Tok]) -> bool {
    match pat.split_first() {
        None => toks.is_empty(),
        Some((Tok::Any, rest)) => (0..=3.min(toks.len())).any(|k| {
            toks[..k].iter().all(|t| matches!(t, Tok::Word(_))) && matches(rest, &toks[k..])
        }),
        Some((p, rest)) => toks.first() == Some(p) && matches(rest, &toks[1..]),
    }
}

/// How many tokens `pat` can match: at least its tokens that are no `*`,
/// at most three more for each `*`.
fn match_lengths(pat: &[Tok]) -> (usize, usize) {
    let any = pat.iter().filter(|t| matches!(t, Tok::Any)).count();
    (pat.len() - any, pat.len() - any + 3 * any)
}

/// The longest phrase of `phrases` that ends `toks`: its length in tokens.
fn suffix<'p>(phrases: impl Iterator<Item = &'p Vec<Tok>>, toks: &[Tok]) -> Option<usize> {
    phrases
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            let (lo, hi) = match_lengths(p);
            (lo.max(1)..=hi.min(toks.len()))
                .rev()
                .find(|&k| matches(p, &toks[toks.len() - k..]))
        })
        .max()
}

/// True when a phrase of `phrases` stands anywhere in `toks`.
fn contains<'p>(phrases: impl Iterator<Item = &'p Vec<Tok>>, toks: &[Tok]) -> bool {
    let phrases: Vec<(&Vec<Tok>, (usize, usize))> = phrases
        .filter(|p| !p.is_empty())
        .map(|p| (p, match_lengths(p)))
        .collect();
    (0..toks.len()).any(|i| {
        phrases.iter().any(|&(p, (lo, hi))| {
            (lo.max(1)..=hi.min(toks.len() - i)).any(|k| matches(p, &toks[i..i + k]))
        })
    })
}

fn words(toks: &[Tok]) -> usize {
    toks.iter().filter(|t| matches!(t, Tok::Word(_))).count()
}

/// The byte span of the last `n` tokens of `text[a..b]` (a marker).
fn tail_span(text: &str, a: usize, b: usize, n: usize) -> (usize, usize) {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    tokenize_spanned(&text[a..b], |_, sp| spans.push(sp));
    match spans.len().checked_sub(n.max(1)) {
        Some(k) => (a + spans[k].0, a + spans[spans.len() - 1].1),
        None => (a, b),
    }
}

/// The byte span of the first `n` tokens of `text[a..b]` (an anaphor
/// after its figure).
fn head_span(text: &str, a: usize, b: usize, n: usize) -> (usize, usize) {
    let mut end = a;
    let mut k = 0;
    tokenize_spanned(&text[a..b], |_, sp| {
        k += 1;
        if k <= n {
            end = a + sp.1;
        }
    });
    (a, end)
}

/// The longest stretch of text, in bytes, read between two figures of a
/// breakdown (some sixteen words and a marker).
const MAX_GAP: usize = 240;

/// A breakdown made by punctuation alone.
fn paren_like(shape: Shape) -> bool {
    matches!(shape, Shape::Paren | Shape::Colon | Shape::Dash)
}

/// The same noun, singular or plural.
fn same_noun(a: &str, b: &str) -> bool {
    a.trim_end_matches(['s', 'x']) == b.trim_end_matches(['s', 'x'])
}

/// The char boundary about `n` bytes before `pos`, not before `floor`.
fn back(text: &str, floor: usize, pos: usize, n: usize) -> usize {
    let mut a = pos.saturating_sub(n).max(floor);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    a
}

/// The char boundary about `n` bytes after `pos`, not after `ceil` (and
/// not before `pos`).
fn forth(text: &str, pos: usize, ceil: usize, n: usize) -> usize {
    let mut b = (pos + n).min(ceil).max(pos);
    while !text.is_char_boundary(b) {
        b += 1;
    }
    b
}

/// The breakdowns of document `d`, in the order of their totals.
pub(crate) fn breakdowns(
    corpus: &Corpus,
    lexicon: &Lexicon,
    meanings: &Meanings,
    d: usize,
) -> Vec<Breakdown> {
    let doc = &corpus.docs[d];
    let words = Words {
        langs: lexicon
            .with_fallback(doc.lang)
            .map(|l| &l.structure)
            .collect(),
        plurals: lexicon
            .with_fallback(doc.lang)
            .flat_map(|l| l.labels.plural_endings.iter())
            .collect(),
    };
    let reader = Reader {
        corpus,
        text: doc.text.as_str(),
        words: &words,
        meanings,
        units: &lexicon.units,
        range: corpus.doc_claims[d].clone(),
    };
    let mut out = Vec::new();
    let mut not_total = Vec::new();
    for k in reader.range.clone() {
        if not_total.contains(&k) || !reader.eligible(k) {
            continue;
        }
        // A set lead names the breakdown before any punctuation does: read
        // first, its reading is the one kept.
        reader.set_first(k, &mut out);
        reader.total_first(k, &mut out, &mut not_total);
        reader.anaphor(k, &mut out);
        reader.sum_after(k, &mut out);
        reader.equation(k, &mut out);
    }
    out.sort_by_key(|b| (b.total, b.parts.first().copied()));
    out.dedup_by(|a, b| a.total == b.total && a.parts == b.parts);
    out
}

struct Reader<'a> {
    corpus: &'a Corpus,
    text: &'a str,
    words: &'a Words<'a>,
    meanings: &'a Meanings,
    units: &'a [crate::lexicon::UnitDef],
    range: std::ops::Range<usize>,
}

/// Where a list of parts stopped.
enum Stop {
    /// No more parts.
    End,
    /// The list went on with a figure of another kind or unit: no
    /// breakdown.
    Poisoned,
    /// A subset or complete marker after a comma: the figures after it
    /// break the same total down again, from this claim.
    Again(usize, (usize, usize), Shape),
}

impl Reader<'_> {
    fn claim(&self, i: usize) -> &Claim {
        &self.corpus.claims[i]
    }

    /// The end of a figure's phrase: its noun when it has one.
    fn phrase_end(&self, i: usize) -> usize {
        self.claim(i).fig.phrase_end()
    }

    fn head(&self, i: usize) -> Option<String> {
        self.claim(i)
            .fig
            .entity()
            .map(|(s, e)| fold(&self.text[s..e]))
    }

    fn capitalised(&self, i: usize) -> bool {
        self.claim(i)
            .fig
            .entity()
            .is_some_and(|(s, _)| self.text[s..].starts_with(|c: char| c.is_uppercase()))
    }

    /// A quantity that can be a total or a part.
    fn eligible(&self, i: usize) -> bool {
        let c = self.claim(i);
        matches!(
            c.fig.kind,
            Kind::Count | Kind::Money | Kind::Measure | Kind::Percent | Kind::Duration
        ) && (c.usable() || (c.repeat_of().is_some() && c.with_repeat_usable()))
            && c.fig.value().is_some()
            && c.fig.interval().0.is_some()
            && !self.named(i)
            && !c.boilerplate
            // "2,3 enfants par femme": a count with decimals is a mean.
            && !(c.fig.kind == Kind::Count
                && c.fig.scale == Decimal::ONE
                && c.fig.value().is_some_and(|v| !v.fract().is_zero()))
    }

    /// A number in a name: a number word written with a capital inside a
    /// sentence ("Seven Network"), or a number right after a capitalised
    /// word ("Morgan Plus Six", "RB 9:4").
    fn named(&self, i: usize) -> bool {
        let c = self.claim(i);
        let f = &c.fig;
        let lead = &self.text[c.sentence().0.min(f.num_start())..f.num_start()];
        let starts = lead.trim().is_empty();
        if !starts && self.text[f.num_start()..].starts_with(|ch: char| ch.is_uppercase()) {
            return true;
        }
        let before = lead.trim_end_matches([' ', '\u{a0}']);
        if before.len() == lead.len() {
            return false;
        }
        let word_start = before
            .rfind(|ch: char| !ch.is_alphanumeric())
            .map_or(0, |k| {
                k + before[k..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &before[word_start..];
        // The first word of a sentence, a quotation or a clause after a
        // colon is capitalised anyway.
        let opening = before[..word_start].trim_end();
        let first = opening.is_empty() || opening.ends_with([':', '"', '«', '“', '(', '—']);
        !first && word.starts_with(|ch: char| ch.is_uppercase())
    }

    /// A total: a quantity of more than one.
    fn whole(&self, i: usize) -> bool {
        self.eligible(i) && self.claim(i).fig.value().is_some_and(|v| v > Decimal::ONE)
    }

    fn category(&self, i: usize) -> Category {
        let c = self.claim(i);
        let m = self.meanings;
        let people = |x: u16| m.people.get(x as usize) == Some(&true);
        if c.counted().is_some_and(people) {
            return Category::People;
        }
        let Some(h) = self.head(i) else {
            return if c.role().is_some() {
                Category::People
            } else {
                Category::Unknown
            };
        };
        if m.role_word(&h).is_some()
            || self.words.people(&h)
            || self.words.in_parts(&h)
            || self.words.in_wholes(&h)
        {
            return Category::People;
        }
        if c.counted().is_some() {
            return Category::Things;
        }
        Category::Unknown
    }

    /// The factor of an elided scale: a bare part after a figure with a
    /// scale word ("dont 4 milliards et 3").
    fn factor(&self, prev: usize, p: usize) -> Decimal {
        let (a, b) = (&self.claim(prev).fig, &self.claim(p).fig);
        if b.kind == Kind::Count
            && b.unit.is_none()
            && b.entity().is_none()
            && b.scale == Decimal::ONE
            && a.scale > Decimal::ONE
            && b.value().is_some_and(|v| v < Decimal::from(1000))
        {
            a.scale
        } else {
            Decimal::ONE
        }
    }

    /// Can figure `p` be a part of total `t` by its kind and unit? A bare
    /// count takes the total's unit ("224 acres, of which 52 …"); a count
    /// with a noun does only with a scale word ("7 milliards d'euros, dont
    /// 4 milliards de prêts"). `strict`: no unit is carried.
    fn same_kind(&self, t: usize, p: usize, strict: bool) -> bool {
        let (ft, fp) = (&self.claim(t).fig, &self.claim(p).fig);
        if fp.kind == ft.kind {
            return fp.unit == ft.unit;
        }
        !strict
            && fp.kind == Kind::Count
            && fp.unit.is_none()
            && matches!(ft.kind, Kind::Money | Kind::Measure | Kind::Duration)
            && (!self.has_noun(p) || fp.scale > Decimal::ONE)
    }

    /// Can figure `p` be a part of total `t`? Same kind and unit, no
    /// other role (but its own verb's, with no noun), and a noun that
    /// counts the same sort of thing: people
    /// are no parts of things, and of a total whose noun the data does not
    /// know as people only by the nouns of its groups' parts ("14
    /// agriculteurs, dont deux femmes", not "des deux côtés, dont 20
    /// soldats"). `strict` for appositions: the part's noun is none, the
    /// total's, or one of the parts of the total's groups.
    fn compatible(&self, t: usize, p: usize, strict: bool) -> bool {
        if !self.same_kind(t, p, false) {
            return false;
        }
        let (ct, cp) = (self.claim(t), self.claim(p));
        // A part with no noun, the subject of its own role's verb, counts
        // some of the total's people to whom more happened ("1.118
        // personnes ont été contaminées, dont 46 sont décédées"); a noun
        // with another role is another group ("137 tués et 30 arrêtés").
        let subject = cp.fig.entity().is_none() && self.generic(p);
        if let (Some(a), Some(b)) = (ct.role(), cp.role()) {
            if a != b && !subject {
                return false;
            }
        }
        let (ht, hp) = (self.head(t), self.head(p));
        if strict {
            // "ten elected members, eight appointed members …": items of a
            // list, each named by the total's noun.
            let Some(hp) = hp else { return true };
            let Some(ht) = ht else { return false };
            if same_noun(&ht, &hp) {
                return false;
            }
            let grouped = self.words.wholes_of_folded(
                ht.trim_end_matches(['s', 'x']),
                hp.trim_end_matches(['s', 'x']),
            );
            return grouped || (self.capitalised(p) && self.category(t) == Category::People);
        }
        if cp.fig.kind != Kind::Count || hp.is_none() {
            return true;
        }
        let hp = hp.unwrap_or_default();
        match (self.category(t), self.category(p)) {
            (Category::Things, Category::People) | (Category::People, Category::Things) => false,
            (Category::Unknown, Category::People) => ht.is_none() || self.words.in_parts(&hp),
            _ => true,
        }
    }

    fn starts_list_member(&self, t: usize) -> bool {
        // "450 hommes, 80 femmes dont …": the total is an item of a list.
        if t == self.range.start {
            return false;
        }
        let prev = t - 1;
        let (cp, ct) = (self.claim(prev), self.claim(t));
        if cp.sentence() != ct.sentence() || cp.fig.kind != ct.fig.kind || cp.fig.entity().is_none()
        {
            return false;
        }
        let g = gap(self.text, self.phrase_end(prev), ct.fig.start());
        // A joiner, maybe with a preposition ("31 hommes et de huit femmes").
        let joined = |g: &[Tok]| self.words.any(|s| &s.joiners).any(|j| **j == *g);
        joined(&g)
            || (g.len() >= 2
                && self
                    .words
                    .any(|s| &s.modifier_links)
                    .any(|m| !m.is_empty() && g.ends_with(m) && joined(&g[..g.len() - m.len()])))
    }

    /// The figure is inside another figure's phrase ("eight top three
    /// hits"), or after a frame word ("sur 17 théâtres").
    fn framed(&self, t: usize) -> bool {
        let ct = self.claim(t);
        if self.inside(t) {
            return true;
        }
        let before = gap(
            self.text,
            back(self.text, ct.sentence().0, ct.fig.start(), 40),
            ct.fig.start(),
        );
        let before = &before[before.len().saturating_sub(3)..];
        self.words
            .any(|s| &s.frames)
            .any(|f| before.ends_with(f) && !f.is_empty())
    }

    /// The figure stands inside the phrase of the figure before it, one
    /// word at most after it ("eight top three hits", "25 kills on 41
    /// swings").
    fn inside(&self, t: usize) -> bool {
        if t <= self.range.start {
            return false;
        }
        let (cp, ct) = (self.claim(t - 1), self.claim(t));
        if cp.sentence() != ct.sentence()
            || !cp.fig.kind.is_quantity()
            || self.phrase_end(t - 1) > ct.fig.start()
        {
            return false;
        }
        let g = gap(self.text, self.phrase_end(t - 1), ct.fig.start());
        let joined = self.words.any(|s| &s.joiners).any(|j| g.ends_with(j));
        words(&g) <= 1 && g.iter().all(|x| matches!(x, Tok::Word(_))) && !joined
    }

    /// The parts from `first` on, for total `t`: the list, its lows, and
    /// where it stopped.
    fn list(
        &self,
        t: usize,
        first: usize,
        shape: Shape,
        strict: bool,
        commas_end: bool,
    ) -> (Vec<usize>, Vec<Decimal>, Stop) {
        // A sum after its parts states their unit with each.
        let kinds_strict = matches!(shape, Shape::SumAfter | Shape::Running | Shape::Tally);
        let mut parts = vec![first];
        let mut factors = vec![self.factor(t, first)];
        // The parts' sentence (an anaphor's whole may close the one
        // before).
        let sentence = self.claim(first).sentence();
        let total_head = self.head(t);
        let mut k = first + 1;
        let mut gap_from = self.phrase_end(first);
        if shape != Shape::Anaphor && self.points_back(first) {
            return (parts, factors, Stop::End);
        }
        while k < self.range.end && self.claim(k).sentence() == sentence {
            let c = self.claim(k);
            // Dates, times and codes between parts are their modifiers.
            if !c.fig.kind.is_quantity() {
                k += 1;
                continue;
            }
            // So is a figure inside the last part's phrase ("25 kills on
            // 41 swings, 1 stuff block …"): the phrase ends after it.
            if parts.last() == Some(&(k - 1)) && self.inside(k) {
                gap_from = self.phrase_end(k).max(gap_from);
                k += 1;
                continue;
            }
            if c.fig.start() < gap_from || c.fig.start() - gap_from > MAX_GAP {
                break;
            }
            let mut g = gap(self.text, gap_from, c.fig.start());
            if shape == Shape::Anaphor && parts.len() == 1 {
                if let Some(a) = self
                    .words
                    .any(|s| &s.anaphors)
                    .find(|a| !a.is_empty() && g.starts_with(a))
                {
                    g.drain(..a.len());
                }
            }
            // A figure inside a part's parenthesis ("2 in Kurunthogai
            // (verse 11), 2 in …") is one of its modifiers.
            let open = g.iter().filter(|x| **x == Tok::Punct('(')).count();
            if shape != Shape::Paren && open > 0 {
                let rest = &self.text[c.fig.end()..sentence.1];
                if rest
                    .find(')')
                    .is_some_and(|close| !rest[..close].contains('('))
                {
                    k += 1;
                    continue;
                }
            }
            // A figure of another kind attached to the part ("102 décès en
            // 24 heures dans les hôpitaux et 23 …") is one of its modifiers.
            let joined_here = self
                .words
                .any(|s| &s.joiners)
                .any(|j| !j.is_empty() && g.ends_with(j));
            if self.eligible(k) && !self.same_kind(t, k, kinds_strict) && !joined_here {
                k += 1;
                continue;
            }
            if g.contains(&Tok::Punct(')')) || g.contains(&Tok::Punct('.')) {
                break;
            }
            if shape != Shape::Paren && g.contains(&Tok::Punct('(')) {
                break;
            }
            // A second dash closes the dash's aside.
            if shape == Shape::Dash && g.contains(&Tok::Punct('-')) {
                break;
            }
            if contains(self.words.any(|s| &s.blockers), &g)
                || contains(self.words.any(|s| &s.sum_leads), &g)
                || contains(self.words.any(|s| &s.running_leads), &g)
            {
                break;
            }
            // A nested marker: after a comma it breaks the same total
            // down again; without one, the part before it.
            let marker = suffix(self.words.any(|s| &s.subset_markers), &g)
                .map(|n| (n, Shape::Subset))
                .or_else(|| {
                    suffix(self.words.any(|s| &s.complete_markers), &g)
                        .map(|n| (n, Shape::Complete))
                });
            if let Some((n, sh)) = marker {
                let before = &g[..g.len() - n];
                if before.last() == Some(&Tok::Punct(',')) && words(before) == 0 {
                    let span = tail_span(self.text, gap_from, c.fig.start(), n);
                    return (parts, factors, Stop::Again(k, span, sh));
                }
                break;
            }
            if contains(self.words.any(|s| &s.subset_markers), &g) {
                break;
            }
            // The last joiner, the part's modifiers before it, and what
            // may lead the next part ("et 27 autres", "and a further 10").
            let joiners: Vec<&Vec<Tok>> = self.words.any(|s| &s.joiners).collect();
            let mut at = None;
            for i in (0..g.len()).rev() {
                if let Some(j) = joiners
                    .iter()
                    .filter(|j| g[i..].starts_with(j))
                    .max_by_key(|j| j.len())
                {
                    at = Some((i, j.len()));
                    break;
                }
            }
            let Some((ji, jl)) = at else { break };
            // After the joiner, a word that leads a part ("and a further
            // 10") or a short phrase opened by a preposition ("and on
            // equipment £1699"); not a verb ("…, blessant 66 autres").
            let after = &g[ji + jl..];
            // "…; of the 274 plain Bronze Stars, 133 …": a new set opens.
            if self
                .words
                .any(|s| &s.set_leads)
                .any(|l| !l.is_empty() && after.starts_with(l))
            {
                break;
            }
            let leads = self.words.any(|s| &s.part_leads).any(|l| l[..] == *after);
            let prepositional = after.len() <= 4
                && after.iter().all(|x| matches!(x, Tok::Word(_)))
                && self
                    .words
                    .any(|s| &s.part_preps)
                    .any(|m| !m.is_empty() && after.starts_with(m));
            // A tally's items may each have their verb ("scored 26 goals
            // and made 18 assists for 44 points").
            let verb = shape == Shape::Tally
                && words(after) == 1
                && after.len() == 1
                && words(&g[ji..ji + jl]) == jl
                && words(&g[..ji]) == 0;
            if !after.is_empty() && !leads && !prepositional && !verb {
                break;
            }
            let before = &g[..ji];
            if words(before) > 16 {
                break;
            }
            let semicolon = g.contains(&Tok::Punct(';'));
            if semicolon && !matches!(shape, Shape::Paren | Shape::Colon | Shape::Dash) {
                break;
            }
            if commas_end && g.contains(&Tok::Punct(',')) {
                break;
            }
            if before
                .iter()
                .any(|x| matches!(x, Tok::Punct(c) if !matches!(c, ',' | ';' | '-')))
            {
                break;
            }
            // A figure joined as the next item that cannot be a part ("trois
            // prix (20.000, 10.000 et 5.000 dollars)"): the bare items
            // before it share its unit, and the list is no breakdown.
            if self.eligible(k) && !self.same_kind(t, k, kinds_strict) {
                return (parts, factors, Stop::Poisoned);
            }
            // After a part that counts the total's noun, elided, the
            // list's other nouns are kinds of it ("467.200
            // hommes: 130.000 dans les forces d'active, 187.200
            // paramilitaires …").
            let anchored = parts.iter().any(|&q| self.bare(q));
            if !self.eligible(k)
                || !self.compatible(t, k, strict)
                || (paren_like(shape) && !anchored && self.stray(t, k))
            {
                break;
            }
            // A part named like the total, or by a generic noun, after a
            // part named otherwise is a quantity of its own ("16 medals,
            // including 7 golds, and 21 medals in …").
            let prev = *parts.last().unwrap();
            if let Some(h) = self.head(k) {
                let first_head = self.head(first);
                let like_total = total_head.as_deref().is_some_and(|t| same_noun(t, &h));
                let like_first = first_head.as_deref().is_some_and(|f| same_noun(f, &h));
                let closing = g.contains(&Tok::Punct(','));
                if ((like_total && closing) || self.generic(k)) && !like_first {
                    break;
                }
            }
            if self.measures_differ(prev, k) {
                break;
            }
            // "(3.195, dont 2.896 à Kinshasa, et 72 décès": after bare
            // parts of a total without a noun, a figure of a measure the
            // lexicon knows, after a comma and a word joiner, is a quantity
            // beside the total.
            let word_joined = self
                .words
                .any(|s| &s.joiners)
                .filter(|j| j.iter().all(|x| matches!(x, Tok::Word(_))))
                .any(|j| g[..ji + jl].ends_with(j));
            if self.claim(first).fig.entity().is_none()
                && self.claim(t).fig.entity().is_none()
                && self.claim(k).counted().is_some()
                && word_joined
                && g[..ji].contains(&Tok::Punct(','))
            {
                break;
            }
            factors.push(self.factor(prev, k));
            parts.push(k);
            gap_from = self.phrase_end(k);
            k += 1;
            // "two of whom": a part that points back breaks the part
            // before it down, and ends the list.
            if self.points_back(k - 1) {
                parts.pop();
                factors.pop();
                break;
            }
        }
        (parts, factors, Stop::End)
    }

    /// Checks on the whole list of parts. Shares, amounts and measures of
    /// which one part is as large as the total are the values of
    /// subgroups ("66 % … dont 72 % parmi LR"), unless the text states the
    /// sum. Bare parts after punctuation and a last part with a noun that
    /// is not the total's count that noun, not the total ("two cascade
    /// connections (6 and 8 poles)").
    /// A running total names what it counts: parts of two different nouns
    /// are no increments of one ("96 décès et 6.405 contaminations,
    /// portant le total des morts à …").
    fn parts_of(&self, b: &Breakdown) -> bool {
        let ct = self.claim(b.total);
        // As many parts as the total counts items, adding up to twice the
        // total or more: the values of each item ("four fixed speeds (25,
        // 50, 75 and 100 km/h)", "the top three (3 points, 2 points and 1
        // point)").
        let total = ct.fig.value().unwrap_or_default();
        let sum: Decimal = b
            .parts
            .iter()
            .map(|&p| self.claim(p).fig.value().unwrap_or_default())
            .sum();
        if Decimal::from(b.parts.len()) == total && sum >= total * Decimal::TWO {
            return false;
        }
        let stated = matches!(b.shape, Shape::SumAfter | Shape::Running);
        // An area, a volume or a mass has no subgroup larger than itself.
        let additive = ct
            .fig
            .unit
            .and_then(|u| self.units.get(u as usize))
            .is_some_and(|u| u.additive);
        // Shares each of a category ("50 % d'avis favorables (41 % de
        // \"plutôt satisfaits\", 9 % de \"très satisfaits\")"): a partitive,
        // not a group ("70 % des hommes"), after every part.
        let categories = ct.fig.kind == Kind::Percent && b.parts.iter().all(|&p| self.partitive(p));
        if ct.fig.kind != Kind::Count && !stated && !additive && !categories {
            let total = ct.fig.value().unwrap_or_default();
            if b.parts
                .iter()
                .any(|&p| self.claim(p).fig.value().unwrap_or_default() >= total)
            {
                return false;
            }
        }
        // "(6 and 8 poles)": bare parts, then the noun they all count.
        let (last, before) = b.parts.split_last().unwrap_or((&b.total, &[]));
        if paren_like(b.shape)
            && !before.is_empty()
            && before.iter().all(|&p| self.claim(p).fig.entity().is_none())
            && self.has_noun(*last)
        {
            if let (Some(t), Some(n)) = (self.head(b.total), self.head(*last)) {
                let (t, n) = (
                    t.trim_end_matches(['s', 'x']).to_string(),
                    n.trim_end_matches(['s', 'x']).to_string(),
                );
                if t != n && !self.words.wholes_of_folded(&t, &n) {
                    return false;
                }
            }
        }
        let nouns: Vec<String> = b
            .parts
            .iter()
            .filter(|&&p| self.has_noun(p))
            .filter_map(|&p| self.head(p))
            .map(|h| h.trim_end_matches(['s', 'x']).to_string())
            .collect();
        let one = !nouns.is_empty() && nouns.iter().all(|n| *n == nouns[0]);
        if b.shape == Shape::Running && !nouns.is_empty() && !one {
            return false;
        }
        true
    }

    /// A word of `partitives` follows the figure, then no determiner
    /// ("41 % de satisfaits", not "41 % de la population").
    fn partitive(&self, i: usize) -> bool {
        let c = self.claim(i);
        let from = c.fig.end().min(c.sentence().1);
        let after = gap(self.text, from, forth(self.text, from, c.sentence().1, 32));
        self.words.any(|s| &s.partitives).any(|p| {
            !p.is_empty()
                && after.starts_with(p)
                && after.get(p.len()).is_some_and(|next| {
                    matches!(next, Tok::Word(_))
                        && !self
                            .words
                            .any(|s| &s.definites)
                            .any(|d| d.len() == 1 && d[0] == *next)
                })
        })
    }

    /// A word of `distributives` follows the figure within a few words
    /// ("one in each of", "deux par équipe").
    fn distributive(&self, i: usize) -> bool {
        let c = self.claim(i);
        let from = self.phrase_end(i).min(c.sentence().1);
        let after = gap(self.text, from, forth(self.text, from, c.sentence().1, 16));
        let after = &after[..after.len().min(3)];
        self.words
            .any(|s| &s.distributives)
            .any(|d| !d.is_empty() && after.windows(d.len()).any(|w| w == &d[..]))
    }

    /// The figure is followed by an anaphor ("two of whom").
    fn points_back(&self, i: usize) -> bool {
        let c = self.claim(i);
        let from = c.fig.end().min(c.sentence().1);
        let after = gap(self.text, from, forth(self.text, from, c.sentence().1, 24));
        self.words
            .any(|s| &s.anaphors)
            .any(|a| !a.is_empty() && after.starts_with(a))
    }

    /// The word after the figure is a counted noun: it has a plural ending
    /// ("52 are cultivated" has none).
    fn has_noun(&self, i: usize) -> bool {
        self.head(i)
            .is_some_and(|h| self.words.plurals.iter().any(|e| h.ends_with(e.as_str())))
    }

    /// The figure's noun stands for anyone ("personnes", "people").
    fn generic(&self, i: usize) -> bool {
        self.claim(i)
            .counted()
            .is_some_and(|m| self.meanings.generic.get(m as usize) == Some(&true))
    }

    /// Two figures count different things the lexicon knows ("96 décès et
    /// 6.405 contaminations"); kinds of people may differ.
    fn measures_differ(&self, a: usize, b: usize) -> bool {
        let people = |m: u16| self.meanings.people.get(m as usize) == Some(&true);
        match (self.claim(a).counted(), self.claim(b).counted()) {
            (Some(x), Some(y)) => x != y && !(people(x) && people(y)),
            _ => false,
        }
    }

    fn push(&self, out: &mut Vec<Breakdown>, b: Breakdown) {
        if !self.parts_of(&b) {
            return;
        }
        // A sentence printed twice: its breakdown is read once.
        if std::iter::once(b.total)
            .chain(b.parts.iter().copied())
            .all(|i| self.claim(i).repeat_of().is_some())
        {
            return;
        }
        let min = match b.shape {
            Shape::Paren
            | Shape::Colon
            | Shape::Dash
            | Shape::Apposition
            | Shape::SumAfter
            | Shape::Running
            | Shape::Tally => 2,
            Shape::Complete => 2,
            _ => 1,
        };
        if b.parts.len() >= min {
            out.push(b);
        }
    }

    /// The parts of total `t` from `first` on, as a breakdown of `shape`
    /// (the list must end at `last` when given); none when the list goes on
    /// with a figure of another kind.
    fn read(
        &self,
        t: usize,
        first: usize,
        shape: Shape,
        marker: (usize, usize),
        last: Option<usize>,
        out: &mut Vec<Breakdown>,
    ) {
        let (parts, factors, stop) = self.list(t, first, shape, false, false);
        if let Stop::Poisoned = stop {
            return;
        }
        if last.is_some_and(|l| parts.last() != Some(&l)) {
            return;
        }
        self.push(
            out,
            Breakdown {
                total: t,
                parts,
                factors,
                marker,
                shape,
            },
        );
    }

    /// A total, a marker after its phrase, the parts.
    fn total_first(&self, t: usize, out: &mut Vec<Breakdown>, not_total: &mut Vec<usize>) {
        if !self.whole(t) || t + 1 >= self.range.end {
            return;
        }
        let ct = self.claim(t);
        // Codes and dates in the total's phrase ("cas de Covid-19") are
        // no parts.
        let mut first = t + 1;
        while first + 1 < self.range.end
            && !self.claim(first).fig.kind.is_quantity()
            && self.claim(first).sentence() == ct.sentence()
        {
            first += 1;
        }
        let cf = self.claim(first);
        if cf.sentence() != ct.sentence() || !self.eligible(first) {
            return;
        }
        // "57 cas en 24 heures, dont 36": a length of time after a word of
        // `time_frames` is the frame of a count, not a whole ("cinq ans de
        // prison, dont deux avec sursis" is).
        if ct.fig.kind == Kind::Duration {
            let before = gap(
                self.text,
                back(self.text, ct.sentence().0, ct.fig.start(), 24),
                ct.fig.start(),
            );
            if self
                .words
                .any(|s| &s.time_frames)
                .any(|f| !f.is_empty() && before.ends_with(f))
            {
                return;
            }
        }
        let from = self.phrase_end(t);
        // Twelve words and a marker at most: a longer gap is read no further.
        if from > cf.fig.start() || cf.fig.start() - from > MAX_GAP {
            return;
        }
        // A frame ("sur 67 chiens") is a total only of parts named by its
        // noun, after punctuation ("67 chiens : … et 62 chiens …").
        let framed = self.framed(t);
        let mut g = gap(self.text, from, cf.fig.start());
        // "67 chiens : les sept …": a determiner before the first part.
        if let Some(n) = suffix(self.words.any(|s| &s.determiners), &g) {
            if g.len() > n && matches!(g[g.len() - n - 1], Tok::Punct(_)) {
                g.truncate(g.len() - n);
            }
        }
        // A bare first part ("50 participants …: 15 dans le groupe …")
        // counts the total's noun, elided.
        let bare = self.bare(first)
            && ct.fig.entity().is_some()
            // A figure may start before its sentence ("environ" ending the
            // line above): then nothing of the sentence stands before it.
            && !self
                .text
                .get(ct.sentence().0.min(ct.fig.start())..ct.fig.start())
                .is_some_and(|b| b.contains(';'));
        let mut copula = false;
        let (shape, n) = if let Some(n) = suffix(self.words.any(|s| &s.subset_markers), &g) {
            (Shape::Subset, n)
        } else if let Some(n) = suffix(self.words.any(|s| &s.complete_markers), &g) {
            (Shape::Complete, n)
        } else if let Some(n) = suffix(self.words.any(|s| &s.copulas), &g) {
            copula = true;
            (Shape::Complete, n)
        } else {
            match g.last() {
                Some(Tok::Punct('(')) => (Shape::Paren, 1),
                Some(Tok::Punct(':')) => (Shape::Colon, 1),
                // "four younger siblings; three brothers and two sisters":
                // a semicolon opens parts named as parts of the total, or
                // parts whose noun is the total's, elided.
                Some(Tok::Punct(';')) if self.named_part(t, first) || bare => (Shape::Colon, 1),
                Some(Tok::Punct('-'))
                    if self.spaced_dash(from, cf.fig.start()) && ct.fig.entity().is_some() =>
                {
                    (Shape::Dash, 1)
                }
                Some(Tok::Punct(',')) => (Shape::Apposition, 1),
                _ => return,
            }
        };
        let mut head = &g[..g.len() - n];
        // "31 hommes et de huit femmes …, dont deux adolescents": after a
        // comma or words, the marker follows a list whose last item is no
        // whole of its own ("80 femmes dont sept enceintes" is).
        if shape == Shape::Subset && !head.is_empty() && self.starts_list_member(t) {
            return;
        }
        // "(dont 30 enfants)": the marker inside parentheses.
        let mut paren = shape == Shape::Paren;
        if let Some(Tok::Punct(p)) = head.last() {
            if matches!(p, ',' | '(' | ':' | '-') && shape != Shape::Apposition {
                paren |= *p == '(';
                head = &head[..head.len() - 1];
            }
        }
        // The first part named by the total's noun or one of its parts'
        // nouns ("125 personnes sont mortes, victimes de …, dont 109
        // femmes"; "trois cas … parmi les fonctionnaires et les magistrats
        // (deux cas …, deux …)") ties it to the total across a longer
        // stretch, commas and other nouns.
        let named = self.named_part(t, first);
        // "The 43 people on board were 7 crew members and 36 passengers":
        // after a verb of being, parts that count people as the total does,
        // or nouns of its groups (not "the three children were 5, 7 and 9").
        if copula
            && !(self.has_noun(first)
                && (named
                    || (self.category(t) == Category::People
                        && self.category(first) == Category::People)))
        {
            return;
        }
        let named = named || (bare && shape == Shape::Colon);
        // A length or an amount may keep a short modifier before an
        // apposition ("twelve years at UNIDO, six in Vienna …").
        let modified = shape == Shape::Apposition
            && ct.fig.kind != Kind::Count
            && self
                .words
                .any(|s| &s.part_preps)
                .any(|m| !m.is_empty() && head.starts_with(m));
        // A count's noun may keep one adjective ("cinq hommes binationaux,
        // cinq Franco-Marocains et un Franco-Turc").
        let adjective = shape == Shape::Apposition
            && ct.fig.kind == Kind::Count
            && !self
                .words
                .any(|s| &s.part_preps)
                .any(|m| !m.is_empty() && head.starts_with(m));
        let limit = match shape {
            Shape::Apposition if modified => 4,
            Shape::Apposition if adjective => 1,
            Shape::Apposition => 0,
            _ if named => 20,
            _ => 12,
        };
        let clean = head.iter().all(|x| matches!(x, Tok::Word(_)))
            || (named
                && head
                    .iter()
                    .all(|x| matches!(x, Tok::Word(_) | Tok::Punct(','))));
        if words(head) > limit || !clean {
            return;
        }
        if contains(self.words.any(|s| &s.blockers), head)
            || (!named && contains(self.words.any(|s| &s.joiners), head))
        {
            return;
        }
        // "six éleveurs ont subi des attaques de vautours : 7 ovins …": the
        // punctuation elaborates the plural noun phrase before it, not the
        // total.
        if paren_like(shape) && !named && self.plural_phrase(head) {
            return;
        }
        // "including at least one in each of four matches": a count per
        // item is no part.
        if self.distributive(first) {
            return;
        }
        let strict = shape == Shape::Apposition;
        if !self.compatible(t, first, strict)
            || (!strict && paren_like(shape) && self.stray(t, first))
        {
            return;
        }
        // An apposition breaks down a count of a noun ("eight teams, five
        // from Europe and four …"); bare numbers in a row are a list.
        // A length or an amount breaks down into bare parts or parts in its
        // unit ("twelve years at UNIDO, six in Vienna and seven in Delhi").
        // Items with the total's own preposition are a list ("10 days in
        // May, 12 in June").
        if strict {
            let cf = self.claim(first);
            let counted = ct.fig.kind == Kind::Count
                && ct.fig.entity().is_some()
                && (cf.fig.entity().is_none()
                    || self.apposition_total(t)
                    || (self.capitalised(first) && self.category(t) == Category::People));
            let measured = matches!(ct.fig.kind, Kind::Duration | Kind::Measure | Kind::Money)
                && ct.fig.unit.is_some()
                && cf.fig.entity().is_none()
                && self.modified(first);
            if !(counted || measured) || self.parallel(head, first) {
                return;
            }
        }
        let semicolon = g.get(g.len() - n) == Some(&Tok::Punct(';'));
        // "three square; one round and one octagonal": a semicolon right
        // after a count separates the items of a series.
        let elided = bare && !self.named_part(t, first);
        if semicolon && ((elided && head.is_empty()) || self.parallel(head, first)) {
            return;
        }
        // "un nombre limité d'infections: quelque 191.000": bare parts
        // after a noun of their own count that noun, not the total.
        if elided && paren_like(shape) && self.counted_noun(head.get(1..).unwrap_or_default()) {
            return;
        }
        let marker = tail_span(self.text, from, cf.fig.start(), n);
        let list_shape = if paren { Shape::Paren } else { shape };
        let commas_end = self.starts_list_member(t) && shape == Shape::Subset;
        let mut marker = marker;
        let mut shape = shape;
        loop {
            let (parts, factors, stop) = self.list(t, first, list_shape, strict, commas_end);
            if let Stop::Poisoned = stop {
                return;
            }
            let last = *parts.last().unwrap();
            if strict && !self.closed(last) {
                return;
            }
            if framed && !(paren_like(list_shape) && parts.iter().any(|&p| self.named_part(t, p))) {
                return;
            }
            // "En 2018, 120 cas; 80 en 2019 et 60 en 2020": parts dated
            // after a comma or a semicolon are the items of a series.
            if (strict || semicolon) && self.dated(first, last) {
                return;
            }
            // "13 awardees …; 27 to get …; 43 would get …": parts that are
            // themselves split by semicolons are the items of a series.
            if semicolon
                && phrase(&self.text[self.claim(first).fig.start()..self.claim(last).fig.start()])
                    .contains(&Tok::Punct(';'))
            {
                return;
            }
            // A part followed by ", dont": the marker breaks the total
            // down again, the part is no total of its own.
            if let Stop::Again(..) = stop {
                not_total.push(last);
            }
            self.push(
                out,
                Breakdown {
                    total: t,
                    parts,
                    factors,
                    marker,
                    shape,
                },
            );
            match stop {
                Stop::Again(k, span, sh) if self.eligible(k) && self.compatible(t, k, false) => {
                    first = k;
                    marker = span;
                    shape = sh;
                }
                _ => break,
            }
        }
    }

    /// After punctuation only, a part of a total of people that counts
    /// something the data does not know as people ("six éleveurs … : 7
    /// ovins et 2 bovins").
    fn stray(&self, t: usize, p: usize) -> bool {
        // A word after the number without a plural ending is no counted
        // noun ("12 coming in", "4 at-large").
        let plural = self
            .head(p)
            .is_some_and(|h| self.words.plurals.iter().any(|e| h.ends_with(e.as_str())));
        self.category(t) == Category::People
            && plural
            && self.category(p) == Category::Unknown
            && !self.capitalised(p)
    }

    /// A plural noun after a determiner or a link in `toks` ("un nombre
    /// d'infections"; the caller leaves out the total's own complement,
    /// "trois groupes d'hélices").
    fn counted_noun(&self, toks: &[Tok]) -> bool {
        let mut links = self
            .words
            .any(|s| &s.determiners)
            .chain(self.words.any(|s| &s.modifier_links));
        // Five letters at least: not "this", "ans".
        let plural = |t: &Tok| {
            matches!(t, Tok::Word(n) if n.chars().count() >= 5
                && self.words.plurals.iter().any(|e| n.ends_with(e.as_str())))
        };
        links.any(|d| {
            !d.is_empty()
                && toks
                    .windows(d.len() + 1)
                    .any(|w| w[..d.len()] == d[..] && plural(&w[d.len()]))
        })
    }

    /// A determiner and a plural noun in `toks` ("des attaques"), not
    /// first: the total's own complement ("38 % des Français …") is no
    /// other phrase.
    fn plural_phrase(&self, toks: &[Tok]) -> bool {
        let toks = toks.get(1..).unwrap_or_default();
        self.words.any(|s| &s.determiners).any(|d| {
            !d.is_empty()
                && toks.windows(d.len() + 1).any(|w| {
                    w[..d.len()] == d[..]
                        && matches!(&w[d.len()], Tok::Word(n)
                            if self.words.plurals.iter().any(|e| n.ends_with(e.as_str())))
                })
        })
    }

    /// A dash between spaces (not "9–11", a score or a range).
    fn spaced_dash(&self, a: usize, b: usize) -> bool {
        let g = &self.text[a..b];
        g.char_indices().any(|(i, c)| {
            matches!(c, '-' | '–' | '—')
                && (g[..i].ends_with(char::is_whitespace)
                    || g[i + c.len_utf8()..].starts_with(char::is_whitespace))
        })
    }

    /// Part `p` is named by total `t`'s noun, or by a noun the groups make
    /// a part of it.
    fn named_part(&self, t: usize, p: usize) -> bool {
        match (self.head(t), self.head(p)) {
            (Some(ht), Some(hp)) => {
                let (ht, hp) = (
                    ht.trim_end_matches(['s', 'x']).to_string(),
                    hp.trim_end_matches(['s', 'x']).to_string(),
                );
                ht == hp || self.words.wholes_of_folded(&ht, &hp)
            }
            _ => false,
        }
    }

    /// A part without a noun of its own or a unit: it counts the total's
    /// noun, elided ("50 participants …: 15 dans le groupe …").
    fn bare(&self, i: usize) -> bool {
        let f = &self.claim(i).fig;
        f.kind == Kind::Count && f.unit.is_none() && !self.has_noun(i)
    }

    /// The total's modifier (`head`, the words between its phrase and the
    /// punctuation) opens with the preposition that opens part `p`'s: the
    /// items of a list ("3 morts à Paris, 5 à Lyon"), not parts.
    fn parallel(&self, head: &[Tok], p: usize) -> bool {
        let Some(Tok::Word(w)) = head.first() else {
            return false;
        };
        self.after_phrase(p).first() == Some(&Tok::Word(w.clone()))
            && self
                .words
                .any(|s| &s.part_preps)
                .any(|m| m.len() == 1 && m[0] == Tok::Word(w.clone()))
    }

    /// The tokens of the few words after figure `p`'s phrase, in its
    /// sentence.
    fn after_phrase(&self, p: usize) -> Vec<Tok> {
        let c = self.claim(p);
        let from = self.phrase_end(p).min(c.sentence().1);
        gap(self.text, from, forth(self.text, from, c.sentence().1, 24))
    }

    /// A preposition opens the words after figure `p`'s phrase ("six in
    /// Vienna"): the part says which part it is.
    fn modified(&self, p: usize) -> bool {
        let after = self.after_phrase(p);
        self.words
            .any(|s| &s.part_preps)
            .any(|m| !m.is_empty() && after.starts_with(m))
    }

    /// A date stands among the parts from `first` to `last`.
    fn dated(&self, first: usize, last: usize) -> bool {
        let end = self.phrase_end(last) + 24;
        let sentence = self.claim(first).sentence();
        (first..self.range.end)
            .take_while(|&k| {
                self.claim(k).fig.start() <= end && self.claim(k).sentence() == sentence
            })
            .any(|k| self.claim(k).fig.kind == Kind::Date)
    }

    /// An apposition's total: a noun that is a whole of the data's groups.
    fn apposition_total(&self, t: usize) -> bool {
        self.head(t)
            .is_some_and(|h| self.words.wholes_of(&h).next().is_some())
    }

    /// An apposition closes with a comma or the end of the sentence,
    /// after the last part's modifiers ("five from Europe and four from
    /// North America."), not with a verb phrase that goes on.
    fn closed(&self, last: usize) -> bool {
        let c = self.claim(last);
        let rest = &self.text[self.phrase_end(last)..c.sentence().1];
        let upto = rest.find([',', ';', ')']).unwrap_or(rest.len());
        let g = gap(
            self.text,
            self.phrase_end(last),
            self.phrase_end(last) + upto,
        );
        words(&g) <= 4
            && g.iter()
                .all(|t| matches!(t, Tok::Word(_) | Tok::Punct('.' | '!' | '?')))
    }

    /// "Parmi les 150 personnes mises à l'abri, 80 … et 70 …".
    fn set_first(&self, t: usize, out: &mut Vec<Breakdown>) {
        if !self.whole(t) || t + 1 >= self.range.end {
            return;
        }
        let (ct, cf) = (self.claim(t), self.claim(t + 1));
        if cf.sentence() != ct.sentence() || !self.eligible(t + 1) {
            return;
        }
        let start = back(self.text, ct.sentence().0, ct.fig.start(), 40);
        let before = gap(self.text, start, ct.fig.start());
        let Some(n) = suffix(self.words.any(|s| &s.set_leads), &before) else {
            return;
        };
        // The lead opens the sentence or a clause ("Of the 45 injured, …";
        // not "members of the two groups, …").
        let opens = if before.len() == n {
            start == ct.sentence().0
        } else {
            matches!(before[before.len() - n - 1], Tok::Punct(_))
        };
        if !opens {
            return;
        }
        let from = self.phrase_end(t);
        if from > cf.fig.start() || cf.fig.start() - from > MAX_GAP {
            return;
        }
        let g = gap(self.text, from, cf.fig.start());
        if g.last() != Some(&Tok::Punct(',')) {
            return;
        }
        let head = &g[..g.len() - 1];
        if words(head) > 8 || head.iter().any(|x| !matches!(x, Tok::Word(_))) {
            return;
        }
        if !self.compatible(t, t + 1, false) {
            return;
        }
        let marker = tail_span(self.text, start, ct.fig.start(), n);
        self.read(t, t + 1, Shape::SetFirst, marker, None, out);
    }

    /// "cinq tags …, quatre d'entre eux …", "Of these, 57 …".
    fn anaphor(&self, p: usize, out: &mut Vec<Breakdown>) {
        if !self.eligible(p) || p == self.range.start {
            return;
        }
        let cp = self.claim(p);
        // "64 % d'entre eux" is a share of the whole, not a part of it.
        if cp.fig.kind == Kind::Percent {
            return;
        }
        let after_end = forth(
            self.text,
            cp.fig.end().min(cp.sentence().1),
            cp.sentence().1,
            40,
        );
        if cp.fig.end() > after_end {
            return;
        }
        let after = gap(self.text, cp.fig.end(), after_end);
        let pointing = self
            .words
            .any(|s| &s.anaphors)
            .find(|a| !a.is_empty() && after.starts_with(a));
        // A lead opens the sentence, a few words before the part.
        let lead_start = cp.sentence().0;
        let lead = if cp.fig.start().saturating_sub(lead_start) <= 48 {
            gap(self.text, lead_start, cp.fig.start())
        } else {
            Vec::new()
        };
        // A lead that also opens a set ("Of these five trials, three …")
        // restates the whole with the figure after it when a comma closes
        // the figure's phrase ("Of these 5,697 were from Australia" is a
        // part).
        let restated =
            || gap(self.text, self.phrase_end(p), after_end).first() == Some(&Tok::Punct(','));
        let opening = self.words.any(|s| &s.anaphor_leads).find(|a| {
            !a.is_empty()
                && lead.starts_with(a)
                && lead[a.len()..].iter().all(|x| *x == Tok::Punct(','))
                && (lead.len() > a.len()
                    || !self.words.any(|s| &s.set_leads).any(|l| l == *a)
                    || !restated())
        });
        // A part that opens its sentence ("… 60 militaires … . 31 d'entre
        // eux …") points back into the sentence before.
        let opens = cp.fig.kind == Kind::Count
            && cp.fig.start().saturating_sub(lead_start) <= 48
            && words(&lead) == 0;
        let (marker, in_previous) = match (pointing, opening) {
            (Some(a), _) if cp.fig.entity().is_none() || self.anaphor_entity(p, a) => (
                head_span(self.text, cp.fig.end(), after_end, a.len()),
                opens,
            ),
            (_, Some(a)) => (
                head_span(self.text, lead_start, cp.fig.start(), a.len()),
                true,
            ),
            _ => return,
        };
        // The whole: the last figure with a noun before, in this sentence
        // (a few words before, no clause between: "cinq tags, rapporte que
        // quatre d'entre eux") or closing the sentence before the lead.
        let mut t = None;
        for k in (self.range.start..p).rev() {
            let ck = self.claim(k);
            let same = ck.sentence() == cp.sentence();
            if !same && !in_previous {
                break;
            }
            if !same && ck.sentence().1 + 3 < cp.sentence().0 {
                break;
            }
            // In the sentence before, a figure of another kind or unit
            // ("11,419,124 hectares, 32.0 percent of …. Of these, …") is
            // passed over.
            if !same && self.eligible(k) && !self.same_kind(k, p, false) {
                continue;
            }
            if self.eligible(k) && (ck.fig.entity().is_some() || ck.fig.unit.is_some() || same) {
                t = Some(k);
                break;
            }
            if ck.fig.kind.is_quantity() {
                break;
            }
        }
        let Some(mut t) = t else { return };
        // "11.693 soldats de 23 pays. Parmi eux, …": the head of the
        // phrase, not the figure of its modifier.
        while t > self.range.start {
            let prev = t - 1;
            let (cq, ct) = (self.claim(prev), self.claim(t));
            if cq.sentence() != ct.sentence() || self.phrase_end(prev) > ct.fig.start() {
                break;
            }
            let mut g = gap(self.text, self.phrase_end(prev), ct.fig.start());
            if g.first() == Some(&Tok::Punct('(')) {
                g.remove(0);
            }
            // Only when the part would not fit the nearer figure ("17
            // assists in 82 appearances, 74 of which …" keeps 82).
            let fits = self.claim(p).fig.value() <= self.claim(t).fig.value();
            if self.eligible(prev)
                && !fits
                && !g.is_empty()
                && self.words.any(|s| &s.modifier_links).any(|l| *l == g)
            {
                t = prev;
            } else {
                break;
            }
        }
        if !self.whole(t) || (in_previous && self.claim(t).sentence() == cp.sentence()) {
            return;
        }
        let near = if in_previous {
            // The whole closes its sentence, or is the only figure of the
            // part's kind in it.
            let ct = self.claim(t);
            let after = words(&gap(self.text, self.phrase_end(t), ct.sentence().1));
            let alone = !(self.range.start..p).any(|k| {
                k != t
                    && self.claim(k).sentence() == ct.sentence()
                    && self.eligible(k)
                    && self.same_kind(k, p, false)
            });
            // A part opening its sentence with an anaphor may point to a
            // plural noun before or after the whole ("Ses livres ont été
            // traduits dans une vingtaine de langues. Deux d'entre eux …") ("60 militaires ont reçu des
            // téléphones. 70 d'entre eux …"): no breakdown then.
            // Unless the whole is the subject of its sentence (a few words
            // at most before it), the antecedent a pronoun prefers.
            let subject = words(&gap(self.text, ct.sentence().0, ct.fig.start())) <= 3;
            let mut before = vec![Tok::Punct('.')];
            before.extend(gap(self.text, ct.sentence().0, ct.fig.start()));
            let other_noun = pointing.is_some()
                && opening.is_none()
                && !subject
                && (self.plural_phrase(&gap(self.text, self.phrase_end(t), ct.sentence().1))
                    || self.plural_phrase(&before));
            (after <= 8 || (alone && after <= 24)) && !other_noun
        } else {
            self.phrase_end(t) <= cp.fig.start() && {
                let g = gap(self.text, self.phrase_end(t), cp.fig.start());
                let coordinated = self
                    .words
                    .any(|s| &s.joiners)
                    .filter(|j| j.iter().all(|x| matches!(x, Tok::Word(_))))
                    .any(|j| g.windows(j.len()).any(|w| w == &j[..]));
                words(&g) <= 8 && !coordinated
            }
        };
        // A date between them: the part is counted at another time.
        let dated = (t + 1..p).any(|k| self.claim(k).fig.kind == Kind::Date);
        if !near || dated {
            return;
        }
        if !self.compatible(t, p, false) {
            return;
        }
        self.read(t, p, Shape::Anaphor, marker, None, out);
    }

    /// A tally: a figure of one of `tally_nouns` ("44 points").
    fn tally(&self, t: usize) -> bool {
        self.head(t)
            .is_some_and(|h| self.words.langs.iter().any(|s| s.tally_nouns.contains(&h)))
    }

    /// "Regulation Wins 66 + Overtime Wins 12 + Shootout Wins 7 = 84":
    /// figures joined by `+`, each maybe after a label, then `=` and their
    /// sum. The signs say how they relate, whatever the labels.
    fn equation(&self, t: usize, out: &mut Vec<Breakdown>) {
        let term = |k: usize| {
            let c = self.claim(k);
            matches!(c.fig.kind, Kind::Count | Kind::Identifier)
                && c.fig.value().is_some()
                && c.fig.low().is_none()
                && c.fig.high().is_none()
        };
        let ct = self.claim(t);
        if t == self.range.start
            || ct.fig.kind != Kind::Count
            || ct.fig.value().is_none_or(|v| v <= Decimal::ONE)
        {
            return;
        }
        // Between two terms: one sign, maybe after a label of up to four
        // words.
        let between = |a: usize, b_end: usize, sign: char| {
            let g = gap(self.text, self.claim(a).fig.end(), b_end);
            g.iter().filter(|x| matches!(x, Tok::Punct(_))).count() == 1
                && g.contains(&Tok::Punct(sign))
                && words(&g) <= 4
                && g.first() == Some(&Tok::Punct(sign))
        };
        let last = t - 1;
        let cl = self.claim(last);
        if cl.sentence() != ct.sentence() || !term(last) || cl.fig.end() > ct.fig.num_start() {
            return;
        }
        let sign = phrase(&self.text[cl.fig.end()..ct.fig.num_start()]);
        if sign.last() != Some(&Tok::Punct('=')) || words(&sign) > 0 {
            return;
        }
        let mut first = last;
        while first > self.range.start {
            let k = first - 1;
            let ck = self.claim(k);
            if ck.sentence() != ct.sentence()
                || !term(k)
                || ck.fig.end() > self.claim(first).fig.start()
            {
                break;
            }
            if !between(k, self.claim(first).fig.start(), '+') {
                break;
            }
            first = k;
        }
        if first == last {
            return;
        }
        // Nothing that continues the sum on either side ("10 - 3 + 2 = 9",
        // "= 84 - 2").
        let before = gap(
            self.text,
            back(self.text, ct.sentence().0, self.claim(first).fig.start(), 8),
            self.claim(first).fig.start(),
        );
        let after = gap(
            self.text,
            ct.fig.end(),
            forth(self.text, ct.fig.end(), ct.sentence().1, 3),
        );
        let operator =
            |x: Option<&Tok>| matches!(x, Some(Tok::Punct('+' | '-' | '×' | '*' | '/' | '=')));
        if operator(before.last()) || operator(after.first()) {
            return;
        }
        let parts: Vec<usize> = (first..=last).collect();
        let marker = tail_span(self.text, cl.fig.end(), ct.fig.num_start(), 1);
        out.push(Breakdown {
            total: t,
            factors: vec![Decimal::ONE; parts.len()],
            parts,
            marker,
            shape: Shape::SumAfter,
        });
    }

    /// An entity that is the anaphor's own word ("52 of them": no noun).
    fn anaphor_entity(&self, p: usize, a: &[Tok]) -> bool {
        let Some(h) = self.head(p) else { return true };
        matches!(a.first(), Some(Tok::Word(w)) if *w == h)
    }

    /// "190 greffiers et 61 magistrats, soit 211 personnes".
    fn sum_after(&self, t: usize, out: &mut Vec<Breakdown>) {
        if !self.whole(t) || t == self.range.start {
            return;
        }
        let ct = self.claim(t);
        if ct.fig.kind == Kind::Duration {
            return;
        }
        let mut last = t - 1;
        while last > self.range.start
            && !self.claim(last).fig.kind.is_quantity()
            && self.claim(last).sentence() == ct.sentence()
        {
            last -= 1;
        }
        let cl = self.claim(last);
        if cl.sentence() != ct.sentence() || !self.eligible(last) {
            return;
        }
        let from = self.phrase_end(last);
        if from > ct.fig.start() || ct.fig.start() - from > MAX_GAP {
            return;
        }
        // "= 84": the sign was read with the figure, as its qualifier.
        let lead_end =
            if phrase(&self.text[ct.fig.start()..ct.fig.num_start()]) == [Tok::Punct('=')] {
                ct.fig.num_start()
            } else {
                ct.fig.start()
            };
        let g = gap(self.text, from, lead_end);
        let running = suffix(self.words.any(|s| &s.running_leads), &g);
        let (shape, n) = match (running, suffix(self.words.any(|s| &s.sum_leads), &g)) {
            (Some(r), s) if s.is_none_or(|s| r >= s) => (Shape::Running, r),
            (_, Some(s)) => (Shape::SumAfter, s),
            _ => match suffix(self.words.any(|s| &s.tally_leads), &g) {
                Some(n) if self.tally(t) => (Shape::Tally, n),
                _ => return,
            },
        };
        // "soit 69 de moins que la veille": a change, not a total.
        let rest = self.phrase_end(t).min(ct.sentence().1);
        let after = gap(self.text, rest, forth(self.text, rest, ct.sentence().1, 24));
        if self
            .words
            .any(|s| &s.blockers)
            .any(|b| !b.is_empty() && after.starts_with(b))
        {
            return;
        }
        let head = &g[..g.len() - n];
        let head = match head.last() {
            Some(Tok::Punct(',')) => &head[..head.len() - 1],
            _ => head,
        };
        if words(head) > 12 || head.iter().any(|x| !matches!(x, Tok::Word(_))) {
            return;
        }
        let marker = tail_span(self.text, from, lead_end, n);
        // The parts: back from the last one while the list holds, over
        // the figures of the parts' modifiers ("102 décès en 24 heures").
        let mut first = last;
        let mut k = last;
        while k > self.range.start {
            k -= 1;
            let ck = self.claim(k);
            if ck.sentence() != ct.sentence() {
                break;
            }
            if !ck.fig.kind.is_quantity() || (self.eligible(k) && !self.same_kind(t, k, true)) {
                continue;
            }
            if self.inside(k) && k != last {
                continue;
            }
            // A tally's items are whatever scores ("25 kills"), not
            // kinds of a whole.
            let tally = shape == Shape::Tally;
            if !self.eligible(k) || !(tally || self.compatible(t, k, false)) {
                break;
            }
            let (parts, _, _) = self.list(t, k, shape, false, false);
            if !parts.contains(&first) {
                break;
            }
            first = k;
        }
        if !self.same_kind(t, first, true)
            || !(shape == Shape::Tally || self.compatible(t, first, false))
        {
            return;
        }
        // "10 wins, 10 losses and 4 ties for 34 points": a loss scores
        // nothing, the items are no part of the tally.
        if shape == Shape::Tally
            && (first..t).any(|k| {
                self.head(k)
                    .is_some_and(|h| self.words.langs.iter().any(|s| s.unscored.contains(&h)))
            })
        {
            return;
        }
        // "four large rooms and two smaller, for a total of 180 pupils":
        // a sum of people of one kind is no sum of things.
        if !self.generic(t) && (first..t).any(|k| self.eligible(k) && self.stray(t, k)) {
            return;
        }
        self.read(t, first, shape, marker, Some(last), out);
    }
}

#[cfg(test)]
mod tests {
    /// Every example of the structure data: the total and parts read.
    #[test]
    fn examples_of_the_data_hold() {
        let cfg = crate::testing::config();
        let (lex, meanings) = (&cfg.lexicon, &cfg.meanings);
        let mut failures = Vec::new();
        let mut n = 0;
        for (code, l) in &lex.languages {
            for (text, total, parts) in &l.structure.examples {
                n += 1;
                let lang = crate::model::Lang::Known(*code);
                let doc = crate::input::Document::new("a", text.clone(), Some(lang));
                let corpus = crate::build_corpus(vec![doc], cfg);
                let found = super::breakdowns(&corpus, lex, meanings, 0);
                let lit = |i: usize| corpus.claims[i].fig.text(text).to_string();
                let got: Vec<(String, Vec<String>)> = found
                    .iter()
                    .map(|b| (lit(b.total), b.parts.iter().map(|&p| lit(p)).collect()))
                    .collect();
                let ok = if total.is_empty() {
                    got.is_empty()
                } else {
                    got.iter().any(|(t, p)| t == total && p == parts)
                };
                if !ok {
                    failures.push(format!("{text}\n  want {total:?} {parts:?}\n  got {got:?}"));
                }
            }
        }
        assert!(n >= 20, "{n} examples");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

#[cfg(test)]
mod debug {
    /// Prints the figures and breakdowns of `STRUCTURE_TEXT` (a reading
    /// aid: `STRUCTURE_TEXT=… cargo test structure_of_text -- --ignored
    /// --nocapture`).
    #[test]
    #[ignore]
    #[allow(clippy::print_stdout)]
    fn structure_of_text() {
        let cfg = crate::testing::config();
        let lang = crate::model::Lang::new(&std::env::var("STRUCTURE_LANG").unwrap_or("fr".into()));
        for text in std::env::var("STRUCTURE_TEXT")
            .unwrap_or_default()
            .split('\n')
        {
            let doc = crate::input::Document::new("a", text.to_string(), Some(lang));
            let corpus = crate::build_corpus(vec![doc], cfg);
            for c in &corpus.claims {
                let e = c.fig.entity().map(|(s, e)| &text[s..e]);
                println!(
                    "  {:?} {:?} value={:?} scale={} entity={e:?} role={:?} counted={:?} usable={}",
                    c.fig.text(text),
                    c.fig.kind,
                    c.fig.value(),
                    c.fig.scale,
                    c.role(),
                    c.counted(),
                    c.usable()
                );
            }
            for b in super::breakdowns(&corpus, &cfg.lexicon, &cfg.meanings, 0) {
                let lit = |i: usize| corpus.claims[i].fig.text(text).to_string();
                let parts: Vec<String> = b.parts.iter().map(|&p| lit(p)).collect();
                println!(
                    "  => {:?} {} {:?} ({})",
                    b.shape,
                    lit(b.total),
                    parts,
                    b.why(text)
                );
            }
        }
    }

    /// Prints every breakdown read in the JSONL file `STRUCTURE_FILE`, one
    /// JSON line each (document, shape, total, parts, marker, sentence), for
    /// reading a sample of them.
    #[test]
    #[ignore]
    #[allow(clippy::print_stdout)]
    fn structure_of_file() {
        let cfg = crate::testing::config();
        let path = std::env::var("STRUCTURE_FILE").unwrap_or_default();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let docs = crate::input::parse_jsonl(&path, &text, None).unwrap_or_default();
        let corpus = crate::build_corpus(docs, cfg);
        for d in 0..corpus.docs.len() {
            let t = corpus.docs[d].text.as_str();
            for b in super::breakdowns(&corpus, &cfg.lexicon, &cfg.meanings, d) {
                let c = &corpus.claims[b.total];
                let lit = |i: usize| corpus.claims[i].fig.text(t).to_string();
                let row = serde_json::json!({
                    "doc": corpus.docs[d].id,
                    "shape": format!("{:?}", b.shape),
                    "total": lit(b.total),
                    "parts": b.parts.iter().map(|&p| lit(p)).collect::<Vec<_>>(),
                    "why": b.why(t),
                    "sentence": &t[c.sentence().0..c.sentence().1],
                });
                println!("{row}");
            }
        }
    }
}

#[cfg(test)]
mod judged {
    //! The breakdowns of `fixtures/judged/structure.tsv`: a sample of those
    //! read on the benchmark corpus, each judged by reading (see the
    //! README there). Each row's sentence is read alone, in its language.

    /// The (total, parts) literals of every breakdown read in `text`.
    fn readings(lang: &str, text: &str) -> Vec<(String, Vec<String>)> {
        let cfg = crate::testing::config();
        let lang = crate::model::Lang::new(lang);
        let doc = crate::input::Document::new("a", text.to_string(), Some(lang));
        let corpus = crate::build_corpus(vec![doc], cfg);
        let lit = |i: usize| corpus.claims[i].fig.text(text).to_string();
        super::breakdowns(&corpus, &cfg.lexicon, &cfg.meanings, 0)
            .iter()
            .map(|b| (lit(b.total), b.parts.iter().map(|&p| lit(p)).collect()))
            .collect()
    }

    /// A breakdown judged right is still read; one judged wrong is read no
    /// more. A row `known-wrong` is a wrong reading still given, left to
    /// later work: it must still be read, so that when it goes the row is
    /// marked `wrong` and the list only shrinks.
    #[test]
    fn judged_readings_hold() {
        let tsv = include_str!("../../fixtures/judged/structure.tsv");
        let mut lines = tsv.lines();
        let header = lines.next().unwrap_or_default();
        assert_eq!(
            header,
            "lang\tdoc\tshape\ttotal\tparts\tverdict\twhy\tsentence"
        );
        let (mut right, mut lost, mut wrong, mut gone) = (0, Vec::new(), Vec::new(), Vec::new());
        for line in lines.filter(|l| !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 8, "{line}");
            let (lang, doc, total, verdict, sentence) =
                (cols[0], cols[1], cols[3], cols[5], cols[7]);
            let parts: Vec<String> = cols[4].split(" | ").map(str::to_string).collect();
            let read = readings(lang, sentence)
                .iter()
                .any(|(t, p)| t == total && *p == parts);
            let row = format!("{doc}: {total:?} {parts:?} in {sentence}");
            match verdict {
                "right" => {
                    right += 1;
                    if !read {
                        lost.push(row);
                    }
                }
                "wrong" if read => wrong.push(row),
                "known-wrong" if !read => gone.push(row),
                "wrong" | "known-wrong" | "unclear" | "right-context" => {}
                other => panic!("verdict {other:?} in {line}"),
            }
        }
        assert!(right >= 50, "{right} rows judged right");
        assert!(lost.is_empty(), "right readings lost:\n{}", lost.join("\n"));
        assert!(
            wrong.is_empty(),
            "wrong readings back:\n{}",
            wrong.join("\n")
        );
        assert!(
            gone.is_empty(),
            "known-wrong readings gone (mark them `wrong`):\n{}",
            gone.join("\n")
        );
    }
}
