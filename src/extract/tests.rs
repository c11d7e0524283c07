//! Extraction tests on real news phrasing: every figure of the seed
//! articles, and the forms the other files do not test alone, in both
//! languages.

use support::*;

/// Helpers for the extraction tests, here and in each recogniser's file:
/// the built-in configuration, loaded once, and short ways to get the
/// figures of a text.
pub(crate) mod support {
    pub(crate) use std::str::FromStr;

    pub(crate) use rust_decimal::Decimal;

    pub(crate) use crate::extract::{extract, Figure, Kind};
    pub(crate) use crate::model::Lang;
    pub(crate) use crate::testing::{config, d, figs};

    pub(crate) type Interval = (Option<Decimal>, Option<Decimal>);

    /// The only figure of `text`: its literal, value, interval and kind.
    pub(crate) fn one(text: &str, lang: Lang) -> (String, Option<Decimal>, Interval, Kind) {
        let v = figs(text, lang);
        assert_eq!(
            v.len(),
            1,
            "{text:?} gave {:?}",
            v.iter().map(|x| &x.0).collect::<Vec<_>>()
        );
        let (t, f) = &v[0];
        (t.clone(), f.value(), (f.low(), f.high()), f.kind)
    }

    pub(crate) fn entity<'a>(text: &'a str, f: &Figure) -> Option<&'a str> {
        f.entity().map(|(s, e)| &text[s..e])
    }

    /// The figures of `text` as (literal, value, low, high, kind).
    pub(crate) fn all(text: &str, lang: Lang) -> Vec<(String, Option<Decimal>, Interval, Kind)> {
        figs(text, lang)
            .into_iter()
            .map(|(t, f)| {
                (
                    t,
                    f.value().map(|v| v.normalize()),
                    (f.low(), f.high()),
                    f.kind,
                )
            })
            .collect()
    }

    /// The figure whose literal is `lit`.
    pub(crate) fn find(text: &str, lang: Lang, lit: &str) -> (Option<Decimal>, Interval, Kind) {
        let v = all(text, lang);
        let hit = v.iter().find(|x| x.0 == lit);
        let (_, value, iv, k) = hit.unwrap_or_else(|| panic!("{lit:?} not in {v:?}"));
        (*value, *iv, *k)
    }

    /// The whole figure whose literal is `lit`.
    pub(crate) fn figure(text: &str, lang: Lang, lit: &str) -> Figure {
        let f = figs(text, lang);
        let hit = f.iter().find(|x| x.0 == lit);
        hit.unwrap_or_else(|| panic!("{lit:?} not in {text:?}: {f:?}"))
            .1
    }

    pub(crate) fn val(text: &str, lang: Lang, lit: &str) -> Decimal {
        find(text, lang, lit)
            .0
            .unwrap_or_else(|| panic!("{lit:?} has no value"))
    }
}

#[test]
fn separators_of_french_text() {
    for (t, v) in [
        ("Ils sont 1500 soldats.", "1500"),
        ("Ils sont 1 500 soldats.", "1500"),
        ("Ils sont 1\u{a0}500 soldats.", "1500"),
        ("Ils sont 1\u{202f}500 soldats.", "1500"),
        ("Ils sont 2.000 jihadistes.", "2000"),
        ("Une hausse de 2,5 fois.", "2.5"),
    ] {
        assert_eq!(one(t, Lang::new("fr")).1, Some(d(v)), "{t}");
    }
}

#[test]
fn separators_of_english_text() {
    assert_eq!(
        one("There are 2,000 fighters.", Lang::new("en")).1,
        Some(d("2000"))
    );
    assert_eq!(one("It rose 2.5 times.", Lang::new("en")).1, Some(d("2.5")));
    assert_eq!(
        one("There are 1 500 troops.", Lang::new("en")).1,
        Some(d("1500"))
    );
}

#[test]
fn spelled_numbers_and_articles() {
    let v = figs("trois soldats américains", Lang::new("fr"));
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].1.value(), Some(d("3")));
    assert_eq!(entity("trois soldats américains", &v[0].1), Some("soldats"));
    assert!(figs("un homme est venu", Lang::new("fr")).is_empty());
    // After a count and a link of a list, the article is the numeral one.
    let v = figs("deux garçons et une fille", Lang::new("fr"));
    assert_eq!(v.len(), 2);
    assert_eq!((v[1].0.as_str(), v[1].1.value()), ("une", Some(d("1"))));
    assert_eq!(figs("un homme et une femme", Lang::new("fr")).len(), 0);
    assert!(figs("a man came", Lang::new("en")).is_empty());
    let (t, v, _, k) = one("Il y a une semaine, il a parlé.", Lang::new("fr"));
    assert_eq!(
        (t.as_str(), v, k),
        ("une semaine", Some(d("1")), Kind::Duration)
    );
    assert!(figs("le Premier ministre irakien", Lang::new("fr")).is_empty());
}

