//! Inline suppressions in the text, shared by the rules about them
//! (`unused-suppression`, `invalid-suppression`).
//!
//! A figure that was checked and accepted can be marked in the text itself,
//! with the rule codes (or prefixes) it is exempt from and a reason:
//!
//! - Markdown and HTML: `<!-- figcheck: ignore FC201 both figures are right, see the erratum -->`
//! - plain text: `[figcheck: ignore FC201 the agency revised its count]`,
//!   or a line of its own that starts with `figcheck: ignore FC201 reason`
//!   (after an optional `#`, `//` or `%`).
//!
//! Several codes are separated by commas (`FC201,FC203`); `ALL` names
//! every rule. A suppression written inside a line covers the findings of
//! that line; one alone on its line covers the next non-blank line.
//! [`apply`] finds them, drops the findings a valid one covers and records
//! which were used.

use crate::claims::Corpus;
use crate::rules::{Finding, RuleSet};

/// One suppression comment of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Suppression {
    /// Byte span of the comment.
    pub(crate) span: (usize, usize),
    /// Rule codes or prefixes, as written (upper case).
    pub(crate) codes: Vec<String>,
    pub(crate) reason: String,
    /// The bytes whose findings it covers.
    pub(crate) covers: (usize, usize),
}

const MARKER: &str = "figcheck:";

/// Finds the suppression comments of a text.
pub(crate) fn find(text: &str) -> Vec<Suppression> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let mut from = 0;
        while let Some(k) = body[from..].find(MARKER) {
            let m = from + k;
            from = m + MARKER.len();
            let before = &body[..m];
            let trimmed_before = before.trim_end();
            // The comment's delimiters: `<!--` … `-->`, `[` … `]`, or the
            // rest of a line that starts with the marker.
            let (open, close) = if trimmed_before.ends_with("<!--") {
                (trimmed_before.len() - 4, Some("-->"))
            } else if trimmed_before.ends_with('[') {
                (trimmed_before.len() - 1, Some("]"))
            } else {
                let lead = trimmed_before.trim_start_matches([' ', '\t']);
                let lead = lead
                    .strip_prefix("//")
                    .or_else(|| lead.strip_prefix('#'))
                    .or_else(|| lead.strip_prefix('%'))
                    .unwrap_or(lead);
                if !lead.trim().is_empty() {
                    continue;
                }
                (0, None)
            };
            let rest_start = m + MARKER.len();
            let (content_end, end) = match close {
                Some(c) => match body[rest_start..].find(c) {
                    Some(p) => (rest_start + p, rest_start + p + c.len()),
                    None => continue,
                },
                None => (body.len(), body.len()),
            };
            let content = body[rest_start..content_end].trim();
            let Some(args) = content
                .strip_prefix("ignore")
                .filter(|a| a.is_empty() || a.starts_with([' ', '\t']))
            else {
                continue;
            };
            let (codes, reason) = split_codes(args.trim());
            // Alone on its line: covers the next non-blank line.
            let alone = body[..open].trim().is_empty() && body[end..].trim().is_empty();
            let line_end = line_start + line.len();
            let covers = if alone {
                next_line(text, line_end)
            } else {
                (line_start, line_start + body.len())
            };
            out.push(Suppression {
                span: (line_start + open, line_start + end),
                codes,
                reason,
                covers,
            });
            from = end;
        }
        line_start += line.len();
    }
    out
}

/// Leading rule codes (`FC201`, `FC2`, `ALL`, comma- or space-separated),
/// then the reason.
fn split_codes(args: &str) -> (Vec<String>, String) {
    let mut codes = Vec::new();
    let mut rest = args;
    loop {
        let r = rest.trim_start_matches([' ', ',', '\t']);
        let tok_end = r.find([' ', ',', '\t']).unwrap_or(r.len());
        let tok = &r[..tok_end];
        let is_code = tok == "ALL"
            || (tok.len() >= 2
                && tok.starts_with(|c: char| c.is_ascii_uppercase())
                && tok
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && tok.chars().any(|c| c.is_ascii_digit()));
        if tok.is_empty() || !is_code {
            rest = r;
            break;
        }
        codes.push(tok.to_string());
        rest = &r[tok_end..];
    }
    let reason = rest
        .trim()
        .trim_start_matches(['-', ':', '—'])
        .trim()
        .to_string();
    (codes, reason)
}

