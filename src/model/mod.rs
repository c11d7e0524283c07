//! The model every stage shares: what a figure is ([`Figure`], its [`Kind`],
//! how it was [`Written`], its [`DateParts`] and separator [`Evidence`]) and
//! the [`Lang`] of a document, and the calendar ([`Ymd`]). It sits below
//! every stage and depends on none.

mod calendar;
mod figure;
mod lang;

pub use calendar::{days_in_month, is_leap, Ymd};
pub use figure::{DateParts, Evidence, Figure, Kind, Written};
pub use lang::{Code, Lang};
