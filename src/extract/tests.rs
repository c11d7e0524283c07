//! Extraction tests on real news phrasing: every figure of the seed
//! articles, and the forms of issue 2 in both languages.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::{extract, Figure, Kind};
use crate::config::Config;
use crate::model::Lang;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The built-in configuration, loaded once for all tests.
fn config() -> &'static Config {
    static CFG: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
    CFG.get_or_init(|| Config::builtin().unwrap())
}

fn figs(text: &str, lang: Lang) -> Vec<(String, Figure)> {
    let cfg = config();
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
fn qualifiers_make_intervals() {
    let (t, v, (lo, hi), _) = one("il reste environ 2.000 jihadistes", Lang::new("fr"));
    assert_eq!((t.as_str(), v), ("environ 2.000", Some(d("2000"))));
    assert_eq!((lo, hi), (Some(d("1800")), Some(d("2200"))));
    let (t, _, (lo, hi), _) = one("qui ont fait plus de 250 morts", Lang::new("fr"));
    assert_eq!((t.as_str(), lo, hi), ("plus de 250", Some(d("250")), None));
    let (t, _, (lo, hi), _) = one("at least 40 fighters", Lang::new("en"));
    assert_eq!((t.as_str(), lo, hi), ("at least 40", Some(d("40")), None));
    let (t, _, (lo, hi), _) = one("moins de trois ans", Lang::new("fr"));
    assert_eq!(
        (t.as_str(), lo, hi),
        ("moins de trois ans", None, Some(d("3")))
    );
    let (t, ..) = one("envoyer près de 1\u{a0}500 hommes", Lang::new("fr"));
    assert_eq!(t, "près de 1\u{a0}500");
}

#[test]
fn spelled_numbers_and_articles() {
    let v = figs("trois soldats américains", Lang::new("fr"));
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].1.value, Some(d("3")));
    assert_eq!(entity("trois soldats américains", &v[0].1), Some("soldats"));
    assert!(figs("un homme est venu", Lang::new("fr")).is_empty());
    assert!(figs("a man came", Lang::new("en")).is_empty());
    let (t, v, _, k) = one("Il y a une semaine, il a parlé.", Lang::new("fr"));
    assert_eq!(
        (t.as_str(), v, k),
        ("une semaine", Some(d("1")), Kind::Duration)
    );
    assert!(figs("le Premier ministre irakien", Lang::new("fr")).is_empty());
}

#[test]
fn collectives() {
    let t = "avec seulement une centaine d'étrangers";
    let v = figs(t, Lang::new("fr"));
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].0, "une centaine");
    assert_eq!(v[0].1.value, Some(d("100")));
    assert_eq!(entity(t, &v[0].1), Some("étrangers"));
    let (_, v, (lo, hi), _) = one("des centaines de soldats", Lang::new("fr"));
    assert_eq!((v, lo, hi), (None, Some(d("200")), Some(d("999"))));
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
fn placeholder_debris_is_attached() {
    let t = "le pays accueille environ 2.500 XNUMX soldats américains";
    let v = figs(t, Lang::new("fr"));
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
        let got: Vec<(String, String, String)> = figs(text, Lang::new("fr"))
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
    for (_, f) in figs(t, Lang::new("fr")) {
        assert!(t.is_char_boundary(f.start) && t.is_char_boundary(f.end));
        assert!(f.start <= f.num_start && f.num_end <= f.end && f.end <= t.len());
    }
}

/// The figures of `text` as (literal, value, low, high, kind).
fn all(text: &str, lang: Lang) -> Vec<(String, Option<Decimal>, Interval, Kind)> {
    figs(text, lang)
        .into_iter()
        .map(|(t, f)| (t, f.value.map(|v| v.normalize()), (f.low, f.high), f.kind))
        .collect()
}

/// The figure whose literal is `lit`.
fn find(text: &str, lang: Lang, lit: &str) -> (Option<Decimal>, Interval, Kind) {
    let v = all(text, lang);
    let hit = v.iter().find(|x| x.0 == lit);
    let (_, value, iv, k) = hit.unwrap_or_else(|| panic!("{lit:?} not in {v:?}"));
    (*value, *iv, *k)
}

