//! Stage 2: extract. Finds every figure in a text: its exact byte span, its
//! value as an exact decimal, its interval, kind, unit, qualifier and the
//! noun it counts.
//!
//! The scan is cheap: it stops only at digits and at words the lexicon
//! knows as numbers, and runs the nom parsers ([`digits`], [`words`]) there.
//! Context around each number ([`context`]) decides its kind and interval.
//! A last pass over the figures of the document joins ranges ("entre 10 et
//! 20"), date pairs ("les 2 et 3 décembre") and reads separator conventions
//! across the whole document to flag ambiguous figures.

pub mod context;
pub mod digits;
pub mod words;

use nom::Parser;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::input::Lang;
use crate::lexicon::{Collective, LangLexicon, Lexicon, QualifierShape};
use context::*;
use digits::{numeral, read_numeral, Evidence};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// How many of something (or a bare number).
    Count,
    Percent,
    Money,
    Measure,
    Temperature,
    Age,
    Duration,
    /// A calendar date or a year.
    Date,
    /// A time of day.
    Time,
    Ordinal,
    /// An interval written as such ("entre 10 et 20").
    Range,
    /// A proportion ("la moitié", "1/3").
    Fraction,
    /// Part of a name or code ("F-16", "COVID-19"), not a quantity.
    Identifier,
    Phone,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Measure => "measure",
            Kind::Temperature => "temperature",
            Kind::Age => "age",
            Kind::Duration => "duration",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Ordinal => "ordinal",
            Kind::Range => "range",
            Kind::Fraction => "fraction",
            Kind::Identifier => "identifier",
            Kind::Phone => "phone",
        }
    }

    /// True for figures that state a quantity (the ones rules compare).
    pub fn is_quantity(self) -> bool {
        matches!(
            self,
            Kind::Count
                | Kind::Percent
                | Kind::Money
                | Kind::Measure
                | Kind::Temperature
                | Kind::Duration
                | Kind::Range
                | Kind::Fraction
                | Kind::Age
        )
    }
}

/// How the number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Written {
    Digits,
    Words,
    /// Digits with a scale word ("2,5 millions").
    Mixed,
}

/// The parts of a date, as far as the text gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct DateParts {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// 1 = Monday … 7 = Sunday, when the text names the weekday.
    pub weekday: Option<u32>,
}

/// One figure found in a text. Offsets are UTF-8 byte offsets into the
/// document text, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    /// The whole figure: qualifier, number, scale and unit.
    pub start: usize,
    pub end: usize,
    /// The number itself.
    pub num_start: usize,
    pub num_end: usize,
    /// The value; `None` for ranges, plural collectives and identifiers.
    pub value: Option<Decimal>,
    /// The interval the figure states. Both `None` for an exact figure
    /// (the interval is `[value, value]`); one side `None` for an open bound.
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
    pub kind: Kind,
    /// Index into [`Lexicon::units`].
    pub unit: Option<u16>,
    /// Index into [`Lexicon::qualifiers`].
    pub qualifier: Option<u8>,
    pub written: Written,
    /// The counted noun ("soldats").
    pub entity: Option<(usize, usize)>,
    /// The value depends on a separator convention the document does not
    /// settle (`2.500` in a text that also writes `3.5`).
    pub ambiguous: bool,
    /// Invalid digit grouping (`12.34.5`, `1,50,000`).
    pub bad_grouping: bool,
    /// Machine-translation debris next to the number ("XNUMX"): its span.
    pub debris: Option<(usize, usize)>,
    pub evidence: Evidence,
    /// Decimal places written (for the rounding a figure implies).
    pub decimals: u8,
    /// The multiplier of a scale word ("millions"), 1 otherwise.
    pub scale: Decimal,
    pub date: Option<DateParts>,
}

impl Figure {
    fn new(start: usize, end: usize, value: Option<Decimal>, written: Written) -> Self {
        Figure {
            start,
            end,
            num_start: start,
            num_end: end,
            value,
            low: None,
            high: None,
            kind: Kind::Count,
            unit: None,
            qualifier: None,
            written,
            entity: None,
            ambiguous: false,
            bad_grouping: false,
            debris: None,
            evidence: Evidence::None,
            decimals: 0,
            scale: Decimal::ONE,
            date: None,
        }
    }

    /// The interval as `[low, high]` with the value filling exact sides;
    /// `None` marks an open side.
    pub fn interval(&self) -> (Option<Decimal>, Option<Decimal>) {
        if self.low.is_none() && self.high.is_none() {
            (self.value, self.value)
        } else {
            (self.low, self.high)
        }
    }

    /// The literal text of the figure in `text`.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Extracts every figure of `text`, in order of position.
pub fn extract(text: &str, lang: Lang, lex: &Lexicon) -> Vec<Figure> {
    let mut ex = Extractor {
        text,
        lang,
        lex,
        primary: lex.lang(lang),
        secondary: match lang {
            Lang::Unknown => Some(&lex.en),
            _ => None,
        },
        buf: String::new(),
        out: Vec::new(),
    };
    ex.scan();
    ex.finish()
}

struct Extractor<'a> {
    text: &'a str,
    lang: Lang,
    lex: &'a Lexicon,
    primary: &'a LangLexicon,
    secondary: Option<&'a LangLexicon>,
    buf: String,
    out: Vec<Figure>,
}

fn is_alnum_before(text: &str, pos: usize) -> bool {
    char_before(text, pos).is_some_and(|c| c.is_alphanumeric())
}

