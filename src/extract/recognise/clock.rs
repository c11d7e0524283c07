//! Clock times: "14h30", "14 h 30", "14:30", "à 9h" (times of day) and
//! "1h30" (a duration of an hour and a half).

use rust_decimal::Decimal;

use crate::extract::before::before;
use crate::extract::context::*;
use crate::extract::Extractor;
use crate::model::{Figure, Kind};

impl<'a> Extractor<'a> {
    /// "14h30", "14 h 30", "14:30" (times of day) and "1h30" (a duration).
    pub(crate) fn clock(&mut self, f: &mut Figure) -> Option<usize> {
        let text = self.text;
        let hours = f
            .value()
            .filter(|_| f.decimals == 0 && f.num_end() - f.num_start() <= 2)?;
        let mut p = f.num_end();
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
            // The leads of the document's language and of every fallback
            // language: French and English ones in any French, English or
            // unknown document.
            let t = before(text, f.num_start(), 16);
            self.shared_lexes()
                .flat_map(|l| l.clock_leads.iter())
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
        f.set_end(end);
        f.set_num_end(end);
        // "en 12 h 30", "pendant 10h15": a length of time after a lead of
        // durations.
        let lasting = !colon && {
            let t = before(text, f.num_start(), 16);
            self.lexes()
                .flat_map(|l| l.duration_leads.iter())
                .any(|w| t.ends_with_phrase(w).is_some())
        };
        if colon || at_time || hours >= Decimal::TEN && !lasting {
            f.kind = Kind::Time;
            f.set_value(None);
        } else {
            // "1h30": a duration of 1.5 hours.
            f.kind = Kind::Duration;
            let m = Decimal::from(minutes.unwrap_or(0));
            f.set_value(Some(hours + m / Decimal::from(60)));
            f.unit = self
                .lex
                .units
                .iter()
                .position(|u| u.id == "hour")
                .map(|i| i as u16);
            f.set_seconds(Some(hours * Decimal::from(3600) + m * Decimal::from(60)));
        }
        self.push(*f);
        Some(end)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn times_of_day_and_durations() {
        let fr = Lang::new("fr");
        assert_eq!(find("rendez-vous à 14h30", fr, "14h30").2, Kind::Time);
        assert_eq!(find("rendez-vous à 14 h 30", fr, "14 h 30").2, Kind::Time);
        assert_eq!(
            find("the meeting at 14:30", Lang::new("en"), "14:30").2,
            Kind::Time
        );
        assert_eq!(find("ouvert à 9h", fr, "9h").2, Kind::Time);
        let (v, _, k) = find("il a fallu 1h30 de route", fr, "1h30");
        assert_eq!((v, k), (Some(d("1.5")), Kind::Duration));
    }

    #[test]
    fn hours_and_minutes_of_a_duration_carry_seconds() {
        let fr = Lang::new("fr");
        for (t, lit, secs) in [
            ("Il a fini en 1 h 30 environ.", "1 h 30", "5400"),
            ("pendant 2 h 15 ce soir", "2 h 15", "8100"),
            (
                "Il a roulé pendant 12 h 30 sans dormir.",
                "12 h 30",
                "45000",
            ),
        ] {
            let f = figure(t, fr, lit);
            assert_eq!(
                (f.kind, f.seconds()),
                (Kind::Duration, Some(d(secs))),
                "{t}"
            );
        }
        assert_eq!(find("Rendez-vous à 12 h 30.", fr, "12 h 30").2, Kind::Time);
        assert_eq!(find("Le 12 h 30 du journal.", fr, "12 h 30").2, Kind::Time);
    }

    #[test]
    fn leads_of_times_of_day_are_each_languages_data() {
        let (fr, en, es) = (Lang::new("fr"), Lang::new("en"), Lang::new("es"));
        // The Spanish leads read a Spanish time of day; an hour alone
        // stays a duration.
        assert_eq!(find("la reunión a las 9h", es, "9h").2, Kind::Time);
        assert_eq!(find("tardó 9h", es, "9h").2, Kind::Duration);
        // French and English leads are read in French, English and
        // unknown documents alike.
        for lang in [fr, en, Lang::Unknown] {
            assert_eq!(find("ouvert dès 9h", lang, "9h").2, Kind::Time);
            assert_eq!(find("open until 9h", lang, "9h").2, Kind::Time);
        }
        let es_lex = config().lexicon.get("es").unwrap();
        assert!(es_lex.clock_leads.contains(&"a las".to_string()));
    }
}
