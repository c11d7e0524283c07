//! FC304 percent-sum and FC305 percent-mismatch: percentages that do not
//! agree with their whole or their parts.
//!
//! **What it catches.**
//!
//! - FC304: the shares of one whole named in one sentence add up to more
//!   than 100 % (`52 % des voix pour le oui et 53 % des voix pour le non`).
//!   Only wholes that shares partition count (votes: the
//!   `partition_wholes` parameter); each share must name the whole, and a
//!   sentence with a date or year (two moments compared) is skipped.
//!   Shares of people who agree with different statements overlap and are
//!   never summed. A tolerance for rounding is a rule parameter.
//! - FC305: a part, its whole and a percentage stated together (`30 sur
//!   120, soit 40 %`, `30 of 120 (40%)`) where the percentage is not the
//!   ratio of the two, the rounding of the percentage honoured; a fraction
//!   with a whole of ten or less (`neuf sur dix (91 %)`) is itself a
//!   rounding and is given half a step of 1/Y.
//!
//! **Why it matters.** A reader can do the sum; when it does not hold,
//! the article loses its credibility, and at least one figure is wrong.
//!
//! **Example.** `30 députés sur 120, soit 40 %, ont voté pour` fires
//! FC305 (30/120 is 25 %); `30 députés sur 120, soit 25 %` does not.

use rust_decimal::Decimal;

use super::support::interval::usable;
use super::support::text::{find_phrase, folded, folded_slice};
use super::{Finding, RuleDef};
use crate::claims::Corpus;
use crate::config::Config;
use crate::extract::context::skip_spaces;
use crate::lexicon::fold;
use crate::model::Kind;

/// The whole a percentage is a share of: the words after `des`, `of the`.
fn whole_after(text: &str, end: usize, sentence_end: usize, links: &[String]) -> Option<String> {
    let s = skip_spaces(text, end);
    let mut e = (s + 40).min(sentence_end.max(s));
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    let after = fold(&text[s..e]);
    let rest = links.iter().find_map(|l| {
        after
            .strip_prefix(l.as_str())
            .filter(|r| l.ends_with('\'') || r.starts_with(' '))
            .map(|r| r.trim_start().to_string())
    })?;
    let noun: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    (!noun.is_empty()).then_some(noun)
}

pub fn percent_sum(corpus: &Corpus, _cfg: &Config, rule: &RuleDef, out: &mut Vec<Finding>) {
    let mut links = folded(&rule.strings("links"));
    links.sort_by_key(|l| std::cmp::Reverse(l.len()));
    let partitions = folded(&rule.strings("partition_wholes"));
    let sources = folded(&rule.strings("source_words"));
    let tolerance = rule.decimal("tolerance", Decimal::ONE);
    let hundred = Decimal::ONE_HUNDRED;
    for (d, doc) in corpus.docs.iter().enumerate() {
        let text = doc.text.as_str();
        let range = corpus.doc_claims[d].clone();
        let mut i = range.start;
        while i < range.end {
            let c = &corpus.claims[i];
            if c.fig.kind != Kind::Percent || !usable(c) {
                i += 1;
                continue;
            }
            // Only wholes that the shares partition (votes): shares of the
            // French who approve, disapprove, trust... overlap.
            let Some(whole) = whole_after(text, c.fig.end, c.sentence.1, &links)
                .filter(|w| partitions.iter().any(|p| p == w))
            else {
                i += 1;
                continue;
            };
            // A year or a date in the sentence: shares of two moments
            // ("86 % des Français, contre 75 % en 2019").
            let dated = corpus.doc_claims[d].clone().any(|k| {
                corpus.claims[k].sentence == c.sentence && corpus.claims[k].fig.kind == Kind::Date
            });
            // Shares from several sources ("54 % selon Ifop, 53 % selon
            // Elabe") are alternatives, not parts.
            let sentence = folded_slice(text, c.sentence.0, c.sentence.1);
            let sourced = sources.iter().any(|w| find_phrase(&sentence, w).is_some());
            if dated || sourced {
                i += 1;
                continue;
            }
            // The shares of the same whole in this sentence: those naming
            // it, and bare percentages of the list that follows.
            let mut shares = vec![i];
            let mut sum = c.fig.interval().0.unwrap_or_default();
            let mut k = i + 1;
            while k < range.end && corpus.claims[k].sentence == c.sentence {
                let p = &corpus.claims[k];
                if p.fig.kind == Kind::Percent && usable(p) {
                    let w = whole_after(text, p.fig.end, p.sentence.1, &links);
                    // Each share names the whole: a bare percentage may be
                    // of something else ("(abstention 74,6 %)").
                    let same = w.as_deref() == Some(whole.as_str());
                    if same {
                        if p.fig.value.is_some_and(|v| v > Decimal::ZERO) {
                            shares.push(k);
                            sum += p.fig.interval().0.unwrap_or_default();
                        }
                    } else if w.is_some() {
                        break;
                    }
                }
                k += 1;
            }
            if shares.len() >= 2 && sum > hundred + tolerance {
                let written: Vec<&str> = shares
                    .iter()
                    .map(|&s| corpus.claims[s].fig.text(text))
                    .collect();
                out.push(Finding::at_claim(
                    corpus,
                    rule,
                    format!(
                        "shares of {whole} add up to {} %: {}",
                        sum.normalize(),
                        written.join(" + ")
                    ),
                    shares.clone(),
                ));
            }
            i = k.max(i + 1);
        }
    }
}