impl<'a> Extractor<'a> {
    fn scan(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_digit() {
                i = self.at_digit(i).max(i + 1);
                while i < bytes.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
            if b.is_ascii_alphabetic() || b >= 0x80 {
                let c = char_at(text, i).unwrap_or(' ');
                if c.is_alphabetic() {
                    let (_, wend) = word_at(text, i).unwrap_or((i, i + c.len_utf8()));
                    if !is_alnum_before(text, i) {
                        if let Some(end) = self.at_word(i, wend) {
                            i = end.max(wend);
                            continue;
                        }
                    }
                    i = wend;
                    continue;
                }
                i += c.len_utf8();
                continue;
            }
            i += 1;
        }
    }

    fn push(&mut self, f: Figure) {
        self.out.push(f);
    }

    /// Numbers written with digits. Returns where the scan goes on.
    fn at_digit(&mut self, pos: usize) -> usize {
        let text = self.text;
        // A numeric character reference left in plain text (`5&#8239;000`)
        // is not a figure.
        if ["&#", "&#x", "&#X"]
            .iter()
            .any(|r| text[..pos].ends_with(r))
        {
            let end = text[pos..]
                .find(|c: char| !c.is_ascii_hexdigit())
                .map_or(text.len(), |n| pos + n);
            return end + usize::from(text[end..].starts_with(';'));
        }
        // Digits inside a name or code: "F-16", "COVID-19", "G20", "A4".
        let prev = char_before(text, pos);
        let glued_to_word = prev.is_some_and(|c| c.is_alphabetic())
            || (matches!(prev, Some('-') | Some('_') | Some('/'))
                && char_before(text, pos - 1).is_some_and(|c| c.is_alphabetic()))
            || prev.is_some_and(|c| c.is_ascii_digit());
        if glued_to_word && !self.is_prefix_unit_glued(pos) {
            return self.identifier(pos);
        }
        if let Some(end) = self.phone(pos) {
            return end;
        }
        let Ok((_, num)) = numeral(&text[pos..]) else {
            return pos + 1;
        };
        let Some(reading) = read_numeral(&num, self.lang) else {
            // Too large for an exact decimal: keep it as an identifier.
            return self.identifier(pos);
        };
        let used: usize = num.runs()[..reading.runs]
            .iter()
            .map(|r| r.len())
            .sum::<usize>()
            + num.seps()[..reading.runs - 1]
                .iter()
                .map(|c| c.len_utf8())
                .sum::<usize>();
        let num_end = pos + used;
        let first = num.runs()[0];
        // Leading zeros: codes, postal numbers ("0002", "007"), not counts.
        if first.len() > 1 && first.starts_with('0') && reading.runs == 1 {
            let mut f = Figure::new(pos, num_end, None, Written::Digits);
            f.kind = Kind::Identifier;
            self.push(f);
            return num_end;
        }
        let mut f = Figure::new(pos, num_end, Some(reading.value), Written::Digits);
        f.evidence = reading.evidence;
        f.bad_grouping = reading.bad_grouping;
        f.decimals = reading.scale.min(255) as u8;
        // Digits followed straight by letters that are no unit, suffix or
        // scale: a code ("4x4", "3D").
        self.after_number(f)
    }

    /// "$5", "€5", "US$5": digits glued to a prefix currency symbol.
    fn is_prefix_unit_glued(&self, pos: usize) -> bool {
        prefix_unit_before(self.lex, self.text, pos).is_some_and(|u| u.end == pos)
    }

