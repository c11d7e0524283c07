//! The passes over all the figures of a document, run once the scan is
//! done (`Extractor::finish`): ranges, pairs, conventions.

pub(crate) mod age;
pub(crate) mod convention;
pub(crate) mod label;
pub(crate) mod pair;
pub(crate) mod range;
