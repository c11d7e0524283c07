//! Where the scan stops: at digits ("1 500", "2,5"), at words the lexicon
//! knows as numbers ("trois", "a dozen"), at Roman ordinals ("XIXe") and
//! at vulgar fractions ("½"); web addresses ("https://…") are skipped.
//! Each stop hands the number it starts to the recognisers.

use crate::extract::context::*;
use crate::extract::digits::{self, numeral, read_numeral};
use crate::extract::recognise::*;
use crate::extract::support::*;
use crate::extract::words;
use crate::extract::Extractor;
use crate::lexicon::{LangLexicon, WordInfo};
use crate::model::{Figure, Kind, Written};

impl<'a> Extractor<'a> {
    pub(crate) fn scan(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // The ASCII letters read at `i` by the fast path below: where
            // they end and their folded hash, which the word they start
            // goes on from.
            let mut ascii_head = None;
            if b.is_ascii_digit() {
                i = self.at_digit(i).max(i + 1).max(self.last_end());
                while i < bytes.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
            if (b == b'h' || b == b'w') && !is_alnum_before(text, i) {
                if let Some(e) = url_end(text, i) {
                    i = e;
                    continue;
                }
            }
            if b.is_ascii_alphabetic() {
                // Fast path: an ASCII word the lexicon does not know is
                // skipped on its bytes, hashed as it is read.
                let mut j = i;
                let mut h = crate::lexicon::FOLD_HASH_BASIS;
                while let Some(&l) = bytes.get(j).map(|&b| &ASCII_LOWER[b as usize]) {
                    if l == 0 {
                        break;
                    }
                    h = crate::lexicon::fold_hash_byte(h, l);
                    j += 1;
                }
                let ascii_word = j == bytes.len() || bytes[j] < 0x80;
                let word_start =
                    i == 0 || (bytes[i - 1] < 0x80 && !bytes[i - 1].is_ascii_alphanumeric());
                // "XXe siècle", "la IIe République", "XIXème".
                if word_start && matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M') {
                    if let Some(end) = self.roman_ordinal(i) {
                        i = end;
                        continue;
                    }
                }
                if ascii_word && word_start && !self.primary.scan_hashes.contains(&h) {
                    i = j;
                    continue;
                }
                if ascii_word && !word_start && bytes[i - 1] < 0x80 {
                    i = j;
                    continue;
                }
                ascii_head = Some((j, h));
            }
            if b.is_ascii_alphabetic() || b >= 0x80 {
                let c = char_at(text, i).unwrap_or(' ');
                if words::is_word_char(c) {
                    // The word's end and folded hash in one pass, on from
                    // its ASCII head.
                    let (from, h) = ascii_head.unwrap_or((i, crate::lexicon::FOLD_HASH_BASIS));
                    let (wend, h) = word_end_and_hash(text, from, h);
                    // Like the fast path above: a word whose hash no
                    // lexicon read here knows starts nothing.
                    if !is_alnum_before(text, i) && self.may_start_figure(h) {
                        if let Some(end) = self.at_word(i, wend) {
                            i = end.max(wend).max(self.last_end());
                            while !text.is_char_boundary(i) {
                                i += 1;
                            }
                            continue;
                        }
                    }
                    i = wend;
                    continue;
                }
                if let Some(v) = vulgar_fraction(c) {
                    if !is_alnum_before(text, i) {
                        let mut f = Figure::new(i, i + c.len_utf8(), Some(v), Written::Digits);
                        f.kind = Kind::Fraction;
                        f.decimals = 1;
                        i = self.after_number(f).max(self.last_end());
                        continue;
                    }
                }
                i += c.len_utf8();
                continue;
            }
            i += 1;
        }
    }

    /// Numbers written with digits, in the order the recognisers run; each
    /// line says why it runs there. Returns where the scan goes on.
    pub(crate) fn at_digit(&mut self, pos: usize) -> usize {
        if let Some(e) = char_reference_end(self.text, pos) {
            return e; // "5&#8239;000": markup left in the text, no figure
        }
        if self.glued_to_name(pos) {
            return self.identifier(pos); // "F-16", "G20": a code, before any reading
        }
        if let Some(e) = self.phone(pos) {
            return e; // "01 23 45 67 89": before its groups read as thousands
        }
        if let Some(e) = self.ip_address(pos) {
            return e; // "192.168.1.2": before it reads as a grouped number
        }
        if let Some(e) = self.leading_decimal(pos) {
            return e; // ".25", ",08": the separator stands before the digits
        }
        let mut f = match self.digit_numeral(pos) {
            Ok(f) => f,
            Err(e) => return e, // no number, too long, or a code ("007")
        };
        if let Some(e) = self.scientific(&mut f) {
            return e; // "1e10": the exponent is part of the value
        }
        self.after_number(f)
    }

    /// The number the digits at `pos` write, read with the separators of
    /// the document's language ("1 500", "2,5", "22,24,26,31" a list); or
    /// where the scan goes on when they write no figure to read further:
    /// no number, one too large for an exact decimal (an identifier), or a
    /// code with leading zeros.
    fn digit_numeral(&mut self, pos: usize) -> Result<Figure, usize> {
        let text = self.text;
        let Ok((_, num)) = numeral(&text[pos..]) else {
            return Err(pos + 1);
        };
        // The next item of a list "22,24,26,31".
        let prev = char_before(text, pos);
        let in_list =
            prev == Some(',') && char_before(text, pos - 1).is_some_and(|c| c.is_ascii_digit());
        let reading = if in_list {
            read_numeral(&digits::Numeral { n: 1, ..num }, self.conv)
        } else {
            read_numeral(&num, self.conv)
        };
        let Some(reading) = reading else {
            // Too large for an exact decimal: keep it as an identifier.
            return Err(self.identifier(pos));
        };
        let num_end = pos + numeral_len(&num, reading.runs);
        if let Some(e) = self.zero_code(pos, num_end, num.runs()[0], reading.runs) {
            return Err(e);
        }
        let mut f = Figure::new(pos, num_end, Some(reading.value), Written::Digits);
        f.evidence = reading.evidence;
        f.bad_grouping = reading.bad_grouping;
        f.ambiguous = reading.odd;
        f.decimals = reading.scale.min(255) as u8;
        Ok(f)
    }

    /// Whether a word may be one [`Self::at_word`] reads: its folded hash
    /// `h` is that of a word of a lexicon it reads words with that may
    /// start a figure ([`crate::lexicon::WordInfo::may_start`]), or of a
    /// unit that stands alone. Any other word (an article, a connector, a
    /// fallback language's word) would find nothing there.
    fn may_start_figure(&self, h: u64) -> bool {
        self.lexes().any(|l| l.start_hashes.contains(&h)) || self.lex.alone_hashes.contains(&h)
    }

    /// Numbers written in words. Returns where the scan goes on, or `None`
    /// when the word starts no figure.
    pub(crate) fn at_word(&mut self, pos: usize, wend: usize) -> Option<usize> {
        let text = self.text;
        let lexes = [Some(self.primary), self.secondary];
        for lex in lexes.into_iter().flatten() {
            let Some(info) = words::lookup(lex, &text[pos..wend], &mut self.buf).cloned() else {
                continue;
            };
            if info.one_before_time || info.vague {
                if let Some(end) = self.time_words(lex, pos, wend, info.vague) {
                    return Some(end);
                }
            }
            if !info.starts_figure() {
                continue;
            }
            // "un homme", "a man": most articles start no figure, and the
            // word after one tells, before a dozen recognisers read it.
            if self.article_path && self.article_alone(lex, &info, pos, wend) {
                return Some(wend);
            }
            if self.not_a_number(lex, pos) {
                return Some(wend);
            }
            if info.relative {
                if let Some(end) = self.relative_ordinal(lex, pos) {
                    return Some(end);
                }
                if info.cardinal.is_none() && info.ordinal.is_none() {
                    continue;
                }
            }
            // Collectives: "une centaine", "des milliers", "dozens".
            if let Some(end) = self.collective(lex, pos) {
                return Some(end);
            }
            if let Some(sp) = words::spelled_number_with(lex, &text[pos..], &mut self.buf) {
                let end = pos + sp.len;
                let mut f = Figure::new(pos, end, Some(sp.value), Written::Words);
                if sp.ordinal {
                    f.kind = Kind::Ordinal;
                    self.push(f);
                    return Some(end);
                }
                if sp.fraction {
                    f.kind = Kind::Fraction;
                    f.decimals = 1;
                    if let Some(e) = self.fraction_of_unit(lex, &mut f) {
                        return Some(e);
                    }
                }
                if sp.approx {
                    self.approximate(&mut f);
                }
                if sp.article_only
                    && (self.listed_after_count(pos) || self.coordinated_with_number(pos, end))
                {
                    // "deux garçons et une fille": after a count and a
                    // link of a list, the article is the numeral one.
                    return Some(self.after_number(f));
                }
                if sp.article_only {
                    // "un homme" is no figure; "une semaine", "an hour" are
                    // durations of one, "un penny", "a dollar" sums of one;
                    // "un million" was read above.
                    let after = skip_spaces(text, end);
                    match unit_at(self.lex, text, after) {
                        Some(u) if self.one_of_unit(&u) => {
                            return Some(self.after_number(f));
                        }
                        // "un sur trois", "one out of five".
                        _ => {
                            if let Some(e) = self.fraction_link(&mut f, end) {
                                return Some(e);
                            }
                            return Some(self.one_noun_in(lex, f).unwrap_or(end));
                        }
                    }
                }
                return Some(self.after_number(f));
            }
        }
        // A unit named without a number: "convert to fahrenheit".
        crate::lexicon::fold_into(&text[pos..wend], &mut self.buf);
        if self.lex.alone_words.contains(self.buf.as_str()) {
            if let Some(u) = unit_at(self.lex, text, pos) {
                if self.lex.unit_forms[u.form].alone {
                    let mut f = Figure::new(pos, u.end, None, Written::Words);
                    f.kind = self.lex.units[u.unit].kind;
                    f.unit = Some(u.unit as u16);
                    self.push(f);
                    return Some(u.end);
                }
            }
        }
        None
    }
}

