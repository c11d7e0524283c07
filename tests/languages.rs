//! Languages are data: Spanish is read from `rules/lang/es/` alone, through
//! the library and the command line, and detected from its cues.

mod common;

use figcheck::input::{detect_lang, Document};
use figcheck::model::{Figure, Kind, Lang};

use common::{analyze, d, figcheck_stdin, figures};

/// The one figure of `text` read as Spanish.
fn one(text: &str) -> Figure {
    let figs = figures(text, Lang::new("es"));
    assert_eq!(figs.len(), 1, "{text:?}: {figs:?}");
    figs.into_iter().next().unwrap()
}

#[test]
fn spanish_is_a_language_with_data() {
    let es: Lang = "es".parse().unwrap();
    assert!(es.has_data());
    assert_eq!(es.as_str(), "es");
    assert!(Lang::with_data().contains(&"es"));
}

#[test]
fn spanish_figures_are_read() {
    let text = "Unas 1.500 personas";
    let f = one(text);
    assert_eq!(&text[f.start()..f.end()], "Unas 1.500");
    assert_eq!(f.value(), Some(d("1500")));
    assert!(f.low().is_some_and(|l| l < d("1500")));
    assert!(f.high().is_some_and(|h| h > d("1500")));

    let text = "una subida del 2,5 %";
    let f = one(text);
    assert_eq!(&text[f.start()..f.end()], "2,5 %");
    assert_eq!((f.kind, f.value()), (Kind::Percent, Some(d("2.5"))));

    let text = "mil millones";
    let f = one(text);
    assert_eq!(&text[f.start()..f.end()], "mil millones");
    assert_eq!(f.value(), Some(d("1000000000")));

    let text = "cerca de 300 soldados";
    let f = one(text);
    assert_eq!(&text[f.start()..f.end()], "cerca de 300");
    assert_eq!(f.value(), Some(d("300")));
    assert_eq!((f.low(), f.high()), (Some(d("270")), Some(d("330"))));

    let text = "entre 10 y 20 muertos";
    let f = one(text);
    assert_eq!(&text[f.start()..f.end()], "entre 10 y 20");
    assert_eq!(f.kind, Kind::Range);
    assert_eq!((f.low(), f.high()), (Some(d("10")), Some(d("20"))));
}

#[test]
fn spanish_is_detected() {
    let text = "Unas 1.500 personas se manifestaron el domingo en Madrid, según la policía, \
                para pedir más recursos para los hospitales.";
    assert_eq!(detect_lang(text), Lang::new("es"));
    let doc = Document::new("a.txt", text, None);
    assert_eq!(doc.lang, Lang::new("es"));
    // Short sentences whose function words French has too ("la", "de",
    // "un", "entre") are still Spanish.
    for text in [
        "La inflación subió un 2,5 % en octubre.",
        "Hubo cerca de 300 detenidos, entre 10 y 20 heridos.",
    ] {
        assert_eq!(detect_lang(text), Lang::new("es"), "{text}");
    }
    // And French stays French, also when its function words are ones
    // Spanish has too ("en", "y", "se").
    for text in [
        "La police a interpellé 120 personnes, dont 80 hommes et 40 femmes.",
        "Il y a 2.500 morts.",
        "La police en a arrêté 1.500.",
        "En 2014, il y a eu 2.500 morts.",
    ] {
        assert_eq!(detect_lang(text), Lang::new("fr"), "{text}");
    }
}

#[test]
fn cli_reads_spanish() {
    let text = "Unas 1.500 personas. Una subida del 2,5 %. Mil millones de euros. \
                Cerca de 300 soldados. Entre 10 y 20 muertos.\n";
    let (out, err, code) =
        figcheck_stdin(&["extract", "--lang", "es", "--format", "jsonl"], text).parts();
    assert_eq!(code, 0, "{err}");
    let figs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(&str, &str)> = figs
        .iter()
        .map(|f| {
            (
                f["text"].as_str().unwrap(),
                f["value"].as_str().or(f["low"].as_str()).unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Unas 1.500", "1500"),
            ("2,5 %", "2.5"),
            ("Mil millones de euros", "1000000000"),
            ("Cerca de 300", "300"),
            ("Entre 10 y 20", "10"),
        ]
    );
    assert_eq!(figs[0]["qualifier"], "about");
    assert_eq!(figs[3]["qualifier"], "about");
    assert_eq!(figs[4]["kind"], "range");
    assert_eq!(figs[4]["high"], "20");
}

/// Mixed separators in German: `3.5` with a decimal point, `2.500` after it.
const GERMAN: &str = "Die Quote stieg auf 3.5 Prozent und 2.500 Stellen wurden gestrichen, \
                      sagte der Minister, und die Regierung hat das nicht bestätigt.";

#[test]
fn a_language_without_data_is_detected_and_not_checked_for_conventions() {
    let lang = detect_lang(GERMAN);
    assert_eq!(lang, Lang::new("de"));
    assert!(lang.is_other() && !lang.has_data());
    let codes = |lang: Option<Lang>| -> Vec<String> {
        let doc = Document::new("a.txt", GERMAN, lang);
        let (_, findings) = analyze(vec![doc]);
        findings.into_iter().map(|f| f.code).collect()
    };
    // Read as French, the document contradicts its own convention...
    assert!(codes(Some(Lang::new("fr"))).contains(&"FC104".to_string()));
    // ...read as what it is, it is not checked for conventions.
    assert!(codes(None).is_empty(), "{:?}", codes(None));
    // Its unambiguous figures are still read.
    let figs = figures(GERMAN, lang);
    assert!(figs.iter().any(|f| f.value() == Some(d("3.5"))));
}

#[test]
fn cli_says_once_that_it_has_no_data_for_a_language() {
    let (out, err, code) = figcheck_stdin(&["check"], GERMAN).parts();
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("FC104"), "{out}");
    let notes: Vec<&str> = err.lines().filter(|l| l.contains("no data")).collect();
    assert_eq!(notes.len(), 1, "{err}");
    assert!(notes[0].contains("(de)"), "{err}");
}