/// The span of the first non-blank line starting at or after `pos`.
fn next_line(text: &str, pos: usize) -> (usize, usize) {
    let mut p = pos;
    for line in text[pos..].split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            return (p, p + body.len());
        }
        p += line.len();
    }
    (text.len(), text.len())
}

/// True when the code or prefix `pattern` names `code`.
pub(crate) fn names(code: &str, pattern: &str) -> bool {
    pattern == "ALL" || code.starts_with(pattern)
}

/// True when `pattern` names a rule of the set.
pub(crate) fn known(rules: &RuleSet, pattern: &str) -> bool {
    rules.iter().any(|r| names(&r.code, pattern))
}

/// A suppression of a document, judged.
#[derive(Debug, Clone)]
pub(crate) struct Judged {
    pub(crate) doc: u32,
    pub(crate) sup: Suppression,
    /// It names known rules and gives a reason.
    pub(crate) valid: bool,
    /// It covered a finding.
    pub(crate) used: bool,
}

/// The suppressions of a corpus, and the codes of the rules that ran.
#[derive(Debug, Clone, Default)]
pub(crate) struct Suppressions {
    pub(crate) list: Vec<Judged>,
    pub(crate) ran: Vec<String>,
}

/// Drops the findings a valid suppression covers, and returns the others
/// with the suppressions judged. `ran` lists the codes of the rules that
/// ran.
pub(crate) fn apply(
    corpus: &Corpus,
    rules: &RuleSet,
    findings: Vec<Finding>,
    ran: &[&str],
) -> (Vec<Finding>, Suppressions) {
    let mut sups: Vec<Judged> = Vec::new();
    for (d, doc) in corpus.docs.iter().enumerate() {
        if !doc.text.contains(MARKER) {
            continue;
        }
        for s in find(&doc.text) {
            let valid = !s.codes.is_empty()
                && !s.reason.is_empty()
                && s.codes.iter().all(|c| known(rules, c));
            sups.push(Judged {
                doc: d as u32,
                sup: s,
                valid,
                used: false,
            });
        }
    }
    if sups.is_empty() {
        return (findings, Suppressions::default());
    }
    let mut kept = Vec::with_capacity(findings.len());
    for f in findings {
        let mut hit = false;
        for j in sups.iter_mut() {
            let s = &j.sup;
            if j.doc == f.doc
                && j.valid
                && s.covers.0 <= f.span.0
                && f.span.0 <= s.covers.1
                && s.codes.iter().any(|c| names(&f.code, c))
            {
                j.used = true;
                hit = true;
            }
        }
        if !hit {
            kept.push(f);
        }
    }
    let ran = ran.iter().map(|r| r.to_string()).collect();
    (kept, Suppressions { list: sups, ran })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_three_forms() {
        let t = "Intro.\n<!-- figcheck: ignore FC201 the agency revised it -->\n\nIl y a 3 morts.\nTexte [figcheck: ignore FC101,FC102 copie d'agence] ici.\n# figcheck: ignore FC4 dates vérifiées\nLundi 9 décembre.\n";
        let s = find(t);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].codes, vec!["FC201"]);
        assert_eq!(s[0].reason, "the agency revised it");
        assert_eq!(&t[s[0].covers.0..s[0].covers.1], "Il y a 3 morts.");
        assert_eq!(s[1].codes, vec!["FC101", "FC102"]);
        assert_eq!(
            &t[s[1].covers.0..s[1].covers.1],
            "Texte [figcheck: ignore FC101,FC102 copie d'agence] ici."
        );
        assert_eq!(&t[s[2].covers.0..s[2].covers.1], "Lundi 9 décembre.");
        assert_eq!(s[2].reason, "dates vérifiées");
    }

    #[test]
    fn prose_mentioning_the_marker_is_no_suppression() {
        assert!(find("Run figcheck: ignore FC201 to silence it.").is_empty());
        let s = find("<!-- figcheck: ignore FC201 -->\nx");
        assert_eq!(s[0].reason, "");
    }
}
