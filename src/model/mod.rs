//! The model every stage shares: what a figure is ([`Figure`], its [`Kind`],
//! how it was `Written`, its `DateParts` and separator `Evidence`) and
//! the [`Lang`] of a document, and the calendar (`Ymd`). It sits below
//! every stage and depends on none.

mod calendar;
mod figure;
mod lang;

pub(crate) use calendar::{days_in_month, Ymd, JULIAN_END_YEAR};
pub(crate) use figure::{DateParts, Evidence, Written};
pub use figure::{Figure, Kind};
pub use lang::{Code, Lang};
