//! The whole `check` pipeline on arbitrary bytes: read as text, Markdown,
//! HTML or JSONL (the first byte chooses, and the language), split into
//! documents, analysed, and rendered in every report format.
#![no_main]

use std::sync::OnceLock;

use figcheck::config::Config;
use figcheck::input::{read_bytes, Format, Lang};
use figcheck::report::{self, Formats, Reporter};
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
    let run = report::Checked {
        corpus: &corpus,
        findings: &findings,
        cfg,
    };
    for &(_, format, _) in report::Format::ALL {
        let _ = format.reporter(report::Options::default()).render(&run);
    }
    let figures = report::Figures {
        corpus: &corpus,
        cfg,
    };
    for &(_, format, _) in report::FigureFormat::ALL {
        let _ = format.reporter().render(&figures);
    }
    let _ = report::ClaimsMatrix.render(&figures);
    let _ = report::Baseline::of(&corpus, &findings).to_json();
});
