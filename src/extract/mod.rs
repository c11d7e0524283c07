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

use crate::lexicon::{Collective, FractionLink, LangLexicon, Lexicon, QualifierShape};
use crate::model::Evidence;
use crate::model::Lang;
pub use crate::model::{DateParts, Figure, Kind, Written};
use context::*;
use digits::{numeral, read_numeral};

/// Extracts every figure of `text`, in order of position.
pub fn extract(text: &str, lang: Lang, lex: &Lexicon) -> Vec<Figure> {
    let mut ex = Extractor {
        text,
        lang,
        lex,
        primary: lex.lang(lang),
        secondary: lex.secondary(lang),
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
                i = self.at_digit(i).max(i + 1).max(self.last_end());
                while i < bytes.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
            if (b == b'h' || b == b'w') && !is_alnum_before(text, i) {
                if let Some(e) = url_end(text, i) {
                    i = e;
                    continue;
                }
            }
            if b.is_ascii_alphabetic() {
                // Fast path: an ASCII word the lexicon does not know is
                // skipped on its bytes, hashed as it is read.
                let mut j = i;
                let mut h = crate::lexicon::FOLD_HASH_BASIS;
                while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
                    h = crate::lexicon::fold_hash_byte(h, bytes[j].to_ascii_lowercase());
                    j += 1;
                }
                let ascii_word = j == bytes.len() || bytes[j] < 0x80;
                let word_start =
                    i == 0 || (bytes[i - 1] < 0x80 && !bytes[i - 1].is_ascii_alphanumeric());
                // "XXe siècle", "la IIe République", "XIXème".
                if word_start && matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M') {
                    if let Some(end) = self.roman_ordinal(i) {
                        i = end;
                        continue;
                    }
                }
                if ascii_word && word_start && !self.primary.scan_hashes.contains(&h) {
                    i = j;
                    continue;
                }
                if ascii_word && !word_start && bytes[i - 1] < 0x80 {
                    i = j;
                    continue;
                }
            }
            if b.is_ascii_alphabetic() || b >= 0x80 {
                let c = char_at(text, i).unwrap_or(' ');
                if c.is_alphabetic() {
                    let (_, wend) = word_at(text, i).unwrap_or((i, i + c.len_utf8()));
                    if !is_alnum_before(text, i) {
                        if let Some(end) = self.at_word(i, wend) {
                            i = end.max(wend).max(self.last_end());
                            while !text.is_char_boundary(i) {
                                i += 1;
                            }
                            continue;
                        }
                    }
                    i = wend;
                    continue;
                }
                if let Some(v) = vulgar_fraction(c) {
                    if !is_alnum_before(text, i) {
                        let mut f = Figure::new(i, i + c.len_utf8(), Some(v), Written::Digits);
                        f.kind = Kind::Fraction;
                        f.decimals = 1;
                        i = self.after_number(f).max(self.last_end());
                        continue;
                    }
                }
                i += c.len_utf8();
                continue;
            }
            i += 1;
        }
    }

    /// A Roman numeral with an ordinal suffix: "IIe", "XXe", "Ier",
    /// "XIXème". A single letter must be I, V or X ("Ce", "Le", "De" are
    /// words).
    fn roman_ordinal(&mut self, pos: usize) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut r = pos;
        while r < bytes.len() && matches!(bytes[r], b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M')
        {
            r += 1;
        }
        if r - pos == 1 && !matches!(bytes[pos], b'I' | b'V' | b'X') {
            return None;
        }
        let (_, wend) = word_at(text, pos)?;
        if wend <= r {
            return None;
        }
        crate::lexicon::fold_into(&text[r..wend], &mut self.buf);
        if !self.lexes().any(|l| l.ordinal_suffixes.contains(&self.buf))
            || !text[r..wend].chars().all(char::is_lowercase)
        {
            return None;
        }
        // After one letter, only the suffixes of French Roman ordinals:
        // "Inde" and "Ind." are no ordinals.
        if r - pos == 1 && !matches!(self.buf.as_str(), "e" | "er" | "re" | "ere" | "eme") {
            return None;
        }
        let value = digits::roman_value(&text[pos..r])?;
        let mut f = Figure::new(pos, wend, Some(Decimal::from(value)), Written::Words);
        f.kind = Kind::Ordinal;
        self.push(f);
        Some(wend)
    }

    fn push(&mut self, f: Figure) {
        self.out.push(f);
    }

    /// Where the last figure found ends.
    fn last_end(&self) -> usize {
        self.out.last().map_or(0, |f| f.end)
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
        // Digits inside a name or code: "F-16", "COVID-19", "G20", "A4";
        // not the second number of "5k-20k".
        let prev = char_before(text, pos);
        let after_figure = prev == Some('-')
            && self
                .out
                .last()
                .is_some_and(|f| f.end + 1 == pos && f.kind != Kind::Identifier);
        let glued_to_word = prev.is_some_and(|c| c.is_alphabetic())
            || (matches!(prev, Some('-') | Some('_') | Some('/'))
                && char_before(text, pos - 1).is_some_and(|c| c.is_alphabetic()))
            || prev.is_some_and(|c| c.is_ascii_digit());
        if glued_to_word && !after_figure && !self.is_prefix_unit_glued(pos) {
            return self.identifier(pos);
        }
        if let Some(end) = self.phone(pos) {
            return end;
        }
        if let Some(end) = self.ip_address(pos) {
            return end;
        }
        // A decimal with no integer part: ".25", French ",08".
        if let Some(e) = self.leading_decimal(pos) {
            return e;
        }
        let Ok((_, num)) = numeral(&text[pos..]) else {
            return pos + 1;
        };
        // The next item of a list "22,24,26,31".
        let in_list =
            prev == Some(',') && char_before(text, pos - 1).is_some_and(|c| c.is_ascii_digit());
        let reading = if in_list {
            read_numeral(
                &digits::Numeral { n: 1, ..num },
                self.lex.conventions(self.lang),
            )
        } else {
            read_numeral(&num, self.lex.conventions(self.lang))
        };
        let Some(reading) = reading else {
            // Too large for an exact decimal: keep it as an identifier.
            return self.identifier(pos);
        };
        let num_end = pos + numeral_len(&num, reading.runs);
        let first = num.runs()[0];
        // Leading zeros: codes, postal numbers ("0002", "007"), not counts;
        // like any identifier, the code keeps the number it carries.
        if first.len() > 1 && first.starts_with('0') && reading.runs == 1 {
            let value = (first.len() <= 18)
                .then(|| digits::int_value(first))
                .flatten();
            let mut f = Figure::new(pos, num_end, value, Written::Digits);
            f.kind = Kind::Identifier;
            self.push(f);
            return num_end;
        }
        let mut f = Figure::new(pos, num_end, Some(reading.value), Written::Digits);
        f.evidence = reading.evidence;
        f.bad_grouping = reading.bad_grouping;
        f.ambiguous = reading.odd;
        f.decimals = reading.scale.min(255) as u8;
        // "1e10", "1,1^23", "6.23x10^-4".
        if let Some(v) = self.exponent(&mut f) {
            f.value = Some(v);
            f.evidence = Evidence::None;
            self.finish_figure(f, self.primary, false);
            return f.end;
        }
        self.after_number(f)
    }

    /// ".25", ",08" (French): a decimal written without its zero.
    fn leading_decimal(&mut self, pos: usize) -> Option<usize> {
        let text = self.text;
        let sep = char_before(text, pos)?;
        if !(sep == '.' || sep == ',' && !self.lex.conventions(self.lang).decimal_point()) {
            return None;
        }
        if char_before(text, pos - 1).is_some_and(|c| !(c.is_whitespace() || c == '(')) {
            return None;
        }
        let (_, run) = digits::digit_run(&text[pos..]).ok()?;
        let e = pos + run.len();
        if char_at(text, e).is_some_and(|c| matches!(c, '.' | ',')) {
            return None;
        }
        let v = digits::decimal_value("0", run)?;
        let mut f = Figure::new(pos - 1, e, Some(v), Written::Digits);
        f.decimals = run.len().min(255) as u8;
        f.evidence = if sep == '.' {
            Evidence::DotDecimal
        } else {
            Evidence::CommaDecimal
        };
        Some(self.after_number(f))
    }

    /// Scientific notation and powers after the digits of `f`: "1e10",
    /// "-127.32e13", "2,5^-1", "6.23x10^-4". Sets the end of `f` and
    /// returns the value.
    fn exponent(&mut self, f: &mut Figure) -> Option<Decimal> {
        let text = self.text;
        let b = text.as_bytes();
        let mut p = f.num_end;
        let base = f.value?;
        // "x10^": times a power of ten.
        let (power_of_ten, mantissa_base) = match b.get(p) {
            Some(b'e' | b'E') => {
                p += 1;
                (true, Decimal::TEN)
            }
            Some(b'^') => {
                p += 1;
                (false, base)
            }
            Some(b'x' | b'X') if text[p + 1..].starts_with("10^") => {
                p += 4;
                (true, Decimal::TEN)
            }
            _ if text[p..].starts_with("×10^") => {
                p += "×10^".len();
                (true, Decimal::TEN)
            }
            _ => return None,
        };
        let mut negative = false;
        let mut signs = 0;
        while let Some(c @ (b'+' | b'-')) = b.get(p) {
            if *c == b'-' {
                negative = !negative;
            }
            signs += 1;
            p += 1;
            if signs > 2 {
                return None;
            }
        }
        let s = p;
        while p < b.len() && b[p].is_ascii_digit() && p - s < 3 {
            p += 1;
        }
        if p == s || b.get(p).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let exp: u32 = text[s..p].parse().ok()?;
        if exp > 60 {
            return None;
        }
        let mut pow = Decimal::ONE;
        for _ in 0..exp {
            pow = pow.checked_mul(mantissa_base)?;
        }
        let v = if power_of_ten {
            if negative {
                base.checked_div(pow)?
            } else {
                base.checked_mul(pow)?
            }
        } else if negative {
            Decimal::ONE.checked_div(pow)?
        } else {
            pow
        };
        f.end = p;
        f.num_end = p;
        f.decimals = 1;
        Some(v.normalize())
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
        if end <= pos {
            // Nothing of a code here (".1er" read from its point): no figure.
            return pos + char_at(text, pos).map_or(1, |c| c.len_utf8());
        }
        // A figure already pushed inside this span ("COVID" has none, but
        // "2019-nCoV" may) is replaced.
        while self.out.last().is_some_and(|f| f.start >= start) {
            self.out.pop();
        }
        // The number the code carries ("F-16": 16), for matching codes;
        // an identifier is never a quantity.
        let digits_end = pos
            + text[pos..end]
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(end - pos);
        let value = (digits_end > pos && digits_end - pos <= 18)
            .then(|| digits::int_value(&text[pos..digits_end]))
            .flatten();
        let mut f = Figure::new(start, end, value, Written::Digits);
        f.num_start = pos;
        f.num_end = end;
        f.kind = Kind::Identifier;
        self.push(f);
        end
    }

    /// An IPv4 address, "192.168.1.2": four numbers up to 255 joined by
    /// dots, an identifier and no decimal ("192.168.100.200" could be a
    /// French number and is read as one).
    fn ip_address(&mut self, pos: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        if pos > 0 && matches!(bytes[pos - 1], b'.' | b',') {
            return None;
        }
        let mut p = pos;
        // "3.002.156.000" is a French number: some part must not be a
        // group of thousands.
        let mut grouping = true;
        for part in 0..4 {
            let s = p;
            while p < bytes.len() && p - s < 4 && bytes[p].is_ascii_digit() {
                p += 1;
            }
            if p == s || p - s > 3 || digits::int_value(&self.text[s..p])? > Decimal::from(255) {
                return None;
            }
            grouping &= part == 0 || p - s == 3;
            if part < 3 {
                if bytes.get(p) != Some(&b'.') {
                    return None;
                }
                p += 1;
            }
        }
        if grouping
            || bytes.get(p).is_some_and(|c| c.is_ascii_alphanumeric())
            || (matches!(bytes.get(p), Some(b'.' | b','))
                && bytes.get(p + 1).is_some_and(u8::is_ascii_digit))
        {
            return None;
        }
        let mut f = Figure::new(pos, p, None, Written::Digits);
        f.kind = Kind::Identifier;
        self.push(f);
        Some(p)
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
            let Some(info) = words::lookup(lex, &text[pos..wend], &mut self.buf).cloned() else {
                continue;
            };
            if info.one_before_time || info.vague {
                if let Some(end) = self.time_words(lex, pos, wend, info.vague) {
                    return Some(end);
                }
            }
            if !info.starts_figure() {
                continue;
            }
            if self.not_a_number(lex, pos) {
                return Some(wend);
            }
            if info.relative {
                if let Some(end) = self.relative_ordinal(lex, pos) {
                    return Some(end);
                }
                if info.cardinal.is_none() && info.ordinal.is_none() {
                    continue;
                }
            }
            // Collectives: "une centaine", "des milliers", "dozens".
            if let Some(end) = self.collective(lex, pos) {
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
                if sp.fraction {
                    f.kind = Kind::Fraction;
                    f.decimals = 1;
                    if let Some(e) = self.fraction_of_unit(lex, &mut f) {
                        return Some(e);
                    }
                }
                if sp.approx {
                    self.approximate(&mut f);
                }
                if sp.article_only {
                    // "un homme" is no figure; "une semaine", "an hour" are
                    // durations of one, "un penny", "a dollar" sums of one;
                    // "un million" was read above.
                    let after = skip_spaces(text, end);
                    match unit_at(self.lex, text, after) {
                        Some(u) if self.one_of_unit(&u) => {
                            return Some(self.after_number(f));
                        }
                        // "un sur trois", "one out of five".
                        _ => {
                            if let Some(e) = self.fraction_link(&mut f, end) {
                                return Some(e);
                            }
                            return Some(self.one_noun_in(lex, f).unwrap_or(end));
                        }
                    }
                }
                return Some(self.after_number(f));
            }
        }
        // A unit named without a number: "convert to fahrenheit".
        crate::lexicon::fold_into(&text[pos..wend], &mut self.buf);
        if self.lex.alone_words.contains(self.buf.as_str()) {
            if let Some(u) = unit_at(self.lex, text, pos) {
                if self.lex.unit_forms[u.form].alone {
                    let mut f = Figure::new(pos, u.end, None, Written::Words);
                    f.kind = self.lex.units[u.unit].kind;
                    f.unit = Some(u.unit as u16);
                    self.push(f);
                    return Some(u.end);
                }
            }
        }
        None
    }

    /// "trois quarts d'heure", "a quarter of a mile", "half of an hour":
    /// a fraction of one unit is so much of the unit.
    fn fraction_of_unit(&mut self, lex: &LangLexicon, f: &mut Figure) -> Option<usize> {
        let text = self.text;
        let p = skip_spaces(text, f.end);
        let mut q = self.after_link(lex, p);
        if q == p {
            return None;
        }
        if let Some((s, e)) = word_at(text, q) {
            if s == q && words::lookup(lex, &text[s..e], &mut self.buf).is_some_and(|i| i.article) {
                q = skip_spaces(text, e);
            }
        }
        let u = unit_at(self.lex, text, q)?;
        let def = &self.lex.units[u.unit];
        if u.form_is_symbol || def.kind == Kind::Percent {
            return None;
        }
        f.kind = def.kind;
        f.unit = Some(u.unit as u16);
        f.end = u.end;
        f.seconds = self.seconds_of(f);
        self.finish_figure(*f, lex, false);
        Some(u.end)
    }

    /// "un Français sur deux", "une entreprise sur trois": one of a noun in
    /// so many, a proportion of that noun.
    fn one_noun_in(&mut self, lex: &LangLexicon, mut f: Figure) -> Option<usize> {
        let text = self.text;
        if !lex.articles_count {
            return None;
        }
        let q = skip_spaces(text, f.end);
        let (s, e) = word_at(text, q)?;
        if s != q || q == f.end || words::lookup(lex, &text[s..e], &mut self.buf).is_some() {
            return None;
        }
        // The whole is a number: not "un reportage sur une bibliothèque".
        let l = skip_spaces(text, e);
        let (le, _) = self.phrase_of(l, |x| &x.fraction_links)?;
        let r = skip_spaces(text, le);
        if let Some((ws, we)) = word_at(text, r) {
            if ws == r
                && words::lookup(lex, &text[ws..we], &mut self.buf).is_some_and(|i| i.article)
            {
                return None;
            }
        }
        let n = self.out.len();
        let end = self.fraction_link(&mut f, e)?;
        if let Some(g) = self.out.get_mut(n) {
            g.entity = Some((s, e));
        }
        Some(end)
    }

    /// Whether an article before the unit `u` counts one of it: a unit of
    /// time ("une semaine"), or a currency named by a word that names
    /// nothing else ("un penny", but not "a pound", also a weight).
    fn one_of_unit(&self, u: &UnitMatch) -> bool {
        let kind = self.lex.units[u.unit].kind;
        if kind == Kind::Duration {
            return true;
        }
        let form = &self.lex.unit_forms[u.form];
        kind == Kind::Money
            && !form.symbol
            && !self
                .lex
                .unit_forms
                .iter()
                .any(|g| g.form == form.form && self.lex.units[g.unit].kind != Kind::Money)
    }

    /// "all week", "toute la semaine", "another hour" (one of a unit of
    /// time) and "quelques heures", "several days" (a vague duration).
    fn time_words(
        &mut self,
        lex: &LangLexicon,
        pos: usize,
        wend: usize,
        vague: bool,
    ) -> Option<usize> {
        let text = self.text;
        let mut p = match char_at(text, wend) {
            Some('-') => wend + 1,
            _ => skip_spaces(text, wend),
        };
        if !vague {
            // "toute la semaine", "toute l'année".
            if let Some((s, e)) = word_at(text, p) {
                crate::lexicon::fold_into(&text[s..e], &mut self.buf);
                let elided = matches!(char_at(text, e), Some('\'') | Some('’'));
                if elided {
                    self.buf.push('\'');
                }
                if lex.time_determiners.contains(&self.buf) {
                    p = if elided {
                        e + char_at(text, e).map_or(1, |c| c.len_utf8())
                    } else {
                        skip_spaces(text, e)
                    };
                }
            }
        }
        let u = unit_at(self.lex, text, p)?;
        let def = &self.lex.units[u.unit];
        if def.kind != Kind::Duration || u.end - u.start <= 2 {
            return None;
        }
        let mut f = Figure::new(pos, u.end, None, Written::Words);
        f.kind = Kind::Duration;
        f.unit = Some(u.unit as u16);
        if vague {
            // Several of them: at least two.
            f.low = Some(Decimal::TWO);
        } else {
            f.value = Some(Decimal::ONE);
            f.seconds = self.seconds_of(&f);
        }
        self.finish_figure(f, lex, false);
        Some(u.end)
    }

    /// "last", "the next", "avant-dernier": a position relative to
    /// another, an ordinal with no value; not after an indefinite article
    /// ("a previous version", "un dernier verre").
    fn relative_ordinal(&mut self, lex: &LangLexicon, pos: usize) -> Option<usize> {
        let text = self.text;
        let b = skip_spaces_back(text, pos);
        if let Some((s, e)) = word_before(text, b) {
            if words::lookup(lex, &text[s..e], &mut self.buf).is_some_and(|i| i.article) {
                return None;
            }
        }
        let mut found = None;
        for phrase in &lex.relative_ordinals {
            let mut p = pos;
            let mut ok = true;
            let mut end = pos;
            for (i, w) in phrase.split(' ').enumerate() {
                if i > 0 {
                    let q = skip_spaces(text, end);
                    if q == end {
                        ok = false;
                        break;
                    }
                    p = q;
                }
                let Some((s, e)) = noun_at(text, p) else {
                    ok = false;
                    break;
                };
                crate::lexicon::fold_into(&text[s..e], &mut self.buf);
                if self.buf != w {
                    ok = false;
                    break;
                }
                end = e;
            }
            if ok {
                found = Some(end);
                break;
            }
        }
        let end = found?;
        let mut f = Figure::new(pos, end, None, Written::Words);
        f.kind = Kind::Ordinal;
        self.push(f);
        Some(end)
    }

    /// Gives `f` the interval of an approximate collective around its value.
    fn approximate(&self, f: &mut Figure) {
        let Some(v) = f.value else { return };
        if let Some(qi) = self.lex.qualifier_by_name("collective") {
            if let QualifierShape::Approx { low, high } = &self.lex.qualifiers[qi].shape {
                f.low = Some(v * low);
                f.high = Some(v * high);
            }
        }
    }

    /// The length in seconds of a duration, from its unit's factor.
    fn seconds_of(&self, f: &Figure) -> Option<Decimal> {
        if f.kind != Kind::Duration && f.kind != Kind::Age {
            return None;
        }
        let u = &self.lex.units[f.unit? as usize];
        if u.dimension.as_deref() != Some("time") {
            return None;
        }
        f.value?.checked_mul(u.factor?)
    }

    fn not_a_number(&mut self, lex: &LangLexicon, pos: usize) -> bool {
        let text = self.text;
        // Most number words are in no such phrase: one look-up.
        let (ws, we) = word_at(text, pos).unwrap_or((pos, pos));
        let first_len = text[ws..we]
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(we - ws);
        crate::lexicon::fold_into(&text[ws..ws + first_len], &mut self.buf);
        if !lex.not_number_words.contains(self.buf.as_str()) {
            return false;
        }
        let mut end = (pos + 40).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        crate::lexicon::fold_into(&text[pos..end], &mut self.buf);
        let head = std::mem::take(&mut self.buf);
        let before = tail(text, pos, 24);
        let first = head
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let lead = lex
            .duration_leads
            .iter()
            .any(|w| before.ends_with_phrase(w).is_some());
        let hit = lex.not_numbers.iter().any(|p| {
            if let Some(rest) = p.strip_prefix("l'") {
                return before.norm.ends_with("l'") && starts_with_word(&head, rest);
            }
            // The phrase may start before the number word: "the one",
            // "no one".
            let mut at = 0;
            for w in p.split(' ') {
                if w == first {
                    let (pre, post) = p.split_at(at);
                    let pre = pre.trim_end();
                    if !((pre.is_empty() || before.ends_with_phrase(pre).is_some())
                        && starts_with_word(&head, post))
                    {
                        return false;
                    }
                    // "that one mile": a unit after the phrase keeps the
                    // number, and so does a lead of duration ("en un jour").
                    let after = skip_spaces(text, (pos + w.len()).min(text.len()));
                    if !text.is_char_boundary(after) {
                        return true;
                    }
                    let unit = unit_at(self.lex, text, after);
                    if lead && unit.is_some_and(|u| self.lex.units[u.unit].kind == Kind::Duration) {
                        return false;
                    }
                    return post.contains(' ') || unit.is_none();
                }
                at += w.len() + 1;
            }
            false
        });
        self.buf = head;
        hit
    }

    /// "une centaine d'étrangers", "des dizaines", "plusieurs milliers".
    fn collective(&mut self, lex: &LangLexicon, pos: usize) -> Option<usize> {
        let text = self.text;
        // The collective is this word, or the next one after an article
        // ("une centaine", "a dozen"); counts of collectives ("deux
        // douzaines") are read as numbers.
        let (w0s, w0e) = word_at(text, pos)?;
        let info0 = words::lookup(lex, &text[w0s..w0e], &mut self.buf)?.clone();
        let (_, ce, col) = if let Some(col) = info0.collective.clone() {
            // A singular collective needs its article: "une quarantaine",
            // not "la quarantaine" (quarantine).
            if matches!(col, Collective::About(_)) {
                return None;
            }
            (w0s, w0e, col)
        } else if info0.article {
            let after = skip_spaces(text, w0e);
            let (cs, ce) = word_at(text, after)?;
            let col = words::lookup(lex, &text[cs..ce], &mut self.buf)?
                .collective
                .clone()?;
            (cs, ce, col)
        } else {
            return None;
        };
        // "des dizaines de milliers", "hundreds of thousands", "une
        // centaine de milliers": a collective of a larger collective.
        let (ce, times) = match self.collective_of_collective(lex, &col, ce) {
            Some((e, m)) => (e, m),
            None => (ce, Decimal::ONE),
        };
        let mut f = Figure::new(pos, ce, None, Written::Words);
        match col {
            Collective::About(v) => {
                f.value = v.checked_mul(times);
                self.approximate(&mut f);
            }
            Collective::Between(l, h, _) => {
                f.low = l.checked_mul(times);
                // Up to the last of the larger ones: "des dizaines de
                // milliers" is at most 99,999.
                f.high = if times > Decimal::ONE {
                    (h + Decimal::ONE)
                        .checked_mul(times)
                        .map(|x| x - Decimal::ONE)
                } else {
                    Some(h)
                };
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
        // "a couple of days", "une dizaine de jours": a unit after the link.
        let up = self.after_link(lex, skip_spaces(text, ce));
        if let Some(u) = unit_at(self.lex, text, up).filter(|u| u.end - u.start > 2) {
            let def = &self.lex.units[u.unit];
            f.kind = def.kind;
            f.unit = Some(u.unit as u16);
            f.end = u.end;
            f.seconds = self.seconds_of(&f);
            // "un homme d'une cinquantaine d'années".
            if def.kind == Kind::Duration && def.id == "year" && self.is_age(&f) {
                f.kind = Kind::Age;
            }
            self.finish_figure(f, lex, true);
            return Some(u.end);
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

    /// A plural collective after the collective `col` ending at `ce`, past a
    /// link ("dizaines de milliers", "tens of thousands"): where it ends and
    /// what one of it counts.
    fn collective_of_collective(
        &mut self,
        lex: &LangLexicon,
        col: &Collective,
        ce: usize,
    ) -> Option<(usize, Decimal)> {
        let text = self.text;
        let q = skip_spaces(text, ce);
        let up = self.after_link(lex, q);
        if up == q {
            return None;
        }
        let (s, e) = word_at(text, up)?;
        if s != up {
            return None;
        }
        let each = match &words::lookup(lex, &text[s..e], &mut self.buf)?.collective {
            Some(Collective::Between(_, _, Some(each))) => *each,
            _ => return None,
        };
        let own = match col {
            Collective::About(v) => *v,
            Collective::Between(_, h, _) => *h,
        };
        (each > own).then_some((e, each))
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
            // "3½".
            if let Some(v) = next.and_then(vulgar_fraction) {
                if f.decimals == 0 {
                    f.value = f.value.map(|x| x + v);
                    f.num_end += next.map_or(0, |c| c.len_utf8());
                    f.end = f.num_end;
                    f.decimals = 1;
                }
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
                        // "May 4th": a day after a month.
                        let mut day = f;
                        day.end = end;
                        day.num_end = end;
                        if self.date_after_month(&mut day).is_some() {
                            if let Some(last) = self.out.last_mut() {
                                if last.end == end {
                                    last.end = we;
                                    last.num_end = we;
                                }
                            }
                            return we;
                        }
                        f.kind = Kind::Ordinal;
                        self.push(f);
                        return we;
                    }
                }
            }
        }

        // Scale: words that go on with the digits ("2,5 millions", "4
        // thousand 3 hundred and 21", "3 dozens"), abbreviations ("3 mln",
        // "13 lakh") and symbols ("10k", "$5bn", "1.2b").
        let mut p = end;
        let mut scaled = false;
        let money_prefix = f.written != Written::Words
            && prefix_unit_before(self.lex, text, f.num_start)
                .is_some_and(|u| self.lex.units[u.unit].kind == Kind::Money);
        if let Some((v, se, approx)) = self.scale_after(&f, money_prefix) {
            f.scale = match f.value {
                Some(old) if !old.is_zero() && f.written != Written::Words => {
                    v.checked_div(old).map_or(Decimal::ONE, |x| x.normalize())
                }
                _ => Decimal::ONE,
            };
            f.value = Some(v);
            if f.written == Written::Digits {
                f.written = Written::Mixed;
            }
            p = se;
            f.end = se;
            f.num_end = se;
            scaled = true;
            if approx {
                self.approximate(&mut f);
            }
        }

        // A proportion written with two numbers: "2 sur 3", "1 in 5", "two
        // out of three", "1 over 3".
        if matches!(f.kind, Kind::Count | Kind::Fraction) && !money_prefix {
            if let Some(e) = self.fraction_link(&mut f, p) {
                return e;
            }
        }

        // Unit after: "%", "km", "euros", "jours"; after a scale word a link
        // may come first ("millions de dollars"). A currency before the
        // number wins ("$ 20,000.00 $ 37,305.97").
        let prev_end = self.last_end();
        let prefix = prefix_unit_before(self.lex, text, f.num_start).filter(|u| {
            f.start == f.num_start && f.written != Written::Words && u.start >= prev_end
        });
        let mut up = skip_spaces(text, p);
        if scaled {
            up = self.after_link(lex, up);
        }
        // Hyphenated units: "a 40-day deadline", "20-year-old", "3-min".
        if char_at(text, p) == Some('-') {
            if let Some(u) = unit_at(self.lex, text, p + 1) {
                if matches!(self.lex.units[u.unit].kind, Kind::Duration | Kind::Measure)
                    && u.end - u.start > 1
                {
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
        // "half an hour", "half a day".
        if f.kind == Kind::Fraction {
            if let Some((s, e)) = word_at(text, up) {
                if words::lookup(lex, &text[s..e], &mut self.buf).is_some_and(|i| i.article) {
                    let next = skip_spaces(text, e);
                    if unit_at(self.lex, text, next)
                        .is_some_and(|u| self.lex.units[u.unit].kind == Kind::Duration)
                    {
                        up = next;
                    }
                }
            }
        }
        let unit = unit_at(self.lex, text, up).filter(|u| {
            // An amount in words followed by a one-letter symbol ("trois m")
            // is not a measure; a currency written before the number takes
            // no second one.
            let one_letter_after_words = f.written == Written::Words && u.end - u.start <= 1;
            let second_currency =
                prefix.is_some() && self.lex.units[u.unit].kind == Kind::Money && u.form_is_symbol;
            !(one_letter_after_words || second_currency || self.year_before_unit(&f, u))
        });
        // "the 1990s", "the 90s": a decade, not seconds.
        if let (Some(u), Some(v)) = (unit, f.value) {
            let n = f.num_end - f.num_start;
            if u.form_is_symbol
                && &text[u.start..u.end] == "s"
                && u.start == f.num_end
                && (n == 4 || n == 2)
                && f.decimals == 0
                && (v % Decimal::TEN).is_zero()
            {
                f.end = u.end;
                f.kind = Kind::Date;
                f.date = (n == 4).then(|| DateParts {
                    year: i32::try_from(v).ok(),
                    ..Default::default()
                });
                self.push(f);
                return f.end;
            }
        }
        if let (Some(u), None) = (unit, prefix) {
            let def = &self.lex.units[u.unit];
            f.unit = Some(u.unit as u16);
            f.kind = def.kind;
            f.end = u.end;
            p = u.end;
            if let Some(m) = u.scale {
                f.value = f.value.and_then(|v| v.checked_mul(m));
                f.scale = m;
            }
            // "20-year-old", "20 years old", "âgé de 20 ans": an age.
            if def.kind == Kind::Duration && def.id == "year" && self.is_age(&f) {
                f.kind = Kind::Age;
                if let Some(e) = old_suffix(text, f.end) {
                    f.end = e;
                    p = e;
                }
            }
        } else if let Some(u) = prefix {
            let def = &self.lex.units[u.unit];
            f.unit = Some(u.unit as u16);
            f.kind = def.kind;
            f.start = u.start;
            if let Some(m) = u.scale {
                f.value = f.value.and_then(|v| v.checked_mul(m));
                f.scale = m;
            }
            if let Some(u2) = unit {
                // "$ 5 dollars": the word repeats the symbol.
                if u2.unit == u.unit && !u2.form_is_symbol {
                    f.end = u2.end;
                    p = u2.end;
                }
            }
        }
        if f.unit.is_some() {
            // "75 USD million", "15 dollars 50", "3 dollars 50 cents",
            // "an hour and a half", "12 ft 2 in".
            p = self.after_unit(&mut f, p);
        }
        if f.kind == Kind::Temperature {
            self.angle(&mut f);
        }
        if f.seconds.is_none() {
            f.seconds = self.seconds_of(&f);
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
            && f.kind != Kind::Fraction
            && f.debris.is_none()
            && char_at(text, f.num_end).is_some_and(|c| c.is_alphabetic())
            && f.written == Written::Digits
        {
            return self.identifier(f.num_start);
        }

        // Counted noun.
        if matches!(f.kind, Kind::Count | Kind::Fraction) {
            let link = scaled || f.kind != Kind::Count;
            {
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

    /// The lexicons to read words with: the document's, then English for
    /// a document of unknown language.
    fn lexes(&self) -> impl Iterator<Item = &'a LangLexicon> {
        [Some(self.primary), self.secondary].into_iter().flatten()
    }

    /// Past a link word at `pos` ("de", "d'", "of"), if one stands there:
    /// where the unit or noun after it starts; `pos` otherwise.
    fn after_link(&mut self, lex: &LangLexicon, pos: usize) -> usize {
        let text = self.text;
        let Some((s, e)) = word_at(text, pos) else {
            return pos;
        };
        crate::lexicon::fold_into(&text[s..e], &mut self.buf);
        if lex.noun_links.contains(self.buf.as_str()) {
            return skip_spaces(text, e);
        }
        if let Some(c @ ('\'' | '’')) = char_at(text, e) {
            self.buf.push('\'');
            if lex.noun_links.contains(self.buf.as_str()) {
                return e + c.len_utf8();
            }
        }
        pos
    }

    /// The first phrase of a lexicon table (`table` picks it) written at
    /// `q`, in the document's language first: its end and its value.
    fn phrase_of<T: Copy + 'a>(
        &mut self,
        q: usize,
        table: impl Fn(&'a LangLexicon) -> &'a [(String, T)],
    ) -> Option<(usize, T)> {
        let text = self.text;
        for lex in self.lexes() {
            for (phrase, v) in table(lex) {
                if let Some(e) = phrase_at(text, q, phrase, &mut self.buf) {
                    return Some((e, *v));
                }
            }
        }
        None
    }

    /// A scale after the number `f`: the value, the end and whether the
    /// scale is approximate ("deux douzaines").
    fn scale_after(&mut self, f: &Figure, money_prefix: bool) -> Option<(Decimal, usize, bool)> {
        let text = self.text;
        let v = f.value?;
        let end = f.num_end;
        let sp = skip_spaces(text, end);
        if f.written == Written::Digits {
            // Symbols, with their case: "10k", "1.2b", "10M", "US$ 1MM".
            let glued = sp == end;
            for lex in self.lexes() {
                for (sym, m) in &lex.scale_symbols {
                    if !text[sp..].starts_with(sym.as_str()) {
                        continue;
                    }
                    let se = sp + sym.len();
                    if char_at(text, se).is_some_and(|c| c.is_alphanumeric()) {
                        continue;
                    }
                    if !glued && !money_prefix && !lex.spaced_scale_symbols.contains(sym) {
                        continue;
                    }
                    // A symbol that is also a unit ("10m") scales only money.
                    if !money_prefix && unit_at(self.lex, text, sp).is_some_and(|u| u.end == se) {
                        continue;
                    }
                    return Some((v.checked_mul(*m)?, se, false));
                }
            }
            // Words that go on with the digits: "2,5 millions", "4 thousand
            // 3 hundred and 21", "3 dozens", "3 million and a half".
            if let Some((s, e)) = word_at(text, sp) {
                crate::lexicon::fold_into(&text[s..e], &mut self.buf);
                // "50 cents" is money.
                if !self.lex.minor_words.contains(self.buf.as_str()) {
                    for lex in self.lexes() {
                        if let Some(w) = words::continue_digits(lex, v, &text[end..], &mut self.buf)
                        {
                            return Some((w.value, end + w.len, w.approx));
                        }
                    }
                }
            }
        }
        // Abbreviations and words: "3 mln", "13 lakh", "6 Mds".
        for lex in self.lexes() {
            if let Some((m, se)) = scale_at(lex, text, sp, &mut self.buf) {
                return Some((v.checked_mul(m)?, se, false));
            }
        }
        None
    }

    /// A plain number at `pos`, in digits or words: its value and end.
    fn number_at(&mut self, pos: usize) -> Option<(Decimal, usize, Written)> {
        let text = self.text;
        if text[pos..].starts_with(|c: char| c.is_ascii_digit()) {
            let (_, num) = numeral(&text[pos..]).ok()?;
            let r = read_numeral(&num, self.lex.conventions(self.lang))?;
            let used = numeral_len(&num, r.runs);
            let e = pos + used;
            if char_at(text, e).is_some_and(|c| c.is_alphanumeric() || c == '/') {
                return None;
            }
            return Some((r.value, e, Written::Digits));
        }
        let (s, e) = word_at(text, pos)?;
        for lex in self.lexes() {
            let Some(info) = words::lookup(lex, &text[s..e], &mut self.buf) else {
                continue;
            };
            if info.cardinal.is_none() {
                continue;
            }
            let (_, sp) = words::spelled_number(lex).parse(&text[pos..]).ok()?;
            if sp.ordinal || sp.fraction {
                return None;
            }
            return Some((sp.value, pos + sp.len, Written::Words));
        }
        None
    }

    /// "2 sur 3", "1 in 5", "two out of three", "1 over 3": the proportion
    /// `f` starts, pushed; returns where the scan goes on.
    fn fraction_link(&mut self, f: &mut Figure, p: usize) -> Option<usize> {
        let text = self.text;
        let n = f.value?;
        if f.kind != Kind::Count || f.decimals > 0 || n < Decimal::ZERO {
            return None;
        }
        let q = skip_spaces(text, p);
        if q == p {
            return None;
        }
        let (pe, link) = self.phrase_of(q, |l| &l.fraction_links)?;
        let r = skip_spaces(text, pe);
        if r == pe {
            return None;
        }
        let (m, de, written) = self.number_at(r)?;
        if m <= Decimal::ZERO || m.fract() != Decimal::ZERO {
            return None;
        }
        if link == FractionLink::Proper && n > m {
            return None;
        }
        // "2 in 2019": a year, not a proportion.
        if written == Written::Digits
            && de - r == 4
            && m >= Decimal::from(1900)
            && m <= Decimal::from(2100)
        {
            return None;
        }
        // "$2000 over 3 years", "7 jours sur 7": a measure, not a proportion.
        let after = skip_spaces(text, de);
        if unit_at(self.lex, text, after).is_some() {
            return None;
        }
        f.value = Some((n / m).normalize());
        f.kind = Kind::Fraction;
        f.decimals = 1;
        f.end = de;
        f.num_end = de;
        if let Some((s, e)) = counted_noun(
            self.primary,
            &self.lex.debris,
            text,
            de,
            true,
            self.head_last(),
            &mut self.buf,
        ) {
            f.entity = Some((s, e));
        }
        self.finish_figure(*f, self.primary, false);
        Some(de)
    }

    /// What may follow a unit: a scale ("75 USD million"), cents ("15
    /// dollars 50"), a half ("an hour and a half"), smaller units of the
    /// same dimension ("5 feet and 2 inches", "1 year 1 month 21 days").
    /// Returns the new end.
    fn after_unit(&mut self, f: &mut Figure, mut p: usize) -> usize {
        let text = self.text;
        let Some(ui) = f.unit.map(usize::from) else {
            return p;
        };
        let def = &self.lex.units[ui];
        let q = skip_spaces(text, p);
        if def.kind == Kind::Money && q > p && f.scale == Decimal::ONE {
            for lex in self.lexes() {
                if let Some((m, se)) = scale_at(lex, text, q, &mut self.buf) {
                    if let Some(v) = f.value.and_then(|v| v.checked_mul(m)) {
                        f.value = Some(v);
                        f.scale = m;
                        f.end = se;
                        return se;
                    }
                }
            }
        }
        if def.kind == Kind::Money && !def.minor.is_empty() && f.scale == Decimal::ONE {
            if let Some(e) = self.minor_amount(f, ui, p) {
                return e;
            }
        }
        // "an hour and a half", "deux heures et demie".
        if matches!(def.kind, Kind::Duration | Kind::Measure) {
            for lex in self.lexes() {
                if let Some((len, frac)) = words::connector_fraction(lex, &text[p..], &mut self.buf)
                {
                    if let Some(v) = f.value {
                        f.value = Some(v + frac);
                        f.end = p + len;
                        return p + len;
                    }
                }
            }
        }
        // Smaller units of the same dimension.
        let Some(dim) = def.dimension.clone() else {
            return p;
        };
        let Some(mut factor) = def.factor else {
            return p;
        };
        let base = factor;
        let mut total = f.value.and_then(|v| v.checked_mul(base));
        let mut parts = 1;
        // Only the last part of a compound may have a fraction: "1.5 weeks,
        // 90 seconds" is a list.
        let mut whole = f.value.is_some_and(|v| v.fract().is_zero());
        while whole {
            // A comma makes a list: "10 days, 5 minutes".
            let mut q = skip_spaces(text, p);
            if let Some((s, e)) = word_at(text, q) {
                if self.lexes().any(|l| {
                    words::lookup(l, &text[s..e], &mut String::new()).is_some_and(|i| i.connector)
                }) {
                    q = skip_spaces(text, e);
                }
            }
            if q == p {
                break;
            }
            let Some((v, ne, _)) = self.number_at(q) else {
                break;
            };
            let us = skip_spaces(text, ne);
            let Some((unit, unit_end)) = unit_at(self.lex, text, us)
                .map(|u| (u.unit, u.end))
                .or_else(|| self.compound_unit(us, &dim))
            else {
                break;
            };
            let d2 = &self.lex.units[unit];
            let Some(f2) = d2.factor else { break };
            if d2.dimension.as_deref() != Some(dim.as_str())
                || f2 >= factor
                || !compound_pair(&dim, factor, f2)
            {
                break;
            }
            whole = v.fract().is_zero();
            total = total.zip(v.checked_mul(f2)).map(|(a, b)| a + b);
            factor = f2;
            parts += 1;
            p = unit_end;
            f.end = unit_end;
        }
        if parts > 1 {
            if dim == "time" {
                // "1 year 1 month 21 days": a length in seconds, no single
                // value.
                f.value = None;
                f.seconds = total;
                f.kind = Kind::Duration;
            } else {
                f.value = total.map(|t| (t / base).normalize());
            }
        }
        p
    }

    /// A unit named by a form that stands only after a larger unit of the
    /// same dimension: "in" in "12 ft 2 in".
    fn compound_unit(&mut self, pos: usize, dim: &str) -> Option<(usize, usize)> {
        let (s, e) = word_at(self.text, pos)?;
        if s != pos {
            return None;
        }
        crate::lexicon::fold_into(&self.text[s..e], &mut self.buf);
        let unit =
            self.lex.units.iter().position(|u| {
                u.dimension.as_deref() == Some(dim) && u.compound.contains(&self.buf)
            })?;
        Some((unit, e))
    }

    /// "15 dollars 50", "3 dollars 50 cents", "thirteen dollars and
    /// forty-five cents": the hundredths of a currency after the unit.
    fn minor_amount(&mut self, f: &mut Figure, ui: usize, p: usize) -> Option<usize> {
        let text = self.text;
        let v = f.value?;
        if v.fract() != Decimal::ZERO {
            return None;
        }
        let mut q = skip_spaces(text, p);
        if q == p {
            return None;
        }
        let mut conn = false;
        if let Some((s, e)) = word_at(text, q) {
            conn = self.lexes().any(|l| {
                words::lookup(l, &text[s..e], &mut String::new()).is_some_and(|i| i.connector)
            });
            if conn {
                q = skip_spaces(text, e);
            }
        }
        let (n, ne, written) = self.number_at(q)?;
        if n < Decimal::ONE || n >= Decimal::ONE_HUNDRED || n.fract() != Decimal::ZERO {
            return None;
        }
        if written == Written::Digits && ne - q > 2 {
            return None;
        }
        // "HKD$250,000 6-Max": a code, not cents.
        if char_at(text, ne).is_some_and(|c| c == '-' || c.is_alphanumeric()) {
            return None;
        }
        // With the currency before the number ("$15 50"), only a word of
        // cents or a connector ("c $ 100 and fifty") makes the second number
        // cents.
        let prefix = p == f.num_end && !conn;
        let r = skip_spaces(text, ne);
        let mut end = ne;
        match word_at(text, r) {
            Some((s, e)) => {
                crate::lexicon::fold_into(&text[s..e], &mut self.buf);
                if self.lex.units[ui].minor.contains(&self.buf) {
                    end = e;
                } else if prefix
                    || !self
                        .lexes()
                        .any(|l| l.noun_stop.contains(self.buf.as_str()))
                    || unit_at(self.lex, text, r).is_some()
                {
                    return None;
                }
            }
            None => {
                if prefix
                    || unit_at(self.lex, text, r).is_some()
                    || char_at(text, r).is_some_and(|c| c.is_ascii_digit())
                {
                    return None;
                }
            }
        }
        f.value = Some(v + n / Decimal::ONE_HUNDRED);
        f.decimals = 2;
        f.end = end;
        Some(end)
    }

    /// "Rotate 90°", "un angle de 45 degrés": degrees of an angle.
    fn angle(&mut self, f: &mut Figure) {
        let Some(ui) = f.unit else { return };
        if self.lex.units[ui as usize].id != "°" {
            return;
        }
        let t = tail(self.text, f.start, 64);
        let cue = self.lexes().any(|l| {
            l.angle_cues.iter().any(|c| {
                t.norm
                    .split(|ch: char| !ch.is_alphanumeric())
                    .any(|w| w == c)
            })
        });
        if cue {
            if let Some(i) = self.lex.units.iter().position(|u| u.id == "deg") {
                f.unit = Some(i as u16);
                f.kind = Kind::Measure;
            }
        }
    }

    /// English puts the counted noun last in its phrase.
    fn head_last(&self) -> bool {
        self.lex.conventions(self.lang).head_last
    }

    fn unit_or_scale_at(&mut self, pos: usize) -> bool {
        unit_at(self.lex, self.text, pos).is_some()
            || scale_at(self.primary, self.text, pos, &mut self.buf).is_some()
    }

    /// Qualifier before the figure, sign, then the interval; pushes it.
    fn finish_figure(&mut self, mut f: Figure, lex: &LangLexicon, collective: bool) {
        let text = self.text;
        // "n° 5", "No. 1", "article 49.3": the number of something.
        if f.kind == Kind::Count && f.written == Written::Digits && f.start == f.num_start {
            let t = tail(text, f.start, 16);
            if let Some(s) = lex.code_leads.iter().find_map(|p| t.ends_with_phrase(p)) {
                f.start = s;
                f.kind = Kind::Identifier;
                f.entity = None;
                self.push(f);
                return;
            }
        }
        // Sign: "-5", "−3", "+2" (not in "10-20" or "F-16"); "- 10 k" at the
        // start of a line, "- 20 degrees".
        if f.written != Written::Words && f.start == f.num_start {
            if let Some(c @ ('-' | '−' | '+')) = char_before(text, f.num_start) {
                let s = f.num_start - c.len_utf8();
                let before = char_before(text, s);
                if before.is_none_or(|b| !b.is_alphanumeric() && b != '-' && b != '/') {
                    f.start = s;
                    if c != '+' {
                        negate(&mut f);
                    }
                }
            } else if let Some(s) = self.spaced_sign(&f) {
                f.start = s;
                negate(&mut f);
            }
        }
        let mut qualified = false;
        if !collective || f.low.is_none() || f.value.is_some() {
            let t = tail(text, f.start, 40);
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
            // "=>30" is no comparison.
            let odd_symbol = found.is_some_and(|(s, _)| {
                !char_at(text, s).is_some_and(|c| c.is_alphanumeric())
                    && char_before(text, s).is_some_and(|c| matches!(c, '=' | '<' | '>' | '!'))
                    || char_at(text, s) == Some('=')
                        && char_before(text, s).is_some_and(|c| c.is_alphanumeric())
            });
            if let (Some((s, qi)), false) = (found, odd_symbol) {
                if f.kind.is_quantity() || f.kind == Kind::Count {
                    f.start = s;
                    qualified = true;
                    self.qualify(&mut f, qi);
                }
            }
        }
        // "minus one", "negative five point five", "moins 5 degrés".
        if !qualified && f.start == f.num_start && f.kind != Kind::Ordinal {
            if let Some(s) = self.minus_word(f.start) {
                f.start = s;
                negate(&mut f);
            }
        }
        // "500 or more", "200 ou plus".
        self.postfix_qualifier(&mut f);
        self.push(f);
    }

    /// Applies qualifier `qi` to `f`: its interval and name.
    fn qualify(&self, f: &mut Figure, qi: usize) {
        f.qualifier = Some(qi as u8);
        let Some(v) = f.value else { return };
        match &self.lex.qualifiers[qi].shape {
            QualifierShape::Approx { low, high } => {
                let (a, b) = (f.low.unwrap_or(v), f.high.unwrap_or(v));
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                let (lo, hi) = if v >= Decimal::ZERO {
                    (a * low, b * high)
                } else {
                    (a * high, b * low)
                };
                f.low = Some(lo);
                f.high = Some(hi);
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

    /// A sign separated from the digits by spaces: at the start of a line
    /// ("- 10 k") or before a temperature ("convert - 20 degrees").
    fn spaced_sign(&self, f: &Figure) -> Option<usize> {
        let text = self.text;
        let b = skip_spaces_back(text, f.num_start);
        if b == f.num_start {
            return None;
        }
        let c = char_before(text, b)?;
        if !matches!(c, '-' | '−') {
            return None;
        }
        let s = b - c.len_utf8();
        let before = text[..s].trim_end_matches(is_space);
        let line_start = before.is_empty() || before.ends_with('\n');
        let temperature = f.kind == Kind::Temperature
            && before.len() < s
            && before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphabetic());
        (line_start || temperature).then_some(s)
    }

    /// A sign word right before `pos` ("minus", "moins"), not between two
    /// numbers ("10 moins 5"): its start.
    fn minus_word(&mut self, pos: usize) -> Option<usize> {
        let text = self.text;
        let b = skip_spaces_back(text, pos);
        if b == pos {
            return None;
        }
        let (ws, we) = word_before(text, b)?;
        let minus = self
            .lexes()
            .any(|l| words::lookup(l, &text[ws..we], &mut String::new()).is_some_and(|i| i.minus));
        if !minus {
            return None;
        }
        let before = skip_spaces_back(text, ws);
        if char_before(text, before).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        if let Some((ps, pe)) = word_before(text, before) {
            let number = self.lexes().any(|l| {
                words::lookup(l, &text[ps..pe], &mut String::new())
                    .is_some_and(|i| i.cardinal.is_some())
            });
            if number {
                return None;
            }
        }
        Some(ws)
    }

    /// A qualifier written after the figure: "500 or more", "200 ou plus".
    fn postfix_qualifier(&mut self, f: &mut Figure) {
        let text = self.text;
        let Some(v) = f.value else { return };
        if !(f.kind.is_quantity() || f.kind == Kind::Count) || f.kind == Kind::Range {
            return;
        }
        // "300 troops or more": after the counted noun too.
        let from = match f.entity {
            Some((s, e)) if s >= f.end && text[f.end..s].chars().all(is_space) => e,
            _ => f.end,
        };
        let q = skip_spaces(text, from);
        if q == from {
            return;
        }
        let Some((e, qi)) = self.phrase_of(q, |l| &l.postfix_qualifiers) else {
            return;
        };
        // "more than 5000 or equal to 6000", "500 au moins 600": the phrase
        // qualifies the next number.
        let n = skip_spaces(text, e);
        if char_at(text, n).is_some_and(|c| c.is_ascii_digit()) {
            return;
        }
        if let Some((s, we)) = word_at(text, n) {
            if self.lexes().any(|l| {
                words::lookup(l, &text[s..we], &mut String::new())
                    .is_some_and(|i| i.cardinal.is_some() && !i.article)
            }) {
                return;
            }
        }
        // "40 and less than 10": the start of a qualifier of the next number.
        if let Some((s, we)) = word_at(text, n) {
            let last = found_phrase_last_word(text, q, e);
            let next = crate::lexicon::fold(&text[s..we]);
            let joined = format!("{last} {next}");
            if self.lexes().any(|l| {
                l.qualifiers
                    .iter()
                    .any(|(p, _)| p == &joined || p.starts_with(&(joined.clone() + " ")))
            }) {
                return;
            }
        }
        // The bound replaces an approximation before ("about 500 or more").
        f.low = None;
        f.high = None;
        f.value = Some(v);
        self.qualify(f, qi);
        f.end = e;
    }

    /// Whether "N years" at `f` is an age: "20-year-old", "âgé de 20 ans",
    /// "il a plus de 80 ans", "un garçon de 3 ans".
    fn is_age(&self, f: &Figure) -> bool {
        let text = self.text;
        if old_suffix(text, f.end).is_some() {
            return true;
        }
        // "il a 3 ans de retard", "20 years of war": a length of something.
        let after = skip_spaces(text, f.end);
        if after > f.end {
            if let Some((s, e)) = word_at(text, after) {
                let w = crate::lexicon::fold(&text[s..e]);
                let elided = matches!(char_at(text, e), Some('\'' | '’'));
                if self.lexes().any(|l| {
                    l.length_links.contains(&w)
                        || elided && l.length_links.contains(&format!("{w}'"))
                }) {
                    return false;
                }
            }
        }
        // Past a qualifier: "il a plus de 80 ans".
        let mut t = tail(text, f.start, 40);
        if let Some(s) = self
            .lexes()
            .flat_map(|l| l.qualifiers.iter())
            .find_map(|(p, _)| t.ends_with_phrase(p))
        {
            t = tail(text, s, 40);
        }
        self.lexes().any(|lex| {
            if lex
                .ago_leads
                .iter()
                .any(|p| t.ends_with_phrase(p).is_some())
            {
                return false;
            }
            if lex
                .age_leads
                .iter()
                .any(|p| t.ends_with_phrase(p).is_some())
            {
                return true;
            }
            let norm = t.norm.trim_end();
            lex.noun_links.iter().any(|link| {
                let Some(rest) = norm.strip_suffix(link.as_str()) else {
                    return false;
                };
                if !(link.ends_with('\'') || rest.ends_with(' ')) {
                    return false;
                }
                // The noun, or the noun and one adjective: "un homme de 20
                // ans", "un jeune homme noir de 24 ans".
                rest.trim_end()
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .take(2)
                    .any(|w| !w.is_empty() && lex.age_nouns.contains(w))
            })
        })
    }

    fn is_year(&self, f: &Figure) -> bool {
        if !year_shaped(f) || f.qualifier.is_some() {
            return false;
        }
        let t = tail(self.text, f.num_start, 24);
        let year_word = self
            .lexes()
            .flat_map(|l| l.year_leads.iter())
            .any(|p| t.ends_with_phrase(p).is_some());
        year_word || f.entity.is_none()
    }

    /// "In 2021 Bitcoin hit a record", "in 2020 dollars": a year before a
    /// unit word, not an amount. The unit is capitalised, or a currency
    /// after a strong lead of years ("in", "en", "since", "depuis").
    fn year_before_unit(&self, f: &Figure, u: &UnitMatch) -> bool {
        if u.form_is_symbol || !year_shaped(f) {
            return false;
        }
        let t = tail(self.text, f.num_start, 24);
        let lead = |strong: bool| {
            self.lexes()
                .flat_map(|l| {
                    if strong {
                        &l.year_unit_leads
                    } else {
                        &l.year_leads
                    }
                })
                .any(|p| t.ends_with_phrase(p).is_some())
        };
        let capital = char_at(self.text, u.start).is_some_and(char::is_uppercase);
        (capital && lead(false)) || (self.lex.units[u.unit].kind == Kind::Money && lead(true))
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
        if n <= 2
            && v >= Decimal::ONE
            && v <= Decimal::from(31)
            && !self.lex.conventions(self.lang).day_before_month
        {
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
            let (dd, mm) = if self.lex.conventions(self.lang).month_first_dates && mm > 12 {
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
                    self.finish_figure(g, self.primary, false);
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
        self.year_pairs();
        self.date_pairs();
        self.conventions();
        self.out
    }

    fn join_ranges(&mut self) {
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
        self.out = out;
    }

    fn range_of(&self, lex: &LangLexicon, a: &Figure, b: &Figure) -> Option<Figure> {
        let text = self.text;
        let same_kind = |k: Kind| {
            matches!(
                k,
                Kind::Count
                    | Kind::Fraction
                    | Kind::Percent
                    | Kind::Money
                    | Kind::Measure
                    | Kind::Temperature
                    | Kind::Duration
                    | Kind::Age
            )
        };
        if let Some(r) = self.bounded_pair(lex, a, b) {
            return Some(r);
        }
        if a.kind == Kind::Ordinal && b.kind == Kind::Ordinal {
            return self.ordinal_range(lex, a, b);
        }
        // "1000-5000": a first number read as a year is none when the
        // second is no year.
        let year_only = a.kind == Kind::Date
            && a.value.is_some()
            && a.date.is_some_and(|d| d.month.is_none() && d.day.is_none());
        let b_year = year_shaped(b);
        let a_kind = if year_only && b.kind == Kind::Count && !b_year {
            Kind::Count
        } else {
            a.kind
        };
        // "about 20~100": an approximation may open a range.
        let approx = a.qualifier.is_some_and(|q| {
            matches!(
                self.lex.qualifiers[q as usize].shape,
                QualifierShape::Approx { .. }
            )
        });
        if !same_kind(a_kind) || !same_kind(b.kind) || a.qualifier.is_some() && !approx {
            return None;
        }
        if a.entity.is_some() || a_kind != b.kind && a_kind != Kind::Count {
            return None;
        }
        let (av, bv) = (a.value?, b.value?);
        if b.start < a.end || b.start - a.end > 12 {
            return None;
        }
        let mut gap = crate::lexicon::fold(text[a.end..b.start].trim());
        // "entre un tiers et la moitié": a fraction may take its article.
        if b.kind == Kind::Fraction {
            gap = without_article(lex, &gap).to_string();
        }
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
        r.start = if approx { a.start } else { start };
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

    /// "between the tenth and the fifteenth", "du 3e au 5e", "10th-15th":
    /// a range of ranks, each end maybe with its article.
    fn ordinal_range(&self, lex: &LangLexicon, a: &Figure, b: &Figure) -> Option<Figure> {
        let text = self.text;
        let (av, bv) = (a.value?, b.value?);
        if av >= bv || b.start < a.end || b.start - a.end > 16 {
            return None;
        }
        let gap = crate::lexicon::fold(text[a.end..b.start].trim());
        let gap = without_article(lex, &gap);
        let mut start = None;
        if matches!(gap, "-" | "–") && b.start - a.end <= 3 {
            start = Some(a.start);
        } else {
            let t = tail(text, a.start, 24);
            let before = without_article(lex, t.norm.trim_end());
            for (opener, joiner) in &lex.range_openers {
                if gap == joiner && before.ends_with(opener.as_str()) {
                    let at = before.len() - opener.len();
                    if at == 0 || before[..at].ends_with(' ') {
                        start = t.offsets.get(at).copied();
                    }
                }
            }
        }
        let mut r = *b;
        r.start = start?;
        r.num_start = a.num_start;
        r.value = None;
        r.low = Some(av);
        r.high = Some(bv);
        r.kind = Kind::Range;
        Some(r)
    }

    /// "more than 10 and less than 40", "greater than 30 and less than or
    /// equal to 40": a lower bound and an upper bound make a range.
    fn bounded_pair(&self, lex: &LangLexicon, a: &Figure, b: &Figure) -> Option<Figure> {
        let text = self.text;
        let (qa, qb) = (a.qualifier?, b.qualifier?);
        let shape = |q: u8| &self.lex.qualifiers[q as usize].shape;
        let (lo, hi) = match (shape(qa), shape(qb)) {
            (QualifierShape::Lower { .. }, QualifierShape::Upper { .. }) => (a.low?, b.high?),
            (QualifierShape::Upper { .. }, QualifierShape::Lower { .. }) => (b.low?, a.high?),
            _ => return None,
        };
        if lo >= hi || b.start < a.end || b.start - a.end > 8 {
            return None;
        }
        let gap = crate::lexicon::fold(text[a.end..b.start].trim());
        let joins = gap == ","
            || lex
                .range_openers
                .iter()
                .chain(self.secondary.iter().flat_map(|l| l.range_openers.iter()))
                .any(|(_, j)| *j == gap)
            || self
                .lexes()
                .any(|l| words::lookup(l, &gap, &mut String::new()).is_some_and(|i| i.connector))
            || matches!(gap.as_str(), "but" | "mais");
        if !joins {
            return None;
        }
        let mut r = *b;
        r.start = a.start;
        r.num_start = a.num_start;
        r.value = None;
        r.low = Some(lo);
        r.high = Some(hi);
        r.kind = Kind::Range;
        r.qualifier = None;
        if r.unit.is_none() {
            r.unit = a.unit;
        }
        Some(r)
    }

    /// "the 2019-2020 season", "de 2014 à 2017": a year after a year is a
    /// year too.
    fn year_pairs(&mut self) {
        let text = self.text;
        for i in 1..self.out.len() {
            let a = self.out[i - 1];
            let b = &mut self.out[i];
            let a_year = a.kind == Kind::Date
                && a.date
                    .is_some_and(|d| d.month.is_none() && d.day.is_none() && d.year.is_some());
            let b_year = b.kind == Kind::Count && b.qualifier.is_none() && year_shaped(b);
            if !a_year || !b_year || b.start < a.end || b.start - a.end > 5 {
                continue;
            }
            let gap = crate::lexicon::fold(text[a.end..b.start].trim());
            if matches!(
                gap.as_str(),
                "-" | "–" | "—" | "/" | "to" | "a" | "et" | "and" | "au"
            ) {
                b.kind = Kind::Date;
                b.date = Some(DateParts {
                    year: b.value.and_then(|v| i32::try_from(v).ok()),
                    ..Default::default()
                });
                b.entity = None;
            }
        }
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
            if !self.lex.conventions(self.lang).known() {
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

/// Whether a smaller unit of factor `small` may continue a measure in a
/// unit of factor `large`: lengths of time ("1 year 1 month 21 days"), and
/// lengths and weights in units that are no power of ten of each other
/// ("5 feet 2 inches", "2 lb 3 oz"). Metric units ("1 Gbit/s et 300
/// Mbit/s", "3 km et 500 m") and volumes ("3 pintes et 2 tasses") are
/// lists.
fn compound_pair(dim: &str, large: Decimal, small: Decimal) -> bool {
    if dim == "time" {
        return true;
    }
    if !matches!(dim, "length" | "mass") {
        return false;
    }
    let Some(mut ratio) = large.checked_div(small) else {
        return false;
    };
    ratio = ratio.normalize();
    if ratio.fract() != Decimal::ZERO {
        return true;
    }
    while ratio > Decimal::ONE && (ratio % Decimal::TEN).is_zero() {
        ratio /= Decimal::TEN;
    }
    ratio != Decimal::ONE
}

/// A number written like a year: four plain digits from 1000 to 2100.
fn year_shaped(f: &Figure) -> bool {
    f.written == Written::Digits
        && f.num_end - f.num_start == 4
        && f.decimals == 0
        && f.value
            .is_some_and(|v| v >= Decimal::from(1000) && v <= Decimal::from(2100))
}

/// Folded `s` without the definite article that ends it ("et la" is "et",
/// "entre l'" is "entre").
fn without_article<'s>(lex: &LangLexicon, s: &'s str) -> &'s str {
    for art in &lex.definite_articles {
        if let Some(rest) = s.strip_suffix(art.as_str()) {
            if rest.is_empty() || rest.ends_with(' ') || art.ends_with('\'') {
                return rest.trim_end();
            }
        }
    }
    s
}

fn starts_with_word(head: &str, phrase: &str) -> bool {
    head.starts_with(phrase)
        && head[phrase.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// The end of a web address starting at `pos` ("https://…", "www.…"):
/// its digits are no figures.
fn url_end(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    if !(rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.")) {
        return None;
    }
    Some(pos + rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len()))
}

/// The value of a vulgar fraction character ("½", "¾", "⅙").
fn vulgar_fraction(c: char) -> Option<Decimal> {
    let (n, d) = match c {
        '½' => (1, 2),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅕' => (1, 5),
        '⅖' => (2, 5),
        '⅗' => (3, 5),
        '⅘' => (4, 5),
        '⅙' => (1, 6),
        '⅚' => (5, 6),
        '⅐' => (1, 7),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        '⅑' => (1, 9),
        '⅒' => (1, 10),
        _ => return None,
    };
    Some(Decimal::from(n) / Decimal::from(d))
}

/// The folded last word of the text between `s` and `e`.
fn found_phrase_last_word(text: &str, s: usize, e: usize) -> String {
    let t = &text[s..e];
    let w = t.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or(t);
    crate::lexicon::fold(w)
}

/// Makes `f` negative: its value and interval.
fn negate(f: &mut Figure) {
    f.value = f.value.map(|v| -v);
    let (l, h) = (f.low.map(|v| -v), f.high.map(|v| -v));
    f.low = h;
    f.high = l;
}

/// Bytes of a numeral's first `runs` runs and the separators between them.
fn numeral_len(num: &digits::Numeral<'_>, runs: usize) -> usize {
    num.runs()[..runs].iter().map(|r| r.len()).sum::<usize>()
        + num.seps()[..runs - 1]
            .iter()
            .map(|c| c.len_utf8())
            .sum::<usize>()
}

/// If the words of `phrase` (folded, space-separated) stand at `pos`, the
/// end of the last one.
fn phrase_at(text: &str, pos: usize, phrase: &str, buf: &mut String) -> Option<usize> {
    let mut p = pos;
    let mut end = pos;
    for (i, w) in phrase.split(' ').enumerate() {
        if i > 0 {
            let q = skip_spaces(text, end);
            if q == end {
                return None;
            }
            p = q;
        }
        let (s, e) = word_at(text, p)?;
        crate::lexicon::fold_into(&text[s..e], buf);
        if buf != w {
            return None;
        }
        end = e;
    }
    Some(end)
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