#[test]
fn units_kinds_and_dates() {
    assert_eq!(
        one("une limite de 40 jours", Lang::new("fr")).3,
        Kind::Duration
    );
    assert_eq!(
        one("7 minutes de lecture", Lang::new("fr")).3,
        Kind::Duration
    );
    assert_eq!(one("il coûte 1 500 euros", Lang::new("fr")).3, Kind::Money);
    assert_eq!(one("une hausse de 5 %", Lang::new("fr")).3, Kind::Percent);
    let (t, _, _, k) = one("ce lundi 8 décembre à Koweït", Lang::new("fr"));
    assert_eq!((t.as_str(), k), ("8 décembre", Kind::Date));
    let v = figs("les 2 et 3 décembre", Lang::new("fr"));
    assert!(v.iter().all(|(_, f)| f.kind == Kind::Date) && v.len() == 2);
    let (t, _, _, k) = one("depuis le 30 septembre 2015 sur", Lang::new("fr"));
    assert_eq!((t.as_str(), k), ("30 septembre 2015", Kind::Date));
    assert_eq!(one("en 2014, la ville", Lang::new("fr")).3, Kind::Date);
    assert_eq!(
        one("EREVAN, 23 JUILLET, ARMENPRESS", Lang::new("fr")).3,
        Kind::Date
    );
    assert_eq!(one("un F-16 abattu", Lang::new("fr")).3, Kind::Identifier);
    assert_eq!(one("la deuxième ville", Lang::new("fr")).3, Kind::Ordinal);
}

#[test]
fn seed_figures() {
    // Every counted figure of the seeds, as a careful reader gives it.
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |n: &str| std::fs::read_to_string(format!("{root}/fixtures/seeds/{n}")).unwrap();
    let expect = |text: &str, wanted: &[(&str, &str, &str)]| {
        let got: Vec<(String, String, String)> = figs(text, Lang::new("fr"))
            .into_iter()
            .filter(|(_, f)| f.kind == Kind::Count)
            .map(|(t, f)| {
                (
                    t,
                    f.value().map_or("-".into(), |v| v.to_string()),
                    entity(text, &f).unwrap_or("").to_string(),
                )
            })
            .collect();
        for w in wanted {
            assert!(
                got.iter()
                    .any(|g| (g.0.as_str(), g.1.as_str(), g.2.as_str()) == *w),
                "missing {w:?} in {got:?}"
            );
        }
    };
    expect(
        &read("000_2e248bc0dc966fa8.txt"),
        &[
            ("environ 2.000", "2000", "jihadistes"),
            ("une centaine", "100", "étrangers"),
            ("quatre", "4", "régions"),
            ("plus de 250", "250", "morts"),
        ],
    );
    expect(
        &read("001_83486dd3ab81b09f.txt"),
        &[
            ("1500", "1500", "soldats"),
            ("quelque 1 500", "1500", "soldats"),
            ("Quelque 1\u{a0}500", "1500", "soldats"),
            ("près de 1\u{a0}500", "1500", "hommes"),
            ("1\u{a0}600", "1600", "militaires"),
            ("1\u{a0}400", "1400", "soldats"),
            ("une soixantaine", "60", "Etats"),
        ],
    );
    expect(
        &read("002_4d26f834a15c7ecc.txt"),
        &[
            ("environ 2.500 XNUMX", "2500", "soldats"),
            ("trois", "3", "soldats"),
            ("plus de 85", "85", "cibles"),
            ("153", "153", "attaques"),
            ("196", "196", "missions"),
            ("44", "44", "miliciens"),
            ("166", "166", "terroristes"),
            ("137", "137", "militants"),
            ("30", "30", "arrêtés"),
            ("74", "74", "opérations"),
            ("59", "59", "opérations"),
            ("14", "14", "combattants"),
            ("92", "92", "personnes"),
        ],
    );
    expect(
        &read("004_a6f78d717300037f.txt"),
        &[("trois", "3", "soldats")],
    );
}

#[test]
fn spans_slice_the_text() {
    let t = "« Près de 1\u{a0}500 hommes », 2,5 millions d’euros, 10–20 km, $5bn, 3½";
    for (_, f) in figs(t, Lang::new("fr")) {
        assert!(t.is_char_boundary(f.start()) && t.is_char_boundary(f.end()));
        assert!(f.start() <= f.num_start() && f.num_end() <= f.end() && f.end() <= t.len());
    }
}

