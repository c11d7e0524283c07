//! The stages of `src/` form layers: no top-level module uses another that
//! uses it back, directly or through others. The dependencies are read from
//! the `crate::MODULE` paths of each module's non-test source.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The source files of a top-level module: `src/NAME.rs` or `src/NAME/**`.
fn module_files(src: &Path) -> BTreeMap<String, Vec<PathBuf>> {
    let mut out: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for e in std::fs::read_dir(src).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            while let Some(d) = stack.pop() {
                for e in std::fs::read_dir(d).unwrap() {
                    let f = e.unwrap().path();
                    if f.is_dir() {
                        stack.push(f);
                    } else if f.extension().is_some_and(|x| x == "rs") {
                        out.entry(name.clone()).or_default().push(f);
                    }
                }
            }
        } else if p.extension().is_some_and(|x| x == "rs") && name != "lib" && name != "main" {
            out.entry(name).or_default().push(p);
        }
    }
    out
}

/// The source without its `#[cfg(test)]` modules and test files: files
/// named `tests.rs` or `*_tests.rs`, files that open with `#![cfg(test)]`
/// and files whose module is declared under `#[cfg(test)]` (such as the
/// shared test helpers of `src/testing.rs`).
fn non_test(path: &Path, text: &str) -> String {
    let name = path.file_name().unwrap().to_string_lossy();
    if name == "tests.rs"
        || name.ends_with("_tests.rs")
        || opens_with_cfg_test(text)
        || declared_for_tests(path)
    {
        return String::new();
    }
    // `#[cfg(test)] mod NAME;` drops that declaration only (its file is
    // skipped on its own); `#[cfg(test)] mod NAME { ... }` ends the code.
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]" {
            match lines.next().map(str::trim) {
                Some(next) if next.contains("mod ") && next.ends_with(';') => continue,
                _ => break,
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// True when the first line that is not a comment is `#![cfg(test)]`.
fn opens_with_cfg_test(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//"))
        .is_some_and(|l| l == "#![cfg(test)]")
}

/// True when the parent module declares the module of `path` (`mod NAME;`,
/// with any visibility) right under `#[cfg(test)]`.
fn declared_for_tests(path: &Path) -> bool {
    let (name, dir) = if path.file_name().is_some_and(|n| n == "mod.rs") {
        let dir = path.parent().unwrap();
        (dir.file_name().unwrap(), dir.parent().unwrap())
    } else {
        (path.file_stem().unwrap(), path.parent().unwrap())
    };
    let name = name.to_string_lossy();
    let parents = [
        dir.join("lib.rs"),
        dir.join("main.rs"),
        dir.join("mod.rs"),
        dir.with_extension("rs"),
    ];
    parents.iter().filter(|p| p.as_path() != path).any(|p| {
        let Ok(text) = std::fs::read_to_string(p) else {
            return false;
        };
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let decl = format!("mod {name};");
        lines.windows(2).any(|w| {
            w[0] == "#[cfg(test)]"
                && w[1]
                    .strip_suffix(decl.as_str())
                    .is_some_and(|vis| vis.is_empty() || vis.starts_with("pub"))
        })
    })
}

fn dependencies() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = module_files(&src);
    let mut deps = BTreeMap::new();
    for (m, files) in &modules {
        let mut used = BTreeSet::new();
        for f in files {
            let text = non_test(f, &std::fs::read_to_string(f).unwrap());
            for (i, _) in text.match_indices("crate::") {
                let rest = &text[i + "crate::".len()..];
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                let target = &rest[..end];
                if target != m && modules.contains_key(target) {
                    used.insert(target.to_string());
                }
            }
            // Paths through the root (`crate::analyze`) count as a use of
            // the whole pipeline.
            for root_fn in ["crate::analyze", "crate::build_corpus"] {
                if text.contains(root_fn) {
                    used.insert("(root)".to_string());
                }
            }
        }
        deps.insert(m.clone(), used);
    }
    deps
}

#[test]
fn no_cycle_between_top_level_modules() {
    let deps = dependencies();
    // Depth-first search for a path back to the start.
    for start in deps.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((m, path)) = stack.pop() {
            for d in deps.get(&m).into_iter().flatten() {
                if d == start {
                    panic!("cycle: {} -> {}", path.join(" -> "), start);
                }
                if seen.insert(d.clone()) {
                    let mut p = path.clone();
                    p.push(d.clone());
                    stack.push((d.clone(), p));
                }
            }
        }
    }
}

#[test]
fn no_stage_runs_the_whole_pipeline() {
    for (m, used) in dependencies() {
        assert!(
            !used.contains("(root)"),
            "module `{m}` calls the pipeline of the crate root; pass it what it needs instead"
        );
    }
}

#[test]
fn the_model_depends_on_no_stage() {
    let deps = dependencies();
    assert_eq!(deps.get("model"), Some(&BTreeSet::new()));
}

#[test]
fn the_data_layers_depend_only_on_the_model() {
    let deps = dependencies();
    assert_eq!(deps.get("error"), Some(&BTreeSet::new()));
    let allowed: BTreeSet<String> = ["model", "error"].map(String::from).into();
    let lexicon = deps.get("lexicon").unwrap();
    assert!(lexicon.is_subset(&allowed), "lexicon uses {lexicon:?}");
}

#[test]
fn test_only_sources_are_skipped() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let read = |p: &Path| non_test(p, &std::fs::read_to_string(p).unwrap());
    // The shared test helpers run the whole pipeline; they are declared
    // under `#[cfg(test)]` and so are not part of any layer.
    let testing = src.join("testing.rs");
    assert!(std::fs::read_to_string(&testing)
        .unwrap()
        .contains("crate::analyze"));
    assert!(declared_for_tests(&testing));
    assert_eq!(read(&testing), "");
    assert_eq!(read(&src.join("claims/tests.rs")), "");
    // A test module declared in a file (`#[cfg(test)] mod rule_tests;`)
    // hides none of the code after it.
    let rules = read(&src.join("rules/mod.rs"));
    assert!(!rules.contains("mod rule_tests"));
    assert!(rules.contains("crate::lexicon"));
    assert!(opens_with_cfg_test(
        "//! Helpers.\n\n#![cfg(test)]\nuse crate::analyze;\n"
    ));
    // Stage code is read up to its test module.
    let config = read(&src.join("config.rs"));
    assert!(config.contains("crate::lexicon") && !config.contains("#[cfg(test)]"));
    assert!(!declared_for_tests(&src.join("config.rs")));
    assert!(!opens_with_cfg_test(
        &std::fs::read_to_string(src.join("config.rs")).unwrap()
    ));
}
