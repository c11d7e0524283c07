//! Helpers the checks share. A helper used by more than one check lives
//! here, never in a sibling check.

pub mod dates;
pub mod interval;
pub mod text;
