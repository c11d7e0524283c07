//! Claims on real text: what each figure of the seeds measures, and keys
//! that match across French and English.

use super::*;
use crate::config::Config;
use crate::input::Document;
use crate::model::{Lang, Ymd};
use crate::testing::config;

fn seed(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/fixtures/seeds/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// (literal, measure, role, places, period) of every quantity claim.
fn describe(doc: &Document, cfg: &Config) -> Vec<(String, String, String, String, String)> {
    let m = &cfg.meanings;
    claims_of(0, doc, &cfg.lexicon, &cfg.meanings)
        .into_iter()
        .filter(|c| c.fig.kind.is_quantity())
        .map(|c| {
            (
                doc.text[c.fig.start()..c.fig.end()].to_string(),
                c.measure()
                    .map_or("-".into(), |i| m.measures.name(i).to_string()),
                c.role().map_or("-".into(), |i| m.roles.name(i).to_string()),
                m.places_name(&c.places),
                c.period()
                    .map_or("-".into(), |p| format!("{}..{}", p.start, p.end)),
            )
        })
        .collect()
}

fn has(
    v: &[(String, String, String, String, String)],
    want: (&str, &str, &str, &str, &str),
) -> bool {
    v.iter().any(|x| {
        (
            x.0.as_str(),
            x.1.as_str(),
            x.2.as_str(),
            x.3.as_str(),
            x.4.as_str(),
        ) == want
    })
}

#[test]
fn centcom_figures_of_seed_002() {
    let cfg = config();
    let doc = Document::new(
        "002",
        seed("002_4d26f834a15c7ecc.txt"),
        Some(Lang::new("fr")),
    );
    let v = describe(&doc, cfg);
    let h1 = "2024-01-01..2024-06-30";
    for want in [
        ("196", "missions", "-", "iraq+syria", h1),
        ("44", "deaths", "killed", "iraq+syria", h1),
        ("166", "arrests", "arrested", "iraq+syria", h1),
        ("137", "deaths", "killed", "iraq", h1),
        ("30", "arrests", "arrested", "iraq", h1),
        ("74", "missions", "-", "iraq", h1),
        ("59", "missions", "-", "syria", h1),
        ("14", "deaths", "killed", "syria", h1),
        ("92", "arrests", "arrested", "syria", h1),
        ("153", "attacks", "-", "iraq+syria", h1),
    ] {
        assert!(has(&v, want), "missing {want:?} in {v:#?}");
    }
}

#[test]
fn document_source_is_read_from_the_text() {
    let cfg = config();
    let doc = Document::new(
        "002",
        seed("002_4d26f834a15c7ecc.txt"),
        Some(Lang::new("fr")),
    );
    let figs: Vec<_> = claims_of(0, &doc, &cfg.lexicon, &cfg.meanings)
        .into_iter()
        .map(|c| c.fig)
        .collect();
    let t = source::document_time(&doc, &figs, &cfg.meanings.copyright);
    assert_eq!(t.day, Ymd::new(2024, 7, 23));
    assert_eq!(t.outlet.as_deref(), Some("ARMENPRESS"));
    // Seed 000 states no date: none is invented.
    let doc = Document::new(
        "000",
        seed("000_2e248bc0dc966fa8.txt"),
        Some(Lang::new("fr")),
    );
    let figs: Vec<_> = claims_of(0, &doc, &cfg.lexicon, &cfg.meanings)
        .into_iter()
        .map(|c| c.fig)
        .collect();
    assert_eq!(
        source::document_time(&doc, &figs, &cfg.meanings.copyright).year(),
        None
    );
}

#[test]
fn years_keep_claims_apart() {
    let cfg = config();
    let a = Document::new(
        "a",
        "En 2014, 1 400 soldats américains ont été déployés en Irak.",
        Some(Lang::new("fr")),
    );
    let b = Document::new(
        "b",
        "En 2024, 2 500 soldats américains sont déployés en Irak.",
        Some(Lang::new("fr")),
    );
    let ca = claims_of(0, &a, &cfg.lexicon, &cfg.meanings)
        .into_iter()
        .find(|c| c.fig.kind == Kind::Count)
        .unwrap();
    let cb = claims_of(1, &b, &cfg.lexicon, &cfg.meanings)
        .into_iter()
        .find(|c| c.fig.kind == Kind::Count)
        .unwrap();
    assert_eq!(ca.key(), cb.key());
    assert_eq!(
        ca.relation_besides_key(&cb, &cfg.meanings),
        Relation::Different
    );
}

#[test]
fn french_and_english_keys_match() {
    let cfg = config();
    let fr = Document::new(
        "fr",
        "Selon le communiqué, 12 suspects ont été arrêtés. La mort de 45 jihadistes de l'EI en Irak.",
        Some(Lang::new("fr")),
    );
    let en = Document::new(
        "en",
        "Twelve suspects were arrested. 45 Islamic State fighters were killed in Iraq.",
        Some(Lang::new("en")),
    );
    let keys = |d: &Document, i| {
        claims_of(i, d, &cfg.lexicon, &cfg.meanings)
            .into_iter()
            .filter_map(|c| c.key().map(|k| (k, c.places)))
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&fr, 0), keys(&en, 1));
    assert_eq!(keys(&fr, 0).len(), 2);
}

