//! Where the text of a document comes from. The text figcheck reads is not
//! always the file's bytes as they are: invalid UTF-8 is replaced, HTML
//! loses its tags and entities, Markdown its front matter, code and markup.
//! An [`Origin`] keeps the file's own text and maps every offset of the
//! derived text back into it, so that findings point into the file.

use similar::{capture_diff_slices, Algorithm, DiffOp};

/// How a document's text was read from its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Jsonl,
}

impl Format {
    /// The format a file name implies: `.md`/`.markdown`, `.html`/`.htm`,
    /// `.jsonl`/`.ndjson`; anything else is plain text.
    pub fn from_name(name: &str) -> Format {
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => Format::Text,
        }
    }
}

/// One run of derived text and the run of source text it comes from.
/// When both have the same length they match byte for byte; otherwise the
/// run maps as a whole (an entity `&amp;` read as `&`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    at: usize,
    len: usize,
    src: usize,
    src_len: usize,
}

/// Builds a derived text piece by piece, remembering where each piece
/// comes from in the source text.
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    text: String,
    pieces: Vec<Piece>,
}

impl TextBuilder {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// The text built so far.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Appends `derived`, read from `source[src..src_end]` (`source` being the
    /// whole source text). Where they differ (entities, escapes), the two are
    /// aligned character by character, so that only the differing runs map
    /// as a whole.
    pub(crate) fn push_mapped(&mut self, derived: &str, source: &str, src: usize, src_end: usize) {
        if derived.is_empty() {
            return;
        }
        let raw = &source[src..src_end];
        if raw == derived {
            self.push_piece(derived, src, raw.len());
            return;
        }
        let a: Vec<char> = raw.chars().collect();
        let b: Vec<char> = derived.chars().collect();
        // Byte offsets of every char boundary on both sides.
        let offs = |cs: &[char]| {
            let mut v = Vec::with_capacity(cs.len() + 1);
            let mut o = 0;
            v.push(0);
            for c in cs {
                o += c.len_utf8();
                v.push(o);
            }
            v
        };
        let (oa, ob) = (offs(&a), offs(&b));
        for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
            let (ra, rb) = (op.old_range(), op.new_range());
            let d = &derived[ob[rb.start]..ob[rb.end]];
            let (s, e) = (src + oa[ra.start], src + oa[ra.end]);
            match op {
                DiffOp::Delete { .. } => {}
                _ => self.push_piece(d, s, e - s),
            }
        }
    }

    /// Appends `derived` as standing for the whole of `source[src..src_end]`
    /// (a run of white space read as one space), without aligning them.
    pub(crate) fn push_whole(&mut self, derived: &str, src: usize, src_end: usize) {
        if !derived.is_empty() {
            self.push_piece(derived, src, src_end - src);
        }
    }

    /// Appends text that stands for no source text (a separator between
    /// blocks); it maps to the source position `at`.
    pub(crate) fn push_gap(&mut self, s: &str, at: usize) {
        if !s.is_empty() {
            self.push_piece(s, at, 0);
        }
    }

    fn push_piece(&mut self, s: &str, src: usize, src_len: usize) {
        let at = self.text.len();
        self.text.push_str(s);
        // Merge with the previous piece when both are exact and contiguous.
        if let Some(p) = self.pieces.last_mut() {
            if p.len == p.src_len
                && s.len() == src_len
                && p.at + p.len == at
                && p.src + p.src_len == src
            {
                p.len += s.len();
                p.src_len += src_len;
                return;
            }
        }
        self.pieces.push(Piece {
            at,
            len: s.len(),
            src,
            src_len,
        });
    }

    /// The derived text and its map to `source`.
    pub(crate) fn finish(self, source: String) -> (String, Origin) {
        let origin = Origin {
            text: source,
            pieces: self.pieces,
            identity: false,
            invalid: Vec::new(),
        };
        (self.text, origin)
    }
}

/// A document's source: the file's text, how the document's text was
/// derived from it, and where the file held invalid UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    /// The file's text (invalid UTF-8 replaced by U+FFFD).
    pub(crate) text: String,
    pieces: Vec<Piece>,
    /// The document's text is the file's text.
    identity: bool,
    /// Each replaced invalid UTF-8 sequence: its offset in `text` and its
    /// length in the file's bytes.
    invalid: Vec<(usize, usize)>,
}

