//! Markdown input: the text of an article written in Markdown, read with a
//! CommonMark parser (pulldown-cmark). Front matter (`---` YAML or `+++`
//! TOML) gives the source metadata; code blocks, inline code, HTML and link
//! targets are skipped, except the suppression comments
//! (`<!-- figcheck: ignore … -->`), kept as they are written; every offset
//! of the text maps back to the file.

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::origin::{Origin, TextBuilder};
use super::SourceMeta;

/// The text of a Markdown file, its map to the file, and the metadata of
/// its front matter.
pub(crate) fn read(source: &str) -> (String, Origin, SourceMeta) {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut b = TextBuilder::new();
    let mut meta = SourceMeta::default();
    // Depth inside elements whose text is not prose (code, HTML blocks).
    let mut skip = 0usize;
    let mut metadata: Option<MetadataBlockKind> = None;
    let mut last_end = 0;
    for (ev, range) in Parser::new_ext(source, opts).into_offset_iter() {
        match ev {
            Event::Start(Tag::MetadataBlock(kind)) => metadata = Some(kind),
            Event::End(TagEnd::MetadataBlock(_)) => metadata = None,
            Event::Text(t) if metadata.is_some() => {
                let m = match metadata {
                    Some(MetadataBlockKind::PlusesStyle) => toml_front_matter(&t),
                    _ => yaml_front_matter(&t),
                };
                meta = merge(meta, m);
            }
            Event::Start(Tag::CodeBlock(_)) => skip += 1,
            // An HTML block is not prose, but a suppression comment in it
            // is kept as it is written (on one line), for the rules about
            // suppressions.
            Event::Start(Tag::HtmlBlock) => {
                if skip == 0 {
                    for (s, e) in super::suppression::comments(source, range.start, range.end) {
                        let comment = super::suppression::as_text(&source[s..e]);
                        b.push_mapped(&comment, source, s, e);
                        last_end = e;
                    }
                }
                skip += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock) => {
                skip = skip.saturating_sub(1);
                block_break(&mut b, range.end);
            }
            Event::Text(t) if skip == 0 => {
                b.push_mapped(&t, source, range.start, range.end);
                last_end = range.end;
            }
            Event::SoftBreak if skip == 0 => {
                b.push_mapped(" ", source, range.start, range.end);
                last_end = range.end;
            }
            Event::HardBreak if skip == 0 => {
                b.push_mapped("\n", source, range.start, range.end);
                last_end = range.end;
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::FootnoteDefinition,
            ) => block_break(&mut b, last_end.max(range.start)),
            // Inline HTML is not prose either, but for suppression comments.
            Event::InlineHtml(_) if skip == 0 => {
                for (s, e) in super::suppression::comments(source, range.start, range.end) {
                    let comment = super::suppression::as_text(&source[s..e]);
                    b.push_mapped(&comment, source, s, e);
                    last_end = e;
                }
            }
            // Inline code, rules, footnote marks: not prose.
            _ => {}
        }
    }
    let (text, origin) = b.finish(source.to_string());
    (text, origin, meta)
}

/// Ends a block: a line break, unless the text already ends with one.
fn block_break(b: &mut TextBuilder, at: usize) {
    if !b.text().is_empty() && !b.text().ends_with('\n') {
        b.push_gap("\n", at);
    }
}

fn merge(a: SourceMeta, b: SourceMeta) -> SourceMeta {
    SourceMeta {
        outlet: a.outlet.or(b.outlet),
        date: a.date.or(b.date),
        url: a.url.or(b.url),
    }
}

/// Sets the field a front matter key names, if it names one.
fn set(meta: &mut SourceMeta, key: &str, value: String) {
    if value.is_empty() {
        return;
    }
    let slot = match key.to_ascii_lowercase().as_str() {
        "outlet" | "source" | "publisher" | "publication" | "site" | "site_name" => {
            &mut meta.outlet
        }
        "date" | "published" | "published_at" | "publishedat" | "pubdate" | "pub_date"
        | "publishdate" | "datepublished" | "date_published" | "publication_date" => &mut meta.date,
        "url" | "link" | "canonical" | "canonical_url" | "permalink" => &mut meta.url,
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(value);
    }
}

/// Reads the top-level `key: value` pairs of a YAML front matter (the
/// flat subset articles use; nested values are ignored).
pub(crate) fn yaml_front_matter(s: &str) -> SourceMeta {
    let mut meta = SourceMeta::default();
    for line in s.lines() {
        if line.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim();
        let v = v
            .strip_prefix('"')
            .and_then(|x| x.strip_suffix('"'))
            .or_else(|| v.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')))
            .unwrap_or(v);
        set(&mut meta, k.trim(), v.trim().to_string());
    }
    meta
}

/// Reads a TOML front matter's top-level strings and dates.
pub(crate) fn toml_front_matter(s: &str) -> SourceMeta {
    let mut meta = SourceMeta::default();
    if let Ok(t) = s.parse::<toml::Table>() {
        for (k, v) in t {
            let v = match v {
                toml::Value::String(s) => s,
                toml::Value::Datetime(d) => d.to_string(),
                _ => continue,
            };
            set(&mut meta, &k, v);
        }
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_code_and_markup_are_not_text() {
        let src = "---\ntitle: \"T\"\noutlet: Le Monde\ndate: 2024-02-01\nurl: https://example.org/a-2024\n---\n\n# Bilan : 3 morts\n\nIl y a **1 500** soldats\nen Irak, selon [un rapport](https://example.org/r/2023).\n\n```\nlet x = 42;\n```\n\nFin `99`.\n";
        let (text, o, meta) = read(src);
        assert_eq!(meta.outlet.as_deref(), Some("Le Monde"));
        assert_eq!(meta.date.as_deref(), Some("2024-02-01"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/a-2024"));
        assert_eq!(
            text,
            "Bilan : 3 morts\nIl y a 1 500 soldats en Irak, selon un rapport.\nFin .\n"
        );
        // Every offset maps into the file.
        let s = text.find("1 500").unwrap();
        let (fs, fe) = (o.to_source(s, false), o.to_source(s + 5, true));
        assert_eq!(&src[fs..fe], "1 500");
        let s = text.find("en Irak").unwrap();
        assert_eq!(
            &src[o.to_source(s, false)..o.to_source(s + 7, true)],
            "en Irak"
        );
    }

    #[test]
    fn suppression_comments_are_kept_and_other_html_is_not() {
        let src = "<!-- a note: 12 -->\n<!-- figcheck: ignore FC101 checked -->\nIl y a 2.500 XNUMX soldats\net <!-- figcheck: ignore FC105 named so --> 1O0 IOPS.\n\n<div>3</div>\n";
        let (text, o, _) = read(src);
        assert_eq!(
            text,
            "<!-- figcheck: ignore FC101 checked -->\nIl y a 2.500 XNUMX soldats et <!-- figcheck: ignore FC105 named so --> 1O0 IOPS.\n"
        );
        // The comments map into the file byte for byte.
        let s = text.find("<!-- figcheck: ignore FC105").unwrap();
        let e = s + "<!-- figcheck: ignore FC105 named so -->".len();
        assert_eq!(
            &src[o.to_source(s, false)..o.to_source(e, true)],
            &text[s..e]
        );
    }

    #[test]
    fn toml_front_matter_is_read() {
        let src = "+++\noutlet = \"AFP\"\ndate = 2024-03-05\n+++\nTrois morts.\n";
        let (text, _, meta) = read(src);
        assert_eq!(meta.outlet.as_deref(), Some("AFP"));
        assert_eq!(meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(text, "Trois morts.\n");
    }
}
