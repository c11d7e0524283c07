//! Throughput of each stage over real text: the first 2,000 articles of
//! `../shared/corpus/fr_news.jsonl.gz` and of `en_wiki.jsonl.gz`.
//!
//!     cargo bench --bench pipeline
//!
//! Criterion reports MB/s (bytes of article text). `benches/run.sh` measures
//! the whole binary on the full corpus next to `wc -w`.

use std::io::Read;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use figcheck::config::Config;
use figcheck::input::{parse_jsonl, Document};
use figcheck::rules::Selection;

const DOCS: usize = 2000;

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

fn bench(c: &mut Criterion) {
    let cfg = Config::builtin().unwrap();
    for name in ["fr_news.jsonl.gz", "en_wiki.jsonl.gz"] {
        let Some(docs) = corpus(name) else {
            eprintln!("skipping {name}: ../shared/corpus/{name} not found");
            continue;
        };
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let mut g = c.benchmark_group(name.trim_end_matches(".jsonl.gz"));
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(10);
        g.bench_function("extract", |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| figcheck::extract::extract(&d.text, d.lang, &cfg.lexicon).len())
                    .sum::<usize>()
            })
        });
        g.bench_function("claims", |b| {
            b.iter(|| {
                docs.iter()
                    .enumerate()
                    .map(|(i, d)| {
                        figcheck::claims::claims_of(i as u32, d, &cfg.lexicon, &cfg.meanings).len()
                    })
                    .sum::<usize>()
            })
        });
        g.bench_function("check", |b| {
            b.iter(|| {
                figcheck::analyze(docs.clone(), &cfg, &Selection::default())
                    .1
                    .len()
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
