//! A figure as extraction finds it: span, value, interval, kind.

use rust_decimal::Decimal;
use serde::Serialize;

/// What a numeral tells about the document's separator convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Evidence {
    /// Nothing: a plain integer or space grouping.
    #[default]
    None,
    /// `3.5`, `0.25`: the point marks decimals.
    DotDecimal,
    /// `2,5`, `1 234,5`: the comma marks decimals.
    CommaDecimal,
    /// `2.000.000`, `1.234,5`: the point groups thousands.
    DotGroup,
    /// `2,000,000`, `1,234.5`: the comma groups thousands.
    CommaGroup,
    /// `2.500`: one point before three digits, read by language.
    AmbiguousDot,
    /// `2,500`: one comma before three digits, read by language.
    AmbiguousComma,
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// How many of something (or a bare number).
    Count,
    Percent,
    Money,
    Measure,
    Temperature,
    Age,
    Duration,
    /// A calendar date or a year.
    Date,
    /// A time of day.
    Time,
    Ordinal,
    /// An interval written as such ("entre 10 et 20").
    Range,
    /// A proportion ("la moitié", "1/3").
    Fraction,
    /// Part of a name or code ("F-16", "COVID-19"), not a quantity.
    Identifier,
    Phone,
}

impl Kind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Measure => "measure",
            Kind::Temperature => "temperature",
            Kind::Age => "age",
            Kind::Duration => "duration",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Ordinal => "ordinal",
            Kind::Range => "range",
            Kind::Fraction => "fraction",
            Kind::Identifier => "identifier",
            Kind::Phone => "phone",
        }
    }

    /// True for figures that state a quantity (the ones rules compare).
    pub(crate) fn is_quantity(self) -> bool {
        matches!(
            self,
            Kind::Count
                | Kind::Percent
                | Kind::Money
                | Kind::Measure
                | Kind::Temperature
                | Kind::Duration
                | Kind::Range
                | Kind::Fraction
                | Kind::Age
        )
    }
}

/// How the number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Written {
    Digits,
    Words,
    /// Digits with a scale word ("2,5 millions").
    Mixed,
}

/// The parts of a date, as far as the text gives them, packed in 12 bytes,
/// and `Option<DateParts>` too (every figure holds one): a part the text
/// does not give is a value no text writes (`i32::MIN` for the year,
/// `u32::MAX` for the day, 0 for the month and the weekday, whose numbers
/// are 1 to 12 and 1 to 7).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateParts {
    year: i32,
    day: u32,
    month: u8,
    weekday: u8,
    /// A byte of one value, whose other values mark `None` in an
    /// `Option<DateParts>`.
    niche: Niche,
}

/// A byte that is always 1.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Niche {
    One = 1,
}

impl Default for DateParts {
    fn default() -> Self {
        DateParts {
            year: NO_YEAR,
            day: NO_DAY,
            month: 0,
            weekday: 0,
            niche: Niche::One,
        }
    }
}

/// Written as the parts it holds.
impl std::fmt::Debug for DateParts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DateParts")
            .field("year", &self.year)
            .field("day", &self.day)
            .field("month", &self.month)
            .field("weekday", &self.weekday)
            .finish()
    }
}

const NO_YEAR: i32 = i32::MIN;
const NO_DAY: u32 = u32::MAX;

impl DateParts {
    pub(crate) fn new(
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
        weekday: Option<u32>,
    ) -> Self {
        DateParts::default()
            .with_year(year)
            .with_month(month)
            .with_day(day)
            .with_weekday(weekday)
    }

    pub(crate) fn year(&self) -> Option<i32> {
        (self.year != NO_YEAR).then_some(self.year)
    }

    pub(crate) fn month(&self) -> Option<u32> {
        (self.month != 0).then_some(u32::from(self.month))
    }

    pub(crate) fn day(&self) -> Option<u32> {
        (self.day != NO_DAY).then_some(self.day)
    }

    /// 1 = Monday … 7 = Sunday, when the text names the weekday.
    pub(crate) fn weekday(&self) -> Option<u32> {
        (self.weekday != 0).then_some(u32::from(self.weekday))
    }

