//! `.ci/run` finds what cargo built wherever `CARGO_TARGET_DIR` puts it:
//! no path into `target/` is written out.

use std::path::Path;

#[test]
fn ci_script_follows_cargo_target_dir() {
    let script = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run"))
        .expect(".ci/run is read");
    for (i, line) in script.lines().enumerate() {
        let code = line.split('#').next().unwrap_or("");
        let mut rest = code;
        while let Some(k) = rest.find("target/") {
            let before = &rest[..k];
            assert!(
                before.ends_with("${CARGO_TARGET_DIR:-"),
                ".ci/run:{}: a path into target/ that ignores CARGO_TARGET_DIR: {line}",
                i + 1
            );
            rest = &rest[k + "target/".len()..];
        }
        // The binary, when the script runs it, is named through that variable.
        if code.contains("/release/figcheck") || code.contains("/debug/figcheck") {
            assert!(
                code.contains("${CARGO_TARGET_DIR:-target}"),
                ".ci/run:{}: {line}",
                i + 1
            );
        }
    }
}