#[test]
fn repeats_and_boilerplate_are_marked() {
    let cfg = config();
    let text = "Quelque 1 500 soldats vont être envoyés.\nPublicité\nQuelque 1 500 soldats vont être envoyés.\nLire aussi : 3 morts à Paris\nArménie, Erevan, 0002, Martiros Saryan 22\n";
    let doc = Document::new("d", text, Some(Lang::new("fr")));
    let cs = claims_of(0, &doc, &cfg.lexicon, &cfg.meanings);
    let by_text = |t: &str| {
        cs.iter()
            .filter(|c| &text[c.fig.num_start()..c.fig.num_end()] == t)
            .collect::<Vec<_>>()
    };
    let soldiers = by_text("1 500");
    assert_eq!(soldiers.len(), 2);
    assert_eq!(soldiers[0].repeat_of(), None);
    assert_eq!(soldiers[1].repeat_of(), Some(0));
    assert!(by_text("3")[0].boilerplate);
    assert!(by_text("22")[0].boilerplate);
    assert!(!soldiers[0].boilerplate);
}

#[test]
fn elliptical_figures_inherit_the_counted_noun() {
    let cfg = config();
    let t = "En Irak, 137 militants de l'EI ont été tués et 30 arrêtés lors de 74 opérations conjointes.";
    let doc = Document::new("d", t, Some(Lang::new("fr")));
    let v = describe(&doc, cfg);
    assert!(
        v.iter()
            .any(|x| x.0 == "30" && x.1 == "arrests" && x.2 == "arrested"),
        "{v:?}"
    );
    assert!(
        v.iter()
            .any(|x| x.0 == "74" && x.1 == "missions" && x.2 == "-"),
        "{v:?}"
    );
}

/// A bare figure after a subset marker counts what the count before it
/// counts, at a place of its own; a part at the same place is another
/// quantity and takes no key from its whole.
#[test]
fn a_subset_with_a_place_of_its_own_counts_what_its_whole_counts() {
    let cfg = config();
    let t = "Samedi, des milliers de personnes ont manifesté en Allemagne, dont 10.000 à Berlin, selon la police. \
             La pandémie a fait 320.000 morts dans le monde, dont plus de 92.000 aux Etats-Unis. \
             Au total, 29.155 personnes sont décédées en France dont 18.805 à l'hôpital.";
    let doc = Document::new("d", t, Some(Lang::new("fr")));
    let v = describe(&doc, cfg);
    assert!(
        v.iter()
            .any(|x| x.0 == "10.000" && x.1 == "protesters" && x.3 == "berlin"),
        "{v:?}"
    );
    assert!(
        v.iter()
            .any(|x| x.0 == "plus de 92.000" && x.1 == "deaths" && x.3 == "united_states"),
        "{v:?}"
    );
    assert!(v.iter().any(|x| x.0 == "18.805" && x.1 == "-"), "{v:?}");
}

#[test]
fn a_rate_per_head_that_opens_a_sentence_makes_its_figures_rates() {
    let cfg = config();
    let deltas = |t: &str| -> Vec<(String, bool)> {
        let doc = Document::new("d", t, Some(Lang::new("fr")));
        claims_of(0, &doc, &cfg.lexicon, &cfg.meanings)
            .into_iter()
            .filter(|c| c.fig.kind.is_quantity())
            .map(|c| (t[c.fig.start()..c.fig.end()].to_string(), c.delta()))
            .collect()
    };
    let v = deltas(
        "Calculé en morts par million d'habitants, le Brésil enregistre 199 décès, \
         largement inférieur à celui de 344 des Etats-Unis.",
    );
    for f in ["199", "344"] {
        assert!(v.iter().any(|x| x.0 == f && x.1), "{v:?}");
    }
    // A rate next to its figure is one; the toll of the same sentence is not.
    let v = deltas("Le Brésil compte 199 morts par million d'habitants, et 41.828 morts au total.");
    assert!(v.iter().any(|x| x.0 == "199" && x.1), "{v:?}");
    assert!(v.iter().any(|x| x.0 == "41.828" && !x.1), "{v:?}");
    // A rate after the figure's noun, past a name with digits, is one.
    let v = deltas(
        "A ce stade, le Brésil a enregistré 195 morts du Covid-19 par million de personnes.",
    );
    assert!(v.iter().any(|x| x.0 == "195" && x.1), "{v:?}");
    // A rate further in the sentence frames nothing before it.
    let v = deltas("Le Brésil, avec 41.828 morts, compte 199 morts par million d'habitants.");
    assert!(v.iter().any(|x| x.0 == "41.828" && !x.1), "{v:?}");
}

