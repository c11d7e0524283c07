//! Units after a number: what an article before a unit counts ("une
//! semaine", "un penny"), the length in seconds of a duration, and angles
//! ("Rotate 90°", "un angle de 45 degrés").

use rust_decimal::Decimal;

use crate::extract::context::*;
use crate::extract::Extractor;
use crate::model::{Figure, Kind};

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
        f.value?.checked_mul(u.factor?)
    }

    /// "Rotate 90°", "un angle de 45 degrés": degrees of an angle.
    pub(crate) fn angle(&mut self, f: &mut Figure) {
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
}
