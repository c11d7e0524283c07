//! Sets of places, and how places lie within one another.

use super::Meanings;

/// A small set of places (up to four), sorted; empty when unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Places {
    ids: [u16; 4],
    n: u8,
}

impl Places {
    pub(crate) fn insert(&mut self, id: u16) {
        let n = self.n as usize;
        if self.ids[..n].contains(&id) || n == 4 {
            return;
        }
        self.ids[n] = id;
        self.n += 1;
        self.ids[..n + 1].sort();
    }

    pub(crate) fn ids(&self) -> &[u16] {
        &self.ids[..self.n as usize]
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The only place, if there is exactly one.
    pub(crate) fn single(&self) -> Option<u16> {
        (self.n == 1).then_some(self.ids[0])
    }
}

impl Meanings {
    /// "iraq+syria".
    pub(crate) fn places_name(&self, p: &Places) -> String {
        p.ids()
            .iter()
            .map(|&i| self.places.name(i))
            .collect::<Vec<_>>()
            .join("+")
    }

    /// True when two place sets share a place, counting places within
    /// others (Baghdad overlaps Iraq).
    pub(crate) fn places_overlap(&self, a: &Places, b: &Places) -> bool {
        a.ids().iter().any(|&x| {
            b.ids()
                .iter()
                .any(|&y| self.place_within(x, y) || self.place_within(y, x))
        })
    }

    /// True when place `a` is `b` or lies within it.
    pub(crate) fn place_within(&self, a: u16, b: u16) -> bool {
        let mut x = Some(a);
        let mut steps = 0;
        while let Some(p) = x {
            if p == b {
                return true;
            }
            x = self.within.get(p as usize).copied().flatten();
            steps += 1;
            if steps > 16 {
                break;
            }
        }
        false
    }
}
