//! The counted noun a figure leaves to the words before it: "portant le
//! total des morts du Covid-19 depuis le 1er mars à 28.289", "the death
//! toll ... to 1,200", "le nombre de décès s'élève à 17.944". A figure with
//! no noun of its own counts what the nearest lead phrase before it in its
//! clause names ("total des", "nombre de", "number of": `[count_leads]` of
//! each language's meaning file), when no other figure stands between, or
//! the subject noun of a copula right before it ("les manifestants étaient
//! 106.000": `copulas` there).

use super::Meanings;
use crate::lexicon::fold;
use crate::model::Figure;

/// How far before a figure, in bytes, its lead phrase may stand.
const WINDOW: usize = 90;

/// The text before `fig` in its sentence, at most [`WINDOW`] bytes and
/// after the previous figure (which ends at `prev_end`); `None` when empty.
fn look_back<'t>(
    text: &'t str,
    sentence: (usize, usize),
    fig: &Figure,
    prev_end: usize,
) -> Option<&'t str> {
    let mut from = fig
        .start()
        .saturating_sub(WINDOW)
        .max(sentence.0)
        .max(prev_end);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    (from < fig.start()).then(|| &text[from..fig.start()])
}

/// The measure of the noun a lead phrase names before `fig` in the sentence
/// `text[sentence.0..sentence.1]`; `prev_end` is where the previous figure of
/// the sentence ends (a lead before it belongs to it).
pub(crate) fn elided_measure(
    text: &str,
    sentence: (usize, usize),
    fig: &Figure,
    prev_end: usize,
    m: &Meanings,
) -> Option<u16> {
    if m.count_leads.is_empty() && m.count_heads.is_empty() && m.count_copulas.is_empty() {
        return None;
    }
    let before = look_back(text, sentence, fig, prev_end)?;
    // Clause breaks end the look-back.
    let clause = before
        .rfind(['.', ';', ':', '(', ')', '?', '!'])
        .map_or(before, |k| &before[k + 1..]);
    // No byte of a word (nor of what folds to one): no lead phrase, and
    // nothing to fold ("1 1 1", "(3) [4]").
    if !clause
        .bytes()
        .any(|b| b >= 0x80 || b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'-' | b'`'))
    {
        return None;
    }
    let folded = fold(clause);
    let words: Vec<&str> = words(&folded).collect();
    // A copula right before the figure joins it to the plural subject noun
    // right before the copula ("les manifestants étaient 106.000"; not the
    // end of a phrase after the subject, "les Français installés à
    // l'étranger sont plus d'un million"): nearer than any lead.
    for cop in &m.count_copulas {
        let n = cop.len();
        if words.len() > n && words[words.len() - n..] == cop[..] {
            let noun = words[words.len() - n - 1];
            let plural = m.plural_endings.iter().any(|e| noun.ends_with(e.as_str()));
            if let Some(measure) = m.measure_of(noun).filter(|_| plural) {
                return Some(measure);
            }
        }
    }
    // The last lead phrase of the clause and the noun right after it, or
    // the last head and the noun right before it ("death toll").
    let mut found = None;
    for lead in &m.count_leads {
        let n = lead.len();
        if n == 0 || words.len() <= n {
            continue;
        }
        for i in 0..words.len() - n {
            // The noun after the lead, past an elided article ("le total
            // de l'aide").
            let Some(k) = (i + n..words.len()).find(|&k| !words[k].ends_with('\'')) else {
                continue;
            };
            if words[i..i + n] == lead[..] && found.is_none_or(|(j, _)| k > j) {
                found = Some((k, words[k]));
            }
        }
    }
    for i in 1..words.len() {
        if m.count_heads.iter().any(|h| h == words[i]) && found.is_none_or(|(k, _)| i - 1 > k) {
            found = Some((i - 1, words[i - 1]));
        }
    }
    let (_, noun) = found?;
    m.measure_of(noun)
}

