//! Extraction tests on real news phrasing: every figure of the seed
//! articles, and the forms of issue 2 in both languages.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::{extract, Figure, Kind};
use crate::config::Config;
use crate::input::Lang;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn figs(text: &str, lang: Lang) -> Vec<(String, Figure)> {
    let cfg = Config::builtin().unwrap();
    extract(text, lang, &cfg.lexicon)
        .into_iter()
        .map(|f| (text[f.start..f.end].to_string(), f))
        .collect()
}

type Interval = (Option<Decimal>, Option<Decimal>);

/// The only figure of `text`: its literal, value, interval and kind.
fn one(text: &str, lang: Lang) -> (String, Option<Decimal>, Interval, Kind) {
    let v = figs(text, lang);
    assert_eq!(
        v.len(),
        1,
        "{text:?} gave {:?}",
        v.iter().map(|x| &x.0).collect::<Vec<_>>()
    );
    let (t, f) = &v[0];
    (t.clone(), f.value, (f.low, f.high), f.kind)
}

fn entity<'a>(text: &'a str, f: &Figure) -> Option<&'a str> {
    f.entity.map(|(s, e)| &text[s..e])
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
        assert_eq!(one(t, Lang::Fr).1, Some(d(v)), "{t}");
    }
}

#[test]
fn separators_of_english_text() {
    assert_eq!(
        one("There are 2,000 fighters.", Lang::En).1,
        Some(d("2000"))
    );
    assert_eq!(one("It rose 2.5 times.", Lang::En).1, Some(d("2.5")));
    assert_eq!(one("There are 1 500 troops.", Lang::En).1, Some(d("1500")));
}

#[test]
fn qualifiers_make_intervals() {
    let (t, v, (lo, hi), _) = one("il reste environ 2.000 jihadistes", Lang::Fr);
    assert_eq!((t.as_str(), v), ("environ 2.000", Some(d("2000"))));
    assert_eq!((lo, hi), (Some(d("1800")), Some(d("2200"))));
    let (t, _, (lo, hi), _) = one("qui ont fait plus de 250 morts", Lang::Fr);
    assert_eq!((t.as_str(), lo, hi), ("plus de 250", Some(d("250")), None));
    let (t, _, (lo, hi), _) = one("at least 40 fighters", Lang::En);
    assert_eq!((t.as_str(), lo, hi), ("at least 40", Some(d("40")), None));
    let (t, _, (lo, hi), _) = one("moins de trois ans", Lang::Fr);
    assert_eq!(
        (t.as_str(), lo, hi),
        ("moins de trois ans", None, Some(d("3")))
    );
    let (t, ..) = one("envoyer près de 1\u{a0}500 hommes", Lang::Fr);
    assert_eq!(t, "près de 1\u{a0}500");
}

#[test]
fn spelled_numbers_and_articles() {
    let v = figs("trois soldats américains", Lang::Fr);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].1.value, Some(d("3")));
    assert_eq!(entity("trois soldats américains", &v[0].1), Some("soldats"));
    assert!(figs("un homme est venu", Lang::Fr).is_empty());
    assert!(figs("a man came", Lang::En).is_empty());
    let (t, v, _, k) = one("Il y a une semaine, il a parlé.", Lang::Fr);
    assert_eq!(
        (t.as_str(), v, k),
        ("une semaine", Some(d("1")), Kind::Duration)
    );
    assert!(figs("le Premier ministre irakien", Lang::Fr).is_empty());
}

#[test]
fn collectives() {
    let t = "avec seulement une centaine d'étrangers";
    let v = figs(t, Lang::Fr);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].0, "une centaine");
    assert_eq!(v[0].1.value, Some(d("100")));
    assert_eq!(entity(t, &v[0].1), Some("étrangers"));
    let (_, v, (lo, hi), _) = one("des centaines de soldats", Lang::Fr);
    assert_eq!((v, lo, hi), (None, Some(d("200")), Some(d("999"))));
}

#[test]
fn units_kinds_and_dates() {
    assert_eq!(one("une limite de 40 jours", Lang::Fr).3, Kind::Duration);
    assert_eq!(one("7 minutes de lecture", Lang::Fr).3, Kind::Duration);
    assert_eq!(one("il coûte 1 500 euros", Lang::Fr).3, Kind::Money);
    assert_eq!(one("une hausse de 5 %", Lang::Fr).3, Kind::Percent);
    let (t, _, _, k) = one("ce lundi 8 décembre à Koweït", Lang::Fr);
    assert_eq!((t.as_str(), k), ("8 décembre", Kind::Date));
    let v = figs("les 2 et 3 décembre", Lang::Fr);
    assert!(v.iter().all(|(_, f)| f.kind == Kind::Date) && v.len() == 2);
    let (t, _, _, k) = one("depuis le 30 septembre 2015 sur", Lang::Fr);
    assert_eq!((t.as_str(), k), ("30 septembre 2015", Kind::Date));
    assert_eq!(one("en 2014, la ville", Lang::Fr).3, Kind::Date);
    assert_eq!(
        one("EREVAN, 23 JUILLET, ARMENPRESS", Lang::Fr).3,
        Kind::Date
    );
    assert_eq!(one("un F-16 abattu", Lang::Fr).3, Kind::Identifier);
    assert_eq!(one("la deuxième ville", Lang::Fr).3, Kind::Ordinal);
}

#[test]
fn placeholder_debris_is_attached() {
    let t = "le pays accueille environ 2.500 XNUMX soldats américains";
    let v = figs(t, Lang::Fr);
    assert_eq!(v.len(), 1);
    let f = &v[0].1;
    assert_eq!(v[0].0, "environ 2.500 XNUMX");
    assert_eq!(f.value, Some(d("2500")));
    assert_eq!(f.debris.map(|(s, e)| &t[s..e]), Some("XNUMX"));
    assert_eq!(entity(t, f), Some("soldats"));
}

#[test]
fn seed_figures() {
    // Every counted figure of the seeds, as a careful reader gives it.
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |n: &str| std::fs::read_to_string(format!("{root}/fixtures/seeds/{n}")).unwrap();
    let expect = |text: &str, wanted: &[(&str, &str, &str)]| {
        let got: Vec<(String, String, String)> = figs(text, Lang::Fr)
            .into_iter()
            .filter(|(_, f)| f.kind == Kind::Count)
            .map(|(t, f)| {
                (
                    t,
                    f.value.map_or("-".into(), |v| v.to_string()),
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
    for (_, f) in figs(t, Lang::Fr) {
        assert!(t.is_char_boundary(f.start) && t.is_char_boundary(f.end));
        assert!(f.start <= f.num_start && f.num_end <= f.end && f.end <= t.len());
    }
}