#[test]
fn separators_spaces_apostrophes_and_signs() {
    let fr = Lang::new("fr");
    assert_eq!(
        val("La Suisse compte 16'157 cas.", fr, "16'157"),
        d("16157")
    );
    assert_eq!(
        val(
            "soit 1\u{2009}234\u{2009}567 euros",
            fr,
            "1\u{2009}234\u{2009}567 euros"
        ),
        d("1234567")
    );
    assert_eq!(val("une baisse de −3 points", fr, "−3"), d("-3"));
    assert_eq!(val("un solde de +2 sièges", fr, "+2"), d("2"));
    assert_eq!(val("il fait moins 5 degrés", fr, "moins 5 degrés"), d("-5"));
    assert_eq!(
        val("a rate of 0,5 in Europe", Lang::new("en"), "0,5"),
        d("0.5")
    );
    // The English list "22,24,26" is three numbers.
    let v = all("Exercises 22,24,26.", Lang::new("en"));
    assert_eq!(v.len(), 3, "{v:?}");
}

#[test]
fn numbers_glued_to_units_and_scales() {
    let en = Lang::new("en");
    let (v, _, k) = find("He left for 3.5years abroad.", en, "3.5years");
    assert_eq!((v, k), (Some(d("3.5")), Kind::Duration));
    let (v, _, k) = find("a 15km walk", en, "15km");
    assert_eq!((v, k), (Some(d("15")), Kind::Measure));
    let (v, _, k) = find("it costs 5€ a day", Lang::new("fr"), "5€");
    assert_eq!((v, k), (Some(d("5")), Kind::Money));
    assert_eq!(val("a $5bn deal", en, "$5bn"), d("5000000000"));
    assert_eq!(val("raised 10k for charity", en, "10k"), d("10000"));
    assert_eq!(
        val("un budget de 5 M€", Lang::new("fr"), "5 M€"),
        d("5000000")
    );
    assert_eq!(val("a loan of 13 lakh", en, "13 lakh"), d("1300000"));
    assert_eq!(val("revenue of 120 MEUR", en, "120 MEUR"), d("120000000"));
}

#[test]
fn spelled_numbers_in_news_phrasing() {
    let fr = Lang::new("fr");
    let en = Lang::new("en");
    assert_eq!(
        val("quatre-vingt-dix-sept otages", fr, "quatre-vingt-dix-sept"),
        d("97")
    );
    assert_eq!(
        val("soixante et onze blessés", fr, "soixante et onze"),
        d("71")
    );
    assert_eq!(
        val("deux cent mille réfugiés", fr, "deux cent mille"),
        d("200000")
    );
    assert_eq!(
        val(
            "un million deux cent mille électeurs",
            fr,
            "un million deux cent mille"
        ),
        d("1200000")
    );
    assert_eq!(val("Twenty-one people died", en, "Twenty-one"), d("21"));
    assert_eq!(
        val(
            "three hundred and forty-two seats",
            en,
            "three hundred and forty-two"
        ),
        d("342")
    );
    assert_eq!(val("a dozen fighters", en, "a dozen"), d("12"));
    assert_eq!(
        val(
            "The answer is minus five point five",
            en,
            "minus five point five"
        ),
        d("-5.5")
    );
    // Articles are not numbers; "that one" is a pronoun.
    assert!(all("un homme et une femme", fr).is_empty());
    assert!(all("That one is really good", en).is_empty());
    assert_eq!(val("that one mile can provide", en, "one mile"), d("1"));
}

#[test]
fn fractions_and_proportions() {
    let fr = Lang::new("fr");
    let en = Lang::new("en");
    for (t, lang, lit, v) in [
        ("la moitié des électeurs", fr, "moitié", "0.5"),
        (
            "un tiers des voix",
            fr,
            "un tiers",
            "0.3333333333333333333333333333",
        ),
        ("trois quarts des sièges", fr, "trois quarts", "0.75"),
        ("half the votes", en, "half", "0.5"),
        (
            "a third of voters",
            en,
            "a third",
            "0.3333333333333333333333333333",
        ),
        ("1/3 des votes", fr, "1/3", "0.3333333333333333333333333333"),
        (
            "2 sur 3 votants",
            fr,
            "2 sur 3",
            "0.6666666666666666666666666667",
        ),
        (
            "two out of three voters",
            en,
            "two out of three",
            "0.6666666666666666666666666667",
        ),
        ("1 in 5 adults", en, "1 in 5", "0.2"),
        ("the 5-7/8 pct preferred shares", en, "5-7/8 pct", "5.875"),
        (
            "one and a half million people",
            en,
            "one and a half million",
            "1500000",
        ),
    ] {
        assert_eq!(val(t, lang, lit), d(v).normalize(), "{t}");
    }
    // "12 out of 10" and "in 2019" are no proportions.
    assert_eq!(all("12 out of 10", en).len(), 2);
    assert!(all("2 in 2019", en).iter().all(|f| f.3 != Kind::Fraction));
    // "a third term" is an ordinal; "au moins deux secondes" a duration.
    assert_eq!(find("a third term", en, "third").2, Kind::Ordinal);
    assert_eq!(
        find("au moins deux secondes", fr, "au moins deux secondes").2,
        Kind::Duration
    );
}

