//! What stands around a number: qualifiers, signs and currency symbols
//! before it; scale words, units, months and the counted noun after it.
//! Each function looks at one side of one number and returns byte offsets
//! into the document text.

use rust_decimal::Decimal;

use super::words::{is_word_char, letters_len, lookup};
use crate::lexicon::{fold_char, LangLexicon, Lexicon};

/// True for the spaces that may stand inside a figure.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\t')
}

/// The char just before byte `pos`.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// The char at byte `pos`.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// Byte offset after skipping at most one run of inline spaces from `pos`.
pub(crate) fn skip_spaces(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    let mut p = pos;
    // ASCII is read on its bytes, other characters whole.
    while let Some(&b) = bytes.get(p) {
        if b == b' ' || b == b'\t' {
            p += 1;
            continue;
        }
        if b < 0x80 {
            break;
        }
        match text[p..].chars().next() {
            Some(c) if is_space(c) => p += c.len_utf8(),
            _ => break,
        }
    }
    p
}

/// Byte offset before the inline spaces that end at `pos`.
pub(crate) fn skip_spaces_back(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    let mut p = pos;
    // ASCII is read on its bytes, other characters whole.
    while p > 0 {
        let b = bytes[p - 1];
        if b == b' ' || b == b'\t' {
            p -= 1;
            continue;
        }
        if b < 0x80 {
            break;
        }
        match text[..p].chars().next_back() {
            Some(c) if is_space(c) => p -= c.len_utf8(),
            _ => break,
        }
    }
    p
}

/// The word (letters, inner hyphens and apostrophes excluded) starting at `pos`.
pub(crate) fn word_at(text: &str, pos: usize) -> Option<(usize, usize)> {
    let end = pos + letters_len(&text[pos..]);
    (end > pos).then_some((pos, end))
}

/// A noun-like word at `pos`: letters with inner hyphens ("sous-comités").
pub(crate) fn noun_at(text: &str, pos: usize) -> Option<(usize, usize)> {
    let (_, mut end) = word_at(text, pos)?;
    while let Some('-') = char_at(text, end) {
        match word_at(text, end + 1) {
            Some((_, e)) => end = e,
            None => break,
        }
    }
    Some((pos, end))
}

/// The word ending at `pos` (letters only), if any.
pub(crate) fn word_before(text: &str, pos: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut start = pos;
    while start > 0 {
        let b = bytes[start - 1];
        // ASCII letters are read on their bytes.
        if b < 0x80 {
            if !b.is_ascii_alphabetic() {
                break;
            }
            start -= 1;
            continue;
        }
        match text[..start].chars().next_back() {
            Some(c) if is_word_char(c) => start -= c.len_utf8(),
            _ => break,
        }
    }
    (start < pos).then_some((start, pos))
}

/// Folds the text before `pos` (at most `max` bytes) for suffix matching,
/// keeping the byte offset of each folded char.
pub(crate) struct Tail {
    pub(crate) norm: String,
    pub(crate) offsets: Vec<usize>,
    /// The length of `norm` without its trailing spaces, which a phrase
    /// is matched before.
    trimmed: usize,
}

thread_local! {
    /// The buffers of dropped tails, which the next tails fold into: a
    /// figure reads several tails, and none needs an allocation.
    static SPARE_TAILS: std::cell::RefCell<Vec<(String, Vec<usize>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

impl Drop for Tail {
    fn drop(&mut self) {
        let norm = std::mem::take(&mut self.norm);
        let offsets = std::mem::take(&mut self.offsets);
        // A tail dropped while the thread ends keeps its buffers.
        let _ = SPARE_TAILS.try_with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                if s.len() < 16 {
                    s.push((norm, offsets));
                }
            }
        });
    }
}

/// Whether an ASCII byte folds to a space ([`tail`] keeps one of a run).
fn folds_to_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

