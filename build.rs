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

    gazetteer(
        &rules.join("places/gazetteer.tsv"),
        &out.join("gazetteer.rs"),
        &out.join("gazetteer_keys.txt"),
    );
}

/// The hash of the gazetteer's tables (FNV-1a, 64 bits): the same at build
/// time and at run time, whatever the machine (see
/// `src/claims/meaning/places.rs`, which has the same function).
fn fnv(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The keys of the gazetteer's tables, each written once into one text:
/// a table refers to a key by its offset and length in that text, so that
/// the tables hold no pointer (a table of `&str` is relocated, page by
/// page, at every start: 3.6 MB of memory and 55,000 relocations).
#[derive(Default)]
struct Keys {
    text: String,
    at: std::collections::HashMap<String, u32>,
}

impl Keys {
    /// `offset, length` of `key` in the text, written as Rust.
    fn span(&mut self, key: &str) -> String {
        assert!(
            key.len() <= u8::MAX as usize,
            "gazetteer key too long: {key}"
        );
        let off = match self.at.get(key) {
            Some(&o) => o,
            None => {
                let o = self.text.len() as u32;
                self.text.push_str(key);
                self.at.insert(key.to_string(), o);
                o
            }
        };
        format!("{off}, {}", key.len())
    }
}

/// An open-addressing table of `entries` (key, value written as Rust),
/// twice as many slots as entries, a power of two, probed in turn from the
/// key's hash; a slot is (offset, length of its key in `keys`, value), and
/// an empty slot has a key of length 0. A key given twice keeps its last
/// value.
fn table(entries: &[(&str, String)], empty: &str, keys: &mut Keys) -> String {
    let mut last: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, (k, _)) in entries.iter().enumerate() {
        last.insert(*k, i);
    }
    let n = last.len().max(1);
    let cap = (2 * n).next_power_of_two();
    let mut slots: Vec<Option<usize>> = vec![None; cap];
    for (i, (k, _)) in entries.iter().enumerate() {
        if last[k] != i {
            continue;
        }
        let mut h = (fnv(k) as usize) & (cap - 1);
        while slots[h].is_some() {
            h = (h + 1) & (cap - 1);
        }
        slots[h] = Some(i);
    }
    let mut src = String::from("&[\n");
    for s in &slots {
        match s {
            Some(i) => writeln!(
                src,
                "    ({}, {}),",
                keys.span(entries[*i].0),
                entries[*i].1
            )
            .unwrap(),
            None => writeln!(src, "    (0, 0, {empty}),").unwrap(),
        }
    }
    src.push(']');
    src
}

/// Indexes the gazetteer (`rules/places/gazetteer.tsv`) into static tables:
/// its places in order (row id, kind, the place each lies within) and
/// tables of its names, of the first word of its names, and of its row
/// ids. `P` rows are places (id, kind, parent id), `N` rows names (key,
/// place, common flag); other lines are comments.
fn gazetteer(tsv: &Path, out: &Path, keys_out: &Path) {
    println!("cargo:rerun-if-changed={}", tsv.display());
    let text = std::fs::read_to_string(tsv).unwrap();
    let mut rows: Vec<(&str, &str, &str)> = Vec::new();
    // The English and French names of each region, by place number.
    let mut region_names: Vec<(usize, &str)> = Vec::new();
    let mut names: Vec<(&str, String)> = Vec::new();
    let mut firsts: Vec<(&str, u8)> = Vec::new();
    let mut first_at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut f = line.split('\t');
        match f.next() {
            Some("P") => {
                let id = f.next().unwrap_or("");
                let kind = f.next().unwrap_or("");
                let parent = f.next().unwrap_or("");
                if kind == "region" {
                    let _code = f.next();
                    for name in f.take(2).filter(|n| !n.is_empty()) {
                        region_names.push((rows.len(), name));
                    }
                }
                rows.push((id, kind, parent));
            }
            Some("N") => {
                let key = f.next().unwrap_or("");
                let place: u16 = f.next().and_then(|x| x.parse().ok()).unwrap_or(0);
                let common = f.next() == Some("1");
                let words = key.bytes().filter(|&b| b == b' ').count() + 1;
                let len = words.min(u8::MAX as usize) as u8;
                let first_word = &key[..key.find(' ').unwrap_or(key.len())];
                match first_at.get(first_word) {
                    Some(&i) => firsts[i].1 = firsts[i].1.max(len),
                    None => {
                        first_at.insert(first_word, firsts.len());
                        firsts.push((first_word, len));
                    }
                }
                names.push((key, format!("{place}, {common}")));
            }
            _ => {}
        }
    }
    let mut by_id: std::collections::HashMap<&str, u16> = std::collections::HashMap::new();
    for (i, (id, _, _)) in rows.iter().enumerate() {
        by_id.insert(*id, i as u16);
    }
    let ids: Vec<(&str, String)> = rows
        .iter()
        .enumerate()
        .map(|(i, (id, _, _))| (*id, i.to_string()))
        .collect();
    let firsts: Vec<(&str, String)> = firsts.iter().map(|(k, n)| (*k, n.to_string())).collect();
    let mut keys = Keys::default();
    let mut src = String::new();
    src.push_str(
        "/// The places in order: row id (offset and length in `KEYS`), kind (1 city, 2\n",
    );
    src.push_str("/// country, 3 continent, 0 other) and the place it lies within.\n");
    src.push_str("pub(crate) static ROWS: &[(u32, u8, u8, Option<u16>)] = &[\n");
    for (id, kind, parent) in &rows {
        let k = match *kind {
            "city" => 1,
            "country" => 2,
            "continent" => 3,
            _ => 0,
        };
        writeln!(
            src,
            "    ({}, {k}, {:?}),",
            keys.span(id),
            by_id.get(parent)
        )
        .unwrap();
    }
    src.push_str("];\n");
    writeln!(
        src,
        "/// Row id → place.\npub(crate) static IDS: &[(u32, u8, u16)] = {};",
        table(&ids, "0", &mut keys)
    )
    .unwrap();
    writeln!(
        src,
        "/// Name key → place and common flag.\npub(crate) static NAMES: &[(u32, u8, u16, bool)] = {};",
        table(&names, "0, false", &mut keys)
    )
    .unwrap();
    writeln!(
        src,
        "/// First word of a name key → the most words of a key starting with it.\npub(crate) static FIRSTS: &[(u32, u8, u8)] = {};",
        table(&firsts, "0", &mut keys)
    )
    .unwrap();
    src.push_str(
        "/// The regions' English and French names, with their place.\npub(crate) static REGION_NAMES: &[(u16, &str)] = &[\n",
    );
    for (place, name) in &region_names {
        writeln!(src, "    ({place}, {name:?}),").unwrap();
    }
    src.push_str("];\n");
    src.push_str(
        "/// The keys of the tables, one after the other.\npub(crate) static KEYS: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/gazetteer_keys.txt\"));\n",
    );
    std::fs::write(keys_out, &keys.text).unwrap();
    std::fs::write(out, src).unwrap();
}