    fn identifier(&mut self, pos: usize) -> usize {
        let text = self.text;
        // Extend back over the name and forward over the code.
        let mut start = pos;
        for c in text[..pos].chars().rev() {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '/' {
                start -= c.len_utf8();
            } else {
                break;
            }
        }
        let mut end = pos;
        for c in text[pos..].chars() {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '/' {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        let end = trim_trailing_dashes(text, start, end);
        // A figure already pushed inside this span ("COVID" has none, but
        // "2019-nCoV" may) is replaced.
        while self.out.last().is_some_and(|f| f.start >= start) {
            self.out.pop();
        }
        let mut f = Figure::new(start, end, None, Written::Digits);
        f.num_start = pos;
        f.num_end = end;
        f.kind = Kind::Identifier;
        self.push(f);
        end
    }

    /// French and international phone numbers: "01 23 45 67 89",
    /// "+33 1 23 45 67 89".
    fn phone(&mut self, pos: usize) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let plus = pos > 0 && bytes[pos - 1] == b'+';
        let mut p = pos;
        let mut groups = 0;
        let mut digits = 0;
        loop {
            let s = p;
            while p < bytes.len() && bytes[p].is_ascii_digit() {
                p += 1;
            }
            let n = p - s;
            if n == 0 || n > 4 {
                return None;
            }
            if groups > 0 && n != 2 && !plus {
                return None;
            }
            groups += 1;
            digits += n;
            if p + 1 < bytes.len()
                && matches!(bytes[p], b' ' | b'.' | b'-')
                && bytes[p + 1].is_ascii_digit()
            {
                p += 1;
            } else {
                break;
            }
        }
        let ok = if plus {
            groups >= 3 && (8..=15).contains(&digits)
        } else {
            groups == 5 && digits == 10 && bytes[pos] == b'0'
        };
        if !ok {
            return None;
        }
        let start = if plus { pos - 1 } else { pos };
        let mut f = Figure::new(start, p, None, Written::Digits);
        f.kind = Kind::Phone;
        self.push(f);
        Some(p)
    }

    /// Numbers written in words. Returns where the scan goes on, or `None`
    /// when the word starts no figure.
    fn at_word(&mut self, pos: usize, wend: usize) -> Option<usize> {
        let text = self.text;
        let lexes = [Some(self.primary), self.secondary];
        for lex in lexes.into_iter().flatten() {
            let info = words::lookup(lex, &text[pos..wend], &mut self.buf)?.clone();
            if !info.starts_figure() {
                continue;
            }
            if self.not_a_number(lex, pos) {
                return Some(wend);
            }
            // Collectives: "une centaine", "des milliers", "dozens".
            if let Some(end) = self.collective(lex, pos) {
                return Some(end);
            }
            if let Some(end) = self.fraction_words(lex, pos) {
                return Some(end);
            }
            if let Ok((_, sp)) = words::spelled_number(lex).parse(&text[pos..]) {
                let end = pos + sp.len;
                let mut f = Figure::new(pos, end, Some(sp.value), Written::Words);
                if sp.ordinal {
                    f.kind = Kind::Ordinal;
                    self.push(f);
                    return Some(end);
                }
                if sp.article_only {
                    // "un homme" is no figure; "une semaine", "an hour" are
                    // durations of one; "un million" was read above.
                    let after = skip_spaces(text, end);
                    match unit_at(self.lex, text, after) {
                        Some(u)
                            if self.lex.units[u.unit].kind == crate::extract::Kind::Duration =>
                        {
                            return Some(self.after_number(f));
                        }
                        _ => return Some(end),
                    }
                }
                return Some(self.after_number(f));
            }
        }
        None
    }

    fn not_a_number(&mut self, lex: &LangLexicon, pos: usize) -> bool {
        if lex.not_numbers.is_empty() {
            return false;
        }
        let text = self.text;
        let mut end = (pos + 40).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        crate::lexicon::fold_into(&text[pos..end], &mut self.buf);
        let head = self.buf.clone();
        // Elided forms before: "l'un", "l'une".
        let before = tail(text, pos, 3).norm;
        lex.not_numbers.iter().any(|p| {
            if let Some(rest) = p.strip_prefix("l'") {
                return before.ends_with("l'") && starts_with_word(&head, rest);
            }
            starts_with_word(&head, p)
        })
    }

    /// "une centaine d'étrangers", "des dizaines", "plusieurs milliers".
    fn collective(&mut self, lex: &LangLexicon, pos: usize) -> Option<usize> {
        let text = self.text;
        // The collective is this word, or the next one after an article or
        // a number ("une centaine", "a dozen", "deux douzaines").
        let (w0s, w0e) = word_at(text, pos)?;
        let info0 = words::lookup(lex, &text[w0s..w0e], &mut self.buf)?.clone();
        let (count, cs, ce, col) = if let Some(col) = info0.collective.clone() {
            (Decimal::ONE, w0s, w0e, col)
        } else if info0.cardinal.is_some() {
            let after = skip_spaces(text, w0e);
            let (cs, ce) = word_at(text, after)?;
            let col = words::lookup(lex, &text[cs..ce], &mut self.buf)?
                .collective
                .clone()?;
            (info0.cardinal?, cs, ce, col)
        } else {
            return None;
        };
        let _ = cs;
        let mut f = Figure::new(pos, ce, None, Written::Words);
        match col {
            Collective::About(v) => {
                f.value = Some(count * v);
                let q = self.lex.qualifier_by_name("collective");
                if let Some(qi) = q {
                    if let QualifierShape::Approx { low, high } = &self.lex.qualifiers[qi].shape {
                        f.low = Some(count * v * low);
                        f.high = Some(count * v * high);
                    }
                }
            }
            Collective::Between(l, h) => {
                f.low = Some(l);
                f.high = Some(h);
            }
        }
        // A modifier before a plural collective belongs to the figure.
        let t = tail(text, pos, 24);
        for m in &lex.collective_modifiers {
            if let Some(s) = t.ends_with_phrase(m) {
                f.start = s;
                break;
            }
        }
        if let Some((_, e)) = counted_noun(
            lex,
            &self.lex.debris,
            text,
            ce,
            true,
            self.head_last(),
            &mut self.buf,
        ) {
            f.entity = Some(word_span_at(text, e));
        }
        self.finish_figure(f, lex, true);
        Some(ce)
    }

    /// "la moitié", "un tiers", "trois quarts", "half", "a third".
    fn fraction_words(&mut self, lex: &LangLexicon, pos: usize) -> Option<usize> {
        let text = self.text;
        let (w0s, w0e) = word_at(text, pos)?;
        let info0 = words::lookup(lex, &text[w0s..w0e], &mut self.buf)?.clone();
        let (count, fe, frac) = if let (Some(fr), None) = (info0.fraction, info0.ordinal) {
            (Decimal::ONE, w0e, fr)
        } else if let Some(n) = info0.cardinal {
            let after = skip_spaces(text, w0e);
            let (fs, fe) = word_at(text, after)?;
            let fr = words::lookup(lex, &text[fs..fe], &mut self.buf)?.fraction?;
            // "trois quarts" but not "deux cinquièmes" read as ordinals
            // elsewhere: a fraction needs a small count.
            if n > Decimal::from(20) {
                return None;
            }
            (n, fe, fr)
        } else {
            return None;
        };
        let mut f = Figure::new(pos, fe, Some(count * frac), Written::Words);
        f.kind = Kind::Fraction;
        if let Some((_, e)) = counted_noun(
            lex,
            &self.lex.debris,
            text,
            fe,
            true,
            self.head_last(),
            &mut self.buf,
        ) {
            f.entity = Some(word_span_at(text, e));
        }
        self.push(f);
        Some(fe)
    }

    /// Everything after a number: fractions, ordinal suffixes, times,
    /// dates, scale words, units and the counted noun.
    fn after_number(&mut self, mut f: Figure) -> usize {
        let text = self.text;
        let lex = self.primary;
        let end = f.num_end;
        let next = char_at(text, end);

        // Digit forms that are not quantities: ISO dates, d/m/y, times.
        if f.written == Written::Digits {
            if let Some(e) = self.digit_date(&mut f) {
                return e;
            }
            if let Some(e) = self.clock(&mut f) {
                return e;
            }
            // "1/3", "10 1/2".
            if let Some(e) = self.slash_fraction(&mut f) {
                return e;
            }
            // Ordinal suffix: "2e", "1er", "21st", "11ème".
            if next.is_some_and(|c| c.is_alphabetic()) {
                if let Some((ws, we)) = word_at(text, end) {
                    crate::lexicon::fold_into(&text[ws..we], &mut self.buf);
                    let is_suffix = lex.ordinal_suffixes.contains(&self.buf)
                        || self
                            .secondary
                            .is_some_and(|l| l.ordinal_suffixes.contains(&self.buf));
                    if is_suffix && f.decimals == 0 && !self.unit_or_scale_at(end) {
                        f.end = we;
                        f.num_end = we;
                        // "1er janvier", "2e semestre" stay ordinals unless
                        // a month follows.
                        let after = skip_spaces(text, we);
                        if let Some((m, me)) = month_at(lex, text, after, &mut self.buf) {
                            return self.date_from_day(f, m, me);
                        }
                        f.kind = Kind::Ordinal;
                        self.push(f);
                        return we;
                    }
                }
            }
        }

        // Scale word: "2,5 millions", "$5bn", "10k".
        let mut p = end;
        let sp = skip_spaces(text, p);
        let glued = sp == p;
        let mut scaled = false;
        if let Some((m, se)) = scale_at(lex, text, sp, &mut self.buf) {
            let w = &text[sp..se];
            // Single letters scale only when glued ("10k") or for money.
            let short = w.chars().count() <= 2;
            let money_prefix = prefix_unit_before(self.lex, text, f.num_start).is_some();
            if !short || money_prefix || glued && w != "m" && w != "M" {
                if let Some(v) = f.value {
                    if let Some(x) = v.checked_mul(m) {
                        f.value = Some(x);
                        f.scale = m;
                        f.written = if f.written == Written::Words {
                            Written::Words
                        } else {
                            Written::Mixed
                        };
                        p = se;
                        f.end = se;
                        scaled = true;
                    }
                }
            }
        }

        // Unit after: "%", "km", "euros", "jours"; after a scale word a link
        // may come first ("millions de dollars").
        let mut up = skip_spaces(text, p);
        if scaled {
            if let Some((s, e)) = word_at(text, up) {
                crate::lexicon::fold_into(&text[s..e], &mut self.buf);
                if lex.noun_links.contains(self.buf.as_str()) {
                    up = skip_spaces(text, e);
                } else if matches!(char_at(text, e), Some('\'') | Some('’'))
                    && lex.noun_links.contains(&(self.buf.clone() + "'"))
                {
                    up = e + char_at(text, e).map_or(1, |c| c.len_utf8());
                }
            }
        }
        // Hyphenated units: "a 40-day deadline", "20-year-old".
        if char_at(text, p) == Some('-') && f.written != Written::Words
            || char_at(text, p) == Some('-')
        {
            if let Some(u) = unit_at(self.lex, text, p + 1) {
                if self.lex.units[u.unit].kind == Kind::Duration {
                    up = p + 1;
                }
            }
        }
        // One adjective may stand before a unit: "les six premiers mois".
        if let Some((s, e)) = word_at(text, up) {
            crate::lexicon::fold_into(&text[s..e], &mut self.buf);
            if lex.noun_skip.contains(self.buf.as_str()) {
                let next = skip_spaces(text, e);
                if unit_at(self.lex, text, next)
                    .is_some_and(|u| self.lex.units[u.unit].kind == Kind::Duration)
                {
                    up = next;
                }
            }
        }
        let unit = unit_at(self.lex, text, up).filter(|u| {
            // An amount in words followed by a one-letter symbol ("trois m")
            // is not a measure.
            !(f.written == Written::Words && u.end - u.start <= 1)
        });
        if let Some(u) = unit {
            let def = &self.lex.units[u.unit];
            f.unit = Some(u.unit as u16);
            f.kind = def.kind;
            f.end = u.end;
            p = u.end;
            // "20-year-old", "20 years old", "âgé de 20 ans": an age.
            if def.kind == Kind::Duration && def.id == "year" && self.is_age(&f) {
                f.kind = Kind::Age;
                if let Some(e) = old_suffix(text, f.end) {
                    f.end = e;
                    p = e;
                }
            }
        } else if let Some(u) = prefix_unit_before(self.lex, text, f.num_start) {
            let def = &self.lex.units[u.unit];
            f.unit = Some(u.unit as u16);
            f.kind = def.kind;
            f.start = u.start;
        }

        // Debris glued or next: "2.500 XNUMX".
        let dp = skip_spaces(text, f.end);
        if let Some((s, e)) = word_at(text, dp) {
            if self.lex.debris.iter().any(|d| d == &text[s..e]) {
                f.debris = Some((s, e));
                f.end = e;
                p = e;
            }
        }

        // Dates: "8 décembre", "30 septembre 2015".
        if f.kind == Kind::Count && !scaled && f.decimals == 0 {
            let after = skip_spaces(text, p);
            if let Some((m, me)) = month_at(lex, text, after, &mut self.buf) {
                if f.value
                    .is_some_and(|v| v >= Decimal::ONE && v <= Decimal::from(31))
                {
                    return self.date_from_day(f, m, me);
                }
            }
            if let Some(e) = self.date_after_month(&mut f) {
                return e;
            }
        }

        // Identifiers glued to letters that are no unit: "4x4", "3D".
        if f.unit.is_none()
            && !scaled
            && f.debris.is_none()
            && char_at(text, f.num_end).is_some_and(|c| c.is_alphabetic())
            && f.written == Written::Digits
        {
            return self.identifier(f.num_start);
        }

        // Counted noun.
        if matches!(f.kind, Kind::Count | Kind::Money | Kind::Percent) || f.kind == Kind::Count {
            let link = scaled || f.kind != Kind::Count;
            if f.kind == Kind::Count {
                if let Some((s, e)) = counted_noun(
                    lex,
                    &self.lex.debris,
                    text,
                    p,
                    link,
                    self.head_last(),
                    &mut self.buf,
                ) {
                    f.entity = Some((s, e));
                }
            }
        }

        // A bare year: "en 2014", "© 2024".
        if f.kind == Kind::Count && self.is_year(&f) {
            f.kind = Kind::Date;
            f.date = Some(DateParts {
                year: f.value.and_then(|v| i32::try_from(v).ok()),
                ..Default::default()
            });
            f.entity = None;
        }

        self.finish_figure(f, lex, false);
        p.max(end)
    }

    /// English puts the counted noun last in its phrase.
    fn head_last(&self) -> bool {
        self.lang == Lang::En
    }

    fn unit_or_scale_at(&mut self, pos: usize) -> bool {
        unit_at(self.lex, self.text, pos).is_some()
            || scale_at(self.primary, self.text, pos, &mut self.buf).is_some()
    }

    /// Qualifier before the figure, sign, then the interval; pushes it.
    fn finish_figure(&mut self, mut f: Figure, lex: &LangLexicon, collective: bool) {
        let text = self.text;
        // Sign: "-5", "−3", "+2" (not in "10-20" or "F-16").
        if f.written != Written::Words && f.start == f.num_start {
            if let Some(c @ ('-' | '−' | '+')) = char_before(text, f.num_start) {
                let s = f.num_start - c.len_utf8();
                let before = char_before(text, s);
                if before.is_none_or(|b| !b.is_alphanumeric() && b != '-' && b != '/') {
                    f.start = s;
                    if c != '+' {
                        f.value = f.value.map(|v| -v);
                    }
                }
            }
        }
        if !collective || f.low.is_none() || f.value.is_some() {
            let t = tail(text, f.start, 32);
            let mut found = None;
            for (phrase, qi) in lex.qualifiers.iter().chain(
                self.secondary
                    .map(|l| l.qualifiers.iter())
                    .into_iter()
                    .flatten(),
            ) {
                if let Some(s) = t.ends_with_phrase(phrase) {
                    found = Some((s, *qi));
                    break;
                }
            }
            if let Some((s, qi)) = found {
                if f.kind.is_quantity() || f.kind == Kind::Count {
                    f.start = s;
                    f.qualifier = Some(qi as u8);
                    if let Some(v) = f.value {
                        match &self.lex.qualifiers[qi].shape {
                            QualifierShape::Approx { low, high } => {
                                let (a, b) = (f.low.unwrap_or(v), f.high.unwrap_or(v));
                                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                                let (lo, hi) = if v >= Decimal::ZERO {
                                    (a * low, b * high)
                                } else {
                                    (a * high, b * low)
                                };
                                if !(low == high && *low == Decimal::ONE) {
                                    f.low = Some(lo);
                                    f.high = Some(hi);
                                }
                            }
                            QualifierShape::Lower { .. } => {
                                f.low = Some(v);
                                f.high = None;
                            }
                            QualifierShape::Upper { .. } => {
                                f.low = None;
                                f.high = Some(v);
                            }
                        }
                    }
                }
            }
        }
        self.push(f);
    }

    fn is_age(&self, f: &Figure) -> bool {
        let text = self.text;
        if old_suffix(text, f.end).is_some() {
            return true;
        }
        let t = tail(text, f.start, 24);
        [
            "age de", "agee de", "ages de", "agees de", "aged", "age", "a", "avait", "aura",
            "avaient", "ont",
        ]
        .iter()
        .any(|p| t.ends_with_phrase(p).is_some())
    }

    fn is_year(&self, f: &Figure) -> bool {
        let Some(v) = f.value else { return false };
        if f.written != Written::Digits || f.num_end - f.num_start != 4 || f.decimals > 0 {
            return false;
        }
        if v < Decimal::from(1000) || v > Decimal::from(2100) || f.qualifier.is_some() {
            return false;
        }
        let t = tail(self.text, f.num_start, 24);
        let year_word = [
            "en",
            "in",
            "depuis",
            "since",
            "de",
            "of",
            "annee",
            "year",
            "l'an",
            "an",
            "fin",
            "debut",
            "mi",
            "from",
            "to",
            "until",
            "jusqu'en",
            "a",
            "au",
            "et",
            "and",
            "©",
            "(c)",
            "copyright",
            "ete",
            "hiver",
            "printemps",
            "automne",
            "summer",
            "winter",
            "spring",
            "autumn",
            "fall",
            "by",
            "before",
            "after",
            "avant",
            "apres",
            "during",
            "pendant",
            "circa",
            "vers",
            "entre",
            "between",
            "the",
            "le",
            "la",
            "les",
        ]
        .iter()
        .any(|p| t.ends_with_phrase(p).is_some());
        year_word || f.entity.is_none()
    }

    /// "8 décembre", "30 septembre 2015", with the weekday before if named.
    fn date_from_day(&mut self, mut f: Figure, month: u32, month_end: usize) -> usize {
        let text = self.text;
        let mut end = month_end;
        let mut year = None;
        let after = skip_spaces(text, month_end);
        if let Ok((_, n)) = numeral(&text[after..]) {
            let r = n.runs()[0];
            if n.runs().len() == 1 && r.len() == 4 {
                year = r.parse::<i32>().ok();
                end = after + 4;
            }
        }
        let day = f.value.and_then(|v| u32::try_from(v).ok());
        let mut weekday = None;
        let t = tail(text, f.num_start, 24);
        let w = t.norm.trim_end_matches(' ');
        let last_word = w.rsplit(' ').next().unwrap_or("");
        if let Some(&wd) = self.primary.weekdays.get(last_word) {
            weekday = Some(wd);
        }
        f.kind = Kind::Date;
        f.end = end;
        f.value = None;
        f.date = Some(DateParts {
            year,
            month: Some(month),
            day,
            weekday,
        });
        self.push(f);
        end
    }

    /// "juin 2014", "July 23, 2024": the month is before the number.
    fn date_after_month(&mut self, f: &mut Figure) -> Option<usize> {
        let text = self.text;
        let b = skip_spaces_back(text, f.num_start);
        let (ws, we) = word_before(text, b)?;
        let (m, _) = month_at(self.primary, text, ws, &mut self.buf)?;
        if we != b {
            return None;
        }
        let v = f.value?;
        let n = f.num_end - f.num_start;
        let mut d = *f;
        d.start = ws;
        d.kind = Kind::Date;
        if n == 4 && v >= Decimal::from(1000) && v <= Decimal::from(2100) {
            d.date = Some(DateParts {
                year: i32::try_from(v).ok(),
                month: Some(m),
                ..Default::default()
            });
            self.push(d);
            return Some(d.end);
        }
        if n <= 2 && v >= Decimal::ONE && v <= Decimal::from(31) && self.lang != Lang::Fr {
            // "July 23, 2024", "May 4th".
            let mut end = d.end;
            let mut year = None;
            let mut p = end;
            if char_at(text, p) == Some(',') {
                p += 1;
            }
            let p = skip_spaces(text, p);
            if let Ok((_, nn)) = numeral(&text[p..]) {
                if nn.runs().len() == 1 && nn.runs()[0].len() == 4 {
                    year = nn.runs()[0].parse().ok();
                    end = p + 4;
                }
            }
            d.end = end;
            d.value = None;
            d.date = Some(DateParts {
                year,
                month: Some(m),
                day: u32::try_from(v).ok(),
                weekday: None,
            });
            self.push(d);
            return Some(end);
        }
        None
    }

    /// "2024-07-23", "23/07/2024", "23.07.2024".
    fn digit_date(&mut self, f: &mut Figure) -> Option<usize> {
        let text = self.text;
        let s = &text[f.num_start..];
        let b = s.as_bytes();
        let digits = |from: usize, n: usize| -> bool {
            b.len() >= from + n && b[from..from + n].iter().all(|c| c.is_ascii_digit())
        };
        let num = |from: usize, n: usize| -> u32 { s[from..from + n].parse().unwrap_or(0) };
        let (len, y, m, d) = if digits(0, 4)
            && b.get(4) == Some(&b'-')
            && digits(5, 2)
            && b.get(7) == Some(&b'-')
            && digits(8, 2)
        {
            (10, num(0, 4) as i32, num(5, 2), num(8, 2))
        } else {
            let mut i = 0;
            while i < b.len() && i < 2 && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == 0 || i >= b.len() || !matches!(b[i], b'/' | b'.') {
                return None;
            }
            let sep = b[i];
            let dd = num(0, i);
            let j = i + 1;
            let mut k = j;
            while k < b.len() && k < j + 2 && b[k].is_ascii_digit() {
                k += 1;
            }
            if k == j || b.get(k) != Some(&sep) || !digits(k + 1, 4) {
                return None;
            }
            let mm = num(j, k - j);
            let yy = num(k + 1, 4) as i32;
            let (dd, mm) = if self.lang == Lang::En && mm > 12 {
                (mm, dd)
            } else {
                (dd, mm)
            };
            (k + 5, yy, mm, dd)
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        if b.get(len).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        f.end = f.num_start + len;
        f.num_end = f.end;
        f.kind = Kind::Date;
        f.value = None;
        f.evidence = Evidence::None;
        f.date = Some(DateParts {
            year: Some(y),
            month: Some(m),
            day: Some(d),
            weekday: None,
        });
        self.push(*f);
        Some(f.end)
    }

    /// "14h30", "14 h 30", "14:30" (times of day) and "1h30" (a duration).
    fn clock(&mut self, f: &mut Figure) -> Option<usize> {
        let text = self.text;
        let hours = f
            .value
            .filter(|_| f.decimals == 0 && f.num_end - f.num_start <= 2)?;
        let mut p = f.num_end;
        let colon = char_at(text, p) == Some(':');
        let mut minutes_end = None;
        if colon {
            let s = &text[p + 1..];
            if s.len() >= 2
                && s.as_bytes()[..2].iter().all(|c| c.is_ascii_digit())
                && !s.as_bytes().get(2).is_some_and(|c| c.is_ascii_digit())
            {
                minutes_end = Some(p + 3);
            } else {
                return None;
            }
        } else {
            let sp = skip_spaces(text, p);
            if !matches!(char_at(text, sp), Some('h') | Some('H')) {
                return None;
            }
            p = sp + 1;
            // "14h30", "14 h 30"; "3h" and "3 h" alone are durations read
            // by the units.
            let ms = skip_spaces(text, p);
            let s = &text[ms..];
            if s.len() >= 2
                && s.as_bytes()[..2].iter().all(|c| c.is_ascii_digit())
                && !s.as_bytes().get(2).is_some_and(|c| c.is_ascii_digit())
            {
                minutes_end = Some(ms + 2);
            } else if char_at(text, p).is_some_and(|c| c.is_alphanumeric()) {
                return None;
            }
        }
        let at_time = {
            let t = tail(text, f.num_start, 16);
            [
                "a", "vers", "des", "jusqu'a", "avant", "apres", "at", "by", "from", "until",
                "before", "after", "de", "entre", "et",
            ]
            .iter()
            .any(|w| t.ends_with_phrase(w).is_some())
        };
        let end = match minutes_end {
            Some(e) => e,
            None if at_time => p,
            None => return None,
        };
        let minutes: Option<u32> = minutes_end.map(|e| text[e - 2..e].parse().unwrap_or(99));
        if hours > Decimal::from(24) || minutes.is_some_and(|m| m > 59) {
            return None;
        }
        f.end = end;
        f.num_end = end;
        if colon || at_time || hours >= Decimal::TEN {
            f.kind = Kind::Time;
            f.value = None;
        } else {
            // "1h30": a duration of 1.5 hours.
            f.kind = Kind::Duration;
            let m = Decimal::from(minutes.unwrap_or(0));
            f.value = Some(hours + m / Decimal::from(60));
            f.unit = self
                .lex
                .units
                .iter()
                .position(|u| u.id == "hour")
                .map(|i| i as u16);
        }
        self.push(*f);
        Some(end)
    }

    /// "1/3", "10 1/2".
    fn slash_fraction(&mut self, f: &mut Figure) -> Option<usize> {
        let text = self.text;
        let b = text.as_bytes();
        let v = f.value?;
        if f.decimals > 0 {
            return None;
        }
        let parse_frac = |p: usize| -> Option<(Decimal, Decimal, usize)> {
            let mut i = p;
            while i < b.len() && b[i].is_ascii_digit() && i - p < 3 {
                i += 1;
            }
            if i == p || b.get(i) != Some(&b'/') {
                return None;
            }
            let n: Decimal = text[p..i].parse().ok()?;
            let j = i + 1;
            let mut k = j;
            while k < b.len() && b[k].is_ascii_digit() && k - j < 3 {
                k += 1;
            }
            if k == j || b.get(k).is_some_and(|c| c.is_ascii_digit() || *c == b'/') {
                return None;
            }
            let d: Decimal = text[j..k].parse().ok()?;
            if d.is_zero() {
                return None;
            }
            Some((n, d, k))
        };
        // Whole number then a fraction: "10 1/2".
        if f.num_end - f.num_start <= 3 && char_at(text, f.num_end) == Some(' ') {
            if let Some((n, d, k)) = parse_frac(f.num_end + 1) {
                if n < d {
                    f.value = Some(v + n / d);
                    f.num_end = k;
                    f.end = k;
                    f.decimals = 1;
                    let e = self.after_number(*f);
                    return Some(e);
                }
            }
        }
        if b.get(f.num_end) == Some(&b'/') {
            if let Some((n, d, k)) = parse_frac(f.num_start) {
                if k > f.num_end && (d <= Decimal::from(12) || n < d) && d <= Decimal::from(100) {
                    f.value = Some((n / d).round_dp(28).normalize());
                    f.num_end = k;
                    f.end = k;
                    f.kind = Kind::Fraction;
                    f.decimals = 1;
                    let unit = skip_spaces(text, k);
                    let mut g = *f;
                    if let Some(u) = unit_at(self.lex, text, unit) {
                        g.unit = Some(u.unit as u16);
                        g.kind = self.lex.units[u.unit].kind;
                        g.end = u.end;
                    }
                    self.push(g);
                    return Some(g.end);
                }
            }
        }
        None
    }

    /// The last pass: ranges, date pairs, separator conventions.
    fn finish(mut self) -> Vec<Figure> {
        self.out.sort_by_key(|f| (f.start, f.end));
        self.out
            .dedup_by(|b, a| b.start < a.end && b.start >= a.start);
        self.join_ranges();
        self.date_pairs();
        self.conventions();
        self.out
    }

    fn join_ranges(&mut self) {
        let text = self.text;
        let lex = self.primary;
        let mut i = 0;
        let mut out: Vec<Figure> = Vec::with_capacity(self.out.len());
        while i < self.out.len() {
            let a = self.out[i];
            if i + 1 < self.out.len() {
                let b = self.out[i + 1];
                if let Some(r) = self.range_of(lex, &a, &b) {
                    out.push(r);
                    i += 2;
                    continue;
                }
            }
            out.push(a);
            i += 1;
        }
        let _ = text;
        self.out = out;
    }

    fn range_of(&self, lex: &LangLexicon, a: &Figure, b: &Figure) -> Option<Figure> {
        let text = self.text;
        let same_kind = |k: Kind| {
            matches!(
                k,
                Kind::Count
                    | Kind::Percent
                    | Kind::Money
                    | Kind::Measure
                    | Kind::Temperature
                    | Kind::Duration
                    | Kind::Age
            )
        };
        if !same_kind(a.kind) || !same_kind(b.kind) || a.qualifier.is_some() {
            return None;
        }
        if a.entity.is_some() || a.kind != b.kind && a.kind != Kind::Count {
            return None;
        }
        let (av, bv) = (a.value?, b.value?);
        if b.start < a.end || b.start - a.end > 12 {
            return None;
        }
        let gap = crate::lexicon::fold(text[a.end..b.start].trim());
        let t = tail(text, a.start, 16);
        let mut start = a.start;
        let mut ok = false;
        for (opener, joiner) in lex.range_openers.iter().chain(
            self.secondary
                .map(|l| l.range_openers.iter())
                .into_iter()
                .flatten(),
        ) {
            if gap == *joiner {
                if let Some(s) = t.ends_with_phrase(opener) {
                    start = s;
                    ok = true;
                    break;
                }
            }
        }
        if !ok {
            let dash = matches!(gap.as_str(), "-" | "–" | "—");
            let word_joiner = lex
                .range_joiners
                .iter()
                .chain(
                    self.secondary
                        .map(|l| l.range_joiners.iter())
                        .into_iter()
                        .flatten(),
                )
                .any(|j| *j == gap);
            if !(word_joiner || dash) {
                return None;
            }
            // A dash range must be tight or spaced on both sides.
            if dash && (text[a.end..b.start].len() > 5) {
                return None;
            }
        }
        if av >= bv {
            return None;
        }
        let mut r = *b;
        r.start = start;
        r.num_start = a.num_start;
        r.value = None;
        r.low = Some(
            match a.scale == Decimal::ONE && b.scale != Decimal::ONE && a.written != Written::Words
            {
                true => av * b.scale,
                false => av,
            },
        );
        r.high = Some(bv);
        if r.low >= r.high {
            r.low = Some(av);
        }
        r.kind = Kind::Range;
        if r.unit.is_none() {
            r.unit = a.unit;
        }
        Some(r)
    }

    /// "les 2 et 3 décembre": a day before a date is a date too.
    fn date_pairs(&mut self) {
        let text = self.text;
        for i in (0..self.out.len().saturating_sub(1)).rev() {
            let b = self.out[i + 1];
            let a = &mut self.out[i];
            let Some(bd) = b.date else { continue };
            if a.kind != Kind::Count || bd.day.is_none() || a.entity.is_some() || b.start < a.end {
                continue;
            }
            let gap = crate::lexicon::fold(text[a.end..b.start].trim());
            if !matches!(
                gap.as_str(),
                "et" | "and" | "," | "au" | "-" | "–" | "ou" | "or" | "a"
            ) {
                continue;
            }
            if let Some(d) = a
                .value
                .and_then(|v| u32::try_from(v).ok())
                .filter(|d| (1..=31).contains(d))
            {
                a.kind = Kind::Date;
                a.date = Some(DateParts {
                    day: Some(d),
                    weekday: None,
                    ..bd
                });
            }
        }
    }

    /// Reads the document's separator convention from its unambiguous
    /// figures and flags the ambiguous ones it does not settle.
    fn conventions(&mut self) {
        let (mut dot_dec, mut comma_dec, mut dot_grp, mut comma_grp) = (0, 0, 0, 0);
        for f in &self.out {
            match f.evidence {
                Evidence::DotDecimal => dot_dec += 1,
                Evidence::CommaDecimal => comma_dec += 1,
                Evidence::DotGroup => dot_grp += 1,
                Evidence::CommaGroup => comma_grp += 1,
                _ => {}
            }
        }
        let text = self.text;
        for f in &mut self.out {
            if f.kind == Kind::Date || f.kind == Kind::Identifier {
                continue;
            }
            let (thousands_votes, decimal_votes) = match f.evidence {
                Evidence::AmbiguousDot => (dot_grp + comma_dec, dot_dec + comma_grp),
                Evidence::AmbiguousComma => (comma_grp + dot_dec, comma_dec + dot_grp),
                _ => continue,
            };
            let read_as_thousands = f.decimals == 0;
            let contradicted = if read_as_thousands {
                decimal_votes > 0
            } else {
                thousands_votes > 0
            };
            if self.lang == Lang::Unknown {
                // No language: follow the document's evidence if it is
                // one-sided, and flag the figure either way.
                if thousands_votes > decimal_votes && !read_as_thousands
                    || decimal_votes > thousands_votes && read_as_thousands
                {
                    if let Ok((_, n)) = numeral(&text[f.num_start..]) {
                        if let Some(v) = digits::reread_ambiguous(&n, !read_as_thousands) {
                            let scaled = v * f.scale;
                            f.value = Some(if f.value.is_some_and(|x| x < Decimal::ZERO) {
                                -scaled
                            } else {
                                scaled
                            });
                            f.decimals = if read_as_thousands { 3 } else { 0 };
                        }
                    }
                }
                f.ambiguous =
                    thousands_votes == 0 || decimal_votes == 0 || thousands_votes == decimal_votes;
                if thousands_votes != decimal_votes
                    && thousands_votes.min(decimal_votes) == 0
                    && (thousands_votes + decimal_votes) > 0
                {
                    f.ambiguous = false;
                }
            } else {
                f.ambiguous = contradicted;
            }
        }
    }
}

fn starts_with_word(head: &str, phrase: &str) -> bool {
    head.starts_with(phrase)
        && head[phrase.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

fn trim_trailing_dashes(text: &str, start: usize, mut end: usize) -> usize {
    while end > start && matches!(text.as_bytes()[end - 1], b'-' | b'_' | b'/') {
        end -= 1;
    }
    end
}

/// The noun-like word span that ends at `end` (its start found backwards).
fn word_span_at(text: &str, end: usize) -> (usize, usize) {
    let mut s = end;
    for c in text[..end].chars().rev() {
        if c.is_alphabetic() || c == '-' {
            s -= c.len_utf8();
        } else {
            break;
        }
    }
    (s, end)
}

/// "-old" or " old" after "20-year" / "20 years": the end of "old".
fn old_suffix(text: &str, pos: usize) -> Option<usize> {
    let p = match char_at(text, pos) {
        Some('-') => pos + 1,
        _ => skip_spaces(text, pos),
    };
    let (s, e) = word_at(text, p)?;
    (text[s..e].eq_ignore_ascii_case("old")).then_some(e)
}

#[cfg(test)]
mod tests;