pub(crate) fn tail(text: &str, pos: usize, max: usize) -> Tail {
    let mut start = pos.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let (mut norm, mut offsets) = SPARE_TAILS
        .try_with(|s| s.try_borrow_mut().ok().and_then(|mut s| s.pop()))
        .ok()
        .flatten()
        .unwrap_or_default();
    norm.clear();
    offsets.clear();
    norm.reserve(pos - start);
    offsets.reserve(pos - start);
    let mut last_space = false;
    let bytes = text.as_bytes();
    let mut at = start;
    while at < pos {
        let b = bytes[at];
        if b < 0x80 {
            if folds_to_space(b) {
                if !last_space {
                    norm.push(' ');
                    offsets.push(at);
                }
                last_space = true;
                at += 1;
                continue;
            }
            last_space = false;
            if b == b'`' {
                norm.push('\'');
                offsets.push(at);
                at += 1;
                continue;
            }
            // A run of other ASCII bytes is copied at once and lowered:
            // one folded byte per byte.
            let run = at;
            while at < pos && bytes[at] < 0x80 && !folds_to_space(bytes[at]) && bytes[at] != b'`' {
                at += 1;
            }
            let from = norm.len();
            norm.push_str(&text[run..at]);
            norm[from..].make_ascii_lowercase();
            offsets.extend(run..at);
            continue;
        }
        let i = at;
        let Some(c) = text[at..pos].chars().next() else {
            break;
        };
        at += c.len_utf8();
        let f = fold_char(c);
        if f == ' ' || f == '\n' || f == '\r' {
            if !last_space {
                norm.push(' ');
                offsets.push(i);
            }
            last_space = true;
        } else {
            offsets.extend(std::iter::repeat_n(i, f.len_utf8()));
            norm.push(f);
            last_space = false;
        }
    }
    let trimmed = norm.trim_end_matches(' ').len();
    Tail {
        norm,
        offsets,
        trimmed,
    }
}

impl Tail {
    /// If the tail ends with `phrase` (then optional spaces), at a word
    /// boundary, the original byte offset where the phrase starts.
    #[inline]
    pub(crate) fn ends_with_phrase(&self, phrase: &str) -> Option<usize> {
        // Most phrases end in another byte: no comparison of the rest.
        match phrase.as_bytes().last() {
            Some(l) if self.norm.as_bytes()[..self.trimmed].last() != Some(l) => None,
            _ => self.ends_with_phrase_at_boundary(phrase),
        }
    }

    fn ends_with_phrase_at_boundary(&self, phrase: &str) -> Option<usize> {
        let t = &self.norm[..self.trimmed];
        if !t.ends_with(phrase) {
            return None;
        }
        let at = t.len() - phrase.len();
        if at > 0 {
            let before = t[..at].chars().next_back()?;
            let starts_alnum = phrase.chars().next().is_some_and(|c| c.is_alphanumeric());
            if starts_alnum && before.is_alphanumeric() {
                return None;
            }
        }
        self.offsets.get(at).copied()
    }
}

/// A unit found next to a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UnitMatch {
    pub(crate) unit: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Index into [`Lexicon::unit_forms`].
    pub(crate) form: usize,
    /// The form is a symbol ("$", "km"), not a word.
    pub(crate) form_is_symbol: bool,
    /// The multiplier the form carries ("M€").
    pub(crate) scale: Option<Decimal>,
}

fn boundary_after(text: &str, end: usize, form_is_alpha: bool) -> bool {
    match char_at(text, end) {
        None => true,
        // "m212", "L-202": a code, not a unit.
        Some(c) if c.is_ascii_digit() => false,
        Some('-') => !char_at(text, end + 1).is_some_and(|c| c.is_ascii_digit()),
        Some(c) if form_is_alpha => !(c.is_alphanumeric() || c == '\'' || c == '’'),
        Some(_) => true,
    }
}