/// A corpus holds every claim: their size is most of its memory.
#[test]
fn claim_stays_small() {
    let n = std::mem::size_of::<Claim>();
    assert!(n <= 196, "Claim is {n} bytes");
}

/// The packed indices and moments of a claim read back what was put in.
#[test]
fn packed_parts_read_back() {
    for i in [None, Some(0), Some(7), Some(u16::MAX - 1)] {
        assert_eq!(OptIndex::new(i).get(), i);
    }
    let moments = [
        None,
        Some(Moment {
            hour: None,
            minute: None,
            part: None,
            zone: None,
        }),
        Some(Moment {
            hour: Some(0),
            minute: Some(0),
            part: None,
            zone: Some(0),
        }),
        Some(Moment {
            hour: Some(23),
            minute: Some(59),
            part: Some(u8::MAX - 1),
            zone: Some(3),
        }),
        Some(Moment {
            hour: None,
            minute: None,
            part: Some(2),
            zone: None,
        }),
    ];
    for m in moments {
        assert_eq!(PackedMoment::new(m).get(), m);
    }
    let changes = [None, Some(Change::Any), Some(Change::Yearly)];
    let statuses = [
        None,
        Some(Status::Provisional),
        Some(Status::Revised),
        Some(Status::Final),
    ];
    for c in changes {
        for s in statuses {
            let both = ChangeStatus::new(c, s);
            assert_eq!((both.change(), both.status()), (c, s));
        }
    }
}

