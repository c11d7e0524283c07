//! The format of an input that has no name to go by (standard input),
//! told from the start of its content: JSONL when its first line is a JSON
//! object with a `text` string, HTML when it starts like a page, Markdown
//! when it has the marks of Markdown (a front matter, a heading, a fenced
//! code block, a link), plain text otherwise.

use super::origin::Format;

/// How many bytes of the head [`sniff`] looks at, beyond the first line.
pub const SNIFF_BYTES: usize = 8192;

/// The format of an input whose head (its first bytes: at least the first
/// line, or [`SNIFF_BYTES`]) is `head`.
pub fn sniff(head: &[u8]) -> Format {
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}');
    if is_jsonl(text) {
        Format::Jsonl
    } else if is_html(text) {
        Format::Html
    } else if is_markdown(text) {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// The first non-blank line is a JSON object with a `text` string field.
fn is_jsonl(text: &str) -> bool {
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    if !first.starts_with('{') {
        return false;
    }
    serde_json::from_str::<serde_json::Value>(first)
        .is_ok_and(|v| v.get("text").is_some_and(serde_json::Value::is_string))
}

/// Starts with a doctype, or with an element that only a page starts with.
fn is_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(64).collect();
    let head = head.to_ascii_lowercase();
    if head.starts_with("<!doctype html") {
        return true;
    }
    let Some(rest) = head.strip_prefix('<') else {
        return false;
    };
    let name_end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let (name, after) = rest.split_at(name_end);
    let ends_tag = after.starts_with(['>', ' ', '\t', '\n', '\r', '/']);
    ends_tag
        && matches!(
            name,
            "html" | "head" | "body" | "meta" | "title" | "article" | "main" | "section" | "div"
        )
}

/// A front matter at the start, or a line that only Markdown writes: an
/// ATX heading (`# Title`), a fenced code block, or a link or image
/// (`[text](target)`). A `#` line that is a suppression comment of plain
/// text (`# figcheck: ignore …`) is no heading.
fn is_markdown(text: &str) -> bool {
    let mut lines = text.lines();
    if let Some(first) = lines.next() {
        let fence = first.trim_end();
        if fence == "---" || fence == "+++" {
            let sep = if fence == "---" { ':' } else { '=' };
            let closed = text.lines().skip(1).take(64).any(|l| l.trim_end() == fence);
            let keyed = text
                .lines()
                .nth(1)
                .is_some_and(|l| l.split_once(sep).is_some_and(|(k, _)| is_key(k)));
            if closed && keyed {
                return true;
            }
        }
    }
    text.lines().any(|line| {
        let l = line.trim_start_matches(' ');
        let hashes = l.len() - l.trim_start_matches('#').len();
        let heading = (1..=6).contains(&hashes)
            && l[hashes..].starts_with(' ')
            && !l[hashes..].trim_start().starts_with("figcheck:")
            && !l[hashes..].trim().is_empty();
        heading || l.starts_with("```") || l.starts_with("~~~") || has_link(l)
    })
}

/// A front matter key: a word of letters, digits, `_` and `-`.
fn is_key(k: &str) -> bool {
    let k = k.trim();
    !k.is_empty()
        && k.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// `[text](target)` with a target that has no space.
fn has_link(line: &str) -> bool {
    let mut from = 0;
    while let Some(k) = line[from..].find("](") {
        let at = from + k;
        let target = &line[at + 2..];
        let opened = line[..at].contains('[');
        if opened {
            if let Some(close) = target.find(')') {
                if close > 0 && !target[..close].contains(' ') {
                    return true;
                }
            }
        }
        from = at + 2;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_html_markdown_and_text() {
        let jsonl =
            b"{\"id\": \"a\", \"text\": \"Trois morts.\"}\n{\"id\": \"b\", \"text\": \"x\"}\n";
        assert_eq!(sniff(jsonl), Format::Jsonl);
        // A JSON object without text is no figcheck record.
        assert_eq!(sniff(b"{\"id\": 1}\n"), Format::Text);
        assert_eq!(sniff(b"{ braces } in prose\n"), Format::Text);
        assert_eq!(
            sniff(b"\n  <!DOCTYPE html><html><p>1 500</p>"),
            Format::Html
        );
        assert_eq!(sniff(b"<html lang=\"fr\">"), Format::Html);
        assert_eq!(
            sniff(b"<article><p>Deux morts.</p></article>"),
            Format::Html
        );
        assert_eq!(sniff(b"<b>Deux</b> morts."), Format::Text);
        assert_eq!(sniff(b"# Bilan\n\nTrois morts.\n"), Format::Markdown);
        assert_eq!(
            sniff(b"---\ntitle: Bilan\ndate: 2024-02-01\n---\nTrois morts.\n"),
            Format::Markdown
        );
        assert_eq!(
            sniff(b"Selon [un rapport](https://example.org/r), 3 morts.\n"),
            Format::Markdown
        );
        assert_eq!(sniff(b"Trois morts.\n\n---\n\nFin.\n"), Format::Text);
        assert_eq!(
            sniff(b"# figcheck: ignore FC101 checked\nTrois morts.\n"),
            Format::Text
        );
        assert_eq!(sniff(b"#1 in sales, 3 [sic] (2020).\n"), Format::Text);
        assert_eq!(sniff(b"Il y a 1 500 soldats.\n"), Format::Text);
        assert_eq!(sniff(b""), Format::Text);
    }
}
