//! Snapshot gating: compare a deterministic report with a file kept in the
//! repository, as insta does for tests. Files are written atomically.

use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use anyhow::{Context, Result};
use similar::TextDiff;

/// What comparing a report with its snapshot file came to.
#[derive(Debug)]
pub enum Outcome {
    /// The file holds the report.
    Same,
    /// The file was missing and has been written.
    Written,
    /// The file was rewritten (`--update-snapshot`).
    Updated,
    /// The file differs: the unified diff from the file to the report.
    Differs(String),
    /// The file is missing and `CI` is set: a failure, nothing written.
    MissingInCi,
}

/// True when the `CI` environment variable says this is a CI run (set and
/// not empty, `0` or `false`), as insta reads it.
pub fn is_ci() -> bool {
    match std::env::var("CI") {
        Ok(v) => !matches!(v.trim().to_ascii_lowercase().as_str(), "" | "0" | "false"),
        Err(_) => false,
    }
}

/// Compares `report` with the snapshot `file`, writing it when missing
/// (outside CI) or when `update` is set.
pub fn compare(file: &Path, report: &str, update: bool) -> Result<Outcome> {
    if update {
        write_atomic(file, report)?;
        return Ok(Outcome::Updated);
    }
    let old = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if is_ci() {
                return Ok(Outcome::MissingInCi);
            }
            write_atomic(file, report)?;
            return Ok(Outcome::Written);
        }
        Err(e) => return Err(e).with_context(|| format!("{}: cannot read", file.display())),
    };
    let old = String::from_utf8_lossy(&old);
    if old == report {
        return Ok(Outcome::Same);
    }
    let name = file.to_string_lossy().replace('\\', "/");
    let diff = TextDiff::from_lines(old.as_ref(), report)
        .unified_diff()
        .context_radius(3)
        .header(&name, "current report")
        .to_string();
    Ok(Outcome::Differs(diff))
}

/// Held while a file is being written: the SIGINT handler takes it before
/// it ends the process, so an interrupt waits for a write in progress to
/// finish (it takes milliseconds) and never leaves a temporary file.
static WRITING: Mutex<()> = Mutex::new(());

/// Makes SIGINT (Ctrl-C) end the process with status 130 only between
/// file writes. Without it, an interrupt during [`write_atomic`] would leave
/// its temporary file behind (the target itself is never half-written).
pub fn exit_cleanly_on_interrupt() {
    // Failing to install the handler (one is set already) only loses the
    // clean-up of the temporary file.
    let _ = ctrlc::set_handler(|| {
        let _writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
        std::process::exit(130);
    });
}

/// Writes `content` to `path` atomically: to a temporary file beside it
/// (`.NAME.PID.tmp`), flushed to disk, then renamed over `path`. A reader
/// sees the old file or the new one, never a half-written one; on failure
/// the temporary file is removed and `path` is left as it was. SIGINT waits
/// for the write to end (see [`exit_cleanly_on_interrupt`]); only a process
/// killed outright (SIGKILL, power loss) can leave the temporary file,
/// which is hidden, never read by figcheck, and safe to delete.
pub fn write_atomic(path: &Path, content: &str) -> Result<()> {
    let _writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("{}: not a file name", path.display()))?
        .to_string_lossy()
        .into_owned();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(content.as_bytes())?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("{}: cannot write", path.display()));
    }
    Ok(())
}