/// The whole figure whose literal is `lit`.
fn figure(text: &str, lang: Lang, lit: &str) -> Figure {
    let f = figs(text, lang);
    let hit = f.iter().find(|x| x.0 == lit);
    hit.unwrap_or_else(|| panic!("{lit:?} not in {text:?}: {f:?}"))
        .1
}

fn val(text: &str, lang: Lang, lit: &str) -> Decimal {
    find(text, lang, lit)
        .0
        .unwrap_or_else(|| panic!("{lit:?} has no value"))
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
fn scale_words() {
    let fr = Lang::new("fr");
    let en = Lang::new("en");
    assert_eq!(
        val("2,5 millions d'habitants", fr, "2,5 millions"),
        d("2500000")
    );
    assert_eq!(
        val("6 milliards de dollars", fr, "6 milliards de dollars"),
        d("6000000000")
    );
    assert_eq!(
        val("1.5 billion people", en, "1.5 billion"),
        d("1500000000")
    );
    assert_eq!(val("3 mln barrels", en, "3 mln barrels"), d("3000000"));
    assert_eq!(val("mille soldats", fr, "mille"), d("1000"));
    assert_eq!(val("a thousand troops", en, "a thousand"), d("1000"));
    assert_eq!(
        val("2 millions 500 000 votants", fr, "2 millions 500 000"),
        d("2500000")
    );
    assert_eq!(
        val(
            "4 thousand 3 hundred and 21 votes",
            en,
            "4 thousand 3 hundred and 21"
        ),
        d("4321")
    );
    // "$ 1.17 billion a year earlier": the article starts no new number.
    assert_eq!(
        val("to $ 1.17 billion a year earlier", en, "$ 1.17 billion"),
        d("1170000000")
    );
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
fn collectives_and_their_intervals() {
    let fr = Lang::new("fr");
    let en = Lang::new("en");
    let (v, (lo, hi), _) = find("une soixantaine de pays", fr, "une soixantaine");
    assert_eq!((v, lo, hi), (Some(d("60")), Some(d("48")), Some(d("72"))));
    let (v, (lo, hi), _) = find(
        "plusieurs milliers de manifestants",
        fr,
        "plusieurs milliers",
    );
    assert_eq!((v, lo, hi), (None, Some(d("2000")), Some(d("9999"))));
    let (_, (lo, hi), _) = find("un millier de personnes", fr, "un millier");
    assert_eq!((lo, hi), (Some(d("800")), Some(d("1200"))));
    let (_, (lo, hi), _) = find("dozens of people", en, "dozens");
    assert_eq!((lo, hi), (Some(d("24")), Some(d("99"))));
    let (_, (lo, hi), _) = find("hundreds of civilians", en, "hundreds");
    assert_eq!((lo, hi), (Some(d("200")), Some(d("999"))));
    assert_eq!(val("deux douzaines d'oeufs", fr, "deux douzaines"), d("24"));
    // "la quarantaine" is a quarantine.
    assert!(all("placés en quarantaine", fr).is_empty());
}

#[test]
fn qualifiers_of_both_languages() {
    let cases = [
        (
            "environ 300 soldats",
            Lang::new("fr"),
            "environ 300",
            Some("270"),
            Some("330"),
        ),
        (
            "quelque 300 soldats",
            Lang::new("fr"),
            "quelque 300",
            Some("270"),
            Some("330"),
        ),
        (
            "presque 300 soldats",
            Lang::new("fr"),
            "presque 300",
            Some("270"),
            Some("300"),
        ),
        (
            "au moins 300 soldats",
            Lang::new("fr"),
            "au moins 300",
            Some("300"),
            None,
        ),
        (
            "jusqu'à 300 soldats",
            Lang::new("fr"),
            "jusqu'à 300",
            None,
            Some("300"),
        ),
        (
            "au-delà de 300 soldats",
            Lang::new("fr"),
            "au-delà de 300",
            Some("300"),
            None,
        ),
        (
            "roughly 300 troops",
            Lang::new("en"),
            "roughly 300",
            Some("270"),
            Some("330"),
        ),
        (
            "over 300 troops",
            Lang::new("en"),
            "over 300",
            Some("300"),
            None,
        ),
        (
            "under 300 troops",
            Lang::new("en"),
            "under 300",
            None,
            Some("300"),
        ),
        (
            "at most 300 troops",
            Lang::new("en"),
            "at most 300",
            None,
            Some("300"),
        ),
        (
            "300 troops or more",
            Lang::new("en"),
            "300 troops or more",
            Some("300"),
            None,
        ),
    ];
    for (t, lang, lit, lo, hi) in cases {
        let (_, (l, h), _) = find(t, lang, lit);
        assert_eq!((l, h), (lo.map(d), hi.map(d)), "{t}");
    }
}

#[test]
fn ranges_of_both_languages() {
    let cases = [
        ("entre 10 et 20 morts", Lang::new("fr"), "entre 10 et 20"),
        ("de 10 à 20 morts", Lang::new("fr"), "de 10 à 20"),
        ("10 à 20 morts", Lang::new("fr"), "10 à 20"),
        ("10-20 morts", Lang::new("fr"), "10-20"),
        ("10–20 dead", Lang::new("en"), "10–20"),
        (
            "between 10 and 20 dead",
            Lang::new("en"),
            "between 10 and 20",
        ),
        ("from 10 to 20 dead", Lang::new("en"), "from 10 to 20"),
        ("10 to 20 dead", Lang::new("en"), "10 to 20"),
        (
            "more than 10 and less than 20",
            Lang::new("en"),
            "more than 10 and less than 20",
        ),
    ];
    for (t, lang, lit) in cases {
        let (v, (lo, hi), k) = find(t, lang, lit);
        assert_eq!(
            (v, lo, hi, k),
            (None, Some(d("10")), Some(d("20")), Kind::Range),
            "{t}"
        );
    }
    // Two years stay years.
    assert!(all("the 2019-2020 season", Lang::new("en"))
        .iter()
        .all(|f| f.3 == Kind::Date));
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
fn percentages_money_and_measures() {
    let fr = Lang::new("fr");
    let en = Lang::new("en");
    for (t, lang, lit, kind) in [
        ("5 pour cent des voix", fr, "5 pour cent", Kind::Percent),
        ("5 pourcent des voix", fr, "5 pourcent", Kind::Percent),
        ("5 percent of votes", en, "5 percent", Kind::Percent),
        ("5 per cent of votes", en, "5 per cent", Kind::Percent),
        (
            "2 points de pourcentage",
            fr,
            "2 points de pourcentage",
            Kind::Percent,
        ),
        (
            "2 percentage points",
            en,
            "2 percentage points",
            Kind::Percent,
        ),
        ("USD 5 in cash", en, "USD 5", Kind::Money),
        ("£5 a head", en, "£5", Kind::Money),
        (
            "300 millions de dollars",
            fr,
            "300 millions de dollars",
            Kind::Money,
        ),
        ("12 km²", fr, "12 km²", Kind::Measure),
        ("40 tonnes", fr, "40 tonnes", Kind::Measure),
        ("20 litres", fr, "20 litres", Kind::Measure),
        ("12 miles", en, "12 miles", Kind::Measure),
        ("300 feet", en, "300 feet", Kind::Measure),
        ("35 °C", fr, "35 °C", Kind::Temperature),
    ] {
        assert_eq!(find(t, lang, lit).2, kind, "{t}");
    }
    assert_eq!(
        val("it cost 3 dollars 50 cents", en, "3 dollars 50 cents"),
        d("3.5")
    );
    let f = figs("un crédit de 300 millions de dollars", fr);
    let cfg = config();
    assert_eq!(cfg.lexicon.units[f[0].1.unit.unwrap() as usize].id, "USD");
    // Degrees of an angle are no temperature.
    assert_eq!(find("Rotate 90°", en, "90°").2, Kind::Measure);
}

#[test]
fn ages_and_durations() {
    let fr = Lang::new("fr");
    let en = Lang::new("en");
    assert_eq!(find("âgé de 20 ans", fr, "20 ans").2, Kind::Age);
    assert_eq!(find("a 20-year-old man", en, "20-year-old").2, Kind::Age);
    for (t, lang, lit, secs) in [
        ("pendant 40 jours", fr, "40 jours", "3456000"),
        ("a 40-day deadline", en, "40-day", "3456000"),
        ("six mois de prison", fr, "six mois", "15552000"),
        ("deux semaines plus tard", fr, "deux semaines", "1209600"),
        ("il y a une semaine", fr, "une semaine", "604800"),
        ("for an hour and a half", en, "an hour and a half", "5400"),
        ("toute la semaine", fr, "toute la semaine", "604800"),
        (
            "1 year 1 month 21 days",
            en,
            "1 year 1 month 21 days",
            "35942400",
        ),
    ] {
        let fig = figure(t, lang, lit);
        assert_eq!(fig.seconds, Some(d(secs)), "{t}");
        assert_eq!(fig.kind, Kind::Duration, "{t}");
    }
    let (v, _, k) = find("le trajet dure 1h30", fr, "1h30");
    assert_eq!((v, k), (Some(d("1.5")), Kind::Duration));
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
fn ip_addresses_and_zero_codes_are_identifiers() {
    let en = Lang::new("en");
    // An address is one identifier, not "192.168" and "1.2".
    assert_eq!(
        all("Ping 192.168.1.2 now.", en),
        vec![(
            "192.168.1.2".to_string(),
            None,
            (None, None),
            Kind::Identifier
        )]
    );
    assert_eq!(find("at 10.0.0.1.", en, "10.0.0.1").2, Kind::Identifier);
    // Not an address: a part above 255, or a fifth part.
    assert_eq!(find("the 1.300.2.1 code", en, "1.300").2, Kind::Count);
    // A code with leading zeros keeps the number it carries, like "F-16".
    assert_eq!(
        find("423 0000 will be two numbers", en, "0000"),
        (Some(d("0")), (None, None), Kind::Identifier)
    );
    assert_eq!(find("agent 007", en, "007").0, Some(d("7")));
}

#[test]
fn one_of_a_unit_after_an_article() {
    let fr = Lang::new("fr");
    let en = Lang::new("en");
    // A currency word after an article is one of it.
    let (v, _, k) = find("Ses actions ont fermé à un penny.", fr, "un penny");
    assert_eq!((v, k), (Some(d("1")), Kind::Money));
    assert_eq!(find("It costs a dollar.", en, "a dollar").2, Kind::Money);
    // "a pound" may be a weight: no figure.
    assert!(all("a pound of flesh", en).is_empty());
    // "un jour" is some day, but "en un jour" one day.
    assert!(all("Un jour, il reviendra.", fr).is_empty());
    let f = figs("Il a tout construit en un jour.", fr);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].0.as_str(), f[0].1.seconds),
        ("un jour", Some(d("86400")))
    );
    assert_eq!(
        figs("It was built in one day.", en)[0].1.seconds,
        Some(d("86400"))
    );
    assert!(all("One day he will come back.", en).is_empty());
}

#[test]
fn ranges_of_ordinals() {
    let fr = Lang::new("fr");
    let en = Lang::new("en");
    for (t, lang, lit, lo, hi) in [
        (
            "He ranks between the tenth and the fifteenth.",
            en,
            "between the tenth and the fifteenth",
            "10",
            "15",
        ),
        ("in the 10th-15th centuries", en, "10th-15th", "10", "15"),
        (
            "Il se classe entre la dixième et la quinzième place.",
            fr,
            "entre la dixième et la quinzième",
            "10",
            "15",
        ),
        (
            "entre le 3e et le 5e arrondissement",
            fr,
            "entre le 3e et le 5e",
            "3",
            "5",
        ),
    ] {
        let (v, iv, k) = find(t, lang, lit);
        assert_eq!(
            (v, iv, k),
            (None, (Some(d(lo)), Some(d(hi))), Kind::Range),
            "{t}"
        );
    }
    // Two ranks side by side are no range.
    assert_eq!(all("the first and the second", en).len(), 2);
    assert_eq!(all("the fifteenth and the tenth", en).len(), 2);
}

#[test]
fn compound_measures_and_lists_of_durations() {
    let en = Lang::new("en");
    let fr = Lang::new("fr");
    // Feet and inches, "in" only after feet.
    let (v, _, k) = find(
        "The length is 12 ft 2 in more or less",
        en,
        "12 ft 2 in more or less",
    );
    assert_eq!(k, Kind::Measure);
    assert_eq!(v.unwrap().round_dp(6), d("12.166667"));
    assert_eq!(
        find("It is 12 ft in the morning.", en, "12 ft").0,
        Some(d("12"))
    );
    // Only the last part of a compound has a fraction: a list otherwise.
    let f = figs("in 1.5 weeks, 90 seconds", en);
    assert_eq!(
        f.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
        ["1.5 weeks", "90 seconds"]
    );
    // Fractions of a unit and of a dozen.
    for (t, lang, lit, secs) in [
        (
            "trois quarts d'heure plus tard",
            fr,
            "trois quarts d'heure",
            "2700",
        ),
        ("un quart d'heure", fr, "un quart d'heure", "900"),
        (
            "three quarters of an hour",
            en,
            "three quarters of an hour",
            "2700",
        ),
    ] {
        let fig = figure(t, lang, lit);
        assert_eq!(
            (fig.kind, fig.seconds),
            (Kind::Duration, Some(d(secs))),
            "{t}"
        );
    }
    assert_eq!(
        find("a quarter of a mile", en, "a quarter of a mile").2,
        Kind::Measure
    );
    assert_eq!(
        val("une demi-douzaine d'œufs", fr, "une demi-douzaine"),
        d("6")
    );
    assert_eq!(
        val("un demi-million de personnes", fr, "un demi-million"),
        d("500000")
    );
    // A fraction of people stays a fraction.
    assert_eq!(
        find("les trois quarts des électeurs", fr, "trois quarts").2,
        Kind::Fraction
    );
}

#[test]
fn ages_from_people_and_qualified_ages() {
    let fr = Lang::new("fr");
    let en = Lang::new("en");
    for (t, lang, lit, kind) in [
        ("un garçon de 3 ans", fr, "3 ans", Kind::Age),
        ("une fille de dix ans", fr, "dix ans", Kind::Age),
        ("il a plus de 80 ans", fr, "plus de 80 ans", Kind::Age),
        ("mort à l'âge de 85 ans", fr, "85 ans", Kind::Age),
        ("a man of 45 years", en, "45 years", Kind::Age),
        // Lengths of something are durations.
        ("un contrat de 10 ans", fr, "10 ans", Kind::Duration),
        ("il a 3 ans de retard", fr, "3 ans", Kind::Duration),
        ("he was 20 years in prison", en, "20 years", Kind::Duration),
        (
            "il y a près de 30 ans",
            fr,
            "près de 30 ans",
            Kind::Duration,
        ),
        (
            "décédé en 1981 à 42 ans des suites",
            fr,
            "42 ans",
            Kind::Age,
        ),
        ("une femme de 39 ans", fr, "39 ans", Kind::Age),
        ("ce jeune homme noir de 24 ans", fr, "24 ans", Kind::Age),
        (
            "un homme d'une cinquantaine d'années",
            fr,
            "une cinquantaine d'années",
            Kind::Age,
        ),
        ("a 25-year career", en, "25-year", Kind::Duration),
    ] {
        assert_eq!(find(t, lang, lit).2, kind, "{t}");
    }
}

#[test]
fn one_in_so_many() {
    let fr = Lang::new("fr");
    let en = Lang::new("en");
    for (t, lang, lit, v) in [
        ("un sur quatre", fr, "un sur quatre", "0.25"),
        (
            "Un Français sur cinq a voté.",
            fr,
            "Un Français sur cinq",
            "0.2",
        ),
        (
            "une entreprise sur quatre",
            fr,
            "une entreprise sur quatre",
            "0.25",
        ),
        ("one in four Americans", en, "one in four", "0.25"),
    ] {
        let fig = figure(t, lang, lit);
        assert_eq!((fig.kind, fig.value), (Kind::Fraction, Some(d(v))), "{t}");
    }
    let t = "Un Français sur cinq a voté.";
    let f = figs(t, fr);
    assert_eq!(entity(t, &f[0].1), Some("Français"));
    // The whole must be a number, and English "a" is no numeral.
    assert!(all("lors d'un reportage sur une bibliothèque", fr).is_empty());
    assert!(all("a candidate in a district", en).is_empty());
    // "un franc succès" is no sum of money.
    assert!(all("un franc succès", fr).is_empty());
    // An article, a noun and no proportion: no figure but the days.
    assert_eq!(
        all("un homme est venu sur deux jours", fr)
            .into_iter()
            .map(|x| x.0)
            .collect::<Vec<_>>(),
        ["deux jours"]
    );
}

#[test]
fn scales_after_a_connector_start_a_new_number() {
    let en = Lang::new("en");
    let lits = |t| {
        all(t, en)
            .into_iter()
            .map(|x| (x.0, x.1))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        lits("4.5 billion and one trillion"),
        [
            ("4.5 billion".to_string(), Some(d("4500000000"))),
            ("one trillion".to_string(), Some(d("1000000000000")))
        ]
    );
    assert_eq!(
        val("a thousand and one nights", en, "a thousand and one"),
        d("1001")
    );
    assert_eq!(
        val(
            "a million and one thousand",
            en,
            "a million and one thousand"
        ),
        d("1001000")
    );
}

#[test]
fn years_before_unit_words() {
    let en = Lang::new("en");
    let fr = Lang::new("fr");
    for (t, lang, lit, kind) in [
        ("In 2021 Bitcoin hit a record.", en, "2021", Kind::Date),
        (
            "It cost $5 million in 2020 dollars.",
            en,
            "2020",
            Kind::Date,
        ),
        ("in the 1977 New Year Honours", en, "1977", Kind::Date),
        ("En 2021 Bitcoin a battu un record.", fr, "2021", Kind::Date),
        ("is a 1985 North Korean film", en, "1985", Kind::Date),
        // Amounts stay amounts.
        (
            "He paid 2000 dollars in 2019.",
            en,
            "2000 dollars",
            Kind::Money,
        ),
        ("Il a payé 2000 euros.", fr, "2000 euros", Kind::Money),
    ] {
        assert_eq!(find(t, lang, lit).2, kind, "{t}");
    }
}

#[test]
fn lists_of_metric_units_are_no_compounds() {
    let fr = Lang::new("fr");
    let en = Lang::new("en");
    let lits = |t, lang| all(t, lang).into_iter().map(|x| x.0).collect::<Vec<_>>();
    assert_eq!(lits("3 km et 500 m", fr), ["3 km", "500 m"]);
    assert_eq!(
        lits("1 Gbit/s et 300 Mbit/s", fr),
        ["1 Gbit/s", "300 Mbit/s"]
    );
    assert_eq!(lits("3 pintes et 2 tasses", fr), ["3 pintes", "2 tasses"]);
    assert_eq!(val("2 lb 3 oz", en, "2 lb 3 oz"), d("2.1875"));
    assert_eq!(
        val("5 pieds et 2 pouces", fr, "5 pieds et 2 pouces").round_dp(4),
        d("5.1667")
    );
}

#[test]
fn roman_ordinals_and_long_durations() {
    let fr = Lang::new("fr");
    let en = Lang::new("en");
    assert_eq!(val("au XXe siècle", fr, "XXe"), d("20"));
    assert_eq!(val("le XXIème siècle", fr, "XXIème"), d("21"));
    // One letter is a Roman numeral only for I, V and X: "Ce", "Le", "De"
    // are words; a numeral without suffix is a name ("Louis XIV").
    assert!(all("Ce matin, Le chef, De plus, Louis XIV, Cie, en Inde", fr).is_empty());
    for (t, lang, lit, secs) in [
        ("pendant une décennie", fr, "une décennie", "315360000"),
        ("two decades", en, "two decades", "630720000"),
        ("deux siècles", fr, "deux siècles", "6307200000"),
        ("for 10 weekdays", en, "10 weekdays", "864000"),
    ] {
        let fig = figure(t, lang, lit);
        assert_eq!(
            (fig.kind, fig.seconds),
            (Kind::Duration, Some(d(secs))),
            "{t}"
        );
    }
}

#[test]
fn cents_after_a_currency() {
    let en = Lang::new("en");
    for (t, lit, v) in [
        ("15 dollars 50", "15 dollars 50", "15.5"),
        ("$3 50 cents", "$3 50 cents", "3.5"),
        ("c $ 100 and fifty", "c $ 100 and fifty", "100.5"),
        // A code after the amount, or a bare number after a prefix
        // currency, is no cents.
        ("a HKD$250,000 6-Max event", "$250,000", "250000"),
        ("$15 50 later", "$15", "15"),
    ] {
        assert_eq!(val(t, en, lit), d(v), "{t}");
    }
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

#[test]
fn collectives_of_collectives() {
    let en = Lang::new("en");
    let fr = Lang::new("fr");
    let d2 = |a: &str, b: &str| (Some(d(a)), Some(d(b)));
    for (t, lang, lit, iv) in [
        (
            "tens of thousands of people",
            en,
            "tens of thousands",
            d2("20000", "99999"),
        ),
        (
            "hundreds of thousands of refugees",
            en,
            "hundreds of thousands",
            d2("200000", "999999"),
        ),
        (
            "des dizaines de milliers de manifestants",
            fr,
            "des dizaines de milliers",
            d2("20000", "99999"),
        ),
        (
            "plusieurs centaines de milliers",
            fr,
            "plusieurs centaines de milliers",
            d2("200000", "999999"),
        ),
        (
            "une centaine de milliers de personnes",
            fr,
            "une centaine de milliers",
            d2("80000", "120000"),
        ),
        ("thousands of troops", en, "thousands", d2("2000", "9999")),
    ] {
        assert_eq!(find(t, lang, lit).1, iv, "{t}");
    }
    let (_, iv, k) = find(
        "des dizaines de millions d'euros",
        fr,
        "des dizaines de millions d'euros",
    );
    assert_eq!((iv, k), (d2("20000000", "99999999"), Kind::Money));
}

#[test]
fn convention_ambiguity_is_flagged() {
    // A French text that also writes "3.5": "2.500" is read as 2500 and
    // flagged.
    let t = "environ 2.500 soldats et une hausse de 3.5 points";
    let f = figs(t, Lang::new("fr"));
    let g = &f.iter().find(|x| x.0 == "environ 2.500").unwrap().1;
    assert_eq!((g.value, g.ambiguous), (Some(d("2500")), true));
    // An English "1,3" is read as 1.3 against the convention, and flagged.
    let f = figs("The number is 1,3.", Lang::new("en"));
    assert_eq!((f[0].1.value, f[0].1.ambiguous), (Some(d("1.3")), true));
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
            prop_assert_eq!(f[0].1.value.map(|v| v.normalize()), Some(expected(int, frac)), "{}", s);
        }

        #[test]
        fn english_formats_read_back(int in 0u64..10_000_000_000, frac in proptest::option::of(0u32..100),
                                     group in prop::sample::select(vec![",", " ", "\u{a0}", "'"])) {
            let s = format(int, frac, group, ".");
            let text = format!("There are {s} residents.");
            let f = figs(&text, Lang::new("en"));
            prop_assert_eq!(f.len(), 1, "{:?}", f);
            prop_assert_eq!(f[0].1.value.map(|v| v.normalize()), Some(expected(int, frac)), "{}", s);
        }

        #[test]
        fn spans_always_slice_the_text(text in "\\PC{0,80}", lang in prop::sample::select(vec![Lang::new("fr"), Lang::new("en"), Lang::Unknown])) {
            let cfg = config();
            for f in extract(&text, lang, &cfg.lexicon) {
                prop_assert!(f.start <= f.end && f.end <= text.len());
                prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
                prop_assert!(f.start <= f.num_start && f.num_end <= f.end);
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
                prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
                prop_assert!(f.start <= f.end);
            }
        }
    }
}

#[test]
fn long_inputs_take_linear_time() {
    // Issue 8: long runs of digits, of "1 1 1", of number words neither
    // panic nor grow worse than linearly: four times the input takes well
    // under sixteen times as long.
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
    let time = |s: &str| {
        let t = std::time::Instant::now();
        let a = extract(s, Lang::new("fr"), &cfg.lexicon).len();
        let b = extract(s, Lang::new("en"), &cfg.lexicon).len();
        (t.elapsed().as_secs_f64(), a + b)
    };
    for u in units {
        let n = (1 << 13) / u.len();
        let (small, _) = time(&u.repeat(n));
        let (large, _) = time(&u.repeat(4 * n));
        assert!(
            large < 16.0 * small.max(0.002),
            "{u:?}: {small:.4}s then {large:.4}s"
        );
    }
}
