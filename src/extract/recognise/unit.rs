//! Units after a number: what an article before a unit counts ("une
//! semaine", "un penny"), the length in seconds of a duration, and angles
//! ("Rotate 90°", "un angle de 45 degrés").

use rust_decimal::Decimal;

use crate::extract::context::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    /// Whether an article before the unit `u` counts one of it: a unit of
    /// time ("une semaine"), or a currency named by a word that names
    /// nothing else ("un penny", but not "a pound", also a weight).
    pub(crate) fn one_of_unit(&self, u: &UnitMatch) -> bool {
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

    /// The length in seconds of a duration, from its unit's factor.
    pub(crate) fn seconds_of(&self, f: &Figure) -> Option<Decimal> {
        if f.kind != Kind::Duration && f.kind != Kind::Age {
            return None;
        }
        let u = &self.lex.units[f.unit? as usize];
        if u.dimension.as_deref() != Some("time") {
            return None;
        }
        f.value()?.checked_mul(u.factor?)
    }

    /// "Rotate 90°", "un angle de 45 degrés": degrees of an angle.
    pub(crate) fn angle(&mut self, f: &mut Figure) {
        let Some(ui) = f.unit else { return };
        if self.lex.units[ui as usize].id != "°" {
            return;
        }
        let t = tail(self.text, f.start(), 64);
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
}

impl<'a> Extractor<'a> {
    /// Whether a currency written before the digits of `f` ("$5", "€ 20")
    /// makes it money.
    pub(crate) fn money_prefix(&self, f: &Figure) -> bool {
        f.written != Written::Words
            && prefix_unit_before(self.lex, self.text, f.num_start())
                .is_some_and(|u| self.lex.units[u.unit].kind == Kind::Money)
    }

    /// A unit before the number `f` ("$ 20,000.00 $ 37,305.97": the
    /// currency before the number wins), not one a figure already took.
    pub(crate) fn prefix_unit(&self, f: &Figure) -> Option<UnitMatch> {
        let prev_end = self.last_end();
        prefix_unit_before(self.lex, self.text, f.num_start()).filter(|u| {
            f.start() == f.num_start() && f.written != Written::Words && u.start >= prev_end
        })
    }

    /// The unit after the number `f`, read from `p`: "%", "km", "euros",
    /// "jours"; after a scale word a link may come first ("millions de
    /// dollars"), a hyphen ("a 40-day deadline"), an adjective ("les six
    /// premiers mois") or an article after a fraction ("half an hour").
    pub(crate) fn unit_after(
        &mut self,
        f: &Figure,
        p: usize,
        scaled: bool,
        prefix: Option<UnitMatch>,
    ) -> Option<UnitMatch> {
        let text = self.text;
        let lex = self.primary;
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
        let skip = self.word.at(text, up);
        if let Some((_, e, _)) = skip.filter(|&(_, _, w)| lex.noun_skip.contains(w)) {
            let next = skip_spaces(text, e);
            if unit_at(self.lex, text, next)
                .is_some_and(|u| self.lex.units[u.unit].kind == Kind::Duration)
            {
                up = next;
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
        // No unit starts with a digit that starts no unit form ("1 1 1").
        let at_digit = text.as_bytes().get(up).filter(|b| b.is_ascii_digit());
        if at_digit.is_some_and(|&b| !self.lex.ends.unit_starts.has(b)) {
            return None;
        }
        unit_at(self.lex, text, up).filter(|u| {
            // An amount in words followed by a one-letter symbol ("trois m")
            // is not a measure; a currency written before the number takes
            // no second one.
            let one_letter_after_words = f.written == Written::Words && u.end - u.start <= 1;
            let second_currency =
                prefix.is_some() && self.lex.units[u.unit].kind == Kind::Money && u.form_is_symbol;
            !(one_letter_after_words || second_currency || self.year_before_unit(f, u))
        })
    }

    /// Gives `f` the unit `u` written after it; returns its end.
    pub(crate) fn attach_unit(&self, f: &mut Figure, u: UnitMatch) -> usize {
        let def = &self.lex.units[u.unit];
        f.unit = Some(u.unit as u16);
        f.kind = def.kind;
        f.set_end(u.end);
        if let Some(m) = u.scale {
            f.set_value(f.value().and_then(|v| v.checked_mul(m)));
            f.scale = m;
        }
        u.end
    }

    /// Gives `f` the unit `u` written before it, and the word after it that
    /// repeats it ("$ 5 dollars"); returns where the figure ends.
    pub(crate) fn attach_prefix_unit(
        &self,
        f: &mut Figure,
        u: UnitMatch,
        after: Option<UnitMatch>,
        mut p: usize,
    ) -> usize {
        let def = &self.lex.units[u.unit];
        f.unit = Some(u.unit as u16);
        f.kind = def.kind;
        f.set_start(u.start);
        if let Some(m) = u.scale {
            f.set_value(f.value().and_then(|v| v.checked_mul(m)));
            f.scale = m;
        }
        if let Some(u2) = after {
            if u2.unit == u.unit && !u2.form_is_symbol {
                f.set_end(u2.end);
                p = u2.end;
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn percentages_money_and_measures() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        for (t, lang, lit, kind) in [
            ("5 pour cent des voix", fr, "5 pour cent", Kind::Percent),
            ("5 pourcent des voix", fr, "5 pourcent", Kind::Percent),
            ("5 percent of votes", en, "5 percent", Kind::Percent),
            ("5 per cent of votes", en, "5 per cent", Kind::Percent),
            (
                "2 points de pourcentage",
                fr,
                "2 points de pourcentage",
                Kind::Percent,
            ),
            (
                "2 percentage points",
                en,
                "2 percentage points",
                Kind::Percent,
            ),
            ("USD 5 in cash", en, "USD 5", Kind::Money),
            ("£5 a head", en, "£5", Kind::Money),
            (
                "300 millions de dollars",
                fr,
                "300 millions de dollars",
                Kind::Money,
            ),
            ("12 km²", fr, "12 km²", Kind::Measure),
            ("40 tonnes", fr, "40 tonnes", Kind::Measure),
            ("20 litres", fr, "20 litres", Kind::Measure),
            ("12 miles", en, "12 miles", Kind::Measure),
            ("300 feet", en, "300 feet", Kind::Measure),
            ("35 °C", fr, "35 °C", Kind::Temperature),
        ] {
            assert_eq!(find(t, lang, lit).2, kind, "{t}");
        }
        assert_eq!(
            val("it cost 3 dollars 50 cents", en, "3 dollars 50 cents"),
            d("3.5")
        );
        let f = figs("un crédit de 300 millions de dollars", fr);
        let cfg = config();
        assert_eq!(cfg.lexicon.units[f[0].1.unit.unwrap() as usize].id, "USD");
        // Degrees of an angle are no temperature.
        assert_eq!(find("Rotate 90°", en, "90°").2, Kind::Measure);
    }

    #[test]
    fn one_of_a_unit_after_an_article() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        // A currency word after an article is one of it.
        let (v, _, k) = find("Ses actions ont fermé à un penny.", fr, "un penny");
        assert_eq!((v, k), (Some(d("1")), Kind::Money));
        assert_eq!(find("It costs a dollar.", en, "a dollar").2, Kind::Money);
        // "a pound" may be a weight: no figure.
        assert!(all("a pound of flesh", en).is_empty());
        // "un jour" is some day, but "en un jour" one day.
        assert!(all("Un jour, il reviendra.", fr).is_empty());
        let f = figs("Il a tout construit en un jour.", fr);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].0.as_str(), f[0].1.seconds()),
            ("un jour", Some(d("86400")))
        );
        assert_eq!(
            figs("It was built in one day.", en)[0].1.seconds(),
            Some(d("86400"))
        );
        assert!(all("One day he will come back.", en).is_empty());
    }
}
