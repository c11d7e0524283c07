//! Helpers the checks share. A helper used by more than one check lives
//! here, never in a sibling check.

pub(crate) mod dates;
pub(crate) mod interval;
pub(crate) mod layout;
pub(crate) mod names;
pub(crate) mod params;
pub(crate) mod signed;
pub(crate) mod sources;
pub(crate) mod story;
pub(crate) mod suppression;
pub(crate) mod text;
pub(crate) mod weekday;
