//! Stage 2: extract. Finds every figure in a text: its exact byte span, its
//! value as an exact decimal, its interval, kind, unit, qualifier and the
//! noun it counts.
//!
//! The driver, in order:
//! 1. `scan` stops only at digits and at words the lexicon knows as
//!    numbers, and reads the number there with the nom parsers (`digits`,
//!    `words`);
//! 2. `after_number` runs the recognisers (`recognise/`, one per file) on
//!    what follows the number: dates, clock times, fractions, ordinal
//!    suffixes, scales, proportions, units, ages, the counted noun;
//! 3. `finish_figure` reads what stands before it (a code lead, a sign, a
//!    qualifier) and pushes the figure;
//! 4. `finish` runs the passes over all the figures of the document
//!    (`passes/`): ranges ("entre 10 et 20"), pairs ("les 2 et 3
//!    décembre") and separator conventions.
//!
//! Context around each number (`context`) is read by byte offsets.

mod before;
pub(crate) mod context;
pub(crate) mod digits;
mod passes;
mod recognise;
mod scan;
mod support;
mod words;

use crate::lexicon::{Conventions, LangLexicon, Lexicon};
use crate::model::Lang;
pub(crate) use crate::model::Written;
pub use crate::model::{Figure, Kind};

/// Extracts every figure of `text`, in order of position.
pub fn extract(text: &str, lang: Lang, lex: &Lexicon) -> Vec<Figure> {
    extract_with(text, lang, lex, true)
}

/// [`extract`], with or without the bare path (`recognise/bare.rs`), which
/// must read the same figures as the recognisers do without it.
pub(crate) fn extract_with(text: &str, lang: Lang, lex: &Lexicon, bare_path: bool) -> Vec<Figure> {
    let mut ex = Extractor::new(text, lang, lex, bare_path);
    ex.scan();
    ex.finish()
}

struct Extractor<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    /// The lexicon of the document's language.
    primary: &'a LangLexicon,
    /// The lexicon read after it: the second fallback language, for a
    /// document in a language without data ([`Lexicon::secondary`]).
    secondary: Option<&'a LangLexicon>,
    /// The lexicons of the words read in every document
    /// ([`Lexicon::with_fallback`]), resolved once per document.
    shared: Vec<&'a LangLexicon>,
    /// How the document's language writes numbers and dates.
    conv: &'a Conventions,
    buf: String,
    /// The folded word at which [`Extractor::phrase_of`] compares the
    /// phrases of a table, kept for its buffer.
    opener: String,
    out: Vec<Figure>,
    /// Figures with nothing to read around them skip the recognisers
    /// ([`Extractor::is_bare`]).
    bare_path: bool,
    /// An article that starts no figure is told by the word after it
    /// ([`Extractor::article_alone`]), without running the recognisers;
    /// off only in the tests that compare both ways.
    article_path: bool,
    /// The word after a number, found and folded once for the recognisers
    /// that read it.
    word: context::FoldedWord,
    /// The text registered for the look-ups of its words to be kept
    /// ([`words::memo`]) while the extractor lives.
    _memo: words::memo::Registration,
}

impl<'a> Extractor<'a> {
    fn new(text: &'a str, lang: Lang, lex: &'a Lexicon, bare_path: bool) -> Self {
        Extractor {
            text,
            lex,
            primary: lex.lang(lang),
            secondary: lex.secondary(lang),
            shared: lex.with_fallback(lang).collect(),
            conv: lex.conventions(lang),
            buf: String::new(),
            opener: String::new(),
            out: Vec::new(),
            bare_path,
            article_path: true,
            word: context::FoldedWord::new(),
            _memo: words::memo::Registration::new(text),
        }
    }

    pub(crate) fn push(&mut self, f: Figure) {
        self.out.push(f);
    }

