//! Inline suppressions: comments in the text that exempt a figure from
//! some rules, with a reason. This module reads them (their syntax is the
//! input's); the rules about them, and which findings they cover, are in
//! `rules::support::suppression`.
//!
//! - Markdown and HTML: `<!-- figcheck: ignore FC201 both figures are right, see the erratum -->`
//!   (kept in the document's text by their readers, for this);
//! - plain text: `[figcheck: ignore FC201 the agency revised its count]`,
//!   or a line of its own that starts with `figcheck: ignore FC201 reason`
//!   (after an optional `#`, `//` or `%`).
//!
//! Several codes are separated by commas (`FC201,FC203`), in any case;
//! `ALL` names every rule. A suppression written inside a line covers the
//! findings of that line; one alone on its line covers the next non-blank
//! line (in Markdown and HTML, the paragraph after it). A suppression's
//! own text is not read for figures, nor for the document's language
//! ([`blank`]).

use std::borrow::Cow;

/// What starts an inline suppression comment (`figcheck: ignore FC101
/// reason`), in every input format.
pub(crate) const MARKER: &str = "figcheck:";

/// The HTML comments of `source[start..end]` that are suppressions
/// (`<!-- figcheck: ignore FC101 reason -->`), as byte spans of `source`.
/// Markdown and HTML drop their comments from the text, but keep these
/// (see [`as_text`]), so that a suppression works in them as in plain text.
pub(crate) fn comments(source: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = start;
    while let Some(k) = source[from..end].find("<!--") {
        let open = from + k;
        let Some(c) = source[open + 4..end].find("-->") else {
            break;
        };
        let close = open + 4 + c + 3;
        let inner = &source[open + 4..close - 3];
        if inner.trim_start().starts_with(MARKER) {
            out.push((open, close));
        }
        from = close;
    }
    out
}

/// A suppression comment as the text of a Markdown or HTML document holds
/// it: on one line, each line break a space (so that it keeps its length
/// and maps into the file byte for byte).
pub(crate) fn as_text(comment: &str) -> String {
    comment.replace(['\n', '\r'], " ")
}

/// One suppression comment of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Suppression {
    /// Byte span of the comment.
    pub(crate) span: (usize, usize),
    /// Rule codes or prefixes, in upper case.
    pub(crate) codes: Vec<String>,
    pub(crate) reason: String,
    /// The bytes whose findings it covers.
    pub(crate) covers: (usize, usize),
}

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

/// Leading rule codes (`FC201`, `FC2`, `ALL`; a code of figcheck's own
/// `FC` family in any case, `fc201`), comma- or space-separated, kept in
/// upper case; then the reason.
fn split_codes(args: &str) -> (Vec<String>, String) {
    let mut codes = Vec::new();
    let mut rest = args;
    loop {
        let r = rest.trim_start_matches([' ', ',', '\t']);
        let tok_end = r.find([' ', ',', '\t']).unwrap_or(r.len());
        let tok = &r[..tok_end];
        let upper = tok.to_ascii_uppercase();
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        let written_as_code = tok.len() >= 2
            && tok.starts_with(|c: char| c.is_ascii_uppercase())
            && tok
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && tok.chars().any(|c| c.is_ascii_digit());
        let is_code =
            tok == "ALL" || written_as_code || upper.strip_prefix("FC").is_some_and(digits);
        if tok.is_empty() || !is_code {
            rest = r;
            break;
        }
        codes.push(upper);
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

/// `text` with its suppression comments blanked (each byte a space, so
/// that every offset stays where it is): the text that is read for figures
/// and language.
pub(crate) fn blank(text: &str) -> Cow<'_, str> {
    if !text.contains(MARKER) {
        return Cow::Borrowed(text);
    }
    let sups = find(text);
    if sups.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for s in sups {
        bytes[s.span.0..s.span.1].fill(b' ');
    }
    // Whole characters were replaced by ASCII spaces.
    Cow::Owned(String::from_utf8(bytes).expect("blanking keeps UTF-8"))
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

    #[test]
    fn codes_in_any_case() {
        let s = find("[figcheck: ignore fc101, Fc2 copie d'agence] 1O0");
        assert_eq!(s[0].codes, vec!["FC101", "FC2"]);
        assert_eq!(s[0].reason, "copie d'agence");
        // Only codes: "all" and "covid19" in a reason stay words.
        let s = find("[figcheck: ignore FC101 all covid19 counts checked] 1O0");
        assert_eq!(s[0].codes, vec!["FC101"]);
        assert_eq!(s[0].reason, "all covid19 counts checked");
    }

    #[test]
    fn blanking_keeps_offsets() {
        let t = "Été [figcheck: ignore FC101 vérifié, 12 mars] 2.500 XNUMX.\n";
        let b = blank(t);
        assert_eq!(b.len(), t.len());
        assert!(b.starts_with("Été ") && b.ends_with(" 2.500 XNUMX.\n"));
        assert!(!b.contains("12") && !b.contains("figcheck"));
        assert!(matches!(blank("Trois morts."), Cow::Borrowed(_)));
    }
}
