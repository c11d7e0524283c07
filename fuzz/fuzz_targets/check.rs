//! The whole `check` pipeline on arbitrary bytes: read as text, Markdown,
//! HTML or JSONL (the first byte chooses, and the language), split into
//! documents, analysed, and rendered in every report format.
#![no_main]

use std::sync::OnceLock;

use figcheck::config::Config;
use figcheck::input::{read_bytes, Format, Lang};
use figcheck::report;
use figcheck::rules::Selection;
use libfuzzer_sys::fuzz_target;

fn config() -> &'static Config {
    static CFG: OnceLock<Config> = OnceLock::new();
    CFG.get_or_init(|| Config::builtin().expect("the built-in rules load"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let format = match sel & 3 {
        0 => Format::Text,
        1 => Format::Markdown,
        2 => Format::Html,
        _ => Format::Jsonl,
    };
    let lang = match (sel >> 2) % 3 {
        0 => None,
        1 => Some(Lang::new("fr")),
        _ => Some(Lang::new("en")),
    };
    // Two documents when the input holds a form feed, so that the rules
    // comparing sources run too.
    let mut docs = Vec::new();
    for (i, part) in rest.splitn(2, |&b| b == 0x0c).enumerate() {
        match read_bytes(&format!("doc{i}"), part, format, lang) {
            Ok(d) => docs.extend(d),
            Err(e) => {
                assert!(e.to_string().starts_with(&format!("doc{i}:")));
                return;
            }
        }
    }
    let cfg = config();
    let (corpus, findings) = figcheck::analyze(docs, cfg, &Selection::default());
    let _ = report::text::check_report(&corpus, &findings, false);
    let _ = report::concise::check_report(&corpus, &findings);
    let _ = report::json::check_report(&corpus, &findings);
    let _ = report::sarif::check_report(&corpus, &findings, cfg);
    let _ = report::github::check_report(&corpus, &findings);
    let _ = report::json::figures_jsonl(&corpus, cfg);
    let _ = report::text::figures_table(&corpus, cfg);
    let _ = report::text::claims_matrix(&corpus, cfg);
    let _ = report::baseline::Baseline::of(&corpus, &findings).to_json();
});
