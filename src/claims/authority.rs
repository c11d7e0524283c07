//! Who a count is attributed to: the party named by an attribution phrase
//! within a few words after the figure ("2.400 personnes selon la
//! préfecture de police", "3,000 people, police said"), or by one that
//! opens the figure's sentence ("Selon le ministère de l'Intérieur,
//! 244.000 personnes…", "Police said 5,000 people…").
//!
//! The parties are the ids of `[authority]` in `rules/lexicon/meaning.toml`
//! (the officials: police, prefecture, ministry; the organisers and the
//! unions), their words in each language's `meaning.toml`, the
//! attribution words in each language's `time.toml`. Two figures attributed
//! to different parties are two parties' counts: the rules that compare
//! quantities leave them apart ([`super::Claim::same_authority`]).

use super::meaning::vocabulary::Match;
use super::meaning::{FigureTokens, Meanings, SentenceMeaning};
use super::moment::SentenceTime;
use super::tokens::Tokens;

/// Most tokens between the end of a figure's noun and the attribution
/// phrase after it, in its clause ("2.200 ont manifesté samedi selon la
/// police", "20.000 personnes le 2 juin devant le Palais de justice de
/// Paris, selon la préfecture de police").
const ATTRIBUTION_AFTER: usize = 12;
/// Most tokens from an attribution word to the party it names ("selon les
/// chiffres de la préfecture", "according to the police").
const PARTY_AFTER: usize = 5;
/// Most tokens before an attribution phrase that opens a sentence ("Mais
/// selon la police, …").
const OPENING: usize = 1;

/// Most tokens after an attribution verb whose party stands before it, to
/// the end of its clause ("3,000 people, police said on Tuesday."): more,
/// and the verb has an object of its own ("… et les autorités ont annoncé
/// le reconfinement de …"), not the figure.
const CLAUSE_END: usize = 3;

/// The party the figure at `at` (byte span `fig`) is attributed to, an id
/// of [`crate::claims::Meanings::authorities`]. `counts` holds the byte
/// starts of the sentence's quantities, sorted: an attribution after
/// another count is that count's.
pub(crate) fn authority_of(
    m: &Meanings,
    text: &str,
    (sm, st, toks): (&SentenceMeaning, &SentenceTime, &Tokens),
    at: &FigureTokens,
    fig: (usize, usize),
    counts: &[usize],
) -> Option<u8> {
    if sm.authorities.is_empty() || st.attributions.is_empty() {
        return None;
    }
    let n = toks.toks.len();
    let start_of = |k: usize| toks.toks.get(k).map_or(usize::MAX, |t| t.start);
    // A count starting strictly between two byte offsets.
    let count_between = |from: usize, to: usize| {
        let i = counts.partition_point(|&c| c <= from);
        counts.get(i).is_some_and(|&c| c < to)
    };
    // A word that opens another clause between tokens `from` and `to`.
    let opener_between = |from: usize, to: usize| {
        (from..to).any(|j| {
            m.attribution_barriers
                .match_at(toks, j)
                .is_some_and(|b| b.te <= to)
        })
    };
    // A party right before attribution token `k`, blanks alone between
    // ("police said", not "CGT.D'après elle").
    let party_before = |k: usize, a: &Match| {
        a.te == k
            && text
                .get(toks.toks[a.te - 1].end..toks.toks[k].start)
                .is_some_and(|g| g.chars().all(char::is_whitespace))
    };
    // After the figure, the attribution's clause then ends soon: the verb
    // has no object of its own.
    let clause_ends = |k: usize| (k + 1..=k + 1 + CLAUSE_END).any(|j| j >= n || toks.toks[j].comma);
    // The first attribution phrase after the figure, within reach and with
    // no other count or clause between, names the party or leaves the
    // figure unattributed ("selon le ministère de la Santé").
    let i = st.attributions.partition_point(|&k| k < at.end);
    if let Some(&k) = st.attributions.get(i) {
        if k <= at.after + ATTRIBUTION_AFTER
            && !count_between(fig.1, start_of(k))
            && !opener_between(at.end, k)
        {
            let after = sm.authorities.iter().find(|a| {
                a.ts > k && a.ts <= k + PARTY_AFTER && !count_between(start_of(k), start_of(a.ts))
            });
            // "3,000 people, police said": the party right before.
            let before = || {
                sm.authorities
                    .iter()
                    .find(|a| a.ts >= at.after && party_before(k, a) && clause_ends(k))
            };
            if let Some(a) = after.or_else(before) {
                return u8::try_from(a.id).ok();
            }
            return None;
        }
    }
    // A phrase opening the sentence attributes its figures.
    let &k = st.attributions.first()?;
    if start_of(k) >= fig.0 {
        return None;
    }
    let opening = sm.authorities.iter().find(|a| {
        (k <= OPENING && a.ts > k && a.ts <= k + PARTY_AFTER && a.te <= at.start)
            || (a.ts <= OPENING && party_before(k, a))
    });
    opening.and_then(|a| u8::try_from(a.id).ok())
}

