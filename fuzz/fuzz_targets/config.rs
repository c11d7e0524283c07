//! Rule and lexicon TOML loading: arbitrary user files on top of the
//! built-in ones must load or give a located error, never panic. Input
//! bytes are split on NUL into up to four files.
#![no_main]

use figcheck::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let files: Vec<(String, String)> = data
        .split(|&b| b == 0)
        .take(4)
        .enumerate()
        .map(|(i, b)| {
            (
                format!("fuzz/{i}.toml"),
                String::from_utf8_lossy(b).into_owned(),
            )
        })
        .collect();
    if let Err(e) = Config::with_files(files) {
        let msg = e.to_string();
        assert!(msg.starts_with("fuzz/"), "error without a file: {msg}");
    }
});
