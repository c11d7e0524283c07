//! Embeds the data of `rules/`: every `.toml` file under it, in a fixed
//! order so that the binary and its output are deterministic (see
//! [`load_order`]), and the list
//! of languages figcheck has data for (the folders of `rules/lang/`), with
//! the top-level keys of each file.
//! Adding a file or a language folder needs no change to the Rust code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            toml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

/// The order files load in: the shared definitions (qualifiers, units,
/// meaning ids and their properties) first, then each language's folder,
/// whose words refer to those definitions, then the rules; by name within
/// each layer.
fn load_order(name: &str) -> (u8, &str) {
    let layer = if name.starts_with("rules/lang/") {
        1
    } else if name.starts_with("rules/checks/") {
        2
    } else {
        0
    };
    (layer, name)
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    toml_files(&rules, &mut files);
    let mut names: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (name, p)
        })
        .collect();
    names.sort_by(|a, b| load_order(&a.0).cmp(&load_order(&b.0)));
    let mut src = String::from("&[\n");
    for (name, path) in &names {
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            src,
            "    ({name:?}, include_str!({:?})),",
            path.to_string_lossy()
        )
        .unwrap();
    }
    src.push_str("]\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("builtin_files.rs"), src).unwrap();

    // The top-level keys of each file, in the same order: the loader
    // chooses a file's reader by them, and reading them here spares a
    // parse of every built-in file at each start. A file that does not
    // parse gets `None`, and is parsed (and its error reported) at run
    // time.
    let mut keys = String::from("&[\n");
    for (_, path) in &names {
        let text = std::fs::read_to_string(path).unwrap();
        match text.parse::<toml::Table>() {
            Ok(t) => {
                let k: Vec<&String> = t.keys().collect();
                writeln!(keys, "    Some(&{k:?}),").unwrap();
            }
            Err(_) => keys.push_str("    None,\n"),
        }
    }
    keys.push_str("]\n");
    std::fs::write(out.join("builtin_keys.rs"), keys).unwrap();

    // A language is a folder of `rules/lang/` named by its ISO 639 code.
    let mut codes: Vec<String> = std::fs::read_dir(rules.join("lang"))
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    codes.sort();
    for c in &codes {
        let ok = (2..=3).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_lowercase());
        assert!(ok, "rules/lang/{c}: a language folder is named by its ISO 639 code (2 or 3 lowercase letters)");
    }
    std::fs::write(out.join("languages.rs"), format!("&{codes:?}\n")).unwrap();
}