#[cfg(test)]
mod tests {
    use crate::input::Document;
    use crate::model::Lang;
    use crate::rules::Selection;

    /// The `[attributed]` and `[count_leads]` examples of every language:
    /// the figure gets exactly the party and the measure named.
    #[test]
    fn authority_examples_pass() {
        let cfg = crate::testing::config();
        let m = &cfg.meanings;
        assert!(m.authority_examples.len() >= 10);
        let mut failed = Vec::new();
        for x in &m.authority_examples {
            let doc = Document::new("a.txt", &x.text, Some(Lang::new(&x.lang)));
            let (corpus, _) = crate::analyze(vec![doc], cfg, &Selection::default());
            let got: Vec<(String, String)> = corpus
                .claims
                .iter()
                .filter(|c| x.text[c.fig.start()..c.fig.end()] == x.figure)
                .map(|c| {
                    (
                        c.authority()
                            .map_or("", |a| m.authorities.name(a.into()))
                            .to_string(),
                        c.measure().map_or("", |a| m.measures.name(a)).to_string(),
                    )
                })
                .collect();
            if got != [(x.authority.clone(), x.measure.clone())] {
                failed.push(format!(
                    "{}: {:?} {:?} → {got:?}",
                    x.text, x.authority, x.measure
                ));
            }
        }
        assert!(failed.is_empty(), "{failed:#?}");
    }

    /// The figures of `fixtures/judged/attributions.tsv`: a random sample
    /// of the figures attributed to a party on the benchmark corpus, each
    /// judged by reading (see the README there). Each row's sentence is read
    /// alone, in its language: a figure judged right keeps its party; one
    /// judged wrong does not get it back.
    #[test]
    fn judged_attributions_hold() {
        let cfg = crate::testing::config();
        let m = &cfg.meanings;
        let tsv = include_str!("../../fixtures/judged/attributions.tsv");
        let mut lines = tsv.lines();
        assert_eq!(
            lines.next().unwrap_or_default(),
            "lang\tdoc\tfigure\tattributed_to\tverdict\twhy\tsentence"
        );
        let (mut right, mut lost, mut back) = (0, Vec::new(), Vec::new());
        for line in lines.filter(|l| !l.trim().is_empty()) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 7, "{line}");
            let (lang, doc, figure, party, verdict, sentence) =
                (cols[0], cols[1], cols[2], cols[3], cols[4], cols[6]);
            let d = Document::new("a", sentence.to_string(), Some(Lang::new(lang)));
            let corpus = crate::build_corpus(vec![d], cfg);
            let got = corpus
                .claims
                .iter()
                .filter(|c| c.fig.text(sentence) == figure)
                .any(|c| c.authority().map(|a| m.authorities.name(a.into())) == Some(party));
            let row = format!("{doc}: {figure:?} {party} in {sentence}");
            match verdict {
                "right" => {
                    right += 1;
                    if !got {
                        lost.push(row);
                    }
                }
                "wrong" if got => back.push(row),
                "wrong" | "unclear" => {}
                other => panic!("verdict {other:?} in {line}"),
            }
        }
        assert!(right >= 50, "{right} rows judged right");
        assert!(lost.is_empty(), "right parties lost:\n{}", lost.join("\n"));
        assert!(back.is_empty(), "wrong parties back:\n{}", back.join("\n"));
    }
}
