//! Properties of extraction over generated text: spans lie inside the text
//! on character boundaries, the same text always gives the same figures and
//! findings, and joining two documents changes no figure away from the seam.

mod common;

use common::{analyze, doc, figures};
use figcheck::model::{Figure, Lang};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "1",
    "12",
    "2.500",
    "1 500",
    "1\u{a0}500",
    "3,5",
    "2,000",
    "16'157",
    "0,5",
    "007",
    "2024",
    "XNUMX",
    "trois",
    "mille",
    "millions",
    "million",
    "une centaine",
    "des milliers",
    "environ",
    "plus de",
    "at least",
    "about",
    "two",
    "hundred",
    "thousand",
    "soldats",
    "troops",
    "morts",
    "killed",
    "%",
    "€",
    "$",
    "km",
    "entre",
    "et",
    "and",
    "between",
    "le",
    "les",
    "décembre",
    "December",
    "2",
    "3",
    "(",
    ")",
    "[",
    "-",
    "–",
    "/",
    ".",
    ",",
    ";",
    "\n",
    "\r\n",
    "\r",
    "é",
    "😀",
    "\u{200b}",
    "\u{200f}",
    "\u{feff}",
    "&#8239;",
    "&nbsp;",
    "F-16",
    "COVID-19",
    "a",
    "un",
    "la",
    "moitié",
    "1/3",
    "½",
    "h",
    "ans",
    "years",
    "old",
    "premier",
    "1er",
    "2e",
    "+33 1 23 45 67 89",
    "\0",
];

/// Text made of words figures are made of, or any text at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(
            (prop::sample::select(WORDS), prop::sample::select(&[" ", "", " ", "\u{a0}", ", "][..])),
            0..40
        )
        .prop_map(|ws| ws.into_iter().map(|(w, s)| format!("{w}{s}")).collect()),
        1 => any::<String>(),
    ]
}

fn lang() -> impl Strategy<Value = Lang> {
    prop::sample::select(vec![Lang::new("fr"), Lang::new("en"), Lang::Unknown])
}

/// What a figure is, without what the whole document decides: the value
/// of a number written with a point or a comma ("2.500", "3,5") depends on
/// the separator convention of the rest of its document (a text that also
/// writes "4.4" reads "2.500" otherwise than one that writes "4,4"), so it
/// is left out; its span stays.
fn key(f: &Figure, text: &str, shift: isize) -> (usize, usize, Option<String>) {
    let written = &text[f.num_start()..f.num_end()];
    let decided = written.contains(['.', ',']);
    (
        (f.start() as isize + shift) as usize,
        (f.end() as isize + shift) as usize,
        f.value()
            .filter(|_| !decided)
            .map(|v| v.normalize().to_string()),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn spans_are_inside_the_text_on_char_boundaries(t in text(), l in lang()) {
        for f in figures(&t, l) {
            prop_assert!(f.start() <= f.num_start() && f.num_start() < f.num_end(), "{f:?}");
            prop_assert!(f.num_end() <= f.end() && f.end() <= t.len(), "{f:?}");
            for o in [f.start(), f.end(), f.num_start(), f.num_end()] {
                prop_assert!(t.is_char_boundary(o), "{o} in {t:?}");
            }
            if let Some((s, e)) = f.entity() {
                prop_assert!(s <= e && e <= t.len() && t.is_char_boundary(s) && t.is_char_boundary(e));
            }
        }
    }

    #[test]
    fn the_same_text_gives_the_same_output(t in text(), u in text(), l in lang()) {
        prop_assert_eq!(figures(&t, l), figures(&t, l));
        let docs = || vec![doc("a", &t, l), doc("b", &u, l)];
        let (c1, f1) = analyze(docs());
        let (c2, f2) = analyze(docs());
        prop_assert_eq!(f1, f2);
        let figs = |c: &figcheck::claims::Corpus| c.claims.iter().map(|c| c.fig).collect::<Vec<_>>();
        prop_assert_eq!(figs(&c1), figs(&c2));
    }

    #[test]
    fn joining_two_documents_changes_no_figure_away_from_the_seam(
        a in text(), b in text(), l in prop::sample::select(vec![Lang::new("fr"), Lang::new("en")])
    ) {
        // Figures read from their context a few words either way: those
        // further than this from the seam must not change.
        const SEAM: usize = 120;
        let joined = format!("{a}\n\n{b}");
        let off = a.len() + 2;
        let whole = figures(&joined, l);
        let in_a: Vec<_> = figures(&a, l).iter().filter(|f| f.end() + SEAM <= a.len()).map(|f| key(f, &a, 0)).collect();
        let in_b: Vec<_> = figures(&b, l).iter().filter(|f| f.start() >= SEAM).map(|f| key(f, &b, off as isize)).collect();
        let got_a: Vec<_> = whole.iter().filter(|f| f.end() + SEAM <= a.len()).map(|f| key(f, &joined, 0)).collect();
        let got_b: Vec<_> = whole.iter().filter(|f| f.start() >= off + SEAM).map(|f| key(f, &joined, 0)).collect();
        prop_assert_eq!(in_a, got_a);
        prop_assert_eq!(in_b, got_b);
    }
}