#[test]
fn ordinals_dates_and_codes_are_no_counts() {
    let fr = Lang::new("fr");
    let en = Lang::new("en");
    for (t, lang, lit, kind) in [
        ("la deuxième ville", fr, "deuxième", Kind::Ordinal),
        ("le 2e tour", fr, "2e", Kind::Ordinal),
        ("le 1er tour", fr, "1er", Kind::Ordinal),
        ("the second round", en, "second", Kind::Ordinal),
        ("the 2nd round", en, "2nd", Kind::Ordinal),
        ("the 21st century", en, "21st", Kind::Ordinal),
        ("les deux derniers livres", fr, "derniers", Kind::Ordinal),
        ("la IIe République", fr, "IIe", Kind::Ordinal),
        ("au XIXe siècle", fr, "XIXe", Kind::Ordinal),
        ("François Ier", fr, "Ier", Kind::Ordinal),
        ("en 2014, la ville", fr, "2014", Kind::Date),
        ("le 30 septembre 2015", fr, "30 septembre 2015", Kind::Date),
        ("le 8 décembre", fr, "8 décembre", Kind::Date),
        ("on 2024-07-23", en, "2024-07-23", Kind::Date),
        ("on July 23, 2024", en, "July 23, 2024", Kind::Date),
        ("on May 4th", en, "May 4th", Kind::Date),
        ("in the 1990s", en, "1990s", Kind::Date),
        ("à 14h30", fr, "14h30", Kind::Time),
        ("au 01 23 45 67 89", fr, "01 23 45 67 89", Kind::Phone),
        ("un F-16 abattu", fr, "F-16", Kind::Identifier),
        ("le COVID-19", fr, "COVID-19", Kind::Identifier),
        ("le missile SR-1010", fr, "SR-1010", Kind::Identifier),
        ("une Audi A4", fr, "A4", Kind::Identifier),
        ("le n°1 mondial", fr, "n°1", Kind::Identifier),
        ("l'article 49.3", fr, "article 49.3", Kind::Identifier),
        ("the No. 1 seed", en, "No. 1", Kind::Identifier),
        ("ranked #1", en, "#1", Kind::Identifier),
    ] {
        assert_eq!(find(t, lang, lit).2, kind, "{t}");
    }
    // Web addresses hold no figures.
    assert!(all("see https://example.com/a?q=30%25%2020%", en).is_empty());
}