    /// The text before `pos` is a link of a list (`list_links`: "et",
    /// ",") right after the noun of a count: "deux garçons et | une fille".
    pub(crate) fn listed_after_count(&mut self, pos: usize) -> bool {
        let Some(last) = self.out.last() else {
            return false;
        };
        let Some((_, noun_end)) = last.entity() else {
            return false;
        };
        if last.kind != Kind::Count
            || last.value().is_none_or(|v| v < rust_decimal::Decimal::TWO)
            || noun_end > pos
        {
            return false;
        }
        // The folded gap has at most one space on each side of the link:
        // a longer one is no link, and is not folded whole.
        let links = &self.primary.labels.list_links;
        let max = links.iter().map(String::len).max().unwrap_or(0) + 2;
        if !crate::lexicon::fold_into_within(self.text[noun_end..pos].trim(), &mut self.buf, max) {
            return false;
        }
        let link = self.buf.trim();
        !link.is_empty() && links.iter().any(|l| l == link)
    }

    /// The article at `pos..end` opens a parenthesis or a colon's list and
    /// is coordinated with a number a few words on: "(un officier de
    /// liaison et trois médecins)", "(a pilot and two mechanics)": it is
    /// the numeral one, counted like the number after the link.
    pub(crate) fn coordinated_with_number(&mut self, pos: usize, end: usize) -> bool {
        let before = self.text[..pos].trim_end();
        if !before.ends_with(['(', ':']) {
            return false;
        }
        let rest = &self.text[end..];
        // Ten words at most, no punctuation but an apostrophe or a hyphen.
        let stop = rest
            .char_indices()
            .find(|&(_, c)| {
                !(c.is_alphanumeric() || c.is_whitespace() || matches!(c, '\'' | '’' | '-'))
            })
            .map_or(rest.len(), |(i, _)| i)
            .min(120);
        let mut stop = stop;
        while !rest.is_char_boundary(stop) {
            stop -= 1;
        }
        let words: Vec<&str> = rest[..stop].split_whitespace().collect();
        for (i, w) in words.iter().enumerate().take(11).skip(1) {
            crate::lexicon::fold_into(w, &mut self.buf);
            if !self.primary.labels.list_links.contains(&self.buf) {
                continue;
            }
            let Some(next) = words.get(i + 1) else {
                return false;
            };
            if next.starts_with(|c: char| c.is_ascii_digit()) {
                return true;
            }
            return words::lookup(self.primary, next, &mut self.buf)
                .and_then(|info| info.cardinal)
                .is_some_and(|v| v >= rust_decimal::Decimal::TWO);
        }
        false
    }

    /// Where the last figure found ends.
    pub(crate) fn last_end(&self) -> usize {
        self.out.last().map_or(0, |f| f.end())
    }

    /// Everything after a number, in the order the recognisers run; each
    /// line says why it runs there. A recogniser that reads the whole
    /// figure pushes it and returns where the scan goes on.
    pub(crate) fn after_number(&mut self, mut f: Figure) -> usize {
        let end = f.num_end();
        if self.is_bare(&f) {
            self.push(f); // "1 1 1": nothing around it to read
            return end;
        }
        if f.written == Written::Digits {
            // Digit forms that are no quantities come first: their digits
            // would otherwise be read as numbers with units.
            if let Some(e) = self.digit_date(&mut f) {
                return e; // "2024-07-23": before "-07" reads as a sign
            }
            if let Some(e) = self.clock(&mut f) {
                return e; // "14h30": before "h" reads as hours
            }
            if let Some(e) = self.slash_fraction(&mut f) {
                return e; // "1/3", "10 1/2": before "/" ends the number
            }
            self.glued_vulgar_fraction(&mut f, end); // "3½": part of the value
            if let Some(e) = self.ordinal_suffix(&mut f, end) {
                return e; // "2e", "21st": before the suffix reads as a unit
            }
        }
        // The value is complete only with its scale; a currency before the
        // number lets a spaced symbol scale it ("$ 5 bn").
        let money_prefix = self.money_prefix(&f);
        let scaled = self.scale(&mut f, money_prefix); // "2,5 millions", "10k"
        if f.kind == Kind::Ordinal {
            self.push(f); // "10 millionième": a rank, nothing follows it
            return f.end();
        }
        let mut p = if scaled { f.num_end() } else { end };
        if let Some(e) = self.proportion(&mut f, p, money_prefix) {
            return e; // "2 sur 3": before "sur 3" reads as a noun phrase
        }
        // Units: a currency before the number wins over one after it.
        let prefix = self.prefix_unit(&f); // "$ 20", "€5"
        let unit = self.unit_after(&f, p, scaled, prefix); // "%", "km", "jours"
        if let Some(e) = self.decade(&mut f, unit) {
            return e; // "the 1990s": before "s" is taken as seconds
        }
        match (unit, prefix) {
            (Some(u), None) => {
                p = self.attach_unit(&mut f, u);
                p = self.age(&mut f, p); // "20-year-old": needs the unit of years
            }
            (_, Some(u)) => p = self.attach_prefix_unit(&mut f, u, unit, p),
            (None, None) => {}
        }
        p = self.after_unit(&mut f, p); // "15 dollars 50", "5 feet 2 inches": past the unit
        if f.kind == Kind::Temperature {
            self.angle(&mut f); // "Rotate 90°": "°" was read as a temperature
        }
        if f.seconds().is_none() {
            f.set_seconds(self.seconds_of(&f)); // the unit is final now
        }
        p = self.debris(&mut f, p); // "2.500 XNUMX": before the noun search
        if let Some(e) = self.date_of_count(&mut f, p, scaled) {
            return e; // "8 décembre", "juin 2014": a plain count only
        }
        if self.glued_to_letters(&f, scaled) {
            return self.identifier(f.num_start()); // "4x4", "3D": no unit took the letters
        }
        self.counted_noun_after(&mut f, p, scaled); // "2 000 soldats"
        self.bare_year(&mut f); // "en 2014": needs to know whether a noun follows
        self.finish_figure(f, self.primary, false);
        p.max(end)
    }

