//! What may follow a unit: a scale ("75 USD million"), cents ("15 dollars
//! 50"), a half ("an hour and a half", "deux heures et demie"), smaller units
//! of the same dimension ("5 feet and 2 inches", "1 year 1 month 21 days",
//! "12 ft 2 in").

use rust_decimal::Decimal;

use crate::extract::before::before;
use crate::extract::context::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::model::{Figure, Kind};

impl<'a> Extractor<'a> {
    /// What may follow a unit: a scale ("75 USD million"), cents ("15
    /// dollars 50"), a half ("an hour and a half"), smaller units of the
    /// same dimension ("5 feet and 2 inches", "1 year 1 month 21 days").
    /// Returns the new end.
    pub(crate) fn after_unit(&mut self, f: &mut Figure, mut p: usize) -> usize {
        let text = self.text;
        let Some(ui) = f.unit.map(usize::from) else {
            return p;
        };
        let def = &self.lex.units[ui];
        let q = skip_spaces(text, p);
        if def.kind == Kind::Money && q > p && f.scale == Decimal::ONE {
            let lexes = self.lexes();
            let word = self.word.at(text, q);
            for lex in lexes {
                let scale = word.and_then(|(_, e, w)| scale_of(lex, text, e, w));
                if let Some((m, se)) = scale {
                    if let Some(v) = f.value().and_then(|v| v.checked_mul(m)) {
                        f.set_value(Some(v));
                        f.scale = m;
                        f.set_end(se);
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
                    if let Some(v) = f.value() {
                        f.set_value(Some(v + frac));
                        f.set_end(p + len);
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
        let mut total = f.value().and_then(|v| v.checked_mul(base));
        let mut parts = 1;
        // Only the last part of a compound may have a fraction: "1.5 weeks,
        // 90 seconds" is a list.
        let mut whole = f.value().is_some_and(|v| v.fract().is_zero());
        while whole {
            // A comma makes a list: "10 days, 5 minutes".
            let mut q = skip_spaces(text, p);
            let mut linked = false;
            if let Some((s, e)) = word_at(text, q) {
                if self.lexes().any(|l| {
                    words::lookup(l, &text[s..e], &mut String::new()).is_some_and(|i| i.connector)
                }) {
                    q = skip_spaces(text, e);
                    linked = true;
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
                .or_else(|| {
                    (!linked)
                        .then(|| self.implied_sixtieth(f, &dim, factor, q, ne, v))
                        .flatten()
                })
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
            f.set_end(unit_end);
        }
        if parts > 1 {
            if dim == "time" {
                // "1 year 1 month 21 days": a length in seconds, no single
                // value.
                f.set_value(None);
                f.set_seconds(total);
                f.kind = Kind::Duration;
            } else {
                f.set_value(total.map(|t| (t / base).normalize()));
            }
        }
        p
    }

    /// "2 mn 35", "1 h 05": two digits under 60 after minutes or hours,
    /// with no unit and no noun after them, count the unit sixty times
    /// smaller (seconds, minutes). Returns that unit and the end of the
    /// digits.
    fn implied_sixtieth(
        &self,
        f: &Figure,
        dim: &str,
        factor: Decimal,
        start: usize,
        end: usize,
        v: Decimal,
    ) -> Option<(usize, usize)> {
        let text = self.text;
        let digits = &text[start..end];
        if dim != "time"
            || digits.len() != 2
            || !digits.bytes().all(|c| c.is_ascii_digit())
            || v >= Decimal::from(60)
        {
            return None;
        }
        // "40-hour and 48-hour": the digits are glued to what follows.
        if char_at(text, end).is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/')) {
            return None;
        }
        // "pendant 3 h 12 personnes": a word after the digits is the noun
        // they count, unless it is a function word.
        let after = skip_spaces(text, end);
        if let Some((s, e)) = word_at(text, after) {
            let w = crate::lexicon::fold(&text[s..e]);
            if !self.lexes().any(|l| l.noun_stop.contains(&w)) {
                return None;
            }
        }
        // "vers 19 heures 45", "à 18 heures 05": hours after a lead of
        // times of day are a time, not a length.
        if factor >= Decimal::from(3600) {
            let t = before(text, f.start(), 16);
            if self
                .shared_lexes()
                .flat_map(|l| l.clock_leads.iter())
                .any(|w| t.ends_with_phrase(w).is_some())
            {
                return None;
            }
        }
        let small = factor.checked_div(Decimal::from(60))?;
        let unit = self
            .lex
            .units
            .iter()
            .position(|u| u.dimension.as_deref() == Some(dim) && u.factor == Some(small))?;
        Some((unit, end))
    }

    /// A unit named by a form that stands only after a larger unit of the
    /// same dimension: "in" in "12 ft 2 in".
    pub(crate) fn compound_unit(&mut self, pos: usize, dim: &str) -> Option<(usize, usize)> {
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
}

/// Whether a smaller unit of factor `small` may continue a measure in a
/// unit of factor `large`: lengths of time ("1 year 1 month 21 days"), and
/// lengths and weights in units that are no power of ten of each other
/// ("5 feet 2 inches", "2 lb 3 oz"). Metric units ("1 Gbit/s et 300
/// Mbit/s", "3 km et 500 m") and volumes ("3 pintes et 2 tasses") are
/// lists.
pub(crate) fn compound_pair(dim: &str, large: Decimal, small: Decimal) -> bool {
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

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn compound_measures_and_lists_of_durations() {
        let en = Lang::new("en");
        let fr = Lang::new("fr");
        // Feet and inches, "in" only after feet.
        let (v, _, k) = find(
            "The length is 12 ft 2 in more or less",
            en,
            "12 ft 2 in more or less",
        );
        assert_eq!(k, Kind::Measure);
        assert_eq!(v.unwrap().round_dp(6), d("12.166667"));
        assert_eq!(
            find("It is 12 ft in the morning.", en, "12 ft").0,
            Some(d("12"))
        );
        // Only the last part of a compound has a fraction: a list otherwise.
        let f = figs("in 1.5 weeks, 90 seconds", en);
        assert_eq!(
            f.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
            ["1.5 weeks", "90 seconds"]
        );
        // Fractions of a unit and of a dozen.
        for (t, lang, lit, secs) in [
            (
                "trois quarts d'heure plus tard",
                fr,
                "trois quarts d'heure",
                "2700",
            ),
            ("un quart d'heure", fr, "un quart d'heure", "900"),
            (
                "three quarters of an hour",
                en,
                "three quarters of an hour",
                "2700",
            ),
        ] {
            let fig = figure(t, lang, lit);
            assert_eq!(
                (fig.kind, fig.seconds()),
                (Kind::Duration, Some(d(secs))),
                "{t}"
            );
        }
        assert_eq!(
            find("a quarter of a mile", en, "a quarter of a mile").2,
            Kind::Measure
        );
        assert_eq!(
            val("une demi-douzaine d'œufs", fr, "une demi-douzaine"),
            d("6")
        );
        assert_eq!(
            val("un demi-million de personnes", fr, "un demi-million"),
            d("500000")
        );
        // A fraction of people stays a fraction.
        assert_eq!(
            find("les trois quarts des électeurs", fr, "trois quarts").2,
            Kind::Fraction
        );
    }

    #[test]
    fn minutes_and_seconds_without_the_second_unit() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        for (t, lang, lit, secs) in [
            ("Il a couru en 2 mn 35 ce jour-là.", fr, "2 mn 35", "155"),
            ("Il a couru en 2 min 35 s.", fr, "2 min 35 s", "155"),
            ("un record de 3 min 12.", fr, "3 min 12", "192"),
            ("He ran it in 3 min 12.", en, "3 min 12", "192"),
            (
                "Le film dure 2 heures 15 et plus.",
                fr,
                "2 heures 15",
                "8100",
            ),
        ] {
            let f = figure(t, lang, lit);
            assert_eq!(
                (f.kind, f.seconds()),
                (Kind::Duration, Some(d(secs))),
                "{t}"
            );
        }
        // Digits that count a noun, or over 59, are no part of the duration.
        for (t, lang, lit) in [
            ("pendant 3 heures 12 personnes ont attendu", fr, "3 heures"),
            ("after 3 min 75 people left", en, "3 min"),
            ("40-hour and 48-hour weeks", en, "40-hour"),
            ("en 3 min 125 coureurs", fr, "3 min"),
        ] {
            assert_eq!(find(t, lang, lit).2, Kind::Duration, "{t}");
        }
    }

    #[test]
    fn hours_of_a_time_of_day_take_no_minutes() {
        let t = "arrêté vers 19 heures 45 sur le pont";
        let f = all(t, Lang::new("fr"));
        assert!(f.iter().all(|x| x.0 != "19 heures 45"), "{f:?}");
    }

    #[test]
    fn lists_of_metric_units_are_no_compounds() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        let lits = |t, lang| all(t, lang).into_iter().map(|x| x.0).collect::<Vec<_>>();
        assert_eq!(lits("3 km et 500 m", fr), ["3 km", "500 m"]);
        assert_eq!(
            lits("1 Gbit/s et 300 Mbit/s", fr),
            ["1 Gbit/s", "300 Mbit/s"]
        );
        assert_eq!(lits("3 pintes et 2 tasses", fr), ["3 pintes", "2 tasses"]);
        assert_eq!(val("2 lb 3 oz", en, "2 lb 3 oz"), d("2.1875"));
        assert_eq!(
            val("5 pieds et 2 pouces", fr, "5 pieds et 2 pouces").round_dp(4),
            d("5.1667")
        );
    }
}
