//! The proper names of every document (see [`each_name`]), read once, in
//! parallel, for the rules that compare documents: the stories
//! ([`super::story`]) and the reprints (FC204). Each name is kept as a
//! hash of its folded spelling, so that no name is copied.

use rayon::prelude::*;

use super::story::each_name;
use crate::claims::{Corpus, Meanings};
use crate::lexicon::name_hash;

/// The names of one document.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocNames {
    /// Every name, as [`name_hash`], sorted, without repeats.
    pub(crate) all: Box<[u64]>,
    /// Which of them are distinctive, not too common in news to tell
    /// anything ([`Meanings::is_common_name`]): bit `i % 8` of byte `i / 8`
    /// for `all[i]` (a bit rather than a second list of hashes).
    distinctive: Box<[u8]>,
}

impl DocNames {
    /// The names of `text`.
    pub(crate) fn of(text: &str, m: &Meanings) -> DocNames {
        // Each name's hash, and whether it is distinctive.
        let mut read: Vec<(u64, bool)> = Vec::new();
        each_name(text, |n| {
            let h = name_hash(n);
            read.push((h, !m.is_common_name(h)));
        });
        read.sort_unstable();
        let mut all: Vec<u64> = Vec::with_capacity(read.len());
        let mut distinctive = Vec::new();
        for (h, d) in read {
            if all.last() != Some(&h) {
                all.push(h);
            }
            if d {
                let i = all.len() - 1;
                distinctive.resize(i / 8 + 1, 0u8);
                distinctive[i / 8] |= 1 << (i % 8);
            }
        }
        DocNames {
            all: all.into_boxed_slice(),
            distinctive: distinctive.into_boxed_slice(),
        }
    }

    /// The distinctive names, as [`name_hash`], sorted, without repeats.
    pub(crate) fn distinctive(&self) -> impl Iterator<Item = u64> + '_ {
        self.all
            .iter()
            .enumerate()
            .filter(|&(i, _)| {
                self.distinctive
                    .get(i / 8)
                    .is_some_and(|b| b >> (i % 8) & 1 == 1)
            })
            .map(|(_, &h)| h)
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
        assert!(!n.distinctive().any(|h| h == name_hash("france")));
        assert!(n.distinctive().any(|h| h == name_hash("terry")));
        let mut distinctive: Vec<u64> = ["terry", "koweit"].iter().map(|w| name_hash(w)).collect();
        distinctive.sort_unstable();
        assert_eq!(n.distinctive().collect::<Vec<u64>>(), distinctive);
    }
}