/// Most bytes after a figure read for its subject link and role word.
const AFTER: usize = 48;

/// The role of a figure with no noun of its own that is the subject of a
/// role word right after one of the `subject_links` ("71.104 sont mortes",
/// "12 were killed", "plus de 400 ont été interpellées"): a role that
/// turns a count of people into a measure of its own (killed, injured,
/// arrested, protested), so that the figure counts people with that role.
/// `None` for any other word after the link ("2.500 ont été vendus").
pub(crate) fn subject_role(
    text: &str,
    sentence: (usize, usize),
    fig: &Figure,
    m: &Meanings,
) -> Option<u16> {
    if m.subject_links.is_empty() {
        return None;
    }
    let mut end = (fig.end() + AFTER).min(sentence.1).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let after = text.get(fig.end()..end)?;
    // The link must follow the figure across blanks only.
    if !after.starts_with(|c: char| c.is_whitespace()) {
        return None;
    }
    let clause = after
        .find(['.', ';', ':', '(', ')', '?', '!'])
        .map_or(after, |k| &after[..k]);
    let folded = fold(clause);
    let words: Vec<&str> = words(&folded).collect();
    let link = m
        .subject_links
        .iter()
        .filter(|l| words.len() > l.len() && words[..l.len()] == l[..])
        .map(Vec::len)
        .max()?;
    // The role word right after the link, of one to three words ("tués",
    // "trouvé la mort").
    let (n, role) = (1..=3)
        .rev()
        .filter(|n| link + n <= words.len())
        .find_map(|n| Some((n, m.role_word(&words[link..link + n].join(" "))?)))?;
    // "20,000 were killed or injured", "170,909 were wounded, went missing
    // or became prisoners": an alternative after the role before any other
    // number makes the figure a count of several roles at once.
    let rest = words[link + n..]
        .iter()
        .take_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()));
    let combined = rest
        .take(ALTERNATIVE_REACH)
        .any(|w| m.subject_alternatives.iter().any(|a| a == w));
    (!combined
        && m.role_measure
            .get(role as usize)
            .copied()
            .flatten()
            .is_some())
    .then_some(role)
}

/// Most words after a subject's role word read for an alternative.
const ALTERNATIVE_REACH: usize = 6;

/// The words of folded text: runs of letters, digits, hyphens and
/// apostrophes, each apostrophe ending its word, so that an elided word
/// stands apart ("nombre d'interpellations": "nombre", "d'",
/// "interpellations"), as in the phrases of the data, read the same way.
pub(crate) fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .flat_map(|w| w.split_inclusive('\''))
        .filter(|w| !w.is_empty())
}

/// True when the last words before `fig`, after the previous figure of its
/// sentence (which ends at `prev_end`), are a comparison lead ("contre",
/// "up from": `[comparison_leads]` of each language's meaning file): the
/// figure counts what that previous figure counts, at another moment or
/// place ("287 710 manifestants samedi, contre 282 710 annoncés samedi
/// soir").
pub(crate) fn compared_with_previous(
    text: &str,
    sentence: (usize, usize),
    fig: &Figure,
    prev_end: usize,
    m: &Meanings,
) -> bool {
    ends_with_lead(text, sentence, fig, prev_end, &m.comparison_leads)
}

/// True when the last words before `fig`, after the previous figure of its
/// sentence (which ends at `prev_end`), are a coordinator of `gapping` of
/// `[comparison_leads]` ("et", "puis", "and"): with only when or where
/// after the figure (see `claims::only_when_or_where`), the verb and the noun of the
/// previous count are left out.
pub(crate) fn coordinated_with_previous(
    text: &str,
    sentence: (usize, usize),
    fig: &Figure,
    prev_end: usize,
    m: &Meanings,
) -> bool {
    ends_with_lead(text, sentence, fig, prev_end, &m.gapping_leads)
}

