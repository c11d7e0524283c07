//! A progress line on standard error for long runs on a terminal: how many
//! documents were read, of how many, and the time left. Hidden when
//! standard error is not a terminal or the run is short.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Documents from which a run shows its progress.
const PROGRESS_FROM: usize = 50;

/// Width of the bar, in characters.
const WIDTH: usize = 30;

/// How often the line is drawn again, at most.
const EVERY: Duration = Duration::from_millis(100);

/// The progress of reading `total` documents, counted from any thread.
pub struct Progress {
    total: usize,
    done: AtomicUsize,
    shown: bool,
    start: Instant,
    /// When the line was last drawn.
    drawn: Mutex<Option<Instant>>,
}

impl Progress {
    /// A progress line for `total` documents, shown on a terminal from
    /// [`PROGRESS_FROM`] documents.
    pub fn new(total: usize) -> Progress {
        Progress {
            total,
            done: AtomicUsize::new(0),
            shown: total >= PROGRESS_FROM && std::io::stderr().is_terminal(),
            start: Instant::now(),
            drawn: Mutex::new(None),
        }
    }

    /// One more document read.
    pub fn inc(&self) {
        if !self.shown {
            return;
        }
        let n = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let Ok(mut drawn) = self.drawn.lock() else {
            return;
        };
        if n < self.total && drawn.is_some_and(|t| t.elapsed() < EVERY) {
            return;
        }
        *drawn = Some(Instant::now());
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{}", line(n, self.total, self.start.elapsed()));
        let _ = err.flush();
    }

    /// Clears the line.
    pub fn finish(&self) {
        if self.shown {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

/// The line drawn after `n` of `total` documents, `elapsed` into the run.
fn line(n: usize, total: usize, elapsed: Duration) -> String {
    let total = total.max(1);
    let n = n.min(total);
    let filled = n * WIDTH / total;
    let left = elapsed.as_secs_f64() * (total - n) as f64 / n.max(1) as f64;
    format!(
        "reading figures [{}{}] {n}/{total} documents ({:.0}s left)",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        left.ceil()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_shows_the_count_and_the_time_left() {
        let l = line(25, 100, Duration::from_secs(10));
        assert_eq!(
            l,
            format!(
                "reading figures [{}{}] 25/100 documents (30s left)",
                "#".repeat(7),
                "-".repeat(23)
            )
        );
        assert!(line(100, 100, Duration::from_secs(3)).contains("(0s left)"));
    }

    #[test]
    fn hidden_for_short_runs() {
        let p = Progress::new(PROGRESS_FROM - 1);
        assert!(!p.shown);
        p.inc();
        p.finish();
    }
}
