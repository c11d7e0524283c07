//! Fractions written with digits or one sign: "1/3", "10 1/2", "½", "3½";
//! and a fraction of one unit in words: "trois quarts d'heure", "a quarter
//! of a mile".

use rust_decimal::Decimal;

use crate::extract::context::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::lexicon::LangLexicon;
use crate::model::{Figure, Kind};

impl<'a> Extractor<'a> {
    /// "1/3", "10 1/2", "5-7/8" (a mixed number, as rates are written in
    /// finance).
    pub(crate) fn slash_fraction(&mut self, f: &mut Figure) -> Option<usize> {
        let text = self.text;
        let b = text.as_bytes();
        let v = f.value()?;
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
        // Whole number then a fraction: "10 1/2", "5-7/8".
        let joint = char_at(text, f.num_end());
        if f.num_end() - f.num_start() <= 3 && matches!(joint, Some(' ' | '-')) {
            if let Some((n, d, k)) = parse_frac(f.num_end() + 1) {
                if n < d && (joint == Some(' ') || d <= Decimal::from(64)) {
                    f.set_value(Some(v + n / d));
                    f.set_num_end(k);
                    f.set_end(k);
                    f.decimals = 1;
                    let e = self.after_number(*f);
                    return Some(e);
                }
            }
        }
        if b.get(f.num_end()) == Some(&b'/') {
            if let Some((n, d, k)) = parse_frac(f.num_start()) {
                if k > f.num_end() && (d <= Decimal::from(12) || n < d) && d <= Decimal::from(100) {
                    f.set_value(Some((n / d).round_dp(28).normalize()));
                    f.set_num_end(k);
                    f.set_end(k);
                    f.kind = Kind::Fraction;
                    f.decimals = 1;
                    let unit = skip_spaces(text, k);
                    let mut g = *f;
                    if let Some(u) = unit_at(self.lex, text, unit) {
                        g.unit = Some(u.unit as u16);
                        g.kind = self.lex.units[u.unit].kind;
                        g.set_end(u.end);
                    }
                    self.finish_figure(g, self.primary, false);
                    return Some(g.end());
                }
            }
        }
        None
    }

    /// "trois quarts d'heure", "a quarter of a mile", "half of an hour":
    /// a fraction of one unit is so much of the unit.
    pub(crate) fn fraction_of_unit(&mut self, lex: &LangLexicon, f: &mut Figure) -> Option<usize> {
        let text = self.text;
        let p = skip_spaces(text, f.end());
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
        f.set_end(u.end);
        f.set_seconds(self.seconds_of(f));
        self.finish_figure(*f, lex, false);
        Some(u.end)
    }
}

/// The value of a vulgar fraction character ("½", "¾", "⅙").
pub(crate) fn vulgar_fraction(c: char) -> Option<Decimal> {
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

impl<'a> Extractor<'a> {
    /// "3½": a vulgar fraction glued to the whole digits ending at `end`.
    pub(crate) fn glued_vulgar_fraction(&self, f: &mut Figure, end: usize) {
        let next = char_at(self.text, end);
        if let Some(v) = next.and_then(vulgar_fraction) {
            if f.decimals == 0 {
                f.set_value(f.value().map(|x| x + v));
                f.set_num_end(f.num_end() + next.map_or(0, |c| c.len_utf8()));
                f.set_end(f.num_end());
                f.decimals = 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn fractions_of_digits_and_signs() {
        let fr = Lang::new("fr");
        assert_eq!(
            val("1/3 des votes", fr, "1/3"),
            d("0.3333333333333333333333333333")
        );
        assert_eq!(
            val("10 1/2 miles", Lang::new("en"), "10 1/2 miles"),
            d("10.5")
        );
        assert_eq!(val("il a 3½ ans", fr, "3½"), d("3.5"));
        assert_eq!(find("½ des votes", fr, "½").2, Kind::Fraction);
    }

    #[test]
    fn a_fraction_of_one_unit() {
        let (v, _, k) = find(
            "trois quarts d'heure",
            Lang::new("fr"),
            "trois quarts d'heure",
        );
        assert_eq!((v, k), (Some(d("0.75")), Kind::Duration));
    }
}
