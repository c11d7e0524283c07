//! What [`super::lookup`] found for the words of the text being extracted,
//! kept so that a word looked up again (the reader of a spelled number,
//! the look-ahead for a fraction, the collectives and the counted noun
//! each look up the word after a number) costs no folding and no second
//! look-up.
//!
//! A word is known by its address and length in the text, which stays
//! borrowed, and so unchanged, while an extractor holds it: the text is
//! registered by [`Registration::new`] when the extractor is made, and the
//! words kept are forgotten when it is dropped. A word outside the
//! registered text (a string built by a recogniser) is looked up as
//! before, and never kept.

use std::cell::RefCell;

use crate::lexicon::LangLexicon;

/// What a look-up found, as far as it can be answered again without one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// No word of the lexicon has the word's folded hash.
    NoHash,
    /// The word is a word of the lexicon, plain ASCII folding to its key.
    Plain,
    /// Anything else: answered by the look-up from the folded hash.
    Other,
}

/// One word kept: the lexicon it was looked up in, its address and
/// length, its folded hash and what was found.
#[derive(Debug, Clone, Copy)]
struct Entry {
    lex: usize,
    addr: usize,
    len: usize,
    hash: u64,
    found: Found,
}

const EMPTY: Entry = Entry {
    lex: 0,
    addr: 0,
    len: 0,
    hash: 0,
    found: Found::Other,
};

/// Words kept, by address (direct-mapped: a word evicts the one of the
/// same slot).
const SLOTS: usize = 64;

/// What [`super::fraction`]'s look-ahead answered for the run of number
/// words from an address to an end: whether an ordinal or a denominator
/// stands in it.
#[derive(Debug, Clone, Copy)]
struct Run {
    lex: usize,
    addr: usize,
    end: usize,
    answer: bool,
}

const NO_RUN: Run = Run {
    lex: 0,
    addr: 0,
    end: 0,
    answer: false,
};

#[derive(Debug)]
struct Memo {
    /// The registered text's first and past-the-end addresses; `(0, 0)`
    /// for none.
    text: (usize, usize),
    entries: [Entry; SLOTS],
    runs: [Run; SLOTS],
}

thread_local! {
    static MEMO: RefCell<Memo> = const {
        RefCell::new(Memo {
            text: (0, 0),
            entries: [EMPTY; SLOTS],
            runs: [NO_RUN; SLOTS],
        })
    };
}

/// `f` of the memo, when it can be read (not while it is written, nor
/// after the thread's end).
#[inline]
fn read<T>(f: impl FnOnce(&Memo) -> Option<T>) -> Option<T> {
    MEMO.try_with(|m| f(&*m.try_borrow().ok()?)).ok().flatten()
}

/// `f` on the memo, when it can be written.
#[inline]
fn write(f: impl FnOnce(&mut Memo)) {
    let _ = MEMO.try_with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            f(&mut m);
        }
    });
}

/// The slot of the word at `addr`.
#[inline]
fn slot(addr: usize) -> usize {
    // Words a few bytes apart fall in different slots.
    addr % SLOTS
}

/// The text of an extractor, registered while the value lives; dropping it
/// gives back the registration it replaced (none, most often).
#[derive(Debug)]
pub(crate) struct Registration {
    /// The registration replaced; `None` when the text could not be
    /// registered (nothing is kept for it then, and nothing to give back).
    previous: Option<(usize, usize)>,
}

impl Registration {
    pub(crate) fn new(text: &str) -> Registration {
        let range = (text.as_ptr() as usize, text.as_ptr() as usize + text.len());
        let mut previous = None;
        write(|m| previous = Some(m.reset(range)));
        Registration { previous }
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        let Some(previous) = self.previous else {
            return;
        };
        write(|m| {
            m.reset(previous);
        });
    }
}

impl Memo {
    /// Forgets every word kept and registers `text` (first and
    /// past-the-end addresses), giving back the text registered before.
    fn reset(&mut self, text: (usize, usize)) -> (usize, usize) {
        self.entries = [EMPTY; SLOTS];
        self.runs = [NO_RUN; SLOTS];
        std::mem::replace(&mut self.text, text)
    }

    /// Whether `w` lies within the registered text: a word that may be
    /// kept.
    #[inline]
    fn holds(&self, w: &str) -> bool {
        let addr = w.as_ptr() as usize;
        !w.is_empty() && self.text.0 <= addr && addr + w.len() <= self.text.1
    }
}