impl Origin {
    /// The origin of a document whose text is the file's text.
    pub(crate) fn identity(text: String) -> Origin {
        Origin {
            text,
            pieces: Vec::new(),
            identity: true,
            invalid: Vec::new(),
        }
    }

    /// Records the invalid UTF-8 sequences replaced when decoding the file:
    /// (offset in the decoded text, length in bytes).
    pub(crate) fn with_invalid(mut self, invalid: Vec<(usize, usize)>) -> Origin {
        self.invalid = invalid;
        self
    }

    /// The offset in the source text of the derived offset `o`; `end` tells
    /// whether `o` ends a span (it then maps after a whole-mapped run).
    pub(crate) fn to_source(&self, o: usize, end: bool) -> usize {
        if self.identity {
            return o.min(self.text.len());
        }
        if self.pieces.is_empty() {
            return 0;
        }
        // The last piece starting at or before `o` (for an end offset, the
        // last piece starting before it, so that a span's end stays in the
        // piece where the span lies).
        let idx = self
            .pieces
            .partition_point(|p| if end { p.at < o } else { p.at <= o });
        if idx == 0 {
            return self.pieces[0].src;
        }
        let p = &self.pieces[idx - 1];
        let inside = o - p.at;
        if inside >= p.len {
            // In a gap after the piece, or at its end.
            if end || idx == self.pieces.len() {
                return p.src + p.src_len;
            }
            return self.pieces[idx].src;
        }
        if p.len == p.src_len {
            p.src + inside
        } else if inside == 0 {
            p.src
        } else if end {
            p.src + p.src_len
        } else {
            p.src
        }
    }

    /// The byte offset in the file of the source text offset `o`.
    pub(crate) fn file_offset(&self, o: usize) -> usize {
        let mut shift: isize = 0;
        for &(at, len) in &self.invalid {
            if at >= o {
                break;
            }
            // One U+FFFD (3 bytes) stands for `len` bytes of the file.
            shift += len as isize - '\u{FFFD}'.len_utf8() as isize;
        }
        (o as isize + shift).max(0) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_map_as_a_whole_and_the_rest_byte_for_byte() {
        let src = "<p>1&nbsp;500 &amp; 20</p>";
        let mut b = TextBuilder::new();
        b.push_mapped("1\u{a0}500 & 20", src, 3, 22);
        let (text, o) = b.finish(src.to_string());
        assert_eq!(text, "1\u{a0}500 & 20");
        // "1" maps to itself, the NBSP to the whole entity.
        assert_eq!(o.to_source(0, false), 3);
        assert_eq!(o.to_source(1, false), 4);
        assert_eq!(o.to_source(3, true), 10);
        // The whole figure "1 500".
        let (s, e) = (0, text.find(" &").unwrap());
        assert_eq!(
            &src[o.to_source(s, false)..o.to_source(e, true)],
            "1&nbsp;500"
        );
        let s20 = text.find("20").unwrap();
        assert_eq!(
            &src[o.to_source(s20, false)..o.to_source(s20 + 2, true)],
            "20"
        );
    }

    #[test]
    fn gaps_map_to_their_neighbours() {
        let src = "<p>a</p><p>b</p>";
        let mut b = TextBuilder::new();
        b.push_mapped("a", src, 3, 4);
        b.push_gap("\n\n", 4);
        b.push_mapped("b", src, 11, 12);
        let (text, o) = b.finish(src.to_string());
        assert_eq!(text, "a\n\nb");
        assert_eq!(o.to_source(3, false), 11);
        assert_eq!(o.to_source(4, true), 12);
        assert_eq!(o.to_source(1, true), 4);
    }

    #[test]
    fn invalid_utf8_shifts_file_offsets() {
        // "a\xff\xfeb": the two bytes became one U+FFFD (3 bytes).
        let o = Origin::identity("a\u{FFFD}b".into()).with_invalid(vec![(1, 2)]);
        assert_eq!(o.file_offset(1), 1);
        assert_eq!(o.file_offset(4), 3);
    }

    #[test]
    fn format_from_name() {
        assert_eq!(Format::from_name("a/b.MD"), Format::Markdown);
        assert_eq!(Format::from_name("x.htm"), Format::Html);
        assert_eq!(Format::from_name("x.ndjson"), Format::Jsonl);
        assert_eq!(Format::from_name("README"), Format::Text);
    }
}
