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
mod passes;
mod recognise;
mod scan;
mod support;
pub mod words;

use rust_decimal::Decimal;

use crate::lexicon::{LangLexicon, Lexicon};
use crate::model::Lang;
pub use crate::model::{DateParts, Figure, Kind, Written};
use context::*;
use recognise::*;

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

impl<'a> Extractor<'a> {
    pub(crate) fn push(&mut self, f: Figure) {
        self.out.push(f);
    }

    /// Where the last figure found ends.
    pub(crate) fn last_end(&self) -> usize {
        self.out.last().map_or(0, |f| f.end)
    }

    /// Everything after a number: fractions, ordinal suffixes, times,
    /// dates, scale words, units and the counted noun.
    pub(crate) fn after_number(&mut self, mut f: Figure) -> usize {
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
    pub(crate) fn lexes(&self) -> impl Iterator<Item = &'a LangLexicon> {
        [Some(self.primary), self.secondary].into_iter().flatten()
    }

    /// English puts the counted noun last in its phrase.
    pub(crate) fn head_last(&self) -> bool {
        self.lang == Lang::En
    }

    /// Qualifier before the figure, sign, then the interval; pushes it.
    pub(crate) fn finish_figure(&mut self, mut f: Figure, lex: &LangLexicon, collective: bool) {
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
}

#[cfg(test)]
mod tests;