impl<'a> Extractor<'a> {
    /// Whether the word at `pos..wend`, which `info` says is an article of
    /// `lex` ("un", "une", "a", "an") and nothing else that counts, stands
    /// there as an article and starts no figure: what [`Self::at_word`]
    /// finds after running its recognisers on it, all of which then read
    /// nothing (it goes on at `wend`, and no figure is pushed). Told from
    /// the lexicon's [`crate::lexicon::ArticleCues`] in a look-up or two,
    /// where the recognisers cost about 4.8 k instructions an article.
    ///
    /// Each recogniser an article reaches in `at_word`, and why none
    /// reads anything when this is true:
    /// - `not_a_number` ("un peu", "the one", "l'un"): the next word is
    ///   no word of a phrase of `not_numbers`, the article ends no phrase
    ///   without an elided word, and no elided word ("l'") stands before
    ///   an article that ends its phrase;
    /// - `collective` ("une centaine") and `spelled_number_with` ("un
    ///   million", "a half"): the next word is no word of `words`, and
    ///   spaces, not a hyphen or digits, stand before it;
    /// - `listed_after_count`, `coordinated_with_number` ("deux garçons
    ///   et une fille", "(un officier et trois médecins)"): read before
    ///   the article, asked here as there;
    /// - `unit_at` ("une semaine", "a dollar"): the next word is none of
    ///   the units' leading letters (and is read as `unit_at` reads
    ///   them);
    /// - `fraction_link` ("un sur trois"): the next word opens no link;
    /// - `one_noun_in` ("un Français sur cinq"): the word after the next
    ///   opens no link either.
    ///
    /// Whatever is not plain (no space after the article, a next word of
    /// unusual letters or longer than 32 bytes) is left to the
    /// recognisers: false.
    pub(crate) fn article_alone(
        &mut self,
        lex: &LangLexicon,
        info: &WordInfo,
        pos: usize,
        wend: usize,
    ) -> bool {
        if !info.article
            || info.cardinal.is_none()
            || info.ordinal.is_some()
            || info.collective.is_some()
            || info.denominator.is_some()
            || info.relative
            || info.one_before_time
            || info.vague
        {
            return false;
        }
        let text = self.text;
        let cues = &lex.article_cues;
        if !cues.ready {
            return false;
        }
        let w = crate::lexicon::fold_hash(&text[pos..wend]);
        if cues.phrase_ends.contains(&w) {
            return false; // "the one": whatever follows
        }
        let after = skip_spaces(text, wend);
        if after == wend {
            return false;
        }
        let Some((next_end, h)) = plain_word(text, after) else {
            return false;
        };
        // The recognisers read words with the document's lexicons, and the
        // fraction links of each.
        if self.lexes().any(|l| l.article_cues.next.contains(&h)) {
            return false;
        }
        // "l'un" (not "d'un"): as `not_a_number` compares the elided word.
        if cues.elided.iter().any(|&(_, r)| r == w)
            && crate::extract::before::before(text, pos, 24).last_byte() == Some(b'\'')
        {
            let t = tail(text, pos, 24);
            let head = t.norm.strip_suffix('\'');
            if cues
                .elided
                .iter()
                .any(|(e, r)| *r == w && head.is_some_and(|b| b.ends_with(e.as_str())))
            {
                return false;
            }
        }
        if self.listed_after_count(pos) || self.coordinated_with_number(pos, wend) {
            return false;
        }
        // "un Français sur cinq": a link after the noun.
        if lex.articles_count {
            let l = skip_spaces(text, next_end);
            if let Some((s, e)) = word_at(text, l) {
                let h2 = crate::lexicon::fold_hash(&text[s..e]);
                if self.lexes().any(|x| x.article_cues.links.contains(&h2)) {
                    return false;
                }
            }
        }
        true
    }
}

