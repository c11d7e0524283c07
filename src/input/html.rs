//! HTML input: the text of a web page, read with a WHATWG-compliant HTML
//! tokenizer (html5gum). Tags, comments (but the suppression comments,
//! `<!-- figcheck: ignore … -->`), scripts and styles are dropped,
//! entities decoded, block elements end a line; every offset of the text
//! maps back to the HTML file. `<meta>` and `<link rel=canonical>` give the
//! source metadata.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::origin::{Origin, TextBuilder};
use super::SourceMeta;

/// Elements whose content is not text of the page.
const SKIPPED: &[&str] = &[
    "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "select",
    "textarea", "button", "head",
];

/// Elements that end a line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];

/// The text of an HTML file, its map to the file, and its metadata.
pub(crate) fn read(source: &str) -> (String, Origin, SourceMeta) {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script, style and title content are raw text, as a browser reads them.
    emitter.naively_switch_states(true);
    let mut b = TextBuilder::new();
    let mut meta = SourceMeta::default();
    // Open skipped elements, by name (the title is read even in <head>).
    let mut skipping: Vec<String> = Vec::new();
    let mut in_title = false;
    for token in Tokenizer::new_with_emitter(source, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(t) => {
                let name = String::from_utf8_lossy(&t.name).to_ascii_lowercase();
                let attr = |k: &str| {
                    t.attributes
                        .get(k.as_bytes())
                        .map(|v| String::from_utf8_lossy(&v.value).trim().to_string())
                };
                match name.as_str() {
                    "meta" => {
                        let key = attr("property")
                            .or_else(|| attr("name"))
                            .or_else(|| attr("itemprop"))
                            .unwrap_or_default();
                        if let Some(content) = attr("content") {
                            read_meta(&mut meta, &key.to_ascii_lowercase(), content);
                        }
                    }
                    "link" if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                        meta.url = meta.url.take().or_else(|| attr("href"));
                    }
                    "time" if meta.date.is_none() && skipping.is_empty() => {
                        // The first dated <time> of an article is usually its date.
                        if let Some(d) = attr("datetime").filter(|d| d.len() >= 10) {
                            meta.date = Some(d);
                        }
                    }
                    "title" => in_title = true,
                    _ => {}
                }
                if SKIPPED.contains(&name.as_str()) && !t.self_closing {
                    skipping.push(name.clone());
                }
                if BLOCKS.contains(&name.as_str()) {
                    block_break(&mut b, t.span.start);
                }
            }
            Token::EndTag(t) => {
                let name = String::from_utf8_lossy(&t.name).to_ascii_lowercase();
                if let Some(i) = skipping.iter().rposition(|n| *n == name) {
                    skipping.truncate(i);
                }
                if name == "title" {
                    in_title = false;
                }
                if BLOCKS.contains(&name.as_str()) {
                    block_break(&mut b, t.span.start);
                }
            }
            // A suppression comment is kept as it is written, for the
            // rules about suppressions; other comments are dropped.
            Token::Comment(c) if skipping.is_empty() => {
                for (s, e) in super::suppression::comments(source, c.span.start, c.span.end) {
                    let comment = super::suppression::as_text(&source[s..e]);
                    b.push_mapped(&comment, source, s, e);
                }
            }
            Token::String(s) if skipping.is_empty() || in_title => {
                let value = String::from_utf8_lossy(&s.value);
                push_text(&mut b, &value, source, s.span.start, s.span.end);
            }
            _ => {}
        }
    }
    block_break(&mut b, source.len());
    let (text, origin) = b.finish(source.to_string());
    (text, origin, meta)
}

fn read_meta(meta: &mut SourceMeta, key: &str, content: String) {
    if content.is_empty() {
        return;
    }
    let slot = match key {
        "og:site_name" | "application-name" | "publisher" | "dc.publisher" => &mut meta.outlet,
        "article:published_time"
        | "og:published_time"
        | "datepublished"
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.created"
        | "dcterms.issued"
        | "pubdate"
        | "publish-date"
        | "parsely-pub-date"
        | "sailthru.date" => &mut meta.date,
        "og:url" => &mut meta.url,
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(content);
    }
}