#[test]
fn more_qualifiers_and_ranges_of_fractions() {
    let en = Lang::new("en");
    let fr = Lang::new("fr");
    let d2 = |a: &str, b: &str| (Some(d(a)), Some(d(b)));
    for (t, lang, lit, iv) in [
        (
            "as many as 500 people died",
            en,
            "as many as 500",
            (None, Some(d("500"))),
        ),
        ("as few as 3 voted", en, "as few as 3", (Some(d("3")), None)),
        (
            "upwards of 200 troops",
            en,
            "upwards of 200",
            (Some(d("200")), None),
        ),
        ("about 40 or so", en, "about 40 or so", d2("36", "44")),
        // A verb of exceeding is an open lower bound.
        (
            "en dépassant les 34.000 morts",
            fr,
            "dépassant les 34.000",
            (Some(d("34000")), None),
        ),
        (
            "le bilan a dépassé les 120.000 morts",
            fr,
            "dépassé les 120.000",
            (Some(d("120000")), None),
        ),
        ("30 ans environ", fr, "30 ans environ", d2("27", "33")),
        (
            "50 personnes tout au plus",
            fr,
            "50 personnes tout au plus",
            (None, Some(d("50"))),
        ),
        (
            "between 1/3 and 1/2 of them",
            en,
            "between 1/3 and 1/2",
            (Some(d("1") / d("3")), Some(d("0.5"))),
        ),
        (
            "entre un tiers et la moitié des électeurs",
            fr,
            "entre un tiers et la moitié",
            (Some(d("1") / d("3")), Some(d("0.5"))),
        ),
    ] {
        assert_eq!(find(t, lang, lit).1, iv, "{t}");
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Formats `int`.`frac` with the thousands separator `group` and the
    /// decimal mark `point`.
    fn format(int: u64, frac: Option<u32>, group: &str, point: &str) -> String {
        let digits = int.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(group);
            }
            out.push(c);
        }
        if let Some(f) = frac {
            out.push_str(point);
            out.push_str(&format!("{f:02}"));
        }
        out
    }

    fn expected(int: u64, frac: Option<u32>) -> Decimal {
        let s = match frac {
            Some(f) => format!("{int}.{f:02}"),
            None => int.to_string(),
        };
        Decimal::from_str(&s).unwrap().normalize()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn french_formats_read_back(int in 0u64..10_000_000_000, frac in proptest::option::of(0u32..100),
                                    group in prop::sample::select(vec![" ", "\u{a0}", "\u{202f}", "\u{2009}", ".", "'"])) {
            // A lone point group before three digits is ambiguous only
            // without decimals; the reading is still French.
            let s = format(int, frac, group, ",");
            let text = format!("Il y a {s} habitants.");
            let f = figs(&text, Lang::new("fr"));
            prop_assert_eq!(f.len(), 1, "{:?}", f);
            prop_assert_eq!(f[0].1.value().map(|v| v.normalize()), Some(expected(int, frac)), "{}", s);
        }

        #[test]
        fn english_formats_read_back(int in 0u64..10_000_000_000, frac in proptest::option::of(0u32..100),
                                     group in prop::sample::select(vec![",", " ", "\u{a0}", "'"])) {
            let s = format(int, frac, group, ".");
            let text = format!("There are {s} residents.");
            let f = figs(&text, Lang::new("en"));
            prop_assert_eq!(f.len(), 1, "{:?}", f);
            prop_assert_eq!(f[0].1.value().map(|v| v.normalize()), Some(expected(int, frac)), "{}", s);
        }

        #[test]
        fn spans_always_slice_the_text(text in "\\PC{0,80}", lang in prop::sample::select(vec![Lang::new("fr"), Lang::new("en"), Lang::Unknown])) {
            let cfg = config();
            for f in extract(&text, lang, &cfg.lexicon) {
                prop_assert!(f.start() <= f.end() && f.end() <= text.len());
                prop_assert!(text.is_char_boundary(f.start()) && text.is_char_boundary(f.end()));
                prop_assert!(f.start() <= f.num_start() && f.num_end() <= f.end());
            }
        }

        #[test]
        fn number_soup_never_panics(parts in prop::collection::vec(prop::sample::select(vec![
            "1", "23", "456", ",", ".", " ", "-", "–", "/", "^", "e", "x10^", "%", "$", "€", "½",
            "k", "M", "et", "and", "un", "a", "half", "moitié", "quarts", "fifths", "over",
            "sur", "entre", "between", "plus de", "more than", "or more", "h", "ans", "km",
            "millions", "point", "virgule", "minus", "moins", "dozens", "dernier", "l'", "’",
        ]), 0..30), lang in prop::sample::select(vec![Lang::new("fr"), Lang::new("en"), Lang::Unknown])) {
            let text: String = parts.concat();
            let cfg = config();
            for f in extract(&text, lang, &cfg.lexicon) {
                prop_assert!(text.is_char_boundary(f.start()) && text.is_char_boundary(f.end()));
                prop_assert!(f.start() <= f.end());
            }
        }
    }
}

#[test]
fn long_inputs_are_read_whole() {
    // Long runs of digits, of "1 1 1", of number words neither panic nor
    // lose figures: four times the input gives about four times the
    // figures. (Reading time is measured by the benchmarks, see
    // `benches/README.md` and `fuzz/README.md`, never by a timed test.)
    let cfg = config();
    let units = [
        "9",
        "1 ",
        "1,",
        "1.",
        "vingt et ",
        "one and a half and ",
        "- ",
        "2 sur ",
        "un ",
    ];
    let count = |s: &str| {
        extract(s, Lang::new("fr"), &cfg.lexicon).len()
            + extract(s, Lang::new("en"), &cfg.lexicon).len()
    };
    for u in units {
        let n = (1 << 13) / u.len();
        let small = count(&u.repeat(n));
        let large = count(&u.repeat(4 * n));
        assert!(
            large + 8 >= 4 * small && large <= 4 * small + 8,
            "{u:?}: {small} figures, then {large} for four times the text"
        );
    }
}