/// The word of letters ([`word_at`]) at `at`, where it ends and its
/// folded hash ([`crate::lexicon::fold_hash`]), when every reader of the
/// word after an article reads these same letters: `words::lookup` and
/// the phrases read [`word_at`], but `unit_at` reads the letters whose
/// fold is a letter, in its first 40 bytes. `None` when they may differ:
/// a letter whose fold is none, a character after the word whose fold is
/// a letter, or a word longer than 32 bytes.
fn plain_word(text: &str, at: usize) -> Option<(usize, u64)> {
    let (end, h) = word_end_and_hash(text, at, crate::lexicon::FOLD_HASH_BASIS);
    let folds_to_letter = |c: char| crate::lexicon::fold_char(c).is_alphabetic();
    // A letter of the word whose fold is no letter, or a character after
    // it that is no word character but folds to a letter.
    let odd_inside = !text[at..end].is_ascii()
        && text[at..end]
            .chars()
            .any(|c| !c.is_ascii() && !folds_to_letter(c));
    let odd_after = text[end..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii() && folds_to_letter(c));
    (end > at && end - at <= 32 && !odd_inside && !odd_after).then_some((end, h))
}

/// The lower case of each ASCII letter, 0 for any other byte: the scan
/// tells a letter and folds it with one look-up.
const ASCII_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        if (b as u8).is_ascii_alphabetic() {
            t[b] = (b as u8).to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// The end of the word (letters, as [`word_at`] reads them) that goes on
/// at `from`, and its folded hash ([`crate::lexicon::fold_hash`]) continued
/// from `h`, the hash of the letters before `from`.
fn word_end_and_hash(text: &str, from: usize, mut h: u64) -> (usize, u64) {
    let bytes = text.as_bytes();
    let mut end = from;
    while let Some(&b) = bytes.get(end) {
        if b < 0x80 {
            let l = ASCII_LOWER[b as usize];
            if l == 0 {
                break;
            }
            h = crate::lexicon::fold_hash_byte(h, l);
            end += 1;
            continue;
        }
        let Some(c) = text[end..]
            .chars()
            .next()
            .filter(|&c| words::is_word_char(c))
        else {
            break;
        };
        h = crate::lexicon::fold_hash_letter(h, c);
        end += c.len_utf8();
    }
    (end, h)
}

pub(crate) fn is_alnum_before(text: &str, pos: usize) -> bool {
    char_before(text, pos).is_some_and(|c| c.is_alphanumeric())
}

/// The end of a web address starting at `pos` ("https://…", "www.…"):
/// its digits are no figures.
pub(crate) fn url_end(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    if !(rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.")) {
        return None;
    }
    Some(pos + rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len()))
}