    /// The lexicons to read words with: the document's, then the
    /// secondary one for a document in a language without data.
    pub(crate) fn lexes(&self) -> impl Iterator<Item = &'a LangLexicon> {
        [Some(self.primary), self.secondary].into_iter().flatten()
    }

    /// The lexicons of the words read in every document: the document's
    /// language's, then every fallback language's
    /// ([`Lexicon::with_fallback`]). A document in French, in English or
    /// of unknown language reads the French and English words together.
    pub(crate) fn shared_lexes(&self) -> impl Iterator<Item = &'a LangLexicon> + '_ {
        self.shared.iter().copied()
    }

    /// The counted noun closes its phrase in the document's language
    /// (`head_last` of its conventions).
    pub(crate) fn head_last(&self) -> bool {
        self.conv.head_last
    }

    /// What stands before and after a finished figure, in order: a lead
    /// that makes it a code, a sign, a qualifier or a sign word, then a
    /// qualifier after it; pushes it.
    pub(crate) fn finish_figure(&mut self, mut f: Figure, lex: &LangLexicon, collective: bool) {
        if self.code_lead(&mut f, lex) {
            // "n° 5", "article 49.3": the number of something.
            self.push(f);
            return;
        }
        self.sign(&mut f); // "-5", "+2", "- 10 k" at the start of a line
        let qualified = self.prefix_qualifier(&mut f, lex, collective); // "environ 2.000"
        if !qualified {
            self.sign_word(&mut f); // "minus one", "moins 5 degrés"
        }
        self.postfix_qualifier(&mut f); // "500 or more", "200 ou plus"
        self.push(f);
    }

    /// The passes over all the figures once the scan is done, in order.
    fn finish(mut self) -> Vec<Figure> {
        // In order of position, a figure inside another dropped.
        self.out.sort_by_key(|f| (f.start(), f.end()));
        self.out
            .dedup_by(|b, a| b.start() < a.end() && b.start() >= a.start());
        self.join_ranges(); // "entre 10 et 20": two figures become one
        self.labels(); // "Europe 1", "vers 19 heures": after the ranges took theirs
        self.year_pairs(); // "2019-2020": on the figures left by the ranges
        self.date_pairs(); // "les 2 et 3 décembre": after the years are known
        self.bare_ages(); // "at the age of 13", "âgés de 15 et 16 ans"
        self.conventions(); // "1.500": reads the final figures of the document
        self.out
    }
}

#[cfg(test)]
mod tests;
