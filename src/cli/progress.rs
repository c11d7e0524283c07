//! A progress line on standard error for long runs on a terminal: how many
//! documents were read so far and for how long. Documents are read as they
//! come, so their number is not known before the end. Hidden when standard
//! error is not a terminal, and until the run has read [`PROGRESS_FROM`]
//! documents.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Documents from which a run shows its progress.
const PROGRESS_FROM: usize = 50;

/// How often the line is drawn again, at most.
const EVERY: Duration = Duration::from_millis(100);

/// The progress of reading documents, counted from any thread.
pub struct Progress {
    done: AtomicUsize,
    /// Standard error is a terminal.
    terminal: bool,
    start: Instant,
    /// When the line was last drawn.
    drawn: Mutex<Option<Instant>>,
}

impl Progress {
    /// A progress line, shown on a terminal from [`PROGRESS_FROM`]
    /// documents.
    pub fn counting() -> Progress {
        Progress {
            done: AtomicUsize::new(0),
            terminal: std::io::stderr().is_terminal(),
            start: Instant::now(),
            drawn: Mutex::new(None),
        }
    }

    /// One more document read.
    pub fn inc(&self) {
        if !self.terminal {
            return;
        }
        let n = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if n < PROGRESS_FROM {
            return;
        }
        let Ok(mut drawn) = self.drawn.lock() else {
            return;
        };
        if drawn.is_some_and(|t| t.elapsed() < EVERY) {
            return;
        }
        *drawn = Some(Instant::now());
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{}", line(n, self.start.elapsed()));
        let _ = err.flush();
    }

    /// Clears the line.
    pub fn finish(&self) {
        if self.shown() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }

    /// Whether the line was drawn.
    fn shown(&self) -> bool {
        self.drawn.lock().is_ok_and(|d| d.is_some())
    }
}

/// The line drawn after `n` documents, `elapsed` into the run.
fn line(n: usize, elapsed: Duration) -> String {
    format!(
        "reading figures: {n} documents ({:.0}s)",
        elapsed.as_secs_f64().floor()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_shows_the_count_and_the_time() {
        assert_eq!(
            line(250, Duration::from_millis(12_700)),
            "reading figures: 250 documents (12s)"
        );
    }

    #[test]
    fn hidden_for_short_runs() {
        let p = Progress::counting();
        for _ in 1..PROGRESS_FROM {
            p.inc();
        }
        assert!(!p.shown());
        p.finish();
    }
}
