//! Layout helpers the malformed-value checks share: the shapes of text
//! that put digits side by side without making one figure of them (the
//! columns of a fixed-width table, a sentence that ends on a year glued to
//! the next paragraph).

/// The line of `text` around byte `pos`, as (start, end).
fn line_at(text: &str, pos: usize) -> (usize, usize) {
    let s = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let e = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    (s, e)
}

/// True when the line has a column gap: a tab, or a run of two or more
/// spaces inside it with a digit or the end of a cell (`%`, `)`) on one
/// side (not its indentation, not the double space after a sentence end,
/// not a double space between two words).
fn column_gap(line: &str) -> bool {
    let body = line.trim_start_matches([' ', '\t', '\u{a0}']);
    let body = body.trim_end();
    if body.contains('\t') {
        return true;
    }
    let chars: Vec<char> = body.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        if chars[k] == ' ' || chars[k] == '\u{a0}' {
            let s = k;
            while k < chars.len() && (chars[k] == ' ' || chars[k] == '\u{a0}') {
                k += 1;
            }
            let after_sentence = s > 0 && matches!(chars[s - 1], '.' | '!' | '?');
            let cell =
                |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit() || matches!(c, '%' | ')'));
            let beside_number = (s > 0 && cell(chars.get(s - 1))) || cell(chars.get(k));
            if k - s >= 2 && !after_sentence && beside_number {
                return true;
            }
        } else {
            k += 1;
        }
    }
    false
}

/// True for a token of a table cell: digits with their separators, signs,
/// brackets and a percent sign.
fn number_token(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, ',' | '.' | '%' | '(' | ')' | '-' | '+' | '$')
        })
}

/// The longest line, in characters, that can be the row of a table; a
/// longer one is a paragraph.
const ROW: usize = 120;

/// True when a short line holds two numbers one after the other: the row
/// of a table ("Net income 45.6 40.1", "Brent 62.45 62.10 +0.35 pct").
fn numeric_row(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    line.chars().count() <= ROW
        && tokens
            .windows(2)
            .any(|w| number_token(w[0]) && number_token(w[1]))
}

/// True when byte `pos` stands in a table: its line has a column gap, or
/// it and the line before or after it are both short lines with two
/// numbers one after the other (aligned rows).
pub(crate) fn in_table(text: &str, pos: usize) -> bool {
    let (s, e) = line_at(text, pos);
    let line = &text[s..e];
    if column_gap(line) {
        return true;
    }
    if !numeric_row(line) {
        return false;
    }
    let before = s
        .checked_sub(1)
        .map(|p| line_at(text, p))
        .map(|(a, b)| &text[a..b]);
    let after = (e < text.len())
        .then(|| line_at(text, e + 1))
        .map(|(a, b)| &text[a..b]);
    before.is_some_and(numeric_row) || after.is_some_and(numeric_row)
}

/// True when a written number starts with a year (four digits, 1800 to
/// 2199) followed by a point and a digit: a sentence that ends on a year
/// glued to a paragraph that starts with a number ("en 2018.2 327
/// voitures", "2017.59.39 %"), not a decimal nor a grouping.
pub(crate) fn year_then_point(written: &str) -> bool {
    let b = written.as_bytes();
    b.len() > 5
        && b[..4].iter().all(u8::is_ascii_digit)
        && written
            .get(..4)
            .and_then(|y| y.parse::<u32>().ok())
            .is_some_and(|y| (1800..=2199).contains(&y))
        && b[4] == b'.'
        && b[5].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::{in_table, year_then_point};

    #[test]
    fn tables() {
        let t = "                 2019      2018\nRevenue          1,234.5   1,100.2\n";
        assert!(in_table(t, t.find("1,100").unwrap()));
        let t = "Sales\t12.5\t11.3\n";
        assert!(in_table(t, 8));
        let t = "Net income 45.6 40.1\nEPS 0.45 0.40\n";
        assert!(in_table(t, t.find("40.1").unwrap()));
        let t = "Brent 62.45 62.10 +0.35 pct\nWTI 57.20 56.95 +0.25 pct\n";
        assert!(in_table(t, t.find("62.10").unwrap()));
        // Two paragraphs, each with two numbers side by side.
        let long = "It said the drive reaches 73.9 838 IOPS in random reads, well above what the previous model of the same maker could reach.";
        let t = format!("{long}\nIn 2014 500 soldiers were sent.\n");
        assert!(!in_table(&t, t.find("838").unwrap()));
        // Prose: one row alone, or a double space after a sentence.
        let t = "It reached 73.9 838 IOPS.  Then 12 more.\n";
        assert!(!in_table(t, t.find("838").unwrap()));
        let t = "Le compteur affiche 1 50 000\nvisites.";
        assert!(!in_table(t, 22));
        let t = "The  company said it reached 73.9 838 IOPS.";
        assert!(!in_table(t, t.find("838").unwrap()));
    }

    #[test]
    fn years_glued_to_the_next_paragraph() {
        assert!(year_then_point("2018.2"));
        assert!(year_then_point("2017.59.39"));
        assert!(year_then_point("1986.12"));
        assert!(!year_then_point("1000.56"));
        assert!(!year_then_point("2018"));
        assert!(!year_then_point("73.9"));
        assert!(!year_then_point("3.817.69"));
    }
}
