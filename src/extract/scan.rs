//! Where the scan stops: at digits ("1 500", "2,5"), at words the lexicon
//! knows as numbers ("trois", "a dozen"), at Roman ordinals ("XIXe") and
//! at vulgar fractions ("½"); web addresses ("https://…") are skipped.
//! Each stop hands the number it starts to the recognisers.

use nom::Parser;

use crate::extract::context::*;
use crate::extract::digits::{self, numeral, read_numeral};
use crate::extract::recognise::*;
use crate::extract::support::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::model::{Evidence, Figure, Kind, Written};

impl<'a> Extractor<'a> {
    pub(crate) fn scan(&mut self) {
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
                if ascii_word && word_start && !self.lex.scan_hashes.contains(&h) {
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

    /// Numbers written with digits. Returns where the scan goes on.
    pub(crate) fn at_digit(&mut self, pos: usize) -> usize {
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
            read_numeral(&digits::Numeral { n: 1, ..num }, self.lang)
        } else {
            read_numeral(&num, self.lang)
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

    /// Numbers written in words. Returns where the scan goes on, or `None`
    /// when the word starts no figure.
    pub(crate) fn at_word(&mut self, pos: usize, wend: usize) -> Option<usize> {
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
}

pub(crate) fn is_alnum_before(text: &str, pos: usize) -> bool {
    char_before(text, pos).is_some_and(|c| c.is_alphanumeric())
}

/// The end of a web address starting at `pos` ("https://…", "www.…"):
/// its digits are no figures.
pub(crate) fn url_end(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    if !(rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.")) {
        return None;
    }
    Some(pos + rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len()))
}
