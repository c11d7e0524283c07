//! Throughput of each stage over real text: the first 2,000 articles of
//! `../shared/corpus/fr_news.jsonl.gz` and of `en_wiki.jsonl.gz`.
//!
//!     cargo bench --bench pipeline
//!
//! Each stage runs once to warm up, then [`RUNS`] times; the median run is
//! reported in MB/s of article text, with the fastest and slowest runs.
//! `benches/run.sh` measures the whole binary on the full corpus next to
//! `wc -w`.

use std::hint::black_box;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use figcheck::config::Config;
use figcheck::input::{parse_jsonl, Document};
use figcheck::rules::Selection;

const DOCS: usize = 2000;

/// Timed runs of each stage.
const RUNS: usize = 10;

fn corpus(name: &str) -> Option<Vec<Document>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    let file = std::fs::File::open(&path).ok()?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .ok()?;
    let head: String = text.lines().take(DOCS).flat_map(|l| [l, "\n"]).collect();
    parse_jsonl(name, &head, None).ok()
}

/// Runs `f` and prints the median throughput over `bytes` bytes.
fn measure(label: &str, bytes: usize, mut f: impl FnMut() -> usize) {
    black_box(f());
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    let mb_s = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    let median = times[RUNS / 2];
    println!(
        "{label:<24} {:>8.2} MB/s  (median of {RUNS} runs: {:.1} ms; {:.2} to {:.2} MB/s)",
        mb_s(median),
        median.as_secs_f64() * 1e3,
        mb_s(times[RUNS - 1]),
        mb_s(times[0]),
    );
}

fn main() {
    let cfg = Config::builtin().unwrap();
    for name in ["fr_news.jsonl.gz", "en_wiki.jsonl.gz"] {
        let Some(docs) = corpus(name) else {
            eprintln!("skipping {name}: ../shared/corpus/{name} not found");
            continue;
        };
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let group = name.trim_end_matches(".jsonl.gz");
        measure(&format!("{group}/extract"), bytes, || {
            docs.iter()
                .map(|d| figcheck::extract::extract(&d.text, d.lang, &cfg.lexicon).len())
                .sum::<usize>()
        });
        measure(&format!("{group}/claims"), bytes, || {
            docs.iter()
                .enumerate()
                .map(|(i, d)| {
                    figcheck::claims::claims_of(i as u32, d, &cfg.lexicon, &cfg.meanings).len()
                })
                .sum::<usize>()
        });
        measure(&format!("{group}/check"), bytes, || {
            figcheck::analyze(docs.clone(), &cfg, &Selection::default())
                .1
                .len()
        });
    }
}