/// Ends a line, unless the text is empty or already ends one. A space
/// left at the end of the line is dropped from the text.
fn block_break(b: &mut TextBuilder, at: usize) {
    if !b.text().is_empty() && !b.text().ends_with('\n') {
        b.push_gap("\n", at);
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// Splits `s` into runs of white space and runs of other characters, as
/// (start, end, is_space) byte ranges.
fn runs(s: &str) -> Vec<(usize, usize, bool)> {
    let mut out: Vec<(usize, usize, bool)> = Vec::new();
    for (i, c) in s.char_indices() {
        let sp = is_space(c);
        match out.last_mut() {
            Some(r) if r.2 == sp => r.1 = i + c.len_utf8(),
            _ => out.push((i, i + c.len_utf8(), sp)),
        }
    }
    out
}

/// Appends a text token (`decoded`, read from `source[start..end]`) with
/// white space as a browser shows it: every run of spaces, tabs and line
/// breaks is one space (no-break spaces are kept), none at the start of a
/// line. Words are aligned with their source one by one, so the cost stays
/// linear in the length of the text.
fn push_text(b: &mut TextBuilder, decoded: &str, source: &str, start: usize, end: usize) {
    let raw = &source[start..end];
    let (dr, rr) = (runs(decoded), runs(raw));
    let aligned = dr.len() == rr.len() && dr.iter().zip(&rr).all(|(d, r)| d.2 == r.2);
    if !aligned {
        // An entity stood for white space (`&#32;`): align the whole token.
        let mut collapsed = String::with_capacity(decoded.len());
        for (s, e, sp) in dr {
            let line_start =
                collapsed.is_empty() && (b.text().is_empty() || b.text().ends_with('\n'));
            if !sp {
                collapsed.push_str(&decoded[s..e]);
            } else if !line_start && !collapsed.ends_with(' ') {
                collapsed.push(' ');
            }
        }
        b.push_mapped(&collapsed, source, start, end);
        return;
    }
    for ((ds, de, sp), (rs, re, _)) in dr.into_iter().zip(rr) {
        if sp {
            let line_start = b.text().is_empty() || b.text().ends_with('\n');
            if !line_start && !b.text().ends_with(' ') {
                b.push_whole(" ", start + rs, start + re);
            }
        } else {
            b.push_mapped(&decoded[ds..de], source, start + rs, start + re);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_scripts_and_entities() {
        let src = "<!doctype html><html><head><title>Bilan</title>\n<meta property=\"og:site_name\" content=\"Le Temps\">\n<link rel=\"canonical\" href=\"https://example.org/a\">\n<script>var n = 12345;</script><style>p{width:300px}</style></head>\n<body><p>Il y a 1&nbsp;500 <b>soldats</b>\n   en Irak.</p><!-- 99 --><p>Et 3 morts.</p></body></html>";
        let (text, o, meta) = read(src);
        assert_eq!(
            text,
            "Bilan\nIl y a 1\u{a0}500 soldats en Irak.\nEt 3 morts.\n"
        );
        assert_eq!(meta.outlet.as_deref(), Some("Le Temps"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/a"));
        let s = text.find('1').unwrap();
        let e = text.find(" soldats").unwrap();
        assert_eq!(
            &src[o.to_source(s, false)..o.to_source(e, true)],
            "1&nbsp;500"
        );
        let s = text.find("Et 3").unwrap() + 3;
        assert_eq!(&src[o.to_source(s, false)..o.to_source(s + 1, true)], "3");
    }

    #[test]
    fn suppression_comments_are_kept_and_other_comments_are_not() {
        let src = "<p>Intro.</p>\n<!-- figcheck: ignore FC101 checked -->\n<p>Il y a 2.500 XNUMX soldats.</p><!-- 99 --><p>Et <!--figcheck: ignore FC105 named so--> 1O0.</p><script><!-- figcheck: ignore FC1 x --></script>";
        let (text, o, _) = read(src);
        assert_eq!(
            text,
            "Intro.\n<!-- figcheck: ignore FC101 checked --> \nIl y a 2.500 XNUMX soldats.\nEt <!--figcheck: ignore FC105 named so--> 1O0.\n"
        );
        let s = text.find("<!--figcheck").unwrap();
        let e = s + "<!--figcheck: ignore FC105 named so-->".len();
        assert_eq!(
            &src[o.to_source(s, false)..o.to_source(e, true)],
            &text[s..e]
        );
    }

    #[test]
    fn white_space_collapses_and_long_text_stays_linear() {
        let body: String = (0..20_000)
            .map(|i| format!("mot{i}\n        &eacute;t&eacute; "))
            .collect();
        let src = format!("<p>{body}</p><p>Fin&#32;de 12 morts.</p>");
        let (text, o, _) = read(&src);
        assert!(text.starts_with("mot0 été mot1 été "));
        let s = text.find("mot19999").unwrap();
        assert_eq!(
            &src[o.to_source(s, false)..o.to_source(s + 8, true)],
            "mot19999"
        );
        let s = text.rfind("12").unwrap();
        assert_eq!(&text[s - 7..s], "Fin de ");
        assert_eq!(&src[o.to_source(s, false)..o.to_source(s + 2, true)], "12");
    }
}