    pub(crate) fn with_year(self, year: Option<i32>) -> Self {
        DateParts {
            year: year.unwrap_or(NO_YEAR),
            ..self
        }
    }

    /// A month outside 1 to 255 reads as none.
    pub(crate) fn with_month(self, month: Option<u32>) -> Self {
        DateParts {
            month: month.and_then(|m| u8::try_from(m).ok()).unwrap_or(0),
            ..self
        }
    }

    pub(crate) fn with_day(self, day: Option<u32>) -> Self {
        DateParts {
            day: day.unwrap_or(NO_DAY),
            ..self
        }
    }

    /// A weekday outside 1 to 255 reads as none.
    pub(crate) fn with_weekday(self, weekday: Option<u32>) -> Self {
        DateParts {
            weekday: weekday.and_then(|w| u8::try_from(w).ok()).unwrap_or(0),
            ..self
        }
    }
}

/// One figure found in a text. Offsets are UTF-8 byte offsets into the
/// document text, end exclusive, read by [`Figure::start`] and the methods
/// beside it.
///
/// Every claim holds one, and a document of figures holds two copies of
/// each while its claims are read: the offsets are kept as `u32`
/// (documents are read whole, well below 4 GiB) and the optional decimals
/// but the value, which every pass reads, in 16 bytes each
/// (`Option<Decimal>` takes 20).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    /// The whole figure: qualifier, number, scale and unit.
    start: u32,
    end: u32,
    /// The number itself.
    num_start: u32,
    num_end: u32,
    /// The value; `None` for ranges, plural collectives, dates, phone
    /// numbers and relative ordinals. An identifier keeps the number its
    /// code carries ("F-16": 16); it is never a quantity.
    value: Option<Decimal>,
    /// The interval the figure states. Both `None` for an exact figure
    /// (the interval is `[value, value]`); one side `None` for an open bound.
    low: OptDecimal,
    high: OptDecimal,
    pub kind: Kind,
    /// Index into `Lexicon::units`.
    pub unit: Option<u16>,
    /// Index into [`Lexicon::qualifiers`].
    pub(crate) qualifier: Option<u8>,
    pub(crate) written: Written,
    /// The counted noun ("soldats"): its span, read by [`Figure::entity`].
    entity: Span32,
    /// The value depends on a separator convention the document does not
    /// settle (`2.500` in a text that also writes `3.5`).
    pub(crate) ambiguous: bool,
    /// Invalid digit grouping (`12.34.5`, `1,50,000`).
    pub(crate) bad_grouping: bool,
    /// Machine-translation debris next to the number ("XNUMX"): its span,
    /// read by [`Figure::debris`].
    debris: Span32,
    pub(crate) evidence: Evidence,
    /// Decimal places written (for the rounding a figure implies).
    pub(crate) decimals: u8,
    /// The multiplier of a scale word ("millions"), 1 otherwise.
    pub(crate) scale: Decimal,
    pub(crate) date: Option<DateParts>,
    /// For durations: the length in seconds (a year is 365 days, a month
    /// 30), also for durations of several parts ("1 year 1 month").
    seconds: OptDecimal,
}

impl Figure {
    pub(crate) fn new(start: usize, end: usize, value: Option<Decimal>, written: Written) -> Self {
        let (start, end) = (offset32(start), offset32(end));
        Figure {
            start,
            end,
            num_start: start,
            num_end: end,
            value,
            low: OptDecimal::NONE,
            high: OptDecimal::NONE,
            kind: Kind::Count,
            unit: None,
            qualifier: None,
            written,
            entity: Span32::NONE,
            ambiguous: false,
            bad_grouping: false,
            debris: Span32::NONE,
            evidence: Evidence::None,
            decimals: 0,
            scale: Decimal::ONE,
            date: None,
            seconds: OptDecimal::NONE,
        }
    }

    /// Where the figure starts: its qualifier, number, scale or unit.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where the figure ends.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Where the number itself starts.
    pub fn num_start(&self) -> usize {
        self.num_start as usize
    }

    /// Where the number itself ends.
    pub fn num_end(&self) -> usize {
        self.num_end as usize
    }

    pub(crate) fn set_start(&mut self, at: usize) {
        self.start = offset32(at);
    }

