//! Helpers the checks share. A helper used by more than one check lives
//! here, never in a sibling check.

pub mod dates;
pub mod interval;
pub mod params;
pub mod sources;
pub mod story;
pub mod suppression;
pub mod text;