/// A claim keeps its time's hour, part of the day and zone in a byte each:
/// a meaning file with a clock word past 23 hours, or that names more parts
/// than that byte holds, is refused at load, not read into a value that
/// stands for none.
#[test]
fn tables_past_a_claims_bytes_are_refused() {
    let load = |text: &str| {
        let table: toml::Table = toml::from_str(text).unwrap();
        Meanings::default().add_file("f.toml", text, &table)
    };
    let parts = |n: usize| {
        let mut t = String::from("[time.parts]\n");
        for i in 0..n {
            t.push_str(&format!("w{i} = \"p{i}\"\n"));
        }
        t
    };
    assert!(load("[time.clock_words]\nnoon = 12\n").is_ok());
    let err = load("[time.clock_words]\nnoon = 24\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("clock word `noon` at hour 24"), "{err}");
    assert!(load(&parts(254)).is_ok());
    let err = load(&parts(255)).unwrap_err().to_string();
    assert!(err.contains("more than 254 parts of the day"), "{err}");
}

/// The change read in the figure `figure` of `text`.
fn change_of(
    cfg: &crate::config::Config,
    text: &str,
    lang: &str,
    figure: &str,
) -> Option<crate::claims::Change> {
    let doc = Document::new("d", text, Some(Lang::new(lang)));
    let claims = claims_of(0, &doc, &cfg.lexicon, &cfg.meanings);
    let found = claims
        .iter()
        .find(|c| &text[c.fig.start()..c.fig.end()] == figure)
        .unwrap_or_else(|| panic!("no figure {figure} in {text}"));
    found.change()
}

#[test]
fn a_window_of_time_in_its_clause_makes_a_figure_a_change() {
    let cfg = config();
    // (text, language, figure, whether it is read as a change)
    let cases = [
        ("Le Brésil a enregistré 1.349 morts du coronavirus en 24 heures mercredi.", "fr", "1.349", true),
        ("En 24 heures, le Brésil a enregistré 1.349 morts, ce qui porte le total à 34.021.", "fr", "1.349", true),
        ("En 24 heures, le Brésil a enregistré 1.349 morts, ce qui porte le total à 34.021.", "fr", "34.021", false),
        // The total after the change, in a clause of its own, is a level.
        ("Les Etats-Unis ont enregistré 1.568 décès en 24 heures, ce qui porte le total à 78.746.", "fr", "1.568", true),
        ("Les Etats-Unis ont enregistré 1.568 décès en 24 heures, ce qui porte le total à 78.746.", "fr", "78.746", false),
        // A window in the clause before frames nothing.
        ("L'ARS comptabilisait 2.827 cas confirmés (+234 cas en 24h), 9 décès (+1).", "fr", "9", false),
        // A heading glued to the sentence frames nothing.
        ("- Mille morts en 24 heures -Le Brésil a déjà officiellement enregistré 32.548 morts.", "fr", "32.548", false),
        // A window past another number bounds that one, not the first.
        ("Le Brésil compte 34.021 morts, dont 1.349 en 24 heures.", "fr", "34.021", false),
        // The digits of a name are no other number.
        ("La France a enregistré 54 décès liés au Covid-19 ces dernières 24 heures, portant le total à 29.209.", "fr", "54", true),
        ("Le bilan est de 54 décès liés au Covid-19 à l'hôpital et 3 en 24 heures.", "fr", "54", false),
        ("On compte 10.909 personnes hospitalisées soit 215 de moins en 24 heures.", "fr", "10.909", false),
        ("Brazil recorded 1,349 deaths in the past 24 hours, bringing its toll to 34,021.", "en", "1,349", true),
        ("Brazil recorded 1,349 deaths in the past 24 hours, bringing its toll to 34,021.", "en", "34,021", false),
    ];
    for (text, lang, figure, change) in cases {
        assert_eq!(
            change_of(cfg, text, lang, figure).is_some(),
            change,
            "{figure} in {text}"
        );
    }
}

#[test]
fn a_rate_per_year_is_a_change_that_holds_from_day_to_day() {
    use crate::claims::Change;
    let cfg = config();
    // (text, language, figure, the change read)
    let cases = [
        (
            "Les loyers leur rapportaient environ 55.000 euros par an.",
            "fr",
            "environ 55.000 euros",
            Some(Change::Yearly),
        ),
        (
            "Chaque année, près de 16,5 millions de femmes sont victimes de violences.",
            "fr",
            "près de 16,5 millions",
            Some(Change::Yearly),
        ),
        (
            "The plant employs 4,000 workers and hires 300 people every year.",
            "en",
            "300",
            Some(Change::Yearly),
        ),
        // A day's change stays one, even beside a yearly word.
        (
            "Chaque année, 3.000 nouveaux cas sont détectés.",
            "fr",
            "3.000",
            Some(Change::Any),
        ),
        (
            "Actuellement, 40.000 nouveaux cas sont détectés quotidiennement.",
            "fr",
            "40.000",
            Some(Change::Any),
        ),
        ("Le loyer est de 55.000 euros.", "fr", "55.000 euros", None),
    ];
    for (text, lang, figure, change) in cases {
        assert_eq!(
            change_of(cfg, text, lang, figure),
            change,
            "{figure} in {text}"
        );
    }
}

#[test]
fn a_weekday_after_a_window_of_time_dates_the_change() {
    let cfg = config();
    // (text, figure, the period read), in a document of Thursday 4 June 2020.
    let cases = [
        (
            "Le Brésil a enregistré 1.349 morts du coronavirus en 24 heures mercredi.",
            "1.349",
            "2020-06-03..2020-06-03",
        ),
        (
            "La France compte 605 décès en 24 heures, a annoncé lundi soir le ministère.",
            "605",
            "2020-06-01..2020-06-01",
        ),
        // Without the weekday, the time of writing.
        (
            "Le Brésil a enregistré 1.349 morts du coronavirus en 24 heures.",
            "1.349",
            "2020-06-04..2020-06-04",
        ),
        // A weekday after another count is that count's.
        (
            "Le Brésil a enregistré 1.349 morts en 24 heures et 3.000 cas mercredi.",
            "1.349",
            "2020-06-04..2020-06-04",
        ),
    ];
    for (text, figure, period) in cases {
        let mut doc = Document::new("d", text, Some(Lang::new("fr")));
        doc.source.date = Some("2020-06-04".to_string());
        let v = describe(&doc, cfg);
        let found = v
            .iter()
            .find(|x| x.0 == figure)
            .unwrap_or_else(|| panic!("no figure {figure} in {text}"));
        assert_eq!(found.4, period, "{figure} in {text}");
    }
}

#[test]
fn a_threshold_noun_may_take_one_word_before_its_link() {
    let cfg = config();
    let m = &cfg.meanings;
    let fold = crate::lexicon::fold;
    // (the words right before a figure, whether they make it a threshold)
    let cases = [
        ("le passage imminent de la barre terrible des ", true),
        ("a franchi le seuil des ", true),
        ("a franchi le seuil historique des ", true),
        ("dépasse l'objectif d'", true),
        ("passed the grim milestone of ", true),
        // Two words between: no longer the noun's figure.
        ("la barre des morts du coronavirus de ", false),
        ("le bilan des ", false),
        ("the number of ", false),
    ];
    for (before, threshold) in cases {
        assert_eq!(
            m.threshold_noun_before(&fold(before)),
            threshold,
            "{before}"
        );
    }
}