    pub(crate) fn set_end(&mut self, at: usize) {
        self.end = offset32(at);
    }

    pub(crate) fn set_num_start(&mut self, at: usize) {
        self.num_start = offset32(at);
    }

    pub(crate) fn set_num_end(&mut self, at: usize) {
        self.num_end = offset32(at);
    }

    /// The value; `None` for ranges, plural collectives, dates, phone
    /// numbers and relative ordinals. An identifier keeps the number its
    /// code carries ("F-16": 16); it is never a quantity.
    pub fn value(&self) -> Option<Decimal> {
        self.value
    }

    /// The low end of the interval the figure states, when it states one
    /// (see [`Figure::interval`]); `None` for an exact figure or an open
    /// low side.
    pub fn low(&self) -> Option<Decimal> {
        self.low.get()
    }

    /// The high end of the interval the figure states, as [`Figure::low`].
    pub fn high(&self) -> Option<Decimal> {
        self.high.get()
    }

    /// For durations: the length in seconds (a year is 365 days, a month
    /// 30), also for durations of several parts ("1 year 1 month").
    pub(crate) fn seconds(&self) -> Option<Decimal> {
        self.seconds.get()
    }

    pub(crate) fn set_value(&mut self, v: Option<Decimal>) {
        self.value = v;
    }

    pub(crate) fn set_low(&mut self, v: Option<Decimal>) {
        self.low = OptDecimal::new(v);
    }

    pub(crate) fn set_high(&mut self, v: Option<Decimal>) {
        self.high = OptDecimal::new(v);
    }

    pub(crate) fn set_seconds(&mut self, v: Option<Decimal>) {
        self.seconds = OptDecimal::new(v);
    }

    /// The interval as `[low, high]` with the value filling exact sides;
    /// `None` marks an open side.
    pub(crate) fn interval(&self) -> (Option<Decimal>, Option<Decimal>) {
        if self.low.is_none() && self.high.is_none() {
            (self.value(), self.value())
        } else {
            (self.low(), self.high())
        }
    }

    /// The span of the counted noun ("soldats").
    pub fn entity(&self) -> Option<(usize, usize)> {
        self.entity.get()
    }

    /// The end of the figure's phrase: its counted noun's when it has one
    /// after it ("28.530 morts"), else the figure's.
    pub(crate) fn phrase_end(&self) -> usize {
        self.entity().map_or(self.end(), |(_, e)| e.max(self.end()))
    }

    pub(crate) fn set_entity(&mut self, span: Option<(usize, usize)>) {
        self.entity = Span32::new(span);
    }

    /// The span of machine-translation debris next to the number ("XNUMX").
    pub(crate) fn debris(&self) -> Option<(usize, usize)> {
        self.debris.get()
    }

    pub(crate) fn set_debris(&mut self, span: Option<(usize, usize)>) {
        self.debris = Span32::new(span);
    }

    /// The literal text of the figure in `text`.
    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start()..self.end()]
    }
}