/// Half a unit of the last written digit of a percentage.
fn half_unit(decimals: u8) -> Decimal {
    let mut u = Decimal::new(5, 1);
    for _ in 0..decimals {
        u /= Decimal::TEN;
    }
    u
}

pub fn percent_mismatch(corpus: &Corpus, _cfg: &Config, rule: &RuleDef, out: &mut Vec<Finding>) {
    let joiners = folded(&rule.strings("joiners"));
    let tolerance = rule.decimal("tolerance", Decimal::ZERO);
    for (d, doc) in corpus.docs.iter().enumerate() {
        let text = doc.text.as_str();
        let range = corpus.doc_claims[d].clone();
        for p in range.clone() {
            let cp = &corpus.claims[p];
            if cp.fig.kind != Kind::Percent || !usable(cp) || cp.fig.qualifier.is_some() {
                continue;
            }
            let Some(pct) = cp.fig.value else { continue };
            // "X sur Y, soit Z %" / "X of Y (Z%)": the two counts just
            // before the percentage, in its sentence.
            if p < range.start + 2 {
                continue;
            }
            let (a, b) = (p - 2, p - 1);
            let (ca, cb) = (&corpus.claims[a], &corpus.claims[b]);
            if ca.sentence != cp.sentence || cb.sentence != cp.sentence {
                continue;
            }
            if !usable(ca)
                || !usable(cb)
                || ca.fig.qualifier.is_some()
                || cb.fig.qualifier.is_some()
            {
                continue;
            }
            if ca.fig.kind != Kind::Count || cb.fig.kind != Kind::Count {
                continue;
            }
            let (Some(x), Some(y)) = (ca.fig.value, cb.fig.value) else {
                continue;
            };
            if y <= Decimal::ZERO || x > y {
                continue;
            }
            if ca.fig.end > cb.fig.start {
                continue;
            }
            // "30 sur 120", "30 députés sur 120", "30 of 120".
            let gap_ab = folded_slice(text, ca.fig.end, cb.fig.start);
            let gap_ab = gap_ab.trim();
            let joined = gap_ab.len() <= 32
                && !gap_ab.contains([',', '.', ';', '(', ')'])
                && joiners
                    .iter()
                    .any(|j| gap_ab == j || gap_ab.ends_with(&format!(" {j}")));
            if !joined {
                continue;
            }
            let gap_bp = folded_slice(
                text,
                cb.fig.entity.map_or(cb.fig.end, |(_, e)| e.max(cb.fig.end)),
                cp.fig.start,
            );
            let gap_bp = gap_bp.trim();
            let linked = ["soit", "ou", "i.e.", "or", "(", ", soit", ", ou", "ie", ","]
                .iter()
                .any(|l| gap_bp == *l || gap_bp.trim_start_matches(',').trim() == *l);
            if !linked {
                continue;
            }
            let ratio = x * Decimal::ONE_HUNDRED / y;
            // "Neuf sur dix (91 %)": a fraction with a small whole is itself
            // a rounding, worth half a step of 1/Y.
            let fraction_slack = if y <= Decimal::from(10) {
                Decimal::from(50) / y
            } else {
                Decimal::ZERO
            };
            let slack = half_unit(cp.fig.decimals) + pct.abs() * tolerance + fraction_slack;
            if (ratio - pct).abs() <= slack {
                continue;
            }
            let (ta, tb, tp) = (ca.fig.text(text), cb.fig.text(text), cp.fig.text(text));
            out.push(Finding::at_claim(
                corpus,
                rule,
                format!(
                    "`{tp}` does not match `{ta}` out of `{tb}`, which is {} %",
                    ratio.round_dp(1).normalize()
                ),
                vec![p, a, b],
            ));
        }
    }
}