/// The address of lexicon `lex`, which the words kept are keyed by.
#[inline]
fn lex_key(lex: &LangLexicon) -> usize {
    lex as *const LangLexicon as usize
}

/// The folded hash and what was found of `w` in `lex`, when kept.
#[inline]
pub(crate) fn recall(lex: &LangLexicon, w: &str) -> Option<(u64, Found)> {
    read(|m| {
        if !m.holds(w) {
            return None;
        }
        let addr = w.as_ptr() as usize;
        let e = &m.entries[slot(addr)];
        (e.lex == lex_key(lex) && e.addr == addr && e.len == w.len()).then_some((e.hash, e.found))
    })
}

/// Keeps the folded hash `hash` of `w` and what its look-up in `lex`
/// found, when `w` lies within the registered text.
#[inline]
pub(crate) fn keep(lex: &LangLexicon, w: &str, hash: u64, found: Found) {
    write(|m| {
        if m.holds(w) {
            let addr = w.as_ptr() as usize;
            m.entries[slot(addr)] = Entry {
                lex: lex_key(lex),
                addr,
                len: w.len(),
                hash,
                found,
            };
        }
    });
}

/// What the look-ahead for a fraction answered for the run of number
/// words that starts `i` (up to its end), when kept.
#[inline]
pub(crate) fn recall_run(lex: &LangLexicon, i: &str) -> Option<bool> {
    read(|m| {
        if !m.holds(i) {
            return None;
        }
        let addr = i.as_ptr() as usize;
        let r = &m.runs[slot(addr)];
        (r.lex == lex_key(lex) && r.addr == addr && r.end == addr + i.len()).then_some(r.answer)
    })
}

/// Keeps `answer` for the runs that start at each of `starts` (addresses
/// of tokens of `i`, in order) and end where `i` does: the look-ahead from
/// any of them reads the tokens of `i` from it on and answers as it did
/// from the first.
pub(crate) fn keep_run(lex: &LangLexicon, i: &str, starts: &[usize], answer: bool) {
    write(|m| {
        if m.holds(i) {
            let end = i.as_ptr() as usize + i.len();
            for &addr in starts {
                m.runs[slot(addr)] = Run {
                    lex: lex_key(lex),
                    addr,
                    end,
                    answer,
                };
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::words::test_support::*;

    #[test]
    fn only_words_of_the_registered_text_are_kept_while_it_is() {
        let c = lexes();
        let fr = c.lexicon.get("fr").unwrap();
        let text = String::from("trois maisons");
        let w = &text[0..5];
        keep(fr, w, 7, Found::Plain);
        assert_eq!(recall(fr, w), None); // nothing registered
        {
            let _r = Registration::new(&text);
            keep(fr, w, 7, Found::Plain);
            assert_eq!(recall(fr, w), Some((7, Found::Plain)));
            assert_eq!(recall(fr, &text[0..4]), None); // another length
            let other = String::from("trois");
            keep(fr, &other, 8, Found::Plain);
            assert_eq!(recall(fr, &other), None); // not of the text
        }
        assert_eq!(recall(fr, w), None); // forgotten with the registration
    }

    #[test]
    fn an_inner_registration_gives_the_outer_one_back() {
        let c = lexes();
        let fr = c.lexicon.get("fr").unwrap();
        let outer = String::from("deux");
        let _o = Registration::new(&outer);
        {
            let inner = String::from("trois");
            let _i = Registration::new(&inner);
            keep(fr, &outer, 1, Found::Plain);
            assert_eq!(recall(fr, &outer), None); // not the inner text
        }
        keep(fr, &outer, 1, Found::Plain);
        assert_eq!(recall(fr, &outer), Some((1, Found::Plain)));
    }

    #[test]
    fn lookups_give_the_same_with_the_memo() {
        let c = lexes();
        let fr = c.lexicon.get("fr").unwrap();
        let text = "Trois trois été ÉTÉ vingt-deux xyzzy un Un";
        let words: Vec<&str> = text.split([' ', '-']).collect();
        let (mut a, mut b) = (String::new(), String::new());
        let plain: Vec<(bool, String)> = words
            .iter()
            .map(|w| {
                let found = super::super::lookup(fr, w, &mut a).is_some();
                (found, a.clone())
            })
            .collect();
        let _r = Registration::new(text);
        for _ in 0..2 {
            for (w, p) in words.iter().zip(&plain) {
                let found = super::super::lookup(fr, w, &mut b).is_some();
                assert_eq!((found, b.clone()), *p, "{w}");
            }
        }
    }
}
