//! The proper names of every document (see [`each_name`]), read once, in
//! parallel, for the rules that compare documents: the stories
//! ([`super::story`]) and the reprints (FC204). Each name is kept as a
//! hash of its folded spelling, so that no name is copied.

use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use super::story::each_name;
use crate::claims::{Corpus, Meanings};

/// The names of one document.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocNames {
    /// Every name, as [`name_hash`], sorted, without repeats.
    pub(crate) all: Box<[u64]>,
    /// The names that are not too common in news to tell anything
    /// ([`Meanings::is_common_name`]), as [`name_hash`], sorted, without
    /// repeats.
    pub(crate) distinctive: Box<[u64]>,
}

/// The hash a folded name is kept as (the same in every run).
pub(crate) fn name_hash(folded: &str) -> u64 {
    let mut h = DefaultHasher::new();
    folded.hash(&mut h);
    h.finish()
}

impl DocNames {
    /// The names of `text`.
    pub(crate) fn of(text: &str, m: &Meanings) -> DocNames {
        let mut all = Vec::new();
        let mut distinctive = Vec::new();
        each_name(text, |n| {
            let h = name_hash(n);
            all.push(h);
            if !m.is_common_name(n) {
                distinctive.push(h);
            }
        });
        let sorted = |mut v: Vec<u64>| -> Box<[u64]> {
            v.sort_unstable();
            v.dedup();
            v.into_boxed_slice()
        };
        DocNames {
            all: sorted(all),
            distinctive: sorted(distinctive),
        }
    }

    /// The names of every document of the corpus, in document order.
    pub(crate) fn of_corpus(corpus: &Corpus, m: &Meanings) -> Vec<DocNames> {
        corpus
            .docs
            .par_iter()
            .map(|d| DocNames::of(&d.text, m))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sorted_once_and_common_ones_kept_apart() {
        let cfg = crate::testing::config();
        let n = DocNames::of(
            "Le général James Terry est à Koweït avec James. Vu en France.",
            &cfg.meanings,
        );
        let mut want: Vec<u64> = ["james", "terry", "koweit", "france"]
            .iter()
            .map(|w| name_hash(w))
            .collect();
        want.sort_unstable();
        assert_eq!(&*n.all, want.as_slice());
        assert!(!n.distinctive.contains(&name_hash("france")));
        assert!(n.distinctive.contains(&name_hash("terry")));
    }
}