/// A numeric character reference left in plain text (`5&#8239;000`): the
/// end of the reference whose digits start at `pos`.
fn char_reference_end(text: &str, pos: usize) -> Option<usize> {
    // Most digits follow no '#', 'x' nor 'X': one byte tells.
    if pos == 0 || !matches!(text.as_bytes()[pos - 1], b'#' | b'x' | b'X') {
        return None;
    }
    if !["&#", "&#x", "&#X"]
        .iter()
        .any(|r| text[..pos].ends_with(r))
    {
        return None;
    }
    let end = text[pos..]
        .find(|c: char| !c.is_ascii_hexdigit())
        .map_or(text.len(), |n| pos + n);
    Some(end + usize::from(text[end..].starts_with(';')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::support::{config, Figure, Lang};

    /// The figures of `text` read with and without
    /// [`Extractor::article_alone`].
    fn both(text: &str, lang: Lang) -> (Vec<Figure>, Vec<Figure>) {
        let lex = &config().lexicon;
        let mut ex = Extractor::new(text, lang, lex, true);
        ex.article_path = false;
        ex.scan();
        (crate::extract::extract(text, lang, lex), ex.finish())
    }

    /// Whether the word at `at` of `text` is told an article alone.
    fn alone(text: &str, lang: Lang, at: usize) -> bool {
        let lex = &config().lexicon;
        let mut ex = Extractor::new(text, lang, lex, true);
        let l = ex.primary;
        let (s, e) = word_at(text, at).unwrap();
        let mut buf = String::new();
        let info = words::lookup(l, &text[s..e], &mut buf).unwrap().clone();
        ex.article_alone(l, &info, s, e)
    }

    #[test]
    fn an_article_before_a_plain_noun_is_told_alone() {
        let fr = Lang::new("fr");
        let en = Lang::new("en");
        assert!(alone("Il a vu un homme.", fr, 8));
        assert!(alone("une  maison", fr, 0));
        assert!(alone("le prix d'un repas", fr, 10));
        assert!(alone("Une équipe", fr, 0));
        assert!(alone("a man came", en, 0));
        assert!(alone("an apple", en, 0));
        for (text, lang, at) in [
            ("un million", fr, 0),
            ("une centaine", fr, 0),
            ("une semaine", fr, 0),
            ("un euro", fr, 0),
            ("un peu", fr, 0),
            ("un des hommes", fr, 0),
            ("l'un homme", fr, 2),
            ("l’une femme", fr, 4),
            ("un sur trois", fr, 0),
            ("un Français sur cinq", fr, 0),
            ("(un officier et trois médecins)", fr, 1),
            ("un-deux", fr, 0),
            ("un\nhomme", fr, 0),
            ("un 3", fr, 0),
            ("un km", fr, 0),
            ("a dozen", en, 0),
            ("a half", en, 0),
            ("an hour", en, 0),
            ("a bit", en, 0),
            ("a lot", en, 0),
            ("a third", en, 0),
        ] {
            assert!(!alone(text, lang, at), "{text}");
        }
    }

    #[test]
    fn the_article_path_reads_what_the_recognisers_read() {
        for text in [
            "Il a vu un homme et une femme dans une rue.",
            "deux garçons et une fille",
            "(un officier de liaison et trois médecins)",
            "un Français sur cinq a voté, une entreprise sur quatre",
            "lors d'un reportage sur une bibliothèque",
            "un homme est venu sur deux jours",
            "l'un des manifestants, l'une, qu'un homme, d'une femme",
            "un million, une centaine, une semaine, un franc succès",
            "un peu, une fois, un jour, un autre, un des, une de",
            "en un jour, un jour viendra",
            "a man, a dozen eggs, an hour, a dollar, a pound, a bit",
            "a candidate in a district, one in four, a third of voters",
            "the one, no one, a half million, a hundred",
            "un\u{a0}million, un\u{202f}homme, un\thomme, un  homme",
            "uné des milliers, Un homme, UNE femme",
        ] {
            for lang in [
                Lang::new("fr"),
                Lang::new("en"),
                Lang::new("es"),
                Lang::Unknown,
            ] {
                let (fast, full) = both(text, lang);
                assert_eq!(fast, full, "{text} ({lang:?})");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Articles among nouns, number words, units, links and marks read
        /// the same with the article path as without it.
        #[test]
        fn article_path_changes_nothing(
            parts in proptest::collection::vec(proptest::prop_oneof![
                3 => proptest::sample::select(vec![
                    "un", "une", "Un", "a", "an", "A", "una", "uno", "l'un",
                    "d'un", "l’une", "qu'une",
                ]),
                4 => proptest::sample::select(vec![
                    "homme", "man", "Français", "maison", "entreprise", "million",
                    "centaine", "dozen", "semaine", "hour", "dollar", "euros", "km",
                    "peu", "bit", "fois", "autre", "des", "de", "jour", "franc", "sur",
                    "in", "out", "of", "over", "et", "and", "deux", "trois", "two",
                    "cinq", "one", "the", "la", "en", "half", "tiers", "(", ":", ",",
                    "-", "%", "3", "12", "\n", "\u{a0}",
                ]),
            ], 1..20),
            lang in proptest::sample::select(vec!["fr", "en", "es", "de"]),
        ) {
            let text = parts.join(" ");
            let (fast, full) = both(&text, Lang::new(lang));
            proptest::prop_assert_eq!(fast, full, "{}", text);
        }
    }

    #[test]
    fn word_end_and_hash_is_word_at_and_fold_hash() {
        let basis = crate::lexicon::FOLD_HASH_BASIS;
        for text in [
            "trois",
            "Deuxième guerre",
            "été,",
            "ŒUVRES complètes",
            "vingt-deux",
            "l’un",
            "İstanbul",
            "x",
        ] {
            let (s, e) = word_at(text, 0).unwrap();
            assert_eq!(
                word_end_and_hash(text, s, basis),
                (e, crate::lexicon::fold_hash(&text[s..e])),
                "{text}"
            );
            // Continued after an ASCII head, as the scan does.
            let head = text.bytes().take_while(u8::is_ascii_alphabetic).count();
            let h = text[..head].bytes().fold(basis, |h, b| {
                crate::lexicon::fold_hash_byte(h, b.to_ascii_lowercase())
            });
            assert_eq!(word_end_and_hash(text, head, h).0, e, "{text}");
        }
    }
}