/// True when the words before `fig` after `prev_end` end with one of
/// `leads` (folded phrases, as words).
fn ends_with_lead(
    text: &str,
    sentence: (usize, usize),
    fig: &Figure,
    prev_end: usize,
    leads: &[Vec<String>],
) -> bool {
    if leads.is_empty() || prev_end == 0 {
        return false;
    }
    let Some(before) = look_back(text, sentence, fig, prev_end) else {
        return false;
    };
    let folded = fold(before);
    let words: Vec<&str> = words(&folded).collect();
    leads.iter().any(|lead| {
        !lead.is_empty()
            && words.len() >= lead.len()
            && words[words.len() - lead.len()..]
                .iter()
                .zip(lead)
                .all(|(w, l)| w == l)
    })
}

#[cfg(test)]
mod tests {
    use crate::claims::{claims_of, Claim};
    use crate::input::Document;
    use crate::model::Lang;

    fn claims(text: &str, lang: Lang) -> Vec<Claim> {
        let cfg = crate::testing::config();
        let doc = Document::new("t", text.to_string(), Some(lang));
        claims_of(0, &doc, &cfg.lexicon, &cfg.meanings)
    }

    fn measure(text: &str, lang: Lang, figure: &str) -> Option<String> {
        let cfg = crate::testing::config();
        let cs = claims(text, lang);
        let c = cs
            .iter()
            .find(|c| &text[c.fig.start()..c.fig.end()] == figure)
            .unwrap();
        c.measure()
            .map(|m| cfg.meanings.measures.name(m).to_string())
    }

    #[test]
    fn a_lead_names_the_counted() {
        let t = "Santé Publique France a comptabilisé 17.944 décès dans les hôpitaux, \
                 portant le total des morts du Covid-19 depuis le 1er mars à 28.289.";
        assert_eq!(
            measure(t, Lang::new("fr"), "28.289").as_deref(),
            Some("deaths")
        );
        let t = "The ministry raised the number of deaths in the region to 1,200 on Monday.";
        assert_eq!(
            measure(t, Lang::new("en"), "1,200").as_deref(),
            Some("deaths")
        );
    }

    #[test]
    fn an_elided_word_stands_apart() {
        let w: Vec<&str> = super::words("le nombre d'interpellations, aujourd'hui").collect();
        assert_eq!(
            w,
            ["le", "nombre", "d'", "interpellations", "aujourd'", "hui"]
        );
    }

    #[test]
    fn a_head_names_the_counted_before_it() {
        let en = Lang::new("en");
        let t = "Floods in Libya: the death toll has risen to 1,200, the Red Crescent said.";
        assert_eq!(measure(t, en, "1,200").as_deref(), Some("deaths"));
        // The nearer of a lead and a head names it.
        let t = "The number of arrests and the death toll rose to 40.";
        assert_eq!(measure(t, en, "40").as_deref(), Some("deaths"));
        let t = "The death toll and the number of arrests rose to 40.";
        assert_eq!(measure(t, en, "40").as_deref(), Some("arrests"));
        // A toll of nothing known names nothing.
        let t = "The toll stands at 1,350.";
        assert_eq!(measure(t, en, "1,350"), None);
    }