thread_local! {
    /// The folded head of [`unit_at`], kept from one call to the next.
    static UNIT_HEAD: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The longest unit written at `pos` (already past any space).
pub(crate) fn unit_at(lex: &Lexicon, text: &str, pos: usize) -> Option<UnitMatch> {
    UNIT_HEAD
        .try_with(|h| match h.try_borrow_mut() {
            Ok(mut folded) => unit_at_folding_into(lex, text, pos, &mut folded),
            Err(_) => unit_at_folding_into(lex, text, pos, &mut String::new()),
        })
        .unwrap_or_else(|_| unit_at_folding_into(lex, text, pos, &mut String::new()))
}

/// [`unit_at`], folding the head of the text into `folded`.
fn unit_at_folding_into(
    lex: &Lexicon,
    text: &str,
    pos: usize,
    folded: &mut String,
) -> Option<UnitMatch> {
    let rest = &text[pos..];
    let mut head_end = rest.len().min(40);
    while !rest.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &rest[..head_end];
    // Only the symbols starting with this char, and the words whose
    // leading letters are the head's, can match; both lists are in
    // `unit_forms` order, longest first.
    let c0 = head.chars().next()?;
    let empty = Vec::new();
    // Of those, only the symbols of one byte and those whose second byte
    // is the head's are compared further (`Lexicon::unit_first`).
    let hb = head.as_bytes();
    let one_byte = (c0, crate::lexicon::UNIT_ONE_BYTE);
    let symbols = hb
        .get(1)
        .and_then(|&b| lex.unit_first.get(&(c0, u16::from(b))))
        .or_else(|| lex.unit_first.get(&one_byte))
        .unwrap_or(&empty);
    // The leading letters, as folded: an ASCII byte folds to a letter
    // when it is one.
    // Their folded hash, read with them: letters whose hash keys no unit
    // word are not folded.
    let mut key_end = 0;
    let mut h = crate::lexicon::FOLD_HASH_BASIS;
    while let Some(&b) = hb.get(key_end) {
        if b < 0x80 {
            if !b.is_ascii_alphabetic() {
                break;
            }
            h = crate::lexicon::fold_hash_byte(h, b.to_ascii_lowercase());
            key_end += 1;
            continue;
        }
        match head[key_end..].chars().next() {
            Some(c) if fold_char(c).is_alphabetic() => {
                h = crate::lexicon::fold_hash_letter(h, c);
                key_end += c.len_utf8();
            }
            _ => break,
        }
    }
    let mut words = &empty;
    if lex.unit_word_hashes.contains(&h) {
        crate::lexicon::fold_into(&head[..key_end], folded);
        words = lex.unit_words.get(folded.as_str()).unwrap_or(&empty);
    }
    if key_end == 0 && !words.is_empty() {
        // No leading letter: the folded head starts with the fold of its
        // first character, and only a word form starting with it matches;
        // without one, the head is not folded.
        let mut first = [0u8; 4];
        let first = fold_char(c0).encode_utf8(&mut first).as_bytes()[0];
        if !words
            .iter()
            .any(|&fi| lex.unit_forms[fi].form.as_bytes().first() == Some(&first))
        {
            words = &empty;
        }
    }
    if symbols.is_empty() && words.is_empty() {
        return None;
    }
    if !words.is_empty() {
        crate::lexicon::fold_into(head, folded);
    }
    let (mut a, mut b) = (0, 0);
    let candidates = std::iter::from_fn(|| {
        let next = match (symbols.get(a), words.get(b)) {
            (Some(&x), Some(&y)) if x < y => {
                a += 1;
                x
            }
            (_, Some(&y)) => {
                b += 1;
                y
            }
            (Some(&x), None) => {
                a += 1;
                x
            }
            (None, None) => return None,
        };
        Some(next)
    });
    for fi in candidates {
        let f = &lex.unit_forms[fi];
        if f.symbol {
            // Most symbols of the head's first character differ from it in
            // their second byte, or are longer: both tell at once.
            let fb = f.form.as_bytes();
            if fb.len() > hb.len() || (fb.len() > 1 && fb[1] != hb[1]) {
                continue;
            }
        }
        let alpha_end = f.form.chars().last().is_some_and(|c| c.is_alphabetic());
        let found = |end: usize| UnitMatch {
            unit: f.unit,
            start: pos,
            end,
            form: fi,
            form_is_symbol: f.symbol,
            scale: f.scale,
        };
        // "mi-mai", "2 million second-hand cars": a form that ends in a
        // letter and goes on with a hyphen and a word is part of a
        // compound word, unless the number is glued to it by a hyphen too
        // ("20-year-old", "a 20-mile-long road"). A symbol never is.
        let compound_word = |end: usize| {
            if !(alpha_end
                && char_at(text, end) == Some('-')
                && char_at(text, end + 1).is_some_and(char::is_alphabetic)
                && (f.symbol || char_before(text, pos).is_none_or(is_space)))
            {
                return false;
            }
            // "15 year-old": the suffix of an age goes on with the unit.
            let next = word_at(text, end + 1).map_or("", |(s, e)| &text[s..e]);
            f.symbol
                || !lex
                    .languages
                    .iter()
                    .flat_map(|(_, l)| l.age_suffixes.iter())
                    .any(|x| next.eq_ignore_ascii_case(x))
        };
        if f.symbol {
            if head.starts_with(f.form.as_str()) {
                let end = pos + f.form.len();
                if boundary_after(text, end, alpha_end) && !compound_word(end) {
                    return Some(found(end));
                }
            }
        } else if folded.starts_with(f.form.as_str()) {
            // Map the folded length back to the original text.
            let n_chars = f.form.chars().count();
            let mut end = pos;
            let mut seen = 0;
            let mut last_space = false;
            for c in head.chars() {
                if seen >= n_chars {
                    break;
                }
                let sp = is_space(c);
                if !(sp && last_space) {
                    seen += match c {
                        'œ' | 'Œ' | 'æ' | 'Æ' => 2,
                        _ => 1,
                    };
                }
                last_space = sp;
                end += c.len_utf8();
            }
            if boundary_after(text, end, alpha_end) && !compound_word(end) {
                return Some(found(end));
            }
        }
    }
    None
}

/// A prefix unit ("$", "€", "USD ") written just before `pos`.
pub(crate) fn prefix_unit_before(lex: &Lexicon, text: &str, pos: usize) -> Option<UnitMatch> {
    let p = skip_spaces_back(text, pos);
    let last = char_before(text, p)?;
    for &fi in lex.prefix_last.get(&last)? {
        let f = &lex.unit_forms[fi];
        if text[..p].ends_with(f.form.as_str()) {
            let start = p - f.form.len();
            // An alphabetic code must start a word: "USD 5", not "XUSD5".
            if f.form.starts_with(|c: char| c.is_alphabetic())
                && char_before(text, start).is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            // A spaced symbol is fine ("$ 75", "US$ 5"); letters right before
            // the number without space are not ("km5").
            return Some(UnitMatch {
                unit: f.unit,
                start,
                end: p,
                form: fi,
                form_is_symbol: true,
                scale: f.scale,
            });
        }
    }
    None
}

/// The word at a position and its fold, found once: each recogniser that
/// reads the word after a number (scale word, month, counted noun) looks
/// it up here instead of finding and folding it again.
#[derive(Debug, Default)]
pub(crate) struct FoldedWord {
    /// The position the word was read at (`usize::MAX`: none yet).
    pos: usize,
    /// The word at `pos` ([`word_at`]), if any.
    span: Option<(usize, usize)>,
    /// Its fold.
    folded: String,
}

impl FoldedWord {
    pub(crate) fn new() -> Self {
        FoldedWord {
            pos: usize::MAX,
            span: None,
            folded: String::new(),
        }
    }

    /// The word at `pos` in `text` (the one text of the extractor) and its
    /// fold, read and folded only when `pos` differs from the last call's.
    pub(crate) fn at(&mut self, text: &str, pos: usize) -> Option<(usize, usize, &str)> {
        if self.pos != pos {
            self.pos = pos;
            self.span = word_at(text, pos);
            if let Some((s, e)) = self.span {
                crate::lexicon::fold_into(&text[s..e], &mut self.folded);
            }
        }
        let (s, e) = self.span?;
        Some((s, e, self.folded.as_str()))
    }
}

/// A scale word at `pos` ("millions", "bn", "k"), with its multiplier.
#[cfg(test)]
pub(crate) fn scale_at(
    lang: &LangLexicon,
    text: &str,
    pos: usize,
    buf: &mut String,
) -> Option<(Decimal, usize)> {
    let (s, e) = word_at(text, pos)?;
    crate::lexicon::fold_into(&text[s..e], buf);
    scale_of(lang, text, e, buf)
}

/// The scale named by a word ending at `e`, folded to `folded`, with its
/// multiplier and end.
pub(crate) fn scale_of(
    lang: &LangLexicon,
    text: &str,
    e: usize,
    folded: &str,
) -> Option<(Decimal, usize)> {
    if !boundary_after(text, e, true) && char_at(text, e) != Some('\'') {
        return None;
    }
    let m = *lang.scales.get(folded)?;
    Some((m, e))
}

/// The month named by a word at `s..e`, folded to `folded`, and its end.
pub(crate) fn month_of(
    lang: &LangLexicon,
    text: &str,
    (s, mut e): (usize, usize),
    folded: &str,
) -> Option<(u32, usize)> {
    let m = *lang.months.get(folded)?;
    // Abbreviations may carry a point: "janv.", "Sept.".
    if e - s <= 4 && char_at(text, e) == Some('.') {
        e += 1;
    }
    Some((m, e))
}

/// The counted noun after a figure ending at `pos`: skips one link word
/// ("de", "d'", "of") when `link` is allowed, and adjectives listed as
/// `nouns.skip`. Stops at stop words and punctuation.
// The lexicons, the text and the two buffers are the extractor's; each
// caller passes its own language and link rule.
#[allow(clippy::too_many_arguments)]
pub(crate) fn counted_noun(
    lang: &LangLexicon,
    debris: &[String],
    text: &str,
    pos: usize,
    link: bool,
    head_last: bool,
    buf: &mut String,
    word: &mut FoldedWord,
) -> Option<(usize, usize)> {
    let mut p = skip_spaces(text, pos);
    let mut linked = false;
    let mut skipped = 0;
    loop {
        let (s, e) = noun_at(text, p)?;
        let w = &text[s..e];
        if debris.iter().any(|d| d == w) {
            p = skip_spaces(text, e);
            continue;
        }
        if w.len() > 60 {
            return None;
        }
        // A noun of one word is folded as the word at `p`, once.
        match word.at(text, p) {
            Some((_, we, folded)) if we == e => {
                buf.clear();
                buf.push_str(folded);
            }
            _ => crate::lexicon::fold_into(w, buf),
        }
        // Elided link: "d'étrangers", "d’Etats".
        if matches!(char_at(text, e), Some('\'') | Some('’')) {
            let f = buf.clone() + "'";
            if link && !linked && lang.noun_links.contains(&f) {
                linked = true;
                p = e + char_at(text, e).map_or(1, |c| c.len_utf8());
                continue;
            }
            return None;
        }
        if lang.noun_links.contains(buf.as_str()) {
            if !link || linked {
                return None;
            }
            linked = true;
            p = skip_spaces(text, e);
            continue;
        }
        // A month or a weekday after a count is when, not what, it counts
        // ("287 samedi soir", "1 350 lundi").
        if lang.noun_stop.contains(buf.as_str())
            || lang.months.contains_key(buf.as_str())
            || lang.weekdays.contains_key(buf.as_str())
        {
            return None;
        }
        if lang.noun_skip.contains(buf.as_str()) && skipped < 2 {
            skipped += 1;
            p = skip_spaces(text, e);
            continue;
        }
        if e - s < 2 || lookup(lang, w, buf).is_some_and(|i| i.starts_figure()) {
            return None;
        }
        if head_last {
            return Some(head_last_noun(lang, text, s, e, buf));
        }
        return Some((s, e));
    }
}

/// The head of a noun phrase that starts at `[s, e)`: the last of
/// up to three content words ("Islamic State fighters", "US soldiers"),
/// stopping before stop words, participles ("killed", "fighting") and
/// punctuation. Called only for a language whose counted noun stands last
/// (`head_last`), with its words: `nouns.participle_endings` and
/// `nouns.plural_endings` of its data.
fn head_last_noun(
    lang: &LangLexicon,
    text: &str,
    s: usize,
    e: usize,
    buf: &mut String,
) -> (usize, usize) {
    let mut head = (s, e);
    let mut p = e;
    for _ in 0..2 {
        let q = skip_spaces(text, p);
        if q == p {
            break;
        }
        let Some((ws, we)) = noun_at(text, q) else {
            break;
        };
        crate::lexicon::fold_into(&text[ws..we], buf);
        let w = buf.as_str();
        if lang.noun_stop.contains(w)
            || lang.months.contains_key(w)
            || lang
                .participle_endings
                .iter()
                .any(|x| w.ends_with(x.as_str()))
            || w.len() < 2
        {
            break;
        }
        // Only a modifier extends the phrase: a capitalised word ("Islamic
        // State fighters") or a singular before a plural ("police
        // officers"); "troops remain" stops at the plural.
        let current = &text[head.0..head.1];
        let capitalised = current.chars().next().is_some_and(|c| c.is_uppercase());
        let plural = |x: &str| lang.plural_endings.iter().any(|p| x.ends_with(p.as_str()));
        let singular_then_plural = !plural(current) && plural(w);
        if !(capitalised || singular_then_plural) {
            break;
        }
        head = (ws, we);
        p = we;
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_skipped_as_characters() {
        let by_chars = |text: &str, pos: usize| {
            pos + text[pos..]
                .chars()
                .take_while(|&c| is_space(c))
                .map(char::len_utf8)
                .sum::<usize>()
        };
        let back_by_chars = |text: &str, pos: usize| {
            pos - text[..pos]
                .chars()
                .rev()
                .take_while(|&c| is_space(c))
                .map(char::len_utf8)
                .sum::<usize>()
        };
        let text = "a \t\u{a0}\u{202f} b\u{2009}\u{a0}été  \n 2\u{3000}x ";
        for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
            assert_eq!(skip_spaces(text, pos), by_chars(text, pos), "{pos}");
            assert_eq!(
                skip_spaces_back(text, pos),
                back_by_chars(text, pos),
                "{pos}"
            );
        }
    }

    #[test]
    fn tail_matches_phrases_at_word_boundaries() {
        let t = "il reste environ\u{a0}";
        let tl = tail(t, t.len(), 48);
        assert_eq!(tl.ends_with_phrase("environ"), Some(9));
        let t = "Près de ";
        assert_eq!(tail(t, t.len(), 48).ends_with_phrase("pres de"), Some(0));
        let t = "apres de ";
        assert_eq!(tail(t, t.len(), 48).ends_with_phrase("pres de"), None);
    }

    /// The folded tail a character at a time: what [`tail`] must equal.
    fn tail_by_chars(text: &str, pos: usize, max: usize) -> (String, Vec<usize>) {
        let mut start = pos.saturating_sub(max);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let (mut norm, mut offsets, mut last_space) = (String::new(), Vec::new(), false);
        for (i, c) in text[start..pos].char_indices() {
            let f = fold_char(c);
            if f == ' ' || f == '\n' || f == '\r' {
                if !last_space {
                    norm.push(' ');
                    offsets.push(start + i);
                }
                last_space = true;
            } else {
                offsets.extend(std::iter::repeat_n(start + i, f.len_utf8()));
                norm.push(f);
                last_space = false;
            }
        }
        (norm, offsets)
    }

    #[test]
    fn tail_folds_as_char_by_char() {
        let t = "Près de\t\n 3 ŒUVRES, d’environ\u{a0}\u{202f}  `x` İ  ";
        for pos in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
            for max in [0, 1, 5, 24, 48, 200] {
                let tl = tail(t, pos, max);
                let want = tail_by_chars(t, pos, max);
                assert_eq!((&tl.norm, &tl.offsets), (&want.0, &want.1), "{pos} {max}");
            }
        }
    }

    #[test]
    fn word_at_and_before_read_letters() {
        let t = "l’été 2 Œuvres-x ab";
        assert_eq!(word_at(t, 0), Some((0, 1)));
        assert_eq!(word_at(t, 4), Some((4, 9)));
        assert_eq!(word_at(t, 9), None);
        assert_eq!(word_before(t, 9), Some((4, 9)));
        assert_eq!(word_before(t, 4), None);
        assert_eq!(word_at(t, 12), Some((12, 19)));
        assert_eq!(word_before(t, 19), Some((12, 19)));
        assert_eq!(word_before(t, t.len()), Some((t.len() - 2, t.len())));
    }

    #[test]
    fn every_symbol_is_found_at_a_text_it_starts() {
        let cfg = crate::testing::config();
        let lex = &cfg.lexicon;
        for f in lex.unit_forms.iter().filter(|f| f.symbol) {
            for after in ["", " x", "\n", ") 3"] {
                let t = format!("{}{after}", f.form);
                let u = unit_at(lex, &t, 0);
                assert!(u.is_some_and(|u| u.end >= f.form.len()), "{t:?}");
            }
        }
    }

    #[test]
    fn units_prefixes_and_scales() {
        let cfg = crate::testing::config();
        let lex = &cfg.lexicon;
        let t = "5 km de route";
        let u = unit_at(lex, t, 2).unwrap();
        assert_eq!(lex.units[u.unit].id, "km");
        assert_eq!((u.start, u.end), (2, 4));
        let t = "10 pour cent";
        assert_eq!(lex.units[unit_at(lex, t, 3).unwrap().unit].id, "%");
        // "l'" is an article, not litres.
        assert!(unit_at(lex, "3 l'homme", 2).is_none());
        let t = "un coût de $ 75";
        let u = prefix_unit_before(lex, t, 14).unwrap();
        assert_eq!(lex.units[u.unit].id, "USD");
        let mut buf = String::new();
        assert_eq!(
            scale_at(lex.get("fr").unwrap(), "millions de dollars", 0, &mut buf).map(|x| x.1),
            Some(8)
        );
    }

    #[test]
    fn counted_noun_skips_links_and_stops() {
        let cfg = crate::testing::config();
        let fr = cfg.lexicon.get("fr").unwrap();
        let mut buf = String::new();
        let mut noun = |debris: &[String], t: &str, link: bool| {
            counted_noun(
                fr,
                debris,
                t,
                0,
                link,
                false,
                &mut buf,
                &mut FoldedWord::new(),
            )
        };
        let t = " d'étrangers, répartis";
        assert_eq!(noun(&[], t, true), Some((3, 13)));
        assert_eq!(noun(&[], t, false), None);
        assert_eq!(noun(&[], " soldats américains", false), Some((1, 8)));
        assert_eq!(noun(&[], " et 3", false), None);
        let debris = vec!["XNUMX".to_string()];
        assert_eq!(noun(&debris, " XNUMX soldats", false), Some((7, 14)));
    }

    #[test]
    fn the_head_last_is_found_with_the_endings_of_the_language() {
        let cfg = crate::testing::config();
        let en = cfg.lexicon.get("en").unwrap();
        let mut bare = en.clone();
        bare.participle_endings.clear();
        bare.plural_endings.clear();
        let mut buf = String::new();
        let head = |lang: &LangLexicon, t: &'static str, buf: &mut String| {
            counted_noun(lang, &[], t, 0, false, true, buf, &mut FoldedWord::new())
                .map(|(s, e)| &t[s..e])
        };
        // A singular before a plural is a modifier: the plural is the head.
        let t = " police officers";
        assert_eq!(head(en, t, &mut buf), Some("officers"));
        assert_eq!(head(&bare, t, &mut buf), Some("police"));
        // A participle ends the phrase.
        let t = " Marines wounded";
        assert_eq!(head(en, t, &mut buf), Some("Marines"));
        assert_eq!(head(&bare, t, &mut buf), Some("wounded"));
    }
}
