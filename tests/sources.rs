//! Comparing sources from the command line: stories decided from the
//! documents' words, the fact-checker's table of `claims`, and `--explain`.

mod common;

use common::{figcheck_in, Scratch};

fn write(dir: &Scratch, name: &str, date: &str, body: &str) {
    std::fs::write(dir.join(name), format!("---\ndate: {date}\n---\n{body}\n")).unwrap();
}

/// `figcheck claims --explain A B FILES…` in `dir`, which must succeed:
/// what it prints.
fn explain(dir: &Scratch, a: &str, b: &str, files: &[&str]) -> String {
    let mut args = vec!["claims", "--explain", a, b];
    args.extend_from_slice(files);
    let out = figcheck_in(dir, &args, b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

/// An English release on the Derna floods, `release.md`, whose toll of
/// 1,200 stands at line 4, column 28.
fn derna_release(dir: &Scratch) {
    write(
        dir,
        "release.md",
        "2023-09-13",
        "The floods in Derna killed 1,200 people in Libya on 12 September 2023, said Othman Abdul \
         Jaleel, the health minister.",
    );
}

#[test]
fn unrelated_articles_of_one_day_give_no_conflict() {
    let dir = Scratch::new("unrelated");
    write(
        &dir,
        "fire.md",
        "2024-03-03",
        "Un incendie dans un immeuble de la rue Myrha, à Paris, a fait cinq morts le 3 mars 2024, \
         selon les pompiers.",
    );
    write(
        &dir,
        "shooting.md",
        "2024-03-03",
        "Une fusillade a fait deux morts à Paris le 3 mars 2024, près de la gare du Nord, selon la \
         préfecture de police.",
    );
    let out = figcheck_in(&dir, &["check", "fire.md", "shooting.md"], b"");
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(!out.stdout.contains("FC201"), "{}", out.stdout);
    // And the table says why the two tolls were not compared.
    let out = explain(
        &dir,
        "fire.md:4:63",
        "shooting.md:4:22",
        &["fire.md", "shooting.md"],
    );
    assert!(
        out.contains("FC201: not compared: the documents tell no one story"),
        "{out}"
    );
}

/// The Derna toll in an English release and a French article: printed
/// the same day, two values of one toll are a conflict; printed a day
/// apart, both after the floods and neither saying when it was counted,
/// they may be the toll as it ran, and are told as information.
#[test]
fn one_story_in_two_languages_is_compared() {
    let dir = Scratch::new("libya");
    derna_release(&dir);
    let article = "Les inondations de Derna ont fait 1 800 morts en Libye le 12 septembre 2023, \
                   a déclaré Othman Abdul Jaleel, ministre de la Santé.";
    write(&dir, "article.md", "2023-09-13", article);
    let out = figcheck_in(
        &dir,
        &["check", "--format", "concise", "release.md", "article.md"],
        b"",
    );
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("FC201 `1,200` (deaths) in release.md conflicts with `1 800` in article.md"),
        "{}",
        out.stdout
    );
    write(&dir, "article.md", "2023-09-14", article);
    let out = figcheck_in(
        &dir,
        &["check", "--format", "json", "release.md", "article.md"],
        b"",
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let found = v["findings"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{}", out.stdout);
    assert_eq!(found[0]["code"], "FC201");
    assert_eq!(found[0]["severity"], "info");
    assert_eq!(cited(&found[0]), ["release.md 1,200", "article.md 1 800"]);
    assert!(
        found[0]["message"].as_str().unwrap().contains(
            "published 2023-09-13, differs from `1 800` in article.md, published 2023-09-14"
        ),
        "{}",
        out.stdout
    );
    // One quantity in the table, both sources side by side.
    let out = figcheck_in(&dir, &["claims", "release.md", "article.md"], b"");
    let text = out.stdout;
    let head = text.lines().next().unwrap();
    assert!(
        head.contains("PUBLISHED") && head.contains("VALUE"),
        "{text}"
    );
    let group = text
        .split("\n\n")
        .find(|g| g.contains("release.md") && g.contains("article.md"))
        .unwrap_or_else(|| panic!("no quantity holds both sources:\n{text}"));
    assert!(
        group
            .lines()
            .any(|l| l.starts_with("deaths · libya · ") && l.ends_with(" · 2 documents")),
        "{group}"
    );
    let out = explain(
        &dir,
        "release.md:4:28",
        "article.md:4:35",
        &["release.md", "article.md"],
    );
    assert!(
        out.contains("FC201: compared: the values disagree: reported as information: tolls of one event printed on different days"),
        "{out}"
    );
    let out = figcheck_in(
        &dir,
        &["claims", "--format", "json", "release.md", "article.md"],
        b"",
    );
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let q = &v["quantities"][0];
    assert_eq!(q["key"], "deaths");
    assert_eq!(q["documents"], 2);
}

/// `--explain` says what came of a pair the rules compared: a conflict
/// left unreported because the second document also prints the first's
/// value, and the second document's own contradiction, which FC301
/// reports at the line of the file where its figure stands.
#[test]
fn explain_tells_what_came_of_a_compared_pair() {
    let dir = Scratch::new("explain-outcome");
    derna_release(&dir);
    write(
        &dir,
        "article.md",
        "2023-09-14",
        "Les inondations de Derna ont fait 1 800 morts en Libye le 12 septembre 2023, a déclaré \
         Othman Abdul Jaleel, ministre de la Santé.\nLe ministre a plus tard parlé de 1 200 morts \
         en Libye le 12 septembre 2023.",
    );
    let files = ["release.md", "article.md"];
    let out = explain(&dir, "release.md:4:28", "article.md:4:35", &files);
    assert!(
        out.contains(
            "FC201: compared: the values disagree: not reported: one document also prints"
        ),
        "{out}"
    );
    assert!(
        out.contains("FC301: not compared: the two stand in different documents"),
        "{out}"
    );
    let out = explain(&dir, "article.md:4:35", "article.md:5:34", &files);
    assert!(
        out.contains("FC201: not compared: both stand in one document"),
        "{out}"
    );
    assert!(
        out.contains("FC301: compared: the values disagree (reported)"),
        "{out}"
    );
    let out = figcheck_in(
        &dir,
        &["check", "--format", "concise", "release.md", "article.md"],
        b"",
    );
    assert!(
        out.stdout.contains("article.md:5:34: FC301 `1 200` (deaths, in libya) contradicts `1 800` stated on line 4"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("FC201"), "{}", out.stdout);
}

#[test]
fn explain_names_a_missing_figure() {
    let dir = Scratch::new("explain-missing");
    write(&dir, "a.md", "2024-01-01", "Rien.");
    let out = figcheck_in(
        &dir,
        &["claims", "--explain", "a.md:1:1", "a.md:9:9", "a.md"],
        b"",
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("a.md:1:1"), "{}", out.stderr);
}

/// Every article of one day (`fixtures/newsroom/`, 132 real articles on
/// unrelated stories, some reprinted with edits): the one figure that
/// differs between printings is reported once, citing every printing, and no
/// cross-source error stands between unrelated stories.
#[test]
fn a_newsroom_day_reports_its_real_disagreement_and_nothing_else() {
    let findings = findings_of("fixtures/newsroom/2020-07-02.jsonl");
    let across: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("FC2"))
        .collect();
    let mut pairs: Vec<(String, Vec<String>)> = across
        .iter()
        .map(|f| (f["code"].as_str().unwrap().to_string(), cited(f)))
        .collect();
    pairs.sort();
    // The two printings of the one value against the other value's: one
    // finding, each printing cited.
    let printings = vec![
        "orangesum-52 290.000 euros".to_string(),
        "orangesum-150 290.000 euros".to_string(),
        "orangesum-238 157.000 euros".to_string(),
    ];
    assert_eq!(
        pairs,
        vec![("FC204".to_string(), printings)],
        "{findings:?}"
    );
}

/// `--explain` follows two printings through the reprint rule: the
/// figure that differs was compared and reported, the one printed alike
/// was compared and found equal.
#[test]
fn explain_follows_two_printings_through_the_reprint_rule() {
    let explain = |a: &str, b: &str| {
        let out = common::figcheck(&[
            "claims",
            "--input",
            "jsonl",
            "--explain",
            a,
            b,
            "fixtures/newsroom/2020-07-02.jsonl",
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
    };
    let out = explain("orangesum-52:1:293", "orangesum-238:1:235");
    assert!(
        out.contains("FC204: compared and reported: `290.000 euros` in orangesum-52 is `157.000 euros` in orangesum-238"),
        "{out}"
    );
    let out = explain("orangesum-52:1:276", "orangesum-238:1:218");
    assert!(
        out.contains("FC204: compared: the two figures, at the same place of their words, state the same value"),
        "{out}"
    );
}

/// The same sentence with another number in two files: undated, they may
/// be sister texts written from one template, and `--explain` says how to
/// have them compared; dated, they are two printings and FC204 reports
/// the figure that differs.
#[test]
fn the_same_sentence_in_two_files_with_another_number() {
    let dir = Scratch::new("two-printings");
    let sentence = |n: &str| {
        format!("Selon le ministère de l'Intérieur, {n} personnes ont manifesté samedi dans toute la France.\n")
    };
    std::fs::write(dir.join("a.txt"), sentence("287 710")).unwrap();
    std::fs::write(dir.join("b.txt"), sentence("282 710")).unwrap();
    let out = figcheck_in(
        &dir,
        &["check", "--format", "concise", "a.txt", "b.txt"],
        b"",
    );
    assert!(!out.stdout.contains("FC204"), "{}", out.stdout);
    let out = explain(&dir, "a.txt:1:36", "b.txt:1:36", &["a.txt", "b.txt"]);
    assert!(
        out.contains("FC204: not compared: undated documents")
            && out.contains("give the documents' publication dates"),
        "{out}"
    );
    write(&dir, "a.md", "2018-11-18", &sentence("287 710"));
    write(&dir, "b.md", "2018-11-18", &sentence("282 710"));
    let out = figcheck_in(&dir, &["check", "--format", "concise", "a.md", "b.md"], b"");
    assert!(
        out.stdout.contains(
            "a.md:4:36: FC204 `287 710` in a.md is `282 710` in b.md, at the same place of the same sentence"
        ),
        "{}",
        out.stdout
    );
}

/// Five articles on one day of protests and the next two days, with the
/// figures the Interior ministry gave over time: 124 000 at midday, 282 710
/// in the evening, revised to 287 710 the next morning. A copy printed two
/// days later with the superseded evening count is stale, one printed the
/// day of the revision was replaced by it; the other counts are a running
/// tally and sources that agree.
#[test]
fn a_movement_folder_gives_its_revision_and_the_stale_copy() {
    let dir = Scratch::new("movement");
    let files = [
        ("a.md", "2018-11-17", "Gilets jaunes : à la mi-journée, le ministère de l'Intérieur comptait 124 000 manifestants dans toute la France, répartis sur 2 034 rassemblements. Une manifestante a été tuée en Savoie."),
        ("b.md", "2018-11-17", "Mobilisation des gilets jaunes : selon le ministère de l'Intérieur, 244 000 personnes ont participé samedi à 17 h aux blocages dans toute la France. Une manifestante a été tuée en Savoie."),
        ("c.md", "2018-11-18", "Gilets jaunes : le ministère de l'Intérieur a revu à la hausse son bilan, 287 710 manifestants samedi dans toute la France, contre 282 710 annoncés samedi soir. Une manifestante a été tuée en Savoie."),
        ("d.md", "2018-11-18", "Gilets jaunes : samedi, 282 710 personnes ont manifesté dans toute la France selon le ministère de l'Intérieur. Une manifestante a été tuée en Savoie, et 409 personnes ont été blessées."),
        ("e.md", "2018-11-18", "Les gilets jaunes ont rassemblé 282 000 personnes samedi dans toute la France, selon le ministère de l'Intérieur. Une manifestante a été tuée en Savoie."),
        ("f.md", "2018-11-19", "Gilets jaunes : samedi, 282 710 manifestants ont été recensés dans toute la France selon le ministère de l'Intérieur. Une manifestante a été tuée en Savoie."),
    ];
    for (name, date, body) in files {
        write(&dir, name, date, body);
    }
    let names: Vec<&str> = files.iter().map(|f| f.0).collect();
    let mut args = vec!["check", "--format", "jsonl", "--fail-on", "never"];
    args.extend_from_slice(&names);
    let out = figcheck_in(&dir, &args, b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let findings: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // No conflict: the midday count and the 17 h count are other moments,
    // the revision is no second source. The evening count printed the day
    // of the revision is told, as information, to have been replaced.
    let revised: Vec<&serde_json::Value> =
        findings.iter().filter(|f| f["code"] == "FC201").collect();
    assert_eq!(revised.len(), 1, "{}", out.stdout);
    assert_eq!(revised[0]["severity"], "info", "{}", out.stdout);
    assert_eq!(revised[0]["doc"], "d.md", "{}", out.stdout);
    let message = revised[0]["message"].as_str().unwrap();
    assert!(
        message.contains("`282 710`") && message.contains("revised count `287 710` in c.md"),
        "{message}"
    );
    // The copy printed after the revision, and only it, is stale.
    let stale: Vec<&serde_json::Value> = findings.iter().filter(|f| f["code"] == "FC205").collect();
    assert_eq!(stale.len(), 1, "{}", out.stdout);
    assert_eq!(stale[0]["doc"], "f.md", "{}", out.stdout);
    assert_eq!(stale[0]["text"], "282 710");
    let message = stale[0]["message"].as_str().unwrap();
    assert!(
        message.contains("`287 710`") && message.contains("c.md"),
        "{message}"
    );
    // "282 710 personnes ont manifesté" counts protesters, as "282 710
    // manifestants" does: the evening count is one quantity in three texts.
    let mut args = vec!["claims", "--format", "json"];
    args.extend_from_slice(&names);
    let out = figcheck_in(&dir, &args, b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let table: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let protesters = table["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["key"] == "protesters" && q["places"][0] == "france")
        .expect("a protesters · france quantity");
    let rows: Vec<(String, String, String)> = protesters["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["doc"].as_str().unwrap().to_string(),
                c["text"].as_str().unwrap().to_string(),
                c["status"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    // A timeline: the midday count, the evening's (stated in c.md, printed
    // the next day), the next day's printing, the revision, the stale copy.
    let want = [
        ("a.md", "124 000", "-"),
        ("c.md", "282 710", "-"),
        ("d.md", "282 710", "-"),
        ("c.md", "287 710", "revised"),
        ("f.md", "282 710", "-"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(rows, want, "{}", out.stdout);
}

/// The claims a finding cites, as "doc text".
fn cited(f: &serde_json::Value) -> Vec<String> {
    f["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c["doc"].as_str().unwrap(),
                c["text"].as_str().unwrap()
            )
        })
        .collect()
}

/// The findings of `check` on a JSONL file, which must succeed.
fn findings_of(path: &str) -> Vec<serde_json::Value> {
    let out = common::figcheck(&[
        "check",
        "--input",
        "jsonl",
        "--format",
        "jsonl",
        "--fail-on",
        "never",
        path,
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The loud cross-source findings of `check` on a JSONL fixture, as "CODE
/// doc text, doc text" lines.
fn loud_across(path: &str) -> Vec<String> {
    findings_of(path)
        .into_iter()
        .filter(|f| f["severity"] == "error" || f["severity"] == "warning")
        .map(|f| format!("{} {}", f["code"].as_str().unwrap(), cited(&f).join(", ")))
        .collect()
}

/// Two articles state the road tolls of 2019 in one sentence each, in their
/// own words (`fixtures/road_deaths/`): agreeing on the mainland's toll says
/// nothing of the overseas toll beside it, so a changed overseas toll
/// conflicts; as printed, nothing does.
#[test]
fn items_of_one_statement_are_compared_one_by_one() {
    assert_eq!(
        loud_across("fixtures/road_deaths/printed.jsonl"),
        Vec::<String>::new()
    );
    assert_eq!(
        loud_across("fixtures/road_deaths/changed.jsonl"),
        vec!["FC201 orangesum-7992 254, orangesum-8070 381".to_string()]
    );
}

/// A document that prints the other's value itself, for the same place, does
/// not contradict it there: of two statements of the same tolls, the one
/// that differs is reported, not a toll of one against another toll of the
/// other ("254" against "3.244", when the two "3 244" were read with other
/// statuses and not compared).
#[test]
fn a_conflict_pairs_the_items_that_differ() {
    let dir = Scratch::new("items");
    let a = r#"{"id": "a", "lang": "fr", "date": "2020-06-02", "text": "En 2019, la très légère baisse de la mortalité sur les routes de France métropolitaine (3 244 morts, -0,1 %) a été compensée par la hausse des décès en Outre-mer (254 morts, + 5,8 %), d'après le bilan définitif."}"#;
    let b = r#"{"id": "b", "lang": "fr", "date": "2020-06-02", "text": "La mortalité routière a très légèrement reculé en France métropolitaine en 2019 (3.244 morts, -0,1%), mais les décès ont augmenté dans les territoires d'Outre-mer (381 morts, +5,8%), selon le bilan définitif."}"#;
    std::fs::write(dir.join("tolls.jsonl"), format!("{a}\n{b}\n")).unwrap();
    let path = dir.join("tolls.jsonl");
    assert_eq!(
        loud_across(path.to_str().unwrap()),
        vec!["FC201 a 254, b 381".to_string()]
    );
}

/// A threshold counts nothing: the table of `claims` leaves it out of the
/// quantity it names, whose counts it lists.
#[test]
fn the_claims_table_keeps_thresholds_out_of_counts() {
    let dir = Scratch::new("threshold");
    write(
        &dir,
        "a.md",
        "2020-05-20",
        "Le Brésil a franchi la barre symbolique des 20.000 morts du coronavirus, selon le \
         ministère de la Santé. Le Brésil compte 18.859 morts, a indiqué le ministère mardi soir.",
    );
    let out = figcheck_in(&dir, &["claims", "a.md"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\"18.859\""), "{}", out.stdout);
    assert!(!out.stdout.contains("\"20.000\""), "{}", out.stdout);
}

/// Two undated files that print one sentence with different figures are
/// not compared (sister articles written from one template differ on
/// purpose); the readable report says why after its summary, and how to
/// have them compared. The machine formats stay quiet, and dated files
/// get no note.
#[test]
fn undated_files_are_told_why_they_were_not_compared() {
    let dir = Scratch::new("undated");
    let body = |n: &str| {
        format!("Le séisme survenu mardi en Turquie a fait {n} morts, selon le ministère de l'Intérieur turc.\n")
    };
    std::fs::write(dir.join("a.txt"), body("120")).unwrap();
    std::fs::write(dir.join("b.txt"), body("150")).unwrap();
    let out = figcheck_in(&dir, &["check", "a.txt", "b.txt"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("note: 2 of 2 documents have no publication date")
            && out.stderr.contains("figcheck claims --explain"),
        "{}",
        out.stderr
    );
    let out = figcheck_in(
        &dir,
        &["check", "--format", "concise", "a.txt", "b.txt"],
        b"",
    );
    assert_eq!(out.stderr, "", "{}", out.stderr);
    // One file: nothing to compare it with.
    let out = figcheck_in(&dir, &["check", "a.txt"], b"");
    assert_eq!(out.stderr, "", "{}", out.stderr);
    // Dated, they are printings of one sentence, and compared.
    write(&dir, "a.md", "2023-02-07", &body("120"));
    write(&dir, "b.md", "2023-02-07", &body("150"));
    let out = figcheck_in(&dir, &["check", "--format", "concise", "a.md", "b.md"], b"");
    assert_eq!(out.stderr, "", "{}", out.stderr);
    assert!(out.stdout.contains("FC204"), "{}", out.stdout);
    let out = figcheck_in(&dir, &["check", "a.md", "b.md"], b"");
    assert!(!out.stderr.contains("note:"), "{}", out.stderr);
}