/// A byte offset as kept in a figure: documents are read whole, well below
/// 4 GiB; an offset past `u32::MAX` (never read) is kept as `u32::MAX`.
fn offset32(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// An optional decimal in 16 bytes (`Option<Decimal>` takes 20): the
/// three words of its mantissa, and its scale and sign in a fourth, which
/// is [`OptDecimal::NO_DECIMAL`] for none (a scale is at most 28).
#[derive(Clone, Copy)]
struct OptDecimal {
    lo: u32,
    mid: u32,
    hi: u32,
    /// The scale, and the sign in bit 8.
    scale_sign: u32,
}

impl OptDecimal {
    const NO_DECIMAL: u32 = u32::MAX;
    const NONE: OptDecimal = OptDecimal {
        lo: 0,
        mid: 0,
        hi: 0,
        scale_sign: OptDecimal::NO_DECIMAL,
    };

    fn new(v: Option<Decimal>) -> Self {
        v.map_or(OptDecimal::NONE, |d| {
            let u = d.unpack();
            OptDecimal {
                lo: u.lo,
                mid: u.mid,
                hi: u.hi,
                scale_sign: u.scale | (u32::from(u.negative) << 8),
            }
        })
    }

    #[inline]
    fn get(self) -> Option<Decimal> {
        if self.scale_sign == OptDecimal::NO_DECIMAL {
            return None;
        }
        let negative = self.scale_sign & 0x100 != 0;
        let mut d =
            Decimal::from_parts(self.lo, self.mid, self.hi, negative, self.scale_sign & 0xff);
        // `from_parts` makes a negative zero positive: kept as it was.
        if negative {
            d.set_sign_negative(true);
        }
        Some(d)
    }

    fn is_none(self) -> bool {
        self.scale_sign == OptDecimal::NO_DECIMAL
    }
}

/// Equal as the values they hold (`1.0` and `1.00` are equal).
impl PartialEq for OptDecimal {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for OptDecimal {}

/// Written as the `Option<Decimal>` it stands for.
impl std::fmt::Debug for OptDecimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

/// An optional byte span kept in 8 bytes (documents are read whole, well
/// below 4 GiB): no span is a start of `u32::MAX`, an offset no document
/// reaches.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Span32 {
    start: u32,
    end: u32,
}

impl Span32 {
    const NONE: Span32 = Span32 {
        start: u32::MAX,
        end: 0,
    };

    fn new(span: Option<(usize, usize)>) -> Self {
        span.map_or(Span32::NONE, |(s, e)| Span32 {
            start: s as u32,
            end: e as u32,
        })
    }

    fn get(self) -> Option<(usize, usize)> {
        (self.start != u32::MAX).then_some((self.start as usize, self.end as usize))
    }
}

/// Written as the `Option<(u32, u32)>` it stands for.
impl std::fmt::Debug for Span32 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every claim holds a figure: its size is most of a corpus's memory.
    #[test]
    fn figure_stays_small() {
        let n = std::mem::size_of::<Figure>();
        assert!(n <= 140, "Figure is {n} bytes");
        assert!(std::mem::size_of::<Option<DateParts>>() <= 12);
        assert_eq!(std::mem::size_of::<OptDecimal>(), 16);
    }

    #[test]
    fn optional_decimals_keep_what_they_are_given() {
        let mut f = Figure::new(3, 7, None, Written::Digits);
        assert_eq!(
            (f.value(), f.low(), f.high(), f.seconds()),
            (None, None, None, None)
        );
        let odd = [
            Decimal::ZERO,
            -Decimal::ZERO,
            Decimal::ONE,
            Decimal::new(-12_345, 3),
            Decimal::new(10, 1),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::from_i128_with_scale(1, 28),
        ];
        for d in odd {
            f.set_value(Some(d));
            f.set_low(Some(d));
            f.set_high(None);
            f.set_seconds(Some(d));
            assert_eq!(f.value().map(|v| v.serialize()), Some(d.serialize()));
            assert_eq!((f.low(), f.high(), f.seconds()), (Some(d), None, Some(d)));
        }
        // Equal as values: "1.0" is "1".
        let mut g = f;
        f.set_value(Some(Decimal::new(10, 1)));
        g.set_value(Some(Decimal::ONE));
        assert_eq!(f, g);
        g.set_value(None);
        assert_ne!(f, g);
    }

    #[test]
    fn offsets_past_u32_are_kept_at_its_end() {
        let mut f = Figure::new(0, 1, None, Written::Digits);
        f.set_end(usize::MAX);
        assert_eq!((f.start(), f.end()), (0, u32::MAX as usize));
    }

    #[test]
    fn date_parts_keep_what_they_are_given() {
        let none = DateParts::default();
        assert_eq!(
            (none.year(), none.month(), none.day(), none.weekday()),
            (None, None, None, None)
        );
        let d = DateParts::new(Some(2020), Some(3), Some(0), Some(7));
        assert_eq!(
            (d.year(), d.month(), d.day(), d.weekday()),
            (Some(2020), Some(3), Some(0), Some(7))
        );
        // A day past any month's end is kept as written ("300e janvier").
        let d = d.with_day(Some(70_000)).with_year(None);
        assert_eq!((d.year(), d.day()), (None, Some(70_000)));
        assert_eq!(d.with_weekday(None).weekday(), None);
    }
}
