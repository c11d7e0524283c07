//! Shapes of sentences whose figures are easy to misread, one test per
//! shape, in French and English: the whole reading of each sentence (span,
//! kind, value or interval).

mod common;

use figcheck::model::{Kind, Lang};

use common::{d, figures};

/// What one figure should read: its text, kind, value and interval ends.
type Want<'a> = (&'a str, Kind, Option<&'a str>, Option<(&'a str, &'a str)>);

fn reads(text: &str, lang: &str, want: &[Want<'_>]) {
    let figs = figures(text, Lang::new(lang));
    let got: Vec<_> = figs
        .iter()
        .map(|f| {
            (
                &text[f.start()..f.end()],
                f.kind,
                f.value().map(|v| v.normalize()),
                f.low()
                    .zip(f.high())
                    .map(|(l, h)| (l.normalize(), h.normalize())),
            )
        })
        .collect();
    let want: Vec<_> = want
        .iter()
        .map(|(t, k, v, iv)| {
            (
                *t,
                *k,
                v.map(|v| d(v).normalize()),
                iv.map(|(l, h)| (d(l).normalize(), d(h).normalize())),
            )
        })
        .collect();
    assert_eq!(got, want, "{text:?}");
}

#[test]
fn an_ordinal_after_a_complete_amount_is_a_word_of_its_own() {
    reads(
        "The group issued $300 million second-lien bonds.",
        "en",
        &[
            ("$300 million", Kind::Money, Some("300000000"), None),
            ("second", Kind::Ordinal, Some("2"), None),
        ],
    );
    reads(
        "Ils ont imprimé cinq millions premiers exemplaires.",
        "fr",
        &[
            ("cinq millions", Kind::Count, Some("5000000"), None),
            ("premiers", Kind::Ordinal, Some("1"), None),
        ],
    );
    // Past tens, a hundred or a connector, the ordinal ends the number.
    reads(
        "its one hundred and first session",
        "en",
        &[("one hundred and first", Kind::Ordinal, Some("101"), None)],
    );
    reads(
        "la trente-deuxième édition",
        "fr",
        &[("trente-deuxième", Kind::Ordinal, Some("32"), None)],
    );
}

#[test]
fn cents_after_a_sum_in_words_are_its_hundredths() {
    reads(
        "Le menu coûte douze euros et trente cents.",
        "fr",
        &[(
            "douze euros et trente cents",
            Kind::Money,
            Some("12.30"),
            None,
        )],
    );
    reads(
        "The toll is four dollars and seventy-five cents.",
        "en",
        &[(
            "four dollars and seventy-five cents",
            Kind::Money,
            Some("4.75"),
            None,
        )],
    );
    // Without an amount before them, "cents" are hundreds in French.
    reads(
        "Il y avait trois cents invités.",
        "fr",
        &[("trois cents", Kind::Count, Some("300"), None)],
    );
}

#[test]
fn a_connector_does_not_join_two_numbers_of_the_same_scale() {
    reads(
        "They shipped 6 hundred and 9 hundred crates.",
        "en",
        &[
            ("6 hundred", Kind::Count, Some("600"), None),
            ("9 hundred", Kind::Count, Some("900"), None),
        ],
    );
    reads(
        "On compte quatre cents et six cents places.",
        "fr",
        &[
            ("quatre cents", Kind::Count, Some("400"), None),
            ("six cents", Kind::Count, Some("600"), None),
        ],
    );
    reads(
        "between 4 million and 6 million voters",
        "en",
        &[(
            "between 4 million and 6 million",
            Kind::Range,
            None,
            Some(("4000000", "6000000")),
        )],
    );
    // A smaller part joins its scale.
    reads(
        "three hundred and twelve thousand people",
        "en",
        &[(
            "three hundred and twelve thousand",
            Kind::Count,
            Some("312000"),
            None,
        )],
    );
}

#[test]
fn a_hyphen_before_a_larger_number_is_a_range_dash() {
    reads(
        "a 28 -75mm lens",
        "en",
        &[("28 -75mm", Kind::Range, None, Some(("28", "75")))],
    );
    reads(
        "des sacs de 15 -25 kg",
        "fr",
        &[("15 -25 kg", Kind::Range, None, Some(("15", "25")))],
    );
    // A column of differences keeps its signs.
    reads(
        "Wins 12 8 -4 and",
        "en",
        &[
            ("12", Kind::Count, Some("12"), None),
            ("8", Kind::Count, Some("8"), None),
            ("-4", Kind::Count, Some("-4"), None),
        ],
    );
}

#[test]
fn fractions_in_words() {
    reads(
        "Four ninths of the seats went to the left.",
        "en",
        &[(
            "Four ninths",
            Kind::Fraction,
            Some("0.4444444444444444444444444444"),
            None,
        )],
    );
    reads(
        "Sept huitièmes du territoire sont boisés.",
        "fr",
        &[("Sept huitièmes", Kind::Fraction, Some("0.875"), None)],
    );
    reads(
        "vingt et un dixièmes",
        "fr",
        &[("vingt et un dixièmes", Kind::Fraction, Some("2.1"), None)],
    );
}

#[test]
fn scale_symbols_after_digits() {
    reads(
        "a budget of $7.5M and 40k subscribers",
        "en",
        &[
            ("$7.5M", Kind::Money, Some("7500000"), None),
            ("40k", Kind::Count, Some("40000"), None),
        ],
    );
    reads(
        "un transfert estimé à 64,5 M EUR",
        "fr",
        &[("64,5 M EUR", Kind::Money, Some("64500000"), None)],
    );
    // Network generations and model names keep their letters.
    reads(
        "le déploiement de la 5G",
        "fr",
        &[("5G", Kind::Identifier, Some("5"), None)],
    );
}

#[test]
fn a_unit_form_inside_a_compound_word_is_no_unit() {
    reads(
        "They sold 2 million second-hand cars.",
        "en",
        &[
            ("2 million", Kind::Count, Some("2000000"), None),
            ("second", Kind::Ordinal, Some("2"), None),
        ],
    );
    reads(
        "Le 15 mi-mai, 20 personnes.",
        "fr",
        &[
            ("15", Kind::Count, Some("15"), None),
            ("20", Kind::Count, Some("20"), None),
        ],
    );
    // Glued to the number by a hyphen, or before the suffix of an age,
    // the unit stands.
    reads(
        "a 15 year-old boy",
        "en",
        &[("15 year-old", Kind::Age, Some("15"), None)],
    );
    reads(
        "a 20-year-old man",
        "en",
        &[("20-year-old", Kind::Age, Some("20"), None)],
    );
}

#[test]
fn units_written_with_a_capital_or_as_symbols_of_physics() {
    for (text, lang, lit, value) in [
        ("Elle atteint 176 Km/h en pointe.", "fr", "176 Km/h", "176"),
        ("une batterie de 48 Volts", "fr", "48 Volts", "48"),
        ("un couple de 730 Nm", "fr", "730 Nm", "730"),
        (
            "It orbits at 0.0454 AU from the star.",
            "en",
            "0.0454 AU",
            "0.0454",
        ),
        ("a 400 kV line", "en", "400 kV", "400"),
    ] {
        reads(text, lang, &[(lit, Kind::Measure, Some(value), None)]);
    }
}

#[test]
fn changes_scores_and_elliptical_ranges() {
    reads(
        "Le plafond est passé de 30 à 50 euros.",
        "fr",
        &[
            ("30", Kind::Money, Some("30"), None),
            ("50 euros", Kind::Money, Some("50"), None),
        ],
    );
    reads(
        "Unemployment rose from 12 to 15%.",
        "en",
        &[
            ("12", Kind::Percent, Some("12"), None),
            ("15%", Kind::Percent, Some("15"), None),
        ],
    );
    reads(
        "Il faut compter entre 15 et 20.000 euros.",
        "fr",
        &[(
            "entre 15 et 20.000 euros",
            Kind::Range,
            None,
            Some(("15000", "20000")),
        )],
    );
    reads(
        "They finished with a record of 5–18.",
        "en",
        &[
            ("5", Kind::Count, Some("5"), None),
            ("18", Kind::Count, Some("18"), None),
        ],
    );
    reads(
        "Children aged 5–18 years.",
        "en",
        &[("5–18 years", Kind::Range, None, Some(("5", "18")))],
    );
}