    #[test]
    fn a_compared_figure_counts_what_the_figure_before_it_counts() {
        let t = "Le ministère de l'Intérieur a revu son bilan : 287 710 manifestants \
                 samedi dans toute la France, contre 282 710 annoncés samedi soir.";
        assert_eq!(
            measure(t, Lang::new("fr"), "282 710").as_deref(),
            Some("protesters")
        );
        let t = "The ministry counted 30 deaths on Monday, up from 12 a week earlier.";
        assert_eq!(measure(t, Lang::new("en"), "12").as_deref(), Some("deaths"));
        // A figure set beside the count before it, its noun elided.
        let t = "Le ministère a compté 124.000 manifestants lors de la première journée \
                 de mobilisation, et la deuxième 106.000.";
        assert_eq!(
            measure(t, Lang::new("fr"), "106.000").as_deref(),
            Some("protesters")
        );
        let t = "Police counted 46,000 protesters on the first day and on the second 32,000.";
        assert_eq!(
            measure(t, Lang::new("en"), "32,000").as_deref(),
            Some("protesters")
        );
        // Without a comparison, a bare figure keeps no noun.
        let t = "Le ministère a compté 287 710 manifestants samedi, puis 282 710 annoncés.";
        assert_eq!(measure(t, Lang::new("fr"), "282 710"), None);
        // A figure with a noun of its own keeps it.
        let t = "On compte 30 morts, contre 12 blessés la veille.";
        assert_eq!(
            measure(t, Lang::new("fr"), "12").as_deref(),
            Some("injured")
        );
    }

    #[test]
    fn a_coordinated_figure_with_only_when_or_where_leaves_its_noun_out() {
        let (fr, en) = (Lang::new("fr"), Lang::new("en"));
        let t = "La police a procédé à 205 interpellations samedi à Paris, et 224 dimanche.";
        assert_eq!(measure(t, fr, "224").as_deref(), Some("arrests"));
        let t = "A Paris, 205 interpellations à 18 h, puis 224 en fin de journée.";
        assert_eq!(measure(t, fr, "224").as_deref(), Some("arrests"));
        let t = "Au moins 4.000 manifestants à Bordeaux et 3.500 à Marseille (selon la police).";
        assert_eq!(measure(t, fr, "3.500").as_deref(), Some("protesters"));
        let t = "Police made 205 arrests in Paris on Saturday and 224 on Sunday.";
        assert_eq!(measure(t, en, "224").as_deref(), Some("arrests"));
        // A verb of its own: another count.
        let t = "Le nombre de morts atteint 45, puis 300 ont été évacués samedi.";
        assert_eq!(measure(t, fr, "300"), None);
        let t = "Officials counted 45 deaths, and 300 were evacuated on Sunday.";
        assert_eq!(measure(t, en, "300"), None);
        // More than when or where after it.
        let t = "On compte 45 morts samedi et 300 dimanche dans les hôpitaux privés de la ville.";
        assert_eq!(measure(t, fr, "300"), None);
    }

    #[test]
    fn a_bare_figure_set_off_after_a_vague_count_puts_a_number_on_it() {
        let fr = Lang::new("fr");
        let t = "Des milliers de personnes se sont rassemblées - 15.000 d'après la \
                 préfecture de police - sur la place de la République.";
        assert_eq!(measure(t, fr, "15.000").as_deref(), Some("people"));
        let t = "A Strasbourg, plusieurs milliers de manifestants (3.500 selon la \
                 préfecture) ont défilé.";
        assert_eq!(measure(t, fr, "3.500").as_deref(), Some("protesters"));
        // A bare figure that is not set off counts something else.
        let t = "Des centaines de personnes ont été tuées dans les combats et quelque \
                 200.000 ont pris la fuite.";
        assert_eq!(measure(t, fr, "quelque 200.000"), None);
        let t = "Des milliers d'habitants font la queue, portant à 158 le nombre de cas.";
        assert_eq!(measure(t, fr, "158"), None);
    }

    #[test]
    fn no_lead_across_a_figure_or_a_clause() {
        // The lead belongs to the first figure.
        let t = "Le nombre de morts atteint 45, puis 300 habitants ont été évacués.";
        assert_eq!(measure(t, Lang::new("fr"), "45").as_deref(), Some("deaths"));
        let t = "Le nombre de morts atteint 45, puis 300 ont été évacués.";
        assert_eq!(measure(t, Lang::new("fr"), "300"), None);
        let t = "Le nombre de morts a augmenté; les secours ont mobilisé 300 véhicules.";
        assert_eq!(measure(t, Lang::new("fr"), "300"), None);
    }
}
