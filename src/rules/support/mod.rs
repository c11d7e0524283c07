//! What several rules share.

pub mod params;
pub mod sources;
pub mod story;
pub mod suppression;
