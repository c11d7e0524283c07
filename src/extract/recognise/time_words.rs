//! One of a unit of time or a vague duration in words: "all week",
//! "toute la semaine", "another hour", "quelques heures", "several days".

use rust_decimal::Decimal;

use crate::extract::context::*;
use crate::extract::Extractor;
use crate::lexicon::LangLexicon;
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    /// "all week", "toute la semaine", "another hour" (one of a unit of
    /// time) and "quelques heures", "several days" (a vague duration).
    pub(crate) fn time_words(
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
            f.set_low(Some(Decimal::TWO));
        } else {
            f.set_value(Some(Decimal::ONE));
            f.set_seconds(self.seconds_of(&f));
        }
        self.finish_figure(f, lex, false);
        Some(u.end)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn one_unit_of_time_and_vague_durations() {
        let f = figure("toute la semaine", Lang::new("fr"), "toute la semaine");
        assert_eq!((f.kind, f.value()), (Kind::Duration, Some(d("1"))));
        let f = figure(
            "pendant quelques heures",
            Lang::new("fr"),
            "quelques heures",
        );
        assert_eq!((f.kind, f.low()), (Kind::Duration, Some(d("2"))));
    }
}
