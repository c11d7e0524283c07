//! Dates: digit dates ("2024-07-23", "23/07/2024", "23.07.2024"), a day
//! then a month ("8 décembre", "30 septembre 2015", "1er janvier") and a
//! month then a number ("juin 2014", "July 23, 2024", "May 4th").

use rust_decimal::Decimal;

use crate::extract::context::*;
use crate::extract::digits::numeral;
use crate::extract::Extractor;
use crate::model::{DateParts, Evidence, Figure, Kind};

impl<'a> Extractor<'a> {
    /// "2024-07-23", "23/07/2024", "23.07.2024".
    pub(crate) fn digit_date(&mut self, f: &mut Figure) -> Option<usize> {
        let text = self.text;
        let s = &text[f.num_start()..];
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
            let (dd, mm) = if self.conv.month_first_dates && mm > 12 {
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
        f.set_end(f.num_start() + len);
        f.set_num_end(f.end());
        f.kind = Kind::Date;
        f.set_value(None);
        f.evidence = Evidence::None;
        f.date = Some(DateParts::new(Some(y), Some(m), Some(d), None));
        self.push(*f);
        Some(f.end())
    }

    /// "8 décembre", "30 septembre 2015", with the weekday before if named.
    pub(crate) fn date_from_day(&mut self, mut f: Figure, month: u32, month_end: usize) -> usize {
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
        let day = f.value().and_then(|v| u32::try_from(v).ok());
        let mut weekday = None;
        let t = tail(text, f.num_start(), 24);
        let w = t.norm.trim_end_matches(' ');
        let last_word = w.rsplit(' ').next().unwrap_or("");
        if let Some(&wd) = self.primary.weekdays.get(last_word) {
            weekday = Some(wd);
        }
        f.kind = Kind::Date;
        f.set_end(end);
        f.set_value(None);
        f.date = Some(DateParts::new(year, Some(month), day, weekday));
        self.push(f);
        end
    }

    /// The month named by the word at `pos` in the document's language,
    /// and its end.
    pub(crate) fn month_word_at(&mut self, pos: usize) -> Option<(u32, usize)> {
        let (s, e, w) = self.word.at(self.text, pos)?;
        month_of(self.primary, self.text, (s, e), w)
    }

    /// "juin 2014", "July 23, 2024": the month is before the number.
    pub(crate) fn date_after_month(&mut self, f: &mut Figure) -> Option<usize> {
        let text = self.text;
        let b = skip_spaces_back(text, f.num_start());
        let (ws, we) = word_before(text, b)?;
        // Folded apart: the word kept folded is the one after the number.
        crate::lexicon::fold_into(&text[ws..we], &mut self.buf);
        let (m, _) = month_of(self.primary, text, (ws, we), &self.buf)?;
        if we != b {
            return None;
        }
        let v = f.value()?;
        let n = f.num_end() - f.num_start();
        let mut d = *f;
        d.set_start(ws);
        d.kind = Kind::Date;
        if n == 4 && v >= Decimal::from(1000) && v <= Decimal::from(2100) {
            d.date = Some(
                DateParts::default()
                    .with_year(i32::try_from(v).ok())
                    .with_month(Some(m)),
            );
            self.push(d);
            return Some(d.end());
        }
        if n <= 2 && v >= Decimal::ONE && v <= Decimal::from(31) && !self.conv.day_before_month {
            // "July 23, 2024", "May 4th".
            let mut end = d.end();
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
            d.set_end(end);
            d.set_value(None);
            d.date = Some(DateParts::new(year, Some(m), u32::try_from(v).ok(), None));
            self.push(d);
            return Some(end);
        }
        None
    }
}

impl<'a> Extractor<'a> {
    /// "the 1990s", "the 90s": a decade, not seconds.
    pub(crate) fn decade(&mut self, f: &mut Figure, unit: Option<UnitMatch>) -> Option<usize> {
        let text = self.text;
        let (u, v) = (unit?, f.value()?);
        let n = f.num_end() - f.num_start();
        if !(u.form_is_symbol
            && &text[u.start..u.end] == "s"
            && u.start == f.num_end()
            && (n == 4 || n == 2)
            && f.decimals == 0
            && (v % Decimal::TEN).is_zero())
        {
            return None;
        }
        f.set_end(u.end);
        f.kind = Kind::Date;
        f.date = (n == 4).then(|| DateParts::default().with_year(i32::try_from(v).ok()));
        self.push(*f);
        Some(f.end())
    }

    /// "8 décembre", "30 septembre 2015" (the month after the count, read
    /// from `p`), "juin 2014" (the month before): a plain count is a date.
    pub(crate) fn date_of_count(
        &mut self,
        f: &mut Figure,
        p: usize,
        scaled: bool,
    ) -> Option<usize> {
        if f.kind != Kind::Count || scaled || f.decimals != 0 {
            return None;
        }
        let text = self.text;
        let after = skip_spaces(text, p);
        if let Some((m, me)) = self.month_word_at(after) {
            if f.value()
                .is_some_and(|v| v >= Decimal::ONE && v <= Decimal::from(31))
            {
                return Some(self.date_from_day(*f, m, me));
            }
        }
        self.date_after_month(f)
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::support::*;

    #[test]
    fn digit_dates() {
        let f = figure("on 2024-07-23", Lang::new("en"), "2024-07-23");
        let p = f.date.unwrap();
        assert_eq!(
            (p.year(), p.month(), p.day()),
            (Some(2024), Some(7), Some(23))
        );
        let f = figure("le 23/07/2024", Lang::new("fr"), "23/07/2024");
        let p = f.date.unwrap();
        assert_eq!(
            (p.year(), p.month(), p.day()),
            (Some(2024), Some(7), Some(23))
        );
    }

    #[test]
    fn a_day_and_a_month() {
        let f = figure("le 30 septembre 2015", Lang::new("fr"), "30 septembre 2015");
        let p = f.date.unwrap();
        assert_eq!(
            (p.year(), p.month(), p.day()),
            (Some(2015), Some(9), Some(30))
        );
        let f = figure("le 1er janvier", Lang::new("fr"), "1er janvier");
        assert_eq!(f.date.unwrap().day(), Some(1));
        let f = figure("on July 23, 2024", Lang::new("en"), "July 23, 2024");
        assert_eq!(f.date.unwrap().month(), Some(7));
        assert_eq!(find("on May 4th", Lang::new("en"), "May 4th").2, Kind::Date);
        let f = figure("en juin 2014", Lang::new("fr"), "juin 2014");
        assert_eq!(f.date.unwrap().year(), Some(2014));
    }

    #[test]
    fn decades() {
        let f = figure("in the 1990s", Lang::new("en"), "1990s");
        assert_eq!((f.kind, f.date.unwrap().year()), (Kind::Date, Some(1990)));
    }
}
