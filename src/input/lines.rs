//! Line and column of any offset of a text, in time independent of the
//! length of the line: reports locate every finding, and a text of one
//! long line (minified HTML, a scraped dump) must not cost quadratic time.

/// Bytes between two character-count checkpoints.
const BLOCK: usize = 1024;

/// The line starts of a text, and the number of characters before every
/// [`BLOCK`]-th byte.
#[derive(Debug, Clone, Default)]
pub(crate) struct LineIndex {
    /// Byte offset of the start of every line; the first is 0.
    line_starts: Vec<usize>,
    /// For each block: the char boundary at or before its first byte, and
    /// the number of characters before it.
    blocks: Vec<(usize, usize)>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|p| p + 1));
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let (mut at, mut chars) = (0, 0);
        for k in 0..=text.len() / BLOCK {
            let mut b = k * BLOCK;
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            chars += text[at..b].chars().count();
            at = b;
            blocks.push((b, chars));
        }
        LineIndex {
            line_starts,
            blocks,
        }
    }

    /// Characters in `text[..offset]` (`offset` a char boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let (b, n) = self.blocks[offset / BLOCK];
        n + text[b..offset].chars().count()
    }

    /// 1-based line and column (in characters) of byte `offset` in `text`,
    /// the text the index was built from; the same as
    /// [`crate::error::line_col`].
    pub(crate) fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let column = self.chars_before(text, offset) - self.chars_before(text, start) + 1;
        (line, column)
    }

    /// The byte span of the line holding `offset`, without its `\n`.
    pub(crate) fn line_span(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .map_or(text.len(), |&next| next - 1);
        (start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::line_col;

    #[test]
    fn agrees_with_line_col_everywhere() {
        let mut t = String::new();
        for i in 0..600 {
            t.push_str(["é", "a", "\n", "€", "𝄞", " ", "\r\n"][i % 7]);
            if i % 97 == 0 {
                t.push_str(&"x".repeat(1500));
            }
        }
        let idx = LineIndex::new(&t);
        for o in 0..=t.len() + 2 {
            assert_eq!(idx.line_col(&t, o), line_col(&t, o), "offset {o}");
        }
        assert_eq!(LineIndex::new("").line_col("", 0), (1, 1));
    }

    #[test]
    fn line_span_excludes_the_newline() {
        let t = "ab\ncd\n\nef";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_span(t, 0), (0, 2));
        assert_eq!(idx.line_span(t, 4), (3, 5));
        assert_eq!(idx.line_span(t, 6), (6, 6));
        assert_eq!(idx.line_span(t, 8), (7, 9));
        assert_eq!(idx.line_span(t, 9), (7, 9));
    }
}
