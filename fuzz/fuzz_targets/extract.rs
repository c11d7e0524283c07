//! The extractor on arbitrary UTF-8 text, in French, English and an
//! unknown language: it must not panic, and every span must lie inside the
//! text, on character boundaries.
#![no_main]

use std::sync::OnceLock;

use figcheck::config::Config;
use figcheck::extract::extract;
use figcheck::input::Lang;
use libfuzzer_sys::fuzz_target;

fn config() -> &'static Config {
    static CFG: OnceLock<Config> = OnceLock::new();
    CFG.get_or_init(|| Config::builtin().expect("the built-in rules load"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let lang = match sel % 3 {
        0 => Lang::new("fr"),
        1 => Lang::new("en"),
        _ => Lang::Unknown,
    };
    let figures = extract(text, lang, &config().lexicon);
    for f in &figures {
        assert!(f.start() <= f.end() && f.end() <= text.len(), "span out of text");
        assert!(f.num_start() <= f.num_end() && f.num_end() <= text.len());
        for o in [f.start(), f.end(), f.num_start(), f.num_end()] {
            assert!(text.is_char_boundary(o), "offset {o} inside a character");
        }
    }
});
